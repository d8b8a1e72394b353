//! RenderCV YAML (`cv:` with `sections:`) into a Profile.
//!
//! RenderCV sections have arbitrary titles; the entry type decides the shape: education
//! (`institution`), experience (`company`), publication (`title` + `authors`), one-line
//! (`label` + `details`), normal (`name`), bullet, numbered and plain text. Section titles
//! map to JSON Resume sections by their words; the rest become custom sections.

use serde_yaml::Value;

use super::{LayoutSignals, Parsed, Warning};
use crate::model::{
    Award, Basics, Certificate, CustomSection, DatePoint, Education, Language, List, Location,
    Profile, Project, Publication, Skill, SocialProfile, Volunteer, Work, date::parse_date,
};
use crate::{Error, Limits, Result};

/// Reads a RenderCV input file.
pub fn parse(bytes: &[u8], limits: &Limits) -> Result<Parsed<Profile>> {
    let text = super::text::decode(bytes, limits)?;
    let doc: Value =
        serde_yaml::from_str(&text).map_err(|e| Error::invalid("RenderCV YAML", e.to_string()))?;
    let cv = doc
        .get("cv")
        .ok_or_else(|| Error::invalid("RenderCV YAML", "no top-level `cv:` key"))?;
    let mut warnings = Vec::new();
    let mut p = Profile {
        basics: Some(basics(cv)),
        ..Profile::default()
    };
    if let Some(Value::Mapping(sections)) = cv.get("sections") {
        for (title, entries) in sections {
            let title = scalar(title).unwrap_or_default();
            let Value::Sequence(entries) = entries else {
                warnings.push(Warning::new(
                    "rendercv-section",
                    format!("section `{title}` is not a list; skipped"),
                ));
                continue;
            };
            add_section(&mut p, &title, entries);
        }
    }
    if p.name().is_none() {
        warnings.push(Warning::at(
            "no-name",
            "basics.name",
            "the RenderCV file has no cv.name",
        ));
    }
    Ok(Parsed {
        value: p,
        warnings,
        format: super::Format::RenderCvYaml,
        layout: LayoutSignals {
            pages: 1,
            ..Default::default()
        },
    })
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn field(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(scalar).map(|s| strip_markdown(&s))
}

fn strings(v: &Value, key: &str) -> List<String> {
    match v.get(key) {
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(scalar)
            .map(|s| strip_markdown(&s))
            .collect(),
        Some(other) => scalar(other)
            .map(|s| strip_markdown(&s))
            .into_iter()
            .collect(),
        None => List::new(),
    }
}

/// `**bold**`, `*italic*` and `[text](url)` to plain text.
fn strip_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match (after.find("]("), after.find(')')) {
            (Some(close), Some(end)) if close < end => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..close]);
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace('*', "")
}

fn link_url(s: &str) -> Option<String> {
    let start = s.find("](")? + 2;
    let end = s[start..].find(')')? + start;
    Some(s[start..end].to_string())
}

/// Start, end and ongoing from `start_date`/`end_date`/`date`, normalised to ISO partial dates.
fn dates(v: &Value) -> (Option<String>, Option<String>, Option<bool>) {
    let norm = |s: String| match parse_date(&s) {
        Some(DatePoint::Date(d)) => Some(d.to_string()),
        Some(DatePoint::Present) => None,
        None => Some(s),
    };
    let start = field(v, "start_date");
    let end = field(v, "end_date");
    let present = end
        .as_deref()
        .is_some_and(|e| matches!(parse_date(e), Some(DatePoint::Present)));
    match (start, end) {
        (Some(s), e) => (norm(s), e.and_then(norm), present.then_some(true)),
        (None, _) => (field(v, "date").and_then(norm), None, None),
    }
}

fn basics(cv: &Value) -> Basics {
    let mut b = Basics {
        name: field(cv, "name"),
        label: field(cv, "headline").or_else(|| field(cv, "label")),
        email: field(cv, "email"),
        phone: field(cv, "phone"),
        url: field(cv, "website"),
        image: field(cv, "photo"),
        ..Basics::default()
    };
    if let Some(loc) = field(cv, "location") {
        b.location = Some(Location {
            address: Some(loc),
            ..Location::default()
        });
    }
    if let Some(Value::Sequence(nets)) = cv.get("social_networks") {
        for n in nets {
            let network = field(n, "network");
            let username = field(n, "username");
            let url = match (
                network.as_deref().map(str::to_ascii_lowercase).as_deref(),
                username.as_deref(),
            ) {
                (Some("linkedin"), Some(u)) => Some(format!("https://linkedin.com/in/{u}")),
                (Some("github"), Some(u)) => Some(format!("https://github.com/{u}")),
                (Some("gitlab"), Some(u)) => Some(format!("https://gitlab.com/{u}")),
                (Some("x") | Some("twitter"), Some(u)) => Some(format!("https://x.com/{u}")),
                _ => None,
            };
            b.profiles.push(SocialProfile {
                network,
                username,
                url,
                ..SocialProfile::default()
            });
        }
    }
    b
}

