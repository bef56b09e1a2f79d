//! Side panels: palette, cluster settings, inspector and problems.

use std::collections::{BTreeSet, HashMap};

use egui::{RichText, Shape};

use super::paint::{ScreenFromCanvas, push_shapes};
use super::security::{SecurityView, sg_choices};
use super::theme::color;
use crate::model::Point;
use crate::model::design::IpFamily;
use crate::model::{
    Client, Cluster, Component, ComponentKind, ConnectionKind, Design, Edit, EndpointMode,
    KindName, LOCAL_TARGET, NatConnectivity, NodeGroup, Problem, Route, Severity, net,
    validate::check_id,
};
use crate::render::{Palette, scene};

/// The active canvas tool.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    /// Select, move and resize.
    #[default]
    Select,
    /// Click on the canvas to place a component of this kind.
    Place(KindName),
    /// Drag from one component to another to connect them.
    Connect,
}

/// Text being typed into fields, by field key, until it is committed.
#[derive(Debug, Default)]
pub struct Buffers(HashMap<String, String>);

impl Buffers {
    /// Forgets every unfinished field (after a selection change).
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// A one-line text field validated as you type; returns the new value when the user
/// leaves the field (or presses Enter) with a valid, changed value.
pub fn text_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
    validate: &dyn Fn(&str) -> Result<(), String>,
) -> Option<String> {
    let width = ui.available_width().min(200.0);
    text_field_width(ui, buffers, key, current, validate, width)
}

/// [`text_field`] with a given width.
pub fn text_field_width(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
    validate: &dyn Fn(&str) -> Result<(), String>,
    width: f32,
) -> Option<String> {
    // A fixed size: in a grid, a field that takes the available width would keep its column
    // as narrow as the previous frame left it.
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    buffered_field(ui, buffers, key, current, validate, &mut |ui, text, id| {
        ui.add_sized(size, egui::TextEdit::singleline(text).id(id))
    })
}

/// A multi-line text field; returns the new text when the user leaves it changed.
pub fn text_area(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
) -> Option<String> {
    let width = ui.available_width().min(200.0);
    buffered_field(ui, buffers, key, current, &ok, &mut |ui, text, id| {
        ui.add(
            egui::TextEdit::multiline(text)
                .id(id)
                .desired_rows(2)
                .desired_width(width),
        )
    })
}

/// The text being typed lives in `buffers` while the field has focus (the design keeps its
/// value until the user leaves the field); errors show under the field.
fn buffered_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
    validate: &dyn Fn(&str) -> Result<(), String>,
    show: &mut dyn FnMut(&mut egui::Ui, &mut String, egui::Id) -> egui::Response,
) -> Option<String> {
    let id = ui.make_persistent_id(key);
    let focused = ui.memory(|m| m.has_focus(id));
    let mut text = if focused {
        buffers
            .0
            .get(key)
            .cloned()
            .unwrap_or_else(|| current.to_owned())
    } else {
        current.to_owned()
    };
    let resp = show(ui, &mut text, id);
    let error = validate(&text).err();
    if resp.has_focus() {
        buffers.0.insert(key.to_owned(), text.clone());
    }
    if let Some(e) = &error
        && (resp.has_focus() || text != current)
    {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color).small());
    }
    if resp.lost_focus() {
        buffers.0.remove(key);
        if error.is_none() && text != current {
            return Some(text);
        }
    }
    None
}

/// An id field: well formed, and not `taken` by anything other than its current holder.
pub fn id_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
    taken: &dyn Fn(&str) -> bool,
) -> Option<String> {
    text_field_width(
        ui,
        buffers,
        key,
        current,
        &|t| {
            check_id(t)?;
            if t != current && taken(t) {
                Err(format!("\"{t}\" is taken"))
            } else {
                Ok(())
            }
        },
        ui.available_width().min(200.0),
    )
    .map(|v| v.trim().to_owned())
}

#[expect(
    clippy::unnecessary_wraps,
    reason = "the shape every field validator has"
)]
fn ok(_: &str) -> Result<(), String> {
    Ok(())
}

