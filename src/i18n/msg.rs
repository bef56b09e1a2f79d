//! A sentence kept as data: a catalogue key and its values, formatted in the reader's
//! language only when it is read. The engine builds these instead of English strings.

use std::fmt;
use std::net::Ipv4Addr;

use compact_str::CompactString;
use serde::Serialize;

use super::{Lang, catalog};

/// A value in a message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text that reads the same in every language: an id, an address, a CIDR, a code.
    Text(CompactString),
    /// A number (plural rules select on it).
    Num(i64),
    /// A part that is itself translated, formatted in the same language first.
    Msg(Box<Msg>),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(CompactString::from(s))
    }
}

impl From<&&str> for Arg {
    fn from(s: &&str) -> Self {
        Arg::Text(CompactString::from(*s))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(CompactString::from(s))
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(CompactString::from(s.as_str()))
    }
}

impl From<CompactString> for Arg {
    fn from(s: CompactString) -> Self {
        Arg::Text(s)
    }
}

impl From<&CompactString> for Arg {
    fn from(s: &CompactString) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<Ipv4Addr> for Arg {
    fn from(a: Ipv4Addr) -> Self {
        Arg::Text(compact_str::format_compact!("{a}"))
    }
}

impl From<u16> for Arg {
    fn from(n: u16) -> Self {
        Arg::Num(i64::from(n))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(i64::from(n))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}

/// The message in the reader's language, for text fields that hold plain strings.
impl From<Msg> for String {
    fn from(m: Msg) -> Self {
        m.to_string()
    }
}

impl From<&Msg> for Arg {
    fn from(m: &Msg) -> Self {
        Arg::Msg(Box::new(m.clone()))
    }
}

/// A catalogue key with its values, and the sentences that follow it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Msg {
    key: &'static str,
    args: Box<[(&'static str, Arg)]>,
    /// Sentences or notes written after this one (each a whole unit in its language);
    /// boxed, so a message stays small in the engine's `Result`s.
    then: Option<Box<Following>>,
}

/// The messages after one: behind one thin pointer, rarely there.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct Following(Vec<Msg>);

impl Msg {
    /// A message without values.
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Box::new([]),
            then: None,
        }
    }

    /// A message with named values.
    pub fn with_args(key: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Self {
            key,
            args: args.into_boxed_slice(),
            then: None,
        }
    }

    /// Text that is the same in every language (a name, an address), as a message.
    pub fn verbatim(text: impl Into<Arg>) -> Self {
        Self::with_args("verbatim", vec![("text", text.into())])
    }

    /// The catalogue key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The named values.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The value named `name`, if the message has one.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The messages written after this one.
    pub fn following(&self) -> &[Msg] {
        self.then.as_deref().map_or(&[], |f| f.0.as_slice())
    }

    /// This message followed by `next` (a note, a second sentence).
    #[must_use]
    pub fn and(mut self, next: Msg) -> Self {
        self.then.get_or_insert_with(Box::default).0.push(next);
        self
    }

    /// This message, followed by `next` when there is one.
    #[must_use]
    pub fn and_maybe(self, next: Option<Msg>) -> Self {
        match next {
            Some(n) => self.and(n),
            None => self,
        }
    }

    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let mut out = catalog::format(lang, self.key, &self.args);
        for m in self.following() {
            out.push_str(&m.in_lang(lang));
        }
        out
    }

    /// The English text (files, JSON and SARIF carry English).
    pub fn en(&self) -> String {
        self.in_lang(Lang::En)
    }

    /// True when this message, or one inside it, is `key`.
    pub fn mentions(&self, key: &str) -> bool {
        self.key == key
            || self
                .args
                .iter()
                .any(|(_, a)| matches!(a, Arg::Msg(m) if m.mentions(key)))
            || self.following().iter().any(|m| m.mentions(key))
    }
}

/// Transitional: English text built before its sentence moved into the catalogue.
impl From<String> for Msg {
    fn from(s: String) -> Self {
        Msg::verbatim(s)
    }
}

/// Transitional, as `From<String>`.
impl From<&str> for Msg {
    fn from(s: &str) -> Self {
        Msg::verbatim(s)
    }
}

/// In the current language of the thread.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(super::current()))
    }
}

/// As English text: the JSON reports are a contract.
impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.en())
    }
}
