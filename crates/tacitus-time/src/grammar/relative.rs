//! Relative patterns: today/now/recently, frequencies, "last week"-style shifts and durations.

use super::{day_offset, Amount, Matcher, Rel, Sem};
use crate::lexicon::{self, Unit};

impl Matcher<'_> {
    /// today, yesterday morning, tonight, now, recently, annually, every week ...
    pub(super) fn rel_word(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.w(i);
        if let Some(found) = self.holiday(i).or_else(|| self.frequency(i)) {
            return Some(found);
        }
        if let Some(off) = day_offset(w) {
            if let Some(part) = lexicon::day_part(self.w(i + 1)) {
                return Some((
                    i + 2,
                    Sem::Time {
                        day: Some(Box::new(Sem::DayOffset(off))),
                        clock: None,
                        part: Some(part),
                    },
                ));
            }
            return Some((i + 1, Sem::DayOffset(off)));
        }
        if w == "that" {
            return match lexicon::unit(self.w(i + 1)) {
                Some((u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false)) => Some((i + 2, Sem::Narrative { unit: u, n: 0 })),
                _ => None,
            };
        }
        let sem = match w {
            "tonight" => Sem::Time {
                day: Some(Box::new(Sem::DayOffset(0))),
                clock: None,
                part: Some("NI"),
            },
            // "now-defunct" is an adjective, not a time
            "now" if self.w(i + 1) == "-" && self.adj(i + 1) => return None,
            "now" | "currently" | "nowadays" | "presently" => Sem::Ref("PRESENT_REF"),
            "recently" | "lately" => Sem::Ref("PAST_REF"),
            "soon" if !(self.prev(i) == "as" && self.w(i + 1) == "as") => Sem::Ref("FUTURE_REF"),
            "annually" | "yearly" => Sem::Set("XXXX".into()),
            "every" | "each" => {
                let next = self.w(i + 1);
                let v = if let Some((u, false)) = lexicon::unit(next) {
                    match u {
                        Unit::Year => "XXXX".to_string(),
                        Unit::Month => "XXXX-XX".to_string(),
                        Unit::Week => "XXXX-WXX".to_string(),
                        Unit::Day => "XXXX-XX-XX".to_string(),
                        Unit::Weekend => "XXXX-WXX-WE".to_string(),
                        _ => return None,
                    }
                } else if let Some(wd) = lexicon::weekday(next) {
                    format!("XXXX-WXX-{wd}")
                } else if let Some(m) = lexicon::month_full(next) {
                    format!("XXXX-{m:02}")
                } else if let Some(s) = lexicon::season(next) {
                    format!("XXXX-{}", lexicon::SEASON_CODES[s as usize])
                } else {
                    return None;
                };
                return Some((i + 2, Sem::Set(v)));
            }
            _ => return None,
        };
        Some((i + 1, sem))
    }

    /// once a week, twice a year, three times a month: a frequency (TimeML SET `P1W`).
    pub(super) fn frequency(&self, i: usize) -> Option<(usize, Sem)> {
        let k = match self.w(i) {
            "once" | "twice" | "thrice" => i + 1,
            _ => match self.number(i) {
                Some((Amount::N(_), k, false)) if self.w(k) == "times" => k + 1,
                _ => return None,
            },
        };
        if !matches!(self.w(k), "a" | "an" | "per" | "each" | "every") {
            return None;
        }
        let code = match lexicon::unit(self.w(k + 1))? {
            (Unit::Day, false) => "P1D",
            (Unit::Week, false) => "P1W",
            (Unit::Month, false) => "P1M",
            (Unit::Year, false) => "P1Y",
            (Unit::Hour, false) => "PT1H",
            _ => return None,
        };
        Some((k + 2, Sem::Set(code.to_string())))
    }

    /// last week, this month, next year, past two years, recent weeks, last Friday, this summer.
    pub(super) fn mod_unit(&self, i: usize) -> Option<(usize, Sem)> {
        let m = self.w(i);
        let shift: i64 = match m {
            "last" | "previous" | "past" => -1,
            "next" | "coming" | "following" => 1,
            "this" | "current" => 0,
            "recent" => -1,
            "these" => {
                return (self.w(i + 1) == "days").then_some((i + 2, Sem::Ref("PRESENT_REF")));
            }
            _ => return None,
        };
        let mut k = i + 1;
        let (m, shift) = if m == "this" && self.w(k) == "past" {
            k += 1;
            ("last", -1)
        } else {
            (m, shift)
        };
        if matches!(m, "past" | "last" | "next" | "coming" | "first") {
            if let Some((n, k2, false)) = self.number(k) {
                if let Some((u, _)) = lexicon::unit(self.w(k2)) {
                    if u != Unit::Weekend {
                        return Some((k2 + 1, Sem::Duration { n, unit: u }));
                    }
                }
            }
        }
        if self.w(k) == "fiscal" {
            k += 1;
        }
        let w = self.w(k);
        if let Some((u, plural)) = lexicon::unit(w) {
            if plural {
                return matches!(m, "recent" | "past" | "last" | "coming" | "next")
                    .then_some((k + 1, Sem::Duration { n: Amount::Vague, unit: u }));
            }
            if m == "recent" {
                return None;
            }
            if m == "past" {
                return Some((
                    k + 1,
                    Sem::Duration {
                        n: Amount::N(1.0),
                        unit: u,
                    },
                ));
            }
            return Some((k + 1, Sem::Shift { unit: u, n: shift }));
        }
        if m == "recent" || m == "past" || m == "current" {
            return None;
        }
        let rel = match shift {
            -1 => Rel::Last,
            0 => Rel::This,
            _ => Rel::Next,
        };
        if let Some(wd) = lexicon::weekday(w) {
            return Some((k + 1, Sem::Weekday { wd, rel }));
        }
        if let Some(mo) = lexicon::month_full(w).filter(|_| self.upper(k)) {
            return Some((
                k + 1,
                Sem::Date {
                    y: None,
                    m: mo,
                    d: None,
                    rel,
                },
            ));
        }
        if let Some(s) = lexicon::season(w) {
            return Some((k + 1, Sem::Season { s, y: None, rel }));
        }
        if let Some(part) = lexicon::day_part(w) {
            let off = match (m, part) {
                ("this", _) => 0,
                ("last", "NI" | "EV") => -1,
                ("tomorrow" | "next", _) => return None,
                _ => return None,
            };
            return Some((
                k + 1,
                Sem::Time {
                    day: Some(Box::new(Sem::DayOffset(off))),
                    clock: None,
                    part: Some(part),
                },
            ));
        }
        None
    }

    /// two days, a decade, four-week, 90 days, several months, two years ago, for decades.
    pub(super) fn duration(&self, i: usize) -> Option<(usize, Sem)> {
        let Some((n, k, article)) = self.number(i) else {
            // bare plurals: "for decades", "years ago"
            let (u, plural) = lexicon::unit(self.w(i))?;
            if !plural || u == Unit::Weekend {
                return None;
            }
            if self.w(i + 1) == "ago" {
                return Some((i + 2, Sem::Ago { n: Amount::Vague, unit: u }));
            }
            if matches!(self.prev(i), "for" | "over") && self.w(i + 1) != "of" {
                return Some((i + 1, Sem::Duration { n: Amount::Vague, unit: u }));
            }
            return None;
        };
        let mut k = k;
        let mut hyph = false;
        if self.w(k) == "-" && self.adj(k) && self.adj(k + 1) {
            k += 1;
            hyph = true;
        }
        let (u, plural) = lexicon::unit(self.w(k))?;
        if u == Unit::Weekend || (article && plural) || (hyph && plural) {
            return None;
        }
        // "a second time", "one-quarter of voters": an ordinal or a fraction, not a duration
        if (u == Unit::Second && !plural && article) || (u == Unit::Quarter && !plural) {
            return None;
        }
        let mut end = k + 1;
        // ages: "26 year old", "18 years of age"
        if self.w(end) == "old" || (self.w(end) == "of" && self.w(end + 1) == "age") {
            return None;
        }
        if self.w(end) == "-" && self.adj(end) {
            match self.w(end + 1) {
                "old" | "olds" => return None,
                "long" => end += 2,
                _ => {}
            }
        }
        if self.w(end) == "ago" {
            return Some((end + 1, Sem::Ago { n, unit: u }));
        }
        // after a number of years, another one: "a year and a half" is not handled (kept simple)
        if plural && self.w(end) == "'" && self.adj(end) && self.w(end + 1) != "s" {
            end += 1;
        }
        // "the first 100 days": a plain count that needs a unit to be temporal
        Some((end, Sem::Duration { n, unit: u }))
    }
}
