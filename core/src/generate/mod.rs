//! Generation: LLM providers behind one trait, spoken through [`HttpClient`](crate::http::HttpClient).
//!
//! - [`LlmProvider`]: chat messages, structured output against a JSON schema, optional
//!   streaming, token usage; [`PriceTable`] turns usage into dollars.
//! - [`OpenAiProvider`]: OpenAI Chat Completions and OpenAI-compatible servers (Ollama,
//!   llama.cpp server, vLLM). [`AnthropicProvider`]: the Messages API.
//!
//! - [`ProviderSpec`]: a provider described as data, the one way the CLI and bindings build one.
//!
//! Keys and endpoints come from the caller; the core never reads the environment.

mod anthropic;
mod cache;
pub mod grounding;
mod llm;
pub mod offline;
mod openai;
mod pipeline;
mod spec;

pub use anthropic::{ANTHROPIC_VERSION, AnthropicProvider};
pub use cache::{CacheCounters, CachedProvider, ResponseCache};
pub use grounding::{ClaimKind, Facts, Violation};
pub use llm::{
    ChatRequest, ChatResponse, LlmProvider, Message, OnDelta, OutputSchema, PriceTable, Role, Usage,
};
pub use offline::{
    CoverLetter, Grounded, Length, LetterOptions, SkillSuggestion, TailorOptions, Tailored,
    TalkingPoint, Tone, cover_letter, highlights, skill_suggestions, summary, tailor,
    talking_points,
};
pub use openai::OpenAiProvider;
pub use pipeline::{GenWarning, GenerateOptions, Generation, Generator, Rewrite, sanitize_job};
pub use spec::{ProviderKind, ProviderSpec};

#[cfg(all(test, feature = "http"))]
mod tests;
#[cfg(test)]
mod tests_pipeline;
