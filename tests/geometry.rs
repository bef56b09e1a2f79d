//! The exported picture's geometry, over the presets, every scenario fixture and generated
//! designs of 50, 200 and 1,000 components: no flow segment crosses a box that is not on
//! that flow's path (containers holding the path are entered and left, never over their
//! header texts), no two step badges overlap, and no badge, label or segment covers a
//! component's text.
#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::collections::HashSet;

use eksplain::engine::{FlowResult, analyze};
use eksplain::io::PRESETS;
use eksplain::model::generate::large_design;
use eksplain::model::{Design, DesignIndex, Rect};
use eksplain::render::bundle::flow_end;
use eksplain::render::flows::flow_primitives;
use eksplain::render::route::{grow, segment_hits};
use eksplain::render::scene::text_areas;
use eksplain::render::{Palette, Theme};

/// Boxes shrunk by half a unit: touching a border is not covering.
fn inner(r: &Rect) -> Rect {
    grow(r, -0.5)
}

/// Everything wrong with the picture of `design`, as sentences.
fn violations(name: &str, design: &Design) -> Vec<String> {
    let analysis = analyze(design, None);
    let flows: Vec<&FlowResult> = analysis.flows.iter().collect();
    let drawn = flow_primitives(design, &flows, &Palette::of(Theme::Light));
    let index = DesignIndex::new(design);
    let mut out = Vec::new();
    let ancestors = |id: &str| {
        let mut found = Vec::new();
        let mut cur = index.get(id).and_then(|c| index.parent(c));
        while let Some(p) = cur {
            if found.contains(&p.id.as_str()) {
                break;
            }
            found.push(p.id.as_str());
            cur = index.parent(p);
        }
        found
    };
    assert!(
        drawn.flows.iter().map(|f| f.members.len()).sum::<usize>() == flows.len(),
        "{name}: every flow is drawn once"
    );
    for f in &drawn.flows {
        // The flow's path: every hop of every flow the drawing stands for.
        let on_path: HashSet<&str> = flows
            .iter()
            .filter(|r| r.flow == f.kind && f.members.iter().any(|m| m == flow_end(r)))
            .flat_map(|r| r.hops.iter().map(|h| h.id.as_str()))
            .collect();
        let holders: HashSet<&str> = on_path.iter().flat_map(|id| ancestors(id)).collect();
        for leg in &f.legs {
            for c in &design.components {
                if on_path.contains(c.id.as_str()) {
                    continue;
                }
                let container = c.kind.name().is_container();
                let areas = if container && holders.contains(c.id.as_str()) {
                    text_areas(c, &index)
                } else {
                    vec![c.rect()]
                };
                for area in areas {
                    if leg
                        .points
                        .windows(2)
                        .any(|w| segment_hits(w[0], w[1], &inner(&area)))
                    {
                        out.push(format!(
                            "{name}: {:?} {} leg {:?} → {:?} crosses {}",
                            f.kind,
                            f.members.join(","),
                            leg.ends.0,
                            leg.ends.1,
                            c.id
                        ));
                    }
                }
            }
        }
    }
    // Component text: cards whole, container header texts.
    let texts: Vec<(&str, Rect)> = design
        .components
        .iter()
        .flat_map(|c| {
            text_areas(c, &index)
                .into_iter()
                .map(move |r| (c.id.as_str(), r))
        })
        .collect();
    for (i, b) in drawn.badges.iter().enumerate() {
        for (j, other) in drawn.badges.iter().enumerate().skip(i + 1) {
            if inner(b).intersects(other) {
                out.push(format!("{name}: badges {i} and {j} overlap at {:?}", b.min));
            }
        }
        for (id, t) in &texts {
            if inner(b).intersects(t) {
                out.push(format!("{name}: badge {i} covers the text of {id}"));
            }
        }
    }
    for (i, l) in drawn.labels.iter().enumerate() {
        for (id, t) in &texts {
            if inner(l).intersects(t) {
                out.push(format!("{name}: label {i} covers the text of {id}"));
            }
        }
        for b in &drawn.badges {
            if inner(l).intersects(b) {
                out.push(format!("{name}: label {i} covers a badge"));
            }
        }
    }
    out
}

