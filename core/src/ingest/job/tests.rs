//! End-to-end tests of job parsing: text, labelled text, boards, JSON-LD, errors.

use super::*;
use crate::model::{EmploymentType, JobSkill, Salary, SalaryPeriod, Seniority};

fn job(text: &str, format: Format) -> Parsed<Job> {
    parse(text.as_bytes(), format, &Limits::default()).expect("parses")
}

fn names(skills: &[JobSkill]) -> Vec<&str> {
    skills.iter().map(|s| s.name.as_str()).collect()
}

const POSTING: &str = "Senior Rust Engineer
Acme Corp — Berlin, Germany (Hybrid)

About the role
We build a streaming database. This is a full-time position.

Responsibilities
- Design and build services in Rust
- Operate our Kubernetes clusters

Requirements
- 5+ years of backend development experience
- Must have strong SQL skills
- Bachelor's degree in Computer Science or equivalent

Nice to have
- Experience with Kafka
- Python is a plus

Benefits
- 30 days of paid vacation
- Learning budget

Salary: €60.000 - €75.000 per year
Posted: March 3, 2024
";

#[test]
fn plain_text_posting() {
    let p = job(POSTING, Format::Text);
    let j = &p.value;
    assert_eq!(j.title.as_deref(), Some("Senior Rust Engineer"));
    assert_eq!(j.company.as_deref(), Some("Acme Corp"));
    assert_eq!(j.locations, vec!["Berlin, Germany".to_string()]);
    assert_eq!(j.workplace_type, Some(WorkplaceType::Hybrid));
    assert_eq!(j.employment_type, Some(EmploymentType::FullTime));
    assert_eq!(j.seniority, Some(Seniority::Senior));
    assert_eq!((j.years_min, j.years_max), (Some(5.0), None));
    assert_eq!(
        j.responsibilities,
        vec![
            "Design and build services in Rust",
            "Operate our Kubernetes clusters"
        ]
    );
    assert_eq!(j.requirements.len(), 3);
    assert_eq!(
        j.requirements[0],
        "5+ years of backend development experience"
    );
    assert_eq!(
        j.benefits,
        vec!["30 days of paid vacation", "Learning budget"]
    );
    assert_eq!(
        j.education.as_deref(),
        Some("Bachelor's degree in Computer Science or equivalent")
    );
    assert_eq!(
        j.salary,
        Some(Salary {
            min: Some(60_000.0),
            max: Some(75_000.0),
            currency: Some("EUR".into()),
            period: SalaryPeriod::Year
        })
    );
    assert_eq!(j.date_posted.as_deref(), Some("2024-03-03"));
    let req = names(&j.required_skills);
    let pref = names(&j.preferred_skills);
    for s in ["Rust", "SQL", "Kubernetes"] {
        assert!(req.contains(&s), "{s} required in {req:?}");
    }
    for s in ["Apache Kafka", "Python"] {
        assert!(pref.contains(&s), "{s} preferred in {pref:?}");
        assert!(!req.contains(&s), "{s} not required");
    }
    assert!(j.description.starts_with("Senior Rust Engineer\nAcme Corp"));
    assert!(j.description.contains("- Operate our Kubernetes clusters"));
    assert_eq!(j.source.as_deref(), Some("text"));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn labelled_lines() {
    let text = "Job Title: Data Engineer\nCompany: Initech\nLocation: Remote\nEmployment Type: Contract\n\
                Pay: $45/hr\n\nWhat you'll need:\n- at least 3 years with Spark\n- minimum of 2 years of AWS experience\n";
    let j = job(text, Format::Text).value;
    assert_eq!(j.title.as_deref(), Some("Data Engineer"));
    assert_eq!(j.company.as_deref(), Some("Initech"));
    assert!(j.locations.is_empty());
    assert_eq!(j.workplace_type, Some(WorkplaceType::Remote));
    assert_eq!(j.employment_type, Some(EmploymentType::Contract));
    assert_eq!(
        j.salary.as_ref().map(|s| (s.min, s.period)),
        Some((Some(45.0), SalaryPeriod::Hour))
    );
    assert_eq!(j.years_min, Some(3.0));
    assert_eq!(j.seniority, Some(Seniority::Mid));
    assert_eq!(j.requirements.len(), 2);
}

#[test]
fn header_variants() {
    let j = job(
        "Acme Corp\nStaff Data Scientist\nNew York, NY\n\nWe are hiring.",
        Format::Text,
    )
    .value;
    assert_eq!(j.title.as_deref(), Some("Staff Data Scientist"));
    assert_eq!(j.company.as_deref(), Some("Acme Corp"));
    assert_eq!(j.locations, vec!["New York, NY".to_string()]);
    assert_eq!(j.seniority, Some(Seniority::Principal));
    let j = job(
        "Product Designer at Globex | London, UK\n\nPreferred qualifications\n- Figma",
        Format::Text,
    )
    .value;
    assert_eq!(j.title.as_deref(), Some("Product Designer"));
    assert_eq!(j.company.as_deref(), Some("Globex"));
    assert_eq!(j.locations, vec!["London, UK".to_string()]);
    let j = job(
        "Senior Rust Engineer\nRequirements:\n- 5+ years of Rust\n",
        Format::Text,
    )
    .value;
    assert_eq!(j.years_min, Some(5.0));
}

#[test]
fn prose_only_posting() {
    let text = "Overview\n\nAt Initrode, we make paper. We are currently seeking a Data Scientist to join our team in Austin.\n";
    let j = job(text, Format::Text).value;
    assert_eq!(j.title.as_deref(), Some("Data Scientist"));
    assert_eq!(j.company.as_deref(), Some("Initrode"));
}

#[test]
fn description_openings() {
    // A greeting is neither title nor company; the prose names both.
    let text = "Hello Associates\n\nGreetings of the day!\n\nAcme Robotics is hiring a Data Engineer to build pipelines.\n";
    let j = job(text, Format::Text).value;
    assert_eq!(j.title.as_deref(), Some("Data Engineer"));
    assert_eq!(j.company.as_deref(), Some("Acme Robotics"));
    // A first line that ends in its place: the place moves to the locations.
    let text = "Data Analyst -San Francisco\n\nNo C2C. You will do data summarization and reporting for the team.\n";
    let j = job(text, Format::Text).value;
    assert_eq!(j.title.as_deref(), Some("Data Analyst"));
    assert_eq!(j.locations.len(), 1, "{:?}", j.locations);
    // A heading can name the role.
    let text = "Who we are\n\nWe build maps for cities.\n\nAs our Data Scientist, you will:\n- Build models\n";
    let j = job(text, Format::Text).value;
    assert_eq!(j.title.as_deref(), Some("Data Scientist"));
}

#[test]
fn inflected_skill_names() {
    let text = "Data Analyst\nAcme\n\nResponsibilities\n- Solving complex business problems with data\n- Managing staff of four analysts\n";
    let j = job(text, Format::Text).value;
    let all: Vec<&str> = j.skills().map(|s| s.name.as_str()).collect();
    assert!(all.contains(&"Problem Solving"), "{all:?}");
    assert!(all.contains(&"manage staff"), "{all:?}");
}

#[test]
fn markdown_posting() {
    let md = "# Junior Frontend Developer\n\n**Globex** · Remote (EU)\n\n## What you'll do\n- Build UI in React\n\n## Bonus points\n- TypeScript\n";
    let j = job(md, Format::Markdown).value;
    assert_eq!(j.title.as_deref(), Some("Junior Frontend Developer"));
    assert_eq!(j.company.as_deref(), Some("Globex"));
    assert_eq!(j.workplace_type, Some(WorkplaceType::Remote));
    assert_eq!(j.seniority, Some(Seniority::Junior));
    assert_eq!(j.responsibilities, vec!["Build UI in React"]);
}

const REMOTEOK: &str = r#"[
 {"last_updated": 1773720015, "legal": "API Terms of Service: Please link back to the URL on Remote OK and mention Remote OK as a source."},
 {"slug": "remote-c-linux-developer-tempesta-1130778", "id": "1130778", "epoch": 1773490293, "date": "2026-03-14T12:11:33+00:00",
  "company": "Tempesta Technologies", "position": "Senior C++ Linux developer", "tags": ["senior", "linux", "c++", "go"],
  "description": "<p>Weâ\u0080\u0099re looking for experienced C++ Linux developers.</p><p><strong>Requirements</strong></p><ul><li>3-5 years of C++ experience</li></ul>",
  "location": "GdaÅ\u0084sk", "salary_min": 40000, "salary_max": 100000,
  "apply_url": "https://remoteOK.com/remote-jobs/remote-c-linux-developer-tempesta-1130778",
  "url": "https://remoteOK.com/remote-jobs/remote-c-linux-developer-tempesta-1130778"},
 {"slug": "remote-ai-trainer-kastle-1130776", "id": "1130776", "date": "2026-03-14T08:00:03+00:00", "company": "Kastle",
  "position": "AI Trainer", "tags": ["part-time"], "description": "Train our models. $30 per hour.", "location": "",
  "salary_min": 30, "salary_max": 30, "url": "https://remoteOK.com/remote-jobs/remote-ai-trainer-kastle-1130776"}
]"#;

