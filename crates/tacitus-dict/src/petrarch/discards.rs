//! Discard lists: phrases that stop a sentence (or, with a leading `+`, a whole story) from
//! being coded. A trailing `_` requires a word boundary after the phrase; otherwise the last
//! word is a stem. Matching ignores case.

use super::text::{lines, FileReport};

/// One discard phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discard {
    pub line: usize,
    /// Upper-case phrase, words separated by single blanks.
    pub phrase: String,
    pub story: bool,
    /// The phrase must end at a word boundary.
    pub whole_word: bool,
}

/// What a discard match means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscardKind {
    Sentence,
    Story,
}

#[derive(Clone, Debug, Default)]
pub struct DiscardList {
    pub entries: Vec<Discard>,
}

impl DiscardList {
    pub fn parse(text: &str, file: &str) -> (DiscardList, FileReport) {
        let mut d = DiscardList::default();
        let mut rep = FileReport::new(file, text);
        for line in lines(text, &['#']) {
            let body = line.body.trim();
            if body.is_empty() {
                continue;
            }
            let (story, rest) = match body.strip_prefix('+') {
                Some(r) => (true, r.trim()),
                None => (false, body),
            };
            let whole_word = rest.ends_with('_');
            let phrase: Vec<String> = rest
                .split(|c: char| c.is_whitespace() || c == '_')
                .filter(|w| !w.is_empty())
                .map(|w| w.to_uppercase())
                .collect();
            if phrase.is_empty() || rest.contains(['[', ']']) {
                rep.reject(line.no, line.raw, "not a discard phrase");
                continue;
            }
            d.entries.push(Discard {
                line: line.no,
                phrase: phrase.join(" "),
                story,
                whole_word,
            });
            rep.entries += 1;
        }
        (d, rep)
    }

    /// The first discard phrase found in `text` (a sentence or story), with its kind.
    /// Story discards win over sentence discards.
    pub fn check(&self, text: &str) -> Option<(DiscardKind, &Discard)> {
        let norm: String = text
            .to_uppercase()
            .chars()
            .map(|c| if c.is_alphanumeric() || c == '\'' || c == '-' { c } else { ' ' })
            .collect();
        let padded = format!(" {} ", norm.split_whitespace().collect::<Vec<_>>().join(" "));
        let mut found: Option<(DiscardKind, &Discard)> = None;
        for d in &self.entries {
            let needle = format!(" {}", d.phrase);
            let hit = padded.match_indices(&needle).any(|(i, _)| {
                let after = padded[i + needle.len()..].chars().next();
                !d.whole_word || after.is_none_or(|c| c == ' ')
            });
            if hit {
                let kind = if d.story { DiscardKind::Story } else { DiscardKind::Sentence };
                if kind == DiscardKind::Story {
                    return Some((kind, d));
                }
                found.get_or_insert((kind, d));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_and_sentence_discards() {
        let (d, r) = DiscardList::parse("BASEBALL\n+TYPHOON # x\nCUP_\n", "f");
        assert_eq!(r.entries, 3);
        assert_eq!(d.check("A typhoon hit.").unwrap().0, DiscardKind::Story);
        assert_eq!(d.check("Baseballs flew").unwrap().0, DiscardKind::Sentence);
        assert!(d.check("The cupboard").is_none());
        assert!(d.check("The cup.").is_some());
        assert!(d.check("Peace talks").is_none());
    }
}
