//! Event extraction: triggers matched against the pattern dictionary, arguments found through
//! the dependency parse, modality from the governing clauses.

use crate::intent::{demand_code, intent_code, refusal_code, threat_code};
use crate::tree::Tree;
use crate::{Coder, Trace};
use tacitus_dict::verbs::{Slot, TriggerPos, VerbPattern};
use tacitus_doc::{DepRel, Document, Event, Modality, Upos};

/// Verbs whose clausal complement is reported, not asserted.
const SAY_VERBS: &[&str] = &[
    "say", "claim", "allege", "report", "announce", "state", "insist", "add", "tell", "argue", "suggest", "assert", "contend", "maintain",
    "declare", "write", "note", "charge", "accuse", "believe", "think", "warn", "quote", "cite", "indicate", "reveal", "testify",
];
const DENY_VERBS: &[&str] = &["deny", "dismiss", "refute", "dispute"];
/// Governors of an infinitive that make it an intention, not a fact.
const INTENT_GOVERNORS: &[&str] = &[
    "plan",
    "intend",
    "want",
    "seek",
    "aim",
    "prepare",
    "vow",
    "pledge",
    "promise",
    "offer",
    "expect",
    "hope",
    "wish",
    "agree",
    "ready",
    "willing",
    "prepared",
    "eager",
    "determined",
    "set",
    "propose",
    "consider",
    "threaten",
    "move",
    "commit",
    "committed",
    "resolve",
    "undertake",
    "going",
];
/// Governors of an infinitive that deny it happened.
const FAIL_GOVERNORS: &[&str] = &["fail", "refuse", "decline", "neglect", "stop", "cease"];
/// Verbs that only carry a nominal event ("hold talks", "launch an attack").
const LIGHT_VERBS: &[&str] = &[
    "hold",
    "have",
    "conduct",
    "launch",
    "carry",
    "stage",
    "make",
    "mount",
    "begin",
    "start",
    "open",
    "continue",
    "resume",
    "wage",
    "issue",
    "sign",
    "reach",
    "announce",
    "call",
    "host",
    "give",
    "take",
    "lead",
    "pursue",
    "join",
    "attend",
    "convene",
    "organize",
    "organise",
    "fire",
    "use",
    "lob",
    "renew",
    "undertake",
    "initiate",
    "intensify",
    "step",
    "complete",
];
/// Verbs whose subject is a nominal event ("clashes broke out", "talks took place").
const OCCUR_VERBS: &[&str] = &[
    "break", "erupt", "occur", "happen", "take", "begin", "start", "continue", "resume", "end", "flare", "escalate", "rage",
];

struct Candidate<'p> {
    pattern: &'p VerbPattern,
    specificity: u32,
}

/// Extract events from every sentence of a document with actors recognised.
pub fn extract(coder: &Coder, doc: &mut Document, mut trace: Option<&mut Trace>) {
    let mut events = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut repeated = vec![false; doc.sentences.len()];
    for (s, r) in repeated.iter_mut().enumerate() {
        // a headline printed twice, a paragraph repeated: one report, coded once
        *r = !seen.insert(doc.slice(doc.sentences[s].span).trim());
    }
    for (s, &again) in repeated.iter().enumerate() {
        if again {
            if let Some(t) = trace.as_deref_mut() {
                t.push(format!("sentence {s}: repeats an earlier sentence word for word: not coded again"));
            }
            continue;
        }
        let tree = Tree::new(doc, s);
        if let Some(t) = trace.as_deref_mut() {
            t.push(format!("sentence {s}: {}", doc.slice(doc.sentences[s].span)));
        }
        let mut sentence_events = Vec::new();
        for tok in tree.tokens() {
            // "the European Investment Bank", "the Peace Corps": a capitalised word inside a
            // known name is part of the name, not an act
            let in_name = tree.text(tok).starts_with(|c: char| c.is_uppercase())
                && tree.mentions_at(tok).iter().any(|&m| {
                    let a = &doc.actors[m as usize];
                    a.name.is_some() && a.span != doc.tokens[tok as usize].span
                });
            if in_name {
                continue;
            }
            let mut extra = Vec::new();
            if let Some(e) = code_trigger(coder, &tree, s as u32, tok, &mut extra, trace.as_deref_mut()) {
                sentence_events.push(e);
            }
            sentence_events.extend(extra);
        }
        doers_of_carried_violence(&tree, &mut sentence_events);
        drop_carried_duplicates(&tree, &mut sentence_events);
        kinds_from_uncoded_complements(coder, &tree, &mut sentence_events);
        violence_by_means(&tree, &mut sentence_events);
        statements_of_obligation(&tree, &mut sentence_events);
        crowds_in_protest(&tree, &mut sentence_events);
        political_aims(&tree, &mut sentence_events);
        material_kinds(&tree, &mut sentence_events);
        yield_kinds(&tree, &mut sentence_events);
        authorities_stopping_dissent(&tree, &mut sentence_events);
        legal_charges(&tree, &mut sentence_events);
        bombings_by_armed_groups(&tree, &mut sentence_events);
        joint_exercises(&tree, &mut sentence_events);
        pressure_without_demand(&tree, &mut sentence_events);
        warnings_about_things(&tree, &mut sentence_events);
        // governing events first, then by position: the main event of a sentence leads
        // plain statements ("said") wrap the events they report: those come first
        // (declining to comment reports nothing: "declined to comment on an estimate that …
        // air strikes" is the refusal to comment)
        let plain = |e: &Event| matches!(e.cameo.as_str(), "010" | "012" | "013" | "014" | "017");
        // violence by an unnamed hand follows the acts of named parties
        // what only might happen ("unless the president agrees …", "could attack") follows what did
        sentence_events.sort_by_key(|e: &Event| {
            (
                plain(e),
                // a comment's kind ("said he was confident": 013) before the bare saying
                e.cameo == "010",
                e.actors.is_empty(),
                e.modality == Modality::Hypothetical,
                tree.depth(e.trigger),
                e.trigger,
            )
        });
        // implied accusations follow the claims they come from
        add_accusations(coder, &tree, &mut sentence_events, trace.as_deref_mut());
        events.extend(sentence_events);
    }
    doc.events = events;
}

/// "met … for talks", "broke off talks": the verb carrying a nominal event already coded it.
fn drop_carried_duplicates(tree: &Tree, events: &mut Vec<Event>) {
    // a plain statement does not carry the act it announces ("announced a suspension of air
    // links" is the suspension)
    let verbal: Vec<u32> = events
        .iter()
        .filter(|e| tree.upos(e.trigger) == Upos::Verb && !matches!(e.cameo.as_str(), "010" | "011" | "012" | "013" | "014" | "017"))
        .map(|e| e.trigger)
        .collect();
    // "agreed to refrain", "refused to deploy", "threatened to attack", "urged them to return to
    // talks": the act in the complement is the content of the intent, refusal, threat or appeal
    // already coded
    let governing: Vec<u32> = events
        .iter()
        .filter(|e| matches!(e.cameo.get(..2), Some("02" | "03" | "10" | "12" | "13")))
        .map(|e| e.trigger)
        .collect();
    // the governing event takes the more specific code of the same kind found in its complement
    // ("promised to continue military aid" is 0332, not 030; "refused to release the hostages"
    // 1243, not 124)
    let n = events.len();
    let mut absorbed = vec![false; n];
    for gi in 0..n {
        if !governing.contains(&events[gi].trigger) {
            continue;
        }
        for ei in 0..n {
            if ei == gi || absorbed[ei] || absorbed[gi] {
                continue;
            }
            let (g, e) = (&events[gi], &events[ei]);
            let same_kind = e.cameo.get(..2) == g.cameo.get(..2) && e.cameo != g.cameo;
            let generic = g.cameo.len() == 3 && g.cameo.ends_with('0');
            let finer = e.cameo.starts_with(g.cameo.as_str()) || generic;
            // "demanded that the Sudanese government end curbs on the press": a generic demand,
            // appeal, refusal, threat or intent takes its kind of the act it is about
            let derived = if generic && !same_kind {
                family_code(&g.cameo, &e.cameo)
            } else {
                None
            };
            // "threatened to impose a curfew": the threat pattern knew only the verb ("impose":
            // sanctions, 1312); the act in the complement, itself made a threat, names the kind
            // (1323)
            let retyped = g.cameo.starts_with("13") && same_kind && e.cameo.get(..3) != g.cameo.get(..3);
            if ((same_kind && (finer || retyped)) || derived.is_some_and(|d| d != g.cameo)) && in_complement(tree, e.trigger, g.trigger) {
                let code = derived.map(str::to_string).unwrap_or_else(|| e.cameo.clone());
                let recipients = e.recipients.clone();
                let g = &mut events[gi];
                g.rule = format!("{}+complement:{}->{code}", g.rule, g.cameo);
                g.cameo = code;
                if g.recipients.is_empty() {
                    g.recipients = recipients;
                }
                absorbed[ei] = true;
            }
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !absorbed[k - 1]
    });
    events.retain(|e| {
        // "demanded that Libya release the hostages": the release is demanded, not done
        let content = match tree.rel(e.trigger) {
            DepRel::Xcomp => true,
            DepRel::Ccomp => tree.mark_of(e.trigger).is_none_or(|m| m == "that"),
            // "agreed in a joint statement … to refrain from the use of force"
            DepRel::Advcl => tree.mark_of(e.trigger).as_deref() == Some("to"),
            _ => false,
        };
        if content && tree.head(e.trigger).is_some_and(|h| governing.contains(&h)) {
            return false;
        }
        // "renewed an appeal to Britain to extradite …", "rejected an ultimatum to hand over …":
        // the act a request, offer or ultimatum asks for is not done either
        let asked_for = tree.rel(e.trigger) == DepRel::Acl
            && tree.mark_of(e.trigger).as_deref() == Some("to")
            && tree
                .head(e.trigger)
                .is_some_and(|o| tree.upos(o) == Upos::Noun && tree.head(o).is_some_and(|h| governing.contains(&h)));
        if asked_for {
            return false;
        }
        if tree.upos(e.trigger) != Upos::Noun {
            return true;
        }
        // "cut its aid", "halted the talks": the object of a coded act is what it acts on
        if tree.rel(e.trigger) == DepRel::Obj && tree.head(e.trigger).is_some_and(|h| verbal.contains(&h)) {
            return false;
        }
        match carrier_verb(tree, e.trigger) {
            Some((v, _)) => !verbal.contains(&v),
            None => true,
        }
    });
}

/// "killed … in an attack by Kosovo Albanians": violence by an unnamed hand takes the doer
/// named in the nominal act that carries it, before that act is dropped as its duplicate.
fn doers_of_carried_violence(tree: &Tree, events: &mut [Event]) {
    let violent = |c: &str| matches!(c.get(..2), Some("18" | "19" | "20"));
    for ni in 0..events.len() {
        let n = &events[ni];
        if n.actors.is_empty() || !violent(&n.cameo) || tree.upos(n.trigger) != Upos::Noun {
            continue;
        }
        let Some((v, _)) = carrier_verb(tree, n.trigger) else { continue };
        let doers = n.actors.clone();
        for e in events.iter_mut() {
            if e.trigger == v && e.actors.is_empty() && violent(&e.cameo) {
                e.recipients.retain(|r| !doers.contains(r));
                e.actors = doers.clone();
                e.rule = format!("{}+doer-of-carried-act", e.rule.trim_end_matches("+unknown-source"));
            }
        }
    }
}

/// The means of an act of violence named around it: its obliques and subject ("in a car bomb
/// explosion", "a roadside bombing killed"), its doer ("Soviet aircraft … killed"), the act a
/// participle follows ("launched artillery fire …, killing 50"), with their modifiers.
fn means_words(tree: &Tree, e: &Event) -> Vec<String> {
    let t = e.trigger;
    let mut heads: Vec<u32> = vec![t];
    for &c in tree.children(t) {
        let rel = tree.rel(c);
        let via = matches!(rel, DepRel::Nsubj | DepRel::Obj)
            || (matches!(rel.base(), "obl" | "nmod") && matches!(tree.case_of(c).as_deref(), Some("in" | "with" | "by" | "from")));
        if via {
            heads.push(c);
        }
    }
    if matches!(tree.rel(t), DepRel::Advcl | DepRel::Xcomp) && tree.xpos(t) == "VBG" {
        if let Some(h) = tree.head(t) {
            heads.extend(tree.children_rel(h, &[DepRel::Obj]));
        }
    }
    heads.extend(e.actors.iter().map(|&a| tree.doc.actors[a as usize].head));
    let mut words = Vec::new();
    let mut frontier = heads;
    for _ in 0..3 {
        let mut next = Vec::new();
        for x in frontier {
            words.push(tree.lemma(x).to_lowercase());
            next.extend(
                tree.children(x)
                    .iter()
                    .copied()
                    .filter(|&c| matches!(tree.rel(c), DepRel::Compound | DepRel::Amod | DepRel::Conj | DepRel::Flat)),
            );
        }
        frontier = next;
    }
    words
}

/// CAMEO's violence codes by means: suicide (1831), vehicle (1832) and roadside (1833)
/// bombings, other bombings (183), aerial weapons (195), artillery and tanks (194), and a
/// killing in an attack (190). Only codes that leave the means open are refined.
fn violence_by_means(tree: &Tree, events: &mut [Event]) {
    const BOMB: &[&str] = &["bomb", "bombing", "explosion", "blast", "explosive", "ied", "device", "car-bomb"];
    const VEHICLE: &[&str] = &["car", "vehicle", "truck", "lorry", "van", "car-bomb"];
    const AIRCRAFT: &[&str] = &[
        "aircraft",
        "warplane",
        "jet",
        "helicopter",
        "gunship",
        "airstrike",
        "air-strike",
        "drone",
        "plane",
    ];
    const ARTILLERY: &[&str] = &["artillery", "shell", "shelling", "mortar", "rocket", "tank", "howitzer", "cannon"];
    for e in events.iter_mut() {
        if !matches!(e.cameo.as_str(), "180" | "182" | "1823" | "183" | "190" | "193") {
            continue;
        }
        let w = means_words(tree, e);
        let has = |set: &[&str]| w.iter().any(|x| set.contains(&x.as_str()));
        let bomb = has(BOMB) || w.iter().any(|x| x == "bomber");
        let code = if has(&["suicide"]) && bomb {
            "1831"
        } else if bomb && has(VEHICLE) {
            "1832"
        } else if bomb && has(&["roadside", "ied"]) {
            "1833"
        } else if has(AIRCRAFT) || (has(&["air"]) && has(&["strike", "raid", "attack"])) {
            "195"
        } else if has(ARTILLERY) {
            "194"
        } else if has(BOMB) {
            "183"
        } else if tree.lemma(e.trigger) != "attack" && has(&["attack"]) && matches!(e.cameo.as_str(), "180" | "182" | "1823") {
            "190"
        } else {
            continue;
        };
        if code != e.cameo {
            e.rule = format!("{}+means->{code}", e.rule);
            e.cameo = code.to_string();
        }
    }
}

/// "rejected calls for immediate economic aid" (1221), "rejected an ultimatum to hand over a
/// guard" (1213), "asked the EC for delivery of aid" (023): a generic appeal, intent, demand,
/// rejection or threat takes the kind of the act it is about even when that act has no doer
/// of its own in the text (so was not coded as an event): the act's pattern alone decides.
fn kinds_from_uncoded_complements(coder: &Coder, tree: &Tree, events: &mut [Event]) {
    for e in events.iter_mut() {
        let generic = matches!(e.cameo.as_str(), "020" | "030" | "100" | "120" | "130");
        // "asked Tehran to provide information": a request coded by its complement's verb alone
        // ("provide" among the verbs of aid) yields to what the complement says in full
        let by_complement_verb = !generic
            && matches!(e.cameo.get(..2), Some("02" | "03" | "10" | "12" | "13"))
            && e.rule
                .strip_prefix("pattern:")
                .and_then(|o| o.split('+').next())
                .and_then(|o| coder.patterns.by_origin(o))
                .is_some_and(|p| !p.xcomp.is_empty());
        if !(generic || by_complement_verb) || e.rule.contains("+complement") {
            continue;
        }
        let t = e.trigger;
        let mut acts: Vec<u32> = Vec::new();
        let content = |x: u32| {
            tree.children(x)
                .iter()
                .copied()
                .filter(|&c| {
                    matches!(tree.rel(c), DepRel::Acl | DepRel::Xcomp)
                        || (tree.rel(c).base() == "nmod" && matches!(tree.case_of(c).as_deref(), Some("for" | "of" | "on")))
                })
                .collect::<Vec<u32>>()
        };
        let objects: Vec<u32> = tree
            .children(t)
            .iter()
            .copied()
            .filter(|&c| {
                tree.upos(c) == Upos::Noun
                    && (tree.rel(c) == DepRel::Obj
                        || (tree.rel(c).base() == "obl" && matches!(tree.case_of(c).as_deref(), Some("for" | "to" | "on"))))
            })
            .collect();
        // what the request, proposal or ultimatum is for, then the clause, then the object
        for &o in &objects {
            acts.extend(content(o));
        }
        acts.extend(tree.children_rel(t, &[DepRel::Xcomp, DepRel::Ccomp]));
        // the infinitive the parse hung beside the request ("The opposition called on Ruto to
        // step down") or on it as a purpose ("asked Japan on Monday to help")
        if let Some(h) = tree.head(t) {
            acts.extend(
                tree.children(h)
                    .iter()
                    .copied()
                    .filter(|&c| c > t && sibling_request(tree, c) == Some(t)),
            );
        }
        if REQUESTS.contains(&tree.lemma(t)) {
            acts.extend(
                tree.children(t)
                    .iter()
                    .copied()
                    .filter(|&c| tree.rel(c) == DepRel::Advcl && tree.mark_of(c).as_deref() == Some("to")),
            );
        }
        acts.extend(&objects);
        for a in acts {
            let Some(pos) = trigger_pos(tree, a) else { continue };
            let Some(c) = best_pattern(coder, tree, a, pos, None) else {
                continue;
            };
            let act = if matches!(c.pattern.cameo.get(..2), Some("18" | "19")) && labour_strike(tree, a) {
                "143"
            } else {
                c.pattern.cameo.as_str()
            };
            // the act itself, not another request, promise or refusal ("reneged on his
            // commitment")
            if matches!(act.get(..2), Some("01" | "02" | "03" | "10" | "12" | "13")) {
                continue;
            }
            // only a complement coded by more than its verb overrides the verb's own reading
            if by_complement_verb && c.pattern.obj.is_empty() && c.pattern.particle.is_none() {
                continue;
            }
            if let Some(d) = family_code(&e.cameo, act).filter(|d| *d != e.cameo) {
                e.rule = format!("{}+complement-act:{act}->{d}", e.rule);
                e.cameo = d.to_string();
                break;
            }
        }
    }
}

