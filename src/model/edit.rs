//! Edits: the only way the editor changes a design. Each edit is checked against the
//! design's rules and either applies completely or leaves the design unchanged.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::component::{Component, ComponentKind, Connection, KindName};
use super::design::{Cluster, Design, DesignIndex};
use super::geom::{Point, Rect, Size};
use super::security::{DEFAULT_CLUSTER_SG, NetworkAcl, Peer, SecurityGroup};
use super::validate::check_id;
use crate::i18n::Msg;
use crate::msg;

/// Why an edit was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    /// No component has this id.
    #[error("{}", msg!("refuse-no-component", id = .0))]
    UnknownComponent(String),
    /// The id is taken or malformed.
    #[error("{0}")]
    BadId(Msg),
    /// The component may not sit there.
    #[error("{0}")]
    Placement(Msg),
    /// A container cannot become smaller than its children.
    #[error("{0}")]
    Resize(Msg),
    /// A connection cannot be made.
    #[error("{0}")]
    Connection(Msg),
    /// Pasted text is not a fragment.
    #[error("{0}")]
    Paste(Msg),
    /// A security group or network ACL edit cannot be made.
    #[error("{0}")]
    Security(Msg),
}

/// Components and connections copied out of a design (what the clipboard carries).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
    /// Components, parents before children.
    #[serde(default)]
    pub components: Vec<Component>,
    /// Connections between them.
    #[serde(default)]
    pub connections: Vec<Connection>,
}

/// One change to a design.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add a component (its id must be new and its parent allowed).
    Add(Component),
    /// Move components, and everything inside them, by a delta.
    Move {
        /// Components to move; descendants of listed containers move once.
        ids: Vec<String>,
        /// Offset in canvas units.
        delta: Point,
    },
    /// Change a component's rectangle (resize); containers keep their children inside.
    SetRect {
        /// The component.
        id: String,
        /// New top-left corner and size.
        rect: Rect,
    },
    /// Put a component into another container (or at the top level).
    Reparent {
        /// The component.
        id: String,
        /// The new parent.
        parent: Option<String>,
    },
    /// Delete components with their children, and every reference to them.
    Delete(Vec<String>),
    /// Replace a component's properties (label, kind properties); the id stays.
    Replace(Component),
    /// Rename a component; parents, routes, connections and cluster settings follow.
    Rename {
        /// The current id.
        from: String,
        /// The new id.
        to: String,
    },
    /// Add a connection.
    Connect(Connection),
    /// Remove a connection by index.
    Disconnect(usize),
    /// Replace the cluster settings.
    SetCluster(Cluster),
    /// Replace the title and description.
    SetText {
        /// Title.
        title: String,
        /// Description.
        description: String,
    },
    /// Add copied components (ids must already be unique in the design).
    Paste(Fragment),
    /// Change a connection's label.
    LabelConnection {
        /// Index of the connection.
        index: usize,
        /// The new label (empty for none).
        label: String,
    },
    /// Add a security group (`old` is `None`) or replace the group `old`; when the id
    /// changes, every reference follows (nodes, clients, cluster, rules naming it).
    PutSecurityGroup {
        /// The id of the group replaced.
        old: Option<String>,
        /// The new group.
        group: SecurityGroup,
    },
    /// Delete a security group and every reference to it (rules naming it are removed; a
    /// cluster security group falls back to the AWS default).
    DeleteSecurityGroup(String),
    /// Add a network ACL (`old` is `None`) or replace the ACL `old`; subnets follow a
    /// change of id.
    PutNetworkAcl {
        /// The id of the ACL replaced.
        old: Option<String>,
        /// The new ACL.
        acl: NetworkAcl,
    },
    /// Delete a network ACL; its subnets go back to the default ACL (allow all).
    DeleteNetworkAcl(String),
    /// Replace the transit gateway route tables and the carried ranges.
    SetTransit(super::transit::Transit),
}

