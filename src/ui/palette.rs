//! The palette of component kinds, and the canvas tool it chooses.

use egui::Shape;

use super::paint::{ScreenFromCanvas, push_shapes};
use super::theme::color;
use egui::RichText;

use crate::model::KindName;
use crate::render::{Palette, scene};
use crate::t;

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

/// The palette: every kind, placed by click-then-click or by dragging onto the canvas.
pub fn palette_ui(ui: &mut egui::Ui, tool: &mut Tool, palette: &Palette, fonts_epoch: u64) {
    ui.heading(t!("palette-components"));
    ui.label(RichText::new(t!("palette-click-then-click-on-the")).small());
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
                ui.selectable_label(selected, crate::i18n::words::kind(kind).to_string())
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

/// The palette colour of a kind, for the toolbar.
pub fn kind_color(palette: &Palette, kind: KindName) -> egui::Color32 {
    color(palette.accent(kind))
}
