//! Conversions between UTF-8 byte offsets and Unicode code-point offsets.
//!
//! News text is mostly ASCII, so instead of a table entry per byte the map
//! records only the non-ASCII characters; a conversion is a binary search.

/// `text[start..end]` widened to char boundaries and clipped to the text.
pub fn slice_within(text: &str, mut start: usize, end: usize) -> &str {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}

/// Byte ↔ code-point offset map for one string.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// For each non-ASCII char: (byte offset, extra bytes before it, i.e.
    /// bytes minus code points up to that char).
    wide_chars: Vec<(u32, u32)>,
    /// Byte length of each wide char, parallel to `wide_chars`.
    widths: Vec<u8>,
}

impl OffsetMap {
    /// The map of a text.
    pub fn new(text: &str) -> OffsetMap {
        let mut map = OffsetMap::default();
        let mut extra = 0u32;
        for (byte, c) in text.char_indices() {
            let width = c.len_utf8();
            if width > 1 {
                map.wide_chars.push((byte as u32, extra));
                map.widths.push(width as u8);
                extra += width as u32 - 1;
            }
        }
        map
    }

    /// Code-point offset of the char boundary at `byte`.
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte as u32;
        // Wide chars strictly before `byte` contribute their extra bytes.
        let i = self.wide_chars.partition_point(|&(b, _)| b < byte);
        match i.checked_sub(1) {
            None => byte as usize,
            Some(last) => {
                let (b, extra) = self.wide_chars[last];
                let extra_through = extra + self.widths[last] as u32 - 1;
                debug_assert!(b + self.widths[last] as u32 <= byte, "byte offset inside a char");
                (byte - extra_through) as usize
            }
        }
    }

    /// Byte offset of the code point at `char_offset`.
    pub fn byte_at(&self, char_offset: usize) -> usize {
        let c = char_offset as u32;
        // Char offset of each wide char is byte - extra; find those before `c`.
        let i = self.wide_chars.partition_point(|&(b, extra)| b - extra < c);
        match i.checked_sub(1) {
            None => c as usize,
            Some(last) => {
                let (_, extra) = self.wide_chars[last];
                (c + extra + self.widths[last] as u32 - 1) as usize
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways_on_mixed_text() {
        let text = "a’b “c” São — 한국 end";
        let map = OffsetMap::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_at(byte), chars, "byte {byte}");
            assert_eq!(map.byte_at(chars), byte, "char {chars}");
        }
        let total_chars = text.chars().count();
        assert_eq!(map.char_at(text.len()), total_chars);
        assert_eq!(map.byte_at(total_chars), text.len());
    }

    #[test]
    fn ascii_is_identity() {
        let map = OffsetMap::new("plain ascii");
        assert_eq!(map.char_at(6), 6);
        assert_eq!(map.byte_at(6), 6);
    }
}
