//! The application: owns the open design and applies commands once per frame.

use std::path::{Path, PathBuf};

use crate::io::{self, PRESETS};
use crate::model::{Design, Problem};
use crate::render::{Palette, Theme};
use crate::ui::canvas::Canvas;
use crate::ui::command::AppCommand;
use crate::ui::theme;

/// Where the open design came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// A built-in preset, by name.
    Preset(&'static str),
}

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Shown as an error.
    pub is_error: bool,
}

/// The eksplain window.
pub struct EksplainApp {
    design: Design,
    source: Source,
    warnings: Vec<Problem>,
    revision: u64,
    canvas: Canvas,
    theme: Theme,
    status: Option<Status>,
    queue: Vec<AppCommand>,
}

impl EksplainApp {
    /// Opens on a built-in preset.
    pub fn with_preset(name: &str) -> Self {
        let mut app = Self {
            design: Design::default(),
            source: Source::Preset(io::DEFAULT_PRESET),
            warnings: Vec::new(),
            revision: 0,
            canvas: Canvas::default(),
            theme: Theme::Light,
            status: None,
            queue: Vec::new(),
        };
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

    /// Queues a command to run at the start of the next frame.
    pub fn push_command(&mut self, command: AppCommand) {
        self.queue.push(command);
    }

    fn set_design(&mut self, design: Design, warnings: Vec<Problem>, source: Source) {
        self.design = design;
        self.warnings = warnings;
        self.source = source;
        self.revision += 1;
        self.canvas.selected = None;
        self.canvas.request_fit();
    }

    fn open_preset(&mut self, index: usize) {
        let Some(preset) = PRESETS.get(index) else {
            return;
        };
        match preset.load() {
            Ok((design, warnings)) => {
                self.set_design(design, warnings, Source::Preset(preset.name));
                self.status = Some(Status {
                    text: format!("opened preset {}", preset.name),
                    is_error: false,
                });
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn open_file(&mut self, path: &Path) {
        match io::load(path) {
            Ok((design, warnings)) => {
                let n = warnings.len();
                self.set_design(design, warnings, Source::File(path.to_path_buf()));
                self.status = Some(Status {
                    text: if n == 0 {
                        format!("opened {}", path.display())
                    } else {
                        format!("opened {} with {n} warnings", path.display())
                    },
                    is_error: false,
                });
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn error(&mut self, text: String) {
        log::error!("{text}");
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }

    fn run_command(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::Open => {
                let picked = rfd::FileDialog::new()
                    .add_filter("eksplain design", &["ron"])
                    .pick_file();
                if let Some(path) = picked {
                    self.open_file(&path);
                }
            }
            AppCommand::OpenPreset(i) => self.open_preset(i),
            AppCommand::FitView => self.canvas.request_fit(),
            AppCommand::ToggleTheme => {
                self.theme = match self.theme {
                    Theme::Light => Theme::Dark,
                    Theme::Dark => Theme::Light,
                };
                self.revision += 1;
            }
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn title(&self) -> String {
        let name = match &self.source {
            Source::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::Preset(n) => format!("preset {n}"),
        };
        format!("{name} — eksplain")
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                AppCommand::Open.menu_button(ui, &mut self.queue);
                ui.menu_button("Open preset", |ui| {
                    for i in 0..PRESETS.len() {
                        AppCommand::OpenPreset(i).menu_button(ui, &mut self.queue);
                    }
                });
                ui.separator();
                AppCommand::Quit.menu_button(ui, &mut self.queue);
            });
            ui.menu_button("View", |ui| {
                AppCommand::FitView.menu_button(ui, &mut self.queue);
                let mut dark = self.theme == Theme::Dark;
                if ui.checkbox(&mut dark, "Dark theme").changed() {
                    self.queue.push(AppCommand::ToggleTheme);
                    ui.close();
                }
            });
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
            if !self.warnings.is_empty() {
                ui.separator();
                ui.label(format!("{} warnings", self.warnings.len()));
            }
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

    /// Draws one frame. Public so that tests can drive the app without eframe.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // Commands from the last frame and from shortcuts are applied once, here.
        for command in AppCommand::WITH_SHORTCUTS {
            if let Some(sc) = command.kb_shortcut()
                && !ctx.egui_wants_keyboard_input()
                && ctx.input_mut(|i| i.consume_shortcut(&sc))
            {
                self.queue.push(command);
            }
        }
        for command in std::mem::take(&mut self.queue) {
            self.run_command(command, &ctx);
        }
        ctx.set_visuals(theme::visuals(self.theme));
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.title()));
        let palette = Palette::of(self.theme);
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.canvas.sync(&self.design, self.revision, &palette);
                self.canvas.ui(ui, &palette);
            });
    }
}

impl eframe::App for EksplainApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}
