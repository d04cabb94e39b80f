//! Actor recognition on top of the parse: dictionary matches grouped into noun phrases, codes
//! composed (country + sector, persons by the document date), capitals acting as governments,
//! and in-document coreference.

use crate::tree::Tree;
use crate::{Coder, Trace};
use chrono::NaiveDate;
use tacitus_dict::actors::{ActorEntry, EntryKind};
use tacitus_doc::{ActorCode, ActorMention, DepRel, Document, Upos};

/// Relations that keep a dictionary match inside the noun phrase of its head.
const NP_INTERNAL: &[DepRel] = &[
    DepRel::Amod,
    DepRel::Compound,
    DepRel::Flat,
    DepRel::Conj,
    DepRel::Det,
    DepRel::NmodDesc,
];

struct Match<'a> {
    start: u32,
    end: u32,
    entry: &'a ActorEntry,
}

/// Fill `doc.actors` for every sentence, then resolve references.
pub fn recognize(coder: &Coder, doc: &mut Document, mut trace: Option<&mut Trace>) {
    let date = doc
        .date
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date"));
    let mut mentions = Vec::new();
    // one tree per sentence serves both passes (it holds no mentions yet)
    let trees: Vec<Tree> = (0..doc.sentences.len()).map(|s| Tree::new(doc, s)).collect();
    for (s, tree) in trees.iter().enumerate() {
        sentence_mentions(coder, tree, s as u32, date, &mut mentions, trace.as_deref_mut());
    }
    resolve_references(doc, &trees, &mut mentions, trace);
    doc.actors = mentions;
}

fn dictionary_matches<'a>(coder: &'a Coder, tree: &Tree) -> Vec<Match<'a>> {
    let words: Vec<&str> = tree.tokens().map(|t| tree.text(t)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match coder.actors.longest_match(&words, i) {
            Some(m) if m.len > 0 => {
                out.push(Match {
                    start: tree.first + i as u32,
                    end: tree.first + (i + m.len) as u32,
                    entry: m.entry,
                });
                i += m.len;
            }
            _ => {
                // "Ethopia", "Quatar": a proper name one letter off a country's
                let t = tree.first + i as u32;
                if tree.upos(t) == Upos::Propn {
                    if let Some(entry) = coder.actors.misspelt_country(words[i]) {
                        out.push(Match {
                            start: t,
                            end: t + 1,
                            entry,
                        });
                    }
                }
                i += 1
            }
        }
    }
    // "to press their demands", "they police the border": a sector word used as a verb names no one
    out.retain(|m| {
        !(m.entry.kind == EntryKind::Sector
            && m.end == m.start + 1
            && (matches!(tree.upos(m.start), Upos::Verb | Upos::Aux)
                || (m.start > tree.first && tree.lower(m.start - 1) == "to" && tree.upos(m.start - 1) == Upos::Part)))
    });
    // "Jaime King", "Stephen King": a capitalised title word right after a first name is a
    // surname, not a title
    out.retain(|m| {
        let t = m.start;
        !(m.entry.kind == EntryKind::Sector
            && m.end == t + 1
            && t > tree.first
            && tree.text(t).starts_with(|c: char| c.is_uppercase())
            && tree.upos(t - 1) == Upos::Propn
            && tree.text(t - 1).starts_with(|c: char| c.is_uppercase())
            && !tree.text(t - 1).chars().all(|c| c.is_uppercase())
            && coder.actors.longest_match(&[tree.text(t - 1)], 0).is_none()
            // ("the Inter-Parliamentary Union Conference" is a name going on)
            && !(t + 1 < tree.tokens().end && tree.upos(t + 1) == Upos::Propn))
    });
    // "Serbian Labour Minister", "the Labour Ministry": a party's name before a title word is a
    // portfolio, not the party
    const PORTFOLIO: &[&str] = &[
        "minister",
        "ministry",
        "secretary",
        "department",
        "portfolio",
        "spokesman",
        "spokeswoman",
        "committee",
    ];
    out.retain(|m| {
        let before_title = m.end < tree.tokens().end && PORTFOLIO.contains(&tree.lemma(m.end).to_lowercase().as_str());
        // "the Ministry of Health, Labour and Welfare"
        let in_title = (m.start.saturating_sub(6).max(tree.first)..m.start)
            .rev()
            .take_while(|&x| {
                matches!(tree.upos(x), Upos::Propn | Upos::Noun | Upos::Adp | Upos::Cconj | Upos::Punct)
                    && !matches!(tree.text(x), "." | ";" | ":" | "(" | ")")
            })
            .any(|x| PORTFOLIO.contains(&tree.lemma(x).to_lowercase().as_str()));
        !(m.entry.kind == EntryKind::Party && (before_title || in_title))
    });
    // "Western Cambodia", "Eastern Ukraine": a compass adjective before a place is a direction
    let place = |m: &Match| matches!(m.entry.kind, EntryKind::Country | EntryKind::City | EntryKind::Capital);
    let compass = |m: &Match| {
        m.end == m.start + 1
            && m.entry.kind == EntryKind::Demonym
            && matches!(
                tree.lower(m.start).as_str(),
                "western" | "eastern" | "northern" | "southern" | "central"
            )
    };
    let drop: Vec<usize> = (0..out.len())
        .filter(|&k| compass(&out[k]) && out.get(k + 1).is_some_and(|n| n.start == out[k].end && place(n)))
        .collect();
    for k in drop.into_iter().rev() {
        out.remove(k);
    }
    out
}

