//! Languages: which one the user reads, and the message catalogue that turns keys and values
//! into sentences (Fluent, `locales/<lang>/*.ftl`, compiled in). No UI here: the engine, the
//! reports, the CLI and the app all format through it.

mod catalog;
mod msg;
pub mod words;

use std::cell::Cell;

use serde::{Deserialize, Serialize};

pub use catalog::{keys, placeholders, source};
pub use msg::{Arg, Msg};

/// A language the product speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English, the language of files, codes and JSON.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The tag, as `--lang` takes it.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language's own name, for menus.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }

    /// The language of a locale tag: `ko`, `ko-KR`, `ko_KR.UTF-8`, `en_US`…; `None` for one
    /// the product does not speak (or `C`/`POSIX`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language the POSIX environment asks for: the first set of `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` decides; English when it names another language.
    pub fn from_env() -> Lang {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any variable lookup (tests pass their own).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&get)
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or_default()
    }

    /// The operating system's language (the desktop setting, then the environment).
    pub fn from_system() -> Lang {
        sys_locale::get_locale()
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or_else(Lang::from_env)
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language this thread writes in (the app sets it every frame, the CLI once).
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language this thread writes in.
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The message `key` in `lang`, with no values.
pub fn tr(lang: Lang, key: &str) -> String {
    catalog::format(lang, key, &[])
}

/// The message `key` in `lang` with named values.
pub fn tr_args(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    catalog::format(lang, key, args)
}

/// A message in the current language: `t!("key")` or `t!("key", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::tr($crate::i18n::current(), $key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $crate::i18n::current(),
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// A message to format later, in whichever language reads it: `msg!("key", name = value)`.
#[macro_export]
macro_rules! msg {
    ($key:literal) => {
        $crate::i18n::Msg::new($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Msg::with_args(
            $key,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_name_their_language() {
        assert_eq!(Lang::from_tag("ko_KR.UTF-8"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("KO"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::from_tag("fr_FR"), None);
    }

    #[test]
    fn lc_all_wins_over_lang_and_empty_values_are_skipped() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            Lang::from_vars(vars(&[("LC_ALL", "ko_KR.UTF-8"), ("LANG", "en_US")])),
            Lang::Ko
        );
        assert_eq!(
            Lang::from_vars(vars(&[("LC_ALL", ""), ("LANG", "ko_KR.UTF-8")])),
            Lang::Ko
        );
        assert_eq!(Lang::from_vars(vars(&[("LANG", "de_DE")])), Lang::En);
        assert_eq!(Lang::from_vars(vars(&[])), Lang::En);
    }
}
