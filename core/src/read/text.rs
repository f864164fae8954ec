//! Turning the bytes of a chosen file into text, with a plain explanation when the file was
//! saved in an encoding the formats do not use.

use crate::error::Error;

/// The file's bytes as UTF-8 text. A UTF-8 byte-order mark is passed over; a UTF-16 or UTF-32
/// file, or bytes that are not UTF-8 at all, are refused with what to do instead.
pub fn decode(bytes: &[u8]) -> Result<&str, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    // UTF-16 without a mark still shows as text with a zero byte beside every ASCII letter.
    let zero_bytes = bytes.iter().take(64).filter(|&&b| b == 0).count();
    if utf16 || zero_bytes > 8 {
        return Err(Error::with_detail(
            "",
            "the file was saved as UTF-16 (\"Unicode\") text; save it again as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8) and choose it again",
            "byte-order mark or zero bytes of UTF-16",
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        Error::with_detail(
            "",
            "the file is not UTF-8 text: it may be a spreadsheet, a document or a picture rather than a data file, or text saved in an old encoding; save it again as UTF-8 and choose it again",
            format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        )
    })
}

/// A size in words: "1 MB", "2.3 MB", "850 KB". Rounded up, so a size over a limit never reads
/// the same as the limit.
pub fn megabytes(bytes: usize) -> String {
    const MB: usize = 1 << 20;
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        let tenths = (bytes * 10).div_ceil(MB);
        if tenths % 10 == 0 {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_byte_order_mark_is_passed_over() {
        assert_eq!(decode(b"\xEF\xBB\xBF{\"a\":1}").unwrap(), "{\"a\":1}");
    }

    #[test]
    fn utf16_files_are_named_as_such() {
        let utf16le: Vec<u8> = "\u{feff}{\"formatVersion\": 1}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let error = decode(&utf16le).unwrap_err();
        let message = &error.problems()[0].message;
        assert!(
            message.contains("UTF-16") && message.contains("UTF-8"),
            "{message}"
        );
        let unmarked: Vec<u8> = "{\"formatVersion\": 1, \"title\": \"x\"}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(decode(&unmarked).is_err());
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        let error = decode(b"{\"title\": \"caf\xE9\"}").unwrap_err();
        let problem = &error.problems()[0];
        assert!(problem.message.contains("not UTF-8"));
        assert_eq!(problem.detail, "invalid UTF-8 at byte 14");
    }

    #[test]
    fn sizes_read_as_words() {
        assert_eq!(megabytes(1 << 20), "1 MB");
        assert_eq!(megabytes(2_400_000), "2.3 MB");
        assert_eq!(
            megabytes((1 << 20) + 1),
            "1.1 MB",
            "over the limit reads as over it"
        );
        assert_eq!(megabytes(10_000), "10 KB");
    }
}
