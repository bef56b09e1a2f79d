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
            .any(|n| n.text.contains("only the first cluster")),
        "{:?}",
        i.notes
    );
}
