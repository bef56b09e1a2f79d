//! Import of CloudFormation templates (YAML with short and long intrinsic forms, and JSON):
//! what is computed offline, what stays unknown, CloudFormation's defaults, bad input; and
//! the four inputs describing one cluster giving the same verdicts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::imported::*;
use eksplain::import::{Format, ImportError, Imported, Input, NoteKind, import, import_paths};
use eksplain::model::{ComponentKind, KindName, Peer, Protocol};

fn template(name: &str, text: &str) -> Result<Imported, ImportError> {
    import(
        &[Input {
            path: PathBuf::from(name),
            text: text.to_owned(),
        }],
        Format::Auto,
    )
}

#[test]
fn the_template_is_evaluated_offline_into_the_cluster() {
    let i = import_paths(&[fixture("cloudformation/cluster.yaml")], Format::Auto).unwrap();
    let d = &i.design;
    assert_valid(d);
    // !Cidr [!GetAtt Vpc.CidrBlock, 4, 8] in the short and the long form.
    for (id, cidr) in [
        ("PublicSubnetA", "10.20.0.0/24"),
        ("PublicSubnetB", "10.20.1.0/24"),
        ("PrivateSubnetA", "10.20.2.0/24"),
        ("PrivateSubnetB", "10.20.3.0/24"),
    ] {
        assert_eq!(subnet(d, id).cidr, cidr, "{id}");
    }
    assert!(
        subnet(d, "PublicSubnetA").map_public_ip_on_launch,
        "Fn::FindInMap"
    );
    assert!(
        !subnet(d, "PrivateSubnetA").map_public_ip_on_launch,
        "the default"
    );
    // Fn::GetAZs is unknown offline: placeholders, said.
    assert_eq!(subnet(d, "PrivateSubnetB").az, "<region>-az2");
    assert!(has_note(&i, NoteKind::Assumed, "Fn::GetAZs"));
    // The NAT exists (its condition holds with the parameter defaults); its address does not.
    let nat = d.component("NatGateway").unwrap();
    assert_eq!(nat.parent.as_deref(), Some("PublicSubnetA"));
    let ComponentKind::Nat(n) = &nat.kind else {
        panic!()
    };
    assert_eq!(n.elastic_ip, None);
    assert!(has_note(
        &i,
        NoteKind::Dropped,
        "NatGateway: its elastic IP"
    ));
    assert_eq!(
        default_route(subnet(d, "PrivateSubnetB")),
        Some("NatGateway")
    );
    assert_eq!(
        default_route(subnet(d, "PublicSubnetB")),
        Some("InternetGateway")
    );
    // Logical ids are the ids and the sources; the Name tag (from !Sub) is the label.
    let vpc = d.component("Vpc").unwrap();
    assert_eq!(vpc.source, "Vpc");
    assert_eq!(vpc.label, "shop-vpc");
    let ComponentKind::Vpc(v) = &vpc.kind else {
        panic!()
    };
    assert_eq!(v.endpoints, ["s3"], "com.amazonaws.${{AWS::Region}}.s3");
    // The cluster, with the parameter's default list and the extra group by GetAtt.
    assert_eq!(d.cluster.name, "shop");
    assert_eq!(d.cluster.public_access_cidrs, ["203.0.113.0/24"]);
    assert_eq!(d.cluster.security_group_ids, ["ClusterExtraSecurityGroup"]);
    assert_eq!(d.cluster.subnet_ids, ["PrivateSubnetA", "PrivateSubnetB"]);
    let extra = d
        .security_groups
        .iter()
        .find(|g| g.id == "ClusterExtraSecurityGroup")
        .unwrap();
    assert!(
        extra
            .ingress
            .iter()
            .any(|r| r.peer == Peer::Cidr("10.20.0.0/16".to_owned()) && r.ports == (443, 443))
    );
    // No egress in the template: AWS's allow-all egress.
    assert!(
        extra
            .egress
            .iter()
            .any(|r| r.peer == Peer::Cidr("0.0.0.0/0".to_owned())),
        "{:?}",
        extra.egress
    );
    assert!(d.description.contains("CloudFormation template"));
}

