//! A bundle (from any input) to a design (docs/import.md §1.3–1.5, §2.3, §3.3, §4): the
//! containment tree, the fields, what no input holds (synthesised and said so), laid out.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::aws_shapes::{self as aws, name_tag};
use super::bundle::{Bundle, Notes, Origin};
use super::{ImportError, Imported, NoteKind};
use crate::i18n::Msg;
use crate::model::component::{NatConnectivity, NodeGroup};
use crate::model::design::{ControlPlaneEgress, IpFamily};
use crate::model::{
    AclAction, AclRule, Client, Cluster, Component, ComponentKind, Design, EksEni, FORMAT_VERSION,
    LOCAL_TARGET, Nat, NetworkAcl, Node, Peer, Point, Protocol, Route, SecurityGroup, SgRule, Size,
    Subnet, Vpc,
};
use crate::msg;

/// Maps a bundle to a laid-out design with its notes.
pub(super) fn build(mut b: Bundle) -> Result<Imported, ImportError> {
    let mut notes = std::mem::take(&mut b.notes);
    let from = b.origin;
    let Some(eks) = &b.cluster else {
        return Err(ImportError::Incomplete {
            message: match from {
                Origin::AwsCli => msg!("imp-err-no-describe-cluster"),
                _ => msg!("imp-err-no-cluster", from = from.name()),
            },
        });
    };
    let cfg = &eks.resources_vpc_config;
    let vpc_id = if cfg.vpc_id.is_empty() {
        // The cluster's subnets tell the VPC when the field is missing.
        cfg.subnet_ids
            .iter()
            .find_map(|s| b.subnets.iter().find(|x| &x.subnet_id == s))
            .map(|s| s.vpc_id.clone())
            .unwrap_or_default()
    } else {
        cfg.vpc_id.clone()
    };
    if vpc_id.is_empty() {
        return Err(ImportError::Incomplete {
            message: if cfg.subnet_ids.is_empty() {
                msg!("imp-err-vpc-unknown-no-subnets", from = from.name())
            } else {
                msg!(
                    "imp-err-vpc-unknown",
                    subnets = cfg.subnet_ids.join(", "),
                    from = from.name()
                )
            },
        });
    }
    let Some(avpc) = b.vpcs.iter().find(|v| v.vpc_id == vpc_id) else {
        return Err(ImportError::Incomplete {
            message: msg!("imp-err-vpc-missing", vpc = &vpc_id, from = from.name())
                .and_maybe(from.add(&format!("ec2 describe-vpcs --vpc-ids {vpc_id}"))),
        });
    };
    for other in b.vpcs.iter().filter(|v| v.vpc_id != vpc_id) {
        notes.add(
            NoteKind::Dropped,
            msg!("imp-other-vpc", vpc = &other.vpc_id, cluster_vpc = &vpc_id),
        );
    }
    let mut d = Design {
        format_version: FORMAT_VERSION,
        title: format!("EKS cluster {}", eks.name),
        ..Design::default()
    };
    d.cluster = cluster(eks, &mut notes);
    let mut comps: Vec<Component> = Vec::new();
    synthesise_control_plane(&mut comps, &d.cluster, &mut notes);
    comps.push(vpc_component(&b, avpc, &mut notes));
    let subnets: Vec<&aws::Subnet> = b.subnets.iter().filter(|s| s.vpc_id == vpc_id).collect();
    if subnets.is_empty() {
        return Err(ImportError::Incomplete {
            message: msg!("imp-err-no-subnets", vpc = &vpc_id, from = from.name()).and_maybe(
                from.add(&format!(
                    "ec2 describe-subnets --filters Name=vpc-id,Values={vpc_id}"
                )),
            ),
        });
    }
    let igw = b.internet_gateways.iter().find(|g| {
        g.attachments
            .iter()
            .any(|a| a.vpc_id == vpc_id && matches!(a.state.as_str(), "available" | "attached"))
    });
    if let Some(g) = igw {
        comps.push(comp(
            &g.internet_gateway_id,
            name_tag(&g.tags),
            Some(&vpc_id),
            ComponentKind::Igw,
        ));
    }
    let nats: Vec<&aws::NatGateway> = b
        .nat_gateways
        .iter()
        .filter(|n| n.vpc_id == vpc_id || subnets.iter().any(|s| s.subnet_id == n.subnet_id))
        .filter(|n| {
            let live = matches!(n.state.as_str(), "available" | "pending" | "");
            if !live {
                notes.add(
                    NoteKind::Dropped,
                    msg!("imp-nat-state", nat = &n.nat_gateway_id, state = &n.state),
                );
            }
            live
        })
        .collect();
    // A NAT gateway is drawn in its subnet: without the subnet it is left out, and so are
    // the routes to it.
    let nats: Vec<&aws::NatGateway> = nats
        .into_iter()
        .filter(|n| {
            let here = subnets
                .iter()
                .any(|s| s.subnet_id == n.subnet_id && s.cidr_block.is_some());
            if !here {
                notes.add(
                    NoteKind::Dropped,
                    if n.subnet_id.is_empty() {
                        msg!(
                            "imp-nat-regional",
                            nat = &n.nat_gateway_id,
                            from = from.name()
                        )
                    } else {
                        msg!(
                            "imp-nat-subnet-missing",
                            nat = &n.nat_gateway_id,
                            subnet = &n.subnet_id,
                            from = from.name()
                        )
                    },
                );
            }
            here
        })
        .collect();
    let (links, attachments) = super::build_links::connected(&b, &vpc_id, &mut notes);
    let known: BTreeSet<String> = igw
        .map(|g| g.internet_gateway_id.clone())
        .into_iter()
        .chain(nats.iter().map(|n| n.nat_gateway_id.clone()))
        .chain(links.iter().map(|c| c.id.clone()))
        .collect();
    let tables = route_tables(&b, &vpc_id, &subnets, &known, &mut notes);
    let acls = network_acls(&b, &vpc_id, &mut notes);
    for s in &subnets {
        let (routes, table) = tables
            .get(s.subnet_id.as_str())
            .cloned()
            .unwrap_or_default();
        if table.is_empty() {
            notes.add(
                NoteKind::Dropped,
                msg!(
                    "imp-subnet-no-table",
                    subnet = &s.subnet_id,
                    from = from.name()
                ),
            );
        }
        let acl = acls.by_subnet.get(s.subnet_id.as_str()).cloned();
        let Some(cidr) = s.cidr_block.clone() else {
            notes.add(
                NoteKind::Dropped,
                msg!("imp-subnet-ipv6-only", subnet = &s.subnet_id),
            );
            continue;
        };
        comps.push(comp(
            &s.subnet_id,
            name_tag(&s.tags),
            Some(&vpc_id),
            ComponentKind::Subnet(Subnet {
                cidr,
                az: s.availability_zone.clone(),
                map_public_ip_on_launch: s.map_public_ip_on_launch,
                network_acl: acl,
                routes,
            }),
        ));
    }
    d.network_acls = acls.list;
    let in_design = |id: &str, comps: &[Component]| comps.iter().any(|c| c.id == id);
    for n in &nats {
        if !in_design(&n.subnet_id, &comps) {
            continue;
        }
        let public: Vec<&str> = n
            .nat_gateway_addresses
            .iter()
            .filter_map(|a| a.public_ip.as_deref())
            .collect();
        let primary = n
            .nat_gateway_addresses
            .iter()
            .find(|a| a.is_primary == Some(true))
            .and_then(|a| a.public_ip.clone())
            .or_else(|| public.first().map(|s| (*s).to_owned()));
        if public.len() > 1 {
            notes.add(
                NoteKind::Dropped,
                msg!(
                    "imp-nat-addresses",
                    nat = &n.nat_gateway_id,
                    count = public.len(),
                    addresses = public.join(", "),
                    kept = primary.as_deref().unwrap_or_default()
                ),
            );
        }
        let private = n.connectivity_type.as_deref() == Some("private");
        comps.push(comp(
            &n.nat_gateway_id,
            name_tag(&n.tags),
            Some(&n.subnet_id),
            ComponentKind::Nat(Nat {
                connectivity: if private {
                    NatConnectivity::Private
                } else {
                    NatConnectivity::Public
                },
                // A template or a plan has no address yet: AWS allocates it on deploy.
                elastic_ip_unknown: primary.is_none() && !private && from != Origin::AwsCli,
                elastic_ip: primary,
            }),
        ));
    }
    let mut wanted_sgs: BTreeSet<String> = BTreeSet::new();
    wanted_sgs.insert(d.cluster.cluster_security_group.clone());
    wanted_sgs.extend(d.cluster.security_group_ids.iter().cloned());
    enis(&b, eks, &d.cluster, &mut comps, &mut wanted_sgs, &mut notes);
    nodes(&b, eks, &mut comps, &mut wanted_sgs, &mut notes);
    d.cluster.subnet_ids.retain(|s| {
        let here = comps.iter().any(|c| &c.id == s);
        if !here {
            notes.add(
                NoteKind::Dropped,
                msg!("imp-cluster-subnet-missing", subnet = s, from = from.name()),
            );
        }
        here
    });
    d.security_groups = security_groups(&b, &wanted_sgs, &d.cluster, &mut notes);
    if d.cluster.endpoint_private_access {
        comps.push(Component {
            label: "private hosted zone".to_owned(),
            ..comp("phz", None, Some(&vpc_id), ComponentKind::Phz)
        });
        notes.add(NoteKind::Synthesised, msg!("imp-phz"));
    }
    synthesise_client(&mut comps, &d.cluster, &mut notes);
    comps.extend(links);
    d.components = comps;
    d.connections = attachments;
    super::layout::tidy(&mut d);
    let mut list = notes.0;
    list.sort_by_key(|n| n.kind);
    apply_sources(&mut d, &b.sources);
    // The description is part of the design file: English, as design files are written.
    d.description = format!(
        "Imported from {} of cluster {}. Check what import assumed, made up and left out:{}",
        from.name().en(),
        eks.name,
        super::notes_paragraph(&list)
    );
    Ok(Imported {
        design: d,
        notes: list,
    })
}

