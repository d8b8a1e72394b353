//! Finding skill mentions in text: one pre-built Aho-Corasick automaton over the surface forms
//! of four or more characters (ASCII case-insensitive, leftmost-longest) plus a table of short
//! names looked up word by word, then word-boundary checks and, for ambiguous names, a context
//! check. A scan allocates nothing beyond the caller's output buffer.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use super::data::{FormKind, Forms};
use super::{SkillEntry, SkillId, SkillSource, Taxonomy};

mod context;

/// A skill mention without strings attached: `text[start..end]` names `skill`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillHit {
    pub skill: SkillId,
    pub start: usize,
    pub end: usize,
    /// The automaton pattern that matched.
    pat: u32,
    /// Set by the context check; only kept hits are returned.
    keep: bool,
}

const AMBIGUOUS: u8 = 1;
/// One character ("R", "C"): stricter context rules.
const SINGLE: u8 = 2;
/// Starts with a letter or digit: needs a word boundary before it.
const FIRST_ALNUM: u8 = 4;
/// Ends with a letter or digit: needs a word boundary after it.
const LAST_ALNUM: u8 = 8;
/// A trailing version number may follow ("HTML5", "Python3", "Java8").
const VERSIONED: u8 = 16;

#[derive(Debug)]
struct Pat {
    skill: SkillId,
    len: usize,
    flags: u8,
    /// Shorter patterns that are prefixes of this one ending before a non-alphanumeric character,
    /// longest first: the fallback when this one fails its end boundary ("Spring Boots").
    prefixes: Vec<u32>,
    /// For ambiguous patterns, the spellings the data gives ("Go", "R"): the case check.
    cased: Vec<Box<str>>,
}

impl Pat {
    fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Written as the data spells it, or in capitals ("GO", "EXCEL").
    fn case_ok(&self, surface: &str) -> bool {
        self.cased.iter().any(|c| &**c == surface)
            || (surface.len() >= 2 && !surface.chars().any(char::is_lowercase))
    }
}

/// The automaton, a table of short names, and per-pattern facts.
///
/// Names of one to three letters or digits (R, C, Go, JS, ML, AWS, SQL) are not in the
/// automaton: searched case-insensitively they occur inside most English words ("r", "ai" in
/// "maintain", "ts" in "results") and would stop it every few bytes. They are looked up instead
/// for each short word of the text, which is cheap and respects word boundaries by construction.
#[derive(Debug)]
pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    /// Automaton pattern index -> pattern.
    main_ids: Vec<u32>,
    /// Packed lowercase short name ([`pack`]) -> pattern, sorted by key.
    short: Vec<(u32, u32)>,
    pats: Vec<Pat>,
}

/// A word of 1..=3 ASCII letters or digits as a number: length and lowercase bytes.
fn pack(word: &[u8]) -> u32 {
    word.iter().fold(word.len() as u32, |k, b| {
        (k << 8) | u32::from(b.to_ascii_lowercase())
    })
}

#[derive(Default)]
struct Builder {
    by_text: HashMap<String, u32>,
    texts: Vec<String>,
    pats: Vec<Pat>,
}

impl Builder {
    fn add(&mut self, surface: &str, skill: SkillId, ambiguous: bool) {
        let surface = surface.trim();
        if !surface.chars().any(char::is_alphanumeric) {
            return;
        }
        // ASCII lowercasing keeps byte lengths, so match offsets map back to the text.
        let low = surface.to_ascii_lowercase();
        if let Some(&q) = self.by_text.get(&low) {
            let p = &mut self.pats[q as usize];
            if p.skill == skill {
                if ambiguous {
                    p.flags |= AMBIGUOUS;
                }
                p.cased.push(surface.into());
            }
            return;
        }
        let first = surface.chars().next().is_some_and(char::is_alphanumeric);
        let last = surface
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let mut flags = if ambiguous { AMBIGUOUS } else { 0 };
        if first {
            flags |= FIRST_ALNUM;
        }
        if last {
            flags |= LAST_ALNUM;
        }
        if surface.chars().count() == 1 {
            flags |= SINGLE;
        }
        self.by_text.insert(low.clone(), self.pats.len() as u32);
        self.pats.push(Pat {
            skill,
            len: low.len(),
            flags,
            prefixes: Vec::new(),
            cased: vec![surface.into()],
        });
        self.texts.push(low);
    }
}

