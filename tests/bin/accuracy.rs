//! Prints field-by-field accuracy of the resume and job parsers on ../shared/data.
//!
//! `cargo run -p career-copilot-e2e --bin accuracy [resumes|jobs|heldout]`

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    if which == "heldout" {
        let dir = career_copilot_e2e::accuracy::heldout::fixtures_dir();
        let report = career_copilot_e2e::accuracy::heldout::run(&dir);
        print!("{}", career_copilot_e2e::accuracy::heldout::table(&report));
        return;
    }
    let Some(data) = career_copilot_e2e::data_dir() else {
        eprintln!("accuracy: ../shared/data not found (set CAREER_COPILOT_DATA)");
        std::process::exit(2);
    };
    if which.is_empty() || which == "resumes" {
        print!(
            "{}",
            career_copilot_e2e::accuracy::resumes::run(&data).table()
        );
    }
    if which.is_empty() || which == "jobs" {
        print!("{}", career_copilot_e2e::accuracy::jobs::run(&data).table());
    }
}