#[test]
fn remoteok_payload() {
    let p = job(REMOTEOK, Format::Json);
    assert!(p.warnings.iter().any(|w| w.code == "more-postings"));
    let j = p.value;
    assert_eq!(j.source.as_deref(), Some("remoteok"));
    assert_eq!(j.source_id.as_deref(), Some("1130778"));
    assert_eq!(
        j.url.as_deref(),
        Some("https://remoteOK.com/remote-jobs/remote-c-linux-developer-tempesta-1130778")
    );
    assert_eq!(j.title.as_deref(), Some("Senior C++ Linux developer"));
    assert_eq!(j.locations, vec!["Gdańsk".to_string()]);
    assert_eq!(j.workplace_type, Some(WorkplaceType::Remote));
    assert!(
        j.description.starts_with("We’re looking for"),
        "{}",
        j.description
    );
    assert_eq!((j.years_min, j.years_max), (Some(3.0), Some(5.0)));
    assert_eq!(
        j.salary.as_ref().map(|s| (s.min, s.max, s.period)),
        Some((Some(40_000.0), Some(100_000.0), SalaryPeriod::Year))
    );
    let req = names(&j.required_skills);
    assert!(req.contains(&"C++") && req.contains(&"Linux"), "{req:?}");
    assert!(
        !req.contains(&"Go"),
        "the `go` tag is not in the text: {req:?}"
    );
    let all = parse_many(REMOTEOK.as_bytes(), Format::Json, &Limits::default()).expect("parses");
    assert_eq!(all.len(), 2);
    let trainer = &all[1].value;
    assert_eq!(
        trainer.salary.as_ref().map(|s| (s.min, s.period)),
        Some((Some(30.0), SalaryPeriod::Hour))
    );
    assert!(trainer.locations.is_empty());
}

