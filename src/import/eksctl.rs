//! eksctl `ClusterConfig` YAML (docs/import.md §3): the config says what eksctl will build, so
//! the reader replays eksctl's rules — subnet carving, NAT placement, route tables, the
//! security groups it creates, which subnets the cluster uses — into a bundle, and notes
//! every value eksctl or AWS decides only when it runs.

use ipnet::Ipv4Net;

use super::aws_shapes as aws;
use super::bundle::{Bundle, Notes, Origin};
use super::eksctl_shapes::{ClusterConfig, NodeGroup, SubnetSpec};
use super::{ImportError, Imported, Input, NoteKind};

/// True when the text is an eksctl config (cheap, for recognising files).
pub(super) fn looks_like(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim();
        l.starts_with("apiVersion:") && l.contains("eksctl.io/")
    })
}

/// Imports one eksctl config (several configs are several clusters: refused).
pub(super) fn import(inputs: &[Input]) -> Result<Imported, ImportError> {
    if let [_, second, ..] = inputs {
        return Err(ImportError::NotRecognised {
            path: second.path.clone(),
            message: "a second eksctl config; import one cluster's config at a time".into(),
        });
    }
    let input = &inputs[0];
    let config = read(input)?;
    let mut notes = Notes::default();
    let bundle = replay(&config, input, &mut notes)?;
    super::build::build(bundle)
}

fn read(input: &Input) -> Result<ClusterConfig, ImportError> {
    let config: ClusterConfig = super::with_big_stack(|| {
        serde_saphyr::from_str_with_options(&input.text, serde_saphyr::Options::default())
    })
    .map_err(|e| {
        let (line, col) = e
            .location()
            .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
        ImportError::Syntax {
            path: input.path.clone(),
            line: line.max(1),
            col: col.max(1),
            message: message_of(&e).into(),
        }
    })?;
    let not = |message: &str| ImportError::NotRecognised {
        path: input.path.clone(),
        message: message.into(),
    };
    if !config.api_version.starts_with("eksctl.io/") {
        return Err(not(
            "not an eksctl config (its apiVersion is not eksctl.io/…)",
        ));
    }
    if config.kind != "ClusterConfig" {
        return Err(not(&format!(
            "an eksctl {} (import reads a ClusterConfig)",
            if config.kind.is_empty() {
                "document without a kind"
            } else {
                &config.kind
            }
        )));
    }
    if config.metadata.name.is_empty() {
        return Err(not("the ClusterConfig has no metadata.name"));
    }
    // What eksctl itself refuses is refused here too, rather than read as a default.
    if let Some(mode) = config.vpc.nat.as_ref().and_then(|n| n.gateway.as_deref())
        && !["Disable", "Single", "HighlyAvailable"].contains(&mode)
    {
        return Err(not(&format!(
            "vpc.nat.gateway {mode:?}: eksctl takes Disable, Single or HighlyAvailable"
        )));
    }
    if let Some(cidr) = &config.vpc.cidr {
        let net: Ipv4Net = cidr
            .parse()
            .map_err(|_| not(&format!("vpc.cidr {cidr:?} is not an IPv4 CIDR")))?;
        if config.vpc.id.is_none() && !(16..=24).contains(&net.prefix_len()) {
            return Err(not(&format!(
                "vpc.cidr {cidr}: eksctl builds VPCs from a /16 to a /24"
            )));
        }
    }
    Ok(config)
}

/// The parser's message without its own position and snippet (the error carries those).
pub(super) fn message_of(e: &serde_saphyr::Error) -> String {
    let text = e.without_snippet().to_string();
    let first = text.lines().next().unwrap_or_default();
    let message = first.split(" at line ").next().unwrap_or(first).trim();
    if message.contains("DuplicateKeyPolicy") || message.contains("duplicate") {
        return "a key appears twice in the same mapping".to_owned();
    }
    match message.strip_prefix("budget breached: ") {
        Some(b) if b.starts_with("Depth") => {
            "the YAML nests deeper than import reads (64 levels)".to_owned()
        }
        Some(b) if b.starts_with("Nodes") || b.starts_with("Alias") => {
            "the YAML expands to more values than import reads (aliases repeat what they name)"
                .to_owned()
        }
        Some(b) => format!("the YAML goes past a limit of what import reads ({b})"),
        None => message.to_owned(),
    }
}

