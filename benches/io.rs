//! Load + validate and save of a large generated design.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests and benches fail loudly"
)]

use std::hint::black_box;

/// The allocator the app runs with (`src/main.rs`).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use eksplain::io;
use eksplain::model::generate::large_design;

fn io_benches(c: &mut Criterion) {
    let design = large_design(1000, 50, 20);
    let text = io::to_ron_string(&design).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    c.bench_function("parse+validate 1000 nodes", |b| {
        b.iter(|| io::parse_design(black_box(&text), Path::new("large.ron")).unwrap());
    });
    c.bench_function("load+validate 1000 nodes (file)", |b| {
        io::save(&design, &path).unwrap();
        b.iter(|| io::load(black_box(&path)).unwrap());
    });
    c.bench_function("serialize 1000 nodes", |b| {
        b.iter(|| io::to_ron_string(black_box(&design)).unwrap());
    });
    c.bench_function("save 1000 nodes (atomic, fsync)", |b| {
        b.iter(|| io::save(black_box(&design), &path).unwrap());
    });
}

/// A describe-* bundle of `instances` nodes over `subnets` private subnets in three zones
/// (plus one public subnet with the NAT gateway), as the AWS CLI prints it.
fn aws_bundle(instances: usize, subnets: usize) -> Vec<eksplain::import::Input> {
    use serde_json::json;
    let vpc = "vpc-0123456789abcdef0";
    let subnet_id = |i: usize| format!("subnet-{i:017x}");
    let mut subs = vec![json!({"SubnetId": "subnet-0fffffffffffffff0", "VpcId": vpc,
        "CidrBlock": "10.0.255.0/24", "AvailabilityZone": "eu-west-1a", "MapPublicIpOnLaunch": true})];
    for i in 0..subnets {
        subs.push(json!({"SubnetId": subnet_id(i), "VpcId": vpc, "CidrBlock": format!("10.0.{i}.0/24"),
            "AvailabilityZone": format!("eu-west-1{}", ["a", "b", "c"][i % 3]), "MapPublicIpOnLaunch": false}));
    }
    let mut instances_json = Vec::new();
    for n in 0..instances {
        let s = n % subnets;
        instances_json.push(json!({"InstanceId": format!("i-{n:017x}"), "SubnetId": subnet_id(s), "VpcId": vpc,
            "PrivateIpAddress": format!("10.0.{s}.{}", 10 + n / subnets), "State": {"Name": "running"},
            "SecurityGroups": [{"GroupId": "sg-0eeeeeeeeeeeeeee0"}],
            "Tags": [{"Key": "eks:cluster-name", "Value": "big"}, {"Key": "eks:nodegroup-name", "Value": "ng"}]}));
    }
    let docs = [
        json!({"cluster": {"name": "big", "endpoint": "https://ABC.gr7.eu-west-1.eks.amazonaws.com",
            "resourcesVpcConfig": {"subnetIds": [subnet_id(0), subnet_id(1)], "securityGroupIds": [],
                "clusterSecurityGroupId": "sg-0eeeeeeeeeeeeeee0", "vpcId": vpc,
                "endpointPublicAccess": true, "endpointPrivateAccess": true, "publicAccessCidrs": ["0.0.0.0/0"]}}}),
        json!({"Vpcs": [{"VpcId": vpc, "CidrBlock": "10.0.0.0/16"}]}),
        json!({"Subnets": subs}),
        json!({"InternetGateways": [{"InternetGatewayId": "igw-0aaaaaaaaaaaaaaa0", "Attachments": [{"VpcId": vpc, "State": "available"}]}]}),
        json!({"NatGateways": [{"NatGatewayId": "nat-0bbbbbbbbbbbbbbb0", "SubnetId": "subnet-0fffffffffffffff0", "VpcId": vpc,
            "State": "available", "NatGatewayAddresses": [{"PublicIp": "198.51.100.7", "IsPrimary": true}]}]}),
        json!({"RouteTables": [
            {"RouteTableId": "rtb-1", "VpcId": vpc, "Associations": [{"Main": false, "SubnetId": "subnet-0fffffffffffffff0"}],
             "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local"}, {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-0aaaaaaaaaaaaaaa0"}]},
            {"RouteTableId": "rtb-2", "VpcId": vpc, "Associations": [{"Main": true}],
             "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local"}, {"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-0bbbbbbbbbbbbbbb0"}]}]}),
        json!({"SecurityGroups": [{"GroupId": "sg-0eeeeeeeeeeeeeee0", "IpPermissions": [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": "sg-0eeeeeeeeeeeeeee0"}]}],
            "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}]}),
        json!({"NetworkInterfaces": [
            {"NetworkInterfaceId": "eni-0ccccccccccccccc1", "SubnetId": subnet_id(0), "VpcId": vpc, "Description": "Amazon EKS big", "PrivateIpAddress": "10.0.0.250", "Groups": [{"GroupId": "sg-0eeeeeeeeeeeeeee0"}]},
            {"NetworkInterfaceId": "eni-0ccccccccccccccc2", "SubnetId": subnet_id(1), "VpcId": vpc, "Description": "Amazon EKS big", "PrivateIpAddress": "10.0.1.250", "Groups": [{"GroupId": "sg-0eeeeeeeeeeeeeee0"}]}]}),
        json!({"Reservations": [{"Instances": instances_json}]}),
    ];
    docs.iter()
        .enumerate()
        .map(|(i, d)| eksplain::import::Input {
            path: format!("bundle-{i}.json").into(),
            text: serde_json::to_string_pretty(d).unwrap(),
        })
        .collect()
}

fn import_benches(c: &mut Criterion) {
    let inputs = aws_bundle(1000, 50);
    let imported = eksplain::import::import(&inputs, eksplain::import::Format::Auto).unwrap();
    assert_eq!(
        imported
            .design
            .of_kind(eksplain::model::KindName::Node)
            .count(),
        1000
    );
    c.bench_function(
        "import + layout, describe-* of 1000 instances, 50 subnets",
        |b| {
            b.iter(|| {
                eksplain::import::import(black_box(&inputs), eksplain::import::Format::Auto)
                    .unwrap()
            });
        },
    );
}

criterion_group!(benches, io_benches, import_benches);
criterion_main!(benches);
