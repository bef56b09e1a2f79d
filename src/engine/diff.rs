//! What a change does to the paths (`eksplain diff`): both designs are analysed, flows are
//! matched by kind, source, target and port, and each flow whose verdict, exposure, DNS
//! answer or hops changed is listed with its cause — the items that changed on or next to
//! its path. Then every item that changed. The JSON of [`Diff`] is a stable contract
//! (docs/diff.md).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::diff_design::{ChangeKind, ItemChange, ItemKind, design_changes, strings_in};
use super::{Exposure, FlowResult, analyze};
use crate::model::{Design, EndpointMode};

/// One side of a changed flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FlowSide {
    /// Reachable or blocked.
    pub reachable: bool,
    /// `none`, `aws_public` or `internet`.
    pub exposure: Option<Exposure>,
    /// Where DNS answered from.
    pub dns: Option<String>,
    /// What it answered.
    pub dns_answer: Option<String>,
    /// The hops, by component id.
    pub hops: Vec<String>,
    /// The code of a blocked flow.
    pub code: Option<String>,
    /// Why it is blocked, or how it gets through.
    pub reason: crate::i18n::Msg,
}

impl FlowSide {
    fn of(f: &FlowResult) -> Self {
        let name = |v: Option<serde_json::Value>| v.and_then(|v| v.as_str().map(str::to_owned));
        FlowSide {
            reachable: f.reachable,
            exposure: f.exposure,
            dns: name(f.dns.map(|d| serde_json::Value::from(d.json_name()))),
            dns_answer: name(f.dns_answer.and_then(|a| serde_json::to_value(a).ok())),
            hops: f.hops.iter().map(|h| h.id.to_string()).collect(),
            code: f.code.map(|c| c.as_str().to_owned()),
            reason: f.reason.clone(),
        }
    }
}

/// What changed about one flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// Reachable ↔ blocked.
    Verdict,
    /// Exposure class.
    Exposure,
    /// DNS source or answer.
    Dns,
    /// The hops.
    Path,
}

/// One flow that differs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FlowDiff {
    /// `kubectl_to_api`, `api_to_kubelet`, `kubelet_to_api`.
    pub flow: &'static str,
    /// Source component id.
    pub source: String,
    /// Target component id.
    pub target: String,
    /// The port dialled.
    pub port: u16,
    /// Added (only in the new design), removed or changed.
    pub change: ChangeKind,
    /// For a change, what changed.
    pub aspects: Vec<Aspect>,
    /// The flow in the old design.
    pub before: Option<FlowSide>,
    /// The flow in the new design.
    pub after: Option<FlowSide>,
    /// True when the flow became blocked or more exposed (or is new and blocked).
    pub regression: bool,
    /// The changed items on or next to the flow's path, as `kind id` (`component subnet-a`).
    pub causes: Vec<String>,
}

/// The difference between two designs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The old design's endpoint mode, as analysed.
    pub mode_old: Option<EndpointMode>,
    /// The new design's endpoint mode, as analysed.
    pub mode_new: Option<EndpointMode>,
    /// Flows that differ, in the new design's order (removed ones last).
    pub flows: Vec<FlowDiff>,
    /// Items that differ.
    pub changes: Vec<ItemChange>,
}

impl Diff {
    /// True when some flow became blocked or more exposed.
    pub fn has_regression(&self) -> bool {
        self.flows.iter().any(|f| f.regression)
    }
}

fn rank(e: Option<Exposure>) -> u8 {
    match e {
        None | Some(Exposure::None) => 0,
        Some(Exposure::AwsPublic) => 1,
        Some(Exposure::Internet) => 2,
    }
}

