//! Persons, roles and events on sentences written for these tests: one
//! test per event type and per status cue. The names are given to the
//! pipeline (the recogniser is not under test here); tokeniser, dates and
//! the record stages are the real ones. The seed corpus check at the end
//! runs the binary with the shipped model.

use scoop::document::{Doc, EntityMention, Span};
use scoop::input::RawDoc;
use scoop::ner::EntityRecognizer;
use scoop::pipeline::Pipeline;
use scoop_gold::{DocRecords, Event, EventType, Label, Status};

/// Labels every occurrence of the given names.
struct GivenNames(Vec<(&'static str, Label)>);

impl EntityRecognizer for GivenNames {
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention> {
        let mut found: Vec<EntityMention> = Vec::new();
        for &(name, label) in &self.0 {
            for (at, _) in doc.text.match_indices(name) {
                let span = Span::new(at, at + name.len());
                if !found.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                    found.push(EntityMention { span, label });
                }
            }
        }
        found.sort_by_key(|m| m.span);
        found
    }
}

const NAMES: &[(&str, Label)] = &[
    ("Moonlight Harbor", Label::WORK),
    ("Salt Road", Label::WORK),
    ("Han Seo-jin", Label::PER),
    ("Baek Min-ho", Label::PER),
    ("Yoon Ha-na", Label::PER),
    ("Choi Da-eun", Label::PER),
    ("Netflix", Label::ORG),
    ("Sports Chosun", Label::ORG),
    ("Busan Station", Label::LOC),
    ("Seoul", Label::LOC),
    ("Baeksang Arts Award", Label::MISC),
];

fn records(text: &str) -> DocRecords {
    let pipeline = Pipeline::new(Box::new(GivenNames(NAMES.to_vec())), scoop::document::CreationTime::parse("2025-11-01"));
    scoop::output::doc_records(&pipeline.analyze(RawDoc { id: "t.txt".into(), source: String::new(), text: text.into(), date: None }))
}

fn events(text: &str) -> Vec<Event> {
    records(text).events
}

/// The only event of a sentence, of the expected type.
fn only_event(text: &str, expected: EventType) -> Event {
    let found = events(text);
    assert_eq!(found.iter().map(|e| e.event_type).collect::<Vec<_>>(), [expected], "{text}\n{found:#?}");
    found.into_iter().next().unwrap()
}

#[test]
fn renewal() {
    let e = only_event("Netflix has renewed Moonlight Harbor for a second season.", EventType::Renewal);
    assert_eq!((e.work.as_deref(), e.season, e.status), (Some("Moonlight Harbor"), Some(2), Status::Confirmed));
}

#[test]
fn one_renewal_per_listed_title() {
    let renewals: Vec<_> = events("Netflix renewed Moonlight Harbor and Salt Road for second seasons.")
        .into_iter()
        .map(|e| (e.event_type, e.work.unwrap_or_default()))
        .collect();
    assert_eq!(renewals, [(EventType::Renewal, "Moonlight Harbor".to_string()), (EventType::Renewal, "Salt Road".to_string())]);
}

#[test]
fn casting_one_event_per_person_in_a_list() {
    let found = events("Han Seo-jin, Baek Min-ho and Choi Da-eun have joined the cast of Moonlight Harbor season 2.");
    let people: Vec<_> = found.iter().map(|e| (e.event_type, e.person.as_deref().unwrap_or(""))).collect();
    assert_eq!(people, [(EventType::Casting, "Han Seo-jin"), (EventType::Casting, "Baek Min-ho"), (EventType::Casting, "Choi Da-eun")]);
    assert!(found.iter().all(|e| e.status == Status::Confirmed && e.season == Some(2)));
}

#[test]
fn cast_exit() {
    let e = only_event("Baek Min-ho dropped out of Moonlight Harbor season 2 over scheduling conflicts.", EventType::CastExit);
    assert_eq!(e.person.as_deref(), Some("Baek Min-ho"));
}

#[test]
fn filming_start_with_its_date() {
    let e = only_event("Filming for Moonlight Harbor season 2 began on March 3, 2025.", EventType::FilmingStart);
    assert_eq!((e.date.as_deref(), e.status), (Some("2025-03-03"), Status::Confirmed));
}

#[test]
fn filming_end() {
    let e = only_event("Moonlight Harbor season 2 wrapped filming on June 20, 2025.", EventType::FilmingEnd);
    assert_eq!(e.date.as_deref(), Some("2025-06-20"));
}

#[test]
fn filming_at_a_place() {
    let e = only_event("The crew was spotted filming Moonlight Harbor at Busan Station on May 2, 2025.", EventType::Filming);
    assert_eq!((e.location.as_deref(), e.date.as_deref()), (Some("Busan Station"), Some("2025-05-02")));
}

#[test]
fn script_reading_at_a_place() {
    let e = only_event(
        "The first script reading for Moonlight Harbor season 2 took place in Seoul on February 10, 2025.",
        EventType::ScriptReading,
    );
    assert_eq!((e.location.as_deref(), e.date.as_deref()), (Some("Seoul"), Some("2025-02-10")));
}

#[test]
fn release_past_and_future() {
    let past = only_event("Moonlight Harbor season 1 premiered on Netflix on March 7, 2025.", EventType::Release);
    assert_eq!((past.date.as_deref(), past.status, past.season), (Some("2025-03-07"), Status::Confirmed, Some(1)));
    let future = only_event("Moonlight Harbor season 2 premieres on Netflix on December 5, 2025.", EventType::Release);
    assert_eq!((future.date.as_deref(), future.status), (Some("2025-12-05"), Status::Expected));
}

#[test]
fn award_for_a_person_not_a_teaser_release() {
    let e = only_event("Han Seo-jin won the Baeksang Arts Award for Moonlight Harbor.", EventType::Award);
    assert_eq!(e.person.as_deref(), Some("Han Seo-jin"));
    assert!(events("Netflix released a new teaser for Moonlight Harbor season 2.").is_empty());
}

#[test]
fn names_inside_entities_are_no_cues() {
    // `Won` in a name is no award and `May` in a date is no hedge.
    let found = events("Han Seo-jin joined the cast of Moonlight Harbor on May 3, 2025.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status, Status::Confirmed);
}

fn status_of(text: &str) -> Status {
    let found = events(text);
    assert_eq!(found.len(), 1, "{text}\n{found:#?}");
    found[0].status
}

#[test]
fn status_reported_by_attribution() {
    assert_eq!(status_of("According to Sports Chosun, Han Seo-jin has joined the cast of Moonlight Harbor season 2."), Status::Reported);
    assert_eq!(status_of("Han Seo-jin has reportedly joined the cast of Moonlight Harbor season 2."), Status::Reported);
    assert_eq!(status_of("Han Seo-jin is in talks to join the cast of Moonlight Harbor season 2."), Status::Reported);
}

#[test]
fn status_rumored_by_hedges() {
    assert_eq!(status_of("Han Seo-jin is rumored to join the cast of Moonlight Harbor season 2."), Status::Rumored);
    assert_eq!(status_of("Moonlight Harbor season 2 could premiere in December 2026."), Status::Rumored);
    assert_eq!(status_of("Moonlight Harbor season 2 might premiere in December 2026."), Status::Rumored);
    assert_eq!(status_of("Moonlight Harbor season 2 will likely premiere in December 2026."), Status::Rumored);
}

#[test]
fn status_expected_for_scheduled_future() {
    assert_eq!(status_of("Moonlight Harbor season 2 will premiere on Netflix on December 5, 2026."), Status::Expected);
    assert_eq!(status_of("Moonlight Harbor season 2 is expected to premiere in December 2026."), Status::Expected);
    assert_eq!(status_of("Moonlight Harbor season 2 is set to premiere in December 2026."), Status::Expected);
    assert_eq!(status_of("Moonlight Harbor season 2 is slated to premiere in December 2026."), Status::Expected);
}

#[test]
fn status_negated() {
    assert_eq!(status_of("Filming for Moonlight Harbor season 2 has not started yet."), Status::Negated);
    assert_eq!(status_of("Netflix has yet to renew Moonlight Harbor for a second season."), Status::Negated);
    assert_eq!(status_of("Netflix has no plans to renew Moonlight Harbor for a third season."), Status::Negated);
}

#[test]
fn status_confirmed_for_a_settled_casting_in_the_future() {
    let found = events("Han Seo-jin will reprise her role as Yoon Ha-na in Moonlight Harbor season 2.");
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].person.as_deref(), found[0].status), (Some("Han Seo-jin"), Status::Confirmed));
}

