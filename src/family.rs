//! [`Person`], [`Member`], [`FosterLicense`] and [`Family`]: the households of a case.

use chrono::NaiveDate;

use crate::date;
use crate::error::{Error, Inconsistency};
use crate::id::{ChildId, FamilyId, PersonId};
use crate::sensitive::Sensitive;
use crate::text::Name;

/// Someone other than the child: a parent, a relative, a caregiver.
///
/// Always true: the id is valid; the name and the optional date of birth are [`Sensitive`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PersonRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Person {
    id: PersonId,
    name: Sensitive<Name>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    date_of_birth: Option<Sensitive<NaiveDate>>,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
struct PersonRecord {
    id: PersonId,
    name: Name,
    #[serde(default)]
    date_of_birth: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
impl TryFrom<PersonRecord> for Person {
    type Error = Error;
    fn try_from(r: PersonRecord) -> Result<Self, Error> {
        let p = Person::new(r.id, r.name);
        match r.date_of_birth {
            Some(d) => p.with_date_of_birth(d),
            None => Ok(p),
        }
    }
}

impl Person {
    /// A person whose date of birth is not recorded.
    pub fn new(id: PersonId, name: Name) -> Person {
        Person {
            id,
            name: Sensitive::new(name),
            date_of_birth: None,
        }
    }

    /// The same person with a date of birth.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] outside 1900–2199.
    pub fn with_date_of_birth(mut self, date_of_birth: NaiveDate) -> Result<Person, Error> {
        date::check_range("date of birth", date_of_birth)?;
        self.date_of_birth = Some(Sensitive::new(date_of_birth));
        Ok(self)
    }

    /// The person's id.
    pub fn id(&self) -> &PersonId {
        &self.id
    }

    /// The person's name.
    pub fn name(&self) -> &Sensitive<Name> {
        &self.name
    }

    /// The date of birth, when recorded.
    pub fn date_of_birth(&self) -> Option<Sensitive<NaiveDate>> {
        self.date_of_birth
    }
}

/// How a family member is related to the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Relationship {
    /// Birth mother.
    Mother,
    /// Legal or biological father.
    Father,
    /// Adoptive parent.
    AdoptiveParent,
    /// Alleged (putative) father whose paternity is not established: not a legal parent, but a
    /// court may terminate his rights (AFCARS 1993 TPRDADDT: "legal or putative father").
    PutativeFather,
    /// Legal guardian (a "parent" for SSA §475(2)).
    LegalGuardian,
    /// Grandparent.
    Grandparent,
    /// Sibling sharing both parents.
    FullSibling,
    /// Sibling sharing one parent.
    HalfSibling,
    /// Step-sibling.
    StepSibling,
    /// Aunt or uncle.
    AuntOrUncle,
    /// Any other relative by blood, marriage or adoption.
    OtherRelative,
    /// Someone the family treats as kin without a legal or blood tie.
    FictiveKin,
    /// No family tie.
    NonRelative,
    /// The Indian custodian: an Indian person who has legal custody of an Indian child under
    /// tribal law or custom or State law, or to whom the parent transferred temporary physical
    /// care, custody and control (25 U.S.C. 1903(6)). A party like a parent: notice of an
    /// involuntary proceeding (§1912(a)), and a voluntary consent and its withdrawal (§1913).
    IndianCustodian,
}

crate::codes::code_names! {
    Relationship, "relationship":
        Mother = "mother",
        Father = "father",
        AdoptiveParent = "adoptive_parent",
        PutativeFather = "putative_father",
        LegalGuardian = "legal_guardian",
        Grandparent = "grandparent",
        FullSibling = "full_sibling",
        HalfSibling = "half_sibling",
        StepSibling = "step_sibling",
        AuntOrUncle = "aunt_or_uncle",
        OtherRelative = "other_relative",
        FictiveKin = "fictive_kin",
        IndianCustodian = "indian_custodian",
        NonRelative = "non_relative",
}

