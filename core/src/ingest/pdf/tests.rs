use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};

use super::*;
use crate::ingest::Line;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/");

fn load(rel: &str) -> Option<Vec<u8>> {
    match std::fs::read(format!("{DATA}{rel}")) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!("skipping: {DATA}{rel} is absent");
            None
        }
    }
}

fn texts(doc: &TextDoc) -> Vec<&str> {
    doc.lines
        .iter()
        .map(|l| l.text.as_str())
        .filter(|t| !t.is_empty())
        .collect()
}

fn position(lines: &[&str], needle: &str) -> usize {
    lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line contains {needle:?} in {lines:#?}"))
}

/// No icon names, private-use glyphs or stray controls anywhere in the text.
fn assert_clean(rel: &str, doc: &TextDoc) {
    for l in &doc.lines {
        for bad in [
            "GITHUB",
            "LINKEDIN",
            "HOUSE-CHIMNEY",
            "ENVELOPE",
            "MOBILE",
            "\u{FFFD}",
            "\u{AD}",
        ] {
            assert!(!l.text.contains(bad), "{rel}: {bad:?} left in {:?}", l.text);
        }
        assert!(
            !l.text
                .chars()
                .any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c) || c.is_control()),
            "{rel}: {:?}",
            l.text
        );
    }
}

#[test]
fn rendercv_themes_keep_name_and_contacts_intact() {
    for theme in [
        "Classic",
        "Ember",
        "Engineeringclassic",
        "Engineeringresumes",
        "Harvard",
        "Ink",
        "Moderncv",
        "Opal",
        "Sb2nov",
    ] {
        let rel = format!("resumes/rendercv/John_Doe_{theme}Theme_CV.pdf");
        let Some(bytes) = load(&rel) else { return };
        let doc = extract(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let lines = texts(&doc);
        assert!(
            lines
                .iter()
                .any(|l| l.split(" | ").any(|f| f.trim() == "John Doe")),
            "{rel}: no name line in {lines:#?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.split([' ', '|']).any(|w| w == "john.doe@email.com")),
            "{rel}: email glued or missing"
        );
        assert!(
            doc.lines
                .iter()
                .any(|l| l.heading && l.text.eq_ignore_ascii_case("Experience")),
            "{rel}: Experience is not a heading"
        );
        assert!(
            lines.iter().any(|l| l.contains("Princeton University")),
            "{rel}"
        );
        assert!(!doc.signals.columns, "{rel}");
        assert!(doc.signals.pages >= 2, "{rel}");
        assert_clean(&rel, &doc);
    }
}

#[test]
fn awesome_cv_icons_soft_hyphens_and_footer() {
    let rel = "resumes/awesome-cv/resume.pdf";
    let Some(bytes) = load(rel) else { return };
    let doc = extract(&bytes, &Limits::default()).expect("awesome-cv resume");
    let lines = texts(&doc);
    let contact = lines[position(&lines, "posquit0.bj@gmail.com")];
    assert!(contact.contains("(+82) 10-9030-1843"), "{contact}");
    assert!(
        contact
            .split([' ', '|'])
            .any(|w| w == "posquit0.bj@gmail.com"),
        "{contact}"
    );
    assert!(doc.signals.icon_glyphs);
    // The font draws hyphens as U+00AD: they are visible hyphens, not soft ones.
    assert!(
        lines.iter().any(|l| l.contains("high-impact")),
        "hyphen lost"
    );
    assert!(
        lines.iter().any(|l| l.contains("Sep. 2023 - Mar. 2024")),
        "date range dash lost"
    );
    // Words are separated even on tightly justified lines.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Provisioned an easily managable hybrid infrastructure"))
    );
    // The footer repeats on every page: kept once, and flagged.
    assert!(doc.signals.header_footer_text);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("Byungjin Park · Résumé"))
            .count(),
        1
    );
    assert_eq!(doc.signals.pages, 3);
    assert_clean(rel, &doc);
}

#[test]
fn altacv_reads_column_by_column() {
    let rel = "resumes/altacv/sample.pdf";
    let Some(bytes) = load(rel) else { return };
    let doc = extract(&bytes, &Limits::default()).expect("altacv");
    assert!(doc.signals.columns);
    assert!(doc.signals.images, "the sample has a photo");
    let lines = texts(&doc);
    assert_eq!(lines[0], "YOUR NAME HERE");
    // Left column (experience, projects) first, then the right column (philosophy, strengths,
    // languages, education): no line mixes the two.
    let order = [
        "EXPERIENCE",
        "Job Title 1",
        "Job Title 2",
        "PROJECTS",
        "MY LIFE PHILOSOPHY",
        "MOST PROUD OF",
        "STRENGTHS",
        "LANGUAGES",
        "EDUCATION",
        "Ph.D. in Your Discipline",
    ];
    let at: Vec<usize> = order.iter().map(|n| position(&lines, n)).collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "out of order: {at:?} in {lines:#?}"
    );
    let job = lines[at[1]];
    assert_eq!(job, "Job Title 1");
    assert!(
        doc.lines
            .iter()
            .any(|l| l.bullet && l.text == "Job description 1")
    );
    assert!(
        lines.iter().any(|l| l.contains("Hopeful novelist")),
        "line-end hyphen not joined"
    );
    assert_clean(rel, &doc);
}

