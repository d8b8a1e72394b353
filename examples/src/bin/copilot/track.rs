//! `copilot track ...`: application tracking over the store. Owned by the store work (issue 7).

use crate::Failure;

#[derive(clap::Subcommand)]
pub(crate) enum TrackCommand {
    /// List applications.
    List,
}

pub(crate) fn run(_cmd: TrackCommand) -> Result<(), Failure> {
    Err(Failure::Io("track is not built yet".into()))
}
