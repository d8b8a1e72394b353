#![allow(clippy::unwrap_used)]
//! Sources and the refresh over an in-memory client serving the fixture payloads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::*;
use crate::Error;
use crate::http::{Request, Response};

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/sources/");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIX}{name}")).unwrap()
}

/// The legal notice and the first three postings of the shared RemoteOK sample.
fn remoteok_sample() -> Vec<u8> {
    fixture("remoteok-mini.json")
}

/// Answers by URL path prefix; anything else is a 404. Records every request.
#[derive(Debug, Default)]
struct Fake {
    routes: HashMap<String, std::result::Result<Response, String>>,
    seen: Mutex<Vec<Request>>,
}

impl Fake {
    fn ok(mut self, path: &str, body: Vec<u8>) -> Self {
        self.routes.insert(
            path.into(),
            Ok(Response {
                status: 200,
                headers: vec![],
                body,
            }),
        );
        self
    }
    fn status(mut self, path: &str, status: u16, body: &str) -> Self {
        self.routes.insert(
            path.into(),
            Ok(Response {
                status,
                headers: vec![("retry-after".into(), "1".into())],
                body: body.as_bytes().to_vec(),
            }),
        );
        self
    }
    fn timeout(mut self, path: &str) -> Self {
        self.routes.insert(path.into(), Err("timeout".into()));
        self
    }
}

#[async_trait::async_trait]
impl HttpClient for Fake {
    async fn send(&self, request: Request) -> Result<Response> {
        self.seen.lock().unwrap().push(request.clone());
        let path = request.url.trim_start_matches("http://fake");
        let route = self
            .routes
            .iter()
            .filter(|(p, _)| path.starts_with(p.as_str()))
            .max_by_key(|(p, _)| p.len());
        match route {
            Some((_, Ok(r))) => Ok(r.clone()),
            Some((_, Err(_))) => Err(Error::Timeout {
                what: request.url.clone(),
                after_ms: 10,
            }),
            None => Ok(Response {
                status: 404,
                headers: vec![],
                body: b"not found".to_vec(),
            }),
        }
    }
}

fn run<T>(f: impl std::future::Future<Output = T>) -> T {
    futures::executor::block_on(f)
}

