//! Anchoring: turn a [`Sem`] into a TimeML value against the document date, with its precision
//! and TimeML type. Without a document date, relative values keep `X` placeholders.

use crate::grammar::{Amount, Rel, Sem};
use crate::lexicon::{Unit, SEASON_CODES};
use chrono::{Datelike, Duration, NaiveDate};
use tacitus_doc::DatePrecision;

/// Whether the governing verb points to the past or the future of the document date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Past,
    Future,
}

/// A resolved value: TimeML value, precision and TimeML type.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub value: String,
    pub precision: DatePrecision,
    pub kind: &'static str,
}

fn val(value: String, precision: DatePrecision, kind: &'static str) -> Option<Value> {
    Some(Value { value, precision, kind })
}

pub fn fmt_day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// (year, month) moved by `n` months.
fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let total = y as i64 * 12 + (m as i64 - 1) + n;
    (total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u32)
}

/// Pick the year of a (month, day) or month so it falls on the side of the anchor that `rel`
/// and `dir` ask for. `key` orders positions inside a year.
fn pick_year(anchor_year: i32, key: u32, anchor_key: u32, rel: Rel, dir: Dir) -> i32 {
    match (rel, dir) {
        (Rel::This, _) => anchor_year,
        (Rel::Last, _) => anchor_year - i32::from(key >= anchor_key),
        (Rel::Next, _) => anchor_year + i32::from(key <= anchor_key),
        (Rel::Infer, Dir::Past) => anchor_year - i32::from(key > anchor_key),
        (Rel::Infer, Dir::Future) => anchor_year + i32::from(key < anchor_key),
    }
}

fn duration_value(n: Amount, unit: Unit) -> String {
    // a fraction of a unit reads better in the next smaller one: half an hour = PT30M
    if let Amount::N(v) = n {
        if v.fract() != 0.0 {
            let smaller = match unit {
                Unit::Hour => Some((60.0, Unit::Minute)),
                Unit::Day => Some((24.0, Unit::Hour)),
                Unit::Year => Some((12.0, Unit::Month)),
                Unit::Minute => Some((60.0, Unit::Second)),
                _ => None,
            };
            if let Some((k, u)) = smaller {
                if (v * k).fract() == 0.0 {
                    return duration_value(Amount::N(v * k), u);
                }
            }
        }
    }
    let num = |k: f64| match n {
        Amount::N(v) => {
            let x = v * k;
            if x.fract() == 0.0 {
                format!("{}", x as i64)
            } else {
                format!("{}", (x * 100.0).round() / 100.0)
            }
        }
        Amount::Vague => "X".to_string(),
    };
    match unit {
        Unit::Second => format!("PT{}S", num(1.0)),
        Unit::Minute => format!("PT{}M", num(1.0)),
        Unit::Hour => format!("PT{}H", num(1.0)),
        Unit::Day => format!("P{}D", num(1.0)),
        Unit::Weekend | Unit::Week => format!("P{}W", num(1.0)),
        Unit::Month => format!("P{}M", num(1.0)),
        Unit::Quarter => format!("P{}M", num(3.0)),
        Unit::Year => format!("P{}Y", num(1.0)),
        Unit::Decade => match n {
            Amount::N(_) => format!("P{}Y", num(10.0)),
            Amount::Vague => "PXDE".to_string(),
        },
        Unit::Century => match n {
            Amount::N(_) => format!("P{}Y", num(100.0)),
            Amount::Vague => "PXCE".to_string(),
        },
    }
}

/// The value of a day-like meaning as a date, when it is one.
fn day_of(sem: &Sem, anchor: NaiveDate, dir: Dir) -> Option<NaiveDate> {
    match sem {
        Sem::DayOffset(n) => anchor.checked_add_signed(Duration::days(*n)),
        Sem::Weekday { wd, rel } => {
            let today = anchor.weekday().number_from_monday() as i64;
            let wd = *wd as i64;
            let back = (today - wd).rem_euclid(7);
            let fwd = (wd - today).rem_euclid(7);
            let delta = match (rel, dir) {
                (Rel::Last, _) => -(if back == 0 { 7 } else { back }),
                (Rel::Next, _) => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                (Rel::This, _) | (Rel::Infer, Dir::Future) => fwd,
                (Rel::Infer, Dir::Past) => -back,
            };
            anchor.checked_add_signed(Duration::days(delta))
        }
        Sem::Date { y, m, d: Some(d), rel } => {
            let y = y.unwrap_or_else(|| pick_year(anchor.year(), m * 100 + d, anchor.month() * 100 + anchor.day(), *rel, dir));
            NaiveDate::from_ymd_opt(y, *m, *d)
        }
        _ => None,
    }
}

