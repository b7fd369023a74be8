//! Validation results: which field is wrong and which catalogue message says why.

use crate::i18n::{Lang, T};

/// One rule a draft breaks. `field` names the form field so the UI can mark it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    pub msg: T,
}

/// Collects every broken rule at once, so a form shows them all together.
#[derive(Debug, Default)]
pub struct Checker(Vec<Invalid>);

impl Checker {
    pub fn check(&mut self, ok: bool, field: &'static str, msg: T) -> &mut Self {
        if !ok {
            self.0.push(Invalid { field, msg });
        }
        self
    }

    pub fn finish(self) -> Result<(), Vec<Invalid>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

/// The messages of `errors` in `lang`, one sentence each.
pub fn messages(errors: &[Invalid], lang: Lang) -> Vec<&'static str> {
    errors.iter().map(|e| e.msg.text(lang)).collect()
}

/// True when `name` is blank once trimmed.
pub fn blank(name: &str) -> bool {
    name.trim().is_empty()
}
