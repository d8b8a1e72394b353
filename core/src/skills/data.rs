//! Parsing the line-based taxonomy data (TSV), which is faster to load than JSON and small.
//!
//! One skill a line; the line number (from 0) is its [`SkillId`]:
//! `name TAB category TAB flags TAB aliases (;) TAB related ids (,)`.
//! A surface form prefixed with `~` counts in text only in context; `!` marks a form for
//! [`Taxonomy::lookup`](super::Taxonomy::lookup) only. Flags: `c`/`o`/`e` source, `h` hot.

use super::{SkillEntry, SkillId, SkillSource};
use crate::{Error, Result};

/// How a surface form may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormKind {
    /// Matched anywhere on word boundaries.
    Plain,
    /// Matched only in context (Go, R, Excel, Spring).
    Ambiguous,
    /// Never matched in text; lookup and autocomplete only.
    LookupOnly,
}

/// The surface forms of one entry (canonical name first), with how each may be matched.
pub(crate) type Forms = Vec<(String, FormKind)>;

/// Normalised key for lookups: lowercase letters and digits plus `+` and `#`, everything else
/// dropped, so "React.js", "ReactJS" and "react js" meet, while "C", "C++" and "C#" stay apart.
pub(crate) fn key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() || c == '+' || c == '#' {
            k.extend(c.to_lowercase());
        }
    }
    k
}

fn form(raw: &str) -> (String, FormKind) {
    if let Some(rest) = raw.strip_prefix('~') {
        (rest.to_string(), FormKind::Ambiguous)
    } else if let Some(rest) = raw.strip_prefix('!') {
        (rest.to_string(), FormKind::LookupOnly)
    } else {
        (raw.to_string(), FormKind::Plain)
    }
}

/// Parse taxonomy TSV; errors name the line and the field that is wrong.
pub(crate) fn parse(tsv: &str) -> Result<(Vec<SkillEntry>, Vec<Forms>)> {
    let lines: Vec<&str> = tsv.lines().filter(|l| !l.trim().is_empty()).collect();
    let n = lines.len();
    let mut entries = Vec::with_capacity(n);
    let mut all_forms = Vec::with_capacity(n);
    for (i, line) in lines.iter().enumerate() {
        let bad =
            |reason: String| Error::invalid("skills taxonomy", format!("line {}: {reason}", i + 1));
        let fields: Vec<&str> = line.split('\t').collect();
        let [name, category, flags, aliases, related] = fields[..] else {
            return Err(bad(format!(
                "expected 5 tab-separated fields, found {}",
                fields.len()
            )));
        };
        let (name, kind) = form(name.trim());
        if name.is_empty() {
            return Err(bad("empty skill name".into()));
        }
        let mut forms = vec![(name.clone(), kind)];
        forms.extend(
            aliases
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(form),
        );
        let mut related_ids = Vec::new();
        for r in related.split(',').map(str::trim).filter(|r| !r.is_empty()) {
            match r.parse::<u32>() {
                Ok(id) if (id as usize) < n => related_ids.push(SkillId(id)),
                _ => return Err(bad(format!("related id '{r}' is not a skill id below {n}"))),
            }
        }
        let source = if flags.contains('o') {
            SkillSource::Onet
        } else if flags.contains('e') {
            SkillSource::Esco
        } else {
            SkillSource::Curated
        };
        entries.push(SkillEntry {
            id: SkillId(i as u32),
            name,
            aliases: forms[1..].iter().map(|(f, _)| f.clone()).collect(),
            category: category.trim().to_string(),
            related: related_ids,
            hot: flags.contains('h'),
            source,
        });
        all_forms.push(forms);
    }
    Ok((entries, all_forms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_normalise_spelling_variants() {
        assert_eq!(key("React.js"), key("ReactJS"));
        assert_eq!(key("React JS"), "reactjs");
        assert_eq!(key("CI/CD"), key("ci cd"));
        assert_ne!(key("C"), key("C++"));
        assert_ne!(key("C#"), key("C"));
        assert_eq!(key("Español"), "español");
        assert_eq!(key(""), "");
    }

    #[test]
    fn parses_markers_flags_and_related() {
        let (entries, forms) =
            parse("~Go\tlanguage\tch\tGolang;!Go lang\t1\nRust\tlanguage\tc\t\t0\n")
                .expect("valid TSV");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].name, "Go");
        assert_eq!(entries[0].aliases, ["Golang", "Go lang"]);
        assert!(entries[0].hot);
        assert_eq!(entries[0].related, [SkillId(1)]);
        assert_eq!(forms[0][0].1, FormKind::Ambiguous);
        assert_eq!(forms[0][1].1, FormKind::Plain);
        assert_eq!(forms[0][2].1, FormKind::LookupOnly);
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(parse("only\ttwo\n").is_err());
        assert!(parse("\tlanguage\tc\t\t\n").is_err());
        assert!(parse("A\tx\tc\t\tnope\n").is_err());
    }
}
