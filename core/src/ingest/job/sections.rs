//! Section headings of job postings and what they hold.

use std::sync::LazyLock;

use regex::Regex;

/// What a section of a posting holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text before any heading, or under "Description"/"The role".
    Intro,
    Responsibilities,
    Requirements,
    Preferred,
    Benefits,
    About,
    Education,
    /// How to apply, EEO statements, legal text: no fields come from here.
    Other,
}

/// Phrases that name a section, checked in order (preferred before requirements, because
/// "Preferred qualifications" also says "qualifications").
const VOCAB: &[(&str, Kind)] = &[
    ("nice to have", Kind::Preferred),
    ("nice-to-have", Kind::Preferred),
    ("nice to haves", Kind::Preferred),
    ("preferred", Kind::Preferred),
    ("bonus", Kind::Preferred),
    ("desired", Kind::Preferred),
    ("desirable", Kind::Preferred),
    ("pluses", Kind::Preferred),
    ("plus points", Kind::Preferred),
    ("extra credit", Kind::Preferred),
    ("would be great", Kind::Preferred),
    ("would be a plus", Kind::Preferred),
    ("ideally", Kind::Preferred),
    ("additional qualifications", Kind::Preferred),
    ("wünschenswert", Kind::Preferred),
    ("equal opportunity", Kind::Other),
    ("equal employment", Kind::Other),
    ("eeo", Kind::Other),
    ("how to apply", Kind::Other),
    ("application process", Kind::Other),
    ("interview process", Kind::Other),
    ("hiring process", Kind::Other),
    ("disclaimer", Kind::Other),
    ("privacy", Kind::Other),
    ("accommodation", Kind::Other),
    ("about the role", Kind::Intro),
    ("about the job", Kind::Intro),
    ("about the position", Kind::Intro),
    ("about this role", Kind::Intro),
    ("benefit", Kind::Benefits),
    ("perks", Kind::Benefits),
    ("what we offer", Kind::Benefits),
    ("we offer", Kind::Benefits),
    ("why join", Kind::Benefits),
    ("why work", Kind::Benefits),
    ("why you'll love", Kind::Benefits),
    ("in it for you", Kind::Benefits),
    ("what you get", Kind::Benefits),
    ("what you'll get", Kind::Benefits),
    ("compensation", Kind::Benefits),
    ("total rewards", Kind::Benefits),
    ("wir bieten", Kind::Benefits),
    ("responsibilities", Kind::Responsibilities),
    ("responsibility", Kind::Responsibilities),
    ("what you'll do", Kind::Responsibilities),
    ("what you will do", Kind::Responsibilities),
    ("what you'll be doing", Kind::Responsibilities),
    ("what you will be doing", Kind::Responsibilities),
    ("duties", Kind::Responsibilities),
    ("day to day", Kind::Responsibilities),
    ("day-to-day", Kind::Responsibilities),
    ("your role", Kind::Responsibilities),
    ("the role", Kind::Responsibilities),
    ("your impact", Kind::Responsibilities),
    ("job functions", Kind::Responsibilities),
    ("key tasks", Kind::Responsibilities),
    ("tasks", Kind::Responsibilities),
    ("in this role", Kind::Responsibilities),
    ("ihre aufgaben", Kind::Responsibilities),
    ("deine aufgaben", Kind::Responsibilities),
    ("essential functions", Kind::Responsibilities),
    ("essential duties", Kind::Responsibilities),
    ("requirement", Kind::Requirements),
    ("essential", Kind::Requirements),
    ("qualification", Kind::Requirements),
    ("what you'll need", Kind::Requirements),
    ("what you will need", Kind::Requirements),
    ("what you need", Kind::Requirements),
    ("what we're looking for", Kind::Requirements),
    ("what we are looking for", Kind::Requirements),
    ("who you are", Kind::Requirements),
    ("about you", Kind::Requirements),
    ("you have", Kind::Requirements),
    ("what you bring", Kind::Requirements),
    ("you bring", Kind::Requirements),
    ("must have", Kind::Requirements),
    ("must-have", Kind::Requirements),
    ("skills", Kind::Requirements),
    ("experience", Kind::Requirements),
    ("your profile", Kind::Requirements),
    ("profile", Kind::Requirements),
    ("competencies", Kind::Requirements),
    ("competency", Kind::Requirements),
    ("competence", Kind::Requirements),
    ("knowledge", Kind::Requirements),
    ("tech stack", Kind::Requirements),
    ("ihr profil", Kind::Requirements),
    ("dein profil", Kind::Requirements),
    ("education", Kind::Education),
    ("about us", Kind::About),
    ("about the company", Kind::About),
    ("about the team", Kind::About),
    ("who we are", Kind::About),
    ("our mission", Kind::About),
    ("our company", Kind::About),
    ("company overview", Kind::About),
    ("our story", Kind::About),
    ("our team", Kind::About),
    ("our culture", Kind::About),
    ("description", Kind::Intro),
    ("overview", Kind::Intro),
    ("summary", Kind::Intro),
    ("the opportunity", Kind::Intro),
    ("the position", Kind::Intro),
    ("introduction", Kind::Intro),
    ("salary", Kind::Benefits),
    ("you will", Kind::Responsibilities),
    ("you'll", Kind::Responsibilities),
];

