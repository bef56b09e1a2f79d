//! The application: the window around the [`Editor`]. Each frame runs in a fixed order:
//! input (shortcuts and dropped files become commands) → apply (queued messages and
//! commands change the design and selection, in [`EksplainApp::apply_queued`], the only
//! place they change) → derive (validation, analysis) → draw (panels and canvas, which
//! only queue messages for the next frame).

mod baseline;
mod commands;
mod dialogs;
mod files;
mod layout;
mod overlay;
mod recovery;
mod team_policy;

use std::path::PathBuf;

use crate::editor::{Editor, Msg};
use crate::engine::{Analysis, FlowKind, analyze};
use crate::io::watch::FileWatch;
use crate::model::{Design, Edit, Problem};
use crate::render::{Palette, Theme};
use crate::ui::canvas::Canvas;
use crate::ui::command::AppCommand;
use crate::ui::flows::FlowsView;
use crate::ui::paint::FontsWatch;
use crate::ui::panels::{Buffers, Tool};
use crate::ui::security::SecurityView;
use crate::ui::theme;

pub use dialogs::DialogKind;
pub use files::{Pending, PromptAnswer, Source};
pub use recovery::install_panic_hook;

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Shown as an error.
    pub is_error: bool,
}

/// Settings kept between runs.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Light or dark.
    pub theme: Theme,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The language chosen in View › Language; the system's until the user picks one.
    pub lang: Option<crate::i18n::Lang>,
}

/// View toggles of the window.
#[derive(Clone, Debug)]
#[expect(clippy::struct_excessive_bools, reason = "independent view toggles")]
struct View {
    show_paths: bool,
    show_legend: bool,
    panels_hidden: bool,
    animate: bool,
    show_compare: bool,
    show_shortcuts: bool,
}

impl Default for View {
    fn default() -> Self {
        Self {
            show_paths: true,
            show_legend: true,
            panels_hidden: false,
            animate: false,
            show_compare: false,
            show_shortcuts: false,
        }
    }
}

/// The eksplain window.
pub struct EksplainApp {
    editor: Editor,
    source: Source,
    saved_revision: u64,
    settings: Settings,
    /// The operating system's language, for when the user has not chosen one.
    system_lang: crate::i18n::Lang,
    status: Option<Status>,
    /// Messages for the editor, applied at the start of the next frame.
    messages: Vec<Msg>,
    /// Commands, run at the start of the next frame after the messages.
    queue: Vec<AppCommand>,
    canvas: Canvas,
    tool: Tool,
    buffers: Buffers,
    view: View,
    prompt: Option<Pending>,
    dialog: dialogs::Dialogs,
    close_confirmed: bool,
    problems: (u64, Vec<Problem>),
    clipboard: Option<String>,
    applied_theme: Option<Theme>,
    applied_title: String,
    analysis: Option<(u64, Analysis)>,
    selected_flow: Option<usize>,
    /// The step shown while walking through the selected flow.
    walk: Option<usize>,
    flows_view: FlowsView,
    /// The legend's primitives, for the flow types and theme they were made for.
    legend: (Option<([bool; 3], Theme)>, Vec<crate::render::Primitive>),
    /// Counts language switches: drawings with text are keyed on it.
    lang_epoch: u64,
    /// Whether the fonts were checked for Hangul (once a run).
    hangul_font_checked: bool,
    shown_flows: overlay::ShownFlows,
    security: SecurityView,
    fonts_watch: FontsWatch,
    fonts_epoch: u64,
    compare: Option<(u64, [Analysis; 3], [crate::engine::diff::Diff; 2])>,
    /// The version the design is compared with (View › Compare with).
    baseline: Option<baseline::Baseline>,
    /// The team policy found for the open file.
    team_policy: team_policy::TeamPolicy,
    recovery: recovery::Recovery,
    watcher: Option<FileWatch>,
    changed_on_disk: Option<PathBuf>,
    /// Where the canvas was in the last frame (windows open over it).
    canvas_area: egui::Rect,
    /// A failure the user must acknowledge (a file that did not open or save): heading
    /// and text.
    alert: Option<(String, String)>,
    /// An import waiting for the user to read its notes and open it.
    import_review: Option<crate::import::Imported>,
    /// An import read and accepted, waiting for the unsaved-changes question.
    import_ready: Option<crate::import::Imported>,
}

impl EksplainApp {
    fn empty() -> Self {
        Self {
            editor: Editor::default(),
            source: Source::Untitled,
            saved_revision: 0,
            settings: Settings::default(),
            system_lang: crate::i18n::Lang::from_system(),
            status: None,
            messages: Vec::new(),
            queue: Vec::new(),
            canvas: Canvas::default(),
            tool: Tool::Select,
            buffers: Buffers::default(),
            view: View::default(),
            prompt: None,
            dialog: dialogs::Dialogs::default(),
            close_confirmed: false,
            problems: (u64::MAX, Vec::new()),
            clipboard: None,
            applied_theme: None,
            applied_title: String::new(),
            analysis: None,
            selected_flow: None,
            walk: None,
            flows_view: FlowsView::default(),
            legend: (None, Vec::new()),
            lang_epoch: 0,
            hangul_font_checked: false,
            shown_flows: overlay::ShownFlows::default(),
            security: SecurityView::default(),
            fonts_watch: FontsWatch::default(),
            fonts_epoch: 0,
            compare: None,
            baseline: None,
            team_policy: team_policy::TeamPolicy::default(),
            recovery: recovery::Recovery::default(),
            watcher: None,
            changed_on_disk: None,
            canvas_area: egui::Rect::NOTHING,
            alert: None,
            import_review: None,
            import_ready: None,
        }
    }

