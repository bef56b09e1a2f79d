//! The inspector: the properties of the selected component, per kind, and of the selected
//! connection.

use egui::RichText;

use super::fields::{
    Buffers, cidr_list, id_field, number_field, ok, opt, optional_ip, parse_webhook_ports,
    required_ip, split_list, text_area, text_field, text_field_width, webhook_ports,
};
use super::security::{SecurityView, sg_choices};
use crate::model::{
    Client, Component, ComponentKind, ConnectionKind, Design, Edit, KindName, LOCAL_TARGET,
    NatConnectivity, NodeGroup, Point, Route, net,
};
use crate::t;

/// A list of security groups: each links to its rules and can be removed; a picker adds one.
/// `none` says what an empty list means.
pub(crate) fn sg_list_ui(
    ui: &mut egui::Ui,
    salt: &str,
    list: &mut Vec<String>,
    choices: &[String],
    none: &str,
    security: &mut SecurityView,
) -> bool {
    let mut changed = false;
    let mut remove = None;
    ui.vertical(|ui| {
        if list.is_empty() {
            ui.label(RichText::new(none).small());
        }
        for (i, g) in list.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .link(g)
                    .on_hover_text(t!("insp-edit-this-group-s-rules"))
                    .clicked()
                {
                    security.show_group(g);
                }
                if ui
                    .small_button("✖")
                    .on_hover_text(t!("insp-take-this-group-off"))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        let missing: Vec<&String> = choices.iter().filter(|c| !list.contains(c)).collect();
        if !missing.is_empty() {
            egui::ComboBox::from_id_salt(salt)
                .selected_text(t!("insp-add-group"))
                .width(110.0)
                .show_ui(ui, |ui| {
                    for c in missing {
                        if ui.selectable_label(false, c).clicked() {
                            list.push(c.clone());
                            changed = true;
                        }
                    }
                });
        }
    });
    if let Some(i) = remove {
        list.remove(i);
        changed = true;
    }
    changed
}

/// The network ACL of a subnet: the default (allow all) or one of the design's ACLs.
pub(crate) fn acl_picker(
    ui: &mut egui::Ui,
    design: &Design,
    id: &str,
    acl: &mut Option<String>,
    security: &mut SecurityView,
) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt(("acl", id))
            .width(120.0)
            .selected_text(acl.clone().unwrap_or_else(|| t!("insp-default-allow-all")))
            .show_ui(ui, |ui| {
                changed |= ui
                    .selectable_value(acl, None, t!("insp-default-allow-all"))
                    .changed();
                for a in &design.network_acls {
                    changed |= ui
                        .selectable_value(acl, Some(a.id.clone()), &a.id)
                        .changed();
                }
            });
        if let Some(a) = acl.as_ref()
            && ui
                .small_button(t!("insp-rules"))
                .on_hover_text(t!("insp-edit-this-acl-s-rules"))
                .clicked()
        {
            security.show_acl(a);
        }
    });
    changed
}

/// The inspector of a connection: its ends, kind and label, and a delete button.
pub fn connection_ui(
    ui: &mut egui::Ui,
    design: &Design,
    index: usize,
    buffers: &mut Buffers,
) -> Option<Edit> {
    let conn = design.connections.get(index)?;
    let mut edit = None;
    ui.heading(t!("insp-connection"));
    egui::Grid::new("connection-grid")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(t!("insp-from"));
            ui.label(&conn.from);
            ui.end_row();
            ui.label(t!("insp-to"));
            ui.label(&conn.to);
            ui.end_row();
            ui.label(t!("insp-kind"));
            ui.label(match conn.kind {
                ConnectionKind::Attachment => t!("insp-attachment-routes-traffic"),
                ConnectionKind::Line => t!("insp-annotation-line"),
            });
            ui.end_row();
            ui.label(t!("insp-label"));
            if let Some(v) = text_field(
                ui,
                buffers,
                &format!("connection.{index}.label"),
                &conn.label,
                &ok,
            ) {
                edit = Some(Edit::LabelConnection { index, label: v });
            }
            ui.end_row();
        });
    if ui
        .button(t!("insp-delete-connection"))
        .on_hover_text(t!("insp-remove-this-connection-delete"))
        .clicked()
    {
        edit = Some(Edit::Disconnect(index));
    }
    edit
}

