//! Chunking: a profile into retrievable evidence, a job into requirements. Every chunk keeps
//! the JSON-Resume-style path of its source (`work[2].highlights[1]`), the same paths the ATS
//! evidence uses ([`profile_fields`]).

use serde::{Deserialize, Serialize};

use crate::ats::evidence::{FieldKind, profile_fields};
use crate::model::{Job, Profile};

/// What a chunk is, for metadata filters and for weighing evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChunkKind {
    /// A work, volunteer or project bullet.
    Bullet,
    /// A work or volunteer summary, or a project description.
    Description,
    /// A position title.
    Title,
    /// The profile headline and summary.
    Summary,
    /// A skills group ("Languages: Rust, Go") or a project's keywords.
    Skills,
    /// Education, certificates, awards, publications, other sections.
    Other,
    /// A job requirement line.
    Requirement,
    /// A job responsibility line.
    Responsibility,
    /// A skill a job names.
    JobSkill,
    /// A whole job, for searching a corpus of jobs.
    Job,
}

/// One retrievable unit of text with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    /// Path of the source field, e.g. `work[2].highlights[1]`, `skills[0]`, `requirements[3]`.
    pub path: String,
    pub kind: ChunkKind,
    pub text: String,
    /// Free-form labels for metadata filters (`remote`, a location, a company).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Chunk {
    fn new(path: impl Into<String>, kind: ChunkKind, text: impl Into<String>) -> Self {
        Chunk {
            path: path.into(),
            kind,
            text: text.into(),
            tags: Vec::new(),
        }
    }
}

/// The profile's evidence units: bullets, summaries, project descriptions, titles, one chunk
/// per skills group and per project keyword list, education and the rest.
pub fn chunk_profile(profile: &Profile) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for f in profile_fields(profile) {
        // `skills[i].keywords[j]` and `projects[i].keywords[j]` join one list chunk per item.
        if let Some((item, _)) = f.path.split_once(".keywords[") {
            let parent = format!("{item}.keywords");
            let path = if item.starts_with("skills[") {
                item.to_string()
            } else {
                parent
            };
            match out.last_mut() {
                Some(last) if last.path == path => {
                    last.text.push_str(", ");
                    last.text.push_str(f.text.trim());
                }
                _ => out.push(Chunk::new(path, ChunkKind::Skills, f.text.trim())),
            }
            continue;
        }
        let kind = if f.path.ends_with(".name") && f.path.starts_with("skills[") {
            // The group name leads its keywords: "Languages: Rust, Go".
            let item = f.path.trim_end_matches(".name").to_string();
            out.push(Chunk::new(
                item,
                ChunkKind::Skills,
                format!("{}:", f.text.trim()),
            ));
            continue;
        } else if f.path.contains(".highlights[") {
            ChunkKind::Bullet
        } else if f.path.ends_with(".position") {
            ChunkKind::Title
        } else if f.path.starts_with("basics.") {
            ChunkKind::Summary
        } else if f.kind == FieldKind::Experience {
            ChunkKind::Description
        } else {
            ChunkKind::Other
        };
        out.push(Chunk::new(f.path, kind, f.text.trim()));
    }
    // A group name with no keywords says nothing on its own.
    out.retain(|c| !(c.kind == ChunkKind::Skills && c.text.ends_with(':')));
    for c in &mut out {
        if c.kind == ChunkKind::Skills {
            c.text = c.text.replacen(":, ", ": ", 1);
        }
    }
    out
}

/// The job's requirements as queries: requirement lines, then responsibilities, then named
/// skills; a posting with none of these falls back to the lines of its description.
pub fn chunk_job(job: &Job) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    fn push(out: &mut Vec<Chunk>, path: String, kind: ChunkKind, text: &str) {
        if !text.trim().is_empty() {
            out.push(Chunk::new(path, kind, text.trim()));
        }
    }
    for (i, r) in job.requirements.iter().enumerate() {
        push(
            &mut out,
            format!("requirements[{i}]"),
            ChunkKind::Requirement,
            r,
        );
    }
    for (i, r) in job.responsibilities.iter().enumerate() {
        push(
            &mut out,
            format!("responsibilities[{i}]"),
            ChunkKind::Responsibility,
            r,
        );
    }
    if out.is_empty() {
        for (i, s) in job.required_skills.iter().enumerate() {
            push(
                &mut out,
                format!("required_skills[{i}]"),
                ChunkKind::JobSkill,
                &s.name,
            );
        }
        for (i, s) in job.preferred_skills.iter().enumerate() {
            push(
                &mut out,
                format!("preferred_skills[{i}]"),
                ChunkKind::JobSkill,
                &s.name,
            );
        }
    }
    if out.is_empty() {
        let lines = job
            .description
            .split(['\n', '•'])
            .map(|l| l.trim_start_matches(['-', '*', ' ']).trim())
            .filter(|l| l.split_whitespace().count() >= 3)
            .take(MAX_DESCRIPTION_LINES);
        for (i, l) in lines.enumerate() {
            push(
                &mut out,
                format!("description.lines[{i}]"),
                ChunkKind::Requirement,
                l,
            );
        }
    }
    out
}

/// Lines of a free-text description used as requirements, at most.
const MAX_DESCRIPTION_LINES: usize = 60;
/// Characters of a job kept in its corpus chunk (embedders read a few hundred tokens anyway).
const JOB_CHUNK_CHARS: usize = 2_000;

/// A whole job as one chunk for corpus search: title, company, skills, then the description,
/// tagged with its workplace type and locations.
pub fn job_document(job: &Job, path: impl Into<String>) -> Chunk {
    let mut text = String::new();
    for part in [job.title.as_deref(), job.company.as_deref()]
        .into_iter()
        .flatten()
    {
        text.push_str(part);
        text.push_str(". ");
    }
    let skills: Vec<&str> = job.skills().map(|s| s.name.as_str()).collect();
    if !skills.is_empty() {
        text.push_str(&skills.join(", "));
        text.push_str(". ");
    }
    text.push_str(&job.description);
    if text.len() > JOB_CHUNK_CHARS {
        let mut end = JOB_CHUNK_CHARS;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    let mut chunk = Chunk::new(path, ChunkKind::Job, text.trim());
    if let Some(w) = job.workplace_type {
        chunk.tags.push(format!("{w:?}").to_lowercase());
    }
    chunk
        .tags
        .extend(job.locations.iter().map(|l| l.to_lowercase()));
    chunk
}
