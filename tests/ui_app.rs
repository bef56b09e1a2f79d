//! The window, driven through kittest without a display.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests and benches fail loudly"
)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use eksplain::app::{EksplainApp, Source};

fn harness() -> Harness<'static, EksplainApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut EksplainApp| app.frame_ui(ui),
            EksplainApp::with_preset("public-private").with_native_dialogs(false),
        )
}

#[test]
fn opens_on_the_public_private_preset() {
    let mut h = harness();
    h.run_steps(3);
    assert_eq!(h.state().source(), &Source::Preset("public-private"));
    assert!(h.state().design().cluster.endpoint_private_access);
    h.get_by_label_contains("mode: public + private");
}

#[test]
fn a_preset_opens_from_the_menu() {
    let mut h = harness();
    h.run_steps(2);
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Open preset").hover();
    h.run_steps(2);
    h.get_by_label("Private endpoint").click();
    h.run_steps(3);
    assert_eq!(h.state().source(), &Source::Preset("private"));
    h.get_by_label_contains("mode: private");
}
