//! Exact scores with one rounding rule.
//!
//! **The rounding rule.** Every score is worked out exactly as a fraction of whole numbers and
//! then rounded once to the nearest hundredth, halves rounded away from zero
//! (`7/3 = 2.333… → 2.33`, `29/8 = 3.625 → 3.63`, `-1/8 = -0.125 → -0.13`). Rolled-up
//! figures (a component from its items, the overall from its components) are computed from the
//! rounded figures shown on the page, so a reader can reproduce every number in a board paper
//! from the numbers beside it. No floating point is involved, so native code, WebAssembly and
//! Node give identical results.

use serde::{Serialize, Serializer};
use std::fmt;

/// A score in hundredths of a level value: `Score(367)` is 3.67.
///
/// Serialised to JSON as a number with at most two decimals (`3.67`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Score(pub i64);

impl Score {
    /// A whole level value as a score.
    pub const fn from_level(value: i64) -> Self {
        Score(value * 100)
    }

    /// `numerator / denominator`, rounded by the rule above. `denominator` must be positive.
    pub fn from_ratio(numerator: i64, denominator: i64) -> Self {
        debug_assert!(
            denominator > 0,
            "scores divide by a positive count or weight"
        );
        let scaled = i128::from(numerator) * 100;
        let den = i128::from(denominator);
        let quotient = scaled / den;
        let remainder = scaled % den;
        // Compare twice the remainder with the denominator to decide the half without floats.
        let rounded = if 2 * remainder.abs() >= den {
            quotient + scaled.signum()
        } else {
            quotient
        };
        Score(i64::try_from(rounded).unwrap_or(if rounded > 0 { i64::MAX } else { i64::MIN }))
    }

    /// The value in hundredths.
    pub const fn hundredths(self) -> i64 {
        self.0
    }

    /// A change as a board reads it: `+0.50` for a rise, `-0.25` for a fall, `0.00` for none.
    pub fn signed(self) -> String {
        if self.0 > 0 {
            format!("+{self}")
        } else {
            self.to_string()
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Dividing two integers is correctly rounded in IEEE 754, so every platform (Rust, JS)
        // yields the same double, the one closest to the two-decimal figure.
        #[allow(clippy::float_arithmetic, clippy::cast_precision_loss)]
        let value = self.0 as f64 / 100.0;
        serializer.serialize_f64(value)
    }
}

impl<'de> serde::Deserialize<'de> for Score {
    /// Accepts a JSON number and keeps it to the nearest hundredth (the format allows no more).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        #[allow(clippy::float_arithmetic, clippy::cast_possible_truncation)]
        let hundredths = (value * 100.0).round() as i64;
        Ok(Score(hundredths))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Score {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Score".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_halves_away_from_zero() {
        assert_eq!(Score::from_ratio(7, 3), Score(233));
        assert_eq!(Score::from_ratio(29, 8), Score(363));
        assert_eq!(Score::from_ratio(1, 8), Score(13));
        assert_eq!(Score::from_ratio(-1, 8), Score(-13));
        assert_eq!(Score::from_ratio(-7, 3), Score(-233));
        assert_eq!(Score::from_ratio(11, 3), Score(367));
        assert_eq!(Score::from_ratio(5, 1), Score(500));
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(Score(50).signed(), "+0.50");
        assert_eq!(Score(-25).signed(), "-0.25");
        assert_eq!(Score(0).signed(), "0.00");
    }

    #[test]
    fn displays_two_decimals() {
        assert_eq!(Score(367).to_string(), "3.67");
        assert_eq!(Score(5).to_string(), "0.05");
        assert_eq!(Score(-5).to_string(), "-0.05");
        assert_eq!(Score(-150).to_string(), "-1.50");
        assert_eq!(serde_json::to_string(&Score(367)).unwrap(), "3.67");
    }
}
