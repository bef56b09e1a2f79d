//! Tidy layout after AWS diagram conventions: the internet's users and the AWS-managed VPC
//! on the left, each VPC with one column per availability zone and one row per subnet tier
//! (public, private, intra), gateways along the VPC's top, everything else in its parent,
//! connected networks on the right. Works on any design: import uses it, and so can a
//! hand-drawn design (positions and sizes only; nothing else changes).

use std::collections::{BTreeMap, HashMap};

use crate::model::{Component, ComponentKind, Design, KindName, Point, Size};

const GAP: f32 = 20.0;
const PAD: f32 = 20.0;
/// Room for a container's title and its properties (CIDR, zone, routes).
const HEADER: f32 = 80.0;
/// Boxes in one row of a subnet before the next row starts.
const PER_ROW: usize = 4;
const LEFT: f32 = 40.0;

/// The usual size of a box of this kind (containers are sized by their contents).
pub fn leaf_size(kind: KindName) -> Size {
    match kind {
        KindName::Node => Size::new(170.0, 60.0),
        KindName::EksEni => Size::new(170.0, 60.0),
        KindName::Nat => Size::new(170.0, 60.0),
        KindName::Igw => Size::new(170.0, 56.0),
        KindName::Phz => Size::new(190.0, 56.0),
        KindName::Nlb => Size::new(190.0, 60.0),
        KindName::Note => Size::new(220.0, 80.0),
        _ => Size::new(150.0, 60.0),
    }
}

/// A subnet's tier, for its row.
fn tier(design: &Design, subnet: &Component) -> u8 {
    let ComponentKind::Subnet(s) = &subnet.kind else {
        return 3;
    };
    let kind_of = |id: &str| design.component(id).map(|c| c.kind.name());
    let default_to = s
        .routes
        .iter()
        .find(|r| r.destination == "0.0.0.0/0")
        .and_then(|r| kind_of(&r.target));
    match default_to {
        Some(KindName::Igw) => 0,
        Some(KindName::Nat) => 1,
        Some(_) => 1,
        None => 2,
    }
}

/// Lays `ids` out in rows of `per_row` from `origin`, cell by cell; returns the size used.
fn grid(
    out: &mut HashMap<String, (Point, Size)>,
    items: &[(String, Size)],
    origin: Point,
    per_row: usize,
) -> Size {
    let cell_w = items.iter().map(|(_, s)| s.w).fold(0.0, f32::max);
    let cell_h = items.iter().map(|(_, s)| s.h).fold(0.0, f32::max);
    let mut used = Size::new(0.0, 0.0);
    for (i, (id, size)) in items.iter().enumerate() {
        let (col, row) = (i % per_row, i / per_row);
        let pos = Point::new(
            (cell_w + GAP).mul_add(col as f32, origin.x),
            (cell_h + GAP).mul_add(row as f32, origin.y),
        );
        out.insert(id.clone(), (pos, *size));
        used.w = used.w.max(pos.x + size.w - origin.x);
        used.h = used.h.max(pos.y + size.h - origin.y);
    }
    used
}

/// Children of each component, in design order.
fn children(design: &Design) -> HashMap<&str, Vec<&Component>> {
    let mut map: HashMap<&str, Vec<&Component>> = HashMap::new();
    for c in &design.components {
        // A component that names itself as its parent is not inside itself.
        if let Some(p) = c.parent.as_deref().filter(|p| *p != c.id) {
            map.entry(p).or_default().push(c);
        }
    }
    map
}

/// Order inside a subnet: gateways, then ENIs, then nodes, then the rest.
fn rank(kind: KindName) -> u8 {
    match kind {
        KindName::Nat => 0,
        KindName::EksEni => 1,
        KindName::Node => 2,
        _ => 3,
    }
}

