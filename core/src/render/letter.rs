//! Cover letters: the [`LetterDoc`] a generator writes, and its view. A letter renders in the
//! same theme as the CV (the sender block mirrors the CV header).

use serde::{Deserialize, Serialize};

use super::options::RenderOptions;
use super::view::{Contact, Style, contacts};
use crate::model::Profile;

/// A cover letter's content. Empty strings are left out of the layout.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct LetterDoc {
    /// Who it is addressed to, one line per `\n` (name, company, address).
    pub recipient: String,
    /// The date line as it should appear ("22 November 2026").
    pub date: String,
    /// "Dear Ms Smith,".
    pub greeting: String,
    /// The body, one string per paragraph.
    pub paragraphs: Vec<String>,
    /// "Kind regards,".
    pub closing: String,
    /// The name under the closing; the profile's name when empty.
    pub signature: String,
}

/// The sender block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sender {
    pub name: String,
    pub label: Option<String>,
    pub contacts: Vec<Contact>,
}

/// A letter ready to lay out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LetterView {
    /// Always `letter`.
    pub kind: &'static str,
    pub lang: &'static str,
    pub title: String,
    pub sender: Sender,
    pub recipient: Vec<String>,
    pub date: Option<String>,
    /// Not part of [`LetterDoc`]: reserved for a subject line.
    pub subject: Option<String>,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    pub closing: String,
    pub signature: String,
    pub style: Style,
}

fn trimmed(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Builds the letter view (the profile is already anonymised when asked).
pub fn build(doc: &LetterDoc, p: &Profile, opts: &RenderOptions) -> LetterView {
    let b = p.basics.clone().unwrap_or_default();
    let name = b
        .name
        .as_deref()
        .and_then(trimmed)
        .unwrap_or_else(|| trimmed(&doc.signature).unwrap_or_default());
    let signature = if opts.anonymize {
        name.clone()
    } else {
        trimmed(&doc.signature).unwrap_or_else(|| name.clone())
    };
    let word = opts.locale.word(super::locale::Word::CoverLetter);
    LetterView {
        kind: "letter",
        lang: opts.locale.code(),
        title: if name.is_empty() {
            word.to_string()
        } else {
            format!("{name} – {word}")
        },
        sender: Sender {
            name,
            label: b.label.as_deref().and_then(trimmed),
            contacts: contacts(p),
        },
        recipient: doc.recipient.lines().filter_map(trimmed).collect(),
        date: trimmed(&doc.date),
        subject: None,
        greeting: trimmed(&doc.greeting).unwrap_or_default(),
        paragraphs: doc.paragraphs.iter().filter_map(|p| trimmed(p)).collect(),
        closing: trimmed(&doc.closing).unwrap_or_default(),
        signature,
        style: Style {
            paper: opts.page.typst_name(),
            margin_mm: opts.margin_mm,
            font: opts.font_name(),
            size: opts.font_size,
            accent: opts.accent.clone(),
            text: opts.text_color.clone(),
        },
    }
}
