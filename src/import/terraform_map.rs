//! Terraform resources into a bundle (docs/import.md §2.2–2.6): joins by attribute ids
//! (or, in a plan, by the configuration's references), rules and routes from inline blocks
//! and separate resources deduplicated, the local routes and the main route table that
//! Terraform does not list, and the cluster security group EKS creates left for the
//! mapping to make.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;

use super::NoteKind;
use super::aws_shapes as aws;
use super::bundle::{Bundle, Notes, Origin};
use super::terraform::{Resource, Tf, plan_note, str_of, strings_of};
use super::terraform_refs::Refs;
use crate::msg;

struct Cx<'a> {
    tf: &'a Tf,
    refs: Refs<'a>,
    /// Set when a join followed the plan's configuration rather than an id.
    inferred: std::cell::Cell<bool>,
}

impl Cx<'_> {
    fn of<'s>(&'s self, kinds: &'s [&'s str]) -> impl Iterator<Item = &'s Resource> + 's {
        self.tf
            .resources
            .iter()
            .filter(move |r| kinds.contains(&r.kind.as_str()))
    }

    /// The id a resource is known by: its AWS id, or in a plan (unknown until apply) a name
    /// made from its address.
    fn id(r: &Resource) -> String {
        let key = if r.kind == "aws_eip" {
            r.str("allocation_id").or_else(|| r.str("id"))
        } else {
            r.str("id")
        };
        key.unwrap_or_else(|| placeholder(&r.address))
    }

    /// The id one attribute refers to (`vpc_id`, `["launch_template", "id"]`); none when
    /// the plan's references lead to several (a guess would join the wrong resources).
    fn ref_one(&self, r: &Resource, path: &[&str]) -> Option<String> {
        if let Some(v) = str_of(value_at(r, path)) {
            return Some(v);
        }
        one(self.resolved(r, path))
    }

    /// The ids a list attribute refers to (`subnet_ids`).
    fn ref_many(&self, r: &Resource, path: &[&str]) -> Vec<String> {
        let known = strings_of(value_at(r, path));
        if !known.is_empty() {
            return known;
        }
        self.resolved(r, path)
    }

    fn resolved(&self, r: &Resource, path: &[&str]) -> Vec<String> {
        if self.tf.origin != Origin::TerraformPlan || !r.is_unknown(path) {
            return Vec::new();
        }
        let targets = self.refs.resolve(r, path);
        self.ids(targets)
    }

    /// In a plan, the id attribute `key` of the nested block `planned` of `r` (a `route`
    /// of a route table, whose `gateway_id` is unknown until apply) refers to: the
    /// configuration block written with the same destination says which resource.
    fn block_ref(
        &self,
        r: &Resource,
        list: &str,
        planned: &serde_json::Map<String, Value>,
        key: &str,
    ) -> Option<String> {
        if self.tf.origin != Origin::TerraformPlan {
            return None;
        }
        let written = self.refs.blocks(r, list);
        let same_destination = |c: &&&serde_json::Map<String, Value>| {
            [
                "cidr_block",
                "ipv6_cidr_block",
                "destination_prefix_list_id",
            ]
            .iter()
            .any(|k| {
                let v = str_of(planned.get(*k));
                v.is_some() && str_of(c.get(*k).and_then(|e| e.get("constant_value"))) == v
            })
        };
        let block = match written.iter().find(same_destination) {
            Some(b) => *b,
            None if written.len() == 1 && r.blocks(list).len() <= 1 => written[0],
            None => return None,
        };
        let targets = self.refs.resolve_in(r, block.get(key)?);
        one(self.ids(targets))
    }

    /// The ids of the resources (or attributes) references lead to.
    fn ids(&self, targets: Vec<super::terraform_refs::Target>) -> Vec<String> {
        // A reference to the resource or its id gives the id; one to another attribute
        // gives that attribute when the plan knows it.
        let found: Vec<String> = targets
            .into_iter()
            .filter_map(|t| {
                let target = &self.tf.resources[t.resource];
                match t.attribute.as_slice() {
                    [] => Some(Self::id(target)),
                    [a] if a == "id" || (a == "allocation_id" && target.kind == "aws_eip") => {
                        Some(Self::id(target))
                    }
                    path => {
                        let path: Vec<&str> = path.iter().map(String::as_str).collect();
                        str_of(value_at(target, &path)).or_else(|| {
                            // The group EKS creates: what the cluster's own import calls it.
                            (target.kind == "aws_eks_cluster"
                                && path == ["vpc_config", "cluster_security_group_id"])
                            .then(|| cluster_sg_of(target))
                        })
                    }
                }
            })
            .collect();
        if !found.is_empty() {
            self.inferred.set(true);
        }
        found
    }
}

/// The id standing for the security group EKS creates for a planned cluster.
fn cluster_sg_of(cluster: &Resource) -> String {
    super::cfn_eval::cluster_sg_id(
        &cluster
            .str("name")
            .unwrap_or_else(|| placeholder(&cluster.address)),
    )
}