    /// Opens on a built-in preset.
    pub fn with_preset(name: &str) -> Self {
        let mut app = Self::empty();
        let index = crate::io::PRESETS
            .iter()
            .position(|p| p.name == name)
            .unwrap_or(1);
        app.open_preset(index);
        app
    }

    /// Opens a file, falling back to the default preset with the error in the status bar.
    pub fn with_file(path: &std::path::Path) -> Self {
        let mut app = Self::with_preset(crate::io::DEFAULT_PRESET);
        app.open_file(path);
        app
    }

    /// Opens on a design that is not from a file (benchmarks, tests).
    pub fn with_design(design: Design) -> Self {
        let mut app = Self::empty();
        app.set_design(design, &[], Source::Untitled);
        app
    }

    /// Restores settings (theme, recent files) saved by an earlier run.
    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// Takes `lang` as the operating system's language (tests pin it; the app asks the OS).
    pub fn with_system_lang(mut self, lang: crate::i18n::Lang) -> Self {
        self.system_lang = lang;
        self
    }

    /// The language the window speaks: the one chosen, else the system's.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.settings.lang.unwrap_or(self.system_lang)
    }

    /// Speaks `lang` from the next frame on, remembered as the user's choice; every text
    /// made in the old language is made again.
    pub(crate) fn set_lang(&mut self, lang: crate::i18n::Lang) {
        self.settings.lang = Some(lang);
        crate::i18n::set_current(lang);
        self.legend.0 = None;
        self.shown_flows = overlay::ShownFlows::default();
        self.problems.0 = u64::MAX;
        self.lang_epoch += 1;
        self.check_script_font(lang);
    }

    /// Says once, in English (the only script sure to draw), when no installed font has the
    /// letters of `lang`.
    fn check_script_font(&mut self, lang: crate::i18n::Lang) {
        if lang != crate::i18n::Lang::Ko || self.hangul_font_checked {
            return;
        }
        self.hangul_font_checked = true;
        if !crate::render::fonts::missing_glyphs(["한국어"]).is_empty() {
            let text = crate::i18n::tr(crate::i18n::Lang::En, "font-missing-hangul");
            self.error(text);
        }
    }

    /// Uses the in-app path field instead of the system's file dialogs (tests, and
    /// machines without a portal or zenity).
    pub fn with_native_dialogs(mut self, native: bool) -> Self {
        self.dialog.native = native;
        self
    }

    /// The open design.
    pub fn design(&self) -> &Design {
        self.editor.design()
    }

    /// The editor (design, selection, history, gesture in progress).
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// What the design is compared with (View › Compare with), if anything.
    pub fn compared_with(&self) -> Option<&str> {
        self.baseline.as_ref().map(|b| b.label.as_str())
    }

    /// The flow selected in the flows panel or by a difference, if any.
    pub fn selected_flow(&self) -> Option<usize> {
        self.selected_flow
    }

    /// Where the open design came from.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The status bar message.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The selected component ids.
    pub fn selection(&self) -> &std::collections::BTreeSet<String> {
        self.editor.selection().components()
    }

    /// True when the design has changes not saved to a file.
    pub fn is_dirty(&self) -> bool {
        self.editor.revision() != self.saved_revision
    }

    /// The question about unsaved changes, when it is open.
    pub fn pending_prompt(&self) -> Option<&Pending> {
        self.prompt.as_ref()
    }

    /// The in-app file dialog, when it is open: what it asks for.
    pub fn open_dialog(&self) -> Option<DialogKind> {
        self.dialog.open_kind()
    }

    /// Where the canvas was drawn in the last frame.
    pub fn canvas_area(&self) -> egui::Rect {
        self.canvas_area
    }

    /// The settings to persist.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The analysis shown, if computed.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref().map(|(_, a)| a)
    }

    /// The flows drawn on the canvas in the last frame: type and hop ids.
    pub fn highlighted(&self) -> Vec<(FlowKind, Vec<String>)> {
        if self.shown_flows.current().is_none() {
            return Vec::new();
        }
        let Some((_, analysis)) = &self.analysis else {
            return Vec::new();
        };
        self.shown_flows
            .indices()
            .iter()
            .filter_map(|&i| analysis.flows.get(i))
            .map(|f| (f.flow, f.hops.iter().map(|h| h.id.to_string()).collect()))
            .collect()
    }

    /// Highlights only one flow (index into the analysis), or all.
    pub fn select_flow(&mut self, index: Option<usize>) {
        self.selected_flow = index;
        self.walk = None;
    }

    /// The step shown while walking through a flow (from 0).
    pub fn walk_step(&self) -> Option<usize> {
        self.walk
    }

    /// The canvas (for tests that look up where things are drawn).
    pub fn canvas(&self) -> &Canvas {
        &self.canvas
    }

    /// Queues a command to run at the start of the next frame.
    pub fn push_command(&mut self, command: AppCommand) {
        self.queue.push(command);
    }

    /// Queues an edit to apply (as one undo step) at the start of the next frame.
    pub fn push_edit(&mut self, edit: Edit) {
        self.messages.push(Msg::Edit(edit));
    }

    /// Queues a message for the editor, applied at the start of the next frame.
    pub fn push_message(&mut self, msg: Msg) {
        self.messages.push(msg);
    }

    /// Selects components (as a click would), at the start of the next frame.
    pub fn select(&mut self, ids: &[&str]) {
        self.messages
            .push(Msg::Select(ids.iter().map(|s| (*s).to_owned()).collect()));
    }

    /// Chooses the canvas tool.
    pub fn set_tool(&mut self, tool: Tool) {
        self.tool = tool;
    }

    /// Where the unsaved-changes answer goes (tests use it without a file dialog).
    pub fn set_source(&mut self, source: Source) {
        self.source = source;
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    /// An error the user must see: in the status bar (and the log, for bug reports).
    fn error(&mut self, text: String) {
        log::error!("{text}");
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }

    /// A file that did not open or save: a message to acknowledge, and the status bar.
    fn alert(&mut self, heading: &str, text: String) {
        self.error(text.clone());
        self.alert = Some((heading.to_owned(), text));
    }

    /// The failure being shown, if any: heading and text.
    pub fn alert_shown(&self) -> Option<&(String, String)> {
        self.alert.as_ref()
    }

    /// A refused edit: the reason, in the status bar.
    fn refused(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }

    fn set_design(&mut self, design: Design, warnings: &[Problem], source: Source) {
        self.editor.load(design);
        self.source = source;
        self.messages.clear();
        self.canvas.cancel_gesture();
        self.buffers.clear();
        self.saved_revision = self.editor.revision();
        self.recovery.reset();
        self.canvas.request_fit();
        if !warnings.is_empty() {
            self.info(crate::t!(
                "status-opened-with-warnings",
                count = warnings.len()
            ));
        }
    }

    /// Reruns validation and the engine when the design changed. A drag changes only the
    /// preview, so neither runs while the pointer moves.
    fn derive(&mut self) {
        let revision = self.editor.revision();
        if self.analysis.as_ref().is_none_or(|(k, _)| *k != revision) {
            self.analysis = Some((revision, analyze(self.editor.design(), None)));
            if self.selected_flow.is_some_and(|i| {
                self.analysis
                    .as_ref()
                    .is_none_or(|(_, a)| i >= a.flows.len())
            }) {
                self.selected_flow = None;
                self.walk = None;
            }
        }
        if self.problems.0 != revision {
            // The design's rules, then the configuration errors EKS would reject, so the
            // problems bar never says "no problems" beside red errors in the findings.
            let mut problems = self.editor.problems().to_vec();
            if let Some((_, a)) = &self.analysis {
                problems.extend(a.errors.iter().map(|f| Problem {
                    severity: crate::model::Severity::Error,
                    code: f.code.as_str(),
                    component: f.component.clone(),
                    field: None,
                    message: f.message.clone(),
                }));
            }
            self.problems = (revision, problems);
        }
    }

    fn title(&self) -> String {
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{} — eksplain", self.source.title_name())
    }

    /// Draws one frame. Public so that tests can drive the app without eframe.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // Everything this frame formats speaks the window's language.
        let lang = self.lang();
        crate::i18n::set_current(lang);
        self.check_script_font(lang);
        // Input.
        self.input_ui(&ctx);
        // Apply.
        self.apply_queued(&ctx);
        // Derive.
        self.derive();
        // Viewport commands and style changes cause repaints: send them only on change, so
        // that an idle window stays idle.
        if self.applied_theme != Some(self.settings.theme) {
            // Ctrl+plus/minus zoom the canvas, not the whole interface.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.set_visuals(theme::visuals(self.settings.theme));
            self.applied_theme = Some(self.settings.theme);
        }
        let title = self.title();
        if self.applied_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.applied_title = title;
        }
        self.fonts_epoch = self.fonts_watch.check(&ctx);
        // Draw.
        let palette = Palette::of(self.settings.theme);
        self.layout_ui(ui, &palette);
        self.autosave(&ctx);
        self.watch(&ctx);
        self.recovery_ui(&ctx);
        self.dialog_ui(&ctx);
        // What the panels queued is applied at the start of the next frame.
        if !self.messages.is_empty() || !self.queue.is_empty() {
            ctx.request_repaint();
        }
    }
}

impl eframe::App for EksplainApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, "settings", &self.settings);
    }
}
