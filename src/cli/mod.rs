//! The command line: `eksplain [FILE]`, `eksplain validate FILE...`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine::{self, report};
use crate::io;
use crate::model::{EndpointMode, Severity};

/// `--mode` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// Public endpoint only.
    Public,
    /// Public and private endpoints.
    PublicPrivate,
    /// Private endpoint only.
    Private,
}

impl From<ModeArg> for EndpointMode {
    fn from(m: ModeArg) -> Self {
        match m {
            ModeArg::Public => EndpointMode::Public,
            ModeArg::PublicPrivate => EndpointMode::PublicPrivate,
            ModeArg::Private => EndpointMode::Private,
        }
    }
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Numbered steps per flow.
    Text,
    /// Machine-readable.
    Json,
    /// A Markdown report for a pull request or wiki.
    Markdown,
}

/// `--fail-on` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when any flow is blocked.
    Unreachable,
    /// Exit 1 when any reachable flow leaves private networks.
    Exposed,
}

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "eksplain",
    version,
    about = "Explains how traffic reaches an EKS cluster's API server"
)]
pub struct Cli {
    /// A design file to open in the window.
    pub file: Option<PathBuf>,
    /// Open a built-in preset instead (public, public-private, private).
    #[arg(long, conflicts_with = "file")]
    pub preset: Option<String>,
    /// A subcommand; without one the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check design files and report every problem; exits non-zero if any file has an error.
    Validate {
        /// Design files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Analyse the three flows of a design: DNS, hops, verdicts and exposure.
    Check {
        /// Design file (.ron).
        file: PathBuf,
        /// Analyse as if the cluster were in this mode (the file is not changed).
        #[arg(long, value_enum)]
        mode: Option<ModeArg>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
        /// Exit 1 when this condition holds (for CI gates).
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
    },
    /// Rewrite design files in the canonical layout (what Save writes); with --check, only report.
    Fmt {
        /// Report files that are not canonical instead of rewriting them; exit 1 if any.
        #[arg(long)]
        check: bool,
        /// Design files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Validate { files } => validate(files),
        Command::Fmt { check, files } => fmt(files, *check),
        Command::Check {
            file,
            mode,
            format,
            fail_on,
        } => check(file, *mode, *format, *fail_on),
    }
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match io::load(path) {
            Ok((_, warnings)) => {
                for w in &warnings {
                    debug_assert_eq!(w.severity, Severity::Warning);
                    eprintln!("{}: {w}", path.display());
                }
                println!("{}: ok", path.display());
            }
            Err(e) => {
                failed = true;
                eprintln!("{e}");
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn fmt(files: &[PathBuf], check: bool) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in files {
        let result = io::load(path).and_then(|(design, _)| {
            let canonical =
                io::to_ron_string(&design).map_err(|message| io::IoError::Serialize {
                    path: path.clone(),
                    message,
                })?;
            let current = std::fs::read_to_string(path).map_err(|source| io::IoError::Read {
                path: path.clone(),
                source,
            })?;
            if current == canonical {
                return Ok(false);
            }
            if !check {
                io::ron_file::write_atomically(path, canonical.as_bytes())?;
            }
            Ok(true)
        });
        match result {
            Ok(false) => {}
            Ok(true) if check => {
                println!("{}: not in canonical form", path.display());
                status = ExitCode::from(1);
            }
            Ok(true) => println!("{}: rewritten", path.display()),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    status
}

fn check(
    file: &std::path::Path,
    mode: Option<ModeArg>,
    format: FormatArg,
    fail_on: Option<FailOn>,
) -> ExitCode {
    let design = match io::load(file) {
        Ok((design, _)) => design,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let analysis = engine::analyze(&design, mode.map(EndpointMode::from));
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match format {
        FormatArg::Text => print!("{}", report::to_text(&name, &analysis)),
        FormatArg::Markdown => print!("{}", report::to_markdown(&name, &analysis)),
        FormatArg::Json => {
            let value = report::to_json(&name, &analysis);
            match serde_json::to_string_pretty(&value) {
                Ok(text) => println!("{text}"),
                Err(e) => {
                    eprintln!("cannot write the JSON report: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    }
    let failed = match fail_on {
        None => false,
        Some(FailOn::Unreachable) => analysis.flows.iter().any(|f| !f.reachable),
        Some(FailOn::Exposed) => analysis.flows.iter().any(engine::FlowResult::exposed),
    };
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
