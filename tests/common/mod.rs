//! Helpers shared by the tests: the CLI as a user runs it, a UI harness on a preset, pointer
//! gestures and typing into fields.
#![allow(dead_code, reason = "each test binary uses a different subset")]

pub mod designs;
pub mod imported;
pub mod korean;

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use eksplain::app::EksplainApp;
use eksplain::model::Point;

/// Runs the `eksplain` binary; returns its exit code, stdout and stderr.
pub fn eksplain(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_eksplain"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The path of a built-in preset's file.
pub fn preset_path(name: &str) -> String {
    format!("{}/presets/{name}.ron", env!("CARGO_MANIFEST_DIR"))
}

/// The app in a window of `size`, after its first frames.
pub fn harness_with(app: EksplainApp, size: egui::Vec2) -> Harness<'static, EksplainApp> {
    let mut h = Harness::builder()
        .with_size(size)
        // The in-app path field, never a system dialog that would block the test.
        .build_ui_state(
            |ui, app: &mut EksplainApp| app.frame_ui(ui),
            // English, whatever the machine's locale, unless a test picks another.
            app.with_native_dialogs(false)
                .with_system_lang(eksplain::i18n::Lang::En),
        );
    h.run_steps(4);
    h
}

/// The app on a built-in preset, settled.
pub fn harness(preset: &str) -> Harness<'static, EksplainApp> {
    harness_with(EksplainApp::with_preset(preset), egui::vec2(1400.0, 900.0))
}

/// Where a canvas point is on screen.
pub fn screen(h: &Harness<'_, EksplainApp>, p: Point) -> Pos2 {
    h.state().canvas().screen_pos(p).unwrap()
}

/// Presses at `from`, moves in steps to `to`, releases.
pub fn drag(h: &mut Harness<'_, EksplainApp>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    for i in 1..=5 {
        let t = i as f32 / 5.0;
        h.hover_at(from + (to - from) * t);
        h.run_steps(1);
    }
    h.drop_at(to);
    h.run_steps(2);
}

/// A click with the primary button.
pub fn click(h: &mut Harness<'_, EksplainApp>, at: Pos2) {
    h.hover_at(at);
    h.run_steps(1);
    h.drag_at(at);
    h.run_steps(1);
    h.drop_at(at);
    h.run_steps(2);
}

/// Types into the text field showing `value`, then presses Enter.
pub fn retype(h: &mut Harness<'_, EksplainApp>, value: &str, append: &str) {
    focus_field(h, value);
    type_into_focused(h, append);
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
}

/// Clicks the widget labelled `label`, then lets the app apply it.
pub fn press(h: &mut Harness<'_, EksplainApp>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(2);
}

/// Opens the first combo box showing `value`.
pub fn open_combo(h: &mut Harness<'_, EksplainApp>, value: &str) {
    h.get_all_by_role(egui::accesskit::Role::ComboBox)
        .find(|n| n.value().as_deref() == Some(value))
        .unwrap_or_else(|| panic!("no combo box showing {value:?}"))
        .click();
    h.run_steps(2);
}

/// Replaces the text of the field showing `value` with `text`, then presses Enter.
pub fn replace_text(h: &mut Harness<'_, EksplainApp>, value: &str, text: &str) {
    focus_field(h, value);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    type_into_focused(h, text);
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
}

/// Focuses the one-line text field showing `value`.
pub fn focus_field(h: &mut Harness<'_, EksplainApp>, value: &str) {
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.value().as_deref() == Some(value))
        .unwrap_or_else(|| panic!("no field showing {value:?}"))
        .focus();
    h.run_steps(1);
}

/// Types into the focused text field.
pub fn type_into_focused(h: &mut Harness<'_, EksplainApp>, text: &str) {
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .find(egui_kittest::Node::is_focused)
        .expect("a focused field")
        .type_text(text);
}

/// Runs git in `dir` as a user with a name set (commits work on a bare machine).
pub fn git(dir: &std::path::Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Replaces what the in-app dialog's field holds with `text` and presses Enter.
pub fn answer_dialog(h: &mut Harness<'_, EksplainApp>, text: &str) {
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .unwrap()
        .focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .unwrap()
        .type_text(text);
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
}
