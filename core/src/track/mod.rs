//! Application tracking: the pipeline, reminders and funnel analytics.
//!
//! Everything here is pure: it changes or reads [`Application`] values and takes the time as an
//! argument. Keeping them is the store's job ([`crate::store::ApplicationStore`]); delivering
//! reminders is the host's (call [`due_reminders`] on a timer, show them, then [`mark_done`]).
//!
//! ```
//! use career_copilot::model::{Application, Stage};
//! use career_copilot::track;
//!
//! let mut app = Application::new("acme-rust", Stage::Saved, 1_000);
//! track::move_to(&mut app, Stage::Applied, 2_000, Some("CV v3 and letter"))?;
//! track::add_reminder(&mut app, 2_000 + 7 * 86_400, "Follow up with the recruiter");
//! assert!(track::due_reminders(&[app.clone()], 3_000).is_empty());
//! assert_eq!(track::due_reminders(&[app], 2_000 + 8 * 86_400).len(), 1);
//! let err = track::check_transition(Stage::Rejected, Stage::Offer).unwrap_err();
//! assert_eq!(err.to_string(), "cannot move an application from rejected to offer");
//! # Ok::<(), career_copilot::track::TransitionError>(())
//! ```

mod funnel;

pub use funnel::{Funnel, SourceFunnel, StageTime, funnel};

use serde::{Deserialize, Serialize};

use crate::model::{Application, Note, Reminder, Stage, StageChange, Timestamp};

/// Why a move was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The pipeline does not allow this move.
    #[error("cannot move an application from {from} to {to}")]
    NotAllowed { from: Stage, to: Stage },
    /// The move is dated before the application's last change.
    #[error("cannot move an application at {at}: its last change was at {last}")]
    BackInTime { at: Timestamp, last: Timestamp },
}

impl From<TransitionError> for crate::Error {
    fn from(e: TransitionError) -> Self {
        crate::Error::invalid("stage transition", e.to_string())
    }
}

/// The stages an application in `from` may move to.
pub fn next_stages(from: Stage) -> &'static [Stage] {
    use Stage::*;
    match from {
        Saved => &[Applied, Withdrawn],
        Applied => &[Screening, Interviewing, Offer, Rejected, Withdrawn, Ghosted],
        Screening => &[Interviewing, Offer, Rejected, Withdrawn, Ghosted],
        Interviewing => &[Offer, Rejected, Withdrawn, Ghosted],
        Offer => &[Accepted, Rejected, Withdrawn],
        // A ghosting company may still come back.
        Ghosted => &[Screening, Interviewing, Offer, Rejected, Withdrawn],
        Accepted | Rejected | Withdrawn => &[],
    }
}

/// Whether `from -> to` is allowed.
pub fn check_transition(from: Stage, to: Stage) -> Result<(), TransitionError> {
    if next_stages(from).contains(&to) {
        Ok(())
    } else {
        Err(TransitionError::NotAllowed { from, to })
    }
}

/// Moves `app` to `to` at `at`, recording the change (and the note) in its history.
pub fn move_to(
    app: &mut Application,
    to: Stage,
    at: Timestamp,
    note: Option<&str>,
) -> Result<(), TransitionError> {
    check_transition(app.stage, to)?;
    if at < app.updated_at {
        return Err(TransitionError::BackInTime {
            at,
            last: app.updated_at,
        });
    }
    app.history.push(StageChange {
        from: Some(app.stage),
        to,
        at,
        note: note.map(str::to_string),
    });
    app.stage = to;
    app.updated_at = at;
    Ok(())
}

/// Adds a dated note.
pub fn add_note(app: &mut Application, at: Timestamp, text: &str) {
    app.notes.push(Note {
        at,
        text: text.to_string(),
    });
    app.updated_at = app.updated_at.max(at);
}

/// Schedules a follow-up; returns its id (`r1`, `r2`, ... within the application).
pub fn add_reminder(app: &mut Application, due_at: Timestamp, text: &str) -> String {
    let n = app
        .reminders
        .iter()
        .filter_map(|r| r.id.strip_prefix('r').and_then(|n| n.parse::<u64>().ok()))
        .max()
        .unwrap_or(0)
        + 1;
    let id = format!("r{n}");
    app.reminders.push(Reminder {
        id: id.clone(),
        due_at,
        text: text.to_string(),
        done: false,
    });
    id
}

