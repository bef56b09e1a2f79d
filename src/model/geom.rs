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

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let (a, b) = (self.max(), other.max());
        let min = Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y));
        let max = Point::new(a.x.max(b.x), a.y.max(b.y));
        Rect::new(min, Size::new(max.x - min.x, max.y - min.y))
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
