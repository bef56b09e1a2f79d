//! Helpers of the import tests: the fixtures, validity with containment, notes, subnets,
//! and the verdicts two imports are compared by.

use std::path::{Path, PathBuf};

use eksplain::engine::{FlowKind, analyze};
use eksplain::import::{Imported, NoteKind};
use eksplain::model::{ComponentKind, Design, Severity, Subnet, validate};

/// A file or folder under `tests/fixtures/import`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// No validation error, and every component inside its container.
pub fn assert_valid(d: &Design) {
    let errors: Vec<_> = validate(d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    for c in &d.components {
        if let Some(p) = c.parent.as_deref().and_then(|p| d.component(p)) {
            assert!(
                p.rect().contains_rect(&c.rect()),
                "{} is outside {}",
                c.id,
                p.id
            );
        }
    }
}

/// True when a note of this kind contains `part`.
pub fn has_note(i: &Imported, kind: NoteKind, part: &str) -> bool {
    i.notes
        .iter()
        .any(|n| n.kind == kind && n.text.en().contains(part))
}

/// The subnet `id` of a design.
pub fn subnet<'d>(d: &'d Design, id: &str) -> &'d Subnet {
    match &d.component(id).unwrap_or_else(|| panic!("no {id}")).kind {
        ComponentKind::Subnet(s) => s,
        other => panic!("{id} is {other:?}"),
    }
}

/// The target of a subnet's 0.0.0.0/0 route.
pub fn default_route(s: &Subnet) -> Option<&str> {
    s.routes
        .iter()
        .find(|r| r.destination == "0.0.0.0/0")
        .map(|r| r.target.as_str())
}

/// Each flow as (kind, reachable, exposure), sorted: what "the same verdicts" compares.
pub fn verdicts(d: &Design) -> Vec<(FlowKind, bool, String)> {
    let mut v: Vec<_> = analyze(d, None)
        .flows
        .iter()
        .map(|f| (f.flow, f.reachable, format!("{:?}", f.exposure)))
        .collect();
    v.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    v
}
