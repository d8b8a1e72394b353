//! `copilot`: the Career Copilot command line.
//!
//! JSON goes to stdout, diagnostics to stderr; bad input exits non-zero with a one-line reason.
//! Exit codes: 0 success, 1 the input could not be parsed, 2 usage or I/O error.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use career_copilot::ingest::{Format, Warning};
use career_copilot::{Error, Hint, Profile, parse_job, parse_resume};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "copilot", version, about = "Career Copilot: parse resumes and jobs, offline.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse a resume (PDF, DOCX, TXT, MD, HTML, JSON Resume, RenderCV YAML, LinkedIn ZIP) and print it as JSON Resume.
    Parse {
        /// The file, or `-` for standard input.
        file: PathBuf,
        /// Print pure JSON Resume, without the `x-` extensions (ids, provenance, unknown sections).
        #[arg(long)]
        plain: bool,
        /// Print `{value, warnings, format, layout}` instead of the profile alone.
        #[arg(long)]
        with_warnings: bool,
    },
    /// Parse a job posting (text, Markdown, HTML, job-board JSON, PDF, DOCX) and print it as JSON.
    Job {
        /// The file, or `-` for standard input.
        file: PathBuf,
        /// Print the job as schema.org JobPosting JSON-LD.
        #[arg(long)]
        json_ld: bool,
    },
    /// Merge a second source for the same person into a resume; conflicts go to stderr.
    Merge {
        /// The base resume (kept where the two disagree).
        base: PathBuf,
        /// The other source (for example a LinkedIn export ZIP).
        other: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(path, e)) => {
            eprintln!("copilot: {}: {e}", path.display());
            ExitCode::from(1)
        }
        Err(Failure::Io(msg)) => {
            eprintln!("copilot: {msg}");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    Input(PathBuf, Error),
    Io(String),
}

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| Failure::Io(format!("reading standard input: {e}")))?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| Failure::Io(format!("{}: {e}", path.display())))
}

fn hint(path: &Path) -> Hint {
    Hint::file_name(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
}

fn warn(path: &Path, warnings: &[Warning]) {
    for w in warnings {
        let at = w.path.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
        eprintln!("copilot: {}: warning: {}: {}{at}", path.display(), w.code, w.message);
    }
}

fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::Io(format!("writing JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

fn load_resume(path: &Path) -> Result<career_copilot::Parsed<Profile>, Failure> {
    let bytes = read(path)?;
    parse_resume(&bytes, &hint(path)).map_err(|e| Failure::Input(path.to_path_buf(), e))
}

/// Removes `x-` extension keys at every level, leaving pure JSON Resume.
fn strip_extensions(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.retain(|k, _| !k.starts_with("x-"));
            map.values_mut().for_each(strip_extensions);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_extensions),
        _ => {}
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Parse { file, plain, with_warnings } => {
            let parsed = load_resume(&file)?;
            warn(&file, &parsed.warnings);
            let mut value = if with_warnings {
                serde_json::to_value(&parsed)
            } else {
                serde_json::to_value(&parsed.value)
            }
            .map_err(|e| Failure::Io(format!("writing JSON: {e}")))?;
            if plain {
                strip_extensions(&mut value);
            }
            print_json(&value)
        }
        Command::Job { file, json_ld } => {
            let bytes = read(&file)?;
            let parsed = parse_job(&bytes, &hint(&file)).map_err(|e| Failure::Input(file.clone(), e))?;
            warn(&file, &parsed.warnings);
            if json_ld {
                // JSON_LD_PENDING
                print_json(&parsed.value)
            } else {
                print_json(&parsed.value)
            }
        }
        Command::Merge { base, other } => {
            let mut profile = load_resume(&base)?;
            let theirs = load_resume(&other)?;
            if profile.format == Format::LinkedInZip && theirs.format != Format::LinkedInZip {
                eprintln!("copilot: note: the base is a LinkedIn export; its values win conflicts");
            }
            let report = profile.value.merge(theirs.value);
            for c in &report.conflicts {
                eprintln!("copilot: conflict at {}: kept {:?}, other source has {:?}", c.path, c.kept, c.other);
            }
            profile.value.ensure_ids();
            print_json(&profile.value)
        }
    }
}
