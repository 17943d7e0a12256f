//! Writers: the per-document JSON files, the CSV tables and JSON Lines.
//!
//! Every file is written to a temporary file in the output folder and
//! renamed into place when complete, so a crash never leaves a
//! half-written output.

mod guide;
mod persons;
mod rows;

pub use guide::doc_records;
pub use persons::PersonIndex;

use crate::document::Doc;
use crate::input::InputFailure;
use anyhow::{Context, Result};
use rows::{DateRow, DocumentRow, EventRow, MentionRow, RoleRow};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Which outputs to write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Formats {
    /// One guide-format JSON file per document.
    pub json: bool,
    /// The CSV tables.
    pub csv: bool,
    /// `documents.jsonl`: one guide-format document a line.
    pub jsonl: bool,
}

impl Formats {
    /// Parses `json,csv,jsonl` (any subset, comma-separated).
    pub fn parse(list: &str) -> Result<Formats, String> {
        let mut formats = Formats::default();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "json" => formats.json = true,
                "csv" => formats.csv = true,
                "jsonl" => formats.jsonl = true,
                other => return Err(format!("unknown format {other:?} (expected json, csv or jsonl)")),
            }
        }
        if formats == Formats::default() {
            return Err("no output format given".into());
        }
        Ok(formats)
    }
}

/// Where outputs go: a folder, or stdout for JSON Lines alone (`-o -`).
#[derive(Debug, Clone)]
pub enum Destination {
    /// A folder, created if missing.
    Dir(PathBuf),
    /// JSON Lines on standard output.
    Stdout,
}

/// The CSV tables, each written through a temporary file.
struct Tables {
    documents: csv::Writer<BufWriter<NamedTempFile>>,
    mentions: csv::Writer<BufWriter<NamedTempFile>>,
    dates: csv::Writer<BufWriter<NamedTempFile>>,
    /// Roles and events wait for the corpus person ids: spooled with
    /// per-document person keys, then rewritten at the end.
    roles: csv::Writer<BufWriter<NamedTempFile>>,
    events: csv::Writer<BufWriter<NamedTempFile>>,
}

/// The open output files of a run; each is written to a temporary file
/// and renamed into place by [`Writers::finish`].
pub struct Writers {
    dir: Option<PathBuf>,
    formats: Formats,
    tables: Option<Tables>,
    jsonl: Option<Box<dyn Write + Send>>,
    /// Buffered: serde_json writes a document in many small pieces.
    jsonl_temp: Option<BufWriter<NamedTempFile>>,
    persons: PersonIndex,
}

/// What a run wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Documents written.
    pub ok: usize,
    /// Documents that could not be read or analysed.
    pub failed: usize,
}

impl Writers {
    /// Opens every output of `formats` at `destination`.
    pub fn create(destination: &Destination, formats: Formats) -> Result<Writers> {
        let dir = match destination {
            Destination::Dir(dir) => {
                std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the output folder", dir.display()))?;
                if formats.json {
                    let json = dir.join("json");
                    std::fs::create_dir_all(&json).with_context(|| format!("{}: cannot create the output folder", json.display()))?;
                }
                Some(dir.clone())
            }
            Destination::Stdout => None,
        };
        let tables = match (&dir, formats.csv) {
            (Some(dir), true) => Some(Tables {
                documents: temp_csv(dir, rows::DOCUMENT_COLUMNS)?,
                mentions: temp_csv(dir, rows::MENTION_COLUMNS)?,
                dates: temp_csv(dir, rows::DATE_COLUMNS)?,
                roles: temp_csv(dir, rows::ROLE_COLUMNS)?,
                events: temp_csv(dir, rows::EVENT_COLUMNS)?,
            }),
            _ => None,
        };
        let (jsonl, jsonl_temp): (Option<Box<dyn Write + Send>>, _) = match (&dir, formats.jsonl) {
            (Some(dir), true) => (None, Some(BufWriter::new(temp_file(dir)?))),
            (None, true) => (Some(Box::new(BufWriter::new(std::io::stdout()))), None),
            _ => (None, None),
        };
        Ok(Writers { dir, formats, tables, jsonl, jsonl_temp, persons: PersonIndex::default() })
    }