/// Lays a container's children out as a grid below its header, recursively; returns the
/// container's size.
fn boxed(
    out: &mut HashMap<String, (Point, Size)>,
    kids: &HashMap<&str, Vec<&Component>>,
    c: &Component,
    origin: Point,
) -> Size {
    let mut list: Vec<&Component> = kids.get(c.id.as_str()).cloned().unwrap_or_default();
    list.sort_by_key(|k| rank(k.kind.name()));
    let inner = Point::new(origin.x + PAD, origin.y + HEADER);
    // Children that hold others (rare outside VPCs) go one per row.
    let mut y = inner.y;
    let mut w: f32 = 240.0;
    let (containers, leaves): (Vec<&Component>, Vec<&Component>) = list
        .into_iter()
        .partition(|k| kids.contains_key(k.id.as_str()));
    if !leaves.is_empty() {
        let items: Vec<(String, Size)> = leaves
            .iter()
            .map(|k| (k.id.clone(), leaf_size(k.kind.name())))
            .collect();
        let used = grid(out, &items, Point::new(inner.x, y), PER_ROW);
        y += used.h + GAP;
        w = w.max(used.w + 2.0 * PAD);
    }
    for k in containers {
        let size = boxed(out, kids, k, Point::new(inner.x, y));
        y += size.h + GAP;
        w = w.max(size.w + 2.0 * PAD);
    }
    let size = Size::new(w, (y - origin.y - GAP + PAD).max(HEADER + PAD));
    out.insert(c.id.clone(), (origin, size));
    size
}

/// A VPC: its gateways and other loose children along the top, then its subnets by zone
/// (columns) and tier (rows).
fn vpc(
    out: &mut HashMap<String, (Point, Size)>,
    design: &Design,
    kids: &HashMap<&str, Vec<&Component>>,
    v: &Component,
    origin: Point,
) -> Size {
    let list: Vec<&Component> = kids.get(v.id.as_str()).cloned().unwrap_or_default();
    let (subnets, loose): (Vec<&Component>, Vec<&Component>) = list
        .into_iter()
        .partition(|k| k.kind.name() == KindName::Subnet);
    let mut y = origin.y + HEADER;
    let mut w: f32 = 400.0;
    if !loose.is_empty() {
        let items: Vec<(String, Size)> = loose
            .iter()
            .filter(|k| !kids.contains_key(k.id.as_str()))
            .map(|k| (k.id.clone(), leaf_size(k.kind.name())))
            .collect();
        let used = grid(out, &items, Point::new(origin.x + PAD, y), 6);
        y += used.h + GAP;
        w = w.max(used.w + 2.0 * PAD);
    }
    // Zone columns and tier rows, each as wide or tall as its largest subnet.
    let mut zones: BTreeMap<String, usize> = BTreeMap::new();
    for s in &subnets {
        let az = match &s.kind {
            ComponentKind::Subnet(x) => x.az.clone(),
            _ => String::new(),
        };
        let next = zones.len();
        zones.entry(az).or_insert(next);
    }
    for (i, z) in zones.values_mut().enumerate() {
        *z = i;
    }
    let mut cells: BTreeMap<(u8, usize), Vec<&Component>> = BTreeMap::new();
    for s in &subnets {
        let az = match &s.kind {
            ComponentKind::Subnet(x) => x.az.as_str(),
            _ => "",
        };
        cells
            .entry((tier(design, s), zones[az]))
            .or_default()
            .push(s);
    }
    // Size every subnet first (laid at the origin), then place them.
    let mut sizes: HashMap<&str, Size> = HashMap::new();
    let mut scratch = HashMap::new();
    for s in &subnets {
        sizes.insert(
            s.id.as_str(),
            boxed(&mut scratch, kids, s, Point::new(0.0, 0.0)),
        );
    }
    let mut col_w = vec![0.0_f32; zones.len()];
    let mut row_h: BTreeMap<(u8, usize), f32> = BTreeMap::new();
    for ((t, z), list) in &cells {
        for (k, s) in list.iter().enumerate() {
            let size = sizes[s.id.as_str()];
            col_w[*z] = col_w[*z].max(size.w);
            let h = row_h.entry((*t, k)).or_insert(0.0);
            *h = h.max(size.h);
        }
    }
    let mut col_x = Vec::with_capacity(col_w.len());
    let mut x = origin.x + PAD;
    for cw in &col_w {
        col_x.push(x);
        x += cw + GAP;
    }
    let mut row_y: BTreeMap<(u8, usize), f32> = BTreeMap::new();
    for (key, h) in &row_h {
        row_y.insert(*key, y);
        y += h + GAP;
    }
    for ((t, z), list) in &cells {
        for (k, s) in list.iter().enumerate() {
            boxed(out, kids, s, Point::new(col_x[*z], row_y[&(*t, k)]));
        }
    }
    w = w.max(x - origin.x - GAP + PAD);
    let size = Size::new(w, y - origin.y - GAP + PAD);
    out.insert(v.id.clone(), (origin, size));
    size
}

