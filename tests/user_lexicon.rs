//! `scoop extract --lexicon FILE`: the user's names win over the engine's
//! mentions they overlap, match whole tokens only, and a bad line stops the
//! run naming its file and line.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const ARTICLE: &str = "date 2025-03-01\nDana Reyes will stream on Netflix. Han Seo-yun leads Dana Reyes, which Studio Maru made.\n";

/// `mentions.csv` rows after the header, run with `extra` arguments.
fn mentions(dir: &Path, extra: &[&str]) -> Vec<String> {
    let input = dir.join("article.txt");
    fs::write(&input, ARTICLE).unwrap();
    let out = dir.join(format!("out{}", extra.len()));
    let mut scoop = Command::cargo_bin("scoop").unwrap();
    scoop.arg("extract").arg(&input).arg("-o").arg(&out).args(["--format", "csv", "--quiet"]).args(extra).assert().success();
    fs::read_to_string(out.join("mentions.csv")).unwrap().lines().skip(1).map(|l| l.replace("article.txt,", "")).collect()
}

#[test]
fn lexicon_names_override_the_engine_on_whole_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let before = mentions(dir.path(), &[]);
    // What the lexicon must change is not already so: the engine reads
    // the show's title as a person.
    assert!(!before.contains(&"16,26,Dana Reyes,WORK".to_string()), "{before:?}");

    let lexicon = dir.path().join("mine.tsv");
    // `Dan` lies inside a word and must not match; `Maru` is inside the longer entry's match.
    fs::write(&lexicon, "# shows and companies I study\nDana Reyes\tWORK\tReyes\nStudio Maru\tORG\nMaru\tPER\nDan\tMISC\n").unwrap();
    let after = mentions(dir.path(), &["--lexicon", lexicon.to_str().unwrap()]);
    let expected =
        ["16,26,Dana Reyes,WORK", "42,49,Netflix,ORG", "51,62,Han Seo-yun,PER", "69,79,Dana Reyes,WORK", "87,98,Studio Maru,ORG"];
    assert_eq!(after, expected);
}

#[test]
fn a_bad_lexicon_line_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("article.txt");
    fs::write(&input, ARTICLE).unwrap();
    let lexicon = dir.path().join("mine.tsv");
    for (content, message) in [
        ("Studio Maru\tORG\nThe Glass Orchard\tSHOW\n", ":2: unknown label `SHOW`"),
        ("# header\nStudio Maru\n", ":2: `Studio Maru`: expected TEXT<tab>LABEL"),
        ("Studio Maru\tORG\n\nMaru\tPER\tStudio Maru\n", ":3: `Studio Maru` is PER here and ORG at"),
    ] {
        fs::write(&lexicon, content).unwrap();
        let mut scoop = Command::cargo_bin("scoop").unwrap();
        let run = scoop.arg("extract").arg(&input).arg("-o").arg(dir.path().join("out")).arg("--lexicon").arg(&lexicon).assert().code(2);
        let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
        assert!(stderr.contains(&format!("{}{message}", lexicon.display())), "{stderr}");
        assert!(!dir.path().join("out").exists(), "nothing is written with a bad lexicon");
    }
}
