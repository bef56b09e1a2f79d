//! A full analysis of a large generated design.
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
use eksplain::engine::analyze;
use eksplain::model::generate::large_design;
use eksplain::model::{ComponentKind, Edit, Route};
use eksplain::render::{Palette, Theme, flows::flow_primitives};

fn engine_benches(c: &mut Criterion) {
    let design = large_design(1000, 50, 20);
    let a = analyze(&design, None);
    assert_eq!(a.flows.len(), 20 + 2 * 1000);
    assert!(a.flows.iter().all(|f| f.reachable));
    c.bench_function("analyze 1000 nodes, 50 subnets, 20 clients", |b| {
        b.iter(|| analyze(black_box(&design), None));
    });
    // The same without freeing the result (what the analysis itself costs).
    c.bench_function("analyze 1000 nodes, result kept", |b| {
        b.iter_with_large_drop(|| analyze(black_box(&design), None));
    });
    // Ten times the nodes: the time should grow about ten times, not more.
    let design = large_design(10_000, 250, 20);
    assert_eq!(analyze(&design, None).flows.len(), 20 + 2 * 10_000);
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("analyze 10000 nodes, 250 subnets, 20 clients", |b| {
        b.iter(|| analyze(black_box(&design), None));
    });
    group.bench_function("analyze 10000 nodes, result kept", |b| {
        b.iter_with_large_drop(|| analyze(black_box(&design), None));
    });
    group.finish();
}

/// What the app does after an edit at 500 components: apply it, rerun the engine, and
/// rebuild the highlight of the flows shown (at most 60).
fn edit_benches(c: &mut Criterion) {
    let design = large_design(470, 12, 5);
    assert!(design.components.len() >= 490);
    let palette = Palette::of(Theme::Light);
    let mut toggle = false;
    c.bench_function("edit + reanalysis + highlight, 500 components", |b| {
        b.iter(|| {
            let mut d = design.clone();
            let mut subnet = d.component("subnet-3").unwrap().clone();
            toggle = !toggle;
            if let ComponentKind::Subnet(s) = &mut subnet.kind {
                if toggle {
                    s.routes.clear();
                } else {
                    s.routes.push(Route {
                        destination: "0.0.0.0/0".into(),
                        target: "nat".into(),
                    });
                }
            }
            d.apply(Edit::Replace(subnet)).unwrap();
            let a = analyze(&d, None);
            let shown: Vec<_> = a.flows.iter().take(60).collect();
            black_box(flow_primitives(&d, &shown, &palette))
        });
    });
}

criterion_group!(benches, engine_benches, edit_benches);
criterion_main!(benches);
