//! `copilot jobs ...`: job aggregation over the store. Owned by the sources work (issue 7).

use crate::Failure;

#[derive(clap::Subcommand)]
pub(crate) enum JobsCommand {
    /// Fetch jobs from a source into the store.
    Fetch { source: String },
}

pub(crate) fn run(_cmd: JobsCommand) -> Result<(), Failure> {
    Err(Failure::Io("jobs is not built yet".into()))
}
