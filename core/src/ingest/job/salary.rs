//! Salary figures as postings write them: `$120k–$150k`, `€60.000 - €75.000 per year`,
//! `$45/hr`, `£50,000 pa`, `USD 100,000 - 120,000`, `$120,000 to $150,000 a year`.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Salary, SalaryPeriod};

const CODES: &str = "USD|EUR|GBP|CAD|AUD|NZD|CHF|INR|JPY|CNY|PLN|SEK|NOK|DKK|CZK|HUF|RON|BRL|MXN|ZAR|SGD|HKD|ILS|AED|TRY|UAH|PHP|NGN|KES|ARS|COP|CLP";
const SYMBOLS: &str =
    r"US\$|USD\$|CA\$|C\$|AU\$|A\$|NZ\$|HK\$|S\$|R\$|\$|€|£|¥|₹|₩|₽|₺|₪|₱|zł|(?-u:\b)kr(?-u:\b)";

static SALARY_RE: LazyLock<Regex> = LazyLock::new(|| {
    let cur = format!(r"(?:{SYMBOLS}|(?-u:\b)(?:{CODES})(?-u:\b))");
    let num = r"\d{1,3}(?:[,.\u{A0}\u{202F}\x20’']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?";
    let pattern = format!(
        r"(?ix)
        (?P<c1>{cur})?\s?
        (?P<a>{num})(?:\s?(?P<ka>k)(?-u:\b))?
        (?:\s*(?:-|–|—|to|and|bis|à)\s*(?P<c2>{cur})?\s?(?P<b>{num})(?:\s?(?P<kb>k)(?-u:\b))?)?
        (?:\s?(?P<c3>{cur}))?
        (?P<unit>\s*(?:/\s*|per\s+|an\s+|a\s+|each\s+|every\s+)?(?:hours?|hrs?|h|days?|weeks?|wk|months?|mo|years?|yrs?|annum|annually|hourly|daily|weekly|monthly|yearly|annual|pa)(?-u:\b)|\s*p\.a\.|\s*p/h)?
        "
    );
    Regex::new(&pattern).expect("static regex")
});

/// A currency sign or code: lines without one hold no salary (a cheap test before the full
/// pattern).
static CURRENCY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{SYMBOLS}|(?-u:\b)(?:{CODES})(?-u:\b)")).expect("static regex")
});

/// Words that make a line about pay (so a lone amount there is a salary).
static CONTEXT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(salary|salaries|compensation|pay|paid|wage|rate|base|ote|earn|earning|remuneration|gehalt|salaire|sueldo|range)(?-u:\b)").expect("static regex")
});

/// Lines about perks priced in money ("¥20,750 monthly allowance", "$500 learning budget").
static PERK_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(allowance|stipend|budget|reimburse\w*|bonus|credit|match|matching|setup|equipment|referral|relocation|per diem|perks?|wellness|gym|lunch(?:es)?|commuter|transit|phone|internet)(?-u:\b)").expect("static regex")
});

/// Amount words that mean the figure is not a salary (funding, revenue).
static NOT_PAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:m(?-u:\b)|mm(?-u:\b)|bn?(?-u:\b)|million|billion|trillion|\+?\s*(?:users|customers|employees|companies|people|members))").expect("static regex")
});

/// Finds the first salary in `text`. A match counts when it has a currency and either a range,
/// a period, or pay words on its line.
pub(crate) fn find(text: &str) -> Option<Salary> {
    for line in text.lines() {
        if !CURRENCY_RE.is_match(line) {
            continue;
        }
        if let Some(s) = find_in_line(line, CONTEXT_RE.is_match(line)) {
            return Some(s);
        }
    }
    None
}

/// Reads a value known to be a salary (a `Salary:` label, a board's salary field).
pub(crate) fn parse_value(text: &str) -> Option<Salary> {
    find_in_line(text, true)
}

