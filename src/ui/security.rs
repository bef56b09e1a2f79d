//! The security window: security groups and network ACLs, with their rules.

use egui::RichText;

use super::fields::{Buffers, id_field, text_field_width};
use crate::model::security::{format_ports, parse_ports};
use crate::model::{
    AclAction, AclRule, ComponentKind, DEFAULT_CLUSTER_SG, Design, Edit, NetworkAcl, Peer,
    Protocol, SecurityGroup, SgRule, net,
};
use crate::t;

/// Which list the window shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SecurityTab {
    /// Security groups.
    #[default]
    Groups,
    /// Network ACLs.
    Acls,
}

/// The security window's state.
#[derive(Clone, Debug, Default)]
pub struct SecurityView {
    /// The window is shown.
    pub open: bool,
    /// The list shown.
    pub tab: SecurityTab,
    /// The security group being edited.
    pub group: Option<String>,
    /// The network ACL being edited.
    pub acl: Option<String>,
}

impl SecurityView {
    /// Opens the window on a security group.
    pub fn show_group(&mut self, id: &str) {
        self.open = true;
        self.tab = SecurityTab::Groups;
        self.group = Some(id.to_owned());
    }

    /// Opens the window on a network ACL.
    pub fn show_acl(&mut self, id: &str) {
        self.open = true;
        self.tab = SecurityTab::Acls;
        self.acl = Some(id.to_owned());
    }
}

/// Every security group id a reference may name: the defined ones, and the cluster's
/// default group when it is not defined.
pub fn sg_choices(design: &Design) -> Vec<String> {
    let mut out: Vec<String> = design
        .security_groups
        .iter()
        .map(|g| g.id.clone())
        .collect();
    if !out.iter().any(|g| g == DEFAULT_CLUSTER_SG) {
        out.insert(0, DEFAULT_CLUSTER_SG.to_owned());
    }
    out
}

/// Who refers to the security group `id`.
pub fn sg_users(design: &Design, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    if design.cluster.cluster_security_group == id {
        out.push(t!("sec-cluster-cluster-security-group"));
    }
    if design.cluster.security_group_ids.iter().any(|g| g == id) {
        out.push(t!("sec-cluster-additional-group"));
    }
    for c in &design.components {
        let sgs = match &c.kind {
            ComponentKind::Node(n) => &n.security_groups,
            ComponentKind::Client(cl) => &cl.security_groups,
            _ => continue,
        };
        if sgs.iter().any(|g| g == id) {
            out.push(c.id.clone());
        }
    }
    for g in &design.security_groups {
        if g.id != id
            && g.ingress
                .iter()
                .chain(&g.egress)
                .any(|r| r.peer == Peer::Sg(id.to_owned()))
        {
            out.push(t!("sec-rules-of", id = g.id.as_str()));
        }
    }
    out
}

fn acl_users(design: &Design, id: &str) -> Vec<String> {
    design
        .components
        .iter()
        .filter(
            |c| matches!(&c.kind, ComponentKind::Subnet(s) if s.network_acl.as_deref() == Some(id)),
        )
        .map(|c| c.id.clone())
        .collect()
}

/// A fresh id `stem-N` not in `taken`.
fn fresh_id(stem: &str, taken: &[String]) -> String {
    (1..=taken.len() + 1)
        .map(|n| format!("{stem}-{n}"))
        .find(|c| !taken.contains(c))
        .unwrap_or_else(|| stem.to_owned())
}

/// The security window, over the canvas `area`; returns an edit when the user changed
/// something.
pub fn security_window(
    ctx: &egui::Context,
    design: &Design,
    view: &mut SecurityView,
    buffers: &mut Buffers,
    area: egui::Rect,
) -> Option<Edit> {
    if !view.open {
        return None;
    }
    let mut open = true;
    let mut edit = None;
    egui::Window::new(t!("sec-window"))
        .id(egui::Id::new("security-window"))
        .open(&mut open)
        .default_pos(area.left_top() + egui::vec2(16.0, 16.0))
        .default_width(720.0_f32.min(area.width() - 32.0))
        .default_height(420.0)
        .constrain_to(area)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(
                    &mut view.tab,
                    SecurityTab::Groups,
                    t!("sec-security-groups"),
                );
                ui.selectable_value(&mut view.tab, SecurityTab::Acls, t!("sec-network-acls"));
            });
            ui.separator();
            edit = match view.tab {
                SecurityTab::Groups => groups_ui(ui, design, view, buffers),
                SecurityTab::Acls => acls_ui(ui, design, view, buffers),
            };
        });
    view.open = open;
    edit
}

