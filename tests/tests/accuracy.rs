//! Accuracy thresholds on the labelled documents in ../shared/data (see `accuracy::resumes` for
//! how each field is scored). The tables print to stderr; run with `--nocapture` to see them
//! on success too.

/// Target: mean ≥ 0.95 over every scored field of every labelled resume.
const RESUME_MEAN_MIN: f64 = 0.95;

#[test]
fn resume_accuracy() {
    let Some(data) = career_copilot_e2e::data_dir() else {
        eprintln!("skipped: ../shared/data not found (set CAREER_COPILOT_DATA)");
        return;
    };
    let report = career_copilot_e2e::accuracy::resumes::run(&data);
    let table = report.table();
    eprintln!("{table}");
    assert!(
        !report.docs.is_empty(),
        "no labelled resumes found under {}",
        data.display()
    );
    let mean = report.mean();
    assert!(
        mean >= RESUME_MEAN_MIN,
        "resume accuracy mean {mean:.3} is below {RESUME_MEAN_MIN}\n{table}"
    );
}

/// Every labelled resume parses; prints how long the text → Profile stage takes on a plain
/// text resume and how long each document takes end to end (dev-profile numbers).
#[test]
fn resume_parse_times() {
    use career_copilot::ingest::{Format, Hint, TextDoc, parse_resume, resume::parse_doc};
    let Some(data) = career_copilot_e2e::data_dir() else {
        eprintln!("skipped: ../shared/data not found (set CAREER_COPILOT_DATA)");
        return;
    };
    let md_path = data.join("resumes/pandoc-resume/johnny_coder_sample.source.md.txt");
    let md = std::fs::read_to_string(&md_path).unwrap_or_default();
    let doc = TextDoc::from_plain(&md);
    let n = 20;
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(parse_doc(&doc, Format::Text));
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / f64::from(n);
    eprintln!(
        "text → Profile: {per:.3} ms per resume ({} lines)",
        doc.lines.len()
    );
    let mut failed = Vec::new();
    for (file, _) in career_copilot_e2e::accuracy::resumes::labelled(&data.join("resumes")) {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let hint = Hint::file_name(file.to_string_lossy().replace(".source.md.txt", ".md"));
        let t = std::time::Instant::now();
        let parsed = parse_resume(&bytes, &hint);
        eprintln!(
            "{:>8.2} ms  {}",
            t.elapsed().as_secs_f64() * 1000.0,
            file.display()
        );
        if let Err(e) = parsed {
            failed.push(format!("{}: {e}", file.display()));
        }
    }
    assert!(
        failed.is_empty(),
        "resumes that failed to parse: {failed:?}"
    );
}
