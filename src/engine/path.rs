//! Hop-by-hop routing of the three flows (domain.md §2.3).

use super::codes::Code;
use super::fix::FixEdit;
use std::collections::VecDeque;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::dns::resolve;
use super::security::{Iface, acl_enter, acl_leave, egress_rule, ingress_rule};
use super::transit::{Stop, carries, tgw_next};
use super::{Block, Ctx, DnsAnswer, DnsVia, Exposure, Finding, FlowKind, Level, Place, Trace, ip};
use crate::model::{Component, ComponentKind, KindName, LOCAL_TARGET, NatConnectivity, Route, net};

/// Where a route lookup sends traffic.
pub(super) enum Next<'a> {
    /// Stays in the VPC.
    Local,
    /// To a gateway or connector.
    Target(&'a Component, Ipv4Net),
    /// No route matches.
    None,
}

/// The CIDR blocks of a VPC or on-premises network.
pub(super) fn vpc_cidrs<'c>(ctx: &'c Ctx<'_>, network: &Component) -> &'c [Ipv4Net] {
    ctx.nets.get(network.id.as_str()).map_or(&[], Vec::as_slice)
}

/// Longest-prefix match. `dest = None` means "some public address": only default routes match.
/// The implicit local route covers the VPC's CIDR blocks and cannot be overridden (inferred:
/// more specific middlebox routes inside the VPC range are not modelled).
pub(super) fn lookup<'a>(
    ctx: &Ctx<'a>,
    owner: &Component,
    vpc: Option<&Component>,
    dest: Option<Ipv4Addr>,
) -> Next<'a> {
    if let (Some(vpc), Some(d)) = (vpc, dest)
        && vpc_cidrs(ctx, vpc).iter().any(|n| n.contains(&d))
    {
        return Next::Local;
    }
    let routes = ctx
        .routes
        .get(owner.id.as_str())
        .map_or(&[][..], Vec::as_slice);
    let mut best: Option<(u8, &Route, Ipv4Net)> = None;
    for &(netw, r) in routes {
        let matches = match dest {
            Some(d) => netw.contains(&d),
            None => netw.prefix_len() == 0,
        };
        if matches && best.is_none_or(|(len, _, _)| netw.prefix_len() > len) {
            best = Some((netw.prefix_len(), r, netw));
        }
    }
    match best {
        None => Next::None,
        Some((_, r, _)) if r.target == LOCAL_TARGET => Next::Local,
        Some((_, r, netw)) => ctx
            .ix
            .get(&r.target)
            .map_or(Next::None, |t| Next::Target(t, netw)),
    }
}

pub(super) fn is_connector(c: &Component) -> bool {
    c.kind.name().is_connector()
}

pub(super) fn attached(ctx: &Ctx<'_>, a: &str, b: &str) -> bool {
    ctx.attachments
        .iter()
        .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
}

/// Follows attachments from `start` (attached to network `from`) to a network whose CIDRs
/// contain `dest`, as transit gateway route tables and what links carry allow. Returns the
/// connectors passed and the network reached.
pub(super) fn traverse<'a>(
    ctx: &Ctx<'a>,
    from: &'a Component,
    start: &'a Component,
    dest: Ipv4Addr,
) -> Result<(Vec<&'a Component>, &'a Component), Stop<'a>> {
    if !attached(ctx, &from.id, &start.id) {
        return Err(Stop::NoNetwork(crate::msg!(
            "part-not-attached",
            start = crate::i18n::words::named(start),
            from = &from.id
        )));
    }
    let mut queue: VecDeque<Vec<&'a Component>> = VecDeque::from([vec![start]]);
    let mut seen: Vec<&str> = vec![start.id.as_str()];
    // The first thing that dropped the traffic, reported when no way gets through.
    let mut dropped: Option<(Block, Vec<&'a Component>)> = None;
    while let Some(path) = queue.pop_front() {
        let Some(&last) = path.last() else { continue };
        let prev = if path.len() >= 2 {
            path[path.len() - 2]
        } else {
            from
        };
        // A transit gateway with route tables sends it to one attachment only.
        let only = if last.kind.name() == KindName::Tgw {
            match tgw_next(ctx, last, prev, dest) {
                Ok(only) => only.map(Some),
                Err(b) => {
                    dropped.get_or_insert_with(|| (b, path.clone()));
                    continue;
                }
            }
        } else {
            None
        };
        for &(x, y) in &ctx.attachments {
            let other = if x == last.id {
                y
            } else if y == last.id {
                x
            } else {
                continue;
            };
            if only.is_some_and(|o| o != Some(other)) {
                continue;
            }
            let Some(next) = ctx.ix.get(other) else {
                continue;
            };
            if next.id == from.id || next.id == prev.id {
                continue;
            }
            if matches!(last.kind.name(), KindName::Vpn | KindName::Peering) {
                match carries(ctx, last, next, dest) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(b) => {
                        dropped.get_or_insert_with(|| (b, path.clone()));
                        continue;
                    }
                }
            }
            if matches!(next.kind.name(), KindName::Vpc | KindName::OnPrem) {
                if vpc_cidrs(ctx, next).iter().any(|n| n.contains(&dest)) {
                    return Ok((path.clone(), next));
                }
            } else if is_connector(next) && !seen.contains(&next.id.as_str()) {
                seen.push(&next.id);
                let mut longer = path.clone();
                longer.push(next);
                queue.push_back(longer);
            }
        }
    }
    Err(dropped.map_or_else(
        || {
            Stop::NoNetwork(crate::msg!(
                "part-no-network-contains",
                start = crate::i18n::words::named(start),
                dest = dest
            ))
        },
        |(b, passed)| Stop::Blocked(Box::new(b), passed),
    ))
}

/// Whether an on-premises network has a route towards AWS through a VPN or transit gateway.
fn onprem_has_connection(ctx: &Ctx<'_>, onprem: &Component) -> bool {
    match &onprem.kind {
        ComponentKind::OnPrem(o) => o
            .routes
            .iter()
            .any(|r| ctx.ix.get(&r.target).is_some_and(is_connector)),
        _ => false,
    }
}

