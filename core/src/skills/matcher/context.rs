//! When an ambiguous name counts: "Go, Rust and Python" yes, "go to the office" no; "R, Python,
//! SQL" yes, "Section R" no; "Advanced Excel" yes, "excel at communication" no.
//!
//! A candidate counts when it is the whole text, when it sits in a list next to another skill,
//! or when it is written as the data spells it (capitalised) and has context: a word of its
//! field nearby ("programming", "spreadsheet"), a "Skills:" style label on its line, or a related
//! skill of the same sentence.

use super::{AMBIGUOUS, Matcher, SINGLE, SkillHit, is_word, prev_char};
use crate::skills::Taxonomy;

/// How far around a candidate (bytes, within the sentence) context words and skills count.
const WINDOW: usize = 60;

const TECH_WORDS: &[&str] = &[
    "programming",
    "programmer",
    "programmers",
    "language",
    "languages",
    "developer",
    "developers",
    "development",
    "develop",
    "engineer",
    "engineers",
    "engineering",
    "code",
    "coding",
    "codebase",
    "scripting",
    "scripts",
    "software",
    "framework",
    "frameworks",
    "library",
    "libraries",
    "stack",
    "backend",
    "frontend",
    "proficient",
    "proficiency",
    "experience",
    "experienced",
    "expertise",
    "knowledge",
    "familiarity",
    "fluent",
    "skills",
    "years",
    "api",
    "apis",
    "microservices",
    "service",
    "services",
    "deploy",
    "deployment",
    "pipeline",
    "pipelines",
    "cluster",
    "clusters",
    "configuration",
    "automation",
    "testing",
    "tests",
    "database",
    "databases",
    "web",
    "tools",
    "tooling",
    "platform",
    "technologies",
    "technology",
    "compiled",
    "typed",
    "concurrency",
];
const OFFICE_WORDS: &[&str] = &[
    "microsoft",
    "ms",
    "office",
    "spreadsheet",
    "spreadsheets",
    "pivot",
    "vlookup",
    "macros",
    "formulas",
    "workbook",
    "workbooks",
    "advanced",
    "proficient",
    "proficiency",
    "skills",
    "knowledge",
    "experience",
    "suite",
    "365",
    "documents",
    "email",
    "calendar",
    "charts",
];
const DESIGN_WORDS: &[&str] = &[
    "design",
    "designer",
    "designers",
    "adobe",
    "3d",
    "animation",
    "modeling",
    "modelling",
    "rendering",
    "ui",
    "ux",
    "prototyping",
    "prototypes",
    "graphics",
    "video",
    "editing",
    "game",
    "games",
    "engine",
    "software",
    "tools",
    "proficient",
    "proficiency",
    "experience",
    "skills",
    "creative",
    "suite",
];
const BUSINESS_WORDS: &[&str] = &[
    "social",
    "media",
    "marketing",
    "platforms",
    "channels",
    "advertising",
    "ads",
    "campaign",
    "campaigns",
    "content",
    "digital",
    "brand",
    "seo",
    "analytics",
    "skills",
    "experience",
];
const METHOD_WORDS: &[&str] = &[
    "agile",
    "scrum",
    "kanban",
    "methodology",
    "methodologies",
    "practices",
    "principles",
    "framework",
    "sigma",
    "process",
    "processes",
    "certified",
    "certification",
    "delivery",
    "transformation",
    "design",
    "patterns",
];
/// Words of a line label ("Technical skills:", "Languages:") that make the line a skills list.
const LABEL_WORDS: &[&str] = &[
    "skills",
    "skill",
    "languages",
    "technologies",
    "technology",
    "tools",
    "stack",
    "frameworks",
    "software",
    "platforms",
    "databases",
    "proficiencies",
    "competencies",
    "expertise",
    "environment",
    "programming",
    "libraries",
    "technical",
    "tech",
    "qualifications",
    "requirements",
];
/// Words that may stand between list items ("Go and Rust", "Excel, Word as well as Access").
const LIST_WORDS: &[&str] = &["and", "or", "as", "well", "plus", "etc", "and/or"];

fn words_for(category: &str) -> &'static [&'static str] {
    match category {
        "office" => OFFICE_WORDS,
        "design" => DESIGN_WORDS,
        "business" => BUSINESS_WORDS,
        "methodology" => METHOD_WORDS,
        _ => TECH_WORDS,
    }
}

