//! Grounded generation: LLM providers, the offline generator, the grounding verifier and a content-keyed cache.
