//! English closed word classes: a word the tagger may call a determiner or pronoun, an
//! adposition or subordinating conjunction, a coordinating conjunction, an auxiliary or a
//! particle must be one of the few words of that class. "abandon" is never an adposition,
//! whatever its neighbours look like. Conversely, the simple past of an irregular verb that
//! nothing else spells the same ("undertook", "withdrew") is only ever a verb.
//!
//! The lists are written from English grammar (not taken from a treebank). Classes the
//! treebanks mix for the same words are merged: determiners with pronouns ("that", "all"),
//! adpositions with subordinating conjunctions ("before", "as").

use super::perceptron::HashMap64;
use super::tagger::lex;
use std::sync::OnceLock;
use tacitus_doc::Upos;

/// Determiners and pronouns (with informal spellings of pronouns).
const DET_PRON: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "no",
    "every",
    "each",
    "either",
    "neither",
    "all",
    "both",
    "half",
    "another",
    "other",
    "others",
    "such",
    "what",
    "which",
    "whatever",
    "whichever",
    "many",
    "much",
    "few",
    "several",
    "enough",
    "more",
    "most",
    "less",
    "least",
    "little",
    "lot",
    "lots",
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "themself",
    "one",
    "ones",
    "oneself",
    "someone",
    "somebody",
    "something",
    "anyone",
    "anybody",
    "anything",
    "everyone",
    "everybody",
    "everything",
    "nobody",
    "nothing",
    "none",
    "noone",
    "who",
    "whom",
    "whose",
    "whoever",
    "whomever",
    "there",
    "here",
    "thou",
    "thee",
    "thy",
    "thine",
    "ye",
    "u",
    "ur",
    "ya",
    "yall",
    "y'all",
    "'em",
    "em",
    "da",
    "tha",
    "dis",
    "dat",
    "wat",
    "wut",
    "sth",
    "smth",
    "yer",
    "yo",
    "'s",
    "s",
    "ta",
    "somethin",
    "nothin",
    "everythin",
    "anythin",
    "who's",
    "i'm",
    "im",
    "'t",
    "'d",
    "'ll",
    "et",
    "al",
    "al.",
    "same",
    "former",
    "latter",
    "certain",
    "various",
    "own",
    "it's",
    "its'",
    "quite",
    "rather",
];

/// Adpositions and subordinating conjunctions.
const ADP_SCONJ: &[&str] = &[
    "aboard",
    "about",
    "above",
    "across",
    "after",
    "against",
    "ago",
    "along",
    "alongside",
    "amid",
    "amidst",
    "among",
    "amongst",
    "around",
    "as",
    "at",
    "atop",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "but",
    "by",
    "circa",
    "concerning",
    "considering",
    "despite",
    "down",
    "during",
    "except",
    "excluding",
    "following",
    "for",
    "from",
    "in",
    "including",
    "inside",
    "into",
    "like",
    "minus",
    "near",
    "nearer",
    "nearest",
    "next",
    "notwithstanding",
    "of",
    "off",
    "on",
    "onto",
    "opposite",
    "out",
    "outside",
    "over",
    "past",
    "per",
    "plus",
    "pending",
    "regarding",
    "round",
    "save",
    "since",
    "than",
    "through",
    "throughout",
    "thru",
    "till",
    "til",
    "'til",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "unlike",
    "until",
    "unto",
    "up",
    "upon",
    "versus",
    "vs",
    "vs.",
    "v.",
    "v",
    "via",
    "with",
    "within",
    "without",
    "worth",
    "w/",
    "w/o",
    "w",
    "o'",
    "o",
    "re",
    "@",
    "x",
    "a",
    "away",
    "apart",
    "back",
    "instead",
    "because",
    "although",
    "though",
    "if",
    "lest",
    "once",
    "so",
    "that",
    "unless",
    "when",
    "whenever",
    "where",
    "whereas",
    "wherever",
    "whether",
    "while",
    "whilst",
    "cause",
    "'cause",
    "cuz",
    "cos",
    "coz",
    "b/c",
    "bc",
    "whereby",
    "whereupon",
    "albeit",
    "provided",
    "providing",
    "given",
    "granted",
    "supposing",
    "now",
    "how",
    "why",
    "even",
    "just",
    "otherwise",
    "'till",
    "ta",
    "t",
    "abt",
    "wit",
    "fer",
    "fro",
    "tho",
    "altho",
    "thus",
    "then",
    "ie",
    "i.e.",
    "eg",
    "e.g.",
    "according",
    "due",
    "prior",
    "together",
    "rather",
    "close",
    "ahead",
    "aside",
    "upto",
    "alongwith",
    "'",
    "n",
    "-",
    "and",
    "or",
];

