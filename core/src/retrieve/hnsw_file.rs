//! Checks of usearch's file layout before usearch reads it.
//!
//! usearch checks that a file is long enough, but not what its graph says: a flipped
//! neighbour slot, level or matrix width sends a later search outside the index (a crash, not
//! an error). Every byte that steers memory access is checked here first, so a damaged file
//! or buffer is an [`Error::Corrupt`] and a foreign one an [`Error::UnsupportedFormat`].
//! Flipped bits inside the stored vectors only change scores; the format has no checksum.
//!
//! Layout (usearch 2.x, 32-bit matrix dimensions, `u64` keys, `u32` slots): `rows: u32,
//! cols: u32`, `rows × cols` vector bytes, a 64-byte header (`usearch`, version, metric,
//! scalar, key and slot kinds, counts, dimensions, multi), then the graph: `size,
//! connectivity, connectivity_base, max_level, entry_slot` as `u64`, one `i16` level per
//! node, and per node its key, its level and, per level, a `u32` count and its slots.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::{Error, Result};

const DENSE_HEAD: usize = 64;
const GRAPH_HEAD: usize = 40;
/// Largest dimension and graph degree accepted (a damaged header must not steer allocation).
pub(super) const MAX_DIM: u64 = 65_536;
const MAX_CONNECTIVITY: u64 = 4_096;
/// usearch draws levels geometrically; no real graph comes near this.
const MAX_LEVEL: u64 = 64;

/// What a file holds, once its layout is known to be sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Layout {
    pub vectors: u64,
    pub dimensions: u64,
}

fn corrupt(reason: impl Into<String>) -> Error {
    Error::corrupt("usearch index", reason)
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(x)
}

/// The matrix prefix: rows and bytes per row, and where the header starts.
fn matrix(prefix: &[u8], total: u64) -> Result<(u64, u64, u64)> {
    if prefix.len() < 8 || total < (8 + DENSE_HEAD + GRAPH_HEAD) as u64 {
        return Err(corrupt(format!(
            "it is {total} bytes, shorter than any usearch index"
        )));
    }
    let rows = u64::from(u32_at(prefix, 0));
    let cols = u64::from(u32_at(prefix, 4));
    let head_at = rows
        .checked_mul(cols)
        .and_then(|m| m.checked_add(8))
        .filter(|&h| h + (DENSE_HEAD + GRAPH_HEAD) as u64 <= total)
        .ok_or_else(|| {
            corrupt(format!(
                "its {rows} × {cols}-byte vector matrix does not fit in {total} bytes (truncated?)"
            ))
        })?;
    Ok((rows, cols, head_at))
}

/// The 64-byte header after the vectors: a cosine index of f32, f16 or i8 vectors whose width
/// matches the matrix.
fn dense_head(h: &[u8], rows: u64, cols: u64) -> Result<Layout> {
    if &h[..7] != b"usearch" {
        return Err(corrupt("the header after the vectors is not usearch's"));
    }
    let major = u16::from_le_bytes([h[7], h[8]]);
    if major != 2 {
        return Err(Error::UnsupportedFormat(format!(
            "usearch index format version {major} (this build reads version 2)"
        )));
    }
    if h[15] != 0x0e || h[16] != 0x0f {
        return Err(corrupt("its key or slot type is not u64/u32"));
    }
    if h[13] != b'c' {
        return Err(Error::UnsupportedFormat(format!(
            "usearch index with metric {:?} (only cosine indexes are read)",
            char::from(h[13])
        )));
    }
    let scalar_bytes = match h[14] {
        0x0b => 4, // f32
        0x0c => 2, // f16
        0x17 => 1, // i8
        other => {
            return Err(Error::UnsupportedFormat(format!(
                "usearch index with scalar kind {other} (only f32, f16 and i8 are read)"
            )));
        }
    };
    if h[41] > 1 {
        return Err(corrupt("its multi flag is neither 0 nor 1"));
    }
    if h[41] == 1 {
        return Err(Error::UnsupportedFormat(
            "a usearch multi-index (several vectors per key)".into(),
        ));
    }
    let present = u64_at(h, 17);
    let dimensions = u64_at(h, 33);
    if dimensions == 0 || dimensions > MAX_DIM {
        return Err(corrupt(format!("the header says {dimensions} dimensions")));
    }
    if rows > 0 && cols != dimensions * scalar_bytes {
        return Err(corrupt(format!(
            "its vectors are {cols} bytes wide, {dimensions} dimensions of {scalar_bytes} byte(s) need {}",
            dimensions * scalar_bytes
        )));
    }
    if present > rows {
        return Err(corrupt(format!(
            "the header counts {present} vectors, the matrix holds {rows}"
        )));
    }
    Ok(Layout {
        vectors: rows,
        dimensions,
    })
}

