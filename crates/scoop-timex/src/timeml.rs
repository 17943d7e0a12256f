//! TimeML (TempEval-3 `.tml`) input and output, and TempEval-3's TIMEX3
//! measures.
//!
//! - [`parse`] reads a file's `<TEXT>` (tags stripped, entities unescaped),
//!   its DCT and its gold in-text TIMEX3 with byte offsets into that text;
//! - [`score`] computes the measures of the official TE3 scorer
//!   (`evaluate_entities.py` after the TimeML-Normalizer has aligned the ids);
//! - [`annotate`] writes a file back with the system's TIMEX3 in place of the
//!   gold ones, everything else byte-identical, so the official scorer reads it.

use crate::{Dct, Tagger, Timex};
use anyhow::{anyhow, bail, Context, Result};
use scoop_gold::score::{Accuracy, Prf, Rates};
use serde::Serialize;
use std::path::Path;

/// One TIMEX3 in the text of a `.tml` file (byte offsets into [`Tml::text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmlTimex {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset past its last character.
    pub end: usize,
    /// The `type` attribute (`DATE`, `TIME`, `DURATION`, `SET`).
    pub timex_type: String,
    /// The `value` attribute.
    pub value: String,
    /// The `mod` attribute, when present.
    pub modifier: Option<String>,
}

/// A parsed `.tml` file.
#[derive(Debug, Clone)]
pub struct Tml {
    /// `<TEXT>` content with tags stripped and entities unescaped.
    pub text: String,
    /// The creation time of the `<DCT>` TIMEX3, when it parses.
    pub dct: Option<Dct>,
    /// The gold in-text TIMEX3 (the DCT `t0` is outside `<TEXT>`).
    pub timexes: Vec<TmlTimex>,
}

/// A piece of the raw `<TEXT>` body.
enum Piece<'a> {
    /// Literal text or one entity: raw range and its unescaped form.
    Text { raw: (usize, usize), text: &'a str },
    /// A tag: raw range, element name, closing or not.
    Tag { raw: (usize, usize), name: &'a str, close: bool },
}

/// The raw byte range of the `<TEXT>` body.
fn text_body(src: &str) -> Result<(usize, usize)> {
    let open = src.find("<TEXT>").ok_or_else(|| anyhow!("no <TEXT>"))? + "<TEXT>".len();
    let close = src[open..].find("</TEXT>").ok_or_else(|| anyhow!("no </TEXT>"))? + open;
    Ok((open, close))
}

fn unescape_entity(e: &str) -> Option<&'static str> {
    Some(match e {
        "&lt;" => "<",
        "&gt;" => ">",
        "&amp;" => "&",
        "&quot;" => "\"",
        "&apos;" => "'",
        _ => return None,
    })
}

/// Splits `src[lo..hi]` into tags, entities and literal runs.
fn pieces(src: &str, lo: usize, hi: usize) -> Result<Vec<Piece<'_>>> {
    let mut out = Vec::new();
    let b = src.as_bytes();
    let mut i = lo;
    while i < hi {
        match b[i] {
            b'<' => {
                let end = src[i..hi].find('>').map(|k| i + k + 1).ok_or_else(|| anyhow!("unclosed tag at byte {i}"))?;
                let inner = &src[i + 1..end - 1];
                let close = inner.starts_with('/');
                let name = inner.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
                out.push(Piece::Tag { raw: (i, end), name, close });
                i = end;
            }
            b'&' => {
                let end = src[i..hi].find(';').map(|k| i + k + 1);
                match end.and_then(|e| Some((e, unescape_entity(&src[i..e])?))) {
                    Some((e, text)) => {
                        out.push(Piece::Text { raw: (i, e), text });
                        i = e;
                    }
                    None => bail!("unknown entity at byte {i}"),
                }
            }
            _ => {
                let end = src[i..hi].find(['<', '&']).map_or(hi, |k| i + k);
                out.push(Piece::Text { raw: (i, end), text: &src[i..end] });
                i = end;
            }
        }
    }
    Ok(out)
}

/// The value of `name="..."` in a tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(k) = rest.find(name) {
        let before_ok = rest[..k].ends_with(char::is_whitespace);
        let after = &rest[k + name.len()..];
        if let (true, Some(v)) = (before_ok, after.strip_prefix("=\"")) {
            return v.find('"').map(|e| &v[..e]);
        }
        rest = &rest[k + name.len()..];
    }
    None
}

