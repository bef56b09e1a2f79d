//! The egui_graphs adapter: each component is one graph node that draws our render
//! primitives; connections are drawn by the canvas, and the layout never moves a node.

use std::sync::Arc;

use egui::{Pos2, Shape, Vec2};
use egui_graphs::{
    DisplayEdge, DisplayNode, DrawContext, EdgeProps, Graph, Layout, LayoutState, Node, NodeProps,
};
use petgraph::Directed;
use petgraph::stable_graph::DefaultIx;

use super::super::paint::{ScreenFromCanvas, push_rect, push_shapes};
use super::super::theme::color;
use crate::model::{KindName, Point, Rect, Size};
use crate::render::{Primitive, scene};

/// What a graph node carries: one component's drawing, relative to its centre.
#[derive(Clone, Debug)]
pub struct NodeData {
    /// Component id.
    pub id: String,
    /// Component kind.
    pub kind: KindName,
    /// Box size in canvas units.
    pub size: Size,
    /// Primitives relative to the box centre.
    pub primitives: Arc<Vec<Primitive>>,
    /// Drawn with a selection outline.
    pub selected: bool,
    /// Selection colour.
    pub selection_color: crate::render::Rgba,
}

/// The display of one component inside egui_graphs.
#[derive(Clone, Debug)]
pub struct ComponentShape {
    center: Pos2,
    hovered: bool,
    data: NodeData,
    /// The last drawing, reused (moved) while only the position changes.
    pub(super) cache: Option<DrawnNode>,
}

/// One node's screen shapes and what they were drawn for.
#[derive(Clone, Debug)]
pub(super) struct DrawnNode {
    zoom: f32,
    at: Pos2,
    hovered: bool,
    selected: bool,
    primitives: Arc<Vec<Primitive>>,
    shape: Shape,
}

impl From<NodeProps<NodeData>> for ComponentShape {
    fn from(props: NodeProps<NodeData>) -> Self {
        Self {
            center: props.location(),
            hovered: props.hovered,
            data: props.payload,
            cache: None,
        }
    }
}

impl ComponentShape {
    fn rect(&self) -> Rect {
        Rect::new(
            Point::new(
                self.center.x - self.data.size.w / 2.0,
                self.center.y - self.data.size.h / 2.0,
            ),
            self.data.size,
        )
    }
}

impl DisplayNode<NodeData, (), Directed, DefaultIx> for ComponentShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        let c = self.center;
        let target = Point::new(c.x + dir.x * 1.0e4, c.y + dir.y * 1.0e4);
        let p = scene::border_point(&self.rect(), target);
        Pos2::new(p.x, p.y)
    }

    fn shapes(&mut self, ctx: &DrawContext<'_>) -> Vec<Shape> {
        let t = ScreenFromCanvas {
            zoom: ctx.meta.zoom,
            offset: ctx.meta.canvas_to_screen_pos(self.center).to_vec2(),
        };
        let at = t.pos(Point::default());
        if let Some(c) = &mut self.cache
            && c.zoom.to_bits() == t.zoom.to_bits()
            && c.hovered == self.hovered
            && c.selected == self.data.selected
            && Arc::ptr_eq(&c.primitives, &self.data.primitives)
        {
            // Same drawing, maybe somewhere else (a pan or a drag): move the shapes.
            let delta = at - c.at;
            if delta != Vec2::ZERO {
                c.shape.translate(delta);
                c.at = at;
            }
            return vec![c.shape.clone()];
        }
        let shape = self.draw(ctx.ctx, &t);
        self.cache = Some(DrawnNode {
            zoom: t.zoom,
            at,
            hovered: self.hovered,
            selected: self.data.selected,
            primitives: Arc::clone(&self.data.primitives),
            shape: shape.clone(),
        });
        vec![shape]
    }

    fn update(&mut self, props: &NodeProps<NodeData>) {
        self.center = props.location();
        self.hovered = props.hovered;
        self.data.clone_from(&props.payload);
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        scene::hit_area_contains(self.data.kind, &self.rect(), Point::new(pos.x, pos.y))
    }
}

/// The smallest label drawn on the canvas, in screen pixels (details are a little smaller).
pub(super) const MIN_TEXT_PX: f32 = 6.0;