/// The block where connections stop traffic: the connectors passed up to one that drops it
/// become hops; with `no_route` when no network was reached.
fn stopped(
    stop: Stop<'_>,
    trace: &mut Trace,
    no_route: impl FnOnce(crate::i18n::Msg) -> Block,
) -> Block {
    match stop {
        Stop::NoNetwork(why) => no_route(why),
        Stop::Blocked(b, passed) => {
            for c in passed {
                trace.hop(c);
            }
            *b
        }
    }
}

/// The ENI a source uses: one in its own subnet, else in its AZ, else the first.
pub(super) fn pick_eni<'a>(ctx: &Ctx<'a>, place: Place<'_>) -> Option<&'a Component> {
    if let Place::Vpc { subnet, .. } = place {
        let az = match &subnet.kind {
            ComponentKind::Subnet(s) => s.az.as_str(),
            _ => "",
        };
        let found = ctx
            .eni_by_subnet
            .get(subnet.id.as_str())
            .or_else(|| (!az.is_empty()).then(|| ctx.eni_by_az.get(az)).flatten());
        if let Some(&e) = found {
            return Some(e);
        }
    }
    ctx.enis.first().copied()
}

pub(super) fn eni_ip(eni: &Component) -> Option<Ipv4Addr> {
    match &eni.kind {
        ComponentKind::EksEni(e) => ip(Some(&e.private_ip)),
        _ => None,
    }
}

pub(super) fn fmt_ip(a: Option<Ipv4Addr>) -> String {
    a.map_or_else(|| "an unknown address".to_owned(), ip_text)
}

/// An address as dotted text, without the formatting machinery (the engine writes one
/// into most of its sentences).
pub(super) fn ip_text(a: Ipv4Addr) -> String {
    let mut out = String::with_capacity(15);
    for (i, o) in a.octets().into_iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        if o >= 100 {
            out.push(char::from(b'0' + o / 100));
        }
        if o >= 10 {
            out.push(char::from(b'0' + o / 10 % 10));
        }
        out.push(char::from(b'0' + o % 10));
    }
    out
}

/// The API server flows end at (or start from).
pub(super) fn api_server<'a>(ctx: &Ctx<'a>) -> Result<&'a Component, Block> {
    ctx.api.ok_or_else(|| {
        Block::new(
            Code::CfgNoApiServer,
            None,
            crate::msg!("reason-no-api-server"),
        )
        .fixed(crate::msg!("fix-add-api-server"), None)
    })
}

/// kubectl → API or kubelet → API: DNS, then the public or the private path.
pub(super) fn to_api(
    ctx: &Ctx<'_>,
    src: &Component,
    flow: FlowKind,
    trace: &mut Trace,
    dns: &mut Option<(DnsVia, DnsAnswer)>,
) -> Result<(Exposure, crate::i18n::Msg), Block> {
    let who_msg = match flow {
        FlowKind::KubeletToApi => crate::msg!("part-kubelet-on", node = &src.id),
        _ => crate::msg!("part-kubectl-on", src = &src.id),
    };
    trace.hop(src);
    let place = ctx.place(src);
    if src.kind.name() == KindName::Node {
        node_warnings(ctx, src, place, trace);
    }
    let answer = resolve(ctx, src, &who_msg, place, trace)?;
    *dns = Some(answer);
    let exposure = match answer.1 {
        DnsAnswer::NlbPublicIps => public_path(ctx, src, place, trace)?,
        DnsAnswer::EniPrivateIps => private_path(ctx, src, place, trace)?,
    };
    let api = api_server(ctx)?;
    trace.hop(api);
    let via = match answer.1 {
        DnsAnswer::NlbPublicIps => crate::msg!("part-via-public-nlb"),
        DnsAnswer::EniPrivateIps => crate::msg!("part-via-eks-eni"),
    };
    let (who, api_id) = (who_msg, api.id.as_str());
    let reason = match exposure {
        Exposure::None => crate::msg!(
            "reason-reaches-api-private",
            who = who,
            api = api_id,
            via = via
        ),
        Exposure::AwsPublic => crate::msg!(
            "reason-reaches-api-aws-public",
            who = who,
            api = api_id,
            via = via
        ),
        Exposure::Internet => crate::msg!(
            "reason-reaches-api-internet",
            who = who,
            api = api_id,
            via = via
        ),
    };
    Ok((exposure, reason))
}

