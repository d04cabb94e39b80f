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
        "083" | "0831" | "0832" | "0833" | "0834" => "034",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "086" | "0861" | "0862" | "0863" => "0355",
        "087" | "0871" | "0872" | "0873" | "0874" => "0356",
        _ if c.starts_with("08") => "035",
        "057" => "031",
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
}
