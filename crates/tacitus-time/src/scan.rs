//! A small tokenizer of our own for date matching: words, digit runs and single punctuation
//! characters, with byte spans, lower-cased text and whether whitespace came before.
//!
//! It is independent of the document tokens on purpose: dates need `2022-10-31`, `15:00`,
//! `1990s` and `Oct.` split finer than a general tokenizer does.

use std::borrow::Cow;

/// What a scanned token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

/// One scanned token. `lower` borrows from the text when it is already lower case, so most
/// tokens cost no allocation.
#[derive(Clone, Debug)]
pub struct Tok<'a> {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// Lower-cased text (the character itself for punctuation; apostrophes folded to `'`).
    pub lower: Cow<'a, str>,
    /// Whitespace precedes the token.
    pub space: bool,
    /// A line break precedes the token.
    pub newline: bool,
    /// The first character is upper case.
    pub upper: bool,
}

impl Tok<'_> {
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
}

/// Scan a text into tokens.
pub fn scan(text: &str) -> Vec<Tok<'_>> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut space = true;
    let mut newline = true;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            if c == '\n' {
                newline = true;
            }
            continue;
        }
        let (kind, end, lower) = if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            let mut has_upper = !c.is_lowercase();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                has_upper |= !d.is_lowercase();
                end = j + d.len_utf8();
                it.next();
            }
            let word = &text[i..end];
            let lower = if has_upper {
                Cow::Owned(word.to_lowercase())
            } else {
                Cow::Borrowed(word)
            };
            (Kind::Word, end, lower)
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                it.next();
            }
            (Kind::Num, end, Cow::Borrowed(&text[i..end]))
        } else {
            let end = i + c.len_utf8();
            let folded = match c {
                '\u{2019}' | '\u{2018}' | '`' => Cow::Borrowed("'"),
                '\u{2013}' | '\u{2014}' => Cow::Borrowed("-"),
                _ => Cow::Borrowed(&text[i..end]),
            };
            (Kind::Punct, end, folded)
        };
        toks.push(Tok {
            start: i as u32,
            end: end as u32,
            kind,
            lower,
            space,
            newline,
            upper: c.is_uppercase(),
        });
        space = false;
        newline = false;
    }
    toks
}

/// Does a sentence end just before token `i`? (A line break, or `. ! ?` then a space.)
pub fn boundary_before(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return true };
    if t.newline {
        return true;
    }
    match i.checked_sub(1).and_then(|p| toks.get(p)) {
        Some(p) => t.space && matches!(p.lower.as_ref(), "." | "!" | "?" | ";") && (t.upper || t.kind != Kind::Word),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_dates_finely() {
        let t = scan("On 2022-10-31, Oct. 31st at 15:00 in the 1990s’");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_ref()).collect();
        assert_eq!(
            words,
            vec!["on", "2022", "-", "10", "-", "31", ",", "oct", ".", "31", "st", "at", "15", ":", "00", "in", "the", "1990", "s", "'"]
        );
        assert!(t[0].upper && t[0].space && !t[2].space);
        assert_eq!(t[1].kind, Kind::Num);
        assert_eq!(&"On 2022"[t[1].start as usize..t[1].end as usize], "2022");
    }

    #[test]
    fn finds_sentence_boundaries() {
        let t = scan("He left. Then Monday\ncame");
        assert!(boundary_before(&t, 0));
        assert!(boundary_before(&t, 3));
        assert!(!boundary_before(&t, 4));
        assert!(boundary_before(&t, 5));
    }
}
