//! Zoom and pan: the wheel, the middle button, dragging empty canvas, fitting the design
//! and keyboard zoom requests.

use egui::Vec2;
use egui_graphs::MetadataFrame;

use super::{Canvas, Gesture};
use crate::ui::paint::ScreenFromCanvas;

impl Canvas {
    /// Fits, centres or zooms as asked (by a command, a file load or a new canvas size).
    pub(super) fn apply_view_requests(&mut self, ui: &mut egui::Ui, rect: egui::Rect) {
        if self.auto_fit
            && !self.fit_pending
            && self
                .fitted_size
                .is_some_and(|s| (s - rect.size()).length() > 0.5)
        {
            self.fit(ui, rect);
        }
        if self.fit_pending {
            self.fit(ui, rect);
            self.fit_frames = self.fit_frames.saturating_sub(1);
            self.fit_pending = self.fit_frames > 0;
            ui.ctx().request_repaint();
        }
        if let Some(c) = self.center_request.take() {
            self.auto_fit = false;
            let mut meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
            meta.pan = rect.size() / 2.0 - Vec2::new(c.x, c.y) * meta.zoom;
            meta.save_to(ui);
        }
        if let Some(factor) = self.zoom_request.take() {
            self.auto_fit = false;
            let mut meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
            let centre = rect.size() / 2.0;
            let anchor = (centre - meta.pan) / meta.zoom;
            meta.zoom = (meta.zoom * factor).clamp(0.05, 8.0);
            meta.pan = centre - anchor * meta.zoom;
            meta.save_to(ui);
        }
    }

    /// Zoom at the pointer with the wheel or pinch; pan with the middle button or by
    /// dragging empty canvas.
    /// `hover` is the pointer when it is over the canvas (and no window covers it). Runs
    /// before the boxes are drawn, so that boxes and overlay share one view per frame.
    pub(super) fn navigate(
        &mut self,
        ui: &egui::Ui,
        hover: Option<egui::Pos2>,
        rect: egui::Rect,
        t: &ScreenFromCanvas,
    ) -> bool {
        let (scroll, zoom_delta, middle_down, delta) = ui.ctx().input(|i| {
            (
                i.smooth_scroll_delta,
                i.zoom_delta(),
                i.pointer.middle_down(),
                i.pointer.delta(),
            )
        });
        let mut meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        let mut changed = false;
        if let Some(p) = hover {
            let factor = zoom_delta * (scroll.y * 0.002).exp();
            if (factor - 1.0).abs() > 1e-4 {
                let anchor = t.inverse(p);
                let zoom = (meta.zoom * factor).clamp(0.05, 8.0);
                meta.zoom = zoom;
                meta.pan = (p - rect.left_top()) - Vec2::new(anchor.x, anchor.y) * zoom;
                changed = true;
            }
        }
        let panning = matches!(self.gesture, Gesture::Pan) || (middle_down && hover.is_some());
        if panning && delta != Vec2::ZERO {
            meta.pan += delta;
            changed = true;
        }
        if changed {
            self.auto_fit = false;
            meta.save_to(ui);
        }
        changed
    }

    /// Sets zoom and pan so the whole design fits `rect` with a margin.
    pub(super) fn fit(&mut self, ui: &mut egui::Ui, rect: egui::Rect) {
        self.fitted_size = Some(rect.size());
        let Some(b) = self.bounds else { return };
        let margin = 24.0;
        // The legend keeps the bottom of the canvas: the design fits above it.
        let below = self.legend_reserved;
        let avail =
            (rect.size() - Vec2::new(2.0 * margin, 2.0 * margin + below)).max(Vec2::splat(10.0));
        let zoom = (avail.x / b.size.w.max(1.0))
            .min(avail.y / b.size.h.max(1.0))
            .clamp(0.02, 4.0);
        let c = b.center();
        let mut meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        meta.zoom = zoom;
        meta.pan = Vec2::new(rect.width() / 2.0, (rect.height() - below) / 2.0)
            - Vec2::new(c.x, c.y) * zoom;
        meta.save_to(ui);
    }
}

pub(super) trait SaveMeta {
    fn save_to(self, ui: &egui::Ui);
}

impl SaveMeta for MetadataFrame {
    fn save_to(self, ui: &egui::Ui) {
        // The same key egui_graphs uses: an id made from the frame's own id.
        let id = egui::Id::new(self.get_id());
        ui.ctx().data_mut(|d| d.insert_persisted(id, self));
    }
}
