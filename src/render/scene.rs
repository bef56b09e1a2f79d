//! Turns a design into drawing primitives, one list per component plus the connections.

use super::palette::Palette;
use super::primitive::{Anchor, Primitive, Rgba, Stroke};
use crate::model::{
    Component, ComponentKind, ConnectionKind, Design, DesignIndex, KindName, Point, Rect, Size,
    net::parse_cidr_v4,
};

/// Height of a container's header band, in canvas units.
pub const HEADER_HEIGHT: f32 = 30.0;
/// Main label size.
pub const LABEL_SIZE: f32 = 13.0;
/// Secondary text size.
pub const DETAIL_SIZE: f32 = 11.0;

/// The drawing of one component.
#[derive(Clone, Debug, PartialEq)]
pub struct ComponentDrawing {
    /// The component's id.
    pub id: String,
    /// Its kind.
    pub kind: KindName,
    /// Its rectangle.
    pub rect: Rect,
    /// What to draw, in canvas units.
    pub primitives: Vec<Primitive>,
    /// For a container, what it holds in a few words ("12 nodes · 10.0.11.0/24"), shown
    /// instead of its text when that would be too small to read.
    pub summary: String,
}

/// A whole design as primitives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Components in drawing order: containers first (outermost first), then leaves.
    pub components: Vec<ComponentDrawing>,
    /// Connection lines, drawn above the components.
    pub connections: Vec<Primitive>,
    /// Each connection's routed polyline, in the design's order (empty when an end is
    /// missing), for hit tests.
    pub connection_paths: Vec<Vec<Point>>,
    /// The zones behind everything: the internet (where its clients are) and the AWS
    /// cloud (the AWS-managed VPC and the customer VPCs).
    pub zones: Vec<Primitive>,
    /// The rectangle holding everything.
    pub bounds: Option<Rect>,
}

/// True when a subnet's route table sends `0.0.0.0/0`-style traffic to an internet gateway.
pub fn subnet_is_public(c: &Component, index: &DesignIndex<'_>) -> bool {
    let ComponentKind::Subnet(s) = &c.kind else {
        return false;
    };
    s.routes.iter().any(|r| {
        index
            .get(&r.target)
            .is_some_and(|t| t.kind.name() == KindName::Igw)
    })
}

/// The nesting depth of a component (0 at the top level).
pub fn depth(c: &Component, index: &DesignIndex<'_>) -> usize {
    index.depth(c)
}

/// Drawing order: containers by depth, then everything else, each in document order.
pub fn drawing_order<'a>(design: &'a Design, index: &DesignIndex<'a>) -> Vec<&'a Component> {
    let mut order: Vec<(usize, usize, &Component)> = design
        .components
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let rank = if c.kind.name().is_container() {
                depth(c, index)
            } else {
                usize::MAX / 2
            };
            (rank, i, c)
        })
        .collect();
    order.sort_by_key(|&(rank, i, _)| (rank, i));
    order.into_iter().map(|(_, _, c)| c).collect()
}

/// Builds the scene of a design.
pub fn build_scene(design: &Design, palette: &Palette) -> Scene {
    let index = DesignIndex::new(design);
    let mut scene = Scene::default();
    // What each container holds, by kind, in one pass.
    let mut held: std::collections::HashMap<&str, std::collections::BTreeMap<KindName, usize>> =
        std::collections::HashMap::new();
    for c in &design.components {
        if let Some(p) = &c.parent {
            *held
                .entry(p.as_str())
                .or_default()
                .entry(c.kind.name())
                .or_default() += 1;
        }
    }
    for c in drawing_order(design, &index) {
        let rect = c.rect();
        scene.bounds = Some(scene.bounds.map_or(rect, |b| b.union(&rect)));
        let summary = if c.kind.name().is_container() {
            summary_text(c, held.get(c.id.as_str()))
        } else {
            String::new()
        };
        scene.components.push(ComponentDrawing {
            id: c.id.clone(),
            kind: c.kind.name(),
            rect,
            primitives: component_primitives(c, &index, palette),
            summary,
        });
    }
    (scene.connections, scene.connection_paths) = connection_primitives(design, palette);
    // Routed connections and their labels can run outside the boxes: the scene holds them.
    for p in &scene.connections {
        let area = match p {
            Primitive::Line { points, .. } => points
                .iter()
                .map(|p| Rect::new(Point::new(p.x - 8.0, p.y - 8.0), Size::new(16.0, 16.0)))
                .reduce(|a, b| a.union(&b)),
            Primitive::Text { .. } => text_rect(p).map(|r| super::route::grow(&r, 4.0)),
            _ => None,
        };
        if let Some(a) = area {
            scene.bounds = Some(scene.bounds.map_or(a, |b| b.union(&a)));
        }
    }
    let (zones, zone_bounds) = zone_primitives(design, palette);
    scene.zones = zones;
    if let Some(z) = zone_bounds {
        scene.bounds = Some(scene.bounds.map_or(z, |b| b.union(&z)));
    }
    scene
}

