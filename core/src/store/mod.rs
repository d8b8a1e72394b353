//! Storage: traits scoped by owner, with memory, SQLite and PostgreSQL implementations.
