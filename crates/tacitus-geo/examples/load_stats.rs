//! Load-time and memory figures of the bundled gazetteer: wall and CPU time of
//! `Gazetteer::load_default` (best of N runs in one process), then, for comparison, the time
//! to decompress and parse the TSV resource it is built from.
//! Usage: `cargo run -p tacitus-geo --release --example load_stats [-- RUNS]`

use std::time::Instant;

fn rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time of this thread in nanoseconds (Linux `/proc/thread-self/schedstat`).
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5).max(1);
    let before = rss_kib().unwrap_or(0);
    let (mut best_wall, mut best_cpu) = (f64::MAX, f64::MAX);
    let mut rss_delta = 0.0;
    let mut entries = 0;
    for run in 0..runs {
        let cpu0 = thread_cpu_ns();
        let t = Instant::now();
        let g = tacitus_geo::Gazetteer::load_default()?;
        let wall = t.elapsed().as_secs_f64() * 1000.0;
        let cpu = match (cpu0, thread_cpu_ns()) {
            (Some(a), Some(b)) => b.saturating_sub(a) as f64 / 1e6,
            _ => f64::NAN,
        };
        if run == 0 {
            rss_delta = rss_kib().unwrap_or(0).saturating_sub(before) as f64 / 1024.0;
        }
        println!("run {}: wall_ms={wall:.1} cpu_ms={cpu:.1}", run + 1);
        best_wall = best_wall.min(wall);
        best_cpu = best_cpu.min(cpu);
        entries = g.len();
    }
    println!("entries={entries} best_of_{runs}: load_wall_ms={best_wall:.1} load_cpu_ms={best_cpu:.1} rss_delta_mib={rss_delta:.1}");
    if let Ok(bytes) = std::fs::read("resources/geo/gazetteer.tsv.gz") {
        use std::io::Read;
        let t = Instant::now();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text)?;
        let d = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let g = tacitus_geo::Gazetteer::from_text(&text, "x")?;
        println!(
            "(for comparison, the TSV path: gunzip_ms={d:.1} parse_index_ms={:.1}, {} entries)",
            t.elapsed().as_secs_f64() * 1000.0,
            g.len()
        );
    }
    Ok(())
}
