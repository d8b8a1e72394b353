//! The view: a profile laid out for reading, shared by every output format. Dates are
//! formatted, titles localised, sections ordered and filtered, empty parts dropped. The Typst
//! themes read it as JSON (so user text is data, never markup); the text, Markdown, HTML and
//! DOCX writers walk the same structure, so all formats say the same thing in the same order.

use serde::Serialize;

use super::locale::Locale;
use super::options::{RenderOptions, SectionId};
use super::themes::ThemeInfo;
use crate::model::Profile;

/// A contact detail in the header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    /// `email`, `phone`, `location`, `url` or `profile`.
    pub kind: &'static str,
    pub text: String,
    /// A link target (`mailto:`, `tel:`, `https://`) when there is one.
    pub url: Option<String>,
}

/// One dated or titled item: a job, a degree, a project, a publication, ...
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Entry {
    /// The main line: position, institution, project or publication name.
    pub head: String,
    /// The secondary part: employer, degree, publisher, issuer.
    pub sub: Option<String>,
    pub place: Option<String>,
    pub dates: Option<String>,
    pub summary: Option<String>,
    pub bullets: Vec<String>,
    /// Keywords (projects).
    pub tags: Vec<String>,
    pub url: Option<String>,
}

/// A named list, such as a skill group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub name: Option<String>,
    pub items: Vec<String>,
}

/// A section of the CV.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// The section id (`work`, `skills`, ...; `custom` for unrecognised headings).
    pub id: &'static str,
    pub title: String,
    /// Free text (the summary).
    pub text: Option<String>,
    pub entries: Vec<Entry>,
    pub groups: Vec<Group>,
    /// Plain lines (languages, interests, custom sections).
    pub items: Vec<String>,
}

impl Section {
    fn new(id: SectionId, title: impl Into<String>) -> Self {
        Section {
            id: id.name(),
            title: title.into(),
            text: None,
            entries: Vec::new(),
            groups: Vec::new(),
            items: Vec::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.text.is_none()
            && self.entries.is_empty()
            && self.groups.is_empty()
            && self.items.is_empty()
    }
}

/// Style values a theme reads; `None` means the theme's own default.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Style {
    pub paper: &'static str,
    pub margin_mm: Option<f32>,
    pub font: Option<&'static str>,
    pub size: Option<f32>,
    pub accent: Option<String>,
    pub text: Option<String>,
}

/// A CV ready to lay out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct View {
    /// `cv` or `letter`.
    pub kind: &'static str,
    pub lang: &'static str,
    /// Document title (PDF metadata).
    pub title: String,
    pub name: String,
    pub label: Option<String>,
    pub contacts: Vec<Contact>,
    pub sections: Vec<Section>,
    pub style: Style,
    /// The word for "Page" in this locale (footers).
    pub page_word: &'static str,
}

fn clean(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(ToString::to_string)
}

fn cleaned<'a>(items: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    items.into_iter().filter_map(|s| clean(Some(s))).collect()
}

/// Joins the non-empty parts with `sep`.
fn join(parts: &[Option<&str>], sep: &str) -> Option<String> {
    let v: Vec<&str> = parts
        .iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!v.is_empty()).then(|| v.join(sep))
}

/// The header contacts of a profile.
pub fn contacts(p: &Profile) -> Vec<Contact> {
    let mut out = Vec::new();
    let Some(b) = &p.basics else { return out };
    if let Some(e) = clean(b.email.as_deref()) {
        out.push(Contact {
            kind: "email",
            url: Some(format!("mailto:{e}")),
            text: e,
        });
    }
    if let Some(ph) = clean(b.phone.as_deref()) {
        let digits: String = ph
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        out.push(Contact {
            kind: "phone",
            url: (!digits.is_empty()).then(|| format!("tel:{digits}")),
            text: ph,
        });
    }
    if let Some(loc) = &b.location {
        let place = join(
            &[
                loc.city.as_deref(),
                loc.region.as_deref(),
                loc.country_code.as_deref(),
            ],
            ", ",
        );
        if let Some(place) = place {
            out.push(Contact {
                kind: "location",
                text: place,
                url: None,
            });
        }
    }
    if let Some(u) = clean(b.url.as_deref()) {
        out.push(Contact {
            kind: "url",
            text: display_url(&u),
            url: Some(u),
        });
    }
    for prof in b.profiles.iter() {
        let url = clean(prof.url.as_deref());
        let text = url
            .as_deref()
            .map(display_url)
            .or_else(|| join(&[prof.network.as_deref(), prof.username.as_deref()], ": "));
        if let Some(text) = text {
            out.push(Contact {
                kind: "profile",
                text,
                url,
            });
        }
    }
    out
}

