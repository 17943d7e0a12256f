//! Training is deterministic, the model file round-trips, and one model
//! tags from many threads at once.

use scoop_ner::{parse_conll, train, Document, Model, TrainOptions};

/// A small invented corpus: enough for every stage to learn something.
fn corpus() -> Vec<Document> {
    let mut text = String::new();
    let people = ["Kim Min-su", "Park Ji-hu", "Lee Soo-jin", "Choi Woo-sik", "Han Ga-in", "Yoon Ga-i"];
    let places = ["Seoul", "Busan", "Incheon", "Jeju"];
    for (i, person) in people.iter().enumerate() {
        text.push_str("-DOCSTART- O\n\n");
        for (j, w) in person.split(' ').enumerate() {
            text.push_str(&format!("{w} {}\n", if j == 0 { "B-PER" } else { "I-PER" }));
        }
        text.push_str(&format!("visited O\n{} B-LOC\nwith O\nNetflix B-ORG\n. O\n\n", places[i % places.len()]));
        text.push_str(&format!(
            "The O\nshow O\nSweet B-WORK\nHome I-WORK\nstars O\n{} B-PER\n. O\n\n",
            person.split(' ').next().unwrap_or("")
        ));
    }
    parse_conll(&text).unwrap()
}

fn options() -> TrainOptions {
    TrainOptions { epochs: 3, context_epochs: 3, folds: 3, ..TrainOptions::default() }
}

#[test]
fn same_inputs_give_byte_identical_models() {
    let docs = corpus();
    let a = train(&docs, None, &options(), &mut |_| {});
    let b = train(&docs, Some(&docs[..2]), &options(), &mut |_| {});
    assert_eq!(a.to_bytes(), b.to_bytes());
}

#[test]
fn save_load_round_trip() {
    let docs = corpus();
    let model = train(&docs, None, &options(), &mut |_| {});
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ner.bin");
    model.save(&path).unwrap();
    let loaded = Model::load(&path).unwrap();
    assert_eq!(loaded.to_bytes(), model.to_bytes());
    let sentence = vec![vec!["Park", "Ji-hu", "visited", "Busan", "."]];
    let tags: Vec<&str> = loaded.tag_document(&sentence)[0].iter().map(|t| t.as_str()).collect();
    assert_eq!(tags, ["B-PER", "I-PER", "O", "B-LOC", "O"]);
    std::fs::write(&path, b"garbage").unwrap();
    assert!(Model::load(&path).is_err());
}

#[test]
fn tags_from_many_threads() {
    let docs = corpus();
    let model = train(&docs, None, &options(), &mut |_| {});
    let sentences = vec![vec!["Han", "Ga-in", "visited", "Seoul", "with", "Netflix", "."]];
    let expected = model.tag_document(&sentences);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..8).map(|_| s.spawn(|| (0..50).map(|_| model.tag_document(&sentences)).collect::<Vec<_>>())).collect();
        for h in handles {
            assert!(h.join().unwrap().iter().all(|t| *t == expected));
        }
    });
}
