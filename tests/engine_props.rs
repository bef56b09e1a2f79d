//! Property tests of the path engine on generated designs.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use eksplain::engine::{DnsAnswer, Exposure, FlowKind, analyze};
use eksplain::model::{
    AclAction, AclRule, Client, Component, ComponentKind, DEFAULT_CLUSTER_SG, Design, EndpointMode,
    KindName, Nat, NatConnectivity, NetworkAcl, Node, Peer, Point, Protocol, Route, SecurityGroup,
    SgRule, Size, generate::large_design, net::parse_cidr_v4,
};
use proptest::prelude::*;

/// Mutations that exercise every branch: routes removed or redirected, NATs broken,
/// public IPs added, DNS flags flipped, allowlists narrowed, components removed.
#[derive(Clone, Debug)]
enum Mutation {
    DropDefaultRoute(usize),
    RouteToIgw(usize),
    PrivateNat,
    NoEip,
    NodePublicIp(usize),
    DnsSupport(bool),
    DnsHostnames(bool),
    AmazonDns(bool),
    Allow(Vec<String>),
    Mode(u8),
    Remove(usize),
    InternetClient(Option<u8>),
    Legacy(bool),
    /// A cluster security group with these (protocol, port, peer is-own-sg) ingress rules.
    ClusterSg(Vec<(u8, u16, bool)>),
    /// Node security groups with these ingress rules and an egress rule limited or not.
    NodeSg(Vec<(u8, u16, bool)>, bool),
    /// An ACL on the private subnets: (number, deny, protocol, port, cidr index) per rule.
    Acl(Vec<(u16, bool, u8, u16, u8)>, Vec<(u16, bool, u8, u16, u8)>),
}

fn proto(p: u8) -> Protocol {
    match p % 3 {
        0 => Protocol::Tcp,
        1 => Protocol::Udp,
        _ => Protocol::All,
    }
}

fn port(p: u16) -> u16 {
    [443, 10250, 22, 9443, 32768][usize::from(p) % 5]
}

fn cidr(i: u8) -> String {
    ["0.0.0.0/0", "10.0.0.0/16", "198.51.100.0/24", "10.0.1.0/24"][usize::from(i) % 4].to_owned()
}

fn sg_rules(list: &[(u8, u16, bool)], own: &str) -> Vec<SgRule> {
    list.iter()
        .map(|&(p, po, by_sg)| SgRule {
            protocol: proto(p),
            ports: (port(po), port(po)),
            peer: if by_sg {
                Peer::Sg(own.to_owned())
            } else {
                Peer::Cidr("10.0.0.0/16".to_owned())
            },
            description: String::new(),
        })
        .collect()
}

fn acl_rules(list: &[(u16, bool, u8, u16, u8)]) -> Vec<AclRule> {
    let mut seen = std::collections::HashSet::new();
    list.iter()
        .filter(|r| seen.insert(r.0))
        .map(|&(n, deny, p, po, c)| AclRule {
            number: n,
            action: if deny {
                AclAction::Deny
            } else {
                AclAction::Allow
            },
            protocol: proto(p),
            ports: if po % 2 == 0 {
                (port(po), port(po))
            } else {
                (1024, 65535)
            },
            cidr: cidr(c),
        })
        .collect()
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0usize..8).prop_map(Mutation::DropDefaultRoute),
        (0usize..8).prop_map(Mutation::RouteToIgw),
        Just(Mutation::PrivateNat),
        Just(Mutation::NoEip),
        (0usize..30).prop_map(Mutation::NodePublicIp),
        any::<bool>().prop_map(Mutation::DnsSupport),
        any::<bool>().prop_map(Mutation::DnsHostnames),
        any::<bool>().prop_map(Mutation::AmazonDns),
        prop::collection::vec(
            prop_oneof![
                Just("0.0.0.0/0".to_owned()),
                Just("203.0.113.0/24".to_owned()),
                Just("198.51.100.10/32".to_owned()),
                Just("10.0.0.0/8".to_owned()),
            ],
            0..3
        )
        .prop_map(Mutation::Allow),
        (0u8..4).prop_map(Mutation::Mode),
        (0usize..40).prop_map(Mutation::Remove),
        proptest::option::of(any::<u8>()).prop_map(Mutation::InternetClient),
        any::<bool>().prop_map(Mutation::Legacy),
        prop::collection::vec((any::<u8>(), any::<u16>(), any::<bool>()), 0..4)
            .prop_map(Mutation::ClusterSg),
        (
            prop::collection::vec((any::<u8>(), any::<u16>(), any::<bool>()), 0..4),
            any::<bool>()
        )
            .prop_map(|(r, e)| Mutation::NodeSg(r, e)),
        (
            prop::collection::vec(
                (
                    1u16..300,
                    any::<bool>(),
                    any::<u8>(),
                    any::<u16>(),
                    any::<u8>()
                ),
                0..4
            ),
            prop::collection::vec(
                (
                    1u16..300,
                    any::<bool>(),
                    any::<u8>(),
                    any::<u16>(),
                    any::<u8>()
                ),
                0..4
            )
        )
            .prop_map(|(i, o)| Mutation::Acl(i, o)),
    ]
}