/// Where an added (`old` is `None`) or replaced (`old`) item goes among items with `ids`,
/// after checking that `new_id` is well formed and not taken by another item.
fn slot_for(
    ids: &[&str],
    old: Option<&str>,
    new_id: &str,
    what: Msg,
) -> Result<Option<usize>, EditError> {
    check_id(new_id).map_err(EditError::BadId)?;
    let slot = match old {
        Some(o) => Some(ids.iter().position(|id| *id == o).ok_or_else(|| {
            EditError::Security(msg!("refuse-no-named", what = what.clone(), id = o))
        })?),
        None => None,
    };
    if ids
        .iter()
        .enumerate()
        .any(|(i, id)| *id == new_id && Some(i) != slot)
    {
        return Err(EditError::BadId(msg!(
            "refuse-named-id-taken",
            what = what,
            id = new_id
        )));
    }
    Ok(slot)
}

impl Design {
    /// The ids of `id` and everything inside it, in document order.
    pub fn subtree(&self, id: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::from([id.to_owned()]);
        // Repeat until no new child is found; bounded by the number of components.
        for _ in 0..=self.components.len() {
            let before = out.len();
            for c in &self.components {
                if let Some(p) = &c.parent
                    && out.contains(p)
                {
                    out.insert(c.id.clone());
                }
            }
            if out.len() == before {
                break;
            }
        }
        out
    }

    /// The innermost container whose rectangle holds `p` and where a component of `kind`
    /// is checked; `exclude` (a component and its subtree) is never a candidate.
    pub fn container_at(&self, p: Point, exclude: &BTreeSet<String>) -> Option<&Component> {
        let index = DesignIndex::new(self);
        self.components
            .iter()
            .filter(|c| {
                c.kind.name().is_container() && !exclude.contains(&c.id) && c.rect().contains(p)
            })
            .max_by_key(|c| index.depth(c))
    }

