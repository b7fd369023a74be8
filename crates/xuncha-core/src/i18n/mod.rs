//! The one catalogue of user-visible text, Chinese first, English second.
//! Code names a message by its key; the UI, the panic panel and the CLI read it here.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Anything but "en" is Chinese, the default.
    pub fn from_code(code: &str) -> Lang {
        if code == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The `lang` attribute for the page.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// An enum whose values have a catalogue label.
pub trait Label: Copy {
    fn label(self) -> T;
}

/// Replaces `{name}` placeholders in a catalogue text.
pub fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// Declares a closed list of values stored as snake_case text, with `ALL` in
/// display order and a catalogue label for each value.
#[macro_export]
macro_rules! labelled_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $variant:ident => $key:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $variant),* }

        impl $name {
            pub const ALL: [$name; [$($name::$variant),*].len()] = [$($name::$variant),*];
        }

        impl $crate::i18n::Label for $name {
            fn label(self) -> $crate::i18n::T {
                match self { $($name::$variant => $crate::i18n::T::$key),* }
            }
        }
    };
}

macro_rules! catalogue {
    (; $($key:ident => $zh:literal, $en:literal;)*) => {
        /// A catalogue key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Zh) => $zh, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

// The texts live by area, one file each; the chain below gathers them into one
// catalogue, so a key is still `T::Name` wherever it is used.
#[macro_use]
mod app;
#[macro_use]
mod documents;
#[macro_use]
mod ecology;
#[macro_use]
mod exchange;
#[macro_use]
mod intake;
#[macro_use]
mod ledger;
#[macro_use]
mod outcomes;
#[macro_use]
mod people;
#[macro_use]
mod plan;
#[macro_use]
mod register;
#[macro_use]
mod stats;
#[macro_use]
mod survey;

app_texts!(register_texts, people_texts, outcome_texts, ecology_texts, plan_texts, ledger_texts, survey_texts, stats_texts, exchange_texts, documents_texts, intake_texts, catalogue;);

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> =
            s.split('{').filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned())).collect();
        out.sort();
        out
    }

    #[test]
    fn every_key_has_text_in_both_languages() {
        for key in T::ALL {
            assert!(!key.text(Lang::Zh).trim().is_empty(), "{key:?} zh");
            assert!(!key.text(Lang::En).trim().is_empty(), "{key:?} en");
        }
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for key in T::ALL {
            assert_eq!(placeholders(key.text(Lang::Zh)), placeholders(key.text(Lang::En)), "{key:?}");
        }
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        let text = fill(T::BulkDone.text(Lang::Zh), &[("added", &3), ("skipped", &1)]);
        assert_eq!(text, "已添加 3 个；已存在而跳过 1 个。");
    }

    #[test]
    fn chinese_is_the_default_and_unknown_codes_fall_back_to_it() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(Lang::from_code("en"), Lang::En);
        assert_eq!(Lang::from_code("fr"), Lang::Zh);
        assert_eq!(Lang::from_code(Lang::En.code()), Lang::En);
    }
}
