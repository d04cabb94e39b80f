//! Tokenization of English text into UD English (EWT) tokens, as byte spans.
//!
//! The text is cut at whitespace into chunks; each chunk is split by one left-to-right pass with
//! a few characters of lookahead, so the whole run is linear in the text length whatever the
//! input (a megabyte without a space is one chunk and one pass).

use super::lexicon;
use tacitus_doc::{Span, Token};

/// Is `c` a separator between tokens? Control characters and zero-width marks count as space:
/// they are never part of a token.
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c <= ' ' || c == '\x7f';
    }
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200C}' | '\u{200D}' | '\u{00AD}')
}

/// Characters that make up words: letters, digits, combining marks and `_`.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || is_combining(c)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`')
}

/// Emoticons kept as one token (`:)`), as EWT does.
const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ";-)", ":-D", ":-P", ":)", ":(", ":D", ":P", ":p", ";)", "=)", "^_^", "<3",
];

/// Units written right after a number that EWT splits off (`5pm` → `5` `pm`, `35mm`).
const NUMBER_SUFFIXES: &[&str] = &[
    "am", "cm", "ft", "gb", "hr", "hrs", "k", "kb", "kg", "km", "lb", "lbs", "mb", "mg", "min", "mins", "ml", "mm", "mph", "oz", "pm",
    "sec", "secs", "yrs",
];

/// The character at byte `pos` of `text` (which must be a character boundary).
fn char_at(text: &str, pos: usize) -> char {
    text[pos..].chars().next().unwrap_or(' ')
}

/// Split `text` into tokens (byte spans), appending to `out`.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let c = char_at(text, pos);
        if is_space(c) {
            pos += c.len_utf8();
            continue;
        }
        // Find the chunk's end, noting whether it is a plain ASCII word (the common case, which
        // needs no further splitting beyond `gonna`-style contractions).
        let start = pos;
        let mut plain = true;
        let mut web = false;
        while pos < bytes.len() {
            let b = bytes[pos];
            if b < 0x80 {
                if b <= b' ' || b == 0x7f {
                    break;
                }
                plain &= b.is_ascii_alphanumeric();
                web |= matches!(b, b'@' | b'/' | b'w' | b'W');
                pos += 1;
            } else {
                let c = char_at(text, pos);
                if is_space(c) {
                    break;
                }
                plain = false;
                pos += c.len_utf8();
            }
        }
        let end = pos;
        // Plain chunks like `5pm` still need their unit split off.
        plain &= !(bytes[start].is_ascii_digit() && bytes[end - 1].is_ascii_alphabetic());
        if plain {
            match lexicon::fused_contraction_split(&text[start..end]) {
                Some(n) => {
                    out.push(Token {
                        span: Span::new(start as u32, (start + n) as u32),
                    });
                    out.push(Token {
                        span: Span::new((start + n) as u32, end as u32),
                    });
                }
                None => out.push(Token {
                    span: Span::new(start as u32, end as u32),
                }),
            }
            continue;
        }
        chars.clear();
        chars.extend(text[start..end].char_indices().map(|(i, c)| (start + i, c)));
        // The first visible character after the chunk, for `No. 5`-style decisions.
        let after = text[end..].chars().find(|&c| !is_space(c));
        Chunk {
            text,
            chars: &chars,
            end,
            after,
            out: &mut *out,
        }
        .split(web);
    }
}

/// One whitespace-free run of characters being split into tokens.
struct Chunk<'a> {
    text: &'a str,
    chars: &'a [(usize, char)],
    /// Byte offset just past the chunk.
    end: usize,
    /// The next non-space character after the chunk, if any.
    after: Option<char>,
    out: &'a mut Vec<Token>,
}

