//! `check --format sarif` and `diff --format sarif`: valid SARIF 2.1.0 (checked against the
//! bundled schema), each result at the line of its component in the design file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use common::{eksplain, preset_path};
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let path = format!(
        "{}/tests/fixtures/sarif/sarif-schema-2.1.0.json",
        env!("CARGO_MANIFEST_DIR")
    );
    // The schema's `run.language` pattern ends in a stray `]`, a literal in ECMAScript
    // regexes and an error in Rust's: escaped here (same meaning) so the schema compiles
    // with format checks on. The file itself stays as published.
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace("-[a-zA-Z]{2}]?$", "-[a-zA-Z]{2}\\\\]?$");
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn assert_valid_sarif(v: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{v:#}");
}

/// The results of the one run.
fn results(v: &Value) -> &Vec<Value> {
    v["runs"][0]["results"].as_array().unwrap()
}

/// The text of `line` (1-based) of a file.
fn line_of(path: &str, line: u64) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .nth(usize::try_from(line).unwrap() - 1)
        .unwrap()
        .to_owned()
}

#[test]
fn the_schema_catches_a_broken_log() {
    // A validator that accepts anything would prove nothing.
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"message": 3}]}]});
    assert!(validator().iter_errors(&bad).next().is_some());
}

#[test]
fn check_sarif_is_valid_and_points_at_the_components() {
    let dir = tempfile::tempdir().unwrap();
    // A blocked flow (d03), configuration findings and policy violations in one log.
    let design = format!(
        "{}/tests/fixtures/scenarios/d03.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let policy = dir.path().join("policy.ron");
    std::fs::write(
        &policy,
        "(rules: [private_access_on, every_node_reaches_api, no_open_public_access])",
    )
    .unwrap();
    let (code, stdout, stderr) = eksplain(&[
        "check",
        &design,
        "--format",
        "sarif",
        "--policy",
        policy.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_valid_sarif(&v);
    assert_eq!(v["version"], "2.1.0");
    let results = results(&v);
    let rules: Vec<&str> = v["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"NO_ROUTE_TO_PUBLIC_ENDPOINT"), "{rules:?}");
    assert!(
        rules.contains(&"policy/every_node_reaches_api"),
        "{rules:?}"
    );
    for r in results {
        // ruleIndex points at the rule named by ruleId.
        let i = usize::try_from(r["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[i], r["ruleId"].as_str().unwrap());
        let loc = &r["locations"][0];
        // Relative to the working directory (the repository root in CI).
        assert_eq!(
            loc["physicalLocation"]["artifactLocation"]["uri"],
            "tests/fixtures/scenarios/d03.ron"
        );
        let line = loc["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap();
        // A result about a component sits on the line that names it; one about the
        // cluster on the cluster's line.
        let text = line_of(&design, line);
        match loc["logicalLocations"][0]["name"].as_str() {
            Some(component) => assert!(
                text.contains(&format!("id: \"{component}\"")),
                "{component} at line {line}: {text}"
            ),
            None => assert!(
                text.trim_start().starts_with("cluster:"),
                "line {line}: {text}"
            ),
        }
    }
    let blocked = results
        .iter()
        .find(|r| r["ruleId"] == "NO_ROUTE_TO_PUBLIC_ENDPOINT")
        .unwrap();
    assert_eq!(blocked["level"], "error");
    assert!(
        blocked["message"]["text"]
            .as_str()
            .unwrap()
            .contains("kubelet")
    );
}

#[test]
fn a_clean_design_gives_an_empty_valid_log() {
    let (code, stdout, _) = eksplain(&[
        "check",
        &preset_path("private"),
        "--format",
        "sarif",
        "--no-policy",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_valid_sarif(&v);
    assert!(
        results(&v).iter().all(|r| r["level"] != "error"),
        "{:#?}",
        results(&v)
    );
}

#[test]
fn diff_sarif_is_valid_and_points_at_the_causes() {
    let old = preset_path("public");
    let new = preset_path("public-private");
    let (code, stdout, stderr) = eksplain(&["diff", &old, &new, "--format", "sarif"]);
    assert_eq!(code, 1, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_valid_sarif(&v);
    let results = results(&v);
    assert!(!results.is_empty());
    for r in results {
        assert_eq!(
            r["ruleId"], "diff/change",
            "moving kubelet inside is no regression"
        );
        assert_eq!(r["level"], "note");
        let loc = &r["locations"][0];
        let line = loc["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap();
        let component = loc["logicalLocations"][0]["name"].as_str().unwrap();
        let text = line_of(&new, line);
        assert!(
            text.contains(&format!("id: \"{component}\"")),
            "{component}: {text}"
        );
        assert!(
            r["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with("kubelet → API")
        );
    }
}