pub(super) fn public_path(
    ctx: &Ctx<'_>,
    src: &Component,
    place: Place<'_>,
    trace: &mut Trace,
) -> Result<Exposure, Block> {
    let nlb_ip = ctx.nlb.and_then(|n| match &n.kind {
        ComponentKind::Nlb(nlb) => ip(nlb.public_ips.first().map(String::as_str)),
        _ => None,
    });
    let endpoint = endpoint_msg(nlb_ip);
    let from_onprem = matches!(place, Place::OnPrem { .. });
    let (translated, exposure) = match place {
        Place::Internet { public_ip } => {
            trace.step(
                Some(src),
                crate::msg!(
                    "step-over-internet",
                    src = &src.id,
                    from = crate::i18n::words::address(public_ip),
                    endpoint = endpoint.clone()
                ),
            );
            (public_ip, Exposure::Internet)
        }
        Place::OnPrem { net: onprem, .. } => {
            let egress = match &onprem.kind {
                ComponentKind::OnPrem(o) => ip(o.internet_egress_ip.as_deref()),
                _ => None,
            };
            let Some(egress) = egress else {
                let private_off = !ctx.cluster.endpoint_private_access;
                return Err(Block::new(
                    Code::NoRouteToPublicEndpoint,
                    Some(&src.id),
                    crate::msg!(
                        "reason-onprem-no-egress",
                        src = &src.id,
                        net = &onprem.id,
                        endpoint = public_endpoint_msg(nlb_ip)
                    ),
                )
                .fixed(
                    if private_off {
                        crate::msg!("fix-onprem-egress-or-private", net = &onprem.id)
                    } else {
                        crate::msg!("fix-onprem-egress", net = &onprem.id)
                    },
                    private_off.then_some(FixEdit::TurnOnEndpoint {
                        public: false,
                        private: true,
                    }),
                ));
            };
            trace.step(
                Some(src),
                crate::msg!(
                    "step-onprem-egress",
                    net = &onprem.id,
                    egress = egress,
                    endpoint = endpoint.clone()
                )
                .and_maybe(
                    onprem_has_connection(ctx, onprem)
                        .then(|| crate::msg!("step-onprem-connection-unused")),
                ),
            );
            (Some(egress), Exposure::Internet)
        }
        Place::Vpc {
            vpc,
            subnet,
            public_ip,
            ip: own_ip,
            auto_public,
        } => {
            let src_iface = Iface {
                ip: own_ip,
                sgs: ctx.sgs_of(src),
            };
            let nlb_iface = Iface {
                ip: nlb_ip,
                sgs: None,
            };
            source_checks(ctx, src, &src_iface, &nlb_iface, subnet, None, 443, trace)?;
            let (t, e) = vpc_to_internet(
                ctx,
                src,
                vpc,
                subnet,
                (public_ip, auto_public),
                nlb_ip,
                trace,
            )?;
            (t, e)
        }
    };
    if let Some(nlb) = ctx.nlb {
        trace.hop(nlb);
    }
    let at = ctx.nlb.map(|n| n.id.as_str());
    let allow: Vec<Ipv4Net> = ctx
        .cluster
        .public_access_cidrs
        .iter()
        .filter_map(|c| net::parse_cidr_v4(c).ok())
        .collect();
    let allowed_by = match translated {
        Some(a) => allow.iter().find(|n| n.contains(&a)).copied(),
        None => allow.iter().find(|n| n.prefix_len() == 0).copied(),
    };
    let Some(rule) = allowed_by else {
        // Who the address belongs to: the NAT gateway that rewrote the source, else the
        // source itself.
        let nat = trace
            .hops
            .iter()
            .rev()
            .find(|h| h.kind == KindName::Nat)
            .map(|h| h.id.clone());
        let whose = nat.as_ref().map_or_else(
            || {
                if from_onprem {
                    crate::msg!("part-whose-onprem-egress")
                } else {
                    crate::msg!("nothing")
                }
            },
            |n| crate::msg!("part-whose-nat-eip", nat = n),
        );
        let private_note = alt_part(
            (!ctx.cluster.endpoint_private_access).then(|| crate::msg!("part-or-private-access")),
        );
        let block = Block::new(
            Code::SourceNotInPublicAccessCidrs,
            at,
            crate::msg!(
                "reason-not-in-public-cidrs",
                cidrs = ctx.cluster.public_access_cidrs.join(", "),
                src = &src.id,
                from = crate::i18n::words::address(translated),
                whose = whose.clone()
            ),
        );
        return Err(match translated {
            Some(a) => block.fixed(
                crate::msg!(
                    "fix-add-public-cidr",
                    ip = a,
                    whose = whose,
                    alt = private_note
                ),
                Some(FixEdit::AddPublicAccessCidr {
                    cidr: format!("{a}/32"),
                }),
            ),
            None => block.fixed(
                match &nat {
                    Some(n) => crate::msg!("fix-add-nat-eip-cidr", nat = n, alt = private_note),
                    None => crate::msg!("fix-give-eip-add-cidr", src = &src.id, alt = private_note),
                },
                None,
            ),
        });
    };
    let api = ctx.api.map_or_else(
        || crate::msg!("part-an-api-server"),
        |a| crate::i18n::Msg::verbatim(&a.id),
    );
    trace.step(
        ctx.nlb,
        crate::msg!(
            "step-nlb-accepts",
            from = crate::i18n::words::address(translated),
            rule = rule.to_string(),
            api = api
        ),
    );
    Ok(exposure)
}

