//! The conformance suite every [`Store`] must pass (feature `test-utils`).
//!
//! Each check takes a store and a `prefix` that makes its owner ids unique, so the suite can run
//! against a shared database (PostgreSQL in CI) without cleaning it first. Checks panic with a
//! message naming what broke, like any test.
//!
//! ```ignore
//! career_copilot::store::conformance::run_all(&MyStore::new(), "run-42").await;
//! ```

use super::*;
use crate::model::{JobSkill, Salary, SalaryPeriod, Seniority, WorkplaceType};

/// Runs every check.
pub async fn run_all(store: &dyn Store, prefix: &str) {
    profiles(store, prefix).await;
    jobs_upsert(store, prefix).await;
    jobs_search(store, prefix).await;
    applications(store, prefix).await;
    cache(store, prefix).await;
    chunks(store, prefix).await;
    owner_isolation(store, prefix).await;
    export_import(store, prefix).await;
    delete_owner(store, prefix).await;
    concurrent_upserts(store, prefix).await;
}

fn profile(name: &str) -> Profile {
    Profile::from_json(&format!(
        r#"{{"basics":{{"name":"{name}","email":"x@example.com"}},"skills":[{{"name":"Rust"}}],"x-extra":{{"k":1}}}}"#
    ))
    .expect("fixture profile")
}

/// A job fixture: `n` picks the source id.
pub fn job(n: u32, title: &str) -> Job {
    Job {
        title: Some(title.into()),
        company: Some(format!("Company {n}")),
        source: Some("test".into()),
        source_id: Some(format!("{n:06}")),
        description: format!("Posting number {n} for a {title}."),
        ..Job::default()
    }
}

/// Profiles: versions count up, the latest is the default, variants need their base version,
/// deleting a profile takes its variants and chunks.
pub async fn profiles(store: &dyn Store, prefix: &str) {
    let o = format!("{prefix}-profiles");
    assert_eq!(store.get_profile(&o, "cv", None).await.unwrap(), None);
    let v1 = store
        .put_profile(&o, "cv", &profile("Ada"), Some("first"), 10)
        .await
        .unwrap();
    let v2 = store
        .put_profile(&o, "cv", &profile("Ada L."), None, 20)
        .await
        .unwrap();
    assert_eq!((v1, v2), (1, 2), "versions count from 1");
    store
        .put_profile(&o, "alt", &profile("Grace"), None, 15)
        .await
        .unwrap();
    let latest = store
        .get_profile(&o, "cv", None)
        .await
        .unwrap()
        .expect("latest");
    assert_eq!((latest.version, latest.created_at), (2, 20));
    assert_eq!(
        latest.profile,
        profile("Ada L."),
        "profile round-trips unchanged"
    );
    let first = store
        .get_profile(&o, "cv", Some(1))
        .await
        .unwrap()
        .expect("v1");
    assert_eq!(first.note.as_deref(), Some("first"));
    assert_eq!(first.profile.name(), Some("Ada"));
    assert_eq!(store.get_profile(&o, "cv", Some(3)).await.unwrap(), None);
    let list = store.list_profiles(&o).await.unwrap();
    let ids: Vec<_> = list
        .iter()
        .map(|p| (p.profile_id.as_str(), p.latest_version))
        .collect();
    assert_eq!(ids, [("alt", 1), ("cv", 2)]);
    assert_eq!(list[1].name.as_deref(), Some("Ada L."));
    assert_eq!(list[1].updated_at, 20);
    assert_eq!(store.list_versions(&o, "cv").await.unwrap().len(), 2);

    let variant = ProfileVariant {
        profile_id: "cv".into(),
        job_id: "test:000001".into(),
        base_version: 1,
        created_at: 30,
        profile: profile("Ada (tailored)"),
    };
    store.put_variant(&o, &variant).await.unwrap();
    let mut newer = variant.clone();
    newer.base_version = 2;
    store.put_variant(&o, &newer).await.unwrap();
    assert_eq!(
        store.get_variant(&o, "cv", "test:000001").await.unwrap(),
        Some(newer.clone()),
        "a second variant for the same job replaces the first"
    );
    let mut orphan = variant.clone();
    orphan.base_version = 9;
    let err = store.put_variant(&o, &orphan).await.unwrap_err();
    assert_eq!(err.code(), "not_found", "{err}");
    assert_eq!(store.list_variants(&o, "cv").await.unwrap(), vec![newer]);

    store
        .put_chunks(&o, "cv", "m", &[cv("c1", 2)])
        .await
        .unwrap();
    assert!(store.delete_profile(&o, "cv").await.unwrap());
    assert!(!store.delete_profile(&o, "cv").await.unwrap());
    assert_eq!(store.get_profile(&o, "cv", Some(1)).await.unwrap(), None);
    assert!(store.list_variants(&o, "cv").await.unwrap().is_empty());
    assert!(store.get_chunks(&o, "cv", "m").await.unwrap().is_empty());
    assert_eq!(store.list_profiles(&o).await.unwrap().len(), 1);
}

