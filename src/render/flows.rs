//! The analysed flows as drawing primitives: coloured arrows along the hops, numbered
//! steps, public segments marked, blocked components outlined in red.

use std::collections::HashSet;

use super::bundle::Bundle;
use super::palette::{Palette, Theme};
use super::primitive::{Anchor, Primitive, Rgba, Stroke};
use super::route::{End, Router, Routes, grow, offset};
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

/// What shares one badge: flow type, port, step and the two ends of the leg, hashed.
fn badge_key(kind: FlowKind, port: u16, step: usize, a: &[&str], b: &[&str]) -> u64 {
    use std::hash::BuildHasher;
    crate::model::design::FastIds.hash_one((kind, port, step, a, b))
}

/// What one bundle added to a drawing, so that a gesture's frame can take it over whole
/// when nothing moved near it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Piece {
    /// Its primitives, `Group` to `EndGroup`.
    prims: std::ops::Range<usize>,
    /// Its step badges: where, the number, the colour; with the keys of the badges it drew.
    badges: Vec<(Point, usize, Rgba)>,
    badge_keys: Vec<u64>,
    /// Its exposure labels, as placed: the box and the text primitive.
    exposure: Vec<(Rect, Primitive)>,
    /// Where its exposure labels were wanted (before placing).
    exposure_at: Vec<(Point, Look, Rgba)>,
    /// Its hover areas.
    hovers: std::ops::Range<usize>,
    /// Its count label's box.
    pill: Option<Rect>,
}

impl Piece {
    /// The boxes it covers with badges and labels.
    fn covers(&self) -> impl Iterator<Item = Rect> + '_ {
        self.badges
            .iter()
            .map(|(at, _, _)| around(*at, BADGE))
            .chain(self.pill)
            .chain(self.exposure.iter().map(|(r, _)| *r))
    }
}

/// One leg of a drawn flow: the route between two consecutive hops.
#[derive(Clone, Debug, PartialEq)]
pub struct Leg {
    /// The components at the leg's two ends (of a bundle's end, its first node).
    pub ends: (String, String),
    /// The drawn polyline, in its lane.
    pub points: Vec<Point>,
    /// The leg crosses public IPs (leaves a VPC towards the public endpoint).
    pub public: bool,
}

/// A drawn flow or bundle of flows.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnFlow {
    /// Which flow type.
    pub kind: FlowKind,
    /// The flows drawn, by the component that names each (source, or node).
    pub members: Vec<String>,
    /// Its legs, source to target.
    pub legs: Vec<Leg>,
}

/// The flows as drawn: primitives, the legs for hit tests, packets and tests, and hover
/// texts (a bundle's list of nodes) by the area they cover.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    /// What to draw, over the components.
    pub primitives: Vec<Primitive>,
    /// Each drawn flow or bundle.
    pub flows: Vec<DrawnFlow>,
    /// Areas with a hover text.
    pub hovers: Vec<(Rect, String)>,
    /// The step badges' boxes.
    pub badges: Vec<Rect>,
    /// The boxes of the labels on the flows (exposure, bundle counts).
    pub labels: Vec<Rect>,
    /// The routes found, for drawing the next frames of a gesture faster.
    pub routes: Routes,
    /// The bundles, as indices into the flows drawn, for the same.
    pub groups: Vec<Vec<usize>>,
    /// What each bundle drew, in the order of `flows`.
    pieces: Vec<Piece>,
}

/// What a gesture's frame can reuse of the drawing before it: its routes, and which boxes
/// moved since (their ids and where they are now).
#[derive(Clone, Copy, Debug)]
pub struct Reuse<'r> {
    /// The drawing before, of the same flows (bundles follow hops and subnets, not
    /// positions): its routes, and the bundles that nothing moved near, taken over whole.
    pub base: &'r Drawn,
    /// Where the moved boxes are now.
    pub moved: &'r [Rect],
    /// Their ids.
    pub moved_ids: &'r HashSet<String>,
}

