//! Generation: LLM providers behind one trait, spoken through [`HttpClient`](crate::http::HttpClient).
//!
//! - [`LlmProvider`]: chat messages, structured output against a JSON schema, optional
//!   streaming, token usage; [`PriceTable`] turns usage into dollars.
//! - [`OpenAiProvider`]: OpenAI Chat Completions and OpenAI-compatible servers (Ollama,
//!   llama.cpp server, vLLM). [`AnthropicProvider`]: the Messages API.
//!
//! Keys and endpoints come from the caller; the core never reads the environment.

mod anthropic;
mod llm;
mod openai;

pub use anthropic::{ANTHROPIC_VERSION, AnthropicProvider};
pub use llm::{
    ChatRequest, ChatResponse, LlmProvider, Message, OnDelta, OutputSchema, PriceTable, Role, Usage,
};
pub use openai::OpenAiProvider;

#[cfg(all(test, feature = "http"))]
mod tests;