/// Spelling variants people write for a multi-part name: "Node.js" -> "Nodejs", "Node js",
/// "Node-js"; "scikit-learn" -> "scikit learn", "scikitlearn".
fn variants(form: &str) -> Vec<String> {
    let parts: Vec<&str> = form.split([' ', '.', '-', '_']).collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(char::is_alphanumeric))
    {
        return Vec::new();
    }
    let mut out = vec![parts.join(" "), parts.join("-")];
    let joined = parts.concat();
    if joined.len() >= 4 {
        out.push(joined);
    }
    if form.contains('.') {
        out.push(parts.join("."));
    }
    out
}

impl Matcher {
    pub(crate) fn new(entries: &[SkillEntry], forms: &[Forms]) -> Matcher {
        let mut b = Builder::default();
        for (e, fs) in entries.iter().zip(forms) {
            for (surface, kind) in fs {
                if *kind != FormKind::LookupOnly {
                    b.add(surface, e.id, *kind == FormKind::Ambiguous);
                }
            }
        }
        // Variants come second so that a spelling the data gives always wins.
        for (e, fs) in entries.iter().zip(forms) {
            if e.source == SkillSource::Esco {
                continue;
            }
            for (surface, kind) in fs {
                if *kind == FormKind::Plain {
                    for v in variants(surface) {
                        b.add(&v, e.id, false);
                    }
                }
            }
        }
        for i in 0..b.pats.len() {
            let t = &b.texts[i];
            let bytes = t.as_bytes();
            let prefixes: Vec<u32> = (1..t.len())
                .rev()
                .filter(|&k| !bytes[k].is_ascii_alphanumeric() && t.is_char_boundary(k))
                .filter_map(|k| b.by_text.get(&t[..k]).copied())
                .collect();
            let p = &mut b.pats[i];
            p.prefixes = prefixes;
            if !p.is(AMBIGUOUS) {
                p.cased = Vec::new();
                if t.len() >= 3 && bytes.last().is_some_and(u8::is_ascii_alphabetic) {
                    p.flags |= VERSIONED;
                }
            }
        }
        let (mut main, mut main_ids, mut short) = (Vec::new(), Vec::new(), Vec::new());
        for (i, t) in b.texts.iter().enumerate() {
            if t.len() <= 3 && t.bytes().all(|c| c.is_ascii_alphanumeric()) {
                short.push((pack(t.as_bytes()), i as u32));
            } else {
                main.push(t.as_str());
                main_ids.push(i as u32);
            }
        }
        short.sort_unstable();
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&main)
            .ok();
        Matcher {
            ac,
            main_ids,
            short,
            pats: b.pats,
        }
    }

    pub(crate) fn find_into(&self, tax: &Taxonomy, text: &str, out: &mut Vec<SkillHit>) {
        out.clear();
        let Some(ac) = &self.ac else { return };
        // One streaming search; it restarts only when a rejected or shortened match hides a
        // position where another mention could begin (rare: most rejections are inside a word).
        let mut pos = 0;
        'scan: while pos < text.len() {
            let Ok(matches) = ac.try_find_iter(Input::new(text).range(pos..)) else {
                break;
            };
            for m in matches {
                let s = m.start();
                let pid = self.main_ids[m.pattern().as_usize()];
                let p = &self.pats[pid as usize];
                let chosen = if !start_ok(text, s, p) {
                    None
                } else if end_ok(text, s + p.len, p) {
                    Some(pid)
                } else {
                    p.prefixes.iter().copied().find(|&q| {
                        end_ok(text, s + self.pats[q as usize].len, &self.pats[q as usize])
                    })
                };
                let resume = match chosen {
                    Some(q) => {
                        let q_pat = &self.pats[q as usize];
                        let end = s + q_pat.len;
                        out.push(SkillHit {
                            skill: q_pat.skill,
                            start: s,
                            end,
                            pat: q,
                            keep: !q_pat.is(AMBIGUOUS),
                        });
                        end
                    }
                    None => next_start(text, s),
                };
                if resume < m.end() {
                    pos = resume;
                    continue 'scan;
                }
            }
            break;
        }
        self.find_short(text, out);
        if out.iter().any(|h| !h.keep) {
            for i in 0..out.len() {
                if !out[i].keep {
                    out[i].keep = context::accept(self, tax, text, out, i);
                }
            }
            out.retain(|h| h.keep);
        }
    }

    /// Short names, merged into `out` (kept sorted by start) where they overlap no longer
    /// mention ("AWS" inside "AWS Lambda", "C" inside "C++").
    fn find_short(&self, text: &str, out: &mut Vec<SkillHit>) {
        let main_hits = out.len();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i - start > 3 {
                continue;
            }
            let key = pack(&bytes[start..i]);
            let Ok(at) = self.short.binary_search_by_key(&key, |&(k, _)| k) else {
                continue;
            };
            let pid = self.short[at].1;
            let p = &self.pats[pid as usize];
            // One-letter names count only as the data writes them ("R", not "r").
            if p.is(SINGLE)
                && p.is(AMBIGUOUS)
                && !p.cased.iter().any(|c| c.as_bytes() == &bytes[start..i])
            {
                continue;
            }
            if start_ok(text, start, p) && end_ok(text, i, p) {
                out.push(SkillHit {
                    skill: p.skill,
                    start,
                    end: i,
                    pat: pid,
                    keep: !p.is(AMBIGUOUS),
                });
            }
        }
        if out.len() > main_hits {
            out.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
            let mut reached = 0;
            out.retain(|h| {
                let fits = h.start >= reached;
                if fits {
                    reached = h.end;
                }
                fits
            });
        }
    }

    fn pat(&self, h: &SkillHit) -> &Pat {
        &self.pats[h.pat as usize]
    }

    /// Raw automaton matches, before boundary and context checks (for measuring).
    #[cfg(test)]
    pub(crate) fn raw_count(&self, text: &str) -> usize {
        self.ac.as_ref().map_or(0, |ac| ac.find_iter(text).count())
    }

    /// Heap bytes of the automaton (for measuring).
    #[cfg(test)]
    pub(crate) fn memory_usage(&self) -> usize {
        self.ac.as_ref().map_or(0, AhoCorasick::memory_usage)
    }

    /// Number of automaton patterns (names, aliases and spelling variants).
    #[cfg(test)]
    pub(crate) fn pattern_count(&self) -> usize {
        self.pats.len()
    }
}