/// Marks a reminder delivered or dismissed. False if the application has no such reminder.
pub fn mark_done(app: &mut Application, reminder_id: &str) -> bool {
    match app.reminders.iter_mut().find(|r| r.id == reminder_id) {
        Some(r) => {
            r.done = true;
            true
        }
        None => false,
    }
}

/// A reminder that has come due, for the host to deliver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueReminder {
    pub application_id: String,
    pub reminder_id: String,
    pub due_at: Timestamp,
    pub text: String,
    pub stage: Stage,
}

/// Every open reminder due at `now`, oldest first, skipping closed applications
/// (accepted, rejected, withdrawn): nobody follows those up.
pub fn due_reminders(apps: &[Application], now: Timestamp) -> Vec<DueReminder> {
    let mut due: Vec<DueReminder> = apps
        .iter()
        .filter(|a| !a.stage.is_closed())
        .flat_map(|a| {
            a.reminders
                .iter()
                .filter(move |r| !r.done && r.due_at <= now)
                .map(move |r| DueReminder {
                    application_id: a.id.clone(),
                    reminder_id: r.id.clone(),
                    due_at: r.due_at,
                    text: r.text.clone(),
                    stage: a.stage,
                })
        })
        .collect();
    due.sort_by(|a, b| {
        (a.due_at, &a.application_id, &a.reminder_id).cmp(&(
            b.due_at,
            &b.application_id,
            &b.reminder_id,
        ))
    });
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_allowed_move_works_and_every_other_is_named() {
        for from in Stage::ALL {
            for to in Stage::ALL {
                let mut app = Application::new("a", from, 0);
                let res = move_to(&mut app, to, 5, None);
                if next_stages(from).contains(&to) {
                    res.unwrap();
                    assert_eq!(app.stage, to);
                    assert_eq!(app.history.last().unwrap().from, Some(from));
                    assert_eq!(app.updated_at, 5);
                } else {
                    let err = res.unwrap_err();
                    assert_eq!(err, TransitionError::NotAllowed { from, to });
                    assert_eq!(app.stage, from, "a refused move changes nothing");
                    assert_eq!(app.history.len(), 1);
                }
            }
        }
    }

    #[test]
    fn closed_stages_are_final_and_time_does_not_run_backwards() {
        for s in [Stage::Accepted, Stage::Rejected, Stage::Withdrawn] {
            assert!(next_stages(s).is_empty());
        }
        let mut app = Application::new("a", Stage::Saved, 100);
        let err = move_to(&mut app, Stage::Applied, 99, None).unwrap_err();
        assert_eq!(err, TransitionError::BackInTime { at: 99, last: 100 });
        let core: crate::Error = err.into();
        assert_eq!(core.code(), "invalid_input");
    }

    #[test]
    fn reminders_come_due_once_and_skip_closed_applications() {
        let mut a = Application::new("a", Stage::Applied, 0);
        let r1 = add_reminder(&mut a, 50, "nudge");
        let r2 = add_reminder(&mut a, 10, "thank-you note");
        assert_eq!((r1.as_str(), r2.as_str()), ("r1", "r2"));
        let mut closed = Application::new("b", Stage::Applied, 0);
        add_reminder(&mut closed, 5, "never");
        move_to(&mut closed, Stage::Rejected, 6, None).unwrap();
        let apps = vec![a.clone(), closed];
        let due = due_reminders(&apps, 50);
        let ids: Vec<_> = due.iter().map(|d| d.reminder_id.as_str()).collect();
        assert_eq!(
            ids,
            ["r2", "r1"],
            "oldest first; the closed application is skipped"
        );
        assert!(due_reminders(&apps, 9).is_empty());
        assert!(mark_done(&mut a, "r2"));
        assert!(!mark_done(&mut a, "r9"));
        assert_eq!(due_reminders(&[a], 50).len(), 1);
    }

    #[test]
    fn notes_are_dated() {
        let mut a = Application::new("a", Stage::Saved, 0);
        add_note(&mut a, 7, "Recruiter: Sam");
        assert_eq!(
            a.notes[0],
            Note {
                at: 7,
                text: "Recruiter: Sam".into()
            }
        );
        assert_eq!(a.updated_at, 7);
    }
}