type Key = (&'static str, String, String, u16);

fn key(f: &FlowResult) -> Key {
    (
        f.flow.json_name(),
        f.source.to_string(),
        f.target.to_string(),
        f.port,
    )
}

/// Compares two designs, each analysed in its own mode or the one given.
pub fn diff(
    old: &Design,
    new: &Design,
    mode_old: Option<EndpointMode>,
    mode_new: Option<EndpointMode>,
) -> Diff {
    let a = analyze(old, mode_old);
    let b = analyze(new, mode_new);
    let changes = design_changes(old, new);
    let before: BTreeMap<Key, &FlowResult> = a.flows.iter().map(|f| (key(f), f)).collect();
    let after_keys: BTreeSet<Key> = b.flows.iter().map(key).collect();
    let mut flows = Vec::new();
    for f in &b.flows {
        let k = key(f);
        let after = FlowSide::of(f);
        let Some(old_f) = before.get(&k) else {
            flows.push(FlowDiff {
                flow: k.0,
                source: k.1,
                target: k.2,
                port: k.3,
                change: ChangeKind::Added,
                aspects: Vec::new(),
                before: None,
                regression: !after.reachable,
                causes: causes(&changes, old, new, &[], &after.hops, false),
                after: Some(after),
            });
            continue;
        };
        let was = FlowSide::of(old_f);
        let mut aspects = Vec::new();
        if was.reachable != after.reachable {
            aspects.push(Aspect::Verdict);
        }
        if was.exposure != after.exposure {
            aspects.push(Aspect::Exposure);
        }
        if was.dns != after.dns || was.dns_answer != after.dns_answer {
            aspects.push(Aspect::Dns);
        }
        if was.hops != after.hops {
            aspects.push(Aspect::Path);
        }
        if aspects.is_empty() {
            continue;
        }
        // A flow that was blocked and now gets through is a fix, whatever its exposure.
        let regression =
            was.reachable && (!after.reachable || rank(after.exposure) > rank(was.exposure));
        let dns = aspects.contains(&Aspect::Dns);
        flows.push(FlowDiff {
            flow: k.0,
            source: k.1,
            target: k.2,
            port: k.3,
            change: ChangeKind::Changed,
            aspects,
            regression,
            causes: causes(&changes, old, new, &was.hops, &after.hops, dns),
            before: Some(was),
            after: Some(after),
        });
    }
    for (k, f) in &before {
        if after_keys.contains(k) {
            continue;
        }
        let was = FlowSide::of(f);
        flows.push(FlowDiff {
            flow: k.0,
            source: k.1.clone(),
            target: k.2.clone(),
            port: k.3,
            change: ChangeKind::Removed,
            aspects: Vec::new(),
            regression: false,
            causes: causes(&changes, old, new, &was.hops, &[], false),
            before: Some(was),
            after: None,
        });
    }
    Diff {
        mode_old: a.mode,
        mode_new: b.mode,
        flows,
        changes,
    }
}

/// The changed items a flow's path touches: its hop components, what they refer to (their
/// subnets' routes and ACLs, their security groups), and the cluster's settings; for a DNS
/// change, the private hosted zones too.
fn causes(
    changes: &[ItemChange],
    old: &Design,
    new: &Design,
    was: &[String],
    now: &[String],
    dns: bool,
) -> Vec<String> {
    let mut near: BTreeSet<String> = was.iter().chain(now).cloned().collect();
    if dns {
        for d in [old, new] {
            near.extend(d.of_kind(crate::model::KindName::Phz).map(|c| c.id.clone()));
        }
    }
    for d in [old, new] {
        for id in was.iter().chain(now) {
            // The hop, and the subnet it sits in (its routes and ACL).
            let hop = d.component(id);
            let parent = hop
                .and_then(|c| c.parent.as_deref())
                .and_then(|p| d.component(p));
            for c in hop.into_iter().chain(parent) {
                near.insert(c.id.clone());
                strings_in(
                    &serde_json::to_value(&c.kind).unwrap_or_default(),
                    &mut near,
                );
            }
        }
        let mut refs = BTreeSet::new();
        strings_in(
            &serde_json::to_value(&d.cluster).unwrap_or_default(),
            &mut refs,
        );
        near.extend(refs);
    }
    changes
        .iter()
        .filter(|c| match c.item {
            ItemKind::Cluster => true,
            ItemKind::Connection => c.id.split(" → ").any(|end| near.contains(end)),
            _ => near.contains(&c.id),
        })
        .map(|c| format!("{} {}", c.item.words(), c.id))
        .collect()
}
