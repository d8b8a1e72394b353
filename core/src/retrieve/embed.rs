//! The `Embedder` provider: text to vectors, with separate entry points for documents and
//! queries (asymmetric models such as E5 or BGE prefix them differently).

use crate::{Error, Result};

/// Longest text an embedder accepts, in bytes: more is a caller bug or hostile input.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
/// Most texts in one `embed_documents` call.
pub const MAX_BATCH: usize = 100_000;

/// Turns text into fixed-length vectors. Implemented by [`HashEmbedder`](super::HashEmbedder)
/// (offline, pure), `FastEmbedder` (ONNX models, feature `fastembed`) and by hosts (a Python,
/// JS or Kotlin object wrapped by a binding).
///
/// Promises: every returned vector has [`dim`](Self::dim) finite components and is
/// L2-normalised (so a dot product is the cosine); the same input gives the same output; an
/// empty or oversized text is an [`Error::InvalidInput`] / [`Error::LimitExceeded`], never a
/// zero vector. Implementations cache nothing on behalf of the caller.
pub trait Embedder: Send + Sync {
    /// A stable name of the model and its settings, e.g. `hash-v1-512` or
    /// `sentence-transformers/all-MiniLM-L6-v2`; vectors from different ids are not comparable.
    fn model_id(&self) -> &str;
    /// Length of every vector.
    fn dim(&self) -> usize;
    /// Embeds passages to be stored and searched (batched; one vector per text, in order).
    fn embed_documents(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>>;
    /// Embeds a search query.
    fn embed_query(&self, text: &str) -> Result<Vec<f32>>;
}

/// Checks one text against the embedder contract: not blank, not too long.
pub fn check_text(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::invalid("text to embed", "it is empty"));
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::LimitExceeded {
            limit: "embedding text bytes",
            actual: text.len() as u64,
            max: MAX_TEXT_BYTES as u64,
        });
    }
    Ok(())
}

/// Checks a batch: size, then each text (the error names the first bad one).
pub fn check_batch(texts: &[&str]) -> Result<()> {
    if texts.len() > MAX_BATCH {
        return Err(Error::LimitExceeded {
            limit: "embedding batch size",
            actual: texts.len() as u64,
            max: MAX_BATCH as u64,
        });
    }
    for (i, t) in texts.iter().enumerate() {
        check_text(t).map_err(|e| match e {
            Error::InvalidInput { reason, .. } => {
                Error::invalid(format!("text {i} to embed"), reason)
            }
            other => other,
        })?;
    }
    Ok(())
}

/// Scales `v` to unit length in place; a zero vector stays zero.
pub fn normalize(v: &mut [f32]) {
    let norm = v
        .iter()
        .map(|x| f64::from(*x) * f64::from(*x))
        .sum::<f64>()
        .sqrt();
    if norm > 0.0 {
        for x in v.iter_mut() {
            *x = (f64::from(*x) / norm) as f32;
        }
    }
}

/// Dot product; the cosine for normalised vectors.
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Four accumulators let the compiler vectorise without fast-math.
    let mut acc = [0.0f32; 4];
    let chunks = a.len().min(b.len()) / 4;
    for i in 0..chunks {
        for (j, s) in acc.iter_mut().enumerate() {
            *s += a[4 * i + j] * b[4 * i + j];
        }
    }
    let mut s = acc.iter().sum::<f32>();
    for i in 4 * chunks..a.len().min(b.len()) {
        s += a[i] * b[i];
    }
    s
}

/// The mean of several unit vectors, normalised: one vector for a whole profile or job.
pub fn mean_vector(vectors: &[Vec<f32>], dim: usize) -> Vec<f32> {
    let mut out = vec![0.0f32; dim];
    for v in vectors {
        for (o, x) in out.iter_mut().zip(v) {
            *o += x;
        }
    }
    normalize(&mut out);
    out
}

/// A shared embedder is an embedder: one loaded model serves several retrievers.
impl<T: Embedder + ?Sized> Embedder for std::sync::Arc<T> {
    fn model_id(&self) -> &str {
        (**self).model_id()
    }
    fn dim(&self) -> usize {
        (**self).dim()
    }
    fn embed_documents(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        (**self).embed_documents(texts)
    }
    fn embed_query(&self, text: &str) -> Result<Vec<f32>> {
        (**self).embed_query(text)
    }
}
