//! Storage: traits scoped by owner, with memory, SQLite and PostgreSQL implementations.
//!
//! Every method takes an `owner` id first, and an implementation must never let one owner read
//! or change another's rows; the `conformance` suite (feature `test-utils`) checks that, and
//! everything else, for any implementation. Times are Unix seconds passed in by the caller: the
//! core never reads a clock.
//!
//! | trait | keeps |
//! |---|---|
//! | [`ProfileStore`] | profiles, each put a new version, plus one variant per job |
//! | [`JobStore`] | jobs upserted by (source, source id), a dedupe fingerprint, expiry, filtered search |
//! | [`ApplicationStore`] | tracked [`Application`]s |
//! | [`CacheStore`] | the generation cache: bytes by key with a TTL, hit and miss counters |
//! | [`RetrievalStore`] | chunk ids and their vectors, by profile and embedding model |
//! | [`OwnerStore`] | deleting an owner and everything theirs |
//!
//! [`Store`] is all of them; [`export_owner`] and [`import_owner`] move an owner between stores
//! as one JSON document with JSON Resume inside.
//!
//! Implementations, all held to the same conformance suite: [`MemoryStore`] (always on,
//! wasm-safe, the reference), `SqliteStore` (feature `sqlite`: the embedded default, one file)
//! and `PostgresStore` (feature `postgres`: the scale-out backend, a pooled server connection
//! that many processes can share; native only).

#[cfg(any(test, feature = "test-utils"))]
pub mod conformance;
mod export;
mod memory;
#[cfg(feature = "postgres")]
mod postgres;
mod search;
#[cfg(feature = "sqlite")]
mod sqlite;
mod types;

pub use export::{
    ChunkSetExport, EXPORT_FORMAT, OwnerExport, ProfileExport, export_owner, import_owner,
};
pub use memory::MemoryStore;
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
pub use search::{job_words, posted_at, query_terms};
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;
pub use types::*;

use crate::Result;
use crate::model::{Application, Job, Profile, Stage, Timestamp};

/// Profiles with versions and per-job variants.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait ProfileStore: Send + Sync {
    /// Stores `profile` as the next version of `profile_id` (1 for a new id) and returns it.
    async fn put_profile(
        &self,
        owner: &str,
        profile_id: &str,
        profile: &Profile,
        note: Option<&str>,
        now: Timestamp,
    ) -> Result<u32>;
    /// One version, or the latest when `version` is `None`; `None` if absent.
    async fn get_profile(
        &self,
        owner: &str,
        profile_id: &str,
        version: Option<u32>,
    ) -> Result<Option<ProfileVersion>>;
    /// The owner's profiles with their latest version, ordered by id.
    async fn list_profiles(&self, owner: &str) -> Result<Vec<ProfileSummary>>;
    /// Every version of one profile, oldest first.
    async fn list_versions(&self, owner: &str, profile_id: &str) -> Result<Vec<ProfileVersion>>;
    /// Stores (or replaces) the variant of `profile_id` tailored for `job_id`. The base
    /// version must exist: a variant always says which version it was made from.
    async fn put_variant(&self, owner: &str, variant: &ProfileVariant) -> Result<()>;
    /// The variant for one job, if any.
    async fn get_variant(
        &self,
        owner: &str,
        profile_id: &str,
        job_id: &str,
    ) -> Result<Option<ProfileVariant>>;
    /// All variants of one profile, ordered by job id.
    async fn list_variants(&self, owner: &str, profile_id: &str) -> Result<Vec<ProfileVariant>>;
    /// Deletes a profile, its versions, variants and embeddings. False if it did not exist.
    async fn delete_profile(&self, owner: &str, profile_id: &str) -> Result<bool>;
}

/// Jobs, upserted by (source, source id).
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait JobStore: Send + Sync {
    /// Inserts or updates each job in one transaction. Every job needs `source` and
    /// `source_id`; the stored id is [`job_key`]`(source, source_id)`. A job already stored
    /// with the same content is `Unchanged` (its `last_seen` still moves to `now` and an
    /// expired job comes back). Outcomes are in input order.
    async fn upsert_jobs(
        &self,
        owner: &str,
        jobs: &[JobUpsert],
        now: Timestamp,
    ) -> Result<Vec<UpsertOutcome>>;
    /// One job by its stored id.
    async fn get_job(&self, owner: &str, id: &str) -> Result<Option<StoredJob>>;
    /// Jobs carrying this dedupe fingerprint (expired ones included), ordered by id.
    async fn jobs_by_fingerprint(&self, owner: &str, fingerprint: &str) -> Result<Vec<StoredJob>>;
    /// Marks every live job not seen since `not_seen_since` as expired at `now`; returns how many.
    async fn expire_jobs(
        &self,
        owner: &str,
        not_seen_since: Timestamp,
        now: Timestamp,
    ) -> Result<u64>;
    /// Filtered search, newest posting first (ties by id). See [`JobQuery`] for the semantics
    /// every implementation shares.
    async fn search_jobs(&self, owner: &str, query: &JobQuery) -> Result<Vec<StoredJob>>;
    /// How many jobs the owner has (expired included).
    async fn count_jobs(&self, owner: &str) -> Result<u64>;
    /// Writes stored jobs verbatim (timestamps included), replacing any with the same id.
    /// Used by [`import_owner`].
    async fn restore_jobs(&self, owner: &str, jobs: &[StoredJob]) -> Result<()>;
    /// Deletes one job. False if it did not exist.
    async fn delete_job(&self, owner: &str, id: &str) -> Result<bool>;
}

