//! The native [`HttpClient`]: reqwest over rustls, with a whole-exchange timeout, a polite
//! User-Agent and a bounded response body.

use std::time::Duration;

use super::{HttpClient, Method, Request, Response};
use crate::{Error, Result};

/// Sent with every request so servers can tell who is calling and where to complain.
pub const USER_AGENT: &str = concat!(
    "career-copilot/",
    env!("CARGO_PKG_VERSION"),
    " (+",
    env!("CARGO_PKG_REPOSITORY"),
    ")"
);

/// Responses larger than this fail with [`Error::LimitExceeded`] unless configured otherwise.
pub const DEFAULT_MAX_BODY: u64 = 16 * 1024 * 1024;
/// The timeout for requests that carry none.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// reqwest behind the [`HttpClient`] trait. Cheap to clone (the connection pool is shared).
/// Needs a tokio runtime with the time driver.
#[derive(Debug, Clone)]
pub struct ReqwestClient {
    client: reqwest::Client,
    timeout: Duration,
    max_body: u64,
}

impl ReqwestClient {
    /// A client with the default timeout (30 s), body limit (16 MiB) and User-Agent.
    pub fn new() -> Result<Self> {
        Self::with_options(DEFAULT_TIMEOUT, DEFAULT_MAX_BODY, USER_AGENT)
    }

    /// A client with its own default timeout, body limit and User-Agent.
    pub fn with_options(timeout: Duration, max_body: u64, user_agent: &str) -> Result<Self> {
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .build()
            .map_err(|e| Error::Provider {
                provider: "reqwest".into(),
                reason: format!("cannot build the HTTP client: {e}"),
            })?;
        Ok(ReqwestClient {
            client,
            timeout,
            max_body,
        })
    }

    /// Wraps a reqwest client the host configured (proxies, certificates).
    pub fn from_client(client: reqwest::Client, timeout: Duration, max_body: u64) -> Self {
        ReqwestClient {
            client,
            timeout,
            max_body,
        }
    }

    async fn exchange(&self, request: Request) -> Result<Response> {
        let url = request.url.clone();
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        };
        let mut builder = self.client.request(method, &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        if let Some(body) = request.body {
            builder = builder.body(body);
        }
        let mut resp = builder.send().await.map_err(|e| transport(&url, &e))?;
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
            .collect();
        if let Some(len) = resp.content_length().filter(|l| *l > self.max_body) {
            return Err(too_big(len, self.max_body));
        }
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| transport(&url, &e))? {
            let len = (body.len() + chunk.len()) as u64;
            if len > self.max_body {
                return Err(too_big(len, self.max_body));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Response {
            status,
            headers,
            body,
        })
    }
}

fn too_big(actual: u64, max: u64) -> Error {
    Error::LimitExceeded {
        limit: "HTTP response body bytes",
        actual,
        max,
    }
}

/// A reqwest error as ours, with its cause chain (reqwest's own message is terse).
fn transport(url: &str, e: &reqwest::Error) -> Error {
    let mut reason = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        reason.push_str(": ");
        reason.push_str(&s.to_string());
        source = s.source();
    }
    Error::Http {
        url: url.to_string(),
        status: None,
        reason,
    }
}

#[async_trait::async_trait]
impl HttpClient for ReqwestClient {
    async fn send(&self, request: Request) -> Result<Response> {
        let timeout = request.timeout.unwrap_or(self.timeout);
        let url = request.url.clone();
        match tokio::time::timeout(timeout, self.exchange(request)).await {
            Ok(result) => result,
            Err(_) => Err(Error::Timeout {
                what: format!("HTTP request to {url}"),
                after_ms: timeout.as_millis() as u64,
            }),
        }
    }
}
