//! Copy, paste and duplicate: components travel as RON text, and land inside a container
//! at a free spot with fresh ids and addresses of their own.

use crate::t;
use std::collections::BTreeSet;

use crate::io;
use crate::model::{Design, Edit, Fragment, Point, Rect};

use super::place::{clear_taken_public_ips, fit_addresses, free_spot, inner_rect};

/// Pasted text larger than this is refused before it is parsed.
pub const MAX_PASTE_BYTES: usize = 4 * 1024 * 1024;

/// The selection's components (with what they hold) as RON text.
pub fn copy_text(design: &Design, ids: &BTreeSet<String>) -> Result<String, String> {
    let fragment = design.fragment(ids);
    io::ron_file::options()
        .to_string_pretty(&fragment, ron::ser::PrettyConfig::new())
        .map_err(|e| t!("refuse-cannot-copy", error = e.to_string()))
}

/// Reads pasted text as components.
pub fn parse(text: &str) -> Result<Fragment, String> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(t!("refuse-paste-too-large"));
    }
    io::ron_file::options()
        .from_str::<Fragment>(text)
        .map_err(|e| {
            t!(
                "refuse-paste-not-ron",
                line = e.span.start.line.to_string(),
                column = e.span.start.col.to_string(),
                error = e.code.to_string()
            )
        })
}

/// Where a paste goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PasteAt {
    /// Beside the originals (duplicate, or paste from the menu): offset by `offset`.
    Beside(Point),
    /// With the fragment's top-left corner at this canvas point (paste at the pointer);
    /// a container under the point takes the pasted boxes that may go in it.
    Pointer(Point),
}

/// Adds a fragment to `design`: each top box goes into the container under the pointer,
/// or its original parent, or the top level — whichever its kind allows — at the nearest
/// free spot there; ids that are or were taken (`taken`) are renamed; nodes, ENIs and
/// clients get free addresses in their subnet, subnets a free CIDR in their VPC, and
/// public addresses another component holds are cleared. Returns the new ids and what
/// was changed on the way.
pub fn paste(
    design: &mut Design,
    mut fragment: Fragment,
    at: PasteAt,
    taken: &dyn Fn(&str) -> bool,
    grid: f32,
) -> Result<(BTreeSet<String>, Vec<String>), String> {
    if fragment.components.is_empty() {
        return Err(t!("refuse-paste-empty"));
    }
    let inside: BTreeSet<String> = fragment.components.iter().map(|c| c.id.clone()).collect();
    let bounds = fragment
        .components
        .iter()
        .map(crate::model::Component::rect)
        .reduce(|a, b| a.union(&b))
        .unwrap_or_default();
    let offset = match at {
        PasteAt::Beside(o) => o,
        PasteAt::Pointer(p) => Point::new(p.x - bounds.min.x, p.y - bounds.min.y),
    };
    let snap = |v: f32| (v / grid).round() * grid;
    let offset = Point::new(snap(offset.x), snap(offset.y));
    let under_pointer = match at {
        PasteAt::Pointer(p) => design
            .container_at(p, &BTreeSet::new())
            .map(|c| c.id.clone()),
        PasteAt::Beside(_) => None,
    };
    // Each top box (its parent is not pasted with it) finds its container and spot.
    let mut placed: Vec<(Option<String>, Rect)> = Vec::new();
    let tops: Vec<usize> = (0..fragment.components.len())
        .filter(|&i| {
            fragment.components[i]
                .parent
                .as_ref()
                .is_none_or(|p| !inside.contains(p))
        })
        .collect();
    for i in tops {
        let (kind, original_parent, rect) = {
            let c = &fragment.components[i];
            (c.kind.name(), c.parent.clone(), c.rect())
        };
        let allowed = |p: &Option<String>| {
            let pk = p
                .as_deref()
                .and_then(|id| design.component(id))
                .map(|c| c.kind.name());
            (p.is_none() || pk.is_some()) && kind.allowed_parents().contains(&pk)
        };
        let candidates = [
            under_pointer.clone(),
            original_parent.filter(|p| design.component(p).is_some()),
            None,
        ];
        let Some(parent) = candidates
            .into_iter()
            .enumerate()
            .find(|(n, p)| (*n == 2 || p.is_some()) && allowed(p))
            .map(|(_, p)| p)
        else {
            return Err(t!(
                "refuse-cannot-paste",
                id = &fragment.components[i].id,
                hint = kind.placement_hint()
            ));
        };
        let wanted = rect.translated(offset.x, offset.y);
        let area = parent
            .as_deref()
            .and_then(|p| design.component(p))
            .map(inner_rect);
        let mut others: Vec<Rect> = design
            .components
            .iter()
            .filter(|c| c.parent == parent)
            .map(crate::model::Component::rect)
            .collect();
        others.extend(placed.iter().filter(|(p, _)| *p == parent).map(|(_, r)| *r));
        let Some(spot) = free_spot(wanted, area, &others, grid) else {
            return Err(t!(
                "refuse-no-room-id",
                id = &fragment.components[i].id,
                container = parent.as_deref().map_or_else(
                    || crate::msg!("refuse-the-canvas"),
                    crate::i18n::Msg::verbatim
                )
            ));
        };
        let (dx, dy) = (spot.x - rect.min.x, spot.y - rect.min.y);
        placed.push((parent.clone(), Rect::new(spot, rect.size)));
        // The box and what it holds move together.
        let moving = subtree_in(&fragment, &fragment.components[i].id);
        for c in &mut fragment.components {
            if moving.contains(&c.id) {
                c.pos.x += dx;
                c.pos.y += dy;
            }
        }
        fragment.components[i].parent = parent;
    }
    let prepared = design.prepare_paste(fragment, Point::default(), taken);
    let ids: BTreeSet<String> = prepared.components.iter().map(|c| c.id.clone()).collect();
    let top_ids: Vec<String> = prepared
        .components
        .iter()
        .filter(|c| c.parent.as_ref().is_none_or(|p| !ids.contains(p)))
        .map(|c| c.id.clone())
        .collect();
    design
        .apply(Edit::Paste(prepared))
        .map_err(|e| e.to_string())?;
    let mut notes = Vec::new();
    drop_dangling_references(design, &ids, &mut notes);
    for id in &top_ids {
        fit_addresses(design, id, &mut notes)?;
    }
    clear_taken_public_ips(design, &ids, &mut notes);
    Ok((ids, notes))
}

