//! The document's outline: which lines are section headings (by the extractor's hint, by shape
//! and vocabulary, or by the look the document gives its known headings) and which lines are
//! the header block with the contact details.

use super::lines::RLine;
use super::sections::{self, SectionKind};
use super::{contact, entries};

/// A section found under a heading.
#[derive(Debug)]
pub(super) struct Section {
    pub kind: SectionKind,
    pub title: String,
    pub lines: Vec<RLine>,
}

/// Splits lines into the header block and the sections under headings.
pub(super) fn split_sections(all: &[RLine]) -> (Vec<RLine>, Vec<Section>) {
    let kinds: Vec<Option<SectionKind>> = all
        .iter()
        .map(|l| {
            if l.bullet || !sections::heading_shape(&l.text) {
                None
            } else {
                sections::vocab_kind(&l.text)
            }
        })
        .collect();
    let known: Vec<usize> = (0..all.len()).filter(|&i| kinds[i].is_some()).collect();
    let hinted = known.iter().filter(|&&i| all[i].hint).count();
    let trust_hints = hinted >= 2 && hinted * 10 >= known.len() * 6;
    let caps = known
        .iter()
        .filter(|&&i| sections::all_caps(&all[i].text))
        .count();
    let caps_style = caps >= 1 && caps * 10 >= known.len() * 6;
    // Every known heading in capitals: a hinted line in mixed case is an entry's title in bold.
    let caps_all = known.len() >= 2 && caps == known.len();
    // Plain text whose headings are bare Title-case lines: an unknown one may look the same.
    let plain = hinted == 0 && caps == 0 && known.len() >= 3;
    // The size section headings share: the most common size among hinted known headings.
    let dominant = {
        let mut counts: Vec<(f32, usize)> = Vec::new();
        for &i in known.iter().filter(|&&i| all[i].hint) {
            if let Some(s) = all[i].size {
                match counts.iter_mut().find(|(k, _)| (k - s).abs() < 0.05) {
                    Some(c) => c.1 += 1,
                    None => counts.push((s, 1)),
                }
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.total_cmp(&b.0)))
            .map(|c| c.0)
    };
    let sizes: Vec<f32> = dominant.into_iter().collect();

    let mut header = Vec::new();
    let mut found: Vec<Section> = Vec::new();
    let banner = name_banner(all, &kinds);
    // Lines after a name banner that sits below a sidebar heading belong to the header.
    let mut in_banner = false;
    for (i, l) in all.iter().enumerate() {
        if Some(i) == banner {
            header.push(l.clone());
            in_banner = true;
            continue;
        }
        if in_banner {
            if !l.hint && kinds[i].is_none() && !l.gap_before {
                header.push(l.clone());
                continue;
            }
            in_banner = false;
        }
        let cur = found.last().map(|s| s.kind);
        let heading = match kinds[i] {
            Some(k)
                if accept_known(all, i, k, cur, trust_hints)
                    && size_fits(&all[i], dominant, trust_hints) =>
            {
                Some(k)
            }
            _ if cur.is_some() && kinds[i].is_none() => unknown_heading(
                all,
                i,
                cur,
                (caps_style, caps_all, plain),
                trust_hints,
                &sizes,
            ),
            _ => None,
        };
        match heading {
            Some(kind) => found.push(Section {
                kind,
                title: l.text.trim_end_matches(':').trim().to_string(),
                lines: Vec::new(),
            }),
            None => match (inline_heading(l, cur), found.last_mut()) {
                (Some((kind, title, rest)), _) => found.push(Section {
                    kind,
                    title,
                    lines: vec![RLine {
                        text: rest,
                        ..l.clone()
                    }],
                }),
                (None, Some(s)) => s.lines.push(l.clone()),
                (None, None) => header.push(l.clone()),
            },
        }
    }
    (header, found)
}

/// In plain text with bare Title-case headings, a line like them that the vocabulary lacks
/// ("Patents"): one to three capitalised words that name no skill, employer, title, place or
/// person, between lines that are not one-word items of a list.
fn plain_heading(all: &[RLine], i: usize) -> bool {
    let t = all[i].text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let (Some(next), Some(prev)) = (all.get(i + 1), i.checked_sub(1).and_then(|j| all.get(j)))
    else {
        return false;
    };
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "&" | "and" | "of"))
        && t.chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '&' || c == '-')
        && !short_item(next)
        && !(short_item(prev) && prev.text.split_whitespace().count() == 1)
        && entries::anchor(prev).is_none()
        && entries::anchor(next).is_none_or(|_| next.text.split_whitespace().count() > 4)
        && entries::title_score(t) == 0
        && entries::org_score(t) == 0
        && !entries::looks_like_location(t)
        && !contact::looks_like_name(t)
        && crate::skills::Taxonomy::builtin().lookup(t).is_none()
        && !item_list(&next.text)
}

/// "AWS, Kubernetes, Prometheus": short items between commas (what a group label heads).
fn item_list(text: &str) -> bool {
    let parts: Vec<&str> = text.split([',', ';']).collect();
    parts.len() >= 2 && parts.iter().all(|p| p.split_whitespace().count() <= 3)
}

