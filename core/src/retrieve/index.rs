//! The `VectorIndex` provider and `FlatIndex`, the exact pure-Rust default.

use std::collections::HashMap;

use super::embed::{dot, normalize};
use crate::{Error, Result};

/// A predicate over keys: only keys it accepts are returned by a search.
pub type KeyFilter<'a> = &'a (dyn Fn(u64) -> bool + Sync);

/// Stores vectors under `u64` keys and finds the nearest by cosine similarity.
///
/// Promises: vectors are compared by cosine (implementations normalise on add); `search`
/// returns at most `k` `(key, similarity)` pairs, best first, only keys the filter accepts; a
/// vector of the wrong length is an [`Error::InvalidInput`] naming both lengths. Adding an
/// existing key replaces its vector.
pub trait VectorIndex: Send + Sync {
    /// Length of the stored vectors.
    fn dim(&self) -> usize;
    /// Adds or replaces the vector of `key`.
    fn add(&mut self, key: u64, vector: &[f32]) -> Result<()>;
    /// Removes `key`; false if it was not there.
    fn remove(&mut self, key: u64) -> Result<bool>;
    /// The `k` nearest keys to `query` that pass `filter`, best first.
    fn search(
        &self,
        query: &[f32],
        k: usize,
        filter: Option<KeyFilter<'_>>,
    ) -> Result<Vec<(u64, f32)>>;
    /// Number of stored vectors.
    fn len(&self) -> usize;
    /// Whether the index is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Bytes of memory the index holds (vectors, keys and graph).
    fn memory_bytes(&self) -> usize;
    /// The index serialised; each implementation has a matching loader.
    fn to_bytes(&self) -> Result<Vec<u8>>;
}

/// Checks a vector's length and values against an index's dimension.
pub(crate) fn check_vector(dim: usize, v: &[f32]) -> Result<()> {
    if v.len() != dim {
        return Err(Error::invalid(
            "vector",
            format!("it has {} dimensions, the index has {dim}", v.len()),
        ));
    }
    if v.iter().any(|x| !x.is_finite()) {
        return Err(Error::invalid(
            "vector",
            "it has a NaN or infinite component",
        ));
    }
    Ok(())
}

/// Exact search over vectors kept contiguously: a dot product per stored vector. Right for a
/// profile (tens of chunks) or a few thousand jobs, and the reference the HNSW index is
/// measured against.
#[derive(Debug, Clone)]
pub struct FlatIndex {
    dim: usize,
    keys: Vec<u64>,
    data: Vec<f32>,
    slots: HashMap<u64, usize>,
}

const MAGIC: &[u8; 8] = b"CCFLAT01";
/// Largest dimension accepted when loading (a corrupt header must not allocate gigabytes).
const MAX_DIM: usize = 65_536;

impl FlatIndex {
    /// An empty index of `dim`-long vectors.
    pub fn new(dim: usize) -> Result<Self> {
        if dim == 0 || dim > MAX_DIM {
            return Err(Error::invalid(
                "index dimension",
                format!("{dim} is outside 1..={MAX_DIM}"),
            ));
        }
        Ok(FlatIndex {
            dim,
            keys: Vec::new(),
            data: Vec::new(),
            slots: HashMap::new(),
        })
    }

    /// The stored (normalised) vector of `key`.
    pub fn get(&self, key: u64) -> Option<&[f32]> {
        let s = *self.slots.get(&key)?;
        self.data.get(s * self.dim..(s + 1) * self.dim)
    }