/// The DCT: the `CREATION_TIME` TIMEX3 (`YYYY-MM-DD`, any time part dropped).
fn parse_dct(src: &str) -> Option<Dct> {
    let dct = &src[src.find("<DCT>")?..];
    let tag = &dct[dct.find("<TIMEX3")?..];
    let tag = &tag[..tag.find('>')?];
    Dct::parse(attr(tag, "value")?.get(..10)?)
}

/// Parses a `.tml` file.
pub fn parse(src: &str) -> Result<Tml> {
    let (lo, hi) = text_body(src)?;
    let mut text = String::with_capacity(hi - lo);
    let mut timexes = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for p in pieces(src, lo, hi)? {
        match p {
            Piece::Text { text: t, .. } => text.push_str(t),
            Piece::Tag { raw, name: "TIMEX3", close } => {
                let tag = &src[raw.0..raw.1];
                match (close, open.take()) {
                    (false, None) => open = Some((text.len(), tag)),
                    (true, Some((start, tag))) => timexes.push(TmlTimex {
                        start,
                        end: text.len(),
                        timex_type: attr(tag, "type").unwrap_or_default().to_string(),
                        value: attr(tag, "value").unwrap_or_default().to_string(),
                        modifier: attr(tag, "mod").map(str::to_string),
                    }),
                    _ => bail!("badly nested TIMEX3 at byte {}", raw.0),
                }
            }
            Piece::Tag { .. } => {}
        }
    }
    Ok(Tml { text, dct: parse_dct(src), timexes })
}

/// Raw counts behind a [`TimemlReport`]; they add up over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimemlCounts {
    /// Gold TIMEX3.
    pub gold: usize,
    /// System TIMEX3.
    pub system: usize,
    /// Aligned pairs with the same extent.
    pub strict: usize,
    /// Aligned (overlapping) pairs.
    pub relaxed: usize,
    /// Relaxed pairs of the same type.
    pub type_match: usize,
    /// Relaxed pairs of the same value.
    pub value_match: usize,
}

impl std::ops::AddAssign for TimemlCounts {
    fn add_assign(&mut self, o: TimemlCounts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_match += o.type_match;
        self.value_match += o.value_match;
    }
}

/// TempEval-3's TIMEX3 measures (fractions between 0 and 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimemlReport {
    /// P/R/F1 of matches with the same extent.
    #[serde(serialize_with = "short_names")]
    pub strict: Rates,
    /// P/R/F1 of overlapping matches.
    #[serde(serialize_with = "short_names")]
    pub relaxed: Rates,
    /// Over relaxed matches.
    pub type_accuracy: f64,
    /// Over relaxed matches.
    pub value_accuracy: f64,
    /// Value accuracy × relaxed F1, as the official scorer's "Attribute F1"
    /// (equal to the F1 of matches with the right value).
    pub value_f1: f64,
    /// The counts the measures come from.
    #[serde(skip)]
    pub counts: TimemlCounts,
    /// How many files were scored.
    #[serde(skip)]
    pub documents: usize,
}

impl TimemlReport {
    /// The measures of summed counts over `documents` files.
    pub fn from_counts(c: TimemlCounts, documents: usize) -> TimemlReport {
        let acc = |n: usize| Accuracy { correct: n, total: c.relaxed }.accuracy();
        // As the official scorer computes them: F1 the harmonic mean of P and R.
        let measures = |matched: usize| Prf::from_matching(matched, c.gold, c.system).harmonic(1.0);
        let relaxed = measures(c.relaxed);
        TimemlReport {
            strict: measures(c.strict),
            relaxed,
            type_accuracy: acc(c.type_match),
            value_accuracy: acc(c.value_match),
            value_f1: acc(c.value_match) * relaxed.f1,
            counts: c,
            documents,
        }
    }

    /// The measures laid out like the official scorer's summary.
    pub fn to_text(&self) -> String {
        let c = &self.counts;
        let row = |name: &str, m: &Rates| format!("{name:<8} P {:.4}  R {:.4}  F1 {:.4}\n", m.precision, m.recall, m.f1);
        format!(
            "TIMEX3 over {} documents: {} gold, {} system\n{}{}type accuracy {:.4}  value accuracy {:.4}  value F1 {:.4}\n",
            self.documents,
            c.gold,
            c.system,
            row("strict", &self.strict),
            row("relaxed", &self.relaxed),
            self.type_accuracy,
            self.value_accuracy,
            self.value_f1
        )
    }
}

