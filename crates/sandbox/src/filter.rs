//! The `filters` query parameter of `GET /public-identities`: a parser for ISC's standard
//! filter syntax, restricted to the fields and operators the spec lists
//! (`id`: eq, in; `alias`, `email`, `firstname`, `lastname`: eq, sw), combined with `and`,
//! `or`, `not` and parentheses. Matching is case-insensitive like ISC's; operators and
//! keywords are not: ISC's Standard Collection Parameters allow them lowercase only (`eq`,
//! never `EQ`), so `EQ` or `AND` is refused with a message naming it.

use crate::input::echo;

/// A field a filter may test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Identity id.
    Id,
    /// Alias (user name).
    Alias,
    /// Email address.
    Email,
    /// First name.
    FirstName,
    /// Last name.
    LastName,
}

impl Field {
    fn parse(name: &str) -> Option<Field> {
        match name {
            "id" => Some(Field::Id),
            "alias" => Some(Field::Alias),
            "email" => Some(Field::Email),
            "firstname" => Some(Field::FirstName),
            "lastname" => Some(Field::LastName),
            _ => None,
        }
    }

    fn allows(self, op: Op) -> bool {
        match self {
            Field::Id => matches!(op, Op::Eq | Op::In),
            _ => matches!(op, Op::Eq | Op::Sw),
        }
    }
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Equals.
    Eq,
    /// Is one of a list.
    In,
    /// Starts with.
    Sw,
}

/// A parsed filter expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Both must hold.
    And(Box<Filter>, Box<Filter>),
    /// Either must hold.
    Or(Box<Filter>, Box<Filter>),
    /// Must not hold.
    Not(Box<Filter>),
    /// `field op value` or `field in (values…)`.
    Compare {
        /// The tested field.
        field: Field,
        /// The operator.
        op: Op,
        /// One value, or several for `in`.
        values: Vec<String>,
    },
}

/// Something a filter can be tested against.
pub trait Subject {
    /// The value of `field`, if the subject has one.
    fn field(&self, field: Field) -> Option<&str>;
}

/// Most tokens a filter may have; a longer one is refused before it is parsed.
pub const MAX_TOKENS: usize = 1000;
/// Deepest nesting of parentheses and `not` a filter may have: the parser recurses once
/// per level, so an unbounded depth would let one request overflow the stack.
pub const MAX_DEPTH: usize = 32;

impl Filter {
    /// Parses a `filters` parameter; the error says what is wrong, for a 400.
    pub fn parse(text: &str) -> Result<Filter, String> {
        let tokens = tokenize(text)?;
        let mut parser = Parser {
            tokens,
            pos: 0,
            depth: 0,
        };
        let filter = parser.or()?;
        match parser.tokens.get(parser.pos) {
            None => Ok(filter),
            Some(Token::Word(word)) => Err(not_lowercase(word, &["and", "or"])
                .unwrap_or_else(|| format!("unexpected '{}'", echo(word)))),
            Some(token) => Err(format!("unexpected {token:?}")),
        }
    }

    /// Whether `subject` passes this filter.
    pub fn matches(&self, subject: &impl Subject) -> bool {
        match self {
            Filter::And(a, b) => a.matches(subject) && b.matches(subject),
            Filter::Or(a, b) => a.matches(subject) || b.matches(subject),
            Filter::Not(a) => !a.matches(subject),
            Filter::Compare { field, op, values } => {
                let Some(actual) = subject.field(*field) else {
                    return false;
                };
                let actual = actual.to_lowercase();
                values.iter().any(|v| {
                    let v = v.to_lowercase();
                    match op {
                        Op::Eq | Op::In => actual == v,
                        Op::Sw => actual.starts_with(&v),
                    }
                })
            }
        }
    }
}

