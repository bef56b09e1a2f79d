//! The team policy in the window: `policy.ron` beside the open file or at the root of its
//! repository, as `eksplain check` finds it; its violations are listed among the findings,
//! marked "policy".

use std::path::PathBuf;

use egui::RichText;

use super::{EksplainApp, Source};
use crate::engine::policy::{Policy, Violation, evaluate};
use crate::ui::flows::screen_text;

/// The policy found for the open file, and its violations for a design revision.
#[derive(Default)]
pub(super) struct TeamPolicy {
    /// What the lookup was made for: the open file and the design revision.
    key: Option<(Option<PathBuf>, u64)>,
    /// The policy file and what reading it gave.
    found: Option<(PathBuf, Result<Policy, String>)>,
    violations: Vec<Violation>,
}

impl EksplainApp {
    /// Finds and reads the policy again when the open file or the design changed.
    fn refresh_policy(&mut self) {
        let file = match &self.source {
            Source::File(p) => Some(p.clone()),
            _ => None,
        };
        let revision = self.editor.revision();
        let key = Some((file.clone(), revision));
        if self.team_policy.key == key {
            return;
        }
        self.team_policy.key = key;
        self.team_policy.found = file
            .as_deref()
            .and_then(crate::io::policy::find_policy)
            .map(|p| {
                let read = crate::io::policy::load_policy(&p).map_err(|e| e.to_string());
                (p, read)
            });
        self.team_policy.violations = match (&self.team_policy.found, &self.analysis) {
            (Some((_, Ok(policy))), Some((_, analysis))) => {
                evaluate(policy, self.editor.design(), analysis)
            }
            _ => Vec::new(),
        };
    }

    /// The policy's part of the findings; returns a component to select.
    pub(super) fn policy_findings_ui(&mut self, ui: &mut egui::Ui) -> Option<String> {
        self.refresh_policy();
        let (path, read) = self.team_policy.found.as_ref()?;
        let mut picked = None;
        let error = ui.visuals().error_fg_color;
        ui.add_space(4.0);
        match read {
            Err(e) => {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "⛔ {}",
                            crate::t!("policy-error", error = e.as_str())
                        ))
                        .color(error),
                    )
                    .wrap(),
                );
            }
            Ok(policy) => {
                let name = if policy.name.is_empty() {
                    path.display().to_string()
                } else {
                    policy.name.clone()
                };
                let summary = if self.team_policy.violations.is_empty() {
                    crate::t!("policy-all-hold", name = name, count = policy.rules.len())
                } else {
                    crate::t!(
                        "policy-violations",
                        name = name,
                        count = self.team_policy.violations.len()
                    )
                };
                ui.label(RichText::new(summary).strong())
                    .on_hover_text(path.display().to_string());
                for v in &self.team_policy.violations {
                    let text = crate::t!(
                        "policy-violation-line",
                        rule = &v.rule,
                        message = &v.message,
                        fix = &v.fix
                    );
                    let resp = ui.add(
                        egui::Label::new(RichText::new(screen_text(&text)).color(error))
                            .wrap()
                            .sense(egui::Sense::click()),
                    );
                    if let Some(id) = v.component.as_ref().or(v.flow.as_ref().map(|f| &f.source))
                        && resp
                            .on_hover_text(crate::t!("tip-select-id", id = id))
                            .clicked()
                    {
                        picked = Some(id.clone());
                    }
                }
            }
        }
        picked
    }

    /// The violations of the team policy, for tests and the status bar.
    pub fn policy_violations(&self) -> &[Violation] {
        &self.team_policy.violations
    }
}
