//! View › Compare with…: the open design against another version of it (a file, the last
//! saved version, a git revision of the open file). The canvas ghosts the old paths that
//! changed; a window lists the differences, and clicking one focuses it.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::{EksplainApp, Source};
use crate::editor::Msg;
use crate::engine::diff::{Diff, diff};
use crate::engine::diff_design::{ChangeKind, ItemKind};
use crate::engine::diff_report;
use crate::io;
use crate::model::Design;
use crate::render::{Palette, Primitive};
use crate::t;
use crate::ui::flows::screen_text;

/// The design compared with, and the difference for the revision it was made at.
pub(super) struct Baseline {
    /// "the last saved version", "file old.ron", "git revision main".
    pub label: String,
    pub design: Design,
    diff: Option<(u64, Diff)>,
}

/// What a click in a difference list asks for.
pub(super) enum DiffAction {
    /// Select this flow (by kind, source, target and port) and show its path.
    Flow(&'static str, String, String, u16),
    /// Select and centre this component.
    Component(String),
}

/// The differences of `d`, each clickable (the item changes too when `items`); returns
/// what was clicked.
pub(super) fn difference_list_ui(
    ui: &mut egui::Ui,
    d: &Diff,
    items: bool,
    id: &str,
) -> Option<DiffAction> {
    let mut action = None;
    if d.flows.is_empty() {
        ui.label(t!("diff-no-flow-changed"));
    }
    ui.push_id(id, |ui| {
        for f in d.flows.iter().take(300) {
            let mut text = RichText::new(screen_text(&diff_report::flow_line(
                f,
                crate::i18n::current(),
            )));
            if f.regression {
                text = text.color(ui.visuals().error_fg_color);
            }
            let hover = if f.regression {
                t!("diff-regression-tip")
            } else {
                t!("diff-flow-tip")
            };
            if ui
                .add(egui::Button::selectable(false, text).wrap())
                .on_hover_text(hover)
                .clicked()
            {
                action = Some(DiffAction::Flow(
                    f.flow,
                    f.source.clone(),
                    f.target.clone(),
                    f.port,
                ));
            }
        }
        let changes: &[_] = if items { &d.changes } else { &[] };
        if !changes.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new(t!("compare-items-changed", count = changes.len())).strong());
        }
        for c in changes.iter().take(300) {
            let line = screen_text(&diff_report::change_line(c, crate::i18n::current()));
            let selectable = c.item == ItemKind::Component && c.change != ChangeKind::Removed;
            if selectable {
                if ui
                    .add(egui::Button::selectable(false, line).wrap())
                    .on_hover_text(t!("diff-select-tip"))
                    .clicked()
                {
                    action = Some(DiffAction::Component(c.id.clone()));
                }
            } else {
                ui.add(egui::Label::new(line).wrap());
            }
        }
    });
    action
}

impl EksplainApp {
    /// Compares the open design with the file at `path`.
    pub(super) fn compare_with_file(&mut self, path: &Path) {
        match io::load(path) {
            Ok((design, _)) => {
                self.set_baseline(
                    t!("baseline-file", path = path.display().to_string()),
                    design,
                );
            }
            Err(e) => self.alert(&t!("alert-cannot-compare"), e.to_string()),
        }
    }

    fn open_file_path(&self) -> Option<PathBuf> {
        match &self.source {
            Source::File(p) => Some(p.clone()),
            _ => None,
        }
    }

    /// Compares the open design with its file as last saved.
    pub(super) fn compare_with_saved(&mut self) {
        let Some(path) = self.open_file_path() else {
            self.refused(t!("baseline-not-saved"));
            return;
        };
        match io::load(&path) {
            Ok((design, _)) => self.set_baseline(t!("baseline-saved"), design),
            Err(e) => self.alert(&t!("alert-cannot-compare"), e.to_string()),
        }
    }

    /// Compares the open design with its file at git revision `rev`.
    pub(super) fn compare_with_revision(&mut self, rev: &str) {
        let Some(path) = self.open_file_path() else {
            self.refused(t!("baseline-no-git"));
            return;
        };
        let read = io::git::show_file(&path, rev).and_then(|text| {
            io::parse_design(&text, &path)
                .map(|(d, _)| d)
                .map_err(|e| e.to_string())
        });
        match read {
            Ok(design) => self.set_baseline(t!("baseline-revision", rev = rev.trim()), design),
            Err(e) => self.alert(&t!("alert-cannot-compare"), e),
        }
    }