/// The flows drawn over `design`: equivalent node flows bundled, each leg routed around the
/// boxes not on it, flow types in side-by-side lanes, step badges and labels where they
/// cover no text and no other badge.
pub fn flow_primitives<'a>(
    design: &'a Design,
    flows: &[&'a FlowResult],
    palette: &Palette,
) -> Drawn {
    flow_primitives_reusing(design, flows, palette, None)
}

/// [`flow_primitives`], taking over the routes of an earlier drawing where nothing moved
/// near them.
pub fn flow_primitives_reusing<'a>(
    design: &'a Design,
    flows: &[&'a FlowResult],
    palette: &Palette,
    reuse: Option<Reuse<'_>>,
) -> Drawn {
    let index = DesignIndex::new(design);
    let zone_texts: Vec<Rect> = super::scene::zone_primitives(design, palette)
        .0
        .iter()
        .filter_map(super::scene::text_rect)
        .collect();
    let mut router = Router::new(&index).avoiding(zone_texts.clone());
    if let Some(r) = reuse {
        router = router.reusing(&r.base.routes, r.moved, r.moved_ids);
    }
    let mut out = Drawn::default();
    // Where badges and labels must not go: component text (container headers, cards).
    let text_areas: Vec<Rect> = router.text_areas().chain(zone_texts).collect();
    let mut placed: Vec<Rect> = Vec::new();
    // Legs already drawn with their badge: the same flow type taking the same step over
    // the same leg (every node of a subnet through one NAT) shares one badge.
    let mut badged: HashSet<u64, crate::model::design::FastIds> = HashSet::default();
    let mut outlined: HashSet<&str> = HashSet::new();
    out.groups = match reuse {
        Some(r) => r.base.groups.clone(),
        None => super::bundle::groups(&index, flows),
    };
    let all: Vec<Bundle<'a>> = out
        .groups
        .iter()
        .map(|g| Bundle {
            flows: g.iter().filter_map(|&i| flows.get(i).copied()).collect(),
        })
        .collect();
    // A gesture's frame takes over the bundles that nothing moved on or near; the others
    // are drawn again around what those keep.
    let kept: Vec<Option<&Piece>> = all
        .iter()
        .enumerate()
        .map(|(i, bundle)| {
            let r = reuse?;
            let piece = r.base.pieces.get(i)?;
            let flow = r.base.flows.get(i)?;
            (!touched(bundle, flow, piece, r)).then_some(piece)
        })
        .collect();
    for piece in kept.iter().flatten() {
        placed.extend(piece.covers());
        badged.extend(piece.badge_keys.iter().copied());
    }
    for (i, bundle) in all.into_iter().enumerate() {
        if let (Some(piece), Some(r)) = (kept.get(i).copied().flatten(), reuse) {
            take_over(&mut out, r.base, i, piece);
            for b in bundle.flows.iter().filter_map(|f| f.blocked_at.as_deref()) {
                if outlined.insert(b)
                    && let Some(c) = index.get(b)
                {
                    blocked_mark(c.rect(), palette, &mut out.primitives);
                }
            }
            continue;
        }
        let Some(f) = bundle.lead() else {
            // Pieces and flows stay in step, bundle for bundle.
            out.pieces.push(Piece::default());
            out.flows.push(DrawnFlow {
                kind: FlowKind::KubeletToApi,
                members: Vec::new(),
                legs: Vec::new(),
            });
            continue;
        };
        let mut piece = Piece {
            prims: out.primitives.len()..out.primitives.len(),
            hovers: out.hovers.len()..out.hovers.len(),
            ..Piece::default()
        };
        let prims = &mut out.primitives;
        let color = flow_color(f.flow, palette.theme);
        prims.push(Primitive::Group {
            key: "data-flow",
            value: bundle.data_flow(),
        });
        // Each flow type has its own lane, beside the route between two boxes, so that
        // flows sharing a leg run side by side instead of on top of each other.
        let lane = match f.flow {
            FlowKind::KubectlToApi => -7.0,
            // A webhook port runs beside kubelet's 10250, half a lane over.
            FlowKind::ApiToKubelet if f.port != crate::engine::KUBELET_PORT => -3.5,
            FlowKind::ApiToKubelet => 0.0,
            FlowKind::KubeletToApi => 7.0,
        };
        let ends = hop_ends(&index, &bundle);
        let mut drawn = DrawnFlow {
            kind: f.flow,
            members: bundle.ends().into_iter().map(str::to_owned).collect(),
            legs: Vec::new(),
        };
        let numbers = leg_numbers(&index, f);
        for (step, pair) in ends.windows(2).enumerate() {
            let [(a, _), (b, b_kind)] = pair else {
                continue;
            };
            // A bundle's box holding the next hop (an ENI among the nodes): the leg goes
            // from the bundle's node nearest to it.
            let (a, b) = (narrowed(&index, a, &b.rect), narrowed(&index, b, &a.rect));
            let (a, b) = (&a, &b);
            // The lane's side is the same whichever way a flow goes along the leg.
            let flip = b.ids < a.ids;
            let (p, q) = if flip { (b, a) } else { (a, b) };
            let center = router.route(p, q).unwrap_or_else(|| {
                vec![
                    border_point(&p.rect, q.rect.center()),
                    border_point(&q.rect, p.rect.center()),
                ]
            });
            let mut points = offset(&center, lane);
            if flip {
                points.reverse();
            }
            // The step into the public NLB crosses public IPs.
            let public = *b_kind == Some(KindName::Nlb)
                && (!f.reachable || f.exposure.is_some_and(|e| e != Exposure::None));
            // Each exposure has its own look: dashes cross the internet, dots cross public
            // IPs without leaving Amazon's network.
            let look = Look::of(f.exposure);
            prims.push(Primitive::Line {
                points: points.clone(),
                stroke: Stroke::new(
                    if public || bundle.is_bundle() {
                        3.5
                    } else {
                        2.5
                    },
                    color,
                ),
                dashed: public && look == Look::Internet,
                dotted: public && look == Look::AwsPublic,
                arrow: true,
            });
            drawn.legs.push(Leg {
                ends: (
                    a.ids.first().map_or_else(String::new, |s| (*s).to_owned()),
                    b.ids.first().map_or_else(String::new, |s| (*s).to_owned()),
                ),
                points: points.clone(),
                public,
            });
            let key = badge_key(f.flow, f.port, step, &a.ids, &b.ids);
            if !badged.insert(key) {
                continue;
            }
            piece.badge_keys.push(key);
            // The badge goes where it covers no text and no other badge, as near the middle
            // of the leg as it can.
            let area = grow(&bounds(&points), 200.0);
            let near: Vec<Rect> = text_areas
                .iter()
                .chain(placed.iter())
                .filter(|r| r.intersects(&area))
                .copied()
                .collect();
            let mid = free_on(&points, BADGE, &near);
            placed.push(around(mid, BADGE));
            if public {
                // Placed once every line is drawn, where it crosses none.
                piece.exposure_at.push((mid, look, color));
            }
            piece
                .badges
                .push((mid, numbers.get(step).copied().unwrap_or(step + 1), color));
            out.badges.push(around(mid, BADGE));
        }
        if bundle.is_bundle() {
            let pill = bundle_label(
                &bundle,
                &ends,
                &drawn,
                palette,
                &text_areas,
                &mut placed,
                prims,
                &mut out.hovers,
            );
            out.labels.extend(pill);
            piece.pill = pill;
        }
        prims.push(Primitive::EndGroup);
        piece.prims.end = prims.len();
        piece.hovers.end = out.hovers.len();
        for b in bundle.flows.iter().filter_map(|f| f.blocked_at.as_deref()) {
            if outlined.insert(b)
                && let Some(c) = index.get(b)
            {
                blocked_mark(c.rect(), palette, prims);
            }
        }
        out.flows.push(drawn);
        out.pieces.push(piece);
    }
    // A gesture's frame is drawn from the routes before it, never from another frame's.
    if reuse.is_none() {
        out.routes = router.routes();
    }
    let lines: Vec<&[Point]> = out
        .flows
        .iter()
        .flat_map(|f| f.legs.iter().map(|l| l.points.as_slice()))
        .collect();
    let mut pieces = std::mem::take(&mut out.pieces);
    for (i, piece) in pieces.iter_mut().enumerate() {
        if kept.get(i).copied().flatten().is_some() {
            for (r, p) in &piece.exposure {
                out.labels.push(*r);
                out.primitives.push(p.clone());
            }
            continue;
        }
        for &(mid, look, color) in &piece.exposure_at {
            let text = look.label();
            let text = text.as_str();
            let size = Size::new(super::fonts::text_width(text, 10.0) + 6.0, 14.0);
            let near: Vec<Rect> = text_areas
                .iter()
                .filter(|r| r.intersects(&grow(&around(mid, size), 60.0)))
                .copied()
                .collect();
            let at = free_beside(mid, size, &near, &placed, &lines);
            placed.push(around(at, size));
            out.labels.push(around(at, size));
            let label = Primitive::Text {
                pos: at,
                anchor: Anchor::Center,
                text: text.to_owned(),
                size: 10.0,
                // Red is for blocked flows; the exposure label takes the flow's colour.
                color,
                bold: true,
            };
            out.primitives.push(label.clone());
            piece.exposure.push((around(at, size), label));
        }
    }
    out.pieces = pieces;
    let prims = &mut out.primitives;
    // Step numbers last, so that lines never cover them.
    for &(at, n, color) in out.pieces.iter().flat_map(|p| &p.badges) {
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
    out
}

/// Whether a gesture's frame must draw a bundle again: it has a hop at a moved box, or a
/// leg, badge or label of the drawing before lies on one.
fn touched(bundle: &Bundle<'_>, flow: &DrawnFlow, piece: &Piece, r: Reuse<'_>) -> bool {
    // A bundle's flows share their hops but for the node itself.
    let on_path = |id: &String| {
        bundle
            .lead()
            .is_some_and(|f| f.hops.iter().any(|h| h.id == *id))
            || bundle
                .flows
                .iter()
                .any(|f| super::bundle::flow_end(f) == id.as_str())
    };
    r.moved_ids.iter().any(on_path)
        || r.moved.iter().any(|m| {
            let near = grow(m, super::route::CLEARANCE);
            flow.legs.iter().any(|l| {
                l.points
                    .windows(2)
                    .any(|w| super::route::segment_hits(w[0], w[1], &near))
            }) || piece.covers().any(|c| c.intersects(&near))
        })
}

/// Takes bundle `i` of the drawing `base` over whole into `out`.
fn take_over(out: &mut Drawn, base: &Drawn, i: usize, piece: &Piece) {
    let start = out.primitives.len();
    out.primitives.extend(
        base.primitives
            .get(piece.prims.clone())
            .unwrap_or_default()
            .iter()
            .cloned(),
    );
    let hovers = out.hovers.len();
    out.hovers.extend(
        base.hovers
            .get(piece.hovers.clone())
            .unwrap_or_default()
            .iter()
            .cloned(),
    );
    out.badges
        .extend(piece.badges.iter().map(|(at, _, _)| around(*at, BADGE)));
    out.labels.extend(piece.pill);
    out.flows.extend(base.flows.get(i).cloned());
    out.pieces.push(Piece {
        prims: start..out.primitives.len(),
        hovers: hovers..out.hovers.len(),
        ..piece.clone()
    });
}

/// The step number of each leg of a flow, as the flow's numbered explanation (and a
/// walk-through's caption) counts: the last step about the leg's first component or the
/// subnet it is in (whose route table sends the traffic on); a leg no step is about
/// shares the number of the leg before it.
fn leg_numbers(index: &DesignIndex<'_>, f: &FlowResult) -> Vec<usize> {
    let mut out = Vec::with_capacity(f.hops.len());
    let mut last = 0;
    for hop in f.hops.iter().take(f.hops.len().saturating_sub(1)) {
        let parent = index.get(&hop.id).and_then(|c| c.parent.as_deref());
        let about = f
            .steps
            .iter()
            .rposition(|s| {
                s.component
                    .as_deref()
                    .is_some_and(|c| c == hop.id || Some(c) == parent)
            })
            .map(|i| i + 1);
        // Never backwards: a later leg is never numbered before an earlier one.
        last = about.filter(|&n| n >= last).unwrap_or(last.max(1));
        out.push(last);
    }
    out
}

/// The ends of a drawn flow's legs, with the kind of each component; a bundle's node hop
/// stands for all its nodes, as the box around them.
fn hop_ends<'a>(index: &DesignIndex<'a>, bundle: &Bundle<'a>) -> Vec<(End<'a>, Option<KindName>)> {
    let Some(f) = bundle.lead() else {
        return Vec::new();
    };
    let node = if bundle.is_bundle() {
        Some(super::bundle::flow_end(f))
    } else {
        None
    };
    f.hops
        .iter()
        .filter_map(|h| {
            if Some(h.id.as_str()) == node {
                let ids = bundle.ends();
                let rect = ids
                    .iter()
                    .filter_map(|id| index.get(id).map(crate::model::Component::rect))
                    .reduce(|a, b| a.union(&b))?;
                Some((
                    End {
                        rect: grow(&rect, NODES_PAD),
                        ids,
                    },
                    Some(KindName::Node),
                ))
            } else {
                index.get(&h.id).map(|c| {
                    (
                        End {
                            rect: c.rect(),
                            ids: vec![h.id.as_str()],
                        },
                        Some(c.kind.name()),
                    )
                })
            }
        })
        .collect()
}