/// The one id of a list, if they are all the same.
fn one(mut ids: Vec<String>) -> Option<String> {
    ids.sort_unstable();
    ids.dedup();
    match ids.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

/// The value at a path, through the first block of nested block lists.
fn value_at<'r>(r: &'r Resource, path: &[&str]) -> Option<&'r Value> {
    let mut at = r.values.get(*path.first()?)?;
    for key in &path[1..] {
        if let Value::Array(a) = at {
            at = a.first()?;
        }
        at = at.get(*key)?;
    }
    Some(at)
}

/// `module.vpc.aws_subnet.private[0]` → `vpc.subnet.private-0` (an id the model accepts).
fn placeholder(address: &str) -> String {
    let short = address.replace("module.", "").replace("aws_", "");
    let mut id = String::with_capacity(short.len());
    for ch in short.chars() {
        match ch {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' => id.push(ch),
            '[' => id.push('-'),
            _ => {}
        }
    }
    let id = id.trim_matches(['-', '.']).to_owned();
    if id.len() > 64 {
        id[id.len() - 64..]
            .trim_start_matches(['-', '.'])
            .to_owned()
    } else {
        id
    }
}

/// Reads the resources of a state or plan into a bundle.
pub(super) fn bundle(tf: &Tf, notes: &mut Notes) -> Bundle {
    let cx = Cx {
        tf,
        refs: Refs::new(tf.config.as_ref(), &tf.resources),
        inferred: std::cell::Cell::new(false),
    };
    if tf.origin == Origin::TerraformPlan {
        plan_note(notes);
    }
    let mut b = Bundle {
        origin: tf.origin,
        ..Bundle::default()
    };
    for r in &tf.resources {
        if r.kind.starts_with("aws_") {
            b.sources.insert(Cx::id(r), r.address.clone());
        }
    }
    vpcs(&cx, &mut b, notes);
    subnets(&cx, &mut b, notes);
    route_tables(&cx, &mut b, notes);
    gateways(&cx, &mut b, notes);
    security_groups(&cx, &mut b, notes);
    network_acls(&cx, &mut b);
    cluster(&cx, &mut b, notes);
    nodes(&cx, &mut b);
    for r in cx.of(&["aws_vpc_endpoint"]) {
        b.vpc_endpoints.push(aws::VpcEndpoint {
            vpc_id: vpc_of(&cx, &b, r, notes),
            service_name: r.str("service_name").unwrap_or_default(),
            state: r.str("state"),
        });
    }
    if cx.inferred.get() {
        notes.add(NoteKind::Assumed, msg!("imp-tf-inferred-joins"));
    }
    b.notes = std::mem::take(notes);
    b.dedup();
    b
}

/// The VPC of a resource: its `vpc_id`, else (a plan whose reference leads through a local)
/// the only VPC.
fn vpc_of(cx: &Cx<'_>, b: &Bundle, r: &Resource, notes: &mut Notes) -> String {
    if let Some(v) = cx.ref_one(r, &["vpc_id"]) {
        return v;
    }
    match b.vpcs.as_slice() {
        [only] => {
            if r.is_unknown(&["vpc_id"]) {
                notes.add(
                    NoteKind::Assumed,
                    msg!("imp-tf-only-vpc", vpc = &only.vpc_id),
                );
            }
            only.vpc_id.clone()
        }
        _ => String::new(),
    }
}

fn vpcs(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    let dhcp_assoc: HashMap<String, String> = cx
        .of(&["aws_vpc_dhcp_options_association"])
        .filter_map(|a| {
            Some((
                cx.ref_one(a, &["vpc_id"])?,
                cx.ref_one(a, &["dhcp_options_id"])?,
            ))
        })
        .collect();
    for r in cx.of(&["aws_vpc"]) {
        let id = Cx::id(r);
        let extra: Vec<aws::CidrAssociation> = cx
            .of(&["aws_vpc_ipv4_cidr_block_association"])
            .filter(|a| cx.ref_one(a, &["vpc_id"]).as_deref() == Some(id.as_str()))
            .filter_map(|a| {
                Some(aws::CidrAssociation {
                    cidr_block: a.str("cidr_block")?,
                    cidr_block_state: None,
                })
            })
            .collect();
        let support = r.bool("enable_dns_support").unwrap_or_else(|| {
            notes.add(NoteKind::Assumed, msg!("imp-tf-dns-support", vpc = &id));
            true
        });
        let hostnames = r.bool("enable_dns_hostnames").unwrap_or_else(|| {
            notes.add(NoteKind::Assumed, msg!("imp-tf-dns-hostnames", vpc = &id));
            false
        });
        b.dns_support.insert(id.clone(), support);
        b.dns_hostnames.insert(id.clone(), hostnames);
        b.vpcs.push(aws::Vpc {
            dhcp_options_id: dhcp_assoc
                .get(&id)
                .cloned()
                .or_else(|| r.str("dhcp_options_id")),
            vpc_id: id,
            cidr_block: r.str("cidr_block"),
            cidr_block_association_set: extra,
            tags: r.tags(),
        });
    }
    let dhcp: Vec<aws::DhcpOptions> = cx
        .of(&["aws_vpc_dhcp_options", "aws_default_vpc_dhcp_options"])
        .map(|r| aws::DhcpOptions {
            dhcp_options_id: Cx::id(r),
            dhcp_configurations: vec![aws::DhcpConfiguration {
                key: "domain-name-servers".to_owned(),
                values: r
                    .strings("domain_name_servers")
                    .into_iter()
                    .map(|value| aws::DhcpValue { value })
                    .collect(),
            }],
        })
        .collect();
    if !dhcp.is_empty() {
        b.dhcp_options = Some(dhcp);
    }
}

