//! Place recognition and resolution over a [`Document`]: gazetteer matches filtered by
//! capitalisation, syntax and person/actor cues, resolved with a population prior and the
//! document's country and admin-1 context.

use crate::gazetteer::{normalize, Entry, Feature, Gazetteer, NameRef};
use crate::lexicon::{self as lx, contains};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use tacitus_doc::{Document, PlaceMention, Span, Upos};

/// A word of the text as the place matcher sees it (byte offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Word {
    start: usize,
    end: usize,
    /// A '.' follows immediately (abbreviations: "U.S.", "Ky.").
    dot_after: bool,
}

/// Split a text into words: runs of letters and digits, with inner '.' ("U.S") and inner
/// apostrophes ("d'Ivoire", but not the possessive "'s").
fn scan_words(text: &str) -> Vec<Word> {
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = b[i].0;
        let mut j = i + 1;
        while j < b.len() {
            let c = b[j].1;
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = b.get(j + 1).is_some_and(|x| x.1.is_alphanumeric());
            if c == '.' && next_alnum && b.get(j + 2).is_none_or(|x| !x.1.is_alphanumeric() || x.1.is_uppercase()) {
                // "U.S", "W.Va" but not "end.Next" style run-ons of long words.
                if j - i <= 2 {
                    j += 1;
                    continue;
                }
            }
            if matches!(c, '\'' | '’') && next_alnum {
                let possessive = matches!(b.get(j + 1), Some((_, 's'))) && b.get(j + 2).is_none_or(|x| !x.1.is_alphanumeric());
                if !possessive {
                    j += 1;
                    continue;
                }
            }
            break;
        }
        let end = if j < b.len() { b[j].0 } else { text.len() };
        let dot_after = b.get(j).is_some_and(|x| x.1 == '.');
        words.push(Word { start, end, dot_after });
        i = j;
    }
    words
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_lowercase())
}

/// Are the bytes between two words a plausible inner separator of one name?
fn inner_separator(s: &str, prev_dot: bool) -> bool {
    match s {
        " " | "-" | "  " | " - " => true,
        ". " => prev_dot,
        "." => prev_dot,
        _ => false,
    }
}

/// One gazetteer match in the text, before filtering.
#[derive(Clone, Debug)]
struct Candidate {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    key: String,
    refs: Vec<NameRef>,
    /// A locative cue precedes ("in", "city of").
    cue: bool,
    /// Looks like a person or a common word: needs a cue.
    weak: bool,
    /// Rejected outright (person, demonym, actor).
    rejected: bool,
    /// Rejected because it names a person here: other mentions of the name need a cue.
    person: bool,
    /// Index (in the candidate list) of the area that qualifies this name ("Innisfail, Alberta").
    qualifier: Option<usize>,
    /// A lower-case compass word precedes ("central Washington", "eastern Georgia"): an area.
    area_cue: bool,
}

/// Finds and resolves place names in documents.
pub struct PlaceTagger {
    gazetteer: Arc<Gazetteer>,
    /// Report demonyms ("Russian") as mentions of their place.
    demonyms: bool,
    /// Demonym (lower case) to its place entry.
    demonym_places: HashMap<&'static str, u32>,
}

impl PlaceTagger {
    /// A tagger that reports demonyms outside actor phrases as country (or region) mentions,
    /// as the GeoWebNews and TR-News gold standards do.
    pub fn new(gazetteer: Arc<Gazetteer>) -> PlaceTagger {
        let mut demonym_places = HashMap::new();
        for &(d, place) in lx::DEMONYM_PLACES {
            let best = gazetteer
                .lookup(place)
                .iter()
                .filter(|r| !r.alternate || gazetteer.entry(r.entry).feature == Feature::Country)
                .max_by(|a, b| prior_score(gazetteer.entry(a.entry), a).total_cmp(&prior_score(gazetteer.entry(b.entry), b)));
            if let Some(r) = best {
                demonym_places.insert(d, r.entry);
            }
        }
        PlaceTagger {
            gazetteer,
            demonyms: true,
            demonym_places,
        }
    }

