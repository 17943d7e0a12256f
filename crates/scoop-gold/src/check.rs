//! Gold validation (`scoop gold check TEXT_DIR GOLD_DIR`): every gold file
//! checked against its text and the guide's contract — keys and fields,
//! spans that slice to their text, labels, TIMEX3 values, the DCT prefix,
//! persons and the names that refer to them, roles, events and their
//! evidence sentences.
//!
//! A gold file is read as plain JSON, not as [`DocRecords`], so that a
//! broken one is reported problem by problem instead of failing at the
//! first; the key lists and the allowed labels, kinds, roles, event types
//! and statuses are the format's own. Values in messages are written as
//! Python writes them (`'Lomon'`, `None`), the notation of the script this
//! replaced.

use crate::format::{
    dct_prefix, fold_name, is_dct_value, DateRecord, DocRecords, Event, EventType, Label, Mention, Person, PersonKind, Role, RoleKind,
    Status, TimexType,
};
use anyhow::{bail, Context};
use regex::Regex;
use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

/// One problem in one gold file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The gold file's name (`d010.json`).
    pub file: String,
    /// Where in it: `file`, `doc`, `dct`, or a record such as `mentions[3] 'Lomon'@120`.
    pub record: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    /// `FILE: RECORD: message`, one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.record, self.message)
    }
}

/// The outcome of checking a folder of gold files.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// How many gold files were checked.
    pub files: usize,
    /// Every problem found, file by file in name order.
    pub problems: Vec<Problem>,
}

/// Checks every `*.json` file of `gold_dir` (in name order) against its text
/// `text_dir/NAME.txt`. Fails, without checking anything, when either folder
/// is missing or `gold_dir` holds no gold file.
pub fn check_dir(text_dir: &Path, gold_dir: &Path) -> anyhow::Result<Checked> {
    for dir in [text_dir, gold_dir] {
        if !dir.is_dir() {
            bail!("{}: not a folder", dir.display());
        }
    }
    let mut names = Vec::new();
    for entry in std::fs::read_dir(gold_dir).with_context(|| format!("{}: cannot list", gold_dir.display()))? {
        let name = entry.with_context(|| format!("{}: cannot list", gold_dir.display()))?.file_name();
        if let Some(name) = name.to_str().filter(|n| n.ends_with(".json")) {
            names.push(name.to_string());
        }
    }
    if names.is_empty() {
        bail!("{}: no .json gold files", gold_dir.display());
    }
    names.sort();
    let problems = names.iter().flat_map(|name| check_file(text_dir, &gold_dir.join(name))).collect();
    Ok(Checked { files: names.len(), problems })
}

/// Checks one gold file against its text `text_dir/NAME.txt`.
pub fn check_file(text_dir: &Path, gold_path: &Path) -> Vec<Problem> {
    let file = gold_path.file_name().map_or_else(|| gold_path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut out = Report { file, problems: Vec::new() };
    check(&mut out, text_dir, gold_path);
    out.problems
}

/// The problems of one file as they are found.
struct Report {
    file: String,
    problems: Vec<Problem>,
}

impl Report {
    fn add(&mut self, record: &str, message: String) {
        self.problems.push(Problem { file: self.file.clone(), record: record.to_string(), message });
    }
}

/// The text of a document, as code points (offsets count them).
struct Text {
    chars: Vec<char>,
    /// Code-point offset where the article starts, after the DCT prefix.
    body: usize,
}

impl Text {
    fn len(&self) -> usize {
        self.chars.len()
    }

    fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start.min(self.len())..end.min(self.len())].iter().collect()
    }
}

