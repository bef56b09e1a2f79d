//! Every blocked flow says what to change: over every scenario fixture, each blocked flow
//! has a fix, and a fix that is an edit of the design unblocks the flow when applied.
#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::collections::BTreeSet;
use std::path::PathBuf;

use eksplain::engine::{Code, FixEdit, FlowResult, analyze};
use eksplain::model::Design;

fn fixtures() -> Vec<(String, Design)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            (name, eksplain::io::load(&f).unwrap().0)
        })
        .collect()
}

/// The same flow in another analysis.
fn same<'a>(flows: &'a [FlowResult], f: &FlowResult) -> &'a FlowResult {
    flows
        .iter()
        .find(|g| g.flow == f.flow && g.source == f.source && g.target == f.target)
        .unwrap()
}

fn applied(design: &Design, edit: &FixEdit) -> Design {
    let mut d = design.clone();
    for e in edit.edits(design).unwrap() {
        d.apply(e).unwrap();
    }
    d
}

/// A fix leaves a valid design.
fn assert_valid(fixed: &Design, name: &str, edit: &FixEdit) {
    assert!(
        eksplain::model::validate(fixed)
            .iter()
            .all(|p| p.severity != eksplain::model::Severity::Error),
        "{name}: {edit:?} leaves an invalid design"
    );
}

#[test]
fn every_blocked_flow_in_every_fixture_has_a_fix() {
    let mut codes = BTreeSet::new();
    for (name, d) in fixtures() {
        for f in analyze(&d, None).flows.iter().filter(|f| !f.reachable) {
            let code = f.code.unwrap();
            codes.insert(code.as_str());
            let fix = f
                .fix
                .as_ref()
                .map(eksplain::i18n::Msg::en)
                .unwrap_or_default();
            assert!(!fix.is_empty(), "{name}: {code} of {} has no fix", f.source);
            // Named with the design's values, not placeholders.
            assert!(!fix.contains("the source"), "{name}: {fix}");
        }
    }
    // The fixtures cover the blocking codes.
    for c in [
        "CLUSTER_SG_NO_443_INGRESS",
        "DNS_NO_PUBLIC_RECORD",
        "IGW_PATH_WITHOUT_PUBLIC_IP",
        "NACL_DENY",
        "NODE_OUTSIDE_CLUSTER_VPC",
        "NODE_SG_NO_10250_INGRESS",
        "NODE_SG_NO_WEBHOOK_INGRESS",
        "NO_RETURN_ROUTE",
        "NO_ROUTE_TO_PRIVATE_ENDPOINT",
        "NO_ROUTE_TO_PUBLIC_ENDPOINT",
        "SG_EGRESS_DENY",
        "SOURCE_NOT_IN_PUBLIC_ACCESS_CIDRS",
    ] {
        assert!(codes.contains(c), "no fixture blocks with {c}: {codes:?}");
    }
}

#[test]
fn every_fix_that_is_an_edit_unblocks_its_flow() {
    let mut tried = 0;
    for (name, d) in fixtures() {
        let before = analyze(&d, None);
        for f in before.flows.iter().filter(|f| !f.reachable) {
            let Some(edit) = &f.fix_edit else { continue };
            tried += 1;
            let fixed = applied(&d, edit);
            assert_valid(&fixed, &name, edit);
            let after = analyze(&fixed, None);
            let g = same(&after.flows, f);
            assert!(
                g.reachable,
                "{name}: {} {} still blocked after {}: {:?} {}",
                f.flow.json_name(),
                f.source,
                edit.label(),
                g.code,
                g.reason
            );
        }
    }
    assert!(tried >= 12, "{tried} fixes tried");
}

#[test]
fn the_fix_names_the_nat_address_and_is_carried_in_json() {
    let d = fixtures()
        .into_iter()
        .find(|(n, _)| n == "d05.ron")
        .unwrap()
        .1;
    let a = analyze(&d, None);
    let f = a
        .flows
        .iter()
        .find(|f| f.code == Some(Code::SourceNotInPublicAccessCidrs))
        .unwrap();
    assert!(
        f.reason
            .en()
            .contains("arrives from 198.51.100.10 (elastic IP of NAT nat)"),
        "{}",
        f.reason
    );
    assert_eq!(
        f.fix.as_ref().map(eksplain::i18n::Msg::en).as_deref(),
        Some(
            "add 198.51.100.10/32 (elastic IP of NAT nat) to the public access CIDRs, or turn on private access"
        )
    );
    let json = eksplain::engine::report::to_json("d05.ron", &a);
    let flow = json["flows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "SOURCE_NOT_IN_PUBLIC_ACCESS_CIDRS")
        .unwrap();
    assert_eq!(flow["fix_edit"]["edit"], "add_public_access_cidr");
    assert_eq!(flow["fix_edit"]["cidr"], "198.51.100.10/32");
}

#[test]
fn every_finding_fix_that_is_an_edit_clears_its_finding() {
    let mut tried = BTreeSet::new();
    for (name, d) in fixtures() {
        let before = analyze(&d, None);
        for f in before.warnings.iter().chain(&before.errors) {
            let Some(edit) = &f.fix_edit else { continue };
            tried.insert(f.code);
            let fixed = applied(&d, edit);
            assert_valid(&fixed, &name, edit);
            let after = analyze(&fixed, None);
            assert!(
                !after
                    .warnings
                    .iter()
                    .chain(&after.errors)
                    .any(|g| g.code == f.code && g.component == f.component),
                "{name}: {} remains after {}",
                f.code,
                edit.label()
            );
        }
    }
    // The private hosted zone not applied (d18) and DNS hostnames off.
    assert!(tried.contains(&Code::DnsPhzNotApplied), "{tried:?}");
    assert!(tried.contains(&Code::WVpcDnsHostnamesOff), "{tried:?}");
}
