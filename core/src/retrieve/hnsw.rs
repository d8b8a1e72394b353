//! `UsearchIndex`: approximate nearest neighbours with usearch's HNSW graph (C++, native only),
//! storing vectors as f32, f16 or i8, saved to and memory-mapped from usearch's own file
//! format (so Python's `usearch.index.Index.restore` opens our files and the reverse).

use std::path::Path;

use usearch::{Index, IndexOptions, MetricKind, ScalarKind};

use super::hnsw_file::{Layout, MAX_DIM, check_buffer, check_file};
use super::index::{KeyFilter, VectorIndex, check_vector};
use crate::{Error, Result};

/// How stored vectors are kept: f32 exactly, f16 (half the memory, the same recall for
/// sentence embeddings), or i8 (a quarter, lower recall).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quantization {
    F32,
    #[default]
    F16,
    I8,
}

/// HNSW settings; the defaults reach recall@10 ≥ 0.99 on 100k MiniLM-sized vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsearchOptions {
    pub quantization: Quantization,
    /// Graph degree (M).
    pub connectivity: usize,
    /// Candidate list while building (efConstruction).
    pub expansion_add: usize,
    /// Candidate list while searching (ef).
    pub expansion_search: usize,
}

impl Default for UsearchOptions {
    fn default() -> Self {
        UsearchOptions {
            quantization: Quantization::F16,
            connectivity: 16,
            expansion_add: 128,
            expansion_search: 64,
        }
    }
}

/// An HNSW index of cosine similarity. A memory-mapped view ([`UsearchIndex::view`]) is
/// read-only: adding or removing is an [`Error::InvalidInput`].
pub struct UsearchIndex {
    index: Index,
    read_only: bool,
}

impl std::fmt::Debug for UsearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UsearchIndex")
            .field("dim", &self.index.dimensions())
            .field("len", &self.index.size())
            .field("read_only", &self.read_only)
            .finish()
    }
}

fn provider(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Provider {
        provider: "usearch".into(),
        reason: format!("{what}: {e}"),
    }
}

fn corrupt(e: impl std::fmt::Display) -> Error {
    Error::corrupt("usearch index", e.to_string())
}

fn path_str(path: &Path) -> Result<&str> {
    path.to_str()
        .ok_or_else(|| Error::invalid("index path", format!("{} is not UTF-8", path.display())))
}

impl UsearchIndex {
    /// An empty index of `dim`-long vectors.
    pub fn new(dim: usize, options: UsearchOptions) -> Result<Self> {
        if dim == 0 || dim as u64 > MAX_DIM {
            return Err(Error::invalid(
                "index dimension",
                format!("{dim} is outside 1..={MAX_DIM}"),
            ));
        }
        let opts = IndexOptions {
            dimensions: dim,
            metric: MetricKind::Cos,
            quantization: match options.quantization {
                Quantization::F32 => ScalarKind::F32,
                Quantization::F16 => ScalarKind::F16,
                Quantization::I8 => ScalarKind::I8,
            },
            connectivity: options.connectivity,
            expansion_add: options.expansion_add,
            expansion_search: options.expansion_search,
            multi: false,
        };
        let index = Index::new(&opts).map_err(|e| provider("creating the index", e))?;
        Ok(UsearchIndex {
            index,
            read_only: false,
        })
    }

    /// Room for `capacity` vectors, built with `threads` threads (adds from several threads
    /// need it; single-threaded adds grow the index on their own).
    pub fn reserve(&self, capacity: usize, threads: usize) -> Result<()> {
        self.index
            .reserve_capacity_and_threads(capacity, threads.max(1))
            .map_err(|e| provider("reserving capacity", e))
    }

    /// Adds from several threads at once (after [`reserve`](Self::reserve) with as many
    /// threads); `&self` because usearch locks per node.
    pub fn add_shared(&self, key: u64, vector: &[f32]) -> Result<()> {
        if self.read_only {
            return Err(Error::invalid(
                "usearch index",
                "it is a read-only memory-mapped view",
            ));
        }
        check_vector(self.dim(), vector)?;
        self.index
            .add(key, vector)
            .map_err(|e| provider("adding a vector", e))
    }

    /// Sets the search candidate list (ef): higher is slower and more exact.
    pub fn set_expansion_search(&self, ef: usize) {
        self.index.change_expansion_search(ef.max(1));
    }

