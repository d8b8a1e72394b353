//! Tests of the score and the optimiser on hand-built profiles and jobs.

use crate::model::{
    Basics, Education, Job, JobSkill, Profile, Seniority, Skill, SocialProfile, Work,
};

use super::optimize::optimize;
use super::*;

fn skill(name: &str) -> JobSkill {
    JobSkill {
        name: name.into(),
        matched: None,
    }
}

pub(crate) fn profile() -> Profile {
    let mut p = Profile {
        basics: Some(Basics {
            name: Some("Jane Doe".into()),
            label: Some("Senior Backend Engineer".into()),
            email: Some("jane@example.com".into()),
            phone: Some("+49 170 1234567".into()),
            summary: Some("Backend engineer building data-intensive services.".into()),
            profiles: vec![SocialProfile {
                network: Some("LinkedIn".into()),
                url: Some("https://linkedin.com/in/jane".into()),
                ..SocialProfile::default()
            }]
            .into(),
            ..Basics::default()
        }),
        ..Profile::default()
    };
    p.work.push(Work {
        name: Some("Lumen Analytics".into()),
        position: Some("Senior Backend Engineer".into()),
        start_date: Some("2021-03".into()),
        ongoing: Some(true),
        highlights: vec![
            "Mentored four engineers; two were promoted within a year".to_string(),
            "Built a Rust ingestion service handling 40k events per second".to_string(),
            "Migrated 14 services to Kubernetes with zero downtime".to_string(),
            "Cut p99 latency of Postgres queries from 800 ms to 90 ms".to_string(),
        ]
        .into(),
        ..Work::default()
    });
    p.work.push(Work {
        name: Some("Northwind".into()),
        position: Some("Software Engineer".into()),
        start_date: Some("2017-06".into()),
        end_date: Some("2021-06".into()),
        highlights: vec![
            "I was responsible for various tasks".to_string(),
            "Built APIs in Go and Python serving 2M requests per day".to_string(),
        ]
        .into(),
        ..Work::default()
    });
    p.education.push(Education {
        institution: Some("TU Munich".into()),
        study_type: Some("M.Sc.".into()),
        area: Some("Computer Science".into()),
        ..Education::default()
    });
    p.skills.push(Skill {
        name: Some("Languages".into()),
        keywords: vec![
            "Rust".to_string(),
            "Go".to_string(),
            "Python".to_string(),
            "Docker".to_string(),
        ]
        .into(),
        ..Skill::default()
    });
    p
}

pub(crate) fn job() -> Job {
    Job {
        title: Some("Senior Rust Engineer".into()),
        seniority: Some(Seniority::Senior),
        years_min: Some(5.0),
        required_skills: vec![
            skill("Rust"),
            skill("Kubernetes"),
            skill("PostgreSQL"),
            skill("Kafka"),
        ],
        preferred_skills: vec![skill("Terraform"), skill("Docker")],
        responsibilities: vec![
            "Design high-throughput ingestion services".into(),
            "Mentor engineers".into(),
        ],
        requirements: vec!["Bachelor's degree in Computer Science".into()],
        date_posted: Some("2024-06-01".into()),
        ..Job::default()
    }
}

#[test]
fn evidence_for_every_point() {
    let r = score(&profile(), &job());
    let by = |s: &str| r.matched.iter().find(|m| m.skill == s).cloned();
    let rust = by("Rust").expect("Rust is met");
    assert_eq!(rust.evidence, "work[0].highlights[1]");
    assert_eq!(rust.credit, Credit::Exact);
    let pg = by("PostgreSQL").expect("PostgreSQL is met through Postgres");
    assert_eq!(pg.credit, Credit::Alias);
    assert_eq!(pg.evidence, "work[0].highlights[3]");
    let docker = by("Docker").expect("Docker is listed");
    assert!(docker.only_in_skills_section);
    assert!(r.missing.iter().any(|m| m.skill == "Kafka" && m.required));
    assert!(
        r.suggestions
            .iter()
            .any(|s| s.kind == "learn-skill" && s.message.contains("Kafka"))
    );
    assert!(
        !r.suggestions
            .iter()
            .any(|s| s.kind.starts_with("add-skill") && s.message.contains("Kafka")),
        "a skill the person lacks is never suggested as a keyword"
    );
    assert!(r.suggestions.iter().any(|s| s.kind == "first-person" && s.path.as_deref() == Some("work[1].highlights[0]")));
    assert!((0.0..=100.0).contains(&r.score));
    assert!(r.score > 60.0, "a strong match scores well: {}", r.score);
    // 2017-06..2021-06 and 2021-03..2024-06 overlap by four months, counted once.
    assert_eq!(r.experience_years, 7.08);
}

