//! The worked scenarios of domain.md §3, one fixture each, with every flow's verdict.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use std::path::PathBuf;

use eksplain::engine::{Analysis, FlowKind, FlowResult, analyze};
use eksplain::io;

#[derive(Clone, Copy)]
/// One expected flow: `flow source verdict exposure dns hops`, written compactly:
/// verdict is `ok` or `CODE@blocked_at` (or `CODE@-` when no component blocks).
struct Expect {
    flow: FlowKind,
    source: &'static str,
    verdict: &'static str,
    exposure: Option<&'static str>,
    dns: Option<&'static str>,
    hops: &'static str,
}

const A: FlowKind = FlowKind::KubectlToApi;
const B: FlowKind = FlowKind::ApiToKubelet;
const C: FlowKind = FlowKind::KubeletToApi;

const fn e(
    flow: FlowKind,
    source: &'static str,
    verdict: &'static str,
    exposure: Option<&'static str>,
    dns: Option<&'static str>,
    hops: &'static str,
) -> Expect {
    Expect {
        flow,
        source,
        verdict,
        exposure,
        dns,
        hops,
    }
}

const NONE: Option<&str> = Some("none");
const AWS: Option<&str> = Some("aws_public");
const INET: Option<&str> = Some("internet");
const PUB: Option<&str> = Some("public_dns");
const PHZ: Option<&str> = Some("private_hosted_zone");
const FWD: Option<&str> = Some("forwarded");
/// Flow (b) in every mode: API server → EKS-owned ENI → node.
const B_STD: Expect = e(B, "node-a", "ok", NONE, None, "api_server eks_eni node");
const LAPTOP_PUBLIC: Expect = e(A, "laptop", "ok", INET, PUB, "client nlb api_server");
const C_NAT: Expect = e(C, "node-a", "ok", AWS, PUB, "node nat igw nlb api_server");
const C_PHZ: Expect = e(C, "node-a", "ok", NONE, PHZ, "node eks_eni api_server");

fn load(name: &str) -> Analysis {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scenarios")
        .join(format!("{name}.ron"));
    let (design, warnings) = io::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(warnings.is_empty(), "{name}: {warnings:?}");
    analyze(&design, None)
}

fn find<'a>(a: &'a Analysis, x: &Expect) -> &'a FlowResult {
    a.flows
        .iter()
        .find(|f| {
            f.flow == x.flow && (f.source == x.source || (x.flow == B && f.target == x.source))
        })
        .unwrap_or_else(|| panic!("no {:?} flow for {}", x.flow, x.source))
}

fn check(name: &str, expected: &[Expect], warnings: &[&str]) {
    let a = load(name);
    for x in expected {
        let f = find(&a, x);
        let ctx = format!("{name} {:?} {}", x.flow, x.source);
        let verdict = if f.reachable {
            "ok".to_owned()
        } else {
            format!(
                "{}@{}",
                f.code.map_or("?", eksplain::engine::Code::as_str),
                f.blocked_at.as_deref().unwrap_or("-")
            )
        };
        assert_eq!(verdict, x.verdict, "{ctx}: {}", f.reason);
        assert_eq!(
            f.exposure.map(eksplain::engine::Exposure::json_name),
            x.exposure,
            "{ctx}"
        );
        assert_eq!(
            f.dns.map(eksplain::engine::DnsVia::json_name),
            x.dns,
            "{ctx}"
        );
        let hops: Vec<&str> = f.hops.iter().map(|h| h.kind.as_str()).collect();
        assert_eq!(hops.join(" "), x.hops, "{ctx}");
        assert!(!f.steps.is_empty() && !f.reason.en().is_empty(), "{ctx}");
        assert!(f.reachable == f.code.is_none(), "{ctx}");
    }
    let mut codes: Vec<&str> = a.warnings.iter().map(|w| w.code.as_str()).collect();
    codes.sort_unstable();
    let mut want = warnings.to_vec();
    want.sort_unstable();
    assert_eq!(codes, want, "{name} warnings");
}