fn subnets(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    for r in cx.of(&["aws_subnet"]) {
        let s = aws::Subnet {
            subnet_id: Cx::id(r),
            vpc_id: vpc_of(cx, b, r, notes),
            cidr_block: r.str("cidr_block"),
            availability_zone: r.str("availability_zone").unwrap_or_else(|| {
                notes.add(
                    NoteKind::Assumed,
                    msg!("imp-tf-subnet-az-unknown", subnet = &r.address),
                );
                String::new()
            }),
            map_public_ip_on_launch: r.bool("map_public_ip_on_launch").unwrap_or(false),
            tags: r.tags(),
        };
        if s.cidr_block.is_none() && r.is_unknown(&["cidr_block"]) {
            notes.add(
                NoteKind::Dropped,
                msg!("imp-tf-subnet-cidr-unknown", subnet = &r.address),
            );
        }
        b.subnets.push(s);
    }
}

/// The route targets of a route block or an `aws_route`, as the CLI names them.
fn route(
    cx: &Cx<'_>,
    r: &Resource,
    block: Option<&serde_json::Map<String, Value>>,
) -> aws::AwsRoute {
    let get = |key: &str, alt: &str| -> Option<String> {
        match block {
            Some(b) => str_of(b.get(key))
                .or_else(|| str_of(b.get(alt)))
                .or_else(|| (key.ends_with("_id")).then(|| cx.block_ref(r, "route", b, key))?),
            None => cx.ref_one(r, &[key]).or_else(|| cx.ref_one(r, &[alt])),
        }
    };
    aws::AwsRoute {
        destination_cidr_block: get("cidr_block", "destination_cidr_block"),
        destination_ipv6_cidr_block: get("ipv6_cidr_block", "destination_ipv6_cidr_block"),
        destination_prefix_list_id: get("destination_prefix_list_id", "destination_prefix_list_id"),
        gateway_id: get("gateway_id", "gateway_id"),
        nat_gateway_id: get("nat_gateway_id", "nat_gateway_id"),
        transit_gateway_id: get("transit_gateway_id", "transit_gateway_id"),
        vpc_peering_connection_id: get("vpc_peering_connection_id", "vpc_peering_connection_id"),
        network_interface_id: get("network_interface_id", "network_interface_id"),
        instance_id: None,
        egress_only_internet_gateway_id: get("egress_only_gateway_id", "egress_only_gateway_id"),
        state: get("state", "state"),
    }
}

/// The inline routes of a route table. A plan whose routes are all unknown until apply
/// (the set holds a gateway being created) has them only in the configuration: their
/// written destinations stand for them, and the targets follow the references.
fn route_blocks(cx: &Cx<'_>, r: &Resource) -> Vec<serde_json::Map<String, Value>> {
    let planned = r.blocks("route");
    if !planned.is_empty() || !r.is_unknown(&["route"]) {
        return planned.into_iter().cloned().collect();
    }
    cx.refs
        .blocks(r, "route")
        .into_iter()
        .map(|written| {
            written
                .iter()
                .filter_map(|(k, e)| Some((k.clone(), e.get("constant_value")?.clone())))
                .collect()
        })
        .collect()
}

fn has_target(r: &aws::AwsRoute) -> bool {
    r.gateway_id.is_some()
        || r.nat_gateway_id.is_some()
        || r.transit_gateway_id.is_some()
        || r.vpc_peering_connection_id.is_some()
        || r.network_interface_id.is_some()
        || r.egress_only_internet_gateway_id.is_some()
}

