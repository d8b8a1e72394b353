//! Typst in-process: a [`World`] over in-memory theme sources, the view as `/data.json`, and
//! embedded fonts. The [`Renderer`] parses fonts and theme sources once and is reused, so a
//! warm render only lays out the new data (comemo memoises the rest).

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;

use super::themes::{SOURCES, THEMES};
use crate::ingest::Warning;
use crate::{Error, Result};

/// The OFL fonts shipped with the crate (licences beside them in `fonts/`).
const FONT_FILES: &[&[u8]] = &[
    include_bytes!("fonts/Inter-Regular.otf"),
    include_bytes!("fonts/Inter-Italic.otf"),
    include_bytes!("fonts/Inter-SemiBold.otf"),
    include_bytes!("fonts/Inter-Bold.otf"),
    include_bytes!("fonts/LiberationSans-Regular.ttf"),
    include_bytes!("fonts/LiberationSans-Bold.ttf"),
    include_bytes!("fonts/LiberationSans-Italic.ttf"),
];

/// Clear comemo's caches after this many renders, so a long-running process stays bounded.
const EVICT_EVERY: usize = 64;

fn file_id(path: &str) -> Result<FileId> {
    let vpath = VirtualPath::new(path)
        .map_err(|e| Error::Render(format!("bad virtual path {path}: {e:?}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// Reusable Typst state: fonts, the standard library, and parsed theme sources.
pub struct Renderer {
    library: LazyHash<Library>,
    fonts: FontStore,
    sources: HashMap<FileId, Source>,
    mains: HashMap<&'static str, FileId>,
    data_id: FileId,
    renders: AtomicUsize,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer")
            .field("sources", &self.sources.len())
            .field("renders", &self.renders.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl Renderer {
    /// Loads the fonts and parses every theme.
    pub fn new() -> Result<Renderer> {
        let mut fonts = FontStore::new();
        fonts.extend(typst_kit::fonts::embedded());
        for data in FONT_FILES {
            for font in Font::iter(Bytes::new(*data)) {
                let info = font.info().clone();
                fonts.push((font, info));
            }
        }
        let mut sources = HashMap::new();
        for (path, text) in SOURCES {
            let id = file_id(path)?;
            sources.insert(id, Source::new(id, (*text).to_string()));
        }
        let mut mains = HashMap::new();
        for t in THEMES {
            let id = file_id(&format!("/main-{}.typ", t.name))?;
            // Only the theme's name goes into code; the data arrives as JSON.
            let text = format!(
                "#import \"/themes/{}.typ\": cv, letter\n#let data = json(\"/data.json\")\n\
                 #if data.kind == \"letter\" {{ letter(data) }} else {{ cv(data) }}\n",
                t.name
            );
            sources.insert(id, Source::new(id, text));
            mains.insert(t.name, id);
        }
        Ok(Renderer {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            sources,
            mains,
            data_id: file_id("/data.json")?,
            renders: AtomicUsize::new(0),
        })
    }

    /// Lays out `data` (a serialised view) with `theme`.
    pub(crate) fn layout(
        &self,
        theme: &str,
        data: Vec<u8>,
        today: Option<Datetime>,
    ) -> Result<(PagedDocument, Vec<Warning>)> {
        let main = *self
            .mains
            .get(theme)
            .ok_or_else(|| Error::invalid("theme", format!("unknown theme {theme:?}")))?;
        if self.renders.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
            comemo::evict(10);
        }
        let world = RenderWorld {
            r: self,
            main,
            data: Bytes::new(data),
            today,
        };
        let warned = typst::compile::<PagedDocument>(&world);
        let mut warnings: Vec<Warning> = warned
            .warnings
            .iter()
            .map(|d| Warning::new("typst", d.message.to_string()))
            .collect();
        let doc = warned
            .output
            .map_err(|errs| Error::Render(describe(&errs)))?;
        let missing = missing_glyphs(&doc);
        if !missing.is_empty() {
            let sample: String = missing.iter().take(12).collect();
            warnings.push(Warning::new(
                "missing-glyphs",
                format!(
                    "{} character(s) have no glyph in the embedded fonts and show as boxes: {sample}",
                    missing.len()
                ),
            ));
        }
        Ok((doc, warnings))
    }
}

fn describe(errs: &[SourceDiagnostic]) -> String {
    let mut msgs: Vec<String> = errs.iter().take(3).map(|e| e.message.to_string()).collect();
    if errs.len() > 3 {
        msgs.push(format!("and {} more", errs.len() - 3));
    }
    format!("Typst: {}", msgs.join("; "))
}

/// Distinct characters that were set with the `.notdef` glyph (no font had them).
fn missing_glyphs(doc: &PagedDocument) -> Vec<char> {
    fn walk(frame: &Frame, out: &mut Vec<char>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(g) => walk(&g.frame, out),
                FrameItem::Text(t) => {
                    for g in t.glyphs.iter().filter(|g| g.id == 0) {
                        if let Some(s) = t.text.get(g.range()) {
                            for c in s.chars().filter(|c| !c.is_whitespace()) {
                                if !out.contains(&c) && out.len() < 10_000 {
                                    out.push(c);
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for page in doc.pages() {
        walk(&page.frame, &mut out);
    }
    out
}

/// One render's world: the shared renderer plus this render's data and date.
struct RenderWorld<'a> {
    r: &'a Renderer,
    main: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl World for RenderWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.r.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.r.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.r
            .sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.r.data_id {
            return Ok(self.data.clone());
        }
        match self.r.sources.get(&id) {
            Some(s) => Ok(Bytes::from_string(s.text().to_string())),
            None => Err(FileError::NotFound(id.vpath().get_without_slash().into())),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.r.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
