//! The flows panel, the findings panel and the mode comparison window.

use egui::RichText;

use crate::i18n::Msg;
use crate::t;

use super::theme::color;
use crate::engine::{Analysis, FlowKind, FlowResult, Level, analyze, report};
use crate::model::{Design, EndpointMode};
use crate::render::{Palette, flows::flow_color};

/// Which flows the panel and the canvas show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowFilter {
    /// Show kubectl → API, API → kubelet, kubelet → API.
    pub kinds: [bool; 3],
    /// Only blocked flows.
    pub blocked_only: bool,
    /// Only flows that pass this component id (substring), when not empty.
    pub component: String,
}

impl Default for FlowFilter {
    fn default() -> Self {
        Self {
            kinds: [true; 3],
            blocked_only: false,
            component: String::new(),
        }
    }
}

fn kind_index(k: FlowKind) -> usize {
    match k {
        FlowKind::KubectlToApi => 0,
        FlowKind::ApiToKubelet => 1,
        FlowKind::KubeletToApi => 2,
    }
}

impl FlowFilter {
    /// True when the flow passes the filter.
    pub fn accepts(&self, f: &FlowResult) -> bool {
        self.kinds.get(kind_index(f.flow)).copied().unwrap_or(true)
            && (!self.blocked_only || !f.reachable)
            && (self.component.trim().is_empty()
                || f.hops.iter().any(|h| h.id.contains(self.component.trim())))
    }
}

/// The panel lists at most this many groups and lets the filter find the rest.
const MAX_GROUPS: usize = 2000;

/// One line of the flows list: a group title (client or node) or a flow.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Row {
    /// The heading over the bundles.
    BundlesTitle,
    Title(String),
    Flow(usize),
    /// Equivalent flows drawn as one bundle (indices into the analysis), and the subnet
    /// their nodes are in.
    Bundle(Vec<usize>, String),
}

/// The flows panel's state: the filter, and the list it gives, kept between frames.
#[derive(Debug, Default)]
pub struct FlowsView {
    /// Which flows are listed and drawn.
    pub filter: FlowFilter,
    /// The list for (analysis revision, filter), rebuilt when either changes.
    rows: Vec<Row>,
    more_groups: usize,
    rows_for: Option<(u64, FlowFilter)>,
    /// Height (cursor advance) of each row, measured when it was last drawn; rows never
    /// drawn count as the first row measured, so the list's height is stable between frames.
    row_h: Vec<Option<f32>>,
    /// The height assumed for rows not measured yet.
    guess_h: Option<f32>,
    /// The width the heights were measured at (text wraps differently at another).
    measured_width: f32,
}

impl FlowsView {
    fn refresh(&mut self, design: &Design, analysis: &Analysis, revision: u64) {
        if self
            .rows_for
            .as_ref()
            .is_some_and(|(r, f)| *r == revision && *f == self.filter)
        {
            return;
        }
        // The bundles the canvas draws, first: what each stands for.
        let accepted: Vec<usize> = (0..analysis.flows.len())
            .filter(|&i| {
                analysis
                    .flows
                    .get(i)
                    .is_some_and(|f| self.filter.accepts(f))
            })
            .collect();
        let refs: Vec<&FlowResult> = accepted
            .iter()
            .filter_map(|&i| analysis.flows.get(i))
            .collect();
        let index = crate::model::DesignIndex::new(design);
        let bundles: Vec<Row> = crate::render::bundle::groups(&index, &refs)
            .into_iter()
            .filter(|g| g.len() > 1)
            .map(|g| {
                let members: Vec<usize> =
                    g.iter().filter_map(|&k| accepted.get(k).copied()).collect();
                let parent = members
                    .first()
                    .and_then(|&i| analysis.flows.get(i))
                    .and_then(|f| index.get(crate::render::bundle::flow_end(f)))
                    .and_then(|c| c.parent.clone())
                    .unwrap_or_default();
                Row::Bundle(members, parent)
            })
            .collect();
        // Group by the client or node each flow is about.
        let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
        let mut slot: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, f) in analysis.flows.iter().enumerate() {
            if !self.filter.accepts(f) {
                continue;
            }
            let key = match f.flow {
                FlowKind::ApiToKubelet => f.target.as_str(),
                _ => f.source.as_str(),
            };
            if let Some(&g) = slot.get(key) {
                if let Some((_, v)) = groups.get_mut(g) {
                    v.push(i);
                }
            } else {
                slot.insert(key, groups.len());
                groups.push((key, vec![i]));
            }
        }
        self.more_groups = groups.len().saturating_sub(MAX_GROUPS);
        self.rows.clear();
        if !bundles.is_empty() {
            self.rows.push(Row::BundlesTitle);
            self.rows.extend(bundles);
        }
        for (key, indices) in groups.into_iter().take(MAX_GROUPS) {
            self.rows.push(Row::Title(key.to_owned()));
            self.rows.extend(indices.into_iter().map(Row::Flow));
        }
        self.row_h = vec![None; self.rows.len()];
        self.rows_for = Some((revision, self.filter.clone()));
    }
}

