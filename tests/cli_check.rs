//! `eksplain check` as a CI gate: JSON shape, modes and exit codes.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use common::{eksplain as run, preset_path as preset};

use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn flow<'a>(v: &'a Value, kind: &str, source: &str) -> &'a Value {
    v["flows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["flow"] == kind && f["source"] == source)
        .unwrap()
}

fn hop_kinds(f: &Value) -> Vec<&str> {
    f["hops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect()
}

#[test]
fn json_has_the_documented_shape() {
    let p = preset("public");
    let v = json(&["check", &p, "--format", "json"]);
    assert_eq!(v["design"], "public.ron");
    assert_eq!(v["mode"], "public");
    assert!(v["warnings"].is_array() && v["errors"].is_array());
    for f in v["flows"].as_array().unwrap() {
        for key in [
            "flow",
            "source",
            "target",
            "reachable",
            "exposure",
            "dns",
            "code",
            "blocked_at",
            "reason",
            "hops",
        ] {
            assert!(f.get(key).is_some(), "missing {key} in {f}");
        }
    }
    let k = flow(&v, "kubelet_to_api", "node-a");
    assert_eq!(k["exposure"], "aws_public");
    assert_eq!(k["dns"], "public_dns");
    assert_eq!(hop_kinds(k), ["node", "nat", "igw", "nlb", "api_server"]);
    let b = flow(&v, "api_to_kubelet", "api-1");
    assert_eq!(b["target"], "node-a");
    assert_eq!(hop_kinds(b), ["api_server", "eks_eni", "node"]);
}

#[test]
fn the_three_presets_tell_the_story() {
    let public = json(&["check", &preset("public"), "--format", "json"]);
    let both = json(&["check", &preset("public-private"), "--format", "json"]);
    let private = json(&["check", &preset("private"), "--format", "json"]);
    // kubectl: over the internet to the NLB, except in private mode.
    assert_eq!(
        hop_kinds(flow(&public, "kubectl_to_api", "user")),
        ["client", "nlb", "api_server"]
    );
    assert_eq!(
        flow(&both, "kubectl_to_api", "user")["exposure"],
        "internet"
    );
    let k = flow(&private, "kubectl_to_api", "bastion");
    assert_eq!(hop_kinds(k), ["client", "eks_eni", "api_server"]);
    assert_eq!(k["exposure"], "none");
    // kubelet: out and back in via NAT in public, through the ENI otherwise.
    assert_eq!(
        flow(&public, "kubelet_to_api", "node-b")["exposure"],
        "aws_public"
    );
    for v in [&both, &private] {
        let f = flow(v, "kubelet_to_api", "node-b");
        assert_eq!(hop_kinds(f), ["node", "eks_eni", "api_server"]);
        assert_eq!(f["dns"], "private_hosted_zone");
        assert_eq!(f["exposure"], "none");
    }
    // API → kubelet is the same in all three.
    for v in [&public, &both, &private] {
        for f in v["flows"].as_array().unwrap() {
            if f["flow"] == "api_to_kubelet" {
                assert_eq!(hop_kinds(f), ["api_server", "eks_eni", "node"]);
            }
        }
    }
    // Nothing is exposed in private mode.
    assert!(
        private["flows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["exposure"] == "none")
    );
}

#[test]
fn mode_override_analyses_without_editing() {
    let p = preset("public-private");
    let before = std::fs::read(&p).unwrap();
    let v = json(&["check", &p, "--mode", "public", "--format", "json"]);
    assert_eq!(v["mode"], "public");
    assert_eq!(
        flow(&v, "kubelet_to_api", "node-a")["exposure"],
        "aws_public"
    );
    let v = json(&["check", &p, "--mode", "private", "--format", "json"]);
    let u = flow(&v, "kubectl_to_api", "user");
    assert_eq!(u["reachable"], false);
    assert_eq!(u["code"], "NO_ROUTE_TO_PRIVATE_ENDPOINT");
    assert_eq!(u["blocked_at"], "user");
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

#[test]
fn exit_codes_gate_ci() {
    let p = preset("public-private");
    assert_eq!(run(&["check", &p]).0, 0);
    assert_eq!(run(&["check", &p, "--fail-on", "unreachable"]).0, 0);
    assert_eq!(run(&["check", &p, "--fail-on", "exposed"]).0, 1);
    assert_eq!(
        run(&["check", &preset("private"), "--fail-on", "exposed"]).0,
        0
    );
    assert_eq!(
        run(&["check", &p, "--mode", "private", "--fail-on", "unreachable"]).0,
        1
    );
    let (code, _, err) = run(&["check", "/no/such.ron"]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such.ron"));
}

#[test]
fn text_output_numbers_the_steps() {
    let (code, out, _) = run(&["check", &preset("public")]);
    assert_eq!(code, 0);
    assert!(out.contains("kubelet → API: node-a → api-1"), "{out}");
    assert!(
        out.contains("  1. kubelet on node-a looks up the endpoint name"),
        "{out}"
    );
    assert!(out.contains("elastic IP 198.51.100.10"), "{out}");
    assert!(
        out.contains("verdict: reachable, exposure aws_public"),
        "{out}"
    );
}

#[test]
fn json_hops_carry_their_rules_and_fixes() {
    let p = preset("private");
    let v = json(&["check", &p, "--format", "json"]);
    let k = flow(&v, "kubectl_to_api", "bastion");
    let eni = &k["hops"][1];
    assert_eq!(eni["kind"], "eks_eni");
    assert_eq!(
        eni["rules"][0],
        "cluster-sg ingress: TCP 443 from sg bastion-sg"
    );
    assert!(k["fix"].is_null());
    let fixture = format!(
        "{}/tests/fixtures/scenarios/d21.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let v = json(&["check", &fixture, "--format", "json"]);
    let k = flow(&v, "kubectl_to_api", "bastion");
    assert_eq!(k["code"], "CLUSTER_SG_NO_443_INGRESS");
    assert_eq!(k["fix"], "allow TCP 443 from sg bastion-sg in cluster-sg");
}

#[test]
fn where_a_component_came_from_is_carried_into_the_json_report() {
    let dir = tempfile::tempdir().unwrap();
    let (mut d, _) = eksplain::io::load(std::path::Path::new(&preset("public"))).unwrap();
    d.component_mut("nat").unwrap().source = "aws_nat_gateway.this[0]".into();
    let path = dir.path().join("d.ron");
    std::fs::write(&path, eksplain::io::to_ron_string(&d).unwrap()).unwrap();
    // Saved and read back.
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("source: \"aws_nat_gateway.this[0]\""),
        "{saved}"
    );
    let (code, out, err) = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hop = json["flows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["hops"].as_array().unwrap().iter())
        .find(|h| h["id"] == "nat")
        .unwrap();
    assert_eq!(hop["source"], "aws_nat_gateway.this[0]");
}
