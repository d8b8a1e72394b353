//! OpenAI Chat Completions, and the servers that speak it (Ollama, llama.cpp server, vLLM).
//!
//! Structured output uses `response_format: {type: "json_schema", strict: true}`. Streaming
//! asks for server-sent events and replays the deltas once the body is in: the
//! [`HttpClient`] contract returns whole bodies, so deltas arrive in order but not early.

use std::sync::Arc;

use serde_json::{Value, json};

use super::llm::{ChatRequest, ChatResponse, LlmProvider, OnDelta, Role, Usage};
use crate::http::{HttpClient, Request, Response};
use crate::{Error, Result};

/// An OpenAI-style chat endpoint.
#[derive(Debug, Clone)]
pub struct OpenAiProvider {
    http: Arc<dyn HttpClient>,
    id: String,
    base_url: String,
    api_key: Option<String>,
    model: String,
    /// OpenAI's own API wants `max_completion_tokens`; compatible servers `max_tokens`.
    native: bool,
}

impl OpenAiProvider {
    /// api.openai.com with a key.
    pub fn openai(
        http: Arc<dyn HttpClient>,
        api_key: impl Into<String>,
        model: impl Into<String>,
    ) -> Self {
        OpenAiProvider {
            http,
            id: "openai".into(),
            base_url: "https://api.openai.com/v1".into(),
            api_key: Some(api_key.into()),
            model: model.into(),
            native: true,
        }
    }

    /// An OpenAI-compatible server: `base_url` up to `/v1` (Ollama: `http://localhost:11434/v1`),
    /// a key if the server wants one. `id` names it (`ollama`, `vllm`, `llamacpp`).
    pub fn compatible(
        http: Arc<dyn HttpClient>,
        id: impl Into<String>,
        base_url: impl Into<String>,
        api_key: Option<String>,
        model: impl Into<String>,
    ) -> Self {
        OpenAiProvider {
            http,
            id: id.into(),
            base_url: base_url.into().trim_end_matches('/').to_string(),
            api_key,
            model: model.into(),
            native: false,
        }
    }

    /// Points the provider at another base URL (a proxy, a test server).
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into().trim_end_matches('/').to_string();
        self
    }

    fn body(&self, request: &ChatRequest, stream: bool) -> Value {
        let messages: Vec<Value> = request
            .messages
            .iter()
            .map(|m| {
                let role = match m.role {
                    Role::System => "system",
                    Role::User => "user",
                    Role::Assistant => "assistant",
                };
                json!({"role": role, "content": m.content})
            })
            .collect();
        let mut body = json!({
            "model": self.model,
            "messages": messages,
            "temperature": request.temperature,
        });
        let limit_key = if self.native {
            "max_completion_tokens"
        } else {
            "max_tokens"
        };
        body[limit_key] = json!(request.max_tokens);
        if let Some(schema) = &request.schema {
            body["response_format"] = json!({
                "type": "json_schema",
                "json_schema": {"name": schema.name, "schema": schema.schema, "strict": true}
            });
        }
        if stream {
            body["stream"] = json!(true);
            body["stream_options"] = json!({"include_usage": true});
        }
        body
    }

    async fn post(&self, body: &Value) -> Result<Response> {
        let mut req = Request::post_json(format!("{}/chat/completions", self.base_url), body);
        if let Some(key) = &self.api_key {
            req = req.header("authorization", format!("Bearer {key}"));
        }
        let resp = self.http.send(req).await?;
        if resp.is_success() {
            Ok(resp)
        } else {
            Err(api_error(&self.id, &resp))
        }
    }

    fn usage(v: &Value) -> Usage {
        Usage {
            input_tokens: v["prompt_tokens"].as_u64().unwrap_or(0),
            output_tokens: v["completion_tokens"].as_u64().unwrap_or(0),
        }
    }
}

/// An error answer as a provider error naming the status and the API's own message.
pub(crate) fn api_error(provider: &str, resp: &Response) -> Error {
    let parsed: Option<Value> = serde_json::from_slice(&resp.body).ok();
    let message = parsed
        .as_ref()
        .and_then(|v| {
            v["error"]["message"]
                .as_str()
                .or(v["error"].as_str())
                .map(str::to_string)
        })
        .unwrap_or_else(|| resp.text().chars().take(200).collect());
    let hint = match resp.status {
        401 | 403 => " (check the API key)",
        404 => " (check the model name and base URL)",
        _ => "",
    };
    Error::Provider {
        provider: provider.to_string(),
        reason: format!("status {}{hint}: {}", resp.status, message.trim()),
    }
}

fn malformed(provider: &str, what: &str) -> Error {
    Error::Provider {
        provider: provider.to_string(),
        reason: format!("malformed response: {what}"),
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl LlmProvider for OpenAiProvider {
    fn id(&self) -> &str {
        &self.id
    }

    fn model(&self) -> &str {
        &self.model
    }

    async fn chat(&self, request: &ChatRequest) -> Result<ChatResponse> {
        let resp = self.post(&self.body(request, false)).await?;
        let v: Value = resp.json(&self.id)?;
        let choice = &v["choices"][0];
        if let Some(refusal) = choice["message"]["refusal"].as_str() {
            return Err(Error::Provider {
                provider: self.id.clone(),
                reason: format!("the model refused: {refusal}"),
            });
        }
        let content = choice["message"]["content"]
            .as_str()
            .ok_or_else(|| malformed(&self.id, "no choices[0].message.content"))?;
        Ok(ChatResponse {
            content: content.to_string(),
            model: v["model"].as_str().unwrap_or(&self.model).to_string(),
            usage: Self::usage(&v["usage"]),
            finish_reason: choice["finish_reason"].as_str().map(str::to_string),
        })
    }

    async fn chat_stream(
        &self,
        request: &ChatRequest,
        on_delta: OnDelta<'_>,
    ) -> Result<ChatResponse> {
        let resp = self.post(&self.body(request, true)).await?;
        let text = resp.text();
        let mut content = String::new();
        let mut usage = Usage::default();
        let mut model = self.model.clone();
        let mut finish = None;
        for line in text.lines() {
            let Some(data) = line.strip_prefix("data:").map(str::trim) else {
                continue;
            };
            if data == "[DONE]" {
                break;
            }
            let event: Value = serde_json::from_str(data)
                .map_err(|e| malformed(&self.id, &format!("stream event is not JSON: {e}")))?;
            if let Some(m) = event["model"].as_str() {
                model = m.to_string();
            }
            if let Some(delta) = event["choices"][0]["delta"]["content"].as_str() {
                on_delta(delta);
                content.push_str(delta);
            }
            if let Some(f) = event["choices"][0]["finish_reason"].as_str() {
                finish = Some(f.to_string());
            }
            if event["usage"].is_object() {
                usage = Self::usage(&event["usage"]);
            }
        }
        Ok(ChatResponse {
            content,
            model,
            usage,
            finish_reason: finish,
        })
    }
}
