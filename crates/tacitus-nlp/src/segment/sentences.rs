//! Sentence boundaries over a token sequence.
//!
//! A sentence ends after `.`, `!`, `?` or an ellipsis (with the closing quotes and brackets
//! attached to it) when the next token can open a sentence; after an abbreviation or an initial
//! only when the next word is a clear sentence opener (`The`, `He`, `But`); at every paragraph
//! break (a blank line); and at a single line break that looks like the end of a headline or a
//! paragraph rather than a wrapped line. One forward pass over the tokens and the gaps between
//! them, so linear in the text.

use super::boundary::{self, BoundaryModel};
use super::lexicon;
use tacitus_doc::{Sentence, Span, Token};

/// Lines at least this long (in bytes) that end without punctuation are taken for wrapped
/// text, not headlines, when the next line is indented.
const WRAPPED_LINE_MIN: usize = 50;

/// What lies between two tokens.
#[derive(Clone, Copy, Default)]
struct Gap {
    newlines: u32,
    /// Spaces or tabs after the last line break (indentation of the next line).
    indent: u32,
    /// Byte offset just past the last line break, if any.
    line_start: Option<usize>,
}

fn gap(text: &str, from: usize, to: usize) -> Gap {
    let mut g = Gap::default();
    let bytes = &text.as_bytes()[from..to];
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        let newline = match b {
            b'\n' => true,
            b'\r' => bytes.get(k + 1) != Some(&b'\n'),
            // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR
            0xE2 if bytes.get(k + 1) == Some(&0x80) && matches!(bytes.get(k + 2), Some(0xA8 | 0xA9)) => {
                if bytes[k + 2] == 0xA9 {
                    g.newlines += 1;
                }
                k += 2;
                true
            }
            _ => false,
        };
        if newline {
            g.newlines += 1;
            g.indent = 0;
            g.line_start = Some(from + k + 1);
        } else if b == b' ' || b == b'\t' {
            g.indent += 1;
        }
        k += 1;
    }
    g
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn is_closer(tok: &str) -> bool {
    matches!(tok, "\"" | "”" | "’" | "'" | "''" | ")" | "]" | "}" | "»" | "›" | "“")
}

fn is_opener(tok: &str) -> bool {
    matches!(tok, "\"" | "“" | "‘" | "'" | "``" | "(" | "[" | "{" | "«" | "‹")
}

/// How a token can end a sentence.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Terminal {
    /// `.`
    Period,
    /// `!`, `?`, `?!`, `!!!`
    Exclamation,
    /// `...`, `…`
    Ellipsis,
    /// `U.S.`, `Inc.`, `etc.`
    Abbreviation,
    /// `J.`
    Initial,
    /// `Mr.`, `Gen.`, `No.`: never ends a sentence.
    Title,
}

