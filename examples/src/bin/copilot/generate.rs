//! `copilot tailor` and `copilot letter`. Owned by the generate work (issue 5).

use std::path::PathBuf;

use crate::Failure;

#[derive(clap::Args)]
pub(crate) struct TailorArgs {
    pub resume: PathBuf,
    pub job: PathBuf,
    /// Output file; the format comes from its extension (.pdf, .json, .md, .txt, .html, .docx).
    #[arg(long)]
    pub out: PathBuf,
    /// offline (default), openai, anthropic or ollama; keys come from the environment.
    #[arg(long, default_value = "offline")]
    pub provider: String,
}

#[derive(clap::Args)]
pub(crate) struct LetterArgs {
    pub resume: PathBuf,
    pub job: PathBuf,
    #[arg(long, default_value = "offline")]
    pub provider: String,
}

pub(crate) fn tailor(_args: TailorArgs) -> Result<(), Failure> {
    Err(Failure::Io("tailor is not built yet".into()))
}

pub(crate) fn letter(_args: LetterArgs) -> Result<(), Failure> {
    Err(Failure::Io("letter is not built yet".into()))
}
