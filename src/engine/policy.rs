//! Team policies: rules a team sets once (`policy.ron`) and every design is held to, on
//! top of what the engine says works. `eksplain check --policy` fails on a violation; the
//! app lists violations among the findings.

use serde::{Deserialize, Serialize};

use super::{Analysis, Code, Exposure, FlowKind, FlowResult};
use crate::i18n::Msg;
use crate::model::{ComponentKind, Design, net};
use crate::msg;

/// A policy file: a name for reports and its rules.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Shown in reports ("platform baseline").
    #[serde(default)]
    pub name: String,
    /// The rules, each checked on every design.
    pub rules: Vec<Rule>,
}

/// One rule of a policy, spelled in RON as its snake-case name.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// No kubelet → API flow may cross public IPs (NAT, IGW, the public NLB).
    NoKubeletOverPublicIps,
    /// kubectl reaches the API only from these ranges: the public access CIDRs must lie
    /// inside them, and no client outside them gets through.
    KubectlOnlyFrom(Vec<String>),
    /// The public access CIDRs must not contain 0.0.0.0/0 (when public access is on).
    NoOpenPublicAccess,
    /// Private access must be on.
    PrivateAccessOn,
    /// Every node reaches the API server, and the API server reaches every kubelet.
    EveryNodeReachesApi,
    /// No node has a public IP (written or auto-assigned by its subnet).
    NoNodePublicIp,
}

impl Rule {
    /// The name as written in policy files and reports.
    pub const fn id(&self) -> &'static str {
        match self {
            Rule::NoKubeletOverPublicIps => "no_kubelet_over_public_ips",
            Rule::KubectlOnlyFrom(_) => "kubectl_only_from",
            Rule::NoOpenPublicAccess => "no_open_public_access",
            Rule::PrivateAccessOn => "private_access_on",
            Rule::EveryNodeReachesApi => "every_node_reaches_api",
            Rule::NoNodePublicIp => "no_node_public_ip",
        }
    }

    /// What the rule asks, in a few words.
    pub const fn summary(&self) -> &'static str {
        match self {
            Rule::NoKubeletOverPublicIps => "no kubelet flow crosses public IPs",
            Rule::KubectlOnlyFrom(_) => "kubectl only from the allowed ranges",
            Rule::NoOpenPublicAccess => "the public endpoint is not open to 0.0.0.0/0",
            Rule::PrivateAccessOn => "private access is on",
            Rule::EveryNodeReachesApi => "every node and the API server reach each other",
            Rule::NoNodePublicIp => "no node has a public IP",
        }
    }
}

/// A flow named by what matches it across designs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FlowRef {
    /// `kubectl_to_api`, `api_to_kubelet`, `kubelet_to_api`.
    pub flow: &'static str,
    /// Source component id.
    pub source: String,
    /// Target component id.
    pub target: String,
    /// The port dialled.
    pub port: u16,
}

impl FlowRef {
    fn of(f: &FlowResult) -> Self {
        FlowRef {
            flow: f.flow.json_name(),
            source: f.source.to_string(),
            target: f.target.to_string(),
            port: f.port,
        }
    }
}

/// One way a design breaks a rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The rule's id (`no_kubelet_over_public_ips`).
    pub rule: &'static str,
    /// The component concerned (for a flow, where it goes wrong), or none for the cluster.
    pub component: Option<String>,
    /// The flow concerned, if the rule is about flows.
    pub flow: Option<FlowRef>,
    /// One sentence: what breaks the rule (English in JSON).
    pub message: Msg,
    /// What to change.
    pub fix: Msg,
}

/// Every violation of `policy` by `design` as `analysis` found it, rule by rule.
pub fn evaluate(policy: &Policy, design: &Design, analysis: &Analysis) -> Vec<Violation> {
    let mut out = Vec::new();
    for rule in &policy.rules {
        match rule {
            Rule::NoKubeletOverPublicIps => kubelet_over_public(design, analysis, &mut out),
            Rule::KubectlOnlyFrom(allowed) => {
                kubectl_only_from(allowed, design, analysis, &mut out);
            }
            Rule::NoOpenPublicAccess => open_public_access(design, &mut out),
            Rule::PrivateAccessOn => {
                if !design.cluster.endpoint_private_access {
                    out.push(Violation {
                        rule: rule.id(),
                        component: None,
                        flow: None,
                        message: msg!("pol-private-access-off", cluster = cluster_name(design)),
                        fix: msg!("edit-turn-on-private"),
                    });
                }
            }
            Rule::EveryNodeReachesApi => nodes_reach_api(analysis, &mut out),
            Rule::NoNodePublicIp => node_public_ips(design, &mut out),
        }
    }
    out
}

fn cluster_name(design: &Design) -> Msg {
    if design.cluster.name.is_empty() {
        msg!("pol-unnamed")
    } else {
        Msg::verbatim(&design.cluster.name)
    }
}

/// The first hop of a flow that is on public addresses (the NAT or IGW it leaves by).
fn public_hop(f: &FlowResult, design: &Design) -> Option<String> {
    f.hops
        .iter()
        .find(|h| {
            design.component(&h.id).is_some_and(|c| {
                matches!(
                    c.kind,
                    ComponentKind::Nat(_) | ComponentKind::Igw | ComponentKind::Nlb(_)
                )
            })
        })
        .map(|h| h.id.to_string())
}

