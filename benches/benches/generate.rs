//! Offline generation hot path (issue 5's target: tailoring plus a cover letter for a two-page
//! profile ≤ 20 ms). The profile is RenderCV's two-page sample CV parsed from its PDF (five
//! roles; three pages in our classic theme), the job the Resume-Matcher full-stack posting; both are parsed once, outside the timing. Each step
//! runs the whole path a caller runs: ATS score, retrieval of evidence, templates, and the
//! grounding check of every sentence.

use std::hint::black_box;
use std::time::Duration;

use career_copilot::generate::Facts;
use career_copilot::generate::offline::{self, LetterOptions, TailorOptions};
use career_copilot::ingest::{Hint, parse_job, parse_resume};
use career_copilot::render::{OutputFormat, RenderOptions, Renderer};
use career_copilot_benches::data_file;
use criterion::{Criterion, criterion_group, criterion_main};

const RESUME: &str = "resumes/rendercv/John_Doe_ClassicTheme_CV.pdf";
const JOB: &str = "fit/resume-matcher-samples/job_descriptions/job_desc_full_stack_engineer.pdf";

fn generate(c: &mut Criterion) {
    let (Some(cv), Some(posting)) = (data_file(RESUME), data_file(JOB)) else {
        return;
    };
    let (Ok(profile), Ok(job)) = (
        parse_resume(&cv, &Hint::file_name("cv.pdf")),
        parse_job(&posting, &Hint::file_name("job.pdf")),
    ) else {
        eprintln!("skipping: the sample files did not parse");
        return;
    };
    let (profile, job) = (profile.value, job.value);
    if let Ok(r) = Renderer::new()
        && let Ok(out) = r.render(
            &profile,
            &RenderOptions::theme("classic"),
            OutputFormat::Pdf,
        )
    {
        eprintln!(
            "profile: {} pages as a classic CV, {} roles, {} skills",
            out.page_count,
            profile.work.len(),
            profile.skills.len()
        );
    }
    let tailor_opts = TailorOptions::default();
    let letter_opts = LetterOptions::default();

    let mut group = c.benchmark_group("generate");
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("offline_tailor_and_letter", |b| {
        b.iter(|| {
            let t = offline::tailor(black_box(&profile), black_box(&job), &tailor_opts);
            let l = offline::cover_letter(black_box(&profile), black_box(&job), &letter_opts);
            (t, l)
        })
    });
    group.bench_function("offline_tailor", |b| {
        b.iter(|| offline::tailor(black_box(&profile), black_box(&job), &tailor_opts))
    });
    group.bench_function("offline_cover_letter", |b| {
        b.iter(|| offline::cover_letter(black_box(&profile), black_box(&job), &letter_opts))
    });
    group.bench_function("offline_highlights_5", |b| {
        b.iter(|| offline::highlights(black_box(&profile), black_box(&job), 5))
    });
    // What the verifier costs on its own: facts built once per request, then every sentence
    // of a letter checked.
    if let Ok(letter) = offline::cover_letter(&profile, &job, &letter_opts) {
        let text = letter.doc.paragraphs.join("\n\n");
        group.bench_function("grounding_facts_and_check_letter", |b| {
            b.iter(|| {
                let facts = Facts::new(black_box(&profile), Some(&job), None);
                facts.check(black_box(&text))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
