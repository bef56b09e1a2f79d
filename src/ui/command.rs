//! Every user command, with its menu text and keyboard shortcut. Menus, the toolbar and the
//! shortcuts list are generated from this one table.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppCommand {
    /// Start an empty design.
    New,
    /// Open a design file.
    Open,
    /// Open a recent file by index.
    OpenRecent(usize),
    /// Open a built-in preset by index into `io::PRESETS`.
    OpenPreset(usize),
    /// Make a design from AWS CLI describe-* JSON files.
    Import,
    /// Lay the design out by zones and subnet tiers.
    TidyLayout,
    /// Save to the current file (asks for a name the first time).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Copy the selection (as RON text).
    Copy,
    /// Cut the selection.
    Cut,
    /// Paste components copied from this or another design.
    Paste,
    /// Duplicate the selection.
    Duplicate,
    /// Delete the selection.
    Delete,
    /// Type the selected component's label on the canvas.
    EditLabel,
    /// Select every component.
    SelectAll,
    /// Cancel the current tool, drag or selection.
    Escape,
    /// Draw a connection between two components.
    ConnectTool,
    /// Edit security groups and network ACLs.
    SecurityEditor,
    /// Fit the whole design in the view.
    FitView,
    /// Zoom in at the centre of the view.
    ZoomIn,
    /// Zoom out at the centre of the view.
    ZoomOut,
    /// Switch between light and dark.
    ToggleTheme,
    /// Hide or show the side panels (only the canvas, for presenting).
    TogglePanels,
    /// Show the keyboard shortcuts.
    Shortcuts,
    /// Show or hide the highlighted paths on the canvas.
    TogglePaths,
    /// Animate packets along the highlighted paths.
    ToggleAnimation,
    /// Show or hide the legend on the canvas.
    ToggleLegend,
    /// Compare the three endpoint modes side by side.
    CompareModes,
    /// Compare the design with another design file.
    CompareWithFile,
    /// Compare the design with its file as last saved.
    CompareWithSaved,
    /// Compare the design with its file at a git revision.
    CompareWithRevision,
    /// Stop comparing with another version.
    StopComparing,
    /// Walk through the highlighted flow one step at a time (arrow keys).
    WalkThrough,
    /// Copy the analysis as a Markdown report.
    CopyReport,
    /// Export the diagram as SVG.
    ExportSvg,
    /// Export the diagram as PNG.
    ExportPng,
    /// Export the diagram as vector PDF.
    ExportPdf,
    /// Export the Markdown report.
    ExportReport,
    /// Export a Mermaid flowchart.
    ExportMermaid,
    /// Quit.
    Quit,
    /// Speak this language (View › Language), remembered for the next start.
    SetLanguage(crate::i18n::Lang),
}

impl AppCommand {
    /// Commands with a fixed shortcut, in the order the shortcuts list shows them.
    pub const WITH_SHORTCUTS: [AppCommand; 31] = [
        AppCommand::New,
        AppCommand::Open,
        AppCommand::Import,
        AppCommand::Save,
        AppCommand::SaveAs,
        AppCommand::Undo,
        AppCommand::Redo,
        AppCommand::Cut,
        AppCommand::Copy,
        AppCommand::Paste,
        AppCommand::Duplicate,
        AppCommand::Delete,
        AppCommand::EditLabel,
        AppCommand::SelectAll,
        AppCommand::Escape,
        AppCommand::ConnectTool,
        AppCommand::SecurityEditor,
        AppCommand::TidyLayout,
        AppCommand::FitView,
        AppCommand::ZoomIn,
        AppCommand::ZoomOut,
        AppCommand::TogglePanels,
        AppCommand::TogglePaths,
        AppCommand::ToggleAnimation,
        AppCommand::ToggleLegend,
        AppCommand::CompareModes,
        AppCommand::CompareWithSaved,
        AppCommand::CompareWithRevision,
        AppCommand::WalkThrough,
        AppCommand::Shortcuts,
        AppCommand::Quit,
    ];

    /// Menu text and tooltip, in the current language.
    pub fn text_and_tooltip(self) -> (String, String) {
        let (text, tip) = self.keys();
        let text = match self {
            AppCommand::OpenPreset(i) => crate::io::PRESETS
                .get(i)
                .map_or_else(String::new, |p| p.label.to_owned()),
            _ => crate::i18n::tr(crate::i18n::current(), text),
        };
        (text, crate::i18n::tr(crate::i18n::current(), tip))
    }

