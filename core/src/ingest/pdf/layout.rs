//! Reading order: columns, lines by baseline, headings.
//!
//! A page has two columns when a vertical gutter separates substantial text on both sides
//! whose lines do not share baselines (shared baselines mean a table-like layout such as a
//! dates column, which reads better row by row). Runs that cross the gutter (a name banner,
//! a full-width section) cut the page into bands; each band is read left column first.

use super::collect::{PageText, Run};

/// A line in reading order, before clean-up.
#[derive(Debug, Clone)]
pub(super) struct RawLine {
    pub text: String,
    pub page: u32,
    /// Baseline, in page units from the top.
    pub y: f32,
    /// Font size of the line's longest run, in page units.
    pub size: f32,
    pub chars: u32,
    pub bold: u32,
    /// Which flow the line came from: 0 for full width, 1 left column, 2 right column.
    pub column: u8,
    /// Where each field (text between wide gaps) starts; one entry for a plain line.
    pub fields: Vec<f32>,
    /// The line is a row of a table: three or more fields aligned with its neighbours'.
    pub table: bool,
}

/// Gutter bins are this many page units wide.
const BIN: f32 = 2.0;

/// Orders one page's runs into lines. Returns the lines and whether the page had columns.
pub(super) fn page_lines(page: &PageText, number: u32) -> (Vec<RawLine>, bool) {
    let runs: Vec<&Run> = page.runs.iter().filter(|r| r.chars > 0).collect();
    let Some((g0, g1)) = find_gutter(&runs) else {
        return (lines_of(&runs, number, 0), false);
    };
    let mid = (g0 + g1) / 2.0;
    let (mut left, mut right, mut span) = (Vec::new(), Vec::new(), Vec::new());
    for r in &runs {
        if r.x1 <= g0 + BIN {
            left.push(*r);
        } else if r.x0 >= g1 - BIN {
            right.push(*r);
        } else if r.x1 <= mid {
            left.push(*r);
        } else if r.x0 >= mid {
            right.push(*r);
        } else {
            span.push(*r);
        }
    }
    // Full-width runs cut the page into bands read one after the other.
    let mut span_lines = lines_of(&span, number, 0);
    span_lines.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut out = Vec::new();
    let mut above = f32::NEG_INFINITY;
    let mut bands: Vec<(f32, Option<RawLine>)> =
        span_lines.into_iter().map(|l| (l.y, Some(l))).collect();
    bands.push((f32::INFINITY, None));
    for (y, line) in bands {
        out.extend(lines_of(&band(&left, above, y), number, 1));
        out.extend(lines_of(&band(&right, above, y), number, 2));
        out.extend(line);
        above = y;
    }
    (out, true)
}

/// The runs of one column with baselines in `(above, below]`.
fn band<'r>(side: &[&'r Run], above: f32, below: f32) -> Vec<&'r Run> {
    side.iter()
        .filter(|r| r.y > above && r.y <= below)
        .copied()
        .collect()
}

/// Finds a vertical gutter between two columns, as (left edge, right edge).
fn find_gutter(runs: &[&Run]) -> Option<(f32, f32)> {
    if runs.len() < 8 {
        return None;
    }
    let x_min = runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let x_max = runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    let bins = ((x_max - x_min) / BIN).ceil() as usize;
    if !(10..=5000).contains(&bins) {
        return None;
    }
    let mut cover = vec![0u32; bins + 1];
    for r in runs {
        let a = ((r.x0 - x_min) / BIN) as usize;
        let b = (((r.x1 - x_min) / BIN) as usize).min(bins);
        for c in cover.get_mut(a..=b).unwrap_or_default() {
            *c += 1;
        }
    }
    // A few runs may cross the gutter (a banner, a long title); most may not.
    let allowed = (runs.len() / 12).max(2) as u32;
    let total: u32 = runs.iter().map(|r| r.chars).sum();
    let mut best: Option<(f32, f32, f32)> = None;
    let mut i = 1;
    while i < bins {
        if cover[i] > allowed {
            i += 1;
            continue;
        }
        let start = i;
        while i < bins && cover[i] <= allowed {
            i += 1;
        }
        let (g0, g1) = (x_min + start as f32 * BIN, x_min + i as f32 * BIN);
        if g1 - g0 < 6.0 || i >= bins {
            continue;
        }
        if let Some(score) = gutter_score(runs, g0, g1, total) {
            if best.is_none_or(|b| score > b.2) {
                best = Some((g0, g1, score));
            }
        }
    }
    best.map(|(a, b, _)| (a, b))
}

