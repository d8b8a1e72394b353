//! Date-anchored entry segmentation, shared by work, education, projects, volunteer, awards,
//! certificates and publications.
//!
//! A section's lines are runs of *head* lines (not bullets) and *body* lines (bullets, and
//! "Keywords:"-style lines). Lines holding a date range anchor entries. The first run of the
//! section teaches the layout: whether dates sit in the head (and how many head lines come
//! before the date) or after the body (RenderCV's classic themes put them bottom right, which
//! extraction turns into "after the bullets"). Every later run is cut with that template.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{RLine, is_duration};
pub use super::shapes::{looks_like_location, org_score, title_score};
use crate::model::date::{DatePoint, DateRange, PartialDate, find_date_range};

/// One entry: its head lines (with their dates) and its body lines.
#[derive(Debug, Default, Clone)]
pub struct Entry<'a> {
    pub head: Vec<&'a RLine>,
    pub body: Vec<&'a RLine>,
    pub range: Option<DateRange>,
    /// Index in `head` of the line that held the range.
    pub range_line: Option<usize>,
}

impl Entry<'_> {
    /// 1-based source lines covered.
    pub fn span(&self) -> (u32, u32) {
        let all = self.head.iter().chain(self.body.iter());
        let first = all.clone().map(|l| l.first).min().unwrap_or(0);
        let last = all.map(|l| l.last).max().unwrap_or(0);
        (first, last)
    }

    /// Page of the first line.
    pub fn page(&self) -> u32 {
        self.head
            .first()
            .or(self.body.first())
            .map_or(1, |l| l.page)
    }

    /// Start date, end date and the explicit "present" flag, as ISO strings.
    pub fn dates(&self) -> (Option<String>, Option<String>, Option<bool>) {
        match self.range {
            Some(r) => {
                let start = r.start.map(|d| d.to_string());
                match r.end {
                    Some(DatePoint::Date(d)) => (start, Some(d.to_string()), None),
                    Some(DatePoint::Present) => (start, None, Some(true)),
                    None => (start, None, None),
                }
            }
            None => (None, None, None),
        }
    }

    /// The head texts with the date range cut out, split into parts.
    pub fn head_parts(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, l) in self.head.iter().enumerate() {
            let text = if Some(i) == self.range_line {
                match self.range {
                    Some(r) => cut(&l.text, r.span),
                    None => l.text.clone(),
                }
            } else {
                l.text.clone()
            };
            if is_duration(&text) {
                continue;
            }
            for p in split_parts(&text) {
                out.push(p);
            }
        }
        out
    }
}

/// `text` without the byte span, and without separators left dangling.
pub fn cut(text: &str, span: (usize, usize)) -> String {
    let (a, b) = (span.0.min(text.len()), span.1.min(text.len()));
    let before = text.get(..a).unwrap_or("").trim_end();
    let before = DATE_LABEL
        .find(before)
        .map_or(before, |m| before[..m.start()].trim_end());
    let after = text.get(b..).unwrap_or("").trim_start();
    let edge = |c: char| {
        c.is_whitespace() || matches!(c, '|' | ',' | '–' | '—' | '-' | '·' | '•' | ':' | '/')
    };
    // A bracket is cut only when the date was its content: "Award (2019)", "(2019) Award".
    let before = before
        .trim_end_matches(|c: char| edge(c) || c == '(')
        .trim_start_matches(edge)
        .to_string();
    let after = after
        .trim_start_matches(|c: char| edge(c) || c == ')')
        .trim_end_matches(edge)
        .to_string();
    match (before.is_empty(), after.is_empty()) {
        (true, _) => after,
        (_, true) => before,
        _ => format!("{before} | {after}"),
    }
}

/// Words that introduce a date and mean nothing without it ("Expected Graduation: June 2016").
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:expected|anticipated)\s+)?(?:graduation(?:\s+date)?|graduated|grad\.?|expected|anticipated|completed|awarded|issued|abschluss|diplômé|diplômée|obtenido)\s*:?\s*$")
        .expect("date label pattern is valid")
});

static DASH_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+[|–—·•/]\s+|\s+-\s+|\s*\|\s*|\t|;\s+").expect("split pattern is valid")
});

/// Splits a head line at strong separators (` | `, ` – `, ` - `, `;`), keeping commas.
pub fn split_parts(text: &str) -> Vec<String> {
    DASH_SPLIT
        .split(text)
        .map(|p| {
            p.trim()
                .trim_matches(|c: char| c == ',' || c.is_whitespace())
                .trim_start_matches(':')
                .trim()
                .to_string()
        })
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .collect()
}

/// A date range that anchors an entry: a range, or a lone date at an end of a short line.
pub fn anchor(l: &RLine) -> Option<DateRange> {
    l.anchor
}

