//! HTTP as a provider: the `HttpClient` trait, retries with backoff, rate limits, and a reqwest client behind the `http` feature.
