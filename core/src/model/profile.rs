//! `Profile`: a superset of the JSON Resume schema (v1.0.0).
//!
//! Every JSON Resume section and field is here, and unknown keys are kept in `extra`, so a JSON
//! Resume document read and written back is unchanged. Our extensions use `x-` keys, which the
//! schema allows and other JSON Resume tools ignore:
//! - `x-id`: a stable item id (see [`Profile::ensure_ids`]);
//! - `x-ongoing`: an explicit "present" end for dated items (JSON Resume only implies it by a
//!   missing `endDate`);
//! - `x-provenance`: where in the source a value came from, with a confidence;
//! - `x-sections` on the profile: sections under headings we did not recognise, kept verbatim.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::date::PartialDate;
use super::list::List;

/// Where a value came from in its source document, and how sure the parser was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    /// The source format or name (`pdf`, `docx`, `linkedin:Positions.csv`, ...).
    pub source: String,
    /// 1-based page, where the source has pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1-based first and last line of the extracted text the value was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<(u32, u32)>,
    /// 0 to 1: how sure the parser is of this value.
    pub confidence: f32,
}

macro_rules! record {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Skip::skip")]
                pub $field: $ty,
            )*
            /// Stable id of this item (extension `x-id`).
            #[serde(rename = "x-id", default, skip_serializing_if = "Option::is_none")]
            pub id: Option<String>,
            /// Where this item came from (extension `x-provenance`).
            #[serde(rename = "x-provenance", default, skip_serializing_if = "Option::is_none")]
            pub provenance: Option<Provenance>,
            /// Keys this crate does not model, kept verbatim.
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }
    };
}

/// Whether a field is left out when writing (absent `Option`, absent `List`).
pub trait Skip {
    /// True when the field should not be written.
    fn skip(&self) -> bool;
}
impl<T> Skip for Option<T> {
    fn skip(&self) -> bool {
        self.is_none()
    }
}
impl<T> Skip for List<T> {
    fn skip(&self) -> bool {
        self.is_absent()
    }
}

record! {
    /// A location (JSON Resume `basics.location`).
    Location {
        address: Option<String>,
        postal_code: Option<String>,
        city: Option<String>,
        country_code: Option<String>,
        region: Option<String>,
    }
}

record! {
    /// An online profile (LinkedIn, GitHub, ...).
    SocialProfile { network: Option<String>, username: Option<String>, url: Option<String> }
}

record! {
    /// Who the person is and how to reach them.
    Basics {
        name: Option<String>,
        /// Headline, e.g. "Senior Backend Engineer".
        label: Option<String>,
        image: Option<String>,
        email: Option<String>,
        phone: Option<String>,
        url: Option<String>,
        summary: Option<String>,
        location: Option<Location>,
        profiles: List<SocialProfile>,
    }
}

/// Dated items: start, end, and the explicit ongoing flag.
macro_rules! dated {
    ($($name:ident),*) => {$(
        impl $name {
            /// The parsed start date, if it is a valid partial date.
            pub fn start(&self) -> Option<PartialDate> {
                self.start_date.as_deref().and_then(PartialDate::parse_iso)
            }
            /// The parsed end date, if it is a valid partial date.
            pub fn end(&self) -> Option<PartialDate> {
                self.end_date.as_deref().and_then(PartialDate::parse_iso)
            }
            /// True when the item is ongoing: explicitly, or by a start with no end.
            pub fn is_ongoing(&self) -> bool {
                self.ongoing == Some(true) || (self.end_date.is_none() && self.start_date.is_some())
            }
        }
    )*};
}

record! {
    /// A job (JSON Resume `work`). `name` is the employer.
    Work {
        name: Option<String>,
        location: Option<String>,
        description: Option<String>,
        position: Option<String>,
        url: Option<String>,
        start_date: Option<String>,
        end_date: Option<String>,
        /// Explicit "present" (extension `x-ongoing`).
        #[serde(rename = "x-ongoing")]
        ongoing: Option<bool>,
        summary: Option<String>,
        highlights: List<String>,
    }
}

record! {
    /// Volunteer work.
    Volunteer {
        organization: Option<String>,
        position: Option<String>,
        url: Option<String>,
        start_date: Option<String>,
        end_date: Option<String>,
        #[serde(rename = "x-ongoing")]
        ongoing: Option<bool>,
        summary: Option<String>,
        highlights: List<String>,
    }
}

record! {
    /// A degree or course of study.
    Education {
        institution: Option<String>,
        url: Option<String>,
        area: Option<String>,
        study_type: Option<String>,
        start_date: Option<String>,
        end_date: Option<String>,
        #[serde(rename = "x-ongoing")]
        ongoing: Option<bool>,
        score: Option<String>,
        courses: List<String>,
    }
}

record! {
    /// An award or honour.
    Award { title: Option<String>, date: Option<String>, awarder: Option<String>, summary: Option<String> }
}

record! {
    /// A certificate.
    Certificate { name: Option<String>, date: Option<String>, url: Option<String>, issuer: Option<String> }
}

record! {
    /// A publication.
    Publication {
        name: Option<String>,
        publisher: Option<String>,
        release_date: Option<String>,
        url: Option<String>,
        summary: Option<String>,
    }
}

record! {
    /// A skill group: `name` ("Languages") with `keywords` ("Rust", "Go").
    Skill { name: Option<String>, level: Option<String>, keywords: List<String> }
}

record! {
    /// A spoken language.
    Language { language: Option<String>, fluency: Option<String> }
}

record! {
    /// An interest.
    Interest { name: Option<String>, keywords: List<String> }
}