impl Chunk<'_> {
    fn ch(&self, k: usize) -> Option<char> {
        self.chars.get(k).map(|&(_, c)| c)
    }

    fn offset(&self, k: usize) -> usize {
        self.chars.get(k).map_or(self.end, |&(i, _)| i)
    }

    fn emit(&mut self, from: usize, to: usize) {
        if from < to {
            let span = Span::new(self.offset(from) as u32, self.offset(to) as u32);
            self.out.push(Token { span });
        }
    }

    /// Split the whole chunk; `maybe_web` is false when it holds none of `@`, `/`, `w`, so it
    /// cannot be a web address.
    fn split(&mut self, maybe_web: bool) {
        let n = self.chars.len();
        let address = if maybe_web { self.web_address() } else { None };
        if let Some((core_start, core_end)) = address {
            for k in 0..core_start {
                self.emit(k, k + 1);
            }
            self.emit(core_start, core_end);
            self.split_range(core_end, n);
        } else {
            self.split_range(0, n);
        }
    }

    /// If the chunk holds a URL or an e-mail address (inside brackets or quotes, before final
    /// punctuation), its character range.
    fn web_address(&self) -> Option<(usize, usize)> {
        let n = self.chars.len();
        let mut a = 0;
        while a < n && matches!(self.chars[a].1, '(' | '[' | '{' | '<' | '"' | '“' | '‘' | '\'') {
            a += 1;
        }
        let mut b = n;
        while b > a
            && matches!(
                self.chars[b - 1].1,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '>' | '"' | '”' | '’' | '\''
            )
        {
            b -= 1;
        }
        if b <= a {
            return None;
        }
        let core = &self.text[self.offset(a)..self.offset(b)];
        let lower_prefix = |p: &str| core.len() >= p.len() && core.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        let url = lower_prefix("http://") || lower_prefix("https://") || lower_prefix("ftp://") || lower_prefix("www.");
        let email = match core.find('@') {
            Some(at) if at > 0 => {
                let domain = &core[at + 1..];
                domain.contains('.') && domain.starts_with(|c: char| c.is_ascii_alphanumeric()) && !domain.contains('@')
            }
            _ => false,
        };
        if !(url || email) {
            return None;
        }
        // Keep a closing bracket that the address itself opened (Wikipedia-style links).
        if b < n && self.chars[b].1 == ')' && core.contains('(') && !core.contains(')') {
            b += 1;
        }
        Some((a, b))
    }

    /// Split characters `from..to` of the chunk into tokens.
    fn split_range(&mut self, from: usize, to: usize) {
        let mut k = from;
        while k < to {
            let c = self.chars[k].1;
            let next = if k + 1 < to { self.ch(k + 1) } else { None };
            if let Some(len) = self.emoticon_at(k, to) {
                self.emit(k, k + len);
                k += len;
                continue;
            }
            let end = if is_word_char(c) {
                let end = self.word_end(k, to);
                k = self.emit_word(k, end, to);
                continue;
            } else if matches!(c, '.' | '+') && next.is_some_and(|d| d.is_ascii_digit()) && self.starts_number(k) {
                // `.5` as a number, `+44` as a signed number
                self.word_end(k + 1, to)
            } else if is_apostrophe(c) || c == '‘' {
                self.apostrophe_end(k, to)
            } else if matches!(c, '.' | '!' | '?' | '-' | '*' | '=' | '_' | '~' | '<' | '>') {
                self.run_end(k, to, c)
            } else {
                k + 1
            };
            self.emit(k, end);
            k = end;
        }
    }

    /// The length in characters of an emoticon at `k` that stands apart from letters.
    fn emoticon_at(&self, k: usize, to: usize) -> Option<usize> {
        if !matches!(self.chars[k].1, ':' | ';' | '=' | '^' | '<') {
            return None;
        }
        let after_word = k > 0 && self.chars[k - 1].1.is_alphanumeric();
        EMOTICONS.iter().find_map(|e| {
            let len = e.chars().count();
            let matches = k + len <= to && e.chars().zip(&self.chars[k..k + len]).all(|(a, &(_, b))| a == b);
            let apart = k + len >= to || !self.chars[k + len].1.is_alphanumeric();
            // `Note:D` is a word and a letter; `great:)` is a word and an emoticon.
            let ends_in_letter = e.ends_with(|c: char| c.is_alphanumeric());
            (matches && apart && !(after_word && ends_in_letter)).then_some(len)
        })
    }

    /// `.` starts a number only when no word character stands right before it.
    fn starts_number(&self, k: usize) -> bool {
        k == 0 || !is_word_char(self.chars[k - 1].1)
    }

    /// End of a run of the same punctuation (`...`, `--`, `!!`), with `?!` mixes counted as one.
    fn run_end(&self, k: usize, to: usize, c: char) -> usize {
        let same = |d: char| d == c || (matches!(c, '!' | '?') && matches!(d, '!' | '?'));
        let mut e = k + 1;
        while e < to && same(self.chars[e].1) {
            e += 1;
        }
        e
    }

    /// A token starting with an apostrophe: a clitic standing alone (`'s`), a year (`'90s`), a
    /// doubled quote (`''`), or the lone quote mark.
    fn apostrophe_end(&self, k: usize, to: usize) -> usize {
        let mut letters = k + 1;
        while letters < to && is_word_char(self.chars[letters].1) {
            letters += 1;
        }
        let word = &self.text[self.offset(k + 1)..self.offset(letters)];
        let lower = lexicon::Lower::new(word);
        let clitic = lower
            .as_ref()
            .is_some_and(|l| matches!(l.as_str(), "s" | "m" | "d" | "ll" | "re" | "ve"));
        let year = word.len() == 2 && word.bytes().all(|b| b.is_ascii_digit())
            || word.len() == 3 && word.as_bytes()[..2].iter().all(u8::is_ascii_digit) && word.ends_with('s');
        let at_word_start = k == 0 || !is_word_char(self.chars[k - 1].1);
        if (clitic || year) && at_word_start && letters > k + 1 {
            return letters;
        }
        if k + 1 < to && self.chars[k + 1].1 == self.chars[k].1 {
            return k + 2;
        }
        k + 1
    }

    /// The end of the word starting at `k`: letters and digits joined by the connectors that
    /// stay inside a word (`3.5`, `1,000`, `10:30`, `9/11`, `U.S`, `O'Brien`, `AT&T`,
    /// `e-mail`, `713-853-3989`).
    fn word_end(&self, k: usize, to: usize) -> usize {
        let mut j = k;
        let mut segment_start = k;
        loop {
            while j < to && is_word_char(self.chars[j].1) {
                j += 1;
            }
            if j + 1 >= to || j == k {
                return j;
            }
            let prev = self.chars[j - 1].1;
            let c = self.chars[j].1;
            let next = self.chars[j + 1].1;
            let joins = match c {
                '.' => prev.is_alphanumeric() && is_word_char(next),
                ',' => prev.is_ascii_digit() && self.three_digits_follow(j + 1, to),
                ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
                // 9/11, 11/28/2000, but 1 / 2 as EWT writes fractions
                '/' => prev.is_ascii_digit() && next.is_ascii_digit() && !self.single_digits_around(segment_start, j, to),
                '&' => prev.is_alphabetic() && next.is_alphabetic() && j - segment_start <= 3,
                '@' => prev.is_alphanumeric() && next.is_alphanumeric(),
                '-' | '\u{2010}' | '\u{2011}' => is_word_char(next) && self.keeps_hyphen(segment_start, j, to),
                // O'Brien, don't, and the decades 60's, 1590's
                _ if is_apostrophe(c) => {
                    prev.is_alphabetic() && next.is_alphabetic()
                        || prev.is_ascii_digit() && matches!(next, 's' | 'S') && (j + 2 >= to || !is_word_char(self.chars[j + 2].1))
                }
                _ => false,
            };
            if !joins {
                return j;
            }
            j += 1;
            segment_start = j;
        }
    }

    /// One digit before the connector at `j` (since `segment_start`) and one after it.
    fn single_digits_around(&self, segment_start: usize, j: usize, to: usize) -> bool {
        let one_after = j + 2 >= to || !self.chars[j + 2].1.is_ascii_digit();
        j - segment_start == 1 && one_after
    }

    /// Exactly three digits at `k`, then no further digit (`1,000` but not `1,2345`).
    fn three_digits_follow(&self, k: usize, to: usize) -> bool {
        let digits = (k..to.min(k + 4)).take_while(|&i| self.chars[i].1.is_ascii_digit()).count();
        digits == 3
    }

    /// Does the hyphen at `j`, after the segment starting at `segment_start`, stay in the word?
    fn keeps_hyphen(&self, segment_start: usize, j: usize, to: usize) -> bool {
        let left = &self.text[self.offset(segment_start)..self.offset(j)];
        if left.len() <= 5 && lexicon::keeps_hyphen_after(left) {
            return true;
        }
        // Telephone numbers: 345-9945, 713-853-3989.
        if left.len() == 3 && left.bytes().all(|b| b.is_ascii_digit()) {
            let digits = (j + 1..to.min(j + 6)).take_while(|&i| self.chars[i].1.is_ascii_digit()).count();
            return digits == 3 || digits == 4;
        }
        false
    }

    /// Emit the word `k..end` (and its period when it is an abbreviation), splitting off
    /// clitics such as `n't` and `'s`.
    fn emit_word(&mut self, k: usize, end: usize, to: usize) -> usize {
        let word = &self.text[self.offset(k)..self.offset(end)];
        if end < to && self.chars[end].1 == '.' && self.keeps_period(word, end, to) {
            self.emit(k, end + 1);
            return end + 1;
        }
        if let Some(at) = number_suffix_split(word) {
            let mid = k + word[..at].chars().count();
            self.emit(k, mid);
            self.emit(mid, end);
            return end;
        }
        let split = clitic_split(word);
        match split {
            Some(at) => {
                let mid = self.chars[k..end].partition_point(|&(i, _)| i < self.offset(k) + at) + k;
                self.emit(k, mid);
                self.emit(mid, end);
            }
            None => self.emit(k, end),
        }
        end
    }

    /// Is the period after `word` (at character `dot`) part of it, as in `Mr.`, `U.S.`, `J.`?
    fn keeps_period(&self, word: &str, dot: usize, to: usize) -> bool {
        // More periods follow: an ellipsis, not an abbreviation.
        if dot + 1 < to && self.chars[dot + 1].1 == '.' {
            return false;
        }
        let mut parts = word.split('.');
        let dotted = word.contains('.');
        if dotted {
            // U.S., e.g., a.m., Ph.D. but not google.com or 3.5
            return parts.all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(char::is_alphabetic));
        }
        let mut cs = word.chars();
        if let (Some(first), None) = (cs.next(), cs.next()) {
            // An initial, but not the pronoun `I` ending a sentence.
            if first.is_uppercase() && first != 'I' {
                return true;
            }
        }
        let number_follows = if dot + 1 < to {
            false
        } else {
            self.after.is_some_and(|c| c.is_ascii_digit())
        };
        lexicon::is_abbreviation(word, number_follows)
    }
}

