//! The command line: `eksplain [FILE]`, `eksplain validate FILE...`.

mod check;
mod diff;
mod out;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine;
use crate::io;
use crate::model::{EndpointMode, Severity};
use out::sayln;

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
    /// SARIF 2.1.0, for code scanning annotations on the design file.
    Sarif,
}

/// When `diff` fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFailOn {
    /// A flow became blocked or more exposed.
    Regressions,
}

/// `--flows` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FlowArg {
    /// kubectl → API.
    Kubectl,
    /// kubelet → API.
    KubeletToApi,
    /// API → kubelet.
    ApiToKubelet,
}

impl From<FlowArg> for engine::FlowKind {
    fn from(f: FlowArg) -> Self {
        match f {
            FlowArg::Kubectl => engine::FlowKind::KubectlToApi,
            FlowArg::KubeletToApi => engine::FlowKind::KubeletToApi,
            FlowArg::ApiToKubelet => engine::FlowKind::ApiToKubelet,
        }
    }
}

/// `--theme` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Dark on light.
    Light,
    /// Light on dark.
    Dark,
}

/// `--fail-on` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when any flow is blocked.
    Unreachable,
    /// Exit 1 when any reachable flow leaves private networks.
    Exposed,
}

/// `--lang` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Korean (한국어).
    Ko,
}

