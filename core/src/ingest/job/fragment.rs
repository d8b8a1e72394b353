//! HTML fragments inside job-board JSON and JSON-LD (`description`, `content`) to lines.
//!
//! Board payloads carry small, simple HTML (paragraphs, lists, bold headings), often escaped
//! once more (Greenhouse) and sometimes with UTF-8 read as Latin-1 (RemoteOK). A full HTML
//! parser is not needed for these and would cost far more per posting than this pass.

use crate::ingest::doc::{Line, clean, line_from_plain};

/// Tags that end a line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "main",
    "aside",
    "nav",
    "figure",
];

/// Turns a description into lines. Text without tags keeps its own line breaks; HTML follows
/// HTML's whitespace rules, with `<li>` as bullets and `<h*>` or all-bold lines as headings.
pub(crate) fn to_lines(raw: &str) -> Vec<Line> {
    let fixed = fix_mojibake(raw);
    let mut text: &str = &fixed;
    // Greenhouse escapes the HTML once more: `&lt;p&gt;`.
    let unescaped;
    if !text.contains('<') && text.contains("&lt;") {
        unescaped = decode_entities(text);
        text = &unescaped;
    }
    if !looks_like_html(text) {
        return decode_entities(text)
            .lines()
            .map(|l| line_from_plain(l, 1))
            .collect();
    }
    html_lines(text)
}

/// A description as plain text: HTML converted, plain text kept as written.
pub(crate) fn description_text(raw: &str) -> String {
    if looks_like_html(raw) || (!raw.contains('<') && raw.contains("&lt;")) {
        to_text(raw)
    } else {
        decode_entities(raw).trim().to_string()
    }
}

