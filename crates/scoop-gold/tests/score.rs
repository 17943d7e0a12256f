//! The scorer on hand-made gold/system pairs, on the shared gold, and through JSON.

use scoop_gold::score::{load_dir, load_jsonl, load_system, score_corpus, Accuracy, Prf, Report};
use scoop_gold::*;
use std::path::PathBuf;

fn doc(name: &str) -> DocRecords {
    DocRecords { doc: name.into(), dct: None, mentions: vec![], dates: vec![], persons: vec![], roles: vec![], events: vec![] }
}

fn mention(start: usize, end: usize, text: &str, label: Label) -> Mention {
    Mention { start, end, text: text.into(), label }
}

fn date(start: usize, end: usize, timex_type: TimexType, value: &str) -> DateRecord {
    DateRecord { start, end, text: "x".repeat(end - start), timex_type, value: value.into(), modifier: None }
}

fn person(name: &str, aliases: &[&str], kind: PersonKind) -> Person {
    Person { name: name.into(), aliases: aliases.iter().map(|a| a.to_string()).collect(), kind }
}

fn role(person: &str, role: RoleKind, character: &str, work: &str) -> Role {
    Role { person: person.into(), role, character: character.into(), work: work.into() }
}

fn event(event_type: EventType, person: Option<&str>, date: Option<&str>, status: Status) -> Event {
    Event {
        event_type,
        work: None,
        season: None,
        person: person.map(Into::into),
        date: date.map(Into::into),
        location: None,
        status,
        evidence: Evidence { start: 0, end: 0 },
    }
}

fn with_work(mut e: Event, work: &str) -> Event {
    e.work = Some(work.into());
    e
}

fn with_location(mut e: Event, location: &str) -> Event {
    e.location = Some(location.into());
    e
}

fn prf(tp: usize, fp: usize, fn_: usize) -> Prf {
    Prf { tp, fp, fn_ }
}

fn acc(correct: usize, total: usize) -> Accuracy {
    Accuracy { correct, total }
}

fn score_one(gold: DocRecords, system: DocRecords) -> Report {
    score_corpus(&[gold], &[system])
}

#[test]
fn mentions_strict_needs_span_and_label_and_set_folds_text() {
    let mut g = doc("a.txt");
    g.mentions =
        vec![mention(0, 7, "Netflix", Label::ORG), mention(10, 20, "Park Ji-hu", Label::PER), mention(30, 40, "Sweet Home", Label::WORK)];
    let mut s = doc("a.txt");
    s.mentions = vec![
        mention(0, 7, "Netflix", Label::ORG),      // exact
        mention(50, 59, "park jihu", Label::PER),  // other span, same folded text
        mention(30, 40, "Sweet Home", Label::LOC), // right span, wrong label
        mention(60, 67, "Netflix", Label::ORG),    // second span of a name already found
    ];
    let r = score_one(g, s);
    assert_eq!(r.mentions.strict, prf(1, 3, 2));
    assert_eq!(r.mentions.strict_by_label[&Label::ORG], prf(1, 1, 0));
    assert_eq!(r.mentions.strict_by_label[&Label::PER], prf(0, 1, 1));
    assert_eq!(r.mentions.strict_by_label[&Label::WORK], prf(0, 0, 1));
    assert_eq!(r.mentions.strict_by_label[&Label::LOC], prf(0, 1, 0));
    assert_eq!(r.mentions.strict_by_label[&Label::MISC], prf(0, 0, 0));
    // Sets: {netflix/ORG, parkjihu/PER, sweethome/WORK} vs {netflix/ORG, parkjihu/PER, sweethome/LOC}.
    assert_eq!(r.mentions.set, prf(2, 1, 1));
    assert_eq!(r.mentions.docs_without_gold_spans, 0);
}

