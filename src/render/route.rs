//! Orthogonal routes between boxes that go around every box not on the way: a shortest
//! path with few bends over a sparse grid of the lines beside the boxes near the two ends.
//!
//! A route leaves its first box and enters its last box; the containers holding either end
//! are crossed (that is where the route enters or leaves them) but never over their header,
//! where their title is; every other box, container or card, is gone around.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet};

use crate::model::{DesignIndex, Point, Rect, Size};

/// How far a route's centre line keeps from a box: room for the lanes beside it.
pub const CLEARANCE: f32 = 9.0;
/// Where the lines beside a box run, from its border.
const BESIDE: f32 = 16.0;
/// What a bend costs, in canvas units of length.
const BEND: f32 = 40.0;
/// How many times a route is tried again with the boxes it crossed added.
const ATTEMPTS: usize = 6;
/// The most grid points a route is searched over (about 32 MB of search state).
const MAX_GRID: usize = 1_000_000;
/// The space around the two ends whose boxes a first attempt goes around.
const REACH: f32 = 80.0;

/// One end of a route: a box, and the components it stands for (one, or a bundle's nodes
/// with their subnet).
#[derive(Clone, Debug)]
pub struct End<'a> {
    /// The box the route leaves or enters.
    pub rect: Rect,
    /// The components of this end: never obstacles, and their containers are crossed.
    pub ids: Vec<&'a str>,
}

/// A box of the design, as the router sees it.
#[derive(Debug)]
struct Boxed<'a> {
    id: &'a str,
    /// The parent's place in the list.
    parent: Option<usize>,
    rect: Rect,
    container: bool,
    /// Where its text is (a container's header label and detail).
    texts: Vec<Rect>,
}

/// Routes found over a design, by the component ids at their two ends: what the frames of
/// a gesture reuse where nothing moved near them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Routes(BTreeMap<(u64, u64), (Vec<String>, Vec<Point>)>);

/// A short key for the components of an end.
fn key(ids: &[&str]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    ids.hash(&mut h);
    h.finish()
}

/// A route found (or not) and the ids of its two ends.
type Found<'a> = (Vec<&'a str>, Option<Vec<Point>>);

/// Routes over one design; routes already found are kept for the same pair of ends.
#[derive(Debug)]
pub struct Router<'a> {
    index: &'a DesignIndex<'a>,
    boxes: Vec<Boxed<'a>>,
    /// Texts that are no component's (zone titles), gone around too.
    texts: Vec<Rect>,
    /// Routes found, by the keys of their ends, with the ids of both ends.
    cache: HashMap<(u64, u64), Found<'a>>,
}

