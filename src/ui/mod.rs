//! The egui user interface. Only this module and `app` use egui, eframe and rfd.

pub mod canvas;
pub mod command;
pub mod flows;
pub mod paint;
pub mod panels;
pub mod security;
pub mod theme;
