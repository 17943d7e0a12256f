//! `scoop gold check TEXT_DIR GOLD_DIR` through the binary: problems on
//! stdout one per line, a count on stderr, exit 0 / 1 / 2.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn gold_check(text_dir: &Path, gold_dir: &Path) -> std::process::Output {
    Command::cargo_bin("scoop").unwrap().args(["gold", "check"]).arg(text_dir).arg(gold_dir).output().unwrap()
}

#[test]
fn the_sample_gold_passes_and_a_broken_file_is_reported() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ok = gold_check(&root.join("corpus"), &root.join("tests/fixtures/gold"));
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stdout));
    assert!(ok.stdout.is_empty());
    assert_eq!(String::from_utf8_lossy(&ok.stderr), "checked 5 gold file(s): 0 problem(s)\n");

    let gold = tempfile::tempdir().unwrap();
    let name = "sample-01-aouad-s2-filming.json";
    let mut doc: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("tests/fixtures/gold").join(name)).unwrap()).unwrap();
    doc["mentions"][0]["label"] = "SHOW".into();
    fs::write(gold.path().join(name), doc.to_string()).unwrap();
    let broken = gold_check(&root.join("corpus"), gold.path());
    assert_eq!(broken.status.code(), Some(1));
    let text = doc["mentions"][0]["text"].as_str().unwrap();
    let start = &doc["mentions"][0]["start"];
    assert_eq!(String::from_utf8_lossy(&broken.stdout), format!("{name}: mentions[0] '{text}'@{start}: bad label 'SHOW'\n"));
    assert_eq!(String::from_utf8_lossy(&broken.stderr), "checked 1 gold file(s): 1 problem(s)\n");
}

#[test]
fn usage_errors_exit_2() {
    let empty = tempfile::tempdir().unwrap();
    let no_gold = gold_check(empty.path(), empty.path());
    assert_eq!(no_gold.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_gold.stderr).contains("no .json gold files"));
    let missing = Command::cargo_bin("scoop").unwrap().args(["gold", "check", "corpus"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
