//! Section completeness, contact completeness and parsability signals.

use crate::ingest::LayoutSignals;
use crate::model::Profile;

use super::Suggestion;

/// Share of the core sections present (summary, experience, education, skills), with a
/// suggestion for each missing one.
pub fn sections(p: &Profile, out: &mut Vec<Suggestion>) -> f64 {
    let summary = p.basics.as_ref().is_some_and(|b| {
        b.summary.as_deref().is_some_and(|s| !s.trim().is_empty()) || b.label.is_some()
    });
    let checks = [
        (
            summary,
            "basics.summary",
            "Add a two- or three-line summary that names your role and strongest, evidenced skills.",
        ),
        (
            !p.work.is_empty(),
            "work",
            "Add your work experience: ATS ranking leans on titles, employers and dates.",
        ),
        (
            !p.education.is_empty(),
            "education",
            "Add an education section; many postings filter on degrees.",
        ),
        (
            !p.skills.is_empty(),
            "skills",
            "Add a skills section listing the tools you used in the roles above.",
        ),
    ];
    let mut have = 0;
    for (ok, path, msg) in checks {
        if ok {
            have += 1;
        } else {
            out.push(Suggestion::new("add-section", Some(path), msg, 2.0));
        }
    }
    f64::from(have) / checks.len() as f64
}

/// Weighted share of contact details: name and email matter most.
pub fn contact(p: &Profile, out: &mut Vec<Suggestion>) -> f64 {
    let b = p.basics.clone().unwrap_or_default();
    let linkedin = b.profiles.iter().any(|s| {
        s.network
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case("linkedin"))
            || s.url.as_deref().is_some_and(|u| u.contains("linkedin.com"))
    }) || b.url.as_deref().is_some_and(|u| u.contains("linkedin.com"));
    let location = b.location.as_ref().is_some_and(|l| {
        l.city.is_some() || l.address.is_some() || l.region.is_some() || l.country_code.is_some()
    });
    let checks = [
        (
            b.name.is_some(),
            3.0,
            "basics.name",
            "Put your full name on the first line.",
        ),
        (
            b.email.is_some(),
            3.0,
            "basics.email",
            "Add an email address; recruiters cannot reach you without one.",
        ),
        (
            b.phone.is_some(),
            2.0,
            "basics.phone",
            "Add a phone number in international format.",
        ),
        (
            location,
            1.0,
            "basics.location",
            "Add your city and country; many searches filter by location.",
        ),
        (
            linkedin,
            1.0,
            "basics.profiles",
            "Add your LinkedIn profile URL.",
        ),
    ];
    let total: f64 = checks.iter().map(|c| c.1).sum();
    let mut got = 0.0;
    for (ok, w, path, msg) in checks {
        if ok {
            got += w;
        } else {
            out.push(Suggestion::new("add-contact", Some(path), msg, w / 2.0));
        }
    }
    got / total
}

/// 1 minus penalties for what trips real ATS parsers: columns, tables, text in headers and
/// footers, icon glyphs, images, unknown headings, inconsistent dates, excess length.
pub fn parsability(p: &Profile, layout: Option<&LayoutSignals>, out: &mut Vec<Suggestion>) -> f64 {
    let mut score: f64 = 1.0;
    let mut penalty = |cond: bool, amount: f64, kind: &str, path: Option<&str>, msg: &str| {
        if cond {
            score -= amount;
            out.push(Suggestion::new(kind, path, msg, amount * 5.0));
        }
    };
    if let Some(l) = layout {
        penalty(
            l.columns,
            0.3,
            "layout-columns",
            None,
            "Use a single column: many ATS read multi-column layouts line by line across the columns.",
        );
        penalty(
            l.tables,
            0.15,
            "layout-tables",
            None,
            "Move content out of tables; ATS often skip or scramble table cells.",
        );
        penalty(
            l.header_footer_text,
            0.15,
            "layout-header",
            None,
            "Move contact details out of the page header/footer; many ATS drop them.",
        );
        penalty(
            l.icon_glyphs,
            0.05,
            "layout-icons",
            None,
            "Replace icons with words (\"Email:\", \"Phone:\"); icon fonts come out as garbage.",
        );
        penalty(
            l.pages > 2 && p.work.len() < 6,
            0.1,
            "length",
            None,
            "Keep the resume to one or two pages.",
        );
    }
    penalty(
        !p.custom_sections.is_empty(),
        0.1,
        "unknown-heading",
        Some("x-sections"),
        "Use standard section headings (Experience, Education, Skills) so ATS file your content correctly.",
    );
    let bad_dates = p.work.iter().enumerate().find(|(_, w)| {
        w.start().is_none() || matches!((w.start(), w.end()), (Some(s), Some(e)) if e < s)
    });
    if let Some((i, _)) = bad_dates {
        let path = format!("work[{i}].startDate");
        penalty(
            true,
            0.1,
            "dates",
            Some(&path),
            "Give every job a start and end date (month and year) in one consistent format.",
        );
    }
    score.max(0.0)
}