/// Computes [`anchor`] from the text (done once per line in [`super::lines::prepare`]).
pub fn find_anchor(l: &RLine) -> Option<DateRange> {
    if l.bullet || l.text.split_whitespace().count() > 24 {
        return None;
    }
    let r = find_date_range(&l.text)?;
    let outside = l.text[..r.span.0].split_whitespace().count()
        + l.text[r.span.1..].split_whitespace().count();
    if outside > 16 {
        return None;
    }
    if r.end.is_some() {
        return Some(r);
    }
    let before = l.text[..r.span.0].trim_end_matches(|c: char| !c.is_alphanumeric());
    let after = l.text[r.span.1..].trim_start_matches(|c: char| !c.is_alphanumeric());
    // "NeurIPS 2022 workshop" is not an anchor; "Acme, 2019" and "2019 Acme" are.
    let ok = before.is_empty()
        || after.is_empty()
        || l.text[r.span.1..]
            .trim_start()
            .starts_with(['|', '–', '—', ',', '(', ')']);
    ok.then_some(r)
}

/// Whether a non-bullet line belongs to the body: labelled lists and long prose.
fn body_like(l: &RLine) -> bool {
    if l.bullet {
        return true;
    }
    let t = l.text.as_str();
    let lower = t.to_lowercase();
    [
        "keywords:",
        "technologies:",
        "tech stack:",
        "tools:",
        "stack:",
        "environment:",
        "courses:",
        "coursework:",
        "relevant coursework:",
        "gpa:",
        "thesis:",
        "advisor:",
        "minor:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Whether a line reads as a sentence rather than a name or title.
pub fn sentence(text: &str) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for w in text.split_whitespace() {
        words += 1;
        caps += usize::from(w.starts_with(char::is_uppercase));
    }
    if !(words >= 8 || words >= 5 && text.ends_with(['.', '!', '?', ':'])) {
        return false;
    }
    // Names and titles capitalise most words; sentences do not.
    if words <= 8 && caps * 10 >= words * 6 {
        return false;
    }
    title_score(text) == 0 && org_score(text) == 0
}

/// Cuts a section's lines into entries (see the module docs).
pub fn segment(lines: &[RLine]) -> Vec<Entry<'_>> {
    // Runs: (head lines, body lines).
    let mut runs: Vec<(Vec<&RLine>, Vec<&RLine>)> = Vec::new();
    for l in lines {
        // A sentence right after bullets is more of them (a wrapped bullet, a closing remark).
        let after_body = runs.last().is_some_and(|(_, b)| !b.is_empty());
        let body = (body_like(l) || after_body && sentence(&l.text)) && anchor(l).is_none();
        match runs.last_mut() {
            Some((_, b)) if body => b.push(l),
            Some((h, b)) if b.is_empty() => h.push(l),
            _ if body => runs.push((Vec::new(), vec![l])),
            _ => runs.push((vec![l], Vec::new())),
        }
    }
    let Some((first_head, _)) = runs.first() else {
        return Vec::new();
    };
    let dates_first: Vec<usize> = first_head
        .iter()
        .enumerate()
        .filter(|(_, l)| anchor(l).is_some())
        .map(|(i, _)| i)
        .collect();
    let later_dates = runs
        .iter()
        .skip(1)
        .any(|(h, _)| h.iter().any(|l| anchor(l).is_some()));
    let tail_mode = dates_first.is_empty() && later_dates;
    // Head lines before the date in an entry: from the first entry, or, when the first run holds
    // several dated entries, from the spacing of the dates and what follows the last one.
    let before = match dates_first.as_slice() {
        [] => 0,
        [one] => *one,
        many => {
            let mut gaps: Vec<usize> = many.windows(2).map(|w| w[1] - w[0]).collect();
            gaps.sort_unstable();
            let step = gaps[gaps.len() / 2];
            let after_last = first_head.len() - 1 - many[many.len() - 1];
            step.saturating_sub(1)
                .saturating_sub(after_last)
                .min(many[0])
        }
    };

    let mut entries: Vec<Entry<'_>> = Vec::new();
    for (ri, (head, body)) in runs.iter().enumerate() {
        let anchors: Vec<usize> = head
            .iter()
            .enumerate()
            .filter(|(_, l)| anchor(l).is_some())
            .map(|(i, _)| i)
            .collect();
        let mut start = 0;
        if tail_mode && ri > 0 {
            // Up to the first date (and a duration line after it) closes the previous entry.
            if let Some(&a) = anchors.first() {
                let mut end = a + 1;
                while end < head.len() && is_duration(&head[end].text) {
                    end += 1;
                }
                if let Some(prev) = entries.last_mut() {
                    prev.head.extend(head[..end].iter().copied());
                }
                start = end;
            }
            let rest: Vec<usize> = anchors.iter().copied().filter(|&a| a >= start).collect();
            let mut cur = start;
            for a in rest {
                let mut end = a + 1;
                while end < head.len() && is_duration(&head[end].text) {
                    end += 1;
                }
                entries.push(Entry {
                    head: head[cur..end].to_vec(),
                    ..Entry::default()
                });
                cur = end;
            }
            if cur < head.len() || !body.is_empty() {
                if cur < head.len() {
                    entries.push(Entry {
                        head: head[cur..].to_vec(),
                        ..Entry::default()
                    });
                }
                match entries.last_mut() {
                    Some(e) => e.body.extend(body.iter().copied()),
                    None => entries.push(Entry {
                        body: body.clone(),
                        ..Entry::default()
                    }),
                }
            }
            continue;
        }
        if head.is_empty() {
            // Body with no head: more of the previous entry, or one entry per bullet if alone.
            match entries.last_mut() {
                Some(e) => e.body.extend(body.iter().copied()),
                None => entries.push(Entry {
                    body: body.clone(),
                    ..Entry::default()
                }),
            }
            continue;
        }
        // Cut points: before each anchor after the first, `before` lines earlier. Without dates,
        // a name after prose starts a new entry ("Open Source" / text / "Languages" / text).
        let mut cuts = vec![0];
        if anchors.is_empty() {
            for k in 1..head.len() {
                if sentence(&head[k - 1].text) && !sentence(&head[k].text) {
                    cuts.push(k);
                }
            }
        }
        for w in anchors.windows(2) {
            let (a, b) = (w[0], w[1]);
            let c = b.saturating_sub(before).max(a + 1);
            cuts.push(c);
        }
        cuts.push(head.len());
        for (k, w) in cuts.windows(2).enumerate() {
            let mut e = Entry {
                head: head[w[0]..w[1]].to_vec(),
                ..Entry::default()
            };
            if k + 2 == cuts.len() {
                e.body = body.clone();
            }
            entries.push(e);
        }
    }
    for e in &mut entries {
        for (i, l) in e.head.iter().enumerate() {
            if let Some(r) = anchor(l) {
                // Prefer a real range over a lone date seen earlier ("2019" award line, then range).
                if e.range.is_none() || e.range.is_some_and(|x| x.end.is_none()) && r.end.is_some()
                {
                    e.range = Some(r);
                    e.range_line = Some(i);
                }
            }
        }
    }
    entries
}

