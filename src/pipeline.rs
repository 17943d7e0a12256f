//! The per-document pipeline: normalise → tokenise → (NER ‖ dates) →
//! persons → roles → events.

use crate::document::{CreationTime, Doc};
use crate::input::RawDoc;
use crate::models::RecordModels;
use crate::ner::{EntityRecognizer, UserLexicon};
use crate::stage::{self, Stage};
use scoop_lexicon::{ResourceError, Resources};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The pipeline is built once and shared by reference across the worker
/// threads: the NER model's weights, the tagger's compiled patterns and
/// every lexicon exist once per process, never per thread or per document.
pub struct Pipeline {
    steps: Vec<Step>,
    /// `--dct`: used when neither the text nor its JSON Lines row gives one.
    default_dct: Option<CreationTime>,
}

/// Stages run in order; the stages of one step read the same layers and
/// run side by side.
enum Step {
    Alone(Box<dyn Stage>),
    Together(Box<dyn Stage>, Box<dyn Stage>),
}

/// The batch's own parts of a run, timed beside the stages by `--profile`.
pub const READ: &str = "read";
/// Output records, CSV rows, JSON, the person index and the final
/// person-id resolution of the spooled tables.
pub const WRITE: &str = "write";

impl Pipeline {
    /// A pipeline on the embedded resource files.
    pub fn new(ner: Box<dyn EntityRecognizer>, default_dct: Option<CreationTime>) -> Pipeline {
        crate::resources::on_defaults(|resources| Pipeline::with_resources(ner, resources, None, default_dct))
    }

    /// read → normalise → tokenise → NER ‖ dates → persons → roles → events,
    /// each stage reading its cue lists and lexicons from `resources`, the
    /// NER stage ending on the user's lexicon when given, the record stages
    /// deciding with the shipped classifiers.
    pub fn with_resources(
        ner: Box<dyn EntityRecognizer>,
        resources: &Resources,
        user_lexicon: Option<UserLexicon>,
        default_dct: Option<CreationTime>,
    ) -> Result<Pipeline, ResourceError> {
        Pipeline::with_models(ner, resources, user_lexicon, default_dct, RecordModels::shipped())
    }

    /// As [`Pipeline::with_resources`], the record stages deciding with
    /// `records` (with none, by their cue lists alone).
    pub fn with_models(
        ner: Box<dyn EntityRecognizer>,
        resources: &Resources,
        user_lexicon: Option<UserLexicon>,
        default_dct: Option<CreationTime>,
        records: RecordModels,
    ) -> Result<Pipeline, ResourceError> {
        let steps = vec![
            Step::Alone(Box::new(stage::Tokenize::new(resources)?)),
            Step::Together(Box::new(stage::Ner::new(ner, resources, user_lexicon)?), Box::new(stage::Dates::new(resources)?)),
            Step::Alone(Box::new(stage::Persons::new(resources)?)),
            Step::Alone(Box::new(stage::Roles::new(resources, records.roles)?)),
            Step::Alone(Box::new(stage::Events::new(resources, records.events)?)),
        ];
        Ok(Pipeline { steps, default_dct })
    }

    /// The stages' names in order, for `--profile`.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.steps
            .iter()
            .flat_map(|step| match step {
                Step::Alone(stage) => vec![stage.name()],
                Step::Together(a, b) => vec![a.name(), b.name()],
            })
            .collect()
    }

    /// Runs every stage on one document.
    pub fn analyze(&self, raw: RawDoc) -> Doc {
        self.analyze_timed(raw, None)
    }

    /// Runs every stage on one document, adding each stage's wall time to
    /// `times` when given (`scoop extract --profile`).
    pub fn analyze_timed(&self, raw: RawDoc, times: Option<&StageTimes>) -> Doc {
        // Building the document (normalisation, offset maps) is charged to
        // the first stage, which reads nothing else.
        let mut clock = Lap::start(times);
        let dct = raw.date.as_deref().and_then(CreationTime::parse).or_else(|| self.default_dct.clone());
        let mut doc = Doc::new(raw.id, raw.text, dct);
        for step in &self.steps {
            match step {
                Step::Alone(stage) => {
                    let layer = stage.run(&doc);
                    clock.lap(stage.name());
                    doc.store(layer);
                }
                Step::Together(a, b) => {
                    let timed = |stage: &dyn Stage| {
                        let mut clock = Lap::start(times);
                        let layer = stage.run(&doc);
                        clock.lap(stage.name());
                        layer
                    };
                    let (first, second) = rayon::join(|| timed(a.as_ref()), || timed(b.as_ref()));
                    clock.restart();
                    doc.store(first);
                    doc.store(second);
                }
            }
        }
        if let Some(times) = times {
            times.add_doc(doc.original.len(), doc.tokens.len());
        }
        doc
    }
}

