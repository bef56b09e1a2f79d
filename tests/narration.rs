//! Golden narration: every sentence the engine and the reports write, for the presets, the
//! scenario fixtures and a generated design, in every mode. The English text is a contract
//! (JSON and SARIF carry it, docs quote it): a change shows up here as a diff to review.
//! `EKSPLAIN_BLESS=1 cargo test --test narration` rewrites the snapshots.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use std::fmt::Write as _;
use std::path::Path;

mod common;

use common::designs::{designs, root};
use eksplain::engine::{analyze, diff, diff_report, policy, policy_report, report};
use eksplain::io;
use eksplain::model::{Design, EndpointMode};

/// Everything written about one design: the text and Markdown reports in its own mode and
/// in each mode, the JSON sentences, the team policy verdict and the differences between modes.
fn narration(name: &str, design: &Design) -> String {
    let mut out = String::new();
    let own = analyze(design, None);
    writeln!(out, "## text\n{}", report::to_text(name, &own)).unwrap();
    writeln!(out, "## markdown\n{}", report::to_markdown(name, &own)).unwrap();
    let json = report::to_json(name, &own);
    writeln!(
        out,
        "## json\n{}",
        serde_json::to_string_pretty(&json).unwrap()
    )
    .unwrap();
    let policy_path = root().join("docs/policy.example.ron");
    let team = io::policy::load_policy(&policy_path).unwrap();
    let violations = policy::evaluate(&team, design, &own);
    let verdict = policy_report::Verdict {
        policy: &team,
        file: "policy.ron",
        violations: &violations,
    };
    writeln!(out, "## policy\n{}\n{}", verdict.text(), verdict.markdown()).unwrap();
    let mut previous = None;
    for mode in EndpointMode::ALL {
        let a = analyze(design, Some(mode));
        writeln!(
            out,
            "## mode {}\n{}",
            mode.json_name(),
            report::to_text(name, &a)
        )
        .unwrap();
        if let Some(before) = previous.replace(mode) {
            let d = diff::diff(design, design, Some(before), Some(mode));
            let (text, markdown) = (diff_report::text(&d), diff_report::markdown(&d));
            writeln!(out, "## diff to {}\n{text}{markdown}", mode.json_name()).unwrap();
        }
    }
    out
}

fn check(dir: &Path, name: &str, got: &str, failures: &mut Vec<String>) {
    let path = dir.join(format!("{name}.txt"));
    if std::env::var_os("EKSPLAIN_BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if want != got {
        let line = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| want.lines().count().min(got.lines().count()));
        failures.push(format!(
            "{}: first difference at line {}:\n- {}\n+ {}",
            path.display(),
            line + 1,
            want.lines().nth(line).unwrap_or("<end>"),
            got.lines().nth(line).unwrap_or("<end>")
        ));
    }
}

#[test]
fn english_narration_matches_the_snapshots() {
    let dir = root().join("tests/snapshots/narration");
    let mut failures = Vec::new();
    for (name, design) in designs() {
        check(&dir, &name, &narration(&name, &design), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
