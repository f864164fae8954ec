//! Dates and times as the formats write them, checked to exist: the readers refuse a day that
//! is not one, and summaries read days, so both take the rule from here.

/// `YYYY-MM-DD`, a day that exists (30 February does not).
pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let number = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// An RFC 3339 timestamp with a real date and time: `2026-11-28T09:30:00Z`, with optional
/// fractions of a second and a `Z` or `±HH:MM` offset.
pub fn is_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() < 20 || !text.get(..10).is_some_and(is_date) || !matches!(b[10], b'T' | b't') {
        return false;
    }
    let two = |at: usize| -> Option<u32> {
        let pair = b.get(at..at + 2)?;
        pair.iter()
            .all(u8::is_ascii_digit)
            .then(|| u32::from(pair[0] - b'0') * 10 + u32::from(pair[1] - b'0'))
    };
    let time_ok = matches!((two(11), two(14), two(17)), (Some(h), Some(m), Some(s)) if h < 24 && m < 60 && s <= 60)
        && b[13] == b':'
        && b[16] == b':';
    if !time_ok {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', ..] if rest.len() == 6 => {
            let zone = rest.as_bytes();
            let offset = |at: usize| {
                zone[at..at + 2]
                    .iter()
                    .all(u8::is_ascii_digit)
                    .then(|| u32::from(zone[at] - b'0') * 10 + u32::from(zone[at + 1] - b'0'))
            };
            zone[3] == b':'
                && offset(1).is_some_and(|h| h < 24)
                && offset(4).is_some_and(|m| m < 60)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert!(is_date("2027-02-28"));
        assert!(is_date("2028-02-29"), "a leap year");
        assert!(!is_date("2027-02-29"));
        assert!(!is_date("2027-02-30"));
        assert!(!is_date("2100-02-29"), "not a leap year");
        assert!(is_date("2000-02-29"));
        assert!(!is_date("2027-04-31"));
        assert!(!is_date("2027-13-01"));
        assert!(!is_date("2027-1-01"));
    }

    #[test]
    fn timestamps_must_be_real_times() {
        assert!(is_timestamp("2026-11-28T09:30:00Z"));
        assert!(is_timestamp("2026-11-28T09:30:00.123Z"));
        assert!(is_timestamp("2026-11-28T09:30:00+01:00"));
        assert!(!is_timestamp("2026-02-30T25:61:00Z"));
        assert!(!is_timestamp("2026-11-28T25:00:00Z"));
        assert!(!is_timestamp("2026-11-28T09:60:00Z"));
        assert!(!is_timestamp("2026-11-28T09:30:00"));
        assert!(!is_timestamp("2026-11-28T09:30:00.Z"));
        assert!(!is_timestamp("2026-11-28T09:30:00+1:00"));
    }
}