/// What a protest, demand, appeal, promise, concession or rejection of political change is for:
/// CAMEO's fourth digit in 024x, 034x, 083x, 104x, 123x and 141x–145x.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Aim {
    /// x1: a change of leader ("demanding the resignation of the president")
    Leadership,
    /// x2: a change of policy ("over a controversial employment bill")
    Policy,
    /// x3: rights and freedoms ("to press their demands for greater freedom")
    Rights,
    /// x4: a change of institutions or regime ("calling for independence", "democratic reforms")
    Institutions,
    /// reform, no kind named ("accepted demands that it initiate political reforms")
    Reform,
}

/// Words naming each aim, by lemma; the first kind found in this order wins, so "boycott the
/// elections unless the president steps down" is for a change of leader.
const AIM_WORDS: &[(Aim, &[&str])] = &[
    (
        Aim::Leadership,
        &[
            "resign",
            "resignation",
            "removal",
            "oust",
            "ouster",
            "overthrow",
            "reinstate",
            "reinstatement",
            "impeach",
            "impeachment",
            "abdicate",
            "abdication",
        ],
    ),
    (
        Aim::Rights,
        &["right", "freedom", "liberty", "equality", "discrimination", "property"],
    ),
    (
        Aim::Institutions,
        &[
            "independence",
            "autonomy",
            "referendum",
            "constitution",
            "constitutional",
            "election",
            "electoral",
            "democracy",
            "democratic",
            "democratize",
            "democratise",
            "democratization",
            "democratisation",
            "self-determination",
            "secession",
            "sovereignty",
            "federalism",
            "judiciary",
            "monarchy",
            "republic",
            "coup",
            "caretaker",
        ],
    ),
    (
        Aim::Policy,
        &[
            "policy",
            "law",
            "bill",
            "legislation",
            "tax",
            "price",
            "wage",
            "pay",
            "pension",
            "subsidy",
            "budget",
            "austerity",
            "privatization",
            "privatisation",
            "decree",
            "regulation",
            "confiscation",
        ],
    ),
    (Aim::Reform, &["reform"]),
];

/// The clause an event's purpose is stated in: its trigger's subtree (or its carrier verb's, or
/// for a verb misread as a modifier, its object's), without the subject, what relative clauses
/// say of participants ("back to Bulgaria, where they face imprisonment") and names ("the
/// Democratic Republic of …").
fn purpose_clause(tree: &Tree, trigger: u32) -> Vec<u32> {
    let root = match carrier_verb(tree, trigger) {
        Some((v, true)) => v,
        // "supporters … blocked roads … demanding": a verb misread as a modifier of its object
        _ if tree.rel(trigger) == DepRel::Amod && tree.upos(trigger) != Upos::Noun => tree.head(trigger).unwrap_or(trigger),
        _ => trigger,
    };
    let aside: Vec<u32> = tree
        .tokens()
        .filter(|&x| {
            (tree.head(x) == Some(root) && matches!(tree.rel(x), DepRel::Nsubj | DepRel::NsubjPass))
                || (x != root && tree.rel(x) == DepRel::Parataxis)
                || (x != root && tree.rel(x) == DepRel::AclRelcl && tree.mark_of(x).is_none_or(|m| m != "to"))
                || (x != root && circumstance(tree, x))
        })
        .collect();
    tree.tokens()
        .filter(|&x| x != root && tree.dominates(root, x) && !aside.iter().any(|&s| tree.dominates(s, x)))
        .collect()
}

/// "in protest of", "in response to", "in demanding": a phrase that states a purpose, whatever
/// its preposition.
fn purpose_phrase(tree: &Tree, x: u32) -> bool {
    tree.upos(x) == Upos::Verb
        || matches!(
            tree.lemma(x),
            "protest" | "response" | "defiance" | "support" | "solidarity" | "opposition" | "retaliation" | "reaction" | "pursuit"
        )
}

/// A phrase of time or topic around an act ("ahead of the US election", "a conversation about
/// …"), not what the act is for. (Places are not set aside: the parser hangs purposes on them.)
fn circumstance(tree: &Tree, x: u32) -> bool {
    matches!(tree.rel(x).base(), "obl" | "nmod")
        && !purpose_phrase(tree, x)
        && matches!(
            tree.case_of(x).as_deref(),
            Some("during" | "before" | "after" | "ahead" | "ahead of" | "since" | "until" | "about" | "amid" | "following" | "despite")
        )
}

/// The aim named in the clause of an event, if any.
fn aim_of(tree: &Tree, trigger: u32, protest: bool) -> Option<Aim> {
    let mut region = purpose_clause(tree, trigger);
    region.retain(|&x| tree.upos(x) != Upos::Propn && !tree.xpos(x).starts_with("NNP"));
    let lemma = |x: u32| tree.lemma(x).to_lowercase();
    let found = |words: &[&str]| {
        region.iter().any(|&x| {
            let l = lemma(x);
            // "right" the noun, not "right-wing"; "step down"
            (words.contains(&l.as_str()) && (l != "right" || tree.upos(x) == Upos::Noun))
                || (words.contains(&"resign") && l == "step" && x + 1 < tree.tokens().end && tree.lower(x + 1) == "down")
        })
    };
    for &(aim, words) in AIM_WORDS {
        if found(words) {
            return Some(aim);
        }
        // a protest over arrests is a protest for rights; a protest for reforms, for a policy
        if protest && aim == Aim::Rights && found(&["arrest", "detention", "imprisonment"]) {
            return Some(Aim::Rights);
        }
    }
    None
}

/// "staged demonstrations to demand political reforms" (1412), "demanding that President
/// Mugabe abandon his policy" (1042): protests take the fourth digit of their aim, and a generic
/// appeal, promise, concession, demand or rejection aimed at political change becomes its
/// political-reform code.
fn political_aims(tree: &Tree, events: &mut [Event]) {
    for e in events.iter_mut() {
        let protest = matches!(e.cameo.as_str(), "141" | "142" | "143" | "144" | "145");
        let family = match e.cameo.as_str() {
            "020" | "024" => "024",
            "030" | "034" => "034",
            "080" | "083" => "083",
            "100" | "104" => "104",
            "120" | "123" => "123",
            _ if protest => "",
            _ => continue,
        };
        let Some(aim) = aim_of(tree, e.trigger, protest) else { continue };
        let digit = match aim {
            Aim::Leadership => "1",
            Aim::Policy => "2",
            Aim::Rights => "3",
            Aim::Institutions => "4",
            Aim::Reform if protest => "2",
            Aim::Reform => "",
        };
        let code = if protest {
            format!("{}{digit}", e.cameo)
        } else {
            format!("{family}{digit}")
        };
        if code != e.cameo {
            e.rule = format!("{}+aim:{:?}->{code}", e.rule, aim);
            e.cameo = code;
        }
    }
}

/// The domain of material cooperation or aid: the fourth digit of CAMEO's 021x, 031x, 101x,
/// 121x (cooperation) and 023x, 033x, 103x, 122x (aid), the third of 06x and 07x.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Material {
    Economic,
    Military,
    Judicial,
    Intelligence,
    Humanitarian,
    Protection,
}

/// Words naming each domain, by lemma. The first domain found in the order of the list a family
/// uses wins, so "a military presence to protect them" is protection and "emergency food aid to
/// refugees fleeing the civil war" humanitarian.
const MATERIAL_WORDS: &[(Material, &[&str])] = &[
    (
        Material::Protection,
        &[
            "peacekeeping",
            "peace-keeping",
            "peacekeeper",
            "peace-keeper",
            "protection",
            "protect",
            "escort",
        ],
    ),
    (
        Material::Humanitarian,
        &[
            "humanitarian",
            "food",
            "medicine",
            "medical",
            "medication",
            "relief",
            "refugee",
            "starvation",
            "famine",
            "hunger",
            "starve",
            "shelter",
            "tent",
            "blanket",
            "vaccine",
            "rice",
            "wheat",
            "grain",
            "flour",
        ],
    ),
    (
        Material::Judicial,
        &[
            "extradite",
            "extradition",
            "suspect",
            "fugitive",
            "criminal",
            "prosecute",
            "prosecution",
            "trial",
            "indictment",
        ],
    ),
    (Material::Intelligence, &["intelligence", "information", "evidence"]),
    (
        Material::Military,
        &[
            "military",
            "arms",
            "weapon",
            "weaponry",
            "ammunition",
            "missile",
            "tank",
            "helicopter",
            "warplane",
            "warship",
            "troop",
            "army",
            "navy",
            "naval",
            "defence",
            "defense",
        ],
    ),
    (
        Material::Economic,
        &[
            "economic",
            "economy",
            "financial",
            "finance",
            "fund",
            "funding",
            "money",
            "loan",
            "credit",
            "grant",
            "debt",
            "budget",
            "cash",
            "investment",
            "invest",
            "trade",
            "free-trade",
            "tariff",
            "export",
            "import",
            "commercial",
            "commerce",
        ],
    ),
];

/// The domain of material cooperation or aid named in an event's clause.
fn material_of(tree: &Tree, trigger: u32, aid: bool) -> Option<Material> {
    let mut region = purpose_clause(tree, trigger);
    region.push(trigger);
    // names are not domains ("the Asia-Pacific Economic Cooperation forum")
    region.retain(|&x| tree.upos(x) != Upos::Propn && !tree.xpos(x).starts_with("NNP"));
    let lemmas: Vec<String> = region.iter().map(|&x| tree.lemma(x).to_lowercase()).collect();
    let allowed = |m: Material| match m {
        Material::Humanitarian | Material::Protection => aid,
        Material::Judicial | Material::Intelligence => !aid,
        Material::Military | Material::Economic => true,
    };
    MATERIAL_WORDS
        .iter()
        .filter(|(m, _)| allowed(*m))
        .find(|(_, words)| lemmas.iter().any(|l| words.contains(&l.as_str())))
        .map(|(m, _)| *m)
}

/// "asked Portugal for help to finance …" (0231), "is ready to contribute troops to a
/// peacekeeping force" (0334), "rejected a proposal for a free-trade agreement" (1211): material
/// cooperation and aid coded without their domain take it from the words of their clause.
fn material_kinds(tree: &Tree, events: &mut [Event]) {
    for e in events.iter_mut() {
        let (aid, digits): (bool, &[(Material, &str)]) = match e.cameo.as_str() {
            "023" | "033" | "103" | "122" | "070" => (
                true,
                &[
                    (Material::Economic, "1"),
                    (Material::Military, "2"),
                    (Material::Humanitarian, "3"),
                    (Material::Protection, "4"),
                ],
            ),
            "021" | "031" | "101" | "060" => (
                false,
                &[
                    (Material::Economic, "1"),
                    (Material::Military, "2"),
                    (Material::Judicial, "3"),
                    (Material::Intelligence, "4"),
                ],
            ),
            "121" => (
                false,
                &[(Material::Economic, "1"), (Material::Military, "2"), (Material::Judicial, "3")],
            ),
            _ => continue,
        };
        let Some(m) = material_of(tree, e.trigger, aid) else { continue };
        let Some((_, d)) = digits.iter().find(|(k, _)| *k == m) else {
            continue;
        };
        // 060 and 070 are families of three digits: 061-064, 071-074
        let code = match e.cameo.strip_suffix('0') {
            Some(stem) if stem.len() == 2 => format!("{stem}{d}"),
            _ => format!("{}{d}", e.cameo),
        };
        e.rule = format!("{}+domain:{m:?}->{code}", e.rule);
        e.cameo = code;
    }
}

/// Give `e` the code `code`, noting in its rule why and what it was ("+crowd:171->145").
fn recode(e: &mut Event, why: &str, code: &str) {
    e.rule = format!("{}+{why}:{}->{code}", e.rule, e.cameo);
    e.cameo = code.to_string();
}

/// "Rioters looted shops", "protesters attacked the police", "truck drivers blockaded the border":
/// violence or obstruction by a crowd of protesters is violent protest (145) or obstruction (144);
/// a demand made "to demand" or "demanding" by such an act is that protest's aim, not an event of
/// its own.
fn crowds_in_protest(tree: &Tree, events: &mut Vec<Event>) {
    const CROWD: &[&str] = &[
        "rioter",
        "mob",
        "protester",
        "protestor",
        "demonstrator",
        "crowd",
        "looter",
        "marcher",
        "driver",
        "trucker",
        "farmer",
    ];
    let crowd = |e: &Event| {
        !e.actors.is_empty()
            && e.actors.iter().all(|&a| {
                let m = &tree.doc.actors[a as usize];
                CROWD.contains(&tree.lemma(m.head).to_lowercase().as_str())
                    && !matches!(m.code.sector.as_str(), "MIL" | "COP" | "REB" | "GOV")
            })
    };
    for e in events.iter_mut() {
        let to = match e.cameo.get(..3) {
            _ if e.cameo == "191" => Some("144"),
            Some("170" | "171" | "175" | "180" | "182" | "190" | "193") => Some("145"),
            _ => None,
        };
        if let Some(c) = to.filter(|_| crowd(e)) {
            recode(e, "crowd", c);
        }
    }
    // the protest's own demand, hung on the protest or (misparsed) on its subject
    let protests: Vec<(u32, Vec<u32>)> = events
        .iter()
        .filter(|e| e.cameo.starts_with("14"))
        .map(|e| (e.trigger, subject_of(tree, e.trigger, 0)))
        .collect();
    let own_demand = |e: &Event| -> Option<u32> {
        if !e.cameo.starts_with("10") || !matches!(tree.rel(e.trigger), DepRel::Advcl | DepRel::Xcomp | DepRel::Acl) {
            return None;
        }
        let h = tree.head(e.trigger)?;
        protests.iter().find(|(t, subj)| *t == h || subj.contains(&h)).map(|(t, _)| *t)
    };
    let absorbed: Vec<(u32, String)> = events.iter().filter_map(|e| own_demand(e).map(|p| (p, e.cameo.clone()))).collect();
    events.retain(|e| own_demand(e).is_none());
    // a change of leader, policy, rights or institutions demanded is the protest's aim
    for (p, demand) in absorbed {
        let Some(digit) = demand.strip_prefix("104").filter(|d| d.len() == 1) else {
            continue;
        };
        if let Some(e) = events.iter_mut().find(|e| e.trigger == p && e.cameo.len() == 3) {
            e.rule = format!("{}+aim-of-demand:{demand}", e.rule);
            e.cameo = format!("{}{digit}", e.cameo);
        }
    }
}

/// "warned that the situation could deteriorate": a warning about how things stand, addressed to
/// no one, is a pessimistic comment (012), not a criticism (111).
fn warnings_about_things(tree: &Tree, events: &mut [Event]) {
    for e in events.iter_mut() {
        if e.cameo == "111"
            && e.recipients.is_empty()
            && matches!(tree.lemma(e.trigger), "warn" | "caution")
            && direct_objects(tree, e.trigger).is_empty()
            && tree.children_rel(e.trigger, &[DepRel::Ccomp]).any(|c| {
                // about things ("the situation could deteriorate"), not about what a party will
                // do ("police will no longer tolerate rallies")
                tree.children_rel(c, &[DepRel::Nsubj, DepRel::NsubjPass])
                    .all(|s| tree.mentions_at(s).is_empty())
            })
        {
            recode(e, "warning", "012");
        }
    }
}