/// A list of ids to pick from on the left, with a button adding one, and the picked item's
/// editor on the right. Returns whether the add button was clicked, and the editor's edit.
fn list_pane(
    ui: &mut egui::Ui,
    items: &[(String, String)],
    picked: &mut Option<String>,
    buffers: &mut Buffers,
    empty: &str,
    add: (&str, &str),
    detail: &mut dyn FnMut(&mut egui::Ui, &str, &mut Buffers) -> Option<Edit>,
) -> (bool, Option<Edit>) {
    if picked
        .as_ref()
        .is_none_or(|p| !items.iter().any(|(id, _)| id == p))
    {
        *picked = items.first().map(|(id, _)| id.clone());
    }
    let mut added = false;
    let mut edit = None;
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(170.0);
            if items.is_empty() {
                ui.label(RichText::new(empty).small());
            }
            for (id, text) in items {
                if ui
                    .selectable_label(picked.as_ref() == Some(id), text)
                    .clicked()
                {
                    *picked = Some(id.clone());
                    buffers.clear();
                }
            }
            added = ui.button(add.0).on_hover_text(add.1).clicked();
        });
        ui.separator();
        ui.vertical(|ui| {
            if let Some(id) = picked.clone() {
                edit = detail(ui, &id, buffers);
            }
        });
    });
    (added, edit)
}

fn groups_ui(
    ui: &mut egui::Ui,
    design: &Design,
    view: &mut SecurityView,
    buffers: &mut Buffers,
) -> Option<Edit> {
    let choices = sg_choices(design);
    let items: Vec<(String, String)> = choices
        .iter()
        .map(|id| {
            let defined = design.security_groups.iter().any(|g| &g.id == id);
            let text = if defined {
                id.clone()
            } else {
                format!("{id} (default)")
            };
            (id.clone(), text)
        })
        .collect();
    let mut renamed = None;
    let (added, edit) = list_pane(
        ui,
        &items,
        &mut view.group,
        buffers,
        "",
        (&t!("sec-new-group"), &t!("sec-add-a-security-group-with")),
        &mut |ui, id, buffers| {
            if let Some(group) = design.security_groups.iter().find(|g| g.id == id) {
                let e = group_ui(ui, design, group, &choices, buffers)?;
                if let Edit::PutSecurityGroup { group, .. } = &e {
                    renamed = Some(group.id.clone());
                }
                return Some(e);
            }
            ui.label(RichText::new(id).strong());
            ui.label(t!("sec-the-aws-default-rules-all"));
            users_line(ui, &sg_users(design, id));
            ui.button(t!("sec-customise-rules"))
                .on_hover_text(t!("sec-write-the-default-rules-out"))
                .clicked()
                .then(|| Edit::PutSecurityGroup {
                    old: None,
                    group: SecurityGroup::default_cluster(id),
                })
        },
    );
    if let Some(id) = renamed {
        view.group = Some(id);
    }
    if added {
        let id = fresh_id("sg", &choices);
        view.group = Some(id.clone());
        return Some(Edit::PutSecurityGroup {
            old: None,
            group: SecurityGroup {
                source: String::new(),
                id,
                description: String::new(),
                ingress: Vec::new(),
                egress: Vec::new(),
            },
        });
    }
    edit
}

fn users_line(ui: &mut egui::Ui, users: &[String]) {
    let text = if users.is_empty() {
        t!("sec-used-by-nothing")
    } else {
        t!("sec-used-by", users = users.join(", "))
    };
    ui.label(RichText::new(text).small());
}

fn group_ui(
    ui: &mut egui::Ui,
    design: &Design,
    group: &SecurityGroup,
    choices: &[String],
    buffers: &mut Buffers,
) -> Option<Edit> {
    let mut next = group.clone();
    let mut changed = false;
    let key = |f: &str| format!("sg.{}.{f}", group.id);
    egui::Grid::new("sg-head").num_columns(2).show(ui, |ui| {
        ui.label("id");
        if let Some(v) = id_field(ui, buffers, &key("id"), &group.id, &|t| {
            design.security_groups.iter().any(|g| g.id == t)
        }) {
            next.id = v;
            changed = true;
        }
        ui.end_row();
        ui.label(t!("sec-description"));
        if let Some(v) = text_field_width(
            ui,
            buffers,
            &key(&t!("sec-description")),
            &group.description,
            &|_| Ok(()),
            300.0,
        ) {
            next.description = v;
            changed = true;
        }
        ui.end_row();
    });
    users_line(ui, &sg_users(design, &group.id));
    for (title, inbound) in [
        (&t!("sec-inbound-rules"), true),
        (&t!("sec-outbound-rules"), false),
    ] {
        ui.add_space(6.0);
        ui.label(RichText::new(title).strong());
        let rules = if inbound {
            &mut next.ingress
        } else {
            &mut next.egress
        };
        let dir = if inbound { "in" } else { "out" };
        changed |= sg_rules_ui(ui, &key(dir), rules, choices, buffers, inbound);
    }
    ui.add_space(6.0);
    if ui
        .button(t!("sec-delete-group"))
        .on_hover_text(t!("sec-delete-the-group-references-to"))
        .clicked()
    {
        return Some(Edit::DeleteSecurityGroup(group.id.clone()));
    }
    changed.then(|| Edit::PutSecurityGroup {
        old: Some(group.id.clone()),
        group: next,
    })
}

