//! Drawing primitives in canvas units: what both the screen and the exports draw.

use crate::model::{Point, Rect};

/// An sRGB colour with straight (unmultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self(r, g, b, 255)
    }

    /// The same colour with another alpha.
    pub const fn with_alpha(self, a: u8) -> Self {
        Self(self.0, self.1, self.2, a)
    }

    /// `#rrggbb` for SVG and CSS.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// A line style.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Width in canvas units.
    pub width: f32,
    /// Colour.
    pub color: Rgba,
}

impl Stroke {
    /// Makes a stroke.
    pub const fn new(width: f32, color: Rgba) -> Self {
        Self { width, color }
    }
}

/// Where a text's position sits relative to the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Position is the left end of the text's vertical middle.
    LeftCenter,
    /// Position is the text's centre.
    Center,
    /// Position is the top-left corner of the text.
    LeftTop,
    /// Position is the right end of the text's vertical middle.
    RightCenter,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Primitive {
    /// A rectangle, optionally rounded, filled and outlined.
    Rect {
        /// Where.
        rect: Rect,
        /// Corner radius.
        corner: f32,
        /// Fill colour, if filled.
        fill: Option<Rgba>,
        /// Outline, if outlined.
        stroke: Option<Stroke>,
        /// Draw the outline dashed.
        dashed: bool,
    },
    /// A circle.
    Circle {
        /// Centre.
        center: Point,
        /// Radius.
        radius: f32,
        /// Fill colour, if filled.
        fill: Option<Rgba>,
        /// Outline, if outlined.
        stroke: Option<Stroke>,
    },
    /// A polyline, optionally with an arrow head at its end.
    Line {
        /// At least two points.
        points: Vec<Point>,
        /// Line style.
        stroke: Stroke,
        /// Draw dashed.
        dashed: bool,
        /// Draw dotted (short dashes; wins over `dashed`).
        dotted: bool,
        /// Draw an arrow head at the last point.
        arrow: bool,
    },
    /// A closed polygon.
    Polygon {
        /// Corners, in order.
        points: Vec<Point>,
        /// Fill colour, if filled.
        fill: Option<Rgba>,
        /// Outline, if outlined.
        stroke: Option<Stroke>,
    },
    /// A single line of text.
    Text {
        /// Anchor position.
        pos: Point,
        /// What the position means.
        anchor: Anchor,
        /// The text.
        text: String,
        /// Font size in canvas units.
        size: f32,
        /// Colour.
        color: Rgba,
        /// Bold weight.
        bold: bool,
    },
    /// What follows, up to the matching [`Primitive::EndGroup`], draws one thing: SVG
    /// writes `<g KEY="VALUE">` so docs can style it and tests can find it; the screen
    /// ignores it.
    Group {
        /// The attribute, e.g. `data-component`.
        key: &'static str,
        /// Its value, e.g. the component id.
        value: String,
    },
    /// Ends the innermost group.
    EndGroup,
    /// A dot travelling along polylines, one after the other, and starting again: SVG
    /// animation only (the screen animates its own packets; PNG and PDF show nothing).
    Motion {
        /// The polylines travelled, in order.
        legs: Vec<Vec<Point>>,
        /// The dot's radius.
        radius: f32,
        /// Its colour.
        color: Rgba,
        /// How long one journey takes.
        seconds: f32,
    },
}

impl Primitive {
    /// Moves the primitive by `(dx, dy)`.
    pub fn translate(&mut self, dx: f32, dy: f32) {
        let mv = |p: &mut Point| {
            p.x += dx;
            p.y += dy;
        };
        match self {
            Primitive::Rect { rect, .. } => mv(&mut rect.min),
            Primitive::Circle { center, .. } => mv(center),
            Primitive::Line { points, .. } | Primitive::Polygon { points, .. } => {
                points.iter_mut().for_each(mv);
            }
            Primitive::Motion { legs, .. } => legs.iter_mut().flatten().for_each(mv),
            Primitive::Text { pos, .. } => mv(pos),
            Primitive::Group { .. } | Primitive::EndGroup => {}
        }
    }
}
