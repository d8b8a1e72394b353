//! The no-loss guarantee: every input line's words end up somewhere in the profile. Lines the
//! section parsers could not place are kept verbatim in a custom section titled with their
//! section's heading (or "Other" before the first heading), so odd input never loses text.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::lines::RLine;
use super::sections;
use crate::model::date::parse_date;
use crate::model::{CustomSection, List, Profile};

/// Labels whose values the profile keeps in a field ("GPA: 3.9", "Phone: ...").
const LABELS: &[&str] = &[
    "gpa",
    "email",
    "e",
    "mail",
    "phone",
    "tel",
    "mobile",
    "mob",
    "cell",
    "linkedin",
    "github",
    "address",
    "website",
    "web",
    "url",
    "location",
    "name",
    "telephone",
];

/// Every word of the heading vocabulary ("professional", "experience", "details").
static HEADING_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set: HashSet<String> = sections::vocabulary()
        .flat_map(|p| p.split(' ').map(str::to_string).collect::<Vec<_>>())
        .filter(|w| w.len() > 2)
        .collect();
    set.insert("details".into());
    set
});

/// Lowercased runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// A word the profile holds in structured form rather than as text: a heading word (the
/// section it names), a month or "present" (an ISO date), or a field label.
pub fn structural_word(w: &str) -> bool {
    HEADING_WORDS.contains(w)
        || LABELS.contains(&w)
        || w.chars().all(char::is_alphabetic)
            && (parse_date(w).is_some() || parse_date(&format!("{w} 2020")).is_some())
}

/// Adds the [`words`] of `text`, allocating only for words not in the set yet.
fn add_words(text: &str, out: &mut HashSet<String>) {
    let mut buf = String::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if w.is_ascii() {
            buf.clear();
            buf.extend(w.chars().map(|c| c.to_ascii_lowercase()));
            if !out.contains(buf.as_str()) {
                out.insert(buf.clone());
            }
        } else {
            out.insert(w.to_lowercase());
        }
    }
}

/// The words of every string in the profile.
fn profile_words(p: &Profile) -> HashSet<String> {
    fn walk(v: &serde_json::Value, out: &mut HashSet<String>) {
        match v {
            serde_json::Value::String(s) => add_words(s, out),
            serde_json::Value::Number(n) => add_words(&n.to_string(), out),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = HashSet::new();
    if let Ok(v) = serde_json::to_value(p) {
        walk(&v, &mut out);
    }
    out
}

/// Adds, per section, the lines whose content words the profile does not hold yet, as custom
/// sections titled with the section heading. Returns how many lines were kept this way.
pub(super) fn keep_unplaced(p: &mut Profile, groups: &[(String, Vec<RLine>)]) -> usize {
    let have = profile_words(p);
    let mut kept = 0;
    for (title, lines) in groups {
        let missing: List<String> = lines
            .iter()
            // The set lookup first: `structural_word` runs the date regex.
            .filter(|l| words(&l.text).any(|w| !have.contains(&w) && !structural_word(&w)))
            .map(|l| l.text.clone())
            .collect();
        if missing.is_empty() {
            continue;
        }
        kept += missing.len();
        match p
            .custom_sections
            .iter_mut()
            .find(|c| c.title.as_deref() == Some(title.as_str()))
        {
            Some(c) => c.lines.extend(missing.iter().cloned()),
            None => p.custom_sections.push(CustomSection {
                title: Some(title.clone()),
                lines: missing,
                ..CustomSection::default()
            }),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_headings_and_labels_are_structural() {
        assert!(structural_word("sept"));
        assert!(structural_word("present"));
        assert!(structural_word("experience"));
        assert!(structural_word("gpa"));
        assert!(!structural_word("thesis"));
        assert!(!structural_word("kubernetes"));
    }
}
