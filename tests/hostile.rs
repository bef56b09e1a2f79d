//! Hostile and broken input: clear errors, never a panic, a hang or an out-of-memory.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use std::path::Path;

use eksplain::engine::analyze;
use eksplain::io::{self, IoError, PRESETS};
use eksplain::model::generate::large_design;
use eksplain::model::validate;

fn load_text(text: &str) -> Result<(), IoError> {
    io::parse_design(text, Path::new("hostile.ron")).map(|_| ())
}

#[test]
fn a_200_mb_file_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // A sparse file: refused by its size, never read.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    match io::load(&path).unwrap_err() {
        IoError::TooLarge { size, .. } => assert_eq!(size, 200 * 1024 * 1024),
        other => panic!("{other}"),
    }
}

#[test]
fn deep_nesting_is_an_error() {
    let text = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    let err = load_text(&text).unwrap_err();
    assert!(matches!(err, IoError::Syntax { .. }), "{err}");
    let text = format!(
        "(format_version: 1, title: {}\"x\"{})",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert!(load_text(&text).is_err());
}

#[test]
fn nan_and_huge_coordinates_are_refused_with_the_component() {
    let text = PRESETS[0]
        .text
        .replacen("pos: (40.0, 0.0)", "pos: (NaN, 1e30)", 1);
    let msg = load_text(&text).unwrap_err().to_string();
    assert!(
        msg.contains("E_BAD_GEOMETRY") && msg.contains("`user`"),
        "{msg}"
    );
    let text = PRESETS[0]
        .text
        .replacen("size: (150.0, 60.0)", "size: (inf, -5.0)", 1);
    assert!(
        load_text(&text)
            .unwrap_err()
            .to_string()
            .contains("E_BAD_GEOMETRY")
    );
}

#[test]
fn odd_ids_are_refused() {
    for id in ["node a", "../etc", "노드", "", "local", &"x".repeat(65)] {
        let text = PRESETS[0]
            .text
            .replacen("id: \"node-b\"", &format!("id: \"{id}\""), 1);
        let msg = load_text(&text).unwrap_err().to_string();
        assert!(msg.contains("E_BAD_ID"), "{id}: {msg}");
    }
}

#[test]
fn missing_references_and_cycles_are_named() {
    let text = PRESETS[0]
        .text
        .replacen("target: \"nat\"", "target: \"nat-gone\"", 1);
    let msg = load_text(&text).unwrap_err().to_string();
    assert!(
        msg.contains("E_UNKNOWN_ROUTE_TARGET") && msg.contains("nat-gone"),
        "{msg}"
    );
    let text = PRESETS[0].text.replacen(
        "id: \"vpc\",\n",
        "id: \"vpc\",\n            parent: \"subnet-public-a\",\n",
        1,
    );
    let msg = load_text(&text).unwrap_err().to_string();
    assert!(
        msg.contains("E_CONTAINMENT_CYCLE") || msg.contains("E_BAD_PLACEMENT"),
        "{msg}"
    );
}

#[test]
fn korean_labels_survive_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kr.ron");
    let (mut d, _) = PRESETS[1].load().unwrap();
    d.component_mut("node-a").unwrap().label = "워커 노드 (kubelet) — 한국어".into();
    d.title = "엔드포인트 액세스".into();
    d.description = "퍼블릭과 프라이빗이 혼용된 방식".into();
    io::save(&d, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("워커 노드 (kubelet) — 한국어"),
        "written as text, not escapes"
    );
    let (back, _) = io::load(&path).unwrap();
    assert_eq!(back, d);
}

#[test]
fn a_hundred_thousand_components_load_validate_and_analyse() {
    let d = large_design(100_000, 250, 10);
    assert!(d.components.len() > 100_000);
    // Addresses run out past 245 nodes per /24: validation names them, nothing hangs.
    let problems = validate(&d);
    assert!(problems.iter().any(|p| p.code == "E_BAD_IP"));
    let text = io::to_ron_string(&d).unwrap();
    let err = io::parse_design(&text, Path::new("big.ron")).unwrap_err();
    assert!(matches!(err, IoError::Invalid { .. }));
    let a = analyze(&d, None);
    assert_eq!(a.flows.len(), 10 + 2 * 100_000);
}

#[test]
fn pasting_garbage_is_a_message_not_a_crash() {
    let mut app = eksplain::app::EksplainApp::with_preset("public");
    let before = app.design().clone();
    for junk in [
        "",
        "(",
        "\u{0}\u{1}",
        &"[".repeat(10_000),
        "(components: [(id: 5)])",
    ] {
        app.paste_text(junk, eksplain::model::Point::new(0.0, 0.0));
        assert_eq!(app.design(), &before);
        assert!(app.status().is_some());
    }
}
