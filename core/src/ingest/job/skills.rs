//! Required and preferred skills: taxonomy matches, weighed by the section and the wording
//! around them.

use std::collections::HashSet;

use super::{sections, stems};
use crate::model::JobSkill;
use crate::skills::{SkillHit, SkillId, Taxonomy};

/// Skills gathered from a posting, each once; required wins over preferred.
#[derive(Debug, Default)]
pub(crate) struct Gathered {
    required: Vec<JobSkill>,
    preferred: Vec<JobSkill>,
    seen_required: HashSet<String>,
    seen_preferred: HashSet<String>,
    /// Scratch buffers reused across lines.
    hits: Vec<SkillHit>,
    stem_hits: Vec<stems::StemHit>,
    stem_words: stems::Scratch,
}

impl Gathered {
    /// Starts from skills already known, keeping their order and strength.
    pub(crate) fn from_existing(required: &[JobSkill], preferred: &[JobSkill]) -> Self {
        Gathered {
            required: required.to_vec(),
            preferred: preferred.to_vec(),
            seen_required: required.iter().map(|s| s.name.to_lowercase()).collect(),
            seen_preferred: preferred.iter().map(|s| s.name.to_lowercase()).collect(),
            ..Gathered::default()
        }
    }

    /// Adds the skills of a line. `preferred` is the section's default; a clause's own wording
    /// ("is a plus", "must") overrides it.
    pub(crate) fn add_line(&mut self, line: &str, preferred: bool) {
        let tax = Taxonomy::builtin();
        tax.find_into(line, &mut self.hits);
        // Names written with other word forms ("managing staff"), where no exact match is.
        stems::find(line, &mut self.stem_words, &mut self.stem_hits);
        let exact = std::mem::take(&mut self.hits);
        let mut found: Vec<(SkillId, usize, usize)> =
            exact.iter().map(|h| (h.skill, h.start, h.end)).collect();
        for h in &self.stem_hits {
            let overlaps = exact.iter().any(|e| e.start < h.end && h.start < e.end);
            if !overlaps && !found.iter().any(|f| f.0 == h.skill) {
                found.push((h.skill, h.start, h.end));
            }
        }
        self.hits = exact;
        if found.is_empty() {
            return;
        }
        found.sort_by_key(|f| f.1);
        let clauses = clauses(line);
        for (skill, start, end) in found {
            let clause = clauses
                .iter()
                .find(|(s, e)| (*s..*e).contains(&start))
                .map_or(line, |&(s, e)| &line[s..e]);
            let pref = match sections::cue(clause) {
                Some(required) => !required,
                None => preferred,
            };
            let name = &tax.get(skill).name;
            let key = name.to_lowercase();
            if self.seen_required.contains(&key) || (pref && self.seen_preferred.contains(&key)) {
                continue;
            }
            self.add(name.clone(), line[start..end].to_string(), pref);
        }
    }

    /// Adds one skill by name (board tags, JSON-LD `skills`).
    pub(crate) fn add(&mut self, name: String, matched: String, preferred: bool) {
        let key = name.to_lowercase();
        let matched =
            (!matched.eq_ignore_ascii_case(&name) && !matched.is_empty()).then_some(matched);
        if preferred {
            if !self.seen_required.contains(&key) && self.seen_preferred.insert(key) {
                self.preferred.push(JobSkill { name, matched });
            }
        } else if self.seen_required.insert(key.clone()) {
            if self.seen_preferred.remove(&key) {
                self.preferred.retain(|s| s.name.to_lowercase() != key);
            }
            self.required.push(JobSkill { name, matched });
        }
    }

    /// Required and preferred skills, in order of first mention.
    pub(crate) fn finish(self) -> (Vec<JobSkill>, Vec<JobSkill>) {
        (self.required, self.preferred)
    }
}

/// Byte ranges of a line's clauses: sentences and `;`-separated parts, so "Python required;
/// Go a plus" gives each skill its own cue.
fn clauses(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_here = b == b';' || (b == b'.' && bytes.get(i + 1) == Some(&b' '));
        if end_here {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, line.len()));
    out
}

/// Canonical name of a skill word (a board tag), if the taxonomy knows it.
pub(crate) fn lookup(name: &str) -> Option<String> {
    Taxonomy::builtin().lookup(name).map(|e| e.name.clone())
}

/// Taxonomy names found in `text`, as canonical names.
pub(crate) fn names_in(text: &str) -> Vec<String> {
    Taxonomy::builtin()
        .find(text)
        .into_iter()
        .map(|m| m.name)
        .collect()
}