fn route_tables(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    let vpc_cidrs: HashMap<String, Vec<String>> = b
        .vpcs
        .iter()
        .map(|v| {
            let mut all: Vec<String> = v.cidr_block.iter().cloned().collect();
            all.extend(
                v.cidr_block_association_set
                    .iter()
                    .map(|a| a.cidr_block.clone()),
            );
            (v.vpc_id.clone(), all)
        })
        .collect();
    let local = |vpc: &str| -> Vec<aws::AwsRoute> {
        vpc_cidrs
            .get(vpc)
            .into_iter()
            .flatten()
            .map(|c| aws::AwsRoute {
                destination_cidr_block: Some(c.clone()),
                gateway_id: Some("local".to_owned()),
                ..aws::AwsRoute::default()
            })
            .collect()
    };
    // The default (main) table of each VPC.
    let mut main: HashMap<String, String> = HashMap::new();
    for v in cx.of(&["aws_vpc"]) {
        if let Some(t) = v
            .str("main_route_table_id")
            .or_else(|| v.str("default_route_table_id"))
        {
            main.insert(Cx::id(v), t);
        }
    }
    for m in cx.of(&["aws_main_route_table_association"]) {
        if let (Some(v), Some(t)) = (
            cx.ref_one(m, &["vpc_id"]),
            cx.ref_one(m, &["route_table_id"]),
        ) {
            main.insert(v, t);
        }
    }
    for r in cx.of(&["aws_route_table", "aws_default_route_table"]) {
        let id = Cx::id(r);
        let vpc = if r.kind == "aws_default_route_table" {
            let owner = cx
                .ref_one(r, &["default_route_table_id"])
                .and_then(|t| main.iter().find(|(_, m)| **m == t).map(|(v, _)| v.clone()))
                .or_else(|| cx.ref_one(r, &["vpc_id"]))
                .unwrap_or_else(|| vpc_of(cx, b, r, notes));
            main.entry(owner.clone()).or_insert_with(|| id.clone());
            owner
        } else {
            vpc_of(cx, b, r, notes)
        };
        let mut routes = local(&vpc);
        for block in route_blocks(cx, r) {
            let route = route(cx, r, Some(&block));
            if has_target(&route) {
                routes.push(route);
            } else {
                notes.add(
                    NoteKind::Dropped,
                    msg!("imp-tf-route-target-unknown", table = &r.address),
                );
            }
        }
        b.route_tables.push(aws::RouteTable {
            route_table_id: id,
            vpc_id: vpc,
            associations: Vec::new(),
            routes,
        });
    }
    for r in cx.of(&["aws_route"]) {
        let route = route(cx, r, None);
        let table = cx.ref_one(r, &["route_table_id"]);
        let Some(t) = b
            .route_tables
            .iter_mut()
            .find(|t| Some(&t.route_table_id) == table.as_ref())
        else {
            notes.add(
                NoteKind::Dropped,
                msg!(
                    "imp-tf-route-table-missing",
                    address = &r.address,
                    from = cx.tf.origin.name()
                ),
            );
            continue;
        };
        if !has_target(&route) {
            notes.add(
                NoteKind::Dropped,
                msg!("imp-tf-target-unknown", address = &r.address),
            );
            continue;
        }
        // The table lists routes made by aws_route too: read each once.
        let same = |x: &aws::AwsRoute| {
            x.destination_cidr_block == route.destination_cidr_block
                && x.destination_ipv6_cidr_block == route.destination_ipv6_cidr_block
                && x.destination_prefix_list_id == route.destination_prefix_list_id
        };
        if !t.routes.iter().any(same) {
            t.routes.push(route);
        }
    }
    for a in cx.of(&["aws_route_table_association"]) {
        if a.str("gateway_id").is_some() || a.is_unknown(&["gateway_id"]) {
            // An edge association (a gateway route table): no subnet uses it.
            continue;
        }
        let (Some(subnet), Some(table)) = (
            cx.ref_one(a, &["subnet_id"]),
            cx.ref_one(a, &["route_table_id"]),
        ) else {
            notes.add(
                NoteKind::Dropped,
                msg!(
                    "imp-tf-association-unknown",
                    address = &a.address,
                    from = cx.tf.origin.name()
                ),
            );
            continue;
        };
        if let Some(t) = b
            .route_tables
            .iter_mut()
            .find(|t| t.route_table_id == table)
        {
            t.associations.push(aws::RouteTableAssociation {
                main: false,
                subnet_id: Some(subnet),
            });
        } else {
            notes.add(
                NoteKind::Dropped,
                msg!(
                    "imp-tf-association-table-missing",
                    address = &a.address,
                    table = &table,
                    from = cx.tf.origin.name(),
                    subnet = &subnet
                ),
            );
        }
    }
    for v in b.vpcs.iter().map(|v| v.vpc_id.clone()).collect::<Vec<_>>() {
        let id = main.get(&v).cloned();
        let exists = id
            .as_ref()
            .and_then(|id| b.route_tables.iter_mut().find(|t| &t.route_table_id == id));
        if let Some(t) = exists {
            t.associations.push(aws::RouteTableAssociation {
                main: true,
                subnet_id: None,
            });
            continue;
        }
        let id = id.unwrap_or_else(|| format!("{v}.main-route-table"));
        notes.add(
            NoteKind::Assumed,
            msg!("imp-tf-main-table", vpc = &v, table = &id),
        );
        b.route_tables.push(aws::RouteTable {
            route_table_id: id,
            vpc_id: v.clone(),
            associations: vec![aws::RouteTableAssociation {
                main: true,
                subnet_id: None,
            }],
            routes: local(&v),
        });
    }
}

