//! One polite GET, and the checks every source makes on what comes back: the status, the size,
//! and that the body is the kind of document the board sends (JSON, XML, HTML).

use serde_json::Value;

use super::FetchOptions;
use crate::http::{HttpClient, Request, Response};
use crate::ingest::{Format, Warning};
use crate::{Error, Result};

/// The kind of document a URL should answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    Json,
    Xml,
    Html,
}

impl Expect {
    fn accept(self) -> &'static str {
        match self {
            Expect::Json => "application/json",
            Expect::Xml => "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8",
            Expect::Html => "text/html, application/xhtml+xml;q=0.9",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Expect::Json => "JSON",
            Expect::Xml => "XML",
            Expect::Html => "HTML",
        }
    }
}

/// GETs `url` and returns the body of a 2xx answer that looks like `expect`.
///
/// Errors: [`Error::Http`] with the status for any other answer, [`Error::LimitExceeded`] for an
/// oversized body, [`Error::UnsupportedFormat`] when the body is another kind of document (an
/// HTML error page where JSON was expected). Transport failures and timeouts come from the
/// client unchanged.
pub(crate) async fn get(
    http: &dyn HttpClient,
    url: &str,
    expect: Expect,
    opts: &FetchOptions,
) -> Result<Vec<u8>> {
    let request = Request::get(url)
        .header("user-agent", opts.user_agent.clone())
        .header("accept", expect.accept())
        .timeout(opts.timeout);
    let response = http.send(request).await?;
    check(url, expect, opts, response)
}

fn check(url: &str, expect: Expect, opts: &FetchOptions, response: Response) -> Result<Vec<u8>> {
    if !response.is_success() {
        let reason = match response.status {
            429 => format!(
                "rate limited{}",
                response
                    .header("retry-after")
                    .map(|r| format!(" (Retry-After: {r})"))
                    .unwrap_or_default()
            ),
            s => format!("the server answered {s}"),
        };
        return Err(Error::Http {
            url: url.to_string(),
            status: Some(response.status),
            reason,
        });
    }
    crate::Limits::check(
        "response bytes",
        response.body.len() as u64,
        opts.max_body_bytes as u64,
    )?;
    let found = kind_of(&response.body);
    let ok = match expect {
        Expect::Json => found == Some(Expect::Json),
        // RSS is XML; some servers send HTML-ish XML declarations, so only refuse JSON.
        Expect::Xml => matches!(found, Some(Expect::Xml)),
        // A page may be served as anything textual; refuse only JSON.
        Expect::Html => found != Some(Expect::Json),
    };
    if !ok {
        let content_type = response.header("content-type").unwrap_or("no content-type");
        let got = found.map(Expect::name).unwrap_or("an empty or binary body");
        return Err(Error::UnsupportedFormat(format!(
            "{url} answered with {got} ({content_type}) where {} was expected",
            expect.name()
        )));
    }
    Ok(response.body)
}

/// What a body looks like from its first meaningful bytes.
fn kind_of(body: &[u8]) -> Option<Expect> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    let head: Vec<u8> = body[start..]
        .iter()
        .take(256)
        .map(u8::to_ascii_lowercase)
        .collect();
    match head.first()? {
        b'{' | b'[' => Some(Expect::Json),
        b'<' => {
            let is_html = head.starts_with(b"<!doctype html")
                || head.starts_with(b"<html")
                || (head.starts_with(b"<?xml") && contains(&head, b"<html"));
            Some(if is_html { Expect::Html } else { Expect::Xml })
        }
        _ => None,
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Parses a JSON body; a cut-off or damaged payload is [`Error::Corrupt`] naming the URL.
pub(crate) fn json(url: &str, body: &[u8]) -> Result<Value> {
    serde_json::from_slice(body).map_err(|e| {
        let what = if e.is_eof() {
            "the payload is cut off"
        } else {
            "the payload is not valid JSON"
        };
        Error::corrupt("JSON", format!("{url}: {what}: {e}"))
    })
}

/// Reads the postings of a board payload through the ingest code. `candidates` is how many
/// postings the payload holds (the board's own container); fewer jobs than that means some
/// were unreadable, which becomes a `skipped-postings` warning. At most `opts.max_jobs` are kept.
pub(crate) fn board_jobs(
    url: &str,
    body: &[u8],
    candidates: usize,
    opts: &FetchOptions,
) -> Result<(Vec<crate::Job>, Vec<Warning>)> {
    let mut warnings = Vec::new();
    if candidates == 0 {
        return Ok((Vec::new(), warnings));
    }
    let parsed = match crate::ingest::job::parse_many(body, Format::Json, &opts.limits) {
        Ok(p) => p,
        // Every posting was unreadable: that is a finding about the postings, not the fetch.
        Err(Error::InvalidInput { reason, .. }) => {
            warnings.push(Warning::new(
                "skipped-postings",
                format!("{url}: none of the {candidates} postings could be read: {reason}"),
            ));
            return Ok((Vec::new(), warnings));
        }
        Err(e) => return Err(e),
    };
    let mut jobs: Vec<crate::Job> = parsed.into_iter().map(|p| p.value).collect();
    if jobs.len() < candidates {
        warnings.push(Warning::new(
            "skipped-postings",
            format!(
                "{url}: {} of {candidates} postings had neither a title nor a description",
                candidates - jobs.len()
            ),
        ));
    }
    if jobs.len() > opts.max_jobs {
        warnings.push(Warning::new(
            "max-jobs",
            format!(
                "{url}: kept the first {} of {} jobs",
                opts.max_jobs,
                jobs.len()
            ),
        ));
        jobs.truncate(opts.max_jobs);
    }
    Ok((jobs, warnings))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Response {
        Response {
            status,
            headers: vec![("Retry-After".into(), "7".into())],
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn statuses_and_kinds() {
        let o = FetchOptions::default();
        let u = "http://x/api";
        assert!(check(u, Expect::Json, &o, answer(200, " [1]")).is_ok());
        let e = check(u, Expect::Json, &o, answer(429, "")).unwrap_err();
        assert!(
            matches!(e, Error::Http { status: Some(429), ref reason, .. } if reason.contains("Retry-After: 7"))
        );
        let e = check(u, Expect::Json, &o, answer(200, "<!DOCTYPE html><p>oops")).unwrap_err();
        assert!(matches!(e, Error::UnsupportedFormat(ref m) if m.contains("HTML")));
        let e = check(u, Expect::Xml, &o, answer(200, "{\"a\":1}")).unwrap_err();
        assert!(matches!(e, Error::UnsupportedFormat(_)));
        assert!(
            check(
                u,
                Expect::Xml,
                &o,
                answer(200, "<?xml version=\"1.0\"?><rss/>")
            )
            .is_ok()
        );
        assert!(check(u, Expect::Html, &o, answer(200, "<html></html>")).is_ok());
        let small = FetchOptions {
            max_body_bytes: 3,
            ..FetchOptions::default()
        };
        let e = check(u, Expect::Json, &small, answer(200, "[1,2,3]")).unwrap_err();
        assert!(matches!(e, Error::LimitExceeded { .. }));
    }

    #[test]
    fn truncated_json_is_corrupt() {
        let e = json("http://x", b"[{\"id\": 1, \"posi").unwrap_err();
        assert!(matches!(e, Error::Corrupt { ref reason, .. } if reason.contains("cut off")));
    }
}