#[test]
fn an_event_stated_twice_is_one_record() {
    let found = events("Filming for Moonlight Harbor season 2 began on March 3, 2025. Cameras started rolling on March 3, 2025, in Seoul.");
    assert_eq!(found.iter().filter(|e| e.event_type == EventType::FilmingStart).count(), 1, "{found:#?}");
}

#[test]
fn role_forms() {
    let roles = |text: &str| -> Vec<(String, String)> { records(text).roles.into_iter().map(|r| (r.person, r.character)).collect() };
    let expected = vec![("Han Seo-jin".to_string(), "Yoon Ha-na".to_string())];
    assert_eq!(roles("The cast of Moonlight Harbor includes Han Seo-jin (Yoon Ha-na)."), expected);
    assert_eq!(roles("The story of Moonlight Harbor follows Yoon Ha-na (Han Seo-jin), a ferry pilot."), expected);
    assert_eq!(roles("Han Seo-jin plays Yoon Ha-na in Moonlight Harbor."), expected);
    assert_eq!(roles("Han Seo-jin, who plays Yoon Ha-na, returns for Moonlight Harbor season 2."), expected);
    assert_eq!(roles("Han Seo-jin, who won the Baeksang Arts Award for best new actress in May 2024, is back as Yoon Ha-na."), expected);
    assert_eq!(roles("In Moonlight Harbor, Yoon Ha-na is played by Han Seo-jin."), expected);
    assert_eq!(
        roles("Han Seo-jin and Baek Min-ho, who reprise their roles as Yoon Ha-na and Choi Da-eun, lead Moonlight Harbor."),
        vec![("Han Seo-jin".to_string(), "Yoon Ha-na".to_string()), ("Baek Min-ho".to_string(), "Choi Da-eun".to_string())]
    );
    assert_eq!(
        roles("Han Seo-jin and Baek Min-ho, who play Chairman Yoon Ha-na and Detective Choi Da-eun, respectively, lead Moonlight Harbor."),
        vec![("Han Seo-jin".to_string(), "Yoon Ha-na".to_string()), ("Baek Min-ho".to_string(), "Choi Da-eun".to_string())]
    );
    // A rank before a name marks a character, which orients `A (B)` pairs
    // that their sentence leaves open.
    assert_eq!(roles("Yoon Ha-na (Han Seo-jin) stares at the sea in the teaser. Will Private Yoon Ha-na survive?"), expected);
    // Introduced as characters with no actor beside them.
    let kinds =
        |text: &str| -> Vec<(String, &'static str)> { records(text).persons.into_iter().map(|p| (p.name, p.kind.as_str())).collect() };
    assert_eq!(
        kinds("Moonlight Harbor returns with the characters Yoon Ha-na and Choi Da-eun."),
        [("Yoon Ha-na".to_string(), "character"), ("Choi Da-eun".to_string(), "character")]
    );
    assert_eq!(
        kinds("Fans want more of Yoon Ha-na, Choi Da-eun, and all our favourite characters."),
        [("Yoon Ha-na".to_string(), "character"), ("Choi Da-eun".to_string(), "character")]
    );
    assert_eq!(
        kinds("Han Seo-jin returns to her role as Yoon Ha-na."),
        [("Han Seo-jin".to_string(), "person"), ("Yoon Ha-na".to_string(), "character")]
    );
    assert_eq!(
        kinds("The story of Yoon Ha-na and Choi Da-eun's characters moves to Seoul."),
        [("Yoon Ha-na".to_string(), "person"), ("Choi Da-eun".to_string(), "person")]
    );
    // A cast sentence names performers, whatever else it says.
    assert_eq!(
        kinds("Han Seo-jin and Baek Min-ho join the cast as new characters."),
        [("Han Seo-jin".to_string(), "person"), ("Baek Min-ho".to_string(), "person")]
    );
    let kinds: Vec<_> =
        records("Han Seo-jin plays Yoon Ha-na in Moonlight Harbor.").persons.into_iter().map(|p| (p.name, p.kind.as_str())).collect();
    assert_eq!(kinds, [("Han Seo-jin".to_string(), "person"), ("Yoon Ha-na".to_string(), "character")]);
}

/// A text's roles as (person, role).
fn crew(text: &str) -> Vec<(String, &'static str)> {
    records(text).roles.into_iter().map(|r| (r.person, r.role.as_str())).collect()
}

#[test]
fn crew_roles() {
    let roles = crew("Moonlight Harbor is directed by Baek Min-ho and written by Choi Da-eun, based on the webtoon by Han Seo-jin.");
    assert_eq!(
        roles,
        [("Baek Min-ho".to_string(), "director"), ("Choi Da-eun".to_string(), "writer"), ("Han Seo-jin".to_string(), "original_author")]
    );
}

#[test]
fn a_crew_cue_holds_for_the_names_listed_after_it() {
    let roles = crew("Moonlight Harbor is co-written by Baek Min-ho, Choi Da-eun and Han Seo-jin, with showrunner Yoon Ha-na.");
    assert_eq!(
        roles,
        [
            ("Baek Min-ho".to_string(), "writer"),
            ("Choi Da-eun".to_string(), "writer"),
            ("Han Seo-jin".to_string(), "writer"),
            ("Yoon Ha-na".to_string(), "producer")
        ]
    );
}

/// The check on the seed corpus, through the binary and the shipped
/// model: one `persons.csv` row per person (with their spellings as
/// aliases) and the actor → character pairs in `roles.csv`.
#[test]
fn seed_corpus_persons_and_roles() {
    let Some(seeds) = scoop_gold::shared::or_skip("corpus/seeds") else { return };
    let out = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_scoop"))
        .arg("extract")
        .arg(&seeds)
        .arg("-o")
        .arg(out.path())
        .arg("-q")
        .status()
        .unwrap();
    assert!(status.success());
    let fold = |s: &str| scoop_gold::fold_name(s);
    let persons: Vec<csv::StringRecord> =
        csv::Reader::from_path(out.path().join("persons.csv")).unwrap().records().map(Result::unwrap).collect();
    // person_id, name, kind, aliases, doc_count, mention_count
    let names_of = |row: &csv::StringRecord| -> Vec<String> {
        std::iter::once(&row[1]).chain(row[3].split('|').filter(|a| !a.is_empty())).map(fold).collect()
    };
    let id_of = |name: &str| -> String {
        let rows: Vec<&csv::StringRecord> = persons.iter().filter(|r| &r[2] == "person" && names_of(r).contains(&fold(name))).collect();
        assert_eq!(rows.len(), 1, "exactly one persons.csv row for {name}: {rows:?}");
        rows[0][0].to_string()
    };
    for (name, variants) in [
        ("Park Ji-hu", &["Park Ji Hu"][..]),
        ("Park Solomon", &["Lomon"][..]),
        ("Yoon Chan-young", &["Yoon Chan Young"][..]),
        ("Cho Yi-hyun", &["Cho Yi Hyun"][..]),
        ("Lee Jae-kyoo", &[][..]),
    ] {
        let id = id_of(name);
        let row = persons.iter().find(|r| r[0] == id).unwrap();
        for variant in variants {
            assert!(row[3].split('|').any(|a| a == *variant) || &row[1] == *variant, "{variant} is an alias of {name}: {row:?}");
        }
    }
    assert_eq!(id_of("Lomon"), id_of("Park Solomon"));
    let roles: Vec<(String, String)> = csv::Reader::from_path(out.path().join("roles.csv"))
        .unwrap()
        .records()
        .map(Result::unwrap)
        .map(|r| (r[1].to_string(), fold(&r[4])))
        .collect();
    for (actor, character) in
        [("Park Ji-hu", "Nam On-jo"), ("Yoon Chan-young", "Lee Cheong-san"), ("Cho Yi-hyun", "Choi Nam-ra"), ("Lomon", "Lee Su-hyeok")]
    {
        assert!(roles.contains(&(id_of(actor), fold(character))), "roles.csv lacks {actor} -> {character}");
    }
}
