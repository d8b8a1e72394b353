//! Dedupe, pure: the same job seen twice, by key, by fingerprint, or by near-identical text.
//!
//! - Exact: (`source`, `source_id`) is the key a store upserts by ([`job_key`]).
//! - Across sources: the normalised (company, title, locations) [`fingerprint`], and SimHash
//!   of the description within [`NEAR_DUPLICATE_BITS`] for the same company, a similar title
//!   and compatible locations.
//! - Over time ([`lifecycle`]): reposts (the same fingerprint back with a new id or a new date)
//!   and stale jobs expiring.

pub mod lifecycle;
pub mod normalize;
mod simhash;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{Job, WorkplaceType};

pub use simhash::{DISTINCT_BITS, MIN_WORDS, NEAR_DUPLICATE_BITS, distance, simhash};

/// The identity a board gives a job: unique within the board, stable across fetches.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct JobKey {
    pub source: String,
    pub source_id: String,
}

/// The job's key: its `source` with its `source_id` (or, lacking one, its URL).
pub fn job_key(job: &Job) -> Option<JobKey> {
    let source = job.source.as_deref()?.trim();
    let id = job.source_id.as_deref().or(job.url.as_deref())?.trim();
    (!source.is_empty() && !id.is_empty()).then(|| JobKey {
        source: source.to_string(),
        source_id: id.to_string(),
    })
}

/// `company | title | locations`, each normalised ([`normalize`]). Empty when the job has no
/// company or no title: such jobs are never merged by fingerprint.
pub fn fingerprint(job: &Job) -> String {
    let company = job
        .company
        .as_deref()
        .map(normalize::company)
        .unwrap_or_default();
    let title = job
        .title
        .as_deref()
        .map(normalize::title)
        .unwrap_or_default();
    if company.is_empty() || title.is_empty() {
        return String::new();
    }
    let remote = job.workplace_type == Some(WorkplaceType::Remote);
    format!(
        "{company} | {title} | {}",
        normalize::locations(&job.locations, remote)
    )
}

/// A hash of what a posting says (title, company, places, pay, dates, description, skills), so
/// a refresh can tell an updated posting from an unchanged one. Our own ids, attribution and
/// unknown board fields do not count.
pub fn content_hash(job: &Job) -> u64 {
    let mut stripped = job.clone();
    stripped.id = None;
    stripped.extra.clear();
    let text = serde_json::to_string(&stripped).unwrap_or_default();
    // FNV-1a: stable across platforms and releases, unlike std's hasher.
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Why a job was taken for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum Reason {
    /// The same (source, source id).
    Key,
    /// The same normalised company, title and locations.
    Fingerprint,
    /// Near-identical description (SimHash bits apart) at the same company, with a similar
    /// title and compatible locations.
    Text { distance: u32 },
}

/// Job `index` is a copy of job `of` (both indexes into the input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    pub index: usize,
    pub of: usize,
    pub reason: Reason,
}

/// What [`find_duplicates`] found: the jobs to keep (indexes, input order) and the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Groups {
    pub kept: Vec<usize>,
    pub duplicates: Vec<Duplicate>,
}

/// Boards that are the employer's own system rank above aggregators when choosing which copy
/// of a job to keep.
fn source_rank(job: &Job) -> u8 {
    match job.source.as_deref() {
        Some("greenhouse" | "lever" | "jsonld") => 0,
        Some(_) => 1,
        None => 2,
    }
}

struct Sets(Vec<usize>);

type Why = HashMap<usize, (usize, Reason)>;

fn join(sets: &mut Sets, a: usize, b: usize, r: Reason, reasons: &mut Why) {
    let (ra, rb) = (sets.find(a), sets.find(b));
    if ra != rb {
        sets.0[rb] = ra;
        reasons.entry(b).or_insert((a, r));
    }
}

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
}

/// Pairs compared by text at most, so that one boilerplate shared by thousands of jobs cannot
/// make dedupe quadratic.
const MAX_TEXT_PAIRS: usize = 2_000_000;

/// "kehe distributors" and "kehe food distributors": one name's words within the other's.
fn same_company(a: &str, b: &str) -> bool {
    let wa: std::collections::HashSet<&str> = a.split(' ').collect();
    let wb: std::collections::HashSet<&str> = b.split(' ').collect();
    a == b || wa.is_subset(&wb) || wb.is_subset(&wa)
}

/// Words that set a level: two titles differing in them are different openings, even with
/// one description.
const LEVELS: &[&str] = &[
    "intern",
    "junior",
    "mid",
    "senior",
    "staff",
    "lead",
    "principal",
    "head",
    "director",
    "manager",
    "chief",
    "1",
    "2",
    "3",
    "4",
];

/// Titles at the same level sharing at least half their words.
fn title_similar(a: &str, b: &str) -> bool {
    fn level(t: &str) -> Vec<&str> {
        t.split(' ').filter(|w| LEVELS.contains(w)).collect()
    }
    if level(a) != level(b) {
        return false;
    }
    let wa: std::collections::HashSet<&str> = a.split(' ').collect();
    let wb: std::collections::HashSet<&str> = b.split(' ').collect();
    let inter = wa.intersection(&wb).count();
    let union = wa.union(&wb).count().max(1);
    inter * 2 >= union
}

fn places_compatible(a: &str, b: &str) -> bool {
    a.is_empty() || b.is_empty() || a == b || a.split("; ").any(|p| b.split("; ").any(|q| p == q))
}