#[test]
fn deterministic_and_bounded() {
    let a = score(&profile(), &job());
    let b = score(&profile(), &job());
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    let empty = score(&Profile::default(), &Job::default());
    assert!((0.0..=100.0).contains(&empty.score));
    let points: f64 = a.breakdown.iter().map(|c| c.points).sum();
    assert!((points - a.score).abs() < 0.1);
}

#[test]
fn weaker_profile_scores_lower() {
    let mut weak = profile();
    weak.work.truncate(1);
    weak.work[0].highlights.clear();
    weak.skills.clear();
    assert!(score(&weak, &job()).score < score(&profile(), &job()).score);
}

fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[test]
fn optimiser_never_adds_a_fact() {
    let input = profile();
    let out = optimize(&input, &job());
    let mut before = Vec::new();
    strings(&serde_json::to_value(&input).unwrap(), &mut before);
    let mut after = Vec::new();
    strings(&serde_json::to_value(&out.profile).unwrap(), &mut after);
    for s in &after {
        assert!(
            before.iter().any(|b| b.contains(s.as_str())),
            "optimised output has a string not in the input: {s}"
        );
    }
    // The Rust bullet moves to the top; Kubernetes (shown in a bullet) is surfaced as a skill.
    assert!(out.profile.work[0].highlights[0].contains("Rust"));
    assert!(
        out.profile
            .skills
            .iter()
            .any(|g| g.keywords.iter().any(|k| k == "Kubernetes"))
    );
    assert!(out.changes.iter().any(|c| c.kind == "surface-skill"));
    assert!(
        !out.profile
            .skills
            .iter()
            .any(|g| g.keywords.iter().any(|k| k == "Kafka"))
    );
}

#[test]
fn prepared_profile_scores_the_same() {
    let p = profile();
    let prepared = PreparedProfile::new(&p);
    let config = ScoreConfig::default();
    let mut other = job();
    other.title = Some("Product Manager - Payments".into());
    for j in [job(), other, Job::default()] {
        assert_eq!(
            score_prepared(&prepared, &j, None, &config),
            score_with(&p, &j, None, &config)
        );
    }
}

#[test]
fn requirements_prose_is_not_a_degree() {
    let mut j = job();
    j.requirements = vec![
        "You must be able to travel".into(),
        "Certified Scrum Master".into(),
        "Drive promotion campaigns".into(),
    ];
    let r = score(&profile(), &j);
    assert!(
        !r.breakdown
            .iter()
            .any(|c| c.name == "education" && c.weight > 0.0),
        "no degree is asked: {:?}",
        r.breakdown
    );
    // "Bachelor's or Master's" asks for a bachelor: a bachelor meets it in full.
    j.requirements = vec!["Bachelor's or Master's degree in Computer Science".into()];
    let mut p = profile();
    p.education[0].study_type = Some("B.Sc.".into());
    let edu = score(&p, &j)
        .breakdown
        .into_iter()
        .find(|c| c.name == "education")
        .expect("education applies");
    assert_eq!(edu.value, 1.0);
}

#[test]
fn keywords_leave_skills_to_the_skill_components() {
    let mut j = job();
    j.responsibilities
        .push("Run Kubernetes clusters and tune PostgreSQL for throughput".into());
    let r = score(&profile(), &j);
    let all: Vec<&String> = r
        .matched_keywords
        .iter()
        .chain(&r.missing_keywords)
        .collect();
    assert!(
        !all.iter()
            .any(|k| k.as_str() == "kubernetes" || k.as_str() == "postgresql"),
        "{all:?}"
    );
    assert!(all.iter().any(|k| k.as_str() == "throughput"), "{all:?}");
}

#[test]
fn the_same_skill_under_two_names_counts_once() {
    let mut j = job();
    j.required_skills.push(skill("Postgres"));
    j.preferred_skills.push(skill("Rust"));
    let r = score(&profile(), &j);
    assert_eq!(
        r.matched.iter().filter(|m| m.skill == "PostgreSQL").count(),
        1
    );
    assert_eq!(
        r.matched.iter().filter(|m| m.skill == "Rust").count(),
        1,
        "a required skill is not scored again as preferred"
    );
}

#[test]
fn empty_profile_scores_zero() {
    let r = score(&Profile::default(), &job());
    assert_eq!(r.score, 0.0);
    assert!(r.suggestions.iter().any(|s| s.kind == "add-section"));
}
