//! Reader: turns the command line's inputs into a stream of documents.
//!
//! A bad document never stops the stream: it becomes an [`InputFailure`]
//! naming the file (and line, for JSON Lines) and the reason.

use serde::Deserialize;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// A document as read, before any processing.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// The guide's `doc` name: the file name, or the JSON Lines `id`.
    pub id: String,
    /// Where it came from: a path, or `path:line` for JSON Lines.
    pub source: String,
    /// The text as read (UTF-8, checked).
    pub text: String,
    /// The JSON Lines row's `date`, if any.
    pub date: Option<String>,
}

/// A document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFailure {
    /// The document name it would have had.
    pub id: String,
    /// Where it came from: a path, with `:LINE` for a JSON Lines row.
    pub source: String,
    /// What is wrong, for `documents.csv` and stderr.
    pub error: String,
}

/// One input document, read or failed.
pub type InputItem = Result<RawDoc, InputFailure>;

/// One place documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A `.txt` file: one document.
    Text(PathBuf),
    /// A `.jsonl` file: one document a line.
    Jsonl(PathBuf),
    /// JSON Lines on standard input.
    Stdin,
}

/// Expands the command line's inputs: folders become their `*.txt` files
/// (sorted, recursively); `.jsonl` files are JSON Lines; `-` is stdin.
/// A path that cannot be listed is kept as a source so that reading it
/// reports the error in line with the other documents.
pub fn expand(inputs: &[PathBuf]) -> Vec<Source> {
    let mut sources = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if input.is_dir() {
            let mut files = Vec::new();
            collect_txt(input, &mut files);
            files.sort();
            sources.extend(files.into_iter().map(Source::Text));
        } else if input.extension().is_some_and(|e| e == "jsonl") {
            sources.push(Source::Jsonl(input.clone()));
        } else {
            sources.push(Source::Text(input.clone()));
        }
    }
    sources
}

fn collect_txt(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        files.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_txt(&path, files);
        } else if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
}

/// Limits that protect a batch from one pathological input.
#[derive(Debug, Clone, Copy)]
pub struct ReadLimits {
    /// Larger documents are reported as failed, not read.
    pub max_doc_bytes: u64,
}

/// Reads every source in order, lazily.
pub fn read_all(sources: Vec<Source>, limits: ReadLimits) -> impl Iterator<Item = InputItem> + Send {
    sources.into_iter().flat_map(move |source| -> Box<dyn Iterator<Item = InputItem> + Send> {
        match source {
            Source::Text(path) => Box::new(std::iter::once(read_text_file(&path, limits))),
            Source::Jsonl(path) => match File::open(&path) {
                Ok(file) => Box::new(JsonlReader::new(BufReader::new(file), path.display().to_string(), limits)),
                Err(e) => Box::new(std::iter::once(Err(failure(&path, format!("cannot read: {e}"))))),
            },
            Source::Stdin => Box::new(JsonlReader::new(BufReader::new(std::io::stdin()), "<stdin>".to_string(), limits)),
        }
    })
}

fn failure(path: &Path, error: String) -> InputFailure {
    let id = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    InputFailure { id, source: path.display().to_string(), error }
}

/// Reads one text file, rejecting what is not a document.
pub fn read_text_file(path: &Path, limits: ReadLimits) -> InputItem {
    let fail = |error: String| Err(failure(path, error));
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return fail(format!("cannot read: {e}")),
    };
    match file.metadata() {
        Ok(meta) if meta.is_dir() => return fail("cannot read: is a directory".into()),
        Ok(meta) if meta.len() > limits.max_doc_bytes => {
            return fail(format!("{} bytes is over the per-document limit of {} bytes (--max-doc-bytes)", meta.len(), limits.max_doc_bytes))
        }
        Ok(_) => {}
        Err(e) => return fail(format!("cannot read: {e}")),
    }
    let mut bytes = Vec::new();
    // Read one byte past the limit, in case the file grew after the size check.
    if let Err(e) = file.take(limits.max_doc_bytes.saturating_add(1)).read_to_end(&mut bytes) {
        return fail(format!("cannot read: {e}"));
    }
    if bytes.len() as u64 > limits.max_doc_bytes {
        return fail(format!("over the per-document limit of {} bytes (--max-doc-bytes)", limits.max_doc_bytes));
    }
    match decode_text(bytes) {
        Ok(text) => {
            let id = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            Ok(RawDoc { id, source: path.display().to_string(), text, date: None })
        }
        Err(error) => fail(error),
    }
}