/// A container's contents in a few words: its label, what it holds by kind, its CIDR.
fn summary_text(
    c: &Component,
    held: Option<&std::collections::BTreeMap<KindName, usize>>,
) -> String {
    let mut parts = vec![c.display_label().to_owned()];
    if let Some(held) = held {
        for (kind, n) in held {
            let count = *n;
            parts.push(match kind {
                KindName::Node => crate::t!("held-nodes", count = count),
                KindName::EksEni => crate::t!("held-enis", count = count),
                KindName::Subnet => crate::t!("held-subnets", count = count),
                KindName::ApiServer => crate::t!("held-api-servers", count = count),
                KindName::Nat => crate::t!("held-nats", count = count),
                KindName::Client => crate::t!("held-clients", count = count),
                _ => continue,
            });
        }
    }
    match &c.kind {
        ComponentKind::Subnet(s) => parts.push(s.cidr.clone()),
        ComponentKind::Vpc(v) => parts.extend(v.cidr_blocks.first().cloned()),
        _ => {}
    }
    parts.join(" · ")
}

/// Room between a zone's border and what it holds.
const ZONE_MARGIN: f32 = 18.0;
/// The height of a zone's title above what it holds.
const ZONE_HEADER: f32 = 22.0;

/// The zones that carry the story: the internet around the clients on it, and the AWS
/// cloud around the AWS-managed VPC and the customer VPCs, so that a path that crosses
/// public IPs visibly leaves one and enters the other. A zone is left out when it would
/// take in what belongs to the other. Returns the primitives and the area they cover.
pub fn zone_primitives(design: &Design, palette: &Palette) -> (Vec<Primitive>, Option<Rect>) {
    let top: Vec<&Component> = design
        .components
        .iter()
        .filter(|c| c.parent.is_none())
        .collect();
    let bbox = |pick: &dyn Fn(&Component) -> bool| {
        top.iter()
            .filter(|c| pick(c))
            .map(|c| c.rect())
            .reduce(|a, b| a.union(&b))
            .map(|r| {
                Rect::new(
                    Point::new(r.min.x - ZONE_MARGIN, r.min.y - ZONE_MARGIN - ZONE_HEADER),
                    Size::new(
                        r.size.w + 2.0 * ZONE_MARGIN,
                        r.size.h + 2.0 * ZONE_MARGIN + ZONE_HEADER,
                    ),
                )
            })
    };
    let on_internet = |c: &Component| c.kind.name() == KindName::Client;
    let in_aws = |c: &Component| matches!(c.kind.name(), KindName::Vpc | KindName::ControlPlane);
    let internet = bbox(&on_internet);
    let aws = bbox(&in_aws);
    let overlaps = |zone: &Option<Rect>, other: &dyn Fn(&Component) -> bool| {
        zone.is_some_and(|z| top.iter().any(|c| other(c) && z.intersects(&c.rect())))
    };
    let mut out = Vec::new();
    let mut bounds: Option<Rect> = None;
    for (zone, internet_zone, title, hint) in [
        (
            (!overlaps(&aws, &on_internet)).then_some(aws).flatten(),
            false,
            crate::t!("zone-aws"),
            crate::t!("zone-aws-hint"),
        ),
        (
            (!overlaps(&internet, &in_aws))
                .then_some(internet)
                .flatten(),
            true,
            crate::t!("zone-internet"),
            crate::t!("zone-internet-hint"),
        ),
    ] {
        let Some(r) = zone else { continue };
        let (fill, stroke) = palette.zone(internet_zone);
        out.push(Primitive::Group {
            key: "data-zone",
            value: title.clone(),
        });
        out.push(Primitive::Rect {
            rect: r,
            corner: 14.0,
            fill: Some(fill),
            stroke: Some(Stroke::new(1.5, stroke)),
            dashed: false,
        });
        out.push(Primitive::Text {
            pos: Point::new(r.min.x + 14.0, r.min.y + ZONE_HEADER / 2.0 + 4.0),
            anchor: Anchor::LeftCenter,
            text: title.clone(),
            size: LABEL_SIZE,
            color: stroke,
            bold: true,
        });
        // The hint only where it fits beside the title.
        if text_width(&title, LABEL_SIZE) + text_width(&hint, DETAIL_SIZE) + 44.0 <= r.size.w {
            out.push(Primitive::Text {
                pos: Point::new(r.max().x - 14.0, r.min.y + ZONE_HEADER / 2.0 + 4.0),
                anchor: Anchor::RightCenter,
                text: hint.clone(),
                size: DETAIL_SIZE,
                color: palette.text_muted,
                bold: false,
            });
        }
        out.push(Primitive::EndGroup);
        bounds = Some(bounds.map_or(r, |b| b.union(&r)));
    }
    (out, bounds)
}