#[test]
fn mentions_fall_back_to_the_set_where_gold_lacks_spans() {
    let mut g = doc("a");
    g.mentions = vec![mention(0, 0, "Lomon", Label::PER), mention(5, 12, "Netflix", Label::ORG)];
    let mut s = doc("a");
    s.mentions = vec![mention(90, 95, "LOMON", Label::PER), mention(100, 107, "Netflix", Label::ORG)];
    let r = score_one(g, s);
    assert_eq!(r.mentions.docs_without_gold_spans, 1);
    assert_eq!(r.mentions.strict, prf(2, 0, 0));
    assert_eq!(r.mentions.set, prf(2, 0, 0));
}

#[test]
fn dates_strict_overlap_value_and_type() {
    let mut g = doc("a");
    g.dates = vec![
        date(0, 10, TimexType::Date, "2026-01-17"), // system exact, same value
        date(20, 35, TimexType::Date, "2026-02"),   // system overlaps, wrong value
        date(40, 50, TimexType::Duration, "P7M"),   // system overlaps, right value, wrong type
        date(60, 70, TimexType::Date, "2027"),      // missed
    ];
    let mut s = doc("a");
    s.dates = vec![
        date(0, 10, TimexType::Date, "2026-01-17"),
        date(25, 35, TimexType::Date, "2026-03"),
        date(45, 55, TimexType::Date, "P7M"),
        date(80, 84, TimexType::Date, "2026"), // spurious
    ];
    let r = score_one(g, s);
    assert_eq!(r.dates.strict, prf(1, 3, 3));
    assert_eq!(r.dates.overlap, prf(3, 1, 1));
    assert_eq!(r.dates.value, acc(2, 3));
    assert_eq!(r.dates.timex_type, acc(2, 3));
    assert_eq!(r.dates.modifier, acc(3, 3));
    assert_eq!(r.dates.value_f1, prf(2, 2, 2));
}

#[test]
fn date_overlap_is_one_to_one_and_prefers_the_same_value() {
    // "January 17 and 18": two gold dates; a system that takes the whole phrase gets one.
    let mut g = doc("a");
    g.dates = vec![date(0, 10, TimexType::Date, "2026-01-17"), date(15, 17, TimexType::Date, "2026-01-18")];
    let mut s = doc("a");
    s.dates = vec![date(0, 17, TimexType::Date, "2026-01-18")];
    let r = score_one(g, s);
    assert_eq!(r.dates.strict, prf(0, 1, 2));
    assert_eq!(r.dates.overlap, prf(1, 0, 1));
    // Paired with the gold date of the same value, not the first one.
    assert_eq!(r.dates.value, acc(1, 1));
    assert_eq!(r.dates.value_f1, prf(1, 0, 1));
}

#[test]
fn persons_match_through_folding_and_aliases_and_exclude_characters() {
    let mut g = doc("a");
    g.persons = vec![
        person("Park Solomon", &["Lomon"], PersonKind::Person),
        person("Park Ji-hu", &[], PersonKind::Person),
        person("Nam On-jo", &[], PersonKind::Character),
        person("Cho Yi-hyun", &[], PersonKind::Person),
    ];
    let mut s = doc("a");
    s.persons = vec![
        person("Lomon", &[], PersonKind::Person),                  // via gold alias
        person("park ji hu", &[], PersonKind::Person),             // via folding
        person("Nam Onjo", &[], PersonKind::Person),               // a character taken for a person
        person("Yi-hyun", &["CHO YIHYUN"], PersonKind::Character), // a person taken for a character
    ];
    let r = score_one(g, s);
    assert_eq!(r.persons.real, prf(2, 1, 1));
    assert_eq!(r.persons.with_characters, prf(4, 0, 0));
    assert_eq!(r.persons.kind, acc(2, 4));
}

#[test]
fn persons_pair_one_to_one_so_a_split_person_costs_a_false_positive() {
    let mut g = doc("a");
    g.persons = vec![person("Park Solomon", &["Lomon"], PersonKind::Person)];
    let mut s = doc("a");
    s.persons = vec![person("Park Solomon", &[], PersonKind::Person), person("Lomon", &[], PersonKind::Person)];
    assert_eq!(score_one(g, s).persons.real, prf(1, 1, 0));
}