/// Upserts: new, unchanged, updated; keys required; fingerprints; expiry and revival.
pub async fn jobs_upsert(store: &dyn Store, prefix: &str) {
    let o = format!("{prefix}-jobs");
    let a = JobUpsert {
        job: job(1, "Rust Engineer"),
        fingerprint: Some("acme|rust engineer|remote".into()),
    };
    let b = JobUpsert::from(job(2, "Data Scientist"));
    let out = store
        .upsert_jobs(&o, &[a.clone(), b.clone()], 100)
        .await
        .unwrap();
    assert_eq!(
        out[0],
        UpsertOutcome {
            id: "test:000001".into(),
            outcome: Upsert::New
        }
    );
    assert_eq!(out[1].outcome, Upsert::New);
    let out = store.upsert_jobs(&o, &[a.clone()], 200).await.unwrap();
    assert_eq!(out[0].outcome, Upsert::Unchanged);
    let got = store
        .get_job(&o, "test:000001")
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(
        (got.first_seen, got.last_seen, got.updated_at),
        (100, 200, 100)
    );
    assert_eq!(got.job, a.job, "job round-trips");
    let mut changed = a.clone();
    changed.job.description.push_str(" Now hybrid.");
    let out = store
        .upsert_jobs(&o, &[changed.clone()], 300)
        .await
        .unwrap();
    assert_eq!(out[0].outcome, Upsert::Updated);
    let got = store.get_job(&o, "test:000001").await.unwrap().unwrap();
    assert_eq!(
        (got.first_seen, got.last_seen, got.updated_at),
        (100, 300, 300)
    );
    assert_eq!(got.job.description, changed.job.description);

    let mut keyless = job(3, "No key");
    keyless.source_id = None;
    let err = store
        .upsert_jobs(&o, &[keyless.into()], 300)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("source_id"), "{err}");
    assert_eq!(
        store.count_jobs(&o).await.unwrap(),
        2,
        "a failed batch writes nothing"
    );

    let fp = store
        .jobs_by_fingerprint(&o, "acme|rust engineer|remote")
        .await
        .unwrap();
    assert_eq!(
        fp.iter().map(|j| j.id.as_str()).collect::<Vec<_>>(),
        ["test:000001"]
    );
    assert!(
        store
            .jobs_by_fingerprint(&o, "nothing")
            .await
            .unwrap()
            .is_empty()
    );

    // Job 2 was last seen at 100, job 1 at 300.
    assert_eq!(store.expire_jobs(&o, 250, 400).await.unwrap(), 1);
    assert_eq!(
        store.expire_jobs(&o, 250, 401).await.unwrap(),
        0,
        "already expired"
    );
    let two = store.get_job(&o, "test:000002").await.unwrap().unwrap();
    assert_eq!(two.expired_at, Some(400));
    let live = store.search_jobs(&o, &JobQuery::default()).await.unwrap();
    assert_eq!(live.len(), 1, "expired jobs are not searched by default");
    let out = store.upsert_jobs(&o, &[b], 500).await.unwrap();
    assert_eq!(out[0].outcome, Upsert::Unchanged);
    let two = store.get_job(&o, "test:000002").await.unwrap().unwrap();
    assert_eq!(
        (two.expired_at, two.last_seen),
        (None, 500),
        "seen again: live again"
    );

    assert!(store.delete_job(&o, "test:000002").await.unwrap());
    assert!(!store.delete_job(&o, "test:000002").await.unwrap());
    assert_eq!(store.count_jobs(&o).await.unwrap(), 1);
}