/// Gives the components, groups and ACLs whose ids are not their sources the source the
/// reader recorded (a Terraform address, a logical id).
fn apply_sources(d: &mut Design, sources: &HashMap<String, String>) {
    for c in &mut d.components {
        if let Some(s) = sources.get(&c.id) {
            c.source.clone_from(s);
        }
    }
    for g in &mut d.security_groups {
        if let Some(s) = sources.get(&g.id) {
            g.source.clone_from(s);
        }
    }
    for a in &mut d.network_acls {
        if let Some(s) = sources.get(&a.id) {
            a.source.clone_from(s);
        }
    }
}

pub(super) fn comp(
    id: &str,
    label: Option<&str>,
    parent: Option<&str>,
    kind: ComponentKind,
) -> Component {
    Component {
        id: id.to_owned(),
        label: label.unwrap_or(id).to_owned(),
        parent: parent.map(str::to_owned),
        pos: Point::new(0.0, 0.0),
        size: Size::new(150.0, 60.0),
        source: if is_aws_id(id) {
            id.to_owned()
        } else {
            String::new()
        },
        kind,
    }
}

/// True for ids AWS gave (`subnet-…`, `nat-…`, `i-…`, `eni-…`), which become the `source`.
fn is_aws_id(id: &str) -> bool {
    id.split_once('-').is_some_and(|(p, rest)| {
        !p.is_empty() && rest.len() >= 8 && rest.chars().all(|c| c.is_ascii_hexdigit())
    })
}

