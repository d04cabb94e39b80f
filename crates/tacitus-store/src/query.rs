//! Reading a store: filtered event lists and dyad time series.

use crate::{Error, Result, Store};
use chrono::NaiveDate;
use rusqlite::types::Value;
use serde::Serialize;

/// Filters of `tacitus query`; every field set narrows the result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// Some actor's code starts with this (`ARM`, `ARMGOV`).
    pub actor: Option<String>,
    /// Some recipient's code starts with this.
    pub recipient: Option<String>,
    /// Some party (actor or recipient) is of this country.
    pub country: Option<String>,
    /// The CAMEO code starts with this (`19`, `190`).
    pub cameo: Option<String>,
    /// The PLOVER event type (case-insensitive).
    pub event: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The place name (case-insensitive).
    pub place: Option<String>,
    /// `[min_lon, min_lat, max_lon, max_lat]`.
    pub bbox: Option<[f64; 4]>,
    pub modality: Option<String>,
    /// The sentence contains these words (case-insensitive substring).
    pub words: Option<String>,
    /// One row per canonical event (its first mention) instead of one per mention.
    pub canonical_only: bool,
    pub limit: Option<usize>,
}

/// One event mention as listed by `tacitus query`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    pub canonical_id: i64,
    pub doc_id: String,
    pub id: String,
    pub date: String,
    pub actors: String,
    pub recipients: String,
    pub cameo: String,
    pub event: Option<String>,
    pub quad_class: i64,
    pub goldstein: f64,
    pub modality: String,
    pub place: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub trigger: String,
    pub text: String,
    pub source: Option<String>,
    /// Mentions of the same canonical event across the store.
    pub mentions: i64,
    /// The words naming each actor, as written ("Russian president Vladimir Putin").
    pub actor_text: Vec<String>,
    /// The words naming each recipient.
    pub recipient_text: Vec<String>,
}

/// Time unit of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

impl std::str::FromStr for Period {
    type Err = Error;
    fn from_str(s: &str) -> Result<Period> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            _ => Err(Error::Invalid(format!("unknown period {s:?} (expected day, week or month)"))),
        }
    }
}

impl Period {
    fn column(self) -> &'static str {
        match self {
            Period::Day => "date",
            Period::Week => "week",
            Period::Month => "month",
        }
    }
}

/// One period of a dyad series: canonical events from `src` to `tgt`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    pub period: String,
    pub events: i64,
    pub mentions: i64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    /// Events per quad class 1..4 (verbal coop, material coop, verbal conflict, material conflict).
    pub quad: [i64; 4],
}

/// One row of the full aggregate table (period × dyad × quad class × PLOVER type).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AggregateRow {
    pub period: String,
    pub src: String,
    pub tgt: String,
    pub quad_class: i64,
    pub event: String,
    pub events: i64,
    pub mentions: i64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
}

/// Escape `LIKE` wildcards (with `\` as the escape character).
fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The actor and recipient words of a stored record (empty lists if it does not parse).
fn party_texts(record: &str) -> (Vec<String>, Vec<String>) {
    match serde_json::from_str::<tacitus_doc::EventRecord>(record) {
        Ok(r) => (
            r.actor.into_iter().map(|a| a.text).collect(),
            r.recipient.into_iter().map(|a| a.text).collect(),
        ),
        Err(_) => (Vec::new(), Vec::new()),
    }
}

