//! Actor dictionaries: countries, leaders, organisations, armed groups, parties and sector words,
//! written by us in a readable line format (see `resources/dict/actors/FORMAT.md`), validated on
//! load with `file:line` errors and compiled into a token trie for longest-match lookup.
//!
//! ```
//! use tacitus_dict::actors::ActorDict;
//! let dict = ActorDict::load_default().unwrap();
//! let tokens = ["Nikol", "Pashinyan", "said"];
//! let m = dict.longest_match(&tokens, 0).unwrap();
//! assert_eq!(m.len, 2);
//! let date = chrono::NaiveDate::from_ymd_opt(2022, 10, 31).unwrap();
//! assert_eq!(m.entry.code_at(date).unwrap().code(), "ARMGOV");
//! ```

mod matcher;
mod parse;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use tacitus_doc::ActorCode;

pub use matcher::normalize_token;

/// Problems found while loading actor dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A dictionary line is malformed or contradicts another line.
    #[error("{file}:{line}: {message}")]
    Syntax { file: String, line: usize, message: String },
    /// A dictionary file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A dictionary directory holds no `*.txt` file.
    #[error("{0}: no actor dictionary files (*.txt) found")]
    NoFiles(PathBuf),
}

/// Result of the actor dictionary loaders.
pub type Result<T> = std::result::Result<T, Error>;

/// What kind of thing a dictionary entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// A state or territory by name ("Armenia", "Burma").
    Country,
    /// An adjective or demonym of a state ("Armenian", "Azeris").
    Demonym,
    /// A capital used as a metonym for the government ("Yerevan").
    Capital,
    /// A seat of power used as a metonym ("the Kremlin", "the Pentagon").
    Seat,
    /// A city or region: a place, not an actor by itself; `code_at` gives `None`.
    City,
    /// A person with dated roles.
    Person,
    /// An intergovernmental or non-governmental organisation.
    Organisation,
    /// An armed non-state group.
    Group,
    /// A political party.
    Party,
    /// A sector (agent) word: "troops", "prime minister".
    Sector,
}

impl EntryKind {
    /// All kinds, in the order used by [`DictStats`].
    pub const ALL: [EntryKind; 10] = [
        EntryKind::Country,
        EntryKind::Demonym,
        EntryKind::Capital,
        EntryKind::Seat,
        EntryKind::City,
        EntryKind::Person,
        EntryKind::Organisation,
        EntryKind::Group,
        EntryKind::Party,
        EntryKind::Sector,
    ];

    /// Lower-case name used in statistics and explanations.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntryKind::Country => "country",
            EntryKind::Demonym => "demonym",
            EntryKind::Capital => "capital",
            EntryKind::Seat => "seat",
            EntryKind::City => "city",
            EntryKind::Person => "person",
            EntryKind::Organisation => "organisation",
            EntryKind::Group => "group",
            EntryKind::Party => "party",
            EntryKind::Sector => "sector",
        }
    }

    /// Whether the entry's names are proper names (matched with their capitalisation).
    pub fn is_proper(&self) -> bool {
        !matches!(self, EntryKind::Sector)
    }

    /// Preference when two entries share the same words: the more specific kind wins.
    fn priority(&self) -> u8 {
        match self {
            EntryKind::Person => 0,
            EntryKind::Organisation => 1,
            EntryKind::Group => 2,
            EntryKind::Party => 3,
            EntryKind::Seat => 4,
            EntryKind::Country => 5,
            EntryKind::Capital => 6,
            EntryKind::Demonym => 7,
            EntryKind::City => 8,
            EntryKind::Sector => 9,
        }
    }
}

/// One dated role of a person; both ends inclusive, `to == None` means still in office.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub code: ActorCode,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Role {
    fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && !matches!(self.to, Some(to) if to < date)
    }
}

/// One dictionary entry: a named entity or a sector word group.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorEntry {
    pub kind: EntryKind,
    /// Canonical name (the block's title, or the alternative itself for seats and cities).
    pub name: String,
    /// Fixed code of every kind except persons (dated roles) and cities (`None`).
    pub code: Option<ActorCode>,
    /// ISO alpha-3 (or `IGO`, `NGO`, ...) the entry belongs to; for cities the country they are
    /// in, for persons their home country (used for the `ELI` code out of office).
    pub country: String,
    /// Dated roles, sorted by start date: a person's offices, or the periods in which an
    /// organisation, group or party had another code than its fixed one (the Taliban as the
    /// government of Afghanistan since 2021). Empty for the other kinds.
    pub roles: Vec<Role>,
    /// Every surface form of the entry, as written in the dictionary.
    pub names: Vec<String>,
    /// Dictionary file and line where the entry is defined.
    pub file: String,
    pub line: usize,
}

