//! Field-by-field accuracy of the resume parser on the labelled resumes in `../shared/data`.
//!
//! Ground truth per set:
//! - `rendercv/*.pdf` against the RenderCV YAML beside each PDF (`cv.name`, `cv.email`,
//!   `cv.phone`, `cv.sections.experience[]`, `cv.sections.education[].institution`,
//!   `cv.sections.skills[].details`);
//! - `awesome-cv/*.pdf` against `*.groundtruth.json` (sections titled "…Experience",
//!   "Education" and "Skills");
//! - `open-resume/openresume-resume.pdf` against its `groundtruth.json`;
//! - `yamlresume/resume.pdf` against `resume.yml` (an empty `endDate` means "present");
//! - `pandoc-resume/johnny_coder_sample.{pdf,docx,html}` and the Markdown source itself
//!   against values transcribed from the Markdown source (each checked to occur in it).
//!
//! Scoring, each field 0 to 1:
//! - `name`: [`same`] on the normalised strings (equal, or one contains the other and covers
//!   80% of it). `email`: equal ignoring case. `phone`: same digits. A field the truth lacks
//!   is not scored.
//! - `work`: for each ground-truth job, the unused parsed job whose employer matches ([`same`]);
//!   its score is the mean of four 0/1 checks: employer (1 once matched), position ([`same`]),
//!   start and end dates. A date matches when the year agrees and, if the truth gives a month,
//!   the month too; a "present" end matches only an explicit ongoing flag with no end date. An
//!   unmatched truth job scores 0. `work` is the mean over truth jobs. Where the truth has only
//!   a label (pandoc), the label may match the employer or the position and the entry scores 1
//!   when matched.
//! - `work_precision`: matched parsed jobs / parsed jobs (extra entries lower it).
//! - `education`: share of truth institutions found among parsed institutions ([`same`]);
//!   `education_precision`: matched / parsed.
//! - `skills`: recall of truth skill keywords among all parsed skill keywords ([`same`]).
//!
//! A document that fails to parse scores 0 on every field it has truth for.

use std::path::Path;

use career_copilot::model::Profile;
use career_copilot::{Hint, parse_resume};
use serde_json::Value;

use super::{DocScore, Report, norm, same};

/// A job in the ground truth.
#[derive(Debug, Clone, Default)]
pub struct TruthJob {
    pub company: Option<String>,
    pub position: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    /// Only a label is known (match employer or position).
    pub label_only: bool,
}

/// What a labelled resume should parse to.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub work: Vec<TruthJob>,
    pub institutions: Vec<String>,
    pub skills: Vec<String>,
}

/// Scores every labelled resume under `data`.
pub fn run(data: &Path) -> Report {
    let mut docs = Vec::new();
    let root = data.join("resumes");
    for (file, truth) in labelled(&root) {
        let name = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        let parsed = std::fs::read(&file).ok().and_then(|bytes| {
            let hint = Hint::file_name(
                file.file_name()
                    .map(|f| f.to_string_lossy().replace(".source.md.txt", ".md"))
                    .unwrap_or_default(),
            );
            parse_resume(&bytes, &hint).ok().map(|p| p.value)
        });
        docs.push(score(&name, parsed.as_ref(), &truth));
    }
    Report {
        name: "resumes".into(),
        docs,
    }
}

