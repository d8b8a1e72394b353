//! Two columns read row by row: a sidebar (skills, contact) and the main column (experience)
//! that the extractor interleaved because their lines share baselines.
//!
//! The sign is two section headings side by side: one row "SKILLS | EXPERIENCE" (the PDF
//! extractor's ` | ` between far-apart text, or two headings run together, "SUMMARY
//! EDUCATION"), or two headings on consecutive lines with nothing between them. From there to
//! the next heading each row is cut at its first ` | `: the left cell goes to the first
//! section, the rest to the second. A row without a cut goes to the sidebar when it is a short
//! list item of a list section, to the main column otherwise. The two sections are then laid out
//! one after the other.

use super::entries::{anchor, looks_like_location, org_score, title_score};
use super::lines::RLine;
use super::sections::{SectionKind, all_caps, heading_shape, vocab_kind};
use crate::ingest::doc::BULLETS;
use crate::model::date::find_date_range;

/// Lays out side-by-side sections one after the other; other lines are kept as they are.
pub fn unzip(lines: Vec<RLine>) -> Vec<RLine> {
    if !lines.iter().any(|l| l.text.contains(" | ") || l.hint) {
        return lines;
    }
    let mut out: Vec<RLine> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        let pair = split_pair(l)
            .or_else(|| stacked_pair(&lines, i))
            .or_else(|| heading_beside_text(&lines, i));
        let Some((left_head, right_head, used)) = pair else {
            out.push(l.clone());
            i += 1;
            continue;
        };
        let left_kind = vocab_kind(&left_head.text);
        let left_size = left_head.size;
        // Main-column text before the main column's next heading continues the section above.
        let headed = right_head.hint;
        let mut pre = Vec::new();
        let mut left = vec![left_head];
        let mut right = Vec::new();
        if headed {
            right.push(right_head);
        } else {
            pre.push(right_head);
        }
        i += used;
        // Rows in a row with nothing for the sidebar: it has ended, the rest is one column.
        let mut idle = 0;
        while let Some(r) = lines.get(i) {
            if idle >= 4 {
                break;
            }
            idle += 1;
            if is_heading(r) {
                // A heading in the main column's type: the sidebar runs on beside it.
                let other =
                    matches!((r.size, left_size), (Some(a), Some(b)) if (a - b).abs() >= 0.1);
                if !other {
                    break;
                }
                right.push(r.clone());
                i += 1;
                continue;
            }
            let main = if right.is_empty() {
                &mut pre
            } else {
                &mut right
            };
            let before = left.len();
            route(r, left_kind, &mut left, main);
            if left.len() > before {
                idle = 0;
            }
            i += 1;
        }
        out.extend(pre);
        out.extend(left);
        out.extend(right);
    }
    out
}

/// "TECHNICAL SKILLS | tooling.": a sidebar heading level with the end of a main-column line,
/// with a heading in other type just below (the main column's).
fn heading_beside_text(lines: &[RLine], i: usize) -> Option<(RLine, RLine, usize)> {
    let l = &lines[i];
    let (a, b) = l.text.split_once(" | ")?;
    let (a, b) = (a.trim(), b.trim());
    let size = l.size?;
    let main_heading = lines
        .iter()
        .skip(i + 1)
        .take(3)
        .any(|n| n.hint && is_heading(n) && n.size.is_some_and(|s| (s - size).abs() >= 0.1));
    let heading = heading_shape(a) && sidebar(vocab_kind(a)) && all_caps(a);
    if !(heading && main_heading) || b.contains(',') || is_heading_text(b) {
        return None;
    }
    let left = RLine {
        text: a.to_string(),
        hint: true,
        side: Vec::new(),
        anchor: None,
        ..l.clone()
    };
    let right = RLine {
        text: b.to_string(),
        hint: false,
        size: None,
        anchor: None,
        ..l.clone()
    };
    Some((left, right, 1))
}

fn is_heading_text(t: &str) -> bool {
    heading_shape(t) && vocab_kind(t).is_some()
}

/// A heading line: marked by the source, or a known heading in its own shape.
fn is_heading(l: &RLine) -> bool {
    !l.bullet
        && heading_shape(&l.text)
        && vocab_kind(&l.text).is_some()
        && (l.hint || all_caps(&l.text))
}

/// "SKILLS | EXPERIENCE" or "SUMMARY EDUCATION" on one row: the two headings.
fn split_pair(l: &RLine) -> Option<(RLine, RLine, usize)> {
    if l.bullet || !l.side.is_empty() {
        return None;
    }
    let t = l.text.trim();
    let (a, b) = match t.split_once(" | ") {
        Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
        None if all_caps(t) && (l.hint || t.split_whitespace().count() <= 6) => {
            let words: Vec<&str> = t.split_whitespace().collect();
            (1..words.len()).find_map(|k| {
                let (a, b) = (words[..k].join(" "), words[k..].join(" "));
                (vocab_kind(&a).is_some() && vocab_kind(&b).is_some()).then_some((a, b))
            })?
        }
        None => return None,
    };
    let known = |s: &str| heading_shape(s) && vocab_kind(s).is_some() && !s.contains(" | ");
    if !(known(&a) && known(&b)) || vocab_kind(t).is_some() {
        return None;
    }
    let head = |text: String| RLine {
        text,
        hint: true,
        ..l.clone()
    };
    Some((head(a), head(b), 1))
}

