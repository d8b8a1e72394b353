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

mod generate;
mod jobs;
mod render;
mod track;

#[derive(Parser)]
#[command(
    name = "copilot",
    version,
    about = "Career Copilot: parse resumes and jobs, offline."
)]
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
    /// Score a resume against a job: the explainable ATS report.
    Score {
        resume: PathBuf,
        job: PathBuf,
        /// "Today" as YYYY-MM or YYYY-MM-DD, for ongoing roles (default: the job's posting date).
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Rank jobs for a resume. JOBS is a JSONL file (`id`, `description`, optional `title`, `company`, `location`) or a folder of job files.
    Rank {
        resume: PathBuf,
        jobs: PathBuf,
        /// Print at most this many jobs.
        #[arg(long)]
        top: Option<usize>,
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Market insights over a set of jobs (same JOBS forms as `rank`), with gaps for the resume.
    Insights {
        resume: PathBuf,
        jobs: PathBuf,
        /// Entries per list.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
    /// Tailor a resume to a job (reorder, surface evidenced skills, trim; never invents) and print it with the change list.
    Optimize { resume: PathBuf, job: PathBuf },
    /// Tailor a resume to a job and write it (format from the extension of `--out`).
    Tailor(generate::TailorArgs),
    /// Write a cover letter for a resume and a job.
    Letter(generate::LetterArgs),
    /// Render a profile (format from the extension of `--out`), or list the themes.
    Render(render::RenderArgs),
    /// Job aggregation over the store: fetch from sources, search.
    #[command(subcommand)]
    Jobs(jobs::JobsCommand),
    /// Application tracking over the store.
    #[command(subcommand)]
    Track(track::TrackCommand),
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

pub(crate) enum Failure {
    Input(PathBuf, Error),
    Io(String),
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::Io(format!("reading standard input: {e}")))?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| Failure::Io(format!("{}: {e}", path.display())))
}

pub(crate) fn hint(path: &Path) -> Hint {
    Hint::file_name(
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )
}

pub(crate) fn warn(path: &Path, warnings: &[Warning]) {
    for w in warnings {
        let at = w
            .path
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        eprintln!(
            "copilot: {}: warning: {}: {}{at}",
            path.display(),
            w.code,
            w.message
        );
    }
}

pub(crate) fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Io(format!("writing JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

pub(crate) fn load_resume(path: &Path) -> Result<career_copilot::Parsed<Profile>, Failure> {
    let bytes = read(path)?;
    parse_resume(&bytes, &hint(path)).map_err(|e| Failure::Input(path.to_path_buf(), e))
}

pub(crate) fn load_job(path: &Path) -> Result<career_copilot::Job, Failure> {
    let bytes = read(path)?;
    let parsed =
        parse_job(&bytes, &hint(path)).map_err(|e| Failure::Input(path.to_path_buf(), e))?;
    warn(path, &parsed.warnings);
    Ok(parsed.value)
}

pub(crate) fn parse_as_of(
    s: Option<&str>,
) -> Result<Option<career_copilot::model::PartialDate>, Failure> {
    s.map(|d| {
        career_copilot::model::PartialDate::parse_iso(d)
            .ok_or_else(|| Failure::Io(format!("--as-of {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD")))
    })
    .transpose()
}

/// Jobs from a JSONL file (one object a line: `id`, `description` as text or HTML, optional
/// `title`, `company`, `location`) or from a folder of job files (the file name is the id).
pub(crate) fn load_jobs(path: &Path) -> Result<Vec<career_copilot::Job>, Failure> {
    let mut jobs = Vec::new();
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| Failure::Io(format!("{}: {e}", path.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        entries.sort();
        for p in entries {
            let mut job = load_job(&p)?;
            job.id = p.file_stem().map(|s| s.to_string_lossy().into_owned());
            jobs.push(job);
        }
        return Ok(jobs);
    }
    let text = String::from_utf8(read(path)?)
        .map_err(|_| Failure::Io(format!("{}: JSONL must be UTF-8", path.display())))?;
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let at = |msg: String| {
            Failure::Input(
                path.to_path_buf(),
                Error::invalid(format!("JSONL line {}", n + 1), msg),
            )
        };
        let row: serde_json::Value = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        let field = |k: &str| {
            row.get(k).and_then(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
        };
        let description = field("description").unwrap_or_default();
        let mut job = if description.trim().is_empty() {
            career_copilot::Job::default()
        } else {
            parse_job(description.as_bytes(), &Hint::default())
                .map_err(|e| at(e.to_string()))?
                .value
        };
        job.id = field("id").or(Some((n + 1).to_string()));
        if let Some(t) = field("title") {
            job.title = Some(t);
        }
        if let Some(c) = field("company") {
            job.company = Some(c);
        }
        if let Some(l) = field("location") {
            job.locations = vec![l];
        }
        jobs.push(job);
    }
    Ok(jobs)
}

/// Removes `x-` extension keys at every level, leaving pure JSON Resume.
pub(crate) fn strip_extensions(v: &mut serde_json::Value) {
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
        Command::Parse {
            file,
            plain,
            with_warnings,
        } => {
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
            let parsed =
                parse_job(&bytes, &hint(&file)).map_err(|e| Failure::Input(file.clone(), e))?;
            warn(&file, &parsed.warnings);
            if json_ld {
                print_json(&career_copilot::ingest::job::to_json_ld(&parsed.value))
            } else {
                print_json(&parsed.value)
            }
        }
        Command::Score { resume, job, as_of } => {
            let profile = load_resume(&resume)?;
            let job = load_job(&job)?;
            let config = career_copilot::ats::ScoreConfig {
                as_of: parse_as_of(as_of.as_deref())?,
                ..Default::default()
            };
            print_json(&career_copilot::ats::score_with(
                &profile.value,
                &job,
                Some(&profile.layout),
                &config,
            ))
        }
        Command::Rank {
            resume,
            jobs,
            top,
            as_of,
        } => {
            let profile = load_resume(&resume)?;
            // The resume's full text backs up the parsed fields: words the parser could not
            // place still describe the person (structured formats have no text stage).
            let bytes = read(&resume)?;
            let text = career_copilot::ingest::extract_text(
                &bytes,
                profile.format,
                &career_copilot::Limits::default(),
            )
            .ok()
            .map(|doc| {
                doc.lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            let list = load_jobs(&jobs)?;
            let index = career_copilot::matching::JobIndex::try_new(list)
                .map_err(|e| Failure::Input(jobs.clone(), e))?;
            let prefs = career_copilot::matching::MatchPrefs {
                as_of: parse_as_of(as_of.as_deref())?,
                ..Default::default()
            };
            let ranked = index.rank_with_text(
                &profile.value,
                text.as_deref(),
                &prefs,
                top.unwrap_or(usize::MAX),
            );
            let rows: Vec<serde_json::Value> = ranked
                .iter()
                .take(top.unwrap_or(usize::MAX))
                .map(|r| {
                    let j = &index.jobs()[r.index];
                    serde_json::json!({"id": j.id, "score": r.score, "title": j.title, "company": j.company, "factors": r.factors})
                })
                .collect();
            print_json(&rows)
        }
        Command::Insights { resume, jobs, top } => {
            let profile = load_resume(&resume)?;
            let jobs = load_jobs(&jobs)?;
            print_json(&career_copilot::matching::insights(
                Some(&profile.value),
                &jobs,
                top,
            ))
        }
        Command::Optimize { resume, job } => {
            let profile = load_resume(&resume)?;
            let job = load_job(&job)?;
            print_json(&career_copilot::ats::optimize::optimize(
                &profile.value,
                &job,
            ))
        }
        Command::Tailor(args) => generate::tailor(args),
        Command::Letter(args) => generate::letter(args),
        Command::Render(args) => render::run(args),
        Command::Jobs(cmd) => jobs::run(cmd),
        Command::Track(cmd) => track::run(cmd),
        Command::Merge { base, other } => {
            let mut profile = load_resume(&base)?;
            let theirs = load_resume(&other)?;
            if profile.format == Format::LinkedInZip && theirs.format != Format::LinkedInZip {
                eprintln!("copilot: note: the base is a LinkedIn export; its values win conflicts");
            }
            let report = profile.value.merge(theirs.value);
            for c in &report.conflicts {
                eprintln!(
                    "copilot: conflict at {}: kept {:?}, other source has {:?}",
                    c.path, c.kept, c.other
                );
            }
            profile.value.ensure_ids();
            print_json(&profile.value)
        }
    }
}
