//! AFCARS codes both ways: the crate's types as the codes of the Adoption and Foster Care
//! Analysis and Reporting System (45 CFR 1355.40–1355.47), and the codes read back as the
//! crate's types, for the 1993 data elements (Appendix A to part 1355, with the variable names
//! of the NDACAN public files) and the 2020 ones (45 CFR 1355.44, in force from 2022-10-01).
//!
//! Each code list is a field-less enum with `ALL` (declaration order), `code()`, `from_code(u8)`
//! and `from_field(Option<u8>)`, a snake_case name (`as_str`, `Display`, `FromStr`, serde), and
//! `ELEMENT`, the element it is the value list of. A list of yes/no elements (the 1993 removal
//! reasons E26–E40, the 2020 home types E114–E119) numbers its members by element instead:
//! `element()` and `from_element(u8)`.
//!
//! Where a list comes from one the crate already has, it is derived from that list's one
//! declaration: the rows of [`Setting`](crate::Setting) give [`PlacementSetting1993`] and
//! [`LivingArrangement2020`] both ways, the rows of [`ExitReason`](crate::ExitReason) declare
//! [`ExitReason1993`] and [`ExitReason2020`], and the circumstance rows number
//! [`Circumstance::afcars_element`](crate::Circumstance::afcars_element).
//!
//! A [`Child`](crate::Child) may record race ([`Races`]) and Hispanic or Latino ethnicity
//! ([`Ethnicity2020`]); [`Case::afcars_episode`](crate::Case::afcars_episode) gathers the
//! AFCARS facts of one removal episode ([`EpisodeFacts`]).
//!
//! # Numbers
//!
//! The 1993 codes are those of Appendix A. The 2020 regulation names its values but does not
//! number them; the numbers here are as the AXE test-file builder and Maryland's CJAMS number
//! them from ACF's AFCARS 2.0 XML specification. **Verify them against the current ACF XML
//! schema** before submitting a file. Where neither implementation numbers a value (E148
//! "permanency plan not established", the Hispanic or Latino ethnicity values), the number is
//! this crate's and its docs say so.
//!
//! # Missing values
//!
//! Missing data is reported as missing, never defaulted (45 CFR 1355.43(d)). A reader takes a
//! field as `Option<u8>` — `None` for a blank — and returns `Ok(None)` for it: nothing here turns
//! a blank into a value. A value the element has for "not known" (HISORGIN 3 "unable to
//! determine", E148 "permanency plan not established", DISREASN 0 "not applicable") is a value
//! of the list, read and written like any other. Where the crate has its own "not recorded" —
//! [`Sex::Unknown`](crate::Sex::Unknown), an empty [`Races`], no ethnicity — it is written as a
//! blank ([`Sex::afcars_code`](crate::Sex::afcars_code) returns `None`, [`Races::answer`] and
//! [`Races::flag_1993`] return `None`) and a blank sex is read back as it
//! ([`Sex::from_afcars`](crate::Sex::from_afcars)).
//!
//! # Errors
//!
//! A code that is not one of an element's values is a [`CodeError`] naming the element and the
//! code (a small number is not personal data), e.g. `invalid DISREASN (1993 element 58):
//! expected one of 0, 1, 2, 3, 4, 5, 6, 7, 8, found 9`.
//!
//! # Examples
//!
//! ```
//! use permanency::afcars::{CaseGoal1993, ExitReason1993, ExitReason2020, PlacementSetting1993};
//! use permanency::{ExitReason, Goal, Setting};
//!
//! // A QRTP is an institution in 1993 (CURPLSET 5) and E120 = 5 in 2020.
//! assert_eq!(Setting::Qrtp.afcars_1993(), PlacementSetting1993::Institution);
//! assert_eq!(Setting::Qrtp.afcars_2020_code(), 5);
//! // A runaway discharge is DISREASN 7 and E155 6.
//! assert_eq!(ExitReason::RunawayDischarge.afcars_1993().code(), 7);
//! assert_eq!(ExitReason2020::from_code(6)?.exit_reason(), Some(ExitReason::RunawayDischarge));
//! // A child still in care: DISREASN 0.
//! assert_eq!(ExitReason1993::from_exit(None).code(), 0);
//! // Pre-ASFA goals read back as no current goal.
//! assert_eq!(CaseGoal1993::from_code(4)?.goal(), None);
//! assert_eq!(CaseGoal1993::from_code(6)?.goal(), Some(Goal::LegalGuardianship));
//! // A blank stays blank; an unknown code is refused with the element's name.
//! assert_eq!(ExitReason1993::from_field(None)?, None);
//! assert_eq!(
//!     ExitReason1993::from_code(9).unwrap_err().to_string(),
//!     "invalid DISREASN (1993 element 58): expected one of 0, 1, 2, 3, 4, 5, 6, 7, 8, found 9"
//! );
//! # Ok::<(), permanency::afcars::CodeError>(())
//! ```

mod codes;
mod episode;

pub use codes::*;
pub use episode::{EpisodeFacts, ParentRole, ParentTpr};

#[cfg(test)]
mod tests;