/// Coordinating conjunctions.
const CCONJ: &[&str] = &[
    "and", "or", "but", "nor", "yet", "so", "plus", "minus", "either", "neither", "both", "whether", "&", "'n'", "'n", "n'", "n", "an",
    "und", "et", "versus", "vs", "vs.", "v", "/", "+", "and/or", "nd", "instead", "then", "rather", "not", "as", "than", "only", "also",
    "let", "well", "x", "-", "or/and",
];

/// Auxiliaries, with contracted and informal spellings.
const AUX: &[&str] = &[
    "be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m", "s", "re", "m", "r", "have", "has", "had", "having", "'ve",
    "'d", "ve", "d", "do", "does", "did", "done", "doing", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "ought", "wo", "ca", "sha", "'ll", "ll", "need", "dare", "get", "got", "gets", "getting", "gotten", "ai", "wil", "wud", "cud", "shud",
    "cant", "dont", "wont", "is'nt", "im", "ur", "b", "gon", "gotta", "hafta", "gonna", "wanna", "go", "used", "use", "better", "able",
    "to", "'", "ta", "na", "da", "i", "ar", "beeen", "bee", "iz", "wuz", "ahve", "hav", "haz", "dose", "doe", "dnt", "id", "u", "y", "c",
    "is't", "wasnt", "v", "´m", "´s", "´re", "´ve", "´ll", "´d",
];

/// Particles: infinitival "to", negation, possessive marks and the pieces of "gonna",
/// "gotta", "wanna".
const PART: &[&str] = &[
    "to", "not", "n't", "nt", "'nt", "n’t", "'s", "’s", "'", "’", "s", "na", "ta", "t", "no", "never", "ot", "o", "n", "'t", "please",
    "up", "out", "off", "on", "in", "down", "over", "away", "back", "about", "around", "x", "-", "too", "tho", "non", "un", "a", "da",
    "ne", "nit", "nto", "tp", "yo", "til", "till", "d", "not.", "noy", "nor",
];

/// Past forms of English irregular verbs that nothing else spells the same (no noun, adjective
/// or name): "undertook" is a past-tense verb, however rare, with the base "undertake". Facts of
/// English, each with its base.
#[rustfmt::skip]
const VERB_ONLY: &[(&str, &str)] = &[
    ("took", "take"), ("undertook", "undertake"), ("overtook", "overtake"), ("mistook", "mistake"),
    ("withdrew", "withdraw"), ("forbade", "forbid"), ("forbad", "forbid"), ("forgave", "forgive"),
    ("foresaw", "foresee"), ("oversaw", "oversee"), ("overran", "overrun"), ("overthrew", "overthrow"),
    ("underwent", "undergo"), ("went", "go"), ("came", "come"), ("became", "become"), ("overcame", "overcome"),
    ("gave", "give"), ("spoke", "speak"), ("chose", "choose"), ("drove", "drive"), ("stole", "steal"),
    ("swore", "swear"), ("froze", "freeze"), ("shook", "shake"), ("sank", "sink"), ("threw", "throw"),
    ("wrote", "write"), ("began", "begin"), ("knew", "know"), ("grew", "grow"), ("flew", "fly"),
    ("blew", "blow"), ("wore", "wear"), ("strove", "strive"), ("arose", "arise"), ("awoke", "awake"),
    ("befell", "befall"), ("beheld", "behold"), ("sought", "seek"), ("fought", "fight"), ("brought", "bring"),
    ("bought", "buy"), ("caught", "catch"), ("told", "tell"), ("sold", "sell"), ("spent", "spend"), ("kept", "keep"),
    ("meant", "mean"), ("understood", "understand"), ("withheld", "withhold"), ("upheld", "uphold"),
    ("forsook", "forsake"), ("forgot", "forget"), ("dealt", "deal"), ("dwelt", "dwell"), ("knelt", "kneel"),
    ("leapt", "leap"), ("wept", "weep"), ("swept", "sweep"), ("slept", "sleep"), ("crept", "creep"), ("fled", "flee"),
    ("clung", "cling"), ("flung", "fling"), ("stung", "sting"), ("swung", "swing"), ("wrung", "wring"),
    ("sprang", "spring"), ("sang", "sing"), ("rang", "ring"), ("shrank", "shrink"), ("stank", "stink"),
    ("drank", "drink"), ("spun", "spin"), ("slid", "slide"), ("strode", "stride"), ("struck", "strike"),
    ("shone", "shine"), ("withstood", "withstand"),
];