/// The labelled documents and their truth.
pub fn labelled(root: &Path) -> Vec<(std::path::PathBuf, Truth)> {
    let mut out = Vec::new();
    let mut rendercv: Vec<_> = std::fs::read_dir(root.join("rendercv"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    rendercv.sort();
    for pdf in rendercv
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
    {
        if let Some(t) = std::fs::read_to_string(pdf.with_extension("yaml"))
            .ok()
            .and_then(|y| rendercv_truth(&y))
        {
            out.push((pdf.clone(), t));
        }
    }
    for stem in ["cv", "resume"] {
        let gt = root.join(format!("awesome-cv/{stem}.groundtruth.json"));
        if let Some(t) = read_json(&gt).and_then(|v| awesome_truth(&v)) {
            out.push((root.join(format!("awesome-cv/{stem}.pdf")), t));
        }
    }
    if let Some(t) = read_json(&root.join("open-resume/openresume-resume.groundtruth.json"))
        .and_then(|v| open_resume_truth(&v))
    {
        out.push((root.join("open-resume/openresume-resume.pdf"), t));
    }
    if let Some(t) = std::fs::read_to_string(root.join("yamlresume/resume.yml"))
        .ok()
        .and_then(|y| yamlresume_truth(&y))
    {
        out.push((root.join("yamlresume/resume.pdf"), t));
    }
    let md = root.join("pandoc-resume/johnny_coder_sample.source.md.txt");
    if let Some(t) = std::fs::read_to_string(&md)
        .ok()
        .and_then(|s| pandoc_truth(&s))
    {
        for ext in ["pdf", "docx", "html"] {
            out.push((
                root.join(format!("pandoc-resume/johnny_coder_sample.{ext}")),
                t.clone(),
            ));
        }
        out.push((md, t));
    }
    out
}

fn read_json(p: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()
}

fn s(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn yaml_to_json(text: &str) -> Option<Value> {
    let y: serde_yaml::Value = serde_yaml::from_str(text).ok()?;
    serde_json::to_value(y).ok()
}

fn split_skills(list: &str) -> Vec<String> {
    list.split(',')
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect()
}

/// Strips Markdown links (`[FlashInfer](https://…)`) the way RenderCV renders them.
fn md_text(s: &str) -> String {
    match (s.find('['), s.find("](")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &s[..a], &s[a + 1..b]),
        _ => s.to_string(),
    }
}

fn rendercv_truth(yaml: &str) -> Option<Truth> {
    let v = yaml_to_json(yaml)?;
    let cv = &v["cv"];
    let sec = &cv["sections"];
    let work = sec["experience"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| TruthJob {
                    company: s(&e["company"]).map(|c| md_text(&c)),
                    position: s(&e["position"]),
                    start: s(&e["start_date"]).or_else(|| s(&e["date"])),
                    end: s(&e["end_date"]),
                    label_only: false,
                })
                .collect()
        })
        .unwrap_or_default();
    let institutions = sec["education"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| s(&e["institution"])).collect())
        .unwrap_or_default();
    let skills = sec["skills"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| s(&e["details"]))
                .flat_map(|d| split_skills(&d))
                .collect()
        })
        .unwrap_or_default();
    Some(Truth {
        name: s(&cv["name"]),
        email: s(&cv["email"]),
        phone: s(&cv["phone"]),
        work,
        institutions,
        skills,
    })
}

/// Splits "Mar. 2021 - Present" into start and end at the range dash.
fn split_range(date: &str) -> (Option<String>, Option<String>) {
    for sep in [" - ", " – ", " — "] {
        if let Some((a, b)) = date.split_once(sep) {
            return (
                Some(a.trim().to_string()),
                Some(b.trim().to_string()).filter(|b| !b.is_empty()),
            );
        }
    }
    let d = date.trim().trim_end_matches('-').trim();
    (Some(d.to_string()).filter(|d| !d.is_empty()), None)
}

fn awesome_truth(v: &Value) -> Option<Truth> {
    let b = &v["basics"];
    let mut t = Truth {
        name: s(&b["name"]),
        email: s(&b["email"]),
        phone: s(&b["mobile"]),
        ..Truth::default()
    };
    for sec in v["sections"].as_array()? {
        let title = s(&sec["title"]).unwrap_or_default().to_lowercase();
        let entries = sec["entries"].as_array().cloned().unwrap_or_default();
        if title == "experience" || title == "work experience" {
            for e in &entries {
                let (start, end) = split_range(&s(&e["date"]).unwrap_or_default());
                t.work.push(TruthJob {
                    company: s(&e["organization"]),
                    position: s(&e["title"]),
                    start,
                    end,
                    label_only: false,
                });
            }
        } else if title == "education" {
            t.institutions
                .extend(entries.iter().filter_map(|e| s(&e["organization"])));
        } else if title == "skills" {
            t.skills.extend(
                entries
                    .iter()
                    .filter_map(|e| s(&e["skills"]))
                    .flat_map(|d| split_skills(&d)),
            );
        }
    }
    Some(t)
}

