//! Seeing the paths: highlights follow the engine, blocked flows, steps, mode comparison.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use eksplain::app::EksplainApp;
use eksplain::engine::{FlowKind, analyze};
use eksplain::model::EndpointMode;
use eksplain::render::{Palette, Primitive, Theme, flows::flow_primitives};
use eksplain::ui::command::AppCommand;

mod common;

use common::harness_with;

fn harness(preset: &str) -> Harness<'static, EksplainApp> {
    harness_with(EksplainApp::with_preset(preset), egui::vec2(1400.0, 1000.0))
}

fn engine_hops(app: &EksplainApp) -> Vec<(FlowKind, Vec<String>)> {
    analyze(app.design(), None)
        .flows
        .iter()
        .map(|f| (f.flow, f.hops.iter().map(|h| h.id.to_string()).collect()))
        .collect()
}

#[test]
fn switching_the_mode_changes_the_highlighted_hops_as_the_engine_says() {
    for preset in ["public", "public-private", "private"] {
        let mut h = harness(preset);
        for mode in [
            EndpointMode::Public,
            EndpointMode::PublicPrivate,
            EndpointMode::Private,
        ] {
            h.get_by_label(mode.human()).click();
            h.run_steps(3);
            assert_eq!(h.state().design().cluster.mode(), Some(mode));
            let shown = h.state().highlighted();
            assert_eq!(shown, engine_hops(h.state()), "{preset} as {mode:?}");
        }
        // The kubelet path of node-a in each mode, as the endpoint-access story tells it.
        h.get_by_label("public").click();
        h.run_steps(3);
        let kubelet = |h: &Harness<'_, EksplainApp>| {
            h.state()
                .highlighted()
                .iter()
                .find(|(k, hops)| *k == FlowKind::KubeletToApi && hops[0] == "node-a")
                .map(|(_, hops)| hops.clone())
        };
        if preset == "private" {
            // No NAT in the private preset: in public mode kubelet cannot get out.
            assert_eq!(kubelet(&h).unwrap(), ["node-a"]);
        } else {
            assert_eq!(
                kubelet(&h).unwrap(),
                ["node-a", "nat", "igw", "nlb", "api-1"]
            );
        }
        h.get_by_label("public + private").click();
        h.run_steps(3);
        assert_eq!(kubelet(&h).unwrap(), ["node-a", "eni-a", "api-1"]);
    }
}

#[test]
fn deleting_the_nat_turns_kubelet_flows_red_with_the_reason() {
    let mut h = harness("public");
    h.state_mut().select(&["nat"]);
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    h.run_steps(3);
    let a = h.state().analysis().unwrap();
    let blocked: Vec<_> = a.flows.iter().filter(|f| !f.reachable).collect();
    assert_eq!(blocked.len(), 2);
    for f in &blocked {
        assert_eq!(f.flow, FlowKind::KubeletToApi);
        assert_eq!(
            f.code.map(eksplain::engine::Code::as_str),
            Some("NO_ROUTE_TO_PUBLIC_ENDPOINT")
        );
        assert!(
            f.reason.en().contains("no route to the internet"),
            "{}",
            f.reason
        );
    }
    assert_eq!(blocked[0].blocked_at.as_deref(), Some("subnet-private-a"));
    // The flows panel says so.
    h.get_by_label_contains("2 blocked");
    // The canvas outlines the blocking subnets in the error colour.
    let palette = Palette::of(Theme::Light);
    let shown: Vec<_> = a.flows.iter().collect();
    let drawn = flow_primitives(h.state().design(), &shown, &palette);
    let red_boxes = drawn
        .primitives
        .iter()
        .filter(
            |p| matches!(p, Primitive::Rect { stroke: Some(s), .. } if s.color == palette.error),
        )
        .count();
    assert_eq!(red_boxes, 2);
}

