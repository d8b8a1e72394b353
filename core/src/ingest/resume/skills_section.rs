//! List sections: skills (grouped or not), spoken languages, interests.

use super::lines::RLine;
use super::{Ctx, line_prov};
use crate::model::{Interest, Language, List, Skill};

const LEVELS: &[&str] = &[
    "novice",
    "beginner",
    "basic",
    "elementary",
    "intermediate",
    "advanced",
    "expert",
    "master",
    "proficient",
    "fluent",
    "native",
    "good",
    "very good",
    "excellent",
    "grundkenntnisse",
    "gut",
    "sehr gut",
    "fortgeschritten",
    "débutant",
    "intermédiaire",
    "avancé",
    "courant",
    "básico",
    "intermedio",
    "avanzado",
    "experto",
];

const LIST_LABELS: &[&str] = &["keywords", "tools", "technologies", "skills", "stack"];

/// Splits a list at commas, semicolons, bullets and pipes, but not inside parentheses.
pub fn split_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && matches!(c, ',' | ';' | '•' | '|' | '·') {
            push_item(&mut out, &cur);
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    push_item(&mut out, &cur);
    out
}

fn push_item(out: &mut Vec<String>, s: &str) {
    let t = s.trim().trim_end_matches('.').trim();
    let t = t
        .strip_prefix("and ")
        .or_else(|| t.strip_prefix("und "))
        .or_else(|| t.strip_prefix("et "))
        .or_else(|| t.strip_prefix("y "))
        .unwrap_or(t);
    if !t.is_empty() {
        out.push(t.to_string());
    }
}

fn is_list(text: &str) -> bool {
    text.contains(',')
        || text.contains(';')
        || text.contains(" • ")
        || text.contains(" | ")
        || text.contains(" · ")
}

/// "Label: content" with a short label.
fn labelled(text: &str) -> Option<(&str, &str)> {
    let (a, b) = text.split_once(':')?;
    let (a, b) = (a.trim(), b.trim());
    (!a.is_empty() && a.split_whitespace().count() <= 5 && !b.is_empty() && !b.starts_with("//"))
        .then_some((a, b))
}

fn prose(text: &str) -> bool {
    text.split_whitespace().count() > 12 && text.matches(',').count() < 3
}

/// Splits rows of labelled cells ("Web Development: Expert | Keywords: Python, Ruby") into one
/// line per cell.
fn cells(lines: &[RLine]) -> Vec<RLine> {
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        let parts: Vec<&str> = l.text.split(" | ").collect();
        if parts.len() >= 2 && parts.iter().filter(|p| labelled(p).is_some()).count() >= 2 {
            out.extend(parts.into_iter().map(|p| RLine {
                text: p.trim().to_string(),
                ..l.clone()
            }));
        } else {
            out.push(l.clone());
        }
    }
    out
}

/// Skill groups from a skills section.
pub fn skills(lines: &[RLine], ctx: &Ctx) -> Vec<Skill> {
    let lines = &cells(lines)[..];
    let mut groups: Vec<Skill> = Vec::new();
    let mut loose: Vec<String> = Vec::new();
    let mut loose_lines: Option<(u32, u32, u32)> = None;
    // Lines whose first item carries one word more than the rest, in two lines or more.
    let merged: Vec<bool> = lines.iter().map(|l| label_run_in(&l.text)).collect();
    let merged = if merged.iter().filter(|m| **m).count() >= 2 {
        merged
    } else {
        vec![false; lines.len()]
    };
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        let t = l.text.as_str();
        if let Some((label, content)) = labelled(t) {
            let lower = label.to_lowercase();
            let items = split_list(content);
            if LIST_LABELS.contains(&lower.as_str())
                && groups.last().is_some_and(|g| g.keywords.is_empty())
            {
                if let Some(g) = groups.last_mut() {
                    g.keywords.extend(items);
                }
            } else if items.len() == 1 && LEVELS.contains(&content.to_lowercase().as_str()) {
                groups.push(group(label, Some(content), Vec::new(), ctx, l, l));
            } else {
                groups.push(group(label, None, items, ctx, l, l));
            }
            i += 1;
            continue;
        }
        // "DevOps" on one line, its list on the next.
        let next = lines.get(i + 1);
        if !l.bullet
            && !is_list(t)
            && t.split_whitespace().count() <= 4
            && next.is_some_and(|n| is_list(&n.text) && labelled(&n.text).is_none())
        {
            if let Some(n) = next {
                groups.push(group(t, None, split_list(&n.text), ctx, l, n));
                i += 2;
                continue;
            }
        }
        if !l.bullet && merged[i] {
            // "DevOps AWS, Docker": a label column run into its list.
            let items = split_list(t);
            if let Some((label, first)) = items.first().and_then(|f| f.split_once(' ')) {
                let mut kws = vec![first.to_string()];
                kws.extend(items.iter().skip(1).cloned());
                groups.push(group(label, None, kws, ctx, l, l));
                i += 1;
                continue;
            }
        }
        if !prose(t) {
            loose.extend(split_list(t));
            let (f, la) = loose_lines.map_or((l.first, l.last), |(f, _, _)| (f, l.last));
            loose_lines = Some((f, la, l.page));
        }
        i += 1;
    }
    if !loose.is_empty() {
        let mut g = Skill {
            name: Some("Skills".into()),
            keywords: List::from(loose),
            ..Skill::default()
        };
        if let Some((f, la, page)) = loose_lines {
            g.provenance = Some(crate::model::Provenance {
                source: ctx.source.into(),
                page: Some(page),
                lines: Some((f, la)),
                confidence: 0.6,
            });
        }
        groups.push(g);
    }
    groups
}