fn protocol_combo(ui: &mut egui::Ui, salt: &str, protocol: &mut Protocol) -> bool {
    let mut changed = false;
    egui::ComboBox::from_id_salt(salt)
        .width(60.0)
        .selected_text(protocol_text(*protocol))
        .show_ui(ui, |ui| {
            for p in [Protocol::Tcp, Protocol::Udp, Protocol::All] {
                changed |= ui.selectable_value(protocol, p, protocol_text(p)).changed();
            }
        });
    changed
}

fn protocol_text(p: Protocol) -> &'static str {
    match p {
        Protocol::Tcp => "TCP",
        Protocol::Udp => "UDP",
        Protocol::All => "all",
    }
}

fn ports_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    protocol: Protocol,
    ports: &mut (u16, u16),
) -> bool {
    if protocol == Protocol::All {
        ui.label(t!("sec-all-ports"));
        return false;
    }
    if let Some(v) = text_field_width(
        ui,
        buffers,
        key,
        &format_ports(*ports),
        &|t| parse_ports(t).map(|_| ()),
        80.0,
    ) && let Ok(p) = parse_ports(&v)
    {
        *ports = p;
        return true;
    }
    false
}

fn sg_rules_ui(
    ui: &mut egui::Ui,
    key: &str,
    rules: &mut Vec<SgRule>,
    choices: &[String],
    buffers: &mut Buffers,
    inbound: bool,
) -> bool {
    let mut changed = false;
    let mut remove = None;
    if rules.is_empty() {
        ui.label(RichText::new(t!("sec-none-everything-is-denied")).small());
    }
    egui::Grid::new(key).num_columns(6).show(ui, |ui| {
        if !rules.is_empty() {
            for h in [
                &t!("sec-protocol"),
                &t!("sec-ports"),
                &if inbound {
                    t!("sec-from")
                } else {
                    t!("sec-to")
                },
                "",
                &t!("sec-description"),
                "",
            ] {
                ui.label(RichText::new(h).small());
            }
            ui.end_row();
        }
        for (j, rule) in rules.iter_mut().enumerate() {
            let k = format!("{key}.{j}");
            changed |= protocol_combo(ui, &format!("{k}.protocol"), &mut rule.protocol);
            changed |= ports_field(
                ui,
                buffers,
                &format!("{k}.ports"),
                rule.protocol,
                &mut rule.ports,
            );
            let is_sg = matches!(rule.peer, Peer::Sg(_));
            egui::ComboBox::from_id_salt(format!("{k}.peer-kind"))
                .width(60.0)
                .selected_text(if is_sg {
                    t!("sec-group")
                } else {
                    "CIDR".to_owned()
                })
                .show_ui(ui, |ui| {
                    if ui.selectable_label(!is_sg, "CIDR").clicked() && is_sg {
                        rule.peer = Peer::Cidr("0.0.0.0/0".to_owned());
                        changed = true;
                    }
                    if ui.selectable_label(is_sg, t!("sec-group")).clicked() && !is_sg {
                        rule.peer = Peer::Sg(
                            choices
                                .first()
                                .cloned()
                                .unwrap_or_else(|| DEFAULT_CLUSTER_SG.to_owned()),
                        );
                        changed = true;
                    }
                });
            match &mut rule.peer {
                Peer::Cidr(c) => {
                    if let Some(v) = text_field_width(
                        ui,
                        buffers,
                        &format!("{k}.cidr"),
                        c,
                        &|t| net::parse_cidr_v4(t).map(|_| ()).map_err(String::from),
                        130.0,
                    ) {
                        *c = v.trim().to_owned();
                        changed = true;
                    }
                }
                Peer::Sg(g) => {
                    egui::ComboBox::from_id_salt(format!("{k}.sg"))
                        .width(120.0)
                        .selected_text(g.clone())
                        .show_ui(ui, |ui| {
                            for c in choices {
                                changed |= ui.selectable_value(g, c.clone(), c).changed();
                            }
                        });
                }
            }
            if let Some(v) = text_field_width(
                ui,
                buffers,
                &format!("{k}.description"),
                &rule.description,
                &|_| Ok(()),
                140.0,
            ) {
                rule.description = v;
                changed = true;
            }
            remove_button(ui, j, &mut remove);
            ui.end_row();
        }
    });
    changed |= rules_footer(ui, rules, remove, inbound, &|_| {
        if inbound {
            SgRule {
                protocol: Protocol::Tcp,
                ports: (443, 443),
                peer: Peer::Cidr("10.0.0.0/16".to_owned()),
                description: String::new(),
            }
        } else {
            SgRule {
                protocol: Protocol::All,
                ports: (0, 65535),
                peer: Peer::Cidr("0.0.0.0/0".to_owned()),
                description: String::new(),
            }
        }
    });
    changed
}

