//! The shipped NER model on domain sentences written for this test (not
//! from the gold): romanised Korean names, stage names and titles of works.

use scoop::input::RawDoc;
use scoop::ner::{EntityRecognizer, ModelRecognizer};
use scoop::pipeline::Pipeline;

fn mentions(text: &str) -> Vec<(String, String)> {
    let ner = ModelRecognizer::shipped().expect("models/ner.bin loads");
    let pipeline = Pipeline::new(Box::new(ner), None);
    let doc = pipeline.analyze(RawDoc { id: "t.txt".into(), source: "t.txt".into(), text: text.into(), date: None });
    doc.mentions.iter().map(|m| (doc.slice(m.span).to_string(), m.label.to_string())).collect()
}

fn has(found: &[(String, String)], text: &str, label: &str) -> bool {
    found.iter().any(|(t, l)| t == text && l == label)
}

#[test]
fn names_characters_and_titles() {
    let found = mentions(
        "Park Ji-hu (Nam On-jo) and Lomon return for season 2 of the Netflix series \"All of Us Are Dead\", \
         director Lee Jae-kyoo said in Seoul on Monday.",
    );
    for (text, label) in [
        ("Park Ji-hu", "PER"),
        ("Nam On-jo", "PER"),
        ("Lomon", "PER"),
        ("All of Us Are Dead", "WORK"),
        ("Lee Jae-kyoo", "PER"),
        ("Netflix", "ORG"),
    ] {
        assert!(has(&found, text, label), "{text} as {label} not in {found:?}");
    }
}

#[test]
fn sequel_titles_keep_their_number() {
    let found = mentions("Yoon Ga-i has joined the cast of \"Weak Hero Class 2\", which premieres on Netflix in April.");
    assert!(has(&found, "Yoon Ga-i", "PER"), "{found:?}");
    assert!(has(&found, "Weak Hero Class 2", "WORK"), "{found:?}");
}

#[test]
fn recognizer_is_shared_across_threads() {
    fn assert_sync<T: Send + Sync>() {}
    assert_sync::<ModelRecognizer>();
    let _: &dyn EntityRecognizer = &ModelRecognizer::shipped().expect("models/ner.bin loads");
}
