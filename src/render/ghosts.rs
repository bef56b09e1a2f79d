//! The paths of a compared-with design that changed, drawn faintly under today's flows:
//! "this is where kubelet went before".

use super::{Palette, Primitive, Stroke};
use crate::model::{Design, Point};

/// One dashed, muted polyline per old path, through the centres of its hops: where each
/// hop is in `now` (the design shown), else where it was in `then` (a component since
/// removed). Hops found in neither are skipped; a path with fewer than two points is not
/// drawn.
pub fn ghost_paths(
    now: &Design,
    then: &Design,
    paths: &[Vec<String>],
    palette: &Palette,
) -> Vec<Primitive> {
    let color = palette.text_muted.with_alpha(150);
    let mut out = Vec::new();
    for hops in paths {
        let points: Vec<Point> = hops
            .iter()
            .filter_map(|id| now.component(id).or_else(|| then.component(id)))
            .map(|c| c.rect().center())
            .collect();
        if points.len() < 2 {
            continue;
        }
        out.push(Primitive::Group {
            key: "data-ghost",
            value: hops.join(" "),
        });
        let label_at = points[0];
        out.push(Primitive::Line {
            points,
            stroke: Stroke::new(3.0, color),
            dashed: true,
            dotted: false,
            arrow: true,
        });
        out.push(Primitive::Text {
            pos: Point::new(label_at.x + 6.0, label_at.y - 14.0),
            anchor: super::primitive::Anchor::LeftCenter,
            text: "before".to_owned(),
            size: 11.0,
            color,
            bold: false,
        });
        out.push(Primitive::EndGroup);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::ghost_paths;
    use crate::io::Preset;
    use crate::render::{Palette, Primitive, Theme};

    #[test]
    fn old_paths_are_drawn_through_their_hops() {
        let now = Preset::by_name("public-private").unwrap().load().unwrap().0;
        let then = Preset::by_name("public").unwrap().load().unwrap().0;
        let palette = Palette::of(Theme::Light);
        // nat exists in both; "gone" in neither: skipped.
        let paths = vec![
            vec![
                "node-a".to_owned(),
                "nat".to_owned(),
                "gone".to_owned(),
                "nlb".to_owned(),
            ],
            vec!["only-one".to_owned(), "nat".to_owned()],
        ];
        let prims = ghost_paths(&now, &then, &paths, &palette);
        let lines: Vec<usize> = prims
            .iter()
            .filter_map(|p| match p {
                Primitive::Line { points, dashed, .. } if *dashed => Some(points.len()),
                _ => None,
            })
            .collect();
        assert_eq!(lines, [3], "one ghost with the three hops that exist");
    }
}
