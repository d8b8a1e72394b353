//! SimHash over word shingles: near-identical descriptions (the same posting re-published with
//! a changed line, different markup or whitespace) land within a few bits of each other.

/// Bits two descriptions may differ by and still count as the same text. Measured on the
/// Glassdoor sample (`tests/tests/sources_dedupe.rs`): 84% of edited copies (last paragraph
/// dropped, or case, spacing and a line changed) fall within 5 bits, and of 225,000 pairs of
/// distinct texts only 4 do (near copies themselves, such as one posting under two spellings
/// of the company).
pub const NEAR_DUPLICATE_BITS: u32 = 5;

/// Bits apart beyond which two texts are different postings even when company, title and
/// place agree (one employer with several openings of one title). Copies sit at 0-3 bits,
/// different postings at 29 and more on the same sample.
pub const DISTINCT_BITS: u32 = 16;

/// Descriptions shorter than this many words are too short for SimHash to tell apart.
pub const MIN_WORDS: usize = 20;

/// Words per shingle.
const SHINGLE: usize = 3;

/// 64-bit FNV-1a with a final mix, so that similar shingles spread over all bits.
fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // splitmix64 finaliser.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The SimHash of a text, or `None` when it has fewer than [`MIN_WORDS`] words.
pub fn simhash(text: &str) -> Option<u64> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut counts = [0i32; 64];
    for w in words.windows(SHINGLE) {
        let h = hash(w);
        for (bit, c) in counts.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *c += 1;
            } else {
                *c -= 1;
            }
        }
    }
    Some(
        counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit),
    )
}

/// Bits that differ.
pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// The eight 8-bit bands of a hash. Two hashes within 7 bits share at least one band exactly
/// (pigeonhole), so candidates are found by band without comparing every pair.
pub(crate) fn bands(h: u64) -> [(u8, u8); 8] {
    [0u8, 1, 2, 3, 4, 5, 6, 7].map(|i| (i, (h >> (8 * u32::from(i))) as u8))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const TEXT: &str = "We are looking for a senior data engineer to build our streaming \
        platform on Kafka and Flink, own the warehouse models in dbt, mentor two engineers, \
        and work with analysts across the company to ship reliable pipelines every week.";

    #[test]
    fn near_and_far() {
        let a = simhash(TEXT).unwrap();
        let edited = TEXT.replace("every week", "every single week");
        let b = simhash(&format!("  {}\n", edited.to_uppercase())).unwrap();
        let other = simhash(
            "Our clinic in Leeds needs a part-time receptionist to greet patients, answer the \
             phones, book appointments, keep the waiting room tidy and handle simple billing \
             questions with care and patience on weekdays.",
        )
        .unwrap();
        assert!(
            distance(a, b) <= 12,
            "an edit moves few bits: {}",
            distance(a, b)
        );
        assert_eq!(simhash(TEXT), simhash(&TEXT.replace(' ', "  ")));
        assert!(
            distance(a, other) > 16,
            "distinct texts are far: {}",
            distance(a, other)
        );
        assert_eq!(simhash("too short to hash"), None);
    }

    #[test]
    fn bands_share_one_within_seven_bits() {
        let a = 0x0123_4567_89ab_cdef_u64;
        let b =
            a ^ (1 << 3) ^ (1 << 12) ^ (1 << 20) ^ (1 << 29) ^ (1 << 40) ^ (1 << 50) ^ (1 << 60);
        let shared = bands(a)
            .iter()
            .zip(bands(b).iter())
            .filter(|(x, y)| x == y)
            .count();
        assert!(shared >= 1);
    }
}
