//! The event-pattern dictionary: which head words (verbs, event nouns, predicate adjectives),
//! under which syntactic constraints, express which CAMEO event, and where its source and target
//! sit in the dependency parse.
//!
//! Files live in `resources/dict/verbs/`, one per CAMEO root (`01-statement.txt` …
//! `20-mass-violence.txt`), one pattern per line:
//!
//! ```text
//! # CODE  TRIGGER   ITEM*
//! 040     meet                         T=with|obj R
//! 112     n:accusation                 S=poss|by T=against|of
//! 163     impose    obj:sanction|embargo  T=on|against
//! ```
//!
//! TRIGGER is a lemma, bare for verbs, `n:` for nouns, `a:` for adjectives. Items: `prt:W`
//! (particle), `obj:L|L` (object lemma), `obj=party` (the object names an actor), `obj=none` (no
//! direct object), `xcomp:L|L` (open complement lemma), `prep:P` (a
//! dependent introduced by P; `prep:P=L|L` also constrains that dependent's lemma), `T=SLOT|…` and `S=SLOT|…` (target and source slots in order of
//! preference), `R` (reciprocal), `w=N` (weight 1-9). Passive voice is the engine's business.
//!
//! ```
//! use tacitus_dict::verbs::{PatternDict, TriggerPos};
//! let dict = PatternDict::load_default().unwrap();
//! assert!(!dict.for_lemma(TriggerPos::Verb, "accuse").is_empty());
//! ```

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use crate::cameo::{CameoTable, Error, Result};

/// The embedded pattern files, in root order.
const DEFAULT_FILES: [(&str, &str); 20] = [
    ("01-statement.txt", include_str!("../../../resources/dict/verbs/01-statement.txt")),
    ("02-appeal.txt", include_str!("../../../resources/dict/verbs/02-appeal.txt")),
    ("03-intent.txt", include_str!("../../../resources/dict/verbs/03-intent.txt")),
    ("04-consult.txt", include_str!("../../../resources/dict/verbs/04-consult.txt")),
    (
        "05-diplomatic-cooperation.txt",
        include_str!("../../../resources/dict/verbs/05-diplomatic-cooperation.txt"),
    ),
    (
        "06-material-cooperation.txt",
        include_str!("../../../resources/dict/verbs/06-material-cooperation.txt"),
    ),
    ("07-aid.txt", include_str!("../../../resources/dict/verbs/07-aid.txt")),
    ("08-yield.txt", include_str!("../../../resources/dict/verbs/08-yield.txt")),
    (
        "09-investigate.txt",
        include_str!("../../../resources/dict/verbs/09-investigate.txt"),
    ),
    ("10-demand.txt", include_str!("../../../resources/dict/verbs/10-demand.txt")),
    ("11-disapprove.txt", include_str!("../../../resources/dict/verbs/11-disapprove.txt")),
    ("12-reject.txt", include_str!("../../../resources/dict/verbs/12-reject.txt")),
    ("13-threaten.txt", include_str!("../../../resources/dict/verbs/13-threaten.txt")),
    ("14-protest.txt", include_str!("../../../resources/dict/verbs/14-protest.txt")),
    (
        "15-force-posture.txt",
        include_str!("../../../resources/dict/verbs/15-force-posture.txt"),
    ),
    (
        "16-reduce-relations.txt",
        include_str!("../../../resources/dict/verbs/16-reduce-relations.txt"),
    ),
    ("17-coerce.txt", include_str!("../../../resources/dict/verbs/17-coerce.txt")),
    ("18-assault.txt", include_str!("../../../resources/dict/verbs/18-assault.txt")),
    ("19-fight.txt", include_str!("../../../resources/dict/verbs/19-fight.txt")),
    (
        "20-mass-violence.txt",
        include_str!("../../../resources/dict/verbs/20-mass-violence.txt"),
    ),
];

