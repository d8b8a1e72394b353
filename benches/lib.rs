//! Shared helpers for the benchmarks: locating ../shared/data.