#[test]
fn remoteok_reads_the_sample_with_attribution() {
    let http = Fake::default().ok("/api", remoteok_sample());
    let got =
        run(RemoteOk::with_base_url("http://fake").fetch(&http, &FetchOptions::default())).unwrap();
    assert_eq!(got.jobs.len(), 3, "4 elements, the first a legal notice");
    assert!(
        got.warnings
            .iter()
            .any(|w| w.code == "terms" && w.message.contains("link back"))
    );
    let j = &got.jobs[0];
    assert_eq!(j.source.as_deref(), Some("remoteok"));
    assert_eq!(j.source_id.as_deref(), Some("1130788"));
    assert_eq!(j.id.as_deref(), Some("remoteok:1130788"));
    assert_eq!(j.company.as_deref(), Some("Fisher Agencies"));
    let attribution = &j.extra["attribution"];
    assert_eq!(attribution["name"], "Remote OK");
    assert!(
        attribution["url"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("remoteok.com/remote-jobs/")
    );
    let req = &http.seen.lock().unwrap()[0];
    assert!(
        req.headers
            .iter()
            .any(|(k, v)| k == "user-agent" && v.starts_with("career-copilot/"))
    );
    assert_eq!(req.timeout, Some(FetchOptions::default().timeout));
}

#[test]
fn greenhouse_lever_wwr_and_pages() {
    let http = Fake::default()
        .ok("/v1/boards/northwind/jobs", fixture("greenhouse-jobs.json"))
        .ok("/v0/postings/contoso", fixture("lever-postings.json"))
        .ok("/remote-jobs.rss", fixture("wwr-remote-jobs.rss"))
        .ok("/careers/staff", fixture("jsonld-posting.html"));
    let o = FetchOptions::default();
    let gh = run(Greenhouse::new("northwind")
        .with_base_url("http://fake")
        .fetch(&http, &o))
    .unwrap();
    assert_eq!(gh.jobs.len(), 3);
    let de = &gh.jobs[0];
    assert_eq!(de.id.as_deref(), Some("greenhouse:4012345006"));
    assert_eq!(de.company.as_deref(), Some("Northwind Analytics, Inc."));
    assert_eq!(
        de.employment_type,
        Some(crate::model::EmploymentType::FullTime)
    );
    assert!(
        de.description.contains("Snowflake"),
        "escaped HTML is read: {}",
        de.description
    );
    assert!(
        de.required_skills
            .iter()
            .any(|s| s.name == "Apache Kafka" || s.name == "Kafka")
    );

    let lv = run(Lever::new("contoso")
        .with_base_url("http://fake")
        .fetch(&http, &o))
    .unwrap();
    assert_eq!(lv.jobs.len(), 3);
    assert_eq!(lv.requests, 1, "fewer than a page: one request");
    let be = &lv.jobs[0];
    assert_eq!(be.company.as_deref(), Some("contoso"));
    assert_eq!(
        be.salary.as_ref().and_then(|s| s.currency.as_deref()),
        Some("EUR")
    );
    assert_eq!(be.date_posted.as_deref(), Some("2026-03-04"));
    assert!(
        http.seen
            .lock()
            .unwrap()
            .iter()
            .any(|r| r.url.contains("mode=json&skip=0&limit=100"))
    );

    let wwr = run(WeWorkRemotely::default()
        .with_base_url("http://fake")
        .fetch(&http, &o))
    .unwrap();
    assert_eq!(wwr.jobs.len(), 3);
    let w = &wwr.jobs[1];
    assert_eq!(w.title.as_deref(), Some("Senior Ruby on Rails Developer"));
    assert_eq!(w.company.as_deref(), Some("Tallyho"));
    assert_eq!(w.source.as_deref(), Some("weworkremotely"));
    assert_eq!(
        w.source_id.as_deref(),
        Some("tallyho-senior-ruby-on-rails-developer")
    );
    assert_eq!(w.date_posted.as_deref(), Some("2026-03-10T09:00:00+00:00"));
    assert_eq!(w.workplace_type, Some(crate::model::WorkplaceType::Remote));
    assert_eq!(w.extra["attribution"]["name"], "We Work Remotely");

    #[cfg(feature = "html")]
    {
        let page = run(JsonLdPage::new("http://fake/careers/staff").fetch(&http, &o)).unwrap();
        assert_eq!(page.jobs.len(), 1);
        let p = &page.jobs[0];
        assert_eq!(p.title.as_deref(), Some("Staff Platform Engineer"));
        assert_eq!(p.source.as_deref(), Some("jsonld"));
        assert_eq!(
            p.source_id.as_deref(),
            Some("https://careers.fabrikam.example/jobs/staff-platform-engineer")
        );
        assert_eq!(p.years_min, Some(8.0));
        let none = run(JsonLdPage::new("http://fake/v1/boards/northwind/jobs").fetch(&http, &o));
        assert!(
            matches!(none, Err(Error::UnsupportedFormat(_))),
            "JSON is not a page: {none:?}"
        );
    }
}

#[test]
fn greenhouse_without_company_names_asks_the_board() {
    let mut payload: serde_json::Value =
        serde_json::from_slice(&fixture("greenhouse-jobs.json")).unwrap();
    for j in payload["jobs"].as_array_mut().unwrap() {
        j.as_object_mut().unwrap().remove("company_name");
    }
    let http = Fake::default()
        .ok(
            "/v1/boards/northwind/jobs",
            serde_json::to_vec(&payload).unwrap(),
        )
        .ok("/v1/boards/northwind", fixture("greenhouse-board.json"));
    let got = run(Greenhouse::new("northwind")
        .with_base_url("http://fake")
        .fetch(&http, &FetchOptions::default()))
    .unwrap();
    assert_eq!(got.requests, 2);
    assert!(
        got.jobs
            .iter()
            .all(|j| j.company.as_deref() == Some("Northwind Analytics"))
    );
    // The board lookup failing falls back to the token, with a warning.
    let http = Fake::default().ok(
        "/v1/boards/northwind/jobs",
        serde_json::to_vec(&payload).unwrap(),
    );
    let got = run(Greenhouse::new("northwind")
        .with_base_url("http://fake")
        .fetch(&http, &FetchOptions::default()))
    .unwrap();
    assert!(
        got.jobs
            .iter()
            .all(|j| j.company.as_deref() == Some("northwind"))
    );
    assert!(got.warnings.iter().any(|w| w.code == "no-company-name"));
}

#[test]
fn lever_pages_until_a_short_page_and_stops_at_max_pages() {
    let one: serde_json::Value = serde_json::from_slice(&fixture("lever-postings.json")).unwrap();
    let mut page = Vec::new();
    for i in 0..100 {
        let mut p = one[i % 3].clone();
        p["id"] = format!("id-{i}").into();
        page.push(p);
    }
    let http = Fake::default().ok("/v0/postings/big", serde_json::to_vec(&page).unwrap());
    let o = FetchOptions {
        max_pages: 3,
        ..FetchOptions::default()
    };
    let got = run(Lever::new("big")
        .with_base_url("http://fake")
        .fetch(&http, &o))
    .unwrap();
    assert_eq!(got.requests, 3);
    assert!(got.warnings.iter().any(|w| w.code == "max-pages"));
    let o = FetchOptions {
        max_jobs: 150,
        ..FetchOptions::default()
    };
    let got = run(Lever::new("big")
        .with_base_url("http://fake")
        .fetch(&http, &o))
    .unwrap();
    assert_eq!((got.requests, got.jobs.len()), (2, 150));
    assert!(run(Lever::new("../etc").fetch(&http, &o)).is_err());
}

#[test]
fn refresh_survives_failures_and_counts_new_updated_duplicates() {
    let mut truncated = fixture("greenhouse-jobs.json");
    truncated.truncate(truncated.len() / 2);
    let http: Arc<dyn HttpClient> = Arc::new(
        Fake::default()
            .ok("/v1/boards/northwind/jobs", fixture("greenhouse-jobs.json"))
            .ok("/v1/boards/cut/jobs", truncated)
            .ok("/remote-jobs.rss", fixture("wwr-remote-jobs.rss"))
            .ok(
                "/v0/postings/html",
                b"<!DOCTYPE html><html><body>Maintenance</body></html>".to_vec(),
            )
            .status("/api", 429, "slow down")
            .status("/v0/postings/down", 500, "oops")
            .timeout("/v0/postings/slow"),
    );
    let plan = |s: Arc<dyn JobSource>| SourcePlan {
        source: s,
        client: http.clone(),
    };
    let plans = vec![
        plan(Arc::new(
            Greenhouse::new("northwind").with_base_url("http://fake"),
        )),
        plan(Arc::new(
            WeWorkRemotely::default().with_base_url("http://fake"),
        )),
        plan(Arc::new(
            Greenhouse::new("cut").with_base_url("http://fake"),
        )),
        plan(Arc::new(Lever::new("html").with_base_url("http://fake"))),
        plan(Arc::new(RemoteOk::with_base_url("http://fake"))),
        plan(Arc::new(Lever::new("down").with_base_url("http://fake"))),
        plan(Arc::new(Lever::new("slow").with_base_url("http://fake"))),
    ];
    let events = Mutex::new(Vec::new());
    let on = |p: Progress<'_>| {
        events.lock().unwrap().push(match p {
            Progress::Started { source } => format!("start {source}"),
            Progress::Fetched {
                source,
                found,
                error,
            } => {
                format!("done {source} {found} {}", error.is_some())
            }
            Progress::Done { kept, duplicates } => format!("all {kept} {duplicates}"),
        })
    };
    let ticks = Arc::new(std::sync::atomic::AtomicI64::new(1_000));
    let t = ticks.clone();
    let opts = RefreshOptions {
        clock: Some(Arc::new(move || {
            t.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        })),
        ..RefreshOptions::default()
    };
    // The caller already holds the ML job unchanged and the frontend job with other content.
    let prior = run(Greenhouse::new("northwind")
        .with_base_url("http://fake")
        .fetch(http.as_ref(), &opts.fetch))
    .unwrap();
    let mut changed = prior.jobs[1].clone();
    changed.description.push_str("\nNew line.");
    let known = Known::from_jobs([&prior.jobs[2], &changed]);

    let report = run(refresh(&plans, &known, &opts, &on));
    let kinds: Vec<(Outcome, Option<FetchErrorKind>)> = report
        .logs
        .iter()
        .map(|l| (l.outcome, l.errors.first().map(|e| e.kind)))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (Outcome::Ok, None),
            (Outcome::Ok, None),
            (Outcome::Failed, Some(FetchErrorKind::Malformed)),
            (Outcome::Failed, Some(FetchErrorKind::UnexpectedContent)),
            (Outcome::Failed, Some(FetchErrorKind::RateLimited)),
            (Outcome::Failed, Some(FetchErrorKind::Status)),
            (Outcome::Failed, Some(FetchErrorKind::Timeout)),
        ]
    );
    assert!(report.any_failed());
    let gh = &report.logs[0];
    assert_eq!(
        (gh.found, gh.new, gh.updated, gh.unchanged, gh.duplicates),
        (3, 1, 1, 1, 0)
    );
    assert!(gh.started_ms.is_some() && gh.finished_ms > gh.started_ms);
    // WWR lists the same Senior Data Engineer posting as Greenhouse: the employer's board wins.
    let wwr = &report.logs[1];
    assert_eq!((wwr.found, wwr.new, wwr.duplicates), (3, 2, 1));
    assert_eq!(report.jobs.len(), 5);
    let de = report
        .jobs
        .iter()
        .find(|j| j.id.as_deref() == Some("greenhouse:4012345006"))
        .unwrap();
    assert_eq!(de.extra["also_at"][0]["source"], "weworkremotely");
    assert_eq!(report.logs[5].errors[0].status, Some(500));
    let ev = events.lock().unwrap();
    assert_eq!(ev.iter().filter(|e| e.starts_with("start ")).count(), 7);
    assert_eq!(ev.iter().filter(|e| e.starts_with("done ")).count(), 7);
    assert_eq!(ev.last().map(String::as_str), Some("all 5 1"));
    // The logs serialise as data.
    let json = serde_json::to_value(&report.logs[4]).unwrap();
    assert_eq!(json["errors"][0]["kind"], "rate_limited");
    assert_eq!(json["errors"][0]["code"], "http");
}

#[test]
fn an_empty_board_is_not_an_error() {
    let http = Fake::default()
        .ok(
            "/v1/boards/quiet/jobs",
            br#"{"jobs": [], "meta": {"total": 0}}"#.to_vec(),
        )
        .ok("/api", br#"[{"legal": "terms"}]"#.to_vec())
        .ok(
            "/v1/boards/odd/jobs",
            br#"{"error": "board not found"}"#.to_vec(),
        );
    let o = FetchOptions::default();
    assert!(
        run(Greenhouse::new("quiet")
            .with_base_url("http://fake")
            .fetch(&http, &o))
        .unwrap()
        .jobs
        .is_empty()
    );
    assert!(
        run(RemoteOk::with_base_url("http://fake").fetch(&http, &o))
            .unwrap()
            .jobs
            .is_empty()
    );
    let odd = run(Greenhouse::new("odd")
        .with_base_url("http://fake")
        .fetch(&http, &o));
    assert!(matches!(odd, Err(Error::Corrupt { .. })), "{odd:?}");
}
