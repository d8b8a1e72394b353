//! Short dated items: awards, certificates, publications, references.

use super::entries::{Entry, cut, date_in, looks_like_location};
use super::lines::RLine;
use super::{Ctx, is_url, provenance};
use crate::model::{Award, Certificate, Provenance, Publication, Reference};

/// One item whatever its kind: a title, a second line (issuer, awarder, publisher), a date.
#[derive(Debug, Default)]
struct Item {
    title: Option<String>,
    second: Option<String>,
    date: Option<String>,
    url: Option<String>,
    summary: Vec<String>,
    prov: Option<Provenance>,
}

fn from_line(l: &RLine, ctx: &Ctx) -> Item {
    let mut it = Item::default();
    let mut text = l.text.clone();
    if let Some((d, span)) = date_in(&text) {
        it.date = Some(d.to_string());
        text = cut(&text, span);
    }
    let mut parts = split_item(&text).into_iter();
    it.title = parts.next();
    it.second = parts.next();
    it.summary.extend(parts);
    it.prov = Some(Provenance {
        source: ctx.source.into(),
        page: Some(l.page),
        lines: Some((l.first, l.last)),
        confidence: 0.7,
    });
    it
}

/// "Title — Issuer", "Title, Issuer", "Title (Issuer)".
fn split_item(text: &str) -> Vec<String> {
    for sep in [" — ", " – ", " | ", " - "] {
        if let Some((a, b)) = text.split_once(sep) {
            return vec![a.trim().to_string(), b.trim().to_string()];
        }
    }
    let t = text.trim();
    if t.is_empty() {
        Vec::new()
    } else {
        vec![t.to_string()]
    }
}

fn items(entries: &[Entry<'_>], ctx: &Ctx) -> Vec<Item> {
    let mut out = Vec::new();
    for e in entries {
        let parts: Vec<String> = e
            .head_parts()
            .into_iter()
            .filter(|p| !looks_like_location(p))
            .collect();
        if parts.is_empty() && e.range.is_none() {
            // Bullets without a head: one item each.
            out.extend(e.body.iter().map(|l| from_line(l, ctx)));
            continue;
        }
        let mut it = Item::default();
        let mut rest = Vec::new();
        for p in parts {
            if it.url.is_none() && is_url(&p) {
                it.url = Some(p);
            } else if it.title.is_none() {
                it.title = Some(p);
            } else if it.second.is_none() {
                it.second = Some(p);
            } else {
                rest.push(p);
            }
        }
        it.date = e.range.and_then(|r| r.start).map(|d| d.to_string());
        it.summary = rest;
        it.summary.extend(e.body.iter().map(|l| l.text.clone()));
        it.prov = Some(provenance(
            ctx,
            e,
            if it.date.is_some() { 0.7 } else { 0.5 },
        ));
        out.push(it);
    }
    out
}

fn joined(v: Vec<String>) -> Option<String> {
    (!v.is_empty()).then(|| v.join("\n"))
}

pub fn awards(entries: &[Entry<'_>], ctx: &Ctx) -> Vec<Award> {
    items(entries, ctx)
        .into_iter()
        .map(|i| Award {
            title: i.title,
            awarder: i.second,
            date: i.date,
            summary: joined(i.summary),
            provenance: i.prov,
            ..Award::default()
        })
        .collect()
}

pub fn certificates(entries: &[Entry<'_>], ctx: &Ctx) -> Vec<Certificate> {
    items(entries, ctx)
        .into_iter()
        .map(|i| Certificate {
            name: i.title,
            issuer: i.second,
            date: i.date,
            url: i.url,
            provenance: i.prov,
            ..Certificate::default()
        })
        .collect()
}

pub fn publications(entries: &[Entry<'_>], ctx: &Ctx) -> Vec<Publication> {
    items(entries, ctx)
        .into_iter()
        .map(|i| Publication {
            name: i.title,
            publisher: i.second,
            release_date: i.date,
            url: i.url,
            summary: joined(i.summary),
            provenance: i.prov,
            ..Publication::default()
        })
        .collect()
}

pub fn references(entries: &[Entry<'_>], ctx: &Ctx) -> Vec<Reference> {
    items(entries, ctx)
        .into_iter()
        .map(|i| {
            let mut text: Vec<String> = i.second.into_iter().collect();
            text.extend(i.summary);
            Reference {
                name: i.title,
                reference: joined(text),
                provenance: i.prov,
                ..Reference::default()
            }
        })
        .collect()
}
