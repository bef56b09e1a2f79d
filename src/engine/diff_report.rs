//! A [`Diff`] as text for the terminal and as Markdown for a pull-request comment.

use std::fmt::Write as _;

use super::diff::{Aspect, Diff, FlowDiff, FlowSide};
use super::diff_design::{ChangeKind, ItemChange};
use crate::model::EndpointMode;

fn flow_name(f: &FlowDiff) -> String {
    let kind = match f.flow {
        "kubectl_to_api" => "kubectl → API",
        "api_to_kubelet" => "API → kubelet",
        _ => "kubelet → API",
    };
    format!("{kind}: {} → {} :{}", f.source, f.target, f.port)
}

fn side(s: &FlowSide) -> String {
    let verdict = if s.reachable { "reachable" } else { "blocked" };
    let exposure = s.exposure.map_or("?", |e| e.json_name());
    let code = s
        .code
        .as_deref()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    format!("{verdict}{code}, exposure {exposure}")
}

fn mode(m: Option<EndpointMode>) -> &'static str {
    match m {
        Some(EndpointMode::Public) => "public",
        Some(EndpointMode::PublicPrivate) => "public + private",
        Some(EndpointMode::Private) => "private",
        None => "no endpoint",
    }
}

/// The lines that describe one flow's change (without the heading).
fn flow_lines(f: &FlowDiff) -> Vec<String> {
    let mut out = Vec::new();
    match (f.change, &f.before, &f.after) {
        (ChangeKind::Added, _, Some(a)) => out.push(format!("new flow: {}", side(a))),
        (ChangeKind::Removed, Some(b), _) => out.push(format!("flow gone (was {})", side(b))),
        (_, Some(b), Some(a)) => {
            for aspect in &f.aspects {
                out.push(match aspect {
                    Aspect::Verdict => format!(
                        "verdict: {} → {}",
                        if b.reachable { "reachable" } else { "blocked" },
                        if a.reachable { "reachable" } else { "blocked" }
                    ),
                    Aspect::Exposure => format!(
                        "exposure: {} → {}",
                        b.exposure.map_or("?", |e| e.json_name()),
                        a.exposure.map_or("?", |e| e.json_name())
                    ),
                    Aspect::Dns => format!(
                        "DNS: {} → {}",
                        b.dns_answer
                            .as_deref()
                            .or(b.dns.as_deref())
                            .unwrap_or("none"),
                        a.dns_answer
                            .as_deref()
                            .or(a.dns.as_deref())
                            .unwrap_or("none")
                    ),
                    Aspect::Path => {
                        format!("path: {} → {}", b.hops.join(" › "), a.hops.join(" › "))
                    }
                });
            }
            if !a.reachable {
                out.push(format!("now: {}", a.reason));
            }
        }
        _ => {}
    }
    if !f.causes.is_empty() {
        out.push(format!("because of: {}", f.causes.join(", ")));
    }
    out
}

/// One flow's change on one line: `kubelet → API: node-a → api-1 :443: exposure:
/// aws_public → none; because of: …` (SARIF results, the app's difference list).
pub fn flow_line(f: &FlowDiff) -> String {
    format!("{}: {}", flow_name(f), flow_lines(f).join("; "))
}

/// One item's change on one line: `changed component subnet-a: route 0.0.0.0/0: nat →
/// removed`.
pub fn change_line(c: &ItemChange) -> String {
    let what = format!("{} {}", c.item.words(), c.id);
    match c.change {
        ChangeKind::Added => format!("added {what}"),
        ChangeKind::Removed => format!("removed {what}"),
        ChangeKind::Changed => {
            let fields: Vec<String> = c
                .fields
                .iter()
                .map(|f| format!("{}: {} → {}", f.field, f.before, f.after))
                .collect();
            format!("changed {what}: {}", fields.join("; "))
        }
    }
}

/// The terminal text.
pub fn text(d: &Diff) -> String {
    let mut out = String::new();
    if d.mode_old != d.mode_new {
        let _ = writeln!(out, "mode: {} → {}", mode(d.mode_old), mode(d.mode_new));
    }
    if d.flows.is_empty() {
        out.push_str("no flow changed\n");
    } else {
        let _ = writeln!(out, "{} flows changed:", d.flows.len());
    }
    for f in &d.flows {
        let mark = if f.regression { " (regression)" } else { "" };
        let _ = writeln!(out, "\n{}{mark}", flow_name(f));
        for l in flow_lines(f) {
            let _ = writeln!(out, "  {l}");
        }
    }
    if !d.changes.is_empty() {
        let _ = writeln!(out, "\n{} items changed:", d.changes.len());
        for c in &d.changes {
            let _ = writeln!(out, "  {}", change_line(c));
        }
    }
    out
}

/// Markdown for a pull-request comment.
pub fn markdown(d: &Diff) -> String {
    let mut out = String::from("### eksplain: what this change does to the paths\n\n");
    if d.mode_old != d.mode_new {
        let _ = writeln!(
            out,
            "Endpoint access: **{}** → **{}**\n",
            mode(d.mode_old),
            mode(d.mode_new)
        );
    }
    if d.flows.is_empty() {
        out.push_str("No flow changed.\n");
    } else {
        let regressions = d.flows.iter().filter(|f| f.regression).count();
        let _ = writeln!(
            out,
            "{} flows changed{}.\n",
            d.flows.len(),
            if regressions > 0 {
                format!(", **{regressions} regressions**")
            } else {
                String::new()
            }
        );
        out.push_str("| flow | before | after | because of |\n|---|---|---|---|\n");
        for f in &d.flows {
            let cell = |s: &Option<FlowSide>| s.as_ref().map_or_else(|| "—".to_owned(), side);
            let mark = if f.regression { " ⚠️" } else { "" };
            let _ = writeln!(
                out,
                "| {}{mark} | {} | {} | {} |",
                flow_name(f).replace('|', "\\|"),
                cell(&f.before),
                cell(&f.after),
                f.causes.join(", ").replace('|', "\\|")
            );
        }
    }
    if !d.changes.is_empty() {
        out.push_str("\n<details><summary>Changed items</summary>\n\n");
        for c in &d.changes {
            let _ = writeln!(out, "- {}", change_line(c).replace('|', "\\|"));
        }
        out.push_str("\n</details>\n");
    }
    out
}
