//! tacitus: political event coding from news text.
//!
//! This facade composes the stages into a [`Pipeline`] and reads input documents ([`input`]).
//! Front ends (the CLI, the store's ingest) depend on this crate only.
//!
//! ```no_run
//! let pipeline = tacitus::Pipeline::english().unwrap();
//! let doc = tacitus::input::InputDoc::new("d1", "Russia hosted talks.", "2022-10-31".parse().unwrap());
//! let (_doc, events) = pipeline.code(&doc);
//! # let _ = events;
//! ```

pub mod examples;
pub mod input;
pub mod records;

pub use input::InputDoc;
pub use tacitus_doc as doc;

use std::sync::Arc;
use tacitus_code::Coder;
use tacitus_doc::{Document, EventRecord};
use tacitus_geo::{Gazetteer, PlaceTagger};
use tacitus_nlp::syntax::Analyzer;
use tacitus_time::TimeTagger;

/// Which dictionaries code events: ours, imported PETRARCH/TABARI ones, or both.
pub enum Dictionaries {
    Tacitus,
    /// PETRARCH dictionaries only.
    Petrarch(Box<tacitus_petrarch::Coder>),
    /// Ours, then the PETRARCH ones adding their events.
    Merged(Box<tacitus_petrarch::Coder>),
}

/// The composed English pipeline: segmentation → syntax → actors and events → dates → places.
pub struct Pipeline {
    pub analyzer: Analyzer,
    pub coder: Coder,
    pub time: TimeTagger,
    pub places: PlaceTagger,
    pub dictionaries: Dictionaries,
}

/// Errors while building a pipeline (loading models and dictionaries).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("syntax model: {0}")]
    Syntax(String),
    #[error("{0}")]
    Coder(#[from] tacitus_code::Error),
    #[error("gazetteer: {0}")]
    Gazetteer(String),
    #[error("PETRARCH dictionaries: {0}")]
    Petrarch(String),
}

/// The token starting at byte `start`, if any (tokens are in text order).
fn token_starting_at(doc: &Document, start: u32) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.start < start);
    (i < doc.tokens.len() && doc.tokens[i].span.start == start).then_some(i)
}

/// The token holding byte `b`, if any.
fn token_holding(doc: &Document, b: u32) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.end <= b);
    (i < doc.tokens.len() && doc.tokens[i].span.start <= b).then_some(i)
}

/// The token range of the sentence holding token `t` (dependents never cross sentences).
fn sentence_tokens(doc: &Document, t: usize) -> std::ops::Range<usize> {
    let i = doc.sentences.partition_point(|s| (s.end_token as usize) <= t);
    doc.sentences
        .get(i)
        .map(|s| s.token_range())
        .unwrap_or(0..doc.syntax.len().min(doc.tokens.len()))
}

/// The preposition (`case` dependent) of token `h`, lowercased.
fn case_word(doc: &Document, h: usize) -> Option<String> {
    sentence_tokens(doc, h)
        .find(|&c| {
            doc.syntax
                .get(c)
                .is_some_and(|x| x.head == h as u32 && x.deprel == tacitus_doc::DepRel::Case)
        })
        .map(|c| doc.token_text(c).to_lowercase())
}

/// The last token lying within `span`.
fn last_token_within(doc: &Document, span: tacitus_doc::Span) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.end <= span.end);
    (i > 0 && doc.tokens[i - 1].span.start >= span.start).then(|| i - 1)
}

/// Prepositions that put an act in a place ("in Serbia", "near Samarra").
const IN_A_PLACE: &[&str] = &["in", "at", "near", "inside", "outside", "across", "throughout"];

/// Is the phrase starting at `span` introduced by one of these prepositions?
fn marked_by(doc: &Document, span: tacitus_doc::Span, preps: &[&str]) -> bool {
    let Some(t) = token_starting_at(doc, span.start) else {
        return false;
    };
    // the phrase's head is the token of the span whose head lies outside it
    let end = doc.tokens.partition_point(|x| x.span.end <= span.end).saturating_sub(1).max(t);
    let head = (t..=end)
        .find(|&i| {
            doc.syntax
                .get(i)
                .is_some_and(|x| x.head == u32::MAX || (x.head as usize) < t || x.head as usize > end)
        })
        .unwrap_or(t);
    match case_word(doc, head) {
        Some(p) if preps.contains(&p.as_str()) => true,
        // "in the town of Cizre": the preposition of the noun the name specifies
        Some(p) if p == "of" => doc
            .syntax
            .get(head)
            .filter(|x| x.head != u32::MAX && (x.head as usize) < doc.tokens.len())
            .and_then(|x| case_word(doc, x.head as usize))
            .is_some_and(|p| preps.contains(&p.as_str())),
        _ => false,
    }
}

