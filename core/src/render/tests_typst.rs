//! Typst outputs: every theme compiles, PDFs are deterministic, injection renders literally.

use super::tests::jane;
use super::themes::THEMES;
use super::*;

#[test]
fn every_theme_renders_pdf_svg_png_and_letters() {
    let r = Renderer::new().unwrap_or_else(|e| panic!("{e}"));
    let p = jane();
    for t in THEMES {
        let opts = RenderOptions::theme(t.name);
        let pdf = r
            .render(&p, &opts, OutputFormat::Pdf)
            .unwrap_or_else(|e| panic!("{}: {e}", t.name));
        assert!(pdf.bytes.starts_with(b"%PDF"), "{}", t.name);
        assert!(pdf.page_count >= 1);
        let png = r
            .render(&p, &opts, OutputFormat::Png)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(png.pages.len(), png.page_count);
        assert!(png.bytes.starts_with(b"\x89PNG"));
        let letter = LetterDoc {
            greeting: "Dear team,".into(),
            paragraphs: vec!["I would like to join.".into()],
            closing: "Best,".into(),
            ..LetterDoc::default()
        };
        let l = r
            .render_letter(&letter, &p, &opts, OutputFormat::Pdf)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(l.bytes.starts_with(b"%PDF"));
    }
}

#[test]
fn pdf_is_byte_identical_for_the_same_input() {
    let opts = RenderOptions {
        creation_date: Some("2026-01-15".into()),
        ..RenderOptions::theme("modern")
    };
    let a = render(&jane(), &opts, OutputFormat::Pdf).unwrap_or_else(|e| panic!("{e}"));
    let b = Renderer::new()
        .and_then(|r| r.render(&jane(), &opts, OutputFormat::Pdf))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.bytes, b.bytes);
}