/// One subnet eksctl builds or is given.
struct Planned {
    id: String,
    /// The key under `vpc.subnets.public|private` (an AZ or an alias).
    key: String,
    az: String,
    cidr: Option<String>,
    public: bool,
}

/// The stack eksctl creates for the cluster, whose logical ids are the sources.
fn stack(c: &ClusterConfig) -> String {
    format!("eksctl-{}-cluster", c.metadata.name)
}

/// `SubnetPublicEUWEST1A`, as eksctl names the subnet resources of its stack.
fn logical(prefix: &str, key: &str) -> String {
    let alias: String = key
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase();
    format!("{prefix}{alias}")
}

fn replay(c: &ClusterConfig, input: &Input, notes: &mut Notes) -> Result<Bundle, ImportError> {
    let stack = stack(c);
    let mut b = Bundle {
        origin: Origin::Eksctl,
        ..Bundle::default()
    };
    let existing = c.vpc.id.is_some()
        || c.vpc.subnets.as_ref().is_some_and(|t| {
            t.public
                .0
                .iter()
                .chain(&t.private.0)
                .any(|(_, s)| s.id.is_some())
        });
    let private_cluster = c.private_cluster.enabled;
    let region = if c.metadata.region.is_empty() {
        notes.add(
            NoteKind::Assumed,
            "the region is not set (metadata.region); zones are named <region>a, <region>b…",
        );
        "<region>".to_owned()
    } else {
        c.metadata.region.clone()
    };
    let vpc_id = c.vpc.id.clone().unwrap_or_else(|| "vpc".to_owned());
    b.sources.insert(
        vpc_id.clone(),
        c.vpc.id.clone().unwrap_or_else(|| format!("{stack}/VPC")),
    );
    let vpc_cidr = match &c.vpc.cidr {
        Some(cidr) => cidr.clone(),
        None if existing => String::new(),
        None => {
            notes.add(
                NoteKind::Assumed,
                "VPC CIDR 192.168.0.0/16 (eksctl's default; vpc.cidr is not set)",
            );
            "192.168.0.0/16".to_owned()
        }
    };
    let mut subnets = planned_subnets(c, &region, &vpc_cidr, existing, input, notes)?;
    if private_cluster {
        let public = subnets.iter().filter(|s| s.public).count();
        subnets.retain(|s| !s.public);
        if public > 0 && !existing {
            notes.add(NoteKind::Assumed, "a private cluster: eksctl builds only the private subnets, with no internet or NAT gateway");
        }
    }
    for s in &subnets {
        let tier = if s.public { "Public" } else { "Private" };
        if !existing {
            b.sources.insert(
                s.id.clone(),
                format!("{stack}/{}", logical(&format!("Subnet{tier}"), &s.key)),
            );
        }
    }
    let mut vpc = aws::Vpc {
        vpc_id: vpc_id.clone(),
        cidr_block: (!vpc_cidr.is_empty()).then(|| vpc_cidr.clone()),
        tags: name_tag(&format!("{} VPC", c.metadata.name)),
        ..aws::Vpc::default()
    };
    if vpc_cidr.is_empty() {
        // An existing VPC whose CIDR the config does not give: its subnets' blocks stand in.
        let blocks: Vec<String> = subnets.iter().filter_map(|s| s.cidr.clone()).collect();
        notes.add(
            NoteKind::Assumed,
            format!("VPC {vpc_id}: its CIDR is not in the config (vpc.cidr); its subnets' blocks {} stand in", blocks.join(", ")),
        );
        vpc.cidr_block = blocks.first().cloned();
        vpc.cidr_block_association_set = blocks
            .iter()
            .map(|b| aws::CidrAssociation {
                cidr_block: b.clone(),
                cidr_block_state: None,
            })
            .collect();
    } else if existing {
        // Subnets outside vpc.cidr are in secondary blocks the config does not list.
        let primary: Option<Ipv4Net> = vpc_cidr.parse().ok();
        vpc.cidr_block_association_set.push(aws::CidrAssociation {
            cidr_block: vpc_cidr.clone(),
            cidr_block_state: None,
        });
        for s in &subnets {
            let Some(net) = s.cidr.as_deref().and_then(|c| c.parse::<Ipv4Net>().ok()) else {
                continue;
            };
            if primary.is_some_and(|p| !p.contains(&net)) {
                notes.add(
                    NoteKind::Assumed,
                    format!("VPC {vpc_id}: subnet {} ({net}) is outside vpc.cidr {vpc_cidr}, so its block is taken as a secondary CIDR of the VPC", s.id),
                );
                vpc.cidr_block_association_set.push(aws::CidrAssociation {
                    cidr_block: net.to_string(),
                    cidr_block_state: None,
                });
            }
        }
    }
    if existing && subnets.iter().any(|s| s.public) {
        notes.add(
            NoteKind::Assumed,
            "the existing public subnets do not assign public IPs on launch (the config does not say; eksctl cannot tell)",
        );
    }
    if !c.vpc.extra_cidrs.is_empty() {
        // eksctl's extraCIDRs are not VPC blocks: they are who may reach the private endpoint.
        notes.add(
            NoteKind::Assumed,
            format!("vpc.extraCIDRs {} are read as eksctl uses them: sources allowed to the cluster on 443, not VPC CIDRs", c.vpc.extra_cidrs.join(", ")),
        );
    }
    if c.vpc.ipv6_cidr.is_some() || !c.vpc.extra_ipv6_cidrs.is_empty() {
        notes.add(
            NoteKind::Dropped,
            "the VPC's IPv6 CIDRs: IPv6 is not modelled",
        );
    }
    b.vpcs.push(vpc);
    if existing {
        notes.add(
            NoteKind::Assumed,
            format!("VPC {vpc_id}: DNS resolution and hostnames on (the config does not say)"),
        );
    }
    b.dns_support.insert(vpc_id.clone(), true);
    b.dns_hostnames.insert(vpc_id.clone(), true);
    for s in &subnets {
        b.subnets.push(aws::Subnet {
            subnet_id: s.id.clone(),
            vpc_id: vpc_id.clone(),
            cidr_block: s.cidr.clone(),
            availability_zone: s.az.clone(),
            map_public_ip_on_launch: s.public && !existing,
            tags: name_tag(&format!(
                "{} {}",
                if s.public { "public" } else { "private" },
                s.key
            )),
        });
    }
    gateways(c, &mut b, &subnets, existing, &stack, notes);
    security_groups(c, &mut b, &stack, notes);
    if private_cluster {
        let mut services = vec!["ecr.api", "ecr.dkr", "s3", "ec2", "sts"];
        services.extend(
            c.private_cluster
                .additional_endpoint_services
                .iter()
                .map(String::as_str),
        );
        if c.private_cluster.skip_endpoint_creation {
            notes.add(NoteKind::Assumed, "privateCluster.skipEndpointCreation: no VPC endpoints (the VPC must already have them)");
        } else {
            for svc in services {
                b.vpc_endpoints.push(aws::VpcEndpoint {
                    vpc_id: vpc_id.clone(),
                    service_name: format!("com.amazonaws.{region}.{svc}"),
                    state: Some("available".to_owned()),
                });
            }
        }
    }
    b.cluster = Some(cluster(c, &subnets, &vpc_id, notes));
    node_groups(c, &mut b, &subnets, notes);
    b.notes = std::mem::take(notes);
    Ok(b)
}