    /// Turn demonym mentions on or off (on by default).
    pub fn with_demonyms(mut self, on: bool) -> PlaceTagger {
        self.demonyms = on;
        self
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Fill `doc.places` (byte spans; country ISO alpha-3). Uses `doc.syntax` and `doc.actors`
    /// when present; works on the raw text otherwise.
    pub fn tag(&self, doc: &mut Document) {
        doc.places = self.find(doc);
    }

    /// Place mentions of a document, in text order.
    pub fn find(&self, doc: &Document) -> Vec<PlaceMention> {
        let (cands, chosen) = self.analyse(doc);
        let mut out = Vec::new();
        for (c, choice) in cands.iter().zip(chosen) {
            if let Some(ix) = choice {
                let e = self.gazetteer.entry(ix);
                out.push(mention(Span::new(c.start as u32, c.end as u32), e));
            }
        }
        if self.demonyms {
            self.add_demonyms(doc, &mut out);
        }
        out
    }

    /// Capitalised demonyms outside place names and actor phrases, as mentions of their place.
    fn add_demonyms(&self, doc: &Document, out: &mut Vec<PlaceMention>) {
        let text = doc.text.as_str();
        let mut added = false;
        let mut prev: Option<Word> = None;
        for w in scan_words(text) {
            let before = prev.replace(w);
            let word = &text[w.start..w.end];
            if !is_capitalised(word) || is_all_caps(word) || word.len() > 24 {
                continue;
            }
            let lower = word.to_lowercase();
            let Some(&(mut ix)) = self.demonym_places.get(lower.as_str()) else {
                continue;
            };
            let mut span = Span::new(w.start as u32, w.end as u32);
            // "Latin American", "North African": the region of the compound, or nothing.
            if let Some(p) = before.filter(|p| is_capitalised(&text[p.start..p.end]) && &text[p.end..w.start] == " ") {
                let modifier = &text[p.start..p.end];
                let m = modifier.to_lowercase();
                if contains(lx::DIRECTIONS, &m) || m == "latin" {
                    let stems = [
                        word.strip_suffix("ns").or_else(|| word.strip_suffix('n')),
                        word.strip_suffix("ans").or_else(|| word.strip_suffix("an")),
                    ];
                    let g = &*self.gazetteer;
                    let found = stems
                        .iter()
                        .flatten()
                        .flat_map(|stem| g.lookup(&format!("{modifier} {stem}")).iter())
                        .find(|r| g.entry(r.entry).feature.is_area());
                    let Some(r) = found else { continue };
                    ix = r.entry;
                    span = Span::new(p.start as u32, w.end as u32);
                }
            }
            let overlaps = |s: &Span| s.start < span.end && span.start < s.end;
            if out.iter().any(|p| overlaps(&p.span)) || doc.actors.iter().any(|a| overlaps(&a.span)) {
                continue;
            }
            out.push(mention(span, self.gazetteer.entry(ix)));
            added = true;
        }
        if added {
            out.sort_by_key(|p| p.span.start);
        }
    }

    /// One line per gazetteer match: the words, the flags that decided, and the choice.
    pub fn explain(&self, doc: &Document) -> Vec<String> {
        let (cands, chosen) = self.analyse(doc);
        cands
            .iter()
            .zip(chosen)
            .map(|(c, ch)| {
                let what = match ch {
                    Some(ix) => {
                        let e = self.gazetteer.entry(ix);
                        format!("-> {} ({}, {}, pop {})", e.name, e.country, e.feature.as_str(), e.population)
                    }
                    None => "-> not a place".to_string(),
                };
                format!(
                    "{:?} [{}..{}] {} entries; rejected={} person={} weak={} cue={} qualified={} {what}",
                    &doc.text[c.start..c.end],
                    c.start,
                    c.end,
                    c.refs.len(),
                    c.rejected,
                    c.person,
                    c.weak,
                    c.cue,
                    c.qualifier.is_some()
                )
            })
            .collect()
    }

    fn analyse(&self, doc: &Document) -> (Vec<Candidate>, Vec<Option<u32>>) {
        let text = doc.text.as_str();
        let words = scan_words(text);
        let mut cands = self.match_names(text, &words);
        if cands.is_empty() {
            return (cands, Vec::new());
        }
        let lower_words: HashSet<&str> = words.iter().map(|w| &text[w.start..w.end]).filter(|w| !is_capitalised(w)).collect();
        let doc_all_caps = {
            let letters = text.chars().filter(|c| c.is_alphabetic()).take(2000);
            let (up, all) = letters.fold((0, 0), |(u, a), c| (u + c.is_uppercase() as usize, a + 1));
            all > 0 && up * 10 > all * 6
        };
        for i in 0..cands.len() {
            self.filter(doc, &words, &lower_words, doc_all_caps, &mut cands, i);
        }
        self.link_qualifiers(text, &mut cands);
        let chosen = self.resolve(&cands);
        (cands, chosen)
    }

    /// Longest gazetteer matches starting at capitalised words.
    fn match_names(&self, text: &str, words: &[Word]) -> Vec<Candidate> {
        let g = &*self.gazetteer;
        let max = g.max_words().clamp(1, 8);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w0 = &text[words[i].start..words[i].end];
            if !is_capitalised(w0) {
                i += 1;
                continue;
            }
            // The furthest word the name may reach: inner separators only, inner words capitalised
            // or name-inner function words, last word capitalised.
            let mut reach = i;
            while reach + 1 < words.len() && reach + 1 - i < max {
                let sep = &text[words[reach].end..words[reach + 1].start];
                if !inner_separator(sep, words[reach].dot_after) {
                    break;
                }
                let next = &text[words[reach + 1].start..words[reach + 1].end];
                if !is_capitalised(next) && !contains(lx::NAME_INNER_WORDS, next) && !next.starts_with(char::is_numeric) {
                    break;
                }
                reach += 1;
            }
            let mut found = None;
            for j in (i..=reach).rev() {
                let last = &text[words[j].start..words[j].end];
                if !is_capitalised(last) && j != i {
                    continue;
                }
                let raw = &text[words[i].start..words[j].end];
                let key = normalize(raw);
                if words[j].dot_after {
                    let dotted = format!("{key}.");
                    let refs = g.lookup_normalized(&dotted);
                    if !refs.is_empty() {
                        found = Some((j, words[j].end + 1, dotted, refs.to_vec()));
                        break;
                    }
                }
                let refs = g.lookup_normalized(&key);
                if !refs.is_empty() {
                    found = Some((j, words[j].end, key, refs.to_vec()));
                    break;
                }
            }
            match found {
                Some((j, end, key, refs)) => {
                    out.push(Candidate {
                        first: i,
                        last: j,
                        start: words[i].start,
                        end,
                        key,
                        refs,
                        cue: false,
                        weak: false,
                        rejected: false,
                        person: false,
                        qualifier: None,
                        area_cue: false,
                    });
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Person, demonym, actor and syntax filters; locative cues.
    fn filter(&self, doc: &Document, words: &[Word], lower_words: &HashSet<&str>, doc_all_caps: bool, cands: &mut [Candidate], i: usize) {
        let g = &*self.gazetteer;
        let text = doc.text.as_str();
        let c = &cands[i];
        let raw = &text[c.start..c.end];
        let single = c.first == c.last;
        let first_lower = text[words[c.first].start..words[c.first].end].to_lowercase();
        let prev = c.first.checked_sub(1).map(|k| &text[words[k].start..words[k].end]);
        let prev_lower = prev.map(|p| p.to_lowercase());
        let prev2_lower = c.first.checked_sub(2).map(|k| text[words[k].start..words[k].end].to_lowercase());
        let gap_before = c.first.checked_sub(1).map(|k| &text[words[k].end..c.start]).unwrap_or("\n");
        let next = words.get(c.last + 1).map(|w| &text[w.start..w.end]);
        let next_lower = next.map(|n| n.to_lowercase());
        let gap_after = words.get(c.last + 1).map(|w| &text[c.end..w.start]).unwrap_or("");
        let has_area = c.refs.iter().any(|r| g.entry(r.entry).feature.is_area());
        let has_country = c.refs.iter().any(|r| g.entry(r.entry).feature == Feature::Country);
        let max_city_pop = c
            .refs
            .iter()
            .map(|r| g.entry(r.entry))
            .filter(|e| e.feature == Feature::City)
            .map(|e| e.population)
            .max()
            .unwrap_or(0);
        let is_first_name = single && contains(lx::FIRST_NAMES, &first_lower);
        let sentence_initial =
            gap_before.contains('\n') || gap_before.trim().ends_with(['.', '!', '?', ':', '"', '“', '(', '—']) || c.first == 0;
        let mut rejected = false;
        let mut person = false;
        let mut weak = false;
        let key_words = c.key.trim_end_matches('.');
        if contains(lx::NEVER_ALONE, key_words) {
            rejected = true;
        }

        // Demonyms are not places.
        if single && contains(lx::DEMONYMS, &first_lower) {
            rejected = true;
        }
        // Spans the coder took as metonymic actors ("Yerevan said").
        let span = Span::new(c.start as u32, c.end as u32);
        if doc
            .actors
            .iter()
            .any(|a| a.rule.starts_with("metonym") && a.span.start < span.end && span.start < a.span.end)
        {
            rejected = true;
        }
        // Syntax: a place name is a proper (or common) noun.
        if doc.has_syntax() {
            let t = doc.tokens.partition_point(|t| (t.span.end as usize) <= c.start);
            if let Some(s) = doc.syntax.get(t) {
                if !matches!(s.upos, Upos::Propn | Upos::Noun | Upos::X) && !is_all_caps(raw) {
                    rejected = true;
                }
            }
        }
        // All-caps short forms: only well-known ones (aliases of countries, big places).
        if is_all_caps(raw) && !doc_all_caps && raw.chars().filter(|ch| ch.is_alphabetic()).count() <= 4 {
            let ok = c.refs.iter().any(|r| {
                let e = g.entry(r.entry);
                (e.feature == Feature::Country || e.feature == Feature::Admin1) && r.alternate
                    || normalize(&e.name) == c.key && (e.feature.is_area() || e.population >= 100_000)
            });
            if !ok {
                rejected = true;
            }
        }
        // Titles before a name make it a person ("Mr. Kelly", "President Lincoln").
        if let Some(p) = &prev_lower {
            if contains(lx::TITLES, p) && gap_before.len() <= 3 && !has_country {
                person = true;
            }
        }
        // A capitalised given name before: this is a surname ("Megyn Kelly").
        if let (Some(p), Some(pl)) = (prev, &prev_lower) {
            if is_capitalised(p) && contains(lx::FIRST_NAMES, pl) && gap_before == " " && (!has_country || is_first_name) {
                person = true;
            }
            // Any other capitalised word before a single small-place name: a surname
            // ("Michael Steele"), unless it is a modifier of places ("Northern", "Greater").
            if single
                && !has_area
                && max_city_pop < 1_000_000
                && is_capitalised(p)
                && gap_before == " "
                && !is_all_caps(p)
                && !(contains(lx::PLACE_PREMODIFIERS, pl) && (max_city_pop >= 100_000 || !contains(lx::DIRECTIONS, pl)))
                && !contains(lx::TITLES, pl)
                && !g.lookup(p).iter().any(|r| {
                    let e = g.entry(r.entry);
                    e.feature.is_area() || e.population >= 50_000
                })
                && !doc_all_caps
            {
                person = true;
            }
            // A capitalised word that is not a name of its own before a small place: part of a
            // longer name ("European Central Bank", "Camp Murray").
            if single
                && !has_area
                && max_city_pop < 100_000
                && is_capitalised(p)
                && gap_before == " "
                && !is_all_caps(p)
                && contains(lx::DIRECTIONS, pl)
                && !doc_all_caps
            {
                rejected = true;
            }
        }
        // A capitalised word after a single name: part of a longer name ("Paris Hilton",
        // "Washington Post"), unless it is an institution of the place ("Moscow Mayor").
        if let (Some(n), Some(nl)) = (next, &next_lower) {
            let next_is_place = !contains(lx::FIRST_NAMES, nl)
                && g.lookup(n).iter().any(|r| {
                    let e = g.entry(r.entry);
                    e.feature.is_area() || e.population >= 100_000
                });
            if gap_after == " "
                && is_capitalised(n)
                && !is_all_caps(n)
                && !contains(lx::INSTITUTION_NOUNS, nl)
                && !next_is_place
                && !sentence_initial_word(text, words, c.last + 1)
                && (is_first_name || !has_area && max_city_pop < 1_000_000)
                && !doc_all_caps
            {
                person = true;
            }
            // "Niger Delta", "Rogers Centre", "Washington Post": a feature or body named after the place.
            if gap_after == " " && is_capitalised(n) && contains(lx::FEATURE_NOUNS, nl) && !has_country && max_city_pop < 1_000_000 {
                rejected = true;
            }
            // "Summit of the Americas", "Bank of England": the head of a longer name.
            if gap_after == " " && nl == "of" && single && !has_area && max_city_pop < 100_000 {
                let k = c.last + 2;
                let k = if words.get(k).is_some_and(|w| &text[w.start..w.end] == "the") {
                    k + 1
                } else {
                    k
                };
                if words.get(k).is_some_and(|w| is_capitalised(&text[w.start..w.end])) {
                    rejected = true;
                }
            }
            // "State and Hubbard streets": a street or facility named after a small place.
            if gap_after == " " && !is_capitalised(n) && contains(lx::STREET_NOUNS, nl) && !has_area && max_city_pop < 100_000 {
                rejected = true;
            }
            // "Jordan said": a person or an actor.
            if contains(lx::SPEECH_VERBS, nl) && (is_first_name || !has_area) {
                person = true;
            }
        }
        if is_first_name && !has_country && max_city_pop < 1_000_000 {
            weak = true;
        }
        if single && !has_country && (contains(lx::COMMON_WORDS, &first_lower) || lower_words.contains(first_lower.as_str())) {
            weak = true;
        }
        if sentence_initial && single && !has_area && max_city_pop < 100_000 {
            weak = true;
        }
        let cue = match prev_lower.as_deref() {
            Some("of") => prev2_lower.as_deref().is_some_and(|p| contains(lx::PLACE_NOUNS_BEFORE_OF, p)),
            // A capitalised "Central" or "North" is part of a name, not a cue.
            Some(p) => {
                contains(lx::LOCATIVE_CUES, p)
                    && !gap_before.contains('\n')
                    && prev.is_some_and(|w| !is_capitalised(w) || !contains(lx::DIRECTIONS, p))
            }
            None => false,
        };
        let area_cue = prev.is_some_and(|p| !is_capitalised(p))
            && prev_lower
                .as_deref()
                .is_some_and(|p| contains(lx::DIRECTIONS, p) && p.ends_with(['n', 'l']))
            && gap_before == " ";
        let c = &mut cands[i];
        c.area_cue = area_cue;
        c.rejected = rejected || person;
        c.person = person;
        c.weak = weak;
        c.cue = cue;
    }

    /// "Innisfail, Alta.", "Paris, Ky.": a name followed by a comma and an area qualifies it.
    fn link_qualifiers(&self, text: &str, cands: &mut [Candidate]) {
        for i in 0..cands.len().saturating_sub(1) {
            let (a, b) = (&cands[i], &cands[i + 1]);
            if b.rejected || a.rejected {
                continue;
            }
            let gap = &text[a.end..b.start];
            if gap.trim() != "," || gap.contains('\n') {
                continue;
            }
            let b_is_area = b.refs.iter().any(|r| {
                let f = self.gazetteer.entry(r.entry).feature;
                matches!(f, Feature::Country | Feature::Admin1)
            });
            if b_is_area {
                cands[i].qualifier = Some(i + 1);
            }
        }
    }

    /// Choose an entry for every candidate (None: not a place).
    fn resolve(&self, cands: &[Candidate]) -> Vec<Option<u32>> {
        let g = &*self.gazetteer;
        // Round 1: context from the names that are places by their prior alone (areas, large or
        // qualified places); round 2: context from every place round 1 accepted.
        let mut seed: Vec<(usize, u32)> = Vec::new();
        for (i, c) in cands.iter().enumerate().filter(|(_, c)| !c.rejected && (!c.weak || c.cue)) {
            if let Some(ix) = self.best_by(c, prior_score) {
                let e = g.entry(ix);
                if e.feature.is_area() || e.population >= 50_000 || c.qualifier.is_some() {
                    seed.push((i, ix));
                }
            }
        }
        let first = self.resolve_with(cands, &seed);
        let round2: Vec<(usize, u32)> = first.iter().enumerate().filter_map(|(i, ch)| ch.map(|ix| (i, ix))).collect();
        self.resolve_with(cands, &round2)
    }

    /// Resolve with a context of (candidate, entry) pairs taken as places.
    fn resolve_with(&self, cands: &[Candidate], context: &[(usize, u32)]) -> Vec<Option<u32>> {
        let g = &*self.gazetteer;
        // Countries and admin-1 codes the document mentions, by the name that gave them.
        let mut ctx_country: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut ctx_admin1: HashMap<&str, Vec<&str>> = HashMap::new();
        for &(i, ix) in context {
            let (c, e) = (&cands[i], g.entry(ix));
            if !e.country.is_empty() {
                ctx_country.entry(&e.country).or_default().push(&c.key);
                if !e.admin1.is_empty() {
                    ctx_admin1.entry(&e.admin1).or_default().push(&c.key);
                }
            }
        }
        let count =
            |m: &HashMap<&str, Vec<&str>>, k: &str, own: &str| m.get(k).map(|v| v.iter().filter(|x| **x != own).count()).unwrap_or(0);
        // A name used for a person somewhere is a place elsewhere only with a cue.
        let person_keys: HashSet<&str> = cands.iter().filter(|c| c.person).map(|c| c.key.as_str()).collect();
        // Resolve each distinct name once, with every mention's qualifier.
        let mut by_key: HashMap<(&str, bool, Option<usize>), Option<u32>> = HashMap::new();
        let mut first_choice: HashMap<&str, Option<u32>> = HashMap::new();
        let mut accepted_key: HashSet<&str> = HashSet::new();
        let mut choice_of = vec![None; cands.len()];
        for (i, c) in cands.iter().enumerate() {
            if c.rejected || (person_keys.contains(c.key.as_str()) && !c.cue && c.qualifier.is_none()) {
                continue;
            }
            // A mention's own qualifier, else those of the name's other mentions.
            let qualifiers: Vec<&Entry> = cands
                .iter()
                .filter(|o| o.key == c.key && (c.qualifier.is_none() || std::ptr::eq(*o, c)))
                .filter_map(|o| o.qualifier)
                .filter_map(|q| self.best_by(&cands[q], prior_score))
                .map(|ix| g.entry(ix))
                .collect();
            // Divisions named by their own name: a city of that very name inside the division is
            // its seat and is what a bare mention means ("Geneva", "Tokyo").
            let seats: Vec<&str> = c
                .refs
                .iter()
                .filter(|r| !r.alternate)
                .map(|r| g.entry(r.entry))
                .filter(|e| e.feature == Feature::Admin1)
                .map(|e| &*e.admin1)
                .collect();
            let own_q = c.qualifier.and_then(|q| self.best_by(&cands[q], prior_score)).map(|ix| ix as usize);
            let best = *by_key.entry((&c.key, c.area_cue, own_q)).or_insert_with(|| {
                self.best_by(c, |e, r| {
                    let mut s = prior_score(e, r);
                    if c.area_cue && e.feature.is_area() {
                        s += 10.0;
                    }
                    if e.feature == Feature::City && !r.alternate && seats.contains(&&*e.admin1) {
                        s += 10.0;
                    }
                    let n = count(&ctx_country, &e.country, &c.key);
                    let a = count(&ctx_admin1, &e.admin1, &c.key);
                    let (cw, aw) = (3.0, 2.0);
                    s += cw * (n.min(2) as f64);
                    s += aw * (a.min(2) as f64);
                    for q in &qualifiers {
                        let inside = match q.feature {
                            Feature::Country => q.country == e.country,
                            _ => !q.admin1.is_empty() && q.admin1 == e.admin1,
                        };
                        if inside && e.feature != q.feature {
                            s += 15.0;
                        }
                    }
                    s
                })
            });
            first_choice.entry(&c.key).or_insert(best);
            let Some(ix) = best else { continue };
            let e = g.entry(ix);
            let in_ctx = count(&ctx_country, &e.country, &c.key) > 0;
            let qualified = c.qualifier.is_some() || !qualifiers.is_empty();
            let multi = c.last > c.first;
            let ok = if c.weak && !c.cue && !qualified {
                false
            } else if e.feature.is_area() || e.population >= 100_000 || qualified || multi && e.population >= 1_000 {
                true
            } else if e.population >= 5_000 {
                c.cue || in_ctx
            } else {
                c.cue && in_ctx
            };
            if ok {
                accepted_key.insert(&c.key);
                choice_of[i] = Some(ix);
            }
        }
        // A name accepted once is a place at its other mentions too (unless rejected there).
        for (i, c) in cands.iter().enumerate() {
            if choice_of[i].is_none() && !c.rejected && accepted_key.contains(c.key.as_str()) && !person_keys.contains(c.key.as_str()) {
                choice_of[i] = first_choice.get(c.key.as_str()).copied().flatten();
            }
        }
        choice_of
    }

    fn best_by(&self, c: &Candidate, score: impl Fn(&Entry, &NameRef) -> f64) -> Option<u32> {
        let g = &*self.gazetteer;
        let mut best: Option<(f64, u32)> = None;
        for r in &c.refs {
            let e = g.entry(r.entry);
            let s = score(e, r);
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, r.entry));
            }
        }
        best.map(|(_, ix)| ix)
    }

    /// For each event set `place`: a place attached to the trigger in the parse, else the
    /// only place of the sentence, else None.
    pub fn attach(&self, doc: &mut Document) {
        self.attach_excluding(doc, &|_, _| false);
    }

    /// [`attach`](Self::attach), never choosing place `p` for event `e` where `exclude(e, p)`
    /// (e.g. a place that is one of the event's parties: "Israel will evacuate … in the Gaza
    /// Strip" happens in the Gaza Strip, not in Israel).
    pub fn attach_excluding(&self, doc: &mut Document, exclude: &dyn Fn(usize, usize) -> bool) {
        let places: Vec<(u32, Span)> = doc.places.iter().enumerate().map(|(i, p)| (i as u32, p.span)).collect();
        let has_syntax = doc.has_syntax();
        let mut updates = Vec::with_capacity(doc.events.len());
        for (ei, ev) in doc.events.iter().enumerate() {
            let Some(sent) = doc.sentences.get(ev.sentence as usize) else {
                updates.push(None);
                continue;
            };
            let in_sentence: Vec<&(u32, Span)> = places
                .iter()
                .filter(|(pi, s)| sent.span.contains(*s) && !exclude(ei, *pi as usize))
                .collect();
            let mut choice = None;
            if has_syntax {
                let mut best: Option<(usize, u32)> = None;
                for (pi, span) in &in_sentence {
                    let Some(t) = token_at(doc, span.end.saturating_sub(1)) else {
                        continue;
                    };
                    // Walk up the tree from the place's last token to the trigger.
                    let mut cur = t;
                    for steps in 0..4 {
                        if cur as u32 == ev.trigger {
                            if best.is_none_or(|(b, _)| steps < b) {
                                best = Some((steps, *pi));
                            }
                            break;
                        }
                        let Some(s) = doc.syntax.get(cur) else { break };
                        if s.head == tacitus_doc::syntax::ROOT || s.head as usize >= doc.tokens.len() {
                            break;
                        }
                        cur = s.head as usize;
                    }
                }
                choice = best.map(|(_, p)| p);
            } else {
                // Without a parse: a place after a locative preposition following the trigger.
                let trig_end = ev.trigger_span.end as usize;
                for (pi, span) in &in_sentence {
                    let before = doc.text.get(trig_end.min(span.start as usize)..span.start as usize).unwrap_or("");
                    let last = before.split_whitespace().last().map(|w| w.to_lowercase());
                    if span.start as usize >= trig_end && last.is_some_and(|w| matches!(w.as_str(), "in" | "at" | "near")) {
                        choice = Some(*pi);
                        break;
                    }
                }
            }
            if choice.is_none() && in_sentence.len() == 1 {
                choice = Some(in_sentence[0].0);
            }
            updates.push(choice);
        }
        for (ev, p) in doc.events.iter_mut().zip(updates) {
            ev.place = p;
        }
    }
}

/// Is word `k` the first of its sentence (or line)?
fn sentence_initial_word(text: &str, words: &[Word], k: usize) -> bool {
    if k == 0 {
        return true;
    }
    let gap = &text[words[k - 1].end..words[k].start];
    gap.contains('\n') || gap.trim().ends_with(['.', '!', '?', ':', '"', '“'])
}

/// The token holding a byte offset.
fn token_at(doc: &Document, byte: u32) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.end <= byte);
    (i < doc.tokens.len() && doc.tokens[i].span.start <= byte).then_some(i)
}