#[test]
fn clicking_a_step_selects_its_component() {
    let mut h = harness("public");
    let index = h
        .state()
        .analysis()
        .unwrap()
        .flows
        .iter()
        .position(|f| f.flow == FlowKind::KubeletToApi && f.source == "node-a")
        .unwrap();
    h.state_mut().select_flow(Some(index));
    h.run_steps(3);
    // Only the selected flow is highlighted.
    assert_eq!(h.state().highlighted().len(), 1);
    h.get_by_label_contains("2. The route table of subnet-private-a")
        .click();
    h.run_steps(2);
    assert_eq!(
        h.state().selection().iter().cloned().collect::<Vec<_>>(),
        ["subnet-private-a"]
    );
}

#[test]
fn the_comparison_lists_the_documented_differences() {
    let mut h = harness("public-private");
    h.state_mut().push_command(AppCommand::CompareModes);
    h.run_steps(3);
    h.get_by_label("Compare modes");
    // The difference view of Compare with: public → public + private moves kubelet onto
    // the EKS-owned ENIs; public + private → private cuts the internet user off.
    h.get_by_label("public -> public + private");
    for line in [
        "kubelet -> API: node-a -> api-1 :443: exposure: aws_public -> none",
        "kubelet -> API: node-b -> api-1 :443: exposure: aws_public -> none",
        "kubectl -> API: user -> api-1 :443: verdict: reachable -> blocked",
    ] {
        h.get_by_label_contains(line);
    }
    // API → kubelet is the same in every mode: never listed as a difference.
    assert_eq!(h.query_all_by_label_contains(" :10250: ").count(), 0);
    // One click applies a mode.
    h.get_all_by_label("apply").next().unwrap().click();
    h.run_steps(3);
    assert_eq!(
        h.state().design().cluster.mode(),
        Some(EndpointMode::Public)
    );
}

#[test]
fn the_report_matches_the_check_command() {
    let (d, _) = eksplain::io::PRESETS[1].load().unwrap();
    let md = eksplain::engine::report::to_markdown("public-private.ron", &analyze(&d, None));
    assert!(md.contains("| kubelet → API | node-a | api-1 | reachable | none | private_hosted_zone | node-a → eni-a → api-1 |"), "{md}");
}

#[test]
fn a_long_flows_list_draws_what_is_in_sight_and_scrolls_to_its_end() {
    use eksplain::model::generate::large_design;
    let design = large_design(300, 6, 2);
    let last_node = design
        .components
        .iter()
        .rev()
        .find(|c| c.kind.name() == eksplain::model::KindName::Node)
        .unwrap()
        .id
        .clone();
    let mut h = harness_with(EksplainApp::with_design(design), egui::vec2(1400.0, 900.0));
    // Hundreds of flow rows exist, but only the visible ones are widgets.
    let rows = h.query_all_by_label_contains("kubelet → API").count()
        + h.query_all_by_label_contains("kubelet -> API").count();
    assert!(rows > 0 && rows < 60, "{rows} flow rows drawn");
    assert!(h.query_by_label(&last_node).is_none());
    // Scroll the right panel to its end: the last group is drawn there.
    let flows = h.get_by_label("Flows").rect();
    h.hover_at(egui::pos2(flows.center().x, flows.max.y + 300.0));
    for _ in 0..200 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -1.0),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
        });
        h.run_steps(1);
    }
    h.run_steps(30);
    assert!(
        h.query_by_label(&last_node).is_some(),
        "{last_node} not reached"
    );
}

#[test]
fn the_fonts_epoch_is_stable_while_nothing_changes() {
    use eksplain::model::generate::large_design;
    let mut h = harness_with(
        EksplainApp::with_design(large_design(1900, 50, 5)),
        egui::vec2(1600.0, 1000.0),
    );
    h.run_steps(5);
    let e = h.state().canvas().fonts_epoch();
    for i in 0..20 {
        h.hover_at(egui::pos2(600.0 + i as f32, 400.0));
        h.step();
    }
    assert_eq!(h.state().canvas().fonts_epoch(), e);
}