fn name_tag(name: &str) -> Vec<aws::Tag> {
    vec![aws::Tag {
        key: "Name".to_owned(),
        value: name.to_owned(),
    }]
}

/// The zones eksctl uses, in order: those of the subnets given, else `availabilityZones`,
/// else three made-up names (eksctl picks the region's zones when it runs).
fn zones(c: &ClusterConfig, region: &str, notes: &mut Notes) -> Vec<String> {
    if !c.availability_zones.is_empty() {
        return c.availability_zones.clone();
    }
    let z: Vec<String> = ["a", "b", "c"]
        .iter()
        .map(|s| format!("{region}{s}"))
        .collect();
    notes.add(
        NoteKind::Assumed,
        format!(
            "zones {}: eksctl picks the region's zones when it runs (availabilityZones is not set)",
            z.join(", ")
        ),
    );
    z
}

fn planned_subnets(
    c: &ClusterConfig,
    region: &str,
    vpc_cidr: &str,
    existing: bool,
    input: &Input,
    notes: &mut Notes,
) -> Result<Vec<Planned>, ImportError> {
    let given: Vec<(bool, &String, &SubnetSpec)> = c
        .vpc
        .subnets
        .iter()
        .flat_map(|t| {
            t.public
                .0
                .iter()
                .map(|(k, s)| (true, k, s))
                .chain(t.private.0.iter().map(|(k, s)| (false, k, s)))
        })
        .collect();
    let planned: Vec<Planned> = if given.is_empty() {
        if existing {
            return Err(ImportError::Incomplete {
                message: format!(
                    "{}: the config uses an existing VPC but lists none of its subnets (vpc.subnets)",
                    input.path.display()
                ).into(),
            });
        }
        let zones = zones(c, region, notes);
        let tiers = [true, false];
        tiers
            .iter()
            .flat_map(|&public| {
                zones.iter().map(move |z| Planned {
                    id: String::new(),
                    key: z.clone(),
                    az: z.clone(),
                    cidr: None,
                    public,
                })
            })
            .collect()
    } else {
        given
            .iter()
            .map(|(public, key, s)| Planned {
                id: s.id.clone().unwrap_or_default(),
                key: (*key).clone(),
                az: s.az.clone().unwrap_or_else(|| (*key).clone()),
                cidr: s.cidr.clone(),
                public: *public,
            })
            .collect()
    };
    let mut planned = planned;
    // eksctl carves the VPC block in order: public subnets first, then private ones.
    if !existing && planned.iter().any(|s| s.cidr.is_none()) {
        let net: Ipv4Net = vpc_cidr.parse().map_err(|_| ImportError::NotRecognised {
            path: input.path.clone(),
            message: format!("vpc.cidr {vpc_cidr:?} is not an IPv4 CIDR").into(),
        })?;
        let grow = match planned.len() {
            0..=8 => 3,
            9..=16 => 4,
            n => {
                return Err(ImportError::NotRecognised {
                    path: input.path.clone(),
                    message: format!("{n} subnets: eksctl carves at most 16 from the VPC CIDR")
                        .into(),
                });
            }
        };
        let blocks: Vec<Ipv4Net> = net
            .subnets(net.prefix_len() + grow)
            .map(Iterator::collect)
            .unwrap_or_default();
        for (i, s) in planned.iter_mut().enumerate() {
            if s.cidr.is_none() {
                s.cidr = blocks.get(i).map(ToString::to_string);
            }
        }
        notes.add(
            NoteKind::Assumed,
            format!(
                "subnet CIDRs carved from {net} as eksctl does: /{} each, public subnets first",
                net.prefix_len() + grow
            ),
        );
    }
    for s in &mut planned {
        if s.id.is_empty() {
            let tier = if s.public { "public" } else { "private" };
            s.id = format!("subnet-{tier}-{}", s.key);
        }
    }
    if !planned.is_empty() && planned.iter().all(|s| s.cidr.is_none()) {
        return Err(ImportError::Incomplete {
            message: format!(
                "{}: the config names its subnets by id only ({}); import needs their CIDRs: add cidr to each subnet under vpc.subnets, or import the VPC from the AWS CLI output (README: Importing a cluster)",
                input.path.display(),
                planned
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ).into(),
        });
    }
    planned.retain(|s| {
        if s.cidr.is_none() {
            notes.add(
                NoteKind::Dropped,
                format!(
                    "subnet {}: the config gives no CIDR for it (vpc.subnets.*.{}.cidr)",
                    s.id, s.key
                ),
            );
        }
        s.cidr.is_some()
    });
    Ok(planned)
}

