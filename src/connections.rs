//! Family connections (SSA §471(a)(29), (31)): the child's siblings and whether they are placed
//! together, as of a date.
//!
//! A child's siblings are recorded in the child's case by id
//! ([`EventData::SiblingRecorded`](crate::EventData::SiblingRecorded)): in care or not, and who
//! holds custody of one who is not. Whether the child is placed with a sibling in care is
//! recorded too ([`EventData::SiblingsPlacedTogether`](crate::EventData::SiblingsPlacedTogether),
//! [`EventData::SiblingsSeparated`](crate::EventData::SiblingsSeparated)), and a separation may
//! give its documented reason: joint placement would be contrary to the safety or well-being of a
//! sibling (§471(a)(31)(A)). A separation without it is accepted — the duty is one of reasonable
//! efforts — and reported by the clocks (`sibling_separation`).
//!
//! [`Case::placed_with_siblings_on`](crate::Case::placed_with_siblings_on) reads the child's
//! own records; [`placed_with_siblings`] joins the siblings' cases by child id and compares the
//! caregiver families of the placements on a date.

use chrono::NaiveDate;

use crate::case::Case;
use crate::id::{ChildId, FamilyId};

/// A sibling of the child, as recorded in the child's case.
///
/// On the wire: `{"child": "C-2", "in_care": true}`, or `{"child": "C-3", "in_care": false,
/// "custodian": "F-REL"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Sibling {
    /// The sibling's own child id (the id of the sibling's case, when in care).
    pub child: ChildId,
    /// Whether the sibling is in foster care.
    pub in_care: bool,
    /// The family holding legal custody of a sibling not in care, when recorded (a parent of the
    /// sibling with custody is owed the relative notice, §471(a)(29)).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub custodian: Option<FamilyId>,
}

impl Sibling {
    /// A sibling in foster care.
    pub fn in_care(child: ChildId) -> Sibling {
        Sibling {
            child,
            in_care: true,
            custodian: None,
        }
    }

    /// A sibling not in care, in the custody of `custodian` when known.
    pub fn at_home(child: ChildId, custodian: Option<FamilyId>) -> Sibling {
        Sibling {
            child,
            in_care: false,
            custodian,
        }
    }
}

/// Why siblings are placed apart, documented (SSA §471(a)(31)(A)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum SeparationReason {
    /// A joint placement would be contrary to the safety or well-being of any of the siblings.
    ContraryToSafetyOrWellBeing,
}

crate::codes::code_names! {
    SeparationReason, "separation reason":
        ContraryToSafetyOrWellBeing = "contrary_to_safety_or_well_being",
}

/// A sibling as of a date: the latest record, and the latest arrangement recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SiblingOn {
    /// The sibling, in its latest record on the date.
    pub sibling: Sibling,
    /// Placed together (`Some(true)`), apart (`Some(false)`), or not recorded.
    pub together: Option<bool>,
    /// The documented reason of a separation, when recorded.
    pub reason: Option<SeparationReason>,
}

/// Whether the child is placed with the siblings in care, as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum SiblingsPlaced {
    /// With every sibling in care.
    All,
    /// With some of them.
    Some,
    /// With none of them.
    None,
    /// The child has no sibling in care (or is not in a placement).
    NoSiblingsInCare,
}

/// From the count of siblings in care and of those placed with the child.
pub(crate) fn placed(in_care: usize, together: usize) -> SiblingsPlaced {
    match (in_care, together) {
        (0, _) => SiblingsPlaced::NoSiblingsInCare,
        (n, t) if t >= n => SiblingsPlaced::All,
        (_, 0) => SiblingsPlaced::None,
        _ => SiblingsPlaced::Some,
    }
}

/// The caregiver family of the placement `case` holds on `date`, if any.
fn caregiver_on(case: &Case, date: NaiveDate) -> Option<&FamilyId> {
    case.placements()
        .iter()
        .rev()
        .find(|p| p.start() <= date && p.end().is_none_or(|e| e.date > date))
        .and_then(|p| p.caregiver())
}