static NORM_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\p{L}\p{N}'\- ]+").expect("static regex"));

/// Normalises a heading: lowercase, straight apostrophes, no Markdown or punctuation.
fn normalise(text: &str) -> String {
    let t = text.replace(['’', '‘'], "'").to_lowercase();
    NORM_RE
        .replace_all(&t, " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The kind of section a heading opens, if it reads like one of ours.
pub(crate) fn kind_of(heading: &str) -> Option<Kind> {
    kind_and_start(heading).map(|(k, _, _)| k)
}

/// The kind, whether the heading starts with the phrase that named it (plus at most one
/// word), and whether it ends with it.
fn kind_and_start(heading: &str) -> Option<(Kind, bool, bool)> {
    let n = normalise(heading);
    if n.is_empty() {
        return None;
    }
    if n.starts_with("about ")
        && !VOCAB
            .iter()
            .any(|(p, k)| *k == Kind::Intro && n.starts_with(p))
        && n.split(' ').count() <= 5
    {
        // "About Acme", "About Life360".
        return Some((Kind::About, true, true));
    }
    let words = n.split(' ').count();
    // The first vocabulary entry (in list order) found on word boundaries.
    let best = PHRASES
        .find_overlapping_iter(&n)
        .filter(|m| on_boundaries(&n, m.start(), m.end()))
        .map(|m| m.pattern().as_usize())
        .min()?;
    VOCAB.get(best).map(|(p, k)| {
        let start = n.starts_with(p) && words <= p.split(' ').count() + 1;
        let end = n.ends_with(p) || n.strip_suffix('s').is_some_and(|m| m.ends_with(p));
        (*k, start, end)
    })
}

/// Every longer word capitalised: "Required Experience, Skills & Technologies".
fn title_case(s: &str) -> bool {
    s.split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .all(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_none_or(|c| c.is_uppercase() || c.is_numeric())
        })
}

/// The vocabulary as one automaton: one pass per heading instead of one search per phrase.
static PHRASES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(VOCAB.iter().map(|(p, _)| *p)).expect("static automaton")
});

/// The phrase at `start..end` starts a word and ends one, or ends in a plural ("qualifications").
fn on_boundaries(hay: &str, start: usize, end: usize) -> bool {
    let before_ok = start == 0 || hay.as_bytes()[start - 1] == b' ';
    let rest = &hay[end..];
    before_ok && (rest.is_empty() || rest.starts_with(' ') || rest == "s" || rest.starts_with("s "))
}

/// Whether a line is a heading: marked so by the source, or short and either ending with a
/// colon or naming a known section.
pub(crate) fn heading(text: &str, marked: bool) -> Option<Kind> {
    // More than 280 bytes is more than 70 characters: no heading, and no need to count words.
    if text.len() > 280 {
        return None;
    }
    let t = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '#' || c == '_' || c == '=' || c.is_whitespace());
    // Lines of more than 70 characters are the common case: stop counting at 71.
    if t.is_empty() || (t.len() > 70 && t.chars().nth(70).is_some()) {
        return None;
    }
    let words = t.split_whitespace().count();
    if words > 9 {
        return None;
    }
    let colon = t.ends_with(':') || t.ends_with('：');
    let body = t.trim_end_matches([':', '：']).trim();
    let sentence =
        body.ends_with('.') || body.ends_with('!') || body.ends_with(',') || body.ends_with(';');
    if sentence && !marked {
        return None;
    }
    match kind_and_start(body) {
        Some((k, _, _)) if colon || marked => Some(k),
        Some((k, start, end))
            if words <= 6 && starts_upper(body) && (start || end && title_case(body)) =>
        {
            Some(k)
        }
        None if colon && words <= 6 => Some(Kind::Other),
        None if marked => Some(Kind::Other),
        _ => None,
    }
}