    /// Applies an edit. On error the design is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let mut next = self.clone();
        next.apply_in_place(edit)?;
        *self = next;
        Ok(())
    }

    fn check_parent(&self, kind: KindName, parent: Option<&str>) -> Result<(), EditError> {
        let pk = match parent {
            None => None,
            Some(pid) => Some(
                self.component(pid)
                    .ok_or_else(|| EditError::UnknownComponent(pid.to_owned()))?
                    .kind
                    .name(),
            ),
        };
        if kind.allowed_parents().contains(&pk) {
            Ok(())
        } else {
            Err(EditError::Placement(kind.placement_hint()))
        }
    }

    fn apply_in_place(&mut self, edit: Edit) -> Result<(), EditError> {
        match edit {
            Edit::Add(c) => {
                check_id(&c.id).map_err(EditError::BadId)?;
                if self.component(&c.id).is_some() {
                    return Err(EditError::BadId(msg!("refuse-id-taken", id = &c.id)));
                }
                self.check_parent(c.kind.name(), c.parent.as_deref())?;
                self.components.push(c);
            }
            Edit::Move { ids, delta } => {
                let mut moving = BTreeSet::new();
                for id in &ids {
                    if self.component(id).is_none() {
                        return Err(EditError::UnknownComponent(id.clone()));
                    }
                    moving.extend(self.subtree(id));
                }
                for c in &mut self.components {
                    if moving.contains(&c.id) {
                        c.pos.x += delta.x;
                        c.pos.y += delta.y;
                    }
                }
            }
            Edit::SetRect { id, rect } => {
                if !(rect.size.w >= 20.0 && rect.size.h >= 20.0) {
                    return Err(EditError::Resize(msg!("refuse-box-too-small")));
                }
                let children: Vec<Rect> = self
                    .components
                    .iter()
                    .filter(|c| c.parent.as_deref() == Some(id.as_str()))
                    .map(Component::rect)
                    .collect();
                if children.iter().any(|r| !rect.contains_rect(r)) {
                    return Err(EditError::Resize(msg!("refuse-container-too-small")));
                }
                let c = self
                    .component_mut(&id)
                    .ok_or(EditError::UnknownComponent(id))?;
                c.pos = rect.min;
                c.size = rect.size;
            }
            Edit::Reparent { id, parent } => {
                let kind = self
                    .component(&id)
                    .ok_or_else(|| EditError::UnknownComponent(id.clone()))?
                    .kind
                    .name();
                if let Some(p) = &parent
                    && self.subtree(&id).contains(p)
                {
                    return Err(EditError::Placement(msg!("refuse-inside-itself")));
                }
                self.check_parent(kind, parent.as_deref())?;
                if let Some(c) = self.component_mut(&id) {
                    c.parent = parent;
                }
            }
            Edit::Delete(ids) => {
                let mut gone = BTreeSet::new();
                for id in &ids {
                    gone.extend(self.subtree(id));
                }
                self.components.retain(|c| !gone.contains(&c.id));
                self.connections
                    .retain(|c| !gone.contains(&c.from) && !gone.contains(&c.to));
                for c in &mut self.components {
                    let routes = match &mut c.kind {
                        ComponentKind::Subnet(s) => &mut s.routes,
                        ComponentKind::OnPrem(o) => &mut o.routes,
                        _ => continue,
                    };
                    routes.retain(|r| !gone.contains(&r.target));
                }
                self.cluster.subnet_ids.retain(|s| !gone.contains(s));
                self.transit.forget(&|id| gone.contains(id));
            }
            Edit::Replace(new) => {
                let old = self
                    .component(&new.id)
                    .ok_or_else(|| EditError::UnknownComponent(new.id.clone()))?;
                if old.kind.name() != new.kind.name() {
                    return Err(EditError::Placement(msg!("refuse-kind-fixed")));
                }
                self.check_parent(new.kind.name(), new.parent.as_deref())?;
                if let Some(c) = self.component_mut(&new.id) {
                    *c = new;
                }
            }
            Edit::Rename { from, to } => {
                check_id(&to).map_err(EditError::BadId)?;
                if from == to {
                    return Ok(());
                }
                if self.component(&to).is_some() {
                    return Err(EditError::BadId(msg!("refuse-id-taken", id = &to)));
                }
                if self.component(&from).is_none() {
                    return Err(EditError::UnknownComponent(from));
                }
                let map = HashMap::from([(from, to)]);
                self.rename_ids(&map);
            }
            Edit::Connect(conn) => {
                for end in [&conn.from, &conn.to] {
                    if self.component(end).is_none() {
                        return Err(EditError::UnknownComponent(end.clone()));
                    }
                }
                if conn.from == conn.to {
                    return Err(EditError::Connection(msg!("refuse-connection-same-ends")));
                }
                if self.connections.iter().any(|c| {
                    (c.from == conn.from && c.to == conn.to)
                        || (c.from == conn.to && c.to == conn.from)
                }) {
                    return Err(EditError::Connection(msg!("refuse-already-connected")));
                }
                self.connections.push(conn);
            }
            Edit::Disconnect(i) => {
                if i >= self.connections.len() {
                    return Err(EditError::Connection(msg!("refuse-no-connection")));
                }
                let c = self.connections.remove(i);
                self.transit.detach(&c.from, &c.to);
                self.transit.detach(&c.to, &c.from);
            }
            Edit::SetTransit(transit) => self.transit = transit,
            Edit::SetCluster(cluster) => self.cluster = cluster,
            Edit::SetText { title, description } => {
                self.title = title;
                self.description = description;
            }
            Edit::Paste(fragment) => {
                for c in fragment.components {
                    self.apply_in_place(Edit::Add(c))?;
                }
                for conn in fragment.connections {
                    self.apply_in_place(Edit::Connect(conn))?;
                }
            }
            Edit::LabelConnection { index, label } => {
                self.connections
                    .get_mut(index)
                    .ok_or_else(|| EditError::Connection(msg!("refuse-no-connection")))?
                    .label = label;
            }
            Edit::PutSecurityGroup { old, group } => self.put_security_group(old, group)?,
            Edit::DeleteSecurityGroup(id) => self.delete_security_group(&id)?,
            Edit::PutNetworkAcl { old, acl } => self.put_network_acl(old, acl)?,
            Edit::DeleteNetworkAcl(id) => {
                let before = self.network_acls.len();
                self.network_acls.retain(|a| a.id != id);
                if self.network_acls.len() == before {
                    return Err(EditError::Security(msg!("refuse-no-acl", id = &id)));
                }
                for c in &mut self.components {
                    if let ComponentKind::Subnet(s) = &mut c.kind
                        && s.network_acl.as_deref() == Some(id.as_str())
                    {
                        s.network_acl = None;
                    }
                }
            }
        }
        Ok(())
    }

    fn put_security_group(
        &mut self,
        old: Option<String>,
        group: SecurityGroup,
    ) -> Result<(), EditError> {
        let ids: Vec<&str> = self.security_groups.iter().map(|g| g.id.as_str()).collect();
        let slot = slot_for(&ids, old.as_deref(), &group.id, msg!("refuse-what-sg"))?;
        let renamed = old.filter(|o| *o != group.id);
        let new_id = group.id.clone();
        match slot {
            Some(i) => {
                if let Some(g) = self.security_groups.get_mut(i) {
                    *g = group;
                }
            }
            None => self.security_groups.push(group),
        }
        if let Some(from) = renamed {
            self.map_sg_refs(&mut |id: &str| (id == from).then(|| Some(new_id.clone())));
        }
        Ok(())
    }

    fn delete_security_group(&mut self, id: &str) -> Result<(), EditError> {
        let before = self.security_groups.len();
        self.security_groups.retain(|g| g.id != id);
        if self.security_groups.len() == before {
            return Err(EditError::Security(msg!("refuse-no-sg", id = &id)));
        }
        if id == DEFAULT_CLUSTER_SG {
            // The implicit default takes its place again: references stay valid.
            return Ok(());
        }
        self.map_sg_refs(&mut |x: &str| (x == id).then_some(None));
        Ok(())
    }

    /// Rewrites every reference to a security group: `f` returns `None` to keep it,
    /// `Some(Some(new))` to rename it and `Some(None)` to drop it (a dropped cluster security
    /// group falls back to the default).
    fn map_sg_refs(&mut self, f: &mut dyn FnMut(&str) -> Option<Option<String>>) {
        fn fix_list(f: &mut dyn FnMut(&str) -> Option<Option<String>>, list: &mut Vec<String>) {
            list.retain_mut(|id| match f(id) {
                None => true,
                Some(Some(n)) => {
                    *id = n;
                    true
                }
                Some(None) => false,
            });
        }
        for c in &mut self.components {
            match &mut c.kind {
                ComponentKind::Node(n) => fix_list(f, &mut n.security_groups),
                ComponentKind::Client(cl) => fix_list(f, &mut cl.security_groups),
                _ => {}
            }
        }
        fix_list(f, &mut self.cluster.security_group_ids);
        match f(&self.cluster.cluster_security_group) {
            None => {}
            Some(Some(n)) => self.cluster.cluster_security_group = n,
            Some(None) => DEFAULT_CLUSTER_SG.clone_into(&mut self.cluster.cluster_security_group),
        }
        for g in &mut self.security_groups {
            for rules in [&mut g.ingress, &mut g.egress] {
                rules.retain_mut(|r| match &mut r.peer {
                    Peer::Sg(id) => match f(id) {
                        None => true,
                        Some(Some(n)) => {
                            *id = n;
                            true
                        }
                        Some(None) => false,
                    },
                    Peer::Cidr(_) => true,
                });
            }
        }
    }

    fn put_network_acl(&mut self, old: Option<String>, acl: NetworkAcl) -> Result<(), EditError> {
        let ids: Vec<&str> = self.network_acls.iter().map(|a| a.id.as_str()).collect();
        let slot = slot_for(&ids, old.as_deref(), &acl.id, msg!("refuse-what-acl"))?;
        if let Some(from) = old.filter(|o| *o != acl.id) {
            for c in &mut self.components {
                if let ComponentKind::Subnet(s) = &mut c.kind
                    && s.network_acl.as_deref() == Some(from.as_str())
                {
                    s.network_acl = Some(acl.id.clone());
                }
            }
        }
        match slot {
            Some(i) => {
                if let Some(a) = self.network_acls.get_mut(i) {
                    *a = acl;
                }
            }
            None => self.network_acls.push(acl),
        }
        Ok(())
    }

    /// Renames component ids everywhere they are referred to.
    pub(crate) fn rename_ids(&mut self, map: &HashMap<String, String>) {
        let re = |s: &mut String| {
            if let Some(n) = map.get(s.as_str()) {
                s.clone_from(n);
            }
        };
        for c in &mut self.components {
            re(&mut c.id);
            if let Some(p) = &mut c.parent {
                re(p);
            }
            match &mut c.kind {
                ComponentKind::Subnet(s) => s.routes.iter_mut().for_each(|r| re(&mut r.target)),
                ComponentKind::OnPrem(o) => o.routes.iter_mut().for_each(|r| re(&mut r.target)),
                _ => {}
            }
        }
        for conn in &mut self.connections {
            re(&mut conn.from);
            re(&mut conn.to);
        }
        self.cluster.subnet_ids.iter_mut().for_each(re);
        self.transit.rename(&re);
    }

    /// Copies components (with everything inside them) and the connections among them.
    pub fn fragment(&self, ids: &BTreeSet<String>) -> Fragment {
        let mut all = BTreeSet::new();
        for id in ids {
            all.extend(self.subtree(id));
        }
        let components: Vec<Component> = self
            .components
            .iter()
            .filter(|c| all.contains(&c.id))
            .cloned()
            .collect();
        let connections = self
            .connections
            .iter()
            .filter(|c| all.contains(&c.from) && all.contains(&c.to))
            .cloned()
            .collect();
        Fragment {
            components,
            connections,
        }
    }

    /// Prepares a fragment for pasting: fresh ids where they collide (or `taken` says so),
    /// references renamed along, everything offset by `delta`, and parents that are not in
    /// the design or the fragment dropped. A component that got a fresh id is a copy: it
    /// does not carry the original's `source` (re-import matches by source).
    pub fn prepare_paste(
        &self,
        mut fragment: Fragment,
        delta: Point,
        taken: &dyn Fn(&str) -> bool,
    ) -> Fragment {
        let mut used: BTreeSet<String> = self.components.iter().map(|c| c.id.clone()).collect();
        let mut map = HashMap::new();
        for c in &fragment.components {
            let mut id = c.id.clone();
            if used.contains(&id) || taken(&id) {
                let kind = c.kind.name().as_str().replace('_', "-");
                id = (1..=used.len() + 1_000_000)
                    .map(|n| format!("{kind}-{n}"))
                    .find(|cand| !used.contains(cand) && !taken(cand))
                    .unwrap_or_default();
            }
            used.insert(id.clone());
            map.insert(c.id.clone(), id);
        }
        let mut tmp = Design {
            components: std::mem::take(&mut fragment.components),
            connections: std::mem::take(&mut fragment.connections),
            ..Design::default()
        };
        tmp.rename_ids(&map);
        let copies: BTreeSet<&String> =
            map.iter().filter(|(a, b)| a != b).map(|(_, b)| b).collect();
        let inside: BTreeSet<String> = tmp.components.iter().map(|c| c.id.clone()).collect();
        for c in &mut tmp.components {
            if copies.contains(&c.id) {
                c.source.clear();
            }
            c.pos.x += delta.x;
            c.pos.y += delta.y;
            if let Some(p) = &c.parent
                && !inside.contains(p)
                && self.component(p).is_none()
            {
                c.parent = None;
            }
        }
        Fragment {
            components: tmp.components,
            connections: tmp.connections,
        }
    }
}

/// A new component of `kind` with its top-left at `pos`, given a fresh id.
pub fn new_component(kind: KindName, id: String, pos: Point, parent: Option<String>) -> Component {
    let size: Size = kind.default_size();
    Component {
        source: String::new(),
        label: kind.human().to_owned(),
        id,
        parent,
        pos,
        size,
        kind: kind.default_kind(),
    }
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