fn apply(d: &mut Design, m: &Mutation) {
    let subnets: Vec<String> = d.of_kind(KindName::Subnet).map(|c| c.id.clone()).collect();
    let nodes: Vec<String> = d.of_kind(KindName::Node).map(|c| c.id.clone()).collect();
    match m {
        Mutation::DropDefaultRoute(i) => {
            if let Some(id) = subnets.get(i % subnets.len().max(1))
                && let Some(ComponentKind::Subnet(s)) = d.component_mut(id).map(|c| &mut c.kind)
            {
                s.routes.retain(|r| r.destination != "0.0.0.0/0");
            }
        }
        Mutation::RouteToIgw(i) => {
            if let Some(id) = subnets.get(i % subnets.len().max(1))
                && let Some(ComponentKind::Subnet(s)) = d.component_mut(id).map(|c| &mut c.kind)
            {
                s.routes.retain(|r| r.destination != "0.0.0.0/0");
                s.routes.push(Route {
                    destination: "0.0.0.0/0".into(),
                    target: "igw".into(),
                });
            }
        }
        Mutation::PrivateNat => {
            if let Some(ComponentKind::Nat(n)) = d.component_mut("nat").map(|c| &mut c.kind) {
                n.connectivity = NatConnectivity::Private;
            }
        }
        Mutation::NoEip => {
            if let Some(ComponentKind::Nat(n)) = d.component_mut("nat").map(|c| &mut c.kind) {
                *n = Nat::default();
            }
        }
        Mutation::NodePublicIp(i) => {
            if let Some(id) = nodes.get(i % nodes.len().max(1))
                && let Some(ComponentKind::Node(n)) = d.component_mut(id).map(|c| &mut c.kind)
            {
                n.public_ip = Some(format!("198.51.100.{}", 100 + i % 50));
            }
        }
        Mutation::DnsSupport(v) | Mutation::DnsHostnames(v) | Mutation::AmazonDns(v) => {
            if let Some(ComponentKind::Vpc(vpc)) = d.component_mut("vpc").map(|c| &mut c.kind) {
                match m {
                    Mutation::DnsSupport(_) => vpc.dns_support = *v,
                    Mutation::DnsHostnames(_) => vpc.dns_hostnames = *v,
                    _ => vpc.amazon_provided_dns = *v,
                }
            }
        }
        Mutation::Allow(list) => d.cluster.public_access_cidrs.clone_from(list),
        Mutation::Mode(k) => {
            let (p, q) = [(true, false), (true, true), (false, true), (false, false)][*k as usize];
            d.cluster.endpoint_public_access = p;
            d.cluster.endpoint_private_access = q;
        }
        Mutation::Remove(i) => {
            let n = d.components.len();
            if n > 0 {
                let id = d.components[i % n].id.clone();
                // Remove the component and everything that refers to it.
                d.components
                    .retain(|c| c.id != id && c.parent.as_deref() != Some(id.as_str()));
                for c in &mut d.components {
                    if let ComponentKind::Subnet(s) = &mut c.kind {
                        s.routes.retain(|r| r.target != id);
                    }
                }
            }
        }
        Mutation::InternetClient(ip) => d.components.push(Component {
            source: String::new(),
            id: format!("extra-client-{}", d.components.len()),
            label: String::new(),
            parent: None,
            pos: Point::new(0.0, 900.0),
            size: Size::new(80.0, 40.0),
            kind: ComponentKind::Client(Client {
                public_ip: ip.map(|o| format!("203.0.113.{o}")),
                ..Client::default()
            }),
        }),
        Mutation::Legacy(v) => d.cluster.legacy_no_public_private_record = *v,
        Mutation::ClusterSg(rules) => {
            d.security_groups.retain(|g| g.id != DEFAULT_CLUSTER_SG);
            let mut sg = SecurityGroup::default_cluster(DEFAULT_CLUSTER_SG);
            sg.ingress = sg_rules(rules, DEFAULT_CLUSTER_SG);
            d.security_groups.push(sg);
        }
        Mutation::NodeSg(rules, limited) => {
            d.security_groups.retain(|g| g.id != "node-sg");
            let mut sg = SecurityGroup::default_cluster("node-sg");
            sg.ingress = sg_rules(rules, DEFAULT_CLUSTER_SG);
            if *limited {
                sg.egress = sg_rules(&[(0, 0, false)], "node-sg");
            }
            d.security_groups.push(sg);
            for id in &nodes {
                if let Some(ComponentKind::Node(n)) = d.component_mut(id).map(|c| &mut c.kind) {
                    n.security_groups = vec!["node-sg".into()];
                }
            }
        }
        Mutation::Acl(inbound, outbound) => {
            d.network_acls = vec![NetworkAcl {
                source: String::new(),
                id: "acl".into(),
                inbound: acl_rules(inbound),
                outbound: acl_rules(outbound),
            }];
            for id in subnets.iter().skip(1) {
                if let Some(ComponentKind::Subnet(s)) = d.component_mut(id).map(|c| &mut c.kind) {
                    s.network_acl = Some("acl".into());
                }
            }
        }
    }
}