/// What pasted components refer to but this design lacks (a route to a gateway that was
/// not copied, a security group or network ACL of the other design) is dropped, and said.
fn drop_dangling_references(design: &mut Design, ids: &BTreeSet<String>, notes: &mut Vec<String>) {
    use crate::model::{ComponentKind, DEFAULT_CLUSTER_SG, LOCAL_TARGET};
    let components: BTreeSet<String> = design.components.iter().map(|c| c.id.clone()).collect();
    let groups: BTreeSet<String> = design
        .security_groups
        .iter()
        .map(|g| g.id.clone())
        .collect();
    let acls: BTreeSet<String> = design.network_acls.iter().map(|a| a.id.clone()).collect();
    let route_ok =
        |r: &crate::model::Route| r.target == LOCAL_TARGET || components.contains(&r.target);
    let group_ok = |g: &String| g == DEFAULT_CLUSTER_SG || groups.contains(g);
    for c in design.components.iter_mut().filter(|c| ids.contains(&c.id)) {
        let id = c.id.clone();
        let (routes, sgs) = match &mut c.kind {
            ComponentKind::Subnet(s) => {
                if s.network_acl.as_ref().is_some_and(|a| !acls.contains(a)) {
                    notes.push(t!("note-acl-dropped", id = &id));
                    s.network_acl = None;
                }
                (Some(&mut s.routes), None)
            }
            ComponentKind::OnPrem(o) => (Some(&mut o.routes), None),
            ComponentKind::Node(n) => (None, Some(&mut n.security_groups)),
            ComponentKind::Client(cl) => (None, Some(&mut cl.security_groups)),
            _ => (None, None),
        };
        if let Some(routes) = routes {
            for r in routes.iter().filter(|r| !route_ok(r)) {
                notes.push(t!(
                    "note-route-dropped",
                    id = &id,
                    destination = &r.destination,
                    target = &r.target
                ));
            }
            routes.retain(route_ok);
        }
        if let Some(sgs) = sgs {
            for g in sgs.iter().filter(|g| !group_ok(g)) {
                notes.push(t!("note-sg-dropped", id = &id, group = g));
            }
            sgs.retain(group_ok);
        }
    }
}

