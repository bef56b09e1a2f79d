//! SVG and PNG export of a 1,000-node design.
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
use eksplain::render::export::{ExportOptions, diagram, svg_to_png, to_svg};
use eksplain::render::{Palette, Theme};

fn export_benches(c: &mut Criterion) {
    let design = large_design(1000, 50, 20);
    let analysis = analyze(&design, None);
    let palette = Palette::of(Theme::Light);
    // Only the kubectl flows, as the first measure was made.
    let options = ExportOptions {
        flows: vec![eksplain::engine::FlowKind::KubectlToApi],
        title: Some("generated".into()),
        ..ExportOptions::default()
    };
    c.bench_function("svg 1000 nodes", |b| {
        b.iter(|| {
            let (prims, bounds) = diagram(black_box(&design), &analysis, &palette, &options);
            to_svg(&prims, bounds, &palette, true)
        });
    });
    let (prims, bounds) = diagram(&design, &analysis, &palette, &options);
    let svg = to_svg(&prims, bounds, &palette, true);
    let mut group = c.benchmark_group("png");
    group.sample_size(10);
    group.bench_function("png 2x 1000 nodes", |b| {
        b.iter(|| svg_to_png(black_box(&svg), 2.0).unwrap());
    });
    // Every flow: the node flows of a subnet drawn as one bundle, routed.
    let every = ExportOptions {
        title: Some("generated".into()),
        ..ExportOptions::default()
    };
    group.bench_function("svg + png 2x 1000 nodes, every flow", |b| {
        b.iter(|| {
            let (prims, bounds) = diagram(black_box(&design), &analysis, &palette, &every);
            svg_to_png(&to_svg(&prims, bounds, &palette, true), 2.0).unwrap()
        });
    });
    group.finish();
}

criterion_group!(benches, export_benches);
criterion_main!(benches);