/// Prepositions a `prep:` item or a slot may name.
#[rustfmt::skip]
pub const PREPOSITIONS: &[&str] = &[
    "about", "above", "across", "after", "against", "ahead", "along", "alongside", "amid", "amidst",
    "among", "amongst", "around", "as", "at", "before", "behind", "below", "beside", "between",
    "beyond", "by", "concerning", "despite", "down", "during", "except", "for", "from", "in",
    "inside", "into", "like", "near", "of", "off", "on", "onto", "opposite", "out", "outside",
    "over", "past", "per", "regarding", "since", "through", "throughout", "to", "toward", "towards",
    "under", "until", "up", "upon", "versus", "via", "with", "within", "without",
];

/// Part of speech of a pattern's head word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    Verb,
    Noun,
    Adj,
}

impl TriggerPos {
    fn index(self) -> usize {
        match self {
            TriggerPos::Verb => 0,
            TriggerPos::Noun => 1,
            TriggerPos::Adj => 2,
        }
    }

    /// The prefix written before the lemma in pattern files (`""`, `"n:"`, `"a:"`).
    pub fn prefix(self) -> &'static str {
        match self {
            TriggerPos::Verb => "",
            TriggerPos::Noun => "n:",
            TriggerPos::Adj => "a:",
        }
    }
}

/// Where an event's source or target is found relative to the trigger.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// Nominal subject (after the engine's passive normalisation).
    Subj,
    /// Direct object.
    Obj,
    /// Indirect object.
    Iobj,
    /// Possessor of a noun trigger ("Israel's attack").
    Poss,
    /// Adjectival country modifier of a noun trigger ("Russian peacekeepers").
    Amod,
    /// A dependent introduced by this preposition.
    Prep(String),
    /// No party is required (the event may lack a target).
    None,
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Slot::Subj => f.write_str("subj"),
            Slot::Obj => f.write_str("obj"),
            Slot::Iobj => f.write_str("iobj"),
            Slot::Poss => f.write_str("poss"),
            Slot::Amod => f.write_str("amod"),
            Slot::Prep(p) => f.write_str(p),
            Slot::None => f.write_str("none"),
        }
    }
}

/// One pattern line.
#[derive(Clone, Debug, PartialEq)]
pub struct VerbPattern {
    /// CAMEO code, leading zero kept.
    pub cameo: String,
    pub pos: TriggerPos,
    /// Lemma of the head word, lower case.
    pub lemma: String,
    /// Required particle (`compound:prt`), e.g. `off` in "break off".
    pub particle: Option<String>,
    /// The direct object's lemma must be one of these (empty: no constraint).
    pub obj: Vec<String>,
    /// `obj=party`: the direct object (the passive subject) must itself name a party, an actor
    /// of the text ("held three activists", not "held a press conference").
    pub obj_party: bool,
    /// `obj=none`: the verb has no direct object here ("protesters demonstrated", not "demonstrated
    /// its resolve"). A filter only: it adds nothing to the pattern's specificity.
    pub obj_none: bool,
    /// An open clausal complement with one of these lemmas must exist (empty: no constraint).
    pub xcomp: Vec<String>,
    /// Dependents introduced by each of these prepositions must exist.
    pub preps: Vec<String>,
    /// For `prep:P=L1|L2` items: the object of preposition P must have one of these lemmas
    /// ("accuse … of corruption"). Each P here is also listed in `preps`.
    pub prep_lemmas: Vec<(String, Vec<String>)>,
    /// Source slots in order of preference.
    pub source: Vec<Slot>,
    /// Target slots in order of preference.
    pub target: Vec<Slot>,
    /// Coordinated parties are all actors of one compound event.
    pub reciprocal: bool,
    /// Priority 1-9 among competing patterns (default 5).
    pub weight: u8,
    /// `"verbs/19-fight.txt:42"`.
    pub origin: String,
}

impl VerbPattern {
    /// The lemmas the object of preposition `prep` must have (`prep:of=corruption|fraud`), or
    /// `None` when only the preposition's presence is required.
    pub fn prep_lemmas_for(&self, prep: &str) -> Option<&[String]> {
        self.prep_lemmas.iter().find(|(p, _)| p == prep).map(|(_, l)| l.as_slice())
    }

