//! What is selected: components, or one connection, never both.

use std::collections::BTreeSet;

use crate::model::{Connection, Design};

/// The selection, with its invariants: components and a connection are never selected
/// together, and everything selected exists in the design it was last checked against.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    components: BTreeSet<String>,
    /// The selected connection: its index and what it was when selected, so that an edit
    /// that shifts indices cannot leave another connection selected.
    connection: Option<(usize, Connection)>,
}

impl Selection {
    /// The selected component ids.
    pub fn components(&self) -> &BTreeSet<String> {
        &self.components
    }

    /// The selected connection's index.
    pub fn connection(&self) -> Option<usize> {
        self.connection.as_ref().map(|(i, _)| *i)
    }

    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.components.is_empty() && self.connection.is_none()
    }

    /// Selects exactly these components (ids not in the design are ignored).
    pub fn set(&mut self, design: &Design, ids: impl IntoIterator<Item = String>) {
        self.components = ids
            .into_iter()
            .filter(|id| design.component(id).is_some())
            .collect();
        self.connection = None;
    }

    /// Adds a component to the selection, or removes it when it is selected.
    pub fn toggle(&mut self, design: &Design, id: &str) {
        if !self.components.remove(id) && design.component(id).is_some() {
            self.components.insert(id.to_owned());
        }
        self.connection = None;
    }

    /// Selects one connection (and no component).
    pub fn set_connection(&mut self, design: &Design, index: usize) {
        self.components.clear();
        self.connection = design.connections.get(index).map(|c| (index, c.clone()));
    }

    /// Selects every component (and no connection).
    pub fn select_all(&mut self, design: &Design) {
        self.components = design.components.iter().map(|c| c.id.clone()).collect();
        self.connection = None;
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        self.components.clear();
        self.connection = None;
    }

    /// Follows a rename.
    pub fn rename(&mut self, from: &str, to: &str) {
        if self.components.remove(from) {
            self.components.insert(to.to_owned());
        }
    }

    /// Drops what the design no longer holds (after an edit, undo or redo). A connection
    /// stays selected only while the same connection is at its index.
    pub fn retain(&mut self, design: &Design) {
        self.components.retain(|id| design.component(id).is_some());
        if let Some((i, c)) = &self.connection
            && design.connections.get(*i) != Some(c)
        {
            self.connection = None;
        }
    }

    /// "3 selected", "node-a selected" or "nothing selected".
    pub fn summary(&self) -> String {
        match (self.components.len(), self.components.iter().next()) {
            (1, Some(id)) => crate::t!("selection-one", id = id),
            (0, _) if self.connection.is_some() => crate::t!("selection-connection"),
            (0, _) => crate::t!("selection-nothing"),
            (n, _) => crate::t!("selection-many", count = n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::PRESETS;

    fn preset() -> Design {
        PRESETS[1].load().expect("preset loads").0
    }

    #[test]
    fn select_all_clears_a_selected_connection() {
        let d = preset();
        let mut s = Selection::default();
        s.set_connection(&d, 0);
        assert_eq!(s.connection(), Some(0));
        s.select_all(&d);
        assert_eq!(s.connection(), None);
        assert_eq!(s.components().len(), d.components.len());
    }

    #[test]
    fn deleted_components_and_shifted_connections_leave_the_selection() {
        let mut d = preset();
        let mut s = Selection::default();
        s.set(&d, ["node-a".to_owned(), "nope".to_owned()]);
        assert_eq!(s.components().len(), 1, "unknown ids are not selected");
        d.components.retain(|c| c.id != "node-a");
        s.retain(&d);
        assert!(s.is_empty());
        let mut d = preset();
        d.connections.push(d.connections[0].clone());
        d.connections[1].label = "another".into();
        s.set_connection(&d, 1);
        d.connections.remove(0);
        s.retain(&d);
        assert_eq!(s.connection(), None, "another connection took its index");
    }
}