/// Score of an entry before context: feature and population.
fn prior_score(e: &Entry, r: &NameRef) -> f64 {
    let mut s = match e.feature {
        Feature::Country => 27.0,
        Feature::Admin1 => 22.0,
        Feature::Region | Feature::Continent | Feature::Sea => 22.0,
        Feature::Admin2 => 12.0,
        // Capitals and cities of a million beat a division of the same name ("New York",
        // "Washington"), not a country.
        Feature::City => {
            (1.0 + e.population as f64).ln()
                + if e.capital { 3.0 } else { 0.0 }
                + if e.capital || e.population >= 1_000_000 { 7.0 } else { 0.0 }
        }
    };
    match e.feature {
        // A city of a million known by a short form ("New York") keeps its full prior.
        Feature::City if r.alternate && e.population < 1_000_000 => s -= 1.5,
        // A short form of a division ("Odesa" for Odesa Oblast) yields to the city so named.
        Feature::Admin1 if r.alternate => s -= 3.0,
        _ => {}
    }
    s
}

fn mention(span: Span, e: &Entry) -> PlaceMention {
    PlaceMention {
        span,
        name: e.name.to_string(),
        geonameid: (e.id != 0).then_some(e.id),
        lat: e.lat,
        lon: e.lon,
        country: e.country.to_string(),
        feature: e.feature.as_str().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;
    use tacitus_doc::{ActorCode, ActorMention, Event, Modality, Sentence};

    fn tagger() -> &'static PlaceTagger {
        static T: OnceLock<PlaceTagger> = OnceLock::new();
        T.get_or_init(|| PlaceTagger::new(Arc::new(Gazetteer::load_default().expect("bundled gazetteer loads"))))
    }

    fn places(text: &str) -> Vec<PlaceMention> {
        let doc = Document::new("t", text, None);
        tagger().find(&doc)
    }

    fn texts(text: &str) -> Vec<String> {
        places(text)
            .iter()
            .map(|p| text[p.span.start as usize..p.span.end as usize].to_string())
            .collect()
    }

    #[test]
    fn words_keep_abbreviations_and_split_possessives() {
        let t = "U.S. and Russia’s envoy met in Côte d'Ivoire, Ky.";
        let w: Vec<&str> = scan_words(t).iter().map(|w| &t[w.start..w.end]).collect();
        assert_eq!(w, vec!["U.S", "and", "Russia", "s", "envoy", "met", "in", "Côte", "d'Ivoire", "Ky"]);
        assert!(scan_words(t)[0].dot_after);
    }

    #[test]
    fn us_names_resolve_to_the_country_centre_not_a_building_or_canada() {
        let t = "The USA and the U.S. economy: officials in the United States said US exports rose.";
        let p = places(t);
        assert_eq!(p.len(), 4, "{p:?}");
        for m in &p {
            assert_eq!(m.country, "USA", "{m:?}");
            assert_eq!(m.feature, "country", "{m:?}");
            // The centroid, not Washington (about 1,800 km away).
            assert!(crate::distance_km((m.lat, m.lon), (39.76, -98.5)) < 50.0, "{m:?}");
            assert!(crate::distance_km((m.lat, m.lon), (38.895, -77.036)) > 1500.0);
        }
    }

    #[test]
    fn sochi_in_the_demo_sentence() {
        let t = "Aliyev and Pashinyan met in the Russian resort city of Sochi for peace talks.";
        let p = places(t);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!((p[0].name.as_str(), p[0].feature.as_str()), ("Russia", "country"));
        assert_eq!(p[1].name, "Sochi");
        assert_eq!(p[1].country, "RUS");
        assert_eq!(p[1].geonameid, Some(491422));
        assert!((p[1].lat - 43.60).abs() < 0.01 && (p[1].lon - 39.73).abs() < 0.01, "{:?}", p[1]);
    }

    #[test]
    fn georgia_is_the_country_or_the_us_state_by_context() {
        let caucasus = "Protesters gathered in Tbilisi as Georgia's parliament met. Armenia and Azerbaijan watched.";
        let p: Vec<_> = places(caucasus).into_iter().filter(|p| p.name == "Georgia").collect();
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].country.as_str(), p[0].feature.as_str()), ("GEO", "country"));
        let us = "Storms hit Atlanta and Savannah on Monday. Georgia officials said Florida and Alabama were spared.";
        let p: Vec<_> = places(us).into_iter().filter(|p| p.name == "Georgia").collect();
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].country.as_str(), p[0].feature.as_str()), ("USA", "admin1"));
    }

    #[test]
    fn people_are_not_places() {
        assert!(texts("Paris Hilton arrived late.").is_empty());
        assert!(texts("Jordan said the deal was done.").is_empty());
        assert!(texts("Nine-year-old Georgia Stevens skates. Georgia trains daily.").is_empty());
        assert!(texts("Michael Jordan played.").is_empty());
        assert_eq!(texts("Talks were held in Jordan last week."), vec!["Jordan"]);
        let t = "Bernard Kelly met David Morrison. Kelly said Bernard was tired. Mr. Lincoln agreed.";
        assert!(texts(t).is_empty(), "{:?}", places(t));
    }

    #[test]
    fn demonyms_are_mentions_of_their_country_unless_turned_off() {
        let t = "Russian troops and American officials met.";
        let p = places(t);
        let got: Vec<(&str, &str, &str)> = p
            .iter()
            .map(|m| (m.name.as_str(), m.country.as_str(), m.feature.as_str()))
            .collect();
        assert_eq!(got, vec![("Russia", "RUS", "country"), ("United States", "USA", "country")]);
        assert_eq!(texts(t), vec!["Russian", "American"]);
        let off = PlaceTagger::new(Arc::clone(&tagger().gazetteer)).with_demonyms(false);
        assert!(off.find(&Document::new("t", t, None)).is_empty());
        // Inside a place name, in an actor phrase, or in lower case: no demonym mention.
        assert_eq!(texts("Russian troops left Russia."), vec!["Russian", "Russia"]);
        assert_eq!(texts("a russian doll"), Vec::<String>::new());
        let mut doc = Document::new("a", "Russian troops fired.", None);
        doc.actors.push(ActorMention {
            span: Span::new(0, 14),
            head: 0,
            sentence: 0,
            code: ActorCode::new("RUS", "MIL"),
            name: None,
            rule: "np".into(),
            antecedent: None,
        });
        assert!(tagger().find(&doc).is_empty());
    }

    #[test]
    fn compound_demonyms_name_the_region_not_the_country() {
        let t = "Central American migrants and Latin American leaders met.";
        let p = places(t);
        let got: Vec<&str> = p.iter().map(|m| &t[m.span.start as usize..m.span.end as usize]).collect();
        assert_eq!(got, vec!["Central American", "Latin American"]);
        assert!(p.iter().all(|m| m.country != "USA" && m.feature != "country"), "{p:?}");
    }

    #[test]
    fn small_places_heading_longer_names_are_not_places() {
        let t = "He announced it at the Summit of the Americas.";
        assert!(texts(t).iter().all(|w| w != "Summit"), "{:?}", places(t));
        assert_eq!(texts("They met in Paris of all places."), vec!["Paris"]);
    }

    #[test]
    fn small_places_before_street_nouns_are_streets() {
        assert!(texts("He collapsed at the corner of State and Hubbard streets.")
            .iter()
            .all(|t| t != "Hubbard"));
        assert!(
            texts("Troops entered Hubbard on Monday.").iter().any(|t| t == "Hubbard")
                || places("Troops entered Hubbard on Monday.").is_empty()
        );
    }

    #[test]
    fn new_york_is_the_city_and_compass_words_pick_the_area() {
        let p = places("He bought his ticket in New York on Thursday.");
        assert_eq!((p[0].name.as_str(), p[0].feature.as_str()), ("New York City", "city"));
        let p = places("Fires spread in central Washington and Oregon.");
        let w = p.iter().find(|m| m.span.start == 24).expect("Washington found");
        assert_eq!((w.name.as_str(), w.feature.as_str()), ("Washington", "admin1"), "{p:?}");
        let p = places("Talks were held in Washington and Moscow.");
        assert_eq!(p[0].feature, "city", "{p:?}");
    }

    #[test]
    fn qualifier_picks_the_small_town() {
        let p = places("The fire started in Paris, Texas, on Sunday.");
        let paris = p.iter().find(|m| m.name == "Paris").expect("Paris found");
        assert_eq!(paris.country, "USA");
        assert!(crate::distance_km((paris.lat, paris.lon), (33.66, -95.55)) < 30.0, "{paris:?}");
        let p = places("The fire started in Paris on Sunday.");
        assert_eq!(p[0].country, "FRA");
        let p = places("Talks resumed in Geneva.");
        assert_eq!((p[0].name.as_str(), p[0].feature.as_str()), ("Geneva", "city"));
    }

    #[test]
    fn regions_written_by_us_are_found() {
        let t = "Fighting in Nagorno-Karabakh and the Donbas spread to the Gaza Strip and the West Bank.";
        assert_eq!(texts(t), vec!["Nagorno-Karabakh", "Donbas", "Gaza Strip", "West Bank"]);
    }

    #[test]
    fn metonymic_actor_spans_are_skipped() {
        let t = "Moscow has warned Kyiv.";
        assert_eq!(texts(t), vec!["Moscow", "Kyiv"]);
        let mut doc = Document::new("m", t, None);
        doc.actors.push(ActorMention {
            span: Span::new(0, 6),
            head: 0,
            sentence: 0,
            code: ActorCode::new("RUS", "GOV"),
            name: None,
            rule: "metonym:capital".into(),
            antecedent: None,
        });
        let p = tagger().find(&doc);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Kyiv");
    }

    #[test]
    fn attach_prefers_the_place_after_the_trigger() {
        let t = "Leaders from Baku met in Sochi on Monday.";
        let mut doc = Document::new("a", t, None);
        doc.sentences = vec![Sentence {
            span: Span::new(0, t.len() as u32),
            first_token: 0,
            end_token: 0,
        }];
        tagger().tag(&mut doc);
        assert_eq!(doc.places.len(), 2);
        let met = t.find("met").unwrap_or(0) as u32;
        doc.events.push(Event {
            sentence: 0,
            trigger: 0,
            trigger_span: Span::new(met, met + 3),
            actors: vec![],
            recipients: vec![],
            cameo: "040".into(),
            modality: Modality::Asserted,
            attributed_to: None,
            timex: None,
            place: None,
            rule: "test".into(),
            confidence: 1.0,
        });
        tagger().attach(&mut doc);
        let p = doc.events[0].place.expect("attached");
        assert_eq!(doc.places[p as usize].name, "Sochi");
    }

    #[test]
    fn attach_follows_the_parse() {
        use tacitus_doc::{DepRel, Token, TokenSyntax};
        // "Envoys from Baku met in Sochi ." with "Sochi" an oblique of "met".
        let t = "Envoys from Baku met in Sochi .";
        let mut doc = Document::new("s", t, None);
        let mut start = 0;
        for w in t.split(' ') {
            let s0 = t[start..].find(w).map(|k| k + start).unwrap_or(start);
            doc.tokens.push(Token {
                span: Span::new(s0 as u32, (s0 + w.len()) as u32),
            });
            start = s0 + w.len();
        }
        let heads = [3u32, 2, 0, tacitus_doc::syntax::ROOT, 5, 3, 3];
        let upos = [Upos::Noun, Upos::Adp, Upos::Propn, Upos::Verb, Upos::Adp, Upos::Propn, Upos::Punct];
        for i in 0..7 {
            doc.syntax.push(TokenSyntax {
                upos: upos[i],
                xpos: 0,
                lemma: String::new(),
                head: heads[i],
                deprel: DepRel::Dep,
            });
        }
        doc.sentences = vec![Sentence {
            span: Span::new(0, t.len() as u32),
            first_token: 0,
            end_token: 7,
        }];
        tagger().tag(&mut doc);
        assert_eq!(doc.places.len(), 2, "{:?}", doc.places);
        doc.events.push(Event {
            sentence: 0,
            trigger: 3,
            trigger_span: doc.tokens[3].span,
            actors: vec![],
            recipients: vec![],
            cameo: "040".into(),
            modality: Modality::Asserted,
            attributed_to: None,
            timex: None,
            place: None,
            rule: "test".into(),
            confidence: 1.0,
        });
        tagger().attach(&mut doc);
        let p = doc.events[0].place.expect("attached");
        assert_eq!(doc.places[p as usize].name, "Sochi");
    }

    #[test]
    fn no_panic_on_odd_input() {
        let inputs = [
            "",
            " ",
            ".",
            "U.S",
            "U.",
            "’s",
            "'",
            "A-",
            "-A",
            "In",
            "in Paris,",
            "PARIS PARIS PARIS",
            "Ünïcödé Çity of Ñowhere, Ky.",
            "日本 東京 in 北京",
            "New\nYork and New  York and New-York",
            "St. . . Louis",
            "a.b.c.d.e.f.g.h",
            "Mr.",
            "\u{0}\u{1}\t\r\n",
        ];
        for t in inputs {
            let mut doc = Document::new("z", t, None);
            tagger().tag(&mut doc);
            tagger().attach(&mut doc);
            for p in &doc.places {
                assert!(p.span.end as usize <= t.len() && t.is_char_boundary(p.span.start as usize));
                assert!(t.is_char_boundary(p.span.end as usize));
            }
        }
        // Long pseudo-random text of capitalised words and punctuation.
        let mut x: u64 = 12345;
        let mut s = String::new();
        let parts = [
            "Paris", "U.S.", "of", "New", "York", ",", ".", "Kelly", "in", "é", "-", "’s", "\n", "St.",
        ];
        for _ in 0..5000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s.push_str(parts[(x >> 33) as usize % parts.len()]);
            if (x >> 20) & 3 != 0 {
                s.push(' ');
            }
        }
        let mut doc = Document::new("r", s, None);
        tagger().tag(&mut doc);
    }
}