#[test]
fn other_generators_keep_contact_lines() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "resumes/open-resume/openresume-resume.pdf",
            "John Doe",
            &["hello@openresume.com", "123-456-7890"],
        ),
        ("resumes/open-resume/laverne-resume.pdf", "", &[]),
        (
            "resumes/yamlresume/resume.pdf",
            "Andy Dufresne",
            &["(213) 555-9876", "hi@ppresume.com"],
        ),
        (
            "resumes/pandoc-resume/johnny_coder_sample.pdf",
            "Johnny Coder",
            &[],
        ),
        (
            "fit/resume-matcher-samples/resumes/alfred_pennyworth_pm.pdf",
            "Alfred Pennyworth",
            &["(123) 456-7890", "alfred.pennyworth@email.com"],
        ),
        (
            "fit/resume-matcher-samples/resumes/barry_allen_fe.pdf",
            "Barry Allen",
            &[],
        ),
        (
            "fit/resume-matcher-samples/resumes/bruce_wayne_fullstack.pdf",
            "Bruce Wayne",
            &[],
        ),
        (
            "fit/resume-matcher-samples/resumes/harvey_dent_mle.pdf",
            "Harvey Dent",
            &[],
        ),
        (
            "fit/resume-matcher-samples/resumes/john_doe.pdf",
            "John Doe",
            &[],
        ),
        (
            "fit/resume-matcher-samples/job_descriptions/job_desc_java_developer.pdf",
            "",
            &[],
        ),
    ];
    for (rel, name, contacts) in cases {
        let Some(bytes) = load(rel) else { return };
        let doc = extract(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let lines = texts(&doc);
        assert!(lines.len() > 15, "{rel}: only {} lines", lines.len());
        if !name.is_empty() {
            assert!(
                lines[..6.min(lines.len())]
                    .iter()
                    .any(|l| l.split(" | ").any(|f| f.trim().eq_ignore_ascii_case(name))),
                "{rel}: {name} not a line of its own near the top: {lines:#?}"
            );
        }
        for c in *contacts {
            assert!(
                lines.iter().any(|l| l.contains(c)),
                "{rel}: {c} missing or corrupted in {lines:#?}"
            );
        }
        assert_clean(rel, &doc);
    }
}

#[test]
fn word_resume_bullets_survive() {
    let rel = "resumes/open-resume/laverne-resume.pdf";
    let Some(bytes) = load(rel) else { return };
    let doc = extract(&bytes, &Limits::default()).expect("laverne");
    assert!(
        doc.lines.iter().filter(|l| l.bullet).count() >= 5,
        "Symbol-font bullets lost: {:#?}",
        texts(&doc)
    );
}

/// A one-font PDF whose pages hold the given (x, y, text) strings, for synthetic cases.
fn synthetic(pages: &[Vec<(i64, i64, &str)>]) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for strings in pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
        ];
        for (x, y, s) in strings {
            ops.push(Operation::new(
                "Tm",
                vec![
                    1.into(),
                    0.into(),
                    0.into(),
                    1.into(),
                    (*x).into(),
                    (*y).into(),
                ],
            ));
            ops.push(Operation::new("Tj", vec![Object::string_literal(*s)]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = doc.add_object(Stream::new(
            Dictionary::new(),
            Content { operations: ops }.encode().expect("encode"),
        ));
        kids.push(
            doc.add_object(
                dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content },
            )
            .into(),
        );
    }
    let count = kids.len() as i64;
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()] }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

