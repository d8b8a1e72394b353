//! HTML: a self-contained public profile page (inline CSS, no scripts, no external assets),
//! with schema.org `Person` microdata. Every user string is escaped.

use std::fmt::Write as _;

use super::letter::LetterView;
use super::text::{entry_meta, group_line};
use super::view::{Section, View};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Only links a browser should follow from a profile page.
fn safe_url(u: &str) -> Option<&str> {
    let l = u.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|p| l.starts_with(p))
        .then_some(u.trim())
}

fn css(accent: &str) -> String {
    format!(
        "body{{margin:0;background:#f5f6f8;color:#1d2330;font:16px/1.55 system-ui,-apple-system,'Segoe UI',Inter,Roboto,sans-serif}}\
main{{max-width:50rem;margin:2rem auto;background:#fff;padding:2.5rem 3rem;border-radius:10px;box-shadow:0 1px 4px rgba(0,0,0,.08)}}\
h1{{margin:0;font-size:2.1rem;letter-spacing:-.01em}}.label{{color:{accent};font-weight:600;margin:.2rem 0 .6rem}}\
.contacts{{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;color:#4a5263;font-size:.92rem}}\
a{{color:{accent};text-decoration:none}}a:hover{{text-decoration:underline}}\
h2{{font-size:.85rem;text-transform:uppercase;letter-spacing:.08em;color:{accent};border-bottom:1px solid #e3e6eb;padding-bottom:.25rem;margin:1.8rem 0 .8rem}}\
article{{margin:0 0 1.1rem}}h3{{font-size:1.02rem;margin:0}}h3 .sub{{font-weight:400;color:#4a5263}}\
.meta{{color:#6b7385;font-size:.9rem}}ul{{margin:.35rem 0 0;padding-left:1.2rem}}li{{margin:.15rem 0}}\
.tags{{color:#6b7385;font-size:.88rem}}p{{margin:.3rem 0}}\
@media print{{body{{background:#fff}}main{{box-shadow:none;margin:0;padding:0}}}}\
@media (max-width:640px){{main{{margin:0;border-radius:0;padding:1.5rem}}}}"
    )
}

fn head(out: &mut String, lang: &str, title: &str, accent: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"career-copilot\">\n<title>{}</title>\n<style>{}</style>\n</head>\n",
        escape(lang),
        escape(title),
        css(accent)
    );
}

/// The CV as a public profile page.
pub fn cv_html(v: &View) -> String {
    let accent = v.style.accent.as_deref().unwrap_or("#1f5f8b");
    let mut out = String::new();
    head(&mut out, v.lang, &v.title, accent);
    out.push_str("<body>\n<main itemscope itemtype=\"https://schema.org/Person\">\n<header>\n");
    if !v.name.is_empty() {
        let _ = writeln!(out, "<h1 itemprop=\"name\">{}</h1>", escape(&v.name));
    }
    if let Some(l) = &v.label {
        let _ = writeln!(
            out,
            "<p class=\"label\" itemprop=\"jobTitle\">{}</p>",
            escape(l)
        );
    }
    if !v.contacts.is_empty() {
        out.push_str("<ul class=\"contacts\">\n");
        for c in &v.contacts {
            let prop = match c.kind {
                "email" => " itemprop=\"email\"",
                "phone" => " itemprop=\"telephone\"",
                "url" | "profile" => " itemprop=\"sameAs\"",
                _ => "",
            };
            match c.url.as_deref().and_then(safe_url) {
                Some(u) => {
                    let _ = writeln!(
                        out,
                        "<li><a href=\"{}\"{prop}>{}</a></li>",
                        escape(u),
                        escape(&c.text)
                    );
                }
                None => {
                    let _ = writeln!(out, "<li{prop}>{}</li>", escape(&c.text));
                }
            }
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</header>\n");
    for s in &v.sections {
        section_html(&mut out, s);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn section_html(out: &mut String, s: &Section) {
    let _ = writeln!(
        out,
        "<section id=\"{}\">\n<h2>{}</h2>",
        escape(s.id),
        escape(&s.title)
    );
    if let Some(t) = &s.text {
        let _ = writeln!(out, "<p itemprop=\"description\">{}</p>", escape(t));
    }
    for e in &s.entries {
        out.push_str("<article>\n<h3>");
        let head = match e.url.as_deref().and_then(safe_url) {
            Some(u) => format!("<a href=\"{}\">{}</a>", escape(u), escape(&e.head)),
            None => escape(&e.head),
        };
        out.push_str(&head);
        if let Some(sub) = &e.sub {
            let _ = write!(out, "<span class=\"sub\">, {}</span>", escape(sub));
        }
        out.push_str("</h3>\n");
        if let Some(m) = entry_meta(e, " · ") {
            let _ = writeln!(out, "<div class=\"meta\">{}</div>", escape(&m));
        }
        if let Some(sm) = &e.summary {
            let _ = writeln!(out, "<p>{}</p>", escape(sm));
        }
        if !e.bullets.is_empty() {
            out.push_str("<ul>\n");
            for b in &e.bullets {
                let _ = writeln!(out, "<li>{}</li>", escape(b));
            }
            out.push_str("</ul>\n");
        }
        if !e.tags.is_empty() {
            let _ = writeln!(
                out,
                "<div class=\"tags\">{}</div>",
                escape(&e.tags.join(" · "))
            );
        }
        out.push_str("</article>\n");
    }
    if !s.groups.is_empty() || !s.items.is_empty() {
        out.push_str("<ul>\n");
        for g in &s.groups {
            let line = match &g.name {
                Some(n) => format!(
                    "<strong>{}:</strong> {}",
                    escape(n),
                    escape(&g.items.join(", "))
                ),
                None => escape(&group_line(None, &g.items)),
            };
            let _ = writeln!(out, "<li>{line}</li>");
        }
        for it in &s.items {
            let _ = writeln!(out, "<li>{}</li>", escape(it));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// A cover letter as a page.
pub fn letter_html(l: &LetterView) -> String {
    let accent = l.style.accent.as_deref().unwrap_or("#1f5f8b");
    let mut out = String::new();
    head(&mut out, l.lang, &l.title, accent);
    out.push_str("<body>\n<main>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&l.sender.name));
    let contacts: Vec<String> = l.sender.contacts.iter().map(|c| escape(&c.text)).collect();
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>\n</header>",
        contacts.join(" · ")
    );
    if !l.recipient.is_empty() {
        let lines: Vec<String> = l.recipient.iter().map(|r| escape(r)).collect();
        let _ = writeln!(out, "<p>{}</p>", lines.join("<br>"));
    }
    if let Some(d) = &l.date {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(d));
    }
    let _ = writeln!(out, "<p>{}</p>", escape(&l.greeting));
    for p in &l.paragraphs {
        let _ = writeln!(out, "<p>{}</p>", escape(p));
    }
    let _ = writeln!(
        out,
        "<p>{}<br>{}</p>\n</main>\n</body>\n</html>",
        escape(&l.closing),
        escape(&l.signature)
    );
    out
}
