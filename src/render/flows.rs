//! The analysed flows as drawing primitives: coloured arrows along the hops, numbered
//! steps, public segments marked, blocked components outlined in red.

use super::palette::{Palette, Theme};
use super::primitive::{Anchor, Primitive, Rgba, Stroke};
use super::scene::border_point;
use crate::engine::{Exposure, FlowKind, FlowResult};
use crate::model::{Design, DesignIndex, KindName, Point, Rect, Size};

/// The colour of a flow type.
pub const fn flow_color(kind: FlowKind, theme: Theme) -> Rgba {
    let dark = matches!(theme, Theme::Dark);
    match kind {
        FlowKind::KubectlToApi => {
            if dark {
                Rgba::rgb(90, 170, 255)
            } else {
                Rgba::rgb(25, 100, 220)
            }
        }
        FlowKind::KubeletToApi => {
            if dark {
                Rgba::rgb(90, 220, 130)
            } else {
                Rgba::rgb(20, 150, 70)
            }
        }
        FlowKind::ApiToKubelet => {
            if dark {
                Rgba::rgb(250, 160, 60)
            } else {
                Rgba::rgb(220, 110, 0)
            }
        }
    }
}

/// A line segment of a drawn flow, for hit testing and tests.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// From and to component ids.
    pub ids: (String, String),
    /// The segment crosses public IPs (leaves a VPC towards the public endpoint).
    pub public: bool,
}

