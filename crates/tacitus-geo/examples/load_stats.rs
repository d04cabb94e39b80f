//! Load-time and memory figures of the bundled gazetteer.
//! Usage: `cargo run -p tacitus-geo --release --example load_stats`

use std::time::Instant;

fn rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Ok(bytes) = std::fs::read("resources/geo/gazetteer.tsv.gz") {
        use std::io::Read;
        let t = Instant::now();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text)?;
        let d = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let g = tacitus_geo::Gazetteer::from_text(&text, "x")?;
        println!(
            "(breakdown: gunzip_ms={d:.1} parse_index_ms={:.1}, {} entries)",
            t.elapsed().as_secs_f64() * 1000.0,
            g.len()
        );
    }
    let before = rss_kib().unwrap_or(0);
    let t = Instant::now();
    let g = tacitus_geo::Gazetteer::load_default()?;
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let after = rss_kib().unwrap_or(0);
    println!(
        "entries={} load_ms={ms:.1} rss_delta_mib={:.1} rss_mib={:.1}",
        g.len(),
        (after.saturating_sub(before)) as f64 / 1024.0,
        after as f64 / 1024.0
    );
    Ok(())
}