impl ActorEntry {
    /// The code this entry has at a date. Persons follow their dated roles; between two roles
    /// and after the last one they are elites (`ELI`) of their home country; before their first
    /// role they have no code (`None`). Organisations, groups and parties take a dated role's
    /// code when one covers the date, else their fixed code. Cities have no code.
    pub fn code_at(&self, date: NaiveDate) -> Option<ActorCode> {
        match self.kind {
            EntryKind::Person => {
                if let Some(role) = self.roles.iter().find(|r| r.covers(date)) {
                    return Some(role.code.clone());
                }
                let held_before = self.roles.iter().any(|r| r.to.is_some_and(|to| to < date));
                (held_before && !self.country.is_empty()).then(|| ActorCode::new(&self.country, "ELI"))
            }
            _ => match self.roles.iter().find(|r| r.covers(date)) {
                Some(role) => Some(role.code.clone()),
                None => self.code.clone(),
            },
        }
    }
}

/// A dictionary match: `len` tokens starting at the queried index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActorMatch<'a> {
    pub len: usize,
    pub entry: &'a ActorEntry,
}

/// Size figures of a loaded dictionary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DictStats {
    /// Entries per kind, in [`EntryKind::ALL`] order.
    pub entries: Vec<(EntryKind, usize)>,
    /// Surface forms compiled into the trie (after `the`/hyphen variants).
    pub forms: usize,
    pub trie_nodes: usize,
    pub vocabulary: usize,
    pub files: usize,
    /// Approximate heap bytes held by the dictionary.
    pub heap_bytes: usize,
}

/// The compiled actor dictionary.
#[derive(Debug)]
pub struct ActorDict {
    entries: Vec<ActorEntry>,
    trie: matcher::Trie,
    files: usize,
    /// Lower-cased single-word country and demonym names of five letters or more, sorted, with
    /// their entry: the candidates of [`ActorDict::misspelt_country`].
    spellings: Vec<(Vec<char>, usize)>,
}

/// Embed dictionary files of `resources/dict/actors/` as `(name, text)` pairs.
macro_rules! actor_files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../../resources/dict/actors/", $name)))),*]
    };
}

/// The dictionary files embedded in the binary, in load order.
pub const DEFAULT_FILES: &[(&str, &str)] = actor_files![
    "countries.txt",
    "sectors.txt",
    "leaders-europe.txt",
    "leaders-americas.txt",
    "leaders-middle-east.txt",
    "leaders-asia.txt",
    "leaders-africa.txt",
    "leaders-other.txt",
    "leaders-history.txt",
    "orgs.txt",
    "groups.txt",
    "parties.txt",
];

impl ActorDict {
    /// Load the dictionaries embedded in the binary.
    pub fn load_default() -> Result<ActorDict> {
        Self::from_sources(DEFAULT_FILES.iter().map(|(n, t)| (n.to_string(), *t)))
    }

    /// Load every `*.txt` file of a directory (sorted by name), in the same format.
    pub fn load_dir(dir: &Path) -> Result<ActorDict> {
        let texts = read_dir_texts(dir)?;
        Self::from_sources(texts.iter().map(|(n, t)| (n.clone(), t.as_str())))
    }

    /// Load the embedded dictionaries followed by a user directory (user entries may add
    /// names; a name that contradicts an embedded one is an error naming both places).
    pub fn load_default_and_dir(dir: &Path) -> Result<ActorDict> {
        let texts = read_dir_texts(dir)?;
        let all = DEFAULT_FILES
            .iter()
            .map(|(n, t)| (n.to_string(), *t))
            .chain(texts.iter().map(|(n, t)| (n.clone(), t.as_str())));
        Self::from_sources(all)
    }