pub(super) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(super) fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|t| t.chars().next_back())
}

/// Not inside a word, nor inside a dotted name ("app.js", "python.org").
fn start_ok(text: &str, s: usize, p: &Pat) -> bool {
    if !p.is(FIRST_ALNUM) {
        return true;
    }
    match prev_char(text, s) {
        None => true,
        Some('.') => !prev_char(text, s - 1).is_some_and(is_word),
        Some(c) => !is_word(c),
    }
}

/// Not followed by more word ("Java" in "JavaScript"), "++" or "#" ("C" in "C++"), or a dotted
/// continuation; a version number may follow a name of 3+ letters ("HTML5").
fn end_ok(text: &str, e: usize, p: &Pat) -> bool {
    if !p.is(LAST_ALNUM) {
        return true;
    }
    let Some(rest) = text.get(e..) else {
        return false;
    };
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_ascii_digit() && p.is(VERSIONED) => {
            let after = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            !after.chars().next().is_some_and(is_word)
        }
        Some('#') => false,
        Some('+') => chars.next() != Some('+'),
        Some('.') => !chars.next().is_some_and(is_word),
        Some(c) => !is_word(c),
    }
}

/// The next position after `s` where a mention could start: past the rest of the word at `s`.
fn next_start(text: &str, s: usize) -> usize {
    let rest = &text[s..];
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, c)) if is_word(c) => chars
            .find(|&(_, c)| !is_word(c))
            .map_or(text.len(), |(i, _)| s + i),
        Some((_, c)) => s + c.len_utf8(),
        None => text.len(),
    }
}

#[cfg(test)]
mod tests;