/// Search filters, ordering and paging, identical on every backend.
pub async fn jobs_search(store: &dyn Store, prefix: &str) {
    let o = format!("{prefix}-search");
    let mut rust = job(1, "Senior Rust Engineer");
    rust.workplace_type = Some(WorkplaceType::Remote);
    rust.locations = vec!["Berlin, Germany".into()];
    rust.seniority = Some(Seniority::Senior);
    rust.salary = Some(Salary {
        min: Some(90_000.0),
        max: Some(120_000.0),
        currency: Some("EUR".into()),
        period: SalaryPeriod::Year,
    });
    rust.required_skills = vec![JobSkill {
        name: "Kubernetes".into(),
        matched: None,
    }];
    rust.date_posted = Some("2024-05-02".into());
    let mut py = job(2, "Python Developer");
    py.workplace_type = Some(WorkplaceType::OnSite);
    py.locations = vec!["München".into()];
    py.seniority = Some(Seniority::Junior);
    py.salary = Some(Salary {
        min: Some(30.0),
        max: Some(40.0),
        currency: Some("EUR".into()),
        period: SalaryPeriod::Hour,
    });
    py.date_posted = Some("2024-05-01T09:00:00Z".into());
    let mut lead = job(3, "Engineering Lead");
    lead.workplace_type = Some(WorkplaceType::Remote);
    lead.description = "Lead a team writing Rust and Go.".into();
    let old = job(4, "Rust Engineer (old)");
    let jobs: Vec<JobUpsert> = [rust, py, lead, old].into_iter().map(Into::into).collect();
    store
        .upsert_jobs(&o, &jobs[..3], 1_714_800_000)
        .await
        .unwrap(); // 2024-05-04
    store.upsert_jobs(&o, &jobs[3..], 1_000).await.unwrap();
    store.expire_jobs(&o, 2_000, 3_000).await.unwrap(); // job 4 expires

    let ids = |v: Vec<StoredJob>| v.into_iter().map(|j| j.id).collect::<Vec<_>>();
    let q = |f: fn(&mut JobQuery)| {
        let mut q = JobQuery::default();
        f(&mut q);
        q
    };
    let all = ids(store.search_jobs(&o, &JobQuery::default()).await.unwrap());
    // Job 3 has no posting date: it counts as posted when first seen (2024-05-04).
    assert_eq!(
        all,
        ["test:000003", "test:000001", "test:000002"],
        "newest first"
    );
    let owner = o.as_str();
    let found =
        |query: JobQuery| async move { ids(store.search_jobs(owner, &query).await.unwrap()) };
    assert_eq!(
        found(q(|q| q.text = Some("rust".into()))).await,
        ["test:000003", "test:000001"]
    );
    assert_eq!(
        found(q(|q| q.text = Some("RUST kube".into()))).await,
        ["test:000001"]
    );
    assert_eq!(
        found(q(|q| q.text = Some("engin".into()))).await,
        ["test:000003", "test:000001"]
    );
    assert!(
        found(q(|q| q.text = Some("ust".into()))).await.is_empty(),
        "prefixes only"
    );
    assert_eq!(
        found(q(|q| q.text = Some("münchen".into()))).await,
        ["test:000002"]
    );
    assert_eq!(
        found(q(|q| q.workplace = Some(WorkplaceType::OnSite))).await,
        ["test:000002"]
    );
    assert_eq!(
        found(q(|q| q.location = Some("GERMANY".into()))).await,
        ["test:000001"]
    );
    assert_eq!(
        found(q(|q| q.location = Some("mün".into()))).await,
        ["test:000002"]
    );
    // 40/hour is 83,200 a year.
    assert_eq!(
        found(q(|q| q.salary_min = Some(80_000.0))).await,
        ["test:000001", "test:000002"]
    );
    assert_eq!(
        found(q(|q| q.salary_min = Some(100_000.0))).await,
        ["test:000001"]
    );
    assert_eq!(
        found(q(|q| q.seniority = vec![Seniority::Junior, Seniority::Lead])).await,
        ["test:000002"]
    );
    assert_eq!(
        found(q(|q| q.posted_since = Some(1_714_608_000))).await, // 2024-05-02
        ["test:000003", "test:000001"]
    );
    assert_eq!(
        found(q(|q| {
            q.text = Some("rust".into());
            q.include_expired = true;
        }))
        .await,
        ["test:000003", "test:000001", "test:000004"]
    );
    assert_eq!(
        found(q(|q| {
            q.limit = 1;
            q.offset = 1;
        }))
        .await,
        ["test:000001"]
    );
    assert_eq!(
        found(q(|q| {
            q.workplace = Some(WorkplaceType::Remote);
            q.text = Some("lead".into());
        }))
        .await,
        ["test:000003"]
    );
}

