//! API server → kubelet (domain.md §2.3 item 6): from the control plane through an
//! EKS-owned ENI to the node, on 10250 and the node's webhook ports.

use super::codes::Code;
use super::dns::answer_ips;
use super::path::{api_server, eni_ip, pick_eni, source_checks};
use super::security::{Iface, acl_enter, ingress_rule};
use super::{Block, Ctx, Exposure, Finding, Level, Place, Trace, ip};
use crate::model::{Component, ComponentKind, net};

/// API server → kubelet: through an EKS-owned ENI to the node (domain.md §2.3 item 6).
pub(super) fn api_to_kubelet(
    ctx: &Ctx<'_>,
    node: &Component,
    port: u16,
    trace: &mut Trace,
) -> Result<(Exposure, String), Block> {
    let api = api_server(ctx)?;
    trace.hop(api);
    let place = ctx.place(node);
    let node_ip = match &node.kind {
        ComponentKind::Node(n) => n.private_ip.clone(),
        _ => String::new(),
    };
    let in_cluster_vpc =
        matches!(place, Place::Vpc { vpc, .. } if ctx.cluster_vpc.is_some_and(|c| c.id == vpc.id));
    if !in_cluster_vpc {
        let hybrid = matches!(&node.kind, ComponentKind::Node(n) if n.hybrid);
        let extra = if hybrid {
            " (hybrid nodes need remote node networks, which eksplain does not model)"
        } else {
            ""
        };
        return Err(Block::new(
            Code::NodeOutsideClusterVpc,
            Some(&node.id),
            format!(
                "Node {} is not in the cluster VPC; the EKS-owned ENIs can't reach it{extra}",
                node.id
            ),
        )
        .fixed(
            format!(
                "move node {} into a subnet of the cluster VPC{}",
                node.id,
                ctx.cluster_vpc
                    .map_or_else(String::new, |v| format!(" {}", v.id))
            ),
            None,
        ));
    }
    let Some(eni) = pick_eni(ctx, place) else {
        return Err(Block::new(
            Code::NoEksEni,
            Some(&api.id),
            "The API server reaches nodes through EKS-owned ENIs, but the design has none"
                .to_owned(),
        )
        .fixed(super::path::no_eni_fix(ctx), None));
    };
    trace.hop(eni);
    let node_iface = Iface {
        ip: ip(Some(&node_ip)),
        sgs: ctx.sgs_of(node),
    };
    let eni_iface = Iface {
        ip: eni_ip(eni),
        sgs: Some(ctx.eni_sgs()),
    };
    let node_subnet = match place {
        Place::Vpc { subnet, .. } => Some(subnet),
        _ => None,
    };
    let eni_subnet_c = ctx.ix.parent(eni);
    {
        if let Some(es) = eni_subnet_c {
            source_checks(
                ctx,
                eni,
                &eni_iface,
                &node_iface,
                es,
                node_subnet,
                port,
                trace,
            )?;
        }
        trace.hop(node);
        if let Some(ns) = node_subnet
            && eni_subnet_c.is_none_or(|e| e.id != ns.id)
        {
            for rule in acl_enter(ctx, ns, eni_iface.ip, port)? {
                trace.rule(&node.id, rule);
            }
        }
        match ingress_rule(ctx, &node_iface, &eni_iface, port) {
            Ok(rule) => trace.rule(&node.id, rule),
            Err(groups) => {
                let cluster_sg = ctx.eni_sgs().first().copied().unwrap_or("cluster-sg");
                let managed = node_iface
                    .sgs
                    .as_deref()
                    .and_then(|v| super::security::managed_group(ctx, v));
                let target = managed.unwrap_or("the node security group");
                let (phrase, verb) = (
                    super::security::groups_phrase(&groups),
                    if groups.contains(", ") {
                        "block"
                    } else {
                        "blocks"
                    },
                );
                let (code, what) = if port == 10250 {
                    (
                        Code::NodeSgNo10250Ingress,
                        "kubectl logs, exec and port-forward will time out",
                    )
                } else {
                    (
                        Code::NodeSgNoWebhookIngress,
                        "admission webhook calls will time out",
                    )
                };
                let mut b = Block::new(
                    code,
                    Some(&node.id),
                    format!(
                        "Node {phrase} {verb} TCP {port} from the control plane (sg {cluster_sg}); {what}"
                    ),
                );
                b.fix = Some(format!("allow TCP {port} from sg {cluster_sg} in {target}").into());
                b.edit = managed.map(|g| {
                    Box::new(super::FixEdit::AddSgRule {
                        group: g.to_owned(),
                        direction: super::fix::Direction::Ingress,
                        port,
                        peer: cluster_sg.to_owned(),
                        peer_is_group: true,
                    })
                });
                return Err(b);
            }
        }
    }
    let what = if port == super::KUBELET_PORT {
        format!("kubelet on {}", node.id)
    } else {
        format!("port {port} of {} (a webhook)", node.id)
    };
    trace.step(
        Some(api),
        format!(
            "API server {} dials {what} ({node_ip}:{port}) through EKS-owned ENI {} in the customer VPC.",
            api.id, eni.id
        ),
    );
    let eni_subnet = ctx.ix.parent(eni).map_or("its subnet", |s| s.id.as_str());
    trace.step(
        Some(eni),
        format!(
            "The local route of {eni_subnet} delivers the connection to {} inside the VPC; no NAT or internet gateway is involved.",
            node.id
        ),
    );
    // A node address from a recently associated CIDR may not be reconciled yet.
    if let (Some(vpc), Some(addr)) = (ctx.cluster_vpc, ip(Some(&node_ip)))
        && let ComponentKind::Vpc(v) = &vpc.kind
        && let Some(young) = v
            .recent_cidr_blocks
            .iter()
            .find(|b| net::parse_cidr_v4(b).is_ok_and(|n| n.contains(&addr)))
    {
        trace.warn(Finding::new(
            Level::Warning,
            Code::CidrNotYetReconciled,
            Some(&node.id),
            format!(
                "VPC CIDR {young} was associated less than about an hour ago; kubectl logs, exec and port-forward to {} may fail until EKS reconciles it",
                node.id
            ),
        ).with_fix(format!(
            "wait about an hour after associating {young}, or run {} in a subnet of an older VPC CIDR",
            node.id
        )));
    }
    trace.hop(node);
    let _ = answer_ips;
    Ok((
        Exposure::None,
        format!(
            "API server {} reaches {what} through EKS-owned ENI {}; the traffic stays in the VPC",
            api.id, eni.id
        ),
    ))
}
