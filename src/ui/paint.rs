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

/// What [`compact`]ed shapes were tessellated for: they are redone when it changes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TessKey {
    pixels_per_point: f32,
    clip: egui::Rect,
}

impl TessKey {
    /// The current pixel density, and the rectangle the shapes are drawn in.
    pub fn new(ctx: &egui::Context, clip: egui::Rect) -> Self {
        Self {
            pixels_per_point: ctx.pixels_per_point(),
            clip,
        }
    }
}

/// Shapes to keep across frames, made cheap to paint again: each run of untextured shapes
/// becomes one mesh behind an `Arc`, and texts stay texts (their galleys are shared), so a
/// frame that paints them again copies a few pointers instead of every path.
///
/// Tessellated as egui would for `key`; glyphs are not baked in, so a rebuilt font atlas
/// does not leave stale text.
pub fn compact(ctx: &egui::Context, key: TessKey, shapes: Vec<Shape>) -> Vec<Shape> {
    let size = ctx.fonts(|f: &egui::epaint::FontsView<'_>| f.font_image_size());
    let options = ctx.tessellation_options(|o| *o);
    // Without the atlas's prepared discs small circles are tessellated as paths: the same
    // picture, a little more work once.
    let mut tess = egui::epaint::Tessellator::new(key.pixels_per_point, options, size, Vec::new());
    tess.set_clip_rect(key.clip);
    let mut out = Vec::new();
    let mut mesh = egui::epaint::Mesh::default();
    let flush = |mesh: &mut egui::epaint::Mesh, out: &mut Vec<Shape>| {
        if !mesh.is_empty() {
            out.push(Shape::mesh(std::mem::take(mesh)));
        }
    };
    for shape in shapes {
        match shape {
            Shape::Noop => {}
            Shape::Text(_) | Shape::Callback(_) => {
                flush(&mut mesh, &mut out);
                out.push(shape);
            }
            Shape::Mesh(ref m) if m.texture_id != mesh.texture_id => {
                flush(&mut mesh, &mut out);
                out.push(shape);
            }
            Shape::Rect(ref r) if r.brush.is_some() => {
                flush(&mut mesh, &mut out);
                out.push(shape);
            }
            Shape::Vec(inner) => {
                flush(&mut mesh, &mut out);
                out.extend(compact(ctx, key, inner));
            }
            other => tess.tessellate_shape(other, &mut mesh),
        }
    }
    flush(&mut mesh, &mut out);
    out
}

/// Shapes kept across frames for what they were made from (`K`): made on a miss, and
/// [`compact`]ed once a later frame uses them again unchanged, so shapes that change every
/// frame (a drag) never pay for the tessellation.
#[derive(Debug)]
pub struct ShapeCache<K> {
    /// What they were made for, the shapes, and the frame they were made in (`None` once
    /// compacted).
    kept: Option<(K, TessKey, Vec<Shape>, Option<u64>)>,
}

impl<K> Default for ShapeCache<K> {
    fn default() -> Self {
        Self { kept: None }
    }
}

impl<K: PartialEq> ShapeCache<K> {
    /// The shapes for `key` (made by `make` when they are not kept) in the view `tess`.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        tess: TessKey,
        key: K,
        make: impl FnOnce() -> Vec<Shape>,
    ) -> &[Shape] {
        let frame = ctx.cumulative_frame_nr();
        match &mut self.kept {
            Some((k, t, shapes, made)) if *k == key && *t == tess => {
                if made.is_some_and(|m| m != frame) {
                    *shapes = compact(ctx, tess, std::mem::take(shapes));
                    *made = None;
                }
            }
            kept => *kept = Some((key, tess, make(), Some(frame))),
        }
        self.kept.as_ref().map_or(&[], |(_, _, s, _)| s.as_slice())
    }

    /// Forgets the kept shapes.
    pub fn clear(&mut self) {
        self.kept = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Runs one frame, handing the texture changes over as a renderer would.
    fn run_frame(ctx: &egui::Context) {
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
    }

    #[test]
    fn compact_keeps_order_and_texts_and_meshes_the_rest() {
        let ctx = egui::Context::default();
        run_frame(&ctx);
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                "api".into(),
                FontId::proportional(12.0),
                egui::Color32::BLACK,
            )
        });
        let line = || {
            Shape::line_segment(
                [Pos2::new(0.0, 0.0), Pos2::new(50.0, 10.0)],
                egui::Stroke::new(2.0, egui::Color32::RED),
            )
        };
        let text = Shape::galley(Pos2::new(5.0, 5.0), galley, egui::Color32::BLACK);
        let shapes = vec![line(), line(), text, line()];
        let key = TessKey::new(
            &ctx,
            egui::Rect::from_min_size(Pos2::ZERO, egui::vec2(100.0, 100.0)),
        );
        let out = compact(&ctx, key, shapes);
        assert_eq!(out.len(), 3, "two lines, the text, one line");
        assert!(matches!(&out[0], Shape::Mesh(m) if !m.is_empty()));
        assert!(matches!(&out[1], Shape::Text(_)));
        assert!(matches!(&out[2], Shape::Mesh(_)));
        // A shape outside the view is culled, as egui would.
        let away = Shape::line_segment(
            [Pos2::new(500.0, 500.0), Pos2::new(600.0, 600.0)],
            egui::Stroke::new(2.0, egui::Color32::RED),
        );
        assert!(compact(&ctx, key, vec![away]).is_empty());
    }

    #[test]
    fn shape_cache_makes_once_and_compacts_in_a_later_frame() {
        let ctx = egui::Context::default();
        let key = TessKey::new(
            &ctx,
            egui::Rect::from_min_size(Pos2::ZERO, egui::vec2(100.0, 100.0)),
        );
        let mut cache = ShapeCache::default();
        let mut made = 0;
        let shape = || {
            Shape::line_segment(
                [Pos2::new(0.0, 0.0), Pos2::new(50.0, 10.0)],
                egui::Stroke::new(2.0, egui::Color32::RED),
            )
        };
        for frame in 0..3 {
            run_frame(&ctx);
            let got = cache.get(&ctx, key, 7u64, || {
                made += 1;
                vec![shape()]
            });
            if frame == 0 {
                assert!(matches!(got, [Shape::LineSegment { .. }]), "{got:?}");
            } else {
                assert!(matches!(got, [Shape::Mesh(_)]), "frame {frame}: {got:?}");
            }
        }
        assert_eq!(made, 1);
        let _ = cache.get(&ctx, key, 8u64, || {
            made += 1;
            vec![shape()]
        });
        assert_eq!(made, 2, "another key makes them again");
    }
}
