//! The report as a fixed-layout table for people.

use super::counts::{Accuracy, Prf};
use super::Report;
use crate::format::Status;
use std::fmt::Write;

const NAME_WIDTH: usize = 30;

impl Report {
    /// Documents, then P/R/F1 rows, accuracy rows and the event status confusion,
    /// every figure beside its counts; the layout never depends on the data.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let d = &self.docs;
        let _ = writeln!(
            out,
            "documents: {} gold, {} system, {} scored, {} missing from system, {} system without gold, {} duplicate system",
            d.gold, d.system, d.scored, d.missing_from_system, d.system_without_gold, d.duplicate_system
        );
        out.push('\n');
        self.prf_table(&mut out);
        out.push('\n');
        self.accuracy_table(&mut out);
        out.push('\n');
        self.confusion_table(&mut out);
        out
    }

    fn prf_table(&self, out: &mut String) {
        let _ = writeln!(out, "{:<NAME_WIDTH$}{:>7}{:>7}{:>7}{:>8}{:>8}{:>8}", "P/R/F1", "tp", "fp", "fn", "P", "R", "F1");
        prf_row(out, "mentions strict", &self.mentions.strict);
        for (label, prf) in &self.mentions.strict_by_label {
            prf_row(out, &format!("  {label}"), prf);
        }
        prf_row(out, "mentions set (text, label)", &self.mentions.set);
        for (label, prf) in &self.mentions.set_by_label {
            prf_row(out, &format!("  {label}"), prf);
        }
        prf_row(out, "dates strict span", &self.dates.strict);
        prf_row(out, "dates overlap span", &self.dates.overlap);
        prf_row(out, "dates value (overlap+value)", &self.dates.value_f1);
        prf_row(out, "persons (real)", &self.persons.real);
        prf_row(out, "persons (with characters)", &self.persons.with_characters);
        prf_row(out, "roles", &self.roles.overall);
        for (role, prf) in &self.roles.by_role {
            prf_row(out, &format!("  {}", role.as_str()), prf);
        }
        prf_row(out, "events", &self.events.overall);
        for (event_type, prf) in &self.events.by_type {
            prf_row(out, &format!("  {}", event_type.as_str()), prf);
        }
    }

    fn accuracy_table(&self, out: &mut String) {
        let _ = writeln!(out, "{:<NAME_WIDTH$}{:>9}{:>7}{:>8}", "accuracy", "correct", "total", "acc");
        accuracy_row(out, "dates value", &self.dates.value);
        accuracy_row(out, "dates type", &self.dates.timex_type);
        accuracy_row(out, "dates mod", &self.dates.modifier);
        accuracy_row(out, "persons kind", &self.persons.kind);
        accuracy_row(out, "roles work", &self.roles.work);
        accuracy_row(out, "events status", &self.events.status);
        accuracy_row(out, "events work", &self.events.work);
        accuracy_row(out, "events location", &self.events.location);
    }

    fn confusion_table(&self, out: &mut String) {
        let _ = write!(out, "{:<NAME_WIDTH$}", "event status: gold \\ system");
        for status in Status::ALL {
            let _ = write!(out, "{:>11}", status.as_str());
        }
        out.push('\n');
        for (gold, row) in &self.events.status_confusion {
            let _ = write!(out, "{:<NAME_WIDTH$}", format!("  {}", gold.as_str()));
            for count in row.values() {
                let _ = write!(out, "{count:>11}");
            }
            out.push('\n');
        }
    }
}

fn prf_row(out: &mut String, name: &str, p: &Prf) {
    let _ = writeln!(out, "{name:<NAME_WIDTH$}{:>7}{:>7}{:>7}{:>8.3}{:>8.3}{:>8.3}", p.tp, p.fp, p.fn_, p.precision(), p.recall(), p.f1());
}

fn accuracy_row(out: &mut String, name: &str, a: &Accuracy) {
    let _ = writeln!(out, "{name:<NAME_WIDTH$}{:>9}{:>7}{:>8.3}", a.correct, a.total, a.accuracy());
}
