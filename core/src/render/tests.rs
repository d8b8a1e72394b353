//! Unit tests of the pure formats (the Typst ones are in `tests_typst.rs`).

use super::*;
use crate::{Hint, parse_resume};

const JANE: &str = include_str!("../../../examples/data/jane-doe.md");

pub(super) fn jane() -> Profile {
    match parse_resume(JANE.as_bytes(), &Hint::file_name("jane-doe.md")) {
        Ok(p) => p.value,
        Err(e) => panic!("{e}"),
    }
}

fn text(p: &Profile, opts: &RenderOptions, f: OutputFormat) -> String {
    match render(p, opts, f) {
        Ok(r) => String::from_utf8(r.bytes).unwrap_or_default(),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn plain_text_shows_every_section_in_order() {
    let t = text(&jane(), &RenderOptions::default(), OutputFormat::Text);
    println!("{t}");
    let pos = |s: &str| t.find(s).unwrap_or_else(|| panic!("{s} missing in\n{t}"));
    assert!(pos("Jane Doe") < pos("SUMMARY"));
    assert!(pos("SUMMARY") < pos("EXPERIENCE"));
    assert!(pos("EXPERIENCE") < pos("EDUCATION"));
    assert!(t.contains("Senior Backend Engineer, Lumen Analytics GmbH"));
    assert!(t.contains("Mar 2021 – Present"));
    assert!(t.contains("Languages: Rust, Go, Python, TypeScript, SQL"));
}

#[test]
fn sections_follow_the_option_order_and_hidden_ones_are_dropped() {
    let opts = RenderOptions {
        sections: Some(vec![SectionId::Skills, SectionId::Work, SectionId::Skills]),
        hidden: vec![SectionId::Work],
        ..RenderOptions::default()
    };
    let v = view(&jane(), &opts).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = v.sections.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["skills"]);
}

#[test]
fn locales_translate_titles_and_dates() {
    let opts = RenderOptions {
        locale: Locale::De,
        ..RenderOptions::default()
    };
    let t = text(&jane(), &opts, OutputFormat::Text);
    assert!(t.contains("BERUFSERFAHRUNG"), "{t}");
    assert!(t.contains("März 2021 – heute"), "{t}");
    let es = RenderOptions {
        locale: Locale::Es,
        ..RenderOptions::default()
    };
    assert!(text(&jane(), &es, OutputFormat::Text).contains("EXPERIENCIA PROFESIONAL"));
}

fn hostile() -> Profile {
    let mut p = jane();
    p.basics_mut().name = Some("<script>alert(1)</script> #import \"x\"".into());
    p.work[0]
        .highlights
        .push("Cut costs by $5 [sic] with #import \"@preview/x\" and *stars*".into());
    p
}

#[test]
fn html_escapes_user_text_and_keeps_only_safe_links() {
    let mut p = hostile();
    p.basics_mut().url = Some("javascript:alert(1)".into());
    let h = text(&p, &RenderOptions::default(), OutputFormat::Html);
    assert!(!h.contains("<script>"), "{h}");
    assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!h.contains("href=\"javascript:"), "{h}");
    assert!(h.starts_with("<!DOCTYPE html>") && h.contains("<style>") && !h.contains("<link"));
}

#[test]
fn markdown_escapes_its_own_syntax() {
    let m = text(
        &hostile(),
        &RenderOptions::default(),
        OutputFormat::Markdown,
    );
    assert!(m.contains("\\$5 \\[sic\\] with \\#import"), "{m}");
    assert!(m.contains("\\*stars\\*"), "{m}");
    assert!(m.contains("### Senior Backend Engineer, Lumen Analytics GmbH"));
}

#[test]
fn markdown_and_json_resume_read_back_as_the_same_profile() {
    let p = jane();
    let md = text(&p, &RenderOptions::default(), OutputFormat::Markdown);
    let q = parse_resume(md.as_bytes(), &Hint::file_name("cv.md"))
        .unwrap_or_else(|e| panic!("{e}"))
        .value;
    assert_eq!(q.name(), p.name());
    assert_eq!(q.work.len(), p.work.len());
    for (a, b) in p.work.iter().zip(q.work.iter()) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.position, b.position);
        assert_eq!(a.start_date, b.start_date);
    }
    let json = text(&p, &RenderOptions::default(), OutputFormat::JsonResume);
    assert!(!json.contains("\"x-"), "extensions are stripped");
    let back = Profile::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.work.len(), p.work.len());
    assert_eq!(
        back.basics.as_ref().and_then(|b| b.email.clone()),
        p.basics.as_ref().and_then(|b| b.email.clone())
    );
}