/// "France and Chad conducted joint patrols": exercises or patrols held together by two or more
/// countries are military cooperation (062), not a show of force (150).
fn joint_exercises(tree: &Tree, events: &mut [Event]) {
    for e in events.iter_mut() {
        if e.cameo != "150" {
            continue;
        }
        let mut countries: Vec<&str> = e
            .actors
            .iter()
            .map(|&a| tree.doc.actors[a as usize].code.country.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        countries.sort_unstable();
        countries.dedup();
        let joint = direct_objects(tree, e.trigger).iter().any(|&o| {
            tree.children(o)
                .iter()
                .any(|&c| matches!(tree.lower(c).as_str(), "joint" | "combined" | "bilateral"))
        });
        if countries.len() >= 2 || joint {
            recode(e, "joint", "062");
        }
    }
}

/// "The authorities pressured Uyghur families": pressure with nothing asked for is coercion (170),
/// not a demand (100).
fn pressure_without_demand(tree: &Tree, events: &mut [Event]) {
    for e in events.iter_mut() {
        let asks = tree.children(e.trigger).iter().any(|&c| {
            matches!(tree.rel(c), DepRel::Xcomp | DepRel::Ccomp)
                || (tree.rel(c) == DepRel::Advcl && tree.mark_of(c).as_deref() == Some("to"))
                || matches!(tree.case_of(c).as_deref(), Some("for" | "into" | "over"))
        });
        if e.cameo == "100" && tree.lemma(e.trigger) == "pressure" && tree.upos(e.trigger) == Upos::Verb && !asks {
            recode(e, "no-demand", "170");
        }
    }
}

/// "Militants bombed a church": bombing by armed groups without aircraft is CAMEO's 183
/// (non-military bombing), not an aerial attack (195).
fn bombings_by_armed_groups(tree: &Tree, events: &mut [Event]) {
    for e in events.iter_mut() {
        if e.cameo != "195" || !matches!(tree.lemma(e.trigger), "bomb" | "bombing") {
            continue;
        }
        let armed_group = !e.actors.is_empty()
            && e.actors.iter().all(|&a| {
                let c = &tree.doc.actors[a as usize].code;
                matches!(c.sector.as_str(), "REB" | "INS" | "CRM" | "SEP" | "RAD")
            });
        let aircraft = tree.tokens().any(|x| {
            matches!(
                tree.lemma(x).to_lowercase().as_str(),
                "air" | "jet" | "aircraft" | "warplane" | "plane" | "drone" | "helicopter" | "airstrike" | "bomber"
            )
        });
        if armed_group && !aircraft {
            recode(e, "armed-group", "183");
        }
    }
}

/// "Prosecutors charged the former president with corruption": a charge brought by prosecutors,
/// courts or the police is legal action (173), not an accusation (112x).
fn legal_charges(tree: &Tree, events: &mut [Event]) {
    for e in events.iter_mut() {
        if !e.cameo.starts_with("112") || !matches!(tree.lemma(e.trigger), "charge" | "indict") || tree.upos(e.trigger) != Upos::Verb {
            continue;
        }
        let legal = e
            .actors
            .iter()
            .any(|&a| matches!(tree.doc.actors[a as usize].code.sector.as_str(), "JUD" | "COP"));
        if legal {
            recode(e, "legal-charge", "173");
        }
    }
}

/// "Teachers were striking", "the unions threatened to strike": workers who strike with nothing
/// struck are on a labour strike (143), not attacking.
fn labour_strike(tree: &Tree, t: u32) -> bool {
    tree.lemma(t) == "strike"
        && tree.upos(t) == Upos::Verb
        && direct_objects(tree, t).is_empty()
        && !tree.is_passive(t)
        && prep_dependents(tree, t, "at").is_empty()
        && subject_of(tree, t, 0).iter().any(|&s| {
            matches!(
                tree.lemma(s).to_lowercase().as_str(),
                "worker"
                    | "union"
                    | "teacher"
                    | "doctor"
                    | "nurse"
                    | "miner"
                    | "employee"
                    | "staff"
                    | "driver"
                    | "pilot"
                    | "docker"
                    | "labourer"
                    | "laborer"
                    | "farmer"
                    | "trucker"
                    | "professor"
                    | "lecturer"
                    | "journalist"
            ) || tree
                .mentions_at(s)
                .iter()
                .any(|&m| matches!(tree.doc.actors[m as usize].code.sector.as_str(), "LAB" | "EDU"))
        })
}

/// "Police halted the opposition march", "troops dispersed the protesters": the police or the army
/// ending others' dissent restrict it (172) or repress it (175); CAMEO's 082 is dissenters
/// easing their own.
fn authorities_stopping_dissent(tree: &Tree, events: &mut [Event]) {
    for e in events.iter_mut() {
        if e.cameo != "082" {
            continue;
        }
        let security = e
            .actors
            .iter()
            .any(|&a| matches!(tree.doc.actors[a as usize].code.sector.as_str(), "COP" | "MIL"));
        if !security || (direct_objects(tree, e.trigger).is_empty() && tree.lemma(e.trigger) == "disperse") {
            continue;
        }
        let code = if tree.lemma(e.trigger) == "disperse" { "175" } else { "172" };
        recode(e, "authorities", code);
    }
}

/// "demanded an end to the protests" (1052), "called for a halt to the sanctions" (0254): a
/// yielding asked for, promised or refused through a generic "end", "halt" or "lifting" takes its
/// fourth digit from what is to end (CAMEO's 025x, 035x, 105x and 124x: 1 administrative
/// sanctions, 2 popular dissent, 4 economic sanctions, 6 military engagement).
fn yield_kinds(tree: &Tree, events: &mut [Event]) {
    const KINDS: &[(&str, &[&str])] = &[
        (
            "1",
            &["curfew", "restriction", "ban", "emergency", "martial", "censorship", "blackout"],
        ),
        (
            "2",
            &[
                "protest",
                "strike",
                "demonstration",
                "agitation",
                "unrest",
                "dissent",
                "riot",
                "boycott",
                "sit-in",
                "march",
                "rally",
            ],
        ),
        ("4", &["sanction", "embargo", "tariff", "blockade"]),
        (
            "6",
            &[
                "fighting",
                "hostility",
                "violence",
                "war",
                "offensive",
                "bombing",
                "shelling",
                "attack",
                "occupation",
                "siege",
            ],
        ),
    ];
    for e in events.iter_mut() {
        let Some(family) = ["025", "035", "105", "124"].into_iter().find(|f| e.cameo.starts_with(f)) else {
            continue;
        };
        // what ends: the "to"/"of" phrase of a generic ending noun near the trigger
        let enders: Vec<u32> = std::iter::once(e.trigger)
            .chain(tree.children(e.trigger).iter().copied())
            .filter(|&x| {
                matches!(
                    tree.lemma(x),
                    "end" | "halt" | "cessation" | "stop" | "lifting" | "removal" | "suspension"
                )
            })
            .collect();
        let mut things: Vec<String> = enders
            .iter()
            .flat_map(|&x| tree.children(x).to_vec())
            .filter(|&c| matches!(tree.case_of(c).as_deref(), Some("to" | "of")))
            .map(|c| tree.lemma(c).to_lowercase())
            .collect();
        // "called on demonstrators to stop the protests": what the verb of ending ends
        for c in tree.children(e.trigger).iter().copied() {
            if matches!(tree.rel(c), DepRel::Xcomp | DepRel::Advcl | DepRel::Ccomp)
                && matches!(
                    tree.lemma(c),
                    "stop" | "end" | "halt" | "cease" | "suspend" | "lift" | "remove" | "ease" | "abandon"
                )
            {
                things.extend(direct_objects(tree, c).into_iter().map(|o| tree.lemma(o).to_lowercase()));
            }
        }
        let Some((digit, _)) = KINDS.iter().find(|(_, words)| things.iter().any(|t| words.contains(&t.as_str()))) else {
            continue;
        };
        let code = format!("{family}{digit}");
        if code != e.cameo {
            e.rule = format!("{}+yield-kind->{code}", e.rule);
            e.cameo = code;
        }
    }
}

/// "The Bush administration declared that China must drop barriers": a statement that another
/// party must act is a demand (100) on that party, even when the act itself is not coded (when
/// it is, the obligation already made a finer demand with the same trigger).
fn statements_of_obligation(tree: &Tree, events: &mut [Event]) {
    let doc = tree.doc;
    let demanded: Vec<u32> = events
        .iter()
        .filter(|e| e.rule.starts_with("obligation:"))
        .map(|e| e.trigger)
        .collect();
    let coded: Vec<(u32, String)> = events.iter().map(|e| (e.trigger, e.cameo.clone())).collect();
    for e in events.iter_mut() {
        if !matches!(e.cameo.as_str(), "010" | "012" | "013" | "017" | "019") || demanded.contains(&e.trigger) || e.actors.is_empty() {
            continue;
        }
        let t = e.trigger;
        // the "that" clause, also where the parser hung it on a word after the verb ("said here
        // Wednesday that the US must …")
        let mut clauses: Vec<u32> = tree.children_rel(t, &[DepRel::Ccomp]).collect();
        for &k in tree.children(t) {
            clauses.extend(
                tree.children_rel(k, &[DepRel::Acl, DepRel::Ccomp])
                    .filter(|&c| c > t && tree.mark_of(c).as_deref() == Some("that")),
            );
        }
        for c in clauses {
            if tree.mark_of(c).is_some_and(|m| m != "that") {
                continue;
            }
            let must = tree
                .children_rel(c, &[DepRel::Aux])
                .any(|a| matches!(tree.lower(a).as_str(), "must" | "should" | "ought"))
                || (matches!(tree.lemma(c), "need" | "have")
                    && tree
                        .children_rel(c, &[DepRel::Xcomp])
                        .any(|x| tree.mark_of(x).as_deref() == Some("to")));
            if !must || tree.is_negated(c) {
                continue;
            }
            let mut targets: Vec<u32> = tree
                .children_rel(c, &[DepRel::Nsubj])
                .flat_map(|s| std::iter::once(s).chain(tree.conjuncts(s)).collect::<Vec<_>>())
                .flat_map(|x| mentions_in_phrase(tree, x, 0, t))
                .collect();
            targets.retain(|&m| {
                let code = &doc.actors[m as usize].code;
                !code.country.is_empty() && !e.actors.iter().any(|&a| doc.actors[a as usize].code == *code)
            });
            if !targets.is_empty() {
                // the kind of demand follows the act demanded, when it is coded ("must be
                // ready to mediate" is 108)
                let code = coded
                    .iter()
                    .find(|(tr, _)| *tr == c)
                    .and_then(|(_, k)| demand_code(k))
                    .unwrap_or("100");
                recode(e, "obligation", code);
                e.recipients = targets;
                break;
            }
        }
    }
}

/// The code of the governing kind (appeal 02, intent 03, demand 10, refusal 12, threat 13) for
/// the act `act` it is about, from CAMEO's parallel sub-code structure.
fn family_code(governing: &str, act: &str) -> Option<&'static str> {
    match governing.get(..2)? {
        "10" => demand_code(act),
        "02" => demand_code(act).and_then(appeal_of_demand),
        // "rejected calls for immediate economic aid": refusing a request refuses its act
        "12" => refusal_code(act).or_else(|| refusal_of_request(act)),
        "13" => threat_code(act),
        "03" => intent_code(act),
        _ => None,
    }
}

/// The rejection (12x) of a request: an appeal (02x) or demand (10x) for an act refused.
fn refusal_of_request(request: &str) -> Option<&'static str> {
    const PAIRS: &[(&str, &str)] = &[
        ("101", "121"),
        ("1011", "1211"),
        ("1012", "1212"),
        ("1013", "121"),
        ("1014", "121"),
        ("103", "122"),
        ("1031", "1221"),
        ("1032", "1222"),
        ("1033", "1223"),
        ("1034", "1224"),
        ("104", "123"),
        ("1041", "1231"),
        ("1042", "1232"),
        ("1043", "1233"),
        ("1044", "1234"),
        ("105", "124"),
        ("1051", "1241"),
        ("1052", "1242"),
        ("1053", "1243"),
        ("1054", "1244"),
        ("1055", "1245"),
        ("1056", "1246"),
        ("106", "125"),
        ("107", "127"),
        ("108", "126"),
    ];
    // appeals mirror demands
    let demand = if request.starts_with("02") {
        APPEAL_OF_DEMAND.iter().find(|(_, a)| *a == request)?.0
    } else {
        PAIRS.iter().find(|(d, _)| *d == request)?.0
    };
    PAIRS.iter().find(|(d, _)| *d == demand).map(|(_, r)| *r)
}

