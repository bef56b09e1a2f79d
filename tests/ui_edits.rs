//! Every edit leaves a valid design or is refused with the reason: the editor bugs of
//! issue 12, each driven through the window as a user would.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use std::time::Duration;

use egui_kittest::kittest::Queryable as _;
use eksplain::app::{DialogKind, EksplainApp};
use eksplain::editor::Msg;
use eksplain::model::{Design, KindName, Point, Severity, validate};
use eksplain::ui::command::AppCommand;

mod common;

use common::{
    click, drag, focus_field, harness, harness_with, replace_text, screen, type_into_focused,
};

fn errors(d: &Design) -> Vec<String> {
    validate(d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error || p.code == "W_OUTSIDE_PARENT")
        .map(|p| p.to_string())
        .collect()
}

/// A point on `id`'s body that no other component covers.
fn bare_spot(d: &Design, id: &str) -> Point {
    let r = d.component(id).unwrap().rect();
    for i in 1..40 {
        for j in 2..40 {
            let p = Point::new(
                r.min.x + r.size.w * i as f32 / 40.0,
                r.min.y + r.size.h * j as f32 / 40.0,
            );
            if d.components
                .iter()
                .all(|c| c.id == id || !c.rect().contains(p))
            {
                return p;
            }
        }
    }
    panic!("{id} has no bare spot")
}

#[test]
fn ctrl_shift_z_redoes() {
    let mut h = harness("public");
    h.state_mut().select(&["nat"]);
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    assert!(h.state().design().component("nat").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert!(h.state().design().component("nat").is_some(), "undone");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run_steps(2);
    assert!(
        h.state().design().component("nat").is_none(),
        "Ctrl+Shift+Z redid"
    );
}

#[test]
fn select_all_then_delete_deletes_the_selection_even_after_a_connection_was_selected() {
    let mut h = harness("public-private");
    assert!(!h.state().design().connections.is_empty());
    h.state_mut().push_message(Msg::SelectConnection(0));
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    assert!(
        h.state().design().components.is_empty(),
        "{:?}",
        h.state().status()
    );
    let status = h.state().status().unwrap().text.clone();
    assert!(
        status.starts_with("deleted ") && status.contains(" components"),
        "{status}"
    );
    assert!(h.query_by_label("0 components").is_some());
}

#[test]
fn duplicate_keeps_the_copy_in_its_subnet_with_its_own_address() {
    let mut h = harness("public-private");
    h.state_mut().select(&["node-a"]);
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    h.run_steps(2);
    let status = &h.state().status().unwrap().text;
    assert!(status.starts_with("duplicated 1 component"), "{status}");
    let d = h.state().design();
    assert!(errors(d).is_empty(), "{:?}", errors(d));
    assert_eq!(d.of_kind(KindName::Node).count(), 3, "two nodes and a copy");
    // The subnet is full now: the next copy is refused, and nothing changes.
    let full = d.clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    h.run_steps(2);
    assert_eq!(h.state().design(), &full);
    let status = h.state().status().unwrap();
    assert!(
        status.is_error && status.text.starts_with("no room for"),
        "{status:?}"
    );
    // The copy was one undo step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().design().of_kind(KindName::Node).count(), 2);
}

#[test]
fn a_container_is_grabbed_and_selected_anywhere_on_its_body() {
    let mut h = harness("public-private");
    let before = h.state().design().clone();
    let spot = bare_spot(&before, "vpc");
    let at = screen(&h, spot);
    click(&mut h, at);
    assert_eq!(
        h.state().selection().iter().collect::<Vec<_>>(),
        vec!["vpc"],
        "a click on the body selects the VPC"
    );
    let zoom = h.state().canvas().zoom().unwrap();
    drag(&mut h, at, at + egui::vec2(30.0 * zoom, 20.0 * zoom));
    let after = h.state().design();
    let (a, b) = (
        before.component("vpc").unwrap().pos,
        after.component("vpc").unwrap().pos,
    );
    assert_eq!(
        (b.x - a.x, b.y - a.y),
        (30.0, 20.0),
        "dragging the body moves the VPC"
    );
    let (a, b) = (
        before.component("node-a").unwrap().pos,
        after.component("node-a").unwrap().pos,
    );
    assert_eq!(
        (b.x - a.x, b.y - a.y),
        (30.0, 20.0),
        "its children move with it"
    );
    // Empty canvas still pans.
    let outside = screen(
        &h,
        Point::new(before.component("vpc").unwrap().pos.x - 200.0, 0.0),
    );
    let design = h.state().design().clone();
    drag(&mut h, outside, outside + egui::vec2(40.0, 0.0));
    assert_eq!(h.state().design(), &design);
}

#[test]
fn saving_the_open_file_brings_no_reload_prompt_but_another_writer_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("design.ron");
    std::fs::copy(common::preset_path("public"), &path).unwrap();
    let mut h = harness_with(EksplainApp::with_file(&path), egui::vec2(1400.0, 900.0));
    h.state_mut().select(&["nat"]);
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(!h.state().is_dirty(), "{:?}", h.state().status());
    // The watcher looks every 0.7 s.
    std::thread::sleep(Duration::from_millis(1600));
    h.run_steps(3);
    assert!(
        h.state().changed_on_disk().is_none(),
        "our own save asked to reload"
    );
    assert!(h.query_by_label("File changed").is_none());
    // Someone else writes the file: now it asks.
    let later = std::time::SystemTime::now() + Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    std::thread::sleep(Duration::from_millis(1600));
    h.run_steps(3);
    assert_eq!(h.state().changed_on_disk(), Some(path.as_path()));
}

