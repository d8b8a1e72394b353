//! Applications, the generation cache, chunk vectors and owner deletion for `PostgresStore`.

use super::*;
use crate::store::memory::expiry;

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl ApplicationStore for PostgresStore {
    async fn put_application(&self, owner: &str, application: &Application) -> Result<()> {
        check_owner_pg(owner)?;
        check_id(&application.id, "application id")?;
        no_nul(&application.id, "application id")?;
        let data = to_json(application, "application")?;
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO applications (owner, id, stage, data) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (owner, id) DO UPDATE SET stage = excluded.stage, data = excluded.data",
                &[&owner, &application.id, &application.stage.as_str(), &data],
            )
            .await
            .pg("storing an application")?;
        Ok(())
    }

    async fn get_application(&self, owner: &str, id: &str) -> Result<Option<Application>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT data FROM applications WHERE owner = $1 AND id = $2",
                &[&owner, &id],
            )
            .await
            .pg("reading an application")?;
        row.map(|r| from_json(r.try_get(0).pg("reading an application")?, "application"))
            .transpose()
    }

    async fn list_applications(
        &self,
        owner: &str,
        stage: Option<Stage>,
    ) -> Result<Vec<Application>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let stage = stage.map(Stage::as_str);
        let rows = client
            .query(
                "SELECT data FROM applications
                 WHERE owner = $1 AND ($2::text IS NULL OR stage = $2) ORDER BY id",
                &[&owner, &stage],
            )
            .await
            .pg("listing applications")?;
        rows.iter()
            .map(|r| from_json(r.try_get(0).pg("listing applications")?, "application"))
            .collect()
    }

    async fn delete_application(&self, owner: &str, id: &str) -> Result<bool> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let n = client
            .execute(
                "DELETE FROM applications WHERE owner = $1 AND id = $2",
                &[&owner, &id],
            )
            .await
            .pg("deleting an application")?;
        Ok(n > 0)
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl CacheStore for PostgresStore {
    async fn get(&self, owner: &str, key: &str, now: Timestamp) -> Result<Option<Vec<u8>>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        // One statement reads the value and counts the hit or miss, atomically.
        let row = client
            .query_one(
                "WITH v AS (SELECT value FROM cache WHERE owner = $1 AND key = $2
                     AND (expires_at IS NULL OR expires_at > $3)),
                 n AS (SELECT COUNT(*) AS found FROM v),
                 c AS (INSERT INTO cache_counters (owner, hits, misses)
                     SELECT $1, found, 1 - found FROM n
                     ON CONFLICT (owner) DO UPDATE SET
                       hits = cache_counters.hits + excluded.hits,
                       misses = cache_counters.misses + excluded.misses)
                 SELECT (SELECT value FROM v)",
                &[&owner, &key, &now],
            )
            .await
            .pg("reading the cache")?;
        row.try_get(0).pg("reading the cache")
    }

    async fn put(
        &self,
        owner: &str,
        key: &str,
        value: &[u8],
        ttl_secs: Option<u64>,
        now: Timestamp,
    ) -> Result<()> {
        check_owner_pg(owner)?;
        check_id(key, "cache key")?;
        no_nul(key, "cache key")?;
        let exp = expiry(now, ttl_secs);
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO cache (owner, key, expires_at, value) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (owner, key) DO UPDATE SET
                   expires_at = excluded.expires_at, value = excluded.value",
                &[&owner, &key, &exp, &value],
            )
            .await
            .pg("writing the cache")?;
        Ok(())
    }

    async fn purge(&self, owner: &str, now: Timestamp) -> Result<u64> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        client
            .execute(
                "DELETE FROM cache WHERE owner = $1 AND expires_at IS NOT NULL AND expires_at <= $2",
                &[&owner, &now],
            )
            .await
            .pg("purging the cache")
    }

    async fn cache_stats(&self, owner: &str, now: Timestamp) -> Result<CacheStats> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let row = client
            .query_one(
                "SELECT
                   (SELECT COUNT(*) FROM cache WHERE owner = $1
                      AND (expires_at IS NULL OR expires_at > $2)),
                   COALESCE((SELECT hits FROM cache_counters WHERE owner = $1), 0),
                   COALESCE((SELECT misses FROM cache_counters WHERE owner = $1), 0)",
                &[&owner, &now],
            )
            .await
            .pg("reading cache figures")?;
        Ok(CacheStats {
            entries: count_of(row.try_get(0).pg("reading cache figures")?),
            hits: count_of(row.try_get(1).pg("reading cache figures")?),
            misses: count_of(row.try_get(2).pg("reading cache figures")?),
        })
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl RetrievalStore for PostgresStore {
    async fn put_chunks(
        &self,
        owner: &str,
        profile_id: &str,
        model: &str,
        chunks: &[ChunkVector],
    ) -> Result<()> {
        check_owner_pg(owner)?;
        check_chunks(chunks)?;
        no_nul(profile_id, "profile id")?;
        no_nul(model, "embedding model")?;
        for c in chunks {
            no_nul(&c.chunk_id, "chunk id")?;
        }
        let mut client = self.client().await?;
        let tx = client.transaction().await.pg("starting a transaction")?;
        lock_owner(&tx, owner).await?;
        tx.execute(
            "DELETE FROM chunks WHERE owner = $1 AND profile_id = $2 AND model = $3",
            &[&owner, &profile_id, &model],
        )
        .await
        .pg("replacing chunks")?;
        let insert = tx
            .prepare_cached(
                "INSERT INTO chunks (owner, profile_id, model, chunk_id, vector)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .await
            .pg("preparing a chunk write")?;
        let pending = chunks.iter().map(|c| {
            let (tx, insert) = (&tx, &insert);
            async move {
                tx.execute(
                    insert,
                    &[&owner, &profile_id, &model, &c.chunk_id, &c.vector],
                )
                .await
            }
        });
        futures::future::try_join_all(pending)
            .await
            .pg("writing chunks")?;
        tx.commit().await.pg("committing chunks")
    }

    async fn get_chunks(
        &self,
        owner: &str,
        profile_id: &str,
        model: &str,
    ) -> Result<Vec<ChunkVector>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT chunk_id, vector FROM chunks
                 WHERE owner = $1 AND profile_id = $2 AND model = $3 ORDER BY chunk_id",
                &[&owner, &profile_id, &model],
            )
            .await
            .pg("reading chunks")?;
        rows.iter()
            .map(|r| {
                let vector: Vec<Option<f32>> = r.try_get(1).pg("reading chunks")?;
                Ok(ChunkVector {
                    chunk_id: r.try_get(0).pg("reading chunks")?,
                    vector: vector
                        .into_iter()
                        .map(|x| x.ok_or_else(|| Error::corrupt("vector", "holds a NULL")))
                        .collect::<Result<_>>()?,
                })
            })
            .collect()
    }

    async fn list_chunk_sets(&self, owner: &str) -> Result<Vec<(String, String)>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT DISTINCT profile_id, model FROM chunks WHERE owner = $1
                 ORDER BY profile_id, model",
                &[&owner],
            )
            .await
            .pg("listing chunk sets")?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get(0).pg("listing chunk sets")?,
                    r.try_get(1).pg("listing chunk sets")?,
                ))
            })
            .collect()
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl OwnerStore for PostgresStore {
    async fn delete_owner(&self, owner: &str) -> Result<()> {
        check_owner_pg(owner)?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.pg("starting a transaction")?;
        lock_owner(&tx, owner).await?;
        for table in [
            "profiles",
            "variants",
            "jobs",
            "applications",
            "cache",
            "cache_counters",
            "chunks",
        ] {
            tx.execute(&format!("DELETE FROM {table} WHERE owner = $1"), &[&owner])
                .await
                .pg(&format!("deleting the owner's {table}"))?;
        }
        tx.commit().await.pg("committing an owner deletion")
    }

    fn backend(&self) -> &'static str {
        "postgres"
    }
}