/// The inspector for one component; returns an edit when the user changed something.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    design: &Design,
    id: &str,
    buffers: &mut Buffers,
    security: &mut SecurityView,
) -> Option<Edit> {
    let comp = design.component(id)?;
    let sg_choices = sg_choices(design);
    let kind = comp.kind.name();
    ui.heading(crate::i18n::words::kind(kind).to_string());
    let mut next: Component = comp.clone();
    let mut changed = false;
    let mut rename = None;
    let mut geometry = None;
    let key = |f: &str| format!("{id}.{f}");
    egui::Grid::new("inspector-grid")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("id");
            if let Some(v) = id_field(ui, buffers, &key("id"), id, &|t| {
                design.component(t).is_some()
            }) {
                rename = Some(v);
            }
            ui.end_row();
            ui.label(t!("insp-label"));
            if let Some(v) = text_field(ui, buffers, &key(&t!("insp-label")), &comp.label, &ok) {
                next.label = v;
                changed = true;
            }
            ui.end_row();
            // Where an imported component came from (an AWS id, a Terraform address).
            if !comp.source.is_empty() {
                ui.label(t!("insp-source"));
                ui.add(egui::Label::new(&comp.source).truncate())
                    .on_hover_text(&comp.source);
                ui.end_row();
            }
            // Exact placement from the keyboard: x, y of the top-left corner, then width and
            // height (containers keep their children inside).
            let r = comp.rect();
            ui.label(t!("insp-position"));
            ui.horizontal(|ui| {
                let x = number_field(ui, buffers, &key("x"), r.min.x);
                let y = number_field(ui, buffers, &key("y"), r.min.y);
                if x.is_some() || y.is_some() {
                    geometry = Some(Edit::Move {
                        ids: vec![id.to_owned()],
                        delta: Point::new(
                            x.map_or(0.0, |x| x - r.min.x),
                            y.map_or(0.0, |y| y - r.min.y),
                        ),
                    });
                }
            });
            ui.end_row();
            ui.label(t!("insp-size"));
            ui.horizontal(|ui| {
                let w = number_field(ui, buffers, &key("w"), r.size.w);
                let h = number_field(ui, buffers, &key("h"), r.size.h);
                if w.is_some() || h.is_some() {
                    geometry = Some(Edit::SetRect {
                        id: id.to_owned(),
                        rect: crate::model::Rect::new(
                            r.min,
                            crate::model::Size::new(w.unwrap_or(r.size.w), h.unwrap_or(r.size.h)),
                        ),
                    });
                }
            });
            ui.end_row();
            let mut row = |ui: &mut egui::Ui,
                           name: &str,
                           field: &str,
                           cur: String,
                           v: &dyn Fn(&str) -> Result<(), String>| {
                ui.label(name);
                let r = text_field(ui, buffers, &key(field), &cur, v);
                ui.end_row();
                r
            };
            match &mut next.kind {
                ComponentKind::Vpc(v) => {
                    if let Some(t) = row(
                        ui,
                        &t!("insp-cidr-blocks"),
                        "cidr_blocks",
                        v.cidr_blocks.join(", "),
                        &cidr_list,
                    ) {
                        v.cidr_blocks = split_list(&t);
                        changed = true;
                    }
                    if let Some(t) = row(
                        ui,
                        &t!("insp-recent-cidrs"),
                        "recent",
                        v.recent_cidr_blocks.join(", "),
                        &cidr_list,
                    ) {
                        v.recent_cidr_blocks = split_list(&t);
                        changed = true;
                    }
                    if let Some(t) = row(
                        ui,
                        &t!("insp-vpc-endpoints"),
                        "endpoints",
                        v.endpoints.join(", "),
                        &ok,
                    ) {
                        v.endpoints = split_list(&t);
                        changed = true;
                    }
                    ui.label("DNS");
                    ui.vertical(|ui| {
                        changed |= ui
                            .checkbox(&mut v.dns_support, t!("insp-dns-resolution"))
                            .changed();
                        changed |= ui
                            .checkbox(&mut v.dns_hostnames, t!("insp-dns-hostnames"))
                            .changed();
                        changed |= ui
                            .checkbox(&mut v.amazon_provided_dns, "AmazonProvidedDNS")
                            .changed();
                    });
                    ui.end_row();
                }
                ComponentKind::Subnet(s) => {
                    if let Some(t) = row(ui, "CIDR", "cidr", s.cidr.clone(), &|t| {
                        net::parse_cidr_v4(t).map(|_| ()).map_err(String::from)
                    }) {
                        s.cidr = t.trim().to_owned();
                        changed = true;
                    }
                    if let Some(t) = row(ui, &t!("insp-zone"), "az", s.az.clone(), &ok) {
                        s.az = t.trim().to_owned();
                        changed = true;
                    }
                    ui.label("");
                    changed |= ui
                        .checkbox(
                            &mut s.map_public_ip_on_launch,
                            t!("insp-auto-assign-public-ip"),
                        )
                        .changed();
                    ui.end_row();
                    ui.label(t!("insp-network-acl"));
                    changed |= acl_picker(ui, design, id, &mut s.network_acl, security);
                    ui.end_row();
                }
                ComponentKind::Nlb(n) => {
                    if let Some(t) = row(
                        ui,
                        &t!("insp-public-ips"),
                        "ips",
                        n.public_ips.join(", "),
                        &|t| {
                            split_list(t).iter().try_for_each(|p| {
                                net::parse_ip_v4(p).map(|_| ()).map_err(String::from)
                            })
                        },
                    ) {
                        n.public_ips = split_list(&t);
                        changed = true;
                    }
                }
                ComponentKind::EksEni(e) => {
                    if let Some(t) = row(
                        ui,
                        &t!("insp-private-ip"),
                        "ip",
                        e.private_ip.clone(),
                        &required_ip,
                    ) {
                        e.private_ip = t.trim().to_owned();
                        changed = true;
                    }
                }
                ComponentKind::Nat(n) => {
                    if let Some(t) = row(
                        ui,
                        &t!("insp-elastic-ip"),
                        "eip",
                        n.elastic_ip.clone().unwrap_or_default(),
                        &optional_ip,
                    ) {
                        n.elastic_ip = opt(&t);
                        n.elastic_ip_unknown &= n.elastic_ip.is_none();
                        changed = true;
                    }
                    ui.label("");
                    let mut private = n.connectivity == NatConnectivity::Private;
                    if ui.checkbox(&mut private, t!("insp-private-nat")).changed() {
                        n.connectivity = if private {
                            NatConnectivity::Private
                        } else {
                            NatConnectivity::Public
                        };
                        changed = true;
                    }
                    ui.end_row();
                }
                ComponentKind::Node(n) => {
                    if let Some(t) = row(
                        ui,
                        &t!("insp-private-ip"),
                        "ip",
                        n.private_ip.clone(),
                        &required_ip,
                    ) {
                        n.private_ip = t.trim().to_owned();
                        changed = true;
                    }
                    if let Some(t) = row(
                        ui,
                        &t!("insp-public-ip"),
                        "pip",
                        n.public_ip.clone().unwrap_or_default(),
                        &optional_ip,
                    ) {
                        n.public_ip = opt(&t);
                        changed = true;
                    }
                    changed |= launched_without_ip(
                        ui,
                        design,
                        id,
                        n.public_ip.as_ref(),
                        &mut n.no_public_ip,
                    );
                    if let Some(t) = row(
                        ui,
                        &t!("insp-webhook-ports"),
                        "webhooks",
                        n.webhook_ports
                            .iter()
                            .map(u16::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                        &webhook_ports,
                    ) {
                        n.webhook_ports = parse_webhook_ports(&t).unwrap_or_default();
                        changed = true;
                    }
                    ui.label(t!("insp-security-groups"));
                    let none = t!(
                        "insp-sg-none-carries",
                        sg = design.cluster.cluster_security_group.as_str()
                    );
                    changed |= sg_list_ui(
                        ui,
                        &format!("{id}.sgs"),
                        &mut n.security_groups,
                        &sg_choices,
                        &none,
                        security,
                    );
                    ui.end_row();
                    ui.label("");
                    ui.vertical(|ui| {
                        let mut managed = n.node_group == NodeGroup::Managed;
                        if ui
                            .checkbox(&mut managed, t!("insp-managed-node-group"))
                            .changed()
                        {
                            n.node_group = if managed {
                                NodeGroup::Managed
                            } else {
                                NodeGroup::SelfManaged
                            };
                            changed = true;
                        }
                        changed |= ui.checkbox(&mut n.hybrid, t!("insp-hybrid-node")).changed();
                    });
                    ui.end_row();
                }
                ComponentKind::Client(cl) => {
                    client_rows(ui, cl, &mut changed, &mut row);
                    changed |= launched_without_ip(
                        ui,
                        design,
                        id,
                        cl.public_ip.as_ref(),
                        &mut cl.no_public_ip,
                    );
                    ui.label(t!("insp-security-groups"));
                    changed |= sg_list_ui(
                        ui,
                        &format!("{id}.sgs"),
                        &mut cl.security_groups,
                        &sg_choices,
                        &t!("insp-none-all-traffic-out"),
                        security,
                    );
                    ui.end_row();
                }
                ComponentKind::OnPrem(o) => {
                    if let Some(t) = row(ui, "CIDRs", "cidrs", o.cidrs.join(", "), &cidr_list) {
                        o.cidrs = split_list(&t);
                        changed = true;
                    }
                    if let Some(t) = row(
                        ui,
                        &t!("insp-internet-egress-ip"),
                        "egress",
                        o.internet_egress_ip.clone().unwrap_or_default(),
                        &optional_ip,
                    ) {
                        o.internet_egress_ip = opt(&t);
                        changed = true;
                    }
                }
                ComponentKind::Note(n) => {
                    ui.label(t!("insp-text"));
                    if let Some(t) = text_area(ui, buffers, &key(&t!("insp-text")), &n.text) {
                        n.text = t;
                        changed = true;
                    }
                    ui.end_row();
                }
                ComponentKind::Tgw => {
                    for t in design.transit.tables_of(id) {
                        ui.label(t!("insp-route-table-id", id = t.id.as_str()));
                        ui.label(transit_table_text(t));
                        ui.end_row();
                    }
                    if design.transit.tables_of(id).next().is_none() {
                        ui.label(t!("insp-route-tables"));
                        ui.label(t!("insp-none-all-attachments"));
                        ui.end_row();
                    }
                }
                ComponentKind::Vpn | ComponentKind::Peering => {
                    ui.label(t!("insp-carries"));
                    ui.label(design.transit.carried_by(id).map_or_else(
                        || t!("insp-the-ranges-of-the-networks"),
                        |c| {
                            if c.cidrs.is_empty() {
                                t!("insp-none")
                            } else {
                                c.cidrs.join(", ")
                            }
                        },
                    ));
                    ui.end_row();
                }
                ComponentKind::ControlPlane
                | ComponentKind::ApiServer
                | ComponentKind::Igw
                | ComponentKind::Phz => {}
            }
        });
    // The same target kinds validation accepts for this route table.
    let allowed: &[KindName] = match &next.kind {
        ComponentKind::OnPrem(_) => &KindName::ON_PREM_ROUTE_TARGETS,
        _ => &KindName::SUBNET_ROUTE_TARGETS,
    };
    let targets: Vec<&Component> = design
        .components
        .iter()
        .filter(|c| allowed.contains(&c.kind.name()))
        .collect();
    match &mut next.kind {
        ComponentKind::Subnet(s) => {
            changed |= routes_ui(ui, id, &mut s.routes, &targets, buffers, true);
        }
        ComponentKind::OnPrem(o) => {
            changed |= routes_ui(ui, id, &mut o.routes, &targets, buffers, false);
        }
        _ => {}
    }
    if let Some(to) = rename {
        return Some(Edit::Rename {
            from: id.to_owned(),
            to: to.trim().to_owned(),
        });
    }
    if geometry.is_some() {
        return geometry;
    }
    changed.then_some(Edit::Replace(next))
}

