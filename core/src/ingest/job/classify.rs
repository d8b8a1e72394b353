//! Seniority, employment type and workplace type from titles, labels and wording.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{EmploymentType, Seniority, WorkplaceType};

static SENIORITY_RE: LazyLock<Vec<(Regex, Seniority)>> = LazyLock::new(|| {
    let rules: &[(&str, Seniority)] = &[
        (
            r"(?-u:\b)(chief|cto|ceo|cfo|coo|cio|ciso|cmo|cpo|vp|svp|evp|vice[- ]president|president|head of|head,)(?-u:\b)",
            Seniority::Executive,
        ),
        (
            r"(?-u:\b)(director|directeur|leiter)(?-u:\b)",
            Seniority::Director,
        ),
        (
            r"(?-u:\b)(intern|internship|praktikant|stagiaire|trainee|apprentice|werkstudent|co-?op)(?-u:\b)",
            Seniority::Intern,
        ),
        (
            r"(?-u:\b)(principal|staff|distinguished)(?-u:\b)",
            Seniority::Principal,
        ),
        (r"(?-u:\b)(manager|mgr)(?-u:\b)", Seniority::Manager),
        (
            r"(?-u:\b)(lead|tech lead|team lead|leader)(?-u:\b)",
            Seniority::Lead,
        ),
        (
            r"(?-u:\b)(senior|sr\.?|snr)((?-u:\b)|\s)|(?-u:\b)(iii|iv|level 3|l3|l4)\s*$",
            Seniority::Senior,
        ),
        (
            r"(?-u:\b)(junior|jr\.?|entry[- ]level|graduate|grad|new grad|associate)((?-u:\b)|\s)|(?-u:\b)(i|level 1|l1)\s*$",
            Seniority::Junior,
        ),
        (
            r"(?-u:\b)(mid[- ]level|intermediate|ii|level 2|l2)(?-u:\b)",
            Seniority::Mid,
        ),
    ];
    rules
        .iter()
        .map(|(p, s)| (Regex::new(&format!("(?i){p}")).expect("static regex"), *s))
        .collect()
});

/// Seniority from a title's words; the first rule that matches wins, strongest first.
pub(crate) fn seniority_from_title(title: &str) -> Option<Seniority> {
    // "Product Manager" or "Account Manager" is a role, not a people-manager level, but still
    // reads as the manager track; "Senior Manager" stays Manager.
    SENIORITY_RE
        .iter()
        .find(|(re, _)| re.is_match(title))
        .map(|(_, s)| *s)
}

/// Seniority implied by the years asked for, when the title says nothing.
pub(crate) fn seniority_from_years(min: f32) -> Seniority {
    if min < 2.0 {
        Seniority::Junior
    } else if min < 5.0 {
        Seniority::Mid
    } else {
        Seniority::Senior
    }
}

static EMPLOYMENT_RE: LazyLock<Vec<(Regex, EmploymentType)>> = LazyLock::new(|| {
    let rules: &[(&str, EmploymentType)] = &[
        (
            r"(?-u:\b)(intern(ship)?|praktikum|stage|werkstudent)(?-u:\b)",
            EmploymentType::Internship,
        ),
        (
            r"(?-u:\b)part[- ]?time(?-u:\b)|(?-u:\b)teilzeit(?-u:\b)|(?-u:\b)temps partiel(?-u:\b)",
            EmploymentType::PartTime,
        ),
        (
            r"(?-u:\b)(contract(or)?[- ]to[- ]hire|contract (role|position|basis|job|assignment|work)|contractor|freelance|freelancer|independent contractor|1099|b2b contract|fixed[- ]term contract|contract)(?-u:\b)",
            EmploymentType::Contract,
        ),
        (
            r"(?-u:\b)(temporary|temp|seasonal|fixed[- ]term)(?-u:\b)",
            EmploymentType::Temporary,
        ),
        (r"(?-u:\b)per[- ]diem(?-u:\b)", EmploymentType::PerDiem),
        (
            r"(?-u:\b)volunteer(ing)?(?-u:\b)",
            EmploymentType::Volunteer,
        ),
        (
            r"(?-u:\b)(full[- ]?time|permanent|vollzeit|temps plein|cdi|festanstellung)(?-u:\b)",
            EmploymentType::FullTime,
        ),
    ];
    rules
        .iter()
        .map(|(p, s)| (Regex::new(&format!("(?i){p}")).expect("static regex"), *s))
        .collect()
});

