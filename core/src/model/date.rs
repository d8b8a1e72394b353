//! Partial dates and date ranges as people write them on resumes and job posts.
//!
//! `2020`, `2020-01`, `2020-01-15`, `01/2020`, `Jan 2020`, `Sept. 2019`, `janv. 2020`,
//! `März 2021`, `enero de 2020`, `15.01.2020`, and ranges such as `2020 – heute`,
//! `Jan 2020 to Present`, `since 2019`, in English, German, French and Spanish.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// A date with optional month and day, as resumes give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// A year-only date.
    pub fn year(year: u16) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A year and month.
    pub fn month(year: u16, month: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// Parses the JSON Resume form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking ranges.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let mut parts = s.trim().splitn(3, '-');
        let year: u16 = parts.next()?.parse().ok()?;
        if !(1000..=9999).contains(&year) {
            return None;
        }
        let month = match parts.next() {
            Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        Some(PartialDate { year, month, day })
    }

    /// Months since year 0, taking a missing month as `default_month` (1 for starts, 12 for ends).
    pub fn months(&self, default_month: u8) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month.unwrap_or(default_month)) - 1
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// One end of a range: a date, or "present".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePoint {
    Date(PartialDate),
    Present,
}

/// A date range found in a line of text, with its byte span so callers can cut it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub start: Option<PartialDate>,
    /// `None` when the text gives a single date (a graduation date, say).
    pub end: Option<DatePoint>,
    pub span: (usize, usize),
}

const MONTHS: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
];

const PRESENT: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "today",
    "ongoing",
    "to date",
    "till date",
    "heute",
    "bis heute",
    "aktuell",
    "jetzt",
    "derzeit",
    "laufend",
    "présent",
    "present",
    "actuel",
    "actuellement",
    "aujourd'hui",
    "aujourd’hui",
    "en cours",
    "presente",
    "actualidad",
    "actual",
    "hoy",
    "la fecha",
];

/// Seasons give the year only: the month would be a guess.
const SEASONS: &[&str] = &[
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "frühling",
    "frühjahr",
    "sommer",
    "herbst",
    "printemps",
    "été",
    "automne",
    "hiver",
    "primavera",
    "verano",
    "otoño",
    "invierno",
    "sommersemester",
    "wintersemester",
];

fn month_number(name: &str) -> Option<u8> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

fn alternation(words: impl Iterator<Item = String>) -> String {
    let mut w: Vec<String> = words.map(|s| regex::escape(&s)).collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.dedup();
    w.join("|")
}

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let months = alternation(MONTHS.iter().map(|(m, _)| (*m).to_string()));
    let present = alternation(PRESENT.iter().map(|p| (*p).to_string()));
    let seasons = alternation(SEASONS.iter().map(|p| (*p).to_string()));
    let pattern = format!(
        r"(?xi)
        (?P<present>\b(?:{present})\b)
        | (?:\b(?P<d1>\d{{1,2}})\.?\s+)?\b(?P<mon1>{months})\b\.?,?\s*(?:de\s+|of\s+)?(?P<y1>\d{{4}}|'\d{{2}}|’\d{{2}})\b
        | \b(?P<mon2>{months})\b\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})\b
        | \b(?P<y3>(?:19|20)\d{{2}})[-/.](?P<m3>\d{{1,2}})(?:[-/.](?P<d3>\d{{1,2}}))?\b
        | \b(?P<a4>\d{{1,2}})[/.](?P<b4>\d{{1,2}})[/.](?P<y4>(?:19|20)\d{{2}})\b
        | \b(?P<m5>\d{{1,2}})[/.\-](?P<y5>(?:19|20)\d{{2}})\b
        | \b(?P<season>{seasons})\b\s+(?:de\s+|of\s+)?(?P<ys>(?:19|20)\d{{2}})\b
        | \b(?P<y6>(?:19|20)\d{{2}})\b
        "
    );
    Regex::new(&pattern).expect("date pattern is valid")
});

static SEP_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:-{1,2}|–|—|―|‒|~|to|until|till|through|thru|bis|à|au|a|al|hasta|[|/])\s*)?(?:(?:exp\.?|expected|voraussichtlich|prévu|previsto)\s*)?$",
    )
        .expect("separator pattern is valid")
});

static SINCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:since|seit|depuis|desde|from|ab|von|de)\s*:?\s*$")
        .expect("since pattern is valid")
});

fn year_of(s: &str) -> Option<u16> {
    let s = s.trim_start_matches(['\'', '’']);
    let y: u16 = s.parse().ok()?;
    let y = if s.len() == 2 {
        if y > 50 { 1900 + y } else { 2000 + y }
    } else {
        y
    };
    (1940..=2100).contains(&y).then_some(y)
}

fn point_from(c: &regex::Captures<'_>) -> Option<DatePoint> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u8>().ok());
    if c.name("present").is_some() {
        return Some(DatePoint::Present);
    }
    let valid_day = |d: Option<u8>| d.filter(|d| (1..=31).contains(d));
    if let Some(mon) = c.name("mon1") {
        let y = year_of(c.name("y1")?.as_str())?;
        return Some(DatePoint::Date(PartialDate {
            year: y,
            month: month_number(mon.as_str()),
            day: valid_day(num("d1")),
        }));
    }
    if let Some(mon) = c.name("mon2") {
        let y = year_of(c.name("y2")?.as_str())?;
        return Some(DatePoint::Date(PartialDate {
            year: y,
            month: month_number(mon.as_str()),
            day: valid_day(num("d2")),
        }));
    }
    if let Some(y) = c.name("y3") {
        let m = num("m3").filter(|m| (1..=12).contains(m))?;
        return Some(DatePoint::Date(PartialDate {
            year: year_of(y.as_str())?,
            month: Some(m),
            day: valid_day(num("d3")),
        }));
    }
    if let Some(y) = c.name("y4") {
        let (a, b) = (num("a4")?, num("b4")?);
        let whole = c.get(0)?.as_str();
        // Dots mean day.month.year (Europe); slashes mean month/day/year unless the first is > 12.
        let (d, m) = if whole.contains('.') || a > 12 {
            (a, b)
        } else {
            (b, a)
        };
        if !(1..=12).contains(&m) {
            return None;
        }
        return Some(DatePoint::Date(PartialDate {
            year: year_of(y.as_str())?,
            month: Some(m),
            day: valid_day(Some(d)),
        }));
    }
    if let Some(y) = c.name("y5") {
        let m = num("m5").filter(|m| (1..=12).contains(m))?;
        return Some(DatePoint::Date(PartialDate::month(year_of(y.as_str())?, m)));
    }
    if let Some(y) = c.name("ys") {
        return Some(DatePoint::Date(PartialDate::year(year_of(y.as_str())?)));
    }
    if let Some(y) = c.name("y6") {
        return Some(DatePoint::Date(PartialDate::year(year_of(y.as_str())?)));
    }
    None
}

/// Every date or "present" mention in `text`, with byte spans, in order.
pub fn find_dates(text: &str) -> Vec<(DatePoint, (usize, usize))> {
    DATE_RE
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            // "present" alone is only a date next to another date; callers decide.
            point_from(&c).map(|p| (p, (m.start(), m.end())))
        })
        .collect()
}

/// Parses one date (or "present") that makes up the whole of `text`.
pub fn parse_date(text: &str) -> Option<DatePoint> {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '(' || c == ')' || c == ',');
    let c = DATE_RE.captures(t)?;
    let m = c.get(0)?;
    (m.start() == 0 && m.end() == t.len())
        .then(|| point_from(&c))
        .flatten()
}

