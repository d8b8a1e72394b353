//! The [`LlmProvider`] trait: chat messages in, text or schema-shaped JSON out, with usage.
//!
//! Providers speak through an [`HttpClient`](crate::http::HttpClient), so a host's own client
//! (and the retry layer over it) carries every call. Keys and endpoints come from the caller.

use serde::{Deserialize, Serialize};

use crate::Result;

/// Who speaks a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    System,
    User,
    Assistant,
}

/// One chat message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Message {
    pub role: Role,
    pub content: String,
}

impl Message {
    pub fn system(content: impl Into<String>) -> Self {
        Message {
            role: Role::System,
            content: content.into(),
        }
    }
    pub fn user(content: impl Into<String>) -> Self {
        Message {
            role: Role::User,
            content: content.into(),
        }
    }
    pub fn assistant(content: impl Into<String>) -> Self {
        Message {
            role: Role::Assistant,
            content: content.into(),
        }
    }
}

/// A JSON schema the answer must follow (OpenAI `json_schema`, an Anthropic tool's input).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputSchema {
    /// A short identifier (`highlights`), `[a-zA-Z0-9_-]`.
    pub name: String,
    pub schema: serde_json::Value,
}

/// One chat call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatRequest {
    pub messages: Vec<Message>,
    /// When set, the answer's `content` is JSON following this schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<OutputSchema>,
    pub temperature: f32,
    pub max_tokens: u32,
}

impl ChatRequest {
    pub fn new(messages: Vec<Message>) -> Self {
        ChatRequest {
            messages,
            schema: None,
            temperature: 0.2,
            max_tokens: 1200,
        }
    }
}

/// Tokens a call used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub input_tokens: u64,
    pub output_tokens: u64,
}

impl Usage {
    pub fn add(&mut self, other: Usage) {
        self.input_tokens += other.input_tokens;
        self.output_tokens += other.output_tokens;
    }
}

/// A provider's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatResponse {
    /// The text, or the JSON document when a schema was asked for.
    pub content: String,
    /// The model that answered, as the API reports it.
    pub model: String,
    pub usage: Usage,
    /// `stop`, `length`, `tool_use`, ... as the API reports it.
    #[serde(default)]
    pub finish_reason: Option<String>,
}

/// Receives streamed text as it arrives.
pub type OnDelta<'a> = &'a mut (dyn FnMut(&str) + Send);

/// A chat model. Object-safe: hold it as `Arc<dyn LlmProvider>`.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait LlmProvider: std::fmt::Debug + Send + Sync {
    /// `openai`, `anthropic`, `ollama`, ... (part of the cache key and the price lookup).
    fn id(&self) -> &str;
    /// The model asked for.
    fn model(&self) -> &str;
    /// One complete answer.
    async fn chat(&self, request: &ChatRequest) -> Result<ChatResponse>;
    /// The answer as it is produced, text deltas to `on_delta`, then the whole. Providers that
    /// cannot stream give the whole answer as one delta.
    async fn chat_stream(
        &self,
        request: &ChatRequest,
        on_delta: OnDelta<'_>,
    ) -> Result<ChatResponse> {
        let resp = self.chat(request).await?;
        on_delta(&resp.content);
        Ok(resp)
    }
}

/// Prices per million tokens (input, output) in US dollars, by model prefix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceTable {
    pub models: Vec<(String, f64, f64)>,
}

impl Default for PriceTable {
    /// List prices as published in 2025; callers override them with their own contracts.
    fn default() -> Self {
        let p = |m: &str, i: f64, o: f64| (m.to_string(), i, o);
        PriceTable {
            models: vec![
                p("gpt-4o-mini", 0.15, 0.60),
                p("gpt-4o", 2.50, 10.0),
                p("gpt-4.1-nano", 0.10, 0.40),
                p("gpt-4.1-mini", 0.40, 1.60),
                p("gpt-4.1", 2.0, 8.0),
                p("o4-mini", 1.10, 4.40),
                p("claude-3-5-haiku", 0.80, 4.0),
                p("claude-haiku-4", 1.0, 5.0),
                p("claude-3-7-sonnet", 3.0, 15.0),
                p("claude-sonnet-4", 3.0, 15.0),
                p("claude-opus-4", 15.0, 75.0),
            ],
        }
    }
}

impl PriceTable {
    /// The dollar cost of `usage` on `model` (longest matching prefix); `None` for an unknown
    /// model (a local one is free, but we do not guess).
    pub fn cost(&self, model: &str, usage: Usage) -> Option<f64> {
        let (_, i, o) = self
            .models
            .iter()
            .filter(|(m, _, _)| model.starts_with(m.as_str()))
            .max_by_key(|(m, _, _)| m.len())?;
        Some((usage.input_tokens as f64 * i + usage.output_tokens as f64 * o) / 1e6)
    }

    /// Sets (or replaces) a model's prices.
    pub fn set(&mut self, model: impl Into<String>, input_per_mtok: f64, output_per_mtok: f64) {
        let model = model.into();
        self.models.retain(|(m, _, _)| *m != model);
        self.models.push((model, input_per_mtok, output_per_mtok));
    }
}
