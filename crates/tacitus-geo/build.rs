//! Build script: turns `resources/geo/gazetteer.tsv.gz` into the compact binary form
//! (`src/compact.rs`) that `Gazetteer::load_default` embeds, so that start-up reads records
//! instead of decompressing and parsing 13 MB of text.

use std::io::Read;

#[allow(dead_code)]
#[path = "src/compact.rs"]
mod compact;

fn main() {
    let src = "../../resources/geo/gazetteer.tsv.gz";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/compact.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set".into()));
    let gz = std::fs::read(src).unwrap_or_else(|e| fail(format!("{src}: {e}")));
    let mut text = String::with_capacity(16 << 20);
    if let Err(e) = flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut text) {
        fail(format!("{src}: {e}"));
    }
    let bin = compact::encode(&text).unwrap_or_else(|(line, m)| fail(format!("{src}:{line}: {m}")));
    let out = std::path::Path::new(&out_dir).join("gazetteer.bin");
    if let Err(e) = std::fs::write(&out, bin) {
        fail(format!("{}: {e}", out.display()));
    }
}

/// Stop the build with a message naming the file (and line) at fault.
fn fail(message: String) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
