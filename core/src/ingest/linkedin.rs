//! LinkedIn data exports: the ZIP LinkedIn delivers, or its CSV files.
//!
//! Files read: Profile, Email Addresses, PhoneNumbers, Positions, Education, Skills,
//! Certifications, Languages, Projects, Honors. Headers vary between export years
//! (`Start Date` vs `Started On`) and newer exports quote loosely (spaces around quoted fields,
//! multi-paragraph descriptions), so columns are found by name and quoting is repaired first.

use std::collections::HashMap;

use super::{LayoutSignals, Parsed, Warning};
use crate::model::{
    Award, Basics, Certificate, DatePoint, Education, Language, Location, Profile, Project,
    Provenance, Skill, SocialProfile, Work, date::parse_date,
};
use crate::{Error, Limits, Result};

/// Reads a LinkedIn export ZIP, bounded by `limits` (entries and decompressed bytes).
pub fn parse_zip(bytes: &[u8], limits: &Limits) -> Result<Parsed<Profile>> {
    let mut pkg = super::zip_package::Package::open(bytes, limits, "ZIP")?;
    let mut files = Vec::new();
    for name in pkg.names(|n| {
        let base = n.rsplit('/').next().unwrap_or(n);
        base.to_ascii_lowercase().ends_with(".csv") && is_known(base)
    }) {
        if let Some(buf) = pkg.read(&name)? {
            files.push((name.rsplit('/').next().unwrap_or(&name).to_string(), buf));
        }
    }
    from_files(&files)
}

fn is_known(name: &str) -> bool {
    let stem = name
        .trim_end_matches(".csv")
        .trim_end_matches(".CSV")
        .to_ascii_lowercase()
        .replace([' ', '_'], "");
    matches!(
        stem.as_str(),
        "profile"
            | "emailaddresses"
            | "phonenumbers"
            | "positions"
            | "education"
            | "skills"
            | "certifications"
            | "languages"
            | "projects"
            | "honors"
    )
}

/// Builds a profile from LinkedIn CSV files given as (file name, bytes).
pub fn from_files(files: &[(String, Vec<u8>)]) -> Result<Parsed<Profile>> {
    let mut p = Profile::default();
    let mut warnings = Vec::new();
    let mut read_any = false;
    for (name, bytes) in files {
        let stem = name
            .rsplit('/')
            .next()
            .unwrap_or(name)
            .trim_end_matches(".csv")
            .to_ascii_lowercase()
            .replace([' ', '_'], "");
        let rows = match read_csv(bytes) {
            Ok(rows) => rows,
            Err(e) => {
                warnings.push(Warning::new("linkedin-csv", format!("{name}: {e}")));
                continue;
            }
        };
        read_any = true;
        let prov = |i: usize| {
            Some(Provenance {
                source: format!("linkedin:{name}"),
                lines: Some((i as u32 + 2, i as u32 + 2)),
                confidence: 1.0,
                ..Provenance::default()
            })
        };
        match stem.as_str() {
            "profile" => {
                if let Some(r) = rows.first() {
                    profile_row(p.basics_mut(), r);
                }
            }
            "emailaddresses" => {
                let primary = rows
                    .iter()
                    .find(|r| {
                        r.get("primary")
                            .is_some_and(|v| v.eq_ignore_ascii_case("yes"))
                    })
                    .or(rows.first());
                if let Some(email) = primary.and_then(|r| r.get("email address")) {
                    p.basics_mut().email = Some(email.clone());
                }
            }
            "phonenumbers" => {
                if let Some(n) = rows.first().and_then(|r| r.get("number")) {
                    p.basics_mut().phone = Some(n.clone());
                }
            }
            "positions" => {
                for (i, r) in rows.iter().enumerate() {
                    let (start_date, end_date, ongoing) = dates(
                        r,
                        &["started on", "start date"],
                        &["finished on", "end date"],
                    );
                    let (summary, highlights) = split_description(r.get("description"));
                    p.work.push(Work {
                        name: r.get("company name").cloned(),
                        position: r.get("title").cloned(),
                        location: r.get("location").cloned(),
                        start_date,
                        end_date,
                        ongoing,
                        summary,
                        highlights: highlights.into(),
                        provenance: prov(i),
                        ..Work::default()
                    });
                }
            }
            "education" => {
                for (i, r) in rows.iter().enumerate() {
                    let (start_date, end_date, ongoing) = dates(
                        r,
                        &["start date", "started on"],
                        &["end date", "finished on"],
                    );
                    p.education.push(Education {
                        institution: r.get("school name").cloned(),
                        study_type: r.get("degree name").cloned(),
                        area: r.get("field of study").cloned(),
                        start_date,
                        end_date,
                        ongoing,
                        courses: r
                            .get("notes")
                            .map(|n| vec![n.clone()])
                            .unwrap_or_default()
                            .into(),
                        provenance: prov(i),
                        ..Education::default()
                    });
                }
            }
            "skills" => {
                let names: Vec<String> =
                    rows.iter().filter_map(|r| r.get("name").cloned()).collect();
                if !names.is_empty() {
                    p.skills.push(Skill {
                        name: Some("Skills".into()),
                        keywords: names.into(),
                        provenance: prov(0),
                        ..Skill::default()
                    });
                }
            }
            "certifications" => {
                for (i, r) in rows.iter().enumerate() {
                    p.certificates.push(Certificate {
                        name: r.get("name").cloned(),
                        issuer: r.get("authority").cloned(),
                        url: r.get("url").cloned(),
                        date: dates(r, &["started on", "start date"], &[]).0,
                        provenance: prov(i),
                        ..Certificate::default()
                    });
                }
            }
            "languages" => {
                for (i, r) in rows.iter().enumerate() {
                    p.languages.push(Language {
                        language: r.get("name").cloned(),
                        fluency: r.get("proficiency").cloned(),
                        provenance: prov(i),
                        ..Language::default()
                    });
                }
            }
            "projects" => {
                for (i, r) in rows.iter().enumerate() {
                    let (start_date, end_date, ongoing) = dates(
                        r,
                        &["started on", "start date"],
                        &["finished on", "end date"],
                    );
                    p.projects.push(Project {
                        name: r.get("title").cloned(),
                        description: r.get("description").cloned(),
                        url: r.get("url").cloned(),
                        start_date,
                        end_date,
                        ongoing,
                        provenance: prov(i),
                        ..Project::default()
                    });
                }
            }
            "honors" => {
                for (i, r) in rows.iter().enumerate() {
                    p.awards.push(Award {
                        title: r.get("title").cloned(),
                        summary: r.get("description").cloned(),
                        awarder: r.get("issuer").cloned(),
                        date: dates(r, &["issue date", "issued on"], &[]).0,
                        provenance: prov(i),
                        ..Award::default()
                    });
                }
            }
            _ => {}
        }
    }
    if !read_any {
        return Err(Error::invalid(
            "LinkedIn export",
            "no readable Profile, Positions, Education or Skills CSV",
        ));
    }
    if p.name().is_none() {
        warnings.push(Warning::at(
            "no-name",
            "basics.name",
            "the export has no Profile.csv with a name",
        ));
    }
    Ok(Parsed {
        value: p,
        warnings,
        format: super::Format::LinkedInZip,
        layout: LayoutSignals {
            pages: 1,
            ..Default::default()
        },
    })
}

