//! Calendar patterns: ISO and written dates, clock times, months, weekdays, holidays, years,
//! decades, centuries, quarters and seasons.

use super::{day_offset, is_time_prep, Matcher, Rel, Sem};
use crate::lexicon;

impl Matcher<'_> {
    /// 2022-10-31, 10/31/2022.
    pub(super) fn iso(&self, i: usize) -> Option<(usize, Sem)> {
        let (a, na) = self.num(i)?;
        let sep = self.w(i + 1);
        if !(sep == "-" || sep == "/")
            || !self.adj(i + 1)
            || !self.adj(i + 2)
            || self.w(i + 3) != sep
            || !self.adj(i + 3)
            || !self.adj(i + 4)
        {
            return None;
        }
        let (b, _) = self.num(i + 2)?;
        let (c, nc) = self.num(i + 4)?;
        let (y, m, d) = if na == 4 && sep == "-" {
            (a as i32, b, c)
        } else if nc == 4 && sep == "/" {
            (c as i32, a, b)
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2199).contains(&y) {
            return None;
        }
        Some((
            i + 5,
            Sem::Date {
                y: Some(y),
                m,
                d: Some(d),
                rel: Rel::Infer,
            },
        ))
    }

    /// 15:00 GMT, 8 PM, 8 p.m. Saturday, noon.
    pub(super) fn clock(&self, i: usize) -> Option<(usize, Sem)> {
        if matches!(self.w(i), "noon" | "midnight") {
            if !matches!(self.prev(i), "at" | "by" | "until" | "before" | "after" | "around" | "past") {
                return None;
            }
            let h = if self.w(i) == "noon" { 12 } else { 0 };
            return Some(self.clock_tail(i + 1, Some((h, 0))));
        }
        let (h, nh) = self.num(i)?;
        if nh > 2 || h > 24 {
            return None;
        }
        let mut k = i + 1;
        let mut min = None;
        if self.w(k) == ":" && self.adj(k) && self.adj(k + 1) {
            if let Some((m, 2)) = self.num(k + 1) {
                if m < 60 {
                    min = Some(m);
                    k += 2;
                }
            }
        }
        let mut hour = h;
        let mut ampm = false;
        match self.w(k) {
            "am" | "pm" if h <= 12 => {
                ampm = true;
                if self.w(k) == "pm" && h < 12 {
                    hour += 12;
                }
                if self.w(k) == "am" && h == 12 {
                    hour = 0;
                }
                k += 1;
                if self.w(k) == "." && self.adj(k) && !self.upper(k + 1) {
                    k += 1;
                }
            }
            "a" | "p" if h <= 12 && self.w(k + 1) == "." && self.w(k + 2) == "m" && self.adj(k + 1) && self.adj(k + 2) => {
                ampm = true;
                if self.w(k) == "p" && h < 12 {
                    hour += 12;
                }
                if self.w(k) == "a" && h == 12 {
                    hour = 0;
                }
                k += 3;
                if self.w(k) == "." && self.adj(k) {
                    k += 1;
                }
            }
            "o" if self.w(k + 1) == "'" && self.w(k + 2) == "clock" => {
                ampm = true;
                k += 3;
            }
            _ => {}
        }
        if min.is_none() && !ampm {
            return None;
        }
        Some(self.clock_tail(k, Some((hour, min.unwrap_or(0)))))
    }

    /// Time zone and a following day name after a clock time.
    pub(super) fn clock_tail(&self, mut k: usize, clock: Option<(u32, u32)>) -> (usize, Sem) {
        if matches!(
            self.w(k),
            "gmt" | "utc" | "bst" | "est" | "edt" | "et" | "pst" | "pdt" | "cet" | "cest" | "msk"
        ) {
            k += 1;
        } else if self.w(k) == "local" && self.w(k + 1) == "time" {
            k += 2;
        }
        let mut day = None;
        if let Some(wd) = lexicon::weekday(self.w(k)).filter(|_| self.upper(k)) {
            day = Some(Box::new(Sem::Weekday { wd, rel: Rel::Infer }));
            k += 1;
        } else if let Some(off) = day_offset(self.w(k)) {
            day = Some(Box::new(Sem::DayOffset(off)));
            k += 1;
        }
        (k, Sem::Time { day, clock, part: None })
    }

    /// A month token (full name, or abbreviation with a dot or a following number):
    /// (month, next, was an abbreviation).
    pub(super) fn month_word(&self, i: usize) -> Option<(u32, usize, bool)> {
        if !self.upper(i) || !self.is_word(i) {
            return None;
        }
        let w = self.w(i);
        if let Some(m) = lexicon::month_full(w) {
            return Some((m, i + 1, false));
        }
        let m = lexicon::month_abbrev(w)?;
        if self.w(i + 1) == "." && self.adj(i + 1) {
            return Some((m, i + 2, true));
        }
        if self.num(i + 1).is_some() {
            return Some((m, i + 1, true));
        }
        None
    }

    /// 31 October 2022, 31st of October, (the) 3rd of May.
    pub(super) fn day_month(&self, i: usize, _ctx: bool) -> Option<(usize, Sem)> {
        let (d, mut k) = self.day_num(i)?;
        if self.w(k) == "of" {
            k += 1;
        }
        let (m, mut k, _) = self.month_word(k)?;
        let mut y = None;
        let mut j = k;
        if self.w(j) == "," {
            j += 1;
        }
        if let Some(yy) = self.year4(j) {
            y = Some(yy);
            k = j + 1;
        }
        Some((
            k,
            Sem::Date {
                y,
                m,
                d: Some(d),
                rel: Rel::Infer,
            },
        ))
    }

    /// October 31, 2022; Oct. 31; November 2020; September (with context).
    pub(super) fn month(&self, i: usize, ctx: bool) -> Option<(usize, Sem)> {
        let (m, k, abbrev) = self.month_word(i)?;
        if let Some((d, k2)) = self.day_num(k) {
            // "May 2-3" keeps the first day; not a clock time ("May 5:30")
            if self.w(k) != ":" && !(self.w(k + 1) == ":" && self.adj(k + 1)) {
                let mut end = k2;
                let mut y = None;
                let j = if self.w(k2) == "," { k2 + 1 } else { k2 };
                if let Some(yy) = self.year4(j) {
                    y = Some(yy);
                    end = j + 1;
                }
                return Some((
                    end,
                    Sem::Date {
                        y,
                        m,
                        d: Some(d),
                        rel: Rel::Infer,
                    },
                ));
            }
        }
        let j = match self.w(k) {
            "," | "of" => k + 1,
            _ => k,
        };
        if let Some(y) = self.year4(j) {
            return Some((
                j + 1,
                Sem::Date {
                    y: Some(y),
                    m,
                    d: None,
                    rel: Rel::Infer,
                },
            ));
        }
        // A bare month: "May" and "March" are also a verb, a modal and names; any month
        // followed by a capitalised word is likely a name ("August Wilson").
        let ambiguous = matches!(m, 3 | 5) || abbrev;
        let name_like = self.upper(k) && self.is_word(k) && !self.t.get(k).is_some_and(|t| t.newline);
        if (ambiguous || name_like) && !ctx {
            return None;
        }
        if name_like
            && !matches!(
                self.prev(i),
                "in" | "since" | "until" | "through" | "during" | "early" | "late" | "mid" | "-"
            )
        {
            return None;
        }
        Some((
            k,
            Sem::Date {
                y: None,
                m,
                d: None,
                rel: Rel::Infer,
            },
        ))
    }

    /// Monday; Monday, Oct. 31; Sunday night.
    pub(super) fn weekday(&self, i: usize) -> Option<(usize, Sem)> {
        if !self.upper(i) {
            return None;
        }
        let wd = lexicon::weekday(self.w(i))?;
        // "Ruby Tuesday", "Black Friday": a capitalised word inside the sentence before it
        if i > 0 && self.upper(i - 1) && self.is_word(i - 1) && !self.t[i].newline && !crate::scan::boundary_before(self.t, i - 1) {
            let p = self.w(i - 1);
            if lexicon::month_full(p).is_none()
                && lexicon::day_part(p).is_none()
                && !matches!(p, "on" | "late" | "early" | "by" | "until" | "since" | "last" | "next" | "this")
            {
                return None;
            }
        }
        let k = i + 1;
        let k2 = if self.w(k) == "," { k + 1 } else { k };
        if let Some((end, sem @ Sem::Date { d: Some(_), .. })) = self.month(k2, true).or_else(|| self.day_month(k2, true)) {
            return Some((end, sem));
        }
        if let Some(part) = lexicon::day_part(self.w(k)) {
            return Some((
                k + 1,
                Sem::Time {
                    day: Some(Box::new(Sem::Weekday { wd, rel: Rel::Infer })),
                    clock: None,
                    part: Some(part),
                },
            ));
        }
        Some((k, Sem::Weekday { wd, rel: Rel::Infer }))
    }

    /// Christmas (Day/Eve), New Year's Day/Eve: fixed-date holidays, capitalised.
    pub(super) fn holiday(&self, i: usize) -> Option<(usize, Sem)> {
        if !self.upper(i) {
            return None;
        }
        let date = |end, m, d| {
            Some((
                end,
                Sem::Date {
                    y: None,
                    m,
                    d: Some(d),
                    rel: Rel::Infer,
                },
            ))
        };
        match self.w(i) {
            "christmas" => match self.w(i + 1) {
                "eve" => date(i + 2, 12, 24),
                "day" => date(i + 2, 12, 25),
                _ if (is_time_prep(self.prev(i)) && !self.is_word(i + 1)) || self.w(i + 1) == "," => date(i + 1, 12, 25),
                _ => None,
            },
            "new" if self.w(i + 1) == "year" && self.w(i + 2) == "'" && self.w(i + 3) == "s" => match self.w(i + 4) {
                "day" => date(i + 5, 1, 1),
                "eve" => date(i + 5, 12, 31),
                _ => None,
            },
            _ => None,
        }
    }

    /// the first quarter (of 2012), Q3 2022, fourth-quarter.
    pub(super) fn quarter(&self, i: usize) -> Option<(usize, Sem)> {
        let (q, mut k) = if self.w(i) == "q" && self.adj(i + 1) {
            let (q, _) = self.num(i + 1)?;
            (q, i + 2)
        } else {
            let (q, k) = match self.w(i) {
                "final" => (4, i + 1),
                _ => self.ordinal(i)?,
            };
            let k = if self.w(k) == "-" && self.adj(k) { k + 1 } else { k };
            if self.w(k) != "quarter" {
                return None;
            }
            (q, k + 1)
        };
        if !(1..=4).contains(&q) {
            return None;
        }
        let mut y = None;
        let j = if self.w(k) == "of" { k + 1 } else { k };
        if let Some(yy) = self.year4(j) {
            y = Some(yy);
            k = j + 1;
        }
        Some((k, Sem::Quarter { q, y, rel: Rel::Infer }))
    }

    /// the 20th century, the 1800s (as century).
    pub(super) fn century(&self, i: usize) -> Option<(usize, Sem)> {
        if let Some((n, k)) = self.ordinal(i) {
            let k2 = if self.w(k) == "-" && self.adj(k) { k + 1 } else { k };
            if self.w(k2) == "century" && (1..=30).contains(&n) {
                return Some((k2 + 1, Sem::Century(n as i32 - 1)));
            }
        }
        None
    }

    /// the 1990s, the '90s, mid-1990s, the nineties.
    pub(super) fn decade(&self, i: usize) -> Option<(usize, Sem)> {
        if let Some(d) = lexicon::decade_word(self.w(i)) {
            if self.prev(i) == "the" || self.prev(i) == "-" {
                return Some((i + 1, Sem::Decade(190 + d as i32 / 10)));
            }
            return None;
        }
        if self.w(i) == "'" {
            let (v, 2) = self.num(i + 1)? else {
                return None;
            };
            if !self.adj(i + 1) {
                return None;
            }
            if v % 10 == 0 && self.w(i + 2) == "s" && self.adj(i + 2) {
                let cent = if v <= 20 { 200 } else { 190 };
                return Some((i + 3, Sem::Decade(cent + v as i32 / 10)));
            }
            // "in '08": a short year after a temporal preposition
            if matches!(self.prev(i), "in" | "since" | "of" | "from" | "until" | "by" | "class") && !self.adj(i + 2) {
                let y = if v <= 30 { 2000 } else { 1900 } + v as i32;
                return Some((i + 2, Sem::Year(y)));
            }
            return None;
        }
        let y = self.year4(i)?;
        if y % 10 == 0 && self.adj(i + 1) && self.w(i + 1) == "s" {
            if y % 100 == 0 && y % 1000 != 0 {
                return Some((i + 2, Sem::Century(y / 100)));
            }
            return Some((i + 2, Sem::Decade(y / 10)));
        }
        None
    }

    /// A four-digit year (1900–2099 bare; other years only after a temporal word), a year in a
    /// range (`2009-2010`, `1957-58`), fiscal 2013.
    pub(super) fn year(&self, i: usize, ctx: bool) -> Option<(usize, Sem)> {
        if self.w(i) == "fiscal" {
            let y = self.year4(i + 1)?;
            return Some((i + 2, Sem::Year(y)));
        }
        // the second half of "1957-58"
        if let Some((v, 2)) = self.num(i) {
            if self.prev(i) == "-" && self.adj(i) && i >= 2 && self.adj(i - 1) && !(self.adj(i + 1) && self.w(i + 1) == "-") {
                if let Some(first) = self.year4(i - 2) {
                    let y = first / 100 * 100 + v as i32;
                    if y > first && y - first < 10 {
                        return Some((i + 1, Sem::Year(y)));
                    }
                }
            }
            return None;
        }
        let y = self.year4(i)?;
        let prev = self.prev(i);
        if i > 0 && self.adj(i) && matches!(prev, "$" | "€" | "£" | "," | "." | "#" | "/" | ":" | "-" | "+") {
            // part of a bigger number or code; "2009-2010" is allowed below
            if !(prev == "-" && i >= 2 && (self.year4(i - 2).is_some() || self.w(i - 2) == "mid")) {
                return None;
            }
        }
        let next = self.w(i + 1);
        if self.adj(i + 1) && matches!(next, "," | "." | ":") && self.num(i + 2).is_some() && self.adj(i + 2) {
            return None;
        }
        if matches!(next, "%" | "percent" | "per") {
            return None;
        }
        if next == "-" && self.adj(i + 1) && self.adj(i + 2) && self.is_word(i + 2) {
            return None;
        }
        if !(1900..=2099).contains(&y) && !ctx {
            return None;
        }
        // "2000 troops": a plural noun after a bare number is a count
        // "arrested 2000 people": a bare number before a lower-case noun is a count
        if !ctx
            && self.is_word(i + 1)
            && !self.upper(i + 1)
            && !matches!(prev, "its" | "their" | "his" | "her" | "our" | "'s" | "a" | "an")
            && !matches!(
                next,
                "and"
                    | "or"
                    | "to"
                    | "when"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "had"
                    | "has"
                    | "have"
                    | "as"
                    | "after"
                    | "before"
                    | "with"
                    | "while"
                    | "because"
                    | "but"
                    | "which"
                    | "that"
                    | "if"
                    | "until"
                    | "s"
            )
        {
            return None;
        }
        Some((i + 1, Sem::Year(y)))
    }

    /// summer, last summer (via mod_unit), the summer of 2012, winter 2013.
    pub(super) fn season(&self, i: usize, ctx: bool) -> Option<(usize, Sem)> {
        let s = lexicon::season(self.w(i))?;
        let j = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some(y) = self.year4(j) {
            return Some((
                j + 1,
                Sem::Season {
                    s,
                    y: Some(y),
                    rel: Rel::Infer,
                },
            ));
        }
        if !ctx {
            return None;
        }
        // "spring offensive" is still a season; "fall" as a verb is lower-case too: want a
        // preposition or determiner before it
        if self.w(i) == "fall" && !matches!(self.prev(i), "the" | "this" | "last" | "next" | "in" | "early" | "late") {
            return None;
        }
        Some((
            i + 1,
            Sem::Season {
                s,
                y: None,
                rel: Rel::Infer,
            },
        ))
    }
}