#[test]
fn greenhouse_payload() {
    let bytes = include_bytes!("fixtures/greenhouse.json");
    let all = parse_many(bytes, Format::Json, &Limits::default()).expect("parses");
    assert_eq!(all.len(), 2);
    let j = &all[0].value;
    assert_eq!(j.source.as_deref(), Some("greenhouse"));
    assert_eq!(j.source_id.as_deref(), Some("4012345"));
    assert_eq!(j.title.as_deref(), Some("Senior Backend Engineer (Rust)"));
    assert_eq!(j.locations, vec!["New York, NY".to_string()]);
    assert_eq!(j.workplace_type, Some(WorkplaceType::Hybrid));
    assert_eq!(j.employment_type, Some(EmploymentType::FullTime));
    assert_eq!(
        j.url.as_deref(),
        Some("https://boards.greenhouse.io/vaulttec/jobs/4012345")
    );
    assert_eq!(j.responsibilities.len(), 2);
    assert_eq!(j.requirements.len(), 3);
    assert_eq!(j.benefits.len(), 2);
    assert_eq!(j.years_min, Some(5.0));
    assert!(
        j.education
            .as_deref()
            .is_some_and(|e| e.starts_with("Bachelor’s degree"))
    );
    assert_eq!(
        j.salary.as_ref().map(|s| (s.min, s.max)),
        Some((Some(150_000.0), Some(185_000.0)))
    );
    assert!(names(&j.preferred_skills).contains(&"Apache Kafka"));
    assert!(names(&j.required_skills).contains(&"Rust"));
    assert!(j.description.contains("We’re hiring"));
    let second = &all[1].value;
    assert_eq!(second.workplace_type, Some(WorkplaceType::Remote));
    assert_eq!((second.years_min, second.years_max), (Some(2.0), Some(4.0)));
    let first = parse(bytes, Format::Json, &Limits::default()).expect("parses");
    assert!(first.warnings.iter().any(|w| w.code == "more-postings"));
}

