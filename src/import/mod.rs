//! Import of configurations users already have (docs/import.md), offline: today the AWS
//! CLI's `describe-*` JSON, `terraform show -json`, eksctl configs and CloudFormation templates. An import gives a valid design, laid out, and the list of
//! everything it assumed, made up or left out, which also goes into the design's
//! description. No UI, no network.
#![warn(missing_docs)]

mod aws;
mod aws_shapes;
mod build;
mod build_links;
mod bundle;
mod cfn_eval;
mod cfn_map;
mod cfn_yaml;
mod cloudformation;
mod eksctl;
mod eksctl_shapes;
pub mod layout;
pub mod merge;
mod terraform;
mod terraform_map;
mod terraform_refs;

use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::i18n::{Lang, Msg};
use crate::io::ron_file::MAX_FILE_BYTES;
use crate::model::Design;
use crate::msg;

/// What an import note says about the design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoteKind {
    /// A value no input held, taken from the tool's documented default.
    Assumed,
    /// A component no input describes, made up so the flows can be analysed.
    Synthesised,
    /// Something in the input the design cannot express, left out.
    Dropped,
}

impl NoteKind {
    /// The word that starts the note's line.
    pub fn word(self) -> Msg {
        Msg::new(match self {
            Self::Assumed => "imp-kind-assumed",
            Self::Synthesised => "imp-kind-synthesised",
            Self::Dropped => "imp-kind-dropped",
        })
    }
}

/// One thing the user should check in an imported design.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportNote {
    /// Assumed, synthesised or dropped.
    pub kind: NoteKind,
    /// What, with the ids and values, formatted in the reader's language.
    pub text: Msg,
}

impl ImportNote {
    /// The note's line ("assumed: …") in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        msg!("imp-note-line", kind = self.kind.word(), text = &self.text).in_lang(lang)
    }
}

/// In the current language of the thread.
impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(crate::i18n::current()))
    }
}

/// A design made from imported files.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The design, valid and laid out.
    pub design: Design,
    /// Everything assumed, synthesised and dropped, in that order.
    pub notes: Vec<ImportNote>,
}

/// The input formats import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Recognised by content.
    Auto,
    /// AWS CLI `describe-*` JSON (EKS and EC2).
    Aws,
    /// `terraform show -json` of a state or a plan.
    Terraform,
    /// An eksctl `ClusterConfig` (YAML).
    Eksctl,
    /// A CloudFormation template (YAML or JSON).
    CloudFormation,
}

impl Format {
    /// The format of one file, by its content.
    fn of(input: &Input) -> Format {
        if terraform::looks_like(&input.text) {
            Format::Terraform
        } else if eksctl::looks_like(&input.text) {
            Format::Eksctl
        } else if cloudformation::looks_like(&input.text) {
            Format::CloudFormation
        } else {
            Format::Aws
        }
    }

    fn name(self) -> Msg {
        Msg::new(match self {
            Format::Auto => "imp-format-auto",
            Format::Aws => "imp-format-aws",
            Format::Terraform => "imp-format-terraform",
            Format::Eksctl => "imp-format-eksctl",
            Format::CloudFormation => "imp-format-cloudformation",
        })
    }
}

/// Why an import failed: always names the file, and the line and column when there is one.
/// Displayed in the current language ([`ImportError::msg`] keeps it as data).
#[derive(Debug, Error)]
pub enum ImportError {
    /// A file or folder could not be read.
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A file is larger than any input can reasonably be.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A file is not UTF-8 text.
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// A file does not parse, or a field has the wrong type.
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What is wrong.
        message: Msg,
    },
    /// A file parses but is not one of the inputs import reads.
    NotRecognised {
        /// The file.
        path: PathBuf,
        /// What it holds instead.
        message: Msg,
    },
    /// The files together lack something import needs.
    Incomplete {
        /// What is missing and which command gives it.
        message: Msg,
    },
}

impl ImportError {
    /// The whole sentence, file and position included, as a message.
    pub fn msg(&self) -> Msg {
        let shown = |p: &Path| p.display().to_string();
        match self {
            Self::Read { path, source } => {
                msg!(
                    "imp-err-read",
                    path = shown(path),
                    error = source.to_string()
                )
            }
            Self::TooLarge { path, size, limit } => msg!(
                "imp-err-too-large",
                path = shown(path),
                size = size.to_string(),
                limit = limit.to_string()
            ),
            Self::NotUtf8 { path } => msg!("imp-err-not-utf8", path = shown(path)),
            Self::Syntax {
                path,
                line,
                col,
                message,
            } => msg!(
                "imp-err-at",
                path = shown(path),
                line = line.to_string(),
                col = col.to_string(),
                message = message
            ),
            Self::NotRecognised { path, message } => {
                msg!("imp-err-in", path = shown(path), message = message)
            }
            Self::Incomplete { message } => message.clone(),
        }
    }
}

/// In the current language of the thread.
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.msg().fmt(f)
    }
}

