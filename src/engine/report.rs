//! Text and JSON reports of an analysis, as `eksplain check` prints them.

use serde_json::{Value, json};

use super::{Analysis, Finding, FlowResult};
use crate::i18n::words;
use crate::t;

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

/// One line verdict of a flow, in the current language.
pub fn verdict(f: &FlowResult) -> String {
    if f.reachable {
        let exposure = f
            .exposure
            .map_or_else(|| "?".to_owned(), |e| words::exposure(e).to_string());
        let badge = if f.exposed() {
            t!("verdict-crosses-public")
        } else {
            t!("verdict-stays-private")
        };
        t!("verdict-reachable", exposure = exposure, badge = badge)
    } else {
        let code = f.code.map_or("?", crate::engine::Code::as_str);
        match f.blocked_at.as_deref() {
            Some(at) => t!("verdict-blocked-at", at = at, code = code),
            None => t!("verdict-blocked", code = code),
        }
    }
}

fn no_period(m: &impl std::fmt::Display) -> String {
    m.to_string().trim_end_matches('.').to_owned()
}

/// The text report: per flow, numbered steps and the verdict, in the current language.
pub fn to_text(design_name: &str, analysis: &Analysis) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mode = words::mode(analysis.mode);
    let _ = writeln!(
        out,
        "{}",
        t!("report-title", design = design_name, mode = mode)
    );
    for f in &analysis.flows {
        let target = if f.target.is_empty() { "?" } else { &f.target };
        let head = match f.dns {
            Some(d) => t!(
                "report-flow-dns",
                flow = words::flow(f.flow),
                source = &f.source,
                target = target,
                dns = words::dns(d)
            ),
            None => t!(
                "report-flow",
                flow = words::flow(f.flow),
                source = &f.source,
                target = target
            ),
        };
        let _ = writeln!(out, "\n{head}");
        for (i, s) in f.steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, s.text);
        }
        let _ = writeln!(out, "  {}", t!("report-verdict", verdict = verdict(f)));
        let _ = writeln!(out, "  {}.", no_period(&f.reason));
        if let Some(fix) = &f.fix {
            let _ = writeln!(out, "  {}", t!("report-fix", fix = fix.clone()));
        }
    }
    for (title, list) in [
        (t!("report-errors"), &analysis.errors),
        (t!("report-warnings"), &analysis.warnings),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}");
        for w in list {
            let comp = w
                .component
                .as_deref()
                .map_or_else(String::new, |c| format!(" [{c}]"));
            let _ = writeln!(out, "  {}{comp}: {}", w.code, w.message);
            if let Some(fix) = &w.fix {
                let _ = writeln!(out, "    {}", t!("report-fix", fix = fix.clone()));
            }
        }
    }
    out
}

/// The path of a flow between its ends, e.g. "NAT gateway → internet gateway → public NLB".
pub fn path_summary(f: &FlowResult) -> String {
    let inner: Vec<String> = f
        .hops
        .iter()
        .skip(1)
        .take(f.hops.len().saturating_sub(2))
        .map(|h| words::kind(h.kind).to_string())
        .collect();
    if !f.reachable {
        return t!(
            "path-blocked",
            code = f.code.map_or("?", crate::engine::Code::as_str)
        );
    }
    if inner.is_empty() {
        t!("path-direct")
    } else {
        inner.join(" → ")
    }
}

/// Who a flow is about, e.g. "kubelet on node-a", "kubectl on user", "API server → node-a".
pub fn who(f: &FlowResult) -> String {
    match f.flow {
        super::FlowKind::KubectlToApi => t!("who-kubectl", id = &f.source),
        super::FlowKind::KubeletToApi => t!("who-kubelet", id = &f.source),
        super::FlowKind::ApiToKubelet => t!("who-api", id = &f.target),
    }
}

/// The Markdown report: the flows table, the numbered steps and the findings, in the
/// current language.
pub fn to_markdown(design_name: &str, analysis: &Analysis) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mode = words::mode(analysis.mode);
    let _ = writeln!(
        out,
        "{}\n",
        t!("md-title", design = design_name, mode = mode)
    );
    let _ = writeln!(out, "{}", t!("md-table"));
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for f in &analysis.flows {
        let hops: Vec<&str> = f.hops.iter().map(|h| h.id.as_str()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            words::flow(f.flow),
            f.source,
            f.target,
            if f.reachable {
                t!("md-reachable")
            } else {
                t!(
                    "md-blocked",
                    code = f.code.map_or("?", crate::engine::Code::as_str)
                )
            },
            f.exposure
                .map_or_else(|| "–".to_owned(), |e| words::exposure(e).to_string()),
            f.dns
                .map_or_else(|| "–".to_owned(), |d| words::dns(d).to_string()),
            hops.join(" → ")
        );
    }
    for f in &analysis.flows {
        let _ = writeln!(
            out,
            "\n### {}: {} → {}\n",
            words::flow(f.flow),
            f.source,
            f.target
        );
        for (i, s) in f.steps.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, s.text);
        }
        let _ = writeln!(
            out,
            "\n{}",
            t!(
                "md-verdict",
                verdict = verdict(f),
                reason = f.reason.clone()
            )
        );
        if let Some(fix) = &f.fix {
            let _ = writeln!(out, "{}", t!("md-fix", fix = fix.clone()));
        }
    }
    for (title, list) in [
        (t!("md-errors"), &analysis.errors),
        (t!("md-warnings"), &analysis.warnings),
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
                .map_or_else(String::new, |f| t!("md-finding-fix", fix = f.clone()));
            let _ = writeln!(out, "- `{}`{comp}: {}.{fix}", w.code, no_period(&w.message));
        }
    }
    out
}