/// The internet gateway, the NAT gateways and the route tables eksctl creates (or, for an
/// existing VPC, what the config implies).
fn gateways(
    c: &ClusterConfig,
    b: &mut Bundle,
    subnets: &[Planned],
    existing: bool,
    stack: &str,
    notes: &mut Notes,
) {
    let vpc_id = b.vpcs[0].vpc_id.clone();
    let public: Vec<&Planned> = subnets.iter().filter(|s| s.public).collect();
    let private: Vec<&Planned> = subnets.iter().filter(|s| !s.public).collect();
    if existing && !public.is_empty() {
        notes.add(
            NoteKind::Assumed,
            "eksctl creates no gateways or routes in an existing VPC: public subnets are assumed to route 0.0.0.0/0 to an internet gateway, private ones to a NAT gateway in the first public subnet",
        );
    } else if existing {
        notes.add(
            NoteKind::Assumed,
            "eksctl creates no gateways or routes in an existing VPC, and the config lists no public subnet: the private subnets are given only local routes (add their routes if they reach the internet through a NAT or transit gateway)",
        );
    }
    let local = |cidr: &str| aws::AwsRoute {
        destination_cidr_block: Some(cidr.to_owned()),
        gateway_id: Some("local".to_owned()),
        ..aws::AwsRoute::default()
    };
    let blocks: Vec<String> = b.vpcs[0]
        .cidr_block
        .iter()
        .cloned()
        .chain(
            b.vpcs[0]
                .cidr_block_association_set
                .iter()
                .map(|a| a.cidr_block.clone()),
        )
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let locals = || blocks.iter().map(|c| local(c)).collect::<Vec<_>>();
    // The VPC's own main table: only the local routes (eksctl associates every subnet).
    b.route_tables.push(aws::RouteTable {
        route_table_id: "rtb-main".to_owned(),
        vpc_id: vpc_id.clone(),
        associations: vec![aws::RouteTableAssociation {
            main: true,
            subnet_id: None,
        }],
        routes: locals(),
    });
    b.sources.insert(
        "rtb-main".to_owned(),
        format!("{stack}/VPC (main route table)"),
    );
    if public.is_empty() {
        if !private.is_empty() && !c.private_cluster.enabled && !existing {
            notes.add(NoteKind::Assumed, "no public subnets, so no internet or NAT gateway: the private subnets have only local routes");
        }
        for s in &private {
            private_table(b, stack, &vpc_id, s, locals());
        }
        return;
    }
    b.internet_gateways.push(aws::InternetGateway {
        internet_gateway_id: "igw".to_owned(),
        attachments: vec![aws::IgwAttachment {
            vpc_id: vpc_id.clone(),
            state: "available".to_owned(),
        }],
        tags: name_tag("internet gateway"),
    });
    b.sources
        .insert("igw".to_owned(), format!("{stack}/InternetGateway"));
    let mut routes = locals();
    routes.push(aws::AwsRoute {
        destination_cidr_block: Some("0.0.0.0/0".to_owned()),
        gateway_id: Some("igw".to_owned()),
        ..aws::AwsRoute::default()
    });
    b.route_tables.push(aws::RouteTable {
        route_table_id: "rtb-public".to_owned(),
        vpc_id: vpc_id.clone(),
        associations: public
            .iter()
            .map(|s| aws::RouteTableAssociation {
                main: false,
                subnet_id: Some(s.id.clone()),
            })
            .collect(),
        routes,
    });
    b.sources
        .insert("rtb-public".to_owned(), format!("{stack}/PublicRouteTable"));
    let mode = c.vpc.nat.as_ref().and_then(|n| n.gateway.clone());
    let mode = mode.unwrap_or_else(|| {
        if !private.is_empty() {
            notes.add(
                NoteKind::Assumed,
                "one NAT gateway (eksctl's default vpc.nat.gateway: Single)",
            );
        }
        "Single".to_owned()
    });
    // The NAT of each private subnet's zone.
    let nat_of = |s: &Planned| -> Option<String> {
        match mode.as_str() {
            "Disable" => None,
            "HighlyAvailable" => public
                .iter()
                .find(|p| p.az == s.az)
                .or(public.first())
                .map(|p| format!("nat-{}", p.key)),
            _ => public.first().map(|p| format!("nat-{}", p.key)),
        }
    };
    let mut nats: Vec<&Planned> = Vec::new();
    for s in &private {
        let mut routes = locals();
        if let Some(nat) = nat_of(s) {
            if let Some(p) = public.iter().find(|p| format!("nat-{}", p.key) == nat)
                && !nats.iter().any(|n| n.id == p.id)
            {
                nats.push(p);
            }
            routes.push(aws::AwsRoute {
                destination_cidr_block: Some("0.0.0.0/0".to_owned()),
                nat_gateway_id: Some(nat),
                ..aws::AwsRoute::default()
            });
        }
        private_table(b, stack, &vpc_id, s, routes);
    }
    if !nats.is_empty() {
        notes.add(
            NoteKind::Dropped,
            "the NAT gateways' elastic IPs: AWS allocates them when eksctl creates the stack",
        );
    }
    let single = nats.len() == 1 && mode != "HighlyAvailable";
    for p in nats {
        let id = format!("nat-{}", p.key);
        b.sources.insert(
            id.clone(),
            format!(
                "{stack}/{}",
                if single {
                    "NATGateway".to_owned()
                } else {
                    logical("NATGateway", &p.key)
                }
            ),
        );
        b.nat_gateways.push(aws::NatGateway {
            nat_gateway_id: id,
            subnet_id: p.id.clone(),
            vpc_id: vpc_id.clone(),
            state: "available".to_owned(),
            connectivity_type: Some("public".to_owned()),
            nat_gateway_addresses: Vec::new(),
            tags: name_tag(&format!("NAT {}", p.az)),
        });
    }
}

