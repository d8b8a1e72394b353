//! Tests against a real server: `CAREER_COPILOT_PG_URL` (scripts/ci/postgres.sh start prints
//! one). Without it they skip, unless `CAREER_COPILOT_REQUIRE_PG=1`, when they fail. Each test
//! works in a schema of its own, dropped at the end, so reruns on one server never collide.

#![allow(clippy::unwrap_used)]

use std::sync::atomic::{AtomicU32, Ordering};

use super::*;
use crate::store::conformance;

fn server_url() -> Option<String> {
    match std::env::var("CAREER_COPILOT_PG_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("CAREER_COPILOT_REQUIRE_PG").as_deref() != Ok("1"),
                "CAREER_COPILOT_REQUIRE_PG=1 but CAREER_COPILOT_PG_URL is not set"
            );
            eprintln!("skipped: set CAREER_COPILOT_PG_URL to run the PostgreSQL store tests");
            None
        }
    }
}

/// A schema name unique to this process, test and moment.
fn unique_schema(test: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!(
        "cc_test_{test}_{}_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000_000,
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A store in a fresh schema; `drop_schema` removes it.
async fn fresh(test: &str, pool_size: usize) -> Option<(PostgresStore, String, String)> {
    let url = server_url()?;
    let schema = unique_schema(test);
    let store = PostgresStore::connect_in_schema(&url, pool_size, &schema)
        .await
        .unwrap_or_else(|e| panic!("connecting to the test server: {e}"));
    Some((store, url, schema))
}

async fn drop_schema(store: &PostgresStore, schema: &str) {
    let client = store.client().await.unwrap();
    client
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_store_passes_the_conformance_suite() {
    let Some((store, _, schema)) = fresh("conf", 4).await else {
        return;
    };
    assert_eq!(store.backend(), "postgres");
    conformance::run_all(&store, &schema).await;
    assert_eq!(store.schema_version().await.unwrap(), 1);
    drop_schema(&store, &schema).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_tasks_lose_and_duplicate_nothing() {
    let Some((store, _, schema)) = fresh("conc", 4).await else {
        return;
    };
    let owner = format!("{schema}-o");
    // Four tasks, each upserting 100 jobs in batches of 25, three times over; tasks 0 and 2
    // share ids, as do 1 and 3. Each also puts profile versions of one shared profile id.
    let mut tasks = Vec::new();
    for w in 0..4u32 {
        let (store, owner) = (store.clone(), owner.clone());
        tasks.push(tokio::spawn(async move {
            let mut new = 0;
            let mut versions = Vec::new();
            for round in 0..3i64 {
                for batch in 0..4u32 {
                    let jobs: Vec<JobUpsert> = (0..25)
                        .map(|i| conformance::job((w % 2) * 1000 + batch * 25 + i, "Rust").into())
                        .collect();
                    let out = store.upsert_jobs(&owner, &jobs, 10 + round).await.unwrap();
                    new += out.iter().filter(|o| o.outcome == Upsert::New).count();
                }
                let v = store
                    .put_profile(&owner, "cv", &Profile::default(), None, round)
                    .await
                    .unwrap();
                versions.push(v);
            }
            (new, versions)
        }));
    }
    let mut new = 0;
    let mut versions = Vec::new();
    for t in tasks {
        let (n, v) = t.await.unwrap();
        new += n;
        versions.extend(v);
    }
    assert_eq!(new, 200, "each distinct job is new exactly once");
    assert_eq!(store.count_jobs(&owner).await.unwrap(), 200);
    versions.sort_unstable();
    assert_eq!(
        versions,
        (1..=12).collect::<Vec<u32>>(),
        "versions are unique and gapless"
    );
    let all = store
        .search_jobs(
            &owner,
            &JobQuery {
                limit: 1000,
                ..JobQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(all.len(), 200);
    assert!(all.iter().all(|j| j.last_seen == 12 && j.first_seen >= 10));
    drop_schema(&store, &schema).await;
}

#[tokio::test]
async fn a_batch_with_repeated_ids_reads_as_one_after_the_other() {
    let Some((store, _, schema)) = fresh("dupe", 2).await else {
        return;
    };
    let memory = MemoryStore::new();
    let a = conformance::job(1, "Rust");
    let mut changed = a.clone();
    changed.description.push_str(" Changed.");
    let batch: Vec<JobUpsert> = vec![
        a.clone().into(),
        JobUpsert {
            job: a.clone(),
            fingerprint: Some("fp".into()),
        },
        changed.clone().into(),
        a.into(),
    ];
    for now in [5, 6] {
        let want = memory.upsert_jobs("o", &batch, now).await.unwrap();
        let got = store.upsert_jobs("o", &batch, now).await.unwrap();
        assert_eq!(got, want, "outcomes at {now}");
        assert_eq!(
            store.get_job("o", "test:000001").await.unwrap(),
            memory.get_job("o", "test:000001").await.unwrap(),
            "stored job at {now}"
        );
    }
    drop_schema(&store, &schema).await;
}

#[tokio::test]
async fn reconnecting_keeps_data_and_a_newer_schema_is_refused() {
    let Some((store, url, schema)) = fresh("ver", 1).await else {
        return;
    };
    store
        .upsert_jobs("o", &[conformance::job(1, "Rust").into()], 5)
        .await
        .unwrap();
    let again = PostgresStore::connect_in_schema(&url, 1, &schema)
        .await
        .unwrap();
    assert_eq!(again.schema_version().await.unwrap(), 1);
    let got = again.get_job("o", "test:000001").await.unwrap();
    assert_eq!(got.map(|j| j.first_seen), Some(5));
    let client = store.client().await.unwrap();
    client
        .batch_execute("UPDATE schema_version SET version = 99")
        .await
        .unwrap();
    drop(client);
    let err = PostgresStore::connect_in_schema(&url, 1, &schema)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("schema version 99"), "{err}");
    drop_schema(&store, &schema).await;
}

#[tokio::test]
async fn bad_input_is_refused_without_a_panic() {
    let Some((store, _, schema)) = fresh("bad", 1).await else {
        return;
    };
    let err = store
        .put_profile("o\0x", "cv", &Profile::default(), None, 0)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input", "{err}");
    let err = store.put("o", "k\0", b"v", None, 0).await.unwrap_err();
    assert_eq!(err.code(), "invalid_input", "{err}");
    let mut job = conformance::job(1, "Rust");
    job.locations = vec!["Ber\0lin".into()];
    job.description = "with a \0 inside".into();
    store
        .upsert_jobs("o", &[job.clone().into()], 1)
        .await
        .unwrap();
    let got = store.get_job("o", "test:000001").await.unwrap().unwrap();
    assert_eq!(got.job, job, "NULs inside the job's JSON round-trip");
    // Reads with ids PostgreSQL cannot hold fail as storage errors, not panics.
    let err = store.get_job("o", "x\0").await.unwrap_err();
    assert_eq!(err.code(), "storage", "{err}");
    drop_schema(&store, &schema).await;
}

#[tokio::test]
async fn connection_problems_are_typed_errors() {
    let err = PostgresStore::connect("not a url ://", 2)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input", "{err}");
    let err = PostgresStore::connect("postgres://u@127.0.0.1:5/db", 0)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("pool size"), "{err}");
    let err = PostgresStore::connect_in_schema("postgres://u@127.0.0.1:5/db", 1, "Bad-Name")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("postgres schema"), "{err}");
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    let err = PostgresStore::connect("postgres://u:secret@127.0.0.1:1/db", 1)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "storage", "{err}");
    assert!(!err.to_string().contains("secret"), "{err}");
}

#[test]
fn outside_a_runtime_is_an_error_not_a_panic() {
    let err = futures::executor::block_on(PostgresStore::connect("postgres://u@127.0.0.1:1/d", 1))
        .unwrap_err();
    assert!(err.to_string().contains("tokio runtime"), "{err}");
}

/// Four writers upsert for `CAREER_COPILOT_PG_LOAD_SECS` seconds (default 3; the load
/// check is 60): each round half of a batch is the writer's own and half is shared by all four.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_writers_under_load_lose_and_duplicate_nothing() {
    let Some((store, _, schema)) = fresh("load", 4).await else {
        return;
    };
    let secs: u64 = std::env::var("CAREER_COPILOT_PG_LOAD_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .min(600);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for w in 0..4u32 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut new = std::collections::HashSet::new();
            let mut round = 0u32;
            while std::time::Instant::now() < deadline && round < 10_000 {
                let shared = (0..10).map(|i| round * 10 + i);
                let own = (0..10).map(|i| (w + 1) * 100_000 + round * 10 + i);
                let jobs: Vec<JobUpsert> = shared
                    .chain(own)
                    .map(|n| conformance::job(n, "Load").into())
                    .collect();
                let out = store
                    .upsert_jobs("o", &jobs, i64::from(round))
                    .await
                    .unwrap();
                for o in out.into_iter().filter(|o| o.outcome == Upsert::New) {
                    assert!(new.insert(o.id), "a writer saw the same job new twice");
                }
                round += 1;
            }
            (new, round)
        }));
    }
    let mut all = std::collections::HashSet::new();
    let mut max_round = 0;
    let mut total = 0;
    for t in tasks {
        let (new, rounds) = t.await.unwrap();
        total += new.len();
        max_round = max_round.max(rounds);
        all.extend(new);
    }
    assert_eq!(total, all.len(), "no job was new for two writers");
    let stored = store.count_jobs("o").await.unwrap();
    assert_eq!(
        stored as usize,
        all.len(),
        "every new job is stored, nothing else"
    );
    eprintln!("load: {stored} jobs from four writers in {secs} s ({max_round} rounds at most)");
    drop_schema(&store, &schema).await;
}
