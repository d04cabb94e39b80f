//! Word tables: months, weekdays, seasons, units, number words and the trigger words.

/// A calendar unit that durations and relative expressions count in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A unit word, and whether it was plural.
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Month number of a full month name.
pub fn month_full(word: &str) -> Option<u32> {
    Some(match word {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        "december" => 12,
        _ => return None,
    })
}

/// Month number of an abbreviation (`Oct.`, `Sept`); these need a dot or a day number after them.
pub fn month_abbrev(word: &str) -> Option<u32> {
    Some(match word {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

/// ISO weekday number (Monday = 1).
pub fn weekday(word: &str) -> Option<u32> {
    Some(match word {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// Season index in calendar order (spring 0 … winter 3) and its TimeML code.
pub fn season(word: &str) -> Option<u32> {
    Some(match word {
        "spring" => 0,
        "summer" => 1,
        "autumn" | "fall" => 2,
        "winter" => 3,
        _ => return None,
    })
}

pub const SEASON_CODES: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// Part of day word → TimeML code.
pub fn day_part(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Cardinal number words up to ninety, plus the round hundreds and thousands used with units.
pub fn cardinal(word: &str) -> Option<u32> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words (`first` … `twenty-first` is built from parts by the grammar).
pub fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => return None,
    })
}

/// Decade words: `nineties` → 90.
pub fn decade_word(word: &str) -> Option<u32> {
    Some(match word {
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    })
}

/// Words that make it worth trying a match at a token (the cheap pre-filter).
pub fn is_trigger(word: &str) -> bool {
    unit(word).is_some()
        || month_full(word).is_some()
        || month_abbrev(word).is_some()
        || weekday(word).is_some()
        || season(word).is_some()
        || cardinal(word).is_some()
        || ordinal(word).is_some()
        || decade_word(word).is_some()
        || matches!(
            word,
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "last"
                | "next"
                | "past"
                | "coming"
                | "previous"
                | "following"
                | "current"
                | "recent"
                | "early"
                | "earlier"
                | "late"
                | "later"
                | "mid"
                | "end"
                | "beginning"
                | "start"
                | "middle"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "now"
                | "currently"
                | "nowadays"
                | "presently"
                | "recently"
                | "lately"
                | "soon"
                | "annually"
                | "yearly"
                | "every"
                | "each"
                | "several"
                | "christmas"
                | "new"
                | "once"
                | "twice"
                | "thrice"
                | "half"
                | "few"
                | "many"
                | "couple"
                | "dozens"
                | "hundreds"
                | "noon"
                | "midnight"
                | "q"
                | "fiscal"
                | "for"
                | "over"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree() {
        assert_eq!(month_full("september"), Some(9));
        assert_eq!(month_abbrev("sept"), Some(9));
        assert_eq!(weekday("sunday"), Some(7));
        assert_eq!(unit("decades"), Some((Unit::Decade, true)));
        assert_eq!(SEASON_CODES[season("fall").unwrap_or(9) as usize], "FA");
        assert!(is_trigger("monday") && is_trigger("yesterday") && !is_trigger("talks"));
    }
}
