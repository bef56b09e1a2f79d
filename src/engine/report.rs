//! Text and JSON reports of an analysis, as `eksplain check` prints them.

use serde_json::{Value, json};

use super::{Analysis, Finding, FlowResult};

fn finding_json(f: &Finding) -> Value {
    json!({
        "code": f.code,
        "component": f.component,
        "message": f.message,
        "fix": f.fix,
        "fix_edit": f.fix_edit,
        "basis": f.basis,
    })
}

fn flow_json(f: &FlowResult) -> Value {
    json!({
        "flow": f.flow.json_name(),
        "source": f.source,
        "target": f.target,
        "port": f.port,
        "reachable": f.reachable,
        "exposure": f.exposure.map(super::Exposure::json_name),
        "dns": f.dns.map(super::DnsVia::json_name),
        "dns_answer": f.dns_answer,
        "code": f.code,
        "blocked_at": f.blocked_at,
        "reason": f.reason,
        "fix": f.fix,
        "fix_edit": f.fix_edit,
        "hops": f.hops.iter().map(|h| {
            let mut hop = json!({"id": h.id, "kind": h.kind.as_str(), "rules": h.rules});
            if !h.source.is_empty() {
                hop["source"] = json!(h.source);
            }
            hop
        }).collect::<Vec<_>>(),
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
        format!(
            "blocked{at}: {}",
            f.code.map_or("?", crate::engine::Code::as_str)
        )
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
        let _ = writeln!(out, "  {}.", f.reason.to_string().trim_end_matches('.'));
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

/// The path of a flow between its ends, e.g. "NAT gateway → internet gateway → public NLB".
pub fn path_summary(f: &FlowResult) -> String {
    let inner: Vec<&str> = f
        .hops
        .iter()
        .skip(1)
        .take(f.hops.len().saturating_sub(2))
        .map(|h| h.kind.human())
        .collect();
    let path = if inner.is_empty() {
        "direct".to_owned()
    } else {
        inner.join(" → ")
    };
    if f.reachable {
        path
    } else {
        format!(
            "blocked ({})",
            f.code.map_or("?", crate::engine::Code::as_str)
        )
    }
}

/// Who a flow is about, e.g. "kubelet on node-a", "kubectl on user", "API server → node-a".
pub fn who(f: &FlowResult) -> String {
    match f.flow {
        super::FlowKind::KubectlToApi => format!("kubectl on {}", f.source),
        super::FlowKind::KubeletToApi => format!("kubelet on {}", f.source),
        super::FlowKind::ApiToKubelet => format!("API server to kubelet on {}", f.target),
    }
}

/// The Markdown report: the flows table, the numbered steps and the findings.
pub fn to_markdown(design_name: &str, analysis: &Analysis) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mode = analysis.mode.map_or("no endpoint enabled", |m| m.human());
    let _ = writeln!(out, "## {design_name}: endpoint access {mode}\n");
    let _ = writeln!(
        out,
        "| flow | from | to | verdict | exposure | DNS | hops |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for f in &analysis.flows {
        let hops: Vec<&str> = f.hops.iter().map(|h| h.id.as_str()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            f.flow.human(),
            f.source,
            f.target,
            if f.reachable {
                "reachable".to_owned()
            } else {
                format!(
                    "blocked: `{}`",
                    f.code.map_or("?", crate::engine::Code::as_str)
                )
            },
            f.exposure.map_or("–", super::Exposure::json_name),
            f.dns.map_or("–", super::DnsVia::json_name),
            hops.join(" → ")
        );
    }
    for f in &analysis.flows {
        let _ = writeln!(
            out,
            "\n### {}: {} → {}\n",
            f.flow.human(),
            f.source,
            f.target
        );
        for (i, s) in f.steps.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, s.text);
        }
        let _ = writeln!(
            out,
            "\n**{}.** {}.",
            verdict(f),
            f.reason.to_string().trim_end_matches('.')
        );
        if let Some(fix) = &f.fix {
            let _ = writeln!(out, "Fix: {fix}.");
        }
    }
    for (title, list) in [
        ("Errors", &analysis.errors),
        ("Warnings", &analysis.warnings),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {title}\n");
        for w in list {
            let comp = w
                .component
                .as_deref()
                .map_or_else(String::new, |c| format!(" ({c})"));
            let fix = w
                .fix
                .as_ref()
                .map_or_else(String::new, |f| format!(" Fix: {f}."));
            let _ = writeln!(
                out,
                "- `{}`{comp}: {}.{fix}",
                w.code,
                w.message.to_string().trim_end_matches('.')
            );
        }
    }
    out
}
