//! The streaming walk over `document.xml`, headers and footers: paragraphs, runs, hyperlinks,
//! content controls, text boxes and tables, in reading order, without building a tree.
//!
//! `Paragraph::raw_text` in docx-rs drops hyperlink and text-box text and builds the whole
//! document model first; a pull parse over the part sees every `w:t` once and costs a few
//! hundred microseconds for a resume.

use super::xml::{self, Ev};
use crate::{Limits, Result};

/// Formatting of a stretch of characters, as written on the run (`None` = inherited).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct RunFmt {
    pub(super) size: Option<u32>,
    pub(super) bold: Option<bool>,
}

/// One line before styles are resolved.
#[derive(Debug, Clone, Default)]
pub(super) struct RawLine {
    pub(super) text: String,
    /// Runs as (format, characters).
    pub(super) runs: Vec<(RunFmt, u32)>,
    pub(super) style: Option<String>,
    /// `(numId, ilvl)` for the first line of a list paragraph.
    pub(super) num: Option<(u32, u32)>,
    pub(super) outline: Option<u32>,
    /// A table row joined with ` | `.
    pub(super) table: bool,
    /// Page breaks seen before this line: Word's rendered breaks, and hard breaks.
    pub(super) rendered_breaks: u32,
    pub(super) hard_breaks: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tag {
    P,
    PPr,
    NumPr,
    RPr,
    R,
    T,
    Tbl,
    Tr,
    Tc,
    Other,
}

#[derive(Debug, Default)]
struct Para {
    segs: Vec<RawLine>,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: u32,
    outline: Option<u32>,
}

#[derive(Debug, Default)]
struct Table {
    cells: Vec<Vec<RawLine>>,
}

/// What a walk found besides lines.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub(super) lines: Vec<RawLine>,
    pub(super) tables: bool,
    pub(super) images: bool,
    pub(super) icons: bool,
    pub(super) rendered_breaks: u32,
    pub(super) hard_breaks: u32,
}

#[derive(Debug, Default)]
struct Walker {
    found: Found,
    path: Vec<Tag>,
    paras: Vec<Para>,
    tables: Vec<Table>,
    run: RunFmt,
    skip: u32,
    chars: u64,
    max_chars: u64,
}

/// Walks one WordprocessingML part into raw lines.
pub(super) fn walk(xml_bytes: &[u8], part: &str, limits: &Limits) -> Result<Found> {
    let mut w = Walker {
        max_chars: limits.max_text_chars,
        ..Walker::default()
    };
    xml::walk(xml_bytes, part, limits, |ev| w.event(ev))?;
    Ok(w.found)
}

impl Walker {
    fn event(&mut self, ev: Ev<'_>) -> Result<()> {
        if self.skip > 0 {
            match ev {
                Ev::Start(..) => self.skip += 1,
                Ev::End => self.skip -= 1,
                _ => {}
            }
            return Ok(());
        }
        match ev {
            Ev::Start(name, e) => {
                let tag = match name {
                    Some(b"p") => {
                        self.paras.push(Para::default());
                        Tag::P
                    }
                    Some(b"pPr") => Tag::PPr,
                    Some(b"numPr") => Tag::NumPr,
                    Some(b"rPr") => Tag::RPr,
                    Some(b"r") => {
                        self.run = RunFmt::default();
                        Tag::R
                    }
                    Some(b"t") => Tag::T,
                    Some(b"tbl") => {
                        self.tables.push(Table::default());
                        Tag::Tbl
                    }
                    Some(b"tr") => {
                        if let Some(t) = self.tables.last_mut() {
                            t.cells.clear();
                        }
                        Tag::Tr
                    }
                    Some(b"tc") => {
                        if let Some(t) = self.tables.last_mut() {
                            t.cells.push(Vec::new());
                        }
                        Tag::Tc
                    }
                    // Deleted revisions, phonetic guides, field codes: not visible text.
                    Some(b"del" | b"moveFrom" | b"rt" | b"instrText" | b"delText") => {
                        self.skip = 1;
                        return Ok(());
                    }
                    // `mc:Fallback` repeats the `mc:Choice` content (text boxes) for old readers.
                    None if e.name().0.ends_with(b"Fallback") => {
                        self.skip = 1;
                        return Ok(());
                    }
                    None => {
                        self.other(e.name().0);
                        Tag::Other
                    }
                    Some(_) => Tag::Other,
                };
                self.path.push(tag);
            }
            Ev::Empty(name, e) => match name {
                Some(n) => self.property(n, e),
                None => self.other(e.name().0),
            },
            Ev::Text(raw) => {
                if self.path.last() == Some(&Tag::T) {
                    let text = xml::unescape(raw);
                    self.push_text(&text)?;
                }
            }
            Ev::End => match self.path.pop() {
                Some(Tag::P) => self.end_paragraph(),
                Some(Tag::Tr) => self.end_row(),
                Some(Tag::Tbl) => {
                    self.tables.pop();
                }
                Some(Tag::R) => self.run = RunFmt::default(),
                _ => {}
            },
        }
        Ok(())
    }

    /// Elements of other namespaces: pictures only matter as a layout signal.
    fn other(&mut self, name: &[u8]) {
        if name.ends_with(b":blip") || name.ends_with(b":imagedata") || name == b"pic:pic" {
            self.found.images = true;
        }
    }