/// Checks that bytes are a text document: not empty, not binary, UTF-8.
fn decode_text(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty document".into());
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("binary file (NUL byte at line {}, byte {at})", line_of(&bytes, at)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("not valid UTF-8 at line {}, byte {at}", line_of(e.as_bytes(), at))
    })
}

fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlRow {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// Streams JSON Lines rows `{"id", "text", "date"?}`; blank lines are skipped.
struct JsonlReader<R> {
    lines: std::io::Split<R>,
    name: String,
    line: usize,
    limits: ReadLimits,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    fn new(reader: R, name: String, limits: ReadLimits) -> Self {
        JsonlReader { lines: reader.split(b'\n'), name, line: 0, limits, done: false }
    }

    fn row(&self, bytes: Vec<u8>) -> InputItem {
        let source = format!("{}:{}", self.name, self.line);
        let fail = |error: String| Err(InputFailure { id: source.clone(), source: source.clone(), error });
        if bytes.len() as u64 > self.limits.max_doc_bytes {
            return fail(format!(
                "row of {} bytes is over the per-document limit of {} bytes (--max-doc-bytes)",
                bytes.len(),
                self.limits.max_doc_bytes
            ));
        }
        let row: JsonlRow = match serde_json::from_slice(&bytes) {
            Ok(row) => row,
            Err(e) => return fail(format!("malformed JSON Lines row: {e}")),
        };
        let id = match row.id {
            serde_json::Value::String(s) if !s.trim().is_empty() => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => return fail("malformed JSON Lines row: `id` must be a non-empty string or a number".into()),
        };
        let fail_doc = |error: String| Err(InputFailure { id: id.clone(), source: source.clone(), error });
        if row.text.trim().is_empty() {
            return fail_doc("empty document".into());
        }
        if row.text.contains('\0') {
            return fail_doc("binary text (NUL character)".into());
        }
        if let Some(date) = &row.date {
            if crate::document::CreationTime::parse(date).is_none() {
                return fail_doc(format!("`date` {date:?} is not YYYY-MM-DD or YYYY-MM"));
            }
        }
        Ok(RawDoc { id, source, text: row.text, date: row.date })
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        while !self.done {
            self.line += 1;
            match self.lines.next()? {
                Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(bytes) => return Some(self.row(bytes)),
                Err(e) => {
                    self.done = true;
                    let source = format!("{}:{}", self.name, self.line);
                    return Some(Err(InputFailure { id: source.clone(), source, error: format!("cannot read: {e}") }));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: ReadLimits = ReadLimits { max_doc_bytes: 1 << 20 };

    #[test]
    fn rejects_what_is_not_a_document() {
        assert_eq!(decode_text(b"  \n ".to_vec()).unwrap_err(), "empty document");
        assert_eq!(decode_text(b"ok\nab\0c".to_vec()).unwrap_err(), "binary file (NUL byte at line 2, byte 5)");
        assert_eq!(decode_text(b"line one\nbad \xff here".to_vec()).unwrap_err(), "not valid UTF-8 at line 2, byte 13");
        assert_eq!(decode_text("S\u{e3}o Paulo".as_bytes().to_vec()).unwrap(), "S\u{e3}o Paulo");
    }

    #[test]
    fn jsonl_rows_name_their_line() {
        let data = "{\"id\":\"a\",\"text\":\"Hello.\",\"date\":\"2026-01-10\"}\n\n{oops\n{\"id\":7,\"text\":\"Hi.\"}\n";
        let items: Vec<InputItem> = JsonlReader::new(data.as_bytes(), "in.jsonl".into(), LIMITS).collect();
        assert_eq!(items.len(), 3);
        let first = items[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.source.as_str(), first.date.as_deref()), ("a", "in.jsonl:1", Some("2026-01-10")));
        let bad = items[1].as_ref().unwrap_err();
        assert_eq!(bad.source, "in.jsonl:3");
        assert!(bad.error.starts_with("malformed JSON Lines row"), "{}", bad.error);
        assert_eq!(items[2].as_ref().unwrap().id, "7");
    }
}
