//! `copilot tailor` and `copilot letter`.
//!
//! Tailoring is offline today: the ATS optimiser reorders, surfaces evidenced skills and trims
//! (it never adds a fact), and the render module writes the result in the format of `--out`.
//! LLM providers and cover letters arrive with the generate module (issue 5).

use std::path::PathBuf;

use career_copilot::render::{self, OutputFormat};

use crate::{Failure, load_job, load_resume};

#[derive(clap::Args)]
pub(crate) struct TailorArgs {
    pub resume: PathBuf,
    pub job: PathBuf,
    /// Output file; the format comes from its extension (.pdf, .json, .md, .txt, .html, .docx, .svg, .png).
    #[arg(long)]
    pub out: PathBuf,
    /// offline (the default and, for now, the only one).
    #[arg(long, default_value = "offline")]
    pub provider: String,
    /// Theme name (see `copilot render --list-themes`).
    #[arg(long)]
    pub theme: Option<String>,
    /// Creation date written into a PDF (YYYY-MM-DD) for byte-identical output.
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(clap::Args)]
pub(crate) struct LetterArgs {
    pub resume: PathBuf,
    pub job: PathBuf,
    #[arg(long, default_value = "offline")]
    pub provider: String,
}

fn offline_only(provider: &str) -> Result<(), Failure> {
    if provider == "offline" {
        Ok(())
    } else {
        Err(Failure::Io(format!(
            "--provider {provider}: only the offline provider is available in this build"
        )))
    }
}

pub(crate) fn tailor(args: TailorArgs) -> Result<(), Failure> {
    offline_only(&args.provider)?;
    let ext = args
        .out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = OutputFormat::from_extension(&ext).ok_or_else(|| {
        Failure::Io(format!(
            "{}: unknown output extension {ext:?}",
            args.out.display()
        ))
    })?;
    let profile = load_resume(&args.resume)?;
    let job = load_job(&args.job)?;
    let tailored = career_copilot::ats::optimize::optimize(&profile.value, &job);
    for change in &tailored.changes {
        eprintln!(
            "copilot: change: {}",
            serde_json::to_string(change).unwrap_or_default()
        );
    }
    let render_args = crate::render::RenderArgs {
        profile: None,
        out: Some(args.out.clone()),
        theme: args.theme,
        list_themes: false,
        page: None,
        locale: None,
        sections: None,
        accent: None,
        font: None,
        anonymize: false,
        date: args.date,
    };
    let options = crate::render::options(&render_args)?;
    let rendered = render::render(&tailored.profile, &options, format)
        .map_err(|e| Failure::Input(args.resume.clone(), e))?;
    crate::render::write_pages(&args.out, &rendered)?;
    eprintln!(
        "copilot: wrote {} ({} change(s))",
        args.out.display(),
        tailored.changes.len()
    );
    Ok(())
}

pub(crate) fn letter(args: LetterArgs) -> Result<(), Failure> {
    offline_only(&args.provider)?;
    Err(Failure::Io(
        "letter: cover letters arrive with the generate module; not in this build".into(),
    ))
}
