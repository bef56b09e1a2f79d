//! The networks a VPC connects to: transit gateways, VPN gateways and peering connections,
//! from the routes that use them and from their own listings when an input has them. Each
//! becomes a component beside the VPC, attached to it, so routes to it are kept; what lies
//! beyond it is not in any input, which the notes say.

use std::collections::BTreeMap;

use super::NoteKind;
use super::aws_shapes::{self as aws, name_tag};
use super::build::comp;
use super::bundle::{Bundle, Notes};
use crate::i18n::Msg;
use crate::model::{Component, ComponentKind, Connection, ConnectionKind};
use crate::msg;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Link {
    Tgw,
    Vpn,
    Peering,
}

impl Link {
    const fn kind(self) -> ComponentKind {
        match self {
            Link::Tgw => ComponentKind::Tgw,
            Link::Vpn => ComponentKind::Vpn,
            Link::Peering => ComponentKind::Peering,
        }
    }

    fn name(self) -> Msg {
        Msg::new(match self {
            Link::Tgw => "imp-link-tgw",
            Link::Vpn => "imp-link-vpn",
            Link::Peering => "imp-link-peering",
        })
    }
}

/// The connected components and their attachments to the VPC.
pub(super) fn connected(
    b: &Bundle,
    vpc_id: &str,
    notes: &mut Notes,
) -> (Vec<Component>, Vec<Connection>) {
    let mut found: BTreeMap<String, (Link, Option<String>)> = BTreeMap::new();
    let is_vpn =
        |id: &str| id.starts_with("vgw-") || b.vpn_gateways.iter().any(|g| g.vpn_gateway_id == id);
    for t in b.route_tables.iter().filter(|t| t.vpc_id == vpc_id) {
        for r in &t.routes {
            if let Some(id) = &r.transit_gateway_id {
                found.entry(id.clone()).or_insert((Link::Tgw, None));
            }
            if let Some(id) = &r.vpc_peering_connection_id {
                found.entry(id.clone()).or_insert((Link::Peering, None));
            }
            if let Some(id) = r.gateway_id.as_deref().filter(|g| is_vpn(g)) {
                found.entry(id.to_owned()).or_insert((Link::Vpn, None));
            }
        }
    }
    for a in &b.tgw_attachments {
        let live = matches!(a.state.as_str(), "" | "available" | "pending" | "modifying");
        if live && a.resource_type == "vpc" && a.resource_id == vpc_id {
            found
                .entry(a.transit_gateway_id.clone())
                .or_insert((Link::Tgw, None))
                .1 = name_tag(&a.tags).map(str::to_owned);
        }
    }
    for g in &b.vpn_gateways {
        let attached = g
            .vpc_attachments
            .iter()
            .any(|a| a.vpc_id == vpc_id && a.state != "detached");
        if attached || found.contains_key(&g.vpn_gateway_id) {
            found
                .entry(g.vpn_gateway_id.clone())
                .or_insert((Link::Vpn, None))
                .1 = name_tag(&g.tags).map(str::to_owned);
        }
    }
    for p in &b.peerings {
        let live = p
            .status
            .as_ref()
            .is_none_or(|s| matches!(s.code.as_str(), "active" | "provisioning" | ""));
        let other = if p.requester_vpc_info.vpc_id == vpc_id {
            &p.accepter_vpc_info
        } else if p.accepter_vpc_info.vpc_id == vpc_id {
            &p.requester_vpc_info
        } else {
            continue;
        };
        if !live {
            notes.add(
                NoteKind::Dropped,
                msg!("imp-peering-inactive", id = &p.vpc_peering_connection_id),
            );
            found.remove(&p.vpc_peering_connection_id);
            continue;
        }
        let label = name_tag(&p.tags).map_or_else(
            || match &other.cidr_block {
                Some(c) => format!("peering to {} ({c})", other.vpc_id),
                None => format!("peering to {}", other.vpc_id),
            },
            str::to_owned,
        );
        found.insert(
            p.vpc_peering_connection_id.clone(),
            (Link::Peering, Some(label)),
        );
    }
    let mut comps = Vec::new();
    let mut lines = Vec::new();
    for (id, (link, label)) in found {
        notes.add(
            NoteKind::Assumed,
            msg!(
                "imp-link-beside",
                link = link.name(),
                id = &id,
                from = b.origin.name()
            ),
        );
        comps.push(comp(&id, label.as_deref(), None, link.kind()));
        lines.push(Connection {
            from: vpc_id.to_owned(),
            to: id,
            kind: ConnectionKind::Attachment,
            label: String::new(),
        });
    }
    (comps, lines)
}

/// The VPN gateways of a template or a state: attached to `vpc`.
pub(super) fn vpn_gateway(id: &str, vpc: Option<String>, tags: Vec<aws::Tag>) -> aws::VpnGateway {
    aws::VpnGateway {
        vpn_gateway_id: id.to_owned(),
        vpc_attachments: vpc
            .into_iter()
            .map(|v| aws::IgwAttachment {
                vpc_id: v,
                state: "attached".to_owned(),
            })
            .collect(),
        tags,
    }
}
