//! Validated text: the shared checks behind ids, names and notes.

use crate::error::{Error, TextProblem};

/// Checks `s` for the rules every text value shares: not empty, at most `max` characters, no
/// control character, no leading or trailing white space.
pub(crate) fn check(
    s: &str,
    field: &'static str,
    expected: &'static str,
    max: usize,
) -> Result<(), Error> {
    let problem = if s.trim().is_empty() {
        Some(TextProblem::Empty)
    } else if s.trim() != s {
        Some(TextProblem::Untrimmed)
    } else if let Some(pos) = s.chars().position(char::is_control) {
        Some(TextProblem::ControlCharacter(pos))
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
        debug = $debug:ident
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
                crate::text::check(value, $field, $expected, $max)?;
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
    (@debug $name:ident, redacted) => {
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
}
pub(crate) use text_type;

text_type! {
    /// A person's name as the agency records it: 1 to 200 characters, no control characters, no
    /// surrounding white space.
    ///
    /// A `Name` prints as `[redacted]` even outside a [`Sensitive`](crate::Sensitive): the crate
    /// never shows a name by accident.
    Name, field = "name", max = 200, expected = "1 to 200 characters without control characters or surrounding white space",
    debug = redacted
}

text_type! {
    /// Free text for a record (a compelling reason, efforts made): 1 to 4000 characters, no
    /// control characters (a single line), no surrounding white space.
    ///
    /// A `Note` prints as `[redacted]`: case notes may name people.
    Note, field = "note", max = 4000, expected = "1 to 4000 characters without control characters or surrounding white space",
    debug = redacted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_and_never_printed() {
        let n = Name::new("Maria José").unwrap();
        assert_eq!(n.as_str(), "Maria José");
        assert_eq!(format!("{n:?}|{n}"), "[redacted]|[redacted]");
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
    fn a_text_error_never_repeats_the_value() {
        let err = Name::new("Secret Name\u{7}").unwrap_err().to_string();
        assert!(!err.contains("Secret"), "{err}");
    }
}
