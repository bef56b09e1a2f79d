//! Tests of `engine/mod.rs`.

use super::*;
use crate::io::PRESETS;

fn flow<'a>(a: &'a Analysis, kind: FlowKind, src: &str) -> &'a FlowResult {
    a.flows
        .iter()
        .find(|f| f.flow == kind && (f.source == src || f.target == src))
        .unwrap()
}

fn kinds(f: &FlowResult) -> Vec<&'static str> {
    f.hops.iter().map(|h| h.kind.as_str()).collect()
}

#[test]
fn the_public_private_preset_matches_the_story() {
    let (d, _) = PRESETS[1].load().unwrap();
    let a = analyze(&d, None);
    assert!(a.errors.is_empty(), "{:?}", a.errors);
    let k = flow(&a, FlowKind::KubeletToApi, "node-a");
    assert!(k.reachable);
    assert_eq!(k.exposure, Some(Exposure::None));
    assert_eq!(k.dns, Some(DnsVia::PrivateHostedZone));
    assert_eq!(kinds(k), ["node", "eks_eni", "api_server"]);
    let u = flow(&a, FlowKind::KubectlToApi, "user");
    assert_eq!(kinds(u), ["client", "nlb", "api_server"]);
    assert_eq!(u.exposure, Some(Exposure::Internet));
}

#[test]
fn mode_override_changes_the_kubelet_path() {
    let (d, _) = PRESETS[1].load().unwrap();
    let a = analyze(&d, Some(EndpointMode::Public));
    let k = flow(&a, FlowKind::KubeletToApi, "node-a");
    assert_eq!(kinds(k), ["node", "nat", "igw", "nlb", "api_server"]);
    assert_eq!(k.exposure, Some(Exposure::AwsPublic));
    // The design itself is untouched.
    assert!(d.cluster.endpoint_private_access);
}

#[test]
fn both_endpoints_off_blocks_everything() {
    let (mut d, _) = PRESETS[1].load().unwrap();
    d.cluster.endpoint_public_access = false;
    d.cluster.endpoint_private_access = false;
    let a = analyze(&d, None);
    assert!(
        a.flows
            .iter()
            .all(|f| !f.reachable && f.code == Some(Code::CfgNoEndpointEnabled))
    );
}

#[test]
fn a_blocked_reason_names_the_public_endpoint_once() {
    let (mut d, _) = PRESETS[0].load().unwrap();
    // No route out of node-a's subnet, and an NLB whose addresses are not known.
    for c in &mut d.components {
        match &mut c.kind {
            crate::model::ComponentKind::Subnet(s) if c.id == "subnet-private-a" => {
                s.routes.retain(|r| r.target == crate::model::LOCAL_TARGET);
            }
            crate::model::ComponentKind::Nlb(n) => n.public_ips.clear(),
            _ => {}
        }
    }
    let a = analyze(&d, None);
    let k = flow(&a, FlowKind::KubeletToApi, "node-a");
    assert_eq!(k.code, Some(Code::NoRouteToPublicEndpoint), "{}", k.reason);
    assert!(
        k.reason.en().ends_with("cannot reach the public endpoint"),
        "{}",
        k.reason
    );
    assert!(
        !k.reason
            .en()
            .contains("the public endpoint the public endpoint"),
        "{}",
        k.reason
    );
}

#[test]
fn security_groups_are_named_as_a_list() {
    use super::path::sg_list;
    use crate::i18n::Lang;
    let en = |l: &str| sg_list(l, false).in_lang(Lang::En);
    assert_eq!(en("node-sg"), "security group node-sg");
    assert_eq!(
        en("cluster-sg, module-sg"),
        "security groups cluster-sg and module-sg"
    );
    assert_eq!(en("a, b, c"), "security groups a, b and c");
    assert_eq!(sg_list("a, b", false).in_lang(Lang::Ko), "보안 그룹 a, b");
}

#[test]
fn a_fix_changes_the_group_the_design_defines_not_the_aws_default() {
    // The node carries a group the design does not define (made outside it) first and the
    // team's own second: the message lists both, and the rule goes into the team's.
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/d09.ron");
    let (mut d, _) = crate::io::load(&path).unwrap();
    if let crate::model::ComponentKind::Node(n) = &mut d.component_mut("node-a").unwrap().kind {
        n.security_groups.insert(0, "outside-sg".to_owned());
    }
    let a = super::analyze(&d, None);
    let f = a
        .flows
        .iter()
        .find(|f| f.code == Some(super::Code::NodeSgNo10250Ingress))
        .unwrap();
    assert!(
        f.reason
            .en()
            .contains("security groups outside-sg and node-sg block TCP 10250"),
        "{}",
        f.reason
    );
    assert!(
        f.fix
            .as_ref()
            .map(crate::i18n::Msg::en)
            .as_deref()
            .unwrap()
            .ends_with("in node-sg"),
        "{:?}",
        f.fix
    );
}

#[test]
fn a_rule_goes_into_a_group_the_design_has_or_the_cluster_default_only() {
    use super::fix::Direction;
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/d09.ron");
    let (d, _) = crate::io::load(&path).unwrap();
    let rule = |group: &str| super::FixEdit::AddSgRule {
        group: group.to_owned(),
        direction: Direction::Ingress,
        port: 10250,
        peer: "cluster-sg".to_owned(),
        peer_is_group: true,
    };
    assert!(rule("node-sg").edits(&d).is_ok());
    // A group the design does not define is not made up with the cluster group's rules.
    let err = rule("outside-sg").edits(&d).unwrap_err();
    assert!(err.contains("outside-sg"), "{err}");
    // The AWS default cluster group may be written out to take the rule.
    let default = d.cluster.cluster_security_group.clone();
    if d.security_groups.iter().all(|g| g.id != default) {
        assert!(rule(&default).edits(&d).is_ok());
    }
}

#[test]
fn addresses_are_written_as_std_writes_them() {
    for a in [
        [0, 0, 0, 0],
        [10, 0, 11, 20],
        [198, 51, 100, 10],
        [255, 255, 255, 255],
        [1, 20, 100, 9],
        [100, 10, 1, 200],
    ] {
        let ip = std::net::Ipv4Addr::from(a);
        assert_eq!(super::path::ip_text(ip), ip.to_string());
    }
}
