//! `scoop extract --resources DIR`: a researcher's edited cue list (of the
//! events or the dates stage) changes the output, and a malformed one stops
//! the run with its file and line.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const ARTICLE: &str = "date 2025-03-01\nNetflix has re-upped the variety show for another run.\n";

fn scoop() -> Command {
    Command::cargo_bin("scoop").unwrap()
}

/// The events of `ARTICLE`, as `events.csv` rows, with `extra` arguments.
fn events(dir: &Path, extra: &[&str]) -> String {
    let input = dir.join("article.txt");
    fs::write(&input, ARTICLE).unwrap();
    let out = dir.join(format!("out{}", extra.len()));
    scoop().arg("extract").arg(&input).arg("-o").arg(&out).args(["--format", "csv", "--quiet"]).args(extra).assert().success();
    fs::read_to_string(out.join("events.csv")).unwrap()
}

#[test]
fn an_added_cue_word_changes_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let resources = dir.path().join("resources");
    scoop().args(["resources", "export"]).arg(&resources).assert().success();
    let before = events(dir.path(), &[]);
    assert!(!before.contains(",renewal,"), "{before}");

    // Only the edited file is passed: every other list stays the embedded one.
    let mine = dir.path().join("mine");
    fs::create_dir_all(mine.join("events")).unwrap();
    let renewal = fs::read_to_string(resources.join("events/renewal.txt")).unwrap();
    fs::write(mine.join("events/renewal.txt"), format!("{renewal}re-upped\n")).unwrap();
    scoop().args(["resources", "check"]).arg(&mine).assert().success();
    let after = events(dir.path(), &["--resources", mine.to_str().unwrap()]);
    let row = after.lines().find(|l| l.contains(",renewal,")).unwrap_or_else(|| panic!("no renewal in\n{after}"));
    assert!(row.contains(",confirmed,re-upped,"), "{row}");
    // Nothing else changed.
    let others = |csv: &str| csv.lines().filter(|l| !l.contains(",renewal,")).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(others(&before), others(&after));
}

#[test]
fn a_malformed_resource_file_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("article.txt");
    fs::write(&input, ARTICLE).unwrap();
    let broken = dir.path().join("broken");
    fs::create_dir_all(broken.join("roles")).unwrap();
    let cast_cues = broken.join("roles/cast-cues.txt");
    fs::write(&cast_cues, "# Words that make a sentence about the cast.\n# match: word\ncast\nlead role\n").unwrap();
    let run = scoop().arg("extract").arg(&input).arg("-o").arg(dir.path().join("out")).arg("--resources").arg(&broken).assert().code(2);
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains(&format!("{}:4: `lead role` cannot match", cast_cues.display())), "{stderr}");
    assert!(!dir.path().join("out/events.csv").exists(), "nothing is written with a broken resource file");

    fs::write(&cast_cues, "# match: word\ncast\ncast\n").unwrap();
    let run = scoop().args(["resources", "check"]).arg(&broken).assert().code(2);
    assert!(String::from_utf8_lossy(&run.get_output().stderr).contains("cast-cues.txt:3: `cast` is listed twice (first on line 2)"));

    fs::remove_file(&cast_cues).unwrap();
    fs::write(broken.join("roles/cast-cue.txt"), "# match: word\ncast\n").unwrap();
    let run = scoop().args(["resources", "check"]).arg(&broken).assert().code(2);
    assert!(String::from_utf8_lossy(&run.get_output().stderr).contains("cast-cue.txt: replaces no resource file"));
}

/// The `dates.csv` rows of `text` (DCT 2025-03-01), with `extra` arguments.
fn dates(dir: &Path, text: &str, extra: &[&str]) -> String {
    let input = dir.join("dated.txt");
    fs::write(&input, format!("date 2025-03-01\n{text}\n")).unwrap();
    let out = dir.join(format!("dates{}", extra.len()));
    scoop().arg("extract").arg(&input).arg("-o").arg(&out).args(["--format", "csv", "--quiet"]).args(extra).assert().success();
    fs::read_to_string(out.join("dates.csv")).unwrap()
}

#[test]
fn an_added_preposition_makes_a_bare_month_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The sequel will open toward June.";
    let before = dates(dir.path(), text, &[]);
    assert!(!before.contains(",June,"), "{before}");

    let mine = dir.path().join("mine");
    fs::create_dir_all(mine.join("dates")).unwrap();
    let defaults = scoop::resources::load(None).unwrap();
    let prepositions = defaults.text("dates/strong-prepositions.txt").unwrap();
    fs::write(mine.join("dates/strong-prepositions.txt"), format!("{prepositions}toward\n")).unwrap();
    scoop().args(["resources", "check"]).arg(&mine).assert().success();
    let after = dates(dir.path(), text, &["--resources", mine.to_str().unwrap()]);
    let row = after.lines().find(|l| l.contains(",June,")).unwrap_or_else(|| panic!("no June in\n{after}"));
    assert!(row.contains(",June,DATE,2025-06,,2025-06-01,2025-06-30"), "{row}");
    assert_eq!(after.lines().count(), before.lines().count() + 1, "{after}");
}

#[test]
fn a_malformed_dates_file_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("article.txt");
    fs::write(&input, ARTICLE).unwrap();
    let broken = dir.path().join("broken");
    fs::create_dir_all(broken.join("dates")).unwrap();
    let prepositions = broken.join("dates/strong-prepositions.txt");
    fs::write(&prepositions, "# Words before a bare month.\n# match: word\nin\nup to\n").unwrap();
    let run = scoop().arg("extract").arg(&input).arg("-o").arg(dir.path().join("out")).arg("--resources").arg(&broken).assert().code(2);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(stderr.contains(&format!("{}:4: `up to` cannot match", prepositions.display())), "{stderr}");

    // A holiday whose day the tagger cannot read is an error on its line too.
    fs::remove_file(&prepositions).unwrap();
    let holidays = broken.join("dates/holidays.txt");
    fs::write(&holidays, "# match: phrase\n# case: sensitive\nChristmas => 12-25\nBoxing Day => December 26\n").unwrap();
    let run = scoop().args(["resources", "check"]).arg(&broken).assert().code(2);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(stderr.contains(&format!("{}:4: `Boxing Day` has `December 26`", holidays.display())), "{stderr}");
}
