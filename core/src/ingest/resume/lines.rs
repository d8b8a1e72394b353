//! Line preparation: drop page furniture (running headers, footers, page numbers), rejoin
//! lines that a PDF wrapped, and mark bullets that the extractor left on a line of their own.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{entries, sections};
use crate::ingest::doc::{BULLETS, Line};
use crate::model::date::{DateRange, find_date_range};

/// A prepared line with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct RLine {
    pub text: String,
    pub bullet: bool,
    /// The source marked it as a heading.
    pub hint: bool,
    pub size: Option<f32>,
    pub page: u32,
    /// 1-based first and last source line.
    pub first: u32,
    pub last: u32,
    /// An empty line came before it in the source.
    pub gap_before: bool,
    /// Date or duration cells from the right of the same row (see `side_cells`).
    pub side: Vec<String>,
    /// The date range that makes this line an entry's anchor (see [`entries::find_anchor`]).
    pub anchor: Option<DateRange>,
}

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:page|seite|página|pág\.?|p\.)\s*\d+(?:\s*(?:of|von|de|sur|/)\s*\d+)?
          | \d{1,2}\s*/\s*\d{1,2}
          | \d{1,2}
          | .{0,60}?\s[–—-]\s*(?:page\s*)?\d{1,2}\s*/\s*\d{1,2}
          | (?:last\s+updated|zuletzt\s+aktualisiert|dernière\s+mise\s+à\s+jour|última\s+actualización)\b.*
        )$",
    )
    .expect("furniture pattern is valid")
});

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?\d{1,2}[.)]\s+(\S.*)$").expect("numbered pattern is valid"));

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\(?\s*(?:\d+\+?\s*(?:years?|yrs?|months?|mos?|jahre?n?|monate?n?|ans?|mois|años?|meses?)\b[\s,]*){1,2}\)?$",
    )
    .expect("duration pattern is valid")
});

/// A line that only states how long something lasted ("2 years 10 months").
pub fn is_duration(text: &str) -> bool {
    DURATION.is_match(text.trim())
}

/// Bullet glyphs beyond the extractors' list (diamonds, arrows, stars).
const MORE_BULLETS: &[char] = &[
    '◆', '◇', '❖', '➤', '→', '✦', '★', '☆', '⚫', '⦁', '◾', '◽', '▫', '▶', '❯', '»', '⮚', '➔',
    '✗', '♦', '⬥', '⁌',
];

/// Prepares the extracted lines for parsing.
pub fn prepare(lines: &[Line]) -> Vec<RLine> {
    let furniture = repeated_furniture(lines);
    let icon = icon_bullet(lines);
    let mut out: Vec<RLine> = Vec::with_capacity(lines.len());
    let mut gap = false;
    let mut pending_bullet = false;
    for (i, l) in lines.iter().enumerate() {
        let text = l.text.trim();
        if text.is_empty() {
            gap = true;
            continue;
        }
        if let Some(rule) = rule_char(text) {
            // Setext-style underline ("Experience" over "----------"): the line above is a heading.
            if let Some(p) = out.last_mut().filter(|p| {
                !gap && !p.bullet && p.last as usize == i && underlines(&p.text, text, rule)
            }) {
                p.hint = true;
            }
            gap = true;
            pending_bullet = false;
            continue;
        }
        if text
            .chars()
            .all(|c| BULLETS.contains(&c) || c.is_whitespace())
        {
            pending_bullet = true;
            continue;
        }
        if FURNITURE.is_match(text) || furniture.contains(&i) {
            continue;
        }
        let mut bullet = l.bullet || pending_bullet;
        let mut text = text.to_string();
        if !bullet {
            if let Some(rest) = icon
                .and_then(|c| text.strip_prefix(c))
                .and_then(|r| r.strip_prefix(' '))
            {
                text = rest.trim_start().to_string();
                bullet = true;
            } else if let Some(rest) = text.strip_prefix(MORE_BULLETS) {
                text = rest.trim_start().to_string();
                bullet = true;
            }
        }
        pending_bullet = false;
        if !bullet && !l.heading {
            if let Some(c) = NUMBERED.captures(&text) {
                let rest = c.get(1).map_or("", |m| m.as_str());
                if !rest.starts_with(|c: char| c.is_ascii_digit()) {
                    text = rest.to_string();
                    bullet = true;
                }
            }
        }
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let (text, side) = side_cells(&text);
        out.push(RLine {
            text,
            bullet,
            hint: l.heading,
            size: l.size,
            page: l.page,
            first: no,
            last: no,
            gap_before: gap,
            side,
            anchor: None,
        });
        gap = false;
    }
    for l in &mut out {
        l.anchor = entries::find_anchor(l);
    }
    let mut out = expand_sides(join_wraps(out));
    // Joined lines and split-off cells changed their text.
    for l in out
        .iter_mut()
        .filter(|l| l.first != l.last || l.anchor.is_none() && !l.bullet)
    {
        l.anchor = entries::find_anchor(l);
    }
    out
}

