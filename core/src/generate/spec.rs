//! [`ProviderSpec`]: an LLM provider described as plain data, so the CLI and every binding
//! build providers the same way (a dict in Python, an object in JS, a record on mobile).
//!
//! The spec carries the key and endpoint; the core still never reads the environment. Hosts
//! fill `api_key` from wherever they keep secrets.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{AnthropicProvider, LlmProvider, OpenAiProvider};
use crate::http::HttpClient;
use crate::{Error, Result};

/// Which wire format and vendor a provider speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    /// api.openai.com (Chat Completions with structured outputs). Needs a key.
    OpenAi,
    /// api.anthropic.com (Messages). Needs a key.
    Anthropic,
    /// A local Ollama server over its OpenAI-compatible `/v1` API. No key.
    Ollama,
    /// Any other OpenAI-compatible server (llama.cpp server, vLLM, a proxy). Needs `base_url`.
    Compatible,
}

impl ProviderKind {
    /// The names the CLI and bindings accept (`openai`, `anthropic`, `ollama`, `compatible`).
    pub fn parse(name: &str) -> Result<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "openai" => Ok(ProviderKind::OpenAi),
            "anthropic" | "claude" => Ok(ProviderKind::Anthropic),
            "ollama" => Ok(ProviderKind::Ollama),
            "compatible" | "openai-compatible" | "vllm" | "llamacpp" | "llama.cpp" => {
                Ok(ProviderKind::Compatible)
            }
            other => Err(Error::InvalidInput {
                what: "provider".into(),
                reason: format!("{other:?} is not openai, anthropic, ollama or compatible"),
            }),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::OpenAi => "openai",
            ProviderKind::Anthropic => "anthropic",
            ProviderKind::Ollama => "ollama",
            ProviderKind::Compatible => "compatible",
        }
    }

    /// The model used when the spec names none: small, cheap, and good at structured output.
    pub fn default_model(self) -> &'static str {
        match self {
            ProviderKind::OpenAi => "gpt-4o-mini",
            ProviderKind::Anthropic => "claude-3-5-haiku-latest",
            ProviderKind::Ollama => "llama3.1",
            ProviderKind::Compatible => "default",
        }
    }

    /// The endpoint used when the spec names none (`None`: the caller must give one).
    pub fn default_base_url(self) -> Option<&'static str> {
        match self {
            ProviderKind::OpenAi => Some("https://api.openai.com/v1"),
            ProviderKind::Anthropic => Some("https://api.anthropic.com"),
            ProviderKind::Ollama => Some("http://127.0.0.1:11434/v1"),
            ProviderKind::Compatible => None,
        }
    }

    fn needs_key(self) -> bool {
        matches!(self, ProviderKind::OpenAi | ProviderKind::Anthropic)
    }
}

/// A provider as data: `{"kind": "openai", "model": "gpt-4o-mini", "api_key": "sk-..."}`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderSpec {
    pub kind: ProviderKind,
    /// The model name; [`ProviderKind::default_model`] when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Required for OpenAI and Anthropic; optional for compatible servers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    /// Another endpoint (a proxy, a test server, a remote Ollama). OpenAI-style URLs end in
    /// `/v1`; Anthropic's do not. A bare `host:port` gets `http://`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
}

// Keys never reach logs through Debug.
impl std::fmt::Debug for ProviderSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderSpec")
            .field("kind", &self.kind)
            .field("model", &self.model)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("base_url", &self.base_url)
            .finish()
    }
}

impl ProviderSpec {
    pub fn new(kind: ProviderKind) -> Self {
        ProviderSpec {
            kind,
            model: None,
            api_key: None,
            base_url: None,
        }
    }

