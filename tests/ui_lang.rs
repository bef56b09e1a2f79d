//! View › Language: the window switches language without a restart, every panel drawn again
//! in the new one, and the choice is kept in the settings.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use common::{harness, harness_with};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use eksplain::app::{EksplainApp, Settings};
use eksplain::i18n::Lang;

#[test]
fn view_language_switches_every_panel_and_is_kept() {
    let mut h = harness("public-private");
    h.get_by_label_contains("mode: public + private");
    assert_eq!(h.state().settings().lang, None);
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label_contains("Language").hover();
    h.run_steps(2);
    h.get_by_label("한국어").click();
    h.run_steps(3);
    assert_eq!(h.state().lang(), Lang::Ko);
    assert_eq!(h.state().settings().lang, Some(Lang::Ko));
    // The menu bar and the status bar speak Korean from the next frame on.
    h.get_by_label("파일");
    h.get_by_label_contains("모드: 퍼블릭 + 프라이빗");
    assert!(h.query_by_label("File").is_none());
    assert!(
        h.query_by_label_contains("mode: public + private")
            .is_none()
    );
    // And back, the same way, in Korean.
    h.get_by_label("보기").click();
    h.run_steps(2);
    h.get_by_label_contains("언어").hover();
    h.run_steps(2);
    h.get_by_label("English").click();
    h.run_steps(3);
    assert_eq!(h.state().settings().lang, Some(Lang::En));
    h.get_by_label("File");
    h.get_by_label_contains("mode: public + private");
}

/// The window on `preset`, with Korean kept as the user's choice in the settings.
fn korean_harness(preset: &str) -> Harness<'static, EksplainApp> {
    let settings = Settings {
        lang: Some(Lang::Ko),
        ..Settings::default()
    };
    let app = EksplainApp::with_preset(preset).with_settings(settings);
    harness_with(app, egui::vec2(1400.0, 900.0))
}

#[test]
fn the_kept_choice_wins_over_the_system_language() {
    let h = korean_harness("private");
    assert_eq!(h.state().lang(), Lang::Ko);
    h.get_by_label("편집");
    h.get_by_label_contains("모드: 프라이빗");
}

#[test]
fn without_a_choice_the_system_language_is_spoken() {
    let app = EksplainApp::with_preset("private")
        .with_native_dialogs(false)
        .with_system_lang(Lang::Ko);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut EksplainApp| app.frame_ui(ui), app);
    h.run_steps(4);
    assert_eq!(h.state().settings().lang, None);
    assert_eq!(h.state().lang(), Lang::Ko);
    h.get_by_label("도움말");
}

#[test]
fn a_refused_edit_says_why_in_korean() {
    let mut h = korean_harness("public");
    // A worker node may not sit at the top level: refused, with the placement rule.
    h.state_mut().push_edit(eksplain::model::Edit::Reparent {
        id: "node-a".to_owned(),
        parent: None,
    });
    h.run_steps(2);
    let status = h.state().status().unwrap();
    assert!(status.is_error, "{}", status.text);
    assert!(
        status
            .text
            .contains("워커 노드: 서브넷 또는 온프레미스 네트워크에만 둘 수 있습니다"),
        "{}",
        status.text
    );
    assert!(
        h.state()
            .design()
            .component("node-a")
            .unwrap()
            .parent
            .is_some()
    );
    h.get_by_label_contains("워커 노드: 서브넷 또는 온프레미스 네트워크에만 둘 수 있습니다");
}