impl Store {
    /// Event mentions matching a filter, oldest first.
    pub fn query_events(&self, f: &EventFilter) -> Result<Vec<EventRow>> {
        let mut conds: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        let mut arg = |v: Value| {
            args.push(v);
            format!("?{}", args.len())
        };
        if let Some(a) = &f.actor {
            conds.push(format!(
                "e.actors LIKE {} ESCAPE '\\'",
                arg(Value::Text(format!("% {}%", like_escape(a))))
            ));
        }
        if let Some(a) = &f.recipient {
            conds.push(format!(
                "e.recipients LIKE {} ESCAPE '\\'",
                arg(Value::Text(format!("% {}%", like_escape(a))))
            ));
        }
        if let Some(c) = &f.country {
            let p = arg(Value::Text(format!("% {} %", like_escape(c))));
            conds.push(format!(
                "(e.actor_countries LIKE {p} ESCAPE '\\' OR e.recipient_countries LIKE {p} ESCAPE '\\')"
            ));
        }
        if let Some(c) = &f.cameo {
            conds.push(format!(
                "e.cameo LIKE {} ESCAPE '\\'",
                arg(Value::Text(format!("{}%", like_escape(c))))
            ));
        }
        if let Some(e) = &f.event {
            conds.push(format!("upper(e.event) = upper({})", arg(Value::Text(e.clone()))));
        }
        if let Some(d) = f.from {
            conds.push(format!("e.day >= {}", arg(Value::Integer(crate::store::day_number(d)))));
        }
        if let Some(d) = f.to {
            conds.push(format!("e.day <= {}", arg(Value::Integer(crate::store::day_number(d)))));
        }
        if let Some(p) = &f.place {
            conds.push(format!("lower(e.place) = lower({})", arg(Value::Text(p.clone()))));
        }
        if let Some([x0, y0, x1, y1]) = f.bbox {
            let (a, b, c, d) = (
                arg(Value::Real(x0)),
                arg(Value::Real(y0)),
                arg(Value::Real(x1)),
                arg(Value::Real(y1)),
            );
            conds.push(format!("e.lon BETWEEN {a} AND {c} AND e.lat BETWEEN {b} AND {d}"));
        }
        if let Some(m) = &f.modality {
            conds.push(format!("e.modality = lower({})", arg(Value::Text(m.clone()))));
        }
        if let Some(w) = &f.words {
            conds.push(format!(
                "e.text LIKE {} ESCAPE '\\'",
                arg(Value::Text(format!("%{}%", like_escape(w))))
            ));
        }
        if f.canonical_only {
            conds.push("e.row = (SELECT min(row) FROM events x WHERE x.canonical_id = e.canonical_id)".into());
        }
        let mut sql = String::from(
            "SELECT e.canonical_id, e.doc_id, e.id, e.date, trim(e.actors), trim(e.recipients), e.cameo, e.event, e.quad,
                    e.goldstein, e.modality, e.place, e.lat, e.lon, e.trigger, e.text, d.source, c.n_mentions, e.record
             FROM events e LEFT JOIN documents d ON d.id = e.doc_id LEFT JOIN canonical_events c ON c.id = e.canonical_id",
        );
        if !conds.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&conds.join(" AND "));
        }
        sql.push_str(" ORDER BY e.day, e.doc_id, e.sentence, e.row");
        if let Some(n) = f.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        self.sql(|c| {
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
                let record: String = r.get(18)?;
                let (actor_text, recipient_text) = party_texts(&record);
                Ok(EventRow {
                    canonical_id: r.get(0)?,
                    doc_id: r.get(1)?,
                    id: r.get(2)?,
                    date: r.get(3)?,
                    actors: r.get(4)?,
                    recipients: r.get(5)?,
                    cameo: r.get(6)?,
                    event: r.get(7)?,
                    quad_class: r.get(8)?,
                    goldstein: r.get(9)?,
                    modality: r.get(10)?,
                    place: r.get(11)?,
                    lat: r.get(12)?,
                    lon: r.get(13)?,
                    trigger: r.get(14)?,
                    text: r.get(15)?,
                    source: r.get(16)?,
                    mentions: r.get::<_, Option<i64>>(17)?.unwrap_or(1),
                    actor_text,
                    recipient_text,
                })
            })?;
            rows.collect()
        })
    }

    /// The time series of canonical events from country `src` to country `tgt`, by period,
    /// from the incrementally maintained daily aggregates (an index range scan).
    pub fn dyad_series(&self, src: &str, tgt: &str, period: Period) -> Result<Vec<SeriesPoint>> {
        let col = period.column();
        let sql = format!(
            "SELECT {col}, sum(n_events), sum(n_mentions), sum(goldstein_sum),
                    sum(CASE quad WHEN 1 THEN n_events ELSE 0 END), sum(CASE quad WHEN 2 THEN n_events ELSE 0 END),
                    sum(CASE quad WHEN 3 THEN n_events ELSE 0 END), sum(CASE quad WHEN 4 THEN n_events ELSE 0 END)
             FROM dyad_day WHERE src = ?1 AND tgt = ?2 GROUP BY {col} HAVING sum(n_events) > 0 ORDER BY {col}"
        );
        self.sql(|c| {
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt.query_map([src, tgt], |r| {
                let events: i64 = r.get(1)?;
                let sum: f64 = r.get(3)?;
                Ok(SeriesPoint {
                    period: r.get(0)?,
                    events,
                    mentions: r.get(2)?,
                    goldstein_sum: sum,
                    goldstein_mean: if events > 0 { sum / events as f64 } else { 0.0 },
                    quad: [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                })
            })?;
            rows.collect()
        })
    }

    /// All aggregates by period × ordered country pair × quad class × PLOVER type.
    pub fn aggregates(&self, period: Period) -> Result<Vec<AggregateRow>> {
        let col = period.column();
        let sql = format!(
            "SELECT {col}, src, tgt, quad, event, sum(n_events), sum(n_mentions), sum(goldstein_sum)
             FROM dyad_day GROUP BY {col}, src, tgt, quad, event HAVING sum(n_events) > 0 ORDER BY {col}, src, tgt, quad, event"
        );
        self.sql(|c| {
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt.query_map([], |r| {
                let events: i64 = r.get(5)?;
                let sum: f64 = r.get(7)?;
                Ok(AggregateRow {
                    period: r.get(0)?,
                    src: r.get(1)?,
                    tgt: r.get(2)?,
                    quad_class: r.get(3)?,
                    event: r.get(4)?,
                    events,
                    mentions: r.get(6)?,
                    goldstein_sum: sum,
                    goldstein_mean: if events > 0 { sum / events as f64 } else { 0.0 },
                })
            })?;
            rows.collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{actor, record};
    use crate::{CodedDoc, DedupConfig, DocMeta};
    use tacitus_doc::LocationRecord;

    fn store() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let mut docs = Vec::new();
        for (i, (date, cameo, quad, g)) in [
            ("2022-09-12", "190", 4, -10.0),
            ("2022-09-13", "190", 4, -10.0),
            ("2022-09-20", "040", 1, 1.0),
            ("2022-10-03", "173", 4, -5.0),
        ]
        .into_iter()
        .enumerate()
        {
            let id = format!("d{i}");
            let mut r = record("e0", &id, cameo);
            r.quad_class = quad;
            r.goldstein = g;
            r.event = None;
            if cameo == "040" {
                r.actor = vec![actor("AZEGOV")];
                r.recipient = vec![actor("ARMGOV")];
                r.location = Some(LocationRecord {
                    text: "Sochi".into(),
                    name: "Sochi".into(),
                    geonameid: Some(491422),
                    lat: 43.6,
                    lon: 39.73,
                    country: "RUS".into(),
                });
                r.text = "Aliyev met Pashinyan in Sochi".into();
            }
            docs.push(CodedDoc {
                meta: DocMeta::new(&id, &id, date.parse().unwrap()),
                n_sentences: 1,
                events: vec![r],
            });
        }
        s.write_batch(&docs, &DedupConfig::default()).unwrap();
        s
    }

    #[test]
    fn filters_narrow_the_list() {
        let s = store();
        let all = s.query_events(&EventFilter::default()).unwrap();
        assert_eq!(all.len(), 4);
        assert_eq!(all[0].mentions, 2, "the two clashes a day apart are one event");
        let q = |f: EventFilter| s.query_events(&f).unwrap().len();
        assert_eq!(
            q(EventFilter {
                cameo: Some("19".into()),
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            q(EventFilter {
                actor: Some("AZEGOV".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            q(EventFilter {
                actor: Some("AZE".into()),
                ..Default::default()
            }),
            4
        );
        assert_eq!(
            q(EventFilter {
                recipient: Some("AZE".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            q(EventFilter {
                country: Some("ARM".into()),
                ..Default::default()
            }),
            4
        );
        assert_eq!(
            q(EventFilter {
                country: Some("AR".into()),
                ..Default::default()
            }),
            0,
            "countries match whole"
        );
        assert_eq!(
            q(EventFilter {
                from: "2022-09-13".parse().ok(),
                to: "2022-09-30".parse().ok(),
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            q(EventFilter {
                place: Some("sochi".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            q(EventFilter {
                bbox: Some([39.0, 43.0, 40.0, 44.0]),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            q(EventFilter {
                bbox: Some([0.0, 0.0, 1.0, 1.0]),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            q(EventFilter {
                words: Some("pashinyan".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            q(EventFilter {
                words: Some("100%".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            q(EventFilter {
                modality: Some("denied".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            q(EventFilter {
                canonical_only: true,
                ..Default::default()
            }),
            3
        );
    }

    #[test]
    fn dyad_series_rolls_up_by_period() {
        let s = store();
        let weeks = s.dyad_series("AZE", "ARM", Period::Week).unwrap();
        let got: Vec<(&str, i64, i64)> = weeks.iter().map(|p| (p.period.as_str(), p.events, p.mentions)).collect();
        assert_eq!(got, vec![("2022-W37", 1, 2), ("2022-W38", 1, 1), ("2022-W40", 1, 1)]);
        assert_eq!(weeks[0].quad, [0, 0, 0, 1]);
        let months = s.dyad_series("AZE", "ARM", Period::Month).unwrap();
        assert_eq!(months.len(), 2);
        assert!((months[0].goldstein_mean - (-4.5)).abs() < 1e-9);
        assert!(s.dyad_series("ARM", "AZE", Period::Day).unwrap().is_empty(), "pairs are ordered");
        assert_eq!(s.aggregates(Period::Month).unwrap().len(), 3);
        assert!("fortnight".parse::<Period>().is_err());
    }
}
