//! Exports: SVG, PNG, Markdown and Mermaid, from the library and the CLI.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    clippy::cast_sign_loss,
    reason = "tests fail loudly"
)]

mod common;

use common::{eksplain, preset_path as preset};

use eksplain::engine::analyze;
use eksplain::io::PRESETS;
use eksplain::render::export::{ExportOptions, diagram, svg_to_png, to_mermaid, to_svg};
use eksplain::render::{Palette, Theme};

fn svg_of(i: usize, theme: Theme) -> String {
    let (d, _) = PRESETS[i].load().unwrap();
    let a = analyze(&d, None);
    let palette = Palette::of(theme);
    let options = ExportOptions {
        title: Some(d.title.clone()),
        ..ExportOptions::default()
    };
    let (prims, bounds) = diagram(&d, &a, &palette, &options);
    to_svg(&prims, bounds, &palette, true)
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    (w, h)
}

#[test]
fn svg_parses_and_holds_every_label_and_the_legend() {
    for (i, preset) in PRESETS.iter().enumerate() {
        let svg = svg_of(i, Theme::Light);
        let doc =
            roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{}: {e}", preset.name));
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect();
        let (d, _) = preset.load().unwrap();
        for c in &d.components {
            assert!(
                texts.iter().any(|t| t == c.display_label()),
                "{}: no label {}",
                preset.name,
                c.display_label()
            );
        }
        for legend in [
            "kubectl to API server",
            "API server to kubelet",
            "kubelet to API server",
        ] {
            assert!(
                texts.iter().any(|t| t == legend),
                "{}: no legend",
                preset.name
            );
        }
        assert!(texts.iter().any(|t| t == &d.title));
        // Highlighted flows are there: arrows with heads and numbered steps.
        assert!(svg.contains("<polygon"), "no arrow heads");
        assert!(texts.iter().any(|t| t == "1") && texts.iter().any(|t| t == "2"));
    }
}

#[test]
fn exports_are_deterministic() {
    for i in 0..PRESETS.len() {
        assert_eq!(svg_of(i, Theme::Dark), svg_of(i, Theme::Dark));
        let svg = svg_of(i, Theme::Light);
        assert_eq!(
            svg_to_png(&svg, 1.0).unwrap(),
            svg_to_png(&svg, 1.0).unwrap()
        );
    }
}

#[test]
fn png_has_the_expected_size() {
    let svg = svg_of(1, Theme::Light);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    let w: f32 = root.attribute("width").unwrap().parse().unwrap();
    let h: f32 = root.attribute("height").unwrap().parse().unwrap();
    for scale in [1.0f32, 2.0, 3.0] {
        let png = svg_to_png(&svg, scale).unwrap();
        let (pw, ph) = png_size(&png);
        assert_eq!(
            (pw, ph),
            ((w * scale).round() as u32, (h * scale).round() as u32)
        );
    }
}

#[test]
fn mermaid_lists_components_and_flows() {
    let (d, _) = PRESETS[0].load().unwrap();
    let m = to_mermaid(&d, &analyze(&d, None), &ExportOptions::default());
    assert!(m.starts_with("flowchart LR\n"));
    assert!(m.contains("subgraph vpc[\"customer VPC\"]"));
    assert!(m.contains("node_a -->|\"kubelet_to_api 1\"| nat"));
    assert!(m.contains("linkStyle"));
}

