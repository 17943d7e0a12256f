use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use scoop::batch::{extract, ExtractOptions};
use scoop::document::CreationTime;
use scoop::ner::{EntityRecognizer, ModelRecognizer, RuleRecognizer, UserLexicon};
use scoop::output::{Destination, Formats};
use scoop::pipeline::Pipeline;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: every document processed; some failed (the rest were
/// written); the run could not proceed at all.
const EXIT_OK: u8 = 0;
const EXIT_SOME_FAILED: u8 = 1;
const EXIT_FATAL: u8 = 2;

#[derive(Parser)]
#[command(name = "scoop", version, about = "Persons, roles, events and dates from entertainment-news articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the pipeline on documents and write records.
    Extract(ExtractArgs),
    /// Score system output against gold files with the guide's rules
    /// (or, with a subcommand, score scoop on a standard benchmark).
    Eval(EvalArgs),
    /// Write scoop's annotations into standard formats.
    Annotate(AnnotateArgs),
    /// Train scoop's models from labelled data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// The resource files (cue lists and lexicons) the stages read.
    #[command(subcommand)]
    Resources(ResourcesCommand),
    /// Work with guide-format gold files.
    #[command(subcommand)]
    Gold(GoldCommand),
}

#[derive(Subcommand)]
enum ResourcesCommand {
    /// Write every embedded resource file below DIR, to edit and pass back with `extract --resources DIR`.
    Export { dir: PathBuf },
    /// Check a folder of resource files as `extract --resources DIR` would read it.
    Check { dir: PathBuf },
}

