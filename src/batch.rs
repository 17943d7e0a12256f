//! The batch driver: reads documents in bounded batches, analyses each
//! batch across the rayon pool, and writes results in input order, so the
//! output is identical whatever the thread count.

use crate::document::CreationTime;
use crate::input::{self, InputFailure, InputItem, ReadLimits, Source};
use crate::output::{Destination, Formats, Summary, Writers};
use crate::pipeline::Pipeline;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;

pub struct ExtractOptions {
    pub inputs: Vec<PathBuf>,
    pub destination: Destination,
    pub formats: Formats,
    pub dct: Option<CreationTime>,
    pub threads: Option<usize>,
    pub quiet: bool,
    pub max_doc_bytes: u64,
    /// Documents read and analysed together; bounds memory.
    pub batch_size: usize,
}

/// Runs the pipeline over every input. Failed documents are reported on
/// stderr and in `documents.csv`; an `Err` means the run itself failed.
pub fn extract(options: ExtractOptions, pipeline: &Pipeline) -> Result<Summary> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = options.threads {
        pool = pool.num_threads(n);
    }
    let pool = pool.build().context("cannot start the worker threads")?;
    // A stage bug fails its document, reported in one line, not the batch.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = run_batches(options, pipeline, &pool);
    std::panic::set_hook(default_hook);
    result
}

fn run_batches(options: ExtractOptions, pipeline: &Pipeline, pool: &rayon::ThreadPool) -> Result<Summary> {
    let sources = input::expand(&options.inputs);
    let progress = progress_bar(&sources, options.quiet);
    let mut writers = Writers::create(&options.destination, options.formats)?;
    let mut summary = Summary::default();
    let mut items = input::read_all(sources, ReadLimits { max_doc_bytes: options.max_doc_bytes });
    loop {
        let batch: Vec<InputItem> = items.by_ref().take(options.batch_size.max(1)).collect();
        if batch.is_empty() {
            break;
        }
        let batch: Vec<InputItem> = batch.into_iter().map(|item| claim_unique_name(&mut writers, item)).collect();
        let analysed: Vec<_> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| {
                    item.and_then(|raw| {
                        let (id, source) = (raw.id.clone(), raw.source.clone());
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.analyze(raw)))
                            .map(|doc| (doc, source.clone()))
                            .map_err(|panic| InputFailure { id, source, error: format!("internal error while analysing: {} (please report this document)", panic_message(&panic)) })
                    })
                })
                .collect()
        });
        for result in analysed {
            match result {
                Ok((doc, source)) => {
                    writers.write_doc(&doc, &source)?;
                    summary.ok += 1;
                }
                Err(failure) => {
                    progress.suspend(|| eprintln!("scoop: {}: {}", failure.source, failure.error));
                    writers.write_failure(&failure)?;
                    summary.failed += 1;
                }
            }
            progress.inc(1);
        }
    }
    writers.finish()?;
    progress.finish_and_clear();
    Ok(summary)
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> &str {
    panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str)).unwrap_or("panic")
}

/// Two documents with one name would write one JSON file: the later fails.
fn claim_unique_name(writers: &mut Writers, item: InputItem) -> InputItem {
    let raw = item?;
    if writers.claim_name(&raw.id) {
        Ok(raw)
    } else {
        Err(InputFailure { error: format!("duplicate document name {:?}: its output would overwrite another document's", raw.id), id: raw.id, source: raw.source })
    }
}

/// A bar on stderr when it is a terminal and not `--quiet`; hidden otherwise.
fn progress_bar(sources: &[Source], quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let only_files = sources.iter().all(|s| matches!(s, Source::Text(_)));
    let bar = if only_files { ProgressBar::new(sources.len() as u64) } else { ProgressBar::new_spinner() };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    let template = if only_files { "{bar:40} {pos}/{len} documents, {per_sec}, eta {eta}" } else { "{spinner} {pos} documents, {per_sec}" };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}