impl Relationship {
    /// Whether someone so related can be a legal parent: "biological or adoptive parents or legal
    /// guardians" (SSA §475(2)). A putative father cannot until paternity is established.
    pub fn can_be_legal_parent(self) -> bool {
        matches!(
            self,
            Relationship::Mother
                | Relationship::Father
                | Relationship::AdoptiveParent
                | Relationship::LegalGuardian
        )
    }

    /// Whether this is a relative other than a parent: someone who can keep a relative foster
    /// home, take guardianship as a relative, or be an adult relative to notify (SSA §471(a)(29)).
    pub fn is_relative(self) -> bool {
        matches!(
            self,
            Relationship::Grandparent
                | Relationship::FullSibling
                | Relationship::HalfSibling
                | Relationship::StepSibling
                | Relationship::AuntOrUncle
                | Relationship::OtherRelative
        )
    }

    /// Whether this is a relative or fictive kin.
    pub fn is_kin(self) -> bool {
        self.is_relative() || self == Relationship::FictiveKin
    }
}

/// A member of a family: a person, their relationship to the child, and their roles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Member {
    person: Person,
    relationship: Relationship,
    #[cfg_attr(feature = "serde", serde(default))]
    legal_parent: bool,
    #[cfg_attr(feature = "serde", serde(default))]
    caregiver: bool,
}

impl Member {
    /// A member with neither role; add roles with [`legal_parent`](Member::legal_parent) and
    /// [`caregiver`](Member::caregiver).
    pub fn new(person: Person, relationship: Relationship) -> Member {
        Member {
            person,
            relationship,
            legal_parent: false,
            caregiver: false,
        }
    }

    /// The same member as a legal parent of the child (checked when the family is built).
    #[must_use]
    pub fn legal_parent(mut self) -> Member {
        self.legal_parent = true;
        self
    }

    /// The same member as a caregiver of the child in this household.
    #[must_use]
    pub fn caregiver(mut self) -> Member {
        self.caregiver = true;
        self
    }

    /// The person.
    pub fn person(&self) -> &Person {
        &self.person
    }

    /// The relationship to the child.
    pub fn relationship(&self) -> Relationship {
        self.relationship
    }

    /// Whether this member is a legal parent of the child, whose rights a TPR would end.
    pub fn is_legal_parent(&self) -> bool {
        self.legal_parent
    }

    /// Whether this member cares for the child in this household.
    pub fn is_caregiver(&self) -> bool {
        self.caregiver
    }
}

/// What kind of household a family is, for the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum FamilyKind {
    /// The family the child was born into or removed from; the legal parents' household. Until
    /// an adoption is finalized its legal-parent members are the parents whose rights an
    /// adoption needs ended — with any mother or father marked a legal parent in another
    /// household (a parent living with a relative). After an adoption the legal parents are the legal-parent members of
    /// the family that adopted, whatever its kind: record its adoptive parents as legal parents
    /// ([`Member::legal_parent`]); birth families no longer name any.
    Birth,
    /// A relative's household (relative foster home, or living with a relative).
    Relative,
    /// A fictive-kin household.
    Kin,
    /// A non-relative foster family: licensed or approved, or not (yet) — a child placed in an
    /// unlicensed home is in foster care all the same (45 CFR 1355.20), and the clocks report the
    /// unlicensed days (`unlicensed_placement`).
    NonRelativeFoster,
    /// A family approved to adopt the child, caring for the child before finalization.
    PreAdoptive,
    /// An adoptive family.
    Adoptive,
    /// A legal guardian's household.
    Guardian,
}

crate::codes::code_names! {
    FamilyKind, "family kind":
        Birth = "birth",
        Relative = "relative",
        Kin = "kin",
        NonRelativeFoster = "non_relative_foster",
        PreAdoptive = "pre_adoptive",
        Adoptive = "adoptive",
        Guardian = "guardian",
}

impl FamilyKind {
    /// Whether a family of this kind may hold a foster-home license. Only the birth family may not.
    pub fn may_foster(self) -> bool {
        self != FamilyKind::Birth
    }
}

