//! Anonymised rendering: the person's name, contacts, employers and schools are replaced by
//! neutral descriptions ("Candidate", "A fintech company", "A university"), and every free-text
//! field is scrubbed of them, of e-mail addresses and of links. Deterministic: the same
//! profile gives the same descriptions, and one employer keeps one description throughout.

use std::sync::LazyLock;

use regex::Regex;

use super::locale::{Locale, Word};
use crate::model::{List, Profile};

/// Industry words found in an employer's name or description, and the description they give.
const INDUSTRIES: &[(&[&str], &str)] = &[
    (
        &[
            "bank",
            "pay",
            "fintech",
            "finance",
            "financial",
            "capital",
            "credit",
            "invest",
            "insur",
            "trading",
            "wallet",
            "ledger",
        ],
        "A fintech company",
    ),
    (
        &[
            "nvidia",
            " ai",
            "ai ",
            "intelligence",
            "machine learning",
            "neural",
            "deepmind",
        ],
        "An AI company",
    ),
    (
        &["analytics", "data", "insight", "metrics"],
        "A data analytics company",
    ),
    (
        &[
            "logistic",
            "shipping",
            "freight",
            "transport",
            "delivery",
            "cargo",
            "mobility",
        ],
        "A logistics company",
    ),
    (
        &[
            "health", "medical", "pharma", "bio", "clinic", "hospital", "care",
        ],
        "A healthcare company",
    ),
    (
        &[
            "university",
            "college",
            "institute",
            "school",
            "academy",
            "research",
        ],
        "A research institution",
    ),
    (&["consult", "advisory", "partners"], "A consultancy"),
    (
        &["retail", "shop", "commerce", "store", "market", "fashion"],
        "A retail company",
    ),
    (
        &[
            "pixel", "design", "studio", "agency", "creative", "media", "games",
        ],
        "A digital studio",
    ),
    (
        &["energy", "power", "solar", "wind", "oil", "gas", "utility"],
        "An energy company",
    ),
    (
        &["telecom", "mobile", "wireless", "network"],
        "A telecommunications company",
    ),
    (
        &[
            "software",
            "tech",
            "systems",
            "labs",
            "cloud",
            "digital",
            "cyber",
            "computing",
            "solutions",
            ".io",
            "app",
        ],
        "A software company",
    ),
];

static EMAIL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(\.[\w-]+)+").ok());
static URL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b(https?://|www\.)\S+").ok());

/// The neutral description of an employer.
pub fn describe_employer(name: &str, context: &str) -> &'static str {
    let hay = format!(" {} {} ", name.to_lowercase(), context.to_lowercase());
    INDUSTRIES
        .iter()
        .find(|(words, _)| words.iter().any(|w| hay.contains(w)))
        .map_or("A company", |(_, d)| d)
}

/// The neutral description of a school.
fn describe_school(name: &str) -> &'static str {
    let n = name.to_lowercase();
    let uni = [
        "univ",
        "college",
        "institut",
        "hochschule",
        "école",
        "ecole",
        "polytech",
        "eth ",
    ];
    if uni.iter().any(|w| n.contains(w)) {
        "A university"
    } else {
        "A school"
    }
}

/// What was replaced by what, so free text (and cover letters) can be scrubbed the same way.
#[derive(Debug, Clone, Default)]
pub struct Scrubber {
    /// Longest first, so "Acme GmbH" goes before "Acme".
    pairs: Vec<(String, String)>,
}

impl Scrubber {
    fn add(&mut self, from: &str, to: &str) {
        let from = from.trim();
        if from.chars().count() >= 3 && !self.pairs.iter().any(|(f, _)| f == from) {
            self.pairs.push((from.to_string(), to.to_string()));
        }
    }

    fn finish(&mut self) {
        self.pairs
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    }

    /// Replaces every known name, then e-mail addresses and links.
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (from, to) in &self.pairs {
            if out.contains(from.as_str()) {
                out = out.replace(from.as_str(), to);
            }
        }
        if let Some(re) = EMAIL.as_ref() {
            out = re.replace_all(&out, "[e-mail]").into_owned();
        }
        if let Some(re) = URL.as_ref() {
            out = re.replace_all(&out, "[link]").into_owned();
        }
        out
    }

    fn opt(&self, s: &mut Option<String>) {
        if let Some(v) = s {
            *v = self.scrub(v);
        }
    }

    fn list(&self, l: &mut List<String>) {
        for v in l.iter_mut() {
            *v = self.scrub(v);
        }
    }
}

