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

/// Adds installed system fonts as fallbacks after the built-in ones, so that labels in
/// any script draw as text rather than boxes. Returns the families added.
pub fn install_fallback_fonts(ctx: &egui::Context) -> Vec<String> {
    let mut fonts = egui::FontDefinitions::default();
    let mut added = Vec::new();
    for face in crate::render::fonts::fallbacks() {
        let key = format!("system {}", face.family);
        let mut data = egui::FontData::from_owned(face.data.as_slice().to_vec());
        data.index = face.index;
        fonts
            .font_data
            .insert(key.clone(), std::sync::Arc::new(data));
        for list in fonts.families.values_mut() {
            list.push(key.clone());
        }
        added.push(face.family.clone());
    }
    if !added.is_empty() {
        ctx.set_fonts(fonts);
    }
    added
}
