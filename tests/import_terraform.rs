//! Import of `terraform show -json`: the state and the greenfield plan of the cluster the
//! describe-* fixture describes (terraform-aws-modules vpc and eks), what is assumed and
//! left unknown, and bad input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::path::PathBuf;

use common::imported::*;
use eksplain::engine::{FlowKind, analyze};
use eksplain::import::{Format, ImportError, Imported, Input, NoteKind, import, import_paths};
use eksplain::model::{ComponentKind, KindName, Peer};

fn state() -> Imported {
    import_paths(&[fixture("terraform/state.json")], Format::Auto).unwrap()
}

fn plan() -> Imported {
    import_paths(&[fixture("terraform/plan.json")], Format::Auto).unwrap()
}

fn one(text: &str) -> Result<Imported, ImportError> {
    import(
        &[Input {
            path: PathBuf::from("show.json"),
            text: text.to_owned(),
        }],
        Format::Auto,
    )
}

#[test]
fn the_state_imports_into_the_same_cluster_as_the_describe_bundle() {
    let i = state();
    let d = &i.design;
    assert_valid(d);
    assert_eq!(d.of_kind(KindName::Vpc).count(), 1);
    assert_eq!(d.of_kind(KindName::Subnet).count(), 4);
    assert_eq!(d.of_kind(KindName::Igw).count(), 1);
    assert_eq!(d.of_kind(KindName::Nat).count(), 1);
    assert_eq!(d.of_kind(KindName::ApiServer).count(), 2);
    assert_eq!(d.of_kind(KindName::Phz).count(), 1);
    assert!(d.cluster.endpoint_public_access && d.cluster.endpoint_private_access);
    assert_eq!(d.cluster.public_access_cidrs, ["203.0.113.0/24"]);
    assert_eq!(d.cluster.security_group_ids, ["sg-0c0000000000000a1"]);
    assert_eq!(d.cluster.cluster_security_group, "sg-0e0000000000000e1");
    // Ids are the AWS ids the state holds; sources are the Terraform addresses.
    let nat = d.component("nat-0a0000000000000a1").unwrap();
    assert_eq!(nat.source, "module.vpc.aws_nat_gateway.this[0]");
    let ComponentKind::Nat(n) = &nat.kind else {
        panic!()
    };
    assert_eq!(n.elastic_ip.as_deref(), Some("198.51.100.10"));
    let private = d.component("subnet-0aa0000000000a001").unwrap();
    assert_eq!(private.source, "module.vpc.aws_subnet.private[0]");
    let ComponentKind::Subnet(s) = &private.kind else {
        panic!()
    };
    assert!(
        s.routes
            .iter()
            .any(|r| r.destination == "0.0.0.0/0" && r.target == "nat-0a0000000000000a1"),
        "{:?}",
        s.routes
    );
    // The rules of aws_security_group_rule resources land in their group.
    let extra = d
        .security_groups
        .iter()
        .find(|g| g.id == "sg-0c0000000000000a1")
        .unwrap();
    assert_eq!(extra.source, "module.eks.aws_security_group.cluster[0]");
    assert!(
        extra
            .ingress
            .iter()
            .any(|r| r.peer == Peer::Cidr("10.20.0.0/16".to_owned()) && r.ports == (443, 443)),
        "{:?}",
        extra.ingress
    );
    // The EKS-created primary group is not in the state: made up, and said so.
    assert!(
        d.security_groups
            .iter()
            .any(|g| g.id == "sg-0e0000000000000e1")
    );
    assert!(has_note(&i, NoteKind::Synthesised, "sg-0e0000000000000e1"));
    // The description names the origin.
    assert!(
        d.description.contains("Terraform state"),
        "{}",
        d.description
    );
}

#[test]
fn the_state_and_the_describe_bundle_give_the_same_verdicts() {
    let aws = import_paths(&[fixture("aws")], Format::Auto).unwrap();
    let tf = state();
    assert_eq!(verdicts(&tf.design), verdicts(&aws.design));
    assert!(
        verdicts(&tf.design).iter().all(|v| v.1),
        "{:?}",
        verdicts(&tf.design)
    );
}

