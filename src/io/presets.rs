//! The built-in presets, embedded in the binary so the app works from any directory.

use std::path::Path;

use super::error::IoError;
use super::ron_file::parse_design;
use crate::model::{Design, Problem};

/// A built-in preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// File name stem, also the CLI name (`public`, `public-private`, `private`).
    pub name: &'static str,
    /// Menu label.
    pub label: &'static str,
    /// The RON text.
    pub text: &'static str,
}

/// Every preset, in the story's order.
pub const PRESETS: [Preset; 3] = [
    Preset {
        name: "public",
        label: "Public endpoint",
        text: include_str!("../../presets/public.ron"),
    },
    Preset {
        name: "public-private",
        label: "Public + private endpoint",
        text: include_str!("../../presets/public-private.ron"),
    },
    Preset {
        name: "private",
        label: "Private endpoint",
        text: include_str!("../../presets/private.ron"),
    },
];

/// The preset the app opens on.
pub const DEFAULT_PRESET: &str = "public-private";

impl Preset {
    /// Looks a preset up by name.
    pub fn by_name(name: &str) -> Option<Preset> {
        PRESETS.iter().copied().find(|p| p.name == name)
    }

    /// Parses and validates the preset.
    pub fn load(&self) -> Result<(Design, Vec<Problem>), IoError> {
        parse_design(self.text, Path::new(&format!("presets/{}.ron", self.name)))
    }
}