/// Climb from a match to the head of its noun phrase.
fn np_head(tree: &Tree, mut t: u32, kinds_at: &dyn Fn(u32) -> Option<EntryKind>) -> u32 {
    let adjectival = |k: Option<EntryKind>| matches!(k, Some(EntryKind::Demonym) | Some(EntryKind::Country));
    for _ in 0..8 {
        let Some(h) = tree.head(t) else { break };
        let rel = tree.rel(t);
        if rel == DepRel::Conj {
            // "Armenian and Azerbaijani troops": coordinated modifiers stay in one phrase;
            // coordinated nouns ("Armenia and Azerbaijan") are separate phrases.
            if adjectival(kinds_at(t)) && adjectival(kinds_at(h)) && matches!(tree.rel(h), DepRel::Amod | DepRel::Compound) {
                t = h;
                continue;
            }
            if tree.upos(t) != Upos::Adj {
                break;
            }
        }
        let climb = (NP_INTERNAL.contains(&rel) && rel != DepRel::Conj)
            || (rel == DepRel::Conj && tree.upos(t) == Upos::Adj)
            || (rel == DepRel::NmodPoss && matches!(kinds_at(h), Some(EntryKind::Sector) | Some(EntryKind::Person)));
        if !climb || !matches!(tree.upos(h), Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num) {
            break;
        }
        t = h;
    }
    t
}

/// Position of an entry kind in a noun phrase: modifiers (countries, demonyms, organisations)
/// come before agents (sector words), which come before names.
fn np_rank(k: EntryKind) -> u8 {
    match k {
        EntryKind::Country | EntryKind::Demonym | EntryKind::Capital | EntryKind::City => 0,
        EntryKind::Organisation | EntryKind::Group | EntryKind::Party | EntryKind::Seat => 1,
        EntryKind::Sector => 2,
        EntryKind::Person => 3,
    }
}