#[test]
fn the_plan_keeps_unknown_values_unknown_and_follows_references() {
    let i = plan();
    let d = &i.design;
    assert_valid(d);
    // Nothing has an AWS id yet: components are named after their addresses.
    assert!(
        d.components.iter().all(|c| !c.id.starts_with("subnet-0")),
        "{:?}",
        d.components.iter().map(|c| &c.id).collect::<Vec<_>>()
    );
    assert_eq!(d.of_kind(KindName::Subnet).count(), 4);
    let nat = d.of_kind(KindName::Nat).next().unwrap();
    assert_eq!(nat.source, "module.vpc.aws_nat_gateway.this[0]");
    let ComponentKind::Nat(n) = &nat.kind else {
        panic!()
    };
    assert_eq!(n.elastic_ip, None, "unknown until apply, never invented");
    assert!(
        has_note(&i, NoteKind::Dropped, "elastic IP"),
        "{:?}",
        i.notes
    );
    // The cluster's subnets come through var.subnet_ids → module.vpc.private_subnets.
    assert_eq!(d.cluster.subnet_ids.len(), 2, "{:?}", d.cluster.subnet_ids);
    for id in &d.cluster.subnet_ids {
        let c = d.component(id).unwrap();
        assert!(c.source.contains("aws_subnet.private"), "{}", c.source);
    }
    assert!(has_note(&i, NoteKind::Assumed, "configuration references"));
    assert!(
        d.description.contains("Terraform plan"),
        "{}",
        d.description
    );
    // Same endpoint settings, so the kubelet flows still stay inside.
    let a = analyze(d, None);
    for f in a.flows.iter().filter(|f| f.flow != FlowKind::KubectlToApi) {
        assert!(
            f.reachable,
            "{:?} {} blocked: {}",
            f.flow, f.source, f.reason
        );
    }
}

#[test]
fn bad_terraform_input_is_refused_with_the_reason() {
    // Raw state (terraform.tfstate) is not the show output.
    let e = one(r#"{"version": 4, "terraform_version": "1.10.3", "resources": []}"#).unwrap_err();
    assert!(e.to_string().contains("show.json"), "{e}");
    assert!(e.to_string().contains("terraform show -json"), "{e}");
    // A format version this reader does not know.
    let e = one(r#"{"format_version": "2.0", "values": {"root_module": {}}}"#).unwrap_err();
    assert!(e.to_string().contains("2.0"), "{e}");
    // No AWS resources at all.
    let e = one(
        r#"{"format_version": "1.0", "values": {"root_module": {"resources": [
        {"address": "google_compute_network.vpc", "mode": "managed", "type": "google_compute_network",
         "name": "vpc", "values": {}}]}}}"#,
    )
    .unwrap_err();
    assert!(e.to_string().contains("no AWS resources"), "{e}");
    // Malformed JSON: line and column.
    let e = one("{\"format_version\": \"1.0\",\n \"values\": {\"root_module\": [}\n").unwrap_err();
    assert!(e.to_string().contains("show.json:2:"), "{e}");
    // A state mixed with describe-* output.
    let mut inputs = eksplain::import::read_inputs(&[fixture("terraform/state.json")]).unwrap();
    inputs.extend(eksplain::import::read_inputs(&[fixture("aws/describe-vpcs.json")]).unwrap());
    let e = import(&inputs, Format::Auto).unwrap_err();
    assert!(matches!(e, ImportError::NotRecognised { .. }), "{e}");
    assert!(e.to_string().contains("one kind of input"), "{e}");
}

#[test]
fn a_data_source_reading_the_cluster_does_not_replace_it() {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("terraform/state.json")).unwrap())
            .unwrap();
    let root = v["values"]["root_module"].as_object_mut().unwrap();
    root.insert(
        "resources".to_owned(),
        serde_json::json!([{"address": "data.aws_eks_cluster.this", "mode": "data",
            "type": "aws_eks_cluster", "name": "this",
            "values": {"name": "shop", "vpc_config": [{"subnet_ids": ["subnet-0aa0000000000a000"],
                "endpoint_public_access": true, "endpoint_private_access": false}]}}]),
    );
    let i = one(&v.to_string()).unwrap();
    let d = &i.design;
    assert!(
        d.cluster.endpoint_private_access,
        "the managed cluster's settings"
    );
    assert_eq!(d.cluster.subnet_ids.len(), 2);
    assert!(
        !i.notes
            .iter()
            .any(|n| n.text.en().contains("only the first cluster")),
        "{:?}",
        i.notes
    );
}

