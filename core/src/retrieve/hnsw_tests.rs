//! `UsearchIndex`: search against the exact `FlatIndex`, filters, removal, the three storage
//! types, files (whole and memory-mapped) and buffers, files written by Python's usearch, and
//! damaged input, which must be a typed error and never reach usearch's C++ code.

use std::path::Path;

use super::*;
use crate::Error;

const DIM: usize = 16;

/// Deterministic vectors in a few loose clusters (xorshift; no `rand` in the core).
fn vectors(n: usize, seed: u64) -> Vec<Vec<f32>> {
    let mut s = seed.max(1);
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0
    };
    let centres: Vec<Vec<f32>> = (0..8).map(|_| (0..DIM).map(|_| next()).collect()).collect();
    (0..n)
        .map(|i| {
            let c = &centres[i % centres.len()];
            c.iter().map(|x| x + 0.5 * next()).collect()
        })
        .collect()
}

fn options(q: Quantization) -> UsearchOptions {
    UsearchOptions {
        quantization: q,
        ..UsearchOptions::default()
    }
}

fn filled(q: Quantization, n: usize) -> (UsearchIndex, FlatIndex, Vec<Vec<f32>>) {
    let data = vectors(n, 7);
    let mut idx = UsearchIndex::new(DIM, options(q)).unwrap();
    let mut flat = FlatIndex::new(DIM).unwrap();
    for (i, v) in data.iter().enumerate() {
        idx.add(i as u64, v).unwrap();
        flat.add(i as u64, v).unwrap();
    }
    (idx, flat, data)
}

fn keys(hits: &[(u64, f32)]) -> Vec<u64> {
    hits.iter().map(|h| h.0).collect()
}

/// Recall@10 of `idx` against exact search over 50 held-out queries.
fn recall(idx: &dyn VectorIndex, flat: &FlatIndex) -> f64 {
    let queries = vectors(50, 99);
    let mut found = 0;
    for q in &queries {
        let want = keys(&flat.search(q, 10, None).unwrap());
        let got = keys(&idx.search(q, 10, None).unwrap());
        assert_eq!(got.len(), 10);
        found += got.iter().filter(|k| want.contains(k)).count();
    }
    found as f64 / (queries.len() * 10) as f64
}

#[test]
fn each_storage_type_finds_what_exact_search_finds() {
    // (storage, least recall@10, largest error of a vector's similarity to itself)
    for (q, floor, tolerance) in [
        (Quantization::F32, 0.99, 1e-5),
        (Quantization::F16, 0.99, 1e-3),
        (Quantization::I8, 0.85, 2e-2),
    ] {
        let (idx, flat, data) = filled(q, 600);
        assert_eq!(idx.len(), 600);
        assert_eq!(idx.dim(), DIM);
        let r = recall(&idx, &flat);
        assert!(r >= floor, "{q:?}: recall@10 {r:.3} < {floor}");
        let top = idx.search(&data[42], 1, None).unwrap();
        assert_eq!(top[0].0, 42, "{q:?}");
        assert!((top[0].1 - 1.0).abs() < tolerance, "{q:?}: {}", top[0].1);
        // Scores are cosines, best first, like the flat index's.
        let hits = idx.search(&data[3], 10, None).unwrap();
        assert!(hits.windows(2).all(|w| w[0].1 >= w[1].1), "{hits:?}");
        for (key, s) in &hits {
            let exact = dot(flat.get(*key).unwrap(), flat.get(3).unwrap());
            assert!((s - exact).abs() < tolerance * 5.0, "{q:?}: {s} vs {exact}");
        }
    }
}

#[test]
fn filters_removal_and_replacement() {
    let (mut idx, _, data) = filled(Quantization::F16, 400);
    let even = |k: u64| k % 2 == 0;
    let hits = idx.search(&data[11], 10, Some(&even)).unwrap();
    assert_eq!(hits.len(), 10);
    assert!(hits.iter().all(|h| h.0 % 2 == 0), "{hits:?}");
    // A filter that accepts one key finds it even far from the query.
    let only = |k: u64| k == 250;
    assert_eq!(keys(&idx.search(&data[11], 5, Some(&only)).unwrap()), [250]);
    let none = |_: u64| false;
    assert!(idx.search(&data[11], 5, Some(&none)).unwrap().is_empty());

    assert!(idx.remove(11).unwrap());
    assert!(!idx.remove(11).unwrap());
    assert!(!idx.remove(9_999).unwrap());
    assert_eq!(idx.len(), 399);
    let hits = idx.search(&data[11], 20, None).unwrap();
    assert!(!hits.iter().any(|h| h.0 == 11), "{hits:?}");

    // Adding an existing key replaces its vector.
    idx.add(12, &data[300]).unwrap();
    assert_eq!(idx.len(), 399);
    let top = keys(&idx.search(&data[300], 2, None).unwrap());
    assert!(top.contains(&12) && top.contains(&300), "{top:?}");
    let hits = idx.search(&data[12], 10, None).unwrap();
    assert!(hits.iter().all(|h| h.0 != 12 || h.1 < 0.99), "{hits:?}");

    // A removed key can come back.
    idx.add(11, &data[11]).unwrap();
    assert_eq!(idx.search(&data[11], 1, None).unwrap()[0].0, 11);
    // k larger than the index returns what there is.
    assert_eq!(idx.search(&data[0], usize::MAX, None).unwrap().len(), 400);
    assert!(idx.search(&data[0], 0, None).unwrap().is_empty());
    assert!(idx.memory_bytes() > 400 * DIM * 2);
}

