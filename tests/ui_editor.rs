//! The editor driven through kittest: placing, dragging, illegal drops, undo/redo, delete,
//! the mode picker and the unsaved-changes prompt.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use egui_kittest::kittest::Queryable as _;
use eksplain::app::{Pending, PromptAnswer};
use eksplain::model::{ComponentKind, Point, validate};
use eksplain::ui::command::AppCommand;

mod common;

use common::{click, drag, harness, screen};

#[test]
fn place_a_node_into_a_subnet() {
    let mut h = harness("public-private");
    let subnet = h
        .state()
        .design()
        .component("subnet-private-b")
        .unwrap()
        .rect();
    let target = Point::new(subnet.min.x + 80.0, subnet.max().y - 40.0);
    // Choose the kind in the palette, then click on the canvas.
    h.get_by_label("worker node").click();
    h.run_steps(2);
    let at = screen(&h, target);
    click(&mut h, at);
    let d = h.state().design();
    let node = d.component("node-1").expect("a new node");
    assert_eq!(node.parent.as_deref(), Some("subnet-private-b"));
    let ComponentKind::Node(n) = &node.kind else {
        panic!()
    };
    assert!(n.private_ip.starts_with("10.0.12."), "{}", n.private_ip);
    assert!(validate(d).is_empty(), "{:?}", validate(d));
    assert!(h.state().is_dirty());
}

#[test]
fn dragging_a_container_moves_its_children_as_one_undo_step() {
    let mut h = harness("public-private");
    let before = h.state().design().clone();
    let vpc = before.component("vpc").unwrap().rect();
    let zoom = h.state().canvas().zoom().unwrap();
    // Grab the VPC by its header, away from its centre: no jump of the centre to the pointer.
    let grab = screen(&h, Point::new(vpc.min.x + 200.0, vpc.min.y + 12.0));
    let to = grab + egui::vec2(60.0 * zoom, 40.0 * zoom);
    drag(&mut h, grab, to);
    let after = h.state().design().clone();
    for id in ["vpc", "subnet-private-a", "node-a", "igw"] {
        let (a, b) = (
            before.component(id).unwrap().pos,
            after.component(id).unwrap().pos,
        );
        assert_eq!((b.x - a.x, b.y - a.y), (60.0, 40.0), "{id} moved wrong");
    }
    assert_eq!(
        after.component("user").unwrap().pos,
        before.component("user").unwrap().pos
    );
    h.state_mut().push_command(AppCommand::Undo);
    h.run_steps(2);
    assert_eq!(h.state().design(), &before);
    h.state_mut().push_command(AppCommand::Redo);
    h.run_steps(2);
    assert_eq!(h.state().design(), &after);
}

#[test]
fn the_canvas_follows_a_drag_while_it_lasts_and_hits_the_new_place_after() {
    let mut h = harness("public-private");
    let before = h.state().design().clone();
    let node = before.component("node-a").unwrap().rect();
    let zoom = h.state().canvas().zoom().unwrap();
    let from = screen(&h, node.center());
    let centre_before = h.state().canvas().screen_center("node-a").unwrap();
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    // Within its subnet, by whole grid steps.
    let offset = egui::vec2(20.0 * zoom, 10.0 * zoom);
    h.hover_at(from + offset);
    h.run_steps(2);
    // Mid-drag: the drawing and the hit areas are where the preview says; the design
    // itself changes only on the drop.
    let moved = h
        .state()
        .editor()
        .shown()
        .component("node-a")
        .unwrap()
        .rect();
    assert_eq!(
        (moved.min.x - node.min.x, moved.min.y - node.min.y),
        (20.0, 10.0)
    );
    assert_eq!(
        h.state().design(),
        &before,
        "a preview does not change the design"
    );
    let centre = h.state().canvas().screen_center("node-a").unwrap();
    assert!(
        (centre - (centre_before + offset)).length() < 0.5,
        "{centre:?} vs {:?}",
        centre_before + offset
    );
    h.drop_at(from + offset);
    h.run_steps(2);
    // Click the node's new place (off its old box): it is selected.
    h.state_mut().push_command(AppCommand::Escape);
    h.run_steps(1);
    let fresh = screen(&h, Point::new(moved.max().x - 3.0, moved.max().y - 3.0));
    click(&mut h, fresh);
    assert_eq!(
        h.state().selection().iter().collect::<Vec<_>>(),
        vec!["node-a"]
    );
}