#[test]
fn the_flows_panel_lists_what_each_bundle_stands_for() {
    use eksplain::model::generate::large_design;
    let mut h = harness_with(
        EksplainApp::with_design(large_design(40, 2, 2)),
        egui::vec2(1400.0, 1000.0),
    );
    // 20 nodes in each subnet take the same way: one bundle per subnet and flow type.
    h.get_by_label_contains("drawn as bundles");
    let title = "kubelet -> API × 20 in subnet-1";
    h.get_by_label_contains(title).click();
    h.run_steps(3);
    // Open, it lists the nodes; one click selects one.
    h.get_by_label("node-3").click();
    h.run_steps(3);
    assert_eq!(
        h.state().selection().iter().cloned().collect::<Vec<_>>(),
        ["node-3"]
    );
    // Every flow is drawn (as bundles), though there are more than the canvas draws alone.
    assert_eq!(h.state().highlighted().len(), 82);
}

#[test]
fn a_blocked_flows_fix_applies_in_one_click_and_undoes_in_one_step() {
    let fixed = fix_in_one_click(
        "d05",
        "SOURCE_NOT_IN_PUBLIC_ACCESS_CIDRS",
        "fix: add 198.51.100.10/32 to the public access CIDRs",
    );
    assert!(
        fixed
            .cluster
            .public_access_cidrs
            .contains(&"198.51.100.10/32".to_owned())
    );
}

#[test]
fn a_node_in_an_auto_assigning_subnet_can_be_marked_as_launched_without_a_public_ip() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scenarios/x05.ron"
    );
    let (design, _) = eksplain::io::load(std::path::Path::new(path)).unwrap();
    let mut h = harness_with(EksplainApp::with_design(design), egui::vec2(1400.0, 1000.0));
    let kubelet = |h: &Harness<'_, EksplainApp>| {
        h.state()
            .analysis()
            .unwrap()
            .flows
            .iter()
            .find(|f| f.flow == FlowKind::KubeletToApi)
            .map(|f| (f.reachable, f.code.map(eksplain::engine::Code::as_str)))
            .unwrap()
    };
    // The subnet gives node-a a public IP: kubelet leaves through the internet gateway.
    assert_eq!(kubelet(&h), (true, None));
    h.state_mut().select(&["node-a"]);
    h.run_steps(3);
    h.get_by_label("launched without a public IP").click();
    h.run_steps(3);
    assert_eq!(kubelet(&h), (false, Some("IGW_PATH_WITHOUT_PUBLIC_IP")));
}

/// Opens a fixture's one blocked flow (by its code), clicks its fix button, checks that the
/// flow gets through, and that one undo blocks it again.
fn fix_in_one_click(fixture: &str, code: &str, button: &str) -> eksplain::model::Design {
    let path = format!(
        "{}/tests/fixtures/scenarios/{fixture}.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let (design, _) = eksplain::io::load(std::path::Path::new(&path)).unwrap();
    let mut h = harness_with(EksplainApp::with_design(design), egui::vec2(1400.0, 1000.0));
    let blocked = |h: &Harness<'_, EksplainApp>| {
        h.state()
            .analysis()
            .unwrap()
            .flows
            .iter()
            .filter(|f| !f.reachable)
            .count()
    };
    assert_eq!(blocked(&h), 1, "{fixture}");
    h.get_by_label_contains(code).click();
    h.run_steps(3);
    h.get_by_label(button).scroll_to_me();
    h.run_steps(3);
    h.get_by_label(button).click();
    h.run_steps(3);
    assert_eq!(blocked(&h), 0, "{fixture}: {:?}", h.state().status());
    let fixed = h.state().design().clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(blocked(&h), 1, "{fixture}: one undo");
    fixed
}

