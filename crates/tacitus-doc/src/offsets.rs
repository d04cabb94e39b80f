//! Byte ↔ character offset conversion for output records.

/// Maps byte offsets of a text to character offsets (Unicode scalar values, as Python counts).
/// Built once per document; lookups are a binary search over the non-ASCII characters only.
pub struct CharIndex {
    /// Byte offsets just past each multi-byte character, with the cumulative extra bytes.
    marks: Vec<(u32, u32)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut extra = 0u32;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8() as u32;
            if n > 1 {
                extra += n - 1;
                marks.push((i as u32 + n, extra));
            }
        }
        CharIndex { marks }
    }

    /// Character offset of a byte offset that lies on a character boundary.
    pub fn char_of(&self, byte: u32) -> u32 {
        let i = self.marks.partition_point(|&(b, _)| b <= byte);
        if i == 0 {
            byte
        } else {
            byte - self.marks[i - 1].1
        }
    }

    pub fn span(&self, span: crate::Span) -> [u32; 2] {
        [self.char_of(span.start), self.char_of(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_like_python() {
        let t = "“We” met in Sochi";
        let ix = CharIndex::new(t);
        let b = t.find("Sochi").unwrap() as u32;
        assert_eq!(ix.char_of(b), t[..b as usize].chars().count() as u32);
        assert_eq!(ix.char_of(0), 0);
        assert_eq!(ix.char_of(t.len() as u32), t.chars().count() as u32);
    }
}
