//! schema.org `JobPosting` (JSON-LD) to and from [`Job`].
//!
//! Reading accepts what pages publish (strings or objects, one value or an array, HTML
//! descriptions). Writing follows Google's structured-data guidance, and keeps what schema.org
//! has no property for (preferred skills, seniority, hybrid or on-site, the upper bound of
//! years) under a `careerCopilot` key, so that Job → JSON-LD → Job loses nothing.

use serde_json::{Map, Value, json};

use super::{experience, fragment, place, salary};
use crate::model::{EmploymentType, Job, JobSkill, Salary, SalaryPeriod, WorkplaceType};

/// The key holding the fields schema.org cannot carry.
const EXT: &str = "careerCopilot";

/// Properties this module reads; every other property is kept in [`Job::extra`].
const KNOWN: &[&str] = &[
    "title",
    "name",
    "hiringOrganization",
    "jobLocation",
    "jobLocationType",
    "applicantLocationRequirements",
    "employmentType",
    "baseSalary",
    "estimatedSalary",
    "datePosted",
    "validThrough",
    "description",
    "identifier",
    "url",
    "skills",
    "qualifications",
    "responsibilities",
    "experienceRequirements",
    "educationRequirements",
    "jobBenefits",
    "salaryCurrency",
    EXT,
];

fn is_job_posting(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => t.ends_with("JobPosting"),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| t.ends_with("JobPosting"))),
        _ => false,
    }
}

