//! Retrieval: chunks with provenance, embedders, vector indexes, BM25 and hybrid fusion.
