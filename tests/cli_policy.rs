//! `eksplain check --policy`: each rule kind on designs that break it and designs that
//! keep it, the policy found beside a design or at the repository root, exit codes, and
//! bad policy files.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::path::Path;

use common::{eksplain, preset_path};
use serde_json::Value;

fn scenario(name: &str) -> String {
    format!(
        "{}/tests/fixtures/scenarios/{name}.ron",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn example_policy() -> String {
    format!("{}/docs/policy.example.ron", env!("CARGO_MANIFEST_DIR"))
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// `check --format json --policy POLICY DESIGN`: the exit code and the violations.
fn violations(design: &str, policy: &str) -> (i32, Vec<Value>) {
    let (code, stdout, stderr) =
        eksplain(&["check", design, "--policy", policy, "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (code, v["policy"]["violations"].as_array().unwrap().clone())
}

fn rules_of(v: &[Value]) -> Vec<&str> {
    v.iter().map(|x| x["rule"].as_str().unwrap()).collect()
}

#[test]
fn the_example_policy_fails_the_public_preset_and_passes_the_private_one() {
    let policy = example_policy();
    let (code, v) = violations(&preset_path("public"), &policy);
    assert_eq!(code, 1);
    let rules = rules_of(&v);
    assert_eq!(
        rules,
        [
            "no_kubelet_over_public_ips",
            "no_kubelet_over_public_ips",
            "private_access_on",
            "no_open_public_access"
        ],
        "{v:#?}"
    );
    // Each flow violation names the flow and where it goes public.
    assert_eq!(v[0]["flow"]["flow"], "kubelet_to_api");
    assert_eq!(v[0]["flow"]["source"], "node-a");
    assert_eq!(v[0]["component"], "nat");
    assert!(v[0]["fix"].as_str().unwrap().contains("private access"));
    let (code, v) = violations(&preset_path("private"), &policy);
    assert_eq!((code, v.len()), (0, 0), "{v:#?}");
    // public + private: kubelet stays inside; only the open public endpoint breaks it.
    let (code, v) = violations(&preset_path("public-private"), &policy);
    assert_eq!((code, rules_of(&v)), (1, vec!["no_open_public_access"]));
}

#[test]
fn each_rule_kind_finds_what_breaks_it() {
    let dir = tempfile::tempdir().unwrap();
    let one = |rule: &str| {
        write(
            dir.path(),
            &format!("{}.ron", rule.len()),
            &format!("(rules: [{rule}])"),
        )
    };
    // kubectl only from 10.0.0.0/8: the public endpoint's 0.0.0.0/0 and the user at
    // 203.0.113.5 are both outside.
    let (code, v) = violations(
        &preset_path("public"),
        &one("kubectl_only_from([\"10.0.0.0/8\"])"),
    );
    assert_eq!(code, 1);
    assert_eq!(v.len(), 2, "{v:#?}");
    assert!(v[0]["message"].as_str().unwrap().contains("0.0.0.0/0"));
    assert_eq!(v[1]["component"], "user");
    assert!(v[1]["message"].as_str().unwrap().contains("203.0.113.5"));
    // ...and from 203.0.113.0/24 with the endpoint limited to it, nothing.
    let text = std::fs::read_to_string(preset_path("public"))
        .unwrap()
        .replacen("\"0.0.0.0/0\"", "\"203.0.113.0/24\"", 1);
    let limited = write(dir.path(), "limited.ron", &text);
    let (code, v) = violations(&limited, &one("kubectl_only_from([\"203.0.113.0/24\"])"));
    assert_eq!((code, v.len()), (0, 0), "{v:#?}");
    // Every node reaches the API: a node whose route to the endpoint is gone (d03), and
    // an API server that cannot dial kubelet (d09).
    let reach = one("every_node_reaches_api");
    let (code, v) = violations(&scenario("d03"), &reach);
    assert_eq!(code, 1);
    assert!(
        !v.is_empty() && v.iter().all(|x| x["flow"]["flow"] == "kubelet_to_api"),
        "{v:#?}"
    );
    assert!(
        v[0]["message"]
            .as_str()
            .unwrap()
            .contains("NO_ROUTE_TO_PUBLIC_ENDPOINT")
    );
    let (_, v) = violations(&scenario("d09"), &reach);
    assert!(
        v.iter()
            .any(|x| x["flow"]["flow"] == "api_to_kubelet" && x["flow"]["port"] == 10250),
        "{v:#?}"
    );
    let (code, v) = violations(&preset_path("public"), &reach);
    assert_eq!((code, v.len()), (0, 0));
    // No node has a public IP: written, or auto-assigned by the subnet.
    let text = std::fs::read_to_string(preset_path("public"))
        .unwrap()
        .replacen(
            "private_ip: \"10.0.11.10\",",
            "private_ip: \"10.0.11.10\",\n                public_ip: \"198.51.100.77\",",
            1,
        );
    let with_ip = write(dir.path(), "with-ip.ron", &text);
    let no_ip = one("no_node_public_ip");
    let (code, v) = violations(&with_ip, &no_ip);
    assert_eq!(code, 1);
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0]["component"], "node-a");
    assert!(v[0]["message"].as_str().unwrap().contains("198.51.100.77"));
    let (code, v) = violations(&preset_path("public"), &no_ip);
    assert_eq!((code, v.len()), (0, 0));
}

#[test]
fn a_policy_beside_the_design_or_at_the_repository_root_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(repo.join("designs")).unwrap();
    let design = write(
        &repo.join("designs"),
        "public.ron",
        &std::fs::read_to_string(preset_path("public")).unwrap(),
    );
    // No policy anywhere: the analysis only.
    let (code, stdout, _) = eksplain(&["check", &design]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("policy"), "{stdout}");
    // At the repository root.
    write(
        repo,
        "policy.ron",
        "(name: \"root\", rules: [private_access_on])",
    );
    let (code, stdout, _) = eksplain(&["check", &design]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("policy \"root\""), "{stdout}");
    assert!(
        stdout.contains("private_access_on: cluster demo: private access is off"),
        "{stdout}"
    );
    assert!(stdout.contains("fix: turn on private access"), "{stdout}");
    // Beside the design wins over the root.
    write(
        &repo.join("designs"),
        "policy.ron",
        "(name: \"beside\", rules: [every_node_reaches_api])",
    );
    let (code, stdout, _) = eksplain(&["check", &design]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("policy \"beside\""), "{stdout}");
    assert!(stdout.contains("1 rule, all hold"), "{stdout}");
    // --no-policy skips it; Markdown has a section.
    let (code, stdout, _) = eksplain(&["check", &design, "--no-policy"]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("policy"), "{stdout}");
    let root = repo.join("policy.ron");
    let (code, stdout, _) = eksplain(&[
        "check",
        &design,
        "--policy",
        root.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("### policy \"root\""), "{stdout}");
    assert!(stdout.contains("| `private_access_on` |"), "{stdout}");
}

#[test]
fn a_bad_policy_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let design = preset_path("public");
    for (text, expect) in [
        (
            "(rules: [\n  private_access_on,\n  no_such_rule,\n])",
            "bad.ron:3:",
        ),
        (
            "(rules: [kubectl_only_from([\"10.1.0.0/99\"])])",
            "10.1.0.0/99",
        ),
        ("(rules: [])", "no rules"),
        ("(rules: [private_access_on], colour: 3)", "colour"),
    ] {
        let policy = write(dir.path(), "bad.ron", text);
        let (code, stdout, stderr) = eksplain(&["check", &design, "--policy", &policy]);
        assert_eq!(code, 2, "{text}: {stdout}{stderr}");
        assert!(
            stderr.contains("bad.ron") && stderr.contains(expect),
            "{text}: {stderr}"
        );
        assert!(stdout.is_empty(), "no report on a bad policy: {stdout}");
    }
    let (code, _, stderr) = eksplain(&["check", &design, "--policy", "/no/such/policy.ron"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("/no/such/policy.ron"), "{stderr}");
}