/// Which JSON Resume section a RenderCV section title means.
fn section_kind(title: &str) -> &'static str {
    let t = title.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| t.contains(x));
    if has(&["experience", "employment", "work", "career"]) {
        "work"
    } else if has(&["education", "studies"]) {
        "education"
    } else if has(&["publication", "paper"]) {
        "publications"
    } else if has(&["project"]) {
        "projects"
    } else if has(&["skill", "technolog"]) {
        "skills"
    } else if has(&["award", "honor", "honour"]) {
        "awards"
    } else if has(&["certif"]) {
        "certificates"
    } else if has(&["language"]) {
        "languages"
    } else if has(&["volunteer"]) {
        "volunteer"
    } else if has(&["summary", "about", "profile"]) {
        "summary"
    } else {
        "custom"
    }
}

/// The text of a bullet/numbered/plain entry.
fn entry_text(e: &Value) -> Option<String> {
    scalar(e)
        .or_else(|| field(e, "bullet"))
        .or_else(|| field(e, "number"))
        .or_else(|| field(e, "reversed_number"))
        .or_else(|| match (field(e, "label"), field(e, "details")) {
            (Some(l), Some(d)) => Some(format!("{l}: {d}")),
            (l, d) => l.or(d),
        })
        .map(|s| strip_markdown(&s))
}

