//! Synthetic designs of any size, for benchmarks and property tests.

use super::component::{
    Client, Component, ComponentKind, EksEni, Nat, Nlb, Node, Route, Subnet, Vpc,
};
use super::design::{Cluster, Design, FORMAT_VERSION};
use super::geom::{Point, Size};

fn comp(
    id: String,
    parent: Option<&str>,
    pos: Point,
    size: Size,
    kind: ComponentKind,
) -> Component {
    Component {
        source: String::new(),
        label: id.clone(),
        id,
        parent: parent.map(str::to_owned),
        pos,
        size,
        kind,
    }
}

/// A valid public + private design with `nodes` worker nodes spread over `subnets` private
/// subnets (at most 250), one public subnet with a NAT gateway, and `clients` internet clients.
pub fn large_design(nodes: usize, subnets: usize, clients: usize) -> Design {
    let subnets = subnets.clamp(2, 250);
    let mut components = Vec::with_capacity(nodes + subnets + clients + 10);
    let cols = (subnets + 1).min(10);
    // Subnets tall enough for their nodes (five to a row, after the ENI).
    let per_subnet = nodes.div_ceil(subnets).max(1);
    let node_rows = (per_subnet + 1).div_ceil(5);
    let (sw, sh) = (420.0_f32, (node_rows as f32).mul_add(46.0, 90.0).max(340.0));
    let rows = (subnets + 1).div_ceil(cols);
    let vpc_size = Size::new(cols as f32 * sw + 40.0, rows as f32 * sh + 100.0);
    let vpc_pos = Point::new(500.0, 0.0);
    components.push(comp(
        "control-plane".into(),
        None,
        Point::new(0.0, 0.0),
        Size::new(400.0, 400.0),
        ComponentKind::ControlPlane,
    ));
    components.push(comp(
        "nlb".into(),
        Some("control-plane"),
        Point::new(20.0, 60.0),
        Size::new(150.0, 60.0),
        ComponentKind::Nlb(Nlb {
            public_ips: vec!["198.51.100.50".into()],
        }),
    ));
    for i in 1..=2 {
        components.push(comp(
            format!("api-{i}"),
            Some("control-plane"),
            Point::new(220.0, 60.0 + i as f32 * 100.0),
            Size::new(150.0, 60.0),
            ComponentKind::ApiServer,
        ));
    }
    components.push(comp(
        "vpc".into(),
        None,
        vpc_pos,
        vpc_size,
        ComponentKind::Vpc(Vpc::default()),
    ));
    components.push(comp(
        "igw".into(),
        Some("vpc"),
        Point::new(vpc_pos.x + 20.0, vpc_pos.y + 35.0),
        Size::new(120.0, 50.0),
        ComponentKind::Igw,
    ));
    let cell = |k: usize| {
        Point::new(
            vpc_pos.x + 20.0 + (k % cols) as f32 * sw,
            vpc_pos.y + 90.0 + (k / cols) as f32 * sh,
        )
    };
    // Subnet 0 is public and holds the NAT gateway; the others are private.
    let public = cell(0);
    components.push(comp(
        "subnet-public".into(),
        Some("vpc"),
        public,
        Size::new(sw - 20.0, sh - 20.0),
        ComponentKind::Subnet(Subnet {
            cidr: "10.0.0.0/24".into(),
            az: "us-east-1a".into(),
            map_public_ip_on_launch: true,
            network_acl: None,
            routes: vec![Route {
                destination: "0.0.0.0/0".into(),
                target: "igw".into(),
            }],
        }),
    ));
    components.push(comp(
        "nat".into(),
        Some("subnet-public"),
        Point::new(public.x + 20.0, public.y + 40.0),
        Size::new(120.0, 50.0),
        ComponentKind::Nat(Nat {
            elastic_ip: Some("198.51.100.10".into()),
            ..Nat::default()
        }),
    ));
    let mut placed = 0;
    for s in 1..=subnets {
        let origin = cell(s);
        let id = format!("subnet-{s}");
        components.push(comp(
            id.clone(),
            Some("vpc"),
            origin,
            Size::new(sw - 20.0, sh - 20.0),
            ComponentKind::Subnet(Subnet {
                cidr: format!("10.0.{s}.0/24"),
                az: if s % 2 == 0 {
                    "us-east-1b"
                } else {
                    "us-east-1a"
                }
                .into(),
                map_public_ip_on_launch: false,
                network_acl: None,
                routes: vec![Route {
                    destination: "0.0.0.0/0".into(),
                    target: "nat".into(),
                }],
            }),
        ));
        let mut slot = 0usize;
        let slot_pos = |slot: usize| {
            Point::new(
                origin.x + 10.0 + (slot % 5) as f32 * 78.0,
                origin.y + 40.0 + (slot / 5) as f32 * 46.0,
            )
        };
        if s <= 2 {
            components.push(comp(
                format!("eni-{s}"),
                Some(&id),
                slot_pos(slot),
                Size::new(70.0, 40.0),
                ComponentKind::EksEni(EksEni {
                    private_ip: format!("10.0.{s}.250"),
                }),
            ));
            slot += 1;
        }
        for _ in 0..per_subnet {
            if placed == nodes {
                break;
            }
            placed += 1;
            components.push(comp(
                format!("node-{placed}"),
                Some(&id),
                slot_pos(slot),
                Size::new(70.0, 40.0),
                ComponentKind::Node(Node {
                    private_ip: format!("10.0.{s}.{}", 10 + slot),
                    ..Node::default()
                }),
            ));
            slot += 1;
        }
    }
    for c in 0..clients {
        components.push(comp(
            format!("client-{}", c + 1),
            None,
            Point::new((c % 5) as f32 * 90.0, 450.0 + (c / 5) as f32 * 60.0),
            Size::new(80.0, 40.0),
            ComponentKind::Client(Client {
                public_ip: Some(format!("203.0.113.{}", c + 1)),
                ..Client::default()
            }),
        ));
    }
    Design {
        format_version: FORMAT_VERSION,
        title: format!("generated: {nodes} nodes, {subnets} subnets, {clients} clients"),
        description: String::new(),
        cluster: Cluster {
            name: "generated".into(),
            endpoint_private_access: true,
            ..Cluster::default()
        },
        components,
        connections: Vec::new(),
        security_groups: Vec::new(),
        network_acls: Vec::new(),
        transit: crate::model::Transit::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_designs_are_valid() {
        let d = large_design(1000, 50, 20);
        let problems = crate::model::validate(&d);
        assert!(problems.is_empty(), "{:?}", problems.first());
        assert_eq!(d.of_kind(crate::model::KindName::Node).count(), 1000);
        assert_eq!(d.of_kind(crate::model::KindName::Subnet).count(), 51);
    }
}
