//! Event records of spec/io.md built from an annotated document.

use tacitus_dict::cameo::CameoTable;
use tacitus_doc::{ActorRecord, CharIndex, DatePrecision, Document, Event, EventRecord, LocationRecord};

/// Stable 64-bit FNV-1a hash, as 16 hex digits: same input, same id.
fn stable_id(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0x1f)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn actor_record(doc: &Document, ix: &CharIndex, m: u32) -> ActorRecord {
    let mut a = &doc.actors[m as usize];
    // "Ozal said he was confident": a pronoun stands for the words it refers back to when
    // they are in the same sentence
    while let Some(b) = a.antecedent.map(|i| &doc.actors[i as usize]) {
        if b.sentence != a.sentence || b.span.end > a.span.start || b.code != a.code {
            break;
        }
        a = b;
    }
    ActorRecord {
        code: a.code.code(),
        country: a.code.country.clone(),
        sector: a.code.sector.clone(),
        text: doc.slice(a.span).to_string(),
        span: ix.span(a.span),
    }
}

/// A timex value usable as an event date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), with its precision.
fn calendar_date(value: &str, precision: DatePrecision) -> Option<(String, &'static str)> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    match value.len() {
        10 if digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) => Some((value.into(), "day")),
        7 if digits(0..4) && b[4] == b'-' && digits(5..7) => Some((value.into(), "month")),
        4 if digits(0..4) && precision != DatePrecision::Decade => Some((value.into(), "year")),
        _ => None,
    }
}

fn event_date(doc: &Document, e: &Event) -> (Option<String>, Option<String>) {
    if let Some(t) = e.timex.and_then(|i| doc.timexes.get(i as usize)) {
        if let Some((v, p)) = calendar_date(&t.value, t.precision) {
            return (Some(v), Some(p.into()));
        }
    }
    match doc.date {
        Some(d) => (Some(d.format("%Y-%m-%d").to_string()), Some("day".into())),
        None => (None, None),
    }
}

/// One record per event of the document, in the document's event order.
pub fn event_records(doc: &Document, cameo: &CameoTable) -> Vec<EventRecord> {
    let ix = CharIndex::new(&doc.text);
    doc.events
        .iter()
        .map(|e| {
            let sentence = doc.sentences[e.sentence as usize];
            let info = cameo.get_or_parent(&e.cameo);
            let plover = cameo.plover(&e.cameo);
            let actor: Vec<ActorRecord> = e.actors.iter().map(|&m| actor_record(doc, &ix, m)).collect();
            let recipient: Vec<ActorRecord> = e.recipients.iter().map(|&m| actor_record(doc, &ix, m)).collect();
            let (date, date_precision) = event_date(doc, e);
            let codes: Vec<String> = actor.iter().chain(recipient.iter()).map(|a| a.code.clone()).collect();
            let trigger_span = ix.span(e.trigger_span);
            let id = stable_id(&[
                &doc.id,
                &e.sentence.to_string(),
                &trigger_span[0].to_string(),
                &e.cameo,
                &codes.join(","),
            ]);
            let location = e.place.and_then(|p| doc.places.get(p as usize)).map(|p| LocationRecord {
                text: doc.slice(p.span).to_string(),
                name: p.name.clone(),
                geonameid: p.geonameid,
                lat: p.lat,
                lon: p.lon,
                country: p.country.clone(),
            });
            EventRecord {
                id,
                doc_id: doc.id.clone(),
                sentence: e.sentence,
                sentence_span: ix.span(sentence.span),
                trigger_span,
                date,
                date_precision,
                actor,
                recipient,
                cameo: e.cameo.clone(),
                quad_class: info.map(|c| c.quad_class).unwrap_or(0),
                goldstein: info.map(|c| c.goldstein).unwrap_or(0.0),
                event: plover.map(|p| p.event.clone()),
                mode: plover.and_then(|p| p.mode.clone()),
                context: plover.map(|p| p.context.clone()).unwrap_or_default(),
                location,
                modality: e.modality.as_str().into(),
                attributed_to: e.attributed_to.map(|m| actor_record(doc, &ix, m)),
                text: doc.slice(sentence.span).to_string(),
                rule: e.rule.clone(),
                confidence: e.confidence,
                trigger: doc.slice(e.trigger_span).to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(stable_id(&["a", "b"]), stable_id(&["a", "b"]));
        assert_ne!(stable_id(&["a", "b"]), stable_id(&["ab", ""]));
    }

    #[test]
    fn only_calendar_values_date_events() {
        assert_eq!(calendar_date("2022-09", DatePrecision::Month).unwrap().1, "month");
        assert_eq!(calendar_date("2022-10-31", DatePrecision::Day).unwrap().1, "day");
        assert!(calendar_date("P2Y", DatePrecision::Other).is_none());
        assert!(calendar_date("PRESENT_REF", DatePrecision::Other).is_none());
    }
}