fn add_section(p: &mut Profile, title: &str, entries: &[Value]) {
    let kind = section_kind(title);
    for e in entries {
        let (start_date, end_date, ongoing) = dates(e);
        let highlights = strings(e, "highlights");
        match kind {
            "work" if e.get("company").is_some() || e.get("position").is_some() => {
                p.work.push(Work {
                    name: field(e, "company"),
                    position: field(e, "position"),
                    location: field(e, "location"),
                    summary: field(e, "summary"),
                    start_date,
                    end_date,
                    ongoing,
                    highlights,
                    ..Work::default()
                })
            }
            "volunteer" if e.get("company").is_some() || e.get("name").is_some() => {
                p.volunteer.push(Volunteer {
                    organization: field(e, "company").or_else(|| field(e, "name")),
                    position: field(e, "position"),
                    summary: field(e, "summary"),
                    start_date,
                    end_date,
                    ongoing,
                    highlights,
                    ..Volunteer::default()
                })
            }
            "education" if e.get("institution").is_some() => {
                let score = highlights
                    .iter()
                    .find(|h| h.to_lowercase().starts_with("gpa"))
                    .cloned();
                p.education.push(Education {
                    institution: field(e, "institution"),
                    area: field(e, "area"),
                    study_type: field(e, "degree"),
                    start_date,
                    end_date,
                    ongoing,
                    score,
                    courses: highlights,
                    ..Education::default()
                });
            }
            "publications" if e.get("title").is_some() => p.publications.push(Publication {
                name: field(e, "title"),
                publisher: field(e, "journal"),
                release_date: start_date,
                url: field(e, "url")
                    .or_else(|| field(e, "doi").map(|d| format!("https://doi.org/{d}"))),
                summary: field(e, "summary"),
                ..Publication::default()
            }),
            "skills" if e.get("label").is_some() => p.skills.push(Skill {
                name: field(e, "label"),
                keywords: field(e, "details")
                    .map(|d| {
                        d.split([',', ';'])
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
                ..Skill::default()
            }),
            "languages" if e.get("label").is_some() => p.languages.push(Language {
                language: field(e, "label"),
                fluency: field(e, "details"),
                ..Language::default()
            }),
            "projects" | "work" if e.get("name").is_some() => {
                let raw_name = e.get("name").and_then(scalar).unwrap_or_default();
                p.projects.push(Project {
                    name: field(e, "name"),
                    url: link_url(&raw_name),
                    description: field(e, "summary"),
                    start_date,
                    end_date,
                    ongoing,
                    highlights,
                    ..Project::default()
                });
            }
            "awards" => {
                if let Some(text) = entry_text(e).or_else(|| field(e, "name")) {
                    p.awards.push(Award {
                        title: Some(text),
                        date: start_date,
                        summary: field(e, "summary"),
                        ..Award::default()
                    });
                }
            }
            "certificates" => {
                if let Some(text) = entry_text(e).or_else(|| field(e, "name")) {
                    p.certificates.push(Certificate {
                        name: Some(text),
                        date: start_date,
                        ..Certificate::default()
                    });
                }
            }
            "summary" => {
                if let Some(text) = entry_text(e) {
                    let b = p.basics_mut();
                    b.summary = Some(match b.summary.take() {
                        Some(s) => format!("{s}\n{text}"),
                        None => text,
                    });
                }
            }
            _ => {
                let text = entry_text(e).or_else(|| {
                    let head = [
                        field(e, "name"),
                        field(e, "company"),
                        field(e, "institution"),
                        field(e, "title"),
                        field(e, "position"),
                    ];
                    let head: Vec<String> = head.into_iter().flatten().collect();
                    (!head.is_empty()).then(|| head.join(", "))
                });
                let custom = match p
                    .custom_sections
                    .iter_mut()
                    .position(|c| c.title.as_deref() == Some(title))
                {
                    Some(i) => &mut p.custom_sections[i],
                    None => {
                        p.custom_sections.push(CustomSection {
                            title: Some(title.to_string()),
                            ..CustomSection::default()
                        });
                        let last = p.custom_sections.len() - 1;
                        &mut p.custom_sections[last]
                    }
                };
                custom.lines.extend(text);
                custom.lines.extend(highlights);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "cv:\n  name: Jane Roe\n  email: jane@example.com\n  social_networks:\n    - network: GitHub\n      username: jroe\n  sections:\n    Experience:\n      - company: Acme\n        position: Engineer\n        start_date: 2020-01\n        end_date: present\n        highlights:\n          - Built **fast** things\n    education:\n      - institution: MIT\n        area: CS\n        degree: BS\n        date: 2019\n    skills:\n      - label: Languages\n        details: Rust, Go\n    Talks:\n      - bullet: A talk (2024)\n    projects:\n      - name: '[Tool](https://x.dev)'\n        date: '2021'\n";

    #[test]
    fn reads_rendercv() {
        let p = parse(YAML.as_bytes(), &Limits::default()).unwrap().value;
        assert_eq!(p.name(), Some("Jane Roe"));
        let b = p.basics.as_ref().unwrap();
        assert_eq!(
            b.profiles[0].url.as_deref(),
            Some("https://github.com/jroe")
        );
        assert_eq!(p.work[0].name.as_deref(), Some("Acme"));
        assert_eq!(p.work[0].start_date.as_deref(), Some("2020-01"));
        assert_eq!(
            (p.work[0].end_date.as_deref(), p.work[0].ongoing),
            (None, Some(true))
        );
        assert_eq!(p.work[0].highlights[0], "Built fast things");
        assert_eq!(p.education[0].study_type.as_deref(), Some("BS"));
        assert_eq!(p.education[0].start_date.as_deref(), Some("2019"));
        assert_eq!(p.skills[0].keywords.as_slice(), ["Rust", "Go"]);
        assert_eq!(p.custom_sections[0].lines[0], "A talk (2024)");
        assert_eq!(p.projects[0].name.as_deref(), Some("Tool"));
        assert_eq!(p.projects[0].url.as_deref(), Some("https://x.dev"));
    }

    #[test]
    fn real_rendercv_files() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/data/resumes/rendercv"
        );
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        {
            let bytes = std::fs::read(e.path()).unwrap();
            let p = parse(&bytes, &Limits::default()).unwrap().value;
            assert_eq!(p.name(), Some("John Doe"));
            assert_eq!(p.work.len(), 5, "{:?}", e.path());
            assert_eq!(p.work[0].ongoing, Some(true));
            assert_eq!(p.education.len(), 2);
            assert_eq!(p.publications.len(), 4);
            assert!(p.skills.len() >= 4);
        }
    }

    #[test]
    fn bad_yaml_is_an_error() {
        assert!(parse(b"cv: [unclosed", &Limits::default()).is_err());
        assert!(parse(b"name: x\n", &Limits::default()).is_err());
    }
}