#[test]
fn d01_public_nat() {
    check("d01", &[LAPTOP_PUBLIC, B_STD, C_NAT], &["W_PUBLIC_OPEN"]);
}

#[test]
fn d02_public_node_with_public_ip() {
    let c = e(C, "node-a", "ok", AWS, PUB, "node igw nlb api_server");
    check(
        "d02",
        &[LAPTOP_PUBLIC, B_STD, c],
        &["W_PUBLIC_OPEN", "W_NODE_PUBLIC_IP"],
    );
}

#[test]
fn d03_public_without_nat() {
    let c = e(
        C,
        "node-a",
        "NO_ROUTE_TO_PUBLIC_ENDPOINT@subnet-private-a",
        None,
        PUB,
        "node",
    );
    check(
        "d03",
        &[LAPTOP_PUBLIC, B_STD, c],
        &["W_PUBLIC_OPEN", "W_NODE_NO_AWS_API_EGRESS"],
    );
}

#[test]
fn d04_public_subnet_without_public_ip() {
    let c = e(
        C,
        "node-a",
        "IGW_PATH_WITHOUT_PUBLIC_IP@igw",
        None,
        PUB,
        "node igw",
    );
    check(
        "d04",
        &[LAPTOP_PUBLIC, B_STD, c],
        &["W_PUBLIC_OPEN", "W_NODE_NO_AWS_API_EGRESS"],
    );
}

#[test]
fn d05_cidrs_without_nat_eip() {
    let c = e(
        C,
        "node-a",
        "SOURCE_NOT_IN_PUBLIC_ACCESS_CIDRS@nlb",
        None,
        PUB,
        "node nat igw nlb",
    );
    check("d05", &[LAPTOP_PUBLIC, B_STD, c], &[]);
    let a = load("d05");
    let f = a.flows.iter().find(|f| f.flow == C).unwrap();
    assert!(f.reason.en().contains("198.51.100.10"), "{}", f.reason);
}

#[test]
fn d06_cidrs_with_nat_eip() {
    check("d06", &[LAPTOP_PUBLIC, B_STD, C_NAT], &[]);
}

#[test]
fn d07_public_bastion() {
    let a = e(A, "bastion", "ok", AWS, PUB, "client igw nlb api_server");
    check("d07", &[a, B_STD, C_NAT], &["W_PUBLIC_OPEN"]);
}

#[test]
fn d08_public_on_prem_uses_internet_egress() {
    let a = e(A, "admin", "ok", INET, PUB, "client nlb api_server");
    check("d08", &[a, B_STD, C_NAT], &["W_PUBLIC_OPEN"]);
}

#[test]
fn d10_dns_hostnames_off() {
    check(
        "d10",
        &[LAPTOP_PUBLIC, B_STD, C_NAT],
        &["W_PUBLIC_OPEN", "W_VPC_DNS_HOSTNAMES_OFF"],
    );
}

#[test]
fn d11_public_private() {
    check("d11", &[LAPTOP_PUBLIC, B_STD, C_PHZ], &["W_PUBLIC_OPEN"]);
}

#[test]
fn d12_no_nat_no_endpoints() {
    check(
        "d12",
        &[LAPTOP_PUBLIC, B_STD, C_PHZ],
        &["W_PUBLIC_OPEN", "W_NODE_NO_AWS_API_EGRESS"],
    );
}

#[test]
fn d13_public_private_node_with_public_ip() {
    check(
        "d13",
        &[LAPTOP_PUBLIC, B_STD, C_PHZ],
        &["W_PUBLIC_OPEN", "W_NODE_PUBLIC_IP"],
    );
}

#[test]
fn d14_private_access_fixes_d05() {
    check("d14", &[LAPTOP_PUBLIC, B_STD, C_PHZ], &[]);
}

#[test]
fn d15_admin_host_in_private_subnet() {
    let a = e(A, "bastion", "ok", NONE, PHZ, "client eks_eni api_server");
    check("d15", &[a, B_STD, C_PHZ], &["W_PUBLIC_OPEN"]);
}

