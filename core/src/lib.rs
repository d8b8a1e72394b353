//! # Career Copilot
//!
//! The engine behind career-assistant apps: documents in, structured profiles and jobs out,
//! then scoring, retrieval, generation and rendering on top. The crate is pure: it takes bytes
//! and values, and reaches the outside world only through provider traits.
//!
//! ## The pipeline
//! 1. **Ingest** ([`ingest`]): [`parse_resume`] turns a PDF, DOCX, HTML, Markdown, plain text,
//!    JSON Resume, RenderCV YAML or LinkedIn data export into a [`Profile`] (a superset of
//!    JSON Resume); [`parse_job`] turns a posting (text, HTML with schema.org `JobPosting`,
//!    job-board JSON) into a [`Job`]. Both return the value with warnings ([`Parsed`]).
//! 2. **Skills** ([`skills`]): a taxonomy shipped as data, with fast matching and autocomplete.
//!
//! ```
//! use career_copilot::{parse_job, parse_resume, Hint};
//!
//! let resume = "Ada Lovelace\nada@example.com | +44 20 7946 0958\n\nExperience\n\
//!               Senior Engineer, Analytical Engines Ltd   Jan 2019 - Present\n\
//!               - Built a Rust service handling 10k requests per second\n\n\
//!               Skills\nLanguages: Rust, Python, SQL\n";
//! let profile = parse_resume(resume.as_bytes(), &Hint::default())?.value;
//! assert_eq!(profile.name(), Some("Ada Lovelace"));
//!
//! let job = parse_job(b"Senior Rust Engineer\nRequirements:\n- 5+ years of Rust\n", &Hint::default())?.value;
//! assert_eq!(job.years_min, Some(5.0));
//! # Ok::<(), career_copilot::Error>(())
//! ```
//!
//! ## Features
//! - `pdf` (default): PDF text extraction through pdf-extract and lopdf.
//! - `docx` (default): DOCX extraction (a bounded, single-pass reader of the WordprocessingML).
//! - `html` (default): HTML resumes and job pages, with schema.org `JobPosting` JSON-LD.
//!
//! All default features are pure Rust and build for `wasm32-unknown-unknown`.
//!
//! ## Errors and findings
//! Failures are [`Error`]s whose messages name what was wrong; findings such as low confidence
//! or unknown headings come back as [`Warning`](ingest::Warning)s inside [`Parsed`]. Every
//! parser is bounded by [`Limits`].

pub mod ats;
pub mod error;
pub mod generate;
pub mod http;
pub mod ingest;
mod limits;
pub mod matching;
pub mod model;
pub mod render;
pub mod retrieve;
pub mod skills;
pub mod sources;
pub mod store;
pub mod track;

pub use error::{Error, Result};
pub use ingest::{Hint, Parsed, parse_job, parse_resume};
pub use limits::Limits;
pub use model::{Job, Profile};
