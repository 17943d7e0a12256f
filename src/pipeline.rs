//! The per-document pipeline: normalise → tokenise → (NER ‖ dates) →
//! persons → roles → events.

use crate::document::{CreationTime, Doc};
use crate::input::RawDoc;
use crate::ner::{EntityRecognizer, Refiner};
use crate::persons::PersonGrouper;
use crate::tokenize::Tokenizer;
use scoop_lexicon::{ResourceError, Resources};
use scoop_timex::Tagger;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The pipeline is built once and shared by reference across the worker
/// threads: the NER model's weights, the tagger's compiled patterns and
/// every lexicon exist once per process, never per thread or per document.
pub struct Pipeline {
    tokenizer: Tokenizer,
    ner: Box<dyn EntityRecognizer>,
    refiner: Refiner,
    persons: PersonGrouper,
    tagger: Tagger,
    /// `--dct`: used when neither the text nor its JSON Lines row gives one.
    default_dct: Option<CreationTime>,
}

impl Pipeline {
    /// A pipeline on the embedded resource files.
    pub fn new(ner: Box<dyn EntityRecognizer>, default_dct: Option<CreationTime>) -> Pipeline {
        let resources = crate::resources::load(None).expect("the embedded resource files parse (tested)");
        Pipeline::with_resources(ner, &resources, default_dct).expect("the embedded resource files parse (tested)")
    }

    /// A pipeline whose stages read their cue lists and lexicons from `resources`.
    pub fn with_resources(
        ner: Box<dyn EntityRecognizer>,
        resources: &Resources,
        default_dct: Option<CreationTime>,
    ) -> Result<Pipeline, ResourceError> {
        Ok(Pipeline {
            tokenizer: Tokenizer::new(resources)?,
            ner,
            refiner: Refiner::with_resources(resources)?,
            persons: PersonGrouper::new(resources)?,
            tagger: Tagger::new(),
            default_dct,
        })
    }

    /// Runs every stage on one document.
    pub fn analyze(&self, raw: RawDoc) -> Doc {
        self.analyze_timed(raw, None)
    }

    /// Runs every stage on one document, adding each stage's wall time to
    /// `times` when given (`scoop extract --profile`).
    pub fn analyze_timed(&self, raw: RawDoc, times: Option<&StageTimes>) -> Doc {
        let mut clock = Lap::start(times);
        let dct = raw.date.as_deref().and_then(CreationTime::parse).or_else(|| self.default_dct.clone());
        let mut doc = Doc::new(raw.id, raw.text, dct);
        doc.tokens = self.tokenizer.tokenize(&doc.text, doc.body.clone());
        doc.sentences = self.tokenizer.split_sentences(&doc.text, &doc.tokens);
        clock.lap(Stage::Tokenize);
        let (mentions, dates) = rayon::join(
            || {
                let mut clock = Lap::start(times);
                let mentions = self.refiner.refine(&doc, self.ner.recognize(&doc));
                clock.lap(Stage::Ner);
                mentions
            },
            || {
                let mut clock = Lap::start(times);
                let dates = self.tagger.tag(&doc.text, doc.body.clone(), doc.dct.as_ref().map(|d| d.parsed));
                clock.lap(Stage::Dates);
                dates
            },
        );
        clock.restart();
        doc.mentions = mentions;
        doc.dates = dates;
        doc.persons = self.persons.group(&doc);
        clock.lap(Stage::Persons);
        crate::roles::find_roles(&mut doc);
        clock.lap(Stage::Roles);
        crate::events::find_events(&mut doc);
        clock.lap(Stage::Events);
        if let Some(times) = times {
            times.add_doc(doc.original.len(), doc.tokens.len());
        }
        doc
    }
}

/// The stages `--profile` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading files or JSON Lines rows, decoding and checking them.
    Read,
    /// Normalisation, offset maps, tokens and sentences (`Doc::new` included).
    Tokenize,
    Ner,
    Dates,
    Persons,
    Roles,
    Events,
    /// Output records, CSV rows, JSON, the person index and the final
    /// person-id resolution of the spooled tables.
    Write,
}

impl Stage {
    pub const ALL: [Stage; 8] =
        [Stage::Read, Stage::Tokenize, Stage::Ner, Stage::Dates, Stage::Persons, Stage::Roles, Stage::Events, Stage::Write];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Tokenize => "normalise+tokenise",
            Stage::Ner => "NER",
            Stage::Dates => "dates",
            Stage::Persons => "persons",
            Stage::Roles => "roles",
            Stage::Events => "events",
            Stage::Write => "write",
        }
    }
}

/// Wall time per stage, summed over every thread that ran it, plus the
/// corpus counts that turn a run's time into throughput. Shared by the
/// workers; updates are relaxed atomic adds.
#[derive(Debug, Default)]
pub struct StageTimes {
    nanos: [AtomicU64; 8],
    documents: AtomicU64,
    bytes: AtomicU64,
    tokens: AtomicU64,
}

impl StageTimes {
    pub fn add(&self, stage: Stage, elapsed: Duration) {
        self.nanos[stage as usize].fetch_add(elapsed.as_nanos() as u64, Ordering::Relaxed);
    }

    fn add_doc(&self, bytes: usize, tokens: usize) {
        self.documents.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
        self.tokens.fetch_add(tokens as u64, Ordering::Relaxed);
    }

    pub fn get(&self, stage: Stage) -> Duration {
        Duration::from_nanos(self.nanos[stage as usize].load(Ordering::Relaxed))
    }

    /// The report `--profile` prints on stderr.
    pub fn report(&self, wall: Duration, threads: usize) -> String {
        let total: Duration = Stage::ALL.iter().map(|&s| self.get(s)).sum();
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
        for stage in Stage::ALL {
            let t = self.get(stage);
            let share = if total.is_zero() { 0.0 } else { 100.0 * t.as_secs_f64() / total.as_secs_f64() };
            out.push_str(&format!("scoop: profile: {:<22}{:>10.3}{:>27.1} %\n", stage.name(), t.as_secs_f64(), share));
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

    fn lap(&mut self, stage: Stage) {
        if let (Some(times), Some(since)) = (self.times, self.since) {
            let now = Instant::now();
            times.add(stage, now - since);
            self.since = Some(now);
        }
    }
}
