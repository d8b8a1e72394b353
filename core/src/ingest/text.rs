//! Decoding text bytes: UTF-8, UTF-16 with a BOM, and a Windows-1252 fallback.

use crate::{Error, Limits, Result};

/// Decodes bytes to text. Invalid UTF-8 without a BOM is read as Windows-1252 (what older
/// Windows tools write); text that still looks binary is refused.
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<String> {
    Limits::check("input bytes", bytes.len() as u64, limits.max_input_bytes)?;
    let text = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (cow, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && enc != encoding_rs::UTF_8 {
            return Err(Error::invalid(
                "text",
                format!("invalid {} after its byte-order mark", enc.name()),
            ));
        }
        cow.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        }
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if !text.is_empty() && controls * 10 > text.chars().count() {
        return Err(Error::invalid(
            "text",
            "the bytes look binary (too many control characters)",
        ));
    }
    Limits::check(
        "text characters",
        text.chars().count() as u64,
        limits.max_text_chars,
    )?;
    if text.trim().is_empty() {
        return Err(Error::invalid("text", "the document has no text"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_encodings() {
        let l = Limits::default();
        assert_eq!(decode("Zoë".as_bytes(), &l).unwrap(), "Zoë");
        assert_eq!(decode(&[0x5A, 0x6F, 0xEB], &l).unwrap(), "Zoë");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi é".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, &l).unwrap(), "Hi é");
        assert!(decode(b"   ", &l).is_err());
        let tiny = Limits {
            max_text_chars: 2,
            ..Limits::default()
        };
        assert!(matches!(
            decode(b"abc", &tiny),
            Err(Error::LimitExceeded { .. })
        ));
    }
}
