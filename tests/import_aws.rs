//! Import of AWS CLI describe-* JSON: the fixture bundle (a public + private cluster over
//! two zones with one NAT gateway and one managed node group), what is assumed, made up and
//! dropped, bad input, the layout, and the CLI.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::imported::{assert_valid, has_note};
use eksplain::engine::{Exposure, FlowKind, analyze};
use eksplain::import::{Format, ImportError, Imported, Input, NoteKind, import, import_paths};
use eksplain::model::{ComponentKind, Design, KindName, Severity, validate};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/aws")
}

fn fixture_inputs() -> Vec<Input> {
    eksplain::import::read_inputs(&[fixture_dir()]).unwrap()
}

/// The fixture, with some files left out or replaced.
fn variant(drop: &[&str], replace: &[(&str, &str)]) -> Result<Imported, ImportError> {
    let mut inputs: Vec<Input> = fixture_inputs()
        .into_iter()
        .filter(|i| {
            let name = i.path.file_name().unwrap().to_str().unwrap();
            !drop.contains(&name)
        })
        .collect();
    for (name, text) in replace {
        let i = inputs
            .iter_mut()
            .find(|i| i.path.file_name().unwrap() == *name)
            .unwrap();
        i.text = (*text).to_owned();
    }
    import(&inputs, Format::Auto)
}

fn count(d: &Design, kind: KindName) -> usize {
    d.of_kind(kind).count()
}

#[test]
fn the_fixture_imports_into_a_valid_design_with_every_part() {
    let i = import_paths(&[fixture_dir()], Format::Auto).unwrap();
    let d = &i.design;
    let errors: Vec<_> = validate(d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(count(d, KindName::Vpc), 1);
    assert_eq!(count(d, KindName::Subnet), 4);
    assert_eq!(count(d, KindName::Igw), 1);
    assert_eq!(count(d, KindName::Nat), 1);
    assert_eq!(
        count(d, KindName::EksEni),
        2,
        "the NAT's and the nodes' ENIs are not EKS-owned"
    );
    assert_eq!(count(d, KindName::Node), 2);
    assert_eq!(count(d, KindName::ApiServer), 2);
    assert_eq!(count(d, KindName::Nlb), 1);
    assert_eq!(count(d, KindName::Phz), 1, "private access is on");
    assert_eq!(count(d, KindName::Client), 1);
    // Cluster settings one to one.
    assert!(d.cluster.endpoint_public_access && d.cluster.endpoint_private_access);
    assert_eq!(d.cluster.public_access_cidrs, ["203.0.113.0/24"]);
    assert_eq!(d.cluster.cluster_security_group, "sg-0e0000000000000e1");
    assert_eq!(d.cluster.security_group_ids, ["sg-0c0000000000000a1"]);
    assert_eq!(
        d.cluster.endpoint_hostname,
        "0A1B2C3D4E5F60718293A4B5C6D7E8F9.gr7.eu-west-1.eks.amazonaws.com"
    );
    // The private subnets have no association of their own: the main table applies.
    let private = d.component("subnet-0aa0000000000a001").unwrap();
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
    assert_eq!(s.az, "eu-west-1a");
    // The untouched default ACL is left out (a subnet without one allows everything).
    assert!(d.network_acls.is_empty());
    assert_eq!(s.network_acl, None);
    // Names come from Name tags, sources are the AWS ids.
    let nat = d.component("nat-0a0000000000000a1").unwrap();
    assert_eq!(nat.label, "shop-nat-a");
    assert_eq!(nat.source, "nat-0a0000000000000a1");
    let ComponentKind::Nat(n) = &nat.kind else {
        panic!()
    };
    assert_eq!(n.elastic_ip.as_deref(), Some("198.51.100.10"));
    let node = d.component("i-0a00000000000000a").unwrap();
    let ComponentKind::Node(n) = &node.kind else {
        panic!()
    };
    assert_eq!(n.private_ip, "10.20.10.21");
    assert!(
        n.no_public_ip,
        "the instance list says it has no public address"
    );
    assert_eq!(n.security_groups, ["sg-0e0000000000000e1"]);
    let ComponentKind::Vpc(v) = &d.component("vpc-0a1b2c3d4e5f60718").unwrap().kind else {
        panic!()
    };
    assert_eq!(v.cidr_blocks, ["10.20.0.0/16"]);
    assert_eq!(v.endpoints, ["s3"]);
    // The groups are the cluster's and the extra one, flattened one rule per peer.
    let ids: Vec<&str> = d.security_groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["sg-0c0000000000000a1", "sg-0e0000000000000e1"]);
}

