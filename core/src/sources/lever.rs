//! Lever's postings API: `GET /v0/postings/{site}?mode=json&skip=n&limit=m` answers a JSON
//! array of postings, paged with `skip` and `limit`.

use serde_json::Value;

use super::fetch::{self, Expect};
use super::{Attribution, FetchOptions, Fetched, JobSource, base, stamp};
use crate::http::HttpClient;
use crate::ingest::Warning;
use crate::{Error, Result};

/// Postings asked for per page.
const PAGE: usize = 100;

/// One company's Lever site (the `acme` of `jobs.lever.co/acme`).
#[derive(Debug, Clone)]
pub struct Lever {
    pub site: String,
    /// The company's display name; Lever's postings do not carry one. Defaults to the site.
    pub company: Option<String>,
    /// Defaults to `https://api.lever.co`.
    pub base_url: String,
}

impl Lever {
    pub fn new(site: impl Into<String>) -> Self {
        Lever {
            site: site.into(),
            company: None,
            base_url: "https://api.lever.co".into(),
        }
    }

    /// The same site at another base URL.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl JobSource for Lever {
    fn name(&self) -> String {
        format!("lever:{}", self.site)
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            name: "Lever".into(),
            url: format!("https://jobs.lever.co/{}", self.site),
            terms: None,
        }
    }

    async fn fetch(&self, http: &dyn HttpClient, opts: &FetchOptions) -> Result<Fetched> {
        if self.site.is_empty()
            || !self
                .site
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(Error::invalid(
                "Lever site",
                format!("{:?} is not a Lever site name", self.site),
            ));
        }
        let mut out = Fetched::default();
        for page in 0..opts.max_pages.max(1) {
            let url = format!(
                "{}/v0/postings/{}?mode=json&skip={}&limit={PAGE}",
                base(&self.base_url),
                self.site,
                page * PAGE
            );
            let body = fetch::get(http, &url, Expect::Json, opts).await?;
            out.requests += 1;
            let v = fetch::json(&url, &body)?;
            let Value::Array(items) = &v else {
                return Err(Error::corrupt(
                    "JSON",
                    format!("{url}: expected Lever's array of postings"),
                ));
            };
            let (jobs, warnings) = fetch::board_jobs(&url, &body, items.len(), opts)?;
            out.jobs.extend(jobs);
            out.warnings.extend(warnings);
            if items.len() < PAGE || out.jobs.len() >= opts.max_jobs {
                break;
            }
            if page + 1 == opts.max_pages {
                out.warnings.push(Warning::new(
                    "max-pages",
                    format!("stopped after {} pages of {PAGE}", opts.max_pages),
                ));
            }
        }
        out.jobs.truncate(opts.max_jobs);
        let company = self.company.clone().unwrap_or_else(|| self.site.clone());
        let attribution = self.attribution();
        for job in &mut out.jobs {
            job.company.get_or_insert_with(|| company.clone());
            stamp(job, "lever", &attribution);
        }
        Ok(out)
    }
}
