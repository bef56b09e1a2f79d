//! Zoomed out, where labels would be too small to read, each container says what it holds
//! ("subnet-1 · 36 nodes · 10.0.1.0/24") at a legible size, over its contents.

use egui::Shape;

use crate::render::Palette;
use crate::ui::paint::ScreenFromCanvas;
use crate::ui::theme::color;

/// The summaries' text size on screen, in pixels.
const SUMMARY_PX: f32 = 11.0;
/// Their line height.
const LINE_PX: f32 = 14.0;

/// What the summaries are made of: each container's index in the hit list and its text.
pub(super) struct Summaries<'a> {
    pub(super) summaries: &'a [(usize, std::sync::Arc<str>)],
    pub(super) hits: &'a [(String, crate::model::KindName, crate::model::Rect)],
}

impl Summaries<'_> {
    /// The containers' summaries when labels are too small to draw, each on a card at the
    /// top of its box, its parts broken into as many lines as the box has room for.
    pub(super) fn summary_shapes(
        &self,
        fonts: &mut egui::epaint::FontsView<'_>,
        t: &ScreenFromCanvas,
        palette: &Palette,
        clip: egui::Rect,
        out: &mut Vec<Shape>,
    ) {
        if t.zoom * crate::render::scene::LABEL_SIZE >= super::graph::MIN_TEXT_PX {
            return;
        }
        for (i, summary) in self.summaries {
            let Some((_, _, r)) = self.hits.get(*i) else {
                continue;
            };
            let screen = egui::Rect::from_min_max(t.pos(r.min), t.pos(r.max()));
            if !screen.intersects(clip) || screen.width() < 44.0 {
                continue;
            }
            let room = screen.width() - 12.0;
            // At most four lines, of as many as the box has room for.
            let max_lines = [4, 3, 2, 1, 0]
                .into_iter()
                .find(|&n| n as f32 * LINE_PX <= screen.height() - 8.0)
                .unwrap_or(0);
            let lines = break_lines(summary, room, max_lines);
            if lines.is_empty() {
                continue;
            }
            let galleys: Vec<_> = lines
                .into_iter()
                .map(|l| {
                    fonts.layout_no_wrap(
                        l,
                        egui::FontId::proportional(SUMMARY_PX),
                        color(palette.text),
                    )
                })
                .collect();
            let w = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
            let card = egui::Rect::from_min_size(
                screen.min + egui::vec2(3.0, 3.0),
                egui::vec2(w + 8.0, galleys.len() as f32 * LINE_PX + 4.0),
            );
            out.push(Shape::rect_filled(
                card,
                3,
                color(palette.background).gamma_multiply(0.85),
            ));
            for (k, g) in galleys.into_iter().enumerate() {
                out.push(Shape::galley(
                    card.min + egui::vec2(4.0, 2.0 + k as f32 * LINE_PX),
                    g,
                    color(palette.text),
                ));
            }
        }
    }
}

/// `summary`'s parts ("a · b · c") in at most `max_lines` lines of at most `room` pixels;
/// a part too long for a line is cut with an ellipsis, and parts that do not fit are left
/// out from the end.
fn break_lines(summary: &str, room: f32, max_lines: usize) -> Vec<String> {
    let width = |s: &str| crate::render::fonts::text_width(s, SUMMARY_PX);
    let mut lines: Vec<String> = Vec::new();
    for part in summary.split(" · ") {
        let joined = lines.last().map(|l| format!("{l} · {part}"));
        match joined {
            Some(j) if width(&j) <= room => {
                if let Some(last) = lines.last_mut() {
                    *last = j;
                }
            }
            _ if lines.len() < max_lines => {
                lines.push(crate::render::fonts::ellipsize(part, SUMMARY_PX, room));
            }
            _ => break,
        }
    }
    lines.retain(|l| !l.is_empty());
    lines
}

#[cfg(test)]
mod tests {
    use super::break_lines;

    #[test]
    fn parts_wrap_to_the_room_and_the_lines_there_are() {
        let s = "subnet-1 · 1 ENI · 36 nodes · 10.0.1.0/24";
        let wide = break_lines(s, 1000.0, 3);
        assert_eq!(wide, vec![s.to_owned()]);
        let narrow = break_lines(s, 110.0, 4);
        assert!(narrow.len() >= 2, "{narrow:?}");
        assert_eq!(narrow.join(" · "), s, "nothing lost when lines are enough");
        let one = break_lines(s, 110.0, 1);
        assert_eq!(one.len(), 1);
        assert!(one[0].starts_with("subnet-1"), "{one:?}");
        assert!(break_lines(s, 110.0, 0).is_empty());
    }
}