/// P, R and F1 under the official scorer's names `p`, `r`, `f1`.
fn short_names<S: serde::Serializer>(m: &Rates, serializer: S) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut s = serializer.serialize_struct("Rates", 3)?;
    s.serialize_field("p", &m.precision)?;
    s.serialize_field("r", &m.recall)?;
    s.serialize_field("f1", &m.f1)?;
    s.end()
}

/// Counts for one document. Gold and system TIMEX3 are aligned one-to-one
/// as the TimeML-Normalizer does before the scorer runs: a gold TIMEX3 takes
/// the system TIMEX3 with the same extent, else the first unaligned one that
/// overlaps it. Empty extents are not scored.
pub fn score(gold: &[TmlTimex], system: &[TmlTimex]) -> TimemlCounts {
    let gold: Vec<&TmlTimex> = gold.iter().filter(|t| t.end > t.start).collect();
    let system: Vec<&TmlTimex> = system.iter().filter(|t| t.end > t.start).collect();
    let mut used = vec![false; system.len()];
    let mut c = TimemlCounts { gold: gold.len(), system: system.len(), ..TimemlCounts::default() };
    for g in &gold {
        let exact = (0..system.len()).find(|&i| !used[i] && system[i].start == g.start && system[i].end == g.end);
        let any = || (0..system.len()).find(|&i| !used[i] && system[i].start < g.end && g.start < system[i].end);
        let Some(i) = exact.or_else(any) else {
            continue;
        };
        used[i] = true;
        let s = system[i];
        c.relaxed += 1;
        c.strict += usize::from(exact.is_some());
        c.type_match += usize::from(s.timex_type == g.timex_type);
        c.value_match += usize::from(s.value == g.value);
    }
    c
}

fn to_tml(t: &Timex) -> TmlTimex {
    TmlTimex {
        start: t.start,
        end: t.end,
        timex_type: t.timex_type.as_str().to_string(),
        value: t.value.clone(),
        modifier: t.modifier.map(str::to_string),
    }
}

/// Tags a parsed file's text with its DCT.
pub fn tag(tagger: &Tagger, tml: &Tml) -> Vec<TmlTimex> {
    tagger.tag_timeml(&tml.text, 0..tml.text.len(), tml.dct).iter().map(to_tml).collect()
}

