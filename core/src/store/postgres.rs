//! `PostgresStore`: the scale-out backend. Pooled connections, versioned migrations, owner
//! scoping on every statement.
//!
//! Why a second SQL store: SQLite is one file on one machine with one writer; a service that
//! keeps many owners' data for many processes wants a server. This store keeps the SQLite
//! store's schema ideas and exactly its semantics (the conformance suite holds both to the
//! memory store), with what PostgreSQL adds:
//!
//! - A [deadpool](deadpool_postgres) pool of `tokio-postgres` connections (plain TCP or a unix
//!   socket; TLS is not wired in yet, so use `sslmode=disable` or `prefer`). The pool spawns each
//!   connection's driver on the caller's tokio runtime: calls made outside a runtime return a
//!   storage error instead of panicking.
//! - Writes that read before they write (profile versions, job upserts, chunk sets, deletes)
//!   take a per-owner transaction-scoped advisory lock, so concurrent writers of one owner are
//!   serialised like SQLite's single writer, while different owners write in parallel.
//! - Migrations run in one transaction under a global advisory lock and record their version in
//!   `schema_version`; a database newer than this build is refused.
//! - Embedding vectors are `real[]` columns in the `chunks` rows beside their profile's rows.
//! - Key columns use the `C` collation, so `ORDER BY` is byte order whatever the database's
//!   locale, as in memory and SQLite.
//! - Text search checks each query term against the job's word string with `strpos` (the same
//!   prefix-of-a-word rule as [`search`](super::search)); it scans the owner's rows.

use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, PoolError, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;
use tokio_postgres::types::ToSql;

use super::memory::{check_id, missing_base};
use super::*;
use crate::Error;

mod jobs;
mod rest;
mod schema;
#[cfg(test)]
mod tests;

/// A PostgreSQL-backed [`Store`]. Cheap to clone; clones share the pool.
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
    schema: Option<String>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let status = self.pool.status();
        f.debug_struct("PostgresStore")
            .field("schema", &self.schema)
            .field("pool_size", &status.max_size)
            .field("connections", &status.size)
            .finish()
    }
}

fn storage(reason: impl Into<String>) -> Error {
    Error::Storage {
        backend: "postgres".into(),
        reason: reason.into(),
    }
}

/// A driver error as text: the server's SQLSTATE, message and detail when it sent them.
fn describe(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut s = format!("{} (SQLSTATE {})", db.message(), db.code().code());
        if let Some(d) = db.detail() {
            s.push_str(": ");
            s.push_str(d);
        }
        return s;
    }
    match std::error::Error::source(e) {
        Some(src) => format!("{e}: {src}"),
        None => e.to_string(),
    }
}

pub(crate) trait Pg<T> {
    /// Maps a driver error to [`Error::Storage`], naming what was being done.
    fn pg(self, doing: &str) -> Result<T>;
}

impl<T> Pg<T> for std::result::Result<T, tokio_postgres::Error> {
    fn pg(self, doing: &str) -> Result<T> {
        self.map_err(|e| storage(format!("{doing}: {}", describe(&e))))
    }
}

impl PostgresStore {
    /// Connects a pool of at most `pool_size` connections to `url` (a `postgres://` URL or a
    /// `key=value` connection string) and brings the schema up to date. Tables live in the
    /// connection's default schema (usually `public`).
    pub async fn connect(url: &str, pool_size: usize) -> Result<PostgresStore> {
        PostgresStore::open(url, pool_size, None).await
    }

    /// Like [`connect`](PostgresStore::connect), with the tables in `schema` (created if
    /// needed): several stores, or test runs, can then share one database. The name must be
    /// 1 to 63 bytes of lowercase ASCII letters, digits and `_`, not starting with a digit.
    pub async fn connect_in_schema(
        url: &str,
        pool_size: usize,
        schema: &str,
    ) -> Result<PostgresStore> {
        check_schema_name(schema)?;
        PostgresStore::open(url, pool_size, Some(schema.to_string())).await
    }

    async fn open(url: &str, pool_size: usize, schema: Option<String>) -> Result<PostgresStore> {
        if pool_size == 0 || pool_size > 1000 {
            return Err(Error::invalid(
                "pool size",
                format!("must be 1 to 1000, got {pool_size}"),
            ));
        }
        let mut config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| Error::invalid("postgres url", format!("cannot parse: {e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        if let Some(s) = &schema {
            let mut options = config.get_options().unwrap_or_default().to_string();
            if !options.is_empty() {
                options.push(' ');
            }
            options.push_str(&format!("-c search_path={s}"));
            config.options(&options);
        }
        config.application_name("career-copilot");
        runtime()?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(pool_size)
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(Duration::from_secs(60)))
            .create_timeout(Some(Duration::from_secs(15)))
            .recycle_timeout(Some(Duration::from_secs(5)))
            .build()
            .map_err(|e| storage(format!("cannot build the connection pool: {e}")))?;
        let store = PostgresStore { pool, schema };
        let mut client = store.client().await?;
        schema::prepare(&mut client, store.schema.as_deref()).await?;
        Ok(store)
    }

