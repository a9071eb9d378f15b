//! Compiles the app's Fluent catalogues (`locales/<lang>/<file>.ftl`) into the text the app
//! reads, so the browser gets the messages ready to use instead of a Fluent parser and
//! resolver (that runtime was about a tenth of the widget's wasm).
//!
//! A catalogue text is one language's messages of one or more files: each file's table of
//! messages sorted by id, the tables separated by `TABLE_SEP`, the messages by
//! `MESSAGE_SEP`, a message's id and its pattern by `ID_SEP`. A pattern is one string with
//! its placeables written with control characters (the grammar is in `src/i18n/mod.rs`,
//! beside the formatter that reads it). The app's `build.rs` compiles English into the wasm
//! with this crate; `scripts/postbuild.py` runs its binary to write every other language
//! beside the wasm, fetched only by the people who speak it.
//!
//! Compiling fails, naming the file and the message, when a catalogue does not parse, uses a
//! Fluent feature the app's formatter does not implement (terms, attributes, message
//! references, functions, number literals), or does not have exactly English's messages.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use fluent_syntax::ast;

/// Every language the app has, English first.
pub const LANGS: [&str; 3] = ["en", "de", "ar"];
/// The catalogue files: `core` (both builds), `app` (the full app only).
pub const FILES: [&str; 2] = ["core", "app"];

include!("../../../src/i18n/markers.rs");

/// The catalogue text of `lang` holding `files` in that order, after checking that every
/// language has exactly English's messages in each of them.
pub fn catalogue(locales: &Path, lang: &str, files: &[&str]) -> Result<String, String> {
    let mut out = String::new();
    for (at, file) in files.iter().enumerate() {
        if at > 0 {
            out.push(TABLE_SEP);
        }
        let english = messages(locales, "en", file)?;
        let messages = if lang == "en" {
            english
        } else {
            let messages = messages(locales, lang, file)?;
            same_ids(&format!("locales/{lang}/{file}.ftl"), &english, &messages)?;
            messages
        };
        for (at, (id, pattern)) in messages.iter().enumerate() {
            if at > 0 {
                out.push(MESSAGE_SEP);
            }
            write!(out, "{id}{ID_SEP}{pattern}").unwrap();
        }
    }
    Ok(out)
}

/// Every message of one file, compiled, sorted by id.
fn messages(locales: &Path, lang: &str, file: &str) -> Result<BTreeMap<String, String>, String> {
    let path = locales.join(lang).join(format!("{file}.ftl"));
    let name = format!("locales/{lang}/{file}.ftl");
    let source = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {name}: {e}"))?;
    compile(&name, &source)
}

/// Every message of one file's `source`, compiled, sorted by id; `path` names it in errors.
pub fn compile(path: &str, source: &str) -> Result<BTreeMap<String, String>, String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            let first = &errors[0];
            let line = source[..first.pos.start].lines().count().max(1);
            return Err(format!(
                "{path}:{line}: {:?} ({} errors)",
                first.kind,
                errors.len()
            ));
        }
    };
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let id = message.id.name.to_owned();
                let fail = |what: &str| format!("{path}: {id}: {what}");
                if !message.attributes.is_empty() {
                    return Err(fail("attributes are not supported"));
                }
                let Some(value) = &message.value else {
                    return Err(fail("a message needs a value"));
                };
                let pattern = pattern(value).map_err(|e| fail(&e))?;
                if messages.insert(id.clone(), pattern).is_some() {
                    return Err(fail("defined twice"));
                }
            }
            ast::Entry::Term(term) => {
                return Err(format!(
                    "{path}: -{}: terms are not supported",
                    term.id.name
                ))
            }
            ast::Entry::Junk { content } => {
                return Err(format!("{path}: cannot parse {content:?}"))
            }
            ast::Entry::Comment(_)
            | ast::Entry::GroupComment(_)
            | ast::Entry::ResourceComment(_) => {}
        }
    }
    Ok(messages)
}