#[test]
fn without_a_file_dialog_save_as_asks_for_the_path_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("typed.ron");
    let mut h = harness("private");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    h.run_steps(3);
    assert!(matches!(
        h.state().open_dialog(),
        Some(DialogKind::SaveAs { .. })
    ));
    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(egui_kittest::Node::is_focused)
        .expect("the path field has the focus")
        .value()
        .unwrap_or_default();
    assert!(field.ends_with("private.ron"), "{field}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    type_into_focused(&mut h, target.to_str().unwrap());
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert!(h.state().open_dialog().is_none());
    assert!(target.exists(), "{:?}", h.state().status());
    assert_eq!(
        h.state().source(),
        &eksplain::app::Source::File(target.clone())
    );
    // Export goes the same way.
    h.state_mut().push_command(AppCommand::ExportSvg);
    h.run_steps(3);
    assert!(matches!(
        h.state().open_dialog(),
        Some(DialogKind::Export("svg"))
    ));
}

#[test]
fn a_wrong_or_refused_value_stays_in_the_field_with_the_reason() {
    let mut h = harness("public-private");
    h.state_mut().select(&["subnet-private-a"]);
    h.run_steps(2);
    let before = h.state().design().clone();
    let area = h.state().canvas_area();
    replace_text(&mut h, "10.0.11.0/24", "10.0.11.0/33");
    assert_eq!(h.state().design(), &before);
    // The reason sits under the field, in the panel's width: the panel does not grow.
    let now = h.state().canvas_area();
    assert!(
        (now.width() - area.width()).abs() < 1.0,
        "{area:?} → {now:?}"
    );
    let fields: Vec<String> = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .filter_map(|n| n.value())
        .collect();
    assert!(
        fields.iter().any(|v| v == "10.0.11.0/33"),
        "the typed value stays: {fields:?}"
    );
    assert!(h.query_by_label_contains("not applied").is_some());
    // Well formed, but it overlaps another subnet: the editor refuses, and says why.
    replace_text(&mut h, "10.0.11.0/33", "10.0.12.0/24");
    h.run_steps(2);
    assert_eq!(h.state().design(), &before);
    let status = h.state().status().unwrap();
    assert!(
        status.is_error && status.text.starts_with("refused: "),
        "{status:?}"
    );
    let fields: Vec<String> = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .filter_map(|n| n.value())
        .collect();
    assert!(fields.iter().any(|v| v == "10.0.12.0/24"), "{fields:?}");
}

#[test]
fn the_right_panel_keeps_its_width_while_a_long_value_is_typed() {
    let mut h = harness("public-private");
    h.state_mut().select(&["nat"]);
    h.run_steps(3);
    let area = h.state().canvas_area();
    let zoom = h.state().canvas().zoom().unwrap();
    focus_field(&mut h, "198.51.100.10");
    type_into_focused(&mut h, &"9".repeat(120));
    h.run_steps(3);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    let now = h.state().canvas_area();
    assert!(
        (now.width() - area.width()).abs() < 1.0,
        "{area:?} → {now:?}"
    );
    assert!((h.state().canvas().zoom().unwrap() - zoom).abs() < 1e-4);
}

