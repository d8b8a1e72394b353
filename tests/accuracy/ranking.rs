//! Ranking quality on labelled data, the same sets `benches/peers/match_peers.py quality`
//! scores side by side with a scikit-learn TF-IDF baseline.
//!
//! (a) The distinct resumes of `fit/resume-categories-25` (each with a `Category`) against a
//! job set: the first [`GLASSDOOR_ROWS`] Glassdoor postings, the RemoteOK sample and the 25
//! short per-category postings in `tests/fixtures/ranking/category_jobs.jsonl`. Relevance comes
//! from job titles through `tests/fixtures/ranking/labels.json`. Jobs are read like
//! `copilot rank` reads JSONL: the description through `parse_job`, then the given title.
//! (b) The resume-matcher samples: 5 resume PDFs and 4 job PDFs, paired by file name.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use career_copilot::matching::{JobIndex, MatchPrefs};
use career_copilot::{Hint, Job, Profile, parse_job, parse_resume};

/// Kept in step with `benches/peers/match_peers.py`.
pub const GLASSDOOR_ROWS: usize = 200;

/// A job of the labelled set with its categories.
#[derive(Debug, Clone)]
pub struct LabelledJob {
    pub job: Job,
    pub categories: Vec<String>,
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/ranking")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// (id, title, description) rows of the job set, deduplicated by description.
pub fn job_rows(data: &Path) -> Vec<(String, String, String)> {
    let mut rows = Vec::new();
    let mut csv = csv::Reader::from_path(data.join("jobs/glassdoor-ds-2021/Uncleaned_DS_jobs.csv"))
        .expect("glassdoor csv");
    let headers = csv.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let (ci, ct, cd) = (col("index"), col("Job Title"), col("Job Description"));
    for rec in csv.records().take(GLASSDOOR_ROWS) {
        let rec = rec.expect("record");
        rows.push((
            format!("gd-{}", &rec[ci]),
            rec[ct].to_string(),
            rec[cd].to_string(),
        ));
    }
    let rok: serde_json::Value =
        serde_json::from_str(&read(&data.join("jobs/remoteok-sample/remoteok.json")))
            .expect("remoteok json");
    for r in rok.as_array().into_iter().flatten() {
        let Some(title) = r
            .get("position")
            .and_then(|v| v.as_str())
            .filter(|t| !t.is_empty())
        else {
            continue;
        };
        let id = match r.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => continue,
        };
        rows.push((
            format!("rok-{id}"),
            title.to_string(),
            r.get("description")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
        ));
    }
    for line in read(&fixtures().join("category_jobs.jsonl"))
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line).expect("fixture line");
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        rows.push((s("id"), s("title"), s("description")));
    }
    let mut seen = HashSet::new();
    rows.retain(|r| seen.insert(r.2.clone()));
    rows
}

/// The labelled job set.
pub fn category_jobs(data: &Path) -> Vec<LabelledJob> {
    let labels: serde_json::Value =
        serde_json::from_str(&read(&fixtures().join("labels.json"))).expect("labels.json");
    let rules: Vec<(String, Vec<String>)> = labels["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap_or("").to_string(),
                r[1].as_array()
                    .expect("cats")
                    .iter()
                    .filter_map(|c| c.as_str().map(String::from))
                    .collect(),
            )
        })
        .collect();
    job_rows(data)
        .into_iter()
        .map(|(id, title, description)| {
            let mut job = if description.trim().is_empty() {
                Job::default()
            } else {
                parse_job(description.as_bytes(), &Hint::default())
                    .map(|p| p.value)
                    .unwrap_or_default()
            };
            let t = format!("{} ", title.to_lowercase());
            let categories = rules
                .iter()
                .find(|(p, _)| t.contains(p.as_str()))
                .map(|(_, c)| c.clone())
                .unwrap_or_default();
            job.id = Some(id);
            job.title = Some(title);
            LabelledJob { job, categories }
        })
        .collect()
}

