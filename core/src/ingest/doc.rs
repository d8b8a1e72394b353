//! `TextDoc`: extracted text in reading order, with the layout hints the parsers use.

use serde::{Deserialize, Serialize};

/// One line of extracted text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Line {
    /// The text, cleaned: no control characters, single spaces, icon glyphs removed.
    pub text: String,
    /// 1-based page (1 for formats without pages).
    pub page: u32,
    /// The source marks this line as a heading (Markdown `#`, DOCX heading style, HTML `h1`-`h6`,
    /// or a PDF line in a larger or bold font).
    pub heading: bool,
    /// The source marks this line as a list item; the bullet glyph is already removed.
    pub bullet: bool,
    /// Font size relative to the document's body text (1.0 = body), where known.
    pub size: Option<f32>,
    /// The line was a table row (cells joined by ` | `).
    pub table: bool,
}

impl Line {
    /// A plain body line on page 1.
    pub fn plain(text: impl Into<String>) -> Self {
        Line {
            text: text.into(),
            page: 1,
            ..Line::default()
        }
    }
}

/// Layout facts that matter to ATS parsability.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LayoutSignals {
    /// Pages in the source (1 for formats without pages).
    pub pages: u32,
    /// Text was laid out in more than one column on some page.
    pub columns: bool,
    /// Content was laid out in tables.
    pub tables: bool,
    /// Text sits in headers or footers (many ATS drop these).
    pub header_footer_text: bool,
    /// Glyphs from icon fonts or private-use code points were removed.
    pub icon_glyphs: bool,
    /// Images with no text (photos, logos) or image-only pages.
    pub images: bool,
}

/// A document's text as lines in reading order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TextDoc {
    pub lines: Vec<Line>,
    pub signals: LayoutSignals,
}

impl TextDoc {
    /// Splits plain text into lines, marking bullets (`-`, `*`, `•`, ...) and dropping empty
    /// lines' text while keeping paragraph breaks as empty lines.
    pub fn from_plain(text: &str) -> Self {
        let lines = text.lines().map(|l| line_from_plain(l, 1)).collect();
        TextDoc {
            lines,
            signals: LayoutSignals {
                pages: 1,
                ..LayoutSignals::default()
            },
        }
    }

    /// All text joined with newlines.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            if l.bullet {
                out.push_str("- ");
            }
            out.push_str(&l.text);
            out.push('\n');
        }
        out
    }
}

/// Bullet glyphs that start list items in plain text and PDFs.
pub const BULLETS: &[char] = &[
    '-', '*', '•', '·', '●', '○', '◦', '▪', '■', '□', '►', '▸', '‣', '⁃', '–', '—', '➢', '✓', '✔',
    '\u{F0B7}', '\u{F0A7}', '\u{F076}', '\u{F0D8}',
];

/// Makes a [`Line`] from one line of plain text, recognising a leading bullet.
pub fn line_from_plain(raw: &str, page: u32) -> Line {
    let trimmed = raw.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let mut chars = trimmed.chars();
    if let Some(first) = chars.next() {
        let rest = chars.as_str();
        let spaced = rest.starts_with(|c: char| c.is_whitespace());
        if BULLETS.contains(&first)
            && (spaced
                || (first != '-'
                    && first != '*'
                    && first != '–'
                    && first != '—'
                    && !rest.is_empty()))
        {
            return Line {
                text: clean(rest).trim().to_string(),
                page,
                bullet: true,
                ..Line::default()
            };
        }
    }
    Line {
        text: clean(trimmed),
        page,
        ..Line::default()
    }
}

/// Normalises whitespace and removes control, private-use (icon font) and zero-width characters.
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        let c = match c {
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\t' | '\u{2002}'..='\u{200A}' => ' ',
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{2060}' => continue,
            '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' => ' ',
            '\u{FB00}' => {
                out.push_str("ff");
                space = false;
                continue;
            }
            '\u{FB01}' => {
                out.push_str("fi");
                space = false;
                continue;
            }
            '\u{FB02}' => {
                out.push_str("fl");
                space = false;
                continue;
            }
            '\u{FB03}' => {
                out.push_str("ffi");
                space = false;
                continue;
            }
            '\u{FB04}' => {
                out.push_str("ffl");
                space = false;
                continue;
            }
            c if c.is_control() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_cleaning() {
        let l = line_from_plain("  • Built\u{00A0}a  thing\u{00AD}s", 1);
        assert!(l.bullet);
        assert_eq!(l.text, "Built a things");
        let l = line_from_plain("-5% churn", 1);
        assert!(!l.bullet);
        assert_eq!(clean("\u{FB01}le \u{E0A0}555-1234"), "file 555-1234");
    }
}
