//! The gold checker on a hand-made document, broken by hand one way at a
//! time: each check reports its problem, as one `FILE: RECORD: message` line.

use scoop_gold::check::{check_dir, Checked};
use serde_json::{json, Value};

const TEXT: &str =
    "date 2026-01-10 Park Ji-hu (Nam On-jo) returns for All of Us Are Dead season 2. Filming wraps in mid-February 2026 in Seoul, Netflix said.\n";

/// The document's gold: valid, so any problem comes from the edit under test.
fn gold() -> Value {
    json!({
        "doc": "d.txt",
        "dct": "2026-01-10",
        "mentions": [
            {"start": 16, "end": 26, "text": "Park Ji-hu", "label": "PER"},
            {"start": 28, "end": 37, "text": "Nam On-jo", "label": "PER"},
            {"start": 51, "end": 69, "text": "All of Us Are Dead", "label": "WORK"},
            {"start": 118, "end": 123, "text": "Seoul", "label": "LOC"},
            {"start": 125, "end": 132, "text": "Netflix", "label": "ORG"}
        ],
        "dates": [{"start": 97, "end": 114, "text": "mid-February 2026", "type": "DATE", "value": "2026-02", "mod": "MID"}],
        "persons": [
            {"name": "Park Ji-hu", "aliases": ["Ji-hu"], "kind": "person"},
            {"name": "Nam On-jo", "aliases": [], "kind": "character"}
        ],
        "roles": [{"person": "Park Ji-hu", "role": "actor", "character": "Nam On-jo", "work": "All of Us Are Dead"}],
        "events": [
            {"type": "casting", "work": "All of Us Are Dead", "season": 2, "person": "Park Ji-hu", "date": null,
             "location": null, "status": "confirmed", "evidence": {"start": 16, "end": 79}},
            {"type": "filming_end", "work": "All of Us Are Dead", "season": 2, "person": null, "date": "2026-02",
             "location": null, "status": "expected", "evidence": {"start": 80, "end": 138}}
        ]
    })
}

/// Checks `d.json` (the gold, as `gold_file` writes it) against `text`.
fn check_raw(text: &str, gold_file: &str) -> Checked {
    let dir = tempfile::tempdir().unwrap();
    let (texts, golds) = (dir.path().join("corpus"), dir.path().join("gold"));
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::create_dir_all(&golds).unwrap();
    std::fs::write(texts.join("d.txt"), text).unwrap();
    std::fs::write(golds.join("d.json"), gold_file).unwrap();
    check_dir(&texts, &golds).unwrap()
}

/// The problem lines after `edit` changed the gold.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut g = gold();
    edit(&mut g);
    check_raw(TEXT, &g.to_string()).problems.iter().map(ToString::to_string).collect()
}

#[test]
fn valid_gold_has_no_problem() {
    let checked = check_raw(TEXT, &gold().to_string());
    assert_eq!((checked.files, checked.problems.len()), (1, 0), "{:?}", checked.problems);
}

#[test]
fn file_level_problems() {
    assert_eq!(check_raw(TEXT, "[1, 2]").problems[0].to_string(), "d.json: file: top level is not an object");
    let unreadable = check_raw(TEXT, "{\"doc\": ").problems;
    assert!(unreadable.len() == 1 && unreadable[0].to_string().starts_with("d.json: file: cannot read JSON: "), "{unreadable:?}");
    let mut keys = gold();
    keys.as_object_mut().unwrap().remove("roles");
    let raw = keys.to_string().replacen('{', "{\"zeta\": 1, \"alpha\": 2, ", 1);
    let lines: Vec<String> = check_raw(TEXT, &raw).problems.iter().map(ToString::to_string).collect();
    // Unknown keys in the file's order, not sorted.
    assert_eq!(lines, ["d.json: file: missing key 'roles'", "d.json: file: unknown key 'zeta'", "d.json: file: unknown key 'alpha'"]);
    assert_eq!(problems(|g| g["events"] = json!({})), ["d.json: file: 'events' is not a list"]);
    assert_eq!(problems(|g| g["doc"] = json!("other.txt")), ["d.json: doc: doc is 'other.txt', expected 'd.txt'"]);
}

