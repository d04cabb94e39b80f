//! Line handling shared by the PETRARCH importers: comment stripping and per-file reports.

use serde::Serialize;

/// A line that a loader could not understand.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unparsed {
    /// 1-based line number.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

/// What a loader made of one file: line and entry counts and every line it did not understand.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FileReport {
    pub file: String,
    pub lines: usize,
    /// Entries created (verbs, patterns, synsets, actors, agents, ... as the file kind counts).
    pub entries: usize,
    pub unparsed: Vec<Unparsed>,
}

impl FileReport {
    pub fn new(file: &str, text: &str) -> Self {
        FileReport {
            file: file.to_string(),
            lines: text.lines().count(),
            ..Default::default()
        }
    }

    pub fn reject(&mut self, line: usize, text: &str, reason: &str) {
        self.unparsed.push(Unparsed {
            line,
            text: text.to_string(),
            reason: reason.to_string(),
        });
    }

    /// `file:line: reason: text` for each unparsed line.
    pub fn problems(&self) -> Vec<String> {
        self.unparsed
            .iter()
            .map(|u| format!("{}:{}: {}: {}", self.file, u.line, u.reason, u.text.trim()))
            .collect()
    }
}

/// A one-word-per-line list (e.g. `Phoenix.prepositions.txt`), upper-cased.
pub fn parse_word_list(text: &str, file: &str) -> (Vec<String>, FileReport) {
    let mut rep = FileReport::new(file, text);
    let mut out = Vec::new();
    for line in lines(text, &['#']) {
        let body = line.body.trim();
        if body.is_empty() {
            continue;
        }
        if body.split_whitespace().count() == 1 {
            out.push(body.to_uppercase());
            rep.entries += 1;
        } else {
            rep.reject(line.no, line.raw, "expected one word per line");
        }
    }
    (out, rep)
}

/// One line of a dictionary with comments removed.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    pub raw: &'a str,
    /// The line without comments, right-trimmed (leading whitespace kept: actor date lines
    /// start with a tab).
    pub body: String,
}

/// Split `text` into lines, removing `<!-- ... -->` comments (which may span lines) and
/// everything from a comment character that is not inside `[...]` (codes such as `[###]`).
pub fn lines<'a>(text: &'a str, comment_chars: &[char]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut rest = raw.to_string();
        let mut kept = String::new();
        loop {
            if in_xml_comment {
                match rest.find("-->") {
                    Some(p) => {
                        rest = rest[p + 3..].to_string();
                        in_xml_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(p) => {
                        kept.push_str(&rest[..p]);
                        rest = rest[p + 4..].to_string();
                        in_xml_comment = true;
                    }
                    None => {
                        kept.push_str(&rest);
                        break;
                    }
                }
            }
        }
        let body = strip_comment(&kept, comment_chars).trim_end().to_string();
        out.push(Line { no: i + 1, raw, body });
    }
    out
}

/// Cut a line at the first comment character outside square brackets.
pub fn strip_comment<'a>(s: &'a str, comment_chars: &[char]) -> &'a str {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if depth <= 0 && comment_chars.contains(&c) => return &s[..i],
            _ => {}
        }
    }
    s
}

/// The content of the last `[...]` in `s` and the text before it.
pub fn split_code(s: &str) -> Option<(&str, &str)> {
    let close = s.rfind(']')?;
    let open = s[..close].rfind('[')?;
    Some((&s[..open], s[open + 1..close].trim()))
}

/// Words of a phrase string: blanks and underscores separate words, upper-cased.
pub fn phrase_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase())
        .collect()
}

/// Words of a phrase with, for each word, whether other words may come between it and the
/// previous one (a blank in the dictionary; `_` forbids it).
pub fn phrase_words_gaps(s: &str) -> (Vec<String>, Vec<bool>) {
    let mut words = Vec::new();
    let mut gaps = Vec::new();
    let mut cur = String::new();
    let mut gap = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '_' {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur).to_uppercase());
                gaps.push(gap);
                gap = false;
            }
            if c != '_' {
                gap = true;
            }
        } else {
            if cur.is_empty() && words.is_empty() {
                gap = false;
            }
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        words.push(cur.to_uppercase());
        gaps.push(gap);
    }
    if let Some(g) = gaps.first_mut() {
        *g = false;
    }
    (words, gaps)
}

/// Match a phrase (with gap flags) against `words` starting at `start`; returns the end index
/// (exclusive). A gap lets up to `max_gap` other words come between two phrase words.
pub fn match_phrase(phrase: &[String], gaps: &[bool], words: &[String], start: usize, max_gap: usize) -> Option<usize> {
    if phrase.is_empty() || words.get(start) != phrase.first() {
        return None;
    }
    let mut pos = start + 1;
    for (k, w) in phrase.iter().enumerate().skip(1) {
        let allow = if gaps.get(k).copied().unwrap_or(false) { max_gap } else { 0 };
        let found = (pos..words.len().min(pos + allow + 1)).find(|&j| &words[j] == w)?;
        pos = found + 1;
    }
    Some(pos)
}

/// Regular English plural as PETRARCH forms it: `Y` → `IES`, `SS` → `SSES`, else `S`.
pub fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('Y') {
        let before = stem.chars().last();
        if before.is_some_and(|c| !"AEIOU".contains(c)) {
            return format!("{stem}IES");
        }
    }
    if word.ends_with("SS") || word.ends_with("CH") || word.ends_with("SH") || word.ends_with('X') {
        return format!("{word}ES");
    }
    format!("{word}S")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_xml_and_hash_comments_but_not_codes() {
        let t = "<!-- a\n b -->X [###] # c\nY";
        let l = lines(t, &['#']);
        assert_eq!(l[0].body, "");
        assert_eq!(l[1].body, "X [###]");
        assert_eq!(l[2].body, "Y");
    }

    #[test]
    fn gaps_follow_blanks_not_underscores() {
        let (w, g) = phrase_words_gaps("ITHILEN TELEVISION_NEWS");
        assert_eq!(w, ["ITHILEN", "TELEVISION", "NEWS"]);
        assert_eq!(g, [false, true, false]);
        let s: Vec<String> = "ITHILEN STATE-RUN TELEVISION NEWS".split(' ').map(String::from).collect();
        assert_eq!(match_phrase(&w, &g, &s, 0, 3), Some(4));
        assert_eq!(match_phrase(&w, &g, &s, 0, 0), None);
    }

    #[test]
    fn plurals_follow_the_documented_rules() {
        assert_eq!(plural("ARMY"), "ARMIES");
        assert_eq!(plural("ATTORNEY"), "ATTORNEYS");
        assert_eq!(plural("BOSS"), "BOSSES");
        assert_eq!(plural("MINISTER"), "MINISTERS");
    }

    #[test]
    fn split_code_takes_last_brackets() {
        assert_eq!(split_code("A B [X] [CDE]"), Some(("A B [X] ", "CDE")));
        assert_eq!(split_code("A"), None);
    }
}
