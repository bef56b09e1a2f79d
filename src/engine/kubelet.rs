//! API server → kubelet (domain.md §2.3 item 6): from the control plane through an
//! EKS-owned ENI to the node, on 10250 and the node's webhook ports.

use super::codes::Code;
use super::dns::answer_ips;
use super::path::{api_server, eni_ip, pick_eni, sg_count, sg_list, source_checks};
use super::security::{Iface, acl_enter, ingress_rule};
use super::{Block, Ctx, Exposure, Finding, Level, Place, Trace, ip};
use crate::i18n::Msg;
use crate::model::{Component, ComponentKind, net};
use crate::msg;

/// API server → kubelet: through an EKS-owned ENI to the node (domain.md §2.3 item 6).
pub(super) fn api_to_kubelet(
    ctx: &Ctx<'_>,
    node: &Component,
    port: u16,
    trace: &mut Trace,
) -> Result<(Exposure, Msg), Block> {
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
        let reason = if hybrid {
            msg!("reason-node-outside-vpc-hybrid", node = &node.id)
        } else {
            msg!("reason-node-outside-vpc", node = &node.id)
        };
        return Err(
            Block::new(Code::NodeOutsideClusterVpc, Some(&node.id), reason).fixed(
                ctx.cluster_vpc.map_or_else(
                    || msg!("fix-move-node-into-cluster-vpc", node = &node.id),
                    |v| msg!("fix-move-node-into-vpc", node = &node.id, vpc = &v.id),
                ),
                None,
            ),
        );
    }
    let Some(eni) = pick_eni(ctx, place) else {
        return Err(
            Block::new(Code::NoEksEni, Some(&api.id), msg!("reason-no-eks-eni"))
                .fixed(super::path::no_eni_fix(ctx), None),
        );
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
                let target = managed.map_or_else(|| msg!("part-node-sg"), Msg::verbatim);
                let (code, what) = if port == 10250 {
                    (
                        Code::NodeSgNo10250Ingress,
                        msg!("part-kubectl-logs-time-out"),
                    )
                } else {
                    (Code::NodeSgNoWebhookIngress, msg!("part-webhooks-time-out"))
                };
                let groups_msg = sg_list(&groups, false);
                let count = sg_count(&groups);
                let mut b = Block::new(
                    code,
                    Some(&node.id),
                    msg!(
                        "reason-node-sg-blocks",
                        groups = groups_msg,
                        count = count,
                        port = port,
                        sg = cluster_sg,
                        effect = what
                    ),
                );
                b.fix = Some(msg!(
                    "fix-allow-tcp-from-sg",
                    port = port,
                    sg = cluster_sg,
                    target = target
                ));
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
        msg!("part-kubelet-on", node = &node.id)
    } else {
        msg!("part-webhook-port-of", port = port, node = &node.id)
    };
    trace.step(
        Some(api),
        msg!(
            "step-api-dials-through-eni",
            api = &api.id,
            what = what.clone(),
            ip = node_ip.as_str(),
            port = port,
            eni = &eni.id
        ),
    );
    let eni_subnet = ctx
        .ix
        .parent(eni)
        .map_or_else(|| msg!("part-its-subnet"), |s| Msg::verbatim(&s.id));
    trace.step(
        Some(eni),
        msg!(
            "step-eni-local-route-delivers",
            subnet = eni_subnet,
            node = &node.id
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
        trace.warn(
            Finding::new(
                Level::Warning,
                Code::CidrNotYetReconciled,
                Some(&node.id),
                msg!("warn-cidr-not-reconciled", cidr = young, node = &node.id),
            )
            .with_fix(msg!(
                "fix-wait-cidr-reconciled",
                cidr = young,
                node = &node.id
            )),
        );
    }
    trace.hop(node);
    let _ = answer_ips;
    Ok((
        Exposure::None,
        msg!(
            "reason-api-reaches-through-eni",
            api = &api.id,
            what = what,
            eni = &eni.id
        ),
    ))
}
