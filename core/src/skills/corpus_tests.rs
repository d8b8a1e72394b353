//! Measurements on real data in `../shared/data` (skipped with a note when it is absent):
//! build time, `find` throughput on Glassdoor job descriptions, and recall on the technology
//! spans of the ESCO skill-extraction benchmark. Run with `--nocapture` to see the figures.

use std::collections::HashSet;
use std::time::Instant;

use super::{BUILTIN_TSV, SkillHit, Taxonomy};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data");

/// CPU seconds used by this thread (Linux), so figures hold up on a busy machine where wall
/// time mostly measures waiting; 10 ms resolution, so callers repeat the work.
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let fields: Vec<&str> = stat
        .get(stat.rfind(')')? + 2..)?
        .split_whitespace()
        .collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn read_csv(rel: &str) -> Option<Vec<csv::StringRecord>> {
    let path = format!("{SHARED}/{rel}");
    let Ok(mut reader) = csv::Reader::from_path(&path) else {
        println!("skipped: {path} is absent");
        return None;
    };
    Some(reader.records().filter_map(Result::ok).collect())
}

#[test]
fn build_time() {
    let rounds = 5;
    let (t, cpu) = (Instant::now(), thread_cpu());
    for _ in 0..rounds {
        let tax = Taxonomy::from_tsv(BUILTIN_TSV).expect("shipped data parses");
        assert!(tax.len() > 3000);
    }
    let wall_ms = t.elapsed().as_secs_f64() * 1e3 / rounds as f64;
    let cpu_ms = thread_cpu()
        .zip(cpu)
        .map(|(b, a)| (b - a) * 1e3 / rounds as f64);
    let (t, cpu) = (Instant::now(), thread_cpu());
    for _ in 0..rounds {
        let (entries, forms) = super::data::parse(BUILTIN_TSV).expect("shipped data parses");
        let _matcher = super::matcher::Matcher::new(&entries, &forms);
    }
    let matcher_wall = t.elapsed().as_secs_f64() * 1e3 / rounds as f64;
    let matcher_cpu = thread_cpu()
        .zip(cpu)
        .map(|(b, a)| (b - a) * 1e3 / rounds as f64);
    let tax = Taxonomy::builtin();
    println!(
        "taxonomy build: {} skills, {} patterns, {} bytes of TSV: {wall_ms:.1} ms wall, {cpu_ms:.1?} ms CPU \
         (parse + matcher alone {matcher_wall:.1} ms wall, {matcher_cpu:.1?} ms CPU; this build profile)",
        tax.len(),
        tax.matcher.pattern_count(),
        BUILTIN_TSV.len()
    );
}

