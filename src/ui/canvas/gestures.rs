//! Pointer gestures on the canvas: select, box select, move, resize, connect, place.

use super::{Canvas, CanvasAction, CanvasInput, Gesture};
use crate::model::{Point, Rect};
use crate::ui::paint::ScreenFromCanvas;

impl Canvas {
    pub(super) fn gestures(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        t: &ScreenFromCanvas,
        input: &CanvasInput<'_>,
        actions: &mut Vec<CanvasAction>,
    ) {
        let modifiers = ui.ctx().input(|i| i.modifiers);
        let press = ui
            .ctx()
            .input(|i| i.pointer.press_origin())
            .map(|p| t.inverse(p));
        let now = self.pointer_canvas;
        if response.clicked() {
            let Some(p) = now else { return };
            // A line over a container's body is picked before the container.
            let line = || self.hit_connection(p, 6.0 / t.zoom);
            let hit = self.hit(p).map(str::to_owned);
            let over_body = self.on_container_body(p);
            if let Some(kind) = input.placing {
                actions.push(CanvasAction::Place(kind, p));
            } else if let Some(i) = line().filter(|_| hit.is_none() || over_body) {
                actions.push(CanvasAction::SelectConnection(i));
            } else if let Some(id) = hit {
                if modifiers.shift || modifiers.command {
                    actions.push(CanvasAction::ToggleSelect(id));
                } else {
                    actions.push(CanvasAction::Select(vec![id]));
                }
            } else {
                actions.push(CanvasAction::ClearSelection);
            }
        }
        if response.double_clicked()
            && input.placing.is_none()
            && let Some(p) = now
            && let Some(id) = self.hit(p)
            && let Some(c) = input.labels.component(id)
        {
            // Double-click a box to type its label in place.
            actions.push(CanvasAction::Select(vec![id.to_owned()]));
            self.label_edit = Some((id.to_owned(), c.label.clone()));
        }
        if response.secondary_clicked()
            && let Some(p) = now
        {
            // The context menu acts on what was right-clicked.
            match self.hit(p) {
                Some(id) if !input.selection.contains(id) => {
                    actions.push(CanvasAction::Select(vec![id.to_owned()]));
                }
                Some(_) => {}
                None => actions.push(CanvasAction::ClearSelection),
            }
        }
        if response.drag_started_by(egui::PointerButton::Primary)
            && let Some(start) = press
        {
            let on_handle = self.handle_at(t, input.selection, t.pos(start));
            let hit = self.hit(start).map(str::to_owned);
            self.gesture = if let Some((id, handle)) = on_handle {
                actions.push(CanvasAction::ResizeStart(id, handle));
                Gesture::Resize { press: start }
            } else if input.connecting {
                match hit {
                    Some(from) => Gesture::Connect { from },
                    None => Gesture::Pan,
                }
            } else if modifiers.shift && (hit.is_none() || self.on_container_body(start)) {
                // Shift-drag on empty canvas or inside a container selects a box's worth.
                Gesture::BoxSelect { press: start }
            } else if let Some(id) = hit {
                let ids = if input.selection.contains(&id) {
                    input.selection.iter().cloned().collect()
                } else {
                    actions.push(CanvasAction::Select(vec![id.clone()]));
                    vec![id]
                };
                actions.push(CanvasAction::DragStart(ids));
                Gesture::Move { press: start }
            } else {
                Gesture::Pan
            };
        }
        let Some(now) = now else { return };
        match &self.gesture {
            Gesture::Move { press } if response.dragged() => {
                actions.push(CanvasAction::DragTo(Point::new(
                    now.x - press.x,
                    now.y - press.y,
                )));
            }
            Gesture::Resize { press } if response.dragged() => {
                actions.push(CanvasAction::ResizeTo(Point::new(
                    now.x - press.x,
                    now.y - press.y,
                )));
            }
            _ => {}
        }
        if response.drag_stopped() {
            match std::mem::take(&mut self.gesture) {
                Gesture::Move { .. } => actions.push(CanvasAction::DragEnd),
                Gesture::Resize { .. } => actions.push(CanvasAction::ResizeEnd),
                Gesture::BoxSelect { press } => {
                    let r = Rect::new(
                        Point::new(press.x.min(now.x), press.y.min(now.y)),
                        crate::model::Size::new((now.x - press.x).abs(), (now.y - press.y).abs()),
                    );
                    let ids = self
                        .hits
                        .iter()
                        .filter(|(_, _, b)| r.contains_rect(b))
                        .map(|(id, _, _)| id.clone())
                        .collect();
                    actions.push(CanvasAction::Select(ids));
                }
                Gesture::Connect { from } => {
                    if let Some(to) = self.hit(now)
                        && to != from
                    {
                        actions.push(CanvasAction::Connect(from, to.to_owned()));
                    }
                }
                Gesture::Pan | Gesture::None => {}
            }
        }
    }
}

impl Canvas {
    /// The label typed in place: a text field over the box; Enter or a click elsewhere
    /// keeps it, Esc (handled by the app's cancel command) drops it.
    pub(super) fn label_edit_ui(
        &mut self,
        ui: &mut egui::Ui,
        t: &ScreenFromCanvas,
        actions: &mut Vec<CanvasAction>,
    ) {
        let Some((id, text)) = &mut self.label_edit else {
            return;
        };
        let Some(r) = self
            .hit_of
            .get(id.as_str())
            .and_then(|&i| self.hits.get(i))
            .map(|h| h.2)
        else {
            self.label_edit = None;
            return;
        };
        let min = t.pos(r.min);
        let width = t.len(r.size.w).clamp(160.0, 400.0);
        let field_rect =
            egui::Rect::from_min_size(min + egui::vec2(2.0, 2.0), egui::vec2(width - 4.0, 24.0));
        let mut done = false;
        egui::Area::new(egui::Id::new("canvas-label-edit"))
            .fixed_pos(field_rect.min)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(text)
                        .desired_width(field_rect.width())
                        .hint_text(crate::t!("insp-label")),
                );
                if field.lost_focus() {
                    done = true;
                } else if !field.has_focus() {
                    field.request_focus();
                }
            });
        if done && let Some((id, text)) = self.label_edit.take() {
            actions.push(CanvasAction::EditLabel(id, text));
        }
    }
}