/// Whether the child of `case` is placed with its siblings in care on `date`, joining their
/// cases: the siblings `case` records as in care on `date` are looked up in `siblings` by child
/// id, and one is placed with the child when both cases hold a placement with the same caregiver
/// family that day. A sibling whose case is not given counts as not placed with the child.
///
/// ```
/// # use permanency::connections::{placed_with_siblings, SiblingsPlaced};
/// # fn f(case: &permanency::Case, sister: &permanency::Case, d: chrono::NaiveDate) {
/// let answer: SiblingsPlaced = placed_with_siblings(case, &[sister], d);
/// # }
/// ```
pub fn placed_with_siblings(case: &Case, siblings: &[&Case], date: NaiveDate) -> SiblingsPlaced {
    let Some(home) = caregiver_on(case, date) else {
        return SiblingsPlaced::NoSiblingsInCare;
    };
    let in_care: Vec<ChildId> = case
        .siblings_on(date)
        .into_iter()
        .filter(|s| s.sibling.in_care)
        .map(|s| s.sibling.child)
        .collect();
    let together = in_care
        .iter()
        .filter(|id| {
            siblings
                .iter()
                .find(|c| c.child().id() == *id)
                .and_then(|c| caregiver_on(c, date))
                == Some(home)
        })
        .count();
    placed(in_care.len(), together)
}

/// Who a relative identified after a removal is (SSA §471(a)(29)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum RelativeKind {
    /// An adult grandparent.
    Grandparent,
    /// A parent of a sibling of the child, with legal custody of that sibling.
    ParentOfSibling,
    /// Another adult relative.
    OtherAdultRelative,
    /// An adult relative suggested by the parents.
    SuggestedByParent,
}

crate::codes::code_names! {
    RelativeKind, "relative":
        Grandparent = "grandparent",
        ParentOfSibling = "parent_of_sibling",
        OtherAdultRelative = "other_adult_relative",
        SuggestedByParent = "suggested_by_parent",
}

/// A relative identified after a removal, to be notified within 30 days (SSA §471(a)(29)).
///
/// On the wire: `{"person": "P-GRANDMA", "kind": "grandparent"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Relative {
    /// The relative.
    pub person: crate::PersonId,
    /// Who they are.
    pub kind: RelativeKind,
}

impl Relative {
    /// `person`, a relative of `kind`.
    pub fn new(person: crate::PersonId, kind: RelativeKind) -> Relative {
        Relative { person, kind }
    }
}

/// Whom a family-time contact is with.
///
/// On the wire: `{"person": "P-MOTHER"}` (a parent or a relative), `{"sibling": "C-2"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum ContactWith {
    /// A parent or a relative.
    Person(crate::PersonId),
    /// A sibling, by child id.
    Sibling(ChildId),
}

/// How a contact took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum ContactKind {
    /// In person.
    InPerson,
    /// By video.
    Virtual,
    /// By telephone.
    Phone,
}

crate::codes::code_names! {
    ContactKind, "contact kind": InPerson = "in_person", Virtual = "virtual", Phone = "phone",
}

/// A family-time contact, planned or held.
///
/// On the wire: `{"with": {"person": "P-MOTHER"}, "kind": "in_person", "held": true}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Contact {
    /// Whom with.
    pub with: ContactWith,
    /// How.
    pub kind: ContactKind,
    /// Held (`true`) or only planned for the day.
    pub held: bool,
}

impl Contact {
    /// A contact held with `with`, in `kind`.
    pub fn held(with: ContactWith, kind: ContactKind) -> Contact {
        Contact {
            with,
            kind,
            held: true,
        }
    }

    /// A contact planned with `with`, in `kind`.
    pub fn planned(with: ContactWith, kind: ContactKind) -> Contact {
        Contact {
            with,
            kind,
            held: false,
        }
    }
}