#[test]
fn an_illegal_drop_is_refused() {
    let mut h = harness("public-private");
    let before = h.state().design().clone();
    let node = before.component("node-a").unwrap().rect();
    let vpc = before.component("vpc").unwrap().rect();
    // Drop the node into the VPC's body, between the subnets: not a subnet.
    let from = screen(&h, node.center());
    let to = screen(&h, Point::new(vpc.min.x + 430.0, vpc.max().y - 15.0));
    drag(&mut h, from, to);
    assert_eq!(h.state().design(), &before);
    let status = h.state().status().unwrap().text.clone();
    assert_eq!(
        status,
        "a worker node goes in subnet or on-premises network"
    );
    // Nothing to undo.
    h.state_mut().push_command(AppCommand::Undo);
    h.run_steps(2);
    assert_eq!(h.state().design(), &before);
}

#[test]
fn dropping_a_node_into_another_subnet_reparents_it() {
    let mut h = harness("public-private");
    let before = h.state().design().clone();
    let node = before.component("node-a").unwrap().rect();
    let other = before.component("subnet-public-b").unwrap().rect();
    let (from, to) = (screen(&h, node.center()), screen(&h, other.center()));
    drag(&mut h, from, to);
    let d = h.state().design();
    assert_eq!(
        d.component("node-a").unwrap().parent.as_deref(),
        Some("subnet-public-b")
    );
}

#[test]
fn delete_cleans_references_and_undo_restores() {
    let mut h = harness("public");
    let before = h.state().design().clone();
    let nat = before.component("nat").unwrap().rect();
    let at = screen(&h, nat.center());
    click(&mut h, at);
    assert!(h.state().selection().contains("nat"));
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    let d = h.state().design();
    assert!(d.component("nat").is_none());
    assert!(
        validate(d).is_empty(),
        "dangling references: {:?}",
        validate(d)
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().design(), &before);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run_steps(2);
    assert!(h.state().design().component("nat").is_none());
}

#[test]
fn the_mode_picker_changes_the_cluster() {
    let mut h = harness("public-private");
    h.get_by_label("private").click();
    h.run_steps(3);
    let c = &h.state().design().cluster;
    assert!(!c.endpoint_public_access && c.endpoint_private_access);
    h.get_by_label("public").click();
    h.run_steps(3);
    let c = &h.state().design().cluster;
    assert!(c.endpoint_public_access && !c.endpoint_private_access);
}