#[test]
fn lever_payload() {
    let bytes = include_bytes!("fixtures/lever.json");
    let all = parse_many(bytes, Format::Json, &Limits::default()).expect("parses");
    assert_eq!(all.len(), 2);
    let j = &all[0].value;
    assert_eq!(j.source.as_deref(), Some("lever"));
    assert_eq!(j.title.as_deref(), Some("Staff Platform Engineer"));
    assert_eq!(j.company.as_deref(), Some("Leverdemo"));
    assert_eq!(
        j.locations,
        vec![
            "Berlin, Germany".to_string(),
            "Amsterdam, Netherlands".to_string()
        ]
    );
    assert_eq!(j.workplace_type, Some(WorkplaceType::Hybrid));
    assert_eq!(j.employment_type, Some(EmploymentType::FullTime));
    assert_eq!(j.seniority, Some(Seniority::Principal));
    assert_eq!(j.date_posted.as_deref(), Some("2024-04-24"));
    assert_eq!(j.years_min, Some(8.0));
    assert_eq!(j.responsibilities.len(), 2);
    assert_eq!(
        j.salary,
        Some(Salary {
            min: Some(95_000.0),
            max: Some(120_000.0),
            currency: Some("EUR".into()),
            period: SalaryPeriod::Year
        })
    );
    assert!(names(&j.required_skills).contains(&"Kubernetes"));
    let part = &all[1].value;
    assert_eq!(part.employment_type, Some(EmploymentType::PartTime));
    assert_eq!(
        part.salary.as_ref().map(|s| s.period),
        Some(SalaryPeriod::Hour)
    );
    assert_eq!(part.years_min, Some(1.0));
}

fn full_job() -> Job {
    let mut extra = serde_json::Map::new();
    extra.insert("industry".into(), serde_json::json!("Software"));
    Job {
        id: Some("job-1".into()),
        title: Some("Senior Rust Engineer".into()),
        company: Some("Acme Corp".into()),
        locations: vec![
            "Berlin, Germany".into(),
            "New York, NY".into(),
            "Springfield, Greene County, MO, USA".into(),
        ],
        workplace_type: Some(WorkplaceType::Hybrid),
        employment_type: Some(EmploymentType::Contract),
        seniority: Some(Seniority::Senior),
        years_min: Some(2.5),
        years_max: Some(6.0),
        required_skills: vec![
            JobSkill {
                name: "Rust".into(),
                matched: None,
            },
            JobSkill {
                name: "Kubernetes".into(),
                matched: Some("k8s".into()),
            },
        ],
        preferred_skills: vec![JobSkill {
            name: "Kafka".into(),
            matched: None,
        }],
        responsibilities: vec!["Build services".into()],
        requirements: vec!["5+ years of Rust".into()],
        benefits: vec!["Learning budget".into()],
        education: Some("Bachelor's degree in Computer Science".into()),
        salary: Some(Salary {
            min: Some(60_000.0),
            max: Some(75_000.5),
            currency: Some("EUR".into()),
            period: SalaryPeriod::Month,
        }),
        source: Some("greenhouse".into()),
        source_id: Some("4012345".into()),
        url: Some("https://example.com/jobs/1".into()),
        date_posted: Some("2024-03-03".into()),
        valid_through: Some("2024-04-30T00:00:00Z".into()),
        description: "Senior Rust Engineer\n\nWe build things.\n- Rust".into(),
        extra,
    }
}

