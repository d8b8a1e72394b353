//! `skills`: the shipped skills taxonomy (lookup, autocomplete).

use career_copilot::skills::{self as core_skills, SkillEntry, SkillId, Taxonomy};

/// Where a taxonomy entry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SkillSource {
    Curated,
    Onet,
    Esco,
}

/// A skill of the shipped taxonomy.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SkillInfo {
    pub id: u32,
    /// Canonical name ("PostgreSQL").
    pub name: String,
    pub aliases: Vec<String>,
    pub category: String,
    /// Ids of related skills (see [`skill_by_id`]).
    pub related: Vec<u32>,
    pub hot: bool,
    pub source: SkillSource,
}

/// The skill a name or alias stands for ("k8s" is Kubernetes), or `null`.
#[uniffi::export]
pub fn skill_lookup(name: String) -> Option<SkillInfo> {
    Taxonomy::builtin().lookup(&name).map(info)
}

/// Skills whose name or an alias starts with `prefix`, best first, at most `limit`.
#[uniffi::export(default(limit = 10))]
pub fn skill_autocomplete(prefix: String, limit: u32) -> Vec<SkillInfo> {
    Taxonomy::builtin()
        .autocomplete(&prefix, crate::convert::size(limit.into()))
        .into_iter()
        .map(info)
        .collect()
}

/// The skill with a taxonomy id (as in [`SkillInfo::related`]), or `null`.
#[uniffi::export]
pub fn skill_by_id(id: u32) -> Option<SkillInfo> {
    Taxonomy::builtin().entry(SkillId(id)).map(info)
}

fn info(e: &SkillEntry) -> SkillInfo {
    SkillInfo {
        id: e.id.0,
        name: e.name.clone(),
        aliases: e.aliases.clone(),
        category: e.category.clone(),
        related: e.related.iter().map(|r| r.0).collect(),
        hot: e.hot,
        source: match e.source {
            core_skills::SkillSource::Curated => SkillSource::Curated,
            core_skills::SkillSource::Onet => SkillSource::Onet,
            core_skills::SkillSource::Esco => SkillSource::Esco,
        },
    }
}