fn same_ids(
    path: &str,
    english: &BTreeMap<String, String>,
    messages: &BTreeMap<String, String>,
) -> Result<(), String> {
    let missing: Vec<_> = english
        .keys()
        .filter(|id| !messages.contains_key(*id))
        .collect();
    let extra: Vec<_> = messages
        .keys()
        .filter(|id| !english.contains_key(*id))
        .collect();
    if missing.is_empty() && extra.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{path}: missing {missing:?}, not in English {extra:?}"
        ))
    }
}

/// A pattern as one string. Text is kept as it is; a placeable is isolated only when the
/// pattern holds more than a placeable.
fn pattern(pattern: &ast::Pattern<&str>) -> Result<String, String> {
    let mut out = String::new();
    if pattern.elements.len() > 1 {
        out.push(ISOLATE);
    }
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text(&mut out, value)?,
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    text(
                        &mut out,
                        &fluent_syntax::unicode::unescape_unicode_to_string(value),
                    )?;
                }
                expression => placeable(&mut out, expression)?,
            },
        }
    }
    Ok(out)
}

fn text(out: &mut String, text: &str) -> Result<(), String> {
    let reserved =
        |c: char| (ISOLATE..=SELECT_END).contains(&c) || (TABLE_SEP..=ID_SEP).contains(&c);
    if text.contains(reserved) {
        return Err(
            "text may not hold the control characters U+0001 to U+0006 or U+001D to U+001F".into(),
        );
    }
    out.push_str(text);
    Ok(())
}

/// `VAR name END`, or `SELECT var END default END (key END pattern VARIANT_END)+
/// SELECT_END`, where a number key is `=` and an integer.
fn placeable(out: &mut String, expression: &ast::Expression<&str>) -> Result<(), String> {
    match expression {
        ast::Expression::Inline(inline) => {
            out.push(VAR);
            out.push_str(variable(inline)?);
            out.push(END);
        }
        ast::Expression::Select { selector, variants } => {
            let default = variants
                .iter()
                .position(|v| v.default)
                .ok_or("a select expression needs a default variant")?;
            write!(out, "{SELECT}{}{END}{default}{END}", variable(selector)?).unwrap();
            for variant in variants {
                match &variant.key {
                    ast::VariantKey::Identifier { name } => out.push_str(name),
                    ast::VariantKey::NumberLiteral { value } => {
                        let n: i64 = value
                            .parse()
                            .map_err(|_| format!("number keys must be integers, not {value}"))?;
                        write!(out, "={n}").unwrap();
                    }
                }
                out.push(END);
                out.push_str(&pattern(&variant.value)?);
                out.push(VARIANT_END);
            }
            out.push(SELECT_END);
        }
    }
    Ok(())
}

fn variable<'s>(inline: &ast::InlineExpression<&'s str>) -> Result<&'s str, String> {
    match inline {
        ast::InlineExpression::VariableReference { id } => Ok(id.name),
        other => Err(format!(
            "only variables ({{ $name }}) and select expressions on them are supported, not {other:?}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalogue_holds_its_files_tables_in_order_each_sorted_by_id() {
        let core = compile("core.ftl", "b = B\na = A { $n }\n").unwrap();
        assert_eq!(core["a"], "\u{1}A \u{2}n\u{3}");
        let dir = std::env::temp_dir().join(format!("catalogue-test-{}", std::process::id()));
        for lang in ["en", "de"] {
            std::fs::create_dir_all(dir.join(lang)).unwrap();
            std::fs::write(dir.join(lang).join("core.ftl"), "b = B\na = A\n").unwrap();
            std::fs::write(dir.join(lang).join("app.ftl"), "c = C\n").unwrap();
        }
        let text = catalogue(&dir, "de", &["core", "app"]).unwrap();
        assert_eq!(text, "a\u{1f}A\u{1e}b\u{1f}B\u{1d}c\u{1f}C");
        std::fs::write(dir.join("de").join("app.ftl"), "d = D\n").unwrap();
        let refused = catalogue(&dir, "de", &["core", "app"]).unwrap_err();
        assert!(refused.contains("missing [\"c\"]"), "{refused}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn text_may_not_hold_a_separator() {
        let refused = compile("x.ftl", "a = A\u{1e}B\n").unwrap_err();
        assert!(refused.contains("U+001D"), "{refused}");
    }
}
