//! Standard output for the subcommands. `println!` panics when the reader has gone
//! (`eksplain check design.ron | head -3`); this stops quietly instead, as a command-line
//! tool in a pipeline should.

use std::io::{ErrorKind, Write};

/// Writes to standard output and flushes; a closed pipe ends the process with status 0
/// (what was asked for has been read), any other write error with status 2.
pub(crate) fn write(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.flush()) {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("cannot write to standard output: {e}");
        std::process::exit(2);
    }
}

/// `print!` that survives a closed pipe.
macro_rules! say {
    ($($arg:tt)*) => { $crate::cli::out::write(format_args!($($arg)*)) };
}

/// `println!` that survives a closed pipe.
macro_rules! sayln {
    ($($arg:tt)*) => { $crate::cli::out::write(format_args!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {say, sayln};
