//! The `scoop extract` contract, end to end through the binary: bad input
//! never stops a batch, exit codes, byte-identical output across thread
//! counts, and code-point offsets.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

const GOOD: &str =
    "date 2026-01-10 Park Ji-hu (Nam On-jo) returns for All of Us Are Dead season 2. Filming wraps in mid-February 2026, Netflix said.";

fn scoop() -> Command {
    Command::cargo_bin("scoop").unwrap()
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let mut rows = vec![reader.headers().unwrap().iter().map(str::to_string).collect()];
    rows.extend(reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()));
    rows
}

/// documents.csv rows as (doc_id, status, error).
fn document_statuses(out: &Path) -> Vec<(String, String, String)> {
    read_csv(&out.join("documents.csv")).into_iter().skip(1).map(|r| (r[0].clone(), r[2].clone(), r[3].clone())).collect()
}

struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let case = Case { dir: tempfile::tempdir().unwrap() };
        fs::create_dir(case.input()).unwrap();
        fs::write(case.input().join("a-good.txt"), GOOD).unwrap();
        fs::write(case.input().join("z-good.txt"), GOOD.replace("Park Ji-hu", "Cho Yi-hyun")).unwrap();
        case
    }
    fn input(&self) -> PathBuf {
        self.dir.path().join("in")
    }
    fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }
    /// Runs extract on the input folder; asserts the exit code; returns stderr.
    fn run(&self, extra: &[&str], code: i32) -> String {
        let output = scoop().arg("extract").arg(self.input()).args(extra).arg("-o").arg(self.out()).arg("--quiet").output().unwrap();
        assert_eq!(output.status.code(), Some(code), "stderr: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stderr).unwrap()
    }
    /// The good documents still produced their records.
    fn assert_good_docs_written(&self) {
        for name in ["a-good", "z-good"] {
            let json: serde_json::Value =
                serde_json::from_slice(&fs::read(self.out().join("json").join(format!("{name}.json"))).unwrap()).unwrap();
            assert!(!json["mentions"].as_array().unwrap().is_empty(), "{name} has mentions");
            assert!(!json["roles"].as_array().unwrap().is_empty(), "{name} has roles");
        }
    }
    /// One failed row for `bad`, naming the reason; stderr names the file.
    fn assert_failed(&self, stderr: &str, bad: &str, reason: &str) {
        let statuses = document_statuses(&self.out());
        let failed: Vec<_> = statuses.iter().filter(|s| s.1 == "failed").collect();
        assert_eq!(failed.len(), 1, "{statuses:?}");
        assert_eq!(failed[0].0, bad);
        assert!(failed[0].2.contains(reason), "error {:?} lacks {reason:?}", failed[0].2);
        assert_eq!(statuses.iter().filter(|s| s.1 == "ok").count(), 2);
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(bad)).collect();
        assert_eq!(lines.len(), 1, "one stderr line names {bad}: {stderr}");
        assert!(lines[0].contains(reason), "{}", lines[0]);
        self.assert_good_docs_written();
    }
}

#[test]
fn non_utf8_file_is_reported_with_its_line() {
    let case = Case::new();
    fs::write(case.input().join("m-latin1.txt"), b"First line\nS\xe3o Paulo premiere\n").unwrap();
    let stderr = case.run(&[], 1);
    case.assert_failed(&stderr, "m-latin1.txt", "not valid UTF-8 at line 2");
}

#[test]
fn empty_file_is_reported() {
    let case = Case::new();
    fs::write(case.input().join("m-empty.txt"), "").unwrap();
    let stderr = case.run(&[], 1);
    case.assert_failed(&stderr, "m-empty.txt", "empty document");
}

#[test]
fn binary_file_is_reported() {
    let case = Case::new();
    fs::write(case.input().join("m-image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let stderr = case.run(&[], 1);
    case.assert_failed(&stderr, "m-image.txt", "binary file");
}

#[test]
fn huge_single_line_file_is_rejected_by_the_size_limit() {
    let case = Case::new();
    let line = "word ".repeat(10 * 1024 * 1024);
    fs::write(case.input().join("m-huge.txt"), &line).unwrap();
    assert_eq!(line.len(), 50 * 1024 * 1024);
    let stderr = case.run(&[], 1);
    case.assert_failed(&stderr, "m-huge.txt", "over the per-document limit of 10485760 bytes");
}

#[test]
fn the_largest_size_limit_means_no_limit() {
    let case = Case::new();
    case.run(&["--max-doc-bytes", &u64::MAX.to_string()], 0);
    case.assert_good_docs_written();
}

#[test]
fn unreadable_path_is_reported() {
    let case = Case::new();
    let missing = case.dir.path().join("nowhere.txt");
    let output = scoop().arg("extract").arg(case.input()).arg(&missing).arg("-o").arg(case.out()).arg("-q").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    case.assert_failed(&stderr, "nowhere.txt", "cannot read");
}

#[test]
fn malformed_jsonl_row_is_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("batch.jsonl");
    let good = serde_json::json!({"id": "one", "text": GOOD}).to_string();
    let good_dated = serde_json::json!({"id": "three", "text": "Lomon joined the cast.", "date": "2025-07"}).to_string();
    fs::write(&jsonl, format!("{good}\n{{\"id\": \"two\", \"text\": \n{good_dated}\n")).unwrap();
    let out = dir.path().join("out");
    let output = scoop().arg("extract").arg(&jsonl).arg("-o").arg(&out).arg("-q").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.lines().any(|l| l.contains("batch.jsonl:2") && l.contains("malformed JSON Lines row")), "{stderr}");
    let statuses = document_statuses(&out);
    assert_eq!(statuses.iter().map(|s| s.1.as_str()).collect::<Vec<_>>(), ["ok", "failed", "ok"]);
    let three: serde_json::Value = serde_json::from_slice(&fs::read(out.join("json/three.json")).unwrap()).unwrap();
    assert_eq!(three["dct"], "2025-07");
}

