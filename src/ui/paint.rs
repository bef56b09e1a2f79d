//! Paints render primitives with egui: the screen side of the one renderer.

use egui::epaint::{CircleShape, PathShape, RectShape};
use egui::{Align2, FontFamily, FontId, Pos2, Shape, StrokeKind};

use super::theme::color;
use crate::model::Point;
use crate::render::{Anchor, Primitive};

/// Notices when egui rebuilds its fonts: new text options (a theme change alters them) or a
/// glyph atlas that filled up. Text shapes kept from before then no longer draw, so every
/// cache holding them must be redrawn when the epoch changes.
#[derive(Debug, Default)]
pub struct FontsWatch {
    options: Option<egui::epaint::text::TextOptions>,
    fill: f32,
    epoch: u64,
}

impl FontsWatch {
    /// The current fonts epoch; call once per frame.
    pub fn check(&mut self, ctx: &egui::Context) -> u64 {
        let (options, fill) = ctx.fonts(|f| (*f.options(), f.font_atlas_fill_ratio()));
        // The atlas only grows until it is rebuilt.
        if self.options.is_some_and(|o| o != options) || fill < self.fill {
            self.epoch += 1;
        }
        self.options = Some(options);
        self.fill = fill;
        self.epoch
    }
}

/// Maps canvas points to screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenFromCanvas {
    /// Screen pixels per canvas unit.
    pub zoom: f32,
    /// Screen position of the canvas origin.
    pub offset: egui::Vec2,
}

impl ScreenFromCanvas {
    /// A screen position from a canvas position.
    pub fn pos(&self, p: Point) -> Pos2 {
        Pos2::new(p.x * self.zoom, p.y * self.zoom) + self.offset
    }

    /// A canvas position from a screen position.
    pub fn inverse(&self, p: Pos2) -> Point {
        let v = (p - self.offset) / self.zoom;
        Point::new(v.x, v.y)
    }

    /// A screen length from a canvas length.
    pub fn len(&self, l: f32) -> f32 {
        l * self.zoom
    }
}

fn stroke(s: crate::render::Stroke, t: &ScreenFromCanvas) -> egui::Stroke {
    egui::Stroke::new(t.len(s.width).max(0.5), color(s.color))
}

/// Below this dash period on screen, in pixels, dashed lines are drawn plain.
const MIN_DASH_PX: f32 = 4.0;

