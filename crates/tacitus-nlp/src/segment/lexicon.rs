//! Word lists the tokenizer and sentence splitter consult: abbreviations, titles, hyphen
//! prefixes, contractions and words that clearly open a sentence.
//!
//! Every lookup takes a word already lower-cased into a small stack buffer (see [`Lower`]), so
//! no allocation happens per token.

/// An ASCII-lower-cased copy of a short word, kept on the stack. Words longer than the buffer or
/// with non-ASCII letters are not in any list, so they yield `None`.
pub(crate) struct Lower {
    buf: [u8; 16],
    len: usize,
}

impl Lower {
    pub(crate) fn new(word: &str) -> Option<Lower> {
        let bytes = word.as_bytes();
        if bytes.len() > 16 || !bytes.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 16];
        for (dst, src) in buf.iter_mut().zip(bytes) {
            *dst = src.to_ascii_lowercase();
        }
        Some(Lower { buf, len: bytes.len() })
    }

    pub(crate) fn as_str(&self) -> &str {
        // Lower-casing ASCII bytes keeps them ASCII, so this cannot fail; fall back to "".
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Abbreviations written with a final period whatever their case (`Mr.`, `etc.`, `Sept.`).
/// Lower-case, without the period, sorted for binary search.
const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "approx", "apr", "arrv", "assn", "asst", "attn", "aug", "ave", "bldg", "blvd", "brig", "bros", "capt", "cf", "cmdr", "co",
    "col", "conn", "corp", "cpl", "dec", "dept", "dist", "dr", "esp", "esq", "est", "etc", "feb", "fig", "figs", "fla", "ft", "gen",
    "gens", "gov", "govt", "hon", "hwy", "inc", "incl", "jan", "jr", "jul", "jun", "lb", "lbs", "lt", "ltd", "maj", "messrs", "mfg", "mg",
    "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "oz", "pct", "pp", "pres", "prof", "pvt", "rd", "rep", "reps", "rev", "sen",
    "sens", "sep", "sept", "sgt", "spec", "sr", "st", "ste", "supt", "tel", "thur", "thurs", "tues", "univ", "v", "vol", "vols", "vs",
];

/// Abbreviations that are also ordinary words (`sat.`, `ill.`, `no.`): only an upper-case first
/// letter makes them abbreviations. Lower-case, sorted.
const CAPITALISED_ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "del", "fri", "ga", "ill", "ind", "kan", "kans", "ky", "la", "mar", "mass", "md", "me", "mich",
    "minn", "miss", "mo", "mon", "mont", "neb", "nev", "okla", "ore", "pa", "sat", "sun", "tenn", "tex", "va", "vt", "wash", "wed", "wis",
    "wyo",
];

/// Abbreviations that stand before a name or an example and so never end a sentence (`Mr.`,
/// `Gen.`, `e.g.`, `v.`).
const TITLES: &[&str] = &[
    "adm", "amb", "brig", "capt", "cf", "cmdr", "col", "cpl", "dr", "e.g", "fr", "gen", "gens", "gov", "hon", "i.e", "lt", "maj", "messrs",
    "mr", "mrs", "ms", "mt", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "supt", "v", "viz", "vs",
];

/// Abbreviations that take a number after them (`No. 1`, `Vol. 2`); with no number they are
/// plain words (`he said no.`).
const NUMBER_ABBREVIATIONS: &[&str] = &["art", "c", "ca", "fig", "no", "nos", "p", "pp", "vol"];

/// Word beginnings that EWT and GUM keep joined to the rest by a hyphen (`e-mail`,
/// `non-profit`, `co-founder`); other hyphens are split off as their own token.
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "co", "cross", "e", "ex", "extra", "inter", "intra", "mid", "mini", "multi", "non", "over", "post", "pre", "pro", "re", "semi",
    "sub", "uh", "ultra",
];

/// Capitalised words that, after an abbreviation or an initial, show that a new sentence has
/// begun (closed-class words that rarely follow `U.S.` or `J.` inside a name). Lower-case, sorted.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "even",
    "for",
    "from",
    "he",
    "her",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "most",
    "my",
    "nevertheless",
    "no",
    "not",
    "now",
    "on",
    "one",
    "our",
    "several",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "under",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yesterday",
    "yet",
    "you",
];

