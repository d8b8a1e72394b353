//! `copilot jobs ...` and `copilot track ...`. Owned by the keep work (issue 7).

use crate::Failure;

#[derive(clap::Subcommand)]
pub(crate) enum JobsCommand {
    /// Fetch jobs from a source into the store.
    Fetch { source: String },
}

#[derive(clap::Subcommand)]
pub(crate) enum TrackCommand {
    /// List applications.
    List,
}

pub(crate) fn jobs(_cmd: JobsCommand) -> Result<(), Failure> {
    Err(Failure::Io("jobs is not built yet".into()))
}

pub(crate) fn track(_cmd: TrackCommand) -> Result<(), Failure> {
    Err(Failure::Io("track is not built yet".into()))
}