#[test]
fn the_four_inputs_of_one_cluster_give_the_same_verdicts() {
    let inputs = [
        "aws",
        "terraform/state.json",
        "eksctl/cluster.yaml",
        "cloudformation/cluster.yaml",
    ];
    let imported: Vec<Imported> = inputs
        .iter()
        .map(|f| import_paths(&[fixture(f)], Format::Auto).unwrap())
        .collect();
    let expected = verdicts(&imported[0].design);
    assert_eq!(expected.len(), 5, "kubectl, and two flows per node");
    for (f, i) in inputs.iter().zip(&imported) {
        assert_valid(&i.design);
        assert_eq!(verdicts(&i.design), expected, "{f}");
    }
    // What each input lacks shows in its notes: the CLI output alone has the NAT's address
    // and the endpoint name; every other input says it does not.
    let says_nat_ip = |i: &Imported| has_note(i, NoteKind::Dropped, "elastic IP");
    assert!(!says_nat_ip(&imported[0]) && !says_nat_ip(&imported[1]));
    assert!(says_nat_ip(&imported[2]) && says_nat_ip(&imported[3]));
    // The notes every input shares: the parts no input holds.
    let shared: Vec<BTreeSet<String>> = imported
        .iter()
        .map(|i| {
            i.notes
                .iter()
                .filter(|n| n.kind == NoteKind::Synthesised)
                .map(|n| n.text.en())
                .filter(|t| t.contains("AWS-managed VPC") || t.contains("private hosted zone"))
                .collect()
        })
        .collect();
    for s in &shared {
        assert_eq!(s, &shared[0]);
        assert_eq!(s.len(), 2);
    }
}

#[test]
fn json_templates_and_cloudformation_defaults() {
    let t = r#"{
      "AWSTemplateFormatVersion": "2010-09-09",
      "Resources": {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "A": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"},
              "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "eu-west-1a"}},
        "Acl": {"Type": "AWS::EC2::NetworkAcl", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "In": {"Type": "AWS::EC2::NetworkAclEntry", "Properties": {"NetworkAclId": {"Ref": "Acl"},
               "RuleNumber": 100, "Protocol": 6, "RuleAction": "allow", "Egress": false,
               "CidrBlock": "10.0.0.0/16", "PortRange": {"From": 443, "To": 443}}},
        "AclA": {"Type": "AWS::EC2::SubnetNetworkAclAssociation",
                 "Properties": {"SubnetId": {"Ref": "A"}, "NetworkAclId": {"Ref": "Acl"}}},
        "Eks": {"Type": "AWS::EKS::Cluster", "Properties": {"Name": "c",
                "ResourcesVpcConfig": {"SubnetIds": [{"Ref": "A"}],
                                       "SecurityGroupIds": [{"Fn::ImportValue": "shared-sg"}]}}}
      }
    }"#;
    let i = template("stack.json", t).unwrap();
    let d = &i.design;
    assert_valid(d);
    // DNS hostnames off by default in CloudFormation, which the notes say.
    assert!(has_note(&i, NoteKind::Assumed, "DNS hostnames off"));
    // No route table: the main one, local route only.
    assert!(has_note(&i, NoteKind::Assumed, "main table"));
    assert_eq!(default_route(subnet(d, "A")), None);
    // The integer ACL protocol reads as TCP.
    let acl = d.network_acls.iter().find(|a| a.id == "Acl").unwrap();
    assert!(
        acl.inbound
            .iter()
            .any(|r| r.protocol == Protocol::Tcp && r.ports == (443, 443) && r.number == 100),
        "{acl:?}"
    );
    assert_eq!(subnet(d, "A").network_acl.as_deref(), Some("Acl"));
    // A value from another stack is unknown and said so, never invented.
    assert!(d.cluster.security_group_ids.is_empty());
    assert!(
        has_note(&i, NoteKind::Dropped, "another stack"),
        "{:?}",
        i.notes
    );
    // Endpoint defaults: public on, private off.
    assert!(d.cluster.endpoint_public_access && !d.cluster.endpoint_private_access);
}

#[test]
fn a_false_condition_leaves_its_resources_out() {
    let text = std::fs::read_to_string(fixture("cloudformation/cluster.yaml"))
        .unwrap()
        .replace("    Default: single", "    Default: none");
    let i = template("cluster.yaml", &text).unwrap();
    assert_eq!(i.design.of_kind(KindName::Nat).count(), 0);
    assert_eq!(default_route(subnet(&i.design, "PrivateSubnetA")), None);
}