/// Contractions written without an apostrophe that EWT splits in two (`gonna` → `gon` `na`):
/// the word and the length of its first part. Sorted by length, then alphabetically, so the
/// search compares lengths before bytes.
const FUSED_CONTRACTIONS: &[(&str, usize)] = &[
    ("im", 1),
    ("ive", 1),
    ("aint", 2),
    ("cant", 2),
    ("dont", 2),
    ("isnt", 2),
    ("wont", 2),
    ("arent", 3),
    ("didnt", 3),
    ("gimme", 3),
    ("gonna", 3),
    ("gotta", 3),
    ("hasnt", 3),
    ("thats", 4),
    ("wanna", 3),
    ("wasnt", 3),
    ("whats", 4),
    ("youre", 3),
    ("cannot", 3),
    ("doesnt", 4),
    ("havent", 4),
    ("theres", 5),
    ("werent", 4),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
];

fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Is `word` (as written, without its period) an abbreviation that keeps its final period?
/// `number_follows` tells whether a number comes right after the period and its space.
pub(crate) fn is_abbreviation(word: &str, number_follows: bool) -> bool {
    let Some(lower) = Lower::new(word) else {
        return false;
    };
    let l = lower.as_str();
    if contains(NUMBER_ABBREVIATIONS, l) {
        return number_follows;
    }
    if contains(ABBREVIATIONS, l) {
        return true;
    }
    let capitalised = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    capitalised && contains(CAPITALISED_ABBREVIATIONS, l)
}

/// Is `word` (an abbreviation token, period included or not) a title that precedes a name?
pub(crate) fn is_title(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    Lower::new(word).is_some_and(|l| contains(TITLES, l.as_str()))
}

/// Is `word` (period included or not) one of the abbreviations that precede a number?
pub(crate) fn is_number_abbreviation(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    Lower::new(word).is_some_and(|l| contains(NUMBER_ABBREVIATIONS, l.as_str()))
}

/// Does a hyphen after `left` (the letters since the word start or the last hyphen) stay inside
/// the word?
pub(crate) fn keeps_hyphen_after(left: &str) -> bool {
    Lower::new(left).is_some_and(|l| HYPHEN_PREFIXES.contains(&l.as_str()))
}

/// Is this capitalised word a clear sign of a new sentence?
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    capitalised && Lower::new(word).is_some_and(|l| contains(SENTENCE_STARTERS, l.as_str()))
}

/// If `word` is a contraction written without apostrophe, the byte length of its first part.
pub(crate) fn fused_contraction_split(word: &str) -> Option<usize> {
    // Cheap rejections first: this runs on every word.
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    let last = word.as_bytes().last()?.to_ascii_lowercase();
    if !(2..=8).contains(&word.len())
        || !matches!(last, b't' | b'a' | b'e' | b's' | b'm')
        || !matches!(first, b'a' | b'c' | b'd' | b'g' | b'h' | b'i' | b's' | b't' | b'w' | b'y')
    {
        return None;
    }
    let lower = Lower::new(word)?;
    let l = lower.as_str();
    FUSED_CONTRACTIONS
        .binary_search_by(|(w, _)| (w.len(), *w).cmp(&(l.len(), l)))
        .ok()
        .map(|k| FUSED_CONTRACTIONS[k].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(FUSED_CONTRACTIONS
            .windows(2)
            .all(|w| (w[0].0.len(), w[0].0) < (w[1].0.len(), w[1].0)));
        for (w, _) in FUSED_CONTRACTIONS {
            assert!(fused_contraction_split(w).is_some(), "{w} is rejected early");
        }
        for list in [
            ABBREVIATIONS,
            CAPITALISED_ABBREVIATIONS,
            TITLES,
            NUMBER_ABBREVIATIONS,
            SENTENCE_STARTERS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "unsorted near {:?}", list.first());
        }
    }

    #[test]
    fn abbreviations_depend_on_case_and_numbers() {
        assert!(is_abbreviation("Mr", false));
        assert!(is_abbreviation("Sept", false));
        assert!(is_abbreviation("Wash", false));
        assert!(!is_abbreviation("wash", false));
        assert!(is_abbreviation("No", true));
        assert!(!is_abbreviation("no", false));
        assert!(!is_abbreviation("Russia", false));
        assert!(!is_abbreviation("averyveryverylongwordindeed", false));
    }

    #[test]
    fn titles_starters_prefixes_contractions() {
        assert!(is_title("Gen."));
        assert!(!is_title("Inc."));
        assert!(is_sentence_starter("The"));
        assert!(!is_sentence_starter("the"));
        assert!(!is_sentence_starter("Senate"));
        assert!(keeps_hyphen_after("non"));
        assert!(!keeps_hyphen_after("large"));
        assert_eq!(fused_contraction_split("Gonna"), Some(3));
        assert_eq!(fused_contraction_split("gone"), None);
    }
}