/// Scores a candidate gutter, or rejects it: both sides need a fair share of the text, lines
/// side by side over a common height, and baselines of their own.
fn gutter_score(runs: &[&Run], g0: f32, g1: f32, total: u32) -> Option<f32> {
    let left: Vec<&Run> = runs.iter().filter(|r| r.x1 <= g0 + BIN).copied().collect();
    let right: Vec<&Run> = runs.iter().filter(|r| r.x0 >= g1 - BIN).copied().collect();
    let crossing = runs.len() - left.len() - right.len();
    if crossing * 6 > runs.len() {
        return None;
    }
    let (lc, rc): (u32, u32) = (
        left.iter().map(|r| r.chars).sum(),
        right.iter().map(|r| r.chars).sum(),
    );
    if lc * 8 < total || rc * 8 < total || left.len() < 4 || right.len() < 4 {
        return None;
    }
    let span = |s: &[&Run]| {
        (
            s.iter().map(|r| r.y).fold(f32::INFINITY, f32::min),
            s.iter().map(|r| r.y).fold(f32::NEG_INFINITY, f32::max),
        )
    };
    let (l0, l1) = span(&left);
    let (r0, r1) = span(&right);
    let overlap = l1.min(r1) - l0.max(r0);
    if overlap < 0.4 * (l1 - l0).min(r1 - r0) {
        return None;
    }
    // Shared baselines: the share of the smaller side's lines level with a line across.
    let (small, big) = if left.len() <= right.len() {
        (&left, &right)
    } else {
        (&right, &left)
    };
    let mut ys: Vec<f32> = big.iter().map(|r| r.y).collect();
    ys.sort_by(f32::total_cmp);
    let level = small
        .iter()
        .filter(|r| near(&ys, r.y, 0.15 * r.size))
        .count();
    if level * 2 > small.len() {
        return None;
    }
    Some((g1 - g0) * (lc.min(rc) as f32 / total as f32))
}

/// Whether a sorted list holds a value within `tol` of `y` (binary search).
fn near(sorted: &[f32], y: f32, tol: f32) -> bool {
    let i = sorted.partition_point(|v| *v < y - tol);
    sorted.get(i).is_some_and(|v| *v <= y + tol)
}

/// Groups runs into lines by baseline, top to bottom, each line left to right.
fn lines_of(runs: &[&Run], page: u32, column: u8) -> Vec<RawLine> {
    let mut sorted: Vec<&Run> = runs.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Vec<&Run>> = Vec::new();
    for r in sorted {
        match lines.last_mut() {
            Some(line) if line_accepts(line, r) => line.push(r),
            _ => lines.push(vec![r]),
        }
    }
    let mut out = Vec::with_capacity(lines.len());
    for mut line in lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        // A large name and small contact details on one baseline are separate lines.
        let mut start = 0;
        for i in 1..line.len() {
            let (a, b) = (line[i - 1], line[i]);
            let ratio = a.size.max(b.size) / a.size.min(b.size).max(0.1);
            if ratio > 1.3 && b.x0 - a.x1 > FIELD_GAP_EM * a.size.min(b.size) {
                out.push(join(&mut line[start..i], page, column));
                start = i;
            }
        }
        out.push(join(&mut line[start..], page, column));
    }
    out
}

