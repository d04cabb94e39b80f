//! The expression grammar: hand-written patterns over scanned tokens that find a temporal
//! expression's extent (TimeML conventions: prepositions out, determiners and modifiers such as
//! "early", "the past" in) and its unresolved meaning ([`Sem`]).

mod calendar;
mod relative;

use crate::lexicon::{self, Unit};
use crate::scan::{Kind, Tok};

/// Which occurrence a named day, month, season or quarter means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// Decided by tense: the last one in past reporting, the next one when the verb is future.
    Infer,
    Last,
    This,
    Next,
}

/// How many units a duration counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    N(f64),
    /// "several", "few", bare plurals: TimeML `X`.
    Vague,
}

/// The meaning of an expression before it is anchored to the document date.
#[derive(Clone, Debug, PartialEq)]
pub enum Sem {
    /// A calendar date or month; a missing year is inferred from the anchor.
    Date {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
        rel: Rel,
    },
    Weekday {
        wd: u32,
        rel: Rel,
    },
    /// "the weekend": the last or the coming one.
    Weekend {
        rel: Rel,
    },
    /// today (0), yesterday (-1), tomorrow (1).
    DayOffset(i64),
    /// this (0) / last (-1) / next (1) week, month, year ...
    Shift {
        unit: Unit,
        n: i64,
    },
    Season {
        s: u32,
        y: Option<i32>,
        rel: Rel,
    },
    Quarter {
        q: u32,
        y: Option<i32>,
        rel: Rel,
    },
    Year(i32),
    /// First three digits: `199` for the 1990s.
    Decade(i32),
    /// First two digits: `19` for the 20th century.
    Century(i32),
    Ago {
        n: Amount,
        unit: Unit,
    },
    Duration {
        n: Amount,
        unit: Unit,
    },
    /// Relative to the story's last date, not the publication: "the next day", "that year".
    Narrative {
        unit: Unit,
        n: i64,
    },
    /// A day of the story that cannot be placed ("the day before he left"): year only.
    StoryDay,
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// A recurring time, already in its TimeML value.
    Set(String),
    /// A time of day, on a day given by `day` (the anchor when absent).
    Time {
        day: Option<Box<Sem>>,
        clock: Option<(u32, u32)>,
        part: Option<&'static str>,
    },
}

/// A found expression: token range `[start, end)` and its meaning.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
}

/// Words before a bare month, season or year that show it is one.
fn is_time_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "through"
            | "throughout"
            | "during"
            | "from"
            | "to"
            | "before"
            | "after"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "of"
            | "and"
            | "or"
            | "between"
            | "-"
            | "on"
            | "for"
            | "over"
            | "the"
    )
}

/// The pattern matcher over one document's tokens.
pub struct Matcher<'a> {
    t: &'a [Tok<'a>],
}