    /// Number of constraints beyond the trigger; more specific patterns should win ties.
    pub fn specificity(&self) -> usize {
        usize::from(self.particle.is_some())
            + usize::from(!self.obj.is_empty())
            + usize::from(self.obj_party)
            + usize::from(!self.xcomp.is_empty())
            + self.preps.len()
            + self.prep_lemmas.len()
    }
}

impl fmt::Display for VerbPattern {
    /// The pattern in file syntax (defaults spelled out).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}{}", self.cameo, self.pos.prefix(), self.lemma)?;
        if let Some(p) = &self.particle {
            write!(f, " prt:{p}")?;
        }
        if !self.obj.is_empty() {
            write!(f, " obj:{}", self.obj.join("|"))?;
        }
        if self.obj_party {
            f.write_str(" obj=party")?;
        }
        if self.obj_none {
            f.write_str(" obj=none")?;
        }
        if !self.xcomp.is_empty() {
            write!(f, " xcomp:{}", self.xcomp.join("|"))?;
        }
        for p in &self.preps {
            match self.prep_lemmas.iter().find(|(q, _)| q == p) {
                Some((_, lemmas)) => write!(f, " prep:{p}={}", lemmas.join("|"))?,
                None => write!(f, " prep:{p}")?,
            }
        }
        let join = |slots: &[Slot]| slots.iter().map(Slot::to_string).collect::<Vec<_>>().join("|");
        write!(f, " S={} T={}", join(&self.source), join(&self.target))?;
        if self.reciprocal {
            f.write_str(" R")?;
        }
        write!(f, " w={}", self.weight)
    }
}

/// All patterns with an index by trigger part of speech and lemma.
#[derive(Clone, Debug, Default)]
pub struct PatternDict {
    pub patterns: Vec<VerbPattern>,
    /// Duplicate or conflicting patterns (same trigger and constraints), as `file:line: …`
    /// messages. The later line is kept but reported here.
    pub warnings: Vec<String>,
    index: [HashMap<String, Vec<u32>>; 3],
    /// Pattern index by origin (`verbs/02-appeal.txt:187`), built on first use.
    origins: std::sync::OnceLock<HashMap<String, u32>>,
}

impl PatternDict {
    /// The embedded `resources/dict/verbs/*.txt`.
    pub fn load_default() -> Result<PatternDict> {
        let table = CameoTable::load_default()?;
        let sources: Vec<(String, &str)> = DEFAULT_FILES.iter().map(|(name, text)| (format!("verbs/{name}"), *text)).collect();
        PatternDict::from_sources(&sources, &table)
    }

    /// Every `*.txt` file of `dir`, in name order, checked against the default CAMEO table.
    pub fn load_dir(dir: &Path) -> Result<PatternDict> {
        let table = CameoTable::load_default()?;
        PatternDict::load_dir_with(dir, &table)
    }

