//! The editor: the open design, its history and selection, and the one place where they
//! change. Everything the user does becomes a [`Msg`]; [`Editor::apply`] applies it
//! completely or refuses it with the reason and changes nothing. No egui here: the UI
//! sends messages, the app applies them once per frame.
#![warn(missing_docs)]

pub mod clipboard;
pub mod interaction;
pub mod place;
pub mod selection;

use crate::t;
use std::collections::{BTreeSet, HashMap, HashSet};

use crate::model::edit::new_component;
use crate::model::validate::Severity;
use crate::model::{
    Connection, ConnectionKind, Design, Edit, Fragment, Handle, History, KindName, Point, Problem,
    validate,
};

pub use clipboard::PasteAt;
pub use interaction::{Interaction, InteractionKind};
pub use selection::Selection;

/// Snap grid, in canvas units.
pub const GRID: f32 = 10.0;

/// Rounds a value to the grid.
pub fn snap(v: f32) -> f32 {
    (v / GRID).round() * GRID
}

/// A change the user asks for: to the design, the selection, or a gesture in progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// A model edit, as one undo step.
    Edit(Edit),
    /// A blocked flow's fix, as one undo step.
    ApplyFix(crate::engine::FixEdit),
    /// Select exactly these components.
    Select(Vec<String>),
    /// Add a component to the selection or take it out.
    Toggle(String),
    /// Select one connection.
    SelectConnection(usize),
    /// Select every component.
    SelectAll,
    /// Select nothing.
    ClearSelection,
    /// Place a new component of this kind with its top-left corner at this point.
    Place(KindName, Point),
    /// Connect two components (an attachment where the kinds allow one, else a line).
    Connect(String, String),
    /// Start moving these components.
    BeginMove(Vec<String>),
    /// The move's offset from where it started.
    PreviewMove(Point),
    /// Start resizing a component by a handle.
    BeginResize(String, Handle),
    /// The resize handle's offset from where it was pressed.
    PreviewResize(Point),
    /// End the gesture: the move or resize becomes one undo step.
    Commit,
    /// Abandon the gesture: nothing changes.
    Cancel,
    /// Move the selection by an offset.
    Nudge(Point),
    /// Paste components.
    Paste(Fragment, PasteAt),
    /// Copy the selection in place (beside the originals, in the same containers).
    Duplicate,
    /// Delete the selected components or connection.
    DeleteSelection,
    /// Lay every component out by zones and subnet tiers, as one undo step.
    TidyLayout,
    /// Replace the whole design (a re-import of its source), as one undo step.
    Update(Box<Design>, String),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
}

/// What applying a message did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to do (or only the selection or a preview changed).
    Unchanged,
    /// The design changed; the note says what, when worth saying.
    Changed(Option<String>),
    /// Refused, with the reason; nothing changed.
    Refused(String),
}

/// The open design and everything that edits it.
#[derive(Debug, Default)]
pub struct Editor {
    design: Design,
    history: History,
    selection: Selection,
    interaction: Option<Interaction>,
    /// Every id used in this session, so that a deleted component's id is not reused
    /// while undo could bring it back.
    used_ids: HashSet<String>,
    revision: u64,
    view_revision: u64,
    content_revision: u64,
    /// The committed design's problems: found once per change, for the gate of the next
    /// edit and for the problems list.
    problems: Vec<Problem>,
}

impl Editor {
    /// An editor on `design`, with no history.
    pub fn new(design: Design) -> Self {
        let mut e = Self::default();
        e.load(design);
        e
    }

    /// Replaces the design (a file or preset was opened): history, selection and gestures
    /// start afresh.
    pub fn load(&mut self, design: Design) {
        self.used_ids = design.components.iter().map(|c| c.id.clone()).collect();
        self.problems = validate(&design);
        self.design = design;
        self.history.clear();
        self.selection.clear();
        self.interaction = None;
        self.bump(true);
    }

    /// The committed design.
    pub fn design(&self) -> &Design {
        &self.design
    }

    /// What the canvas shows: the preview of a gesture in progress, else the design.
    pub fn shown(&self) -> &Design {
        self.interaction
            .as_ref()
            .map_or(&self.design, |i| &i.preview)
    }

    /// The committed design's problems (as [`validate`] finds them).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The selection.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The gesture in progress.
    pub fn interaction(&self) -> Option<&Interaction> {
        self.interaction.as_ref()
    }

    /// Changes with every committed change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes with every change to what [`Editor::shown`] returns.
    pub fn view_revision(&self) -> u64 {
        self.view_revision
    }