fn open_resume_truth(v: &Value) -> Option<Truth> {
    let p = &v["profile"];
    let mut t = Truth {
        name: s(&p["name"]),
        email: s(&p["email"]),
        phone: s(&p["phone"]),
        ..Truth::default()
    };
    for e in v["workExperiences"].as_array()? {
        let (start, end) = split_range(&s(&e["date"]).unwrap_or_default());
        t.work.push(TruthJob {
            company: s(&e["company"]),
            position: s(&e["jobTitle"]),
            start,
            end,
            label_only: false,
        });
    }
    t.institutions = v["educations"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| s(&e["school"])).collect())
        .unwrap_or_default();
    let sk = &v["skills"];
    t.skills.extend(
        sk["featuredSkills"]
            .as_array()
            .map(|a| a.iter().filter_map(|e| s(&e["skill"])).collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    for d in sk["descriptions"].as_array().cloned().unwrap_or_default() {
        let d = s(&d).unwrap_or_default();
        let list = d.split_once(':').map_or(d.as_str(), |(_, l)| l);
        t.skills.extend(split_skills(list));
    }
    Some(t)
}

fn yamlresume_truth(yaml: &str) -> Option<Truth> {
    let v = yaml_to_json(yaml)?;
    let c = &v["content"];
    let b = &c["basics"];
    let mut t = Truth {
        name: s(&b["name"]),
        email: s(&b["email"]),
        phone: s(&b["phone"]),
        ..Truth::default()
    };
    for e in c["work"].as_array()? {
        // "Leave endDate blank to indicate Present" (the file's own comment).
        let end = s(&e["endDate"]).or_else(|| Some("present".into()));
        t.work.push(TruthJob {
            company: s(&e["name"]),
            position: s(&e["position"]),
            start: s(&e["startDate"]),
            end,
            label_only: false,
        });
    }
    t.institutions = c["education"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| s(&e["institution"])).collect())
        .unwrap_or_default();
    for g in c["skills"].as_array().cloned().unwrap_or_default() {
        t.skills.extend(
            g["keywords"]
                .as_array()
                .map(|a| a.iter().filter_map(s).collect::<Vec<_>>())
                .unwrap_or_default(),
        );
    }
    Some(t)
}

/// Transcribed from `johnny_coder_sample.source.md.txt`; every value must occur in the source.
fn pandoc_truth(md: &str) -> Option<Truth> {
    let t = Truth {
        name: Some("Johnny Coder".into()),
        email: Some("email@example.com".into()),
        phone: Some("+00 (0)00 000 0000".into()),
        work: ["Your Most Recent Work Experience", "That Other Job You Had"]
            .iter()
            .map(|l| TruthJob {
                company: Some((*l).into()),
                label_only: true,
                ..TruthJob::default()
            })
            .collect(),
        institutions: vec!["Awesome University".into(), "University of HomeTown".into()],
        skills: Vec::new(),
    };
    let flat = md.split_whitespace().collect::<Vec<_>>().join(" ");
    let all = [t.name.clone(), t.email.clone(), t.phone.clone()]
        .into_iter()
        .flatten()
        .chain(t.work.iter().filter_map(|w| w.company.clone()))
        .chain(t.institutions.clone());
    for v in all {
        if !flat.contains(&v) {
            return None;
        }
    }
    Some(t)
}

/// A date as (year, month if given), or "present".
#[derive(Debug, PartialEq)]
enum TDate {
    Ym(u32, Option<u32>),
    Present,
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Reads a truth date independently of the parser: ISO, "Mon[.] YYYY", "Mon D, YYYY",
/// "Summer 2022" (year only), "present".
fn truth_date(text: &str) -> Option<TDate> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    if ["present", "current", "now"].contains(&t.as_str()) {
        return Some(TDate::Present);
    }
    let year = t
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)
        .and_then(|y| y.parse().ok())?;
    let mut month = None;
    if let Some(rest) = t.strip_prefix(&format!("{year}-")) {
        month = rest.get(..2).and_then(|m| m.parse().ok());
    } else {
        let word: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
        if word.len() >= 3 {
            month = MONTHS
                .iter()
                .position(|m| word.starts_with(m))
                .map(|i| i as u32 + 1);
        }
    }
    Some(TDate::Ym(year, month))
}