/// The refusal of `word` when it is one of `keywords` spelled in another case (`EQ`,
/// `And`): ISC allows operators and keywords in lowercase only.
fn not_lowercase(word: &str, keywords: &[&str]) -> Option<String> {
    let keyword = keywords
        .iter()
        .find(|k| word.eq_ignore_ascii_case(k) && word != **k)?;
    Some(format!(
        "operator '{}' is not allowed: operators are lowercase, write '{keyword}'",
        echo(word)
    ))
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Str(String),
    Open,
    Close,
    Comma,
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' | ',' => {
                chars.next();
                tokens.push(match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    _ => Token::Comma,
                });
            }
            '"' => {
                chars.next();
                let mut value = String::new();
                loop {
                    match chars.next() {
                        None => return Err("unterminated string".into()),
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(escaped) => value.push(escaped),
                            None => return Err("unterminated string".into()),
                        },
                        Some(other) => value.push(other),
                    }
                }
                tokens.push(Token::Str(value));
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_alphanumeric() || c == '_' || c == '.' {
                        word.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push(Token::Word(word));
            }
            other => return Err(format!("unexpected character {other:?}")),
        }
        if tokens.len() > MAX_TOKENS {
            return Err(format!("a filter may have at most {MAX_TOKENS} tokens"));
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    /// Current nesting of parentheses and `not`.
    depth: usize,
}

