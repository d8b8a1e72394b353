//! Synthetic resumes in several arrangements and languages.

use super::*;
use crate::ingest::doc::line_from_plain;

fn doc(text: &str) -> TextDoc {
    let mut page = 1;
    let mut lines = Vec::new();
    for raw in text.lines() {
        if raw == "\u{c}" {
            page += 1;
            continue;
        }
        lines.push(line_from_plain(raw, page));
    }
    TextDoc {
        lines,
        ..TextDoc::default()
    }
}

fn parse(text: &str) -> (Profile, Vec<Warning>) {
    parse_doc(&doc(text), Format::Text)
}

fn hinted(lines: &[(&str, bool, f32)]) -> TextDoc {
    let lines = lines
        .iter()
        .map(|(t, h, s)| {
            let mut l = line_from_plain(t, 1);
            l.heading = *h;
            l.size = Some(*s);
            l
        })
        .collect();
    TextDoc {
        lines,
        ..TextDoc::default()
    }
}

#[test]
fn word_style_bold_entry_titles_are_not_sections() {
    let d = hinted(&[
        ("Johnny Coder", true, 1.33),
        ("Education", true, 1.17),
        ("2010-2014", false, 1.0),
        (
            "PhD, Computer Science; Awesome University (MyTown)",
            false,
            1.0,
        ),
        ("Experience", true, 1.17),
        ("Your Most Recent Work Experience:", true, 1.0),
        (
            "Short text containing the type of work done, results obtained, lessons learned and other remarks.",
            false,
            1.0,
        ),
        ("- First item", false, 1.0),
        ("That Other Job You Had", true, 1.0),
        ("Also with a short description.", false, 1.0),
        ("Extra Section", true, 1.17),
        ("- Random tidbit", false, 1.0),
    ]);
    let (p, _) = parse_doc(&d, Format::Docx);
    let names: Vec<Option<&str>> = p.work.iter().map(|w| w.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("Your Most Recent Work Experience"),
            Some("That Other Job You Had")
        ]
    );
    let kept: Vec<_> = p
        .custom_sections
        .iter()
        .map(|c| (c.title.as_deref(), c.lines.to_vec()))
        .collect();
    // The education model has no place for "(MyTown)": the line is kept under its heading.
    assert_eq!(
        kept,
        [
            (Some("Extra Section"), vec!["- Random tidbit".to_string()]),
            (
                Some("Education"),
                vec!["PhD, Computer Science; Awesome University (MyTown)".to_string()]
            )
        ]
    );
    assert_eq!(
        p.education[0].institution.as_deref(),
        Some("Awesome University")
    );
}

fn work_rows(p: &Profile) -> Vec<(String, String, String, String, bool)> {
    p.work
        .iter()
        .map(|w| {
            let s = |o: &Option<String>| o.clone().unwrap_or_default();
            (
                s(&w.name),
                s(&w.position),
                s(&w.start_date),
                s(&w.end_date),
                w.ongoing == Some(true),
            )
        })
        .collect()
}

fn row(a: &str, b: &str, c: &str, d: &str, e: bool) -> (String, String, String, String, bool) {
    (a.into(), b.into(), c.into(), d.into(), e)
}