fn cluster(eks: &aws::EksCluster, notes: &mut Notes) -> Cluster {
    let cfg = &eks.resources_vpc_config;
    let public = cfg.endpoint_public_access.unwrap_or_else(|| {
        notes.add(NoteKind::Assumed, msg!("imp-public-access-default"));
        true
    });
    let private = cfg.endpoint_private_access.unwrap_or_else(|| {
        notes.add(NoteKind::Assumed, msg!("imp-private-access-default"));
        false
    });
    let (v4, v6): (Vec<&String>, Vec<&String>) = cfg
        .public_access_cidrs
        .iter()
        .partition(|c| !c.contains(':'));
    if !v6.is_empty() {
        notes.add(
            NoteKind::Dropped,
            msg!("imp-public-cidrs-ipv6", cidrs = join(&v6)),
        );
    }
    let mut cidrs: Vec<String> = v4.into_iter().cloned().collect();
    if cfg.public_access_cidrs.is_empty() && public {
        notes.add(NoteKind::Assumed, msg!("imp-public-cidrs-default"));
        cidrs.push("0.0.0.0/0".to_owned());
    }
    let egress = match cfg.control_plane_egress_mode.as_deref() {
        None | Some("AWS_MANAGED") => ControlPlaneEgress::AwsManaged,
        Some("CUSTOMER_ROUTED") => ControlPlaneEgress::CustomerRouted,
        Some(other) => {
            notes.add(NoteKind::Assumed, msg!("imp-egress-unknown", mode = other));
            ControlPlaneEgress::CustomerRouted
        }
    };
    let ip_family = match eks
        .kubernetes_network_config
        .as_ref()
        .and_then(|k| k.ip_family.as_deref())
    {
        Some("ipv6") => IpFamily::Ipv6,
        _ => IpFamily::Ipv4,
    };
    let hostname = eks
        .endpoint
        .as_deref()
        .map(|e| {
            e.trim_start_matches("https://")
                .trim_end_matches('/')
                .to_owned()
        })
        .unwrap_or_default();
    let sg = cfg.cluster_security_group_id.clone().unwrap_or_else(|| {
        notes.add(
            NoteKind::Assumed,
            msg!(
                "imp-cluster-sg-default",
                id = crate::model::security::DEFAULT_CLUSTER_SG
            ),
        );
        crate::model::security::DEFAULT_CLUSTER_SG.to_owned()
    });
    Cluster {
        name: eks.name.clone(),
        endpoint_public_access: public,
        endpoint_private_access: private,
        public_access_cidrs: cidrs,
        ip_family,
        subnet_ids: cfg.subnet_ids.clone(),
        control_plane_egress: egress,
        cluster_security_group: sg,
        security_group_ids: cfg.security_group_ids.clone(),
        endpoint_hostname: if hostname.is_empty() {
            Cluster::default().endpoint_hostname
        } else {
            hostname
        },
        legacy_no_public_private_record: false,
    }
}

