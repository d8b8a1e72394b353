#![allow(clippy::unwrap_used)]
//! Retry policy with a fake clock and a scripted client; the reqwest client against local
//! servers (wiremock and a raw socket) when the `http` feature is on.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::*;
use crate::Error;

/// Answers from a script and counts the calls.
#[derive(Debug, Default)]
struct Scripted {
    script: Mutex<VecDeque<Result<Response>>>,
    calls: Mutex<u32>,
}

impl Scripted {
    fn new(script: Vec<Result<Response>>) -> Arc<Self> {
        Arc::new(Scripted {
            script: Mutex::new(script.into()),
            calls: Mutex::new(0),
        })
    }
    fn calls(&self) -> u32 {
        *self.calls.lock().unwrap()
    }
}

#[async_trait::async_trait]
impl HttpClient for Scripted {
    async fn send(&self, _request: Request) -> Result<Response> {
        *self.calls.lock().unwrap() += 1;
        self.script
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or_else(|| Ok(status(200, &[])))
    }
}

fn status(code: u16, headers: &[(&str, &str)]) -> Response {
    Response {
        status: code,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: format!("status {code}").into_bytes(),
    }
}

fn refused() -> Result<Response> {
    Err(Error::Http {
        url: "http://x".into(),
        status: None,
        reason: "connection refused".into(),
    })
}

const T0: u64 = 784_111_770_000; // Sun, 06 Nov 1994 08:49:30 GMT

fn retrying(client: Arc<Scripted>, clock: Arc<ManualClock>) -> Retrying<Arc<Scripted>> {
    Retrying::new(client, clock).with_policy(RetryPolicy {
        jitter: 0.0,
        ..RetryPolicy::default()
    })
}

fn run<F: std::future::Future>(f: F) -> F::Output {
    futures::executor::block_on(f)
}

#[test]
fn backoff_doubles_is_capped_and_jittered_down() {
    let p = RetryPolicy::default();
    assert_eq!(p.backoff(1, 0.0), Duration::from_millis(500));
    assert_eq!(p.backoff(2, 0.0), Duration::from_secs(1));
    assert_eq!(p.backoff(3, 0.0), Duration::from_secs(2));
    assert_eq!(p.backoff(40, 0.0), p.max_delay);
    assert_eq!(p.backoff(2, 0.999_999).as_millis(), 500);
    assert!(p.next_wait(4, None, Duration::ZERO, 0.0).is_err());
    let over = p.next_wait(1, Some(Duration::from_secs(61)), Duration::ZERO, 0.0);
    assert!(over.unwrap_err().contains("retry budget"));
}

#[test]
fn server_error_then_success() {
    let client = Scripted::new(vec![
        Ok(status(500, &[])),
        Ok(status(502, &[])),
        Ok(status(200, &[])),
    ]);
    let clock = Arc::new(ManualClock::new(T0));
    let r = retrying(client.clone(), clock.clone());
    let resp = run(r.send(Request::get("http://x/a"))).unwrap();
    assert_eq!(resp.status, 200);
    assert_eq!(client.calls(), 3);
    assert_eq!(
        clock.sleeps(),
        [Duration::from_millis(500), Duration::from_secs(1)]
    );
}

#[test]
fn retry_after_seconds_and_dates_are_honoured() {
    let client = Scripted::new(vec![
        Ok(status(429, &[("Retry-After", "3")])),
        Ok(status(
            503,
            &[("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")],
        )),
    ]);
    let clock = Arc::new(ManualClock::new(T0));
    let r = retrying(client.clone(), clock.clone());
    run(r.send(Request::get("http://x/a"))).unwrap();
    // 3 s, then the date 7 s after T0 is 4 s after the first wait.
    assert_eq!(
        clock.sleeps(),
        [Duration::from_secs(3), Duration::from_secs(4)]
    );
}