#[test]
fn cli_render_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let p = preset("public");
    let png = dir.path().join("d.png");
    let (code, _, err) = eksplain(&["render", &p, "-o", png.to_str().unwrap(), "--scale", "2"]);
    assert_eq!(code, 0, "{err}");
    let (w, _) = png_size(&std::fs::read(&png).unwrap());
    assert!(w > 2000, "2× scale: {w}");
    let svg = dir.path().join("d.svg");
    let (code, _, _) = eksplain(&[
        "render",
        &p,
        "-o",
        svg.to_str().unwrap(),
        "--flows",
        "kubectl",
        "--theme",
        "dark",
    ]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&svg).unwrap();
    // Only the kubectl flow's colour is used for arrows.
    assert!(text.contains("#5aaaff") && !text.contains("stroke=\"#5adc82\""));
    // The report's flows table matches `check --format json`.
    let md = dir.path().join("r.md");
    let (code, _, _) = eksplain(&["report", &p, "-o", md.to_str().unwrap(), "--image", "d.png"]);
    assert_eq!(code, 0);
    let report = std::fs::read_to_string(&md).unwrap();
    assert!(report.starts_with("![public.ron](d.png)"));
    let (_, json, _) = eksplain(&["check", &p, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for f in v["flows"].as_array().unwrap() {
        let hops: Vec<&str> = f["hops"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap())
            .collect();
        let verdict = if f["reachable"] == true {
            "reachable".to_owned()
        } else {
            format!("blocked: `{}`", f["code"].as_str().unwrap())
        };
        let kind = match f["flow"].as_str().unwrap() {
            "kubectl_to_api" => "kubectl → API",
            "api_to_kubelet" => "API → kubelet",
            _ => "kubelet → API",
        };
        let row = format!(
            "| {kind} | {} | {} | {verdict} | {} | {} | {} |",
            f["source"].as_str().unwrap(),
            f["target"].as_str().unwrap(),
            f["exposure"].as_str().unwrap_or("–"),
            f["dns"].as_str().unwrap_or("–"),
            hops.join(" → ")
        );
        assert!(report.contains(&row), "missing row {row}\n{report}");
    }
}

#[test]
fn cli_render_errors_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let p = preset("public");
    let (code, _, err) = eksplain(&[
        "render",
        &p,
        "-o",
        dir.path().join("x.gif").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown output format \".gif\""), "{err}");
    let bad = dir.path().join("no/such/dir/x.svg");
    let (code, _, err) = eksplain(&["render", &p, "-o", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot save") && err.contains("x.svg"),
        "{err}"
    );
    let (code, _, err) = eksplain(&[
        "render",
        "/no/such.ron",
        "-o",
        dir.path().join("x.svg").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such.ron"));
}

#[test]
fn the_app_exports_what_the_flows_panel_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = eksplain::app::EksplainApp::with_preset("private");
    for ext in ["svg", "png", "md", "mmd"] {
        let path = dir.path().join(format!("out.{ext}"));
        app.export_to(&path, ext);
        assert!(std::fs::metadata(&path).unwrap().len() > 100, "{ext}");
        assert!(app.status().unwrap().text.starts_with("exported"));
    }
    let svg = std::fs::read_to_string(dir.path().join("out.svg")).unwrap();
    assert!(svg.contains("kubectl on bastion") || svg.contains("kubectl to API server"));
}

#[test]
fn svg_snapshot_of_the_public_preset() {
    // Reviewed by eye; refresh with UPDATE_SNAPSHOTS=1 after an intended change.
    let svg = svg_of(0, Theme::Light);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/public.svg");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &svg).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        svg, expected,
        "SVG changed; review and refresh with UPDATE_SNAPSHOTS=1"
    );
}

#[test]
fn the_app_report_references_an_image_exported_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = eksplain::app::EksplainApp::with_preset("public");
    app.export_to(&dir.path().join("review.svg"), "svg");
    app.export_to(&dir.path().join("review.md"), "md");
    let md = std::fs::read_to_string(dir.path().join("review.md")).unwrap();
    assert!(md.starts_with("![public.ron](review.svg)"), "{md}");
}

#[test]
fn svg_groups_say_what_each_shape_is_and_the_zones_tell_the_story() {
    for (i, preset) in PRESETS.iter().enumerate() {
        let svg = svg_of(i, Theme::Light);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let groups = |key: &str| -> Vec<String> {
            doc.descendants()
                .filter_map(|n| n.attribute(key).map(str::to_owned))
                .collect()
        };
        // Every component is a group whose first rect is its box.
        let (d, _) = preset.load().unwrap();
        let components = groups("data-component");
        assert_eq!(components.len(), d.components.len(), "{}", preset.name);
        for n in doc
            .descendants()
            .filter(|n| n.attribute("data-component").is_some())
        {
            let id = n.attribute("data-component").unwrap();
            let c = d.component(id).unwrap();
            let rect = n
                .children()
                .find(|x| x.has_tag_name("rect"))
                .expect("a box");
            let x: f32 = rect.attribute("x").unwrap().parse().unwrap();
            assert!(
                (x - c.pos.x).abs() < 0.1,
                "{id}: box at {x}, component at {}",
                c.pos.x
            );
        }
        // Every flow's segments are a group named by kind and end.
        let flows = groups("data-flow");
        assert!(
            flows.contains(&"kubelet_to_api:node-a".to_owned()),
            "{flows:?}"
        );
        assert!(
            flows.contains(&"api_to_kubelet:node-b".to_owned()),
            "{flows:?}"
        );
        // The internet is drawn where kubectl comes from it; the private preset has none.
        let zones = groups("data-zone");
        assert!(
            zones.contains(&"AWS cloud".to_owned()),
            "{}: {zones:?}",
            preset.name
        );
        assert_eq!(
            zones.contains(&"internet".to_owned()),
            preset.name != "private",
            "{}: {zones:?}",
            preset.name
        );
    }
}