fn join(list: &[&String]) -> String {
    list.iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn synthesise_control_plane(comps: &mut Vec<Component>, cluster: &Cluster, notes: &mut Notes) {
    comps.push(Component {
        label: "AWS-managed VPC".to_owned(),
        ..comp("control-plane", None, None, ComponentKind::ControlPlane)
    });
    comps.push(Component {
        label: "public NLB".to_owned(),
        ..comp(
            "nlb",
            None,
            Some("control-plane"),
            ComponentKind::Nlb(crate::model::Nlb {
                public_ips: Vec::new(),
            }),
        )
    });
    for i in 1..=2 {
        comps.push(Component {
            label: format!("API server {i}"),
            ..comp(
                &format!("api-{i}"),
                None,
                Some("control-plane"),
                ComponentKind::ApiServer,
            )
        });
    }
    notes.add(NoteKind::Synthesised, msg!("imp-control-plane"));
    if cluster.endpoint_public_access {
        notes.add(
            NoteKind::Dropped,
            if cluster.endpoint_hostname.is_empty() {
                msg!("imp-nlb-addresses-unnamed")
            } else {
                msg!("imp-nlb-addresses", name = &cluster.endpoint_hostname)
            },
        );
    }
}

fn vpc_component(b: &Bundle, v: &aws::Vpc, notes: &mut Notes) -> Component {
    let mut cidrs: Vec<String> = v
        .cidr_block_association_set
        .iter()
        .filter(|a| {
            a.cidr_block_state
                .as_ref()
                .is_none_or(|s| s.state == "associated")
        })
        .map(|a| a.cidr_block.clone())
        .collect();
    if let Some(primary) = &v.cidr_block
        && !cidrs.contains(primary)
    {
        cidrs.insert(0, primary.clone());
    }
    let id = &v.vpc_id;
    let dns_support = b.dns_support.get(id).copied().unwrap_or_else(|| {
        notes.add(
            NoteKind::Assumed,
            msg!("imp-dns-support", vpc = id).and_maybe(
                b.origin
                    .add("ec2 describe-vpc-attribute --attribute enableDnsSupport"),
            ),
        );
        true
    });
    let dns_hostnames = b.dns_hostnames.get(id).copied().unwrap_or_else(|| {
        notes.add(
            NoteKind::Assumed,
            msg!("imp-dns-hostnames", vpc = id).and_maybe(
                b.origin
                    .add("ec2 describe-vpc-attribute --attribute enableDnsHostnames"),
            ),
        );
        true
    });
    let dhcp = v.dhcp_options_id.as_deref().and_then(|o| {
        b.dhcp_options
            .as_ref()?
            .iter()
            .find(|x| x.dhcp_options_id == o)
    });
    let amazon_provided_dns = if let Some(o) = dhcp {
        o.dhcp_configurations.iter().any(|c| {
            c.key == "domain-name-servers"
                && c.values.iter().any(|x| x.value == "AmazonProvidedDNS")
        })
    } else {
        notes.add(
            NoteKind::Assumed,
            msg!(
                "imp-dhcp-default",
                vpc = id,
                from = b.origin.name(),
                add = b
                    .origin
                    .add("ec2 describe-dhcp-options")
                    .unwrap_or_else(|| Msg::verbatim(""))
            ),
        );
        true
    };
    let mut endpoints: Vec<String> = b
        .vpc_endpoints
        .iter()
        .filter(|e| {
            &e.vpc_id == id
                && e.state
                    .as_deref()
                    .is_none_or(|s| s.eq_ignore_ascii_case("available"))
        })
        .filter_map(|e| endpoint_service(&e.service_name))
        .collect();
    endpoints.sort();
    endpoints.dedup();
    comp(
        id,
        name_tag(&v.tags),
        None,
        ComponentKind::Vpc(Vpc {
            cidr_blocks: cidrs,
            recent_cidr_blocks: Vec::new(),
            dns_support,
            dns_hostnames,
            amazon_provided_dns,
            endpoints,
        }),
    )
}

/// `com.amazonaws.us-east-1.ecr.api` → `ecr.api`.
fn endpoint_service(name: &str) -> Option<String> {
    let rest = name.strip_prefix("com.amazonaws.")?;
    let (_region, service) = rest.split_once('.')?;
    Some(service.to_owned())
}

/// The routes of each subnet (its own table, else the main one) and the table's id.
fn route_tables(
    b: &Bundle,
    vpc_id: &str,
    subnets: &[&aws::Subnet],
    known: &BTreeSet<String>,
    notes: &mut Notes,
) -> HashMap<String, (Vec<Route>, String)> {
    let tables: Vec<&aws::RouteTable> = b
        .route_tables
        .iter()
        .filter(|t| t.vpc_id == vpc_id)
        .collect();
    let main = tables
        .iter()
        .find(|t| t.associations.iter().any(|a| a.main));
    let mut out = HashMap::new();
    let mut ipv6: BTreeMap<String, usize> = BTreeMap::new();
    for s in subnets {
        let own = tables.iter().find(|t| {
            t.associations
                .iter()
                .any(|a| a.subnet_id.as_deref() == Some(s.subnet_id.as_str()))
        });
        let Some(t) = own.or(main) else { continue };
        let mut routes = Vec::new();
        for r in &t.routes {
            let Some(dest) = &r.destination_cidr_block else {
                if r.destination_ipv6_cidr_block.is_some() {
                    ipv6_routes(&mut ipv6, t);
                } else if let Some(pl) = &r.destination_prefix_list_id {
                    notes.add(
                        NoteKind::Dropped,
                        msg!(
                            "imp-route-prefix-list",
                            table = &t.route_table_id,
                            list = pl
                        ),
                    );
                }
                continue;
            };
            if r.state.as_deref() == Some("blackhole") {
                notes.add(
                    NoteKind::Dropped,
                    msg!(
                        "imp-route-blackhole",
                        table = &t.route_table_id,
                        dest = dest
                    ),
                );
                continue;
            }
            let target = r
                .gateway_id
                .clone()
                .or_else(|| r.nat_gateway_id.clone())
                .or_else(|| r.transit_gateway_id.clone())
                .or_else(|| r.vpc_peering_connection_id.clone())
                .or_else(|| r.network_interface_id.clone())
                .or_else(|| r.instance_id.clone())
                .or_else(|| r.egress_only_internet_gateway_id.clone())
                .unwrap_or_default();
            if target == "local" {
                routes.push(Route {
                    destination: dest.clone(),
                    target: LOCAL_TARGET.to_owned(),
                });
            } else if known.contains(&target) {
                routes.push(Route {
                    destination: dest.clone(),
                    target,
                });
            } else {
                notes.add(
                    NoteKind::Dropped,
                    msg!(
                        "imp-route-target",
                        table = &t.route_table_id,
                        dest = dest,
                        target = &target
                    ),
                );
            }
        }
        out.insert(s.subnet_id.clone(), (routes, t.route_table_id.clone()));
    }
    let count: usize = ipv6.values().sum();
    if count > 0 {
        notes.add(NoteKind::Dropped, msg!("imp-ipv6-routes", count = count));
    }
    out
}

/// Counts a table's IPv6 routes once, however many subnets use the table.
fn ipv6_routes(seen: &mut BTreeMap<String, usize>, t: &aws::RouteTable) {
    let n = t
        .routes
        .iter()
        .filter(|r| r.destination_ipv6_cidr_block.is_some())
        .count();
    seen.insert(t.route_table_id.clone(), n);
}

struct Acls {
    list: Vec<NetworkAcl>,
    by_subnet: HashMap<String, String>,
}

/// Network ACLs other than an untouched default one (which allows everything, as a subnet
/// without an ACL does).
fn network_acls(b: &Bundle, vpc_id: &str, notes: &mut Notes) -> Acls {
    let mut list = Vec::new();
    let mut by_subnet = HashMap::new();
    for a in b.network_acls.iter().filter(|a| a.vpc_id == vpc_id) {
        let mut inbound = Vec::new();
        let mut outbound = Vec::new();
        for e in &a.entries {
            // 32767 and 32768 are the catch-all denies every ACL ends with.
            if e.rule_number >= 32767 {
                continue;
            }
            let Some(cidr) = &e.cidr_block else {
                if e.ipv6_cidr_block.is_some() {
                    notes.add(NoteKind::Dropped, msg!("imp-acl-ipv6"));
                }
                continue;
            };
            let protocol = match e.protocol.as_str() {
                "-1" => Protocol::All,
                "6" => Protocol::Tcp,
                "17" => Protocol::Udp,
                other => {
                    notes.add(
                        NoteKind::Dropped,
                        msg!(
                            "imp-acl-protocol",
                            acl = &a.network_acl_id,
                            rule = e.rule_number.to_string(),
                            protocol = other
                        ),
                    );
                    continue;
                }
            };
            let ports = match (&e.port_range, protocol) {
                (_, Protocol::All) | (None, _) => (0, u16::MAX),
                (Some(p), _) => (port(p.from), port(p.to)),
            };
            let rule = AclRule {
                number: u16::try_from(e.rule_number).unwrap_or(u16::MAX),
                action: if e.rule_action == "deny" {
                    AclAction::Deny
                } else {
                    AclAction::Allow
                },
                protocol,
                ports,
                cidr: cidr.clone(),
            };
            if e.egress {
                outbound.push(rule);
            } else {
                inbound.push(rule);
            }
        }
        inbound.sort_by_key(|r| r.number);
        outbound.sort_by_key(|r| r.number);
        let allow_all = |rules: &[AclRule]| {
            rules.len() == 1
                && rules[0].action == AclAction::Allow
                && rules[0].protocol == Protocol::All
                && rules[0].cidr == "0.0.0.0/0"
        };
        if a.is_default && allow_all(&inbound) && allow_all(&outbound) {
            continue;
        }
        for s in &a.associations {
            by_subnet.insert(s.subnet_id.clone(), a.network_acl_id.clone());
        }
        list.push(NetworkAcl {
            id: a.network_acl_id.clone(),
            source: a.network_acl_id.clone(),
            inbound,
            outbound,
        });
    }
    Acls { list, by_subnet }
}

fn port(p: i64) -> u16 {
    u16::try_from(p.clamp(0, i64::from(u16::MAX))).unwrap_or(u16::MAX)
}

/// The EKS-owned ENIs: found by their description (`Amazon EKS <cluster>`), else one
/// made up in each of the first two cluster subnets.
fn enis(
    b: &Bundle,
    eks: &aws::EksCluster,
    cluster: &Cluster,
    comps: &mut Vec<Component>,
    sgs: &mut BTreeSet<String>,
    notes: &mut Notes,
) {
    let marker = format!("Amazon EKS {}", eks.name);
    let mut found = 0;
    for n in b.network_interfaces.iter().flatten() {
        if n.description != marker {
            continue;
        }
        if !comps.iter().any(|c| c.id == n.subnet_id) {
            continue;
        }
        let Some(ip) = &n.private_ip_address else {
            continue;
        };
        sgs.extend(n.groups.iter().map(|g| g.group_id.clone()));
        comps.push(Component {
            label: format!("EKS ENI {}", short(&n.network_interface_id)),
            ..comp(
                &n.network_interface_id,
                None,
                Some(&n.subnet_id),
                ComponentKind::EksEni(EksEni {
                    private_ip: ip.clone(),
                }),
            )
        });
        found += 1;
    }
    if found > 0 {
        return;
    }
    let why = if b.network_interfaces.is_none() {
        match b.origin {
            Origin::AwsCli => msg!("imp-why-no-enis-output"),
            _ => msg!("imp-why-enis-not-listed"),
        }
    } else {
        msg!("imp-why-no-eni-matches")
    };
    let mut made = 0;
    for s in &cluster.subnet_ids {
        let Some(sub) = subnet_of(comps, s) else {
            continue;
        };
        let Some(ip) = last_host(&sub.cidr) else {
            continue;
        };
        made += 1;
        let id = format!("eks-eni-{made}");
        comps.push(Component {
            label: format!("EKS ENI {made}"),
            // Made up: a later import with the real ENIs replaces it.
            source: format!("assumed:{id}"),
            ..comp(
                &id,
                None,
                Some(s),
                ComponentKind::EksEni(EksEni {
                    private_ip: ip.clone(),
                }),
            )
        });
        notes.add(
            NoteKind::Synthesised,
            msg!("imp-eni", id = &id, ip = &ip, subnet = s, why = &why),
        );
        if made == 2 {
            break;
        }
    }
}

/// The subnet of this id among the components made so far.
fn subnet_of<'c>(comps: &'c [Component], id: &str) -> Option<&'c Subnet> {
    match comps.iter().find(|c| c.id == id).map(|c| &c.kind) {
        Some(ComponentKind::Subnet(sub)) => Some(sub),
        _ => None,
    }
}

