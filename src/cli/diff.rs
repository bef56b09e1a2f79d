//! `eksplain diff OLD NEW`: what a change does to the paths. Each side is a file, or
//! `REV:path` read with `git show` in the current repository.

use std::path::Path;
use std::process::ExitCode;

use crate::engine::diff::diff;
use crate::engine::diff_report;
use crate::io;
use crate::model::{Design, EndpointMode};

use super::out::{say, sayln};

/// How a design side is named on the command line.
pub(super) fn load_side(arg: &str) -> Result<Design, String> {
    let path = Path::new(arg);
    if path.exists() {
        return io::load(path).map(|(d, _)| d).map_err(|e| e.to_string());
    }
    let Some((rev, file)) = arg
        .split_once(':')
        .filter(|(r, f)| !r.is_empty() && !f.is_empty())
    else {
        return Err(format!(
            "{arg}: no such file (a git revision is written REV:path, as origin/main:design.ron)"
        ));
    };
    let out = std::process::Command::new("git")
        .args(["show", &format!("{rev}:{file}")])
        .output()
        .map_err(|e| format!("{arg}: cannot run git: {e}"))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        return Err(format!("{arg}: git show failed: {}", why.trim()));
    }
    let text =
        String::from_utf8(out.stdout).map_err(|_| format!("{arg}: the file is not UTF-8 text"))?;
    io::ron_file::parse_design(&text, path)
        .map(|(d, _)| d)
        .map_err(|e| e.to_string())
}

/// Runs the comparison and prints it; the exit code says whether a flow changed.
pub(super) fn run(
    old: &str,
    new: &str,
    mode_old: Option<EndpointMode>,
    mode_new: Option<EndpointMode>,
    format: super::FormatArg,
    regressions_only: bool,
) -> ExitCode {
    let (a, b) = match (load_side(old), load_side(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                eprintln!("{e}");
            }
            return ExitCode::from(2);
        }
    };
    let d = diff(&a, &b, mode_old, mode_new);
    match format {
        super::FormatArg::Text => say!("{}", diff_report::text(&d)),
        super::FormatArg::Markdown => say!("{}", diff_report::markdown(&d)),
        super::FormatArg::Json => match serde_json::to_string_pretty(&d) {
            Ok(text) => sayln!("{text}"),
            Err(e) => {
                eprintln!("cannot write the JSON: {e}");
                return ExitCode::from(2);
            }
        },
    }
    let failed = if regressions_only {
        d.has_regression()
    } else {
        !d.flows.is_empty()
    };
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