fn design_strategy() -> impl Strategy<Value = Design> {
    (
        1usize..12,
        2usize..5,
        0usize..3,
        prop::collection::vec(mutation(), 0..6),
    )
        .prop_map(|(nodes, subnets, clients, muts)| {
            let mut d = large_design(nodes, subnets, clients);
            for m in &muts {
                apply(&mut d, m);
            }
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn engine_invariants(d in design_strategy(), mode in proptest::option::of(0usize..3)) {
        let mode = mode.map(|i| EndpointMode::ALL[i]);
        let a = analyze(&d, mode);
        // Deterministic.
        prop_assert_eq!(&a, &analyze(&d, mode));
        let clients = d.of_kind(KindName::Client).count();
        let nodes = d.of_kind(KindName::Node).count();
        prop_assert_eq!(a.flows.len(), clients + 2 * nodes);
        let (public, private) = (
            a.mode.is_some_and(|m| m.flags().0),
            a.mode.is_some_and(|m| m.flags().1),
        );
        for f in &a.flows {
            // Every hop exists in the design, with its kind.
            for h in &f.hops {
                let c = d.component(&h.id);
                prop_assert!(c.is_some(), "hop {} not in design", h.id);
                prop_assert_eq!(c.unwrap().kind.name(), h.kind);
            }
            if let Some(b) = &f.blocked_at {
                prop_assert!(d.component(b).is_some());
            }
            prop_assert_eq!(f.reachable, f.code.is_none());
            prop_assert!(!f.steps.is_empty());
            if !f.reachable {
                continue;
            }
            // A reachable path never passes a failed check.
            prop_assert!(a.errors.is_empty());
            prop_assert_eq!(f.hops.last().map(|h| h.kind), Some(match f.flow {
                FlowKind::ApiToKubelet => KindName::Node,
                _ => KindName::ApiServer,
            }));
            let kinds: Vec<KindName> = f.hops.iter().map(|h| h.kind).collect();
            if kinds.contains(&KindName::Nlb) {
                prop_assert!(public);
                prop_assert_eq!(f.dns_answer, Some(DnsAnswer::NlbPublicIps));
                prop_assert!(f.exposure != Some(Exposure::None));
            }
            if f.flow != FlowKind::ApiToKubelet && kinds.contains(&KindName::EksEni) {
                prop_assert!(private);
                prop_assert_eq!(f.exposure, Some(Exposure::None));
                // The cluster security group admitted TCP 443, and the hop names the rule.
                let eni = f.hops.iter().find(|h| h.kind == KindName::EksEni).unwrap();
                prop_assert!(eni.rules.iter().any(|r| r.contains("ingress")), "{:?}", eni.rules);
            }
            if f.flow == FlowKind::ApiToKubelet {
                let node = f.hops.last().unwrap();
                prop_assert!(node.rules.iter().any(|r| r.contains("ingress")), "{:?}", node.rules);
            }
            for (i, h) in f.hops.iter().enumerate() {
                let c = d.component(&h.id).unwrap();
                if let ComponentKind::Nat(n) = &c.kind {
                    prop_assert_eq!(n.connectivity, NatConnectivity::Public);
                    prop_assert!(n.elastic_ip.is_some());
                    // The allowlist admitted the NAT's address.
                    let eip: std::net::Ipv4Addr = n.elastic_ip.as_deref().unwrap().parse().unwrap();
                    prop_assert!(d.cluster.public_access_cidrs.iter().filter_map(|c| parse_cidr_v4(c).ok()).any(|n| n.contains(&eip)));
                }
                if h.kind == KindName::Igw && i == 1 {
                    let src = d.component(&f.hops[0].id).unwrap();
                    let has_public = match &src.kind {
                        ComponentKind::Node(Node { public_ip, .. }) | ComponentKind::Client(Client { public_ip, .. }) => public_ip.is_some(),
                        _ => false,
                    };
                    prop_assert!(has_public, "IGW used without a public IP");
                }
            }
        }
    }
}