impl<'a> Matcher<'a> {
    pub fn new(t: &'a [Tok<'a>]) -> Self {
        Matcher { t }
    }

    /// Every expression in the text, left to right, without overlaps.
    pub fn find_all(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            let tok = &self.t[i];
            let hot = tok.kind == Kind::Num || (tok.kind == Kind::Word && lexicon::is_trigger(&tok.lower)) || tok.lower == "'";
            if hot {
                if let Some(f) = self.match_at(i) {
                    if f.end > i {
                        i = f.end;
                        out.push(f);
                        continue;
                    }
                }
            }
            i += 1;
        }
        out
    }

    // ---- token helpers -------------------------------------------------------------------

    fn w(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.lower.as_ref())
    }
    fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
    fn upper(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.upper)
    }
    /// Token `i` follows the previous one without space.
    fn adj(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }
    fn prev(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |p| self.w(p))
    }
    /// Value and digit count of a number token.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.lower.len() > 9 {
            return None;
        }
        t.lower.parse().ok().map(|v| (v, t.lower.len()))
    }
    fn year4(&self, i: usize) -> Option<i32> {
        match self.num(i) {
            Some((v, 4)) if (1000..=2199).contains(&v) => Some(v as i32),
            _ => None,
        }
    }
    /// A day-of-month number with optional ordinal suffix: (day, next).
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let (v, n) = self.num(i)?;
        if n > 2 || !(1..=31).contains(&v) {
            return None;
        }
        let next = if self.adj(i + 1) && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") {
            i + 2
        } else {
            i + 1
        };
        Some((v, next))
    }
    /// An ordinal: `first`, `20th`, `twenty-first`: (value, next).
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(v) = lexicon::ordinal(self.w(i)) {
            return Some((v, i + 1));
        }
        if let Some(tens) = lexicon::cardinal(self.w(i)).filter(|v| *v >= 20 && *v % 10 == 0 && *v < 100) {
            if self.w(i + 1) == "-" && self.adj(i + 1) && self.adj(i + 2) {
                if let Some(u) = lexicon::ordinal(self.w(i + 2)).filter(|u| *u < 10) {
                    return Some((tens + u, i + 3));
                }
            }
        }
        let (v, _) = self.num(i)?;
        if self.adj(i + 1) && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") {
            return Some((v, i + 2));
        }
        None
    }
    /// A count before a unit: (amount, next, was an article `a`/`an`).
    fn number(&self, i: usize) -> Option<(Amount, usize, bool)> {
        let w = self.w(i);
        match w {
            "a" | "an" => {
                return match self.w(i + 1) {
                    "few" => Some((Amount::Vague, i + 2, false)),
                    "couple" if self.w(i + 2) == "of" => Some((Amount::N(2.0), i + 3, false)),
                    "dozen" => Some((Amount::N(12.0), i + 2, false)),
                    "mere" | "full" | "whole" | "further" | "additional" | "record" => {
                        self.number(i + 2).map(|(a, n, art)| (a, n, art || i + 2 == n))
                    }
                    _ => Some((Amount::N(1.0), i + 1, true)),
                }
            }
            "several" | "few" | "many" => return Some((Amount::Vague, i + 1, false)),
            "half" if matches!(self.w(i + 1), "a" | "an") => return Some((Amount::N(0.5), i + 2, false)),
            "couple" if self.w(i + 1) == "of" => return Some((Amount::N(2.0), i + 2, false)),
            "dozens" | "hundreds" | "thousands" if self.w(i + 1) == "of" => return Some((Amount::Vague, i + 2, false)),
            _ => {}
        }
        if let Some(v) = lexicon::cardinal(w) {
            if w == "hundred" || w == "dozen" {
                return None;
            }
            // twenty-five, twenty five
            let mut v = v;
            let mut next = i + 1;
            if (20..100).contains(&v) && v % 10 == 0 {
                let k = if self.w(next) == "-" && self.adj(next) { next + 1 } else { next };
                if let Some(u) = lexicon::cardinal(self.w(k)).filter(|u| *u < 10) {
                    v += u;
                    next = k + 1;
                }
            }
            if self.w(next) == "hundred" {
                v *= 100;
                next += 1;
            }
            return Some((Amount::N(v as f64), next, false));
        }
        let (v, _) = self.num(i)?;
        let mut val = v as f64;
        let mut next = i + 1;
        // 1,000 and 1.5
        while self.w(next) == "," && self.adj(next) && self.adj(next + 1) && self.num(next + 1).is_some_and(|(_, n)| n == 3) {
            val = val * 1000.0 + self.num(next + 1).map_or(0.0, |(v, _)| v as f64);
            next += 2;
        }
        if self.w(next) == "." && self.adj(next) && self.adj(next + 1) {
            if let Some((f, n)) = self.num(next + 1) {
                val += f as f64 / 10f64.powi(n as i32);
                next += 2;
            }
        }
        if self.w(next) == "%" || self.w(next) == "percent" {
            return None;
        }
        if i > 0 && matches!(self.prev(i), "$" | "€" | "£" | "." | ",") && self.adj(i) {
            return None;
        }
        Some((Amount::N(val), next, false))
    }

    // ---- entry ---------------------------------------------------------------------------

    fn match_at(&self, i: usize) -> Option<Found> {
        if self.w(i) == "the" {
            if let Some((end, sem)) = self.the_core(i + 1) {
                return Some(Found { start: i, end, sem });
            }
        }
        if let Some(j) = self.modifier(i) {
            let core = if self.w(j) == "the" {
                self.the_core(j + 1)
            } else {
                self.core(j, true)
            };
            if let Some((end, sem)) = core.filter(|(_, s)| modifiable(s)) {
                return Some(Found { start: i, end, sem });
            }
            // "by the end of the year": the current one
            if self.w(i) == "the" || self.w(j) == "the" {
                let k = if self.w(j) == "the" { j + 1 } else { j };
                if let Some((u @ (Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century), false)) = lexicon::unit(self.w(k))
                {
                    return Some(Found {
                        start: i,
                        end: k + 1,
                        sem: Sem::Shift { unit: u, n: 0 },
                    });
                }
            }
        }
        let ctx = is_time_prep(self.prev(i));
        self.core(i, ctx).map(|(end, sem)| Found { start: i, end, sem })
    }

    /// `early`, `late`, `mid-`, `the end of` ...: the index after the modifier.
    fn modifier(&self, i: usize) -> Option<usize> {
        match self.w(i) {
            "early" | "earlier" | "late" | "later" => Some(i + 1),
            "mid" => Some(if self.w(i + 1) == "-" { i + 2 } else { i + 1 }),
            "the" => match (self.w(i + 1), self.w(i + 2)) {
                ("end" | "beginning" | "start" | "middle" | "turn", "of") => Some(i + 3),
                _ => None,
            },
            "end" | "beginning" | "start" | "middle" if self.w(i + 1) == "of" => Some(i + 2),
            _ => None,
        }
    }

    /// Patterns that include a leading "the" (called at the token after it).
    fn the_core(&self, j: usize) -> Option<(usize, Sem)> {
        let mut best: Option<(usize, Sem)> = None;
        let hyphenated = self.number(j).is_some_and(|(_, k, _)| self.w(k) == "-" && self.adj(k));
        let cands = [
            self.mod_unit(j),
            if hyphenated { None } else { self.duration(j) },
            self.decade(j),
            self.quarter(j),
            self.day_month(j, true),
            self.season(j, true),
        ];
        for c in cands.into_iter().flatten() {
            if better(&best, c.0) {
                best = Some(c);
            }
        }
        // "the next day", "the previous year": counted from the story's last date
        if let Some((end, Sem::Shift { unit, n })) = &best {
            if matches!(self.w(j), "next" | "following" | "previous") && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                best = Some((*end, Sem::Narrative { unit: *unit, n: *n }));
            }
        }
        if best.is_none() {
            if self.w(j) == "weekend" {
                return Some((j + 1, Sem::Weekend { rel: Rel::Infer }));
            }
            if self.w(j) == "same" {
                if let Some((u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false)) = lexicon::unit(self.w(j + 1)) {
                    return Some((j + 2, Sem::Narrative { unit: u, n: 0 }));
                }
            }
            // "the day before he was stopped": a day of the story we cannot place
            if self.w(j) == "day" && matches!(self.w(j + 1), "before" | "after") && self.w(j + 2) != "yesterday" {
                return Some((j + 1, Sem::StoryDay));
            }
            // "the near future", "the distant past"
            let k = if matches!(self.w(j), "near" | "immediate" | "foreseeable" | "distant" | "recent") {
                j + 1
            } else {
                j
            };
            match self.w(k) {
                "past" if !self.is_countish(k + 1) => return Some((k + 1, Sem::Ref("PAST_REF"))),
                "future" => return Some((k + 1, Sem::Ref("FUTURE_REF"))),
                _ => {}
            }
        }
        best
    }

    fn is_countish(&self, i: usize) -> bool {
        lexicon::unit(self.w(i)).is_some() || self.number(i).is_some_and(|(_, _, art)| !art)
    }

    /// All bare patterns; the longest wins.
    fn core(&self, i: usize, ctx: bool) -> Option<(usize, Sem)> {
        let cands = [
            self.iso(i),
            self.clock(i),
            self.day_month(i, ctx),
            self.month(i, ctx),
            self.weekday(i),
            self.rel_word(i),
            self.mod_unit(i),
            self.duration(i),
            self.quarter(i),
            self.century(i),
            self.decade(i),
            self.year(i, ctx),
            self.season(i, ctx),
        ];
        let mut best: Option<(usize, Sem)> = None;
        for c in cands.into_iter().flatten() {
            if better(&best, c.0) {
                best = Some(c);
            }
        }
        best
    }
}