/// The box a text primitive covers (measured with the real font); `None` for others.
pub fn text_rect(p: &Primitive) -> Option<Rect> {
    let Primitive::Text {
        pos,
        text,
        size,
        anchor,
        ..
    } = p
    else {
        return None;
    };
    let w = text_width(text, *size);
    let h = size * 1.3;
    let x = match anchor {
        Anchor::LeftCenter | Anchor::LeftTop => pos.x,
        Anchor::Center => pos.x - w / 2.0,
        Anchor::RightCenter => pos.x - w,
    };
    let y = match anchor {
        Anchor::LeftTop => pos.y,
        _ => pos.y - h / 2.0,
    };
    Some(Rect::new(Point::new(x, y), Size::new(w, h)))
}

/// A container's header texts as drawn: its label, cut to fit, and the detail right of it,
/// parts dropped from its end while both do not fit (widths measured with the font).
fn header_texts(c: &Component, index: &DesignIndex<'_>) -> (String, String) {
    let w = c.size.w;
    let label = super::fonts::ellipsize(c.display_label(), LABEL_SIZE, w - 44.0);
    let room = w - 34.0 - 10.0 - 12.0 - text_width(&label, LABEL_SIZE);
    let detail = fit_parts(&detail_text(c, index), DETAIL_SIZE, room);
    (label, detail)
}

/// Where a component's text is, which lines and badges keep off: a container's header
/// label and detail (with the icon), or a whole card.
pub fn text_areas(c: &Component, index: &DesignIndex<'_>) -> Vec<Rect> {
    let r = c.rect();
    if !c.kind.name().is_container() {
        return vec![r];
    }
    let (label, detail) = header_texts(c, index);
    let h = HEADER_HEIGHT;
    let mut out = vec![Rect::new(
        Point::new(r.min.x + 6.0, r.min.y + 4.0),
        Size::new(30.0 + text_width(&label, LABEL_SIZE), h - 8.0),
    )];
    if !detail.is_empty() {
        let dw = text_width(&detail, DETAIL_SIZE);
        out.push(Rect::new(
            Point::new(r.max().x - 12.0 - dw, r.min.y + 6.0),
            Size::new(dw + 4.0, h - 12.0),
        ));
    }
    out
}

