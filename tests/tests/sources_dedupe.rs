//! Dedupe on real data: the Glassdoor data-science sample (672 rows scraped from listings,
//! with many postings scraped more than once). Run with `--nocapture` to see the figures and a
//! sample of pairs for a hand check of precision.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use career_copilot::Job;
use career_copilot::sources::dedupe::{self, Reason, distance, fingerprint, simhash};

fn glassdoor() -> Option<Vec<Job>> {
    let path = career_copilot_e2e::data_dir()?.join("jobs/glassdoor-ds-2021/Uncleaned_DS_jobs.csv");
    let mut reader = csv::Reader::from_path(path).ok()?;
    let headers = reader.headers().ok()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (ti, ci, li, di, ii) = (
        col("Job Title")?,
        col("Company Name")?,
        col("Location")?,
        col("Job Description")?,
        col("index")?,
    );
    let mut jobs = Vec::new();
    for row in reader.records() {
        let row = row.ok()?;
        // Company names carry the rating on a second line ("Healthfirst\n3.1").
        let company = row[ci].lines().next().unwrap_or("").trim().to_string();
        jobs.push(Job {
            source: Some("glassdoor".into()),
            source_id: Some(row[ii].to_string()),
            title: Some(row[ti].to_string()),
            company: Some(company),
            locations: vec![row[li].to_string()],
            description: row[di].to_string(),
            ..Job::default()
        });
    }
    Some(jobs)
}

