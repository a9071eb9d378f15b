//! Compiles the Fluent catalogues (`locales/<lang>/<file>.ftl`) with `crates/catalogue`:
//! English goes into the wasm (`OUT_DIR/en-<file>.txt`, read by `src/i18n/mod.rs`); every
//! other language is written to `OUT_DIR/<lang>.txt` (every file, for the tests), and
//! `scripts/postbuild.py` writes it again beside each build's wasm, for the people who
//! speak it.
//!
//! The build fails, naming the file and the message, when a catalogue does not parse, uses a
//! Fluent feature the app's formatter does not implement, or does not have exactly
//! English's messages.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=locales");
    let locales = Path::new("locales");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).to_owned();
    let fail = |error: String| -> ! { panic!("{error}") };
    // Compiling each language checks it: English's files one by one, and every other
    // language's against English's messages.
    for file in catalogue::FILES {
        let text = catalogue::catalogue(locales, "en", &[file]).unwrap_or_else(|e| fail(e));
        std::fs::write(out.join(format!("en-{file}.txt")), text).unwrap();
    }
    for lang in catalogue::LANGS.into_iter().filter(|lang| *lang != "en") {
        let text =
            catalogue::catalogue(locales, lang, &catalogue::FILES).unwrap_or_else(|e| fail(e));
        std::fs::write(out.join(format!("{lang}.txt")), text).unwrap();
    }
}
