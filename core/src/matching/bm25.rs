//! BM25 full-text search over jobs: an inverted index of stemmed terms.

use std::collections::HashMap;

use crate::ats::evidence::{stem, words};

/// Okapi BM25 with the usual k1 = 1.2, b = 0.75.
#[derive(Debug, Clone, Default)]
pub struct Bm25 {
    /// Term to postings (document, term frequency).
    postings: HashMap<String, Vec<(u32, u16)>>,
    doc_len: Vec<u32>,
    avg_len: f64,
}

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Terms of a text for indexing and querying.
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text)
        .filter(|w| w.len() > 1 || w.chars().all(|c| c.is_alphabetic()))
        .map(stem)
}

impl Bm25 {
    /// Indexes documents; document `i` is `docs[i]`.
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a str>) -> Self {
        let mut postings: HashMap<String, Vec<(u32, u16)>> = HashMap::new();
        let mut doc_len = Vec::new();
        for (i, doc) in docs.into_iter().enumerate() {
            let mut tf: HashMap<String, u16> = HashMap::new();
            let mut len = 0u32;
            for t in terms(doc) {
                *tf.entry(t).or_default() += 1;
                len += 1;
            }
            for (t, n) in tf {
                postings.entry(t).or_default().push((i as u32, n));
            }
            doc_len.push(len);
        }
        let avg_len = if doc_len.is_empty() {
            0.0
        } else {
            doc_len.iter().map(|&l| f64::from(l)).sum::<f64>() / doc_len.len() as f64
        };
        Bm25 {
            postings,
            doc_len,
            avg_len,
        }
    }

    /// Number of indexed documents.
    pub fn len(&self) -> usize {
        self.doc_len.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.doc_len.is_empty()
    }

    /// BM25 score of every document for `query`, as (document, score) with score > 0, best first.
    pub fn search(&self, query: &str) -> Vec<(usize, f64)> {
        let n = self.doc_len.len() as f64;
        let mut scores: HashMap<u32, f64> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        for t in terms(query) {
            if !seen.insert(t.clone()) {
                continue;
            }
            let Some(posts) = self.postings.get(&t) else {
                continue;
            };
            let df = posts.len() as f64;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(doc, tf) in posts {
                let tf = f64::from(tf);
                let dl = f64::from(self.doc_len[doc as usize]);
                let s =
                    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * dl / self.avg_len.max(1.0)));
                *scores.entry(doc).or_default() += s;
            }
        }
        let mut out: Vec<(usize, f64)> = scores.into_iter().map(|(d, s)| (d as usize, s)).collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_the_matching_document_first() {
        let idx = Bm25::new([
            "Senior Rust engineer building databases",
            "Marketing manager for consumer brands",
            "Rust and Go backend developer",
        ]);
        let hits = idx.search("rust database");
        assert_eq!(hits[0].0, 0);
        assert_eq!(hits.len(), 2);
        assert!(idx.search("").is_empty());
    }
}
