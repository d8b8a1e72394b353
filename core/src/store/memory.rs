//! `MemoryStore`: the reference implementation. Pure, wasm-safe, and what the others are held to.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use super::search::{query_terms, seniority_name, words_match, workplace_name};
use super::*;
use crate::Error;

/// Everything in process memory, behind one lock. Good for tests, examples and short sessions.
#[derive(Debug, Default)]
pub struct MemoryStore {
    owners: Mutex<BTreeMap<String, OwnerData>>,
}

#[derive(Debug, Default)]
struct OwnerData {
    profiles: BTreeMap<String, Vec<ProfileVersion>>,
    variants: BTreeMap<(String, String), ProfileVariant>,
    jobs: BTreeMap<String, MemJob>,
    apps: BTreeMap<String, Application>,
    cache: BTreeMap<String, (Vec<u8>, Option<Timestamp>)>,
    hits: u64,
    misses: u64,
    chunks: BTreeMap<(String, String), Vec<ChunkVector>>,
}

#[derive(Debug)]
struct MemJob {
    stored: StoredJob,
    hash: String,
    words: String,
    locations_lc: String,
    workplace: Option<&'static str>,
    seniority: Option<&'static str>,
    salary_top: Option<f64>,
    posted_at: Option<Timestamp>,
}

impl MemJob {
    fn new(row: JobRow, stored: StoredJob) -> MemJob {
        MemJob {
            stored,
            hash: row.content_hash,
            words: row.words,
            locations_lc: row.locations_lc,
            workplace: row.workplace,
            seniority: row.seniority,
            salary_top: row.salary_top,
            posted_at: row.posted_at,
        }
    }

    fn matches(&self, q: &JobQuery, terms: &[String], location: Option<&str>) -> bool {
        let s = &self.stored;
        (q.include_expired || s.expired_at.is_none())
            && words_match(&self.words, terms)
            && q.workplace
                .is_none_or(|w| self.workplace == Some(workplace_name(w)))
            && location.is_none_or(|l| self.locations_lc.contains(l))
            && q.salary_min
                .is_none_or(|m| self.salary_top.is_some_and(|t| t >= m))
            && (q.seniority.is_empty()
                || q.seniority
                    .iter()
                    .any(|x| self.seniority == Some(seniority_name(*x))))
            && q.posted_since
                .is_none_or(|p| self.posted_at.unwrap_or(s.first_seen) >= p)
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn lock(&self) -> Result<MutexGuard<'_, BTreeMap<String, OwnerData>>> {
        self.owners.lock().map_err(|_| Error::Storage {
            backend: "memory".into(),
            reason: "a writer panicked while holding the lock".into(),
        })
    }