/// `id` and the fragment's components inside it.
fn subtree_in(fragment: &Fragment, id: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::from([id.to_owned()]);
    for _ in 0..=fragment.components.len() {
        let before = out.len();
        for c in &fragment.components {
            if c.parent.as_ref().is_some_and(|p| out.contains(p)) {
                out.insert(c.id.clone());
            }
        }
        if out.len() == before {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::PRESETS;
    use crate::model::validate::{Severity, validate};

    fn preset() -> Design {
        crate::editor::tests::roomy_preset()
    }

    fn errors(d: &Design) -> Vec<String> {
        validate(d)
            .into_iter()
            .filter(|p| p.severity == Severity::Error || p.code == "W_OUTSIDE_PARENT")
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn duplicating_nodes_four_times_leaves_a_valid_design() {
        let mut d = preset();
        assert!(errors(&d).is_empty(), "{:?}", errors(&d));
        let sel = BTreeSet::from(["node-a".to_owned()]);
        for _ in 0..4 {
            let f = d.fragment(&sel);
            paste(
                &mut d,
                f,
                PasteAt::Beside(Point::new(20.0, 20.0)),
                &|_| false,
                10.0,
            )
            .expect("room for a copy");
        }
        assert!(errors(&d).is_empty(), "{:?}", errors(&d));
        let parent = d.component("node-a").and_then(|c| c.parent.clone());
        let copies: Vec<_> = d
            .components
            .iter()
            .filter(|c| c.kind.name() == crate::model::KindName::Node && c.parent == parent)
            .collect();
        assert!(copies.len() >= 5, "the copies stay in the subnet");
    }

    #[test]
    fn a_full_container_refuses_the_copy_and_changes_nothing() {
        let d = PRESETS[1].load().expect("preset loads").0;
        let sel = BTreeSet::from(["nat".to_owned()]);
        let before = d.clone();
        let f = d.fragment(&sel);
        let mut copy = d.clone();
        let e = paste(
            &mut copy,
            f,
            PasteAt::Beside(Point::new(20.0, 20.0)),
            &|_| false,
            10.0,
        )
        .expect_err("the public subnet of the preset has no room for a second NAT");
        assert!(e.starts_with("no room for nat in subnet-public-a"), "{e}");
        assert_eq!(d, before);
    }

    #[test]
    fn pasting_a_nat_clears_its_elastic_ip_and_a_subnet_gets_a_free_cidr() {
        let mut d = preset();
        let nat = d
            .components
            .iter()
            .find(|c| matches!(&c.kind, crate::model::ComponentKind::Nat(n) if n.elastic_ip.is_some()))
            .map(|c| c.id.clone());
        if let Some(nat) = nat {
            let f = d.fragment(&BTreeSet::from([nat]));
            let (_, notes) = paste(
                &mut d,
                f,
                PasteAt::Beside(Point::new(20.0, 20.0)),
                &|_| false,
                10.0,
            )
            .expect("pasted");
            assert!(
                notes.iter().any(|n| n.contains("no public address")),
                "{notes:?}"
            );
        }
        let subnet = d
            .component("node-a")
            .and_then(|c| c.parent.clone())
            .expect("subnet");
        let f = d.fragment(&BTreeSet::from([subnet]));
        let result = paste(
            &mut d,
            f,
            PasteAt::Beside(Point::new(20.0, 20.0)),
            &|_| false,
            10.0,
        );
        // Either there is room in the VPC and the copy is valid, or the paste is refused.
        if result.is_ok() {
            assert!(errors(&d).is_empty(), "{:?}", errors(&d));
        }
    }

    #[test]
    fn pasting_at_the_pointer_over_another_subnet_puts_the_node_there() {
        let mut d = preset();
        let home = d
            .component("node-a")
            .and_then(|c| c.parent.clone())
            .expect("subnet");
        let other = d
            .components
            .iter()
            .find(|c| c.kind.name() == crate::model::KindName::Subnet && c.id != home)
            .expect("another subnet")
            .clone();
        let f = d.fragment(&BTreeSet::from(["node-a".to_owned()]));
        let at = Point::new(other.pos.x + 20.0, other.pos.y + 40.0);
        let (ids, _) = paste(&mut d, f, PasteAt::Pointer(at), &|_| false, 10.0).expect("pasted");
        let id = ids.iter().next().expect("one id");
        assert_eq!(
            d.component(id).and_then(|c| c.parent.clone()),
            Some(other.id.clone())
        );
        assert!(errors(&d).is_empty(), "{:?}", errors(&d));
    }
}