/// Resolve a meaning against an anchor (the document date) and a tense direction.
pub fn resolve(sem: &Sem, anchor: Option<NaiveDate>, dir: Dir) -> Option<Value> {
    use DatePrecision as P;
    match sem {
        Sem::Ref(r) => val(r.to_string(), P::Other, "DATE"),
        Sem::StoryDay => match anchor {
            Some(a) => val(format!("{:04}-XX-XX", a.year()), P::Year, "DATE"),
            None => val("XXXX-XX-XX".into(), P::Other, "DATE"),
        },
        Sem::Set(v) => val(v.clone(), P::Other, "SET"),
        Sem::Duration { n, unit } => val(duration_value(*n, *unit), P::Other, "DURATION"),
        Sem::Year(y) => val(format!("{y:04}"), P::Year, "DATE"),
        Sem::Decade(d) => val(format!("{d:03}"), P::Decade, "DATE"),
        Sem::Century(c) => val(format!("{c:02}"), P::Century, "DATE"),
        Sem::Date {
            y: Some(y), m, d: None, ..
        } => val(format!("{y:04}-{m:02}"), P::Month, "DATE"),
        Sem::Date { y, m, d: None, rel } => match anchor {
            Some(a) => {
                let y = y.unwrap_or_else(|| pick_year(a.year(), *m, a.month(), *rel, dir));
                val(format!("{y:04}-{m:02}"), P::Month, "DATE")
            }
            None => val(format!("XXXX-{m:02}"), P::Month, "DATE"),
        },
        Sem::Date {
            y: Some(y), m, d: Some(d), ..
        } => {
            let date = NaiveDate::from_ymd_opt(*y, *m, *d)?;
            val(fmt_day(date), P::Day, "DATE")
        }
        Sem::Date {
            y: None, m, d: Some(d), ..
        } => match anchor {
            Some(a) => val(fmt_day(day_of(sem, a, dir)?), P::Day, "DATE"),
            None => val(format!("XXXX-{m:02}-{d:02}"), P::Day, "DATE"),
        },
        Sem::Weekday { wd, .. } => match anchor {
            Some(a) => val(fmt_day(day_of(sem, a, dir)?), P::Day, "DATE"),
            None => val(format!("XXXX-WXX-{wd}"), P::Day, "DATE"),
        },
        Sem::DayOffset(_) => match anchor {
            Some(a) => val(fmt_day(day_of(sem, a, dir)?), P::Day, "DATE"),
            None => val("XXXX-XX-XX".into(), P::Day, "DATE"),
        },
        Sem::Shift { unit, n } | Sem::Narrative { unit, n } => shift(*unit, *n, anchor),
        Sem::Weekend { rel } => {
            let Some(a) = anchor else {
                return val("XXXX-WXX-WE".into(), P::Week, "DATE");
            };
            let wd = a.weekday().number_from_monday();
            // on a weekend day it is this weekend; otherwise the last or the coming one
            let n = match (wd >= 6, rel, dir) {
                (true, _, _) => 0,
                (false, Rel::Last, _) | (false, Rel::Infer, Dir::Past) => -1,
                (false, _, _) => 0,
            };
            shift(Unit::Weekend, n, anchor)
        }
        Sem::Ago { n, unit } => ago(*n, *unit, anchor),
        Sem::Season { s, y, rel } => {
            let code = SEASON_CODES.get(*s as usize).copied().unwrap_or("XX");
            let y = match (y, anchor) {
                (Some(y), _) => *y,
                (None, Some(a)) => {
                    // winter belongs to the year it starts in
                    let (ay, cur) = match a.month() {
                        1 | 2 => (a.year() - 1, 3),
                        m => (a.year(), (m - 3) / 3),
                    };
                    pick_year(ay, *s, cur, *rel, dir)
                }
                (None, None) => return val(format!("XXXX-{code}"), P::Season, "DATE"),
            };
            val(format!("{y:04}-{code}"), P::Season, "DATE")
        }
        Sem::Quarter { q, y, rel } => {
            let y = match (y, anchor) {
                (Some(y), _) => *y,
                (None, Some(a)) => pick_year(a.year(), *q, (a.month() - 1) / 3 + 1, *rel, dir),
                (None, None) => return val(format!("XXXX-Q{q}"), P::Season, "DATE"),
            };
            val(format!("{y:04}-Q{q}"), P::Season, "DATE")
        }
        Sem::Time { day, clock, part } => {
            let day_value = match (day, anchor) {
                (Some(d), Some(a)) => fmt_day(day_of(d, a, dir)?),
                (None, Some(a)) => fmt_day(a),
                (Some(d), None) => match d.as_ref() {
                    Sem::Weekday { wd, .. } => format!("XXXX-WXX-{wd}"),
                    _ => "XXXX-XX-XX".to_string(),
                },
                (None, None) => "XXXX-XX-XX".to_string(),
            };
            let t = match (clock, part) {
                (Some((h, m)), _) => format!("T{h:02}:{m:02}"),
                (None, Some(p)) => format!("T{p}"),
                (None, None) => String::new(),
            };
            val(format!("{day_value}{t}"), P::Day, "TIME")
        }
    }
}