/// Two headings in a row with nothing between, in different type: a sidebar heading level with
/// the main column's.
fn stacked_pair(lines: &[RLine], i: usize) -> Option<(RLine, RLine, usize)> {
    let (a, b) = (&lines[i], lines.get(i + 1)?);
    let sized = matches!((a.size, b.size), (Some(x), Some(y)) if (x - y).abs() >= 0.1);
    let follows = lines
        .iter()
        .skip(i + 2)
        .take(3)
        .any(|n| n.text.contains(" | "));
    let kinds = sidebar(vocab_kind(&a.text)) && !sidebar(vocab_kind(&b.text));
    (a.hint && b.hint && sized && follows && kinds && is_heading(a) && is_heading(b))
        .then(|| (a.clone(), b.clone(), 2))
}

/// Sections that sidebars hold: short lists beside the experience.
fn sidebar(kind: Option<SectionKind>) -> bool {
    matches!(
        kind,
        Some(
            SectionKind::Skills
                | SectionKind::Languages
                | SectionKind::Interests
                | SectionKind::Contact
                | SectionKind::Certificates
        )
    )
}

/// Sends one row to the sidebar, the main column, or splits it between them.
fn route(r: &RLine, left_kind: Option<SectionKind>, left: &mut Vec<RLine>, right: &mut Vec<RLine>) {
    let list = sidebar(left_kind);
    if !r.bullet {
        if let Some((a, b)) = r.text.split_once(" | ") {
            let (a, b) = (a.trim(), b.trim());
            // "Working Student | Erlangen" and "Voltwerk AG | Stuttgart" are one main-column row.
            // "Siebert Elektronik | Juli 2016 – September 2016": a head with its dates.
            let dates_only = find_date_range(b)
                .is_some_and(|d| d.span.0 == 0 && d.span.1 >= b.trim_end_matches(['.', ')']).len());
            let main_row =
                title_score(a) > 0 || org_score(a) > 0 || looks_like_location(b) || dates_only;
            if !main_row && !a.is_empty() && !b.is_empty() {
                left.push(RLine {
                    text: a.to_string(),
                    side: Vec::new(),
                    anchor: None,
                    ..r.clone()
                });
                let (text, bullet) = match b.strip_prefix(BULLETS) {
                    Some(rest) if rest.starts_with(' ') => (rest.trim().to_string(), true),
                    _ => (b.to_string(), false),
                };
                let mut main = RLine {
                    text,
                    bullet,
                    ..r.clone()
                };
                main.anchor = super::entries::find_anchor(&main);
                right.push(main);
                return;
            }
            right.push(r.clone());
            return;
        }
    }
    let words = r.text.split_whitespace().count();
    let item = !r.bullet
        && anchor(r).is_none()
        && words <= 3
        && !r.text.contains(',')
        && title_score(&r.text) == 0
        && org_score(&r.text) == 0;
    if list && item {
        left.push(r.clone());
    } else {
        right.push(r.clone());
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::ingest::doc::Line;
    use crate::ingest::resume::lines::prepare;

    fn texts(lines: &[RLine]) -> Vec<String> {
        lines.iter().map(|l| l.text.clone()).collect()
    }

    #[test]
    fn interleaved_sidebar_rows_are_laid_out_one_after_the_other() {
        let raw = [
            "SKILLS | EXPERIENCE",
            "Languages | Acme Robotics | March 2022 – Present",
            "Rust | Senior Engineer | Berlin",
            "• Built the planner.",
            "Python",
            "Globex GmbH | 2019 – 2022",
            "SQL | • Wrote drivers.",
            "EDUCATION",
            "TU Berlin | 2014 – 2018",
        ];
        let lines: Vec<Line> = raw
            .iter()
            .map(|t| crate::ingest::doc::line_from_plain(t, 1))
            .collect();
        let out = unzip(prepare(&lines));
        assert_eq!(
            texts(&out),
            [
                "SKILLS",
                "Languages",
                "Rust",
                "Python",
                "SQL",
                "EXPERIENCE",
                "Acme Robotics | March 2022 – Present",
                "Senior Engineer | Berlin",
                "Built the planner.",
                "Globex GmbH | 2019 – 2022",
                "Wrote drivers.",
                "EDUCATION",
                "TU Berlin | 2014 – 2018",
            ]
        );
        assert!(out[9].anchor.is_some() && out[10].bullet);
    }

    #[test]
    fn headings_run_together_are_split() {
        let l = RLine {
            text: "SUMMARY EDUCATION".into(),
            bullet: false,
            hint: false,
            size: None,
            page: 1,
            first: 1,
            last: 1,
            gap_before: false,
            side: Vec::new(),
            anchor: None,
        };
        let (a, b, _) = split_pair(&l).unwrap();
        assert_eq!((a.text.as_str(), b.text.as_str()), ("SUMMARY", "EDUCATION"));
        let single = RLine {
            text: "WORK EXPERIENCE".into(),
            ..l
        };
        assert!(split_pair(&single).is_none());
    }
}
