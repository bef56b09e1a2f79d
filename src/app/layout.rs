//! The window's layout: menus, toolbar, status bar, side panels, the canvas and the
//! windows over it. Everything here only queues messages and commands.

use super::{EksplainApp, PromptAnswer};
use crate::editor::Msg;
use crate::io::PRESETS;
use crate::model::{Edit, EndpointMode};
use crate::render::{Palette, Theme};
use crate::t;
use crate::ui::canvas::{CanvasInput, SyncKey};
use crate::ui::command::AppCommand;
use crate::ui::flows::{self as flows_ui, FlowAction};
use crate::ui::panels::{self, Tool};
use crate::ui::security as security_ui;

/// The right panel's width limits; its content wraps or scrolls inside them.
const SIDE_MIN: f32 = 260.0;
const SIDE_MAX: f32 = 480.0;

impl EksplainApp {
    pub(super) fn layout_ui(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        let ctx = ui.ctx().clone();
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_ui(ui);
            self.toolbar_ui(ui);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if !self.view.panels_hidden {
            self.side_panels_ui(ui, palette);
        }
        let mut area = ui.available_rect_before_wrap();
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                area = ui.max_rect();
                self.canvas_ui(ui, palette);
            });
        self.canvas_area = area;
        self.walk_caption_ui(&ctx, area);
        if let Some(e) = security_ui::security_window(
            &ctx,
            self.editor.design(),
            &mut self.security,
            &mut self.buffers,
            area,
        ) {
            self.messages.push(Msg::Edit(e));
        }
        self.prompt_ui(&ctx);
        self.shortcuts_ui(&ctx, area);
        self.compare_ui(&ctx, area);
        self.baseline_ui(&ctx, area);
    }

    fn canvas_ui(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        // Colours are baked into the drawing, so the theme is part of its key.
        // So are the words: a language switch draws it again.
        let dark = u64::from(self.settings.theme == Theme::Dark);
        let salt = (self.lang_epoch << 1) + dark;
        let key = SyncKey {
            revision: (self.editor.view_revision() << 20) + salt,
            content: (self.editor.content_revision() << 20) + salt,
        };
        let selection = self.editor.selection().components().clone();
        self.canvas
            .sync(self.editor.shown(), key, palette, &selection);
        self.canvas.set_selection(&selection);
        let placing = match self.tool {
            Tool::Place(k) => Some(k),
            _ => None,
        };
        let time = ui.ctx().input(|i| i.time);
        let (mut under, over) = self.flow_overlay(palette, time);
        // Compared with another version: its changed paths, faint, under today's.
        let ghosts = self.baseline_ghosts(palette);
        if !ghosts.is_empty() {
            under.splice(0..0, ghosts);
        }
        let flows = self.shown_flows.current();
        if self.view.animate && flows.is_some() {
            // Animate only while the window is in front; an unfocused window idles.
            if ui.ctx().input(|i| i.focused) {
                ui.ctx().request_repaint();
            }
        }
        let interaction = self.editor.interaction();
        // The legend follows the flow types shown and the theme; made again only then.
        let legend_key = (self.flows_view.filter.kinds, self.settings.theme);
        if self.legend.0 != Some(legend_key) {
            let kinds: Vec<crate::engine::FlowKind> = crate::engine::FlowKind::ALL
                .iter()
                .zip(legend_key.0)
                .filter(|(_, on)| *on)
                .map(|(k, _)| *k)
                .collect();
            self.legend = (
                Some(legend_key),
                crate::render::legend::legend(crate::model::Point::new(0.0, 0.0), &kinds, palette),
            );
        }
        let shown_legend = self.view.show_legend && self.view.show_paths;
        let input = CanvasInput {
            legend: if shown_legend { &self.legend.1 } else { &[] },
            selection: &selection,
            selected_connection: self.editor.selection().connection(),
            placing,
            connecting: self.tool == Tool::Connect,
            palette,
            under: &under,
            flows: (
                self.shown_flows.epoch(),
                flows.map_or(&[][..], |d| d.primitives.as_slice()),
            ),
            over: &over,
            tooltips: self.shown_flows.tooltips(),
            hover_areas: flows.map_or(&[][..], |d| d.hovers.as_slice()),
            fonts_epoch: self.fonts_epoch,
            resizing: interaction.and_then(crate::editor::Interaction::resize_handle),
            guides: interaction.map_or(&[][..], |i| i.guides.as_slice()),
            labels: self.editor.design(),
        };
        let (response, actions) = self.canvas.ui(ui, &input);
        self.canvas_messages(actions);
        response.context_menu(|ui| self.context_menu_ui(ui));
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let q = &mut self.queue;
        let selection = self.editor.selection();
        let has_sel = !selection.components().is_empty();
        let deletable = !selection.is_empty();
        let (can_undo, can_redo) = (self.editor.can_undo(), self.editor.can_redo());
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t!("menu-file"), |ui| {
                AppCommand::New.menu_button(ui, q, true);
                AppCommand::Open.menu_button(ui, q, true);
                ui.menu_button(t!("menu-open-recent"), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(t!("menu-no-recent"));
                    }
                    for (i, p) in self.settings.recent.iter().enumerate() {
                        if ui.button(p.display().to_string()).clicked() {
                            q.push(AppCommand::OpenRecent(i));
                            ui.close();
                        }
                    }
                });
                ui.menu_button(t!("menu-open-preset"), |ui| {
                    for i in 0..PRESETS.len() {
                        AppCommand::OpenPreset(i).menu_button(ui, q, true);
                    }
                });
                AppCommand::Import.menu_button(ui, q, true);
                ui.separator();
                AppCommand::Save.menu_button(ui, q, true);
                AppCommand::SaveAs.menu_button(ui, q, true);
                ui.separator();
                AppCommand::Quit.menu_button(ui, q, true);
            });
            ui.menu_button(t!("menu-edit"), |ui| {
                AppCommand::Undo.menu_button(ui, q, can_undo);
                AppCommand::Redo.menu_button(ui, q, can_redo);
                ui.separator();
                AppCommand::Cut.menu_button(ui, q, has_sel);
                AppCommand::Copy.menu_button(ui, q, has_sel);
                AppCommand::Paste.menu_button(ui, q, self.clipboard.is_some());
                AppCommand::Duplicate.menu_button(ui, q, has_sel);
                AppCommand::Delete.menu_button(ui, q, deletable);
                AppCommand::EditLabel.menu_button(ui, q, selection.components().len() == 1);
                ui.separator();
                AppCommand::SelectAll.menu_button(ui, q, true);
                AppCommand::ConnectTool.menu_button(ui, q, true);
                ui.separator();
                AppCommand::SecurityEditor.menu_button(ui, q, true);
            });
            ui.menu_button(t!("menu-arrange"), |ui| {
                AppCommand::TidyLayout.menu_button(ui, q, true);
            });
            ui.menu_button(t!("menu-export"), |ui| {
                AppCommand::ExportSvg.menu_button(ui, q, true);
                AppCommand::ExportPng.menu_button(ui, q, true);
                AppCommand::ExportPdf.menu_button(ui, q, true);
                AppCommand::ExportReport.menu_button(ui, q, true);
                AppCommand::ExportMermaid.menu_button(ui, q, true);
                AppCommand::CopyReport.menu_button(ui, q, true);
            });
            ui.menu_button(t!("menu-view"), |ui| {
                AppCommand::FitView.menu_button(ui, q, true);
                AppCommand::ZoomIn.menu_button(ui, q, true);
                AppCommand::ZoomOut.menu_button(ui, q, true);
                let mut hidden = self.view.panels_hidden;
                if ui.checkbox(&mut hidden, t!("cmd-toggle-panels")).changed() {
                    q.push(AppCommand::TogglePanels);
                    ui.close();
                }
                AppCommand::TogglePaths.menu_button(ui, q, true);
                let mut legend = self.view.show_legend;
                if ui.checkbox(&mut legend, t!("cmd-toggle-legend")).changed() {
                    q.push(AppCommand::ToggleLegend);
                    ui.close();
                }
                AppCommand::ToggleAnimation.menu_button(ui, q, true);
                AppCommand::CompareModes.menu_button(ui, q, true);
                let comparing = self.baseline.is_some();
                let saved = matches!(self.source, super::Source::File(_));
                ui.menu_button(t!("menu-compare-with"), |ui| {
                    AppCommand::CompareWithFile.menu_button(ui, q, true);
                    AppCommand::CompareWithSaved.menu_button(ui, q, saved);
                    AppCommand::CompareWithRevision.menu_button(ui, q, saved);
                    ui.separator();
                    AppCommand::StopComparing.menu_button(ui, q, comparing);
                });
                AppCommand::WalkThrough.menu_button(ui, q, true);
                AppCommand::CopyReport.menu_button(ui, q, true);
                let mut dark = self.settings.theme == Theme::Dark;
                if ui.checkbox(&mut dark, t!("cmd-toggle-theme")).changed() {
                    q.push(AppCommand::ToggleTheme);
                    ui.close();
                }
                ui.menu_button(t!("menu-language"), |ui| {
                    let now = crate::i18n::current();
                    for lang in crate::i18n::Lang::ALL {
                        if ui.radio(now == lang, lang.native_name()).clicked() {
                            q.push(AppCommand::SetLanguage(lang));
                            ui.close();
                        }
                    }
                });
            });
            ui.menu_button(t!("menu-help"), |ui| {
                AppCommand::Shortcuts.menu_button(ui, q, true);
            });
        });
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for command in [
                AppCommand::New,
                AppCommand::Open,
                AppCommand::Save,
                AppCommand::Undo,
                AppCommand::Redo,
                AppCommand::Delete,
                AppCommand::FitView,
            ] {
                let (text, tip) = command.text_and_tooltip();
                let enabled = match command {
                    AppCommand::Undo => self.editor.can_undo(),
                    AppCommand::Redo => self.editor.can_redo(),
                    AppCommand::Delete => !self.editor.selection().is_empty(),
                    _ => true,
                };
                let text = text.trim_end_matches('…').to_lowercase();
                if ui
                    .add_enabled(enabled, egui::Button::new(text))
                    .on_hover_text(tip)
                    .clicked()
                {
                    self.queue.push(command);
                }
            }
            ui.separator();
            let connecting = self.tool == Tool::Connect;
            if ui
                .selectable_label(connecting, t!("toolbar-connect"))
                .on_hover_text(t!("toolbar-connect-tip"))
                .clicked()
            {
                self.queue.push(AppCommand::ConnectTool);
            }
            if let Tool::Place(kind) = self.tool {
                ui.label(t!("toolbar-place", kind = crate::i18n::words::kind(kind)));
            }
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let design = self.editor.design();
            let mode = crate::i18n::words::mode(design.cluster.mode());
            ui.label(t!("status-mode", mode = mode));
            ui.separator();
            ui.label(t!("status-components", count = design.components.len()));
            ui.separator();
            ui.label(self.editor.selection().summary());
            ui.separator();
            if let Some(z) = self.canvas.zoom() {
                let zoom = ui
                    .add(egui::Button::new(format!("{:.0} %", z * 100.0)).frame(false))
                    .on_hover_text(t!("status-zoom-tip"));
                if zoom.clicked() {
                    self.queue.push(AppCommand::FitView);
                }
                ui.separator();
            }
            if let Some(s) = &self.status {
                let text = egui::RichText::new(&s.text);
                let text = if s.is_error {
                    text.color(ui.visuals().error_fg_color)
                } else {
                    text
                };
                // One line, so the canvas never moves; the whole message on hover.
                ui.add(egui::Label::new(text).truncate())
                    .on_hover_text(&s.text);
            }
        });
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) {
        if self.prompt.is_none() {
            return;
        }
        let mut answer = None;
        egui::Modal::new(egui::Id::new("unsaved-prompt")).show(ctx, |ui| {
            ui.heading(t!("prompt-unsaved"));
            ui.label(t!("prompt-unsaved-question"));
            ui.horizontal(|ui| {
                if ui.button(t!("button-save")).clicked() {
                    answer = Some(PromptAnswer::Save);
                }
                if ui.button(t!("button-discard")).clicked() {
                    answer = Some(PromptAnswer::Discard);
                }
                if ui.button(t!("button-cancel")).clicked() {
                    answer = Some(PromptAnswer::Cancel);
                }
            });
        });
        if let Some(a) = answer {
            self.answer_prompt(a, Some(ctx));
        }
    }

    fn shortcuts_ui(&mut self, ctx: &egui::Context, area: egui::Rect) {
        let mut open = self.view.show_shortcuts;
        egui::Window::new(t!("shortcuts-title"))
            .id(egui::Id::new("shortcuts"))
            .open(&mut open)
            .resizable(false)
            .default_pos(area.left_top() + egui::vec2(120.0, 140.0))
            .constrain_to(area)
            .vscroll(true)
            .max_height((area.height() - 40.0).max(120.0))
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").num_columns(2).show(ui, |ui| {
                    for command in AppCommand::WITH_SHORTCUTS {
                        let keys: Vec<String> = command
                            .kb_shortcuts()
                            .iter()
                            .map(|s| ctx.format_shortcut(s))
                            .collect();
                        ui.label(command.text_and_tooltip().0);
                        ui.label(keys.join(", "));
                        ui.end_row();
                    }
                    for (what, keys) in [
                        (t!("shortcut-nudge"), t!("shortcut-nudge-keys")),
                        (
                            t!("shortcut-select-several"),
                            t!("shortcut-select-several-keys"),
                        ),
                        (t!("shortcut-box-select"), t!("shortcut-box-select-keys")),
                        (t!("shortcut-edit-label"), t!("shortcut-edit-label-keys")),
                        (t!("shortcut-pan"), t!("shortcut-pan-keys")),
                        (t!("shortcut-zoom"), t!("shortcut-zoom-keys")),
                    ] {
                        ui.label(what);
                        ui.label(keys);
                        ui.end_row();
                    }
                });
            });
        self.view.show_shortcuts = open;
    }

    /// The inspector of the selected component or connection, or a hint when nothing is
    /// selected.
    fn inspector_section_ui(&mut self, ui: &mut egui::Ui) {
        let selection = self.editor.selection();
        let design = self.editor.design();
        match selection.components().len() {
            0 => match selection.connection() {
                Some(i) => {
                    if let Some(e) = panels::connection_ui(ui, design, i, &mut self.buffers) {
                        self.messages.push(Msg::Edit(e));
                    }
                }
                None => {
                    ui.label(t!("inspector-nothing-selected"));
                }
            },
            1 => {
                let id = selection
                    .components()
                    .iter()
                    .next()
                    .cloned()
                    .unwrap_or_default();
                if let Some(e) =
                    panels::inspector_ui(ui, design, &id, &mut self.buffers, &mut self.security)
                {
                    self.messages.push(Msg::Edit(e));
                }
            }
            n => {
                ui.label(t!("inspector-many-selected", count = n));
            }
        }
        ui.separator();
    }

    /// The canvas's right-click menu: the commands for what was clicked.
    fn context_menu_ui(&mut self, ui: &mut egui::Ui) {
        let selection = self.editor.selection();
        let has_sel = !selection.components().is_empty();
        let one = selection.components().len() == 1;
        let deletable = !selection.is_empty();
        let q = &mut self.queue;
        AppCommand::Cut.menu_button(ui, q, has_sel);
        AppCommand::Copy.menu_button(ui, q, has_sel);
        AppCommand::Paste.menu_button(ui, q, true);
        AppCommand::Duplicate.menu_button(ui, q, has_sel);
        AppCommand::Delete.menu_button(ui, q, deletable);
        AppCommand::EditLabel.menu_button(ui, q, one);
        ui.separator();
        AppCommand::ConnectTool.menu_button(ui, q, true);
        AppCommand::SecurityEditor.menu_button(ui, q, true);
        ui.separator();
        AppCommand::FitView.menu_button(ui, q, true);
        AppCommand::SelectAll.menu_button(ui, q, true);
    }

    /// The problems list, the palette and the right-hand panel (cluster, flows, findings,
    /// inspector).
    fn side_panels_ui(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        let problems = std::mem::take(&mut self.problems.1);
        // Two fixed heights (none, some), so the canvas does not jump as the list changes.
        let height = if problems.is_empty() { 26.0 } else { 110.0 };
        egui::Panel::bottom("problems")
            .exact_size(height)
            .show(ui, |ui| {
                let header = if problems.is_empty() {
                    t!("problems-none")
                } else {
                    t!("problems-count", count = problems.len())
                };
                ui.label(egui::RichText::new(header).strong());
                if let Some(id) = panels::problems_ui(ui, &problems) {
                    self.messages.push(Msg::Select(vec![id]));
                }
            });
        self.problems.1 = problems;
        egui::Panel::left("palette").resizable(true).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                panels::palette_ui(ui, &mut self.tool, palette, self.fonts_epoch);
            });
        });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(300.0)
            .min_size(SIDE_MIN)
            .max_size(SIDE_MAX)
            .show(ui, |ui| {
                // Both ways: content wider than the panel scrolls instead of widening it
                // (a panel takes the width of what it holds, and keeps it).
                let width = ui.available_width();
                egui::ScrollArea::both()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        // Text wraps at the panel's width; only what cannot wrap scrolls.
                        ui.set_max_width(width);
                        self.right_panel_ui(ui, palette);
                    });
            });
    }

    fn right_panel_ui(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        // The selection's properties first, where they stay put as the flows list below
        // grows and shrinks.
        self.inspector_section_ui(ui);
        egui::CollapsingHeader::new(t!("panel-cluster"))
            .id_salt("panel-cluster")
            .default_open(true)
            .show(ui, |ui| {
                if let Some(e) = panels::cluster_ui(
                    ui,
                    self.editor.design(),
                    &mut self.buffers,
                    &mut self.security,
                ) {
                    self.messages.push(Msg::Edit(e));
                }
            });
        egui::CollapsingHeader::new(t!("panel-flows"))
            .id_salt("panel-flows")
            .default_open(true)
            .show(ui, |ui| {
                if let Some((revision, a)) = &self.analysis {
                    let actions = flows_ui::flows_ui(
                        ui,
                        self.editor.design(),
                        a,
                        *revision,
                        &mut self.flows_view,
                        self.selected_flow,
                        palette,
                    );
                    for action in actions {
                        match action {
                            FlowAction::SelectFlow(i) => self.selected_flow = i,
                            FlowAction::Focus(id) => {
                                if let Some(c) = self.editor.design().component(&id) {
                                    self.canvas.center_on(c.rect().center());
                                }
                                self.messages.push(Msg::Select(vec![id]));
                            }
                            FlowAction::CopyReport => {
                                self.queue.push(AppCommand::CopyReport);
                            }
                            FlowAction::ApplyFix(fix) => {
                                self.messages.push(Msg::ApplyFix(fix));
                            }
                        }
                    }
                }
            });
        egui::CollapsingHeader::new(t!("panel-findings"))
            .id_salt("panel-findings")
            .default_open(true)
            .show(ui, |ui| {
                if let Some(id) = self.policy_findings_ui(ui) {
                    self.messages.push(Msg::Select(vec![id]));
                }
                if let Some((_, a)) = &self.analysis {
                    match flows_ui::findings_ui(ui, a) {
                        Some(flows_ui::FindingAction::Select(id)) => {
                            self.messages.push(Msg::Select(vec![id]));
                        }
                        Some(flows_ui::FindingAction::ApplyFix(fix)) => {
                            self.messages.push(Msg::ApplyFix(fix));
                        }
                        None => {}
                    }
                }
            });
    }

    fn compare_ui(&mut self, ctx: &egui::Context, area: egui::Rect) {
        if !self.view.show_compare {
            return;
        }
        let revision = self.editor.revision();
        if self.compare.as_ref().is_none_or(|(k, ..)| *k != revision) {
            let d = self.editor.design();
            let step = |a, b| crate::engine::diff::diff(d, d, Some(a), Some(b));
            let diffs = [
                step(EndpointMode::Public, EndpointMode::PublicPrivate),
                step(EndpointMode::PublicPrivate, EndpointMode::Private),
            ];
            self.compare = Some((revision, flows_ui::compare(d), diffs));
        }
        let mut open = true;
        let mut apply = None;
        let mut clicked = None;
        if let Some((_, analyses, [to_both, to_private])) = &self.compare {
            let current = self.editor.design().cluster.mode();
            // Wide enough for three columns, over the canvas rather than the menus.
            // It may reach over the right panel: three columns need the room.
            let screen = ctx.content_rect();
            let width = 960.0_f32
                .min(screen.width() - area.left() - 16.0)
                .max(300.0);
            let below_menu = egui::Rect::from_min_max(area.left_top(), screen.max);
            egui::Window::new(t!("compare-title"))
                .id(egui::Id::new("compare-modes"))
                .open(&mut open)
                .default_pos(area.left_top() + egui::vec2(60.0, 80.0))
                .default_width(width)
                .min_width(width.min(720.0))
                .constrain_to(below_menu)
                .show(ctx, |ui| {
                    apply = flows_ui::comparison_ui(ui, analyses, current);
                    ui.add_space(8.0);
                    // The same difference view as Compare with: click one to show it.
                    egui::ScrollArea::vertical()
                        .id_salt("mode-differences")
                        .max_height(260.0)
                        .show(ui, |ui| {
                            let name = |m| crate::i18n::words::mode(Some(m)).to_string();
                            for (d, (from, to), id) in [
                                (
                                    to_both,
                                    (EndpointMode::Public, EndpointMode::PublicPrivate),
                                    "modes-1",
                                ),
                                (
                                    to_private,
                                    (EndpointMode::PublicPrivate, EndpointMode::Private),
                                    "modes-2",
                                ),
                            ] {
                                let title = format!("{} → {}", name(from), name(to));
                                ui.label(
                                    egui::RichText::new(flows_ui::screen_text(&title)).strong(),
                                );
                                // One design in two modes: only the flows differ.
                                if let Some(a) =
                                    super::baseline::difference_list_ui(ui, d, false, id)
                                {
                                    clicked = Some(a);
                                }
                            }
                        });
                });
        }
        self.view.show_compare = open;
        if let Some(a) = clicked {
            self.diff_action(a);
        }
        if let Some(mode) = apply {
            let mut cluster = self.editor.design().cluster.clone();
            cluster.set_mode(mode);
            self.messages.push(Msg::Edit(Edit::SetCluster(cluster)));
            self.info(t!(
                "status-switching-mode",
                mode = crate::i18n::words::mode(Some(mode))
            ));
        }
    }

    /// The walk-through's caption over the top of the canvas: who, which step, its sentence.
    fn walk_caption_ui(&self, ctx: &egui::Context, area: egui::Rect) {
        let (Some(step), Some(flow)) = (self.walk, self.selected_flow) else {
            return;
        };
        let Some(f) = self.analysis.as_ref().and_then(|(_, a)| a.flows.get(flow)) else {
            return;
        };
        let caption = crate::render::legend::step_caption(f, step);
        egui::Area::new(egui::Id::new("walk-caption"))
            .fixed_pos(area.left_top() + egui::vec2(12.0, 10.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width((area.width() - 48.0).max(200.0));
                    ui.add(egui::Label::new(egui::RichText::new(caption).strong()).wrap());
                    ui.label(egui::RichText::new(t!("walk-keys")).small().weak());
                });
            });
    }
}
