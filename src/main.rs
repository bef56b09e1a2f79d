use clap::Parser as _;
use eksplain::cli::{self, Cli};

fn main() -> std::process::ExitCode {
    let args = Cli::parse();
    if let Some(command) = &args.command {
        return cli::run(command);
    }
    std::process::ExitCode::SUCCESS
}