fn gateways(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    connected(cx, b, notes);
    let attached: Vec<(String, String)> = cx
        .of(&["aws_internet_gateway_attachment"])
        .filter_map(|a| {
            Some((
                cx.ref_one(a, &["internet_gateway_id"])?,
                cx.ref_one(a, &["vpc_id"])?,
            ))
        })
        .collect();
    for r in cx.of(&["aws_internet_gateway"]) {
        let id = Cx::id(r);
        let mut vpcs: Vec<String> = attached
            .iter()
            .filter(|(g, _)| *g == id)
            .map(|(_, v)| v.clone())
            .collect();
        if vpcs.is_empty() {
            vpcs.push(vpc_of(cx, b, r, notes));
        }
        b.internet_gateways.push(aws::InternetGateway {
            internet_gateway_id: id,
            attachments: vpcs
                .into_iter()
                .map(|vpc_id| aws::IgwAttachment {
                    vpc_id,
                    state: "available".to_owned(),
                })
                .collect(),
            tags: r.tags(),
        });
    }
    let eips: HashMap<String, Option<String>> = cx
        .of(&["aws_eip"])
        .map(|e| (Cx::id(e), e.str("public_ip")))
        .collect();
    for r in cx.of(&["aws_nat_gateway"]) {
        let id = Cx::id(r);
        let private = r.str("connectivity_type").as_deref() == Some("private");
        let public = r.str("public_ip").or_else(|| {
            let alloc = cx.ref_one(r, &["allocation_id"])?;
            eips.get(&alloc).cloned().flatten()
        });
        if public.is_none() && !private {
            notes.add(
                NoteKind::Dropped,
                msg!(
                    "imp-tf-nat-eip-unknown",
                    nat = &r.address,
                    from = cx.tf.origin.name()
                ),
            );
        }
        b.nat_gateways.push(aws::NatGateway {
            nat_gateway_id: id,
            subnet_id: cx.ref_one(r, &["subnet_id"]).unwrap_or_default(),
            vpc_id: String::new(),
            state: "available".to_owned(),
            connectivity_type: r.str("connectivity_type"),
            nat_gateway_addresses: vec![aws::NatAddress {
                public_ip: public,
                is_primary: Some(true),
            }],
            tags: r.tags(),
        });
    }
}

/// One rule for one peer, and the key that tells duplicates apart.
fn permission(
    protocol: &str,
    from: Option<i64>,
    to: Option<i64>,
    peer: Peer,
    description: String,
) -> aws::Permission {
    let mut p = aws::Permission {
        ip_protocol: protocol.to_owned(),
        from_port: from,
        to_port: to,
        ..aws::Permission::default()
    };
    match peer {
        Peer::Cidr(c) => p.ip_ranges.push(aws::IpRange {
            cidr_ip: c,
            description,
        }),
        Peer::Group(g) => p.user_id_group_pairs.push(aws::GroupPair {
            group_id: g,
            description,
        }),
        Peer::Ipv6 => p.ipv6_ranges.push(serde::de::IgnoredAny),
        Peer::PrefixList => p.prefix_list_ids.push(serde::de::IgnoredAny),
    }
    p
}

enum Peer {
    Cidr(String),
    Group(String),
    Ipv6,
    PrefixList,
}

/// Every peer of an inline block or an `aws_security_group_rule`.
fn peers(
    cx: &Cx<'_>,
    r: &Resource,
    block: &serde_json::Map<String, Value>,
    own: &str,
) -> Vec<(Peer, String)> {
    let desc = str_of(block.get("description")).unwrap_or_default();
    let mut out: Vec<(Peer, String)> = strings_of(block.get("cidr_blocks"))
        .into_iter()
        .map(|c| (Peer::Cidr(c), desc.clone()))
        .collect();
    for g in strings_of(block.get("security_groups")) {
        out.push((Peer::Group(g), desc.clone()));
    }
    if let Some(g) = str_of(block.get("source_security_group_id")).or_else(|| {
        (r.kind == "aws_security_group_rule")
            .then(|| cx.ref_one(r, &["source_security_group_id"]))
            .flatten()
    }) {
        out.push((Peer::Group(g), desc.clone()));
    }
    if block.get("self").and_then(Value::as_bool) == Some(true) {
        out.push((Peer::Group(own.to_owned()), desc.clone()));
    }
    for _ in strings_of(block.get("ipv6_cidr_blocks")) {
        out.push((Peer::Ipv6, desc.clone()));
    }
    for _ in strings_of(block.get("prefix_list_ids")) {
        out.push((Peer::PrefixList, desc.clone()));
    }
    out
}