/// Group dictionary matches into noun phrases: first linearly ("Armenian prime minister Nikol
/// Pashinyan" is one phrase whatever the parse says), then through the parse for modifiers
/// that are not adjacent ("Armenian and Azerbaijani troops"). Returns (head token, matches).
fn group_matches(tree: &Tree, matches: &[Match], kind_at: &dyn Fn(u32) -> Option<EntryKind>) -> Vec<(u32, Vec<usize>)> {
    let mut chunks: Vec<Vec<usize>> = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        if let Some(prev) = chunks.last_mut() {
            let last = &matches[*prev.last().expect("chunks are never empty")];
            // "Vietnamese-led forces" are forces of Vietnam ("Iranian-backed militias" are not)
            let led = m.start == last.end + 2 && tree.text(last.end) == "-" && tree.lower(last.end + 1) == "led";
            let gap_ok = led
                || (m.start >= last.end
                    && m.start - last.end <= 2
                    && (last.end..m.start)
                        .all(|g| matches!(tree.upos(g), Upos::Adj | Upos::Noun) && tree.text(g).chars().all(|c| c.is_alphabetic())));
            let (a, b) = (np_rank(last.entry.kind), np_rank(m.entry.kind));
            let order_ok = (a < b || (a == 2 && b == 2)) && a != 3;
            if gap_ok && order_ok {
                prev.push(i);
                continue;
            }
        }
        chunks.push(vec![i]);
    }
    let mut groups: Vec<(u32, Vec<usize>)> = Vec::new();
    for chunk in chunks {
        let start = matches[chunk[0]].start;
        let end = matches[*chunk.last().expect("non-empty")].end;
        // the rightmost token whose head lies outside the chunk is its syntactic head
        let mut head = (start..end)
            .rev()
            .find(|&t| tree.head(t).is_none_or(|h| h < start || h >= end))
            .unwrap_or(end - 1);
        if chunk.iter().all(|&i| np_rank(matches[i].entry.kind) == 0) {
            head = np_head(tree, head, kind_at);
        }
        // "Nigerian foreign minister Dubem Oniya", "President Abdelaziz Bouteflicka": a title
        // before a name the dictionary does not know heads no phrase; the name does
        if matches[*chunk.last().expect("non-empty")].entry.kind == EntryKind::Sector
            && matches!(tree.rel(head), DepRel::NmodDesc | DepRel::Compound)
        {
            if let Some(h) = tree.head(head) {
                if h > head
                    && h <= head + 2
                    && (head + 1..=h).all(|x| tree.upos(x) == Upos::Propn)
                    && !matches.iter().any(|m| m.start <= h && h < m.end)
                {
                    head = h;
                }
            }
        }
        match groups.iter_mut().find(|g| g.0 == head) {
            Some(g) => g.1.extend(chunk),
            None => groups.push((head, chunk)),
        }
    }
    groups
}

/// The country of a place named where the phrase at `head` (or its clause) is located.
fn place_country(tree: &Tree, head: u32, matches: &[Match]) -> Option<String> {
    let located = |x: u32| -> Vec<u32> {
        tree.children(x)
            .iter()
            .copied()
            .filter(|&c| {
                matches!(tree.rel(c).base(), "nmod" | "obl")
                    && matches!(tree.case_of(c).as_deref(), Some("in" | "throughout" | "across" | "at"))
            })
            .collect()
    };
    let mut places = located(head);
    if let Some(v) = tree
        .head(head)
        .filter(|&v| tree.upos(v) == Upos::Verb && matches!(tree.rel(head), DepRel::Nsubj | DepRel::NsubjPass))
    {
        places.extend(located(v));
    }
    for p in places {
        for m in matches {
            let inside = m.start <= p && p < m.end || tree.head(m.start) == Some(p);
            if inside && matches!(m.entry.kind, EntryKind::Country | EntryKind::City | EntryKind::Capital) && !m.entry.country.is_empty() {
                return Some(m.entry.country.clone());
            }
        }
    }
    None
}

fn is_acting(tree: &Tree, head: u32) -> bool {
    let has_case = |x: u32| tree.children_rel(x, &[DepRel::Case]).any(|c| tree.xpos(c) != "POS");
    // "in the capital Harare": an apposition is where its head is
    if matches!(tree.rel(head), DepRel::Appos | DepRel::Flat) {
        if let Some(h) = tree.head(head) {
            if has_case(h) {
                return false;
            }
        }
    }
    // "an admission by Moscow": the doer of a nominal act
    let nominal_act_doer = tree.rel(head).base() == "nmod"
        && tree.head(head).is_some_and(|h| tree.upos(h) == Upos::Noun)
        && matches!(tree.case_of(head).as_deref(), Some("by"));
    nominal_act_doer
        || !has_case(head)
            && matches!(
                tree.rel(head),
                DepRel::Nsubj
                    | DepRel::NsubjPass
                    | DepRel::Obj
                    | DepRel::Iobj
                    | DepRel::OblAgent
                    | DepRel::NmodPoss
                    | DepRel::Conj
                    | DepRel::Appos
                    | DepRel::Root
                    | DepRel::Csubj
            )
}

