//! The generation cache: a model's answer kept by the content of the question.
//!
//! The key is the SHA-256 of the provider, the model and the whole request (messages, schema,
//! temperature, token limit), so the same question asked again costs nothing and a changed
//! profile, job or prompt misses. Entries live in any [`CacheStore`] (memory, SQLite,
//! PostgreSQL, a host's), under one owner, with an optional time to live.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::llm::{ChatRequest, ChatResponse, LlmProvider, OnDelta};
use crate::Result;
use crate::http::Clock;
use crate::store::CacheStore;

/// Bumped when the cached form or the key changes, so old entries simply miss.
const KEY_VERSION: u32 = 1;

/// Hits and misses this cache has counted (the store keeps its own per-owner counts too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct CacheCounters {
    pub hits: u64,
    pub misses: u64,
}

/// Answers by content key, over a [`CacheStore`].
#[derive(Clone)]
pub struct ResponseCache {
    store: Arc<dyn CacheStore>,
    owner: String,
    ttl_secs: Option<u64>,
    clock: Arc<dyn Clock>,
    hits: Arc<AtomicU64>,
    misses: Arc<AtomicU64>,
}

impl std::fmt::Debug for ResponseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponseCache")
            .field("owner", &self.owner)
            .field("ttl_secs", &self.ttl_secs)
            .field("counters", &self.counters())
            .finish_non_exhaustive()
    }
}

#[derive(Serialize)]
struct KeyParts<'a> {
    v: u32,
    provider: &'a str,
    model: &'a str,
    request: &'a ChatRequest,
}

impl ResponseCache {
    /// A cache for `owner`'s requests in `store`; `clock` dates entries for their TTL.
    pub fn new(
        store: Arc<dyn CacheStore>,
        owner: impl Into<String>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        ResponseCache {
            store,
            owner: owner.into(),
            ttl_secs: None,
            clock,
            hits: Arc::new(AtomicU64::new(0)),
            misses: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Entries expire `secs` after they are written (default: never).
    pub fn with_ttl(mut self, secs: u64) -> Self {
        self.ttl_secs = Some(secs);
        self
    }

    /// The content key of `request` to `provider`: 64 hex digits.
    pub fn key(provider: &dyn LlmProvider, request: &ChatRequest) -> String {
        let parts = KeyParts {
            v: KEY_VERSION,
            provider: provider.id(),
            model: provider.model(),
            request,
        };
        // Serialising plain structs cannot fail; an empty input would still hash deterministically.
        let bytes = serde_json::to_vec(&parts).unwrap_or_default();
        let digest = Sha256::digest(&bytes);
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn now(&self) -> i64 {
        i64::try_from(self.clock.now_ms() / 1000).unwrap_or(i64::MAX)
    }

    /// The cached answer, if any and unexpired.
    pub async fn lookup(
        &self,
        provider: &dyn LlmProvider,
        request: &ChatRequest,
    ) -> Result<Option<ChatResponse>> {
        let key = Self::key(provider, request);
        let found = self.store.get(&self.owner, &key, self.now()).await?;
        // An entry that no longer decodes (written by another version) is a miss, not an error.
        let resp = found.and_then(|b| serde_json::from_slice::<ChatResponse>(&b).ok());
        let counter = if resp.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        Ok(resp)
    }

    /// Keeps `response` as the answer to `request`.
    pub async fn store(
        &self,
        provider: &dyn LlmProvider,
        request: &ChatRequest,
        response: &ChatResponse,
    ) -> Result<()> {
        let key = Self::key(provider, request);
        let bytes = serde_json::to_vec(response).map_err(|e| crate::Error::InvalidInput {
            what: "cached response".into(),
            reason: e.to_string(),
        })?;
        self.store
            .put(&self.owner, &key, &bytes, self.ttl_secs, self.now())
            .await
    }

    /// Asks `provider` unless the answer is cached; `regenerate` always asks and replaces the
    /// entry. Returns the answer and whether it came from the cache.
    pub async fn chat(
        &self,
        provider: &dyn LlmProvider,
        request: &ChatRequest,
        regenerate: bool,
    ) -> Result<(ChatResponse, bool)> {
        if !regenerate && let Some(hit) = self.lookup(provider, request).await? {
            return Ok((hit, true));
        }
        let resp = provider.chat(request).await?;
        self.store(provider, request, &resp).await?;
        Ok((resp, false))
    }

    pub fn counters(&self) -> CacheCounters {
        CacheCounters {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }

    pub fn owner(&self) -> &str {
        &self.owner
    }

    pub fn store_handle(&self) -> &Arc<dyn CacheStore> {
        &self.store
    }
}

/// Any provider behind the cache: a drop-in `LlmProvider` for hosts.
#[derive(Debug, Clone)]
pub struct CachedProvider {
    inner: Arc<dyn LlmProvider>,
    cache: ResponseCache,
}

impl CachedProvider {
    pub fn new(inner: Arc<dyn LlmProvider>, cache: ResponseCache) -> Self {
        CachedProvider { inner, cache }
    }

    pub fn cache(&self) -> &ResponseCache {
        &self.cache
    }

    /// Asks the provider even when cached, and replaces the entry.
    pub async fn regenerate(&self, request: &ChatRequest) -> Result<ChatResponse> {
        Ok(self.cache.chat(self.inner.as_ref(), request, true).await?.0)
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl LlmProvider for CachedProvider {
    fn id(&self) -> &str {
        self.inner.id()
    }

    fn model(&self) -> &str {
        self.inner.model()
    }

    async fn chat(&self, request: &ChatRequest) -> Result<ChatResponse> {
        Ok(self
            .cache
            .chat(self.inner.as_ref(), request, false)
            .await?
            .0)
    }

    async fn chat_stream(
        &self,
        request: &ChatRequest,
        on_delta: OnDelta<'_>,
    ) -> Result<ChatResponse> {
        if let Some(hit) = self.cache.lookup(self.inner.as_ref(), request).await? {
            on_delta(&hit.content);
            return Ok(hit);
        }
        let resp = self.inner.chat_stream(request, on_delta).await?;
        self.cache
            .store(self.inner.as_ref(), request, &resp)
            .await?;
        Ok(resp)
    }
}
