//! Reading and writing designs as RON text.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::error::IoError;
use crate::model::{Design, FORMAT_VERSION, Problem, validate, validate::has_errors};

/// Design files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Parser and writer options: newtype variants are written without double parentheses
/// (`kind: subnet(cidr: ...)`), and a file may use the same form without a header.
pub fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::UNWRAP_VARIANT_NEWTYPES | Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
}

/// Just enough of a design to read its version, whatever else the file holds.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Turns a design into pretty RON text. The output is deterministic: the same design
/// always gives the same bytes.
pub fn to_ron_string(design: &Design) -> Result<String, String> {
    let mut text = options()
        .to_string_pretty(design, pretty())
        .map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// Parses RON text into a design without validating it. `path` is used in messages only.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Design, IoError> {
    // Read the version first, so that a newer file is refused with a message that says so,
    // rather than failing on the first field this build does not know.
    if let Ok(probe) = options().from_str::<VersionProbe>(text)
        && probe.format_version > FORMAT_VERSION
    {
        return Err(IoError::NewerVersion {
            path: path.to_path_buf(),
            found: probe.format_version,
            supported: FORMAT_VERSION,
        });
    }
    options()
        .from_str::<Design>(text)
        .map_err(|e| syntax_error(path, &e))
}

/// A parser error as an [`IoError`] naming the file, line and column.
pub fn syntax_error(path: &Path, e: &ron::error::SpannedError) -> IoError {
    IoError::Syntax {
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    }
}

/// Parses and validates RON text. Returns the design and its warnings.
pub fn parse_design(text: &str, path: &Path) -> Result<(Design, Vec<Problem>), IoError> {
    let design = from_ron_str(text, path)?;
    let problems = validate(&design);
    if has_errors(&problems) {
        return Err(IoError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    Ok((design, problems))
}

/// Decodes bytes as UTF-8, naming the line and column of the first bad byte.
pub fn decode_utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, IoError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let col = String::from_utf8_lossy(good.get(line_start..).unwrap_or_default())
            .chars()
            .count()
            + 1;
        IoError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            col,
        }
    })
}

/// Reads a text file of at most `limit` bytes (`too_large` says why a bigger one is
/// refused, from its size), naming the line and column of any bad UTF-8.
pub fn read_capped(
    path: &Path,
    limit: u64,
    too_large: impl FnOnce(u64) -> IoError,
) -> Result<String, IoError> {
    let read_err = |source| IoError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    // Validated once; on bad bytes, `decode_utf8` says where.
    String::from_utf8(bytes).map_err(|e| {
        decode_utf8(e.as_bytes(), path)
            .err()
            .unwrap_or_else(|| IoError::NotUtf8 {
                path: path.to_path_buf(),
                line: 1,
                col: 1,
            })
    })
}

/// Reads, parses and validates a design file. Returns the design, its warnings and the
/// text read (for reports that point at its lines).
pub fn load_with_text(path: &Path) -> Result<(Design, Vec<Problem>, String), IoError> {
    let text = read_capped(path, MAX_FILE_BYTES, |size| IoError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_BYTES,
    })?;
    let (design, problems) = parse_design(&text, path)?;
    Ok((design, problems, text))
}

/// Reads, parses and validates a design file. Returns the design and its warnings.
pub fn load(path: &Path) -> Result<(Design, Vec<Problem>), IoError> {
    load_with_text(path).map(|(design, problems, _)| (design, problems))
}

/// Writes a design atomically: the text goes to a temporary file beside the target, which
/// is synced and then renamed over it. A failure leaves any previous file untouched.
pub fn save(design: &Design, path: &Path) -> Result<(), IoError> {
    let text = to_ron_string(design).map_err(|message| IoError::Serialize {
        path: path.to_path_buf(),
        message,
    })?;
    write_atomically(path, text.as_bytes())
}

/// Writes bytes atomically (temporary file beside the target, then rename).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let write_err = |source| IoError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map_or_else(|| "design".to_owned(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        // Best effort: the temporary file may not exist if creating it failed.
        let _ = std::fs::remove_file(&tmp);
        return Err(write_err(e));
    }
    Ok(())
}