/// `src` with the in-text TIMEX3 replaced by `timexes` (byte offsets into
/// the parsed text, sorted, non-overlapping), numbered `t1`, `t2`...
/// Everything else stays byte-identical, except that an EVENT or SIGNAL
/// element with a tag inside a new TIMEX3 loses its tags: the scorer only
/// reads TIMEX3 elements that contain no other tag.
pub fn annotate(src: &str, timexes: &[TmlTimex]) -> Result<String> {
    let (lo, hi) = text_body(src)?;
    let pieces = pieces(src, lo, hi)?;
    // Raw offset of each text byte's start and end.
    let (mut raw_start, mut raw_end) = (Vec::new(), Vec::new());
    for p in &pieces {
        if let Piece::Text { raw, text } = p {
            if raw.1 - raw.0 == text.len() {
                raw_start.extend(raw.0..raw.1);
                raw_end.extend(raw.0 + 1..=raw.1);
            } else {
                raw_start.resize(raw_start.len() + text.len(), raw.0);
                raw_end.resize(raw_end.len() + text.len(), raw.1);
            }
        }
    }
    // Raw insertion points: open tags before the first char, close tags after the last.
    let mut spans = Vec::with_capacity(timexes.len());
    let mut prev_end = 0;
    for t in timexes {
        if t.start >= t.end || t.end > raw_start.len() || t.start < prev_end {
            bail!("TIMEX3 {}..{} out of order or out of range", t.start, t.end);
        }
        spans.push((raw_start[t.start], raw_end[t.end - 1]));
        prev_end = t.end;
    }
    let inside = |pos: usize| spans.iter().any(|&(a, b)| a <= pos && pos < b);
    // Elements (by the index of their opening tag) to drop.
    let mut drop = vec![false; pieces.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if let Piece::Tag { raw, name, close } = p {
            if *name == "TIMEX3" {
                drop[i] = true;
            } else if src[..raw.1].ends_with("/>") {
                drop[i] = inside(raw.0);
            } else if !close {
                stack.push(i);
                drop[i] = inside(raw.0);
            } else if let Some(o) = stack.pop() {
                let d = drop[o] || inside(raw.0);
                drop[o] = d;
                drop[i] = d;
            }
        }
    }
    let mut out = String::with_capacity(src.len() + 80 * timexes.len());
    out.push_str(&src[..lo]);
    let mut next = spans.iter().zip(timexes).enumerate().peekable();
    let mut closing: Option<usize> = None;
    for (i, p) in pieces.iter().enumerate() {
        let (a, b) = match p {
            Piece::Text { raw, .. } | Piece::Tag { raw, .. } => *raw,
        };
        if drop[i] {
            continue;
        }
        if matches!(p, Piece::Tag { .. }) {
            out.push_str(&src[a..b]);
            continue;
        }
        // Text: emit byte by byte around the insertion points within it.
        let mut pos = a;
        loop {
            let open_at = next.peek().map(|(_, ((s, _), _))| *s).filter(|s| *s < b);
            let close_at = closing.filter(|e| *e <= b);
            let cut = match (open_at, close_at) {
                (Some(s), Some(e)) => s.min(e),
                (Some(s), None) => s,
                (None, Some(e)) => e,
                (None, None) => break,
            };
            out.push_str(&src[pos..cut]);
            pos = cut;
            if close_at == Some(cut) {
                out.push_str("</TIMEX3>");
                closing = None;
            } else if let Some((k, ((_, e), t))) = next.next() {
                out.push_str(&open_tag(k + 1, t));
                closing = Some(*e);
            }
        }
        out.push_str(&src[pos..b]);
    }
    if closing.is_some() || next.peek().is_some() {
        bail!("TIMEX3 insertion points not reached");
    }
    out.push_str(&src[hi..]);
    Ok(out)
}

fn open_tag(n: usize, t: &TmlTimex) -> String {
    let m = t.modifier.as_deref().map_or_else(String::new, |m| format!(" mod=\"{m}\""));
    format!("<TIMEX3 tid=\"t{n}\" type=\"{}\" value=\"{}\"{m}>", t.timex_type, t.value)
}

/// The `.tml` files of a directory, sorted by name.
fn tml_files(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no .tml files in {}", dir.display());
    }
    Ok(files)
}

/// Tags every `.tml` file of `dir` with its DCT and scores it against the
/// file's gold TIMEX3.
pub fn eval_timeml_dir(dir: &Path) -> Result<TimemlReport> {
    let tagger = Tagger::new();
    let files = tml_files(dir)?;
    let mut counts = TimemlCounts::default();
    for f in &files {
        let src = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let tml = parse(&src).with_context(|| format!("parsing {}", f.display()))?;
        counts += score(&tml.timexes, &tag(&tagger, &tml));
    }
    Ok(TimemlReport::from_counts(counts, files.len()))
}

