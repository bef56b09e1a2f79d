//! SARIF 2.1.0 output of `check` and `diff`, so that GitHub code scanning and other SARIF
//! viewers annotate the design file in a pull request: each result is located at the line
//! of the component it concerns.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::diff::Diff;
use super::policy::Violation;
use super::{Analysis, Finding, FlowResult, Level};
use crate::i18n::Msg;

/// The schema the output follows.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where results point: the design file as the repository names it, and the line of each
/// id in it (`io::locate::id_lines`).
pub struct Place<'a> {
    /// The file's path, relative to the repository root, with `/` separators.
    pub uri: &'a str,
    /// Line of each component, group and ACL id; `cluster` for the cluster settings.
    pub lines: &'a HashMap<String, usize>,
}

impl Place<'_> {
    fn location(&self, component: Option<&str>) -> Value {
        let line = component
            .and_then(|c| self.lines.get(c))
            .or_else(|| self.lines.get("cluster"))
            .copied()
            .unwrap_or(1);
        let mut loc = json!({
            "physicalLocation": {
                "artifactLocation": {"uri": self.uri},
                "region": {"startLine": line},
            }
        });
        if let Some(c) = component {
            loc["logicalLocations"] = json!([{"name": c, "kind": "object"}]);
        }
        loc
    }
}

/// The rules results refer to, in order of first use, and the results.
#[derive(Default)]
struct Run {
    rules: Vec<(String, String, &'static str)>,
    results: Vec<Value>,
}

impl Run {
    fn add(
        &mut self,
        rule: &str,
        summary: &str,
        level: &'static str,
        message: &str,
        location: &Value,
    ) {
        let index = if let Some(i) = self.rules.iter().position(|(id, ..)| id == rule) {
            i
        } else {
            self.rules
                .push((rule.to_owned(), summary.to_owned(), level));
            self.rules.len() - 1
        };
        self.results.push(json!({
            "ruleId": rule,
            "ruleIndex": index,
            "level": level,
            "message": {"text": message},
            "locations": [location],
        }));
    }

    fn finish(self) -> Value {
        let rules: Vec<Value> = self
            .rules
            .into_iter()
            .map(|(id, summary, level)| {
                json!({
                    "id": id,
                    "shortDescription": {"text": summary},
                    "defaultConfiguration": {"level": level},
                })
            })
            .collect();
        json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "eksplain",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "results": self.results,
            }],
        })
    }
}

fn flow_title(f: &FlowResult) -> String {
    let target = if f.target.is_empty() { "?" } else { &f.target };
    format!("{} {} → {target}", f.flow.human(), f.source)
}

fn with_fix(text: String, fix: Option<&str>) -> String {
    match fix {
        Some(fix) => format!("{}. Fix: {fix}", text.trim_end_matches('.')),
        None => text,
    }
}

fn finding(run: &mut Run, place: &Place<'_>, f: &Finding) {
    let level = match f.level {
        Level::Error => "error",
        Level::Warning => "warning",
    };
    run.add(
        f.code.as_str(),
        f.code.as_str(),
        level,
        &with_fix(f.message.en(), f.fix.as_ref().map(Msg::en).as_deref()),
        &place.location(f.component.as_deref()),
    );
}

/// `check --format sarif`: blocked flows and configuration errors as errors, warnings as
/// warnings, policy violations as errors under `policy/RULE`.
pub fn check(place: &Place<'_>, analysis: &Analysis, violations: &[Violation]) -> Value {
    let mut run = Run::default();
    for f in analysis.flows.iter().filter(|f| !f.reachable) {
        let code = f.code.map_or("BLOCKED", super::Code::as_str);
        let at = f.blocked_at.as_deref().unwrap_or(&f.source);
        run.add(
            code,
            code,
            "error",
            &with_fix(
                format!("{} is blocked: {}", flow_title(f), f.reason.en()),
                f.fix.as_ref().map(Msg::en).as_deref(),
            ),
            &place.location(Some(at)),
        );
    }
    for e in &analysis.errors {
        finding(&mut run, place, e);
    }
    for w in &analysis.warnings {
        finding(&mut run, place, w);
    }
    for v in violations {
        let summary = format!("policy rule {}", v.rule);
        run.add(
            &format!("policy/{}", v.rule),
            &summary,
            "error",
            &format!(
                "{} (policy {}). Fix: {}",
                v.message.en(),
                v.rule,
                v.fix.en()
            ),
            &place.location(v.component.as_deref()),
        );
    }
    run.finish()
}

/// `diff --format sarif`: each changed flow, located at the first changed item on or
/// next to its path in the new design; a regression is a warning, any other change a note.
pub fn diff(place: &Place<'_>, d: &Diff) -> Value {
    let mut run = Run::default();
    for f in &d.flows {
        let cause = f
            .causes
            .iter()
            .filter_map(|c| c.split_once(' ').map(|(_, id)| id))
            .find(|id| place.lines.contains_key(*id))
            .unwrap_or(&f.source);
        let (rule, summary, level) = if f.regression {
            (
                "diff/regression",
                "a flow became blocked or more exposed",
                "warning",
            )
        } else {
            ("diff/change", "a flow changed", "note")
        };
        let what = super::diff_report::flow_line(f, crate::i18n::Lang::En);
        run.add(rule, summary, level, &what, &place.location(Some(cause)));
    }
    run.finish()
}
