//! The quick way to read a response: serde's derived reader straight into the typed structs,
//! then the same field rules the full reader applies.
//!
//! The full reader builds a JSON tree first and walks it, collecting every problem with its
//! path; that is what a person fixing a file needs, and it costs several times the scoring. Most
//! responses are fine, so this reader tries first and answers only "here it is" or "ask the full
//! reader" (`None`): it never explains anything itself, so every message a person sees still
//! comes from one place. It takes only the current format; older files are migrated by the full
//! reader. `core/tests/fast_read.rs` checks that whatever it accepts, the full reader reads the
//! same.

use super::response::{is_date, is_timestamp};
use super::{id_characters_only, Text, MAX_ID_CHARS};
use crate::instrument::limits as instrument_limits;
use crate::response::limits::*;
use crate::response::{Agreed, Answer, Paper, Response, RESPONSE_FORMAT_VERSION};
use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// A response in the current format that follows every field rule, or `None`.
pub(crate) fn response(text: &str) -> Option<Response> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_BYTES {
        return None;
    }
    let Object(response) = serde_json::from_str::<Object<Response>>(text).ok()?;
    follows_field_rules(&response).then_some(response)
}

/// The field rules of `read::response`, as yes or no.
fn follows_field_rules(r: &Response) -> bool {
    let name = Text::optional(MAX_NAME_CHARS);
    let id_ok = Text::required(MAX_ID_CHARS).accepts(&r.instrument.id)
        && id_characters_only(&r.instrument.id);
    r.format_version == RESPONSE_FORMAT_VERSION
        && id_ok
        && Text::required(instrument_limits::MAX_TITLE_CHARS).accepts(&r.instrument.version)
        && name.accepts(&r.title)
        && name.accepts(&r.organisation)
        && name.accepts(&r.respondent.name)
        && name.accepts(&r.respondent.role)
        && timestamp_ok(&r.created)
        && timestamp_ok(&r.updated)
        && date_ok(&r.next_review)
        && paper_ok(&r.paper)
        && r.agreed.as_ref().is_none_or(agreed_ok)
        && r.answers.len() <= instrument_limits::MAX_ITEMS
        && r.answers.values().all(answer_ok)
}

fn paper_ok(p: &Paper) -> bool {
    let name = Text::optional(MAX_NAME_CHARS);
    let notes = Text::optional(MAX_NOTES_CHARS);
    name.accepts(&p.meeting)
        && name.accepts(&p.agenda_item)
        && name.accepts(&p.author)
        && name.accepts(&p.executive_lead)
        && notes.accepts(&p.purpose)
        && notes.accepts(&p.board_asked_to)
        && date_ok(&p.date)
}

fn agreed_ok(a: &Agreed) -> bool {
    (1..=MAX_RATERS).contains(&a.raters) && date_ok(&a.on)
}

fn answer_ok(a: &Answer) -> bool {
    let level_ok = |level: Option<u8>| {
        level.is_none_or(|v| i64::from(v) <= instrument_limits::MAX_LEVEL_VALUE)
    };
    let notes = Text::optional(MAX_NOTES_CHARS);
    let line = Text::required(MAX_PROGRESS_CHARS);
    level_ok(a.level)
        && level_ok(a.target)
        && !(a.level.is_some() && a.special.is_some())
        && notes.accepts(&a.notes)
        && notes.accepts(&a.action)
        && Text::optional(MAX_NAME_CHARS).accepts(&a.owner)
        && date_ok(&a.due)
        && a.progress.len() <= MAX_PROGRESS_LINES
        && a.progress
            .iter()
            .all(|l| date_ok(&l.date) && line.accepts(&l.text))
}

fn date_ok(text: &str) -> bool {
    text.is_empty() || is_date(text)
}

fn timestamp_ok(text: &str) -> bool {
    text.is_empty() || (Text::optional(40).accepts(text) && is_timestamp(text))
}

/// Reads `answers` refusing an item id given twice, which a map would otherwise quietly
/// resolve by keeping the last (the full reader refuses it with both places named).
pub(crate) fn answers_once<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, Answer>, D::Error> {
    struct Once;
    impl<'de> Visitor<'de> for Once {
        type Value = BTreeMap<String, Answer>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object keyed by item id")
        }
        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
            let mut answers = BTreeMap::new();
            while let Some((id, Object(answer))) = map.next_entry::<String, Object<Answer>>()? {
                if answers.insert(id, answer).is_some() {
                    return Err(serde::de::Error::custom("an item id given twice"));
                }
            }
            Ok(answers)
        }
    }
    deserializer.deserialize_map(Once)
}

/// A struct read only from a JSON object: serde's derived impls also take a list of the fields
/// in order (`"paper": []`), which the format does not allow.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Fields<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Object)
            }
        }
        deserializer.deserialize_map(Fields(PhantomData))
    }
}

/// For `#[serde(deserialize_with)]` on a field holding a struct: see [`Object`].
pub(crate) fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    Object::deserialize(deserializer).map(|Object(value)| value)
}

/// For `#[serde(deserialize_with)]` on an optional field holding a struct: present means an
/// object (never `null`), absent means `None` through `#[serde(default)]`.
pub(crate) fn optional_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    object(deserializer).map(Some)
}

/// For `#[serde(deserialize_with)]` on a field holding a list of structs: see [`Object`].
pub(crate) fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    struct List<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for List<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of objects")
        }
        fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
            let mut items = Vec::new();
            while let Some(Object(item)) = seq.next_element::<Object<T>>()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(List(PhantomData))
}

/// For the derived `Deserialize` of a unit-only enum: its name as text and nothing else (serde's
/// derived impls also take `{"done": null}`).
pub(crate) fn by_name<'de, D: Deserializer<'de>, T: Copy>(
    deserializer: D,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Result<T, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
    all.iter()
        .copied()
        .find(|&value| name(value) == text)
        .ok_or_else(|| serde::de::Error::custom("not one of the names"))
}
