//! What changed between two designs, item by item: components (by id, their place and size
//! left out), connections, security groups, network ACLs and cluster settings, each with
//! the fields that changed, written the way a reviewer reads them ("route 0.0.0.0/0: nat →
//! removed").

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::model::Design;

/// What kind of item changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A component.
    Component,
    /// A connection line or attachment.
    Connection,
    /// A security group.
    SecurityGroup,
    /// A network ACL.
    NetworkAcl,
    /// The cluster's settings.
    Cluster,
}

impl ItemKind {
    /// The words for it in sentences.
    pub const fn words(self) -> &'static str {
        match self {
            ItemKind::Component => "component",
            ItemKind::Connection => "connection",
            ItemKind::SecurityGroup => "security group",
            ItemKind::NetworkAcl => "network ACL",
            ItemKind::Cluster => "cluster",
        }
    }
}

/// Added, removed or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only in the new design.
    Added,
    /// Only in the old design.
    Removed,
    /// In both, different.
    Changed,
}

/// One field that changed: "route 0.0.0.0/0", "nat" → "removed".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field, with the key of the entry for lists (`route 0.0.0.0/0`, `ingress`).
    pub field: String,
    /// Before ("" when it was not there).
    pub before: String,
    /// After ("" when it is gone).
    pub after: String,
}

/// One item that changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    /// Component, connection, group, ACL or cluster.
    pub item: ItemKind,
    /// Its id (`from → to` for a connection, the cluster's name for the cluster).
    pub id: String,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// For a change, the fields that differ.
    pub fields: Vec<FieldChange>,
}

/// Every item that differs between the two designs, in a stable order.
pub fn design_changes(old: &Design, new: &Design) -> Vec<ItemChange> {
    let mut out = Vec::new();
    let strip = |v: Value| match v {
        Value::Object(mut m) => {
            m.remove("pos");
            m.remove("size");
            Value::Object(m)
        }
        other => other,
    };
    let comps = |d: &Design| -> BTreeMap<String, Value> {
        d.components
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    strip(serde_json::to_value(c).unwrap_or(Value::Null)),
                )
            })
            .collect()
    };
    compare(ItemKind::Component, &comps(old), &comps(new), &mut out);
    let lines = |d: &Design| -> BTreeMap<String, Value> {
        d.connections
            .iter()
            .map(|c| {
                (
                    format!("{} → {}", c.from, c.to),
                    serde_json::to_value(c).unwrap_or(Value::Null),
                )
            })
            .collect()
    };
    compare(ItemKind::Connection, &lines(old), &lines(new), &mut out);
    let groups = |d: &Design| -> BTreeMap<String, Value> {
        d.security_groups
            .iter()
            .map(|g| (g.id.clone(), serde_json::to_value(g).unwrap_or(Value::Null)))
            .collect()
    };
    compare(
        ItemKind::SecurityGroup,
        &groups(old),
        &groups(new),
        &mut out,
    );
    let acls = |d: &Design| -> BTreeMap<String, Value> {
        d.network_acls
            .iter()
            .map(|a| (a.id.clone(), serde_json::to_value(a).unwrap_or(Value::Null)))
            .collect()
    };
    compare(ItemKind::NetworkAcl, &acls(old), &acls(new), &mut out);
    let cluster = |d: &Design| serde_json::to_value(&d.cluster).unwrap_or(Value::Null);
    let (a, b) = (cluster(old), cluster(new));
    if a != b {
        out.push(ItemChange {
            item: ItemKind::Cluster,
            id: new.cluster.name.clone(),
            change: ChangeKind::Changed,
            fields: fields("", &a, &b),
        });
    }
    out
}

fn compare(
    item: ItemKind,
    old: &BTreeMap<String, Value>,
    new: &BTreeMap<String, Value>,
    out: &mut Vec<ItemChange>,
) {
    let ids: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for id in ids {
        let (change, fields) = match (old.get(id), new.get(id)) {
            (Some(_), None) => (ChangeKind::Removed, Vec::new()),
            (None, Some(_)) => (ChangeKind::Added, Vec::new()),
            (Some(a), Some(b)) if a != b => (ChangeKind::Changed, self::fields("", a, b)),
            _ => continue,
        };
        out.push(ItemChange {
            item,
            id: id.clone(),
            change,
            fields,
        });
    }
}

/// The fields that differ under `path`: objects field by field (an enum's variant layer,
/// `{"subnet": {...}}`, is looked through), lists entry by entry.
fn fields(path: &str, a: &Value, b: &Value) -> Vec<FieldChange> {
    if a == b {
        return Vec::new();
    }
    let join = |k: &str| {
        if path.is_empty() {
            k.to_owned()
        } else {
            format!("{path}.{k}")
        }
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            // One-key objects with the same key are an enum's variant: look through.
            if x.len() == 1
                && y.len() == 1
                && x.keys().eq(y.keys())
                && path.ends_with("kind")
                && let (Some((k, va)), inner) = (x.iter().next(), path.trim_end_matches("kind"))
            {
                return fields(inner.trim_end_matches('.'), va, &y[k]);
            }
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter()
                .flat_map(|k| {
                    fields(
                        &join(k),
                        x.get(k).unwrap_or(&Value::Null),
                        y.get(k).unwrap_or(&Value::Null),
                    )
                })
                .collect()
        }
        (Value::Array(x), Value::Array(y)) => list(path, x, y),
        _ => vec![FieldChange {
            field: path.to_owned(),
            before: text(a),
            after: text(b),
        }],
    }
}

/// A list's entries: routes by destination (the target changes), other entries added and
/// removed.
fn list(path: &str, a: &[Value], b: &[Value]) -> Vec<FieldChange> {
    let is_route = |v: &Value| v.get("destination").is_some() && v.get("target").is_some();
    if a.iter().chain(b).all(is_route) {
        let map = |l: &[Value]| -> BTreeMap<String, String> {
            l.iter()
                .map(|r| (text(&r["destination"]), text(&r["target"])))
                .collect()
        };
        let (x, y) = (map(a), map(b));
        let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
        return keys
            .into_iter()
            .filter(|k| x.get(*k) != y.get(*k))
            .map(|k| FieldChange {
                field: format!("route {k}"),
                before: x.get(k).cloned().unwrap_or_else(|| "none".to_owned()),
                after: y.get(k).cloned().unwrap_or_else(|| "removed".to_owned()),
            })
            .collect();
    }
    let field = path.rsplit('.').next().unwrap_or(path).replace('_', " ");
    let mut out = Vec::new();
    for v in a.iter().filter(|v| !b.contains(v)) {
        out.push(FieldChange {
            field: field.clone(),
            before: text(v),
            after: "removed".to_owned(),
        });
    }
    for v in b.iter().filter(|v| !a.contains(v)) {
        out.push(FieldChange {
            field: field.clone(),
            before: "none".to_owned(),
            after: text(v),
        });
    }
    out
}

/// A value as a reviewer reads it: strings bare, lists and objects compact.
fn text(v: &Value) -> String {
    match v {
        Value::Null => "none".to_owned(),
        Value::String(s) if s.is_empty() => "\"\"".to_owned(),
        Value::String(s) => s.clone(),
        Value::Array(l) => l.iter().map(text).collect::<Vec<_>>().join(", "),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{k} {}", text(v)))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// Every string a value holds (the ids a component refers to).
pub(super) fn strings_in(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(l) => l.iter().for_each(|x| strings_in(x, out)),
        Value::Object(m) => m.values().for_each(|x| strings_in(x, out)),
        _ => {}
    }
}
