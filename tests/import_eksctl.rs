//! Import of eksctl ClusterConfig YAML: eksctl's own rules replayed (subnet carving, NAT
//! placement, route tables, its security groups, the cluster's subnets), existing VPCs,
//! private clusters, and bad input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;

use common::imported::*;
use eksplain::engine::{Exposure, FlowKind, analyze};
use eksplain::import::{Format, ImportError, Imported, Input, NoteKind, import, import_paths};
use eksplain::model::{ComponentKind, KindName};

fn yaml(text: &str) -> Result<Imported, ImportError> {
    import(
        &[Input {
            path: PathBuf::from("cluster.yaml"),
            text: text.to_owned(),
        }],
        Format::Auto,
    )
}

#[test]
fn eksctl_builds_the_vpc_as_eksctl_would() {
    let i = import_paths(&[fixture("eksctl/cluster.yaml")], Format::Auto).unwrap();
    let d = &i.design;
    assert_valid(d);
    // Two zones, a public and a private subnet each, carved /19 from the /16 in order:
    // public subnets first.
    let cidrs: Vec<(&str, &str)> = [
        ("subnet-public-eu-west-1a", "10.20.0.0/19"),
        ("subnet-public-eu-west-1b", "10.20.32.0/19"),
        ("subnet-private-eu-west-1a", "10.20.64.0/19"),
        ("subnet-private-eu-west-1b", "10.20.96.0/19"),
    ]
    .into();
    for (id, cidr) in cidrs {
        let s = subnet(d, id);
        assert_eq!(s.cidr, cidr, "{id}");
        assert_eq!(s.map_public_ip_on_launch, id.contains("public"), "{id}");
    }
    assert_eq!(subnet(d, "subnet-private-eu-west-1a").az, "eu-west-1a");
    // One NAT (Single) in the first zone's public subnet; every private table uses it.
    assert_eq!(d.of_kind(KindName::Nat).count(), 1);
    let nat = d.component("nat-eu-west-1a").unwrap();
    assert_eq!(nat.parent.as_deref(), Some("subnet-public-eu-west-1a"));
    assert_eq!(nat.source, "eksctl-shop-cluster/NATGateway");
    for id in ["subnet-private-eu-west-1a", "subnet-private-eu-west-1b"] {
        assert_eq!(default_route(subnet(d, id)), Some("nat-eu-west-1a"), "{id}");
    }
    assert_eq!(
        default_route(subnet(d, "subnet-public-eu-west-1b")),
        Some("igw")
    );
    assert_eq!(
        d.component("subnet-public-eu-west-1a").unwrap().source,
        "eksctl-shop-cluster/SubnetPublicEUWEST1A"
    );
    // controlPlaneOnPrivateSubnets: the cluster's ENIs only in the private subnets.
    assert_eq!(
        d.cluster.subnet_ids,
        ["subnet-private-eu-west-1a", "subnet-private-eu-west-1b"]
    );
    assert!(d.cluster.endpoint_public_access && d.cluster.endpoint_private_access);
    assert_eq!(d.cluster.public_access_cidrs, ["203.0.113.0/24"]);
    assert_eq!(d.cluster.security_group_ids, ["sg-control-plane"]);
    assert_eq!(d.cluster.cluster_security_group, "eks-cluster-sg-shop");
    // Managed nodes carry the cluster group eksctl's launch template gives them.
    let nodes: Vec<_> = d.of_kind(KindName::Node).collect();
    assert_eq!(nodes.len(), 2);
    for n in nodes {
        let ComponentKind::Node(node) = &n.kind else {
            panic!()
        };
        assert_eq!(node.security_groups, ["eks-cluster-sg-shop"]);
        assert!(node.no_public_ip, "privateNetworking: true");
    }
    assert!(has_note(&i, NoteKind::Assumed, "carved from 10.20.0.0/16"));
    assert!(has_note(&i, NoteKind::Dropped, "elastic IPs"));
    assert!(d.description.contains("eksctl config"), "{}", d.description);
}

#[test]
fn both_eksctl_configs_give_the_verdicts_of_the_describe_bundle() {
    let aws = import_paths(&[fixture("aws")], Format::Auto).unwrap();
    for f in ["eksctl/cluster.yaml", "eksctl/existing-vpc.yaml"] {
        let i = import_paths(&[fixture(f)], Format::Auto).unwrap();
        assert_valid(&i.design);
        assert_eq!(verdicts(&i.design), verdicts(&aws.design), "{f}");
    }
}