type RowFn<'a> = dyn FnMut(&mut egui::Ui, &str, &str, String, &dyn Fn(&str) -> Result<(), String>) -> Option<String>
    + 'a;

/// In a subnet that auto-assigns public IPs, with none written: whether the component was
/// launched without one (else it has one, address unknown). Returns whether it changed.
fn launched_without_ip(
    ui: &mut egui::Ui,
    design: &crate::model::Design,
    id: &str,
    public_ip: Option<&String>,
    no_public_ip: &mut bool,
) -> bool {
    let auto = design
        .component(id)
        .and_then(|c| c.parent.as_deref())
        .and_then(|p| design.component(p))
        .is_some_and(|p| matches!(&p.kind, ComponentKind::Subnet(s) if s.map_public_ip_on_launch));
    if !auto || public_ip.is_some() {
        return false;
    }
    ui.label("");
    let changed = ui
        .checkbox(no_public_ip, t!("insp-launched-without-a-public-ip"))
        .on_hover_text(t!("insp-the-subnet-auto-assigns-public"))
        .changed();
    ui.end_row();
    changed
}

fn client_rows(ui: &mut egui::Ui, cl: &mut Client, changed: &mut bool, row: &mut RowFn<'_>) {
    if let Some(t) = row(
        ui,
        &t!("insp-private-ip"),
        "ip",
        cl.private_ip.clone().unwrap_or_default(),
        &optional_ip,
    ) {
        cl.private_ip = opt(&t);
        *changed = true;
    }
    if let Some(t) = row(
        ui,
        &t!("insp-public-ip"),
        "pip",
        cl.public_ip.clone().unwrap_or_default(),
        &optional_ip,
    ) {
        cl.public_ip = opt(&t);
        *changed = true;
    }
    ui.label("");
    *changed |= ui
        .checkbox(
            &mut cl.dns_forwards_to_cluster_vpc,
            t!("insp-forwards-dns-to-the-vpc"),
        )
        .changed();
    ui.end_row();
}