/// The route table eksctl gives one private subnet (`PrivateRouteTableZONE`).
fn private_table(
    b: &mut Bundle,
    stack: &str,
    vpc_id: &str,
    s: &Planned,
    routes: Vec<aws::AwsRoute>,
) {
    let id = format!("rtb-private-{}", s.key);
    b.sources.insert(
        id.clone(),
        format!("{stack}/{}", logical("PrivateRouteTable", &s.key)),
    );
    b.route_tables.push(aws::RouteTable {
        route_table_id: id,
        vpc_id: vpc_id.to_owned(),
        associations: vec![aws::RouteTableAssociation {
            main: false,
            subnet_id: Some(s.id.clone()),
        }],
        routes,
    });
}

fn all_traffic(peer: Peer<'_>) -> aws::Permission {
    let mut p = aws::Permission {
        ip_protocol: "-1".to_owned(),
        ..aws::Permission::default()
    };
    match peer {
        Peer::Cidr(c) => p.ip_ranges.push(aws::IpRange {
            cidr_ip: c.to_owned(),
            description: String::new(),
        }),
        Peer::Group(g) => p.user_id_group_pairs.push(aws::GroupPair {
            group_id: g.to_owned(),
            description: String::new(),
        }),
    }
    p
}

fn tcp(from: i64, to: i64, peer: Peer<'_>) -> aws::Permission {
    aws::Permission {
        ip_protocol: "tcp".to_owned(),
        from_port: Some(from),
        to_port: Some(to),
        ..all_traffic(peer)
    }
}

