//! The store itself: opening, transactional batch writes, de-duplication and aggregates.

use crate::dedup::{self, CanonicalKey, DedupConfig, MentionKey};
use crate::schema::{PRAGMAS, SCHEMA};
use crate::{Error, Result};
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::Path;
use tacitus_doc::EventRecord;

/// What the store keeps of a document besides its events.
#[derive(Clone, Debug, PartialEq)]
pub struct DocMeta {
    pub id: String,
    /// [`content_hash`] of the date and text: the same id with another hash is an update.
    pub hash: String,
    /// Publication date; events without a date of their own take it.
    pub date: NaiveDate,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

impl DocMeta {
    /// Metadata of a document, hashing its text and date.
    pub fn new(id: &str, text: &str, date: NaiveDate) -> Self {
        DocMeta {
            id: id.into(),
            hash: content_hash(text, date),
            date,
            source: None,
            url: None,
            title: None,
        }
    }
}

/// A coded document ready to be written.
#[derive(Clone, Debug, PartialEq)]
pub struct CodedDoc {
    pub meta: DocMeta,
    pub n_sentences: u32,
    pub events: Vec<EventRecord>,
}

/// What one batch write did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteOutcome {
    /// Documents stored for the first time.
    pub inserted: u64,
    /// Documents whose id was stored with another hash, now replaced.
    pub replaced: u64,
    /// Documents already stored with the same hash, left alone.
    pub unchanged: u64,
    /// Event mentions written.
    pub events: u64,
    /// Sentences of the documents written.
    pub sentences: u64,
}

/// Sizes of a store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: u64,
    pub events: u64,
    pub canonical_events: u64,
    pub sentences: u64,
}

/// A stable 128-bit content hash (two FNV-1a 64 lanes) of a document's date and text, in hex.
pub fn content_hash(text: &str, date: NaiveDate) -> String {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x6c62_272e_07bb_0142;
    let date = date.to_string();
    for &byte in date.as_bytes().iter().chain([0u8].iter()).chain(text.as_bytes()) {
        a = (a ^ byte as u64).wrapping_mul(0x0000_0100_0000_01b3);
        b = (b ^ (byte as u64).rotate_left(5))
            .wrapping_mul(0x0000_0100_0000_01b3)
            .rotate_left(1);
    }
    format!("{a:016x}{b:016x}")
}

/// An `f32` widened to the `f64` with the same shortest decimal form (-7.2, not -7.199999809).
pub(crate) fn widen(x: f32) -> f64 {
    if x.is_finite() {
        x.to_string().parse().unwrap_or(x as f64)
    } else {
        0.0
    }
}

/// Days since 1970-01-01.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    (date - NaiveDate::default()).num_days()
}

/// The date an event happened: its own date at whatever precision (first day of the month or
/// year), else the publication date.
pub(crate) fn event_date(record: &EventRecord, published: NaiveDate) -> NaiveDate {
    let Some(s) = record.date.as_deref() else {
        return published;
    };
    let parse = |s: &str, fmt: &str| NaiveDate::parse_from_str(s, fmt).ok();
    match s.len() {
        10 => parse(s, "%Y-%m-%d"),
        7 => parse(&format!("{s}-01"), "%Y-%m-%d"),
        4 => parse(&format!("{s}-01-01"), "%Y-%m-%d"),
        _ => None,
    }
    .unwrap_or(published)
}

/// A dyad aggregate key (src, tgt, day, quad, event) and its (events, mentions, goldstein sum).
type AggKey = (String, String, i64, i64, String);
type AggValue = (i64, i64, f64);

