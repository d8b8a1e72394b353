//! `HashEmbedder`: an offline embedder that needs no model file and builds for wasm32.
//!
//! A vector has three disjoint blocks, each L2-normalised and then weighted, so the cosine of
//! two texts is a weighted sum of three cosines:
//! - words: stemmed words (stop words dropped) and word bigrams, sublinear counts, signed
//!   feature hashing;
//! - characters: 3-grams of each word with boundary marks, which meet spelling variants and
//!   compounds ("microservice" and "micro-services");
//! - concepts: skills the taxonomy finds (so "k8s" meets "Kubernetes"), the skills linked to
//!   them at lower weight (React vouches for JavaScript), and their categories.

use std::collections::HashMap;

use super::embed::{Embedder, check_batch, check_text, normalize};
use crate::Result;
use crate::matching::bm25;
use crate::skills::{SkillHit, Taxonomy};

const WORD_DIMS: usize = 256;
const CHAR_DIMS: usize = 128;
const CONCEPT_DIMS: usize = 128;
/// Vector length of the offline embedder.
pub const HASH_DIM: usize = WORD_DIMS + CHAR_DIMS + CONCEPT_DIMS;

/// Block weights (squared, the share of the cosine each block carries when all are present).
/// Tuned on the labelled requirement-to-bullet pairs in `tests/fixtures/retrieval`.
const W_WORDS: f32 = 0.70;
const W_CHARS: f32 = 0.35;
const W_CONCEPTS: f32 = 0.60;

/// Offline embedder over hashed words, character n-grams and skill-taxonomy concepts.
#[derive(Debug, Clone, Copy)]
pub struct HashEmbedder {
    taxonomy: &'static Taxonomy,
}

impl Default for HashEmbedder {
    fn default() -> Self {
        HashEmbedder {
            taxonomy: Taxonomy::builtin(),
        }
    }
}

impl HashEmbedder {
    /// An embedder over a given taxonomy (the built-in one by default).
    pub fn with_taxonomy(taxonomy: &'static Taxonomy) -> Self {
        HashEmbedder { taxonomy }
    }

    fn embed(&self, text: &str, hits: &mut Vec<SkillHit>) -> Vec<f32> {
        let mut v = vec![0.0f32; HASH_DIM];
        let (words, rest) = v.split_at_mut(WORD_DIMS);
        let (chars, concepts) = rest.split_at_mut(CHAR_DIMS);

        let mut counts: HashMap<u64, f32> = HashMap::new();
        let mut prev: Option<u64> = None;
        let all: Vec<String> = bm25::terms(text).collect();
        // A text of only stop words (or only symbols) still gets a vector of its own.
        let terms: Vec<&String> = match all.iter().filter(|t| !is_stop(t)).collect::<Vec<_>>() {
            kept if !kept.is_empty() => kept,
            _ => all.iter().collect(),
        };
        let raw = [text.trim().to_lowercase()];
        let terms = if terms.is_empty() {
            raw.iter().collect()
        } else {
            terms
        };
        for term in terms {
            let h = fnv(term.as_bytes(), 0);
            *counts.entry(h).or_default() += 1.0;
            if let Some(p) = prev {
                *counts.entry(p.rotate_left(17) ^ h).or_default() += 0.5;
            }
            prev = Some(h);
            let mut padded = Vec::with_capacity(term.len() + 2);
            padded.push(b'<');
            padded.extend_from_slice(term.as_bytes());
            padded.push(b'>');
            for g in padded.windows(3) {
                add(chars, fnv(g, 1), 1.0);
            }
        }
        for (h, c) in counts {
            add(words, h, 1.0 + c.ln().max(0.0));
        }

        self.taxonomy.find_into(text, hits);
        for hit in hits.iter() {
            let Some(entry) = self.taxonomy.entry(hit.skill) else {
                continue;
            };
            add(concepts, fnv(&hit.skill.0.to_le_bytes(), 2), 1.0);
            for r in &entry.related {
                add(concepts, fnv(&r.0.to_le_bytes(), 2), 0.4);
            }
            add(concepts, fnv(entry.category.as_bytes(), 3), 0.2);
        }

        for (block, w) in [(words, W_WORDS), (chars, W_CHARS), (concepts, W_CONCEPTS)] {
            normalize(block);
            block.iter_mut().for_each(|x| *x *= w);
        }
        normalize(&mut v);
        v
    }
}

/// Signed feature hashing: the sign bit keeps collisions from only ever adding up.
#[inline]
fn add(block: &mut [f32], h: u64, w: f32) {
    let i = (h % block.len() as u64) as usize;
    block[i] += if h >> 63 == 0 { w } else { -w };
}

/// FNV-1a with a seed byte per feature family, then a final mix.
#[inline]
fn fnv(bytes: &[u8], seed: u8) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(seed);
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// English function words and résumé filler that say nothing about a skill.
fn is_stop(term: &str) -> bool {
    matches!(
        term,
        "a" | "an"
            | "and"
            | "are"
            | "as"
            | "at"
            | "be"
            | "by"
            | "for"
            | "from"
            | "has"
            | "have"
            | "in"
            | "is"
            | "it"
            | "its"
            | "of"
            | "on"
            | "or"
            | "our"
            | "that"
            | "the"
            | "their"
            | "this"
            | "to"
            | "was"
            | "we"
            | "were"
            | "will"
            | "with"
            | "you"
            | "your"
            | "who"
            | "which"
            | "within"
            | "into"
            | "using"
            | "use"
            | "able"
            | "ability"
            | "strong"
            | "good"
            | "excellent"
            | "experience"
            | "year"
            | "plus"
            | "etc"
            | "such"
            | "other"
            | "must"
            | "should"
            | "can"
            | "all"
            | "any"
            | "more"
            | "well"
    )
}

impl Embedder for HashEmbedder {
    fn model_id(&self) -> &str {
        "career-copilot/hash-v1-512"
    }

    fn dim(&self) -> usize {
        HASH_DIM
    }

    fn embed_documents(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        check_batch(texts)?;
        let mut hits = Vec::new();
        Ok(texts.iter().map(|t| self.embed(t, &mut hits)).collect())
    }

    fn embed_query(&self, text: &str) -> Result<Vec<f32>> {
        check_text(text)?;
        Ok(self.embed(text, &mut Vec::new()))
    }
}
