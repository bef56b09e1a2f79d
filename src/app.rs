//! The application: owns the open design, applies edits once per frame, keeps history.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::io::recovery::{self, RecoveryFile};

use crate::engine::{Analysis, FlowKind, analyze, report};
use crate::io::{self, PRESETS};
use crate::model::edit::{Fragment, new_component};
use crate::model::{
    Component, ComponentKind, ConnectionKind, Design, Edit, Handle, History, KindName, Point,
    Problem, Size, net, validate,
};
use crate::render::{Palette, Theme};
use crate::ui::canvas::{Canvas, CanvasAction, CanvasInput, GRID, SyncKey, snap};
use crate::ui::command::AppCommand;
use crate::ui::flows::{self as flows_ui, FlowAction, FlowsView};
use crate::ui::paint::FontsWatch;
use crate::ui::panels::{self, Buffers, Tool};
use crate::ui::security::{self as security_ui, SecurityView};
use crate::ui::theme;

/// Where the open design came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// A built-in preset, by name.
    Preset(&'static str),
    /// A new design not saved yet.
    Untitled,
}

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
}

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start a new design.
    New,
    /// Open a file (ask for it with a dialog when `None`).
    Open(Option<PathBuf>),
    /// Open a preset.
    Preset(usize),
    /// Close the window.
    Close,
}

/// A drag or resize in progress: the design as it was when it started.
struct Interaction {
    mark: Design,
    kind: InteractionKind,
}

enum InteractionKind {
    /// Moving these top-level boxes; `moving` are the indices of every component that moves
    /// with them, `applied` the offset already applied to the design.
    Move {
        ids: Vec<String>,
        moving: Vec<usize>,
        applied: Point,
    },
    Resize(String, Handle),
}

/// What decides which flows the canvas draws.
#[derive(Clone, Debug, PartialEq)]
struct ShownKey {
    revision: u64,
    selected_flow: Option<usize>,
    filter: crate::ui::flows::FlowFilter,
    selection: BTreeSet<String>,
}

/// The eksplain window.
#[expect(clippy::struct_excessive_bools, reason = "independent view toggles")]
pub struct EksplainApp {
    design: Design,
    source: Source,
    history: History,
    revision: u64,
    /// The revision of the last change other than a move (the canvas redraws its boxes
    /// only when this changes; a drag moves them in place).
    content_revision: u64,
    saved_revision: u64,
    canvas: Canvas,
    settings: Settings,
    status: Option<Status>,
    queue: Vec<AppCommand>,
    edits: Vec<Edit>,
    selection: BTreeSet<String>,
    selected_connection: Option<usize>,
    tool: Tool,
    buffers: Buffers,
    interaction: Option<Interaction>,
    prompt: Option<Pending>,
    show_shortcuts: bool,
    close_confirmed: bool,
    used_ids: HashSet<String>,
    problems: (u64, Vec<Problem>),
    clipboard: Option<String>,
    applied_theme: Option<Theme>,
    applied_title: String,
    analysis: Option<(u64, Analysis)>,
    selected_flow: Option<usize>,
    flows_view: FlowsView,
    /// The flows drawn on the canvas, for the key they were chosen with.
    shown_flows: Option<(ShownKey, Vec<usize>)>,
    show_paths: bool,
    /// The side panels are hidden (canvas only).
    panels_hidden: bool,
    /// The security groups and network ACLs window.
    security: SecurityView,
    /// Tells when egui rebuilt its fonts, so that drawings kept between frames are redone.
    fonts_watch: FontsWatch,
    fonts_epoch: u64,
    animate: bool,
    show_compare: bool,
    compare: Option<(u64, [Analysis; 3])>,
    highlighted: Vec<(FlowKind, Vec<String>)>,
    recovery_path: PathBuf,
    autosave_due: Option<std::time::Instant>,
    autosaved_revision: u64,
    offered_recovery: Option<RecoveryFile>,
    panic_snapshot: Arc<Mutex<Option<RecoveryFile>>>,
    watcher: Option<FileWatch>,
    changed_on_disk: Option<PathBuf>,
}