    /// Writes one analysed document's records; `source` is where it came from.
    pub fn write_doc(&mut self, doc: &Doc, source: &str) -> Result<()> {
        let person_keys = self.persons.add_doc(doc);
        // The guide-shaped records (owned strings) only when JSON is written.
        if self.formats.json || self.formats.jsonl {
            let records = doc_records(doc);
            if let (Some(dir), true) = (&self.dir, self.formats.json) {
                let path = dir.join("json").join(json_file_name(&doc.id));
                write_atomically(&path, |w| Ok(serde_json::to_writer_pretty(w, &records)?))?;
            }
            if let Some(temp) = &mut self.jsonl_temp {
                serde_json::to_writer(&mut *temp, &records)?;
                temp.write_all(b"\n")?;
            }
            if let Some(out) = &mut self.jsonl {
                serde_json::to_writer(&mut *out, &records)?;
                out.write_all(b"\n")?;
            }
        }
        if let Some(tables) = &mut self.tables {
            tables.documents.serialize(DocumentRow::ok(doc, source))?;
            for row in MentionRow::all(doc) {
                tables.mentions.serialize(row)?;
            }
            for row in DateRow::all(doc) {
                tables.dates.serialize(row)?;
            }
            for row in RoleRow::all(doc, &person_keys) {
                tables.roles.serialize(row)?;
            }
            for row in EventRow::all(doc, &person_keys) {
                tables.events.serialize(row)?;
            }
        }
        Ok(())
    }

    /// Records a document that failed: a `failed` row in `documents.csv`.
    pub fn write_failure(&mut self, failure: &InputFailure) -> Result<()> {
        if let Some(tables) = &mut self.tables {
            tables.documents.serialize(DocumentRow::failed(failure))?;
        }
        Ok(())
    }

    /// Completes every output and moves it into place.
    pub fn finish(mut self) -> Result<()> {
        if let Some(out) = &mut self.jsonl {
            out.flush()?;
        }
        let Some(dir) = self.dir.clone() else { return Ok(()) };
        if let Some(temp) = self.jsonl_temp.take() {
            let temp = temp.into_inner().map_err(|e| anyhow::anyhow!("cannot flush documents.jsonl: {}", e.error()))?;
            persist(temp, &dir.join("documents.jsonl"))?;
        }
        if let Some(tables) = self.tables.take() {
            persist(finish_csv(tables.documents)?, &dir.join("documents.csv"))?;
            persist(finish_csv(tables.mentions)?, &dir.join("mentions.csv"))?;
            persist(finish_csv(tables.dates)?, &dir.join("dates.csv"))?;
            let roles = finish_csv(tables.roles)?;
            let events = finish_csv(tables.events)?;
            rows::resolve_person_ids(roles.path(), &dir.join("roles.csv"), &mut self.persons)?;
            rows::resolve_person_ids(events.path(), &dir.join("events.csv"), &mut self.persons)?;
            let mut persons = temp_csv(&dir, rows::PERSON_COLUMNS)?;
            for row in self.persons.rows() {
                persons.serialize(row)?;
            }
            persist(finish_csv(persons)?, &dir.join("persons.csv"))?;
        }
        Ok(())
    }
}

/// `NAME.txt` → `NAME.json`; ids are made safe as file names.
pub fn json_file_name(id: &str) -> String {
    let stem = id.strip_suffix(".txt").unwrap_or(id);
    let safe: String = stem.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect();
    format!("{safe}.json")
}

fn temp_file(dir: &Path) -> Result<NamedTempFile> {
    NamedTempFile::new_in(dir).with_context(|| format!("{}: cannot write in the output folder", dir.display()))
}

/// A CSV table in a temporary file, its header already written.
fn temp_csv(dir: &Path, columns: &[&str]) -> Result<csv::Writer<BufWriter<NamedTempFile>>> {
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(BufWriter::new(temp_file(dir)?));
    writer.write_record(columns)?;
    Ok(writer)
}

fn finish_csv(writer: csv::Writer<BufWriter<NamedTempFile>>) -> Result<NamedTempFile> {
    let buffered = writer.into_inner().map_err(|e| anyhow::anyhow!("cannot flush a CSV table: {}", e.error()))?;
    buffered.into_inner().map_err(|e| anyhow::anyhow!("cannot flush a CSV table: {}", e.error()))
}

fn persist(temp: NamedTempFile, path: &Path) -> Result<()> {
    // Temporary files are private (0600); a finished output is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .with_context(|| format!("{}: cannot set permissions", path.display()))?;
    }
    temp.as_file().sync_all().ok();
    temp.persist(path).with_context(|| format!("{}: cannot move the finished file into place", path.display()))?;
    Ok(())
}

/// Writes a file through a temporary file in the same folder.
pub fn write_atomically(path: &Path, write: impl FnOnce(&mut BufWriter<&File>) -> Result<()>) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp = temp_file(dir)?;
    {
        let mut out = BufWriter::new(temp.as_file());
        write(&mut out)?;
        out.flush()?;
    }
    persist(temp, path)
}
