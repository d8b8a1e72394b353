//! Layouts the first synthetic set lacked: plain text without heading flags, underlined
//! headings, Markdown sub-headings, Word tables, sidebars, projects under an experience heading.

use super::*;
use crate::ingest::doc::line_from_plain;

fn parse(text: &str) -> (Profile, Vec<Warning>) {
    let lines = text.lines().map(|l| line_from_plain(l, 1)).collect();
    let doc = TextDoc {
        lines,
        ..TextDoc::default()
    };
    parse_doc(&doc, Format::Text)
}

fn unknown(w: &[Warning]) -> Vec<String> {
    w.iter()
        .filter(|w| w.code == "unknown-heading")
        .map(|w| w.message.clone())
        .collect()
}

#[test]
fn title_case_heading_outside_the_vocabulary_starts_a_section() {
    let (p, w) = parse(
        "Ana Pereira\nana@example.com\nSummary\nEngineer who builds payment systems.\nExperience\n\
         Acme Payments (March 2020 – Present)\nBackend Engineer\nBerlin\n- Built the ledger.\n\
         Education\nBSc Computer Science, University of Porto, 2019\nSkills\nRust, Go, SQL\n\
         Patents\nMethod for ordering settlement events, US 11,234,567 (2022)\n",
    );
    assert_eq!(p.custom_sections.len(), 1, "{w:?}");
    assert_eq!(p.custom_sections[0].title.as_deref(), Some("Patents"));
    // "Berlin" after the dates is the job's place, not a section.
    assert_eq!(unknown(&w).len(), 1, "{w:?}");
    let kws: Vec<&str> = p
        .skills
        .iter()
        .flat_map(|g| g.keywords.iter().map(String::as_str))
        .collect();
    assert!(!kws.iter().any(|k| k.contains("Patents")), "{kws:?}");
}

#[test]
fn skill_group_labels_on_their_own_lines_stay_in_skills() {
    let (p, w) = parse(
        "Ana Pereira\nana@example.com\nSummary\nEngineer who builds payment systems.\nExperience\n\
         Acme Payments (March 2020 – Present)\nBackend Engineer\n- Built the ledger.\nSkills\n\
         Cloud\nAWS, Kubernetes, Prometheus\nScripting\nBash, Python\nEducation\n\
         University of Porto, 2015 – 2019\n",
    );
    assert!(unknown(&w).is_empty(), "{w:?}");
    let kws: Vec<&str> = p
        .skills
        .iter()
        .flat_map(|g| g.keywords.iter().map(String::as_str))
        .collect();
    assert!(
        kws.contains(&"Kubernetes") && kws.contains(&"Bash"),
        "{kws:?}"
    );
}

#[test]
fn underlined_headings_in_plain_text() {
    let (p, _) = parse(
        "Søren Åberg\nsoren@example.se\n\nExperience\n----------\n\nFjordline Energy / SRE\n\
         September 2020 - Present\n* Ran the platform.\n\nEducation\n---------\n\n\
         Chalmers University of Technology, 2013 - 2015\nMSc Computer Systems\n",
    );
    assert_eq!(p.name(), Some("Søren Åberg"));
    assert_eq!(p.work.len(), 1);
    assert_eq!(p.work[0].name.as_deref(), Some("Fjordline Energy"));
    assert_eq!(p.work[0].position.as_deref(), Some("SRE"));
    assert_eq!(p.work[0].ongoing, Some(true));
    // The rule under "Experience" is not a bullet on the next line.
    assert!(p.work[0].highlights.len() == 1);
    assert_eq!(
        p.education[0].institution.as_deref(),
        Some("Chalmers University of Technology")
    );
}

#[test]
fn markdown_sub_headings_are_entries_of_their_section() {
    let md = "# Jane Doe\n\nBackend Engineer · Berlin, Germany\njane@example.com\n\n## Experience\n\n\
              ### Engineer, Acme\nBerlin · Mar 2021 – Present\n\n- Built things\n\n## Projects\n\n\
              ### tinyqueue\nA persistent job queue in Rust.\n";
    let (p, w) = parse_doc(&crate::ingest::markdown::extract(md), Format::Markdown);
    assert!(unknown(&w).is_empty(), "{w:?}");
    assert_eq!(p.projects.len(), 1);
    assert_eq!(p.projects[0].name.as_deref(), Some("tinyqueue"));
    let b = p.basics.clone().unwrap_or_default();
    assert_eq!(b.email.as_deref(), Some("jane@example.com"));
    assert_eq!(b.label.as_deref(), Some("Backend Engineer"));
}