#[test]
fn d16_on_prem_without_forwarding_takes_the_public_path() {
    let a = e(A, "admin", "ok", INET, PUB, "client nlb api_server");
    check("d16", &[a, B_STD, C_PHZ], &["W_PUBLIC_OPEN"]);
}

#[test]
fn d17_on_prem_with_forwarding() {
    let a = e(
        A,
        "admin",
        "ok",
        NONE,
        FWD,
        "client vpn tgw eks_eni api_server",
    );
    check("d17", &[a, B_STD, C_PHZ], &["W_PUBLIC_OPEN"]);
}

#[test]
fn d18_custom_dhcp_dns() {
    let a = e(
        A,
        "bastion",
        "ok",
        AWS,
        PUB,
        "client nat igw nlb api_server",
    );
    check(
        "d18",
        &[a, B_STD, C_NAT],
        &["W_PUBLIC_OPEN", "DNS_PHZ_NOT_APPLIED"],
    );
}

#[test]
fn d19_private_laptop() {
    let a = e(
        A,
        "laptop",
        "NO_ROUTE_TO_PRIVATE_ENDPOINT@laptop",
        None,
        PUB,
        "client",
    );
    check("d19", &[a, B_STD, C_PHZ], &[]);
    let an = load("d19");
    assert_eq!(
        an.flows[0].dns_answer,
        Some(eksplain::engine::DnsAnswer::EniPrivateIps)
    );
}

#[test]
fn d20_private_bastion() {
    let a = e(A, "bastion", "ok", NONE, PHZ, "client eks_eni api_server");
    check("d20", &[a, B_STD, C_PHZ], &[]);
}

#[test]
fn d22_private_on_prem() {
    let a = e(
        A,
        "admin",
        "ok",
        NONE,
        PUB,
        "client vpn tgw eks_eni api_server",
    );
    check("d22", &[a, B_STD, C_PHZ], &[]);
}

#[test]
fn d23_private_peered_vpc() {
    let a = e(
        A,
        "peer-host",
        "ok",
        NONE,
        PUB,
        "client peering eks_eni api_server",
    );
    check("d23", &[a, B_STD, C_PHZ], &[]);
}

#[test]
fn d24_private_with_vpc_endpoints() {
    let a = e(A, "bastion", "ok", NONE, PHZ, "client eks_eni api_server");
    check("d24", &[a, B_STD, C_PHZ], &[]);
}

#[test]
fn d25_private_node_with_public_ip() {
    let a = e(A, "bastion", "ok", NONE, PHZ, "client eks_eni api_server");
    check("d25", &[a, B_STD, C_PHZ], &["W_NODE_PUBLIC_IP"]);
}

#[test]
fn d26_legacy_private_cluster() {
    let bastion = e(A, "bastion", "ok", NONE, PHZ, "client eks_eni api_server");
    let admin = e(
        A,
        "admin",
        "DNS_NO_PUBLIC_RECORD@admin",
        None,
        None,
        "client",
    );
    check("d26", &[bastion, admin, B_STD, C_PHZ], &[]);
}

#[test]
fn d27_node_outside_cluster_subnets() {
    check("d27", &[LAPTOP_PUBLIC, B_STD, C_PHZ], &["W_PUBLIC_OPEN"]);
}

#[test]
fn d28_young_cidr() {
    check(
        "d28",
        &[LAPTOP_PUBLIC, B_STD, C_PHZ],
        &["W_PUBLIC_OPEN", "CIDR_NOT_YET_RECONCILED"],
    );
}

#[test]
fn d29_no_endpoint() {
    let code = "CFG_NO_ENDPOINT_ENABLED@-";
    check(
        "d29",
        &[
            e(A, "laptop", code, None, None, "client"),
            e(B, "node-a", code, None, None, "api_server"),
            e(C, "node-a", code, None, None, "node"),
        ],
        &[],
    );
    assert_eq!(load("d29").errors[0].code, "CFG_NO_ENDPOINT_ENABLED");
}