impl From<LangArg> for crate::i18n::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::En => crate::i18n::Lang::En,
            LangArg::Ko => crate::i18n::Lang::Ko,
        }
    }
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
    /// The language of text and Markdown output and of the window (default: LC_ALL,
    /// LC_MESSAGES or LANG for commands; the saved choice or the system's for the window).
    /// JSON, SARIF and design files are always English.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
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
        /// Hold the design to this policy (default: policy.ron beside the design or at
        /// the repository root); exit 1 on any violation.
        #[arg(long, conflicts_with = "no_policy")]
        policy: Option<PathBuf>,
        /// Do not look for a policy.ron.
        #[arg(long)]
        no_policy: bool,
    },
    /// Compare two designs: the flows whose verdict, exposure, DNS answer or path changed,
    /// with their causes, then the items that changed. Exit 1 when a flow changed.
    Diff {
        /// The old design: a file, or REV:path from git (origin/main:design.ron).
        old: String,
        /// The new design: a file, or REV:path.
        new: String,
        /// Analyse the old design in this mode.
        #[arg(long, value_enum)]
        mode_old: Option<ModeArg>,
        /// Analyse the new design in this mode.
        #[arg(long, value_enum)]
        mode_new: Option<ModeArg>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
        /// Exit 1 only when a flow became blocked or more exposed.
        #[arg(long, value_enum)]
        fail_on: Option<DiffFailOn>,
    },
    /// Draw a design with its flows as SVG, PNG or Mermaid (chosen by the output's extension).
    Render {
        /// Design file (.ron).
        file: PathBuf,
        /// Output file: .svg, .png, .pdf or .mmd.
        #[arg(short, long)]
        output: PathBuf,
        /// Analyse and draw as if the cluster were in this mode.
        #[arg(long, value_enum)]
        mode: Option<ModeArg>,
        /// Flows to draw, comma-separated: kubectl, kubelet-to-api, api-to-kubelet (default all).
        #[arg(long, value_delimiter = ',')]
        flows: Option<Vec<FlowArg>>,
        /// PNG scale: 1, 2 or 3.
        #[arg(long, default_value = "2")]
        scale: f32,
        /// Colour theme.
        #[arg(long, value_enum, default_value = "light")]
        theme: ThemeArg,
        /// Leave the background transparent.
        #[arg(long)]
        transparent: bool,
        /// Write one image per step of a flow (NAME-step1.png, NAME-step2.png…), that step
        /// highlighted with its sentence as the caption.
        #[arg(long)]
        steps: bool,
        /// The flow to walk through with --steps, as KIND:ID (kubelet_to_api:node-a; the
        /// id is the client or node); default: the first blocked flow, else the first
        /// kubelet → API that crosses public IPs, else the first kubelet → API.
        #[arg(long)]
        flow: Option<String>,
        /// SVG: packets travel along the flows (SVG animation, no script), for doc pages.
        #[arg(long)]
        animate: bool,
    },
    /// Write the Markdown report: flows table, numbered steps and findings.
    Report {
        /// Design file (.ron).
        file: PathBuf,
        /// Output file (.md).
        #[arg(short, long)]
        output: PathBuf,
        /// Analyse as if the cluster were in this mode.
        #[arg(long, value_enum)]
        mode: Option<ModeArg>,
        /// An exported image to reference at the top of the report.
        #[arg(long)]
        image: Option<String>,
    },
    /// Make a design from AWS CLI describe-* JSON, `terraform show -json`, an eksctl config
    /// or a CloudFormation template, laid out, and list what was assumed, made up and left out.
    Import {
        /// Input files or folders (every .json, .yaml and .yml file of a folder is read).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The design file to write (.ron).
        #[arg(short, long)]
        output: PathBuf,
        /// Input format (auto: recognised by content).
        #[arg(long, value_enum, default_value = "auto")]
        format: ImportFormatArg,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// The output file is an earlier import: update it, keeping the places, sizes and
        /// labels the user gave the components still there, and what the user added.
        #[arg(long, conflicts_with = "force")]
        update: bool,
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
        Command::Import {
            paths,
            output,
            format,
            force,
            update,
        } => {
            let existing = if *update {
                Existing::Update
            } else if *force {
                Existing::Replace
            } else {
                Existing::Refuse
            };
            import(paths, output, *format, existing)
        }
        Command::Check {
            file,
            mode,
            format,
            fail_on,
            policy,
            no_policy,
        } => {
            let choice = match (policy, no_policy) {
                (Some(p), _) => check::PolicyChoice::File(p),
                (None, true) => check::PolicyChoice::None,
                (None, false) => check::PolicyChoice::Found,
            };
            check::run(file, *mode, *format, *fail_on, &choice)
        }
        Command::Diff {
            old,
            new,
            mode_old,
            mode_new,
            format,
            fail_on,
        } => diff::run(
            old,
            new,
            mode_old.map(EndpointMode::from),
            mode_new.map(EndpointMode::from),
            *format,
            fail_on.is_some(),
        ),
        Command::Render {
            file,
            output,
            mode,
            flows,
            scale,
            theme,
            transparent,
            steps,
            flow,
            animate,
        } => render(&RenderArgs {
            file,
            output,
            mode: *mode,
            flows: flows.as_deref(),
            scale: *scale,
            theme: *theme,
            transparent: *transparent,
            steps: *steps,
            flow: flow.as_deref(),
            animate: *animate,
        }),
        Command::Report {
            file,
            output,
            mode,
            image,
        } => report_cmd(file, output, *mode, image.as_deref()),
    }
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match io::load(path) {
            Ok((design, warnings)) => {
                for w in &warnings {
                    debug_assert_eq!(w.severity, Severity::Warning);
                    eprintln!("{}: {w}", path.display());
                }
                // A design can hold every rule of the model and still be one EKS
                // refuses to create (both endpoints off, a private range in the public
                // access CIDRs): `check` says so, and so does `validate`.
                let rejected = engine::analyze(&design, None).errors;
                for e in &rejected {
                    let at = e
                        .component
                        .as_deref()
                        .map_or(String::new(), |c| format!(" ({c})"));
                    eprintln!(
                        "{}",
                        crate::t!(
                            "cli-rejected",
                            path = path.display().to_string(),
                            code = e.code.as_str(),
                            at = at,
                            message = &e.message
                        )
                    );
                }
                if rejected.is_empty() {
                    sayln!("{}", crate::t!("cli-ok", path = path.display().to_string()));
                } else {
                    failed = true;
                }
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

/// Input formats of `import`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormatArg {
    /// Recognised by content.
    Auto,
    /// AWS CLI describe-* JSON.
    Aws,
    /// `terraform show -json` of a state or a plan.
    Terraform,
    /// An eksctl ClusterConfig (YAML).
    Eksctl,
    /// A CloudFormation template (YAML or JSON).
    Cloudformation,
}

/// What `import` does with an output file that exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Existing {
    Refuse,
    Replace,
    Update,
}