#[test]
fn the_imported_cluster_gives_the_public_private_verdicts() {
    let i = import_paths(&[fixture_dir()], Format::Auto).unwrap();
    let a = analyze(&i.design, None);
    assert_eq!(a.flows.len(), 1 + 2 * 2);
    for f in &a.flows {
        assert!(
            f.reachable,
            "{:?} {} blocked: {}",
            f.flow, f.source, f.reason
        );
        let expected = if f.flow == FlowKind::KubectlToApi {
            Exposure::Internet
        } else {
            // Private access on: kubelet and the API server use the EKS-owned ENIs.
            Exposure::None
        };
        assert_eq!(f.exposure, Some(expected), "{:?} {}", f.flow, f.source);
    }
}

#[test]
fn every_assumption_and_every_dropped_item_is_listed_and_in_the_description() {
    let i = import_paths(&[fixture_dir()], Format::Auto).unwrap();
    assert!(has_note(&i, NoteKind::Synthesised, "two API servers"));
    assert!(has_note(&i, NoteKind::Synthesised, "private hosted zone"));
    assert!(has_note(
        &i,
        NoteKind::Synthesised,
        "kubectl user on the internet at 203.0.113.1"
    ));
    assert!(has_note(&i, NoteKind::Dropped, "1 IPv6 routes"));
    assert!(has_note(
        &i,
        NoteKind::Dropped,
        "1 IPv6 security group rules"
    ));
    assert!(has_note(&i, NoteKind::Dropped, "public NLB's addresses"));
    // Every file was there: nothing about DNS or DHCP was assumed.
    assert!(
        !i.notes.iter().any(|n| n.kind == NoteKind::Assumed),
        "{:?}",
        i.notes
    );
    for n in &i.notes {
        assert!(i.design.description.contains(&n.to_string()), "{n}");
    }
    // Sorted: assumed, synthesised, dropped.
    assert!(i.notes.windows(2).all(|w| w[0].kind <= w[1].kind));
}

