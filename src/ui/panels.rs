//! Side panels: the problems list; the palette, cluster panel, inspector and field
//! widgets live in their own modules and are re-exported here.

use egui::RichText;

pub use super::cluster::cluster_ui;
pub use super::fields::{Buffers, id_field, text_area, text_field, text_field_width};
pub use super::inspector::{connection_ui, inspector_ui};
pub use super::palette::{Tool, kind_color, palette_ui};
use crate::model::{Problem, Severity};

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
