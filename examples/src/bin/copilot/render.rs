//! `copilot render`. Owned by the render work (issue 6).

use std::path::PathBuf;

use crate::Failure;

#[derive(clap::Args)]
pub(crate) struct RenderArgs {
    /// The profile (any resume format `copilot parse` reads).
    pub profile: Option<PathBuf>,
    /// Output file; the format comes from its extension.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Theme name (see `--list-themes`).
    #[arg(long)]
    pub theme: Option<String>,
    /// Print the theme names, one a line.
    #[arg(long)]
    pub list_themes: bool,
}

pub(crate) fn run(_args: RenderArgs) -> Result<(), Failure> {
    Err(Failure::Io("render is not built yet".into()))
}
