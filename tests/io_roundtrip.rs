//! Design files: presets, round trips, atomic saves and clear errors for bad input.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests and benches fail loudly"
)]

use std::path::Path;

use eksplain::io::{self, IoError, PRESETS};
use eksplain::model::{Design, validate};

#[test]
fn every_preset_loads_without_problems() {
    for preset in PRESETS {
        let (design, warnings) = preset.load().unwrap_or_else(|e| panic!("{e}"));
        assert!(warnings.is_empty(), "{}: {warnings:?}", preset.name);
        assert!(validate(&design).is_empty());
        assert!(design.components.len() > 10);
    }
}

#[test]
fn presets_are_stored_in_canonical_form() {
    for preset in PRESETS {
        let (design, _) = preset.load().unwrap();
        let text = io::to_ron_string(&design).unwrap();
        assert_eq!(
            text, preset.text,
            "presets/{}.ron is not canonical; run `eksplain fmt`",
            preset.name
        );
    }
}

#[test]
fn round_trip_is_equal_and_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    for preset in PRESETS {
        let (design, _) = preset.load().unwrap();
        let path = dir.path().join(format!("{}.ron", preset.name));
        io::save(&design, &path).unwrap();
        let first = std::fs::read(&path).unwrap();
        let (again, _) = io::load(&path).unwrap();
        assert_eq!(again, design);
        io::save(&again, &path).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), first);
    }
}

#[test]
fn one_component_change_gives_a_small_diff() {
    let (mut design, _) = PRESETS[1].load().unwrap();
    let before = io::to_ron_string(&design).unwrap();
    design.component_mut("node-a").unwrap().label = "renamed".into();
    let after = io::to_ron_string(&design).unwrap();
    let changed = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed, 1);
}

#[test]
fn comments_are_accepted() {
    let text = format!("// a design\n/* block */\n{}", PRESETS[0].text);
    io::parse_design(&text, Path::new("x.ron")).unwrap();
}

fn load_text(text: &str) -> IoError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, text).unwrap();
    let err = io::load(&path).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("bad.ron"),
        "message must name the file: {message}"
    );
    err
}

#[test]
fn truncated_file_reports_line_and_column() {
    let text = &PRESETS[0].text[..PRESETS[0].text.len() / 2];
    match load_text(text) {
        IoError::Syntax { line, col, .. } => assert!(line > 1 && col >= 1),
        other => panic!("expected a syntax error, got {other}"),
    }
}

#[test]
fn unknown_kind_is_named() {
    let text = PRESETS[0].text.replacen("kind: igw", "kind: firewall", 1);
    let err = load_text(&text);
    let msg = err.to_string();
    assert!(matches!(err, IoError::Syntax { .. }));
    assert!(msg.contains("firewall"), "{msg}");
    let expected_line = text.lines().position(|l| l.contains("firewall")).unwrap() + 1;
    assert!(msg.contains(&format!("bad.ron:{expected_line}:")), "{msg}");
}

#[test]
fn duplicate_id_is_named() {
    let text = PRESETS[0]
        .text
        .replacen("id: \"node-b\"", "id: \"node-a\"", 1);
    let msg = load_text(&text).to_string();
    assert!(
        msg.contains("E_DUPLICATE_ID") && msg.contains("node-a"),
        "{msg}"
    );
}

#[test]
fn bad_cidr_is_named_with_component_and_field() {
    let text = PRESETS[0].text.replacen("10.0.11.0/24", "10.0.11.0/33", 1);
    let msg = load_text(&text).to_string();
    assert!(msg.contains("E_BAD_CIDR"), "{msg}");
    assert!(msg.contains("`subnet-private-a`, field `cidr`"), "{msg}");
}

#[test]
fn subnet_outside_vpc_is_refused() {
    let mut design: Design = PRESETS[0].load().unwrap().0;
    design.component_mut("subnet-public-b").unwrap().parent = None;
    let text = io::to_ron_string(&design).unwrap();
    let msg = load_text(&text).to_string();
    assert!(
        msg.contains("E_BAD_PLACEMENT") && msg.contains("subnet-public-b"),
        "{msg}"
    );
    assert!(msg.contains("a subnet goes in VPC"), "{msg}");
}

#[test]
fn newer_format_version_is_refused_with_a_clear_message() {
    let text = PRESETS[0].text.replacen(
        "format_version: 1,",
        "format_version: 99,\n    future_field: true,",
        1,
    );
    let msg = load_text(&text).to_string();
    assert!(msg.contains("format version 99"), "{msg}");
}

#[test]
fn invalid_utf8_is_reported_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let mut bytes = b"(\n  title: \"".to_vec();
    bytes.extend([0xff, 0xfe]);
    std::fs::write(&path, &bytes).unwrap();
    match io::load(&path).unwrap_err() {
        IoError::NotUtf8 { line, col, .. } => assert_eq!((line, col), (2, 11)),
        other => panic!("{other}"),
    }
}

#[test]
fn failed_save_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("design.ron");
    let (design, _) = PRESETS[0].load().unwrap();
    io::save(&design, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Block the temporary file's name with a directory, so writing it fails.
    let tmp = dir
        .path()
        .join(format!(".design.ron.{}.tmp", std::process::id()));
    std::fs::create_dir(&tmp).unwrap();
    let (other, _) = PRESETS[2].load().unwrap();
    let err = io::save(&other, &path).unwrap_err();
    assert!(matches!(err, IoError::Write { .. }));
    assert!(err.to_string().contains("left unchanged"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn save_into_a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/dir/design.ron");
    let (design, _) = PRESETS[0].load().unwrap();
    assert!(io::save(&design, &path).is_err());
    assert!(!path.exists());
}