/// The status of a foster-home license or approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum LicenseStatus {
    /// Fully licensed.
    Licensed,
    /// Approved (the term many states use for relative homes).
    Approved,
    /// Provisionally licensed, pending full licensure.
    Provisional,
    /// Application pending: not yet in force.
    Pending,
    /// Suspended: not in force.
    Suspended,
    /// Revoked or surrendered: not in force.
    Revoked,
}

crate::codes::code_names! {
    LicenseStatus, "license status":
        Licensed = "licensed",
        Approved = "approved",
        Provisional = "provisional",
        Pending = "pending",
        Suspended = "suspended",
        Revoked = "revoked",
}

impl LicenseStatus {
    /// Whether the home may receive placements under this status.
    pub fn in_force(self) -> bool {
        matches!(
            self,
            LicenseStatus::Licensed | LicenseStatus::Approved | LicenseStatus::Provisional
        )
    }
}

/// The 0.1 name of [`FosterLicense`].
#[deprecated(since = "0.2.0", note = "US spelling: use `FosterLicense`")]
pub type FosterLicence = FosterLicense;

/// The 0.1 name of [`LicenseStatus`].
#[deprecated(since = "0.2.0", note = "US spelling: use `LicenseStatus`")]
pub type LicenceStatus = LicenseStatus;

/// A foster-home license: its status and the days it covers.
///
/// Always true: `expires`, when given, is on or after `since`. `since` is the first day this
/// license covers. A renewal may keep the first license's `since` or carry its own dates in a
/// later `family_recorded` (even one keyed before it begins): the kinship-guardianship clock reads
/// the licenses of every record of the family, one after another, and takes licenses that touch
/// (one ends on a day, the next is in force the day after) as one stretch (SSA
/// §473(d)(3)(A)(i)(II)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "LicenseRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct FosterLicense {
    status: LicenseStatus,
    since: NaiveDate,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    expires: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
struct LicenseRecord {
    status: LicenseStatus,
    since: NaiveDate,
    #[serde(default)]
    expires: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
impl TryFrom<LicenseRecord> for FosterLicense {
    type Error = Error;
    fn try_from(r: LicenseRecord) -> Result<Self, Error> {
        FosterLicense::new(r.status, r.since, r.expires)
    }
}

impl FosterLicense {
    /// A license in `status` from `since`, to `expires` (the last day it covers) when it has an
    /// end.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] for a date outside 1900–2199; [`Error::DateOrder`] if it
    /// expires before it starts.
    pub fn new(
        status: LicenseStatus,
        since: NaiveDate,
        expires: Option<NaiveDate>,
    ) -> Result<FosterLicense, Error> {
        date::check_range("license start", since)?;
        if let Some(e) = expires {
            date::check_range("license expiry", e)?;
            if e < since {
                return Err(Error::DateOrder {
                    field: "license expiry",
                    earliest: since,
                    found: e,
                });
            }
        }
        Ok(FosterLicense {
            status,
            since,
            expires,
        })
    }

    /// The status.
    pub fn status(&self) -> LicenseStatus {
        self.status
    }

    /// The first day covered.
    pub fn since(&self) -> NaiveDate {
        self.since
    }

    /// The last day covered, when the license has an end.
    pub fn expires(&self) -> Option<NaiveDate> {
        self.expires
    }

