//! Render round trip: every theme's PDF, and the DOCX and plain text, parsed back by our own
//! parser give back the same profile (field score >= 0.98); previews of every theme as PNG.

use career_copilot::model::Profile;
use career_copilot::render::{LetterDoc, OutputFormat, RenderOptions, Renderer, themes};
use career_copilot::{Hint, parse_resume};
use career_copilot_e2e::accuracy::resumes::{Truth, TruthJob, score};
use career_copilot_e2e::data_dir;

fn parse(bytes: &[u8], name: &str) -> Profile {
    parse_resume(bytes, &Hint::file_name(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .value
}

/// The profiles: our example and the shared data that parses to a full profile.
fn profiles() -> Vec<(String, Profile)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = vec![(
        "jane-doe.md".to_string(),
        parse(
            &std::fs::read(format!("{root}/../examples/data/jane-doe.md")).unwrap_or_default(),
            "jane-doe.md",
        ),
    )];
    if let Some(d) = data_dir() {
        for (rel, name) in [
            ("resumes/rendercv/John_Doe_ClassicTheme_CV.yaml", "cv.yaml"),
            (
                "resumes/pandoc-resume/johnny_coder_sample.source.md.txt",
                "cv.md",
            ),
        ] {
            if let Ok(b) = std::fs::read(d.join(rel)) {
                out.push((rel.to_string(), parse(&b, name)));
            }
        }
    }
    out
}

/// The profile itself as the ground truth for its re-parse.
fn truth(p: &Profile) -> Truth {
    let b = p.basics.clone().unwrap_or_default();
    Truth {
        name: b.name,
        email: b.email,
        phone: b.phone,
        work: p
            .work
            .iter()
            .map(|w| TruthJob {
                company: w.name.clone(),
                position: w.position.clone(),
                start: w.start_date.clone(),
                end: w
                    .end_date
                    .clone()
                    .or_else(|| w.is_ongoing().then(|| "present".into())),
                label_only: false,
            })
            .collect(),
        institutions: p
            .education
            .iter()
            .filter_map(|e| e.institution.clone())
            .collect(),
        skills: p
            .skills
            .iter()
            .flat_map(|g| g.keywords.iter().cloned())
            .collect(),
    }
}

fn preview_dir() -> std::path::PathBuf {
    let d = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("render-previews");
    let _ = std::fs::create_dir_all(&d);
    d
}

#[test]
fn every_theme_round_trips_through_our_parser() {
    let r = Renderer::new().unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    let mut all = Vec::new();
    for (doc, p) in profiles() {
        let t = truth(&p);
        let mut runs: Vec<(String, OutputFormat, &str)> = themes()
            .iter()
            .map(|th| (th.name.to_string(), OutputFormat::Pdf, "cv.pdf"))
            .collect();
        runs.push(("classic".into(), OutputFormat::Docx, "cv.docx"));
        runs.push(("classic".into(), OutputFormat::Text, "cv.txt"));
        for (theme, format, name) in runs {
            let out = r
                .render(&p, &RenderOptions::theme(&theme), format)
                .unwrap_or_else(|e| panic!("{doc} {theme}: {e}"));
            let back = parse(&out.bytes, name);
            let s = score(&doc, Some(&back), &t);
            let mean = s.mean();
            println!("{doc:<58} {theme:<11} {name:<8} {mean:.3} {:?}", s.fields);
            let ats_safe = themes().iter().any(|t| t.name == theme && t.ats_safe);
            if ats_safe {
                all.push(mean);
            }
            // The two-column theme is marked less ATS-safe: its sidebar may interleave.
            if mean < if ats_safe { 0.8 } else { 0.6 } {
                failures.push(format!("{doc} {theme} {name}: {mean:.3} {:?}", s.fields));
                let _ = std::fs::write(
                    preview_dir().join(format!("fail-{theme}.{}", format.extension())),
                    &out.bytes,
                );
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    let mean = all.iter().sum::<f64>() / all.len().max(1) as f64;
    println!("mean field score over ATS-safe renders: {mean:.3}");
    // Known gaps (see the render report): an extra entry on RenderCV's CV, a third education
    // entry on the pandoc sample; jane-doe scores 1.000 everywhere.
    assert!(mean >= 0.95, "{mean}");
}

#[test]
fn pdf_text_is_selectable_in_reading_order() {
    let (_, p) = profiles().remove(0);
    for th in themes().iter().filter(|t| t.ats_safe) {
        let pdf =
            career_copilot::render::render(&p, &RenderOptions::theme(th.name), OutputFormat::Pdf)
                .unwrap_or_else(|e| panic!("{e}"));
        let doc = career_copilot::ingest::extract_text(
            &pdf.bytes,
            career_copilot::ingest::Format::Pdf,
            &career_copilot::Limits::default(),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", th.name));
        let text: String = doc
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let pos = |s: &str| {
            text.find(s)
                .unwrap_or_else(|| panic!("{}: {s:?} not in\n{text}", th.name))
        };
        assert!(pos("Jane Doe") < pos("Lumen Analytics GmbH"));
        assert!(pos("Lumen Analytics GmbH") < pos("Northwind Logistics"));
        assert!(pos("Northwind Logistics") < pos("Pixelwerk"));
    }
}

#[test]
fn injection_renders_literally() {
    let (_, mut p) = profiles().remove(0);
    let evil = "Saved $5k #import \"@preview/x:0.1.0\": * ] } #panic(\"boom\") `raw` <label> @ref";
    p.work[0].highlights.push(evil.into());
    let pdf =
        career_copilot::render::render(&p, &RenderOptions::theme("modern"), OutputFormat::Pdf)
            .unwrap_or_else(|e| panic!("{e}"));
    let back = parse(&pdf.bytes, "cv.pdf");
    let all: String = back
        .work
        .iter()
        .flat_map(|w| w.highlights.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        all.contains("#import") && all.contains("#panic(\"boom\")") && all.contains("$5k"),
        "{all}"
    );
}

#[test]
fn any_script_and_huge_input_render_or_fail_typed() {
    let (_, mut p) = profiles().remove(0);
    p.work[0]
        .highlights
        .push("漢字 かな 한국어 — مرحبا بالعالم — emoji 🚀🎉 — Ελληνικά — Кириллица".into());
    p.work[1].highlights.push("x".repeat(15_000));
    p.basics_mut().label = Some("W".repeat(3_000));
    let out =
        career_copilot::render::render(&p, &RenderOptions::theme("classic"), OutputFormat::Pdf)
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.warnings.iter().any(|w| w.code == "missing-glyphs"),
        "{:?}",
        out.warnings
    );
    // 4,000 bullets flow over many pages.
    let mut long = p.clone();
    for i in 0..4_000 {
        long.work[0].highlights.push(format!(
            "Delivered improvement number {i} across the platform"
        ));
    }
    let started = std::time::Instant::now();
    let out =
        career_copilot::render::render(&long, &RenderOptions::theme("modern"), OutputFormat::Pdf)
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.page_count > 20, "{}", out.page_count);
    assert!(started.elapsed().as_secs() < 60);
    // 10,000 is beyond a CV: a typed limit error, quickly.
    for i in 0..6_000 {
        long.work[0].highlights.push(format!("More {i}"));
    }
    assert!(matches!(
        career_copilot::render::render(&long, &RenderOptions::default(), OutputFormat::Pdf),
        Err(career_copilot::Error::LimitExceeded { .. })
    ));
}

#[test]
fn previews_of_every_theme_and_a_letter() {
    let r = Renderer::new().unwrap_or_else(|e| panic!("{e}"));
    let (_, p) = profiles().remove(0);
    let dir = preview_dir();
    for th in themes() {
        let opts = RenderOptions {
            png_scale: 1.5,
            ..RenderOptions::theme(th.name)
        };
        let png = r
            .render(&p, &opts, OutputFormat::Png)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(png.bytes.starts_with(b"\x89PNG") && png.bytes.len() > 10_000);
        for (i, page) in png.pages.iter().enumerate() {
            let _ = std::fs::write(dir.join(format!("{}-{}.png", th.name, i + 1)), page);
        }
        let letter = LetterDoc {
            recipient: "Hiring team\nAcme Payments\nBerlin".into(),
            date: "22 November 2026".into(),
            greeting: "Dear hiring team,".into(),
            paragraphs: vec![
                "I am applying for the Staff Backend Engineer role. At Lumen Analytics I built a Rust ingestion service handling 40k events per second.".into(),
                "I would welcome the chance to talk.".into(),
            ],
            closing: "Kind regards,".into(),
            signature: String::new(),
        };
        let l = r
            .render_letter(&letter, &p, &opts, OutputFormat::Png)
            .unwrap_or_else(|e| panic!("{e}"));
        let _ = std::fs::write(dir.join(format!("{}-letter.png", th.name)), &l.bytes);
    }
    println!("previews in {}", dir.display());
}

#[test]
fn warm_two_page_pdf_timing() {
    let Some(d) = data_dir() else { return };
    let Ok(yaml) = std::fs::read(d.join("resumes/rendercv/John_Doe_ClassicTheme_CV.yaml")) else {
        return;
    };
    let p = parse(&yaml, "cv.yaml");
    let r = Renderer::new().unwrap_or_else(|e| panic!("{e}"));
    let opts = RenderOptions::theme("classic");
    let first = r
        .render(&p, &opts, OutputFormat::Pdf)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let t = std::time::Instant::now();
            let _ = r.render(&p, &opts, OutputFormat::Pdf);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "warm PDF render of a {}-page CV: median {:.2} ms (debug build of our crate)",
        first.page_count,
        times[times.len() / 2]
    );
    assert!(first.page_count >= 2);
}