fn check(out: &mut Report, text_dir: &Path, gold_path: &Path) {
    let bytes = match std::fs::read(gold_path) {
        Ok(bytes) => bytes,
        Err(e) => return out.add("file", format!("cannot read JSON: {e}")),
    };
    let gold: Value = match serde_json::from_slice(&bytes) {
        Ok(value) => value,
        Err(e) => return out.add("file", format!("cannot read JSON: {e}")),
    };
    let Value::Object(gold) = gold else { return out.add("file", "top level is not an object".into()) };
    let top_keys = fields::<DocRecords>();
    for key in top_keys.iter().filter(|k| !gold.contains_key(**k)) {
        out.add("file", format!("missing key {}", py_str_repr(key)));
    }
    for key in key_order(&bytes).iter().filter(|k| !top_keys.contains(&k.as_str())) {
        out.add("file", format!("unknown key {}", py_str_repr(key)));
    }
    const LAYERS: [&str; 5] = ["mentions", "dates", "persons", "roles", "events"];
    for layer in LAYERS.iter().filter(|l| gold.get(**l).is_some_and(|v| !v.is_array())) {
        out.add("file", format!("{} is not a list", py_str_repr(layer)));
    }
    let records = |layer: &str| gold.get(layer).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);

    let stem = out.file.strip_suffix(".json").unwrap_or(&out.file).to_string();
    let expected_doc = format!("{stem}.txt");
    let doc = gold.get("doc").unwrap_or(&Value::Null);
    if doc.as_str() != Some(expected_doc.as_str()) {
        out.add("doc", format!("doc is {}, expected {}", py_repr(doc), py_str_repr(&expected_doc)));
    }
    let text_path = text_dir.join(&expected_doc);
    let raw = match std::fs::read_to_string(&text_path) {
        Ok(raw) => raw,
        Err(e) => return out.add("file", format!("cannot read text {}: {e}", text_path.display())),
    };
    let prefix = dct_prefix(&raw, |v| is_dct_value(v).then(|| v.to_string()));
    let body = prefix.as_ref().map_or(0, |p| raw[..p.body].chars().count());
    let text = Text { chars: raw.chars().collect(), body };

    let dct = gold.get("dct").unwrap_or(&Value::Null);
    if !dct.is_null() && !dct.as_str().is_some_and(is_dct_value) {
        out.add("dct", format!("bad dct {} (want YYYY-MM-DD, YYYY-MM or null)", py_repr(dct)));
    }
    if let Some(prefix) = &prefix {
        if dct.as_str() != Some(prefix.dct.as_str()) {
            out.add("dct", format!("dct is {} but the text starts with 'date {}'", py_repr(dct), prefix.dct));
        }
    }

    check_spans(out, &text, "mentions", records("mentions"), fields::<Mention>(), |out, at, r| {
        if !is_one_of::<Label>(r.get("label")) {
            out.add(at, format!("bad label {}", py_repr(field(r, "label"))));
        }
    });
    check_spans(out, &text, "dates", records("dates"), fields::<DateRecord>(), |out, at, r| {
        let (value, modifier) = (field(r, "value"), field(r, "mod"));
        match parse_as::<TimexType>(r.get("type")) {
            None => out.add(at, format!("bad type {}", py_repr(field(r, "type")))),
            Some(t) if !value.as_str().is_some_and(|v| timex_value_pattern(t).is_match(v)) => {
                out.add(at, format!("bad {} value {}", t.as_str(), py_repr(value)))
            }
            Some(_) => {}
        }
        if !modifier.is_null() && !modifier.as_str().is_some_and(|m| DateRecord::MODS.contains(&m)) {
            out.add(at, format!("bad mod {}", py_repr(modifier)));
        }
    });
    let persons = check_persons(out, records("persons"));
    check_roles(out, &persons, records("roles"));
    check_events(out, &text, &persons, records("events"), records("dates"), records("mentions"));
}

/// A span layer (mentions, dates): fields, spans against the text, no two
/// records overlapping, and the layer's own checks in `extra`.
fn check_spans(
    out: &mut Report,
    text: &Text,
    layer: &str,
    records: &[Value],
    keys: &[&str],
    extra: impl Fn(&mut Report, &str, &serde_json::Map<String, Value>),
) {
    let mut spans = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let Some(r) = record.as_object() else {
            out.add(&format!("{layer}[{i}]"), "not an object".into());
            continue;
        };
        let at = format!("{layer}[{i}] {}@{}", py_repr(field(r, "text")), py_str(field(r, "start")));
        missing_fields(out, &at, r, keys);
        if let Some((start, end)) = span(out, text, &at, r) {
            let got = text.slice(start, end);
            if Some(got.as_str()) != field(r, "text").as_str() {
                out.add(&at, format!("span slices to {}, not {}", py_str_repr(&got), py_repr(field(r, "text"))));
            }
            if got.trim_matches(py_space) != got {
                out.add(&at, "span has leading/trailing whitespace".into());
            }
            spans.push((start, end, at.clone()));
        }
        extra(out, &at, r);
    }
    spans.sort();
    for pair in spans.windows(2) {
        let ((_, end, first), (start, _, second)) = (&pair[0], &pair[1]);
        if start < end {
            out.add(second, format!("overlaps {first}"));
        }
    }
}