#[test]
fn adds_from_several_threads() {
    let data = vectors(800, 3);
    let idx = UsearchIndex::new(DIM, options(Quantization::F32)).unwrap();
    idx.reserve(data.len(), 4).unwrap();
    std::thread::scope(|s| {
        for part in 0..4 {
            let (idx, data) = (&idx, &data);
            s.spawn(move || {
                for i in (part..data.len()).step_by(4) {
                    idx.add_shared(i as u64, &data[i]).unwrap();
                }
            });
        }
    });
    assert_eq!(idx.len(), 800);
    for i in [0, 399, 799] {
        assert_eq!(idx.search(&data[i], 1, None).unwrap()[0].0, i as u64);
    }
}

fn same_answers(a: &dyn VectorIndex, b: &dyn VectorIndex) {
    assert_eq!(a.len(), b.len());
    assert_eq!(a.dim(), b.dim());
    for q in vectors(20, 5) {
        assert_eq!(
            a.search(&q, 10, None).unwrap(),
            b.search(&q, 10, None).unwrap()
        );
    }
}

#[test]
fn saved_loaded_viewed_and_buffered_indexes_answer_alike() {
    let dir = tempfile::tempdir().unwrap();
    for q in [Quantization::F32, Quantization::F16, Quantization::I8] {
        let (mut idx, _, data) = filled(q, 300);
        idx.remove(7).unwrap();
        let path = dir.path().join(format!("{q:?}.usearch"));
        idx.save(&path).unwrap();

        let loaded = UsearchIndex::load(&path).unwrap();
        same_answers(&idx, &loaded);
        let mut view = UsearchIndex::view(&path).unwrap();
        same_answers(&idx, &view);
        let bytes = idx.to_bytes().unwrap();
        assert_eq!(bytes, std::fs::read(&path).unwrap());
        let buffered = UsearchIndex::from_bytes(&bytes).unwrap();
        same_answers(&idx, &buffered);

        // The loaded copy is writable; the view is not.
        let mut loaded = loaded;
        loaded.add(1_000, &data[0]).unwrap();
        assert_eq!(loaded.len(), 300);
        for err in [
            view.add(1_000, &data[0]).unwrap_err(),
            view.remove(3).unwrap_err(),
            view.add_shared(1_000, &data[0]).unwrap_err(),
        ] {
            assert!(
                matches!(&err, Error::InvalidInput { reason, .. } if reason.contains("read-only")),
                "{err}"
            );
        }
        assert_eq!(view.len(), 299);
    }
}

#[test]
fn reads_indexes_written_by_python_usearch() {
    let data: Vec<Vec<f32>> = (0..40)
        .map(|i| {
            (0..8)
                .map(|d| (0.7 * i as f32 + 1.3 * d as f32).sin() + 0.1 * d as f32)
                .collect()
        })
        .collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/retrieve/testdata");
    for name in ["f32", "f16", "i8"] {
        let path = dir.join(format!("python-{name}.usearch"));
        for idx in [
            UsearchIndex::load(&path).unwrap(),
            UsearchIndex::view(&path).unwrap(),
            UsearchIndex::from_bytes(&std::fs::read(&path).unwrap()).unwrap(),
        ] {
            assert_eq!((idx.dim(), idx.len()), (8, 39), "{name}");
            for (i, v) in data.iter().enumerate() {
                let hits = idx.search(v, 3, None).unwrap();
                let key = 100 + i as u64;
                if key == 105 {
                    assert!(hits.iter().all(|h| h.0 != 105), "{name}: {hits:?}");
                } else {
                    assert_eq!(hits[0].0, key, "{name}: {hits:?}");
                }
            }
        }
    }
}