fn acls_ui(
    ui: &mut egui::Ui,
    design: &Design,
    view: &mut SecurityView,
    buffers: &mut Buffers,
) -> Option<Edit> {
    let ids: Vec<String> = design.network_acls.iter().map(|a| a.id.clone()).collect();
    let items: Vec<(String, String)> = ids.iter().map(|id| (id.clone(), id.clone())).collect();
    let mut renamed = None;
    let (added, edit) = list_pane(
        ui,
        &items,
        &mut view.acl,
        buffers,
        &t!("sec-none-subnets-use-the-default"),
        (&t!("sec-new-acl"), &t!("sec-add-a-network-acl-that")),
        &mut |ui, id, buffers| {
            let acl = design.network_acls.iter().find(|a| a.id == id)?;
            let e = acl_ui(ui, design, acl, buffers)?;
            if let Edit::PutNetworkAcl { acl, .. } = &e {
                renamed = Some(acl.id.clone());
            }
            Some(e)
        },
    );
    if let Some(id) = renamed {
        view.acl = Some(id);
    }
    if added {
        let id = fresh_id("acl", &ids);
        view.acl = Some(id.clone());
        let allow_all = AclRule {
            number: 100,
            action: AclAction::Allow,
            protocol: Protocol::All,
            ports: (0, 65535),
            cidr: "0.0.0.0/0".to_owned(),
        };
        return Some(Edit::PutNetworkAcl {
            old: None,
            acl: NetworkAcl {
                source: String::new(),
                id,
                inbound: vec![allow_all.clone()],
                outbound: vec![allow_all],
            },
        });
    }
    edit
}

fn acl_ui(
    ui: &mut egui::Ui,
    design: &Design,
    acl: &NetworkAcl,
    buffers: &mut Buffers,
) -> Option<Edit> {
    let mut next = acl.clone();
    let mut changed = false;
    let key = |f: &str| format!("acl.{}.{f}", acl.id);
    ui.horizontal(|ui| {
        ui.label("id");
        if let Some(v) = id_field(ui, buffers, &key("id"), &acl.id, &|t| {
            design.network_acls.iter().any(|a| a.id == t)
        }) {
            next.id = v;
            changed = true;
        }
    });
    let users = acl_users(design, &acl.id);
    let text = if users.is_empty() {
        t!("sec-used-by-no-subnet-pick")
    } else {
        t!("sec-used-by", users = users.join(", "))
    };
    ui.label(RichText::new(text).small());
    ui.label(RichText::new(t!("sec-stateless-replies-need-their-own")).small());
    for (title, inbound) in [
        (&t!("sec-inbound-rules"), true),
        (&t!("sec-outbound-rules"), false),
    ] {
        ui.add_space(6.0);
        ui.label(RichText::new(title).strong());
        let rules = if inbound {
            &mut next.inbound
        } else {
            &mut next.outbound
        };
        let dir = if inbound { "in" } else { "out" };
        changed |= acl_rules_ui(ui, &key(dir), rules, buffers, inbound);
    }
    ui.add_space(6.0);
    if ui
        .button(t!("sec-delete-acl"))
        .on_hover_text(t!("sec-delete-the-acl-its-subnets"))
        .clicked()
    {
        return Some(Edit::DeleteNetworkAcl(acl.id.clone()));
    }
    changed.then(|| Edit::PutNetworkAcl {
        old: Some(acl.id.clone()),
        acl: next,
    })
}