/// A record's `start`/`end` when they make a span of the text (a span in the
/// DCT prefix is reported, and still checked).
fn span(out: &mut Report, text: &Text, at: &str, r: &serde_json::Map<String, Value>) -> Option<(usize, usize)> {
    let (s, e) = (field(r, "start"), field(r, "end"));
    let (Some(start), Some(end)) = (int(s, false), int(e, false)) else {
        out.add(at, format!("start/end not integers: {}, {}", py_repr(s), py_repr(e)));
        return None;
    };
    if !(0 <= start && start < end && end <= text.len() as i128) {
        out.add(at, format!("span {start}-{end} outside text (length {}) or empty", text.len()));
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    if start < text.body {
        out.add(at, format!("span {start}-{end} lies in the DCT prefix"));
    }
    Some((start, end))
}

/// What a name of the document refers to: the person's name and kind.
type Persons = HashMap<String, (String, Value)>;

/// The persons list; returns every folded name and alias with the person it names.
fn check_persons(out: &mut Report, records: &[Value]) -> Persons {
    let mut known = Persons::new();
    for (i, record) in records.iter().enumerate() {
        let Some(p) = record.as_object() else {
            out.add(&format!("persons[{i}]"), "not an object".into());
            continue;
        };
        let at = format!("persons[{i}] {}", py_repr(field(p, "name")));
        missing_fields(out, &at, p, fields::<Person>());
        let Some(name) = field(p, "name").as_str().filter(|n| !n.trim_matches(py_space).is_empty()) else {
            out.add(&at, "empty or non-string name".into());
            continue;
        };
        let kind = field(p, "kind");
        if !is_one_of::<PersonKind>(Some(kind)) {
            out.add(&at, format!("bad kind {}", py_repr(kind)));
        }
        // A missing list is reported above and counts as empty.
        let no_aliases = Value::Array(Vec::new());
        let aliases = p.get("aliases").unwrap_or(&no_aliases);
        let aliases: Vec<&str> = match aliases.as_array().map(|a| a.iter().map(Value::as_str).collect::<Option<Vec<&str>>>()) {
            Some(Some(list)) if list.iter().all(|a| !a.trim_matches(py_space).is_empty()) => list,
            _ => {
                out.add(&at, format!("aliases must be a list of non-empty strings: {}", py_repr(aliases)));
                Vec::new()
            }
        };
        for form in std::iter::once(name).chain(aliases.iter().copied()) {
            let key = fold_name(form);
            match known.get(&key) {
                Some((owner, _)) if owner != name => {
                    out.add(&at, format!("form {} also belongs to person {}", py_str_repr(form), py_str_repr(owner)));
                }
                Some(_) => {}
                None => {
                    known.insert(key, (name.to_string(), kind.clone()));
                }
            }
        }
        if aliases.contains(&name) {
            out.add(&at, "name repeated among its aliases".into());
        }
    }
    known
}

/// A name written in a role or event must be a person's name or alias (of
/// the kind wanted, when one is).
fn person_ref(out: &mut Report, persons: &Persons, at: &str, what: &str, value: &Value, want: Option<PersonKind>) {
    if value.is_null() || value.as_str() == Some("") {
        return;
    }
    let Some(name) = value.as_str() else { return out.add(at, format!("{what} {} is not a string", py_repr(value))) };
    match persons.get(&fold_name(name)) {
        None => out.add(at, format!("{what} {} is not in persons (by name or alias)", py_repr(value))),
        Some((_, kind)) => {
            if let Some(want) = want.filter(|w| kind.as_str() != Some(w.as_str())) {
                let message =
                    format!("{what} {} is a person of kind {}, expected {}", py_repr(value), py_repr(kind), py_str_repr(want.as_str()));
                out.add(at, message);
            }
        }
    }
}

fn check_roles(out: &mut Report, persons: &Persons, records: &[Value]) {
    for (i, record) in records.iter().enumerate() {
        let Some(r) = record.as_object() else {
            out.add(&format!("roles[{i}]"), "not an object".into());
            continue;
        };
        let at = format!("roles[{i}] {}/{}", py_repr(field(r, "person")), py_repr(field(r, "role")));
        missing_fields(out, &at, r, fields::<Role>());
        if !truthy(field(r, "person")) {
            out.add(&at, "empty person".into());
        }
        person_ref(out, persons, &at, "person", field(r, "person"), Some(PersonKind::Person));
        let role = parse_as::<RoleKind>(r.get("role"));
        if role.is_none() {
            out.add(&at, format!("bad role {}", py_repr(field(r, "role"))));
        }
        let character = field(r, "character");
        if !character.is_null() && character.as_str() != Some("") {
            if role != Some(RoleKind::Actor) {
                out.add(&at, format!("character {} given for a non-actor role", py_repr(character)));
            }
            person_ref(out, persons, &at, "character", character, Some(PersonKind::Character));
        }
    }
}

// Characters that may stand right before or after an evidence span besides whitespace.
const OPEN_OK: &[char] = &['"', '\'', '“', '‘', '(', '[', '•', '-', '–', '—', '*'];
const CLOSE_OK: &[char] = &['"', '\'', '”', '’', ')', ']'];
const SENTENCE_END: &[char] = &['.', '!', '?', ':', ';', '…'];

fn check_events(out: &mut Report, text: &Text, persons: &Persons, records: &[Value], dates: &[Value], mentions: &[Value]) {
    let date_values: Vec<&Value> = dates.iter().filter_map(Value::as_object).map(|d| field(d, "value")).collect();
    let mention_texts: Vec<String> = mentions.iter().filter_map(Value::as_object).map(|m| fold(field(m, "text"))).collect();
    let folded_text = fold_name(&text.chars.iter().collect::<String>());
    // (type, person, work, season) → the first event of that key: the guide wants one per person.
    let mut person_events: HashMap<(String, String, String, String), String> = HashMap::new();
    for (i, record) in records.iter().enumerate() {
        let Some(ev) = record.as_object() else {
            out.add(&format!("events[{i}]"), "not an object".into());
            continue;
        };
        let (kind, person) = (field(ev, "type"), field(ev, "person"));
        let mut at = format!("events[{i}] {}", py_repr(kind));
        if truthy(person) {
            at += &format!(" {}", py_repr(person));
        }
        missing_fields(out, &at, ev, fields::<Event>());
        let event_type = parse_as::<EventType>(Some(kind));
        if event_type.is_none() {
            out.add(&at, format!("bad type {}", py_repr(kind)));
        }
        if !is_one_of::<Status>(ev.get("status")) {
            out.add(&at, format!("bad status {}", py_repr(field(ev, "status"))));
        }
        let season = field(ev, "season");
        if !season.is_null() && int(season, false).filter(|s| *s >= 0).is_none() {
            out.add(&at, format!("season {} is not an integer or null", py_repr(season)));
        }
        if let Some(t) = event_type.filter(|t| t.is_about_person()) {
            if !truthy(person) {
                out.add(&at, format!("{} event without a person", t.as_str()));
            }
            person_ref(out, persons, &at, "person", person, None);
            if let Some(name) = person.as_str().filter(|p| !p.is_empty()) {
                let owner = persons.get(&fold_name(name)).map_or(name, |(owner, _)| owner.as_str());
                let work = field(ev, "work");
                let key =
                    (t.as_str().to_string(), owner.to_string(), if truthy(work) { fold(work) } else { String::new() }, season.to_string());
                match person_events.get(&key) {
                    Some(first) => out.add(
                        &at,
                        format!(
                            "second {} event for {} on the same work/season (first is {first}); the guide wants one per person",
                            t.as_str(),
                            py_str_repr(owner)
                        ),
                    ),
                    None => {
                        person_events.insert(key, format!("events[{i}]"));
                    }
                }
            }
        } else if truthy(person) {
            out.add(&at, format!("{} event has a person ({}); only casting, cast_exit, award do", py_str(kind), py_repr(person)));
            person_ref(out, persons, &at, "person", person, None);
        }
        let date = field(ev, "date");
        if !date.is_null() && date.as_str() != Some("") && !date_values.contains(&date) {
            out.add(&at, format!("date {} is not the value of any date record", py_repr(date)));
        }
        let location = field(ev, "location");
        if !location.is_null() && location.as_str() != Some("") {
            if !matches!(event_type, Some(EventType::Filming | EventType::ScriptReading)) {
                out.add(&at, format!("location {} on a {} event", py_repr(location), py_str(kind)));
            }
            if !mention_texts.contains(&fold(location)) {
                out.add(&at, format!("location {} is not a mention", py_repr(location)));
            }
        }
        let evidence = field(ev, "evidence");
        let Some(evidence) = evidence.as_object() else {
            out.add(&at, format!("evidence {} is not an object", py_repr(evidence)));
            continue;
        };
        if !evidence_ok(out, text, &at, evidence) {
            continue;
        }
        let work = field(ev, "work");
        if truthy(work) && !mention_texts.contains(&fold(work)) && !folded_text.contains(&fold(work)) {
            // The work usually is a WORK mention; flagged only when it is not in the text at all.
            out.add(&at, format!("work {} does not occur in the text", py_repr(work)));
        }
    }
}

/// The evidence span: inside the text and after the DCT prefix, starting and
/// ending at a sentence boundary. False when it is no span of the text at all.
fn evidence_ok(out: &mut Report, text: &Text, at: &str, evidence: &serde_json::Map<String, Value>) -> bool {
    let (s, e) = (field(evidence, "start"), field(evidence, "end"));
    let n = text.len();
    // Python's `isinstance(x, int)`, true of booleans too, as the script read them.
    let span = match (int(s, true), int(e, true)) {
        (Some(start), Some(end)) if 0 <= start && start < end && end <= n as i128 => (start as usize, end as usize),
        _ => {
            out.add(at, format!("evidence {}-{} outside text (length {n}) or empty", py_repr(s), py_repr(e)));
            return false;
        }
    };
    let (start, end) = span;
    let (s, e) = (py_str(s), py_str(e));
    if start < text.body {
        out.add(at, format!("evidence {s}-{e} starts in the DCT prefix"));
    }
    let c = &text.chars;
    if py_space(c[start]) || py_space(c[end - 1]) {
        out.add(at, format!("evidence {s}-{e} starts or ends with whitespace"));
        return true;
    }
    // Start: the beginning of the text, after whitespace, an opening mark, or
    // a sentence end that lacks its space ("drugs.The"); end: sentence-final
    // punctuation, a closing mark, or the end of a line or of the text.
    let before = |i: usize| py_space(c[i]) || OPEN_OK.contains(&c[i]) || SENTENCE_END.contains(&c[i]) || CLOSE_OK.contains(&c[i]);
    if start > 0 && !before(start - 1) {
        let context =
            format!("{}|{}", py_str_repr(&text.slice(start.saturating_sub(15), start)), py_str_repr(&text.slice(start, start + 15)));
        out.add(at, format!("evidence {s}-{e} does not start at a sentence boundary: {context}"));
    }
    if !(end == n || SENTENCE_END.contains(&c[end - 1]) || CLOSE_OK.contains(&c[end - 1]) || matches!(c[end], '\r' | '\n')) {
        let context = format!("{}|{}", py_str_repr(&text.slice(end.saturating_sub(15), end)), py_str_repr(&text.slice(end, end + 15)));
        out.add(at, format!("evidence {s}-{e} does not end at a sentence boundary: {context}"));
    }
    true
}

fn missing_fields(out: &mut Report, at: &str, record: &serde_json::Map<String, Value>, keys: &[&str]) {
    for key in keys.iter().filter(|k| !record.contains_key(**k)) {
        out.add(at, format!("missing field {}", py_str_repr(key)));
    }
}

/// A field's value; a missing field reads as `null`.
fn field<'a>(record: &'a serde_json::Map<String, Value>, key: &str) -> &'a Value {
    record.get(key).unwrap_or(&Value::Null)
}

