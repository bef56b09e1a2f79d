//! `--lang` and the locale: text and Markdown in the reader's language, JSON and SARIF in
//! English whatever the language.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::process::Command;

/// Runs eksplain with `LANG` set (and the other locale variables cleared).
fn run(lang_env: &str, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_eksplain"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang_env)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn check_speaks_korean_with_lang_ko() {
    let preset = common::preset_path("public");
    let (code, text) = run(
        "en_US.UTF-8",
        &["check", &preset, "--no-policy", "--lang", "ko"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("모드: 퍼블릭"), "{text}");
    assert!(text.contains("판정: 도달 가능"), "{text}");
    let (_, english) = run("en_US.UTF-8", &["check", &preset, "--no-policy"]);
    assert!(english.contains("— mode: public") && english.contains("verdict: reachable"));
    assert!(!english.contains("판정"));
}

#[test]
fn the_locale_chooses_the_language_and_lang_overrides_it() {
    let preset = common::preset_path("private");
    let (_, korean) = run("ko_KR.UTF-8", &["check", &preset, "--no-policy"]);
    assert!(korean.contains("모드: 프라이빗"), "{korean}");
    let (_, english) = run(
        "ko_KR.UTF-8",
        &["check", &preset, "--no-policy", "--lang", "en"],
    );
    assert!(english.contains("— mode: private"), "{english}");
}

#[test]
fn report_writes_korean_markdown_under_a_korean_locale() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.md");
    let preset = common::preset_path("public-private");
    let (code, _) = run(
        "ko_KR.UTF-8",
        &["report", &preset, "-o", out.to_str().unwrap()],
    );
    assert_eq!(code, 0);
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("엔드포인트 액세스 퍼블릭 + 프라이빗"), "{md}");
    assert!(md.contains("| 흐름 | 출발 |"), "{md}");
}

#[test]
fn json_and_sarif_stay_english_in_korean() {
    let preset = common::preset_path("public");
    for format in ["json", "sarif"] {
        let args = ["check", preset.as_str(), "--no-policy", "--format", format];
        let (_, en) = run("en_US.UTF-8", &args);
        let mut ko_args = args.to_vec();
        ko_args.extend(["--lang", "ko"]);
        let (_, ko) = run("ko_KR.UTF-8", &ko_args);
        assert_eq!(en, ko, "{format} changed with the language");
        assert!(!ko.is_empty());
    }
}

#[test]
fn validate_names_the_problem_in_korean_under_a_korean_locale() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::preset_path("public")).unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        text.replace("\"10.0.11.0/24\"", "\"10.0.11.0/33\""),
    )
    .unwrap();
    let path = broken.to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_eksplain"))
        .args(["validate", path])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "ko_KR.UTF-8")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    // The file, the component, the field and the code stay; the sentences are Korean.
    assert!(
        err.contains(path) && err.contains("설계가 올바르지 않습니다"),
        "{err}"
    );
    assert!(
        err.contains("오류 E_BAD_CIDR, 구성 요소 `subnet-private-a`의 필드 `cidr`"),
        "{err}"
    );
    assert!(
        err.contains("올바른 IPv4 CIDR이 아닙니다: \"10.0.11.0/33\""),
        "{err}"
    );
    assert!(!err.contains("invalid"), "{err}");
}
