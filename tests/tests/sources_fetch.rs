//! Sources end to end against local HTTP servers on 127.0.0.1 (wiremock) through the real
//! client and its retry layer: realistic payloads, then injected faults (500, 429 with
//! Retry-After, timeouts, truncated JSON, HTML where JSON was expected, a closed port). Every
//! fault must end in a logged, typed outcome, and no refresh may hang.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use career_copilot::http::{HttpClient, ReqwestClient, RetryPolicy, Retrying, TokioClock};
use career_copilot::sources::{
    FetchErrorKind, FetchOptions, Greenhouse, JobSource, JsonLdPage, Known, Lever, Outcome,
    Progress, RefreshOptions, RefreshReport, RemoteOk, SourcePlan, WeWorkRemotely, refresh,
};
use wiremock::matchers::{header_exists, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/sources")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn remoteok_sample() -> Vec<u8> {
    career_copilot_e2e::data_dir()
        .and_then(|d| std::fs::read(d.join("jobs/remoteok-sample/remoteok.json")).ok())
        .unwrap_or_else(|| fixture("remoteok-mini.json"))
}

/// The production stack: the reqwest client under the retry and rate-limit layer, with short
/// backoff so the fault tests stay quick.
fn client() -> Arc<dyn HttpClient> {
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(50),
        max_delay: Duration::from_millis(200),
        max_total_wait: Duration::from_secs(3),
        ..RetryPolicy::default()
    };
    Arc::new(Retrying::new(ReqwestClient::new().unwrap(), Arc::new(TokioClock)).with_policy(policy))
}

fn opts() -> RefreshOptions {
    RefreshOptions {
        fetch: FetchOptions {
            timeout: Duration::from_millis(800),
            ..FetchOptions::default()
        },
        clock: None,
    }
}

async fn run(plans: Vec<(Arc<dyn JobSource>, Arc<dyn HttpClient>)>) -> RefreshReport {
    let plans: Vec<SourcePlan> = plans
        .into_iter()
        .map(|(source, client)| SourcePlan { source, client })
        .collect();
    let quiet = |_: Progress<'_>| {};
    let started = Instant::now();
    let report = tokio::time::timeout(
        Duration::from_secs(60),
        refresh(&plans, &Known::default(), &opts(), &quiet),
    )
    .await
    .expect("a refresh never hangs");
    eprintln!(
        "refresh of {} sources took {:?}",
        plans.len(),
        started.elapsed()
    );
    report
}