/// The scorer's folded form of a name; anything but a string folds to nothing.
fn fold(value: &Value) -> String {
    value.as_str().map(fold_name).unwrap_or_default()
}

/// A JSON integer (and, with `bool_is_int`, a boolean as 0 or 1).
fn int(value: &Value, bool_is_int: bool) -> Option<i128> {
    match value {
        Value::Bool(b) if bool_is_int => Some(i128::from(*b)),
        Value::Number(n) => n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    }
}

/// Python's truth of a JSON value: null, false, 0, "" and empty lists and objects are false.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `str.isspace`: Unicode whitespace and the four separator controls.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// A string value as one of the format's names for `T` (a label, a kind …).
fn parse_as<T: DeserializeOwned>(value: Option<&Value>) -> Option<T> {
    let name = value?.as_str()?;
    serde_json::from_value(Value::String(name.to_string())).ok()
}

fn is_one_of<T: DeserializeOwned>(value: Option<&Value>) -> bool {
    parse_as::<T>(value).is_some()
}

/// The guide's TIMEX3 values by type, simplified (see its date table).
fn timex_value_pattern(t: TimexType) -> &'static Regex {
    static PATTERNS: OnceLock<[Regex; 4]> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        let year = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)";
        let day = r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)";
        let calendar = [
            format!("{year}{day}?"),                               // 2026, 2026-01, 2026-01-17, XXXX-01-31
            format!("{year}-Q[1-4X]"),                             // 2025-Q3
            format!("{year}-H[12X]"),                              // 2025-H1
            format!("{year}-(?:SP|SU|FA|WI)"),                     // 2024-SU
            format!("{year}-W(?:\\d{{2}}|XX)(?:-(?:WE|[1-7X]))?"), // 2026-W03, 2026-W03-WE, XXXX-WXX-5
            r"\d{3}|\d{2}".to_string(),                            // decade 202, century 20
        ];
        let calendar = format!("(?:{})", calendar.join("|"));
        let reference = "(?:PRESENT_REF|PAST_REF|FUTURE_REF)";
        let time = r"T(?:\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)";
        let number = r"(?:\d+(?:\.\d+)?|X)";
        let duration = format!("P(?:(?:{number}[YMWDNECL])+(?:T(?:{number}[HMS])+)?|T(?:{number}[HMS])+)");
        let whole = |pattern: String| Regex::new(&format!("^(?:{pattern})$")).expect("valid TIMEX3 value pattern");
        [
            whole(format!("{calendar}|{reference}")),
            whole(format!("(?:{calendar})?{time}|{reference}")),
            whole(duration.clone()),
            whole(format!("{calendar}(?:{time})?|{time}|{duration}")),
        ]
    });
    &patterns[match t {
        TimexType::Date => 0,
        TimexType::Time => 1,
        TimexType::Duration => 2,
        TimexType::Set => 3,
    }]
}