fn kubelet_over_public(design: &Design, analysis: &Analysis, out: &mut Vec<Violation>) {
    for f in analysis
        .flows
        .iter()
        .filter(|f| f.flow == FlowKind::KubeletToApi && f.exposed())
    {
        let via = public_hop(f, design);
        let fix = if design.cluster.endpoint_private_access {
            msg!("pol-fix-use-vpc-resolver", node = &f.source)
        } else {
            msg!("pol-fix-kubelet-private")
        };
        let message = match &via {
            Some(v) => msg!("pol-kubelet-public-via", node = &f.source, via = v),
            None => msg!("pol-kubelet-public", node = &f.source),
        };
        out.push(Violation {
            rule: Rule::NoKubeletOverPublicIps.id(),
            component: via.or_else(|| Some(f.source.to_string())),
            flow: Some(FlowRef::of(f)),
            message,
            fix,
        });
    }
}

fn inside_any(cidr: &str, allowed: &[ipnet::IpNet]) -> bool {
    net::parse_cidr_any(cidr).is_ok_and(|n| allowed.iter().any(|a| a.contains(&n)))
}

fn kubectl_only_from(
    allowed_text: &[String],
    design: &Design,
    analysis: &Analysis,
    out: &mut Vec<Violation>,
) {
    let rule = "kubectl_only_from";
    let mut allowed = Vec::new();
    for a in allowed_text {
        match net::parse_cidr_any(a) {
            Ok(n) => allowed.push(n),
            Err(e) => out.push(Violation {
                rule,
                component: None,
                flow: None,
                message: msg!("pol-range-not-cidr", range = a, error = e.clone()),
                fix: msg!("pol-fix-range-not-cidr", range = a),
            }),
        }
    }
    let c = &design.cluster;
    if c.endpoint_public_access {
        for cidr in &c.public_access_cidrs {
            if !inside_any(cidr, &allowed) {
                out.push(Violation {
                    rule,
                    component: None,
                    flow: None,
                    message: msg!(
                        "pol-cidr-outside",
                        cidr = cidr,
                        allowed = allowed_text.join(", ")
                    ),
                    fix: msg!("pol-fix-remove-cidr", cidr = cidr),
                });
            }
        }
    }
    for f in analysis
        .flows
        .iter()
        .filter(|f| f.flow == FlowKind::KubectlToApi && f.reachable)
    {
        let Some(ComponentKind::Client(client)) = design.component(&f.source).map(|x| &x.kind)
        else {
            continue;
        };
        // The address the API sees: the public one on the public endpoint, else the private.
        let seen = if f.exposure == Some(Exposure::None) {
            client.private_ip.as_deref()
        } else {
            client.public_ip.as_deref()
        };
        let Some(ip) = seen else { continue };
        if !inside_any(&format!("{ip}/32"), &allowed) {
            out.push(Violation {
                rule,
                component: Some(f.source.to_string()),
                flow: Some(FlowRef::of(f)),
                message: msg!("pol-kubectl-outside", src = &f.source, ip = ip),
                fix: msg!("pol-fix-kubectl-outside", ip = ip),
            });
        }
    }
}

fn open_public_access(design: &Design, out: &mut Vec<Violation>) {
    let c = &design.cluster;
    if !c.endpoint_public_access {
        return;
    }
    for cidr in c
        .public_access_cidrs
        .iter()
        .filter(|x| net::parse_cidr_any(x).is_ok_and(|n| n.prefix_len() == 0))
    {
        out.push(Violation {
            rule: Rule::NoOpenPublicAccess.id(),
            component: None,
            flow: None,
            message: msg!(
                "pol-open-public",
                cluster = cluster_name(design),
                cidr = cidr
            ),
            fix: msg!("pol-fix-open-public", cidr = cidr),
        });
    }
}

fn nodes_reach_api(analysis: &Analysis, out: &mut Vec<Violation>) {
    for f in analysis.flows.iter().filter(|f| {
        !f.reachable && matches!(f.flow, FlowKind::KubeletToApi | FlowKind::ApiToKubelet)
    }) {
        let code = f.code.map_or("", Code::as_str);
        let message = match f.flow {
            FlowKind::KubeletToApi => msg!("pol-kubelet-blocked", node = &f.source, code = code),
            _ => msg!(
                "pol-api-blocked",
                node = &f.target,
                port = f.port.to_string(),
                code = code
            ),
        };
        out.push(Violation {
            rule: Rule::EveryNodeReachesApi.id(),
            component: f.blocked_at.clone().or_else(|| Some(f.source.to_string())),
            flow: Some(FlowRef::of(f)),
            message,
            fix: f
                .fix
                .clone()
                .unwrap_or_else(|| msg!("pol-fix-see-reason", reason = f.reason.clone())),
        });
    }
}

fn node_public_ips(design: &Design, out: &mut Vec<Violation>) {
    for c in &design.components {
        let ComponentKind::Node(node) = &c.kind else {
            continue;
        };
        let subnet = c.parent.as_deref().and_then(|p| design.component(p));
        let auto = subnet.is_some_and(
            |s| matches!(&s.kind, ComponentKind::Subnet(x) if x.map_public_ip_on_launch),
        ) && !node.no_public_ip;
        let (message, fix) = match (&node.public_ip, auto) {
            (Some(ip), _) => (
                msg!("pol-node-public-ip", node = &c.id, ip = ip),
                msg!("pol-fix-remove-public-ip", node = &c.id),
            ),
            (None, true) => (
                msg!(
                    "pol-node-auto-ip",
                    node = &c.id,
                    subnet = subnet.map_or("", |s| s.id.as_str())
                ),
                msg!(
                    "pol-fix-auto-ip",
                    subnet =
                        subnet.map_or_else(|| msg!("part-its-subnet"), |s| Msg::verbatim(&s.id)),
                    node = &c.id
                ),
            ),
            (None, false) => continue,
        };
        out.push(Violation {
            rule: Rule::NoNodePublicIp.id(),
            component: Some(c.id.clone()),
            flow: None,
            message,
            fix,
        });
    }
}
