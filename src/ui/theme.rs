//! The only place that turns diagram colours into egui colours.

use egui::Color32;

use crate::render::{Rgba, Theme};

/// An egui colour from a diagram colour.
pub fn color(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.0, c.1, c.2, c.3)
}

/// egui visuals matching a diagram theme.
pub fn visuals(theme: Theme) -> egui::Visuals {
    match theme {
        Theme::Light => egui::Visuals::light(),
        Theme::Dark => egui::Visuals::dark(),
    }
}