    /// Like [`PatternDict::load_dir`], checking codes against `table`.
    pub fn load_dir_with(dir: &Path, table: &CameoTable) -> Result<PatternDict> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
        if paths.is_empty() {
            return Err(Error::Empty { path: dir.to_path_buf() });
        }
        paths.sort();
        let mut texts = Vec::new();
        for path in &paths {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            texts.push((format!("verbs/{name}"), text));
        }
        let sources: Vec<(String, &str)> = texts.iter().map(|(n, t)| (n.clone(), t.as_str())).collect();
        PatternDict::from_sources(&sources, table)
    }

    /// Parses `(file name, text)` pairs. A file whose name starts with two digits (`19-fight.txt`)
    /// may only hold codes of that root.
    pub fn from_sources(sources: &[(String, &str)], table: &CameoTable) -> Result<PatternDict> {
        let mut dict = PatternDict::default();
        for (name, text) in sources {
            let root = root_of_file_name(name);
            for (i, raw) in text.lines().enumerate() {
                let line_no = i + 1;
                let content = raw.split('#').next().unwrap_or("").trim();
                if content.is_empty() {
                    continue;
                }
                let origin = format!("{name}:{line_no}");
                let pattern = parse_line(content, origin.clone(), table, root.as_deref()).map_err(|message| Error::Parse {
                    file: name.clone(),
                    line: line_no,
                    message,
                })?;
                let mut found = Vec::new();
                for &other in dict.for_lemma(pattern.pos, &pattern.lemma) {
                    let first = &dict.patterns[other as usize];
                    if collide(first, &pattern) {
                        let what = if first.cameo == pattern.cameo {
                            "duplicates or overlaps".to_string()
                        } else {
                            format!("conflicts with {}", first.cameo)
                        };
                        found.push(format!("{origin}: {} {what} at {}", pattern.cameo, first.origin));
                    }
                }
                dict.warnings.extend(found);
                dict.push(pattern);
            }
        }
        Ok(dict)
    }

    fn push(&mut self, pattern: VerbPattern) {
        self.origins = std::sync::OnceLock::new();
        let id = self.patterns.len() as u32;
        self.index[pattern.pos.index()].entry(pattern.lemma.clone()).or_default().push(id);
        self.patterns.push(pattern);
    }

    /// Indices into [`PatternDict::patterns`] of the patterns triggered by this lemma.
    pub fn for_lemma(&self, pos: TriggerPos, lemma: &str) -> &[u32] {
        self.index[pos.index()].get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The pattern read from this place (`verbs/02-appeal.txt:187`, as in an event's rule).
    pub fn by_origin(&self, origin: &str) -> Option<&VerbPattern> {
        let origins = self.origins.get_or_init(|| {
            self.patterns
                .iter()
                .enumerate()
                .map(|(i, p)| (p.origin.clone(), i as u32))
                .collect()
        });
        origins.get(origin).and_then(|&i| self.get(i))
    }

    /// The pattern with this index.
    pub fn get(&self, id: u32) -> Option<&VerbPattern> {
        self.patterns.get(id as usize)
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when no pattern was loaded.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Number of patterns per CAMEO code.
    pub fn counts_by_code(&self) -> HashMap<&str, usize> {
        let mut counts = HashMap::new();
        for p in &self.patterns {
            *counts.entry(p.cameo.as_str()).or_default() += 1;
        }
        counts
    }
}

/// `Some("19")` for `verbs/19-fight.txt`.
fn root_of_file_name(name: &str) -> Option<String> {
    let base = name.rsplit('/').next().unwrap_or(name);
    let digits: String = base.chars().take_while(char::is_ascii_digit).collect();
    (digits.len() == 2).then_some(digits)
}

/// True when some words could satisfy both patterns' constraints equally: same trigger,
/// particle and prepositions, and each lemma constraint either absent in both or overlapping.
/// (A constraint present in one only makes that one more specific, which is fine.)
fn collide(a: &VerbPattern, b: &VerbPattern) -> bool {
    let overlap = |x: &[String], y: &[String]| (x.is_empty() && y.is_empty()) || x.iter().any(|w| y.contains(w));
    let same_preps = a.preps.len() == b.preps.len() && a.preps.iter().all(|p| b.preps.contains(p));
    let prep_lemmas = |p: &VerbPattern, q: &str| {
        p.prep_lemmas
            .iter()
            .find(|(r, _)| r == q)
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    a.pos == b.pos
        && a.lemma == b.lemma
        && a.particle == b.particle
        && same_preps
        && overlap(&a.obj, &b.obj)
        && overlap(&a.xcomp, &b.xcomp)
        && a.preps.iter().all(|q| overlap(&prep_lemmas(a, q), &prep_lemmas(b, q)))
}

fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '\'')
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

fn word_list(item: &str, value: &str) -> std::result::Result<Vec<String>, String> {
    let words: Vec<String> = value.split('|').map(str::to_string).collect();
    match words.iter().find(|w| !is_word(w)) {
        Some(bad) => Err(format!("expected lower-case lemmas separated by '|' in {item}, found {bad:?}")),
        None => Ok(words),
    }
}

fn parse_slots(item: &str, value: &str) -> std::result::Result<Vec<Slot>, String> {
    let mut slots = Vec::new();
    for s in value.split('|') {
        let slot = match s {
            "subj" => Slot::Subj,
            "obj" => Slot::Obj,
            "iobj" => Slot::Iobj,
            "poss" => Slot::Poss,
            "amod" => Slot::Amod,
            "none" => Slot::None,
            p if PREPOSITIONS.contains(&p) => Slot::Prep(p.to_string()),
            other => {
                return Err(format!(
                    "expected a slot (subj, obj, iobj, poss, amod, none or a preposition) in {item}, found {other:?}"
                ))
            }
        };
        if slots.contains(&slot) {
            return Err(format!("expected each slot once in {item}, found {s:?} twice"));
        }
        if slots.last() == Some(&Slot::None) {
            return Err(format!("expected 'none' last in {item}"));
        }
        slots.push(slot);
    }
    Ok(slots)
}

fn parse_line(content: &str, origin: String, table: &CameoTable, root: Option<&str>) -> std::result::Result<VerbPattern, String> {
    let mut fields = content.split_whitespace();
    let code = fields.next().unwrap_or("");
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("expected a CAMEO code of 2-4 digits, found {code:?}"));
    }
    if !table.contains(code) {
        return Err(format!("expected a CAMEO code listed in cameo/codes.tsv, found {code}"));
    }
    if let Some(root) = root {
        if !code.starts_with(root) {
            return Err(format!("expected a code of root {root} in this file, found {code}"));
        }
    }
    let trigger = fields.next().ok_or_else(|| "expected a trigger lemma after the code".to_string())?;
    let (pos, lemma) = if let Some(l) = trigger.strip_prefix("n:") {
        (TriggerPos::Noun, l)
    } else if let Some(l) = trigger.strip_prefix("a:") {
        (TriggerPos::Adj, l)
    } else if let Some(l) = trigger.strip_prefix("v:") {
        (TriggerPos::Verb, l)
    } else {
        (TriggerPos::Verb, trigger)
    };
    if !is_word(lemma) {
        return Err(format!(
            "expected a lower-case trigger lemma (optionally n: or a:), found {trigger:?}"
        ));
    }
    let mut p = VerbPattern {
        cameo: code.to_string(),
        pos,
        lemma: lemma.to_string(),
        particle: None,
        obj: Vec::new(),
        obj_party: false,
        obj_none: false,
        xcomp: Vec::new(),
        preps: Vec::new(),
        prep_lemmas: Vec::new(),
        source: Vec::new(),
        target: Vec::new(),
        reciprocal: false,
        weight: 5,
        origin,
    };
    let (mut have_s, mut have_t, mut have_w) = (false, false, false);
    for item in fields {
        if item == "R" {
            if p.reciprocal {
                return Err("expected R at most once".to_string());
            }
            p.reciprocal = true;
        } else if let Some(v) = item.strip_prefix("prt:") {
            if p.particle.is_some() || !is_word(v) {
                return Err(format!("expected one particle word in prt:, found {item:?}"));
            }
            p.particle = Some(v.to_string());
        } else if item == "obj=none" {
            if p.obj_none {
                return Err("expected obj=none at most once".to_string());
            }
            p.obj_none = true;
        } else if item == "obj=party" {
            if p.obj_party {
                return Err("expected obj=party at most once".to_string());
            }
            p.obj_party = true;
        } else if let Some(v) = item.strip_prefix("obj:") {
            if !p.obj.is_empty() {
                return Err("expected obj: at most once".to_string());
            }
            p.obj = word_list(item, v)?;
        } else if let Some(v) = item.strip_prefix("xcomp:") {
            if !p.xcomp.is_empty() {
                return Err("expected xcomp: at most once".to_string());
            }
            p.xcomp = word_list(item, v)?;
        } else if let Some(v) = item.strip_prefix("prep:") {
            let (prep, lemmas) = match v.split_once('=') {
                Some((prep, lemmas)) => (prep, Some(lemmas)),
                None => (v, None),
            };
            if !PREPOSITIONS.contains(&prep) {
                return Err(format!("expected a preposition in prep:, found {prep:?}"));
            }
            if p.preps.iter().any(|q| q == prep) {
                return Err(format!("expected prep:{prep} once"));
            }
            if let Some(lemmas) = lemmas {
                p.prep_lemmas.push((prep.to_string(), word_list(item, lemmas)?));
            }
            p.preps.push(prep.to_string());
        } else if let Some(v) = item.strip_prefix("T=") {
            if have_t {
                return Err("expected T= at most once".to_string());
            }
            have_t = true;
            p.target = parse_slots(item, v)?;
        } else if let Some(v) = item.strip_prefix("S=") {
            if have_s {
                return Err("expected S= at most once".to_string());
            }
            have_s = true;
            p.source = parse_slots(item, v)?;
        } else if let Some(v) = item.strip_prefix("w=") {
            if have_w {
                return Err("expected w= at most once".to_string());
            }
            have_w = true;
            p.weight = match v.parse::<u8>() {
                Ok(n @ 1..=9) => n,
                _ => return Err(format!("expected a weight 1-9 in w=, found {v:?}")),
            };
        } else {
            return Err(format!(
                "expected an item (prt:, obj:, obj=party, obj=none, xcomp:, prep:, prep:P=, T=, S=, R, w=), found {item:?}"
            ));
        }
    }
    if !have_t {
        p.target = vec![Slot::Obj];
    }
    if !have_s {
        p.source = match pos {
            TriggerPos::Noun => vec![Slot::Poss, Slot::Prep("by".to_string()), Slot::Amod],
            TriggerPos::Verb | TriggerPos::Adj => vec![Slot::Subj],
        };
    }
    if p.obj_none && (p.obj_party || !p.obj.is_empty()) {
        return Err("expected obj=none without obj: or obj=party".to_string());
    }
    if p.particle.is_some() && pos != TriggerPos::Verb {
        return Err("expected prt: only on verb triggers".to_string());
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> CameoTable {
        CameoTable::load_default().expect("embedded CAMEO table")
    }

    fn parse(text: &str) -> Result<PatternDict> {
        PatternDict::from_sources(&[("verbs/t.txt".to_string(), text)], &table())
    }

    #[test]
    fn parses_items_and_defaults() {
        let d = parse("# comment\n\n057 sign obj:agreement|treaty T=with R w=7 # trailing\n112 n:accusation S=poss|by T=against|of\n")
            .expect("parses");
        assert_eq!(d.len(), 2);
        let p = &d.patterns[0];
        assert_eq!(p.cameo, "057");
        assert_eq!(p.pos, TriggerPos::Verb);
        assert_eq!(p.obj, vec!["agreement", "treaty"]);
        assert_eq!(p.target, vec![Slot::Prep("with".into())]);
        assert_eq!(p.source, vec![Slot::Subj]);
        assert!(p.reciprocal);
        assert_eq!(p.weight, 7);
        assert_eq!(p.origin, "verbs/t.txt:3");
        let n = &d.patterns[1];
        assert_eq!(n.pos, TriggerPos::Noun);
        assert_eq!(n.source, vec![Slot::Poss, Slot::Prep("by".into())]);
        assert_eq!(d.for_lemma(TriggerPos::Noun, "accusation"), &[1]);
        assert!(d.for_lemma(TriggerPos::Verb, "accusation").is_empty());
        let d = parse("190 n:clash T=with|between R\n0874 withdraw T=from|none\n").expect("parses");
        assert_eq!(d.patterns[0].source, vec![Slot::Poss, Slot::Prep("by".into()), Slot::Amod]);
        assert_eq!(d.patterns[1].target, vec![Slot::Prep("from".into()), Slot::None]);
        assert_eq!(d.patterns[1].to_string(), "0874 withdraw S=subj T=from|none w=5");
        let d = parse("173 hold obj=party w=1\n").expect("parses");
        assert!(d.patterns[0].obj_party);
        assert_eq!(d.patterns[0].specificity(), 1);
        assert_eq!(d.patterns[0].to_string(), "173 hold obj=party S=subj T=obj w=1");
        assert!(parse("173 hold obj=party obj=party\n").is_err());
        let d = parse("141 demonstrate obj=none T=none\n").expect("parses");
        assert!(d.patterns[0].obj_none);
        assert_eq!(d.patterns[0].specificity(), 0);
        assert_eq!(d.patterns[0].to_string(), "141 demonstrate obj=none S=subj T=none w=5");
        assert!(parse("141 demonstrate obj=none obj:force\n").is_err());
    }

    #[test]
    fn errors_name_file_line_and_expectation() {
        let cases = [
            ("040 meet\n999 meet\n", "verbs/t.txt:2: expected a CAMEO code listed"),
            ("040 meet T=wiht\n", "verbs/t.txt:1: expected a slot"),
            ("040 meet foo:bar\n", "verbs/t.txt:1: expected an item"),
            ("040 Meet\n", "verbs/t.txt:1: expected a lower-case trigger"),
            ("040 meet w=0\n", "verbs/t.txt:1: expected a weight 1-9"),
            ("040 meet prep:wiht\n", "verbs/t.txt:1: expected a preposition"),
            ("040 meet T=none|obj\n", "verbs/t.txt:1: expected 'none' last"),
            ("040\n", "verbs/t.txt:1: expected a trigger lemma"),
            ("040 n:talk prt:up\n", "verbs/t.txt:1: expected prt: only on verb"),
        ];
        for (text, want) in cases {
            let e = parse(text).expect_err(text).to_string();
            assert!(e.starts_with(want), "{text:?}: {e}");
        }
        let e = PatternDict::from_sources(&[("verbs/19-fight.txt".to_string(), "040 meet\n")], &table()).unwrap_err();
        assert!(e.to_string().contains("expected a code of root 19"), "{e}");
    }

    #[test]
    fn duplicates_and_conflicts_are_reported() {
        let d = parse("040 meet T=with\n040 meet T=obj\n043 meet\n040 meet prep:with\n").expect("parses");
        assert_eq!(d.warnings.len(), 3, "{:?}", d.warnings);
        assert!(d.warnings[0].starts_with("verbs/t.txt:2: 040 duplicates or overlaps at verbs/t.txt:1"));
        assert!(
            d.warnings[1].contains("043 conflicts with 040 at verbs/t.txt:1"),
            "{:?}",
            d.warnings
        );
        let d = parse("085 lift obj:sanction|embargo\n0813 lift obj:curfew\n081 lift obj:ban|embargo\n").expect("parses");
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        assert!(
            d.warnings[0].starts_with("verbs/t.txt:3: 081 conflicts with 085"),
            "{:?}",
            d.warnings
        );
        let d = parse("0253 call prep:for=release\n0256 call prep:for=ceasefire\n020 call prep:for\n").expect("parses");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn default_dictionary_covers_every_code() {
        let t = table();
        let d = PatternDict::load_default().expect("embedded patterns load");
        assert!(d.len() >= 2000, "only {} patterns", d.len());
        let p = &d.patterns[d.len() / 2];
        assert_eq!(d.by_origin(&p.origin), Some(p));
        assert_eq!(d.by_origin("verbs/none.txt:1"), None);
        assert!(d.warnings.is_empty(), "duplicates/conflicts:\n{}", d.warnings.join("\n"));
        let counts = d.counts_by_code();
        let missing: Vec<&str> = t.codes().map(|c| c.code.as_str()).filter(|c| !counts.contains_key(c)).collect();
        assert!(missing.is_empty(), "codes without a pattern: {missing:?}");
        let thin: Vec<&str> = t
            .codes()
            .map(|c| c.code.as_str())
            .filter(|c| counts.get(c).copied().unwrap_or(0) < 3)
            .collect();
        assert!(thin.is_empty(), "codes with fewer than 3 patterns: {thin:?}");
        for p in &d.patterns {
            assert!(t.contains(&p.cameo));
        }
        let accuse = d.for_lemma(TriggerPos::Verb, "accuse");
        assert!(accuse.iter().filter_map(|&i| d.get(i)).any(|p| p.cameo.starts_with("112")));
    }

    #[test]
    fn load_dir_matches_embedded_files() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/dict/verbs");
        let from_dir = PatternDict::load_dir(&dir).expect("directory loads");
        let embedded = PatternDict::load_default().expect("embedded loads");
        assert_eq!(from_dir.len(), embedded.len());
        let missing = PatternDict::load_dir(Path::new("/nonexistent/tacitus/verbs")).unwrap_err();
        assert!(missing.to_string().starts_with("/nonexistent/tacitus/verbs"), "{missing}");
    }
}
