//! Helpers for end-to-end tests: locating ../shared/data.