#[test]
fn empty_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let q = vec![0.5f32; DIM];
    let mut idx = UsearchIndex::new(DIM, UsearchOptions::default()).unwrap();
    assert!(idx.is_empty());
    assert!(idx.search(&q, 10, None).unwrap().is_empty());
    let any = |_: u64| true;
    assert!(idx.search(&q, 10, Some(&any)).unwrap().is_empty());
    assert!(!idx.remove(1).unwrap());
    let path = dir.path().join("empty.usearch");
    idx.save(&path).unwrap();
    for back in [
        UsearchIndex::load(&path).unwrap(),
        UsearchIndex::view(&path).unwrap(),
        UsearchIndex::from_bytes(&idx.to_bytes().unwrap()).unwrap(),
    ] {
        assert_eq!((back.len(), back.dim()), (0, DIM));
        assert!(back.search(&q, 3, None).unwrap().is_empty());
    }
    // An emptied index too.
    idx.add(1, &q).unwrap();
    idx.remove(1).unwrap();
    assert!(idx.search(&q, 3, None).unwrap().is_empty());
    let back = UsearchIndex::from_bytes(&idx.to_bytes().unwrap()).unwrap();
    assert!(back.search(&q, 3, None).unwrap().is_empty());
}

#[test]
fn wrong_dimensions_and_values_are_typed_errors() {
    let (mut idx, _, _) = filled(Quantization::F16, 20);
    let err = idx.add(99, &[1.0, 2.0, 3.0]).unwrap_err();
    assert!(
        err.to_string().contains("3 dimensions, the index has 16"),
        "{err}"
    );
    let err = idx.search(&vec![1.0; 384], 5, None).unwrap_err();
    assert!(
        err.to_string().contains("384 dimensions, the index has 16"),
        "{err}"
    );
    assert!(matches!(
        idx.add_shared(99, &[0.0; 4]),
        Err(Error::InvalidInput { .. })
    ));
    let mut nan = vec![0.1f32; DIM];
    nan[3] = f32::NAN;
    assert!(matches!(idx.add(99, &nan), Err(Error::InvalidInput { .. })));
    assert!(matches!(
        idx.search(&nan, 1, None),
        Err(Error::InvalidInput { .. })
    ));
    assert_eq!(idx.len(), 20);
    for dim in [0, 70_000] {
        assert!(matches!(
            UsearchIndex::new(dim, UsearchOptions::default()),
            Err(Error::InvalidInput { .. })
        ));
    }
    // A retriever refuses an index whose dimension is not its embedder's.
    let err = Retriever::with_index(
        Box::new(HashEmbedder::default()),
        Box::new(UsearchIndex::new(384, UsearchOptions::default()).unwrap()),
    )
    .unwrap_err();
    assert!(err.to_string().contains("384"), "{err}");
}

/// What opening `bytes` as a file, a view and a buffer gives: every way must agree.
fn open_all(dir: &Path, bytes: &[u8]) -> Result<UsearchIndex, Error> {
    let path = dir.join("damaged.usearch");
    std::fs::write(&path, bytes).unwrap();
    let a = UsearchIndex::from_bytes(bytes);
    let b = UsearchIndex::load(&path);
    let c = UsearchIndex::view(&path);
    assert_eq!(a.is_ok(), b.is_ok(), "{:?} vs {:?}", a.err(), b.err());
    assert_eq!(b.is_ok(), c.is_ok(), "{:?} vs {:?}", b.err(), c.err());
    a
}

fn corrupt_reason(r: Result<UsearchIndex, Error>) -> String {
    match r {
        Err(Error::Corrupt { reason, .. }) => reason,
        other => panic!("expected a corrupt-index error, got {other:?}"),
    }
}