/// The lines (and their labels) of the design's connections, routed around the boxes
/// between their ends; with each connection's polyline (empty when an end is missing), in
/// the design's order, for hit tests.
pub fn connection_primitives(
    design: &Design,
    palette: &Palette,
) -> (Vec<Primitive>, Vec<Vec<Point>>) {
    let index = DesignIndex::new(design);
    let mut router = super::route::Router::new(&index);
    let mut out = Vec::with_capacity(design.connections.len());
    let mut paths = Vec::with_capacity(design.connections.len());
    for conn in &design.connections {
        let (Some(a), Some(b)) = (index.get(&conn.from), index.get(&conn.to)) else {
            paths.push(Vec::new());
            continue;
        };
        let (from, to) = (
            super::route::End {
                rect: a.rect(),
                ids: vec![a.id.as_str()],
            },
            super::route::End {
                rect: b.rect(),
                ids: vec![b.id.as_str()],
            },
        );
        let points = router.route(&from, &to).unwrap_or_else(|| {
            let (from, to) = connection_ends(&a.rect(), &b.rect());
            vec![from, to]
        });
        let (color, dashed, width) = match conn.kind {
            ConnectionKind::Attachment => (palette.attachment, false, 2.5),
            // Annotations: thin, solid (dashes and dots mean exposure), with an arrowhead.
            ConnectionKind::Line => (palette.connection, false, 1.5),
        };
        out.push(Primitive::Line {
            points: points.clone(),
            stroke: Stroke::new(width, color),
            dashed,
            dotted: false,
            arrow: conn.kind == ConnectionKind::Line,
        });
        if !conn.label.is_empty() {
            // Above the middle of the longest piece, where there is room to read it.
            let (p, q) = points
                .windows(2)
                .filter_map(|w| match w {
                    [p, q] => Some((*p, *q)),
                    _ => None,
                })
                .max_by(|x, y| {
                    let len = |(p, q): &(Point, Point)| (q.x - p.x).abs() + (q.y - p.y).abs();
                    len(x).total_cmp(&len(y))
                })
                .unwrap_or_default();
            let vertical = (p.x - q.x).abs() < 0.5;
            let (pos, anchor) = if vertical {
                (
                    Point::new(p.x + 6.0, f32::midpoint(p.y, q.y)),
                    Anchor::LeftCenter,
                )
            } else {
                (
                    Point::new(f32::midpoint(p.x, q.x), p.y - 9.0),
                    Anchor::Center,
                )
            };
            out.push(Primitive::Text {
                pos,
                anchor,
                text: conn.label.clone(),
                size: DETAIL_SIZE,
                color: palette.text_muted,
                bold: false,
            });
        }
        paths.push(points);
    }
    (out, paths)
}

/// Where a line from rectangle `a` towards rectangle `b` leaves `a`: the point on `a`'s border
/// on the segment between the centres.
pub fn border_point(a: &Rect, toward: Point) -> Point {
    let c = a.center();
    let (dx, dy) = (toward.x - c.x, toward.y - c.y);
    if dx.abs() < f32::EPSILON && dy.abs() < f32::EPSILON {
        return c;
    }
    let hw = a.size.w / 2.0;
    let hh = a.size.h / 2.0;
    let tx = if dx.abs() > f32::EPSILON {
        hw / dx.abs()
    } else {
        f32::INFINITY
    };
    let ty = if dy.abs() > f32::EPSILON {
        hh / dy.abs()
    } else {
        f32::INFINITY
    };
    let t = tx.min(ty).min(1.0);
    Point::new(c.x + dx * t, c.y + dy * t)
}

/// The two end points of a straight line joining two rectangles at their borders.
pub fn connection_ends(a: &Rect, b: &Rect) -> (Point, Point) {
    (border_point(a, b.center()), border_point(b, a.center()))
}

/// A text's width, measured with the real fonts.
fn text_width(text: &str, size: f32) -> f32 {
    super::fonts::text_width(text, size)
}

/// `text` ("a · b · c") with parts dropped from its end until it fits `room`.
fn fit_parts(text: &str, size: f32, room: f32) -> String {
    let parts: Vec<&str> = text.split(" · ").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts.get(..n).unwrap_or_default().join(" · "))
        .find(|t| text_width(t, size) <= room)
        .unwrap_or_default()
}