/// Does token `t` lie in the phrase of `top` (within `max` steps up the tree)?
fn under(doc: &Document, mut t: usize, top: usize, max: usize) -> bool {
    for _ in 0..=max {
        if t == top {
            return true;
        }
        match doc.syntax.get(t) {
            Some(x) if x.head != u32::MAX && (x.head as usize) < doc.tokens.len() => t = x.head as usize,
            _ => return false,
        }
    }
    false
}

/// Is `t` a possessor or modifier of `top` ("their forces", "Vietnamese-led forces", "troops of
/// Chad"), by a chain of at most three modifier relations?
fn modifies(doc: &Document, mut t: usize, top: usize) -> bool {
    use tacitus_doc::DepRel;
    for _ in 0..3 {
        let Some(x) = doc.syntax.get(t) else { return false };
        let ok = match x.deprel {
            DepRel::NmodPoss | DepRel::Compound | DepRel::Amod | DepRel::Flat => true,
            DepRel::Nmod => matches!(case_word(doc, t).as_deref(), Some("of" | "from")),
            _ => false,
        };
        if !ok || x.head == u32::MAX {
            return false;
        }
        t = x.head as usize;
        if t == top {
            return true;
        }
    }
    false
}

/// Is the place at `span` part of a name of a document, agreement or format ("the Alma-Ata
/// Declaration", "the Minsk agreements", "the Astana format")?
fn in_title(doc: &Document, span: tacitus_doc::Span) -> bool {
    const TITLES: &[&str] = &[
        "declaration",
        "accord",
        "accords",
        "agreement",
        "agreements",
        "treaty",
        "protocol",
        "protocols",
        "process",
        "format",
        "group",
        "charter",
        "convention",
        "memorandum",
        "communique",
        "summit",
        "initiative",
        "plan",
        "statement",
        "formula",
    ];
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    let Some(_) = doc.tokens.get(first) else {
        return false;
    };
    let Some(last) = last_token_within(doc, span) else {
        return false;
    };
    // the phrase head: the token whose head lies outside the span
    let Some(x) = (first..=last)
        .filter_map(|i| doc.syntax.get(i))
        .find(|x| x.head == u32::MAX || (x.head as usize) < first || x.head as usize > last)
    else {
        return false;
    };
    if !matches!(x.deprel, tacitus_doc::DepRel::Compound | tacitus_doc::DepRel::Amod) || x.head == u32::MAX {
        return false;
    }
    let h = x.head as usize;
    h > last && TITLES.contains(&doc.token_text(h).to_lowercase().as_str())
}

/// A meeting's venue decides its CAMEO code: in the source's country the source hosts (043),
/// in the target's country the source visits (042), elsewhere they meet at a third location
/// (044). Only for plain meetings (040, 044): "visited" and "hosted" keep their codes, and
/// meetings of both sides with each other ("A and B met") are left as coded.
fn meetings_by_venue(doc: &mut Document) {
    for i in 0..doc.events.len() {
        let e = &doc.events[i];
        if !matches!(e.cameo.as_str(), "040" | "044") {
            continue;
        }
        let Some(place) = e.place.and_then(|p| doc.places.get(p as usize)) else {
            continue;
        };
        if !is_state(&place.country) {
            continue;
        }
        let countries = |ix: &[u32]| -> Vec<&str> { ix.iter().map(|&a| doc.actors[a as usize].code.country.as_str()).collect() };
        let (src, tgt) = (countries(&e.actors), countries(&e.recipients));
        if src.is_empty() || tgt.is_empty() || src.iter().any(|c| !is_state(c)) || tgt.iter().any(|c| !is_state(c)) {
            continue;
        }
        let at = place.country.as_str();
        if src.iter().any(|c| tgt.contains(c)) {
            // both sides on both lists: a meeting of the two, at a third place when the venue is
            // in neither's country ("Aliyev and Pashinyan met in Sochi")
            if e.cameo == "040" && !src.contains(&at) && !tgt.contains(&at) {
                let rule = format!("{}+venue:040->044", e.rule);
                let e = &mut doc.events[i];
                e.cameo = "044".into();
                e.rule = rule;
            }
            continue;
        }
        let code = if src.iter().all(|&c| c == at) {
            "043"
        } else if tgt.iter().all(|&c| c == at) {
            "042"
        } else if !src.contains(&at) && !tgt.contains(&at) {
            "044"
        } else {
            continue;
        };
        if code != e.cameo {
            let rule = format!("{}+venue:{}->{code}", e.rule, e.cameo);
            let e = &mut doc.events[i];
            e.cameo = code.to_string();
            e.rule = rule;
        }
    }
}