/// An anonymised copy of the profile, and the scrubber that made it.
pub fn anonymize(p: &Profile, locale: Locale) -> (Profile, Scrubber) {
    let mut q = p.clone();
    let mut sc = Scrubber::default();
    let candidate = locale.word(Word::Candidate);
    let b = q.basics_mut();
    if let Some(name) = b.name.take() {
        sc.add(&name, candidate);
        for part in name.split_whitespace().filter(|w| w.chars().count() >= 3) {
            sc.add(part, candidate);
        }
    }
    b.name = Some(candidate.to_string());
    for (v, to) in [
        (b.phone.take(), "[phone]"),
        (b.email.take(), "[e-mail]"),
        (b.url.take(), "[link]"),
    ] {
        if let Some(v) = v {
            sc.add(&v, to);
        }
    }
    b.image = None;
    b.profiles = List::new();
    if let Some(loc) = &mut b.location {
        loc.address = None;
        loc.postal_code = None;
        loc.city = None;
    }
    // One description per employer, numbered when two employers share one.
    let mut given: Vec<(String, String)> = Vec::new();
    let mut describe = |name: &str, context: &str, school: bool| -> String {
        if let Some((_, d)) = given.iter().find(|(n, _)| n == name) {
            return d.clone();
        }
        let base = if school {
            describe_school(name)
        } else {
            describe_employer(name, context)
        };
        let n = given.iter().filter(|(_, d)| d.starts_with(base)).count();
        let d = if n == 0 {
            base.to_string()
        } else {
            format!("{base} ({})", n + 1)
        };
        given.push((name.to_string(), d.clone()));
        d
    };
    for w in q.work.iter_mut() {
        if let Some(n) = w.name.take() {
            let ctx = format!(
                "{} {}",
                w.description.as_deref().unwrap_or(""),
                w.summary.as_deref().unwrap_or("")
            );
            let d = describe(&n, &ctx, false);
            sc.add(&n, &d);
            w.name = Some(d);
        }
        w.url = None;
    }
    for v in q.volunteer.iter_mut() {
        if let Some(n) = v.organization.take() {
            let d = describe(&n, v.summary.as_deref().unwrap_or(""), false);
            sc.add(&n, &d);
            v.organization = Some(d);
        }
        v.url = None;
    }
    for e in q.education.iter_mut() {
        if let Some(n) = e.institution.take() {
            let d = describe(&n, "", true);
            sc.add(&n, &d);
            e.institution = Some(d);
        }
        e.url = None;
    }
    for (i, r) in q.references.iter_mut().enumerate() {
        if let Some(n) = r.name.take() {
            let d = format!("Referee {}", i + 1);
            sc.add(&n, &d);
            r.name = Some(d);
        }
    }
    sc.finish();
    scrub_profile(&mut q, &sc);
    q.meta = None;
    q.basics_provenance = None;
    q.extra.clear();
    (q, sc)
}

fn scrub_profile(q: &mut Profile, sc: &Scrubber) {
    if let Some(b) = &mut q.basics {
        sc.opt(&mut b.summary);
        sc.opt(&mut b.label);
    }
    for w in q.work.iter_mut() {
        sc.opt(&mut w.position);
        sc.opt(&mut w.summary);
        sc.opt(&mut w.description);
        sc.list(&mut w.highlights);
    }
    for v in q.volunteer.iter_mut() {
        sc.opt(&mut v.summary);
        sc.list(&mut v.highlights);
    }
    for pr in q.projects.iter_mut() {
        sc.opt(&mut pr.name);
        sc.opt(&mut pr.description);
        sc.opt(&mut pr.entity);
        sc.list(&mut pr.highlights);
        pr.url = None;
    }
    for a in q.awards.iter_mut() {
        sc.opt(&mut a.title);
        sc.opt(&mut a.summary);
    }
    for pb in q.publications.iter_mut() {
        sc.opt(&mut pb.summary);
        pb.url = None;
    }
    for c in q.certificates.iter_mut() {
        c.url = None;
    }
    for r in q.references.iter_mut() {
        sc.opt(&mut r.reference);
    }
    for c in q.custom_sections.iter_mut() {
        sc.list(&mut c.lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Basics, Work};

    fn profile() -> Profile {
        let mut p = Profile {
            basics: Some(Basics {
                name: Some("Jane Doe".into()),
                email: Some("jane@example.com".into()),
                phone: Some("+49 170 1234567".into()),
                summary: Some("Jane Doe built Lumen Pay's ledger; see https://jane.dev".into()),
                ..Basics::default()
            }),
            ..Profile::default()
        };
        for (n, h) in [
            ("Lumen Pay GmbH", "Built the ledger at Lumen Pay GmbH"),
            ("Northwind Logistics", "Routes"),
            ("Lumen Pay GmbH", "Again"),
            ("Stripe Payments", "More"),
        ] {
            let mut w = Work {
                name: Some(n.into()),
                position: Some("Engineer".into()),
                ..Work::default()
            };
            w.highlights.push(h.into());
            p.work.push(w);
        }
        p
    }

    #[test]
    fn names_contacts_and_employers_are_replaced_consistently() {
        let (q, sc) = anonymize(&profile(), Locale::En);
        let b = q.basics.clone().unwrap_or_default();
        assert_eq!(b.name.as_deref(), Some("Candidate"));
        assert!(b.email.is_none() && b.phone.is_none());
        let names: Vec<&str> = q.work.iter().filter_map(|w| w.name.as_deref()).collect();
        assert_eq!(
            names,
            [
                "A fintech company",
                "A logistics company",
                "A fintech company",
                "A fintech company (2)"
            ]
        );
        assert_eq!(
            q.work[0].highlights[0],
            "Built the ledger at A fintech company"
        );
        let summary = b.summary.unwrap_or_default();
        assert!(
            !summary.contains("Jane") && !summary.contains("https"),
            "{summary}"
        );
        assert_eq!(sc.scrub("Write to jane@example.com"), "Write to [e-mail]");
        // Deterministic.
        assert_eq!(anonymize(&profile(), Locale::En).0, q);
    }
}