    /// Changes with every change to what is shown other than a move.
    pub fn content_revision(&self) -> u64 {
        self.content_revision
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A committed change.
    fn bump(&mut self, content: bool) {
        self.view_revision += 1;
        self.revision = self.view_revision;
        if content {
            self.content_revision = self.view_revision;
        }
    }

    /// A change of the preview only.
    fn bump_view(&mut self, content: bool) {
        self.view_revision += 1;
        if content {
            self.content_revision = self.view_revision;
        }
    }

    /// A fresh id for a new component of `kind`, never used in this session.
    pub fn fresh_id(&self, kind: KindName) -> String {
        self.design.fresh_id_avoiding(kind, &self.used_ids)
    }

    /// Applies one message.
    pub fn apply(&mut self, msg: Msg) -> Outcome {
        match msg {
            Msg::Edit(edit) => self.edit(edit),
            Msg::ApplyFix(fix) => {
                let label = fix.label();
                self.change(|d| {
                    for e in fix.edits(d)? {
                        d.apply(e).map_err(|e| {
                            t!("note-cannot-fix", fix = &label, reason = e.to_string())
                        })?;
                    }
                    Ok(Some(t!("note-fixed", fix = &label)))
                })
            }
            Msg::Select(ids) => {
                self.selection.set(&self.design, ids);
                Outcome::Unchanged
            }
            Msg::Toggle(id) => {
                self.selection.toggle(&self.design, &id);
                Outcome::Unchanged
            }
            Msg::SelectConnection(i) => {
                self.selection.set_connection(&self.design, i);
                Outcome::Unchanged
            }
            Msg::SelectAll => {
                self.selection.select_all(&self.design);
                Outcome::Unchanged
            }
            Msg::ClearSelection => {
                self.selection.clear();
                Outcome::Unchanged
            }
            Msg::Place(kind, at) => self.place(kind, at),
            Msg::Connect(from, to) => self.connect(from, to),
            Msg::BeginMove(ids) => {
                self.interaction = Some(Interaction::begin_move(&self.design, &ids));
                Outcome::Unchanged
            }
            Msg::PreviewMove(delta) => {
                if let Some(i) = &mut self.interaction
                    && i.preview_move(&self.design, delta, &snap)
                {
                    self.bump_view(false);
                }
                Outcome::Unchanged
            }
            Msg::BeginResize(id, handle) => {
                self.interaction = Some(Interaction::begin_resize(&self.design, &id, handle));
                Outcome::Unchanged
            }
            Msg::PreviewResize(delta) => {
                if let Some(i) = &mut self.interaction
                    && i.preview_resize(&self.design, delta, &snap)
                {
                    self.bump_view(true);
                }
                Outcome::Unchanged
            }
            Msg::Commit => self.commit_gesture(),
            Msg::Cancel => {
                if self.interaction.take().is_some() {
                    self.bump_view(true);
                }
                Outcome::Unchanged
            }
            Msg::Nudge(delta) => {
                let ids: Vec<String> = self.selection.components().iter().cloned().collect();
                if ids.is_empty() {
                    return Outcome::Unchanged;
                }
                self.change(|d| {
                    d.apply(Edit::Move { ids, delta })
                        .map(|()| None)
                        .map_err(|e| e.to_string())
                })
            }
            Msg::Paste(fragment, at) => self.paste(fragment, at),
            Msg::Duplicate => {
                if self.selection.components().is_empty() {
                    return Outcome::Unchanged;
                }
                let fragment = self.design.fragment(self.selection.components());
                self.paste_as(
                    fragment,
                    PasteAt::Beside(Point::new(2.0 * GRID, 2.0 * GRID)),
                    true,
                )
            }
            Msg::DeleteSelection => self.delete_selection(),
            Msg::Update(new, note) => self.change(|d| {
                *d = *new;
                Ok(Some(note))
            }),
            Msg::TidyLayout => self.change(|d| {
                crate::import::layout::tidy(d);
                Ok(Some(t!("note-tidied")))
            }),
            Msg::Undo => self.step_history(true),
            Msg::Redo => self.step_history(false),
        }
    }

    /// Makes a change on a copy of the design and keeps it only when it brings no new
    /// error; then it is one undo step.
    fn change(&mut self, f: impl FnOnce(&mut Design) -> Result<Option<String>, String>) -> Outcome {
        self.change_renaming(&HashMap::new(), f)
    }

    /// [`Editor::change`] for an edit that renames components (`renames` maps old ids to
    /// new ones, so that their existing problems are not taken for new ones).
    fn change_renaming(
        &mut self,
        renames: &HashMap<String, String>,
        f: impl FnOnce(&mut Design) -> Result<Option<String>, String>,
    ) -> Outcome {
        let mut next = self.design.clone();
        let note = match f(&mut next) {
            Ok(note) => note,
            Err(reason) => return Outcome::Refused(reason),
        };
        if next == self.design {
            return Outcome::Unchanged;
        }
        let problems = validate(&next);
        if let Some(reason) = new_error(&self.problems, &problems, renames) {
            return Outcome::Refused(reason);
        }
        self.problems = problems;
        self.used_ids
            .extend(next.components.iter().map(|c| c.id.clone()));
        let before = std::mem::replace(&mut self.design, next);
        self.history.record(before);
        #[expect(clippy::iter_over_hash_type, reason = "one rename at a time")]
        for (from, to) in renames {
            self.selection.rename(from, to);
        }
        self.selection.retain(&self.design);
        self.interaction = None;
        self.bump(true);
        Outcome::Changed(note)
    }

    fn edit(&mut self, edit: Edit) -> Outcome {
        let renames = match &edit {
            Edit::Rename { from, to } => HashMap::from([(from.clone(), to.clone())]),
            _ => HashMap::new(),
        };
        let reparent = match &edit {
            Edit::Reparent { id, .. } => Some(id.clone()),
            _ => None,
        };
        self.change_renaming(&renames, |d| {
            d.apply(edit).map_err(|e| e.to_string())?;
            let mut notes = Vec::new();
            if let Some(id) = reparent {
                place::fit_addresses(d, &id, &mut notes)?;
            }
            Ok((!notes.is_empty()).then(|| notes.join("; ")))
        })
    }

    fn place(&mut self, kind: KindName, at: Point) -> Outcome {
        let parent = self
            .design
            .container_at(at, &BTreeSet::new())
            .map(|c| c.id.clone());
        let parent_kind = parent
            .as_deref()
            .and_then(|p| self.design.component(p))
            .map(|c| c.kind.name());
        if !kind.allowed_parents().contains(&parent_kind) {
            return Outcome::Refused(kind.placement_hint().to_string());
        }
        let size = kind.default_size();
        let mut pos = Point::new(snap(at.x), snap(at.y));
        // Inside a container, the box goes where it fits, as close to the pointer as it can.
        if let Some(p) = parent.as_deref().and_then(|p| self.design.component(p)) {
            let others: Vec<crate::model::Rect> = self
                .design
                .components
                .iter()
                .filter(|c| c.parent.as_deref() == Some(p.id.as_str()))
                .map(crate::model::Component::rect)
                .collect();
            let wanted = crate::model::Rect::new(pos, size);
            match place::free_spot(wanted, Some(place::inner_rect(p)), &others, GRID) {
                Some(spot) => pos = spot,
                None => {
                    return Outcome::Refused(t!(
                        "refuse-no-room-kind",
                        kind = crate::i18n::words::kind(kind),
                        container = &p.id
                    ));
                }
            }
        }
        let mut c = new_component(kind, self.fresh_id(kind), pos, parent);
        place::prefill(&self.design, &mut c);
        let id = c.id.clone();
        let out = self.change(|d| {
            d.apply(Edit::Add(c)).map_err(|e| e.to_string())?;
            Ok(Some(t!("note-placed", id = &id)))
        });
        if matches!(out, Outcome::Changed(_)) {
            self.selection.set(&self.design, [id]);
        }
        out
    }

    fn connect(&mut self, from: String, to: String) -> Outcome {
        let kinds = (
            self.design.component(&from).map(|c| c.kind.name()),
            self.design.component(&to).map(|c| c.kind.name()),
        );
        let kind = match kinds {
            (Some(a), Some(b)) if KindName::can_attach(a, b) => ConnectionKind::Attachment,
            _ => ConnectionKind::Line,
        };
        let note = t!("note-connected", from = &from, to = &to);
        self.change(|d| {
            d.apply(Edit::Connect(Connection {
                from,
                to,
                kind,
                label: String::new(),
            }))
            .map_err(|e| e.to_string())?;
            Ok(Some(note))
        })
    }

    /// Ends a drag or resize: moved boxes are dropped into the container under their
    /// centre (with addresses that hold there), and the whole gesture is one undo step; an
    /// illegal drop is refused and the boxes go back.
    fn commit_gesture(&mut self) -> Outcome {
        let Some(interaction) = self.interaction.take() else {
            return Outcome::Unchanged;
        };
        // The preview goes away whatever happens next.
        self.bump_view(true);
        let Some(gesture) = interaction.finish() else {
            return Outcome::Unchanged;
        };
        match gesture {
            interaction::Gesture::Resize(edit) => self.edit(edit),
            interaction::Gesture::Move { ids, delta } => self.change(|d| {
                d.apply(Edit::Move {
                    ids: ids.clone(),
                    delta,
                })
                .map_err(|e| e.to_string())?;
                let mut notes = Vec::new();
                for id in &ids {
                    drop_into_container(d, id, &mut notes)?;
                }
                Ok((!notes.is_empty()).then(|| notes.join("; ")))
            }),
        }
    }

    fn paste(&mut self, fragment: Fragment, at: PasteAt) -> Outcome {
        self.paste_as(fragment, at, false)
    }

    /// Pastes, saying "duplicated" rather than "pasted" when `duplicate`.
    fn paste_as(&mut self, fragment: Fragment, at: PasteAt, duplicate: bool) -> Outcome {
        let used = self.used_ids.clone();
        let mut new_ids = BTreeSet::new();
        let out = self.change(|d| {
            let (ids, notes) = clipboard::paste(d, fragment, at, &|id| used.contains(id), GRID)?;
            let n = ids.len();
            new_ids = ids;
            let mut note = if duplicate {
                t!("note-duplicated", count = n)
            } else {
                t!("note-pasted", count = n)
            };
            if !notes.is_empty() {
                note = t!("note-with-changes", note = note, notes = notes.join("; "));
            }
            Ok(Some(note))
        });
        if matches!(out, Outcome::Changed(_)) {
            self.selection.set(&self.design, new_ids);
        }
        out
    }

    fn delete_selection(&mut self) -> Outcome {
        if let Some(i) = self.selection.connection() {
            return self.change(|d| {
                d.apply(Edit::Disconnect(i)).map_err(|e| e.to_string())?;
                Ok(Some(t!("note-deleted-connection")))
            });
        }
        let ids: Vec<String> = self.selection.components().iter().cloned().collect();
        if ids.is_empty() {
            return Outcome::Unchanged;
        }
        let before = self.design.components.len();
        let out = self.change(|d| {
            d.apply(Edit::Delete(ids)).map_err(|e| e.to_string())?;
            let n = before - d.components.len();
            Ok(Some(t!("note-deleted", count = n)))
        });
        if matches!(out, Outcome::Changed(_)) {
            self.selection.clear();
        }
        out
    }

    fn step_history(&mut self, back: bool) -> Outcome {
        self.interaction = None;
        let restored = if back {
            self.history.undo(&self.design)
        } else {
            self.history.redo(&self.design)
        };
        let Some(design) = restored else {
            return Outcome::Unchanged;
        };
        self.design = design;
        self.problems = validate(&self.design);
        self.selection.retain(&self.design);
        self.bump(true);
        Outcome::Changed(Some(if back {
            t!("note-undone")
        } else {
            t!("note-redone")
        }))
    }
}

/// Puts a moved box into the container under its centre, when that is another one: it
/// must be allowed there, and gets addresses that hold there.
fn drop_into_container(d: &mut Design, id: &str, notes: &mut Vec<String>) -> Result<(), String> {
    let Some(c) = d.component(id) else {
        return Ok(());
    };
    let exclude = d.subtree(id);
    let target = d
        .container_at(c.rect().center(), &exclude)
        .map(|p| p.id.clone());
    if target == c.parent {
        return Ok(());
    }
    // The model refuses a parent the kind may not have, with the placement hint.
    d.apply(Edit::Reparent {
        id: id.to_owned(),
        parent: target,
    })
    .map_err(|e| e.to_string())?;
    place::fit_addresses(d, id, notes)
}

/// The first error of `after` that `before` does not have (problems are matched by code,
/// component and field, with renamed components followed), as a sentence.
fn new_error(
    before: &[Problem],
    after: &[Problem],
    renames: &HashMap<String, String>,
) -> Option<String> {
    let key = |p: &Problem, follow: bool| {
        let c = p.component.clone().map(|c| match renames.get(&c) {
            Some(to) if follow => to.clone(),
            _ => c,
        });
        (p.code, c, p.field.clone())
    };
    let mut known: HashMap<_, usize> = HashMap::new();
    for p in before.iter().filter(|p| p.severity == Severity::Error) {
        *known.entry(key(p, true)).or_default() += 1;
    }
    after
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .find(|p| {
            let n = known.entry(key(p, false)).or_default();
            if *n == 0 {
                true
            } else {
                *n -= 1;
                false
            }
        })
        .map(|p| match &p.component {
            Some(c) => t!(
                "refuse-problem-component",
                component = c,
                message = &p.message
            ),
            None => t!("refuse-problem", message = &p.message),
        })
}

#[cfg(test)]
mod tests;
