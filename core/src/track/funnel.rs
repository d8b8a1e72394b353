//! Funnel analytics: how far applications get, how long they sit in each stage, by source.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Application, Stage, Timestamp};

/// The whole funnel at a moment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Funnel {
    pub total: usize,
    /// Applications currently in each stage.
    pub by_stage: BTreeMap<Stage, usize>,
    /// Applications that were sent (reached `applied` or beyond).
    pub applied: usize,
    /// Sent applications that got any answer: screening, interviewing, offer, accepted or rejected.
    pub responded: usize,
    /// Sent applications that reached interviewing.
    pub interviewed: usize,
    /// Sent applications that reached an offer.
    pub offers: usize,
    /// `responded / applied` (0 when nothing was sent).
    pub response_rate: f64,
    pub interview_rate: f64,
    pub offer_rate: f64,
    /// Time spent in each stage, over every visit (the current one counts up to `now`).
    pub time_in_stage: BTreeMap<Stage, StageTime>,
    /// The same counts per source (`unknown` when the application has none).
    pub by_source: BTreeMap<String, SourceFunnel>,
}

/// Durations of the visits to one stage, in seconds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StageTime {
    pub visits: usize,
    pub mean_secs: f64,
    pub median_secs: f64,
}

/// Funnel counts for one source.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SourceFunnel {
    pub total: usize,
    pub applied: usize,
    pub responded: usize,
    pub offers: usize,
    pub response_rate: f64,
}

fn reached(app: &Application, stages: &[Stage]) -> bool {
    app.history.iter().any(|c| stages.contains(&c.to)) || stages.contains(&app.stage)
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// Computes the funnel over `apps` at `now`.
pub fn funnel(apps: &[Application], now: Timestamp) -> Funnel {
    use Stage::*;
    let sent = [
        Applied,
        Screening,
        Interviewing,
        Offer,
        Accepted,
        Rejected,
        Ghosted,
    ];
    let answered = [Screening, Interviewing, Offer, Accepted, Rejected];
    let mut f = Funnel {
        total: apps.len(),
        ..Funnel::default()
    };
    let mut durations: BTreeMap<Stage, Vec<i64>> = BTreeMap::new();
    for app in apps {
        *f.by_stage.entry(app.stage).or_default() += 1;
        let is_sent = reached(app, &sent);
        // A rejection straight from `saved` cannot happen (see `next_stages`), so an answer
        // always follows a sent application.
        let got_answer = is_sent && reached(app, &answered);
        let got_offer = reached(app, &[Offer, Accepted]);
        f.applied += usize::from(is_sent);
        f.responded += usize::from(got_answer);
        f.interviewed += usize::from(reached(app, &[Interviewing]));
        f.offers += usize::from(got_offer);
        let src = f
            .by_source
            .entry(app.source.clone().unwrap_or_else(|| "unknown".into()))
            .or_default();
        src.total += 1;
        src.applied += usize::from(is_sent);
        src.responded += usize::from(got_answer);
        src.offers += usize::from(got_offer);

        for (i, change) in app.history.iter().enumerate() {
            let end = match app.history.get(i + 1) {
                Some(next) => next.at,
                None if change.to.is_closed() => continue,
                None => now,
            };
            durations
                .entry(change.to)
                .or_default()
                .push((end - change.at).max(0));
        }
    }
    f.response_rate = ratio(f.responded, f.applied);
    f.interview_rate = ratio(f.interviewed, f.applied);
    f.offer_rate = ratio(f.offers, f.applied);
    for s in f.by_source.values_mut() {
        s.response_rate = ratio(s.responded, s.applied);
    }
    for (stage, mut d) in durations {
        d.sort_unstable();
        let n = d.len();
        let median = if n % 2 == 1 {
            d[n / 2] as f64
        } else {
            (d[n / 2 - 1] + d[n / 2]) as f64 / 2.0
        };
        let mean = d.iter().map(|&x| x as f64).sum::<f64>() / n as f64;
        f.time_in_stage.insert(
            stage,
            StageTime {
                visits: n,
                mean_secs: mean,
                median_secs: median,
            },
        );
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::track::move_to;

    fn app(id: &str, source: &str, path: &[(Stage, Timestamp)]) -> Application {
        let mut a = Application::new(id, Stage::Saved, 0);
        a.source = Some(source.into());
        for &(s, at) in path {
            move_to(&mut a, s, at, None).unwrap();
        }
        a
    }

    #[test]
    fn rates_time_in_stage_and_sources() {
        use Stage::*;
        let apps = vec![
            app(
                "1",
                "remoteok",
                &[
                    (Applied, 10),
                    (Screening, 20),
                    (Interviewing, 40),
                    (Offer, 100),
                ],
            ),
            app("2", "remoteok", &[(Applied, 10), (Rejected, 30)]),
            app("3", "referral", &[(Applied, 10), (Ghosted, 50)]),
            app("4", "referral", &[]),
        ];
        let f = funnel(&apps, 200);
        assert_eq!(
            (f.total, f.applied, f.responded, f.interviewed, f.offers),
            (4, 3, 2, 1, 1)
        );
        assert!((f.response_rate - 2.0 / 3.0).abs() < 1e-9);
        assert!((f.offer_rate - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(f.by_stage[&Saved], 1);
        assert_eq!(f.by_stage[&Offer], 1);
        // Applied: 10 (1), 20 (2), 40 (3): mean 23.33, median 20.
        let applied = &f.time_in_stage[&Applied];
        assert_eq!((applied.visits, applied.median_secs), (3, 20.0));
        // Saved: 10, 10, 10 and app 4 still saved since 0: 200.
        assert_eq!(f.time_in_stage[&Saved].visits, 4);
        assert_eq!(f.time_in_stage[&Saved].median_secs, 10.0);
        // The offer is still open: 100 s so far. Rejected is closed: not timed.
        assert_eq!(f.time_in_stage[&Offer].mean_secs, 100.0);
        assert!(!f.time_in_stage.contains_key(&Rejected));
        assert_eq!(f.by_source["remoteok"].response_rate, 1.0);
        assert_eq!(f.by_source["referral"].applied, 1);
        assert_eq!(f.by_source["referral"].response_rate, 0.0);
    }

    #[test]
    fn empty_funnel_has_zero_rates() {
        let f = funnel(&[], 0);
        assert_eq!((f.total, f.response_rate), (0, 0.0));
    }
}
