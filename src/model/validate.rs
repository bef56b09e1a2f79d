//! Structural rules of a design: ids, containment, references, addresses.
//!
//! These are the rules every design must satisfy to be edited and analysed. The path engine
//! adds its own configuration checks (endpoint flags, cluster subnets) on top.

use std::collections::{HashMap, HashSet};
use std::fmt;

use ipnet::Ipv4Net;
use serde::Serialize;

use crate::i18n::{Msg, words};
use crate::msg;

use super::component::{Component, ComponentKind, ConnectionKind, KindName, LOCAL_TARGET, Route};
use super::design::{Design, DesignIndex};
use super::net::{parse_cidr_any, parse_cidr_v4, parse_ip_v4};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The design breaks a rule; it cannot be analysed reliably.
    Error,
    /// Allowed, but probably not what was meant.
    Warning,
}

/// One rule violation, naming the component and field where possible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// A stable machine-readable code, e.g. `E_BAD_CIDR`.
    pub code: &'static str,
    /// The component concerned, if any.
    pub component: Option<String>,
    /// The field concerned (`cidr`, `routes[1].target`, `cluster.public_access_cidrs[0]`), if any.
    pub field: Option<String>,
    /// What is wrong, in one sentence (English in JSON, the reader's language on screen).
    pub message: Msg,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => msg!("problem-error"),
            Severity::Warning => msg!("problem-warning"),
        };
        let (code, message) = (self.code, &self.message);
        let line = match (&self.component, &self.field) {
            (Some(component), Some(field)) => msg!(
                "problem-in-component-field",
                severity = severity,
                code = code,
                component = component,
                field = field,
                message = message
            ),
            (Some(component), None) => msg!(
                "problem-in-component",
                severity = severity,
                code = code,
                component = component,
                message = message
            ),
            (None, Some(field)) => msg!(
                "problem-in-field",
                severity = severity,
                code = code,
                field = field,
                message = message
            ),
            (None, None) => msg!(
                "problem-plain",
                severity = severity,
                code = code,
                message = message
            ),
        };
        write!(f, "{line}")
    }
}

struct Report {
    problems: Vec<Problem>,
}

impl Report {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        component: Option<&str>,
        field: Option<String>,
        message: Msg,
    ) {
        self.problems.push(Problem {
            severity,
            code,
            component: component.map(str::to_owned),
            field,
            message,
        });
    }

    fn error(&mut self, code: &'static str, c: &str, field: impl Into<String>, message: Msg) {
        self.push(Severity::Error, code, Some(c), Some(field.into()), message);
    }

    fn warn(&mut self, code: &'static str, c: &str, field: Option<String>, message: Msg) {
        self.push(Severity::Warning, code, Some(c), field, message);
    }
}

/// Checks that an id is usable: non-empty, readable characters, not reserved.
pub fn check_id(id: &str) -> Result<(), Msg> {
    if id.is_empty() {
        return Err(msg!("id-empty"));
    }
    if id.len() > 64 {
        return Err(msg!("id-too-long", id = id));
    }
    if id == LOCAL_TARGET {
        return Err(msg!("id-reserved-local"));
    }
    if id == super::transit::BLACKHOLE {
        return Err(msg!("id-reserved-blackhole"));
    }
    if !id
        .chars()
        .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.'))
    {
        return Err(msg!("id-bad-chars", id = id));
    }
    Ok(())
}

/// Checks every structural rule and returns all problems found, errors first, in document order.
pub fn validate(design: &Design) -> Vec<Problem> {
    let mut r = Report {
        problems: Vec::new(),
    };
    let index = DesignIndex::new(design);

    check_ids(design, &mut r);
    for c in &design.components {
        check_geometry(c, &mut r);
        check_parent(c, &index, &mut r);
        check_props(c, &index, &mut r);
    }
    check_cycles(design, &index, &mut r);
    check_subnet_overlaps(design, &index, &mut r);
    check_address_duplicates(design, &index, &mut r);
    check_connections(design, &index, &mut r);
    check_cluster(design, &index, &mut r);
    check_security(design, &mut r);
    check_transit(design, &index, &mut r);

    // Stable order: errors first, otherwise document order.
    r.problems.sort_by_key(|p| p.severity);
    r.problems
}