/// A run joins a line when its baseline is within a third of the larger font size (which
/// lets superscripts and icons of another size stay on their line) and it does not sit
/// over or under a run already there (a stacked list beside a large name is several lines).
fn line_accepts(line: &[&Run], r: &Run) -> bool {
    let Some(main) = line.iter().max_by_key(|x| x.chars) else {
        return false;
    };
    let size = line.iter().map(|x| x.size).fold(r.size, f32::max);
    if (r.y - main.y).abs() > 0.35 * size {
        return false;
    }
    // The overlap test is quadratic in a line's runs: past a few hundred (only a crafted
    // file has that many on one baseline) the baseline alone decides.
    if line.len() > 256 {
        return true;
    }
    !line.iter().any(|x| {
        let overlap = x.x1.min(r.x1) - x.x0.max(r.x0);
        overlap > 0.3 * (x.x1 - x.x0).min(r.x1 - r.x0).max(0.5)
    })
}

/// Runs further apart than this many ems are separate fields (a right-aligned date, a
/// location, a table cell) and are joined with ` | `.
const FIELD_GAP_EM: f32 = 2.5;

fn join(runs: &mut [&Run], page: u32, column: u8) -> RawLine {
    runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut text = String::new();
    let mut prev_end = f32::NEG_INFINITY;
    let mut fields = Vec::new();
    let (mut chars, mut bold, mut y_weight, mut y_sum) = (0, 0, 0.0f32, 0.0f32);
    // The line's size is the size of its longest run, so a large bullet or initial does not count.
    let size = runs.iter().max_by_key(|r| r.chars).map_or(0.0, |r| r.size);
    for r in runs.iter() {
        let gap = r.x0 - prev_end;
        if !text.is_empty() {
            if gap > FIELD_GAP_EM * r.size
                || (r.after_icon && !text.trim_end().ends_with(super::collect::SEPARATORS))
            {
                text.truncate(text.trim_end().len());
                text.push_str(" | ");
                fields.push(r.x0);
            } else if !text.ends_with(' ') && gap > 0.12 * r.size {
                text.push(' ');
            }
        } else {
            fields.push(r.x0);
        }
        text.push_str(&r.text);
        prev_end = prev_end.max(r.x1);
        chars += r.chars;
        bold += r.bold;
        y_sum += r.y * r.chars as f32;
        y_weight += r.chars as f32;
    }
    let y = if y_weight > 0.0 {
        y_sum / y_weight
    } else {
        runs.first().map_or(0.0, |r| r.y)
    };
    RawLine {
        text,
        page,
        y,
        size,
        chars,
        bold,
        column,
        fields,
        table: false,
    }
}

/// Marks table rows: three or more consecutive lines of the same flow, each with three or
/// more fields, whose fields start at the same places. Returns whether any were found.
pub(super) fn mark_tables(lines: &mut [RawLine]) -> bool {
    let aligned = |a: &RawLine, b: &RawLine| {
        a.column == b.column
            && a.fields.len() >= 3
            && b.fields.len() >= 3
            && a.fields
                .iter()
                .filter(|x| b.fields.iter().any(|y| (*x - y).abs() < 3.0))
                .count()
                >= 3
    };
    let mut found = false;
    let mut start = 0;
    for i in 1..=lines.len() {
        if i < lines.len() && aligned(&lines[i - 1], &lines[i]) {
            continue;
        }
        if i - start >= 3 {
            found = true;
            for l in &mut lines[start..i] {
                l.table = true;
            }
        }
        start = i;
    }
    found
}

/// The body font size: the size that most characters are set in.
pub(super) fn body_size(lines: &[RawLine]) -> f32 {
    let mut hist: Vec<(i32, u32)> = Vec::new();
    for l in lines {
        let key = (l.size * 2.0).round() as i32;
        match hist.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += l.chars,
            None => hist.push((key, l.chars)),
        }
    }
    hist.iter()
        .max_by_key(|(_, n)| *n)
        .map_or(10.0, |(k, _)| *k as f32 / 2.0)
}
