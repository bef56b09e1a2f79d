//! View › Compare with… in the window (the screen shows "→" as "->"): a file, the last saved version and a git revision
//! of the open file; the difference list, a click that shows the flow, and the modes
//! window's difference view.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use eksplain::app::EksplainApp;
use eksplain::engine::FlowKind;
use eksplain::ui::command::AppCommand;

use common::{answer_dialog, preset_path};

fn open(path: &Path) -> Harness<'static, EksplainApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut EksplainApp| app.frame_ui(ui),
            EksplainApp::with_file(path).with_native_dialogs(false),
        );
    h.run_steps(3);
    h
}

fn preset(name: &str) -> String {
    std::fs::read_to_string(preset_path(name)).unwrap()
}

fn menu(h: &mut Harness<'static, EksplainApp>, item: &str) {
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label_contains("Compare with").hover();
    h.run_steps(2);
    h.get_by_label_contains(item).click();
    h.run_steps(3);
}

#[test]
fn compare_with_a_file_lists_the_kubelet_flows_and_a_click_shows_one() {
    let dir = tempfile::tempdir().unwrap();
    let design = dir.path().join("design.ron");
    std::fs::write(&design, preset("public-private")).unwrap();
    let mut h = open(&design);
    menu(&mut h, "A file…");
    h.get_by_label("Compare with a design");
    answer_dialog(&mut h, &preset_path("public"));
    let label = h.state().compared_with().unwrap().to_owned();
    assert!(label.ends_with("public.ron"), "{label}");
    h.get_by_label("Compared with");
    h.get_by_label_contains("2 flows changed");
    // public → public + private: kubelet leaves the NAT for the EKS-owned ENIs.
    let line = h.get_by_label_contains(
        "kubelet -> API: node-a -> api-1 :443: exposure: aws_public -> none",
    );
    line.click();
    h.run_steps(3);
    let i = h.state().selected_flow().unwrap();
    let f = &h.state().analysis().unwrap().flows[i];
    assert_eq!(
        (f.flow, f.source.as_str()),
        (FlowKind::KubeletToApi, "node-a")
    );
    assert!(h.state().selection().contains("node-a"));
    // The item changes are listed; a changed component is selected by a click.
    h.get_by_label_contains("changed cluster demo: endpoint_private_access: false -> true");
    // Closing the window stops comparing.
    h.state_mut().push_command(AppCommand::StopComparing);
    h.run_steps(3);
    assert!(h.state().compared_with().is_none());
    assert!(h.query_by_label("Compared with").is_none());
}

#[test]
fn compare_with_the_last_saved_version_and_a_git_revision() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let design = root.join("design.ron");
    std::fs::write(&design, preset("public")).unwrap();
    let git = |args: &[&str]| common::git(root, args);
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "design.ron"]);
    git(&["commit", "-q", "-m", "public"]);
    // Today the file is public + private.
    std::fs::write(&design, preset("public-private")).unwrap();
    let mut h = open(&design);
    // Nothing unsaved: the saved version gives the same paths (Ctrl+Shift+D, as the menu).
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::D,
    );
    h.run_steps(3);
    assert_eq!(h.state().compared_with(), Some("the last saved version"));
    h.get_by_label("no flow changed");
    // HEAD still has the public design.
    menu(&mut h, "A git revision…");
    h.get_by_label("Compare with a git revision");
    answer_dialog(&mut h, "HEAD");
    assert_eq!(h.state().compared_with(), Some("git revision HEAD"));
    h.get_by_label_contains("2 flows changed");
    h.get_by_label_contains("kubelet -> API: node-b -> api-1 :443");
    // A revision that does not exist is said, and the comparison before stays.
    menu(&mut h, "A git revision…");
    answer_dialog(&mut h, "no-such-branch");
    assert_eq!(h.state().compared_with(), Some("git revision HEAD"));
    h.get_by_label("Cannot compare");
    let alert = format!("{:?}", h.state().alert_shown());
    assert!(alert.contains("no-such-branch"), "{alert}");
}

#[test]
fn a_preset_has_no_saved_version_to_compare_with() {
    let mut h = common::harness("public");
    h.state_mut().push_command(AppCommand::CompareWithSaved);
    h.run_steps(3);
    assert!(h.state().compared_with().is_none());
    let status = h.state().status().unwrap();
    assert!(
        status.is_error && status.text.contains("save it first"),
        "{status:?}"
    );
}

#[test]
fn the_modes_window_uses_the_same_difference_view() {
    let mut h = common::harness("public");
    h.state_mut().push_command(AppCommand::CompareModes);
    h.run_steps(3);
    h.get_by_label("public -> public + private");
    h.get_by_label("public + private -> private");
    h.get_by_label_contains("kubelet -> API: node-a -> api-1 :443")
        .click();
    h.run_steps(3);
    let i = h.state().selected_flow().unwrap();
    assert_eq!(
        h.state().analysis().unwrap().flows[i].source.as_str(),
        "node-a"
    );
}

#[test]
fn the_team_policy_beside_the_file_is_in_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let design = dir.path().join("design.ron");
    std::fs::write(&design, preset("public")).unwrap();
    std::fs::copy(
        format!("{}/docs/policy.example.ron", env!("CARGO_MANIFEST_DIR")),
        dir.path().join("policy.ron"),
    )
    .unwrap();
    let mut h = open(&design);
    h.run_steps(2);
    assert_eq!(h.state().policy_violations().len(), 4);
    h.get_by_label("policy platform baseline: 4 violations");
    h.get_by_label_contains("policy · private_access_on: cluster demo: private access is off");
    // A violation about a flow selects where it goes public.
    h.get_all_by_label_contains("policy · no_kubelet_over_public_ips: kubelet on node-a")
        .next()
        .unwrap()
        .scroll_to_me();
    h.run_steps(3);
    h.get_all_by_label_contains("policy · no_kubelet_over_public_ips: kubelet on node-a")
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    assert!(
        h.state().selection().contains("nat"),
        "{:?}",
        h.state().selection()
    );
    // A policy that does not read is said in the findings, with its place.
    std::fs::write(dir.path().join("policy.ron"), "(rules: [no_such_rule])").unwrap();
    let mut h = open(&design);
    h.run_steps(2);
    h.get_by_label_contains("policy: ");
    let shown = h.query_all_by_label_contains("policy.ron:1:").count();
    assert_eq!(shown, 1);
    assert!(h.state().policy_violations().is_empty());
}
