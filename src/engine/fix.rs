//! The smallest change that unblocks a flow, as data: what `check --format json` carries
//! (`fix_edit`) and what the app applies in one click, as one undoable edit.

use serde::Serialize;

use crate::model::{
    Component, ComponentKind, Design, Edit, Peer, Protocol, Route, SecurityGroup, SgRule,
};

/// Which way a security group rule goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Inbound.
    Ingress,
    /// Outbound.
    Egress,
}

/// An edit of the design that fixes a blocked flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum FixEdit {
    /// Add a CIDR to the public endpoint's allowlist.
    AddPublicAccessCidr {
        /// The CIDR, e.g. `198.51.100.10/32`.
        cidr: String,
    },
    /// Turn the public or private endpoint on (what is on stays on).
    TurnOnEndpoint {
        /// Turn public access on.
        public: bool,
        /// Turn private access on.
        private: bool,
    },
    /// Add a route to a subnet's route table, replacing one to the same destination.
    PutRoute {
        /// The subnet.
        subnet: String,
        /// The destination CIDR.
        destination: String,
        /// The target component.
        target: String,
    },
    /// Add a TCP rule to a security group.
    AddSgRule {
        /// The group.
        group: String,
        /// Ingress or egress.
        direction: Direction,
        /// The port.
        port: u16,
        /// The peer: a CIDR, or a security group id.
        peer: String,
        /// The peer is a security group.
        peer_is_group: bool,
    },
    /// Give a client or node a public IP.
    SetPublicIp {
        /// The component.
        component: String,
        /// The address.
        ip: String,
    },
    /// Give a NAT gateway an elastic IP.
    SetNatElasticIp {
        /// The NAT gateway.
        nat: String,
        /// The address.
        ip: String,
    },
    /// Make a private NAT gateway public.
    MakeNatPublic {
        /// The NAT gateway.
        nat: String,
    },
    /// Turn on a VPC's DNS resolution and DNS hostnames and use AmazonProvidedDNS.
    TurnOnVpcDns {
        /// The VPC.
        vpc: String,
    },
    /// Have EKS write the public record of the private IPs (toggling public access once).
    WritePublicRecord,
    /// Add a TCP allow rule to a network ACL.
    AddAclRule {
        /// The network ACL.
        acl: String,
        /// Inbound (else outbound).
        inbound: bool,
        /// The rule number.
        number: u16,
        /// First and last port.
        ports: (u16, u16),
        /// The remote CIDR.
        cidr: String,
    },
    /// Add a static route to a transit gateway route table, replacing one to the same
    /// destination (a blackhole).
    PutTgwRoute {
        /// The route table.
        table: String,
        /// The destination CIDR.
        destination: String,
        /// The attachment (the component attached) it goes to.
        target: String,
    },
    /// Associate an attachment with a transit gateway route table.
    AssociateTgwAttachment {
        /// The route table.
        table: String,
        /// The component attached.
        attachment: String,
    },
    /// Have a VPN or peering carry one more range.
    AddCarriedCidr {
        /// The VPN or peering.
        link: String,
        /// The CIDR.
        cidr: String,
    },
}

impl FixEdit {
    /// What the app's button says.
    pub fn label(&self) -> crate::i18n::Msg {
        use crate::msg;
        match self {
            FixEdit::AddPublicAccessCidr { cidr } => msg!("edit-add-public-cidr", cidr = cidr),
            FixEdit::TurnOnEndpoint { public, private } => match (public, private) {
                (true, true) => msg!("edit-turn-on-both"),
                (true, false) => msg!("edit-turn-on-public"),
                _ => msg!("edit-turn-on-private"),
            },
            FixEdit::PutRoute {
                subnet,
                destination,
                target,
            } => msg!(
                "edit-put-route",
                destination = destination,
                target = target,
                table = subnet
            ),
            FixEdit::AddSgRule {
                group,
                direction,
                port,
                peer,
                ..
            } => msg!(
                "edit-allow-tcp",
                dir = match direction {
                    Direction::Ingress => "inbound",
                    Direction::Egress => "outbound",
                },
                ports = port.to_string(),
                peer = peer,
                target = group
            ),
            FixEdit::SetPublicIp { component, ip } => {
                msg!("edit-set-public-ip", component = component, ip = ip)
            }
            FixEdit::SetNatElasticIp { nat, ip } => {
                msg!("edit-set-nat-eip", nat = nat, ip = ip)
            }
            FixEdit::MakeNatPublic { nat } => msg!("edit-make-nat-public", nat = nat),
            FixEdit::TurnOnVpcDns { vpc } => msg!("edit-turn-on-vpc-dns", vpc = vpc),
            FixEdit::WritePublicRecord => msg!("edit-write-public-record"),
            FixEdit::AddAclRule {
                acl,
                inbound,
                number,
                ports,
                cidr,
            } => {
                let p = if ports.0 == ports.1 {
                    ports.0.to_string()
                } else {
                    format!("{}-{}", ports.0, ports.1)
                };
                msg!(
                    "edit-add-acl-rule",
                    dir = if *inbound { "inbound" } else { "outbound" },
                    ports = p,
                    peer = cidr,
                    target = acl,
                    number = u32::from(*number)
                )
            }
            FixEdit::PutTgwRoute {
                table,
                destination,
                target,
            } => msg!(
                "edit-put-route",
                destination = destination,
                target = target,
                table = table
            ),
            FixEdit::AssociateTgwAttachment { table, attachment } => {
                msg!("edit-associate", attachment = attachment, table = table)
            }
            FixEdit::AddCarriedCidr { link, cidr } => {
                msg!("edit-carry-cidr", cidr = cidr, link = link)
            }
        }
    }