#[test]
fn unsaved_changes_are_asked_about() {
    let mut h = harness("public-private");
    h.state_mut().push_command(AppCommand::New);
    h.run_steps(2);
    // Nothing changed yet: no question.
    assert!(h.state().pending_prompt().is_none());
    assert!(h.state().design().components.is_empty());
    h.state_mut().push_command(AppCommand::OpenPreset(0));
    h.run_steps(2);
    h.state_mut().push_command(AppCommand::SelectAll);
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    assert!(h.state().is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run_steps(2);
    assert_eq!(h.state().pending_prompt(), Some(&Pending::New));
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().pending_prompt().is_none());
    assert!(h.state().is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run_steps(2);
    h.state_mut().answer_prompt(PromptAnswer::Discard, None);
    h.run_steps(2);
    assert!(!h.state().is_dirty());
    assert!(h.state().design().components.is_empty());
}

#[test]
fn copy_and_paste_as_ron_text() {
    let mut h = harness("public-private");
    h.state_mut().select(&["subnet-private-a"]);
    h.state_mut().push_command(AppCommand::Copy);
    h.run_steps(1);
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .expect("copied text");
    assert!(copied.contains("subnet-private-a") && copied.contains("node-a"));
    let mut target = harness("private");
    // Room in the target VPC for another subnet (a full one refuses the paste).
    let mut vpc = target.state().design().component("vpc").unwrap().rect();
    vpc.size.h += 320.0;
    target
        .state_mut()
        .push_edit(eksplain::model::Edit::SetRect {
            id: "vpc".to_owned(),
            rect: vpc,
        });
    target.run_steps(2);
    let n = target.state().design().components.len();
    target
        .state_mut()
        .paste_text(&copied, Point::new(0.0, 400.0));
    target.run_steps(2);
    assert_eq!(
        target.state().design().components.len(),
        n + 3,
        "{:?}",
        target.state().status()
    );
}

#[test]
fn rename_in_the_inspector_updates_references() {
    let mut h = harness("public");
    h.state_mut().select(&["igw"]);
    h.run_steps(2);
    let id_field = || {
        h.get_all_by_role(egui::accesskit::Role::TextInput)
            .find(|n| n.value().as_deref() == Some("igw"))
            .unwrap()
    };
    id_field().focus();
    h.run_steps(1);
    let id_field = || {
        h.get_all_by_role(egui::accesskit::Role::TextInput)
            .find(|n| n.value().as_deref() == Some("igw"))
            .unwrap()
    };
    id_field().type_text("-main");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    let d = h.state().design();
    assert!(
        d.component("igw-main").is_some(),
        "{:?}",
        h.state().status()
    );
    assert!(validate(d).is_empty());
    let ComponentKind::Subnet(s) = &d.component("subnet-public-a").unwrap().kind else {
        panic!()
    };
    assert!(s.routes.iter().any(|r| r.target == "igw-main"));
}

#[test]
fn containers_resize_from_every_side_and_never_hide_their_children() {
    let mut h = harness("public-private");
    h.state_mut().select(&["vpc"]);
    h.run_steps(2);
    let before = h.state().design().component("vpc").unwrap().rect();
    let zoom = h.state().canvas().zoom().unwrap();
    // The top-left corner, out by 40 × 20.
    let corner = screen(&h, before.min);
    drag(
        &mut h,
        corner,
        corner - egui::vec2(40.0 * zoom, 20.0 * zoom),
    );
    let after = h.state().design().component("vpc").unwrap().rect();
    assert_eq!(
        (after.min.x, after.min.y, after.max().x, after.max().y),
        (
            before.min.x - 40.0,
            before.min.y - 20.0,
            before.max().x,
            before.max().y
        )
    );
    // The right side, pulled far left: it stops at the children's right edge.
    let d = h.state().design().clone();
    let children = d
        .components
        .iter()
        .filter(|c| c.parent.as_deref() == Some("vpc"))
        .map(eksplain::model::Component::rect)
        .reduce(|a, b| a.union(&b))
        .unwrap();
    let right = screen(&h, Point::new(after.max().x, after.center().y));
    drag(&mut h, right, right - egui::vec2(2000.0 * zoom, 0.0));
    let squeezed = h.state().design().component("vpc").unwrap().rect();
    assert_eq!(
        (squeezed.max().x, squeezed.min, squeezed.size.h),
        (children.max().x, after.min, after.size.h)
    );
    assert!(validate(h.state().design()).is_empty());
    // Two gestures, two undo steps.
    h.state_mut().push_command(AppCommand::Undo);
    h.state_mut().push_command(AppCommand::Undo);
    h.run_steps(2);
    assert_eq!(h.state().design().component("vpc").unwrap().rect(), before);
}

#[test]
fn multi_line_text_keeps_what_is_typed_and_commits_on_leaving() {
    let mut h = harness("private");
    h.state_mut()
        .push_edit(eksplain::model::Edit::Add(eksplain::model::Component {
            source: String::new(),
            id: "note-1".into(),
            label: "note".into(),
            parent: None,
            pos: Point::new(40.0, 40.0),
            size: eksplain::model::Size::new(160.0, 80.0),
            kind: ComponentKind::Note(eksplain::model::component::Note {
                text: "draft".into(),
            }),
        }));
    h.run_steps(2);
    h.state_mut().select(&["note-1"]);
    h.run_steps(2);
    // Typed over several frames, then the field is left (Tab): one change.
    retype_multiline(&mut h, "draft", " for review");
    let ComponentKind::Note(n) = &h.state().design().component("note-1").unwrap().kind else {
        panic!()
    };
    assert_eq!(n.text, "draft for review");
    // The design's description, the same way.
    let description = h.state().design().description.clone();
    retype_multiline(&mut h, &description, " Reviewed.");
    assert_eq!(
        h.state().design().description,
        format!("{description} Reviewed.")
    );
}

fn retype_multiline(
    h: &mut egui_kittest::Harness<'_, eksplain::app::EksplainApp>,
    value: &str,
    append: &str,
) {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let id = h
        .get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .find(|n| n.value().as_deref() == Some(value))
        .map_or_else(
            || panic!("no text area showing {value:?}"),
            |n| n.accesskit_node().id(),
        );
    h.get_by(|n| n.id() == id).focus();
    h.run_steps(1);
    for chunk in append.as_bytes().chunks(4) {
        h.get_by(|n| n.id() == id)
            .type_text(std::str::from_utf8(chunk).unwrap());
        h.run_steps(1);
    }
    h.key_press(egui::Key::Tab);
    h.run_steps(3);
}

#[test]
fn the_view_refits_when_the_canvas_grows_until_the_user_moves_it() {
    let mut h = harness("public-private");
    let before = h.state().canvas().zoom().unwrap();
    // Hiding the panels gives the canvas the whole window: the fitted view follows.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Z);
    h.run_steps(3);
    let wider = h.state().canvas().zoom().unwrap();
    assert!(wider > before * 1.05, "{before} -> {wider}");
    // Once the user zooms, the view is theirs.
    h.hover_at(egui::pos2(700.0, 450.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 3.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(10);
    let chosen = h.state().canvas().zoom().unwrap();
    assert!((chosen - wider).abs() > 1e-3, "the wheel zooms");
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Z);
    h.run_steps(3);
    let after = h.state().canvas().zoom().unwrap();
    assert!((after - chosen).abs() < 1e-6, "{chosen} -> {after}");
}

#[test]
fn keyboard_zoom_and_the_context_menu() {
    let mut h = harness("public-private");
    let z0 = h.state().canvas().zoom().unwrap();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    h.run_steps(2);
    let z1 = h.state().canvas().zoom().unwrap();
    assert!((z1 / z0 - 1.25).abs() < 1e-3, "{z0} -> {z1}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.run_steps(2);
    let z2 = h.state().canvas().zoom().unwrap();
    assert!((z2 - z0).abs() < 1e-3, "{z0} -> {z2}");
    // Right-click a node: it is selected and the menu offers to duplicate it.
    let at = h.state().canvas().screen_center("node-a").unwrap();
    h.hover_at(at);
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(2);
    assert_eq!(
        h.state().selection().iter().collect::<Vec<_>>(),
        vec!["node-a"]
    );
    let before = h.state().design().components.len();
    h.get_by_label_contains("Duplicate").click();
    h.run_steps(3);
    assert_eq!(h.state().design().components.len(), before + 1);
}

#[test]
fn a_theme_change_redraws_the_kept_drawings_with_the_new_fonts() {
    let mut h = harness("public-private");
    let before = h.state().canvas().fonts_epoch();
    h.state_mut().push_command(AppCommand::ToggleTheme);
    h.run_steps(3);
    // egui rebuilt its fonts for the new theme; text kept from before would draw nothing.
    assert!(h.state().canvas().fonts_epoch() > before);
}

#[test]
fn position_and_size_typed_in_the_inspector() {
    let mut h = harness("public-private");
    h.state_mut().select(&["vpc"]);
    h.run_steps(2);
    let before = h.state().design().clone();
    let vpc = before.component("vpc").unwrap().rect();
    // Typing x moves the VPC and everything inside it.
    common::replace_text(
        &mut h,
        &format!("{}", vpc.min.x),
        &format!("{}", vpc.min.x + 30.0),
    );
    let moved_by = |id: &str| {
        h.state().design().component(id).unwrap().pos.x - before.component(id).unwrap().pos.x
    };
    assert_eq!((moved_by("vpc"), moved_by("node-a")), (30.0, 30.0));
    // A width that would hide the children is refused, with the reason; the size stays.
    common::replace_text(&mut h, &format!("{}", vpc.size.w), "100");
    assert_eq!(h.state().design().component("vpc").unwrap().size, vpc.size);
    assert_eq!(
        h.state().status().unwrap().text,
        "a container cannot be smaller than what it holds"
    );
    // The refused value stays in the field until it is corrected.
    common::replace_text(&mut h, "100", &format!("{}", vpc.size.w + 40.0));
    let w = h.state().design().component("vpc").unwrap().size.w;
    assert!((w - (vpc.size.w + 40.0)).abs() < 1e-3, "{w}");
}