    fn set_baseline(&mut self, label: String, design: Design) {
        self.info(t!("status-comparing-with", what = &label));
        self.baseline = Some(Baseline {
            label,
            design,
            diff: None,
        });
    }

    /// The difference with the baseline, made again when the design changed.
    fn baseline_diff(&mut self) -> Option<&Diff> {
        let revision = self.editor.revision();
        let design = self.editor.design();
        let b = self.baseline.as_mut()?;
        if b.diff.as_ref().is_none_or(|(r, _)| *r != revision) {
            b.diff = Some((revision, diff(&b.design, design, None, None)));
        }
        b.diff.as_ref().map(|(_, d)| d)
    }

    /// The old paths of the flows that changed, faint under today's flows.
    pub(super) fn baseline_ghosts(&mut self, palette: &Palette) -> Vec<Primitive> {
        if self.baseline.is_none() || !self.view.show_paths {
            return Vec::new();
        }
        let paths: Vec<Vec<String>> = self
            .baseline_diff()
            .map(|d| {
                d.flows
                    .iter()
                    .filter_map(|f| {
                        let before = f.before.as_ref()?;
                        let moved = f.after.as_ref().is_none_or(|a| a.hops != before.hops);
                        moved.then(|| before.hops.clone())
                    })
                    .take(60)
                    .collect()
            })
            .unwrap_or_default();
        let Some(b) = &self.baseline else {
            return Vec::new();
        };
        crate::render::ghosts::ghost_paths(self.editor.design(), &b.design, &paths, palette)
    }

    /// The window listing the differences with the baseline.
    pub(super) fn baseline_ui(&mut self, ctx: &egui::Context, area: egui::Rect) {
        // Made again only when the design changed; drawn from the baseline in place.
        if self.baseline_diff().is_none() {
            return;
        }
        let mut open = true;
        let mut action = None;
        if let Some(Baseline {
            label,
            diff: Some((_, d)),
            ..
        }) = &self.baseline
        {
            let below_menu = egui::Rect::from_min_max(area.left_top(), ctx.content_rect().max);
            egui::Window::new(t!("baseline-title"))
                .id(egui::Id::new("baseline"))
                .open(&mut open)
                // Bottom right, where a fitted design leaves the most room.
                .default_pos(area.right_bottom() + egui::vec2(-460.0, -330.0))
                .default_width(440.0)
                .constrain_to(below_menu)
                .show(ctx, |ui| {
                    ui.label(RichText::new(screen_text(label)).strong());
                    ui.label(
                        RichText::new(t!("baseline-legend", count = d.flows.len()))
                            .small()
                            .weak(),
                    );
                    ui.separator();
                    egui::ScrollArea::vertical()
                        .max_height(420.0)
                        .show(ui, |ui| {
                            action = difference_list_ui(ui, d, true, "baseline-diff");
                        });
                });
        }
        if !open {
            self.baseline = None;
            self.info(t!("status-stopped-comparing"));
        }
        if let Some(a) = action {
            self.diff_action(a);
        }
    }

    /// Focuses what a click in a difference list names.
    pub(super) fn diff_action(&mut self, action: DiffAction) {
        match action {
            DiffAction::Flow(kind, source, target, port) => {
                let found = self.analysis.as_ref().and_then(|(_, a)| {
                    a.flows.iter().position(|f| {
                        f.flow.json_name() == kind
                            && f.source == source.as_str()
                            && f.target == target.as_str()
                            && f.port == port
                    })
                });
                match found {
                    Some(i) => {
                        self.selected_flow = Some(i);
                        self.view.show_paths = true;
                        self.focus(&source);
                    }
                    None => self.info(format!("{source} → {target} is gone from this design")),
                }
            }
            DiffAction::Component(id) => self.focus(&id),
        }
    }

    fn focus(&mut self, id: &str) {
        if let Some(c) = self.editor.design().component(id) {
            self.canvas.center_on(c.rect().center());
            self.messages.push(Msg::Select(vec![id.to_owned()]));
        }
    }
}
