//! The CI examples in docs/ci run the commands they show: their eksplain steps, taken from
//! the YAML, run here in a throwaway repository with a base branch, as the runner would.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{git, preset_path};
use serde_json::Value;

fn yaml(name: &str) -> Value {
    let path = format!("{}/docs/ci/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A repository whose `origin/main` holds `base` as network/design.ron, with `head` in the
/// working tree and the example policy at the root.
fn repo(base: &str, head: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("network")).unwrap();
    std::fs::copy(
        format!("{}/docs/policy.example.ron", env!("CARGO_MANIFEST_DIR")),
        root.join("policy.ron"),
    )
    .unwrap();
    std::fs::write(root.join("network/design.ron"), base).unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "base"]);
    git(root, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    std::fs::write(root.join("network/design.ron"), head).unwrap();
    dir
}

/// Runs a script as the runner does, with eksplain on the PATH and the example's variables.
fn run(script: &str, dir: &Path, extra: &[(&str, String)]) -> (i32, String) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_eksplain"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env("DESIGN", "network/design.ron")
        .env("POLICY", "policy.ron")
        .env("BASE", "origin/main")
        .envs(extra.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn preset(name: &str) -> String {
    std::fs::read_to_string(preset_path(name)).unwrap()
}

#[test]
fn the_github_workflow_steps_run() {
    let w = yaml("github-actions.yml");
    let steps = w["jobs"]["review"]["steps"].as_array().unwrap();
    // The steps that run eksplain (building it and commenting need the network).
    let scripts: Vec<&str> = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .filter(|r| r.contains("eksplain check") || r.contains("eksplain diff"))
        .collect();
    assert_eq!(scripts.len(), 2, "{scripts:#?}");
    // public → public + private: kubelet moves inside (no regression), but the public
    // endpoint is still open to 0.0.0.0/0, which the policy forbids.
    let dir = repo(&preset("public"), &preset("public-private"));
    let outputs = dir.path().join("github-output");
    std::fs::write(&outputs, "").unwrap();
    for s in &scripts {
        let (code, out) = run(
            s,
            dir.path(),
            &[("GITHUB_OUTPUT", outputs.display().to_string())],
        );
        assert_eq!(code, 0, "{s}\n{out}");
    }
    let outputs = std::fs::read_to_string(&outputs).unwrap();
    assert_eq!(
        outputs, "status=1\nstatus=0\n",
        "check fails, diff has no regression"
    );
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("eksplain.sarif")).unwrap())
            .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "policy/no_open_public_access"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "network/design.ron"),
        "{results:#?}"
    );
    let diff = std::fs::read_to_string(dir.path().join("diff.md")).unwrap();
    assert!(diff.contains("kubelet"), "{diff}");
    let check = std::fs::read_to_string(dir.path().join("check.md")).unwrap();
    assert!(check.contains("no_open_public_access"), "{check}");
}

/// The GitLab job's script as one shell script (the runner runs its lines in one shell).
fn gitlab_script() -> String {
    let w = yaml("gitlab-ci.yml");
    w["eksplain-review"]["script"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_gitlab_job_runs_and_fails_only_when_it_should() {
    let script = gitlab_script();
    assert!(script.contains("eksplain check") && script.contains("eksplain diff"));
    // The policy is broken: the job fails, and its reports are there.
    let dir = repo(&preset("public"), &preset("public-private"));
    let (code, out) = run(&script, dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    for f in ["eksplain.sarif", "check.md", "diff.md", "comment.md"] {
        assert!(dir.path().join(f).is_file(), "{f}: {out}");
    }
    // A private design that changes only a label: the policy holds, no flow changed.
    let base = preset("private");
    let head = base.replacen("label: \"", "label: \"renamed ", 1);
    assert_ne!(base, head);
    let dir = repo(&base, &head);
    let (code, out) = run(&script, dir.path(), &[]);
    assert_eq!(code, 0, "{out}");
    // Turning public access off cuts the kubectl user on the internet off: a regression,
    // so the job fails although the policy holds.
    let base = preset("public-private");
    let head = base.replacen(
        "endpoint_public_access: true",
        "endpoint_public_access: false",
        1,
    );
    assert_ne!(base, head);
    let dir = repo(&base, &head);
    let (code, out) = run(&script, dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    let diff = std::fs::read_to_string(dir.path().join("diff.md")).unwrap();
    assert!(diff.to_lowercase().contains("blocked"), "{diff}");
    let check = std::fs::read_to_string(dir.path().join("check.md")).unwrap();
    assert!(check.contains("hold."), "{check}");
}
