//! Small word lists (written by us) that tell place names from people, demonyms and common words.

/// Common given names that are also names of small places ("Kelly", "David", "Bernard").
#[rustfmt::skip]
pub const FIRST_NAMES: &[&str] = &[
    "aaron", "adam", "adrian", "ahmed", "alan", "albert", "alex", "alexander", "alexandra", "alice", "alison",
    "allen", "amanda", "amber", "amy", "andrea", "andrew", "angela", "angelina", "ann", "anna", "anne",
    "anthony", "antonio", "arthur", "ashley", "audrey", "austin", "barbara", "ben", "benjamin", "bernard",
    "beth", "betty", "bill", "billy", "bob", "bobby", "boris", "brad", "bradley", "brandon", "brenda",
    "brian", "bruce", "bryan", "carl", "carlos", "carol", "caroline", "catherine", "charles", "charlie",
    "charlotte", "chelsea", "cheryl", "chad", "chris", "christian", "christina", "christine", "christopher",
    "cindy", "claire", "clara", "clarence", "claude", "clinton", "colin", "craig", "cynthia", "dale", "dan",
    "daniel", "danny", "david", "dean", "deborah", "debra", "denis", "dennis", "derek", "diana", "diane",
    "donald", "donna", "doris", "dorothy", "douglas", "dylan", "earl", "eddie", "edgar", "edward", "elena",
    "elijah", "elizabeth", "ellen", "emily", "emma", "eric", "erin", "ethan", "eugene", "evan", "evelyn",
    "frances", "francis", "frank", "fred", "frederick", "gabriel", "georgia", "gary", "george", "gerald",
    "gloria", "gordon", "grace", "graham", "grant", "greg", "gregory", "hannah", "harold", "harry", "heather",
    "helen", "henry", "howard", "hugh", "ian", "irene", "isaac", "isabel", "jack", "jackson", "jacob",
    "james", "jamie", "jane", "janet", "jason", "jean", "jeff", "jeffrey", "jennifer", "jeremy", "jerry",
    "jesse", "jessica", "jim", "jimmy", "joan", "joe", "joel", "john", "johnny", "jon", "jonathan", "jordan",
    "jose", "joseph", "joshua", "joyce", "juan", "judith", "judy", "julia", "julie", "justin", "karen",
    "kate", "katherine", "kathleen", "kathy", "keith", "kelly", "kenneth", "kevin", "kim", "kyle", "larry",
    "laura", "lauren", "lawrence", "leo", "leon", "leonard", "lewis", "lily", "linda", "lisa", "logan",
    "louis", "louise", "lucas", "lucy", "luis", "madison", "margaret", "maria", "marie", "marilyn", "mario",
    "marion", "mark", "martha", "martin", "mary", "matthew", "megan", "melissa", "michael", "michelle",
    "mike", "milton", "mohammed", "muhammad", "nancy", "natalie", "nathan", "neil", "nicholas", "nick",
    "nicole", "noah", "norman", "oliver", "olivia", "oscar", "pamela", "paris", "patricia", "patrick", "paul",
    "paula", "peter", "philip", "phillip", "rachel", "ralph", "randy", "ray", "raymond", "rebecca", "richard",
    "rick", "rita", "robert", "robin", "roger", "ronald", "rose", "roy", "russell", "ruth", "ryan", "sam",
    "samantha", "samuel", "sandra", "sara", "sarah", "scott", "sean", "sergei", "shannon", "sharon",
    "shirley", "sydney", "simon", "sophia", "stanley", "stephanie", "stephen", "steve", "steven", "susan",
    "taylor", "teresa", "terry", "theresa", "thomas", "tim", "timothy", "tina", "todd", "tom", "tony",
    "tracy", "travis", "troy", "tyler", "victor", "victoria", "vincent", "virginia", "vladimir", "walter",
    "warren", "wayne", "william", "willie", "zachary",
];

/// Titles and roles that precede a person's name ("President Lincoln", "Mr. Kelly").
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "minister", "premier", "chancellor",
    "sen", "senator", "rep", "representative", "gov", "governor", "gen", "general", "col", "colonel", "capt",
    "captain", "lt", "lieutenant", "sgt", "sergeant", "cpl", "adm", "admiral", "maj", "major", "king",
    "queen", "prince", "princess", "pope", "judge", "justice", "coach", "officer", "detective", "mayor",
    "sheriff", "rev", "reverend", "father", "sister", "brother", "lord", "lady", "sir", "dame", "secretary",
    "ambassador", "commissioner", "councillor", "councilor", "chairman", "chairwoman", "spokesman",
    "spokeswoman", "actor", "actress", "singer", "striker", "defender", "goalkeeper", "manager", "sheikh",
    "emir", "ayatollah", "cardinal", "bishop", "archbishop", "constable", "inspector", "superintendent",
    "chief", "deputy", "agent", "attorney", "lawyer", "dean", "uncle", "aunt", "son", "daughter", "wife",
    "husband", "mother", "player", "pitcher", "quarterback", "rapper", "star", "author", "writer", "director",
    "producer",
];