#[test]
fn roles_match_through_either_sides_aliases_and_collapse_duplicates() {
    let mut g = doc("a");
    g.persons = vec![person("Park Solomon", &["Lomon"], PersonKind::Person)];
    g.roles = vec![
        role("Park Solomon", RoleKind::Actor, "", "All of Us Are Dead"),
        role("Park Solomon", RoleKind::Actor, "", "Beauty in the Beast"), // same key: collapses
        role("Lee Jae-kyoo", RoleKind::Director, "", "All of Us Are Dead"),
        role("Park Ji-hu", RoleKind::Actor, "Nam On-jo", "All of Us Are Dead"),
        role("Yoon Chan-young", RoleKind::Actor, "", "All of Us Are Dead"),
    ];
    let mut s = doc("a");
    // The system's own list links "LJK" to Lee Jae-kyoo.
    s.persons = vec![person("LJK", &["lee jaekyoo"], PersonKind::Person)];
    s.roles = vec![
        role("Lomon", RoleKind::Actor, "", "Beauty in the Beast"), // gold alias; one of two works
        role("LJK", RoleKind::Director, "", "All of Us Are Dead"), // system alias
        role("Park Ji Hu", RoleKind::Actor, "", "All of Us Are Dead"), // character missing: no match
        role("Yoon Chan-young", RoleKind::Actor, "", "All of Us Are Dead"),
        role("Yoon Chan-young", RoleKind::Actor, "", "All of Us Are Dead"), // duplicate: collapses
    ];
    let r = score_one(g, s);
    assert_eq!(r.roles.overall, prf(3, 1, 1));
    assert_eq!(r.roles.by_role[&RoleKind::Director], prf(1, 0, 0));
    assert_eq!(r.roles.by_role[&RoleKind::Actor], prf(2, 1, 1));
    assert_eq!(r.roles.by_role[&RoleKind::Writer], prf(0, 0, 0));
    // Park Solomon's works {AoUAD, BitB} ≠ {BitB}; the other two agree.
    assert_eq!(r.roles.work, acc(2, 3));
}

#[test]
fn role_characters_fold_and_follow_aliases_but_empty_matches_only_empty() {
    let mut g = doc("a");
    g.persons = vec![person("Victor Von Doom", &["Doctor Doom"], PersonKind::Character)];
    g.roles = vec![
        role("Robert Downey Jr.", RoleKind::Actor, "Victor Von Doom", "Avengers: Doomsday"),
        role("Chris Hemsworth", RoleKind::Actor, "", "Avengers: Doomsday"),
    ];
    let mut s = doc("a");
    s.roles = vec![
        role("robert downey jr", RoleKind::Actor, "Doctor Doom", "Avengers: Doomsday"),
        role("Chris Hemsworth", RoleKind::Actor, "Thor", "Avengers: Doomsday"),
    ];
    assert_eq!(score_one(g, s).roles.overall, prf(1, 1, 1));
}

