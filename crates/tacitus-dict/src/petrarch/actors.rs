//! Actor dictionaries (`.actors` files): a primary phrase with an optional `[code]`, synonym
//! phrases on `+` lines, and date-restricted codes on indented `[CODE <date]`, `[CODE >date]`,
//! `[CODE date-date]` lines; dates are `YYYYMMDD` or `YYMMDD`.

use super::text::{lines, match_phrase, phrase_words_gaps, split_code, FileReport};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A code valid between two dates (inclusive); `None` bounds are open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DatedCode {
    pub fn applies(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
    pub fn is_default(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// One actor record: its phrases (the primary first) and codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorEntry {
    /// 1-based line of the primary phrase.
    pub line: usize,
    pub file: String,
    pub phrases: Vec<Vec<String>>,
    /// Parallel to `phrases`: may other words come before word `i` (a blank, not `_`)?
    pub gaps: Vec<Vec<bool>>,
    pub codes: Vec<DatedCode>,
}

impl ActorEntry {
    /// The code in force on `date`: the first date restriction that holds, else the default
    /// (undated) code, else the last restriction; `None` when the entry has no code.
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        if let Some(d) = date {
            if let Some(c) = self.codes.iter().find(|c| !c.is_default() && c.applies(d)) {
                return Some(&c.code);
            }
        }
        self.codes.iter().find(|c| c.is_default()).map(|c| c.code.as_str())
    }
    /// The primary phrase as text.
    pub fn root(&self) -> String {
        self.phrases.first().map(|p| p.join(" ")).unwrap_or_default()
    }
}

/// All actor records of one or more files, indexed by first word for longest-match lookup.
#[derive(Clone, Debug, Default)]
pub struct ActorDictionary {
    pub entries: Vec<ActorEntry>,
    /// First word → (entry index, phrase index), longest phrases first.
    index: HashMap<String, Vec<(u32, u32)>>,
}

/// Parse `YYYYMMDD` or `YYMMDD` (years below 30 are 20xx).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// Parse the inside of a code bracket: `CODE`, `CODE <date`, `CODE >date`, `CODE d1-d2`.
pub fn parse_dated_code(s: &str) -> Option<DatedCode> {
    let s = s.trim();
    let (code, rest) = match s.find(char::is_whitespace) {
        Some(p) => (&s[..p], s[p..].trim()),
        None => (s, ""),
    };
    if code.is_empty() || code.starts_with(['<', '>']) || code.chars().next()?.is_ascii_digit() {
        return None;
    }
    let code = code.to_uppercase();
    if rest.is_empty() {
        return Some(DatedCode {
            code,
            from: None,
            to: None,
        });
    }
    if let Some(d) = rest.strip_prefix('<') {
        let d = parse_date(d)?;
        return Some(DatedCode {
            code,
            from: None,
            to: d.pred_opt(),
        });
    }
    if let Some(d) = rest.strip_prefix('>') {
        let d = parse_date(d)?;
        return Some(DatedCode {
            code,
            from: d.succ_opt(),
            to: None,
        });
    }
    let (a, b) = rest.split_once('-')?;
    Some(DatedCode {
        code,
        from: Some(parse_date(a)?),
        to: Some(parse_date(b)?),
    })
}

impl ActorDictionary {
    /// Parse actor text and add its records; returns the file's report.
    pub fn add_text(&mut self, text: &str, file: &str) -> FileReport {
        let mut rep = FileReport::new(file, text);
        let mut current: Option<usize> = None;
        for line in lines(text, &['#', ';']) {
            let raw_body = line.body.as_str();
            let body = raw_body.trim();
            if body.is_empty() {
                continue;
            }
            let indented = raw_body.starts_with(['\t', ' ']);
            if body.starts_with('[') && (indented || current.is_some()) {
                let Some(cur) = current else {
                    rep.reject(line.no, line.raw, "code line before any actor");
                    continue;
                };
                let inner = body.trim_start_matches('[').trim_end_matches(']');
                match parse_dated_code(inner) {
                    Some(c) if body.ends_with(']') => self.entries[cur].codes.push(c),
                    _ => rep.reject(line.no, line.raw, "bad code or date restriction"),
                }
                continue;
            }
            if let Some(syn) = body.strip_prefix('+') {
                let Some(cur) = current else {
                    rep.reject(line.no, line.raw, "synonym before any actor");
                    continue;
                };
                let (phrase, code) = match split_code(syn) {
                    Some((p, c)) => (p, Some(c)),
                    None => (syn, None),
                };
                let (words, gaps) = phrase_words_gaps(phrase);
                if words.is_empty() {
                    rep.reject(line.no, line.raw, "empty synonym");
                    continue;
                }
                if let Some(c) = code {
                    match parse_dated_code(c) {
                        Some(dc) => self.entries[cur].codes.push(dc),
                        None => {
                            rep.reject(line.no, line.raw, "bad code on synonym");
                            continue;
                        }
                    }
                }
                self.entries[cur].phrases.push(words);
                self.entries[cur].gaps.push(gaps);
                continue;
            }
            // A primary phrase, optionally with [code] (possibly several brackets).
            let (phrase, codes) = match body.find('[') {
                Some(p) => (&body[..p], Some(&body[p..])),
                None => (body, None),
            };
            let (words, gaps) = phrase_words_gaps(phrase);
            if words.is_empty() {
                rep.reject(line.no, line.raw, "actor line without a phrase");
                continue;
            }
            let mut entry = ActorEntry {
                line: line.no,
                file: file.to_string(),
                phrases: vec![words],
                gaps: vec![gaps],
                codes: vec![],
            };
            let mut ok = true;
            if let Some(c) = codes {
                // Text after the last `]` is commentary (company sector, revenue, ...).
                let c = &c[..c.rfind(']').map_or(c.len(), |p| p + 1)];
                for part in c.split('[').filter(|p| !p.trim().is_empty()) {
                    match part.trim().strip_suffix(']').and_then(parse_dated_code) {
                        Some(dc) => entry.codes.push(dc),
                        None => ok = false,
                    }
                }
            }
            if !ok {
                rep.reject(line.no, line.raw, "bad actor code");
                continue;
            }
            self.entries.push(entry);
            rep.entries += 1;
            current = Some(self.entries.len() - 1);
        }
        self.reindex();
        rep
    }

    /// Add all records of `other` (loaded from another file).
    pub fn merge(&mut self, other: ActorDictionary) {
        if self.entries.is_empty() {
            *self = other;
            return;
        }
        self.entries.extend(other.entries);
        self.reindex();
    }

    fn reindex(&mut self) {
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            for (k, p) in e.phrases.iter().enumerate() {
                if let Some(first) = p.first() {
                    self.index.entry(first.clone()).or_default().push((i as u32, k as u32));
                }
            }
        }
        let entries = &self.entries;
        let len = |&(i, k): &(u32, u32)| entries[i as usize].phrases[k as usize].len();
        for v in self.index.values_mut() {
            v.sort_by_key(|x| std::cmp::Reverse(len(x)));
        }
    }

    /// The longest phrase starting at `words[0]`, consecutive words only: (words used, entry).
    pub fn longest_match(&self, words: &[String]) -> Option<(usize, &ActorEntry)> {
        self.longest_match_at(words, 0, 0)
    }

    /// The longest phrase starting at `words[start]`, letting up to `max_gap` words come
    /// between phrase words written with a blank: (end index, entry).
    pub fn longest_match_at(&self, words: &[String], start: usize, max_gap: usize) -> Option<(usize, &ActorEntry)> {
        let cands = self.index.get(words.get(start)?)?;
        cands.iter().find_map(|&(i, k)| {
            let e = &self.entries[i as usize];
            let p = &e.phrases[k as usize];
            let g = e.gaps.get(k as usize).map(|g| g.as_slice()).unwrap_or(&[]);
            match_phrase(p, g, words, start, max_gap).map(|end| (end, e))
        })
    }

    /// Number of phrases (primary + synonyms).
    pub fn phrase_count(&self) -> usize {
        self.entries.iter().map(|e| e.phrases.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, dd)
    }

    #[test]
    fn dates_of_six_and_eight_digits() {
        assert_eq!(parse_date("950601"), d(1995, 6, 1));
        assert_eq!(parse_date("070723"), d(2007, 7, 23));
        assert_eq!(parse_date("18970101"), d(1897, 1, 1));
        assert_eq!(parse_date("9506"), None);
    }

    #[test]
    fn date_restrictions_choose_the_code() {
        let t = "GOLLUM  # x\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\
                 \t[HOBREB > 990816]\nGONDOR [GON]\n+MINAS_TIRITH\n";
        let mut a = ActorDictionary::default();
        let r = a.add_text(t, "a");
        assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
        assert_eq!(r.entries, 2);
        let w: Vec<String> = ["SMEAGOL", "SAID"].iter().map(|s| s.to_string()).collect();
        let (n, e) = a.longest_match(&w).unwrap();
        assert_eq!(n, 1);
        assert_eq!(e.code_on(d(1990, 1, 1)), Some("HOB"));
        assert_eq!(e.code_on(d(1997, 1, 1)), Some("HOBGOV"));
        assert_eq!(e.code_on(d(2001, 1, 1)), Some("HOBREB"));
        let w: Vec<String> = ["MINAS", "TIRITH"].iter().map(|s| s.to_string()).collect();
        assert_eq!(a.longest_match(&w).unwrap().1.code_on(None), Some("GON"));
    }

    #[test]
    fn bad_date_lines_are_reported() {
        let mut a = ActorDictionary::default();
        let r = a.add_text("X [A]\n\t[950601-990815]\n", "f");
        assert_eq!(r.unparsed.len(), 1);
        assert_eq!(r.unparsed[0].line, 2);
    }
}