fn routes_ui(
    ui: &mut egui::Ui,
    id: &str,
    routes: &mut Vec<Route>,
    targets: &[&Component],
    buffers: &mut Buffers,
    allow_local: bool,
) -> bool {
    let mut changed = false;
    ui.add_space(6.0);
    ui.label(RichText::new(t!("insp-route-table")).strong());
    let mut remove = None;
    for (i, r) in routes.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if let Some(v) = text_field_width(
                ui,
                buffers,
                &format!("{id}.route.{i}"),
                &r.destination,
                &|t| net::parse_cidr_v4(t).map(|_| ()).map_err(String::from),
                120.0,
            ) {
                r.destination = v.trim().to_owned();
                changed = true;
            }
            ui.label("->");
            egui::ComboBox::from_id_salt(("route-target", id, i))
                .width(90.0)
                .selected_text(r.target.clone())
                .show_ui(ui, |ui| {
                    if allow_local {
                        changed |= ui
                            .selectable_value(&mut r.target, LOCAL_TARGET.to_owned(), LOCAL_TARGET)
                            .changed();
                    }
                    for t in targets {
                        changed |= ui
                            .selectable_value(&mut r.target, t.id.clone(), &t.id)
                            .changed();
                    }
                });
            if ui
                .small_button("✖")
                .on_hover_text(t!("insp-remove-this-route"))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        routes.remove(i);
        changed = true;
    }
    if ui.small_button(t!("insp-add-route")).clicked() {
        let target = targets
            .first()
            .map_or_else(|| LOCAL_TARGET.to_owned(), |t| t.id.clone());
        routes.push(Route {
            destination: "0.0.0.0/0".to_owned(),
            target,
        });
        changed = true;
    }
    changed
}

/// A transit gateway route table in a few words: associations, propagations, routes.
fn transit_table_text(t: &crate::model::TgwRouteTable) -> String {
    let list = |v: &[String]| {
        if v.is_empty() {
            t!("insp-none")
        } else {
            v.join(", ")
        }
    };
    let routes: Vec<String> = t
        .routes
        .iter()
        .map(|r| format!("{} → {}", r.destination, r.target))
        .collect();
    let routes = if routes.is_empty() {
        t!("insp-routes-none")
    } else {
        t!("insp-routes", routes = routes.join("\n"))
    };
    t!(
        "insp-tgw-table",
        associated = list(&t.associations),
        propagated = list(&t.propagations),
        routes = routes
    )
}
