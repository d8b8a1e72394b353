//! `matching`: ranking and search over a [`JobIndex`], and market insights.

use career_copilot::matching::{self, MatchPrefs, SearchFilters as CoreFilters};
use career_copilot::{Job, Profile};
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;

use crate::ats::ProfileData;
use crate::{convert, error};

#[wasm_bindgen]
extern "C" {
    /// `Job[]`.
    #[wasm_bindgen(typescript_type = "Job[]")]
    pub type JobList;
    /// `{ top?, text?, remote?, locations?, minSalary?, currency?, asOf?, weights?, threshold? }`.
    #[wasm_bindgen(typescript_type = "RankOptions")]
    pub type RankOptions;
    /// `{ remote?, location?, minSalary?, seniority?, postedSince?, limit? }`.
    #[wasm_bindgen(typescript_type = "SearchFilters")]
    pub type SearchFilters;
}

/// Jobs with precomputed features, ready to rank and search many times. Call `free()` when
/// done with a large index (or rely on the `FinalizationRegistry`).
#[wasm_bindgen]
#[derive(Debug)]
pub struct JobIndex {
    inner: matching::JobIndex,
}

#[wasm_bindgen]
impl JobIndex {
    /// Indexes `jobs` (as `parseJob(...).value` returns them). Throws `limit_exceeded` above
    /// the engine's maximum.
    #[wasm_bindgen(constructor)]
    pub fn new(jobs: JobList) -> Result<JobIndex, JsValue> {
        let jobs: Vec<Job> = convert::data_from_js("jobs", jobs.into())?;
        let inner = matching::JobIndex::try_new(jobs).map_err(|e| error::to_js(&e))?;
        Ok(JobIndex { inner })
    }

    /// Number of indexed jobs.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// Approximate bytes of the ranking features per job.
    #[wasm_bindgen(getter, js_name = featureBytesPerJob)]
    pub fn feature_bytes_per_job(&self) -> usize {
        self.inner.feature_bytes_per_job()
    }

    /// The job at `index`, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Job | undefined")]
    pub fn job(&self, index: usize) -> Result<JsValue, JsValue> {
        match self.inner.jobs().get(index) {
            Some(job) => convert::to_js(job),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The best `options.top` jobs (all when absent) for `profile`, best first:
    /// `[{ index, id?, score, factors }]`. The other options are the person's preferences;
    /// `options.text` is the resume's full text, as further evidence.
    #[wasm_bindgen(unchecked_return_type = "Ranked[]")]
    pub fn rank(
        &self,
        profile: ProfileData,
        options: Option<RankOptions>,
    ) -> Result<JsValue, JsValue> {
        let profile: Profile = convert::data_from_js("profile", profile.into())?;
        let mut options = convert::options_json("options", options.map(JsValue::from), &["as_of"])?;
        let mut take = |key: &str| options.as_mut().and_then(|o| o.remove(key));
        let top = match take("top") {
            None | Some(Value::Null) => usize::MAX,
            Some(v) => serde_json::from_value::<usize>(v).map_err(|e| {
                error::js_error("invalid_input", &format!("invalid options.top: {e}"))
            })?,
        };
        let text = match take("text") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(_) => {
                return Err(error::js_error(
                    "invalid_input",
                    "invalid options.text: expected a string",
                ));
            }
        };
        let prefs: MatchPrefs = convert::options_from_json("options", options)?;
        let ranked = self
            .inner
            .rank_with_text(&profile, text.as_deref(), &prefs, top);
        convert::to_js(&ranked)
    }

    /// BM25 search with filters, best first: `[{ index, id?, score }]`. An empty query lists
    /// the jobs that pass the filters, in index order.
    #[wasm_bindgen(unchecked_return_type = "SearchHit[]")]
    pub fn search(&self, query: &str, filters: Option<SearchFilters>) -> Result<JsValue, JsValue> {
        let filters: CoreFilters = convert::options_from_json(
            "filters",
            convert::options_json("filters", filters.map(JsValue::from), &["posted_since"])?,
        )?;
        let hits: Vec<Value> = self
            .inner
            .search(query, &filters)
            .into_iter()
            .map(|(index, score)| match &self.inner.jobs()[index].id {
                Some(id) => json!({"index": index, "id": id, "score": score}),
                None => json!({"index": index, "score": score}),
            })
            .collect();
        convert::to_js(&hits)
    }
}

/// Insights over `jobs` (skill demand, co-occurrence, title clusters), with gaps for `profile`
/// when given; lists hold at most `top` entries (default 20).
#[wasm_bindgen(unchecked_return_type = "Insights")]
pub fn insights(
    jobs: JobList,
    profile: Option<ProfileData>,
    top: Option<usize>,
) -> Result<JsValue, JsValue> {
    let jobs: Vec<Job> = convert::data_from_js("jobs", jobs.into())?;
    let profile: Option<Profile> = match profile.map(JsValue::from) {
        Some(p) if !p.is_undefined() && !p.is_null() => Some(convert::data_from_js("profile", p)?),
        _ => None,
    };
    convert::to_js(&matching::insights(
        profile.as_ref(),
        &jobs,
        top.unwrap_or(20),
    ))
}