fn assert_clean(name: &str, design: &Design) {
    let v = violations(name, design);
    assert!(
        v.is_empty(),
        "{} problems, first ones:\n{}",
        v.len(),
        v.iter().take(12).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn presets_are_drawn_clear() {
    for p in PRESETS {
        let (d, _) = p.load().unwrap();
        assert_clean(p.name, &d);
    }
}

#[test]
fn scenario_fixtures_are_drawn_clear() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "{}", files.len());
    let mut all = Vec::new();
    for f in files {
        let (d, _) = eksplain::io::load(&f).unwrap();
        all.extend(violations(&f.display().to_string(), &d));
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// A generated design of exactly `n` components.
fn generated(n: usize) -> Design {
    let subnets = (n / 40).max(2);
    let clients = 5;
    // Ten fixed components: control plane, NLB, two API servers, VPC, IGW, public
    // subnet, NAT, and the ENIs of the first two subnets.
    let d = large_design(n - subnets - clients - 10, subnets, clients);
    assert_eq!(d.components.len(), n);
    d
}

#[test]
fn generated_designs_are_drawn_clear() {
    for n in [50, 200, 1000] {
        assert_clean(&format!("{n} components"), &generated(n));
    }
}

#[test]
fn bundles_stand_for_their_flows() {
    let d = generated(200);
    let analysis = analyze(&d, None);
    let flows: Vec<&FlowResult> = analysis.flows.iter().collect();
    let drawn = flow_primitives(&d, &flows, &Palette::of(Theme::Light));
    // Every node of one subnet takes the same way: one bundle per subnet and flow type.
    assert!(drawn.flows.len() < 40, "{}", drawn.flows.len());
    let big = drawn
        .flows
        .iter()
        .find(|f| f.members.len() > 10)
        .expect("a bundle");
    assert!(
        drawn.hovers.iter().any(
            |(_, text)| text.contains(&format!("× {}", big.members.len()))
                && big.members.iter().all(|m| text.contains(m.as_str()))
        ),
        "the list of a bundle's nodes is on hover"
    );
}

#[test]
fn a_gesture_frame_reroutes_what_moved_and_keeps_the_rest() {
    use eksplain::render::flows::{Reuse, flow_primitives_reusing};
    let (d, _) = PRESETS[0].load().unwrap();
    let analysis = analyze(&d, None);
    let flows: Vec<&FlowResult> = analysis.flows.iter().collect();
    let palette = Palette::of(Theme::Light);
    let base = flow_primitives(&d, &flows, &palette);
    // The NAT gateway dragged down-left, into the path of other flows' routes.
    let mut moved = d.clone();
    let nat = moved.component_mut("nat").unwrap();
    nat.pos.x -= 30.0;
    nat.pos.y += 40.0;
    let now = nat.rect();
    let ids: HashSet<String> = std::iter::once("nat".to_owned()).collect();
    let frame = flow_primitives_reusing(
        &moved,
        &flows,
        &palette,
        Some(Reuse {
            base: &base,
            moved: &[now],
            moved_ids: &ids,
        }),
    );
    let fresh = flow_primitives(&moved, &flows, &palette);
    assert_eq!(frame.flows.len(), fresh.flows.len());
    for (f, g) in frame.flows.iter().zip(&fresh.flows) {
        for (leg, new) in f.legs.iter().zip(&g.legs) {
            let touches = leg.ends.0 == "nat" || leg.ends.1 == "nat";
            if touches {
                // Legs at the moved box are routed again, as a fresh drawing does.
                assert_eq!(leg.points, new.points, "{:?}", leg.ends);
            } else {
                assert!(
                    !leg.points
                        .windows(2)
                        .any(|w| segment_hits(w[0], w[1], &inner(&now))),
                    "{:?} crosses the moved NAT",
                    leg.ends
                );
            }
        }
    }
    assert!(violations("moved", &moved).is_empty());
}
