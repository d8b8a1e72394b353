//! Jobs over time: reposts and expiry. Pure: "today" is an argument, dates are ISO 8601.

use serde::{Deserialize, Serialize};

use super::{JobKey, fingerprint, job_key, simhash};
use crate::model::Job;

/// What a store remembers about a job between refreshes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub key: JobKey,
    /// [`fingerprint`] when last seen.
    pub fingerprint: String,
    /// SimHash of the description, when long enough.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simhash: Option<u64>,
    /// ISO dates the job was first and last listed by its source.
    pub first_seen: String,
    pub last_seen: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_posted: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_through: Option<String>,
    /// Set once [`expiry`] said so.
    #[serde(default)]
    pub expired: bool,
}

impl Seen {
    /// The record for a job first listed `today`.
    pub fn new(job: &Job, today: &str) -> Option<Self> {
        Some(Seen {
            key: job_key(job)?,
            fingerprint: fingerprint(job),
            simhash: simhash(&job.description),
            first_seen: today.into(),
            last_seen: today.into(),
            date_posted: job.date_posted.clone(),
            valid_through: job.valid_through.clone(),
            expired: false,
        })
    }
}

/// Days since 1970-01-01 of an ISO date or date-time (`2026-03-16`, `2026-03-16T00:00:03Z`).
pub fn days(iso: &str) -> Option<i64> {
    let d = iso.trim().get(..10)?;
    let mut it = d.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let day: i64 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// When a job counts as gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExpiryPolicy {
    /// Postings older than this (by `date_posted`, else first seen) expire.
    pub max_age_days: u32,
    /// A job its source stopped listing this many days ago expires.
    pub unlisted_days: u32,
}

impl Default for ExpiryPolicy {
    fn default() -> Self {
        ExpiryPolicy {
            max_age_days: 60,
            unlisted_days: 3,
        }
    }
}

/// Why a job expired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expiry {
    /// Its `validThrough` date has passed.
    PastValidThrough,
    /// Older than [`ExpiryPolicy::max_age_days`].
    TooOld,
    /// Not listed by its source for [`ExpiryPolicy::unlisted_days`].
    Unlisted,
}

/// Whether the job has expired by `today`, and why. Unreadable dates never expire a job.
pub fn expiry(seen: &Seen, today: &str, policy: &ExpiryPolicy) -> Option<Expiry> {
    let now = days(today)?;
    if seen
        .valid_through
        .as_deref()
        .and_then(days)
        .is_some_and(|v| v < now)
    {
        return Some(Expiry::PastValidThrough);
    }
    let born = seen
        .date_posted
        .as_deref()
        .and_then(days)
        .or_else(|| days(&seen.first_seen));
    if born.is_some_and(|b| now - b > i64::from(policy.max_age_days)) {
        return Some(Expiry::TooOld);
    }
    if days(&seen.last_seen).is_some_and(|l| now - l >= i64::from(policy.unlisted_days)) {
        return Some(Expiry::Unlisted);
    }
    None
}

/// How a job came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Repost {
    /// The same posting (key) with a later posting date: bumped to look fresh.
    Redated { previous_date: String },
    /// The same posting (key) listed again after it expired.
    Reopened,
    /// An expired job's fingerprint (or near-identical text at the same company) under a new id.
    NewId { previous: JobKey },
}

/// Whether `job` is a repost of something in `history`. A new id whose fingerprint matches a
/// job that is still live is a duplicate, not a repost (dedupe handles it).
pub fn find_repost(job: &Job, history: &[Seen]) -> Option<Repost> {
    let key = job_key(job);
    if let Some(prev) = history.iter().find(|s| Some(&s.key) == key.as_ref()) {
        if prev.expired {
            return Some(Repost::Reopened);
        }
        let (new, old) = (
            job.date_posted.as_deref().and_then(days),
            prev.date_posted.as_deref().and_then(days),
        );
        return match (new, old, &prev.date_posted) {
            (Some(n), Some(o), Some(d)) if n > o => Some(Repost::Redated {
                previous_date: d.clone(),
            }),
            _ => None,
        };
    }
    let fp = fingerprint(job);
    let hash = simhash(&job.description);
    let company = |f: &str| f.split(" | ").next().unwrap_or("").to_string();
    history
        .iter()
        .filter(|s| s.expired)
        .find(|s| {
            (!fp.is_empty() && s.fingerprint == fp)
                || (hash
                    .zip(s.simhash)
                    .is_some_and(|(a, b)| super::distance(a, b) <= super::NEAR_DUPLICATE_BITS)
                    && !fp.is_empty()
                    && company(&s.fingerprint) == company(&fp))
        })
        .map(|s| Repost::NewId {
            previous: s.key.clone(),
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn job(id: &str, posted: &str) -> Job {
        Job {
            source: Some("lever".into()),
            source_id: Some(id.into()),
            title: Some("Sr. Backend Engineer".into()),
            company: Some("Acme, Inc.".into()),
            locations: vec!["Berlin".into()],
            date_posted: Some(posted.into()),
            ..Job::default()
        }
    }

    #[test]
    fn day_numbers() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2000-03-01"), Some(11_017));
        assert_eq!(days("2026-03-16T00:00:03+00:00"), Some(20_528));
        assert_eq!(days("2026-13-01"), None);
        assert_eq!(days("soon"), None);
    }

    #[test]
    fn expiry_rules() {
        let p = ExpiryPolicy::default();
        let mut s = Seen::new(&job("a", "2026-03-01"), "2026-03-02").unwrap();
        assert_eq!(expiry(&s, "2026-03-03", &p), None);
        assert_eq!(expiry(&s, "2026-03-05", &p), Some(Expiry::Unlisted));
        s.last_seen = "2026-05-01".into();
        assert_eq!(expiry(&s, "2026-05-01", &p), Some(Expiry::TooOld));
        s.valid_through = Some("2026-04-01".into());
        assert_eq!(expiry(&s, "2026-04-02", &p), Some(Expiry::PastValidThrough));
        assert_eq!(expiry(&s, "not a date", &p), None);
    }

    #[test]
    fn reposts() {
        let first = job("a", "2026-03-01");
        let mut seen = Seen::new(&first, "2026-03-01").unwrap();
        assert_eq!(find_repost(&first, std::slice::from_ref(&seen)), None);
        assert_eq!(
            find_repost(&job("a", "2026-03-20"), std::slice::from_ref(&seen)),
            Some(Repost::Redated {
                previous_date: "2026-03-01".into()
            })
        );
        // A new id for a live job is a duplicate, not a repost.
        let mut again = job("b", "2026-04-10");
        again.title = Some("Senior Backend Engineer (Remote)".into());
        again.company = Some("ACME".into());
        assert_eq!(find_repost(&again, std::slice::from_ref(&seen)), None);
        seen.expired = true;
        assert_eq!(
            find_repost(&again, std::slice::from_ref(&seen)),
            Some(Repost::NewId {
                previous: seen.key.clone()
            })
        );
        assert_eq!(
            find_repost(&first, std::slice::from_ref(&seen)),
            Some(Repost::Reopened)
        );
    }
}