fn acl_rules_ui(
    ui: &mut egui::Ui,
    key: &str,
    rules: &mut Vec<AclRule>,
    buffers: &mut Buffers,
    inbound: bool,
) -> bool {
    let mut changed = false;
    let mut remove = None;
    let numbers: Vec<u16> = rules.iter().map(|r| r.number).collect();
    egui::Grid::new(key).num_columns(6).show(ui, |ui| {
        for h in [
            &t!("sec-rule"),
            &t!("sec-action"),
            &t!("sec-protocol"),
            &t!("sec-ports"),
            &if inbound {
                t!("sec-source")
            } else {
                t!("sec-destination")
            },
            "",
        ] {
            ui.label(RichText::new(h).small());
        }
        ui.end_row();
        for (j, rule) in rules.iter_mut().enumerate() {
            let k = format!("{key}.{j}");
            let own = rule.number;
            if let Some(v) = text_field_width(
                ui,
                buffers,
                &format!("{k}.number"),
                &rule.number.to_string(),
                &|t| {
                    let n: u16 = t.trim().parse().map_err(|_| t!("sec-a-rule-number-is-1"))?;
                    if !(1..=32766).contains(&n) {
                        return Err(t!("sec-a-rule-number-is-1"));
                    }
                    if n != own && numbers.contains(&n) {
                        return Err(t!("sec-rule-exists", number = n));
                    }
                    Ok(())
                },
                50.0,
            ) && let Ok(n) = v.trim().parse()
            {
                rule.number = n;
                changed = true;
            }
            egui::ComboBox::from_id_salt(format!("{k}.action"))
                .width(60.0)
                .selected_text(match rule.action {
                    AclAction::Allow => t!("sec-allow"),
                    AclAction::Deny => t!("sec-deny"),
                })
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut rule.action, AclAction::Allow, "allow")
                        .changed();
                    changed |= ui
                        .selectable_value(&mut rule.action, AclAction::Deny, "deny")
                        .changed();
                });
            changed |= protocol_combo(ui, &format!("{k}.protocol"), &mut rule.protocol);
            changed |= ports_field(
                ui,
                buffers,
                &format!("{k}.ports"),
                rule.protocol,
                &mut rule.ports,
            );
            if let Some(v) = text_field_width(
                ui,
                buffers,
                &format!("{k}.cidr"),
                &rule.cidr,
                &|t| net::parse_cidr_v4(t).map(|_| ()).map_err(String::from),
                130.0,
            ) {
                rule.cidr = v.trim().to_owned();
                changed = true;
            }
            remove_button(ui, j, &mut remove);
            ui.end_row();
        }
        ui.label("*");
        ui.label("deny");
        ui.label("all");
        ui.label(t!("sec-all-ports"));
        ui.label("0.0.0.0/0");
        ui.label(RichText::new(t!("sec-implicit-last")).small());
        ui.end_row();
    });
    changed |= rules_footer(ui, rules, remove, inbound, &|rules| AclRule {
        number: rules
            .iter()
            .map(|r| r.number)
            .max()
            .map_or(100, |n| n.saturating_add(10).min(32766)),
        action: AclAction::Allow,
        protocol: Protocol::Tcp,
        ports: (443, 443),
        cidr: "10.0.0.0/16".to_owned(),
    });
    // Rules are evaluated lowest number first: keep them listed that way.
    rules.sort_by_key(|r| r.number);
    changed
}

/// The end of a rules table: removes the rule whose button was clicked and offers to add
/// one (`new` makes it from the rules there are). Returns whether the rules changed.
fn rules_footer<T>(
    ui: &mut egui::Ui,
    rules: &mut Vec<T>,
    remove: Option<usize>,
    inbound: bool,
    new: &dyn Fn(&[T]) -> T,
) -> bool {
    let mut changed = false;
    if let Some(j) = remove
        && j < rules.len()
    {
        rules.remove(j);
        changed = true;
    }
    let add = if inbound {
        t!("sec-add-inbound-rule")
    } else {
        t!("sec-add-outbound-rule")
    };
    if ui.small_button(add).clicked() {
        let rule = new(rules);
        rules.push(rule);
        changed = true;
    }
    changed
}

/// A button removing row `j` of a rules table.
fn remove_button(ui: &mut egui::Ui, j: usize, remove: &mut Option<usize>) {
    if ui
        .small_button("✖")
        .on_hover_text(t!("sec-remove-this-rule"))
        .clicked()
    {
        *remove = Some(j);
    }
}
