//! Tests of `model/validate.rs`.

use super::*;
use crate::model::component::{Subnet, Vpc};
use crate::model::geom::{Point, Size};

fn comp(id: &str, parent: Option<&str>, kind: ComponentKind) -> Component {
    Component {
        source: String::new(),
        id: id.to_owned(),
        label: String::new(),
        parent: parent.map(str::to_owned),
        pos: Point::new(10.0, 10.0),
        size: Size::new(10.0, 10.0),
        kind,
    }
}

fn codes(d: &Design) -> Vec<&'static str> {
    validate(d).into_iter().map(|p| p.code).collect()
}

#[test]
fn subnet_outside_vpc_is_refused() {
    let mut d = Design::default();
    d.components.push(comp(
        "subnet-a",
        None,
        ComponentKind::Subnet(Subnet {
            cidr: "10.0.1.0/24".into(),
            az: "a".into(),
            ..Subnet::default()
        }),
    ));
    let problems = validate(&d);
    let p = problems
        .iter()
        .find(|p| p.code == "E_BAD_PLACEMENT")
        .unwrap();
    assert_eq!(p.component.as_deref(), Some("subnet-a"));
    assert!(
        p.message.en().contains("a subnet goes in VPC"),
        "{}",
        p.message
    );
}

#[test]
fn duplicate_ids_and_cycles_are_found() {
    let mut d = Design::default();
    d.components
        .push(comp("v", Some("w"), ComponentKind::Vpc(Vpc::default())));
    d.components
        .push(comp("w", Some("v"), ComponentKind::Vpc(Vpc::default())));
    d.components
        .push(comp("w", None, ComponentKind::Vpc(Vpc::default())));
    let c = codes(&d);
    assert!(c.contains(&"E_DUPLICATE_ID"));
    assert!(c.contains(&"E_CONTAINMENT_CYCLE"));
}

#[test]
fn bad_cidr_names_field() {
    let mut d = Design::default();
    d.components.push(comp(
        "vpc",
        None,
        ComponentKind::Vpc(Vpc {
            cidr_blocks: vec!["10.0.0.0/99".into()],
            ..Vpc::default()
        }),
    ));
    let p = validate(&d);
    assert_eq!(p[0].code, "E_BAD_CIDR");
    assert_eq!(p[0].field.as_deref(), Some("cidr_blocks[0]"));
}

#[test]
fn security_references_are_checked() {
    use crate::model::security::{AclRule, NetworkAcl, Peer, Protocol, SecurityGroup, SgRule};
    let mut d = Design::default();
    d.components
        .push(comp("vpc", None, ComponentKind::Vpc(Vpc::default())));
    let mut subnet = comp(
        "s",
        Some("vpc"),
        ComponentKind::Subnet(Subnet {
            cidr: "10.0.1.0/24".into(),
            az: "a".into(),
            network_acl: Some("missing-acl".into()),
            ..Subnet::default()
        }),
    );
    subnet.size = Size::new(5.0, 5.0);
    d.components.push(subnet);
    d.security_groups.push(SecurityGroup {
        source: String::new(),
        id: "sg-a".into(),
        description: String::new(),
        ingress: vec![SgRule {
            protocol: Protocol::Tcp,
            ports: (500, 400),
            peer: Peer::Sg("sg-missing".into()),
            description: String::new(),
        }],
        egress: vec![],
    });
    let rule = AclRule {
        number: 100,
        action: crate::model::AclAction::Allow,
        protocol: Protocol::All,
        ports: (0, 65535),
        cidr: "nope".into(),
    };
    d.network_acls.push(NetworkAcl {
        source: String::new(),
        id: "acl".into(),
        inbound: vec![rule.clone(), rule],
        outbound: vec![],
    });
    let c = codes(&d);
    for code in [
        "E_UNKNOWN_ACL",
        "E_UNKNOWN_SG",
        "E_BAD_PORTS",
        "E_BAD_CIDR",
        "E_DUPLICATE_ACL_RULE",
    ] {
        assert!(c.contains(&code), "{code} missing from {c:?}");
    }
    // The implicit cluster security group may be referred to without being defined.
    d.security_groups[0].ingress[0].peer = Peer::Sg("cluster-sg".into());
    assert!(!codes(&d).contains(&"E_UNKNOWN_SG"));
}

#[test]
fn ids_are_checked() {
    assert!(check_id("node-a").is_ok());
    assert!(check_id("local").is_err());
    assert!(check_id("").is_err());
    assert!(check_id("a b").is_err());
}
