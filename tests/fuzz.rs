//! A byte-level fuzz harness for the loader and the engine, seeded with the presets and
//! the scenario fixtures. A short run is part of `cargo test`; a long run is
//! `PROPTEST_CASES=200000 cargo test --release --test fuzz` (see the README).
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use std::path::Path;

use eksplain::engine::analyze;
use eksplain::io::{self, PRESETS};
use proptest::prelude::*;

fn seeds() -> Vec<String> {
    let mut out: Vec<String> = PRESETS.iter().map(|p| p.text.to_owned()).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        out.push(std::fs::read_to_string(f).unwrap());
    }
    out
}

/// One change to a seed's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let tokens = prop_oneof![
        Just(b"(".to_vec()),
        Just(b")".to_vec()),
        Just(b"[".to_vec()),
        Just(b"\"".to_vec()),
        Just(b",".to_vec()),
        Just(b"NaN".to_vec()),
        Just(b"-1e39".to_vec()),
        Just(b"local".to_vec()),
        Just(b"parent: \"vpc\",".to_vec()),
        Just(b"0.0.0.0/0".to_vec()),
        Just("노드".as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), tokens).prop_map(|(i, t)| Mutation::Insert(i, t)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(i, b) => {
            if let Some(x) = bytes.get_mut(i % len) {
                *x ^= b;
            }
        }
        Mutation::Insert(i, t) => {
            let at = (i % len).min(bytes.len());
            bytes.splice(at..at, t.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = (i % len).min(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Truncate(i) => bytes.truncate(i % len),
        Mutation::Duplicate(i, n) => {
            let at = (i % len).min(bytes.len());
            let end = (at + n).min(bytes.len());
            let chunk = bytes[at..end].to_vec();
            bytes.splice(end..end, chunk);
        }
    }
}

/// Whatever the bytes, loading either fails with a message or gives a design the engine
/// and the writer handle; a loaded design writes and reads back equal.
fn check(bytes: &[u8]) {
    let path = Path::new("fuzz.ron");
    let Ok(text) = io::ron_file::decode_utf8(bytes, path) else {
        return;
    };
    match io::parse_design(text, path) {
        Err(e) => assert!(!e.to_string().is_empty()),
        Ok((design, _)) => {
            let a = analyze(&design, None);
            assert_eq!(a, analyze(&design, None));
            let written = io::to_ron_string(&design).unwrap();
            let (back, _) = io::parse_design(&written, path).unwrap();
            assert_eq!(io::to_ron_string(&back).unwrap(), written);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
    ))]

    #[test]
    fn mutated_seeds_never_crash(seed in any::<prop::sample::Index>(), muts in prop::collection::vec(mutation(), 1..6)) {
        let seeds = seeds();
        let mut bytes = seeds[seed.index(seeds.len())].clone().into_bytes();
        for m in &muts {
            apply(&mut bytes, m);
        }
        check(&bytes);
    }

    #[test]
    fn random_bytes_never_crash(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes);
    }
}

/// The import fixture's files, as (name, text).
fn import_seeds() -> Vec<(std::path::PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/aws");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// Imports the fixture with one file mutated: an error that names a file, or a design
/// that validates without errors and analyses.
fn check_import(which: usize, bytes: &[u8]) {
    use eksplain::import::{Format, Input, import};
    let seeds = import_seeds();
    let which = which % seeds.len();
    let inputs: Vec<Input> = seeds
        .iter()
        .enumerate()
        .map(|(i, (path, text))| Input {
            path: path.clone(),
            text: if i == which {
                String::from_utf8_lossy(bytes).into_owned()
            } else {
                text.clone()
            },
        })
        .collect();
    match import(&inputs, Format::Auto) {
        Err(e) => assert!(!e.to_string().is_empty()),
        Ok(imported) => check_imported(&imported),
    }
}

/// An imported design: the bad values its input carries (an address that is not one) are
/// reported by validation, like a hand-written file's, and it analyses.
fn check_imported(imported: &eksplain::import::Imported) {
    for e in eksplain::model::validate(&imported.design) {
        assert!(!e.message.en().is_empty());
    }
    let _ = analyze(&imported.design, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200)
    ))]

    #[test]
    fn mutated_import_files_never_crash(which in 0usize..64, muts in prop::collection::vec(mutation(), 1..6)) {
        let seeds = import_seeds();
        let mut bytes = seeds[which % seeds.len()].1.clone().into_bytes();
        for m in &muts {
            apply(&mut bytes, m);
        }
        check_import(which, &bytes);
    }

    #[test]
    fn random_import_files_never_crash(which in 0usize..64, bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_import(which, &bytes);
    }
}

/// The one-file inputs: Terraform state and plan, eksctl configs, a CloudFormation template.
fn single_file_seeds() -> Vec<(std::path::PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    [
        "terraform/state.json",
        "terraform/plan.json",
        "eksctl/cluster.yaml",
        "eksctl/existing-vpc.yaml",
        "cloudformation/cluster.yaml",
    ]
    .iter()
    .map(|f| {
        let p = root.join(f);
        let text = std::fs::read_to_string(&p).unwrap();
        (p, text)
    })
    .collect()
}

/// Imports one mutated file: an error that names the file, or a design whose problems
/// validation reports, which analyses.
fn check_single(which: usize, bytes: &[u8]) {
    use eksplain::import::{Format, Input, import};
    let seeds = single_file_seeds();
    let (path, _) = &seeds[which % seeds.len()];
    let input = Input {
        path: path.clone(),
        text: String::from_utf8_lossy(bytes).into_owned(),
    };
    match import(&[input], Format::Auto) {
        Err(e) => {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = e.to_string();
            assert!(text.contains(&name), "{text}");
        }
        Ok(imported) => check_imported(&imported),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200)
    ))]

    #[test]
    fn mutated_terraform_eksctl_and_cloudformation_files_never_crash(which in 0usize..64, muts in prop::collection::vec(mutation(), 1..6)) {
        let seeds = single_file_seeds();
        let mut bytes = seeds[which % seeds.len()].1.clone().into_bytes();
        for m in &muts {
            apply(&mut bytes, m);
        }
        check_single(which, &bytes);
    }

    #[test]
    fn random_single_input_files_never_crash(which in 0usize..64, bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_single(which, &bytes);
    }
}