fn date_ok(truth: Option<&str>, parsed: Option<&str>, ongoing: bool) -> f64 {
    match truth.and_then(truth_date) {
        None => {
            if parsed.is_none() {
                1.0
            } else {
                0.0
            }
        }
        Some(TDate::Present) => {
            if ongoing && parsed.is_none() {
                1.0
            } else {
                0.0
            }
        }
        Some(TDate::Ym(y, m)) => {
            let Some(p) = parsed else { return 0.0 };
            let py: Option<u32> = p.get(..4).and_then(|y| y.parse().ok());
            let pm: Option<u32> = p.get(5..7).and_then(|m| m.parse().ok());
            if py == Some(y) && (m.is_none() || pm == m) {
                1.0
            } else {
                0.0
            }
        }
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Scores one parsed document against its truth.
pub fn score(doc: &str, parsed: Option<&Profile>, t: &Truth) -> DocScore {
    let mut d = DocScore::new(doc);
    let empty = Profile::default();
    let p = parsed.unwrap_or(&empty);
    let b = p.basics.clone().unwrap_or_default();
    if let Some(n) = &t.name {
        d.set("name", b.name.as_deref().map_or(0.0, |x| same(x, n)));
    }
    if let Some(e) = &t.email {
        d.set(
            "email",
            f64::from(
                b.email
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(e)),
            ),
        );
    }
    if let Some(ph) = &t.phone {
        d.set(
            "phone",
            f64::from(b.phone.as_deref().is_some_and(|x| digits(x) == digits(ph))),
        );
    }
    if !t.work.is_empty() {
        let mut used = vec![false; p.work.len()];
        let mut total = 0.0;
        for tj in &t.work {
            let company = tj.company.as_deref().unwrap_or("");
            let mut best: Option<(usize, f64)> = None;
            for (i, w) in p.work.iter().enumerate() {
                if used[i] {
                    continue;
                }
                let name = w.name.as_deref().unwrap_or("");
                let pos = w.position.as_deref().unwrap_or("");
                let hit = same(name, company) > 0.0 || tj.label_only && same(pos, company) > 0.0;
                if !hit {
                    continue;
                }
                let s = if tj.label_only {
                    1.0
                } else {
                    let position = tj.position.as_deref().map_or(1.0, |tp| same(pos, tp));
                    let start = date_ok(tj.start.as_deref(), w.start_date.as_deref(), false);
                    let end = date_ok(
                        tj.end.as_deref(),
                        w.end_date.as_deref(),
                        w.ongoing == Some(true),
                    );
                    (1.0 + position + start + end) / 4.0
                };
                if best.is_none_or(|(_, bs)| s > bs) {
                    best = Some((i, s));
                }
            }
            if let Some((i, s)) = best {
                used[i] = true;
                total += s;
            }
        }
        d.set("work", total / t.work.len() as f64);
        let matched = used.iter().filter(|u| **u).count();
        d.set(
            "work_precision",
            if p.work.is_empty() {
                0.0
            } else {
                matched as f64 / p.work.len() as f64
            },
        );
    }
    if !t.institutions.is_empty() {
        let parsed: Vec<&str> = p
            .education
            .iter()
            .filter_map(|e| e.institution.as_deref())
            .collect();
        let found = t
            .institutions
            .iter()
            .filter(|i| parsed.iter().any(|x| same(x, i) > 0.0))
            .count();
        d.set("education", found as f64 / t.institutions.len() as f64);
        let matched = parsed
            .iter()
            .filter(|x| t.institutions.iter().any(|i| same(x, i) > 0.0))
            .count();
        d.set(
            "education_precision",
            if p.education.is_empty() {
                0.0
            } else {
                matched as f64 / p.education.len() as f64
            },
        );
    }
    if !t.skills.is_empty() {
        let kws: Vec<String> = p
            .skills
            .iter()
            .flat_map(|g| g.keywords.iter().map(|k| norm(k)))
            .collect();
        let found = t
            .skills
            .iter()
            .filter(|k| kws.iter().any(|x| same(x, k) > 0.0))
            .count();
        d.set("skills", found as f64 / t.skills.len() as f64);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truth_dates() {
        assert_eq!(truth_date("2023-06"), Some(TDate::Ym(2023, Some(6))));
        assert_eq!(truth_date("Sep. 2013"), Some(TDate::Ym(2013, Some(9))));
        assert_eq!(truth_date("Sep 1, 2016"), Some(TDate::Ym(2016, Some(9))));
        assert_eq!(truth_date("Summer 2022"), Some(TDate::Ym(2022, None)));
        assert_eq!(truth_date("PRESENT"), Some(TDate::Present));
        assert_eq!(date_ok(Some("present"), None, true), 1.0);
        assert_eq!(date_ok(Some("present"), None, false), 0.0);
        assert_eq!(date_ok(Some("2022-05"), Some("2022-05"), false), 1.0);
        assert_eq!(date_ok(Some("2022-05"), Some("2022"), false), 0.0);
    }
}