/// Nouns that may follow a place used as a modifier ("Moscow Mayor", "Toronto Police").
#[rustfmt::skip]
pub const INSTITUTION_NOUNS: &[&str] = &[
    "mayor", "governor", "police", "premier", "president", "prime", "minister", "ministry", "government",
    "army", "military", "airport", "court", "council", "city", "county", "state", "province", "region",
    "district", "border", "area", "metro", "harbour", "harbor", "port", "olympics", "parliament", "senate",
    "assembly", "officials", "authorities", "forces", "troops", "embassy", "consulate", "capital", "town",
    "village", "region's", "residents", "people", "citizens", "voters", "fire", "rcmp", "regional",
    "municipal", "central", "international", "national", "public", "health", "school", "schools", "board",
    "department", "declaration", "agreement", "accord", "talks", "summit", "protocol", "convention",
    "conference", "treaty", "process", "format", "group",
];

/// Capitalised words that may precede a place inside its noun phrase ("Northern Syria").
#[rustfmt::skip]
pub const PLACE_PREMODIFIERS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeastern",
    "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast", "southwest",
    "upper", "lower", "greater", "downtown", "metro", "metropolitan", "rural", "coastal", "inner", "outer",
    "mainland", "occupied", "annexed", "the", "in", "at", "from", "to", "near", "across", "of", "and", "but",
    "for", "on", "with", "by", "into", "over", "outside", "inside", "throughout", "around", "within",
    "between", "like", "as", "if", "when", "while", "after", "before", "since", "both", "all", "said", "says",
    "why", "where", "how", "what", "this", "that", "a", "an", "or", "nor", "so", "yet", "via", "than",
];

/// Compass and position words.
#[rustfmt::skip]
pub const DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    "upper", "lower", "greater", "inner", "outer", "downtown", "metro", "metropolitan", "coastal", "rural",
];

/// Prepositions and phrases that mark a following name as a place.
#[rustfmt::skip]
pub const LOCATIVE_CUES: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "across", "outside", "inside", "toward", "towards", "via",
    "around", "throughout", "within", "across", "through", "nearby", "outskirts", "suburb", "visited",
    "visit", "visiting", "entered", "reached", "arrived", "leave", "left", "returned", "flew", "travelled",
    "traveled", "moved", "born", "based", "headquartered", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "over",
    "between", "downtown",
];

/// Nouns that, followed by "of", introduce a place ("city of Sochi", "state of Georgia").
#[rustfmt::skip]
pub const PLACE_NOUNS_BEFORE_OF: &[&str] = &[
    "city", "town", "village", "province", "state", "region", "capital", "district", "county", "republic",
    "island", "port", "municipality", "suburb", "outskirts", "centre", "center", "north", "south", "east",
    "west", "streets", "people", "residents", "government", "parts", "part", "area", "areas", "kingdom",
    "borough", "neighbourhood", "neighborhood", "coast", "border", "heart", "rest", "citizens",
];

/// Verbs of saying and acting that follow a metonymic or personal subject ("Jordan said").
#[rustfmt::skip]
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "added", "stated", "announced", "wrote", "tweeted", "explained",
    "argued", "insisted", "claimed", "asked", "replied", "noted", "warned", "confirmed", "denied", "urged",
    "thinks", "thought", "believes", "scored", "played", "married", "died", "who", "whose",
];