/// What the user asked for in the flows panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlowAction {
    /// Highlight only this flow (index into the analysis), or all again.
    SelectFlow(Option<usize>),
    /// Select and centre this component.
    Focus(String),
    /// Copy the analysis as Markdown.
    CopyReport,
    /// Apply a blocked flow's fix.
    ApplyFix(crate::engine::FixEdit),
}

/// The built-in fonts have no arrow glyph: show "→" as "->".
pub fn screen_text(s: &str) -> String {
    s.replace('→', "->")
}

fn verdict_text(f: &FlowResult) -> (String, bool) {
    if f.reachable {
        let exposure = f
            .exposure
            .map_or_else(|| Msg::verbatim("?"), crate::i18n::words::exposure);
        (t!("flows-verdict-reachable", exposure = exposure), false)
    } else {
        (
            t!(
                "flows-verdict-blocked",
                code = f.code.map_or("?", crate::engine::Code::as_str)
            ),
            true,
        )
    }
}

/// The flows panel: grouped by client and node, each with verdict, exposure and DNS answer,
/// expandable to the numbered steps.
pub fn flows_ui(
    ui: &mut egui::Ui,
    design: &Design,
    analysis: &Analysis,
    revision: u64,
    view: &mut FlowsView,
    selected: Option<usize>,
    palette: &Palette,
) -> Vec<FlowAction> {
    let mut actions = Vec::new();
    let filter = &mut view.filter;
    ui.horizontal_wrapped(|ui| {
        for (i, kind) in FlowKind::ALL.iter().enumerate() {
            if let Some(on) = filter.kinds.get_mut(i) {
                ui.checkbox(
                    on,
                    RichText::new(screen_text(&crate::i18n::words::flow(*kind).to_string()))
                        .color(color(flow_color(*kind, palette.theme))),
                );
            }
        }
    });
    ui.horizontal(|ui| {
        ui.checkbox(&mut filter.blocked_only, t!("flows-blocked-only"));
        ui.label(t!("flows-component"));
        ui.add(
            egui::TextEdit::singleline(&mut filter.component)
                .desired_width(80.0)
                .hint_text(t!("flows-component-any")),
        );
    });
    ui.horizontal(|ui| {
        if selected.is_some() && ui.button(t!("flows-show-all")).clicked() {
            actions.push(FlowAction::SelectFlow(None));
        }
        if ui
            .button(t!("cmd-copy-report"))
            .on_hover_text(t!("cmd-copy-report-tip"))
            .clicked()
        {
            actions.push(FlowAction::CopyReport);
        }
    });
    let blocked = analysis.flows.iter().filter(|f| !f.reachable).count();
    let exposed = analysis.flows.iter().filter(|f| f.exposed()).count();
    let n = analysis.flows.len();
    ui.label(t!(
        "flows-summary",
        count = n,
        blocked = blocked,
        exposed = exposed
    ));
    view.refresh(design, analysis, revision);
    // Only the rows in sight are drawn; the others reserve their measured height, so a list
    // of thousands of flows costs what the visible rows cost.
    let spacing = ui.spacing().item_spacing.y;
    let clip = ui.clip_rect();
    let width = ui.available_width();
    if (width - view.measured_width).abs() > 0.5 {
        view.row_h.iter_mut().for_each(|h| *h = None);
        view.guess_h = None;
        view.measured_width = width;
    }
    let guess = view
        .guess_h
        .unwrap_or(ui.spacing().interact_size.y + spacing);
    let mut skipped = 0.0;
    let rows = std::mem::take(&mut view.rows);
    for (n, row) in rows.iter().enumerate() {
        let h = view.row_h.get(n).copied().flatten().unwrap_or(guess);
        let y = ui.cursor().min.y + skipped;
        if y + h < clip.min.y || y > clip.max.y {
            skipped += h;
            continue;
        }
        if skipped > 0.0 {
            ui.allocate_space(egui::vec2(1.0, (skipped - spacing).max(0.0)));
            skipped = 0.0;
        }
        let top = ui.cursor().min.y;
        match row {
            Row::BundlesTitle => {
                ui.label(RichText::new(t!("flows-bundles")).strong());
            }
            Row::Title(key) => {
                ui.label(RichText::new(key).strong());
            }
            Row::Flow(i) => {
                if let Some(f) = analysis.flows.get(*i) {
                    let open = flow_row(ui, f, *i, selected, palette, &mut actions);
                    if !open && view.guess_h.is_none() {
                        view.guess_h = Some(ui.cursor().min.y - top);
                    }
                }
            }
            Row::Bundle(members, parent) => {
                bundle_row(ui, analysis, members, parent, palette, &mut actions);
            }
        }
        if let Some(slot) = view.row_h.get_mut(n) {
            *slot = Some(ui.cursor().min.y - top);
        }
    }
    if skipped > 0.0 {
        ui.allocate_space(egui::vec2(1.0, (skipped - spacing).max(0.0)));
    }
    view.rows = rows;
    if view.more_groups > 0 {
        ui.label(t!("flows-more-groups", count = view.more_groups));
    }
    actions
}

