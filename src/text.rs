//! Validated text: the shared checks behind ids, names and notes.

use crate::error::{Error, TextProblem};

/// Which characters a kind of text may hold beyond the rules every text shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rules {
    /// Ids and codes: one line, and no invisible or direction-overriding format character, so
    /// that no message naming an id can be made to read as something else.
    Line,
    /// Names: one line. Joiners and marks that some scripts need in names are allowed; a name
    /// never appears in a message.
    Name,
    /// Free text: newlines and tabs allowed (a text area), other control characters and the
    /// invisible and direction-overriding format characters refused.
    Note,
}

/// The invisible and bidirectional-override format characters refused in ids and notes: zero
/// width space to right-to-left mark (U+200B–U+200F), the embeddings and overrides
/// (U+202A–U+202E), the isolates (U+2066–U+2069), the line and paragraph separators (U+2028,
/// U+2029) and the byte order mark (U+FEFF).
pub(crate) fn is_hidden_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// Checks `s` for the rules every text value shares — not empty, at most `max` characters, no
/// leading or trailing white space — and the control and format characters its `rules` refuse.
pub(crate) fn check(
    s: &str,
    field: &'static str,
    expected: &'static str,
    max: usize,
    rules: Rules,
) -> Result<(), Error> {
    let control = |c: char| c.is_control() && !(rules == Rules::Note && matches!(c, '\n' | '\t'));
    let hidden = |c: char| rules != Rules::Name && is_hidden_format(c);
    let problem = if s.trim().is_empty() {
        Some(TextProblem::Empty)
    } else if s.trim() != s {
        Some(TextProblem::Untrimmed)
    } else if let Some(pos) = s.chars().position(control) {
        Some(TextProblem::ControlCharacter(pos))
    } else if let Some(pos) = s.chars().position(hidden) {
        Some(TextProblem::FormatCharacter(pos))
    } else {
        let n = s.chars().count();
        (n > max).then_some(TextProblem::TooLong(n))
    };
    match problem {
        None => Ok(()),
        Some(found) => Err(Error::Text {
            field,
            expected,
            found,
        }),
    }
}

/// Builds a validated text newtype: `new`, `as_str`, `Display`/`Debug` policy, serde through
/// `try_from = "String"`.
macro_rules! text_type {
    (
        $(#[$meta:meta])*
        $name:ident, field = $field:literal, max = $max:literal, expected = $expected:literal,
        rules = $rules:ident, debug = $debug:ident
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Deserialize), serde(try_from = "String"))]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "schemars", schemars(extend("minLength" = 1, "maxLength" = $max, "pattern" = crate::schema::TEXT_PATTERN)))]
        pub struct $name(std::sync::Arc<str>);

        impl $name {
            /// The most characters a value may have.
            pub const MAX_CHARS: usize = $max;

            /// Validates and wraps `value`.
            ///
            /// # Errors
            ///
            /// [`Error::Text`](crate::Error::Text) if the value is empty, has leading or trailing
            /// white space, holds a control character, or is longer than
            #[doc = concat!("[`", stringify!($name), "::MAX_CHARS`] characters.")]
            pub fn new(value: impl AsRef<str>) -> Result<Self, crate::Error> {
                let value = value.as_ref();
                crate::text::check(value, $field, $expected, $max, crate::text::Rules::$rules)?;
                Ok($name(std::sync::Arc::from(value)))
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = crate::Error;
            fn try_from(value: String) -> Result<Self, crate::Error> {
                $name::new(value)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = crate::Error;
            fn try_from(value: &str) -> Result<Self, crate::Error> {
                $name::new(value)
            }
        }

        impl core::str::FromStr for $name {
            type Err = crate::Error;
            fn from_str(value: &str) -> Result<Self, crate::Error> {
                $name::new(value)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        text_type!(@debug $name, $debug);
    };
    (@debug $name:ident, shown) => {
        impl core::fmt::Debug for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, concat!(stringify!($name), "({:?})"), &*self.0)
            }
        }
        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
    (@debug $name:ident, secret) => {
        // Neither `Debug` nor `Display` shows the value: free text may name anyone, and is
        // handed out bare (a correction's reason), with no `Sensitive` around it to make
        // printing it a choice. `as_str` is the explicit way to read it.
        impl core::fmt::Debug for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(crate::sensitive::REDACTED)
            }
        }
        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(crate::sensitive::REDACTED)
            }
        }
    };
    (@debug $name:ident, redacted) => {
        // `Debug` never shows the value (a `{:?}` of a struct holding it, a log line). `Display`
        // is the explicit way to print it, as `expose()` is to read it: the entities hold these
        // values inside `Sensitive`, whose `Display` redacts.
        impl core::fmt::Debug for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(crate::sensitive::REDACTED)
            }
        }
        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
