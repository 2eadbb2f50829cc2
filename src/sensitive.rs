//! [`Sensitive<T>`]: a wrapper for the facts that identify a child or a person.

use core::fmt;

/// The text that `Debug` and `Display` print in place of a sensitive value.
pub const REDACTED: &str = "[redacted]";

/// A value that identifies a person — a name, a date of birth, free text that may quote either.
///
/// Every `Sensitive<T>` prints as [`REDACTED`] through `Debug` and `Display`, whatever it holds,
/// so that logs, panics, errors and violations never carry it. Reading the value is an explicit
/// call to [`expose`](Sensitive::expose).
///
/// Serialization (feature `serde`) writes the value itself: exporting a record is a deliberate
/// act, and the wire format must be able to carry the child's name.
///
/// # Examples
///
/// ```
/// use permanency::Sensitive;
///
/// let name = Sensitive::new("Jordan");
/// assert_eq!(format!("{name:?} {name}"), "[redacted] [redacted]");
/// assert_eq!(*name.expose(), "Jordan");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(transparent)
)]
pub struct Sensitive<T>(T);

impl<T> Sensitive<T> {
    /// Wraps a value.
    pub const fn new(value: T) -> Self {
        Sensitive(value)
    }

    /// Reads the value. Every call site is a place where identifying data leaves the wrapper.
    pub const fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the value.
    pub fn into_exposed(self) -> T {
        self.0
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T> fmt::Display for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_display_and_alternate_forms_are_redacted() {
        let s = Sensitive::new(String::from("Avery Quinn"));
        assert_eq!(format!("{s:?}"), REDACTED);
        assert_eq!(format!("{s:#?}"), REDACTED);
        assert_eq!(format!("{s}"), REDACTED);
        assert_eq!(format!("{s:>20}"), REDACTED);
        assert_eq!(s.expose(), "Avery Quinn");
        assert_eq!(s.into_exposed(), "Avery Quinn");
    }
}