/// Applications: put, replace, list by stage, delete.
pub async fn applications(store: &dyn Store, prefix: &str) {
    let o = format!("{prefix}-apps");
    let mut a = Application::new("a1", Stage::Saved, 10);
    a.company = Some("Acme".into());
    let b = Application::new("a2", Stage::Applied, 20);
    store.put_application(&o, &a).await.unwrap();
    store.put_application(&o, &b).await.unwrap();
    crate::track::move_to(&mut a, Stage::Applied, 30, Some("sent CV v2")).unwrap();
    store.put_application(&o, &a).await.unwrap();
    assert_eq!(
        store.get_application(&o, "a1").await.unwrap(),
        Some(a.clone())
    );
    let applied = store
        .list_applications(&o, Some(Stage::Applied))
        .await
        .unwrap();
    assert_eq!(applied, vec![a, b]);
    assert!(
        store
            .list_applications(&o, Some(Stage::Offer))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(store.delete_application(&o, "a1").await.unwrap());
    assert!(!store.delete_application(&o, "a1").await.unwrap());
    assert_eq!(store.get_application(&o, "a1").await.unwrap(), None);
}

/// Cache: misses and hits counted, TTL honoured, purge removes only expired entries.
pub async fn cache(store: &dyn Store, prefix: &str) {
    let o = format!("{prefix}-cache");
    assert_eq!(store.get(&o, "k1", 0).await.unwrap(), None);
    store
        .put(&o, "k1", b"value one", Some(10), 100)
        .await
        .unwrap();
    store.put(&o, "k2", &[0, 255, 7], None, 100).await.unwrap();
    store.put(&o, "k3", b"short", Some(1), 100).await.unwrap();
    assert_eq!(
        store.get(&o, "k1", 109).await.unwrap().as_deref(),
        Some(&b"value one"[..])
    );
    assert_eq!(
        store.get(&o, "k1", 110).await.unwrap(),
        None,
        "expired at put + ttl"
    );
    assert_eq!(
        store.get(&o, "k2", i64::MAX).await.unwrap().as_deref(),
        Some(&[0u8, 255, 7][..])
    );
    store.put(&o, "k2", b"replaced", None, 120).await.unwrap();
    assert_eq!(
        store.get(&o, "k2", 120).await.unwrap().as_deref(),
        Some(&b"replaced"[..])
    );
    let stats = store.cache_stats(&o, 105).await.unwrap();
    assert_eq!(
        stats,
        CacheStats {
            entries: 2,
            hits: 3,
            misses: 2
        }
    );
    assert_eq!(store.purge(&o, 200).await.unwrap(), 2);
    assert_eq!(store.cache_stats(&o, 200).await.unwrap().entries, 1);
    assert_eq!(
        store.get(&o, "k2", 200).await.unwrap().as_deref(),
        Some(&b"replaced"[..])
    );
}

fn cv(id: &str, dim: usize) -> ChunkVector {
    ChunkVector {
        chunk_id: id.into(),
        vector: (0..dim).map(|i| i as f32 * 0.5 - 1.25).collect(),
    }
}

/// Chunk vectors round-trip bit for bit, sets are replaced whole, bad sets are refused.
pub async fn chunks(store: &dyn Store, prefix: &str) {
    let o = format!("{prefix}-chunks");
    let set = vec![cv("work-2", 4), cv("work-1", 4), cv("basics", 4)];
    store.put_chunks(&o, "cv", "mini-lm", &set).await.unwrap();
    store
        .put_chunks(&o, "cv", "bge", &[cv("x", 2)])
        .await
        .unwrap();
    let got = store.get_chunks(&o, "cv", "mini-lm").await.unwrap();
    let ids: Vec<_> = got.iter().map(|c| c.chunk_id.as_str()).collect();
    assert_eq!(ids, ["basics", "work-1", "work-2"]);
    assert_eq!(got[0].vector, vec![-1.25, -0.75, -0.25, 0.25]);
    store
        .put_chunks(&o, "cv", "mini-lm", &[cv("only", 4)])
        .await
        .unwrap();
    assert_eq!(
        store.get_chunks(&o, "cv", "mini-lm").await.unwrap().len(),
        1
    );
    let err = store
        .put_chunks(&o, "cv", "mini-lm", &[cv("a", 4), cv("b", 3)])
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input", "{err}");
    assert_eq!(
        store.get_chunks(&o, "cv", "mini-lm").await.unwrap().len(),
        1,
        "refused set left the old one"
    );
    let sets = store.list_chunk_sets(&o).await.unwrap();
    assert_eq!(
        sets,
        [("cv".into(), "bge".into()), ("cv".into(), "mini-lm".into())]
    );
}

/// One owner never reads or changes another's data.
pub async fn owner_isolation(store: &dyn Store, prefix: &str) {
    let a = format!("{prefix}-iso-a");
    let b = format!("{prefix}-iso-b");
    store
        .put_profile(&a, "cv", &profile("A"), None, 1)
        .await
        .unwrap();
    store
        .upsert_jobs(&a, &[job(1, "A job").into()], 1)
        .await
        .unwrap();
    store
        .put_application(&a, &Application::new("app", Stage::Saved, 1))
        .await
        .unwrap();
    store.put(&a, "key", b"a's", None, 1).await.unwrap();
    store
        .put_chunks(&a, "cv", "m", &[cv("c", 2)])
        .await
        .unwrap();

    assert_eq!(store.get_profile(&b, "cv", None).await.unwrap(), None);
    assert!(store.list_profiles(&b).await.unwrap().is_empty());
    assert_eq!(store.get_job(&b, "test:000001").await.unwrap(), None);
    assert!(
        store
            .search_jobs(&b, &JobQuery::default())
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.get_application(&b, "app").await.unwrap(), None);
    assert_eq!(store.get(&b, "key", 1).await.unwrap(), None);
    assert!(store.get_chunks(&b, "cv", "m").await.unwrap().is_empty());

    // B writing the same ids creates B's own rows and leaves A's alone.
    assert_eq!(
        store
            .put_profile(&b, "cv", &profile("B"), None, 2)
            .await
            .unwrap(),
        1
    );
    let out = store
        .upsert_jobs(&b, &[job(1, "B job").into()], 2)
        .await
        .unwrap();
    assert_eq!(out[0].outcome, Upsert::New);
    store.put(&b, "key", b"b's", None, 2).await.unwrap();
    assert!(!store.delete_application(&b, "app").await.unwrap());
    assert!(!store.delete_job(&b, "test:000002").await.unwrap());
    assert_eq!(
        store.expire_jobs(&b, 10, 10).await.unwrap(),
        1,
        "only B's job"
    );
    store.delete_owner(&b).await.unwrap();

    let p = store.get_profile(&a, "cv", None).await.unwrap().unwrap();
    assert_eq!((p.version, p.profile.name()), (1, Some("A")));
    let j = store.get_job(&a, "test:000001").await.unwrap().unwrap();
    assert_eq!(
        (j.job.title.as_deref(), j.expired_at),
        (Some("A job"), None)
    );
    assert!(store.get_application(&a, "app").await.unwrap().is_some());
    assert_eq!(
        store.get(&a, "key", 3).await.unwrap().as_deref(),
        Some(&b"a's"[..])
    );
    assert_eq!(store.get_chunks(&a, "cv", "m").await.unwrap().len(), 1);
}

/// Export then import under a new owner gives the same document; a busy owner is refused.
pub async fn export_import(store: &dyn Store, prefix: &str) {
    let a = format!("{prefix}-exp-a");
    let c = format!("{prefix}-exp-c");
    store
        .put_profile(&a, "cv", &profile("Ada"), Some("v1"), 5)
        .await
        .unwrap();
    store
        .put_profile(&a, "cv", &profile("Ada 2"), None, 6)
        .await
        .unwrap();
    let variant = ProfileVariant {
        profile_id: "cv".into(),
        job_id: "test:000007".into(),
        base_version: 1,
        created_at: 7,
        profile: profile("Ada for 7"),
    };
    store.put_variant(&a, &variant).await.unwrap();
    store
        .upsert_jobs(
            &a,
            &[JobUpsert {
                job: job(7, "Rust"),
                fingerprint: Some("fp7".into()),
            }],
            8,
        )
        .await
        .unwrap();
    store
        .upsert_jobs(&a, &[job(8, "Go").into()], 9)
        .await
        .unwrap();
    store.expire_jobs(&a, 9, 10).await.unwrap();
    let mut app = Application::new("app", Stage::Saved, 11);
    crate::track::move_to(&mut app, Stage::Applied, 12, None).unwrap();
    store.put_application(&a, &app).await.unwrap();
    store
        .put_chunks(&a, "cv", "m", &[cv("c1", 3)])
        .await
        .unwrap();

    let doc = export_owner(store, &a).await.unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["profiles"][0]["versions"][0]["profile"]["basics"]["name"], "Ada",
        "profiles are JSON Resume inside the export"
    );
    assert_eq!(doc.jobs.len(), 2);
    let back: OwnerExport = serde_json::from_str(&json).unwrap();
    import_owner(store, &c, &back).await.unwrap();
    let mut again = export_owner(store, &c).await.unwrap();
    again.owner = doc.owner.clone();
    assert_eq!(again, doc, "export, import, export is the identity");
    let err = import_owner(store, &c, &back).await.unwrap_err();
    assert_eq!(err.code(), "invalid_input", "{err}");
    let mut wrong = back.clone();
    wrong.format = "something-else".into();
    assert_eq!(
        import_owner(store, &format!("{prefix}-exp-d"), &wrong)
            .await
            .unwrap_err()
            .code(),
        "unsupported_format"
    );
}