/// A bundle: its flow type, count, subnet and verdict, open to list its nodes (click one to
/// select it).
fn bundle_row(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    members: &[usize],
    parent: &str,
    palette: &Palette,
    actions: &mut Vec<FlowAction>,
) {
    let flows: Vec<&FlowResult> = members
        .iter()
        .filter_map(|&i| analysis.flows.get(i))
        .collect();
    let Some(lead) = flows.first() else { return };
    let (verdict, bad) = verdict_text(lead);
    let flow = crate::i18n::words::flow(lead.flow);
    let title = screen_text(&if parent.is_empty() {
        t!(
            "flows-bundle",
            flow = flow,
            count = flows.len(),
            verdict = verdict
        )
    } else {
        t!(
            "flows-bundle-in",
            flow = flow,
            count = flows.len(),
            parent = parent,
            verdict = verdict
        )
    });
    let text_color = if bad {
        ui.visuals().error_fg_color
    } else {
        color(flow_color(lead.flow, palette.theme))
    };
    let id = ui.make_persistent_id(("bundle", members.first().copied()));
    egui::CollapsingHeader::new(RichText::new(title).color(text_color))
        .id_salt(id)
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(screen_text(&lead.reason.to_string())).italics());
            ui.horizontal_wrapped(|ui| {
                for f in &flows {
                    let node = crate::render::bundle::flow_end(f);
                    if ui
                        .small_button(node)
                        .on_hover_text(t!("flows-select", id = node))
                        .clicked()
                    {
                        actions.push(FlowAction::Focus(node.to_owned()));
                    }
                }
            });
        });
}

/// One flow: its title (click to highlight only it), open to show its numbered steps.
/// Returns whether it is open.
fn flow_row(
    ui: &mut egui::Ui,
    f: &FlowResult,
    i: usize,
    selected: Option<usize>,
    palette: &Palette,
    actions: &mut Vec<FlowAction>,
) -> bool {
    let (verdict, bad) = verdict_text(f);
    let flow = crate::i18n::words::flow(f.flow);
    let flow = if f.flow == FlowKind::ApiToKubelet && f.port != crate::engine::KUBELET_PORT {
        t!("flows-flow-port", flow = flow, port = f.port)
    } else {
        flow.to_string()
    };
    let title = screen_text(&match f.dns {
        Some(d) => t!(
            "flows-title-dns",
            flow = flow,
            verdict = verdict,
            dns = crate::i18n::words::dns(d)
        ),
        None => t!("flows-title", flow = flow, verdict = verdict),
    });
    let text_color = if bad {
        ui.visuals().error_fg_color
    } else {
        color(flow_color(f.flow, palette.theme))
    };
    let id = ui.make_persistent_id(("flow", i));
    let mut state =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
    // The selected flow shows its steps.
    if selected == Some(i) {
        state.set_open(true);
    }
    let open = state.is_open();
    state
        .show_header(ui, |ui| {
            // Wraps in a narrow panel instead of widening it.
            let label = ui.add(
                egui::Button::selectable(
                    selected == Some(i),
                    RichText::new(title).color(text_color),
                )
                .wrap(),
            );
            if label.clicked() {
                actions.push(FlowAction::SelectFlow(if selected == Some(i) {
                    None
                } else {
                    Some(i)
                }));
            }
        })
        .body(|ui| {
            // What to change first, then why.
            if let Some(edit) = &f.fix_edit {
                let label = screen_text(&edit.label().to_string());
                if ui
                    .button(t!("flows-fix", fix = label))
                    .on_hover_text(t!("flows-fix-tip"))
                    .clicked()
                {
                    actions.push(FlowAction::ApplyFix(edit.clone()));
                }
            }
            for (n, s) in f.steps.iter().enumerate() {
                let text = screen_text(&format!("{}. {}", n + 1, s.text));
                let resp = ui.add(egui::Label::new(text).sense(egui::Sense::click()));
                if let Some(c) = &s.component
                    && resp
                        .on_hover_text(t!("flows-select", id = c.as_str()))
                        .clicked()
                {
                    actions.push(FlowAction::Focus(c.to_string()));
                }
            }
            ui.label(RichText::new(screen_text(&f.reason.to_string())).italics());
            if let Some(fix) = &f.fix {
                ui.label(screen_text(&t!("flows-fix", fix = fix.clone())));
            }
        });
    open
}

