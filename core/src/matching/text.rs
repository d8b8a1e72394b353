//! TF-IDF text similarity with the corpus's own IDF: each job keeps its strongest weighted
//! terms (a truncated, L2-normalised vector); a profile becomes a dense weight array over the
//! same vocabulary, so the cosine of one job is a few dozen array reads.

use std::collections::HashMap;

use super::bm25;

/// Terms kept per job: the strongest weights carry almost all of the cosine.
pub(crate) const TERMS_PER_JOB: usize = 64;

/// The corpus vocabulary and inverse document frequencies, built with the index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Document frequency, then (after [`finish`](Self::finish)) smoothed IDF.
    idf: Vec<f32>,
    docs: u32,
}

/// Term counts of one text, by vocabulary id.
pub(crate) type Counts = Vec<(u32, u16)>;

impl Vocabulary {
    /// Counts the terms of `text` (title words twice: a title is the densest statement of what
    /// a job is) and records document frequencies.
    pub(crate) fn add(&mut self, title: &str, text: &str) -> Counts {
        let mut counts: HashMap<u32, u16> = HashMap::new();
        let mut count = |t: String, n: u16| {
            let next = self.ids.len() as u32;
            let id = *self.ids.entry(t).or_insert(next);
            if id as usize == self.idf.len() {
                self.idf.push(0.0);
            }
            let c = counts.entry(id).or_default();
            *c = c.saturating_add(n);
        };
        for t in bm25::terms(title) {
            count(t, 2);
        }
        for t in bm25::terms(text) {
            count(t, 1);
        }
        for &id in counts.keys() {
            self.idf[id as usize] += 1.0;
        }
        self.docs += 1;
        let mut v: Counts = counts.into_iter().collect();
        v.sort_unstable();
        v
    }

    /// Turns document frequencies into IDF, `ln((1 + n) / (1 + df)) + 1` as scikit-learn does.
    pub(crate) fn finish(&mut self) {
        let n = f64::from(self.docs);
        for d in &mut self.idf {
            *d = (((1.0 + n) / (1.0 + f64::from(*d))).ln() + 1.0) as f32;
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.idf.len()
    }

    pub(crate) fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// The job's vector: sublinear TF times IDF, normalised over all its terms, then only the
    /// strongest [`TERMS_PER_JOB`] kept, sorted by id.
    pub(crate) fn job_vector(&self, counts: &Counts) -> Vec<(u32, f32)> {
        let mut v: Vec<(u32, f32)> = counts
            .iter()
            .map(|&(id, n)| (id, (1.0 + f32::from(n).ln()) * self.idf[id as usize]))
            .collect();
        normalise(&mut v);
        if v.len() > TERMS_PER_JOB {
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(TERMS_PER_JOB);
            v.sort_unstable_by_key(|x| x.0);
        }
        v.shrink_to_fit();
        v
    }

    /// A profile's text as a dense weight array over the vocabulary (unknown terms cannot match
    /// any job and are left out), L2-normalised.
    pub(crate) fn profile_vector<'t>(&self, texts: impl Iterator<Item = &'t str>) -> Vec<f32> {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for text in texts {
            for t in bm25::terms(text) {
                if let Some(id) = self.id(&t) {
                    *counts.entry(id).or_default() += 1;
                }
            }
        }
        let mut dense = vec![0.0f32; self.len()];
        let mut v: Vec<(u32, f32)> = counts
            .into_iter()
            .map(|(id, n)| (id, (1.0 + (n as f32).ln()) * self.idf[id as usize]))
            .collect();
        normalise(&mut v);
        for (id, w) in v {
            dense[id as usize] = w;
        }
        dense
    }
}

fn normalise(v: &mut [(u32, f32)]) {
    let norm = v
        .iter()
        .map(|x| f64::from(x.1) * f64::from(x.1))
        .sum::<f64>()
        .sqrt();
    if norm > 0.0 {
        for x in v.iter_mut() {
            x.1 = (f64::from(x.1) / norm) as f32;
        }
    }
}

/// A profile's terms: dense weights plus a bitset of the non-zero ones. The bitset (a bit a
/// vocabulary term: 16 KB for 130k terms) stays in the L1 cache, so the many job terms a
/// profile lacks cost no cache miss on the weight array.
#[derive(Debug, Clone, Default)]
pub(crate) struct ProfileTerms {
    weights: Vec<f32>,
    bits: Vec<u64>,
}

impl ProfileTerms {
    pub(crate) fn new(weights: Vec<f32>) -> Self {
        let mut bits = vec![0u64; weights.len().div_ceil(64)];
        for (i, w) in weights.iter().enumerate() {
            if *w > 0.0 {
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        ProfileTerms { weights, bits }
    }

    #[inline]
    pub(crate) fn has(&self, id: u32) -> bool {
        self.bits
            .get(id as usize / 64)
            .is_some_and(|b| b & (1 << (id % 64)) != 0)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bits.iter().all(|b| *b == 0)
    }

    /// Cosine with a job vector.
    #[inline]
    pub(crate) fn cosine(&self, job: &[(u32, f32)]) -> f32 {
        let mut s = 0.0;
        for &(id, w) in job {
            if self.has(id) {
                s += w * self.weights.get(id as usize).copied().unwrap_or(0.0);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_rare_terms_weigh_more() {
        let mut vocab = Vocabulary::default();
        let jobs = [
            ("Rust Engineer", "Build services in Rust and Kubernetes"),
            ("Sales Manager", "Grow sales and build relationships"),
            ("Nurse", "Care for patients, build trust"),
        ];
        let counts: Vec<Counts> = jobs.iter().map(|(t, d)| vocab.add(t, d)).collect();
        vocab.finish();
        let vecs: Vec<_> = counts.iter().map(|c| vocab.job_vector(c)).collect();
        let profile = ProfileTerms::new(
            vocab.profile_vector(["Rust engineer who likes to build things"].into_iter()),
        );
        let sims: Vec<f32> = vecs.iter().map(|v| profile.cosine(v)).collect();
        assert!(sims[0] > sims[1] && sims[0] > sims[2], "{sims:?}");
        assert!(sims.iter().all(|s| (0.0..=1.0001).contains(s)));
        let empty = ProfileTerms::new(vocab.profile_vector(std::iter::empty()));
        assert!(empty.is_empty());
        assert_eq!(empty.cosine(&vecs[0]), 0.0);
    }
}