    /// Load from `(file name, text)` pairs, e.g. files read by the caller.
    pub fn from_sources<'t>(sources: impl IntoIterator<Item = (String, &'t str)>) -> Result<ActorDict> {
        let sources: Vec<(String, &str)> = sources.into_iter().collect();
        let parsed = parse::parse_sources(&sources)?;
        let trie = matcher::Trie::build(&parsed.entries, &parsed.forms)?;
        let mut spellings: Vec<(Vec<char>, usize)> = parsed
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, EntryKind::Country | EntryKind::Demonym))
            .flat_map(|(i, e)| e.names.iter().map(move |n| (n.to_lowercase().chars().collect::<Vec<char>>(), i)))
            .filter(|(n, _)| n.len() >= 5 && n.iter().all(|c| c.is_alphabetic()))
            .collect();
        spellings.sort();
        spellings.dedup();
        Ok(ActorDict {
            entries: parsed.entries,
            trie,
            files: sources.len(),
            spellings,
        })
    }

    /// Longest entry matching `tokens[i..]`. Proper names match capitalised (or all-caps)
    /// text, acronyms all-caps text; sector words match any case. A leading "the" is part of
    /// the match where the name is written with it ("the Kremlin"). A possessive written on the
    /// token ("Russia's") ends a match at that token.
    pub fn longest_match(&self, tokens: &[&str], i: usize) -> Option<ActorMatch<'_>> {
        let (len, entry) = self.trie.longest(tokens, i, &self.entries)?;
        Some(ActorMatch {
            len,
            entry: &self.entries[entry],
        })
    }

    /// The country or demonym (of five letters or more) a capitalised word of six letters or
    /// more misspells by one letter (left out, added, changed or swapped with its neighbour;
    /// the first letter kept): "Ethopia", "Quatar". `None` for a word that is itself a name,
    /// and unless exactly one country is that close.
    pub fn misspelt_country(&self, word: &str) -> Option<&ActorEntry> {
        let w: Vec<char> = word.chars().collect();
        if w.len() < 6 || !w[0].is_uppercase() || !w.iter().all(|c| c.is_alphabetic()) || self.lookup(word).is_some() {
            return None;
        }
        // names of their own, one letter off a country or demonym ("Columbia University",
        // "Indiana" next to "Indian")
        const NAMES: &[&str] = &["columbia", "indiana", "carolina", "georgian", "malaya", "samoans"];
        if NAMES.contains(&word.to_lowercase().as_str()) {
            return None;
        }
        let lower: Vec<char> = word.to_lowercase().chars().collect();
        let mut found: Option<&ActorEntry> = None;
        // the candidates sharing the first letter: a run of the sorted list
        let from = self.spellings.partition_point(|(n, _)| n[0] < lower[0]);
        for (n, i) in self.spellings[from..].iter().take_while(|(n, _)| n[0] == lower[0]) {
            if n.len().abs_diff(lower.len()) <= 1 && one_edit_apart(n, &lower) {
                let e = &self.entries[*i];
                if found.is_some_and(|f| f.code != e.code) {
                    return None;
                }
                found = Some(e);
            }
        }
        found
    }

    /// The entry whose surface form is exactly `name` (split on whitespace), if any.
    pub fn lookup(&self, name: &str) -> Option<&ActorEntry> {
        let tokens: Vec<&str> = name.split_whitespace().collect();
        self.longest_match(&tokens, 0).filter(|m| m.len == tokens.len()).map(|m| m.entry)
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.entries
    }

    /// Entries per kind and size figures.
    pub fn stats(&self) -> DictStats {
        let entries = EntryKind::ALL
            .iter()
            .map(|k| (*k, self.entries.iter().filter(|e| e.kind == *k).count()))
            .collect();
        let entry_bytes: usize = self
            .entries
            .iter()
            .map(|e| {
                std::mem::size_of::<ActorEntry>()
                    + e.name.len()
                    + e.names.iter().map(|n| n.len() + 24).sum::<usize>()
                    + e.roles.len() * (std::mem::size_of::<Role>() + 9)
                    + e.file.len()
            })
            .sum();
        DictStats {
            entries,
            forms: self.trie.forms,
            trie_nodes: self.trie.node_count(),
            vocabulary: self.trie.vocabulary(),
            files: self.files,
            heap_bytes: entry_bytes + self.trie.heap_bytes(),
        }
    }
}

/// Time to load the embedded dictionaries once (for the `actor_stats` example).
pub fn time_default_load() -> Result<(ActorDict, Duration)> {
    let start = std::time::Instant::now();
    let dict = ActorDict::load_default()?;
    Ok((dict, start.elapsed()))
}

fn read_dir_texts(dir: &Path) -> Result<Vec<(String, String)>> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Error::NoFiles(dir.to_path_buf()));
    }
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|source| Error::Io { path: p.clone(), source })?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

#[cfg(test)]
mod table_tests;

/// Exactly one insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    if a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let rest = |from: usize| short[from..] == long[from..];
        rest(prefix + 1)
            || (prefix + 1 < short.len() && short[prefix] == long[prefix + 1] && short[prefix + 1] == long[prefix] && rest(prefix + 2))
    } else {
        long.len() == short.len() + 1 && short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod misspelling_tests {
    use super::*;

    #[test]
    fn one_letter_off_country_names_are_found_and_nothing_else() {
        let d = ActorDict::load_default().unwrap();
        let code = |w: &str| d.misspelt_country(w).and_then(|e| e.code.clone()).map(|c| c.country);
        assert_eq!(code("Ethopia").as_deref(), Some("ETH"));
        assert_eq!(code("Quatar").as_deref(), Some("QAT"));
        assert_eq!(code("Pakistna").as_deref(), Some("PAK"));
        // short words, exact names, other first letters and unrelated names are not guessed
        assert_eq!(code("Irak"), None);
        assert_eq!(code("Ethiopia"), None);
        assert_eq!(code("Kthiopia"), None);
        assert_eq!(code("Pashinyan"), None);
        assert_eq!(code("ethopia"), None);
        assert_eq!(code("Columbia"), None);
        assert_eq!(code("Indiana"), None);
    }

    #[test]
    fn one_edit_apart_counts_edits() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(one_edit_apart(&c("ethiopia"), &c("ethopia")));
        assert!(one_edit_apart(&c("qatar"), &c("quatar")));
        assert!(one_edit_apart(&c("kenya"), &c("keyna")));
        assert!(one_edit_apart(&c("kenya"), &c("kenia")));
        assert!(!one_edit_apart(&c("kenya"), &c("kenya")));
        assert!(!one_edit_apart(&c("kenya"), &c("knyea")));
    }
}