#[test]
fn an_existing_vpc_keeps_its_ids_and_says_what_it_assumed() {
    let i = import_paths(&[fixture("eksctl/existing-vpc.yaml")], Format::Auto).unwrap();
    let d = &i.design;
    assert!(d.component("vpc-0a1b2c3d4e5f60718").is_some());
    let s = subnet(d, "subnet-0aa0000000000a000");
    assert_eq!(s.cidr, "10.20.0.0/24");
    assert_eq!(s.az, "eu-west-1a", "az given under an alias");
    assert!(
        !s.map_public_ip_on_launch,
        "eksctl cannot tell for an existing VPC"
    );
    assert_eq!(default_route(s), Some("igw"));
    assert!(has_note(&i, NoteKind::Assumed, "existing VPC"));
    // Node group subnets named by their keys.
    let parents: Vec<&str> = d
        .of_kind(KindName::Node)
        .filter_map(|n| n.parent.as_deref())
        .collect();
    assert_eq!(
        parents,
        ["subnet-0aa0000000000a001", "subnet-0bb0000000000b001"]
    );
    // vpc.securityGroup replaces the group eksctl would create.
    assert_eq!(d.cluster.security_group_ids, ["sg-0c0000000000000a1"]);
    assert_eq!(
        d.cluster.subnet_ids,
        ["subnet-0aa0000000000a001", "subnet-0bb0000000000b001"]
    );
}

#[test]
fn eksctl_defaults_are_applied_and_said() {
    let i = yaml(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: dev, region: us-west-2}\n\
         nodeGroups:\n  - name: ng-1\n    desiredCapacity: 3\n",
    )
    .unwrap();
    let d = &i.design;
    assert_valid(d);
    // Three zones named from the region, 192.168.0.0/16 carved in /19s.
    assert_eq!(d.of_kind(KindName::Subnet).count(), 6);
    assert_eq!(subnet(d, "subnet-public-us-west-2a").cidr, "192.168.0.0/19");
    assert_eq!(
        subnet(d, "subnet-private-us-west-2a").cidr,
        "192.168.96.0/19"
    );
    assert!(has_note(&i, NoteKind::Assumed, "192.168.0.0/16"));
    assert!(has_note(
        &i,
        NoteKind::Assumed,
        "us-west-2a, us-west-2b, us-west-2c"
    ));
    assert!(has_note(&i, NoteKind::Assumed, "public access on"));
    assert!(has_note(&i, NoteKind::Assumed, "private access off"));
    assert!(has_note(&i, NoteKind::Assumed, "0.0.0.0/0"));
    // The cluster uses every subnet; the self-managed nodes sit in the public subnets
    // (privateNetworking defaults to false) with addresses the subnet assigns.
    assert_eq!(d.cluster.subnet_ids.len(), 6);
    let nodes: Vec<_> = d.of_kind(KindName::Node).collect();
    assert_eq!(nodes.len(), 3);
    for n in nodes {
        assert!(n.parent.as_deref().unwrap().contains("public"));
        let ComponentKind::Node(node) = &n.kind else {
            panic!()
        };
        assert!(!node.no_public_ip);
        assert_eq!(node.security_groups, ["sg-shared-nodes"]);
    }
    // Public only: kubelet leaves through the internet gateway to the public endpoint.
    let a = analyze(d, None);
    for f in a.flows.iter().filter(|f| f.flow == FlowKind::KubeletToApi) {
        assert!(f.reachable, "{}: {}", f.source, f.reason);
        assert_eq!(f.exposure, Some(Exposure::AwsPublic), "{}", f.source);
    }
}