/// The character of a horizontal rule in plain text (`-----`, `=====`, `_____`, `~~~~~`).
fn rule_char(text: &str) -> Option<char> {
    let first = text.chars().next()?;
    (matches!(first, '-' | '=' | '_' | '~' | '*' | '#' | '─' | '━' | '═')
        && text.chars().count() >= 3
        && text.chars().all(|c| c == first || c == ' '))
    .then_some(first)
}

/// Whether `rule` underlines `above` as a heading: a short line, the rule about as long.
fn underlines(above: &str, rule: &str, c: char) -> bool {
    let (a, r) = (above.chars().count(), rule.chars().count());
    a <= 60 && (c != '*' && c != '#') && r * 2 >= a && r <= a * 2 + 4
}

/// Cells at the end of a row (`… | May 2022 – Aug 2022 | 4 months`) that are only dates or
/// durations: a right-aligned column that extraction put on the same row as a bullet.
fn side_cells(text: &str) -> (String, Vec<String>) {
    let mut main = text;
    let mut side = Vec::new();
    while let Some(i) = main.rfind(" | ") {
        let cell = main[i + 3..].trim();
        let dated = find_date_range(cell)
            .is_some_and(|r| r.span.0 == 0 && r.span.1 >= cell.trim_end_matches(['.', ')']).len());
        if !(dated || is_duration(cell)) {
            break;
        }
        side.insert(0, cell.to_string());
        main = main[..i].trim_end();
    }
    (main.to_string(), side)
}

/// Puts side cells back: on head lines as they were; after bullets as lines of their own.
fn expand_sides(lines: Vec<RLine>) -> Vec<RLine> {
    let mut out = Vec::with_capacity(lines.len());
    for mut l in lines {
        let side = std::mem::take(&mut l.side);
        if l.bullet {
            let template = RLine {
                bullet: false,
                hint: false,
                gap_before: false,
                ..l.clone()
            };
            out.push(l);
            out.extend(side.into_iter().map(|text| RLine {
                text,
                ..template.clone()
            }));
        } else {
            for cell in side {
                l.text.push_str(" | ");
                l.text.push_str(&cell);
            }
            out.push(l);
        }
    }
    out
}