/// The name in the largest type on the first page, when it comes after a heading (a sidebar
/// with "CONTACT" and "SKILLS" read before the main column): the header is empty otherwise.
fn name_banner(all: &[RLine], kinds: &[Option<SectionKind>]) -> Option<usize> {
    let first_heading = kinds.iter().position(Option::is_some).unwrap_or(all.len());
    let before = &all[..first_heading.min(all.len())];
    if before
        .iter()
        .take(8)
        .any(|l| contact::looks_like_name(&l.text))
    {
        return None;
    }
    let (i, l) = all
        .iter()
        .enumerate()
        .take(80)
        .filter(|(_, l)| l.page == 1 && l.size.is_some_and(|s| s >= 1.5))
        .max_by(|a, b| a.1.size.unwrap_or(0.0).total_cmp(&b.1.size.unwrap_or(0.0)))?;
    (i >= first_heading && contact::looks_like_name(&l.text)).then_some(i)
}

/// "SKILLS: Python, SQL" inside another section: a heading with its content on the same line.
/// Not inside list sections, where "Languages: Rust, Go" is a group.
fn inline_heading(l: &RLine, cur: Option<SectionKind>) -> Option<(SectionKind, String, String)> {
    use SectionKind::*;
    if l.bullet || matches!(cur, None | Some(Skills | Languages | Interests)) {
        return None;
    }
    let (head, rest) = l.text.split_once(':')?;
    let (head, rest) = (head.trim(), rest.trim());
    if rest.is_empty()
        || head.split_whitespace().count() > 3
        || !(sections::all_caps(head) || l.hint)
    {
        return None;
    }
    let kind = sections::vocab_kind(head).filter(|k| Some(*k) != cur && *k != Contact)?;
    Some((kind, head.to_string(), rest.to_string()))
}

/// With trusted hints, a known heading in a smaller font than the section headings is an
/// entry's title ("Open Source" under "Technical Experience").
fn size_fits(l: &RLine, dominant: Option<f32>, trust_hints: bool) -> bool {
    match (trust_hints, dominant, l.size) {
        (true, Some(d), Some(s)) => s >= d - 0.1 || sections::all_caps(&l.text),
        _ => true,
    }
}

fn short_item(l: &RLine) -> bool {
    !l.bullet && l.text.split_whitespace().count() <= 3 && !l.text.contains([',', ':', '.'])
}

fn accept_known(
    all: &[RLine],
    i: usize,
    kind: SectionKind,
    cur: Option<SectionKind>,
    trust_hints: bool,
) -> bool {
    let l = &all[i];
    let strong = l.hint || sections::all_caps(&l.text) || l.text.trim_end().ends_with(':');
    if trust_hints && !strong {
        return false;
    }
    if l.hint {
        return true;
    }
    let prev = i.checked_sub(1).and_then(|j| all.get(j));
    let next = all.get(i + 1);
    // "Languages" as a group inside a skills list ("DevOps" / "AWS, Docker" / "Languages" / "Korean, English").
    if matches!(cur, Some(SectionKind::Skills)) && kind == SectionKind::Languages && !strong {
        let list = |l: Option<&RLine>| l.is_some_and(|l| l.text.contains(','));
        if list(prev) && list(next) {
            return false;
        }
    }
    // "Leadership" in a column of one-word skills.
    if matches!(
        cur,
        Some(SectionKind::Skills | SectionKind::Interests | SectionKind::Languages)
    ) && !strong
        && prev.is_some_and(short_item)
        && next.is_some_and(short_item)
    {
        return false;
    }
    // A heading is followed by content.
    next.is_some()
}

fn unknown_heading(
    all: &[RLine],
    i: usize,
    cur: Option<SectionKind>,
    (caps_style, caps_all, plain): (bool, bool, bool),
    trust_hints: bool,
    sizes: &[f32],
) -> Option<SectionKind> {
    let l = &all[i];
    let t = l.text.trim();
    // Markdown and Word headings are explicit: allow them longer ("Extra Section, Call it Whatever").
    let explicit = l.hint
        && trust_hints
        && t.split_whitespace().count() <= 10
        && t.len() <= 80
        && !t.ends_with('.');
    if l.bullet || !(sections::heading_shape(t) || explicit) || contact::email_in(t).is_some() {
        return None;
    }
    let colon = t.ends_with(':') && !trust_hints && t.split_whitespace().count() <= 4;
    let size_ok = match (l.size, sizes.is_empty()) {
        (Some(s), false) => sizes.iter().any(|k| (k - s).abs() < 0.05),
        _ => true,
    };
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let caps =
        caps_style && sections::all_caps(t) && t.split_whitespace().count() <= 5 && letters >= 5;
    // In list sections a one-word line in capitals is an item ("HTML"), unless the source says heading.
    let list_section = matches!(
        cur,
        Some(SectionKind::Skills | SectionKind::Languages | SectionKind::Interests)
    );
    let styled = (l.hint && (trust_hints && !caps_all || sections::all_caps(t)) && size_ok)
        || (caps && !list_section);
    if !(styled || colon && sections::stem_kind(t).is_some() || plain && plain_heading(all, i)) {
        return None;
    }
    // An entry's head (a company in capitals) is followed by dates within two lines.
    let entry_section = matches!(
        cur,
        Some(
            SectionKind::Work
                | SectionKind::Education
                | SectionKind::Volunteer
                | SectionKind::Projects
        )
    );
    // …unless it has the headings' own style and reads as neither an employer nor a title.
    let house_style = l.hint
        && caps_style
        && sections::all_caps(t)
        && t.split_whitespace().count() >= 2
        && entries::org_score(t) == 0
        && entries::title_score(t) == 0;
    if entry_section
        && !house_style
        && all
            .iter()
            .skip(i + 1)
            .take(2)
            .any(|n| entries::anchor(n).is_some())
    {
        return None;
    }
    if entries::looks_like_location(t) || all.get(i + 1).is_none() {
        return None;
    }
    Some(sections::stem_kind(t).unwrap_or(SectionKind::Other))
}