/// Is a candidate ending at `end` longer than the best so far?
fn better(best: &Option<(usize, Sem)>, end: usize) -> bool {
    match best {
        Some((b, _)) => end > *b,
        None => true,
    }
}

fn day_offset(w: &str) -> Option<i64> {
    match w {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    }
}

/// Can "early"/"the end of" apply to this meaning?
fn modifiable(s: &Sem) -> bool {
    matches!(
        s,
        Sem::Date { .. }
            | Sem::Weekday { .. }
            | Sem::DayOffset(_)
            | Sem::Shift { .. }
            | Sem::Season { .. }
            | Sem::Quarter { .. }
            | Sem::Year(_)
            | Sem::Decade(_)
            | Sem::Century(_)
            | Sem::Time { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;

    fn find(text: &str) -> Vec<(String, Sem)> {
        let t = scan(text);
        Matcher::new(&t)
            .find_all()
            .into_iter()
            .map(|f| (text[t[f.start].start as usize..t[f.end - 1].end as usize].to_string(), f.sem))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        find(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn extents_follow_timeml() {
        assert_eq!(texts("They met on Monday in Sochi."), vec!["Monday"]);
        assert_eq!(texts("over the past two years about it"), vec!["the past two years"]);
        assert_eq!(texts("The 2020 conflict ended."), vec!["2020"]);
        assert_eq!(
            texts("it started in early December, a month earlier"),
            vec!["early December", "a month"]
        );
        assert_eq!(texts("found missing late last July by his son"), vec!["late last July"]);
        assert_eq!(texts("postponed until 15:00 GMT Saturday due to snow"), vec!["15:00 GMT Saturday"]);
        assert_eq!(texts("the expedition of 1957-58, which"), vec!["1957", "58"]);
        assert_eq!(texts("a 22-year-old son"), Vec::<String>::new());
        assert_eq!(texts("A four-week, phased closure"), vec!["four-week"]);
    }

    #[test]
    fn months_need_evidence() {
        assert!(texts("You May go. March on!").is_empty());
        assert_eq!(texts("published in May."), vec!["May"]);
        assert!(texts("August Wilson wrote").is_empty());
        assert_eq!(texts("Oct. 31 and Sept. 3"), vec!["Oct. 31", "Sept. 3"]);
        assert_eq!(texts("on October 31, 2022, they"), vec!["October 31, 2022"]);
        assert_eq!(texts("31 October 2022"), vec!["31 October 2022"]);
    }

    #[test]
    fn counts_are_not_years() {
        assert!(texts("sent 2000 troops and $2013 and 1,950 men and 2020%").is_empty());
        assert_eq!(texts("wars in 1988 and 2020"), vec!["1988", "2020"]);
    }
}