pub(super) fn vpc_to_internet(
    ctx: &Ctx<'_>,
    src: &Component,
    vpc: &Component,
    subnet: &Component,
    (public_ip, auto_public): (Option<Ipv4Addr>, bool),
    nlb_ip: Option<Ipv4Addr>,
    trace: &mut Trace,
) -> Result<(Option<Ipv4Addr>, Exposure), Block> {
    let endpoint = endpoint_msg(nlb_ip);
    match lookup(ctx, subnet, Some(vpc), nlb_ip) {
        Next::None | Next::Local => Err(Block::new(
            Code::NoRouteToPublicEndpoint,
            Some(&subnet.id),
            crate::msg!(
                "reason-no-internet-route",
                src = &src.id,
                subnet = &subnet.id,
                endpoint = public_endpoint_msg(nlb_ip)
            ),
        )
        .with_way_out(ctx, src, vpc, subnet, public_ip, "0.0.0.0/0")),
        Next::Target(t, dest) if t.kind.name() == KindName::Igw => {
            trace.hop(t);
            if public_ip.is_none() && auto_public {
                trace.step(
                    Some(subnet),
                    crate::msg!(
                        "step-route-to-igw-auto-ip",
                        subnet = &subnet.id,
                        dest = dest.to_string(),
                        igw = &t.id,
                        endpoint = endpoint
                    ),
                );
                return Ok((None, Exposure::AwsPublic));
            }
            let Some(pip) = public_ip else {
                let block = Block::new(
                    Code::IgwPathWithoutPublicIp,
                    Some(&t.id),
                    crate::msg!("reason-igw-without-public-ip", src = &src.id, igw = &t.id),
                );
                // Through a NAT gateway of the VPC when there is one, else a public IP.
                // A subnet that holds a NAT gateway must keep routing to the IGW.
                let holds_nat = ctx.ix.design().components.iter().any(|c| {
                    c.kind.name() == KindName::Nat
                        && c.parent.as_deref() == Some(subnet.id.as_str())
                });
                let nat = internet_nat(ctx, vpc, subnet).filter(|_| !holds_nat);
                return Err(if let Some(nat) = nat {
                    block.fixed(
                        crate::msg!(
                            "fix-route-to-nat-or-public-ip",
                            subnet = &subnet.id,
                            nat = &nat.id,
                            src = &src.id,
                            alt = alt_part(private_alternative(ctx, src, vpc))
                        ),
                        Some(FixEdit::PutRoute {
                            subnet: subnet.id.clone(),
                            destination: "0.0.0.0/0".to_owned(),
                            target: nat.id.clone(),
                        }),
                    )
                } else {
                    {
                        let ip = super::fix::free_public_ip(ctx.ix.design());
                        block.fixed(
                            crate::msg!(
                                "fix-public-ip-or-nat",
                                src = &src.id,
                                alt = alt_part(private_alternative(ctx, src, vpc))
                            ),
                            ip.map(|ip| FixEdit::SetPublicIp {
                                component: src.id.clone(),
                                ip,
                            }),
                        )
                    }
                });
            };
            trace.step(
                Some(subnet),
                crate::msg!(
                    "step-route-to-igw",
                    subnet = &subnet.id,
                    dest = dest.to_string(),
                    igw = &t.id,
                    ip = pip,
                    endpoint = endpoint
                ),
            );
            Ok((Some(pip), Exposure::AwsPublic))
        }
        Next::Target(nat, dest) if nat.kind.name() == KindName::Nat => {
            trace.hop(nat);
            trace.step(
                Some(subnet),
                crate::msg!(
                    "step-route-to-nat",
                    subnet = &subnet.id,
                    dest = dest.to_string(),
                    nat = &nat.id
                ),
            );
            let ComponentKind::Nat(props) = &nat.kind else {
                return Err(Block::new(
                    Code::NatNoInternetPath,
                    Some(&nat.id),
                    crate::msg!("reason-not-a-nat", nat = &nat.id),
                ));
            };
            if props.connectivity == NatConnectivity::Private {
                return Err(Block::new(
                    Code::NatNoInternetPath,
                    Some(&nat.id),
                    crate::msg!("reason-private-nat", nat = &nat.id),
                )
                .fixed(
                    crate::msg!(
                        "fix-make-nat-public",
                        nat = &nat.id,
                        alt = alt_part(private_alternative(ctx, src, vpc))
                    ),
                    Some(FixEdit::MakeNatPublic {
                        nat: nat.id.clone(),
                    }),
                ));
            }
            let nat_subnet = ctx.ix.parent(nat);
            let nat_vpc = nat_subnet.and_then(|s| ctx.ix.parent(s));
            let igw = match nat_subnet {
                Some(s) => match lookup(ctx, s, nat_vpc, nlb_ip) {
                    Next::Target(t, _) if t.kind.name() == KindName::Igw => Some(t),
                    _ => None,
                },
                None => None,
            };
            let Some(igw) = igw else {
                let block = Block::new(
                    Code::NatNoInternetPath,
                    Some(&nat.id),
                    crate::msg!(
                        "reason-nat-subnet-no-igw",
                        nat = &nat.id,
                        subnet = nat_subnet.map_or("?", |s| s.id.as_str())
                    ),
                );
                let gateway = nat_vpc.and_then(|v| vpc_igw(ctx, v));
                return Err(match (nat_subnet, gateway) {
                    (Some(ns), Some(g)) => block.fixed(
                        crate::msg!(
                            "fix-route-to-igw",
                            subnet = &ns.id,
                            igw = &g.id,
                            alt = alt_part(private_alternative(ctx, src, vpc))
                        ),
                        Some(FixEdit::PutRoute {
                            subnet: ns.id.clone(),
                            destination: "0.0.0.0/0".to_owned(),
                            target: g.id.clone(),
                        }),
                    ),
                    _ => block.fixed(
                        crate::msg!(
                            "fix-attach-igw",
                            vpc = nat_vpc.map_or_else(
                                || crate::msg!("part-the-vpc"),
                                |v| crate::i18n::Msg::verbatim(&v.id)
                            ),
                            nat = &nat.id,
                            alt = alt_part(private_alternative(ctx, src, vpc))
                        ),
                        None,
                    ),
                });
            };
            if let Some(ns) = nat_subnet
                && ns.id != subnet.id
            {
                let src_ip = match ctx.place(src) {
                    Place::Vpc { ip, .. } => ip,
                    _ => None,
                };
                for rule in acl_enter(ctx, ns, src_ip, 443)? {
                    trace.rule(&nat.id, rule);
                }
                for rule in acl_leave(ctx, ns, nlb_ip, 443)? {
                    trace.rule(&nat.id, rule);
                }
            }
            let eip = ip(props.elastic_ip.as_deref());
            if eip.is_none() && !props.elastic_ip_unknown {
                let free = super::fix::free_public_ip(ctx.ix.design());
                return Err(Block::new(
                    Code::NatNoInternetPath,
                    Some(&nat.id),
                    crate::msg!("reason-nat-no-eip", nat = &nat.id),
                )
                .fixed(
                    crate::msg!("fix-allocate-eip", nat = &nat.id),
                    free.map(|ip| FixEdit::SetNatElasticIp {
                        nat: nat.id.clone(),
                        ip,
                    }),
                ));
            }
            trace.hop(igw);
            let address = eip.map_or_else(
                || crate::msg!("part-its-eip-unknown"),
                |a| crate::msg!("part-its-eip", ip = a),
            );
            trace.step(
                Some(nat),
                crate::msg!(
                    "step-nat-rewrites-source",
                    nat = &nat.id,
                    address = address,
                    igw = &igw.id,
                    endpoint = endpoint
                ),
            );
            Ok((eip, Exposure::AwsPublic))
        }
        Next::Target(t, dest) => Err(Block::new(
            Code::NoRouteToPublicEndpoint,
            Some(&subnet.id),
            crate::msg!(
                "reason-internet-via-connection",
                subnet = &subnet.id,
                target = crate::i18n::words::named(t),
                src = &src.id,
                endpoint = public_endpoint_msg(nlb_ip)
            ),
        )
        .with_way_out(ctx, src, vpc, subnet, public_ip, &dest.to_string())),
    }
}

