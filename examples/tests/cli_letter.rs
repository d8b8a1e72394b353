//! `copilot letter` end to end: offline text, JSON with sources, a PDF, bad options; and a
//! model on a local server speaking OpenAI's wire format, whose answers the `--cache` file
//! serves the second time without an HTTP call.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn letter(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copilot"))
        .arg("letter")
        .arg(example("jane-doe.md"))
        .arg(example("senior-rust-engineer.txt"))
        .args(["--as-of", "2026-12"])
        .args(args)
        .env_remove("OPENAI_API_KEY")
        .output()
        .expect("copilot runs")
}

#[test]
fn offline_letter_names_the_real_employers() {
    let run = letter(&["--date", "7 December 2026"]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.contains("Dear Hiring Manager,"), "{out}");
    assert!(
        out.contains("Senior Rust Engineer position at Ferrous Systems Cloud"),
        "{out}"
    );
    assert!(out.contains("At Lumen Analytics GmbH, I "), "{out}");
    assert!(out.contains("7 December 2026"));
    assert!(out.trim_end().ends_with("Jane Doe"), "{out}");
}

#[test]
fn json_has_sources_per_paragraph() {
    let run = letter(&["--json", "--length", "long", "--tone", "warm"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let paragraphs = v["value"]["doc"]["paragraphs"]
        .as_array()
        .expect("paragraphs");
    let sources = v["value"]["sources"].as_array().expect("sources");
    assert_eq!(paragraphs.len(), 5);
    assert_eq!(sources.len(), 5);
    assert!(
        sources[1]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s.as_str().unwrap().starts_with("work["))
    );
    assert_eq!(v["provider"], "offline");
    assert_eq!(v["cost"], 0.0);
}

#[test]
fn pdf_output_and_bad_options() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("letter.pdf");
    let run = letter(&["--out", out.to_str().unwrap()]);
    if cfg!(feature = "render") {
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    }
    for bad in [
        ["--tone", "sarcastic"],
        ["--length", "epic"],
        ["--locale", "xx"],
    ] {
        let run = letter(&bad);
        assert_eq!(run.status.code(), Some(2), "{bad:?}");
        assert!(
            String::from_utf8_lossy(&run.stderr).contains(bad[1]),
            "{bad:?}"
        );
    }
    let run = letter(&["--provider", "openai"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("OPENAI_API_KEY"));
}

/// A one-route HTTP server on 127.0.0.1 answering every POST with `body`, counting requests.
fn serve(body: String) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut len = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
            let mut req = vec![0u8; len];
            let _ = reader.read_exact(&mut req);
            seen.fetch_add(1, Ordering::SeqCst);
            let mut stream = reader.into_inner();
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{}",
                body.len(),
                body
            );
        }
    });
    (format!("http://{addr}/v1"), count)
}

#[test]
fn a_model_letter_is_checked_and_cached() {
    if !cfg!(all(feature = "http", feature = "sqlite")) {
        return;
    }
    let items = serde_json::json!({"items": [
        {"text": "I am applying for the Senior Rust Engineer role at Ferrous Systems Cloud.", "sources": []},
        {"text": "At Lumen Analytics GmbH, I led the migration of 14 services from a monolith to Kubernetes on AWS with zero downtime.", "sources": ["work[0].highlights[1]"]},
        {"text": "At Google, I built a search engine used by 3 billion people.", "sources": []},
        {"text": "Thank you for your time.", "sources": []}
    ]});
    let body = serde_json::json!({
        "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o-mini",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": items.to_string()}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200}
    })
    .to_string();
    let (url, count) = serve(body);
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = dir.path().join("cache.sqlite");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "--provider",
            "openai",
            "--base-url",
            &url,
            "--json",
            "--cache",
            cache.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let out = Command::new(env!("CARGO_BIN_EXE_copilot"))
            .arg("letter")
            .arg(example("jane-doe.md"))
            .arg(example("senior-rust-engineer.txt"))
            .args(["--as-of", "2026-12"])
            .args(&args)
            .env("OPENAI_API_KEY", "sk-test")
            .output()
            .expect("copilot runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        (v, String::from_utf8_lossy(&out.stderr).to_string())
    };
    let (first, stderr) = run(&[]);
    let text = first["value"]["doc"]["paragraphs"].to_string();
    assert!(!text.contains("Google"), "{text}");
    assert!(text.contains("Lumen Analytics"), "{text}");
    assert!(stderr.contains("Employer \"Google\""), "{stderr}");
    // One call, then the retry with feedback (the model repeats itself), then nothing more.
    assert_eq!(count.load(Ordering::SeqCst), 2);
    let (second, _) = run(&[]);
    assert_eq!(second["value"], first["value"]);
    assert_eq!(second["calls"], 0);
    assert_eq!(
        count.load(Ordering::SeqCst),
        2,
        "the cached run made an HTTP call"
    );
    let (_, _) = run(&["--regenerate"]);
    assert_eq!(count.load(Ordering::SeqCst), 4);
}