#[test]
fn nat_modes_and_private_clusters_follow_eksctl() {
    let base = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: eu-west-1}\n\
                availabilityZones: [eu-west-1a, eu-west-1b]\n";
    let ha = yaml(&format!(
        "{base}vpc: {{nat: {{gateway: HighlyAvailable}}}}\n"
    ))
    .unwrap();
    assert_eq!(ha.design.of_kind(KindName::Nat).count(), 2);
    assert_eq!(
        default_route(subnet(&ha.design, "subnet-private-eu-west-1b")),
        Some("nat-eu-west-1b")
    );
    let off = yaml(&format!("{base}vpc: {{nat: {{gateway: Disable}}}}\n")).unwrap();
    assert_eq!(off.design.of_kind(KindName::Nat).count(), 0);
    assert_eq!(
        default_route(subnet(&off.design, "subnet-private-eu-west-1a")),
        None
    );
    let private = yaml(&format!(
        "{base}privateCluster: {{enabled: true}}\nmanagedNodeGroups: [{{name: ng, privateNetworking: true}}]\n"
    ))
    .unwrap();
    let d = &private.design;
    assert_valid(d);
    assert!(!d.cluster.endpoint_public_access && d.cluster.endpoint_private_access);
    assert_eq!(d.of_kind(KindName::Igw).count(), 0);
    assert_eq!(d.of_kind(KindName::Nat).count(), 0);
    assert_eq!(
        d.of_kind(KindName::Subnet).count(),
        2,
        "only private subnets"
    );
    let ComponentKind::Vpc(v) = &d.of_kind(KindName::Vpc).next().unwrap().kind else {
        panic!()
    };
    for svc in ["ecr.api", "ecr.dkr", "s3", "ec2", "sts"] {
        assert!(
            v.endpoints.iter().any(|e| e == svc),
            "{svc}: {:?}",
            v.endpoints
        );
    }
    let a = analyze(d, None);
    for f in &a.flows {
        if f.flow == FlowKind::KubectlToApi {
            assert!(!f.reachable, "kubectl from the internet has no endpoint");
        } else {
            assert!(f.reachable, "{:?} {}: {}", f.flow, f.source, f.reason);
        }
    }
}

#[test]
fn bad_eksctl_input_is_refused_with_the_place() {
    let head = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n";
    // Broken YAML: file, line and column.
    let e = yaml(&format!("{head}metadata:\n  name: [shop\n")).unwrap_err();
    assert!(matches!(e, ImportError::Syntax { .. }), "{e}");
    assert!(e.to_string().starts_with("cluster.yaml:"), "{e}");
    // A field of the wrong type, at its line.
    let e = yaml(&format!(
        "{head}metadata: {{name: shop}}\nmanagedNodeGroups:\n  - name: ng\n    desiredCapacity: lots\n"
    ))
    .unwrap_err();
    assert!(e.to_string().starts_with("cluster.yaml:6:"), "{e}");
    // Another eksctl kind, a config without a name.
    let e = yaml("apiVersion: eksctl.io/v1alpha5\nkind: NodeGroup\n").unwrap_err();
    assert!(e.to_string().contains("NodeGroup"), "{e}");
    let e = yaml(&format!("{head}metadata: {{region: eu-west-1}}\n")).unwrap_err();
    assert!(e.to_string().contains("metadata.name"), "{e}");
    // An alias bomb ends quickly in an error.
    let mut bomb = format!("{head}metadata: {{name: x}}\nx0: &a0 [a, a, a, a, a, a, a, a, a, a]\n");
    for n in 1..12 {
        let p = n - 1;
        writeln!(
            bomb,
            "x{n}: &a{n} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]"
        )
        .unwrap();
    }
    let e = yaml(&bomb).unwrap_err();
    assert!(e.to_string().contains("aliases repeat"), "{e}");
    let deep = format!(
        "{head}metadata: {{name: x}}\nx: {}{}\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let e = yaml(&deep).unwrap_err();
    assert!(e.to_string().starts_with("cluster.yaml:4:"), "{e}");
    // An existing VPC without its subnets cannot be drawn.
    let e = yaml(&format!(
        "{head}metadata: {{name: x}}\nvpc: {{id: vpc-0123456789abcdef0}}\n"
    ))
    .unwrap_err();
    assert!(e.to_string().contains("vpc.subnets"), "{e}");
    // YAML that is not an eksctl config at all.
    let e = yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n").unwrap_err();
    assert!(matches!(e, ImportError::NotRecognised { .. }), "{e}");
}

#[test]
fn a_nat_whose_address_is_not_known_yet_still_reaches_the_public_endpoint() {
    let base = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: basic, region: us-west-2}\n\
                managedNodeGroups: [{name: ng, privateNetworking: true}]\n";
    let i = yaml(base).unwrap();
    let a = analyze(&i.design, None);
    let kubelet: Vec<_> = a
        .flows
        .iter()
        .filter(|f| f.flow == FlowKind::KubeletToApi)
        .collect();
    assert_eq!(kubelet.len(), 3);
    for f in &kubelet {
        assert!(f.reachable, "{}: {}", f.source, f.reason);
        assert_eq!(f.exposure, Some(Exposure::AwsPublic));
        assert!(
            f.steps
                .iter()
                .any(|s| s.text.en().contains("allocated on deploy")),
            "{:?}",
            f.steps
        );
    }
    // Restricted public access: the unknown address cannot be shown to be allowed.
    let restricted = yaml(&format!(
        "{base}vpc: {{publicAccessCIDRs: [203.0.113.0/24]}}\n"
    ))
    .unwrap();
    let a = analyze(&restricted.design, None);
    let f = a
        .flows
        .iter()
        .find(|f| f.flow == FlowKind::KubeletToApi)
        .unwrap();
    assert!(!f.reachable);
    assert!(
        f.fix
            .as_ref()
            .map(eksplain::i18n::Msg::en)
            .as_deref()
            .unwrap_or_default()
            .contains("elastic IP"),
        "{:?}",
        f.fix
    );
}

