//! Bad input end to end: every hostile or broken document must give a typed error or a
//! sensible value, quickly, and never a panic. Each case runs through `parse_resume` and
//! `parse_job` with the default hint and with tight limits. The elapsed-time assertions are
//! hang guards, not benchmarks.

use std::time::{Duration, Instant};

use career_copilot::{Error, Hint, Limits, Result, parse_job, parse_resume};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// Generous for a debug build on a shared machine; a hang or quadratic blow-up is far slower.
const HANG_GUARD: Duration = Duration::from_secs(10);

fn tight() -> Limits {
    Limits {
        max_input_bytes: 8 << 20,
        max_pages: 4,
        max_unzipped_bytes: 1 << 20,
        max_zip_entries: 50,
        max_text_chars: 50_000,
        max_nesting_depth: 64,
    }
}

fn hints() -> [(&'static str, Hint); 2] {
    [
        ("default", Hint::default()),
        (
            "tight",
            Hint {
                limits: tight(),
                ..Hint::default()
            },
        ),
    ]
}

/// Runs both parsers under both hints and hands each outcome to `check`.
fn each(case: &str, bytes: &[u8], check: impl Fn(&str, Result<()>)) {
    for (limits, hint) in hints() {
        for (parser, run) in [
            (
                "resume",
                parse_resume_unit as fn(&[u8], &Hint) -> Result<()>,
            ),
            ("job", parse_job_unit),
        ] {
            let start = Instant::now();
            let outcome = run(bytes, &hint);
            let took = start.elapsed();
            let label = format!("{case} / {parser} / {limits} limits");
            assert!(took < HANG_GUARD, "{label}: took {took:?}");
            check(&label, outcome);
        }
    }
}

fn parse_resume_unit(b: &[u8], h: &Hint) -> Result<()> {
    parse_resume(b, h).map(|_| ())
}

fn parse_job_unit(b: &[u8], h: &Hint) -> Result<()> {
    parse_job(b, h).map(|_| ())
}

#[test]
fn empty_input_is_invalid() {
    for bytes in [&b""[..], b"   \n\t \r\n"] {
        each("empty", bytes, |label, r| {
            assert!(
                matches!(r, Err(Error::InvalidInput { .. })),
                "{label}: {r:?}"
            )
        });
    }
}

/// xorshift64*: seeded, so failures reproduce.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.max(1);
    (0..len)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_refused() {
    for (seed, len) in [
        (1, 1),
        (2, 17),
        (3, 1000),
        (4, 65_536),
        (5, 1_000_000),
        (6, 3_000_000),
    ] {
        let bytes = random_bytes(seed, len);
        each(&format!("random {len} bytes"), &bytes, |label, r| {
            if len >= 1000 {
                assert!(
                    matches!(
                        r,
                        Err(Error::UnsupportedFormat(_)
                            | Error::InvalidInput { .. }
                            | Error::LimitExceeded { .. })
                    ),
                    "{label}: {r:?}"
                );
            }
        });
    }
    // Random bytes behind real magic numbers reach the PDF and DOCX readers.
    for (magic, name) in [(&b"%PDF-1.7\n"[..], "pdf"), (b"PK\x03\x04", "zip")] {
        let mut bytes = magic.to_vec();
        bytes.extend(random_bytes(7, 50_000));
        each(&format!("random {name}"), &bytes, |label, r| {
            assert!(
                matches!(
                    r,
                    Err(Error::Corrupt { .. }
                        | Error::UnsupportedFormat(_)
                        | Error::LimitExceeded { .. }
                        | Error::NoTextLayer { .. })
                ),
                "{label}: {r:?}"
            )
        });
    }
}

fn data(rel: &str) -> Option<Vec<u8>> {
    match career_copilot_e2e::data_dir() {
        Some(dir) => std::fs::read(dir.join(rel)).ok(),
        None => {
            eprintln!("skipped: ../shared/data is absent");
            None
        }
    }
}

#[test]
fn truncated_pdfs_are_corrupt_or_partial() {
    let Some(pdf) = data("resumes/rendercv/John_Doe_ClassicTheme_CV.pdf") else {
        return;
    };
    for cut in [
        6,
        100,
        1000,
        pdf.len() / 10,
        pdf.len() / 3,
        pdf.len() / 2,
        pdf.len() * 9 / 10,
        pdf.len() - 10,
    ] {
        each(
            &format!("PDF cut at {cut} of {}", pdf.len()),
            &pdf[..cut],
            |label, r| {
                // lopdf may rebuild a cut cross-reference table and still read early pages.
                assert!(
                    matches!(
                        r,
                        Ok(())
                            | Err(Error::Corrupt { .. }
                                | Error::NoTextLayer { .. }
                                | Error::InvalidInput { .. })
                    ),
                    "{label}: {r:?}"
                )
            },
        );
    }
}

/// A PDF whose pages all share one font and one content stream, so thousands of pages stay cheap.
fn pdf(pages: usize, text: &str) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("Td", vec![72.into(), 700.into()]),
        Operation::new("Tj", vec![Object::string_literal(text)]),
        Operation::new("ET", vec![]),
    ];
    let content = doc.add_object(Stream::new(
        lopdf::Dictionary::new(),
        Content { operations: ops }.encode().expect("encode"),
    ));
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            doc.add_object(
                dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content },
            )
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => pages as i64, "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()] }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