/// One input file's text.
#[derive(Clone, Debug)]
pub struct Input {
    /// Where it came from (for errors and notes).
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

/// The file extensions import reads from a folder (and the file dialogs offer).
pub const EXTENSIONS: [&str; 3] = ["json", "yaml", "yml"];

/// True when a file's name says it may be an input (its content decides).
pub fn has_input_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Reads the files named, and the `.json`, `.yaml` and `.yml` files of each folder named (in
/// name order).
pub fn read_inputs(paths: &[PathBuf]) -> Result<Vec<Input>, ImportError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| ImportError::Read {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut inner: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|source| ImportError::Read {
                    path: path.clone(),
                    source,
                })?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && has_input_extension(p))
                .collect();
            inner.sort();
            if inner.is_empty() {
                return Err(ImportError::NotRecognised {
                    path: path.clone(),
                    message: msg!("imp-err-empty-folder"),
                });
            }
            files.extend(inner);
        } else {
            files.push(path.clone());
        }
    }
    files.iter().map(|p| read_one(p)).collect()
}

fn read_one(path: &Path) -> Result<Input, ImportError> {
    let read_err = |source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_err)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    let mut text = String::from_utf8(bytes).map_err(|_| ImportError::NotUtf8 {
        path: path.to_path_buf(),
    })?;
    // Editors on Windows start files with a byte-order mark; it is not content.
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        text = rest.to_owned();
    }
    Ok(Input {
        path: path.to_path_buf(),
        text,
    })
}

/// Imports the inputs as one design, laid out.
pub fn import(inputs: &[Input], format: Format) -> Result<Imported, ImportError> {
    if inputs.is_empty() {
        return Err(ImportError::Incomplete {
            message: msg!("imp-err-no-inputs"),
        });
    }
    let format = match format {
        Format::Auto => {
            let first = Format::of(&inputs[0]);
            if let Some(other) = inputs.iter().find(|i| Format::of(i) != first) {
                return Err(ImportError::NotRecognised {
                    path: other.path.clone(),
                    message: msg!(
                        "imp-err-mixed-formats",
                        format = Format::of(other).name(),
                        first = inputs[0].path.display().to_string(),
                        first_format = first.name()
                    ),
                });
            }
            first
        }
        given => given,
    };
    if format == Format::Aws
        && let Some((other, what)) = inputs
            .iter()
            .find_map(|i| other_cloud(&i.text).map(|w| (i, w)))
    {
        return Err(ImportError::NotRecognised {
            path: other.path.clone(),
            message: msg!("imp-err-other-cloud", what = what),
        });
    }
    if format == Format::Aws
        && let Some(other) = inputs
            .iter()
            .find(|i| !i.text.trim_start().starts_with(['{', '[']))
    {
        return Err(ImportError::NotRecognised {
            path: other.path.clone(),
            message: msg!("imp-err-not-json"),
        });
    }
    let result = match format {
        Format::Auto | Format::Aws => aws::import(inputs),
        Format::Terraform => terraform::import(inputs),
        Format::Eksctl => eksctl::import(inputs),
        Format::CloudFormation => cloudformation::import(inputs),
    };
    // What one file lacks is said of that file.
    match (result, inputs) {
        (Err(ImportError::Incomplete { message }), [only]) => Err(ImportError::Incomplete {
            message: msg!(
                "imp-err-in",
                path = only.path.display().to_string(),
                message = message
            ),
        }),
        (other, _) => other,
    }
}

/// Runs a YAML parse on a thread with a large stack: the parser's depth budget (64 levels)
/// stops a deep document, but each level costs many frames in a debug build, more than a
/// test thread's stack holds.
fn with_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        match std::thread::Builder::new()
            .name("import-yaml".to_owned())
            .stack_size(256 << 20)
            .spawn_scoped(s, f)
        {
            Ok(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            Err(e) => panic!("cannot start the YAML reader thread: {e}"),
        }
    })
}

/// A JSON parse error of `input`, at its line and column.
fn json_syntax(input: &Input, e: &serde_json::Error) -> ImportError {
    ImportError::Syntax {
        path: input.path.clone(),
        line: e.line(),
        col: e.column(),
        // The parser's own words (English), as a value.
        message: Msg::verbatim(e.to_string().split(" at line ").next().unwrap_or_default()),
    }
}

/// What a file of another cloud is, when it is one (cheap: the marks each format carries).
fn other_cloud(text: &str) -> Option<Msg> {
    let head: String = text.chars().take(4096).collect();
    if head.contains("schema.management.azure.com") {
        Some(msg!("imp-other-azure"))
    } else if head.contains("compute.v1.") || head.contains("gcp-types/") {
        Some(msg!("imp-other-gcp"))
    } else {
        None
    }
}

/// Reads and imports in one go (what the CLI and the app do).
pub fn import_paths(paths: &[PathBuf], format: Format) -> Result<Imported, ImportError> {
    import(&read_inputs(paths)?, format)
}

/// The notes as the paragraph that goes into the design's description (in English, as
/// design files are written).
fn notes_paragraph(notes: &[ImportNote]) -> String {
    let mut out = String::new();
    for n in notes {
        out.push_str("\n- ");
        out.push_str(&n.in_lang(Lang::En));
    }
    out
}
