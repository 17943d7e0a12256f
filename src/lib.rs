//! scoop: persons, roles, events and dates from entertainment-news articles.
//!
//! The pipeline, one module a stage: [`input`] → [`normalize`] →
//! [`tokenize`] → [`ner`] ‖ dates (`scoop_timex`) → [`persons`] → [`roles`]
//! → [`events`] → [`output`]. Each stage fills in a layer of the
//! [`document::Doc`]; [`batch`] runs them over a corpus.

#![warn(missing_docs)]

pub mod batch;
pub mod document;
pub mod events;
pub mod features;
pub mod input;
pub mod learn;
pub mod models;
pub mod names;
pub mod ner;
pub mod normalize;
pub mod offsets;
pub mod output;
pub mod persons;
pub mod pipeline;
pub mod records;
pub mod resources;
pub mod roles;
pub mod span;
pub mod stage;
pub mod tokenize;
