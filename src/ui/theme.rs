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

/// System fonts that draw what the built-in font cannot (Korean, Chinese, Japanese, arrows),
/// in order of preference.
const FALLBACK_FAMILIES: [&str; 10] = [
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumGothic",
    "Source Han Sans KR",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "DejaVu Sans",
    "Noto Sans",
];

/// Adds installed system fonts as fallbacks after the built-in ones, so that labels in
/// any script draw as text rather than boxes. Returns the families added.
pub fn install_fallback_fonts(ctx: &egui::Context) -> Vec<String> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let mut fonts = egui::FontDefinitions::default();
    let mut added = Vec::new();
    for family in FALLBACK_FAMILIES {
        let Some(face) = db
            .faces()
            .find(|f| f.families.iter().any(|(name, _)| name == family))
        else {
            continue;
        };
        let Some((bytes, index)) = db.with_face_data(face.id, |data, index| (data.to_vec(), index))
        else {
            continue;
        };
        let key = format!("system {family}");
        let mut data = egui::FontData::from_owned(bytes);
        data.index = index;
        fonts
            .font_data
            .insert(key.clone(), std::sync::Arc::new(data));
        for list in fonts.families.values_mut() {
            list.push(key.clone());
        }
        added.push(family.to_owned());
        // One CJK face and one general face are enough.
        if added.len() >= 2 {
            break;
        }
    }
    if !added.is_empty() {
        ctx.set_fonts(fonts);
    }
    added
}