fn sentence_mentions(
    coder: &Coder,
    tree: &Tree,
    sentence: u32,
    date: NaiveDate,
    out: &mut Vec<ActorMention>,
    mut trace: Option<&mut Trace>,
) {
    let matches = dictionary_matches(coder, tree);
    if matches.is_empty() {
        return;
    }
    let kind_at = |t: u32| matches.iter().find(|m| m.start <= t && t < m.end).map(|m| m.entry.kind);
    let groups = group_matches(tree, &matches, &kind_at);
    for (head, idx) in groups {
        let ms: Vec<&Match> = idx.iter().map(|&i| &matches[i]).collect();
        let mut start = ms.iter().map(|m| m.start).min().unwrap_or(head).min(head);
        let mut end = ms.iter().map(|m| m.end).max().unwrap_or(head + 1).max(head + 1);
        // the rest of a name right of its head ("Dubem Oniya")
        while end < tree.tokens().end && tree.head(end) == Some(head) && tree.rel(end) == DepRel::Flat {
            end += 1;
        }
        // include flat/compound name parts right of the head ("Nikol Pashinyan" already whole)
        while start > tree.first && tree.head(start - 1) == Some(head) && tree.rel(start - 1) == DepRel::Compound {
            start -= 1;
        }
        let span = tree.doc.token_span(start as usize, end as usize);
        let text = tree.doc.slice(span).to_string();
        let mut codes: Vec<(ActorCode, Option<String>, String)> = Vec::new();
        let sector = ms
            .iter()
            .rev()
            .find(|m| m.entry.kind == EntryKind::Sector)
            .and_then(|m| m.entry.code_at(date))
            .map(|c| c.sector);
        let person = ms.iter().find(|m| m.entry.kind == EntryKind::Person);
        let org = ms.iter().find(|m| {
            matches!(
                m.entry.kind,
                EntryKind::Organisation | EntryKind::Group | EntryKind::Party | EntryKind::Seat
            )
        });
        if let Some(p) = person {
            match p.entry.code_at(date) {
                Some(c) => codes.push((c, Some(p.entry.name.clone()), format!("person:{}", p.entry.name))),
                None if !p.entry.country.is_empty() => {
                    // before any office: still a national of their country, an elite
                    codes.push((
                        ActorCode::new(&p.entry.country, "ELI"),
                        Some(p.entry.name.clone()),
                        format!("person-before-office:{}", p.entry.name),
                    ));
                }
                None => {
                    if let Some(t) = trace.as_deref_mut() {
                        t.push(format!("  '{}' is {} but held no coded role on {date}", text, p.entry.name));
                    }
                }
            }
        } else if let Some(o) = org {
            if let Some(mut c) = o.entry.code_at(date) {
                if c.sector.is_empty() {
                    if let Some(s) = &sector {
                        c.sector = s.clone();
                    }
                }
                codes.push((
                    c,
                    Some(o.entry.name.clone()),
                    format!("{:?}:{}", o.entry.kind, o.entry.name).to_lowercase(),
                ));
            }
        }
        if codes.is_empty() {
            // countries from country names, demonyms and capitals, one mention per country
            let mut countries: Vec<(String, EntryKind)> = Vec::new();
            // "ethnic Albanians in Serbia", "ethnic Russian separatists": an ethnic group, not
            // the nationals of a state
            let ethnic = |m: &Match| {
                m.entry.kind == EntryKind::Demonym
                    && (m.start.saturating_sub(2).max(tree.first)..m.start).any(|x| tree.lower(x) == "ethnic")
            };
            let mut sector = sector;
            if sector.is_none() && !ms.is_empty() && ms.iter().all(|m| ethnic(m)) {
                sector = Some("CVL".to_string());
            }
            for m in &ms {
                if ethnic(m) {
                    continue;
                }
                if matches!(m.entry.kind, EntryKind::Country | EntryKind::Demonym | EntryKind::Capital) {
                    if let Some(c) = m.entry.code_at(date) {
                        if !countries.iter().any(|(x, _)| *x == c.country) {
                            countries.push((c.country, m.entry.kind));
                        }
                    }
                }
            }
            if countries.is_empty() && sector.is_some() {
                // "soldiers in Niger", "the government of Iraq", "doctors from two American aid groups"
                for c in tree.children_rel(head, &[DepRel::Nmod]) {
                    if matches!(tree.case_of(c).as_deref(), Some("of" | "in" | "from")) {
                        let here = matches.iter().filter(|m| {
                            matches!(m.entry.kind, EntryKind::Country | EntryKind::Capital | EntryKind::Demonym)
                                && (m.start <= c && c < m.end || tree.head(m.start) == Some(c))
                        });
                        for m in here {
                            if let Some(code) = m.entry.code_at(date) {
                                if !countries.iter().any(|(x, _)| *x == code.country) {
                                    countries.push((code.country, EntryKind::Country));
                                }
                            }
                        }
                    }
                }
            }
            for (country, kind) in &countries {
                let mut sec = sector.clone().unwrap_or_default();
                let mut rule = format!("np:{}", if sec.is_empty() { "country" } else { "country+sector" });
                if *kind == EntryKind::Capital && sec.is_empty() {
                    if !is_acting(tree, head) {
                        continue; // a capital that does not act is a place
                    }
                    sec = "GOV".into();
                    rule = "metonym:capital".into();
                }
                codes.push((ActorCode::new(country, &sec), None, rule));
            }
            if countries.is_empty() {
                if let Some(s) = &sector {
                    // "students throughout Indonesia", "Kurds demonstrated in Kirkuk": the place
                    // where an unnamed group acts gives its country
                    match place_country(tree, head, &matches) {
                        Some(c) => codes.push((ActorCode::new(&c, s), None, "np:sector+place".into())),
                        None => codes.push((ActorCode::new("", s), None, "np:sector".into())),
                    }
                }
            }
        }
        for (code, name, rule) in codes {
            if let Some(t) = trace.as_deref_mut() {
                t.push(format!("  actor '{}' → {} ({rule})", text, code.code()));
            }
            out.push(ActorMention {
                span,
                head,
                sentence,
                code,
                name,
                rule,
                antecedent: None,
            });
        }
    }
}