#[test]
fn a_missing_text_stops_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.json"), gold().to_string()).unwrap();
    let checked = check_dir(dir.path(), dir.path()).unwrap();
    assert_eq!(checked.problems.len(), 1);
    let line = checked.problems[0].to_string();
    assert!(line.starts_with("d.json: file: cannot read text ") && line.contains("d.txt"), "{line}");
}

#[test]
fn folders_must_exist_and_hold_gold() {
    let dir = tempfile::tempdir().unwrap();
    let err = check_dir(dir.path(), dir.path()).unwrap_err().to_string();
    assert!(err.ends_with(": no .json gold files"), "{err}");
    let err = check_dir(&dir.path().join("nowhere"), dir.path()).unwrap_err().to_string();
    assert!(err.ends_with("nowhere: not a folder"), "{err}");
}

#[test]
fn dct_must_be_well_formed_and_match_the_prefix() {
    assert_eq!(
        problems(|g| g["dct"] = json!("Jan 10")),
        [
            "d.json: dct: bad dct 'Jan 10' (want YYYY-MM-DD, YYYY-MM or null)",
            "d.json: dct: dct is 'Jan 10' but the text starts with 'date 2026-01-10'"
        ]
    );
    assert_eq!(problems(|g| g["dct"] = Value::Null), ["d.json: dct: dct is None but the text starts with 'date 2026-01-10'"]);
}

#[test]
fn spans_must_slice_to_their_text_outside_the_prefix() {
    let at = "d.json: mentions[0] 'Park Ji-hu'@";
    assert_eq!(problems(|g| g["mentions"][0]["start"] = json!("16")), [format!("{at}16: start/end not integers: '16', 26")]);
    assert_eq!(problems(|g| g["mentions"][0]["end"] = json!(500)), [format!("{at}16: span 16-500 outside text (length 139) or empty")]);
    assert_eq!(problems(|g| g["mentions"][0]["end"] = json!(16)), [format!("{at}16: span 16-16 outside text (length 139) or empty")]);
    assert_eq!(
        problems(|g| g["mentions"][0]["text"] = json!("Park Ji")),
        ["d.json: mentions[0] 'Park Ji'@16: span slices to 'Park Ji-hu', not 'Park Ji'"]
    );
    assert_eq!(
        problems(|g| g["mentions"][0] = json!({"start": 15, "end": 26, "text": " Park Ji-hu", "label": "PER"})),
        [
            "d.json: mentions[0] ' Park Ji-hu'@15: span 15-26 lies in the DCT prefix",
            "d.json: mentions[0] ' Park Ji-hu'@15: span has leading/trailing whitespace"
        ]
    );
    assert_eq!(
        problems(|g| g["mentions"][1] = json!({"start": 21, "end": 37, "text": "Ji-hu (Nam On-jo", "label": "PER"})),
        ["d.json: mentions[1] 'Ji-hu (Nam On-jo'@21: overlaps mentions[0] 'Park Ji-hu'@16"]
    );
}

#[test]
fn records_must_be_objects_with_every_field() {
    assert_eq!(problems(|g| g["mentions"][4] = json!("Netflix")), ["d.json: mentions[4]: not an object"]);
    assert_eq!(
        problems(|g| {
            g["dates"][0].as_object_mut().unwrap().remove("mod");
        }),
        ["d.json: dates[0] 'mid-February 2026'@97: missing field 'mod'"]
    );
    assert_eq!(
        problems(|g| {
            g["events"][1].as_object_mut().unwrap().remove("season");
        }),
        ["d.json: events[1] 'filming_end': missing field 'season'"]
    );
}

