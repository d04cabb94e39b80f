//! Sentence splitting and tokenization for English news.
//!
//! Tokens follow UD English (EWT) conventions, because the parser is trained on EWT: punctuation
//! split off, clitics and possessives as their own tokens (`do` `n't`, `Bush` `'s`, `gon` `na`),
//! hyphens split except after prefixes such as `e-`, `non-`, `co-`, abbreviations and initials
//! keeping their period (`U.S.`, `Gen.`, `J.`), numbers, times, URLs and e-mail addresses
//! whole. Every non-space character belongs to exactly one token, and spans are byte offsets
//! into the original text. See [`tokenize`] and [`sentences`] for the rules.
//!
//! After the rules, a small learned classifier ([`boundary`]) decides the gaps they leave open,
//! which matters for web and e-mail text that ends sentences without punctuation; on news it
//! measured neutral. [`segment_text_with`] with `None` runs the rules alone.
//!
//! ```
//! use tacitus_nlp::segment::segment_text;
//! let text = "Mr. Putin met U.S. envoys. They didn't agree.";
//! let (sentences, tokens) = segment_text(text);
//! assert_eq!(sentences.len(), 2);
//! let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.start as usize..t.span.end as usize]).collect();
//! assert_eq!(words[..4], ["Mr.", "Putin", "met", "U.S."]);
//! assert_eq!(words[7..10], ["did", "n't", "agree"]);
//! ```

pub mod boundary;
mod lexicon;
pub mod sentences;
pub mod tokenize;

/// Errors of the segmentation stage (only a malformed boundary model can cause one).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A boundary model file has a malformed line.
    #[error("boundary model, line {line}: {msg}")]
    Model { line: usize, msg: String },
}

pub use boundary::BoundaryModel;
use tacitus_doc::{Document, Sentence, Token};

/// Fill `doc.sentences` and `doc.tokens` from `doc.text`.
pub fn segment(doc: &mut Document) {
    let (sentences, tokens) = segment_text(&doc.text);
    doc.sentences = sentences;
    doc.tokens = tokens;
}

/// Split a text into sentences and tokens (byte spans into `text`): the rules, then the
/// bundled boundary classifier on the gaps they leave open.
///
/// Sentences cover consecutive token ranges, in order, and together hold every token.
pub fn segment_text(text: &str) -> (Vec<Sentence>, Vec<Token>) {
    segment_text_with(text, Some(BoundaryModel::bundled()))
}

/// Split a text into sentences and tokens, with an optional boundary classifier (`None`: the
/// punctuation and layout rules alone).
pub fn segment_text_with(text: &str, model: Option<&BoundaryModel>) -> (Vec<Sentence>, Vec<Token>) {
    let tokens = tokenize_text(text);
    let sentences = sentences::split_sentences_with(text, &tokens, model);
    (sentences, tokens)
}

/// Only the tokens of a text (byte spans into `text`).
pub fn tokenize_text(text: &str) -> Vec<Token> {
    // Tokens average about five bytes of text; reserving avoids most regrowth.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize::tokenize_into(text, &mut tokens);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Check the invariants every output must keep, whatever the input.
    fn check_invariants(text: &str) {
        let (sentences, tokens) = segment_text(text);
        let mut covered = 0usize;
        for t in &tokens {
            let (a, b) = (t.span.start as usize, t.span.end as usize);
            assert!(a < b && b <= text.len(), "bad span {a}..{b}");
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
            assert!(a >= covered, "tokens overlap or go backwards at {a}");
            assert!(
                text[covered..a].chars().all(tokenize::is_space),
                "non-space char outside tokens before {a}"
            );
            assert!(!text[a..b].chars().any(tokenize::is_space), "space inside token {:?}", &text[a..b]);
            covered = b;
        }
        assert!(text[covered..].chars().all(tokenize::is_space));
        let mut next = 0u32;
        for s in &sentences {
            assert_eq!(s.first_token, next);
            assert!(s.end_token > s.first_token);
            assert_eq!(s.span.start, tokens[s.first_token as usize].span.start);
            assert_eq!(s.span.end, tokens[s.end_token as usize - 1].span.end);
            next = s.end_token;
        }
        assert_eq!(next as usize, tokens.len());
    }

    /// A small deterministic generator, so the random tests repeat exactly.
    struct XorShift(u64);
    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn random_bytes_decoded_lossily_never_break_invariants() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..300 {
            let len = (rng.next() % 200) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            check_invariants(&String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn random_mixes_of_tricky_pieces_never_break_invariants() {
        let pieces = [
            "U.S.",
            "Mr.",
            " ",
            "\n",
            "\n\n",
            ".",
            "...",
            "?!",
            "\"",
            "“",
            "”",
            "'s",
            "n't",
            "’",
            "-",
            "—",
            "3.5",
            "1,000",
            "http://x.org/a",
            "a@b.com",
            "(",
            ")",
            "[3]",
            "Gen",
            "J.",
            "e-mail",
            "The",
            "don't",
            "\u{0}",
            "\u{200B}",
            "é",
            "\u{0301}",
            "9/11",
            "$",
            "%",
            "--",
            "'90s",
            ":",
            "No.",
            "5",
            "x",
        ];
        let mut rng = XorShift(42);
        for _ in 0..2000 {
            let n = (rng.next() % 30) as usize;
            let text: String = (0..n).map(|_| pieces[(rng.next() % pieces.len() as u64) as usize]).collect();
            check_invariants(&text);
        }
    }

    #[test]
    fn odd_inputs_are_handled() {
        for text in [
            "",
            " ",
            "\n\n\n",
            ".",
            "....",
            "?!?!",
            "\u{0}\u{1}\u{7f}",
            "'",
            "’s",
            "-",
            "a-",
            "-a",
            "U.S",
            "1,",
            ",1",
            "http://",
        ] {
            check_invariants(text);
        }
        let (s, t) = segment_text("!!! ??? ...");
        assert_eq!((s.len(), t.len()), (1, 3));
    }

    #[test]
    fn a_megabyte_without_spaces_is_one_pass() {
        let words = "a".repeat(1 << 20);
        let (s, t) = segment_text(&words);
        assert_eq!((s.len(), t.len()), (1, 1));
        let dots = ".".repeat(1 << 20);
        assert_eq!(segment_text(&dots).1.len(), 1);
        let mixed = "ab.".repeat(1 << 18);
        check_invariants(&mixed);
        let hyphens = "non-".repeat(1 << 18);
        check_invariants(&hyphens);
        let apostrophes = "a'".repeat(1 << 19);
        check_invariants(&apostrophes);
    }

    #[test]
    fn classifier_only_adds_boundaries_and_keeps_invariants() {
        let text = "i will call you tomorrow Thanks Bob\n\nMeeting moved to 3pm Please confirm";
        let (rules, _) = segment_text_with(text, None);
        let (both, _) = segment_text(text);
        assert!(both.len() >= rules.len());
        for t in ["", "Thanks", "A B C D E F", "x\u{0}Y 1 2 3 Z"] {
            let (s, tokens) = segment_text(t);
            assert_eq!(s.last().map_or(0, |s| s.end_token as usize), tokens.len());
        }
    }

    #[test]
    fn segment_fills_the_document() {
        let mut doc = Document::new("d", "Putin met Aliyev. They talked.", None);
        segment(&mut doc);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.token_text(0), "Putin");
        assert_eq!(doc.tokens.len(), 7);
    }
}
