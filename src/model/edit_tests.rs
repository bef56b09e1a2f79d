//! Tests of `model/edit.rs`.

use super::*;
use crate::io::PRESETS;

fn preset(i: usize) -> Design {
    PRESETS[i].load().unwrap().0
}

#[test]
fn moving_a_container_moves_its_children() {
    let mut d = preset(1);
    let before = d.component("node-a").unwrap().pos;
    d.apply(Edit::Move {
        ids: vec!["vpc".into()],
        delta: Point::new(10.0, 5.0),
    })
    .unwrap();
    assert_eq!(
        d.component("node-a").unwrap().pos,
        Point::new(before.x + 10.0, before.y + 5.0)
    );
    assert!(crate::model::validate(&d).is_empty());
}

#[test]
fn illegal_parent_is_refused_and_nothing_changes() {
    let mut d = preset(1);
    let before = d.clone();
    let err = d
        .apply(Edit::Reparent {
            id: "node-a".into(),
            parent: Some("vpc".into()),
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "a worker node goes in subnet or on-premises network"
    );
    assert_eq!(d, before);
}

#[test]
fn delete_cleans_references() {
    let mut d = preset(0);
    d.apply(Edit::Delete(vec!["nat".into()])).unwrap();
    assert!(d.component("nat").is_none());
    let problems = crate::model::validate(&d);
    assert!(problems.is_empty(), "{problems:?}");
    d.apply(Edit::Delete(vec!["subnet-private-a".into()]))
        .unwrap();
    assert!(d.component("node-a").is_none() && d.component("eni-a").is_none());
}

#[test]
fn rename_updates_references() {
    let mut d = preset(1);
    d.apply(Edit::Rename {
        from: "igw".into(),
        to: "gateway".into(),
    })
    .unwrap();
    assert!(crate::model::validate(&d).is_empty());
    let ComponentKind::Subnet(s) = &d.component("subnet-public-a").unwrap().kind else {
        panic!()
    };
    assert!(s.routes.iter().any(|r| r.target == "gateway"));
    assert!(
        d.apply(Edit::Rename {
            from: "nat".into(),
            to: "vpc".into()
        })
        .is_err()
    );
}

#[test]
fn resize_keeps_children_inside() {
    let mut d = preset(1);
    let r = d.component("subnet-private-a").unwrap().rect();
    let small = Rect::new(r.min, Size::new(50.0, 50.0));
    assert!(
        d.apply(Edit::SetRect {
            id: "subnet-private-a".into(),
            rect: small
        })
        .is_err()
    );
    let big = Rect::new(r.min, Size::new(r.size.w + 10.0, r.size.h));
    d.apply(Edit::SetRect {
        id: "subnet-private-a".into(),
        rect: big,
    })
    .unwrap();
}

#[test]
fn paste_renames_colliding_ids() {
    let mut d = preset(1);
    let frag = d.fragment(&BTreeSet::from(["subnet-private-a".to_owned()]));
    assert_eq!(frag.components.len(), 3);
    let prepared = d.prepare_paste(frag, Point::new(0.0, 300.0), &|_| false);
    let ids: Vec<&str> = prepared.components.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["subnet-1", "eks-eni-1", "node-1"]);
    assert_eq!(prepared.components[1].parent.as_deref(), Some("subnet-1"));
    d.apply(Edit::Paste(prepared)).unwrap();
    assert_eq!(d.of_kind(KindName::Node).count(), 3);
}

#[test]
fn a_pasted_copy_does_not_carry_the_source_and_a_moved_box_does() {
    let mut d = preset(1);
    for c in &mut d.components {
        c.source = format!("aws:{}", c.id);
    }
    let ids = BTreeSet::from(["subnet-private-a".to_owned()]);
    // A copy beside the original: fresh ids, no source.
    let copy = d.prepare_paste(d.fragment(&ids), Point::new(0.0, 300.0), &|_| false);
    assert!(copy.components.iter().all(|c| c.source.is_empty()));
    // Pasted where the ids are free (cut and paste): the same components, the same source.
    let frag = d.fragment(&ids);
    let mut other = preset(1);
    other
        .components
        .retain(|c| !frag.components.iter().any(|f| f.id == c.id));
    let moved = other.prepare_paste(frag, Point::new(0.0, 0.0), &|_| false);
    assert!(
        moved
            .components
            .iter()
            .all(|c| c.source == format!("aws:{}", c.id))
    );
}

