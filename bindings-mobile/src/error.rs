//! Core errors as a few actionable variants. Kotlin sees `CopilotException.InvalidInput` and
//! so on (each with the core's `message`), Swift `CopilotError.InvalidInput(message:)`.

/// What went wrong, grouped by what the app can do about it.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum CopilotError {
    /// The input is malformed or empty, or an option is invalid: fix the input.
    #[error("{0}")]
    InvalidInput(String),
    /// The bytes are of a format this build cannot read: ask for PDF, DOCX, text, ...
    #[error("{0}")]
    Unsupported(String),
    /// A size or work limit was hit: the document is too large.
    #[error("{0}")]
    LimitExceeded(String),
    /// The document is encrypted: ask for an unprotected copy.
    #[error("{0}")]
    Encrypted(String),
    /// A scanned PDF without text: it needs OCR first.
    #[error("{0}")]
    NoTextLayer(String),
    /// The document is damaged: ask for a re-export.
    #[error("{0}")]
    Corrupt(String),
    /// A provider (LLM, embedder, store, HTTP) failed: retry or reconfigure.
    #[error("{0}")]
    Provider(String),
    /// A requested item does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Anything else (a newer engine error, or a failure inside the binding).
    #[error("{0}")]
    Other(String),
}

impl From<career_copilot::Error> for CopilotError {
    fn from(err: career_copilot::Error) -> Self {
        use career_copilot::Error as E;
        let message = err.to_string();
        match err {
            E::InvalidInput { .. } => CopilotError::InvalidInput(message),
            E::UnsupportedFormat(_) => CopilotError::Unsupported(message),
            E::LimitExceeded { .. } => CopilotError::LimitExceeded(message),
            E::Encrypted { .. } => CopilotError::Encrypted(message),
            E::NoTextLayer { .. } => CopilotError::NoTextLayer(message),
            E::Corrupt { .. } => CopilotError::Corrupt(message),
            E::Provider { .. } => CopilotError::Provider(message),
            E::NotFound(_) => CopilotError::NotFound(message),
            // The core error is non-exhaustive: new variants arrive as `Other` until mapped.
            _ => CopilotError::Other(message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_their_message() {
        let err = CopilotError::from(career_copilot::Error::invalid("resume", "it is empty"));
        assert!(
            matches!(&err, CopilotError::InvalidInput(m) if m == "invalid resume: it is empty"),
            "{err:?}"
        );
        let err = CopilotError::from(career_copilot::Error::NoTextLayer { pages: 2 });
        assert!(matches!(err, CopilotError::NoTextLayer(_)));
    }
}