impl Parser {
    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        token
    }

    /// Whether the next token is the keyword `word`, exactly (lowercase).
    fn peek_word(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.pos), Some(Token::Word(w)) if w == word)
    }

    fn or(&mut self) -> Result<Filter, String> {
        let mut left = self.and()?;
        while self.peek_word("or") {
            self.pos += 1;
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, String> {
        let mut left = self.unary()?;
        while self.peek_word("and") {
            self.pos += 1;
            left = Filter::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Filter, String> {
        if self.peek_word("not") {
            self.pos += 1;
            let inner = self.nested(Parser::unary)?;
            return Ok(Filter::Not(Box::new(inner)));
        }
        match self.next() {
            Some(Token::Open) => {
                let inner = self.nested(Parser::or)?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => Err("expected ')'".into()),
                }
            }
            Some(Token::Word(name)) => self.comparison(&name),
            Some(other) => Err(format!("expected a field name, found {other:?}")),
            None => Err("expected a field name, found the end".into()),
        }
    }

    /// Runs `parse` one level deeper, refusing past [`MAX_DEPTH`].
    fn nested(
        &mut self,
        parse: fn(&mut Parser) -> Result<Filter, String>,
    ) -> Result<Filter, String> {
        if self.depth >= MAX_DEPTH {
            return Err(format!(
                "a filter may nest parentheses and 'not' at most {MAX_DEPTH} deep"
            ));
        }
        self.depth += 1;
        let result = parse(self);
        self.depth -= 1;
        result
    }

    fn comparison(&mut self, name: &str) -> Result<Filter, String> {
        let field = Field::parse(name).ok_or_else(|| {
            not_lowercase(name, &["not"])
                .unwrap_or_else(|| format!("filtering on '{}' is not supported", echo(name)))
        })?;
        let op = match self.next() {
            Some(Token::Word(op)) => match op.as_str() {
                "eq" => Op::Eq,
                "in" => Op::In,
                "sw" => Op::Sw,
                other => {
                    return Err(
                        not_lowercase(other, &["eq", "in", "sw"]).unwrap_or_else(|| {
                            format!(
                                "operator '{}' is not supported for '{}'",
                                echo(other),
                                echo(name)
                            )
                        }),
                    )
                }
            },
            _ => return Err(format!("expected an operator after '{}'", echo(name))),
        };
        if !field.allows(op) {
            return Err(
                format!("operator '{op:?}' is not supported for '{}'", echo(name)).to_lowercase(),
            );
        }
        let values = if op == Op::In {
            if self.next() != Some(Token::Open) {
                return Err("expected '(' after 'in'".into());
            }
            let mut values = Vec::new();
            loop {
                match self.next() {
                    Some(Token::Str(value)) => values.push(value),
                    _ => return Err("expected a quoted value in the 'in' list".into()),
                }
                match self.next() {
                    Some(Token::Comma) => continue,
                    Some(Token::Close) => break,
                    _ => return Err("expected ',' or ')' in the 'in' list".into()),
                }
            }
            values
        } else {
            match self.next() {
                Some(Token::Str(value)) => vec![value],
                _ => return Err(format!("expected a quoted value after '{}'", echo(name))),
            }
        };
        Ok(Filter::Compare { field, op, values })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Person(&'static str, &'static str, &'static str);

    impl Subject for Person {
        fn field(&self, field: Field) -> Option<&str> {
            match field {
                Field::Id => Some(self.0),
                Field::Alias => Some(self.1),
                Field::FirstName => Some(self.2),
                Field::Email | Field::LastName => None,
            }
        }
    }

    const ALISON: Person = Person("a1", "alison.ferguso", "Alison");
    const THOMAS: Person = Person("t1", "thomas.edison", "Thomas");

    fn keeps(filter: &str) -> Vec<&'static str> {
        let filter = Filter::parse(filter).unwrap();
        [ALISON, THOMAS]
            .into_iter()
            .filter(|p| filter.matches(p))
            .map(|p| p.1)
            .collect()
    }

    #[test]
    fn eq_matches_whole_values_ignoring_case() {
        assert_eq!(keeps(r#"firstname eq "alison""#), ["alison.ferguso"]);
        assert!(keeps(r#"firstname eq "Ali""#).is_empty());
    }

    #[test]
    fn sw_matches_prefixes() {
        assert_eq!(keeps(r#"alias sw "THO""#), ["thomas.edison"]);
    }

    #[test]
    fn in_matches_any_listed_id() {
        assert_eq!(
            keeps(r#"id in ("t1", "zz", "a1")"#),
            ["alison.ferguso", "thomas.edison"]
        );
    }

    #[test]
    fn and_or_not_and_parentheses_combine() {
        assert_eq!(
            keeps(r#"not (alias sw "a" or id eq "zz") and firstname sw "t""#),
            ["thomas.edison"]
        );
    }

    /// Regression: `EQ`, `AND` and the like were accepted; ISC allows operators and
    /// keywords in lowercase only, and the refusal names the one written otherwise.
    #[test]
    fn operators_and_keywords_in_another_case_are_refused_naming_them() {
        for (filter, named) in [
            (r#"firstname EQ "alison""#, "'EQ'"),
            (r#"alias Sw "a""#, "'Sw'"),
            (r#"id IN ("a1")"#, "'IN'"),
            (r#"firstname eq "alison" AND alias sw "a""#, "'AND'"),
            (r#"alias sw "a" Or alias sw "t""#, "'Or'"),
            (r#"NOT alias sw "a""#, "'NOT'"),
            (r#"(alias sw "a") AND (alias sw "t")"#, "'AND'"),
        ] {
            let error = Filter::parse(filter).unwrap_err();
            assert!(error.contains(named), "{filter}: {error}");
            assert!(error.contains("lowercase"), "{filter}: {error}");
        }
        assert_eq!(
            keeps(r#"firstname eq "ALISON" and not alias sw "T""#),
            ["alison.ferguso"],
            "values still match ignoring case"
        );
    }

    #[test]
    fn escaped_quotes_are_part_of_the_value() {
        assert_eq!(
            Filter::parse(r#"alias eq "a\"b""#).unwrap(),
            Filter::Compare {
                field: Field::Alias,
                op: Op::Eq,
                values: vec!["a\"b".into()]
            }
        );
    }

    #[test]
    fn deep_nesting_and_long_filters_are_refused_without_overflowing_the_stack() {
        let leaf = r#"alias eq "a""#;
        let nested = format!("{}{leaf}{}", "(".repeat(5000), ")".repeat(5000));
        let unclosed = "(".repeat(5000);
        let nots = format!("{}{leaf}", "not ".repeat(15_000));
        for hostile in [nested, unclosed, nots] {
            // Run on a small stack, as a request would on a tokio worker.
            let error = std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || Filter::parse(&hostile))
                .unwrap()
                .join()
                .expect("the parser must not overflow the stack")
                .unwrap_err();
            assert!(error.contains("at most"), "{error}");
        }
        let fine = format!("{}{leaf}{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(Filter::parse(&fine).is_ok());
        let deep = format!("{}{leaf}{}", "(".repeat(100), ")".repeat(100));
        assert!(Filter::parse(&deep).unwrap_err().contains("deep"));
        let deep_not = format!("{}{leaf}", "not ".repeat(100));
        assert!(Filter::parse(&deep_not).unwrap_err().contains("deep"));
        let long = vec![leaf; 400].join(" or ");
        assert!(Filter::parse(&long).unwrap_err().contains("tokens"));
    }

    #[test]
    fn fields_and_operators_the_spec_does_not_list_are_refused() {
        for bad in [
            r#"name eq "x""#,
            r#"id sw "x""#,
            r#"alias in ("x")"#,
            r#"alias co "x""#,
            r#"alias eq x"#,
            r#"alias eq "x"#,
            r#"(alias eq "x""#,
            r#"alias eq "x" extra"#,
            "",
        ] {
            assert!(Filter::parse(bad).is_err(), "{bad}");
        }
    }
}