/// Wall time per stage, summed over every thread that ran it, plus the
/// corpus counts that turn a run's time into throughput. Shared by the
/// workers; updates are relaxed atomic adds.
#[derive(Debug)]
pub struct StageTimes {
    names: Vec<&'static str>,
    nanos: Vec<AtomicU64>,
    documents: AtomicU64,
    bytes: AtomicU64,
    tokens: AtomicU64,
}

impl StageTimes {
    /// Clocks for reading, each of the pipeline's stages, and writing.
    pub fn new(pipeline: &Pipeline) -> StageTimes {
        let names: Vec<&'static str> = [READ].into_iter().chain(pipeline.stage_names()).chain([WRITE]).collect();
        StageTimes {
            nanos: names.iter().map(|_| AtomicU64::new(0)).collect(),
            names,
            documents: AtomicU64::default(),
            bytes: AtomicU64::default(),
            tokens: AtomicU64::default(),
        }
    }

    /// Charges `elapsed` to the stage named `stage` (one of [`READ`], [`WRITE`]
    /// or a stage's name).
    pub fn add(&self, stage: &str, elapsed: Duration) {
        if let Some(i) = self.names.iter().position(|&n| n == stage) {
            self.nanos[i].fetch_add(elapsed.as_nanos() as u64, Ordering::Relaxed);
        }
    }

    fn add_doc(&self, bytes: usize, tokens: usize) {
        self.documents.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
        self.tokens.fetch_add(tokens as u64, Ordering::Relaxed);
    }

    /// The time charged to the stage named `stage`.
    pub fn get(&self, stage: &str) -> Duration {
        self.names.iter().position(|&n| n == stage).map_or(Duration::ZERO, |i| Duration::from_nanos(self.nanos[i].load(Ordering::Relaxed)))
    }

    /// The report `--profile` prints on stderr.
    pub fn report(&self, wall: Duration, threads: usize) -> String {
        let total: Duration = self.names.iter().map(|&s| self.get(s)).sum();
        let docs = self.documents.load(Ordering::Relaxed);
        let bytes = self.bytes.load(Ordering::Relaxed);
        let tokens = self.tokens.load(Ordering::Relaxed);
        let secs = wall.as_secs_f64().max(1e-9);
        let mut out = format!(
            "scoop: profile: {docs} documents, {:.2} MB of text, {tokens} tokens in {:.2} s wall on {threads} thread(s): {:.0} documents/s, {:.2} MB/s, {:.0} tokens/s\n",
            bytes as f64 / 1e6,
            secs,
            docs as f64 / secs,
            bytes as f64 / 1e6 / secs,
            tokens as f64 / secs,
        );
        out.push_str("scoop: profile: stage                 time (s, summed over threads)   share\n");
        for &stage in &self.names {
            let t = self.get(stage);
            let share = if total.is_zero() { 0.0 } else { 100.0 * t.as_secs_f64() / total.as_secs_f64() };
            out.push_str(&format!("scoop: profile: {:<22}{:>10.3}{:>27.1} %\n", stage, t.as_secs_f64(), share));
        }
        out.push_str(&format!("scoop: profile: {:<22}{:>10.3}", "all stages", total.as_secs_f64()));
        out
    }
}

/// A stopwatch that charges the time since its last lap to a stage; free
/// when profiling is off.
struct Lap<'a> {
    times: Option<&'a StageTimes>,
    since: Option<Instant>,
}

impl<'a> Lap<'a> {
    fn start(times: Option<&'a StageTimes>) -> Lap<'a> {
        Lap { times, since: times.map(|_| Instant::now()) }
    }

    fn restart(&mut self) {
        if self.times.is_some() {
            self.since = Some(Instant::now());
        }
    }

    fn lap(&mut self, stage: &str) {
        if let (Some(times), Some(since)) = (self.times, self.since) {
            let now = Instant::now();
            times.add(stage, now - since);
            self.since = Some(now);
        }
    }
}
