//! Where in a profile each skill and word appears: the evidence behind every point.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Profile;
use crate::skills::{SkillId, Taxonomy};

/// Which part of the profile a piece of text sits in; experience weighs more than a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FieldKind {
    /// Work, volunteer and project bullets and summaries: the skill was used.
    Experience,
    /// The skills section: the skill is claimed.
    SkillsSection,
    /// Headline, summary, education, certificates, other sections.
    Other,
}

/// One text field of the profile with its JSON-Resume-style path, e.g. `work[2].highlights[1]`.
#[derive(Debug, Clone)]
pub struct Field<'a> {
    pub path: String,
    pub text: &'a str,
    pub kind: FieldKind,
}

/// Every text field of a profile, with the skills and words found in each.
#[derive(Debug)]
pub struct ProfileIndex<'a> {
    pub fields: Vec<Field<'a>>,
    /// Skill id to the indices of the fields that mention it, in field order.
    pub skills: BTreeMap<SkillId, Vec<usize>>,
    /// Lowercased, lightly stemmed words of the whole profile.
    pub words: BTreeSet<String>,
    /// The stemmed words of each field, in order, for phrase search.
    field_words: Vec<Vec<String>>,
}

/// Lowercases and strips common English suffixes so "deployed" meets "deploy" and "services" meets "service".
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suffix in ["ing", "ed", "es", "s"] {
        if w.len() > suffix.len() + 3 && w.ends_with(suffix) {
            return w[..w.len() - suffix.len()].to_string();
        }
    }
    w
}

/// The words of a text: alphanumeric runs keeping `+`, `#` and `.` inside tokens (C++, C#, Node.js).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#' || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
}

/// Every non-blank text field of a profile with its JSON-Resume-style path, in document
/// order: the shared path convention of ATS evidence and retrieval chunks.
pub fn profile_fields<'p>(profile: &'p Profile) -> Vec<Field<'p>> {
    let mut fields = Vec::new();
    let mut push = |path: String, text: Option<&'p str>, kind: FieldKind| {
        if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
            fields.push(Field {
                path,
                text: t,
                kind,
            });
        }
    };
    if let Some(b) = &profile.basics {
        push("basics.label".into(), b.label.as_deref(), FieldKind::Other);
        push(
            "basics.summary".into(),
            b.summary.as_deref(),
            FieldKind::Other,
        );
    }
    for (i, w) in profile.work.iter().enumerate() {
        push(
            format!("work[{i}].position"),
            w.position.as_deref(),
            FieldKind::Experience,
        );
        push(
            format!("work[{i}].summary"),
            w.summary.as_deref(),
            FieldKind::Experience,
        );
        push(
            format!("work[{i}].description"),
            w.description.as_deref(),
            FieldKind::Experience,
        );
        for (j, h) in w.highlights.iter().enumerate() {
            push(
                format!("work[{i}].highlights[{j}]"),
                Some(h),
                FieldKind::Experience,
            );
        }
    }
    for (i, p) in profile.projects.iter().enumerate() {
        push(
            format!("projects[{i}].name"),
            p.name.as_deref(),
            FieldKind::Experience,
        );
        push(
            format!("projects[{i}].description"),
            p.description.as_deref(),
            FieldKind::Experience,
        );
        for (j, h) in p.highlights.iter().enumerate() {
            push(
                format!("projects[{i}].highlights[{j}]"),
                Some(h),
                FieldKind::Experience,
            );
        }
        for (j, k) in p.keywords.iter().enumerate() {
            push(
                format!("projects[{i}].keywords[{j}]"),
                Some(k),
                FieldKind::Experience,
            );
        }
    }
    for (i, v) in profile.volunteer.iter().enumerate() {
        push(
            format!("volunteer[{i}].summary"),
            v.summary.as_deref(),
            FieldKind::Experience,
        );
        for (j, h) in v.highlights.iter().enumerate() {
            push(
                format!("volunteer[{i}].highlights[{j}]"),
                Some(h),
                FieldKind::Experience,
            );
        }
    }
    for (i, s) in profile.skills.iter().enumerate() {
        push(
            format!("skills[{i}].name"),
            s.name.as_deref(),
            FieldKind::SkillsSection,
        );
        for (j, k) in s.keywords.iter().enumerate() {
            push(
                format!("skills[{i}].keywords[{j}]"),
                Some(k),
                FieldKind::SkillsSection,
            );
        }
    }
    for (i, e) in profile.education.iter().enumerate() {
        push(
            format!("education[{i}].area"),
            e.area.as_deref(),
            FieldKind::Other,
        );
        push(
            format!("education[{i}].studyType"),
            e.study_type.as_deref(),
            FieldKind::Other,
        );
        for (j, c) in e.courses.iter().enumerate() {
            push(
                format!("education[{i}].courses[{j}]"),
                Some(c),
                FieldKind::Other,
            );
        }
    }
    for (i, c) in profile.certificates.iter().enumerate() {
        push(
            format!("certificates[{i}].name"),
            c.name.as_deref(),
            FieldKind::Other,
        );
    }
    for (i, a) in profile.awards.iter().enumerate() {
        push(
            format!("awards[{i}].title"),
            a.title.as_deref(),
            FieldKind::Other,
        );
    }
    for (i, p) in profile.publications.iter().enumerate() {
        push(
            format!("publications[{i}].name"),
            p.name.as_deref(),
            FieldKind::Other,
        );
    }
    for (i, c) in profile.custom_sections.iter().enumerate() {
        for (j, l) in c.lines.iter().enumerate() {
            push(
                format!("x-sections[{i}].lines[{j}]"),
                Some(l),
                FieldKind::Other,
            );
        }
    }
    fields
}