/// Appends the egui shapes of one primitive.
pub fn push_shapes(
    prim: &Primitive,
    t: &ScreenFromCanvas,
    fonts: &mut egui::epaint::text::FontsView<'_>,
    out: &mut Vec<Shape>,
) {
    match prim {
        Primitive::Rect {
            rect,
            corner,
            fill,
            stroke: st,
            dashed,
        } => {
            let r = egui::Rect::from_min_max(t.pos(rect.min), t.pos(rect.max()));
            let corner = egui::CornerRadius::from(t.len(*corner).clamp(0.0, 255.0));
            if let (Some(f), Some(s), false) = (fill, st, *dashed) {
                // One shape for fill and outline.
                out.push(
                    RectShape::new(r, corner, color(*f), stroke(*s, t), StrokeKind::Middle).into(),
                );
                return;
            }
            if let Some(f) = fill {
                out.push(RectShape::filled(r, corner, color(*f)).into());
            }
            if let Some(s) = st {
                // Dashes too small to see are drawn as a plain line: cheaper, same look.
                if *dashed && t.len(13.0) >= MIN_DASH_PX {
                    let path = [
                        r.left_top(),
                        r.right_top(),
                        r.right_bottom(),
                        r.left_bottom(),
                        r.left_top(),
                    ];
                    out.extend(Shape::dashed_line(
                        &path,
                        stroke(*s, t),
                        t.len(8.0),
                        t.len(5.0),
                    ));
                } else {
                    out.push(
                        RectShape::stroke(r, corner, stroke(*s, t), StrokeKind::Middle).into(),
                    );
                }
            }
        }
        Primitive::Circle {
            center,
            radius,
            fill,
            stroke: st,
        } => {
            out.push(
                CircleShape {
                    center: t.pos(*center),
                    radius: t.len(*radius),
                    fill: fill.map_or(egui::Color32::TRANSPARENT, color),
                    stroke: st.map_or(egui::Stroke::NONE, |s| stroke(s, t)),
                }
                .into(),
            );
        }
        Primitive::Line {
            points,
            stroke: st,
            dashed,
            dotted,
            arrow,
        } => {
            let pts: Vec<Pos2> = points.iter().map(|p| t.pos(*p)).collect();
            let s = stroke(*st, t);
            if (*dotted || *dashed) && t.len(10.0) < MIN_DASH_PX {
                out.push(Shape::line(pts.clone(), s));
            } else if *dotted {
                out.extend(Shape::dashed_line(&pts, s, t.len(2.0), t.len(4.0)));
            } else if *dashed {
                out.extend(Shape::dashed_line(&pts, s, t.len(6.0), t.len(4.0)));
            } else {
                out.push(Shape::line(pts.clone(), s));
            }
            if *arrow && let [.., a, b] = pts.as_slice() {
                let dir = (*b - *a).normalized();
                let len = t.len(10.0 + st.width * 2.0);
                let normal = egui::vec2(-dir.y, dir.x) * len * 0.45;
                let base = *b - dir * len;
                out.push(Shape::convex_polygon(
                    vec![*b, base + normal, base - normal],
                    s.color,
                    egui::Stroke::NONE,
                ));
            }
        }
        Primitive::Polygon {
            points,
            fill,
            stroke: st,
        } => {
            let pts: Vec<Pos2> = points.iter().map(|p| t.pos(*p)).collect();
            match (fill, st) {
                (Some(f), s) => out.push(Shape::convex_polygon(
                    pts,
                    color(*f),
                    s.map_or(egui::Stroke::NONE, |s| stroke(s, t)),
                )),
                (None, Some(s)) => out.push(PathShape::line(pts, stroke(*s, t)).into()),
                (None, None) => {}
            }
        }
        Primitive::Group { .. } | Primitive::EndGroup | Primitive::Motion { .. } => {}
        Primitive::Text {
            pos,
            anchor,
            text,
            size,
            color: c,
            bold: _,
        } => {
            let px = t.len(*size);
            // Text too small to read is skipped, which also keeps zoomed-out frames cheap.
            if px < 3.0 {
                return;
            }
            let align = match anchor {
                Anchor::LeftCenter => Align2::LEFT_CENTER,
                Anchor::Center => Align2::CENTER_CENTER,
                Anchor::LeftTop => Align2::LEFT_TOP,
                Anchor::RightCenter => Align2::RIGHT_CENTER,
            };
            out.push(Shape::text(
                fonts,
                t.pos(*pos),
                align,
                text,
                FontId::new(px, FontFamily::Proportional),
                color(*c),
            ));
        }
    }
}

/// Appends the shapes of a rectangle primitive (no fonts needed).
pub fn push_rect(prim: &Primitive, t: &ScreenFromCanvas, out: &mut Vec<Shape>) {
    if let Primitive::Rect {
        rect,
        corner,
        fill,
        stroke: st,
        dashed: _,
    } = prim
    {
        let r = egui::Rect::from_min_max(t.pos(rect.min), t.pos(rect.max()));
        let corner = egui::CornerRadius::from(t.len(*corner).clamp(0.0, 255.0));
        out.push(
            RectShape::new(
                r,
                corner,
                fill.map_or(egui::Color32::TRANSPARENT, color),
                st.map_or(egui::Stroke::NONE, |s| stroke(s, t)),
                StrokeKind::Middle,
            )
            .into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::FontsWatch;

    #[test]
    fn a_theme_change_starts_a_new_fonts_epoch() {
        let ctx = egui::Context::default();
        let mut watch = FontsWatch::default();
        let frame = |ctx: &egui::Context| {
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
                ui.label("some text");
            });
            out.textures_delta.clear();
        };
        frame(&ctx);
        let first = watch.check(&ctx);
        frame(&ctx);
        assert_eq!(watch.check(&ctx), first, "nothing changed");
        ctx.set_visuals(egui::Visuals::light());
        frame(&ctx);
        frame(&ctx);
        assert!(
            watch.check(&ctx) > first,
            "the light theme rebuilds the fonts"
        );
    }
}
