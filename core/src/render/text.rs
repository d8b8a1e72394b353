//! Plain text (ATS-safe) and Markdown from the [`View`]: one column, headings on their own
//! lines, one entry head per line, dates beside the place, bullets as `- `. This is the
//! layout our own parser reads back best, and the PDF themes keep the same reading order.

use std::fmt::Write as _;

use super::letter::LetterView;
use super::view::{Entry, Section, View};

/// The entry's first line: `Position, Employer`.
pub(crate) fn entry_head(e: &Entry) -> String {
    match &e.sub {
        Some(sub) if !e.head.is_empty() => format!("{}, {sub}", e.head),
        Some(sub) => sub.clone(),
        None => e.head.clone(),
    }
}

/// The entry's second line: `Place | dates`.
pub(crate) fn entry_meta(e: &Entry, sep: &str) -> Option<String> {
    let parts: Vec<&str> = [e.place.as_deref(), e.dates.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(sep))
}

/// The contact line.
pub(crate) fn contact_line(v: &View, sep: &str) -> String {
    v.contacts
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

/// A skill group as one line: `Languages: Rust, Go`.
pub(crate) fn group_line(name: Option<&str>, items: &[String]) -> String {
    match name {
        Some(n) => format!("{n}: {}", items.join(", ")),
        None => items.join(", "),
    }
}

/// Plain text: what an applicant tracking system sees.
pub fn cv_text(v: &View) -> String {
    let mut out = String::new();
    if !v.name.is_empty() {
        let _ = writeln!(out, "{}", v.name);
    }
    if let Some(l) = &v.label {
        let _ = writeln!(out, "{l}");
    }
    if !v.contacts.is_empty() {
        let _ = writeln!(out, "{}", contact_line(v, " | "));
    }
    for s in &v.sections {
        let _ = writeln!(out, "\n{}", s.title.to_uppercase());
        section_text(&mut out, s);
    }
    out
}

fn section_text(out: &mut String, s: &Section) {
    if let Some(t) = &s.text {
        let _ = writeln!(out, "{t}");
    }
    for (i, e) in s.entries.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", entry_head(e));
        if let Some(m) = entry_meta(e, " | ") {
            let _ = writeln!(out, "{m}");
        }
        if let Some(sm) = &e.summary {
            let _ = writeln!(out, "{sm}");
        }
        for b in &e.bullets {
            let _ = writeln!(out, "- {b}");
        }
        if !e.tags.is_empty() {
            let _ = writeln!(out, "{}", e.tags.join(", "));
        }
        if let Some(u) = &e.url {
            let _ = writeln!(out, "{u}");
        }
    }
    for g in &s.groups {
        let _ = writeln!(out, "{}", group_line(g.name.as_deref(), &g.items));
    }
    for it in &s.items {
        let _ = writeln!(out, "{it}");
    }
}

/// Escapes Markdown's inline syntax so user text stays text.
pub(crate) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '!'
                | '$'
                | '{'
                | '}'
                | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a line that would otherwise start a list or a heading.
fn md_line(s: &str) -> String {
    let e = md_escape(s);
    let starts_list = e.starts_with("- ")
        || e.starts_with("+ ")
        || e.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if starts_list { format!("\\{e}") } else { e }
}

/// Markdown: a heading per section, a sub-heading per entry.
pub fn cv_markdown(v: &View) -> String {
    let mut out = String::new();
    if !v.name.is_empty() {
        let _ = writeln!(out, "# {}\n", md_escape(&v.name));
    }
    if let Some(l) = &v.label {
        let _ = writeln!(out, "{}\n", md_line(l));
    }
    if !v.contacts.is_empty() {
        let parts: Vec<String> = v
            .contacts
            .iter()
            .map(|c| match (&c.url, c.kind) {
                (Some(u), "url" | "profile") => {
                    format!(
                        "[{}]({})",
                        md_escape(&c.text),
                        u.replace(['(', ')', ' '], "")
                    )
                }
                _ => md_escape(&c.text),
            })
            .collect();
        let _ = writeln!(out, "{}\n", parts.join(" · "));
    }
    for s in &v.sections {
        let _ = writeln!(out, "## {}\n", md_escape(&s.title));
        if let Some(t) = &s.text {
            let _ = writeln!(out, "{}\n", md_line(t));
        }
        for e in &s.entries {
            let _ = writeln!(out, "### {}", md_escape(&entry_head(e)));
            if let Some(m) = entry_meta(e, " · ") {
                let _ = writeln!(out, "{}", md_line(&m));
            }
            out.push('\n');
            if let Some(sm) = &e.summary {
                let _ = writeln!(out, "{}\n", md_line(sm));
            }
            for b in &e.bullets {
                let _ = writeln!(out, "- {}", md_escape(b));
            }
            if !e.bullets.is_empty() {
                out.push('\n');
            }
            if !e.tags.is_empty() {
                let _ = writeln!(out, "{}\n", md_line(&e.tags.join(", ")));
            }
        }
        for g in &s.groups {
            match &g.name {
                Some(n) => {
                    let _ = writeln!(
                        out,
                        "- **{}:** {}",
                        md_escape(n),
                        md_escape(&g.items.join(", "))
                    );
                }
                None => {
                    let _ = writeln!(out, "- {}", md_escape(&g.items.join(", ")));
                }
            }
        }
        for it in &s.items {
            let _ = writeln!(out, "- {}", md_escape(it));
        }
        if !s.groups.is_empty() || !s.items.is_empty() {
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A cover letter as plain text.
pub fn letter_text(l: &LetterView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", l.sender.name);
    for c in &l.sender.contacts {
        let _ = writeln!(out, "{}", c.text);
    }
    out.push('\n');
    for r in &l.recipient {
        let _ = writeln!(out, "{r}");
    }
    if !l.recipient.is_empty() {
        out.push('\n');
    }
    if let Some(d) = &l.date {
        let _ = writeln!(out, "{d}\n");
    }
    if let Some(s) = &l.subject {
        let _ = writeln!(out, "{s}\n");
    }
    let _ = writeln!(out, "{}\n", l.greeting);
    for p in &l.paragraphs {
        let _ = writeln!(out, "{p}\n");
    }
    let _ = writeln!(out, "{}\n{}", l.closing, l.signature);
    out
}

/// A cover letter as Markdown.
pub fn letter_markdown(l: &LetterView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "**{}**  ", md_escape(&l.sender.name));
    let contacts: Vec<String> = l
        .sender
        .contacts
        .iter()
        .map(|c| md_escape(&c.text))
        .collect();
    let _ = writeln!(out, "{}\n", contacts.join(" · "));
    for r in &l.recipient {
        let _ = writeln!(out, "{}  ", md_escape(r));
    }
    out.push('\n');
    if let Some(d) = &l.date {
        let _ = writeln!(out, "{}\n", md_line(d));
    }
    if let Some(s) = &l.subject {
        let _ = writeln!(out, "**{}**\n", md_escape(s));
    }
    let _ = writeln!(out, "{}\n", md_line(&l.greeting));
    for p in &l.paragraphs {
        let _ = writeln!(out, "{}\n", md_line(p));
    }
    let _ = writeln!(
        out,
        "{}  \n{}",
        md_line(&l.closing),
        md_escape(&l.signature)
    );
    out
}