/// Primitives of the given flows, drawn over `design`. Returns them with the segments drawn.
pub fn flow_primitives(
    design: &Design,
    flows: &[&FlowResult],
    palette: &Palette,
) -> (Vec<Primitive>, Vec<Segment>) {
    let index = DesignIndex::new(design);
    let mut prims = Vec::new();
    let mut segments = Vec::new();
    let mut badges = Vec::new();
    // Where badges and labels must not go: component text (container headers, cards).
    let text_areas: Vec<Rect> = design.components.iter().map(text_area).collect();
    let mut placed: Vec<Rect> = Vec::new();
    // Segments already drawn with their badge: the same flow type taking the same step
    // over the same segment (every node of a subnet through one NAT) shares one badge.
    let mut drawn: std::collections::HashMap<(FlowKind, usize, [i32; 4]), Point> =
        std::collections::HashMap::new();
    for f in flows {
        let color = flow_color(f.flow, palette.theme);
        // Docs and tests find a flow's segments by kind and its source (or, for API →
        // kubelet, its node).
        let end = match f.flow {
            FlowKind::ApiToKubelet => &f.target,
            _ => &f.source,
        };
        prims.push(Primitive::Group {
            key: "data-flow",
            value: format!("{}:{end}", f.flow.json_name()),
        });
        // Each flow type has its own lane, beside the line between the two boxes, so that
        // flows sharing a segment run side by side instead of on top of each other.
        let lane = match f.flow {
            FlowKind::KubectlToApi => -7.0,
            FlowKind::ApiToKubelet => 0.0,
            FlowKind::KubeletToApi => 7.0,
        };
        let rects: Vec<(&str, KindName, Rect)> = f
            .hops
            .iter()
            .filter_map(|h| {
                index
                    .get(&h.id)
                    .map(|c| (h.id.as_str(), c.kind.name(), c.rect()))
            })
            .collect();
        for (step, pair) in rects.windows(2).enumerate() {
            let [(a_id, _, a), (b_id, b_kind, b)] = pair else {
                continue;
            };
            // The lane's side is the same whichever way a flow crosses the segment.
            let (p, q) = if a_id <= b_id {
                (a.center(), b.center())
            } else {
                (b.center(), a.center())
            };
            let len = ((q.x - p.x).powi(2) + (q.y - p.y).powi(2)).sqrt().max(1e-3);
            let (nx, ny) = (-(q.y - p.y) / len * lane, (q.x - p.x) / len * lane);
            let shift = |r: &Rect| Rect::new(Point::new(r.min.x + nx, r.min.y + ny), r.size);
            let (sa, sb) = (shift(a), shift(b));
            let from = border_point(&sa, sb.center());
            let to = border_point(&sb, sa.center());
            // The step into the public NLB crosses public IPs; so does anything from the internet.
            let public = *b_kind == KindName::Nlb
                && (!f.reachable || f.exposure.is_some_and(|e| e != Exposure::None));
            // Each exposure has its own look: dashes cross the internet, dots cross public
            // IPs without leaving Amazon's network.
            let look = Look::of(f.exposure);
            prims.push(Primitive::Line {
                points: vec![from, to],
                stroke: Stroke::new(if public { 3.5 } else { 2.5 }, color),
                dashed: public && look == Look::Internet,
                dotted: public && look == Look::AwsPublic,
                arrow: true,
            });
            let key = (
                f.flow,
                step,
                [from.x, from.y, to.x, to.y].map(|v| (v * 4.0).round() as i32),
            );
            if drawn.contains_key(&key) {
                segments.push(Segment {
                    ids: ((*a_id).to_owned(), (*b_id).to_owned()),
                    public,
                });
                continue;
            }
            // The badge goes where it covers no text and no other badge, as near the middle
            // of the segment as it can.
            let near: Vec<Rect> = text_areas
                .iter()
                .chain(placed.iter())
                .filter(|r| r.intersects(&span(from, to, 24.0)))
                .copied()
                .collect();
            let mid = free_point(from, to, BADGE, &near);
            placed.push(around(mid, BADGE));
            drawn.insert(key, mid);
            if public {
                let size = Size::new(super::fonts::text_width(look.label(), 10.0) + 6.0, 14.0);
                let at = [-16.0_f32, 16.0, -28.0, 28.0]
                    .iter()
                    .map(|dy| Point::new(mid.x, mid.y + dy))
                    .find(|p| {
                        !near
                            .iter()
                            .chain(placed.iter())
                            .any(|r| r.intersects(&around(*p, size)))
                    })
                    .unwrap_or(Point::new(mid.x, mid.y - 16.0));
                placed.push(around(at, size));
                prims.push(Primitive::Text {
                    pos: at,
                    anchor: Anchor::Center,
                    text: look.label().to_owned(),
                    size: 10.0,
                    // Red is for blocked flows; the exposure label takes the flow's colour.
                    color,
                    bold: true,
                });
            }
            badges.push((mid, step + 1, color));
            segments.push(Segment {
                ids: ((*a_id).to_owned(), (*b_id).to_owned()),
                public,
            });
        }
        prims.push(Primitive::EndGroup);
        if let Some(b) = f.blocked_at.as_deref().and_then(|id| index.get(id)) {
            let r = b.rect();
            prims.push(Primitive::Rect {
                rect: Rect::new(
                    Point::new(r.min.x - 5.0, r.min.y - 5.0),
                    Size::new(r.size.w + 10.0, r.size.h + 10.0),
                ),
                corner: 8.0,
                fill: None,
                stroke: Some(Stroke::new(3.0, palette.error)),
                dashed: false,
            });
            let c = Point::new(r.max().x, r.min.y);
            prims.push(Primitive::Circle {
                center: c,
                radius: 9.0,
                fill: Some(palette.error),
                stroke: None,
            });
            prims.push(Primitive::Text {
                pos: c,
                anchor: Anchor::Center,
                text: "!".to_owned(),
                size: 11.0,
                color: Rgba::rgb(255, 255, 255),
                bold: true,
            });
        }
    }
    // Step numbers last, so that lines never cover them.
    for (at, n, color) in badges {
        prims.push(Primitive::Circle {
            center: at,
            radius: 8.0,
            fill: Some(color),
            stroke: Some(Stroke::new(1.5, palette.background)),
        });
        prims.push(Primitive::Text {
            pos: at,
            anchor: Anchor::Center,
            text: n.to_string(),
            size: 10.0,
            color: Rgba::rgb(255, 255, 255),
            bold: true,
        });
    }
    (prims, segments)
}

