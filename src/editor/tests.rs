//! Every edit path leaves a valid design, or is refused and changes nothing.

use super::*;
use crate::io::PRESETS;
use crate::model::{ComponentKind, Problem};

fn editor() -> Editor {
    Editor::new(roomy_preset())
}

/// The public + private preset spread out: positions and container sizes doubled, so
/// containers have room for copies. Shared by the editor's unit tests.
pub(super) fn roomy_preset() -> Design {
    let mut d = PRESETS[1].load().expect("preset loads").0;
    for c in &mut d.components {
        c.pos.x *= 2.0;
        c.pos.y *= 2.0;
        if c.kind.name().is_container() {
            c.size.w *= 2.0;
            c.size.h *= 2.0;
        }
    }
    d
}

fn errors(d: &Design) -> Vec<Problem> {
    validate(d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect()
}

/// Applies `msg`; checks that a refusal changed nothing and a change brought no error.
#[expect(clippy::needless_pass_by_value, reason = "reads like the apply call")]
fn check(e: &mut Editor, msg: Msg) -> Outcome {
    let before = e.design().clone();
    let out = e.apply(msg.clone());
    match &out {
        Outcome::Refused(reason) => {
            assert_eq!(
                e.design(),
                &before,
                "{msg:?} was refused ({reason}) but changed the design"
            );
        }
        _ => assert!(
            errors(e.design()).is_empty(),
            "{msg:?} left {:?}",
            errors(e.design())
        ),
    }
    out
}

fn subnets(e: &Editor) -> Vec<String> {
    e.design()
        .components
        .iter()
        .filter(|c| c.kind.name() == KindName::Subnet)
        .map(|c| c.id.clone())
        .collect()
}

fn ip(e: &Editor, id: &str) -> String {
    e.design()
        .component(id)
        .and_then(crate::model::Component::private_ip)
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_preset_starts_valid() {
    assert!(errors(editor().design()).is_empty());
}

#[test]
fn duplicate_is_one_undo_step_and_keeps_the_copy_in_its_subnet() {
    let mut e = editor();
    check(&mut e, Msg::Select(vec!["node-a".into()]));
    for _ in 0..4 {
        let out = check(&mut e, Msg::Duplicate);
        assert!(
            matches!(&out, Outcome::Changed(Some(n)) if n.starts_with("duplicated 1 component")),
            "{out:?}"
        );
    }
    let parent = e
        .design()
        .component("node-a")
        .and_then(|c| c.parent.clone());
    let copies: Vec<&crate::model::Component> = e
        .design()
        .components
        .iter()
        .filter(|c| c.parent == parent && c.kind.name() == KindName::Node)
        .collect();
    let ips: BTreeSet<&str> = copies.iter().filter_map(|c| c.private_ip()).collect();
    assert_eq!(ips.len(), copies.len(), "every copy has its own address");
    let warnings: Vec<_> = validate(e.design())
        .into_iter()
        .filter(|p| p.code == "W_OUTSIDE_PARENT")
        .collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    let n = e.design().components.len();
    check(&mut e, Msg::Undo);
    assert_eq!(e.design().components.len(), n - 1);
}

#[test]
fn a_node_dragged_into_another_subnet_gets_an_address_there_and_undo_restores_it() {
    let mut e = editor();
    let home = e
        .design()
        .component("node-a")
        .and_then(|c| c.parent.clone())
        .expect("parent");
    let other = subnets(&e)
        .into_iter()
        .find(|s| *s != home)
        .expect("another subnet");
    let node = e.design().component("node-a").expect("node").rect();
    let target = place::inner_rect(e.design().component(&other).expect("subnet"));
    let old_ip = ip(&e, "node-a");
    check(&mut e, Msg::BeginMove(vec!["node-a".into()]));
    let delta = Point::new(
        target.min.x - node.min.x + 5.0,
        target.min.y - node.min.y + 5.0,
    );
    check(&mut e, Msg::PreviewMove(delta));
    assert_eq!(
        ip(&e, "node-a"),
        old_ip,
        "a preview does not touch the design"
    );
    let out = check(&mut e, Msg::Commit);
    assert!(matches!(out, Outcome::Changed(Some(_))), "{out:?}");
    assert_eq!(
        e.design()
            .component("node-a")
            .and_then(|c| c.parent.clone()),
        Some(other)
    );
    assert_ne!(ip(&e, "node-a"), old_ip);
    check(&mut e, Msg::Undo);
    assert_eq!(ip(&e, "node-a"), old_ip);
    assert_eq!(
        e.design()
            .component("node-a")
            .and_then(|c| c.parent.clone()),
        Some(home)
    );
}

#[test]
fn an_illegal_drop_is_refused_and_the_box_goes_back() {
    let mut e = editor();
    let before = e.design().clone();
    let node = e.design().component("node-a").expect("node").rect();
    check(&mut e, Msg::BeginMove(vec!["node-a".into()]));
    // Far away, at the top level, where a node may not go.
    check(
        &mut e,
        Msg::PreviewMove(Point::new(-node.min.x - 5000.0, 0.0)),
    );
    let out = check(&mut e, Msg::Commit);
    assert!(matches!(out, Outcome::Refused(_)), "{out:?}");
    assert_eq!(e.design(), &before);
    assert_eq!(e.shown(), &before, "the preview is gone");
    assert!(!e.can_undo());
}

#[test]
fn select_all_then_delete_deletes_everything_selected() {
    let mut e = editor();
    check(&mut e, Msg::SelectConnection(0));
    check(&mut e, Msg::SelectAll);
    assert_eq!(e.selection().connection(), None);
    let out = check(&mut e, Msg::DeleteSelection);
    assert!(e.design().components.is_empty(), "{out:?}");
    assert!(e.selection().is_empty());
    check(&mut e, Msg::Undo);
    assert!(!e.design().components.is_empty());
}

#[test]
fn an_edit_that_breaks_a_rule_is_refused_with_the_reason() {
    let mut e = editor();
    let subnet = e
        .design()
        .component("node-a")
        .and_then(|c| c.parent.clone())
        .expect("parent");
    let mut c = e.design().component(&subnet).expect("subnet").clone();
    if let ComponentKind::Subnet(s) = &mut c.kind {
        s.cidr = "10.0.0.0/33".into();
    }
    let out = check(&mut e, Msg::Edit(Edit::Replace(c)));
    let Outcome::Refused(reason) = out else {
        panic!("accepted a bad CIDR: {out:?}")
    };
    assert!(
        reason.contains(&subnet) && reason.contains("10.0.0.0/33"),
        "{reason}"
    );
}

#[test]
fn rename_keeps_the_selection_and_an_existing_problem_does_not_block_it() {
    let mut e = editor();
    check(&mut e, Msg::Select(vec!["node-a".into()]));
    let out = check(
        &mut e,
        Msg::Edit(Edit::Rename {
            from: "node-a".into(),
            to: "worker-1".into(),
        }),
    );
    assert!(matches!(out, Outcome::Changed(_)), "{out:?}");
    assert!(e.selection().components().contains("worker-1"));
}

#[test]
fn placing_puts_the_top_left_corner_at_the_pointer_and_fills_in_a_free_address() {
    let mut e = editor();
    let subnet = e
        .design()
        .component("node-a")
        .and_then(|c| c.parent.clone())
        .expect("parent");
    let inner = place::inner_rect(e.design().component(&subnet).expect("subnet"));
    let at = Point::new(inner.min.x + 4.0, inner.min.y + 4.0);
    let out = check(&mut e, Msg::Place(KindName::Node, at));
    assert!(matches!(out, Outcome::Changed(_)), "{out:?}");
    let id = e
        .selection()
        .components()
        .iter()
        .next()
        .cloned()
        .expect("selected");
    assert!(!ip(&e, &id).is_empty());
    // Outside every container a node may not go.
    let out = check(
        &mut e,
        Msg::Place(KindName::Node, Point::new(-9000.0, -9000.0)),
    );
    assert!(matches!(out, Outcome::Refused(_)));
    // Two clients on the internet get different public addresses.
    check(
        &mut e,
        Msg::Place(KindName::Client, Point::new(-9000.0, -9000.0)),
    );
    check(
        &mut e,
        Msg::Place(KindName::Client, Point::new(-9400.0, -9000.0)),
    );
}

#[test]
fn pasting_text_from_another_design_lands_valid() {
    let e = editor();
    let text =
        clipboard::copy_text(e.design(), &BTreeSet::from(["node-a".to_owned()])).expect("copy");
    let mut other = Editor::new(PRESETS[0].load().expect("preset").0);
    let fragment = clipboard::parse(&text).expect("parses");
    let out = check(
        &mut other,
        Msg::Paste(fragment, PasteAt::Beside(Point::new(20.0, 20.0))),
    );
    assert!(!matches!(out, Outcome::Unchanged), "{out:?}");
    assert!(clipboard::parse("(components: [").is_err());
}

/// A long run of mixed messages: each either leaves a valid design or changes nothing.
#[test]
fn every_message_leaves_a_valid_design_or_changes_nothing() {
    let mut e = editor();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..300 {
        let ids: Vec<String> = e.design().components.iter().map(|c| c.id.clone()).collect();
        if ids.is_empty() {
            check(&mut e, Msg::Undo);
            continue;
        }
        let pick = |r: u64| ids[(r as usize) % ids.len()].clone();
        let r = next();
        let x = (next() % 1600) as f32 - 200.0;
        let y = (next() % 1000) as f32 - 100.0;
        let msg = match r % 12 {
            0 => Msg::Select(vec![pick(next())]),
            1 => Msg::Duplicate,
            2 => Msg::Nudge(Point::new(10.0, -10.0)),
            3 => Msg::Place(
                KindName::ALL[(next() as usize) % KindName::ALL.len()],
                Point::new(x, y),
            ),
            4 => {
                check(&mut e, Msg::BeginMove(vec![pick(next())]));
                check(&mut e, Msg::PreviewMove(Point::new(x - 700.0, y - 400.0)));
                Msg::Commit
            }
            5 => Msg::DeleteSelection,
            6 => Msg::Undo,
            7 => Msg::Redo,
            8 => {
                let f = e.design().fragment(&BTreeSet::from([pick(next())]));
                Msg::Paste(f, PasteAt::Pointer(Point::new(x, y)))
            }
            9 => Msg::Connect(pick(next()), pick(next())),
            10 => Msg::Toggle(pick(next())),
            _ => Msg::SelectAll,
        };
        check(&mut e, msg);
    }
}