#[test]
fn boxes_and_overlay_agree_on_the_first_frame_after_a_resize() {
    let mut h = harness("public");
    h.set_size(egui::vec2(1000.0, 700.0));
    h.run_steps(1);
    let (boxes, overlay) = h.state().canvas().drawn_transforms();
    assert!(boxes.is_some());
    assert_eq!(boxes, overlay);
    h.set_size(egui::vec2(1600.0, 1000.0));
    h.run_steps(1);
    let (boxes, overlay) = h.state().canvas().drawn_transforms();
    assert_eq!(boxes, overlay);
}

#[test]
fn a_label_is_typed_in_place_with_f2() {
    let mut h = harness("public-private");
    h.state_mut().select(&["node-a"]);
    h.run_steps(2);
    h.key_press(egui::Key::F2);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    type_into_focused(&mut h, "worker one");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(
        h.state().design().component("node-a").unwrap().label,
        "worker one"
    );
}

#[test]
fn a_click_placed_box_has_its_corner_at_the_pointer() {
    let mut h = harness("public-private");
    let subnet = h
        .state()
        .design()
        .component("subnet-private-b")
        .unwrap()
        .rect();
    // Below the ENI and the node, where there is room.
    let target = Point::new(subnet.min.x + 20.0, subnet.min.y + 170.0);
    h.get_by_label("worker node").click();
    h.run_steps(2);
    let at = screen(&h, target);
    click(&mut h, at);
    let d = h.state().design();
    let node = d
        .of_kind(KindName::Node)
        .find(|c| c.id == "node-1")
        .expect("placed");
    assert!(
        (node.pos.x - target.x).abs() <= 10.0 && (node.pos.y - target.y).abs() <= 10.0,
        "{:?}",
        node.pos
    );
    assert!(errors(d).is_empty(), "{:?}", errors(d));
}

#[test]
fn a_file_that_does_not_open_is_said_in_a_message_to_acknowledge() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(format_version: 1, components: [").unwrap();
    let mut h = harness_with(EksplainApp::with_file(&path), egui::vec2(1400.0, 900.0));
    let (heading, text) = h.state().alert_shown().cloned().expect("a message");
    assert_eq!(heading, "Cannot open the file");
    assert!(text.contains("broken.ron"), "{text}");
    assert!(h.query_by_label("Cannot open the file").is_some());
    h.get_by_label("OK").click();
    h.run_steps(2);
    assert!(h.state().alert_shown().is_none());
    assert!(h.state().status().unwrap().is_error);
}

#[test]
fn the_problems_bar_counts_what_eks_would_reject_too() {
    let mut h = harness("public-private");
    assert!(h.query_by_label("no problems").is_some());
    h.state_mut().select(&["api-1", "api-2"]);
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    h.run_steps(3);
    assert!(
        h.query_by_label("no problems").is_none(),
        "beside a configuration error"
    );
    assert!(
        h.query_all_by_label_contains("CFG_NO_API_SERVER").count() >= 2,
        "in the bar and the findings"
    );
}

#[test]
fn walking_through_a_flow_steps_with_the_arrows_and_ends_with_esc() {
    let mut h = harness("public");
    let i = h
        .state()
        .analysis()
        .unwrap()
        .flows
        .iter()
        .position(|f| f.flow == eksplain::engine::FlowKind::KubeletToApi && f.source == "node-a")
        .unwrap();
    let steps = h.state().analysis().unwrap().flows[i].steps.clone();
    h.state_mut().select_flow(Some(i));
    h.state_mut().select(&["node-a"]);
    h.run_steps(2);
    let before = h.state().design().clone();
    h.key_press(egui::Key::W);
    h.run_steps(2);
    assert_eq!(h.state().walk_step(), Some(0));
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(1);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().walk_step(), Some(2));
    assert_eq!(
        h.state().design(),
        &before,
        "the arrows stepped, they did not nudge node-a"
    );
    let caption = format!("step 3 of {}", steps.len());
    assert!(
        h.query_by_label_contains(&caption).is_some(),
        "no caption {caption}"
    );
    // Never past the last step.
    for _ in 0..10 {
        h.key_press(egui::Key::ArrowRight);
        h.run_steps(1);
    }
    assert_eq!(h.state().walk_step(), Some(steps.len() - 1));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().walk_step(), None);
    assert!(h.query_by_label_contains(&caption).is_none());
}
