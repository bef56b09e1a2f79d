//! Korean narration: every step, reason, fix and finding the engine writes about the presets,
//! the scenario fixtures and a generated design, in every mode, reads as Korean. Names, codes
//! and values (the message's own values) are left out; what remains has no English words
//! except the product's and AWS's names (VPC, NAT, kubelet…).
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use std::collections::BTreeMap;

use common::designs::designs;
use common::korean::{self, verbatim_sentence};
use eksplain::engine::analyze;
use eksplain::i18n::{Lang, Msg};
use eksplain::model::EndpointMode;

/// Words that stay in Latin letters in Korean engine text, beside `korean::AWS_NAMES`.
const KEPT: &[&str] = &[
    "IGW",
    "CIDRs",
    "TGW",
    "kubelet",
    "Route",
    "Direct",
    "Connect",
    "ECR",
    "STS",
    "publicAccessCidrs",
    "map_public_ip_on_launch",
    "enableDnsSupport",
    "enableDnsHostnames",
    "Resolver",
    "Route53",
    "ICMP",
    "SG",
    "all",
    "any",
    // Words of the design file format, written as they appear in the file.
    "local",
    "blackhole",
    "routes",
    "cidr_blocks",
    "subnet_ids",
    "cluster",
    "hybrid",
    "true",
];

/// The English words left in a Korean message, once its values are taken out.
fn english_left(m: &Msg) -> Vec<String> {
    korean::english_left(m, KEPT)
}

