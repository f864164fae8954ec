//! Zip archives of stored (uncompressed) files, the container of a Word document.
//!
//! A document's parts are XML text and a PNG that is compressed already: storing them as they
//! are keeps a deflate encoder out of the WebAssembly, for a file a little larger than Word's
//! own. The archive is the same for the same files (every entry is dated 1 January 1980), so
//! the same paper downloads as the same bytes. Archives here hold a few hundred kilobytes, far
//! below the 4 GiB where ZIP64 would be needed.

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
/// Version 2.0 of the format: the version that readers expect at the least.
const VERSION: u16 = 20;
/// 1 January 1980 at midnight, in MS-DOS's date and time fields.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

/// The CRC-32 of `bytes` (the zip and PNG checksum: reflected polynomial 0xEDB88320). Worked bit
/// by bit rather than from a 1 KiB table: a paper's few hundred kilobytes take a millisecond
/// or two either way, and the table would weigh more than the loop.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// Little-endian writing of the archive's fields.
struct Writer(Vec<u8>);

impl Writer {
    fn u16(&mut self, value: u16) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }
    fn u32(&mut self, value: u32) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }
    /// A size or offset; the archives written here stay far below the 32-bit limit.
    fn size(&mut self, value: usize) {
        self.u32(u32::try_from(value).unwrap_or(u32::MAX));
    }
}

/// The zip archive of `files`, `(name, contents)` in the order given, each stored as it is.
/// Names are paths inside the archive, written as given (ASCII, `/` between folders).
pub fn stored(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Writer(Vec::new());
    let mut central = Writer(Vec::new());
    for (name, contents) in files {
        let offset = out.0.len();
        let crc = crc32(contents);
        // The fields a local header and its central directory entry share, from the version
        // needed to extract onwards.
        let shared = |w: &mut Writer| {
            w.u16(VERSION);
            w.u16(0); // flags: none
            w.u16(0); // method: stored
            w.u16(DOS_TIME);
            w.u16(DOS_DATE);
            w.u32(crc);
            w.size(contents.len()); // compressed size: stored, so the same
            w.size(contents.len());
            w.u16(u16::try_from(name.len()).unwrap_or(u16::MAX));
            w.u16(0); // extra field length
        };
        out.u32(LOCAL_HEADER);
        shared(&mut out);
        out.0.extend_from_slice(name.as_bytes());
        out.0.extend_from_slice(contents);

        central.u32(CENTRAL_HEADER);
        central.u16(VERSION); // made by: MS-DOS attributes, version 2.0
        shared(&mut central);
        central.u16(0); // comment length
        central.u16(0); // disk number
        central.u16(0); // internal attributes
        central.u32(0); // external attributes
        central.size(offset);
        central.0.extend_from_slice(name.as_bytes());
    }
    let (directory_offset, directory_size) = (out.0.len(), central.0.len());
    out.0.extend_from_slice(&central.0);
    out.u32(END_OF_CENTRAL_DIRECTORY);
    out.u16(0); // this disk
    out.u16(0); // the disk the directory starts on
    let count = u16::try_from(files.len()).unwrap_or(u16::MAX);
    out.u16(count);
    out.u16(count);
    out.size(directory_size);
    out.size(directory_offset);
    out.u16(0); // comment length
    out.0
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    fn u16_at(bytes: &[u8], at: usize) -> usize {
        usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]))
    }
    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
    }

    /// Reads an archive the way unzip does, from the end: the directory, then each entry's
    /// local header and data, checking that the two agree and that every checksum holds.
    pub(crate) fn read(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = archive.len() - 22;
        assert_eq!(u32_at(archive, end), END_OF_CENTRAL_DIRECTORY);
        let count = u16_at(archive, end + 10);
        assert_eq!(u16_at(archive, end + 8), count, "entries on this disk");
        let (size, mut at) = (
            u32_at(archive, end + 12) as usize,
            u32_at(archive, end + 16) as usize,
        );
        assert_eq!(
            at + size,
            end,
            "the directory ends where its end record starts"
        );
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(archive, at), CENTRAL_HEADER);
            let (crc, stored, plain) = (
                u32_at(archive, at + 16),
                u32_at(archive, at + 20) as usize,
                u32_at(archive, at + 24) as usize,
            );
            assert_eq!(u16_at(archive, at + 10), 0, "stored, not compressed");
            assert_eq!(stored, plain);
            let name_length = u16_at(archive, at + 28);
            assert_eq!(
                u16_at(archive, at + 30) + u16_at(archive, at + 32),
                0,
                "no extra field or comment"
            );
            let local = u32_at(archive, at + 42) as usize;
            let name = &archive[at + 46..at + 46 + name_length];
            assert_eq!(u32_at(archive, local), LOCAL_HEADER);
            assert_eq!(
                archive[local + 4..local + 30],
                archive[at + 6..at + 32],
                "the local header repeats the directory's fields"
            );
            assert_eq!(&archive[local + 30..local + 30 + name_length], name);
            let data = &archive[local + 30 + name_length..local + 30 + name_length + plain];
            assert_eq!(
                crc32(data),
                crc,
                "checksum of {}",
                String::from_utf8_lossy(name)
            );
            files.push((String::from_utf8(name.to_vec()).unwrap(), data.to_vec()));
            at += 46 + name_length;
        }
        assert_eq!(at, end);
        files
    }

    #[test]
    fn an_archive_reads_back_file_by_file_with_its_checksums() {
        let files: [(&str, &[u8]); 3] = [
            ("[Content_Types].xml", b"<Types/>"),
            ("word/media/empty.bin", b""),
            (
                "word/document.xml",
                "<w:t>caf\u{e9} \u{b7}</w:t>".as_bytes(),
            ),
        ];
        let archive = stored(&files);
        let unzipped = read(&archive);
        assert_eq!(unzipped.len(), 3);
        for ((name, data), (wanted_name, wanted_data)) in unzipped.iter().zip(files) {
            assert_eq!((name.as_str(), data.as_slice()), (wanted_name, wanted_data));
        }
        assert_eq!(
            stored(&files),
            archive,
            "the same files make the same bytes"
        );
        assert!(read(&stored(&[])).is_empty());
    }
}
