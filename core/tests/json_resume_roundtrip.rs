//! JSON Resume documents read into a `Profile` and written back are unchanged: a full sample
//! with unknown keys, and generated documents (property test).

use career_copilot::Profile;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn round_trip(doc: &Value) -> Value {
    let profile: Profile =
        serde_json::from_value(doc.clone()).expect("a JSON Resume document reads");
    serde_json::to_value(&profile).expect("a profile writes")
}

#[test]
fn full_sample_round_trips() {
    let doc: Value = serde_json::from_str(include_str!("fixtures/json-resume-full.json")).unwrap();
    assert_eq!(round_trip(&doc), doc);
    let profile = Profile::from_json(include_str!("fixtures/json-resume-full.json")).unwrap();
    assert_eq!(profile.work[0].highlights.len(), 2);
    assert_eq!(profile.work[0].extra["x-team-size"], json!(12));
}

#[test]
fn ids_are_added_as_extensions_and_stable() {
    let mut a = Profile::from_json(include_str!("fixtures/json-resume-full.json")).unwrap();
    let mut b = a.clone();
    a.ensure_ids();
    b.work.reverse();
    b.ensure_ids();
    assert!(
        a.work[0]
            .id
            .as_deref()
            .is_some_and(|id| id.starts_with("work-"))
    );
    assert_eq!(a.work[0].id, b.work[0].id);
    let v = serde_json::to_value(&a).unwrap();
    assert!(v["work"][0]["x-id"].is_string());
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.'()-]{0,24}",
        "\\PC{0,12}",
        Just(String::new()),
        Just("2020-01".to_string()),
    ]
}

fn extra_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An object with some of `fields` (strings or string lists) and maybe unknown keys (`q…`:
/// no JSON Resume key starts with q, so an unknown key never collides with a known one).
fn object(
    fields: &'static [&'static str],
    lists: &'static [&'static str],
) -> impl Strategy<Value = Value> {
    let strings = prop::collection::vec(prop::option::of(text()), fields.len());
    let arrays = prop::collection::vec(
        prop::option::of(prop::collection::vec(text(), 0..3)),
        lists.len(),
    );
    let extras = prop::collection::btree_map("q[a-z]{1,5}", extra_value(), 0..2);
    (strings, arrays, extras).prop_map(move |(s, a, e)| {
        let mut m = Map::new();
        for (k, v) in fields.iter().zip(s) {
            if let Some(v) = v {
                m.insert((*k).to_string(), Value::String(v));
            }
        }
        for (k, v) in lists.iter().zip(a) {
            if let Some(v) = v {
                m.insert((*k).to_string(), json!(v));
            }
        }
        m.extend(e);
        Value::Object(m)
    })
}

fn section(item: impl Strategy<Value = Value>) -> impl Strategy<Value = Option<Value>> {
    prop::option::of(prop::collection::vec(item, 0..3).prop_map(Value::Array))
}

fn document() -> impl Strategy<Value = Value> {
    let location = object(
        &["address", "postalCode", "city", "countryCode", "region"],
        &[],
    );
    let profile = object(&["network", "username", "url"], &[]);
    let basics = (
        object(
            &["name", "label", "image", "email", "phone", "url", "summary"],
            &[],
        ),
        prop::option::of(location),
        section(profile),
    )
        .prop_map(|(mut b, loc, profiles)| {
            if let Some(loc) = loc {
                b["location"] = loc;
            }
            if let Some(p) = profiles {
                b["profiles"] = p;
            }
            b
        });
    let dated = &["startDate", "endDate", "summary", "url"];
    let sections = (
        section(object(
            &[
                "name",
                "location",
                "description",
                "position",
                "url",
                "startDate",
                "endDate",
                "summary",
            ],
            &["highlights"],
        )),
        section(object(
            &[
                "organization",
                "position",
                "url",
                "startDate",
                "endDate",
                "summary",
            ],
            &["highlights"],
        )),
        section(object(
            &[
                "institution",
                "url",
                "area",
                "studyType",
                "startDate",
                "endDate",
                "score",
            ],
            &["courses"],
        )),
        section(object(&["title", "date", "awarder", "summary"], &[])),
        section(object(&["name", "date", "url", "issuer"], &[])),
        section(object(
            &["name", "publisher", "releaseDate", "url", "summary"],
            &[],
        )),
        section(object(&["name", "level"], &["keywords"])),
        section(object(&["language", "fluency"], &[])),
        section(object(&["name"], &["keywords"])),
        section(object(&["name", "reference"], &[])),
        section(object(
            &[
                "name",
                "description",
                "entity",
                "type",
                "startDate",
                "endDate",
                "url",
            ],
            &["highlights", "keywords", "roles"],
        )),
    );
    let _ = dated;
    (
        prop::option::of(basics),
        sections,
        prop::option::of(object(&["canonical", "version", "lastModified"], &[])),
        prop::collection::btree_map("z[a-z]{1,5}", extra_value(), 0..2),
    )
        .prop_map(|(basics, s, meta, extra)| {
            let mut m = Map::new();
            if let Some(b) = basics {
                m.insert("basics".into(), b);
            }
            let names = [
                "work",
                "volunteer",
                "education",
                "awards",
                "certificates",
                "publications",
                "skills",
                "languages",
                "interests",
                "references",
                "projects",
            ];
            let values = [s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7, s.8, s.9, s.10];
            for (k, v) in names.iter().zip(values) {
                if let Some(v) = v {
                    m.insert((*k).to_string(), v);
                }
            }
            if let Some(meta) = meta {
                m.insert("meta".into(), meta);
            }
            m.extend(extra);
            Value::Object(m)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn generated_documents_round_trip(doc in document()) {
        prop_assert_eq!(round_trip(&doc), doc);
    }
}