/// Capitalised words that are common English words first (never places without a locative cue).
#[rustfmt::skip]
pub const COMMON_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "we", "they", "i", "you",
    "his", "her", "our", "their", "my", "your", "but", "and", "or", "so", "if", "as", "at", "by", "for",
    "from", "in", "into", "of", "on", "to", "with", "after", "before", "when", "while", "since", "until",
    "during", "over", "under", "about", "also", "even", "just", "only", "still", "then", "there", "here",
    "now", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "police", "man", "woman", "men", "women", "people",
    "officials", "mobile", "reading", "bath", "most", "many", "more", "some", "such", "mission", "hope",
    "union", "independence", "liberty", "victory", "home", "early", "best", "along", "given", "born", "deal",
    "post", "rest", "call", "come", "mart", "bar", "well", "good", "last", "first", "next", "new", "old",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "all", "both", "each",
    "every", "other", "another", "no", "not", "yes", "why", "how", "what", "who", "where", "which", "whose",
    "once", "twice", "back", "down", "up", "out", "off", "again", "never", "always", "often", "however",
    "meanwhile", "although", "though", "because", "unless", "whether", "despite", "against", "between",
    "among", "amid", "per", "via", "like", "unlike", "near", "around", "above", "below", "beyond", "within",
    "without", "through", "across", "toward", "towards", "upon", "said", "says", "say", "see", "read",
    "watch", "photo", "video", "image", "story", "news", "report", "update", "breaking", "live", "opinion",
    "editorial", "analysis", "comment", "sport", "sports", "business", "world", "nation", "local", "national",
    "international", "government", "court", "president", "minister", "state", "city", "county", "province",
    "region", "district", "island", "north", "south", "east", "west", "central", "northern", "southern",
    "eastern", "western", "republic", "democratic", "federal", "royal", "united", "great", "little", "big",
    "long", "high", "low", "little", "major", "general", "university", "college", "school", "hospital",
    "church", "airport", "station", "street", "road", "park", "bridge", "river", "lake", "mount", "fort",
    "port", "bay", "beach", "valley", "hill", "hills", "green", "white", "black", "red", "blue", "brown",
    "gold", "silver", "christmas", "easter", "congress", "senate", "parliament", "council", "ministry",
    "army", "navy", "force", "forces", "party", "league", "club", "team", "cup", "games", "olympic",
    "olympics", "day", "week", "month", "year", "time", "times", "life", "love", "peace", "war", "justice",
    "freedom", "power", "energy", "water", "oil", "gas", "trade", "market", "bank", "money", "price", "tax",
    "health", "care", "service", "services", "security", "defence", "defense", "social", "media", "press",
    "law", "order", "free", "fair", "fine", "nice", "lincoln", "god", "lord", "chief", "star", "sun", "moon",
    "earth", "hotel", "house", "office", "centre", "center", "building", "tower", "plaza", "square", "market",
    "mall", "store", "shop", "restaurant", "bar", "cafe", "club", "page", "chapter", "section", "part",
    "article", "number", "please", "thanks", "sorry", "hello", "okay", "ok", "mr", "mrs", "ms", "dr", "st",
    "mt", "ft", "inc", "ltd", "co", "corp", "am", "pm", "tv", "ap", "afp", "reuters", "cnn", "bbc", "upi",
    "eu", "un", "nato", "isis", "isil", "covid", "trump", "obama", "biden", "putin", "clinton", "bush",
    "erdogan", "assad", "merkel", "macron", "kerry", "modi", "jesus", "christ", "allah", "bible", "koran",
    "quran", "internet", "web", "online", "email", "twitter", "facebook", "google", "apple", "amazon",
    "microsoft", "island", "victoria", "florence", "temple", "union", "progress", "enterprise", "commerce",
    "industry", "opportunity", "harmony", "unity", "paradise", "eden", "sale", "worth", "orange", "lemon",
    "olive", "cherry", "rose", "lily", "ivy", "hazel", "jasmine", "summer", "winter", "spring", "autumn",
    "fall",
];

/// Demonyms and nationality adjectives: not places.
#[rustfmt::skip]
pub const DEMONYMS: &[&str] = &[
    "american", "americans", "british", "briton", "britons", "english", "french", "german", "germans",
    "russian", "russians", "chinese", "japanese", "korean", "koreans", "indian", "indians", "pakistani",
    "afghan", "afghans", "iranian", "iranians", "iraqi", "iraqis", "syrian", "syrians", "turkish", "turk",
    "turks", "israeli", "israelis", "palestinian", "palestinians", "egyptian", "egyptians", "saudi", "saudis",
    "yemeni", "lebanese", "jordanian", "kurdish", "kurd", "kurds", "armenian", "armenians", "azerbaijani",
    "azeri", "georgian", "ukrainian", "ukrainians", "belarusian", "polish", "czech", "slovak", "hungarian",
    "romanian", "bulgarian", "serbian", "serb", "serbs", "croatian", "bosnian", "albanian", "greek", "greeks",
    "italian", "italians", "spanish", "portuguese", "dutch", "belgian", "swiss", "austrian", "swedish",
    "norwegian", "danish", "finnish", "irish", "scottish", "welsh", "canadian", "canadians", "mexican",
    "mexicans", "cuban", "cubans", "brazilian", "argentine", "argentinian", "chilean", "colombian",
    "venezuelan", "venezuelans", "peruvian", "australian", "australians", "african", "africans", "nigerian",
    "nigerians", "kenyan", "ethiopian", "somali", "sudanese", "libyan", "tunisian", "moroccan", "algerian",
    "european", "europeans", "asian", "asians", "arab", "arabs", "arabic", "muslim", "muslims", "christian",
    "christians", "jewish", "jew", "jews", "western", "eastern", "latin", "hispanic", "vietnamese", "thai",
    "filipino", "indonesian", "malaysian", "burmese", "tibetan", "mongolian", "kazakh", "uzbek", "tajik",
    "chechen", "crimean", "soviet", "yankee", "texan", "californian", "floridian", "albertan", "quebecois",
    "parisian", "londoner", "londoners", "muscovite", "baltic", "nordic", "scandinavian", "caribbean",
];

