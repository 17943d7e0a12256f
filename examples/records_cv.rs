//! Cross-validation of the record classifiers alone: every gold document of
//! dev, dev2 and seeds is read with its gold mentions (so NER errors play no
//! part), the documents fall in folds round robin as in `ner_cv`, and each
//! fold's documents are decided by classifiers trained on the other folds.
//! Prints the cue lists' figures and the classifiers' side by side, over
//! all documents and per set.
//!
//! `cargo run --release --example records_cv -- [FOLDS] [--json REPORT.json]`,
//! reading the shared data from `$SCOOP_SHARED` (by default `../shared`).

use anyhow::{Context, Result};
use scoop::document::Layer;
use scoop::events::EventCues;
use scoop::learn::{analyse_with_gold_mentions, train_record_models};
use scoop::ner::domain::load_gold_dir;
use scoop::roles::RoleCues;
use scoop_gold::format::DocRecords;
use scoop_gold::score::{score_corpus, Prf, Report};
use std::path::PathBuf;

const SETS: [&str; 3] = ["dev", "dev2", "seeds"];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let folds: usize = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .map_or(Ok(5), |f| f.parse())
        .context("usage: records_cv [FOLDS] [--json REPORT.json]")?;
    let json_out = args.iter().position(|a| a == "--json").and_then(|i| args.get(i + 1)).map(PathBuf::from);
    let shared = scoop_gold::shared::find("")?;
    let mut docs = Vec::new();
    let mut set_of = Vec::new();
    for set in SETS {
        let loaded = load_gold_dir(&shared.join("gold").join(set))?;
        set_of.extend(std::iter::repeat(set).take(loaded.len()));
        docs.extend(loaded);
    }
    let mut analysed = analyse_with_gold_mentions(&docs);
    let cues = scoop::resources::on_defaults(EventCues::new);
    let role_cues = scoop::resources::on_defaults(RoleCues::new);
    let rules: Vec<DocRecords> = analysed.iter().map(scoop::output::doc_records).collect();
    let mut learned: Vec<Option<DocRecords>> = vec![None; docs.len()];
    for k in 0..folds {
        let train: Vec<(DocRecords, String)> = docs.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, d)| d.clone()).collect();
        let models = train_record_models(&train);
        for i in (0..docs.len()).filter(|i| i % folds == k) {
            let doc = &mut analysed[i];
            let roles = role_cues.find_roles_with(doc, models.roles.as_ref());
            doc.store(Layer::Roles(roles));
            doc.events = cues.find_events_with(doc, models.events.as_ref());
            learned[i] = Some(scoop::output::doc_records(doc));
        }
    }
    let learned: Vec<DocRecords> = learned.into_iter().map(|d| d.expect("every document is in a fold")).collect();
    let gold: Vec<DocRecords> = docs.iter().map(|(g, _)| g.clone()).collect();
    // Optional: the classifiers' records, one JSON per document, for error analysis.
    if let Some(dir) = std::env::var_os("SCOOP_CV_SYSTEM").map(PathBuf::from) {
        std::fs::create_dir_all(&dir)?;
        for r in &learned {
            std::fs::write(dir.join(format!("{}.json", r.doc)), serde_json::to_string_pretty(r)?)?;
        }
    }
    let mut json = serde_json::Map::new();
    for (name, members) in [("all", &SETS[..]), ("dev+seeds", &["dev", "seeds"]), ("dev2", &["dev2"])] {
        let pick = |records: &[DocRecords]| -> Vec<DocRecords> {
            records.iter().zip(&set_of).filter(|(_, s)| members.contains(s)).map(|(r, _)| r.clone()).collect()
        };
        let (rules_report, learned_report) = (score_corpus(&pick(&gold), &pick(&rules)), score_corpus(&pick(&gold), &pick(&learned)));
        println!("== {name}: cue lists -> classifiers ({folds}-fold, gold mentions)");
        print_line("persons (real) F1", &rules_report, &learned_report, |r| r.persons.real.f1());
        print_line("roles F1", &rules_report, &learned_report, |r| r.roles.overall.f1());
        print_line("events F1", &rules_report, &learned_report, |r| r.events.overall.f1());
        print_line("events status accuracy", &rules_report, &learned_report, |r| r.events.status.accuracy());
        let (before, after) = (&rules_report.events.by_type, &learned_report.events.by_type);
        print_kinds("event", after.iter().map(|(t, c)| (t.as_str(), before.get(t).copied(), *c)));
        let (before, after) = (&rules_report.roles.by_role, &learned_report.roles.by_role);
        print_kinds("role", after.iter().map(|(r, c)| (r.as_str(), before.get(r).copied(), *c)));
        json.insert(name.to_string(), serde_json::json!({"rules": rules_report, "learned": learned_report}));
    }
    if let Some(path) = json_out {
        std::fs::write(&path, serde_json::to_string_pretty(&json)?).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// One line per event type or role kind: the lists' F1, the classifiers' F1 and counts.
fn print_kinds<'a>(what: &str, kinds: impl Iterator<Item = (&'a str, Option<Prf>, Prf)>) {
    for (kind, before, after) in kinds {
        let before = before.map_or(0.0, |c| c.f1());
        println!("  {what} {kind:16} {before:.3} -> {:.3}  (tp {} fp {} fn {})", after.f1(), after.tp, after.fp, after.fn_);
    }
}

fn print_line(what: &str, before: &Report, after: &Report, value: impl Fn(&Report) -> f64) {
    println!("  {what:28} {:.3} -> {:.3}", value(before), value(after));
}
