//! Accuracy on the generated held-out resumes in `tests/fixtures/heldout` (layouts the parser
//! was not tuned on; regenerate with `scripts/make_heldout.py`). The table prints to stderr.

use career_copilot_e2e::accuracy::heldout;

/// Target: mean ≥ this over every scored field of every held-out resume.
const HELDOUT_MEAN_MIN: f64 = 0.95;
/// No layout family may fall far behind the others.
const FAMILY_MEAN_MIN: f64 = 0.90;

#[test]
fn heldout_accuracy() {
    let dir = heldout::fixtures_dir();
    let report = heldout::run(&dir);
    let table = heldout::table(&report);
    eprintln!("{table}");
    assert!(
        report.docs.len() >= 15,
        "expected at least 15 held-out resumes under {}, found {}",
        dir.display(),
        report.docs.len()
    );
    let mean = report.mean();
    assert!(
        mean >= HELDOUT_MEAN_MIN,
        "held-out mean {mean:.3} is below {HELDOUT_MEAN_MIN}\n{table}"
    );
    for (family, m) in heldout::family_means(&report) {
        assert!(
            m >= FAMILY_MEAN_MIN,
            "held-out family {family} mean {m:.3} is below {FAMILY_MEAN_MIN}\n{table}"
        );
    }
}

/// Plain text → Profile on the held-out text exports, after a warm-up (the first call builds
/// the word lists and the skills taxonomy). Prints the time per resume; a dev build runs the
/// parser unoptimised, so only a loose bound is asserted here.
#[test]
fn heldout_text_parse_time() {
    use career_copilot::ingest::{Format, TextDoc, resume::parse_doc};
    let dir = heldout::fixtures_dir();
    let docs: Vec<TextDoc> = heldout::labelled(&dir)
        .into_iter()
        .filter(|(f, _)| f.extension().is_some_and(|e| e == "txt"))
        .map(|(f, _)| TextDoc::from_plain(&std::fs::read_to_string(f).unwrap_or_default()))
        .collect();
    assert!(
        !docs.is_empty(),
        "no held-out text resumes in {}",
        dir.display()
    );
    for d in &docs {
        let (p, _) = parse_doc(d, Format::Text);
        assert!(
            !p.work.is_empty(),
            "a held-out text resume parsed with no work entries"
        );
    }
    let rounds = 20;
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            std::hint::black_box(parse_doc(d, Format::Text));
        }
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / (rounds * docs.len()) as f64;
    eprintln!("held-out text → Profile: {per:.3} ms per resume (warm)");
    assert!(
        per < 50.0,
        "plain text → Profile took {per:.3} ms per resume"
    );
}