fn cidr_list(text: &str) -> Result<(), String> {
    for part in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        net::parse_cidr_v4(part)?;
    }
    Ok(())
}

fn optional_ip(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Ok(())
    } else {
        net::parse_ip_v4(text).map(|_| ())
    }
}

fn required_ip(text: &str) -> Result<(), String> {
    net::parse_ip_v4(text).map(|_| ())
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn opt(text: &str) -> Option<String> {
    let t = text.trim().to_owned();
    (!t.is_empty()).then_some(t)
}

fn parse_webhook_ports(text: &str) -> Result<Vec<u16>, String> {
    split_list(text)
        .iter()
        .map(|p| match p.parse::<u16>() {
            Ok(0) | Err(_) => Err(format!("\"{p}\" is not a port (1-65535)")),
            Ok(n) => Ok(n),
        })
        .collect()
}

fn webhook_ports(text: &str) -> Result<(), String> {
    parse_webhook_ports(text).map(|_| ())
}

/// A list of security groups: each links to its rules and can be removed; a picker adds one.
/// `none` says what an empty list means.
fn sg_list_ui(
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
                    .on_hover_text("Edit this group's rules")
                    .clicked()
                {
                    security.show_group(g);
                }
                if ui
                    .small_button("✖")
                    .on_hover_text("Take this group off")
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        let missing: Vec<&String> = choices.iter().filter(|c| !list.contains(c)).collect();
        if !missing.is_empty() {
            egui::ComboBox::from_id_salt(salt)
                .selected_text("add group")
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
fn acl_picker(
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
            .selected_text(
                acl.clone()
                    .unwrap_or_else(|| "default (allow all)".to_owned()),
            )
            .show_ui(ui, |ui| {
                changed |= ui
                    .selectable_value(acl, None, "default (allow all)")
                    .changed();
                for a in &design.network_acls {
                    changed |= ui
                        .selectable_value(acl, Some(a.id.clone()), &a.id)
                        .changed();
                }
            });
        if let Some(a) = acl.as_ref()
            && ui
                .small_button("rules")
                .on_hover_text("Edit this ACL's rules")
                .clicked()
        {
            security.show_acl(a);
        }
    });
    changed
}

/// The palette: every kind, placed by click-then-click or by dragging onto the canvas.
pub fn palette_ui(ui: &mut egui::Ui, tool: &mut Tool, palette: &Palette, fonts_epoch: u64) {
    ui.heading("Components");
    ui.label(RichText::new("click, then click on the canvas, or drag").small());
    ui.add_space(4.0);
    // The icons are the same every frame: drawn once per theme (and fonts), then moved into
    // place.
    let cache_id = egui::Id::new(("palette-icons", palette.theme, fonts_epoch));
    let icons = ui
        .data(|d| d.get_temp::<std::sync::Arc<Vec<Shape>>>(cache_id))
        .unwrap_or_else(|| {
            let t = ScreenFromCanvas {
                zoom: 1.0,
                offset: egui::Vec2::ZERO,
            };
            let icons: Vec<Shape> = ui.ctx().fonts_mut(|f| {
                KindName::ALL
                    .iter()
                    .map(|kind| {
                        let mut shapes = Vec::new();
                        for p in scene::icon(
                            *kind,
                            crate::model::Point::new(0.0, 0.0),
                            18.0,
                            palette.accent(*kind),
                        ) {
                            push_shapes(&p, &t, f, &mut shapes);
                        }
                        Shape::Vec(shapes)
                    })
                    .collect()
            });
            let icons = std::sync::Arc::new(icons);
            ui.data_mut(|d| d.insert_temp(cache_id, std::sync::Arc::clone(&icons)));
            icons
        });
    for (kind, icon) in KindName::ALL.into_iter().zip(icons.iter()) {
        let selected = *tool == Tool::Place(kind);
        let resp = ui
            .horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(20.0, 20.0), egui::Sense::hover());
                let mut shape = icon.clone();
                shape.translate(rect.center().to_vec2());
                ui.painter().add(shape);
                ui.selectable_label(selected, kind.human())
                    .interact(egui::Sense::drag())
            })
            .inner;
        // Dragging a kind onto the canvas places it where it is dropped.
        if resp.drag_started() {
            egui::DragAndDrop::set_payload(ui.ctx(), kind);
        }
        if resp.dragged() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
        }
        if resp.clicked() {
            *tool = if selected {
                Tool::Select
            } else {
                Tool::Place(kind)
            };
        }
    }
}

