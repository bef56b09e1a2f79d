//! Security group and network ACL checks on each hop (domain.md §2.3 items 1, 2, 5, 6).

use super::codes::Code;
use std::net::Ipv4Addr;

use super::{Block, Ctx};
use crate::i18n::Msg;
use crate::model::{
    AclAction, AclRule, Component, ComponentKind, NetworkAcl, Peer, Protocol, SecurityGroup,
    SgRule, net,
};

/// The ephemeral ports replies use (Linux range); stateless ACLs must let them back.
pub(super) const EPHEMERAL: (u16, u16) = (32768, 60999);

/// A network interface as the rules see it.
#[derive(Clone, Debug)]
pub(super) struct Iface<'a> {
    /// Its address, when known.
    pub ip: Option<Ipv4Addr>,
    /// Its security groups; `None` for hosts without modelled groups (allow all egress).
    pub sgs: Option<Vec<&'a str>>,
}

impl<'a> Ctx<'a> {
    /// The security groups of a node, client or EKS-owned ENI.
    pub(super) fn sgs_of(&self, c: &'a Component) -> Option<Vec<&'a str>> {
        match &c.kind {
            ComponentKind::Node(n) if n.security_groups.is_empty() => {
                Some(vec![self.cluster_sg_id()])
            }
            ComponentKind::Node(n) => Some(n.security_groups.iter().map(String::as_str).collect()),
            ComponentKind::Client(cl) if !cl.security_groups.is_empty() => {
                Some(cl.security_groups.iter().map(String::as_str).collect())
            }
            ComponentKind::EksEni(_) => Some(self.eni_sgs()),
            _ => None,
        }
    }

    fn cluster_sg_id(&self) -> &'a str {
        self.design_cluster_sg
    }

    /// The cluster security group plus the additional ones, as on every EKS-owned ENI.
    pub(super) fn eni_sgs(&self) -> Vec<&'a str> {
        let mut v = Vec::with_capacity(1 + self.design_extra_sgs.len());
        v.push(self.cluster_sg_id());
        v.extend(self.design_extra_sgs.iter().copied());
        v
    }

    fn acl_of(&self, subnet: &Component) -> Option<&'a NetworkAcl> {
        match &subnet.kind {
            ComponentKind::Subnet(s) => s
                .network_acl
                .as_deref()
                .and_then(|id| self.acls.get(id).copied()),
            _ => None,
        }
    }
}

/// A security group rule with its peer CIDR parsed and its description written once.
#[derive(Clone, Debug)]
pub(crate) struct PreparedRule {
    rule: SgRule,
    net: Option<ipnet::Ipv4Net>,
    text: String,
}

/// A security group ready for many checks.
#[derive(Clone, Debug, Default)]
pub(crate) struct PreparedSg {
    ingress: Vec<PreparedRule>,
    egress: Vec<PreparedRule>,
}

impl PreparedSg {
    pub(crate) fn new(sg: &SecurityGroup) -> Self {
        let prep = |rules: &[SgRule], dir: &str, word: &str| {
            rules
                .iter()
                .map(|r| PreparedRule {
                    net: match &r.peer {
                        Peer::Cidr(c) => net::parse_cidr_v4(c).ok(),
                        Peer::Sg(_) => None,
                    },
                    text: format!("{} {dir}: {}", sg.id, r.describe(word)),
                    rule: r.clone(),
                })
                .collect()
        };
        Self {
            ingress: prep(&sg.ingress, "ingress", "from"),
            egress: prep(&sg.egress, "egress", "to"),
        }
    }
}

fn peer_matches(r: &PreparedRule, ip: Option<Ipv4Addr>, sgs: Option<&[&str]>) -> bool {
    match &r.rule.peer {
        Peer::Cidr(_) => match (r.net, ip) {
            (Some(n), Some(a)) => n.contains(&a),
            (Some(n), None) => n.prefix_len() == 0,
            _ => false,
        },
        Peer::Sg(id) => sgs.is_some_and(|list| list.contains(&id.as_str())),
    }
}