    /// The model edits that make the change, as one step; an error naming what is
    /// missing when the design no longer has it.
    pub fn edits(&self, design: &Design) -> Result<Vec<Edit>, String> {
        let component = |id: &str| {
            design
                .component(id)
                .cloned()
                .ok_or_else(|| format!("no component \"{id}\""))
        };
        let replaced = |mut c: Component, f: &dyn Fn(&mut ComponentKind) -> bool, what: &str| {
            if f(&mut c.kind) {
                Ok(vec![Edit::Replace(c)])
            } else {
                Err(format!("{} is not {what}", c.id))
            }
        };
        match self {
            FixEdit::AddPublicAccessCidr { cidr } => {
                let mut cluster = design.cluster.clone();
                if !cluster.public_access_cidrs.contains(cidr) {
                    cluster.public_access_cidrs.push(cidr.clone());
                }
                Ok(vec![Edit::SetCluster(cluster)])
            }
            FixEdit::TurnOnEndpoint { public, private } => {
                let mut cluster = design.cluster.clone();
                cluster.endpoint_public_access |= public;
                cluster.endpoint_private_access |= private;
                Ok(vec![Edit::SetCluster(cluster)])
            }
            FixEdit::PutRoute {
                subnet,
                destination,
                target,
            } => replaced(
                component(subnet)?,
                &|k| {
                    let ComponentKind::Subnet(s) = k else {
                        return false;
                    };
                    s.routes.retain(|r| r.destination != *destination);
                    s.routes.push(Route {
                        destination: destination.clone(),
                        target: target.clone(),
                    });
                    true
                },
                "a subnet",
            ),
            FixEdit::AddSgRule {
                group,
                direction,
                port,
                peer,
                peer_is_group,
            } => {
                let old = design.security_groups.iter().find(|g| g.id == *group);
                let mut g = match old {
                    Some(g) => g.clone(),
                    // The AWS default cluster group, written out so that it can take a rule.
                    None if *group == design.cluster.cluster_security_group => {
                        SecurityGroup::default_cluster(group)
                    }
                    None => return Err(format!("no security group \"{group}\" in the design")),
                };
                let rule = SgRule {
                    protocol: Protocol::Tcp,
                    ports: (*port, *port),
                    peer: if *peer_is_group {
                        Peer::Sg(peer.clone())
                    } else {
                        Peer::Cidr(peer.clone())
                    },
                    description: "added by eksplain's fix".to_owned(),
                };
                match direction {
                    Direction::Ingress => g.ingress.push(rule),
                    Direction::Egress => g.egress.push(rule),
                }
                Ok(vec![Edit::PutSecurityGroup {
                    old: old.map(|o| o.id.clone()),
                    group: g,
                }])
            }
            FixEdit::SetPublicIp { component: id, ip } => replaced(
                component(id)?,
                &|k| match k {
                    ComponentKind::Client(c) => {
                        c.public_ip = Some(ip.clone());
                        true
                    }
                    ComponentKind::Node(n) => {
                        n.public_ip = Some(ip.clone());
                        true
                    }
                    _ => false,
                },
                "a client or node",
            ),
            FixEdit::SetNatElasticIp { nat, ip } => {
                nat_edit(component(nat)?, &|n| n.elastic_ip = Some(ip.clone()))
            }
            FixEdit::MakeNatPublic { nat } => nat_edit(component(nat)?, &|n| {
                n.connectivity = crate::model::NatConnectivity::Public;
            }),
            FixEdit::TurnOnVpcDns { vpc } => replaced(
                component(vpc)?,
                &|k| {
                    let ComponentKind::Vpc(v) = k else {
                        return false;
                    };
                    v.dns_support = true;
                    v.dns_hostnames = true;
                    v.amazon_provided_dns = true;
                    true
                },
                "a VPC",
            ),
            FixEdit::WritePublicRecord => {
                let mut cluster = design.cluster.clone();
                cluster.legacy_no_public_private_record = false;
                Ok(vec![Edit::SetCluster(cluster)])
            }
            FixEdit::AddAclRule {
                acl,
                inbound,
                number,
                ports,
                cidr,
            } => {
                let mut a = design
                    .network_acls
                    .iter()
                    .find(|a| a.id == *acl)
                    .cloned()
                    .ok_or_else(|| format!("no network ACL \"{acl}\""))?;
                let rule = crate::model::AclRule {
                    number: *number,
                    action: crate::model::AclAction::Allow,
                    protocol: Protocol::Tcp,
                    ports: *ports,
                    cidr: cidr.clone(),
                };
                if *inbound {
                    a.inbound.push(rule);
                } else {
                    a.outbound.push(rule);
                }
                Ok(vec![Edit::PutNetworkAcl {
                    old: Some(acl.clone()),
                    acl: a,
                }])
            }
            FixEdit::PutTgwRoute {
                table,
                destination,
                target,
            } => transit_edit(design, table, &|t| {
                t.routes.retain(|r| r.destination != *destination);
                t.routes.push(Route {
                    destination: destination.clone(),
                    target: target.clone(),
                });
            }),
            FixEdit::AssociateTgwAttachment { table, attachment } => {
                let mut transit = design.transit.clone();
                let tgw = transit
                    .route_tables
                    .iter()
                    .find(|t| t.id == *table)
                    .map(|t| t.tgw.clone())
                    .ok_or_else(|| format!("no transit gateway route table \"{table}\""))?;
                // An attachment has one table: it leaves the one it had.
                for t in transit.route_tables.iter_mut().filter(|t| t.tgw == tgw) {
                    t.associations.retain(|a| a != attachment);
                    if t.id == *table {
                        t.associations.push(attachment.clone());
                    }
                }
                Ok(vec![Edit::SetTransit(transit)])
            }
            FixEdit::AddCarriedCidr { link, cidr } => {
                let mut transit = design.transit.clone();
                match transit.carried.iter_mut().find(|c| c.link == *link) {
                    Some(c) if !c.cidrs.contains(cidr) => c.cidrs.push(cidr.clone()),
                    Some(_) => {}
                    None => transit.carried.push(crate::model::Carried {
                        link: link.clone(),
                        cidrs: vec![cidr.clone()],
                    }),
                }
                Ok(vec![Edit::SetTransit(transit)])
            }
        }
    }
}