#[test]
fn d30_hybrid_node() {
    let c = e(C, "hybrid-1", "ok", INET, PUB, "node nlb api_server");
    let b = e(
        B,
        "hybrid-1",
        "NODE_OUTSIDE_CLUSTER_VPC@hybrid-1",
        None,
        None,
        "api_server",
    );
    check(
        "d30",
        &[LAPTOP_PUBLIC, B_STD, C_PHZ, c, b],
        &["W_PUBLIC_OPEN", "W_HYBRID_PUBPRIV"],
    );
}

#[test]
fn every_fixture_has_a_test() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "ron").then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    // Every scenario of domain.md §3 (D09w adds a webhook port to D09), and x01–x04 for
    // return routes, ACL denies and SG egress.
    let tested = [
        "d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09", "d09w", "d10", "d11", "d12",
        "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21", "d22", "d23", "d24", "d25",
        "d26", "d27", "d28", "d29", "d30", "t01", "t02", "t03", "t04", "t05", "x01", "x02", "x03",
        "x04", "x05", "x06",
    ];
    assert_eq!(names, tested);
}

#[test]
fn d09_self_managed_node_without_10250() {
    let b = e(
        B,
        "node-a",
        "NODE_SG_NO_10250_INGRESS@node-a",
        None,
        None,
        "api_server eks_eni node",
    );
    check("d09", &[LAPTOP_PUBLIC, b, C_NAT], &["W_PUBLIC_OPEN"]);
    let a = load("d09");
    let f = a.flows.iter().find(|f| f.flow == B).unwrap();
    assert_eq!(
        f.fix.as_ref().map(eksplain::i18n::Msg::en).as_deref(),
        Some("allow TCP 10250 from sg cluster-sg in node-sg")
    );
    assert!(f.reason.en().contains("kubectl logs"), "{}", f.reason);
}

