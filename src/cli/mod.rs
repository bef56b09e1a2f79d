//! The command line: `eksplain [FILE]`, `eksplain validate FILE...`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::io;
use crate::model::Severity;

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