#[test]
fn glassdoor_duplicates() {
    let Some(jobs) = glassdoor() else {
        eprintln!(
            "skipped: ../shared/data/jobs/glassdoor-ds-2021 not found (set CAREER_COPILOT_DATA)"
        );
        return;
    };
    assert_eq!(jobs.len(), 672);
    let started = std::time::Instant::now();
    let groups = dedupe::find_duplicates(&jobs);
    eprintln!(
        "find_duplicates over {} jobs: {:?} (debug build)",
        jobs.len(),
        started.elapsed()
    );
    let mut by_reason: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &groups.duplicates {
        *by_reason
            .entry(match d.reason {
                Reason::Key => "key",
                Reason::Fingerprint => "fingerprint",
                Reason::Text { .. } => "text",
            })
            .or_default() += 1;
    }
    eprintln!(
        "glassdoor: {} jobs, {} kept, {} duplicates {by_reason:?}",
        jobs.len(),
        groups.kept.len(),
        groups.duplicates.len()
    );

    // Distances between copies (same fingerprint) and between distinct jobs, to check the
    // threshold: copies sit at or under it, distinct postings far above.
    let hashes: Vec<Option<u64>> = jobs.iter().map(|j| simhash(&j.description)).collect();
    let mut copies = BTreeMap::<u32, usize>::new();
    let mut distinct_min = u32::MAX;
    let mut distinct_close = 0usize;
    let mut low = BTreeMap::<u32, usize>::new();
    for a in 0..jobs.len() {
        for b in a + 1..jobs.len() {
            let (Some(ha), Some(hb)) = (hashes[a], hashes[b]) else {
                continue;
            };
            let d = distance(ha, hb);
            let same_print = fingerprint(&jobs[a]) == fingerprint(&jobs[b]);
            if same_print {
                *copies.entry(d).or_default() += 1;
                if d > 12 {
                    eprintln!(
                        "same fingerprint, other text ({d} bits): {:?}: {:?} / {:?}",
                        fingerprint(&jobs[a]),
                        jobs[a].description.get(..70),
                        jobs[b].description.get(..70)
                    );
                }
            } else if jobs[a].description != jobs[b].description {
                if d <= 12 {
                    *low.entry(d).or_default() += 1;
                }
                distinct_min = distinct_min.min(d);
                if d <= dedupe::NEAR_DUPLICATE_BITS {
                    distinct_close += 1;
                    eprintln!(
                        "close, distinct fingerprints ({d} bits): {:?} / {:?}",
                        fingerprint(&jobs[a]),
                        fingerprint(&jobs[b])
                    );
                }
            }
        }
    }
    eprintln!("distance histogram of same-fingerprint pairs: {copies:?}");
    eprintln!("distinct texts within 12 bits: {low:?}");
    eprintln!(
        "distinct texts: closest {distinct_min} bits; {distinct_close} pairs within the threshold"
    );

    // Edited copies: each distinct description with its last paragraph dropped, and with a
    // line added and its case and spacing changed, as boards and aggregators do.
    let mut seen = std::collections::HashSet::new();
    let mut edits = BTreeMap::<u32, usize>::new();
    for j in &jobs {
        if !seen.insert(j.description.clone()) {
            continue;
        }
        let Some(h) = simhash(&j.description) else {
            continue;
        };
        let trimmed = j.description.trim_end();
        let cut = trimmed.rfind('\n').map_or(trimmed, |i| &trimmed[..i]);
        let restyled = format!(
            "{}\nApply on our careers page today.",
            j.description.to_uppercase().replace('\n', "\n\n")
        );
        for edited in [cut.to_string(), restyled] {
            if let Some(e) = simhash(&edited) {
                *edits.entry(distance(h, e)).or_default() += 1;
            }
        }
    }
    eprintln!("distance histogram of edited copies: {edits:?}");
    let total: usize = edits.values().sum();
    let within: usize = edits
        .range(..=dedupe::NEAR_DUPLICATE_BITS)
        .map(|(_, n)| n)
        .sum();
    eprintln!("edited copies within the threshold: {within} of {total}");
    assert!(
        within * 10 >= total * 8,
        "recall of edited copies {within}/{total}"
    );
    let distinct_within: usize = low
        .range(..=dedupe::NEAR_DUPLICATE_BITS)
        .map(|(_, n)| n)
        .sum();
    assert!(
        distinct_within <= 10,
        "{distinct_within} distinct pairs within the threshold"
    );

    // Spot check: every tenth duplicate, for reading by hand.
    for d in groups.duplicates.iter().step_by(10) {
        let (a, b) = (&jobs[d.index], &jobs[d.of]);
        eprintln!(
            "{:?}: [{}] {} | {} | {:?}  ==  [{}] {} | {} | {:?}  same text: {}",
            d.reason,
            a.source_id.as_deref().unwrap_or(""),
            a.title.as_deref().unwrap_or(""),
            a.company.as_deref().unwrap_or(""),
            a.locations,
            b.source_id.as_deref().unwrap_or(""),
            b.title.as_deref().unwrap_or(""),
            b.company.as_deref().unwrap_or(""),
            b.locations,
            a.description == b.description,
        );
    }

    // Every exact (title, company, location) repeat is found, less the different openings
    // one employer posts under one title (12 pairs: Maxar's three Data Scientist texts).
    let mut exact = std::collections::HashMap::new();
    for j in &jobs {
        *exact
            .entry((j.title.clone(), j.company.clone(), j.locations.clone()))
            .or_insert(0usize) += 1;
    }
    let exact_dups: usize = exact.values().map(|n| n - 1).sum();
    assert!(
        groups.duplicates.len() + 12 >= exact_dups,
        "{} < {exact_dups}",
        groups.duplicates.len()
    );
    // Precision: a duplicate pair shares its company (one name's words within the other's,
    // as "KeHE Distributors" and "KeHE Food Distributors") and its text is a near copy.
    let mut far = 0;
    for d in &groups.duplicates {
        let (a, b) = (&jobs[d.index], &jobs[d.of]);
        let words = |j: &Job| -> std::collections::HashSet<String> {
            dedupe::normalize::company(j.company.as_deref().unwrap_or(""))
                .split(' ')
                .map(str::to_string)
                .collect()
        };
        let (wa, wb) = (words(a), words(b));
        assert!(
            wa.is_subset(&wb) || wb.is_subset(&wa),
            "{:?} vs {:?}",
            a.company,
            b.company
        );
        if let (Some(x), Some(y)) = (hashes[d.index], hashes[d.of]) {
            if distance(x, y) > 12 {
                far += 1;
            }
        }
    }
    eprintln!("duplicate pairs whose texts differ by more than 12 bits: {far}");
    assert_eq!(
        far, 0,
        "one employer's different openings under one title stay apart"
    );
}
