use crate::skills::{SkillMatch, Taxonomy};

fn found(text: &str) -> Vec<String> {
    Taxonomy::builtin()
        .find(text)
        .into_iter()
        .map(|m| m.name)
        .collect()
}

fn has(text: &str, name: &str) -> bool {
    found(text).iter().any(|n| n == name)
}

#[test]
fn empty_and_blank_text() {
    assert!(found("").is_empty());
    assert!(found("   \n\t ").is_empty());
    assert!(found("…—•").is_empty());
}

#[test]
fn aliases_map_to_canonical_names() {
    assert_eq!(
        found("JS, TS, k8s, Postgres, GCP, ML, DL, NLP and CI/CD"),
        [
            "JavaScript",
            "TypeScript",
            "Kubernetes",
            "PostgreSQL",
            "Google Cloud",
            "Machine Learning",
            "Deep Learning",
            "Natural Language Processing",
            "CI/CD"
        ]
    );
    assert_eq!(
        found("Golang services on Amazon Web Services"),
        ["Go", "AWS"]
    );
}

#[test]
fn spelling_variants() {
    for text in ["React.js", "ReactJS", "React JS", "react-js", "reactjs"] {
        assert_eq!(found(text), ["React"], "{text}");
    }
    for text in ["Node.js", "NodeJS", "node js", "Node"] {
        assert_eq!(found(text), ["Node.js"], "{text}");
    }
    assert_eq!(
        found("scikit learn and Scikit-Learn"),
        ["scikit-learn", "scikit-learn"]
    );
}

#[test]
fn word_boundaries() {
    assert_eq!(found("JavaScript"), ["JavaScript"]);
    assert_eq!(found("Strong CSS skills"), ["CSS"]);
    assert_eq!(
        found("C++ and C# and .NET developers"),
        ["C++", "C#", ".NET"]
    );
    assert_eq!(found("Java-based services in Java"), ["Java", "Java"]);
    assert!(!has("We are a Javanese company", "Java"));
    assert!(!has("digital transformation", "Git"));
    assert!(!has("domain expertise", "AI"));
    assert!(!has("see app.js and www.python.org", "Python"));
    assert_eq!(found("HTML5, CSS3 and Python3"), ["HTML", "CSS", "Python"]);
    assert_eq!(found("C++17 and ES6"), ["C++", "JavaScript"]);
    assert_eq!(found("ASP.NET MVC"), ["ASP.NET"]);
}

#[test]
fn leftmost_longest_without_overlaps() {
    assert_eq!(found("Ruby on Rails"), ["Ruby on Rails"]);
    assert_eq!(
        found("Spring Boot microservices"),
        ["Spring Boot", "Microservices"]
    );
    assert_eq!(found("Microsoft SQL Server"), ["SQL Server"]);
    assert_eq!(found("machine learning engineer"), ["Machine Learning"]);
    let ms = Taxonomy::builtin().find("Apache Spark and Spark SQL");
    for pair in ms.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{ms:?}");
    }
}

#[test]
fn offsets_point_at_the_surface() {
    let text = "Ünïcödé — résumé: Kubernetes, Postgres and Rust 🚀";
    let ms = Taxonomy::builtin().find(text);
    let names: Vec<_> = ms.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Kubernetes", "PostgreSQL", "Rust"]);
    for m in &ms {
        assert_eq!(&text[m.start..m.end], m.matched);
    }
    assert_eq!(
        ms[1],
        SkillMatch {
            skill: ms[1].skill,
            name: "PostgreSQL".into(),
            matched: "Postgres".into(),
            start: text.find("Postgres").unwrap_or(0),
            end: text.find("Postgres").unwrap_or(0) + 8
        }
    );
    // Letters of other scripts are word characters: no match inside "Pythonский".
    assert!(found("Pythonский").is_empty());
    assert_eq!(found("Знание Python и SQL"), ["Python", "SQL"]);
}