/// A greenfield plan of a network written by hand with `for_each` (no modules): planned
/// values, what is unknown until apply, and the configuration's expressions.
fn hand_written_plan() -> String {
    use serde_json::{Value, json};
    type Planned<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        Value,
        Value,
        Value,
        Option<Value>,
    );
    let refs = |r: &[&str]| json!({ "references": r });
    let konst = |v: Value| json!({ "constant_value": v });
    // (type, name, key, planned values, after_unknown, expressions, for_each references)
    let mut rs: Vec<Planned<'_>> = vec![
        (
            "aws_vpc",
            "main",
            None,
            json!({"cidr_block": "10.0.0.0/16", "enable_dns_support": true, "enable_dns_hostnames": true}),
            json!({"id": true, "main_route_table_id": true}),
            json!({"cidr_block": konst(json!("10.0.0.0/16"))}),
            None,
        ),
        (
            "aws_internet_gateway",
            "igw",
            None,
            json!({}),
            json!({"id": true, "vpc_id": true}),
            json!({"vpc_id": refs(&["aws_vpc.main.id", "aws_vpc.main"])}),
            None,
        ),
        (
            "aws_eip",
            "nat",
            None,
            json!({"domain": "vpc"}),
            json!({"id": true, "public_ip": true}),
            json!({}),
            None,
        ),
        (
            "aws_nat_gateway",
            "nat",
            None,
            json!({}),
            json!({"id": true, "subnet_id": true, "allocation_id": true, "public_ip": true}),
            json!({"subnet_id": refs(&["aws_subnet.public[\"a\"].id", "aws_subnet.public[\"a\"]", "aws_subnet.public"]),
                   "allocation_id": refs(&["aws_eip.nat.id", "aws_eip.nat"])}),
            None,
        ),
        // Every route unknown until apply: only the configuration has them.
        (
            "aws_route_table",
            "public",
            None,
            json!({}),
            json!({"id": true, "vpc_id": true, "route": true}),
            json!({"vpc_id": refs(&["aws_vpc.main.id", "aws_vpc.main"]),
                   "route": [{"cidr_block": konst(json!("0.0.0.0/0")),
                              "gateway_id": refs(&["aws_internet_gateway.igw.id", "aws_internet_gateway.igw"])}]}),
            None,
        ),
        // The destination known, the target not.
        (
            "aws_route_table",
            "private",
            None,
            json!({"route": [{"cidr_block": "0.0.0.0/0"}]}),
            json!({"id": true, "vpc_id": true, "route": [{"nat_gateway_id": true}]}),
            json!({"vpc_id": refs(&["aws_vpc.main.id", "aws_vpc.main"]),
                   "route": [{"cidr_block": konst(json!("0.0.0.0/0")),
                              "nat_gateway_id": refs(&["aws_nat_gateway.nat.id", "aws_nat_gateway.nat"])}]}),
            None,
        ),
        (
            "aws_eks_cluster",
            "this",
            None,
            json!({"name": "hand", "vpc_config": [{"endpoint_public_access": true, "endpoint_private_access": false,
                   "public_access_cidrs": ["0.0.0.0/0"]}]}),
            json!({"id": true, "endpoint": true, "vpc_config": [{"subnet_ids": true, "cluster_security_group_id": true, "vpc_id": true}]}),
            json!({"vpc_config": [{"subnet_ids": refs(&["aws_subnet.private"])}]}),
            None,
        ),
        // A rule on the group EKS creates, which the plan never holds.
        (
            "aws_security_group_rule",
            "cluster_from_vpn",
            None,
            json!({"type": "ingress", "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["172.16.0.0/12"]}),
            json!({"id": true, "security_group_id": true}),
            json!({"security_group_id": refs(&["aws_eks_cluster.this.vpc_config[0].cluster_security_group_id",
                                               "aws_eks_cluster.this.vpc_config[0]", "aws_eks_cluster.this"])}),
            None,
        ),
        // Keys of a local: which subnet each one joins cannot be told.
        (
            "aws_route_table_association",
            "extra",
            Some("z"),
            json!({}),
            json!({"id": true, "subnet_id": true, "route_table_id": true}),
            json!({"subnet_id": refs(&["each.value.id", "each.value"]),
                   "route_table_id": refs(&["aws_route_table.private.id", "aws_route_table.private"])}),
            Some(refs(&["local.more_subnets"])),
        ),
    ];
    for (tier, third, public) in [("public", 0, true), ("private", 10, false)] {
        for (i, key) in ["a", "b"].into_iter().enumerate() {
            rs.push(("aws_subnet", tier, Some(key),
                json!({"cidr_block": format!("10.0.{}.0/24", third + i), "availability_zone": format!("eu-west-1{key}"),
                       "map_public_ip_on_launch": public}),
                json!({"id": true, "vpc_id": true}),
                json!({"vpc_id": refs(&["aws_vpc.main.id", "aws_vpc.main"])}),
                Some(refs(&["var.subnets"]))));
            rs.push(("aws_route_table_association", tier, Some(key), json!({}),
                json!({"id": true, "subnet_id": true, "route_table_id": true}),
                json!({"subnet_id": refs(&["each.value.id", "each.value"]),
                       "route_table_id": refs(&[&format!("aws_route_table.{tier}.id"), &format!("aws_route_table.{tier}")])}),
                Some(refs(&[&format!("aws_subnet.{tier}")]))));
        }
    }
    rs.push(("aws_eks_node_group", "ng", None,
        json!({"node_group_name": "ng", "scaling_config": [{"desired_size": 2, "min_size": 1, "max_size": 3}]}),
        json!({"id": true, "cluster_name": true, "subnet_ids": true, "node_role_arn": true}),
        json!({"cluster_name": refs(&["aws_eks_cluster.this.name", "aws_eks_cluster.this"]),
               "subnet_ids": refs(&["aws_subnet.private"])}), None));
    let address = |kind: &str, name: &str, key: Option<&str>| match key {
        Some(k) => format!("{kind}.{name}[\"{k}\"]"),
        None => format!("{kind}.{name}"),
    };
    let planned: Vec<Value> = rs.iter().map(|(kind, name, key, values, ..)| {
        let mut r = json!({"address": address(kind, name, *key), "mode": "managed", "type": kind,
                           "name": name, "values": values});
        if let Some(k) = key { r["index"] = json!(k); }
        r
    }).collect();
    let changes: Vec<Value> = rs.iter().map(|(kind, name, key, _, unknown, ..)| {
        json!({"address": address(kind, name, *key), "change": {"actions": ["create"], "after_unknown": unknown}})
    }).collect();
    let mut config: Vec<Value> = Vec::new();
    for (kind, name, _, _, _, expressions, for_each) in &rs {
        let a = format!("{kind}.{name}");
        if config.iter().any(|c| c["address"] == a.as_str()) {
            continue;
        }
        let mut c = json!({"address": a, "mode": "managed", "type": kind, "name": name, "expressions": expressions});
        if let Some(f) = for_each {
            c["for_each_expression"] = f.clone();
        }
        config.push(c);
    }
    json!({"format_version": "1.2", "terraform_version": "1.10.3",
           "planned_values": {"root_module": {"resources": planned}},
           "resource_changes": changes,
           "configuration": {"root_module": {"resources": config}}})
    .to_string()
}

