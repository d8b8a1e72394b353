//! Anthropic Messages API. Structured output is a forced tool call whose `input_schema` is the
//! schema; the tool's `input` comes back as the answer's JSON content.

use std::sync::Arc;

use serde_json::{Value, json};

use super::llm::{ChatRequest, ChatResponse, LlmProvider, OnDelta, Role, Usage};
use super::openai::api_error;
use crate::http::{HttpClient, Request, Response};
use crate::{Error, Result};

/// The API version header this client speaks.
pub const ANTHROPIC_VERSION: &str = "2023-06-01";

/// Claude over the Messages API.
#[derive(Debug, Clone)]
pub struct AnthropicProvider {
    http: Arc<dyn HttpClient>,
    base_url: String,
    api_key: String,
    model: String,
}

impl AnthropicProvider {
    pub fn new(
        http: Arc<dyn HttpClient>,
        api_key: impl Into<String>,
        model: impl Into<String>,
    ) -> Self {
        AnthropicProvider {
            http,
            base_url: "https://api.anthropic.com".into(),
            api_key: api_key.into(),
            model: model.into(),
        }
    }

    /// Another base URL (a proxy, a test server), without `/v1`.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into().trim_end_matches('/').to_string();
        self
    }

    fn body(&self, request: &ChatRequest, stream: bool) -> Value {
        // The system prompt is a top-level field; the other turns alternate.
        let system: Vec<&str> = request
            .messages
            .iter()
            .filter(|m| m.role == Role::System)
            .map(|m| m.content.as_str())
            .collect();
        let messages: Vec<Value> = request
            .messages
            .iter()
            .filter(|m| m.role != Role::System)
            .map(|m| {
                let role = if m.role == Role::Assistant {
                    "assistant"
                } else {
                    "user"
                };
                json!({"role": role, "content": m.content})
            })
            .collect();
        let mut body = json!({
            "model": self.model,
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "messages": messages,
        });
        if !system.is_empty() {
            body["system"] = json!(system.join("\n\n"));
        }
        if let Some(schema) = &request.schema {
            body["tools"] = json!([{
                "name": schema.name,
                "description": "Return the answer in this structure.",
                "input_schema": schema.schema,
            }]);
            body["tool_choice"] = json!({"type": "tool", "name": schema.name});
        }
        if stream {
            body["stream"] = json!(true);
        }
        body
    }

    async fn post(&self, body: &Value) -> Result<Response> {
        let req = Request::post_json(format!("{}/v1/messages", self.base_url), body)
            .header("x-api-key", self.api_key.as_str())
            .header("anthropic-version", ANTHROPIC_VERSION);
        let resp = self.http.send(req).await?;
        if resp.is_success() {
            Ok(resp)
        } else {
            Err(api_error("anthropic", &resp))
        }
    }
}

fn malformed(what: &str) -> Error {
    Error::Provider {
        provider: "anthropic".into(),
        reason: format!("malformed response: {what}"),
    }
}

fn usage(v: &Value) -> Usage {
    Usage {
        input_tokens: v["input_tokens"].as_u64().unwrap_or(0),
        output_tokens: v["output_tokens"].as_u64().unwrap_or(0),
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl LlmProvider for AnthropicProvider {
    fn id(&self) -> &str {
        "anthropic"
    }

    fn model(&self) -> &str {
        &self.model
    }

    async fn chat(&self, request: &ChatRequest) -> Result<ChatResponse> {
        let resp = self.post(&self.body(request, false)).await?;
        let v: Value = resp.json("anthropic")?;
        let blocks = v["content"]
            .as_array()
            .ok_or_else(|| malformed("no content array"))?;
        let content = if request.schema.is_some() {
            let input = blocks
                .iter()
                .find(|b| b["type"] == "tool_use")
                .map(|b| &b["input"])
                .ok_or_else(|| malformed("no tool_use block for the structured answer"))?;
            input.to_string()
        } else {
            blocks
                .iter()
                .filter(|b| b["type"] == "text")
                .filter_map(|b| b["text"].as_str())
                .collect::<Vec<_>>()
                .join("")
        };
        Ok(ChatResponse {
            content,
            model: v["model"].as_str().unwrap_or(&self.model).to_string(),
            usage: usage(&v["usage"]),
            finish_reason: v["stop_reason"].as_str().map(str::to_string),
        })
    }

    async fn chat_stream(
        &self,
        request: &ChatRequest,
        on_delta: OnDelta<'_>,
    ) -> Result<ChatResponse> {
        let resp = self.post(&self.body(request, true)).await?;
        let text = resp.text();
        let (mut content, mut total, mut model, mut finish) =
            (String::new(), Usage::default(), self.model.clone(), None);
        for line in text.lines() {
            let Some(data) = line.strip_prefix("data:").map(str::trim) else {
                continue;
            };
            let event: Value = serde_json::from_str(data)
                .map_err(|e| malformed(&format!("stream event is not JSON: {e}")))?;
            match event["type"].as_str() {
                Some("message_start") => {
                    if let Some(m) = event["message"]["model"].as_str() {
                        model = m.to_string();
                    }
                    total.add(usage(&event["message"]["usage"]));
                }
                Some("content_block_delta") => {
                    let d = &event["delta"];
                    if let Some(t) = d["text"].as_str().or(d["partial_json"].as_str()) {
                        on_delta(t);
                        content.push_str(t);
                    }
                }
                Some("message_delta") => {
                    total.output_tokens = total
                        .output_tokens
                        .max(usage(&event["usage"]).output_tokens);
                    if let Some(s) = event["delta"]["stop_reason"].as_str() {
                        finish = Some(s.to_string());
                    }
                }
                Some("error") => {
                    return Err(Error::Provider {
                        provider: "anthropic".into(),
                        reason: format!(
                            "stream error: {}",
                            event["error"]["message"].as_str().unwrap_or("unknown")
                        ),
                    });
                }
                _ => {}
            }
        }
        Ok(ChatResponse {
            content,
            model,
            usage: total,
            finish_reason: finish,
        })
    }
}