    pub fn with_model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }

    pub fn with_api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    pub fn with_base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The model this spec will call.
    pub fn model_name(&self) -> &str {
        self.model
            .as_deref()
            .filter(|m| !m.trim().is_empty())
            .unwrap_or_else(|| self.kind.default_model())
    }

    /// Checks the spec and returns the endpoint it will call.
    pub fn endpoint(&self) -> Result<String> {
        let invalid = |reason: String| Error::InvalidInput {
            what: format!("{} provider", self.kind.as_str()),
            reason,
        };
        if self.kind.needs_key() && self.api_key.as_deref().is_none_or(|k| k.trim().is_empty()) {
            return Err(invalid(
                "an api_key is required (the offline generator needs none)".into(),
            ));
        }
        let url = match self.base_url.as_deref().map(str::trim) {
            Some(u) if !u.is_empty() => u.to_string(),
            _ => self
                .kind
                .default_base_url()
                .ok_or_else(|| invalid("a base_url is required for a compatible server".into()))?
                .to_string(),
        };
        let url = if url.contains("://") {
            url
        } else {
            format!("http://{url}")
        };
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(invalid(format!("base_url {url:?} is not http or https")));
        }
        Ok(url.trim_end_matches('/').to_string())
    }

    /// Builds the provider over `http` (a retrying reqwest client natively, `fetch` in the
    /// browser, a host's own client through the bindings).
    pub fn build(&self, http: Arc<dyn HttpClient>) -> Result<Arc<dyn LlmProvider>> {
        let url = self.endpoint()?;
        let model = self.model_name().to_string();
        let key = self.api_key.clone().filter(|k| !k.trim().is_empty());
        Ok(match self.kind {
            ProviderKind::OpenAi => Arc::new(
                OpenAiProvider::openai(http, key.unwrap_or_default(), model).with_base_url(url),
            ),
            ProviderKind::Anthropic => Arc::new(
                AnthropicProvider::new(http, key.unwrap_or_default(), model).with_base_url(url),
            ),
            ProviderKind::Ollama => {
                Arc::new(OpenAiProvider::compatible(http, "ollama", url, key, model))
            }
            ProviderKind::Compatible => Arc::new(OpenAiProvider::compatible(
                http,
                "compatible",
                url,
                key,
                model,
            )),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kinds_and_rejects_unknown_ones() {
        assert_eq!(
            ProviderKind::parse("OpenAI").ok(),
            Some(ProviderKind::OpenAi)
        );
        assert_eq!(
            ProviderKind::parse("vllm").ok(),
            Some(ProviderKind::Compatible)
        );
        let err = ProviderKind::parse("gemini").unwrap_err().to_string();
        assert!(err.contains("gemini"), "{err}");
    }

    #[test]
    fn keyed_vendors_need_a_key_and_compatible_needs_a_url() {
        let err = ProviderSpec::new(ProviderKind::OpenAi)
            .endpoint()
            .unwrap_err();
        assert!(err.to_string().contains("api_key"), "{err}");
        let err = ProviderSpec::new(ProviderKind::Compatible)
            .endpoint()
            .unwrap_err();
        assert!(err.to_string().contains("base_url"), "{err}");
        let ok = ProviderSpec::new(ProviderKind::Ollama).endpoint().unwrap();
        assert_eq!(ok, "http://127.0.0.1:11434/v1");
        let bare = ProviderSpec::new(ProviderKind::Compatible)
            .with_base_url("10.0.0.2:8000/v1/")
            .endpoint()
            .unwrap();
        assert_eq!(bare, "http://10.0.0.2:8000/v1");
        let bad = ProviderSpec::new(ProviderKind::Compatible)
            .with_base_url("ftp://x")
            .endpoint()
            .unwrap_err();
        assert!(bad.to_string().contains("ftp://x"), "{bad}");
    }

    #[test]
    fn reads_as_data_and_hides_the_key() {
        let spec: ProviderSpec = serde_json::from_str(
            r#"{"kind":"anthropic","api_key":"sk-secret","model":"claude-x"}"#,
        )
        .unwrap();
        assert_eq!(spec.model_name(), "claude-x");
        assert!(!format!("{spec:?}").contains("sk-secret"));
        let unknown = serde_json::from_str::<ProviderSpec>(r#"{"kind":"openai","modle":"x"}"#);
        assert!(unknown.is_err());
        assert_eq!(
            ProviderSpec::new(ProviderKind::OpenAi).model_name(),
            "gpt-4o-mini"
        );
    }
}
