//! Through transit gateways, VPNs and peerings: which attachment a transit gateway route
//! table sends traffic to, and what a VPN or peering carries.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::codes::Code;
use super::fix::FixEdit;
use super::path::vpc_cidrs;
use super::{Block, Ctx};
use crate::i18n::Msg;
use crate::i18n::words::named;
use crate::model::{BLACKHOLE, Component, KindName, TgwRouteTable, net};
use crate::msg;

/// Why traffic cannot go on through connections.
pub(super) enum Stop<'a> {
    /// No network reached through them holds the destination.
    NoNetwork(Msg),
    /// A route table or a link drops it; with the connectors passed up to the one that
    /// drops it.
    Blocked(Box<Block>, Vec<&'a Component>),
}

/// The ids of the components attached to `id`.
fn neighbours<'c, 'a>(ctx: &'c Ctx<'a>, id: &'c str) -> impl Iterator<Item = &'a str> + 'c {
    ctx.attachments.iter().filter_map(move |&(x, y)| {
        if x == id {
            Some(y)
        } else if y == id {
            Some(x)
        } else {
            None
        }
    })
}

/// The ranges behind an attachment of `via`: a network's CIDRs, or for a VPN or peering
/// what it carries (the ranges listed, else the networks attached to it but `via`).
pub(super) fn side_cidrs(ctx: &Ctx<'_>, attachment: &Component, via: &str) -> Vec<Ipv4Net> {
    match attachment.kind.name() {
        KindName::Vpc | KindName::OnPrem => vpc_cidrs(ctx, attachment).to_vec(),
        _ => {
            if let Some(c) = ctx.ix.design().transit.carried_by(&attachment.id) {
                return c
                    .cidrs
                    .iter()
                    .filter_map(|c| net::parse_cidr_v4(c).ok())
                    .collect();
            }
            neighbours(ctx, &attachment.id)
                .filter(|other| *other != via)
                .filter_map(|other| ctx.ix.get(other))
                .filter(|c| matches!(c.kind.name(), KindName::Vpc | KindName::OnPrem))
                .flat_map(|c| vpc_cidrs(ctx, c).iter().copied())
                .collect()
        }
    }
}

/// The attachment a transit gateway sends traffic to `dest` to, arriving from the
/// attachment of `prev`: `None` when the design gives it no route tables (it forwards
/// between all its attachments, as its default route table does).
pub(super) fn tgw_next<'a>(
    ctx: &Ctx<'a>,
    tgw: &Component,
    prev: &Component,
    dest: Ipv4Addr,
) -> Result<Option<&'a str>, Block> {
    let transit = &ctx.ix.design().transit;
    let mut tables = transit.tables_of(&tgw.id).peekable();
    if tables.peek().is_none() {
        return Ok(None);
    }
    // Where the destination lies: the attachment whose side holds it, and that range
    // (looked for only when a fix needs it).
    let toward = || {
        neighbours(ctx, &tgw.id)
            .filter(|a| *a != prev.id)
            .filter_map(|a| ctx.ix.get(a))
            .find_map(|a| {
                side_cidrs(ctx, a, &tgw.id)
                    .into_iter()
                    .find(|n| n.contains(&dest))
                    .map(|n| (a, n))
            })
    };
    let Some(table) = transit
        .tables_of(&tgw.id)
        .find(|t| t.associations.contains(&prev.id))
    else {
        // The table that would route it: one with a route towards the destination.
        let fit = transit
            .tables_of(&tgw.id)
            .find(|t| matches!(best(ctx, tgw, t, dest), Some((_, target)) if target != BLACKHOLE))
            .or_else(|| transit.tables_of(&tgw.id).next());
        let b = Block::new(
            Code::TgwNoRoute,
            Some(&tgw.id),
            msg!(
                "reason-tgw-attachment-no-table",
                prev = &prev.id,
                tgw = &tgw.id,
                dest = dest
            ),
        );
        return Err(match fit {
            Some(t) => b.fixed(
                msg!("fix-associate-attachment", prev = &prev.id, table = &t.id),
                Some(FixEdit::AssociateTgwAttachment {
                    table: t.id.clone(),
                    attachment: prev.id.clone(),
                }),
            ),
            None => b.fixed(
                msg!("fix-give-tgw-table", tgw = &tgw.id, prev = &prev.id),
                None,
            ),
        });
    };
    let fix_to = |b: Block, replacing: Option<Ipv4Net>| match toward() {
        Some((a, n)) => {
            let destination = replacing.unwrap_or(n).to_string();
            b.fixed(
                match replacing {
                    // A static route beats a propagated one: only replacing it helps.
                    Some(_) => msg!(
                        "fix-replace-blackhole",
                        destination = destination.as_str(),
                        table = &table.id,
                        target = &a.id
                    ),
                    None => msg!(
                        "fix-add-tgw-static-route",
                        destination = destination.as_str(),
                        target = &a.id,
                        table = &table.id
                    ),
                },
                Some(FixEdit::PutTgwRoute {
                    table: table.id.clone(),
                    destination,
                    target: a.id.clone(),
                }),
            )
        }
        None => b.fixed(
            msg!(
                "fix-attach-network-to-tgw",
                dest = dest,
                tgw = &tgw.id,
                table = &table.id
            ),
            None,
        ),
    };
    match best(ctx, tgw, table, dest) {
        None => {
            let b = Block::new(
                Code::TgwNoRoute,
                Some(&tgw.id),
                msg!(
                    "reason-tgw-table-no-route",
                    table = &table.id,
                    tgw = &tgw.id,
                    prev = &prev.id,
                    dest = dest
                ),
            );
            // Associated with the wrong table: another one routes it.
            let other = transit.tables_of(&tgw.id).find(|t| {
                t.id != table.id
                    && matches!(best(ctx, tgw, t, dest), Some((_, target)) if target != BLACKHOLE)
            });
            Err(match other {
                Some(t) => b.fixed(
                    msg!(
                        "fix-associate-attachment-instead",
                        prev = &prev.id,
                        table = &t.id,
                        current = &table.id,
                        dest = dest
                    ),
                    Some(FixEdit::AssociateTgwAttachment {
                        table: t.id.clone(),
                        attachment: prev.id.clone(),
                    }),
                ),
                None => fix_to(b, None),
            })
        }
        Some((n, target)) if target == BLACKHOLE => Err(fix_to(
            Block::new(
                Code::TgwBlackholeRoute,
                Some(&tgw.id),
                msg!(
                    "reason-tgw-blackhole",
                    table = &table.id,
                    tgw = &tgw.id,
                    dest = dest,
                    route = n.to_string()
                ),
            ),
            Some(n),
        )),
        Some((_, target)) => Ok(ctx.ix.get(target).map(|c| c.id.as_str())),
    }
}