/// How to get EKS-owned ENIs: EKS places them in the subnets given to the cluster.
pub(super) fn no_eni_fix(ctx: &Ctx<'_>) -> crate::i18n::Msg {
    if ctx.cluster.subnet_ids.is_empty() {
        crate::msg!("fix-give-cluster-subnets")
    } else {
        crate::msg!(
            "fix-draw-eks-enis",
            subnets = ctx.cluster.subnet_ids.join(", ")
        )
    }
}

/// A public NAT gateway in `vpc` (with an elastic IP) outside `subnet`, for `subnet` to
/// route through (a NAT's own subnet must route to the internet gateway).
fn internet_nat<'a>(ctx: &Ctx<'a>, vpc: &Component, subnet: &Component) -> Option<&'a Component> {
    ctx.ix.design().components.iter().find(|c| {
        matches!(&c.kind, ComponentKind::Nat(n)
            if n.connectivity == NatConnectivity::Public && (n.elastic_ip.is_some() || n.elastic_ip_unknown))
            && c.parent.as_deref() != Some(subnet.id.as_str())
            && ctx
                .ix
                .ancestor_of_kind(c, KindName::Vpc)
                .is_some_and(|v| v.id == vpc.id)
    })
}

/// The internet gateway of `vpc`.
fn vpc_igw<'a>(ctx: &Ctx<'a>, vpc: &Component) -> Option<&'a Component> {
    ctx.ix.design().components.iter().find(|c| {
        c.kind.name() == KindName::Igw
            && ctx
                .ix
                .ancestor_of_kind(c, KindName::Vpc)
                .is_some_and(|v| v.id == vpc.id)
    })
}

/// ", or turn on private access" when that would keep `src`'s traffic inside: it is in the
/// cluster VPC and private access is off.
fn private_alternative(
    ctx: &Ctx<'_>,
    _src: &Component,
    vpc: &Component,
) -> Option<crate::i18n::Msg> {
    let in_cluster_vpc = ctx.cluster_vpc.is_some_and(|c| c.id == vpc.id);
    (in_cluster_vpc && !ctx.cluster.endpoint_private_access)
        .then(|| crate::msg!("part-or-private-access"))
}

/// The optional "or turn on private access" of a fix, as a value (empty when none).
fn alt_part(alt: Option<crate::i18n::Msg>) -> crate::i18n::Msg {
    alt.unwrap_or_else(|| crate::msg!("nothing"))
}

impl Block {
    /// The fix of a subnet with no way to the internet: a default route to the VPC's NAT
    /// gateway (or its internet gateway for a source with a public IP), else private access.
    fn with_way_out(
        self,
        ctx: &Ctx<'_>,
        src: &Component,
        vpc: &Component,
        subnet: &Component,
        public_ip: Option<Ipv4Addr>,
        // The route that matched (replaced by the fix), or 0.0.0.0/0 when none did.
        destination: &str,
    ) -> Self {
        let target = if public_ip.is_some() {
            vpc_igw(ctx, vpc).or_else(|| internet_nat(ctx, vpc, subnet))
        } else {
            internet_nat(ctx, vpc, subnet)
        };
        let alt = private_alternative(ctx, src, vpc);
        match target {
            Some(t) => self.fixed(
                crate::msg!(
                    "fix-add-route-to",
                    destination = destination,
                    target = &t.id,
                    subnet = &subnet.id,
                    alt = alt_part(alt)
                ),
                Some(FixEdit::PutRoute {
                    subnet: subnet.id.clone(),
                    destination: destination.to_owned(),
                    target: t.id.clone(),
                }),
            ),
            None if alt.is_some() => self.fixed(
                crate::msg!(
                    "fix-private-access-or-nat",
                    vpc = &vpc.id,
                    subnet = &subnet.id
                ),
                Some(FixEdit::TurnOnEndpoint {
                    public: false,
                    private: true,
                }),
            ),
            None => self.fixed(
                crate::msg!("fix-add-nat", vpc = &vpc.id, subnet = &subnet.id),
                None,
            ),
        }
    }
}

