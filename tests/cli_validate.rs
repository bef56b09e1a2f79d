//! `eksplain validate` and `eksplain fmt` as a user runs them.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests and benches fail loudly"
)]

mod common;

use common::{eksplain, preset_path};

#[test]
fn validate_passes_the_presets() {
    let files: Vec<String> = ["public", "public-private", "private"]
        .iter()
        .map(|n| preset_path(n))
        .collect();
    let args: Vec<&str> = std::iter::once("validate")
        .chain(files.iter().map(String::as_str))
        .collect();
    let (code, stdout, stderr) = eksplain(&args);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.matches(": ok").count(), 3);
}

#[test]
fn validate_rejects_bad_files_and_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let good = preset_path("public");
    let text = std::fs::read_to_string(&good).unwrap();
    let cases = [
        (
            "truncated.ron",
            text[..text.len() / 3].to_owned(),
            "truncated.ron:",
        ),
        (
            "kind.ron",
            text.replacen("kind: igw", "kind: wormhole", 1),
            "wormhole",
        ),
        (
            "dup.ron",
            text.replacen("id: \"node-b\"", "id: \"node-a\"", 1),
            "E_DUPLICATE_ID",
        ),
        (
            "cidr.ron",
            text.replacen("10.0.0.0/16\"", "10.0.0/16\"", 1),
            "E_BAD_CIDR",
        ),
    ];
    for (name, body, needle) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        let (code, _, stderr) = eksplain(&["validate", path.to_str().unwrap(), &good]);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(
            stderr.contains(name) && stderr.contains(needle),
            "{name}: {stderr}"
        );
    }
    let (code, _, stderr) = eksplain(&["validate", "/no/such/file.ron"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("/no/such/file.ron"), "{stderr}");
}

#[test]
fn fmt_check_reports_non_canonical_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    let text = std::fs::read_to_string(preset_path("private")).unwrap();
    std::fs::write(&path, format!("// hand edited\n{text}")).unwrap();
    let p = path.to_str().unwrap();
    assert_eq!(eksplain(&["fmt", "--check", p]).0, 1);
    assert_eq!(eksplain(&["fmt", p]).0, 0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(eksplain(&["fmt", "--check", p]).0, 0);
}

#[test]
fn validate_rejects_two_nodes_at_one_address_and_two_nats_with_one_elastic_ip() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(preset_path("public-private")).unwrap();
    // node-b moves into node-a's subnet with node-a's address.
    let same_ip = text.replacen(
        "private_ip: \"10.0.12.10\"",
        "private_ip: \"10.0.11.10\"",
        1,
    );
    let same_ip = same_ip.replacen(
        "label: \"node b (kubelet)\",\n            parent: \"subnet-private-b\"",
        "label: \"node b (kubelet)\",\n            parent: \"subnet-private-a\"",
        1,
    );
    let path = dir.path().join("same-ip.ron");
    std::fs::write(&path, &same_ip).unwrap();
    let (code, stdout, stderr) = eksplain(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    let all = format!("{stdout}{stderr}");
    assert!(all.contains("E_DUPLICATE_IP"), "{all}");
    assert!(all.contains("node-a") && all.contains("node-b"), "{all}");
    // A second NAT gateway with the first one's elastic IP.
    let start = text.find("(\n            id: \"nat\",").unwrap();
    let end = start + text[start..].find("\n        ),\n").unwrap() + "\n        ),\n".len();
    let second = text[start..end].replacen("id: \"nat\"", "id: \"nat-2\"", 1);
    let same_eip = format!(
        "{}{second}        {}",
        &text[..end],
        &text[end..].trim_start()
    );
    let path = dir.path().join("same-eip.ron");
    std::fs::write(&path, &same_eip).unwrap();
    let (code, stdout, stderr) = eksplain(&["validate", path.to_str().unwrap()]);
    let all = format!("{stdout}{stderr}");
    assert_eq!(code, 2, "{all}");
    assert!(
        all.contains("E_DUPLICATE_PUBLIC_IP") && all.contains("198.51.100.10"),
        "{all}"
    );
}

#[test]
fn validate_refuses_what_eks_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(preset_path("public")).unwrap();
    let off = text.replacen(
        "endpoint_public_access: true",
        "endpoint_public_access: false",
        1,
    );
    assert_ne!(off, text);
    let path = dir.path().join("both-off.ron");
    std::fs::write(&path, &off).unwrap();
    let (code, stdout, stderr) = eksplain(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(!stdout.contains(": ok"), "{stdout}");
    assert!(
        stderr.contains("both-off.ron: error CFG_NO_ENDPOINT_ENABLED"),
        "{stderr}"
    );
    // The same error in `check`, so the two never disagree.
    let (_, report, _) = eksplain(&["check", path.to_str().unwrap()]);
    assert!(report.contains("CFG_NO_ENDPOINT_ENABLED"), "{report}");
}

#[test]
fn output_into_a_closed_pipe_stops_quietly() {
    // `eksplain check design.ron | head -0`: the reader is gone before the first line.
    for args in [
        vec!["check", "PRESET"],
        vec!["check", "PRESET", "--format", "json"],
        vec!["validate", "PRESET"],
    ] {
        let preset = preset_path("public-private");
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "PRESET" { preset.as_str() } else { a })
            .collect();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_eksplain"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
