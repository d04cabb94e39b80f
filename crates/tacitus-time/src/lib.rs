//! tacitus-time: temporal expressions in English news, found and resolved against the
//! document date as TimeML values.
//!
//! [`TimeTagger::tag`] fills [`Document::timexes`] with expressions such as "on Monday"
//! (`2022-10-31`), "in September" (`2022-09`), "the 2020 conflict" (`2020`), "two decades"
//! (`P20Y`), "last summer" (`2022-SU`), "now" (`PRESENT_REF`); [`TimeTagger::attach`] links
//! each coded event to the expression that dates it. Extents follow the TimeML guidelines:
//! prepositions are left out ("Monday"), determiners and modifiers kept ("the past two years",
//! "early December").
//!
//! The pipeline: [`scan`] (a fine-grained tokenizer), [`grammar`] (patterns, tried only at
//! trigger words and numbers), [`tense`] (past or future reading of named days and months),
//! [`resolve`] (anchoring to the document date).
//!
//! ```
//! use tacitus_doc::Document;
//! use tacitus_time::TimeTagger;
//! let date = chrono::NaiveDate::from_ymd_opt(2022, 10, 31);
//! let mut doc = Document::new("d", "Clashes broke out in September.", date);
//! TimeTagger::new().tag(&mut doc);
//! assert_eq!(doc.timexes[0].value, "2022-09");
//! ```

pub mod attach;
pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod scan;
pub mod tense;

use chrono::NaiveDate;
use grammar::{Matcher, Sem};
use resolve::Dir;
use tacitus_doc::{Document, Span, Timex};

/// Errors of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// An anchor date that is not `YYYY-MM-DD`.
    #[error("{origin}:{line}: bad date {value:?} (expected YYYY-MM-DD)")]
    BadAnchor { origin: String, line: u64, value: String },
}

/// Crate result type.
pub type Result<T> = std::result::Result<T, Error>;

/// Parse an anchor date (`YYYY-MM-DD`), naming where it came from when it is bad.
pub fn parse_anchor(value: &str, origin: &str, line: u64) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| Error::BadAnchor {
        origin: origin.to_string(),
        line,
        value: value.to_string(),
    })
}

/// Finds and resolves temporal expressions. Holds no state: cheap to build, shareable.
#[derive(Clone, Debug, Default)]
pub struct TimeTagger {}

impl TimeTagger {
    pub fn new() -> TimeTagger {
        TimeTagger {}
    }

    /// Find and resolve expressions in `doc.text` against `doc.date` (without a date, relative
    /// values stay unresolved, e.g. `XXXX-09`), filling `doc.timexes` with byte spans. Uses
    /// `doc.syntax` for the tense of the governing verb when it is filled.
    pub fn tag(&self, doc: &mut Document) {
        let timexes = self.find(doc);
        doc.timexes = timexes;
    }

    /// The expressions of a document, without storing them.
    pub fn find(&self, doc: &Document) -> Vec<Timex> {
        let toks = scan::scan(&doc.text);
        let found = Matcher::new(&toks).find_all();
        let mut out = Vec::with_capacity(found.len());
        // the story's last full date, the anchor of "the next day", "that year"
        let mut story: Option<NaiveDate> = None;
        // the year of the last dated mention, for days of the story that cannot be placed
        let mut story_year: Option<NaiveDate> = None;
        for f in found {
            let (Some(first), Some(last)) = (toks.get(f.start), f.end.checked_sub(1).and_then(|e| toks.get(e))) else {
                continue;
            };
            let span = Span::new(first.start, last.end);
            let dir = if needs_direction(&f.sem) {
                tense::dir_from_syntax(doc, span.start, span.end).unwrap_or_else(|| tense::dir_from_words(&toks, f.start, f.end))
            } else {
                Dir::Past
            };
            let anchor = match f.sem {
                Sem::Narrative { .. } => story.or(doc.date),
                Sem::StoryDay => story_year.or(doc.date),
                _ => doc.date,
            };
            if let Some(v) = resolve::resolve(&f.sem, anchor, dir) {
                let year = v.value.get(..4).and_then(|y| y.parse::<i32>().ok());
                if let Some(y) = year.filter(|_| v.kind == "DATE" || v.kind == "TIME") {
                    story_year = NaiveDate::from_ymd_opt(y, 1, 1);
                }
                if v.precision == tacitus_doc::DatePrecision::Day {
                    if let Some(d) = v.value.get(..10).and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()) {
                        story = Some(d);
                    }
                }
                out.push(Timex {
                    span,
                    value: v.value,
                    precision: v.precision,
                    kind: v.kind.to_string(),
                });
            }
        }
        out
    }

    /// For each event in `doc.events`, set `timex` to the expression that dates it (see
    /// [`attach`]); `None` when nothing does (the document date is used downstream).
    pub fn attach(&self, doc: &mut Document) {
        attach::attach(doc);
    }
}