#[test]
fn events_key_by_person_for_person_types_and_by_date_otherwise() {
    let mut g = doc("a");
    g.persons = vec![person("Park Solomon", &["Lomon"], PersonKind::Person)];
    g.events = vec![
        with_work(event(EventType::Casting, Some("Park Solomon"), Some("2026-01"), Status::Confirmed), "All of Us Are Dead"),
        event(EventType::Release, None, Some("2026-12"), Status::Rumored),
        event(EventType::ScriptReading, None, None, Status::Confirmed),
        event(EventType::FilmingEnd, None, Some("2026-02"), Status::Expected),
        event(EventType::Award, Some("Kim Min-ju"), None, Status::Confirmed),
    ];
    let mut s = doc("a");
    s.events = vec![
        // Date differs but person events ignore it; the work is folded.
        with_work(event(EventType::Casting, Some("LOMON"), None, Status::Reported), "all of us are dead"),
        event(EventType::Release, Some("Somebody"), Some("2026-12"), Status::Expected), // person ignored
        event(EventType::ScriptReading, None, Some(""), Status::Confirmed),             // empty date = none
        event(EventType::FilmingEnd, None, Some("2026-03"), Status::Expected),          // other date: no match
        event(EventType::Casting, Some("Kim Min-ju"), None, Status::Confirmed),         // other type: no match
    ];
    let r = score_one(g, s);
    assert_eq!(r.events.overall, prf(3, 2, 2));
    assert_eq!(r.events.by_type[&EventType::Casting], prf(1, 1, 0));
    assert_eq!(r.events.by_type[&EventType::Award], prf(0, 0, 1));
    assert_eq!(r.events.by_type[&EventType::FilmingEnd], prf(0, 1, 1));
    assert_eq!(r.events.by_type[&EventType::Release], prf(1, 0, 0));
    assert_eq!(r.events.status, acc(1, 3));
    assert_eq!(r.events.work, acc(3, 3));
    assert_eq!(r.events.location, acc(0, 0));
    assert_eq!(r.events.status_confusion[&Status::Confirmed][&Status::Reported], 1);
    assert_eq!(r.events.status_confusion[&Status::Confirmed][&Status::Confirmed], 1);
    assert_eq!(r.events.status_confusion[&Status::Rumored][&Status::Expected], 1);
    assert_eq!(r.events.status_confusion[&Status::Negated][&Status::Negated], 0);
}

#[test]
fn duplicate_event_keys_pair_for_status_then_work() {
    let mut g = doc("a");
    g.events = vec![
        with_work(event(EventType::Filming, None, None, Status::Confirmed), "Sweet Home"),
        with_work(event(EventType::Filming, None, None, Status::Rumored), "Beauty in the Beast"),
        with_work(event(EventType::Filming, None, None, Status::Confirmed), "Beauty in the Beast"),
    ];
    let mut s = doc("a");
    s.events = vec![
        with_work(event(EventType::Filming, None, None, Status::Confirmed), "Beauty in the Beast"),
        with_work(event(EventType::Filming, None, None, Status::Rumored), "Sweet Home"),
    ];
    let r = score_one(g, s);
    assert_eq!(r.events.overall, prf(2, 0, 1));
    // Best pairing: sys0 ↔ gold2 (both agree), sys1 ↔ gold1 (status agrees).
    assert_eq!(r.events.status, acc(2, 2));
    assert_eq!(r.events.work, acc(1, 2));
}

#[test]
fn event_location_is_scored_where_either_side_states_one() {
    let mut g = doc("a");
    g.events = vec![
        with_location(event(EventType::Filming, None, Some("2026-01-17"), Status::Reported), "Gangwon Provincial Government Building"),
        event(EventType::Filming, None, Some("2026-01-18"), Status::Reported),
        event(EventType::Filming, None, Some("2026-01-19"), Status::Reported),
        with_location(event(EventType::ScriptReading, None, None, Status::Confirmed), "Seoul"),
    ];
    let mut s = doc("a");
    s.events = vec![
        with_location(event(EventType::Filming, None, Some("2026-01-17"), Status::Reported), "gangwon provincial government building"),
        with_location(event(EventType::Filming, None, Some("2026-01-18"), Status::Reported), "Seoul"),
        event(EventType::Filming, None, Some("2026-01-19"), Status::Reported),
        event(EventType::ScriptReading, None, None, Status::Confirmed),
    ];
    let r = score_one(g, s);
    assert_eq!(r.events.overall, prf(4, 0, 0));
    assert_eq!(r.events.location, acc(1, 3));
}

