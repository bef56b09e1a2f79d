//! Korean import notes and errors: every note the importers write about the fixtures (and
//! variants of them that lack files), and the errors of bad inputs, read as Korean once
//! their values are taken out. Only AWS and product names and the input formats' field names
//! stay in Latin letters.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::imported::fixture;
use common::korean::{english_left_in, verbatim_sentence};
use eksplain::i18n::{Lang, Msg};
use eksplain::import::{Format, Input, import, read_inputs};

/// Words that stay in Latin letters in Korean import notes, beside `korean::AWS_NAMES`: product names and field
/// names of the input formats, as the files write them.
const KEPT: &[&str] = &[
    "DHCP",
    "CLI",
    "JSON",
    "UTF",
    "Auto",
    "Scaling",
    "Terraform",
    "CloudFormation",
    "eksctl",
    "Azure",
    "Resource",
    "Manager",
    "Google",
    "Cloud",
    "Deployment",
    "json",
    "yaml",
    "yml",
    // Field names of the inputs.
    "NextToken",
    "endpointPublicAccess",
    "endpointPrivateAccess",
    "clusterSecurityGroupId",
];

/// The fixtures whose importers still build some notes in English (not moved yet).
const NOT_MOVED_YET: &[&str] = &["cloudformation", "eksctl"];

/// `text` without what is in backticks: a command or a field name, written as typed.
fn without_code(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// The English words left in `m` in Korean.
fn english_left(m: &Msg) -> Vec<String> {
    english_left_in(&without_code(&m.in_lang(Lang::Ko)), m, KEPT)
}

/// The AWS fixture without the files named.
fn aws_without(drop: &[&str]) -> Vec<Input> {
    read_inputs(&[fixture("aws")])
        .unwrap()
        .into_iter()
        .filter(|i| {
            let name = i.path.file_name().unwrap().to_string_lossy();
            !drop.iter().any(|d| name.contains(d))
        })
        .collect()
}

/// Every fixture, and AWS variants that make the importer assume and make up more.
fn imports() -> Vec<(String, Vec<Input>)> {
    let mut out = vec![
        ("aws".to_owned(), aws_without(&[])),
        (
            "aws without instances, interfaces, DHCP and DNS attributes".to_owned(),
            aws_without(&[
                "describe-instances",
                "describe-network-interfaces",
                "describe-dhcp-options",
                "describe-vpc-attribute",
            ]),
        ),
    ];
    out.push(("aws with links".to_owned(), aws_with_links()));
    for name in [
        "terraform/state.json",
        "terraform/plan.json",
        "cloudformation/cluster.yaml",
        "eksctl/cluster.yaml",
        "eksctl/existing-vpc.yaml",
    ] {
        out.push((name.to_owned(), read_inputs(&[fixture(name)]).unwrap()));
    }
    out
}

/// The AWS fixture with routes to a transit gateway, a VPN gateway and two peerings, one of
/// them no longer active, and one file a page of a longer listing.
fn aws_with_links() -> Vec<Input> {
    let mut inputs = aws_without(&[]);
    for i in &mut inputs {
        if i.path.ends_with("describe-route-tables.json") {
            let mut tables: serde_json::Value = serde_json::from_str(&i.text).unwrap();
            let routes = tables["RouteTables"][0]["Routes"].as_array_mut().unwrap();
            for (dest, key, target) in [
                ("10.50.0.0/16", "TransitGatewayId", "tgw-0123456789abcdef0"),
                (
                    "10.60.0.0/16",
                    "VpcPeeringConnectionId",
                    "pcx-0123456789abcdef0",
                ),
                (
                    "10.70.0.0/16",
                    "VpcPeeringConnectionId",
                    "pcx-0123456789abcdef1",
                ),
                ("192.168.0.0/16", "GatewayId", "vgw-0123456789abcdef0"),
            ] {
                routes.push(serde_json::json!({
                    "DestinationCidrBlock": dest, key: target, "State": "active"
                }));
            }
            i.text = tables.to_string();
        } else if i.path.ends_with("describe-subnets.json") {
            // One page of a longer listing.
            let mut page: serde_json::Value = serde_json::from_str(&i.text).unwrap();
            page["NextToken"] = serde_json::json!("eyJuZXh0IjoxfQ==");
            i.text = page.to_string();
        }
    }
    inputs.push(Input {
        path: PathBuf::from("describe-vpc-peering-connections.json"),
        text: r#"{"VpcPeeringConnections": [
            {"VpcPeeringConnectionId": "pcx-0123456789abcdef0",
             "RequesterVpcInfo": {"VpcId": "vpc-0a1b2c3d4e5f60718", "CidrBlock": "10.20.0.0/16"},
             "AccepterVpcInfo": {"VpcId": "vpc-0ffffffffffffffff", "CidrBlock": "10.60.0.0/16"},
             "Status": {"Code": "active"}},
            {"VpcPeeringConnectionId": "pcx-0123456789abcdef1",
             "RequesterVpcInfo": {"VpcId": "vpc-0a1b2c3d4e5f60718", "CidrBlock": "10.20.0.0/16"},
             "AccepterVpcInfo": {"VpcId": "vpc-0eeeeeeeeeeeeeeee", "CidrBlock": "10.70.0.0/16"},
             "Status": {"Code": "deleted"}}]}"#
            .to_owned(),
    });
    inputs
}

