//! A policy's verdict in the reports of `check`: text, Markdown and JSON.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::policy::{Policy, Violation};

/// Which policy a design was held to, and what broke it.
pub struct Verdict<'a> {
    /// The policy.
    pub policy: &'a Policy,
    /// Its file, as the user named it or as it was found.
    pub file: &'a str,
    /// The violations, rule by rule.
    pub violations: &'a [Violation],
}

impl Verdict<'_> {
    fn title(&self) -> String {
        if self.policy.name.is_empty() {
            crate::t!("pol-title-file", file = self.file)
        } else {
            crate::t!("pol-title", name = &self.policy.name, file = self.file)
        }
    }

    fn subject(v: &Violation) -> String {
        match (&v.flow, &v.component) {
            (Some(f), _) => format!(" [{} {} → {}]", f.flow, f.source, f.target),
            (None, Some(c)) => format!(" [{c}]"),
            (None, None) => String::new(),
        }
    }

    /// The text section, appended to `check`'s report.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let rules = self.policy.rules.len();
        let title = self.title();
        if self.violations.is_empty() {
            let line = crate::t!("pol-text-all-hold", title = title, rules = rules);
            let _ = writeln!(out, "\n{line}");
            return out;
        }
        let line = crate::t!(
            "pol-text-violations",
            title = title,
            rules = rules,
            count = self.violations.len()
        );
        let _ = writeln!(out, "\n{line}");
        for v in self.violations {
            let _ = writeln!(out, "  {}{}: {}", v.rule, Self::subject(v), v.message);
            let _ = writeln!(out, "    {}", crate::t!("report-fix", fix = v.fix.clone()));
        }
        out
    }

    /// The Markdown section.
    pub fn markdown(&self) -> String {
        let mut out = format!("\n### {}\n\n", self.title());
        if self.violations.is_empty() {
            let line = crate::t!("pol-md-all-hold", rules = self.policy.rules.len());
            let _ = writeln!(out, "{line}");
            return out;
        }
        let _ = writeln!(out, "{}", crate::t!("pol-md-table"));
        out.push_str("|---|---|---|---|\n");
        for v in self.violations {
            let at = Self::subject(v);
            let at = at.trim().trim_start_matches('[').trim_end_matches(']');
            let cell = |s: &str| s.replace('|', "\\|");
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                v.rule,
                cell(at),
                cell(&v.message.to_string()),
                cell(&v.fix.to_string())
            );
        }
        out
    }

    /// The `policy` member of the JSON report.
    pub fn json(&self) -> Value {
        json!({
            "file": self.file,
            "name": self.policy.name,
            "rules": self.policy.rules.iter().map(super::policy::Rule::id).collect::<Vec<_>>(),
            "violations": self.violations,
        })
    }
}