#[test]
fn labels_types_values_and_mods_are_the_guides() {
    assert_eq!(problems(|g| g["mentions"][3]["label"] = json!("GPE")), ["d.json: mentions[3] 'Seoul'@118: bad label 'GPE'"]);
    let at = "d.json: dates[0] 'mid-February 2026'@97";
    assert_eq!(problems(|g| g["dates"][0]["type"] = json!("date")), [format!("{at}: bad type 'date'")]);
    // A value the events do not use, so only the value is reported.
    assert_eq!(
        problems(|g| {
            g["dates"][0]["value"] = json!("February 2026");
            g["events"][1]["date"] = Value::Null;
        }),
        [format!("{at}: bad DATE value 'February 2026'")]
    );
    assert_eq!(problems(|g| g["dates"][0]["mod"] = json!("MIDDLE")), [format!("{at}: bad mod 'MIDDLE'")]);
}

#[test]
fn persons_have_a_name_a_kind_and_their_own_forms() {
    assert_eq!(
        problems(|g| g["persons"][1]["kind"] = json!("fictional")),
        [
            "d.json: persons[1] 'Nam On-jo': bad kind 'fictional'",
            "d.json: roles[0] 'Park Ji-hu'/'actor': character 'Nam On-jo' is a person of kind 'fictional', expected 'character'"
        ]
    );
    assert_eq!(
        problems(|g| g["persons"][0]["aliases"] = json!(["Ji-hu", ""])),
        ["d.json: persons[0] 'Park Ji-hu': aliases must be a list of non-empty strings: ['Ji-hu', '']"]
    );
    assert_eq!(
        problems(|g| g["persons"][1]["aliases"] = json!(["Park Ji Hu"])),
        ["d.json: persons[1] 'Nam On-jo': form 'Park Ji Hu' also belongs to person 'Park Ji-hu'"]
    );
    assert_eq!(
        problems(|g| g["persons"][0]["aliases"] = json!(["Park Ji-hu"])),
        ["d.json: persons[0] 'Park Ji-hu': name repeated among its aliases"]
    );
    let empty = problems(|g| g["persons"][1]["name"] = json!(" "));
    assert_eq!(empty[0], "d.json: persons[1] ' ': empty or non-string name");
}

#[test]
fn roles_name_known_persons_and_characters() {
    let at = "d.json: roles[0] 'Park Ji-hu'/'actor'";
    assert_eq!(
        problems(|g| g["roles"][0]["role"] = json!("star")),
        [
            "d.json: roles[0] 'Park Ji-hu'/'star': bad role 'star'".to_string(),
            "d.json: roles[0] 'Park Ji-hu'/'star': character 'Nam On-jo' given for a non-actor role".to_string()
        ]
    );
    assert_eq!(problems(|g| g["roles"][0]["person"] = json!("")), ["d.json: roles[0] ''/'actor': empty person"]);
    assert_eq!(
        problems(|g| g["roles"][0]["character"] = json!("Lee Su-hyeok")),
        [format!("{at}: character 'Lee Su-hyeok' is not in persons (by name or alias)")]
    );
    assert_eq!(problems(|g| g["roles"][0]["character"] = json!(7)), [format!("{at}: character 7 is not a string")]);
    assert_eq!(
        problems(|g| g["roles"][0]["person"] = json!("Nam On-jo")),
        ["d.json: roles[0] 'Nam On-jo'/'actor': person 'Nam On-jo' is a person of kind 'character', expected 'person'"]
    );
}

