use super::*;

fn tax() -> &'static Taxonomy {
    Taxonomy::builtin()
}

fn id(name: &str) -> SkillId {
    tax()
        .lookup(name)
        .unwrap_or_else(|| panic!("{name} not in taxonomy"))
        .id
}

#[test]
fn builtin_parses_and_is_sizeable() {
    let t = tax();
    assert!(t.len() > 3000, "only {} skills", t.len());
    assert!(!t.is_empty());
    let curated = t
        .entries()
        .iter()
        .filter(|e| e.source == SkillSource::Curated)
        .count();
    assert!((450..=700).contains(&curated), "{curated} curated skills");
    for (i, e) in t.entries().iter().enumerate() {
        assert_eq!(e.id, SkillId(i as u32));
        assert!(!e.name.is_empty() && !e.category.is_empty());
        assert!(e.related.iter().all(|r| (r.0 as usize) < t.len()));
    }
}

#[test]
fn tsv_errors_name_the_line() {
    let err = Taxonomy::from_tsv("Rust\tlanguage\tc\t\t\nbroken line\n")
        .expect_err("bad TSV")
        .to_string();
    assert!(err.contains("line 2"), "{err}");
    let err = Taxonomy::from_tsv("Rust\tlanguage\tc\t\t7\n")
        .expect_err("bad TSV")
        .to_string();
    assert!(err.contains("related"), "{err}");
    assert!(Taxonomy::from_tsv("").expect("empty TSV").is_empty());
}

#[test]
fn lookup_aliases_any_case() {
    let t = tax();
    for (alias, canonical) in [
        ("k8s", "Kubernetes"),
        ("K8S", "Kubernetes"),
        ("Postgres", "PostgreSQL"),
        ("psql", "PostgreSQL"),
        ("JS", "JavaScript"),
        ("ts", "TypeScript"),
        ("GCP", "Google Cloud"),
        ("aws", "AWS"),
        ("Amazon Web Services", "AWS"),
        ("ML", "Machine Learning"),
        ("dl", "Deep Learning"),
        ("NLP", "Natural Language Processing"),
        ("CI/CD", "CI/CD"),
        ("ci cd", "CI/CD"),
        ("React.js", "React"),
        ("reactjs", "React"),
        ("React JS", "React"),
        ("node", "Node.js"),
        ("NodeJS", "Node.js"),
        (".NET", ".NET"),
        ("dotnet", ".NET"),
        ("C#", "C#"),
        ("c++", "C++"),
        ("Golang", "Go"),
        ("py", "Python"),
        ("Python 3.11", "Python"),
        ("Oracle Java", "Java"),
        ("Microsoft Excel", "Excel"),
        ("Structured query language SQL", "SQL"),
        ("Java (computer programming)", "Java"),
        ("sklearn", "scikit-learn"),
    ] {
        assert_eq!(
            t.lookup(alias).map(|e| e.name.as_str()),
            Some(canonical),
            "{alias}"
        );
    }
    assert!(t.lookup("").is_none());
    assert!(t.lookup("  ").is_none());
    assert!(t.lookup("definitely not a skill").is_none());
}

#[test]
fn distinct_languages_stay_distinct() {
    let t = tax();
    let names = [
        "C",
        "C++",
        "C#",
        "F#",
        "Java",
        "JavaScript",
        "R",
        "Go",
        "SQL",
        "T-SQL",
        "PL/SQL",
    ];
    let ids: Vec<_> = names.iter().map(|n| id(n)).collect();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            assert_ne!(a, b);
        }
        assert_eq!(t.get(*a).name, names[i]);
    }
}

#[test]
fn relations() {
    let t = tax();
    assert_eq!(t.relation(id("Postgres"), id("PostgreSQL")), Relation::Same);
    assert_eq!(t.relation(id("React"), id("JavaScript")), Relation::Related);
    assert_eq!(t.relation(id("JavaScript"), id("React")), Relation::Related);
    assert_eq!(t.relation(id("Django"), id("Python")), Relation::Related);
    assert_eq!(
        t.relation(id("Kubernetes"), id("Docker")),
        Relation::Related
    );
    assert_eq!(t.relation(id("Spark"), id("Scala")), Relation::Related);
    assert_eq!(t.relation(id("MySQL"), id("PostgreSQL")), Relation::Sibling);
    assert_eq!(
        t.relation(id("Photoshop"), id("Kubernetes")),
        Relation::Unrelated
    );
    assert_eq!(
        t.relation(SkillId(u32::MAX), id("Kubernetes")),
        Relation::Unrelated
    );
    assert!(Relation::Same.credit() > Relation::Related.credit());
    assert!(Relation::Related.credit() > Relation::Sibling.credit());
    assert_eq!(Relation::Unrelated.credit(), 0.0);
}

#[test]
fn hot_flags_come_from_onet() {
    let t = tax();
    assert!(t.get(id("Python")).hot);
    assert!(t.get(id("Kubernetes")).hot);
    assert!(!t.get(id("Communication")).hot);
    assert!(t.entry(SkillId(u32::MAX)).is_none());
}

#[test]
fn serialises_as_plain_data() {
    let e = tax().get(id("k8s"));
    let v = serde_json::to_value(e).unwrap_or_default();
    assert_eq!(v["name"], "Kubernetes");
    assert_eq!(v["source"], "curated");
    let m = &tax().find("Kubernetes")[0];
    assert_eq!(
        serde_json::to_value(m).unwrap_or_default()["matched"],
        "Kubernetes"
    );
}