/// A format type's JSON field names, in order, as serde reads them (renames
/// included), so the checker's key lists are the format's own: serde's
/// derived `Deserialize` hands them to `deserialize_struct`, where this
/// deserializer keeps them and stops.
fn fields<T: DeserializeOwned>() -> &'static [&'static str] {
    struct FieldNames<'a>(&'a mut &'static [&'static str]);

    impl<'de> serde::Deserializer<'de> for FieldNames<'_> {
        type Error = serde::de::value::Error;

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(serde::de::Error::custom("field names only"))
        }

        fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not a struct"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

/// The top-level keys of a JSON object in the order the file has them (the
/// first place of a repeated key), for reporting unknown keys in file order.
fn key_order(json: &[u8]) -> Vec<String> {
    struct Keys(Vec<String>);

    impl<'de> Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Keys, D::Error> {
            struct KeysVisitor;
            impl<'de> Visitor<'de> for KeysVisitor {
                type Value = Keys;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                    let mut keys: Vec<String> = Vec::new();
                    while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                        if !keys.contains(&key) {
                            keys.push(key);
                        }
                    }
                    Ok(Keys(keys))
                }
            }
            deserializer.deserialize_map(KeysVisitor)
        }
    }

    serde_json::from_slice::<Keys>(json).map(|k| k.0).unwrap_or_default()
}