/// The `JobPosting` objects in a JSON-LD value (one object, an array, or an `@graph`).
pub(crate) fn postings(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(items) => items.iter().flat_map(postings).collect(),
        Value::Object(_) if is_job_posting(v) => vec![v],
        Value::Object(o) => o.get("@graph").map(postings).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Reads a schema.org `JobPosting`. `None` when `v` holds none.
pub fn from_json_ld(v: &Value) -> Option<Job> {
    let p = *postings(v).first()?;
    let o = p.as_object()?;
    let mut job = Job {
        title: text(o.get("title").or_else(|| o.get("name"))),
        ..Job::default()
    };
    job.company = o.get("hiringOrganization").and_then(|h| match h {
        Value::Object(_) => text(h.get("name")),
        other => text(Some(other)),
    });
    for place in many(o.get("jobLocation")) {
        if let Some(l) = location(place) {
            push_unique(&mut job.locations, l);
        }
    }
    for area in many(o.get("applicantLocationRequirements")) {
        if let Some(l) = text(area.get("name")).or_else(|| text(Some(area))) {
            push_unique(&mut job.locations, l);
        }
    }
    if many(o.get("jobLocationType")).iter().any(|t| {
        t.as_str()
            .is_some_and(|t| t.eq_ignore_ascii_case("TELECOMMUTE"))
    }) {
        job.workplace_type = Some(WorkplaceType::Remote);
    }
    job.employment_type = many(o.get("employmentType"))
        .iter()
        .filter_map(|t| t.as_str())
        .find_map(employment_from_schema);
    job.salary = o
        .get("baseSalary")
        .or_else(|| o.get("estimatedSalary"))
        .and_then(|s| salary_from(s, o.get("salaryCurrency")));
    job.date_posted = text(o.get("datePosted"));
    job.valid_through = text(o.get("validThrough"));
    job.description = o
        .get("description")
        .and_then(Value::as_str)
        .map(fragment::description_text)
        .unwrap_or_default();
    job.source_id = o.get("identifier").and_then(|i| match i {
        Value::Object(m) => scalar(m.get("value")),
        other => scalar(Some(other)),
    });
    job.url = text(o.get("url"));
    job.required_skills = skills(o.get("skills"));
    job.requirements = lines(o.get("qualifications"));
    job.responsibilities = lines(o.get("responsibilities"));
    job.benefits = lines(o.get("jobBenefits"));
    for req in many(o.get("experienceRequirements")) {
        if let Some(months) = req.get("monthsOfExperience").and_then(number) {
            job.years_min = Some((months / 12.0) as f32);
        } else if let Some(y) = text(Some(req)).and_then(|t| experience::find(&t)) {
            job.years_min = Some(y.min);
            job.years_max = y.max;
        }
        if job.years_min.is_some() {
            break;
        }
    }
    job.education = many(o.get("educationRequirements"))
        .into_iter()
        .find_map(|e| match e {
            Value::Object(m) => text(m.get("description"))
                .or_else(|| text(m.get("name")))
                .or_else(|| text(m.get("credentialCategory"))),
            other => text(Some(other)),
        });
    if let Some(Value::Object(ext)) = o.get(EXT) {
        read_extension(ext, &mut job);
    }
    for (k, v) in o {
        if !k.starts_with('@') && !KNOWN.contains(&k.as_str()) {
            job.extra.insert(k.clone(), v.clone());
        }
    }
    Some(job)
}

fn de<T: serde::de::DeserializeOwned>(ext: &Map<String, Value>, k: &str) -> Option<T> {
    ext.get(k)
        .cloned()
        .and_then(|v| serde_json::from_value(v).ok())
}

fn read_extension(ext: &Map<String, Value>, job: &mut Job) {
    if let Some(id) = de(ext, "id") {
        job.id = Some(id);
    }
    if let Some(s) = de(ext, "source") {
        job.source = Some(s);
    }
    if let Some(w) = de(ext, "workplaceType") {
        job.workplace_type = Some(w);
    }
    if let Some(s) = de(ext, "seniority") {
        job.seniority = Some(s);
    }
    if let Some(y) = de(ext, "yearsMax") {
        job.years_max = Some(y);
    }
    if let Some(Value::Array(_)) = ext.get("preferredSkills") {
        job.preferred_skills = skills(ext.get("preferredSkills"));
    }
    if let Some(Value::Object(extra)) = ext.get("extra") {
        for (k, v) in extra {
            job.extra.insert(k.clone(), v.clone());
        }
    }
}

/// Writes a [`Job`] as a schema.org `JobPosting`.
pub fn to_json_ld(job: &Job) -> Value {
    let mut o = Map::new();
    o.insert("@context".into(), json!("https://schema.org/"));
    o.insert("@type".into(), json!("JobPosting"));
    let mut put = |k: &str, v: Value| {
        o.insert(k.to_string(), v);
    };
    if let Some(t) = &job.title {
        put("title", json!(t));
    }
    if !job.description.is_empty() {
        put("description", json!(job.description));
    }
    if let Some(d) = &job.date_posted {
        put("datePosted", json!(d));
    }
    if let Some(d) = &job.valid_through {
        put("validThrough", json!(d));
    }
    if let Some(t) = job.employment_type {
        put("employmentType", json!(employment_to_schema(t)));
    }
    if let Some(c) = &job.company {
        put(
            "hiringOrganization",
            json!({"@type": "Organization", "name": c}),
        );
    }
    if job.workplace_type == Some(WorkplaceType::Remote) {
        put("jobLocationType", json!("TELECOMMUTE"));
        if !job.locations.is_empty() {
            let areas: Vec<Value> = job
                .locations
                .iter()
                .map(|l| json!({"@type": "AdministrativeArea", "name": l}))
                .collect();
            put("applicantLocationRequirements", Value::Array(areas));
        }
    } else if !job.locations.is_empty() {
        let places: Vec<Value> = job
            .locations
            .iter()
            .map(|l| json!({"@type": "Place", "address": address(l)}))
            .collect();
        put("jobLocation", Value::Array(places));
    }
    if let Some(s) = &job.salary {
        put("baseSalary", salary_to(s));
    }
    if job.source_id.is_some() {
        let name = job.source.clone().or_else(|| job.company.clone());
        let mut id = json!({"@type": "PropertyValue", "value": job.source_id});
        if let (Some(n), Some(m)) = (name, id.as_object_mut()) {
            m.insert("name".into(), json!(n));
        }
        put("identifier", id);
    }
    if let Some(u) = &job.url {
        put("url", json!(u));
    }
    if !job.required_skills.is_empty() {
        put("skills", skills_to(&job.required_skills));
    }
    if !job.requirements.is_empty() {
        put("qualifications", json!(job.requirements));
    }
    if !job.responsibilities.is_empty() {
        put("responsibilities", json!(job.responsibilities));
    }
    if !job.benefits.is_empty() {
        put("jobBenefits", json!(job.benefits));
    }
    if let Some(y) = job.years_min {
        put(
            "experienceRequirements",
            json!({"@type": "OccupationalExperienceRequirements", "monthsOfExperience": f64::from(y) * 12.0}),
        );
    }
    if let Some(e) = &job.education {
        let mut cred = json!({"@type": "EducationalOccupationalCredential", "description": e});
        if let (Some(cat), Some(m)) = (credential_category(e), cred.as_object_mut()) {
            m.insert("credentialCategory".into(), json!(cat));
        }
        put("educationRequirements", cred);
    }
    let mut ext = Map::new();
    let mut ext_put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            ext.insert(k.to_string(), v);
        }
    };
    ext_put("id", job.id.as_ref().map(|v| json!(v)));
    ext_put("source", job.source.as_ref().map(|v| json!(v)));
    ext_put(
        "workplaceType",
        job.workplace_type
            .filter(|w| *w != WorkplaceType::Remote)
            .map(|v| json!(v)),
    );
    ext_put("seniority", job.seniority.map(|v| json!(v)));
    ext_put("yearsMax", job.years_max.map(|v| json!(v)));
    ext_put(
        "preferredSkills",
        (!job.preferred_skills.is_empty()).then(|| skills_to(&job.preferred_skills)),
    );
    // Extra keys that would clash with a property written above stay in the extension.
    let clashing: Map<String, Value> = job
        .extra
        .iter()
        .filter(|(k, _)| o.contains_key(*k) || KNOWN.contains(&k.as_str()) || k.starts_with('@'))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    ext_put(
        "extra",
        (!clashing.is_empty()).then_some(Value::Object(clashing)),
    );
    for (k, v) in &job.extra {
        if !o.contains_key(k) && !KNOWN.contains(&k.as_str()) && !k.starts_with('@') {
            o.insert(k.clone(), v.clone());
        }
    }
    if !ext.is_empty() {
        o.insert(EXT.into(), Value::Object(ext));
    }
    Value::Object(o)
}

