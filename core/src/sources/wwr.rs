//! We Work Remotely's RSS feeds (`/remote-jobs.rss`, or one category's
//! `/categories/remote-programming-jobs.rss`). Each item's title is `Company: Job title`; the
//! item is read as a schema.org `JobPosting` so the ingest code does the rest.

use serde_json::{Value, json};

use super::fetch::{self, Expect};
use super::{Attribution, FetchOptions, Fetched, JobSource, base, rss, stamp};
use crate::http::HttpClient;
use crate::ingest::Warning;
use crate::{Error, Result};

/// We Work Remotely, all jobs or one category's feed.
#[derive(Debug, Clone)]
pub struct WeWorkRemotely {
    /// Defaults to `https://weworkremotely.com`.
    pub base_url: String,
    /// The feed's path; defaults to `/remote-jobs.rss` (every category).
    pub path: String,
}

impl Default for WeWorkRemotely {
    fn default() -> Self {
        WeWorkRemotely {
            base_url: "https://weworkremotely.com".into(),
            path: "/remote-jobs.rss".into(),
        }
    }
}

impl WeWorkRemotely {
    /// One category's feed (`programming` reads `/categories/remote-programming-jobs.rss`).
    pub fn category(category: &str) -> Self {
        WeWorkRemotely {
            path: format!("/categories/remote-{category}-jobs.rss"),
            ..Self::default()
        }
    }

    /// The same feed at another base URL.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }
}

/// One RSS item as a schema.org `JobPosting`; `None` without a title.
fn posting(item: &rss::Item) -> Option<Value> {
    let raw_title = item.get("title")?;
    // "Acme Corp: Senior Rust Engineer"; a title without the company keeps the whole text.
    let (company, title) = match raw_title.split_once(": ") {
        Some((c, t)) if !c.trim().is_empty() && !t.trim().is_empty() => (Some(c.trim()), t.trim()),
        _ => (None, raw_title),
    };
    let link = item.get("link").or_else(|| item.get("guid"));
    let id = link
        .map(|l| l.trim_end_matches('/').rsplit('/').next().unwrap_or(l))
        .or_else(|| item.get("guid"));
    let mut p = json!({
        "@type": "JobPosting",
        "title": title,
        "description": item.get("description").unwrap_or(""),
        "jobLocationType": "TELECOMMUTE",
        "careerCopilot": {"source": "weworkremotely"},
    });
    let o = p.as_object_mut()?;
    let mut put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            o.insert(k.into(), v);
        }
    };
    put("hiringOrganization", company.map(|c| json!({"name": c})));
    put("url", link.map(|l| json!(l)));
    put("identifier", id.map(|i| json!(i)));
    put(
        "datePosted",
        item.get("pubDate")
            .and_then(rss::rfc2822_to_iso)
            .map(Value::from),
    );
    put(
        "validThrough",
        item.get("expires_at")
            .and_then(rss::rfc2822_to_iso)
            .map(Value::from),
    );
    put("employmentType", item.get("type").map(|t| json!(t)));
    let region = item.get("region").or_else(|| item.get("country"));
    put(
        "applicantLocationRequirements",
        region.map(|r| json!({"@type": "AdministrativeArea", "name": r})),
    );
    put(
        "occupationalCategory",
        item.get("category").map(|c| json!(c)),
    );
    Some(p)
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl JobSource for WeWorkRemotely {
    fn name(&self) -> String {
        if self.path == "/remote-jobs.rss" {
            "wwr".into()
        } else {
            format!("wwr:{}", self.path.trim_start_matches('/'))
        }
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            name: "We Work Remotely".into(),
            url: "https://weworkremotely.com".into(),
            terms: None,
        }
    }

    async fn fetch(&self, http: &dyn HttpClient, opts: &FetchOptions) -> Result<Fetched> {
        let url = format!("{}{}", base(&self.base_url), self.path);
        let body = fetch::get(http, &url, Expect::Xml, opts).await?;
        // Feeds list a few hundred items; refuse absurd ones rather than parse them all.
        let items = rss::items(&body, opts.max_jobs.saturating_mul(4).max(1), &opts.limits)
            .map_err(|e| match e {
                Error::Corrupt { reason, .. } => Error::corrupt("RSS", format!("{url}: {reason}")),
                other => other,
            })?;
        let postings: Vec<Value> = items.iter().filter_map(posting).collect();
        let mut warnings = Vec::new();
        if postings.len() < items.len() {
            warnings.push(Warning::new(
                "skipped-postings",
                format!("{url}: {} items had no title", items.len() - postings.len()),
            ));
        }
        let graph = serde_json::to_vec(&postings)
            .map_err(|e| Error::invalid("RSS items", e.to_string()))?;
        let (mut jobs, more) = fetch::board_jobs(&url, &graph, postings.len(), opts)?;
        warnings.extend(more);
        let attribution = self.attribution();
        for job in &mut jobs {
            stamp(job, "weworkremotely", &attribution);
        }
        Ok(Fetched {
            jobs,
            warnings,
            requests: 1,
        })
    }
}
