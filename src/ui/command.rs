//! Every user command, with its menu text and keyboard shortcut. Menus and shortcuts are
//! generated from this one table.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppCommand {
    /// Open a design file.
    Open,
    /// Open a built-in preset by index into `io::PRESETS`.
    OpenPreset(usize),
    /// Fit the whole design in the view.
    FitView,
    /// Switch between light and dark.
    ToggleTheme,
    /// Quit.
    Quit,
}

impl AppCommand {
    /// Commands that have a fixed shortcut, for the shortcut table.
    pub const WITH_SHORTCUTS: [AppCommand; 3] =
        [AppCommand::Open, AppCommand::FitView, AppCommand::Quit];

    /// Menu text and tooltip.
    pub fn text_and_tooltip(self) -> (String, &'static str) {
        match self {
            AppCommand::Open => ("Open…".to_owned(), "Open a design file"),
            AppCommand::OpenPreset(i) => (
                crate::io::PRESETS
                    .get(i)
                    .map_or_else(String::new, |p| p.label.to_owned()),
                "Open a built-in example of an endpoint mode",
            ),
            AppCommand::FitView => ("Fit to view".to_owned(), "Show the whole design"),
            AppCommand::ToggleTheme => ("Dark theme".to_owned(), "Switch light and dark"),
            AppCommand::Quit => ("Quit".to_owned(), "Close eksplain"),
        }
    }

    /// The keyboard shortcut, if any.
    pub const fn kb_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            AppCommand::Open => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
            AppCommand::FitView => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F)),
            AppCommand::Quit => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)),
            AppCommand::OpenPreset(_) | AppCommand::ToggleTheme => None,
        }
    }

    /// A menu button for this command; pushes the command when clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, queue: &mut Vec<AppCommand>) {
        let (text, tip) = self.text_and_tooltip();
        let mut button = egui::Button::new(text);
        if let Some(sc) = self.kb_shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
        }
        if ui.add(button).on_hover_text(tip).clicked() {
            queue.push(self);
            ui.close();
        }
    }
}