#[test]
fn missing_truncated_and_damaged_files_are_typed_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.usearch");
    for r in [UsearchIndex::load(&missing), UsearchIndex::view(&missing)] {
        assert!(matches!(r, Err(Error::NotFound(_))), "{r:?}");
    }
    let (idx, _, _) = filled(Quantization::F16, 50);
    let good = idx.to_bytes().unwrap();
    assert!(open_all(dir.path(), &good).is_ok());

    assert!(corrupt_reason(open_all(dir.path(), b"")).contains("shorter than any"));
    assert!(corrupt_reason(open_all(dir.path(), &[7u8; 4096])).contains("does not fit"));
    // Truncated anywhere, or one byte too long.
    for cut in [
        1,
        9,
        good.len() / 3,
        good.len() / 2,
        good.len() - 41,
        good.len() - 1,
    ] {
        corrupt_reason(open_all(dir.path(), &good[..cut]));
    }
    let mut longer = good.clone();
    longer.push(0);
    assert!(corrupt_reason(open_all(dir.path(), &longer)).contains("follow the last node"));

    let rows = u32::from_le_bytes(good[..4].try_into().unwrap()) as usize;
    let cols = u32::from_le_bytes(good[4..8].try_into().unwrap()) as usize;
    assert_eq!((rows, cols), (50, DIM * 2));
    let head = 8 + rows * cols;
    let graph = head + 64;
    let first_node = graph + 40 + 2 * rows;
    let damaged = |at: usize, value: &[u8]| {
        let mut b = good.clone();
        b[at..at + value.len()].copy_from_slice(value);
        b
    };
    // A neighbour slot that points past the graph (the first slot of the first node).
    let reason = corrupt_reason(open_all(
        dir.path(),
        &damaged(first_node + 14, &4_000_000u32.to_le_bytes()),
    ));
    assert!(reason.contains("links to node 4000000"), "{reason}");
    // A neighbour count larger than the list.
    let reason = corrupt_reason(open_all(
        dir.path(),
        &damaged(first_node + 10, &[255, 0, 0, 0]),
    ));
    assert!(reason.contains("neighbours at level 0"), "{reason}");
    // Matrix width and header dimensions that disagree.
    let reason = corrupt_reason(open_all(
        dir.path(),
        &damaged(4, &(DIM as u32 * 4).to_le_bytes()),
    ));
    assert!(!reason.is_empty());
    let reason = corrupt_reason(open_all(dir.path(), &damaged(head + 33, &[17])));
    assert!(reason.contains("bytes wide"), "{reason}");
    // Not usearch after the vectors; an entry node outside the graph; a negative level.
    corrupt_reason(open_all(dir.path(), &damaged(head, b"xsearch")));
    corrupt_reason(open_all(dir.path(), &damaged(graph + 32, &[200])));
    corrupt_reason(open_all(dir.path(), &damaged(graph + 40, &[0, 0x80])));
    // Valid files of kinds this index does not read.
    for (at, value, what) in [
        (head + 13, b'e', "metric"),
        (head + 14, 4u8, "scalar kind 4"),
        (head + 41, 1u8, "multi-index"),
        (head + 7, 3u8, "version 3"),
    ] {
        match open_all(dir.path(), &damaged(at, &[value])) {
            Err(Error::UnsupportedFormat(m)) => assert!(m.contains(what), "{m}"),
            other => panic!("{what}: {other:?}"),
        }
    }
}

/// Every single-byte change to a saved index either fails as a typed error or opens into an
/// index that searches, adds and removes soundly: none reaches memory outside the index.
#[test]
fn no_single_byte_change_crashes() {
    let dir = tempfile::tempdir().unwrap();
    let data = vectors(40, 11);
    for q in [Quantization::F32, Quantization::I8] {
        let mut idx = UsearchIndex::new(
            DIM,
            UsearchOptions {
                quantization: q,
                connectivity: 4,
                ..UsearchOptions::default()
            },
        )
        .unwrap();
        for (i, v) in data.iter().enumerate() {
            idx.add(i as u64, v).unwrap();
        }
        idx.remove(5).unwrap();
        let good = idx.to_bytes().unwrap();
        let (mut errors, mut opened) = (0, 0);
        for at in 0..good.len() {
            for flip in [0x01u8, 0xff] {
                let mut b = good.clone();
                b[at] ^= flip;
                let r = if at % 97 == 0 {
                    open_all(dir.path(), &b)
                } else {
                    UsearchIndex::from_bytes(&b)
                };
                match r {
                    Ok(mut back) => {
                        // usearch may still refuse work on a graph it finds inconsistent
                        // (a typed error); what must never happen is a crash.
                        opened += 1;
                        for v in data.iter().step_by(7) {
                            match back.search(v, 5, None) {
                                Ok(hits) => assert!(hits.len() <= 5),
                                Err(e) => assert!(matches!(e, Error::Provider { .. }), "{e}"),
                            }
                        }
                        for r in [back.add(1_000, &data[0]), back.remove(1_000).map(|_| ())] {
                            if let Err(e) = r {
                                assert!(matches!(e, Error::Provider { .. }), "{e}");
                            }
                        }
                    }
                    Err(Error::Corrupt { .. } | Error::UnsupportedFormat(_)) => errors += 1,
                    Err(other) => panic!("byte {at} ^ {flip:#x}: {other:?}"),
                }
            }
        }
        // Both happen: damage to the graph fails, damage to vector values opens.
        assert!(
            errors > 0 && opened > 0,
            "{q:?}: {errors} errors, {opened} opened"
        );
    }
}