/// Tracked applications. The tracking rules are in [`crate::track`]; this only keeps them.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait ApplicationStore: Send + Sync {
    /// Inserts or replaces the application with this id.
    async fn put_application(&self, owner: &str, application: &Application) -> Result<()>;
    /// One application, if present.
    async fn get_application(&self, owner: &str, id: &str) -> Result<Option<Application>>;
    /// The owner's applications, optionally in one stage, ordered by id.
    async fn list_applications(
        &self,
        owner: &str,
        stage: Option<Stage>,
    ) -> Result<Vec<Application>>;
    /// Deletes one application. False if it did not exist.
    async fn delete_application(&self, owner: &str, id: &str) -> Result<bool>;
}

/// The generation cache: opaque bytes by key, each with an optional time to live.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait CacheStore: Send + Sync {
    /// The value if present and not expired at `now`; counts a hit or a miss for the owner.
    async fn get(&self, owner: &str, key: &str, now: Timestamp) -> Result<Option<Vec<u8>>>;
    /// Stores `value`; it expires `ttl_secs` after `now` (never when `None`).
    async fn put(
        &self,
        owner: &str,
        key: &str,
        value: &[u8],
        ttl_secs: Option<u64>,
        now: Timestamp,
    ) -> Result<()>;
    /// Removes the owner's entries expired at `now`; returns how many.
    async fn purge(&self, owner: &str, now: Timestamp) -> Result<u64>;
    /// Live entries at `now`, and hits and misses counted so far.
    async fn cache_stats(&self, owner: &str, now: Timestamp) -> Result<CacheStats>;
}

/// Retrieval metadata: chunk ids and vectors, kept beside the profile they came from.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait RetrievalStore: Send + Sync {
    /// Replaces the chunk vectors of (profile, model). All vectors must share one dimension.
    async fn put_chunks(
        &self,
        owner: &str,
        profile_id: &str,
        model: &str,
        chunks: &[ChunkVector],
    ) -> Result<()>;
    /// The chunk vectors of (profile, model), ordered by chunk id; empty if none.
    async fn get_chunks(
        &self,
        owner: &str,
        profile_id: &str,
        model: &str,
    ) -> Result<Vec<ChunkVector>>;
    /// The (profile, model) pairs that have chunks, ordered.
    async fn list_chunk_sets(&self, owner: &str) -> Result<Vec<(String, String)>>;
}

/// Whole-owner operations.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait OwnerStore: Send + Sync {
    /// Deletes everything the owner has (profiles, jobs, applications, cache, chunks), atomically.
    async fn delete_owner(&self, owner: &str) -> Result<()>;
    /// Which backend this is (`memory`, `sqlite`, `postgres`), for messages.
    fn backend(&self) -> &'static str;
}

/// Everything a store keeps. Blanket-implemented for any type with all the parts.
pub trait Store:
    ProfileStore + JobStore + ApplicationStore + CacheStore + RetrievalStore + OwnerStore
{
}

impl<T> Store for T where
    T: ProfileStore + JobStore + ApplicationStore + CacheStore + RetrievalStore + OwnerStore
{
}

/// The stored id of a job: `source:source_id`.
pub fn job_key(source: &str, source_id: &str) -> String {
    format!("{source}:{source_id}")
}

/// Checks an owner id: non-empty and at most 200 bytes.
pub(crate) fn check_owner(owner: &str) -> Result<()> {
    if owner.is_empty() || owner.len() > 200 {
        return Err(crate::Error::invalid(
            "owner id",
            format!("must be 1 to 200 bytes, got {}", owner.len()),
        ));
    }
    Ok(())
}

/// Shared by every backend: a `StoredJob` prepared for writing.
pub(crate) struct JobRow {
    pub id: String,
    /// The job as JSON (what SQLite and PostgreSQL store; the memory store keeps the value).
    #[cfg_attr(not(any(feature = "sqlite", feature = "postgres")), allow(dead_code))]
    pub data: String,
    pub content_hash: String,
    pub fingerprint: Option<String>,
    pub words: String,
    pub locations_lc: String,
    pub workplace: Option<&'static str>,
    pub seniority: Option<&'static str>,
    pub salary_top: Option<f64>,
    pub posted_at: Option<Timestamp>,
}

impl JobRow {
    /// Validates and flattens one job for storage.
    pub(crate) fn new(job: &Job, fingerprint: Option<&str>) -> Result<JobRow> {
        let source = nonempty(job.source.as_deref(), "job source")?;
        let source_id = nonempty(job.source_id.as_deref(), "job source_id")?;
        let data = serde_json::to_string(job)
            .map_err(|e| crate::Error::invalid("job", format!("cannot serialise: {e}")))?;
        Ok(JobRow {
            id: job_key(source, source_id),
            content_hash: search::content_hash(data.as_bytes()),
            data,
            fingerprint: fingerprint.map(str::to_string),
            words: job_words(job),
            locations_lc: job.locations.join("\n").to_lowercase(),
            workplace: job.workplace_type.map(search::workplace_name),
            seniority: job.seniority.map(search::seniority_name),
            salary_top: job.salary.as_ref().and_then(search::salary_top),
            posted_at: job.date_posted.as_deref().and_then(posted_at),
        })
    }
}

fn nonempty<'a>(value: Option<&'a str>, what: &str) -> Result<&'a str> {
    match value {
        Some(v) if !v.trim().is_empty() && v.len() <= 1000 => Ok(v),
        Some(v) if v.len() > 1000 => Err(crate::Error::invalid(what, "longer than 1000 bytes")),
        _ => Err(crate::Error::invalid(
            what,
            "is required to store a job (upsert is keyed by source and source id)",
        )),
    }
}