/// Employment type from a short value (`Full-time`, `Contract`, Lever's `commitment`).
pub(crate) fn employment_from_value(v: &str) -> Option<EmploymentType> {
    EMPLOYMENT_RE
        .iter()
        .find(|(re, _)| re.is_match(v))
        .map(|(_, t)| *t)
}

/// Phrasing that states the contract, one group per type; the earliest mention wins.
static EMPLOYMENT_TEXT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?P<intern>(?-u:\b)(?:this|a|an|the|paid|summer|fall|spring|winter)\s+(?:\w+\s+)?internship(?-u:\b))",
        r"|(?P<part>(?-u:\b)(?:this is a |a |the )?part[- ]time (?:role|position|job|opportunity|contract)(?-u:\b)|(?-u:\b)position is part[- ]time(?-u:\b))",
        r"|(?P<contract>(?-u:\b)contract[- ]to[- ]hire(?-u:\b)|(?-u:\b)(?:this is a|a|the|long[- ]term|short[- ]term|\d+[- ]month|w2|1099|b2b|freelance) contract(?:or)?(?-u:\b)|(?-u:\b)contract (?:role|position|basis|assignment)(?-u:\b)|(?-u:\b)freelance (?:role|position|basis)(?-u:\b))",
        r"|(?P<temp>(?-u:\b)(?:temporary|seasonal) (?:role|position|job|assignment|contract)(?-u:\b))",
        r"|(?P<diem>(?-u:\b)per[- ]diem (?:role|position|basis)(?-u:\b))",
        r"|(?P<full>(?-u:\b)full[- ]time(?-u:\b))",
    ))
    .expect("static regex")
});

/// Employment type from running text: only phrasing that states the contract counts, and the
/// first such mention wins.
pub(crate) fn employment_from_text(text: &str) -> Option<EmploymentType> {
    let c = EMPLOYMENT_TEXT_RE.captures(text)?;
    let types = [
        ("intern", EmploymentType::Internship),
        ("part", EmploymentType::PartTime),
        ("contract", EmploymentType::Contract),
        ("temp", EmploymentType::Temporary),
        ("diem", EmploymentType::PerDiem),
        ("full", EmploymentType::FullTime),
    ];
    types
        .iter()
        .find(|(g, _)| c.name(g).is_some())
        .map(|(_, t)| *t)
}

static HYBRID_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)hybrid(?-u:\b)(?:\s+(?:role|position|work|working|model|schedule|setup|arrangement|environment|remote|\())?").expect("static regex")
});
static HYBRID_NOT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)hybrid\s+(cloud|apps?|application|mobile|vehicle|car|environment|infrastructure|architecture|model(l)?ing|solution)").expect("static regex")
});
static REMOTE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)(?-u:\b)(fully|100%|completely|full|entirely|permanently) remote(?-u:\b)|(?-u:\b)remote[- ](first|only|friendly|position|role|job|opportunity|work|working|eligible|option|based)(?-u:\b)|(?-u:\b)(work|working) (from home|remotely|remote)(?-u:\b)|(?-u:\b)work from anywhere(?-u:\b)|(?-u:\b)this (is a|role is|position is) remote(?-u:\b)|(?-u:\b)(is|be) remote(?-u:\b)|(?-u:\b)remote,|\(remote\)|^\s*remote\s*$|(?-u:\b)telecommute|(?-u:\b)home[- ]based(?-u:\b)")
        .expect("static regex")
});
static ONSITE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)(?-u:\b)(on[- ]?site|in[- ]office|in the office|office[- ]based|in[- ]person)\s*(role|position|job|only|work|\)|$)|\(on[- ]?site\)|^\s*on[- ]?site(?-u:\b)|(?-u:\b)not (a )?remote(?-u:\b)|(?-u:\b)no remote(?-u:\b)").expect("static regex")
});