fn shift(unit: Unit, n: i64, anchor: Option<NaiveDate>) -> Option<Value> {
    use DatePrecision as P;
    let Some(a) = anchor else {
        let v = match unit {
            Unit::Day => ("XXXX-XX-XX", P::Day),
            Unit::Week => ("XXXX-WXX", P::Week),
            Unit::Weekend => ("XXXX-WXX-WE", P::Week),
            Unit::Month => ("XXXX-XX", P::Month),
            Unit::Quarter => ("XXXX-QX", P::Season),
            Unit::Year => ("XXXX", P::Year),
            Unit::Decade => ("XXX", P::Decade),
            Unit::Century => ("XX", P::Century),
            _ => ("PRESENT_REF", P::Other),
        };
        return val(v.0.to_string(), v.1, "DATE");
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => val("PRESENT_REF".into(), P::Other, "DATE"),
        Unit::Day => val(fmt_day(a.checked_add_signed(Duration::days(n))?), P::Day, "DATE"),
        Unit::Week => val(fmt_week(a.checked_add_signed(Duration::days(7 * n))?), P::Week, "DATE"),
        Unit::Weekend => val(
            format!("{}-WE", fmt_week(a.checked_add_signed(Duration::days(7 * n))?)),
            P::Week,
            "DATE",
        ),
        Unit::Month => {
            let (y, m) = add_months(a.year(), a.month(), n);
            val(format!("{y:04}-{m:02}"), P::Month, "DATE")
        }
        Unit::Quarter => {
            let (y, m) = add_months(a.year(), a.month(), 3 * n);
            val(format!("{y:04}-Q{}", (m - 1) / 3 + 1), P::Season, "DATE")
        }
        Unit::Year => val(format!("{:04}", a.year() as i64 + n), P::Year, "DATE"),
        Unit::Decade => val(format!("{:03}", a.year() as i64 / 10 + n), P::Decade, "DATE"),
        Unit::Century => val(format!("{:02}", a.year() as i64 / 100 + n), P::Century, "DATE"),
    }
}