fn sg_rule(peer: Peer, port: u16) -> crate::model::security::SgRule {
    crate::model::security::SgRule {
        protocol: crate::model::security::Protocol::Tcp,
        ports: (port, port),
        peer,
        description: String::new(),
    }
}

#[test]
fn renaming_a_security_group_renames_every_reference() {
    let mut d = preset(2);
    d.apply(Edit::PutSecurityGroup {
        old: None,
        group: SecurityGroup {
            source: String::new(),
            id: "node-sg".into(),
            description: String::new(),
            ingress: vec![sg_rule(Peer::Sg("node-sg".into()), 10250)],
            egress: vec![],
        },
    })
    .unwrap();
    if let ComponentKind::Node(n) = &mut d.component_mut("node-a").unwrap().kind {
        n.security_groups = vec!["node-sg".into()];
    }
    d.cluster.security_group_ids = vec!["node-sg".into()];
    let mut g = d
        .security_groups
        .iter()
        .find(|g| g.id == "node-sg")
        .unwrap()
        .clone();
    g.id = "workers".into();
    d.apply(Edit::PutSecurityGroup {
        old: Some("node-sg".into()),
        group: g,
    })
    .unwrap();
    assert!(
        crate::model::validate(&d).is_empty(),
        "{:?}",
        crate::model::validate(&d)
    );
    let ComponentKind::Node(n) = &d.component("node-a").unwrap().kind else {
        panic!()
    };
    assert_eq!(n.security_groups, vec!["workers".to_owned()]);
    assert_eq!(d.cluster.security_group_ids, vec!["workers".to_owned()]);
    let g = d
        .security_groups
        .iter()
        .find(|g| g.id == "workers")
        .unwrap();
    assert_eq!(g.ingress[0].peer, Peer::Sg("workers".into()));
    // A taken id is refused and nothing changes.
    let before = d.clone();
    let mut other = d.security_groups[0].clone();
    other.id = "workers".into();
    let first = d.security_groups[0].id.clone();
    if first != "workers" {
        assert!(
            d.apply(Edit::PutSecurityGroup {
                old: Some(first),
                group: other,
            })
            .is_err()
        );
        assert_eq!(d, before);
    }
}

#[test]
fn deleting_a_security_group_removes_every_reference() {
    let mut d = preset(2);
    d.apply(Edit::PutSecurityGroup {
        old: None,
        group: SecurityGroup {
            source: String::new(),
            id: "extra".into(),
            description: String::new(),
            ingress: vec![],
            egress: vec![],
        },
    })
    .unwrap();
    d.cluster.cluster_security_group = "extra".into();
    d.cluster.security_group_ids = vec!["extra".into()];
    if let Some(g) = d.security_groups.first_mut() {
        g.ingress.push(sg_rule(Peer::Sg("extra".into()), 443));
    }
    let rules_before = d.security_groups[0].ingress.len();
    d.apply(Edit::DeleteSecurityGroup("extra".into())).unwrap();
    assert!(
        crate::model::validate(&d).is_empty(),
        "{:?}",
        crate::model::validate(&d)
    );
    assert_eq!(d.cluster.cluster_security_group, DEFAULT_CLUSTER_SG);
    assert!(d.cluster.security_group_ids.is_empty());
    assert_eq!(d.security_groups[0].ingress.len(), rules_before - 1);
    assert!(d.apply(Edit::DeleteSecurityGroup("extra".into())).is_err());
}

