//! Pragmas and versioned migrations. Each migration runs once, inside the transaction that
//! records its version, so a crash mid-migration leaves the previous version intact.

use rusqlite::{Connection, OptionalExtension};

use super::{Db, immediate, storage};
use crate::Result;

/// Migrations in order; migration `i` takes the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: everything. Large `data` columns come last so filters read no overflow pages.
    "CREATE TABLE profiles (
        owner TEXT NOT NULL, profile_id TEXT NOT NULL, version INTEGER NOT NULL,
        note TEXT, created_at INTEGER NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (owner, profile_id, version)) WITHOUT ROWID;
    CREATE TABLE variants (
        owner TEXT NOT NULL, profile_id TEXT NOT NULL, job_id TEXT NOT NULL,
        base_version INTEGER NOT NULL, created_at INTEGER NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (owner, profile_id, job_id)) WITHOUT ROWID;
    CREATE TABLE jobs (
        rowid INTEGER PRIMARY KEY, owner TEXT NOT NULL, id TEXT NOT NULL,
        content_hash TEXT NOT NULL, fingerprint TEXT, locations_lc TEXT NOT NULL,
        workplace TEXT, seniority TEXT, salary_top REAL, posted_at INTEGER,
        first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        expired_at INTEGER, data TEXT NOT NULL,
        UNIQUE (owner, id));
    CREATE INDEX jobs_fingerprint ON jobs (owner, fingerprint) WHERE fingerprint IS NOT NULL;
    CREATE INDEX jobs_newest ON jobs (owner, COALESCE(posted_at, first_seen) DESC, id);
    CREATE INDEX jobs_last_seen ON jobs (owner, last_seen) WHERE expired_at IS NULL;
    CREATE VIRTUAL TABLE jobs_fts USING fts5 (
        words, content='', contentless_delete=1, detail=none,
        tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* M* Co So'\");
    CREATE TABLE applications (
        owner TEXT NOT NULL, id TEXT NOT NULL, stage TEXT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (owner, id)) WITHOUT ROWID;
    CREATE TABLE cache (
        owner TEXT NOT NULL, key TEXT NOT NULL, expires_at INTEGER, value BLOB NOT NULL,
        PRIMARY KEY (owner, key)) WITHOUT ROWID;
    CREATE TABLE cache_counters (
        owner TEXT PRIMARY KEY, hits INTEGER NOT NULL, misses INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE chunks (
        owner TEXT NOT NULL, profile_id TEXT NOT NULL, model TEXT NOT NULL,
        chunk_id TEXT NOT NULL, vector BLOB NOT NULL,
        PRIMARY KEY (owner, profile_id, model, chunk_id)) WITHOUT ROWID;",
];

/// Sets the pragmas and applies pending migrations.
pub(super) fn prepare(conn: &mut Connection) -> Result<()> {
    // WAL lets readers run beside the writer; NORMAL sync keeps every committed transaction
    // across a process crash (the WAL is in the OS cache) at a fraction of FULL's fsyncs.
    let mode: String = conn
        .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
        .db()?;
    if mode != "wal" && mode != "memory" {
        return Err(storage(format!("journal mode is {mode}, WAL was refused")));
    }
    conn.pragma_update(None, "synchronous", "NORMAL").db()?;
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        .db()?;
    let tx = immediate(conn)?;
    let current = read_version(&tx)?;
    let latest = MIGRATIONS.len() as u32;
    if current > latest {
        return Err(storage(format!(
            "the database is at schema version {current}, newer than this build's {latest}"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)
            .map_err(|e| storage(format!("migration {} failed: {e}", i + 1)))?;
    }
    tx.execute("DELETE FROM schema_version", []).db()?;
    tx.execute("INSERT INTO schema_version (version) VALUES (?1)", [latest])
        .db()?;
    tx.commit().db()
}

fn read_version(conn: &Connection) -> Result<u32> {
    Ok(conn
        .query_row("SELECT MAX(version) FROM schema_version", [], |r| {
            r.get::<_, Option<u32>>(0)
        })
        .optional()
        .db()?
        .flatten()
        .unwrap_or(0))
}

/// The schema version recorded in the database.
pub(super) fn version(conn: &Connection) -> Result<u32> {
    read_version(conn)
}
