//! Errors of reading and writing design files.

use std::path::PathBuf;

use thiserror::Error;

use crate::model::Problem;

/// Everything that can go wrong reading or writing a design file.
#[derive(Debug, Error)]
pub enum IoError {
    /// The file could not be read.
    #[error("{}", crate::t!("io-cannot-read", path = path.display().to_string(), error = source.to_string()))]
    Read {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is larger than a design file can reasonably be.
    #[error("{}", crate::t!("io-too-large", path = path.display().to_string(), size = size.to_string(), limit = limit.to_string()))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{}", crate::t!("io-not-utf8", path = path.display().to_string(), line = line.to_string(), col = col.to_string()))]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column of the first bad byte.
        col: usize,
    },
    /// The RON text does not parse, or does not match the design format.
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What the parser expected or found.
        message: String,
    },
    /// The file was written by a newer version of eksplain.
    #[error("{}", crate::t!("io-newer-version", path = path.display().to_string(), found = found.to_string(), supported = supported.to_string()))]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The design breaks structural rules.
    #[error("{}", crate::t!("io-invalid", path = path.display().to_string(), problems = format_problems(problems)))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The errors (and any warnings) found.
        problems: Vec<Problem>,
    },
    /// The file could not be written; the old file, if any, is untouched.
    #[error("{}", crate::t!("io-cannot-save", path = path.display().to_string(), error = source.to_string()))]
    Write {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The design could not be turned into RON text.
    #[error("{}", crate::t!("io-cannot-serialize", path = path.display().to_string(), error = message))]
    Serialize {
        /// The file.
        path: PathBuf,
        /// The serializer's message.
        message: String,
    },
    /// A policy file reads but says something that cannot be checked.
    #[error("{path}: {message}")]
    Policy {
        /// The file.
        path: PathBuf,
        /// What is wrong, naming the rule.
        message: String,
    },
}

fn format_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}