#[derive(Clone, Copy)]
enum Peer<'a> {
    Cidr(&'a str),
    Group(&'a str),
}

const CONTROL_PLANE_SG: &str = "sg-control-plane";
const SHARED_NODE_SG: &str = "sg-shared-nodes";

/// The id standing in for the cluster security group EKS creates (`eks-cluster-sg-NAME-…`).
fn cluster_sg(c: &ClusterConfig) -> String {
    format!("eks-cluster-sg-{}", c.metadata.name)
}

/// The groups eksctl creates: the control plane's extra group, the shared node group, and
/// the rules it adds between the shared group and the cluster group EKS creates.
fn security_groups(c: &ClusterConfig, b: &mut Bundle, stack: &str, notes: &mut Notes) {
    let cluster = cluster_sg(c);
    let everywhere = Peer::Cidr("0.0.0.0/0");
    if c.vpc.security_group.is_none() {
        b.security_groups.push(aws::SecurityGroup {
            group_id: CONTROL_PLANE_SG.to_owned(),
            group_name: "control plane".to_owned(),
            description: "Communication between the control plane and worker nodegroups".to_owned(),
            ip_permissions: c
                .vpc
                .extra_cidrs
                .iter()
                .map(|x| tcp(443, 443, Peer::Cidr(x)))
                .collect(),
            ip_permissions_egress: vec![all_traffic(everywhere)],
            partial: false,
        });
        b.sources.insert(
            CONTROL_PLANE_SG.to_owned(),
            format!("{stack}/ControlPlaneSecurityGroup"),
        );
    }
    let shared_given = c.vpc.shared_node_security_group.is_some();
    if !shared_given {
        b.security_groups.push(aws::SecurityGroup {
            group_id: SHARED_NODE_SG.to_owned(),
            group_name: "shared nodes".to_owned(),
            description: "Communication between all nodes in the cluster".to_owned(),
            ip_permissions: vec![
                all_traffic(Peer::Group(SHARED_NODE_SG)),
                all_traffic(Peer::Group(&cluster)),
            ],
            ip_permissions_egress: vec![all_traffic(everywhere)],
            partial: false,
        });
        b.sources.insert(
            SHARED_NODE_SG.to_owned(),
            format!("{stack}/ClusterSharedNodeSecurityGroup"),
        );
    }
    let shared = c
        .vpc
        .shared_node_security_group
        .clone()
        .unwrap_or_else(|| SHARED_NODE_SG.to_owned());
    b.security_groups.push(aws::SecurityGroup {
        group_id: cluster.clone(),
        group_name: cluster.clone(),
        description: "EKS created security group".to_owned(),
        ip_permissions: vec![
            all_traffic(Peer::Group(&cluster)),
            all_traffic(Peer::Group(&shared)),
        ],
        ip_permissions_egress: vec![all_traffic(everywhere)],
        partial: false,
    });
    notes.add(
        NoteKind::Synthesised,
        format!("cluster security group {cluster} with EKS's default rules and eksctl's rule from the shared node group {shared} (EKS creates it and gives its id)"),
    );
    if c.vpc.security_group.is_none() {
        notes.add(NoteKind::Synthesised, format!("the groups eksctl creates: {CONTROL_PLANE_SG} (ControlPlaneSecurityGroup) and, unless given, {SHARED_NODE_SG} (ClusterSharedNodeSecurityGroup)"));
    }
}

fn cluster(
    c: &ClusterConfig,
    subnets: &[Planned],
    vpc_id: &str,
    notes: &mut Notes,
) -> aws::EksCluster {
    let (public, private) = if c.private_cluster.enabled {
        (false, true)
    } else {
        let e = c.vpc.cluster_endpoints.as_ref();
        let public = e.and_then(|e| e.public_access).unwrap_or_else(|| {
            notes.add(
                NoteKind::Assumed,
                "public access on (eksctl's default; vpc.clusterEndpoints.publicAccess is not set)",
            );
            true
        });
        let private = e.and_then(|e| e.private_access).unwrap_or_else(|| {
            notes.add(NoteKind::Assumed, "private access off (eksctl's default; vpc.clusterEndpoints.privateAccess is not set)");
            false
        });
        (public, private)
    };
    let subnet_ids: Vec<String> = if c.vpc.control_plane_subnet_ids.is_empty() {
        subnets
            .iter()
            .filter(|s| !(c.vpc.control_plane_on_private_subnets && s.public))
            .map(|s| s.id.clone())
            .collect()
    } else {
        c.vpc
            .control_plane_subnet_ids
            .iter()
            .map(|k| resolve_subnet(k, subnets).unwrap_or_else(|| k.clone()))
            .collect()
    };
    if c.vpc.control_plane_subnet_ids.is_empty() && !c.vpc.control_plane_on_private_subnets {
        notes.add(NoteKind::Assumed, "the cluster's ENIs may go in every subnet, public and private (eksctl's default without controlPlaneSubnetIDs)");
    }
    let mut groups: Vec<String> = vec![
        c.vpc
            .security_group
            .clone()
            .unwrap_or_else(|| CONTROL_PLANE_SG.to_owned()),
    ];
    groups.extend(c.vpc.control_plane_security_group_ids.iter().cloned());
    notes.add(
        NoteKind::Dropped,
        "the cluster endpoint's name: EKS gives it when the cluster is created",
    );
    aws::EksCluster {
        name: c.metadata.name.clone(),
        endpoint: None,
        resources_vpc_config: aws::VpcConfig {
            subnet_ids,
            security_group_ids: groups,
            cluster_security_group_id: Some(cluster_sg(c)),
            vpc_id: vpc_id.to_owned(),
            endpoint_public_access: Some(public),
            endpoint_private_access: Some(private),
            public_access_cidrs: c.vpc.public_access_cidrs.clone(),
            control_plane_egress_mode: c.vpc.control_plane_egress_mode.clone(),
        },
        kubernetes_network_config: c.kubernetes_network_config.as_ref().map(|k| {
            aws::KubernetesNetworkConfig {
                ip_family: k.ip_family.as_ref().map(|f| f.to_ascii_lowercase()),
            }
        }),
    }
}

/// A node group's subnet entry: a subnet id, or the key of a subnet under `vpc.subnets`.
fn resolve_subnet(entry: &str, subnets: &[Planned]) -> Option<String> {
    resolve_in_tier(entry, subnets, None)
}

/// A subnet entry, preferring the tier given (a zone may key a subnet in both tiers).
fn resolve_in_tier(entry: &str, subnets: &[Planned], public: Option<bool>) -> Option<String> {
    let matches = |s: &&Planned| s.id == entry || s.key == entry;
    subnets
        .iter()
        .filter(matches)
        .find(|s| public.is_none_or(|p| s.public == p))
        .or_else(|| subnets.iter().find(matches))
        .map(|s| s.id.clone())
}

fn node_groups(c: &ClusterConfig, b: &mut Bundle, subnets: &[Planned], notes: &mut Notes) {
    let groups = c
        .managed_node_groups
        .iter()
        .map(|g| (g, true))
        .chain(c.node_groups.iter().map(|g| (g, false)));
    for (g, managed) in groups {
        let ids = node_group_subnets(c, g, subnets, notes);
        let attach = g
            .security_groups
            .as_ref()
            .map(|s| s.attach_ids.clone())
            .unwrap_or_default();
        let mut sgs: Vec<String> = Vec::new();
        if managed {
            // eksctl's launch template for a managed group: the cluster group plus attachIDs.
            sgs.push(cluster_sg(c));
        } else {
            let with_shared = g
                .security_groups
                .as_ref()
                .and_then(|s| s.with_shared)
                .unwrap_or(true);
            if with_shared {
                sgs.push(
                    c.vpc
                        .shared_node_security_group
                        .clone()
                        .unwrap_or_else(|| SHARED_NODE_SG.to_owned()),
                );
            }
        }
        sgs.extend(attach);
        if g.desired_capacity.is_some_and(|n| n as usize != ids.len()) {
            notes.add(
                NoteKind::Assumed,
                format!(
                    "node group {}: one node per subnet stands for its {} nodes",
                    g.name,
                    g.desired_capacity.unwrap_or_default()
                ),
            );
        }
        b.nodegroups.push(aws::NodeGroup {
            nodegroup_name: g.name.clone(),
            subnets: ids,
            scaling_config: g.desired_capacity.map(|n| aws::ScalingConfig {
                desired_size: Some(n),
            }),
            security_groups: Some(sgs),
            self_managed: !managed,
        });
    }
    if c.managed_node_groups.is_empty() && c.node_groups.is_empty() {
        notes.add(
            NoteKind::Assumed,
            "the config has no node groups: no nodes, so only kubectl is analysed",
        );
    }
}

fn node_group_subnets(
    c: &ClusterConfig,
    g: &NodeGroup,
    subnets: &[Planned],
    notes: &mut Notes,
) -> Vec<String> {
    if !g.subnets.is_empty() {
        return g
            .subnets
            .iter()
            .filter_map(|e| {
                let public = !g.private_networking && !c.private_cluster.enabled;
                let found = resolve_in_tier(e, subnets, Some(public));
                if found.is_none() {
                    notes.add(
                        NoteKind::Dropped,
                        format!(
                            "node group {}: subnet {e} is not among the config's subnets",
                            g.name
                        ),
                    );
                }
                found
            })
            .collect();
    }
    let public = !g.private_networking && !c.private_cluster.enabled;
    subnets
        .iter()
        .filter(|s| s.public == public)
        .filter(|s| g.availability_zones.is_empty() || g.availability_zones.contains(&s.az))
        .map(|s| s.id.clone())
        .collect()
}
