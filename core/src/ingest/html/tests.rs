//! Tests read fixtures and build packages; unwrapping there is the assertion.
#![allow(clippy::unwrap_used)]

use super::*;

fn texts(doc: &TextDoc) -> Vec<(&str, bool, bool, bool)> {
    doc.lines
        .iter()
        .map(|l| (l.text.as_str(), l.heading, l.bullet, l.table))
        .collect()
}

#[test]
fn blocks_headings_lists_tables() {
    let page = r#"<!DOCTYPE html><html><head><title>CV</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
<body><header><h1>Jane   Doe</h1><p>Berlin&nbsp;&middot; jane@example.com<br>+49 30 1234</p></header>
<section><h2>Experience</h2><div>Senior <b>Rust</b> Engineer &amp; lead</div>
<ul><li>Built <a href="x">a service</a></li><li>Led a team<ul><li>nested item</li></ul></li></ul>
<noscript>enable js</noscript><template><p>tmpl</p></template><div hidden>secret</div><span style="display: none">gone</span>
<table><tr><th>Skill</th><th>Years</th></tr><tr><td>Rust</td><td>5</td><td></td></tr>
<tr><td>2019 - 2021</td><td><p>Engineer, Acme</p><p>Shipped it</p></td></tr></table>
<pre>line one
line two</pre><p>text &#8211; done</p><img src="photo.jpg"></section></body></html>"#;
    let doc = extract(page.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(
        texts(&doc),
        [
            ("Jane Doe", true, false, false),
            ("Berlin · jane@example.com", false, false, false),
            ("+49 30 1234", false, false, false),
            ("Experience", true, false, false),
            ("Senior Rust Engineer & lead", false, false, false),
            ("Built a service", false, true, false),
            ("Led a team", false, true, false),
            ("nested item", false, true, false),
            ("Skill | Years", false, false, true),
            ("Rust | 5", false, false, true),
            ("2019 - 2021", false, false, false),
            ("Engineer, Acme", false, false, false),
            ("Shipped it", false, false, false),
            ("line one", false, false, false),
            ("line two", false, false, false),
            ("text – done", false, false, false),
        ]
    );
    assert!(doc.signals.tables && doc.signals.images);
    assert_eq!(doc.signals.pages, 1);
}

#[test]
fn json_ld_blocks_are_flattened_and_bad_ones_skipped() {
    let page = r#"<html><head>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Rust Engineer"}</script>
<script type="application/ld+json">[{"@type":"Organization","name":"Acme"},{"@type":"WebSite"}]</script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList"},{"@type":"JobPosting","title":"Second"}]}</script>
<script type="application/ld+json">{"broken": </script>
<script type=" Application/LD+JSON ">//<![CDATA[
{"@type":"Person","name":"Wrapped"}
//]]></script>
<script type="text/javascript">{"@type":"NotLd"}</script>
</head><body><p>x</p></body></html>"#;
    let blocks = json_ld(page.as_bytes(), &Limits::default()).unwrap();
    let types: Vec<&str> = blocks
        .iter()
        .map(|b| b["@type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "JobPosting",
            "Organization",
            "WebSite",
            "BreadcrumbList",
            "JobPosting",
            "Person"
        ]
    );
    assert_eq!(blocks[4]["title"], "Second");
    assert!(
        json_ld(b"<p>no scripts</p>", &Limits::default())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn hostile_pages_are_bounded() {
    let deep = "<div>".repeat(100_000) + "x";
    assert!(matches!(
        extract(deep.as_bytes(), &Limits::default()),
        Err(Error::LimitExceeded {
            limit: "HTML nesting depth",
            ..
        })
    ));
    assert!(matches!(
        json_ld(deep.as_bytes(), &Limits::default()),
        Err(Error::LimitExceeded { .. })
    ));
    // Nesting the tree builder flattens (unclosed <p> and <li>) is fine, and walked without recursion.
    let flat = format!("<ul>{}</ul>", "<li><p>item".repeat(20_000));
    let doc = extract(flat.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(doc.lines.len(), 20_000);
    let tight = Limits {
        max_text_chars: 100,
        ..Limits::default()
    };
    assert!(matches!(
        extract(format!("<p>{}</p>", "a".repeat(500)).as_bytes(), &tight),
        Err(Error::LimitExceeded {
            limit: "text characters",
            ..
        })
    ));
    let small = Limits {
        max_input_bytes: 10,
        ..Limits::default()
    };
    assert!(matches!(
        extract(b"<p>more than ten bytes</p>", &small),
        Err(Error::LimitExceeded {
            limit: "input bytes",
            ..
        })
    ));
    assert!(matches!(
        extract(
            b"<html><body><script>x</script></body></html>",
            &Limits::default()
        ),
        Err(Error::InvalidInput { .. })
    ));
    // Windows-1252 without a declaration, and a declared legacy charset.
    assert_eq!(
        extract(b"<p>Zo\xEB</p>", &Limits::default()).unwrap().lines[0].text,
        "Zoë"
    );
    assert_eq!(
        extract(
            b"<meta charset=\"koi8-r\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>",
            &Limits::default()
        )
        .unwrap()
        .lines[0]
            .text,
        "Привет"
    );
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
        &std::fs::read(dir.join("johnny_coder_sample.html")).unwrap(),
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
    let have: std::collections::HashSet<String> = words(&text).into_iter().collect();
    let markup: std::collections::HashSet<String> =
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
    ] {
        assert!(headings.contains(&h), "{h} not a heading in {headings:?}");
    }
    assert!(doc.lines.iter().any(|l| l.bullet && l.text == "First item"));
}

#[test]
fn remoteok_descriptions() {
    let Some(path) = data("jobs/remoteok-sample/remoteok.json") else {
        return;
    };
    let items: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let mut bullets = 0;
    for item in items.iter().skip(1) {
        let Some(html) = item["description"].as_str() else {
            continue;
        };
        let doc = extract(html.as_bytes(), &Limits::default()).unwrap();
        assert!(
            doc.lines
                .iter()
                .all(|l| !l.text.contains('<') || l.text.contains("< ")),
            "markup left in {:?}",
            item["slug"]
        );
        bullets += doc.lines.iter().filter(|l| l.bullet).count();
    }
    assert!(bullets > 30, "only {bullets} bullet lines");
    let first = extract(
        items[1]["description"].as_str().unwrap().as_bytes(),
        &Limits::default(),
    )
    .unwrap();
    let t: Vec<&str> = first.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(t[0], "Launch Your Career in Leadership");
    assert!(t.contains(&"Why Candidates Choose This Role"));
    assert!(
        first.lines.iter().any(|l| l.bullet
            && l.text == "Meet virtually with clients to provide information and support")
    );
}