#[test]
fn network_acl_rename_and_delete_follow_to_subnets() {
    let mut d = preset(1);
    d.apply(Edit::PutNetworkAcl {
        old: None,
        acl: NetworkAcl {
            source: String::new(),
            id: "private".into(),
            inbound: vec![],
            outbound: vec![],
        },
    })
    .unwrap();
    if let ComponentKind::Subnet(s) = &mut d.component_mut("subnet-private-a").unwrap().kind {
        s.network_acl = Some("private".into());
    }
    d.apply(Edit::PutNetworkAcl {
        old: Some("private".into()),
        acl: NetworkAcl {
            source: String::new(),
            id: "strict".into(),
            inbound: vec![],
            outbound: vec![],
        },
    })
    .unwrap();
    let acl_of = |d: &Design| match &d.component("subnet-private-a").unwrap().kind {
        ComponentKind::Subnet(s) => s.network_acl.clone(),
        _ => panic!(),
    };
    assert_eq!(acl_of(&d).as_deref(), Some("strict"));
    assert!(crate::model::validate(&d).is_empty());
    d.apply(Edit::DeleteNetworkAcl("strict".into())).unwrap();
    assert_eq!(acl_of(&d), None);
    assert!(d.network_acls.is_empty());
}

#[test]
fn a_connection_label_changes_and_a_missing_one_is_refused() {
    let mut d = preset(0);
    d.connections.push(Connection {
        from: "user".into(),
        to: "nlb".into(),
        kind: super::super::component::ConnectionKind::Line,
        label: String::new(),
    });
    d.apply(Edit::LabelConnection {
        index: 0,
        label: "attachment".into(),
    })
    .unwrap();
    assert_eq!(d.connections[0].label, "attachment");
    assert!(
        d.apply(Edit::LabelConnection {
            index: 99,
            label: String::new(),
        })
        .is_err()
    );
}

#[test]
fn transit_tables_follow_deletes_renames_and_disconnects() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scenarios/t01.ron"
    );
    let (mut d, _) = crate::io::load(std::path::Path::new(path)).unwrap();
    assert!(crate::model::validate(&d).is_empty());
    d.apply(Edit::Rename {
        from: "vpn".into(),
        to: "vpn-office".into(),
    })
    .unwrap();
    let t = &d.transit.route_tables;
    assert_eq!(t[0].propagations, ["vpn-office"]);
    assert_eq!(t[1].associations, ["vpn-office"]);
    assert_eq!(d.transit.carried[0].link, "vpn-office");
    // Disconnecting the VPC from the TGW leaves no table naming it.
    let i = d
        .connections
        .iter()
        .position(|c| c.from == "tgw" && c.to == "vpc")
        .unwrap();
    d.apply(Edit::Disconnect(i)).unwrap();
    assert!(
        d.transit
            .route_tables
            .iter()
            .all(|t| !t.associations.contains(&"vpc".to_owned())
                && !t.propagations.contains(&"vpc".to_owned()))
    );
    assert!(
        crate::model::validate(&d).is_empty(),
        "{:?}",
        crate::model::validate(&d)
    );
    // Deleting the TGW deletes its tables.
    d.apply(Edit::Delete(vec!["tgw".into()])).unwrap();
    assert!(d.transit.route_tables.is_empty());
    assert_eq!(d.transit.carried.len(), 1);
}

#[test]
fn transit_tables_that_name_what_is_not_attached_are_errors() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scenarios/t01.ron"
    );
    let (mut d, _) = crate::io::load(std::path::Path::new(path)).unwrap();
    let mut transit = d.transit.clone();
    transit.route_tables[0].associations.push("office".into());
    transit.route_tables[1].associations.push("vpc".into());
    transit.route_tables[0].routes.push(crate::model::Route {
        destination: "10.9.0.0/33".into(),
        target: "nat".into(),
    });
    transit.carried.push(crate::model::Carried {
        link: "tgw".into(),
        cidrs: vec!["x".into()],
    });
    d.transit = transit;
    let problems = crate::model::validate(&d);
    let text: Vec<String> = problems.iter().map(|p| p.message.en()).collect();
    for want in [
        "\"office\" is not attached to tgw",
        "the attachment of \"vpc\" is associated with another table of tgw",
        "the target \"nat\" is neither blackhole nor attached to tgw",
        "\"tgw\" is not a VPN or peering",
    ] {
        assert!(text.iter().any(|t| t.contains(want)), "{want}: {text:?}");
    }
    assert!(
        problems
            .iter()
            .any(|p| p.field.as_deref() == Some("transit.route_tables[0].routes[0].destination"))
    );
}