    /// Runs `f` on the owner's data, creating it empty if needed.
    fn with<T>(&self, owner: &str, f: impl FnOnce(&mut OwnerData) -> Result<T>) -> Result<T> {
        check_owner(owner)?;
        let mut owners = self.lock()?;
        f(owners.entry(owner.to_string()).or_default())
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl ProfileStore for MemoryStore {
    async fn put_profile(
        &self,
        owner: &str,
        profile_id: &str,
        profile: &Profile,
        note: Option<&str>,
        now: Timestamp,
    ) -> Result<u32> {
        check_id(profile_id, "profile id")?;
        self.with(owner, |d| {
            let versions = d.profiles.entry(profile_id.to_string()).or_default();
            let version = versions.last().map_or(1, |v| v.version + 1);
            versions.push(ProfileVersion {
                profile_id: profile_id.to_string(),
                version,
                note: note.map(str::to_string),
                created_at: now,
                profile: profile.clone(),
            });
            Ok(version)
        })
    }

    async fn get_profile(
        &self,
        owner: &str,
        profile_id: &str,
        version: Option<u32>,
    ) -> Result<Option<ProfileVersion>> {
        self.with(owner, |d| {
            let Some(vs) = d.profiles.get(profile_id) else {
                return Ok(None);
            };
            Ok(match version {
                None => vs.last().cloned(),
                Some(n) => vs.iter().find(|v| v.version == n).cloned(),
            })
        })
    }

    async fn list_profiles(&self, owner: &str) -> Result<Vec<ProfileSummary>> {
        self.with(owner, |d| {
            Ok(d.profiles
                .values()
                .filter_map(|vs| vs.last())
                .map(|v| ProfileSummary {
                    profile_id: v.profile_id.clone(),
                    latest_version: v.version,
                    name: v.profile.name().map(str::to_string),
                    updated_at: v.created_at,
                })
                .collect())
        })
    }

    async fn list_versions(&self, owner: &str, profile_id: &str) -> Result<Vec<ProfileVersion>> {
        self.with(owner, |d| {
            Ok(d.profiles.get(profile_id).cloned().unwrap_or_default())
        })
    }

    async fn put_variant(&self, owner: &str, variant: &ProfileVariant) -> Result<()> {
        check_id(&variant.job_id, "job id")?;
        self.with(owner, |d| {
            let exists = d
                .profiles
                .get(&variant.profile_id)
                .is_some_and(|vs| vs.iter().any(|v| v.version == variant.base_version));
            if !exists {
                return Err(missing_base(variant));
            }
            d.variants.insert(
                (variant.profile_id.clone(), variant.job_id.clone()),
                variant.clone(),
            );
            Ok(())
        })
    }

    async fn get_variant(
        &self,
        owner: &str,
        profile_id: &str,
        job_id: &str,
    ) -> Result<Option<ProfileVariant>> {
        self.with(owner, |d| {
            Ok(d.variants
                .get(&(profile_id.to_string(), job_id.to_string()))
                .cloned())
        })
    }

    async fn list_variants(&self, owner: &str, profile_id: &str) -> Result<Vec<ProfileVariant>> {
        self.with(owner, |d| {
            Ok(d.variants
                .values()
                .filter(|v| v.profile_id == profile_id)
                .cloned()
                .collect())
        })
    }

    async fn delete_profile(&self, owner: &str, profile_id: &str) -> Result<bool> {
        self.with(owner, |d| {
            d.variants.retain(|(p, _), _| p != profile_id);
            d.chunks.retain(|(p, _), _| p != profile_id);
            Ok(d.profiles.remove(profile_id).is_some())
        })
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl JobStore for MemoryStore {
    async fn upsert_jobs(
        &self,
        owner: &str,
        jobs: &[JobUpsert],
        now: Timestamp,
    ) -> Result<Vec<UpsertOutcome>> {
        let rows = jobs
            .iter()
            .map(|j| JobRow::new(&j.job, j.fingerprint.as_deref()))
            .collect::<Result<Vec<_>>>()?;
        self.with(owner, |d| {
            let mut out = Vec::with_capacity(rows.len());
            for (row, input) in rows.into_iter().zip(jobs) {
                let id = row.id.clone();
                let outcome = match d.jobs.get_mut(&id) {
                    Some(m) if m.hash == row.content_hash => {
                        m.stored.last_seen = now;
                        m.stored.expired_at = None;
                        m.stored.fingerprint = row.fingerprint.clone();
                        Upsert::Unchanged
                    }
                    Some(m) => {
                        let stored = StoredJob {
                            id: id.clone(),
                            job: input.job.clone(),
                            fingerprint: row.fingerprint.clone(),
                            first_seen: m.stored.first_seen,
                            last_seen: now,
                            updated_at: now,
                            expired_at: None,
                        };
                        *m = MemJob::new(row, stored);
                        Upsert::Updated
                    }
                    None => {
                        let stored = StoredJob {
                            id: id.clone(),
                            job: input.job.clone(),
                            fingerprint: row.fingerprint.clone(),
                            first_seen: now,
                            last_seen: now,
                            updated_at: now,
                            expired_at: None,
                        };
                        d.jobs.insert(id.clone(), MemJob::new(row, stored));
                        Upsert::New
                    }
                };
                out.push(UpsertOutcome { id, outcome });
            }
            Ok(out)
        })
    }

    async fn get_job(&self, owner: &str, id: &str) -> Result<Option<StoredJob>> {
        self.with(owner, |d| Ok(d.jobs.get(id).map(|m| m.stored.clone())))
    }

    async fn jobs_by_fingerprint(&self, owner: &str, fingerprint: &str) -> Result<Vec<StoredJob>> {
        self.with(owner, |d| {
            Ok(d.jobs
                .values()
                .filter(|m| m.stored.fingerprint.as_deref() == Some(fingerprint))
                .map(|m| m.stored.clone())
                .collect())
        })
    }

    async fn expire_jobs(
        &self,
        owner: &str,
        not_seen_since: Timestamp,
        now: Timestamp,
    ) -> Result<u64> {
        self.with(owner, |d| {
            let mut n = 0;
            for m in d.jobs.values_mut() {
                if m.stored.expired_at.is_none() && m.stored.last_seen < not_seen_since {
                    m.stored.expired_at = Some(now);
                    n += 1;
                }
            }
            Ok(n)
        })
    }

    async fn search_jobs(&self, owner: &str, query: &JobQuery) -> Result<Vec<StoredJob>> {
        let terms = query.text.as_deref().map(query_terms).unwrap_or_default();
        let location = query.location.as_deref().map(str::to_lowercase);
        self.with(owner, |d| {
            let mut hits: Vec<&MemJob> = d
                .jobs
                .values()
                .filter(|m| m.matches(query, &terms, location.as_deref()))
                .collect();
            hits.sort_by(|a, b| {
                let pa = a.posted_at.unwrap_or(a.stored.first_seen);
                let pb = b.posted_at.unwrap_or(b.stored.first_seen);
                pb.cmp(&pa).then_with(|| a.stored.id.cmp(&b.stored.id))
            });
            Ok(hits
                .into_iter()
                .skip(query.offset)
                .take(query.page_size())
                .map(|m| m.stored.clone())
                .collect())
        })
    }

    async fn count_jobs(&self, owner: &str) -> Result<u64> {
        self.with(owner, |d| Ok(d.jobs.len() as u64))
    }

    async fn restore_jobs(&self, owner: &str, jobs: &[StoredJob]) -> Result<()> {
        let rows = jobs
            .iter()
            .map(|j| JobRow::new(&j.job, j.fingerprint.as_deref()))
            .collect::<Result<Vec<_>>>()?;
        self.with(owner, |d| {
            for (row, stored) in rows.into_iter().zip(jobs) {
                let mut stored = stored.clone();
                stored.id = row.id.clone();
                d.jobs.insert(row.id.clone(), MemJob::new(row, stored));
            }
            Ok(())
        })
    }

    async fn delete_job(&self, owner: &str, id: &str) -> Result<bool> {
        self.with(owner, |d| Ok(d.jobs.remove(id).is_some()))
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl ApplicationStore for MemoryStore {
    async fn put_application(&self, owner: &str, application: &Application) -> Result<()> {
        check_id(&application.id, "application id")?;
        self.with(owner, |d| {
            d.apps.insert(application.id.clone(), application.clone());
            Ok(())
        })
    }

    async fn get_application(&self, owner: &str, id: &str) -> Result<Option<Application>> {
        self.with(owner, |d| Ok(d.apps.get(id).cloned()))
    }

    async fn list_applications(
        &self,
        owner: &str,
        stage: Option<Stage>,
    ) -> Result<Vec<Application>> {
        self.with(owner, |d| {
            Ok(d.apps
                .values()
                .filter(|a| stage.is_none_or(|s| a.stage == s))
                .cloned()
                .collect())
        })
    }

    async fn delete_application(&self, owner: &str, id: &str) -> Result<bool> {
        self.with(owner, |d| Ok(d.apps.remove(id).is_some()))
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl CacheStore for MemoryStore {
    async fn get(&self, owner: &str, key: &str, now: Timestamp) -> Result<Option<Vec<u8>>> {
        self.with(owner, |d| {
            let value = d
                .cache
                .get(key)
                .filter(|(_, exp)| exp.is_none_or(|e| now < e))
                .map(|(v, _)| v.clone());
            if value.is_some() {
                d.hits += 1;
            } else {
                d.misses += 1;
            }
            Ok(value)
        })
    }

    async fn put(
        &self,
        owner: &str,
        key: &str,
        value: &[u8],
        ttl_secs: Option<u64>,
        now: Timestamp,
    ) -> Result<()> {
        check_id(key, "cache key")?;
        self.with(owner, |d| {
            d.cache
                .insert(key.to_string(), (value.to_vec(), expiry(now, ttl_secs)));
            Ok(())
        })
    }

    async fn purge(&self, owner: &str, now: Timestamp) -> Result<u64> {
        self.with(owner, |d| {
            let before = d.cache.len();
            d.cache.retain(|_, (_, exp)| exp.is_none_or(|e| now < e));
            Ok((before - d.cache.len()) as u64)
        })
    }

    async fn cache_stats(&self, owner: &str, now: Timestamp) -> Result<CacheStats> {
        self.with(owner, |d| {
            Ok(CacheStats {
                entries: d
                    .cache
                    .values()
                    .filter(|(_, exp)| exp.is_none_or(|e| now < e))
                    .count() as u64,
                hits: d.hits,
                misses: d.misses,
            })
        })
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl RetrievalStore for MemoryStore {
    async fn put_chunks(
        &self,
        owner: &str,
        profile_id: &str,
        model: &str,
        chunks: &[ChunkVector],
    ) -> Result<()> {
        check_chunks(chunks)?;
        self.with(owner, |d| {
            let key = (profile_id.to_string(), model.to_string());
            if chunks.is_empty() {
                d.chunks.remove(&key);
            } else {
                let mut sorted = chunks.to_vec();
                sorted.sort_by(|a, b| a.chunk_id.cmp(&b.chunk_id));
                d.chunks.insert(key, sorted);
            }
            Ok(())
        })
    }

    async fn get_chunks(
        &self,
        owner: &str,
        profile_id: &str,
        model: &str,
    ) -> Result<Vec<ChunkVector>> {
        self.with(owner, |d| {
            Ok(d.chunks
                .get(&(profile_id.to_string(), model.to_string()))
                .cloned()
                .unwrap_or_default())
        })
    }

    async fn list_chunk_sets(&self, owner: &str) -> Result<Vec<(String, String)>> {
        self.with(owner, |d| Ok(d.chunks.keys().cloned().collect()))
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl OwnerStore for MemoryStore {
    async fn delete_owner(&self, owner: &str) -> Result<()> {
        check_owner(owner)?;
        self.lock()?.remove(owner);
        Ok(())
    }

    fn backend(&self) -> &'static str {
        "memory"
    }
}

/// When an entry put at `now` with `ttl_secs` expires.
pub(crate) fn expiry(now: Timestamp, ttl_secs: Option<u64>) -> Option<Timestamp> {
    ttl_secs.map(|t| now.saturating_add(i64::try_from(t).unwrap_or(i64::MAX)))
}

/// Ids are non-empty and at most 1000 bytes.
pub(crate) fn check_id(id: &str, what: &str) -> Result<()> {
    if id.is_empty() || id.len() > 1000 {
        return Err(Error::invalid(
            what,
            format!("must be 1 to 1000 bytes, got {}", id.len()),
        ));
    }
    Ok(())
}

pub(crate) fn missing_base(v: &ProfileVariant) -> Error {
    Error::NotFound(format!(
        "profile `{}` version {} (the base of the variant for job `{}`)",
        v.profile_id, v.base_version, v.job_id
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_store_passes_the_conformance_suite() {
        super::super::conformance::run_all(&MemoryStore::new(), "mem").await;
    }

    #[tokio::test]
    async fn bad_ids_are_refused_with_their_name() {
        let s = MemoryStore::new();
        let err = s
            .put_profile("", "cv", &Profile::default(), None, 0)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("owner id"), "{err}");
        let err = s.put("o", "", b"v", None, 0).await.unwrap_err();
        assert!(err.to_string().contains("cache key"), "{err}");
    }
}