const BIT_DET_PRON: u8 = 1;
const BIT_ADP_SCONJ: u8 = 2;
const BIT_CCONJ: u8 = 4;
const BIT_AUX: u8 = 8;
const BIT_PART: u8 = 16;
/// Every class but the verbs and the closed classes: all words may take it but the `VERB_ONLY`.
const BIT_NOT_VERB: u8 = 32;
/// Verbs in any form but the simple past and the past participle: not for the `VERB_ONLY`.
const BIT_NOT_PAST: u8 = 64;

/// The closed class a UPOS belongs to, as a bit; 0 for verbs, `BIT_NOT_VERB` for the other open
/// classes and symbols.
pub fn class_bit(u: Upos, xpos: &str) -> u8 {
    match u {
        Upos::Verb if !matches!(xpos, "VBD" | "VBN") => BIT_NOT_PAST,
        Upos::Det | Upos::Pron => BIT_DET_PRON,
        Upos::Adp | Upos::Sconj => BIT_ADP_SCONJ,
        Upos::Cconj => BIT_CCONJ,
        Upos::Aux => BIT_AUX,
        Upos::Part => BIT_PART,
        Upos::Verb => 0,
        _ => BIT_NOT_VERB,
    }
}

/// Closed classes allowed for each listed word, by the hash of its lower-cased form (the
/// tagger's `Lex::lower`). Curly apostrophes are listed as straight ones and matched both ways.
fn table() -> &'static HashMap64<u8> {
    static TABLE: OnceLock<HashMap64<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let none = HashMap64::default();
        let mut t: HashMap64<u8> = HashMap64::default();
        for (words, bit) in [
            (DET_PRON, BIT_DET_PRON),
            (ADP_SCONJ, BIT_ADP_SCONJ),
            (CCONJ, BIT_CCONJ),
            (AUX, BIT_AUX),
            (PART, BIT_PART),
        ] {
            for w in words {
                for form in [w.to_string(), w.replace('\'', "’")] {
                    *t.entry(lex(&form, &none).lower).or_insert(BIT_NOT_VERB | BIT_NOT_PAST) |= bit;
                }
            }
        }
        for (w, _) in VERB_ONLY {
            t.insert(lex(w, &none).lower, 0);
        }
        t
    })
}

/// The closed classes a word (by `Lex::lower`) may take.
pub fn allowed(lower: u64) -> u8 {
    table().get(&lower).copied().unwrap_or(BIT_NOT_VERB | BIT_NOT_PAST)
}

/// The base of a `VERB_ONLY` past form ("undertook" → "undertake"), for the lemmatizer.
/// Case-insensitive; no allocation (it runs on every word).
pub fn past_base(form: &str) -> Option<&'static str> {
    static BASES: OnceLock<std::collections::HashMap<&'static str, &'static str>> = OnceLock::new();
    let b = form.as_bytes();
    if !(4..=10).contains(&b.len()) || !b.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 10];
    buf[..b.len()].copy_from_slice(b);
    buf[..b.len()].make_ascii_lowercase();
    let lower = std::str::from_utf8(&buf[..b.len()]).ok()?;
    BASES.get_or_init(|| VERB_ONLY.iter().copied().collect()).get(lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed_word(w: &str) -> u8 {
        allowed(lex(w, &HashMap64::default()).lower)
    }

    #[test]
    fn listed_words_keep_their_classes_and_others_have_none() {
        let any = BIT_NOT_VERB | BIT_NOT_PAST;
        assert_eq!(allowed_word("The") & BIT_DET_PRON, BIT_DET_PRON);
        assert_eq!(allowed_word("The") & any, any);
        assert_eq!(allowed_word("against") & BIT_ADP_SCONJ, BIT_ADP_SCONJ);
        assert_eq!(allowed_word("n’t") & BIT_PART, BIT_PART);
        assert_eq!(allowed_word("abandon"), any);
        assert_eq!(allowed_word("protesters"), any);
        assert_eq!(class_bit(Upos::Sconj, "IN"), class_bit(Upos::Adp, "IN"));
        assert_eq!(class_bit(Upos::Noun, "NN"), BIT_NOT_VERB);
        assert_eq!(class_bit(Upos::Verb, "VBD"), 0);
        assert_eq!(class_bit(Upos::Verb, "VBP"), BIT_NOT_PAST);
        // an irregular past form is a past verb, nothing else
        assert_eq!(allowed_word("Undertook"), 0);
        assert_eq!(allowed_word("withdrew") & class_bit(Upos::Adj, "JJ"), 0);
        assert_eq!(past_base("undertook"), Some("undertake"));
        assert_eq!(past_base("walked"), None);
    }
}