/// The secondary line of text under a component's label.
pub fn detail_text(c: &Component, index: &DesignIndex<'_>) -> String {
    match &c.kind {
        ComponentKind::Vpc(v) => v.cidr_blocks.join(", "),
        ComponentKind::Subnet(s) => {
            let kind = if subnet_is_public(c, index) {
                crate::t!("detail-public")
            } else {
                crate::t!("detail-private")
            };
            let mut parts = vec![s.cidr.clone()];
            if !s.az.is_empty() {
                parts.push(s.az.clone());
            }
            parts.push(kind);
            parts.join(" · ")
        }
        ComponentKind::Nlb(n) => n.public_ips.join(", "),
        ComponentKind::EksEni(e) => e.private_ip.clone(),
        ComponentKind::Nat(n) => match (&n.elastic_ip, n.connectivity) {
            (_, crate::model::NatConnectivity::Private) => crate::t!("detail-private-nat"),
            (Some(eip), _) => crate::t!("detail-eip", eip = eip.as_str()),
            (None, _) if n.elastic_ip_unknown => crate::t!("detail-eip-unknown"),
            (None, _) => crate::t!("detail-no-eip"),
        },
        ComponentKind::Node(n) => match &n.public_ip {
            Some(p) => format!("{} · {p}", n.private_ip),
            None => n.private_ip.clone(),
        },
        ComponentKind::Client(cl) => match (&cl.private_ip, &cl.public_ip) {
            (Some(a), Some(b)) => format!("{a} · {b}"),
            (Some(a), None) | (None, Some(a)) => a.clone(),
            (None, None) => String::new(),
        },
        ComponentKind::OnPrem(o) => o.cidrs.join(", "),
        ComponentKind::ControlPlane => crate::t!("detail-control-plane"),
        ComponentKind::Phz => "Route 53".to_owned(),
        ComponentKind::ApiServer
        | ComponentKind::Igw
        | ComponentKind::Vpn
        | ComponentKind::Tgw
        | ComponentKind::Peering
        | ComponentKind::Note(_) => String::new(),
    }
}

/// The primitives of one component, in canvas units.
pub fn component_primitives(
    c: &Component,
    index: &DesignIndex<'_>,
    palette: &Palette,
) -> Vec<Primitive> {
    let kind = c.kind.name();
    let rect = c.rect();
    let accent = palette.accent(kind);
    let mut out = Vec::new();
    if let ComponentKind::Note(note) = &c.kind {
        out.push(Primitive::Rect {
            rect,
            corner: 2.0,
            fill: Some(palette.note_fill),
            stroke: Some(Stroke::new(1.0, accent)),
            dashed: false,
        });
        let text = if note.text.is_empty() {
            c.display_label()
        } else {
            &note.text
        };
        for (i, line) in text.lines().enumerate() {
            out.push(Primitive::Text {
                pos: Point::new(rect.min.x + 8.0, rect.min.y + 8.0 + i as f32 * 15.0),
                anchor: Anchor::LeftTop,
                text: line.to_owned(),
                size: DETAIL_SIZE + 1.0,
                color: palette.text,
                bold: false,
            });
        }
        return out;
    }
    if kind.is_container() {
        let public = subnet_is_public(c, index);
        out.push(Primitive::Rect {
            rect,
            corner: 8.0,
            fill: Some(palette.container_fill(kind, public)),
            stroke: Some(Stroke::new(2.0, accent)),
            dashed: kind == KindName::Subnet,
        });
        let icon_center = Point::new(rect.min.x + 18.0, rect.min.y + HEADER_HEIGHT / 2.0);
        out.extend(icon(kind, icon_center, 18.0, accent));
        let label_x = rect.min.x + 34.0;
        let (label, detail) = header_texts(c, index);
        out.push(Primitive::Text {
            pos: Point::new(label_x, rect.min.y + HEADER_HEIGHT / 2.0),
            anchor: Anchor::LeftCenter,
            text: label,
            size: LABEL_SIZE,
            color: palette.text,
            bold: true,
        });
        if !detail.is_empty() {
            out.push(Primitive::Text {
                pos: Point::new(rect.max().x - 10.0, rect.min.y + HEADER_HEIGHT / 2.0),
                anchor: Anchor::RightCenter,
                text: detail,
                size: DETAIL_SIZE,
                color: palette.text_muted,
                bold: false,
            });
        }
        return out;
    }
    // A leaf: a card with the kind's icon on the left and two lines of text.
    out.push(Primitive::Rect {
        rect,
        corner: 6.0,
        fill: Some(palette.box_fill),
        stroke: Some(Stroke::new(1.5, palette.box_stroke)),
        dashed: false,
    });
    out.push(Primitive::Rect {
        rect: Rect::new(rect.min, Size::new(5.0, rect.size.h)),
        corner: 2.0,
        fill: Some(accent),
        stroke: None,
        dashed: false,
    });
    let icon_size = (rect.size.h - 16.0).clamp(10.0, 30.0);
    let icon_center = Point::new(rect.min.x + 12.0 + icon_size / 2.0, rect.center().y);
    out.extend(icon(kind, icon_center, icon_size, accent));
    let text_x = rect.min.x + 20.0 + icon_size;
    // Both lines fit the card, cut with an ellipsis when they do not.
    let room = rect.max().x - text_x - 6.0;
    let detail = super::fonts::ellipsize(&detail_text(c, index), DETAIL_SIZE, room);
    let cy = rect.center().y;
    let label_y = if detail.is_empty() { cy } else { cy - 8.0 };
    out.push(Primitive::Text {
        pos: Point::new(text_x, label_y),
        anchor: Anchor::LeftCenter,
        text: super::fonts::ellipsize(c.display_label(), LABEL_SIZE, room),
        size: LABEL_SIZE,
        color: palette.text,
        bold: true,
    });
    if !detail.is_empty() {
        out.push(Primitive::Text {
            pos: Point::new(text_x, cy + 9.0),
            anchor: Anchor::LeftCenter,
            text: detail,
            size: DETAIL_SIZE,
            color: palette.text_muted,
            bold: false,
        });
    }
    out
}

