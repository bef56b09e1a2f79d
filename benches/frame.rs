//! Frame CPU time of the editor in a headless harness (no GPU), idle and while dragging,
//! against a bare egui_graphs view with the same number of nodes.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "benches fail loudly"
)]

use std::hint::black_box;

/// The allocator the app runs with (`src/main.rs`).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_graphs::{DefaultGraphView, Graph};
use egui_kittest::Harness;
use eksplain::app::EksplainApp;
use eksplain::model::generate::large_design;
use petgraph::stable_graph::StableGraph;

/// A generated design with about `n` components in all.
fn design(n: usize) -> eksplain::model::Design {
    let subnets = (n / 40).max(2);
    let nodes = n - subnets - 10;
    large_design(nodes, subnets, 5)
}

/// The app on a generated design; with `panels` false the side panels are hidden (Alt+Z),
/// leaving the canvas: the same picture as the bare view plus our labels and icons.
fn app_harness(n: usize, panels: bool) -> Harness<'static, EksplainApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(
            |ui, app: &mut EksplainApp| app.frame_ui(ui),
            EksplainApp::with_design(design(n)),
        );
    h.run_steps(2);
    if !panels {
        h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Z);
        // Fit again to the larger canvas.
        h.key_press(egui::Key::F);
    }
    h.run_steps(4);
    h
}

fn bare_harness(n: usize) -> Harness<'static, Graph> {
    let mut g: StableGraph<(), ()> = StableGraph::new();
    let idx: Vec<_> = (0..n).map(|_| g.add_node(())).collect();
    for w in idx.windows(2).step_by(3) {
        g.add_edge(w[0], w[1], ());
    }
    let graph = Graph::from(&g);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(
            |ui, g: &mut Graph| {
                egui::CentralPanel::default().show(ui, |ui| {
                    let nav = egui_graphs::SettingsNavigation::new()
                        .with_fit_to_screen_enabled(false)
                        .with_zoom_and_pan_enabled(true);
                    DefaultGraphView::new().with_navigations(&nav).show(ui, g);
                });
            },
            graph,
        );
    h.run_steps(4);
    h
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(30);
    for n in [500usize, 2000] {
        for panels in [true, false] {
            let what = if panels { "" } else { " canvas only" };
            let mut h = app_harness(n, panels);
            group.bench_function(format!("idle {n}{what}"), |b| {
                b.iter(|| black_box(&mut h).step());
            });
            // A drag of one node back and forth: one pointer move per frame.
            let mut h = app_harness(n, panels);
            let id = "node-1";
            let at = h.state().canvas().screen_center(id).unwrap();
            h.hover_at(at);
            h.step();
            h.drag_at(at);
            h.step();
            let mut k = 0u32;
            group.bench_function(format!("dragging {n}{what}"), |b| {
                b.iter(|| {
                    k += 1;
                    let dx = if k.is_multiple_of(2) { 30.0 } else { 0.0 };
                    h.hover_at(at + egui::vec2(dx + 10.0, 5.0));
                    h.step();
                    assert!(h.state().canvas().is_interacting(), "the drag must be live");
                });
            });
        }
        let mut bare = bare_harness(n);
        let mut k = 0u32;
        group.bench_function(format!("bare egui_graphs {n}"), |b| {
            b.iter(|| {
                // A pointer move, so egui_graphs does its hover work as it would in use.
                bare.hover_at(egui::pos2(400.0 + (k % 7) as f32, 300.0));
                k += 1;
                bare.step();
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
