//! A full analysis of a large generated design.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "benches fail loudly"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use eksplain::engine::analyze;
use eksplain::model::generate::large_design;

fn engine_benches(c: &mut Criterion) {
    let design = large_design(1000, 50, 20);
    let a = analyze(&design, None);
    assert_eq!(a.flows.len(), 20 + 2 * 1000);
    assert!(a.flows.iter().all(|f| f.reachable));
    c.bench_function("analyze 1000 nodes, 50 subnets, 20 clients", |b| {
        b.iter(|| analyze(black_box(&design), None));
    });
}

criterion_group!(benches, engine_benches);
criterion_main!(benches);
