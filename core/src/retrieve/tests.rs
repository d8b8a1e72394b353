use super::*;
use crate::Error;
use crate::model::Profile;

fn profile() -> Profile {
    serde_json::from_str(
        r#"{
        "basics": {"name": "Ada", "label": "Backend Engineer", "summary": "Engineer who builds reliable data systems."},
        "work": [{"name": "Acme", "position": "Senior Engineer", "highlights": [
            "Built a Rust service handling 10k requests per second on Kubernetes",
            "Led a team of five engineers through a migration to PostgreSQL",
            "Cut cloud costs by 30% by rightsizing AWS instances"]}],
        "projects": [{"name": "ledger", "description": "An open-source double-entry accounting library",
            "keywords": ["Rust", "SQLite"]}],
        "skills": [{"name": "Languages", "keywords": ["Rust", "Python", "SQL"]}]
    }"#,
    )
    .unwrap()
}

#[test]
fn chunks_carry_ats_paths() {
    let chunks = chunk_profile(&profile());
    let paths: Vec<&str> = chunks.iter().map(|c| c.path.as_str()).collect();
    assert!(paths.contains(&"work[0].highlights[1]"), "{paths:?}");
    assert!(paths.contains(&"basics.summary"));
    assert!(paths.contains(&"projects[0].description"));
    let skills = chunks.iter().find(|c| c.path == "skills[0]").unwrap();
    assert_eq!(skills.text, "Languages: Rust, Python, SQL");
    assert_eq!(skills.kind, ChunkKind::Skills);
    let kw = chunks
        .iter()
        .find(|c| c.path == "projects[0].keywords")
        .unwrap();
    assert_eq!(kw.text, "Rust, SQLite");
    assert_eq!(
        chunks
            .iter()
            .find(|c| c.path == "work[0].highlights[0]")
            .unwrap()
            .kind,
        ChunkKind::Bullet
    );
}

#[test]
fn job_chunks_fall_back_to_description_lines() {
    let mut job = Job {
        requirements: vec!["5+ years of Rust".into(), " ".into()],
        ..Job::default()
    };
    let c = chunk_job(&job);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].path, "requirements[0]");
    job.requirements.clear();
    job.description = "About us\n- Experience with Kubernetes in production\n- Strong SQL skills and data modelling".into();
    let c = chunk_job(&job);
    assert_eq!(c.len(), 2);
    assert_eq!(c[1].text, "Strong SQL skills and data modelling");
}

#[test]
fn hash_embedder_is_normalised_deterministic_and_semantic() {
    let e = HashEmbedder::default();
    let v = e
        .embed_documents(&[
            "Kubernetes and Docker",
            "k8s clusters",
            "baking sourdough bread",
        ])
        .unwrap();
    assert_eq!(v[0].len(), HASH_DIM);
    for x in &v {
        assert!((dot(x, x) - 1.0).abs() < 1e-4);
    }
    assert_eq!(v[0], e.embed_query("Kubernetes and Docker").unwrap());
    // "k8s" is Kubernetes only through the taxonomy: no shared word or n-gram.
    assert!(
        dot(&v[0], &v[1]) > dot(&v[1], &v[2]) + 0.1,
        "{} vs {}",
        dot(&v[0], &v[1]),
        dot(&v[1], &v[2])
    );
    // Stop words only still embed.
    let s = e.embed_query("the and of").unwrap();
    assert!((dot(&s, &s) - 1.0).abs() < 1e-4);
}

#[test]
fn empty_and_oversized_text_are_typed_errors() {
    let e = HashEmbedder::default();
    assert!(matches!(
        e.embed_query("  "),
        Err(Error::InvalidInput { .. })
    ));
    let err = e.embed_documents(&["fine", ""]).unwrap_err();
    assert!(err.to_string().contains("text 1"), "{err}");
    let big = "a ".repeat(MAX_TEXT_BYTES);
    assert!(matches!(
        e.embed_query(&big),
        Err(Error::LimitExceeded { .. })
    ));
}