/// The plain text of a description, lines joined with newlines and bullets as `- `.
pub(crate) fn to_text(raw: &str) -> String {
    let mut out = String::new();
    for l in to_lines(raw) {
        if l.text.is_empty() {
            continue;
        }
        if l.bullet {
            out.push_str("- ");
        }
        out.push_str(&l.text);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

fn looks_like_html(s: &str) -> bool {
    let lower = s
        .get(..s.len().min(20_000))
        .unwrap_or(s)
        .to_ascii_lowercase();
    [
        "<p", "<br", "<div", "<li", "<ul", "<h1", "<h2", "<h3", "<h4", "<strong", "<b>", "<span",
        "<em", "<a ", "<table", "<i>",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

#[derive(Default)]
struct Builder {
    lines: Vec<Line>,
    cur: String,
    bullet: bool,
    heading: bool,
    /// Characters of the current line written inside `<b>`/`<strong>`, to spot bold headings.
    bold_chars: usize,
    plain_chars: usize,
}

impl Builder {
    fn text(&mut self, t: &str, bold: bool) {
        let decoded = decode_entities(t);
        for c in decoded.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if c == ' ' {
                if !self.cur.is_empty() && !self.cur.ends_with(' ') {
                    self.cur.push(' ');
                }
                continue;
            }
            if bold {
                self.bold_chars += 1;
            } else {
                self.plain_chars += 1;
            }
            self.cur.push(c);
        }
    }

    fn end_line(&mut self) {
        let text = clean(&self.cur);
        if !text.is_empty() {
            let bold_line =
                self.bold_chars > 0 && self.plain_chars <= 1 && text.chars().count() <= 80;
            // A bullet typed as text inside a paragraph ("• Python").
            let mut line = if self.bullet {
                Line::plain(text)
            } else {
                line_from_plain(&text, 1)
            };
            line.bullet |= self.bullet;
            line.heading = self.heading || (bold_line && !line.bullet);
            self.lines.push(line);
        }
        self.cur.clear();
        self.bullet = false;
        self.heading = false;
        self.bold_chars = 0;
        self.plain_chars = 0;
    }
}

fn html_lines(html: &str) -> Vec<Line> {
    let mut b = Builder::default();
    let mut bold = 0usize;
    let mut skip: Option<String> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip.is_none() {
                b.text(rest, bold > 0);
            }
            break;
        };
        if skip.is_none() {
            b.text(&rest[..lt], bold > 0);
        }
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            // A lone `<` in text.
            if skip.is_none() {
                b.text("<", bold > 0);
            }
            rest = after;
            continue;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(s) = &skip {
            if closing && &name == s {
                skip = None;
            }
            continue;
        }
        match name.as_str() {
            "script" | "style" | "noscript" | "template" if !closing => skip = Some(name),
            "b" | "strong" => {
                if closing {
                    bold = bold.saturating_sub(1);
                } else {
                    bold += 1;
                }
            }
            n if BLOCK.contains(&n) => {
                b.end_line();
                if !closing {
                    match n {
                        "li" => b.bullet = true,
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => b.heading = true,
                        _ => {}
                    }
                }
            }
            "td" | "th" if closing => b.cur.push_str(" | "),
            _ => {}
        }
    }
    b.end_line();
    b.lines
}

/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x1F680;` and common named ones).
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let end = tail
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(j, _)| j);
        let decoded = end.and_then(|j| entity(&tail[..j]).map(|c| (c, j)));
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &tail[j + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // Numeric references in the C1 range mean Windows-1252.
        if (0x80..0xA0).contains(&code) {
            return cp1252_char(code as u8);
        }
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "times" => '×',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "aacute" => 'á',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "szlig" => 'ß',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        "zwj" => '\u{200D}',
        "shy" => '\u{AD}',
        _ => return None,
    })
}

/// Windows-1252's characters for bytes 0x80..0xA0 (where Latin-1 has control codes).
const CP1252: [(u8, char); 27] = [
    (0x80, '€'),
    (0x82, '‚'),
    (0x83, 'ƒ'),
    (0x84, '„'),
    (0x85, '…'),
    (0x86, '†'),
    (0x87, '‡'),
    (0x88, 'ˆ'),
    (0x89, '‰'),
    (0x8A, 'Š'),
    (0x8B, '‹'),
    (0x8C, 'Œ'),
    (0x8E, 'Ž'),
    (0x91, '‘'),
    (0x92, '’'),
    (0x93, '“'),
    (0x94, '”'),
    (0x95, '•'),
    (0x96, '–'),
    (0x97, '—'),
    (0x98, '˜'),
    (0x99, '™'),
    (0x9A, 'š'),
    (0x9B, '›'),
    (0x9C, 'œ'),
    (0x9E, 'ž'),
    (0x9F, 'Ÿ'),
];

fn cp1252_char(b: u8) -> Option<char> {
    CP1252.iter().find(|(x, _)| *x == b).map(|(_, c)| *c)
}

/// The byte a character stands for when UTF-8 was misread as Latin-1 or Windows-1252.
fn as_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    CP1252.iter().find(|(_, x)| *x == c).map(|(b, _)| *b)
}

/// Repairs UTF-8 that was decoded as Latin-1 or Windows-1252 (`â€™` → `’`, `Ã©` → `é`,
/// `Â ` → non-breaking space). Only byte runs that form valid UTF-8 sequences are replaced, so
/// correct accented text is left alone.
pub(crate) fn fix_mojibake(s: &str) -> std::borrow::Cow<'_, str> {
    // Every marker below is encoded with the lead byte 0xC3: a byte search rules most text out.
    if !s.as_bytes().contains(&0xC3)
        || !s.chars().any(|c| {
            matches!(
                c,
                'Â' | 'Ã' | 'â' | 'Å' | 'Ä' | 'Ð' | 'Ñ' | 'ð' | 'Ø' | 'Ù' | 'à' | 'á'
            )
        })
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let lead = as_byte(c).filter(|b| (0xC2..=0xF4).contains(b));
        if let Some(lead) = lead {
            let need = if lead >= 0xF0 {
                3
            } else if lead >= 0xE0 {
                2
            } else {
                1
            };
            let mut bytes = vec![lead];
            for k in 1..=need {
                match chars.get(i + k).and_then(|&c| as_byte(c)) {
                    Some(b) if (0x80..=0xBF).contains(&b) => bytes.push(b),
                    _ => break,
                }
            }
            if bytes.len() == need + 1 {
                if let Ok(decoded) = std::str::from_utf8(&bytes) {
                    out.push_str(decoded);
                    i += need + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_mojibake_and_leaves_good_text() {
        assert_eq!(fix_mojibake("We\u{e2}\u{80}\u{99}re"), "We’re");
        assert_eq!(fix_mojibake("Weâ€™re"), "We’re");
        assert_eq!(fix_mojibake("Gda\u{c5}\u{84}sk"), "Gdańsk");
        assert_eq!(fix_mojibake("Café à Paris, Zoë"), "Café à Paris, Zoë");
        assert_eq!(fix_mojibake("\u{f0}\u{9f}\u{9a}\u{80} Join"), "🚀 Join");
    }

    #[test]
    fn html_to_lines() {
        let lines = to_lines(
            "<h3>About</h3><p>We build <b>fast</b> things.</p><p><strong>Requirements</strong></p><ul><li>5+ years of Rust</li><li>Go &amp; SQL</li></ul>",
        );
        let t: Vec<(&str, bool, bool)> = lines
            .iter()
            .map(|l| (l.text.as_str(), l.heading, l.bullet))
            .collect();
        assert_eq!(
            t,
            vec![
                ("About", true, false),
                ("We build fast things.", false, false),
                ("Requirements", true, false),
                ("5+ years of Rust", false, true),
                ("Go & SQL", false, true)
            ]
        );
    }

    #[test]
    fn escaped_html_and_plain_text() {
        let lines = to_lines(
            "&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Rust&lt;/li&gt;&lt;/ul&gt;",
        );
        assert_eq!(lines[0].text, "Hello & welcome");
        assert!(lines[1].bullet);
        let plain = to_text("Salary: PLN 1\n\n- Rust\nGo");
        assert_eq!(plain, "Salary: PLN 1\n- Rust\nGo");
        assert_eq!(
            decode_entities("a &#8217; &#x2013; &#150; &bogus; & b"),
            "a ’ – – &bogus; & b"
        );
    }
}