fn find_in_line(line: &str, context: bool) -> Option<Salary> {
    if !CURRENCY_RE.is_match(line) || (!CONTEXT_RE.is_match(line) && PERK_RE.is_match(line)) {
        return None;
    }
    for c in SALARY_RE.captures_iter(line) {
        let whole = c.get(0)?;
        let code = [c.name("c1"), c.name("c2"), c.name("c3")]
            .into_iter()
            .flatten()
            .map(|m| currency(m.as_str()))
            .next();
        let Some(code) = code else { continue };
        if NOT_PAY_RE.is_match(&line[whole.end()..]) {
            continue;
        }
        let Some(a) = c.name("a").and_then(|m| number(m.as_str())) else {
            continue;
        };
        let b = c.name("b").and_then(|m| number(m.as_str()));
        let k_b = c.name("kb").is_some();
        // "$120-150k": one k for both.
        let k_a = c.name("ka").is_some() || (k_b && b.is_some_and(|b| a <= b && a < 1000.0));
        let a = if k_a { a * 1000.0 } else { a };
        let b = b.map(|b| if k_b { b * 1000.0 } else { b });
        let unit = c.name("unit").map(|m| m.as_str().trim().to_lowercase());
        let period = unit.as_deref().and_then(period_of);
        let ranged = b.is_some();
        if !(ranged || period.is_some() || context) {
            continue;
        }
        let (min, max) = match b {
            Some(b) if b >= a => (a, b),
            Some(b) => (b, a),
            None => (a, a),
        };
        let period = period.unwrap_or(if max >= 10_000.0 {
            SalaryPeriod::Year
        } else if max < 300.0 {
            SalaryPeriod::Hour
        } else {
            SalaryPeriod::Month
        });
        if !plausible(min, max, period) {
            continue;
        }
        return Some(Salary {
            min: Some(min),
            max: ranged.then_some(max),
            currency: Some(code.to_string()),
            period,
        });
    }
    None
}

fn plausible(min: f64, max: f64, period: SalaryPeriod) -> bool {
    let (lo, hi) = match period {
        SalaryPeriod::Hour => (1.0, 2_000.0),
        SalaryPeriod::Day => (10.0, 20_000.0),
        SalaryPeriod::Week => (50.0, 100_000.0),
        SalaryPeriod::Month => (100.0, 2_000_000.0),
        SalaryPeriod::Year => (1_000.0, 50_000_000.0),
    };
    min >= lo && max <= hi && max <= min * 20.0
}

fn period_of(unit: &str) -> Option<SalaryPeriod> {
    let spaced = unit.replace('/', " ");
    let u = spaced.split_whitespace().last()?;
    let u = if u.len() > 2 {
        u.strip_suffix('s').unwrap_or(u)
    } else {
        u
    };
    Some(match u {
        "hour" | "hr" | "h" | "hourly" | "p/h" => SalaryPeriod::Hour,
        "day" | "daily" => SalaryPeriod::Day,
        "week" | "wk" | "weekly" => SalaryPeriod::Week,
        "month" | "mo" | "monthly" => SalaryPeriod::Month,
        "year" | "yr" | "annum" | "annually" | "yearly" | "annual" | "pa" | "p.a." => {
            SalaryPeriod::Year
        }
        _ => return None,
    })
}

/// ISO 4217 code for a symbol or code.
pub(crate) fn currency(s: &str) -> &'static str {
    match s.trim() {
        "$" | "US$" | "USD$" => "USD",
        "CA$" | "C$" => "CAD",
        "AU$" | "A$" => "AUD",
        "NZ$" => "NZD",
        "HK$" => "HKD",
        "S$" => "SGD",
        "R$" => "BRL",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₪" => "ILS",
        "₱" => "PHP",
        "zł" => "PLN",
        "kr" => "SEK",
        other => {
            let up = other.to_ascii_uppercase();
            CODES.split('|').find(|c| *c == up).unwrap_or("USD")
        }
    }
}

