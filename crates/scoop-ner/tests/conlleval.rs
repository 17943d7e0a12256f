//! conlleval counting on a hand-made file: IOB1 gold, IOB2 guesses.
//! Expected figures worked out by hand with conlleval.pl's chunk rules.

use scoop_ner::conlleval::{percent, Counts};

const FILE: &str = "\
John NNP I-PER B-PER
Smith NNP I-PER I-PER
met VBD O O
Mary NNP I-PER B-PER
Jones NNP B-PER I-PER
in IN O O
New NNP I-LOC B-LOC
York NNP I-LOC B-LOC
. . O O

EU NNP I-ORG B-MISC
rejects VBZ O O
German JJ I-MISC B-MISC
call NN O I-MISC
";

#[test]
fn mixed_iob1_and_iob2_counts_as_conlleval() {
    let counts = Counts::from_conlleval_text(FILE).unwrap();
    // Gold: John Smith, Mary, Jones (PER); New York; EU; German.
    // Guessed: John Smith, Mary Jones (PER); New, York (LOC); EU, German call (MISC).
    let per = counts.per_type();
    let chunks = |t: &str| (per[t].tp, per[t].gold(), per[t].system());
    assert_eq!(chunks("PER"), (1, 3, 2));
    assert_eq!(chunks("LOC"), (0, 1, 2));
    assert_eq!(chunks("ORG"), (0, 1, 0));
    assert_eq!(chunks("MISC"), (0, 1, 2));
    let o = counts.overall();
    assert_eq!((o.tp, o.gold(), o.system()), (1, 6, 6));
    assert!((percent(&per["PER"]).f1 - 40.0).abs() < 1e-9);
    assert!((percent(&o).f1 - 100.0 / 6.0).abs() < 1e-9);
    // conlleval compares the raw tags, so I-PER ≠ B-PER: 5 of 13 tokens agree.
    assert_eq!((counts.correct_tags, counts.tokens), (5, 13));
    assert!(counts.to_text().starts_with("processed 13 tokens with 6 phrases; found: 6 phrases; correct: 1."));
    let json = counts.to_json();
    assert!(json.contains("\"overall\": {\"precision\": 16.67, \"recall\": 16.67, \"f1\": 16.67"), "{json}");
    assert!(json.contains("\"PER\": {\"precision\": 50.00, \"recall\": 33.33, \"f1\": 40.00"), "{json}");
}

#[test]
fn iob1_gold_equals_its_iob2_form() {
    // Each line: the IOB1 gold, then the same entities in IOB2: a perfect score.
    let file = "a X I-PER B-PER\nb X I-PER I-PER\nc X B-PER B-PER\nd X O O\ne X I-LOC B-LOC\n";
    let o = Counts::from_conlleval_text(file).unwrap().overall();
    assert_eq!((o.tp, o.gold(), o.system(), percent(&o).f1), (3, 3, 3, 100.0));
}
