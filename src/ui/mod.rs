//! The egui user interface. Only this module and `app` use egui, eframe and rfd.

pub mod canvas;
pub mod cluster;
pub mod command;
pub mod fields;
pub mod flows;
pub mod inspector;
pub mod paint;
pub mod palette;
pub mod panels;
pub mod security;
pub mod theme;
