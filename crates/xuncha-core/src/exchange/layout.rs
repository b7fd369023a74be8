//! The first pass over an exchange file: its structure found in one scan of the
//! text, every value left as a borrowed slice, so nothing is built before the
//! reader knows what the file holds.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

use super::reader::kind_of_key;

/// The structure of a file found in one scan of its text, every value still text.
#[derive(Debug)]
pub(super) struct Layout<'a> {
    pub(super) top: BTreeMap<String, Top<'a>>,
}

#[derive(Debug)]
pub(super) enum Top<'a> {
    Raw(&'a RawValue),
    Records(BTreeMap<String, Part<'a>>),
    /// `records` is there but is not an object.
    BadRecords,
}

#[derive(Debug)]
pub(super) enum Part<'a> {
    List(Vec<&'a RawValue>),
    Raw(&'a RawValue),
    /// A kind this version knows with `null`: no records.
    Null,
    /// A kind this version knows whose value is not a list.
    NotAList,
}

impl<'de> Deserialize<'de> for Layout<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Top_;
        impl<'de> Visitor<'de> for Top_ {
            type Value = Layout<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an exchange file")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Layout<'de>, A::Error> {
                let mut top = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = if key == "records" {
                        match map.next_value::<RecordsValue<'de>>()? {
                            RecordsValue(Some(parts)) => Top::Records(parts),
                            RecordsValue(None) => Top::BadRecords,
                        }
                    } else {
                        Top::Raw(map.next_value()?)
                    };
                    top.insert(key, value);
                }
                Ok(Layout { top })
            }
        }
        d.deserialize_map(Top_)
    }
}

/// `records`: its parts when it is an object, `None` when it is anything else.
pub(super) struct RecordsValue<'a>(Option<BTreeMap<String, Part<'a>>>);

/// A known kind's value: a list, `null` (no records) or anything else (refused).
pub(super) enum ListValue<'a> {
    List(Vec<&'a RawValue>),
    Null,
    Refused,
}

/// Accepts any JSON value, skipping it, and reports that it was not the shape wanted.
macro_rules! refuse_other_shapes {
    ($($visit:ident: $ty:ty),*) => {
        $(fn $visit<E: serde::de::Error>(self, _: $ty) -> Result<Self::Value, E> { Ok(Self::Value::refused()) })*
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> { Ok(Self::Value::null()) }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> { self.seq(seq) }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> { self.map(map) }
    };
}

impl RecordsValue<'_> {
    fn refused() -> Self {
        RecordsValue(None)
    }
    fn null() -> Self {
        RecordsValue(None)
    }
}

impl ListValue<'_> {
    fn refused() -> Self {
        ListValue::Refused
    }
    fn null() -> Self {
        ListValue::Null
    }
}

impl<'de> Deserialize<'de> for RecordsValue<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> V {
            fn seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RecordsValue<'de>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(RecordsValue(None))
            }
            fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<RecordsValue<'de>, A::Error> {
                let mut parts = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let part = if kind_of_key(&key).is_some() {
                        match map.next_value::<ListValue<'de>>()? {
                            ListValue::List(items) => Part::List(items),
                            ListValue::Null => Part::Null,
                            ListValue::Refused => Part::NotAList,
                        }
                    } else {
                        Part::Raw(map.next_value()?)
                    };
                    parts.insert(key, part);
                }
                Ok(RecordsValue(Some(parts)))
            }
        }
        impl<'de> Visitor<'de> for V {
            type Value = RecordsValue<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the records by kind")
            }
            refuse_other_shapes!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str);
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for ListValue<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> V {
            fn seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ListValue<'de>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(item) = seq.next_element::<&'de RawValue>()? {
                    items.push(item);
                }
                Ok(ListValue::List(items))
            }
            fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<ListValue<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(ListValue::Refused)
            }
        }
        impl<'de> Visitor<'de> for V {
            type Value = ListValue<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of records")
            }
            refuse_other_shapes!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str);
        }
        d.deserialize_any(V)
    }
}
