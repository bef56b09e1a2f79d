//! What the canvas draws over the boxes: connections, flows, handles, guides, the box
//! select rectangle and the connect line, and the tooltip of a blocking component.

use egui::Shape;

use super::{Canvas, CanvasInput, Gesture, OverlayKey};
use crate::ui::paint::{ScreenFromCanvas, TessKey, push_shapes};
use crate::ui::theme::color;

impl Canvas {
    pub(super) fn paint_overlay(
        &mut self,
        ui: &egui::Ui,
        rect: egui::Rect,
        t: &ScreenFromCanvas,
        input: &CanvasInput<'_>,
    ) {
        let painter = ui.painter_at(rect);
        let tess = TessKey::new(ui.ctx(), rect);
        let ctx = ui.ctx();
        // Summaries and connections change with the design drawn (theme included) and
        // the view.
        let key = OverlayKey {
            t: *t,
            fonts_epoch: self.fonts_epoch,
            content: self.built_for.unwrap_or(u64::MAX),
        };
        let summaries = super::summary::Summaries {
            summaries: &self.summaries,
            hits: &self.hits,
        };
        let connections = &self.connections;
        let base = self.base_cache.get(ctx, tess, key, || {
            let mut shapes = Vec::new();
            ctx.fonts_mut(|fonts| {
                summaries.summary_shapes(fonts, t, input.palette, rect, &mut shapes);
                for p in connections {
                    push_shapes(p, t, fonts, &mut shapes);
                }
            });
            shapes
        });
        painter.extend(base.iter().cloned());
        let mut shapes = Vec::new();
        if let Some(i) = input.selected_connection
            && let Some(path) = self.connection_paths.get(i)
        {
            shapes.push(Shape::line(
                path.iter().map(|p| t.pos(*p)).collect(),
                egui::Stroke::new(4.0, color(input.palette.selection).gamma_multiply(0.6)),
            ));
        }
        ctx.fonts_mut(|fonts| {
            for p in input.under {
                push_shapes(p, t, fonts, &mut shapes);
            }
        });
        painter.extend(shapes);
        let (epoch, flows) = input.flows;
        let key = OverlayKey {
            t: *t,
            fonts_epoch: self.fonts_epoch,
            content: epoch,
        };
        let drawn = self.flows_cache.get(ctx, tess, key, || {
            let mut shapes = Vec::new();
            ctx.fonts_mut(|fonts| {
                for p in flows {
                    push_shapes(p, t, fonts, &mut shapes);
                }
            });
            shapes
        });
        painter.extend(drawn.iter().cloned());
        let mut shapes = Vec::new();
        ctx.fonts_mut(|fonts| {
            for p in input.over {
                push_shapes(p, t, fonts, &mut shapes);
            }
        });
        painter.extend(shapes);
        // A blocking component's reason first, else the area under the pointer (a
        // bundle's nodes).
        let tip = self.pointer_canvas.and_then(|p| {
            self.hit(p)
                .and_then(|id| input.tooltips.iter().find(|(i, _)| i == id))
                .map(|(_, t)| t)
                .or_else(|| {
                    input
                        .hover_areas
                        .iter()
                        .find(|(r, _)| r.contains(p))
                        .map(|(_, t)| t)
                })
        });
        if let Some(tip) = tip {
            egui::Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                egui::Id::new("canvas-tooltip"),
                egui::PopupAnchor::Pointer,
            )
            .show(|ui| {
                ui.set_max_width(360.0);
                ui.label(tip);
            });
        }
        let sel = color(input.palette.selection);
        if !input.legend.is_empty() {
            self.paint_legend(ui, rect, input);
        }
        for (a, b) in input.guides {
            painter.line_segment([t.pos(*a), t.pos(*b)], egui::Stroke::new(1.0, sel));
        }
        if input.selection.len() == 1
            && let Some(id) = input.selection.iter().next()
        {
            for (_, h) in self.handle_rects(t, id) {
                painter.rect_filled(h, 1, color(input.palette.background));
                painter.rect_stroke(h, 1, egui::Stroke::new(1.5, sel), egui::StrokeKind::Inside);
            }
        }
        // The pointer shows which way a handle resizes.
        let handle = match &self.gesture {
            Gesture::Resize { .. } => input.resizing,
            _ => ui
                .ctx()
                .pointer_hover_pos()
                .and_then(|p| self.handle_at(t, input.selection, p))
                .map(|(_, h)| h),
        };
        if let Some(h) = handle {
            ui.ctx().set_cursor_icon(match (h.x, h.y) {
                (0, _) => egui::CursorIcon::ResizeVertical,
                (_, 0) => egui::CursorIcon::ResizeHorizontal,
                (x, y) if x == y => egui::CursorIcon::ResizeNwSe,
                _ => egui::CursorIcon::ResizeNeSw,
            });
        }
        match &self.gesture {
            Gesture::BoxSelect { press } => {
                if let Some(now) = self.pointer_canvas {
                    let r = egui::Rect::from_two_pos(t.pos(*press), t.pos(now));
                    painter.rect_filled(r, 0, sel.gamma_multiply(0.1));
                    painter.rect_stroke(
                        r,
                        0,
                        egui::Stroke::new(1.0, sel),
                        egui::StrokeKind::Inside,
                    );
                }
            }
            Gesture::Connect { from } => {
                if let (Some(now), Some(r)) = (self.pointer_canvas, self.hit_rect(from)) {
                    painter
                        .line_segment([t.pos(r.center()), t.pos(now)], egui::Stroke::new(2.0, sel));
                }
            }
            _ => {}
        }
    }

    /// The legend at the canvas's bottom left, on a card, at a fixed size on screen.
    fn paint_legend(&mut self, ui: &egui::Ui, rect: egui::Rect, input: &CanvasInput<'_>) {
        let size = crate::render::legend::LEGEND_SIZE;
        let pad = 10.0;
        let card = egui::Rect::from_min_size(
            egui::pos2(
                rect.left() + 12.0,
                rect.bottom() - size.h - 12.0 - 2.0 * pad,
            ),
            egui::vec2(size.w + 2.0 * pad, size.h + 2.0 * pad),
        );
        let painter = ui.painter_at(rect);
        painter.rect_filled(
            card,
            6,
            color(input.palette.background).gamma_multiply(0.92),
        );
        painter.rect_stroke(
            card,
            6,
            egui::Stroke::new(1.0, color(input.palette.box_stroke)),
            egui::StrokeKind::Inside,
        );
        // Drawn once per place, theme, fonts and content, then reused.
        let key = (card, input.palette.background, self.fonts_epoch);
        if self
            .legend_cache
            .as_ref()
            .is_none_or(|(k, prims, _)| *k != key || prims.as_slice() != input.legend)
        {
            let t = ScreenFromCanvas {
                zoom: 1.0,
                offset: (card.min + egui::vec2(pad, pad)).to_vec2(),
            };
            let mut shapes = Vec::new();
            ui.ctx().fonts_mut(|fonts| {
                for p in input.legend {
                    push_shapes(p, &t, fonts, &mut shapes);
                }
            });
            self.legend_cache = Some((key, input.legend.to_vec(), shapes));
        }
        if let Some((_, _, shapes)) = &self.legend_cache {
            painter.extend(shapes.iter().cloned());
        }
    }
}
