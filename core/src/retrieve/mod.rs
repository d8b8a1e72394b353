//! Retrieval: chunks with provenance, embedders, vector indexes, BM25 and hybrid fusion.
//!
//! - [`chunk_profile`] cuts a profile into evidence (bullets, descriptions, summary, skills),
//!   each with the JSON-Resume path the ATS evidence uses; [`chunk_job`] cuts a job into
//!   requirements.
//! - [`Embedder`] turns text into vectors: [`HashEmbedder`] is the offline, pure default;
//!   `FastEmbedder` (feature `fastembed`) runs an ONNX model such as all-MiniLM-L6-v2; hosts
//!   can bring their own.
//! - [`VectorIndex`] stores vectors: [`FlatIndex`] is exact and pure; `UsearchIndex` (feature
//!   `usearch`) is HNSW with f32, f16 or i8 storage and memory-mapped files.
//! - [`Retriever`] fuses BM25 (the same [`Bm25`](crate::matching::bm25::Bm25) the job search
//!   uses) with vector search by reciprocal rank fusion, under metadata filters.
//!   [`retrieve`] answers "which parts of this profile meet each requirement of this job".

mod chunk;
mod embed;
mod hash_embed;
#[cfg(feature = "usearch")]
mod hnsw;
#[cfg(feature = "usearch")]
mod hnsw_file;
#[cfg(all(test, feature = "usearch"))]
mod hnsw_tests;
mod hybrid;
mod index;
#[cfg(feature = "fastembed")]
mod onnx;
#[cfg(test)]
mod tests;

pub use chunk::{Chunk, ChunkKind, chunk_job, chunk_profile, job_document};
pub use embed::{
    Embedder, MAX_BATCH, MAX_TEXT_BYTES, check_batch, check_text, dot, mean_vector, normalize,
};
pub use hash_embed::{HASH_DIM, HashEmbedder};
#[cfg(feature = "usearch")]
pub use hnsw::{Quantization, UsearchIndex, UsearchOptions};
pub use hybrid::{ChunkFilter, Fusion, Hit, Mode, RRF_K, Retriever};
pub use index::{FlatIndex, KeyFilter, VectorIndex};
#[cfg(feature = "fastembed")]
pub use onnx::{FastEmbedder, FastEmbedderOptions, load_runtime};

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::model::{Job, Profile};

/// The best evidence in a profile for one requirement of a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementEvidence {
    /// The requirement, with its path in the job (`requirements[2]`).
    pub requirement: Chunk,
    /// Profile chunks best first, with scores and their paths in the profile.
    pub evidence: Vec<Hit>,
}

/// For each requirement of `job`, the `k` best pieces of evidence in `profile`, by hybrid
/// retrieval with the offline [`HashEmbedder`].
pub fn retrieve(profile: &Profile, job: &Job, k: usize) -> Result<Vec<RequirementEvidence>> {
    let mut r = Retriever::new(Box::new(HashEmbedder::default()))?;
    r.add(chunk_profile(profile))?;
    r.evidence(job, k, &ChunkFilter::default())
}

impl<E: Embedder + ?Sized> Retriever<E> {
    /// A retriever over a profile's chunks.
    pub fn for_profile(embedder: Box<E>, profile: &Profile) -> Result<Self> {
        let mut r = Retriever::new(embedder)?;
        let chunks = chunk_profile(profile);
        if !chunks.is_empty() {
            r.add(chunks)?;
        }
        Ok(r)
    }

    /// For each requirement of `job`, the `k` best indexed chunks that pass `filter`.
    pub fn evidence(
        &self,
        job: &Job,
        k: usize,
        filter: &ChunkFilter,
    ) -> Result<Vec<RequirementEvidence>> {
        chunk_job(job)
            .into_iter()
            .map(|requirement| {
                let evidence = if self.chunks().is_empty() {
                    Vec::new()
                } else {
                    self.search(&requirement.text, k, Mode::Hybrid, filter)?
                };
                Ok(RequirementEvidence {
                    requirement,
                    evidence,
                })
            })
            .collect()
    }

    /// Adds jobs as one chunk each (path `jobs[i]`, numbered after those already added) for
    /// semantic search over a job corpus; tags carry workplace type and locations.
    pub fn add_jobs(&mut self, jobs: &[Job]) -> Result<()> {
        let base = self.chunks().len();
        let chunks: Vec<Chunk> = jobs
            .iter()
            .enumerate()
            .map(|(i, j)| job_document(j, format!("jobs[{}]", base + i)))
            .filter(|c| !c.text.is_empty())
            .collect();
        if chunks.is_empty() {
            return Ok(());
        }
        self.add(chunks)
    }
}

/// One vector for a whole profile: the mean of its chunk vectors (models read a few hundred
/// tokens, so embedding the whole text at once would drop most of it).
pub fn embed_profile(embedder: &(impl Embedder + ?Sized), profile: &Profile) -> Result<Vec<f32>> {
    let chunks = chunk_profile(profile);
    if chunks.is_empty() {
        return Err(crate::Error::invalid("profile", "it has no text to embed"));
    }
    let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
    Ok(mean_vector(
        &embedder.embed_documents(&texts)?,
        embedder.dim(),
    ))
}

/// One vector for a job: the mean of its title and requirement vectors.
pub fn embed_job(embedder: &(impl Embedder + ?Sized), job: &Job) -> Result<Vec<f32>> {
    let mut texts: Vec<String> = chunk_job(job).into_iter().map(|c| c.text).collect();
    if let Some(t) = job.title.as_deref().filter(|t| !t.trim().is_empty()) {
        texts.push(t.to_string());
    }
    if texts.is_empty() {
        return Err(crate::Error::invalid("job", "it has no text to embed"));
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    Ok(mean_vector(
        &embedder.embed_documents(&refs)?,
        embedder.dim(),
    ))
}

/// Cosine similarity (−1 to 1) of a profile and a job in `embedder`'s space: a cheap semantic
/// fit signal for matching.
pub fn similarity(
    embedder: &(impl Embedder + ?Sized),
    profile: &Profile,
    job: &Job,
) -> Result<f32> {
    Ok(dot(
        &embed_profile(embedder, profile)?,
        &embed_job(embedder, job)?,
    ))
}
