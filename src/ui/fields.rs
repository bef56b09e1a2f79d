//! The field widgets every panel shares: text fields buffered while typed and checked as
//! you type, id fields, number fields, and the validators behind them.

use std::collections::HashMap;

use egui::RichText;

use crate::model::{net, validate::check_id};

/// What a field holds between frames.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    /// Being typed.
    Typing(String),
    /// Left with a valid value, sent as an edit; gone once the edit is applied.
    Submitted(String),
    /// Left with a value that is wrong or was refused: kept, with the reason, until fixed,
    /// reverted with Esc, or the selection changes.
    Rejected(String, String),
}

/// Text being typed into fields, by field key, until it is committed.
#[derive(Debug, Default)]
pub struct Buffers {
    entries: HashMap<String, Entry>,
    /// Why the last edit sent from a field was refused, if it was.
    refusal: Option<String>,
}

impl Buffers {
    /// Forgets every unfinished field (after a selection change).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.refusal = None;
    }

    /// The outcome of the edit a field sent: `Some(reason)` when it was refused, so the
    /// field keeps the typed value and says why.
    pub fn edit_outcome(&mut self, refusal: Option<String>) {
        self.refusal = refusal;
    }

    /// True while a field holds a value the design does not have (typed, or refused).
    pub fn has_unapplied(&self) -> bool {
        self.entries
            .values()
            .any(|e| matches!(e, Entry::Typing(_) | Entry::Rejected(..)))
    }
}

/// A one-line text field validated as you type; returns the new value when the user
/// leaves the field (or presses Enter) with a valid, changed value.
pub fn text_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
    validate: &dyn Fn(&str) -> Result<(), String>,
) -> Option<String> {
    let width = ui.available_width().min(200.0);
    text_field_width(ui, buffers, key, current, validate, width)
}

/// [`text_field`] with a given width.
pub fn text_field_width(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
    validate: &dyn Fn(&str) -> Result<(), String>,
    width: f32,
) -> Option<String> {
    // A fixed size: in a grid, a field that takes the available width would keep its column
    // as narrow as the previous frame left it.
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    buffered_field(ui, buffers, key, current, validate, &mut |ui, text, id| {
        ui.add_sized(size, egui::TextEdit::singleline(text).id(id))
    })
}

/// A multi-line text field; returns the new text when the user leaves it changed.
pub fn text_area(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
) -> Option<String> {
    let width = ui.available_width().min(200.0);
    buffered_field(ui, buffers, key, current, &ok, &mut |ui, text, id| {
        ui.add(
            egui::TextEdit::multiline(text)
                .id(id)
                .desired_rows(2)
                .desired_width(width),
        )
    })
}

/// The text being typed lives in `buffers` while the field has focus (the design keeps its
/// value until the user leaves the field); errors show under the field. A value that is
/// wrong, or that the editor refused, stays in the field with the reason instead of
/// silently going back to the old one; Esc goes back.
pub(crate) fn buffered_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
    validate: &dyn Fn(&str) -> Result<(), String>,
    show: &mut dyn FnMut(&mut egui::Ui, &mut String, egui::Id) -> egui::Response,
) -> Option<String> {
    let id = ui.make_persistent_id(key);
    let focused = ui.memory(|m| m.has_focus(id));
    // A submitted value is either in the design now, or was refused.
    if let Some(Entry::Submitted(t)) = buffers.entries.get(key) {
        let t = t.clone();
        match buffers.refusal.take() {
            Some(reason) => {
                buffers
                    .entries
                    .insert(key.to_owned(), Entry::Rejected(t, reason));
            }
            None => {
                buffers.entries.remove(key);
            }
        }
    }
    let (mut text, refused) = match buffers.entries.get(key) {
        Some(Entry::Typing(t)) if focused => (t.clone(), None),
        Some(Entry::Rejected(t, r)) => (t.clone(), Some(r.clone())),
        _ => (current.to_owned(), None),
    };
    // The field and its message are one cell (in a grid the message would otherwise take
    // the next column and widen the panel), and the message wraps at the field's width.
    let (resp, error) = ui
        .vertical(|ui| {
            let resp = show(ui, &mut text, id);
            let error = validate(&text).err();
            // While typing, what is wrong now; once left, why the value was not applied.
            let shown = if resp.has_focus() {
                error.clone()
            } else {
                refused
                    .filter(|_| text != current)
                    .or_else(|| error.clone())
            };
            if let Some(e) = &shown
                && (resp.has_focus() || text != current)
            {
                ui.set_max_width(resp.rect.width().max(120.0));
                ui.add(
                    egui::Label::new(RichText::new(e).color(ui.visuals().error_fg_color).small())
                        .wrap(),
                );
            }
            (resp, error)
        })
        .inner;
    let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if resp.has_focus() {
        buffers
            .entries
            .insert(key.to_owned(), Entry::Typing(text.clone()));
    }
    if resp.lost_focus() {
        if escaped || text == current {
            buffers.entries.remove(key);
        } else if let Some(e) = error {
            let reason = crate::t!("field-not-applied", reason = e.as_str());
            buffers
                .entries
                .insert(key.to_owned(), Entry::Rejected(text, reason));
        } else {
            buffers
                .entries
                .insert(key.to_owned(), Entry::Submitted(text.clone()));
            return Some(text);
        }
    }
    None
}

/// An id field: well formed, and not `taken` by anything other than its current holder.
pub fn id_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: &str,
    taken: &dyn Fn(&str) -> bool,
) -> Option<String> {
    text_field_width(
        ui,
        buffers,
        key,
        current,
        &|t| {
            check_id(t)?;
            if t != current && taken(t) {
                Err(crate::t!("field-id-taken", id = t))
            } else {
                Ok(())
            }
        },
        ui.available_width().min(200.0),
    )
    .map(|v| v.trim().to_owned())
}

#[expect(
    clippy::unnecessary_wraps,
    reason = "the shape every field validator has"
)]
pub(crate) fn ok(_: &str) -> Result<(), String> {
    Ok(())
}

pub(crate) fn cidr_list(text: &str) -> Result<(), String> {
    for part in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        net::parse_cidr_v4(part)?;
    }
    Ok(())
}

pub(crate) fn optional_ip(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Ok(())
    } else {
        net::parse_ip_v4(text).map(|_| ()).map_err(String::from)
    }
}

pub(crate) fn required_ip(text: &str) -> Result<(), String> {
    net::parse_ip_v4(text).map(|_| ()).map_err(String::from)
}

pub(crate) fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(crate) fn opt(text: &str) -> Option<String> {
    let t = text.trim().to_owned();
    (!t.is_empty()).then_some(t)
}

pub(crate) fn parse_webhook_ports(text: &str) -> Result<Vec<u16>, String> {
    split_list(text)
        .iter()
        .map(|p| match p.parse::<u16>() {
            Ok(0) | Err(_) => Err(crate::t!("field-not-a-port", text = p)),
            Ok(n) => Ok(n),
        })
        .collect()
}

pub(crate) fn webhook_ports(text: &str) -> Result<(), String> {
    parse_webhook_ports(text).map(|_| ())
}

/// A number field for canvas units; returns the new value when the user leaves it changed.
pub(crate) fn number_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    key: &str,
    current: f32,
) -> Option<f32> {
    let text = format!("{current}");
    text_field_width(
        ui,
        buffers,
        key,
        &text,
        &|t| match t.trim().parse::<f32>() {
            Ok(v) if v.is_finite() && v.abs() <= 1.0e6 => Ok(()),
            _ => Err(crate::t!("field-canvas-units")),
        },
        56.0,
    )
    .and_then(|t| t.trim().parse().ok())
}