/// The caption of step `step` (from 0) of a flow: "step 2 of 4: …".
pub fn step_caption(f: &FlowResult, step: usize) -> String {
    let n = f.steps.len();
    f.steps.get(step).map_or_else(
        || format!("{}: no step {}", crate::engine::report::who(f), step + 1),
        |s| {
            format!(
                "{} · step {} of {n}: {}",
                crate::engine::report::who(f),
                step + 1,
                s.text
            )
        },
    )
}

/// What a step of a walk-through adds over the diagram: everything dims, and the step's
/// component is outlined in the flow's colour (the flow itself is drawn over the dimming).
pub fn step_highlight(
    design: &Design,
    f: &FlowResult,
    step: usize,
    palette: &Palette,
    area: Rect,
) -> Vec<Primitive> {
    let bg = palette.background;
    let mut out = vec![Primitive::Rect {
        rect: Rect::new(
            Point::new(area.min.x - 10.0, area.min.y - 10.0),
            Size::new(area.size.w + 20.0, area.size.h + 20.0),
        ),
        corner: 0.0,
        fill: Some(Rgba(bg.0, bg.1, bg.2, 165)),
        stroke: None,
        dashed: false,
    }];
    let index = DesignIndex::new(design);
    if let Some(c) = f
        .steps
        .get(step)
        .and_then(|s| s.component.as_deref())
        .and_then(|id| index.get(id))
    {
        let r = c.rect();
        out.push(Primitive::Rect {
            rect: Rect::new(
                Point::new(r.min.x - 6.0, r.min.y - 6.0),
                Size::new(r.size.w + 12.0, r.size.h + 12.0),
            ),
            corner: 8.0,
            fill: None,
            stroke: Some(Stroke::new(3.5, flow_color(f.flow, palette.theme))),
            dashed: false,
        });
    }
    out
}

/// A step badge's box.
const BADGE: Size = Size::new(18.0, 18.0);

/// Where a component's text is: a container's header, or a whole card.
fn text_area(c: &crate::model::Component) -> Rect {
    let r = c.rect();
    if c.kind.name().is_container() {
        Rect::new(r.min, Size::new(r.size.w, super::scene::HEADER_HEIGHT))
    } else {
        r
    }
}

/// The box of `size` centred on `p`.
fn around(p: Point, size: Size) -> Rect {
    Rect::new(Point::new(p.x - size.w / 2.0, p.y - size.h / 2.0), size)
}

/// The bounding box of a segment, grown by `pad`.
fn span(a: Point, b: Point, pad: f32) -> Rect {
    let min = Point::new(a.x.min(b.x) - pad, a.y.min(b.y) - pad);
    Rect::new(
        min,
        Size::new((a.x - b.x).abs() + 2.0 * pad, (a.y - b.y).abs() + 2.0 * pad),
    )
}

/// A point on the segment from `a` to `b`, as near its middle as possible, where a box of
/// `size` overlaps none of `taken`; the middle when there is none.
fn free_point(a: Point, b: Point, size: Size, taken: &[Rect]) -> Point {
    let at = |t: f32| Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85]
        .iter()
        .map(|t| at(*t))
        .find(|p| !taken.iter().any(|r| r.intersects(&around(*p, size))))
        .unwrap_or_else(|| at(0.5))
}

/// How a segment that crosses public IPs is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Look {
    /// Crosses the internet: dashed.
    Internet,
    /// Public IPs, but Amazon's network only: dotted.
    AwsPublic,
}

impl Look {
    fn of(exposure: Option<Exposure>) -> Self {
        match exposure {
            Some(Exposure::AwsPublic) => Look::AwsPublic,
            _ => Look::Internet,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Look::Internet => "internet",
            Look::AwsPublic => "public IPs (AWS)",
        }
    }
}

/// The legend's size in canvas units, for placing it.
pub const LEGEND_SIZE: Size = Size::new(400.0, 76.0);