/// Groups the jobs that are copies of one another and picks one of each group to keep: the
/// employer's own board first, then the longest description, then the first seen.
pub fn find_duplicates(jobs: &[Job]) -> Groups {
    let n = jobs.len();
    let mut sets = Sets((0..n).collect());
    let mut reasons: Why = HashMap::new();
    let hashes: Vec<Option<u64>> = jobs.iter().map(|j| simhash(&j.description)).collect();
    let distinct = |a: usize, b: usize| {
        hashes[a]
            .zip(hashes[b])
            .is_some_and(|(x, y)| distance(x, y) > DISTINCT_BITS)
    };
    let mut by_key: HashMap<JobKey, usize> = HashMap::new();
    // Per fingerprint, one job for each clearly different text seen under it.
    let mut by_print: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, job) in jobs.iter().enumerate() {
        if let Some(k) = job_key(job) {
            if let Some(&first) = by_key.get(&k) {
                join(&mut sets, first, i, Reason::Key, &mut reasons);
                continue;
            }
            by_key.insert(k, i);
        }
        let fp = fingerprint(job);
        if !fp.is_empty() {
            let reps = by_print.entry(fp).or_default();
            match reps.iter().find(|&&r| !distinct(r, i)) {
                Some(&first) => join(&mut sets, first, i, Reason::Fingerprint, &mut reasons),
                None => reps.push(i),
            }
        }
    }
    // Near-identical text: candidates share a SimHash band, then must agree on company, title
    // and place.
    let info: Vec<Option<(u64, String, String, String)>> = jobs
        .iter()
        .zip(&hashes)
        .map(|(j, h)| {
            let h = (*h)?;
            let company = normalize::company(j.company.as_deref()?);
            let title = normalize::title(j.title.as_deref().unwrap_or(""));
            let remote = j.workplace_type == Some(WorkplaceType::Remote);
            (!company.is_empty()).then(|| {
                (
                    h,
                    company,
                    title,
                    normalize::locations(&j.locations, remote),
                )
            })
        })
        .collect();
    let mut buckets: HashMap<(u8, u8), Vec<usize>> = HashMap::new();
    for (i, x) in info.iter().enumerate() {
        if let Some((h, ..)) = x {
            for band in simhash::bands(*h) {
                buckets.entry(band).or_default().push(i);
            }
        }
    }
    let mut keys: Vec<&(u8, u8)> = buckets.keys().collect();
    keys.sort();
    let mut pairs = 0usize;
    'outer: for key in keys {
        let members = &buckets[key];
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                pairs += 1;
                if pairs > MAX_TEXT_PAIRS {
                    break 'outer;
                }
                let (Some((ha, ca, ta, la)), Some((hb, cb, tb, lb))) = (&info[a], &info[b]) else {
                    continue;
                };
                let d = distance(*ha, *hb);
                if d <= NEAR_DUPLICATE_BITS
                    && same_company(ca, cb)
                    && title_similar(ta, tb)
                    && places_compatible(la, lb)
                {
                    join(&mut sets, a, b, Reason::Text { distance: d }, &mut reasons);
                }
            }
        }
    }
    // One keeper per group.
    let mut best: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let root = sets.find(i);
        let better = |cur: usize| {
            let (a, b) = (&jobs[i], &jobs[cur]);
            (source_rank(a), std::cmp::Reverse(a.description.len()))
                < (source_rank(b), std::cmp::Reverse(b.description.len()))
        };
        match best.get(&root) {
            Some(&cur) if !better(cur) => {}
            _ => {
                best.insert(root, i);
            }
        }
    }
    let mut groups = Groups::default();
    for i in 0..n {
        let keeper = best[&sets.find(i)];
        if keeper == i {
            groups.kept.push(i);
        } else {
            let reason = reasons
                .get(&i)
                .map(|(_, r)| *r)
                .or_else(|| reasons.get(&keeper).map(|(_, r)| *r))
                .unwrap_or(Reason::Fingerprint);
            groups.duplicates.push(Duplicate {
                index: i,
                of: keeper,
                reason,
            });
        }
    }
    groups
}

/// Drops the copies and keeps, on each kept job, where else it was seen (`extra.also_at`:
/// source, id, URL), so every board still gets its credit.
pub fn merge(jobs: Vec<Job>) -> (Vec<Job>, Groups) {
    let groups = find_duplicates(&jobs);
    let mut also: HashMap<usize, Vec<serde_json::Value>> = HashMap::new();
    let mut credited: std::collections::HashSet<(usize, Option<JobKey>)> = Default::default();
    for d in &groups.duplicates {
        let j = &jobs[d.index];
        let key = job_key(j);
        if key == job_key(&jobs[d.of]) || !credited.insert((d.of, key)) {
            continue;
        }
        also.entry(d.of).or_default().push(serde_json::json!({
            "source": j.source, "source_id": j.source_id, "url": j.url,
            "attribution": j.extra.get("attribution"),
        }));
    }
    let mut kept = Vec::with_capacity(groups.kept.len());
    let keep: std::collections::HashSet<usize> = groups.kept.iter().copied().collect();
    for (i, mut job) in jobs.into_iter().enumerate() {
        if !keep.contains(&i) {
            continue;
        }
        if let Some(list) = also.remove(&i) {
            job.extra
                .insert("also_at".into(), serde_json::Value::Array(list));
        }
        kept.push(job);
    }
    (kept, groups)
}

#[cfg(test)]
mod tests;