impl ComponentShape {
    /// The node's shapes, from its primitives, as one shape.
    fn draw(&self, ctx: &egui::Context, t: &ScreenFromCanvas) -> Shape {
        let mut out = Vec::with_capacity(self.data.primitives.len() + 1);
        // Level of detail: a box too small on screen to read is drawn as its outline only,
        // which keeps zoomed-out views of thousands of components cheap.
        let small = t.len(self.data.size.w) < 60.0 && !self.data.kind.is_container();
        // Text is never drawn below a legible size; a container says what it holds instead.
        let legible = t.zoom * scene::LABEL_SIZE >= MIN_TEXT_PX;
        if small {
            // No text: no need to lock the fonts.
            for prim in self.data.primitives.iter() {
                if let Primitive::Rect { .. } = prim {
                    push_rect(prim, t, &mut out);
                }
            }
        } else if !legible {
            ctx.fonts_mut(|fonts| {
                // The canvas writes containers' summaries over everything instead.
                for prim in self.data.primitives.iter() {
                    if !matches!(prim, Primitive::Text { .. }) {
                        push_shapes(prim, t, fonts, &mut out);
                    }
                }
            });
        } else {
            ctx.fonts_mut(|fonts| {
                for prim in self.data.primitives.iter() {
                    push_shapes(prim, t, fonts, &mut out);
                }
            });
        }
        if self.data.selected || (self.hovered && !self.data.kind.is_container()) {
            let r = self.rect();
            let min = t.pos(Point::new(-r.size.w / 2.0, -r.size.h / 2.0));
            let max = t.pos(Point::new(r.size.w / 2.0, r.size.h / 2.0));
            let width = if self.data.selected { 2.5 } else { 1.0 };
            out.push(Shape::rect_stroke(
                egui::Rect::from_min_max(min, max).expand(2.0),
                6,
                egui::Stroke::new(width, color(self.data.selection_color)),
                egui::StrokeKind::Outside,
            ));
        }
        // One shape per node: egui_graphs adds each returned shape to the painter on its
        // own, and each add takes the context's lock.
        Shape::Vec(out)
    }
}

/// Connections are drawn above the components by the canvas itself (egui_graphs draws
/// edges before nodes, which would hide them under container fills), so the edge display
/// draws nothing.
#[derive(Clone, Debug)]
pub struct ConnectionShape;

impl From<EdgeProps<()>> for ConnectionShape {
    fn from(_: EdgeProps<()>) -> Self {
        Self
    }
}

impl DisplayEdge<NodeData, (), Directed, DefaultIx, ComponentShape> for ConnectionShape {
    fn shapes(
        &mut self,
        _start: &Node<NodeData, (), Directed, DefaultIx, ComponentShape>,
        _end: &Node<NodeData, (), Directed, DefaultIx, ComponentShape>,
        _ctx: &DrawContext<'_>,
    ) -> Vec<Shape> {
        Vec::new()
    }

    fn update(&mut self, _state: &EdgeProps<()>) {}

    fn is_inside(
        &self,
        _start: &Node<NodeData, (), Directed, DefaultIx, ComponentShape>,
        _end: &Node<NodeData, (), Directed, DefaultIx, ComponentShape>,
        _pos: Pos2,
    ) -> bool {
        false
    }
}

/// Layout state of the editor: positions come from the design, never from a layout.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct FixedLayoutState;

impl LayoutState for FixedLayoutState {}

/// A layout that leaves every node where the design put it.
#[derive(Debug, Default)]
pub struct FixedLayout;

impl Layout<FixedLayoutState> for FixedLayout {
    fn from_state(_state: FixedLayoutState) -> impl Layout<FixedLayoutState> {
        FixedLayout
    }

    fn next<N, E, Ty, Ix, Dn, De>(&mut self, _g: &mut Graph<N, E, Ty, Ix, Dn, De>, _ui: &egui::Ui)
    where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: petgraph::stable_graph::IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> FixedLayoutState {
        FixedLayoutState
    }
}

/// The graph type the canvas shows.
pub type CanvasGraph = Graph<NodeData, (), Directed, DefaultIx, ComponentShape, ConnectionShape>;