record! {
    /// A reference.
    Reference { name: Option<String>, reference: Option<String> }
}

record! {
    /// A project.
    Project {
        name: Option<String>,
        description: Option<String>,
        highlights: List<String>,
        keywords: List<String>,
        start_date: Option<String>,
        end_date: Option<String>,
        #[serde(rename = "x-ongoing")]
        ongoing: Option<bool>,
        url: Option<String>,
        roles: List<String>,
        entity: Option<String>,
        #[serde(rename = "type")]
        kind: Option<String>,
    }
}

record! {
    /// JSON Resume `meta`.
    Meta { canonical: Option<String>, version: Option<String>, last_modified: Option<String> }
}

record! {
    /// A section under a heading we did not recognise, kept verbatim (extension `x-sections`).
    CustomSection { title: Option<String>, lines: List<String> }
}

dated!(Work, Volunteer, Education, Project);

/// A person's career data: JSON Resume plus provenance, ids and unrecognised sections.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basics: Option<Basics>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub work: List<Work>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub volunteer: List<Volunteer>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub education: List<Education>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub awards: List<Award>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub certificates: List<Certificate>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub publications: List<Publication>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub skills: List<Skill>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub languages: List<Language>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub interests: List<Interest>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub references: List<Reference>,
    #[serde(default, skip_serializing_if = "List::is_absent")]
    pub projects: List<Project>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Sections under headings we did not recognise (extension `x-sections`).
    #[serde(
        rename = "x-sections",
        default,
        skip_serializing_if = "List::is_absent"
    )]
    pub custom_sections: List<CustomSection>,
    /// Provenance of `basics` fields by field name (extension `x-provenance`).
    #[serde(
        rename = "x-provenance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub basics_provenance: Option<std::collections::BTreeMap<String, Provenance>>,
    /// Keys this crate does not model, kept verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Profile {
    /// Reads a JSON Resume (or Profile) document.
    pub fn from_json(text: &str) -> crate::Result<Profile> {
        serde_json::from_str(text).map_err(|e| crate::Error::invalid("JSON Resume", e.to_string()))
    }

    /// Writes the profile as pretty JSON (JSON Resume plus `x-` extensions).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into())
    }

    /// The basics, created empty if absent.
    pub fn basics_mut(&mut self) -> &mut Basics {
        self.basics.get_or_insert_with(Basics::default)
    }

    /// The person's name, if known.
    pub fn name(&self) -> Option<&str> {
        self.basics.as_ref().and_then(|b| b.name.as_deref())
    }

    /// Gives every item without an id a stable one: the section, and a hash of the item's
    /// identifying text, so an id survives reordering and re-parsing of the same document.
    pub fn ensure_ids(&mut self) {
        fn assign<T>(
            items: &mut [T],
            prefix: &str,
            key: impl Fn(&T) -> String,
            id: impl Fn(&mut T) -> &mut Option<String>,
        ) {
            let mut seen = std::collections::HashSet::new();
            for item in items.iter_mut() {
                let k = key(item);
                let slot_empty = id(item).is_none();
                if slot_empty {
                    let mut n = 0u32;
                    let mut cand = format!("{prefix}-{:08x}", fnv(&k));
                    while !seen.insert(cand.clone()) {
                        n += 1;
                        cand = format!("{prefix}-{:08x}", fnv(&format!("{k}#{n}")));
                    }
                    *id(item) = Some(cand);
                } else if let Some(existing) = id(item).clone() {
                    seen.insert(existing);
                }
            }
        }
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        assign(
            &mut self.work,
            "work",
            |w| format!("{}|{}|{}", s(&w.name), s(&w.position), s(&w.start_date)),
            |w| &mut w.id,
        );
        assign(
            &mut self.volunteer,
            "vol",
            |w| {
                format!(
                    "{}|{}|{}",
                    s(&w.organization),
                    s(&w.position),
                    s(&w.start_date)
                )
            },
            |w| &mut w.id,
        );
        assign(
            &mut self.education,
            "edu",
            |e| format!("{}|{}|{}", s(&e.institution), s(&e.area), s(&e.start_date)),
            |e| &mut e.id,
        );
        assign(
            &mut self.awards,
            "award",
            |a| format!("{}|{}", s(&a.title), s(&a.date)),
            |a| &mut a.id,
        );
        assign(
            &mut self.certificates,
            "cert",
            |c| format!("{}|{}", s(&c.name), s(&c.date)),
            |c| &mut c.id,
        );
        assign(
            &mut self.publications,
            "pub",
            |p| format!("{}|{}", s(&p.name), s(&p.release_date)),
            |p| &mut p.id,
        );
        assign(
            &mut self.skills,
            "skill",
            |k| format!("{}|{}", s(&k.name), k.keywords.join(",")),
            |k| &mut k.id,
        );
        assign(
            &mut self.languages,
            "lang",
            |l| s(&l.language),
            |l| &mut l.id,
        );
        assign(
            &mut self.interests,
            "interest",
            |i| s(&i.name),
            |i| &mut i.id,
        );
        assign(&mut self.references, "ref", |r| s(&r.name), |r| &mut r.id);
        assign(
            &mut self.projects,
            "proj",
            |p| format!("{}|{}", s(&p.name), s(&p.start_date)),
            |p| &mut p.id,
        );
        assign(
            &mut self.custom_sections,
            "section",
            |c| s(&c.title),
            |c| &mut c.id,
        );
    }
}

/// FNV-1a: a tiny, stable, platform-independent hash for ids.
pub(crate) fn fnv(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}