fn ago(n: Amount, unit: Unit, anchor: Option<NaiveDate>) -> Option<Value> {
    use DatePrecision as P;
    let (Amount::N(k), Some(a)) = (n, anchor) else {
        return val("PAST_REF".into(), P::Other, "DATE");
    };
    let k = k.round() as i64;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => val(fmt_day(a), P::Day, "DATE"),
        Unit::Day => val(fmt_day(a.checked_sub_signed(Duration::days(k))?), P::Day, "DATE"),
        Unit::Week | Unit::Weekend => val(fmt_week(a.checked_sub_signed(Duration::days(7 * k))?), P::Week, "DATE"),
        Unit::Month => {
            let (y, m) = add_months(a.year(), a.month(), -k);
            val(format!("{y:04}-{m:02}"), P::Month, "DATE")
        }
        Unit::Quarter => {
            let (y, m) = add_months(a.year(), a.month(), -3 * k);
            val(format!("{y:04}-Q{}", (m - 1) / 3 + 1), P::Season, "DATE")
        }
        Unit::Year => val(format!("{:04}", a.year() as i64 - k), P::Year, "DATE"),
        Unit::Decade => val(format!("{:04}", a.year() as i64 - 10 * k), P::Year, "DATE"),
        Unit::Century => val(format!("{:02}", (a.year() as i64 - 100 * k) / 100), P::Century, "DATE"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn months_follow_tense() {
        let month = |m, rel, dir| resolve(&Sem::Date { y: None, m, d: None, rel }, d("2013-03-18"), dir).map(|v| v.value);
        assert_eq!(month(9, Rel::Infer, Dir::Past).as_deref(), Some("2012-09"));
        assert_eq!(month(3, Rel::Infer, Dir::Past).as_deref(), Some("2013-03"));
        assert_eq!(month(6, Rel::Infer, Dir::Future).as_deref(), Some("2013-06"));
        assert_eq!(month(6, Rel::Last, Dir::Future).as_deref(), Some("2012-06"));
        assert_eq!(month(3, Rel::Last, Dir::Past).as_deref(), Some("2012-03"));
        assert_eq!(month(1, Rel::Next, Dir::Past).as_deref(), Some("2014-01"));
    }

    #[test]
    fn weekdays_follow_tense() {
        // 2022-10-31 is a Monday
        let wd = |wd, rel, dir| resolve(&Sem::Weekday { wd, rel }, d("2022-10-31"), dir).map(|v| v.value);
        assert_eq!(wd(1, Rel::Infer, Dir::Past).as_deref(), Some("2022-10-31"));
        assert_eq!(wd(1, Rel::Infer, Dir::Future).as_deref(), Some("2022-10-31"));
        assert_eq!(wd(5, Rel::Infer, Dir::Past).as_deref(), Some("2022-10-28"));
        assert_eq!(wd(5, Rel::Infer, Dir::Future).as_deref(), Some("2022-11-04"));
        assert_eq!(wd(1, Rel::Last, Dir::Past).as_deref(), Some("2022-10-24"));
        assert_eq!(wd(1, Rel::Next, Dir::Past).as_deref(), Some("2022-11-07"));
    }

    #[test]
    fn shifts_and_ages() {
        let r = |s: Sem| resolve(&s, d("2013-03-22"), Dir::Past).map(|v| v.value).unwrap_or_default();
        assert_eq!(r(Sem::Shift { unit: Unit::Week, n: -1 }), "2013-W11");
        assert_eq!(r(Sem::Shift { unit: Unit::Week, n: 0 }), "2013-W12");
        assert_eq!(r(Sem::Shift { unit: Unit::Month, n: -3 }), "2012-12");
        assert_eq!(
            r(Sem::Shift {
                unit: Unit::Quarter,
                n: -1
            }),
            "2012-Q4"
        );
        assert_eq!(r(Sem::Shift { unit: Unit::Decade, n: 0 }), "201");
        assert_eq!(
            r(Sem::Ago {
                n: Amount::N(6.0),
                unit: Unit::Year
            }),
            "2007"
        );
        assert_eq!(
            r(Sem::Ago {
                n: Amount::N(2.0),
                unit: Unit::Day
            }),
            "2013-03-20"
        );
        assert_eq!(
            r(Sem::Season {
                s: 1,
                y: None,
                rel: Rel::Last
            }),
            "2012-SU"
        );
        assert_eq!(
            r(Sem::Season {
                s: 1,
                y: None,
                rel: Rel::This
            }),
            "2013-SU"
        );
        assert_eq!(
            r(Sem::Season {
                s: 3,
                y: None,
                rel: Rel::Infer
            }),
            "2012-WI"
        );
        assert_eq!(
            r(Sem::Quarter {
                q: 3,
                y: None,
                rel: Rel::Infer
            }),
            "2012-Q3"
        );
        assert_eq!(
            r(Sem::Duration {
                n: Amount::N(2.0),
                unit: Unit::Decade
            }),
            "P20Y"
        );
        assert_eq!(
            r(Sem::Duration {
                n: Amount::Vague,
                unit: Unit::Month
            }),
            "PXM"
        );
        assert_eq!(
            r(Sem::Duration {
                n: Amount::N(24.0),
                unit: Unit::Hour
            }),
            "PT24H"
        );
    }

    #[test]
    fn no_anchor_keeps_placeholders() {
        let r = |s: Sem| resolve(&s, None, Dir::Past).map(|v| v.value).unwrap_or_default();
        assert_eq!(
            r(Sem::Date {
                y: None,
                m: 9,
                d: None,
                rel: Rel::Infer
            }),
            "XXXX-09"
        );
        assert_eq!(r(Sem::Weekday { wd: 1, rel: Rel::Infer }), "XXXX-WXX-1");
        assert_eq!(r(Sem::Shift { unit: Unit::Year, n: -1 }), "XXXX");
        assert_eq!(r(Sem::Year(2020)), "2020");
    }
}