/// `end`, or when it is a bundle's box overlapping `other`, the box of its node nearest to
/// `other` that does not (with the same ids).
fn narrowed<'a>(index: &DesignIndex<'a>, end: &End<'a>, other: &Rect) -> End<'a> {
    if end.ids.len() < 2 || !end.rect.intersects(other) {
        return end.clone();
    }
    let c = other.center();
    let dist = |r: &Rect| {
        let m = r.center();
        (m.x - c.x).abs() + (m.y - c.y).abs()
    };
    let nearest = end
        .ids
        .iter()
        .filter_map(|id| index.get(id).map(crate::model::Component::rect))
        .filter(|r| !r.intersects(other))
        .min_by(|x, y| dist(x).total_cmp(&dist(y)));
    End {
        rect: nearest.unwrap_or(end.rect),
        ids: end.ids.clone(),
    }
}

/// How far a bundle's outline stands off its nodes.
const NODES_PAD: f32 = 4.0;

/// A bundle's outline around its nodes and its label ("kubelet × 12") on the leg at the
/// nodes, with the list of nodes on hover.
#[expect(clippy::too_many_arguments, reason = "one drawing step with its state")]
fn bundle_label(
    bundle: &Bundle<'_>,
    ends: &[(End<'_>, Option<KindName>)],
    drawn: &DrawnFlow,
    palette: &Palette,
    text_areas: &[Rect],
    placed: &mut Vec<Rect>,
    prims: &mut Vec<Primitive>,
    hovers: &mut Vec<(Rect, String)>,
) -> Option<Rect> {
    let f = bundle.lead()?;
    let color = flow_color(f.flow, palette.theme);
    let at_start = f.flow == FlowKind::KubeletToApi;
    let (nodes, leg) = if at_start {
        (ends.first(), drawn.legs.first())
    } else {
        (ends.last(), drawn.legs.last())
    };
    let (nodes, _) = nodes?;
    prims.push(Primitive::Rect {
        rect: nodes.rect,
        corner: 6.0,
        fill: None,
        stroke: Some(Stroke::new(1.5, color)),
        dashed: true,
    });
    let text = bundle.label();
    let size = Size::new(super::fonts::text_width(&text, 11.0) + 12.0, 16.0);
    // On the leg at the nodes, as near them as it fits.
    let mut points = leg.map(|l| l.points.clone()).unwrap_or_default();
    if !at_start {
        points.reverse();
    }
    let near: Vec<Rect> = text_areas.iter().chain(placed.iter()).copied().collect();
    // Below or above the outline, else on the leg away from the nodes.
    let r = nodes.rect;
    let (left, right) = (r.min.x + size.w / 2.0 + 4.0, r.max().x - size.w / 2.0 - 4.0);
    let beside = [
        Point::new(left, r.max().y + size.h / 2.0 + 3.0),
        Point::new(left, r.min.y - size.h / 2.0 - 3.0),
        Point::new(right, r.max().y + size.h / 2.0 + 3.0),
        Point::new(right, r.min.y - size.h / 2.0 - 3.0),
    ];
    let at = beside
        .into_iter()
        .chain(along(&points, &[28.0, 44.0, 64.0, 90.0, 120.0]))
        .find(|p| !near.iter().any(|r| r.intersects(&around(*p, size))))
        .unwrap_or(beside[0]);
    let pill = around(at, size);
    placed.push(pill);
    prims.push(Primitive::Rect {
        rect: pill,
        corner: 8.0,
        fill: Some(palette.background),
        stroke: Some(Stroke::new(1.5, color)),
        dashed: false,
    });
    prims.push(Primitive::Text {
        pos: at,
        anchor: Anchor::Center,
        text: text.clone(),
        size: 11.0,
        color,
        bold: true,
    });
    let list = bundle.ends().join(", ");
    let what = super::legend::flow_words(f.flow);
    hovers.push((
        pill.union(&nodes.rect),
        crate::t!(
            "bundle-hover",
            flow = what,
            count = text.as_str(),
            list = list
        ),
    ));
    Some(pill)
}

/// The red outline and "!" of a component where a flow is blocked.
fn blocked_mark(r: Rect, palette: &Palette, prims: &mut Vec<Primitive>) {
    prims.push(Primitive::Rect {
        rect: grow(&r, 5.0),
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

/// A step badge's box.
const BADGE: Size = Size::new(18.0, 18.0);

/// The box of `size` centred on `p`.
fn around(p: Point, size: Size) -> Rect {
    Rect::new(Point::new(p.x - size.w / 2.0, p.y - size.h / 2.0), size)
}

/// The smallest box holding every point.
fn bounds(points: &[Point]) -> Rect {
    let Some(first) = points.first() else {
        return Rect::default();
    };
    points
        .iter()
        .fold(Rect::new(*first, Size::new(0.0, 0.0)), |r, p| {
            r.union(&Rect::new(*p, Size::new(0.0, 0.0)))
        })
}

/// The points `distances` along a polyline from its start (those within its length).
fn along(points: &[Point], distances: &[f32]) -> Vec<Point> {
    let mut out = Vec::new();
    for &d in distances {
        let mut left = d;
        for w in points.windows(2) {
            let [p, q] = w else { continue };
            let len = ((q.x - p.x).powi(2) + (q.y - p.y).powi(2)).sqrt();
            if left <= len && len > 0.0 {
                let t = left / len;
                out.push(Point::new(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t));
                break;
            }
            left -= len;
        }
    }
    out
}

/// A point on the polyline, as near the middle of its longest pieces as possible, where a
/// box of `size` overlaps none of `taken`; the middle of the longest piece when there is none.
fn free_on(points: &[Point], size: Size, taken: &[Rect]) -> Point {
    let mut pieces: Vec<(Point, Point)> = points
        .windows(2)
        .filter_map(|w| match w {
            [p, q] => Some((*p, *q)),
            _ => None,
        })
        .collect();
    let len = |(p, q): &(Point, Point)| (q.x - p.x).abs() + (q.y - p.y).abs();
    pieces.sort_by(|x, y| len(y).total_cmp(&len(x)));
    let at =
        |(a, b): (Point, Point), t: f32| Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    let free = |p: &Point| !taken.iter().any(|r| r.intersects(&around(*p, size)));
    pieces
        .iter()
        .filter(|piece| len(piece) > size.w)
        .flat_map(|piece| {
            [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85]
                .iter()
                .map(move |t| at(*piece, *t))
        })
        .find(free)
        .or_else(|| {
            // No room on the line (a short leg between two boxes): beside its middle.
            pieces.iter().find_map(|&(p, q)| {
                let m = at((p, q), 0.5);
                let vertical = (p.x - q.x).abs() < (p.y - q.y).abs();
                [16.0_f32, -16.0, 30.0, -30.0, 44.0, -44.0, 58.0, -58.0]
                    .iter()
                    .map(|d| {
                        if vertical {
                            Point::new(m.x + d, m.y)
                        } else {
                            Point::new(m.x, m.y + d)
                        }
                    })
                    .find(free)
            })
        })
        .or_else(|| {
            // Packed boxes all around: the nearest free spot around the middle.
            let m = pieces.first().map(|piece| at(*piece, 0.5))?;
            (1..=12).find_map(|ring| {
                let r = 16.0 + 14.0 * ring as f32;
                (0..16).find_map(|k| {
                    let a = k as f32 * std::f32::consts::TAU / 16.0;
                    Some(Point::new(m.x + r * a.cos(), m.y + r * a.sin())).filter(free)
                })
            })
        })
        .or_else(|| pieces.first().map(|piece| at(*piece, 0.5)))
        .unwrap_or_default()
}

/// Where a label of `size` goes beside a badge at `mid`: above or below it, clear of text
/// and other labels where it can be.
fn free_beside(
    mid: Point,
    size: Size,
    near: &[Rect],
    placed: &[Rect],
    lines: &[&[Point]],
) -> Point {
    let candidates: Vec<Point> = [-16.0_f32, 16.0, -28.0, 28.0, -40.0, 40.0]
        .iter()
        .map(|dy| Point::new(mid.x, mid.y + dy))
        .chain(
            [-1.0_f32, 1.0]
                .iter()
                .map(|s| Point::new(mid.x + s * (size.w / 2.0 + 12.0), mid.y)),
        )
        .collect();
    let clear_of_text = |p: &Point| {
        !near
            .iter()
            .chain(placed.iter())
            .any(|r| r.intersects(&around(*p, size)))
    };
    let clear_of_lines = |p: &Point| {
        let r = around(*p, size);
        !lines.iter().any(|l| super::route::crosses(l, &r))
    };
    // Clear of text and lines, else of text at least.
    candidates
        .iter()
        .find(|p| clear_of_text(p) && clear_of_lines(p))
        .or_else(|| candidates.iter().find(|p| clear_of_text(p)))
        .copied()
        .unwrap_or(Point::new(mid.x, mid.y - 16.0))
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

    fn label(self) -> String {
        match self {
            Look::Internet => crate::t!("look-internet"),
            Look::AwsPublic => crate::t!("look-aws-public"),
        }
    }
}

/// Packets for the animation on screen: one dot per drawn flow, travelling its legs in
/// order, one leg per 0.6 s; `time` in seconds.
pub fn packets(drawn: &Drawn, palette: &Palette, time: f64) -> Vec<Primitive> {
    drawn
        .flows
        .iter()
        .filter_map(|f| {
            let n = f.legs.len();
            if n == 0 {
                return None;
            }
            let t = (time / 0.6) % n as f64;
            // `t` is in [0, n): a small non-negative whole number.
            #[expect(clippy::cast_sign_loss, reason = "t is never negative")]
            let i = t.floor() as usize;
            let leg = f.legs.get(i)?;
            let total = length(&leg.points);
            let at = along(&leg.points, &[total * (t - t.floor()) as f32])
                .first()
                .copied()
                .or_else(|| leg.points.last().copied())?;
            Some(Primitive::Circle {
                center: at,
                radius: 6.0,
                fill: Some(flow_color(f.kind, palette.theme)),
                stroke: Some(Stroke::new(1.5, palette.background)),
            })
        })
        .collect()
}

/// The packets of an animated SVG: per drawn flow a dot that travels all its legs and
/// starts again, invisible where SVG animation is not played (PNG, PDF).
pub fn motion(drawn: &Drawn, palette: &Palette) -> Vec<Primitive> {
    drawn
        .flows
        .iter()
        .filter(|f| !f.legs.is_empty())
        .map(|f| Primitive::Motion {
            legs: f.legs.iter().map(|l| l.points.clone()).collect(),
            radius: 6.0,
            color: flow_color(f.kind, palette.theme),
            seconds: 1.2 * f.legs.len() as f32,
        })
        .collect()
}

/// The length of a polyline.
fn length(points: &[Point]) -> f32 {
    points
        .windows(2)
        .map(|w| match w {
            [p, q] => ((q.x - p.x).powi(2) + (q.y - p.y).powi(2)).sqrt(),
            _ => 0.0,
        })
        .sum()
}