#[test]
fn bad_cloudformation_input_is_refused_with_the_place() {
    // Broken YAML and JSON: line and column.
    let e = template(
        "t.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Vpc: {Type: AWS::EC2::VPC\n",
    )
    .unwrap_err();
    assert!(matches!(e, ImportError::Syntax { .. }), "{e}");
    assert!(e.to_string().starts_with("t.yaml:"), "{e}");
    let e = template(
        "t.json",
        "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n \"Resources\": {]}\n",
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("t.json:2:"), "{e}");
    // Deep nesting of tagged nodes ends in an error, not a stack overflow.
    let deep = format!(
        "AWSTemplateFormatVersion: x\nResources:\n  A: {{Type: AWS::EC2::VPC, Properties: {{X: {}{}}}}}\n",
        "!Ref [".repeat(5000),
        "]".repeat(5000)
    );
    let e = template("t.yaml", &deep).unwrap_err();
    assert!(e.to_string().contains("nests deeper"), "{e}");
    // A template without anything to draw.
    let e = template(
        "t.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket: {Type: AWS::S3::Bucket}\n",
    )
    .unwrap_err();
    assert!(e.to_string().contains("no EC2 or EKS resources"), "{e}");
    // A template of another cloud is not taken for AWS input.
    let e = template(
        "azure.json",
        r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "resources": [{"type": "Microsoft.Network/virtualNetworks"}]}"#,
    )
    .unwrap_err();
    assert!(matches!(e, ImportError::NotRecognised { .. }), "{e}");
    assert!(e.to_string().contains("Azure"), "{e}");
    // A VPC but no cluster.
    let e = template(
        "t.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n",
    )
    .unwrap_err();
    assert!(e.to_string().contains("no EKS cluster"), "{e}");
}

#[test]
fn vpn_gateways_transit_gateways_and_peerings_of_a_template_are_attached() {
    let t = r"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16, EnableDnsHostnames: true}}
  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}}
  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}
  VgwAttach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, VpnGatewayId: !Ref Vgw}}
  Hub: {Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: {TransitGatewayId: tgw-0123456789abcdef0, VpcId: !Ref Vpc, SubnetIds: [!Ref A]}}
  Peer: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: vpc-0ffffffffffffffff}}
  Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  ToOffice: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 192.168.0.0/16, GatewayId: !Ref Vgw}}
  ToHub: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 10.50.0.0/16, TransitGatewayId: tgw-0123456789abcdef0}}
  ToPeer: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 10.60.0.0/16, VpcPeeringConnectionId: !Ref Peer}}
  Assoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref A, RouteTableId: !Ref Rt}}
  Eks: {Type: AWS::EKS::Cluster, Properties: {Name: c, ResourcesVpcConfig: {SubnetIds: [!Ref A], EndpointPublicAccess: false, EndpointPrivateAccess: true}}}";
    let i = template("hub.yaml", t).unwrap();
    let d = &i.design;
    assert_valid(d);
    for (id, kind, target) in [
        ("Vgw", KindName::Vpn, "192.168.0.0/16"),
        ("tgw-0123456789abcdef0", KindName::Tgw, "10.50.0.0/16"),
        ("Peer", KindName::Peering, "10.60.0.0/16"),
    ] {
        assert_eq!(d.component(id).unwrap().kind.name(), kind, "{id}");
        assert!(
            d.connections.iter().any(|l| l.from == "Vpc" && l.to == id),
            "{id}"
        );
        assert!(
            subnet(d, "A")
                .routes
                .iter()
                .any(|r| r.target == id && r.destination == target),
            "{id}"
        );
    }
}

#[test]
fn id_attributes_and_empty_egress_lists_read_as_aws_does() {
    let t = r"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16, EnableDnsHostnames: true}}
  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !GetAtt Vpc.VpcId, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}}
  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1b}}
  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: x, VpcId: !Ref Vpc, SecurityGroupEgress: []}}
  Eks: {Type: AWS::EKS::Cluster, Properties: {Name: c, ResourcesVpcConfig: {SubnetIds: [!GetAtt A.SubnetId, !Ref B], SecurityGroupIds: [!GetAtt Sg.GroupId]}}}";
    let i = template("ids.yaml", t).unwrap();
    let d = &i.design;
    assert_valid(d);
    assert_eq!(d.component("A").unwrap().parent.as_deref(), Some("Vpc"));
    assert_eq!(d.cluster.subnet_ids, ["A", "B"]);
    let sg = d.security_groups.iter().find(|g| g.id == "Sg").unwrap();
    assert!(
        sg.egress
            .iter()
            .any(|r| r.peer == Peer::Cidr("0.0.0.0/0".to_owned())),
        "an empty list is no egress rule: AWS's allow-all stays"
    );
    // A cluster whose subnets are unknown offline: said, with the subnets.
    let e = template(
        "p.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nParameters: {Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}}\nResources:\n  Eks: {Type: AWS::EKS::Cluster, Properties: {ResourcesVpcConfig: {SubnetIds: !Ref Subnets}}}\n",
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("the cluster's VPC is not known"),
        "{e}"
    );
}