#[test]
fn outage_gives_a_typed_error_after_bounded_attempts() {
    let client = Scripted::new((0..10).map(|_| Ok(status(503, &[]))).collect());
    let clock = Arc::new(ManualClock::new(T0));
    let r = retrying(client.clone(), clock.clone());
    let err = run(r.send(Request::get("http://x/down"))).unwrap_err();
    match err {
        Error::Http {
            url,
            status,
            reason,
        } => {
            assert_eq!(url, "http://x/down");
            assert_eq!(status, Some(503));
            assert!(reason.contains("4 attempt"), "{reason}");
            assert!(reason.contains("status 503"), "{reason}");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(client.calls(), 4);
    assert!(clock.total_slept() <= RetryPolicy::default().max_total_wait);
}

#[test]
fn retry_after_beyond_budget_gives_up_at_once() {
    let client = Scripted::new(vec![Ok(status(429, &[("retry-after", "3600")]))]);
    let clock = Arc::new(ManualClock::new(T0));
    let err =
        run(retrying(client.clone(), clock.clone()).send(Request::get("http://x/"))).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Http {
                status: Some(429),
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("retry budget"), "{err}");
    assert_eq!(client.calls(), 1);
    assert!(clock.sleeps().is_empty());
}

#[test]
fn client_errors_are_answers_not_retries() {
    let client = Scripted::new(vec![Ok(status(401, &[]))]);
    let clock = Arc::new(ManualClock::new(T0));
    let resp = run(retrying(client.clone(), clock).send(Request::get("http://x/"))).unwrap();
    assert_eq!(resp.status, 401);
    assert_eq!(client.calls(), 1);
}

#[test]
fn transport_failures_are_retried_then_reported() {
    let client = Scripted::new(vec![refused(), Ok(status(200, &[]))]);
    let clock = Arc::new(ManualClock::new(T0));
    assert!(run(retrying(client.clone(), clock).send(Request::get("http://x/"))).is_ok());
    assert_eq!(client.calls(), 2);

    let client = Scripted::new((0..5).map(|_| refused()).collect());
    let clock = Arc::new(ManualClock::new(T0));
    let err = run(retrying(client, clock).send(Request::get("http://x/"))).unwrap_err();
    assert!(matches!(err, Error::Http { status: None, .. }));
    assert!(err.to_string().contains("connection refused"), "{err}");
}

#[test]
fn jitter_stays_within_the_window() {
    let client = Scripted::new((0..3).map(|_| Ok(status(500, &[]))).collect());
    let clock = Arc::new(ManualClock::new(T0));
    let r = Retrying::new(client, clock.clone());
    run(r.send(Request::get("http://x/"))).unwrap();
    let sleeps = clock.sleeps();
    for (i, s) in sleeps.iter().enumerate() {
        let full = Duration::from_millis(500) * (1 << i);
        assert!(*s <= full && *s >= full / 2, "{s:?} vs {full:?}");
    }
}

#[test]
fn rate_limiter_paces_each_host() {
    let client = Scripted::new(vec![]);
    let clock = Arc::new(ManualClock::new(T0));
    let r = retrying(client, clock.clone()).with_rate_limit(Arc::new(RateLimiter::new(2.0, 1)));
    for _ in 0..3 {
        run(r.send(Request::get("http://a.example/x"))).unwrap();
    }
    run(r.send(Request::get("http://b.example/x"))).unwrap();
    assert_eq!(
        clock.sleeps(),
        [Duration::from_millis(500), Duration::from_millis(500)]
    );
}

/// A clock whose sleep cancels the token and then never wakes: the wait must end anyway.
#[derive(Debug)]
struct CancellingClock(CancelToken);

#[async_trait::async_trait]
impl Clock for CancellingClock {
    fn now_ms(&self) -> u64 {
        T0
    }
    async fn sleep(&self, _d: Duration) {
        self.0.cancel();
        futures::future::pending::<()>().await;
    }
}

#[test]
fn cancellation_ends_a_pending_wait_and_blocks_new_requests() {
    let token = CancelToken::new();
    let client = Scripted::new(vec![Ok(status(503, &[]))]);
    let r = Retrying::new(client.clone(), Arc::new(CancellingClock(token.clone())))
        .with_cancel(token.clone());
    let err = run(r.send(Request::get("http://x/"))).unwrap_err();
    assert!(matches!(err, Error::Cancelled(_)), "{err}");
    assert_eq!(client.calls(), 1);
    let err = run(r.send(Request::get("http://x/"))).unwrap_err();
    assert!(matches!(err, Error::Cancelled(_)));
    assert_eq!(client.calls(), 1);
}

#[test]
fn malformed_json_is_a_provider_error_naming_the_api() {
    let resp = Response {
        status: 200,
        headers: vec![],
        body: b"{\"choices\": [".to_vec(),
    };
    let err = resp.json::<serde_json::Value>("openai").unwrap_err();
    assert!(err.to_string().contains("openai") && err.to_string().contains("malformed JSON"));
}

#[cfg(feature = "http")]
mod live {
    //! The reqwest client against servers on 127.0.0.1.

    use super::*;
    use wiremock::matchers::{header, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    fn fast_policy() -> RetryPolicy {
        RetryPolicy {
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
            ..RetryPolicy::default()
        }
    }

    #[tokio::test]
    async fn five_hundred_then_ok_with_user_agent() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/v1/chat"))
            .respond_with(ResponseTemplate::new(500).set_body_string("boom"))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path("/v1/chat"))
            .and(header("user-agent", USER_AGENT))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"ok": true})))
            .mount(&server)
            .await;
        let r = Retrying::new(ReqwestClient::new().unwrap(), Arc::new(TokioClock))
            .with_policy(fast_policy());
        let url = format!("{}/v1/chat", server.uri());
        let resp = r
            .send(Request::post_json(url, &serde_json::json!({"q": 1})))
            .await
            .unwrap();
        assert_eq!(resp.status, 200);
        assert_eq!(resp.json::<serde_json::Value>("test").unwrap()["ok"], true);
        let received = server.received_requests().await.unwrap();
        assert_eq!(received.len(), 2);
        assert_eq!(received[1].body, br#"{"q":1}"#);
    }

    #[tokio::test]
    async fn too_many_requests_with_retry_after() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "2"))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200))
            .mount(&server)
            .await;
        let clock = Arc::new(ManualClock::new(T0));
        let r = Retrying::new(ReqwestClient::new().unwrap(), clock.clone());
        let resp = r.send(Request::get(server.uri())).await.unwrap();
        assert_eq!(resp.status, 200);
        assert_eq!(clock.sleeps(), [Duration::from_secs(2)]);
    }

    #[tokio::test]
    async fn slow_response_times_out() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
            .mount(&server)
            .await;
        let client = ReqwestClient::new().unwrap();
        let started = std::time::Instant::now();
        let err = client
            .send(Request::get(server.uri()).timeout(Duration::from_millis(200)))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Timeout { after_ms: 200, .. }), "{err}");
        assert!(started.elapsed() < Duration::from_secs(3));
        // Retried timeouts end as a timeout that names the attempts.
        let r = Retrying::new(client, Arc::new(ManualClock::new(T0))).with_policy(RetryPolicy {
            max_attempts: 2,
            ..fast_policy()
        });
        let err = r
            .send(Request::get(server.uri()).timeout(Duration::from_millis(100)))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("2 attempt"), "{err}");
        assert_eq!(server.received_requests().await.unwrap().len(), 3);
    }

    #[tokio::test]
    async fn dropped_connection_is_a_transport_error() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let accepted = Arc::new(Mutex::new(0u32));
        let count = accepted.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                *count.lock().unwrap() += 1;
                drop(socket);
            }
        });
        let url = format!("http://{addr}/jobs");
        let err = ReqwestClient::new()
            .unwrap()
            .send(Request::get(&url))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Http { status: None, .. }), "{err}");
        let r = Retrying::new(
            ReqwestClient::new().unwrap(),
            Arc::new(ManualClock::new(T0)),
        )
        .with_policy(RetryPolicy {
            max_attempts: 3,
            ..fast_policy()
        });
        let err = r.send(Request::get(&url)).await.unwrap_err();
        match &err {
            Error::Http {
                url: u,
                status: None,
                reason,
            } => {
                assert_eq!(u, &url);
                assert!(reason.contains("3 attempt"), "{reason}");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(*accepted.lock().unwrap() >= 4);
    }

    #[tokio::test]
    async fn connection_refused_is_a_transport_error() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        drop(listener);
        let err = ReqwestClient::new()
            .unwrap()
            .send(Request::get(format!("http://{addr}/")))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Http { status: None, .. }), "{err}");
    }

    #[tokio::test]
    async fn oversized_bodies_hit_the_limit() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![b'x'; 4096]))
            .mount(&server)
            .await;
        let client = ReqwestClient::with_options(DEFAULT_TIMEOUT, 1024, USER_AGENT).unwrap();
        let err = client.send(Request::get(server.uri())).await.unwrap_err();
        assert!(
            matches!(err, Error::LimitExceeded { max: 1024, .. }),
            "{err}"
        );
    }
}