fn needs_direction(sem: &Sem) -> bool {
    match sem {
        Sem::Date { y: None, .. }
        | Sem::Weekday { .. }
        | Sem::Weekend { .. }
        | Sem::Season { y: None, .. }
        | Sem::Quarter { y: None, .. } => true,
        Sem::Time { day: Some(d), .. } => needs_direction(d),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str, date: &str) -> Vec<(String, String, String)> {
        let mut doc = Document::new("t", text, NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
        TimeTagger::new().tag(&mut doc);
        doc.timexes
            .iter()
            .map(|t| (doc.slice(t.span).to_string(), t.value.clone(), t.kind.clone()))
            .collect()
    }

    /// One expression per phrase: (text, document date, expected extent, expected value).
    #[test]
    fn phrase_table() {
        let table: &[(&str, &str, &str, &str)] = &[
            (
                "No change is likely in the near future.",
                "2013-03-22",
                "the near future",
                "FUTURE_REF",
            ),
            (
                "He vanished in July 2012. The day before he left, he called.",
                "2013-03-22",
                "The day",
                "2012-XX-XX",
            ),
            ("Talks went on until now.", "2013-03-22", "now", "PRESENT_REF"),
            (
                "The deal was signed Friday, March 22, 2013.",
                "2013-03-25",
                "Friday, March 22, 2013",
                "2013-03-22",
            ),
            ("It peaked in mid-2012.", "2013-03-22", "mid-2012", "2012"),
            (
                "Sales in the first quarter of 2012 fell.",
                "2013-03-22",
                "the first quarter of 2012",
                "2012-Q1",
            ),
            ("It grew in the 1990s and 2000s.", "2013-03-22", "2000s", "200"),
            ("It rained over the next few days.", "2013-03-22", "the next few days", "PXD"),
            ("He spoke this morning.", "2013-03-22", "this morning", "2013-03-22TMO"),
            ("He spoke last night.", "2013-03-22", "last night", "2013-03-21TNI"),
            (
                "He spoke yesterday afternoon.",
                "2013-03-22",
                "yesterday afternoon",
                "2013-03-21TAF",
            ),
            ("It opened in spring 2012.", "2013-03-22", "spring 2012", "2012-SP"),
            ("They meet every Monday.", "2013-03-22", "every Monday", "XXXX-WXX-1"),
            ("They shop on Christmas Eve.", "2022-10-31", "Christmas Eve", "2021-12-24"),
            (
                "The party on New Year's Eve was loud.",
                "2022-10-31",
                "New Year's Eve",
                "2021-12-31",
            ),
            ("They meet twice a year.", "2022-10-31", "twice a year", "P1Y"),
            ("It took half an hour.", "2022-10-31", "half an hour", "PT30M"),
            ("It took a year and 1.5 days.", "2022-10-31", "1.5 days", "PT36H"),
            ("Clashes broke out in September.", "2022-10-31", "September", "2022-09"),
            ("It was published on Monday.", "2022-10-31", "Monday", "2022-10-31"),
            ("They met on Friday.", "2022-10-31", "Friday", "2022-10-28"),
            ("They will meet on Friday.", "2022-10-31", "Friday", "2022-11-04"),
            ("The 2020 conflict ended.", "2022-10-31", "2020", "2020"),
            (
                "our joint statement dated November 2020, issued",
                "2022-10-31",
                "November 2020",
                "2020-11",
            ),
            ("locked for decades in a conflict", "2022-10-31", "decades", "PXDE"),
            ("extend it by up to two decades.", "2022-10-31", "two decades", "P20Y"),
            ("It happened on 31 October 2022.", "2022-11-02", "31 October 2022", "2022-10-31"),
            ("It happened on Oct. 31.", "2022-11-02", "Oct. 31", "2022-10-31"),
            ("It happened on Sept. 3.", "2022-11-02", "Sept. 3", "2022-09-03"),
            ("It happened on October 31, 2022.", "2022-11-02", "October 31, 2022", "2022-10-31"),
            ("Filed 2022-10-31 in court.", "2022-11-02", "2022-10-31", "2022-10-31"),
            ("He arrived yesterday.", "2022-10-31", "yesterday", "2022-10-30"),
            ("Prices rose last week.", "2022-10-31", "last week", "2022-W43"),
            ("They met earlier this month.", "2022-10-31", "earlier this month", "2022-10"),
            ("Elections are due next year.", "2022-10-31", "next year", "2023"),
            ("He left two days ago.", "2022-10-31", "two days ago", "2022-10-29"),
            ("Talks continue this week.", "2022-10-31", "this week", "2022-W44"),
            ("The war of the 1990s was long.", "2022-10-31", "the 1990s", "199"),
            ("Fighting flared last summer.", "2022-10-31", "last summer", "2022-SU"),
            ("He lived in the 19th century.", "2022-10-31", "19th century", "18"),
            ("It lasted three weeks.", "2022-10-31", "three weeks", "P3W"),
            ("They talked for 48 hours.", "2022-10-31", "48 hours", "PT48H"),
            ("They are now in Sochi.", "2022-10-31", "now", "PRESENT_REF"),
            ("He is currently abroad.", "2022-10-31", "currently", "PRESENT_REF"),
            ("It recently changed.", "2022-10-31", "recently", "PAST_REF"),
            ("It happened in the past.", "2022-10-31", "the past", "PAST_REF"),
            ("Talks will resume soon.", "2022-10-31", "soon", "FUTURE_REF"),
            ("Growth slowed in the third quarter.", "2022-10-31", "the third quarter", "2022-Q3"),
            (
                "Growth slowed in the fourth quarter of 2021.",
                "2022-10-31",
                "the fourth quarter of 2021",
                "2021-Q4",
            ),
            (
                "He was arrested on March 3 and charged the next day.",
                "2022-10-31",
                "the next day",
                "2022-03-04",
            ),
            (
                "He was arrested on March 3 and charged that day.",
                "2022-10-31",
                "that day",
                "2022-03-03",
            ),
            ("Arrests began this past weekend.", "2022-10-31", "this past weekend", "2022-W43-WE"),
            ("The mall on Monday, Oct. 31 opened.", "2022-11-02", "Monday, Oct. 31", "2022-10-31"),
            (
                "It should pass by the end of the year.",
                "2022-10-31",
                "the end of the year",
                "2022",
            ),
            ("The 2013/14 season", "2022-10-31", "2013", "2013"),
            ("The now-defunct party met in 2013.", "2022-10-31", "2013", "2013"),
            ("Shops were looted over the weekend.", "2022-10-31", "the weekend", "2022-W43-WE"),
            ("He graduated in '08 and left.", "2022-10-31", "'08", "2008"),
            ("He spoke at 8 p.m. on Monday.", "2022-10-31", "8 p.m.", "2022-10-31T20:00"),
            ("It rose over the past year.", "2022-10-31", "the past year", "P1Y"),
            ("It rose in recent weeks.", "2022-10-31", "recent weeks", "PXW"),
            ("It was signed last June.", "2013-03-22", "last June", "2012-06"),
            ("It started in early December.", "2013-03-22", "early December", "2012-12"),
            ("The book is due to be published in May.", "2013-03-22", "May", "2013-05"),
            (
                "Closures will begin on April 7, the FAA said.",
                "2013-03-22",
                "April 7",
                "2013-04-07",
            ),
            (
                "The match is postponed until 15:00 GMT Saturday.",
                "2013-03-22",
                "15:00 GMT Saturday",
                "2013-03-23T15:00",
            ),
            ("It has been six years ago.", "2013-03-21", "six years ago", "2007"),
            ("They spend billions annually.", "2013-03-21", "annually", "XXXX"),
            ("A four-week closure.", "2013-03-21", "four-week", "P4W"),
            ("Clashes broke out in September.", "", "September", "XXXX-09"),
            ("They met on Monday.", "", "Monday", "XXXX-WXX-1"),
        ];
        for (text, date, extent, value) in table {
            let got = tag(text, date);
            let hit = got.iter().find(|(t, _, _)| t == extent);
            assert!(hit.is_some(), "{text:?}: no expression {extent:?}; got {got:?}");
            assert_eq!(hit.map(|h| h.1.as_str()), Some(*value), "{text:?} ({date})");
        }
    }

    #[test]
    fn ordinary_text_has_no_dates() {
        for text in [
            "The president may travel to Paris. Protesters march on the capital.",
            "Police arrested 2000 people and seized $1,995 in cash.",
            "The ministry said the talks were productive.",
            "He won a second term. A 26 year old man, 18 years of age, ran the 2000-metre race at Ruby Tuesday.",
            "One-quarter of voters left as soon as they could.",
            "The now-defunct party of Ruby Tuesday sold 1,995 tickets.",
        ] {
            assert!(tag(text, "2022-10-31").is_empty(), "{text:?}: {:?}", tag(text, "2022-10-31"));
        }
    }

    #[test]
    fn bad_anchor_names_its_origin() {
        let e = parse_anchor("31/10/2022", "docs.jsonl", 4).unwrap_err();
        assert_eq!(e.to_string(), "docs.jsonl:4: bad date \"31/10/2022\" (expected YYYY-MM-DD)");
        assert!(parse_anchor("2022-10-31", "x", 1).is_ok());
    }
}
