//! Validation results: which field is wrong and which catalogue message says why.

use crate::i18n::{Lang, T};

/// One rule a draft breaks. `field` names the form field so the UI can mark it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    pub msg: T,
    /// A required field left empty: such errors are shown first and alone.
    pub missing: bool,
}

impl Invalid {
    /// A required field left empty.
    pub fn missing(field: &'static str, msg: T) -> Invalid {
        Invalid { field, msg, missing: true }
    }

    /// Only the errors that name empty required fields.
    pub fn only_missing(errors: Vec<Invalid>) -> Vec<Invalid> {
        errors.into_iter().filter(|e| e.missing).collect()
    }
}

/// Longest free text a ledger field takes (描述, 措施, 佐证材料, 摘要, 回复): a
/// ledger cell, not a report.
pub const MAX_TEXT_CHARS: usize = 4000;

/// Collects every broken rule at once, so a form shows them all together. When a
/// required field is missing, only the missing fields are named (every one of them,
/// by its label): what else is wrong can wait until they are filled in.
#[derive(Debug, Default)]
pub struct Checker {
    missing: Vec<Invalid>,
    wrong: Vec<Invalid>,
}

impl Checker {
    pub fn check(&mut self, ok: bool, field: &'static str, msg: T) -> &mut Self {
        if !ok {
            self.wrong.push(Invalid { field, msg, missing: false });
        }
        self
    }

    /// A field that must be filled in ("请选择轮次", "请填写问题描述").
    pub fn required(&mut self, ok: bool, field: &'static str, msg: T) -> &mut Self {
        if !ok {
            self.missing.push(Invalid::missing(field, msg));
        }
        self
    }

    /// A free-text field no longer than `MAX_TEXT_CHARS`.
    pub fn within_limit(&mut self, text: &str, field: &'static str, msg: T) -> &mut Self {
        self.check(text.chars().count() <= MAX_TEXT_CHARS, field, msg)
    }

    /// Whether a required field is missing so far.
    pub fn is_missing(&self, field: &'static str) -> bool {
        self.missing.iter().any(|m| m.field == field)
    }

    pub fn finish(self) -> Result<(), Vec<Invalid>> {
        let out = if self.missing.is_empty() { self.wrong } else { self.missing };
        if out.is_empty() {
            Ok(())
        } else {
            Err(out)
        }
    }
}

/// The messages of `errors` in `lang`, each sentence once (two fields may break
/// one rule; both are marked, the sentence is said once).
pub fn messages(errors: &[Invalid], lang: Lang) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for e in errors {
        let text = e.msg.text(lang);
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// True when `name` is blank once trimmed.
pub fn blank(name: &str) -> bool {
    name.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_are_named_first_and_alone_and_no_message_twice() {
        let mut c = Checker::default();
        c.check(false, "end", T::ErrEndBeforeStart);
        c.required(false, "round", T::ErrRoundRequired);
        c.required(false, "description", T::ErrDescriptionRequired);
        let errors = c.finish().err().unwrap_or_default();
        assert_eq!(
            errors.iter().map(|e| e.msg).collect::<Vec<_>>(),
            vec![T::ErrRoundRequired, T::ErrDescriptionRequired]
        );
        let twice = [
            Invalid { field: "a", msg: T::ErrYearOutOfRange, missing: false },
            Invalid { field: "b", msg: T::ErrYearOutOfRange, missing: false },
        ];
        assert_eq!(messages(&twice, Lang::Zh).len(), 1, "one rule broken by two fields is said once");
        let mut c = Checker::default();
        c.check(false, "end", T::ErrEndBeforeStart);
        c.required(true, "round", T::ErrRoundRequired);
        assert_eq!(c.finish().err().map(|e| e.len()), Some(1), "with everything filled in, the other rules speak");
    }
}

/// Whole numbers with bounds of their own, for `deserialize_with`: a file holding
/// a value the forms could never save is refused as the schema refuses it.
pub mod bounded {
    use serde::{Deserialize, Deserializer};

    fn within<'de, D: Deserializer<'de>>(n: u32, low: u32, high: u32) -> Result<u32, D::Error> {
        if (low..=high).contains(&n) {
            Ok(n)
        } else {
            Err(serde::de::Error::custom("invalid value: out of range"))
        }
    }

    /// 1 and up: a version number, a maximum of choices.
    pub fn positive<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        let n = u32::deserialize(d)?;
        within::<D>(n, 1, u32::MAX)
    }

    /// `positive`, or none.
    pub fn positive_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        Option::<u32>::deserialize(d)?.map(|n| within::<D>(n, 1, u32::MAX)).transpose()
    }

    /// 0 to 100: points or a percentage.
    pub fn percent<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        let n = u32::deserialize(d)?;
        within::<D>(n, 0, 100)
    }
}

/// A struct read only from a JSON object: serde would also take a list of its
/// fields in order (and an empty list for a struct whose fields all have defaults),
/// which the schema does not allow. The object's entries go straight to the struct,
/// with nothing built in between.
pub fn object<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    d.deserialize_map(ObjectVisitor(std::marker::PhantomData))
}

/// A list whose items are each read only from a JSON object (`object`).
pub fn objects<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    use serde::Deserialize;
    Vec::<Object<T>>::deserialize(d).map(|items| items.into_iter().map(|o| o.0).collect())
}

struct ObjectVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
    }
}

struct Object<T>(T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        object(d).map(Object)
    }
}
