//! JSON in and out, with errors a form can use (feature `json`).
//!
//! [`from_str`] reads any of the crate's types — a [`Case`](crate::Case) (replayed as it loads),
//! an [`Event`](crate::Event), a [`Family`](crate::Family), a [`Policy`](crate::Policy)... — and
//! on failure gives a [`JsonError`]: the path of the offending field (`events[3].what.removal.from`),
//! a machine-readable [`JsonErrorKind`], the line and column, and a message that never repeats a
//! value given. (`serde_json`'s own messages do: ``unknown variant `<a child's name>` `` or
//! ``invalid type: integer `20110723` ``; use this module for input you do not control.)
//!
//! ```
//! use permanency::{Event, json};
//! use permanency::json::JsonErrorKind;
//!
//! let bad = r#"{"date": "2024-01-10", "what": {"removal": {"manner": "Maya Quispe"}}}"#;
//! let err = json::from_str::<Event>(bad).unwrap_err();
//! assert_eq!(err.path(), "what.removal.manner");
//! assert_eq!(err.kind(), JsonErrorKind::UnknownVariant);
//! assert!(!err.message().contains("Maya"));
//! assert_eq!(
//!     err.message(),
//!     "unknown variant, expected one of `court_order`, `emergency`, `voluntary_placement_agreement`"
//! );
//! ```

use serde::Serialize;
use serde::de::DeserializeOwned;

/// What kind of problem a [`JsonError`] reports, for a program to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum JsonErrorKind {
    /// The text is not JSON.
    Syntax,
    /// The text ends before the value does.
    Eof,
    /// A field the type does not have.
    UnknownField,
    /// A name that is not one of the type's codes or variants.
    UnknownVariant,
    /// A field the type needs is absent.
    MissingField,
    /// A value of the wrong JSON type (a number where a date goes).
    InvalidType,
    /// A value of the right JSON type that the field does not accept (a date out of range, an
    /// id with a control character, a family with no member...).
    InvalidValue,
    /// A case whose history the rules refuse: the message names the event and every reason.
    Refused,
}

impl JsonErrorKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            JsonErrorKind::Syntax => "syntax",
            JsonErrorKind::Eof => "eof",
            JsonErrorKind::UnknownField => "unknown_field",
            JsonErrorKind::UnknownVariant => "unknown_variant",
            JsonErrorKind::MissingField => "missing_field",
            JsonErrorKind::InvalidType => "invalid_type",
            JsonErrorKind::InvalidValue => "invalid_value",
            JsonErrorKind::Refused => "refused",
        }
    }
}

impl core::fmt::Display for JsonErrorKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a JSON text could not be read: where (the path of the field, and the line and column),
/// what kind of problem, and a message that names fields, codes and rules but never a value
/// given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[error("{}: {message}", if path.is_empty() { "the document" } else { path.as_str() })]
pub struct JsonError {
    path: String,
    kind: JsonErrorKind,
    message: String,
    line: usize,
    column: usize,
}

impl JsonError {
    /// The path of the offending field, as `events[3].what.removal.from`; empty for the
    /// document itself. For an unknown field, the path of the object that holds it (the key
    /// itself is input, and never repeated); a map key on the way shows as `?`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The kind of problem.
    pub fn kind(&self) -> JsonErrorKind {
        self.kind
    }

    /// What is wrong, in plain words, without any value given.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The line (from 1) where reading stopped; 0 when unknown.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column (from 1) where reading stopped; 0 when unknown.
    pub fn column(&self) -> usize {
        self.column
    }
}

/// Reads a `T` from JSON text.
///
/// # Errors
///
/// A [`JsonError`] with the path, kind, position and a message free of input values.
pub fn from_str<T: DeserializeOwned>(input: &str) -> Result<T, JsonError> {
    let mut de = serde_json::Deserializer::from_str(input);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| error(&e))?;
    de.end().map_err(|e| plain(&e, String::new()))?;
    Ok(value)
}

/// Reads a `T` from JSON bytes.
///
/// # Errors
///
/// As [`from_str`].
pub fn from_slice<T: DeserializeOwned>(input: &[u8]) -> Result<T, JsonError> {
    let mut de = serde_json::Deserializer::from_slice(input);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| error(&e))?;
    de.end().map_err(|e| plain(&e, String::new()))?;
    Ok(value)
}

/// Writes `value` as compact JSON.
///
/// The crate's types always serialize; the `Result` is there for a caller's own types.
///
/// # Errors
///
/// When `value`'s `Serialize` fails (for example a map with non-string keys).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    serde_json::to_string(value).map_err(|e| plain(&e, String::new()))
}

/// Writes `value` as indented JSON.
///
/// # Errors
///
/// As [`to_string`].
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    serde_json::to_string_pretty(value).map_err(|e| plain(&e, String::new()))
}

