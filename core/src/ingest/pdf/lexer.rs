//! A content-stream tokenizer that keeps only what the font pre-scan needs.
//!
//! The pre-scan runs over every page before pdf-extract parses the same bytes again, and
//! lopdf's full parser (objects for every operand) made it a sixth of the extraction time.
//! This lexer borrows from the input and reduces operands to their kind. It follows the
//! PDF syntax, not lopdf's quirks; where the two disagree on a page, the count of shown
//! strings differs and the caller scans that page again with lopdf (see `super::page_text`).

use crate::Result;

/// An operand, reduced to what the scan looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok<'a> {
    Num,
    Name(&'a [u8]),
    Str,
    /// An array, with the number of strings among its top-level elements (for `TJ`).
    Arr(u32),
    Other,
}

impl<'a> Tok<'a> {
    /// The same reduction for an operand lopdf parsed.
    pub fn of(o: &'a lopdf::Object) -> Tok<'a> {
        use lopdf::Object;
        match o {
            Object::Integer(_) | Object::Real(_) => Tok::Num,
            Object::Name(n) => Tok::Name(n),
            Object::String(..) => Tok::Str,
            Object::Array(a) => {
                Tok::Arr(a.iter().filter(|x| matches!(x, Object::String(..))).count() as u32)
            }
            _ => Tok::Other,
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Calls `op(operator, operands)` for every operator of a content stream, in order.
/// Inline image data (`BI ... ID data EI`) is skipped.
pub(super) fn for_each_op<'a>(
    data: &'a [u8],
    mut op: impl FnMut(&[u8], &[Tok<'a>]) -> Result<()>,
) -> Result<()> {
    let mut args: Vec<Tok<'a>> = Vec::with_capacity(8);
    // Array nesting, and the string count of the outermost array being read.
    let mut arr_depth = 0usize;
    let mut arr_strings = 0u32;
    let mut dict_depth = 0usize;
    let mut i = 0;
    let n = data.len();
    while i < n {
        let b = data[i];
        let tok: Tok<'a> = match b {
            _ if is_space(b) => {
                i += 1;
                continue;
            }
            b'%' => {
                while i < n && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'(' => {
                let mut depth = 0usize;
                while i < n {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                Tok::Str
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                dict_depth += 1;
                i += 2;
                continue;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                dict_depth = dict_depth.saturating_sub(1);
                i += 2;
                if dict_depth > 0 {
                    continue;
                }
                Tok::Other
            }
            b'<' => {
                while i < n && data[i] != b'>' {
                    i += 1;
                }
                i += 1;
                Tok::Str
            }
            b'[' => {
                arr_depth += 1;
                if arr_depth == 1 {
                    arr_strings = 0;
                }
                i += 1;
                continue;
            }
            b']' => {
                i += 1;
                match arr_depth {
                    0 => continue,
                    1 => {
                        arr_depth = 0;
                        Tok::Arr(arr_strings)
                    }
                    _ => {
                        arr_depth -= 1;
                        continue;
                    }
                }
            }
            b'/' => {
                let start = i + 1;
                i = start;
                while i < n && !is_space(data[i]) && !is_delim(data[i]) {
                    i += 1;
                }
                Tok::Name(&data[start..i])
            }
            b'{' | b'}' | b')' | b'>' => {
                i += 1;
                continue;
            }
            _ => {
                let start = i;
                while i < n && !is_space(data[i]) && !is_delim(data[i]) {
                    i += 1;
                }
                let word = &data[start..i];
                if word[0].is_ascii_digit() || matches!(word[0], b'+' | b'-' | b'.') {
                    Tok::Num
                } else if matches!(word, b"true" | b"false" | b"null")
                    || dict_depth > 0
                    || arr_depth > 0
                {
                    Tok::Other
                } else {
                    if word == b"BI" {
                        i = skip_inline_image(data, i);
                        args.clear();
                        continue;
                    }
                    op(word, &args)?;
                    args.clear();
                    continue;
                }
            }
        };
        if dict_depth > 0 {
            continue;
        }
        if arr_depth > 0 {
            if arr_depth == 1 && tok == Tok::Str {
                arr_strings += 1;
            }
            continue;
        }
        args.push(tok);
    }
    Ok(())
}

/// From just after `BI`, the position after the matching `EI` (or the end).
fn skip_inline_image(data: &[u8], from: usize) -> usize {
    let id = data[from..]
        .windows(2)
        .position(|w| w == b"ID")
        .map_or(data.len(), |p| from + p + 2);
    let mut i = id + 1;
    while i + 2 <= data.len() {
        if data[i] == b'E'
            && data[i + 1] == b'I'
            && is_space(data[i - 1])
            && data.get(i + 2).is_none_or(|b| is_space(*b))
        {
            return i + 2;
        }
        i += 1;
    }
    data.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Tok<'_>>)> {
        let mut out = Vec::new();
        for_each_op(data, |o, a| {
            out.push((String::from_utf8_lossy(o).into_owned(), a.to_vec()));
            Ok(())
        })
        .expect("lex");
        out
    }

    #[test]
    fn operators_and_operands() {
        let got = ops(b"q 1 0 0 1 72 700 cm BT /F1 12 Tf (a \\) (b)) Tj [(x) -20 <6162> [(n)]] TJ ET % note (\n BI /W 2 /H 1 ID \x00EI\xff EI Q");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["q", "cm", "BT", "Tf", "Tj", "TJ", "ET", "Q"]);
        assert_eq!(got[1].1, [Tok::Num; 6]);
        assert_eq!(got[3].1, [Tok::Name(b"F1"), Tok::Num]);
        assert_eq!(got[4].1, [Tok::Str]);
        assert_eq!(got[5].1, [Tok::Arr(2)]);
    }

    #[test]
    fn dictionaries_are_one_operand() {
        let got = ops(b"/Span <</ActualText (x) /MCID 3 /Sub <</A [1 2]>> >> BDC EMC");
        assert_eq!(
            got[0],
            ("BDC".to_string(), vec![Tok::Name(b"Span"), Tok::Other])
        );
        assert_eq!(got[1].0, "EMC");
    }
}
