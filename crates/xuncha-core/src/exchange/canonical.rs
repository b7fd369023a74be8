//! The canonical text of a value (keys sorted, no spaces) written straight from
//! the model, without building a `serde_json::Value` first: an export writes every
//! record this way, and the intermediate tree was a large part of its time.
//!
//! The output must equal `write_canonical(&serde_json::to_value(v))` byte for byte,
//! because the checksum is taken over it. Scalars other than strings go through
//! `serde_json::to_value` to get exactly its numbers; tests compare both ways on
//! every kind of record.

use super::format::{push_canonical_key, push_json_string, write_canonical};
use serde::ser::{self, Serialize};
use serde_json::Value;

type Error = serde_json::Error;

/// Appends the canonical text of `value` to `out`.
pub fn write_canonical_of<T: Serialize + ?Sized>(value: &T, out: &mut String) -> Result<(), Error> {
    value.serialize(Canon { out })
}

struct Canon<'a> {
    out: &'a mut String,
}

impl Canon<'_> {
    fn scalar<T: Serialize>(self, v: T) -> Result<(), Error> {
        write_canonical(&serde_json::to_value(v)?, self.out);
        Ok(())
    }
}

/// The members of an object, each rendered, written sorted by key at the end.
struct Members<'a> {
    out: &'a mut String,
    members: Vec<(String, String)>,
    key: Option<String>,
    /// `{"variant":` was written before the object and needs its closing brace.
    variant: bool,
}

impl Members<'_> {
    fn finish(mut self) {
        self.members.sort_by(|a, b| a.0.cmp(&b.0));
        self.out.push('{');
        for (i, (k, v)) in self.members.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            push_canonical_key(k, self.out);
            self.out.push(':');
            self.out.push_str(v);
        }
        self.out.push('}');
        if self.variant {
            self.out.push('}');
        }
    }

    fn member<T: Serialize + ?Sized>(&mut self, key: String, value: &T) -> Result<(), Error> {
        let mut text = String::new();
        write_canonical_of(value, &mut text)?;
        self.members.push((key, text));
        Ok(())
    }
}

/// The items of an array, written as they come.
struct Items<'a> {
    out: &'a mut String,
    first: bool,
    variant: bool,
}

impl Items<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_canonical_of(value, self.out)
    }

    fn finish(self) {
        self.out.push(']');
        if self.variant {
            self.out.push('}');
        }
    }
}

fn open_variant(out: &mut String, variant: &str) {
    out.push('{');
    push_canonical_key(variant, out);
    out.push(':');
}

/// A map key as serde_json's `to_value` makes it: strings as they are, numbers and
/// booleans as their text.
fn key_text<T: Serialize + ?Sized>(key: &T) -> Result<String, Error> {
    match serde_json::to_value(key)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        _ => Err(ser::Error::custom("key must be a string")),
    }
}

impl<'a> ser::Serializer for Canon<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Items<'a>;
    type SerializeTuple = Items<'a>;
    type SerializeTupleStruct = Items<'a>;
    type SerializeTupleVariant = Items<'a>;
    type SerializeMap = Members<'a>;
    type SerializeStruct = Members<'a>;
    type SerializeStructVariant = Members<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        push_json_string(v.encode_utf8(&mut [0; 4]), self.out);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        push_json_string(v, self.out);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        open_variant(self.out, variant);
        write_canonical_of(value, self.out)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'a>, Error> {
        self.out.push('[');
        Ok(Items { out: self.out, first: true, variant: false })
    }
    fn serialize_tuple(self, len: usize) -> Result<Items<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Items<'a>, Error> {
        open_variant(self.out, variant);
        self.out.push('[');
        Ok(Items { out: self.out, first: true, variant: true })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Members<'a>, Error> {
        Ok(Members { out: self.out, members: Vec::with_capacity(len.unwrap_or(0)), key: None, variant: false })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Members<'a>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Members<'a>, Error> {
        open_variant(self.out, variant);
        Ok(Members { out: self.out, members: Vec::with_capacity(len), key: None, variant: true })
    }
}

/// serde asks for one trait per shape of array and of object; within each group
/// they all do the same.
macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Items<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish();
                Ok(())
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Members<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.member(key.to_owned(), value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish();
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Members<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key_text(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.key.take().ok_or_else(|| ser::Error::custom("a map value without its key"))?;
        self.member(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Day;
    use crate::exchange::format::canonical_json;
    use serde::Serialize;
    use std::collections::{BTreeMap, HashMap};

    fn both<T: Serialize>(v: &T) -> (String, String) {
        let mut direct = String::new();
        write_canonical_of(v, &mut direct).unwrap_or_else(|e| panic!("{e}"));
        (direct, canonical_json(&serde_json::to_value(v).unwrap_or_else(|e| panic!("{e}"))))
    }

    #[test]
    fn every_generated_record_is_written_as_the_value_tree_writes_it() {
        let file = crate::generate::generate(0.02, 3, Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a day")));
        let records = serde_json::to_value(&file.records).unwrap_or_else(|e| panic!("{e}"));
        let (direct, tree) = both(&file.records);
        assert_eq!(direct, tree);
        assert!(records.as_object().is_some_and(|m| m.values().any(|v| v.as_array().is_some_and(|a| !a.is_empty()))));
        assert_eq!(both(&file.source).0, both(&file.source).1);
        assert_eq!(both(&file.exported_at).0, both(&file.exported_at).1);
    }

    #[test]
    fn every_shape_serde_knows_is_written_as_the_value_tree_writes_it() {
        #[derive(Serialize)]
        enum E {
            Unit,
            New(String),
            Tuple(u8, i64),
            Struct { z: f64, a: Option<u32> },
        }
        #[derive(Serialize)]
        struct Inner {
            b: bool,
            a: Vec<E>,
        }
        #[derive(Serialize)]
        struct Outer {
            zeta: (u8, char),
            #[serde(flatten)]
            inner: Inner,
            map: BTreeMap<u32, &'static str>,
            hash: HashMap<String, f32>,
            unit: (),
            text: &'static str,
            big: u64,
            neg: i128,
            float: f64,
        }
        let value = Outer {
            zeta: (7, '"'),
            inner: Inner {
                b: true,
                a: vec![E::Unit, E::New("x\n".into()), E::Tuple(1, -2), E::Struct { z: 1e-7, a: None }],
            },
            map: [(10, "十"), (2, "二")].into_iter().collect(),
            hash: [("b".to_owned(), 0.1), ("a".to_owned(), f32::MAX)].into_iter().collect(),
            unit: (),
            text: "C:\\巡察 \u{1}",
            big: u64::MAX,
            neg: -5,
            float: f64::NAN,
        };
        let (direct, tree) = both(&value);
        assert_eq!(direct, tree);
    }
}
