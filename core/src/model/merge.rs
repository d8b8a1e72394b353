//! Merging a second source for the same person into a profile.
//!
//! Entries are matched across both sides (jobs by employer and overlapping dates or title,
//! schools by institution, the rest by name); matched entries are merged field by field, new
//! ones appended. Where both sides hold different values, ours is kept and the conflict is
//! reported with both values, so nothing is lost.

use serde::{Deserialize, Serialize};

use super::{Basics, Profile};

/// A field where the two sources disagree. `kept` stays in the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// Path of the field in the merged profile, e.g. `work[1].position`.
    pub path: String,
    pub kept: String,
    pub other: String,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeReport {
    pub conflicts: Vec<Conflict>,
    /// Paths of entries taken from the other source as new.
    pub added: Vec<String>,
    /// Paths of entries matched and merged.
    pub matched: Vec<String>,
}

fn key(s: &str) -> String {
    const SUFFIXES: &[&str] = &[
        "inc",
        "llc",
        "ltd",
        "gmbh",
        "corp",
        "corporation",
        "co",
        "sa",
        "ag",
        "plc",
        "limited",
        "the",
    ];
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !SUFFIXES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn field(
    path: String,
    ours: &mut Option<String>,
    theirs: Option<String>,
    report: &mut MergeReport,
) {
    match (ours.as_ref(), theirs) {
        (None, Some(t)) => *ours = Some(t),
        (Some(o), Some(t)) if key(o) != key(&t) => report.conflicts.push(Conflict {
            path,
            kept: o.clone(),
            other: t,
        }),
        _ => {}
    }
}

fn union(ours: &mut Vec<String>, theirs: impl IntoIterator<Item = String>) {
    for t in theirs {
        let k = key(&t);
        if !ours.iter().any(|o| key(o) == k) {
            ours.push(t);
        }
    }
}

/// Whether two date spans (ISO partial strings) overlap; unknown dates do not rule a match out.
fn overlaps(a: (&Option<String>, &Option<String>), b: (&Option<String>, &Option<String>)) -> bool {
    use super::PartialDate;
    let span = |(s, e): (&Option<String>, &Option<String>)| {
        let s = s.as_deref().and_then(PartialDate::parse_iso)?;
        let e = e
            .as_deref()
            .and_then(PartialDate::parse_iso)
            .map_or(i32::MAX, |e| e.months(12));
        Some((s.months(1), e))
    };
    match (span(a), span(b)) {
        (Some((s1, e1)), Some((s2, e2))) => s1 <= e2 && s2 <= e1,
        _ => true,
    }
}

macro_rules! merge_fields {
    ($report:expr, $path:expr, $ours:expr, $theirs:expr, [$($f:ident),*]) => {
        $( field(format!("{}.{}", $path, stringify!($f)), &mut $ours.$f, $theirs.$f.take(), $report); )*
    };
}

impl Profile {
    /// Merges `other` (another source for the same person) into `self`. See the module docs.
    pub fn merge(&mut self, mut other: Profile) -> MergeReport {
        let mut r = MergeReport::default();
        if let Some(mut theirs) = other.basics.take() {
            let ours = self.basics.get_or_insert_with(Basics::default);
            merge_fields!(
                &mut r,
                "basics",
                ours,
                theirs,
                [name, label, image, email, phone, url, summary]
            );
            if ours.location.is_none() {
                ours.location = theirs.location.take();
            }
            for prof in theirs.profiles.drain(..) {
                let same = |p: &super::SocialProfile| {
                    (p.url.is_some() && p.url == prof.url)
                        || (p.network.as_deref().map(key) == prof.network.as_deref().map(key)
                            && p.username == prof.username)
                };
                if !ours.profiles.iter().any(same) {
                    ours.profiles.push(prof);
                }
            }
        }
        for mut w in other.work.into_vec() {
            let found = self.work.iter().position(|o| {
                let company = matches!((&o.name, &w.name), (Some(a), Some(b)) if key(a) == key(b));
                let title =
                    matches!((&o.position, &w.position), (Some(a), Some(b)) if key(a) == key(b));
                company
                    && (title
                        || overlaps((&o.start_date, &o.end_date), (&w.start_date, &w.end_date)))
            });
            match found {
                Some(i) => {
                    let path = format!("work[{i}]");
                    let o = &mut self.work[i];
                    merge_fields!(
                        &mut r,
                        path,
                        o,
                        w,
                        [
                            position,
                            location,
                            description,
                            url,
                            start_date,
                            end_date,
                            summary
                        ]
                    );
                    if o.ongoing.is_none() {
                        o.ongoing = w.ongoing;
                    }
                    union(&mut o.highlights, w.highlights.into_vec());
                    r.matched.push(path);
                }
                None => {
                    r.added.push(format!("work[{}]", self.work.len()));
                    self.work.push(w);
                }
            }
        }
        for mut e in other.education.into_vec() {
            let found = self.education.iter().position(|o| {
                matches!((&o.institution, &e.institution), (Some(a), Some(b)) if key(a) == key(b))
                    && overlaps((&o.start_date, &o.end_date), (&e.start_date, &e.end_date))
            });
            match found {
                Some(i) => {
                    let path = format!("education[{i}]");
                    let o = &mut self.education[i];
                    merge_fields!(
                        &mut r,
                        path,
                        o,
                        e,
                        [area, study_type, url, start_date, end_date, score]
                    );
                    union(&mut o.courses, e.courses.into_vec());
                    r.matched.push(path);
                }
                None => {
                    r.added.push(format!("education[{}]", self.education.len()));
                    self.education.push(e);
                }
            }
        }
        // Skills: keywords are unioned into the group of the same name, then across all groups.
        for s in other.skills.into_vec() {
            let have: Vec<String> = self
                .skills
                .iter()
                .flat_map(|g| g.keywords.iter().map(|k| key(k)))
                .collect();
            let fresh: Vec<String> = s
                .keywords
                .iter()
                .filter(|k| !have.contains(&key(k)))
                .cloned()
                .collect();
            let same_group = self
                .skills
                .iter()
                .position(|g| g.name.as_deref().map(key) == s.name.as_deref().map(key));
            match same_group {
                Some(i) => union(&mut self.skills[i].keywords, fresh),
                None if !fresh.is_empty() || s.keywords.is_empty() => {
                    r.added.push(format!("skills[{}]", self.skills.len()));
                    let mut s = s;
                    s.keywords = fresh.into();
                    self.skills.push(s);
                }
                None => {}
            }
        }
        macro_rules! by_name {
            ($sec:ident, $name:ident) => {
                for item in other.$sec.into_vec() {
                    let k = item.$name.as_deref().map(key);
                    if k.is_some() && self.$sec.iter().any(|o| o.$name.as_deref().map(key) == k) {
                        continue;
                    }
                    r.added
                        .push(format!("{}[{}]", stringify!($sec), self.$sec.len()));
                    self.$sec.push(item);
                }
            };
        }
        by_name!(volunteer, organization);
        by_name!(awards, title);
        by_name!(certificates, name);
        by_name!(publications, name);
        by_name!(languages, language);
        by_name!(interests, name);
        by_name!(references, name);
        by_name!(projects, name);
        by_name!(custom_sections, title);
        for (k, v) in other.extra {
            self.extra.entry(k).or_insert(v);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Skill, Work};
    use super::*;

    fn work(company: &str, title: &str, start: &str) -> Work {
        Work {
            name: Some(company.into()),
            position: Some(title.into()),
            start_date: Some(start.into()),
            ..Work::default()
        }
    }

    #[test]
    fn merges_and_reports_conflicts() {
        let mut a = Profile::default();
        a.basics_mut().name = Some("Jane Doe".into());
        a.basics_mut().email = Some("jane@a.com".into());
        a.work.push(work("Acme Inc.", "Engineer", "2020-01"));
        a.skills.push(Skill {
            name: Some("Languages".into()),
            keywords: vec!["Rust".to_string()].into(),
            ..Skill::default()
        });
        let mut b = Profile::default();
        b.basics_mut().name = Some("Jane  Doe".into());
        b.basics_mut().email = Some("jane@b.com".into());
        b.basics_mut().phone = Some("+1 555 0100".into());
        let mut w = work("ACME", "Senior Engineer", "2020-01");
        w.highlights.push("Led the migration".into());
        b.work.push(w);
        b.work.push(work("Initech", "Intern", "2018-06"));
        b.skills.push(Skill {
            name: Some("Skills".into()),
            keywords: vec!["rust".to_string(), "Go".to_string()].into(),
            ..Skill::default()
        });

        let report = a.merge(b);
        let basics = a.basics.as_ref().unwrap();
        assert_eq!(basics.phone.as_deref(), Some("+1 555 0100"));
        assert_eq!(a.work.len(), 2);
        assert_eq!(a.work[0].highlights.as_slice(), ["Led the migration"]);
        let paths: Vec<&str> = report.conflicts.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["basics.email", "work[0].position"]);
        assert_eq!(report.conflicts[1].other, "Senior Engineer");
        assert_eq!(report.added, ["work[1]", "skills[1]"]);
        assert_eq!(a.skills[1].keywords.as_slice(), ["Go"]);
    }
}