    /// The catalogue keys of the menu text and the tooltip.
    const fn keys(self) -> (&'static str, &'static str) {
        match self {
            AppCommand::New => ("cmd-new", "cmd-new-tip"),
            AppCommand::Open => ("cmd-open", "cmd-open-tip"),
            AppCommand::OpenRecent(_) => ("cmd-open-recent", "cmd-open-recent-tip"),
            AppCommand::OpenPreset(_) => ("cmd-open-preset", "cmd-open-preset-tip"),
            AppCommand::Import => ("cmd-import", "cmd-import-tip"),
            AppCommand::TidyLayout => ("cmd-tidy-layout", "cmd-tidy-layout-tip"),
            AppCommand::Save => ("cmd-save", "cmd-save-tip"),
            AppCommand::SaveAs => ("cmd-save-as", "cmd-save-as-tip"),
            AppCommand::Undo => ("cmd-undo", "cmd-undo-tip"),
            AppCommand::Redo => ("cmd-redo", "cmd-redo-tip"),
            AppCommand::Copy => ("cmd-copy", "cmd-copy-tip"),
            AppCommand::Cut => ("cmd-cut", "cmd-cut-tip"),
            AppCommand::Paste => ("cmd-paste", "cmd-paste-tip"),
            AppCommand::Duplicate => ("cmd-duplicate", "cmd-duplicate-tip"),
            AppCommand::Delete => ("cmd-delete", "cmd-delete-tip"),
            AppCommand::SelectAll => ("cmd-select-all", "cmd-select-all-tip"),
            AppCommand::EditLabel => ("cmd-edit-label", "cmd-edit-label-tip"),
            AppCommand::Escape => ("cmd-escape", "cmd-escape-tip"),
            AppCommand::ConnectTool => ("cmd-connect-tool", "cmd-connect-tool-tip"),
            AppCommand::SecurityEditor => ("cmd-security-editor", "cmd-security-editor-tip"),
            AppCommand::FitView => ("cmd-fit-view", "cmd-fit-view-tip"),
            AppCommand::ZoomIn => ("cmd-zoom-in", "cmd-zoom-in-tip"),
            AppCommand::ZoomOut => ("cmd-zoom-out", "cmd-zoom-out-tip"),
            AppCommand::ToggleTheme => ("cmd-toggle-theme", "cmd-toggle-theme-tip"),
            AppCommand::TogglePanels => ("cmd-toggle-panels", "cmd-toggle-panels-tip"),
            AppCommand::Shortcuts => ("cmd-shortcuts", "cmd-shortcuts-tip"),
            AppCommand::TogglePaths => ("cmd-toggle-paths", "cmd-toggle-paths-tip"),
            AppCommand::ToggleAnimation => ("cmd-toggle-animation", "cmd-toggle-animation-tip"),
            AppCommand::WalkThrough => ("cmd-walk-through", "cmd-walk-through-tip"),
            AppCommand::ToggleLegend => ("cmd-toggle-legend", "cmd-toggle-legend-tip"),
            AppCommand::CompareModes => ("cmd-compare-modes", "cmd-compare-modes-tip"),
            AppCommand::CompareWithFile => ("cmd-compare-with-file", "cmd-compare-with-file-tip"),
            AppCommand::CompareWithSaved => {
                ("cmd-compare-with-saved", "cmd-compare-with-saved-tip")
            }
            AppCommand::CompareWithRevision => {
                ("cmd-compare-with-revision", "cmd-compare-with-revision-tip")
            }
            AppCommand::StopComparing => ("cmd-stop-comparing", "cmd-stop-comparing-tip"),
            AppCommand::CopyReport => ("cmd-copy-report", "cmd-copy-report-tip"),
            AppCommand::ExportSvg => ("cmd-export-svg", "cmd-export-svg-tip"),
            AppCommand::ExportPng => ("cmd-export-png", "cmd-export-png-tip"),
            AppCommand::ExportPdf => ("cmd-export-pdf", "cmd-export-pdf-tip"),
            AppCommand::ExportReport => ("cmd-export-report", "cmd-export-report-tip"),
            AppCommand::ExportMermaid => ("cmd-export-mermaid", "cmd-export-mermaid-tip"),
            AppCommand::Quit => ("cmd-quit", "cmd-quit-tip"),
            AppCommand::SetLanguage(_) => ("menu-language", "menu-language-tip"),
        }
    }