#[test]
fn missing_and_extra_documents_are_counted_and_missing_ones_score_all_missed() {
    let mut g1 = doc("d010.txt");
    g1.persons = vec![person("Song Kang", &[], PersonKind::Person)];
    let mut g2 = doc("d011.txt");
    g2.persons = vec![person("Gong Yoo", &[], PersonKind::Person)];
    g2.events = vec![event(EventType::Renewal, None, Some("2026"), Status::Confirmed)];
    let mut s1 = doc("d010");
    s1.persons = vec![person("Song Kang", &[], PersonKind::Person)];
    let mut s1_again = doc("d010.json");
    s1_again.persons = vec![person("Somebody Else", &[], PersonKind::Person)];
    let mut extra = doc("d099.txt");
    extra.persons = vec![person("Nobody", &[], PersonKind::Person)];
    let r = score_corpus(&[g1, g2], &[s1, s1_again, extra]);
    assert_eq!((r.docs.gold, r.docs.system, r.docs.scored), (2, 3, 1));
    assert_eq!((r.docs.missing_from_system, r.docs.system_without_gold, r.docs.duplicate_system), (1, 1, 1));
    assert_eq!(r.docs.missing_from_system_docs, vec!["d011"]);
    assert_eq!(r.docs.system_without_gold_docs, vec!["d099"]);
    // The first d010 is the one scored; d099 is ignored; d011 is all missed.
    assert_eq!(r.persons.real, prf(1, 0, 1));
    assert_eq!(r.events.overall, prf(0, 0, 1));
}

#[track_caller]
fn shared_gold() -> Option<PathBuf> {
    scoop_gold::shared::or_skip("gold")
}

fn assert_perfect(name: &str, p: &Prf) {
    assert_eq!((p.fp, p.fn_), (0, 0), "{name}: {p:?}");
    if p.tp > 0 {
        assert_eq!(p.f1(), 1.0, "{name}");
    }
}

fn assert_all_correct(name: &str, a: &Accuracy) {
    assert_eq!(a.correct, a.total, "{name}: {a:?}");
}

#[test]
fn every_shared_gold_file_scores_perfectly_against_itself() {
    let Some(shared_gold) = shared_gold() else { return };
    for split in ["seeds", "dev"] {
        let gold = load_dir(&shared_gold.join(split)).unwrap();
        assert!(!gold.is_empty());
        let r = score_corpus(&gold, &gold);
        assert_eq!((r.docs.scored, r.docs.missing_from_system, r.docs.duplicate_system), (gold.len(), 0, 0));
        for (name, p) in [
            ("mentions strict", &r.mentions.strict),
            ("mentions set", &r.mentions.set),
            ("dates strict", &r.dates.strict),
            ("dates overlap", &r.dates.overlap),
            ("dates value f1", &r.dates.value_f1),
            ("persons real", &r.persons.real),
            ("persons all", &r.persons.with_characters),
            ("roles", &r.roles.overall),
            ("events", &r.events.overall),
        ] {
            assert!(p.tp > 0, "{split} {name}: nothing scored");
            assert_perfect(name, p);
        }
        for p in r.mentions.strict_by_label.values().chain(r.roles.by_role.values()).chain(r.events.by_type.values()) {
            assert_perfect(split, p);
        }
        for (name, a) in [
            ("dates value", &r.dates.value),
            ("dates type", &r.dates.timex_type),
            ("dates mod", &r.dates.modifier),
            ("persons kind", &r.persons.kind),
            ("roles work", &r.roles.work),
            ("events status", &r.events.status),
            ("events work", &r.events.work),
            ("events location", &r.events.location),
        ] {
            assert!(a.total > 0, "{split} {name}: nothing compared");
            assert_all_correct(name, a);
            assert_eq!(a.accuracy(), 1.0);
        }
        let off_diagonal: usize =
            r.events.status_confusion.iter().flat_map(|(g, row)| row.iter().filter(move |(s, _)| *s != g).map(|(_, n)| n)).sum();
        assert_eq!(off_diagonal, 0);
    }
}

