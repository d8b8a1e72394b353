//! Versioned migrations. They run in one transaction under a database-wide advisory lock, so
//! concurrent `connect` calls apply each migration once and a failed migration leaves the
//! previous version intact (PostgreSQL's DDL is transactional).

use super::{Pg, storage};
use crate::Result;

/// Migrations in order; migration `i` takes the schema to version `i + 1`. Keys use the `C`
/// collation so ordering is byte order, as in the memory and SQLite stores.
const MIGRATIONS: &[&str] = &[
    // 1: everything.
    r#"CREATE TABLE profiles (
        owner TEXT COLLATE "C" NOT NULL, profile_id TEXT COLLATE "C" NOT NULL,
        version BIGINT NOT NULL, note TEXT, created_at BIGINT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (owner, profile_id, version));
    CREATE TABLE variants (
        owner TEXT COLLATE "C" NOT NULL, profile_id TEXT COLLATE "C" NOT NULL,
        job_id TEXT COLLATE "C" NOT NULL, base_version BIGINT NOT NULL,
        created_at BIGINT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (owner, profile_id, job_id));
    CREATE TABLE jobs (
        owner TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL,
        content_hash TEXT NOT NULL, fingerprint TEXT COLLATE "C", words TEXT NOT NULL,
        locations_lc TEXT NOT NULL, workplace TEXT, seniority TEXT,
        salary_top DOUBLE PRECISION, posted_at BIGINT, first_seen BIGINT NOT NULL,
        last_seen BIGINT NOT NULL, updated_at BIGINT NOT NULL, expired_at BIGINT,
        data TEXT NOT NULL,
        PRIMARY KEY (owner, id));
    CREATE INDEX jobs_fingerprint ON jobs (owner, fingerprint) WHERE fingerprint IS NOT NULL;
    CREATE INDEX jobs_newest ON jobs (owner, (COALESCE(posted_at, first_seen)) DESC, id);
    CREATE INDEX jobs_last_seen ON jobs (owner, last_seen) WHERE expired_at IS NULL;
    CREATE TABLE applications (
        owner TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, stage TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (owner, id));
    CREATE TABLE cache (
        owner TEXT COLLATE "C" NOT NULL, key TEXT COLLATE "C" NOT NULL, expires_at BIGINT,
        value BYTEA NOT NULL,
        PRIMARY KEY (owner, key));
    CREATE TABLE cache_counters (
        owner TEXT COLLATE "C" PRIMARY KEY, hits BIGINT NOT NULL, misses BIGINT NOT NULL);
    CREATE TABLE chunks (
        owner TEXT COLLATE "C" NOT NULL, profile_id TEXT COLLATE "C" NOT NULL,
        model TEXT COLLATE "C" NOT NULL, chunk_id TEXT COLLATE "C" NOT NULL,
        vector REAL[] NOT NULL,
        PRIMARY KEY (owner, profile_id, model, chunk_id));"#,
];

/// Creates the schema if asked and applies pending migrations.
pub(super) async fn prepare(
    client: &mut deadpool_postgres::Object,
    schema: Option<&str>,
) -> Result<()> {
    let tx = client.transaction().await.pg("starting the migration")?;
    // One key for every career-copilot migration in this database.
    tx.execute("SELECT pg_advisory_xact_lock(1129530192, 0)", &[])
        .await
        .pg("locking for migration")?;
    if let Some(s) = schema {
        // The name was checked to be [a-z0-9_]+.
        tx.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {s}"))
            .await
            .pg("creating the schema")?;
    }
    tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
        .await
        .pg("creating schema_version")?;
    let current = read_version(&tx).await?;
    let latest = MIGRATIONS.len() as u32;
    if current > latest {
        return Err(storage(format!(
            "the database is at schema version {current}, newer than this build's {latest}"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.batch_execute(sql)
            .await
            .pg(&format!("migration {}", i + 1))?;
    }
    if current < latest {
        tx.execute("DELETE FROM schema_version", &[])
            .await
            .pg("recording the schema version")?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&i64::from(latest)],
        )
        .await
        .pg("recording the schema version")?;
    }
    tx.commit().await.pg("committing the migration")
}

async fn read_version(client: &impl deadpool_postgres::GenericClient) -> Result<u32> {
    let row = client
        .query_one("SELECT MAX(version) FROM schema_version", &[])
        .await
        .pg("reading the schema version")?;
    let v: Option<i64> = row.try_get(0).pg("reading the schema version")?;
    let v = v.unwrap_or(0);
    u32::try_from(v).map_err(|_| storage(format!("schema version {v} is out of range")))
}

/// The schema version recorded in the database.
pub(super) async fn version(client: &deadpool_postgres::Object) -> Result<u32> {
    read_version(client).await
}