/// Deleting an owner removes everything theirs.
pub async fn delete_owner(store: &dyn Store, prefix: &str) {
    let o = format!("{prefix}-gone");
    store
        .put_profile(&o, "cv", &profile("X"), None, 1)
        .await
        .unwrap();
    store
        .put_variant(
            &o,
            &ProfileVariant {
                profile_id: "cv".into(),
                job_id: "j".into(),
                base_version: 1,
                created_at: 1,
                profile: profile("X"),
            },
        )
        .await
        .unwrap();
    store
        .upsert_jobs(&o, &[job(1, "J").into()], 1)
        .await
        .unwrap();
    store
        .put_application(&o, &Application::new("a", Stage::Saved, 1))
        .await
        .unwrap();
    store.put(&o, "k", b"v", None, 1).await.unwrap();
    store.get(&o, "k", 1).await.unwrap();
    store
        .put_chunks(&o, "cv", "m", &[cv("c", 2)])
        .await
        .unwrap();
    store.delete_owner(&o).await.unwrap();
    let doc = export_owner(store, &o).await.unwrap();
    assert!(doc.profiles.is_empty() && doc.jobs.is_empty() && doc.applications.is_empty());
    assert!(doc.chunks.is_empty());
    assert_eq!(store.get_variant(&o, "cv", "j").await.unwrap(), None);
    assert_eq!(
        store.cache_stats(&o, 1).await.unwrap(),
        CacheStats::default()
    );
}

/// Eight concurrent batches (half of them overlapping) lose and duplicate nothing.
pub async fn concurrent_upserts(store: &dyn Store, prefix: &str) {
    let o = format!("{prefix}-concurrent");
    let batches: Vec<Vec<JobUpsert>> = (0..8u32)
        .map(|w| {
            (0..50)
                .map(|i| job((w % 4) * 1000 + i, "Concurrent").into())
                .collect()
        })
        .collect();
    let runs = batches.iter().map(|b| store.upsert_jobs(&o, b, 1));
    let results = futures::future::join_all(runs).await;
    let mut new = 0;
    for r in results {
        new += r
            .unwrap()
            .iter()
            .filter(|u| u.outcome == Upsert::New)
            .count();
    }
    assert_eq!(
        new, 200,
        "each of the 200 distinct jobs is new exactly once"
    );
    assert_eq!(store.count_jobs(&o).await.unwrap(), 200);
}