pub(crate) fn iso_week(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn month(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// Space-delimited list with a leading and trailing space, for `LIKE '% X%'` filters.
fn spaced<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::from(" ");
    for item in items {
        out.push_str(item);
        out.push(' ');
    }
    out
}

/// Ordered country pairs of an event (`actor × recipient`, skipping an actor paired with
/// itself), sorted and unique, as `SRC>TGT;...`. A missing side is the empty string.
fn dyads(record: &EventRecord) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    if record.actor.is_empty() || record.recipient.is_empty() {
        let srcs: Vec<&str> = if record.actor.is_empty() {
            vec![""]
        } else {
            record.actor.iter().map(|a| a.country.as_str()).collect()
        };
        let tgts: Vec<&str> = if record.recipient.is_empty() {
            vec![""]
        } else {
            record.recipient.iter().map(|a| a.country.as_str()).collect()
        };
        for s in &srcs {
            for t in &tgts {
                pairs.push((s.to_string(), t.to_string()));
            }
        }
    } else {
        for a in &record.actor {
            for r in &record.recipient {
                if a.code != r.code || a.text != r.text {
                    pairs.push((a.country.clone(), r.country.clone()));
                }
            }
        }
    }
    pairs.sort();
    pairs.dedup();
    pairs.iter().map(|(s, t)| format!("{s}>{t}")).collect::<Vec<_>>().join(";")
}

fn parse_dyads(s: &str) -> impl Iterator<Item = (&str, &str)> {
    s.split(';').filter(|p| !p.is_empty()).map(|p| p.split_once('>').unwrap_or((p, "")))
}

/// The SQLite event store.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: String,
}