#[test]
fn existing_vpcs_as_users_write_them() {
    let head = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: corp, region: us-east-1}\n";
    // Both tiers keyed by zone: private node groups take the private ones.
    let i = yaml(&format!(
        "{head}vpc:\n  id: vpc-0123456789abcdef0\n  cidr: 10.0.0.0/16\n  subnets:\n\
         \x20   public:\n      us-east-1a: {{id: subnet-0a00000000000000a, cidr: 10.0.0.0/24}}\n\
         \x20   private:\n      us-east-1a: {{id: subnet-0b00000000000000b, cidr: 10.0.10.0/24}}\n\
         \x20     us-east-1b: {{id: subnet-0c00000000000000c, cidr: 100.64.0.0/18}}\n\
         managedNodeGroups: [{{name: ng, privateNetworking: true, subnets: [us-east-1a, us-east-1b]}}]\n"
    ))
    .unwrap();
    let d = &i.design;
    assert_valid(d);
    let parents: Vec<&str> = d
        .of_kind(KindName::Node)
        .filter_map(|n| n.parent.as_deref())
        .collect();
    assert_eq!(
        parents,
        ["subnet-0b00000000000000b", "subnet-0c00000000000000c"]
    );
    // A subnet outside vpc.cidr is in a secondary block, which the notes say.
    assert!(has_note(&i, NoteKind::Assumed, "secondary CIDR"));
    assert!(has_note(&i, NoteKind::Assumed, "do not assign public IPs"));
    // Subnets by id only cannot be drawn: what to add is said.
    let e = yaml(&format!(
        "{head}vpc:\n  id: vpc-0123456789abcdef0\n  subnets:\n    private:\n      us-east-1a: {{id: subnet-0b00000000000000b}}\n"
    ))
    .unwrap_err();
    assert!(e.to_string().contains("by id only"), "{e}");
    assert!(e.to_string().starts_with("cluster.yaml:"), "{e}");
    // What eksctl refuses is refused.
    let e = yaml(&format!(
        "{head}vpc: {{nat: {{gateway: HighlyAvailible}}}}\n"
    ))
    .unwrap_err();
    assert!(e.to_string().contains("vpc.nat.gateway"), "{e}");
    let e = yaml(&format!("{head}vpc: {{cidr: 10.0.0.0/28}}\n")).unwrap_err();
    assert!(e.to_string().contains("/16 to a /24"), "{e}");
}

#[test]
fn a_byte_order_mark_and_a_repeated_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cluster.yaml");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(std::fs::read(fixture("eksctl/cluster.yaml")).unwrap());
    std::fs::write(&path, bytes).unwrap();
    let i = import_paths(&[path], Format::Auto).unwrap();
    assert_eq!(i.design.cluster.name, "shop");
    let e = yaml("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: a}\nvpc: {}\nvpc: {}\n")
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("cluster.yaml:5:1: a key appears twice"),
        "{e}"
    );
}
