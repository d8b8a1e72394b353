//! The iterative walk from the parsed DOM to lines.

use scraper::{Html, Node};

use super::super::TextDoc;
use super::super::doc::{LayoutSignals, Line, line_from_plain};
use crate::{Limits, Result};

/// Elements whose content is never shown as text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas",
    "select", "datalist",
];
/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "details",
    "dialog",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "ul",
    "caption",
    "option",
    "tbody",
    "thead",
    "tfoot",
];

#[derive(Default)]
struct Table {
    cells: Vec<Vec<Line>>,
}

#[derive(Default)]
struct Walker {
    lines: Vec<Line>,
    cur: String,
    heading: u32,
    pre: u32,
    bullet_pending: bool,
    tables: Vec<Table>,
    signals: LayoutSignals,
    chars: u64,
    max_chars: u64,
}

/// Walks the DOM with an explicit open/close traversal (no recursion).
pub(super) fn lines(html: &Html, limits: &Limits) -> Result<TextDoc> {
    let mut w = Walker {
        max_chars: limits.max_text_chars,
        signals: LayoutSignals {
            pages: 1,
            ..LayoutSignals::default()
        },
        ..Walker::default()
    };
    // Depth-first over first-child / next-sibling / parent links: no recursion, no stack.
    let root = html.tree.root();
    let mut node = root;
    'walk: loop {
        let mut descend = false;
        match node.value() {
            Node::Text(t) => w.text(t)?,
            Node::Element(el) => {
                let name = el.name();
                let hidden = el.attr("hidden").is_some()
                    || el.attr("aria-hidden") == Some("true")
                    || el.attr("style").is_some_and(|s| {
                        s.replace(' ', "")
                            .to_ascii_lowercase()
                            .contains("display:none")
                    });
                if !SKIPPED.contains(&name) && !hidden {
                    w.open(name);
                    descend = true;
                }
            }
            Node::Document | Node::Fragment => descend = true,
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            if let Node::Element(el) = node.value() {
                w.close(el.name());
            }
        }
        // Climb until a node has a next sibling, closing the elements left behind.
        loop {
            if node.id() == root.id() {
                break 'walk;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => {
                    node = parent;
                    if let Node::Element(el) = node.value() {
                        w.close(el.name());
                    }
                }
                None => break 'walk,
            }
        }
    }
    w.flush();
    Ok(TextDoc {
        lines: w.lines,
        signals: w.signals,
    })
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

impl Walker {
    fn text(&mut self, t: &str) -> Result<()> {
        self.chars += t.chars().count() as u64;
        Limits::check("text characters", self.chars, self.max_chars)?;
        if self.pre > 0 && t.contains('\n') {
            let mut parts = t.split('\n');
            if let Some(first) = parts.next() {
                self.cur.push_str(first);
            }
            for part in parts {
                self.flush();
                self.cur.push_str(part);
            }
        } else {
            self.cur.push_str(t);
        }
        Ok(())
    }

    fn open(&mut self, name: &str) {
        match name {
            "br" | "hr" => self.flush(),
            "img" | "picture" | "video" => self.signals.images = true,
            "li" => {
                self.flush();
                self.bullet_pending = true;
            }
            "table" => {
                self.flush();
                self.tables.push(Table::default());
            }
            "tr" => {
                self.flush();
                if let Some(t) = self.tables.last_mut() {
                    t.cells.clear();
                }
            }
            "td" | "th" => {
                self.flush();
                if let Some(t) = self.tables.last_mut() {
                    t.cells.push(Vec::new());
                }
            }
            "pre" => {
                self.flush();
                self.pre += 1;
            }
            n if is_heading(n) => {
                self.flush();
                self.heading += 1;
            }
            n if BLOCKS.contains(&n) => self.flush(),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "li" => {
                self.flush();
                self.bullet_pending = false;
            }
            "td" | "th" => self.flush(),
            "tr" => {
                self.flush();
                self.end_row();
            }
            "table" => {
                self.flush();
                self.tables.pop();
            }
            "pre" => {
                self.flush();
                self.pre = self.pre.saturating_sub(1);
            }
            n if is_heading(n) => {
                self.flush();
                self.heading = self.heading.saturating_sub(1);
            }
            n if BLOCKS.contains(&n) => self.flush(),
            _ => {}
        }
    }

    /// Ends the current line, if it has text.
    fn flush(&mut self) {
        if self.cur.trim().is_empty() {
            self.cur.clear();
            return;
        }
        let mut line = line_from_plain(&self.cur, 1);
        self.cur.clear();
        if line.text.is_empty() {
            return;
        }
        line.heading = self.heading > 0;
        line.bullet = !line.heading && (line.bullet || self.bullet_pending);
        self.bullet_pending = false;
        let depth = self.tables.len();
        self.sink(depth).push(line);
    }

    fn sink(&mut self, depth: usize) -> &mut Vec<Line> {
        match depth
            .checked_sub(1)
            .and_then(|d| self.tables.get_mut(d))
            .and_then(|t| t.cells.last_mut())
        {
            Some(cell) => cell,
            None => &mut self.lines,
        }
    }

    /// A data row (one block per cell) becomes one line with cells joined by ` | `; a layout
    /// row (cells holding several blocks) gives its blocks cell by cell.
    fn end_row(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let mut cells = std::mem::take(&mut table.cells);
        cells.retain(|c| !c.is_empty());
        if cells.is_empty() {
            return;
        }
        self.signals.tables = true;
        let depth = self.tables.len() - 1;
        if cells.len() >= 2 && cells.iter().all(|c| c.len() == 1) {
            let text = cells
                .iter()
                .flatten()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" | ");
            self.sink(depth).push(Line {
                text,
                page: 1,
                table: true,
                ..Line::default()
            });
        } else {
            let lines: Vec<Line> = cells.into_iter().flatten().collect();
            self.sink(depth).extend(lines);
        }
    }
}
