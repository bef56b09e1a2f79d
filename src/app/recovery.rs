//! Never losing a design: the recovery file written shortly after each change (and by the
//! panic hook), the restore question at start-up, and the reload question when the open
//! file changes on disk.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{EksplainApp, Source};
use crate::io;
use crate::io::recovery::{self, RecoveryFile};
use crate::io::watch::FileWatch;
use crate::t;

/// How long after a change the recovery file is written.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(1500);

/// The recovery file's state.
pub(super) struct Recovery {
    path: PathBuf,
    due: Option<Instant>,
    written_revision: u64,
    offered: Option<RecoveryFile>,
    panic_snapshot: Arc<Mutex<Option<RecoveryFile>>>,
}

impl Default for Recovery {
    fn default() -> Self {
        Self {
            path: recovery::recovery_path(eframe::storage_dir("eksplain")),
            due: None,
            written_revision: 0,
            offered: None,
            panic_snapshot: Arc::new(Mutex::new(None)),
        }
    }
}

impl Recovery {
    /// A new design is open: nothing is due.
    pub(super) fn reset(&mut self) {
        self.due = None;
    }
}

impl EksplainApp {
    /// Where the recovery file goes (tests point it at a temporary directory).
    pub fn with_recovery_path(mut self, path: PathBuf) -> Self {
        self.recovery.path = path;
        self
    }

    /// Where the recovery file goes.
    pub fn recovery_path(&self) -> &Path {
        &self.recovery.path
    }

    /// What the panic hook writes: the last committed design with unsaved changes.
    pub fn panic_snapshot(&self) -> Arc<Mutex<Option<RecoveryFile>>> {
        self.recovery.panic_snapshot.clone()
    }

    /// Offers to restore unsaved work found at start-up.
    pub fn offer_recovery(&mut self, file: RecoveryFile) {
        self.recovery.offered = Some(file);
    }

    /// True while the restore question is open.
    pub fn recovery_offered(&self) -> bool {
        self.recovery.offered.is_some()
    }

    /// Answers the restore question: restore the recovered design, or discard it.
    pub fn answer_recovery(&mut self, restore: bool) {
        let Some(file) = self.recovery.offered.take() else {
            return;
        };
        if restore {
            let source = match file.source.strip_prefix("file ") {
                Some(p) => Source::File(PathBuf::from(p)),
                None => Source::Untitled,
            };
            self.set_design(file.design, &[], source);
            // Restored work is unsaved work.
            self.saved_revision = self.editor.revision().wrapping_sub(1);
            self.info(t!("status-restored"));
        } else {
            recovery::clear(&self.recovery.path);
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
            if let Err(e) = io::save(self.editor.design(), &keep) {
                self.error(t!("status-not-reloaded", error = e.to_string()));
                return;
            }
            self.open_file(&path);
            self.info(t!(
                "status-reloaded-kept",
                path = keep.display().to_string()
            ));
        } else {
            self.open_file(&path);
        }
    }

    /// Writes the recovery file shortly after changes, and removes it when the design is
    /// clean. Keeps the panic hook's snapshot current.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let revision = self.editor.revision();
        let dirty = self.is_dirty();
        let r = &mut self.recovery;
        if !dirty {
            if r.written_revision != 0 {
                recovery::clear(&r.path);
                r.written_revision = 0;
                if let Ok(mut s) = r.panic_snapshot.lock() {
                    *s = None;
                }
            }
            r.due = None;
            return;
        }
        if r.written_revision == revision || self.editor.interaction().is_some() {
            return;
        }
        let now = Instant::now();
        let due = *r.due.get_or_insert(now + AUTOSAVE_DELAY);
        let file = RecoveryFile {
            source: self.source.label(),
            saved_at: recovery::now(),
            design: self.editor.design().clone(),
        };
        if now < due {
            ctx.request_repaint_after(due - now);
            if let Ok(mut s) = r.panic_snapshot.lock() {
                *s = Some(file);
            }
            return;
        }
        let written = recovery::write(&r.path, &file);
        if let Ok(mut s) = r.panic_snapshot.lock() {
            *s = Some(file);
        }
        r.due = None;
        match written {
            Ok(()) => r.written_revision = revision,
            Err(e) => self.error(t!("status-recovery-write-failed", error = e.to_string())),
        }
    }

    /// Watches the open file; a change made by someone else opens the reload question.
    pub(super) fn watch(&mut self, ctx: &egui::Context) {
        let want = match &self.source {
            Source::File(p) => Some(p.clone()),
            _ => None,
        };
        if self.watcher.as_ref().map(FileWatch::path) != want.as_deref() {
            self.watcher = want.and_then(|p| {
                let ctx = ctx.clone();
                FileWatch::start(&p, Box::new(move || ctx.request_repaint()))
            });
        }
        if let Some(w) = &self.watcher
            && w.take_change()
        {
            self.changed_on_disk = Some(w.path().to_path_buf());
        }
    }

    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        if let Some(file) = &self.recovery.offered {
            let ago = recovery::now().saturating_sub(file.saved_at);
            let text = if ago < 120 {
                t!(
                    "recovery-text-seconds",
                    source = &file.source,
                    seconds = ago
                )
            } else {
                t!(
                    "recovery-text-minutes",
                    source = &file.source,
                    minutes = ago / 60
                )
            };
            let lines = [text.as_str()];
            let (restore, discard) = (t!("button-restore"), t!("button-discard"));
            let title = t!("recovery-title");
            let choice = (restore.as_str(), discard.as_str());
            if let Some(a) = choice_modal(ctx, "recovery", &title, &lines, choice) {
                self.answer_recovery(a);
            }
        }
        if let Some(path) = &self.changed_on_disk {
            let text = t!("reload-text", path = path.display().to_string());
            let keep = t!("reload-keeps-edits");
            let lines: &[&str] = if self.is_dirty() {
                &[&text, &keep]
            } else {
                &[&text]
            };
            let (reload, mine) = (t!("button-reload"), t!("button-keep-mine"));
            let title = t!("reload-title");
            let choice = (reload.as_str(), mine.as_str());
            if let Some(a) = choice_modal(ctx, "reload", &title, lines, choice) {
                self.answer_reload(a);
            }
        }
    }
}

/// A modal question with a yes and a no button; the answer once one is clicked.
pub(super) fn choice_modal(
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
