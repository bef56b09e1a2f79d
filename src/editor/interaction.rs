//! Drags and resizes: begun, previewed on a copy of the design, then committed as one
//! edit or cancelled. The committed design never changes while the pointer moves.

use std::collections::BTreeSet;

use crate::model::{Design, Edit, Handle, Point, Rect, Size};

/// Distance (canvas units) within which a dragged box snaps to a sibling's edge or centre.
const GUIDE_SNAP: f32 = 6.0;

/// The smallest box a resize makes.
const MIN_SIZE: Size = Size::new(40.0, 30.0);

/// A drag or resize in progress.
#[derive(Clone, Debug)]
pub struct Interaction {
    /// The design as it would be if the gesture ended now (what the canvas draws).
    pub preview: Design,
    /// What the gesture does.
    pub kind: InteractionKind,
    /// Alignment guides shown while dragging: segments in canvas units.
    pub guides: Vec<(Point, Point)>,
}

/// The two gestures.
#[derive(Clone, Debug)]
pub enum InteractionKind {
    /// Moving these top-level boxes of the selection with everything inside them.
    Move {
        /// The moved boxes that are not inside another moved box.
        ids: Vec<String>,
        /// Indices of every component that moves (the boxes and their contents).
        moving: Vec<usize>,
        /// The offset applied to the preview so far.
        applied: Point,
        /// The boxes beside the first moved one that stay put (for alignment guides).
        siblings: Vec<Rect>,
    },
    /// Resizing one box by one handle.
    Resize {
        /// The box.
        id: String,
        /// The handle.
        handle: Handle,
    },
}

/// What a finished gesture asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Gesture {
    /// Move these boxes (and their contents) by `delta`, then drop each where it lands.
    Move {
        /// The boxes.
        ids: Vec<String>,
        /// The offset.
        delta: Point,
    },
    /// Give a box this rectangle.
    Resize(Edit),
}

impl Interaction {
    /// Starts moving `ids`; children of moved containers move once, with them.
    pub fn begin_move(design: &Design, ids: &[String]) -> Self {
        let top: Vec<String> = ids
            .iter()
            .filter(|id| design.component(id).is_some())
            .filter(|id| {
                !ids.iter()
                    .any(|other| other != *id && design.subtree(other).contains(*id))
            })
            .cloned()
            .collect();
        let mut subtree = BTreeSet::new();
        for id in &top {
            subtree.extend(design.subtree(id));
        }
        let moving = design
            .components
            .iter()
            .enumerate()
            .filter(|(_, c)| subtree.contains(&c.id))
            .map(|(i, _)| i)
            .collect();
        // Found once: they do not move while the pointer does.
        let anchor_parent = top
            .first()
            .and_then(|id| design.component(id))
            .map(|c| c.parent.clone());
        let siblings = design
            .components
            .iter()
            .filter(|c| Some(&c.parent) == anchor_parent.as_ref() && !subtree.contains(&c.id))
            .map(crate::model::Component::rect)
            .collect();
        Self {
            preview: design.clone(),
            kind: InteractionKind::Move {
                ids: top,
                moving,
                applied: Point::default(),
                siblings,
            },
            guides: Vec::new(),
        }
    }

    /// Starts resizing `id` by `handle`.
    pub fn begin_resize(design: &Design, id: &str, handle: Handle) -> Self {
        Self {
            preview: design.clone(),
            kind: InteractionKind::Resize {
                id: id.to_owned(),
                handle,
            },
            guides: Vec::new(),
        }
    }

    /// The handle of a resize in progress.
    pub fn resize_handle(&self) -> Option<Handle> {
        match &self.kind {
            InteractionKind::Resize { handle, .. } => Some(*handle),
            InteractionKind::Move { .. } => None,
        }
    }

    /// Moves the preview to `delta` from where the drag started (snapped to the grid, or to
    /// a sibling's edge or centre). True when the preview changed.
    pub fn preview_move(&mut self, mark: &Design, delta: Point, snap: &dyn Fn(f32) -> f32) -> bool {
        let InteractionKind::Move {
            ids,
            moving,
            applied,
            siblings,
        } = &mut self.kind
        else {
            return false;
        };
        let Some(anchor) = ids.first().and_then(|id| mark.component(id)) else {
            return false;
        };
        let mut wanted = Point::new(
            snap(anchor.pos.x + delta.x) - anchor.pos.x,
            snap(anchor.pos.y + delta.y) - anchor.pos.y,
        );
        if !wanted.x.is_finite() || !wanted.y.is_finite() {
            return false;
        }
        // Alignment with the anchor's siblings that do not move.
        let r = anchor.rect().translated(wanted.x, wanted.y);
        let (gx, gy, guides) = guides(&r, siblings);
        wanted.x += gx;
        wanted.y += gy;
        self.guides = guides;
        if wanted == *applied {
            return false;
        }
        let step = Point::new(wanted.x - applied.x, wanted.y - applied.y);
        // In place: no copy of the design per frame.
        for &i in moving.iter() {
            if let (Some(c), Some(m)) = (self.preview.components.get_mut(i), mark.components.get(i))
                && c.id == m.id
            {
                c.pos.x += step.x;
                c.pos.y += step.y;
            }
        }
        *applied = wanted;
        true
    }

