//! The designs the narration tests speak about: the presets, the scenario fixtures and a
//! generated design.

use std::path::PathBuf;

use eksplain::io;
use eksplain::model::{Design, generate};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn designs() -> Vec<(String, Design)> {
    let mut out = Vec::new();
    for name in ["public", "public-private", "private"] {
        let path = root().join("presets").join(format!("{name}.ron"));
        out.push((format!("preset-{name}"), io::load(&path).unwrap().0));
    }
    let dir = root().join("tests/fixtures/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.push((format!("scenario-{stem}"), io::load(&path).unwrap().0));
    }
    out.push(("generated-12".to_owned(), generate::large_design(12, 3, 2)));
    out
}