/// Decide whether the ambiguous candidate `out[i]` counts.
pub(super) fn accept(m: &Matcher, tax: &Taxonomy, text: &str, out: &[SkillHit], i: usize) -> bool {
    let h = out[i];
    let p = m.pat(&h);
    let surface = &text[h.start..h.end];
    let exact = p.case_ok(surface);
    if p.is(SINGLE) {
        if !exact {
            return false;
        }
        let before = prev_char(text, h.start);
        let after = text[h.end..].chars().next();
        // "C-suite", "USB-C", "R&D", "R's", "(R)" after a brand name.
        if matches!(after, Some('-' | '&' | '\'' | '’'))
            || matches!(before, Some('-' | '&' | '\'' | '’'))
        {
            return false;
        }
        if before == Some('(')
            && after == Some(')')
            && prev_char(text, h.start - 1).is_some_and(is_word)
        {
            return false;
        }
    }
    // The whole text is the name (a skill keyword from a resume's skills list).
    if h.start <= 8 && text.len() - h.end <= 8 {
        let other = |s: &str| s.chars().any(char::is_alphanumeric);
        if !other(&text[..h.start]) && !other(&text[h.end..]) {
            return true;
        }
    }
    // In a list next to another skill. Plain spaces make a list only for capitalised names of
    // linked skills or skills of one category ("Java Spring" yes, "data science teams" and
    // "Fluent English" no); lowercase names need a separator ("python, spark, hive").
    let entry = tax.get(h.skill);
    for j in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
        let Some(n) = out.get(j) else { continue };
        let np = m.pat(n);
        let supports = !np.is(AMBIGUOUS) || (exact && np.case_ok(&text[n.start..n.end]));
        let gap = if j < i {
            text.get(n.end..h.start)
        } else {
            text.get(h.end..n.start)
        };
        if let Some(separated) = gap.and_then(list_gap) {
            let kin =
                || tax.linked(h.skill, n.skill) || tax.get(n.skill).category == entry.category;
            if supports && (separated || (exact && kin())) {
                return true;
            }
        }
    }
    if !exact {
        return false;
    }
    let (lo, hi) = window(text, h.start, h.end);
    if has_word(&text[lo..h.start], words_for(&entry.category))
        || has_word(&text[h.end..hi], words_for(&entry.category))
    {
        return true;
    }
    if labelled_line(text, h.start) {
        return true;
    }
    // A related skill, or one of the same category, in the same sentence. Hits are sorted, so
    // only the few next to `i` are looked at (no quadratic work on hostile input).
    let before = out[..i].iter().rev().take_while(|n| n.start >= lo);
    let after = out[i + 1..].iter().take_while(|n| n.end <= hi);
    before
        .chain(after)
        .filter(|n| !m.pat(n).is(AMBIGUOUS))
        .any(|n| tax.linked(h.skill, n.skill) || tax.get(n.skill).category == entry.category)
}

/// Whether the gap between two mentions is only separators and list words (", ", " / ",
/// " and ", "\n- "); if so, whether it holds more than spaces.
fn list_gap(gap: &str) -> Option<bool> {
    let is_sep = |c: char| c.is_whitespace() || ",/|;&+()[]•·*-–—".contains(c);
    let listy = gap.len() <= 20
        && gap
            .split(is_sep)
            .filter(|t| !t.is_empty())
            .all(|t| LIST_WORDS.iter().any(|w| w.eq_ignore_ascii_case(t)));
    listy.then(|| gap.chars().any(|c| c != ' '))
}

/// Byte range of up to WINDOW bytes either side of `start..end`, cut at sentence ends.
fn window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut lo = start.saturating_sub(WINDOW);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (end + WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let sentence_end = |k: usize| {
        matches!(bytes[k], b'.' | b'!' | b'?')
            && bytes.get(k + 1).is_none_or(|b| b.is_ascii_whitespace())
            || (bytes[k] == b'\n' && bytes.get(k + 1) == Some(&b'\n'))
    };
    if let Some(k) = (lo..start).rev().find(|&k| sentence_end(k)) {
        lo = k + 1;
    }
    if let Some(k) = (end..hi).find(|&k| sentence_end(k)) {
        hi = k;
    }
    (lo, hi)
}

fn has_word(s: &str, words: &[&str]) -> bool {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .any(|t| words.iter().any(|w| w.eq_ignore_ascii_case(t)))
}

/// The candidate's line starts with a label such as "Technical skills:" or "Languages -".
fn labelled_line(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let line = match text[from..start].rfind('\n') {
        Some(i) => &text[from + i + 1..start],
        None if from == 0 => &text[..start],
        None => return false,
    };
    let Some(colon) = line.find([':', '–', '—']) else {
        return false;
    };
    has_word(&line[..colon], LABEL_WORDS)
}