/// Words that refer back to the two parties of a conflict or negotiation.
fn is_two_sides(tree: &Tree, t: u32) -> bool {
    let l = tree.lemma(t);
    if matches!(tree.lower(t).as_str(), "other") && tree.children_rel(t, &[DepRel::Det]).any(|d| tree.lower(d) == "each") {
        return true;
    }
    if !matches!(
        l,
        "side" | "party" | "country" | "nation" | "leader" | "government" | "neighbor" | "neighbour" | "rival" | "foe"
    ) {
        return false;
    }
    tree.children(t).iter().any(|&c| matches!(tree.lower(c).as_str(), "two" | "both"))
}

/// Singular nouns that name one person by office ("the president", "the foreign minister").
const PERSON_TITLES: &[&str] = &[
    "president",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "emir",
    "sultan",
    "monarch",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "secretary",
    "governor",
    "mayor",
    "general",
    "commander",
    "chief",
    "official",
    "negotiator",
    "diplomat",
    "senator",
    "lawmaker",
    "judge",
    "prosecutor",
    "dictator",
    "ruler",
    "pope",
    "cleric",
    "ayatollah",
    "vice-president",
    "representative",
    "delegate",
    "mediator",
    "adviser",
    "advisor",
    "aide",
];

/// Pronouns, "the two sides", "one another": link to earlier mentions.
fn resolve_references(doc: &Document, trees: &[Tree], mentions: &mut Vec<ActorMention>, mut trace: Option<&mut Trace>) {
    let mut added = Vec::new();
    let mut sides: Option<Vec<usize>> = None;
    for (s, tree) in trees.iter().enumerate() {
        for t in tree.tokens() {
            let lower = tree.lower(t);
            let span = doc.tokens[t as usize].span;
            let before = |m: &&ActorMention| m.span.end <= span.start && m.sentence + 3 >= s as u32;
            let found: Vec<usize> = match (tree.upos(t), lower.as_str()) {
                (Upos::Pron, "he" | "him" | "his" | "she" | "her" | "himself" | "herself") => {
                    let named: Vec<usize> = mentions
                        .iter()
                        .enumerate()
                        .rev()
                        .filter(|(_, m)| before(m) && m.name.is_some() && m.rule.starts_with("person"))
                        .map(|(i, _)| i)
                        .take(1)
                        .collect();
                    if named.is_empty() {
                        // no named person: one named by a singular title with a country ("the
                        // Kenyan president said he …")
                        mentions
                            .iter()
                            .enumerate()
                            .rev()
                            .filter(|(_, m)| {
                                before(m)
                                    && !m.code.country.is_empty()
                                    && trees.get(m.sentence as usize).is_some_and(|tr| {
                                        tr.xpos(m.head) == "NN" && PERSON_TITLES.contains(&tr.lemma(m.head).to_lowercase().as_str())
                                    })
                            })
                            .map(|(i, _)| i)
                            .take(1)
                            .collect()
                    } else {
                        named
                    }
                }
                (Upos::Pron, "it" | "its") => mentions
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, m)| {
                        // a country, an organisation, or a body named by one singular noun
                        // ("the government … it", "the army said it"), never a person
                        let singular_body = !m.code.sector.is_empty()
                            && trees
                                .get(m.sentence as usize)
                                .is_some_and(|tr| matches!(tr.xpos(m.head), "NN") && tr.rel(m.head) != DepRel::Compound);
                        before(m)
                            && !m.rule.starts_with("person")
                            && (m.code.sector.is_empty() || m.code.org.is_empty() && m.rule.starts_with("org") || singular_body)
                    })
                    .map(|(i, _)| i)
                    .take(1)
                    .collect(),
                (Upos::Pron, "they" | "them" | "their" | "themselves") => last_group(mentions, span.start, s as u32),
                (Upos::Noun, _) if is_two_sides(tree, t) => {
                    let pair = last_pair(doc, mentions, span.start, sides.as_deref());
                    if !pair.is_empty() {
                        sides = Some(pair.clone());
                    }
                    pair
                }
                _ => continue,
            };
            if mentions.iter().any(|m| m.head == t) {
                continue;
            }
            for i in found {
                let a = &mentions[i];
                if let Some(tr) = trace.as_deref_mut() {
                    tr.push(format!(
                        "  reference '{}' → '{}' ({})",
                        doc.slice(span),
                        doc.slice(a.span),
                        a.code.code()
                    ));
                }
                added.push(ActorMention {
                    span,
                    head: t,
                    sentence: s as u32,
                    code: a.code.clone(),
                    name: a.name.clone(),
                    rule: "coref".into(),
                    antecedent: Some(i as u32),
                });
            }
        }
    }
    mentions.extend(added);
    // sort by position, keeping antecedent indices pointing at the same mentions
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].span.start, mentions[i].head, i));
    let mut new_index = vec![0u32; mentions.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new as u32;
    }
    let mut sorted: Vec<ActorMention> = order.iter().map(|&i| mentions[i].clone()).collect();
    for m in &mut sorted {
        if let Some(a) = m.antecedent {
            m.antecedent = new_index.get(a as usize).copied();
        }
    }
    *mentions = sorted;
}