#[test]
fn every_engine_sentence_reads_in_korean() {
    // One example per catalogue key (or verbatim English text), with the words left over.
    let mut bad: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut seen = 0usize;
    for (name, design) in designs() {
        for mode in [None]
            .into_iter()
            .chain(EndpointMode::ALL.into_iter().map(Some))
        {
            let a = analyze(&design, mode);
            let mut msgs: Vec<&Msg> = Vec::new();
            for f in &a.flows {
                msgs.extend(f.steps.iter().map(|s| &s.text));
                msgs.push(&f.reason);
                msgs.extend(f.fix.iter());
            }
            for w in a.warnings.iter().chain(&a.errors) {
                msgs.push(&w.message);
                msgs.extend(w.fix.iter());
            }
            for m in msgs {
                seen += 1;
                let left = english_left(m);
                if !left.is_empty() {
                    let key = verbatim_sentence(m)
                        .map_or_else(|| m.key().to_owned(), |v| format!("verbatim: {v}"));
                    bad.entry(key)
                        .or_insert_with(|| (format!("{name}: {}", m.in_lang(Lang::Ko)), left));
                }
            }
        }
    }
    assert!(seen > 1000, "only {seen} sentences");
    // Every engine sentence comes from the catalogue: none is built in English in code.
    let verbatim: Vec<&String> = bad.keys().filter(|k| k.starts_with("verbatim:")).collect();
    assert!(
        verbatim.is_empty(),
        "{} English sentences are built outside the catalogue:\n{}",
        verbatim.len(),
        verbatim
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    bad.retain(|k, _| !k.starts_with("verbatim:"));
    let report: Vec<String> = bad
        .iter()
        .map(|(k, (example, left))| format!("{k}\n    {example}\n    English: {left:?}"))
        .collect();
    assert!(
        bad.is_empty(),
        "{} kinds of sentence are not Korean yet:\n{}",
        bad.len(),
        report.join("\n")
    );
}

type Break = fn(&mut eksplain::model::Design);

/// A design with one rule broken, for every kind of problem validation reports.
fn broken_designs() -> Vec<(&'static str, eksplain::model::Design)> {
    use eksplain::model::{ComponentKind, Connection, ConnectionKind, Route, SecurityGroup};
    let base = eksplain::io::ron_file::load(std::path::Path::new(&format!(
        "{}/presets/public.ron",
        env!("CARGO_MANIFEST_DIR")
    )))
    .unwrap()
    .0;
    let breaks: Vec<(&'static str, Break)> = vec![
        ("bad and duplicate ids", |d| {
            d.components[0].id = "bad id!".to_owned();
            d.components[1].id = "nlb".to_owned();
        }),
        ("reserved ids", |d| {
            d.components[0].id = "local".to_owned();
            d.components[1].id = "blackhole".to_owned();
            d.components[2].id = String::new();
        }),
        ("geometry", |d| {
            d.components[0].size.w = -4.0;
            d.components[1].pos.x = f32::NAN;
        }),
        ("placement", |d| {
            for c in &mut d.components {
                if matches!(c.kind, ComponentKind::Node(_)) {
                    c.parent = None;
                } else if matches!(c.kind, ComponentKind::Nat(_)) {
                    c.parent = Some("nowhere".to_owned());
                }
            }
        }),
        ("addresses", |d| {
            let mut first = true;
            for c in &mut d.components {
                match &mut c.kind {
                    ComponentKind::Subnet(s) if first => {
                        s.cidr = "::/0".to_owned();
                        first = false;
                    }
                    ComponentKind::Subnet(s) => {
                        s.cidr = "10.0.0.300/24".to_owned();
                        s.az = String::new();
                        s.routes.push(Route {
                            destination: "0.0.0.0/0".to_owned(),
                            target: "gone".to_owned(),
                        });
                        s.routes.push(Route {
                            destination: "0.0.0.0/0".to_owned(),
                            target: "api-1".to_owned(),
                        });
                        s.network_acl = Some("no-acl".to_owned());
                    }
                    ComponentKind::Node(n) => {
                        n.private_ip = "10.0.9.999".to_owned();
                        n.security_groups.push("no-sg".to_owned());
                        n.webhook_ports.push(0);
                    }
                    ComponentKind::EksEni(e) => e.private_ip = String::new(),
                    ComponentKind::Vpc(v) => v.cidr_blocks.clear(),
                    _ => {}
                }
            }
        }),
        ("clashing addresses", |d| {
            let mut ips = Vec::new();
            for c in &mut d.components {
                if let ComponentKind::Node(n) = &mut c.kind {
                    ips.push(n.private_ip.clone());
                    n.private_ip = ips[0].clone();
                    n.public_ip = Some("198.51.100.50".to_owned());
                }
                if let ComponentKind::Subnet(s) = &mut c.kind {
                    s.cidr = "10.0.0.0/16".to_owned();
                }
            }
        }),
        ("cluster and security", |d| {
            d.cluster.public_access_cidrs.push("nope".to_owned());
            d.cluster.subnet_ids.push("no-subnet".to_owned());
            d.cluster.subnet_ids.push("nlb".to_owned());
            let mut sg = SecurityGroup::default_cluster("dup");
            sg.ingress[0].ports = (9, 1);
            d.security_groups.push(sg.clone());
            d.security_groups.push(sg);
            d.connections.push(Connection {
                from: "user".to_owned(),
                to: "missing".to_owned(),
                kind: ConnectionKind::Line,
                label: String::new(),
            });
            d.connections.push(Connection {
                from: "user".to_owned(),
                to: "nlb".to_owned(),
                kind: ConnectionKind::Attachment,
                label: String::new(),
            });
        }),
    ];
    breaks
        .into_iter()
        .map(|(name, f)| {
            let mut d = base.clone();
            f(&mut d);
            (name, d)
        })
        .collect()
}

#[test]
fn every_design_problem_reads_in_korean() {
    let mut keys = std::collections::BTreeSet::new();
    let mut bad = Vec::new();
    for (name, design) in broken_designs() {
        for p in eksplain::model::validate(&design) {
            keys.insert(p.message.key());
            let left = english_left(&p.message);
            if !left.is_empty() || verbatim_sentence(&p.message).is_some() {
                bad.push(format!("{name}: {} {left:?}", p.message.in_lang(Lang::Ko)));
            }
            // The whole line reads in Korean too, code and field kept.
            eksplain::i18n::set_current(Lang::Ko);
            let line = p.to_string();
            eksplain::i18n::set_current(Lang::En);
            assert!(line.contains(p.code), "{line}");
            assert!(
                line.contains(if p.severity == eksplain::model::Severity::Error {
                    "오류"
                } else {
                    "경고"
                })
            );
        }
    }
    assert!(
        keys.len() >= 20,
        "only {} kinds of problem: {keys:?}",
        keys.len()
    );
    assert!(
        bad.is_empty(),
        "English left in Korean problems:\n{}",
        bad.join("\n")
    );
}