/// "A missionary was arrested in Lebanon": coercion (CAMEO 17) by unnamed hands in a state is
/// that state's doing; its authorities (the place's country, GOV) become the source. Violence
/// by unnamed hands (18–20: "a roadside bomb near Samarra killed …") is recorded as done by
/// someone of the country where it happened (country only, no sector: not the state's act),
/// as event coders record it; the rule says so (`unnamed-doer-in-place`).
fn authorities_of_the_place(doc: &mut Document) {
    for i in 0..doc.events.len() {
        let e = &doc.events[i];
        let coercion = e.cameo.starts_with("17");
        let violence = matches!(e.cameo.get(..2), Some("18" | "19" | "20"));
        if !e.actors.is_empty() || !(coercion || violence) {
            continue;
        }
        let Some(place) = e.place.and_then(|p| doc.places.get(p as usize)) else {
            continue;
        };
        if !is_state(&place.country)
            || (coercion
                && e.recipients
                    .iter()
                    .any(|&r| doc.actors[r as usize].code.country == place.country && doc.actors[r as usize].code.sector.is_empty()))
        {
            continue;
        }
        // violence is done where the text puts it ("near Samarra"), not where a victim is from
        // ("a tourist from Canada")
        if violence && !(marked_by(doc, place.span, IN_A_PLACE) || marked_by(doc, place.span, &["around"])) {
            continue;
        }
        // coercion by unnamed hands is the authorities'; violence by unnamed hands ("a roadside
        // bomb near Samarra killed …") is someone of the country where it happened, as event
        // coders record it, with no sector claimed
        let (sector, why) = if coercion {
            ("GOV", "authorities-of-place")
        } else {
            ("", "unnamed-doer-in-place")
        };
        let (span, country, name) = (place.span, place.country.clone(), place.name.clone());
        let Some(head) = last_token_within(doc, span) else {
            continue;
        };
        doc.actors.push(tacitus_doc::ActorMention {
            span,
            head: head as u32,
            sentence: doc.events[i].sentence,
            code: tacitus_doc::ActorCode::new(&country, sector),
            name: Some(name),
            rule: why.into(),
            antecedent: None,
        });
        let m = (doc.actors.len() - 1) as u32;
        let e = &mut doc.events[i];
        e.actors.push(m);
        e.rule = format!("{}+{why}", e.rule);
    }
}

/// Pseudo-countries of organisation codes: not a state a group can belong to.
fn is_state(country: &str) -> bool {
    country.len() == 3 && !matches!(country, "IGO" | "NGO" | "IMG" | "MNC")
}

