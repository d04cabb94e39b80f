//! The bundled example articles (examples/*.txt, written by the tacitus team), used by
//! `tacitus demo`. Each file starts with `date: YYYY-MM-DD`, a blank line, then the text.

use crate::input::{parse_date, InputDoc};

/// (id, file contents) of every bundled example.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("sochi-talks", include_str!("../../../examples/sochi-talks.txt")),
    ("grain-deal", include_str!("../../../examples/grain-deal.txt")),
    ("sahel-coup", include_str!("../../../examples/sahel-coup.txt")),
];

/// Parse one example file into a document.
pub fn parse_example(id: &str, contents: &str) -> Option<InputDoc> {
    let (head, text) = contents.split_once("\n\n")?;
    let date = parse_date(head.strip_prefix("date:")?.trim())?;
    let mut doc = InputDoc::new(id, text.trim_end(), date);
    doc.source = Some("tacitus examples".into());
    Some(doc)
}

/// All bundled examples as documents.
pub fn examples() -> Vec<InputDoc> {
    EXAMPLES.iter().filter_map(|(id, c)| parse_example(id, c)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_example_parses() {
        assert_eq!(super::examples().len(), super::EXAMPLES.len());
    }
}