#[test]
fn find_throughput_on_glassdoor() {
    let Some(rows) = read_csv("jobs/glassdoor-ds-2021/Uncleaned_DS_jobs.csv") else {
        return;
    };
    let docs: Vec<&str> = rows.iter().filter_map(|r| r.get(3)).collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let tax = Taxonomy::builtin();
    let mut buf: Vec<SkillHit> = Vec::new();
    tax.find_into("warm up", &mut buf);
    let mut hits = 0;
    let rounds = 5;
    let (t, cpu) = (Instant::now(), thread_cpu());
    for _ in 0..rounds {
        for d in &docs {
            tax.find_into(d, &mut buf);
            hits += buf.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu_secs = thread_cpu().zip(cpu).map(|(b, a)| b - a);
    let mb_s = (bytes * rounds) as f64 / secs / 1e6;
    let cpu_mb_s = cpu_secs.map(|c| (bytes * rounds) as f64 / c / 1e6);
    let per_doc_us = cpu_secs.unwrap_or(secs) * 1e6 / (docs.len() * rounds) as f64;
    println!(
        "find: {} postings, {:.2} MB, {:.1} skills per posting, {mb_s:.1} MB/s wall, {cpu_mb_s:.1?} MB/s CPU, {per_doc_us:.0} us CPU per posting (this build profile)",
        docs.len(),
        bytes as f64 / 1e6,
        hits as f64 / (docs.len() * rounds) as f64
    );
    let cpu = thread_cpu();
    let raw: usize = (0..rounds)
        .map(|_| docs.iter().map(|d| tax.matcher.raw_count(d)).sum::<usize>())
        .sum();
    let raw_mb_s = thread_cpu()
        .zip(cpu)
        .map(|(b, a)| (bytes * rounds) as f64 / (b - a) / 1e6);
    println!(
        "  the automaton alone (an optimised dependency): {raw_mb_s:.1?} MB/s CPU, {} raw matches per pass, {} KB of automaton",
        raw / rounds,
        tax.matcher.memory_usage() / 1024
    );
    assert!(docs.len() > 600);
    assert!(
        hits / rounds > docs.len() * 5,
        "too few skills found: {hits}"
    );

    // Where ambiguous names were accepted, for eyeballing false positives.
    let mut shown = 0;
    for d in &docs {
        for m in tax.find(d) {
            if [
                "C",
                "Go",
                "Excel",
                "Rust",
                "Swift",
                "Spring Framework",
                "Ruby",
                "Julia",
                "Windows",
                "Microsoft Teams",
                "Microsoft Word",
                "Microsoft Access",
            ]
            .contains(&m.name.as_str())
                && shown < 40
            {
                let mut lo = m.start.saturating_sub(40);
                while !d.is_char_boundary(lo) {
                    lo -= 1;
                }
                let mut hi = (m.end + 40).min(d.len());
                while !d.is_char_boundary(hi) {
                    hi += 1;
                }
                println!("  {:<16} …{}…", m.name, d[lo..hi].replace('\n', " "));
                shown += 1;
            }
        }
    }
}

/// Spans of `tech_validation_annotations.csv` that name a technology (a language, framework,
/// tool, platform, data format or a named engineering practice), chosen by hand from the 130
/// distinct spans. Generic phrases ("architecture", "development") and soft skills are left out;
/// broader technical concepts are scored separately below.
const TECH_SPANS: &[&str] = &[
    ". NET",
    ". net",
    "AWS",
    "AWS/Azure",
    "Azure",
    "azure",
    "Azure AppService",
    "Azure CLI",
    "Azure DevOps ( cloud and server )",
    "Azure PaaS",
    "Azure SQL",
    "CI",
    "CI/CD",
    "CosmosDB",
    "Django",
    "Docker",
    "Docker Containers",
    "ElasticSearch",
    "GitHub",
    "Go",
    "HTML5",
    "Heroku",
    "heroku",
    "IIS )",
    "Infer#",
    "Java",
    "java",
    "JavaScript",
    "Javascript",
    "javascript",
    "K8s",
    "KeyVault",
    "Kubernetes",
    "MS SQL",
    "NoSQL",
    "Node JS ( server side and tooling ) *",
    "NumPy",
    "OpenCV",
    "PostGIS",
    "PostgreSQL",
    "PowerShell",
    "powershell",
    "Python",
    "python",
    "React",
    "React JS",
    "reactjs",
    "Redis",
    "Redux",
    "Ruby on Rails",
    "ruby-on-rails",
    "SQL",
    "sql",
    "SQL DBs",
    "SaaS",
    "ServiceBus",
    "Shapely",
    "SonarQube",
    "Spree Commerce",
    "Spring Boot",
    "spring",
    "TDD",
    "asp.net-web-api",
    "java-ee",
    "json",
    "json.net",
    "microservices",
    "yaml",
    "DevOps",
    "pair programming",
    "containers",
];
/// Technical concepts rather than named technologies.
const CONCEPT_SPANS: &[&str] = &[
    "Machine Learning",
    "Computer Vision",
    "Artificial Intelligence",
    "Cloud",
    "cloud",
    "Cloud Technologies",
    "Computer Graphics",
    "Automated testing",
    "automated testing",
    "Data warehousing/ETL",
    "code reviews",
    "open-source",
    "E-commerce",
    "e-commerce",
    "Computer Science",
    "agile delivery",
    "agile/scrum",
    "business analysis",
    "QA",
];

fn span_recall(rows: &[csv::StringRecord], spans: &[&str], label: &str) -> f64 {
    let tax = Taxonomy::builtin();
    let wanted: HashSet<&str> = spans.iter().copied().collect();
    let mut seen = HashSet::new();
    let (mut total, mut hit) = (0, 0);
    let mut missed = Vec::new();
    for r in rows {
        let (Some(sentence), Some(span)) = (r.get(0), r.get(1)) else {
            continue;
        };
        if !wanted.contains(span) || !seen.insert((sentence, span)) {
            continue;
        }
        let Some(at) = sentence
            .find(span)
            .or_else(|| sentence.to_lowercase().find(&span.to_lowercase()))
        else {
            continue;
        };
        let end = at + span.len();
        total += 1;
        if tax
            .find(sentence)
            .iter()
            .any(|m| m.start < end && m.end > at)
        {
            hit += 1;
        } else {
            missed.push(span);
        }
    }
    let recall = hit as f64 / total.max(1) as f64;
    println!(
        "ESCO benchmark {label}: find() hits {hit} of {total} spans in their sentences, recall {recall:.3}; missed {missed:?}"
    );
    recall
}

#[test]
fn recall_on_esco_tech_spans() {
    let Some(rows) =
        read_csv("jobs/skill-extraction-esco-benchmark/tech_validation_annotations.csv")
    else {
        return;
    };
    let tech = span_recall(&rows, TECH_SPANS, "technology spans");
    let concepts = span_recall(&rows, CONCEPT_SPANS, "technical-concept spans");
    assert!(tech >= 0.85, "technology recall {tech:.3}");
    assert!(concepts >= 0.6, "concept recall {concepts:.3}");
}