/// Python's `str()` of a JSON value: a string as itself, anything else as [`py_repr`].
fn py_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr()` of a JSON value as `json.load` reads it (objects in key order).
fn py_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) if n.is_f64() => py_float(n.as_f64().unwrap_or_default()),
        Value::Number(n) => n.to_string(),
        Value::String(s) => py_str_repr(s),
        Value::Array(items) => format!("[{}]", items.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(map) => {
            format!("{{{}}}", map.iter().map(|(k, v)| format!("{}: {}", py_str_repr(k), py_repr(v))).collect::<Vec<_>>().join(", "))
        }
    }
}

/// Python's `repr()` of a float: the shortest digits that read back, in
/// exponent form below 1e-4 and from 1e16.
fn py_float(x: f64) -> String {
    if x == 0.0 || (1e-4..1e16).contains(&x.abs()) {
        let s = x.to_string();
        if s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    } else {
        let s = format!("{x:e}");
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        let (sign, digits) = exponent.strip_prefix('-').map_or(("+", exponent), |d| ("-", d));
        format!("{mantissa}e{sign}{digits:0>2}")
    }
}

/// Python's `repr()` of a string: single quotes unless it holds a single
/// quote and no double one; backslash escapes for the quote, backslashes,
/// controls and the characters Python does not print.
fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if py_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable` for one character: not a control, format,
/// separator (other than the space) or private-use character. Unassigned
/// code points, which Python does not print either, are not told apart.
fn py_printable(c: char) -> bool {
    let u = c as u32;
    let not_printed: &[(u32, u32)] = &[
        (0x00, 0x1f),
        (0x7f, 0xa0),
        (0xad, 0xad),
        (0x600, 0x605),
        (0x61c, 0x61c),
        (0x6dd, 0x6dd),
        (0x70f, 0x70f),
        (0x890, 0x891),
        (0x8e2, 0x8e2),
        (0x1680, 0x1680),
        (0x180e, 0x180e),
        (0x2000, 0x200f),
        (0x2028, 0x202f),
        (0x205f, 0x206f),
        (0x3000, 0x3000),
        (0xd800, 0xf8ff),
        (0xfeff, 0xfeff),
        (0xfff9, 0xfffb),
        (0x110bd, 0x110bd),
        (0x110cd, 0x110cd),
        (0x13430, 0x1343f),
        (0x1bca0, 0x1bca3),
        (0x1d173, 0x1d17a),
        (0xe0001, 0xe0001),
        (0xe0020, 0xe007f),
        (0xf0000, 0x10ffff),
    ];
    !not_printed.iter().any(|&(lo, hi)| (lo..=hi).contains(&u))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_lists_are_the_formats_own() {
        assert_eq!(fields::<DocRecords>(), ["doc", "dct", "mentions", "dates", "persons", "roles", "events"]);
        assert_eq!(fields::<DateRecord>(), ["start", "end", "text", "type", "value", "mod"]);
        assert_eq!(fields::<Event>(), ["type", "work", "season", "person", "date", "location", "status", "evidence"]);
    }

    #[test]
    fn values_are_written_as_python_writes_them() {
        let v: Value = serde_json::from_str(
            r#"[null, true, 12, -3, 1.5, 12.0, 1e20, 0.00001, "it's", "say \"hi\"", "a'b\"c", "tab\tnbsp\u00a0", {"b": [], "a": "x"}]"#,
        )
        .unwrap();
        assert_eq!(
            py_repr(&v),
            r#"[None, True, 12, -3, 1.5, 12.0, 1e+20, 1e-05, "it's", 'say "hi"', 'a\'b"c', 'tab\tnbsp\xa0', {'a': 'x', 'b': []}]"#
        );
        assert_eq!(py_str_repr("Park Ji-hu — “Lomon” 한 \u{200b}"), "'Park Ji-hu — “Lomon” 한 \\u200b'");
        assert_eq!(py_str(&Value::from("5")), "5");
    }
}