/// Watches the open file's modification time from a background thread.
struct FileWatch {
    path: PathBuf,
    changed: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl Drop for FileWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn mtime(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl FileWatch {
    fn start(path: &Path, ctx: Option<egui::Context>) -> Option<Self> {
        let changed = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let (c, s, p) = (changed.clone(), stop.clone(), path.to_path_buf());
        let mut last = mtime(path);
        let spawned = std::thread::Builder::new()
            .name("file-watch".into())
            .spawn(move || {
                while !s.load(Ordering::Relaxed) {
                    std::thread::sleep(std::time::Duration::from_millis(700));
                    let now = mtime(&p);
                    if now != last {
                        last = now;
                        c.store(true, Ordering::Relaxed);
                        if let Some(ctx) = &ctx {
                            ctx.request_repaint();
                        }
                    }
                }
            });
        spawned.ok().map(|_| Self {
            path: path.to_path_buf(),
            changed,
            stop,
        })
    }
}

impl EksplainApp {
    fn empty() -> Self {
        Self {
            design: Design::default(),
            source: Source::Untitled,
            history: History::default(),
            revision: 0,
            content_revision: 0,
            saved_revision: 0,
            canvas: Canvas::default(),
            settings: Settings::default(),
            status: None,
            queue: Vec::new(),
            edits: Vec::new(),
            selection: BTreeSet::new(),
            selected_connection: None,
            tool: Tool::Select,
            buffers: Buffers::default(),
            interaction: None,
            prompt: None,
            show_shortcuts: false,
            close_confirmed: false,
            used_ids: HashSet::new(),
            problems: (u64::MAX, Vec::new()),
            clipboard: None,
            applied_theme: None,
            applied_title: String::new(),
            analysis: None,
            selected_flow: None,
            flows_view: FlowsView::default(),
            shown_flows: None,
            show_paths: true,
            panels_hidden: false,
            security: SecurityView::default(),
            fonts_watch: FontsWatch::default(),
            fonts_epoch: 0,
            animate: false,
            show_compare: false,
            compare: None,
            highlighted: Vec::new(),
            recovery_path: recovery::recovery_path(),
            autosave_due: None,
            autosaved_revision: 0,
            offered_recovery: None,
            panic_snapshot: Arc::new(Mutex::new(None)),
            watcher: None,
            changed_on_disk: None,
        }
    }

    /// Opens on a built-in preset.
    pub fn with_preset(name: &str) -> Self {
        let mut app = Self::empty();
        let index = PRESETS.iter().position(|p| p.name == name).unwrap_or(1);
        app.open_preset(index);
        app
    }

    /// Opens a file, falling back to the default preset with the error in the status bar.
    pub fn with_file(path: &Path) -> Self {
        let mut app = Self::with_preset(io::DEFAULT_PRESET);
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

    /// The open design.
    pub fn design(&self) -> &Design {
        &self.design
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
    pub fn selection(&self) -> &BTreeSet<String> {
        &self.selection
    }

    /// True when the design has changes not saved to a file.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// The question about unsaved changes, when it is open.
    pub fn pending_prompt(&self) -> Option<&Pending> {
        self.prompt.as_ref()
    }

    /// The settings to persist.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Where the recovery file goes (tests point it at a temporary directory).
    pub fn with_recovery_path(mut self, path: PathBuf) -> Self {
        self.recovery_path = path;
        self
    }

    /// What the panic hook writes: the last committed design with unsaved changes.
    pub fn panic_snapshot(&self) -> Arc<Mutex<Option<RecoveryFile>>> {
        self.panic_snapshot.clone()
    }

    /// Offers to restore unsaved work found at start-up.
    pub fn offer_recovery(&mut self, file: RecoveryFile) {
        self.offered_recovery = Some(file);
    }

    /// True while the restore question is open.
    pub fn recovery_offered(&self) -> bool {
        self.offered_recovery.is_some()
    }

    /// Answers the restore question: restore the recovered design, or discard it.
    pub fn answer_recovery(&mut self, restore: bool) {
        let Some(file) = self.offered_recovery.take() else {
            return;
        };
        if restore {
            let source = match file.source.strip_prefix("file ") {
                Some(p) => Source::File(PathBuf::from(p)),
                None => Source::Untitled,
            };
            self.set_design(file.design, &[], source);
            // Restored work is unsaved work.
            self.saved_revision = self.revision.wrapping_sub(1);
            self.info("restored unsaved work");
        } else {
            recovery::clear(&self.recovery_path);
        }
    }

    /// The path the open file was changed at on disk, while the reload question is open.
    pub fn changed_on_disk(&self) -> Option<&Path> {
        self.changed_on_disk.as_deref()
    }

    /// Answers the reload question. Reloading keeps unsaved edits in a file beside the
    /// original (`NAME.unsaved-TIME.ron`) before loading the new version.
    pub fn answer_reload(&mut self, reload: bool) {
        let Some(path) = self.changed_on_disk.take() else {
            return;
        };
        if !reload {
            return;
        }
        if self.is_dirty() {
            let stem = path
                .file_stem()
                .map_or_else(|| "design".into(), |s| s.to_string_lossy().into_owned());
            let keep = path.with_file_name(format!("{stem}.unsaved-{}.ron", recovery::now()));
            if let Err(e) = io::save(&self.design, &keep) {
                self.error(format!("not reloaded: {e}"));
                return;
            }
            self.open_file(&path);
            self.info(format!("reloaded; your edits are in {}", keep.display()));
        } else {
            self.open_file(&path);
        }
    }

    fn source_label(&self) -> String {
        match &self.source {
            Source::File(p) => format!("file {}", p.display()),
            Source::Preset(n) => format!("preset {n}"),
            Source::Untitled => "untitled".to_owned(),
        }
    }

    /// Writes the recovery file shortly after changes, and removes it when the design is
    /// clean. Keeps the panic hook's snapshot current.
    fn autosave(&mut self, ctx: &egui::Context) {
        if !self.is_dirty() {
            if self.autosaved_revision != 0 {
                recovery::clear(&self.recovery_path);
                self.autosaved_revision = 0;
                if let Ok(mut s) = self.panic_snapshot.lock() {
                    *s = None;
                }
            }
            self.autosave_due = None;
            return;
        }
        if self.autosaved_revision == self.revision || self.interaction.is_some() {
            return;
        }
        let now = std::time::Instant::now();
        let due = *self
            .autosave_due
            .get_or_insert(now + std::time::Duration::from_millis(1500));
        let file = RecoveryFile {
            source: self.source_label(),
            saved_at: recovery::now(),
            design: self.design.clone(),
        };
        if now < due {
            ctx.request_repaint_after(due - now);
            if let Ok(mut s) = self.panic_snapshot.lock() {
                *s = Some(file);
            }
            return;
        }
        match recovery::write(&self.recovery_path, &file) {
            Ok(()) => self.autosaved_revision = self.revision,
            Err(e) => self.error(format!("cannot write the recovery file: {e}")),
        }
        if let Ok(mut s) = self.panic_snapshot.lock() {
            *s = Some(file);
        }
        self.autosave_due = None;
    }

    fn watch(&mut self, ctx: &egui::Context) {
        let want = match &self.source {
            Source::File(p) => Some(p.clone()),
            _ => None,
        };
        if self.watcher.as_ref().map(|w| &w.path) != want.as_ref() {
            self.watcher = want.and_then(|p| FileWatch::start(&p, Some(ctx.clone())));
        }
        if let Some(w) = &self.watcher
            && w.changed.swap(false, Ordering::Relaxed)
        {
            self.changed_on_disk = Some(w.path.clone());
        }
    }

    fn recovery_ui(&mut self, ctx: &egui::Context) {
        if let Some(file) = &self.offered_recovery {
            let ago = recovery::now().saturating_sub(file.saved_at);
            let text = format!(
                "eksplain did not close cleanly. Unsaved work from {} was kept {} ago.",
                file.source,
                if ago < 120 {
                    format!("{ago} s")
                } else {
                    format!("{} min", ago / 60)
                }
            );
            let lines = [text.as_str()];
            let choice = ("Restore", "Discard");
            if let Some(a) = choice_modal(ctx, "recovery", "Restore unsaved work", &lines, choice) {
                self.answer_recovery(a);
            }
        }
        if let Some(path) = &self.changed_on_disk {
            let text = format!("{} changed on disk.", path.display());
            let keep = "Reloading keeps your unsaved edits in a file beside it.";
            let lines: &[&str] = if self.is_dirty() {
                &[&text, keep]
            } else {
                &[&text]
            };
            let choice = ("Reload", "Keep mine");
            if let Some(a) = choice_modal(ctx, "reload", "File changed", lines, choice) {
                self.answer_reload(a);
            }
        }
    }

    /// The analysis shown, if computed.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref().map(|(_, a)| a)
    }

    /// The flows drawn on the canvas in the last frame: type and hop ids.
    pub fn highlighted(&self) -> &[(FlowKind, Vec<String>)] {
        &self.highlighted
    }

    /// Highlights only one flow (index into the analysis), or all.
    pub fn select_flow(&mut self, index: Option<usize>) {
        self.selected_flow = index;
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
        self.edits.push(edit);
    }

    /// Selects components (as a click would).
    pub fn select(&mut self, ids: &[&str]) {
        self.selection = ids.iter().map(|s| (*s).to_owned()).collect();
        self.selected_connection = None;
        self.buffers.clear();
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

    fn error(&mut self, text: String) {
        log::error!("{text}");
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.content_revision = self.revision;
    }

    /// A change that only moved components.
    fn moved(&mut self) {
        self.revision += 1;
    }

    fn set_design(&mut self, design: Design, warnings: &[Problem], source: Source) {
        self.design = design;
        self.source = source;
        self.history.clear();
        self.interaction = None;
        self.canvas.cancel_gesture();
        self.selection.clear();
        self.selected_connection = None;
        self.buffers.clear();
        self.revision += 1;
        self.content_revision = self.revision;
        self.saved_revision = self.revision;
        self.autosave_due = None;
        self.canvas.request_fit();
        self.used_ids = self
            .design
            .components
            .iter()
            .map(|c| c.id.clone())
            .collect();
        if !warnings.is_empty() {
            self.info(format!("opened with {} warnings", warnings.len()));
        }
    }

    fn open_preset(&mut self, index: usize) {
        let Some(preset) = PRESETS.get(index) else {
            return;
        };
        match preset.load() {
            Ok((design, warnings)) => {
                self.set_design(design, &warnings, Source::Preset(preset.name));
                self.info(format!("opened preset {}", preset.name));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn remember(&mut self, path: &Path) {
        self.settings.recent.retain(|p| p != path);
        self.settings.recent.insert(0, path.to_path_buf());
        self.settings.recent.truncate(10);
    }

    fn open_file(&mut self, path: &Path) {
        match io::load(path) {
            Ok((design, warnings)) => {
                self.set_design(design, &warnings, Source::File(path.to_path_buf()));
                self.remember(path);
                if warnings.is_empty() {
                    self.info(format!("opened {}", path.display()));
                }
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match io::save(&self.design, path) {
            Ok(()) => {
                self.source = Source::File(path.to_path_buf());
                self.saved_revision = self.revision;
                self.remember(path);
                self.info(format!("saved {}", path.display()));
                true
            }
            Err(e) => {
                self.error(e.to_string());
                false
            }
        }
    }

    /// Saves; asks for a file name when the design has none. Returns true when saved.
    fn save(&mut self, ask: bool) -> bool {
        let path = match (&self.source, ask) {
            (Source::File(p), false) => Some(p.clone()),
            _ => rfd::FileDialog::new()
                .add_filter("eksplain design", &["ron"])
                .set_file_name("design.ron")
                .save_file(),
        };
        match path {
            Some(p) => self.save_to(&p),
            None => false,
        }
    }

    /// Runs an action that would discard the design, asking first when it has changes.
    fn guarded(&mut self, pending: Pending) {
        if self.is_dirty() {
            self.prompt = Some(pending);
        } else {
            self.run_pending(pending, None);
        }
    }

    fn run_pending(&mut self, pending: Pending, ctx: Option<&egui::Context>) {
        match pending {
            Pending::New => {
                self.set_design(Design::default(), &[], Source::Untitled);
                self.info("new design");
            }
            Pending::Open(Some(path)) => self.open_file(&path),
            Pending::Open(None) => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("eksplain design", &["ron"])
                    .pick_file()
                {
                    self.open_file(&path);
                }
            }
            Pending::Preset(i) => self.open_preset(i),
            Pending::Close => {
                self.close_confirmed = true;
                if let Some(ctx) = ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    /// Answers the unsaved-changes question: save, discard or cancel.
    pub fn answer_prompt(&mut self, answer: PromptAnswer, ctx: Option<&egui::Context>) {
        let Some(pending) = self.prompt.take() else {
            return;
        };
        match answer {
            PromptAnswer::Save => {
                if self.save(false) {
                    self.run_pending(pending, ctx);
                }
            }
            PromptAnswer::Discard => self.run_pending(pending, ctx),
            PromptAnswer::Cancel => {}
        }
    }

    fn fresh_id(&self, kind: KindName) -> String {
        let base = kind.as_str().replace('_', "-");
        // At most this many candidates can be taken.
        (1..=self.used_ids.len() + self.design.components.len() + 1)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.used_ids.contains(id) && self.design.component(id).is_none())
            .unwrap_or_default()
    }

    /// Applies one edit as one undo step.
    fn apply(&mut self, edit: Edit) -> bool {
        let before = self.design.clone();
        match self.design.apply(edit) {
            Ok(()) => {
                self.history.record(before);
                self.used_ids
                    .extend(self.design.components.iter().map(|c| c.id.clone()));
                self.selection
                    .retain(|id| self.design.component(id).is_some());
                if self
                    .selected_connection
                    .is_some_and(|i| i >= self.design.connections.len())
                {
                    self.selected_connection = None;
                }
                self.changed();
                true
            }
            Err(e) => {
                self.info(e.to_string());
                false
            }
        }
    }

    fn undo(&mut self) {
        if let Some(prev) = self.history.undo(&self.design) {
            self.design = prev;
            self.selection
                .retain(|id| self.design.component(id).is_some());
            self.selected_connection = None;
            self.buffers.clear();
            self.changed();
        }
    }

    fn redo(&mut self) {
        if let Some(next) = self.history.redo(&self.design) {
            self.design = next;
            self.selection
                .retain(|id| self.design.component(id).is_some());
            self.selected_connection = None;
            self.buffers.clear();
            self.changed();
        }
    }

    /// The new component's properties filled in sensibly: a free address in its subnet, a
    /// free /24 in its VPC.
    fn prefill(&self, c: &mut Component) {
        let parent = c.parent.as_deref().and_then(|p| self.design.component(p));
        let subnet_net = parent.and_then(crate::render::scene::subnet_net);
        let used: HashSet<String> = self
            .design
            .components
            .iter()
            .flat_map(|x| match &x.kind {
                ComponentKind::Node(n) => vec![n.private_ip.clone()],
                ComponentKind::EksEni(e) => vec![e.private_ip.clone()],
                ComponentKind::Client(cl) => cl.private_ip.clone().into_iter().collect(),
                _ => vec![],
            })
            .collect();
        let free_ip = subnet_net.and_then(|n| {
            n.hosts()
                .skip(9)
                .map(|a| a.to_string())
                .find(|a| !used.contains(a))
        });
        match &mut c.kind {
            ComponentKind::Node(n) => n.private_ip = free_ip.unwrap_or_default(),
            ComponentKind::EksEni(e) => e.private_ip = free_ip.unwrap_or_default(),
            ComponentKind::Client(cl) if subnet_net.is_some() => cl.private_ip = free_ip,
            ComponentKind::Client(cl) => cl.public_ip = Some("203.0.113.10".to_owned()),
            ComponentKind::Subnet(s) => {
                let vpc_net = parent.and_then(|p| match &p.kind {
                    ComponentKind::Vpc(v) => v
                        .cidr_blocks
                        .first()
                        .and_then(|b| net::parse_cidr_v4(b).ok()),
                    _ => None,
                });
                let taken: Vec<ipnet::Ipv4Net> = self
                    .design
                    .components
                    .iter()
                    .filter_map(crate::render::scene::subnet_net)
                    .collect();
                if let Some(free) = vpc_net.and_then(|v| {
                    v.subnets(24.max(v.prefix_len()))
                        .ok()?
                        .find(|s| !taken.iter().any(|t| t.contains(s) || s.contains(t)))
                }) {
                    s.cidr = free.to_string();
                }
                s.az = "us-east-1a".to_owned();
                s.routes = vec![crate::model::Route {
                    destination: vpc_net
                        .map_or_else(|| "10.0.0.0/16".to_owned(), |v| v.to_string()),
                    target: crate::model::LOCAL_TARGET.to_owned(),
                }];
            }
            _ => {}
        }
    }

    fn place(&mut self, kind: KindName, center: Point) {
        let size = kind.default_size();
        let pos = Point::new(snap(center.x - size.w / 2.0), snap(center.y - size.h / 2.0));
        let parent = self
            .design
            .container_at(center, &BTreeSet::new())
            .map(|c| c.id.clone());
        let parent_kind = parent
            .as_deref()
            .and_then(|p| self.design.component(p))
            .map(|c| c.kind.name());
        if !kind.allowed_parents().contains(&parent_kind) {
            self.info(kind.placement_hint());
            return;
        }
        let mut c = new_component(kind, self.fresh_id(kind), pos, parent);
        self.prefill(&mut c);
        let id = c.id.clone();
        if self.apply(Edit::Add(c)) {
            self.selection = BTreeSet::from([id.clone()]);
            self.info(format!("placed {id}"));
        }
    }

    fn handle_canvas(&mut self, actions: Vec<CanvasAction>) {
        for action in actions {
            match action {
                CanvasAction::Select(ids) => {
                    self.selection = ids.into_iter().collect();
                    self.selected_connection = None;
                    self.buffers.clear();
                }
                CanvasAction::ToggleSelect(id) => {
                    if !self.selection.remove(&id) {
                        self.selection.insert(id);
                    }
                    self.buffers.clear();
                }
                CanvasAction::SelectConnection(i) => {
                    self.selection.clear();
                    self.selected_connection = Some(i);
                }
                CanvasAction::ClearSelection => {
                    self.selection.clear();
                    self.selected_connection = None;
                    self.buffers.clear();
                }
                CanvasAction::DragStart(ids) => {
                    // Children of selected containers move with them, once.
                    let top: Vec<String> = ids
                        .iter()
                        .filter(|id| {
                            !ids.iter().any(|other| {
                                other != *id && self.design.subtree(other).contains(*id)
                            })
                        })
                        .cloned()
                        .collect();
                    let mut subtree = BTreeSet::new();
                    for id in &top {
                        subtree.extend(self.design.subtree(id));
                    }
                    let moving = self
                        .design
                        .components
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| subtree.contains(&c.id))
                        .map(|(i, _)| i)
                        .collect();
                    self.interaction = Some(Interaction {
                        mark: self.design.clone(),
                        kind: InteractionKind::Move {
                            ids: top,
                            moving,
                            applied: Point::default(),
                        },
                    });
                }
                CanvasAction::DragTo(delta) => self.drag_to(delta),
                CanvasAction::DragEnd | CanvasAction::ResizeEnd => self.end_interaction(),
                CanvasAction::ResizeStart(id, handle) => {
                    self.interaction = Some(Interaction {
                        mark: self.design.clone(),
                        kind: InteractionKind::Resize(id, handle),
                    });
                }
                CanvasAction::ResizeTo(delta) => self.resize_to(delta),
                CanvasAction::Place(kind, at) => {
                    self.place(kind, at);
                    self.tool = Tool::Select;
                }
                CanvasAction::Connect(from, to) => {
                    let kinds = (
                        self.design.component(&from).map(|c| c.kind.name()),
                        self.design.component(&to).map(|c| c.kind.name()),
                    );
                    let kind = match kinds {
                        (Some(a), Some(b)) if KindName::can_attach(a, b) => {
                            ConnectionKind::Attachment
                        }
                        _ => ConnectionKind::Line,
                    };
                    if self.apply(Edit::Connect(crate::model::Connection {
                        from: from.clone(),
                        to: to.clone(),
                        kind,
                        label: String::new(),
                    })) {
                        self.info(format!("connected {from} and {to}"));
                    }
                    self.tool = Tool::Select;
                }
            }
        }
    }

    fn drag_to(&mut self, delta: Point) {
        let Some(Interaction {
            mark,
            kind:
                InteractionKind::Move {
                    ids,
                    moving,
                    applied,
                },
        }) = &mut self.interaction
        else {
            return;
        };
        // Snap the first moved box's corner to the grid; everything moves by the same offset.
        let Some(anchor) = ids.first().and_then(|id| mark.component(id)) else {
            return;
        };
        let snapped = Point::new(
            snap(anchor.pos.x + delta.x) - anchor.pos.x,
            snap(anchor.pos.y + delta.y) - anchor.pos.y,
        );
        if snapped == *applied || !snapped.x.is_finite() || !snapped.y.is_finite() {
            return;
        }
        let step = Point::new(snapped.x - applied.x, snapped.y - applied.y);
        // Move in place: no copy of the design per frame. The indices were taken from the
        // mark, and nothing else edits the design during a drag.
        for &i in moving.iter() {
            if let (Some(c), Some(m)) = (self.design.components.get_mut(i), mark.components.get(i))
                && c.id == m.id
            {
                c.pos.x += step.x;
                c.pos.y += step.y;
            }
        }
        *applied = snapped;
        self.moved();
    }

    fn resize_to(&mut self, delta: Point) {
        let Some(Interaction {
            mark,
            kind: InteractionKind::Resize(id, handle),
        }) = &self.interaction
        else {
            return;
        };
        let Some(c) = mark.component(id) else { return };
        // Never smaller than what the container holds.
        let children = mark
            .components
            .iter()
            .filter(|x| x.parent.as_deref() == Some(id))
            .map(crate::model::Component::rect)
            .reduce(|a, b| a.union(&b));
        let rect = c
            .rect()
            .resized(*handle, delta, Size::new(40.0, 30.0), children, &snap);
        let mut next = mark.clone();
        if next
            .apply(Edit::SetRect {
                id: id.clone(),
                rect,
            })
            .is_ok()
            && next != self.design
        {
            self.design = next;
            self.changed();
        }
    }

    /// Ends a drag or resize: reparents dropped boxes, refuses illegal drops, and records
    /// the whole gesture as one undo step.
    fn end_interaction(&mut self) {
        let Some(Interaction { mark, kind }) = self.interaction.take() else {
            return;
        };
        if let InteractionKind::Move { ids, .. } = &kind {
            for id in ids {
                let Some(c) = self.design.component(id) else {
                    continue;
                };
                let exclude = self.design.subtree(id);
                let target = self
                    .design
                    .container_at(c.rect().center(), &exclude)
                    .map(|p| p.id.clone());
                if target == c.parent {
                    continue;
                }
                let kind = c.kind.name();
                let target_kind = target
                    .as_deref()
                    .and_then(|t| self.design.component(t))
                    .map(|t| t.kind.name());
                if !kind.allowed_parents().contains(&target_kind) {
                    // An illegal drop changes nothing.
                    self.design = mark;
                    self.changed();
                    self.info(kind.placement_hint());
                    return;
                }
                if let Err(e) = self.design.apply(Edit::Reparent {
                    id: id.clone(),
                    parent: target,
                }) {
                    self.design = mark;
                    self.changed();
                    self.info(e.to_string());
                    return;
                }
            }
        }
        if self.design != mark {
            self.history.record(mark);
            self.changed();
        }
    }

    fn cancel_interaction(&mut self) {
        if let Some(Interaction { mark, .. }) = self.interaction.take() {
            self.design = mark;
            self.changed();
        }
        self.canvas.cancel_gesture();
    }

    fn copy(&mut self, ctx: &egui::Context) -> bool {
        if self.selection.is_empty() {
            return false;
        }
        let fragment = self.design.fragment(&self.selection);
        let options = io::ron_file::options();
        match options.to_string_pretty(&fragment, ron::ser::PrettyConfig::new()) {
            Ok(text) => {
                ctx.copy_text(text.clone());
                self.clipboard = Some(text);
                self.info(format!(
                    "copied {}",
                    panels::selection_summary(&self.selection)
                ));
                true
            }
            Err(e) => {
                self.error(format!("cannot copy: {e}"));
                false
            }
        }
    }

    /// Pastes RON text of components (from this or another design).
    pub fn paste_text(&mut self, text: &str, offset: Point) {
        if let Some(fragment) = self.parse_fragment(text) {
            self.paste_fragment(fragment, offset);
        }
    }

    /// Parses pasted text as components, refusing oversized text before parsing it.
    fn parse_fragment(&mut self, text: &str) -> Option<Fragment> {
        if text.len() > 4 * 1024 * 1024 {
            self.error("the pasted text is larger than 4 MiB".to_owned());
            return None;
        }
        match io::ron_file::options().from_str::<Fragment>(text) {
            Ok(f) => Some(f),
            Err(e) => {
                self.info(format!(
                    "the clipboard does not hold eksplain components ({}:{}: {})",
                    e.span.start.line, e.span.start.col, e.code
                ));
                None
            }
        }
    }

    /// Adds copied components (fresh ids where needed), offset, as one undo step, and
    /// selects them.
    fn paste_fragment(&mut self, fragment: Fragment, offset: Point) {
        let used = self.used_ids.clone();
        let prepared = self
            .design
            .prepare_paste(fragment, offset, &|id| used.contains(id));
        let ids: BTreeSet<String> = prepared.components.iter().map(|c| c.id.clone()).collect();
        let n = ids.len();
        if self.apply(Edit::Paste(prepared)) {
            self.selection = ids;
            self.info(if n == 1 {
                "pasted 1 component".to_owned()
            } else {
                format!("pasted {n} components")
            });
        }
    }

    fn duplicate(&mut self) {
        if self.selection.is_empty() {
            return;
        }
        // The duplicate keeps its parents, offset by two grid steps.
        let fragment = self.design.fragment(&self.selection);
        self.paste_fragment(fragment, Point::new(2.0 * GRID, 2.0 * GRID));
    }

    fn delete_selection(&mut self) {
        if let Some(i) = self.selected_connection.take() {
            self.apply(Edit::Disconnect(i));
            return;
        }
        if self.selection.is_empty() {
            return;
        }
        let ids: Vec<String> = self.selection.iter().cloned().collect();
        let n = ids.len();
        if self.apply(Edit::Delete(ids)) {
            self.info(format!("deleted {n} components and their references"));
            self.selection.clear();
        }
    }

    fn nudge(&mut self, dx: f32, dy: f32) {
        if self.selection.is_empty() {
            return;
        }
        let ids: Vec<String> = self.selection.iter().cloned().collect();
        self.apply(Edit::Move {
            ids,
            delta: Point::new(dx, dy),
        });
    }

    fn run_command(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::New => self.guarded(Pending::New),
            AppCommand::Open => self.guarded(Pending::Open(None)),
            AppCommand::OpenRecent(i) => {
                if let Some(p) = self.settings.recent.get(i).cloned() {
                    self.guarded(Pending::Open(Some(p)));
                }
            }
            AppCommand::OpenPreset(i) => self.guarded(Pending::Preset(i)),
            AppCommand::Save => {
                self.save(false);
            }
            AppCommand::SaveAs => {
                self.save(true);
            }
            AppCommand::Undo => self.undo(),
            AppCommand::Redo => self.redo(),
            AppCommand::Copy => {
                self.copy(ctx);
            }
            AppCommand::Cut => {
                if self.copy(ctx) {
                    self.delete_selection();
                }
            }
            AppCommand::Paste => {
                if let Some(text) = self.clipboard.clone() {
                    self.paste_text(&text, Point::new(2.0 * GRID, 2.0 * GRID));
                }
            }
            AppCommand::Duplicate => self.duplicate(),
            AppCommand::Delete => self.delete_selection(),
            AppCommand::SelectAll => {
                self.selection = self
                    .design
                    .components
                    .iter()
                    .map(|c| c.id.clone())
                    .collect();
            }
            AppCommand::Escape => {
                if self.interaction.is_some() || self.canvas.is_interacting() {
                    self.cancel_interaction();
                } else if self.tool != Tool::Select {
                    self.tool = Tool::Select;
                } else {
                    self.selection.clear();
                    self.selected_connection = None;
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
            AppCommand::Shortcuts => self.show_shortcuts = !self.show_shortcuts,
            AppCommand::ExportSvg => self.export("svg"),
            AppCommand::ExportPng => self.export("png"),
            AppCommand::ExportReport => self.export("md"),
            AppCommand::ExportMermaid => self.export("mmd"),
            AppCommand::TogglePaths => self.show_paths = !self.show_paths,
            AppCommand::TogglePanels => self.panels_hidden = !self.panels_hidden,
            AppCommand::SecurityEditor => self.security.open = !self.security.open,
            AppCommand::ToggleAnimation => self.animate = !self.animate,
            AppCommand::CompareModes => self.show_compare = !self.show_compare,
            AppCommand::CopyReport => {
                if let Some((_, a)) = &self.analysis {
                    let name = self.design_name();
                    ctx.copy_text(report::to_markdown(&name, a));
                    self.info("copied the analysis as Markdown");
                }
            }
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Exports the diagram, the report or a Mermaid chart, asking where to write it.
    fn export(&mut self, ext: &str) {
        let stem = self.design_name().trim_end_matches(".ron").to_owned();
        let Some(path) = rfd::FileDialog::new()
            .add_filter(ext, &[ext])
            .set_file_name(format!("{stem}.{ext}"))
            .save_file()
        else {
            return;
        };
        self.export_to(&path, ext);
    }

    /// Writes an export to `path`: `svg`, `png`, `md` or `mmd`. The flows exported are the
    /// types the flows panel shows, in the design's mode.
    pub fn export_to(&mut self, path: &Path, ext: &str) {
        use crate::render::export::{ExportOptions, diagram, svg_to_png, to_mermaid, to_svg};
        let analysis = analyze(&self.design, None);
        let palette = Palette::of(self.settings.theme);
        let options = ExportOptions {
            flows: FlowKind::ALL
                .iter()
                .zip(self.flows_view.filter.kinds)
                .filter(|(_, on)| *on)
                .map(|(k, _)| *k)
                .collect(),
            title: Some(if self.design.title.is_empty() {
                self.design_name()
            } else {
                self.design.title.clone()
            }),
            date: None,
            background: true,
        };
        let bytes: Result<Vec<u8>, String> = match ext {
            "md" => {
                // Reference an image exported beside the report, if there is one.
                let image = ["svg", "png"].iter().find_map(|e| {
                    let img = path.with_extension(e);
                    img.exists()
                        .then(|| img.file_name().map(|n| n.to_string_lossy().into_owned()))
                        .flatten()
                });
                let mut text = image.map_or_else(String::new, |i| {
                    format!("![{}]({i})\n\n", self.design_name())
                });
                text.push_str(&report::to_markdown(&self.design_name(), &analysis));
                Ok(text.into_bytes())
            }
            "mmd" => Ok(to_mermaid(&self.design, &analysis, &options).into_bytes()),
            _ => {
                let (prims, bounds) = diagram(&self.design, &analysis, &palette, &options);
                let svg = to_svg(&prims, bounds, &palette, true);
                if ext == "png" {
                    svg_to_png(&svg, 2.0).map_err(|e| e.to_string())
                } else {
                    Ok(svg.into_bytes())
                }
            }
        };
        match bytes
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|b| io::ron_file::write_atomically(path, &b).map_err(|e| e.to_string()))
        {
            Ok(()) => self.info(format!("exported {}", path.display())),
            Err(e) => self.error(e),
        }
    }

    fn design_name(&self) -> String {
        match &self.source {
            Source::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::Preset(n) => format!("{n}.ron"),
            Source::Untitled => "untitled".to_owned(),
        }
    }

    /// Reruns the engine when the design changed (not during a drag: geometry does not
    /// change the verdicts).
    fn refresh_analysis(&mut self) {
        let stale = self
            .analysis
            .as_ref()
            .is_none_or(|(k, _)| *k != self.revision);
        if stale && (self.interaction.is_none() || self.analysis.is_none()) {
            self.analysis = Some((self.revision, analyze(&self.design, None)));
            if self.selected_flow.is_some_and(|i| {
                self.analysis
                    .as_ref()
                    .is_none_or(|(_, a)| i >= a.flows.len())
            }) {
                self.selected_flow = None;
            }
        }
    }

    /// The overlay of highlighted flows, hover texts, and the flows drawn.
    fn flow_overlay(
        &mut self,
        palette: &Palette,
        time: f64,
    ) -> (Vec<crate::render::Primitive>, Vec<(String, String)>) {
        self.highlighted.clear();
        let Some((_, analysis)) = &self.analysis else {
            return (Vec::new(), Vec::new());
        };
        let revision = self.analysis.as_ref().map_or(0, |(r, _)| *r);
        // Compared in place: the key is only copied when the choice is made again.
        let stale = self.shown_flows.as_ref().is_none_or(|(k, _)| {
            k.revision != revision
                || k.selected_flow != self.selected_flow
                || k.filter != self.flows_view.filter
                || k.selection != self.selection
        });
        if stale {
            let key = ShownKey {
                revision,
                selected_flow: self.selected_flow,
                filter: self.flows_view.filter.clone(),
                selection: self.selection.clone(),
            };
            let indices = if let Some(i) = self.selected_flow {
                vec![i]
            } else {
                let all: Vec<usize> = analysis
                    .flows
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| self.flows_view.filter.accepts(f))
                    .map(|(i, _)| i)
                    .collect();
                if all.len() <= 60 {
                    all
                } else {
                    // Too many to read at once: the flows of the selected components.
                    all.into_iter()
                        .filter(|&i| {
                            analysis.flows.get(i).is_some_and(|f| {
                                f.hops.iter().any(|h| self.selection.contains(&h.id))
                            })
                        })
                        .take(60)
                        .collect()
                }
            };
            self.shown_flows = Some((key, indices));
        }
        let shown: Vec<&crate::engine::FlowResult> = self
            .shown_flows
            .as_ref()
            .map(|(_, v)| v.iter().filter_map(|&i| analysis.flows.get(i)).collect())
            .unwrap_or_default();
        let tooltips = shown
            .iter()
            .filter_map(|f| {
                f.blocked_at.clone().map(|b| {
                    (
                        b,
                        format!("{} {}: {}", report::who(f), f.code.unwrap_or("?"), f.reason),
                    )
                })
            })
            .collect();
        if !self.show_paths {
            return (Vec::new(), tooltips);
        }
        let (mut prims, _) = crate::render::flows::flow_primitives(&self.design, &shown, palette);
        self.highlighted = shown
            .iter()
            .map(|f| (f.flow, f.hops.iter().map(|h| h.id.clone()).collect()))
            .collect();
        if self.animate {
            prims.extend(crate::render::flows::packets(
                &self.design,
                &shown,
                palette,
                time,
            ));
        }
        (prims, tooltips)
    }

    fn title(&self) -> String {
        let name = match &self.source {
            Source::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::Preset(n) => format!("preset {n}"),
            Source::Untitled => "untitled".to_owned(),
        };
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{name} — eksplain")
    }

    fn input_ui(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for command in AppCommand::WITH_SHORTCUTS {
            if typing && command != AppCommand::Escape && command != AppCommand::Save {
                continue;
            }
            for sc in command.kb_shortcuts() {
                if ctx.input_mut(|i| i.consume_shortcut(&sc)) {
                    self.queue.push(command);
                    break;
                }
            }
        }
        let (events, dropped) = ctx.input(|i| (i.events.clone(), i.raw.dropped_files.clone()));
        if !typing {
            for e in &events {
                match e {
                    egui::Event::Copy => self.queue.push(AppCommand::Copy),
                    egui::Event::Cut => self.queue.push(AppCommand::Cut),
                    egui::Event::Paste(text) => {
                        let at = self
                            .canvas
                            .pointer_canvas()
                            .unwrap_or(Point::new(2.0 * GRID, 2.0 * GRID));
                        let text = text.clone();
                        // Pasted fragments land under the pointer.
                        self.paste_at_pointer(&text, at);
                    }
                    _ => {}
                }
            }
            let step = if ctx.input(|i| i.modifiers.shift) {
                1.0
            } else {
                GRID
            };
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
                    self.nudge(dx, dy);
                }
            }
        }
        if let Some(path) = dropped
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
        {
            if path.extension().is_some_and(|e| e == "ron") {
                self.guarded(Pending::Open(Some(path)));
            } else {
                self.info(format!("{} is not a .ron design file", path.display()));
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(Pending::Close);
        }
    }

    fn paste_at_pointer(&mut self, text: &str, at: Point) {
        let Some(fragment) = self.parse_fragment(text) else {
            return;
        };
        // Offset so that the fragment's top-left lands at the pointer.
        let offset = fragment
            .components
            .iter()
            .map(|c| c.pos)
            .reduce(|a, b| Point::new(a.x.min(b.x), a.y.min(b.y)))
            .map_or(Point::new(2.0 * GRID, 2.0 * GRID), |min| {
                Point::new(snap(at.x - min.x), snap(at.y - min.y))
            });
        self.paste_fragment(fragment, offset);
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let q = &mut self.queue;
        let has_sel = !self.selection.is_empty();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                AppCommand::New.menu_button(ui, q, true);
                AppCommand::Open.menu_button(ui, q, true);
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("no recent files");
                    }
                    for (i, p) in self.settings.recent.iter().enumerate() {
                        if ui.button(p.display().to_string()).clicked() {
                            q.push(AppCommand::OpenRecent(i));
                            ui.close();
                        }
                    }
                });
                ui.menu_button("Open preset", |ui| {
                    for i in 0..PRESETS.len() {
                        AppCommand::OpenPreset(i).menu_button(ui, q, true);
                    }
                });
                ui.separator();
                AppCommand::Save.menu_button(ui, q, true);
                AppCommand::SaveAs.menu_button(ui, q, true);
                ui.separator();
                AppCommand::Quit.menu_button(ui, q, true);
            });
            ui.menu_button("Edit", |ui| {
                AppCommand::Undo.menu_button(ui, q, self.history.can_undo());
                AppCommand::Redo.menu_button(ui, q, self.history.can_redo());
                ui.separator();
                AppCommand::Cut.menu_button(ui, q, has_sel);
                AppCommand::Copy.menu_button(ui, q, has_sel);
                AppCommand::Paste.menu_button(ui, q, self.clipboard.is_some());
                AppCommand::Duplicate.menu_button(ui, q, has_sel);
                AppCommand::Delete.menu_button(
                    ui,
                    q,
                    has_sel || self.selected_connection.is_some(),
                );
                ui.separator();
                AppCommand::SelectAll.menu_button(ui, q, true);
                AppCommand::ConnectTool.menu_button(ui, q, true);
                ui.separator();
                AppCommand::SecurityEditor.menu_button(ui, q, true);
            });
            ui.menu_button("Export", |ui| {
                AppCommand::ExportSvg.menu_button(ui, q, true);
                AppCommand::ExportPng.menu_button(ui, q, true);
                AppCommand::ExportReport.menu_button(ui, q, true);
                AppCommand::ExportMermaid.menu_button(ui, q, true);
                AppCommand::CopyReport.menu_button(ui, q, true);
            });
            ui.menu_button("View", |ui| {
                AppCommand::FitView.menu_button(ui, q, true);
                AppCommand::ZoomIn.menu_button(ui, q, true);
                AppCommand::ZoomOut.menu_button(ui, q, true);
                let mut hidden = self.panels_hidden;
                if ui.checkbox(&mut hidden, "Hide panels").changed() {
                    q.push(AppCommand::TogglePanels);
                    ui.close();
                }
                AppCommand::TogglePaths.menu_button(ui, q, true);
                AppCommand::ToggleAnimation.menu_button(ui, q, true);
                AppCommand::CompareModes.menu_button(ui, q, true);
                AppCommand::CopyReport.menu_button(ui, q, true);
                let mut dark = self.settings.theme == Theme::Dark;
                if ui.checkbox(&mut dark, "Dark theme").changed() {
                    q.push(AppCommand::ToggleTheme);
                    ui.close();
                }
            });
            ui.menu_button("Help", |ui| {
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
                    AppCommand::Undo => self.history.can_undo(),
                    AppCommand::Redo => self.history.can_redo(),
                    AppCommand::Delete => {
                        !self.selection.is_empty() || self.selected_connection.is_some()
                    }
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
                .selectable_label(connecting, "connect")
                .on_hover_text("Drag from one component to another (C)")
                .clicked()
            {
                self.queue.push(AppCommand::ConnectTool);
            }
            if let Tool::Place(kind) = self.tool {
                ui.label(format!("click on the canvas to place a {}", kind.human()));
            }
        });
    }

    fn status_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let mode = self
                .design
                .cluster
                .mode()
                .map_or("no endpoint enabled", |m| m.human());
            ui.label(format!("mode: {mode}"));
            ui.separator();
            ui.label(format!("{} components", self.design.components.len()));
            ui.separator();
            ui.label(panels::selection_summary(&self.selection));
            if let Some(s) = &self.status {
                ui.separator();
                if s.is_error {
                    ui.colored_label(ui.visuals().error_fg_color, &s.text);
                } else {
                    ui.label(&s.text);
                }
            }
        });
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) {
        if self.prompt.is_none() {
            return;
        }
        let mut answer = None;
        egui::Modal::new(egui::Id::new("unsaved-prompt")).show(ctx, |ui| {
            ui.heading("Unsaved changes");
            ui.label("Save the changes to this design first?");
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(PromptAnswer::Save);
                }
                if ui.button("Discard").clicked() {
                    answer = Some(PromptAnswer::Discard);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(PromptAnswer::Cancel);
                }
            });
        });
        if let Some(a) = answer {
            self.answer_prompt(a, Some(ctx));
        }
    }

    fn shortcuts_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.show_shortcuts;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .resizable(false)
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
                        ("Nudge the selection", "arrows (Shift: one unit)"),
                        ("Select several", "Shift-click or Ctrl-click"),
                        ("Box select", "Shift-drag on empty canvas"),
                        ("Pan", "drag empty canvas, or middle button"),
                        ("Zoom at the pointer", "wheel or pinch"),
                    ] {
                        ui.label(what);
                        ui.label(keys);
                        ui.end_row();
                    }
                });
            });
        self.show_shortcuts = open;
    }

    /// Draws one frame. Public so that tests can drive the app without eframe.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.input_ui(&ctx);
        for command in std::mem::take(&mut self.queue) {
            self.run_command(command, &ctx);
        }
        for edit in std::mem::take(&mut self.edits) {
            self.apply(edit);
        }
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
        let palette = Palette::of(self.settings.theme);
        // Like the analysis, validation waits for the end of a drag.
        if self.problems.0 != self.revision && self.interaction.is_none() {
            self.problems = (self.revision, validate(&self.design));
        }
        self.refresh_analysis();
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_ui(ui);
            self.toolbar_ui(ui);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if !self.panels_hidden {
            self.side_panels_ui(ui, &palette);
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                // Colours are baked into the drawing, so the theme is part of its key.
                let dark = u64::from(self.settings.theme == Theme::Dark);
                let key = SyncKey {
                    revision: self.revision * 2 + dark,
                    content: self.content_revision * 2 + dark,
                };
                self.canvas
                    .sync(&self.design, key, &palette, &self.selection);
                self.canvas.set_selection(&self.selection);
                let placing = match self.tool {
                    Tool::Place(k) => Some(k),
                    _ => None,
                };
                let time = ui.ctx().input(|i| i.time);
                let (overlay, tooltips) = self.flow_overlay(&palette, time);
                if self.animate && !overlay.is_empty() {
                    // Animate only while the window is in front; an unfocused window idles.
                    if ui.ctx().input(|i| i.focused) {
                        ui.ctx().request_repaint();
                    }
                }
                let input = CanvasInput {
                    selection: &self.selection,
                    selected_connection: self.selected_connection,
                    placing,
                    connecting: self.tool == Tool::Connect,
                    palette: &palette,
                    overlay: &overlay,
                    tooltips: &tooltips,
                    fonts_epoch: self.fonts_epoch,
                    resizing: match &self.interaction {
                        Some(Interaction {
                            kind: InteractionKind::Resize(_, h),
                            ..
                        }) => Some(*h),
                        _ => None,
                    },
                };
                let (response, actions) = self.canvas.ui(ui, &input);
                self.handle_canvas(actions);
                response.context_menu(|ui| self.context_menu_ui(ui));
            });
        if let Some(e) =
            security_ui::security_window(&ctx, &self.design, &mut self.security, &mut self.buffers)
        {
            self.edits.push(e);
        }
        self.prompt_ui(&ctx);
        self.shortcuts_ui(&ctx);
        self.compare_ui(&ctx);
        self.autosave(&ctx);
        self.watch(&ctx);
        self.recovery_ui(&ctx);
    }

    /// The inspector of the selected component or connection, or a hint when nothing is
    /// selected.
    fn inspector_section_ui(&mut self, ui: &mut egui::Ui) {
        match self.selection.len() {
            0 => match self.selected_connection {
                Some(i) => {
                    if let Some(e) = panels::connection_ui(ui, &self.design, i, &mut self.buffers) {
                        if matches!(e, Edit::Disconnect(_)) {
                            self.selected_connection = None;
                        }
                        self.edits.push(e);
                    }
                }
                None => {
                    ui.label("select a component or connection to see its properties");
                }
            },
            1 => {
                let id = self.selection.iter().next().cloned().unwrap_or_default();
                if let Some(e) = panels::inspector_ui(
                    ui,
                    &self.design,
                    &id,
                    &mut self.buffers,
                    &mut self.security,
                ) {
                    if let Edit::Rename { to, .. } = &e {
                        let to = to.clone();
                        if self.apply(e) {
                            self.selection = BTreeSet::from([to]);
                        }
                    } else {
                        self.edits.push(e);
                    }
                }
            }
            n => {
                ui.label(format!("{n} components selected"));
            }
        }
        ui.separator();
    }

    /// The canvas's right-click menu: the commands for what was clicked.
    fn context_menu_ui(&mut self, ui: &mut egui::Ui) {
        let has_sel = !self.selection.is_empty();
        let q = &mut self.queue;
        AppCommand::Cut.menu_button(ui, q, has_sel);
        AppCommand::Copy.menu_button(ui, q, has_sel);
        AppCommand::Paste.menu_button(ui, q, true);
        AppCommand::Duplicate.menu_button(ui, q, has_sel);
        AppCommand::Delete.menu_button(ui, q, has_sel || self.selected_connection.is_some());
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
        egui::Panel::bottom("problems")
            .resizable(true)
            .show(ui, |ui| {
                ui.label(egui::RichText::new(format!("problems ({})", problems.len())).strong());
                if let Some(id) = panels::problems_ui(ui, &problems) {
                    self.selection = BTreeSet::from([id]);
                    self.buffers.clear();
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
            .max_size(480.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    // The selection's properties first, where they stay put as the flows
                    // list below grows and shrinks.
                    self.inspector_section_ui(ui);
                    egui::CollapsingHeader::new("Cluster")
                        .default_open(true)
                        .show(ui, |ui| {
                            if let Some(e) = panels::cluster_ui(
                                ui,
                                &self.design,
                                &mut self.buffers,
                                &mut self.security,
                            ) {
                                self.edits.push(e);
                            }
                        });
                    egui::CollapsingHeader::new("Flows")
                        .default_open(true)
                        .show(ui, |ui| {
                            if let Some((revision, a)) = &self.analysis {
                                let actions = flows_ui::flows_ui(
                                    ui,
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
                                            if let Some(c) = self.design.component(&id) {
                                                self.canvas.center_on(c.rect().center());
                                            }
                                            self.selection = BTreeSet::from([id]);
                                            self.buffers.clear();
                                        }
                                        FlowAction::CopyReport => {
                                            self.queue.push(AppCommand::CopyReport);
                                        }
                                    }
                                }
                            }
                        });
                    egui::CollapsingHeader::new("Findings")
                        .default_open(true)
                        .show(ui, |ui| {
                            if let Some((_, a)) = &self.analysis
                                && let Some(id) = flows_ui::findings_ui(ui, a)
                            {
                                self.selection = BTreeSet::from([id]);
                                self.buffers.clear();
                            }
                        });
                });
            });
    }

    fn compare_ui(&mut self, ctx: &egui::Context) {
        if !self.show_compare {
            return;
        }
        if self
            .compare
            .as_ref()
            .is_none_or(|(k, _)| *k != self.revision)
        {
            self.compare = Some((self.revision, flows_ui::compare(&self.design)));
        }
        let mut open = true;
        let mut apply = None;
        if let Some((_, analyses)) = &self.compare {
            let current = self.design.cluster.mode();
            egui::Window::new("Compare modes")
                .open(&mut open)
                .default_width(760.0)
                .show(ctx, |ui| {
                    apply = flows_ui::comparison_ui(ui, analyses, current);
                });
        }
        self.show_compare = open;
        if let Some(mode) = apply {
            let mut cluster = self.design.cluster.clone();
            cluster.set_mode(mode);
            if self.apply(Edit::SetCluster(cluster)) {
                self.info(format!("switched to {}", mode.human()));
            }
        }
    }
}

/// A modal question with a yes and a no button; the answer once one is clicked.
fn choice_modal(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    lines: &[&str],
    (yes, no): (&str, &str),
) -> Option<bool> {
    let mut answer = None;
    egui::Modal::new(egui::Id::new(id)).show(ctx, |ui| {
        ui.heading(heading);
        for line in lines {
            ui.label(*line);
        }
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                answer = Some(true);
            }
            if ui.button(no).clicked() {
                answer = Some(false);
            }
        });
    });
    answer
}

/// Makes a panic write the latest unsaved design to the recovery file, then run the
/// default panic handler.
pub fn install_panic_hook(snapshot: Arc<Mutex<Option<RecoveryFile>>>, path: PathBuf) {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A poisoned lock still holds the last snapshot.
        let guard = snapshot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(file) = guard.as_ref() {
            // Best effort: we are already failing.
            let _ = recovery::write(&path, file);
        }
        drop(guard);
        default_hook(info);
    }));
}

/// The answers to the unsaved-changes question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Stay.
    Cancel,
}

impl eframe::App for EksplainApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, "settings", &self.settings);
    }
}
