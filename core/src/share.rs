//! Share links: a response carried in a URL fragment (`#maturity-matrix=1.<data>`), which
//! browsers never send to a server. The data is the response's compact JSON, compressed by the
//! browser (raw DEFLATE) and written in base64url; this module owns the text format and its
//! limits, the browser supplies the compression.

use crate::error::{Error, Result};

/// The fragment key, so a page's own fragments are left alone.
pub const FRAGMENT_KEY: &str = "maturity-matrix=";

/// The format version written before the data.
pub const LINK_VERSION: &str = "1";

/// Links longer than this many characters may be cut off by email systems and older tools.
pub const LINK_WARN_LENGTH: usize = 2_000;

/// Links longer than this are refused: several browsers and servers stop at about 8,000.
pub const LINK_MAX_LENGTH: usize = 8_000;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Reads base64url without padding; `None` when a character is not in the alphabet or the
/// length is impossible.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if values.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | v << (18 - 6 * i));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    Some(out)
}

/// The fragment (without `#`) for compressed response bytes.
pub fn fragment(compressed: &[u8]) -> String {
    format!(
        "{FRAGMENT_KEY}{LINK_VERSION}.{}",
        base64url_encode(compressed)
    )
}

/// The compressed response bytes in a page's fragment (with or without `#`): `None` when the
/// fragment is not a share link, an error saying what is wrong when it is one but damaged.
pub fn from_fragment(fragment: &str) -> Option<Result<Vec<u8>>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let start = fragment.find(FRAGMENT_KEY)?;
    let value = &fragment[start + FRAGMENT_KEY.len()..];
    let value = value.split('&').next().unwrap_or(value);
    let damaged = |message: &str| Some(Err(Error::single("link", message.to_owned())));
    // No link this tool makes is longer: a longer one was made to do harm or mangled, and is
    // refused before anything is decoded or expanded.
    if value.len() > LINK_MAX_LENGTH {
        return damaged("the link is longer than any link this tool makes, so it was not opened: it may have been changed");
    }
    let Some((version, data)) = value.split_once('.') else {
        return damaged("the link is incomplete: it may have been cut off when it was copied");
    };
    if version != LINK_VERSION {
        return damaged("the link was made by a newer version of this tool");
    }
    match base64url_decode(data) {
        Some(bytes) if !bytes.is_empty() => Some(Ok(bytes)),
        _ => damaged("the link is damaged: part of it may have been changed or cut off"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url_encode(&bytes);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&text), Some(bytes));
        }
        assert_eq!(base64url_encode(b"Man"), "TWFu");
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("a"), None);
        assert_eq!(base64url_decode("ab!c"), None);
    }

    #[test]
    fn links_longer_than_any_this_tool_makes_are_refused_unread() {
        let long = format!("#{FRAGMENT_KEY}1.{}", "A".repeat(2_000_000));
        let error = from_fragment(&long).unwrap().unwrap_err();
        assert!(error.problems()[0].message.contains("longer than any link"));
    }

    #[test]
    fn fragments_are_recognised_and_damage_is_named() {
        let link = fragment(&[1, 2, 3, 250]);
        assert_eq!(link, "maturity-matrix=1.AQID-g");
        assert_eq!(
            from_fragment(&format!("#{link}")).unwrap().unwrap(),
            vec![1, 2, 3, 250]
        );
        assert_eq!(
            from_fragment(&format!("#section&{link}&x=1"))
                .unwrap()
                .unwrap(),
            vec![1, 2, 3, 250]
        );
        assert!(from_fragment("#top").is_none());
        for (text, said) in [
            ("#maturity-matrix=1", "incomplete"),
            ("#maturity-matrix=2.AQID", "newer version"),
            ("#maturity-matrix=1.A!", "damaged"),
            ("#maturity-matrix=1.", "damaged"),
        ] {
            let error = from_fragment(text).unwrap().unwrap_err();
            assert!(error.to_string().contains(said), "{text}: {error}");
        }
    }
}