/// What the user did in the findings panel.
#[derive(Clone, Debug, PartialEq)]
pub enum FindingAction {
    /// Select the component a finding is about.
    Select(String),
    /// Apply a finding's fix.
    ApplyFix(crate::engine::FixEdit),
}

/// The findings panel: configuration errors and warnings with their fixes (a button where
/// the fix is an edit of the design).
pub fn findings_ui(ui: &mut egui::Ui, analysis: &Analysis) -> Option<FindingAction> {
    let mut picked = None;
    if analysis.errors.is_empty() && analysis.warnings.is_empty() {
        ui.label(t!("findings-none"));
    }
    for f in analysis.errors.iter().chain(&analysis.warnings) {
        let (icon, c) = match f.level {
            Level::Error => ("⛔", ui.visuals().error_fg_color),
            Level::Warning => ("⚠", ui.visuals().warn_fg_color),
        };
        let mut text = format!("{icon} {}: {}", f.code, f.message);
        if let Some(fix) = &f.fix {
            text.push('\n');
            text.push_str(&t!("flows-fix", fix = fix.clone()));
        }
        let resp =
            ui.add(egui::Label::new(RichText::new(text).color(c)).sense(egui::Sense::click()));
        if let Some(id) = &f.component
            && resp.on_hover_text(t!("flows-select", id = id)).clicked()
        {
            picked = Some(FindingAction::Select(id.clone()));
        }
        if let Some(edit) = &f.fix_edit
            && ui
                .button(t!(
                    "flows-fix",
                    fix = screen_text(&edit.label().to_string())
                ))
                .on_hover_text(t!("flows-fix-tip"))
                .clicked()
        {
            picked = Some(FindingAction::ApplyFix(edit.clone()));
        }
    }
    picked
}

/// The three analyses of a design, one per mode.
pub fn compare(design: &Design) -> [Analysis; 3] {
    EndpointMode::ALL.map(|m| analyze(design, Some(m)))
}

/// The mode comparison window's contents; returns a mode to apply when one is chosen.
pub fn comparison_ui(
    ui: &mut egui::Ui,
    analyses: &[Analysis; 3],
    current: Option<EndpointMode>,
) -> Option<EndpointMode> {
    let mut apply = None;
    // Three equal columns that wrap their text, so the third is never cut off.
    let col = ((ui.available_width() - 150.0) / 3.0 - 12.0).max(120.0);
    egui::ScrollArea::vertical()
        .max_height(300.0)
        .show(ui, |ui| {
            egui::Grid::new("compare")
                .striped(true)
                .num_columns(4)
                .min_col_width(col.min(140.0))
                .max_col_width(col)
                .show(ui, |ui| {
                    ui.label(RichText::new(t!("compare-flow")).strong());
                    for (m, _) in EndpointMode::ALL.iter().zip(analyses.iter()) {
                        ui.horizontal(|ui| {
                            let name = crate::i18n::words::mode(Some(*m));
                            ui.label(RichText::new(name.to_string()).strong());
                            if current != Some(*m)
                                && ui
                                    .small_button(t!("compare-apply"))
                                    .on_hover_text(t!("compare-apply-tip", mode = name))
                                    .clicked()
                            {
                                apply = Some(*m);
                            }
                        });
                    }
                    ui.end_row();
                    for (i, f) in analyses[0].flows.iter().enumerate().take(300) {
                        ui.label(report::who(f));
                        for a in analyses {
                            match a.flows.get(i) {
                                Some(g) => {
                                    let exposure = g.exposure.map_or_else(
                                        || Msg::verbatim("–"),
                                        crate::i18n::words::exposure,
                                    );
                                    let text = screen_text(&t!(
                                        "compare-cell",
                                        path = report::path_summary(g),
                                        exposure = exposure
                                    ));
                                    let text = if g.reachable {
                                        RichText::new(text)
                                    } else {
                                        RichText::new(text).color(ui.visuals().error_fg_color)
                                    };
                                    ui.add(egui::Label::new(text).wrap());
                                }
                                None => {
                                    ui.label("–");
                                }
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    apply
}
