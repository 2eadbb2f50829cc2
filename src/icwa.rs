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
    /// Whether a withdrawal is possible only before the final decree (§1913(c)): of the
    /// termination of the parent's rights, or of adoption.
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

/// A parent's (or Indian custodian's) withdrawal of a consent (25 U.S.C. 1913(b), (c)). A
/// consent to a termination or an adoption withdrawn before the final decree undoes the
/// parent's relinquishment: the rights are intact again (the case keeps no earlier dates of it).
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

/// The kind of home a placement of an Indian child is in, as the placement preferences name them
/// (25 U.S.C. 1915(a), (b); 25 CFR 23.130, 23.131).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum IcwaHome {
    /// A member of the child's extended family, as the tribe's law or custom defines it, or else
    /// an adult grandparent, aunt or uncle, brother or sister, brother- or sister-in-law, niece or
    /// nephew, first or second cousin, or stepparent (§1903(2)).
    ExtendedFamily,
    /// A foster home licensed, approved or specified by the child's tribe.
    TribalFosterHome,
    /// An Indian foster home licensed or approved by a non-Indian licensing authority.
    IndianFosterHome,
    /// An institution for children approved by a tribe or operated by an Indian organization.
    TribalInstitution,
    /// Other members of the child's tribe (an adoptive placement).
    TribeMember,
    /// Other Indian families (an adoptive placement).
    OtherIndianFamily,
    /// None of these: a non-Indian home that is not the child's extended family.
    Other,
}

crate::codes::code_names! {
    IcwaHome, "ICWA home":
        ExtendedFamily = "extended_family",
        TribalFosterHome = "tribal_foster_home",
        IndianFosterHome = "indian_foster_home",
        TribalInstitution = "tribal_institution",
        TribeMember = "tribe_member",
        OtherIndianFamily = "other_indian_family",
        Other = "other",
}

/// Which preferences a placement is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum PreferenceKind {
    /// A foster-care or pre-adoptive placement (§1915(b)).
    FosterOrPreadoptive,
    /// An adoptive placement (§1915(a)).
    Adoptive,
}

/// The order of preference of the homes for an Indian child: the Act's (§1915(a), (b)), or the
/// tribe's own order set by resolution (§1915(c)). The first is the most preferred; a home not
/// listed is a departure, which needs good cause found on the record (25 CFR 23.132).
///
/// ```
/// use permanency::icwa::{IcwaHome as H, PreferenceKind as P, Preferences};
///
/// let federal = Preferences::federal();
/// assert_eq!(federal.rank(P::FosterOrPreadoptive, H::ExtendedFamily), Some(1));
/// assert_eq!(federal.rank(P::FosterOrPreadoptive, H::TribalFosterHome), Some(2));
/// assert_eq!(federal.rank(P::Adoptive, H::TribalFosterHome), None);
/// assert_eq!(federal.rank(P::FosterOrPreadoptive, H::Other), None);
/// // A tribe that prefers its own licensed homes to the extended family.
/// let tribe = Preferences::tribal(vec![H::TribalFosterHome, H::ExtendedFamily], vec![H::TribeMember]);
/// assert_eq!(tribe.rank(P::FosterOrPreadoptive, H::ExtendedFamily), Some(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Preferences {
    /// For a foster-care or pre-adoptive placement, most preferred first.
    foster: Vec<IcwaHome>,
    /// For an adoptive placement, most preferred first.
    adoptive: Vec<IcwaHome>,
}

impl Preferences {
    /// The Act's order: for foster care, the extended family, a tribal foster home, an Indian
    /// foster home, a tribal institution (§1915(b)); for adoption, the extended family, other
    /// members of the tribe, other Indian families (§1915(a)).
    pub fn federal() -> Preferences {
        Preferences {
            foster: vec![
                IcwaHome::ExtendedFamily,
                IcwaHome::TribalFosterHome,
                IcwaHome::IndianFosterHome,
                IcwaHome::TribalInstitution,
            ],
            adoptive: vec![
                IcwaHome::ExtendedFamily,
                IcwaHome::TribeMember,
                IcwaHome::OtherIndianFamily,
            ],
        }
    }

    /// A tribe's own order, set by resolution (§1915(c)). `Other` in a list is ignored: a home
    /// outside every preference is never one.
    pub fn tribal(foster: Vec<IcwaHome>, adoptive: Vec<IcwaHome>) -> Preferences {
        let keep = |v: Vec<IcwaHome>| v.into_iter().filter(|h| *h != IcwaHome::Other).collect();
        Preferences {
            foster: keep(foster),
            adoptive: keep(adoptive),
        }
    }

    /// The order for `kind`, most preferred first.
    pub fn order(&self, kind: PreferenceKind) -> &[IcwaHome] {
        match kind {
            PreferenceKind::FosterOrPreadoptive => &self.foster,
            PreferenceKind::Adoptive => &self.adoptive,
        }
    }

    /// Where `home` stands for a placement of `kind`: 1 for the most preferred, `None` for a home
    /// outside every preference (a departure, which needs good cause).
    pub fn rank(&self, kind: PreferenceKind, home: IcwaHome) -> Option<usize> {
        self.order(kind)
            .iter()
            .position(|h| *h == home)
            .map(|i| i + 1)
    }
}

impl Default for Preferences {
    fn default() -> Preferences {
        Preferences::federal()
    }
}
