//! Multi-word skill names matched with their words inflected and small words between them:
//! "managing staff" and "manage your staff" name ESCO's "manage staff", "solving business
//! problems" names "solve problems". The exact matcher ([`Taxonomy::find`]) needs the words as
//! the data writes them; postings write verbs and nouns in whatever form the sentence needs.
//!
//! Each name of two to five content words becomes a key: the crude stems of its content words
//! (function words dropped), hashed. A line is cut into phrases at punctuation, and each run of
//! content words is looked up, longest first. A two-word name may also have up to two words
//! between its words ("work in large collaborative teams"), which is where most of the recall
//! comes from and also most of the risk, so the gap never crosses punctuation.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::skills::{SkillId, Taxonomy};

/// Longest name, in content words.
const MAX_WORDS: usize = 5;
/// Content words that may stand between the two words of a two-word name.
const MAX_GAP: usize = 2;

/// Words that carry no meaning of their own in a skill name: `Some(0)` for most, `Some(CONJ)`
/// for those that join two separate things ("collection and management": no name runs
/// across them), `Some(PHRASE)` for those that start another phrase ("manage results of a
/// team": a gap never spans them).
fn function_word(w: &[u8]) -> Option<u8> {
    if w.len() > 7 {
        return None;
    }
    match w {
        b"and" | b"or" => Some(CONJ),
        b"of" | b"for" | b"at" | b"by" | b"from" | b"into" | b"through" | b"as" | b"on" | b"to"
        | b"is" | b"are" | b"was" | b"were" | b"be" | b"will" | b"can" | b"must" | b"should"
        | b"that" => Some(PHRASE),
        b"a" | b"an" | b"the" | b"in" | b"with" | b"your" | b"our" | b"their" | b"its"
        | b"this" | b"these" | b"those" => Some(0),
        _ => None,
    }
}

/// The keys are hashes already: no need to hash them again.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Verbs that lead skill names ("manage staff", "solve problems"): only a name led by one of
/// them may have words between its two words ("solve complex business problems"); noun
/// compounds may not ("data team structure" is not "data structures").
const GAP_VERBS: &[&str] = &[
    "manage",
    "solve",
    "work",
    "develop",
    "perform",
    "use",
    "apply",
    "ensure",
    "provide",
    "communicate",
    "lead",
    "create",
    "write",
    "analyse",
    "analyze",
    "design",
    "build",
    "maintain",
    "support",
    "train",
    "plan",
    "coordinate",
    "implement",
    "identify",
    "monitor",
    "assess",
    "conduct",
    "prepare",
    "collaborate",
    "liaise",
    "advise",
    "negotiate",
    "handle",
    "demonstrate",
    "adapt",
    "deliver",
    "operate",
    "promote",
    "present",
    "report",
    "evaluate",
    "define",
    "establish",
    "motivate",
    "make",
    "cooperate",
    "interact",
    "engage",
    "supervise",
    "organise",
    "organize",
    "coach",
    "mentor",
    "teach",
    "resolve",
    "improve",
    "optimise",
    "optimize",
    "automate",
    "deploy",
    "test",
    "debug",
    "document",
    "research",
    "interpret",
    "visualise",
    "visualize",
    "process",
    "collect",
    "gather",
    "review",
    "inspect",
    "install",
    "configure",
    "administer",
    "sell",
    "market",
    "recruit",
    "hire",
    "inform",
    "instruct",
    "meet",
    "set",
    "follow",
    "keep",
    "think",
    "tell",
    "share",
    "produce",
    "conceive",
];
/// A name found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StemHit {
    pub skill: SkillId,
    pub start: usize,
    pub end: usize,
}

/// Hashed stem sequences to skills, each with its number of content words and which of them
/// are "-ing" nouns ("team building": only "building" may stand there, not "builds").
struct Index {
    keys: IdMap<Key>,
    /// Stems of [`GAP_VERBS`].
    verbs: Vec<u64>,
}

#[derive(Clone, Copy)]
struct Key {
    skill: SkillId,
    words: u8,
    ing: u8,
    /// The name ends in people ("collaborate with engineers").
    people: bool,
}

/// A plural of people ("product managers", "data scientists"): named as colleagues, not as a
/// skill, unless the skill's name is about them.
fn people(word: &[u8]) -> bool {
    word == b"leads"
        || [&b"ers"[..], b"ors", b"ists", b"ians"]
            .iter()
            .any(|s| word.len() > s.len() + 2 && word.ends_with(s))
}