    /// Whether the license is in force on `on`: a status in force and `since <= on <= expires`.
    pub fn in_force_on(&self, on: NaiveDate) -> bool {
        self.status.in_force() && self.since <= on && self.expires.is_none_or(|e| on <= e)
    }
}

/// A household in the child's case: its kind, its members and their roles, a foster-home license
/// where it fosters, and the child's siblings who are themselves in care.
///
/// Always true of a `Family`: at least one member; no person twice; only a mother, father,
/// adoptive parent or legal guardian is a legal parent; only a fostering kind holds a license (a
/// foster family may have none: the clocks report its unlicensed days); every kind but the
/// birth family has a caregiver; a
/// relative family's caregivers include a relative and a kin family's a relative or fictive kin;
/// no sibling is listed twice.
///
/// # Examples
///
/// ```
/// use permanency::{Family, FamilyId, FamilyKind, Member, Name, Person, PersonId, Relationship};
///
/// let mother = Person::new(PersonId::new("P-1")?, Name::new("Dana")?);
/// let family = Family::builder(FamilyId::new("F-1")?, FamilyKind::Birth)
///     .member(Member::new(mother, Relationship::Mother).legal_parent())
///     .build()?;
/// assert_eq!(family.legal_parents().count(), 1);
///
/// // A foster family cares for the child: it needs a caregiver.
/// let neighbour = Person::new(PersonId::new("P-2")?, Name::new("Lee")?);
/// let err = Family::builder(FamilyId::new("F-2")?, FamilyKind::NonRelativeFoster)
///     .member(Member::new(neighbour, Relationship::NonRelative))
///     .build()
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "family F-2: expected at least one caregiver in a non_relative_foster family, found none"
/// );
/// # Ok::<(), permanency::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "FamilyRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Family {
    id: FamilyId,
    kind: FamilyKind,
    members: Vec<Member>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    license: Option<FosterLicense>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    siblings_in_care: Vec<ChildId>,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(transform = crate::schema::licence_alias))]
struct FamilyRecord {
    id: FamilyId,
    kind: FamilyKind,
    members: Vec<Member>,
    /// `licence`, the 0.1 (British) spelling, still loads.
    #[serde(default, alias = "licence")]
    license: Option<FosterLicense>,
    #[serde(default)]
    siblings_in_care: Vec<ChildId>,
}

#[cfg(feature = "serde")]
impl TryFrom<FamilyRecord> for Family {
    type Error = Error;
    fn try_from(r: FamilyRecord) -> Result<Self, Error> {
        FamilyBuilder {
            id: r.id,
            kind: r.kind,
            members: r.members,
            license: r.license,
            siblings_in_care: r.siblings_in_care,
        }
        .build()
    }
}

/// Builds a [`Family`]; [`build`](FamilyBuilder::build) checks every invariant.
#[derive(Debug, Clone)]
#[must_use]
pub struct FamilyBuilder {
    id: FamilyId,
    kind: FamilyKind,
    members: Vec<Member>,
    license: Option<FosterLicense>,
    siblings_in_care: Vec<ChildId>,
}

impl FamilyBuilder {
    /// Adds a member.
    pub fn member(mut self, member: Member) -> Self {
        self.members.push(member);
        self
    }

    /// Sets the foster-home license.
    pub fn license(mut self, license: FosterLicense) -> Self {
        self.license = Some(license);
        self
    }

    /// Adds a sibling of the child who is in care too.
    pub fn sibling_in_care(mut self, sibling: ChildId) -> Self {
        self.siblings_in_care.push(sibling);
        self
    }