/// Demonyms and the place (a gazetteer name: country, division, region, city) they refer to;
/// religious and vague ones ("Muslim", "Western") have none and are left out.
#[rustfmt::skip]
pub const DEMONYM_PLACES: &[(&str, &str)] = &[
    ("american", "United States"), ("americans", "United States"), ("british", "United Kingdom"),
    ("briton", "United Kingdom"), ("britons", "United Kingdom"), ("english", "England"), ("french", "France"),
    ("german", "Germany"), ("germans", "Germany"), ("russian", "Russia"), ("russians", "Russia"),
    ("chinese", "China"), ("japanese", "Japan"), ("korean", "South Korea"), ("koreans", "South Korea"),
    ("indian", "India"), ("indians", "India"), ("pakistani", "Pakistan"), ("afghan", "Afghanistan"),
    ("afghans", "Afghanistan"), ("iranian", "Iran"), ("iranians", "Iran"), ("iraqi", "Iraq"), ("iraqis", "Iraq"),
    ("syrian", "Syria"), ("syrians", "Syria"), ("turkish", "Turkey"), ("turk", "Turkey"), ("turks", "Turkey"),
    ("israeli", "Israel"), ("israelis", "Israel"), ("palestinian", "Palestine"), ("palestinians", "Palestine"),
    ("egyptian", "Egypt"), ("egyptians", "Egypt"), ("saudi", "Saudi Arabia"), ("saudis", "Saudi Arabia"),
    ("yemeni", "Yemen"), ("lebanese", "Lebanon"), ("jordanian", "Jordan"), ("kurdish", "Kurdistan"),
    ("kurd", "Kurdistan"), ("kurds", "Kurdistan"), ("armenian", "Armenia"), ("armenians", "Armenia"),
    ("azerbaijani", "Azerbaijan"), ("azeri", "Azerbaijan"), ("ukrainian", "Ukraine"), ("ukrainians", "Ukraine"),
    ("belarusian", "Belarus"), ("polish", "Poland"), ("czech", "Czechia"), ("slovak", "Slovakia"),
    ("hungarian", "Hungary"), ("romanian", "Romania"), ("bulgarian", "Bulgaria"), ("serbian", "Serbia"),
    ("serb", "Serbia"), ("serbs", "Serbia"), ("croatian", "Croatia"), ("bosnian", "Bosnia and Herzegovina"),
    ("albanian", "Albania"), ("greek", "Greece"), ("greeks", "Greece"), ("italian", "Italy"), ("italians", "Italy"),
    ("spanish", "Spain"), ("portuguese", "Portugal"), ("dutch", "Netherlands"), ("belgian", "Belgium"),
    ("swiss", "Switzerland"), ("austrian", "Austria"), ("swedish", "Sweden"), ("norwegian", "Norway"),
    ("danish", "Denmark"), ("finnish", "Finland"), ("irish", "Ireland"), ("scottish", "Scotland"),
    ("welsh", "Wales"), ("canadian", "Canada"), ("canadians", "Canada"), ("mexican", "Mexico"),
    ("mexicans", "Mexico"), ("cuban", "Cuba"), ("cubans", "Cuba"), ("brazilian", "Brazil"),
    ("argentine", "Argentina"), ("argentinian", "Argentina"), ("chilean", "Chile"), ("colombian", "Colombia"),
    ("venezuelan", "Venezuela"), ("venezuelans", "Venezuela"), ("peruvian", "Peru"), ("australian", "Australia"),
    ("australians", "Australia"), ("african", "Africa"), ("africans", "Africa"), ("nigerian", "Nigeria"),
    ("nigerians", "Nigeria"), ("kenyan", "Kenya"), ("ethiopian", "Ethiopia"), ("somali", "Somalia"),
    ("sudanese", "Sudan"), ("libyan", "Libya"), ("tunisian", "Tunisia"), ("moroccan", "Morocco"),
    ("algerian", "Algeria"), ("european", "Europe"), ("europeans", "Europe"), ("asian", "Asia"),
    ("asians", "Asia"), ("vietnamese", "Vietnam"), ("thai", "Thailand"), ("filipino", "Philippines"),
    ("indonesian", "Indonesia"), ("malaysian", "Malaysia"), ("burmese", "Myanmar"), ("tibetan", "Tibet"),
    ("mongolian", "Mongolia"), ("kazakh", "Kazakhstan"), ("uzbek", "Uzbekistan"), ("tajik", "Tajikistan"),
    ("chechen", "Chechnya"), ("crimean", "Crimea"), ("texan", "Texas"), ("californian", "California"),
    ("floridian", "Florida"), ("albertan", "Alberta"), ("quebecois", "Quebec"), ("parisian", "Paris"),
    ("londoner", "London"), ("londoners", "London"), ("muscovite", "Moscow"), ("caribbean", "Caribbean"),
    ("scandinavian", "Scandinavia"), ("georgian", "Georgia"),
];

