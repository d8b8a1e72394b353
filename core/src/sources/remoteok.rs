//! RemoteOK's public API: one JSON array, its first element a legal notice (credit Remote OK
//! by name with a followed link back), then the postings.

use serde_json::Value;

use super::fetch::{self, Expect};
use super::{Attribution, FetchOptions, Fetched, JobSource, base, stamp};
use crate::http::HttpClient;
use crate::ingest::Warning;
use crate::{Error, Result};

/// The RemoteOK source. `base_url` defaults to `https://remoteok.com`; tests point it at a
/// local server.
#[derive(Debug, Clone)]
pub struct RemoteOk {
    pub base_url: String,
}

impl Default for RemoteOk {
    fn default() -> Self {
        RemoteOk {
            base_url: "https://remoteok.com".into(),
        }
    }
}

impl RemoteOk {
    /// The source at another base URL.
    pub fn with_base_url(base_url: impl Into<String>) -> Self {
        RemoteOk {
            base_url: base_url.into(),
        }
    }
}

const TERMS: &str = "Link back (followed, not nofollow) to the job's URL on Remote OK and mention Remote OK as the source.";

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl JobSource for RemoteOk {
    fn name(&self) -> String {
        "remoteok".into()
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            name: "Remote OK".into(),
            url: "https://remoteok.com".into(),
            terms: Some(TERMS.into()),
        }
    }

    async fn fetch(&self, http: &dyn HttpClient, opts: &FetchOptions) -> Result<Fetched> {
        let url = format!("{}/api", base(&self.base_url));
        let body = fetch::get(http, &url, Expect::Json, opts).await?;
        let v = fetch::json(&url, &body)?;
        let Value::Array(items) = &v else {
            return Err(Error::corrupt(
                "JSON",
                format!("{url}: expected RemoteOK's array of postings"),
            ));
        };
        let mut warnings = Vec::new();
        // The notice's wording changes; carry the board's own words when it sends them.
        if let Some(legal) = items.iter().find_map(|i| i.get("legal")?.as_str()) {
            warnings.push(Warning::new("terms", legal.to_string()));
        }
        let candidates = items
            .iter()
            .filter(|i| i.is_object() && i.get("legal").is_none())
            .count();
        let (mut jobs, more) = fetch::board_jobs(&url, &body, candidates, opts)?;
        warnings.extend(more);
        let attribution = self.attribution();
        for job in &mut jobs {
            stamp(job, "remoteok", &attribution);
        }
        Ok(Fetched {
            jobs,
            warnings,
            requests: 1,
        })
    }
}
