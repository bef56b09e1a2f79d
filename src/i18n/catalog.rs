//! The compiled-in Fluent catalogue, one bundle per language.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use super::{Arg, Lang};

type Bundle = FluentBundle<FluentResource>;

macro_rules! files {
    ($lang:literal: $($file:literal),+) => {
        &[$(($file, include_str!(concat!("../../locales/", $lang, "/", $file)))),+]
    };
}

const EN: &[(&str, &str)] = files!("en": "common.ftl", "editor.ftl", "engine.ftl", "model.ftl", "path.ftl", "import.ftl", "report.ftl", "ui.ftl");
const KO: &[(&str, &str)] = files!("ko": "common.ftl", "editor.ftl", "engine.ftl", "model.ftl", "path.ftl", "import.ftl", "report.ftl", "ui.ftl");

/// The catalogue files of `lang`: (file name, FTL text).
pub fn source(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => EN,
        Lang::Ko => KO,
    }
}

fn build(lang: Lang) -> Bundle {
    let tag: unic_langid::LanguageIdentifier =
        lang.code().parse().expect("a language code is a tag");
    let mut bundle = Bundle::new_concurrent(vec![tag]);
    // Placeholders are ids and addresses inside one sentence: no bidi isolation marks.
    bundle.set_use_isolating(false);
    bundle
        .add_function("NOPERIOD", |positional, _named| match positional.first() {
            Some(FluentValue::String(s)) => {
                FluentValue::from(s.trim_end_matches(['.', '。']).to_owned())
            }
            Some(other) => other.clone(),
            None => FluentValue::None,
        })
        .expect("NOPERIOD is defined once");
    for (file, text) in source(lang) {
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(_, errors)| {
            panic!("locales/{}/{file} does not parse: {errors:?}", lang.code())
        });
        if let Err(errors) = bundle.add_resource(resource) {
            panic!("locales/{}/{file}: {errors:?}", lang.code());
        }
    }
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| [build(Lang::En), build(Lang::Ko)]);
    match lang {
        Lang::En => &all[0],
        Lang::Ko => &all[1],
    }
}

/// Formats `key` in `lang`; a key Korean lacks falls back to English, a key no language has
/// comes out as itself (the catalogue tests keep both from happening).
pub(super) fn format(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let (b, pattern) = match bundle(lang).get_message(key).and_then(|m| m.value()) {
        Some(p) => (bundle(lang), p),
        None => match bundle(Lang::En).get_message(key).and_then(|m| m.value()) {
            Some(p) => (bundle(Lang::En), p),
            None => return key.to_owned(),
        },
    };
    let mut errors = Vec::new();
    if args.is_empty() {
        return b.format_pattern(pattern, None, &mut errors).into_owned();
    }
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let v = match value {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Num(n) => FluentValue::from(*n),
            Arg::Msg(m) => FluentValue::from(m.in_lang(lang)),
        };
        fargs.set(*name, v);
    }
    b.format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// Every message id of `lang`.
pub fn keys(lang: Lang) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, text) in source(lang) {
        if let Ok(r) = FluentResource::try_new((*text).to_owned()) {
            for e in r.entries() {
                if let ast::Entry::Message(m) = e {
                    out.insert(m.id.name.to_owned());
                }
            }
        }
    }
    out
}

/// The `$names` message `key` of `lang` refers to.
pub fn placeholders(lang: Lang, key: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, text) in source(lang) {
        if let Ok(r) = FluentResource::try_new((*text).to_owned()) {
            for e in r.entries() {
                if let ast::Entry::Message(m) = e
                    && m.id.name == key
                    && let Some(p) = &m.value
                {
                    pattern_vars(p, &mut out);
                }
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        _ => {}
    }
}