#[test]
fn flat_index_searches_filters_removes_and_round_trips() {
    let mut idx = FlatIndex::new(3).unwrap();
    idx.add(1, &[1.0, 0.0, 0.0]).unwrap();
    idx.add(2, &[0.9, 0.1, 0.0]).unwrap();
    idx.add(3, &[0.0, 0.0, 1.0]).unwrap();
    let hits = idx.search(&[1.0, 0.0, 0.0], 2, None).unwrap();
    assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [1, 2]);
    assert!((hits[0].1 - 1.0).abs() < 1e-6);
    let odd = |k: u64| k % 2 == 1;
    let hits = idx.search(&[1.0, 0.0, 0.0], 2, Some(&odd)).unwrap();
    assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [1, 3]);
    assert!(idx.remove(1).unwrap());
    assert!(!idx.remove(1).unwrap());
    assert_eq!(idx.len(), 2);
    assert_eq!(idx.search(&[1.0, 0.0, 0.0], 1, None).unwrap()[0].0, 2);
    idx.add(3, &[0.0, 1.0, 0.0]).unwrap(); // replaces
    assert_eq!(idx.len(), 2);

    let bytes = idx.to_bytes().unwrap();
    let back = FlatIndex::from_bytes(&bytes).unwrap();
    assert_eq!(back.get(3), idx.get(3));
    assert_eq!(back.search(&[0.0, 1.0, 0.0], 1, None).unwrap()[0].0, 3);
    assert!(matches!(
        FlatIndex::from_bytes(&bytes[..bytes.len() - 3]),
        Err(Error::Corrupt { .. })
    ));
    let mut flipped = bytes.clone();
    flipped[30] ^= 0x40;
    assert!(matches!(
        FlatIndex::from_bytes(&flipped),
        Err(Error::Corrupt { .. })
    ));
    assert!(matches!(
        FlatIndex::from_bytes(b"garbage"),
        Err(Error::Corrupt { .. })
    ));
    let err = idx.add(9, &[1.0, 2.0]).unwrap_err();
    assert!(
        err.to_string().contains("2 dimensions, the index has 3"),
        "{err}"
    );
    assert!(idx.search(&[f32::NAN, 0.0, 0.0], 1, None).is_err());
    assert!(FlatIndex::new(0).is_err());
}

#[test]
fn retrieve_finds_evidence_per_requirement() {
    let job = Job {
        requirements: vec![
            "Experience running services on Kubernetes".into(),
            "Managed a team of engineers".into(),
            "Relational databases such as Postgres".into(),
        ],
        ..Job::default()
    };
    let out = retrieve(&profile(), &job, 3).unwrap();
    assert_eq!(out.len(), 3);
    assert_eq!(out[0].evidence[0].path, "work[0].highlights[0]");
    assert_eq!(out[1].evidence[0].path, "work[0].highlights[1]");
    // "Postgres" meets "PostgreSQL" through the taxonomy.
    assert_eq!(out[2].evidence[0].path, "work[0].highlights[1]");
    assert!(out[0].evidence[0].score > out[0].evidence[1].score);
}

#[test]
fn modes_and_metadata_filters() {
    let r = Retriever::for_profile(Box::new(HashEmbedder::default()), &profile()).unwrap();
    let only_skills = ChunkFilter {
        kinds: vec![ChunkKind::Skills],
        ..ChunkFilter::default()
    };
    let hits = r.search("Python", 5, Mode::Hybrid, &only_skills).unwrap();
    assert!(!hits.is_empty() && hits.iter().all(|h| h.kind == ChunkKind::Skills));
    let lex = r
        .search(
            "PostgreSQL migration",
            3,
            Mode::Lexical,
            &ChunkFilter::default(),
        )
        .unwrap();
    assert!(lex.iter().all(|h| h.dense.is_none() && h.lexical.is_some()));
    let dense = r
        .search(
            "PostgreSQL migration",
            3,
            Mode::Dense,
            &ChunkFilter::default(),
        )
        .unwrap();
    assert_eq!(dense.len(), 3);
    assert!(dense.iter().all(|h| h.lexical.is_none()));
    let work = ChunkFilter {
        path_prefix: Some("projects".into()),
        ..ChunkFilter::default()
    };
    let hits = r.search("Rust", 10, Mode::Hybrid, &work).unwrap();
    assert!(!hits.is_empty() && hits.iter().all(|h| h.path.starts_with("projects")));
}