#[test]
fn json_ld_round_trip() {
    let job = full_job();
    let ld = to_json_ld(&job);
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["employmentType"], "CONTRACTOR");
    assert_eq!(ld["baseSalary"]["value"]["unitText"], "MONTH");
    assert_eq!(ld["jobLocation"][1]["address"]["addressRegion"], "NY");
    assert_eq!(ld["experienceRequirements"]["monthsOfExperience"], 30.0);
    assert_eq!(ld["industry"], "Software");
    assert_eq!(from_json_ld(&ld).as_ref(), Some(&job));
    // Remote jobs carry their areas as applicant location requirements.
    let remote = Job {
        workplace_type: Some(WorkplaceType::Remote),
        salary: None,
        ..job
    };
    let ld = to_json_ld(&remote);
    assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
    assert_eq!(from_json_ld(&ld), Some(remote.clone()));
    // And through the text of a JSON file.
    let bytes = serde_json::to_vec(&to_json_ld(&remote)).expect("serialises");
    let parsed = parse(&bytes, Format::Json, &Limits::default())
        .expect("parses")
        .value;
    assert_eq!(parsed.title, remote.title);
    assert_eq!(parsed.required_skills, remote.required_skills);
    // Sniffed: JSON-LD with a "skills" key reads as JSON Resume to the sniffer, and still parses.
    let sniffed = crate::ingest::parse_job(&bytes, &crate::ingest::Hint::default())
        .expect("parses")
        .value;
    assert_eq!(sniffed.title, remote.title);
    // The empty job survives too.
    assert_eq!(
        from_json_ld(&to_json_ld(&Job::default())),
        Some(Job::default())
    );
}

#[test]
fn json_ld_as_published() {
    let ld = serde_json::json!({
        "@context": "https://schema.org/",
        "@graph": [{"@type": "Organization", "name": "Acme"}, {
            "@type": "JobPosting",
            "title": "Software Engineer &amp; Mentor",
            "description": "<p>Join us.</p><h3>Requirements</h3><ul><li>3+ years of Python experience</li></ul>",
            "identifier": {"@type": "PropertyValue", "name": "Acme", "value": 1234567},
            "datePosted": "2024-01-18",
            "validThrough": "2024-03-18T00:00",
            "employmentType": ["PART_TIME", "CONTRACTOR"],
            "hiringOrganization": {"@type": "Organization", "name": "Acme", "sameAs": "https://acme.example"},
            "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Mountain View", "addressRegion": "CA", "addressCountry": {"@type": "Country", "name": "US"}}},
            "baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value": {"@type": "QuantitativeValue", "value": "40.00", "unitText": "HOUR"}},
            "experienceRequirements": "3 years of experience",
            "educationRequirements": {"@type": "EducationalOccupationalCredential", "credentialCategory": "bachelor degree"},
            "skills": "Python, SQL",
            "occupationalCategory": "15-1252.00"
        }]
    });
    let j = from_json_ld(&ld).expect("a posting");
    assert_eq!(j.title.as_deref(), Some("Software Engineer & Mentor"));
    assert_eq!(j.company.as_deref(), Some("Acme"));
    assert_eq!(j.locations, vec!["Mountain View, CA, US".to_string()]);
    assert_eq!(j.employment_type, Some(EmploymentType::PartTime));
    assert_eq!(j.source_id.as_deref(), Some("1234567"));
    assert_eq!(
        j.salary,
        Some(Salary {
            min: Some(40.0),
            max: None,
            currency: Some("USD".into()),
            period: SalaryPeriod::Hour
        })
    );
    assert_eq!(j.years_min, Some(3.0));
    assert_eq!(j.education.as_deref(), Some("bachelor degree"));
    assert_eq!(names(&j.required_skills), vec!["Python", "SQL"]);
    assert_eq!(
        j.description,
        "Join us.\nRequirements\n- 3+ years of Python experience"
    );
    assert_eq!(
        j.extra.get("occupationalCategory"),
        Some(&serde_json::json!("15-1252.00"))
    );
    assert_eq!(
        from_json_ld(&serde_json::json!({"@type": "Organization"})),
        None
    );
    // Through parse: the description fills what the properties leave out.
    let parsed = parse(ld.to_string().as_bytes(), Format::Json, &Limits::default())
        .expect("parses")
        .value;
    assert_eq!(parsed.requirements, vec!["3+ years of Python experience"]);
    assert_eq!(parsed.source.as_deref(), Some("json-ld"));
}