#[test]
fn d09w_webhook_port_blocked() {
    // Each port is its own flow: kubelet's 10250 gets through (logs and exec work), the
    // webhook port 9443 does not.
    check("d09w", &[LAPTOP_PUBLIC, B_STD, C_NAT], &["W_PUBLIC_OPEN"]);
    let a = load("d09w");
    let ports: Vec<(u16, bool)> = a
        .flows
        .iter()
        .filter(|f| f.flow == B)
        .map(|f| (f.port, f.reachable))
        .collect();
    assert_eq!(ports, [(10250, true), (9443, false)]);
    let kubelet = a
        .flows
        .iter()
        .find(|f| f.flow == B && f.port == 10250)
        .unwrap();
    let node = kubelet.hops.iter().find(|h| h.id == "node-a").unwrap();
    assert_eq!(
        node.rules,
        ["node-sg ingress: TCP 10250 from sg cluster-sg"]
    );
    let f = a
        .flows
        .iter()
        .find(|f| f.flow == B && f.port == 9443)
        .unwrap();
    assert_eq!(
        f.code.map(eksplain::engine::Code::as_str),
        Some("NODE_SG_NO_WEBHOOK_INGRESS")
    );
    assert_eq!(f.blocked_at.as_deref(), Some("node-a"));
    assert!(f.reason.en().contains("TCP 9443"), "{}", f.reason);
    let hops: Vec<&str> = f.hops.iter().map(|h| h.kind.as_str()).collect();
    assert_eq!(hops, ["api_server", "eks_eni", "node"]);
    // Every flow says its port in JSON.
    let json = eksplain::engine::report::to_json("d09w.ron", &a);
    let ports: Vec<u64> = json["flows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["port"].as_u64().unwrap())
        .collect();
    assert_eq!(ports, [443, 10250, 9443, 443]);
}

#[test]
fn d21_bastion_without_443_rule() {
    let a = e(
        A,
        "bastion",
        "CLUSTER_SG_NO_443_INGRESS@eni-a",
        None,
        PHZ,
        "client eks_eni",
    );
    check("d21", &[a, B_STD, C_PHZ], &[]);
    let an = load("d21");
    assert_eq!(
        an.flows[0]
            .fix
            .as_ref()
            .map(eksplain::i18n::Msg::en)
            .as_deref(),
        Some("allow TCP 443 from sg bastion-sg in cluster-sg")
    );
}

#[test]
fn x01_no_return_route() {
    let a = e(
        A,
        "admin",
        "NO_RETURN_ROUTE@subnet-private-a",
        None,
        PUB,
        "client vpn tgw eks_eni",
    );
    check("x01", &[a, B_STD, C_PHZ], &[]);
    let an = load("x01");
    assert_eq!(
        an.flows[0]
            .fix
            .as_ref()
            .map(eksplain::i18n::Msg::en)
            .as_deref(),
        Some("add a route 172.16.0.0/12 → tgw to the route table of subnet-private-a")
    );
}

#[test]
fn x02_acl_denies_443_to_the_nlb() {
    let c = e(C, "node-a", "NACL_DENY@subnet-private-a", None, PUB, "node");
    check("x02", &[LAPTOP_PUBLIC, B_STD, c], &["W_PUBLIC_OPEN"]);
    let an = load("x02");
    let f = an.flows.iter().find(|f| f.flow == C).unwrap();
    assert!(
        f.reason
            .en()
            .contains("rule 100 (deny TCP 443 198.51.100.0/24)"),
        "{}",
        f.reason
    );
}

#[test]
fn x03_sg_egress_only_inside_the_vpc() {
    let c = e(C, "node-a", "SG_EGRESS_DENY@node-a", None, PUB, "node");
    check("x03", &[LAPTOP_PUBLIC, B_STD, c], &["W_PUBLIC_OPEN"]);
}

#[test]
fn x04_acl_without_ephemeral_ports() {
    let a = e(
        A,
        "bastion",
        "NACL_DENY@subnet-private-a",
        None,
        PHZ,
        "client eks_eni",
    );
    check("x04", &[a, B_STD, C_PHZ], &[]);
    let an = load("x04");
    assert!(
        an.flows[0].reason.en().contains("32768-60999"),
        "{}",
        an.flows[0].reason
    );
}

#[test]
fn x05_auto_assigned_public_ip() {
    // No public IP written, but the public subnet maps one on launch: the node has one, and
    // kubelet leaves through the internet gateway from it.
    let c = e(C, "node-a", "ok", AWS, PUB, "node igw nlb api_server");
    check(
        "x05",
        &[LAPTOP_PUBLIC, B_STD, c],
        &["W_PUBLIC_OPEN", "W_NODE_PUBLIC_IP"],
    );
    let a = load("x05");
    let f = a.flows.iter().find(|f| f.flow == C).unwrap();
    assert!(
        f.steps
            .iter()
            .any(|s| s.text.en().contains("auto-assigns at launch")),
        "{:?}",
        f.steps
    );
    let w = a
        .warnings
        .iter()
        .find(|w| w.code == "W_NODE_PUBLIC_IP")
        .unwrap();
    assert!(w.message.en().contains("auto-assigned"), "{}", w.message);
    // Unless the design says the node was launched without one.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/x05.ron");
    let (mut d, _) = io::load(&path).unwrap();
    if let eksplain::model::ComponentKind::Node(n) = &mut d.component_mut("node-a").unwrap().kind {
        n.no_public_ip = true;
    }
    let a = analyze(&d, None);
    let f = a.flows.iter().find(|f| f.flow == C).unwrap();
    assert_eq!(
        f.code.map(eksplain::engine::Code::as_str),
        Some("IGW_PATH_WITHOUT_PUBLIC_IP")
    );
    // With the public access CIDRs narrowed, an address nobody knows is allowed by no CIDR.
    let (mut d, _) = io::load(&path).unwrap();
    d.cluster.public_access_cidrs = vec!["203.0.113.0/24".into()];
    let f = analyze(&d, None)
        .flows
        .into_iter()
        .find(|f| f.flow == C)
        .unwrap();
    assert_eq!(
        f.code.map(eksplain::engine::Code::as_str),
        Some("SOURCE_NOT_IN_PUBLIC_ACCESS_CIDRS")
    );
}

#[test]
fn allowed_hops_name_their_rules() {
    let a = load("d20");
    let f = a.flows.iter().find(|f| f.flow == A).unwrap();
    let eni = f.hops.iter().find(|h| h.id == "eni-a").unwrap();
    assert_eq!(
        eni.rules,
        ["cluster-sg ingress: TCP 443 from sg bastion-sg"]
    );
    let src = f.hops.first().unwrap();
    assert_eq!(src.rules, ["bastion-sg egress: all traffic to 0.0.0.0/0"]);
}

#[test]
fn inferred_rules_say_so() {
    let a = load("d18");
    let w = a
        .warnings
        .iter()
        .find(|w| w.code == "DNS_PHZ_NOT_APPLIED")
        .unwrap();
    assert!(w.message.en().contains("inferred"), "{}", w.message);
}

/// D22 with transit gateway route tables and what the VPN carries: the office admin's
/// kubectl through VPN and TGW, both ways.
const ADMIN_OK: Expect = e(
    A,
    "admin",
    "ok",
    NONE,
    PUB,
    "client vpn tgw eks_eni api_server",
);

#[test]
fn t01_tgw_route_tables_that_route_both_ways() {
    check("t01", &[ADMIN_OK, B_STD, C_PHZ], &[]);
}

#[test]
fn t02_tgw_table_without_a_route_to_the_vpc() {
    let a = e(A, "admin", "TGW_NO_ROUTE@tgw", None, PUB, "client vpn tgw");
    check("t02", &[a, B_STD, C_PHZ], &[]);
    let analysis = load("t02");
    let f = find(&analysis, &a);
    assert_eq!(
        f.fix.as_ref().map(eksplain::i18n::Msg::en).as_deref(),
        Some(
            "add a static route 10.0.0.0/16 → vpc to route table rtb-vpn (or propagate vpc into it)"
        )
    );
}

#[test]
fn t03_tgw_blackhole_drops_the_replies() {
    let a = e(
        A,
        "admin",
        "TGW_BLACKHOLE_ROUTE@tgw",
        None,
        PUB,
        "client vpn tgw eks_eni",
    );
    check("t03", &[a, B_STD, C_PHZ], &[]);
    let analysis = load("t03");
    let f = find(&analysis, &a);
    assert!(
        f.reason.en().contains("172.16.0.0/12 is a blackhole"),
        "{}",
        f.reason
    );
}

#[test]
fn t04_vpn_associated_with_the_wrong_tgw_table() {
    let a = e(A, "admin", "TGW_NO_ROUTE@tgw", None, PUB, "client vpn tgw");
    check("t04", &[a, B_STD, C_PHZ], &[]);
    let analysis = load("t04");
    let f = find(&analysis, &a);
    assert!(
        f.fix
            .as_ref()
            .map(eksplain::i18n::Msg::en)
            .as_deref()
            .is_some_and(
                |x| x.starts_with("associate the attachment of vpn with route table rtb-onprem")
            ),
        "{:?}",
        f.fix
    );
}

#[test]
fn t05_vpn_that_does_not_carry_the_admins_range() {
    let a = e(
        A,
        "admin",
        "ROUTE_NOT_CARRIED@vpn",
        None,
        PUB,
        "client vpn tgw eks_eni",
    );
    check("t05", &[a, B_STD, C_PHZ], &[]);
}

#[test]
fn x06_forwarding_to_a_vpc_resolver_that_is_off() {
    let a = e(
        A,
        "admin",
        "DNS_VPC_RESOLVER_DISABLED@vpc",
        None,
        None,
        "client",
    );
    let c = e(C, "node-a", "NODE_REQUIRES_VPC_DNS@vpc", None, None, "node");
    check("x06", &[a, B_STD, c], &["W_PUBLIC_OPEN"]);
    let analysis = load("x06");
    let f = find(&analysis, &a);
    assert!(
        f.reason.en().contains("forwards the query") && f.reason.en().contains("(inferred"),
        "{}",
        f.reason
    );
}

#[test]
fn inferred_rules_are_labelled_in_the_steps_that_use_them() {
    // (fixture, flow, source, what the step says)
    let cases = [
        (
            "d18",
            A,
            "bastion",
            "assumed to give the public answer; inferred",
        ),
        (
            "d08",
            A,
            "admin",
            "is not used: the endpoint name answers with a public address (inferred)",
        ),
        ("d22", A, "admin", "replies return the same way (inferred)"),
        (
            "d22",
            A,
            "admin",
            "(private connection; that it carries traffic from its remote ranges is inferred)",
        ),
        (
            "d15",
            A,
            "bastion",
            "no more specific route overrides it (inferred)",
        ),
        (
            "d19",
            A,
            "laptop",
            "(inferred: only a connected network can carry it there)",
        ),
    ];
    for (fixture, flow, source, text) in cases {
        let analysis = load(fixture);
        let f = find(&analysis, &e(flow, source, "", None, None, ""));
        assert!(
            f.steps.iter().any(|s| s.text.en().contains(text)),
            "{fixture} {source}: {:?}",
            f.steps.iter().map(|s| &s.text).collect::<Vec<_>>()
        );
    }
}

fn design(name: &str) -> eksplain::model::Design {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scenarios")
        .join(format!("{name}.ron"));
    io::load(&path).unwrap().0
}

#[test]
fn a_forwarded_query_without_the_private_zone_is_one_step() {
    let mut d = design("x06");
    let vpc = d.component_mut("vpc").unwrap();
    if let eksplain::model::ComponentKind::Vpc(v) = &mut vpc.kind {
        v.dns_support = true;
        v.dns_hostnames = false;
    }
    let a = analyze(&d, None);
    let f = find(&a, &e(A, "admin", "", None, None, ""));
    let dns: Vec<String> = f
        .steps
        .iter()
        .map(|s| s.text.en())
        .filter(|t| t.contains("forwards the query") || t.contains("looks up"))
        .collect();
    assert_eq!(dns.len(), 1, "{dns:?}");
    assert!(
        dns[0].contains(
            "(DNS hostnames off), it gives the public answer (inferred): the public NLB's addresses"
        ),
        "{}",
        dns[0]
    );
}

#[test]
fn a_peering_carries_nothing_on_beyond_its_vpcs() {
    // t01 with the VPN swapped for a peering: the office reaches the TGW through it.
    let mut d = design("t01");
    d.transit = eksplain::model::Transit::default();
    d.component_mut("vpn").unwrap().kind = eksplain::model::ComponentKind::Peering;
    let a = analyze(&d, None);
    let f = find(&a, &e(A, "admin", "", None, None, ""));
    assert_eq!(
        f.code.map(eksplain::engine::Code::as_str),
        Some("ROUTE_NOT_CARRIED"),
        "{}",
        f.reason
    );
    assert!(
        f.reason.en().contains("joins two VPCs only"),
        "{}",
        f.reason
    );
}

#[test]
fn tgw_routes_prefer_static_then_vpc_whatever_their_order() {
    // Two static routes to one CIDR are refused, so order cannot decide.
    let mut d = design("t03");
    let t = &mut d.transit.route_tables[0];
    t.routes.push(eksplain::model::Route {
        destination: "172.16.0.0/12".into(),
        target: "vpn".into(),
    });
    let problems = eksplain::model::validate(&d);
    assert!(
        problems.iter().any(|p| p
            .message
            .en()
            .contains("two static routes to 172.16.0.0/12")),
        "{problems:?}"
    );
    // A component may not be called blackhole.
    let mut d = design("t01");
    d.component_mut("vpn").unwrap().id = "blackhole".into();
    assert!(
        eksplain::model::validate(&d)
            .iter()
            .any(|p| p.message.en().contains("\"blackhole\" is reserved"))
    );
}

#[test]
fn listed_carried_ranges_are_not_hedged_and_dropped_replies_say_so() {
    let a = load("t01");
    let f = find(&a, &ADMIN_OK);
    assert!(
        f.steps
            .iter()
            .all(|s| !s.text.en().contains("is inferred)")),
        "{:?}",
        f.steps
    );
    let a = load("t03");
    let f = find(&a, &e(A, "admin", "", None, None, ""));
    assert!(
        f.reason.en().starts_with("The replies do not get back."),
        "{}",
        f.reason
    );
}