/// A heading followed by content on the same line: `Requirements: 5+ years of Rust`.
pub(crate) fn inline_heading(text: &str) -> Option<(Kind, &str)> {
    let (head, rest) = text.split_once(':')?;
    let rest = rest.trim();
    if rest.is_empty() || head.split_whitespace().count() > 5 {
        return None;
    }
    let kind = kind_of(head)?;
    matches!(
        kind,
        Kind::Requirements
            | Kind::Preferred
            | Kind::Responsibilities
            | Kind::Benefits
            | Kind::Education
    )
    .then_some((kind, rest))
}

fn starts_upper(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

static PREFERRED_CUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(nice[- ]to[- ]have|nice to haves?|bonus|preferred|preferably|a plus|is a plus|are a plus|plus if|big plus|desired|desirable|ideally|would be (great|nice|ideal)|advantageous|an advantage|beneficial|not required|optional|helpful)(?-u:\b)")
        .expect("static regex")
});
static REQUIRED_CUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(must|required|requires|mandatory|essential|need to have|needs to have|minimum)(?-u:\b)").expect("static regex")
});

/// The strength a clause gives to what it names: `Some(true)` required, `Some(false)`
/// preferred, `None` when the wording does not say.
pub(crate) fn cue(clause: &str) -> Option<bool> {
    if PREFERRED_CUE_RE.is_match(clause) {
        // "Required: X; Y preferred" is split into clauses before this is asked.
        Some(false)
    } else if REQUIRED_CUE_RE.is_match(clause) {
        Some(true)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(heading("Requirements", false), Some(Kind::Requirements));
        assert_eq!(
            heading("What you'll need:", false),
            Some(Kind::Requirements)
        );
        assert_eq!(heading("What You’ll Need", false), Some(Kind::Requirements));
        assert_eq!(
            heading("Preferred Qualifications", false),
            Some(Kind::Preferred)
        );
        assert_eq!(heading("Nice to have", false), Some(Kind::Preferred));
        assert_eq!(heading("Bonus points", false), Some(Kind::Preferred));
        assert_eq!(heading("**Benefits**", false), Some(Kind::Benefits));
        assert_eq!(
            heading("Duties, Tasks & Responsibilities", false),
            Some(Kind::Responsibilities)
        );
        assert_eq!(
            heading("Required Experience, Skills, & Technologies:", false),
            Some(Kind::Requirements)
        );
        assert_eq!(heading("About Life360", true), Some(Kind::About));
        assert_eq!(heading("About the role", false), Some(Kind::Intro));
        assert_eq!(
            heading("## Minimum Qualifications", false),
            Some(Kind::Requirements)
        );
        assert_eq!(heading("We use Python and SQL every day.", false), None);
        assert_eq!(heading("Strong skills in Python", false), None);
        assert_eq!(
            heading("Equal Opportunity Employer", false),
            Some(Kind::Other)
        );
        assert_eq!(heading("Meridian Knowledge Solutions", false), None);
        assert_eq!(heading("Experienced Data Scientist", false), None);
        assert_eq!(
            heading("Minimum Qualifications", false),
            Some(Kind::Requirements)
        );
        assert_eq!(
            inline_heading("Requirements: 5+ years of Rust"),
            Some((Kind::Requirements, "5+ years of Rust"))
        );
        assert_eq!(inline_heading("Location: Berlin"), None);
    }

    #[test]
    fn cues() {
        assert_eq!(cue("Experience with Kafka is a plus"), Some(false));
        assert_eq!(cue("Go experience preferred"), Some(false));
        assert_eq!(cue("Must have 3 years of SQL"), Some(true));
        assert_eq!(cue("Experience with SQL"), None);
    }
}
