//! Tests read fixtures and build packages; unwrapping there is the assertion.
#![allow(clippy::unwrap_used)]

use std::io::Write;

use super::*;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

/// Builds a DOCX package from (name, content) parts.
pub(crate) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, body) in parts {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    )
}

fn texts(doc: &TextDoc) -> Vec<&str> {
    doc.lines.iter().map(|l| l.text.as_str()).collect()
}

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Section"><w:name w:val="My Section"/><w:basedOn w:val="berschrift1"/></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="none"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

fn para(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn structure_headings_lists_tables_text_boxes() {
    let body = [
        para("berschrift1", "Experience"),
        para("Section", "Skills"),
        para("Loop", "Looping style is plain"),
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Built a </w:t></w:r><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>Rust</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> service</w:t></w:r></w:p>"#.into(),
        para("ListBullet", "Styled list item"),
        r#"<w:p><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Unlabelled list</w:t></w:r></w:p>"#.into(),
        r#"<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Numbering removed</w:t></w:r></w:p>"#.into(),
        "<w:p/><w:p></w:p>".into(),
        r#"<w:p><w:r><w:t>Soft&#173;ware&#160;engineer</w:t><w:tab/><w:t>2019</w:t><w:softHyphen/><w:noBreakHyphen/><w:t>2021</w:t></w:r></w:p>"#.into(),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Rust</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5 years</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
           <w:tr><w:tc><w:p><w:r><w:t>2019 - 2021</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Engineer, Acme</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Shipped it</w:t></w:r></w:p>
              <w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"#.into(),
        r#"<w:p><w:r><w:t>Before box</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed text</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed text</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#.into(),
        r#"<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>In a content control</w:t></w:r><w:r><w:br/><w:t>after a break</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0B7"/></w:r></w:p></w:sdtContent></w:sdt>"#.into(),
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold Heading</w:t></w:r></w:p><w:p><w:r><w:rPr><w:sz w:val="36"/></w:rPr><w:t>Big line</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold 2020</w:t></w:r></w:p>"#.into(),
        r#"<w:p><w:r><w:t>old</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r></w:p>"#.into(),
    ]
    .concat();
    let bytes = package(&[
        ("word/document.xml", &document(&body)),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
        (
            "word/header1.xml",
            &format!(
                r#"<w:hdr {W}><w:p><w:r><w:t>Jane Doe · jane@example.com</w:t></w:r></w:p></w:hdr>"#
            ),
        ),
        (
            "word/header2.xml",
            &format!(
                r#"<w:hdr {W}><w:p><w:r><w:t>Jane Doe · jane@example.com</w:t></w:r></w:p></w:hdr>"#
            ),
        ),
        (
            "word/footer1.xml",
            &format!(r#"<w:ftr {W}><w:p><w:r><w:t>Page footer</w:t></w:r></w:p></w:ftr>"#),
        ),
        (
            "docProps/app.xml",
            "<Properties><Pages>2</Pages></Properties>",
        ),
    ]);
    let doc = extract(&bytes, &Limits::default()).unwrap();
    assert_eq!(
        texts(&doc),
        [
            "Jane Doe · jane@example.com",
            "Experience",
            "Skills",
            "Looping style is plain",
            "Built a Rust service",
            "Styled list item",
            "Unlabelled list",
            "Numbering removed",
            "",
            "Software engineer 2019-2021",
            "Rust | 5 years",
            "2019 - 2021",
            "Engineer, Acme",
            "Shipped it",
            "a | b",
            "Boxed text",
            "Before box",
            "In a content control",
            "after a break",
            "Bold Heading",
            "Big line",
            "Bold 2020",
            "old",
            "Page footer",
        ]
    );
    let flags: Vec<(bool, bool, bool)> = doc
        .lines
        .iter()
        .map(|l| (l.heading, l.bullet, l.table))
        .collect();
    let line = |t: &str| doc.lines.iter().position(|l| l.text == t).unwrap();
    assert_eq!(flags[line("Experience")], (true, false, false));
    assert_eq!(
        flags[line("Skills")],
        (true, false, false),
        "heading through basedOn"
    );
    assert_eq!(flags[line("Looping style is plain")], (false, false, false));
    assert_eq!(flags[line("Built a Rust service")], (false, true, false));
    assert_eq!(flags[line("Styled list item")], (false, true, false));
    assert_eq!(flags[line("Unlabelled list")], (false, false, false));
    assert_eq!(flags[line("Numbering removed")], (false, false, false));
    assert_eq!(flags[line("Rust | 5 years")], (false, false, true));
    assert_eq!(flags[line("Shipped it")], (false, true, false));
    assert_eq!(flags[line("Bold Heading")], (true, false, false));
    assert_eq!(flags[line("Big line")], (true, false, false));
    assert_eq!(flags[line("Bold 2020")], (false, false, false));
    assert_eq!(doc.lines[line("Big line")].size, Some(1.64));
    assert_eq!(doc.lines[line("Page footer")].page, 2);
    let s = &doc.signals;
    assert!(s.tables && s.header_footer_text && s.icon_glyphs && !s.images);
    assert_eq!(s.pages, 2);
}

#[test]
fn malformed_packages_give_typed_errors() {
    let l = Limits::default();
    let good = document(&para("x", "Hello"));
    let truncated = &good[..good.len() - 20];
    assert!(matches!(
        extract(&package(&[("word/document.xml", truncated)]), &l),
        Err(Error::Corrupt { .. })
    ));
    assert!(matches!(
        extract(
            &package(&[(
                "word/document.xml",
                "<w:document><w:body></w:p></w:body></w:document>"
            )]),
            &l
        ),
        Err(Error::Corrupt { .. })
    ));
    assert!(matches!(
        extract(&package(&[("word/other.xml", &good)]), &l),
        Err(Error::Corrupt { .. })
    ));
    assert!(matches!(
        extract(b"PK\x03\x04not a zip", &l),
        Err(Error::Corrupt { .. })
    ));
    assert!(matches!(
        extract(&package(&[("word/document.xml", &document("<w:p/>"))]), &l),
        Err(Error::InvalidInput { .. })
    ));
    let deep = document(&format!(
        "{}{}",
        "<w:sdt>".repeat(300),
        "</w:sdt>".repeat(300)
    ));
    assert!(matches!(
        extract(&package(&[("word/document.xml", &deep)]), &l),
        Err(Error::LimitExceeded {
            limit: "XML nesting depth",
            ..
        })
    ));
    // A broken styles part costs the heading hints, not the document.
    let doc = extract(
        &package(&[
            ("word/document.xml", &good),
            ("word/styles.xml", "<w:styles><w:style>"),
        ]),
        &l,
    )
    .unwrap();
    assert_eq!(texts(&doc), ["Hello"]);
    let many: Vec<(String, String)> = (0..30)
        .map(|i| (format!("f{i}.xml"), String::new()))
        .collect();
    let mut parts: Vec<(&str, &str)> = many.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    parts.push(("word/document.xml", &good));
    let tight = Limits {
        max_zip_entries: 10,
        ..Limits::default()
    };
    assert!(matches!(
        extract(&package(&parts), &tight),
        Err(Error::LimitExceeded {
            limit: "ZIP entries",
            ..
        })
    ));
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(
        "EncryptionInfo"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    assert!(matches!(
        extract(&ole, &l),
        Err(Error::Encrypted { format: "DOCX" })
    ));
}

#[test]
fn zip_bomb_stops_at_the_unzipped_limit() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(document("").as_bytes()).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..64 {
        zip.write_all(&chunk).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let limits = Limits {
        max_unzipped_bytes: 8 << 20,
        ..Limits::default()
    };
    match extract(&bytes, &limits) {
        Err(Error::LimitExceeded {
            limit: "unzipped bytes",
            max,
            ..
        }) => assert_eq!(max, 8 << 20),
        other => panic!("expected the unzipped limit, got {other:?}"),
    }
}

fn data(rel: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

#[test]
fn pandoc_sample_keeps_every_word() {
    let Some(dir) = data("resumes/pandoc-resume") else {
        return;
    };
    let doc = extract(
        &std::fs::read(dir.join("johnny_coder_sample.docx")).unwrap(),
        &Limits::default(),
    )
    .unwrap();
    let text = doc.text();
    let source = std::fs::read_to_string(dir.join("johnny_coder_sample.source.md.txt")).unwrap();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let have: HashSet<String> = words(&text).into_iter().collect();
    // Link targets and the reference definition are markup, not text.
    let markup: HashSet<String> =
        words("http www example com nodejs org ref https github githubuser superlongprojectname")
            .into_iter()
            .collect();
    let missing: Vec<String> = words(&source)
        .into_iter()
        .filter(|w| !have.contains(w) && !markup.contains(w))
        .collect();
    assert!(missing.is_empty(), "missing words: {missing:?}\n{text}");
    let headings: Vec<&str> = doc
        .lines
        .iter()
        .filter(|l| l.heading)
        .map(|l| l.text.as_str())
        .collect();
    for h in [
        "Johnny Coder",
        "Education",
        "Experience",
        "Technical Experience",
        "Extra Section, Call it Whatever You Want",
    ] {
        assert!(headings.contains(&h), "{h} not a heading in {headings:?}");
    }
    assert!(doc.lines.iter().any(|l| l.bullet && l.text == "First item"));
    assert!(
        doc.lines
            .iter()
            .any(|l| l.bullet && l.text == "This is what a nested list looks like.")
    );
}

#[test]
fn word_cvs_parse_fast_with_sections_on_their_own_lines() {
    let Some(dir) = data("resumes/word-cvs") else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 35);
    const SECTIONS: &[&str] = &[
        "experience",
        "work experience",
        "education",
        "skills",
        "summary",
        "profile",
        "projects",
        "languages",
        "contacts",
        "contact",
        "about me",
        "additional information",
        "professional experience",
        "technical skills",
        "courses",
        "certificates",
    ];
    let mut with_two = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let doc = extract(&bytes, &Limits::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = doc.text();
        assert!(
            text.split_whitespace().count() > 50,
            "{}: too little text",
            path.display()
        );
        // Short lines that open with a section name ("EXPERIENCE SKILLS" in two-column sources).
        let is_section = |t: &str| {
            t.chars().count() <= 40 && SECTIONS.iter().any(|s| t.to_lowercase().starts_with(s))
        };
        let sections = doc
            .lines
            .iter()
            .filter(|l| l.heading || is_section(&l.text))
            .count();
        assert!(
            sections >= 1,
            "{}: no section headings on their own lines:\n{text}",
            path.display()
        );
        with_two += usize::from(sections >= 2);
    }
    // These DOCX were converted from PDFs: 36.docx lost its "ti" ligatures ("Educaon") and a
    // few merge two columns into one line, so not every file shows two (32 of 35 do).
    assert!(
        with_two >= 30,
        "only {with_two} of 35 files show two section headings"
    );
}

/// A hang guard, not a benchmark (the criterion bench measures speed in release).
#[test]
fn word_cvs_time() {
    let Some(dir) = data("resumes/word-cvs") else {
        return;
    };
    let mut all: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    if let Some(p) = data("resumes/pandoc-resume/johnny_coder_sample.docx") {
        all.push(std::fs::read(p).unwrap());
    }
    let start = std::time::Instant::now();
    let rounds = 5;
    for _ in 0..rounds {
        for b in &all {
            extract(b, &Limits::default()).unwrap();
        }
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / (rounds * all.len()) as f64;
    eprintln!(
        "docx extract: {per:.3} ms per document ({} documents)",
        all.len()
    );
    assert!(per < 50.0);
}
