//! Equivalent flows drawn as one: the same kind, the same hops up to the node itself, the
//! same verdict, and nodes in the same subnet ("kubelet × 12").

use std::collections::HashMap;

use crate::engine::{Code, Exposure, FlowKind, FlowResult};
use crate::model::DesignIndex;

/// From this many equivalent flows on, they are drawn as one bundle.
pub const BUNDLE_FROM: usize = 3;

/// One drawn flow, or several equivalent ones drawn as one.
#[derive(Clone, Debug)]
pub struct Bundle<'a> {
    /// The flows, in the order they came; never empty.
    pub flows: Vec<&'a FlowResult>,
}

impl<'a> Bundle<'a> {
    /// The first flow, which stands for the others.
    pub fn lead(&self) -> Option<&'a FlowResult> {
        self.flows.first().copied()
    }

    /// True when several flows are drawn as one.
    pub fn is_bundle(&self) -> bool {
        self.flows.len() > 1
    }

    /// The component that names each flow in docs and tests: the source, or for API server
    /// → kubelet the node.
    pub fn ends(&self) -> Vec<&'a str> {
        self.flows.iter().map(|f| flow_end(f)).collect()
    }

    /// How the bundle is named on the canvas: "kubelet × 12".
    pub fn label(&self) -> String {
        format!("kubelet × {}", self.flows.len())
    }

    /// `data-flow` of the bundle: kind, then its ends, comma-separated, then the port when
    /// it is a webhook port (`api_to_kubelet:node-a:9443`).
    pub fn data_flow(&self) -> String {
        let kind = self.lead().map_or("", |f| f.flow.json_name());
        let port = self
            .lead()
            .filter(|f| f.flow == FlowKind::ApiToKubelet && f.port != crate::engine::KUBELET_PORT)
            .map_or_else(String::new, |f| format!(":{}", f.port));
        format!("{kind}:{}{port}", self.ends().join(","))
    }
}

/// The component that names a flow: its source, or for API server → kubelet its node.
pub fn flow_end(f: &FlowResult) -> &str {
    match f.flow {
        FlowKind::ApiToKubelet => &f.target,
        _ => &f.source,
    }
}

/// The node a flow starts or ends at, when it is a node flow: (node, index of its hop).
fn node_hop(f: &FlowResult) -> Option<(&str, usize)> {
    match f.flow {
        FlowKind::KubeletToApi => f
            .hops
            .first()
            .filter(|h| h.id == f.source)
            .map(|h| (h.id.as_str(), 0)),
        FlowKind::ApiToKubelet => {
            let last = f.hops.len().checked_sub(1)?;
            f.hops
                .last()
                .filter(|h| h.id == f.target)
                .map(|h| (h.id.as_str(), last))
        }
        FlowKind::KubectlToApi => None,
    }
}

/// What makes two node flows equivalent.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key<'a> {
    kind: FlowKind,
    port: u16,
    parent: Option<&'a str>,
    hops: Vec<&'a str>,
    reachable: bool,
    exposure: Option<Exposure>,
    code: Option<Code>,
    /// Where it is blocked, unless at its own node.
    blocked_at: Option<&'a str>,
}

/// The flows in bundles: equivalent node flows in the same subnet, `BUNDLE_FROM` or more,
/// become one; every other flow is a bundle of one. The order of first appearance stays.
pub fn bundles<'a>(index: &DesignIndex<'a>, flows: &[&'a FlowResult]) -> Vec<Bundle<'a>> {
    groups(index, flows)
        .into_iter()
        .map(|g| Bundle {
            flows: g.iter().filter_map(|&i| flows.get(i).copied()).collect(),
        })
        .collect()
}

/// [`bundles`] as indices into `flows`: what a later drawing of the same flows reuses.
pub fn groups(index: &DesignIndex<'_>, flows: &[&FlowResult]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<Key<'_>, usize> = HashMap::new();
    for (n, f) in flows.iter().enumerate() {
        let Some((node, at)) = node_hop(f) else {
            groups.push(vec![n]);
            continue;
        };
        let key = Key {
            kind: f.flow,
            port: f.port,
            parent: index.get(node).and_then(|c| c.parent.as_deref()),
            hops: f
                .hops
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != at)
                .map(|(_, h)| h.id.as_str())
                .collect(),
            reachable: f.reachable,
            exposure: f.exposure,
            code: f.code,
            blocked_at: f.blocked_at.as_deref().filter(|b| *b != node),
        };
        if let Some(&g) = by_key.get(&key)
            && let Some(group) = groups.get_mut(g)
        {
            group.push(n);
        } else {
            by_key.insert(key, groups.len());
            groups.push(vec![n]);
        }
    }
    // Too few to bundle: each drawn on its own, where the group was.
    groups
        .into_iter()
        .flat_map(|g| {
            if g.len() >= BUNDLE_FROM {
                vec![g]
            } else {
                g.into_iter().map(|f| vec![f]).collect()
            }
        })
        .collect()
}
