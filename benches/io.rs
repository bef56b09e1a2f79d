//! Load + validate and save of a large generated design.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests and benches fail loudly"
)]

use std::hint::black_box;

/// The allocator the app runs with (`src/main.rs`).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use eksplain::io;
use eksplain::model::generate::large_design;

fn io_benches(c: &mut Criterion) {
    let design = large_design(1000, 50, 20);
    let text = io::to_ron_string(&design).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    c.bench_function("parse+validate 1000 nodes", |b| {
        b.iter(|| io::parse_design(black_box(&text), Path::new("large.ron")).unwrap());
    });
    c.bench_function("load+validate 1000 nodes (file)", |b| {
        io::save(&design, &path).unwrap();
        b.iter(|| io::load(black_box(&path)).unwrap());
    });
    c.bench_function("serialize 1000 nodes", |b| {
        b.iter(|| io::to_ron_string(black_box(&design)).unwrap());
    });
    c.bench_function("save 1000 nodes (atomic, fsync)", |b| {
        b.iter(|| io::save(black_box(&design), &path).unwrap());
    });
}

criterion_group!(benches, io_benches);
criterion_main!(benches);
