//! Scoring per the guide (to be written).
