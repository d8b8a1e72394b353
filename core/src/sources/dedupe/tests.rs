#![allow(clippy::unwrap_used)]
use super::*;
use crate::model::Job;

const TEXT: &str = "Northwind Analytics helps hospitals plan staffing with forecasts they can \
    trust. We are looking for a Senior Data Engineer to own the pipelines that feed those \
    forecasts: batch and streaming in Python, Spark and Kafka, a warehouse modelled in dbt on \
    Snowflake, and features shipped with our data scientists from notebook to production.";

fn job(source: &str, id: &str, company: &str, title: &str, loc: &str, text: &str) -> Job {
    Job {
        source: Some(source.into()),
        source_id: Some(id.into()),
        company: Some(company.into()),
        title: Some(title.into()),
        locations: if loc.is_empty() {
            vec![]
        } else {
            vec![loc.into()]
        },
        description: text.into(),
        ..Job::default()
    }
}

#[test]
fn keys_and_fingerprints() {
    let a = job(
        "remoteok",
        "1",
        "Acme, Inc.",
        "Sr. Data Engineer (Remote)",
        "NYC",
        "",
    );
    assert_eq!(
        job_key(&a),
        Some(JobKey {
            source: "remoteok".into(),
            source_id: "1".into()
        })
    );
    assert_eq!(fingerprint(&a), "acme | senior data engineer | new york");
    let b = job(
        "greenhouse",
        "9",
        "ACME",
        "Senior Data Engineer",
        "New York, NY",
        "",
    );
    assert_eq!(fingerprint(&a), fingerprint(&b));
    let mut nameless = a.clone();
    nameless.company = None;
    assert_eq!(fingerprint(&nameless), "");
    let mut unkeyed = a.clone();
    unkeyed.source_id = None;
    assert_eq!(job_key(&unkeyed), None);
    unkeyed.url = Some("https://x/1".into());
    assert_eq!(
        job_key(&unkeyed).map(|k| k.source_id),
        Some("https://x/1".into())
    );
}

#[test]
fn content_hash_ignores_ids_and_attribution() {
    let a = job("lever", "1", "Acme", "Dev", "", TEXT);
    let mut b = a.clone();
    b.id = Some("lever:1".into());
    b.extra
        .insert("attribution".into(), serde_json::json!({"name": "Lever"}));
    assert_eq!(content_hash(&a), content_hash(&b));
    b.description.push('!');
    assert_ne!(content_hash(&a), content_hash(&b));
}

#[test]
fn groups_by_key_fingerprint_and_text() {
    let remote = |mut j: Job| {
        j.workplace_type = Some(crate::model::WorkplaceType::Remote);
        j
    };
    let jobs = vec![
        // 0: an aggregator's copy; 1: the employer's board, same job written differently.
        remote(job(
            "weworkremotely",
            "nw-de",
            "Northwind Analytics",
            "Senior Data Engineer",
            "USA Only",
            TEXT,
        )),
        remote(job(
            "greenhouse",
            "4012",
            "Northwind Analytics, Inc.",
            "Sr Data Engineer",
            "Remote - US",
            TEXT,
        )),
        // 2: the same key again (a board listing twice).
        remote(job(
            "weworkremotely",
            "nw-de",
            "Northwind Analytics",
            "Senior Data Engineer",
            "USA Only",
            TEXT,
        )),
        // 3: same company and text, another city: a separate opening.
        job(
            "greenhouse",
            "4013",
            "Northwind Analytics",
            "Senior Data Engineer",
            "Boston, MA",
            TEXT,
        ),
        // 4: same text but another company (a staffing agency's boilerplate): kept.
        job("remoteok", "77", "Staffing Co", "Data Engineer", "", TEXT),
        // 5: near-identical text, a lightly edited title.
        remote(job(
            "remoteok",
            "abc",
            "Northwind",
            "Senior Data Engineer, Platform",
            "Remote",
            &format!("{TEXT} Apply today."),
        )),
    ];
    let g = find_duplicates(&jobs);
    assert_eq!(g.kept, vec![1, 3, 4]);
    let of = |i: usize| g.duplicates.iter().find(|d| d.index == i).copied();
    assert_eq!(of(0).map(|d| d.of), Some(1));
    assert_eq!(of(2).map(|d| (d.of, d.reason)), Some((1, Reason::Key)));
    let five = of(5).unwrap();
    assert_eq!(five.of, 1);
    assert!(
        matches!(five.reason, Reason::Text { distance } if distance <= NEAR_DUPLICATE_BITS),
        "{five:?}"
    );

    let (kept, _) = merge(jobs);
    assert_eq!(kept.len(), 3);
    let also = kept[0].extra["also_at"].as_array().unwrap();
    let sources: Vec<&str> = also.iter().filter_map(|a| a["source"].as_str()).collect();
    assert_eq!(
        sources,
        ["weworkremotely", "remoteok"],
        "the same key twice is credited once"
    );
}

#[test]
fn short_or_empty_jobs_are_never_merged_by_text() {
    let jobs = vec![
        job("a", "1", "", "Engineer", "", "Short text."),
        job("b", "2", "", "Engineer", "", "Short text."),
        Job::default(),
        Job::default(),
    ];
    assert_eq!(find_duplicates(&jobs).kept, vec![0, 1, 2, 3]);
}