#[cfg(feature = "html")]
#[test]
fn html_page_with_json_ld() {
    let page = r#"<!DOCTYPE html><html><head><title>Jobs</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Machine Learning Engineer",
"hiringOrganization":{"@type":"Organization","name":"Initech"},"jobLocationType":"TELECOMMUTE",
"description":"&lt;p&gt;Build models.&lt;/p&gt;","datePosted":"2024-02-01"}</script></head>
<body><h1>Machine Learning Engineer</h1><h2>Requirements</h2><ul><li>4+ years of experience with Python and PyTorch</li></ul>
<h2>Nice to have</h2><ul><li>Kafka</li></ul></body></html>"#;
    let p = parse(page.as_bytes(), Format::Html, &Limits::default()).expect("parses");
    let j = &p.value;
    assert_eq!(j.title.as_deref(), Some("Machine Learning Engineer"));
    assert_eq!(j.company.as_deref(), Some("Initech"));
    assert_eq!(j.workplace_type, Some(WorkplaceType::Remote));
    assert_eq!(j.date_posted.as_deref(), Some("2024-02-01"));
    if !p.warnings.iter().any(|w| w.code == "no-visible-text") {
        assert_eq!(j.years_min, Some(4.0));
        assert!(names(&j.required_skills).contains(&"Python"));
        assert!(names(&j.preferred_skills).contains(&"Apache Kafka"));
    }
}

#[test]
fn own_job_json_parses_back() {
    let job = full_job();
    let bytes = serde_json::to_vec(&job).expect("serialises");
    let parsed = parse(&bytes, Format::Json, &Limits::default()).expect("parses");
    assert_eq!(parsed.value, job);
    let list = serde_json::to_vec(&vec![job.clone(), job.clone()]).expect("serialises");
    assert_eq!(
        parse_many(&list, Format::Json, &Limits::default())
            .expect("parses")
            .len(),
        2
    );
}

#[test]
fn errors_name_the_problem() {
    let err = parse(b"   \n\n", Format::Text, &Limits::default()).expect_err("empty");
    assert!(matches!(err, Error::InvalidInput { .. }), "{err}");
    let err = parse(b"{\"hello\": 1}", Format::Json, &Limits::default()).expect_err("no posting");
    assert!(err.to_string().contains("no job posting"), "{err}");
    let err = parse(b"{\"title\": \"\"}", Format::Json, &Limits::default()).expect_err("empty job");
    assert!(
        err.to_string().contains("no title and no description"),
        "{err}"
    );
    let err = parse(
        b"[{\"position\": \"\", \"slug\": \"x\", \"description\": \"\"}]",
        Format::Json,
        &Limits::default(),
    )
    .expect_err("empty");
    assert!(matches!(err, Error::InvalidInput { .. }));
    let err = parse(b"{not json", Format::Json, &Limits::default()).expect_err("bad json");
    assert!(err.to_string().contains("job JSON"), "{err}");
    let tiny = Limits {
        max_text_chars: 10,
        ..Limits::default()
    };
    assert!(matches!(
        parse(POSTING.as_bytes(), Format::Text, &tiny),
        Err(Error::LimitExceeded { .. })
    ));
    assert!(matches!(
        parse(b"x", Format::Zip, &Limits::default()),
        Err(Error::UnsupportedFormat(_))
    ));
}

#[test]
fn never_panics_on_odd_text() {
    let odd = [
        "$",
        "€€€ 1,2,3 - 4",
        "Requirements:\n",
        ":\n:\n",
        "5+ years",
        "- \n- \n",
        "<p>",
        "Salary: $",
        "a\u{0}b",
        "Title:",
        "Ã",
        "â€",
    ];
    for t in odd {
        let _ = parse(t.as_bytes(), Format::Text, &Limits::default());
        let _ = fragment::to_lines(t);
    }
    let long =
        "Senior Engineer\n".to_string() + &"- Python and SQL, 5+ years, $100k-$120k\n".repeat(2000);
    assert!(parse(long.as_bytes(), Format::Text, &Limits::default()).is_ok());
}

proptest::proptest! {
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        let _ = parse(s.as_bytes(), Format::Text, &Limits::default());
        let _ = parse(s.as_bytes(), Format::Json, &Limits::default());
        let _ = fragment::to_lines(&s);
        let _ = salary::find(&s);
        let _ = experience::find(&s);
    }

    #[test]
    fn posting_like_text_never_panics(lines in proptest::collection::vec("(Requirements:|- [A-Za-z ]{0,20}\\$[0-9,.k]{1,9}|[0-9]{1,2}\\+? years|Company: ?\\PC{0,12}|Location:|Ã©â€™|\\PC{0,30})", 0..12)) {
        let text = lines.join("\n");
        let _ = parse(text.as_bytes(), Format::Text, &Limits::default());
        let _ = parse(text.as_bytes(), Format::Markdown, &Limits::default());
    }
}