#[test]
fn report_json_has_every_metric_with_its_counts() {
    let Some(shared_gold) = shared_gold() else { return };
    let gold = load_dir(&shared_gold.join("seeds")).unwrap();
    let v = serde_json::to_value(score_corpus(&gold, &gold)).unwrap();
    for key in ["gold", "system", "scored", "missing_from_system", "system_without_gold", "duplicate_system"] {
        assert!(v["docs"][key].is_u64(), "docs.{key}");
    }
    let prf_paths = [
        "/mentions/strict",
        "/mentions/strict_by_label/PER",
        "/mentions/strict_by_label/MISC",
        "/mentions/set",
        "/mentions/set_by_label/WORK",
        "/dates/strict",
        "/dates/overlap",
        "/dates/value_f1",
        "/persons/real",
        "/persons/with_characters",
        "/roles/overall",
        "/roles/by_role/original_author",
        "/events/overall",
        "/events/by_type/cast_exit",
        "/events/by_type/script_reading",
    ];
    for path in prf_paths {
        let m = v.pointer(path).unwrap_or_else(|| panic!("{path} missing"));
        for key in ["tp", "fp", "fn", "precision", "recall", "f1"] {
            assert!(m.get(key).is_some(), "{path}.{key}");
        }
    }
    let accuracy_paths =
        ["/dates/value", "/dates/type", "/dates/mod", "/persons/kind", "/roles/work", "/events/status", "/events/work", "/events/location"];
    for path in accuracy_paths {
        let m = v.pointer(path).unwrap_or_else(|| panic!("{path} missing"));
        for key in ["correct", "total", "accuracy"] {
            assert!(m.get(key).is_some(), "{path}.{key}");
        }
    }
    assert!(v.pointer("/events/status_confusion/confirmed/negated").unwrap().is_u64());
    assert!(v.pointer("/mentions/docs_without_gold_spans").unwrap().is_u64());
}

#[test]
fn text_report_has_a_fixed_layout() {
    let Some(shared_gold) = shared_gold() else { return };
    let gold = load_dir(&shared_gold.join("seeds")).unwrap();
    let full = score_corpus(&gold, &gold).to_text();
    let empty = score_corpus(&gold, &[]).to_text();
    assert_eq!(full.lines().count(), empty.lines().count());
    assert!(full.starts_with("documents: 5 gold, 5 system, 5 scored, 0 missing"));
    assert!(full.lines().any(|l| l.starts_with("events  ") && l.ends_with("1.000")));
    assert!(empty.lines().any(|l| l.starts_with("events  ") && l.ends_with("0.000")));
}

/// A scratch folder of this test's own, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("scoop-gold-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn loaders_read_folders_in_name_order_and_jsonl_by_line() {
    let scratch = Scratch::new("load");
    let json = |name: &str| serde_json::to_string(&doc(name)).unwrap();
    std::fs::write(scratch.0.join("b.json"), json("b.txt")).unwrap();
    std::fs::write(scratch.0.join("a.json"), json("a.txt")).unwrap();
    std::fs::write(scratch.0.join("notes.md"), "not a document").unwrap();
    let names = |docs: Vec<DocRecords>| docs.into_iter().map(|d| d.doc).collect::<Vec<_>>();
    assert_eq!(names(load_dir(&scratch.0).unwrap()), vec!["a.txt", "b.txt"]);
    assert_eq!(names(load_system(&scratch.0).unwrap()), vec!["a.txt", "b.txt"]);

    let lines = scratch.0.join("out.jsonl");
    std::fs::write(&lines, format!("{}\n\n{}\n", json("x"), json("y"))).unwrap();
    assert_eq!(names(load_jsonl(&lines).unwrap()), vec!["x", "y"]);
    assert_eq!(names(load_system(&lines).unwrap()), vec!["x", "y"]);

    std::fs::write(&lines, format!("{}\n{{\"doc\": \"z\"}}\n", json("x"))).unwrap();
    let err = load_jsonl(&lines).unwrap_err().to_string();
    assert!(err.contains("out.jsonl:2:"), "{err}");
}