/// A letter that an icon font left as a bullet ("f Developed ...", "o Item" from Word): the same
/// lone lowercase letter starting three or more lines.
fn icon_bullet(lines: &[Line]) -> Option<char> {
    let mut counts = [0u32; 26];
    for l in lines {
        let mut cs = l.text.chars();
        if let (Some(c), Some(' ')) = (cs.next(), cs.next()) {
            if c.is_ascii_lowercase() && !matches!(c, 'a' | 'i' | 'y' | 'e' | 'o' | 'à' | 'á')
                || c == 'o' && l.text.len() > 2
            {
                counts[(c as u8 - b'a') as usize] += 1;
            }
        }
    }
    let (i, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (n >= 3).then(|| char::from(b'a' + u8::try_from(i).unwrap_or(0)))
}

/// Lines near the top or bottom of a page whose text (digits ignored) repeats on other pages.
fn repeated_furniture(lines: &[Line]) -> std::collections::HashSet<usize> {
    let mut found = std::collections::HashSet::new();
    let pages = lines.iter().map(|l| l.page).max().unwrap_or(1);
    if pages < 2 {
        return found;
    }
    // Index of each line within its page, from the top and from the bottom.
    let mut per_page: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.text.trim().is_empty() {
            per_page.entry(l.page).or_default().push(i);
        }
    }
    let mut seen: HashMap<String, (u32, Vec<usize>)> = HashMap::new();
    for (page, idx) in &per_page {
        let n = idx.len();
        for (k, &i) in idx.iter().enumerate() {
            // The top of the first page is the name and contact line, repeated in footers.
            if *page == 1 && k < 3 {
                continue;
            }
            if k < 3 || k + 3 >= n {
                let key: String = lines[i]
                    .text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .flat_map(char::to_lowercase)
                    .collect();
                if key.len() < 3 {
                    continue;
                }
                let e = seen.entry(key).or_insert((0, Vec::new()));
                if !e.1.iter().any(|&j| lines[j].page == *page) {
                    e.0 += 1;
                }
                e.1.push(i);
            }
        }
    }
    for (_, (count, idx)) in seen {
        if count >= 2 {
            found.extend(idx);
        }
    }
    // The last line of a page that ends with the page's own number ("… Curriculum Vitae | 1").
    for (page, idx) in &per_page {
        if let Some(&last) = idx.last() {
            let t = lines[last].text.trim();
            let num = page.to_string();
            let ends = t
                .strip_suffix(num.as_str())
                .is_some_and(|r| r.ends_with([' ', '|', '-', '/']) || r.is_empty());
            if ends && t.split_whitespace().count() <= 14 && *page < pages {
                found.insert(last);
            }
        }
    }
    found
}

/// The length of a full line: the 90th percentile of line lengths, so wrapped lines can be told.
fn full_width(lines: &[RLine]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)].max(40)
}

/// Joins a line onto the one before when it continues a wrapped sentence.
fn join_wraps(lines: Vec<RLine>) -> Vec<RLine> {
    let width = full_width(&lines);
    let mut out: Vec<RLine> = Vec::with_capacity(lines.len());
    let mut prev_len = 0usize;
    let mut prev_end = ' ';
    // Whether a date line follows within three lines: then a short line is an entry's head.
    let dated: Vec<bool> = lines.iter().map(|l| l.anchor.is_some()).collect();
    let anchored: Vec<bool> = (0..lines.len())
        .map(|i| dated.iter().skip(i + 1).take(3).any(|d| *d))
        .collect();
    for (i, l) in lines.into_iter().enumerate() {
        let len = l.text.chars().count();
        let joinable = match out.last() {
            Some(p) => {
                !l.bullet
                    && !l.hint
                    && !l.gap_before
                    && p.page == l.page
                    && continues(p, &l, prev_len, prev_end, width, anchored[i])
            }
            None => false,
        };
        prev_len = len;
        prev_end = l.text.chars().last().unwrap_or(' ');
        if joinable {
            if let Some(p) = out.last_mut() {
                if p.text.ends_with('-')
                    && l.text.starts_with(char::is_lowercase)
                    && !p.text.ends_with(" -")
                {
                    p.text.pop();
                } else {
                    p.text.push(' ');
                }
                p.text.push_str(&l.text);
                p.last = l.last;
                p.side.extend(l.side);
            }
        } else {
            out.push(l);
        }
    }
    out
}