/// True when the problems include at least one error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

fn check_ids(design: &Design, r: &mut Report) {
    let mut seen: HashSet<&str> = HashSet::new();
    for c in &design.components {
        if let Err(msg) = check_id(&c.id) {
            r.error("E_BAD_ID", &c.id, "id", msg);
        }
        if !seen.insert(c.id.as_str()) {
            r.error(
                "E_DUPLICATE_ID",
                &c.id,
                "id",
                msg!("val-duplicate-id", id = &c.id),
            );
        }
    }
}

fn check_geometry(c: &Component, r: &mut Report) {
    let values = [c.pos.x, c.pos.y, c.size.w, c.size.h];
    if values.iter().any(|v| !v.is_finite() || v.abs() > 1.0e7) {
        r.error(
            "E_BAD_GEOMETRY",
            &c.id,
            "pos/size",
            msg!("val-geometry-range"),
        );
    } else if c.size.w <= 0.0 || c.size.h <= 0.0 {
        r.error(
            "E_BAD_GEOMETRY",
            &c.id,
            "size",
            msg!(
                "val-size-positive",
                w = c.size.w.to_string(),
                h = c.size.h.to_string()
            ),
        );
    }
}

fn check_parent(c: &Component, index: &DesignIndex<'_>, r: &mut Report) {
    let kind = c.kind.name();
    let parent = match &c.parent {
        None => None,
        Some(pid) => {
            let Some(p) = index.get(pid) else {
                r.error(
                    "E_UNKNOWN_PARENT",
                    &c.id,
                    "parent",
                    msg!("val-unknown-parent", parent = pid),
                );
                return;
            };
            Some(p)
        }
    };
    let parent_kind = parent.map(|p| p.kind.name());
    if !kind.allowed_parents().contains(&parent_kind) {
        let here = match parent {
            Some(p) => msg!("val-sits-in", kind = words::kind(p.kind.name()), id = &p.id),
            None => msg!("val-sits-top"),
        };
        r.error(
            "E_BAD_PLACEMENT",
            &c.id,
            "parent",
            msg!(
                "val-bad-placement",
                hint = kind.placement_hint(),
                here = here
            ),
        );
        return;
    }
    if let Some(p) = parent
        && p.id != c.id
        && !p.rect().contains_rect(&c.rect())
    {
        r.warn(
            "W_OUTSIDE_PARENT",
            &c.id,
            Some("pos".to_owned()),
            msg!("val-outside-parent", parent = &p.id),
        );
    }
}

fn check_cycles(design: &Design, index: &DesignIndex<'_>, r: &mut Report) {
    for c in &design.components {
        let mut cur = c;
        let mut steps = 0;
        while let Some(p) = index.parent(cur) {
            steps += 1;
            if p.id == c.id || steps > design.components.len() {
                r.error("E_CONTAINMENT_CYCLE", &c.id, "parent", msg!("val-cycle"));
                break;
            }
            cur = p;
        }
    }
}

fn cidr_field(r: &mut Report, c: &str, field: String, text: &str) -> Option<Ipv4Net> {
    match parse_cidr_v4(text) {
        Ok(n) => Some(n),
        Err(msg) => {
            r.error("E_BAD_CIDR", c, field, msg);
            None
        }
    }
}

fn ip_field(r: &mut Report, c: &str, field: &str, text: &str) -> Option<std::net::Ipv4Addr> {
    match parse_ip_v4(text) {
        Ok(ip) => Some(ip),
        Err(msg) => {
            r.error("E_BAD_IP", c, field, msg);
            None
        }
    }
}

