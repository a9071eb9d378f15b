//! `catalogue LOCALES LANG FILE...`: prints the catalogue text of `LANG` holding `FILE`s
//! (`core`, `app`) in that order, compiled from `LOCALES/<lang>/<file>.ftl`.
//! `scripts/postbuild.py` writes it beside the wasm of each build.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [locales, lang, files @ ..] = args.as_slice() else {
        eprintln!("usage: catalogue LOCALES LANG FILE...");
        return ExitCode::from(2);
    };
    if files.is_empty() {
        eprintln!("usage: catalogue LOCALES LANG FILE...");
        return ExitCode::from(2);
    }
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    match catalogue::catalogue(Path::new(locales), lang, &files) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            if out
                .write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("catalogue: {error}");
            ExitCode::FAILURE
        }
    }
}