#[test]
fn transit_fixes_apply_in_one_click() {
    let fixed = fix_in_one_click(
        "t03",
        "TGW_BLACKHOLE_ROUTE",
        "fix: route 172.16.0.0/12 to vpn in rtb-vpc",
    );
    let table = &fixed.transit.route_tables[0];
    assert!(
        table
            .routes
            .iter()
            .any(|r| r.destination == "172.16.0.0/12" && r.target == "vpn"),
        "{table:?}"
    );
    let fixed = fix_in_one_click("t04", "TGW_NO_ROUTE", "fix: associate vpn with rtb-onprem");
    let tables = &fixed.transit.route_tables;
    assert!(
        tables
            .iter()
            .any(|t| t.id == "rtb-onprem" && t.associations == ["vpn"])
    );
    assert!(
        tables
            .iter()
            .all(|t| t.id == "rtb-onprem" || !t.associations.contains(&"vpn".to_owned()))
    );
    let fixed = fix_in_one_click(
        "t05",
        "ROUTE_NOT_CARRIED",
        "fix: carry 172.16.0.0/12 over vpn",
    );
    assert_eq!(
        fixed.transit.carried[0].cidrs,
        ["172.16.0.0/16", "172.16.0.0/12"]
    );
}

#[test]
fn a_findings_fix_applies_in_one_click() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scenarios/d18.ron"
    );
    let (design, _) = eksplain::io::load(std::path::Path::new(path)).unwrap();
    let mut h = harness_with(EksplainApp::with_design(design), egui::vec2(1400.0, 1000.0));
    let phz_warning = |h: &Harness<'_, EksplainApp>| {
        h.state()
            .analysis()
            .unwrap()
            .warnings
            .iter()
            .any(|w| w.code == eksplain::engine::Code::DnsPhzNotApplied)
    };
    assert!(phz_warning(&h));
    let button = "fix: turn on DNS resolution and hostnames (Amazon-provided DNS) in vpc";
    h.get_by_label(button).scroll_to_me();
    h.run_steps(3);
    h.get_by_label(button).click();
    h.run_steps(3);
    assert!(!phz_warning(&h), "{:?}", h.state().status());
    // Kubelet now resolves through the private hosted zone.
    let a = h.state().analysis().unwrap();
    assert!(
        a.flows
            .iter()
            .filter(|f| f.flow == eksplain::engine::FlowKind::KubeletToApi)
            .all(|f| f.dns == Some(eksplain::engine::DnsVia::PrivateHostedZone))
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert!(phz_warning(&h), "one undo brings it back");
}

/// Every fix that is an edit, in every fixture, through the app as its button sends it:
/// the flow gets through, and one undo blocks it again.
#[test]
fn every_fix_edit_applies_in_the_app_and_undoes_in_one_step() {
    use std::collections::BTreeSet;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    let mut kinds = BTreeSet::new();
    for path in files {
        let (design, _) = eksplain::io::load(&path).unwrap();
        let before = analyze(&design, None);
        for f in before.flows.iter().filter(|f| !f.reachable) {
            let Some(edit) = &f.fix_edit else { continue };
            let mut app = EksplainApp::with_design(design.clone());
            app.push_message(eksplain::editor::Msg::ApplyFix(edit.clone()));
            let mut h = harness_with(app, egui::vec2(1200.0, 800.0));
            h.run_steps(2);
            let reachable = |h: &Harness<'_, EksplainApp>| {
                h.state()
                    .analysis()
                    .unwrap()
                    .flows
                    .iter()
                    .find(|g| {
                        g.flow == f.flow
                            && g.source == f.source
                            && g.target == f.target
                            && g.port == f.port
                    })
                    .is_some_and(|g| g.reachable)
            };
            let what = format!(
                "{}: {} {} after {}",
                path.display(),
                f.flow.json_name(),
                f.source,
                edit.label()
            );
            assert!(reachable(&h), "{what}: {:?}", h.state().status());
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
            h.run_steps(2);
            assert!(!reachable(&h), "{what}: one undo");
            assert_eq!(
                h.state().design(),
                &design,
                "{what}: undo restores the design"
            );
            let json = serde_json::to_value(edit).unwrap();
            kinds.insert(json["edit"].as_str().unwrap().to_owned());
        }
    }
    // The kinds of edit the fixtures' fixes use.
    for k in [
        "add_public_access_cidr",
        "put_route",
        "add_sg_rule",
        "put_tgw_route",
        "associate_tgw_attachment",
        "add_carried_cidr",
    ] {
        assert!(kinds.contains(k), "{k}: {kinds:?}");
    }
}
