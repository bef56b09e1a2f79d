//! The cluster panel: title, description, endpoint mode, public access CIDRs and the
//! rarer cluster settings.

use egui::RichText;

use super::fields::{Buffers, ok, text_area, text_field, text_field_width};
use super::inspector::sg_list_ui;
use super::security::{SecurityView, sg_choices};
use crate::model::design::IpFamily;
use crate::model::{Cluster, Component, Design, Edit, EndpointMode, KindName, net};
use crate::t;

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
            ui.label(t!("cluster-title"));
            if let Some(v) = text_field(ui, buffers, "design.title", &design.title, &ok) {
                text_edit = Some(Edit::SetText {
                    title: v,
                    description: design.description.clone(),
                });
            }
            ui.end_row();
            ui.label(t!("cluster-description"));
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
            ui.label(t!("cluster-cluster-name"));
            if let Some(v) = text_field(ui, buffers, "cluster.name", &c.name, &ok) {
                next.name = v;
                changed = true;
            }
            ui.end_row();
        });
    ui.label(t!("cluster-endpoint-access"));
    let mode = c.mode();
    ui.horizontal_wrapped(|ui| {
        for m in EndpointMode::ALL {
            if ui
                .radio(
                    mode == Some(m),
                    crate::i18n::words::mode(Some(m)).to_string(),
                )
                .clicked()
                && mode != Some(m)
            {
                next.set_mode(m);
                changed = true;
            }
        }
    });
    if mode.is_none() {
        ui.label(
            RichText::new(t!("cluster-both-endpoints-are-off-eks"))
                .color(ui.visuals().error_fg_color),
        );
    }
    ui.add_space(4.0);
    ui.label(t!("cluster-public-access-cidrs"));
    let mut remove = None;
    for (i, cidr) in c.public_access_cidrs.iter().enumerate() {
        ui.horizontal(|ui| {
            if let Some(v) = text_field_width(
                ui,
                buffers,
                &format!("cluster.cidr.{i}"),
                cidr,
                &|t| net::parse_cidr_any(t).map(|_| ()).map_err(String::from),
                160.0,
            ) && let Some(slot) = next.public_access_cidrs.get_mut(i)
            {
                *slot = v.trim().to_owned();
                changed = true;
            }
            if ui
                .small_button("✖")
                .on_hover_text(t!("cluster-remove-this-cidr"))
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
    if ui.small_button(t!("cluster-add-cidr")).clicked() {
        next.public_access_cidrs.push("203.0.113.0/24".to_owned());
        changed = true;
    }
    if !c.endpoint_public_access && c.public_access_cidrs.iter().any(|s| s != "0.0.0.0/0") {
        ui.label(RichText::new(t!("cluster-ignored-while-public-access-is")).small());
    }
    egui::CollapsingHeader::new(t!("cluster-more-cluster-settings"))
        .id_salt("cluster-more")
        .show(ui, |ui| {
            changed |= cluster_more_ui(ui, design, &mut next, buffers, security);
        });
    if ui
        .checkbox(
            &mut next.legacy_no_public_private_record,
            t!("cluster-legacy-no-public-dns-record"),
        )
        .on_hover_text(t!("cluster-an-old-private-only-cluster"))
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
            ui.label(t!("cluster-ip-family"));
            ui.horizontal(|ui| {
                changed |= ui
                    .radio_value(&mut next.ip_family, IpFamily::Ipv4, "IPv4")
                    .changed();
                changed |= ui
                    .radio_value(&mut next.ip_family, IpFamily::Ipv6, "IPv6")
                    .changed();
            });
            ui.end_row();
            ui.label(t!("cluster-endpoint-name"));
            if let Some(v) = text_field(ui, buffers, "cluster.hostname", &c.endpoint_hostname, &ok)
            {
                next.endpoint_hostname = v.trim().to_owned();
                changed = true;
            }
            ui.end_row();
            ui.label(t!("cluster-cluster-security-group"));
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
                    .small_button(t!("cluster-rules"))
                    .on_hover_text(t!("cluster-edit-its-rules"))
                    .clicked()
                {
                    security.show_group(&c.cluster_security_group);
                }
            });
            ui.end_row();
            ui.label(t!("cluster-more-groups-on-the-enis"));
            changed |= sg_list_ui(
                ui,
                "cluster.sgs",
                &mut next.security_group_ids,
                &choices,
                &t!("cluster-none"),
                security,
            );
            ui.end_row();
        });
    ui.label(t!("cluster-cluster-subnets"));
    let subnets: Vec<&Component> = design
        .components
        .iter()
        .filter(|x| x.kind.name() == KindName::Subnet)
        .collect();
    if next.subnet_ids.is_empty() {
        ui.label(RichText::new(t!("cluster-none-picked-the-subnets-holding")).small());
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