/// The design's transit settings with route table `table` changed by `f`.
fn transit_edit(
    design: &Design,
    table: &str,
    f: &dyn Fn(&mut crate::model::TgwRouteTable),
) -> Result<Vec<Edit>, String> {
    let mut transit = design.transit.clone();
    let t = transit
        .route_tables
        .iter_mut()
        .find(|t| t.id == table)
        .ok_or_else(|| format!("no transit gateway route table \"{table}\""))?;
    f(t);
    Ok(vec![Edit::SetTransit(transit)])
}

/// `c` changed by `f` when it is a NAT gateway.
fn nat_edit(mut c: Component, f: &dyn Fn(&mut crate::model::Nat)) -> Result<Vec<Edit>, String> {
    let ComponentKind::Nat(n) = &mut c.kind else {
        return Err(format!("{} is not a NAT gateway", c.id));
    };
    f(n);
    Ok(vec![Edit::Replace(c)])
}

/// A public address for a fix to give out (documentation range 203.0.113.0/24), one no
/// component of `design` holds.
pub fn free_public_ip(design: &Design) -> Option<String> {
    let taken: std::collections::HashSet<String> = design
        .components
        .iter()
        .flat_map(Component::public_ips)
        .map(str::to_owned)
        .collect();
    (10..=250)
        .map(|n| format!("203.0.113.{n}"))
        .find(|ip| !taken.contains(ip))
}
