//! The records the store traits take and return.

use serde::{Deserialize, Serialize};

use crate::model::{Job, Profile, Seniority, Timestamp, WorkplaceType};

/// One stored version of a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileVersion {
    pub profile_id: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub created_at: Timestamp,
    pub profile: Profile,
}

/// A profile id with its latest version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileSummary {
    pub profile_id: String,
    pub latest_version: u32,
    /// The person's name in the latest version, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub updated_at: Timestamp,
}

/// A profile tailored for one job, made from a given base version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileVariant {
    pub profile_id: String,
    pub job_id: String,
    pub base_version: u32,
    pub created_at: Timestamp,
    pub profile: Profile,
}

/// A job to upsert, with the dedupe fingerprint the caller computed (see `sources`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JobUpsert {
    pub job: Job,
    pub fingerprint: Option<String>,
}

impl From<Job> for JobUpsert {
    fn from(job: Job) -> Self {
        JobUpsert {
            job,
            fingerprint: None,
        }
    }
}

/// What an upsert did to one job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Upsert {
    New,
    Updated,
    Unchanged,
}

/// One upsert's outcome: the stored id and what happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpsertOutcome {
    pub id: String,
    pub outcome: Upsert,
}

/// A job as stored, with its bookkeeping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredJob {
    /// `source:source_id` (see [`job_key`](super::job_key)).
    pub id: String,
    pub job: Job,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    pub first_seen: Timestamp,
    pub last_seen: Timestamp,
    /// When the content last changed (equals `first_seen` until an update).
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_at: Option<Timestamp>,
}

/// Filters for [`JobStore::search_jobs`](super::JobStore::search_jobs). All set filters must hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JobQuery {
    /// Every word of the text must begin a word of the job's title, company, locations,
    /// skills or description (case-insensitive; words are runs of letters and digits).
    pub text: Option<String>,
    /// The workplace type (remote, hybrid, on-site).
    pub workplace: Option<WorkplaceType>,
    /// Case-insensitive substring of one of the job's locations.
    pub location: Option<String>,
    /// The top of the stated salary, scaled to a year, is at least this (any currency).
    /// Jobs without a salary do not match.
    pub salary_min: Option<f64>,
    /// Any of these seniorities (empty: any). Jobs without a seniority do not match a non-empty list.
    pub seniority: Vec<Seniority>,
    /// Posted at or after this time (`date_posted`, or first seen when the posting has no date).
    pub posted_since: Option<Timestamp>,
    /// Include expired jobs (off by default).
    pub include_expired: bool,
    /// At most this many results (capped at [`JobQuery::MAX_LIMIT`]).
    pub limit: usize,
    pub offset: usize,
}

impl JobQuery {
    /// The largest page a search returns.
    pub const MAX_LIMIT: usize = 10_000;

    /// The effective limit.
    pub fn page_size(&self) -> usize {
        self.limit.clamp(1, Self::MAX_LIMIT)
    }
}

impl Default for JobQuery {
    fn default() -> Self {
        JobQuery {
            text: None,
            workplace: None,
            location: None,
            salary_min: None,
            seniority: Vec::new(),
            posted_since: None,
            include_expired: false,
            limit: 50,
            offset: 0,
        }
    }
}

/// Generation-cache figures for one owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CacheStats {
    pub entries: u64,
    pub hits: u64,
    pub misses: u64,
}

/// One chunk's embedding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChunkVector {
    pub chunk_id: String,
    pub vector: Vec<f32>,
}

/// Vector bytes as stored in SQLite: little-endian `f32`s.
#[cfg_attr(not(feature = "sqlite"), allow(dead_code))]
pub(crate) fn vector_to_bytes(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// The inverse of [`vector_to_bytes`]; an error if the length is not a multiple of 4.
#[cfg_attr(not(feature = "sqlite"), allow(dead_code))]
pub(crate) fn vector_from_bytes(b: &[u8]) -> crate::Result<Vec<f32>> {
    if b.len() % 4 != 0 {
        return Err(crate::Error::corrupt(
            "vector",
            format!("{} bytes is not a whole number of f32s", b.len()),
        ));
    }
    Ok(b.chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

/// Checks a chunk set: ids non-empty and unique, one dimension, finite values.
pub(crate) fn check_chunks(chunks: &[ChunkVector]) -> crate::Result<()> {
    let dim = chunks.first().map(|c| c.vector.len());
    let mut seen = std::collections::HashSet::new();
    for c in chunks {
        if c.chunk_id.is_empty() || !seen.insert(c.chunk_id.as_str()) {
            return Err(crate::Error::invalid(
                "chunk id",
                format!("`{}` is empty or repeated", c.chunk_id),
            ));
        }
        if Some(c.vector.len()) != dim || c.vector.iter().any(|x| !x.is_finite()) {
            return Err(crate::Error::invalid(
                "chunk vector",
                format!(
                    "`{}` has {} values (expected {}) or a non-finite value",
                    c.chunk_id,
                    c.vector.len(),
                    dim.unwrap_or(0)
                ),
            ));
        }
    }
    Ok(())
}
