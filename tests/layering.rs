//! `model`, `engine`, `render`, `io`, `import`, `cli` and `editor` must not depend on the UI crates.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests and benches fail loudly"
)]

use std::path::Path;

fn scan(dir: &Path, offenders: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            scan(&path, offenders);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                for name in ["egui", "eframe", "rfd"] {
                    let used = code.contains(&format!("{name}::"))
                        || code.contains(&format!("use {name}"))
                        || code.contains(&format!("{name}_"));
                    if used {
                        offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
}

#[test]
fn core_layers_do_not_use_ui_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    for layer in ["model", "engine", "render", "io", "import", "cli", "editor"] {
        scan(&root.join(layer), &mut offenders);
    }
    assert!(
        offenders.is_empty(),
        "UI crates used in core layers:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_scan_finds_a_ui_import() {
    // Guard against a scan that can never fail.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.rs"), "use egui::Color32;\n").unwrap();
    let mut offenders = Vec::new();
    scan(dir.path(), &mut offenders);
    assert_eq!(offenders.len(), 1);
}
