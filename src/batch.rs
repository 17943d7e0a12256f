//! The batch driver: reads documents in bounded batches, analyses each
//! batch across the rayon pool, and writes results in input order, so the
//! output is identical whatever the thread count.
//!
//! Batches are pipelined: while the pool analyses batch N+1, one pool task
//! writes batch N (in input order, on one task at a time), so the workers
//! never idle while the writer runs. At most three batches are in memory at
//! once (the one being read, the one being analysed, the one being
//! written), each of at most `batch_size` documents and about 16 MiB of
//! text, whatever the corpus size.

use crate::document::Doc;
use crate::input::{self, InputFailure, InputItem, ReadLimits, Source};
use crate::output::{Destination, Formats, Summary, Writers};
use crate::pipeline::{Pipeline, StageTimes, READ, WRITE};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

/// What `scoop extract` runs on and how.
pub struct ExtractOptions {
    /// Files, folders, JSON Lines files or `-` (stdin), as given.
    pub inputs: Vec<PathBuf>,
    /// Where the tables go.
    pub destination: Destination,
    /// Which tables.
    pub formats: Formats,
    /// Worker threads; one per core when absent.
    pub threads: Option<usize>,
    /// No progress bar.
    pub quiet: bool,
    /// Larger documents are reported as failed, not read.
    pub max_doc_bytes: u64,
    /// Documents read and analysed together; bounds memory.
    pub batch_size: usize,
    /// Print per-stage wall times on stderr at the end (`--profile`).
    pub profile: bool,
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
    let started = Instant::now();
    let times = options.profile.then(|| StageTimes::new(pipeline));
    let result = run_batches(options, pipeline, &pool, times.as_ref());
    std::panic::set_hook(default_hook);
    if let Some(times) = &times {
        eprintln!("{}", times.report(started.elapsed(), pool.current_num_threads()));
    }
    result
}

/// One analysed document, or why it failed, with its source.
type Analysed = Result<(Doc, String), InputFailure>;

fn run_batches(options: ExtractOptions, pipeline: &Pipeline, pool: &rayon::ThreadPool, times: Option<&StageTimes>) -> Result<Summary> {
    let sources = input::expand(&options.inputs);
    let progress = progress_bar(&sources, options.quiet);
    let mut writers = Writers::create(&options.destination, options.formats)?;
    let mut names = NameClaims::default();
    let mut summary = Summary::default();
    let mut items = input::read_all(sources, ReadLimits { max_doc_bytes: options.max_doc_bytes });
    let batch_size = options.batch_size.max(1);
    // The analysed batch waiting to be written while the next is analysed.
    let mut pending: Option<Vec<Analysed>> = None;
    loop {
        let clock = Instant::now();
        let batch = read_batch(&mut items, batch_size, &mut names);
        if let Some(times) = times {
            times.add(READ, clock.elapsed());
        }
        if batch.is_empty() {
            break;
        }
        let mut written = Ok(());
        let analysed: Vec<Analysed> = pool.install(|| {
            rayon::scope(|scope| {
                if let Some(done) = pending.take() {
                    let (writers, summary, progress, written) = (&mut writers, &mut summary, &progress, &mut written);
                    scope.spawn(move |_| *written = write_batch(writers, done, summary, progress, times));
                }
                batch.into_par_iter().map(|item| analyse(pipeline, item, times)).collect()
            })
        });
        written?;
        pending = Some(analysed);
    }
    if let Some(done) = pending.take() {
        write_batch(&mut writers, done, &mut summary, &progress, times)?;
    }
    let clock = Instant::now();
    writers.finish()?;
    if let Some(times) = times {
        times.add(WRITE, clock.elapsed());
    }
    progress.finish_and_clear();
    Ok(summary)
}

/// Text read into one batch at most, besides the document count: a batch of
/// large documents (up to `--max-doc-bytes` each) stays bounded too.
const BATCH_TEXT_BYTES: usize = 16 << 20;

/// The next batch: `batch_size` documents, or fewer if their text reaches
/// [`BATCH_TEXT_BYTES`]. Where batches end never changes the output.
fn read_batch(items: &mut impl Iterator<Item = InputItem>, batch_size: usize, names: &mut NameClaims) -> Vec<InputItem> {
    let mut batch = Vec::with_capacity(batch_size.min(4096));
    let mut bytes = 0;
    while batch.len() < batch_size && bytes < BATCH_TEXT_BYTES {
        let Some(item) = items.next() else { break };
        bytes += item.as_ref().map_or(0, |raw| raw.text.len());
        batch.push(names.claim(item));
    }
    batch
}

/// Runs the pipeline on one document; a panic in a stage fails the document.
fn analyse(pipeline: &Pipeline, item: InputItem, times: Option<&StageTimes>) -> Analysed {
    let raw = item?;
    let (id, source) = (raw.id.clone(), raw.source.clone());
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.analyze_timed(raw, times))) {
        Ok(doc) => Ok((doc, source)),
        Err(panic) => Err(InputFailure {
            id,
            source,
            error: format!("internal error while analysing: {} (please report this document)", panic_message(&panic)),
        }),
    }
}

/// Writes one analysed batch in input order.
fn write_batch(
    writers: &mut Writers,
    batch: Vec<Analysed>,
    summary: &mut Summary,
    progress: &ProgressBar,
    times: Option<&StageTimes>,
) -> Result<()> {
    let clock = Instant::now();
    for result in batch {
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
    if let Some(times) = times {
        times.add(WRITE, clock.elapsed());
    }
    Ok(())
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> &str {
    panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str)).unwrap_or("panic")
}

/// The output names claimed so far. Two documents with one name would write
/// one JSON file: the later fails. Each name is kept as a 128-bit
/// fingerprint (16 bytes, not the name), so a million documents cost about
/// 16–32 MB, and two distinct names collide with probability ~n²/2¹²⁹.
#[derive(Default)]
struct NameClaims {
    seen: HashSet<u128>,
}

impl NameClaims {
    fn claim(&mut self, item: InputItem) -> InputItem {
        let raw = item?;
        if self.seen.insert(fingerprint(&crate::output::json_file_name(&raw.id))) {
            Ok(raw)
        } else {
            Err(InputFailure {
                error: format!("duplicate document name {:?}: its output would overwrite another document's", raw.id),
                id: raw.id,
                source: raw.source,
            })
        }
    }
}

/// Two independent 64-bit hashes of the name (fixed keys; fingerprints
/// live only for one run, so the algorithm may change between releases).
fn fingerprint(name: &str) -> u128 {
    let half = |seed: u64| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut hasher);
        name.hash(&mut hasher);
        hasher.finish()
    };
    (half(0x9e37_79b9_7f4a_7c15) as u128) << 64 | half(0xc2b2_ae3d_27d4_eb4f) as u128
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_claimed_once_by_their_json_file_name() {
        let mut names = NameClaims::default();
        let raw = |id: &str| Ok(crate::input::RawDoc { id: id.into(), source: id.into(), text: "x".into(), date: None });
        assert!(names.claim(raw("a.txt")).is_ok());
        assert!(names.claim(raw("b.txt")).is_ok());
        let dup = names.claim(raw("a")).unwrap_err();
        assert!(dup.error.starts_with("duplicate document name \"a\""), "{}", dup.error);
        assert_ne!(fingerprint("a.json"), fingerprint("b.json"));
    }
}