/// The graph: its header, levels and every node's neighbour lists point inside the index,
/// and its nodes fill the rest of the file exactly.
fn graph(g: &[u8], rows: u64) -> Result<()> {
    if g.len() < GRAPH_HEAD {
        return Err(corrupt("the graph header is cut off"));
    }
    let size = u64_at(g, 0);
    let conn = u64_at(g, 8);
    let base = u64_at(g, 16);
    let max_level = u64_at(g, 24);
    let entry = u64_at(g, 32);
    if size != rows {
        return Err(corrupt(format!(
            "the graph has {size} nodes, the matrix {rows} vectors"
        )));
    }
    if size == 0 {
        return if g.len() == GRAPH_HEAD {
            Ok(())
        } else {
            Err(corrupt("an empty graph is followed by more bytes"))
        };
    }
    if !(2..=MAX_CONNECTIVITY).contains(&conn) || !(conn..=2 * MAX_CONNECTIVITY).contains(&base) {
        return Err(corrupt(format!(
            "graph degrees {conn} and {base} are out of range"
        )));
    }
    if max_level > MAX_LEVEL || entry >= size {
        return Err(corrupt(format!(
            "entry node {entry} at level {max_level} is out of range"
        )));
    }
    let n = size as usize;
    let levels_end = n
        .checked_mul(2)
        .and_then(|l| l.checked_add(GRAPH_HEAD))
        .filter(|&e| e <= g.len())
        .ok_or_else(|| corrupt("the node levels run past the end (truncated?)"))?;
    let level = |i: usize| i16::from_le_bytes([g[GRAPH_HEAD + 2 * i], g[GRAPH_HEAD + 2 * i + 1]]);
    if i64::from(level(entry as usize)) < max_level as i64 {
        return Err(corrupt("the entry node is below the graph's top level"));
    }
    let base_bytes = 4 + 4 * base as usize;
    let upper_bytes = 4 + 4 * conn as usize;
    let mut at = levels_end;
    for i in 0..n {
        let l = level(i);
        if l < 0 || l as u64 > max_level {
            return Err(corrupt(format!("node {i} has level {l}")));
        }
        let node = 10 + base_bytes + l as usize * upper_bytes;
        if g.len() - at < node {
            return Err(corrupt(format!(
                "node {i} of {n} runs past the end (truncated?)"
            )));
        }
        if i16::from_le_bytes([g[at + 8], g[at + 9]]) != l {
            return Err(corrupt(format!(
                "node {i}'s level disagrees with the table"
            )));
        }
        let mut list = at + 10;
        for depth in 0..=l as usize {
            let cap = if depth == 0 { base } else { conn };
            let count = u64::from(u32_at(g, list));
            if count > cap {
                return Err(corrupt(format!(
                    "node {i} lists {count} neighbours at level {depth}, at most {cap} fit"
                )));
            }
            for s in 0..count as usize {
                let slot = u64::from(u32_at(g, list + 4 + 4 * s));
                if slot >= size {
                    return Err(corrupt(format!("node {i} links to node {slot} of {size}")));
                }
                if slot == i as u64 {
                    return Err(corrupt(format!("node {i} links to itself")));
                }
                // A link at a level its target does not reach aborts usearch's next insert.
                if (level(slot as usize) as i64) < depth as i64 {
                    return Err(corrupt(format!(
                        "node {i} links at level {depth} to node {slot}, which stops below it"
                    )));
                }
            }
            list += if depth == 0 { base_bytes } else { upper_bytes };
        }
        at += node;
    }
    if at != g.len() {
        return Err(corrupt(format!(
            "{} bytes follow the last node",
            g.len() - at
        )));
    }
    Ok(())
}

/// Checks a whole index held in memory (what [`VectorIndex::to_bytes`] wrote).
///
/// [`VectorIndex::to_bytes`]: super::VectorIndex::to_bytes
pub(super) fn check_buffer(bytes: &[u8]) -> Result<Layout> {
    let (rows, cols, head_at) = matrix(bytes, bytes.len() as u64)?;
    let head_at = head_at as usize;
    let layout = dense_head(&bytes[head_at..head_at + DENSE_HEAD], rows, cols)?;
    graph(&bytes[head_at + DENSE_HEAD..], rows)?;
    Ok(layout)
}

/// Checks an index file without reading its vectors (a view stays cheap): the header, then
/// the graph.
pub(super) fn check_file(path: &Path) -> Result<Layout> {
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(format!("index file {}", path.display())),
        _ => Error::Storage {
            backend: "usearch".into(),
            reason: format!("reading {}: {e}", path.display()),
        },
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let total = file.metadata().map_err(io)?.len();
    if total < (8 + DENSE_HEAD + GRAPH_HEAD) as u64 {
        return Err(corrupt(format!(
            "{} is {total} bytes, shorter than any usearch index",
            path.display()
        )));
    }
    let mut prefix = [0u8; 8];
    file.read_exact(&mut prefix).map_err(io)?;
    let (rows, cols, head_at) = matrix(&prefix, total)?;
    file.seek(SeekFrom::Start(head_at)).map_err(io)?;
    let mut head = [0u8; DENSE_HEAD];
    file.read_exact(&mut head).map_err(io)?;
    let layout = dense_head(&head, rows, cols)?;
    let mut rest = Vec::with_capacity((total - head_at) as usize - DENSE_HEAD);
    file.read_to_end(&mut rest).map_err(io)?;
    graph(&rest, rows)?;
    Ok(layout)
}