pub(crate) use text_type;

text_type! {
    /// A person's name as the agency records it: 1 to 200 characters, no control characters, no
    /// surrounding white space.
    ///
    /// A `Name`'s `Debug` prints `[redacted]`, so no `{:?}` of a struct that holds one shows it;
    /// its `Display` (like [`as_str`](Name::as_str)) is the value, for the places a program
    /// means to show it. The entities keep names inside [`Sensitive`](crate::Sensitive), whose
    /// `Debug` and `Display` both redact: `child.name()` prints `[redacted]`,
    /// `child.name().expose()` the name.
    Name, field = "name", max = 200, expected = "1 to 200 characters without control characters or surrounding white space",
    rules = Name, debug = redacted
}

text_type! {
    /// Free text for a record (a compelling reason, efforts made): 1 to 4000 characters, several
    /// lines allowed (newlines and tabs), no other control character, no invisible or
    /// direction-overriding format character (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069,
    /// U+2028, U+2029, U+FEFF), and no white space before the first or after the last visible
    /// character (trim a text area's input before building a `Note`).
    ///
    /// A `Note`'s `Debug` and `Display` both print `[redacted]` (case notes may name anyone, the
    /// child included, and a correction's reason is handed out bare): read the text with
    /// [`as_str`](Note::as_str).
    Note, field = "note", max = 4000, expected = "1 to 4000 characters without control or hidden format characters or surrounding white space",
    rules = Note, debug = secret
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_and_never_printed() {
        let n = Name::new("Maria José").unwrap();
        assert_eq!(n.as_str(), "Maria José");
        assert_eq!(format!("{n:?}|{n}"), "[redacted]|Maria José");
        let held = crate::Sensitive::new(n.clone());
        assert_eq!(format!("{held:?}|{held}"), "[redacted]|[redacted]");
        assert_eq!(held.expose().to_string(), "Maria José");
        assert_eq!(
            Name::new("").unwrap_err().to_string(),
            "invalid name: expected 1 to 200 characters without control characters or surrounding white space, found an empty value"
        );
        assert!(matches!(
            Name::new(" Ann").unwrap_err(),
            Error::Text {
                found: TextProblem::Untrimmed,
                ..
            }
        ));
        assert!(matches!(
            Name::new("A\nB").unwrap_err(),
            Error::Text {
                found: TextProblem::ControlCharacter(1),
                ..
            }
        ));
        // 201 'é' are 201 characters (402 bytes): counted in characters, not bytes.
        let long = "é".repeat(201);
        assert!(matches!(
            Name::new(&long).unwrap_err(),
            Error::Text {
                found: TextProblem::TooLong(201),
                ..
            }
        ));
        assert!(Name::new("é".repeat(200)).is_ok());
    }

    #[test]
    fn notes_take_lines_and_tabs_but_no_hidden_characters() {
        let n = Note::new("Line one\n\tline two").unwrap();
        assert_eq!(n.as_str(), "Line one\n\tline two");
        assert!(matches!(
            Note::new("a\u{7}b").unwrap_err(),
            Error::Text {
                found: TextProblem::ControlCharacter(1),
                ..
            }
        ));
        for hidden in [
            '\u{200B}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{2028}',
            '\u{2029}', '\u{FEFF}',
        ] {
            let text = format!("ok{hidden}ok");
            assert!(
                matches!(
                    Note::new(&text).unwrap_err(),
                    Error::Text {
                        found: TextProblem::FormatCharacter(2),
                        ..
                    }
                ),
                "{hidden:?}"
            );
            assert!(crate::PersonId::new(&text).is_err(), "{hidden:?}");
        }
        // A name may need a joiner (Persian, Indic scripts): allowed in names.
        assert!(Name::new("Mehr\u{200C}dad").is_ok());
        // A newline still ends an id.
        assert!(crate::PersonId::new("P\n1").is_err());
        assert_eq!(
            Note::new("a\u{202E}b").unwrap_err().to_string(),
            "invalid note: expected 1 to 4000 characters without control or hidden format characters or surrounding white space, found an invisible or direction-overriding format character at position 1"
        );
    }

    #[test]
    fn a_text_error_never_repeats_the_value() {
        let err = Name::new("Secret Name\u{7}").unwrap_err().to_string();
        assert!(!err.contains("Secret"), "{err}");
    }
}