#[test]
fn plain_text_title_first_on_one_line() {
    let (p, w) = parse(
        "Ada Lovelace\nada@example.com | +44 20 7946 0958 | London, UK\nlinkedin.com/in/ada-lovelace | github.com/ada\n\n\
         EXPERIENCE\nSenior Engineer at Analytical Engines Ltd | Jan 2019 - Present\n- Built a Rust service handling 10k requests per second\n\
         - Cut costs by 30%\nEngineer, Babbage & Co. | 2015 - 2018\n- Wrote the first program\n\n\
         EDUCATION\nUniversity of London, BSc in Mathematics, 2011 - 2014, GPA: 3.9/4.0\n\n\
         SKILLS\nLanguages: Rust, Go, Python\nCloud: AWS, Kubernetes\n",
    );
    let b = p.basics.clone().unwrap_or_default();
    assert_eq!(b.name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(b.email.as_deref(), Some("ada@example.com"));
    assert_eq!(b.phone.as_deref(), Some("+44 20 7946 0958"));
    assert_eq!(b.location.and_then(|l| l.city).as_deref(), Some("London"));
    let nets: Vec<_> = b
        .profiles
        .iter()
        .map(|p| {
            (
                p.network.clone().unwrap_or_default(),
                p.username.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        nets,
        [
            ("LinkedIn".to_string(), "ada-lovelace".to_string()),
            ("GitHub".to_string(), "ada".to_string())
        ]
    );
    assert_eq!(
        work_rows(&p),
        [
            row(
                "Analytical Engines Ltd",
                "Senior Engineer",
                "2019-01",
                "",
                true
            ),
            row("Babbage & Co.", "Engineer", "2015", "2018", false)
        ]
    );
    assert_eq!(p.work[0].highlights.len(), 2);
    let e = &p.education[0];
    assert_eq!(
        (
            e.institution.as_deref(),
            e.study_type.as_deref(),
            e.area.as_deref(),
            e.score.as_deref()
        ),
        (
            Some("University of London"),
            Some("BSc"),
            Some("Mathematics"),
            Some("3.9/4.0")
        )
    );
    assert_eq!(p.skills[0].name.as_deref(), Some("Languages"));
    assert_eq!(p.skills[0].keywords.to_vec(), ["Rust", "Go", "Python"]);
    assert!(
        w.iter()
            .all(|w| w.code != "no-name" && w.code != "no-email")
    );
    let prov = p.work[0].provenance.clone().unwrap_or_default();
    assert_eq!((prov.source.as_str(), prov.lines), ("text", Some((6, 8))));
}

#[test]
fn company_first_two_lines_dates_below() {
    let (p, _) = parse(
        "John Smith\n(555) 123-4567\njohn@smith.dev\n\nWork History\nGlobex Corporation\nData Analyst\nMarch 2020 – June 2022\n\
         • Built dashboards\nInitech Inc.\nJunior Developer\n06/2017 - 02/2020\n• Fixed printers\n",
    );
    assert_eq!(
        p.basics.as_ref().and_then(|b| b.phone.as_deref()),
        Some("(555) 123-4567")
    );
    assert_eq!(
        work_rows(&p),
        [
            row(
                "Globex Corporation",
                "Data Analyst",
                "2020-03",
                "2022-06",
                false
            ),
            row(
                "Initech Inc.",
                "Junior Developer",
                "2017-06",
                "2020-02",
                false
            )
        ]
    );
}

#[test]
fn dates_left_and_pipes() {
    let (p, _) = parse(
        "Mary Major\nmary@example.org\n555.123.4567\n\nProfessional Experience\n2021 - Present | Staff Engineer | Contoso | Seattle, WA\n\
         - Led the platform team\n2018 - 2021 | Software Developer | Fabrikam | Remote\n- Shipped things\n",
    );
    assert_eq!(
        p.basics.as_ref().and_then(|b| b.phone.as_deref()),
        Some("555.123.4567")
    );
    assert_eq!(
        work_rows(&p),
        [
            row("Contoso", "Staff Engineer", "2021", "", true),
            row("Fabrikam", "Software Developer", "2018", "2021", false)
        ]
    );
    assert_eq!(p.work[0].location.as_deref(), Some("Seattle, WA"));
}

#[test]
fn german_resume() {
    let (p, _) = parse(
        "Max Mustermann\nmax.mustermann@example.de\nTel.: +49 170 1234567\nBerlin, Deutschland\n\n\
         BERUFSERFAHRUNG\nSoftwareentwickler, Beispiel GmbH, München\n03/2019 – heute\n- Entwicklung von Microservices in Go\n\
         Werkstudent, Muster AG\n10/2016 – 02/2019\n- Tests geschrieben\n\n\
         AUSBILDUNG\nTechnische Universität Berlin\nMaster in Informatik\n2014 – 2016\n\n\
         KENNTNISSE\nProgrammiersprachen: Go, Java, Python\n\nSPRACHEN\nDeutsch (Muttersprache), Englisch (C1)\n",
    );
    let b = p.basics.clone().unwrap_or_default();
    assert_eq!(b.phone.as_deref(), Some("+49 170 1234567"));
    assert_eq!(
        work_rows(&p),
        [
            row("Beispiel GmbH", "Softwareentwickler", "2019-03", "", true),
            row("Muster AG", "Werkstudent", "2016-10", "2019-02", false)
        ]
    );
    assert_eq!(p.work[0].location.as_deref(), Some("München"));
    assert_eq!(
        p.education[0].institution.as_deref(),
        Some("Technische Universität Berlin")
    );
    assert_eq!(p.education[0].study_type.as_deref(), Some("Master"));
    assert_eq!(p.skills[0].keywords.len(), 3);
    let langs: Vec<_> = p
        .languages
        .iter()
        .map(|l| {
            (
                l.language.clone().unwrap_or_default(),
                l.fluency.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        langs,
        [
            ("Deutsch".to_string(), "Muttersprache".to_string()),
            ("Englisch".to_string(), "C1".to_string())
        ]
    );
}

#[test]
fn french_resume() {
    let (p, _) = parse(
        "Marie Curie\nmarie.curie@exemple.fr\n+33 6 12 34 56 78\n\nExpérience professionnelle\n\
         Ingénieure logiciel — Société Générale\nSept. 2019 à aujourd'hui\n• Conception d'API\n\
         Stagiaire développeuse — Thales\njanv. 2018 - juin 2018\n• Tests automatisés\n\n\
         Formation\nMaster Informatique, Université Paris-Saclay, 2016 - 2018\n\nCompétences\nPython, Rust, SQL\n\n\
         Centres d'intérêt\nEscalade, photographie\n",
    );
    assert_eq!(
        p.basics.as_ref().and_then(|b| b.phone.as_deref()),
        Some("+33 6 12 34 56 78")
    );
    assert_eq!(
        work_rows(&p),
        [
            row(
                "Société Générale",
                "Ingénieure logiciel",
                "2019-09",
                "",
                true
            ),
            row(
                "Thales",
                "Stagiaire développeuse",
                "2018-01",
                "2018-06",
                false
            )
        ]
    );
    assert_eq!(
        p.education[0].institution.as_deref(),
        Some("Université Paris-Saclay")
    );
    assert_eq!(p.skills[0].keywords.to_vec(), ["Python", "Rust", "SQL"]);
    assert_eq!(p.interests.len(), 2);
}

#[test]
fn spanish_resume() {
    let (p, _) = parse(
        "Lucía Fernández\nlucia@ejemplo.es\n\nPerfil\nDesarrolladora con 6 años de experiencia en backend.\n\n\
         Experiencia laboral\nDesarrolladora Senior | Telefónica | Madrid, España | enero de 2020 - actualidad\n- Migración a Kubernetes\n\n\
         Educación\nUniversidad Politécnica de Madrid\nGrado en Ingeniería Informática\n2012 - 2016\n\nIdiomas\nEspañol: nativo\nInglés: avanzado\n",
    );
    let b = p.basics.clone().unwrap_or_default();
    assert_eq!(b.name.as_deref(), Some("Lucía Fernández"));
    assert!(
        b.summary
            .unwrap_or_default()
            .starts_with("Desarrolladora con 6")
    );
    assert_eq!(
        work_rows(&p),
        [row(
            "Telefónica",
            "Desarrolladora Senior",
            "2020-01",
            "",
            true
        )]
    );
    assert_eq!(p.work[0].location.as_deref(), Some("Madrid, España"));
    assert_eq!(p.education[0].study_type.as_deref(), Some("Grado"));
    assert_eq!(p.languages.len(), 2);
}

#[test]
fn unknown_headings_are_kept_and_undated_entries_warned() {
    let (p, w) = parse(
        "Sam Doe\nsam@example.com\n\nEXPERIENCE\nFreelance Consultant\n- Advised startups\n\nSPEAKING\nRustConf 2023: Parsing resumes\n",
    );
    assert_eq!(p.custom_sections.len(), 1);
    assert_eq!(p.custom_sections[0].title.as_deref(), Some("SPEAKING"));
    assert_eq!(
        p.custom_sections[0].lines.to_vec(),
        ["RustConf 2023: Parsing resumes"]
    );
    assert!(w.iter().any(|w| w.code == "unknown-heading"));
    assert!(w.iter().any(|w| w.code == "undated-entry"));
}

#[test]
fn missing_name_and_email_are_warnings() {
    let (p, w) = parse("EXPERIENCE\nEngineer, Acme  2019 - 2020\n");
    assert_eq!(p.work.len(), 1);
    let codes: Vec<&str> = w.iter().map(|w| w.code.as_str()).collect();
    assert!(codes.contains(&"no-name") && codes.contains(&"no-email"));
}

#[test]
fn markdown_resume() {
    let md = "# Jane Roe\n\njane@roe.dev · [GitHub](https://github.com/janeroe)\n\n## Experience\n\n### **Backend Engineer** — *Acme Corp*\n\
              2020-01 – Present\n\n- Built *fast* APIs\n\n## Skills\n\n- Rust\n- Go\n";
    let (p, _) = parse_doc(&crate::ingest::markdown::extract(md), Format::Markdown);
    assert_eq!(p.name(), Some("Jane Roe"));
    assert_eq!(
        work_rows(&p),
        [row("Acme Corp", "Backend Engineer", "2020-01", "", true)]
    );
    assert_eq!(p.work[0].highlights.to_vec(), ["Built fast APIs"]);
    assert_eq!(p.skills[0].keywords.to_vec(), ["Rust", "Go"]);
    let gh = p
        .basics
        .as_ref()
        .and_then(|b| b.profiles.first())
        .and_then(|p| p.username.clone());
    assert_eq!(gh.as_deref(), Some("janeroe"));
}

#[test]
fn plain_text_export_with_dashes_and_inline_headings() {
    let (p, _) = parse(
        "PAT SMITH\npat.smith@mail.com\n\nEXPERIENCE\n\nGlobex — Senior Developer — Jan 2020 – Mar 2022\n\
         - Rebuilt billing\n\nHooli                          2017 - 2019\nProduct Engineer\n- Search\n\n\
         SKILLS: Python, SQL, Terraform\n",
    );
    assert_eq!(p.name(), Some("Pat Smith"));
    assert_eq!(
        work_rows(&p),
        [
            row("Globex", "Senior Developer", "2020-01", "2022-03", false),
            row("Hooli", "Product Engineer", "2017", "2019", false)
        ]
    );
    assert_eq!(
        p.skills[0].keywords.to_vec(),
        ["Python", "SQL", "Terraform"]
    );
}
