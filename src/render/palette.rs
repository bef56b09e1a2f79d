//! Colours of the diagram, for the light and dark themes. The UI converts these to egui
//! colours; exports write them as they are.

use super::primitive::Rgba;
use crate::model::KindName;

/// Light or dark.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Dark text on a light background.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

/// Every colour the diagram uses.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Canvas background.
    pub background: Rgba,
    /// Main text.
    pub text: Rgba,
    /// Secondary text (addresses, zones).
    pub text_muted: Rgba,
    /// Fill of leaf boxes.
    pub box_fill: Rgba,
    /// Outline of leaf boxes.
    pub box_stroke: Rgba,
    /// Annotation lines.
    pub connection: Rgba,
    /// Attachment lines.
    pub attachment: Rgba,
    /// Selection outline.
    pub selection: Rgba,
    /// Blocked components and errors.
    pub error: Rgba,
    /// Note fill.
    pub note_fill: Rgba,
    /// Theme these colours belong to.
    pub theme: Theme,
}

impl Palette {
    /// The palette of a theme.
    pub const fn of(theme: Theme) -> Self {
        match theme {
            Theme::Light => Palette {
                background: Rgba::rgb(250, 250, 248),
                text: Rgba::rgb(30, 34, 40),
                text_muted: Rgba::rgb(95, 102, 112),
                box_fill: Rgba::rgb(255, 255, 255),
                box_stroke: Rgba::rgb(150, 156, 165),
                connection: Rgba::rgb(110, 116, 126),
                attachment: Rgba::rgb(90, 70, 160),
                selection: Rgba::rgb(0, 120, 215),
                error: Rgba::rgb(210, 40, 40),
                note_fill: Rgba::rgb(255, 246, 196),
                theme,
            },
            Theme::Dark => Palette {
                background: Rgba::rgb(27, 29, 33),
                text: Rgba::rgb(228, 230, 234),
                text_muted: Rgba::rgb(160, 166, 176),
                box_fill: Rgba::rgb(44, 47, 53),
                box_stroke: Rgba::rgb(105, 111, 121),
                connection: Rgba::rgb(150, 156, 166),
                attachment: Rgba::rgb(170, 150, 240),
                selection: Rgba::rgb(80, 170, 255),
                error: Rgba::rgb(255, 90, 90),
                note_fill: Rgba::rgb(88, 80, 40),
                theme,
            },
        }
    }

    /// The accent colour of a kind (icon and border colour).
    pub const fn accent(&self, kind: KindName) -> Rgba {
        let dark = matches!(self.theme, Theme::Dark);
        match kind {
            KindName::Vpc => {
                if dark {
                    Rgba::rgb(110, 200, 110)
                } else {
                    Rgba::rgb(40, 140, 60)
                }
            }
            KindName::Subnet => {
                if dark {
                    Rgba::rgb(110, 170, 230)
                } else {
                    Rgba::rgb(40, 110, 180)
                }
            }
            KindName::ControlPlane | KindName::ApiServer | KindName::Nlb => {
                if dark {
                    Rgba::rgb(255, 170, 70)
                } else {
                    Rgba::rgb(210, 110, 10)
                }
            }
            KindName::EksEni => {
                if dark {
                    Rgba::rgb(240, 130, 200)
                } else {
                    Rgba::rgb(190, 50, 140)
                }
            }
            KindName::Igw | KindName::Nat => {
                if dark {
                    Rgba::rgb(170, 140, 255)
                } else {
                    Rgba::rgb(110, 70, 200)
                }
            }
            KindName::Node => {
                if dark {
                    Rgba::rgb(100, 190, 230)
                } else {
                    Rgba::rgb(20, 120, 170)
                }
            }
            KindName::Client => {
                if dark {
                    Rgba::rgb(210, 210, 210)
                } else {
                    Rgba::rgb(60, 60, 70)
                }
            }
            KindName::OnPrem => {
                if dark {
                    Rgba::rgb(190, 170, 140)
                } else {
                    Rgba::rgb(120, 95, 60)
                }
            }
            KindName::Vpn | KindName::Tgw | KindName::Peering => {
                if dark {
                    Rgba::rgb(170, 150, 240)
                } else {
                    Rgba::rgb(90, 70, 160)
                }
            }
            KindName::Phz => {
                if dark {
                    Rgba::rgb(150, 200, 120)
                } else {
                    Rgba::rgb(80, 130, 40)
                }
            }
            KindName::Note => {
                if dark {
                    Rgba::rgb(220, 200, 120)
                } else {
                    Rgba::rgb(160, 130, 20)
                }
            }
        }
    }

    /// The fill and outline of the zone behind the internet's clients (`internet`) or the
    /// AWS cloud.
    pub const fn zone(&self, internet: bool) -> (Rgba, Rgba) {
        match (internet, matches!(self.theme, Theme::Dark)) {
            (true, false) => (Rgba::rgb(246, 238, 238), Rgba::rgb(196, 120, 120)),
            (true, true) => (Rgba::rgb(48, 34, 36), Rgba::rgb(170, 100, 100)),
            (false, false) => (Rgba::rgb(242, 244, 248), Rgba::rgb(150, 160, 180)),
            (false, true) => (Rgba::rgb(34, 37, 44), Rgba::rgb(110, 120, 140)),
        }
    }

    /// The fill of a container kind; `public` picks the public-subnet tint.
    pub const fn container_fill(&self, kind: KindName, public: bool) -> Rgba {
        let dark = matches!(self.theme, Theme::Dark);
        match (kind, public, dark) {
            (KindName::Subnet, true, false) => Rgba::rgb(232, 245, 230),
            (KindName::Subnet, false, false) => Rgba::rgb(230, 240, 250),
            (KindName::Subnet, true, true) => Rgba::rgb(36, 52, 38),
            (KindName::Subnet, false, true) => Rgba::rgb(33, 44, 58),
            (KindName::ControlPlane, _, false) => Rgba::rgb(253, 243, 230),
            (KindName::ControlPlane, _, true) => Rgba::rgb(50, 41, 30),
            (KindName::OnPrem, _, false) => Rgba::rgb(244, 240, 232),
            (KindName::OnPrem, _, true) => Rgba::rgb(45, 42, 36),
            (_, _, false) => Rgba::rgb(245, 250, 244),
            (_, _, true) => Rgba::rgb(32, 38, 33),
        }
    }
}