/// A URL without its scheme and trailing slash, as printed on a CV.
fn display_url(u: &str) -> String {
    let u = u.trim();
    let u = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(u);
    let u = u.strip_prefix("www.").unwrap_or(u);
    u.trim_end_matches('/').to_string()
}

/// Lays a profile out for `opts` and `theme`.
pub fn build(p: &Profile, opts: &RenderOptions, theme: &ThemeInfo) -> View {
    let loc = opts.locale;
    let b = p.basics.clone().unwrap_or_default();
    let name = clean(b.name.as_deref()).unwrap_or_default();
    let mut sections = Vec::new();
    for id in opts.section_order(theme.order) {
        if id == SectionId::Custom {
            for c in p.custom_sections.iter() {
                let mut s = Section::new(id, clean(c.title.as_deref()).unwrap_or_default());
                s.items = cleaned(c.lines.iter());
                if !s.is_empty() && !s.title.is_empty() {
                    sections.push(s);
                }
            }
            continue;
        }
        let s = section(p, id, loc);
        if !s.is_empty() {
            sections.push(s);
        }
    }
    let title = if name.is_empty() {
        "CV".to_string()
    } else {
        format!("{name} – CV")
    };
    View {
        kind: "cv",
        lang: loc.code(),
        title,
        name,
        label: clean(b.label.as_deref()),
        contacts: contacts(p),
        sections,
        style: Style {
            paper: opts.page.typst_name(),
            margin_mm: opts.margin_mm,
            font: opts.font_name(),
            size: opts.font_size,
            accent: opts.accent.clone(),
            text: opts.text_color.clone(),
        },
        page_word: loc.word(super::locale::Word::Page),
    }
}