fn terminal(tok: &str) -> Option<Terminal> {
    let first = first_char(tok);
    if tok == "." {
        return Some(Terminal::Period);
    }
    if tok == "…" || (tok.len() >= 2 && tok.bytes().all(|b| b == b'.')) || tok == "...." {
        return Some(Terminal::Ellipsis);
    }
    if matches!(first, '!' | '?') {
        return Some(Terminal::Exclamation);
    }
    if tok.len() > 1 && tok.ends_with('.') {
        if lexicon::is_title(tok) || lexicon::is_number_abbreviation(tok) {
            return Some(Terminal::Title);
        }
        let mut cs = tok.chars();
        let single = cs.next().is_some_and(char::is_uppercase) && cs.next() == Some('.') && cs.next().is_none();
        return Some(if single { Terminal::Initial } else { Terminal::Abbreviation });
    }
    None
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Splitter<'_> {
    fn tok(&self, i: usize) -> &str {
        let s = self.tokens[i].span;
        &self.text[s.start as usize..s.end as usize]
    }

    /// The gap between token `i` and token `i + 1`.
    fn gap_after(&self, i: usize) -> Gap {
        gap(self.text, self.tokens[i].span.end as usize, self.tokens[i + 1].span.start as usize)
    }

    fn attached(&self, i: usize) -> bool {
        self.tokens[i].span.end == self.tokens[i + 1].span.start
    }

    /// Can token `k` open a sentence after a period or question mark?
    fn can_open(&self, k: usize) -> bool {
        let t = self.tok(k);
        let f = first_char(t);
        if f.is_uppercase() || f.is_ascii_digit() {
            return true;
        }
        if is_opener(t) || matches!(f, '-' | '—' | '–' | '*' | '•' | '$' | '€' | '£' | '#' | '@' | '<') {
            return k + 1 >= self.tokens.len() || !first_char(self.tok(k + 1)).is_lowercase();
        }
        false
    }

    /// After a plain `.`, `!` or `?` (no closing quote), a lower-case word usually starts a new
    /// sentence too in web and e-mail text; in news the case hardly arises.
    fn lowercase_opens(&self, k: usize) -> bool {
        first_char(self.tok(k)).is_lowercase()
    }

    /// Is token `i` a list number (`2.` or `2.1.` opening a heading or an item)?
    fn is_list_number(&self, i: usize, sentence_start: usize) -> bool {
        i == sentence_start && self.tok(i).bytes().all(|b| b.is_ascii_digit() || b == b'.')
    }

    /// Citation marks (`[3]`, `[7] [8]`) right after a sentence end belong to that sentence: the
    /// last token of those that start at `k`.
    fn citations_end(&self, mut last: usize) -> usize {
        let n = self.tokens.len();
        while last + 3 < n
            && self.tok(last + 1) == "["
            && self.tok(last + 2).bytes().all(|b| b.is_ascii_digit())
            && self.tok(last + 3) == "]"
        {
            last += 3;
        }
        last
    }

    /// Does token `k` clearly open a new sentence after an abbreviation or initial?
    fn clearly_opens(&self, k: usize) -> bool {
        let t = self.tok(k);
        if lexicon::is_sentence_starter(t) {
            return true;
        }
        is_opener(t) && k + 1 < self.tokens.len() && first_char(self.tok(k + 1)).is_uppercase()
    }

    /// Does the single line break after token `i` end a sentence?
    fn line_break_ends(&self, i: usize, g: Gap, line_start: usize) -> bool {
        let next = self.tok(i + 1);
        if first_char(next).is_lowercase() {
            return false;
        }
        let last = self.tok(i);
        if matches!(last, "," | ";" | ":" | "(" | "[" | "-" | "–" | "—" | "&" | "/") || lexicon::is_title(last) {
            return false;
        }
        let line_len = (self.tokens[i].span.end as usize).saturating_sub(line_start);
        let wrapped = line_len >= WRAPPED_LINE_MIN && g.indent >= 2;
        !wrapped || terminal(last).is_some()
    }

    fn run(&self) -> Vec<bool> {
        let n = self.tokens.len();
        let mut ends = vec![false; n];
        let mut line_start = 0usize;
        let mut sentence_start = 0usize;
        let mut i = 0;
        while i + 1 < n {
            let g = self.gap_after(i);
            if g.newlines >= 2 || (g.newlines == 1 && self.line_break_ends(i, g, line_start)) {
                ends[i] = true;
            }
            if let Some(s) = g.line_start {
                line_start = s;
            }
            if ends[i] {
                sentence_start = i + 1;
                i += 1;
                continue;
            }
            let Some(kind) = terminal(self.tok(i)) else {
                i += 1;
                continue;
            };
            // Closing quotes and brackets attached to the punctuation belong to its sentence.
            let mut last = i;
            while last + 1 < n && self.attached(last) && is_closer(self.tok(last + 1)) {
                last += 1;
            }
            last = self.citations_end(last);
            if last + 1 >= n {
                break;
            }
            let k = last + 1;
            let g = if last == i { g } else { self.gap_after(last) };
            let split = g.newlines >= 2
                || match kind {
                    Terminal::Period if i > 0 && self.is_list_number(i - 1, sentence_start) => false,
                    Terminal::Period | Terminal::Exclamation => self.can_open(k) || (last == i && self.lowercase_opens(k)),
                    Terminal::Ellipsis => first_char(self.tok(k)).is_uppercase(),
                    Terminal::Abbreviation | Terminal::Initial => self.clearly_opens(k),
                    Terminal::Title => false,
                };
            if split {
                ends[last] = true;
                sentence_start = last + 1;
            }
            // Line breaks inside the absorbed closers still move the line start.
            for j in i + 1..last {
                if let Some(s) = self.gap_after(j).line_start {
                    line_start = s;
                }
            }
            if last > i {
                if let Some(s) = g.line_start {
                    line_start = s;
                }
            }
            i = last + 1;
        }
        ends
    }
}

/// Where the rules alone end sentences: `ends[i]` is true when a sentence ends after token `i`.
pub(crate) fn rule_ends(text: &str, tokens: &[Token]) -> Vec<bool> {
    Splitter { text, tokens }.run()
}

/// Group `tokens` of `text` into sentences by the rules and the bundled boundary classifier.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    split_sentences_with(text, tokens, Some(BoundaryModel::bundled()))
}

/// Group `tokens` of `text` into sentences, by the rules and, if given, a boundary classifier
/// for the gaps the rules leave open.
pub fn split_sentences_with(text: &str, tokens: &[Token], model: Option<&BoundaryModel>) -> Vec<Sentence> {
    let mut ends = rule_ends(text, tokens);
    if let Some(model) = model {
        for (i, end) in ends.iter_mut().enumerate() {
            if !*end && boundary::is_candidate(text, tokens, i) && model.ends_sentence(text, tokens, i) {
                *end = true;
            }
        }
    }
    let mut sentences = Vec::new();
    let mut first = 0usize;
    for (i, &end) in ends.iter().enumerate() {
        if end || i + 1 == tokens.len() {
            let span = Span::new(tokens[first].span.start, tokens[i].span.end);
            sentences.push(Sentence {
                span,
                first_token: first as u32,
                end_token: i as u32 + 1,
            });
            first = i + 1;
        }
    }
    sentences
}

