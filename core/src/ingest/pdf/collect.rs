//! Collecting positioned glyphs from pdf-extract into runs.
//!
//! A run is a stretch of glyphs on one baseline with no gap wider than about an em: a word
//! group, a cell, a column's line. Runs are what column detection and line building work on.
//! Spaces come from glyph positions, not from the content stream: a gap over 0.1 em is a
//! space, whatever the PDF producer did with space characters.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::fonts::{BOLD, ICON};

/// Glyph text on one baseline, in page coordinates with y growing downwards.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size in page units (the largest in the run).
    pub size: f32,
    pub text: String,
    /// Non-space characters, and how many of them are bold.
    pub chars: u32,
    pub bold: u32,
    /// An icon glyph was dropped just before this run: it separates a field.
    pub after_icon: bool,
}

/// One page's runs in content order.
#[derive(Debug, Default)]
pub(super) struct PageText {
    pub height: f32,
    pub runs: Vec<Run>,
}

/// The `OutputDev` that builds runs. `styles` holds the page's font styles from the
/// pre-scan, indexed by `begin_word` calls.
#[derive(Debug)]
pub(super) struct Collector {
    styles: Vec<u8>,
    done: Option<PageText>,
    pub icons: bool,
    /// `icons` before the current page, restored when the page is discarded.
    icons_before: bool,
    /// Characters kept so far, to stop early on the text limit.
    pub total_chars: u64,
    pub max_chars: u64,
    page: PageText,
    top: f64,
    shown: usize,
    style: u8,
    /// Where the next glyph is expected (x after the last advance), its baseline, and whether
    /// a space is owed before the next glyph.
    next_x: f32,
    pending_space: bool,
    /// An icon was dropped since the last glyph kept: the next glyph starts a new field.
    pending_field: bool,
}

impl Collector {
    pub fn new(max_chars: u64) -> Self {
        Collector {
            styles: Vec::new(),
            done: None,
            icons: false,
            icons_before: false,
            total_chars: 0,
            max_chars,
            page: PageText::default(),
            top: 0.0,
            shown: 0,
            style: 0,
            next_x: 0.0,
            pending_space: false,
            pending_field: false,
        }
    }

    /// Prepares for page `index` (0-based); its runs come back from [`Collector::take_page`].
    pub fn start_page(&mut self, styles: Vec<u8>) {
        self.styles = styles;
        self.icons_before = self.icons;
        self.done = None;
    }

    /// Whether pdf-extract showed as many strings on the last page as the pre-scan counted,
    /// so that the font styles were applied to the right text.
    pub fn fonts_matched(&self) -> bool {
        self.styles.len() == self.shown
    }

    /// Forgets a finished page's characters (before extracting it again).
    pub fn discard(&mut self, page: &PageText) {
        let chars: u64 = page.runs.iter().map(|r| u64::from(r.chars)).sum();
        self.total_chars = self.total_chars.saturating_sub(chars);
        self.icons = self.icons_before;
    }

    /// The page finished since the last [`Collector::start_page`], if it finished.
    pub fn take_page(&mut self) -> Option<PageText> {
        self.done.take()
    }

    fn push_char(&mut self, c: char, x: f32, end: f32, y: f32, size: f32, new_run: bool) {
        let bold = self.style & BOLD != 0;
        let run = match self.page.runs.last_mut() {
            Some(r) if !new_run => r,
            _ => {
                self.page.runs.push(Run {
                    x0: x,
                    x1: end,
                    y,
                    size,
                    text: String::new(),
                    chars: 0,
                    bold: 0,
                    after_icon: self.pending_field,
                });
                self.pending_field = false;
                self.pending_space = false;
                match self.page.runs.last_mut() {
                    Some(r) => r,
                    None => return,
                }
            }
        };
        if self.pending_field && !run.text.is_empty() && !run.text.trim_end().ends_with(SEPARATORS)
        {
            run.text.truncate(run.text.trim_end().len());
            run.text.push_str(" | ");
        } else if self.pending_space && !run.text.is_empty() && !run.text.ends_with(' ') {
            run.text.push(' ');
        }
        self.pending_space = false;
        self.pending_field = false;
        run.text.push(c);
        run.chars += 1;
        run.bold += u32::from(bold);
        run.x1 = run.x1.max(end);
        run.size = run.size.max(size);
        self.total_chars += 1;
    }
}