    /// Reads an index written by [`VectorIndex::to_bytes`]: a header, the keys, the vectors and
    /// a checksum. A short, altered or foreign buffer is an [`Error::Corrupt`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let corrupt = |r: &str| Error::corrupt("flat index", r.to_string());
        if bytes.len() < 28 || &bytes[..8] != MAGIC {
            return Err(corrupt("it does not start with the flat-index header"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if checksum(body).to_le_bytes() != sum {
            return Err(corrupt(
                "the checksum does not match (truncated or altered)",
            ));
        }
        let dim = u32::from_le_bytes([body[8], body[9], body[10], body[11]]) as usize;
        let mut n8 = [0u8; 8];
        n8.copy_from_slice(&body[12..20]);
        let n = u64::from_le_bytes(n8);
        let expected = (n as u128) * (8 + 4 * dim as u128) + 20;
        if dim == 0 || dim > MAX_DIM || expected != body.len() as u128 {
            return Err(corrupt("the header's sizes do not match the data"));
        }
        let n = n as usize;
        let mut idx = FlatIndex::new(dim)?;
        let (keys, vecs) = body[20..].split_at(8 * n);
        for (i, (k, v)) in keys
            .chunks_exact(8)
            .zip(vecs.chunks_exact(4 * dim))
            .enumerate()
        {
            let mut k8 = [0u8; 8];
            k8.copy_from_slice(k);
            let key = u64::from_le_bytes(k8);
            if idx.slots.insert(key, i).is_some() {
                return Err(corrupt("a key is stored twice"));
            }
            idx.keys.push(key);
            idx.data.extend(
                v.chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            );
        }
        Ok(idx)
    }
}

/// FNV-1a 64 over the payload: cheap, and enough to catch truncation and bit flips.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl VectorIndex for FlatIndex {
    fn dim(&self) -> usize {
        self.dim
    }

    fn add(&mut self, key: u64, vector: &[f32]) -> Result<()> {
        check_vector(self.dim, vector)?;
        let mut v = vector.to_vec();
        normalize(&mut v);
        match self.slots.get(&key) {
            Some(&s) => self.data[s * self.dim..(s + 1) * self.dim].copy_from_slice(&v),
            None => {
                self.slots.insert(key, self.keys.len());
                self.keys.push(key);
                self.data.extend_from_slice(&v);
            }
        }
        Ok(())
    }

    fn remove(&mut self, key: u64) -> Result<bool> {
        let Some(s) = self.slots.remove(&key) else {
            return Ok(false);
        };
        let last = self.keys.len() - 1;
        if s != last {
            let moved = self.keys[last];
            self.keys[s] = moved;
            self.data
                .copy_within(last * self.dim..(last + 1) * self.dim, s * self.dim);
            self.slots.insert(moved, s);
        }
        self.keys.pop();
        self.data.truncate(last * self.dim);
        Ok(true)
    }

    fn search(
        &self,
        query: &[f32],
        k: usize,
        filter: Option<KeyFilter<'_>>,
    ) -> Result<Vec<(u64, f32)>> {
        check_vector(self.dim, query)?;
        let mut q = query.to_vec();
        normalize(&mut q);
        let mut out: Vec<(u64, f32)> = Vec::with_capacity(k.min(self.keys.len()) + 1);
        if k == 0 {
            return Ok(out);
        }
        for (key, v) in self.keys.iter().zip(self.data.chunks_exact(self.dim)) {
            if filter.is_some_and(|f| !f(*key)) {
                continue;
            }
            let s = dot(&q, v);
            if out.len() == k && out.last().is_some_and(|l| l.1 >= s) {
                continue;
            }
            let at = out.partition_point(|x| x.1 >= s);
            out.insert(at, (*key, s));
            out.truncate(k);
        }
        Ok(out)
    }

    fn len(&self) -> usize {
        self.keys.len()
    }

    fn memory_bytes(&self) -> usize {
        self.data.capacity() * 4
            + self.keys.capacity() * 8
            + self.slots.capacity() * (8 + std::mem::size_of::<usize>() + 1)
    }

    fn to_bytes(&self) -> Result<Vec<u8>> {
        let mut out = Vec::with_capacity(28 + self.keys.len() * (8 + 4 * self.dim));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.dim as u32).to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u64).to_le_bytes());
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for x in &self.data {
            out.extend_from_slice(&x.to_le_bytes());
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        Ok(out)
    }
}
