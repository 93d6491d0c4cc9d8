//! Embeds `assets/articles/` (the bundled sample library) in the binary, so
//! an installed quoth opens it from any folder; and fingerprints what the
//! analysis is made of (its code, models and lists), so that a library's
//! stored analyses are redone when any of it changes.
//!
//! A build script rather than the include_dir crate: no extra dependency,
//! and `rerun-if-changed` on the folder makes cargo rebuild when an article
//! is added, changed or removed (include_dir cannot track new files on
//! stable Rust).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    println!("cargo:rerun-if-changed=assets/articles");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = String::from("/// (name relative to assets/articles, bytes), sorted by name.\n");
    code.push_str("pub static BUNDLED: &[(&str, &[u8])] = &[\n");
    for file in &files {
        let name = file
            .strip_prefix(&root)
            .expect("under the root")
            .to_str()
            .expect("asset file names are UTF-8")
            .replace('\\', "/");
        // the path is rebuilt from CARGO_MANIFEST_DIR where the code is
        // compiled, so the generated file does not hold this checkout's
        // path: a copy building in the same target folder
        // (scripts/check_models.sh) cannot leave it pointing at a folder
        // that is gone
        writeln!(
            code,
            "    ({name:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/assets/articles/\", {name:?}))),"
        )
        .expect("write to a String");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("bundled.rs"), code).expect("write bundled.rs");
    fingerprint(&out);
}

/// Writes `ANALYSIS_FINGERPRINT`: a hash of every file under the folders
/// the analysis is built from, names and bytes (FNV-1a, 64 bits: it tells
/// versions apart, it guards against no one).
fn fingerprint(out: &Path) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src/analysis", "assets/models", "assets/gazetteer"] {
        println!("cargo:rerun-if-changed={dir}");
        collect(&manifest.join(dir), &mut files);
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in &files {
        let name = file.strip_prefix(manifest).expect("under the manifest");
        eat(name.to_string_lossy().replace('\\', "/").as_bytes());
        eat(&[0]);
        eat(&std::fs::read(file).expect("read an analysis file"));
    }
    std::fs::write(
        out.join("fingerprint.rs"),
        format!("/// See build.rs.\npub const ANALYSIS_FINGERPRINT: &str = \"{h:016x}\";\n"),
    )
    .expect("write fingerprint.rs");
}

/// Visible files under `dir`, recursively.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