/// The cluster settings panel; returns an edit when the user changed something.
pub fn cluster_ui(
    ui: &mut egui::Ui,
    design: &Design,
    buffers: &mut Buffers,
    security: &mut SecurityView,
) -> Option<Edit> {
    let c = &design.cluster;
    let mut next: Cluster = c.clone();
    let mut changed = false;
    let mut text_edit = None;
    egui::Grid::new("cluster-grid")
        .num_columns(2)
        .show(ui, |ui| {
            // The design's own title and description head exports and reports.
            ui.label("title");
            if let Some(v) = text_field(ui, buffers, "design.title", &design.title, &ok) {
                text_edit = Some(Edit::SetText {
                    title: v,
                    description: design.description.clone(),
                });
            }
            ui.end_row();
            ui.label("description");
            // A long description scrolls in a few lines instead of pushing the panel down.
            let description = egui::ScrollArea::vertical()
                .id_salt("design-description")
                .max_height(64.0)
                .show(ui, |ui| {
                    text_area(ui, buffers, "design.description", &design.description)
                })
                .inner;
            if let Some(description) = description {
                text_edit = Some(Edit::SetText {
                    title: design.title.clone(),
                    description,
                });
            }
            ui.end_row();
            ui.label("cluster name");
            if let Some(v) = text_field(ui, buffers, "cluster.name", &c.name, &ok) {
                next.name = v;
                changed = true;
            }
            ui.end_row();
        });
    ui.label("endpoint access");
    let mode = c.mode();
    ui.horizontal_wrapped(|ui| {
        for m in EndpointMode::ALL {
            if ui.radio(mode == Some(m), m.human()).clicked() && mode != Some(m) {
                next.set_mode(m);
                changed = true;
            }
        }
    });
    if mode.is_none() {
        ui.label(
            RichText::new("both endpoints are off: EKS requires public or private access")
                .color(ui.visuals().error_fg_color),
        );
    }
    ui.add_space(4.0);
    ui.label("public access CIDRs");
    let mut remove = None;
    for (i, cidr) in c.public_access_cidrs.iter().enumerate() {
        ui.horizontal(|ui| {
            if let Some(v) = text_field_width(
                ui,
                buffers,
                &format!("cluster.cidr.{i}"),
                cidr,
                &|t| net::parse_cidr_any(t).map(|_| ()),
                160.0,
            ) && let Some(slot) = next.public_access_cidrs.get_mut(i)
            {
                *slot = v.trim().to_owned();
                changed = true;
            }
            if ui
                .small_button("✖")
                .on_hover_text("Remove this CIDR")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        next.public_access_cidrs.remove(i);
        changed = true;
    }
    if ui.small_button("add CIDR").clicked() {
        next.public_access_cidrs.push("203.0.113.0/24".to_owned());
        changed = true;
    }
    if !c.endpoint_public_access && c.public_access_cidrs.iter().any(|s| s != "0.0.0.0/0") {
        ui.label(RichText::new("ignored while public access is off").small());
    }
    egui::CollapsingHeader::new("more cluster settings")
        .id_salt("cluster-more")
        .show(ui, |ui| {
            changed |= cluster_more_ui(ui, design, &mut next, buffers, security);
        });
    if ui
        .checkbox(&mut next.legacy_no_public_private_record, "legacy: no public DNS record")
        .on_hover_text("An old private-only cluster whose public DNS record for its private IPs was never created")
        .changed()
    {
        changed = true;
    }
    if text_edit.is_some() {
        return text_edit;
    }
    changed.then_some(Edit::SetCluster(next))
}

/// IP family, endpoint host name, security groups on the EKS-owned ENIs, and the cluster
/// subnets.
fn cluster_more_ui(
    ui: &mut egui::Ui,
    design: &Design,
    next: &mut Cluster,
    buffers: &mut Buffers,
    security: &mut SecurityView,
) -> bool {
    let mut changed = false;
    let c = &design.cluster;
    egui::Grid::new("cluster-more-grid")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("IP family");
            ui.horizontal(|ui| {
                changed |= ui
                    .radio_value(&mut next.ip_family, IpFamily::Ipv4, "IPv4")
                    .changed();
                changed |= ui
                    .radio_value(&mut next.ip_family, IpFamily::Ipv6, "IPv6")
                    .changed();
            });
            ui.end_row();
            ui.label("endpoint name");
            if let Some(v) = text_field(ui, buffers, "cluster.hostname", &c.endpoint_hostname, &ok)
            {
                next.endpoint_hostname = v.trim().to_owned();
                changed = true;
            }
            ui.end_row();
            ui.label("cluster security group");
            let choices = sg_choices(design);
            ui.horizontal(|ui| {
                egui::ComboBox::from_id_salt("cluster-sg")
                    .width(110.0)
                    .selected_text(next.cluster_security_group.clone())
                    .show_ui(ui, |ui| {
                        for g in &choices {
                            changed |= ui
                                .selectable_value(&mut next.cluster_security_group, g.clone(), g)
                                .changed();
                        }
                    });
                if ui
                    .small_button("rules")
                    .on_hover_text("Edit its rules")
                    .clicked()
                {
                    security.show_group(&c.cluster_security_group);
                }
            });
            ui.end_row();
            ui.label("more groups on the ENIs");
            changed |= sg_list_ui(
                ui,
                "cluster.sgs",
                &mut next.security_group_ids,
                &choices,
                "none",
                security,
            );
            ui.end_row();
        });
    ui.label("cluster subnets");
    let subnets: Vec<&Component> = design
        .components
        .iter()
        .filter(|x| x.kind.name() == KindName::Subnet)
        .collect();
    if next.subnet_ids.is_empty() {
        ui.label(RichText::new("none picked: the subnets holding EKS-owned ENIs").small());
    }
    for s in subnets {
        let mut on = next.subnet_ids.contains(&s.id);
        if ui.checkbox(&mut on, &s.id).changed() {
            if on {
                next.subnet_ids.push(s.id.clone());
            } else {
                next.subnet_ids.retain(|x| x != &s.id);
            }
            changed = true;
        }
    }
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
    ui.heading("Connection");
    egui::Grid::new("connection-grid")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("from");
            ui.label(&conn.from);
            ui.end_row();
            ui.label("to");
            ui.label(&conn.to);
            ui.end_row();
            ui.label("kind");
            ui.label(match conn.kind {
                ConnectionKind::Attachment => "attachment (routes traffic)",
                ConnectionKind::Line => "annotation line",
            });
            ui.end_row();
            ui.label("label");
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
        .button("delete connection")
        .on_hover_text("Remove this connection (Delete)")
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
    ui.heading(kind.human());
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
            ui.label("label");
            if let Some(v) = text_field(ui, buffers, &key("label"), &comp.label, &ok) {
                next.label = v;
                changed = true;
            }
            ui.end_row();
            // Exact placement from the keyboard: x, y of the top-left corner, then width and
            // height (containers keep their children inside).
            let r = comp.rect();
            ui.label("position");
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
            ui.label("size");
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
                        "CIDR blocks",
                        "cidr_blocks",
                        v.cidr_blocks.join(", "),
                        &cidr_list,
                    ) {
                        v.cidr_blocks = split_list(&t);
                        changed = true;
                    }
                    if let Some(t) = row(
                        ui,
                        "recent CIDRs",
                        "recent",
                        v.recent_cidr_blocks.join(", "),
                        &cidr_list,
                    ) {
                        v.recent_cidr_blocks = split_list(&t);
                        changed = true;
                    }
                    if let Some(t) = row(
                        ui,
                        "VPC endpoints",
                        "endpoints",
                        v.endpoints.join(", "),
                        &ok,
                    ) {
                        v.endpoints = split_list(&t);
                        changed = true;
                    }
                    ui.label("DNS");
                    ui.vertical(|ui| {
                        changed |= ui.checkbox(&mut v.dns_support, "DNS resolution").changed();
                        changed |= ui.checkbox(&mut v.dns_hostnames, "DNS hostnames").changed();
                        changed |= ui
                            .checkbox(&mut v.amazon_provided_dns, "AmazonProvidedDNS")
                            .changed();
                    });
                    ui.end_row();
                }
                ComponentKind::Subnet(s) => {
                    if let Some(t) = row(ui, "CIDR", "cidr", s.cidr.clone(), &|t| {
                        net::parse_cidr_v4(t).map(|_| ())
                    }) {
                        s.cidr = t.trim().to_owned();
                        changed = true;
                    }
                    if let Some(t) = row(ui, "zone", "az", s.az.clone(), &ok) {
                        s.az = t.trim().to_owned();
                        changed = true;
                    }
                    ui.label("");
                    changed |= ui
                        .checkbox(&mut s.map_public_ip_on_launch, "auto-assign public IP")
                        .changed();
                    ui.end_row();
                    ui.label("network ACL");
                    changed |= acl_picker(ui, design, id, &mut s.network_acl, security);
                    ui.end_row();
                }
                ComponentKind::Nlb(n) => {
                    if let Some(t) = row(ui, "public IPs", "ips", n.public_ips.join(", "), &|t| {
                        split_list(t)
                            .iter()
                            .try_for_each(|p| net::parse_ip_v4(p).map(|_| ()))
                    }) {
                        n.public_ips = split_list(&t);
                        changed = true;
                    }
                }
                ComponentKind::EksEni(e) => {
                    if let Some(t) = row(ui, "private IP", "ip", e.private_ip.clone(), &required_ip)
                    {
                        e.private_ip = t.trim().to_owned();
                        changed = true;
                    }
                }
                ComponentKind::Nat(n) => {
                    if let Some(t) = row(
                        ui,
                        "elastic IP",
                        "eip",
                        n.elastic_ip.clone().unwrap_or_default(),
                        &optional_ip,
                    ) {
                        n.elastic_ip = opt(&t);
                        changed = true;
                    }
                    ui.label("");
                    let mut private = n.connectivity == NatConnectivity::Private;
                    if ui.checkbox(&mut private, "private NAT").changed() {
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
                    if let Some(t) = row(ui, "private IP", "ip", n.private_ip.clone(), &required_ip)
                    {
                        n.private_ip = t.trim().to_owned();
                        changed = true;
                    }
                    if let Some(t) = row(
                        ui,
                        "public IP",
                        "pip",
                        n.public_ip.clone().unwrap_or_default(),
                        &optional_ip,
                    ) {
                        n.public_ip = opt(&t);
                        changed = true;
                    }
                    if let Some(t) = row(
                        ui,
                        "webhook ports",
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
                    ui.label("security groups");
                    let none = format!("none: carries {}", design.cluster.cluster_security_group);
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
                        if ui.checkbox(&mut managed, "managed node group").changed() {
                            n.node_group = if managed {
                                NodeGroup::Managed
                            } else {
                                NodeGroup::SelfManaged
                            };
                            changed = true;
                        }
                        changed |= ui.checkbox(&mut n.hybrid, "hybrid node").changed();
                    });
                    ui.end_row();
                }
                ComponentKind::Client(cl) => {
                    client_rows(ui, cl, &mut changed, &mut row);
                    ui.label("security groups");
                    changed |= sg_list_ui(
                        ui,
                        &format!("{id}.sgs"),
                        &mut cl.security_groups,
                        &sg_choices,
                        "none: all traffic out",
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
                        "internet egress IP",
                        "egress",
                        o.internet_egress_ip.clone().unwrap_or_default(),
                        &optional_ip,
                    ) {
                        o.internet_egress_ip = opt(&t);
                        changed = true;
                    }
                }
                ComponentKind::Note(n) => {
                    ui.label("text");
                    if let Some(t) = text_area(ui, buffers, &key("text"), &n.text) {
                        n.text = t;
                        changed = true;
                    }
                    ui.end_row();
                }
                ComponentKind::ControlPlane
                | ComponentKind::ApiServer
                | ComponentKind::Igw
                | ComponentKind::Vpn
                | ComponentKind::Tgw
                | ComponentKind::Peering
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