#[test]
fn job_corpus_search_and_similarity() {
    let jobs: Vec<Job> = [
        (
            "Rust Backend Engineer",
            "Build services in Rust on Kubernetes.",
            true,
        ),
        (
            "Pastry Chef",
            "Bake bread and pastries every morning.",
            false,
        ),
        ("Data Engineer", "Pipelines in Python and SQL on AWS.", true),
    ]
    .into_iter()
    .map(|(t, d, remote)| Job {
        title: Some(t.into()),
        description: d.into(),
        workplace_type: remote.then_some(crate::model::WorkplaceType::Remote),
        ..Job::default()
    })
    .collect();
    let mut r = Retriever::new(Box::new(HashEmbedder::default())).unwrap();
    r.add_jobs(&jobs).unwrap();
    let hits = r
        .search(
            "rust kubernetes engineer",
            3,
            Mode::Hybrid,
            &ChunkFilter::default(),
        )
        .unwrap();
    assert_eq!(hits[0].path, "jobs[0]");
    let remote = ChunkFilter {
        tags: vec!["remote".into()],
        ..ChunkFilter::default()
    };
    let hits = r.search("bread", 3, Mode::Dense, &remote).unwrap();
    assert!(hits.iter().all(|h| h.path != "jobs[1]"));

    let e = HashEmbedder::default();
    let p = profile();
    let fit = similarity(&e, &p, &jobs[0]).unwrap();
    let unfit = similarity(&e, &p, &jobs[1]).unwrap();
    assert!(fit > unfit + 0.1, "{fit} vs {unfit}");
    assert!(similarity(&e, &Profile::default(), &jobs[0]).is_err());
}

#[test]
fn retriever_rejects_a_mismatched_index() {
    let err = Retriever::with_index(
        Box::new(HashEmbedder::default()),
        Box::new(FlatIndex::new(384).unwrap()),
    )
    .unwrap_err();
    assert!(err.to_string().contains("384"), "{err}");
}

#[test]
fn flat_index_empty_and_damaged_input() {
    let mut idx = FlatIndex::new(4).unwrap();
    let q = [1.0, 0.0, 0.0, 0.0];
    assert!(idx.search(&q, 5, None).unwrap().is_empty());
    assert!(!idx.remove(3).unwrap());
    let empty = idx.to_bytes().unwrap();
    let back = FlatIndex::from_bytes(&empty).unwrap();
    assert!(back.is_empty() && back.dim() == 4);

    idx.add(7, &q).unwrap();
    idx.add(8, &[0.0, 1.0, 0.0, 0.0]).unwrap();
    assert!(idx.search(&q, 0, None).unwrap().is_empty());
    assert_eq!(idx.search(&q, usize::MAX, None).unwrap().len(), 2);
    assert!(matches!(
        idx.search(&[1.0; 3], 1, None),
        Err(Error::InvalidInput { .. })
    ));
    assert!(matches!(
        idx.add(9, &[f32::INFINITY, 0.0, 0.0, 0.0]),
        Err(Error::InvalidInput { .. })
    ));
    assert!(FlatIndex::new(70_000).is_err());

    // A header that claims more than the bytes hold (recomputing the checksum so only the
    // size check can catch it), a zero dimension, a key stored twice.
    let good = idx.to_bytes().unwrap();
    let reseal = |mut b: Vec<u8>| {
        let n = b.len() - 8;
        let sum = b[..n].iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| {
            (h ^ u64::from(x)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        b[n..].copy_from_slice(&sum.to_le_bytes());
        b
    };
    assert!(FlatIndex::from_bytes(&reseal(good.clone())).is_ok());
    let mut huge = good.clone();
    huge[12..20].copy_from_slice(&u64::MAX.to_le_bytes());
    let mut zero_dim = good.clone();
    zero_dim[8..12].copy_from_slice(&0u32.to_le_bytes());
    let mut twice = good.clone();
    let second_key = twice[20..28].to_vec();
    twice[28..36].copy_from_slice(&second_key);
    for (bad, why) in [(huge, "sizes"), (zero_dim, "sizes"), (twice, "twice")] {
        match FlatIndex::from_bytes(&reseal(bad)) {
            Err(Error::Corrupt { reason, .. }) => assert!(reason.contains(why), "{reason}"),
            other => panic!("{why}: {other:?}"),
        }
    }
    for cut in 0..good.len() {
        assert!(
            matches!(
                FlatIndex::from_bytes(&good[..cut]),
                Err(Error::Corrupt { .. })
            ),
            "cut at {cut}"
        );
    }
}
