//! Security groups and network ACLs edited in the window and the inspector, with the flows
//! following.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use common::{harness, open_combo, press, retype};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use eksplain::engine::{FlowKind, analyze};
use eksplain::model::{ComponentKind, Peer, validate};
use eksplain::ui::command::AppCommand;

#[test]
fn a_group_renamed_in_the_window_is_renamed_everywhere_and_undo_restores_it() {
    let mut h = harness("private");
    let before = h.state().design().clone();
    h.key_press(egui::Key::G);
    h.run_steps(2);
    // The list entry comes before the rule that names the group.
    h.get_all_by_label("bastion-sg").next().unwrap().click();
    h.run_steps(2);
    retype(&mut h, "bastion-sg", "-2");
    let d = h.state().design();
    assert!(validate(d).is_empty(), "{:?}", validate(d));
    assert!(d.security_groups.iter().any(|g| g.id == "bastion-sg-2"));
    let ComponentKind::Client(cl) = &d.component("bastion").unwrap().kind else {
        panic!()
    };
    assert_eq!(cl.security_groups, vec!["bastion-sg-2".to_owned()]);
    let cluster_sg = d
        .security_groups
        .iter()
        .find(|g| g.id == "cluster-sg")
        .unwrap();
    assert!(
        cluster_sg
            .ingress
            .iter()
            .any(|r| r.peer == Peer::Sg("bastion-sg-2".into()))
    );
    // The story still holds: kubectl on the bastion reaches the API.
    let a = analyze(d, None);
    assert!(a.flows.iter().all(|f| f.reachable));
    h.state_mut().push_command(AppCommand::Undo);
    h.run_steps(2);
    assert_eq!(h.state().design(), &before);
}

#[test]
fn a_deny_rule_in_a_new_acl_blocks_kubectl_and_says_which_rule() {
    let mut h = harness("private");
    h.key_press(egui::Key::G);
    h.run_steps(2);
    press(&mut h, "network ACLs");
    press(&mut h, "new ACL");
    assert_eq!(h.state().design().network_acls.len(), 1);
    // Give it to the private subnet holding the first EKS-owned ENI.
    h.state_mut().select(&["subnet-private-a"]);
    h.run_steps(2);
    open_combo(&mut h, "default (allow all)");
    h.get_all_by_label("acl-1")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap()
        .click();
    h.run_steps(3);
    let acl_of = |h: &egui_kittest::Harness<'_, _>| {
        let app: &eksplain::app::EksplainApp = h.state();
        match &app.design().component("subnet-private-a").unwrap().kind {
            ComponentKind::Subnet(s) => s.network_acl.clone(),
            _ => None,
        }
    };
    assert_eq!(acl_of(&h).as_deref(), Some("acl-1"));
    assert!(
        analyze(h.state().design(), None)
            .flows
            .iter()
            .all(|f| f.reachable)
    );
    // Turn its inbound allow-all into a deny (the first "allow" is the inbound rule).
    open_combo(&mut h, "allow");
    h.get_all_by_label("deny")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap()
        .click();
    h.run_steps(3);
    let d = h.state().design();
    assert_eq!(
        d.network_acls[0].inbound[0].action,
        eksplain::model::AclAction::Deny
    );
    let a = analyze(d, None);
    let kubectl = a
        .flows
        .iter()
        .find(|f| f.flow == FlowKind::KubectlToApi)
        .unwrap();
    assert!(!kubectl.reachable);
    assert_eq!(
        kubectl.code.map(eksplain::engine::Code::as_str),
        Some("NACL_DENY")
    );
    assert!(
        kubectl.reason.en().contains("rule 100"),
        "{}",
        kubectl.reason
    );
}

#[test]
fn the_inspector_adds_a_group_to_a_node_and_the_link_opens_its_rules() {
    let mut h = harness("private");
    h.state_mut().select(&["node-a"]);
    h.run_steps(2);
    assert!(h.query_by_label("none: carries cluster-sg").is_some());
    open_combo(&mut h, "add group");
    h.get_all_by_label("bastion-sg")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap()
        .click();
    h.run_steps(3);
    let ComponentKind::Node(n) = &h.state().design().component("node-a").unwrap().kind else {
        panic!()
    };
    assert_eq!(n.security_groups, vec!["bastion-sg".to_owned()]);
    // The group's name links to its rules.
    h.get_all_by_label("bastion-sg").next().unwrap().click();
    h.run_steps(2);
    assert!(
        h.query_by_label("Security groups and network ACLs")
            .is_some()
    );
    assert!(
        h.query_by_label("used by bastion, node-a, rules of cluster-sg")
            .is_some()
    );
}
