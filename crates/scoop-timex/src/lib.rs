//! TIMEX3 tagger.