fn profile_row(b: &mut Basics, r: &HashMap<String, String>) {
    let name: Vec<&str> = ["first name", "last name"]
        .iter()
        .filter_map(|k| r.get(*k).map(String::as_str))
        .collect();
    if !name.is_empty() {
        b.name = Some(name.join(" "));
    }
    b.label = r.get("headline").cloned();
    b.summary = r.get("summary").cloned();
    let city = r.get("geo location").or_else(|| r.get("address")).cloned();
    let country = r.get("country").cloned();
    if city.is_some() || country.is_some() {
        b.location = Some(Location {
            city,
            region: country,
            postal_code: r.get("zip code").cloned(),
            ..Location::default()
        });
    }
    // "PORTFOLIO:http://a, COMPANY:https://b" or plain URLs.
    if let Some(sites) = r.get("websites") {
        for site in sites.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let url = site
                .find("http")
                .map_or(site, |i| &site[i..])
                .trim_start_matches(['[', ' '])
                .trim_end_matches(']');
            if b.url.is_none() {
                b.url = Some(url.to_string());
            } else {
                b.profiles.push(SocialProfile {
                    network: Some("Website".into()),
                    url: Some(url.to_string()),
                    ..SocialProfile::default()
                });
            }
        }
    }
    if let Some(handles) = r.get("twitter handles") {
        for h in handles
            .split(',')
            .map(|h| h.trim().trim_matches(['[', ']']).trim_start_matches('@'))
            .filter(|h| !h.is_empty())
        {
            b.profiles.push(SocialProfile {
                network: Some("Twitter".into()),
                username: Some(h.to_string()),
                url: Some(format!("https://x.com/{h}")),
                ..SocialProfile::default()
            });
        }
    }
}

/// A description's prose becomes the summary; its bullet lines become highlights.
fn split_description(desc: Option<&String>) -> (Option<String>, Vec<String>) {
    let Some(desc) = desc else {
        return (None, Vec::new());
    };
    let mut prose = Vec::new();
    let mut bullets = Vec::new();
    for line in desc.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let l = super::doc::line_from_plain(line, 1);
        if l.bullet {
            bullets.push(l.text)
        } else {
            prose.push(l.text)
        }
    }
    ((!prose.is_empty()).then(|| prose.join("\n")), bullets)
}

