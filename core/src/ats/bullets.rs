//! Bullet quality: quantified results, action verbs, length, no first person, no filler.

use super::evidence::words;

/// Verbs that open strong resume bullets (past and present forms are both accepted).
const ACTION_VERBS: &[&str] = &[
    "accelerate",
    "achieve",
    "acquire",
    "adapt",
    "administer",
    "advise",
    "analyse",
    "analyze",
    "architect",
    "arrange",
    "assemble",
    "assess",
    "audit",
    "author",
    "automate",
    "boost",
    "build",
    "built",
    "calculate",
    "chair",
    "champion",
    "coach",
    "code",
    "collaborate",
    "compile",
    "complete",
    "conceive",
    "conduct",
    "configure",
    "consolidate",
    "construct",
    "consult",
    "contribute",
    "convert",
    "coordinate",
    "create",
    "cut",
    "debug",
    "decrease",
    "define",
    "deliver",
    "deploy",
    "design",
    "detect",
    "develop",
    "devise",
    "diagnose",
    "direct",
    "discover",
    "document",
    "double",
    "draft",
    "drive",
    "drove",
    "earn",
    "eliminate",
    "enable",
    "engineer",
    "enhance",
    "establish",
    "evaluate",
    "execute",
    "expand",
    "expedite",
    "facilitate",
    "forecast",
    "formulate",
    "found",
    "generate",
    "grew",
    "grow",
    "guide",
    "halve",
    "handle",
    "head",
    "hire",
    "identify",
    "implement",
    "improve",
    "increase",
    "influence",
    "initiate",
    "innovate",
    "inspect",
    "install",
    "instruct",
    "integrate",
    "introduce",
    "invent",
    "investigate",
    "launch",
    "lead",
    "led",
    "leverage",
    "maintain",
    "manage",
    "mentor",
    "merge",
    "migrate",
    "minimize",
    "model",
    "modernize",
    "monitor",
    "motivate",
    "negotiate",
    "optimise",
    "optimize",
    "orchestrate",
    "organize",
    "oversaw",
    "oversee",
    "own",
    "partner",
    "pilot",
    "pioneer",
    "plan",
    "prepare",
    "present",
    "prioritize",
    "produce",
    "program",
    "propose",
    "prototype",
    "provide",
    "publish",
    "raise",
    "ran",
    "rebuild",
    "recruit",
    "redesign",
    "reduce",
    "refactor",
    "remodel",
    "replace",
    "research",
    "resolve",
    "restructure",
    "revamp",
    "review",
    "revise",
    "run",
    "save",
    "scale",
    "secure",
    "select",
    "ship",
    "simplify",
    "solve",
    "spearhead",
    "standardize",
    "streamline",
    "strengthen",
    "supervise",
    "support",
    "taught",
    "teach",
    "test",
    "train",
    "transform",
    "translate",
    "triple",
    "troubleshoot",
    "unify",
    "upgrade",
    "validate",
    "win",
    "won",
    "write",
    "wrote",
];

const FIRST_PERSON: &[&str] = &[
    "i", "me", "my", "mine", "myself", "we", "our", "ich", "mein", "je", "mon", "yo", "mi",
];

const FILLER: &[&str] = &[
    "responsible for",
    "duties included",
    "duties include",
    "helped with",
    "worked on",
    "various",
    "etc",
    "team player",
    "hard-working",
    "hardworking",
    "detail-oriented",
    "go-getter",
    "synergy",
    "think outside the box",
    "tasked with",
    "in charge of",
    "assisted with",
    "involved in",
];

/// What a bullet lacks; all false is a strong bullet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BulletFlaws {
    pub no_number: bool,
    pub weak_verb: bool,
    pub bad_length: bool,
    pub first_person: bool,
    pub filler: bool,
}

impl BulletFlaws {
    /// 0 to 1: the share of checks passed (filler and first person folded into one check).
    pub fn quality(self) -> f64 {
        let fails = [
            self.no_number,
            self.weak_verb,
            self.bad_length,
            self.first_person || self.filler,
        ];
        1.0 - fails.iter().filter(|f| **f).count() as f64 / fails.len() as f64
    }
}

fn is_action_verb(word: &str) -> bool {
    let w = word.to_lowercase();
    let bases = [
        w.clone(),
        w.trim_end_matches("ed").to_string(),
        w.trim_end_matches('d').to_string(),
        w.trim_end_matches('s').to_string(),
        format!("{}e", w.trim_end_matches("ed")),
        w.trim_end_matches("ied").to_string() + "y",
    ];
    bases
        .iter()
        .any(|b| ACTION_VERBS.binary_search(&b.as_str()).is_ok())
}

/// Checks one bullet.
pub fn assess(text: &str) -> BulletFlaws {
    let ws: Vec<&str> = words(text).collect();
    let lower = text.to_lowercase();
    BulletFlaws {
        no_number: !text.chars().any(|c| c.is_ascii_digit())
            && !["percent", "double", "triple", "half", "halved"]
                .iter()
                .any(|w| lower.contains(w)),
        weak_verb: !ws.first().is_some_and(|w| is_action_verb(w)),
        bad_length: !(6..=35).contains(&ws.len()),
        first_person: ws
            .iter()
            .any(|w| FIRST_PERSON.contains(&w.to_lowercase().as_str())),
        filler: FILLER.iter().any(|f| lower.contains(f)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_sorted_for_binary_search() {
        assert!(
            ACTION_VERBS.windows(2).all(|w| w[0] < w[1]),
            "ACTION_VERBS must stay sorted"
        );
    }

    #[test]
    fn strong_and_weak_bullets() {
        let strong = assess("Reduced p99 latency by 40% by rewriting the cache layer in Rust");
        assert_eq!(strong, BulletFlaws::default());
        let weak = assess("I was responsible for various tasks");
        assert!(weak.no_number && weak.weak_verb && weak.first_person && weak.filler);
        assert!(
            assess("Led a team of 5 engineers to ship the new billing system").quality() > 0.99
        );
        assert!(
            assess("Optimized queries, cutting costs by 30% across 12 services").quality() > 0.99
        );
    }
}