    /// The schema version the database is at.
    pub async fn schema_version(&self) -> Result<u32> {
        let client = self.client().await?;
        schema::version(&client).await
    }

    /// A pooled connection.
    async fn client(&self) -> Result<deadpool_postgres::Object> {
        runtime()?;
        self.pool.get().await.map_err(|e| match e {
            PoolError::Backend(e) => storage(format!("cannot connect: {}", describe(&e))),
            PoolError::Timeout(t) => storage(format!("no connection from the pool: {t:?} timeout")),
            other => storage(format!("no connection from the pool: {other}")),
        })
    }
}

/// The pool spawns connection drivers with `tokio::spawn`: refuse politely without a runtime.
fn runtime() -> Result<()> {
    tokio::runtime::Handle::try_current()
        .map(|_| ())
        .map_err(|_| storage("PostgresStore must be used inside a tokio runtime"))
}

fn check_schema_name(schema: &str) -> Result<()> {
    let ok = !schema.is_empty()
        && schema.len() <= 63
        && !schema.as_bytes()[0].is_ascii_digit()
        && schema
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "postgres schema",
            format!("`{schema}` is not 1 to 63 of [a-z0-9_] starting with a letter or `_`"),
        ))
    }
}

/// PostgreSQL text cannot hold NUL: refuse it in caller-given strings as invalid input.
fn no_nul(value: &str, what: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::invalid(what, "contains a NUL character"));
    }
    Ok(())
}

/// [`check_owner`], and no NUL.
fn check_owner_pg(owner: &str) -> Result<()> {
    check_owner(owner)?;
    no_nul(owner, "owner id")
}

/// Serialises this owner's read-then-write transactions (see the module docs).
async fn lock_owner(tx: &deadpool_postgres::Transaction<'_>, owner: &str) -> Result<()> {
    tx.execute(
        "SELECT pg_advisory_xact_lock(1129530192, hashtext($1))",
        &[&owner],
    )
    .await
    .pg("locking the owner")?;
    Ok(())
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| storage(format!("stored {what} is unreadable: {e}")))
}

fn to_json<T: serde::Serialize>(value: &T, what: &str) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::invalid(what, e.to_string()))
}

/// A stored integer as a `u32` version number.
fn version_of(v: i64) -> Result<u32> {
    u32::try_from(v).map_err(|_| storage(format!("stored version {v} is out of range")))
}