#[test]
fn ten_thousand_page_pdf_hits_the_page_limit() {
    let bytes = save(&mut pdf(10_000, "Jane Doe, Rust engineer"));
    each("10,000-page PDF", &bytes, |label, r| {
        assert!(
            matches!(r, Err(Error::LimitExceeded { limit: "PDF pages", actual, .. }) if actual > 4),
            "{label}: {r:?}"
        )
    });
}

#[test]
fn password_protected_pdf_is_encrypted() {
    use lopdf::{EncryptionState, EncryptionVersion, Permissions};
    let mut doc = pdf(1, "Jane Doe, jane@example.com, Rust engineer since 2019");
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal("0123456789abcdef"),
            Object::string_literal("0123456789abcdef"),
        ],
    );
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: Permissions::all(),
    };
    let state = EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    let bytes = save(&mut doc);
    each("encrypted PDF", &bytes, |label, r| {
        assert!(matches!(r, Err(Error::Encrypted { .. })), "{label}: {r:?}")
    });
}

/// Word saves a password-protected DOCX as an OLE2 compound file with `EncryptionInfo` and
/// `EncryptedPackage` streams (names in UTF-16 in the directory sector).
#[test]
fn password_protected_docx_is_encrypted() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry.resize(128, 0);
        ole.extend(entry);
    }
    ole.extend(random_bytes(9, 4096));
    assert!(matches!(
        career_copilot::ingest::docx::extract(&ole, &Limits::default()),
        Err(Error::Encrypted { .. })
    ));
    each("encrypted DOCX", &ole, |label, r| {
        assert!(matches!(r, Err(Error::Encrypted { .. })), "{label}: {r:?}")
    });
}