/// The parsed CIDR of the subnet that holds `c`, if it parses.
fn enclosing_subnet_cidr(c: &Component, index: &DesignIndex<'_>) -> Option<(String, Ipv4Net)> {
    let subnet = index.parent(c)?;
    match &subnet.kind {
        ComponentKind::Subnet(s) => parse_cidr_v4(&s.cidr).ok().map(|n| (subnet.id.clone(), n)),
        _ => None,
    }
}

fn check_ip_in_subnet(
    c: &Component,
    index: &DesignIndex<'_>,
    r: &mut Report,
    field: &str,
    ip: std::net::Ipv4Addr,
) {
    if let Some((sid, net)) = enclosing_subnet_cidr(c, index)
        && !net.contains(&ip)
    {
        r.error(
            "E_IP_OUTSIDE_SUBNET",
            &c.id,
            field,
            msg!(
                "val-ip-outside-subnet",
                ip = ip,
                subnet = sid,
                cidr = net.to_string()
            ),
        );
    }
}

fn required_ip(c: &Component, index: &DesignIndex<'_>, r: &mut Report, field: &str, text: &str) {
    if text.trim().is_empty() {
        r.error(
            "E_MISSING_IP",
            &c.id,
            field,
            msg!("val-missing-ip", kind = words::kind(c.kind.name())),
        );
    } else if let Some(ip) = ip_field(r, &c.id, field, text) {
        check_ip_in_subnet(c, index, r, field, ip);
    }
}

fn check_routes(
    c: &Component,
    routes: &[Route],
    allowed: &[KindName],
    index: &DesignIndex<'_>,
    r: &mut Report,
) {
    let mut destinations: HashMap<Ipv4Net, usize> = HashMap::new();
    for (i, route) in routes.iter().enumerate() {
        if let Some(net) = cidr_field(
            r,
            &c.id,
            format!("routes[{i}].destination"),
            &route.destination,
        ) && let Some(first) = destinations.insert(net, i)
        {
            r.error(
                "E_DUPLICATE_ROUTE",
                &c.id,
                format!("routes[{i}].destination"),
                msg!(
                    "val-duplicate-route",
                    net = net.to_string(),
                    first = first.to_string()
                ),
            );
        }
        let field = format!("routes[{i}].target");
        if route.target == LOCAL_TARGET {
            if c.kind.name() != KindName::Subnet {
                r.error(
                    "E_BAD_ROUTE_TARGET",
                    &c.id,
                    field,
                    msg!("val-local-target-subnet-only"),
                );
            }
            continue;
        }
        let Some(target) = index.get(&route.target) else {
            r.error(
                "E_UNKNOWN_ROUTE_TARGET",
                &c.id,
                field,
                msg!("val-unknown-route-target", target = &route.target),
            );
            continue;
        };
        let tk = target.kind.name();
        if !allowed.contains(&tk) {
            let names: Vec<&str> = allowed.iter().map(|k| k.as_str()).collect();
            r.error(
                "E_BAD_ROUTE_TARGET",
                &c.id,
                field,
                msg!(
                    "val-bad-route-target",
                    id = &target.id,
                    kind = tk.as_str(),
                    allowed = names.join(", ")
                ),
            );
            continue;
        }
        // Gateways that live in a VPC must be in the same VPC as the subnet routing to them.
        if matches!(tk, KindName::Igw | KindName::Nat) {
            let own = index.ancestor_of_kind(c, KindName::Vpc).map(|v| &v.id);
            let theirs = index.ancestor_of_kind(target, KindName::Vpc).map(|v| &v.id);
            if own != theirs {
                r.error(
                    "E_BAD_ROUTE_TARGET",
                    &c.id,
                    field,
                    msg!(
                        "val-gateway-other-vpc",
                        kind = words::kind(tk),
                        id = &target.id
                    ),
                );
            }
        }
    }
}