#[tokio::test]
async fn every_source_against_local_servers() {
    let server = MockServer::start().await;
    let serve = |p: &'static str, body: Vec<u8>, ct: &'static str| {
        Mock::given(method("GET"))
            .and(path(p))
            .and(header_exists("user-agent"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, ct))
    };
    serve("/api", remoteok_sample(), "application/json")
        .mount(&server)
        .await;
    serve(
        "/v1/boards/northwind/jobs",
        fixture("greenhouse-jobs.json"),
        "application/json",
    )
    .mount(&server)
    .await;
    Mock::given(method("GET"))
        .and(path("/v0/postings/contoso"))
        .and(query_param("mode", "json"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(fixture("lever-postings.json"), "application/json"),
        )
        .mount(&server)
        .await;
    serve(
        "/remote-jobs.rss",
        fixture("wwr-remote-jobs.rss"),
        "application/rss+xml",
    )
    .mount(&server)
    .await;
    serve(
        "/careers/staff-platform-engineer",
        fixture("jsonld-posting.html"),
        "text/html",
    )
    .mount(&server)
    .await;
    let base = server.uri();
    let http = client();
    let report = run(vec![
        (Arc::new(RemoteOk::with_base_url(&base)), http.clone()),
        (
            Arc::new(Greenhouse::new("northwind").with_base_url(&base)),
            http.clone(),
        ),
        (
            Arc::new(Lever::new("contoso").with_base_url(&base)),
            http.clone(),
        ),
        (
            Arc::new(WeWorkRemotely::default().with_base_url(&base)),
            http.clone(),
        ),
        (
            Arc::new(JsonLdPage::new(format!(
                "{base}/careers/staff-platform-engineer"
            ))),
            http.clone(),
        ),
    ])
    .await;
    for log in &report.logs {
        eprintln!("{}", serde_json::to_string(log).unwrap());
        assert_eq!(log.outcome, Outcome::Ok, "{log:?}");
    }
    let found: Vec<usize> = report.logs.iter().map(|l| l.found).collect();
    let remoteok_jobs = if career_copilot_e2e::data_dir().is_some() {
        15
    } else {
        3
    };
    assert_eq!(found, vec![remoteok_jobs, 3, 3, 3, 1]);
    // The WWR copy of Greenhouse's Senior Data Engineer is merged into the employer's posting.
    assert_eq!(report.logs[3].duplicates, 1);
    assert_eq!(report.jobs.len(), remoteok_jobs + 3 + 3 + 2 + 1);
    let remoteok = report
        .jobs
        .iter()
        .find(|j| j.source.as_deref() == Some("remoteok"))
        .unwrap();
    assert_eq!(remoteok.extra["attribution"]["name"], "Remote OK");
    assert!(report.logs[0].warnings.iter().any(|w| w.code == "terms"));
    let staff = report
        .jobs
        .iter()
        .find(|j| j.source.as_deref() == Some("jsonld"))
        .unwrap();
    assert_eq!(staff.company.as_deref(), Some("Fabrikam GmbH"));
}

#[tokio::test]
async fn faults_end_in_typed_logged_outcomes() {
    let server = MockServer::start().await;
    let at = |p: &'static str| Mock::given(method("GET")).and(path(p));
    // 500 every time: retried, then a Status failure.
    at("/v1/boards/down/jobs")
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    // 429 with Retry-After once, then the payload: the retry layer waits and succeeds.
    at("/v1/boards/busy/jobs")
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    at("/v1/boards/busy/jobs")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(fixture("greenhouse-jobs.json"), "application/json"),
        )
        .mount(&server)
        .await;
    // 429 every time: RateLimited.
    at("/v1/boards/limited/jobs")
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .mount(&server)
        .await;
    // Slower than the timeout.
    at("/v0/postings/slow")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(fixture("lever-postings.json"), "application/json")
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    // Cut off halfway.
    let mut cut = fixture("lever-postings.json");
    cut.truncate(cut.len() / 2);
    at("/v0/postings/cut")
        .respond_with(ResponseTemplate::new(200).set_body_raw(cut, "application/json"))
        .mount(&server)
        .await;
    // A maintenance page where JSON was expected.
    at("/api")
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            "<!DOCTYPE html><html><body><h1>We'll be right back</h1></body></html>",
            "text/html",
        ))
        .mount(&server)
        .await;
    // A feed that is not a feed.
    at("/remote-jobs.rss")
        .respond_with(
            ResponseTemplate::new(200).set_body_raw("{\"error\": \"gone\"}", "application/json"),
        )
        .mount(&server)
        .await;
    // A closed port.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let a = l.local_addr().unwrap();
        drop(l);
        format!("http://{a}")
    };
    let base = server.uri();
    let http = client();
    let report = run(vec![
        (
            Arc::new(Greenhouse::new("down").with_base_url(&base)),
            http.clone(),
        ),
        (
            Arc::new(Greenhouse::new("busy").with_base_url(&base)),
            http.clone(),
        ),
        (
            Arc::new(Greenhouse::new("limited").with_base_url(&base)),
            http.clone(),
        ),
        (
            Arc::new(Lever::new("slow").with_base_url(&base)),
            http.clone(),
        ),
        (
            Arc::new(Lever::new("cut").with_base_url(&base)),
            http.clone(),
        ),
        (Arc::new(RemoteOk::with_base_url(&base)), http.clone()),
        (
            Arc::new(WeWorkRemotely::default().with_base_url(&base)),
            http.clone(),
        ),
        (
            Arc::new(Lever::new("nobody").with_base_url(&closed)),
            http.clone(),
        ),
    ])
    .await;
    for log in &report.logs {
        eprintln!("{}", serde_json::to_string(log).unwrap());
    }
    let got: Vec<(Outcome, Option<FetchErrorKind>, Option<u16>)> = report
        .logs
        .iter()
        .map(|l| {
            (
                l.outcome,
                l.errors.first().map(|e| e.kind),
                l.errors.first().and_then(|e| e.status),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Outcome::Failed, Some(FetchErrorKind::Status), Some(500)),
            (Outcome::Ok, None, None),
            (
                Outcome::Failed,
                Some(FetchErrorKind::RateLimited),
                Some(429)
            ),
            (Outcome::Failed, Some(FetchErrorKind::Timeout), None),
            (Outcome::Failed, Some(FetchErrorKind::Malformed), None),
            (
                Outcome::Failed,
                Some(FetchErrorKind::UnexpectedContent),
                None
            ),
            (
                Outcome::Failed,
                Some(FetchErrorKind::UnexpectedContent),
                None
            ),
            (Outcome::Failed, Some(FetchErrorKind::Unreachable), None),
        ]
    );
    // The one healthy source still delivered.
    assert_eq!(report.logs[1].found, 3);
    assert_eq!(report.jobs.len(), 3);
    // The 500 was retried before giving up.
    let requests = server.received_requests().await.unwrap_or_default();
    let tries = requests
        .iter()
        .filter(|r| r.url.path() == "/v1/boards/down/jobs")
        .count();
    assert!(tries > 1, "500 retried: {tries} tries");
    assert!(requests.iter().all(|r| {
        r.headers
            .get("user-agent")
            .is_some_and(|v| v.to_str().unwrap_or("").starts_with("career-copilot/"))
    }));
}