    /// Empty WordprocessingML elements: properties and inline marks.
    fn property(&mut self, n: &[u8], e: &quick_xml::events::BytesStart) {
        let parent = self.path.last().copied();
        let in_run = parent == Some(Tag::R);
        let run_props = parent == Some(Tag::RPr)
            && self.path.len() >= 2
            && self.path[self.path.len() - 2] == Tag::R;
        match n {
            b"pStyle" if parent == Some(Tag::PPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = xml::val(e).map(|v| String::from_utf8_lossy(&v).into_owned());
                }
            }
            b"numId" if parent == Some(Tag::NumPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.num_id = xml::num(xml::val(e));
                }
            }
            b"ilvl" if parent == Some(Tag::NumPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.ilvl = xml::num(xml::val(e)).unwrap_or(0);
                }
            }
            b"outlineLvl" if parent == Some(Tag::PPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.outline = xml::num(xml::val(e));
                }
            }
            b"b" if run_props => self.run.bold = Some(xml::toggle(e)),
            b"sz" if run_props => self.run.size = xml::num(xml::val(e)),
            b"tab" | b"ptab" if in_run => self.push_char(' '),
            b"noBreakHyphen" if in_run => self.push_char('-'),
            b"br" | b"cr" if in_run => {
                if xml::attr(e, b"type").as_deref() == Some(b"page") {
                    self.found.hard_breaks += 1;
                }
                self.new_segment();
            }
            b"lastRenderedPageBreak" => self.found.rendered_breaks += 1,
            b"sym" if in_run => {
                let code = xml::attr(e, b"char")
                    .and_then(|c| u32::from_str_radix(std::str::from_utf8(&c).ok()?, 16).ok());
                if let Some(c) = code.and_then(char::from_u32) {
                    self.found.icons |= ('\u{E000}'..='\u{F8FF}').contains(&c);
                    self.push_char(c);
                }
            }
            b"p" => {
                // An empty paragraph: a blank line between blocks.
                self.paras.push(Para::default());
                self.end_paragraph();
            }
            _ => {}
        }
    }

    fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        // Checked only against the text limit, which a single character cannot break alone.
        let _ = self.push_text(c.encode_utf8(&mut buf));
    }

    fn push_text(&mut self, text: &str) -> Result<()> {
        let Some(p) = self.paras.last_mut() else {
            return Ok(());
        };
        let n = text.chars().count() as u32;
        self.chars += u64::from(n);
        crate::Limits::check("text characters", self.chars, self.max_chars)?;
        if p.segs.is_empty() {
            p.segs.push(seg_of(
                p,
                self.found.rendered_breaks,
                self.found.hard_breaks,
            ));
        }
        if let Some(seg) = p.segs.last_mut() {
            seg.text.push_str(text);
            match seg.runs.last_mut() {
                Some((fmt, count)) if *fmt == self.run => *count += n,
                _ => seg.runs.push((self.run, n)),
            }
        }
        Ok(())
    }

    fn new_segment(&mut self) {
        let (rb, hb) = (self.found.rendered_breaks, self.found.hard_breaks);
        if let Some(p) = self.paras.last_mut() {
            if p.segs.is_empty() {
                p.segs.push(seg_of(p, rb, hb));
            }
            let mut next = seg_of(p, rb, hb);
            next.num = None;
            p.segs.push(next);
        }
    }

    fn end_paragraph(&mut self) {
        let Some(mut p) = self.paras.pop() else {
            return;
        };
        let mut lines: Vec<RawLine> = Vec::with_capacity(p.segs.len().max(1));
        for (i, mut seg) in p.segs.drain(..).enumerate() {
            if seg.text.trim().is_empty() {
                continue;
            }
            if i > 0 {
                seg.num = None;
            }
            lines.push(seg);
        }
        if lines.is_empty() {
            lines.push(RawLine {
                rendered_breaks: self.found.rendered_breaks,
                hard_breaks: self.found.hard_breaks,
                ..RawLine::default()
            });
        }
        let depth = self.tables.len();
        self.sink(depth).extend(lines);
    }

    /// Where finished lines go: the open cell of the innermost of the first `depth` tables,
    /// or the document.
    fn sink(&mut self, depth: usize) -> &mut Vec<RawLine> {
        match depth
            .checked_sub(1)
            .and_then(|d| self.tables.get_mut(d))
            .and_then(|t| t.cells.last_mut())
        {
            Some(cell) => cell,
            None => &mut self.found.lines,
        }
    }

    /// A row whose cells each hold one paragraph is a data row: one line, cells joined by
    /// ` | `. A row whose cells hold several paragraphs is page layout (resumes put whole
    /// sections in tables): its paragraphs come out as lines, cell by cell, left to right.
    fn end_row(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let mut cells: Vec<Vec<RawLine>> = std::mem::take(&mut table.cells);
        for c in &mut cells {
            c.retain(|l| !l.text.trim().is_empty());
        }
        cells.retain(|c| !c.is_empty());
        if cells.is_empty() {
            return;
        }
        self.found.tables = true;
        let depth = self.tables.len() - 1;
        let joined = cells.len() >= 2 && cells.iter().all(|c| c.len() == 1);
        if joined {
            let mut row = RawLine {
                table: true,
                ..RawLine::default()
            };
            for (i, cell) in cells.into_iter().flatten().enumerate() {
                if i == 0 {
                    row.rendered_breaks = cell.rendered_breaks;
                    row.hard_breaks = cell.hard_breaks;
                } else {
                    row.text.push_str(" | ");
                }
                row.text.push_str(cell.text.trim());
                row.runs.extend(cell.runs);
            }
            self.sink(depth).push(row);
        } else {
            let lines: Vec<RawLine> = cells.into_iter().flatten().collect();
            self.sink(depth).extend(lines);
        }
    }
}

fn seg_of(p: &Para, rendered_breaks: u32, hard_breaks: u32) -> RawLine {
    RawLine {
        style: p.style.clone(),
        num: p.num_id.map(|n| (n, p.ilvl)),
        outline: p.outline,
        rendered_breaks,
        hard_breaks,
        ..RawLine::default()
    }
}
