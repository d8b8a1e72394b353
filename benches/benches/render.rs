//! Render hot path: a warm render of a two-page CV (RenderCV's sample CV, parsed from its YAML)
//! to PDF in-process with a reused `Renderer`, plus PNG and the pure formats.
//! `benches/peers/render_peers.py` times the whole `copilot render` process against RenderCV.

use std::hint::black_box;
use std::time::Duration;

use career_copilot::render::{OutputFormat, RenderOptions, Renderer};
use career_copilot::{Hint, parse_resume};
use career_copilot_benches::data_file;
use criterion::{Criterion, criterion_group, criterion_main};

fn render(c: &mut Criterion) {
    let Some(yaml) = data_file("resumes/rendercv/John_Doe_ClassicTheme_CV.yaml") else {
        return;
    };
    let Ok(parsed) = parse_resume(&yaml, &Hint::file_name("cv.yaml")) else {
        return;
    };
    let profile = parsed.value;
    let Ok(r) = Renderer::new() else { return };
    let mut group = c.benchmark_group("render");
    group.measurement_time(Duration::from_secs(5));
    for theme in ["classic", "modern", "two-column"] {
        let opts = RenderOptions::theme(theme);
        if let Ok(out) = r.render(&profile, &opts, OutputFormat::Pdf) {
            eprintln!("{theme}: {} pages", out.page_count);
        }
        group.bench_function(format!("pdf_warm_{theme}"), |b| {
            b.iter(|| r.render(black_box(&profile), &opts, OutputFormat::Pdf))
        });
    }
    // A different CV every iteration (the summary changes), so Typst's memoisation cannot
    // return the previous document: the figure the "warm render" target means.
    let opts = RenderOptions::theme("classic");
    let mut n = 0u64;
    group.bench_function("pdf_warm_changed_classic", |b| {
        b.iter(|| {
            n += 1;
            let mut p = profile.clone();
            let basics = p.basics.get_or_insert_with(Default::default);
            basics.summary = Some(format!(
                "Revision {n}. {}",
                basics.summary.clone().unwrap_or_default()
            ));
            r.render(black_box(&p), &opts, OutputFormat::Pdf)
        })
    });
    let opts = RenderOptions::default();
    group.bench_function("png_warm_classic", |b| {
        b.iter(|| r.render(black_box(&profile), &opts, OutputFormat::Png))
    });
    for (id, f) in [
        ("docx", OutputFormat::Docx),
        ("html", OutputFormat::Html),
        ("text", OutputFormat::Text),
    ] {
        group.bench_function(id, |b| b.iter(|| r.render(black_box(&profile), &opts, f)));
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