pub(super) fn private_path(
    ctx: &Ctx<'_>,
    src: &Component,
    place: Place<'_>,
    trace: &mut Trace,
) -> Result<Exposure, Block> {
    let Some(eni) = pick_eni(ctx, place) else {
        return Err(Block::new(
            Code::NoEksEni,
            Some(&src.id),
            crate::msg!("reason-resolves-to-missing-eni"),
        )
        .fixed(no_eni_fix(ctx), None));
    };
    let dest = eni_ip(eni);
    let vpc_msg = ctx.cluster_vpc.map_or_else(
        || crate::msg!("part-the-cluster-vpc"),
        |v| crate::i18n::Msg::verbatim(&v.id),
    );
    let Some(dest_ip) = dest else {
        return Err(Block::new(
            Code::NoRouteToPrivateEndpoint,
            Some(&eni.id),
            crate::msg!("reason-eni-no-private-ip", eni = &eni.id),
        )
        .fixed(crate::msg!("fix-give-eni-private-ip", eni = &eni.id), None));
    };
    let public_off = !ctx.cluster.endpoint_public_access;
    let no_route = |at: &str, why: crate::i18n::Msg| {
        let kubectl = src.kind.name() == KindName::Client;
        let vpc = vpc_msg.clone();
        Block::new(
            Code::NoRouteToPrivateEndpoint,
            Some(at),
            crate::msg!(
                "reason-no-route-into-vpc",
                ip = crate::i18n::words::address(dest),
                src = &src.id,
                vpc = vpc.clone(),
                why = why
            ),
        )
        .fixed(
            match (kubectl, public_off) {
                (true, false) => crate::msg!("fix-run-kubectl-inside-vpc", vpc = vpc),
                (true, true) => crate::msg!("fix-run-kubectl-inside-vpc-or-public", vpc = vpc),
                (false, false) => crate::msg!("fix-run-inside-vpc", vpc = vpc),
                (false, true) => crate::msg!("fix-run-inside-vpc-or-public", vpc = vpc),
            },
            public_off.then_some(FixEdit::TurnOnEndpoint {
                public: true,
                private: false,
            }),
        )
    };
    let src_iface = Iface {
        ip: match place {
            Place::Vpc { ip, .. } | Place::OnPrem { ip, .. } => ip,
            Place::Internet { public_ip } => public_ip,
        },
        sgs: match place {
            Place::Vpc { .. } => ctx.sgs_of(src),
            _ => None,
        },
    };
    let eni_iface = Iface {
        ip: Some(dest_ip),
        sgs: Some(ctx.eni_sgs()),
    };
    let eni_subnet = ctx.ix.parent(eni);
    if let Place::Vpc { subnet, .. } = place {
        source_checks(
            ctx, src, &src_iface, &eni_iface, subnet, eni_subnet, 443, trace,
        )?;
    }
    let (src_ip, src_net): (Option<Ipv4Addr>, &Component) = match place {
        Place::Internet { .. } => {
            return Err(no_route(&src.id, crate::msg!("part-on-internet-no-vpn")));
        }
        Place::Vpc {
            vpc, subnet, ip, ..
        } if ctx.cluster_vpc.is_some_and(|c| c.id == vpc.id) => {
            trace.hop(eni);
            trace.step(
                Some(subnet),
                crate::msg!(
                    "step-local-route-to-eni",
                    subnet = &subnet.id,
                    vpc = &vpc.id,
                    eni = &eni.id,
                    ip = crate::i18n::words::address(dest)
                ),
            );
            eni_checks(ctx, src, &src_iface, &eni_iface, eni, Some(subnet), trace)?;
            let _ = ip;
            return Ok(finish_private(ctx, eni, trace));
        }
        Place::Vpc {
            vpc, subnet, ip, ..
        } => {
            let Next::Target(t, _) = lookup(ctx, subnet, Some(vpc), Some(dest_ip)) else {
                return Err(no_route(
                    &subnet.id,
                    crate::msg!(
                        "part-subnet-no-route",
                        subnet = &subnet.id,
                        dest = crate::i18n::words::address(dest)
                    ),
                ));
            };
            if !is_connector(t) {
                return Err(no_route(
                    &subnet.id,
                    crate::msg!(
                        "part-subnet-sends-to",
                        subnet = &subnet.id,
                        dest = crate::i18n::words::address(dest),
                        target = crate::i18n::words::named(t)
                    ),
                ));
            }
            let (path, reached) = match traverse(ctx, vpc, t, dest_ip) {
                Ok(x) => x,
                Err(stop) => return Err(stopped(stop, trace, |why| no_route(&subnet.id, why))),
            };
            enter(ctx, src, subnet, &path, reached, eni, trace, dest)?;
            (ip, vpc)
        }
        Place::OnPrem { net: onprem, ip } => {
            let Next::Target(t, _) = lookup(ctx, onprem, None, Some(dest_ip)) else {
                return Err(no_route(
                    &src.id,
                    crate::msg!(
                        "part-onprem-no-route",
                        net = &onprem.id,
                        dest = crate::i18n::words::address(dest)
                    ),
                ));
            };
            let (path, reached) = match traverse(ctx, onprem, t, dest_ip) {
                Ok(x) => x,
                Err(stop) => return Err(stopped(stop, trace, |why| no_route(&src.id, why))),
            };
            enter(ctx, src, onprem, &path, reached, eni, trace, dest)?;
            (ip, onprem)
        }
    };
    eni_checks(ctx, src, &src_iface, &eni_iface, eni, None, trace)?;
    // The return path: the ENI's subnet must route the source back through a connector.
    let back_ok = match (eni_subnet, src_ip, ctx.cluster_vpc) {
        (Some(s), Some(sip), Some(cv)) => match lookup(ctx, s, ctx.cluster_vpc, Some(sip)) {
            Next::Target(t, _) if is_connector(t) => match traverse(ctx, cv, t, sip) {
                Ok((_, reached)) => reached.id == src_net.id,
                // A transit gateway or link that drops the replies says so itself.
                Err(Stop::Blocked(mut b, _)) => {
                    b.reason = crate::msg!("reason-replies-lost", reason = b.reason.clone());
                    return Err(*b);
                }
                Err(Stop::NoNetwork(_)) => false,
            },
            _ => false,
        },
        _ => false,
    };
    if !back_ok {
        let subnet_id = eni_subnet.map_or(eni.id.as_str(), |s| s.id.as_str());
        let src_net_cidr = vpc_cidrs(ctx, src_net)
            .iter()
            .find(|n| src_ip.is_some_and(|a| n.contains(&a)))
            .map(ToString::to_string);
        let src_cidr_msg = src_net_cidr.as_ref().map_or_else(
            || crate::i18n::words::address(src_ip),
            crate::i18n::Msg::verbatim,
        );
        let src_cidr = src_net_cidr.unwrap_or_else(|| fmt_ip(src_ip));
        let mut b = Block::new(
            Code::NoReturnRoute,
            Some(subnet_id),
            crate::msg!(
                "reason-no-return-route",
                subnet = subnet_id,
                cidr = src_cidr_msg.clone(),
                net = &src_net.id
            ),
        );
        let via = trace
            .hops
            .iter()
            .rev()
            .find(|h| matches!(h.kind, KindName::Tgw | KindName::Vpn | KindName::Peering))
            .map_or_else(
                || crate::msg!("part-the-connection-it-came-through"),
                |h| crate::i18n::Msg::verbatim(&h.id),
            );
        b.fix = Some(crate::msg!(
            "fix-add-return-route",
            cidr = src_cidr_msg,
            via = via,
            subnet = subnet_id
        ));
        let connector = trace
            .hops
            .iter()
            .rev()
            .find(|h| matches!(h.kind, KindName::Tgw | KindName::Vpn | KindName::Peering));
        b.edit = match (connector, eni_subnet) {
            (Some(c), Some(s)) if src_cidr.contains('/') => Some(FixEdit::PutRoute {
                subnet: s.id.clone(),
                destination: src_cidr.clone(),
                target: c.id.to_string(),
            }),
            _ => None,
        }
        .map(Box::new);
        return Err(b);
    }
    if let Some(s) = eni_subnet {
        trace.step(
            Some(s),
            crate::msg!(
                "step-return-route",
                subnet = &s.id,
                ip = crate::i18n::words::address(src_ip)
            ),
        );
    }
    Ok(finish_private(ctx, eni, trace))
}