#[test]
fn events_have_the_guides_types_statuses_persons_dates_and_locations() {
    let casting = "d.json: events[0] 'casting' 'Park Ji-hu'";
    let filming = "d.json: events[1] 'filming_end'";
    assert_eq!(problems(|g| g["events"][1]["type"] = json!("wrap")), ["d.json: events[1] 'wrap': bad type 'wrap'"]);
    assert_eq!(problems(|g| g["events"][1]["status"] = json!("planned")), [format!("{filming}: bad status 'planned'")]);
    assert_eq!(problems(|g| g["events"][0]["status"] = json!("Confirmed")), [format!("{casting}: bad status 'Confirmed'")]);
    assert_eq!(problems(|g| g["events"][1]["season"] = json!("2")), [format!("{filming}: season '2' is not an integer or null")]);
    assert_eq!(problems(|g| g["events"][0]["person"] = Value::Null), ["d.json: events[0] 'casting': casting event without a person"]);
    assert_eq!(
        problems(|g| g["events"][0]["person"] = json!("Lomon")),
        ["d.json: events[0] 'casting' 'Lomon': person 'Lomon' is not in persons (by name or alias)"]
    );
    assert_eq!(
        problems(|g| {
            let mut again = g["events"][0].clone();
            again["person"] = json!("Ji-hu");
            g["events"].as_array_mut().unwrap().push(again);
        }),
        ["d.json: events[2] 'casting' 'Ji-hu': second casting event for 'Park Ji-hu' on the same work/season (first is events[0]); the guide wants one per person"]
    );
    assert_eq!(
        problems(|g| g["events"][1]["person"] = json!("Park Ji-hu")),
        ["d.json: events[1] 'filming_end' 'Park Ji-hu': filming_end event has a person ('Park Ji-hu'); only casting, cast_exit, award do"]
    );
    assert_eq!(
        problems(|g| g["events"][1]["date"] = json!("2026-03")),
        [format!("{filming}: date '2026-03' is not the value of any date record")]
    );
    assert_eq!(problems(|g| g["events"][1]["location"] = json!("Seoul")), [format!("{filming}: location 'Seoul' on a filming_end event")]);
    assert_eq!(
        problems(|g| {
            g["events"][1]["type"] = json!("filming");
            g["events"][1]["location"] = json!("Busan");
        }),
        ["d.json: events[1] 'filming': location 'Busan' is not a mention"]
    );
    assert_eq!(
        problems(|g| g["events"][1]["work"] = json!("Sweet Home")),
        [format!("{filming}: work 'Sweet Home' does not occur in the text")]
    );
}

#[test]
fn evidence_is_a_sentence_of_the_article() {
    let at = "d.json: events[1] 'filming_end'";
    let with_evidence = |start: Value, end: Value| problems(|g| g["events"][1]["evidence"] = json!({"start": start, "end": end}));
    assert_eq!(problems(|g| g["events"][1]["evidence"] = json!([80, 138])), [format!("{at}: evidence [80, 138] is not an object")]);
    assert_eq!(with_evidence(json!(80), json!(200)), [format!("{at}: evidence 80-200 outside text (length 139) or empty")]);
    assert_eq!(with_evidence(json!(0), json!(79)), [format!("{at}: evidence 0-79 starts in the DCT prefix")]);
    assert_eq!(with_evidence(json!(79), json!(138)), [format!("{at}: evidence 79-138 starts or ends with whitespace")]);
    assert_eq!(
        with_evidence(json!(82), json!(138)),
        [format!("{at}: evidence 82-138 does not start at a sentence boundary: 'ad season 2. Fi'|'lming wraps in '")]
    );
    assert_eq!(
        with_evidence(json!(80), json!(123)),
        [format!("{at}: evidence 80-123 does not end at a sentence boundary: 'y 2026 in Seoul'|', Netflix said.'")]
    );
}

#[test]
fn the_shared_gold_passes() {
    let Some(shared) = scoop_gold::shared::or_skip("gold") else { return };
    let corpus = shared.with_file_name("corpus");
    for split in ["seeds", "dev"] {
        let checked = check_dir(&corpus.join(split), &shared.join(split)).unwrap();
        assert!(checked.files > 0 && checked.problems.is_empty(), "{split}: {:?}", checked.problems);
    }
}
