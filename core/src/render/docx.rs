//! DOCX through docx-rs: the same reading order as the plain text, with Word headings
//! (outline level 1, bold, larger) and real bulleted lists, so recruiters can edit it and
//! applicant tracking systems (and our own parser) read it back.

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType, Start,
};

use super::letter::LetterView;
use super::text::{contact_line, entry_head, entry_meta, group_line};
use super::view::View;
use crate::{Error, Result};

const BULLETS: usize = 1;
const ACCENT: &str = "1F4E79";

fn font() -> RunFonts {
    RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri")
        .east_asia("Calibri")
}

fn base() -> Docx {
    let bullet = Level::new(
        0,
        Start::new(1),
        NumberFormat::new("bullet"),
        LevelText::new("•"),
        LevelJc::new("left"),
    )
    .indent(Some(360), Some(SpecialIndentType::Hanging(240)), None, None);
    Docx::new()
        .default_fonts(font())
        .default_size(21)
        .add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(bullet))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .created_at("2000-01-01T00:00:00Z")
        .updated_at("2000-01-01T00:00:00Z")
}

fn para(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text))
        .line_spacing(LineSpacing::new().after(40))
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text).bold().size(26).color(ACCENT))
        .outline_lvl(0)
        .line_spacing(LineSpacing::new().before(240).after(80))
}

fn pack(doc: Docx) -> Result<Vec<u8>> {
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut buf)
        .map_err(|e| Error::Render(format!("DOCX: {e}")))?;
    Ok(buf.into_inner())
}

/// The CV as a Word document.
pub(crate) fn cv_docx(v: &View) -> Result<Vec<u8>> {
    let mut doc = base();
    if !v.name.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(&v.name).bold().size(40))
                .line_spacing(LineSpacing::new().after(40)),
        );
    }
    if let Some(l) = &v.label {
        doc = doc
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(l).size(24).color(ACCENT)));
    }
    if !v.contacts.is_empty() {
        doc = doc.add_paragraph(para(&contact_line(v, " | ")));
    }
    for s in &v.sections {
        doc = doc.add_paragraph(heading(&s.title.to_uppercase()));
        if let Some(t) = &s.text {
            doc = doc.add_paragraph(para(t));
        }
        for e in &s.entries {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(entry_head(e)).bold())
                    .line_spacing(LineSpacing::new().before(120).after(0)),
            );
            if let Some(m) = entry_meta(e, " | ") {
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(m).italic().color("555555"))
                        .line_spacing(LineSpacing::new().after(40)),
                );
            }
            if let Some(sm) = &e.summary {
                doc = doc.add_paragraph(para(sm));
            }
            for b in &e.bullets {
                doc = doc.add_paragraph(
                    para(b).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                );
            }
            if !e.tags.is_empty() {
                doc = doc.add_paragraph(para(&e.tags.join(", ")));
            }
            if let Some(u) = &e.url {
                doc = doc.add_paragraph(para(u));
            }
        }
        for g in &s.groups {
            doc = doc.add_paragraph(match &g.name {
                Some(n) => Paragraph::new()
                    .add_run(Run::new().add_text(format!("{n}: ")).bold())
                    .add_run(Run::new().add_text(g.items.join(", ")))
                    .line_spacing(LineSpacing::new().after(40)),
                None => para(&group_line(None, &g.items)),
            });
        }
        for it in &s.items {
            doc = doc.add_paragraph(para(it));
        }
    }
    pack(doc)
}

/// A cover letter as a Word document.
pub(crate) fn letter_docx(l: &LetterView) -> Result<Vec<u8>> {
    let mut doc = base().add_paragraph(
        Paragraph::new().add_run(Run::new().add_text(&l.sender.name).bold().size(32)),
    );
    let contacts: Vec<&str> = l.sender.contacts.iter().map(|c| c.text.as_str()).collect();
    doc = doc.add_paragraph(para(&contacts.join(" | ")));
    doc = doc.add_paragraph(para(""));
    for r in &l.recipient {
        doc = doc.add_paragraph(para(r));
    }
    if let Some(d) = &l.date {
        doc = doc.add_paragraph(para("")).add_paragraph(para(d));
    }
    doc = doc.add_paragraph(para("")).add_paragraph(para(&l.greeting));
    for p in &l.paragraphs {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(p))
                .line_spacing(LineSpacing::new().after(160)),
        );
    }
    doc = doc
        .add_paragraph(para(&l.closing))
        .add_paragraph(para(""))
        .add_paragraph(para(&l.signature));
    pack(doc)
}