/// The longest-prefix match in a route table: static routes, then propagated ranges (a
/// static route wins over a propagated one of the same length, as in AWS).
fn best<'t>(
    ctx: &Ctx<'_>,
    tgw: &Component,
    table: &'t TgwRouteTable,
    dest: Ipv4Addr,
) -> Option<(Ipv4Net, &'t str)> {
    let statics = table.routes.iter().filter_map(|r| {
        net::parse_cidr_v4(&r.destination)
            .ok()
            .filter(|n| n.contains(&dest))
            .map(|n| (n, r.target.as_str(), 3u8))
    });
    let propagated = table.propagations.iter().flat_map(|p| {
        let c = ctx.ix.get(p);
        // Among propagated routes of one length AWS prefers a VPC, then Direct Connect,
        // then a VPN.
        let rank = match c.map(|c| c.kind.name()) {
            Some(KindName::Vpc) => 2,
            Some(KindName::Vpn) => 0,
            _ => 1,
        };
        c.map(|c| side_cidrs(ctx, c, &tgw.id))
            .unwrap_or_default()
            .into_iter()
            .filter(|n| n.contains(&dest))
            .map(move |n| (n, p.as_str(), rank))
    });
    // The first of equals wins (validation refuses two static routes to one CIDR).
    statics
        .chain(propagated)
        .fold(None::<(Ipv4Net, &str, u8)>, |best, r| match best {
            Some(b) if (b.0.prefix_len(), b.2) >= (r.0.prefix_len(), r.2) => Some(b),
            _ => Some(r),
        })
        .map(|(n, t, _)| (n, t))
}

/// Whether a VPN or peering carries traffic to `dest` on to `next`: a peering joins two
/// VPCs only (no transit through it, doc), and where the design lists what a link
/// carries, the destination must be in it.
pub(super) fn carries(
    ctx: &Ctx<'_>,
    link: &Component,
    next: &Component,
    dest: Ipv4Addr,
) -> Result<bool, Block> {
    let is_peering = link.kind.name() == KindName::Peering;
    if is_peering && next.kind.name() != KindName::Vpc {
        return Err(Block::new(
            Code::RouteNotCarried,
            Some(&link.id),
            msg!(
                "reason-peering-no-transit",
                link = &link.id,
                dest = dest,
                next = named(next)
            ),
        )
        .fixed(msg!("fix-connect-network-directly", dest = dest), None));
    }
    let Some(carried) = ctx.ix.design().transit.carried_by(&link.id) else {
        return Ok(true);
    };
    // A VPN's list is what the remote side advertises: it governs traffic towards it.
    if !is_peering && next.kind.name() != KindName::OnPrem {
        return Ok(true);
    }
    let nets: Vec<Ipv4Net> = carried
        .cidrs
        .iter()
        .filter_map(|c| net::parse_cidr_v4(c).ok())
        .collect();
    if nets.iter().any(|n| n.contains(&dest)) {
        return Ok(true);
    }
    let cidr = vpc_cidrs(ctx, next)
        .iter()
        .find(|n| n.contains(&dest))
        .map_or_else(|| format!("{dest}/32"), ToString::to_string);
    let reason = if carried.cidrs.is_empty() {
        msg!(
            "reason-link-carries-none",
            link = named(link),
            dest = dest,
            next = &next.id
        )
    } else {
        msg!(
            "reason-link-carries-only",
            link = named(link),
            cidrs = carried.cidrs.join(", "),
            dest = dest,
            next = &next.id
        )
    };
    Err(
        Block::new(Code::RouteNotCarried, Some(&link.id), reason).fixed(
            if is_peering {
                msg!(
                    "fix-add-carried-range",
                    cidr = cidr.as_str(),
                    link = &link.id
                )
            } else if ctx.attachments.iter().any(|&(x, y)| {
                let other = if x == link.id {
                    y
                } else if y == link.id {
                    x
                } else {
                    return false;
                };
                ctx.ix
                    .get(other)
                    .is_some_and(|c| c.kind.name() == KindName::Tgw)
            }) {
                // A VPN on a transit gateway has no static routes of its own.
                msg!(
                    "fix-advertise-bgp-tgw",
                    cidr = cidr.as_str(),
                    link = &link.id
                )
            } else {
                msg!(
                    "fix-advertise-over-vpn",
                    cidr = cidr.as_str(),
                    link = &link.id
                )
            },
            Some(FixEdit::AddCarriedCidr {
                link: link.id.clone(),
                cidr,
            }),
        ),
    )
}
