//! The shapes the file formats allow, for serde's derived readers: a struct only from an object
//! (never from a list of its fields), a name only as text, and no key given twice. The models
//! name these in their serde attributes; they depend on nothing of the models, so the models
//! and the readers each depend on them and never on each other.

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// Reads `answers` refusing an item id given twice, which a map would otherwise quietly
/// resolve by keeping the last (the full reader refuses it with both places named).
pub(crate) fn answers_once<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, T>, D::Error> {
    struct Once<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Once<T> {
        type Value = BTreeMap<String, T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object keyed by item id")
        }
        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
            let mut answers = BTreeMap::new();
            while let Some((id, Object(answer))) = map.next_entry::<String, Object<T>>()? {
                if answers.insert(id, answer).is_some() {
                    return Err(serde::de::Error::custom("an item id given twice"));
                }
            }
            Ok(answers)
        }
    }
    deserializer.deserialize_map(Once(PhantomData))
}

/// A struct read only from a JSON object: serde's derived impls also take a list of the fields
/// in order (`"paper": []`), which the format does not allow.
pub(crate) struct Object<T>(pub(crate) T);

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
