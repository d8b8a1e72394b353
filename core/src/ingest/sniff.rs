//! Format sniffing from the bytes, not the file name.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Input formats the ingest stage understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Pdf,
    Docx,
    Html,
    Markdown,
    Text,
    /// A JSON Resume document (or our Profile JSON).
    JsonResume,
    /// Other JSON: job-board payloads, a Job, JSON-LD.
    Json,
    /// RenderCV's YAML input (`cv:` with `sections:`).
    RenderCvYaml,
    /// A LinkedIn data export (ZIP of CSVs).
    LinkedInZip,
    /// Some other ZIP archive.
    Zip,
}

impl Format {
    /// A short lowercase name, as used in messages and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::JsonResume => "json-resume",
            Format::Json => "json",
            Format::RenderCvYaml => "rendercv-yaml",
            Format::LinkedInZip => "linkedin-zip",
            Format::Zip => "zip",
        }
    }
}

const JSON_RESUME_KEYS: &[&str] = &[
    "\"basics\"",
    "\"work\"",
    "\"education\"",
    "\"skills\"",
    "\"$schema\"",
];

/// Decides the format from the bytes. `file_name` only breaks the Markdown/plain-text tie.
pub fn sniff(bytes: &[u8], file_name: Option<&str>) -> Result<Format> {
    let head = &bytes[..bytes.len().min(4096)];
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::invalid("document", "the input is empty"));
    }
    if head.starts_with(b"%PDF-") || find(&head[..head.len().min(1024)], b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Ok(sniff_zip(bytes));
    }
    if is_encrypted_ole(bytes) {
        return Err(Error::Encrypted { format: "DOCX" });
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Error::UnsupportedFormat(
            "legacy Word .doc (OLE2); save it as DOCX or PDF".into(),
        ));
    }
    if head.starts_with(b"\x89PNG")
        || head.starts_with(b"\xFF\xD8\xFF")
        || head.starts_with(b"GIF8")
    {
        return Err(Error::UnsupportedFormat(
            "an image; a resume image needs OCR".into(),
        ));
    }
    if head.starts_with(b"{\\rtf") {
        return Err(Error::UnsupportedFormat(
            "RTF; save it as DOCX or PDF".into(),
        ));
    }
    // Text formats: decode a prefix leniently to look at it.
    let text = String::from_utf8_lossy(strip_bom(head));
    let replacement = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    let binary = head.iter().filter(|&&b| b == 0).count() > head.len() / 20;
    if !utf16 && binary {
        return Err(Error::UnsupportedFormat(
            "binary data that is not PDF, DOCX or ZIP".into(),
        ));
    }
    if !utf16
        && replacement > head.len() / 4
        && head.len() > 64
        && head
            .iter()
            .filter(|b| b.is_ascii_graphic() || b.is_ascii_whitespace())
            .count()
            < head.len() / 2
    {
        return Err(Error::UnsupportedFormat(
            "binary data that is not PDF, DOCX or ZIP".into(),
        ));
    }
    let t = text.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        let is_resume = t.starts_with('{') && JSON_RESUME_KEYS.iter().any(|k| text.contains(k));
        return Ok(if is_resume {
            Format::JsonResume
        } else {
            Format::Json
        });
    }
    let mut cut = t.len().min(1024);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let lower = t[..cut].to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
        || (lower.starts_with('<')
            && [
                "<head", "<body", "<div", "<p>", "<p ", "<h1", "<ul", "<script",
            ]
            .iter()
            .any(|tag| lower.contains(tag)))
    {
        return Ok(Format::Html);
    }
    if (t.starts_with("cv:") || text.contains("\ncv:")) && text.contains("sections:")
        || t.starts_with("cv:\n")
    {
        return Ok(Format::RenderCvYaml);
    }
    let md_name = file_name.is_some_and(|n| {
        let n = n.to_ascii_lowercase();
        n.ends_with(".md") || n.ends_with(".markdown")
    });
    if md_name || looks_like_markdown(&text) {
        return Ok(Format::Markdown);
    }
    Ok(Format::Text)
}

/// An encrypted Office document: an OLE2 container holding an `EncryptionInfo` stream (that is
/// how Word saves a password-protected DOCX).
pub(crate) fn is_encrypted_ole(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        && bytes.windows(NAME.len()).any(|w| w == NAME)
}

fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Markdown needs ATX headings (`# `) or `**bold**` plus list markers; plain text with dashes
/// is not Markdown.
fn looks_like_markdown(text: &str) -> bool {
    let mut headings = 0;
    let mut emphasis = 0;
    let mut links = 0;
    for line in text.lines() {
        let l = line.trim_start();
        if l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### ") {
            headings += 1;
        }
        if l.contains("**") || l.contains("__") {
            emphasis += 1;
        }
        if l.contains("](") {
            links += 1;
        }
        if line.starts_with("===")
            || line.starts_with("---") && line.trim().chars().all(|c| c == '-') && line.len() >= 3
        {
            headings += 1;
        }
    }
    headings >= 2 || (headings >= 1 && (emphasis + links) >= 1) || links >= 2
}

/// Looks into a ZIP's central directory names: DOCX has `word/document.xml`, a LinkedIn export
/// has `Positions.csv` or `Profile.csv`.
fn sniff_zip(bytes: &[u8]) -> Format {
    let Ok(archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Format::Zip;
    };
    let names: Vec<&str> = archive.file_names().collect();
    if names.iter().any(|n| *n == "word/document.xml") {
        return Format::Docx;
    }
    let base = |n: &&str| n.rsplit('/').next().unwrap_or(n).to_ascii_lowercase();
    if names
        .iter()
        .map(base)
        .any(|n| n == "positions.csv" || n == "profile.csv" || n == "education.csv")
    {
        return Format::LinkedInZip;
    }
    Format::Zip
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n...", Some("x.txt")).unwrap(), Format::Pdf);
        assert_eq!(
            sniff(b"{\"basics\":{\"name\":\"A\"}}", None).unwrap(),
            Format::JsonResume
        );
        assert_eq!(sniff(b"[{\"legal\":1}]", None).unwrap(), Format::Json);
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>x</body></html>", None).unwrap(),
            Format::Html
        );
        assert_eq!(
            sniff(b"# Jane\n\n## Experience\n- a", None).unwrap(),
            Format::Markdown
        );
        assert_eq!(
            sniff(b"Jane Doe\nEXPERIENCE\n- Did things", None).unwrap(),
            Format::Text
        );
        assert_eq!(
            sniff(b"Jane Doe\n", Some("cv.md")).unwrap(),
            Format::Markdown
        );
        assert_eq!(
            sniff(b"cv:\n  name: Jane\n  sections:\n", None).unwrap(),
            Format::RenderCvYaml
        );
        assert!(matches!(
            sniff(b"   \n", None),
            Err(Error::InvalidInput { .. })
        ));
        assert!(matches!(
            sniff(&[0u8, 1, 2, 0, 0, 0, 7, 0, 0, 9], None),
            Err(Error::UnsupportedFormat(_))
        ));
        assert!(matches!(sniff(b"PK\x03\x04garbage", None), Ok(Format::Zip)));
        // A multi-byte character across the 1 KiB look-ahead must not panic.
        let text = format!("{}é and more", "a".repeat(1023));
        assert_eq!(sniff(text.as_bytes(), None).unwrap(), Format::Text);
    }
}