/// Parses `120,000`, `60.000`, `60 000`, `1.5`, `50,000.00`, `60.000,50`.
pub(crate) fn number(s: &str) -> Option<f64> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '’' | '\''))
        .collect();
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(p), None) | (None, Some(p)) => {
            let sep = s.as_bytes()[p];
            let count = s.bytes().filter(|&b| b == sep).count();
            let digits_after = s.len() - p - 1;
            if count == 1 && digits_after != 3 {
                Some(p)
            } else {
                None
            }
        }
        (None, None) => None,
    };
    let mut out = String::with_capacity(s.len());
    for (i, ch) in s.char_indices() {
        if ch.is_ascii_digit() {
            out.push(ch);
        } else if Some(i) == decimal {
            out.push('.');
        }
    }
    out.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Option<(Option<f64>, Option<f64>, String, SalaryPeriod)> {
        find(t).map(|s| (s.min, s.max, s.currency.unwrap_or_default(), s.period))
    }

    #[test]
    fn issue_examples() {
        use SalaryPeriod::*;
        assert_eq!(
            s("Pay: $120k–$150k"),
            Some((Some(120_000.0), Some(150_000.0), "USD".into(), Year))
        );
        assert_eq!(
            s("€60.000 - €75.000 per year"),
            Some((Some(60_000.0), Some(75_000.0), "EUR".into(), Year))
        );
        assert_eq!(
            s("Rate: $45/hr"),
            Some((Some(45.0), None, "USD".into(), Hour))
        );
        assert_eq!(
            s("£50,000 pa"),
            Some((Some(50_000.0), None, "GBP".into(), Year))
        );
        assert_eq!(
            s("USD 100,000 - 120,000"),
            Some((Some(100_000.0), Some(120_000.0), "USD".into(), Year))
        );
        assert_eq!(
            s("$120,000 to $150,000 a year"),
            Some((Some(120_000.0), Some(150_000.0), "USD".into(), Year))
        );
        assert_eq!(
            s("Salary Range: PLN 350,700 - 474,400 + Benefits"),
            Some((Some(350_700.0), Some(474_400.0), "PLN".into(), Year))
        );
        assert_eq!(
            s("$120-150k base"),
            Some((Some(120_000.0), Some(150_000.0), "USD".into(), Year))
        );
        assert_eq!(
            s("55 000 – 65 000 € par an"),
            Some((Some(55_000.0), Some(65_000.0), "EUR".into(), Year))
        );
        assert_eq!(
            s("CA$90,000–110,000 annually"),
            Some((Some(90_000.0), Some(110_000.0), "CAD".into(), Year))
        );
        assert_eq!(
            s("$4,000 - $5,000 per month"),
            Some((Some(4_000.0), Some(5_000.0), "USD".into(), Month))
        );
    }

    #[test]
    fn not_salaries() {
        assert_eq!(s("We raised $20M from investors"), None);
        assert_eq!(s("Revenue: $1 to $2 billion (USD)"), None);
        assert_eq!(s("Founded in 1993, we have 5000 employees"), None);
        assert_eq!(s("We serve 120,000 customers"), None);
        assert_eq!(s("401k match and $500 learning budget"), None);
        assert_eq!(s("$200/month Quality of Life perk"), None);
        assert_eq!(
            s("¥20,750 monthly allowance for cell phone and internet"),
            None
        );
        assert_eq!(
            s("Annual bonus on top of a base salary of $100,000"),
            Some((Some(100_000.0), None, "USD".into(), SalaryPeriod::Year))
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(number("120,000"), Some(120_000.0));
        assert_eq!(number("60.000"), Some(60_000.0));
        assert_eq!(number("60.000,50"), Some(60_000.5));
        assert_eq!(number("1.5"), Some(1.5));
        assert_eq!(number("45"), Some(45.0));
        assert_eq!(number("1,234,567.89"), Some(1_234_567.89));
    }
}