    /// Checks every invariant of [`Family`] and builds it.
    ///
    /// # Errors
    ///
    /// [`Error::Duplicate`] for a person listed twice; [`Error::Inconsistent`] for a family with
    /// no member, a legal parent who cannot be one, a license on a birth family, a non-relative
    /// foster family without a license, a caregiving family without a (fitting) caregiver, or a
    /// sibling listed twice.
    pub fn build(self) -> Result<Family, Error> {
        let family = || self.id.as_str().to_owned();
        let bad = |i: Inconsistency| Err(Error::Inconsistent(i));
        if self.members.is_empty() {
            return bad(Inconsistency::EmptyFamily { family: family() });
        }
        let mut seen = std::collections::HashSet::with_capacity(self.members.len());
        for m in &self.members {
            if !seen.insert(&m.person.id) {
                return Err(Error::Duplicate {
                    what: "family member",
                    id: m.person.id.as_str().to_owned(),
                });
            }
            if m.legal_parent && !m.relationship.can_be_legal_parent() {
                return bad(Inconsistency::LegalParentRelationship {
                    family: family(),
                    person: m.person.id.as_str().to_owned(),
                    relationship: m.relationship.as_str(),
                });
            }
        }
        if self.license.is_some() && !self.kind.may_foster() {
            return bad(Inconsistency::LicenseOnNonFosteringFamily {
                family: family(),
                kind: self.kind.as_str(),
            });
        }
        let mut caregivers = self.members.iter().filter(|m| m.caregiver).peekable();
        if self.kind != FamilyKind::Birth && caregivers.peek().is_none() {
            return bad(Inconsistency::NoCaregiver {
                family: family(),
                kind: self.kind.as_str(),
            });
        }
        type Fits = fn(Relationship) -> bool;
        let required: Option<(Fits, &'static str)> = match self.kind {
            FamilyKind::Relative => Some((Relationship::is_relative, "a relative")),
            FamilyKind::Kin => Some((Relationship::is_kin, "a relative or fictive kin")),
            _ => None,
        };
        if let Some((fits, expected)) = required
            && !caregivers.any(|m| fits(m.relationship))
        {
            return bad(Inconsistency::CaregiverRelationship {
                family: family(),
                expected,
            });
        }
        let mut seen = std::collections::HashSet::with_capacity(self.siblings_in_care.len());
        for s in &self.siblings_in_care {
            if !seen.insert(s) {
                return bad(Inconsistency::DuplicateSibling {
                    family: family(),
                    sibling: s.as_str().to_owned(),
                });
            }
        }
        // A family is held for the life of its case: keep no spare capacity.
        let mut members = self.members;
        members.shrink_to_fit();
        let mut siblings_in_care = self.siblings_in_care;
        siblings_in_care.shrink_to_fit();
        Ok(Family {
            id: self.id,
            kind: self.kind,
            members,
            license: self.license,
            siblings_in_care,
        })
    }
}

impl Family {
    /// Starts building a family of `kind`.
    pub fn builder(id: FamilyId, kind: FamilyKind) -> FamilyBuilder {
        FamilyBuilder {
            id,
            kind,
            members: Vec::new(),
            license: None,
            siblings_in_care: Vec::new(),
        }
    }

    /// The family's id.
    pub fn id(&self) -> &FamilyId {
        &self.id
    }

    /// Its kind.
    pub fn kind(&self) -> FamilyKind {
        self.kind
    }

    /// Its members.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// The member who is `person`, if any.
    pub fn member(&self, person: &PersonId) -> Option<&Member> {
        self.members.iter().find(|m| &m.person.id == person)
    }