/// The last address AWS lets an interface use in a subnet (the broadcast address is reserved).
fn last_host(cidr: &str) -> Option<String> {
    let net = crate::model::net::parse_cidr_v4(cidr).ok()?;
    let last = u32::from(net.broadcast()).checked_sub(1)?;
    Some(std::net::Ipv4Addr::from(last).to_string())
}

/// The last six characters of an AWS id (`i-0abc123def456` → `def456`), which tell boxes
/// of one kind apart in labels.
fn short(id: &str) -> &str {
    let tail = id.split_once('-').map_or(id, |(_, t)| t);
    tail.get(tail.len().saturating_sub(6)..).unwrap_or(tail)
}

/// Worker nodes: running instances tagged with the cluster; else one made up per node
/// group subnet.
fn nodes(
    b: &Bundle,
    eks: &aws::EksCluster,
    comps: &mut Vec<Component>,
    sgs: &mut BTreeSet<String>,
    notes: &mut Notes,
) {
    let tag =
        |i: &aws::Instance, k: &str| i.tags.iter().find(|t| t.key == k).map(|t| t.value.clone());
    let owned = format!("kubernetes.io/cluster/{}", eks.name);
    let mut found = 0;
    let mut stopped = 0_usize;
    for i in b.instances.iter().flatten() {
        let ours = tag(i, "eks:cluster-name").as_deref() == Some(eks.name.as_str())
            || i.tags.iter().any(|t| t.key == owned);
        if !ours {
            continue;
        }
        if i.state
            .as_ref()
            .is_some_and(|s| s.name != "running" && s.name != "pending")
        {
            stopped += 1;
            continue;
        }
        let (Some(subnet), Some(ip)) = (&i.subnet_id, &i.private_ip_address) else {
            continue;
        };
        if !comps.iter().any(|c| &c.id == subnet) {
            continue;
        }
        let groups: Vec<String> = i
            .security_groups
            .iter()
            .map(|g| g.group_id.clone())
            .collect();
        sgs.extend(groups.iter().cloned());
        let managed = tag(i, "eks:nodegroup-name").is_some();
        comps.push(Component {
            label: format!(
                "{} {}",
                name_tag(&i.tags).unwrap_or("node"),
                short(&i.instance_id)
            ),
            ..comp(
                &i.instance_id,
                None,
                Some(subnet),
                ComponentKind::Node(Node {
                    private_ip: ip.clone(),
                    public_ip: i.public_ip_address.clone(),
                    // The instance list says whether it has a public address.
                    no_public_ip: i.public_ip_address.is_none(),
                    node_group: if managed {
                        NodeGroup::Managed
                    } else {
                        NodeGroup::SelfManaged
                    },
                    security_groups: groups,
                    ..Node::default()
                }),
            )
        });
        found += 1;
    }
    if stopped > 0 {
        notes.add(
            NoteKind::Dropped,
            msg!("imp-stopped-instances", count = stopped),
        );
    }
    if found > 0 {
        return;
    }
    let why = if b.instances.is_none() {
        match b.origin {
            Origin::AwsCli => msg!("imp-why-no-instances-output"),
            _ => msg!("imp-why-instances-not-listed"),
        }
    } else {
        msg!("imp-why-no-instance-tagged")
    };
    let mut made = 0;
    let mut used: HashMap<String, u32> = HashMap::new();
    for g in &b.nodegroups {
        for s in &g.subnets {
            let Some(sub) = subnet_of(comps, s) else {
                continue;
            };
            let nth = used.entry(s.clone()).or_insert(0);
            *nth += 1;
            let Some(ip) = first_host(&sub.cidr, *nth - 1) else {
                continue;
            };
            made += 1;
            let id = format!("node-{made}");
            let groups = g.security_groups.clone().unwrap_or_default();
            sgs.extend(groups.iter().cloned());
            let with = if groups.is_empty() && g.self_managed {
                msg!("imp-node-with-no-group")
            } else if groups.is_empty() {
                msg!("imp-node-with-cluster-sg")
            } else {
                msg!("imp-node-with-groups", groups = groups.join(", "))
            };
            // Nodes get a public IP when their subnet assigns one on launch.
            let address = if sub.map_public_ip_on_launch {
                msg!("imp-node-public-ip")
            } else {
                msg!("imp-node-no-public-ip")
            };
            comps.push(Component {
                label: format!("{} node", g.nodegroup_name),
                source: format!("assumed:{id}"),
                ..comp(
                    &id,
                    None,
                    Some(s),
                    ComponentKind::Node(Node {
                        private_ip: ip.clone(),
                        no_public_ip: !sub.map_public_ip_on_launch,
                        node_group: if g.self_managed {
                            NodeGroup::SelfManaged
                        } else {
                            NodeGroup::Managed
                        },
                        security_groups: groups,
                        ..Node::default()
                    }),
                )
            });
            notes.add(
                NoteKind::Synthesised,
                msg!(
                    "imp-node",
                    id = &id,
                    group = &g.nodegroup_name,
                    ip = &ip,
                    subnet = s,
                    with = with,
                    address = address,
                    why = &why
                ),
            );
        }
    }
}

