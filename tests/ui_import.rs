//! Import in the window: File › Import… with the path typed, a folder dropped on the
//! window, the notes shown before the design opens, and Arrange › Tidy layout.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use eksplain::app::{EksplainApp, Source};
use eksplain::ui::command::AppCommand;

fn harness() -> Harness<'static, EksplainApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut EksplainApp| app.frame_ui(ui),
            EksplainApp::with_preset("public").with_native_dialogs(false),
        )
}

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/aws")
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_paths(h: &mut Harness<'static, EksplainApp>, paths: &[PathBuf]) {
    for p in paths {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(p.clone())));
    }
    h.run_steps(3);
}

#[test]
fn a_dropped_folder_shows_the_notes_then_opens_untitled() {
    let mut h = harness();
    h.run_steps(2);
    drop_paths(&mut h, &[fixture_dir()]);
    // The notes come first; the preset is still open.
    assert!(h.state().import_review().is_some());
    assert_eq!(h.state().source(), &Source::Preset("public"));
    h.get_by_label("Import of shop");
    h.get_by_label_contains("private hosted zone EKS manages");
    h.get_by_label("Open").click();
    h.run_steps(3);
    assert!(h.state().import_review().is_none());
    assert_eq!(h.state().source(), &Source::Untitled);
    let d = h.state().design();
    assert_eq!(d.cluster.name, "shop");
    assert!(d.component("i-0a00000000000000a").is_some());
    assert!(
        d.description
            .contains("synthesised: the private hosted zone")
    );
    // The flows of the imported design are analysed at once.
    h.get_by_label_contains("mode: public + private");
}

#[test]
fn terraform_eksctl_and_cloudformation_files_import_by_drop() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for (file, says, component) in [
        (
            "terraform/state.json",
            "Terraform state",
            "nat-0a0000000000000a1",
        ),
        ("eksctl/cluster.yaml", "eksctl config", "nat-eu-west-1a"),
        (
            "cloudformation/cluster.yaml",
            "CloudFormation template",
            "NatGateway",
        ),
    ] {
        let mut h = harness();
        h.run_steps(2);
        drop_paths(&mut h, &[root.join(file)]);
        assert!(
            h.state().import_review().is_some(),
            "{file}: {:?}",
            h.state().alert_shown()
        );
        h.get_by_label("Import of shop");
        h.get_by_label_contains("AWS-managed VPC with two API servers");
        h.get_by_label("Open").click();
        h.run_steps(3);
        let d = h.state().design();
        assert!(d.description.contains(says), "{file}: {}", d.description);
        assert!(d.component(component).is_some(), "{file}");
        assert_eq!(h.state().source(), &Source::Untitled);
        h.get_by_label_contains("mode: public + private");
    }
}

#[test]
fn cancelling_the_notes_keeps_the_open_design() {
    let mut h = harness();
    h.run_steps(2);
    let before = h.state().design().clone();
    drop_paths(&mut h, &[fixture_dir()]);
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert!(h.state().import_review().is_none());
    assert_eq!(h.state().design(), &before);
    assert_eq!(h.state().source(), &Source::Preset("public"));
}

#[test]
fn a_bad_file_is_named_in_an_alert_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("subnets.json");
    std::fs::write(&bad, "{\"Subnets\": [ {\"SubnetId\": } ]}").unwrap();
    let mut h = harness();
    h.run_steps(2);
    let before = h.state().design().clone();
    drop_paths(&mut h, &[bad]);
    let (heading, text) = h.state().alert_shown().cloned().unwrap();
    assert_eq!(heading, "Cannot import");
    assert!(text.contains("subnets.json:1:"), "{text}");
    assert_eq!(h.state().design(), &before);
}

#[test]
fn file_import_asks_for_the_path_and_imports_it() {
    let mut h = harness();
    h.run_steps(2);
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Import…").click();
    h.run_steps(3);
    h.get_by_label("Import a configuration");
    common::answer_dialog(&mut h, fixture_dir().to_str().unwrap());
    assert!(
        h.state().import_review().is_some(),
        "{:?}",
        h.state().alert_shown()
    );
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().design().cluster.name, "shop");
}

#[test]
fn tidy_layout_is_one_undoable_step_that_keeps_the_design_valid() {
    let mut h = harness();
    h.run_steps(2);
    let before = h.state().design().clone();
    h.get_by_label("Arrange").click();
    h.run_steps(2);
    h.get_by_label_contains("Tidy layout").click();
    h.run_steps(3);
    let after = h.state().design().clone();
    assert_ne!(after, before, "the preset's hand layout changes");
    // Only geometry changed.
    for (a, b) in after.components.iter().zip(&before.components) {
        assert_eq!((&a.id, &a.kind, &a.parent), (&b.id, &b.kind, &b.parent));
    }
    assert!(
        h.state()
            .editor()
            .problems()
            .iter()
            .all(|p| p.severity != eksplain::model::Severity::Error)
    );
    h.state_mut().push_command(AppCommand::Undo);
    h.run_steps(3);
    assert_eq!(h.state().design(), &before);
}

#[test]
fn importing_the_same_source_again_updates_the_open_design_in_one_undo_step() {
    let mut h = harness();
    h.run_steps(2);
    drop_paths(&mut h, &[fixture_dir()]);
    h.get_by_label("Open").click();
    h.run_steps(3);
    // Move the IGW with the keyboard.
    h.state_mut().select(&["igw-0b0000000000000b1"]);
    h.run_steps(1);
    for _ in 0..3 {
        h.key_press(egui::Key::ArrowRight);
        h.run_steps(1);
    }
    let arranged = h.state().design().clone();
    let igw = arranged.component("igw-0b0000000000000b1").unwrap().pos;
    // A newer source: a third node.
    let newer = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(fixture_dir()).unwrap() {
        let p = e.unwrap().path();
        let mut text = std::fs::read_to_string(&p).unwrap();
        if p.ends_with("describe-instances.json") {
            let extra = text
                .replace("i-0a00000000000000a", "i-0c00000000000000c")
                .replace("10.20.10.21", "10.20.10.22");
            let v: serde_json::Value = serde_json::from_str(&extra).unwrap();
            let mut all: serde_json::Value = serde_json::from_str(&text).unwrap();
            all["Reservations"]
                .as_array_mut()
                .unwrap()
                .push(v["Reservations"][0].clone());
            text = all.to_string();
        }
        std::fs::write(newer.path().join(p.file_name().unwrap()), text).unwrap();
    }
    drop_paths(&mut h, &[newer.path().to_path_buf()]);
    h.get_by_label_contains("updated the open design");
    h.get_by_label("Open").click();
    h.run_steps(3);
    let d = h.state().design();
    assert_eq!(d.component("igw-0b0000000000000b1").unwrap().pos, igw);
    assert!(d.component("i-0c00000000000000c").is_some());
    assert_eq!(h.state().source(), &Source::Untitled);
    assert!(h.state().editor().can_undo());
    h.state_mut().push_command(AppCommand::Undo);
    h.run_steps(3);
    assert_eq!(h.state().design(), &arranged);
}