#[cfg(test)]
mod tests {
    use crate::segment::segment_text;

    fn sents(text: &str) -> Vec<&str> {
        let (sentences, _) = segment_text(text);
        sentences
            .iter()
            .map(|s| &text[s.span.start as usize..s.span.end as usize])
            .collect()
    }

    #[test]
    fn ends_at_final_punctuation() {
        assert_eq!(
            sents("Russia hosts talks. Armenia agrees! Will Baku come? Yes."),
            ["Russia hosts talks.", "Armenia agrees!", "Will Baku come?", "Yes."]
        );
    }

    #[test]
    fn abbreviations_titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sents("Mr. Pashinyan met Gen. Smith and Dr. Jones in the U.S. capital."),
            ["Mr. Pashinyan met Gen. Smith and Dr. Jones in the U.S. capital."]
        );
        assert_eq!(
            sents("J. R. R. Tolkien wrote it. George W. Bush read it."),
            ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]
        );
        assert_eq!(
            sents("The talks began Sept. 5 in Sochi. No. 2 was absent."),
            ["The talks began Sept. 5 in Sochi.", "No. 2 was absent."]
        );
    }

    #[test]
    fn abbreviations_before_examples_and_dates_never_end_sentences() {
        let text = "Material (e.g. The Programming Historian) exists. Hamdan v. Rumsfeld was decided (c. 1818).";
        assert_eq!(
            sents(text),
            [
                "Material (e.g. The Programming Historian) exists.",
                "Hamdan v. Rumsfeld was decided (c. 1818)."
            ]
        );
    }

    #[test]
    fn abbreviation_before_a_clear_opener_ends_the_sentence() {
        assert_eq!(
            sents("Troops left the U.S. The war ended."),
            ["Troops left the U.S.", "The war ended."]
        );
        assert_eq!(
            sents("It sells fruit, nuts, etc. But not meat."),
            ["It sells fruit, nuts, etc.", "But not meat."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(sents("“We agree.” Putin smiled."), ["“We agree.”", "Putin smiled."]);
        assert_eq!(sents("He said \"no.\" Then he left."), ["He said \"no.\"", "Then he left."]);
        assert_eq!(sents("(It rained.) The talks went on."), ["(It rained.)", "The talks went on."]);
        assert_eq!(sents("\"Why?\" he asked."), ["\"Why?\" he asked."]);
        assert_eq!(sents("It was born in 1999. [3] It died."), ["It was born in 1999. [3]", "It died."]);
    }

    #[test]
    fn decimals_and_numbers_do_not_end_sentences() {
        assert_eq!(
            sents("Growth was 3.5 percent in 2021. Prices rose 1,000 times."),
            ["Growth was 3.5 percent in 2021.", "Prices rose 1,000 times."]
        );
    }

    #[test]
    fn headlines_and_datelines() {
        let text =
            "Putin Hosts Armenia and Azerbaijan\n\nMOSCOW, Oct 31 (Reuters) - Russia said on Monday it was ready.\nNext line starts here.";
        assert_eq!(
            sents(text),
            [
                "Putin Hosts Armenia and Azerbaijan",
                "MOSCOW, Oct 31 (Reuters) - Russia said on Monday it was ready.",
                "Next line starts here."
            ]
        );
        assert_eq!(
            sents("Crimes of boredom\nBob Katter spoke."),
            ["Crimes of boredom", "Bob Katter spoke."]
        );
        assert_eq!(
            sents("MOSCOW, Oct. 31 (Reuters) - Russia said."),
            ["MOSCOW, Oct. 31 (Reuters) - Russia said."]
        );
    }

    #[test]
    fn wrapped_lines_do_not_end_sentences() {
        let text = "The ceasefire that both armies had agreed to in the spring\n    collapsed in September.";
        assert_eq!(sents(text), [text]);
        assert_eq!(sents("talks were\nheld in Sochi."), ["talks were\nheld in Sochi."]);
    }

    #[test]
    fn ellipses_and_list_numbers() {
        assert_eq!(
            sents("We waited... and waited... Nothing came."),
            ["We waited... and waited...", "Nothing came."]
        );
        assert_eq!(sents("1. Introduction of the plan"), ["1. Introduction of the plan"]);
    }

    #[test]
    fn lower_case_after_a_plain_period_starts_a_sentence() {
        assert_eq!(sents("i went home. it rained."), ["i went home.", "it rained."]);
    }
}