/// Writes each `.tml` file of `in_dir` to `out_dir` (same name) with the
/// tagger's TIMEX3 instead of the gold ones. Returns the number of files.
pub fn annotate_timeml_dir(in_dir: &Path, out_dir: &Path) -> Result<usize> {
    let tagger = Tagger::new();
    let files = tml_files(in_dir)?;
    std::fs::create_dir_all(out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    for f in &files {
        let src = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let tml = parse(&src).with_context(|| format!("parsing {}", f.display()))?;
        let out = annotate(&src, &tag(&tagger, &tml)).with_context(|| format!("annotating {}", f.display()))?;
        let name = f.file_name().ok_or_else(|| anyhow!("no file name: {}", f.display()))?;
        let target = out_dir.join(name);
        // Write then rename, so a reader never sees a half-written file.
        let tmp = out_dir.join(format!(".{}.tmp", name.to_string_lossy()));
        std::fs::write(&tmp, out).with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &target).with_context(|| format!("renaming to {}", target.display()))?;
    }
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-13\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">02/13/1998</TIMEX3></DCT>\n<TEXT>\nSales <EVENT eid=\"e1\" class=\"OCCURRENCE\">rose</EVENT> &quot;sharply&quot; in <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1997-Q4\" mod=\"END\">the fourth quarter</TIMEX3> &amp; <SIGNAL sid=\"s1\">since</SIGNAL> <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998-02-12\">Thursday</TIMEX3>.\n</TEXT>\n<TLINK lid=\"l1\" relType=\"BEFORE\" timeID=\"t1\" relatedToTime=\"t0\"/>\n</TimeML>\n";

    fn tx(start: usize, end: usize, ty: &str, value: &str) -> TmlTimex {
        TmlTimex { start, end, timex_type: ty.to_string(), value: value.to_string(), modifier: None }
    }

    #[test]
    fn parses_text_dct_and_gold() {
        let t = parse(SRC).expect("parse");
        assert_eq!(t.text, "\nSales rose \"sharply\" in the fourth quarter & since Thursday.\n");
        assert_eq!(t.dct, Dct::parse("1998-02-13"));
        let spans: Vec<_> = t.timexes.iter().map(|x| &t.text[x.start..x.end]).collect();
        assert_eq!(spans, ["the fourth quarter", "Thursday"]);
        assert_eq!(t.timexes[0].value, "1997-Q4");
        assert_eq!(t.timexes[0].modifier.as_deref(), Some("END"));
    }

    #[test]
    fn annotate_round_trip() {
        let t = parse(SRC).expect("parse");
        let s = |w: &str| t.text.find(w).expect("word");
        // One TIMEX3 crossing the EVENT, one spanning the entity and SIGNAL.
        let rose = s("rose");
        let amp = s("&");
        let sys = vec![tx(s("Sales"), rose + 4, "DATE", "PAST_REF"), tx(amp, s("Thursday") + 8, "DATE", "1998-02-12")];
        let out = annotate(SRC, &sys).expect("annotate");
        let back = parse(&out).expect("reparse");
        assert_eq!(back.text, t.text);
        assert_eq!(back.dct, t.dct);
        assert_eq!(back.timexes, sys);
        assert!(out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"PAST_REF\">Sales rose</TIMEX3>"));
        assert!(out.contains("<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998-02-12\">&amp; since Thursday</TIMEX3>."));
        // Outside TEXT nothing changes.
        let (lo, hi) = text_body(SRC).expect("body");
        let (olo, ohi) = text_body(&out).expect("body");
        assert_eq!(&SRC[..lo], &out[..olo]);
        assert_eq!(&SRC[hi..], &out[ohi..]);
        // With no system TIMEX3 only the gold tags go.
        let bare = annotate(SRC, &[]).expect("annotate");
        assert!(bare.contains("<EVENT eid=\"e1\" class=\"OCCURRENCE\">rose</EVENT>"));
        assert!(!bare[lo..].contains("<TIMEX3"));
    }

    #[test]
    fn scorer_counts() {
        let gold = vec![
            tx(0, 10, "DATE", "1998-02-13"),
            tx(20, 30, "DURATION", "P1Y"),
            tx(40, 50, "DATE", "1998-Q1"),
            tx(60, 70, "TIME", "1998-02-13TEV"),
        ];
        let sys = vec![
            tx(0, 10, "DATE", "1998-02-13"),   // strict, right value
            tx(25, 35, "DATE", "P1Y"),         // relaxed, wrong type, right value
            tx(40, 50, "DATE", "1998-Q2"),     // strict, wrong value
            tx(80, 90, "DATE", "PRESENT_REF"), // false alarm
        ];
        let c = score(&gold, &sys);
        assert_eq!(c, TimemlCounts { gold: 4, system: 4, strict: 2, relaxed: 3, type_match: 2, value_match: 2 });
        let r = TimemlReport::from_counts(c, 1);
        assert!((r.strict.f1 - 0.5).abs() < 1e-9);
        assert!((r.relaxed.precision - 0.75).abs() < 1e-9);
        assert!((r.value_accuracy - 2.0 / 3.0).abs() < 1e-9);
        assert!((r.value_f1 - 0.5).abs() < 1e-9);
        let json = serde_json::to_value(&r).expect("json");
        assert!(json["strict"]["f1"].is_number() && json["value_f1"].is_number());
        assert!(json.get("counts").is_none());
    }
}
