//! De-duplication: when two mentions are the same real-world event.
//!
//! Two mentions are the same event when they have the same parties (the same set of actor
//! codes and the same set of recipient codes; for consultations, CAMEO root `04`, the two
//! sides may be swapped), compatible codes (same CAMEO root or same PLOVER type), the same
//! polarity (asserted/claimed, denied/negated, intended/hypothetical), dates no further apart
//! than [`DedupConfig::window_days`] from the first mention of the canonical event (so a
//! follow-up outside the window starts a new event however many mentions came between), and
//! places no further apart than [`DedupConfig::max_km`] (an unknown place is compatible).

use tacitus_doc::EventRecord;

/// How close two mentions must be to count as one event.
#[derive(Clone, Debug, PartialEq)]
pub struct DedupConfig {
    /// Largest distance in days between a mention and the canonical event's first mention.
    pub window_days: i64,
    /// Largest distance in kilometres between two known places.
    pub max_km: f64,
    /// When false every mention is its own canonical event.
    pub enabled: bool,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            window_days: 2,
            max_km: 50.0,
            enabled: true,
        }
    }
}

/// The parties of a mention as one comparable key.
pub fn party_key(record: &EventRecord) -> String {
    let mut actors: Vec<&str> = record.actor.iter().map(|a| a.code.as_str()).collect();
    let mut recipients: Vec<&str> = record.recipient.iter().map(|a| a.code.as_str()).collect();
    if cameo_root(&record.cameo) == "04" {
        // "A met B" and "B met A" are the same meeting.
        actors.append(&mut recipients);
        actors.sort_unstable();
        actors.dedup();
        return format!("~{}", actors.join(" "));
    }
    actors.sort_unstable();
    actors.dedup();
    recipients.sort_unstable();
    recipients.dedup();
    format!("{}>{}", actors.join(" "), recipients.join(" "))
}

/// The two-digit CAMEO root of a code (`"190"` → `"19"`).
pub fn cameo_root(cameo: &str) -> &str {
    cameo.get(..2).unwrap_or(cameo)
}

/// Which way the text commits to the event; mentions of opposite polarity never merge.
pub fn polarity(modality: &str) -> &'static str {
    match modality {
        "denied" | "negated" => "negative",
        "intended" | "hypothetical" => "irrealis",
        _ => "positive",
    }
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

/// What the store keeps of a canonical event to compare new mentions with.
#[derive(Clone, Debug, PartialEq)]
pub struct CanonicalKey {
    pub day: i64,
    pub root: String,
    pub event: String,
    pub polarity: String,
    pub place: Option<(f64, f64)>,
}

/// What is compared of a new mention (its party key was matched already).
#[derive(Clone, Debug, PartialEq)]
pub struct MentionKey<'a> {
    pub day: i64,
    pub root: &'a str,
    pub event: &'a str,
    pub polarity: &'a str,
    pub place: Option<(f64, f64)>,
}

/// Is a mention (with the same party key) the same event as a canonical event?
pub fn compatible(config: &DedupConfig, canonical: &CanonicalKey, mention: &MentionKey) -> bool {
    if !config.enabled || (mention.day - canonical.day).abs() > config.window_days {
        return false;
    }
    let same_code = canonical.root == mention.root || (!mention.event.is_empty() && canonical.event == mention.event);
    if !same_code || canonical.polarity != mention.polarity {
        return false;
    }
    match (canonical.place, mention.place) {
        (Some((a, b)), Some((c, d))) => haversine_km(a, b, c, d) <= config.max_km,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(day: i64, root: &'static str, place: Option<(f64, f64)>) -> MentionKey<'static> {
        MentionKey {
            day,
            root,
            event: "",
            polarity: "positive",
            place,
        }
    }

    fn canon(day: i64, root: &str, event: &str) -> CanonicalKey {
        CanonicalKey {
            day,
            root: root.into(),
            event: event.into(),
            polarity: "positive".into(),
            place: Some((43.6, 39.73)),
        }
    }

    #[test]
    fn window_distance_and_code_decide() {
        let cfg = DedupConfig::default();
        let c = canon(100, "19", "FIGHT");
        assert!(compatible(&cfg, &c, &key(102, "19", None)));
        assert!(!compatible(&cfg, &c, &key(103, "19", None)), "outside the 2-day window");
        assert!(compatible(&cfg, &c, &key(99, "19", Some((43.7, 39.8)))));
        assert!(
            !compatible(&cfg, &c, &key(100, "19", Some((40.18, 44.51)))),
            "Yerevan is far from Sochi"
        );
        assert!(!compatible(&cfg, &c, &key(100, "04", None)), "different root and no PLOVER type");
        let same_plover = MentionKey {
            event: "FIGHT",
            ..key(100, "18", None)
        };
        assert!(compatible(&cfg, &c, &same_plover));
        let denied = MentionKey {
            polarity: "negative",
            ..key(100, "19", None)
        };
        assert!(!compatible(&cfg, &c, &denied));
        let wide = DedupConfig {
            window_days: 5,
            ..DedupConfig::default()
        };
        assert!(compatible(&wide, &c, &key(105, "19", None)));
        assert!(!compatible(&DedupConfig { enabled: false, ..cfg }, &c, &key(100, "19", None)));
    }

    #[test]
    fn haversine_matches_known_distance() {
        // One degree of latitude is about 111.2 km; a quarter of the equator about 10,008 km.
        let d = haversine_km(10.0, 20.0, 11.0, 20.0);
        assert!((111.0..111.4).contains(&d), "{d}");
        let q = haversine_km(0.0, 0.0, 0.0, 90.0);
        assert!((10_000.0..10_020.0).contains(&q), "{q}");
        assert!(haversine_km(10.0, 10.0, 10.0, 10.0) < 1e-9);
    }

    #[test]
    fn party_key_orders_roles_except_for_consultations() {
        let actor = |code: &str| tacitus_doc::ActorRecord {
            code: code.into(),
            country: code.get(..3).unwrap_or("").into(),
            sector: String::new(),
            text: String::new(),
            span: [0, 0],
        };
        let mut r = crate::store::tests::record("e", "d", "190");
        r.actor = vec![actor("AZEMIL")];
        r.recipient = vec![actor("ARMMIL")];
        let attack = party_key(&r);
        std::mem::swap(&mut r.actor, &mut r.recipient);
        assert_ne!(attack, party_key(&r), "who attacked whom matters");
        r.cameo = "040".into();
        let meet = party_key(&r);
        std::mem::swap(&mut r.actor, &mut r.recipient);
        assert_eq!(meet, party_key(&r), "a meeting is symmetric");
    }
}