/// A word: letters and digits; any non-ASCII character counts as a letter.
static WORD_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9A-Za-z\x{80}-\x{10FFFF}]+").expect("static regex"));

static INDEX: LazyLock<Index> = LazyLock::new(|| Index::new(Taxonomy::builtin()));

impl Index {
    fn new(tax: &Taxonomy) -> Index {
        let mut keys = IdMap::default();
        let mut words = Vec::new();
        for e in tax.entries() {
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                words.clear();
                if !tokens(form, &mut words) || !(2..=MAX_WORDS).contains(&words.len()) {
                    continue;
                }
                let h = words
                    .iter()
                    .skip(1)
                    .fold(words[0].hash, |h, w| combine(h, w.hash));
                let ing = words
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.ing)
                    .fold(0u8, |m, (k, _)| m | 1 << k);
                let last = form.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
                keys.entry(h).or_insert(Key {
                    skill: e.id,
                    words: words.len() as u8,
                    ing,
                    people: people(last.as_bytes()),
                });
            }
        }
        let mut verbs: Vec<u64> = GAP_VERBS.iter().map(|v| fnv(stem(v.as_bytes()))).collect();
        verbs.sort_unstable();
        Index { keys, verbs }
    }

    /// The skill for `n` words hashed together as `h`, whose "-ing" words are the bits of
    /// `ing`, if those agree and the last word is not a plural of people the name lacks.
    fn get(&self, h: u64, n: usize, ing: u8, last: &Word) -> Option<SkillId> {
        let k = self.keys.get(&h)?;
        (usize::from(k.words) == n && k.ing & !ing == 0 && (k.people || !last.people))
            .then_some(k.skill)
    }
}

/// A content word of the text: its stem's hash and its byte span.
#[derive(Debug, Clone, Copy)]
struct Word {
    hash: u64,
    start: usize,
    end: usize,
    /// Written with "-ing".
    ing: bool,
    /// A plural of people ([`people`]).
    people: bool,
    /// What came between this word and the one before: [`PUNCT`], [`CONJ`], [`PHRASE`] bits.
    before: u8,
}

const PUNCT: u8 = 1;
const CONJ: u8 = 2;
const PHRASE: u8 = 4;

/// The words of the last line scanned, kept to scan the next one without allocating.
#[derive(Debug, Default)]
pub(crate) struct Scratch(Vec<Word>);