fn check_props(c: &Component, index: &DesignIndex<'_>, r: &mut Report) {
    match &c.kind {
        ComponentKind::Vpc(v) => {
            if v.cidr_blocks.is_empty() {
                r.error("E_BAD_CIDR", &c.id, "cidr_blocks", msg!("val-vpc-no-cidr"));
            }
            for (i, b) in v.cidr_blocks.iter().enumerate() {
                cidr_field(r, &c.id, format!("cidr_blocks[{i}]"), b);
            }
            for (i, b) in v.recent_cidr_blocks.iter().enumerate() {
                if cidr_field(r, &c.id, format!("recent_cidr_blocks[{i}]"), b).is_some()
                    && !v.cidr_blocks.contains(b)
                {
                    r.error(
                        "E_BAD_CIDR",
                        &c.id,
                        format!("recent_cidr_blocks[{i}]"),
                        msg!("val-recent-not-in-vpc", cidr = b),
                    );
                }
            }
        }
        ComponentKind::Subnet(s) => {
            if let Some(net) = cidr_field(r, &c.id, "cidr".to_owned(), &s.cidr)
                && let Some(vpc) = index.parent(c)
                && let ComponentKind::Vpc(v) = &vpc.kind
            {
                let inside = v
                    .cidr_blocks
                    .iter()
                    .filter_map(|b| parse_cidr_v4(b).ok())
                    .any(|b| b.contains(&net));
                if !inside && !v.cidr_blocks.is_empty() {
                    r.error(
                        "E_SUBNET_OUTSIDE_VPC_CIDR",
                        &c.id,
                        "cidr",
                        msg!(
                            "val-subnet-outside-vpc",
                            net = net.to_string(),
                            vpc = &vpc.id,
                            blocks = v.cidr_blocks.join(", ")
                        ),
                    );
                }
            }
            if s.az.trim().is_empty() {
                r.warn("W_NO_AZ", &c.id, Some("az".to_owned()), msg!("val-no-az"));
            }
            check_routes(c, &s.routes, &KindName::SUBNET_ROUTE_TARGETS, index, r);
        }
        ComponentKind::Nlb(n) => {
            for (i, ip) in n.public_ips.iter().enumerate() {
                ip_field(r, &c.id, &format!("public_ips[{i}]"), ip);
            }
        }
        ComponentKind::EksEni(e) => required_ip(c, index, r, "private_ip", &e.private_ip),
        ComponentKind::Nat(n) => {
            if let Some(eip) = &n.elastic_ip {
                ip_field(r, &c.id, "elastic_ip", eip);
            }
        }
        ComponentKind::Node(n) => {
            required_ip(c, index, r, "private_ip", &n.private_ip);
            if !n.hybrid && index.parent(c).map(|p| p.kind.name()) == Some(KindName::OnPrem) {
                r.error(
                    "E_BAD_PLACEMENT",
                    &c.id,
                    "hybrid",
                    msg!("val-onprem-node-hybrid"),
                );
            }
            if let Some(ip) = &n.public_ip {
                ip_field(r, &c.id, "public_ip", ip);
            }
        }
        ComponentKind::Client(cl) => {
            if let Some(ip) = &cl.private_ip
                && let Some(addr) = ip_field(r, &c.id, "private_ip", ip)
            {
                check_ip_in_subnet(c, index, r, "private_ip", addr);
            }
            if let Some(ip) = &cl.public_ip {
                ip_field(r, &c.id, "public_ip", ip);
            }
            let parent_kind = index.parent(c).map(|p| p.kind.name());
            if parent_kind.is_some() && cl.private_ip.is_none() {
                r.error(
                    "E_MISSING_IP",
                    &c.id,
                    "private_ip",
                    msg!("val-client-needs-ip"),
                );
            }
        }
        ComponentKind::OnPrem(o) => {
            for (i, b) in o.cidrs.iter().enumerate() {
                cidr_field(r, &c.id, format!("cidrs[{i}]"), b);
            }
            if let Some(ip) = &o.internet_egress_ip {
                ip_field(r, &c.id, "internet_egress_ip", ip);
            }
            check_routes(c, &o.routes, &KindName::ON_PREM_ROUTE_TARGETS, index, r);
        }
        ComponentKind::ControlPlane
        | ComponentKind::ApiServer
        | ComponentKind::Igw
        | ComponentKind::Vpn
        | ComponentKind::Tgw
        | ComponentKind::Peering
        | ComponentKind::Phz
        | ComponentKind::Note(_) => {}
    }
}