#[expect(
    clippy::too_many_arguments,
    reason = "one helper shared by two callers"
)]
pub(super) fn enter(
    ctx: &Ctx<'_>,
    src: &Component,
    from: &Component,
    path: &[&Component],
    reached: &Component,
    eni: &Component,
    trace: &mut Trace,
    dest: Option<Ipv4Addr>,
) -> Result<(), Block> {
    use crate::i18n::words::{address, named};
    if ctx.cluster_vpc.is_none_or(|c| c.id != reached.id) {
        return Err(Block::new(
            Code::NoRouteToPrivateEndpoint,
            Some(&from.id),
            crate::msg!(
                "reason-route-leads-elsewhere",
                src = &src.id,
                dest = address(dest),
                reached = &reached.id
            ),
        ));
    }
    for c in path {
        trace.hop(c);
    }
    // "A and B and C": each connector named.
    let names = path
        .iter()
        .map(|c| named(c))
        .reduce(|a, b| crate::msg!("part-and", a = a, b = b))
        .unwrap_or_else(|| crate::i18n::Msg::verbatim(""));
    // What a connection carries is inferred unless the design lists it.
    let listed = path.iter().all(|c| {
        ctx.ix.design().transit.carried_by(&c.id).is_some() || c.kind.name() == KindName::Tgw
    });
    let (f, d, n, r, e) = (&from.id, address(dest), names, &reached.id, &eni.id);
    trace.step(
        Some(from),
        if listed {
            crate::msg!(
                "step-routes-through-connection",
                from = f,
                dest = d,
                through = n,
                vpc = r,
                eni = e
            )
        } else {
            crate::msg!(
                "step-routes-through-connection-inferred",
                from = f,
                dest = d,
                through = n,
                vpc = r,
                eni = e
            )
        },
    );
    trace.hop(eni);
    Ok(())
}

pub(super) fn finish_private(ctx: &Ctx<'_>, eni: &Component, trace: &mut Trace) -> Exposure {
    let api = ctx.api.map_or_else(
        || crate::msg!("part-an-api-server"),
        |a| crate::i18n::Msg::verbatim(&a.id),
    );
    trace.step(
        Some(eni),
        crate::msg!(
            "step-eni-carries-into-managed-vpc",
            eni = &eni.id,
            api = api
        ),
    );
    Exposure::None
}

/// Warnings about a node that do not change its verdicts (domain.md §2.3 item 7).
pub(super) fn node_warnings(ctx: &Ctx<'_>, node: &Component, place: Place<'_>, trace: &mut Trace) {
    let Place::Vpc {
        vpc,
        subnet,
        public_ip,
        auto_public,
        ..
    } = place
    else {
        return;
    };
    let has_public = public_ip.is_some() || auto_public;
    let default_target = match lookup(ctx, subnet, Some(vpc), None) {
        Next::Target(t, _) => Some(t.kind.name()),
        _ => None,
    };
    if has_public && default_target == Some(KindName::Igw) {
        let message = if public_ip.is_some() {
            crate::msg!("warn-node-public-ip", node = &node.id)
        } else {
            crate::msg!("warn-node-auto-public-ip", node = &node.id)
        };
        trace.warn(
            Finding::new(Level::Warning, Code::WNodePublicIp, Some(&node.id), message)
                .with_fix(crate::msg!("fix-node-private-subnets")),
        );
    }
    let egress = match default_target {
        Some(KindName::Nat) => true,
        Some(KindName::Igw) => has_public,
        _ => false,
    };
    let endpoints: &[String] = match &vpc.kind {
        ComponentKind::Vpc(v) => &v.endpoints,
        _ => &[],
    };
    let needed = ["ecr.api", "ecr.dkr", "s3", "ec2", "sts"];
    let missing: Vec<&str> = needed
        .iter()
        .copied()
        .filter(|n| !endpoints.iter().any(|e| e == n))
        .collect();
    if !egress && !missing.is_empty() {
        trace.warn(
            Finding::new(
                Level::Warning,
                Code::WNodeNoAwsApiEgress,
                Some(&node.id),
                crate::msg!(
                    "warn-node-no-aws-api-egress",
                    subnet = &subnet.id,
                    vpc = &vpc.id,
                    endpoints = missing.join(", "),
                    node = &node.id
                ),
            )
            .with_fix(crate::msg!(
                "fix-add-nat-or-endpoints",
                endpoints = missing.join(", ")
            )),
        );
    }
}

/// The source side of a hop: its security groups' egress and its subnet's network ACL.
#[expect(clippy::too_many_arguments, reason = "the pieces of one hop")]
pub(super) fn source_checks(
    ctx: &Ctx<'_>,
    src: &Component,
    src_iface: &Iface<'_>,
    dest_iface: &Iface<'_>,
    src_subnet: &Component,
    dest_subnet: Option<&Component>,
    port: u16,
    trace: &mut Trace,
) -> Result<(), Block> {
    let dest_text = crate::i18n::words::address(dest_iface.ip);
    match egress_rule(ctx, src_iface, dest_iface, port) {
        Ok(rule) => trace.rule(&src.id, rule),
        Err(groups) => {
            let managed = src_iface
                .sgs
                .as_deref()
                .and_then(|v| super::security::managed_group(ctx, v));
            let first =
                managed.map_or_else(|| crate::msg!("part-its-sg"), crate::i18n::Msg::verbatim);
            let mut b = Block::new(
                Code::SgEgressDeny,
                Some(&src.id),
                crate::msg!(
                    "reason-sg-no-egress",
                    groups = sg_list(&groups, true),
                    src = &src.id,
                    port = port,
                    dest = dest_text.clone()
                ),
            );
            b.fix = Some(crate::msg!(
                "fix-allow-tcp-egress",
                port = port,
                dest = dest_text,
                group = first
            ));
            b.edit = match (managed, dest_iface.ip) {
                (Some(g), Some(d)) => Some(FixEdit::AddSgRule {
                    group: g.to_owned(),
                    direction: super::fix::Direction::Egress,
                    port,
                    peer: format!("{d}/32"),
                    peer_is_group: false,
                }),
                _ => None,
            }
            .map(Box::new);
            return Err(b);
        }
    }
    if dest_subnet.is_none_or(|d| d.id != src_subnet.id) {
        for rule in acl_leave(ctx, src_subnet, dest_iface.ip, port)? {
            trace.rule(&src.id, rule);
        }
    }
    Ok(())
}

