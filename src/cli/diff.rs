//! `eksplain diff OLD NEW`: what a change does to the paths. Each side is a file, or
//! `REV:path` read with `git show` in the current repository.

use std::path::Path;
use std::process::ExitCode;

use crate::engine::diff::diff;
use crate::engine::{diff_report, sarif};
use crate::io;
use crate::model::{Design, EndpointMode};

use super::out::{say, sayln};

/// How a design side is named on the command line.
pub(super) fn load_side(arg: &str) -> Result<Design, String> {
    read_side(arg).map(|(d, _)| d)
}

/// A design side and its text (for the line numbers of SARIF results).
fn read_side(arg: &str) -> Result<(Design, String), String> {
    let path = Path::new(arg);
    if path.exists() {
        return io::ron_file::load_with_text(path)
            .map(|(d, _, text)| (d, text))
            .map_err(|e| e.to_string());
    }
    let Some((rev, file)) = arg
        .split_once(':')
        .filter(|(r, f)| !r.is_empty() && !f.is_empty())
    else {
        return Err(format!(
            "{arg}: no such file (a git revision is written REV:path, as origin/main:design.ron)"
        ));
    };
    let text = io::git::show(Path::new("."), rev, file).map_err(|e| format!("{arg}: {e}"))?;
    io::ron_file::parse_design(&text, path)
        .map(|(d, _)| (d, text))
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
    let (a, (b, new_text)) = match (load_side(old), read_side(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                eprintln!("{e}");
            }
            return ExitCode::from(2);
        }
    };
    let d = diff(&a, &b, mode_old, mode_new);
    if matches!(format, super::FormatArg::Json | super::FormatArg::Sarif) {
        // Contracts for machines: English whatever --lang says.
        crate::i18n::set_current(crate::i18n::Lang::En);
    }
    match format {
        super::FormatArg::Text => say!("{}", diff_report::text(&d)),
        super::FormatArg::Markdown => say!("{}", diff_report::markdown(&d)),
        super::FormatArg::Json | super::FormatArg::Sarif => {
            let value = if format == super::FormatArg::Sarif {
                let lines = io::locate::id_lines(&new_text);
                // A revision's path is the repository's already; a file's as given.
                let uri = new
                    .split_once(':')
                    .filter(|_| !Path::new(new).exists())
                    .map_or_else(
                        || super::check::uri_of(Path::new(new)),
                        |(_, p)| p.to_owned(),
                    );
                sarif::diff(
                    &sarif::Place {
                        uri: &uri,
                        lines: &lines,
                    },
                    &d,
                )
            } else {
                serde_json::to_value(&d).unwrap_or_default()
            };
            match serde_json::to_string_pretty(&value) {
                Ok(text) => sayln!("{text}"),
                Err(e) => {
                    eprintln!(
                        "{}",
                        crate::t!("cli-cannot-write-json", error = e.to_string())
                    );
                    return ExitCode::from(2);
                }
            }
        }
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