    /// Writes the index to `path` in usearch's format.
    pub fn save(&self, path: &Path) -> Result<()> {
        self.index
            .save(path_str(path)?)
            .map_err(|e| Error::Storage {
                backend: "usearch".into(),
                reason: format!("saving {}: {e}", path.display()),
            })
    }

    /// Reads a whole index file into memory. A missing file is [`Error::NotFound`]; a
    /// truncated or damaged one [`Error::Corrupt`]; an index of another metric, scalar type
    /// or layout [`Error::UnsupportedFormat`] (checked before usearch reads it).
    pub fn load(path: &Path) -> Result<Self> {
        let layout = check_file(path)?;
        let index = Index::restore(path_str(path)?).map_err(corrupt)?;
        Self::opened(index, layout, false)
    }

    /// Memory-maps an index file read-only: opens in milliseconds whatever its size; the
    /// operating system pages vectors in as searches touch them. The file is checked as by
    /// [`load`](Self::load) (its graph is read, its vectors are not) and must not change
    /// while the view is open.
    pub fn view(path: &Path) -> Result<Self> {
        let layout = check_file(path)?;
        let index = Index::restore_view(path_str(path)?).map_err(corrupt)?;
        Self::opened(index, layout, true)
    }

    /// Reads an index from bytes written by [`VectorIndex::to_bytes`], with the checks of
    /// [`load`](Self::load).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let layout = check_buffer(bytes)?;
        let index = Index::restore_from_buffer(bytes).map_err(corrupt)?;
        Self::opened(index, layout, false)
    }

    /// An index usearch opened, if it agrees with the layout checked beforehand.
    fn opened(index: Index, layout: Layout, read_only: bool) -> Result<Self> {
        if index.dimensions() as u64 != layout.dimensions || index.size() as u64 > layout.vectors {
            return Err(corrupt(format!(
                "usearch opened {} vectors of {} dimensions, the file holds {} of {}",
                index.size(),
                index.dimensions(),
                layout.vectors,
                layout.dimensions
            )));
        }
        Ok(UsearchIndex { index, read_only })
    }

    fn grow(&self) -> Result<()> {
        let cap = self.index.capacity();
        if self.index.size() + 1 > cap {
            self.index
                .reserve((cap * 2).max(64))
                .map_err(|e| provider("growing the index", e))?;
        }
        Ok(())
    }
}

impl VectorIndex for UsearchIndex {
    fn dim(&self) -> usize {
        self.index.dimensions()
    }

    fn add(&mut self, key: u64, vector: &[f32]) -> Result<()> {
        if self.read_only {
            return Err(Error::invalid(
                "usearch index",
                "it is a read-only memory-mapped view",
            ));
        }
        check_vector(self.dim(), vector)?;
        if self.index.contains(key) {
            self.index
                .remove(key)
                .map_err(|e| provider("replacing a vector", e))?;
        }
        self.grow()?;
        self.index
            .add(key, vector)
            .map_err(|e| provider("adding a vector", e))
    }

    fn remove(&mut self, key: u64) -> Result<bool> {
        if self.read_only {
            return Err(Error::invalid(
                "usearch index",
                "it is a read-only memory-mapped view",
            ));
        }
        let n = self
            .index
            .remove(key)
            .map_err(|e| provider("removing a vector", e))?;
        Ok(n > 0)
    }

    fn search(
        &self,
        query: &[f32],
        k: usize,
        filter: Option<KeyFilter<'_>>,
    ) -> Result<Vec<(u64, f32)>> {
        check_vector(self.dim(), query)?;
        // usearch allocates room for `k` results up front: never more than it holds.
        let k = k.min(self.index.size());
        if k == 0 {
            return Ok(Vec::new());
        }
        let m = match filter {
            Some(f) => self.index.filtered_search(query, k, |key| f(key)),
            None => self.index.search(query, k),
        }
        .map_err(|e| provider("searching", e))?;
        Ok(m.keys
            .into_iter()
            .zip(m.distances)
            .map(|(k, d)| (k, 1.0 - d))
            .collect())
    }

    fn len(&self) -> usize {
        self.index.size()
    }

    fn memory_bytes(&self) -> usize {
        self.index.memory_usage()
    }

    fn to_bytes(&self) -> Result<Vec<u8>> {
        let mut buf = vec![0u8; self.index.serialized_length()];
        self.index
            .save_to_buffer(&mut buf)
            .map_err(|e| provider("serialising", e))?;
        Ok(buf)
    }
}
