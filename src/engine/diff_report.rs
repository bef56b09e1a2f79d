//! A [`Diff`] as text for the terminal and as Markdown for a pull-request comment, in the
//! reader's language (SARIF asks for English).

use std::fmt::Write as _;

use super::diff::{Aspect, Diff, FlowDiff, FlowSide};
use super::diff_design::{ChangeKind, ItemChange, ItemKind};
use crate::i18n::{Lang, Msg, current, words};
use crate::msg;

fn flow_kind(flow: &str) -> Msg {
    Msg::new(match flow {
        "kubectl_to_api" => "flow-kubectl-to-api",
        "api_to_kubelet" => "flow-api-to-kubelet",
        _ => "flow-kubelet-to-api",
    })
}

fn flow_name(f: &FlowDiff) -> Msg {
    msg!(
        "diff-flow-name",
        flow = flow_kind(f.flow),
        source = &f.source,
        target = &f.target,
        port = f.port.to_string()
    )
}

fn verdict(reachable: bool) -> Msg {
    Msg::new(if reachable {
        "diff-reachable"
    } else {
        "diff-blocked"
    })
}

fn exposure(s: &FlowSide) -> Msg {
    s.exposure
        .map_or_else(|| Msg::verbatim("?"), |e| Msg::verbatim(e.json_name()))
}

fn side(s: &FlowSide) -> Msg {
    let code = s
        .code
        .as_deref()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    msg!(
        "diff-side",
        verdict = verdict(s.reachable),
        code = code,
        exposure = exposure(s)
    )
}

fn dns(s: &FlowSide) -> Msg {
    s.dns_answer
        .as_deref()
        .or(s.dns.as_deref())
        .map_or_else(|| msg!("diff-dns-none"), Msg::verbatim)
}

fn item(kind: ItemKind) -> Msg {
    Msg::new(match kind {
        ItemKind::Component => "item-component",
        ItemKind::Connection => "item-connection",
        ItemKind::SecurityGroup => "item-security-group",
        ItemKind::NetworkAcl => "item-network-acl",
        ItemKind::Cluster => "item-cluster",
    })
}

/// The lines that describe one flow's change (without the heading).
fn flow_lines(f: &FlowDiff) -> Vec<Msg> {
    let mut out = Vec::new();
    match (f.change, &f.before, &f.after) {
        (ChangeKind::Added, _, Some(a)) => out.push(msg!("diff-new-flow", side = side(a))),
        (ChangeKind::Removed, Some(b), _) => out.push(msg!("diff-flow-gone", side = side(b))),
        (_, Some(b), Some(a)) => {
            for aspect in &f.aspects {
                out.push(match aspect {
                    Aspect::Verdict => msg!(
                        "diff-verdict",
                        before = verdict(b.reachable),
                        after = verdict(a.reachable)
                    ),
                    Aspect::Exposure => {
                        msg!("diff-exposure", before = exposure(b), after = exposure(a))
                    }
                    Aspect::Dns => msg!("diff-dns", before = dns(b), after = dns(a)),
                    Aspect::Path => msg!(
                        "diff-path",
                        before = b.hops.join(" › "),
                        after = a.hops.join(" › ")
                    ),
                });
            }
            if !a.reachable {
                out.push(msg!("diff-now", reason = a.reason.clone()));
            }
        }
        _ => {}
    }
    if !f.causes.is_empty() {
        out.push(msg!("diff-because", causes = f.causes.join(", ")));
    }
    out
}

/// One flow's change on one line: `kubelet → API: node-a → api-1 :443: exposure:
/// aws_public → none; because of: …` (SARIF results, the app's difference list).
pub fn flow_line(f: &FlowDiff, lang: Lang) -> String {
    let lines: Vec<String> = flow_lines(f).iter().map(|m| m.in_lang(lang)).collect();
    format!("{}: {}", flow_name(f).in_lang(lang), lines.join("; "))
}