fn check_subnet_overlaps(design: &Design, index: &DesignIndex<'_>, r: &mut Report) {
    // Subnets of one VPC must not overlap.
    let mut by_vpc: HashMap<&str, Vec<(&str, Ipv4Net)>> = HashMap::new();
    for c in &design.components {
        if let ComponentKind::Subnet(s) = &c.kind
            && let Ok(net) = parse_cidr_v4(&s.cidr)
            && let Some(vpc) = index.parent(c)
        {
            let list = by_vpc.entry(vpc.id.as_str()).or_default();
            if let Some((other, _)) = list
                .iter()
                .find(|(_, o)| o.contains(&net) || net.contains(o))
            {
                r.error(
                    "E_SUBNET_OVERLAP",
                    &c.id,
                    "cidr",
                    msg!("val-subnet-overlap", net = net.to_string(), other = *other),
                );
            }
            list.push((c.id.as_str(), net));
        }
    }
}

/// One address, one owner: a private address is used once within a VPC (subnets of
/// different VPCs may overlap), and a public or elastic address once in the design.
fn check_address_duplicates(design: &Design, index: &DesignIndex<'_>, r: &mut Report) {
    let mut private: HashMap<(Option<&str>, &str), &str> = HashMap::new();
    let mut public: HashMap<&str, &str> = HashMap::new();
    for c in &design.components {
        if let Some(ip) = c.private_ip().filter(|ip| !ip.is_empty())
            && index
                .parent(c)
                .is_some_and(|p| p.kind.name() == KindName::Subnet)
        {
            let vpc = index
                .ancestor_of_kind(c, KindName::Vpc)
                .map(|v| v.id.as_str());
            if let Some(other) = private.insert((vpc, ip), c.id.as_str()) {
                r.error(
                    "E_DUPLICATE_IP",
                    &c.id,
                    "private_ip",
                    msg!("val-duplicate-ip", ip = ip, other = other),
                );
            }
        }
        for ip in c.public_ips() {
            if let Some(other) = public.insert(ip, c.id.as_str())
                && other != c.id
            {
                r.error(
                    "E_DUPLICATE_PUBLIC_IP",
                    &c.id,
                    "public_ip",
                    msg!("val-duplicate-public-ip", ip = ip, other = other),
                );
            }
        }
    }
}

fn check_connections(design: &Design, index: &DesignIndex<'_>, r: &mut Report) {
    for (i, conn) in design.connections.iter().enumerate() {
        let field = format!("connections[{i}]");
        let ends: Vec<Option<&Component>> = [&conn.from, &conn.to]
            .iter()
            .map(|id| index.get(id))
            .collect();
        let mut missing = false;
        for (id, end) in [&conn.from, &conn.to].iter().zip(&ends) {
            if end.is_none() {
                missing = true;
                r.push(
                    Severity::Error,
                    "E_UNKNOWN_CONNECTION_END",
                    None,
                    Some(field.clone()),
                    msg!("val-unknown-connection-end", id = *id),
                );
            }
        }
        if missing || conn.kind != ConnectionKind::Attachment {
            continue;
        }
        let (Some(Some(a)), Some(Some(b))) = (ends.first(), ends.get(1)) else {
            continue;
        };
        let (ka, kb) = (a.kind.name(), b.kind.name());
        if !KindName::can_attach(ka, kb) {
            r.push(
                Severity::Error,
                "E_BAD_ATTACHMENT",
                Some(&a.id),
                Some(field),
                msg!(
                    "val-bad-attachment",
                    a = &a.id,
                    akind = words::kind(ka),
                    b = &b.id,
                    bkind = words::kind(kb)
                ),
            );
        }
    }
}