/// The new place and size of every component.
pub fn plan(design: &Design) -> HashMap<String, (Point, Size)> {
    let kids = children(design);
    let mut out = HashMap::new();
    let tops: Vec<&Component> = design
        .components
        .iter()
        .filter(|c| {
            c.parent
                .as_deref()
                .is_none_or(|p| design.component(p).is_none())
        })
        .collect();
    // Left: internet users, then the AWS-managed VPC.
    let mut y = 0.0;
    let users: Vec<(String, Size)> = tops
        .iter()
        .filter(|c| c.kind.name() == KindName::Client)
        .map(|c| (c.id.clone(), leaf_size(KindName::Client)))
        .collect();
    let mut left_w: f32 = 300.0;
    if !users.is_empty() {
        let used = grid(&mut out, &users, Point::new(LEFT, y), 2);
        y += used.h + 2.0 * GAP + 60.0;
        left_w = left_w.max(used.w);
    }
    for cp in tops
        .iter()
        .filter(|c| c.kind.name() == KindName::ControlPlane)
    {
        let size = control_plane(&mut out, &kids, cp, Point::new(LEFT, y));
        y += size.h + 2.0 * GAP;
        left_w = left_w.max(size.w);
    }
    // Middle: the VPCs, one below the other.
    let mid = LEFT + left_w + 4.0 * GAP;
    let mut vy = 0.0;
    let mut mid_w: f32 = 0.0;
    for v in tops.iter().filter(|c| c.kind.name() == KindName::Vpc) {
        let size = vpc(&mut out, design, &kids, v, Point::new(mid, vy));
        vy += size.h + 3.0 * GAP;
        mid_w = mid_w.max(size.w);
    }
    // Right: connected networks, connectors and notes.
    let right = mid + mid_w + 4.0 * GAP;
    let mut ry = 0.0;
    for c in tops.iter().filter(|c| {
        !matches!(
            c.kind.name(),
            KindName::Client | KindName::ControlPlane | KindName::Vpc
        )
    }) {
        let size = if kids.contains_key(c.id.as_str()) {
            boxed(&mut out, &kids, c, Point::new(right, ry))
        } else {
            let s = leaf_size(c.kind.name());
            out.insert(c.id.clone(), (Point::new(right, ry), s));
            s
        };
        ry += size.h + 2.0 * GAP;
    }
    out
}

/// The AWS-managed VPC: the NLB on the left, the API servers stacked on the right.
fn control_plane(
    out: &mut HashMap<String, (Point, Size)>,
    kids: &HashMap<&str, Vec<&Component>>,
    cp: &Component,
    origin: Point,
) -> Size {
    let list: Vec<&Component> = kids.get(cp.id.as_str()).cloned().unwrap_or_default();
    let (apis, rest): (Vec<&Component>, Vec<&Component>) = list
        .into_iter()
        .partition(|k| k.kind.name() == KindName::ApiServer);
    let top = origin.y + HEADER;
    let rest_items: Vec<(String, Size)> = rest
        .iter()
        .map(|k| (k.id.clone(), leaf_size(k.kind.name())))
        .collect();
    let used_left = grid(out, &rest_items, Point::new(origin.x + PAD, top + 40.0), 1);
    let api_x = origin.x + PAD + used_left.w.max(150.0) + 2.0 * GAP;
    let api_items: Vec<(String, Size)> = apis
        .iter()
        .map(|k| (k.id.clone(), leaf_size(k.kind.name())))
        .collect();
    let used_right = grid(out, &api_items, Point::new(api_x, top), 1);
    let size = Size::new(
        api_x + used_right.w.max(140.0) + PAD - origin.x,
        (used_left.h + 40.0).max(used_right.h) + HEADER + PAD,
    );
    out.insert(cp.id.clone(), (origin, size));
    size
}

/// Moves and sizes every component after [`plan`].
pub fn tidy(design: &mut Design) {
    let plan = plan(design);
    for c in &mut design.components {
        if let Some((pos, size)) = plan.get(&c.id) {
            c.pos = *pos;
            c.size = *size;
        }
    }
}