/// The held-out set: every O*NET occupation as a job (title, description and up to 20 of its
/// technology examples, hot ones first), relevant to the resume categories that
/// `tests/fixtures/ranking/onet_labels.json` lists for it. Never used to tune weights.
pub fn onet_jobs(data: &Path) -> Vec<LabelledJob> {
    let labels: serde_json::Value =
        serde_json::from_str(&read(&fixtures().join("onet_labels.json")))
            .expect("onet_labels.json");
    let cats = labels["categories"].as_object().expect("categories");
    let root = data.join("taxonomy/onet");
    let mut tech: std::collections::HashMap<String, Vec<(bool, String)>> =
        std::collections::HashMap::new();
    for line in read(&root.join("Technology_Skills.txt")).lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() >= 5 {
            tech.entry(f[0].to_string())
                .or_default()
                .push((f[4] != "Y", f[1].to_string()));
        }
    }
    read(&root.join("Occupation_Data.txt"))
        .lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let (code, title, desc) = (*f.first()?, *f.get(1)?, *f.get(2)?);
            let mut tools = tech.get(code).cloned().unwrap_or_default();
            tools.sort();
            let tools: Vec<String> = tools.into_iter().take(20).map(|(_, n)| n).collect();
            let description = if tools.is_empty() {
                desc.to_string()
            } else {
                format!("{desc}\n\nTechnologies: {}", tools.join(", "))
            };
            let mut job = parse_job(description.as_bytes(), &Hint::default())
                .map(|p| p.value)
                .unwrap_or_default();
            job.id = Some(code.to_string());
            job.title = Some(title.to_string());
            let categories = cats
                .iter()
                .filter(|(_, codes)| {
                    codes
                        .as_array()
                        .is_some_and(|a| a.iter().any(|c| c.as_str() == Some(code)))
                })
                .map(|(c, _)| c.clone())
                .collect();
            Some(LabelledJob { job, categories })
        })
        .collect()
}

/// Distinct (category, profile, text) triples of the 25-category resumes, first occurrence order.
pub fn category_resumes(data: &Path) -> Vec<(String, Profile, String)> {
    let mut csv =
        csv::Reader::from_path(data.join("fit/resume-categories-25/UpdatedResumeDataSet.csv"))
            .expect("resume csv");
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for rec in csv.records() {
        let rec = rec.expect("record");
        let (cat, text) = (rec[0].to_string(), rec[1].to_string());
        if seen.insert(text.clone()) {
            let hint = Hint {
                file_name: Some("resume.txt".into()),
                ..Hint::default()
            };
            let p = parse_resume(text.as_bytes(), &hint)
                .map(|p| p.value)
                .unwrap_or_default();
            out.push((cat, p, text));
        }
    }
    out
}

/// AP, nDCG@10 and P@5 of one ranking, from relevance flags in rank order.
pub fn metrics(ranked: &[bool], total_relevant: usize) -> [f64; 3] {
    let (mut hits, mut ap) = (0usize, 0.0);
    for (k, &rel) in ranked.iter().enumerate() {
        if rel {
            hits += 1;
            ap += hits as f64 / (k + 1) as f64;
        }
    }
    let ap = if total_relevant > 0 {
        ap / total_relevant as f64
    } else {
        0.0
    };
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .filter(|(_, r)| **r)
        .map(|(k, _)| 1.0 / ((k + 2) as f64).log2())
        .sum();
    let idcg: f64 = (0..total_relevant.min(10))
        .map(|k| 1.0 / ((k + 2) as f64).log2())
        .sum();
    let p5 = ranked.iter().take(5).filter(|r| **r).count() as f64 / 5.0;
    [ap, if idcg > 0.0 { dcg / idcg } else { 0.0 }, p5]
}

/// Mean MAP, nDCG@10 and P@5 of ranking every resume against the jobs with `prefs`, and the
/// number of queries (resumes whose category some job is relevant to).
pub fn category_quality(
    jobs: &[LabelledJob],
    resumes: &[(String, Profile, String)],
    prefs: &MatchPrefs,
    with_text: bool,
) -> ([f64; 3], usize) {
    category_quality_in(
        &JobIndex::new(jobs.iter().map(|j| j.job.clone()).collect()),
        jobs,
        resumes,
        prefs,
        with_text,
    )
}