#[test]
fn missing_files_become_assumptions_or_synthesised_parts() {
    let i = variant(
        &[
            "describe-vpc-attribute-dns-support.json",
            "describe-vpc-attribute-dns-hostnames.json",
            "describe-dhcp-options.json",
            "describe-network-interfaces.json",
            "describe-instances.json",
        ],
        &[],
    )
    .unwrap();
    assert!(has_note(&i, NoteKind::Assumed, "DNS resolution on"));
    assert!(has_note(&i, NoteKind::Assumed, "DNS hostnames on"));
    assert!(has_note(&i, NoteKind::Assumed, "AmazonProvidedDNS"));
    // One ENI in each cluster subnet, one node per node-group subnet, all listed.
    let d = &i.design;
    assert_eq!(count(d, KindName::EksEni), 2);
    assert_eq!(count(d, KindName::Node), 2);
    assert!(has_note(
        &i,
        NoteKind::Synthesised,
        "EKS-owned ENI eks-eni-1 at 10.20.10.254"
    ));
    assert!(has_note(
        &i,
        NoteKind::Synthesised,
        "node node-1 of node group default at 10.20.10.10"
    ));
    let errors = validate(d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    assert_eq!(errors, 0);
    assert!(analyze(d, None).flows.iter().all(|f| f.reachable));
}

#[test]
fn a_blackhole_route_is_dropped_and_said_so() {
    let tables = std::fs::read_to_string(fixture_dir().join("describe-route-tables.json")).unwrap();
    let changed = tables.replacen(
        r#""NatGatewayId": "nat-0a0000000000000a1",
                    "Origin": "CreateRoute",
                    "State": "active""#,
        r#""NatGatewayId": "nat-0a0000000000000a1",
                    "Origin": "CreateRoute",
                    "State": "blackhole""#,
        1,
    );
    assert_ne!(changed, tables, "the fixture changed shape");
    let i = variant(&[], &[("describe-route-tables.json", &changed)]).unwrap();
    assert!(has_note(&i, NoteKind::Dropped, "blackhole route 0.0.0.0/0"));
    let ComponentKind::Subnet(s) = &i.design.component("subnet-0aa0000000000a001").unwrap().kind
    else {
        panic!()
    };
    assert!(s.routes.iter().all(|r| r.destination != "0.0.0.0/0"));
}

#[test]
fn bad_input_names_the_file_and_the_place() {
    // Malformed JSON: file, line and column.
    let e = variant(
        &[],
        &[(
            "describe-subnets.json",
            "{\n  \"Subnets\": [\n    {\"SubnetId\": }\n",
        )],
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(text.contains("describe-subnets.json:3:"), "{text}");
    // A field of the wrong type.
    let e = variant(
        &[],
        &[(
            "describe-subnets.json",
            r#"{"Subnets": [{"MapPublicIpOnLaunch": "yes"}]}"#,
        )],
    )
    .unwrap_err();
    assert!(matches!(e, ImportError::Syntax { .. }), "{e}");
    assert!(e.to_string().contains("describe-subnets.json:1:"), "{e}");
    // JSON of something else.
    let e = variant(
        &[],
        &[(
            "describe-vpcs.json",
            r#"{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC"}}}"#,
        )],
    )
    .unwrap_err();
    assert!(matches!(e, ImportError::NotRecognised { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("describe-vpcs.json: it is a CloudFormation template"),
        "{e}"
    );
    // Deep nesting ends in an error, not a stack overflow: skipped where import does not
    // read, refused where it does.
    let deep = format!(
        "{{\"Other\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let e = variant(&[], &[("describe-vpcs.json", &deep)]).unwrap_err();
    assert!(matches!(e, ImportError::NotRecognised { .. }), "{e}");
    let deep = format!(
        "{{\"Vpcs\": [{{\"Tags\": {}{}}}]}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let e = variant(&[], &[("describe-vpcs.json", &deep)]).unwrap_err();
    assert!(e.to_string().contains("describe-vpcs.json:1:"), "{e}");
    // Without the cluster there is nothing to analyse.
    let e = variant(&["eks-describe-cluster.json"], &[]).unwrap_err();
    assert!(e.to_string().contains("aws eks describe-cluster"), "{e}");
    // Without the VPC: which command gives it.
    let e = variant(&["describe-vpcs.json"], &[]).unwrap_err();
    assert!(
        e.to_string()
            .contains("describe-vpcs --vpc-ids vpc-0a1b2c3d4e5f60718"),
        "{e}"
    );
}

#[test]
fn the_layout_puts_children_inside_parents_and_siblings_apart() {
    let d = import_paths(&[fixture_dir()], Format::Auto).unwrap().design;
    for c in &d.components {
        if let Some(p) = c.parent.as_deref().and_then(|p| d.component(p)) {
            assert!(
                p.rect().contains_rect(&c.rect()),
                "{} is outside {}",
                c.id,
                p.id
            );
        }
        for o in &d.components {
            if o.id < c.id && o.parent == c.parent {
                assert!(
                    !o.rect().intersects(&c.rect()),
                    "{} overlaps {}",
                    c.id,
                    o.id
                );
            }
        }
    }
    // Zones are columns, tiers rows: public above private, zone a left of zone b.
    let pos = |id: &str| d.component(id).unwrap().pos;
    assert!(pos("subnet-0aa0000000000a000").y < pos("subnet-0aa0000000000a001").y);
    assert!(pos("subnet-0aa0000000000a001").x < pos("subnet-0bb0000000000b001").x);
    assert!((pos("subnet-0aa0000000000a000").x - pos("subnet-0aa0000000000a001").x).abs() < 0.5);
    // The AWS-managed VPC is left of the customer VPC.
    assert!(pos("control-plane").x < pos("vpc-0a1b2c3d4e5f60718").x);
}

fn eksplain() -> Command {
    Command::new(env!("CARGO_BIN_EXE_eksplain"))
}

/// `eksplain import FIXTURE -o OUT [extra]`.
fn import_cli(out: &Path, extra: &[&str]) -> std::process::Output {
    eksplain()
        .args([
            "import",
            fixture_dir().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_cli_writes_the_design_prints_the_notes_and_keeps_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shop.ron");
    let run = import_cli(&out, &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("synthesised: the private hosted zone"),
        "{stdout}"
    );
    let (design, _) = eksplain::io::load(&out).unwrap();
    assert_eq!(design.cluster.name, "shop");
    // An existing file is not replaced without --force.
    let again = import_cli(&out, &[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    // --update lays the import into the file, keeping what the user arranged.
    let mut arranged = design.clone();
    arranged
        .components
        .iter_mut()
        .find(|c| c.id == "igw-0b0000000000000b1")
        .unwrap()
        .pos
        .x += 120.0;
    eksplain::io::save(&arranged, &out).unwrap();
    let update = import_cli(&out, &["--update"]);
    assert!(
        update.status.success(),
        "{}",
        String::from_utf8_lossy(&update.stderr)
    );
    assert!(String::from_utf8_lossy(&update.stdout).contains("updated the open design"));
    let (after, _) = eksplain::io::load(&out).unwrap();
    assert_eq!(
        after, arranged,
        "nothing changed in the source, so nothing changes"
    );
    // Bad input: exit 2 and the file named.
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, "{\"Vpcs\": [").unwrap();
    let run = eksplain()
        .args([
            "import",
            bad.to_str().unwrap(),
            "-o",
            dir.path().join("x.ron").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("broken.json:1:"));
    assert!(!dir.path().join("x.ron").exists());
}

#[test]
fn reimport_keeps_moved_boxes_and_brings_the_changes() {
    use eksplain::import::merge::merge;
    use eksplain::model::Point;
    let first = import_paths(&[fixture_dir()], Format::Auto).unwrap().design;
    // The user moves two boxes (a subnet, with what is in it, and the IGW), relabels the
    // NAT and adds a note.
    let mut mine = first.clone();
    mine.apply(eksplain::model::Edit::Move {
        ids: vec!["subnet-0bb0000000000b000".into()],
        delta: Point::new(0.0, 400.0),
    })
    .unwrap();
    let moved_subnet = mine.component("subnet-0bb0000000000b000").unwrap().pos;
    let moved_igw = {
        let c = mine
            .components
            .iter_mut()
            .find(|c| c.id == "igw-0b0000000000000b1")
            .unwrap();
        c.pos = Point::new(c.pos.x + 300.0, c.pos.y);
        c.pos
    };
    mine.components
        .iter_mut()
        .find(|c| c.id == "nat-0a0000000000000a1")
        .unwrap()
        .label = "egress NAT".into();
    // A newer source: one node gone, another added in the moved subnet.
    let instances = std::fs::read_to_string(fixture_dir().join("describe-instances.json"))
        .unwrap()
        .replace("i-0a00000000000000a", "i-0c00000000000000c")
        .replace(
            "\"subnet-0bb0000000000b001\"",
            "\"subnet-0bb0000000000b000\"",
        )
        .replace("10.20.11.37", "10.20.1.37");
    let newer = variant(&[], &[("describe-instances.json", &instances)]).unwrap();
    let (merged, counts) = merge(&mine, newer);
    let d = &merged.design;
    assert_eq!(
        d.component("subnet-0bb0000000000b000").unwrap().pos,
        moved_subnet
    );
    assert_eq!(d.component("igw-0b0000000000000b1").unwrap().pos, moved_igw);
    assert_eq!(
        d.component("nat-0a0000000000000a1").unwrap().label,
        "egress NAT"
    );
    // The changes arrived: one node removed, the new one inside the moved subnet.
    assert!(d.component("i-0a00000000000000a").is_none());
    let added = d.component("i-0c00000000000000c").unwrap();
    assert_eq!(added.parent.as_deref(), Some("subnet-0aa0000000000a001"));
    // A node that changed subnet lands in its new one, which the user had moved.
    let b = d.component("i-0b00000000000000b").unwrap();
    assert_eq!(b.parent.as_deref(), Some("subnet-0bb0000000000b000"));
    let errors: Vec<_> = validate(d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        counts.kept > 10 && counts.added >= 1 && counts.removed >= 1,
        "{counts:?}"
    );
    assert_valid(d);
    assert!(has_note(
        &merged,
        NoteKind::Assumed,
        "updated the open design"
    ));
}

#[test]
fn review_cases_give_valid_designs_and_say_what_they_left_out() {
    let valid = |i: &Imported| {
        let errors: Vec<_> = validate(&i.design)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    };
    // The NAT's subnet is not among the subnets given: no NAT, no route to it, said so.
    let subnets = std::fs::read_to_string(fixture_dir().join("describe-subnets.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&subnets).unwrap();
    v["Subnets"].as_array_mut().unwrap().remove(0);
    let i = variant(&[], &[("describe-subnets.json", &v.to_string())]).unwrap();
    valid(&i);
    assert_eq!(count(&i.design, KindName::Nat), 0);
    assert!(has_note(
        &i,
        NoteKind::Dropped,
        "NAT gateway nat-0a0000000000000a1: its subnet"
    ));
    // Only IPv6 public access CIDRs: no IPv4 range is allowed, none is invented.
    let cluster = std::fs::read_to_string(fixture_dir().join("eks-describe-cluster.json"))
        .unwrap()
        .replace("\"203.0.113.0/24\"", "\"2001:db8::/48\"");
    let i = variant(&[], &[("eks-describe-cluster.json", &cluster)]).unwrap();
    assert!(i.design.cluster.public_access_cidrs.is_empty());
    assert!(has_note(&i, NoteKind::Dropped, "2001:db8::/48"));
    // The same outputs given twice are read once.
    let mut twice = fixture_inputs();
    twice.extend(fixture_inputs());
    let i = import(&twice, Format::Auto).unwrap();
    valid(&i);
    assert_eq!(count(&i.design, KindName::Node), 2);
    // Two node groups over the same subnets, no instances: made-up nodes do not share
    // an address.
    let mut inputs: Vec<Input> = fixture_inputs()
        .into_iter()
        .filter(|i| !i.path.ends_with("describe-instances.json"))
        .collect();
    let ng = inputs
        .iter()
        .find(|i| i.path.ends_with("eks-describe-nodegroup.json"))
        .unwrap();
    inputs.push(Input {
        path: "second-nodegroup.json".into(),
        text: ng.text.replace("\"default\"", "\"batch\""),
    });
    let i = import(&inputs, Format::Auto).unwrap();
    valid(&i);
    assert_eq!(count(&i.design, KindName::Node), 4);
    // A box the user renamed keeps the user's id on re-import, and the routes follow it.
    let mut renamed = import_paths(&[fixture_dir()], Format::Auto).unwrap().design;
    renamed
        .apply(eksplain::model::Edit::Rename {
            from: "nat-0a0000000000000a1".into(),
            to: "egress-nat".into(),
        })
        .unwrap();
    let again = import_paths(&[fixture_dir()], Format::Auto).unwrap();
    let (merged, _) = eksplain::import::merge::merge(&renamed, again);
    valid(&merged);
    assert!(merged.design.component("nat-0a0000000000000a1").is_none());
    assert_eq!(
        merged.design.component("egress-nat").unwrap().source,
        "nat-0a0000000000000a1"
    );
    let ComponentKind::Subnet(s) = &merged
        .design
        .component("subnet-0aa0000000000a001")
        .unwrap()
        .kind
    else {
        panic!()
    };
    assert!(s.routes.iter().any(|r| r.target == "egress-nat"));
    // Another cluster is not an update of this one, even in the same VPC.
    let first = import_paths(&[fixture_dir()], Format::Auto).unwrap().design;
    let mut other = first.clone();
    other.cluster.name = "billing".into();
    assert!(eksplain::import::merge::same_source(&first, &first));
    assert!(!eksplain::import::merge::same_source(&first, &other));
}

#[test]
fn routes_to_transit_gateways_vpns_and_peerings_bring_them_beside_the_vpc() {
    let mut tables: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture_dir().join("describe-route-tables.json")).unwrap(),
    )
    .unwrap();
    let main = tables["RouteTables"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["RouteTableId"] == "rtb-0f0000000000000f2")
        .unwrap();
    let routes = main["Routes"].as_array_mut().unwrap();
    for (dest, key, target) in [
        ("10.50.0.0/16", "TransitGatewayId", "tgw-0123456789abcdef0"),
        (
            "10.60.0.0/16",
            "VpcPeeringConnectionId",
            "pcx-0123456789abcdef0",
        ),
        ("192.168.0.0/16", "GatewayId", "vgw-0123456789abcdef0"),
    ] {
        routes.push(
            serde_json::json!({"DestinationCidrBlock": dest, key: target, "State": "active"}),
        );
    }
    let mut inputs: Vec<Input> = fixture_inputs()
        .into_iter()
        .map(|mut i| {
            if i.path.ends_with("describe-route-tables.json") {
                i.text = tables.to_string();
            }
            i
        })
        .collect();
    inputs.push(Input {
        path: PathBuf::from("describe-vpc-peering-connections.json"),
        text: r#"{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-0123456789abcdef0",
            "RequesterVpcInfo": {"VpcId": "vpc-0a1b2c3d4e5f60718", "CidrBlock": "10.20.0.0/16"},
            "AccepterVpcInfo": {"VpcId": "vpc-0ffffffffffffffff", "CidrBlock": "10.60.0.0/16"},
            "Status": {"Code": "active"}}]}"#
            .to_owned(),
    });
    let i = import(&inputs, Format::Auto).unwrap();
    let d = &i.design;
    let errors: Vec<_> = validate(d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    for (id, kind) in [
        ("tgw-0123456789abcdef0", KindName::Tgw),
        ("pcx-0123456789abcdef0", KindName::Peering),
        ("vgw-0123456789abcdef0", KindName::Vpn),
    ] {
        let c = d.component(id).unwrap_or_else(|| panic!("no {id}"));
        assert_eq!(c.kind.name(), kind, "{id}");
        assert!(
            d.connections
                .iter()
                .any(|l| l.from == "vpc-0a1b2c3d4e5f60718" && l.to == id),
            "{id} is attached to the VPC"
        );
    }
    assert_eq!(
        d.component("pcx-0123456789abcdef0").unwrap().label,
        "peering to vpc-0ffffffffffffffff (10.60.0.0/16)"
    );
    let ComponentKind::Subnet(s) = &d.component("subnet-0aa0000000000a001").unwrap().kind else {
        panic!()
    };
    for target in [
        "tgw-0123456789abcdef0",
        "pcx-0123456789abcdef0",
        "vgw-0123456789abcdef0",
    ] {
        assert!(
            s.routes.iter().any(|r| r.target == target),
            "{target}: {:?}",
            s.routes
        );
    }
    assert!(has_note(
        &i,
        NoteKind::Assumed,
        "transit gateway tgw-0123456789abcdef0 is drawn"
    ));
    assert!(!has_note(&i, NoteKind::Dropped, "10.50.0.0/16"));
    // The kubelet flows still stay inside.
    let a = analyze(d, None);
    assert!(
        a.flows.iter().all(|f| f.reachable),
        "{:?}",
        a.flows.iter().map(|f| &f.reason).collect::<Vec<_>>()
    );
}