fn section(p: &Profile, id: SectionId, loc: Locale) -> Section {
    let mut s = Section::new(id, loc.title(id));
    let range = |a: &Option<String>, b: &Option<String>, ongoing: bool| {
        loc.range(a.as_deref(), b.as_deref(), ongoing)
    };
    let when = |d: &Option<String>| clean(d.as_deref()).map(|d| loc.date(&d));
    match id {
        SectionId::Summary => {
            s.text = p.basics.as_ref().and_then(|b| clean(b.summary.as_deref()));
        }
        SectionId::Work => {
            for w in p.work.iter() {
                let head = clean(w.position.as_deref())
                    .or_else(|| clean(w.name.as_deref()))
                    .unwrap_or_default();
                let sub = clean(w.name.as_deref()).filter(|n| *n != head);
                s.entries.push(Entry {
                    head,
                    sub,
                    place: clean(w.location.as_deref()),
                    dates: range(&w.start_date, &w.end_date, w.is_ongoing()),
                    summary: join(&[w.summary.as_deref(), w.description.as_deref()], " "),
                    bullets: cleaned(w.highlights.iter()),
                    tags: Vec::new(),
                    url: clean(w.url.as_deref()),
                });
            }
        }
        SectionId::Volunteer => {
            for v in p.volunteer.iter() {
                let head = clean(v.position.as_deref())
                    .or_else(|| clean(v.organization.as_deref()))
                    .unwrap_or_default();
                let sub = clean(v.organization.as_deref()).filter(|n| *n != head);
                s.entries.push(Entry {
                    head,
                    sub,
                    dates: range(&v.start_date, &v.end_date, v.is_ongoing()),
                    summary: clean(v.summary.as_deref()),
                    bullets: cleaned(v.highlights.iter()),
                    url: clean(v.url.as_deref()),
                    ..Entry::default()
                });
            }
        }
        SectionId::Education => {
            for e in p.education.iter() {
                let degree = join(&[e.study_type.as_deref(), e.area.as_deref()], " ");
                let head = clean(e.institution.as_deref())
                    .or_else(|| degree.clone())
                    .unwrap_or_default();
                let sub = degree.filter(|d| *d != head);
                let score = clean(e.score.as_deref());
                s.entries.push(Entry {
                    head,
                    sub,
                    dates: range(&e.start_date, &e.end_date, e.is_ongoing()),
                    summary: score,
                    bullets: cleaned(e.courses.iter()),
                    url: clean(e.url.as_deref()),
                    ..Entry::default()
                });
            }
        }
        SectionId::Projects => {
            for pr in p.projects.iter() {
                s.entries.push(Entry {
                    head: clean(pr.name.as_deref()).unwrap_or_default(),
                    sub: join(
                        &[
                            join(
                                &pr.roles
                                    .iter()
                                    .map(|r| Some(r.as_str()))
                                    .collect::<Vec<_>>(),
                                ", ",
                            )
                            .as_deref(),
                            pr.entity.as_deref(),
                        ],
                        ", ",
                    ),
                    dates: range(&pr.start_date, &pr.end_date, false),
                    summary: clean(pr.description.as_deref()),
                    bullets: cleaned(pr.highlights.iter()),
                    tags: cleaned(pr.keywords.iter()),
                    url: clean(pr.url.as_deref()),
                    ..Entry::default()
                });
            }
        }
        SectionId::Publications => {
            for pb in p.publications.iter() {
                s.entries.push(Entry {
                    head: clean(pb.name.as_deref()).unwrap_or_default(),
                    sub: clean(pb.publisher.as_deref()),
                    dates: when(&pb.release_date),
                    summary: clean(pb.summary.as_deref()),
                    url: clean(pb.url.as_deref()),
                    ..Entry::default()
                });
            }
        }
        SectionId::Awards => {
            for a in p.awards.iter() {
                s.entries.push(Entry {
                    head: clean(a.title.as_deref()).unwrap_or_default(),
                    sub: clean(a.awarder.as_deref()),
                    dates: when(&a.date),
                    summary: clean(a.summary.as_deref()),
                    ..Entry::default()
                });
            }
        }
        SectionId::Certificates => {
            for c in p.certificates.iter() {
                s.entries.push(Entry {
                    head: clean(c.name.as_deref()).unwrap_or_default(),
                    sub: clean(c.issuer.as_deref()),
                    dates: when(&c.date),
                    url: clean(c.url.as_deref()),
                    ..Entry::default()
                });
            }
        }
        SectionId::Skills => {
            for k in p.skills.iter() {
                let items = cleaned(k.keywords.iter());
                let name = clean(k.name.as_deref());
                match (name, items.is_empty()) {
                    (Some(n), true) => s.groups.push(Group {
                        name: None,
                        items: vec![n],
                    }),
                    (name, false) => s.groups.push(Group { name, items }),
                    (None, true) => {}
                }
            }
            merge_bare_groups(&mut s.groups);
        }
        SectionId::Languages => {
            for l in p.languages.iter() {
                if let Some(t) = join(&[l.language.as_deref(), l.fluency.as_deref()], ": ") {
                    s.items.push(t);
                }
            }
        }
        SectionId::Interests => {
            for i in p.interests.iter() {
                let kws = cleaned(i.keywords.iter()).join(", ");
                let kws = (!kws.is_empty()).then_some(kws);
                if let Some(t) = join(&[i.name.as_deref(), kws.as_deref()], ": ") {
                    s.items.push(t);
                }
            }
        }
        SectionId::References => {
            for r in p.references.iter() {
                s.entries.push(Entry {
                    head: clean(r.name.as_deref()).unwrap_or_default(),
                    summary: clean(r.reference.as_deref()),
                    ..Entry::default()
                });
            }
        }
        SectionId::Custom => {}
    }
    s.entries
        .retain(|e| !e.head.is_empty() || e.summary.is_some() || !e.bullets.is_empty());
    s
}

/// Single skills without a group name ("Rust", "Go" as separate groups) become one list.
fn merge_bare_groups(groups: &mut Vec<Group>) {
    let bare: Vec<String> = groups
        .iter()
        .filter(|g| g.name.is_none())
        .flat_map(|g| g.items.clone())
        .collect();
    if bare.len() < 2 {
        return;
    }
    let first = groups.iter().position(|g| g.name.is_none()).unwrap_or(0);
    groups.retain(|g| g.name.is_some());
    groups.insert(
        first.min(groups.len()),
        Group {
            name: None,
            items: bare,
        },
    );
}