/// A single date or range written anywhere in `text` (for awards, certificates, publications).
pub fn date_in(text: &str) -> Option<(PartialDate, (usize, usize))> {
    let r = find_date_range(text)?;
    Some((r.start?, r.span))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::ingest::doc::line_from_plain;

    fn rl(text: &str) -> Vec<RLine> {
        text.lines()
            .enumerate()
            .map(|(i, t)| {
                let l = line_from_plain(t, 1);
                let n = u32::try_from(i + 1).unwrap_or(0);
                RLine {
                    text: l.text,
                    bullet: l.bullet,
                    hint: false,
                    size: None,
                    page: 1,
                    first: n,
                    last: n,
                    gap_before: false,
                    side: Vec::new(),
                    anchor: None,
                }
            })
            .map(|mut l: RLine| {
                l.anchor = find_anchor(&l);
                l
            })
            .collect()
    }

    fn heads(lines: &[RLine]) -> Vec<Vec<String>> {
        segment(lines)
            .iter()
            .map(|e| e.head.iter().map(|l| l.text.clone()).collect())
            .collect()
    }

    #[test]
    fn dates_in_head_or_after_body() {
        let l = rl(
            "Acme Inc.\nEngineer\nJan 2020 - Present\n- did a\n- did b\nBeta Corp\nIntern\n2018 - 2019\nGamma GmbH\nDeveloper\n2016 - 2018\n- c",
        );
        assert_eq!(heads(&l).len(), 3);
        assert_eq!(heads(&l)[1], ["Beta Corp", "Intern", "2018 - 2019"]);
        let l = rl(
            "Nexus AI, CTO\n- built\nSan Francisco, CA\nJune 2023 – present\n2 years\nNVIDIA, Intern\n- x\nSanta Clara, CA\nMay 2022 – Aug 2022",
        );
        let h = heads(&l);
        assert_eq!(h.len(), 2);
        assert_eq!(
            h[0],
            [
                "Nexus AI, CTO",
                "San Francisco, CA",
                "June 2023 – present",
                "2 years"
            ]
        );
        assert_eq!(
            h[1],
            ["NVIDIA, Intern", "Santa Clara, CA", "May 2022 – Aug 2022"]
        );
        let l = rl(
            "Acme – Berlin\nJan 2020 – Present\nEngineer\n- a\nBeta – Paris\n2018 – 2019\nIntern\nGamma – Rome\n2016 – 2017\nIntern\n- b",
        );
        let h = heads(&l);
        assert_eq!(h.len(), 3);
        assert_eq!(h[2], ["Gamma – Rome", "2016 – 2017", "Intern"]);
    }

    #[test]
    fn shapes() {
        assert!(looks_like_location("San Francisco, CA"));
        assert!(looks_like_location("Seoul, S.Korea"));
        assert!(!looks_like_location("Omnious. Co., Ltd."));
        assert!(!looks_like_location("Nexus AI, Co-Founder & CTO"));
        assert!(title_score("Co-Founder & CTO") > 0);
        assert_eq!(title_score("Nexus AI"), 0);
        let t = "Engineer, Acme | Jan 2019 - Present";
        let r = find_date_range(t).map(|r| r.span).unwrap_or_default();
        assert_eq!(cut(t, r), "Engineer, Acme");
        assert_eq!(
            split_parts("Title | Company | Berlin"),
            ["Title", "Company", "Berlin"]
        );
    }
}
