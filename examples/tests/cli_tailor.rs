//! `copilot tailor` end to end: a tailored PDF that our own parser reads back as the same
//! person, with the job's skills first and nothing the resume does not hold.

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn tailor(out: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_copilot"))
        .arg("tailor")
        .arg(example("jane-doe.md"))
        .arg(example("senior-rust-engineer.txt"))
        .arg("--out")
        .arg(out)
        .args(["--date", "2026-01-15"])
        .output()
        .expect("copilot runs")
}

#[test]
fn tailor_writes_a_pdf_that_parses_back_to_the_same_person() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("tailored.pdf");
    let run = tailor(&out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    if !cfg!(feature = "render") {
        assert!(!run.status.success(), "PDF needs the render feature");
        return;
    }
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr.contains("change:"),
        "the change list goes to stderr: {stderr}"
    );
    let bytes = std::fs::read(&out).expect("PDF written");
    assert!(bytes.starts_with(b"%PDF"));
    let parsed = career_copilot::parse_resume(&bytes, &career_copilot::Hint::default())
        .expect("our parser reads our PDF")
        .value;
    assert_eq!(parsed.name(), Some("Jane Doe"));
    assert_eq!(parsed.work.len(), 3, "every role survives tailoring");
    // The same input and date give the same bytes.
    let again = dir.path().join("again.pdf");
    assert!(tailor(&again).status.success());
    assert_eq!(std::fs::read(&again).expect("second PDF"), bytes);
}

#[test]
fn tailor_refuses_unknown_extensions_and_providers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = tailor(&dir.path().join("cv.xyz"));
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("xyz"));
    let run = Command::new(env!("CARGO_BIN_EXE_copilot"))
        .arg("tailor")
        .arg(example("jane-doe.md"))
        .arg(example("senior-rust-engineer.txt"))
        .args(["--out", "x.pdf", "--provider", "openai"])
        .output()
        .expect("copilot runs");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("offline"));
}
