//! Semantic similarity as one fit factor: job and profile embeddings from any [`Embedder`].
//!
//! Opt-in ([`JobIndex::with_embedder`]): vectors cost `dim` bytes a job (stored as i8) and
//! embedding every job takes time at build, so plain indexes stay lean.

use std::sync::Arc;

use super::JobIndex;
use crate::Result;
use crate::model::Profile;
use crate::retrieve::{Embedder, embed_job, embed_profile};

/// Quantised unit vectors of the indexed jobs, and the embedder that made them.
#[derive(Clone)]
pub(super) struct Vectors {
    embedder: Arc<dyn Embedder>,
    dim: usize,
    /// Row-major, one `dim`-long row per job; a job with no text has an all-zero row.
    rows: Vec<i8>,
}

impl std::fmt::Debug for Vectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vectors")
            .field("model", &self.embedder.model_id())
            .field("dim", &self.dim)
            .field("jobs", &(self.rows.len() / self.dim.max(1)))
            .finish()
    }
}

fn quantize(v: &[f32], out: &mut Vec<i8>) {
    out.extend(
        v.iter()
            .map(|x| (x * 127.0).round().clamp(-127.0, 127.0) as i8),
    );
}

impl Vectors {
    /// Cosine between job `row` and a unit profile vector; `None` for a job with no vector.
    pub(super) fn cosine(&self, row: u32, profile: &[f32]) -> Option<f32> {
        let start = row as usize * self.dim;
        let job = self.rows.get(start..start + self.dim)?;
        if profile.len() != self.dim || job.iter().all(|&x| x == 0) {
            return None;
        }
        let dot: f32 = job
            .iter()
            .zip(profile)
            .map(|(&a, b)| f32::from(a) * b)
            .sum();
        let norm: f32 = job
            .iter()
            .map(|&a| f32::from(a) * f32::from(a))
            .sum::<f32>()
            .sqrt();
        (norm > 0.0).then(|| dot / norm)
    }

    /// The profile's unit vector: its chunks, plus the resume text when given.
    pub(super) fn profile(&self, profile: &Profile, text: Option<&str>) -> Option<Vec<f32>> {
        let mut v = embed_profile(self.embedder.as_ref(), profile).ok();
        if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
            // Long resumes: the embedder bounds its input, so the text goes in as paragraphs.
            let parts: Vec<&str> = t
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .take(256)
                .collect();
            if let Ok(vs) = self.embedder.embed_documents(&parts) {
                let mean = crate::retrieve::mean_vector(&vs, self.dim);
                v = Some(match v {
                    Some(p) => p.iter().zip(&mean).map(|(a, b)| a + b).collect(),
                    None => mean,
                });
            }
        }
        let mut v = v?;
        crate::retrieve::normalize(&mut v);
        Some(v)
    }
}

impl JobIndex {
    /// Adds semantic similarity as a fit factor (weight [`MatchWeights::semantic`](super::MatchWeights)):
    /// every job is embedded once now, each profile when it is ranked. Fails only if the
    /// embedder fails on a job that has text.
    pub fn with_embedder(mut self, embedder: Arc<dyn Embedder>) -> Result<Self> {
        let dim = embedder.dim();
        let mut rows = Vec::with_capacity(dim * self.jobs.len());
        for job in &self.jobs {
            match embed_job(embedder.as_ref(), job) {
                Ok(mut v) => {
                    crate::retrieve::normalize(&mut v);
                    quantize(&v, &mut rows);
                }
                Err(crate::Error::InvalidInput { .. }) => rows.resize(rows.len() + dim, 0),
                Err(e) => return Err(e),
            }
        }
        self.semantic = Some(Vectors {
            embedder,
            dim,
            rows,
        });
        Ok(self)
    }
}
