//! The canonical text of a value (keys sorted, no spaces) written straight from
//! the model, without building a `serde_json::Value` first: an export writes every
//! record this way, and the intermediate tree was a large part of its time.
//!
//! The output must equal `write_canonical(&serde_json::to_value(v))` byte for byte,
//! because the checksum is taken over it. Scalars other than strings go through
//! `serde_json::to_value` to get exactly its numbers; tests compare both ways on
//! every kind of record.
//!
//! `is_canonical` goes the other way: it recognises text that is canonical already,
//! as every record of a file this app wrote is, so that reading a file can hash the
//! text as it stands instead of building a tree and writing it out again.

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

/// How deep `is_canonical` follows nested values before it gives up and leaves
/// the text to the general way (serde_json has its own limit there).
const MAX_DEPTH: usize = 32;

/// True only when `write_canonical` of the value `text` parses to would give
/// `text` itself. Conservative: it says false for anything it does not need to
/// recognise (any backslash escape, fractions and exponents, long numbers, deep
/// nesting), and the caller then takes the general way. One pass, no allocation.
pub fn is_canonical(text: &str) -> bool {
    let bytes = text.as_bytes();
    matches!(value(bytes, 0, 0), Some(end) if end == bytes.len())
}

/// Where the canonical value starting at `at` ends, if it is one.
fn value(b: &[u8], at: usize, depth: usize) -> Option<usize> {
    if depth > MAX_DEPTH {
        return None;
    }
    match *b.get(at)? {
        b'"' => string(b, at).map(|(_, end)| end),
        b'{' => object(b, at, depth),
        b'[' => array(b, at, depth),
        b't' => literal(b, at, b"true"),
        b'f' => literal(b, at, b"false"),
        b'n' => literal(b, at, b"null"),
        b'-' | b'0'..=b'9' => integer(b, at),
        _ => None,
    }
}

/// A string without escapes: its content and where it ends. Control characters
/// cannot stand in JSON text unescaped, and every escape is left to the general way.
fn string(b: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let start = at + 1;
    let len = b.get(start..)?.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
    let end = start + len;
    (b[end] == b'"').then(|| (&b[start..end], end + 1))
}

fn literal(b: &[u8], at: usize, word: &[u8]) -> Option<usize> {
    b.get(at..)?.starts_with(word).then_some(at + word.len())
}

/// An integer as serde_json writes one: no plus, no leading zero, no `-0`, and
/// short enough to be an `i64` or `u64` whatever its digits.
fn integer(b: &[u8], at: usize) -> Option<usize> {
    let digits_at = if b[at] == b'-' { at + 1 } else { at };
    let digits = b.get(digits_at..)?.iter().take_while(|c| c.is_ascii_digit()).count();
    let end = digits_at + digits;
    let leading_zero = digits > 1 && b[digits_at] == b'0';
    let minus_zero = digits_at > at && digits == 1 && b[digits_at] == b'0';
    let fraction = matches!(b.get(end), Some(b'.' | b'e' | b'E'));
    (digits > 0 && digits <= 18 && !leading_zero && !minus_zero && !fraction).then_some(end)
}

/// Members with keys in strictly rising byte order (the order of a sorted map of
/// `String`s, and no key twice), no spaces.
fn object(b: &[u8], at: usize, depth: usize) -> Option<usize> {
    let mut at = at + 1;
    if *b.get(at)? == b'}' {
        return Some(at + 1);
    }
    let mut last: Option<&[u8]> = None;
    loop {
        if *b.get(at)? != b'"' {
            return None;
        }
        let (key, after) = string(b, at)?;
        if last.is_some_and(|l| l >= key) || *b.get(after)? != b':' {
            return None;
        }
        last = Some(key);
        at = value(b, after + 1, depth + 1)?;
        match *b.get(at)? {
            b',' => at += 1,
            b'}' => return Some(at + 1),
            _ => return None,
        }
    }
}