fn security_groups(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    // (group, egress) → rules, each once.
    let mut rules: BTreeMap<(String, bool), Vec<aws::Permission>> = BTreeMap::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut add = |group: &str, egress: bool, p: aws::Permission| {
        let key = format!(
            "{group}|{egress}|{}|{:?}|{:?}|{:?}|{:?}|{}|{}",
            p.ip_protocol,
            p.from_port,
            p.to_port,
            p.ip_ranges.first().map(|r| &r.cidr_ip),
            p.user_id_group_pairs.first().map(|g| &g.group_id),
            p.ipv6_ranges.len(),
            p.prefix_list_ids.len(),
        );
        if seen.insert(key) {
            rules.entry((group.to_owned(), egress)).or_default().push(p);
        }
    };
    let groups: Vec<&Resource> = cx
        .of(&["aws_security_group", "aws_default_security_group"])
        .collect();
    for g in &groups {
        let id = Cx::id(g);
        for (key, egress) in [("ingress", false), ("egress", true)] {
            for block in g.blocks(key) {
                let protocol = str_of(block.get("protocol")).unwrap_or_else(|| "-1".to_owned());
                let (from, to) = (
                    block.get("from_port").and_then(Value::as_i64),
                    block.get("to_port").and_then(Value::as_i64),
                );
                for (peer, desc) in peers(cx, g, block, &id) {
                    add(&id, egress, permission(&protocol, from, to, peer, desc));
                }
            }
        }
    }
    for r in cx.of(&["aws_security_group_rule"]) {
        let Some(group) = cx.ref_one(r, &["security_group_id"]) else {
            unknown_group(cx, r, notes);
            continue;
        };
        let egress = r.str("type").as_deref() == Some("egress");
        let protocol = r.str("protocol").unwrap_or_else(|| "-1".to_owned());
        let (from, to) = (r.int("from_port"), r.int("to_port"));
        for (peer, desc) in peers(cx, r, &r.values, &group) {
            add(&group, egress, permission(&protocol, from, to, peer, desc));
        }
    }
    for r in cx.of(&[
        "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule",
    ]) {
        let Some(group) = cx.ref_one(r, &["security_group_id"]) else {
            unknown_group(cx, r, notes);
            continue;
        };
        let egress = r.kind.ends_with("egress_rule");
        let protocol = r.str("ip_protocol").unwrap_or_else(|| "-1".to_owned());
        let (from, to) = (r.int("from_port"), r.int("to_port"));
        let desc = r.str("description").unwrap_or_default();
        let peer = if let Some(c) = r.str("cidr_ipv4") {
            Peer::Cidr(c)
        } else if let Some(g) = cx.ref_one(r, &["referenced_security_group_id"]) {
            Peer::Group(g)
        } else if r.str("cidr_ipv6").is_some() {
            Peer::Ipv6
        } else if r.str("prefix_list_id").is_some() {
            Peer::PrefixList
        } else {
            continue;
        };
        add(&group, egress, permission(&protocol, from, to, peer, desc));
    }
    for g in groups {
        let id = Cx::id(g);
        b.security_groups.push(aws::SecurityGroup {
            ip_permissions: rules.remove(&(id.clone(), false)).unwrap_or_default(),
            ip_permissions_egress: rules.remove(&(id.clone(), true)).unwrap_or_default(),
            group_name: g.str("name").unwrap_or_default(),
            description: g.str("description").unwrap_or_default(),
            group_id: id,
            partial: false,
        });
    }
    // Standalone rules on a group the state does not hold (the cluster security group EKS
    // creates, a group of another stack): the group stands with the rules known.
    let mut rest: BTreeMap<String, aws::SecurityGroup> = BTreeMap::new();
    for ((group, egress), perms) in rules {
        let g = rest
            .entry(group.clone())
            .or_insert_with(|| aws::SecurityGroup {
                group_id: group,
                partial: true,
                ..aws::SecurityGroup::default()
            });
        if egress {
            g.ip_permissions_egress = perms;
        } else {
            g.ip_permissions = perms;
        }
    }
    b.security_groups.extend(rest.into_values());
}

fn unknown_group(cx: &Cx<'_>, r: &Resource, notes: &mut Notes) {
    notes.add(
        NoteKind::Dropped,
        msg!(
            "imp-tf-rule-group-unknown",
            address = &r.address,
            from = cx.tf.origin.name()
        ),
    );
}

/// `tcp` → `6`, as the CLI writes ACL protocols.
fn acl_protocol(p: &str) -> String {
    match p {
        "tcp" => "6".to_owned(),
        "udp" => "17".to_owned(),
        "icmp" => "1".to_owned(),
        "all" => "-1".to_owned(),
        other => other.to_owned(),
    }
}