    /// The members who are legal parents of the child.
    pub fn legal_parents(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| m.legal_parent)
    }

    /// The members who are the child's parents before any adoption (SSA §475(2): "biological or
    /// adoptive parents or legal guardians"): every legal-parent member of a birth family, and a
    /// mother or father marked a legal parent in any other household (a parent living with a
    /// relative). An adoptive parent or a guardian of another household is a legal parent only
    /// once that household adopts.
    pub(crate) fn parents_before_adoption(&self) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(|m| self.is_parent_before_adoption(m))
    }

    /// Whether `m`, a member of this family, is one of
    /// [`parents_before_adoption`](Family::parents_before_adoption).
    pub(crate) fn is_parent_before_adoption(&self, m: &Member) -> bool {
        m.legal_parent
            && (self.kind == FamilyKind::Birth
                || matches!(m.relationship, Relationship::Mother | Relationship::Father))
    }

    /// The members who care for the child here.
    pub fn caregivers(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| m.caregiver)
    }

    /// Whether a caregiver here is a relative of the child (for relative placements, the
    /// relative-care exception and kinship guardianship).
    pub fn cared_for_by_relative(&self) -> bool {
        self.caregivers().any(|m| m.relationship.is_relative())
    }

    /// The foster-home license, where the family fosters.
    pub fn license(&self) -> Option<&FosterLicense> {
        self.license.as_ref()
    }

    /// The child's siblings who are in care too.
    pub fn siblings_in_care(&self) -> &[ChildId] {
        &self.siblings_in_care
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn person(id: &str) -> Person {
        Person::new(
            PersonId::new(id).unwrap(),
            Name::new("Secret Person").unwrap(),
        )
    }
    fn fid(id: &str) -> FamilyId {
        FamilyId::new(id).unwrap()
    }

    #[test]
    fn refuses_each_impossible_family() {
        let e = Family::builder(fid("F"), FamilyKind::Birth)
            .build()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "family F: expected at least one member, found none"
        );

        let e = Family::builder(fid("F"), FamilyKind::Birth)
            .member(Member::new(person("P1"), Relationship::Mother))
            .member(Member::new(person("P1"), Relationship::Father))
            .build()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "duplicate family member: P1 appears more than once"
        );

        let e = Family::builder(fid("F"), FamilyKind::Birth)
            .member(Member::new(person("P1"), Relationship::PutativeFather).legal_parent())
            .build()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "family F: member P1 is marked a legal parent, expected a mother, father, adoptive parent or legal guardian, found putative_father"
        );

        let lic = FosterLicense::new(LicenseStatus::Licensed, d(2020, 1, 1), None).unwrap();
        let e = Family::builder(fid("F"), FamilyKind::Birth)
            .member(Member::new(person("P1"), Relationship::Mother))
            .license(lic)
            .build()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "family F: a birth family does not foster, found a foster-home license"
        );

        let e = Family::builder(fid("F"), FamilyKind::PreAdoptive)
            .member(Member::new(person("P1"), Relationship::NonRelative))
            .build()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "family F: expected at least one caregiver in a pre_adoptive family, found none"
        );

        let e = Family::builder(fid("F"), FamilyKind::Relative)
            .member(Member::new(person("P1"), Relationship::FictiveKin).caregiver())
            .build()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "family F: expected a caregiver who is a relative, found none"
        );

        let sib = ChildId::new("C-2").unwrap();
        let e = Family::builder(fid("F"), FamilyKind::Birth)
            .member(Member::new(person("P1"), Relationship::Mother))
            .sibling_in_care(sib.clone())
            .sibling_in_care(sib)
            .build()
            .unwrap_err();
        assert_eq!(e.to_string(), "family F: sibling C-2 is listed twice");
    }

    #[test]
    fn accepts_the_nearest_valid_families() {
        let kin = Family::builder(fid("F"), FamilyKind::Kin)
            .member(Member::new(person("P1"), Relationship::FictiveKin).caregiver())
            .build()
            .unwrap();
        assert!(!kin.cared_for_by_relative());
        let lic = FosterLicense::new(LicenseStatus::Approved, d(2020, 1, 1), Some(d(2021, 1, 1)))
            .unwrap();
        let rel = Family::builder(fid("G"), FamilyKind::Relative)
            .member(Member::new(person("P1"), Relationship::Grandparent).caregiver())
            .license(lic)
            .build()
            .unwrap();
        assert!(rel.cared_for_by_relative());
        assert!(rel.license().unwrap().in_force_on(d(2021, 1, 1)));
        assert!(!rel.license().unwrap().in_force_on(d(2021, 1, 2)));
        assert!(!rel.license().unwrap().in_force_on(d(2019, 12, 31)));
        let dbg = format!("{rel:?}");
        assert!(!dbg.contains("Secret"), "{dbg}");
    }

    #[test]
    fn license_dates_are_ordered() {
        let e = FosterLicense::new(LicenseStatus::Licensed, d(2020, 5, 1), Some(d(2020, 4, 30)))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid license expiry: expected on or after 2020-05-01, found 2020-04-30"
        );
        let suspended = FosterLicense::new(LicenseStatus::Suspended, d(2020, 5, 1), None).unwrap();
        assert!(!suspended.in_force_on(d(2020, 6, 1)));
    }
}
