//! `eksplain check FILE`: the analysis of a design, held to a team policy when there is
//! one, as text, JSON, Markdown or SARIF.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::out::{say, sayln};
use super::{FailOn, FormatArg, ModeArg};
use crate::engine::policy::{Policy, Violation, evaluate};
use crate::engine::policy_report::Verdict;
use crate::engine::{self, report, sarif};
use crate::io;
use crate::model::EndpointMode;

/// Which policy `check` holds the design to.
pub(super) enum PolicyChoice<'a> {
    /// `policy.ron` beside the design or at the repository root, if there is one.
    Found,
    /// `--policy FILE`.
    File(&'a Path),
    /// `--no-policy`.
    None,
}

/// The design file as SARIF names it: relative, with `/` separators.
pub(super) fn uri_of(file: &Path) -> String {
    let rel = if file.is_absolute() {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| file.strip_prefix(cwd).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| file.to_path_buf())
    } else {
        file.to_path_buf()
    };
    let text = rel.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").unwrap_or(&text).to_owned()
}

fn load_policy(file: &Path, choice: &PolicyChoice<'_>) -> Result<Option<(Policy, PathBuf)>, ()> {
    let path = match choice {
        PolicyChoice::None => return Ok(None),
        PolicyChoice::File(p) => p.to_path_buf(),
        PolicyChoice::Found => match io::policy::find_policy(file) {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    match io::policy::load_policy(&path) {
        Ok(p) => Ok(Some((p, path))),
        Err(e) => {
            eprintln!("{e}");
            Err(())
        }
    }
}

pub(super) fn run(
    file: &Path,
    mode: Option<ModeArg>,
    format: FormatArg,
    fail_on: Option<FailOn>,
    choice: &PolicyChoice<'_>,
) -> ExitCode {
    let (design, text) = match io::ron_file::load_with_text(file) {
        Ok((design, _, text)) => (design, text),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let Ok(policy) = load_policy(file, choice) else {
        return ExitCode::from(2);
    };
    let analysis = engine::analyze(&design, mode.map(EndpointMode::from));
    let violations: Vec<Violation> = policy
        .as_ref()
        .map(|(p, _)| evaluate(p, &design, &analysis))
        .unwrap_or_default();
    let policy_file = policy
        .as_ref()
        .map(|(_, path)| path.display().to_string())
        .unwrap_or_default();
    let verdict = policy.as_ref().map(|(p, _)| Verdict {
        policy: p,
        file: &policy_file,
        violations: &violations,
    });
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let json = |value: &serde_json::Value| match serde_json::to_string_pretty(value) {
        Ok(text) => {
            sayln!("{text}");
            true
        }
        Err(e) => {
            eprintln!(
                "{}",
                crate::t!("cli-cannot-write-report", error = e.to_string())
            );
            false
        }
    };
    if matches!(format, FormatArg::Json | FormatArg::Sarif) {
        // Contracts for machines: English whatever --lang says.
        crate::i18n::set_current(crate::i18n::Lang::En);
    }
    match format {
        FormatArg::Text => {
            say!("{}", report::to_text(&name, &analysis));
            if let Some(v) = &verdict {
                say!("{}", v.text());
            }
        }
        FormatArg::Markdown => {
            say!("{}", report::to_markdown(&name, &analysis));
            if let Some(v) = &verdict {
                say!("{}", v.markdown());
            }
        }
        FormatArg::Json => {
            let mut value = report::to_json(&name, &analysis);
            if let Some(v) = &verdict {
                value["policy"] = v.json();
            }
            if !json(&value) {
                return ExitCode::from(2);
            }
        }
        FormatArg::Sarif => {
            // The lines of the text the design was read from.
            let lines = io::locate::id_lines(&text);
            let uri = uri_of(file);
            let place = sarif::Place {
                uri: &uri,
                lines: &lines,
            };
            if !json(&sarif::check(&place, &analysis, &violations)) {
                return ExitCode::from(2);
            }
        }
    }
    let failed = match fail_on {
        None => false,
        Some(FailOn::Unreachable) => analysis.flows.iter().any(|f| !f.reachable),
        Some(FailOn::Exposed) => analysis.flows.iter().any(engine::FlowResult::exposed),
    };
    if failed || !violations.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn sarif_uris_are_relative_with_slashes() {
        assert_eq!(super::uri_of(Path::new("./designs/a.ron")), "designs/a.ron");
        assert_eq!(super::uri_of(Path::new("a.ron")), "a.ron");
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(super::uri_of(&cwd.join("x/y.ron")), "x/y.ron");
    }
}