#[test]
fn synthetic_two_columns_and_table_rows() {
    let mut page = Vec::new();
    page.push((72, 740, "Jane Doe"));
    for i in 0..12 {
        page.push((72, 700 - 14 * i, "left column text here"));
        page.push((340, 703 - 14 * i, "right column text"));
    }
    let doc = extract(&save(&mut synthetic(&[page])), &Limits::default()).expect("two columns");
    assert!(doc.signals.columns);
    let lines = texts(&doc);
    assert_eq!(lines[0], "Jane Doe");
    assert!(
        lines[1..13].iter().all(|l| *l == "left column text here"),
        "{lines:#?}"
    );
    assert!(
        lines[13..].iter().all(|l| *l == "right column text"),
        "{lines:#?}"
    );

    // Same shape but level baselines: a dates column beside entries reads row by row.
    let mut page = Vec::new();
    for i in 0..12 {
        page.push((72, 700 - 14 * i, "2019 - 2021"));
        page.push((200, 700 - 14 * i, "Engineer at a company doing things"));
    }
    let doc = extract(&save(&mut synthetic(&[page])), &Limits::default()).expect("rows");
    assert!(!doc.signals.columns);
    assert!(
        texts(&doc)
            .iter()
            .all(|l| *l == "2019 - 2021 | Engineer at a company doing things"),
        "{:#?}",
        texts(&doc)
    );
    assert!(!doc.signals.tables, "two fields are not a table");

    // Three aligned cells per row over several rows: a table.
    let mut page = vec![(72, 740, "Skills")];
    for i in 0..4 {
        page.push((72, 700 - 14 * i, "Rust"));
        page.push((220, 700 - 14 * i, "5 years"));
        page.push((400, 700 - 14 * i, "Expert"));
    }
    let doc = extract(&save(&mut synthetic(&[page])), &Limits::default()).expect("table");
    assert!(doc.signals.tables);
    let rows: Vec<&Line> = doc.lines.iter().filter(|l| l.table).collect();
    assert_eq!(rows.len(), 4);
    assert!(
        rows.iter().all(|l| l.text == "Rust | 5 years | Expert"),
        "{rows:#?}"
    );
}

#[test]
fn image_only_pages_have_no_text_layer() {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2, "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
        vec![0, 255, 255, 0],
    ));
    let content = Content {
        operations: vec![
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![
                    500.into(),
                    0.into(),
                    0.into(),
                    700.into(),
                    50.into(),
                    50.into(),
                ],
            ),
            Operation::new("Do", vec!["Im1".into()]),
            Operation::new("Q", vec![]),
        ],
    };
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        content.encode().expect("encode"),
    ));
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content, "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image } } });
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()] }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    match extract(&save(&mut doc), &Limits::default()) {
        Err(Error::NoTextLayer { pages: 1 }) => {}
        other => panic!("expected NoTextLayer, got {other:?}"),
    }
}

#[test]
fn truncated_and_garbage_pdfs_are_corrupt() {
    let Some(bytes) = load("resumes/awesome-cv/resume.pdf") else {
        return;
    };
    for cut in [bytes.len() / 2, 2000, 20] {
        match extract(&bytes[..cut], &Limits::default()) {
            Err(Error::Corrupt { .. } | Error::NoTextLayer { .. }) => {}
            other => panic!("cut at {cut}: expected Corrupt, got {other:?}"),
        }
    }
    assert!(matches!(
        extract(b"%PDF-1.7\n garbage", &Limits::default()),
        Err(Error::Corrupt { .. })
    ));
    assert!(matches!(
        extract(b"not a pdf at all", &Limits::default()),
        Err(Error::Corrupt { .. })
    ));
}

