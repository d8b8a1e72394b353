#![allow(clippy::unwrap_used)]
//! Providers against local servers speaking each vendor's wire format.

use std::sync::Arc;

use serde_json::json;
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::*;
use crate::Error;
use crate::http::{ManualClock, ReqwestClient, RetryPolicy, Retrying};

fn http() -> Arc<dyn crate::http::HttpClient> {
    Arc::new(
        Retrying::new(ReqwestClient::new().unwrap(), Arc::new(ManualClock::new(0))).with_policy(
            RetryPolicy {
                max_attempts: 3,
                ..RetryPolicy::default()
            },
        ),
    )
}

fn request() -> ChatRequest {
    let mut r = ChatRequest::new(vec![Message::system("Be brief."), Message::user("Hi")]);
    r.schema = Some(OutputSchema {
        name: "answer".into(),
        schema: json!({"type": "object", "properties": {"text": {"type": "string"}}}),
    });
    r
}

#[tokio::test]
async fn openai_structured_output_with_usage_after_a_rate_limit() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1").set_body_json(
            json!({"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}}),
        ))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header("authorization", "Bearer sk-test"))
        .and(body_partial_json(json!({"model": "gpt-4o-mini", "response_format": {"type": "json_schema"}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o-mini-2024-07-18",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "{\"text\":\"hello\"}", "refusal": null}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1000, "completion_tokens": 500, "total_tokens": 1500}
        })))
        .mount(&server)
        .await;
    let p = OpenAiProvider::openai(http(), "sk-test", "gpt-4o-mini")
        .with_base_url(format!("{}/v1", server.uri()));
    let resp = p.chat(&request()).await.unwrap();
    assert_eq!(resp.content, r#"{"text":"hello"}"#);
    assert_eq!(
        resp.usage,
        Usage {
            input_tokens: 1000,
            output_tokens: 500
        }
    );
    let cost = PriceTable::default().cost(&resp.model, resp.usage).unwrap();
    assert!((cost - 0.00045).abs() < 1e-9, "{cost}");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn openai_errors_and_malformed_bodies_are_typed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(header("authorization", "Bearer bad"))
        .respond_with(ResponseTemplate::new(401).set_body_json(
            json!({"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"choices\": [{\"mess"))
        .mount(&server)
        .await;
    let base = format!("{}/v1", server.uri());
    let err = OpenAiProvider::openai(http(), "bad", "gpt-4o")
        .with_base_url(&base)
        .chat(&request())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Provider { .. }));
    assert!(
        err.to_string().contains("401") && err.to_string().contains("Incorrect API key"),
        "{err}"
    );
    let err = OpenAiProvider::compatible(http(), "ollama", &base, None, "llama3.2")
        .chat(&request())
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("ollama") && err.to_string().contains("malformed JSON"),
        "{err}"
    );
}

#[tokio::test]
async fn compatible_server_streams_deltas() {
    let server = MockServer::start().await;
    let sse = concat!(
        "data: {\"model\":\"llama3.2\",\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n\n",
        "data: {\"model\":\"llama3.2\",\"choices\":[{\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n",
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n",
        "data: [DONE]\n\n"
    );
    Mock::given(method("POST"))
        .and(body_partial_json(
            json!({"stream": true, "max_tokens": 1200}),
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/event-stream")
                .set_body_string(sse),
        )
        .mount(&server)
        .await;
    let p = OpenAiProvider::compatible(
        http(),
        "ollama",
        format!("{}/v1", server.uri()),
        None,
        "llama3.2",
    );
    let mut deltas = Vec::new();
    let resp = p
        .chat_stream(
            &ChatRequest::new(vec![Message::user("Hi")]),
            &mut |d: &str| deltas.push(d.to_string()),
        )
        .await
        .unwrap();
    assert_eq!(deltas, ["Hel", "lo"]);
    assert_eq!(resp.content, "Hello");
    assert_eq!(resp.usage.output_tokens, 2);
    assert_eq!(resp.finish_reason.as_deref(), Some("stop"));
}

#[tokio::test]
async fn anthropic_tool_output_and_overload() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(529).set_body_json(
            json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}),
        ))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/messages"))
        .and(header("x-api-key", "sk-ant"))
        .and(header("anthropic-version", ANTHROPIC_VERSION))
        .and(body_partial_json(json!({"system": "Be brief.", "tool_choice": {"type": "tool", "name": "answer"}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
            "content": [{"type": "tool_use", "id": "toolu_1", "name": "answer", "input": {"text": "hello"}}],
            "stop_reason": "tool_use",
            "usage": {"input_tokens": 2000, "output_tokens": 100}
        })))
        .mount(&server)
        .await;
    let p = AnthropicProvider::new(http(), "sk-ant", "claude-sonnet-4-20250514")
        .with_base_url(server.uri());
    let resp = p.chat(&request()).await.unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&resp.content).unwrap()["text"],
        "hello"
    );
    assert_eq!(resp.finish_reason.as_deref(), Some("tool_use"));
    let cost = PriceTable::default().cost(&resp.model, resp.usage).unwrap();
    assert!((cost - 0.0075).abs() < 1e-9, "{cost}");
}

#[tokio::test]
async fn anthropic_outage_gives_a_typed_error_after_bounded_retries() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503).set_body_string("upstream connect error"))
        .mount(&server)
        .await;
    let p =
        AnthropicProvider::new(http(), "k", "claude-3-5-haiku-latest").with_base_url(server.uri());
    let err = p.chat(&request()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Http {
                status: Some(503),
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("3 attempt"), "{err}");
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}
