//! Re-import: a newer import of the same source laid into the design the user already
//! arranged. Components are matched by `source` (the AWS id), or by id for the parts
//! import makes up; matched ones keep the user's place, size and label and take the new
//! properties; new ones land where the tidy layout put them, moved along with their
//! container; what the source no longer has goes. What the user added (notes, their own
//! clients, lines between kept components) stays.

use std::collections::{HashMap, HashSet};

use super::{ImportNote, Imported, NoteKind};
use crate::model::{Component, Design, KindName, Point, Size};

/// How many components a re-import kept, added and removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeCounts {
    /// Matched: the user's place kept.
    pub kept: usize,
    /// New in the source.
    pub added: usize,
    /// Gone from the source.
    pub removed: usize,
}

/// The key a component is matched by.
fn key(c: &Component) -> String {
    if c.source.is_empty() {
        format!("id:{}", c.id)
    } else {
        format!("src:{}", c.source)
    }
}

/// True when `old` is an import of the same cluster as `new` (same name, a shared
/// source): importing `new` updates it.
pub fn same_source(old: &Design, new: &Design) -> bool {
    if old.cluster.name != new.cluster.name {
        return false;
    }
    let sources: HashSet<&str> = old
        .components
        .iter()
        .filter(|c| !c.source.is_empty())
        .map(|c| c.source.as_str())
        .collect();
    new.components
        .iter()
        .any(|c| !c.source.is_empty() && sources.contains(c.source.as_str()))
}

/// Lays `imported` into `old`; the notes gain one line saying what was kept.
pub fn merge(old: &Design, imported: Imported) -> (Imported, MergeCounts) {
    let Imported {
        mut design,
        mut notes,
    } = imported;
    let before: HashMap<String, &Component> = old.components.iter().map(|c| (key(c), c)).collect();
    let new_keys: HashSet<String> = design.components.iter().map(key).collect();
    // A component the user renamed keeps the user's id, and every reference follows.
    let taken: HashSet<&str> = design.components.iter().map(|c| c.id.as_str()).collect();
    let renames: HashMap<String, String> = design
        .components
        .iter()
        .filter_map(|c| {
            let o = before.get(&key(c))?;
            (o.id != c.id && !taken.contains(o.id.as_str())).then(|| (c.id.clone(), o.id.clone()))
        })
        .collect();
    design.rename_ids(&renames);
    let new_key_of: HashMap<String, String> = design
        .components
        .iter()
        .map(|c| (c.id.clone(), key(c)))
        .collect();
    let mut counts = MergeCounts::default();
    // Where each container moved from its tidy place, so its new children follow it.
    let mut shift: HashMap<String, Point> = HashMap::new();
    for c in &mut design.components {
        let parent_shift = c
            .parent
            .as_deref()
            .and_then(|p| shift.get(p))
            .copied()
            .unwrap_or(Point::new(0.0, 0.0));
        let tidy = c.pos;
        match before.get(&key(c)) {
            Some(o) if same_parent(old, o, c, &new_key_of) => {
                c.pos = o.pos;
                c.size = o.size;
                c.label.clone_from(&o.label);
                // What no input holds (the NLB's addresses, the kubectl user's) is the
                // user's to set: keep it.
                if imported_part(o) && o.kind.name() == c.kind.name() {
                    c.kind = o.kind.clone();
                }
                counts.kept += 1;
            }
            _ => {
                c.pos = Point::new(tidy.x + parent_shift.x, tidy.y + parent_shift.y);
                counts.added += usize::from(!before.contains_key(&key(c)));
            }
        }
        shift.insert(c.id.clone(), Point::new(c.pos.x - tidy.x, c.pos.y - tidy.y));
    }
    // The user's own components: kept where their container still is.
    let mut ids: HashSet<String> = design.components.iter().map(|c| c.id.clone()).collect();
    for o in &old.components {
        if new_keys.contains(&key(o)) {
            continue;
        }
        let theirs = o.source.is_empty() && !imported_part(o);
        let parent_ok = o.parent.as_deref().is_none_or(|p| ids.contains(p));
        if theirs && parent_ok && !ids.contains(&o.id) {
            ids.insert(o.id.clone());
            design.components.push(o.clone());
        } else if !o.source.is_empty() {
            counts.removed += 1;
        }
    }
    let ids: HashSet<&str> = design.components.iter().map(|c| c.id.as_str()).collect();
    for conn in &old.connections {
        if ids.contains(conn.from.as_str())
            && ids.contains(conn.to.as_str())
            && !design.connections.contains(conn)
        {
            design.connections.push(conn.clone());
        }
    }
    // Groups and ACLs the user added (no source) stay, for the components that use them.
    for g in &old.security_groups {
        if g.source.is_empty() && !design.security_groups.iter().any(|n| n.id == g.id) {
            design.security_groups.push(g.clone());
        }
    }
    for a in &old.network_acls {
        if a.source.is_empty() && !design.network_acls.iter().any(|n| n.id == a.id) {
            design.network_acls.push(a.clone());
        }
    }
    design.title.clone_from(&old.title);
    grow_to_fit(&mut design);
    notes.push(ImportNote {
        kind: NoteKind::Assumed,
        text: crate::msg!(
            "imp-merge-updated",
            kept = counts.kept,
            added = counts.added,
            removed = counts.removed
        ),
    });
    (Imported { design, notes }, counts)
}

/// The parts import makes up: matched by id, never the user's own.
fn imported_part(c: &Component) -> bool {
    matches!(
        c.kind.name(),
        KindName::ControlPlane | KindName::ApiServer | KindName::Nlb | KindName::Phz
    ) || (c.kind.name() == KindName::Client && c.id == "kubectl-user")
}

/// True when the matched component sits in the same container in both designs.
fn same_parent(
    old: &Design,
    o: &Component,
    c: &Component,
    new_key_of: &HashMap<String, String>,
) -> bool {
    let old_parent = o.parent.as_deref().and_then(|p| old.component(p)).map(key);
    let new_parent = c.parent.as_deref().and_then(|p| new_key_of.get(p)).cloned();
    old_parent == new_parent
}

/// Grows every container to hold its children (deepest first), so a kept container that
/// gained children still contains them.
fn grow_to_fit(design: &mut Design) {
    const PAD: f32 = 20.0;
    for i in (0..design.components.len()).rev() {
        let child = design.components[i].rect();
        let Some(parent) = design.components[i].parent.clone() else {
            continue;
        };
        let Some(p) = design.components.iter_mut().find(|c| c.id == parent) else {
            continue;
        };
        let r = p.rect();
        if r.contains_rect(&child) {
            continue;
        }
        let min = Point::new(
            r.min.x.min(child.min.x - PAD),
            r.min.y.min(child.min.y - PAD),
        );
        let max = Point::new(
            r.max().x.max(child.max().x + PAD),
            r.max().y.max(child.max().y + PAD),
        );
        p.pos = min;
        p.size = Size::new(max.x - min.x, max.y - min.y);
    }
}
