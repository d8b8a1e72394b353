//! Ingest hot paths on real documents: PDF text extraction (ours and plain pdf-extract), and
//! whole resumes to a `Profile` from PDF, DOCX and plain text. `benches/peers/ingest_peers.py`
//! reads these results and times PyMuPDF, pdfminer.six and python-docx on the same files.

use std::hint::black_box;
use std::time::Duration;

use career_copilot::Limits;
use career_copilot::ingest::{Hint, parse_resume, pdf};
use career_copilot_benches::data_file;
use criterion::{Criterion, criterion_group, criterion_main};

/// The files timed, by bench id. Kept in step with `peers/ingest_peers.py`.
const PDFS: &[(&str, &str)] = &[
    (
        "rendercv_classic_2p",
        "resumes/rendercv/John_Doe_ClassicTheme_CV.pdf",
    ),
    (
        "pandoc_resume_2p",
        "resumes/pandoc-resume/johnny_coder_sample.pdf",
    ),
    ("altacv_2col_2p", "resumes/altacv/sample.pdf"),
];
const DOCX: (&str, &str) = (
    "pandoc_resume",
    "resumes/pandoc-resume/johnny_coder_sample.docx",
);
const TEXT: (&str, &str) = (
    "pandoc_resume_md",
    "resumes/pandoc-resume/johnny_coder_sample.source.md.txt",
);

fn pdf_extraction(c: &mut Criterion) {
    let limits = Limits::default();
    let mut group = c.benchmark_group("pdf_extract");
    for (id, rel) in PDFS {
        let Some(bytes) = data_file(rel) else {
            continue;
        };
        group.bench_function(*id, |b| b.iter(|| pdf::extract(black_box(&bytes), &limits)));
    }
    group.finish();
    let mut group = c.benchmark_group("pdf_extract_plain");
    for (id, rel) in PDFS {
        let Some(bytes) = data_file(rel) else {
            continue;
        };
        group.bench_function(*id, |b| {
            b.iter(|| pdf_extract::extract_text_from_mem(black_box(&bytes)))
        });
    }
    group.finish();
}

fn resume_to_profile(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_resume");
    let pdf_hint = Hint::file_name("resume.pdf");
    if let Some(bytes) = data_file(PDFS[0].1) {
        group.bench_function(format!("pdf_{}", PDFS[0].0), |b| {
            b.iter(|| parse_resume(black_box(&bytes), &pdf_hint))
        });
    }
    if let Some(bytes) = data_file(DOCX.1) {
        let hint = Hint::file_name("resume.docx");
        // DOCX may not be readable in every build; time it only when it parses.
        if parse_resume(&bytes, &hint).is_ok() {
            group.bench_function(format!("docx_{}", DOCX.0), |b| {
                b.iter(|| parse_resume(black_box(&bytes), &hint))
            });
        } else {
            eprintln!("skipping DOCX: parse_resume failed on {}", DOCX.1);
        }
    }
    if let Some(bytes) = data_file(TEXT.1) {
        let hint = Hint::file_name("resume.txt");
        group.bench_function(format!("text_{}", TEXT.0), |b| {
            b.iter(|| parse_resume(black_box(&bytes), &hint))
        });
    }
    group.finish();
}

criterion_group! {
    name = ingest;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = pdf_extraction, resume_to_profile
}
criterion_main!(ingest);
