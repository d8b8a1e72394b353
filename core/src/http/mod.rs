//! HTTP as a provider: the [`HttpClient`] trait that LLM providers and job sources speak through.
//!
//! The core never opens a socket itself. Hosts plug in their own client (a Python, JS or Kotlin
//! object through the bindings); natively, the `http` feature brings a reqwest client. Retries,
//! backoff and rate limits are layered on top of any client, so a host client gets them too.

use std::sync::Arc;
use std::time::Duration;

use crate::Result;

mod cancel;
mod clock;
mod rate_limit;
#[cfg(feature = "http")]
mod reqwest_client;
mod retry;
pub mod retry_after;
#[cfg(test)]
mod tests;

pub use cancel::{CancelToken, Cancelled};
#[cfg(feature = "http")]
pub use clock::TokioClock;
pub use clock::{Clock, ManualClock};
pub use rate_limit::{RateLimiter, host_of};
#[cfg(feature = "http")]
pub use reqwest_client::{DEFAULT_MAX_BODY, DEFAULT_TIMEOUT, ReqwestClient, USER_AGENT};
pub use retry::{RetryPolicy, Retrying};

/// The HTTP methods the providers and sources use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    /// The method as it goes on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// One request. Header names are compared case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    /// The whole exchange must finish within this; `None` leaves it to the client's default.
    pub timeout: Option<Duration>,
}

impl Request {
    /// A GET request with no headers.
    pub fn get(url: impl Into<String>) -> Self {
        Request {
            method: Method::Get,
            url: url.into(),
            headers: Vec::new(),
            body: None,
            timeout: None,
        }
    }

    /// A POST request with a JSON body.
    pub fn post_json(url: impl Into<String>, body: &serde_json::Value) -> Self {
        Request {
            method: Method::Post,
            url: url.into(),
            headers: vec![("content-type".into(), "application/json".into())],
            body: Some(body.to_string().into_bytes()),
            timeout: None,
        }
    }

    /// Adds a header (builder style).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the timeout (builder style).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

/// One response, whatever its status: deciding what a status means is the caller's job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// True for 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body parsed as JSON; `what` names the API for the error message.
    pub fn json<T: serde::de::DeserializeOwned>(&self, what: &str) -> Result<T> {
        serde_json::from_slice(&self.body).map_err(|e| crate::Error::Provider {
            provider: what.to_string(),
            reason: format!(
                "malformed JSON response (status {}): {e}; body starts: {}",
                self.status,
                self.text().chars().take(200).collect::<String>()
            ),
        })
    }
}

/// Sends HTTP requests. Implementations return `Ok` for any status the server answered with and
/// an [`Error::Http`](crate::Error::Http) (status `None`) or [`Error::Timeout`](crate::Error::Timeout)
/// when no answer came: connection refused or dropped, TLS failure, timeout.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait HttpClient: std::fmt::Debug + Send + Sync {
    async fn send(&self, request: Request) -> Result<Response>;
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl<T: HttpClient + ?Sized> HttpClient for Arc<T> {
    async fn send(&self, request: Request) -> Result<Response> {
        (**self).send(request).await
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl<T: HttpClient + ?Sized> HttpClient for Box<T> {
    async fn send(&self, request: Request) -> Result<Response> {
        (**self).send(request).await
    }
}
