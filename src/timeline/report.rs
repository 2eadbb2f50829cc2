//! [`ObligationReport`]: a case's obligations as of a date, saying which policy produced them.

use chrono::NaiveDate;

use super::Obligation;
use crate::case::Case;
use crate::id::ChildId;
use crate::policy::Policy;

/// Every obligation of one case as of a date, with what produced them: the child's id, the date
/// asked, and the policy's name and [fingerprint](Policy::fingerprint). Stored or sent on, a
/// report says which policy its due dates come from.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use permanency::*;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let ohio = Policy::federal().with_tpr_clock(12, 22)?.with_name("ohio")?;
/// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
/// let mut case = Case::new(child, vec![])?;
/// case.apply(Event::new(d(2024, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &ohio)?;
/// let report = case.obligation_report(d(2024, 2, 1), &ohio);
/// assert_eq!((report.policy(), report.fingerprint()), ("ohio", ohio.fingerprint()));
/// assert_eq!(report.obligations(), case.obligations(d(2024, 2, 1), &ohio).as_slice());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct ObligationReport {
    child: ChildId,
    as_of: NaiveDate,
    policy: String,
    /// The policy's fingerprint as 16 hex digits (a JSON number cannot hold every `u64`).
    #[cfg_attr(feature = "serde", serde(with = "hex_u64"))]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    fingerprint: u64,
    obligations: Vec<Obligation>,
}

impl ObligationReport {
    /// The child whose case it is.
    pub fn child(&self) -> &ChildId {
        &self.child
    }

    /// The date asked.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The name of the policy that produced the obligations.
    pub fn policy(&self) -> &str {
        &self.policy
    }

    /// That policy's fingerprint.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The obligations, ordered by due date, as [`Case::obligations`] gives them.
    pub fn obligations(&self) -> &[Obligation] {
        &self.obligations
    }
}

impl Case {
    /// Every obligation as of `as_of` under `policy`, as a report that names the child, the
    /// date and the policy (name and fingerprint) that produced it.
    pub fn obligation_report(&self, as_of: NaiveDate, policy: &Policy) -> ObligationReport {
        ObligationReport {
            child: self.child().id().clone(),
            as_of,
            policy: policy.name().to_owned(),
            fingerprint: policy.fingerprint(),
            obligations: self.obligations(as_of, policy),
        }
    }
}

#[cfg(feature = "serde")]
mod hex_u64 {
    pub(super) fn serialize<S: serde::Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{v:016x}"))
    }

    pub(super) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        if text.len() != 16 {
            return Err(serde::de::Error::custom(
                "invalid fingerprint: expected 16 hex digits",
            ));
        }
        u64::from_str_radix(&text, 16)
            .map_err(|_| serde::de::Error::custom("invalid fingerprint: expected 16 hex digits"))
    }
}