/// CAMEO's appeals (02x) mirror its demands (10x): 1031 "demand economic aid" is 0231 "appeal
/// for economic aid".
fn appeal_of_demand(demand: &'static str) -> Option<&'static str> {
    APPEAL_OF_DEMAND.iter().find(|(d, _)| *d == demand).map(|(_, a)| *a)
}

/// Demand (10x) and appeal (02x) codes for the same request.
const APPEAL_OF_DEMAND: &[(&str, &str)] = &[
    ("100", "020"),
    ("101", "021"),
    ("1011", "0211"),
    ("1012", "0212"),
    ("1013", "0213"),
    ("1014", "0214"),
    ("102", "022"),
    ("103", "023"),
    ("1031", "0231"),
    ("1032", "0232"),
    ("1033", "0233"),
    ("1034", "0234"),
    ("104", "024"),
    ("1041", "0241"),
    ("1042", "0242"),
    ("1043", "0243"),
    ("1044", "0244"),
    ("105", "025"),
    ("1051", "0251"),
    ("1052", "0252"),
    ("1053", "0253"),
    ("1054", "0254"),
    ("1055", "0255"),
    ("1056", "0256"),
    ("106", "026"),
    ("107", "027"),
    ("108", "028"),
];

/// Is `x` inside the complement of `g` ("promised [to continue [military aid]]")?
fn in_complement(tree: &Tree, mut x: u32, g: u32) -> bool {
    for _ in 0..3 {
        let Some(h) = tree.head(x) else { return false };
        if !matches!(tree.rel(x), DepRel::Xcomp | DepRel::Obj | DepRel::Ccomp | DepRel::Nmod) {
            return false;
        }
        if h == g {
            return true;
        }
        x = h;
    }
    false
}

fn trigger_pos(tree: &Tree, t: u32) -> Option<TriggerPos> {
    match tree.upos(t) {
        Upos::Verb => Some(TriggerPos::Verb),
        Upos::Noun => Some(TriggerPos::Noun),
        Upos::Adj if misread_main_verb(tree, t).is_some() => Some(TriggerPos::Verb),
        Upos::Adj => Some(TriggerPos::Adj),
        _ => None,
    }
}

/// "hunger - strike", "car bomb": the joined modifier-head forms the dictionary writes with a
/// hyphen (the tokenizer splits hyphens as UD does).
fn compound_forms(tree: &Tree, t: u32) -> Vec<String> {
    let mut out = Vec::new();
    for &c in tree.children(t) {
        if c < t && matches!(tree.rel(c), DepRel::Compound | DepRel::Amod) && c + 2 >= t {
            let between_ok = c + 1 == t || tree.text(c + 1) == "-";
            if between_ok {
                out.push(format!("{}-{}", tree.lower(c), tree.lemma(t).to_lowercase()));
            }
        }
    }
    out
}

/// Irregular past forms of English verbs and their bases (facts of English), for words the
/// lemmatizer or tagger does not know ("undertook", "overran", "withdrew", "forbade").
const IRREGULAR_PAST: &[(&str, &str)] = &[
    ("took", "take"),
    ("taken", "take"),
    ("came", "come"),
    ("went", "go"),
    ("gave", "give"),
    ("given", "give"),
    ("held", "hold"),
    ("broke", "break"),
    ("broken", "break"),
    ("stood", "stand"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("fought", "fight"),
    ("struck", "strike"),
    ("sought", "seek"),
    ("brought", "bring"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("met", "meet"),
    ("led", "lead"),
    ("sent", "send"),
    ("spent", "spend"),
    ("built", "build"),
    ("kept", "keep"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("told", "tell"),
    ("sold", "sell"),
    ("shot", "shoot"),
    ("won", "win"),
    ("began", "begin"),
    ("begun", "begin"),
    ("ran", "run"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("wrote", "write"),
    ("written", "write"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fled", "flee"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("swept", "sweep"),
    ("bade", "bid"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("stuck", "stick"),
    ("hung", "hang"),
    ("dug", "dig"),
    ("bound", "bind"),
    ("found", "find"),
    ("ground", "grind"),
    ("wound", "wind"),
    ("fed", "feed"),
    ("bled", "bleed"),
    ("overran", "overrun"),
    ("beat", "beat"),
    ("beaten", "beat"),
    ("bit", "bite"),
    ("bitten", "bite"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("saw", "see"),
    ("seen", "see"),
    ("knew", "know"),
    ("known", "know"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("blew", "blow"),
    ("blown", "blow"),
];

/// Irregular simple-past forms that are not also adjectives or participles read as modifiers
/// ("undertook", "withdrew"; not "left", "found", "broken").
fn simple_past(lower: &str) -> bool {
    const PAST: &[&str] = &[
        "took", "came", "went", "gave", "broke", "drew", "fought", "struck", "sought", "began", "ran", "threw", "wrote", "spoke", "chose",
        "froze", "stole", "swore", "drove", "fled", "sank", "shook", "forbade", "slew", "tore", "knew", "grew", "flew", "blew",
    ];
    PAST.iter().any(|p| lower.ends_with(p))
}

/// The base of an irregular past form, keeping a prefix ("undertook" → "undertake",
/// "withdrew" → "withdraw", "overthrew" → "overthrow").
fn irregular_base(lower: &str) -> Option<String> {
    IRREGULAR_PAST
        .iter()
        .filter(|(past, _)| lower.ends_with(past))
        .max_by_key(|(past, _)| past.len())
        .map(|(past, base)| format!("{}{base}", &lower[..lower.len() - past.len()]))
        .filter(|b| b != lower)
}

/// The lemma, then forms derived from the word itself, so that a lemmatizer slip ("blamed" →
/// "blam") does not hide a trigger.
fn lemma_candidates(lemma: &str, lower: &str, pos: TriggerPos) -> Vec<String> {
    let mut out = vec![lemma.to_lowercase()];
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    push(lower.to_string());
    match pos {
        TriggerPos::Verb => {
            // "undertook", "overran", "withdrew": an irregular past, with its prefix
            if let Some(base) = irregular_base(lower) {
                push(base);
            }
            for suffix in ["ed", "ing", "es", "s"] {
                if let Some(stem) = lower.strip_suffix(suffix) {
                    if stem.len() >= 2 {
                        push(stem.to_string());
                        push(format!("{stem}e"));
                        let b = stem.as_bytes();
                        if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                            push(stem[..stem.len() - 1].to_string()); // "shelled" → "shell", "planned" → "plan"
                        }
                        if let Some(y) = stem.strip_suffix('i') {
                            push(format!("{y}y")); // "denied" → "deny"
                        }
                    }
                }
            }
        }
        // "aides" is the plural of "aide", not of "aid": the lemmatizer's own singular wins
        TriggerPos::Noun if lemma.to_lowercase() != lower => {}
        TriggerPos::Noun => {
            if let Some(stem) = lower.strip_suffix("ies") {
                push(format!("{stem}y"));
            }
            if let Some(stem) = lower.strip_suffix("es") {
                push(stem.to_string());
            }
            if let Some(stem) = lower.strip_suffix('s') {
                push(stem.to_string());
            }
        }
        TriggerPos::Adj => {}
    }
    out
}

/// Does a pattern's constraint hold at trigger `t`? Returns the number of constraints when all do.
fn constraints_hold(tree: &Tree, t: u32, p: &VerbPattern) -> Result<u32, String> {
    let mut n = 0;
    if let Some(prt) = &p.particle {
        let ok = tree
            .children(t)
            .iter()
            .any(|&c| matches!(tree.rel(c), DepRel::CompoundPrt | DepRel::Advmod | DepRel::Case) && tree.lower(c) == *prt)
            // "handed over 700 kg of medicine": the particle right after the verb, whatever
            // the parser made of it ("over 700")
            || (t + 1 < tree.tokens().end
                && tree.lower(t + 1) == *prt
                && matches!(tree.upos(t + 1), Upos::Adv | Upos::Adp | Upos::Part));
        if !ok {
            return Err(format!("no particle '{prt}'"));
        }
        n += 2;
    }
    if p.cameo == "041" && p.pos == TriggerPos::Verb {
        // "called the move unjustified", "what he called a heinous murder": a verb with a
        // secondary predicate names something; "a strike called by the union" is no call either
        let names = tree
            .children_rel(t, &[DepRel::Xcomp])
            .any(|x| !(tree.upos(x) == Upos::Verb && tree.mark_of(x).is_some_and(|m| m == "to")))
            || tree.children_rel(t, &[DepRel::Obj]).count() >= 2;
        if names || tree.is_passive(t) {
            return Err("names or is called, not a telephone call".to_string());
        }
    }
    if p.pos == TriggerPos::Verb
        && matches!(p.lemma.as_str(), "swear" | "swore" | "sworn")
        && tree.children_rel(t, &[DepRel::Xcomp, DepRel::Ccomp, DepRel::Obj]).next().is_none()
    {
        // "swore at the officer": cursing, not a vow
        return Err("swears at no promise".to_string());
    }
    if p.obj_none && !direct_objects(tree, t).is_empty() {
        // "demonstrate a factual basis", "demonstrated its resolve": to show, not to protest
        return Err("has a direct object".to_string());
    }
    if p.obj_party {
        // "held three activists", not "held a press conference" or "held the highest office"
        let objs = object_of(tree, t);
        let named = objs
            .iter()
            .flat_map(|&o| std::iter::once(o).chain(tree.conjuncts(o)))
            .flat_map(|o| {
                // "thousands of Tamil refugees": a quantity's "of" phrase names them
                let quantity = tree.upos(o) == Upos::Num || QUANTITY_HEADS.contains(&tree.lemma(o));
                let of: Vec<u32> = if quantity {
                    tree.children(o)
                        .iter()
                        .copied()
                        .filter(|&c| tree.case_of(c).as_deref() == Some("of"))
                        .collect()
                } else {
                    Vec::new()
                };
                std::iter::once(o).chain(of)
            })
            // (or people named by a personal pronoun: "released him")
            .any(|o| {
                !tree.mentions_at(o).is_empty()
                    || (tree.upos(o) == Upos::Pron && matches!(tree.lower(o).as_str(), "him" | "her" | "them" | "us" | "me"))
            });
        if !named {
            return Err("object names no party".to_string());
        }
        n += 1;
    }
    if !p.obj.is_empty() {
        // the object and the words that carry its meaning when the tagger slips ("a night
        // curfew" with curfew as an adjective; "ten days of war games")
        let objs: Vec<u32> = if let Some((_, o)) = misread_main_verb(tree, t) {
            vec![o]
        } else if tree.is_passive(t) && !stative_passive(tree, t) {
            tree.children_rel(t, &[DepRel::NsubjPass]).collect()
        } else {
            let direct = direct_objects(tree, t);
            tree.children(t)
                .iter()
                .copied()
                .filter(|&c| match tree.rel(c) {
                    _ if direct.contains(&c) => true,
                    DepRel::Obj | DepRel::OblUnmarked | DepRel::OblNpmod | DepRel::Iobj => true,
                    DepRel::Obl => tree.case_of(c).is_none(),
                    _ => false,
                })
                .collect()
        };
        // (token, weight): the object itself counts most, "of" complements of quantity heads
        // next, modifiers least
        let mut cands: Vec<(u32, u32)> = Vec::new();
        for o in objs {
            for x in std::iter::once(o).chain(tree.conjuncts(o)) {
                cands.push((x, 3));
                for &c in tree.children(x) {
                    if tree.rel(c) == DepRel::Nmod && tree.case_of(c).as_deref() == Some("of") {
                        cands.push((c, 2));
                    } else if matches!(tree.rel(c), DepRel::Compound | DepRel::Amod) && !matches!(tree.upos(x), Upos::Noun | Upos::Propn) {
                        // only when the tagger missed the object noun ("a night curfew" with curfew as ADJ)
                        cands.push((c, 1));
                    }
                }
            }
        }
        let best = cands
            .iter()
            .filter(|&&(o, _)| {
                let lower = tree.lower(o);
                let lemma = tree.lemma(o).to_lowercase();
                let singular = lower.strip_suffix('s').unwrap_or(&lower);
                let joined = compound_forms(tree, o);
                p.obj
                    .iter()
                    .any(|l| *l == lemma || *l == lower || l == singular || joined.contains(l))
            })
            .map(|&(_, w)| w)
            .max();
        let ok = best.is_some();
        n += best.unwrap_or(0);
        if !ok {
            return Err(format!("object is not {}", p.obj.join("|")));
        }
    }
    if !p.xcomp.is_empty() {
        let ok = tree
            .children_rel(t, &[DepRel::Xcomp, DepRel::Ccomp, DepRel::Advcl])
            .any(|x| p.xcomp.iter().any(|l| l == tree.lemma(x)));
        if !ok {
            return Err(format!("no complement {}", p.xcomp.join("|")));
        }
        n += 2;
    }
    for prep in &p.preps {
        let deps = prep_dependents(tree, t, prep);
        match p.prep_lemmas_for(prep) {
            Some(lemmas) => {
                // the head word, its plural-less form or a compound ("hunger-strike")
                let fits = |d: u32| {
                    let lower = tree.lower(d);
                    let singular = lower.strip_suffix('s').unwrap_or(&lower).to_string();
                    let joined = compound_forms(tree, d);
                    lemmas
                        .iter()
                        .any(|l| l == tree.lemma(d) || *l == lower || *l == singular || joined.contains(l))
                };
                if !deps.iter().flat_map(|&d| std::iter::once(d).chain(tree.conjuncts(d))).any(fits) {
                    return Err(format!("no '{prep} {}' dependent", lemmas.join("|")));
                }
                n += 2;
            }
            None => {
                // "called Putin on Tuesday": a date is no argument
                let deps: Vec<u32> = deps.into_iter().filter(|&d| !is_temporal(tree, d)).collect();
                if deps.is_empty() && !tree.children(t).iter().any(|&c| tree.mark_of(c).as_deref() == Some(prep.as_str())) {
                    return Err(format!("no '{prep}' dependent"));
                }
                n += 1;
            }
        }
    }
    Ok(n)
}

/// The pattern that codes the word at `t`: a compound noun first ("air-strike", "military-aid",
/// "hunger-strike"), then the word's lemma and forms; the first form whose patterns hold wins,
/// and among them the most specific.
fn best_pattern<'c>(coder: &'c Coder, tree: &Tree, t: u32, pos: TriggerPos, mut trace: Option<&mut Trace>) -> Option<Candidate<'c>> {
    let mut forms = if pos == TriggerPos::Noun {
        compound_forms(tree, t)
    } else {
        Vec::new()
    };
    forms.extend(lemma_candidates(tree.lemma(t), &tree.lower(t), pos));
    let mut best: Option<Candidate> = None;
    let mut tried: Vec<u32> = Vec::new();
    for form in &forms {
        for &i in coder.patterns.for_lemma(pos, form) {
            if tried.contains(&i) {
                continue;
            }
            tried.push(i);
            let p = &coder.patterns.patterns[i as usize];
            match constraints_hold(tree, t, p) {
                Ok(n) => {
                    let specificity = n * 10 + p.weight as u32;
                    if best.as_ref().is_none_or(|b| specificity > b.specificity) {
                        best = Some(Candidate { pattern: p, specificity });
                    }
                }
                Err(why) => {
                    if let Some(tr) = trace.as_deref_mut() {
                        tr.push(format!("  '{}' {} {}: {why}", tree.text(t), p.cameo, p.origin));
                    }
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    best
}

fn code_trigger(coder: &Coder, tree: &Tree, sentence: u32, t: u32, extra: &mut Vec<Event>, mut trace: Option<&mut Trace>) -> Option<Event> {
    let pos = trigger_pos(tree, t)?;
    if pos == TriggerPos::Noun
        && tree.mentions_at(t).iter().any(|&m| {
            let a = &tree.doc.actors[m as usize];
            // "Palestinian riots" is a riot by Palestinians, not an actor named "riots"
            a.head == t && (!a.code.sector.is_empty() || !a.code.org.is_empty() || a.name.is_some() || a.antecedent.is_some())
        })
    {
        return None; // "peacekeepers", "protesters": an actor, not an event
    }
    // "the prospects for a deal", "the chances of a ceasefire": an act only spoken of as possible
    let in_prospect = |h: u32| {
        matches!(
            tree.lemma(h),
            "prospect" | "chance" | "hope" | "possibility" | "likelihood" | "odds" | "rumor" | "rumour" | "speculation"
        )
    };
    // (by the parse, or by the words before it however the parse hung it: "prospects for a deal")
    let words_before = {
        let mut x = t;
        while x > tree.first && matches!(tree.upos(x - 1), Upos::Det | Upos::Adj) {
            x -= 1;
        }
        x >= tree.first + 2 && matches!(tree.lower(x - 1).as_str(), "for" | "of") && in_prospect(x - 2)
    };
    if pos == TriggerPos::Noun && ((matches!(tree.rel(t).base(), "nmod") && tree.head(t).is_some_and(in_prospect)) || words_before) {
        if let Some(tr) = trace.as_deref_mut() {
            tr.push(format!("  '{}': only spoken of as possible, no act", tree.text(t)));
        }
        return None;
    }
    // "London's murder tally", "aid workers", "the protest movement": a noun modifying another
    // noun names a kind of thing, not an act that took place
    if pos == TriggerPos::Noun
        && tree.rel(t) == DepRel::Compound
        && tree
            .head(t)
            .is_some_and(|h| h > t && matches!(tree.upos(h), Upos::Noun | Upos::Propn))
    {
        if let Some(tr) = trace.as_deref_mut() {
            tr.push(format!("  '{}': a modifier of another noun, no act", tree.text(t)));
        }
        return None;
    }
    let cand = best_pattern(coder, tree, t, pos, trace.as_deref_mut())?;
    let p = cand.pattern;
    let mut sources = find_parties(tree, t, pos, &p.source, true);
    if sources.is_empty() && pos == TriggerPos::Noun && !p.source.is_empty() {
        // "promised to continue military aid": the doer of a nominal act may be only the
        // subject of the verb that carries it
        sources = find_parties(tree, t, pos, &[Slot::Subj], true);
        sources.retain(|&a| !tree.doc.actors[a as usize].code.country.is_empty());
    }
    if sources.is_empty() && pos == TriggerPos::Noun {
        sources = held_responsible(tree, t);
    }
    let mut targets = find_parties(tree, t, pos, &p.target, false);
    let reciprocal_object = object_is_reciprocal(tree, t);
    sources.dedup();
    targets.retain(|x| !sources.contains(x));
    if targets.is_empty() && !p.target.iter().all(|s| matches!(s, Slot::None)) {
        // "offered to hand over to Great Britain", "willing to withdraw from Lebanon": the
        // target sits in the complement clause
        targets = complement_targets(tree, t, &sources);
    }
    if targets.is_empty() && matches!(&p.cameo[..2], "01" | "02" | "10" | "11" | "12" | "13") {
        // "demanded that the US cancel …", "threatened … unless Baghdad accepted": the party
        // asked or threatened is the subject of the clause; "said NATO would need to remain
        // strong": what a statement is about (not the speaker itself: "said it would …")
        targets = clause_subject_targets(tree, t, &sources);
        if p.cameo.starts_with("01") {
            let doc = tree.doc;
            targets.retain(|&x| {
                let c = &doc.actors[x as usize].code;
                !sources.iter().any(|&s| {
                    let sc = &doc.actors[s as usize].code;
                    sc == c || (!sc.country.is_empty() && sc.country == c.country && c.sector.is_empty())
                })
            });
        }
    }
    if targets.is_empty() && p.cameo.starts_with("12") {
        // "declined to resign despite growing pressure by the anti-corruption commission": a
        // refusal answers whoever presses for the act
        targets = pressing_parties(tree, t, &sources);
    }
    if targets.is_empty() && matches!(&p.cameo[..2], "02" | "10") {
        // "demanded an immediate admission by Moscow", "called for Israel's withdrawal": the
        // party asked is the doer of the act asked for
        targets = agents_of_requested_acts(tree, t, &sources);
    }
    // "Palestinian riots against Israeli military policies", "mobilized reservists for a war
    // against Iraq": whom an act is against, when no other target is named or the only one is
    // the source's own forces
    let own_forces = !targets.is_empty()
        && p.cameo.starts_with("15")
        && targets.iter().all(|&x| {
            let c = &tree.doc.actors[x as usize].code;
            matches!(c.sector.as_str(), "MIL" | "COP")
                && (c.country.is_empty() || sources.iter().any(|&s| tree.doc.actors[s as usize].code.country == c.country))
        });
    if targets.is_empty() || own_forces {
        let against = against_targets(tree, t, &sources);
        if !against.is_empty() {
            targets = against;
        }
    }
    if targets.is_empty() && p.cameo.starts_with("14") {
        targets = purpose_targets(tree, t, &sources);
    }
    if targets.is_empty() && pos == TriggerPos::Verb && !p.target.iter().all(|s| matches!(s, Slot::None)) {
        // last resort: a party named inside another argument ("occupied ten kilometres of Armenian territory")
        targets = oblique_targets(tree, t, &sources);
    }
    let doc = tree.doc;
    let countries = |ix: &[u32]| -> Vec<String> { ix.iter().map(|&i| doc.actors[i as usize].code.country.clone()).collect() };
    if p.reciprocal && sources.is_empty() {
        // "clashes between A and B": the parties are both sides
        let c = countries(&targets);
        if targets.len() >= 2 && c.iter().any(|x| x != &c[0]) {
            sources = targets.clone();
        }
    }
    // an agent word alone ("troops", "police") names no one: it cannot be the source
    // a party named only by its role ("rebels", "protesters") is kept when no source has a
    // country; business alone ("the company") is not a political actor
    if sources.iter().any(|&a| !doc.actors[a as usize].code.country.is_empty()) {
        sources.retain(|&a| !doc.actors[a as usize].code.country.is_empty());
    } else {
        sources.retain(|&a| !matches!(doc.actors[a as usize].code.sector.as_str(), "BUS" | "MNC" | ""));
    }
    // "three civilians were killed in a car bombing", "a roadside bomb killed a soldier": violence
    // against a named party by an unnamed hand is an event with an unknown source
    let faceless = sources.is_empty() && !targets.is_empty() && pos == TriggerPos::Verb && faceless_violence(tree, t, &p.cameo);
    if faceless {
        if let Some(tr) = trace.as_deref_mut() {
            tr.push(format!(
                "  '{}' {}: violence by an unnamed hand: source unknown",
                tree.text(t),
                p.cameo
            ));
        }
    }
    if sources.is_empty() && !faceless {
        if let Some(tr) = trace.as_deref_mut() {
            tr.push(format!(
                "  '{}' matched {} ({}) but no source actor: not emitted",
                tree.text(t),
                p.cameo,
                p.origin
            ));
        }
        return None;
    }
    if (p.reciprocal || reciprocal_object) && targets.is_empty() {
        let c = countries(&sources);
        if c.iter().any(|x| x != &c[0]) {
            targets = sources.clone();
        }
    }
    // "they come from all walks of life", "the first women who arrive": coming and going is a
    // visit only with a destination ("came to Moscow", "arrived in the region", "flew here")
    if targets.is_empty() && pos == TriggerPos::Verb && matches!(p.cameo.as_str(), "042" | "043") && !p.target.is_empty() {
        let preps: Vec<&str> = p
            .target
            .iter()
            .filter_map(|s| match s {
                Slot::Prep(x) => Some(x.as_str()),
                _ => None,
            })
            .collect();
        let destination = tree.children(t).iter().any(|&c| {
            tree.case_of(c).is_some_and(|k| preps.contains(&k.as_str()))
                || (tree.rel(c) == DepRel::Advmod && matches!(tree.lower(c).as_str(), "here" | "there" | "home" | "abroad"))
        });
        if preps.len() == p.target.len() && !destination {
            if let Some(tr) = trace.as_deref_mut() {
                tr.push(format!("  '{}' {}: no destination: not a visit", tree.text(t), p.cameo));
            }
            return None;
        }
    }
    if targets.is_empty() && !p.target.iter().any(|s| matches!(s, Slot::None)) && !p.reciprocal {
        // a target the pattern expects but the text does not name as an actor
        if let Some(tr) = trace.as_deref_mut() {
            tr.push(format!(
                "  '{}' {}: no target actor found (emitted without recipient)",
                tree.text(t),
                p.cameo
            ));
        }
    }
    // the same actor on both sides is no event
    let src_c = countries(&sources);
    let tgt_c = countries(&targets);
    if !targets.is_empty()
        && !p.reciprocal
        && !reciprocal_object
        && src_c.iter().all(|s| tgt_c.contains(s))
        && tgt_c.iter().all(|x| src_c.contains(x))
        && !src_c.is_empty()
    {
        let same_code = sources
            .iter()
            .all(|&a| targets.iter().any(|&b| doc.actors[a as usize].code == doc.actors[b as usize].code));
        // "toured Ireland", "the Irish president visited Cork": travel within one's own country
        // is no visit
        let domestic_visit =
            matches!(p.cameo.as_str(), "042" | "043") && targets.iter().all(|&b| doc.actors[b as usize].code.sector.is_empty());
        if same_code || domestic_visit {
            if let Some(tr) = trace.as_deref_mut() {
                tr.push(format!(
                    "  '{}' {}: source and target are the same actor: not emitted",
                    tree.text(t),
                    p.cameo
                ));
            }
            return None;
        }
    }
    let mood = modality_of(tree, t, pos);
    let mut modality = mood.modality;
    let attributed_to = mood.attributed_to;
    let mut cameo = p.cameo.clone();
    let mut rule = format!("pattern:{}", p.origin);
    if matches!(cameo.get(..2), Some("18" | "19")) && labour_strike(tree, t) {
        rule.push_str(&format!("+labour-strike:{cameo}->143"));
        cameo = "143".into();
    }
    if faceless {
        rule.push_str("+unknown-source");
    }
    // peacekeepers do not pay visits: "NATO peacekeeping troops arrived in Bosnia" is the
    // provision of peacekeeping (074)
    let peacekeepers = !sources.is_empty()
        && sources.iter().all(|&a| {
            let m = &doc.actors[a as usize];
            m.code.sector == "MIL" && doc.slice(m.span).to_lowercase().contains("peacekeep")
        });
    if peacekeepers && cameo.starts_with("04") {
        rule.push_str(&format!("+peacekeepers:{cameo}->074"));
        cameo = "074".into();
    }
    // what the mood makes of the act: "will provide" is an intent, "will attack" a threat,
    // "will not accept" a refusal (CAMEO 03, 13 and 12)
    // "will withdraw its force unless …" and "will attack if …" are threats; "would meet … if
    // he gave them a veto" is an offer on a condition, an intent
    let condition = tree
        .children(t)
        .iter()
        .filter(|&&c| tree.rel(c) == DepRel::Advcl)
        .find_map(|&c| tree.mark_of(c).filter(|m| m == "unless" || m == "if"));
    let conditional = match condition.as_deref() {
        Some("unless") => true,
        Some(_) => cameo.get(..2).is_some_and(|r| r >= "10"),
        None => false,
    };
    let recoded = if mood.refusal {
        refusal_code(&cameo).map(|c| (c, "refusal"))
    } else if matches!(modality, Modality::Intended | Modality::Hypothetical) && conditional {
        // "will withdraw its force unless …", "may halt mediation if …": an act announced on a
        // condition is a threat
        Some((threat_code(&cameo).unwrap_or("139"), "conditional-threat"))
    } else if modality == Modality::Intended {
        intent_code(&cameo)
            .map(|c| (c, "intent"))
            .or_else(|| threat_code(&cameo).map(|c| (c, "threat")))
    } else {
        None
    };
    if let Some((c, why)) = recoded {
        rule.push_str(&format!("+{why}:{cameo}->{c}"));
        cameo = c.to_string();
        // a refusal or a conditional threat is made, whatever becomes of the act
        if why == "refusal" || (why == "conditional-threat" && modality == Modality::Hypothetical) {
            modality = Modality::Asserted;
        }
    }
    let obligation = mood.obligation.then_some(mood.speech).flatten();
    let wisher = mood.wisher;
    let trigger_span = trigger_span(tree, t, p);
    let event = Event {
        sentence,
        trigger: t,
        trigger_span,
        actors: sources,
        recipients: targets,
        cameo,
        modality,
        attributed_to,
        timex: None,
        place: None,
        rule,
        confidence: (0.5 + cand.specificity as f32 / 100.0).min(0.95),
    };
    if let Some(a) = wisher.and_then(|w| wish_event(tree, &event, w)) {
        if let Some(tr) = trace.as_deref_mut() {
            tr.push(format!(
                "  EVENT {} '{}': wanting another party's {} event is an appeal ({})",
                a.cameo,
                doc.slice(a.trigger_span),
                event.cameo,
                a.rule
            ));
        }
        extra.push(a);
    }
    if let Some(d) = obligation.and_then(|speech| demand_event(tree, &event, speech)) {
        if let Some(tr) = trace.as_deref_mut() {
            tr.push(format!(
                "  EVENT {} '{}': the speaker demands the {} event ({})",
                d.cameo,
                doc.slice(d.trigger_span),
                event.cameo,
                d.rule
            ));
        }
        extra.push(d);
    }
    if let Some(tr) = trace {
        tr.push(format!(
            "  EVENT {} '{}' {:?} → {:?} ({}; {})",
            event.cameo,
            doc.slice(trigger_span),
            event.actors.iter().map(|&i| doc.actors[i as usize].code.code()).collect::<Vec<_>>(),
            event
                .recipients
                .iter()
                .map(|&i| doc.actors[i as usize].code.code())
                .collect::<Vec<_>>(),
            modality.as_str(),
            event.rule
        ));
    }
    Some(event)
}

/// Verbs of making someone act, besides the verbs of asking (`REQUESTS`): their object, too,
/// does what their infinitive says ("forced Japan to pay"), and then it is done.
const MAKING: &[&str] = &["persuade", "force", "compel", "instruct", "authorize", "authorise"];

/// Heads of quantity phrases ("thousands of refugees", "a group of activists").
const QUANTITY_HEADS: &[&str] = &[
    "thousand", "hundred", "dozen", "million", "score", "group", "number", "handful", "couple", "several", "some", "many", "most", "all",
];

/// Verbs of asking: what they ask of their object is not yet done.
const REQUESTS: &[&str] = &[
    "ask",
    "urge",
    "call",
    "request",
    "press",
    "pressure",
    "push",
    "encourage",
    "invite",
    "order",
    "tell",
    "advise",
    "beg",
    "implore",
    "exhort",
    "remind",
    "appeal",
];

/// Means of violence that can stand as the subject of a killing ("a roadside bomb killed …").
const VIOLENT_MEANS: &[&str] = &[
    "bomb",
    "bombing",
    "blast",
    "explosion",
    "explosive",
    "attack",
    "shelling",
    "shell",
    "airstrike",
    "strike",
    "raid",
    "ambush",
    "gunfire",
    "shooting",
    "mine",
    "landmine",
    "minefield",
    "rocket",
    "missile",
    "mortar",
    "grenade",
    "drone",
    "sniper",
    "gunman",
    "assailant",
    "attacker",
    "bomber",
    "fire",
    "barrage",
    "artillery",
    "ied",
    "device",
    "car-bomb",
    "suicide",
];

/// Natural or accidental causes of death: no political event.
const MISHAPS: &[&str] = &[
    "earthquake",
    "quake",
    "flood",
    "flooding",
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
    "tornado",
    "avalanche",
    "landslide",
    "mudslide",
    "accident",
    "crash",
    "blaze",
    "wildfire",
    "tsunami",
    "eruption",
    "heatwave",
    "drought",
    "collision",
    "stampede",
    "lightning",
    "disease",
    "outbreak",
    "epidemic",
    "derailment",
    "heat",
    "cold",
    "snow",
    "rain",
];

/// Is this violent act's doer unnamed (a passive without agent, or a weapon as subject), and
/// not a mishap or disaster?
fn faceless_violence(tree: &Tree, t: u32, cameo: &str) -> bool {
    if cameo.starts_with("17") {
        // "was arrested in Lebanon": coercion by unnamed authorities (being "forced to cancel a
        // tour" by circumstances is not)
        return cameo != "170" && tree.is_passive(t) && tree.child_rel(t, &[DepRel::OblAgent]).is_none();
    }
    if !matches!(cameo.get(..2), Some("18" | "19" | "20")) {
        return false;
    }
    if tree.tokens().any(|x| MISHAPS.contains(&tree.lemma(x).to_lowercase().as_str())) {
        return false;
    }
    if tree.is_passive(t) && !stative_passive(tree, t) {
        return tree.child_rel(t, &[DepRel::OblAgent]).is_none();
    }
    match tree.child_rel(t, &[DepRel::Nsubj]) {
        Some(s) => {
            let l = tree.lemma(s).to_lowercase();
            VIOLENT_MEANS.contains(&l.as_str()) && tree.mentions_at(s).is_empty()
        }
        None => false,
    }
}

/// "Serb forces were engaged in ethnic cleansing", "police were involved in the killings": a
/// passive form that says what its subject does.
fn stative_passive(tree: &Tree, v: u32) -> bool {
    matches!(tree.lemma(v), "engage" | "involve")
        && tree.is_passive(v)
        && tree.child_rel(v, &[DepRel::OblAgent]).is_none()
        && tree
            .children(v)
            .iter()
            .any(|&c| tree.rel(c).base() == "obl" && tree.case_of(c).as_deref() == Some("in"))
}

fn trigger_span(tree: &Tree, t: u32, p: &VerbPattern) -> tacitus_doc::Span {
    let mut span = tree.doc.tokens[t as usize].span;
    if let Some(prt) = &p.particle {
        if let Some(c) = tree.children(t).iter().find(|&&c| tree.lower(c) == *prt) {
            span = span.cover(tree.doc.tokens[*c as usize].span);
        }
    }
    span
}

/// "one another", "each other" right after the trigger (possibly after a preposition).
fn object_is_reciprocal(tree: &Tree, t: u32) -> bool {
    let end = (t + 5).min(tree.end);
    (t + 1..end).any(|i| {
        let l = tree.lower(i);
        i > tree.first && ((l == "another" && tree.lower(i - 1) == "one") || (l == "other" && tree.lower(i - 1) == "each"))
    })
}

/// Nominal dependents of `t` introduced by preposition `prep`.
fn prep_dependents(tree: &Tree, t: u32, prep: &str) -> Vec<u32> {
    let direct = |x: u32| -> Vec<u32> {
        tree.children(x)
            .iter()
            .copied()
            .filter(|&c| {
                (matches!(tree.rel(c).base(), "obl" | "nmod" | "obj")
                    && tree.rel(c) != DepRel::NmodPoss
                    && tree.case_of(c).as_deref() == Some(prep))
                    // "accused the US of violating …": a gerund clause introduced by the preposition
                    || (matches!(tree.rel(c).base(), "acl" | "advcl") && tree.mark_of(c).as_deref() == Some(prep))
            })
            .collect()
    };
    let mut v = direct(t);
    if !v.is_empty() {
        return v;
    }
    // (a verb misread as a modifier of its object: that object)
    let objects = match misread_main_verb(tree, t) {
        Some((_, o)) => vec![o],
        None if tree.upos(t) == Upos::Verb => direct_objects(tree, t),
        None => Vec::new(),
    };
    // the phrase may hang off the object ("accused one another of shelling")
    for &o in &objects {
        v.extend(direct(o));
    }
    if v.is_empty() && prep == "between" {
        // "launched a mediation effort on Saturday between A and B": the parser may hang the
        // pair on a word inside the object's phrase
        for &o in &objects {
            for &m in tree.children(o) {
                if tree.rel(m).base() == "nmod" {
                    v.extend(direct(m));
                }
            }
        }
    }
    v
}

/// Is this dependent a date or time ("on Tuesday", "in March", "in 1999", "on the same day")?
fn is_temporal(tree: &Tree, d: u32) -> bool {
    const TIME_WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "day",
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "time",
        "occasion",
        "eve",
        "anniversary",
    ];
    if matches!(tree.rel(d), DepRel::OblTmod) {
        return true;
    }
    let lower = tree.lower(d);
    TIME_WORDS.contains(&lower.as_str()) || (tree.upos(d) == Upos::Num && lower.len() == 4 && lower.bytes().all(|b| b.is_ascii_digit()))
}

/// "U.S. border patrol agents sexually abused illegal Mexican immigrants": a past-tense main
/// verb the tagger read as a participle modifying the next noun, in a sentence whose root is
/// the nominal before it and which has no other verb. Returns (subject, object).
fn misread_main_verb(tree: &Tree, v: u32) -> Option<(u32, u32)> {
    let lower = tree.lower(v);
    if tree.rel(v) != DepRel::Amod || !matches!(tree.xpos(v), "VBN" | "VBD" | "JJ") || !(lower.ends_with("ed") || simple_past(&lower)) {
        return None;
    }
    let obj = tree
        .head(v)
        .filter(|&h| h > v && matches!(tree.upos(h), Upos::Noun | Upos::Propn))?;
    // "A Soviet official offered concessions", "Secretary General Chadli Klibi undertook
    // mediation mission": the object read as the root, with the subject hung on it before the verb
    if tree.rel(obj) == DepRel::Root && tree.children_rel(obj, &[DepRel::Cop]).next().is_none() {
        let subject = tree.children(obj).iter().copied().find(|&c| {
            c < v
                && (tree.rel(c) == DepRel::Nsubj
                    || (tree.rel(c) == DepRel::Compound
                        && tree.upos(c) == Upos::Propn
                        && simple_past(&lower)
                        && tree
                            .children(c)
                            .iter()
                            .any(|&d| matches!(tree.rel(d), DepRel::Appos | DepRel::Flat))))
        });
        if let Some(s) = subject {
            return Some((s, obj));
        }
    }
    let root = tree.tokens().find(|&x| tree.rel(x) == DepRel::Root)?;
    if root >= v || !matches!(tree.upos(root), Upos::Noun | Upos::Propn) || tree.children_rel(root, &[DepRel::Cop]).next().is_some() {
        return None;
    }
    // no verb between the root's phrase and this one
    if (root..v).any(|x| matches!(tree.upos(x), Upos::Verb | Upos::Aux)) {
        return None;
    }
    // the object phrase hangs on the root (or is the root's dependent's head)
    let mut x = obj;
    for _ in 0..3 {
        match tree.head(x) {
            Some(h) if h == root => return Some((root, obj)),
            Some(h) => x = h,
            None => return None,
        }
    }
    None
}

/// The clause subject of a verb, following control and coordination.
fn subject_of(tree: &Tree, v: u32, depth: u32) -> Vec<u32> {
    if depth > 6 {
        return Vec::new();
    }
    if let Some((subj, _)) = misread_main_verb(tree, v) {
        return vec![subj];
    }
    let root_nominal = |h: u32| {
        matches!(tree.rel(h), DepRel::Root | DepRel::Ccomp | DepRel::Parataxis)
            && matches!(tree.upos(h), Upos::Noun | Upos::Propn | Upos::Adj)
            && h < v
            && tree.children_rel(h, &[DepRel::Cop, DepRel::Nsubj]).next().is_none()
    };
    // "Thousands of Iraqi Kurds demonstrated", "A top U.S. official today praised": a
    // mis-tagged main verb hangs on the nominal it follows; that nominal is its subject (only
    // for verbs that take no object, where a passive reading is impossible)
    if let Some(h) = tree.head(v) {
        let rel = tree.rel(v);
        // "Rebels in the Ivory Coast on Tuesday blocked transport": a finite past form hung on
        // the root noun before it, as whatever relation, is that noun's verb
        if root_nominal(h)
            && tree.xpos(v) == "VBD"
            && matches!(rel, DepRel::Nmod | DepRel::Dep | DepRel::Appos | DepRel::Acl)
            && tree.children_rel(v, &[DepRel::Nsubj, DepRel::NsubjPass]).next().is_none()
        {
            return vec![h];
        }
        if root_nominal(h)
            && (rel == DepRel::Conj && tree.xpos(v).starts_with("VB")
                || rel == DepRel::Acl && INTRANSITIVE.contains(&tree.lemma(v)) && !tree.children_rel(v, &[DepRel::AuxPass]).any(|_| true))
        {
            return vec![h];
        }
        // "Thousands of people demonstrated in Tbilisi": the same, with the verb hung on the
        // "of" phrase of a quantity at the root
        if rel == DepRel::Acl
            && INTRANSITIVE.contains(&tree.lemma(v))
            && tree.children_rel(v, &[DepRel::AuxPass, DepRel::Nsubj]).next().is_none()
            && tree.rel(h) == DepRel::Nmod
            && tree.case_of(h).as_deref() == Some("of")
            && tree
                .head(h)
                .is_some_and(|q| root_nominal(q) && QUANTITY_HEADS.contains(&tree.lemma(q)))
        {
            return vec![h];
        }
    }
    // "Vietnamese-led forces launched artillery fire": a participle cannot modify a noun and
    // take a direct object of its own ("forces [that were] launched artillery"), so the noun is
    // the subject of a finite verb the tagger read as a participle
    if tree.participle_with_object(v) {
        return tree.head(v).into_iter().collect();
    }
    if stative_passive(tree, v) {
        return tree.children_rel(v, &[DepRel::NsubjPass]).collect();
    }
    if tree.is_passive(v) {
        return tree
            .children_rel(v, &[DepRel::OblAgent])
            .chain(prep_dependents(tree, v, "by"))
            .take(1)
            .collect();
    }
    let subjects: Vec<u32> = tree.children_rel(v, &[DepRel::Nsubj, DepRel::Csubj]).collect();
    if let Some(&s) = subjects.first() {
        // relative pronoun: the noun the clause modifies
        if matches!(tree.xpos(s), "WP" | "WDT") || (tree.lower(s) == "that" && tree.rel(v) == DepRel::AclRelcl) {
            if let Some(h) = tree.head(v) {
                return vec![h];
            }
        }
        return subjects;
    }
    if let Some((subj, _)) = reported_small_clause(tree, v) {
        return vec![subj];
    }
    // "guilty of violating the ceasefire", "responsible for killing …" (however the adjective
    // is tagged): whoever is held responsible did it
    if let Some(h) = tree.head(v) {
        if HELD_RESPONSIBLE.contains(&tree.lemma(h)) && tree.mark_of(v).is_some_and(|m| m == "of" || m == "for") {
            return tree.children_rel(h, &[DepRel::Nsubj]).collect();
        }
    }
    if let Some(c) = asked_controller(tree, v) {
        return vec![c];
    }
    let found = match (tree.rel(v), tree.head(v)) {
        (DepRel::Xcomp, Some(h)) => {
            // passive control: "it is prepared to impose", "he was urged to resign": the
            // passive subject acts
            if tree.is_passive(h) {
                let s: Vec<u32> = tree.children_rel(h, &[DepRel::NsubjPass]).collect();
                if !s.is_empty() {
                    return s;
                }
            }
            // object control: "urged X to ...", "called on X to ..." takes the one addressed
            if let Some(&o) = addressee(tree, h).first() {
                if tree.upos(h) == Upos::Verb && !matches!(tree.lemma(h), "promise" | "vow") {
                    return vec![o];
                }
            }
            subject_of(tree, h, depth + 1)
        }
        (DepRel::Conj | DepRel::Advcl | DepRel::Ccomp, Some(h)) if tree.upos(h) == Upos::Verb || tree.upos(h) == Upos::Adj => {
            if tree.rel(v) == DepRel::Conj
                || tree
                    .mark_of(v)
                    .is_none_or(|m| m == "to" || m == "after" || m == "before" || m == "by" || m == "while")
            {
                subject_of(tree, h, depth + 1)
            } else {
                Vec::new()
            }
        }
        // "issued a declaration demanding …", "released a statement condemning …": the words
        // of a document are its issuer's
        (DepRel::Acl, Some(h))
            if tree.xpos(v) == "VBG"
                && tree.rel(h) == DepRel::Obj
                && matches!(
                    tree.lemma(h),
                    "statement"
                        | "declaration"
                        | "communique"
                        | "communiqué"
                        | "letter"
                        | "petition"
                        | "resolution"
                        | "report"
                        | "message"
                        | "appeal"
                        | "note"
                ) =>
        {
            tree.head(h).map(|issuer| subject_of(tree, issuer, depth + 1)).unwrap_or_default()
        }
        (DepRel::AclRelcl | DepRel::Acl, Some(h)) => vec![h],
        _ => Vec::new(),
    };
    if !found.is_empty() {
        return found;
    }
    // "Up to 100 ethnic Albanians demonstrated": a quantity phrase misread as an oblique
    // before a subjectless verb is its subject
    let quantity: Vec<u32> = tree
        .children(v)
        .iter()
        .copied()
        .filter(|&c| {
            c < v
                && matches!(tree.rel(c), DepRel::Obl | DepRel::Obj | DepRel::Dep | DepRel::NsubjOuter)
                && (matches!(tree.upos(c), Upos::Noun | Upos::Propn)
                    || (tree.upos(c) == Upos::Num && tree.children_rel(c, &[DepRel::Nmod]).next().is_some()))
                && matches!(
                    tree.case_of(c).as_deref(),
                    None | Some("to" | "about" | "around" | "nearly" | "over")
                )
        })
        .take(1)
        .collect();
    if !quantity.is_empty() || tree.rel(v) != DepRel::Root {
        return quantity;
    }
    // "With the signing of …, the Sudanese government and SPLM/A have agreed": a main verb left
    // without a subject by the parse takes the named noun phrase right before it (past its
    // auxiliaries), whatever the parse hung it on
    let mut x = v;
    while x > tree.first {
        x -= 1;
        if !(tree.head(x) == Some(v) && matches!(tree.rel(x), DepRel::Aux | DepRel::AuxPass | DepRel::Advmod)) {
            break;
        }
    }
    if x >= v || !matches!(tree.upos(x), Upos::Noun | Upos::Propn) || tree.mentions_at(x).is_empty() {
        return Vec::new();
    }
    // the head of a coordination the noun closes ("the government and SPLM")
    let head = match tree.rel(x) {
        DepRel::Conj => tree.head(x).filter(|&h| h < x).unwrap_or(x),
        _ => x,
    };
    vec![head]
}

/// Verbs that take no object: a participle of one after a noun is active ("Kurds demonstrated").
const INTRANSITIVE: &[&str] = &[
    "demonstrate",
    "protest",
    "rally",
    "march",
    "riot",
    "strike",
    "clash",
    "gather",
    "meet",
    "fight",
    "mutiny",
    "rebel",
    "revolt",
    "negotiate",
    "talk",
    "vote",
    "resign",
    "withdraw",
    "retreat",
    "flee",
    "agree",
    "disagree",
    "threaten",
    "vow",
    "pledge",
    "walk",
];

fn object_of(tree: &Tree, v: u32) -> Vec<u32> {
    if let Some((_, obj)) = misread_main_verb(tree, v) {
        return vec![obj];
    }
    if tree.is_passive(v) && !stative_passive(tree, v) {
        if let Some(s) = tree.child_rel(v, &[DepRel::NsubjPass]) {
            return vec![s];
        }
        if matches!(tree.rel(v), DepRel::Acl | DepRel::AclRelcl) {
            return tree.head(v).into_iter().collect();
        }
        return Vec::new();
    }
    direct_objects(tree, v)
}

/// Whom a verb of asking addresses: its object, or the "on" phrase of "call on", "appeal to".
fn addressee(tree: &Tree, v: u32) -> Vec<u32> {
    let objects = direct_objects(tree, v);
    if !objects.is_empty() {
        return objects;
    }
    match tree.lemma(v) {
        "call" => prep_dependents(tree, v, "on")
            .into_iter()
            .chain(prep_dependents(tree, v, "upon"))
            .collect(),
        "appeal" => prep_dependents(tree, v, "to"),
        _ => Vec::new(),
    }
}

/// Who is asked or made to do what an infinitive says, where the parse did not make it an open
/// complement: "asked Japan on Monday to help …" with the infinitive misread as a purpose clause,
/// "The opposition called on Ruto to step down" with it hung beside the request.
fn asked_controller(tree: &Tree, v: u32) -> Option<u32> {
    let h = tree.head(v)?;
    match tree.rel(v) {
        DepRel::Advcl
            if tree.mark_of(v).as_deref() == Some("to") && (REQUESTS.contains(&tree.lemma(h)) || MAKING.contains(&tree.lemma(h))) =>
        {
            addressee(tree, h).first().copied()
        }
        DepRel::Acl => sibling_request(tree, v).and_then(|s| addressee(tree, s).first().copied()),
        _ => None,
    }
}

/// "The opposition called on Ruto to step down", parsed with both verbs hung on "opposition":
/// the verb of asking before an infinitive that shares its head.
fn sibling_request(tree: &Tree, v: u32) -> Option<u32> {
    if tree.rel(v) != DepRel::Acl || tree.mark_of(v).as_deref() != Some("to") {
        return None;
    }
    let h = tree.head(v)?;
    tree.children(h)
        .iter()
        .copied()
        .rev()
        .find(|&s| s < v && tree.rel(s) == DepRel::Acl && REQUESTS.contains(&tree.lemma(s)) && !addressee(tree, s).is_empty())
}

/// A verb's direct objects. "lifted Friday a day-old blockade": a day name the parser took for the
/// object, with a noun after it, dates the act; that noun is the object.
fn direct_objects(tree: &Tree, v: u32) -> Vec<u32> {
    let objs: Vec<u32> = tree.children_rel(v, &[DepRel::Obj]).collect();
    if objs.is_empty() && tree.participle_with_object(v) {
        if let Some(a) = tree.bare_agent(v) {
            return vec![a];
        }
    }
    if objs.is_empty() {
        // "asked Japan on Monday to help": an indirect object with no direct one is the object
        return tree.children_rel(v, &[DepRel::Iobj]).collect();
    }
    if let [o] = objs[..] {
        if is_temporal(tree, o) && !tree.children(o).iter().any(|&c| tree.rel(c) == DepRel::Det) {
            let after: Vec<u32> = tree
                .children(v)
                .iter()
                .copied()
                .filter(|&c| {
                    c > o && tree.upos(c) == Upos::Noun && matches!(tree.rel(c), DepRel::Xcomp | DepRel::Obj | DepRel::OblUnmarked)
                })
                .collect();
            if !after.is_empty() {
                return after;
            }
        }
    }
    objs
}

/// The verb that carries a nominal trigger (light verb or "break out"), if any.
fn carrier_verb(tree: &Tree, n: u32) -> Option<(u32, bool)> {
    let h = tree.head(n)?;
    if tree.upos(h) != Upos::Verb {
        // "met in the city of Sochi for peace talks": a purpose phrase misattached to a noun
        let rel = tree.rel(n);
        if tree.upos(h) == Upos::Noun
            && matches!(rel, DepRel::Nmod)
            && matches!(tree.case_of(n).as_deref(), Some("for"))
            && matches!(tree.rel(h), DepRel::Obl)
        {
            return carrier_verb(tree, h).filter(|&(_, light)| light);
        }
        return None;
    }
    let rel = tree.rel(n);
    if matches!(rel, DepRel::Obj) && LIGHT_VERBS.contains(&tree.lemma(h)) {
        return Some((h, true));
    }
    if matches!(rel, DepRel::Nsubj) && OCCUR_VERBS.contains(&tree.lemma(h)) {
        return Some((h, false));
    }
    if matches!(rel, DepRel::Obl) && matches!(tree.case_of(n).as_deref(), Some("in" | "for")) {
        // "met ... for peace talks", "engaged in negotiations"
        return Some((h, true));
    }
    None
}

/// Tokens filling one slot.
fn slot_tokens(tree: &Tree, t: u32, pos: TriggerPos, slot: &Slot, is_source: bool) -> Vec<u32> {
    let nominal = pos != TriggerPos::Verb;
    let carrier = if nominal { carrier_verb(tree, t) } else { None };
    match slot {
        Slot::Subj => {
            if nominal {
                match carrier {
                    Some((v, true)) => subject_of(tree, v, 0),
                    _ if pos == TriggerPos::Adj => adjective_subject(tree, t),
                    _ => Vec::new(),
                }
            } else {
                subject_of(tree, t, 0)
            }
        }
        Slot::Obj => {
            if nominal {
                match carrier {
                    Some((v, true)) => tree.children_rel(v, &[DepRel::Iobj]).collect(),
                    _ => Vec::new(),
                }
            } else {
                object_of(tree, t)
            }
        }
        Slot::Iobj => tree.children_rel(t, &[DepRel::Iobj]).collect(),
        Slot::Poss => tree.children_rel(t, &[DepRel::NmodPoss]).collect(),
        Slot::Amod => tree.children_rel(t, &[DepRel::Amod, DepRel::Compound]).collect(),
        Slot::Prep(p) => {
            let mut v = prep_dependents(tree, t, p);
            if v.is_empty() {
                if let Some((c, _)) = carrier {
                    v = prep_dependents(tree, c, p);
                }
            }
            if v.is_empty() && p == "by" && is_source {
                // "talks hosted by X": the passive participle's agent
                for a in tree.children_rel(t, &[DepRel::Acl]) {
                    v.extend(tree.children_rel(a, &[DepRel::OblAgent]));
                }
            }
            v
        }
        Slot::None => Vec::new(),
    }
}

/// Subject of a predicate adjective ("X is ready to ...").
fn adjective_subject(tree: &Tree, a: u32) -> Vec<u32> {
    if let Some(s) = tree.child_rel(a, &[DepRel::Nsubj]) {
        return subject_or_relative(tree, a, s);
    }
    if let Some(h) = tree.head(a) {
        if matches!(tree.rel(a), DepRel::Xcomp | DepRel::Ccomp) {
            return subject_of(tree, h, 0);
        }
    }
    Vec::new()
}

fn subject_or_relative(tree: &Tree, clause: u32, s: u32) -> Vec<u32> {
    if matches!(tree.xpos(s), "WP" | "WDT") {
        tree.head(clause).into_iter().collect()
    } else {
        vec![s]
    }
}

/// Targets found in the open complement of a trigger ("promised to continue aid to Mozambique").
fn complement_targets(tree: &Tree, t: u32, sources: &[u32]) -> Vec<u32> {
    complement_targets_at(tree, t, sources, 0)
}

fn complement_targets_at(tree: &Tree, t: u32, sources: &[u32], depth: u32) -> Vec<u32> {
    let slots = [
        Slot::Obj,
        Slot::Iobj,
        Slot::Prep("to".into()),
        Slot::Prep("with".into()),
        Slot::Prep("from".into()),
        Slot::Prep("against".into()),
        Slot::Prep("on".into()),
        Slot::Prep("in".into()),
    ];
    // "opened fire to disperse demonstrators": the purpose clause may hang on the object
    let purpose_on_object = tree
        .children_rel(t, &[DepRel::Obj])
        .filter(|&o| mentions_in_phrase(tree, o, 0, t).is_empty())
        .flat_map(|o| tree.children_rel(o, &[DepRel::Acl]).collect::<Vec<_>>());
    let clauses: Vec<u32> = tree
        .children_rel(t, &[DepRel::Xcomp, DepRel::Advcl, DepRel::Ccomp])
        .chain(purpose_on_object)
        .collect();
    for c in clauses {
        // below the first complement, a clause introduced by a preposition stands for a
        // prepositional phrase the tagger misread ("withdraw its troops from neighboring Lebanon")
        let prepositional = depth > 0 && matches!(tree.mark_of(c).as_deref(), Some("from" | "against" | "with" | "on" | "to"));
        if tree.upos(c) != Upos::Verb || (tree.rel(c) != DepRel::Xcomp && tree.mark_of(c).as_deref() != Some("to") && !prepositional) {
            continue;
        }
        for slot in &slots {
            let mut v = find_parties(tree, c, TriggerPos::Verb, std::slice::from_ref(slot), false);
            // a civilian or insurgent group named by its role is a party too ("opened fire to
            // disperse demonstrators"); troops, police or officials in a complement are mostly the
            // source's own ("willing to withdraw its troops"), a company is no political actor
            v.retain(|x| {
                !sources
                    .iter()
                    .any(|s| tree.doc.actors[*s as usize].code == tree.doc.actors[*x as usize].code)
            });
            let named = if matches!(slot, Slot::Obj) {
                Named::OrRoleGroupOrOfficials
            } else {
                Named::Country
            };
            let v = settle_targets(tree, v, sources, named);
            if !v.is_empty() {
                return v;
            }
        }
        // "threatened to deliver devastating blows to …": one level further down
        if depth < 2 {
            let v = complement_targets_at(tree, c, sources, depth + 1);
            if !v.is_empty() {
                return v;
            }
        }
    }
    Vec::new()
}

/// Parties named after "against" within the trigger's phrase (two levels down).
fn against_targets(tree: &Tree, t: u32, sources: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut frontier = vec![t];
    for _ in 0..3 {
        let mut next = Vec::new();
        for &x in &frontier {
            for &c in tree.children(x) {
                if matches!(tree.rel(c).base(), "obl" | "nmod") && tree.case_of(c).as_deref() == Some("against") {
                    out.extend(mentions_in_phrase(tree, c, 0, t));
                } else if matches!(tree.rel(c).base(), "obl" | "nmod" | "obj") {
                    next.push(c);
                }
            }
        }
        if !out.is_empty() {
            break;
        }
        frontier = next;
    }
    settle_targets(tree, out, sources, Named::Country)
}

/// "staged demonstrations to demand reforms by President Suharto's government", "a hunger
/// strike in protest of the Russian government's refusal": whom a protest is aimed at, named in
/// its purpose (not where it happens).
fn purpose_targets(tree: &Tree, t: u32, sources: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    // "in protest of", "in response to", "in demanding": not places
    let locative = |a: u32| {
        !purpose_phrase(tree, a)
            && matches!(tree.rel(a).base(), "obl" | "nmod")
            && matches!(
                tree.case_of(a).as_deref(),
                Some("in" | "at" | "near" | "outside" | "inside" | "across" | "throughout" | "into" | "through")
            )
    };
    for x in purpose_clause(tree, t) {
        // not the place ("rallied in Lagos", "outside the embassy of …")
        let mut a = x;
        let mut located = false;
        while a != t && !located {
            located = locative(a);
            match tree.head(a) {
                Some(h) => a = h,
                None => break,
            }
        }
        // "their disapproval": the protesters themselves
        if located || tree.upos(x) == Upos::Pron {
            continue;
        }
        out.extend(tree.mentions_at(x).into_iter().filter(|&m| tree.doc.actors[m as usize].head == x));
    }
    let mut out = settle_targets(tree, out, sources, Named::Country);
    out.truncate(1);
    out
}

/// Who presses for what a refusal refuses: the doers named in a "despite" phrase of the
/// refusal or of its complement ("despite pressure by X", "despite calls from X", "despite X's
/// demands").
fn pressing_parties(tree: &Tree, t: u32, sources: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let clause: Vec<u32> = std::iter::once(t).chain(tree.children_rel(t, &[DepRel::Xcomp])).collect();
    for v in clause {
        for &c in tree.children(v) {
            if tree.rel(c).base() != "obl" || tree.case_of(c).as_deref() != Some("despite") {
                continue;
            }
            for d in doers_of_nominal(tree, c, &["by", "from"]) {
                out.extend(mentions_in_phrase(tree, d, 0, t));
            }
        }
    }
    settle_targets(tree, out, sources, Named::Country)
}

/// The phrases naming who does a nominal act: its possessor ("Moscow's admission") or a phrase
/// with one of `cases` ("an admission by Moscow"), not a pronoun.
fn doers_of_nominal<'a>(tree: &'a Tree, n: u32, cases: &'a [&str]) -> impl Iterator<Item = u32> + 'a {
    tree.children(n).iter().copied().filter(move |&d| {
        let doer = tree.rel(d) == DepRel::NmodPoss
            || (tree.rel(d).base() == "nmod" && tree.case_of(d).is_some_and(|c| cases.contains(&c.as_str())));
        doer && tree.upos(d) != Upos::Pron
    })
}

/// Adjectives that make their subject the doer of the act they are "for" or "of".
const HELD_RESPONSIBLE: &[&str] = &["responsible", "guilty", "culpable", "accountable"];

/// "Sudan's government is responsible for mass killings", "both sides are guilty of violating
/// the ceasefire": whoever is held responsible for a nominal act is its doer.
fn held_responsible(tree: &Tree, t: u32) -> Vec<u32> {
    let Some(h) = tree.head(t) else { return Vec::new() };
    let marked = matches!(tree.rel(t).base(), "obl" | "nmod") && matches!(tree.case_of(t).as_deref(), Some("for" | "of"));
    if !marked || !HELD_RESPONSIBLE.contains(&tree.lemma(h)) {
        return Vec::new();
    }
    tree.children_rel(h, &[DepRel::Nsubj])
        .flat_map(|s| mentions_in_phrase(tree, s, 0, t))
        .collect()
}

/// The doers of the nominal acts a request asks for: the possessor or "by" phrase of its object
/// or "for" phrase ("demanded an immediate admission by Moscow", "called for Israel's
/// withdrawal").
fn agents_of_requested_acts(tree: &Tree, t: u32, sources: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let acts = tree.children(t).iter().copied().filter(|&c| {
        tree.upos(c) == Upos::Noun
            && (tree.rel(c) == DepRel::Obj || (tree.rel(c).base() == "obl" && matches!(tree.case_of(c).as_deref(), Some("for"))))
    });
    for a in acts {
        for c in doers_of_nominal(tree, a, &["by"]) {
            out.extend(mentions_in_phrase(tree, c, 0, t));
        }
    }
    settle_targets(tree, out, sources, Named::Country)
}

/// Subjects of "that" clauses and "if/unless" conditions under a trigger.
fn clause_subject_targets(tree: &Tree, t: u32, sources: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    // the condition may hang on the complement ("threatened to stop talks if the US goes ahead")
    let mut heads: Vec<u32> = vec![t];
    let mut frontier = vec![t];
    for _ in 0..3 {
        frontier = frontier
            .iter()
            .flat_map(|&h| tree.children_rel(h, &[DepRel::Xcomp]).collect::<Vec<_>>())
            .collect();
        heads.extend(&frontier);
    }
    let clauses: Vec<u32> = heads
        .iter()
        .flat_map(|&h| tree.children_rel(h, &[DepRel::Ccomp, DepRel::Advcl]).collect::<Vec<_>>())
        .filter(|&c| tree.head(c) == Some(t) || tree.rel(c) == DepRel::Advcl)
        .collect();
    for c in clauses {
        let mark = tree.mark_of(c);
        let ok = match tree.rel(c) {
            DepRel::Ccomp => mark.as_deref().is_none_or(|m| m == "that"),
            _ => matches!(mark.as_deref(), Some("if" | "unless")),
        };
        if !ok {
            continue;
        }
        for s in tree.children_rel(c, &[DepRel::Nsubj, DepRel::NsubjPass]) {
            for x in std::iter::once(s).chain(tree.conjuncts(s)) {
                out.extend(mentions_in_phrase(tree, x, 0, t));
            }
        }
    }
    settle_targets(tree, out, sources, Named::Country)
}

/// Mentions inside the object or a non-circumstantial oblique of a verb.
fn oblique_targets(tree: &Tree, t: u32, sources: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for c in tree.children_rel(t, &[DepRel::Obj, DepRel::Obl, DepRel::Iobj]) {
        if matches!(
            tree.case_of(c).as_deref(),
            Some(
                "in" | "at"
                    | "near"
                    | "during"
                    | "since"
                    | "until"
                    | "after"
                    | "before"
                    | "by"
                    | "for"
                    | "despite"
                    | "amid"
                    | "like"
                    | "under"
                    | "following"
                    | "over"
                    | "about"
                    | "regarding"
                    | "according"
                    | "according to"
            )
        ) {
            continue;
        }
        out.extend(mentions_in_phrase(tree, c, 0, t));
    }
    // a group named by its role counts ("accepted demands from Shona rebels")
    settle_targets(tree, out, sources, Named::OrRoleGroup)
}

/// Which mentions may stand as targets found outside a pattern's own slots.
#[derive(Clone, Copy)]
enum Named {
    /// Only parties with a country.
    Country,
    /// Also groups named by their role: civilians, opposition, rebels, … Troops and police are
    /// mostly the source's own ("willing to withdraw its troops"), a company no political actor.
    OrRoleGroup,
    /// Also officials, governments, courts and parliaments ("to assassinate the prime minister").
    OrRoleGroupOrOfficials,
}

/// Targets other than the sources, of the kinds allowed, in text order without repeats.
fn settle_targets(tree: &Tree, mut out: Vec<u32>, sources: &[u32], named: Named) -> Vec<u32> {
    out.retain(|x| {
        let code = &tree.doc.actors[*x as usize].code;
        let role = |officials: bool| {
            matches!(code.sector.as_str(), "CVL" | "OPP" | "REB" | "REL" | "REF" | "MED" | "LAB" | "EDU")
                || (officials && matches!(code.sector.as_str(), "GOV" | "ELI" | "JUD" | "LEG"))
        };
        !sources.contains(x)
            && (!code.country.is_empty()
                || match named {
                    Named::Country => false,
                    Named::OrRoleGroup => role(false),
                    Named::OrRoleGroupOrOfficials => role(true),
                })
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// Actor mentions for a list of slots: the first slot that yields actors wins.
fn find_parties(tree: &Tree, t: u32, pos: TriggerPos, slots: &[Slot], is_source: bool) -> Vec<u32> {
    let default_source = [Slot::Subj];
    let default_noun_source = [Slot::Poss, Slot::Amod, Slot::Subj, Slot::Prep("by".into())];
    let default_target = [Slot::Obj];
    let slots: &[Slot] = if !slots.is_empty() {
        slots
    } else if is_source {
        if pos == TriggerPos::Verb {
            &default_source
        } else {
            &default_noun_source
        }
    } else {
        &default_target
    };
    for slot in slots {
        let mut out = Vec::new();
        let toks = slot_tokens(tree, t, pos, slot, is_source);
        for &tok in &toks {
            for x in std::iter::once(tok).chain(tree.conjuncts(tok)) {
                out.extend(mentions_in_phrase(tree, x, 0, t));
            }
        }
        if matches!(slot, Slot::Amod) {
            // "Russian aid" names a party, "military aid" a kind of aid
            out.retain(|&m| !tree.doc.actors[m as usize].code.country.is_empty());
        }
        if out.is_empty() && !is_source {
            // "talks hosted by Putin": the target is the talks' participants
            for &tok in &toks {
                if tok != t && tree.upos(tok) == Upos::Noun {
                    if let Some((v, _)) = carrier_verb(tree, tok) {
                        for s in subject_of(tree, v, 0) {
                            for x in std::iter::once(s).chain(tree.conjuncts(s)) {
                                out.extend(mentions_in_phrase(tree, x, 0, t));
                            }
                        }
                    }
                }
            }
        }
        if !out.is_empty() {
            out.sort_unstable();
            out.dedup();
            return out;
        }
    }
    Vec::new()
}

/// Mentions headed at `x`, else in its nominal modifiers ("the role played by Russian
/// peacekeepers", "ten square kilometres of Armenian territory", "leaders of Romania").
fn mentions_in_phrase(tree: &Tree, x: u32, depth: u32, trigger: u32) -> Vec<u32> {
    let mut own = tree.mentions_at(x);
    if !own.is_empty() {
        own.extend(linear_conjuncts(tree, x, &own));
        own.sort_unstable();
        own.dedup();
        return own;
    }
    if depth >= 2 {
        return own;
    }
    let mut out = Vec::new();
    for &c in tree.children(x) {
        let ok = match tree.rel(c) {
            DepRel::Nmod | DepRel::NmodPoss | DepRel::Appos | DepRel::Amod | DepRel::Compound | DepRel::Flat => !matches!(
                tree.case_of(c).as_deref(),
                Some("in" | "at" | "near" | "on" | "across" | "along" | "into")
            ),
            DepRel::Acl => {
                if c != trigger {
                    out.extend(
                        tree.children_rel(c, &[DepRel::OblAgent])
                            .flat_map(|a| mentions_in_phrase(tree, a, depth + 1, trigger)),
                    );
                    // "a travel ban imposed on Chadian citizens", "sanctions aimed at Iran"
                    if tree.is_passive(c) || tree.xpos(c) == "VBN" {
                        out.extend(
                            tree.children_rel(c, &[DepRel::Obl])
                                .filter(|&o| matches!(tree.case_of(o).as_deref(), Some("on" | "against" | "at")))
                                .flat_map(|o| mentions_in_phrase(tree, o, depth + 1, trigger)),
                        );
                    }
                }
                false
            }
            _ => false,
        };
        if ok {
            out.extend(mentions_in_phrase(tree, c, depth + 1, trigger));
        }
    }
    // "his counterpart Italian President Sergio Mattarella": a possessive pronoun is not a
    // party when the phrase names one
    let named = |m: &u32| tree.doc.actors[*m as usize].rule != "coref";
    if out.iter().any(named) {
        out.retain(|m| named(m) || tree.rel(tree.doc.actors[*m as usize].head) != DepRel::NmodPoss);
    }
    out
}

/// How the text commits to an event: modality, who claims it, and the clause's mood.
#[derive(Debug, Default)]
struct Mood {
    modality: Modality,
    attributed_to: Option<u32>,
    /// "must", "should", "has to": an obligation put on the event's source.
    obligation: bool,
    /// "will not", "would not", "cannot", "refuse to": a refusal.
    refusal: bool,
    /// The speech verb governing the event, if any.
    speech: Option<u32>,
    /// "wants Germany to pay": the verb by which someone wants another party to act.
    wisher: Option<u32>,
}

/// Mentions coordinated with `found` in the text ("A and B", "A, B and C") inside the phrase of
/// `x`, whatever the parse made of the coordination.
fn linear_conjuncts(tree: &Tree, x: u32, found: &[u32]) -> Vec<u32> {
    let doc = tree.doc;
    let mut out = Vec::new();
    let Some(mut end) = found.iter().map(|&m| doc.actors[m as usize].span.end).max() else {
        return out;
    };
    // the next token after the last mention
    while let Some(next) = (tree.first..tree.end).find(|&t| doc.tokens[t as usize].span.start >= end) {
        if !matches!(tree.lower(next).as_str(), "and" | "," | "or") {
            break;
        }
        let after = next + 1;
        if after >= tree.end {
            break;
        }
        let start = doc.tokens[after as usize].span.start;
        let ms: Vec<u32> = tree
            .mentions_at(after)
            .into_iter()
            .filter(|&m| doc.actors[m as usize].span.start == start)
            .collect();
        let ms: Vec<u32> = if ms.is_empty() {
            // the mention may start a word later ("and the Armenian prime minister")
            let a2 = after + 1;
            if a2 < tree.end && matches!(tree.upos(after), Upos::Det) {
                let s2 = doc.tokens[a2 as usize].span.start;
                tree.mentions_at(a2)
                    .into_iter()
                    .filter(|&m| doc.actors[m as usize].span.start == s2)
                    .collect()
            } else {
                Vec::new()
            }
        } else {
            ms
        };
        if ms.is_empty() || !tree.dominates(x, doc.actors[ms[0] as usize].head) {
            break;
        }
        // "immigrants, a rights group charged": after a comma only a list goes on ("A, B and C")
        let ms_end = ms.iter().map(|&m| doc.actors[m as usize].span.end).max().unwrap_or(end);
        if tree.lower(next) == "," {
            let follow = (tree.first..tree.end).find(|&t| doc.tokens[t as usize].span.start >= ms_end);
            if !follow.is_some_and(|f| matches!(tree.lower(f).as_str(), "and" | "or" | ",")) {
                break;
            }
        }
        // "his Lebanese counterpart, Michel Aoun": an apposition names the same party again
        let h = doc.actors[ms[0] as usize].head;
        if tree.lower(next) == ","
            && tree.rel(h) == DepRel::Appos
            && found.iter().any(|&f| tree.head(h) == Some(doc.actors[f as usize].head))
        {
            break;
        }
        end = ms.iter().map(|&m| doc.actors[m as usize].span.end).max().unwrap_or(end);
        out.extend(ms);
    }
    out
}

/// "claiming Azerbaijani forces have occupied …" parsed with the forces as the speech verb's
/// object: the clause's subject and the speech verb.
fn reported_small_clause(tree: &Tree, v: u32) -> Option<(u32, u32)> {
    if tree.upos(v) != Upos::Verb
        || tree
            .children(v)
            .iter()
            .any(|&c| matches!(tree.rel(c), DepRel::Nsubj | DepRel::NsubjPass))
    {
        return None;
    }
    let leftmost = tree
        .children(v)
        .iter()
        .copied()
        .filter(|&c| c < v && matches!(tree.rel(c), DepRel::Aux | DepRel::AuxPass | DepRel::Advmod))
        .min()
        .unwrap_or(v);
    let l = leftmost.checked_sub(1).filter(|&l| l >= tree.first)?;
    let speech = tree.head(l)?;
    (matches!(tree.upos(l), Upos::Noun | Upos::Propn | Upos::Pron)
        && tree.rel(l) == DepRel::Obj
        && SAY_VERBS.contains(&tree.lemma(speech))
        && speech < l)
        .then_some((l, speech))
}

/// Modality of the event at `t` and who claims it.
fn modality_of(tree: &Tree, t: u32, pos: TriggerPos) -> Mood {
    // auxiliaries of the trigger's own clause (for nouns: of the carrying verb)
    let clause = if pos == TriggerPos::Verb {
        t
    } else {
        carrier_verb(tree, t).map(|(v, _)| v).unwrap_or(t)
    };
    let auxes: Vec<String> = tree.children_rel(clause, &[DepRel::Aux]).map(|a| tree.lower(a)).collect();
    let future = auxes
        .iter()
        .any(|a| matches!(a.as_str(), "will" | "'ll" | "shall" | "would" | "wo" | "ca" | "can" | "cannot"));
    let negated = tree.is_negated(t) || (clause != t && tree.is_negated(clause));
    let mut mood = Mood::default();
    if negated {
        mood.modality = Modality::Negated;
        mood.refusal = future;
    } else if auxes.iter().any(|a| matches!(a.as_str(), "must" | "should" | "ought")) {
        mood.obligation = true;
        mood.modality = Modality::Hypothetical;
    } else if auxes.iter().any(|a| matches!(a.as_str(), "could" | "might" | "may")) {
        mood.modality = Modality::Hypothetical;
    } else if future {
        mood.modality = Modality::Intended;
    }
    if tree
        .children(clause)
        .iter()
        .any(|&c| tree.rel(c) == DepRel::Mark && matches!(tree.lower(c).as_str(), "if" | "unless"))
    {
        mood.modality = Modality::Hypothetical;
        return mood;
    }
    // "Kenyan troops shelled the villages, according to Somali officials": the act is only
    // claimed, by the source of the phrase (on the act's clause or the sentence's main clause)
    if let Some(source) = according_to(tree, clause) {
        if matches!(mood.modality, Modality::Asserted) {
            mood.modality = Modality::Claimed;
        }
        mood.attributed_to = Some(source);
        return mood;
    }
    if let Some((_, speech)) = reported_small_clause(tree, clause) {
        if mood.modality == Modality::Asserted {
            mood.modality = Modality::Claimed;
        }
        mood.attributed_to = speaker(tree, speech);
        mood.speech = Some(speech);
        return mood;
    }
    // "has to", "needs to": obligation from the governing verb
    if let (DepRel::Xcomp, Some(h)) = (tree.rel(clause), tree.head(clause)) {
        if matches!(tree.lemma(h), "have" | "need") && tree.mark_of(clause).as_deref() == Some("to") && !mood.refusal {
            mood.obligation = true;
        }
    }
    // climb the governing clauses
    let mut x = clause;
    for _ in 0..8 {
        let Some(h) = tree.head(x) else { break };
        let rel = tree.rel(x);
        let hl = tree.lemma(h);
        let claimed = |m: &mut Mood| {
            if m.modality == Modality::Asserted {
                m.modality = Modality::Claimed;
            }
            m.attributed_to = speaker(tree, h);
            m.speech = Some(h);
        };
        match rel {
            DepRel::Xcomp | DepRel::Ccomp if rel == DepRel::Xcomp || tree.mark_of(x).is_none_or(|m| m == "to") => {
                if FAIL_GOVERNORS.contains(&hl) {
                    mood.refusal = matches!(hl, "refuse" | "decline");
                    mood.modality = Modality::Negated;
                    return mood;
                }
                // "Sharon wants Germany to pay compensation": what one party wants of another is
                // not done, and the wanting is an appeal
                if rel == DepRel::Xcomp
                    && matches!(hl, "want" | "wish" | "like" | "prefer")
                    && tree.upos(h) == Upos::Verb
                    && !direct_objects(tree, h).is_empty()
                {
                    mood.modality = Modality::Hypothetical;
                    mood.wisher = Some(h);
                    return mood;
                }
                // "urged Japan to help": what one party asks of another is not yet done
                if rel == DepRel::Xcomp && REQUESTS.contains(&hl) && !addressee(tree, h).is_empty() && tree.upos(h) == Upos::Verb {
                    mood.modality = Modality::Hypothetical;
                    return mood;
                }
                if INTENT_GOVERNORS.contains(&hl) && rel == DepRel::Xcomp && mood.modality == Modality::Asserted {
                    mood.modality = Modality::Intended;
                }
                if rel == DepRel::Ccomp && SAY_VERBS.contains(&hl) {
                    claimed(&mut mood);
                    return mood;
                }
                if rel == DepRel::Ccomp && DENY_VERBS.contains(&hl) {
                    mood.modality = Modality::Denied;
                    mood.attributed_to = speaker(tree, h);
                    return mood;
                }
            }
            DepRel::Ccomp | DepRel::Parataxis if SAY_VERBS.contains(&hl) => {
                claimed(&mut mood);
                return mood;
            }
            DepRel::Ccomp if DENY_VERBS.contains(&hl) => {
                mood.modality = Modality::Denied;
                mood.attributed_to = speaker(tree, h);
                return mood;
            }
            DepRel::Advcl if tree.mark_of(x).is_some_and(|m| m == "if" || m == "unless") => {
                mood.modality = Modality::Hypothetical;
                return mood;
            }
            // "must allocate resources to help …": the purpose of an act that is only owed,
            // possible or intended is no more than that
            DepRel::Advcl
                if tree.mark_of(x).as_deref() == Some("to")
                    && REQUESTS.contains(&hl)
                    && !addressee(tree, h).is_empty()
                    && tree.upos(h) == Upos::Verb =>
            {
                mood.modality = Modality::Hypothetical;
                return mood;
            }
            DepRel::Acl if sibling_request(tree, x).is_some() => {
                mood.modality = Modality::Hypothetical;
                return mood;
            }
            DepRel::Advcl if tree.mark_of(x).as_deref() == Some("to") => {
                let governing: Vec<String> = tree.children_rel(h, &[DepRel::Aux]).map(|a| tree.lower(a)).collect();
                if mood.modality == Modality::Asserted {
                    if governing
                        .iter()
                        .any(|a| matches!(a.as_str(), "must" | "should" | "ought" | "could" | "might" | "may"))
                    {
                        mood.modality = Modality::Hypothetical;
                    } else if governing.iter().any(|a| matches!(a.as_str(), "will" | "'ll" | "shall" | "would")) {
                        mood.modality = Modality::Intended;
                    }
                }
            }
            DepRel::Conj => {}
            // "Vietnamese-led forces launched artillery fire …, sources said": a finite verb
            // read as a participle of its subject; the subject's clause is the verb's
            DepRel::Acl if tree.participle_with_object(x) => {}
            _ => break,
        }
        x = h;
    }
    mood
}

/// "Russia said Sudan must return the helicopter": the speaker demands (CAMEO 10) that the
/// obliged party act.
/// "Sharon wants Germany to pay more compensation": the one who wants appeals (02x) to the
/// party wanted to act, for that act.
fn wish_event(tree: &Tree, e: &Event, wish: u32) -> Option<Event> {
    let who = speaker(tree, wish)?;
    let code = family_code("020", &e.cameo).unwrap_or("020");
    asked_of_actors(tree, e, who, wish, code, "wish")
}

fn demand_event(tree: &Tree, e: &Event, speech: u32) -> Option<Event> {
    let speaker = e.attributed_to?;
    let code = demand_code(&e.cameo)?;
    asked_of_actors(tree, e, speaker, speech, code, "obligation")
}

/// The appeal or demand (`code`) that `who` makes, with the word `trigger`, of the doers of `e`
/// other than itself; none when no other doer is left.
fn asked_of_actors(tree: &Tree, e: &Event, who: u32, trigger: u32, code: &str, why: &str) -> Option<Event> {
    let doc = tree.doc;
    let wc = &doc.actors[who as usize].code;
    let targets: Vec<u32> = e.actors.iter().copied().filter(|&a| doc.actors[a as usize].code != *wc).collect();
    if targets.is_empty() {
        return None;
    }
    Some(Event {
        sentence: e.sentence,
        trigger,
        trigger_span: doc.tokens[trigger as usize].span,
        actors: vec![who],
        recipients: targets,
        cameo: code.to_string(),
        modality: Modality::Asserted,
        attributed_to: None,
        timex: None,
        place: None,
        rule: format!("{why}:{}->{}", e.cameo, code),
        confidence: 0.6,
    })
}

/// The actor mention heading the subject of a speech verb.
/// The party named in an "according to" phrase on a clause or on the clauses governing it
/// (conjoined and complement clauses included), as a mention.
fn according_to(tree: &Tree, clause: u32) -> Option<u32> {
    let mut x = clause;
    for _ in 0..6 {
        for &c in tree.children(x) {
            if matches!(tree.case_of(c).as_deref(), Some("according" | "according to")) {
                if let Some(m) = mentions_in_phrase(tree, c, 0, clause).into_iter().next() {
                    return Some(m);
                }
            }
        }
        match tree.rel(x) {
            DepRel::Conj | DepRel::Ccomp | DepRel::Xcomp | DepRel::Advcl | DepRel::Parataxis => x = tree.head(x)?,
            _ => return None,
        }
    }
    None
}

fn speaker(tree: &Tree, v: u32) -> Option<u32> {
    subject_of(tree, v, 0)
        .into_iter()
        .chain(prep_dependents(tree, v, "to"))
        .flat_map(|s| mentions_in_phrase(tree, s, 0, v))
        .next()
}

/// "Yerevan claimed Azerbaijani forces occupied …": a claim that another party committed a
/// conflict act is itself an accusation (CAMEO 112) by the speaker against that party.
fn add_accusations(coder: &Coder, tree: &Tree, events: &mut Vec<Event>, mut trace: Option<&mut Trace>) {
    let doc = tree.doc;
    let mut extra = Vec::new();
    for e in events.iter() {
        if e.modality != Modality::Claimed {
            continue;
        }
        let Some(speaker) = e.attributed_to else { continue };
        let quad = coder.cameo.get(&e.cameo).map(|c| c.quad_class).unwrap_or(0);
        if quad < 3 {
            continue;
        }
        let sc = &doc.actors[speaker as usize].code.country;
        let accused: Vec<u32> = e
            .actors
            .iter()
            .copied()
            .filter(|&a| doc.actors[a as usize].code.country != *sc)
            .collect();
        if accused.is_empty() || sc.is_empty() {
            continue;
        }
        // a claim is an accusation when the speaker says so ("claim", "allege") or is the victim;
        // a third party reporting violence ("the UN said militiamen attacked …") accuses no one
        let victim = e.recipients.iter().any(|&r| doc.actors[r as usize].code.country == *sc);

        // the speech verb governing the claim
        let v = match reported_small_clause(tree, e.trigger) {
            Some((_, speech)) => speech,
            None => {
                let mut v = e.trigger;
                while let Some(h) = tree.head(v) {
                    v = h;
                    if SAY_VERBS.contains(&tree.lemma(h)) {
                        break;
                    }
                }
                v
            }
        };
        if events.iter().any(|x| x.trigger == v && x.cameo.starts_with("11")) {
            continue;
        }
        if !victim && !matches!(tree.lemma(v), "claim" | "allege" | "accuse" | "charge" | "blame") {
            continue;
        }
        let ev = Event {
            sentence: e.sentence,
            trigger: v,
            trigger_span: doc.tokens[v as usize].span,
            actors: vec![speaker],
            recipients: accused,
            cameo: "112".into(),
            modality: Modality::Asserted,
            attributed_to: None,
            timex: None,
            place: None,
            rule: format!("claim-of-conflict:{}", e.cameo),
            confidence: 0.6,
        };
        if let Some(tr) = trace.as_deref_mut() {
            tr.push(format!(
                "  EVENT 112 '{}' accusation implied by the claimed {} event",
                doc.slice(ev.trigger_span),
                e.cameo
            ));
        }
        extra.push(ev);
    }
    // a speech verb coded as a plain statement is replaced by the accusation
    for x in &extra {
        events.retain(|e| !(e.trigger == x.trigger && e.cameo.starts_with("01")));
    }
    events.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_governing_kind_takes_the_code_of_its_act() {
        // demands, appeals, refusals, threats and intents about the same act
        assert_eq!(family_code("100", "0841"), Some("1053"));
        assert_eq!(family_code("020", "0841"), Some("0253"));
        assert_eq!(family_code("020", "072"), Some("0232"));
        assert_eq!(family_code("120", "074"), Some("1224"));
        assert_eq!(family_code("130", "190"), Some("1384"));
        assert_eq!(family_code("030", "0831"), Some("0341"));
        assert_eq!(family_code("040", "190"), None);
        // refusing a request refuses its act
        assert_eq!(family_code("120", "1031"), Some("1221"));
        assert_eq!(family_code("120", "0233"), Some("1223"));
        assert_eq!(family_code("120", "026"), Some("125"));
        assert_eq!(refusal_of_request("190"), None);
    }

    #[test]
    fn every_appeal_mirrors_a_demand() {
        for d in ["100", "1011", "1034", "1044", "1056", "108"] {
            let a = appeal_of_demand(d).expect("an appeal code");
            assert!(a.starts_with("02") && a[2..] == d[2..], "{d} -> {a}");
        }
    }

    #[test]
    fn irregular_pasts_keep_their_prefix() {
        assert_eq!(irregular_base("undertook").as_deref(), Some("undertake"));
        assert_eq!(irregular_base("withdrew").as_deref(), Some("withdraw"));
        assert_eq!(irregular_base("overthrew").as_deref(), Some("overthrow"));
        assert_eq!(irregular_base("took").as_deref(), Some("take"));
        assert_eq!(irregular_base("attacked"), None);
        assert!(simple_past("undertook") && !simple_past("left") && !simple_past("broken"));
    }
}

#[cfg(test)]
mod misparse_tests {
    use crate::Coder;
    use tacitus_doc::{DepRel, Document, Sentence, Span, Token, TokenSyntax, Upos};

    /// A one-sentence document with the given analysis: (form, UPOS, XPOS, lemma, head 1-based or
    /// 0 for the root, relation).
    fn parsed(rows: &[(&str, Upos, &str, &str, u32, DepRel)]) -> Document {
        let text = rows.iter().map(|r| r.0).collect::<Vec<_>>().join(" ");
        let mut doc = Document::new("t", text.clone(), chrono::NaiveDate::from_ymd_opt(2012, 1, 1));
        let mut at = 0u32;
        for r in rows {
            doc.tokens.push(Token {
                span: Span::new(at, at + r.0.len() as u32),
            });
            doc.syntax.push(TokenSyntax {
                upos: r.1,
                xpos: tacitus_doc::syntax::xpos_index(r.2).expect("a Penn tag"),
                lemma: r.3.to_string(),
                head: if r.4 == 0 { tacitus_doc::syntax::ROOT } else { r.4 - 1 },
                deprel: r.5,
            });
            at += r.0.len() as u32 + 1;
        }
        doc.sentences.push(Sentence {
            span: Span::new(0, text.len() as u32),
            first_token: 0,
            end_token: rows.len() as u32,
        });
        doc
    }

    /// Code `doc` and give the countries of the doers and targets, and the modality, of its first
    /// event whose code starts with `root`.
    fn coded(doc: &mut Document, root: &str) -> (Vec<String>, Vec<String>, tacitus_doc::Modality) {
        let coder = Coder::english().expect("bundled dictionaries");
        coder.code(doc, None);
        let e = doc
            .events
            .iter()
            .find(|e| e.cameo.starts_with(root))
            .unwrap_or_else(|| panic!("an event {root}… is coded: {:?}", doc.events));
        let countries = |ms: &[u32]| ms.iter().map(|&m| doc.actors[m as usize].code.country.clone()).collect::<Vec<_>>();
        (countries(&e.actors), countries(&e.recipients), e.modality)
    }

    #[test]
    fn a_participle_with_an_object_of_its_own_is_a_finite_verb() {
        use DepRel::{Acl, Amod, Case, Ccomp, Nsubj, Obj, Obl, Root};
        use Upos::{Adj, Adp, Noun, Propn, Verb};
        // "forces [that were] launched artillery" cannot be: the forces launched it, and the
        // sources said so
        let mut doc = parsed(&[
            ("Ethiopian", Adj, "JJ", "ethiopian", 2, Amod),
            ("forces", Noun, "NNS", "force", 9, Ccomp),
            ("launched", Verb, "VBN", "launch", 2, Acl),
            ("artillery", Noun, "NN", "artillery", 3, Obj),
            ("against", Adp, "IN", "against", 6, Case),
            ("Somalia", Propn, "NNP", "Somalia", 3, Obl),
            (",", Upos::Punct, ",", ",", 9, DepRel::Punct),
            ("officials", Noun, "NNS", "official", 9, Nsubj),
            ("said", Verb, "VBD", "say", 0, Root),
        ]);
        let (actors, recipients, modality) = coded(&mut doc, "19");
        assert_eq!(actors, vec!["ETH"]);
        assert_eq!(recipients, vec!["SOM"]);
        assert_eq!(modality, tacitus_doc::Modality::Claimed);
    }

    #[test]
    fn an_agent_without_by_after_a_participle_is_its_object() {
        use DepRel::{Acl, Amod, Case, Det, Nmod, OblAgent, Root};
        use Upos::{Adj, Adp, Det as D, Noun, Propn, Verb};
        // "The Kenyan government [was] accused [by] Uganda" cannot be: no "by"
        let mut doc = parsed(&[
            ("The", D, "DT", "the", 3, Det),
            ("Kenyan", Adj, "JJ", "kenyan", 3, Amod),
            ("government", Noun, "NN", "government", 0, Root),
            ("accused", Verb, "VBN", "accuse", 3, Acl),
            ("Uganda", Propn, "NNP", "Uganda", 4, OblAgent),
            ("of", Adp, "IN", "of", 7, Case),
            ("smuggling", Noun, "NN", "smuggling", 5, Nmod),
        ]);
        let (actors, recipients, _) = coded(&mut doc, "11");
        assert_eq!(actors, vec!["KEN"]);
        assert_eq!(recipients, vec!["UGA"]);
    }
}