#[test]
fn anonymised_output_names_nobody() {
    let opts = RenderOptions {
        anonymize: true,
        ..RenderOptions::default()
    };
    for f in [
        OutputFormat::Text,
        OutputFormat::Markdown,
        OutputFormat::Html,
        OutputFormat::JsonResume,
    ] {
        let t = text(&jane(), &opts, f);
        for secret in [
            "Jane",
            "Doe",
            "jane.doe@example.com",
            "1234567",
            "Lumen Analytics",
            "Northwind",
            "linkedin",
        ] {
            assert!(!t.contains(secret), "{f:?} leaks {secret}:\n{t}");
        }
        assert!(t.contains("Candidate"), "{f:?}");
    }
    let t = text(&jane(), &opts, OutputFormat::Text);
    assert!(
        t.contains("Senior Backend Engineer, A data analytics company"),
        "{t}"
    );
    assert!(t.contains("Software Engineer, A logistics company"), "{t}");
}

#[test]
fn letters_render_in_the_pure_formats_and_are_scrubbed_when_anonymous() {
    let doc = LetterDoc {
        recipient: "Ms Ada Smith\nAcme Corp".into(),
        date: "22 November 2026".into(),
        greeting: "Dear Ms Smith,".into(),
        paragraphs: vec![
            "At Lumen Analytics GmbH I built a Rust ingestion service.".into(),
            "Write to jane.doe@example.com.".into(),
        ],
        closing: "Kind regards,".into(),
        signature: String::new(),
    };
    let p = jane();
    let t = render_letter(&doc, &p, &RenderOptions::default(), OutputFormat::Text)
        .unwrap_or_else(|e| panic!("{e}"));
    let t = String::from_utf8(t.bytes).unwrap_or_default();
    assert!(t.starts_with("Jane Doe\n"), "{t}");
    assert!(t.trim_end().ends_with("Kind regards,\nJane Doe"), "{t}");
    let anon = RenderOptions {
        anonymize: true,
        ..RenderOptions::default()
    };
    let h = render_letter(&doc, &p, &anon, OutputFormat::Html).unwrap_or_else(|e| panic!("{e}"));
    let h = String::from_utf8(h.bytes).unwrap_or_default();
    assert!(
        !h.contains("Lumen") && !h.contains("jane.doe@") && !h.contains("Jane"),
        "{h}"
    );
    assert!(matches!(
        render_letter(
            &doc,
            &p,
            &RenderOptions::default(),
            OutputFormat::JsonResume
        ),
        Err(Error::UnsupportedFormat(_))
    ));
}

#[test]
fn bad_options_and_oversized_profiles_are_typed_errors() {
    let p = jane();
    for opts in [
        RenderOptions::theme("fancy"),
        RenderOptions {
            accent: Some("red; }".into()),
            ..RenderOptions::default()
        },
        RenderOptions {
            margin_mm: Some(0.0),
            ..RenderOptions::default()
        },
        RenderOptions {
            font: Some("Comic Sans".into()),
            ..RenderOptions::default()
        },
        RenderOptions {
            creation_date: Some("yesterday".into()),
            ..RenderOptions::default()
        },
    ] {
        assert!(
            matches!(
                render(&p, &opts, OutputFormat::Text),
                Err(Error::InvalidInput { .. })
            ),
            "{opts:?}"
        );
    }
    let mut big = p.clone();
    for i in 0..10_000 {
        big.work[0].highlights.push(format!("Bullet {i}"));
    }
    assert!(matches!(
        render(&big, &RenderOptions::default(), OutputFormat::Text),
        Err(Error::LimitExceeded {
            limit: "render items",
            ..
        })
    ));
    let mut long = p;
    long.basics_mut().summary = Some("x".repeat(50_000));
    assert!(matches!(
        render(&long, &RenderOptions::default(), OutputFormat::Html),
        Err(Error::LimitExceeded { .. })
    ));
}

#[test]
fn formats_come_from_extensions() {
    assert_eq!(
        OutputFormat::from_extension(".PDF"),
        Some(OutputFormat::Pdf)
    );
    assert_eq!(
        OutputFormat::from_extension("json"),
        Some(OutputFormat::JsonResume)
    );
    assert_eq!(
        OutputFormat::from_extension("htm"),
        Some(OutputFormat::Html)
    );
    assert_eq!(OutputFormat::from_extension("exe"), None);
}

#[cfg(not(feature = "render"))]
#[test]
fn typst_formats_name_the_missing_feature() {
    let e = render(&jane(), &RenderOptions::default(), OutputFormat::Pdf);
    assert!(matches!(e, Err(Error::UnsupportedFormat(m)) if m.contains("render")));
}