fn find_rule(
    ctx: &Ctx<'_>,
    list: &[&str],
    ingress: bool,
    other: &Iface<'_>,
    port: u16,
) -> Option<String> {
    for id in list {
        let Some(sg) = ctx.sgs.get(*id) else { continue };
        let rules = if ingress { &sg.ingress } else { &sg.egress };
        if let Some(r) = rules.iter().find(|r| {
            r.rule.covers(Protocol::Tcp, port) && peer_matches(r, other.ip, other.sgs.as_deref())
        }) {
            return Some(r.text.clone());
        }
    }
    None
}

/// The group a fix should change: the first of `list` the design defines (the one the user
/// manages), else the first.
pub(super) fn managed_group<'a>(ctx: &Ctx<'_>, list: &[&'a str]) -> Option<&'a str> {
    list.iter()
        .find(|id| ctx.ix.design().security_groups.iter().any(|g| g.id == **id))
        .or_else(|| list.first())
        .copied()
}

/// Finds the egress rule of `from` that lets TCP `port` out to `to`.
pub(super) fn egress_rule(
    ctx: &Ctx<'_>,
    from: &Iface<'_>,
    to: &Iface<'_>,
    port: u16,
) -> Result<String, String> {
    let Some(list) = &from.sgs else {
        return Ok("default egress (all traffic)".to_owned());
    };
    find_rule(ctx, list, false, to, port).ok_or_else(|| list.join(", "))
}

/// Finds the ingress rule of `to` that lets TCP `port` in from `from`.
pub(super) fn ingress_rule(
    ctx: &Ctx<'_>,
    to: &Iface<'_>,
    from: &Iface<'_>,
    port: u16,
) -> Result<String, String> {
    let Some(list) = &to.sgs else {
        return Ok("no security group modelled".to_owned());
    };
    find_rule(ctx, list, true, from, port).ok_or_else(|| list.join(", "))
}

/// Evaluates a stateless ACL direction in rule-number order; the first match decides.
fn acl_decide(
    rules: &[AclRule],
    remote: Option<Ipv4Addr>,
    port: u16,
) -> Result<&AclRule, Option<&AclRule>> {
    let mut sorted: Vec<&AclRule> = rules.iter().collect();
    sorted.sort_by_key(|r| r.number);
    for r in sorted {
        let proto_ok = r.protocol == Protocol::All
            || (r.protocol == Protocol::Tcp && r.ports.0 <= port && port <= r.ports.1);
        let cidr_ok = match (net::parse_cidr_v4(&r.cidr), remote) {
            (Ok(n), Some(a)) => n.contains(&a),
            (Ok(n), None) => n.prefix_len() == 0,
            _ => false,
        };
        if proto_ok && cidr_ok {
            return match r.action {
                AclAction::Allow => Ok(r),
                AclAction::Deny => Err(Some(r)),
            };
        }
    }
    Err(None)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    In,
    Out,
}

fn acl_one(
    acl: &NetworkAcl,
    subnet: &Component,
    dir: Dir,
    remote: Option<Ipv4Addr>,
    ports: (u16, u16),
    what: &str,
) -> Result<String, Block> {
    let rules = match dir {
        Dir::In => &acl.inbound,
        Dir::Out => &acl.outbound,
    };
    let dir_name = match dir {
        Dir::In => "inbound",
        Dir::Out => "outbound",
    };
    let remote_msg = || remote.map_or_else(|| crate::msg!("part-a-public-address"), Msg::verbatim);
    let dir_arg = if dir == Dir::In {
        "inbound"
    } else {
        "outbound"
    };
    let mut allowed = String::new();
    for port in [ports.0, ports.1] {
        match acl_decide(rules, remote, port) {
            Ok(r) => allowed = format!("{} {dir_name} {}", acl.id, r.describe()),
            Err(rule) => {
                let port_text = if ports.0 == ports.1 {
                    format!("TCP {}", ports.0)
                } else {
                    format!("TCP {}-{}", ports.0, ports.1)
                };
                let by = rule.map_or_else(
                    || crate::msg!("part-no-acl-rule-allows"),
                    |r| crate::msg!("part-acl-rule-denies", rule = acl_rule_msg(r)),
                );
                let mut b = Block::new(
                    Code::NaclDeny,
                    Some(&subnet.id),
                    crate::msg!(
                        "reason-nacl-blocks",
                        acl = &acl.id,
                        subnet = &subnet.id,
                        what = what,
                        dir = dir_arg,
                        ports = port_text.as_str(),
                        remote = remote_msg(),
                        by = by
                    ),
                );
                // Just ahead of the deny that matched, else after every rule (before *).
                let taken: Vec<u16> = rules.iter().map(|r| r.number).collect();
                // AWS numbers rules 1 to 32766.
                let number = match rule {
                    Some(r) => (1..r.number).rev().find(|n| !taken.contains(n)),
                    None => taken
                        .iter()
                        .max()
                        .map_or(Some(100), |m| m.checked_add(10))
                        .filter(|n| *n <= 32766)
                        .or_else(|| (1..=32766).rev().find(|n| !taken.contains(n))),
                };
                let cidr = remote.map_or_else(|| "0.0.0.0/0".to_owned(), |a| format!("{a}/32"));
                b.fix = Some(crate::msg!(
                    "fix-add-acl-rule",
                    dir = dir_arg,
                    ports = port_text.as_str(),
                    cidr = cidr.as_str(),
                    acl = &acl.id,
                    number = number.map_or(0, u32::from)
                ));
                b.edit = number
                    .map(|number| super::FixEdit::AddAclRule {
                        acl: acl.id.clone(),
                        inbound: dir == Dir::In,
                        number,
                        ports,
                        cidr,
                    })
                    .map(Box::new);
                return Err(b);
            }
        }
    }
    Ok(allowed)
}

/// An ACL rule as words: "rule 100 (deny all traffic 0.0.0.0/0)".
fn acl_rule_msg(r: &AclRule) -> Msg {
    let what = match r.protocol {
        Protocol::All => crate::msg!("part-all-traffic"),
        p if r.ports.0 == r.ports.1 => Msg::verbatim(format!("{} {}", p.as_str(), r.ports.0)),
        p => Msg::verbatim(format!("{} {}-{}", p.as_str(), r.ports.0, r.ports.1)),
    };
    let action = match r.action {
        AclAction::Allow => "allow",
        AclAction::Deny => "deny",
    };
    crate::msg!(
        "part-acl-rule",
        number = u32::from(r.number),
        action = action,
        what = what,
        cidr = &r.cidr
    )
}

/// Traffic leaving `subnet` to `remote` on `port`: outbound, and the stateless reply inbound.
pub(super) fn acl_leave(
    ctx: &Ctx<'_>,
    subnet: &Component,
    remote: Option<Ipv4Addr>,
    port: u16,
) -> Result<Vec<String>, Block> {
    acl_both_ways(ctx, subnet, remote, port, Dir::Out)
}

/// Traffic entering `subnet` from `remote` on `port`: inbound, and the stateless reply outbound.
pub(super) fn acl_enter(
    ctx: &Ctx<'_>,
    subnet: &Component,
    remote: Option<Ipv4Addr>,
    port: u16,
) -> Result<Vec<String>, Block> {
    acl_both_ways(ctx, subnet, remote, port, Dir::In)
}

/// The request in direction `first` on `port`, then the reply the other way on the
/// ephemeral ports (network ACLs are stateless).
fn acl_both_ways(
    ctx: &Ctx<'_>,
    subnet: &Component,
    remote: Option<Ipv4Addr>,
    port: u16,
    first: Dir,
) -> Result<Vec<String>, Block> {
    let Some(acl) = ctx.acl_of(subnet) else {
        return Ok(Vec::new());
    };
    let back = match first {
        Dir::In => Dir::Out,
        Dir::Out => Dir::In,
    };
    Ok(vec![
        acl_one(acl, subnet, first, remote, (port, port), "request")?,
        acl_one(acl, subnet, back, remote, EPHEMERAL, "reply")?,
    ])
}
