//! The message catalogue: both languages hold the same keys with the same placeholders, every
//! key the code uses exists, and every message formats.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use std::collections::BTreeSet;
use std::path::Path;

use eksplain::i18n::{self, Arg, Lang};

#[test]
fn both_languages_have_the_same_keys() {
    let en = i18n::keys(Lang::En);
    let ko = i18n::keys(Lang::Ko);
    let only_en: Vec<_> = en.difference(&ko).collect();
    let only_ko: Vec<_> = ko.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_ko.is_empty(),
        "missing in Korean: {only_en:?}\nmissing in English: {only_ko:?}"
    );
    assert!(en.len() > 20, "the catalogue has {} keys", en.len());
}

#[test]
fn each_key_has_the_same_placeholders_in_both_languages() {
    let mut bad = Vec::new();
    for key in i18n::keys(Lang::En) {
        let (en, ko) = (
            i18n::placeholders(Lang::En, &key),
            i18n::placeholders(Lang::Ko, &key),
        );
        if en != ko {
            bad.push(format!("{key}: en {en:?}, ko {ko:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The keys the code names: `msg!("k"…)`, `t!("k"…)`, `Msg::new("k")`, `tr(…, "k")` and the
/// kind keys.
fn used_keys(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            used_keys(&path, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        // Code only: doc comments show the macros with placeholder keys.
        let text: String = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for opener in [
            "msg!(",
            "t!(",
            "Msg::new(",
            "tr(lang, ",
            "tr_args(lang, ",
            "=> \"kind-",
        ] {
            let mut rest = text.as_str();
            while let Some(i) = rest.find(opener) {
                rest = &rest[i + opener.len()..];
                let after = rest.trim_start();
                let key: String = if opener.ends_with("kind-") {
                    format!(
                        "kind-{}",
                        after.chars().take_while(|c| *c != '"').collect::<String>()
                    )
                } else if let Some(q) = after.strip_prefix('"') {
                    q.chars().take_while(|c| *c != '"').collect()
                } else {
                    continue;
                };
                if key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !key.is_empty()
                {
                    out.insert(key);
                }
            }
        }
    }
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogue() {
    let mut used = BTreeSet::new();
    used_keys(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    assert!(
        used.contains("step-blocked") && used.contains("kind-nat"),
        "{used:?}"
    );
    let en = i18n::keys(Lang::En);
    let missing: Vec<_> = used.difference(&en).collect();
    assert!(
        missing.is_empty(),
        "keys used but not in locales/en: {missing:?}"
    );
}

#[test]
fn every_message_formats_in_both_languages() {
    for lang in Lang::ALL {
        for key in i18n::keys(lang) {
            let args: Vec<(&str, Arg)> = Vec::new();
            let names = i18n::placeholders(lang, &key);
            let owned: Vec<(String, Arg)> =
                names.iter().map(|n| (n.clone(), Arg::Num(2))).collect();
            let refs: Vec<(&str, Arg)> = owned
                .iter()
                .map(|(n, a)| (n.as_str(), a.clone()))
                .chain(args)
                .collect();
            let text = i18n::tr_args(lang, &key, &refs);
            assert!(
                !text.is_empty() || key == "nothing",
                "{} {key} formats to nothing",
                lang.code()
            );
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{} {key}: {text}",
                lang.code()
            );
        }
    }
}

#[test]
fn korean_reads_korean_and_english_reads_english() {
    let nat = eksplain::model::edit::new_component(
        eksplain::model::KindName::Nat,
        "nat-a".to_owned(),
        eksplain::model::Point::default(),
        None,
    );
    let m = eksplain::i18n::words::named(&nat);
    assert_eq!(m.in_lang(Lang::En), "NAT gateway nat-a");
    assert_eq!(m.in_lang(Lang::Ko), "NAT 게이트웨이 nat-a");
}
