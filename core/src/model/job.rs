//! `Job`: a structured job posting, convertible to and from schema.org `JobPosting`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Where the work happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkplaceType {
    Remote,
    Hybrid,
    OnSite,
}

/// The kind of contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Contract,
    Temporary,
    Internship,
    Volunteer,
    PerDiem,
    Other,
}

/// Seniority, from intern to executive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seniority {
    Intern,
    Junior,
    Mid,
    Senior,
    Lead,
    Principal,
    Manager,
    Director,
    Executive,
}

/// What a salary figure is per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SalaryPeriod {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A stated salary range. Amounts are in units of `currency` (ISO 4217) per `period`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Salary {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    pub period: SalaryPeriod,
}

impl Salary {
    /// The midpoint (or the one stated bound) scaled to a year, for comparisons.
    pub fn annual_mid(&self) -> Option<f64> {
        let mid = match (self.min, self.max) {
            (Some(a), Some(b)) => (a + b) / 2.0,
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => return None,
        };
        let factor = match self.period {
            SalaryPeriod::Hour => 2080.0,
            SalaryPeriod::Day => 260.0,
            SalaryPeriod::Week => 52.0,
            SalaryPeriod::Month => 12.0,
            SalaryPeriod::Year => 1.0,
        };
        Some(mid * factor)
    }
}

/// A skill named by a job, with its canonical form when the taxonomy knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JobSkill {
    /// Canonical name from the taxonomy, or the text as written.
    pub name: String,
    /// The words used in the posting, when they differ from `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
}

/// A job posting in structured form.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Job {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workplace_type: Option<WorkplaceType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employment_type: Option<EmploymentType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seniority: Option<Seniority>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years_min: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years_max: Option<f32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub required_skills: Vec<JobSkill>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub preferred_skills: Vec<JobSkill>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
    /// Requirement lines as written ("5+ years of Rust"), for scoring and retrieval.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub benefits: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<Salary>,
    /// Where the posting came from (`remoteok`, `greenhouse`, `text`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// ISO 8601 date (or date-time) the posting was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_posted: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_through: Option<String>,
    /// The full description as plain text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Keys this crate does not model, kept verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Job {
    /// Reads a Job from its JSON form.
    pub fn from_json(text: &str) -> crate::Result<Job> {
        serde_json::from_str(text).map_err(|e| crate::Error::invalid("job JSON", e.to_string()))
    }

    /// All skills the job names, required first.
    pub fn skills(&self) -> impl Iterator<Item = &JobSkill> {
        self.required_skills
            .iter()
            .chain(self.preferred_skills.iter())
    }
}
