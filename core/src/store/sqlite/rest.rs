//! Applications, the generation cache, chunk vectors and owner deletion for `SqliteStore`.

use rusqlite::{OptionalExtension, params};

use super::*;

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl ApplicationStore for SqliteStore {
    async fn put_application(&self, owner: &str, application: &Application) -> Result<()> {
        check_owner(owner)?;
        check_id(&application.id, "application id")?;
        let data = to_json(application, "application")?;
        let (o, id, stage) = (owner.to_string(), application.id.clone(), application.stage);
        self.write(move |c| {
            c.execute(
                "INSERT OR REPLACE INTO applications (owner, id, stage, data) VALUES (?1, ?2, ?3, ?4)",
                params![o, id, stage.as_str(), data],
            )
            .db()?;
            Ok(())
        })
        .await
    }

    async fn get_application(&self, owner: &str, id: &str) -> Result<Option<Application>> {
        check_owner(owner)?;
        let (o, id) = (owner.to_string(), id.to_string());
        self.read(move |c| {
            let data: Option<String> = c
                .query_row(
                    "SELECT data FROM applications WHERE owner=?1 AND id=?2",
                    params![o, id],
                    |r| r.get(0),
                )
                .optional()
                .db()?;
            data.map(|d| from_json(&d, "application")).transpose()
        })
        .await
    }

    async fn list_applications(
        &self,
        owner: &str,
        stage: Option<Stage>,
    ) -> Result<Vec<Application>> {
        check_owner(owner)?;
        let o = owner.to_string();
        self.read(move |c| {
            let mut st = c
                .prepare(
                    "SELECT data FROM applications WHERE owner=?1 AND (?2 IS NULL OR stage=?2) ORDER BY id",
                )
                .db()?;
            let rows = st
                .query_map(params![o, stage.map(Stage::as_str)], |r| r.get::<_, String>(0))
                .db()?;
            rows.map(|r| from_json(&r.db()?, "application")).collect()
        })
        .await
    }

    async fn delete_application(&self, owner: &str, id: &str) -> Result<bool> {
        check_owner(owner)?;
        let (o, id) = (owner.to_string(), id.to_string());
        self.write(move |c| {
            let n = c
                .execute(
                    "DELETE FROM applications WHERE owner=?1 AND id=?2",
                    params![o, id],
                )
                .db()?;
            Ok(n > 0)
        })
        .await
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl CacheStore for SqliteStore {
    async fn get(&self, owner: &str, key: &str, now: Timestamp) -> Result<Option<Vec<u8>>> {
        check_owner(owner)?;
        let (o, k) = (owner.to_string(), key.to_string());
        // A read that counts: it goes through the writer so the counter update is atomic.
        self.write(move |c| {
            let tx = immediate(c)?;
            let value: Option<Vec<u8>> = tx
                .query_row(
                    "SELECT value FROM cache WHERE owner=?1 AND key=?2 AND (expires_at IS NULL OR expires_at > ?3)",
                    params![o, k, now],
                    |r| r.get(0),
                )
                .optional()
                .db()?;
            let (hit, miss) = if value.is_some() { (1, 0) } else { (0, 1) };
            tx.execute(
                "INSERT INTO cache_counters (owner, hits, misses) VALUES (?1, ?2, ?3)
                 ON CONFLICT (owner) DO UPDATE SET hits = hits + ?2, misses = misses + ?3",
                params![o, hit, miss],
            )
            .db()?;
            tx.commit().db()?;
            Ok(value)
        })
        .await
    }

    async fn put(
        &self,
        owner: &str,
        key: &str,
        value: &[u8],
        ttl_secs: Option<u64>,
        now: Timestamp,
    ) -> Result<()> {
        check_owner(owner)?;
        check_id(key, "cache key")?;
        let (o, k, v) = (owner.to_string(), key.to_string(), value.to_vec());
        let exp = expiry(now, ttl_secs);
        self.write(move |c| {
            c.execute(
                "INSERT OR REPLACE INTO cache (owner, key, expires_at, value) VALUES (?1, ?2, ?3, ?4)",
                params![o, k, exp, v],
            )
            .db()?;
            Ok(())
        })
        .await
    }

    async fn purge(&self, owner: &str, now: Timestamp) -> Result<u64> {
        check_owner(owner)?;
        let o = owner.to_string();
        self.write(move |c| {
            let n = c
                .execute(
                    "DELETE FROM cache WHERE owner=?1 AND expires_at IS NOT NULL AND expires_at <= ?2",
                    params![o, now],
                )
                .db()?;
            Ok(n as u64)
        })
        .await
    }

    async fn cache_stats(&self, owner: &str, now: Timestamp) -> Result<CacheStats> {
        check_owner(owner)?;
        let o = owner.to_string();
        self.read(move |c| {
            let entries: i64 = c
                .query_row(
                    "SELECT COUNT(*) FROM cache WHERE owner=?1 AND (expires_at IS NULL OR expires_at > ?2)",
                    params![o, now],
                    |r| r.get(0),
                )
                .db()?;
            let (hits, misses): (i64, i64) = c
                .query_row(
                    "SELECT hits, misses FROM cache_counters WHERE owner=?1",
                    [&o],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .db()?
                .unwrap_or((0, 0));
            Ok(CacheStats {
                entries: entries as u64,
                hits: hits as u64,
                misses: misses as u64,
            })
        })
        .await
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl RetrievalStore for SqliteStore {
    async fn put_chunks(
        &self,
        owner: &str,
        profile_id: &str,
        model: &str,
        chunks: &[ChunkVector],
    ) -> Result<()> {
        check_owner(owner)?;
        check_chunks(chunks)?;
        let rows: Vec<(String, Vec<u8>)> = chunks
            .iter()
            .map(|c| (c.chunk_id.clone(), vector_to_bytes(&c.vector)))
            .collect();
        let (o, p, m) = (owner.to_string(), profile_id.to_string(), model.to_string());
        self.write(move |c| {
            let tx = immediate(c)?;
            tx.execute(
                "DELETE FROM chunks WHERE owner=?1 AND profile_id=?2 AND model=?3",
                params![o, p, m],
            )
            .db()?;
            for (id, bytes) in &rows {
                tx.prepare_cached(
                    "INSERT INTO chunks (owner, profile_id, model, chunk_id, vector) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .db()?
                .execute(params![o, p, m, id, bytes])
                .db()?;
            }
            tx.commit().db()
        })
        .await
    }

    async fn get_chunks(
        &self,
        owner: &str,
        profile_id: &str,
        model: &str,
    ) -> Result<Vec<ChunkVector>> {
        check_owner(owner)?;
        let (o, p, m) = (owner.to_string(), profile_id.to_string(), model.to_string());
        self.read(move |c| {
            let mut st = c
                .prepare(
                    "SELECT chunk_id, vector FROM chunks WHERE owner=?1 AND profile_id=?2 AND model=?3 ORDER BY chunk_id",
                )
                .db()?;
            let rows = st
                .query_map(params![o, p, m], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
                })
                .db()?;
            rows.map(|r| {
                let (chunk_id, bytes) = r.db()?;
                Ok(ChunkVector {
                    chunk_id,
                    vector: vector_from_bytes(&bytes)?,
                })
            })
            .collect()
        })
        .await
    }

    async fn list_chunk_sets(&self, owner: &str) -> Result<Vec<(String, String)>> {
        check_owner(owner)?;
        let o = owner.to_string();
        self.read(move |c| {
            let mut st = c
                .prepare(
                    "SELECT DISTINCT profile_id, model FROM chunks WHERE owner=?1 ORDER BY profile_id, model",
                )
                .db()?;
            let rows = st.query_map([o], |r| Ok((r.get(0)?, r.get(1)?))).db()?;
            rows.map(|r| r.db()).collect()
        })
        .await
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl OwnerStore for SqliteStore {
    async fn delete_owner(&self, owner: &str) -> Result<()> {
        check_owner(owner)?;
        let o = owner.to_string();
        self.write(move |c| {
            let tx = immediate(c)?;
            tx.execute(
                "DELETE FROM jobs_fts WHERE rowid IN (SELECT rowid FROM jobs WHERE owner=?1)",
                [&o],
            )
            .db()?;
            for table in [
                "profiles",
                "variants",
                "jobs",
                "applications",
                "cache",
                "cache_counters",
                "chunks",
            ] {
                tx.execute(&format!("DELETE FROM {table} WHERE owner=?1"), [&o])
                    .db()?;
            }
            tx.commit().db()
        })
        .await
    }

    fn backend(&self) -> &'static str {
        "sqlite"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite_file_store_passes_the_conformance_suite() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path().join("c.db")).unwrap();
        crate::store::conformance::run_all(&store, "sqlite").await;
        assert_eq!(store.schema_version().await.unwrap(), 1);
    }

    #[tokio::test]
    async fn sqlite_in_memory_store_passes_the_conformance_suite() {
        let store = SqliteStore::open_in_memory().unwrap();
        crate::store::conformance::run_all(&store, "mem").await;
    }

    #[test]
    fn works_without_a_runtime_and_reopens_with_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        let store = SqliteStore::open(&path).unwrap();
        let job = crate::store::conformance::job(1, "Rust");
        futures::executor::block_on(store.upsert_jobs("o", &[job.into()], 5)).unwrap();
        drop(store);
        let again = SqliteStore::open(&path).unwrap();
        let got = futures::executor::block_on(again.get_job("o", "test:000001")).unwrap();
        assert_eq!(got.map(|j| j.first_seen), Some(5));
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.db");
        drop(SqliteStore::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.execute("UPDATE schema_version SET version = 99", [])
            .unwrap();
        drop(conn);
        let err = SqliteStore::open(&path).unwrap_err().to_string();
        assert!(err.contains("schema version 99"), "{err}");
    }
}