#[test]
fn public_segments_look_different_by_exposure() {
    // public: kubectl crosses the internet (dashed), kubelet reaches the public NLB over
    // Amazon's network (dotted).
    let svg = svg_of(0, Theme::Light);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let dash_of = |flow: &str| -> Vec<String> {
        doc.descendants()
            .find(|n| n.attribute("data-flow") == Some(flow))
            .unwrap()
            .children()
            .filter_map(|n| n.attribute("stroke-dasharray").map(str::to_owned))
            .collect()
    };
    let kubectl = dash_of("kubectl_to_api:user");
    let kubelet = dash_of("kubelet_to_api:node-a");
    assert_eq!(kubectl.len(), 1, "{kubectl:?}");
    assert_eq!(kubelet.len(), 1, "{kubelet:?}");
    assert_ne!(kubectl, kubelet, "internet and aws_public look the same");
    assert!(kubelet[0].starts_with("0.1 "), "dotted: {kubelet:?}");
}

#[test]
fn shared_segments_run_in_lanes() {
    // Badges and titles: tests/geometry.rs.
    // In the private preset three flows share the segment between eni-a and api-1: each
    // runs in its own lane.
    let svg = svg_of(2, Theme::Light);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let first_line = |flow: &str| -> String {
        doc.descendants()
            .find(|n| n.attribute("data-flow") == Some(flow))
            .unwrap()
            .children()
            .find(|n| n.has_tag_name("polyline"))
            .unwrap()
            .attribute("points")
            .unwrap()
            .to_owned()
    };
    let kubectl = first_line("kubectl_to_api:bastion");
    let kubelet = first_line("kubelet_to_api:node-a");
    let api = first_line("api_to_kubelet:node-a");
    assert_ne!(kubelet, api);
    assert_ne!(kubectl, kubelet);
}

#[test]
fn an_animated_svg_moves_a_packet_along_each_drawn_flow_and_still_images_do_not_change() {
    let dir = tempfile::tempdir().unwrap();
    let preset = common::preset_path("public-private");
    let out = |name: &str, animate: bool| {
        let path = dir.path().join(name);
        let mut args = vec!["render", preset.as_str(), "-o", path.to_str().unwrap()];
        if animate {
            args.push("--animate");
        }
        let (code, _, err) = common::eksplain(&args);
        assert_eq!(code, 0, "{err}");
        std::fs::read(&path).unwrap()
    };
    let svg = String::from_utf8(out("a.svg", true)).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let motions: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("animateMotion"))
        .collect();
    let flows = doc
        .descendants()
        .filter(|n| n.attribute("data-flow").is_some())
        .count();
    assert_eq!(motions.len(), flows, "one packet per drawn flow");
    for m in &motions {
        let path = m.attribute("path").unwrap();
        assert!(path.starts_with('M') && path.contains(" L"), "{path}");
        assert_eq!(m.attribute("repeatCount"), Some("indefinite"));
        // Hidden until the animation plays.
        assert_eq!(m.parent().unwrap().attribute("opacity"), Some("0"));
    }
    assert!(!svg.contains("<script"));
    let plain = String::from_utf8(out("p.svg", false)).unwrap();
    assert!(!plain.contains("animateMotion"));
    assert_eq!(
        out("a.png", true),
        out("p.png", false),
        "a still image is the same"
    );
}
