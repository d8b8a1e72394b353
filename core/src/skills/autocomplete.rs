//! Prefix autocomplete over canonical names and aliases, for skill pickers.
//!
//! Every name and alias goes into one sorted list of normalised keys, so a prefix is a binary
//! search plus a walk over the keys that share it; typing "react j" or "node." finds React and
//! Node.js because spacing and punctuation are ignored. Later words of canonical names are
//! indexed too, ranked after whole-name matches ("learn" also offers Machine Learning).

use super::data::key;
use super::{SkillEntry, SkillId, SkillSource, Taxonomy};

/// Exact?, kind, source, not hot?, name length: lower is better.
type Rank = (u8, Kind, u8, bool, usize);

/// What an index key was made from; the order is the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Name,
    Alias,
    /// A later word of the canonical name ("learning" of "Machine Learning").
    Word,
}

#[derive(Debug)]
pub(crate) struct Completer {
    /// (normalised key, skill, kind), sorted by key, so that of several keys of one skill that
    /// are equal the best kind is kept.
    keys: Vec<(Box<str>, SkillId, Kind)>,
}

impl Completer {
    pub(crate) fn new(entries: &[SkillEntry]) -> Completer {
        let mut keys = Vec::with_capacity(entries.len() * 3);
        for e in entries {
            keys.push((key(&e.name).into_boxed_str(), e.id, Kind::Name));
            for a in &e.aliases {
                keys.push((key(a).into_boxed_str(), e.id, Kind::Alias));
            }
            let starts = e.name.char_indices().filter(|&(i, _)| {
                i > 0 && e.name[..i].ends_with([' ', '-', '/']) && !e.name[i..].starts_with(' ')
            });
            for (i, _) in starts {
                keys.push((key(&e.name[i..]).into_boxed_str(), e.id, Kind::Word));
            }
        }
        keys.retain(|(k, _, _)| !k.is_empty());
        keys.sort_unstable();
        keys.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        Completer { keys }
    }

    pub(crate) fn complete<'t>(
        &self,
        tax: &'t Taxonomy,
        prefix: &str,
        limit: usize,
    ) -> Vec<&'t SkillEntry> {
        let p = key(prefix);
        if p.is_empty() || limit == 0 {
            return Vec::new();
        }
        let from = self.keys.partition_point(|(k, _, _)| &**k < p.as_str());
        // Best rank per skill: exact before prefix, canonical name before alias, curated before
        // O*NET before ESCO, hot first, shorter names first.
        let mut ranked: Vec<(Rank, SkillId)> = self.keys[from..]
            .iter()
            .take_while(|(k, _, _)| k.starts_with(p.as_str()))
            .map(|(k, id, kind)| {
                let e = tax.get(*id);
                let source = match e.source {
                    SkillSource::Curated => 0,
                    SkillSource::Onet => 1,
                    SkillSource::Esco => 2,
                };
                (
                    (
                        u8::from(**k != *p || *kind == Kind::Word),
                        *kind,
                        source,
                        !e.hot,
                        e.name.len(),
                    ),
                    *id,
                )
            })
            .collect();
        ranked.sort_unstable_by_key(|&(rank, id)| (id, rank));
        ranked.dedup_by_key(|r| r.1);
        ranked.sort_unstable();
        ranked
            .into_iter()
            .take(limit)
            .map(|(_, id)| tax.get(id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::skills::Taxonomy;

    fn names(prefix: &str, limit: usize) -> Vec<String> {
        Taxonomy::builtin()
            .autocomplete(prefix, limit)
            .into_iter()
            .map(|e| e.name.clone())
            .collect()
    }

    #[test]
    fn prefixes_of_names_and_aliases() {
        assert_eq!(names("kube", 1), ["Kubernetes"]);
        assert_eq!(names("k8", 1), ["Kubernetes"]);
        assert_eq!(names("postg", 2)[0], "PostgreSQL");
        assert_eq!(names("JS", 1), ["JavaScript"]);
        assert_eq!(names("react", 3)[0], "React");
        assert!(names("react", 3).contains(&"React Native".to_string()));
        assert_eq!(names("node j", 1), ["Node.js"]);
        assert_eq!(names("C#", 1), ["C#"]);
        assert_eq!(names("c++", 1), ["C++"]);
    }

    #[test]
    fn exact_and_curated_first_without_duplicates() {
        let got = names("java", 10);
        assert_eq!(got[0], "Java");
        assert!(got.contains(&"JavaScript".to_string()));
        let mut dedup = got.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(dedup.len(), got.len());
        assert_eq!(names("r", 1), ["R"]);
        assert_eq!(names("go", 1), ["Go"]);
    }

    #[test]
    fn empty_and_unknown() {
        assert!(names("", 5).is_empty());
        assert!(names("  .. ", 5).is_empty());
        assert!(names("zzzzqqq", 5).is_empty());
        assert!(names("python", 0).is_empty());
        assert!(names("m", 7).len() == 7);
    }

    #[test]
    fn later_words_rank_after_whole_names() {
        let got = names("learn", 10);
        assert!(got.contains(&"Machine Learning".to_string()), "{got:?}");
        assert!(got.contains(&"Deep Learning".to_string()), "{got:?}");
        let got = names("data", 40);
        let at = |n: &str| got.iter().position(|g| g == n);
        assert!(at("Data Analysis").is_some(), "{got:?}");
        assert!(at("Big Data") > at("Data Analysis"), "{got:?}");
    }
}