    /// Resizes the preview to `delta` from where the handle was pressed; never smaller
    /// than what the box holds. True when the preview changed.
    pub fn preview_resize(
        &mut self,
        mark: &Design,
        delta: Point,
        snap: &dyn Fn(f32) -> f32,
    ) -> bool {
        let InteractionKind::Resize { id, handle } = &self.kind else {
            return false;
        };
        let Some(c) = mark.component(id) else {
            return false;
        };
        let children = mark
            .components
            .iter()
            .filter(|x| x.parent.as_deref() == Some(id.as_str()))
            .map(crate::model::Component::rect)
            .reduce(|a, b| a.union(&b));
        let rect = c.rect().resized(*handle, delta, MIN_SIZE, children, snap);
        let mut next = mark.clone();
        if next
            .apply(Edit::SetRect {
                id: id.clone(),
                rect,
            })
            .is_ok()
            && next != self.preview
        {
            self.preview = next;
            return true;
        }
        false
    }

    /// What committing the gesture asks of the design; `None` when nothing moved.
    pub fn finish(&self) -> Option<Gesture> {
        match &self.kind {
            InteractionKind::Move { ids, applied, .. } => {
                (*applied != Point::default()).then(|| Gesture::Move {
                    ids: ids.clone(),
                    delta: *applied,
                })
            }
            InteractionKind::Resize { id, .. } => {
                let rect = self.preview.component(id)?.rect();
                Some(Gesture::Resize(Edit::SetRect {
                    id: id.clone(),
                    rect,
                }))
            }
        }
    }
}

/// How far to shift `r` to line it up with the nearest sibling edge or centre on each axis
/// (within [`GUIDE_SNAP`]), and the guide lines that show it.
fn guides(r: &Rect, siblings: &[Rect]) -> (f32, f32, Vec<(Point, Point)>) {
    let xs = |q: &Rect| [q.min.x, q.center().x, q.max().x];
    let ys = |q: &Rect| [q.min.y, q.center().y, q.max().y];
    let mut best_x: Option<(f32, f32, &Rect)> = None;
    let mut best_y: Option<(f32, f32, &Rect)> = None;
    for s in siblings {
        for (mine, theirs) in xs(r).iter().zip(xs(s)) {
            let d = theirs - mine;
            if d.abs() <= GUIDE_SNAP && best_x.is_none_or(|(bd, _, _)| d.abs() < bd.abs()) {
                best_x = Some((d, theirs, s));
            }
        }
        for (mine, theirs) in ys(r).iter().zip(ys(s)) {
            let d = theirs - mine;
            if d.abs() <= GUIDE_SNAP && best_y.is_none_or(|(bd, _, _)| d.abs() < bd.abs()) {
                best_y = Some((d, theirs, s));
            }
        }
    }
    let mut lines = Vec::new();
    let (dx, dy) = (best_x.map_or(0.0, |b| b.0), best_y.map_or(0.0, |b| b.0));
    let moved = r.translated(dx, dy);
    if let Some((_, x, s)) = best_x {
        let top = moved.min.y.min(s.min.y);
        let bottom = moved.max().y.max(s.max().y);
        lines.push((Point::new(x, top), Point::new(x, bottom)));
    }
    if let Some((_, y, s)) = best_y {
        let left = moved.min.x.min(s.min.x);
        let right = moved.max().x.max(s.max().x);
        lines.push((Point::new(left, y), Point::new(right, y)));
    }
    (dx, dy, lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::PRESETS;

    fn grid(v: f32) -> f32 {
        (v / 10.0).round() * 10.0
    }

    #[test]
    fn a_move_previews_without_touching_the_design_and_finishes_as_one_gesture() {
        let design = PRESETS[1].load().expect("preset").0;
        let before = design.clone();
        let mut i = Interaction::begin_move(&design, &["node-a".to_owned()]);
        assert!(i.preview_move(&design, Point::new(33.0, 0.0), &grid));
        assert_eq!(design, before);
        let moved = i.preview.component("node-a").expect("node").pos.x;
        let was = design.component("node-a").expect("node").pos.x;
        assert!(
            (moved - was).abs() >= 25.0,
            "the preview moved ({was} → {moved})"
        );
        assert!(matches!(i.finish(), Some(Gesture::Move { .. })));
    }

    #[test]
    fn guides_pull_an_edge_onto_a_sibling_edge() {
        let sibling = Rect::new(Point::new(100.0, 0.0), Size::new(50.0, 50.0));
        let r = Rect::new(Point::new(103.0, 200.0), Size::new(50.0, 50.0));
        let (dx, dy, lines) = guides(&r, &[sibling]);
        assert!((dx + 3.0).abs() < 1e-4, "{dx}");
        assert!(dy.abs() < 1e-4);
        assert_eq!(lines.len(), 1);
    }
}
