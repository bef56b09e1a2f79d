//! Design files: RON reading and writing, presets. No UI.
#![warn(missing_docs)]

pub mod error;
pub mod git;
pub mod locate;
pub mod policy;
pub mod presets;
pub mod recovery;
pub mod ron_file;
pub mod watch;

pub use error::IoError;
pub use presets::{DEFAULT_PRESET, PRESETS, Preset};
pub use ron_file::{load, parse_design, save, to_ron_string};
