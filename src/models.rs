//! The record stages' trained classifiers: the shipped set
//! (`models/records.json`, built in) or one read from a file
//! (`scoop train records` writes them; `learn` trains them).

use crate::events::EventModel;
use crate::roles::RoleModel;
use anyhow::Result;
use scoop_learn::ModelSet;
use std::path::Path;

/// The shipped classifiers, built into the binary.
const SHIPPED: &str = include_str!("../models/records.json");

/// The record stages' classifiers; a stage without one uses its cue lists alone.
#[derive(Default)]
pub struct RecordModels {
    /// The roles stage's.
    pub roles: Option<RoleModel>,
    /// The events stage's.
    pub events: Option<EventModel>,
}

impl RecordModels {
    /// The classifiers of `models/records.json` as of the build.
    pub fn shipped() -> RecordModels {
        let set = ModelSet::from_json(SHIPPED, "models/records.json").expect("the built-in models/records.json is checked by its tests");
        RecordModels::from_set(&set)
    }

    /// The classifiers of a model file (`scoop train records` writes one).
    pub fn load(path: &Path) -> Result<RecordModels> {
        Ok(RecordModels::from_set(&ModelSet::load(path)?))
    }

    /// The classifiers a model set holds.
    pub fn from_set(set: &ModelSet) -> RecordModels {
        RecordModels { roles: RoleModel::from_set(set), events: EventModel::from_set(set) }
    }

    /// The classifiers as one model set.
    pub fn to_set(&self) -> ModelSet {
        let mut set = ModelSet::new();
        if let Some(roles) = &self.roles {
            roles.add_to(&mut set);
        }
        if let Some(events) = &self.events {
            events.add_to(&mut set);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_set_parses_and_holds_every_classifier() {
        let set = ModelSet::from_json(SHIPPED, "models/records.json").unwrap();
        let models = RecordModels::from_set(&set);
        assert!(models.roles.is_some() && models.events.is_some(), "models/records.json lacks a stage's classifiers");
    }
}
