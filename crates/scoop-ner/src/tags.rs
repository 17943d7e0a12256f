//! The tag set: `O` plus `B-`/`I-` for each entity type, as small indices.

/// Entity types in tag-index order. `WORK` only comes from the domain gold.
pub const TYPES: [&str; 5] = ["PER", "ORG", "LOC", "WORK", "MISC"];

/// Number of tags: `O`, then `B-T`, `I-T` for each type.
pub const NUM_TAGS: usize = 1 + 2 * TYPES.len();

const NAMES: [&str; NUM_TAGS] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-WORK", "I-WORK", "B-MISC", "I-MISC"];

/// An IOB2 tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(pub(crate) u8);

impl Tag {
    /// Outside any entity.
    pub const O: Tag = Tag(0);

    /// `B-` of the type at `type_index` in [`TYPES`].
    pub fn begin(type_index: usize) -> Tag {
        Tag(1 + 2 * type_index as u8)
    }

    /// `I-` of the type at `type_index` in [`TYPES`].
    pub fn inside(type_index: usize) -> Tag {
        Tag(2 + 2 * type_index as u8)
    }

    /// Parses `O`, `B-PER`, `I-WORK`…; unknown types are `None`.
    pub fn parse(s: &str) -> Option<Tag> {
        NAMES.iter().position(|n| *n == s).map(|i| Tag(i as u8))
    }

    /// The tag's index, below [`NUM_TAGS`].
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The tag of an index below [`NUM_TAGS`].
    pub fn from_index(i: usize) -> Tag {
        Tag(i as u8)
    }

    /// `O`, `B-PER`, `I-WORK`…
    pub fn as_str(self) -> &'static str {
        NAMES[self.index()]
    }

    /// The entity type index, `None` for `O`.
    pub fn type_index(self) -> Option<usize> {
        (self.0 > 0).then(|| (self.0 as usize - 1) / 2)
    }

    /// The entity type name, `None` for `O`.
    pub fn entity_type(self) -> Option<&'static str> {
        self.type_index().map(|t| TYPES[t])
    }

    /// A `B-` tag.
    pub fn is_begin(self) -> bool {
        self.0 & 1 == 1
    }

    /// An `I-` tag.
    pub fn is_inside(self) -> bool {
        self.0 > 0 && self.0 & 1 == 0
    }

    /// IOB2 well-formedness: `I-T` only continues a `T` entity.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        match self.type_index() {
            Some(t) if self.is_inside() => prev.and_then(Tag::type_index) == Some(t),
            _ => true,
        }
    }
}

/// Entity spans `(start, end, type_index)` of an IOB2 sequence, end exclusive.
/// A stray `I-` starts an entity, as conlleval reads it.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let continues = tag.is_inside() && open.is_some_and(|(_, t)| Some(t) == tag.type_index());
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push((s, i, t));
            }
            open = tag.type_index().map(|t| (i, t));
        }
    }
    if let Some((s, t)) = open {
        out.push((s, tags.len(), t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for i in 0..NUM_TAGS {
            assert_eq!(Tag::parse(Tag::from_index(i).as_str()), Some(Tag::from_index(i)));
        }
        assert_eq!(Tag::begin(3).as_str(), "B-WORK");
        assert_eq!(Tag::inside(0).entity_type(), Some("PER"));
    }

    #[test]
    fn spans_of_iob2() {
        let t = |s: &str| Tag::parse(s).unwrap();
        let tags = [t("B-PER"), t("I-PER"), t("O"), t("I-LOC"), t("B-LOC"), t("I-ORG")];
        assert_eq!(spans(&tags), vec![(0, 2, 0), (3, 4, 2), (4, 5, 2), (5, 6, 1)]);
    }
}