fn error(e: &serde_path_to_error::Error<serde_json::Error>) -> JsonError {
    use serde_path_to_error::Segment;
    let mut segments: Vec<&Segment> = e.path().iter().collect();
    // An unknown field's key is input, and the last segment of the path: the path ends at the
    // object that holds it (the message lists the fields it may hold).
    if e.inner().to_string().starts_with("unknown field ") {
        segments.pop();
    }
    let mut path = String::new();
    for segment in segments {
        match segment {
            Segment::Seq { index } => path.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !path.is_empty() {
                    path.push('.');
                }
                // The fields and variants the path went through are the crate's (snake_case
                // ASCII); any other key (a map's) is input, and shows as `?`.
                let named = !key.is_empty()
                    && key.len() <= 64
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                path.push_str(if named { key } else { "?" });
            }
            Segment::Unknown => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push('?');
            }
        }
    }
    plain(e.inner(), path)
}

fn plain(e: &serde_json::Error, path: String) -> JsonError {
    use serde_json::error::Category;
    let text = e.to_string();
    // serde_json appends the position; it is given apart.
    let text = match text.rfind(" at line ") {
        Some(i) if e.line() > 0 => &text[..i],
        _ => text.as_str(),
    };
    let kind = match e.classify() {
        Category::Syntax | Category::Io => JsonErrorKind::Syntax,
        Category::Eof => JsonErrorKind::Eof,
        Category::Data => classify(text),
    };
    JsonError {
        path,
        kind,
        message: sanitize(text),
        line: e.line(),
        column: e.column(),
    }
}

fn classify(message: &str) -> JsonErrorKind {
    if message.starts_with("unknown field") {
        JsonErrorKind::UnknownField
    } else if message.starts_with("unknown variant") || message.starts_with("unknown ") {
        JsonErrorKind::UnknownVariant
    } else if message.starts_with("missing field") {
        JsonErrorKind::MissingField
    } else if message.starts_with("invalid type") {
        JsonErrorKind::InvalidType
    } else if message.starts_with("event ") && message.contains(" refused: ") {
        JsonErrorKind::Refused
    } else {
        JsonErrorKind::InvalidValue
    }
}

/// The message without any value the input gave. serde's own messages quote what they found
/// (``unknown variant `X` ``, ``invalid type: integer `N` ``, `invalid value: string "S"`);
/// the crate's own errors never do, and pass through unchanged.
fn sanitize(message: &str) -> String {
    // "unknown variant `X`, expected ..." and "unknown field `X`, expected ...": the name found
    // is input (a key can be anything, a child's name or birth date too), so it is dropped; the
    // names expected, the crate's own, stay.
    for lead in ["unknown variant ", "unknown field "] {
        if let Some(rest) = message.strip_prefix(lead)
            && let Some(quoted) = rest.strip_prefix('`')
            && let Some(end) = quoted.find('`')
        {
            let after = &quoted[end + 1..];
            return format!("{}{after}", lead.trim_end());
        }
    }
    // "invalid type: integer `N`, expected ..." / "invalid value: string \"S\", expected ...":
    // keep the kind of value found, drop the value.
    for lead in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(lead) {
            let (found, expected) = match rest.find(", expected ") {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, ""),
            };
            let what = found.split([' ', '`', '"']).next().unwrap_or("");
            let what = match what {
                "floating" => "floating point",
                "" => "value",
                w => w,
            };
            return format!("{lead}{what}{expected}");
        }
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_lose_their_values() {
        assert_eq!(
            sanitize("unknown variant `Maya Quispe`, expected `a` or `b`"),
            "unknown variant, expected `a` or `b`"
        );
        assert_eq!(
            sanitize("unknown field `nickname`, expected `id`"),
            "unknown field, expected `id`"
        );
        assert_eq!(
            sanitize("unknown field `maya_2011_07_23`, expected `id`"),
            "unknown field, expected `id`"
        );
        assert_eq!(
            sanitize("unknown field `Maya`, expected `id`"),
            "unknown field, expected `id`"
        );
        assert_eq!(
            sanitize("invalid type: integer `20110723`, expected a string"),
            "invalid type: integer, expected a string"
        );
        assert_eq!(
            sanitize(r#"invalid type: string "{\"child\": 1}", expected struct CaseRecord"#),
            "invalid type: string, expected struct CaseRecord"
        );
        assert_eq!(
            sanitize("invalid type: floating point `1.5`, expected u32"),
            "invalid type: floating point, expected u32"
        );
        assert_eq!(
            sanitize("invalid name: expected 1 to 200 characters, found an empty value"),
            "invalid name: expected 1 to 200 characters, found an empty value"
        );
    }
}