/// One item's change on one line: `changed component subnet-a: route 0.0.0.0/0: nat →
/// removed`.
pub fn change_line(c: &ItemChange, lang: Lang) -> String {
    let (what, id) = (item(c.item), c.id.as_str());
    match c.change {
        ChangeKind::Added => msg!("diff-added", item = what, id = id),
        ChangeKind::Removed => msg!("diff-removed", item = what, id = id),
        ChangeKind::Changed => {
            let fields: Vec<String> = c
                .fields
                .iter()
                .map(|f| format!("{}: {} → {}", f.field, f.before, f.after))
                .collect();
            msg!(
                "diff-changed",
                item = what,
                id = id,
                fields = fields.join("; ")
            )
        }
    }
    .in_lang(lang)
}

/// The terminal text, in the current language.
pub fn text(d: &Diff) -> String {
    let lang = current();
    let mut out = String::new();
    if d.mode_old != d.mode_new {
        let m = msg!(
            "diff-mode",
            before = words::mode(d.mode_old),
            after = words::mode(d.mode_new)
        );
        let _ = writeln!(out, "{}", m.in_lang(lang));
    }
    if d.flows.is_empty() {
        let _ = writeln!(out, "{}", msg!("diff-no-flow").in_lang(lang));
    } else {
        let _ = writeln!(
            out,
            "{}",
            msg!("diff-flows-changed", count = d.flows.len()).in_lang(lang)
        );
    }
    for f in &d.flows {
        let mark = if f.regression {
            msg!("diff-regression-mark").in_lang(lang)
        } else {
            String::new()
        };
        let _ = writeln!(out, "\n{}{mark}", flow_name(f).in_lang(lang));
        for l in flow_lines(f) {
            let _ = writeln!(out, "  {}", l.in_lang(lang));
        }
    }
    if !d.changes.is_empty() {
        let n = msg!("diff-items-changed", count = d.changes.len());
        let _ = writeln!(out, "\n{}", n.in_lang(lang));
        for c in &d.changes {
            let _ = writeln!(out, "  {}", change_line(c, lang));
        }
    }
    out
}

/// Markdown for a pull-request comment, in the current language.
pub fn markdown(d: &Diff) -> String {
    let lang = current();
    let mut out = format!("{}\n\n", msg!("md-diff-title").in_lang(lang));
    if d.mode_old != d.mode_new {
        let m = msg!(
            "md-diff-mode",
            before = words::mode(d.mode_old),
            after = words::mode(d.mode_new)
        );
        let _ = writeln!(out, "{}\n", m.in_lang(lang));
    }
    if d.flows.is_empty() {
        let _ = writeln!(out, "{}", msg!("md-diff-no-flow").in_lang(lang));
    } else {
        let regressions = d.flows.iter().filter(|f| f.regression).count();
        let n = msg!(
            "md-diff-flows-changed",
            count = d.flows.len(),
            regressions = regressions
        );
        let _ = writeln!(out, "{}\n", n.in_lang(lang));
        let _ = writeln!(out, "{}", msg!("md-diff-table").in_lang(lang));
        out.push_str("|---|---|---|---|\n");
        for f in &d.flows {
            let cell = |s: &Option<FlowSide>| {
                s.as_ref()
                    .map_or_else(|| "—".to_owned(), |s| side(s).in_lang(lang))
            };
            let mark = if f.regression { " ⚠️" } else { "" };
            let _ = writeln!(
                out,
                "| {}{mark} | {} | {} | {} |",
                flow_name(f).in_lang(lang).replace('|', "\\|"),
                cell(&f.before),
                cell(&f.after),
                f.causes.join(", ").replace('|', "\\|")
            );
        }
    }
    if !d.changes.is_empty() {
        let summary = msg!("md-diff-items").in_lang(lang);
        let _ = writeln!(out, "\n<details><summary>{summary}</summary>\n");
        for c in &d.changes {
            let _ = writeln!(out, "- {}", change_line(c, lang).replace('|', "\\|"));
        }
        out.push_str("\n</details>\n");
    }
    out
}