/// Lower-case nouns after a name that make it a street or a facility ("State and Hubbard
/// streets", "Vienna station"), not a town.
#[rustfmt::skip]
pub const STREET_NOUNS: &[&str] = &[
    "street", "streets", "avenue", "avenues", "road", "roads", "boulevard", "lane", "highway", "expressway",
    "station", "stations", "mall", "neighborhood", "neighbourhood", "campus", "stadium", "bridge",
];

/// Feature and facility nouns: "Niger Delta", "Rogers Centre" name something else than the place.
#[rustfmt::skip]
pub const FEATURE_NOUNS: &[&str] = &[
    "river", "valley", "delta", "lake", "lakes", "mountains", "mountain", "mount", "bay", "gulf", "sea",
    "creek", "falls", "island", "islands", "peninsula", "canyon", "basin", "plain", "plains", "desert",
    "forest", "park", "square", "centre", "center", "club", "street", "road", "avenue", "boulevard", "drive",
    "lane", "hospital", "university", "college", "school", "academy", "stadium", "arena", "gateway", "hall",
    "church", "cathedral", "mosque", "temple", "bridge", "tower", "building", "hotel", "mall", "station",
    "gallery", "museum", "theatre", "theater", "institute", "times", "post", "herald", "journal", "tribune",
    "gazette", "press", "globe", "star", "sun", "news", "daily", "company", "corporation", "group", "bank",
    "airlines", "airways", "energy", "motors", "united", "city", "county", "fc", "rangers", "district",
];

/// Words that are never places on their own: months, weekdays, compass words, news agencies.
#[rustfmt::skip]
pub const NEVER_ALONE: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "central", "centre", "center", "north east", "north west", "south east",
    "south west", "northeast", "northwest", "southeast", "southwest", "far north", "far west", "far east",
    "midwest", "upper", "lower", "coast", "capital", "federal", "lakes", "islands", "mountains", "plateau",
    "littoral", "river", "valley", "xinhua", "reuters", "tass", "interfax", "yonhap", "kyodo", "anadolu",
    "ria", "sputnik", "bernama", "olympic", "university", "court", "justice", "real", "union", "gulf",
    "delta", "el niño", "el nino", "la niña", "la nina", "west coast", "east coast", "north coast",
    "south coast", "plains", "highlands", "lowlands",
];

/// Lower-case function words allowed inside a multi-word place name ("Isle of Man").
#[rustfmt::skip]
pub const NAME_INNER_WORDS: &[&str] = &[
    "of", "the", "de", "del", "della", "di", "da", "do", "dos", "das", "la", "le", "les", "al", "el", "upon",
    "on", "and", "du", "des", "am", "an", "sur", "au", "aux", "y", "en", "im", "bin", "ibn", "van", "von",
    "der", "den",
];

pub fn contains(list: &[&str], word_lower: &str) -> bool {
    list.contains(&word_lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case() {
        for list in [FIRST_NAMES, TITLES, INSTITUTION_NOUNS, LOCATIVE_CUES, COMMON_WORDS, DEMONYMS] {
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w}");
            }
        }
        assert!(contains(FIRST_NAMES, "kelly"));
        for (d, _) in DEMONYM_PLACES {
            assert!(contains(DEMONYMS, d), "{d}");
        }
        assert!(!contains(FIRST_NAMES, "sochi"));
    }
}
