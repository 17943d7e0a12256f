//! The tokeniser, NER and persons stages read their cue lists from the
//! resource files: a cue added in an override folder changes the output,
//! and a malformed file is an error naming its file and line.

use scoop::document::Doc;
use scoop::input::RawDoc;
use scoop::ner::{Refiner, RuleRecognizer};
use scoop::pipeline::Pipeline;
use std::path::Path;

/// An override folder holding `path` as the embedded default plus `added` lines.
fn override_with(dir: &Path, path: &str, added: &str) {
    let defaults = scoop::resources::load(None).unwrap();
    let target = dir.join(path);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(target, format!("{}{added}", defaults.text(path).unwrap())).unwrap();
}

fn analyse(resources: Option<&Path>, text: &str) -> Doc {
    let resources = scoop::resources::load(resources).unwrap();
    let ner = RuleRecognizer::with_resources(&resources).unwrap();
    let pipeline = Pipeline::with_resources(Box::new(ner), &resources, None, None).unwrap();
    pipeline.analyze(RawDoc { id: "a.txt".into(), source: "a.txt".into(), text: text.into(), date: None })
}

fn mentions(doc: &Doc) -> Vec<String> {
    doc.mentions.iter().map(|m| format!("{}/{}", doc.slice(m.span), m.label.as_str())).collect()
}

fn sentences(doc: &Doc) -> Vec<&str> {
    doc.sentences.iter().map(|s| doc.slice(s.span)).collect()
}

#[test]
fn an_added_organisation_is_labelled_so() {
    let text = "Studio Flow signed Kim Ji-won.";
    let plain = analyse(None, text);
    assert_eq!(mentions(&plain), ["Studio Flow/PER", "Kim Ji-won/PER"]);
    let dir = tempfile::tempdir().unwrap();
    override_with(dir.path(), "ner/organisations.txt", "Studio Flow\n");
    let extended = analyse(Some(dir.path()), text);
    assert_eq!(mentions(&extended), ["Studio Flow/ORG", "Kim Ji-won/PER"]);
    assert_eq!(extended.persons.len(), 1);
}

#[test]
fn an_added_abbreviation_keeps_its_period_and_the_sentence() {
    let text = "It aired ca. 2019 in Seoul.";
    assert_eq!(sentences(&analyse(None, text)), ["It aired ca.", "2019 in Seoul."]);
    let dir = tempfile::tempdir().unwrap();
    override_with(dir.path(), "tokenize/abbreviations.txt", "ca\n");
    assert_eq!(sentences(&analyse(Some(dir.path()), text)), [text]);
}

#[test]
fn a_malformed_file_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ner/title-breaks.txt");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "# match: word\n# case: sensitive\nSeason\nVol. 2\n").unwrap();
    let resources = scoop::resources::load(Some(dir.path())).unwrap();
    let error = Pipeline::with_resources(Box::new(RuleRecognizer::new()), &resources, None, None).err().expect("an error");
    assert!(error.to_string().starts_with(&format!("{}:4: `Vol. 2` cannot match", path.display())), "{error}");
    // The refinements of every engine read it, not the rule engine.
    assert!(RuleRecognizer::with_resources(&resources).is_ok());
    let error = Refiner::with_resources(&resources).expect_err("an error");
    assert_eq!((error.file, error.line), (path.display().to_string(), Some(4)));
}
