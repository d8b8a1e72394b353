//! `List<T>`: a `Vec<T>` that remembers whether its JSON key was present.
//!
//! JSON Resume treats every array as optional. To read a document and write it back unchanged,
//! an array that was present but empty must be written again, and one that was absent must not
//! appear. `List` derefs to `Vec`, so the rest of the code treats it as a plain vector.

use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A vector that round-trips the presence of an empty JSON array. Equality ignores presence.
#[derive(Debug, Clone)]
pub struct List<T> {
    items: Vec<T>,
    explicit: bool,
}

impl<T> List<T> {
    /// An empty, absent list.
    pub const fn new() -> Self {
        List {
            items: Vec::new(),
            explicit: false,
        }
    }

    /// Whether the serializer should skip this field (absent and empty).
    pub fn is_absent(&self) -> bool {
        !self.explicit && self.items.is_empty()
    }

    /// Marks the list as present even when empty, so it is written as `[]`.
    pub fn set_explicit(&mut self) {
        self.explicit = true;
    }

    /// The inner vector.
    pub fn into_vec(self) -> Vec<T> {
        self.items
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List::new()
    }
}

impl<T: PartialEq> PartialEq for List<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<T> Deref for List<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.items
    }
}

impl<T> DerefMut for List<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.items
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        List {
            items,
            explicit: false,
        }
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T> IntoIterator for List<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.items.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(List {
            items: Vec::deserialize(d)?,
            explicit: true,
        })
    }
}
