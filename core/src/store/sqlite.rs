//! `SqliteStore`: the embedded default. One file, WAL, versioned migrations, FTS5 text search.
//!
//! One writer connection (writes are serialised anyway in SQLite) and a few reader connections
//! that WAL lets run beside it. Calls run on tokio's blocking pool when a runtime is present,
//! so the async API never stalls a runtime thread; without a runtime they run inline.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::memory::{check_id, expiry, missing_base};
use super::search::{query_terms, seniority_name, workplace_name};
use super::*;
use crate::Error;

mod schema;

const READERS: usize = 4;

/// A SQLite-backed [`Store`]. Cheap to clone; clones share connections.
#[derive(Clone)]
pub struct SqliteStore {
    writer: Arc<Mutex<Connection>>,
    readers: Arc<Vec<Mutex<Connection>>>,
    next_reader: Arc<AtomicUsize>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("readers", &self.readers.len())
            .finish()
    }
}

pub(crate) trait Db<T> {
    fn db(self) -> Result<T>;
}

impl<T> Db<T> for rusqlite::Result<T> {
    fn db(self) -> Result<T> {
        self.map_err(|e| storage(e.to_string()))
    }
}

fn storage(reason: impl Into<String>) -> Error {
    Error::Storage {
        backend: "sqlite".into(),
        reason: reason.into(),
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore> {
        let path = path.as_ref();
        let open = || -> Result<Connection> {
            let conn = Connection::open(path)
                .map_err(|e| storage(format!("cannot open {}: {e}", path.display())))?;
            conn.busy_timeout(std::time::Duration::from_secs(10)).db()?;
            Ok(conn)
        };
        let mut writer = open()?;
        schema::prepare(&mut writer)?;
        let readers = (0..READERS)
            .map(|_| {
                let c = open()?;
                c.pragma_update(None, "query_only", true).db()?;
                Ok(Mutex::new(c))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(SqliteStore {
            writer: Arc::new(Mutex::new(writer)),
            readers: Arc::new(readers),
            next_reader: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// A private in-memory database (one connection), for tests.
    pub fn open_in_memory() -> Result<SqliteStore> {
        let mut conn = Connection::open_in_memory().db()?;
        schema::prepare(&mut conn)?;
        Ok(SqliteStore {
            writer: Arc::new(Mutex::new(conn)),
            readers: Arc::new(Vec::new()),
            next_reader: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// The schema version the database is at.
    pub async fn schema_version(&self) -> Result<u32> {
        self.read(|c| schema::version(c)).await
    }

    async fn write<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    {
        let writer = self.writer.clone();
        blocking(move || {
            let mut conn = writer.lock().map_err(|_| storage("writer lock poisoned"))?;
            f(&mut conn)
        })
        .await
    }

    async fn read<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T> + Send + 'static,
    {
        if self.readers.is_empty() {
            return self.write(move |c| f(c)).await;
        }
        let readers = self.readers.clone();
        let i = self.next_reader.fetch_add(1, Ordering::Relaxed) % readers.len();
        blocking(move || {
            let conn = readers[i]
                .lock()
                .map_err(|_| storage("reader lock poisoned"))?;
            f(&conn)
        })
        .await
    }
}

/// Runs blocking work on tokio's blocking pool when inside a runtime, inline otherwise.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => handle
            .spawn_blocking(f)
            .await
            .map_err(|e| storage(format!("blocking task failed: {e}")))?,
        Err(_) => f(),
    }
}

fn immediate(c: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    c.transaction_with_behavior(TransactionBehavior::Immediate)
        .db()
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| storage(format!("stored {what} is unreadable: {e}")))
}

fn to_json<T: serde::Serialize>(value: &T, what: &str) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::invalid(what, e.to_string()))
}

const JOB_COLUMNS: &str = "id, fingerprint, first_seen, last_seen, updated_at, expired_at, data";

fn job_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(StoredJob, String)> {
    Ok((
        StoredJob {
            id: r.get(0)?,
            job: Job::default(),
            fingerprint: r.get(1)?,
            first_seen: r.get(2)?,
            last_seen: r.get(3)?,
            updated_at: r.get(4)?,
            expired_at: r.get(5)?,
        },
        r.get(6)?,
    ))
}

fn finish_jobs(rows: Vec<(StoredJob, String)>) -> Result<Vec<StoredJob>> {
    rows.into_iter()
        .map(|(mut s, data)| {
            s.job = from_json(&data, "job")?;
            Ok(s)
        })
        .collect()
}

fn version_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(ProfileVersion, String)> {
    Ok((
        ProfileVersion {
            profile_id: r.get(0)?,
            version: r.get(1)?,
            note: r.get(2)?,
            created_at: r.get(3)?,
            profile: Profile::default(),
        },
        r.get(4)?,
    ))
}

fn finish_version((mut v, data): (ProfileVersion, String)) -> Result<ProfileVersion> {
    v.profile = from_json(&data, "profile")?;
    Ok(v)
}

fn variant_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(ProfileVariant, String)> {
    Ok((
        ProfileVariant {
            profile_id: r.get(0)?,
            job_id: r.get(1)?,
            base_version: r.get(2)?,
            created_at: r.get(3)?,
            profile: Profile::default(),
        },
        r.get(4)?,
    ))
}

fn finish_variant((mut v, data): (ProfileVariant, String)) -> Result<ProfileVariant> {
    v.profile = from_json(&data, "variant")?;
    Ok(v)
}

/// Writes one job row and its FTS row. `existing` is the row's rowid when it is already stored.
fn write_job(
    tx: &rusqlite::Transaction<'_>,
    owner: &str,
    row: &JobRow,
    times: (Timestamp, Timestamp, Timestamp, Option<Timestamp>),
    existing: Option<i64>,
) -> Result<()> {
    let (first_seen, last_seen, updated_at, expired_at) = times;
    let rowid = match existing {
        Some(rowid) => {
            tx.prepare_cached(
                "UPDATE jobs SET content_hash=?2, fingerprint=?3, locations_lc=?4, workplace=?5,
                 seniority=?6, salary_top=?7, posted_at=?8, first_seen=?9, last_seen=?10,
                 updated_at=?11, expired_at=?12, data=?13 WHERE rowid=?1",
            )
            .db()?
            .execute(params![
                rowid,
                row.content_hash,
                row.fingerprint,
                row.locations_lc,
                row.workplace,
                row.seniority,
                row.salary_top,
                row.posted_at,
                first_seen,
                last_seen,
                updated_at,
                expired_at,
                row.data
            ])
            .db()?;
            tx.prepare_cached("DELETE FROM jobs_fts WHERE rowid=?1")
                .db()?
                .execute([rowid])
                .db()?;
            rowid
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO jobs (owner, id, content_hash, fingerprint, locations_lc, workplace,
                 seniority, salary_top, posted_at, first_seen, last_seen, updated_at, expired_at, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )
            .db()?
            .execute(params![
                owner, row.id, row.content_hash, row.fingerprint, row.locations_lc, row.workplace,
                row.seniority, row.salary_top, row.posted_at, first_seen, last_seen, updated_at,
                expired_at, row.data
            ])
            .db()?;
            tx.last_insert_rowid()
        }
    };
    tx.prepare_cached("INSERT INTO jobs_fts (rowid, words) VALUES (?1, ?2)")
        .db()?
        .execute(params![rowid, row.words])
        .db()?;
    Ok(())
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl ProfileStore for SqliteStore {
    async fn put_profile(
        &self,
        owner: &str,
        profile_id: &str,
        profile: &Profile,
        note: Option<&str>,
        now: Timestamp,
    ) -> Result<u32> {
        check_owner(owner)?;
        check_id(profile_id, "profile id")?;
        let data = to_json(profile, "profile")?;
        let (o, p, n) = (
            owner.to_string(),
            profile_id.to_string(),
            note.map(str::to_string),
        );
        self.write(move |c| {
            let tx = immediate(c)?;
            let version: u32 = tx
                .query_row(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM profiles WHERE owner=?1 AND profile_id=?2",
                    params![o, p],
                    |r| r.get(0),
                )
                .db()?;
            tx.execute(
                "INSERT INTO profiles (owner, profile_id, version, note, created_at, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![o, p, version, n, now, data],
            )
            .db()?;
            tx.commit().db()?;
            Ok(version)
        })
        .await
    }

    async fn get_profile(
        &self,
        owner: &str,
        profile_id: &str,
        version: Option<u32>,
    ) -> Result<Option<ProfileVersion>> {
        check_owner(owner)?;
        let (o, p) = (owner.to_string(), profile_id.to_string());
        self.read(move |c| {
            let row = c
                .query_row(
                    "SELECT profile_id, version, note, created_at, data FROM profiles
                     WHERE owner=?1 AND profile_id=?2 AND (?3 IS NULL OR version=?3)
                     ORDER BY version DESC LIMIT 1",
                    params![o, p, version],
                    version_from_row,
                )
                .optional()
                .db()?;
            row.map(finish_version).transpose()
        })
        .await
    }

    async fn list_profiles(&self, owner: &str) -> Result<Vec<ProfileSummary>> {
        check_owner(owner)?;
        let o = owner.to_string();
        self.read(move |c| {
            let mut st = c
                .prepare(
                    "SELECT profile_id, version, note, created_at, data FROM profiles p
                     WHERE owner=?1 AND version = (SELECT MAX(version) FROM profiles q
                       WHERE q.owner=p.owner AND q.profile_id=p.profile_id)
                     ORDER BY profile_id",
                )
                .db()?;
            let rows = st.query_map([o], version_from_row).db()?;
            let mut out = Vec::new();
            for row in rows {
                let v = finish_version(row.db()?)?;
                out.push(ProfileSummary {
                    name: v.profile.name().map(str::to_string),
                    profile_id: v.profile_id,
                    latest_version: v.version,
                    updated_at: v.created_at,
                });
            }
            Ok(out)
        })
        .await
    }

    async fn list_versions(&self, owner: &str, profile_id: &str) -> Result<Vec<ProfileVersion>> {
        check_owner(owner)?;
        let (o, p) = (owner.to_string(), profile_id.to_string());
        self.read(move |c| {
            let mut st = c
                .prepare(
                    "SELECT profile_id, version, note, created_at, data FROM profiles
                     WHERE owner=?1 AND profile_id=?2 ORDER BY version",
                )
                .db()?;
            let rows = st.query_map(params![o, p], version_from_row).db()?;
            rows.map(|r| finish_version(r.db()?)).collect()
        })
        .await
    }

    async fn put_variant(&self, owner: &str, variant: &ProfileVariant) -> Result<()> {
        check_owner(owner)?;
        check_id(&variant.job_id, "job id")?;
        let data = to_json(&variant.profile, "profile")?;
        let (o, v) = (owner.to_string(), variant.clone());
        self.write(move |c| {
            let tx = immediate(c)?;
            let base: Option<u32> = tx
                .query_row(
                    "SELECT version FROM profiles WHERE owner=?1 AND profile_id=?2 AND version=?3",
                    params![o, v.profile_id, v.base_version],
                    |r| r.get(0),
                )
                .optional()
                .db()?;
            if base.is_none() {
                return Err(missing_base(&v));
            }
            tx.execute(
                "INSERT OR REPLACE INTO variants (owner, profile_id, job_id, base_version, created_at, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![o, v.profile_id, v.job_id, v.base_version, v.created_at, data],
            )
            .db()?;
            tx.commit().db()
        })
        .await
    }

    async fn get_variant(
        &self,
        owner: &str,
        profile_id: &str,
        job_id: &str,
    ) -> Result<Option<ProfileVariant>> {
        check_owner(owner)?;
        let (o, p, j) = (
            owner.to_string(),
            profile_id.to_string(),
            job_id.to_string(),
        );
        self.read(move |c| {
            let row = c
                .query_row(
                    "SELECT profile_id, job_id, base_version, created_at, data FROM variants
                     WHERE owner=?1 AND profile_id=?2 AND job_id=?3",
                    params![o, p, j],
                    variant_from_row,
                )
                .optional()
                .db()?;
            row.map(finish_variant).transpose()
        })
        .await
    }

    async fn list_variants(&self, owner: &str, profile_id: &str) -> Result<Vec<ProfileVariant>> {
        check_owner(owner)?;
        let (o, p) = (owner.to_string(), profile_id.to_string());
        self.read(move |c| {
            let mut st = c
                .prepare(
                    "SELECT profile_id, job_id, base_version, created_at, data FROM variants
                     WHERE owner=?1 AND profile_id=?2 ORDER BY job_id",
                )
                .db()?;
            let rows = st.query_map(params![o, p], variant_from_row).db()?;
            rows.map(|r| finish_variant(r.db()?)).collect()
        })
        .await
    }

    async fn delete_profile(&self, owner: &str, profile_id: &str) -> Result<bool> {
        check_owner(owner)?;
        let (o, p) = (owner.to_string(), profile_id.to_string());
        self.write(move |c| {
            let tx = immediate(c)?;
            let n = tx
                .execute(
                    "DELETE FROM profiles WHERE owner=?1 AND profile_id=?2",
                    params![o, p],
                )
                .db()?;
            tx.execute(
                "DELETE FROM variants WHERE owner=?1 AND profile_id=?2",
                params![o, p],
            )
            .db()?;
            tx.execute(
                "DELETE FROM chunks WHERE owner=?1 AND profile_id=?2",
                params![o, p],
            )
            .db()?;
            tx.commit().db()?;
            Ok(n > 0)
        })
        .await
    }
}

mod jobs;
mod rest;
