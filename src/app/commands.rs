//! Input and the apply step: shortcuts and dropped files become commands; queued
//! messages and commands change the design and the selection, here and only here.

use super::{EksplainApp, Pending};
use crate::editor::{Msg, Outcome, PasteAt, clipboard, snap};
use crate::engine::report;
use crate::model::{Edit, Point};
use crate::render::Theme;
use crate::t;
use crate::ui::canvas::CanvasAction;
use crate::ui::command::AppCommand;
use crate::ui::panels::Tool;

impl EksplainApp {
    /// Keyboard shortcuts, clipboard events, arrow keys and dropped files.
    pub(super) fn input_ui(&mut self, ctx: &egui::Context) {
        // A modal (a failure, an import's notes) takes the keys: nothing changes under it.
        if self.alert.is_none() && self.import_review.is_none() {
            self.keys_and_drops(ctx);
        }
        self.close_request(ctx);
    }

    fn keys_and_drops(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for &(command, sc) in AppCommand::shortcuts_most_specific_first() {
            if typing && command != AppCommand::Escape && command != AppCommand::Save {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&sc)) {
                self.queue.push(command);
            }
        }
        let (events, dropped) = ctx.input(|i| (i.events.clone(), i.raw.dropped_files.clone()));
        if !typing {
            for e in &events {
                match e {
                    egui::Event::Copy => self.queue.push(AppCommand::Copy),
                    egui::Event::Cut => self.queue.push(AppCommand::Cut),
                    egui::Event::Paste(text) => {
                        // Pasted fragments land under the pointer.
                        let at = self.canvas.pointer_canvas();
                        self.paste_text_at(text, at);
                    }
                    _ => {}
                }
            }
            let step = if ctx.input(|i| i.modifiers.shift) {
                1.0
            } else {
                crate::editor::GRID
            };
            // Walking through a flow, the arrows step instead of nudging.
            if self.walk.is_some() {
                let (back, on) = ctx.input_mut(|i| {
                    (
                        i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft),
                        i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight),
                    )
                });
                self.step_walk(i32::from(on) - i32::from(back));
            }
            for (key, dx, dy) in [
                (egui::Key::ArrowLeft, -step, 0.0),
                (egui::Key::ArrowRight, step, 0.0),
                (egui::Key::ArrowUp, 0.0, -step),
                (egui::Key::ArrowDown, 0.0, step),
            ] {
                if ctx.input_mut(|i| {
                    i.consume_key(egui::Modifiers::NONE, key)
                        || i.consume_key(egui::Modifiers::SHIFT, key)
                }) {
                    self.messages.push(Msg::Nudge(Point::new(dx, dy)));
                }
            }
        }
        if let Some(path) = dropped
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
        {
            let importable =
                |p: &std::path::Path| p.is_dir() || crate::import::has_input_extension(p);
            if path.extension().is_some_and(|e| e == "ron") {
                self.guarded(Pending::Open(Some(path)));
            } else if importable(&path) {
                let all: Vec<_> = dropped
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .filter(|p| importable(p))
                    .collect();
                self.run_pending(Pending::Import(Some(all)), None);
            } else {
                self.refused(format!(
                    "{} is not a .ron design, nor a .json or .yaml file or a folder to import",
                    path.display()
                ));
            }
        }
    }

    /// Closing the window with unsaved changes asks first.
    fn close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(Pending::Close);
        }
    }

    /// The apply step: every queued message, then every queued command.
    pub(super) fn apply_queued(&mut self, ctx: &egui::Context) {
        for msg in std::mem::take(&mut self.messages) {
            self.apply_msg(msg);
        }
        for command in std::mem::take(&mut self.queue) {
            self.run_command(command, ctx);
        }
    }

    /// Applies one message to the editor and reports the outcome in the status bar.
    fn apply_msg(&mut self, msg: Msg) {
        let selection = self.editor.selection().clone();
        let tool_done = matches!(msg, Msg::Place(..) | Msg::Connect(..));
        let from_field = matches!(msg, Msg::Edit(_));
        let fix = matches!(msg, Msg::ApplyFix(_));
        let outcome = self.editor.apply(msg);
        if fix && outcome == Outcome::Unchanged {
            // A fix the design already has: say so rather than nothing.
            self.info(t!("status-fix-already-there"));
        }
        if from_field {
            // A field that sent a refused value keeps it, with the reason.
            self.buffers.edit_outcome(match &outcome {
                Outcome::Refused(reason) => Some(reason.clone()),
                _ => None,
            });
        }
        match outcome {
            Outcome::Unchanged => {}
            Outcome::Changed(Some(note)) => self.info(note),
            Outcome::Changed(None) => {}
            Outcome::Refused(reason) => self.refused(reason),
        }
        if tool_done {
            self.tool = Tool::Select;
        }
        // Half-typed fields belong to what was selected.
        if *self.editor.selection() != selection {
            self.buffers.clear();
        }
    }

    /// The canvas's gestures, as messages for the next apply step.
    pub(super) fn canvas_messages(&mut self, actions: Vec<CanvasAction>) {
        for action in actions {
            self.messages.push(match action {
                CanvasAction::Select(ids) => Msg::Select(ids),
                CanvasAction::ToggleSelect(id) => Msg::Toggle(id),
                CanvasAction::SelectConnection(i) => Msg::SelectConnection(i),
                CanvasAction::ClearSelection => Msg::ClearSelection,
                CanvasAction::DragStart(ids) => Msg::BeginMove(ids),
                CanvasAction::DragTo(delta) => Msg::PreviewMove(delta),
                CanvasAction::ResizeStart(id, handle) => Msg::BeginResize(id, handle),
                CanvasAction::ResizeTo(delta) => Msg::PreviewResize(delta),
                CanvasAction::DragEnd | CanvasAction::ResizeEnd => Msg::Commit,
                CanvasAction::Place(kind, at) => Msg::Place(kind, at),
                CanvasAction::Connect(from, to) => Msg::Connect(from, to),
                CanvasAction::EditLabel(id, label) => {
                    let Some(mut c) = self.editor.design().component(&id).cloned() else {
                        continue;
                    };
                    c.label = label;
                    Msg::Edit(Edit::Replace(c))
                }
            });
        }
    }

    /// Pastes RON text of components (from this or another design) with its top-left
    /// corner at `at`, at the start of the next frame. Text that is not components is
    /// refused at once, with the reason.
    pub fn paste_text(&mut self, text: &str, at: Point) {
        self.paste_text_at(text, Some(at));
    }

    fn paste_text_at(&mut self, text: &str, at: Option<Point>) {
        match clipboard::parse(text) {
            Ok(fragment) => {
                let at = at.map_or(
                    PasteAt::Beside(Point::new(
                        2.0 * crate::editor::GRID,
                        2.0 * crate::editor::GRID,
                    )),
                    |p| PasteAt::Pointer(Point::new(snap(p.x), snap(p.y))),
                );
                self.messages.push(Msg::Paste(fragment, at));
            }
            Err(reason) => self.refused(reason),
        }
    }

    fn copy(&mut self, ctx: &egui::Context) -> bool {
        let selection = self.editor.selection().components();
        if selection.is_empty() {
            return false;
        }
        match clipboard::copy_text(self.editor.design(), selection) {
            Ok(text) => {
                ctx.copy_text(text.clone());
                self.clipboard = Some(text);
                let copied = match selection.iter().next() {
                    Some(id) if selection.len() == 1 => t!("status-copied-one", id = id),
                    _ => t!("status-copied", count = selection.len()),
                };
                self.info(copied);
                true
            }
            Err(e) => {
                self.error(e);
                false
            }
        }
    }

    pub(super) fn run_command(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::New => self.guarded(Pending::New),
            AppCommand::Open => self.guarded(Pending::Open(None)),
            AppCommand::OpenRecent(i) => {
                if let Some(p) = self.settings.recent.get(i).cloned() {
                    self.guarded(Pending::Open(Some(p)));
                }
            }
            AppCommand::OpenPreset(i) => self.guarded(Pending::Preset(i)),
            AppCommand::Import => self.run_pending(Pending::Import(None), None),
            AppCommand::TidyLayout => self.apply_msg(Msg::TidyLayout),
            AppCommand::Save => {
                self.save(false, None);
            }
            AppCommand::SaveAs => {
                self.save(true, None);
            }
            AppCommand::Undo => self.apply_msg(Msg::Undo),
            AppCommand::Redo => self.apply_msg(Msg::Redo),
            AppCommand::Copy => {
                self.copy(ctx);
            }
            AppCommand::Cut => {
                if self.copy(ctx) {
                    self.apply_msg(Msg::DeleteSelection);
                }
            }
            AppCommand::Paste => {
                if let Some(text) = self.clipboard.clone() {
                    self.paste_text_at(&text, None);
                    // Applied now: a command runs in the apply step already.
                    for msg in std::mem::take(&mut self.messages) {
                        self.apply_msg(msg);
                    }
                }
            }
            AppCommand::Duplicate => self.apply_msg(Msg::Duplicate),
            AppCommand::Delete => self.apply_msg(Msg::DeleteSelection),
            AppCommand::SelectAll => self.apply_msg(Msg::SelectAll),
            AppCommand::EditLabel => {
                let sel = self.editor.selection().components();
                if sel.len() == 1
                    && let Some(c) = sel
                        .iter()
                        .next()
                        .and_then(|id| self.editor.design().component(id))
                {
                    self.canvas.edit_label(&c.id, &c.label);
                }
            }
            AppCommand::WalkThrough => {
                if self.walk.take().is_none() {
                    // The highlighted flow, else the first blocked one, else the first.
                    let first = self.analysis.as_ref().and_then(|(_, a)| {
                        a.flows
                            .iter()
                            .position(|f| !f.reachable)
                            .or((!a.flows.is_empty()).then_some(0))
                    });
                    self.selected_flow = self.selected_flow.or(first);
                    self.walk = self.selected_flow.map(|_| 0);
                }
            }
            AppCommand::Escape => {
                if self.import_review.is_some() {
                    self.finish_import(false);
                } else if self.walk.is_some() {
                    self.walk = None;
                } else if self.canvas.is_editing_label() {
                    self.canvas.cancel_gesture();
                } else if self.editor.interaction().is_some() || self.canvas.is_interacting() {
                    self.apply_msg(Msg::Cancel);
                    self.canvas.cancel_gesture();
                } else if self.tool != Tool::Select {
                    self.tool = Tool::Select;
                } else {
                    self.apply_msg(Msg::ClearSelection);
                }
            }
            AppCommand::ConnectTool => {
                self.tool = if self.tool == Tool::Connect {
                    Tool::Select
                } else {
                    Tool::Connect
                };
            }
            AppCommand::FitView => self.canvas.request_fit(),
            AppCommand::ZoomIn => self.canvas.zoom_by(1.25),
            AppCommand::ZoomOut => self.canvas.zoom_by(0.8),
            AppCommand::ToggleTheme => {
                self.settings.theme = match self.settings.theme {
                    Theme::Light => Theme::Dark,
                    Theme::Dark => Theme::Light,
                };
            }
            AppCommand::Shortcuts => self.view.show_shortcuts = !self.view.show_shortcuts,
            AppCommand::ExportSvg => self.export("svg"),
            AppCommand::ExportPng => self.export("png"),
            AppCommand::ExportPdf => self.export("pdf"),
            AppCommand::ExportReport => self.export("md"),
            AppCommand::ExportMermaid => self.export("mmd"),
            AppCommand::TogglePaths => self.view.show_paths = !self.view.show_paths,
            AppCommand::TogglePanels => self.view.panels_hidden = !self.view.panels_hidden,
            AppCommand::SecurityEditor => self.security.open = !self.security.open,
            AppCommand::ToggleAnimation => self.view.animate = !self.view.animate,
            AppCommand::ToggleLegend => self.view.show_legend = !self.view.show_legend,
            AppCommand::CompareModes => self.view.show_compare = !self.view.show_compare,
            AppCommand::CompareWithFile => self.ask_path(super::DialogKind::CompareWith, ""),
            AppCommand::CompareWithSaved => self.compare_with_saved(),
            AppCommand::CompareWithRevision => {
                if matches!(self.source, super::Source::File(_)) {
                    self.ask_revision();
                } else {
                    self.refused(t!("baseline-no-git"));
                }
            }
            AppCommand::StopComparing => {
                if self.baseline.take().is_some() {
                    self.info(t!("status-stopped-comparing"));
                }
            }
            AppCommand::CopyReport => {
                if let Some((_, a)) = &self.analysis {
                    let name = self.source.file_name();
                    ctx.copy_text(report::to_markdown(&name, a));
                    self.info(t!("status-copied-report"));
                }
            }
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            AppCommand::SetLanguage(lang) => self.set_lang(lang),
        }
    }

    /// Moves the walk-through by `by` steps, within the flow's steps.
    fn step_walk(&mut self, by: i32) {
        let (Some(step), Some(flow)) = (self.walk, self.selected_flow) else {
            return;
        };
        let n = self
            .analysis
            .as_ref()
            .and_then(|(_, a)| a.flows.get(flow))
            .map_or(0, |f| f.steps.len());
        if n == 0 || by == 0 {
            return;
        }
        let next = if by < 0 {
            step.saturating_sub(by.unsigned_abs() as usize)
        } else {
            step.saturating_add(by.unsigned_abs() as usize).min(n - 1)
        };
        self.walk = Some(next);
    }
}