/// The legend: one coloured line and name per flow type shown, then what the dashes, dots,
/// badges and red outline mean; two columns, `LEGEND_SIZE` at most, top-left at `at`.
pub fn legend(at: Point, kinds: &[FlowKind], palette: &Palette) -> Vec<Primitive> {
    let mut out = Vec::new();
    let row = |out: &mut Vec<Primitive>, x: f32, y: f32, text: &str| {
        out.push(Primitive::Text {
            pos: Point::new(x + 36.0, y),
            anchor: Anchor::LeftCenter,
            text: text.to_owned(),
            size: 11.0,
            color: palette.text,
            bold: false,
        });
    };
    for (i, kind) in FlowKind::ALL
        .iter()
        .filter(|k| kinds.contains(k))
        .enumerate()
    {
        let y = at.y + 6.0 + i as f32 * 18.0;
        out.push(Primitive::Line {
            points: vec![Point::new(at.x, y), Point::new(at.x + 28.0, y)],
            stroke: Stroke::new(3.0, flow_color(*kind, palette.theme)),
            dashed: false,
            dotted: false,
            arrow: true,
        });
        // Words, not "→", so that the legend reads the same in every font.
        let name = match kind {
            FlowKind::KubectlToApi => "kubectl to API server",
            FlowKind::ApiToKubelet => "API server to kubelet",
            FlowKind::KubeletToApi => "kubelet to API server",
        };
        row(&mut out, at.x, y, name);
    }
    let x = at.x + 190.0;
    let line = |dashed: bool, dotted: bool, y: f32| Primitive::Line {
        points: vec![Point::new(x, y), Point::new(x + 28.0, y)],
        stroke: Stroke::new(3.0, palette.text_muted),
        dashed,
        dotted,
        arrow: false,
    };
    let y = at.y + 6.0;
    out.push(line(true, false, y));
    row(&mut out, x, y, "crosses the internet");
    out.push(line(false, true, y + 18.0));
    row(&mut out, x, y + 18.0, "public IPs, Amazon's network");
    out.push(Primitive::Circle {
        center: Point::new(x + 14.0, y + 36.0),
        radius: 7.0,
        fill: Some(palette.text_muted),
        stroke: None,
    });
    out.push(Primitive::Text {
        pos: Point::new(x + 14.0, y + 36.0),
        anchor: Anchor::Center,
        text: "1".to_owned(),
        size: 9.0,
        color: Rgba::rgb(255, 255, 255),
        bold: true,
    });
    row(&mut out, x, y + 36.0, "step of a flow, in order");
    out.push(Primitive::Rect {
        rect: Rect::new(Point::new(x + 4.0, y + 48.0), Size::new(20.0, 12.0)),
        corner: 3.0,
        fill: None,
        stroke: Some(Stroke::new(2.5, palette.error)),
        dashed: false,
    });
    row(&mut out, x, y + 54.0, "a flow is blocked here");
    out
}

/// Packets for the animation: one dot per flow, travelling its hops in order; `time` in
/// seconds. Never used by exports or tests.
pub fn packets(
    design: &Design,
    flows: &[&FlowResult],
    palette: &Palette,
    time: f64,
) -> Vec<Primitive> {
    let index = DesignIndex::new(design);
    let mut out = Vec::new();
    for f in flows {
        let centers: Vec<Point> = f
            .hops
            .iter()
            .filter_map(|h| index.get(&h.id).map(|c| c.rect().center()))
            .collect();
        if centers.len() < 2 {
            continue;
        }
        let segments = (centers.len() - 1) as f64;
        // One hop per 0.6 s, then start again.
        let t = (time / 0.6) % segments;
        // `t` is in [0, segments): a small non-negative whole number.
        #[expect(clippy::cast_sign_loss, reason = "t is never negative")]
        let i = t.floor() as usize;
        let frac = (t - t.floor()) as f32;
        let (Some(a), Some(b)) = (centers.get(i), centers.get(i + 1)) else {
            continue;
        };
        out.push(Primitive::Circle {
            center: Point::new(a.x + (b.x - a.x) * frac, a.y + (b.y - a.y) * frac),
            radius: 6.0,
            fill: Some(flow_color(f.flow, palette.theme)),
            stroke: Some(Stroke::new(1.5, palette.background)),
        });
    }
    out
}