fn count_of(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

const VERSION_COLUMNS: &str = "profile_id, version, note, created_at, data";

fn version_from_row(r: &tokio_postgres::Row) -> Result<ProfileVersion> {
    Ok(ProfileVersion {
        profile_id: r.try_get(0).pg("reading a profile")?,
        version: version_of(r.try_get(1).pg("reading a profile")?)?,
        note: r.try_get(2).pg("reading a profile")?,
        created_at: r.try_get(3).pg("reading a profile")?,
        profile: from_json(r.try_get(4).pg("reading a profile")?, "profile")?,
    })
}

const VARIANT_COLUMNS: &str = "profile_id, job_id, base_version, created_at, data";

fn variant_from_row(r: &tokio_postgres::Row) -> Result<ProfileVariant> {
    Ok(ProfileVariant {
        profile_id: r.try_get(0).pg("reading a variant")?,
        job_id: r.try_get(1).pg("reading a variant")?,
        base_version: version_of(r.try_get(2).pg("reading a variant")?)?,
        created_at: r.try_get(3).pg("reading a variant")?,
        profile: from_json(r.try_get(4).pg("reading a variant")?, "variant")?,
    })
}

type Params<'a> = Vec<&'a (dyn ToSql + Sync)>;

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl ProfileStore for PostgresStore {
    async fn put_profile(
        &self,
        owner: &str,
        profile_id: &str,
        profile: &Profile,
        note: Option<&str>,
        now: Timestamp,
    ) -> Result<u32> {
        check_owner_pg(owner)?;
        check_id(profile_id, "profile id")?;
        no_nul(profile_id, "profile id")?;
        if let Some(n) = note {
            no_nul(n, "note")?;
        }
        let data = to_json(profile, "profile")?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.pg("starting a transaction")?;
        lock_owner(&tx, owner).await?;
        let row = tx
            .query_one(
                "INSERT INTO profiles (owner, profile_id, version, note, created_at, data)
                 SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5 FROM profiles
                 WHERE owner = $1 AND profile_id = $2
                 RETURNING version",
                &[&owner, &profile_id, &note, &now, &data],
            )
            .await
            .pg("storing a profile version")?;
        tx.commit().await.pg("committing a profile version")?;
        version_of(row.try_get(0).pg("reading the new version")?)
    }

    async fn get_profile(
        &self,
        owner: &str,
        profile_id: &str,
        version: Option<u32>,
    ) -> Result<Option<ProfileVersion>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let version = version.map(i64::from);
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM profiles
             WHERE owner = $1 AND profile_id = $2 AND ($3::bigint IS NULL OR version = $3)
             ORDER BY version DESC LIMIT 1"
        );
        let row = client
            .query_opt(&sql, &[&owner, &profile_id, &version])
            .await
            .pg("reading a profile")?;
        row.as_ref().map(version_from_row).transpose()
    }

    async fn list_profiles(&self, owner: &str) -> Result<Vec<ProfileSummary>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let sql = format!(
            "SELECT DISTINCT ON (profile_id) {VERSION_COLUMNS} FROM profiles
             WHERE owner = $1 ORDER BY profile_id, version DESC"
        );
        let rows = client.query(&sql, &[&owner]).await.pg("listing profiles")?;
        rows.iter()
            .map(|r| {
                let v = version_from_row(r)?;
                Ok(ProfileSummary {
                    name: v.profile.name().map(str::to_string),
                    profile_id: v.profile_id,
                    latest_version: v.version,
                    updated_at: v.created_at,
                })
            })
            .collect()
    }

    async fn list_versions(&self, owner: &str, profile_id: &str) -> Result<Vec<ProfileVersion>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM profiles WHERE owner = $1 AND profile_id = $2
             ORDER BY version"
        );
        let rows = client
            .query(&sql, &[&owner, &profile_id])
            .await
            .pg("listing profile versions")?;
        rows.iter().map(version_from_row).collect()
    }

    async fn put_variant(&self, owner: &str, variant: &ProfileVariant) -> Result<()> {
        check_owner_pg(owner)?;
        check_id(&variant.job_id, "job id")?;
        no_nul(&variant.job_id, "job id")?;
        no_nul(&variant.profile_id, "profile id")?;
        let data = to_json(&variant.profile, "profile")?;
        let base = i64::from(variant.base_version);
        let mut client = self.client().await?;
        let tx = client.transaction().await.pg("starting a transaction")?;
        lock_owner(&tx, owner).await?;
        let exists = tx
            .query_opt(
                "SELECT 1 FROM profiles WHERE owner = $1 AND profile_id = $2 AND version = $3",
                &[&owner, &variant.profile_id, &base],
            )
            .await
            .pg("checking a variant's base version")?;
        if exists.is_none() {
            return Err(missing_base(variant));
        }
        tx.execute(
            "INSERT INTO variants (owner, profile_id, job_id, base_version, created_at, data)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (owner, profile_id, job_id) DO UPDATE SET
               base_version = excluded.base_version, created_at = excluded.created_at,
               data = excluded.data",
            &[
                &owner,
                &variant.profile_id,
                &variant.job_id,
                &base,
                &variant.created_at,
                &data,
            ],
        )
        .await
        .pg("storing a variant")?;
        tx.commit().await.pg("committing a variant")
    }

    async fn get_variant(
        &self,
        owner: &str,
        profile_id: &str,
        job_id: &str,
    ) -> Result<Option<ProfileVariant>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let sql = format!(
            "SELECT {VARIANT_COLUMNS} FROM variants
             WHERE owner = $1 AND profile_id = $2 AND job_id = $3"
        );
        let row = client
            .query_opt(&sql, &[&owner, &profile_id, &job_id])
            .await
            .pg("reading a variant")?;
        row.as_ref().map(variant_from_row).transpose()
    }

    async fn list_variants(&self, owner: &str, profile_id: &str) -> Result<Vec<ProfileVariant>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let sql = format!(
            "SELECT {VARIANT_COLUMNS} FROM variants WHERE owner = $1 AND profile_id = $2
             ORDER BY job_id"
        );
        let rows = client
            .query(&sql, &[&owner, &profile_id])
            .await
            .pg("listing variants")?;
        rows.iter().map(variant_from_row).collect()
    }

    async fn delete_profile(&self, owner: &str, profile_id: &str) -> Result<bool> {
        check_owner_pg(owner)?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.pg("starting a transaction")?;
        lock_owner(&tx, owner).await?;
        let n = tx
            .execute(
                "DELETE FROM profiles WHERE owner = $1 AND profile_id = $2",
                &[&owner, &profile_id],
            )
            .await
            .pg("deleting a profile")?;
        for table in ["variants", "chunks"] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE owner = $1 AND profile_id = $2"),
                &[&owner, &profile_id],
            )
            .await
            .pg("deleting a profile")?;
        }
        tx.commit().await.pg("committing a profile deletion")?;
        Ok(n > 0)
    }
}
