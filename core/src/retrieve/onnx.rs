//! `FastEmbedder`: ONNX sentence-embedding models (all-MiniLM-L6-v2 and kin) through fastembed,
//! with ONNX Runtime loaded from a library path the caller gives.
//!
//! fastembed panics when the runtime is missing or too old, so the runtime is loaded here
//! first with `ort::init_from`, which returns an error instead. ort keeps the first runtime it
//! loads for the life of the process; later loads with another path reuse it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fastembed::{
    InitOptionsUserDefined, Pooling, TextEmbedding, TokenizerFiles, UserDefinedEmbeddingModel,
};

use super::embed::{Embedder, check_batch, check_text, normalize};
use crate::{Error, Result};

/// How to run the model.
#[derive(Debug, Clone)]
pub struct FastEmbedderOptions {
    /// Model id reported by [`Embedder::model_id`]; by default the model folder's name.
    pub model_id: Option<String>,
    /// Tokens read per text; longer texts are cut (MiniLM was trained on 256).
    pub max_length: usize,
    /// ONNX Runtime intra-op threads; `None` uses every core.
    pub threads: Option<usize>,
    /// Texts per ONNX Runtime call.
    pub batch_size: usize,
    /// Prepended to queries and to documents (E5: `"query: "`, `"passage: "`); empty for MiniLM.
    pub query_prefix: String,
    pub document_prefix: String,
}

impl Default for FastEmbedderOptions {
    fn default() -> Self {
        FastEmbedderOptions {
            model_id: None,
            max_length: 256,
            threads: None,
            batch_size: 32,
            query_prefix: String::new(),
            document_prefix: String::new(),
        }
    }
}

/// A mean-pooled ONNX sentence-embedding model.
pub struct FastEmbedder {
    model: Mutex<TextEmbedding>,
    dim: usize,
    model_id: String,
    options: FastEmbedderOptions,
}

impl std::fmt::Debug for FastEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FastEmbedder")
            .field("model_id", &self.model_id)
            .field("dim", &self.dim)
            .finish()
    }
}

/// Files a model folder must hold.
const MODEL_FILES: [&str; 5] = [
    "model.onnx",
    "tokenizer.json",
    "config.json",
    "special_tokens_map.json",
    "tokenizer_config.json",
];

fn read(dir: &Path, name: &str) -> Result<Vec<u8>> {
    let path = dir.join(name);
    std::fs::read(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(format!(
            "model file {} (the model folder needs {})",
            path.display(),
            MODEL_FILES.join(", ")
        )),
        _ => Error::Provider {
            provider: "fastembed".into(),
            reason: format!("cannot read {}: {e}", path.display()),
        },
    })
}

/// Loads ONNX Runtime from `runtime` (e.g. `libonnxruntime.so.1.24.4`); it must be 1.24 or
/// newer. A missing file is [`Error::NotFound`]; a library that is not ONNX Runtime or too old
/// is [`Error::Provider`].
pub fn load_runtime(runtime: &Path) -> Result<()> {
    if !runtime.is_file() {
        return Err(Error::NotFound(format!(
            "ONNX Runtime library {} (fetch it with scripts/ci/onnxruntime.sh)",
            runtime.display()
        )));
    }
    ort::init_from(runtime)
        .map(|_| ())
        .map_err(|e| Error::Provider {
            provider: "onnxruntime".into(),
            reason: e.to_string(),
        })
}

impl FastEmbedder {
    /// Loads the model in `model_dir` (`model.onnx` plus the tokenizer files) on the ONNX
    /// Runtime library at `runtime`.
    pub fn load(model_dir: &Path, runtime: &Path, options: FastEmbedderOptions) -> Result<Self> {
        load_runtime(runtime)?;
        let onnx = read(model_dir, "model.onnx")?;
        let tokenizer = TokenizerFiles {
            tokenizer_file: read(model_dir, "tokenizer.json")?,
            config_file: read(model_dir, "config.json")?,
            special_tokens_map_file: read(model_dir, "special_tokens_map.json")?,
            tokenizer_config_file: read(model_dir, "tokenizer_config.json")?,
        };
        let model = UserDefinedEmbeddingModel::new(onnx, tokenizer).with_pooling(Pooling::Mean);
        let mut init = InitOptionsUserDefined::new().with_max_length(options.max_length.max(1));
        if let Some(t) = options.threads {
            init = init.with_intra_threads(t.max(1));
        }
        let provider = |e: fastembed::Error| Error::Provider {
            provider: "fastembed".into(),
            reason: format!("model {}: {e}", model_dir.display()),
        };
        let mut model = TextEmbedding::try_new_from_user_defined(model, init).map_err(provider)?;
        let probe = model
            .embed(["dimension probe"], Some(1))
            .map_err(provider)?;
        let dim = probe.first().map_or(0, Vec::len);
        if dim == 0 {
            return Err(Error::Provider {
                provider: "fastembed".into(),
                reason: format!("model {} returned no embedding", model_dir.display()),
            });
        }
        let model_id = options.model_id.clone().unwrap_or_else(|| {
            model_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| PathBuf::from(model_dir).display().to_string())
        });
        Ok(FastEmbedder {
            model: Mutex::new(model),
            dim,
            model_id,
            options,
        })
    }

    fn run(&self, prefix: &str, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let prefixed: Vec<String>;
        let input: Vec<&str> = if prefix.is_empty() {
            texts.to_vec()
        } else {
            prefixed = texts.iter().map(|t| format!("{prefix}{t}")).collect();
            prefixed.iter().map(String::as_str).collect()
        };
        let mut model = self.model.lock().map_err(|_| Error::Provider {
            provider: "fastembed".into(),
            reason: "a previous call panicked while holding the model".into(),
        })?;
        let mut out = model
            .embed(&input, Some(self.options.batch_size.max(1)))
            .map_err(|e| Error::Provider {
                provider: "fastembed".into(),
                reason: e.to_string(),
            })?;
        for v in &mut out {
            if v.len() != self.dim || v.iter().any(|x| !x.is_finite()) {
                return Err(Error::Provider {
                    provider: "fastembed".into(),
                    reason: format!("the model returned a malformed {}-long vector", v.len()),
                });
            }
            normalize(v);
        }
        Ok(out)
    }
}

impl Embedder for FastEmbedder {
    fn model_id(&self) -> &str {
        &self.model_id
    }

    fn dim(&self) -> usize {
        self.dim
    }

    fn embed_documents(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        check_batch(texts)?;
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        self.run(&self.options.document_prefix, texts)
    }

    fn embed_query(&self, text: &str) -> Result<Vec<f32>> {
        check_text(text)?;
        let mut v = self.run(&self.options.query_prefix, &[text])?;
        v.pop().ok_or_else(|| Error::Provider {
            provider: "fastembed".into(),
            reason: "no vector returned".into(),
        })
    }
}