fn acl_entry(block: &serde_json::Map<String, Value>, egress: bool) -> aws::AclEntry {
    let int = |k: &str| block.get(k).and_then(Value::as_i64);
    let protocol = acl_protocol(&str_of(block.get("protocol")).unwrap_or_else(|| "-1".to_owned()));
    aws::AclEntry {
        rule_number: int("rule_no").or_else(|| int("rule_number")).unwrap_or(0),
        egress,
        rule_action: str_of(block.get("action"))
            .or_else(|| str_of(block.get("rule_action")))
            .unwrap_or_default(),
        cidr_block: str_of(block.get("cidr_block")),
        ipv6_cidr_block: str_of(block.get("ipv6_cidr_block")),
        port_range: match (int("from_port"), int("to_port")) {
            (Some(from), Some(to)) if protocol != "-1" => Some(aws::PortRange { from, to }),
            _ => None,
        },
        protocol,
    }
}

fn network_acls(cx: &Cx<'_>, b: &mut Bundle) {
    for r in cx.of(&["aws_network_acl", "aws_default_network_acl"]) {
        let id = Cx::id(r);
        let mut entries: Vec<aws::AclEntry> = Vec::new();
        for (key, egress) in [("ingress", false), ("egress", true)] {
            entries.extend(r.blocks(key).into_iter().map(|blk| acl_entry(blk, egress)));
        }
        for rule in cx.of(&["aws_network_acl_rule"]) {
            if cx.ref_one(rule, &["network_acl_id"]).as_deref() != Some(id.as_str()) {
                continue;
            }
            let e = acl_entry(&rule.values, rule.bool("egress").unwrap_or(false));
            if !entries
                .iter()
                .any(|x| x.rule_number == e.rule_number && x.egress == e.egress)
            {
                entries.push(e);
            }
        }
        let default = r.kind == "aws_default_network_acl";
        // The modules leave the default ACL's subnet list to AWS: it is not the association.
        let mut subnets = if default {
            Vec::new()
        } else {
            cx.ref_many(r, &["subnet_ids"])
        };
        for a in cx.of(&["aws_network_acl_association"]) {
            if cx.ref_one(a, &["network_acl_id"]).as_deref() == Some(id.as_str())
                && let Some(s) = cx.ref_one(a, &["subnet_id"])
            {
                subnets.push(s);
            }
        }
        let vpc = cx
            .ref_one(r, &["vpc_id"])
            .unwrap_or_else(|| b.vpcs.first().map(|v| v.vpc_id.clone()).unwrap_or_default());
        b.network_acls.push(aws::NetworkAcl {
            network_acl_id: id,
            vpc_id: vpc,
            is_default: default,
            associations: subnets
                .into_iter()
                .map(|subnet_id| aws::AclAssociation { subnet_id })
                .collect(),
            entries,
        });
    }
}

fn cluster(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    // The cluster the configuration manages, not a data source that reads it.
    let is_data = |r: &Resource| r.address.starts_with("data.") || r.address.contains(".data.");
    let mut all: Vec<&Resource> = cx.of(&["aws_eks_cluster"]).collect();
    all.sort_by_key(|r| is_data(r));
    let mut clusters = all.into_iter();
    let Some(r) = clusters.next() else {
        return;
    };
    for other in clusters {
        if is_data(other) {
            continue;
        }
        notes.add(
            NoteKind::Dropped,
            msg!(
                "imp-tf-other-cluster",
                cluster = &other.address,
                first = &r.address
            ),
        );
    }
    let cfg = r.block("vpc_config");
    let get_bool = |k: &str| cfg.and_then(|c| c.get(k)).and_then(Value::as_bool);
    let cidrs = strings_of(cfg.and_then(|c| c.get("public_access_cidrs")));
    let name = r.str("name").unwrap_or_else(|| placeholder(&r.address));
    let security_group_ids = cx.ref_many(r, &["vpc_config", "security_group_ids"]);
    if security_group_ids.is_empty() && r.is_unknown(&["vpc_config", "security_group_ids"]) {
        notes.add(
            NoteKind::Dropped,
            msg!("imp-tf-cluster-groups-unknown", cluster = &r.address),
        );
    }
    let mut cluster_sg = str_of(cfg.and_then(|c| c.get("cluster_security_group_id")));
    if cluster_sg.is_none() && r.is_unknown(&["vpc_config", "cluster_security_group_id"]) {
        let id = cluster_sg_of(r);
        notes.add(
            NoteKind::Assumed,
            msg!("imp-tf-cluster-sg-unknown", id = &id),
        );
        cluster_sg = Some(id);
    }
    b.cluster = Some(aws::EksCluster {
        name,
        endpoint: r.str("endpoint"),
        resources_vpc_config: aws::VpcConfig {
            subnet_ids: cx.ref_many(r, &["vpc_config", "subnet_ids"]),
            security_group_ids,
            cluster_security_group_id: cluster_sg,
            vpc_id: str_of(cfg.and_then(|c| c.get("vpc_id"))).unwrap_or_default(),
            endpoint_public_access: get_bool("endpoint_public_access"),
            endpoint_private_access: get_bool("endpoint_private_access"),
            public_access_cidrs: cidrs,
            control_plane_egress_mode: None,
        },
        kubernetes_network_config: r.block("kubernetes_network_config").map(|k| {
            aws::KubernetesNetworkConfig {
                ip_family: str_of(k.get("ip_family")),
            }
        }),
    });
}

