//! The one error type of the core crate.
//!
//! Findings (low confidence, unknown headings, layout hints) are not errors: they come back as
//! `Warning`s inside a [`Parsed`](crate::Parsed). An `Error` means the input
//! could not be turned into a value at all, and its message names what was wrong.

/// Everything that can fail in the core. Variants are the ones a caller can act on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is malformed or empty; `what` names the input, `reason` the problem.
    #[error("invalid {what}: {reason}")]
    InvalidInput { what: String, reason: String },
    /// The bytes are of a format this build cannot read (or a feature is switched off).
    #[error("unsupported format: {0}")]
    UnsupportedFormat(String),
    /// A configured limit was hit; `limit` names it (see [`Limits`](crate::Limits)).
    #[error("limit exceeded: {limit} is {actual}, the limit is {max}")]
    LimitExceeded {
        limit: &'static str,
        actual: u64,
        max: u64,
    },
    /// The document is encrypted and cannot be read without its password.
    #[error("the {format} document is encrypted")]
    Encrypted { format: &'static str },
    /// A PDF without a text layer (a scan): it would need OCR.
    #[error(
        "the PDF has no text layer ({pages} page(s) of images or empty pages); it looks scanned and needs OCR"
    )]
    NoTextLayer { pages: usize },
    /// The document is damaged; `format` names the format, `reason` what broke.
    #[error("corrupt {format} document: {reason}")]
    Corrupt {
        format: &'static str,
        reason: String,
    },
    /// A provider (LLM, embedder, store, HTTP) failed.
    #[error("{provider} failed: {reason}")]
    Provider { provider: String, reason: String },
    /// A requested item does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// An HTTP exchange failed: `status` is set when the server answered (after retries).
    #[error("HTTP request to {url} failed{}: {reason}", status.map(|s| format!(" with status {s}")).unwrap_or_default())]
    Http {
        url: String,
        status: Option<u16>,
        reason: String,
    },
    /// An operation took longer than its limit.
    #[error("{what} timed out after {after_ms} ms")]
    Timeout { what: String, after_ms: u64 },
    /// The caller cancelled the operation.
    #[error("cancelled: {0}")]
    Cancelled(String),
    /// A storage backend failed; `backend` is `memory`, `sqlite` or `postgres`.
    #[error("{backend} storage failed: {reason}")]
    Storage { backend: String, reason: String },
    /// Rendering failed (a theme error, a Typst diagnostic, an unsupported output).
    #[error("render failed: {0}")]
    Render(String),
}

impl Error {
    /// Shorthand for [`Error::InvalidInput`].
    pub fn invalid(what: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            what: what.into(),
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::Corrupt`].
    pub fn corrupt(format: &'static str, reason: impl Into<String>) -> Self {
        Error::Corrupt {
            format,
            reason: reason.into(),
        }
    }

    /// A stable machine-readable code for the variant, used by the CLI and the bindings.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidInput { .. } => "invalid_input",
            Error::UnsupportedFormat(_) => "unsupported_format",
            Error::LimitExceeded { .. } => "limit_exceeded",
            Error::Encrypted { .. } => "encrypted",
            Error::NoTextLayer { .. } => "no_text_layer",
            Error::Corrupt { .. } => "corrupt",
            Error::Provider { .. } => "provider",
            Error::NotFound(_) => "not_found",
            Error::Http { .. } => "http",
            Error::Timeout { .. } => "timeout",
            Error::Cancelled(_) => "cancelled",
            Error::Storage { .. } => "storage",
            Error::Render(_) => "render",
        }
    }
}

/// Result alias for the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;