fn check_cluster(design: &Design, index: &DesignIndex<'_>, r: &mut Report) {
    let cluster = &design.cluster;
    for (i, text) in cluster.public_access_cidrs.iter().enumerate() {
        if let Err(msg) = parse_cidr_any(text) {
            r.push(
                Severity::Error,
                "E_BAD_CIDR",
                None,
                Some(format!("cluster.public_access_cidrs[{i}]")),
                msg,
            );
        }
    }
    for (i, sid) in cluster.subnet_ids.iter().enumerate() {
        let field = Some(format!("cluster.subnet_ids[{i}]"));
        match index.get(sid) {
            None => r.push(
                Severity::Error,
                "E_UNKNOWN_SUBNET",
                None,
                field,
                msg!("val-unknown-cluster-subnet", id = sid),
            ),
            Some(c) if c.kind.name() != KindName::Subnet => r.push(
                Severity::Error,
                "E_UNKNOWN_SUBNET",
                None,
                field,
                msg!(
                    "val-cluster-subnet-not-subnet",
                    id = sid,
                    kind = words::kind(c.kind.name())
                ),
            ),
            Some(_) => {}
        }
    }
    // EKS-owned ENIs live in cluster subnets, all in one VPC.
    let mut vpcs: Vec<&str> = Vec::new();
    for eni in design.of_kind(KindName::EksEni) {
        if let Some(subnet) = index.parent(eni)
            && !cluster.subnet_ids.is_empty()
            && !cluster.subnet_ids.contains(&subnet.id)
        {
            r.error(
                "E_ENI_OUTSIDE_CLUSTER_SUBNETS",
                &eni.id,
                "parent",
                msg!("val-eni-outside-cluster-subnets", subnet = &subnet.id),
            );
        }
        if let Some(vpc) = index.ancestor_of_kind(eni, KindName::Vpc)
            && !vpcs.contains(&vpc.id.as_str())
        {
            vpcs.push(vpc.id.as_str());
        }
    }
    if vpcs.len() > 1 {
        r.push(
            Severity::Error,
            "E_ENIS_IN_SEVERAL_VPCS",
            None,
            Some("parent".to_owned()),
            msg!("val-enis-several-vpcs", vpcs = vpcs.join(", ")),
        );
    }
}

fn check_ports(r: &mut Report, field: String, ports: (u16, u16)) {
    if ports.0 > ports.1 {
        r.push(
            Severity::Error,
            "E_BAD_PORTS",
            None,
            Some(field),
            msg!(
                "val-ports-reversed",
                from = ports.0.to_string(),
                to = ports.1.to_string()
            ),
        );
    }
}

