//! Any page carrying schema.org `JobPosting` JSON-LD (most career sites do, for Google's job
//! search). One posting reads the page's visible text too; a listing page gives each posting.

use serde_json::Value;

use super::fetch::{self, Expect};
use super::{Attribution, FetchOptions, Fetched, JobSource, stamp};
use crate::http::HttpClient;
use crate::ingest::{Format, Hint, html};
use crate::{Error, Result};

/// One web page, by URL.
#[derive(Debug, Clone)]
pub struct JsonLdPage {
    pub url: String,
}

impl JsonLdPage {
    pub fn new(url: impl Into<String>) -> Self {
        JsonLdPage { url: url.into() }
    }

    fn host(&self) -> &str {
        let rest = self
            .url
            .split_once("://")
            .map_or(self.url.as_str(), |(_, r)| r);
        rest.split(['/', '?', '#']).next().unwrap_or(rest)
    }
}

fn is_posting(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => t.ends_with("JobPosting"),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| t.ends_with("JobPosting"))),
        _ => false,
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl JobSource for JsonLdPage {
    fn name(&self) -> String {
        format!("jsonld:{}", self.url)
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            name: self.host().to_string(),
            url: self.url.clone(),
            terms: None,
        }
    }

    async fn fetch(&self, http: &dyn HttpClient, opts: &FetchOptions) -> Result<Fetched> {
        if !(self.url.starts_with("http://") || self.url.starts_with("https://")) {
            return Err(Error::invalid(
                "page URL",
                format!("{:?} is not an http(s) URL", self.url),
            ));
        }
        let body = fetch::get(http, &self.url, Expect::Html, opts).await?;
        let postings: Vec<Value> = html::json_ld(&body, &opts.limits)?
            .into_iter()
            .filter(is_posting)
            .collect();
        let (mut jobs, warnings) = match postings.len() {
            0 => {
                return Err(Error::NotFound(format!(
                    "{} carries no schema.org JobPosting JSON-LD",
                    self.url
                )));
            }
            // One posting: the page's visible text fills what the JSON-LD leaves out.
            1 => {
                let hint = Hint {
                    format: Some(Format::Html),
                    limits: opts.limits,
                    ..Hint::default()
                };
                let parsed = crate::ingest::parse_job(&body, &hint)?;
                (vec![parsed.value], Vec::new())
            }
            n => {
                let list = serde_json::to_vec(&postings)
                    .map_err(|e| Error::invalid("JSON-LD", e.to_string()))?;
                fetch::board_jobs(&self.url, &list, n, opts)?
            }
        };
        let attribution = self.attribution();
        let several = jobs.len() > 1;
        for (i, job) in jobs.iter_mut().enumerate() {
            // The posting's own URL is its stable id; a listing without one falls back to
            // the page and the posting's identifier (or place on the page).
            if job.url.is_none() && !several {
                job.url = Some(self.url.clone());
            }
            let id = match (&job.url, &job.source_id) {
                (Some(u), _) => u.clone(),
                (None, Some(sid)) => format!("{}#{sid}", self.url),
                (None, None) => format!("{}#{}", self.url, i + 1),
            };
            job.source_id = Some(id);
            stamp(job, "jsonld", &attribution);
        }
        Ok(Fetched {
            jobs,
            warnings,
            requests: 1,
        })
    }
}