#[test]
fn a_pdf_that_makes_pdf_extract_panic_is_corrupt() {
    // A Type0 font with an encoding pdf-extract does not support: it panics inside.
    let mut doc = synthetic(&[vec![(72, 700, "Hello world, this is text")]]);
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Odd", "Encoding" => "UniJIS-UCS2-H", "DescendantFonts" => vec![] });
    let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
    for (_, obj) in doc.objects.iter_mut() {
        if let Ok(d) = obj.as_dict_mut() {
            if d.get(b"Type")
                .and_then(Object::as_name)
                .is_ok_and(|t| t == b"Pages")
            {
                d.set("Resources", resources.clone());
            }
        }
    }
    match extract(&save(&mut doc), &Limits::default()) {
        Err(Error::Corrupt { reason, .. }) => assert!(!reason.is_empty()),
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn ten_thousand_pages_fail_fast() {
    let pages: Vec<Vec<(i64, i64, &str)>> = (0..10_000).map(|_| vec![(72, 700, "page")]).collect();
    let bytes = save(&mut synthetic(&pages));
    let started = std::time::Instant::now();
    match extract(&bytes, &Limits::default()) {
        Err(Error::LimitExceeded {
            limit: "PDF pages",
            actual: 10_000,
            max: 60,
        }) => {}
        other => panic!("expected LimitExceeded, got {other:?}"),
    }
    let took = started.elapsed();
    // Only the page tree's count is read (debug build, shared machine: a generous bound).
    assert!(took.as_millis() < 1500, "took {took:?}");
    // The page limit applies to short documents too.
    let two = save(&mut synthetic(&[
        vec![(72, 700, "one")],
        vec![(72, 700, "two")],
    ]));
    let limits = Limits {
        max_pages: 1,
        ..Limits::default()
    };
    assert!(matches!(
        extract(&two, &limits),
        Err(Error::LimitExceeded {
            limit: "PDF pages",
            ..
        })
    ));
}

#[test]
fn password_protected_pdf_is_encrypted_and_empty_password_opens() {
    use lopdf::{EncryptionState, EncryptionVersion, Permissions};
    for (user, expect_text) in [("secret", false), ("", true)] {
        let mut doc = synthetic(&[vec![
            (72, 700, "Jane Doe"),
            (72, 680, "jane@example.com is my address"),
        ]]);
        doc.trailer.set(
            "ID",
            vec![
                Object::string_literal("0123456789abcdef"),
                Object::string_literal("0123456789abcdef"),
            ],
        );
        let version = EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: user,
            key_length: 128,
            permissions: Permissions::all(),
        };
        let state = EncryptionState::try_from(version).expect("state");
        doc.encrypt(&state).expect("encrypt");
        let result = extract(&save(&mut doc), &Limits::default());
        match (expect_text, result) {
            (false, Err(Error::Encrypted { format: "PDF" })) => {}
            (true, Ok(d)) => assert_eq!(texts(&d)[0], "Jane Doe"),
            (_, other) => panic!("user password {user:?}: got {other:?}"),
        }
    }
}

#[test]
fn text_limit_is_enforced() {
    let Some(bytes) = load("resumes/rendercv/John_Doe_ClassicTheme_CV.pdf") else {
        return;
    };
    let limits = Limits {
        max_text_chars: 100,
        ..Limits::default()
    };
    assert!(matches!(
        extract(&bytes, &limits),
        Err(Error::LimitExceeded {
            limit: "text characters",
            ..
        })
    ));
}

#[test]
fn misaligned_font_styles_are_not_trusted() {
    // Styles that do not match the page (one icon flag for several strings) would drop text
    // if applied: the page is scanned again and read correctly.
    let bytes = save(&mut synthetic(&[vec![
        (72, 700, "Jane Doe"),
        (72, 680, "jane@example.com"),
        (72, 660, "Rust"),
    ]]));
    let prepared = document::open(&bytes, &Limits::default()).expect("open");
    let mut collector = collect::Collector::new(1_000_000);
    let page = page_text(&prepared.doc, &mut collector, 0, vec![fonts::ICON]).expect("page");
    let text: Vec<&str> = page.runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(text, ["Jane Doe", "jane@example.com", "Rust"]);
    assert!(!collector.icons);
}

#[test]
fn scanner_stamp_over_an_image_is_still_a_scan() {
    let mut doc = synthetic(&[vec![(20, 20, "Scanned by CamScanner")]]);
    let image = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1, "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
        vec![128],
    ));
    let page = doc.page_iter().next().expect("page");
    let font_res = doc
        .get_dictionary(page)
        .ok()
        .and_then(|p| p.get(b"Parent").ok())
        .and_then(|p| p.as_reference().ok())
        .expect("parent");
    let res_id = doc
        .get_dictionary(font_res)
        .expect("pages")
        .get(b"Resources")
        .and_then(Object::as_reference)
        .expect("resources");
    doc.get_dictionary_mut(res_id)
        .expect("res")
        .set("XObject", dictionary! { "Im1" => image });
    doc.add_page_contents(page, b"q 500 0 0 700 50 50 cm /Im1 Do Q".to_vec())
        .expect("content");
    match extract(&save(&mut doc), &Limits::default()) {
        Err(Error::NoTextLayer { pages: 1 }) => {}
        other => panic!("expected NoTextLayer, got {other:?}"),
    }
}

#[test]
fn damaged_files_return_errors_not_panics() {
    // Deterministic damage (overwritten bytes, cut tails) to real files: every outcome is a
    // value, and pdf-extract's own panics surface as Corrupt.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for rel in [
        "resumes/rendercv/John_Doe_ClassicTheme_CV.pdf",
        "resumes/open-resume/laverne-resume.pdf",
        "resumes/pandoc-resume/johnny_coder_sample.pdf",
    ] {
        let Some(bytes) = load(rel) else { return };
        for round in 0..40 {
            let mut damaged = bytes.clone();
            for _ in 0..(1 + round % 8) {
                let at = (next() as usize) % damaged.len();
                damaged[at] = next() as u8;
            }
            if round % 5 == 4 {
                damaged.truncate((next() as usize) % damaged.len());
            }
            match extract(&damaged, &Limits::default()) {
                Ok(doc) => assert!(doc.signals.pages >= 1),
                Err(
                    Error::Corrupt { .. }
                    | Error::NoTextLayer { .. }
                    | Error::Encrypted { .. }
                    | Error::LimitExceeded { .. },
                ) => {}
                Err(other) => panic!("{rel} round {round}: unexpected {other:?}"),
            }
        }
    }
}