/// A group named only by its role ("rebels", "the opposition newspaper", "demonstrators") takes
/// the country of its possessor or national modifier, of a national group it is coordinated
/// with ("Israeli soldiers and civilians"), or the country the text places it in: a place
/// inside its own phrase ("the government of Sindh
/// province", "a newspaper based in Beirut"), the place where it acts ("prisoners rioted at a
/// jail in Dili"), else the one country its sentence is about, when the sentence names exactly
/// one ("Egyptian police opened fire to disperse demonstrators"). No country is guessed when
/// the sentence names several.
fn countries_for_unnamed(doc: &mut Document) {
    let token_of = token_holding;
    let mut updates: Vec<(usize, String, &'static str)> = Vec::new();
    for (mi, m) in doc.actors.iter().enumerate() {
        if !m.code.country.is_empty() || !m.code.org.is_empty() || m.code.sector.is_empty() || m.antecedent.is_some() {
            continue;
        }
        let Some(sent) = doc.sentences.get(m.sentence as usize) else {
            continue;
        };
        let head = m.head as usize;
        let places: Vec<(usize, &tacitus_doc::PlaceMention)> = doc
            .places
            .iter()
            .filter(|p| sent.span.contains(p.span) && is_state(&p.country) && !m.span.contains(p.span))
            .filter_map(|p| token_of(doc, p.span.end.saturating_sub(1)).map(|t| (t, p)))
            .collect();
        // its possessor or a national modifier ("their forces" after "Bosnian Serbs said",
        // "Haiti's police", "Vietnamese-led forces")
        let possessor = doc
            .actors
            .iter()
            .find(|a| a.sentence == m.sentence && is_state(&a.code.country) && modifies(doc, a.head as usize, head));
        if let Some(a) = possessor {
            updates.push((mi, a.code.country.clone(), "possessor"));
            continue;
        }
        // a conjunct of a national group shares its nationality ("Israeli soldiers and
        // civilians", "Palestinian homes and civilian buildings")
        let np = match doc.syntax.get(head) {
            Some(x) if matches!(x.deprel, tacitus_doc::DepRel::Amod | tacitus_doc::DepRel::Compound) && x.head != u32::MAX => {
                x.head as usize
            }
            _ => head,
        };
        let conjunct = doc
            .syntax
            .get(np)
            .filter(|x| x.deprel == tacitus_doc::DepRel::Conj && x.head != u32::MAX)
            .and_then(|x| {
                doc.actors
                    .iter()
                    .find(|a| a.sentence == m.sentence && a.head == x.head && is_state(&a.code.country))
            });
        if let Some(a) = conjunct {
            updates.push((mi, a.code.country.clone(), "conjunct"));
            continue;
        }
        // a place in the group's own phrase
        let mut found = places
            .iter()
            .find(|(t, _)| under(doc, *t, head, 4))
            .map(|(_, p)| (p.country.clone(), "own-place"));
        // the place where the group acts or is acted on, when it is the subject or object
        // ("police arrested protesters in Lagos")
        if found.is_none() {
            if let Some(x) = doc.syntax.get(head) {
                if matches!(
                    x.deprel,
                    tacitus_doc::DepRel::Nsubj | tacitus_doc::DepRel::NsubjPass | tacitus_doc::DepRel::Obj
                ) && x.head != u32::MAX
                {
                    let verb = x.head as usize;
                    let locative: Vec<usize> = sentence_tokens(doc, verb)
                        .filter(|&c| {
                            doc.syntax[c].head as usize == verb
                                && doc.syntax[c].deprel == tacitus_doc::DepRel::Obl
                                && marked_by(doc, doc.tokens[c].span, &["in", "at", "throughout", "across", "inside"])
                        })
                        .collect();
                    found = places
                        .iter()
                        .find(|(t, _)| locative.iter().any(|&o| under(doc, *t, o, 4)))
                        .map(|(_, p)| (p.country.clone(), "acts-in"));
                }
            }
        }
        // the one country the sentence names, else the one the two sentences before it name
        // ("Soldiers seize power in Niger. The military leaders suspended the constitution")
        if found.is_none() {
            let here_named = doc.actors.iter().any(|a| a.sentence == m.sentence && is_state(&a.code.country)) || !places.is_empty();
            if !here_named && m.sentence > 0 {
                let lo = m.sentence.saturating_sub(2);
                let mut countries: Vec<&str> = doc
                    .actors
                    .iter()
                    .filter(|a| a.sentence >= lo && a.sentence < m.sentence && is_state(&a.code.country))
                    .map(|a| a.code.country.as_str())
                    .chain(
                        doc.places
                            .iter()
                            .filter(|p| {
                                doc.sentences.get(lo as usize).is_some_and(|s0| p.span.start >= s0.span.start)
                                    && p.span.end <= sent.span.start
                                    && is_state(&p.country)
                            })
                            .map(|p| p.country.as_str()),
                    )
                    .collect();
                countries.sort_unstable();
                countries.dedup();
                if countries.len() == 1 {
                    found = Some((countries[0].to_string(), "context-country"));
                }
            }
        }
        if found.is_none() {
            let mut countries: Vec<&str> = doc
                .actors
                .iter()
                .filter(|a| a.sentence == m.sentence && is_state(&a.code.country))
                .map(|a| a.code.country.as_str())
                .chain(places.iter().map(|(_, p)| p.country.as_str()))
                .collect();
            countries.sort_unstable();
            countries.dedup();
            if countries.len() == 1 {
                found = Some((countries[0].to_string(), "sentence-country"));
            }
        }
        if let Some((c, why)) = found {
            updates.push((mi, c, why));
        }
    }
    for (mi, c, why) in updates {
        let m = &mut doc.actors[mi];
        m.code.country = c;
        m.rule = format!("{}+{why}", m.rule);
    }
    // references to those groups ("their withdrawal" after "their forces") follow them
    for i in 0..doc.actors.len() {
        if let Some(a) = doc.actors[i].antecedent.map(|a| a as usize) {
            if doc.actors[i].code.country.is_empty() && a < doc.actors.len() && !doc.actors[a].code.country.is_empty() {
                doc.actors[i].code.country = doc.actors[a].code.country.clone();
            }
        }
    }
}

/// An act aimed at no named party happened somewhere: the country where it happened is its
/// recipient, as CAMEO coders do ("opened an embassy in Tehran", "troops arrived in Bosnia").
/// Not for plain statements; the source's own country only for acts on the ground (a curfew, an
/// arrest, an attack at home).
/// "JJ toured Ireland with his parents": travel within one's own country is no visit (once the
/// unnamed travellers have taken their country).
fn drop_domestic_visits(doc: &mut Document) {
    let actors = &doc.actors;
    let country = |m: &u32| actors[*m as usize].code.country.as_str();
    doc.events.retain(|e| {
        let domestic = matches!(e.cameo.as_str(), "042" | "043")
            && !e.actors.is_empty()
            && !e.recipients.is_empty()
            && e.recipients.iter().all(|m| actors[*m as usize].code.sector.is_empty())
            && e.actors
                .iter()
                .chain(&e.recipients)
                .all(|m| !country(m).is_empty() && country(m) == country(&e.actors[0]));
        !domestic
    });
}

fn recipients_from_places(doc: &mut Document, aims: &[Option<u32>]) {
    for i in 0..doc.events.len() {
        let e = &doc.events[i];
        if !e.recipients.is_empty() || e.cameo.starts_with("01") {
            continue;
        }
        // "U.S. and Russian negotiators return to Geneva": the parties of a joint act are both
        // named; where they meet is not a third party
        let mut parties: Vec<&str> = e
            .actors
            .iter()
            .map(|&a| doc.actors[a as usize].code.country.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        parties.sort_unstable();
        parties.dedup();
        if parties.len() >= 2 {
            continue;
        }
        // the place the act is aimed at or happens in (`aims`: attached without setting aside
        // other events' parties), else where it happened
        let aim = aims.get(i).copied().flatten().or(e.place);
        let Some(place) = aim.and_then(|p| doc.places.get(p as usize)) else {
            continue;
        };
        // a domestic act on the ground ("imposed a curfew in Cizre", "opened fire on
        // demonstrators in Cairo") is aimed at the country where it happens; words and
        // diplomacy at home ("said in Ankara", "met in Moscow") are not
        let on_the_ground = matches!(
            &e.cameo[..2.min(e.cameo.len())],
            "07" | "08" | "09" | "14" | "15" | "16" | "17" | "18" | "19" | "20"
        ) || e.cameo.starts_with("132")
            || e.cameo.starts_with("138"); // threats of curfews, martial law and force
        if !is_state(&place.country) || (!on_the_ground && e.actors.iter().any(|&a| doc.actors[a as usize].code.country == place.country)) {
            continue;
        }
        // only a place the text puts the act in or aims it at ("in Tehran", "to Bosnia"), not
        // one named inside a title ("the Alma-Ata Declaration")
        if !marked_by(
            doc,
            place.span,
            &[
                "in",
                "at",
                "to",
                "into",
                "from",
                "throughout",
                "across",
                "near",
                "inside",
                "on",
                "against",
            ],
        ) {
            continue;
        }
        let span = place.span;
        let country = place.country.clone();
        let Some(head) = last_token_within(doc, span) else {
            continue;
        };
        let existing = doc.actors.iter().position(|m| m.span == span && m.code.country == country);
        let m = match existing {
            Some(m) => m,
            None => {
                doc.actors.push(tacitus_doc::ActorMention {
                    span,
                    head: head as u32,
                    sentence: e.sentence,
                    code: tacitus_doc::ActorCode::new(&country, ""),
                    name: Some(place.name.clone()),
                    rule: "place-of-event".into(),
                    antecedent: None,
                });
                doc.actors.len() - 1
            }
        };
        doc.events[i].recipients.push(m as u32);
    }
}

impl Pipeline {
    /// The default English pipeline with the bundled models and dictionaries.
    pub fn english() -> Result<Pipeline, Error> {
        // TACITUS_SYNTAX_MODEL points at another model file (e.g. one just trained)
        let analyzer = match std::env::var_os("TACITUS_SYNTAX_MODEL") {
            Some(path) => {
                Analyzer::load(std::path::Path::new(&path)).map_err(|e| Error::Syntax(format!("{}: {e}", path.to_string_lossy())))?
            }
            None => Analyzer::load_default().map_err(|e| Error::Syntax(e.to_string()))?,
        };
        let coder = Coder::english()?;
        let gazetteer = Gazetteer::load_default().map_err(|e| Error::Gazetteer(e.to_string()))?;
        Ok(Pipeline {
            analyzer,
            coder,
            time: TimeTagger::new(),
            places: PlaceTagger::new(Arc::new(gazetteer)),
            dictionaries: Dictionaries::Tacitus,
        })
    }

    /// Code with PETRARCH/TABARI dictionaries from `dir` (the Phoenix file set), alone or merged
    /// with ours. Unreadable dictionaries are an error naming the file.
    pub fn with_petrarch(mut self, dir: &std::path::Path, merge: bool) -> Result<Pipeline, Error> {
        let coder = tacitus_petrarch::Coder::from_dir(dir).map_err(|e| Error::Petrarch(e.to_string()))?;
        self.dictionaries = if merge {
            Dictionaries::Merged(Box::new(coder))
        } else {
            Dictionaries::Petrarch(Box::new(coder))
        };
        Ok(self)
    }

    /// Segment and parse only.
    pub fn parse(&self, doc: &mut Document) {
        tacitus_nlp::segment::segment(doc);
        self.analyzer.annotate(doc);
    }

    /// Run every stage on a document; with `trace`, the coder explains itself.
    pub fn annotate_traced(&self, doc: &mut Document, trace: Option<&mut tacitus_code::Trace>) {
        self.parse(doc);
        match &self.dictionaries {
            Dictionaries::Tacitus => self.coder.code(doc, trace),
            Dictionaries::Petrarch(p) => {
                doc.actors.clear();
                doc.events.clear();
                p.code(doc);
            }
            Dictionaries::Merged(p) => {
                self.coder.code(doc, trace);
                p.code(doc);
            }
        }
        self.time.tag(doc);
        self.time.attach(doc);
        self.places.tag(doc);
        // a party of the event is not where it happened ("Putin hosts Armenia ...", "Israel will
        // evacuate … in the Gaza Strip"), unless the text also says so ("demonstrated in Serbia")
        let located: Vec<bool> = doc.places.iter().map(|p| marked_by(doc, p.span, IN_A_PLACE)).collect();
        // a place the act is about ("talks over Nagorno-Karabakh") or one inside a title ("the
        // Alma-Ata Declaration") is no event's place
        let never: Vec<bool> = doc
            .places
            .iter()
            .map(|p| marked_by(doc, p.span, &["over", "about", "regarding", "concerning"]) || in_title(doc, p.span))
            .collect();
        // (event, place) where the place is one of the event's own parties, and (sentence,
        // place) where it is a party of any event of the sentence ("ECOWAS threatened Niger,
        // and France suspended aid")
        let mut own = std::collections::HashSet::new();
        let mut in_sentence = std::collections::HashSet::new();
        for (i, e) in doc.events.iter().enumerate() {
            for (pi, p) in doc.places.iter().enumerate() {
                let party = e
                    .actors
                    .iter()
                    .chain(&e.recipients)
                    .any(|&m| doc.actors[m as usize].span.contains(p.span));
                if party && !located[pi] {
                    own.insert((i, pi));
                    in_sentence.insert((e.sentence, pi));
                }
            }
        }
        let sentence_of: Vec<u32> = doc.events.iter().map(|e| e.sentence).collect();
        // the place an act is aimed at may be another event's party ("… and France suspended
        // its aid to Niger"): kept apart for the recipients
        self.places.attach_excluding(doc, &|e, p| never[p] || own.contains(&(e, p)));
        let aims: Vec<Option<u32>> = doc.events.iter().map(|e| e.place).collect();
        self.places
            .attach_excluding(doc, &|e, p| never[p] || in_sentence.contains(&(sentence_of[e], p)));
        countries_for_unnamed(doc);
        authorities_of_the_place(doc);
        meetings_by_venue(doc);
        recipients_from_places(doc, &aims);
        drop_domestic_visits(doc);
    }

    /// Run every stage on a document.
    pub fn annotate(&self, doc: &mut Document) {
        self.annotate_traced(doc, None);
    }

    /// Annotate one input document and build its event records.
    pub fn code(&self, input: &InputDoc) -> (Document, Vec<EventRecord>) {
        let mut doc = Document::new(input.id.clone(), input.text.clone(), Some(input.date));
        self.annotate(&mut doc);
        let records = records::event_records(&doc, &self.coder.cameo);
        (doc, records)
    }
}