#[derive(Subcommand)]
enum GoldCommand {
    /// Check every gold file GOLD_DIR/NAME.json against its text TEXT_DIR/NAME.txt and the
    /// extraction guide: one line per problem, `FILE: RECORD: message`; exit 1 if any.
    Check { text_dir: PathBuf, gold_dir: PathBuf },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the named-entity model (deterministic: same inputs, same bytes).
    Ner {
        /// CoNLL-2003 training file (IOB1 or IOB2); repeat to train on several.
        #[arg(long, required = true)]
        conll: Vec<PathBuf>,
        /// CoNLL development file: per-epoch F1 is reported on it.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Folders of guide-format gold (texts beside them in ../corpus): the domain's names and WORK.
        #[arg(long)]
        domain: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Train the record stages' classifiers on guide-format gold (deterministic).
    Records {
        /// Folders of gold (texts beside them in ../corpus); repeat to train on several.
        #[arg(long, required = true)]
        gold: Vec<PathBuf>,
        /// Where to write the model set (JSON).
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// The named-entity engine of `scoop extract`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum NerEngine {
    /// The statistical model scoop trains (`models/ner.bin`, built in).
    Model,
    /// Lexicons and name shapes, no model.
    Rules,
    /// A BERT token-classification checkpoint through rust-bert and libtorch (`--bert-model DIR`).
    #[cfg(feature = "bert")]
    Bert,
}

#[derive(Args)]
struct ExtractArgs {
    /// `.txt` files, folders (every `*.txt` below, sorted), `.jsonl` files of
    /// `{"id","text","date"?}` rows, or `-` for JSON Lines on stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder, or `-` for JSON Lines on stdout (with `--format jsonl`).
    #[arg(short, long)]
    output: PathBuf,
    /// Comma-separated outputs: json, csv, jsonl.
    #[arg(long, default_value = "json,csv", value_parser = Formats::parse)]
    format: Formats,
    /// Document creation time for documents without a `date` prefix (YYYY-MM-DD or YYYY-MM).
    #[arg(long, value_parser = parse_dct)]
    dct: Option<CreationTime>,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// Larger documents are rejected (reported, not processed).
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    max_doc_bytes: u64,
    /// Named-entity engine.
    #[arg(long, value_enum, default_value = "model")]
    ner: NerEngine,
    /// A model file from `scoop train ner` instead of the built-in one.
    #[arg(long)]
    ner_model: Option<PathBuf>,
    /// With `--ner bert`: a folder with config.json, tokenizer.json or vocab.txt, and rust_model.ot
    /// (scripts/convert-hf-model makes one from a Hugging Face checkpoint). `--threads` caps libtorch's threads too.
    #[cfg(feature = "bert")]
    #[arg(long, value_name = "DIR")]
    bert_model: Option<PathBuf>,
    /// Print throughput and per-stage wall time on stderr at the end.
    #[arg(long)]
    profile: bool,
    /// A folder of resource files laid out as `resources/` (`roles/crew-before.txt` …): each replaces
    /// the embedded file of the same path (`scoop resources export DIR` writes them all to start from).
    #[arg(long, value_name = "DIR")]
    resources: Option<PathBuf>,
    /// Your own names, tagged as given wherever they occur, over whatever the engine found: one a
    /// line, `TEXT<tab>LABEL[<tab>ALIAS|ALIAS…]` (PER, ORG, LOC, WORK, MISC; `#` comments). Repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
struct EvalArgs {
    #[command(subcommand)]
    benchmark: Option<Benchmark>,
    /// Folder of gold JSON files (guide format); repeat to score several together.
    #[arg(long, required = true)]
    gold: Vec<PathBuf>,
    /// Folder of system JSON files, or a JSON Lines file of documents.
    #[arg(long, required = true)]
    system: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum Benchmark {
    /// Entity-level P/R/F1 on a CoNLL file (IOB1 or IOB2), counted as conlleval does.
    Conll {
        file: PathBuf,
        /// A model file instead of the built-in one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Print the report as JSON (percentages, like conlleval).
        #[arg(long)]
        json: bool,
    },
    /// TempEval-3 TIMEX3 measures on a folder of TimeML `.tml` files, tagged with their DCT.
    Timeml {
        dir: PathBuf,
        /// Print the report as JSON (fractions between 0 and 1).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct AnnotateArgs {
    /// Copy each `.tml` file of IN_DIR to OUT_DIR with scoop's TIMEX3 tags in place of the gold ones.
    #[arg(long, num_args = 2, value_names = ["IN_DIR", "OUT_DIR"], required = true)]
    timeml: Vec<PathBuf>,
}

fn parse_dct(value: &str) -> Result<CreationTime, String> {
    CreationTime::parse(value).ok_or_else(|| format!("{value:?} is not YYYY-MM-DD or YYYY-MM"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run_extract(args),
        Command::Eval(args) => run_eval(args),
        Command::Annotate(args) => run_annotate(args),
        Command::Resources(command) => run_resources(command),
        Command::Train(TrainCommand::Ner { conll, dev, domain, output }) => {
            scoop::ner::commands::train_ner(&conll, dev.as_deref(), &domain, &output).map(|()| EXIT_OK)
        }
        Command::Train(TrainCommand::Records { gold, output }) => scoop::learn::train_records(&gold, &output).map(|()| EXIT_OK),
        Command::Gold(GoldCommand::Check { text_dir, gold_dir }) => run_gold_check(&text_dir, &gold_dir),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("scoop: error: {e:#}");
            ExitCode::from(EXIT_FATAL)
        }
    }
}

fn run_resources(command: ResourcesCommand) -> Result<u8> {
    match command {
        ResourcesCommand::Export { dir } => {
            let resources = scoop::resources::load(None)?;
            resources.export(&dir).with_context(|| format!("writing {}", dir.display()))?;
            eprintln!("scoop: {} resource files written below {}", resources.paths().count(), dir.display());
        }
        ResourcesCommand::Check { dir } => {
            let resources = scoop::resources::load(Some(&dir))?;
            Pipeline::with_resources(Box::new(RuleRecognizer::with_resources(&resources)?), &resources, None, None)?;
            eprintln!("scoop: the resource files below {} are well-formed", dir.display());
        }
    }
    Ok(EXIT_OK)
}

fn run_extract(args: ExtractArgs) -> Result<u8> {
    let destination = if args.output.as_os_str() == "-" {
        if args.format != (Formats { jsonl: true, ..Formats::default() }) {
            anyhow::bail!("-o - writes JSON Lines to stdout: use it with --format jsonl alone");
        }
        Destination::Stdout
    } else {
        Destination::Dir(args.output)
    };
    let resources = scoop::resources::load(args.resources.as_deref())?;
    let ner: Box<dyn EntityRecognizer> = match (args.ner, &args.ner_model) {
        (NerEngine::Rules, _) => Box::new(RuleRecognizer::with_resources(&resources)?),
        (NerEngine::Model, Some(path)) => Box::new(ModelRecognizer::load(path)?),
        (NerEngine::Model, None) => Box::new(ModelRecognizer::shipped()?),
        #[cfg(feature = "bert")]
        (NerEngine::Bert, _) => match &args.bert_model {
            Some(dir) => Box::new(scoop::ner::BertRecognizer::load(dir, args.threads)?),
            None => anyhow::bail!(
                "--ner bert needs --bert-model DIR (a folder with config.json, tokenizer.json or vocab.txt, and rust_model.ot)"
            ),
        },
    };
    let user_lexicon = if args.lexicon.is_empty() { None } else { Some(UserLexicon::read(&args.lexicon)?) };
    let pipeline = Pipeline::with_resources(ner, &resources, user_lexicon, args.dct)?;
    let options = ExtractOptions {
        inputs: args.inputs,
        destination,
        formats: args.format,
        threads: args.threads,
        quiet: args.quiet,
        max_doc_bytes: args.max_doc_bytes,
        batch_size: 256,
        profile: args.profile,
    };
    let summary = extract(options, &pipeline)?;
    if summary.ok + summary.failed == 0 {
        anyhow::bail!("no documents found in the inputs (folders are searched for *.txt files)");
    }
    if !args.quiet {
        eprintln!("scoop: {} documents processed, {} failed", summary.ok, summary.failed);
    }
    Ok(match (summary.ok, summary.failed) {
        (0, _) => EXIT_FATAL,
        (_, 0) => EXIT_OK,
        _ => EXIT_SOME_FAILED,
    })
}

fn run_eval(args: EvalArgs) -> Result<u8> {
    let text = match args.benchmark {
        Some(Benchmark::Conll { file, model, json }) => scoop::ner::commands::eval_conll(model.as_deref(), &file, json)?,
        Some(Benchmark::Timeml { dir, json }) => {
            let report = scoop_timex::eval_timeml_dir(&dir)?;
            if json {
                serde_json::to_string_pretty(&report)?
            } else {
                report.to_text()
            }
        }
        None => {
            let mut gold = Vec::new();
            for dir in &args.gold {
                gold.extend(scoop_gold::score::load_dir(dir)?);
            }
            let system = scoop_gold::score::load_system(args.system.as_deref().unwrap_or(std::path::Path::new(".")))?;
            let report = scoop_gold::score::score_corpus(&gold, &system);
            if args.json {
                serde_json::to_string_pretty(&report)?
            } else {
                report.to_text()
            }
        }
    };
    print_report(text.trim_end())
}

fn run_annotate(args: AnnotateArgs) -> Result<u8> {
    let written = scoop_timex::annotate_timeml_dir(&args.timeml[0], &args.timeml[1])?;
    eprintln!("scoop: {written} TimeML files written to {}", args.timeml[1].display());
    Ok(EXIT_OK)
}

fn run_gold_check(text_dir: &std::path::Path, gold_dir: &std::path::Path) -> Result<u8> {
    let checked = scoop_gold::check::check_dir(text_dir, gold_dir)?;
    if !checked.problems.is_empty() {
        print_report(&checked.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))?;
    }
    eprintln!("checked {} gold file(s): {} problem(s)", checked.files, checked.problems.len());
    Ok(if checked.problems.is_empty() { EXIT_OK } else { EXIT_SOME_FAILED })
}

fn print_report(text: &str) -> Result<u8> {
    // A closed pipe (`scoop eval … | head`) is not an error.
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(EXIT_OK),
    }
}