#[test]
fn go_counts_only_in_context() {
    assert!(has("Languages: Go, Rust, Python", "Go"));
    assert!(has("Backend services written in Go.", "Go"));
    assert!(has("3+ years of experience with Go and Kubernetes", "Go"));
    assert!(has("Go", "Go"));
    assert!(!has("We go to market fast", "Go"));
    assert!(!has("Go to market strategy", "Go"));
    assert!(!has("Let's go!", "Go"));
    assert!(!has("Ready to go above and beyond", "Go"));
}

#[test]
fn r_and_c_count_only_in_context() {
    assert!(has("R, Python, SQL", "R"));
    assert!(has("Statistical programming in R", "R"));
    assert!(has("Proficiency in C/C++", "C"));
    assert!(!has("R&D department", "R"));
    assert!(has("R&D department", "Research and Development"));
    assert!(!has("Microsoft(R) Office", "R"));
    assert!(!has("Section R of the form", "R"));
    assert!(!has("present to the C-suite", "C"));
    assert!(!has("a, b, c", "C"));
    assert!(!has("Vitamin C", "C"));
}

#[test]
fn other_ambiguous_names() {
    assert!(has("Excel, Word, PowerPoint", "Excel"));
    assert!(has("Advanced Excel skills", "Excel"));
    assert!(has("Microsoft Excel", "Excel"));
    assert!(!has("You will excel at communication", "Excel"));
    assert!(!has("Excel at communicating with stakeholders.", "Excel"));
    assert!(has("Rust, C++ and Python", "Rust"));
    assert!(has("Systems programming in Rust", "Rust"));
    assert!(!has("Rust removal and painting of steel beams", "Rust"));
    assert!(has("Java, Spring, Hibernate", "Spring Framework"));
    assert!(!has("Internship starts in Spring 2025", "Spring Framework"));
    assert!(has("iOS apps in Swift and Objective-C", "Swift"));
    assert!(!has("a swift response to customers", "Swift"));
    assert!(has("Ruby, Python, Perl", "Ruby"));
    assert!(!has("Please contact Ruby in HR", "Ruby"));
    assert!(has("REST APIs", "REST"));
    assert!(!has("rest assured, we care", "REST"));
    assert!(!has(
        "a solid understanding of statistics",
        "Design Patterns"
    ));
    assert!(has("Spark, Hive and Kafka", "Apache Spark"));
    assert!(!has("spark curiosity in others", "Apache Spark"));
}

#[test]
fn reused_buffer_gives_same_hits() {
    let tax = Taxonomy::builtin();
    let mut buf = Vec::new();
    tax.find_into("Python and SQL", &mut buf);
    assert_eq!(buf.len(), 2);
    tax.find_into("Kubernetes", &mut buf);
    assert_eq!(buf.len(), 1);
    assert_eq!(tax.get(buf[0].skill).name, "Kubernetes");
    tax.find_into("", &mut buf);
    assert!(buf.is_empty());
}

#[test]
fn esco_phrases_and_soft_skills() {
    assert!(has(
        "Strong written and verbal communication",
        "Communication"
    ));
    assert!(has("ability to work independently", "Self-Motivation"));
    assert!(has(
        "experience in fraud detection and data mining",
        "Data Mining"
    ));
    assert!(has("knowledge of probability theory", "Probability"));
}

#[test]
fn pattern_count_is_reported() {
    let n = Taxonomy::builtin().matcher.pattern_count();
    println!("automaton patterns: {n}");
    assert!(n > Taxonomy::builtin().len());
}

#[test]
fn many_ambiguous_candidates_stay_linear() {
    // 20k one-letter candidates on one line: the context check looks only at near neighbours.
    let text = "R x ".repeat(20_000);
    let t = std::time::Instant::now();
    let ms = Taxonomy::builtin().find(&text);
    assert!(ms.is_empty(), "{} bare letters accepted", ms.len());
    assert!(t.elapsed().as_secs() < 10, "took {:?}", t.elapsed());
    let list = "Go, Rust, ".repeat(10_000);
    assert_eq!(Taxonomy::builtin().find(&list).len(), 20_000);
}