fn nodes(cx: &Cx<'_>, b: &mut Bundle) {
    let templates: HashMap<String, Vec<String>> = cx
        .of(&["aws_launch_template"])
        .map(|t| {
            let mut groups = cx.ref_many(t, &["vpc_security_group_ids"]);
            for ni in t.blocks("network_interfaces") {
                groups.extend(strings_of(ni.get("security_groups")));
            }
            if groups.is_empty() {
                groups = cx.ref_many(t, &["network_interfaces", "security_groups"]);
            }
            (Cx::id(t), groups)
        })
        .collect();
    for r in cx.of(&["aws_eks_node_group"]) {
        let groups = cx
            .ref_one(r, &["launch_template", "id"])
            .and_then(|t| templates.get(&t).cloned())
            .filter(|g| !g.is_empty());
        b.nodegroups.push(aws::NodeGroup {
            nodegroup_name: r
                .str("node_group_name")
                .unwrap_or_else(|| placeholder(&r.address)),
            subnets: cx.ref_many(r, &["subnet_ids"]),
            scaling_config: None,
            security_groups: groups,
            self_managed: false,
        });
    }
    let instances: Vec<aws::Instance> = cx
        .of(&["aws_instance"])
        .map(|r| aws::Instance {
            instance_id: Cx::id(r),
            subnet_id: cx.ref_one(r, &["subnet_id"]),
            vpc_id: None,
            private_ip_address: r.str("private_ip"),
            public_ip_address: r.str("public_ip"),
            security_groups: cx
                .ref_many(r, &["vpc_security_group_ids"])
                .into_iter()
                .map(|group_id| aws::GroupRef { group_id })
                .collect(),
            state: r
                .str("instance_state")
                .map(|name| aws::InstanceState { name }),
            tags: r.tags(),
        })
        .collect();
    if !instances.is_empty() {
        b.instances = Some(instances);
    }
}

/// VPN gateways, transit gateway attachments and peering connections of the VPC.
fn connected(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    let vgw_attached: Vec<(String, String)> = cx
        .of(&["aws_vpn_gateway_attachment"])
        .filter_map(|a| {
            Some((
                cx.ref_one(a, &["vpn_gateway_id"])?,
                cx.ref_one(a, &["vpc_id"])?,
            ))
        })
        .collect();
    for r in cx.of(&["aws_vpn_gateway"]) {
        let id = Cx::id(r);
        let vpc = cx.ref_one(r, &["vpc_id"]).or_else(|| {
            vgw_attached
                .iter()
                .find(|(g, _)| *g == id)
                .map(|(_, v)| v.clone())
        });
        b.vpn_gateways
            .push(super::build_links::vpn_gateway(&id, vpc, r.tags()));
    }
    for r in cx.of(&["aws_ec2_transit_gateway_vpc_attachment"]) {
        b.tgw_attachments.push(aws::TgwAttachment {
            transit_gateway_id: cx.ref_one(r, &["transit_gateway_id"]).unwrap_or_default(),
            resource_type: "vpc".to_owned(),
            resource_id: vpc_of(cx, b, r, notes),
            state: String::new(),
            tags: r.tags(),
        });
    }
    for r in cx.of(&["aws_vpc_peering_connection"]) {
        b.peerings.push(aws::PeeringConnection {
            vpc_peering_connection_id: Cx::id(r),
            requester_vpc_info: aws::PeerVpc {
                vpc_id: cx.ref_one(r, &["vpc_id"]).unwrap_or_default(),
                cidr_block: None,
            },
            accepter_vpc_info: aws::PeerVpc {
                vpc_id: cx.ref_one(r, &["peer_vpc_id"]).unwrap_or_default(),
                cidr_block: None,
            },
            status: r
                .str("accept_status")
                .map(|code| aws::PeeringStatus { code }),
            tags: r.tags(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    #[test]
    fn placeholders_are_ids() {
        assert_eq!(
            placeholder("module.vpc.aws_subnet.private[0]"),
            "vpc.subnet.private-0"
        );
        assert_eq!(
            placeholder("module.eks.module.ng[\"default\"].aws_eks_node_group.this[0]"),
            "eks.ng-default.eks_node_group.this-0"
        );
        let long = placeholder(&format!("module.{}.aws_vpc.this", "m".repeat(80)));
        assert!(long.len() <= 64, "{long}");
        assert!(crate::model::validate::check_id(&long).is_ok());
    }
}