/// Where a number ends and its unit begins (`5pm`, `7:30PM`, `35mm`), as a byte offset.
fn number_suffix_split(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    if !bytes.first()?.is_ascii_digit() {
        return None;
    }
    let letters = bytes.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
    let at = bytes.len() - letters;
    if letters == 0 || !bytes[at - 1].is_ascii_digit() {
        return None;
    }
    let unit = lexicon::Lower::new(&word[at..])?;
    NUMBER_SUFFIXES.contains(&unit.as_str()).then_some(at)
}

/// Where to split a word into host and clitic (`do|n't`, `Bush|'s`, `gon|na`), as a byte offset.
fn clitic_split(word: &str) -> Option<usize> {
    if let Some(n) = lexicon::fused_contraction_split(word) {
        return Some(n);
    }
    let bytes = word.as_bytes();
    // Find the last apostrophe and what follows it.
    let (pos, apo) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let tail = &word[pos + apo.len_utf8()..];
    let tail_lower = lexicon::Lower::new(tail)?;
    match tail_lower.as_str() {
        // after a digit, `'s` makes a plural (`60's`), not a clitic
        "s" if pos > 0 && bytes[pos - 1].is_ascii_digit() => None,
        "s" | "m" | "d" | "ll" | "re" | "ve" if pos > 0 => Some(pos),
        "t" if pos >= 2 && bytes[pos - 1].eq_ignore_ascii_case(&b'n') => Some(pos - 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize_into(text, &mut out);
        out.iter().map(|t| &text[t.span.start as usize..t.span.end as usize]).collect()
    }

    #[test]
    fn clitics_split_like_ewt() {
        assert_eq!(
            toks("I don't know, I'm sure we can't."),
            ["I", "do", "n't", "know", ",", "I", "'m", "sure", "we", "ca", "n't", "."]
        );
        assert_eq!(toks("We’re gonna win"), ["We", "’re", "gon", "na", "win"]);
        assert_eq!(toks("won't cannot"), ["wo", "n't", "can", "not"]);
        assert_eq!(toks("O'Brien's car"), ["O'Brien", "'s", "car"]);
    }

    #[test]
    fn possessives_and_quotes() {
        assert_eq!(toks("Russia’s army"), ["Russia", "’s", "army"]);
        assert_eq!(toks("the countries' leaders"), ["the", "countries", "'", "leaders"]);
        assert_eq!(toks("\"Yes,\" he said."), ["\"", "Yes", ",", "\"", "he", "said", "."]);
        assert_eq!(toks("“We agree,” Putin said"), ["“", "We", "agree", ",", "”", "Putin", "said"]);
        assert_eq!(toks("‘soon’ in the '90s"), ["‘", "soon", "’", "in", "the", "'90s"]);
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            toks("Mr. Smith met U.S. and U.N. officials."),
            ["Mr.", "Smith", "met", "U.S.", "and", "U.N.", "officials", "."]
        );
        assert_eq!(toks("J. R. R. Tolkien, Sept. 5"), ["J.", "R.", "R.", "Tolkien", ",", "Sept.", "5"]);
        assert_eq!(toks("No. 5 but no."), ["No.", "5", "but", "no", "."]);
        assert_eq!(toks("at 5 p.m. today"), ["at", "5", "p.m.", "today"]);
        assert_eq!(toks("Washington."), ["Washington", "."]);
    }

    #[test]
    fn numbers_times_money() {
        assert_eq!(
            toks("$5 and 3.5% of 1,000 at 10:30 on 9/11"),
            ["$", "5", "and", "3.5", "%", "of", "1,000", "at", "10:30", "on", "9/11"]
        );
        assert_eq!(toks("in 1999. Then"), ["in", "1999", ".", "Then"]);
        assert_eq!(toks("£1.5bn, .5"), ["£", "1.5bn", ",", ".5"]);
    }

    #[test]
    fn hyphens_follow_ewt() {
        assert_eq!(toks("Nagorno-Karabakh"), ["Nagorno", "-", "Karabakh"]);
        assert_eq!(
            toks("large-scale e-mail non-profit"),
            ["large", "-", "scale", "e-mail", "non-profit"]
        );
        assert_eq!(
            toks("call 713-853-3989 in 1969-1970"),
            ["call", "713-853-3989", "in", "1969", "-", "1970"]
        );
    }

    #[test]
    fn dashes_ellipses_brackets() {
        assert_eq!(toks("war—peace – x -- y"), ["war", "—", "peace", "–", "x", "--", "y"]);
        assert_eq!(toks("wait... what…"), ["wait", "...", "what", "…"]);
        assert_eq!(toks("(KSC) [sic] {x}"), ["(", "KSC", ")", "[", "sic", "]", "{", "x", "}"]);
        assert_eq!(toks("Really?! Yes!!"), ["Really", "?!", "Yes", "!!"]);
    }

    #[test]
    fn web_text_conventions() {
        assert_eq!(
            toks("great:) see you at 7:30PM or 5pm"),
            ["great", ":)", "see", "you", "at", "7:30", "PM", "or", "5", "pm"]
        );
        assert_eq!(
            toks("in the 60's, 1/2 of 35mm, +44, A&M, p&l"),
            ["in", "the", "60's", ",", "1", "/", "2", "of", "35", "mm", ",", "+44", ",", "A&M", ",", "p&l"]
        );
        assert_eq!(toks("don`t << x >>"), ["do", "n`t", "<<", "x", ">>"]);
        assert_eq!(
            toks("Im sure youre right, I."),
            ["I", "m", "sure", "you", "re", "right", ",", "I", "."]
        );
        assert_eq!(toks("30th 1990s STS-1"), ["30th", "1990s", "STS", "-", "1"]);
    }

    #[test]
    fn urls_and_emails_stay_whole() {
        assert_eq!(
            toks("(see http://example.com/a-b?c=d)."),
            ["(", "see", "http://example.com/a-b?c=d", ")", "."]
        );
        assert_eq!(
            toks("mail jo.doe@example.org, or www.example.com."),
            ["mail", "jo.doe@example.org", ",", "or", "www.example.com", "."]
        );
        assert_eq!(toks("Amazon.com sells"), ["Amazon.com", "sells"]);
    }

    #[test]
    fn no_whitespace_in_tokens_and_full_coverage() {
        let text = "  A\tb\u{00A0}c\u{0000}d\r\n\u{200B}e  ";
        let t = toks(text);
        assert_eq!(t, ["A", "b", "c", "d", "e"]);
    }
}