fn p(c: Point, dx: f32, dy: f32) -> Point {
    Point::new(c.x + dx, c.y + dy)
}

fn line(points: Vec<Point>, width: f32, color: Rgba) -> Primitive {
    Primitive::Line {
        points,
        stroke: Stroke::new(width, color),
        dashed: false,
        dotted: false,
        arrow: false,
    }
}

fn outline_rect(min: Point, w: f32, h: f32, width: f32, color: Rgba, corner: f32) -> Primitive {
    Primitive::Rect {
        rect: Rect::new(min, Size::new(w, h)),
        corner,
        fill: None,
        stroke: Some(Stroke::new(width, color)),
        dashed: false,
    }
}

fn circle(center: Point, radius: f32, width: f32, color: Rgba, filled: bool) -> Primitive {
    Primitive::Circle {
        center,
        radius,
        fill: filled.then_some(color),
        stroke: (!filled).then_some(Stroke::new(width, color)),
    }
}

/// The kind's icon, drawn with lines and circles inside a square of side `s` around `c`.
pub fn icon(kind: KindName, c: Point, s: f32, color: Rgba) -> Vec<Primitive> {
    let h = s / 2.0;
    let w = (s / 14.0).max(1.2);
    match kind {
        // A cloud: three bumps over a flat base.
        KindName::Vpc | KindName::ControlPlane => vec![
            circle(p(c, -h * 0.45, h * 0.1), h * 0.42, w, color, false),
            circle(p(c, h * 0.1, -h * 0.2), h * 0.55, w, color, false),
            circle(p(c, h * 0.55, h * 0.15), h * 0.38, w, color, false),
            line(
                vec![p(c, -h * 0.9, h * 0.55), p(c, h * 0.95, h * 0.55)],
                w,
                color,
            ),
        ],
        // A padlock-free subnet mark: a grid of four cells.
        KindName::Subnet => vec![
            outline_rect(p(c, -h * 0.8, -h * 0.8), h * 1.6, h * 1.6, w, color, 2.0),
            line(vec![p(c, 0.0, -h * 0.8), p(c, 0.0, h * 0.8)], w, color),
            line(vec![p(c, -h * 0.8, 0.0), p(c, h * 0.8, 0.0)], w, color),
        ],
        // A building with windows.
        KindName::OnPrem => vec![
            outline_rect(p(c, -h * 0.6, -h * 0.85), h * 1.2, h * 1.7, w, color, 1.0),
            line(
                vec![p(c, -h * 0.25, -h * 0.45), p(c, h * 0.25, -h * 0.45)],
                w,
                color,
            ),
            line(vec![p(c, -h * 0.25, 0.0), p(c, h * 0.25, 0.0)], w, color),
            line(
                vec![p(c, -h * 0.25, h * 0.45), p(c, h * 0.25, h * 0.45)],
                w,
                color,
            ),
        ],
        // A server: three stacked units with status dots.
        KindName::ApiServer => (0..3)
            .flat_map(|i| {
                let top = -h * 0.9 + i as f32 * h * 0.62;
                vec![
                    outline_rect(p(c, -h * 0.85, top), h * 1.7, h * 0.5, w, color, 1.5),
                    circle(p(c, h * 0.55, top + h * 0.25), h * 0.09, w, color, true),
                ]
            })
            .collect(),
        // A load balancer: one line fanning out to three.
        KindName::Nlb => vec![
            circle(p(c, -h * 0.6, 0.0), h * 0.22, w, color, true),
            line(
                vec![p(c, -h * 0.6, 0.0), p(c, h * 0.7, -h * 0.65)],
                w,
                color,
            ),
            line(vec![p(c, -h * 0.6, 0.0), p(c, h * 0.7, 0.0)], w, color),
            line(vec![p(c, -h * 0.6, 0.0), p(c, h * 0.7, h * 0.65)], w, color),
            circle(p(c, h * 0.75, -h * 0.65), h * 0.15, w, color, true),
            circle(p(c, h * 0.75, 0.0), h * 0.15, w, color, true),
            circle(p(c, h * 0.75, h * 0.65), h * 0.15, w, color, true),
        ],
        // A network card: a square with a port and pins.
        KindName::EksEni => vec![
            outline_rect(p(c, -h * 0.75, -h * 0.55), h * 1.5, h * 1.1, w, color, 2.0),
            outline_rect(p(c, -h * 0.3, -h * 0.25), h * 0.6, h * 0.5, w, color, 1.0),
            line(
                vec![p(c, -h * 0.45, h * 0.55), p(c, -h * 0.45, h * 0.9)],
                w,
                color,
            ),
            line(vec![p(c, 0.0, h * 0.55), p(c, 0.0, h * 0.9)], w, color),
            line(
                vec![p(c, h * 0.45, h * 0.55), p(c, h * 0.45, h * 0.9)],
                w,
                color,
            ),
        ],
        // A globe.
        KindName::Igw => vec![
            circle(c, h * 0.85, w, color, false),
            line(vec![p(c, -h * 0.85, 0.0), p(c, h * 0.85, 0.0)], w, color),
            line(vec![p(c, 0.0, -h * 0.85), p(c, 0.0, h * 0.85)], w, color),
            Primitive::Polygon {
                points: (0..=16)
                    .map(|i| {
                        let a = i as f32 / 16.0 * std::f32::consts::TAU;
                        p(c, a.cos() * h * 0.38, a.sin() * h * 0.85)
                    })
                    .collect(),
                fill: None,
                stroke: Some(Stroke::new(w, color)),
            },
        ],
        // Two opposed arrows: translation.
        KindName::Nat => vec![
            line(
                vec![p(c, -h * 0.8, -h * 0.3), p(c, h * 0.8, -h * 0.3)],
                w,
                color,
            ),
            line(
                vec![
                    p(c, h * 0.4, -h * 0.65),
                    p(c, h * 0.8, -h * 0.3),
                    p(c, h * 0.4, h * 0.05),
                ],
                w,
                color,
            ),
            line(
                vec![p(c, h * 0.8, h * 0.4), p(c, -h * 0.8, h * 0.4)],
                w,
                color,
            ),
            line(
                vec![
                    p(c, -h * 0.4, h * 0.05),
                    p(c, -h * 0.8, h * 0.4),
                    p(c, -h * 0.4, h * 0.75),
                ],
                w,
                color,
            ),
        ],
        // A chip with pins: a compute instance.
        KindName::Node => {
            let mut v = vec![
                outline_rect(p(c, -h * 0.6, -h * 0.6), h * 1.2, h * 1.2, w, color, 2.0),
                outline_rect(p(c, -h * 0.25, -h * 0.25), h * 0.5, h * 0.5, w, color, 0.0),
            ];
            for t in [-0.3, 0.0, 0.3] {
                v.push(line(
                    vec![p(c, h * t, -h * 0.6), p(c, h * t, -h * 0.9)],
                    w,
                    color,
                ));
                v.push(line(
                    vec![p(c, h * t, h * 0.6), p(c, h * t, h * 0.9)],
                    w,
                    color,
                ));
                v.push(line(
                    vec![p(c, -h * 0.6, h * t), p(c, -h * 0.9, h * t)],
                    w,
                    color,
                ));
                v.push(line(
                    vec![p(c, h * 0.6, h * t), p(c, h * 0.9, h * t)],
                    w,
                    color,
                ));
            }
            v
        }
        // A laptop: screen and base.
        KindName::Client => vec![
            outline_rect(p(c, -h * 0.65, -h * 0.7), h * 1.3, h * 0.95, w, color, 1.5),
            Primitive::Polygon {
                points: vec![
                    p(c, -h * 0.65, h * 0.35),
                    p(c, h * 0.65, h * 0.35),
                    p(c, h * 0.95, h * 0.7),
                    p(c, -h * 0.95, h * 0.7),
                ],
                fill: Some(color),
                stroke: None,
            },
        ],
        // A padlock.
        KindName::Vpn => vec![
            outline_rect(p(c, -h * 0.65, -h * 0.1), h * 1.3, h * 0.95, w, color, 2.0),
            Primitive::Polygon {
                points: (0..=8)
                    .map(|i| {
                        let a = std::f32::consts::PI + i as f32 / 8.0 * std::f32::consts::PI;
                        p(c, a.cos() * h * 0.4, -h * 0.1 + a.sin() * h * 0.6)
                    })
                    .collect(),
                fill: None,
                stroke: Some(Stroke::new(w, color)),
            },
        ],
        // A hub with spokes.
        KindName::Tgw => {
            let mut v = vec![circle(c, h * 0.28, w, color, true)];
            for i in 0..6 {
                let a = i as f32 / 6.0 * std::f32::consts::TAU;
                let end = p(c, a.cos() * h * 0.85, a.sin() * h * 0.85);
                v.push(line(vec![c, end], w, color));
                v.push(circle(end, h * 0.13, w, color, true));
            }
            v
        }
        // Two linked rings.
        KindName::Peering => vec![
            circle(p(c, -h * 0.35, 0.0), h * 0.5, w, color, false),
            circle(p(c, h * 0.35, 0.0), h * 0.5, w, color, false),
        ],
        // A shield with "53".
        KindName::Phz => vec![
            Primitive::Polygon {
                points: vec![
                    p(c, -h * 0.8, -h * 0.8),
                    p(c, h * 0.8, -h * 0.8),
                    p(c, h * 0.8, h * 0.1),
                    p(c, 0.0, h * 0.9),
                    p(c, -h * 0.8, h * 0.1),
                ],
                fill: None,
                stroke: Some(Stroke::new(w, color)),
            },
            Primitive::Text {
                pos: p(c, 0.0, -h * 0.12),
                anchor: Anchor::Center,
                text: "53".to_owned(),
                size: s * 0.45,
                color,
                bold: true,
            },
        ],
        KindName::Note => vec![],
    }
}

