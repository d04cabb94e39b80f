//! CAMEO's "express intent" codes (03x) for cooperative acts that are only intended:
//! "will provide aid" is 033, not 070 (a fact of the CAMEO codebook's structure).

/// The intent code for a cooperative event code, or None when the code has no intent form.
pub fn intent_code(code: &str) -> Option<&'static str> {
    let c = code;
    Some(match c {
        _ if c.starts_with("04") => "036",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        _ if c.starts_with("06") => "030",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        _ if c.starts_with("07") => "033",
        "081" | "0811" | "0812" | "0813" | "0814" => "0351",
        "082" => "0352",
        "0831" => "0341",
        "0832" => "0342",
        "0833" => "0343",
        "0834" => "0344",
        "083" => "034",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "086" | "0861" | "0862" | "0863" => "0355",
        "087" | "0871" | "0872" | "0873" | "0874" => "0356",
        _ if c.starts_with("08") => "035",
        "057" => "030",
        _ if c.starts_with("05") => "032",
        _ => return None,
    })
}

/// The threat code (13x) for a conflict act that is only announced: "will attack" is 138.
pub fn threat_code(code: &str) -> Option<&'static str> {
    let c = code;
    Some(match c {
        _ if c.starts_with("191") => "1381",
        _ if c.starts_with("192") => "1382",
        _ if c.starts_with("18") => "1383",
        _ if c.starts_with("204") => "1385",
        _ if c.starts_with("19") || c.starts_with("20") => "1384",
        _ if c.starts_with("161") => "1313",
        _ if c.starts_with("162") => "1311",
        _ if c.starts_with("163") || c.starts_with("125") => "1312",
        _ if c.starts_with("164") => "134",
        _ if c.starts_with("165") => "135",
        _ if c.starts_with("166") => "136",
        _ if c.starts_with("16") => "131",
        "1721" => "1321",
        "1722" => "1322",
        "1723" => "1323",
        "1724" => "1324",
        _ if c.starts_with("172") => "132",
        _ if c.starts_with("17") => "137",
        _ if c.starts_with("14") => "133",
        _ if c.starts_with("15") => "130",
        "0356" | "087" | "0871" | "0872" | "0873" | "0874" => "131",
        _ => return None,
    })
}

/// The rejection code (12x) for a cooperative act the source says it will not do.
pub fn refusal_code(code: &str) -> Option<&'static str> {
    let c = code;
    Some(match c {
        "057" => "127",
        "045" | "038" => "126",
        _ if c.starts_with("04") || c.starts_with("036") => "125",
        "061" | "0311" => "1211",
        "062" | "0312" => "1212",
        _ if c.starts_with("06") || c.starts_with("030") || c.starts_with("031") => "121",
        "071" | "0331" => "1221",
        "072" | "0332" => "1222",
        "073" | "075" | "0333" => "1223",
        "074" | "0334" => "1224",
        _ if c.starts_with("07") || c.starts_with("033") => "122",
        "0831" | "0341" => "1231",
        "0832" | "0342" => "1232",
        "0833" | "0343" => "1233",
        "0834" | "0344" => "1234",
        _ if c.starts_with("083") || c.starts_with("034") => "123",
        _ if c.starts_with("081") || c.starts_with("0351") => "1241",
        "082" | "0352" => "1242",
        _ if c.starts_with("084") || c.starts_with("0353") => "1243",
        "085" | "0354" => "1244",
        _ if c.starts_with("086") || c.starts_with("0355") => "1245",
        _ if c.starts_with("087") || c.starts_with("0356") => "1246",
        _ if c.starts_with("08") || c.starts_with("035") => "124",
        _ if c.starts_with("03") || c.starts_with("05") => "120",
        _ => return None,
    })
}

/// The demand code (10x) for an act the speaker says another party must do.
pub fn demand_code(code: &str) -> Option<&'static str> {
    let c = code;
    Some(match c {
        _ if c.starts_with("04") || c.starts_with("036") => "106",
        "057" | "037" => "107",
        _ if c.starts_with("038") || c.starts_with("039") || c.starts_with("045") => "108",
        "061" | "0311" => "1011",
        "062" | "0312" => "1012",
        "063" | "0313" => "1013",
        "064" | "0314" => "1014",
        _ if c.starts_with("06") || c.starts_with("03") => "101",
        _ if c.starts_with("05") => "102",
        "071" => "1031",
        "072" => "1032",
        "073" => "1033",
        "074" => "1034",
        _ if c.starts_with("07") => "103",
        "0831" | "0341" => "1041",
        "0832" | "0342" => "1042",
        "0833" | "0343" => "1043",
        "0834" | "0344" => "1044",
        _ if c.starts_with("083") || c.starts_with("034") => "104",
        "081" | "0811" | "0812" | "0813" | "0814" => "1051",
        "082" => "1052",
        "084" | "0841" | "0842" => "1053",
        "085" => "1054",
        "086" | "0861" | "0862" | "0863" => "1055",
        "087" | "0871" | "0872" | "0873" | "0874" => "1056",
        _ if c.starts_with("08") => "105",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intended_cooperation_maps_to_intent_codes() {
        assert_eq!(intent_code("070"), Some("033"));
        assert_eq!(intent_code("0874"), Some("0356"));
        assert_eq!(intent_code("042"), Some("036"));
        assert_eq!(intent_code("190"), None);
        assert_eq!(intent_code("112"), None);
    }

    #[test]
    fn announced_conflict_is_a_threat_and_refused_cooperation_a_rejection() {
        assert_eq!(threat_code("190"), Some("1384"));
        assert_eq!(threat_code("1312"), None);
        assert_eq!(refusal_code("075"), Some("1223"));
        assert_eq!(refusal_code("0841"), Some("1243"));
        assert_eq!(refusal_code("087"), Some("1246"));
        assert_eq!(refusal_code("070"), Some("122"));
        assert_eq!(threat_code("166"), Some("136"));
        assert_eq!(threat_code("1723"), Some("1323"));
        assert_eq!(demand_code("0831"), Some("1041"));
        assert_eq!(intent_code("0832"), Some("0342"));
        assert_eq!(demand_code("0841"), Some("1053"));
        assert_eq!(demand_code("190"), None);
    }
}