/// A DOCX-shaped ZIP whose `word/document.xml` inflates to 1 GiB of `0` characters from about
/// 7 MB. The deflate stream is written by hand (one fixed-Huffman block: a few literals, then
/// length-258 distance-1 copies), which takes milliseconds; the CRC is not computed because a
/// reader must stop at its unzipped-bytes limit long before it could check it.
fn zip_bomb(inflated: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.n;
            self.n += bits;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// Huffman codes go most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let reversed = (0..bits).fold(0, |r, i| r | (((code >> i) & 1) << (bits - 1 - i)));
            self.put(reversed, bits);
        }
    }
    let prefix = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>0"#;
    let copies = (inflated - prefix.len() as u64) / 258;
    let mut bits = Bits {
        out: Vec::with_capacity((copies * 13 / 8 + 1024) as usize),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE = fixed Huffman
    for &b in prefix {
        match b {
            0..=143 => bits.code(0x30 + u64::from(b), 8),
            _ => bits.code(0x190 + u64::from(b) - 144, 9),
        }
    }
    // Length 258 is symbol 285 (8-bit code 0xC5, no extra bits); distance 1 is code 0.
    let copy: u64 = (0..8).fold(0, |r, i| r | (((0xC5 >> i) & 1) << (7 - i)));
    for _ in 0..copies {
        bits.put(copy, 13);
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7); // flush the last partial byte
    let data = bits.out;
    let size = prefix.len() as u64 + copies * 258;

    let name = b"word/document.xml";
    let mut zip = Vec::with_capacity(data.len() + 200);
    let u16le = |v: u16| v.to_le_bytes();
    let u32le = |v: u32| v.to_le_bytes();
    for part in [
        &u32le(0x0403_4b50)[..],
        &u16le(20),
        &u16le(0),
        &u16le(8),
        &u16le(0),
        &u16le(0x21),
        &u32le(0),
        &u32le(data.len() as u32),
        &u32le(size as u32),
        &u16le(name.len() as u16),
        &u16le(0),
        name,
    ] {
        zip.extend_from_slice(part);
    }
    zip.extend_from_slice(&data);
    let central = zip.len() as u32;
    for part in [
        &u32le(0x0201_4b50)[..],
        &u16le(20),
        &u16le(20),
        &u16le(0),
        &u16le(8),
        &u16le(0),
        &u16le(0x21),
        &u32le(0),
        &u32le(data.len() as u32),
        &u32le(size as u32),
        &u16le(name.len() as u16),
        &u16le(0),
        &u16le(0),
        &u16le(0),
        &u16le(0),
        &u32le(0),
        &u32le(0),
        name,
    ] {
        zip.extend_from_slice(part);
    }
    let central_len = zip.len() as u32 - central;
    for part in [
        &u32le(0x0605_4b50)[..],
        &u16le(0),
        &u16le(0),
        &u16le(1),
        &u16le(1),
        &u32le(central_len),
        &u32le(central),
        &u16le(0),
    ] {
        zip.extend_from_slice(part);
    }
    zip
}

#[test]
fn zip_bomb_posing_as_docx_hits_the_unzipped_limit() {
    let start = Instant::now();
    let bomb = zip_bomb(1 << 30);
    eprintln!(
        "built a {} byte bomb (1 GiB inflated) in {:?}",
        bomb.len(),
        start.elapsed()
    );
    assert!(bomb.len() < 8 << 20);
    each("zip bomb", &bomb, |label, r| {
        assert!(
            matches!(
                r,
                Err(Error::LimitExceeded {
                    limit: "unzipped bytes",
                    ..
                })
            ),
            "{label}: {r:?}"
        )
    });
    // The same construction at a harmless size is a readable document: the bomb is well formed.
    let small = zip_bomb(4096);
    let doc = career_copilot::ingest::docx::extract(&small, &Limits::default());
    assert!(
        matches!(doc, Err(Error::Corrupt { .. })),
        "unclosed elements are reported: {doc:?}"
    );
}

#[test]
fn hundred_megabytes_of_text_is_refused() {
    let line = "Senior Rust Engineer at Acme, 2019 - 2024. Built services in Rust and Python.\n";
    let text = line.repeat(100 * 1024 * 1024 / line.len());
    each("100 MB of text", text.as_bytes(), |label, r| {
        assert!(
            matches!(
                r,
                Err(Error::LimitExceeded {
                    limit: "input bytes",
                    ..
                })
            ),
            "{label}: {r:?}"
        )
    });
    // With the input bound lifted, the text bound still holds.
    let hint = Hint {
        limits: Limits {
            max_input_bytes: 200 << 20,
            ..Limits::default()
        },
        ..Hint::default()
    };
    let start = Instant::now();
    let r = parse_resume(text.as_bytes(), &hint).map(|_| ());
    assert!(start.elapsed() < HANG_GUARD);
    assert!(
        matches!(
            r,
            Err(Error::LimitExceeded {
                limit: "text characters",
                ..
            })
        ),
        "{r:?}"
    );
}

