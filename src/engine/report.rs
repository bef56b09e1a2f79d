//! Text and JSON reports of an analysis, as `eksplain check` prints them.

use serde_json::{Value, json};

use super::{Analysis, Finding, FlowResult};

fn finding_json(f: &Finding) -> Value {
    json!({
        "code": f.code,
        "component": f.component,
        "message": f.message,
        "fix": f.fix,
        "basis": f.basis,
    })
}

fn flow_json(f: &FlowResult) -> Value {
    json!({
        "flow": f.flow.json_name(),
        "source": f.source,
        "target": f.target,
        "reachable": f.reachable,
        "exposure": f.exposure.map(super::Exposure::json_name),
        "dns": f.dns.map(super::DnsVia::json_name),
        "dns_answer": f.dns_answer,
        "code": f.code,
        "blocked_at": f.blocked_at,
        "reason": f.reason,
        "fix": f.fix,
        "hops": f.hops.iter().map(|h| json!({"id": h.id, "kind": h.kind.as_str(), "rules": h.rules})).collect::<Vec<_>>(),
        "steps": f.steps.iter().map(|s| s.text.clone()).collect::<Vec<_>>(),
    })
}

/// The JSON report (the shape documented for `eksplain check --format json`).
pub fn to_json(design_name: &str, analysis: &Analysis) -> Value {
    json!({
        "design": design_name,
        "mode": analysis.mode.map(crate::model::EndpointMode::json_name),
        "flows": analysis.flows.iter().map(flow_json).collect::<Vec<_>>(),
        "warnings": analysis.warnings.iter().map(finding_json).collect::<Vec<_>>(),
        "errors": analysis.errors.iter().map(finding_json).collect::<Vec<_>>(),
    })
}

/// One line verdict of a flow.
pub fn verdict(f: &FlowResult) -> String {
    if f.reachable {
        let exposure = f.exposure.map_or("?", |e| e.json_name());
        let badge = if f.exposed() {
            "crosses public IPs"
        } else {
            "stays private"
        };
        format!("reachable, exposure {exposure} ({badge})")
    } else {
        let at = f
            .blocked_at
            .as_deref()
            .map_or_else(String::new, |b| format!(" at {b}"));
        format!("blocked{at}: {}", f.code.unwrap_or("?"))
    }
}

/// The text report: per flow, numbered steps and the verdict.
pub fn to_text(design_name: &str, analysis: &Analysis) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mode = analysis.mode.map_or("no endpoint enabled", |m| m.human());
    let _ = writeln!(out, "{design_name} — mode: {mode}");
    for f in &analysis.flows {
        let dns = f
            .dns
            .map_or_else(String::new, |d| format!(", DNS {}", d.json_name()));
        let _ = writeln!(
            out,
            "\n{}: {} → {}{dns}",
            f.flow.human(),
            f.source,
            if f.target.is_empty() { "?" } else { &f.target }
        );
        for (i, s) in f.steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, s.text);
        }
        let _ = writeln!(out, "  verdict: {}", verdict(f));
        let _ = writeln!(out, "  {}.", f.reason.trim_end_matches('.'));
        if let Some(fix) = &f.fix {
            let _ = writeln!(out, "  fix: {fix}");
        }
    }
    for (title, list) in [
        ("errors", &analysis.errors),
        ("warnings", &analysis.warnings),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}:");
        for w in list {
            let comp = w
                .component
                .as_deref()
                .map_or_else(String::new, |c| format!(" [{c}]"));
            let _ = writeln!(out, "  {}{comp}: {}", w.code, w.message);
            if let Some(fix) = &w.fix {
                let _ = writeln!(out, "    fix: {fix}");
            }
        }
    }
    out
}