    /// The keyboard shortcuts, first one shown in menus.
    pub fn kb_shortcuts(self) -> Vec<KeyboardShortcut> {
        const fn k(m: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(m, key)
        }
        const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        match self {
            AppCommand::New => vec![k(Modifiers::COMMAND, Key::N)],
            AppCommand::Open => vec![k(Modifiers::COMMAND, Key::O)],
            AppCommand::Import => vec![k(Modifiers::COMMAND, Key::I)],
            AppCommand::TidyLayout => vec![k(CMD_SHIFT, Key::L)],
            AppCommand::Save => vec![k(Modifiers::COMMAND, Key::S)],
            AppCommand::SaveAs => vec![k(CMD_SHIFT, Key::S)],
            AppCommand::Undo => vec![k(Modifiers::COMMAND, Key::Z)],
            AppCommand::Redo => vec![k(CMD_SHIFT, Key::Z), k(Modifiers::COMMAND, Key::Y)],
            AppCommand::Cut => vec![k(Modifiers::COMMAND, Key::X)],
            AppCommand::Copy => vec![k(Modifiers::COMMAND, Key::C)],
            AppCommand::Paste => vec![k(Modifiers::COMMAND, Key::V)],
            AppCommand::Duplicate => vec![k(Modifiers::COMMAND, Key::D)],
            AppCommand::Delete => vec![
                k(Modifiers::NONE, Key::Delete),
                k(Modifiers::NONE, Key::Backspace),
            ],
            AppCommand::SelectAll => vec![k(Modifiers::COMMAND, Key::A)],
            AppCommand::EditLabel => vec![k(Modifiers::NONE, Key::F2)],
            AppCommand::Escape => vec![k(Modifiers::NONE, Key::Escape)],
            AppCommand::ConnectTool => vec![k(Modifiers::NONE, Key::C)],
            AppCommand::SecurityEditor => vec![k(Modifiers::NONE, Key::G)],
            AppCommand::FitView => vec![k(Modifiers::NONE, Key::F)],
            AppCommand::ZoomIn => vec![
                k(Modifiers::COMMAND, Key::Plus),
                k(Modifiers::COMMAND, Key::Equals),
            ],
            AppCommand::ZoomOut => vec![k(Modifiers::COMMAND, Key::Minus)],
            AppCommand::TogglePanels => vec![k(Modifiers::ALT, Key::Z)],
            AppCommand::Shortcuts => vec![k(Modifiers::NONE, Key::F1)],
            AppCommand::TogglePaths => vec![k(Modifiers::NONE, Key::P)],
            AppCommand::ToggleAnimation => vec![k(Modifiers::NONE, Key::A)],
            AppCommand::ToggleLegend => vec![k(Modifiers::NONE, Key::L)],
            AppCommand::WalkThrough => vec![k(Modifiers::NONE, Key::W)],
            AppCommand::CompareModes => vec![k(Modifiers::NONE, Key::M)],
            AppCommand::CompareWithSaved => vec![k(CMD_SHIFT, Key::D)],
            AppCommand::CompareWithRevision => vec![k(CMD_SHIFT, Key::G)],
            AppCommand::Quit => vec![k(Modifiers::COMMAND, Key::Q)],
            AppCommand::OpenRecent(_)
            | AppCommand::OpenPreset(_)
            | AppCommand::ToggleTheme
            | AppCommand::CopyReport
            | AppCommand::ExportSvg
            | AppCommand::ExportPng
            | AppCommand::ExportPdf
            | AppCommand::ExportReport
            | AppCommand::ExportMermaid
            | AppCommand::CompareWithFile
            | AppCommand::StopComparing
            | AppCommand::SetLanguage(_) => vec![],
        }
    }

    /// Every (command, shortcut) pair, those with more modifiers first: egui matches
    /// Ctrl+Z also when Shift is held, so Ctrl+Shift+Z (redo) must be tried before it.
    pub fn shortcuts_most_specific_first() -> &'static [(AppCommand, KeyboardShortcut)] {
        static ALL: std::sync::OnceLock<Vec<(AppCommand, KeyboardShortcut)>> =
            std::sync::OnceLock::new();
        ALL.get_or_init(Self::sorted_shortcuts)
    }

    fn sorted_shortcuts() -> Vec<(AppCommand, KeyboardShortcut)> {
        let mut all: Vec<(AppCommand, KeyboardShortcut)> = Self::WITH_SHORTCUTS
            .iter()
            .flat_map(|c| c.kb_shortcuts().into_iter().map(move |s| (*c, s)))
            .collect();
        let weight = |s: &KeyboardShortcut| {
            let m = s.modifiers;
            u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl || m.mac_cmd)
        };
        // Stable: the table's order holds among shortcuts of the same weight.
        all.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s)));
        all
    }

    /// A menu button for this command; pushes the command when clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, queue: &mut Vec<AppCommand>, enabled: bool) {
        let (text, tip) = self.text_and_tooltip();
        let mut button = egui::Button::new(text);
        if let Some(sc) = self.kb_shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(sc));
        }
        if ui.add_enabled(enabled, button).on_hover_text(tip).clicked() {
            queue.push(self);
            ui.close();
        }
    }
}