#[test]
fn exit_codes_tell_all_good_from_some_failed_from_nothing_ran() {
    let case = Case::new();
    case.run(&[], 0);
    fs::write(case.input().join("m-empty.txt"), " \n").unwrap();
    case.run(&[], 1);
    let dir = tempfile::tempdir().unwrap();
    let output =
        scoop().arg("extract").arg(dir.path().join("missing.txt")).arg("-o").arg(dir.path().join("out")).arg("-q").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = scoop().args(["extract", "x.txt", "-o", "out", "--format", "xml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn stdin_jsonl_to_stdout() {
    let row = serde_json::json!({"id": "s1", "text": GOOD}).to_string();
    let output = scoop().args(["extract", "-", "--format", "jsonl", "-o", "-", "-q"]).write_stdin(format!("{row}\n")).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let line = String::from_utf8(output.stdout).unwrap();
    let doc: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(doc["doc"], "s1");
    assert_eq!(doc["dct"], "2026-01-10");
}

/// The shared articles and the bundled samples, or `None` (skip) without the shared data.
#[track_caller]
fn shared_and_sample_corpus() -> Option<[PathBuf; 3]> {
    let shared = |split: &str| scoop_gold::shared::or_skip(&format!("corpus/{split}"));
    Some([shared("dev")?, shared("seeds")?, Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")])
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(all_files(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn output_is_identical_with_one_and_two_threads() {
    let Some(corpus) = shared_and_sample_corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    for threads in ["1", "2"] {
        let status = scoop()
            .arg("extract")
            .args(&corpus)
            .args(["--format", "json,csv,jsonl", "--threads", threads, "-q", "-o"])
            .arg(dir.path().join(threads))
            .output()
            .unwrap();
        assert_eq!(status.status.code(), Some(0));
    }
    let one = all_files(&dir.path().join("1"));
    let two = all_files(&dir.path().join("2"));
    assert_eq!(one.len(), two.len());
    assert!(one.len() >= 54 + 7, "every document has its JSON file and every table is written");
    for (a, b) in one.iter().zip(&two) {
        assert_eq!(a.strip_prefix(dir.path().join("1")).unwrap(), b.strip_prefix(dir.path().join("2")).unwrap());
        assert!(fs::read(a).unwrap() == fs::read(b).unwrap(), "{} differs between 1 and 2 threads", a.display());
    }
}

/// Every span in the output, sliced from the file as read in code points
/// (Python's `text[start:end]`), gives back the record's text.
#[test]
fn every_span_slices_back_to_its_text() {
    let Some(corpus) = shared_and_sample_corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    scoop().arg("extract").args(&corpus).args(["-q", "--format", "jsonl", "-o"]).arg(dir.path()).assert().success();
    let mut texts = std::collections::HashMap::new();
    for folder in &corpus {
        for path in all_files(folder).into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            texts.insert(path.file_name().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&path).unwrap());
        }
    }
    let mut spans = 0;
    for line in fs::read_to_string(dir.path().join("documents.jsonl")).unwrap().lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let chars: Vec<char> = texts[doc["doc"].as_str().unwrap()].chars().collect();
        for record in doc["mentions"].as_array().unwrap().iter().chain(doc["dates"].as_array().unwrap()) {
            let (start, end) = (record["start"].as_u64().unwrap() as usize, record["end"].as_u64().unwrap() as usize);
            let sliced: String = chars[start..end].iter().collect();
            assert_eq!(sliced, record["text"].as_str().unwrap(), "{} {start}..{end}", doc["doc"]);
            spans += 1;
        }
        for event in doc["events"].as_array().unwrap() {
            let (start, end) = (event["evidence"]["start"].as_u64().unwrap() as usize, event["evidence"]["end"].as_u64().unwrap() as usize);
            assert!(start < end && end <= chars.len() && !chars[start].is_whitespace() && !chars[end - 1].is_whitespace());
        }
    }
    assert!(spans > 1000, "checked {spans} spans");
}

/// Finished outputs are ordinary files (temporary files are private).
#[cfg(unix)]
#[test]
fn outputs_are_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new();
    case.run(&["--format", "json,csv,jsonl"], 0);
    for file in all_files(&case.out()) {
        let mode = fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o644, 0o644, "{} has mode {mode:o}", file.display());
    }
}
