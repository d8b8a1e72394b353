//! A ZIP container (DOCX, LinkedIn export) read with bounds on entry count and on total decompressed bytes.
//!
//! Declared sizes in a ZIP are not trusted: every entry is read through a reader capped at the
//! remaining budget, so a zip bomb fails with [`Error::LimitExceeded`] after at most
//! `max_unzipped_bytes` of work and memory.

use std::io::{Cursor, Read};

use crate::{Error, Limits, Result};

/// An opened ZIP container with a shared decompression budget. `format` names it in errors.
pub(crate) struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    format: &'static str,
    budget: u64,
    max: u64,
}

impl<'a> Package<'a> {
    /// Opens the ZIP and checks its entry count.
    pub(crate) fn open(bytes: &'a [u8], limits: &Limits, format: &'static str) -> Result<Self> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Error::corrupt(format, format!("not a readable ZIP container: {e}")))?;
        Limits::check("ZIP entries", archive.len() as u64, limits.max_zip_entries)?;
        Ok(Package {
            archive,
            format,
            budget: limits.max_unzipped_bytes,
            max: limits.max_unzipped_bytes,
        })
    }

    /// Whether the package holds an entry of this name.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// Names of entries matching a predicate, sorted.
    pub(crate) fn names(&self, pred: impl Fn(&str) -> bool) -> Vec<String> {
        let mut names: Vec<String> = self
            .archive
            .file_names()
            .filter(|n| pred(n))
            .map(str::to_string)
            .collect();
        names.sort();
        names
    }

    /// Reads one entry (decompressed), charging it to the budget. `Ok(None)` if it is absent.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let mut entry = match self.archive.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(msg)) => {
                return Err(Error::UnsupportedFormat(format!(
                    "{} part {name}: {msg}",
                    self.format
                )));
            }
            Err(e) => {
                return Err(Error::corrupt(
                    self.format,
                    format!("cannot open {name}: {e}"),
                ));
            }
        };
        if entry.encrypted() {
            return Err(Error::Encrypted {
                format: self.format,
            });
        }
        // Never trust the declared size; it only sizes the first allocation, capped.
        let hint = entry.size().min(self.budget).min(16 * 1024 * 1024) as usize;
        let mut out = Vec::with_capacity(hint);
        let read = (&mut entry)
            .take(self.budget.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| Error::corrupt(self.format, format!("cannot decompress {name}: {e}")))?;
        if read as u64 > self.budget {
            let used = self.max - self.budget;
            return Err(Error::LimitExceeded {
                limit: "unzipped bytes",
                actual: used.saturating_add(read as u64),
                max: self.max,
            });
        }
        self.budget -= read as u64;
        Ok(Some(out))
    }
}
