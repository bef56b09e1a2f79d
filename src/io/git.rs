//! Reading a file as a git revision has it (`git show REV:path`), for comparing a design
//! with an earlier version of itself.

use std::path::Path;

/// The text of `file` at revision `rev`, `file` relative to `dir` (where git runs: the
/// repository is the one `dir` is in). Errors name the revision and say what git said.
pub fn show(dir: &Path, rev: &str, file: &str) -> Result<String, String> {
    let rev = rev.trim();
    if rev.is_empty() || rev.starts_with('-') {
        return Err(format!("\"{rev}\" is not a git revision"));
    }
    let spec = format!("{rev}:{file}");
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
        .args(["show", &spec])
        .output()
        .map_err(|e| format!("{spec}: cannot run git: {e}"))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        return Err(format!("{spec}: git show failed: {}", why.trim()));
    }
    String::from_utf8(out.stdout).map_err(|_| format!("{spec}: the file is not UTF-8 text"))
}

/// The text of design file `path` at revision `rev` of the repository it is in.
pub fn show_file(path: &Path, rev: &str) -> Result<String, String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| format!("{}: not a file", path.display()))?;
    // `./name`: relative to `dir`, not to the repository's root.
    show(dir, rev, &format!("./{name}"))
}