/// Finds the date range in a line: the first `start – end` pair, else the first `since start`,
/// else the first lone date. Two dates separated only by spaces (`Sep. 2013 Mar. 2014`, as a
/// PDF shows a range whose dash was a soft hyphen) count as a range.
pub fn find_date_range(text: &str) -> Option<DateRange> {
    // Every range needs a year (or a numeric date): skip the regex on lines without digits.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let dates = find_dates(text);
    for pair in dates.windows(2) {
        let [(p, (s, e)), (q, (s2, e2))] = [pair[0], pair[1]];
        if let DatePoint::Date(start) = p {
            if SEP_RE.is_match(&text[e..s2]) {
                return Some(DateRange {
                    start: Some(start),
                    end: Some(q),
                    span: (s, e2),
                });
            }
        }
    }
    for &(p, (s, e)) in &dates {
        if let DatePoint::Date(start) = p {
            if let Some(m) = SINCE_RE.find(&text[..s]) {
                return Some(DateRange {
                    start: Some(start),
                    end: Some(DatePoint::Present),
                    span: (m.start(), e),
                });
            }
        }
    }
    dates.iter().find_map(|&(p, span)| match p {
        DatePoint::Date(start) => Some(DateRange {
            start: Some(start),
            end: None,
            span,
        }),
        DatePoint::Present => None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: u16, m: Option<u8>) -> DatePoint {
        DatePoint::Date(PartialDate {
            year: y,
            month: m,
            day: None,
        })
    }

    #[test]
    fn single_dates_in_four_languages() {
        assert_eq!(parse_date("2020"), Some(d(2020, None)));
        assert_eq!(parse_date("2020-01"), Some(d(2020, Some(1))));
        assert_eq!(parse_date("01/2020"), Some(d(2020, Some(1))));
        assert_eq!(parse_date("Jan 2020"), Some(d(2020, Some(1))));
        assert_eq!(parse_date("Sept. 2019"), Some(d(2019, Some(9))));
        assert_eq!(parse_date("janv. 2020"), Some(d(2020, Some(1))));
        assert_eq!(parse_date("März 2021"), Some(d(2021, Some(3))));
        assert_eq!(parse_date("enero de 2020"), Some(d(2020, Some(1))));
        assert_eq!(parse_date("Present"), Some(DatePoint::Present));
        assert_eq!(parse_date("heute"), Some(DatePoint::Present));
        assert_eq!(parse_date("actualidad"), Some(DatePoint::Present));
        assert_eq!(
            parse_date("15.01.2020"),
            Some(DatePoint::Date(PartialDate {
                year: 2020,
                month: Some(1),
                day: Some(15)
            }))
        );
        assert_eq!(parse_date("13/2020"), None);
    }

    #[test]
    fn ranges() {
        let r = find_date_range("Acme Corp   Jan 2020 – Present").unwrap();
        assert_eq!(r.start, Some(PartialDate::month(2020, 1)));
        assert_eq!(r.end, Some(DatePoint::Present));
        let r = find_date_range("2018 - 2020").unwrap();
        assert_eq!(r.end, Some(d(2020, None)));
        let r = find_date_range("2020 – heute").unwrap();
        assert_eq!(r.end, Some(DatePoint::Present));
        let r = find_date_range("since 2019").unwrap();
        assert_eq!(
            (r.start, r.end, r.span.0),
            (Some(PartialDate::year(2019)), Some(DatePoint::Present), 0)
        );
        let r = find_date_range("Sept. 2019 à janv. 2021").unwrap();
        assert_eq!(r.end, Some(d(2021, Some(1))));
        let r = find_date_range("Mar. 2016 Exp. Jun. 2017").unwrap();
        assert_eq!(
            (r.start, r.end),
            (Some(PartialDate::month(2016, 3)), Some(d(2017, Some(6))))
        );
        let r = find_date_range("Summer 2022").unwrap();
        assert_eq!((r.start, r.end), (Some(PartialDate::year(2022)), None));
        let r = find_date_range("Class of 2012, Jan 2020 - Present").unwrap();
        assert_eq!(
            (r.start, r.end),
            (Some(PartialDate::month(2020, 1)), Some(DatePoint::Present))
        );
        let r = find_date_range("BS in CS, May 2016").unwrap();
        assert_eq!((r.start, r.end), (Some(PartialDate::month(2016, 5)), None));
    }

    #[test]
    fn iso_round_trip() {
        for s in ["2020", "2020-01", "2020-01-15"] {
            assert_eq!(PartialDate::parse_iso(s).unwrap().to_string(), s);
        }
        assert!(PartialDate::parse_iso("2020-13").is_none());
    }
}
