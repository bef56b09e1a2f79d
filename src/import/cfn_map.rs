//! A CloudFormation template's resources onto the bundle: the same targets as the Terraform
//! mapping with CloudFormation's types and defaults (docs/import.md §4.1, §4.3) — DNS
//! hostnames off, no main route table in the template, allow-all egress for a group whose
//! template gives none, integer ACL protocols.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::NoteKind;
use super::aws_shapes as aws;
use super::bundle::{Bundle, Notes, Origin};
use super::cfn_eval::{Eval, cluster_sg_id, why_unknown};

/// One evaluated resource.
struct Res<'t> {
    id: &'t str,
    kind: &'t str,
    props: Map<String, Value>,
}

struct Cx<'t> {
    resources: Vec<Res<'t>>,
}

impl<'t> Cx<'t> {
    fn of(&self, kind: &str) -> impl Iterator<Item = &Res<'t>> {
        self.resources.iter().filter(move |r| r.kind == kind)
    }
}

impl Res<'_> {
    /// A known string (numbers as text); an unknown one is noted and `None`.
    fn str(&self, key: &str, notes: &mut Notes) -> Option<String> {
        text(self.props.get(key)?, &format!("{}.{key}", self.id), notes)
    }

    fn strings(&self, key: &str, notes: &mut Notes) -> Vec<String> {
        match self.props.get(key) {
            Some(Value::Array(l)) => l
                .iter()
                .filter_map(|v| text(v, &format!("{}.{key}", self.id), notes))
                .collect(),
            Some(v) => text(v, &format!("{}.{key}", self.id), notes)
                .into_iter()
                .collect(),
            None => Vec::new(),
        }
    }

    fn bool(&self, key: &str) -> Option<bool> {
        as_bool(self.props.get(key)?)
    }

    fn tags(&self) -> Vec<aws::Tag> {
        let Some(Value::Array(tags)) = self.props.get("Tags") else {
            return Vec::new();
        };
        tags.iter()
            .filter_map(|t| {
                Some(aws::Tag {
                    key: t.get("Key")?.as_str()?.to_owned(),
                    value: t.get("Value")?.as_str()?.to_owned(),
                })
            })
            .collect()
    }
}

fn text(v: &Value, what: &str, notes: &mut Notes) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        other => {
            if let Some(why) = why_unknown(other) {
                notes.add(
                    NoteKind::Dropped,
                    format!("{what}: unknown offline ({why})"),
                );
            }
            None
        }
    }
}

fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn as_i64(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

pub(super) fn bundle(template: &Value, notes: &mut Notes) -> Bundle {
    let ev = Eval::new(template);
    let cx = Cx {
        resources: ev
            .resources()
            .into_iter()
            .map(|(id, r)| Res {
                id,
                kind: r.get("Type").and_then(Value::as_str).unwrap_or_default(),
                props: ev.properties(r),
            })
            .collect(),
    };
    let mut b = Bundle {
        origin: Origin::CloudFormation,
        ..Bundle::default()
    };
    for r in &cx.resources {
        b.sources.insert(r.id.to_owned(), r.id.to_owned());
    }
    vpcs(&cx, &mut b, notes);
    for r in cx.of("AWS::EC2::Subnet") {
        b.subnets.push(aws::Subnet {
            subnet_id: r.id.to_owned(),
            vpc_id: r.str("VpcId", notes).unwrap_or_default(),
            cidr_block: r.str("CidrBlock", notes),
            availability_zone: r
                .str("AvailabilityZone", notes)
                .or_else(|| r.str("AvailabilityZoneId", notes))
                .unwrap_or_default(),
            map_public_ip_on_launch: r.bool("MapPublicIpOnLaunch").unwrap_or(false),
            tags: r.tags(),
        });
    }
    gateways(&cx, &mut b, notes);
    route_tables(&cx, &mut b, notes);
    security_groups(&cx, &mut b, notes);
    network_acls(&cx, &mut b, notes);
    for r in cx.of("AWS::EC2::VPCEndpoint") {
        b.vpc_endpoints.push(aws::VpcEndpoint {
            vpc_id: r.str("VpcId", notes).unwrap_or_default(),
            service_name: r.str("ServiceName", notes).unwrap_or_default(),
            state: Some("available".to_owned()),
        });
    }
    cluster(&cx, &mut b, notes);
    node_groups(&cx, &mut b, notes);
    for said in ev.said.borrow().iter() {
        notes.add(NoteKind::Assumed, said.clone());
    }
    b.notes = std::mem::take(notes);
    b.dedup();
    b
}

fn vpcs(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    for r in cx.of("AWS::EC2::VPC") {
        let cidr = r.str("CidrBlock", notes);
        if cidr.is_none() && r.props.contains_key("Ipv4IpamPoolId") {
            notes.add(NoteKind::Dropped, format!("VPC {}: its CIDR comes from an IPAM pool, known only when the stack is deployed", r.id));
        }
        let support = r.bool("EnableDnsSupport").unwrap_or(true);
        let hostnames = r.bool("EnableDnsHostnames").unwrap_or_else(|| {
            notes.add(
                NoteKind::Assumed,
                format!("VPC {}: DNS hostnames off (CloudFormation's default; EnableDnsHostnames is not set)", r.id),
            );
            false
        });
        b.dns_support.insert(r.id.to_owned(), support);
        b.dns_hostnames.insert(r.id.to_owned(), hostnames);
        b.vpcs.push(aws::Vpc {
            vpc_id: r.id.to_owned(),
            cidr_block: cidr.clone(),
            cidr_block_association_set: cidr
                .into_iter()
                .map(|c| aws::CidrAssociation {
                    cidr_block: c,
                    cidr_block_state: None,
                })
                .collect(),
            dhcp_options_id: None,
            tags: r.tags(),
        });
    }
    for r in cx.of("AWS::EC2::VPCCidrBlock") {
        let vpc = r.str("VpcId", notes).unwrap_or_default();
        let Some(cidr) = r.str("CidrBlock", notes) else {
            if r.props.contains_key("AmazonProvidedIpv6CidrBlock")
                || r.props.contains_key("Ipv6CidrBlock")
            {
                notes.add(
                    NoteKind::Dropped,
                    format!("{}: IPv6 CIDRs are not modelled", r.id),
                );
            }
            continue;
        };
        if let Some(v) = b.vpcs.iter_mut().find(|v| v.vpc_id == vpc) {
            v.cidr_block_association_set.push(aws::CidrAssociation {
                cidr_block: cidr,
                cidr_block_state: None,
            });
        }
    }
}

fn gateways(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    let mut attached: HashMap<String, String> = HashMap::new();
    for r in cx.of("AWS::EC2::VPCGatewayAttachment") {
        let vpc = r.str("VpcId", notes).unwrap_or_default();
        if let Some(g) = r
            .str("InternetGatewayId", notes)
            .or_else(|| r.str("VpnGatewayId", notes))
        {
            attached.insert(g, vpc);
        }
    }
    for r in cx.of("AWS::EC2::VPNGateway") {
        b.vpn_gateways.push(super::build_links::vpn_gateway(
            r.id,
            attached.get(r.id).cloned(),
            r.tags(),
        ));
    }
    for r in cx
        .of("AWS::EC2::TransitGatewayAttachment")
        .chain(cx.of("AWS::EC2::TransitGatewayVpcAttachment"))
    {
        b.tgw_attachments.push(aws::TgwAttachment {
            transit_gateway_id: r.str("TransitGatewayId", notes).unwrap_or_default(),
            resource_type: "vpc".to_owned(),
            resource_id: r.str("VpcId", notes).unwrap_or_default(),
            state: String::new(),
            tags: r.tags(),
        });
    }
    for r in cx.of("AWS::EC2::VPCPeeringConnection") {
        b.peerings.push(aws::PeeringConnection {
            vpc_peering_connection_id: r.id.to_owned(),
            requester_vpc_info: aws::PeerVpc {
                vpc_id: r.str("VpcId", notes).unwrap_or_default(),
                cidr_block: None,
            },
            accepter_vpc_info: aws::PeerVpc {
                vpc_id: r.str("PeerVpcId", notes).unwrap_or_default(),
                cidr_block: None,
            },
            status: None,
            tags: r.tags(),
        });
    }
    for r in cx.of("AWS::EC2::InternetGateway") {
        b.internet_gateways.push(aws::InternetGateway {
            internet_gateway_id: r.id.to_owned(),
            attachments: attached
                .get(r.id)
                .map(|vpc| aws::IgwAttachment {
                    vpc_id: vpc.clone(),
                    state: "available".to_owned(),
                })
                .into_iter()
                .collect(),
            tags: r.tags(),
        });
    }
    let subnet_vpc: HashMap<&str, &str> = b
        .subnets
        .iter()
        .map(|s| (s.subnet_id.as_str(), s.vpc_id.as_str()))
        .collect();
    let mut nats = Vec::new();
    for r in cx.of("AWS::EC2::NatGateway") {
        let subnet = r.str("SubnetId", notes).unwrap_or_default();
        let private = r.str("ConnectivityType", notes).as_deref() == Some("private");
        if !private {
            notes.add(
                NoteKind::Dropped,
                format!(
                    "NAT gateway {}: its elastic IP is allocated when the stack is deployed",
                    r.id
                ),
            );
        }
        nats.push(aws::NatGateway {
            nat_gateway_id: r.id.to_owned(),
            vpc_id: subnet_vpc
                .get(subnet.as_str())
                .map(|v| (*v).to_owned())
                .unwrap_or_default(),
            subnet_id: subnet,
            state: "available".to_owned(),
            connectivity_type: Some(if private { "private" } else { "public" }.to_owned()),
            nat_gateway_addresses: Vec::new(),
            tags: r.tags(),
        });
    }
    b.nat_gateways = nats;
}

fn route_tables(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    let mut tables: BTreeMap<String, aws::RouteTable> = BTreeMap::new();
    for r in cx.of("AWS::EC2::RouteTable") {
        let vpc = r.str("VpcId", notes).unwrap_or_default();
        let routes = local_routes(b, &vpc);
        tables.insert(
            r.id.to_owned(),
            aws::RouteTable {
                route_table_id: r.id.to_owned(),
                vpc_id: vpc,
                associations: Vec::new(),
                routes,
            },
        );
    }
    for r in cx.of("AWS::EC2::Route") {
        let Some(t) = r
            .str("RouteTableId", notes)
            .and_then(|t| tables.get_mut(&t))
        else {
            continue;
        };
        let target = |k: &str, notes: &mut Notes| r.str(k, notes);
        t.routes.push(aws::AwsRoute {
            destination_cidr_block: r.str("DestinationCidrBlock", notes),
            destination_ipv6_cidr_block: r.str("DestinationIpv6CidrBlock", notes),
            destination_prefix_list_id: r.str("DestinationPrefixListId", notes),
            gateway_id: target("GatewayId", notes),
            nat_gateway_id: target("NatGatewayId", notes),
            transit_gateway_id: target("TransitGatewayId", notes),
            vpc_peering_connection_id: target("VpcPeeringConnectionId", notes),
            network_interface_id: target("NetworkInterfaceId", notes),
            instance_id: target("InstanceId", notes),
            egress_only_internet_gateway_id: target("EgressOnlyInternetGatewayId", notes),
            state: Some("active".to_owned()),
        });
    }
    for r in cx.of("AWS::EC2::SubnetRouteTableAssociation") {
        let subnet = r.str("SubnetId", notes);
        if let Some(t) = r
            .str("RouteTableId", notes)
            .and_then(|t| tables.get_mut(&t))
        {
            t.associations.push(aws::RouteTableAssociation {
                main: false,
                subnet_id: subnet,
            });
        }
    }
    // A template never holds a VPC's main table: the one the VPC gets has the local routes.
    for v in &b.vpcs {
        let associated = |s: &aws::Subnet| {
            tables.values().any(|t| {
                t.associations
                    .iter()
                    .any(|a| a.subnet_id.as_deref() == Some(&s.subnet_id))
            })
        };
        let loose: Vec<&str> = b
            .subnets
            .iter()
            .filter(|s| s.vpc_id == v.vpc_id && !associated(s))
            .map(|s| s.subnet_id.as_str())
            .collect();
        let id = format!("{}-main-route-table", v.vpc_id);
        if !loose.is_empty() {
            notes.add(
                NoteKind::Assumed,
                format!("subnets {} have no route table in the template: they use the VPC's main table, assumed to hold only the local route", loose.join(", ")),
            );
        }
        b.sources
            .insert(id.clone(), format!("{} (main route table)", v.vpc_id));
        tables.insert(
            id.clone(),
            aws::RouteTable {
                route_table_id: id,
                vpc_id: v.vpc_id.clone(),
                associations: vec![aws::RouteTableAssociation {
                    main: true,
                    subnet_id: None,
                }],
                routes: local_routes(b, &v.vpc_id),
            },
        );
    }
    b.route_tables = tables.into_values().collect();
}

fn local_routes(b: &Bundle, vpc: &str) -> Vec<aws::AwsRoute> {
    b.vpcs
        .iter()
        .filter(|v| v.vpc_id == vpc)
        .flat_map(|v| {
            v.cidr_block_association_set
                .iter()
                .map(|a| a.cidr_block.clone())
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|c| aws::AwsRoute {
            destination_cidr_block: Some(c),
            gateway_id: Some("local".to_owned()),
            ..aws::AwsRoute::default()
        })
        .collect()
}

/// `tcp`, `udp`, `-1` from CloudFormation's names or numbers.
fn protocol(v: Option<&Value>) -> String {
    match v.map(|v| match v {
        Value::String(s) => s.to_ascii_lowercase(),
        other => other.to_string(),
    }) {
        Some(p) if p == "6" => "tcp".to_owned(),
        Some(p) if p == "17" => "udp".to_owned(),
        Some(p) if p == "1" => "icmp".to_owned(),
        Some(p) => p,
        None => "-1".to_owned(),
    }
}

/// One rule of a group, inline or a separate resource (`peer_key` is
/// `SourceSecurityGroupId` or `DestinationSecurityGroupId`).
fn permission(
    rule: &Map<String, Value>,
    peer_key: &str,
    what: &str,
    notes: &mut Notes,
) -> aws::Permission {
    let mut p = aws::Permission {
        ip_protocol: protocol(rule.get("IpProtocol")),
        from_port: as_i64(rule.get("FromPort")),
        to_port: as_i64(rule.get("ToPort")),
        ..aws::Permission::default()
    };
    if let Some(c) = rule.get("CidrIp").and_then(|v| text(v, what, notes)) {
        p.ip_ranges.push(aws::IpRange {
            cidr_ip: c,
            description: String::new(),
        });
    }
    if let Some(g) = rule.get(peer_key).and_then(|v| text(v, what, notes)) {
        p.user_id_group_pairs.push(aws::GroupPair {
            group_id: g,
            description: String::new(),
        });
    }
    if rule.contains_key("CidrIpv6") {
        p.ipv6_ranges.push(serde::de::IgnoredAny);
    }
    if rule.contains_key("SourcePrefixListId") || rule.contains_key("DestinationPrefixListId") {
        p.prefix_list_ids.push(serde::de::IgnoredAny);
    }
    p
}

fn rules(r: &Res<'_>, key: &str, peer_key: &str, notes: &mut Notes) -> Vec<aws::Permission> {
    match r.props.get(key) {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_object)
            .map(|m| permission(m, peer_key, &format!("{}.{key}", r.id), notes))
            .collect(),
        _ => Vec::new(),
    }
}

fn security_groups(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    for r in cx.of("AWS::EC2::SecurityGroup") {
        let ingress = rules(r, "SecurityGroupIngress", "SourceSecurityGroupId", notes);
        let mut egress = rules(
            r,
            "SecurityGroupEgress",
            "DestinationSecurityGroupId",
            notes,
        );
        if r.props
            .get("SecurityGroupEgress")
            .and_then(Value::as_array)
            .is_none_or(Vec::is_empty)
        {
            // With no egress in the template AWS adds allow-all egress (the reverse of
            // Terraform, which removes it).
            egress.push(aws::Permission {
                ip_protocol: "-1".to_owned(),
                ip_ranges: vec![aws::IpRange {
                    cidr_ip: "0.0.0.0/0".to_owned(),
                    description: String::new(),
                }],
                ..aws::Permission::default()
            });
        }
        b.security_groups.push(aws::SecurityGroup {
            group_id: r.id.to_owned(),
            group_name: r.str("GroupName", notes).unwrap_or_else(|| r.id.to_owned()),
            description: r.str("GroupDescription", notes).unwrap_or_default(),
            ip_permissions: ingress,
            ip_permissions_egress: egress,
            partial: false,
        });
    }
    for (kind, peer_key, egress) in [
        (
            "AWS::EC2::SecurityGroupIngress",
            "SourceSecurityGroupId",
            false,
        ),
        (
            "AWS::EC2::SecurityGroupEgress",
            "DestinationSecurityGroupId",
            true,
        ),
    ] {
        for r in cx.of(kind) {
            let Some(group) = r.str("GroupId", notes) else {
                continue;
            };
            let p = permission(&r.props, peer_key, r.id, notes);
            match b.security_groups.iter_mut().find(|g| g.group_id == group) {
                Some(g) if egress => g.ip_permissions_egress.push(p),
                Some(g) => g.ip_permissions.push(p),
                None if group.starts_with("eks-cluster-sg-") => {
                    // A rule on the group EKS creates: kept with it when it is made up.
                    let (ingress, out) = if egress {
                        (Vec::new(), vec![p])
                    } else {
                        (vec![p], Vec::new())
                    };
                    b.security_groups.push(aws::SecurityGroup {
                        group_id: group.clone(),
                        group_name: group.clone(),
                        description: "EKS created security group".to_owned(),
                        ip_permissions: ingress,
                        ip_permissions_egress: out,
                        partial: false,
                    });
                    with_default_cluster_rules(b, &group, notes);
                }
                None => notes.add(
                    NoteKind::Dropped,
                    format!("rule {}: its group {group} is not in the template", r.id),
                ),
            }
        }
    }
}

/// The rules EKS gives its cluster group (all from itself, all out), added once to a group
/// the template only adds rules to.
fn with_default_cluster_rules(b: &mut Bundle, group: &str, notes: &mut Notes) {
    let Some(g) = b.security_groups.iter_mut().find(|g| g.group_id == group) else {
        return;
    };
    g.ip_permissions.push(aws::Permission {
        ip_protocol: "-1".to_owned(),
        user_id_group_pairs: vec![aws::GroupPair {
            group_id: group.to_owned(),
            description: String::new(),
        }],
        ..aws::Permission::default()
    });
    g.ip_permissions_egress.push(aws::Permission {
        ip_protocol: "-1".to_owned(),
        ip_ranges: vec![aws::IpRange {
            cidr_ip: "0.0.0.0/0".to_owned(),
            description: String::new(),
        }],
        ..aws::Permission::default()
    });
    notes.add(
        NoteKind::Synthesised,
        format!("cluster security group {group} with EKS's default rules and the template's rules on it (EKS creates it)"),
    );
}

fn network_acls(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    let mut acls: BTreeMap<String, aws::NetworkAcl> = BTreeMap::new();
    for r in cx.of("AWS::EC2::NetworkAcl") {
        acls.insert(
            r.id.to_owned(),
            aws::NetworkAcl {
                network_acl_id: r.id.to_owned(),
                vpc_id: r.str("VpcId", notes).unwrap_or_default(),
                ..aws::NetworkAcl::default()
            },
        );
    }
    for r in cx.of("AWS::EC2::NetworkAclEntry") {
        let Some(acl) = r.str("NetworkAclId", notes).and_then(|a| acls.get_mut(&a)) else {
            continue;
        };
        let range = r.props.get("PortRange");
        acl.entries.push(aws::AclEntry {
            rule_number: as_i64(r.props.get("RuleNumber")).unwrap_or_default(),
            egress: r.bool("Egress").unwrap_or(false),
            protocol: match r.props.get("Protocol") {
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => "-1".to_owned(),
            },
            rule_action: r
                .str("RuleAction", notes)
                .unwrap_or_default()
                .to_ascii_lowercase(),
            cidr_block: r.str("CidrBlock", notes),
            ipv6_cidr_block: r.str("Ipv6CidrBlock", notes),
            port_range: range.map(|p| aws::PortRange {
                from: as_i64(p.get("From")).unwrap_or_default(),
                to: as_i64(p.get("To")).unwrap_or_default(),
            }),
        });
    }
    for r in cx.of("AWS::EC2::SubnetNetworkAclAssociation") {
        let subnet = r.str("SubnetId", notes).unwrap_or_default();
        if let Some(acl) = r.str("NetworkAclId", notes).and_then(|a| acls.get_mut(&a)) {
            acl.associations
                .push(aws::AclAssociation { subnet_id: subnet });
        }
    }
    b.network_acls = acls.into_values().collect();
}

fn cluster(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    let mut clusters = cx.of("AWS::EKS::Cluster");
    let Some(r) = clusters.next() else {
        return;
    };
    for other in clusters {
        notes.add(
            NoteKind::Dropped,
            format!(
                "cluster {}: only the first cluster, {}, is imported",
                other.id, r.id
            ),
        );
    }
    let name = r.str("Name", notes).unwrap_or_else(|| r.id.to_owned());
    let empty = Map::new();
    let cfg = r
        .props
        .get("ResourcesVpcConfig")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let sub = Res {
        id: r.id,
        kind: r.kind,
        props: cfg.clone(),
    };
    let sg = cluster_sg_id(&name);
    b.cluster = Some(aws::EksCluster {
        name,
        endpoint: None,
        resources_vpc_config: aws::VpcConfig {
            subnet_ids: sub.strings("SubnetIds", notes),
            security_group_ids: sub.strings("SecurityGroupIds", notes),
            cluster_security_group_id: Some(sg),
            vpc_id: String::new(),
            endpoint_public_access: sub.bool("EndpointPublicAccess"),
            endpoint_private_access: sub.bool("EndpointPrivateAccess"),
            public_access_cidrs: sub.strings("PublicAccessCidrs", notes),
            control_plane_egress_mode: r.str("ControlPlaneEgressMode", notes),
        },
        kubernetes_network_config: r
            .props
            .get("KubernetesNetworkConfig")
            .and_then(|k| k.get("IpFamily"))
            .and_then(Value::as_str)
            .map(|f| aws::KubernetesNetworkConfig {
                ip_family: Some(f.to_ascii_lowercase()),
            }),
    });
    notes.add(
        NoteKind::Dropped,
        "the cluster endpoint's name: EKS gives it when the stack is deployed",
    );
}

/// The groups of a launch template in the template, by logical id.
fn launch_template_groups(cx: &Cx<'_>, notes: &mut Notes) -> HashMap<String, Vec<String>> {
    let configs: Vec<(String, Vec<String>)> = cx
        .of("AWS::AutoScaling::LaunchConfiguration")
        .map(|c| (c.id.to_owned(), c.strings("SecurityGroups", notes)))
        .collect();
    cx.of("AWS::EC2::LaunchTemplate")
        .map(|t| {
            let data = t
                .props
                .get("LaunchTemplateData")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            let d = Res {
                id: t.id,
                kind: t.kind,
                props: data,
            };
            let mut groups = d.strings("SecurityGroupIds", notes);
            if let Some(Value::Array(nis)) = d.props.get("NetworkInterfaces") {
                for ni in nis.iter().filter_map(Value::as_object) {
                    let n = Res {
                        id: t.id,
                        kind: t.kind,
                        props: ni.clone(),
                    };
                    groups.extend(n.strings("Groups", notes));
                }
            }
            (t.id.to_owned(), groups)
        })
        .chain(configs)
        .collect()
}

fn node_groups(cx: &Cx<'_>, b: &mut Bundle, notes: &mut Notes) {
    let templates = launch_template_groups(cx, notes);
    let groups_of = |lt: Option<&Value>, notes: &mut Notes| -> Option<Vec<String>> {
        let lt = lt?.as_object()?;
        let id = lt
            .get("LaunchTemplateId")
            .or_else(|| lt.get("Id"))
            .or_else(|| lt.get("LaunchTemplateName"))
            .or_else(|| lt.get("Name"))
            .and_then(|v| text(v, "launch template", notes))?;
        templates.get(&id).cloned().filter(|g| !g.is_empty())
    };
    for r in cx.of("AWS::EKS::Nodegroup") {
        let security_groups = groups_of(r.props.get("LaunchTemplate"), notes);
        b.nodegroups.push(aws::NodeGroup {
            nodegroup_name: r
                .str("NodegroupName", notes)
                .unwrap_or_else(|| r.id.to_owned()),
            subnets: r.strings("Subnets", notes),
            scaling_config: as_i64(
                r.props
                    .get("ScalingConfig")
                    .and_then(|s| s.get("DesiredSize")),
            )
            .map(|n| aws::ScalingConfig {
                desired_size: u32::try_from(n).ok(),
            }),
            security_groups,
            self_managed: false,
        });
    }
    if cx.of("AWS::EKS::Nodegroup").next().is_none()
        && cx.of("AWS::AutoScaling::AutoScalingGroup").next().is_none()
    {
        notes.add(
            NoteKind::Assumed,
            "the template has no node group or auto scaling group: no nodes, so only kubectl is analysed",
        );
    }
    for r in cx.of("AWS::AutoScaling::AutoScalingGroup") {
        // Self-managed nodes: an auto scaling group over the node subnets, with the groups
        // of its launch template or launch configuration.
        let security_groups = groups_of(r.props.get("LaunchTemplate"), notes).or_else(|| {
            let name = r.str("LaunchConfigurationName", notes)?;
            templates.get(&name).cloned().filter(|g| !g.is_empty())
        });
        b.nodegroups.push(aws::NodeGroup {
            nodegroup_name: r.id.to_owned(),
            subnets: r.strings("VPCZoneIdentifier", notes),
            scaling_config: None,
            security_groups,
            self_managed: true,
        });
    }
}