#[test]
fn invalid_utf8_is_read_leniently() {
    let mut bytes = b"Jane Doe\njane@example.com\n\nEXPERIENCE\nIng\xe9nieur, Soci\xe9t\xe9 G\xe9n\xe9rale  2019 - 2021\n- Built things \xff\xfe\n".to_vec();
    each("Windows-1252 text", &bytes, |label, r| {
        assert!(r.is_ok(), "{label}: {r:?}")
    });
    bytes.extend([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x82, 0xF0, 0x90, 0x28, 0xBC]);
    each("broken UTF-8 sequences", &bytes, |label, r| {
        assert!(
            matches!(r, Ok(()) | Err(Error::InvalidInput { .. })),
            "{label}: {r:?}"
        )
    });
    let odd_utf16 = [0xFF, 0xFE, b'H', 0, b'i', 0, 0x00, 0xD8, b'x'];
    each("UTF-16 with a lone surrogate", &odd_utf16, |label, r| {
        assert!(
            matches!(
                r,
                Ok(()) | Err(Error::InvalidInput { .. } | Error::UnsupportedFormat(_))
            ),
            "{label}: {r:?}"
        )
    });
    let html = b"<html><body><h1>Jane \xff Doe</h1><p>Ing\xe9nieur</p></body></html>";
    each("HTML with invalid UTF-8", html, |label, r| {
        assert!(r.is_ok(), "{label}: {r:?}")
    });
}

#[test]
fn deeply_nested_html_hits_the_depth_limit() {
    let deep = format!(
        "<html><body>{}Jane Doe</body></html>",
        "<div>".repeat(100_000)
    );
    each("100,000 nested divs", deep.as_bytes(), |label, r| {
        assert!(
            matches!(
                r,
                Err(Error::LimitExceeded {
                    limit: "HTML nesting depth",
                    ..
                })
            ),
            "{label}: {r:?}"
        )
    });
    let inline = format!(
        "<html><body><p>{}Jane</p></body></html>",
        "<b><i>".repeat(50_000)
    );
    each(
        "100,000 nested inline elements",
        inline.as_bytes(),
        |label, r| {
            assert!(
                matches!(r, Err(Error::LimitExceeded { .. })),
                "{label}: {r:?}"
            )
        },
    );
}

/// Inputs the fuzzers found (fuzz/fixtures/<target>/), replayed on every test run.
#[test]
fn fuzz_fixtures_replay() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/fixtures");
    let limits = Limits {
        max_pages: 8,
        max_unzipped_bytes: 4 << 20,
        max_text_chars: 200_000,
        ..Limits::default()
    };
    let hint = Hint {
        limits,
        ..Hint::default()
    };
    let mut replayed = 0;
    let Ok(targets) = std::fs::read_dir(&root) else {
        return;
    };
    for target in targets.flatten() {
        let name = target.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(target.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let bytes = std::fs::read(file.path()).expect("fixture");
            let start = Instant::now();
            match name.as_str() {
                "parse_resume" => drop(parse_resume(&bytes, &hint)),
                "parse_job" => drop(parse_job(&bytes, &hint)),
                "pdf_extract" => drop(career_copilot::ingest::pdf::extract(&bytes, &limits)),
                "docx_extract" => drop(career_copilot::ingest::docx::extract(&bytes, &limits)),
                "html_extract" => {
                    drop(career_copilot::ingest::html::extract(&bytes, &limits));
                    drop(career_copilot::ingest::html::json_ld(&bytes, &limits));
                }
                "text_decode" => drop(career_copilot::ingest::text::decode(&bytes, &limits)),
                "dates" => drop(career_copilot::model::date::find_date_range(
                    &String::from_utf8_lossy(&bytes),
                )),
                other => panic!("fixtures for an unknown fuzz target: {other}"),
            }
            assert!(
                start.elapsed() < HANG_GUARD,
                "{}: took {:?}",
                file.path().display(),
                start.elapsed()
            );
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} fuzz fixtures");
}