/// The EKS-owned ENI side: its subnet's network ACL and the cluster security group.
pub(super) fn eni_checks(
    ctx: &Ctx<'_>,
    src: &Component,
    src_iface: &Iface<'_>,
    eni_iface: &Iface<'_>,
    eni: &Component,
    src_subnet: Option<&Component>,
    trace: &mut Trace,
) -> Result<(), Block> {
    let eni_subnet = ctx.ix.parent(eni);
    if let Some(es) = eni_subnet
        && src_subnet.is_none_or(|s| s.id != es.id)
    {
        for rule in acl_enter(ctx, es, src_iface.ip, 443)? {
            trace.rule(&eni.id, rule);
        }
    }
    match ingress_rule(ctx, eni_iface, src_iface, 443) {
        Ok(rule) => {
            trace.rule(&eni.id, rule);
            Ok(())
        }
        Err(groups) => {
            let cluster_sg = ctx.eni_sgs().first().map_or_else(
                || crate::msg!("part-the-cluster-sg"),
                |g| crate::i18n::Msg::verbatim(*g),
            );
            let from = suggest_peer(ctx, src, src_iface);
            let from_msg = if let Some(sg) = from.strip_prefix("sg ") {
                crate::msg!("part-peer-sg", sg = sg)
            } else if from == "the source" {
                crate::msg!("part-the-source")
            } else {
                crate::i18n::Msg::verbatim(&from)
            };
            let mut b = Block::new(
                Code::ClusterSgNo443Ingress,
                Some(&eni.id),
                crate::msg!(
                    "reason-cluster-sg-no-443",
                    groups = sg_list(&groups, false),
                    count = sg_count(&groups),
                    src = &src.id,
                    ip = crate::i18n::words::address(src_iface.ip)
                ),
            );
            b.fix = Some(crate::msg!(
                "fix-allow-443-from",
                peer = from_msg,
                group = cluster_sg
            ));
            // Only a peer the model can hold: a security group, or a CIDR.
            let peer_ok = from.starts_with("sg ") || net::parse_cidr_v4(&from).is_ok();
            b.edit = ctx
                .eni_sgs()
                .first()
                .filter(|_| peer_ok)
                .map(|g| {
                    let (peer, peer_is_group) = from
                        .strip_prefix("sg ")
                        .map_or((from.clone(), false), |sg| (sg.to_owned(), true));
                    FixEdit::AddSgRule {
                        group: (*g).to_owned(),
                        direction: super::fix::Direction::Ingress,
                        port: 443,
                        peer,
                        peer_is_group,
                    }
                })
                .map(Box::new);
            Err(b)
        }
    }
}

/// How to name a source in a suggested rule: its security group inside the cluster VPC,
/// otherwise the CIDR of its network, otherwise its address.
pub(super) fn suggest_peer(ctx: &Ctx<'_>, src: &Component, iface: &Iface<'_>) -> String {
    let place = ctx.place(src);
    let same_vpc =
        matches!(place, Place::Vpc { vpc, .. } if ctx.cluster_vpc.is_some_and(|c| c.id == vpc.id));
    if same_vpc && let Some(sg) = iface.sgs.as_ref().and_then(|v| v.first()) {
        return format!("sg {sg}");
    }
    let network = match place {
        Place::Vpc { vpc, .. } => Some(vpc),
        Place::OnPrem { net, .. } => Some(net),
        Place::Internet { .. } => None,
    };
    if !same_vpc
        && let (Some(n), Some(a)) = (network, iface.ip)
        && let Some(c) = vpc_cidrs(ctx, n).iter().find(|c| c.contains(&a))
    {
        return c.to_string();
    }
    iface
        .ip
        .map_or_else(|| "the source".to_owned(), |a| format!("{a}/32"))
}

/// How many security groups a list from `egress_rule`/`ingress_rule` names.
pub(super) fn sg_count(list: &str) -> usize {
    list.split(", ").filter(|s| !s.is_empty()).count()
}

/// Security groups by id, as one phrase: "security group a" / "security groups a, b and
/// c" (capitalized to start a sentence).
pub(super) fn sg_list(list: &str, cap: bool) -> crate::i18n::Msg {
    let ids: Vec<&str> = list.split(", ").filter(|s| !s.is_empty()).collect();
    let (rest, last) = match ids.as_slice() {
        [] => (String::new(), ""),
        [rest @ .., last] => (rest.join(", "), *last),
    };
    if cap {
        crate::msg!(
            "part-sg-list-cap",
            count = ids.len(),
            rest = rest,
            last = last
        )
    } else {
        crate::msg!("part-sg-list", count = ids.len(), rest = rest, last = last)
    }
}

/// The NLB's address, or "the public endpoint" when it is unknown.
fn endpoint_msg(nlb_ip: Option<Ipv4Addr>) -> crate::i18n::Msg {
    nlb_ip.map_or_else(
        || crate::msg!("part-the-public-endpoint"),
        crate::i18n::Msg::verbatim,
    )
}

/// "the public endpoint 198.51.100.50", or "the public endpoint" when its address is
/// unknown.
fn public_endpoint_msg(nlb_ip: Option<Ipv4Addr>) -> crate::i18n::Msg {
    nlb_ip.map_or_else(
        || crate::msg!("part-the-public-endpoint"),
        |a| crate::msg!("part-the-public-endpoint-at", ip = a),
    )
}
