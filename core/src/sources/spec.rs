//! Sources named as short specs (`remoteok`, `wwr`, `wwr:programming`, `greenhouse:TOKEN`,
//! `lever:SITE`, `jsonld:URL`), for command lines, configuration files and bindings.

use std::sync::Arc;

use super::{Greenhouse, JobSource, Lever, RemoteOk, WeWorkRemotely};
use crate::{Error, Result};

/// A parsed source spec: the source, ready to fetch.
#[derive(Debug, Clone)]
pub struct SourceSpec {
    pub source: Arc<dyn JobSource>,
}

/// Reads one spec. `base_url` replaces the board's API host (for tests and mirrors); it does
/// not apply to `jsonld:` pages, whose URL is the spec itself.
pub fn parse_spec(spec: &str, base_url: Option<&str>) -> Result<SourceSpec> {
    let spec = spec.trim();
    let (kind, arg) = match spec.split_once(':') {
        Some((k, a)) if !k.contains('/') => (k.to_ascii_lowercase(), Some(a.trim())),
        _ => (spec.to_ascii_lowercase(), None),
    };
    let need = |what: &str| {
        arg.filter(|a| !a.is_empty()).ok_or_else(|| {
            Error::invalid(
                "source",
                format!("{kind} needs {what}, as {kind}:{}", what.to_uppercase()),
            )
        })
    };
    let source: Arc<dyn JobSource> = match kind.as_str() {
        "remoteok" => {
            let mut s = RemoteOk::default();
            if let Some(b) = base_url {
                s.base_url = b.into();
            }
            Arc::new(s)
        }
        "wwr" | "weworkremotely" => {
            let mut s = match arg.filter(|a| !a.is_empty()) {
                Some(cat) => WeWorkRemotely::category(cat),
                None => WeWorkRemotely::default(),
            };
            if let Some(b) = base_url {
                s.base_url = b.into();
            }
            Arc::new(s)
        }
        "greenhouse" => {
            let mut s = Greenhouse::new(need("a board token")?);
            if let Some(b) = base_url {
                s.base_url = b.into();
            }
            Arc::new(s)
        }
        "lever" => {
            let mut s = Lever::new(need("a site")?);
            if let Some(b) = base_url {
                s.base_url = b.into();
            }
            Arc::new(s)
        }
        #[cfg(feature = "html")]
        "jsonld" => Arc::new(super::JsonLdPage::new(need("a url")?)),
        "http" | "https" => {
            return Err(Error::invalid(
                "source",
                format!("{spec:?}: name a page as jsonld:{spec}"),
            ));
        }
        _ => {
            return Err(Error::invalid(
                "source",
                format!(
                    "{spec:?} is not a source; use remoteok, wwr[:CATEGORY], greenhouse:TOKEN, lever:SITE or jsonld:URL"
                ),
            ));
        }
    };
    Ok(SourceSpec { source })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(
            parse_spec("remoteok", None).unwrap().source.name(),
            "remoteok"
        );
        assert_eq!(
            parse_spec("greenhouse:acme", None).unwrap().source.name(),
            "greenhouse:acme"
        );
        assert_eq!(
            parse_spec("Lever:acme", Some("http://127.0.0.1:9"))
                .unwrap()
                .source
                .name(),
            "lever:acme"
        );
        assert_eq!(
            parse_spec("wwr:programming", None).unwrap().source.name(),
            "wwr:categories/remote-programming-jobs.rss"
        );
        #[cfg(feature = "html")]
        assert_eq!(
            parse_spec("jsonld:https://example.com/jobs/1", None)
                .unwrap()
                .source
                .name(),
            "jsonld:https://example.com/jobs/1"
        );
        assert!(parse_spec("greenhouse:", None).is_err());
        assert!(parse_spec("monster", None).is_err());
        assert!(parse_spec("https://example.com/x", None).is_err());
    }
}
