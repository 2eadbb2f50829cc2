//! The Indian Child Welfare Act's records (25 U.S.C. 1903, 1912, 1913; 25 CFR part 23): the
//! findings a court makes in an ICWA proceeding, and a parent's voluntary consent.
//!
//! The case keeps the child's ICWA status as of each date
//! ([`Case::indian_child_status_on`](crate::Case::indian_child_status_on)): the child's record
//! until an [`EventData::IcwaStatusDetermined`](crate::EventData::IcwaStatusDetermined) changes
//! it. While the status is "Indian child" or "reason to know", a foster-care placement order and
//! a termination of parental rights need active efforts, a qualified expert witness and the
//! standard of evidence the Act sets; an order made without them happened and is recorded, and
//! the clocks report it open to invalidation (25 U.S.C. 1914). A consent given before or within
//! 10 days after the child's birth is not valid (§1913(a)) and is refused.

use crate::id::PersonId;

/// Which ICWA order a court's findings belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum IcwaOrder {
    /// A foster-care placement order (25 U.S.C. 1903(1)(i), 1912(e)).
    FosterCarePlacement,
    /// An order terminating parental rights (§1903(1)(ii), 1912(f)).
    ParentalRightsTermination,
}

crate::codes::code_names! {
    IcwaOrder, "ICWA order":
        FosterCarePlacement = "foster_care_placement",
        ParentalRightsTermination = "parental_rights_termination",
}

/// The standard of evidence a court applied, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum EvidenceStandard {
    /// A preponderance of the evidence.
    Preponderance,
    /// Clear and convincing evidence: what a foster-care placement needs (§1912(e)).
    ClearAndConvincing,
    /// Evidence beyond a reasonable doubt: what a termination needs (§1912(f)).
    BeyondReasonableDoubt,
}

crate::codes::code_names! {
    EvidenceStandard, "evidence standard":
        Preponderance = "preponderance",
        ClearAndConvincing = "clear_and_convincing",
        BeyondReasonableDoubt = "beyond_reasonable_doubt",
}

impl IcwaOrder {
    /// The standard of evidence the Act requires for the order: clear and convincing for a
    /// foster-care placement (§1912(e)), beyond a reasonable doubt for a termination (§1912(f)).
    pub const fn required_standard(self) -> EvidenceStandard {
        match self {
            IcwaOrder::FosterCarePlacement => EvidenceStandard::ClearAndConvincing,
            IcwaOrder::ParentalRightsTermination => EvidenceStandard::BeyondReasonableDoubt,
        }
    }
}

/// What a court found in an ICWA foster-care placement or termination proceeding, dated the day
/// of the order (25 U.S.C. 1912(d)–(f); 25 CFR 23.120–23.122). Any combination may be recorded:
/// an order made without a required finding is accepted and reported open to invalidation.
///
/// On the wire: `{"order": "foster_care_placement", "active_efforts": true,
/// "expert_witness": true, "standard": "clear_and_convincing"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct IcwaFindings {
    /// The order the findings belong to.
    pub order: IcwaOrder,
    /// Active efforts to prevent the breakup of the Indian family were made and proved
    /// unsuccessful (§1912(d); 25 CFR 23.2, 23.120).
    pub active_efforts: bool,
    /// The determination is supported by the testimony of a qualified expert witness (§1912(e),
    /// (f); 25 CFR 23.122).
    pub expert_witness: bool,
    /// The standard of evidence the court applied.
    pub standard: EvidenceStandard,
}

impl IcwaFindings {
    /// Findings for `order` with every finding the Act requires: active efforts, a qualified
    /// expert witness, and the order's standard of evidence.
    pub fn complete(order: IcwaOrder) -> IcwaFindings {
        IcwaFindings {
            order,
            active_efforts: true,
            expert_witness: true,
            standard: order.required_standard(),
        }
    }

    /// Findings for `order` as the court made them.
    pub fn new(
        order: IcwaOrder,
        active_efforts: bool,
        expert_witness: bool,
        standard: EvidenceStandard,
    ) -> IcwaFindings {
        IcwaFindings {
            order,
            active_efforts,
            expert_witness,
            standard,
        }
    }

