//! Identifiers: the agency's own ids, validated and cheap to clone.
//!
//! Every id wraps the identifier the agency already uses (a SACWIS/CCWIS key, a court docket
//! number, a UUID): 1 to 64 characters, no control characters, no surrounding white space. Ids
//! are reference-counted strings: cloning one never allocates. They serialize as plain strings,
//! and their `Debug` shows the id (ids are not names: errors and violations name people by id).

use crate::text::text_type;

text_type! {
    /// Identifies a child across the agency's systems.
    ///
    /// # Examples
    ///
    /// ```
    /// use permanency::ChildId;
    ///
    /// let id = ChildId::new("C-1042")?;
    /// assert_eq!(id.as_str(), "C-1042");
    /// assert!(ChildId::new("").is_err());
    /// # Ok::<(), permanency::Error>(())
    /// ```
    ChildId, field = "child id", max = 64, expected = "1 to 64 characters without control characters or surrounding white space",
    rules = Line, debug = shown
}

text_type! {
    /// Identifies a person other than the child: a parent, a relative, a caregiver.
    PersonId, field = "person id", max = 64, expected = "1 to 64 characters without control characters or surrounding white space",
    rules = Line, debug = shown
}

text_type! {
    /// Identifies a household: the birth family, a relative, foster, adoptive or guardian family.
    FamilyId, field = "family id", max = 64, expected = "1 to 64 characters without control characters or surrounding white space",
    rules = Line, debug = shown
}

text_type! {
    /// Identifies a facility that provides care without a family: a group home, an institution,
    /// a shelter, a QRTP (the provider of an AFCARS placement setting). Two stays at the same
    /// facility are one setting; a move between facilities is a move.
    FacilityId, field = "facility id", max = 64, expected = "1 to 64 characters without control characters or surrounding white space",
    rules = Line, debug = shown
}

text_type! {
    /// Identifies one placement (one stay in one setting).
    PlacementId, field = "placement id", max = 64, expected = "1 to 64 characters without control characters or surrounding white space",
    rules = Line, debug = shown
}

text_type! {
    /// Identifies one entry of a case's history: the key the agency's system gave the record (a
    /// legacy row id, a UUID). Corrections name the entry they void, amend or vacate by it.
    ///
    /// ```
    /// use permanency::EntryId;
    ///
    /// assert_eq!(EntryId::new("row-1042")?.as_str(), "row-1042");
    /// # Ok::<(), permanency::Error>(())
    /// ```
    EntryId, field = "entry id", max = 64, expected = "1 to 64 characters without control characters or surrounding white space",
    rules = Line, debug = shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, TextProblem};

    #[test]
    fn ids_validate_and_show_themselves() {
        let id = PlacementId::new("P-1").unwrap();
        assert_eq!(format!("{id:?} {id}"), "PlacementId(\"P-1\") P-1");
        assert_eq!(id.clone(), id);
        assert!(matches!(
            FamilyId::new("x".repeat(65)),
            Err(Error::Text {
                field: "family id",
                found: TextProblem::TooLong(65),
                ..
            })
        ));
        assert!(FamilyId::new("x".repeat(64)).is_ok());
        assert_eq!(
            PersonId::new("a\tb").unwrap_err().to_string(),
            "invalid person id: expected 1 to 64 characters without control characters or surrounding white space, found a control character at position 1"
        );
        assert_eq!("C-9".parse::<ChildId>().unwrap().as_str(), "C-9");
    }
}