fn import(
    paths: &[PathBuf],
    output: &Path,
    format: ImportFormatArg,
    existing: Existing,
) -> ExitCode {
    if output.exists() && existing == Existing::Refuse {
        eprintln!(
            "{}",
            crate::t!("cli-output-exists", path = output.display().to_string())
        );
        return ExitCode::from(2);
    }
    let old = if existing == Existing::Update {
        match io::load(output) {
            Ok((d, _)) => Some(d),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let format = match format {
        ImportFormatArg::Auto => crate::import::Format::Auto,
        ImportFormatArg::Aws => crate::import::Format::Aws,
        ImportFormatArg::Terraform => crate::import::Format::Terraform,
        ImportFormatArg::Eksctl => crate::import::Format::Eksctl,
        ImportFormatArg::Cloudformation => crate::import::Format::CloudFormation,
    };
    let imported = match crate::import::import_paths(paths, format) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let imported = match &old {
        Some(old) => crate::import::merge::merge(old, imported).0,
        None => imported,
    };
    if let Err(e) = io::save(&imported.design, output) {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    let d = &imported.design;
    sayln!(
        "{}",
        crate::t!(
            "cli-imported",
            path = output.display().to_string(),
            components = d.components.len(),
            groups = d.security_groups.len(),
            acls = d.network_acls.len()
        )
    );
    for n in &imported.notes {
        sayln!("  {n}");
    }
    ExitCode::SUCCESS
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
                sayln!(
                    "{}",
                    crate::t!("cli-not-canonical", path = path.display().to_string())
                );
                status = ExitCode::from(1);
            }
            Ok(true) => sayln!(
                "{}",
                crate::t!("cli-rewritten", path = path.display().to_string())
            ),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    status
}

struct RenderArgs<'a> {
    file: &'a std::path::Path,
    output: &'a std::path::Path,
    mode: Option<ModeArg>,
    flows: Option<&'a [FlowArg]>,
    scale: f32,
    theme: ThemeArg,
    transparent: bool,
    steps: bool,
    flow: Option<&'a str>,
    animate: bool,
}

fn load_for_cli(file: &std::path::Path) -> Option<crate::model::Design> {
    match io::load(file) {
        Ok((design, _)) => Some(design),
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

fn write_output(output: &std::path::Path, bytes: &[u8]) -> ExitCode {
    match io::ron_file::write_atomically(output, bytes) {
        Ok(()) => {
            sayln!(
                "{}",
                crate::t!("cli-wrote", path = output.display().to_string())
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn render(args: &RenderArgs<'_>) -> ExitCode {
    use crate::render::export::{ExportFormat, ExportOptions, export_bytes};
    use crate::render::{Palette, Theme};
    let ext = args
        .output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let Some(
        format @ (ExportFormat::Svg
        | ExportFormat::Png(_)
        | ExportFormat::Pdf
        | ExportFormat::Mermaid),
    ) = ExportFormat::from_extension(&ext, args.scale)
    else {
        eprintln!(
            "{}: unknown output format \".{ext}\"; use .svg, .png, .pdf or .mmd",
            args.output.display()
        );
        return ExitCode::from(2);
    };
    if !(args.scale >= 0.25 && args.scale <= 8.0) {
        eprintln!("--scale {} is out of range; use 1, 2 or 3", args.scale);
        return ExitCode::from(2);
    }
    let Some(design) = load_for_cli(args.file) else {
        return ExitCode::from(2);
    };
    let analysis = engine::analyze(&design, args.mode.map(EndpointMode::from));
    let palette = Palette::of(match args.theme {
        ThemeArg::Light => Theme::Light,
        ThemeArg::Dark => Theme::Dark,
    });
    let options = ExportOptions {
        flows: args.flows.map_or_else(
            || engine::FlowKind::ALL.to_vec(),
            |f| f.iter().map(|x| engine::FlowKind::from(*x)).collect(),
        ),
        title: None,
        date: None,
        background: !args.transparent,
        step: None,
        animate: args.animate,
    };
    if args.steps {
        return render_steps(args, &design, &analysis, &format, &palette, options);
    }
    match export_bytes(
        &design,
        &analysis,
        &file_name(args.file),
        &format,
        &palette,
        &options,
    ) {
        Ok(out) => {
            for note in &out.notes {
                eprintln!("{}: {note}", args.output.display());
            }
            write_output(args.output, &out.bytes)
        }
        Err(e) => {
            eprintln!("{}: {e}", args.output.display());
            ExitCode::from(2)
        }
    }
}

/// `render --steps`: one image per step of the chosen flow.
fn render_steps(
    args: &RenderArgs<'_>,
    design: &crate::model::Design,
    analysis: &engine::Analysis,
    format: &crate::render::export::ExportFormat,
    palette: &crate::render::Palette,
    mut options: crate::render::export::ExportOptions,
) -> ExitCode {
    let index = if let Some(spec) = args.flow {
        let (kind, id) = spec.split_once(':').unwrap_or((spec, ""));
        let kind = kind.replace('-', "_");
        let found = analysis.flows.iter().position(|f| {
            f.flow.json_name() == kind
                && (id.is_empty()
                    || match f.flow {
                        engine::FlowKind::ApiToKubelet => f.target == id,
                        _ => f.source == id,
                    })
        });
        let Some(i) = found else {
            eprintln!(
                "{}: no flow {spec}; use KIND:ID with KIND kubectl_to_api, kubelet_to_api or api_to_kubelet",
                args.file.display()
            );
            return ExitCode::from(2);
        };
        i
    } else {
        // The most telling flow: the first blocked one, else the first kubelet → API that
        // leaves private networks (the public path the lecture note draws), else the first
        // kubelet → API, else the first.
        let flows = &analysis.flows;
        let kubelet = |f: &&engine::FlowResult| f.flow == engine::FlowKind::KubeletToApi;
        flows
            .iter()
            .position(|f| !f.reachable)
            .or_else(|| flows.iter().position(|f| kubelet(&f) && f.exposed()))
            .or_else(|| flows.iter().position(|f| kubelet(&f)))
            .unwrap_or(0)
    };
    let Some(flow) = analysis.flows.get(index) else {
        eprintln!(
            "{}: the design has no flow to walk through",
            args.file.display()
        );
        return ExitCode::from(2);
    };
    let stem = args
        .output
        .file_stem()
        .map_or_else(|| "step".to_owned(), |s| s.to_string_lossy().into_owned());
    let ext = args
        .output
        .extension()
        .map_or_else(String::new, |e| e.to_string_lossy().into_owned());
    for step in 0..flow.steps.len() {
        options.step = Some((index, step));
        let path = args
            .output
            .with_file_name(format!("{stem}-step{}.{ext}", step + 1));
        let out = match crate::render::export::export_bytes(
            design,
            analysis,
            &file_name(args.file),
            format,
            palette,
            &options,
        ) {
            Ok(out) => out,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        let code = write_output(&path, &out.bytes);
        if code != ExitCode::SUCCESS {
            return code;
        }
    }
    ExitCode::SUCCESS
}

/// The file name of a path, for titles and reports.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn report_cmd(
    file: &std::path::Path,
    output: &std::path::Path,
    mode: Option<ModeArg>,
    image: Option<&str>,
) -> ExitCode {
    let Some(design) = load_for_cli(file) else {
        return ExitCode::from(2);
    };
    let analysis = engine::analyze(&design, mode.map(EndpointMode::from));
    let format = crate::render::export::ExportFormat::Markdown(image.map(str::to_owned));
    let palette = crate::render::Palette::of(crate::render::Theme::Light);
    let options = crate::render::export::ExportOptions::default();
    match crate::render::export::export_bytes(
        &design,
        &analysis,
        &file_name(file),
        &format,
        &palette,
        &options,
    ) {
        Ok(out) => write_output(output, &out.bytes),
        Err(e) => {
            eprintln!("{}: {e}", output.display());
            ExitCode::from(2)
        }
    }
}