/// Skill names in `text`, left to right, not overlapping.
pub(crate) fn find(text: &str, scratch: &mut Scratch, out: &mut Vec<StemHit>) {
    out.clear();
    let words = &mut scratch.0;
    words.clear();
    tokens(text, words);
    let index = &*INDEX;
    let mut i = 0;
    while i < words.len() {
        let mut found: Option<(usize, SkillId)> = None;
        let mut h = words[i].hash;
        let mut ing = u8::from(words[i].ing);
        for j in i + 1..(i + MAX_WORDS).min(words.len()) {
            if words[j].before & (PUNCT | CONJ) != 0 {
                break;
            }
            h = combine(h, words[j].hash);
            ing |= u8::from(words[j].ing) << (j - i);
            if let Some(id) = index.get(h, j - i + 1, ing, &words[j]) {
                found = Some((j, id));
            }
        }
        if found.is_none() && index.verbs.binary_search(&words[i].hash).is_ok() {
            // A verb and its object with words between ("solve complex business problems").
            for j in i + 2..(i + 2 + MAX_GAP).min(words.len()) {
                // "work in a dynamic and international team": "and" may join the words
                // between, but a new phrase or punctuation ends the search.
                if words[i + 1..=j]
                    .iter()
                    .any(|w| w.before & (PUNCT | PHRASE) != 0)
                    || words[i + 1].before & CONJ != 0
                {
                    break;
                }
                let h = combine(words[i].hash, words[j].hash);
                let ing = u8::from(words[i].ing) | u8::from(words[j].ing) << 1;
                if let Some(id) = index.get(h, 2, ing, &words[j]) {
                    found = Some((j, id));
                    break;
                }
            }
        }
        match found {
            Some((j, skill)) => {
                out.push(StemHit {
                    skill,
                    start: words[i].start,
                    end: words[j].end,
                });
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

/// Splits `text` into content words, stemmed and hashed; `false` if a word cannot be read
/// (too long, or not a word), which rules a taxonomy name out.
fn tokens(text: &str, out: &mut Vec<Word>) -> bool {
    let bytes = text.as_bytes();
    let mut ok = true;
    let mut before = 0u8;
    let mut last = 0;
    let mut buf = [0u8; 32];
    // The regex walks the bytes (fast even in unoptimised builds); this loop sees each word.
    for m in WORD_RE.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        for &b in &bytes[last..start] {
            if b == b'&' {
                before |= CONJ;
            } else if !matches!(b, b' ' | b'\t' | b'-' | b'\'') {
                before |= PUNCT;
            }
        }
        last = end;
        let raw = m.as_str().as_bytes();
        let len = raw.len();
        if len > buf.len() {
            ok = false;
            before |= PUNCT;
            continue;
        }
        buf[..len].copy_from_slice(raw);
        buf[..len].make_ascii_lowercase();
        let word = &buf[..len];
        if let Some(kind) = function_word(word) {
            before |= kind;
            continue;
        }
        out.push(Word {
            hash: fnv(stem(word)),
            start,
            end,
            ing: len > 5 && word.ends_with(b"ing"),
            people: people(word),
            before: if out.is_empty() { 0 } else { before },
        });
        before = 0;
    }
    ok
}

/// A crude English stem, enough to make inflections meet: "managing", "manages", "managed",
/// "management" and "manage" all give "manag"; "communication" and "communicate" give
/// "communicat"; "teams" gives "team", "abilities" "abilit".
fn stem(w: &[u8]) -> &[u8] {
    let n = w.len();
    if n <= 3 || !w.iter().all(u8::is_ascii_lowercase) {
        return w;
    }
    let mut w = w;
    // Plurals and third person.
    if w.ends_with(b"ies") && w.len() > 4 {
        w = &w[..w.len() - 3];
    } else if w.ends_with(b"sses") {
        w = &w[..w.len() - 2];
    } else if w.ends_with(b"s")
        && !w.ends_with(b"ss")
        && !w.ends_with(b"us")
        && !w.ends_with(b"is")
        && w.len() > 3
    {
        w = &w[..w.len() - 1];
    }
    // Verb and noun endings.
    for suffix in [&b"ing"[..], b"ment", b"ion", b"ed", b"e", b"y"] {
        if w.ends_with(suffix) && w.len() - suffix.len() >= 4 {
            w = &w[..w.len() - suffix.len()];
            break;
        }
    }
    // "running" -> "runn" -> "run"; "planned" -> "plann" -> "plan".
    let k = w.len();
    if k >= 4 && w[k - 1] == w[k - 2] && !matches!(w[k - 1], b'l' | b's' | b'z') {
        w = &w[..k - 1];
    }
    w
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn combine(h: u64, next: u64) -> u64 {
    (h.rotate_left(17) ^ next).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let mut hits = Vec::new();
        find(text, &mut Scratch::default(), &mut hits);
        let tax = Taxonomy::builtin();
        hits.iter().map(|h| tax.get(h.skill).name.clone()).collect()
    }

    #[test]
    fn stems_meet() {
        for (a, b) in [
            ("managing", "manage"),
            ("managed", "manages"),
            ("teams", "team"),
            ("problems", "problem"),
            ("solving", "solve"),
            ("communication", "communicate"),
            ("planning", "plan"),
        ] {
            assert_eq!(stem(a.as_bytes()), stem(b.as_bytes()), "{a} / {b}");
        }
        assert_ne!(stem(b"staff"), stem(b"stuff"));
    }

    #[test]
    fn inflected_names_are_found() {
        let has = |text: &str, name: &str| names(text).iter().any(|n| n == name);
        assert!(has(
            "You will be solving business problems daily",
            "Problem Solving"
        ));
        assert!(has(
            "Able to work in large collaborative teams.",
            "Teamwork"
        ));
        assert!(has("Managing staff of six", "manage staff"));
        // A gap never crosses punctuation or a new phrase, and only a verb opens one.
        assert!(!has("Work hard. Teams matter", "Teamwork"));
        assert!(!has("manage results of a strong team", "Leadership"));
        // "-ing" nouns stay nouns: a team that builds is no team building.
        assert!(!has("the team builds models", "team building"));
        // Colleagues named are not skills.
        assert!(!has("partner with product managers", "Product Management"));
    }
}