#[test]
fn projects_under_an_experience_heading() {
    let (p, _) = parse(
        "Jo Coder\njo@example.com\n\nEXPERIENCE\nAcme Corp | Engineer | 2019 – 2022\n- Did work\n\n\
         TECHNICAL EXPERIENCE\nMy Cool Side Project\nA definition list of named items.\n\n\
         Open Source\nContributions to the Linux kernel.\n",
    );
    assert_eq!(p.work.len(), 1);
    assert_eq!(p.projects.len(), 2);
}

#[test]
fn word_table_rows_with_dates_first() {
    let doc = TextDoc {
        lines: [
            ("Søren Åberg", true, 1.8),
            ("soren@example.se", false, 1.0),
            ("PROFESSIONAL EXPERIENCE", true, 1.0),
            ("Sep 2020 – Current", false, 1.0),
            ("Site Reliability Engineer", true, 1.0),
            ("Fjordline Energy, Göteborg", false, 1.0),
            ("• Ran the platform.", false, 1.0),
            ("Mar 2015 – Aug 2020", false, 1.0),
            ("Systems Administrator", true, 1.0),
            ("Nordvik Telecom, Malmö", false, 1.0),
            ("EDUCATION", true, 1.0),
            ("Aug 2013 – Jan 2015", false, 1.0),
            ("Chalmers University of Technology", true, 1.0),
        ]
        .iter()
        .map(|(t, h, s)| {
            let mut l = line_from_plain(t, 1);
            l.heading = *h;
            l.size = Some(*s);
            l
        })
        .collect(),
        ..TextDoc::default()
    };
    let (p, w) = parse_doc(&doc, Format::Docx);
    assert!(unknown(&w).is_empty(), "{w:?}");
    let jobs: Vec<(Option<&str>, Option<&str>)> = p
        .work
        .iter()
        .map(|j| (j.name.as_deref(), j.position.as_deref()))
        .collect();
    assert_eq!(
        jobs,
        [
            (Some("Fjordline Energy"), Some("Site Reliability Engineer")),
            (Some("Nordvik Telecom"), Some("Systems Administrator"))
        ]
    );
}

#[test]
fn name_in_large_type_after_a_sidebar() {
    let doc = TextDoc {
        lines: [
            ("CONTACT", true, 1.1),
            ("jl@example.fr", false, 1.0),
            ("+33 6 12 34 56 78", false, 1.0),
            ("SKILLS", true, 1.1),
            ("Python", false, 1.0),
            ("SQL", false, 1.0),
            ("Jean-Luc Ferrand", true, 2.2),
            ("Data Scientist", false, 1.0),
            ("Experience", true, 1.25),
            ("Maison Lumière | janvier 2020 – aujourd'hui", false, 1.0),
            ("Lead Data Scientist | Lyon", false, 1.0),
        ]
        .iter()
        .map(|(t, h, s)| {
            let mut l = line_from_plain(t, 1);
            l.heading = *h;
            l.size = Some(*s);
            l
        })
        .collect(),
        ..TextDoc::default()
    };
    let (p, _) = parse_doc(&doc, Format::Pdf);
    assert_eq!(p.name(), Some("Jean-Luc Ferrand"));
    assert_eq!(p.work.len(), 1);
    assert_eq!(p.work[0].ongoing, Some(true));
}

#[test]
fn degree_and_school_in_either_order_and_broken_ranges() {
    let (p, _) = parse(
        "Jean-Luc Ferrand\njl@example.fr\n\nEDUCATION\nDiplôme d'ingénieur, École Centrale de Lyon, 2016\n\
         Classes préparatoires MP, Lycée du Parc, 2013\n\nEXPERIENCE\nBanque Rhône-Alpes | Data Analyst | octobre 2016 –\n\
         décembre 2019\n- Automated reports.\n",
    );
    let schools: Vec<&str> = p
        .education
        .iter()
        .filter_map(|e| e.institution.as_deref())
        .collect();
    assert_eq!(schools, ["École Centrale de Lyon", "Lycée du Parc"]);
    assert_eq!(p.work[0].end_date.as_deref(), Some("2019-12"));
}

#[test]
fn lowercase_month_date_line_is_not_a_wrapped_bullet() {
    let (p, _) = parse(
        "Ana Oliveira\nana@example.com\n\nEXPERIENCIA PROFESIONAL\nenero 2022 – Actualidad\nPitanga Saúde\n\
         Senior Product Designer\n- Redesigned appointment booking; completion rose by a third.\n\
         mayo 2019 – diciembre 2021\nIpê Bank\nProduct Designer\n- Designed onboarding.\n",
    );
    let starts: Vec<Option<&str>> = p.work.iter().map(|w| w.start_date.as_deref()).collect();
    assert_eq!(starts, [Some("2022-01"), Some("2019-05")]);
}