fn array(b: &[u8], at: usize, depth: usize) -> Option<usize> {
    let mut at = at + 1;
    if *b.get(at)? == b']' {
        return Some(at + 1);
    }
    loop {
        at = value(b, at, depth + 1)?;
        match *b.get(at)? {
            b',' => at += 1,
            b']' => return Some(at + 1),
            _ => return None,
        }
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

    /// What `is_canonical` promises: when it says yes, writing the parsed value
    /// canonically gives the text back.
    fn sound(text: &str) {
        if is_canonical(text) {
            let value: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(canonical_json(&value), text, "taken for canonical but is not");
        }
    }

    #[test]
    fn every_record_this_app_writes_is_recognised_as_canonical() {
        let file = crate::generate::generate(0.02, 5, Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a day")));
        let records = serde_json::to_value(&file.records).unwrap_or_else(|e| panic!("{e}"));
        let mut seen = 0;
        for list in records.as_object().into_iter().flat_map(|m| m.values()).filter_map(Value::as_array) {
            for record in list {
                let text = canonical_json(record);
                assert!(is_canonical(&text), "{text}");
                sound(&text);
                seen += 1;
            }
        }
        assert!(seen > 1000, "only {seen} records");
    }

    #[test]
    fn text_that_writing_would_change_is_not_taken_for_canonical() {
        for text in [
            r#"{"b":1,"a":2}"#,
            r#"{"a":1,"a":2}"#,
            r#"{ "a":1}"#,
            "{\"a\":1}\n",
            r#"{"a":"x\ny"}"#,
            r#"{"a":"\u4e2d"}"#,
            r#"{"a":"\/"}"#,
            r#"{"a\"b":1}"#,
            "[1.0]",
            "[1e3]",
            "[-0]",
            "[01]",
            "[+1]",
            "[1234567890123456789012]",
            "[1,]",
            r#"{"a":1,}"#,
            "[tru]",
            r#"{"a":nul}"#,
            "",
            "\"",
        ] {
            assert!(!is_canonical(text), "{text}");
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(!is_canonical(&deep), "deep nesting is left to the general way, without overflowing the stack");
    }

    #[test]
    fn text_taken_for_canonical_writes_back_to_itself() {
        for text in [
            r#"{"a":1,"b":[true,false,null,-7,0,"中文"],"c":{}}"#,
            "{\"A\":1,\"a\":2,\"b\":[],\"é\":\"\u{7f}\"}",
            r#"[{"id":"x","n":123456789012345678}]"#,
            r#""plain""#,
        ] {
            assert!(is_canonical(text), "{text}");
            sound(text);
        }
    }

    #[test]
    fn no_mutation_of_a_record_is_taken_for_canonical_unless_it_is() {
        let file = crate::generate::generate(0.01, 9, Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a day")));
        let records = serde_json::to_value(&file.records).unwrap_or_else(|e| panic!("{e}"));
        let samples: Vec<String> = records
            .as_object()
            .into_iter()
            .flat_map(|m| m.values())
            .filter_map(Value::as_array)
            .filter_map(|list| list.first())
            .map(canonical_json)
            .collect();
        let swaps: &[u8] = b"{}[]\",:0123456789-.e \\abtnul";
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut parsed = 0;
        for text in &samples {
            for _ in 0..2000 {
                let mut bytes = text.clone().into_bytes();
                let at = next(bytes.len());
                if !bytes[at].is_ascii() {
                    continue;
                }
                match next(3) {
                    0 => bytes[at] = swaps[next(swaps.len())],
                    1 => bytes.insert(at, swaps[next(swaps.len())]),
                    _ => {
                        bytes.remove(at);
                    }
                }
                let Ok(mutant) = String::from_utf8(bytes) else { continue };
                if serde_json::from_str::<Value>(&mutant).is_ok() {
                    parsed += 1;
                    sound(&mutant);
                } else {
                    assert!(!is_canonical(&mutant), "not JSON, yet taken for canonical: {mutant}");
                }
            }
        }
        assert!(samples.len() > 5 && parsed > 100, "too few mutants were JSON: {parsed}");
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
