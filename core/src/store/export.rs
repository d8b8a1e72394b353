//! Portability: everything an owner has as one JSON document, written once over the traits so
//! every backend (and a host's own store) exports and imports alike.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::*;
use crate::Error;

/// The document's `format` value.
pub const EXPORT_FORMAT: &str = "career-copilot/owner-export";

/// Everything one owner has. Profiles are JSON Resume documents (with `x-` extensions).
/// The generation cache is left out: it can be rebuilt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnerExport {
    pub format: String,
    pub version: u32,
    pub owner: String,
    pub profiles: Vec<ProfileExport>,
    pub jobs: Vec<StoredJob>,
    pub applications: Vec<Application>,
    #[serde(default)]
    pub chunks: Vec<ChunkSetExport>,
}

/// One profile: every version, oldest first, and its per-job variants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileExport {
    pub id: String,
    pub versions: Vec<ProfileVersion>,
    #[serde(default)]
    pub variants: Vec<ProfileVariant>,
}

/// The chunk vectors of one (profile, model).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChunkSetExport {
    pub profile_id: String,
    pub model: String,
    pub chunks: Vec<ChunkVector>,
}

/// Reads everything `owner` has from `store`.
pub async fn export_owner(store: &dyn Store, owner: &str) -> Result<OwnerExport> {
    let mut profiles = Vec::new();
    for p in store.list_profiles(owner).await? {
        profiles.push(ProfileExport {
            versions: store.list_versions(owner, &p.profile_id).await?,
            variants: store.list_variants(owner, &p.profile_id).await?,
            id: p.profile_id,
        });
    }
    let mut jobs = Vec::new();
    let mut query = JobQuery {
        include_expired: true,
        limit: JobQuery::MAX_LIMIT,
        ..JobQuery::default()
    };
    loop {
        let page = store.search_jobs(owner, &query).await?;
        let n = page.len();
        jobs.extend(page);
        if n < query.page_size() {
            break;
        }
        query.offset += n;
    }
    let mut chunks = Vec::new();
    for (profile_id, model) in store.list_chunk_sets(owner).await? {
        chunks.push(ChunkSetExport {
            chunks: store.get_chunks(owner, &profile_id, &model).await?,
            profile_id,
            model,
        });
    }
    Ok(OwnerExport {
        format: EXPORT_FORMAT.into(),
        version: 1,
        owner: owner.into(),
        profiles,
        jobs,
        applications: store.list_applications(owner, None).await?,
        chunks,
    })
}

/// Writes an export into `store` under `owner` (which may differ from the exported owner).
/// The owner must have no profiles, jobs or applications yet, so versions keep their numbers.
/// Not atomic across kinds: on failure, `delete_owner` and retry.
pub async fn import_owner(store: &dyn Store, owner: &str, doc: &OwnerExport) -> Result<()> {
    if doc.format != EXPORT_FORMAT || doc.version != 1 {
        return Err(Error::UnsupportedFormat(format!(
            "export `{}` version {} (this build reads `{EXPORT_FORMAT}` version 1)",
            doc.format, doc.version
        )));
    }
    let busy = !store.list_profiles(owner).await?.is_empty()
        || store.count_jobs(owner).await? > 0
        || !store.list_applications(owner, None).await?.is_empty();
    if busy {
        return Err(Error::invalid(
            "import",
            format!(
                "owner `{owner}` already has data; delete it first or import under another owner"
            ),
        ));
    }
    for p in &doc.profiles {
        let mut versions = p.versions.clone();
        versions.sort_by_key(|v| v.version);
        let mut renumbered = HashMap::new();
        for v in &versions {
            let n = store
                .put_profile(owner, &p.id, &v.profile, v.note.as_deref(), v.created_at)
                .await?;
            renumbered.insert(v.version, n);
        }
        for variant in &p.variants {
            let mut variant = variant.clone();
            variant.profile_id = p.id.clone();
            variant.base_version = *renumbered
                .get(&variant.base_version)
                .ok_or_else(|| super::memory::missing_base(&variant))?;
            store.put_variant(owner, &variant).await?;
        }
    }
    for batch in doc.jobs.chunks(1000) {
        store.restore_jobs(owner, batch).await?;
    }
    for app in &doc.applications {
        store.put_application(owner, app).await?;
    }
    for set in &doc.chunks {
        store
            .put_chunks(owner, &set.profile_id, &set.model, &set.chunks)
            .await?;
    }
    Ok(())
}