/// Characters that already separate fields on a contact line.
pub(super) const SEPARATORS: &[char] = &['|', '•', '·', '–', '—', ',', ';', '/', '⋄', '◆'];

/// Hyphen look-alikes drawn as hyphens: soft (a drawn soft hyphen is visible), Unicode
/// hyphen and non-breaking hyphen.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{00AD}' | '\u{2010}' | '\u{2011}')
}

/// Private-use bullets that Word writes through the Symbol and Wingdings fonts.
fn pua_bullet(c: char) -> bool {
    matches!(
        c,
        '\u{F0B7}' | '\u{F0A7}' | '\u{F076}' | '\u{F0D8}' | '\u{F0FC}' | '\u{F06E}' | '\u{F0A8}'
    )
}

/// Characters that are pictures: private use, emoji and pictographs, phone and mail signs.
pub(super) fn is_icon_char(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFD}' | '\u{1F000}'..='\u{1FAFF}' | '\u{260E}' | '\u{2706}' | '\u{2709}' | '\u{FFFD}')
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page = PageText {
            height: (media_box.ury - media_box.lly) as f32,
            runs: Vec::new(),
        };
        self.top = media_box.ury - media_box.lly;
        self.shown = 0;
        self.pending_space = false;
        self.pending_field = false;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.done = Some(std::mem::take(&mut self.page));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if self.total_chars >= self.max_chars {
            return Ok(());
        }
        let (a, b, c, d) = (trm.m11, trm.m12, trm.m21, trm.m22);
        // Rotated or mirrored text (vertical side labels) does not read left to right: skip it.
        if a <= 0.0 || b.abs() > 0.05 * a || c.abs() > 0.05 * d.abs() {
            return Ok(());
        }
        let size = (font_size * (a * d - b * c).abs().sqrt()).abs() as f32;
        let x = trm.m31 as f32;
        let y = (self.top - trm.m32) as f32;
        if !size.is_finite() || size < 0.5 || !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        // A font whose widths pdf-extract could not read reports zero: assume half an em so
        // that runs keep an extent.
        let width = if width > 0.0 { width } else { 0.5 };
        let glyph_end = x + (width * font_size * a) as f32;
        let advance_end = x + ((width * font_size + spacing) * a) as f32;
        if self.style & ICON != 0 {
            // An icon glued to a phone number or address: drop it but keep a word boundary.
            self.icons = true;
            self.pending_space = true;
            self.pending_field = true;
            self.next_x = advance_end;
            return Ok(());
        }
        let last = self.page.runs.last();
        let gap = x - self.next_x;
        let new_run = match last {
            None => true,
            Some(r) => {
                (y - r.y).abs() > 0.3 * size.max(r.size)
                    || gap > 0.9 * size.max(r.size)
                    || gap < -0.6 * size
            }
        };
        if !new_run && gap > 0.1 * size {
            self.pending_space = true;
        }
        let n = text.chars().count().max(1) as f32;
        let step = (glyph_end - x) / n;
        let mut first = new_run;
        // Word maps its non-breaking hyphen glyph to "--\u{2010}": one glyph, one hyphen.
        let text = if text.chars().count() > 1 && text.chars().all(is_hyphen) {
            "-"
        } else {
            text
        };
        for (i, ch) in text.chars().enumerate() {
            let cx = x + step * i as f32;
            let ch = match ch {
                c if is_hyphen(c) => '-',
                c if pua_bullet(c) => '•',
                c if is_icon_char(c) => {
                    self.icons = true;
                    self.pending_space = true;
                    self.pending_field = true;
                    continue;
                }
                c if c.is_whitespace() || c.is_control() || c == '\u{200B}' || c == '\u{FEFF}' => {
                    self.pending_space = true;
                    continue;
                }
                c => c,
            };
            self.push_char(ch, cx, cx + step, y, size, first);
            first = false;
        }
        self.next_x = advance_end;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.style = self.styles.get(self.shown).copied().unwrap_or(0);
        self.shown += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