impl Store {
    /// Open (creating if needed) a store file in WAL mode.
    pub fn open(path: &Path) -> Result<Store> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| Error::Sqlite {
            path: name.clone(),
            source,
        })?;
        let store = Store { conn, path: name };
        store.sql(|c| c.execute_batch(PRAGMAS))?;
        store.sql(|c| c.execute_batch(SCHEMA))?;
        Ok(store)
    }

    /// Open an existing store for reading only (queries, export, the ingest reader's checks).
    pub fn open_readonly(path: &Path) -> Result<Store> {
        let name = path.display().to_string();
        if !path.exists() {
            return Err(Error::Invalid(format!("{name}: no such store (run `tacitus ingest` first)")));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| Error::Sqlite {
            path: name.clone(),
            source,
        })?;
        let store = Store { conn, path: name };
        store.sql(|c| c.execute_batch("PRAGMA busy_timeout=10000;"))?;
        store.sql(|c| c.query_row("SELECT count(*) FROM documents", [], |_| Ok(())))?;
        Ok(store)
    }

    /// A throw-away store in memory (tests, dry runs).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|source| Error::Sqlite {
            path: ":memory:".into(),
            source,
        })?;
        let store = Store {
            conn,
            path: ":memory:".into(),
        };
        store.sql(|c| c.execute_batch(SCHEMA))?;
        Ok(store)
    }

    /// Run one SQLite call, naming the store in its error.
    pub(crate) fn sql<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        f(&self.conn).map_err(|source| Error::Sqlite {
            path: self.path.clone(),
            source,
        })
    }

    /// The stored content hash of a document, if it is stored.
    pub fn stored_hash(&self, id: &str) -> Result<Option<String>> {
        self.sql(|c| {
            c.prepare_cached("SELECT hash FROM documents WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()
        })
    }

    /// Is this document stored with this very content?
    pub fn contains(&self, id: &str, hash: &str) -> Result<bool> {
        Ok(self.stored_hash(id)?.as_deref() == Some(hash))
    }

    /// Write documents and their events in one transaction: all of them or none.
    /// A document stored with the same hash is left alone; with another hash it is replaced.
    pub fn write_batch(&mut self, docs: &[CodedDoc], config: &DedupConfig) -> Result<WriteOutcome> {
        self.sql(|c| c.execute_batch("BEGIN IMMEDIATE"))?;
        let mut outcome = WriteOutcome::default();
        let result = docs.iter().try_for_each(|doc| self.add_document(doc, config, &mut outcome));
        match result.and_then(|()| self.sql(|c| c.execute_batch("COMMIT"))) {
            Ok(()) => Ok(outcome),
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    fn add_document(&self, doc: &CodedDoc, config: &DedupConfig, outcome: &mut WriteOutcome) -> Result<()> {
        let meta = &doc.meta;
        match self.stored_hash(&meta.id)? {
            Some(h) if h == meta.hash => {
                outcome.unchanged += 1;
                return Ok(());
            }
            Some(_) => {
                self.remove_document(&meta.id)?;
                outcome.replaced += 1;
            }
            None => outcome.inserted += 1,
        }
        self.sql(|c| {
            c.prepare_cached(
                "INSERT INTO documents(id, hash, date, source, url, title, n_sentences, n_events) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
            )?
            .execute(params![
                meta.id,
                meta.hash,
                meta.date.to_string(),
                meta.source,
                meta.url,
                meta.title,
                doc.n_sentences,
                doc.events.len() as i64
            ])
        })?;
        for record in &doc.events {
            if self.add_mention(record, meta, config)? {
                outcome.events += 1;
            }
        }
        outcome.sentences += doc.n_sentences as u64;
        Ok(())
    }

    /// Store one mention, attaching it to a canonical event. False when the document already
    /// held a record with this id (a coder emitting one id twice).
    fn add_mention(&self, record: &EventRecord, meta: &DocMeta, config: &DedupConfig) -> Result<bool> {
        let exists: bool = self.sql(|c| {
            c.prepare_cached("SELECT 1 FROM events WHERE doc_id = ?1 AND id = ?2")?
                .exists(params![meta.id, record.id])
        })?;
        if exists {
            return Ok(false);
        }
        let date = event_date(record, meta.date);
        let day = day_number(date);
        let key = dedup::party_key(record);
        let root = dedup::cameo_root(&record.cameo).to_string();
        let event = record.event.clone().unwrap_or_default();
        let polarity = dedup::polarity(&record.modality);
        let place = record
            .location
            .as_ref()
            .filter(|l| l.lat.is_finite() && l.lon.is_finite())
            .map(|l| (l.lat, l.lon));
        let mention = MentionKey {
            day,
            root: &root,
            event: &event,
            polarity,
            place,
        };
        let canonical = self.find_canonical(&key, &mention, config)?;
        let canonical_id = match canonical {
            Some((id, canon, dyad_list)) => {
                self.sql(|c| {
                    c.prepare_cached(
                        "UPDATE canonical_events SET n_mentions = n_mentions + 1, lat = coalesce(lat, ?2), lon = coalesce(lon, ?3) WHERE id = ?1",
                    )?
                    .execute(params![id, place.map(|p| p.0), place.map(|p| p.1)])
                })?;
                let (quad, cevent) = (canon.0, canon.1);
                for (src, tgt) in parse_dyads(&dyad_list) {
                    self.sql(|c| {
                        c.prepare_cached(
                            "UPDATE dyad_day SET n_mentions = n_mentions + 1 WHERE src=?1 AND tgt=?2 AND day=?3 AND quad=?4 AND event=?5",
                        )?
                        .execute(params![src, tgt, canon.2, quad, cevent])
                    })?;
                }
                id
            }
            None => {
                let dyad_list = dyads(record);
                let goldstein = widen(record.goldstein);
                let id: i64 = self.sql(|c| {
                    c.prepare_cached(
                        "INSERT INTO canonical_events(party_key, day, date, cameo, root, event, quad, goldstein, polarity, lat, lon, dyads, n_mentions)
                         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,1) RETURNING id",
                    )?
                    .query_row(
                        params![
                            key,
                            day,
                            date.to_string(),
                            record.cameo,
                            root,
                            event,
                            record.quad_class,
                            goldstein,
                            polarity,
                            place.map(|p| p.0),
                            place.map(|p| p.1),
                            dyad_list
                        ],
                        |r| r.get(0),
                    )
                })?;
                let (week, month) = (iso_week(date), month(date));
                for (src, tgt) in parse_dyads(&dyad_list) {
                    self.sql(|c| {
                        c.prepare_cached(
                            "INSERT INTO dyad_day(src, tgt, day, date, week, month, quad, event, n_events, n_mentions, goldstein_sum)
                             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,1,1,?9)
                             ON CONFLICT(src, tgt, day, quad, event) DO UPDATE SET
                               n_events = n_events + 1, n_mentions = n_mentions + 1, goldstein_sum = goldstein_sum + excluded.goldstein_sum",
                        )?
                        .execute(params![src, tgt, day, date.to_string(), week, month, record.quad_class, event, goldstein])
                    })?;
                }
                id
            }
        };
        let json = serde_json::to_string(record).map_err(|e| Error::Invalid(format!("event {}: {e}", record.id)))?;
        let loc = record.location.as_ref();
        self.sql(|c| {
            c.prepare_cached(
                "INSERT INTO events(id, doc_id, canonical_id, sentence, date, day, date_precision, cameo, quad, goldstein, event, mode,
                   modality, actors, recipients, actor_countries, recipient_countries, place, lat, lon, place_country, text, trigger,
                   rule, confidence, record)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26)",
            )?
            .execute(params![
                record.id,
                meta.id,
                canonical_id,
                record.sentence,
                date.to_string(),
                day,
                record.date_precision,
                record.cameo,
                record.quad_class,
                widen(record.goldstein),
                record.event,
                record.mode,
                record.modality,
                spaced(record.actor.iter().map(|a| a.code.as_str())),
                spaced(record.recipient.iter().map(|a| a.code.as_str())),
                spaced(record.actor.iter().map(|a| a.country.as_str())),
                spaced(record.recipient.iter().map(|a| a.country.as_str())),
                loc.map(|l| l.name.as_str()),
                place.map(|p| p.0),
                place.map(|p| p.1),
                loc.map(|l| l.country.as_str()),
                record.text,
                record.trigger,
                record.rule,
                widen(record.confidence),
                json
            ])
        })?;
        Ok(true)
    }

    /// The canonical event a mention belongs to: same party key, compatible, nearest in time,
    /// oldest first on ties. Returns its id, (quad, event, day) and dyads.
    #[allow(clippy::type_complexity)]
    fn find_canonical(&self, key: &str, mention: &MentionKey, config: &DedupConfig) -> Result<Option<(i64, (i64, String, i64), String)>> {
        if !config.enabled {
            return Ok(None);
        }
        let rows: Vec<(i64, CanonicalKey, i64, String)> = self.sql(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, day, root, event, polarity, lat, lon, quad, dyads FROM canonical_events
                 WHERE party_key = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY abs(day - ?4), id",
            )?;
            let rows = stmt.query_map(
                params![key, mention.day - config.window_days, mention.day + config.window_days, mention.day],
                |r| {
                    let lat: Option<f64> = r.get(5)?;
                    let lon: Option<f64> = r.get(6)?;
                    Ok((
                        r.get::<_, i64>(0)?,
                        CanonicalKey {
                            day: r.get(1)?,
                            root: r.get(2)?,
                            event: r.get(3)?,
                            polarity: r.get(4)?,
                            place: lat.zip(lon),
                        },
                        r.get::<_, i64>(7)?,
                        r.get::<_, String>(8)?,
                    ))
                },
            )?;
            rows.collect()
        })?;
        Ok(rows
            .into_iter()
            .find(|(_, canon, _, _)| dedup::compatible(config, canon, mention))
            .map(|(id, canon, quad, dyad_list)| (id, (quad, canon.event, canon.day), dyad_list)))
    }

    /// Remove a document, its mentions, and their share of canonical events and aggregates.
    fn remove_document(&self, id: &str) -> Result<()> {
        let canon_ids: Vec<i64> = self.sql(|c| {
            let mut stmt = c.prepare_cached("SELECT canonical_id FROM events WHERE doc_id = ?1 ORDER BY row")?;
            let rows = stmt.query_map([id], |r| r.get(0))?;
            rows.collect()
        })?;
        for cid in canon_ids {
            let (n, day, quad, event, goldstein, dyad_list): (i64, i64, i64, String, f64, String) = self.sql(|c| {
                c.prepare_cached(
                    "UPDATE canonical_events SET n_mentions = n_mentions - 1 WHERE id = ?1
                     RETURNING n_mentions, day, quad, event, goldstein, dyads",
                )?
                .query_row([cid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
            })?;
            let gone = n <= 0;
            for (src, tgt) in parse_dyads(&dyad_list) {
                self.sql(|c| {
                    c.prepare_cached(
                        "UPDATE dyad_day SET n_mentions = n_mentions - 1, n_events = n_events - ?6, goldstein_sum = goldstein_sum - ?7
                         WHERE src=?1 AND tgt=?2 AND day=?3 AND quad=?4 AND event=?5",
                    )?
                    .execute(params![src, tgt, day, quad, event, gone as i64, if gone { goldstein } else { 0.0 }])
                })?;
            }
            if gone {
                self.sql(|c| c.prepare_cached("DELETE FROM canonical_events WHERE id = ?1")?.execute([cid]))?;
            }
        }
        self.sql(|c| {
            c.execute("DELETE FROM dyad_day WHERE n_mentions <= 0 AND n_events <= 0", [])?;
            c.execute("DELETE FROM events WHERE doc_id = ?1", [id])?;
            c.execute("DELETE FROM documents WHERE id = ?1", [id])
        })?;
        Ok(())
    }

    /// Sizes of the store.
    pub fn counts(&self) -> Result<Counts> {
        self.sql(|c| {
            let (documents, sentences): (i64, i64) =
                c.query_row("SELECT count(*), coalesce(sum(n_sentences), 0) FROM documents", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            let events: i64 = c.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
            let canonical: i64 = c.query_row("SELECT count(*) FROM canonical_events", [], |r| r.get(0))?;
            Ok(Counts {
                documents: documents as u64,
                events: events as u64,
                canonical_events: canonical as u64,
                sentences: sentences as u64,
            })
        })
    }

    /// A deterministic text dump of everything stored (documents, mentions, canonical events,
    /// aggregates), for comparing two stores.
    pub fn fingerprint(&self) -> Result<String> {
        let queries = [
            "SELECT id || '|' || hash || '|' || coalesce(date,'') || '|' || n_sentences || '|' || n_events FROM documents ORDER BY id",
            "SELECT doc_id || '|' || id || '|' || canonical_id || '|' || record FROM events ORDER BY doc_id, id",
            "SELECT id || '|' || party_key || '|' || day || '|' || cameo || '|' || n_mentions || '|' || dyads FROM canonical_events ORDER BY id",
            "SELECT src || '|' || tgt || '|' || day || '|' || quad || '|' || event || '|' || n_events || '|' || n_mentions || '|' || printf('%.3f', goldstein_sum) FROM dyad_day ORDER BY src, tgt, day, quad, event",
        ];
        let mut out = String::new();
        for q in queries {
            let lines: Vec<String> = self.sql(|c| {
                let mut stmt = c.prepare(q)?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                rows.collect()
            })?;
            for line in lines {
                out.push_str(&line);
                out.push('\n');
            }
            out.push_str("--\n");
        }
        Ok(out)
    }

    /// Recompute the daily dyad aggregates from the canonical events and compare them with
    /// the incrementally maintained ones. Returns the rows that differ (empty when consistent).
    pub fn check_aggregates(&self) -> Result<Vec<String>> {
        use std::collections::BTreeMap;
        let mut expected: BTreeMap<AggKey, AggValue> = BTreeMap::new();
        let canon: Vec<(i64, i64, String, f64, String, i64)> = self.sql(|c| {
            let mut stmt = c.prepare("SELECT day, quad, event, goldstein, dyads, n_mentions FROM canonical_events")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?;
            rows.collect()
        })?;
        for (day, quad, event, g, dyad_list, n) in &canon {
            for (s, t) in parse_dyads(dyad_list) {
                let e = expected.entry((s.into(), t.into(), *day, *quad, event.clone())).or_default();
                e.0 += 1;
                e.1 += n;
                e.2 += g;
            }
        }
        let stored: Vec<(AggKey, AggValue)> = self.sql(|c| {
            let mut stmt = c.prepare("SELECT src, tgt, day, quad, event, n_events, n_mentions, goldstein_sum FROM dyad_day")?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                    (r.get(5)?, r.get(6)?, r.get(7)?),
                ))
            })?;
            rows.collect()
        })?;
        let mut diffs = Vec::new();
        let stored: BTreeMap<_, _> = stored.into_iter().collect();
        for (k, v) in &expected {
            match stored.get(k) {
                Some(s) if s.0 == v.0 && s.1 == v.1 && (s.2 - v.2).abs() < 1e-6 => {}
                other => diffs.push(format!("{k:?}: expected {v:?}, stored {other:?}")),
            }
        }
        for k in stored.keys().filter(|k| !expected.contains_key(*k)) {
            diffs.push(format!("{k:?}: stored but no canonical event"));
        }
        Ok(diffs)
    }

    /// Record a key/value in the store's `meta` table (schema version, dedup settings, ...).
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.sql(|c| c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", [key, value]))?;
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use tacitus_doc::{ActorRecord, LocationRecord};

    pub(crate) fn actor(code: &str) -> ActorRecord {
        ActorRecord {
            code: code.into(),
            country: code.get(..3).unwrap_or("").into(),
            sector: code.get(3..).unwrap_or("").into(),
            text: code.into(),
            span: [0, 3],
        }
    }

    pub(crate) fn record(id: &str, doc: &str, cameo: &str) -> EventRecord {
        EventRecord {
            id: id.into(),
            doc_id: doc.into(),
            sentence: 0,
            sentence_span: [0, 10],
            trigger_span: [4, 7],
            date: None,
            date_precision: None,
            actor: vec![actor("AZEMIL")],
            recipient: vec![actor("ARMMIL")],
            cameo: cameo.into(),
            quad_class: 4,
            goldstein: -10.0,
            event: Some("FIGHT".into()),
            mode: None,
            context: vec![],
            location: None,
            modality: "asserted".into(),
            attributed_to: None,
            text: "Azerbaijani forces shelled Armenian positions.".into(),
            rule: "test".into(),
            confidence: 0.9,
            trigger: "shelled".into(),
        }
    }

    fn doc(id: &str, date: &str, events: Vec<EventRecord>) -> CodedDoc {
        let date: NaiveDate = date.parse().unwrap();
        CodedDoc {
            meta: DocMeta::new(id, &format!("text of {id} {}", events.len()), date),
            n_sentences: 3,
            events,
        }
    }

    #[test]
    fn same_event_from_two_sources_is_one_canonical_event() {
        let mut s = Store::open_in_memory().unwrap();
        let cfg = DedupConfig::default();
        s.write_batch(&[doc("a", "2022-09-13", vec![record("e1", "a", "190")])], &cfg)
            .unwrap();
        s.write_batch(&[doc("b", "2022-09-14", vec![record("e1", "b", "195")])], &cfg)
            .unwrap();
        // A follow-up a week later is a new event.
        s.write_batch(&[doc("c", "2022-09-21", vec![record("e1", "c", "190")])], &cfg)
            .unwrap();
        let counts = s.counts().unwrap();
        assert_eq!(counts.documents, 3);
        assert_eq!(counts.events, 3);
        assert_eq!(counts.canonical_events, 2);
        assert!(s.check_aggregates().unwrap().is_empty());
    }

    #[test]
    fn rewriting_a_document_is_idempotent_and_updates_replace() {
        let mut s = Store::open_in_memory().unwrap();
        let cfg = DedupConfig::default();
        let d = doc("a", "2022-09-13", vec![record("e1", "a", "190"), record("e2", "a", "040")]);
        let first = s.write_batch(std::slice::from_ref(&d), &cfg).unwrap();
        assert_eq!((first.inserted, first.events), (1, 2));
        let before = s.fingerprint().unwrap();
        let again = s.write_batch(&[d], &cfg).unwrap();
        assert_eq!((again.unchanged, again.events), (1, 0));
        assert_eq!(before, s.fingerprint().unwrap());
        // Same id, new content: replaced, old mentions and aggregates gone.
        let d2 = doc("a", "2022-09-13", vec![record("e3", "a", "190")]);
        let upd = s.write_batch(&[d2], &cfg).unwrap();
        assert_eq!(upd.replaced, 1);
        let counts = s.counts().unwrap();
        assert_eq!((counts.documents, counts.events, counts.canonical_events), (1, 1, 1));
        assert!(s.check_aggregates().unwrap().is_empty(), "{:?}", s.check_aggregates());
    }

    #[test]
    fn removing_one_mention_keeps_the_canonical_event() {
        let mut s = Store::open_in_memory().unwrap();
        let cfg = DedupConfig::default();
        s.write_batch(&[doc("a", "2022-09-13", vec![record("e1", "a", "190")])], &cfg)
            .unwrap();
        s.write_batch(&[doc("b", "2022-09-13", vec![record("e1", "b", "190")])], &cfg)
            .unwrap();
        s.write_batch(&[doc("b", "2022-09-13", vec![])], &cfg).unwrap();
        let counts = s.counts().unwrap();
        assert_eq!((counts.events, counts.canonical_events), (1, 1));
        assert!(s.check_aggregates().unwrap().is_empty());
    }

    #[test]
    fn places_far_apart_and_different_parties_never_merge() {
        let mut s = Store::open_in_memory().unwrap();
        let cfg = DedupConfig::default();
        let loc = |lat, lon| LocationRecord {
            text: "x".into(),
            name: "x".into(),
            geonameid: None,
            lat,
            lon,
            country: "ARM".into(),
        };
        let mut a = record("e1", "a", "190");
        a.location = Some(loc(40.18, 44.51));
        let mut b = record("e1", "b", "190");
        b.location = Some(loc(39.82, 46.75));
        let mut c = record("e1", "c", "190");
        c.actor = vec![actor("RUSMIL")];
        s.write_batch(
            &[
                doc("a", "2022-09-13", vec![a]),
                doc("b", "2022-09-13", vec![b]),
                doc("c", "2022-09-13", vec![c]),
            ],
            &cfg,
        )
        .unwrap();
        assert_eq!(s.counts().unwrap().canonical_events, 3);
    }

    #[test]
    fn event_dates_and_weeks() {
        let published: NaiveDate = "2022-10-31".parse().unwrap();
        let mut r = record("e", "d", "040");
        assert_eq!(event_date(&r, published), published);
        r.date = Some("2022-09".into());
        assert_eq!(event_date(&r, published).to_string(), "2022-09-01");
        r.date = Some("garbage".into());
        assert_eq!(event_date(&r, published), published);
        assert_eq!(iso_week(published), "2022-W44");
        assert_eq!(iso_week("2021-01-01".parse().unwrap()), "2020-W53");
    }

    #[test]
    fn dyads_expand_actor_by_recipient() {
        let mut r = record("e", "d", "040");
        r.actor = vec![actor("RUSGOV"), actor("AZEGOV")];
        r.recipient = vec![actor("ARMGOV")];
        assert_eq!(dyads(&r), "AZE>ARM;RUS>ARM");
        r.recipient.clear();
        assert_eq!(dyads(&r), "AZE>;RUS>");
        assert_eq!(widen(-7.2), -7.2);
        assert_eq!(widen(f32::NAN), 0.0);
        assert_ne!(
            content_hash("a", "2022-01-01".parse().unwrap()),
            content_hash("b", "2022-01-01".parse().unwrap())
        );
    }
}
