//! File dialogs: the system's (through rfd) where one is available, else a path field in
//! the app, so Open, Save as and Export always work and a missing dialog is said, not
//! only logged.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::EksplainApp;
use super::files::Pending;
use crate::t;

/// What a file dialog asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogKind {
    /// A design to open.
    Open,
    /// Where to save the design; then what to do after saving.
    SaveAs {
        /// The action that waited for the save.
        then: Option<Pending>,
    },
    /// Where to write an export with this extension.
    Export(&'static str),
    /// Files or a folder to import.
    Import,
    /// A design to compare the open one with.
    CompareWith,
    /// A git revision of the open file to compare with (typed, never a system dialog).
    Revision,
}

impl DialogKind {
    fn heading(&self) -> String {
        match self {
            DialogKind::Open => t!("dialog-open"),
            DialogKind::SaveAs { .. } => t!("dialog-save-as"),
            DialogKind::Export(_) => t!("dialog-export"),
            DialogKind::Import => t!("dialog-import"),
            DialogKind::CompareWith => t!("dialog-compare-with"),
            DialogKind::Revision => t!("dialog-revision"),
        }
    }
}

/// The in-app dialog's state.
#[derive(Debug)]
pub(super) struct Dialogs {
    /// Use the system's dialogs (until one turns out to be missing).
    pub native: bool,
    open: Option<(DialogKind, String)>,
}

impl Default for Dialogs {
    fn default() -> Self {
        Self {
            native: native_available(),
            open: None,
        }
    }
}

impl Dialogs {
    pub(super) fn open_kind(&self) -> Option<DialogKind> {
        self.open.as_ref().map(|(k, _)| k.clone())
    }
}

/// Whether a system file dialog can be shown: on Linux rfd needs the desktop portal (over
/// D-Bus) or zenity; `EKSPLAIN_FILE_DIALOG=in-app` always uses the path field.
fn native_available() -> bool {
    if std::env::var("EKSPLAIN_FILE_DIALOG").is_ok_and(|v| v == "in-app") {
        return false;
    }
    if cfg!(target_os = "linux") {
        return std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || zenity_on_path();
    }
    true
}

fn zenity_on_path() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}

impl EksplainApp {
    /// Asks for a path: the system dialog, or the in-app field when there is none.
    pub(super) fn ask_path(&mut self, kind: DialogKind, file_name: &str) {
        let dir = match &self.source {
            super::Source::File(p) => p.parent().map(Path::to_path_buf),
            _ => None,
        }
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
        if self.dialog.native {
            let started = Instant::now();
            let mut d = rfd::FileDialog::new().set_directory(&dir);
            d = match &kind {
                DialogKind::Open | DialogKind::SaveAs { .. } | DialogKind::CompareWith => {
                    d.add_filter("eksplain design", &["ron"])
                }
                DialogKind::Export(ext) => d.add_filter(*ext, &[*ext]),
                DialogKind::Import => d.add_filter(
                    "AWS CLI, Terraform, eksctl or CloudFormation",
                    &crate::import::EXTENSIONS,
                ),
                // Typed in the app (ask_revision), never a file dialog.
                DialogKind::Revision => d,
            };
            if matches!(kind, DialogKind::Import)
                && let Some(paths) = d.clone().pick_files()
            {
                self.import_files(&paths);
                return;
            }
            let picked = match &kind {
                DialogKind::Import => None,
                DialogKind::Open | DialogKind::CompareWith => d.pick_file(),
                _ => d.set_file_name(file_name).save_file(),
            };
            if let Some(path) = picked {
                self.finish_dialog(kind, path);
                return;
            }
            // A dialog that was never shown comes back at once; a person takes longer.
            if started.elapsed() > Duration::from_millis(400) || zenity_on_path() {
                return;
            }
            self.dialog.native = false;
            self.refused(t!("dialog-no-system-dialog"));
        }
        let start = if matches!(
            kind,
            DialogKind::Open | DialogKind::Import | DialogKind::CompareWith
        ) {
            dir.display().to_string()
        } else {
            dir.join(file_name).display().to_string()
        };
        self.dialog.open = Some((kind, start));
    }

    /// Asks for the git revision of the open file to compare with.
    pub(super) fn ask_revision(&mut self) {
        self.dialog.open = Some((DialogKind::Revision, "HEAD".to_owned()));
    }