/// The `nth` address from the tenth of a subnet (AWS reserves the first four), for made-up
/// nodes.
fn first_host(cidr: &str, nth: u32) -> Option<String> {
    let net = crate::model::net::parse_cidr_v4(cidr).ok()?;
    let first = u32::from(net.network()).checked_add(10)?.checked_add(nth)?;
    net.contains(&std::net::Ipv4Addr::from(first))
        .then(|| std::net::Ipv4Addr::from(first).to_string())
}

/// The groups the design uses, with the groups their rules name, rules flattened one per
/// peer.
fn security_groups(
    b: &Bundle,
    wanted: &BTreeSet<String>,
    cluster: &Cluster,
    notes: &mut Notes,
) -> Vec<SecurityGroup> {
    let by_id: BTreeMap<&str, &aws::SecurityGroup> = b
        .security_groups
        .iter()
        .map(|g| (g.group_id.as_str(), g))
        .collect();
    let mut todo: Vec<String> = wanted.iter().cloned().collect();
    let mut done: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    let (mut ipv6, mut prefix) = (0, 0);
    while let Some(id) = todo.pop() {
        if !done.insert(id.clone()) {
            continue;
        }
        let Some(g) = by_id.get(id.as_str()) else {
            if id == cluster.cluster_security_group {
                notes.add(
                    NoteKind::Synthesised,
                    msg!("imp-cluster-sg-made", id = &id, from = b.origin.name()),
                );
                let mut sg = SecurityGroup::default_cluster(&id);
                sg.source.clone_from(&id);
                out.push(sg);
            } else {
                notes.add(
                    NoteKind::Synthesised,
                    msg!("imp-sg-made", id = &id, from = b.origin.name()),
                );
                out.push(SecurityGroup {
                    id: id.clone(),
                    source: id.clone(),
                    description: "not in the imported files".to_owned(),
                    ingress: Vec::new(),
                    egress: Vec::new(),
                });
            }
            continue;
        };
        let mut flatten = |perms: &[aws::Permission], todo: &mut Vec<String>| -> Vec<SgRule> {
            let mut rules = Vec::new();
            for p in perms {
                ipv6 += p.ipv6_ranges.len();
                prefix += p.prefix_list_ids.len();
                let protocol = match p.ip_protocol.as_str() {
                    "-1" => Protocol::All,
                    "tcp" | "6" => Protocol::Tcp,
                    "udp" | "17" => Protocol::Udp,
                    other => {
                        notes.add(
                            NoteKind::Dropped,
                            msg!("imp-sg-protocol", id = &g.group_id, protocol = other),
                        );
                        continue;
                    }
                };
                let ports = match (protocol, p.from_port, p.to_port) {
                    (Protocol::All, ..) | (_, None, _) | (_, _, None) => (0, u16::MAX),
                    (_, Some(f), Some(t)) if f < 0 || t < 0 => (0, u16::MAX),
                    (_, Some(f), Some(t)) => (port(f), port(t)),
                };
                for r in &p.ip_ranges {
                    rules.push(SgRule {
                        protocol,
                        ports,
                        peer: Peer::Cidr(r.cidr_ip.clone()),
                        description: r.description.clone(),
                    });
                }
                for pair in &p.user_id_group_pairs {
                    todo.push(pair.group_id.clone());
                    rules.push(SgRule {
                        protocol,
                        ports,
                        peer: Peer::Sg(pair.group_id.clone()),
                        description: pair.description.clone(),
                    });
                }
            }
            rules
        };
        let ingress = flatten(&g.ip_permissions, &mut todo);
        let egress = flatten(&g.ip_permissions_egress, &mut todo);
        if g.partial {
            out.push(partial_group(b, g, ingress, egress, cluster, notes));
            continue;
        }
        out.push(SecurityGroup {
            id: g.group_id.clone(),
            source: g.group_id.clone(),
            description: if g.description.is_empty() {
                g.group_name.clone()
            } else {
                g.description.clone()
            },
            ingress,
            egress,
        });
    }
    if ipv6 > 0 {
        notes.add(NoteKind::Dropped, msg!("imp-sg-ipv6", count = ipv6));
    }
    if prefix > 0 {
        notes.add(
            NoteKind::Dropped,
            msg!("imp-sg-prefix-lists", count = prefix),
        );
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// A group the input adds rules to without holding it: the cluster security group gets
/// EKS's default rules as well; any other group only the rules known.
fn partial_group(
    b: &Bundle,
    g: &aws::SecurityGroup,
    ingress: Vec<SgRule>,
    egress: Vec<SgRule>,
    cluster: &Cluster,
    notes: &mut Notes,
) -> SecurityGroup {
    let id = &g.group_id;
    let added = ingress.len() + egress.len();
    let origin = b.origin.name();
    if *id == cluster.cluster_security_group {
        notes.add(
            NoteKind::Synthesised,
            msg!(
                "imp-cluster-sg-partial",
                id = id,
                count = added,
                from = &origin
            ),
        );
        let mut sg = SecurityGroup::default_cluster(id);
        sg.source.clone_from(id);
        sg.ingress.extend(ingress);
        sg.egress.extend(egress);
        return sg;
    }
    notes.add(
        NoteKind::Assumed,
        msg!("imp-sg-partial", id = id, count = added, from = &origin),
    );
    SecurityGroup {
        id: id.clone(),
        source: id.clone(),
        description: "not in the imported files; only the rules they add".to_owned(),
        ingress,
        egress,
    }
}

/// One kubectl user on the internet, inside the first allowed range.
fn synthesise_client(comps: &mut Vec<Component>, cluster: &Cluster, notes: &mut Notes) {
    let first = cluster
        .public_access_cidrs
        .iter()
        .find_map(|c| crate::model::net::parse_cidr_v4(c).ok())
        .filter(|n| n.prefix_len() > 0);
    let ip = match first {
        Some(n) if n.prefix_len() >= 31 => n.network().to_string(),
        Some(n) => std::net::Ipv4Addr::from(u32::from(n.network()) + 1).to_string(),
        None => "203.0.113.10".to_owned(),
    };
    comps.push(Component {
        label: "kubectl user".to_owned(),
        ..comp(
            "kubectl-user",
            None,
            None,
            ComponentKind::Client(Client {
                public_ip: Some(ip.clone()),
                ..Client::default()
            }),
        )
    });
    notes.add(NoteKind::Synthesised, msg!("imp-client", ip = &ip));
}