/// A number field for canvas units; returns the new value when the user leaves it changed.
fn number_field(ui: &mut egui::Ui, buffers: &mut Buffers, key: &str, current: f32) -> Option<f32> {
    let text = format!("{current}");
    text_field_width(
        ui,
        buffers,
        key,
        &text,
        &|t| match t.trim().parse::<f32>() {
            Ok(v) if v.is_finite() && v.abs() <= 1.0e6 => Ok(()),
            _ => Err("a number of canvas units".to_owned()),
        },
        56.0,
    )
    .and_then(|t| t.trim().parse().ok())
}

type RowFn<'a> = dyn FnMut(&mut egui::Ui, &str, &str, String, &dyn Fn(&str) -> Result<(), String>) -> Option<String>
    + 'a;

fn client_rows(ui: &mut egui::Ui, cl: &mut Client, changed: &mut bool, row: &mut RowFn<'_>) {
    if let Some(t) = row(
        ui,
        "private IP",
        "ip",
        cl.private_ip.clone().unwrap_or_default(),
        &optional_ip,
    ) {
        cl.private_ip = opt(&t);
        *changed = true;
    }
    if let Some(t) = row(
        ui,
        "public IP",
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
            "forwards DNS to the VPC",
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
    ui.label(RichText::new("route table").strong());
    let mut remove = None;
    for (i, r) in routes.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if let Some(v) = text_field_width(
                ui,
                buffers,
                &format!("{id}.route.{i}"),
                &r.destination,
                &|t| net::parse_cidr_v4(t).map(|_| ()),
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
                .on_hover_text("Remove this route")
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
    if ui.small_button("add route").clicked() {
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

/// The problems list; returns the component to select when one is clicked.
pub fn problems_ui(ui: &mut egui::Ui, problems: &[Problem]) -> Option<String> {
    let mut picked = None;
    if problems.is_empty() {
        return None;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    // Only the visible rows are laid out: a design can have thousands of warnings.
    egui::ScrollArea::vertical().max_height(140.0).show_rows(
        ui,
        row_height,
        problems.len(),
        |ui, range| {
            for p in problems.get(range).unwrap_or_default() {
                let (icon, col) = match p.severity {
                    Severity::Error => ("⛔", ui.visuals().error_fg_color),
                    Severity::Warning => ("⚠", ui.visuals().warn_fg_color),
                };
                let text = format!("{icon} {} {}", p.code, p.message);
                let where_ = p
                    .component
                    .clone()
                    .or_else(|| p.field.clone())
                    .unwrap_or_default();
                let resp = ui.add(
                    egui::Button::new(RichText::new(format!("{text} ({where_})")).color(col))
                        .frame(false),
                );
                if resp.clicked() {
                    picked.clone_from(&p.component);
                }
            }
        },
    );
    picked
}

/// Ids the current selection would copy, for messages.
pub fn selection_summary(selection: &BTreeSet<String>) -> String {
    match selection.len() {
        0 => "nothing selected".to_owned(),
        1 => selection.iter().next().cloned().unwrap_or_default(),
        n => format!("{n} selected"),
    }
}

/// The palette colour of a kind, for the toolbar.
pub fn kind_color(palette: &Palette, kind: KindName) -> egui::Color32 {
    color(palette.accent(kind))
}
