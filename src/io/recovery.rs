//! The recovery file: the open design written shortly after each change, so that a crash
//! or a kill loses nothing. It is removed when the design is saved or discarded.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::IoError;
use super::ron_file::{decode_utf8, options, syntax_error, write_atomically};
use crate::model::Design;

/// What the recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveryFile {
    /// Where the design came from: a file path, `preset NAME` or `untitled`.
    pub source: String,
    /// When it was written, in seconds since the Unix epoch.
    pub saved_at: u64,
    /// The design with the unsaved changes.
    pub design: Design,
}

/// The recovery file's location: `$EKSPLAIN_RECOVERY_DIR`, else the app's storage
/// directory (the one eframe keeps its settings in, right on each platform), else the
/// temporary directory.
pub fn recovery_path(storage_dir: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = std::env::var_os("EKSPLAIN_RECOVERY_DIR") {
        return PathBuf::from(dir).join("recovery.ron");
    }
    storage_dir
        .unwrap_or_else(|| std::env::temp_dir().join("eksplain"))
        .join("recovery.ron")
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Writes the recovery file atomically, creating its directory.
pub fn write(path: &Path, file: &RecoveryFile) -> Result<(), IoError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| IoError::Write {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let text = options().to_string(file).map_err(|e| IoError::Serialize {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    write_atomically(path, text.as_bytes())
}

/// Reads the recovery file, if there is one.
pub fn read(path: &Path) -> Option<Result<RecoveryFile, IoError>> {
    let bytes = std::fs::read(path).ok()?;
    Some(decode_utf8(&bytes, path).and_then(|text| {
        options()
            .from_str::<RecoveryFile>(text)
            .map_err(|e| syntax_error(path, &e))
    }))
}

/// Removes the recovery file (after a save or a discard).
pub fn clear(path: &Path) {
    // A missing file is the normal case.
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/recovery.ron");
        let (design, _) = crate::io::PRESETS[1].load().unwrap();
        let file = RecoveryFile {
            source: "preset public-private".into(),
            saved_at: 42,
            design,
        };
        write(&path, &file).unwrap();
        assert_eq!(read(&path).unwrap().unwrap(), file);
        clear(&path);
        assert!(read(&path).is_none());
    }
}