fn many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    }
}

/// A non-empty string value, entities decoded and whitespace tidied.
fn text(v: Option<&Value>) -> Option<String> {
    let s = v?.as_str()?;
    let s = fragment::decode_entities(&fragment::fix_mojibake(s));
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A string or a number as a string (identifiers).
fn scalar(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Number(n) => Some(n.to_string()),
        other => text(Some(other)),
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => salary::number(s.trim()),
        _ => None,
    }
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Lines from a text property: an array of strings, or one string (HTML or plain) split into
/// its lines or bullets.
fn lines(v: Option<&Value>) -> Vec<String> {
    many(v)
        .into_iter()
        .flat_map(|item| match item.as_str() {
            Some(s) => fragment::to_lines(s)
                .into_iter()
                .map(|l| l.text)
                .filter(|t| !t.is_empty())
                .collect(),
            None => text(item.get("name").or_else(|| item.get("description")))
                .into_iter()
                .collect::<Vec<_>>(),
        })
        .collect()
}

fn skills(v: Option<&Value>) -> Vec<JobSkill> {
    let mut out: Vec<JobSkill> = Vec::new();
    for item in many(v) {
        match item {
            Value::String(s) => {
                for part in s
                    .split([',', ';', '\n', '•'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    out.push(JobSkill {
                        name: part.to_string(),
                        matched: None,
                    });
                }
            }
            Value::Object(m) => {
                if let Some(name) = text(m.get("name")) {
                    out.push(JobSkill {
                        name,
                        matched: text(m.get("alternateName")),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

fn skills_to(list: &[JobSkill]) -> Value {
    Value::Array(
        list.iter()
            .map(|s| match &s.matched {
                Some(m) => json!({"@type": "DefinedTerm", "name": s.name, "alternateName": m}),
                None => json!(s.name),
            })
            .collect(),
    )
}

/// A place as text: its address parts joined, or its name.
fn location(place: &Value) -> Option<String> {
    let addr = place.get("address").unwrap_or(place);
    if addr.is_string() {
        return text(Some(addr));
    }
    let part = |k: &str| {
        addr.get(k).and_then(|v| match v {
            Value::Object(_) => text(v.get("name")),
            other => text(Some(other)),
        })
    };
    let parts: Vec<String> = ["addressLocality", "addressRegion", "addressCountry"]
        .iter()
        .filter_map(|k| part(k))
        .collect();
    if parts.is_empty() {
        text(place.get("name"))
    } else {
        Some(parts.join(", "))
    }
}

/// A location string as a `PostalAddress`, split so that reading it back gives the same string.
fn address(loc: &str) -> Value {
    let parts: Vec<&str> = loc.split(", ").collect();
    let mut a = Map::new();
    a.insert("@type".into(), json!("PostalAddress"));
    match parts.as_slice() {
        [one] if place::is_country(one) => {
            a.insert("addressCountry".into(), json!(one));
        }
        [one] => {
            a.insert("addressLocality".into(), json!(one));
        }
        [city, second] => {
            a.insert("addressLocality".into(), json!(city));
            let key = if place::is_region(second) {
                "addressRegion"
            } else {
                "addressCountry"
            };
            a.insert(key.into(), json!(second));
        }
        [head @ .., region, country] => {
            a.insert("addressLocality".into(), json!(head.join(", ")));
            a.insert("addressRegion".into(), json!(region));
            a.insert("addressCountry".into(), json!(country));
        }
        [] => {}
    }
    Value::Object(a)
}

fn employment_from_schema(t: &str) -> Option<EmploymentType> {
    Some(
        match t
            .trim()
            .to_ascii_uppercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "FULL_TIME" | "FULLTIME" => EmploymentType::FullTime,
            "PART_TIME" | "PARTTIME" => EmploymentType::PartTime,
            "CONTRACTOR" | "CONTRACT" => EmploymentType::Contract,
            "TEMPORARY" => EmploymentType::Temporary,
            "INTERN" | "INTERNSHIP" => EmploymentType::Internship,
            "VOLUNTEER" => EmploymentType::Volunteer,
            "PER_DIEM" => EmploymentType::PerDiem,
            "OTHER" => EmploymentType::Other,
            _ => return None,
        },
    )
}

fn employment_to_schema(t: EmploymentType) -> &'static str {
    match t {
        EmploymentType::FullTime => "FULL_TIME",
        EmploymentType::PartTime => "PART_TIME",
        EmploymentType::Contract => "CONTRACTOR",
        EmploymentType::Temporary => "TEMPORARY",
        EmploymentType::Internship => "INTERN",
        EmploymentType::Volunteer => "VOLUNTEER",
        EmploymentType::PerDiem => "PER_DIEM",
        EmploymentType::Other => "OTHER",
    }
}

fn unit_text(p: SalaryPeriod) -> &'static str {
    match p {
        SalaryPeriod::Hour => "HOUR",
        SalaryPeriod::Day => "DAY",
        SalaryPeriod::Week => "WEEK",
        SalaryPeriod::Month => "MONTH",
        SalaryPeriod::Year => "YEAR",
    }
}

fn salary_from(v: &Value, currency_prop: Option<&Value>) -> Option<Salary> {
    let currency = text(v.get("currency"))
        .or_else(|| text(currency_prop))
        .map(|c| currency_code(&c));
    let q = v.get("value").unwrap_or(v);
    let (min, max) = match q {
        Value::Object(_) => {
            let min = q.get("minValue").and_then(number);
            let max = q.get("maxValue").and_then(number);
            if min.is_none() && max.is_none() {
                (q.get("value").and_then(number), None)
            } else {
                (min, max)
            }
        }
        other => (number(other), None),
    };
    let period = match text(q.get("unitText"))
        .map(|u| u.to_ascii_uppercase())
        .as_deref()
    {
        Some("HOUR" | "HOURLY") => SalaryPeriod::Hour,
        Some("DAY" | "DAILY") => SalaryPeriod::Day,
        Some("WEEK" | "WEEKLY") => SalaryPeriod::Week,
        Some("MONTH" | "MONTHLY") => SalaryPeriod::Month,
        _ => SalaryPeriod::Year,
    };
    (min.is_some() || max.is_some()).then_some(Salary {
        min,
        max,
        currency,
        period,
    })
}

/// An ISO 4217 code as given, or the code for a symbol.
fn currency_code(c: &str) -> String {
    if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic()) {
        c.to_ascii_uppercase()
    } else {
        salary::currency(c).to_string()
    }
}

fn salary_to(s: &Salary) -> Value {
    let mut q = Map::new();
    q.insert("@type".into(), json!("QuantitativeValue"));
    match (s.min, s.max) {
        (Some(a), None) => {
            q.insert("value".into(), json!(a));
        }
        (a, b) => {
            if let Some(a) = a {
                q.insert("minValue".into(), json!(a));
            }
            if let Some(b) = b {
                q.insert("maxValue".into(), json!(b));
            }
        }
    }
    q.insert("unitText".into(), json!(unit_text(s.period)));
    let mut m = json!({"@type": "MonetaryAmount", "value": Value::Object(q)});
    if let (Some(c), Some(o)) = (&s.currency, m.as_object_mut()) {
        o.insert("currency".into(), json!(c));
    }
    m
}

/// Google's `credentialCategory` for an education line.
fn credential_category(e: &str) -> Option<&'static str> {
    let l = e.to_lowercase();
    if l.contains("phd")
        || l.contains("ph.d")
        || l.contains("master")
        || l.contains("doctor")
        || l.contains("mba")
    {
        Some("postgraduate degree")
    } else if l.contains("bachelor")
        || l.contains("b.s")
        || l.contains("bs ")
        || l.contains("ba ")
        || l.contains("degree")
    {
        Some("bachelor degree")
    } else if l.contains("associate") {
        Some("associate degree")
    } else if l.contains("high school") || l.contains("ged") {
        Some("high school")
    } else if l.contains("certif") {
        Some("professional certificate")
    } else {
        None
    }
}