/// True when the point is inside the part of a component that takes clicks: the whole box
/// for leaves, the header band and border for containers (so children stay clickable).
pub fn hit_area_contains(kind: KindName, rect: &Rect, pos: Point) -> bool {
    if !rect.contains(pos) {
        return false;
    }
    if !kind.is_container() {
        return true;
    }
    let border = 6.0;
    let max = rect.max();
    pos.y <= rect.min.y + HEADER_HEIGHT
        || pos.x <= rect.min.x + border
        || pos.x >= max.x - border
        || pos.y >= max.y - border
}

/// The parsed CIDR of a subnet, if it parses.
pub fn subnet_net(c: &Component) -> Option<ipnet::Ipv4Net> {
    match &c.kind {
        ComponentKind::Subnet(s) => parse_cidr_v4(&s.cidr).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod fit_tests {
    use super::fit_parts;

    #[test]
    fn detail_parts_drop_from_the_end_until_they_fit() {
        let d = "10.0.11.0/24 · us-east-1a · private";
        assert_eq!(fit_parts(d, 11.0, 500.0), d);
        assert_eq!(fit_parts(d, 11.0, 140.0), "10.0.11.0/24 · us-east-1a");
        assert_eq!(fit_parts(d, 11.0, 70.0), "10.0.11.0/24");
        assert_eq!(fit_parts(d, 11.0, 20.0), "");
    }
}

#[cfg(test)]
mod summary_tests {
    use super::build_scene;
    use crate::io::PRESETS;
    use crate::render::{Palette, Theme};

    #[test]
    fn containers_say_what_they_hold_for_small_views() {
        let d = PRESETS[1].load().expect("preset").0;
        let scene = build_scene(&d, &Palette::of(Theme::Light));
        let of = |id: &str| {
            scene
                .components
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.summary.clone())
                .expect("drawn")
        };
        assert_eq!(
            of("subnet-private-a"),
            "private subnet a · 1 ENI · 1 node · 10.0.11.0/24"
        );
        assert!(of("vpc").contains("4 subnets"), "{}", of("vpc"));
        assert_eq!(of("node-a"), "", "cards show their own text or nothing");
    }
}