/// Inputs import refuses, for the errors.
fn refused() -> Vec<(&'static str, Vec<Input>)> {
    let input = |name: &str, text: &str| Input {
        path: PathBuf::from(name),
        text: text.to_owned(),
    };
    vec![
        ("no inputs", Vec::new()),
        ("not JSON", vec![input("notes.txt", "hello: [")]),
        ("not AWS", vec![input("x.json", r#"{"Other": 1}"#)]),
        (
            "Azure",
            vec![input(
                "azure.json",
                r#"{"$schema": "https://schema.management.azure.com/x"}"#,
            )],
        ),
        (
            "raw Terraform state",
            vec![input("s.json", r#"{"version": 4, "resources": []}"#)],
        ),
        (
            "Terraform state without AWS",
            vec![input(
                "s.json",
                r#"{"format_version": "1.0", "values": {"root_module": {}}}"#,
            )],
        ),
        (
            "Terraform version",
            vec![input(
                "s.json",
                r#"{"format_version": "2.0", "values": {"root_module": {}}}"#,
            )],
        ),
        (
            "no cluster",
            vec![input("vpcs.json", r#"{"Vpcs": [{"VpcId": "vpc-1"}]}"#)],
        ),
        (
            "CloudFormation without EC2 or EKS",
            vec![input(
                "t.yaml",
                "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n",
            )],
        ),
        (
            "two CloudFormation templates",
            vec![
                input("a.yaml", "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n"),
                input("b.yaml", "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n"),
            ],
        ),
        (
            "mixed formats",
            vec![
                input("a.json", r#"{"Vpcs": []}"#),
                input("b.json", r#"{"format_version": "1.0", "values": {}}"#),
            ],
        ),
    ]
}

#[test]
fn import_notes_and_errors_read_in_korean() {
    let mut bad: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut verbatim: BTreeMap<String, String> = BTreeMap::new();
    let mut seen = 0usize;
    let mut keys: std::collections::BTreeSet<&'static str> = std::collections::BTreeSet::new();
    for (name, inputs) in imports() {
        let imported = import(&inputs, Format::Auto).unwrap_or_else(|e| panic!("{name}: {e}"));
        for note in &imported.notes {
            seen += 1;
            keys.insert(note.text.key());
            let line = note.in_lang(Lang::Ko);
            if let Some(v) = verbatim_sentence(&note.text) {
                if !NOT_MOVED_YET.iter().any(|n| name.starts_with(n)) {
                    verbatim.insert(v, name.clone());
                }
                continue;
            }
            let left = english_left_in(&without_code(&line), &note.text, KEPT);
            if !left.is_empty() {
                bad.entry(note.text.key().to_owned())
                    .or_insert_with(|| (format!("{name}: {line}"), left));
            }
        }
    }
    for (name, inputs) in refused() {
        let Err(e) = import(&inputs, Format::Auto) else {
            panic!("{name}: imported");
        };
        seen += 1;
        let m = e.msg();
        if let Some(v) = verbatim_sentence(&m) {
            verbatim.insert(v, name.to_owned());
            continue;
        }
        let left = english_left(&m);
        if !left.is_empty() {
            bad.entry(format!("error {name}"))
                .or_insert_with(|| (m.in_lang(Lang::Ko), left));
        }
    }
    assert!(seen > 40, "only {seen} notes and errors");
    for key in ["imp-link-beside", "imp-peering-inactive", "imp-paged"] {
        assert!(keys.contains(key), "no note {key} was checked");
    }
    assert!(
        verbatim.is_empty(),
        "English built outside the catalogue:\n{}",
        verbatim
            .iter()
            .map(|(v, name)| format!("{name}: {v}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let report: Vec<String> = bad
        .iter()
        .map(|(k, (example, left))| format!("{k}\n    {example}\n    English: {left:?}"))
        .collect();
    assert!(
        bad.is_empty(),
        "{} kinds of note or error are not Korean yet:\n{}",
        bad.len(),
        report.join("\n")
    );
}

#[test]
fn english_words_in_a_korean_note_are_found() {
    // The check itself: an English word that is not a value is reported; values are not.
    let m = eksplain::msg!("imp-nat-state", nat = "nat-0abc", state = "deleted");
    assert!(english_left(&m).is_empty(), "{:?}", english_left(&m));
    let text = format!("{} because", m.in_lang(Lang::Ko));
    assert_eq!(
        english_left_in(&without_code(&text), &m, KEPT),
        vec!["because"]
    );
}