/// Like [`category_quality`] over a prepared index (for example one with an embedder).
pub fn category_quality_in(
    index: &JobIndex,
    jobs: &[LabelledJob],
    resumes: &[(String, Profile, String)],
    prefs: &MatchPrefs,
    with_text: bool,
) -> ([f64; 3], usize) {
    let mut sum = [0.0; 3];
    let mut n = 0;
    for (cat, profile, text) in resumes {
        let total = jobs.iter().filter(|j| j.categories.contains(cat)).count();
        if total == 0 {
            continue;
        }
        let flags: Vec<bool> = index
            .rank_with_text(
                profile,
                with_text.then_some(text.as_str()),
                prefs,
                usize::MAX,
            )
            .iter()
            .map(|r| jobs[r.index].categories.contains(cat))
            .collect();
        let m = metrics(&flags, total);
        for i in 0..3 {
            sum[i] += m[i];
        }
        n += 1;
    }
    (sum.map(|s| if n > 0 { s / n as f64 } else { 0.0 }), n)
}

/// The resume-matcher samples: (resume stem, job stem it pairs with) and each resume's score
/// for each job, from parsing the PDFs.
#[allow(clippy::type_complexity)]
pub fn matcher_samples(data: &Path) -> (Vec<(String, Option<String>)>, Vec<String>, Vec<Vec<f64>>) {
    let root = data.join("fit/resume-matcher-samples");
    let list = |dir: &str| {
        let mut v: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        v.sort();
        v
    };
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let jobs: Vec<Job> = list("job_descriptions")
        .iter()
        .map(|p| {
            let mut j = parse_job(
                &std::fs::read(p).expect("job pdf"),
                &Hint {
                    file_name: Some(stem(p) + ".pdf"),
                    ..Hint::default()
                },
            )
            .expect("job parses")
            .value;
            j.id = Some(stem(p));
            j
        })
        .collect();
    let job_names: Vec<String> = jobs
        .iter()
        .map(|j| j.id.clone().unwrap_or_default())
        .collect();
    let index = JobIndex::new(jobs);
    let pair = [
        ("pm", "product_manager"),
        ("fe", "front_end"),
        ("fullstack", "full_stack"),
    ];
    let mut resumes = Vec::new();
    let mut scores = Vec::new();
    for p in list("resumes") {
        let name = stem(&p);
        let profile = parse_resume(
            &std::fs::read(&p).expect("resume pdf"),
            &Hint {
                file_name: Some(name.clone() + ".pdf"),
                ..Hint::default()
            },
        )
        .expect("resume parses")
        .value;
        let suffix = name.rsplit('_').next().unwrap_or("");
        let paired = pair
            .iter()
            .find(|(s, _)| *s == suffix)
            .and_then(|(_, j)| job_names.iter().find(|n| n.contains(j)).cloned());
        let mut row = vec![0.0; job_names.len()];
        for r in index.rank(&profile, &MatchPrefs::default()) {
            row[r.index] = r.score;
        }
        resumes.push((name, paired));
        scores.push(row);
    }
    (resumes, job_names, scores)
}

/// For the samples: (jobs whose paired resume ranks first among resumes, resumes whose paired
/// job ranks first among jobs, pairs).
pub fn pairs_first(
    resumes: &[(String, Option<String>)],
    jobs: &[String],
    scores: &[Vec<f64>],
) -> (usize, usize, usize) {
    let (mut job_first, mut res_first, mut pairs) = (0, 0, 0);
    for (ri, (_, paired)) in resumes.iter().enumerate() {
        let Some(ji) = paired
            .as_ref()
            .and_then(|p| jobs.iter().position(|j| j == p))
        else {
            continue;
        };
        pairs += 1;
        if (0..resumes.len()).all(|o| o == ri || scores[o][ji] < scores[ri][ji]) {
            job_first += 1;
        }
        if (0..jobs.len()).all(|o| o == ji || scores[ri][o] < scores[ri][ji]) {
            res_first += 1;
        }
    }
    (job_first, res_first, pairs)
}
