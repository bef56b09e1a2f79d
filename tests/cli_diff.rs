//! `eksplain diff`: what a change does to the paths, per change kind, in JSON, text and
//! Markdown; git revisions; exit codes.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use eksplain::model::{ComponentKind, Design, NetworkAcl, SecurityGroup};
use serde_json::Value;

fn preset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("presets")
        .join(format!("{name}.ron"))
}

fn run(args: &[&str], dir: Option<&Path>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_eksplain"));
    c.arg("diff").args(args);
    if let Some(d) = dir {
        c.current_dir(d);
    }
    c.output().unwrap()
}

fn json(args: &[&str]) -> (Value, i32) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = run(&all, None);
    let text = String::from_utf8(out.stdout).unwrap();
    let v: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{e}: {text} {}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code().unwrap())
}

/// The public preset with one edit, written to a temporary file.
fn edited(dir: &Path, name: &str, edit: impl FnOnce(&mut Design)) -> String {
    let (mut d, _) = eksplain::io::load(&preset("public")).unwrap();
    edit(&mut d);
    let path = dir.join(format!("{name}.ron"));
    eksplain::io::save(&d, &path).unwrap();
    path.to_str().unwrap().to_owned()
}

fn flows(v: &Value) -> Vec<&Value> {
    v["flows"].as_array().unwrap().iter().collect()
}

fn subnet<'d>(d: &'d mut Design, id: &str) -> &'d mut eksplain::model::Subnet {
    match &mut d.components.iter_mut().find(|c| c.id == id).unwrap().kind {
        ComponentKind::Subnet(s) => s,
        _ => panic!("{id} is not a subnet"),
    }
}

