//! Greenhouse's job board API: `GET /v1/boards/{token}/jobs?content=true` answers
//! `{"jobs": [...], "meta": {"total": n}}` with each description as escaped HTML.

use serde_json::Value;

use super::fetch::{self, Expect};
use super::{Attribution, FetchOptions, Fetched, JobSource, base, stamp};
use crate::http::HttpClient;
use crate::ingest::Warning;
use crate::{Error, Result};

/// One company's Greenhouse board, named by its board token.
#[derive(Debug, Clone)]
pub struct Greenhouse {
    pub token: String,
    /// Defaults to `https://boards-api.greenhouse.io`.
    pub base_url: String,
}

impl Greenhouse {
    /// The board `token` (the `acme` of `boards.greenhouse.io/acme`).
    pub fn new(token: impl Into<String>) -> Self {
        Greenhouse {
            token: token.into(),
            base_url: "https://boards-api.greenhouse.io".into(),
        }
    }

    /// The same board at another base URL.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// The company's display name from the board itself (`GET /v1/boards/{token}`), for jobs
    /// that do not carry `company_name`.
    async fn board_name(&self, http: &dyn HttpClient, opts: &FetchOptions) -> Result<String> {
        let url = format!("{}/v1/boards/{}", base(&self.base_url), self.token);
        let body = fetch::get(http, &url, Expect::Json, opts).await?;
        fetch::json(&url, &body)?
            .get("name")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .ok_or_else(|| Error::corrupt("JSON", format!("{url}: the board has no name")))
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl JobSource for Greenhouse {
    fn name(&self) -> String {
        format!("greenhouse:{}", self.token)
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            name: "Greenhouse".into(),
            url: format!("https://boards.greenhouse.io/{}", self.token),
            terms: None,
        }
    }

    async fn fetch(&self, http: &dyn HttpClient, opts: &FetchOptions) -> Result<Fetched> {
        if self.token.is_empty()
            || !self
                .token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(Error::invalid(
                "Greenhouse board token",
                format!("{:?} is not a board token", self.token),
            ));
        }
        let url = format!(
            "{}/v1/boards/{}/jobs?content=true",
            base(&self.base_url),
            self.token
        );
        let body = fetch::get(http, &url, Expect::Json, opts).await?;
        let v = fetch::json(&url, &body)?;
        let Some(items) = v.get("jobs").and_then(Value::as_array) else {
            return Err(Error::corrupt(
                "JSON",
                format!("{url}: expected Greenhouse's {{\"jobs\": [...]}}"),
            ));
        };
        let (mut jobs, mut warnings) = fetch::board_jobs(&url, &body, items.len(), opts)?;
        let mut requests = 1;
        if jobs.iter().any(|j| j.company.is_none()) {
            requests += 1;
            let company = match self.board_name(http, opts).await {
                Ok(name) => name,
                Err(e) => {
                    warnings.push(Warning::new(
                        "no-company-name",
                        format!("used the board token as the company: {e}"),
                    ));
                    self.token.clone()
                }
            };
            for job in jobs.iter_mut().filter(|j| j.company.is_none()) {
                job.company = Some(company.clone());
            }
        }
        let attribution = self.attribution();
        for job in &mut jobs {
            stamp(job, "greenhouse", &attribution);
        }
        Ok(Fetched {
            jobs,
            warnings,
            requests,
        })
    }
}
