//! The eksplain binary: the window, or a CLI subcommand.

use clap::Parser as _;
use eksplain::app::EksplainApp;
use eksplain::cli::{self, Cli};

/// mimalloc: an analysis makes and frees hundreds of thousands of small strings, across
/// threads; glibc's allocator spent half of a large analysis in malloc and free.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn,usvg=error"))
        .init();
    let args = Cli::parse();
    if let Some(command) = &args.command {
        let lang = args
            .lang
            .map_or_else(eksplain::i18n::Lang::from_env, eksplain::i18n::Lang::from);
        eksplain::i18n::set_current(lang);
        return cli::run(command);
    }
    if let Some(name) = &args.preset
        && eksplain::io::Preset::by_name(name).is_none()
    {
        eprintln!("unknown preset \"{name}\"; use public, public-private or private");
        return std::process::ExitCode::from(2);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("eksplain")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([480.0, 320.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "eksplain",
        options,
        Box::new(move |cc| {
            let fallbacks = eksplain::ui::theme::install_fallback_fonts(&cc.egui_ctx);
            log::info!("fallback fonts: {fallbacks:?}");
            let mut settings: eksplain::app::Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, "settings"))
                .unwrap_or_default();
            if let Some(lang) = args.lang {
                settings.lang = Some(lang.into());
            }
            // Opening the file already says things ("opened …"): in the window's language.
            eksplain::i18n::set_current(
                settings
                    .lang
                    .unwrap_or_else(eksplain::i18n::Lang::from_system),
            );
            let mut app = match (&args.file, &args.preset) {
                (Some(path), _) => EksplainApp::with_file(path),
                (None, Some(name)) => EksplainApp::with_preset(name),
                (None, None) => EksplainApp::with_preset(eksplain::io::DEFAULT_PRESET),
            };
            // Unsaved work from a run that crashed or was killed.
            let recovery_path = app.recovery_path().to_path_buf();
            match eksplain::io::recovery::read(&recovery_path) {
                Some(Ok(file)) => app.offer_recovery(file),
                Some(Err(e)) => log::error!("ignoring an unreadable recovery file: {e}"),
                None => {}
            }
            // A panic writes the last committed design to the recovery file before exiting.
            eksplain::app::install_panic_hook(app.panic_snapshot(), recovery_path);
            Ok(Box::new(app.with_settings(settings)))
        }),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot open the window: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