/// The most recent group of mentions sharing a head (coordinated or plural), for "they".
fn last_group(mentions: &[ActorMention], before: u32, sentence: u32) -> Vec<usize> {
    let Some((i, m)) = mentions
        .iter()
        .enumerate()
        .rev()
        .find(|(_, m)| m.span.end <= before && m.sentence + 2 >= sentence && !m.rule.starts_with("person"))
    else {
        return Vec::new();
    };
    let same: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, x)| x.head == m.head && x.span.end <= before)
        .map(|(j, _)| j)
        .collect();
    if same.is_empty() {
        vec![i]
    } else {
        same
    }
}

/// The two most recent distinct countries that appeared together (coordinated), else the two
/// most recent distinct countries.
fn last_pair(doc: &Document, mentions: &[ActorMention], before: u32, previous: Option<&[usize]>) -> Vec<usize> {
    let prior: Vec<(usize, &ActorMention)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.end <= before && !m.code.country.is_empty())
        .collect();
    // coordinated pairs: "Armenia and Azerbaijan", "Aliyev and Pashinyan"
    for w in prior.windows(2).rev() {
        let (i, a) = w[0];
        let (j, b) = w[1];
        let between = doc.text.get(a.span.end as usize..b.span.start as usize).unwrap_or("").trim();
        if a.sentence == b.sentence && a.code.country != b.code.country && matches!(between, "and" | "," | "and the" | "or") {
            return vec![i, j];
        }
    }
    // the sides named by an earlier "both sides", when no new pair came since
    if let Some(prev) = previous.filter(|p| !p.is_empty()) {
        return prev.to_vec();
    }
    // else the last two countries named before this sentence ("Erdogan urged both sides" does
    // not count Erdogan among the sides), else before the words themselves
    let here = doc.sentences.iter().position(|s| s.span.start <= before && before <= s.span.end);
    for earlier_only in [true, false] {
        let mut out: Vec<usize> = Vec::new();
        for (i, m) in prior.iter().rev() {
            if earlier_only && Some(m.sentence as usize) == here {
                continue;
            }
            if !out.iter().any(|&j| mentions[j].code.country == m.code.country) {
                out.push(*i);
            }
            if out.len() == 2 {
                return out;
            }
        }
    }
    Vec::new()
}
