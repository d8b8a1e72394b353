//! `Application`: one job application as the tracker keeps it.
//!
//! Times are Unix seconds (UTC) supplied by the caller; the core has no clock.
//! The rules for moving between stages live in [`crate::track`].

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Unix time in seconds (UTC). The caller supplies it; the core never reads a clock.
pub type Timestamp = i64;

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Saved,
    Applied,
    Screening,
    Interviewing,
    Offer,
    Accepted,
    Rejected,
    Withdrawn,
    Ghosted,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 9] = [
        Stage::Saved,
        Stage::Applied,
        Stage::Screening,
        Stage::Interviewing,
        Stage::Offer,
        Stage::Accepted,
        Stage::Rejected,
        Stage::Withdrawn,
        Stage::Ghosted,
    ];

    /// The stage's name as stored and printed (`saved`, `applied`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Saved => "saved",
            Stage::Applied => "applied",
            Stage::Screening => "screening",
            Stage::Interviewing => "interviewing",
            Stage::Offer => "offer",
            Stage::Accepted => "accepted",
            Stage::Rejected => "rejected",
            Stage::Withdrawn => "withdrawn",
            Stage::Ghosted => "ghosted",
        }
    }

    /// Parses a stage name (case-insensitive).
    pub fn parse(name: &str) -> crate::Result<Stage> {
        let lower = name.trim().to_ascii_lowercase();
        Stage::ALL
            .into_iter()
            .find(|s| s.as_str() == lower)
            .ok_or_else(|| {
                crate::Error::invalid(
                    "stage",
                    format!(
                        "`{name}` is not one of saved, applied, screening, interviewing, offer, accepted, rejected, withdrawn, ghosted"
                    ),
                )
            })
    }

    /// True when nothing more is expected (accepted, rejected, withdrawn).
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Accepted | Stage::Rejected | Stage::Withdrawn)
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One move in an application's history. The first entry has `from: None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Stage>,
    pub to: Stage,
    pub at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A dated note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub at: Timestamp,
    pub text: String,
}

/// Someone at the company (recruiter, hiring manager, referrer).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// What kind of document was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Cv,
    Letter,
    Other,
}

/// A document sent with the application: which CV version or which letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSent {
    pub kind: DocumentKind,
    /// The stored profile the CV was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// The profile version (see the profile store) that was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// A free label: a file name, a letter title, a content hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub at: Timestamp,
}

/// A follow-up the host should bring up once `due_at` has passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub id: String,
    pub due_at: Timestamp,
    pub text: String,
    /// Set once the host has delivered or the user has dismissed it.
    #[serde(default)]
    pub done: bool,
}

/// One job application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    /// Unique within its owner; chosen by the caller.
    pub id: String,
    /// The stored job (see the job store) this application is for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the job was found (`remoteok`, `referral`, ...), for funnel analytics by source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub stage: Stage,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StageChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentSent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reminders: Vec<Reminder>,
    /// Keys this crate does not model, kept verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Application {
    /// A new application in `stage`, its history opened at `now`.
    pub fn new(id: impl Into<String>, stage: Stage, now: Timestamp) -> Application {
        Application {
            id: id.into(),
            job_id: None,
            company: None,
            title: None,
            source: None,
            stage,
            created_at: now,
            updated_at: now,
            history: vec![StageChange {
                from: None,
                to: stage,
                at: now,
                note: None,
            }],
            notes: Vec::new(),
            contacts: Vec::new(),
            documents: Vec::new(),
            reminders: Vec::new(),
            extra: Map::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names_round_trip_and_bad_names_are_named() {
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.as_str()).unwrap(), s);
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert_eq!(Stage::parse(" Offer ").unwrap(), Stage::Offer);
        let err = Stage::parse("hired").unwrap_err().to_string();
        assert!(err.contains("`hired`"), "{err}");
    }

    #[test]
    fn application_json_round_trips_with_unknown_keys() {
        let mut app = Application::new("a1", Stage::Saved, 100);
        app.company = Some("Acme".into());
        app.extra.insert("x-color".into(), Value::from("blue"));
        let json = serde_json::to_string(&app).unwrap();
        let back: Application = serde_json::from_str(&json).unwrap();
        assert_eq!(back, app);
        assert_eq!(back.history[0].to, Stage::Saved);
    }
}