/// "DevOps AWS, Docker, Kubernetes": a capitalised first word before a list of short items.
fn label_run_in(text: &str) -> bool {
    if labelled(text).is_some() || !is_list(text) {
        return false;
    }
    let items = split_list(text);
    let Some(first) = items.first() else {
        return false;
    };
    let words = first.split_whitespace().count();
    let rest: Vec<usize> = items
        .iter()
        .skip(1)
        .map(|i| i.split_whitespace().count())
        .collect();
    let avg = rest.iter().sum::<usize>() as f32 / rest.len().max(1) as f32;
    items.len() >= 3 && words == 2 && avg <= 1.5 && first.starts_with(char::is_uppercase)
}

fn group(
    name: &str,
    level: Option<&str>,
    keywords: Vec<String>,
    ctx: &Ctx,
    a: &RLine,
    b: &RLine,
) -> Skill {
    Skill {
        name: Some(name.trim().to_string()),
        level: level.map(str::to_string),
        keywords: List::from(keywords),
        provenance: Some(line_prov(ctx, a, b, 0.8)),
        ..Skill::default()
    }
}

/// Spoken languages: "English: Native", "German (C1)", "Spanish – fluent", "English, French".
pub fn languages(lines: &[RLine], ctx: &Ctx) -> Vec<Language> {
    let mut out = Vec::new();
    for l in &cells(lines) {
        let lower = l.text.to_lowercase();
        if [
            "keywords",
            "certificates",
            "certifications",
            "tests",
            "zertifikate",
        ]
        .iter()
        .any(|k| lower.starts_with(k))
        {
            continue;
        }
        let items = if labelled(&l.text).is_some() && !l.text.contains(',') {
            vec![l.text.clone()]
        } else {
            split_list(&l.text)
        };
        for item in items {
            let (lang, fluency) = split_language(&item);
            if lang.is_empty() || lang.split_whitespace().count() > 3 {
                continue;
            }
            out.push(Language {
                language: Some(lang),
                fluency,
                provenance: Some(line_prov(ctx, l, l, 0.8)),
                ..Language::default()
            });
        }
    }
    out
}

fn split_language(item: &str) -> (String, Option<String>) {
    let t = item.trim();
    if let Some((a, b)) = t.split_once('(') {
        return (
            a.trim().to_string(),
            Some(b.trim_end_matches(')').trim().to_string()).filter(|s| !s.is_empty()),
        );
    }
    for sep in [":", " – ", " — ", " - "] {
        if let Some((a, b)) = t.split_once(sep) {
            return (
                a.trim().to_string(),
                Some(b.trim().to_string()).filter(|s| !s.is_empty()),
            );
        }
    }
    (t.to_string(), None)
}

/// Interests: "Sports: Soccer, Swimming" or plain lists.
pub fn interests(lines: &[RLine], ctx: &Ctx) -> Vec<Interest> {
    let mut out = Vec::new();
    for l in lines {
        if let Some((label, content)) = labelled(&l.text) {
            out.push(Interest {
                name: Some(label.to_string()),
                keywords: List::from(split_list(content)),
                provenance: Some(line_prov(ctx, l, l, 0.8)),
                ..Interest::default()
            });
        } else if !prose(&l.text) {
            for item in split_list(&l.text) {
                out.push(Interest {
                    name: Some(item),
                    provenance: Some(line_prov(ctx, l, l, 0.7)),
                    ..Interest::default()
                });
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn lists() {
        assert_eq!(
            split_list("Elastic Stack (Filebeat, Kibana), Rust; and Go."),
            ["Elastic Stack (Filebeat, Kibana)", "Rust", "Go"]
        );
        assert_eq!(
            split_language("German (C1)"),
            ("German".into(), Some("C1".into()))
        );
        assert_eq!(
            split_language("English: Native or Bilingual Proficiency")
                .1
                .as_deref(),
            Some("Native or Bilingual Proficiency")
        );
    }
}