fn dates(
    r: &HashMap<String, String>,
    start: &[&str],
    end: &[&str],
) -> (Option<String>, Option<String>, Option<bool>) {
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| r.get(*k))
            .and_then(|v| parse_date(v))
    };
    let s = get(start).and_then(|d| match d {
        DatePoint::Date(d) => Some(d.to_string()),
        DatePoint::Present => None,
    });
    match get(end) {
        Some(DatePoint::Date(d)) => (s, Some(d.to_string()), None),
        Some(DatePoint::Present) => (s, None, Some(true)),
        // LinkedIn leaves "Finished On" empty for current positions.
        None => (
            s.clone(),
            None,
            (s.is_some() && !end.is_empty()).then_some(true),
        ),
    }
}

/// Reads a CSV into rows keyed by lowercase header, after repairing loose quoting.
fn read_csv(bytes: &[u8]) -> Result<Vec<HashMap<String, String>>> {
    let text = super::text::decode(bytes, &Limits::default())?;
    let text = repair_quotes(&text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::invalid("CSV", e.to_string()))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| Error::invalid("CSV", e.to_string()))?;
        let row: HashMap<String, String> = headers
            .iter()
            .zip(rec.iter())
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(h, v)| (h.clone(), v.trim().to_string()))
            .collect();
        if !row.is_empty() {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Removes whitespace between a field separator and a quote (`a, "b" ,c`), which strict CSV
/// readers take as part of the field.
fn repair_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_quotes = false;
    let mut pending = String::new();
    let mut at_field_start = true;
    let mut after_close = false;
    for c in text.chars() {
        if in_quotes {
            out.push(c);
            if c == '"' {
                in_quotes = false;
                after_close = true;
            }
            continue;
        }
        match c {
            ' ' | '\t' if at_field_start || after_close => pending.push(c),
            '"' if at_field_start => {
                pending.clear();
                out.push(c);
                in_quotes = true;
                at_field_start = false;
            }
            '"' if after_close => {
                // An escaped quote ("") inside a quoted field.
                out.push_str(&pending);
                pending.clear();
                out.push(c);
                in_quotes = true;
                after_close = false;
            }
            ',' | '\n' | '\r' => {
                if !after_close {
                    out.push_str(&pending);
                }
                pending.clear();
                out.push(c);
                at_field_start = true;
                after_close = false;
            }
            _ => {
                out.push_str(&pending);
                pending.clear();
                out.push(c);
                at_field_start = false;
                after_close = false;
            }
        }
    }
    out.push_str(&pending);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_loose_quotes() {
        let rows = read_csv(b"Company Name,Title,Started On\n \"Acme, Inc\" , \"Dev\",Jan 2020\n")
            .unwrap();
        assert_eq!(rows[0]["company name"], "Acme, Inc");
        assert_eq!(rows[0]["title"], "Dev");
        let rows =
            read_csv(b"Name,Description\nX,\"He said \"\"hi\"\"\n- did a\n- did b\"\n").unwrap();
        assert_eq!(rows[0]["description"], "He said \"hi\"\n- did a\n- did b");
    }

    #[test]
    fn current_position_is_ongoing() {
        let files = vec![("Positions.csv".to_string(), b"Company Name,Title,Description,Location,Started On,Finished On\nAcme,Dev,\"Built it.\n- Shipped X\",Berlin,Mar 2021,\n".to_vec())];
        let p = from_files(&files).unwrap().value;
        let w = &p.work[0];
        assert_eq!(
            (w.start_date.as_deref(), w.end_date.as_deref(), w.ongoing),
            (Some("2021-03"), None, Some(true))
        );
        assert_eq!(w.summary.as_deref(), Some("Built it."));
        assert_eq!(w.highlights.as_slice(), ["Shipped X"]);
    }

    #[test]
    fn real_export_zip() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/data/linkedin-export/2018/Basic_LinkedInDataExport_11-04-2018.zip"
        );
        let Ok(bytes) = std::fs::read(path) else {
            return;
        };
        let parsed = crate::parse_resume(&bytes, &crate::Hint::default()).unwrap();
        assert_eq!(parsed.format, super::super::Format::LinkedInZip);
        let p = parsed.value;
        assert_eq!(p.name(), Some("Abhishek Mathur"));
        assert_eq!(p.work.len(), 2);
        assert_eq!(p.work[0].name.as_deref(), Some("Tache Technologies"));
        assert_eq!(p.work[0].start_date.as_deref(), Some("2018-06"));
        assert_eq!(p.work[0].end_date.as_deref(), Some("2018-08"));
        assert_eq!(
            p.education[0].institution.as_deref(),
            Some("DLF Public School")
        );
        assert!(p.skills[0].keywords.iter().any(|k| k == "JavaScript"));
        assert_eq!(p.languages.len(), 2);
        assert_eq!(p.awards.len(), 3);
        assert_eq!(p.projects[0].start_date.as_deref(), Some("2016-08"));
        assert_eq!(
            p.basics.as_ref().and_then(|b| b.url.as_deref()),
            Some("http://allsocial.gear.host")
        );
    }

    #[test]
    fn not_an_export() {
        assert!(parse_zip(b"PK\x03\x04junk", &Limits::default()).is_err());
    }
}
