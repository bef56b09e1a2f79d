//! Design to drawing primitives. One renderer for the screen and every export. No UI.
#![warn(missing_docs)]

pub mod bundle;
pub mod export;
pub mod flows;
pub mod fonts;
pub mod ghosts;
pub mod legend;
pub mod palette;
pub mod primitive;
pub mod raster;
pub mod route;
pub mod scene;

pub use palette::{Palette, Theme};
pub use primitive::{Anchor, Primitive, Rgba, Stroke};
pub use scene::{Scene, build_scene};
