//! Undo and redo as stacks of design snapshots (cheap at these sizes).

use super::design::Design;

/// How many undo steps are kept.
pub const MAX_STEPS: usize = 200;

/// Undo/redo stacks. Not serialisable: history belongs to one editing session.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Design>,
    redo: Vec<Design>,
}

impl History {
    /// Records the state before a committed change; clears redo.
    pub fn record(&mut self, before: Design) {
        self.undo.push(before);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Steps back: returns the state to restore, given the current one.
    pub fn undo(&mut self, current: &Design) -> Option<Design> {
        let prev = self.undo.pop()?;
        self.redo.push(current.clone());
        Some(prev)
    }

    /// Steps forward again.
    pub fn redo(&mut self, current: &Design) -> Option<Design> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        Some(next)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (after loading a file).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Every design in the history, for checks such as "was this id ever used".
    pub fn snapshots(&self) -> impl Iterator<Item = &Design> {
        self.undo.iter().chain(self.redo.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_redo_round_trip_and_cap() {
        let mut h = History::default();
        let mut d = Design::default();
        for i in 0..(MAX_STEPS + 10) {
            h.record(d.clone());
            d.title = format!("{i}");
        }
        let last = d.clone();
        let back = h.undo(&d).unwrap();
        assert_eq!(back.title, format!("{}", MAX_STEPS + 8));
        assert_eq!(h.redo(&back).unwrap(), last);
        let mut steps = 0;
        let mut cur = last;
        while let Some(prev) = h.undo(&cur) {
            cur = prev;
            steps += 1;
        }
        assert_eq!(steps, MAX_STEPS);
    }
}
