//! Canvas geometry in canvas units, independent of any UI toolkit.

use serde::{Deserialize, Serialize};

/// A point on the canvas, in canvas units. Written in files as `(x, y)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "(f32, f32)", into = "(f32, f32)")]
pub struct Point {
    /// Horizontal coordinate, growing to the right.
    pub x: f32,
    /// Vertical coordinate, growing downwards.
    pub y: f32,
}

impl Point {
    /// Makes a point.
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// A width and height in canvas units. Written in files as `(w, h)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "(f32, f32)", into = "(f32, f32)")]
pub struct Size {
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Size {
    /// Makes a size.
    pub const fn new(w: f32, h: f32) -> Self {
        Self { w, h }
    }
}

/// An axis-aligned rectangle: top-left corner and size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Top-left corner.
    pub min: Point,
    /// Width and height.
    pub size: Size,
}

impl Rect {
    /// Makes a rectangle from its top-left corner and size.
    pub const fn new(min: Point, size: Size) -> Self {
        Self { min, size }
    }

    /// The bottom-right corner.
    pub fn max(&self) -> Point {
        Point::new(self.min.x + self.size.w, self.min.y + self.size.h)
    }

    /// The centre.
    pub fn center(&self) -> Point {
        Point::new(
            self.min.x + self.size.w / 2.0,
            self.min.y + self.size.h / 2.0,
        )
    }

    /// True when `p` lies inside or on the border.
    pub fn contains(&self, p: Point) -> bool {
        let max = self.max();
        p.x >= self.min.x && p.y >= self.min.y && p.x <= max.x && p.y <= max.y
    }

    /// True when `other` lies entirely inside this rectangle.
    pub fn contains_rect(&self, other: &Rect) -> bool {
        self.contains(other.min) && self.contains(other.max())
    }

    /// True when the two rectangles share more than a border.
    pub fn intersects(&self, other: &Rect) -> bool {
        let (a, b) = (self.max(), other.max());
        self.min.x < b.x && other.min.x < a.x && self.min.y < b.y && other.min.y < a.y
    }

    /// The rectangle moved by `(dx, dy)`.
    pub fn translated(&self, dx: f32, dy: f32) -> Rect {
        Rect::new(Point::new(self.min.x + dx, self.min.y + dy), self.size)
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let (a, b) = (self.max(), other.max());
        let min = Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y));
        let max = Point::new(a.x.max(b.x), a.y.max(b.y));
        Rect::new(min, Size::new(max.x - min.x, max.y - min.y))
    }
}

/// One of the eight handles that resize a box: a corner or the middle of a side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Handle {
    /// Moves the left side (-1), the right side (1) or neither (0).
    pub x: i8,
    /// Moves the top side (-1), the bottom side (1) or neither (0).
    pub y: i8,
}

impl Handle {
    /// Every handle, corners first.
    pub const ALL: [Handle; 8] = [
        Handle { x: 1, y: 1 },
        Handle { x: -1, y: -1 },
        Handle { x: 1, y: -1 },
        Handle { x: -1, y: 1 },
        Handle { x: 0, y: -1 },
        Handle { x: 0, y: 1 },
        Handle { x: -1, y: 0 },
        Handle { x: 1, y: 0 },
    ];

    /// Where the handle sits on `r`.
    pub fn position(self, r: &Rect) -> Point {
        let at = |side: i8, min: f32, len: f32| min + len * (f32::from(side) + 1.0) / 2.0;
        Point::new(at(self.x, r.min.x, r.size.w), at(self.y, r.min.y, r.size.h))
    }
}

impl Rect {
    /// The rectangle after dragging `handle` by `delta`, with every moved side passed through
    /// `snap`, never smaller than `min` and always holding `keep` (the children) when given.
    pub fn resized(
        &self,
        handle: Handle,
        delta: Point,
        min: Size,
        keep: Option<Rect>,
        snap: &dyn Fn(f32) -> f32,
    ) -> Rect {
        let max = self.max();
        let (mut x0, mut y0, mut x1, mut y1) = (self.min.x, self.min.y, max.x, max.y);
        match handle.x {
            -1 => {
                x0 = snap(x0 + delta.x).min(x1 - min.w);
                if let Some(k) = keep {
                    x0 = x0.min(k.min.x);
                }
            }
            1 => {
                x1 = snap(x1 + delta.x).max(x0 + min.w);
                if let Some(k) = keep {
                    x1 = x1.max(k.max().x);
                }
            }
            _ => {}
        }
        match handle.y {
            -1 => {
                y0 = snap(y0 + delta.y).min(y1 - min.h);
                if let Some(k) = keep {
                    y0 = y0.min(k.min.y);
                }
            }
            1 => {
                y1 = snap(y1 + delta.y).max(y0 + min.h);
                if let Some(k) = keep {
                    y1 = y1.max(k.max().y);
                }
            }
            _ => {}
        }
        Rect::new(Point::new(x0, y0), Size::new(x1 - x0, y1 - y0))
    }
}

impl From<(f32, f32)> for Point {
    fn from((x, y): (f32, f32)) -> Self {
        Self { x, y }
    }
}

impl From<Point> for (f32, f32) {
    fn from(p: Point) -> Self {
        (p.x, p.y)
    }
}

impl From<(f32, f32)> for Size {
    fn from((w, h): (f32, f32)) -> Self {
        Self { w, h }
    }
}

impl From<Size> for (f32, f32) {
    fn from(s: Size) -> Self {
        (s.w, s.h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::new(Point::new(x, y), Size::new(w, h))
    }

    #[test]
    fn every_handle_moves_only_its_sides_and_keeps_children_inside() {
        let b = r(100.0, 100.0, 200.0, 100.0);
        let min = Size::new(40.0, 30.0);
        let id = |v: f32| v;
        let d = Point::new(-20.0, -10.0);
        assert_eq!(
            b.resized(Handle { x: -1, y: -1 }, d, min, None, &id),
            r(80.0, 90.0, 220.0, 110.0)
        );
        assert_eq!(
            b.resized(Handle { x: 1, y: 0 }, d, min, None, &id),
            r(100.0, 100.0, 180.0, 100.0)
        );
        assert_eq!(
            b.resized(Handle { x: 0, y: 1 }, d, min, None, &id),
            r(100.0, 100.0, 200.0, 90.0)
        );
        // Far past the opposite side: stops at the minimum size.
        let far = Point::new(1000.0, 1000.0);
        assert_eq!(
            b.resized(Handle { x: -1, y: -1 }, far, min, None, &id),
            r(260.0, 170.0, 40.0, 30.0)
        );
        // Children stop the sides.
        let child = r(150.0, 120.0, 50.0, 40.0);
        let got = b.resized(Handle { x: -1, y: -1 }, far, min, Some(child), &id);
        assert_eq!(got, r(150.0, 120.0, 150.0, 80.0));
        assert!(got.contains_rect(&child));
        assert_eq!(Handle { x: 0, y: 1 }.position(&b), Point::new(200.0, 200.0));
        assert_eq!(Handle { x: -1, y: -1 }.position(&b), b.min);
    }
}