    /// Whether the standard applied meets the order's ([`IcwaOrder::required_standard`]).
    pub fn meets_standard(&self) -> bool {
        self.standard >= self.order.required_standard()
    }
}

/// What a parent or Indian custodian consents to (25 U.S.C. 1913).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum ConsentTo {
    /// A foster-care placement: may be withdrawn at any time, and the child returned (§1913(b)).
    FosterCare,
    /// The termination of parental rights: may be withdrawn before the final decree (§1913(c)).
    Termination,
    /// An adoptive placement: may be withdrawn before the final decree (§1913(c)).
    Adoption,
}

crate::codes::code_names! {
    ConsentTo, "consent":
        FosterCare = "foster_care",
        Termination = "termination",
        Adoption = "adoption",
}

impl ConsentTo {
    /// Whether a withdrawal is possible only before the final decree of adoption (§1913(c)).
    pub const fn ends_at_decree(self) -> bool {
        matches!(self, ConsentTo::Termination | ConsentTo::Adoption)
    }
}

/// A voluntary consent by a parent or Indian custodian (25 U.S.C. 1913(a)): in writing, recorded
/// before a judge, who certifies that its terms and consequences were fully explained and
/// understood. One given before or within 10 days after the child's birth is not valid and is
/// refused.
///
/// On the wire: `{"person": "P-MOTHER", "to": "foster_care", "certified": true}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct IcwaConsent {
    /// The parent (or Indian custodian) who consents.
    pub person: PersonId,
    /// What the consent is to.
    pub to: ConsentTo,
    /// Whether the judge's certificate of explanation and understanding accompanies it.
    pub certified: bool,
}

impl IcwaConsent {
    /// A certified consent by `person` to `to`.
    pub fn new(person: PersonId, to: ConsentTo) -> IcwaConsent {
        IcwaConsent {
            person,
            to,
            certified: true,
        }
    }

    /// The same consent without the judge's certificate.
    #[must_use]
    pub fn uncertified(mut self) -> IcwaConsent {
        self.certified = false;
        self
    }
}

/// A parent's (or Indian custodian's) withdrawal of a consent (25 U.S.C. 1913(b), (c)).
///
/// On the wire: `{"person": "P-MOTHER", "to": "foster_care"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct ConsentWithdrawal {
    /// The person who withdraws the consent.
    pub person: PersonId,
    /// The consent withdrawn.
    pub to: ConsentTo,
}

impl ConsentWithdrawal {
    /// `person` withdraws the consent to `to`.
    pub fn new(person: PersonId, to: ConsentTo) -> ConsentWithdrawal {
        ConsentWithdrawal { person, to }
    }
}

/// Who received the notice of an involuntary ICWA proceeding (25 U.S.C. 1912(a); 25 CFR
/// 23.111): by registered or certified mail, return receipt requested, dated the day of receipt.
///
/// On the wire: `{"person": "P-MOTHER"}`, `{"tribe": "Navajo Nation"}`, `"secretary"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum NoticeRecipient {
    /// A parent or the Indian custodian.
    Person(PersonId),
    /// The child's tribe (each tribe of which the child may be a member or eligible).
    Tribe(crate::child::Tribe),
    /// The Secretary of the Interior (the Bureau of Indian Affairs), when the identity or location
    /// of the parent, Indian custodian or tribe cannot be determined: the Secretary has 15 days
    /// to pass the notice on.
    Secretary,
}

/// The days between the receipt of notice and the earliest hearing: at least 10 (§1912(a)).
pub const NOTICE_DAYS: u32 = 10;
/// The days the Secretary has to pass a notice on to the parent, custodian and tribe (§1912(a)).
pub const SECRETARY_DAYS: u32 = 15;
/// The most additional days the parent, custodian or tribe may ask to prepare (§1912(a)).
pub const ADDITIONAL_DAYS: u32 = 20;
