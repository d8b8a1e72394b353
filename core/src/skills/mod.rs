//! TEMPORARY STUB (owned by the skills helper).