fn continues(
    p: &RLine,
    l: &RLine,
    prev_len: usize,
    prev_end: char,
    width: usize,
    anchored: bool,
) -> bool {
    if p.hint || sections::heading_shape(&l.text) && sections::vocab_kind(&l.text).is_some() {
        return false;
    }
    // "Oktober 2013 –" over "September 2016": a range broken after its dash.
    if p.text.trim_end().ends_with(['–', '—', '-']) {
        let before = p.text.trim_end_matches(['–', '—', '-', ' ']);
        if before.ends_with(|c: char| c.is_ascii_digit())
            && find_date_range(&l.text).is_some_and(|r| r.span.0 == 0)
        {
            return true;
        }
    }
    // A line that starts with an address or a link is a contact line ("jane@example.com").
    if l.text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.contains('@') || w.starts_with("http") || w.starts_with("www."))
    {
        return false;
    }
    // A line that is a date range ("mayo 2019 – diciembre 2021": lowercase months) stands alone.
    if l.anchor.is_some_and(|r| r.span.0 == 0 && r.end.is_some()) {
        return false;
    }
    let first = l.text.chars().next().unwrap_or(' ');
    let lower = first.is_lowercase() || matches!(first, '(' | '&' | ')' | '%');
    let long_prev =
        prev_len * 100 >= width * 85 && !matches!(prev_end, '.' | '!' | '?' | ':' | ';');
    let open = matches!(prev_end, ',' | '-' | '&' | '(' | '/')
        || p.text.ends_with(" and")
        || p.text.ends_with(" of");
    if !(p.bullet || prev_len * 10 >= width * 7) || is_duration(&l.text) {
        return false;
    }
    if !lower && (find_date_range(&l.text).is_some() || entries::looks_like_location(&l.text)) {
        return false;
    }
    if p.bullet {
        // A bullet wraps onto a lowercase word, after an open end, or after a full-width line.
        let short_tail = l.text.split_whitespace().count() <= 3
            && !anchored
            && entries::title_score(&l.text) == 0
            && entries::org_score(&l.text) == 0;
        let words = l.text.split_whitespace().count();
        let sentence = !anchored
            && (words > 6
                || entries::title_score(&l.text) == 0 && entries::org_score(&l.text) == 0);
        lower && (long_prev || open || prev_len * 10 >= width * 5)
            || long_prev && (open || short_tail || sentence)
    } else {
        // Prose wraps only onto lowercase words or after an open end; a labelled list onto more list.
        let label = |t: &str| t.find(':').is_some_and(|i| i < 40);
        let list = label(&p.text)
            && p.text.matches(',').count() >= 2
            && l.text.contains(',')
            && !label(&l.text);
        (lower || open || list && !anchored) && prev_len * 10 >= width * 7
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::ingest::doc::line_from_plain;

    fn doc(text: &str) -> Vec<Line> {
        let mut page = 1;
        let mut out = Vec::new();
        for raw in text.lines() {
            if raw == "\u{c}" {
                page += 1;
                continue;
            }
            out.push(line_from_plain(raw, page));
        }
        out
    }

    #[test]
    fn joins_wrapped_bullets_and_drops_footers() {
        let lines = doc(
            "Jane Doe\n• Built foundation model infrastructure serving 2M+ monthly API requests with 99.97%\nuptime\n\
             • Short one\nAcme Corp\nJane Doe – 1/2\n\u{c}\nPage 2 of 2\n•\nSecond page item\n2 years 10 months",
        );
        let r = prepare(&lines);
        let texts: Vec<&str> = r.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Jane Doe",
                "Built foundation model infrastructure serving 2M+ monthly API requests with 99.97% uptime",
                "Short one",
                "Acme Corp",
                "Second page item",
                "2 years 10 months"
            ]
        );
        assert!(r[4].bullet);
        assert_eq!((r[1].first, r[1].last), (2, 3));
        assert!(
            is_duration("2 years 10 months")
                && is_duration("4 months")
                && !is_duration("4 engineers")
        );
    }

    #[test]
    fn underlines_mark_headings_and_rules_are_not_bullets() {
        let lines = doc(
            "Jane Doe\njane@example.com\n\nExperience\n----------\n\nAcme Corp\n* Built things\n\n\
             -----\nEducation\n=========\nTU Berlin, 2014 - 2018\n",
        );
        let r = prepare(&lines);
        let rows: Vec<(&str, bool, bool)> = r
            .iter()
            .map(|l| (l.text.as_str(), l.hint, l.bullet))
            .collect();
        assert_eq!(
            rows,
            [
                ("Jane Doe", false, false),
                ("jane@example.com", false, false),
                ("Experience", true, false),
                ("Acme Corp", false, false),
                ("Built things", false, true),
                ("Education", true, false),
                ("TU Berlin, 2014 - 2018", false, false),
            ]
        );
    }

    #[test]
    fn ranges_broken_after_the_dash_are_joined() {
        let lines = doc(
            "Friedrich-Alexander-Universität Erlangen-Nürnberg | Oktober 2013 –\nSeptember 2016\nB.Sc. Elektrotechnik",
        );
        let r = prepare(&lines);
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(r[0].text.ends_with("Oktober 2013 – September 2016"));
        assert!(r[0].anchor.is_some_and(|a| a.end.is_some()));
    }
}