#[test]
fn a_hand_written_for_each_plan_keeps_its_routes_and_associations() {
    let i = one(&hand_written_plan()).unwrap();
    let d = &i.design;
    assert_valid(d);
    // `subnet_id = each.value.id` under `for_each = aws_subnet.public` joins each subnet
    // to its table; the inline routes' targets follow the configuration.
    for key in ["a", "b"] {
        let public = subnet(d, &format!("subnet.public-{key}"));
        assert_eq!(
            default_route(public),
            Some("internet_gateway.igw"),
            "{:?}",
            i.notes
        );
        let private = subnet(d, &format!("subnet.private-{key}"));
        assert_eq!(
            default_route(private),
            Some("nat_gateway.nat"),
            "{:?}",
            i.notes
        );
    }
    // What cannot be told is said, not guessed.
    assert!(
        has_note(
            &i,
            NoteKind::Dropped,
            "aws_route_table_association.extra[\"z\"]"
        ),
        "{:?}",
        i.notes
    );
    // The rule on the group EKS creates joins EKS's default rules.
    let sg = d
        .security_groups
        .iter()
        .find(|g| g.id == d.cluster.cluster_security_group)
        .unwrap();
    assert_eq!(sg.id, "eks-cluster-sg-hand");
    assert!(
        sg.ingress
            .iter()
            .any(|r| r.peer == Peer::Cidr("172.16.0.0/12".to_owned()) && r.ports == (443, 443)),
        "{sg:?}"
    );
    assert!(
        sg.ingress.iter().any(|r| r.peer == Peer::Sg(sg.id.clone())),
        "EKS's own rule stays: {sg:?}"
    );
    assert!(
        has_note(
            &i,
            NoteKind::Synthesised,
            "the 1 rule the Terraform plan adds"
        ),
        "{:?}",
        i.notes
    );
    // Nodes in the private subnets reach the public endpoint through the NAT.
    let a = analyze(d, None);
    let kubelet: Vec<_> = a
        .flows
        .iter()
        .filter(|f| f.flow == FlowKind::KubeletToApi)
        .collect();
    assert!(!kubelet.is_empty());
    assert!(kubelet.iter().all(|f| f.reachable), "{kubelet:?}");
    assert!(
        kubelet
            .iter()
            .all(|f| f.hops.iter().any(|h| h.id == "nat_gateway.nat")),
        "{kubelet:?}"
    );
}