impl<'a> Router<'a> {
    /// A router over the boxes of a design, indexed by `index`.
    pub fn new(index: &'a DesignIndex<'a>) -> Self {
        let design = index.design();
        let boxes: Vec<Boxed<'a>> = design
            .components
            .iter()
            .map(|c| {
                let container = c.kind.name().is_container();
                Boxed {
                    id: c.id.as_str(),
                    parent: c.parent.as_deref().and_then(|p| index.position(p)),
                    rect: c.rect(),
                    container,
                    texts: if container {
                        super::scene::text_areas(c, index)
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect();
        Self {
            index,
            boxes,
            texts: Vec::new(),
            cache: HashMap::new(),
        }
    }

    /// Routes also go around these texts (zone titles).
    pub fn avoiding(mut self, texts: Vec<Rect>) -> Self {
        self.texts = texts;
        self
    }

    /// Where the components' texts are, which lines and badges keep off: a container's
    /// header texts, a card whole.
    pub fn text_areas(&self) -> impl Iterator<Item = Rect> + '_ {
        self.boxes.iter().flat_map(|b| {
            if b.container {
                b.texts.clone()
            } else {
                vec![b.rect]
            }
        })
    }

    /// Takes over `previous` routes (found over the same design before some boxes moved)
    /// whose ends did not move and which cross none of the `moved` boxes where they are now.
    pub fn reusing(
        mut self,
        previous: &Routes,
        moved: &[Rect],
        moved_ids: &HashSet<String>,
    ) -> Self {
        let grown: Vec<Rect> = moved.iter().map(|r| grow(r, CLEARANCE - 1.0)).collect();
        for (k, (ids, path)) in &previous.0 {
            if ids.iter().any(|id| moved_ids.contains(id)) || grown.iter().any(|r| crosses(path, r))
            {
                continue;
            }
            self.cache.insert(*k, (Vec::new(), Some(path.clone())));
        }
        self
    }

    /// Every route found, for [`Router::reusing`].
    pub fn routes(&self) -> Routes {
        Routes(
            self.cache
                .iter()
                .filter_map(|(k, (ids, path))| {
                    path.as_ref().map(|p| {
                        (
                            *k,
                            (ids.iter().map(|s| (*s).to_owned()).collect(), p.clone()),
                        )
                    })
                })
                .collect(),
        )
    }

    /// The route from `a` to `b`: a polyline from `a`'s border to `b`'s border, every
    /// segment horizontal or vertical. `None` when the boxes overlap or nothing gets
    /// around the boxes between them.
    pub fn route(&mut self, a: &End<'a>, b: &End<'a>) -> Option<Vec<Point>> {
        let k = (key(&a.ids), key(&b.ids));
        if let Some((_, found)) = self.cache.get(&k) {
            return found.clone();
        }
        let found = self.find(a, b);
        let ids = a.ids.iter().chain(&b.ids).copied().collect();
        self.cache.insert(k, (ids, found.clone()));
        found
    }

    fn find(&self, a: &End<'a>, b: &End<'a>) -> Option<Vec<Point>> {
        if a.rect.intersects(&b.rect) {
            return None;
        }
        let obstacles = self.obstacles(a, b);
        let region = grow(&a.rect.union(&b.rect), REACH);
        let mut active: Vec<Rect> = obstacles
            .iter()
            .filter(|r| r.intersects(&region))
            .copied()
            .collect();
        for _ in 0..ATTEMPTS {
            let path = search(a.rect, b.rect, &active)?;
            let path = clip(&path, &a.rect, &b.rect)?;
            let crossed: Vec<Rect> = obstacles
                .iter()
                .filter(|o| !active.contains(o) && crosses(&path, o))
                .copied()
                .collect();
            if crossed.is_empty() {
                return Some(path);
            }
            active.extend(crossed);
        }
        None
    }

    /// What a route between `a` and `b` goes around: every box but the ends; of the
    /// containers holding an end, only the header's texts.
    fn obstacles(&self, a: &End<'a>, b: &End<'a>) -> Vec<Rect> {
        let ends: BTreeSet<&str> = a.ids.iter().chain(&b.ids).copied().collect();
        let mut holders: HashSet<usize> = HashSet::new();
        for id in &ends {
            let mut cur = self.index.position(id).and_then(|i| self.boxes.get(i));
            // Bounded: a parent cycle (reported by validation) must not hang us.
            for _ in 0..self.boxes.len() {
                let Some(p) = cur.and_then(|c| c.parent) else {
                    break;
                };
                if !holders.insert(p) {
                    break;
                }
                cur = self.boxes.get(p);
            }
        }
        // A box inside a container that is gone around whole is gone around with it: left
        // out, which keeps the grid small on large designs.
        let covered = |x: &Boxed<'_>| {
            let mut cur = x.parent;
            for _ in 0..self.boxes.len() {
                let Some(p) = cur else { return false };
                let Some(q) = self.boxes.get(p) else {
                    return false;
                };
                if !holders.contains(&p) && !ends.contains(q.id) {
                    return true;
                }
                cur = q.parent;
            }
            false
        };
        self.boxes
            .iter()
            .enumerate()
            .filter(|(_, x)| !ends.contains(x.id) && !covered(x))
            .flat_map(|(i, x)| {
                if x.container && holders.contains(&i) {
                    x.texts.clone()
                } else {
                    vec![x.rect]
                }
            })
            .chain(self.texts.iter().copied())
            // A box holding an end whole (a header over a card) cannot be gone around.
            .filter(|r| !r.contains_rect(&a.rect) && !r.contains_rect(&b.rect))
            .collect()
    }
}

/// `r` grown by `d` on every side.
pub fn grow(r: &Rect, d: f32) -> Rect {
    Rect::new(
        Point::new(r.min.x - d, r.min.y - d),
        Size::new(r.size.w + 2.0 * d, r.size.h + 2.0 * d),
    )
}

/// True when a segment of `path` passes through the inside of `r`.
pub fn crosses(path: &[Point], r: &Rect) -> bool {
    path.windows(2).any(|w| match w {
        [p, q] => segment_hits(*p, *q, r),
        _ => false,
    })
}

/// True when the segment from `p` to `q` passes through the inside of `r` (touching its
/// border is not crossing). Any direction.
pub fn segment_hits(p: Point, q: Point, r: &Rect) -> bool {
    let max = r.max();
    // Liang–Barsky clipping against the open rectangle.
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    let mut t0 = 0.0_f32;
    let mut t1 = 1.0_f32;
    for (den, num) in [
        (-dx, p.x - r.min.x),
        (dx, max.x - p.x),
        (-dy, p.y - r.min.y),
        (dy, max.y - p.y),
    ] {
        if den.abs() < f32::EPSILON {
            if num <= 0.0 {
                return false;
            }
            continue;
        }
        let t = num / den;
        if den < 0.0 {
            t0 = t0.max(t);
        } else {
            t1 = t1.min(t);
        }
        if t0 >= t1 {
            return false;
        }
    }
    // Inside for a stretch, not at a single point.
    (t1 - t0) * (dx.abs() + dy.abs()) > 1e-3
}

/// The grid lines along one axis: beside every obstacle (`spans`, grown by the clearance),
/// through the middle of narrow gaps, and through the centres of the two ends.
fn lines(spans: &[(f32, f32)], ends: [f32; 2]) -> Vec<f32> {
    let mut edges: Vec<f32> = spans.iter().flat_map(|&(lo, hi)| [lo, hi]).collect();
    edges.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = spans
        .iter()
        .flat_map(|&(lo, hi)| [lo - BESIDE, hi + BESIDE])
        .chain(ends)
        .collect();
    out.extend(edges.windows(2).filter_map(|w| match w {
        // The spans are grown already: any gap between them is free.
        [x, y] if y - x > 1.0 && y - x < 2.0 * BESIDE => Some(f32::midpoint(*x, *y)),
        _ => None,
    }));
    out.sort_by(f32::total_cmp);
    out.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    out
}

/// For an obstacle spanning `across` on one axis and `along` on the other: calls `set(k, i)`
/// for every line `k` of `lines` strictly inside `across` and every edge `(i, i + 1)` of
/// `steps` (the grid along that line) that overlaps `along`.
fn blocked_edges(
    lines: &[f32],
    steps: &[f32],
    across: (f32, f32),
    along: (f32, f32),
    mut set: impl FnMut(usize, usize),
) {
    let inside = first_at_least(lines, across.0)..lines.partition_point(|&y| y <= across.1);
    for k in inside {
        let Some(&y) = lines.get(k) else { continue };
        if y <= across.0 || y >= across.1 {
            continue;
        }
        let from = steps.partition_point(|&x| x <= along.0).saturating_sub(1);
        let to = first_at_least(steps, along.1).min(steps.len().saturating_sub(1));
        for i in from..to {
            set(k, i);
        }
    }
}

/// The first index of `v` (sorted) not below `x`.
fn first_at_least(v: &[f32], x: f32) -> usize {
    v.partition_point(|&y| y < x)
}

/// A shortest path with few bends from inside `a` to inside `b`, around `obstacles`
/// (kept `CLEARANCE` away), on the grid of lines beside them. The path starts and ends
/// at grid points inside the ends; `clip` cuts it to their borders.
fn search(a: Rect, b: Rect, obstacles: &[Rect]) -> Option<Vec<Point>> {
    let grown: Vec<Rect> = obstacles.iter().map(|o| grow(o, CLEARANCE)).collect();
    let (ac, bc) = (a.center(), b.center());
    let xs = lines(
        &grown
            .iter()
            .map(|r| (r.min.x, r.max().x))
            .collect::<Vec<_>>(),
        [ac.x, bc.x],
    );
    let ys = lines(
        &grown
            .iter()
            .map(|r| (r.min.y, r.max().y))
            .collect::<Vec<_>>(),
        [ac.y, bc.y],
    );
    let (nx, ny) = (xs.len(), ys.len());
    // Past this many grid points a route is not worth its memory and time: the caller
    // draws a straight line instead.
    if nx.saturating_mul(ny) > MAX_GRID {
        return None;
    }
    let at = |i: usize, j: usize| j * nx + i;
    // Blocked edges: horizontal (i, i+1) on row j, vertical (j, j+1) on column i.
    let mut h_blocked = vec![false; nx * ny];
    let mut v_blocked = vec![false; nx * ny];
    for r in &grown {
        let max = r.max();
        // Along each row strictly inside the obstacle, the edges that overlap it; then the
        // same along each column.
        blocked_edges(&ys, &xs, (r.min.y, max.y), (r.min.x, max.x), |j, i| {
            if let Some(e) = h_blocked.get_mut(at(i, j)) {
                *e = true;
            }
        });
        blocked_edges(&xs, &ys, (r.min.x, max.x), (r.min.y, max.y), |i, j| {
            if let Some(e) = v_blocked.get_mut(at(i, j)) {
                *e = true;
            }
        });
    }
    let inside = |r: &Rect| {
        let max = r.max();
        let cols = first_at_least(&xs, r.min.x)..xs.partition_point(|&x| x <= max.x);
        let rows = first_at_least(&ys, r.min.y)..ys.partition_point(|&y| y <= max.y);
        rows.flat_map(move |j| cols.clone().map(move |i| (i, j)))
    };
    let point = |i: usize, j: usize| {
        Point::new(
            xs.get(i).copied().unwrap_or_default(),
            ys.get(j).copied().unwrap_or_default(),
        )
    };
    let manhattan = |p: Point, q: Point| (p.x - q.x).abs() + (p.y - q.y).abs();
    // How far a point still is from `b`, at least: the heuristic.
    let to_b = |p: Point| {
        let max = b.max();
        (b.min.x - p.x).max(p.x - max.x).max(0.0) + (b.min.y - p.y).max(p.y - max.y).max(0.0)
    };
    // Costs in hundredths, as integers, for a total order. State: node * 2 + direction
    // (0 along a row, 1 along a column).
    let cost = |d: f32| (d * 100.0).round() as i64;
    let mut best = vec![i64::MAX; nx * ny * 2];
    let mut from: Vec<usize> = vec![usize::MAX; nx * ny * 2];
    let mut heap = BinaryHeap::new();
    for (i, j) in inside(&a) {
        let g = cost(manhattan(point(i, j), ac));
        for dir in 0..2 {
            let s = at(i, j) * 2 + dir;
            if let Some(slot) = best.get_mut(s)
                && g < *slot
            {
                *slot = g;
                heap.push(Reverse((g + cost(to_b(point(i, j))), g, s)));
            }
        }
    }
    let goal = loop {
        let Reverse((_, g, s)) = heap.pop()?;
        if best.get(s).is_some_and(|&b| g > b) {
            continue;
        }
        let node = s / 2;
        let (i, j) = (node % nx, node / nx);
        let p = point(i, j);
        if b.contains(p) {
            break s;
        }
        let dir = s % 2;
        let mut step = |ni: usize, nj: usize, ndir: usize, blocked: bool| {
            if blocked {
                return;
            }
            let q = point(ni, nj);
            let bend = if ndir == dir { 0.0 } else { BEND };
            let ng = g + cost(manhattan(p, q) + bend);
            let ns = at(ni, nj) * 2 + ndir;
            if let Some(slot) = best.get_mut(ns)
                && ng < *slot
            {
                *slot = ng;
                if let Some(f) = from.get_mut(ns) {
                    *f = s;
                }
                heap.push(Reverse((ng + cost(to_b(q)), ng, ns)));
            }
        };
        if i + 1 < nx {
            step(i + 1, j, 0, h_blocked.get(at(i, j)).is_none_or(|&x| x));
        }
        if i > 0 {
            step(i - 1, j, 0, h_blocked.get(at(i - 1, j)).is_none_or(|&x| x));
        }
        if j + 1 < ny {
            step(i, j + 1, 1, v_blocked.get(at(i, j)).is_none_or(|&x| x));
        }
        if j > 0 {
            step(i, j - 1, 1, v_blocked.get(at(i, j - 1)).is_none_or(|&x| x));
        }
    };
    let mut path = Vec::new();
    let mut s = goal;
    while s != usize::MAX {
        let node = s / 2;
        let p = point(node % nx, node / nx);
        if path.last() != Some(&p) {
            path.push(p);
        }
        s = from.get(s).copied().unwrap_or(usize::MAX);
    }
    path.reverse();
    // Start at `a`'s centre line and end at `b`'s, where the grid allows.
    Some(path)
}

/// `path` cut where it last leaves `a` and then first enters `b`, without the points
/// where it goes straight on.
fn clip(path: &[Point], a: &Rect, b: &Rect) -> Option<Vec<Point>> {
    // The last segment that starts inside `a`.
    let start = path.iter().rposition(|p| a.contains(*p))?;
    let (Some(&p0), Some(&p1)) = (path.get(start), path.get(start + 1)) else {
        return None;
    };
    let exit = leave(p0, p1, a);
    let mut out = vec![exit];
    let rest = path.get(start + 1..).unwrap_or_default();
    let mut prev = exit;
    for &q in rest {
        if b.contains(q) {
            out.push(enter(prev, q, b));
            return Some(straighten(out));
        }
        out.push(q);
        prev = q;
    }
    None
}

/// Where the segment from `p` (inside `r`) to `q` (outside) crosses `r`'s border.
fn leave(p: Point, q: Point, r: &Rect) -> Point {
    let max = r.max();
    Point::new(
        if q.x > max.x {
            max.x
        } else if q.x < r.min.x {
            r.min.x
        } else {
            q.x
        },
        if q.y > max.y {
            max.y
        } else if q.y < r.min.y {
            r.min.y
        } else if q.x > max.x || q.x < r.min.x {
            p.y
        } else {
            q.y
        },
    )
}

/// Where the segment from `p` (outside `r`) to `q` (inside) crosses `r`'s border.
fn enter(p: Point, q: Point, r: &Rect) -> Point {
    leave(q, p, r)
}

/// `points` without repeated points and without the middle of three on one line.
pub fn straighten(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out
            .last()
            .is_some_and(|l| (l.x - p.x).abs() < 0.01 && (l.y - p.y).abs() < 0.01)
        {
            continue;
        }
        if let [.., a, b] = out.as_slice() {
            let straight = ((a.x - b.x).abs() < 0.01 && (b.x - p.x).abs() < 0.01)
                || ((a.y - b.y).abs() < 0.01 && (b.y - p.y).abs() < 0.01);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// `points` (an orthogonal polyline) moved sideways by `by`: for a positive `by`, to the
/// right of the direction of travel on screen (y grows downwards), as a lane beside it.
pub fn offset(points: &[Point], by: f32) -> Vec<Point> {
    if by.abs() < f32::EPSILON || points.len() < 2 {
        return points.to_vec();
    }
    let normal = |p: Point, q: Point| {
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        let len = (dx * dx + dy * dy).sqrt().max(1e-3);
        (-dy / len * by, dx / len * by)
    };
    let segs: Vec<(f32, f32)> = points
        .windows(2)
        .filter_map(|w| match w {
            [p, q] => Some(normal(*p, *q)),
            _ => None,
        })
        .collect();
    points
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let before = k.checked_sub(1).and_then(|i| segs.get(i)).copied();
            let after = segs.get(k).copied();
            let (dx, dy) = match (before, after) {
                (Some(n0), Some(n1)) => {
                    // A corner: each side keeps its own offset.
                    if (n0.0 - n1.0).abs() < 1e-3 && (n0.1 - n1.1).abs() < 1e-3 {
                        n0
                    } else {
                        (n0.0 + n1.0, n0.1 + n1.1)
                    }
                }
                (Some(n), None) | (None, Some(n)) => n,
                (None, None) => (0.0, 0.0),
            };
            Point::new(p.x + dx, p.y + dy)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::new(Point::new(x, y), Size::new(w, h))
    }

    #[test]
    fn a_route_goes_around_a_box_in_the_way() {
        let (a, b) = (r(0.0, 0.0, 60.0, 40.0), r(400.0, 0.0, 60.0, 40.0));
        let wall = r(150.0, -60.0, 100.0, 160.0);
        let path = search(a, b, &[wall]).unwrap();
        let path = clip(&path, &a, &b).unwrap();
        assert!(!crosses(&path, &grow(&wall, CLEARANCE - 0.5)), "{path:?}");
        assert!(
            path.windows(2)
                .all(|w| (w[0].x - w[1].x).abs() < 1e-3 || (w[0].y - w[1].y).abs() < 1e-3),
            "orthogonal: {path:?}"
        );
        let on_border = |r: &Rect, p: Point| {
            let max = r.max();
            let near = |u: f32, v: f32| (u - v).abs() < 1e-3;
            r.contains(p)
                && (near(p.x, r.min.x)
                    || near(p.x, max.x)
                    || near(p.y, r.min.y)
                    || near(p.y, max.y))
        };
        assert!(on_border(&a, path[0]), "starts on a's border: {path:?}");
        assert!(
            on_border(&b, *path.last().unwrap()),
            "ends on b's: {path:?}"
        );
        // Around the wall: out of a's top (or bottom), over it and into b, two bends.
        assert_eq!(path.len(), 4, "{path:?}");
    }

    #[test]
    fn a_clear_line_is_straight() {
        let (a, b) = (r(0.0, 0.0, 60.0, 40.0), r(400.0, 0.0, 60.0, 40.0));
        let path = clip(&search(a, b, &[]).unwrap(), &a, &b).unwrap();
        assert_eq!(path, vec![Point::new(60.0, 20.0), Point::new(400.0, 20.0)]);
    }

    #[test]
    fn a_route_through_a_narrow_gap_keeps_clear() {
        let (a, b) = (r(0.0, 100.0, 60.0, 40.0), r(400.0, 100.0, 60.0, 40.0));
        // Two walls with a 24-unit gap below a's line: the way through is the gap.
        let top = r(200.0, -500.0, 40.0, 610.0);
        let bottom = r(200.0, 134.0, 40.0, 600.0);
        let path = clip(&search(a, b, &[top, bottom]).unwrap(), &a, &b).unwrap();
        assert!(
            !crosses(&path, &top) && !crosses(&path, &bottom),
            "{path:?}"
        );
    }

    #[test]
    fn no_way_through_is_none() {
        let (a, b) = (r(0.0, 0.0, 60.0, 40.0), r(400.0, 0.0, 60.0, 40.0));
        let ring = [
            r(300.0, -100.0, 10.0, 300.0),
            r(300.0, -100.0, 300.0, 10.0),
            r(300.0, 190.0, 300.0, 10.0),
            r(590.0, -100.0, 10.0, 300.0),
        ];
        assert!(search(a, b, &ring).is_none());
    }

    #[test]
    fn lanes_run_beside_the_route() {
        let path = vec![
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(100.0, 100.0),
        ];
        let lane = offset(&path, 7.0);
        assert_eq!(
            lane,
            vec![
                Point::new(0.0, 7.0),
                Point::new(93.0, 7.0),
                Point::new(93.0, 100.0)
            ]
        );
    }

    #[test]
    fn segments_touching_a_border_do_not_cross_it() {
        let b = r(0.0, 0.0, 10.0, 10.0);
        assert!(!segment_hits(
            Point::new(-5.0, 0.0),
            Point::new(15.0, 0.0),
            &b
        ));
        assert!(segment_hits(
            Point::new(-5.0, 5.0),
            Point::new(15.0, 5.0),
            &b
        ));
        assert!(segment_hits(
            Point::new(-5.0, -5.0),
            Point::new(15.0, 15.0),
            &b
        ));
        assert!(!segment_hits(
            Point::new(-5.0, 5.0),
            Point::new(-1.0, 5.0),
            &b
        ));
    }
}
