//! When each field of a saved assessment took its value, and in which tab: what lets a merge
//! keep the later change to each field however many tabs took part, and however their copies
//! met. A copy's own `updated` time cannot: it is the time of its latest change to any field,
//! so a tab's older change to one field could arrive inside a copy made later by a tab that
//! changed another field since.

use maturity_core::Field;
use std::cmp::Ordering;
use std::rc::Rc;

/// One change: when it was made (RFC 3339, to the millisecond), in which tab, and how many
/// changes that tab had made before. Stamps order by the three in turn, so two tabs' changes in
/// the same millisecond are ordered the same way in every tab, and one tab's changes keep the
/// order it made them in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    /// When.
    pub at: String,
    /// Which tab (see `hooks::use_store`: a random name, one per widget on a page).
    pub tab: Rc<str>,
    /// That tab's changes before this one.
    pub count: u32,
}

impl Stamp {
    /// `2026-11-29T10:00:00.000Z k3j2x 5`.
    fn text(&self) -> String {
        format!("{} {} {}", self.at, self.tab, self.count)
    }

    fn read(text: &str) -> Option<Stamp> {
        let mut parts = text.split(' ');
        let stamp = Stamp {
            at: parts.next().filter(|at| !at.is_empty())?.to_owned(),
            tab: parts.next()?.into(),
            count: parts.next()?.parse().ok()?,
        };
        parts.next().is_none().then_some(stamp)
    }
}

/// The stamp of the latest change to each field that has one. Fields changed before change
/// times were kept have none, and count as older than any that has. A handful of fields per
/// item, so a list does: a map type would add WebAssembly for no measurable speed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes(Vec<(Field, Stamp)>);

impl Changes {
    /// The stamp of `field`'s latest change, if it has one.
    pub fn get(&self, field: &Field) -> Option<&Stamp> {
        self.0
            .iter()
            .find(|(known, _)| known == field)
            .map(|(_, stamp)| stamp)
    }

    /// Records a change to `field`. Kept in field order, so two equal sets of changes compare
    /// equal however they were gathered.
    pub fn set(&mut self, field: Field, stamp: Stamp) {
        match self.0.binary_search_by(|(known, _)| known.cmp(&field)) {
            Ok(at) => self.0[at].1 = stamp,
            Err(at) => self.0.insert(at, (field, stamp)),
        }
    }

    /// Forgets `field`'s change time.
    pub fn forget(&mut self, field: &Field) {
        self.0.retain(|(known, _)| known != field);
    }

    /// Whether this side's change to `field` is later (`Greater`) than `theirs`, or earlier,
    /// or neither can be told (`Equal`: neither side has one).
    pub fn later(&self, theirs: &Changes, field: &Field) -> Ordering {
        self.get(field).cmp(&theirs.get(field))
    }

    /// Every field with a stamp.
    pub fn iter(&self) -> impl Iterator<Item = &(Field, Stamp)> {
        self.0.iter()
    }

    /// `{"rating:purpose-created":"2026-11-29T10:00:00.000Z k3j2x 5",…}`.
    pub fn to_json(&self) -> String {
        // Written by hand: collecting into a JSON map would bring a sort for nothing.
        let pairs: Vec<String> = self
            .0
            .iter()
            .map(|(field, stamp)| {
                format!(
                    "{}:{}",
                    serde_json::Value::String(field.name()),
                    serde_json::Value::String(stamp.text())
                )
            })
            .collect();
        format!("{{{}}}", pairs.join(","))
    }

    /// What [`Changes::to_json`] wrote; anything else in it is passed over.
    pub fn read(value: &serde_json::Value) -> Changes {
        let mut changes = Changes::default();
        for (name, stamp) in value.as_object().into_iter().flatten() {
            if let (Some(field), Some(stamp)) =
                (Field::named(name), stamp.as_str().and_then(Stamp::read))
            {
                changes.set(field, stamp);
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(at: &str, tab: &str, count: u32) -> Stamp {
        Stamp {
            at: at.into(),
            tab: tab.into(),
            count,
        }
    }

    #[test]
    fn stamps_order_by_time_then_tab_then_count() {
        let early = stamp("2026-11-29T10:00:00.000Z", "b", 9);
        let same_ms = stamp("2026-11-29T10:00:00.001Z", "a", 1);
        let other_tab = stamp("2026-11-29T10:00:00.001Z", "b", 0);
        let next_change = stamp("2026-11-29T10:00:00.001Z", "b", 1);
        assert!(early < same_ms && same_ms < other_tab && other_tab < next_change);
    }

    #[test]
    fn changes_are_written_and_read_back() {
        let mut changes = Changes::default();
        let rating = Field::Rating("purpose-created".into());
        changes.set(Field::Title, stamp("2026-11-29T10:00:00.000Z", "k3j2x", 0));
        changes.set(
            rating.clone(),
            stamp("2026-11-29T10:00:01.000Z", "k3j2x", 1),
        );
        changes.set(rating.clone(), stamp("2026-11-29T10:00:02.000Z", "zz", 7));
        let json = changes.to_json();
        assert_eq!(
            json,
            r#"{"title":"2026-11-29T10:00:00.000Z k3j2x 0","rating:purpose-created":"2026-11-29T10:00:02.000Z zz 7"}"#,
            "in field order"
        );
        let read = Changes::read(&maturity_core::parse_json(&json).unwrap());
        assert_eq!(read, changes);
        let mut others = Changes::default();
        assert_eq!(changes.later(&others, &rating), Ordering::Greater);
        others.set(rating.clone(), stamp("2026-11-29T10:00:03.000Z", "a", 0));
        assert_eq!(changes.later(&others, &rating), Ordering::Less);
        assert_eq!(
            changes.later(&others, &Field::Organisation),
            Ordering::Equal
        );
    }

    #[test]
    fn what_cannot_be_read_is_passed_over() {
        let value = maturity_core::parse_json(
            r#"{"title":"2026-11-29T10:00:00.000Z a 0","colour":"2026-11-29T10:00:00.000Z a 0","notes:x":"soon","due:x":"2026 a 1 2","owner:x":3}"#,
        )
        .unwrap();
        let read = Changes::read(&value);
        assert_eq!(read.iter().count(), 1);
        assert!(read.get(&Field::Title).is_some());
        assert_eq!(Changes::read(&serde_json::Value::Null), Changes::default());
    }
}