impl<'a> ProfileIndex<'a> {
    /// Collects and indexes every text field of `profile`.
    pub fn new(profile: &'a Profile, taxonomy: &Taxonomy) -> Self {
        let fields = profile_fields(profile);
        Self::index(fields, taxonomy)
    }

    fn index(fields: Vec<Field<'a>>, taxonomy: &Taxonomy) -> Self {
        let mut skills: BTreeMap<SkillId, Vec<usize>> = BTreeMap::new();
        let mut all_words = BTreeSet::new();
        let mut field_words = Vec::with_capacity(fields.len());
        // One reused buffer: `find_into` builds no strings.
        let mut hits = Vec::new();
        for (idx, f) in fields.iter().enumerate() {
            taxonomy.find_into(f.text, &mut hits);
            for m in &hits {
                let v = skills.entry(m.skill).or_default();
                if v.last() != Some(&idx) {
                    v.push(idx);
                }
            }
            // A skills-section keyword is a skill name even when the taxonomy's context rules
            // would not accept it in prose ("Go" alone in a list).
            if f.kind == FieldKind::SkillsSection {
                if let Some(entry) = taxonomy.lookup(f.text.trim()) {
                    let v = skills.entry(entry.id).or_default();
                    if !v.contains(&idx) {
                        v.push(idx);
                    }
                }
            }
            let ws: Vec<String> = words(f.text).map(stem).collect();
            all_words.extend(ws.iter().cloned());
            field_words.push(ws);
        }
        ProfileIndex {
            fields,
            skills,
            words: all_words,
            field_words,
        }
    }

    /// The best evidence for a skill: experience first, then the skills section, then the rest.
    pub fn best_evidence(&self, skill: SkillId) -> Option<&Field<'a>> {
        let idx = self.skills.get(&skill)?;
        idx.iter().map(|&i| &self.fields[i]).min_by_key(|f| f.kind)
    }

    /// Whether any skills-section field names the skill.
    pub fn in_skills_section(&self, skill: SkillId) -> bool {
        self.skills.get(&skill).is_some_and(|idx| {
            idx.iter()
                .any(|&i| self.fields[i].kind == FieldKind::SkillsSection)
        })
    }

    /// Fields whose text contains `phrase` as whole words (case-insensitive), for skills the
    /// taxonomy does not know.
    pub fn find_phrase(&self, phrase: &str) -> Option<&Field<'a>> {
        let needle: Vec<String> = words(phrase).map(stem).collect();
        if needle.is_empty() {
            return None;
        }
        let mut found: Vec<&Field<'a>> = self
            .fields
            .iter()
            .zip(&self.field_words)
            .filter(|(_, hay)| hay.windows(needle.len()).any(|w| w == needle.as_slice()))
            .map(|(f, _)| f)
            .collect();
        found.sort_by_key(|f| f.kind);
        found.first().copied()
    }
}