fn check_security(design: &Design, r: &mut Report) {
    use super::security::{DEFAULT_CLUSTER_SG, Peer};
    let mut sg_ids: HashSet<&str> = HashSet::new();
    for (i, sg) in design.security_groups.iter().enumerate() {
        let field = format!("security_groups[{i}].id");
        if let Err(msg) = check_id(&sg.id) {
            r.push(Severity::Error, "E_BAD_ID", None, Some(field.clone()), msg);
        }
        if !sg_ids.insert(sg.id.as_str()) {
            r.push(
                Severity::Error,
                "E_DUPLICATE_ID",
                None,
                Some(field),
                msg!("val-sg-id-twice", id = &sg.id),
            );
        }
    }
    let known_sg = |id: &str| id == DEFAULT_CLUSTER_SG || sg_ids.contains(id);
    let unknown_sg = |r: &mut Report, component: Option<&str>, field: String, id: &str| {
        if !known_sg(id) {
            r.push(
                Severity::Error,
                "E_UNKNOWN_SG",
                component,
                Some(field),
                msg!("val-unknown-sg", id = id),
            );
        }
    };
    for (i, sg) in design.security_groups.iter().enumerate() {
        for (dir, rules) in [("ingress", &sg.ingress), ("egress", &sg.egress)] {
            for (j, rule) in rules.iter().enumerate() {
                let field = format!("security_groups[{i}].{dir}[{j}]");
                check_ports(r, format!("{field}.ports"), rule.ports);
                match &rule.peer {
                    Peer::Cidr(c) => {
                        if let Err(msg) = parse_cidr_v4(c) {
                            r.push(
                                Severity::Error,
                                "E_BAD_CIDR",
                                None,
                                Some(format!("{field}.peer")),
                                msg,
                            );
                        }
                    }
                    Peer::Sg(id) => unknown_sg(r, None, format!("{field}.peer"), id),
                }
            }
        }
    }
    let cluster = &design.cluster;
    unknown_sg(
        r,
        None,
        "cluster.cluster_security_group".to_owned(),
        &cluster.cluster_security_group,
    );
    for (i, id) in cluster.security_group_ids.iter().enumerate() {
        unknown_sg(r, None, format!("cluster.security_group_ids[{i}]"), id);
    }
    let mut acl_ids: HashSet<&str> = HashSet::new();
    for (i, acl) in design.network_acls.iter().enumerate() {
        if let Err(msg) = check_id(&acl.id) {
            r.push(
                Severity::Error,
                "E_BAD_ID",
                None,
                Some(format!("network_acls[{i}].id")),
                msg,
            );
        }
        if !acl_ids.insert(acl.id.as_str()) {
            r.push(
                Severity::Error,
                "E_DUPLICATE_ID",
                None,
                Some(format!("network_acls[{i}].id")),
                msg!("val-acl-id-twice", id = &acl.id),
            );
        }
        for (dir, rules) in [("inbound", &acl.inbound), ("outbound", &acl.outbound)] {
            let mut numbers: HashSet<u16> = HashSet::new();
            for (j, rule) in rules.iter().enumerate() {
                let field = format!("network_acls[{i}].{dir}[{j}]");
                check_ports(r, format!("{field}.ports"), rule.ports);
                if let Err(msg) = parse_cidr_v4(&rule.cidr) {
                    r.push(
                        Severity::Error,
                        "E_BAD_CIDR",
                        None,
                        Some(format!("{field}.cidr")),
                        msg,
                    );
                }
                if !numbers.insert(rule.number) {
                    r.push(
                        Severity::Error,
                        "E_DUPLICATE_ACL_RULE",
                        None,
                        Some(format!("{field}.number")),
                        msg!(
                            "val-acl-number-twice",
                            dir = dir,
                            number = rule.number.to_string(),
                            acl = &acl.id
                        ),
                    );
                }
            }
        }
    }
    for c in &design.components {
        match &c.kind {
            ComponentKind::Subnet(s) => {
                if let Some(acl) = &s.network_acl
                    && !acl_ids.contains(acl.as_str())
                {
                    r.error(
                        "E_UNKNOWN_ACL",
                        &c.id,
                        "network_acl",
                        msg!("val-unknown-acl", id = acl),
                    );
                }
            }
            ComponentKind::Node(n) => {
                for (i, id) in n.security_groups.iter().enumerate() {
                    unknown_sg(r, Some(&c.id), format!("security_groups[{i}]"), id);
                }
                if n.webhook_ports.contains(&0) {
                    r.error("E_BAD_PORTS", &c.id, "webhook_ports", msg!("val-port-zero"));
                }
            }
            ComponentKind::Client(cl) => {
                for (i, id) in cl.security_groups.iter().enumerate() {
                    unknown_sg(r, Some(&c.id), format!("security_groups[{i}]"), id);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;

/// Transit gateway route tables and carried ranges refer to what the design holds.
fn check_transit(design: &Design, index: &DesignIndex<'_>, r: &mut Report) {
    use super::transit::BLACKHOLE;
    let attached = |a: &str, b: &str| {
        design.connections.iter().any(|c| {
            c.kind == ConnectionKind::Attachment
                && ((c.from == a && c.to == b) || (c.from == b && c.to == a))
        })
    };
    let mut ids: HashSet<&str> = HashSet::new();
    let mut associated: HashSet<(&str, &str)> = HashSet::new();
    for (i, t) in design.transit.route_tables.iter().enumerate() {
        let at = |f: &str| format!("transit.route_tables[{i}].{f}");
        let mut err = |field: String, message: Msg| {
            r.push(
                Severity::Error,
                "E_TGW_ROUTE_TABLE",
                None,
                Some(field),
                message,
            );
        };
        if let Err(msg) = check_id(&t.id) {
            err(at("id"), msg);
        }
        if !ids.insert(t.id.as_str()) {
            err(at("id"), msg!("val-rt-id-twice", id = &t.id));
        }
        if index
            .get(&t.tgw)
            .is_none_or(|c| c.kind.name() != KindName::Tgw)
        {
            err(
                at("tgw"),
                msg!("val-rt-not-tgw", table = &t.id, tgw = &t.tgw),
            );
            continue;
        }
        for a in &t.associations {
            if !attached(&t.tgw, a) {
                err(
                    at("associations"),
                    msg!("val-rt-not-attached", table = &t.id, id = a, tgw = &t.tgw),
                );
            } else if !associated.insert((t.tgw.as_str(), a.as_str())) {
                err(
                    at("associations"),
                    msg!(
                        "val-rt-associated-elsewhere",
                        table = &t.id,
                        id = a,
                        tgw = &t.tgw
                    ),
                );
            }
        }
        for a in &t.propagations {
            if !attached(&t.tgw, a) {
                err(
                    at("propagations"),
                    msg!("val-rt-not-attached", table = &t.id, id = a, tgw = &t.tgw),
                );
            }
        }
        let mut destinations: HashSet<&str> = HashSet::new();
        for (j, route) in t.routes.iter().enumerate() {
            if !destinations.insert(route.destination.as_str()) {
                err(
                    format!("transit.route_tables[{i}].routes[{j}].destination"),
                    msg!(
                        "val-rt-two-routes",
                        table = &t.id,
                        dest = &route.destination
                    ),
                );
            }
            if let Err(msg) = parse_cidr_v4(&route.destination) {
                err(
                    format!("transit.route_tables[{i}].routes[{j}].destination"),
                    msg!("val-rt-bad-destination", table = &t.id, reason = msg),
                );
            }
            if route.target != BLACKHOLE && !attached(&t.tgw, &route.target) {
                err(
                    format!("transit.route_tables[{i}].routes[{j}].target"),
                    msg!(
                        "val-rt-bad-target",
                        table = &t.id,
                        target = &route.target,
                        tgw = &t.tgw
                    ),
                );
            }
        }
    }
    let mut links: HashSet<&str> = HashSet::new();
    for (i, c) in design.transit.carried.iter().enumerate() {
        let field = format!("transit.carried[{i}]");
        if index
            .get(&c.link)
            .is_none_or(|l| !matches!(l.kind.name(), KindName::Vpn | KindName::Peering))
        {
            r.push(
                Severity::Error,
                "E_CARRIED",
                None,
                Some(format!("{field}.link")),
                msg!("val-carried-not-link", id = &c.link),
            );
        }
        if !links.insert(c.link.as_str()) {
            r.push(
                Severity::Error,
                "E_CARRIED",
                None,
                Some(format!("{field}.link")),
                msg!("val-carried-twice", id = &c.link),
            );
        }
        for cidr in &c.cidrs {
            if let Err(msg) = parse_cidr_v4(cidr) {
                r.push(
                    Severity::Error,
                    "E_CARRIED",
                    None,
                    Some(format!("{field}.cidrs")),
                    msg!("val-carried-bad-cidr", link = &c.link, reason = msg),
                );
            }
        }
    }
}