    fn finish_dialog(&mut self, kind: DialogKind, path: PathBuf) {
        match kind {
            DialogKind::Open => self.open_file(&path),
            DialogKind::CompareWith => self.compare_with_file(&path),
            DialogKind::Revision => self.compare_with_revision(&path.to_string_lossy()),
            DialogKind::Import => self.import_files(&[path]),
            DialogKind::SaveAs { then } => {
                let path = if path.extension().is_none() {
                    path.with_extension("ron")
                } else {
                    path
                };
                if self.save_to(&path) {
                    if let Some(then) = then {
                        self.run_pending(then, None);
                    }
                } else if !self.dialog.native {
                    // Not saved (the status bar says why): ask again, with the path typed.
                    let text = path.display().to_string();
                    self.dialog.open = Some((DialogKind::SaveAs { then }, text));
                }
            }
            DialogKind::Export(ext) => {
                let path = if path.extension().is_none() {
                    path.with_extension(ext)
                } else {
                    path
                };
                self.export_to(&path, ext);
            }
        }
    }

    /// The in-app path dialog, and a failure to acknowledge.
    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context) {
        if let Some((heading, text)) = &self.alert {
            let mut ok = false;
            egui::Modal::new(egui::Id::new("alert")).show(ctx, |ui| {
                ui.heading(heading.as_str());
                ui.set_max_width(520.0);
                ui.add(egui::Label::new(text.as_str()).wrap());
                ok = ui.button("OK").clicked()
                    || ui.input(|i| {
                        i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Escape)
                    });
            });
            if ok {
                self.alert = None;
            }
            return;
        }
        if self.import_review.is_some() {
            self.import_review_ui(ctx);
            return;
        }
        let Some((kind, text)) = &mut self.dialog.open else {
            return;
        };
        let mut done = None;
        egui::Modal::new(egui::Id::new("path-dialog")).show(ctx, |ui| {
            ui.heading(kind.heading());
            ui.label(if *kind == DialogKind::Revision {
                t!("dialog-revision-hint")
            } else {
                t!("dialog-path-hint")
            });
            let field = ui.add(egui::TextEdit::singleline(text).desired_width(420.0));
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if !field.has_focus() && !enter {
                field.request_focus();
            }
            ui.horizontal(|ui| {
                let ok = match kind {
                    DialogKind::Open => t!("button-open"),
                    DialogKind::SaveAs { .. } => t!("button-save"),
                    DialogKind::Export(_) => t!("button-export"),
                    DialogKind::Import => t!("button-import"),
                    DialogKind::CompareWith | DialogKind::Revision => t!("button-compare"),
                };
                if ui.button(ok).clicked() || enter {
                    done = Some(true);
                }
                if ui.button(t!("button-cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                if let Some((kind, text)) = self.dialog.open.take() {
                    let path = PathBuf::from(text.trim());
                    if text.trim().is_empty() {
                        self.refused(if kind == DialogKind::Revision {
                            t!("dialog-type-revision")
                        } else {
                            t!("dialog-type-path")
                        });
                        self.dialog.open = Some((kind, text));
                    } else {
                        self.finish_dialog(kind, path);
                    }
                }
            }
            Some(false) => self.dialog.open = None,
            None => {}
        }
    }
}

impl EksplainApp {
    /// What an import assumed, made up and left out, before its design opens.
    fn import_review_ui(&mut self, ctx: &egui::Context) {
        let Some(imported) = &self.import_review else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::new("import-review")).show(ctx, |ui| {
            let d = &imported.design;
            ui.heading(t!("import-review-title", name = &d.cluster.name));
            ui.set_max_width(640.0);
            ui.label(t!(
                "import-review-counts",
                components = d.components.len(),
                groups = d.security_groups.len(),
                acls = d.network_acls.len()
            ));
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for n in &imported.notes {
                        ui.horizontal_wrapped(|ui| {
                            ui.strong(n.kind.word().to_string());
                            ui.add(egui::Label::new(n.text.to_string()).wrap());
                        });
                    }
                });
            ui.label(t!("import-review-notes"));
            ui.horizontal(|ui| {
                if ui.button(t!("button-open")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Enter))
                {
                    answer = Some(true);
                }
                if ui.button(t!("button-cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    answer = Some(false);
                }
            });
        });
        if let Some(open) = answer {
            self.finish_import(open);
        }
    }
}
