//! Years of experience: `5+ years`, `3–5 years`, `at least 3 years`, `minimum of 2 years`,
//! `five (5) years`, `2-3 yrs`.

use std::sync::LazyLock;

use regex::Regex;

const WORDS: &[(&str, f32)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
];

static YEARS_RE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = WORDS.iter().map(|(w, _)| *w).collect();
    let n = format!(
        r"(?:\d{{1,2}}(?:\.\d)?|{})(?:\s*\(\d{{1,2}}\))?",
        words.join("|")
    );
    Regex::new(&format!(
        r"(?ix)
        (?P<pre>at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|no\s+less\s+than|not\s+less\s+than|more\s+than|over|up\s+to|around|approximately)?\s*
        (?-u:\b)(?P<a>{n})\s*(?P<plus>\+|\s*plus(?-u:\b))?
        (?:\s*(?:-|–|—|to|or)\s*(?P<b>{n})\s*\+?)?
        \s*(?:full[- ]time\s+|professional\s+|relevant\s+|related\s+|progressive(?:ly)?\s+|additional\s+|prior\s+|industry\s+|hands[- ]on\s+)*
        (?:years?|yrs?)(?-u:\b)(?P<post>['’]?\s*(?:of\s+)?(?:\w+\s+){{0,6}}?(?:experience|exp(?-u:\b)|background|working|work|in(?-u:\b)|with(?-u:\b)|as(?-u:\b)|building|developing|designing|managing|leading)|\s+of\s+\w)?"
    ))
    .expect("static regex")
});

/// Sentences about experience (so "founded 20 years ago" does not count).
static EXPERIENCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(experience|experienced|background|track record|professional|industry|hands-on|working|work|expertise|proficien)").expect("static regex")
});

static NOT_EXPERIENCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(ago|old|founded|since|history|anniversary|age|warranty|in business|serving|we have been|for over \d+ years|years? of age)(?-u:\b)").expect("static regex")
});

/// Lines without "year" or "yr" are skipped before the full pattern runs.
static HINT_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)years?|yrs?").expect("static regex"));

/// A years-of-experience mention: the minimum and, for ranges, the maximum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Years {
    pub min: f32,
    pub max: Option<f32>,
}

/// Finds the years of experience a line asks for.
pub(crate) fn find(line: &str) -> Option<Years> {
    if !HINT_RE.is_match(line) {
        return None;
    }
    let experience_line = EXPERIENCE_RE.is_match(line);
    if NOT_EXPERIENCE_RE.is_match(line) && !line.to_lowercase().contains("experience") {
        return None;
    }
    for c in YEARS_RE.captures_iter(line) {
        if c.name("post").is_none() && !experience_line {
            continue;
        }
        let Some(a) = c.name("a").and_then(|m| value(m.as_str())) else {
            continue;
        };
        let b = c.name("b").and_then(|m| value(m.as_str()));
        let pre = c.name("pre").map(|m| m.as_str().to_lowercase());
        if !(0.0..=40.0).contains(&a) {
            continue;
        }
        if pre.as_deref() == Some("up to") {
            return Some(Years {
                min: 0.0,
                max: Some(a),
            });
        }
        return Some(match b {
            Some(b) if b > a && b <= 40.0 => Years {
                min: a,
                max: Some(b),
            },
            _ => Years { min: a, max: None },
        });
    }
    None
}

fn value(s: &str) -> Option<f32> {
    let s = s.split('(').next().unwrap_or(s).trim().to_lowercase();
    if let Ok(v) = s.parse::<f32>() {
        return Some(v);
    }
    WORDS.iter().find(|(w, _)| *w == s).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn y(s: &str) -> Option<(f32, Option<f32>)> {
        find(s).map(|y| (y.min, y.max))
    }

    #[test]
    fn issue_examples() {
        assert_eq!(y("5+ years of Rust"), Some((5.0, None)));
        assert_eq!(
            y("3–5 years of experience with Python"),
            Some((3.0, Some(5.0)))
        );
        assert_eq!(
            y("At least 3 years in backend development"),
            Some((3.0, None))
        );
        assert_eq!(
            y("A minimum of 2 years of professional experience"),
            Some((2.0, None))
        );
        assert_eq!(
            y("Five years of experience in data science"),
            Some((5.0, None))
        );
        assert_eq!(y("five (5) years of related experience"), Some((5.0, None)));
        assert_eq!(y("2-3 yrs experience"), Some((2.0, Some(3.0))));
        assert_eq!(y("7 plus years experience"), Some((7.0, None)));
        assert_eq!(
            y("Bachelor's degree and 4 years’ experience"),
            Some((4.0, None))
        );
    }

    #[test]
    fn not_experience() {
        assert_eq!(y("Founded 20 years ago, we serve clients"), None);
        assert_eq!(y("A 401k plan vesting over 3 years"), None);
        assert_eq!(y("We have been in business for 30 years"), None);
    }
}
