//! Opening, saving and exporting, and the question about unsaved changes.

use std::path::{Path, PathBuf};

use super::EksplainApp;
use super::dialogs::DialogKind;
use crate::engine::{FlowKind, analyze};
use crate::io::{self, PRESETS};
use crate::model::Design;
use crate::render::Palette;
use crate::render::export::{ExportFormat, ExportOptions, export_bytes};
use crate::t;

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

impl Source {
    /// The name used in titles, reports and export file names: `design.ron`,
    /// `public.ron` for a preset, `untitled`.
    pub fn file_name(&self) -> String {
        match self {
            Source::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::Preset(n) => format!("{n}.ron"),
            Source::Untitled => "untitled".to_owned(),
        }
    }

    /// The name in the window title.
    pub fn title_name(&self) -> String {
        match self {
            Source::Preset(n) => format!("preset {n}"),
            other => other.file_name(),
        }
    }

    /// How the recovery file names the source.
    pub fn label(&self) -> String {
        match self {
            Source::File(p) => format!("file {}", p.display()),
            Source::Preset(n) => format!("preset {n}"),
            Source::Untitled => "untitled".to_owned(),
        }
    }
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
    /// Import these files or folders (ask for them with a dialog when `None`); not
    /// guarded: the design changes only once the notes are read.
    Import(Option<Vec<PathBuf>>),
    /// Open the import whose notes were read, in place of the open design.
    OpenImport,
    /// Close the window.
    Close,
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

impl EksplainApp {
    pub(super) fn open_preset(&mut self, index: usize) {
        let Some(preset) = PRESETS.get(index) else {
            return;
        };
        match preset.load() {
            Ok((design, warnings)) => {
                self.set_design(design, &warnings, Source::Preset(preset.name));
                self.info(t!("status-opened-preset", name = preset.name));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn remember(&mut self, path: &Path) {
        self.settings.recent.retain(|p| p != path);
        self.settings.recent.insert(0, path.to_path_buf());
        self.settings.recent.truncate(10);
    }

    pub(super) fn open_file(&mut self, path: &Path) {
        match io::load(path) {
            Ok((design, warnings)) => {
                self.set_design(design, &warnings, Source::File(path.to_path_buf()));
                self.remember(path);
                if warnings.is_empty() {
                    self.info(t!("status-opened", path = path.display().to_string()));
                }
            }
            Err(e) => self.alert(&t!("alert-cannot-open"), e.to_string()),
        }
    }

    /// Imports files or folders; what import assumed is shown before the design opens.
    pub(super) fn import_files(&mut self, paths: &[PathBuf]) {
        match crate::import::import_paths(paths, crate::import::Format::Auto) {
            Ok(imported) => {
                // A newer import of the open design's source updates it in place.
                let imported =
                    if crate::import::merge::same_source(self.editor.design(), &imported.design) {
                        crate::import::merge::merge(self.editor.design(), imported).0
                    } else {
                        imported
                    };
                self.info(t!(
                    "status-imported",
                    count = imported.design.components.len()
                ));
                self.import_review = Some(imported);
            }
            Err(e) => self.alert(&t!("alert-cannot-import"), e.to_string()),
        }
    }

    /// Opens the design under review as untitled (`open`), or drops it.
    pub fn finish_import(&mut self, open: bool) {
        let Some(imported) = self.import_review.take() else {
            return;
        };
        if open {
            let n = imported.design.components.len();
            let update = crate::import::merge::same_source(self.editor.design(), &imported.design);
            // Only an update is an edit gated on errors; a new design validates as it opens.
            let errors: Vec<String> = if update {
                crate::model::validate(&imported.design)
                    .into_iter()
                    .filter(|p| p.severity == crate::model::Severity::Error)
                    .map(|p| p.to_string())
                    .collect()
            } else {
                Vec::new()
            };
            if update && !errors.is_empty() {
                // An update is an edit: it must leave a valid design.
                self.alert(
                    &t!("alert-cannot-update"),
                    t!("alert-cannot-update-errors", errors = errors.join("; ")),
                );
            } else if update {
                // The same design, updated as one undo step; saving writes it back.
                self.messages.push(crate::editor::Msg::Update(
                    Box::new(imported.design),
                    t!("status-updated-from-import", count = n),
                ));
            } else {
                // Replacing the open design asks about its unsaved changes first.
                self.import_ready = Some(imported);
                self.guarded(Pending::OpenImport);
            }
        } else {
            self.info(t!("status-import-cancelled"));
        }
    }

    /// The import waiting to be opened, if any.
    pub fn import_review(&self) -> Option<&crate::import::Imported> {
        self.import_review.as_ref()
    }

    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        match io::save(self.editor.design(), path) {
            Ok(()) => {
                // Our own write is not a change on disk.
                if let Some(w) = &self.watcher
                    && w.path() == path
                {
                    w.acknowledge();
                }
                self.source = Source::File(path.to_path_buf());
                self.saved_revision = self.editor.revision();
                self.remember(path);
                self.info(t!("status-saved", path = path.display().to_string()));
                true
            }
            Err(e) => {
                self.alert(&t!("alert-not-saved"), e.to_string());
                false
            }
        }
    }

    /// Saves; asks for a file name when the design has none (or `ask`). Returns true when
    /// saved now; false when refused, failed, or waiting for the in-app dialog.
    pub(super) fn save(&mut self, ask: bool, then: Option<Pending>) -> bool {
        if let (Source::File(p), false) = (&self.source, ask) {
            let p = p.clone();
            return self.save_to(&p);
        }
        let name = self.source.file_name();
        let is_ron = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        let name = if is_ron {
            name
        } else {
            "design.ron".to_owned()
        };
        self.ask_path(DialogKind::SaveAs { then }, &name);
        false
    }

    /// Runs an action that would discard the design, asking first when it has changes.
    pub(super) fn guarded(&mut self, pending: Pending) {
        if self.is_dirty() {
            self.prompt = Some(pending);
        } else {
            self.run_pending(pending, None);
        }
    }

    pub(super) fn run_pending(&mut self, pending: Pending, ctx: Option<&egui::Context>) {
        match pending {
            Pending::New => {
                self.set_design(Design::default(), &[], Source::Untitled);
                self.info(t!("status-new-design"));
            }
            Pending::Open(Some(path)) => self.open_file(&path),
            Pending::Open(None) => self.ask_path(DialogKind::Open, ""),
            Pending::Preset(i) => self.open_preset(i),
            Pending::Import(Some(paths)) => self.import_files(&paths),
            Pending::Import(None) => self.ask_path(DialogKind::Import, ""),
            Pending::OpenImport => {
                if let Some(imported) = self.import_ready.take() {
                    let warnings = crate::model::validate(&imported.design);
                    let n = imported.design.components.len();
                    self.set_design(imported.design, &warnings, Source::Untitled);
                    self.info(t!("status-imported-untitled", count = n));
                }
            }
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
                if self.save(false, Some(pending.clone())) {
                    self.run_pending(pending, ctx);
                }
            }
            PromptAnswer::Discard => self.run_pending(pending, ctx),
            PromptAnswer::Cancel => {}
        }
    }

    /// Exports the diagram, the report or a Mermaid chart, asking where to write it.
    pub(super) fn export(&mut self, ext: &'static str) {
        let stem = self.source.file_name().trim_end_matches(".ron").to_owned();
        self.ask_path(DialogKind::Export(ext), &format!("{stem}.{ext}"));
    }

    /// Writes an export to `path`: `svg`, `png`, `md` or `mmd`. The flows exported are the
    /// types the flows panel shows, in the design's mode.
    pub fn export_to(&mut self, path: &Path, ext: &str) {
        let design = self.editor.design();
        let analysis = analyze(design, None);
        let palette = Palette::of(self.settings.theme);
        let options = ExportOptions {
            flows: FlowKind::ALL
                .iter()
                .zip(self.flows_view.filter.kinds)
                .filter(|(_, on)| *on)
                .map(|(k, _)| *k)
                .collect(),
            title: None,
            date: None,
            background: true,
            step: None,
            // With packets moving on the canvas, an SVG carries them too.
            animate: self.view.animate && ext == "svg",
        };
        let Some(mut format) = ExportFormat::from_extension(ext, 2.0) else {
            self.error(format!("{}: cannot export .{ext}", path.display()));
            return;
        };
        if let ExportFormat::Markdown(image) = &mut format {
            // Refer to an image exported beside the report, if there is one.
            *image = ["svg", "png"].iter().find_map(|e| {
                let img = path.with_extension(e);
                img.exists()
                    .then(|| img.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .flatten()
            });
        }
        let name = self.source.file_name();
        match export_bytes(design, &analysis, &name, &format, &palette, &options)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|out| {
                io::ron_file::write_atomically(path, &out.bytes)
                    .map(|()| out.notes)
                    .map_err(|e| e.to_string())
            }) {
            Ok(notes) if notes.is_empty() => {
                self.info(t!("status-exported", path = path.display().to_string()));
            }
            // Scaled to fit, or glyphs no font has: said where the user looks.
            Ok(notes) => self.refused(t!(
                "status-exported-with-notes",
                path = path.display().to_string(),
                notes = notes.join("; ")
            )),
            Err(e) => self.error(e),
        }
    }
}