#[test]
fn turning_on_private_access_moves_only_the_kubelet_flows_onto_the_enis() {
    let (v, code) = json(&[
        preset("public").to_str().unwrap(),
        preset("public-private").to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "flows changed");
    let f = flows(&v);
    assert_eq!(f.len(), 2, "{v:#}");
    for flow in f {
        assert_eq!(flow["flow"], "kubelet_to_api");
        assert_eq!(flow["change"], "changed");
        assert_eq!(flow["before"]["exposure"], "aws_public");
        assert_eq!(flow["after"]["exposure"], "none");
        assert!(
            flow["before"]["hops"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h == "nat")
        );
        assert!(
            flow["after"]["hops"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h.as_str().unwrap().starts_with("eni"))
        );
        assert_eq!(flow["regression"], false);
        assert!(
            flow["aspects"]
                .as_array()
                .unwrap()
                .contains(&Value::from("exposure"))
        );
    }
    assert_eq!(v["mode_old"], "public");
    assert_eq!(v["mode_new"], "public_private");
    // An improvement is not a regression.
    let out = run(
        &[
            preset("public").to_str().unwrap(),
            preset("public-private").to_str().unwrap(),
            "--fail-on",
            "regressions",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_removed_route_blocks_the_flows_through_it_and_names_the_route() {
    let dir = tempfile::tempdir().unwrap();
    let new = edited(dir.path(), "no-nat", |d| {
        subnet(d, "subnet-private-a")
            .routes
            .retain(|r| r.destination != "0.0.0.0/0");
    });
    let (v, code) = json(&[preset("public").to_str().unwrap(), &new]);
    assert_eq!(code, 1);
    let f = flows(&v);
    let kubelet: Vec<_> = f.iter().filter(|x| x["source"] == "node-a").collect();
    assert!(!kubelet.is_empty(), "{v:#}");
    for x in &kubelet {
        assert_eq!(x["before"]["reachable"], true);
        assert_eq!(x["after"]["reachable"], false);
        assert_eq!(x["regression"], true);
        assert!(
            x["causes"]
                .as_array()
                .unwrap()
                .contains(&Value::from("component subnet-private-a")),
            "{x:#}"
        );
    }
    assert!(
        f.iter().all(|x| x["source"] != "node-b"),
        "node-b keeps its route"
    );
    let change = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "subnet-private-a")
        .unwrap();
    assert_eq!(change["fields"][0]["field"], "route 0.0.0.0/0");
    assert_eq!(change["fields"][0]["before"], "nat");
    assert_eq!(change["fields"][0]["after"], "removed");
    let out = run(
        &[
            preset("public").to_str().unwrap(),
            &new,
            "--fail-on",
            "regressions",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    // Text and Markdown say the same.
    let text =
        String::from_utf8(run(&[preset("public").to_str().unwrap(), &new], None).stdout).unwrap();
    assert!(text.contains("verdict: reachable → blocked"), "{text}");
    assert!(text.contains("route 0.0.0.0/0: nat → removed"), "{text}");
    let md = String::from_utf8(
        run(
            &[
                preset("public").to_str().unwrap(),
                &new,
                "--format",
                "markdown",
            ],
            None,
        )
        .stdout,
    )
    .unwrap();
    assert!(
        md.contains("| flow | before | after | because of |"),
        "{md}"
    );
    assert!(md.contains("1 flow changed, **1 regression**."), "{md}");
}

#[test]
fn security_group_acl_and_cidr_changes_are_causes() {
    let dir = tempfile::tempdir().unwrap();
    let old = preset("public");
    let old = old.to_str().unwrap();
    // A security group without rules on node-a.
    let sg = edited(dir.path(), "sg", |d| {
        d.security_groups.push(SecurityGroup {
            id: "locked".to_owned(),
            ..SecurityGroup::default_cluster("locked")
        });
        d.security_groups[0].ingress.clear();
        d.security_groups[0].egress.clear();
        if let ComponentKind::Node(n) = &mut d
            .components
            .iter_mut()
            .find(|c| c.id == "node-a")
            .unwrap()
            .kind
        {
            n.security_groups = vec!["locked".to_owned()];
        }
    });
    let (v, _) = json(&[old, &sg]);
    let blocked: Vec<_> = flows(&v)
        .into_iter()
        .filter(|f| f["source"] == "node-a" || f["target"] == "node-a")
        .collect();
    assert!(!blocked.is_empty(), "{v:#}");
    assert!(
        blocked.iter().all(|f| f["after"]["reachable"] == false),
        "{v:#}"
    );
    assert!(
        blocked.iter().all(|f| f["causes"]
            .as_array()
            .unwrap()
            .contains(&Value::from("security group locked"))),
        "{v:#}"
    );
    // An ACL without rules on the private subnet a.
    let acl = edited(dir.path(), "acl", |d| {
        d.network_acls.push(NetworkAcl {
            id: "closed".to_owned(),
            source: String::new(),
            inbound: Vec::new(),
            outbound: Vec::new(),
        });
        subnet(d, "subnet-private-a").network_acl = Some("closed".to_owned());
    });
    let (v, _) = json(&[old, &acl]);
    let f = flows(&v);
    assert!(
        f.iter()
            .any(|x| x["source"] == "node-a" && x["after"]["reachable"] == false),
        "{v:#}"
    );
    assert!(
        f.iter().any(|x| x["causes"]
            .as_array()
            .unwrap()
            .contains(&Value::from("network ACL closed"))),
        "{v:#}"
    );
    // The public access CIDRs no longer hold the kubectl user.
    let cidrs = edited(dir.path(), "cidrs", |d| {
        d.cluster.public_access_cidrs = vec!["192.0.2.0/24".to_owned()];
    });
    let (v, _) = json(&[old, &cidrs]);
    let kubectl: Vec<_> = flows(&v)
        .into_iter()
        .filter(|x| x["flow"] == "kubectl_to_api")
        .collect();
    assert_eq!(kubectl.len(), 1, "{v:#}");
    assert_eq!(kubectl[0]["regression"], true);
    let cluster = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["item"] == "cluster")
        .unwrap();
    assert_eq!(cluster["fields"][0]["field"], "public access cidrs");
}

#[test]
fn modes_added_and_removed_components_and_exit_codes() {
    let p = preset("public");
    let p = p.to_str().unwrap();
    // The same design: nothing changed, exit 0.
    let (v, code) = json(&[p, p]);
    assert_eq!(code, 0);
    assert!(flows(&v).is_empty() && v["changes"].as_array().unwrap().is_empty());
    // One design under two modes: "what if we turn on private access".
    let (v, code) = json(&[p, p, "--mode-new", "private"]);
    assert_eq!(code, 1);
    assert_eq!(v["mode_new"], "private");
    assert!(
        flows(&v)
            .iter()
            .any(|f| f["flow"] == "kubectl_to_api" && f["after"]["reachable"] == false)
    );
    // A node removed: its flows are gone, not regressions.
    let dir = tempfile::tempdir().unwrap();
    let fewer = edited(dir.path(), "fewer", |d| {
        d.components.retain(|c| c.id != "node-b");
    });
    let (v, code) = json(&[p, &fewer, "--fail-on", "regressions"]);
    assert_eq!(code, 0, "{v:#}");
    assert!(flows(&v).iter().all(|f| f["change"] == "removed"));
    assert!(
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "node-b" && c["change"] == "removed")
    );
    // And back: the node is added.
    let (v, _) = json(&[&fewer, p]);
    assert!(
        flows(&v)
            .iter()
            .any(|f| f["change"] == "added" && f["source"] == "node-b")
    );
    // A file that cannot be read: exit 2, named.
    let out = run(&[p, "/nonexistent/design.ron"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/design.ron"));
}

#[test]
fn git_revisions_are_read_with_git_show() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| common::git(dir.path(), args);
    git(&["init", "-q"]);
    std::fs::copy(preset("public"), dir.path().join("design.ron")).unwrap();
    git(&["add", "design.ron"]);
    git(&["commit", "-qm", "public"]);
    std::fs::copy(preset("public-private"), dir.path().join("design.ron")).unwrap();
    let out = run(
        &["HEAD:design.ron", "design.ron", "--format", "json"],
        Some(dir.path()),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(flows(&v).len(), 2);
    // A revision that does not exist is an error that says so.
    let out = run(&["nope:design.ron", "design.ron"], Some(dir.path()));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope:design.ron"));
}

#[test]
fn a_flow_that_gets_through_again_is_no_regression() {
    // d05 → d06: the NAT's elastic IP joins the public access CIDRs; kubelet was blocked.
    let dir = format!("{}/tests/fixtures/scenarios", env!("CARGO_MANIFEST_DIR"));
    let (v, code) = json(&[
        &format!("{dir}/d05.ron"),
        &format!("{dir}/d06.ron"),
        "--fail-on",
        "regressions",
    ]);
    assert_eq!(code, 0, "{v:#}");
    assert!(flows(&v).iter().all(|f| f["regression"] == false), "{v:#}");
}