/// Workplace type from a location or label value (`Remote`, `Berlin (Hybrid)`, `Onsite`).
pub(crate) fn workplace_from_value(v: &str) -> Option<WorkplaceType> {
    let l = v.to_lowercase();
    if l.contains("hybrid") {
        Some(WorkplaceType::Hybrid)
    } else if l.contains("remote")
        || l.contains("telecommute")
        || l.contains("anywhere")
        || l.contains("work from home")
        || l.contains("virtual")
    {
        Some(WorkplaceType::Remote)
    } else if l.contains("on-site")
        || l.contains("onsite")
        || l.contains("on site")
        || l.contains("in office")
        || l.contains("in-office")
        || l.contains("office")
    {
        Some(WorkplaceType::OnSite)
    } else {
        None
    }
}

/// Workplace type from running text, hybrid first (hybrid posts also say "remote").
pub(crate) fn workplace_from_text(text: &str) -> Option<WorkplaceType> {
    let hybrid = HYBRID_RE
        .find_iter(text)
        .any(|m| !HYBRID_NOT_RE.is_match(&text[m.start()..]));
    if hybrid {
        Some(WorkplaceType::Hybrid)
    } else if REMOTE_RE.is_match(text) {
        Some(WorkplaceType::Remote)
    } else if ONSITE_RE.is_match(text) {
        Some(WorkplaceType::OnSite)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seniority_from_titles() {
        let s = |t| seniority_from_title(t);
        assert_eq!(s("Software Engineering Intern"), Some(Seniority::Intern));
        assert_eq!(s("Junior Developer"), Some(Seniority::Junior));
        assert_eq!(s("Sr Data Scientist"), Some(Seniority::Senior));
        assert_eq!(s("Senior Rust Engineer"), Some(Seniority::Senior));
        assert_eq!(s("Staff DevOps Engineer"), Some(Seniority::Principal));
        assert_eq!(s("Principal Engineer"), Some(Seniority::Principal));
        assert_eq!(s("Tech Lead, Payments"), Some(Seniority::Lead));
        assert_eq!(
            s("Engineering Manager Workload Management"),
            Some(Seniority::Manager)
        );
        assert_eq!(s("Director of Data Science"), Some(Seniority::Director));
        assert_eq!(s("VP Corporate Marketing"), Some(Seniority::Executive));
        assert_eq!(
            s("Head of European and UK Policy"),
            Some(Seniority::Executive)
        );
        assert_eq!(s("Chief Technology Officer"), Some(Seniority::Executive));
        assert_eq!(s("Electrical Engineer I"), Some(Seniority::Junior));
        assert_eq!(s("Software Engineer II"), Some(Seniority::Mid));
        assert_eq!(s("Data Scientist"), None);
        assert_eq!(seniority_from_years(6.0), Seniority::Senior);
    }

    #[test]
    fn employment_and_workplace() {
        assert_eq!(
            employment_from_value("Full-time"),
            Some(EmploymentType::FullTime)
        );
        assert_eq!(
            employment_from_value("Part Time"),
            Some(EmploymentType::PartTime)
        );
        assert_eq!(
            employment_from_value("Contract"),
            Some(EmploymentType::Contract)
        );
        assert_eq!(
            employment_from_value("Intern"),
            Some(EmploymentType::Internship)
        );
        assert_eq!(
            employment_from_text("This is a full-time position."),
            Some(EmploymentType::FullTime)
        );
        assert_eq!(
            employment_from_text("Manage contract renewals with vendors"),
            None
        );
        assert_eq!(
            employment_from_text("This is a 6-month contract role"),
            Some(EmploymentType::Contract)
        );
        assert_eq!(
            workplace_from_value("Berlin, Germany (Hybrid)"),
            Some(WorkplaceType::Hybrid)
        );
        assert_eq!(
            workplace_from_value("Remote, USA"),
            Some(WorkplaceType::Remote)
        );
        assert_eq!(
            workplace_from_value("Onsite (Pine Bluff)"),
            Some(WorkplaceType::OnSite)
        );
        assert_eq!(workplace_from_text("We run a hybrid cloud on AWS."), None);
        assert_eq!(
            workplace_from_text("This role is fully remote within the EU."),
            Some(WorkplaceType::Remote)
        );
        assert_eq!(
            workplace_from_text("Hybrid: 3 days a week in our Berlin office"),
            Some(WorkplaceType::Hybrid)
        );
        assert_eq!(workplace_from_text("You will work with remote teams"), None);
    }
}
