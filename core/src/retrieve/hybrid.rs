//! Hybrid retrieval: BM25 (the matching module's) and vector search, fused by reciprocal rank.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::chunk::{Chunk, ChunkKind};
use super::embed::Embedder;
use super::index::{FlatIndex, VectorIndex};
use crate::matching::bm25::Bm25;
use crate::{Error, Result};

/// Which rankings to use: lexical alone, dense alone, or both fused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Lexical,
    Dense,
    #[default]
    Hybrid,
}

/// Metadata filter over chunks; an empty filter accepts everything.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChunkFilter {
    /// Accept only these kinds (empty: any).
    pub kinds: Vec<ChunkKind>,
    /// Accept only paths starting with this (`work[0].`, `projects`).
    pub path_prefix: Option<String>,
    /// Accept only chunks carrying every one of these tags.
    pub tags: Vec<String>,
}

impl ChunkFilter {
    /// Whether `chunk` passes.
    pub fn accepts(&self, chunk: &Chunk) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&chunk.kind))
            && self
                .path_prefix
                .as_deref()
                .is_none_or(|p| chunk.path.starts_with(p))
            && self.tags.iter().all(|t| chunk.tags.contains(t))
    }

    fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.path_prefix.is_none() && self.tags.is_empty()
    }
}

/// One retrieved chunk with its scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Position of the chunk in the retriever ([`Retriever::chunks`]).
    pub chunk: usize,
    pub path: String,
    pub kind: ChunkKind,
    pub text: String,
    /// The fused (or single-ranking) score used for ordering; higher is better.
    pub score: f32,
    /// BM25 score, when the lexical ranking found the chunk.
    pub lexical: Option<f32>,
    /// Cosine similarity, when the dense ranking found the chunk.
    pub dense: Option<f32>,
}

/// Reciprocal-rank-fusion constant: 60 is the value of Cormack et al. and most engines.
pub const RRF_K: f32 = 60.0;

/// How hybrid search merges the lexical and the dense ranking.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fusion {
    /// Reciprocal rank fusion: `Σ 1 / (k + rank)`. Ignores the scores, so a near-exact
    /// lexical match counts no more than a weak first place.
    Rrf { k: f32 },
    /// Convex combination of the scores, each divided by the best of its ranking (BM25 and
    /// cosine are then both 0 to 1): `lexical · bm25 + (1 − lexical) · cosine`; a chunk
    /// missing from one ranking gets 0 there (Bruch et al. 2023, "An Analysis of Fusion
    /// Functions for Hybrid Retrieval").
    Convex { lexical: f32 },
}

impl Default for Fusion {
    fn default() -> Self {
        Fusion::Rrf { k: RRF_K }
    }
}
/// How many candidates each ranking contributes before fusion, at least.
const CANDIDATES: usize = 50;

/// Chunks with their BM25 index and vectors: ask it for the chunks nearest a query.
pub struct Retriever<E: Embedder + ?Sized = dyn Embedder> {
    chunks: Vec<Chunk>,
    bm25: Bm25,
    index: Box<dyn VectorIndex>,
    embedder: Box<E>,
    fusion: Fusion,
}

impl<E: Embedder + ?Sized> std::fmt::Debug for Retriever<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Retriever")
            .field("model", &self.embedder.model_id())
            .field("chunks", &self.chunks.len())
            .finish()
    }
}

impl<E: Embedder + ?Sized> Retriever<E> {
    /// A retriever with an exact [`FlatIndex`].
    pub fn new(embedder: Box<E>) -> Result<Self> {
        let index = Box::new(FlatIndex::new(embedder.dim())?);
        Self::with_index(embedder, index)
    }

    /// A retriever over a caller's (empty) vector index, e.g. a `UsearchIndex` for a large
    /// job corpus.
    pub fn with_index(embedder: Box<E>, index: Box<dyn VectorIndex>) -> Result<Self> {
        if index.dim() != embedder.dim() {
            return Err(Error::invalid(
                "vector index",
                format!(
                    "it holds {}-dimensional vectors, the embedder {} makes {}",
                    index.dim(),
                    embedder.model_id(),
                    embedder.dim()
                ),
            ));
        }
        if !index.is_empty() {
            return Err(Error::invalid("vector index", "it must start empty"));
        }
        Ok(Retriever {
            chunks: Vec::new(),
            bm25: Bm25::default(),
            index,
            embedder,
            fusion: Fusion::default(),
        })
    }

    /// Uses `fusion` for [`Mode::Hybrid`]. A weight outside 0..=1 or a negative `k` is an
    /// [`Error::InvalidInput`].
    pub fn with_fusion(mut self, fusion: Fusion) -> Result<Self> {
        let ok = match fusion {
            Fusion::Rrf { k } => k.is_finite() && k >= 0.0,
            Fusion::Convex { lexical } => (0.0..=1.0).contains(&lexical),
        };
        if !ok {
            return Err(Error::invalid(
                "fusion",
                format!("{fusion:?} is out of range (k ≥ 0, weight 0 to 1)"),
            ));
        }
        self.fusion = fusion;
        Ok(self)
    }

    /// The fusion [`Mode::Hybrid`] uses.
    pub fn fusion(&self) -> Fusion {
        self.fusion
    }

    /// Embeds and indexes `chunks` (one batch), then rebuilds the BM25 index.
    pub fn add(&mut self, chunks: Vec<Chunk>) -> Result<()> {
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        let vectors = self.embedder.embed_documents(&texts)?;
        let base = self.chunks.len() as u64;
        for (i, v) in vectors.iter().enumerate() {
            self.index.add(base + i as u64, v)?;
        }
        self.chunks.extend(chunks);
        self.bm25 = Bm25::new(self.chunks.iter().map(|c| c.text.as_str()));
        Ok(())
    }

    /// The indexed chunks, in the order added.
    pub fn chunks(&self) -> &[Chunk] {
        &self.chunks
    }

    /// The embedder, for embedding other texts in the same space.
    pub fn embedder(&self) -> &E {
        &self.embedder
    }

    /// The `k` best chunks for `query` under `mode`, among those `filter` accepts.
    pub fn search(
        &self,
        query: &str,
        k: usize,
        mode: Mode,
        filter: &ChunkFilter,
    ) -> Result<Vec<Hit>> {
        let pool = (k * 4).max(CANDIDATES);
        let lexical: Vec<(usize, f32)> = if mode == Mode::Dense {
            Vec::new()
        } else {
            self.bm25
                .search(query)
                .into_iter()
                .filter(|(d, _)| filter.accepts(&self.chunks[*d]))
                .take(pool)
                .map(|(d, s)| (d, s as f32))
                .collect()
        };
        let dense: Vec<(usize, f32)> = if mode == Mode::Lexical {
            Vec::new()
        } else {
            let q = self.embedder.embed_query(query)?;
            let accept = |key: u64| {
                self.chunks
                    .get(key as usize)
                    .is_some_and(|c| filter.accepts(c))
            };
            let f: Option<&(dyn Fn(u64) -> bool + Sync)> = if filter.is_empty() {
                None
            } else {
                Some(&accept)
            };
            self.index
                .search(&q, pool, f)?
                .into_iter()
                .map(|(key, s)| (key as usize, s))
                .collect()
        };
        let mut fused: HashMap<usize, Hit> = HashMap::new();
        for (ranking, is_lexical) in [(&lexical, true), (&dense, false)] {
            let best = ranking.first().map_or(1.0, |r| r.1);
            for (rank, &(d, s)) in ranking.iter().enumerate() {
                let Some(c) = self.chunks.get(d) else {
                    continue;
                };
                let hit = fused.entry(d).or_insert_with(|| Hit {
                    chunk: d,
                    path: c.path.clone(),
                    kind: c.kind,
                    text: c.text.clone(),
                    score: 0.0,
                    lexical: None,
                    dense: None,
                });
                if is_lexical {
                    hit.lexical = Some(s);
                } else {
                    hit.dense = Some(s);
                }
                hit.score += match (mode, self.fusion) {
                    (Mode::Hybrid, Fusion::Rrf { k }) => 1.0 / (k + rank as f32 + 1.0),
                    (Mode::Hybrid, Fusion::Convex { lexical }) => {
                        let w = if is_lexical { lexical } else { 1.0 - lexical };
                        if best > 0.0 {
                            w * s.max(0.0) / best
                        } else {
                            0.0
                        }
                    }
                    _ => s,
                };
            }
        }
        let mut hits: Vec<Hit> = fused.into_values().collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.chunk.cmp(&b.chunk)));
        hits.truncate(k);
        Ok(hits)
    }
}
