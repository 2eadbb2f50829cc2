//! [`Event`]: one dated fact of a case, and [`EventKind`], what the transition table matches.

use core::fmt;

use chrono::NaiveDate;

use crate::child::Child;
use crate::date;
use crate::error::Error;
use crate::family::Family;
use crate::id::{ChildId, EntryId, FamilyId, PersonId, PlacementId};
use crate::placement::{NewPlacement, Setting};
use crate::plan::{ApplaReview, Goals};
use crate::text::Note;

use super::stage::ExitReason;

/// One dated fact of a case: a worker action, a court finding, a hearing, a notice.
///
/// Always true: the date lies in 1900–2199. Whether the event may happen is the case's business:
/// see [`Case::apply`](crate::Case::apply).
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use permanency::{Event, EventData, EventKind, Finding};
///
/// let e = Event::new(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(), EventData::CourtFinding(Finding::ContraryToWelfare))?;
/// assert_eq!(e.kind(), EventKind::CourtFinding);
/// # Ok::<(), permanency::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "EventRecord", into = "EventRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Event {
    date: NaiveDate,
    what: EventData,
    /// The entry's own facts, when it has any: its id, the day it was keyed, an order's issue
    /// date. Boxed: most events have none.
    meta: Option<Box<Meta>>,
}

/// What an entry says about itself rather than about the case: the id the agency's system
/// gave it, the day it was recorded, and for a court order the day it was issued.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Meta {
    entry: Option<EntryId>,
    recorded: Option<NaiveDate>,
    issued: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
struct EventRecord {
    date: NaiveDate,
    what: EventData,
    /// The entry's id in the agency's system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entry: Option<EntryId>,
    /// The day the entry was recorded, when it differs from the day it took effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recorded: Option<NaiveDate>,
    /// For a court order: the day it was issued, when it differs from its effective date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issued: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
impl TryFrom<EventRecord> for Event {
    type Error = Error;
    fn try_from(r: EventRecord) -> Result<Self, Error> {
        let mut e = Event::new(r.date, r.what)?;
        if let Some(id) = r.entry {
            e = e.with_entry_id(id);
        }
        if let Some(d) = r.recorded {
            e = e.recorded_on(d)?;
        }
        if let Some(d) = r.issued {
            e = e.issued_on(d)?;
        }
        Ok(e)
    }
}

#[cfg(feature = "serde")]
impl From<Event> for EventRecord {
    fn from(e: Event) -> EventRecord {
        let meta = e.meta.map(|m| *m).unwrap_or_default();
        EventRecord {
            date: e.date,
            what: e.what,
            entry: meta.entry,
            recorded: meta.recorded,
            issued: meta.issued,
        }
    }
}

impl Event {
    /// The event `what`, on `date`.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] when the date, or a date the event carries (the last day of a
    /// court's visit extension, a respite's return), lies outside 1900–2199;
    /// [`Error::DateOrder`] for a respite that returns on or before the day it begins, or a
    /// service or a youth's qualifying condition that ends before it begins;
    /// [`Inconsistency::NestedCorrection`](crate::Inconsistency::NestedCorrection) for an
    /// amendment whose replacement is itself a correction.
    pub fn new(date: NaiveDate, what: EventData) -> Result<Event, Error> {
        date::check_range("event date", date)?;
        // Every `Event` is made here: the replacement was checked when it was made, so an
        // amendment holds at most one level of event and no history nests deeper.
        if let EventData::Amended { with, .. } = &what
            && with.kind().is_correction()
        {
            return Err(Error::Inconsistent(
                crate::error::Inconsistency::NestedCorrection {
                    kind: with.kind().as_str(),
                },
            ));
        }
        if let EventData::CourtFinding(Finding::VisitExtended { until }) = &what {
            date::check_range("visit extension", *until)?;
        }
        if let EventData::ServiceProvided(s) = &what
            && let Some(last) = s.ends()
        {
            date::check_range("service end", last)?;
            if last < date {
                return Err(Error::DateOrder {
                    field: "service end",
                    earliest: date,
                    found: last,
                });
            }
        }
        if let EventData::ExtendedCareCondition(c) = &what
            && let Some(last) = c.ends()
        {
            date::check_range("condition end", last)?;
            if last < date {
                return Err(Error::DateOrder {
                    field: "condition end",
                    earliest: date,
                    found: last,
                });
            }
        }
        if let EventData::Respite(r) = &what {
            date::check_range("respite return", r.returns)?;
            let earliest = date::days_after(date, 1);
            if r.returns < earliest {
                return Err(Error::DateOrder {
                    field: "respite return",
                    earliest,
                    found: r.returns,
                });
            }
        }
        Ok(Event {
            date,
            what,
            meta: None,
        })
    }

    fn meta_mut(&mut self) -> &mut Meta {
        self.meta.get_or_insert_with(Box::default)
    }

    /// The same event, carrying the id the agency's system gave the entry: what a later
    /// correction names ([`EventData::Voided`], [`EventData::Amended`], [`EventData::Vacated`]).
    /// A case refuses a second entry with the same id.
    #[must_use]
    pub fn with_entry_id(mut self, id: EntryId) -> Event {
        self.meta_mut().entry = Some(id);
        self
    }

    /// The same event, recorded (keyed) on `date`: the audit trail keeps it beside the date the
    /// event took effect. A case is its dated history: the recorded date changes no rule or
    /// clock.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] outside 1900–2199.
    pub fn recorded_on(mut self, date: NaiveDate) -> Result<Event, Error> {
        date::check_range("recorded date", date)?;
        self.meta_mut().recorded = Some(date);
        Ok(self)
    }

    /// The same court order, issued on `date` (the event's own date is the day it takes effect).
    /// An order issued after its effective date — entered *nunc pro tunc* — does not meet the
    /// contrary-to-the-welfare or reasonable-efforts requirements (45 CFR 1356.21(d)): the clocks
    /// read such a finding as made on its issue date.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] outside 1900–2199.
    pub fn issued_on(mut self, date: NaiveDate) -> Result<Event, Error> {
        date::check_range("issue date", date)?;
        self.meta_mut().issued = Some(date);
        Ok(self)
    }

    /// The entry's id, if it has one.
    pub fn entry_id(&self) -> Option<&EntryId> {
        self.meta.as_ref()?.entry.as_ref()
    }

    /// The day the entry was recorded, if given.
    pub fn recorded(&self) -> Option<NaiveDate> {
        self.meta.as_ref()?.recorded
    }

    /// The day a court order was issued, if given.
    pub fn issued(&self) -> Option<NaiveDate> {
        self.meta.as_ref()?.issued
    }

    /// Whether the order was entered *nunc pro tunc*: issued after the date it takes effect.
    pub fn is_nunc_pro_tunc(&self) -> bool {
        self.issued().is_some_and(|i| i > self.date)
    }

    /// The date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// What happened.
    pub fn what(&self) -> &EventData {
        &self.what
    }

    /// What happened, for the fold's sharing of ids (never changes a value).
    pub(crate) fn what_mut(&mut self) -> &mut EventData {
        &mut self.what
    }

    /// The kind, for the transition table. Inlined: the load, the checks and the fold read it
    /// several times for every event.
    #[inline]
    pub fn kind(&self) -> EventKind {
        self.what.kind()
    }

    /// Where the event falls in a dated history, in the `segment` of its day: by date, then
    /// segment, then the rank of its kind within a day (see [`EventKind::day_rank`]).
    pub(crate) fn order_key(&self, segment: u32) -> (NaiveDate, u32, u8) {
        let rank = self.kind().day_rank();
        // In a later segment nothing sorts before the removal or opening that began it (the
        // segment's events were all entered after it): so the dated history, entered again in
        // its own order, gives itself back.
        let rank = if segment > 0 { rank.max(2) } else { rank };
        (self.date, segment, rank)
    }
}

/// Family First candidacy (SSA §471(e)(2), §475(13)): whether a prevention plan identifies the
/// child as a candidate for foster care, or as a pregnant or parenting foster youth. The 12-month
/// prevention period begins on the event's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Candidacy {
    /// Services without a Family First prevention plan.
    #[default]
    NotCandidate,
    /// A candidate for foster care at imminent risk of entering it (SSA §475(13)).
    FosterCareCandidate,
    /// A pregnant or parenting foster youth (SSA §471(e)(2)(B)).
    PregnantOrParentingYouth,
}

crate::codes::code_names! {
    Candidacy, "candidacy":
        NotCandidate = "not_candidate",
        FosterCareCandidate = "foster_care_candidate",
        PregnantOrParentingYouth = "pregnant_or_parenting_youth",
}

/// The legal authority for a removal (AFCARS 1993 element 25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Manner {
    /// Removed under a court order: the order sanctioning the removal is dated the removal date.
    CourtOrder,
    /// Removed in an emergency before any court order (AFCARS 1993 element 25 "not yet
    /// determined"): the first court order that follows sanctions the removal, and must carry the
    /// contrary-to-the-welfare finding (45 CFR 1356.21(c)).
    Emergency,
    /// Placed under a voluntary placement agreement (SSA §472(a)(2)(A)(i), §472(e)).
    VoluntaryPlacementAgreement,
}

crate::codes::code_names! {
    Manner, "removal manner":
        CourtOrder = "court_order",
        Emergency = "emergency",
        VoluntaryPlacementAgreement = "voluntary_placement_agreement",
}

macro_rules! circumstances {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, element $element:literal, )*) => {
        /// A child or family circumstance at removal (AFCARS 2020 E72–E105, 45 CFR 1355.44(d)).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum Circumstance {
            $( $(#[$doc])* $variant, )*
        }

        impl Circumstance {
            /// Every circumstance, in element order.
            pub const ALL: &'static [Circumstance] = &[$(Circumstance::$variant),*];

            /// The snake_case name, as on the wire.
            pub fn as_str(self) -> &'static str {
                match self { $(Circumstance::$variant => $name,)* }
            }

            /// The number of its AFCARS 2020 element (72 for E72 "runaway" to 105 for E105
            /// "homelessness"; 45 CFR 1355.44(d)(4)(i)–(xxxiv)), as the AXE and CJAMS
            /// implementations number the elements. Read one back with
            /// [`Circumstance::from_afcars_element`].
            pub const fn afcars_element(self) -> u8 {
                match self { $(Circumstance::$variant => $element,)* }
            }
        }

        crate::codes::code_names! { @display Circumstance }
        crate::codes::code_names! { @from_str Circumstance, "circumstance": $($variant = $name),* }
    };
}

circumstances! {
    /// E72.
    Runaway = "runaway", element 72,
    /// E73.
    WhereaboutsUnknown = "whereabouts_unknown", element 73,
    /// E74.
    PhysicalAbuse = "physical_abuse", element 74,
    /// E75.
    SexualAbuse = "sexual_abuse", element 75,
    /// E76.
    PsychologicalOrEmotionalAbuse = "psychological_or_emotional_abuse", element 76,
    /// E77.
    Neglect = "neglect", element 77,
    /// E78.
    MedicalNeglect = "medical_neglect", element 78,
    /// E79.
    DomesticViolence = "domestic_violence", element 79,
    /// E80.
    Abandonment = "abandonment", element 80,
    /// E81.
    FailureToReturn = "failure_to_return", element 81,
    /// E82.
    CaregiverAlcoholUse = "caregiver_alcohol_use", element 82,
    /// E83.
    CaregiverDrugUse = "caregiver_drug_use", element 83,
    /// E84.
    ChildAlcoholUse = "child_alcohol_use", element 84,
    /// E85.
    ChildDrugUse = "child_drug_use", element 85,
    /// E86.
    PrenatalAlcoholExposure = "prenatal_alcohol_exposure", element 86,
    /// E87.
    PrenatalDrugExposure = "prenatal_drug_exposure", element 87,
    /// E88.
    DiagnosedCondition = "diagnosed_condition", element 88,
    /// E89.
    InadequateAccessToMentalHealthServices = "inadequate_access_to_mental_health_services", element 89,
    /// E90.
    InadequateAccessToMedicalServices = "inadequate_access_to_medical_services", element 90,
    /// E91.
    ChildBehaviorProblem = "child_behavior_problem", element 91,
    /// E92.
    DeathOfCaregiver = "death_of_caregiver", element 92,
    /// E93.
    IncarcerationOfCaregiver = "incarceration_of_caregiver", element 93,
    /// E94.
    CaregiverPhysicalOrEmotionalImpairment = "caregiver_physical_or_emotional_impairment", element 94,
    /// E95.
    CaregiverCognitiveImpairment = "caregiver_cognitive_impairment", element 95,
    /// E96.
    InadequateHousing = "inadequate_housing", element 96,
    /// E97.
    VoluntaryRelinquishment = "voluntary_relinquishment", element 97,
    /// E98.
    ChildRequestedPlacement = "child_requested_placement", element 98,
    /// E99.
    SexTrafficking = "sex_trafficking", element 99,
    /// E100.
    ParentalImmigrationDetainmentOrDeportation = "parental_immigration_detainment_or_deportation", element 100,
    /// E101.
    FamilyConflictOverSexualOrientationOrGender = "family_conflict_over_sexual_orientation_or_gender", element 101,
    /// E102.
    EducationalNeglect = "educational_neglect", element 102,
    /// E103.
    PublicAgencyTitleIveAgreement = "public_agency_title_ive_agreement", element 103,
    /// E104.
    TribalTitleIveAgreement = "tribal_title_ive_agreement", element 104,
    /// E105.
    Homelessness = "homelessness", element 105,
}

/// The set of [`Circumstance`]s that apply to a removal; serialized as a list of names.
///
/// A bit set: copying it never allocates.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Circumstances(u64);

impl Circumstances {
    /// No circumstance recorded.
    pub const fn none() -> Circumstances {
        Circumstances(0)
    }

    /// The same set with `c` added.
    #[must_use]
    pub const fn with(self, c: Circumstance) -> Circumstances {
        Circumstances(self.0 | 1 << c as u32)
    }

    /// Whether `c` applies.
    pub const fn contains(self, c: Circumstance) -> bool {
        self.0 & (1 << c as u32) != 0
    }

    /// The circumstances that apply, in element order.
    pub fn iter(self) -> impl Iterator<Item = Circumstance> {
        Circumstance::ALL
            .iter()
            .copied()
            .filter(move |c| self.contains(*c))
    }
}

impl FromIterator<Circumstance> for Circumstances {
    fn from_iter<I: IntoIterator<Item = Circumstance>>(iter: I) -> Self {
        iter.into_iter()
            .fold(Circumstances::none(), Circumstances::with)
    }
}

impl fmt::Debug for Circumstances {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Circumstances {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Circumstances {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let list = <Vec<Circumstance>>::deserialize(d)?;
        Ok(list.into_iter().collect())
    }
}

/// A removal: the child leaves home and the agency takes placement and care responsibility. After
/// an earlier episode has ended, a removal is a re-entry and starts a new episode.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Removal {
    /// Court order or voluntary placement agreement.
    pub manner: Manner,
    /// The household the child was removed from, when known.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub from: Option<FamilyId>,
    /// The circumstances at removal.
    #[cfg_attr(feature = "serde", serde(default))]
    pub circumstances: Circumstances,
}

impl Removal {
    /// A removal in `manner` with no household or circumstance recorded yet.
    pub fn new(manner: Manner) -> Removal {
        Removal {
            manner,
            from: None,
            circumstances: Circumstances::none(),
        }
    }

    /// The same removal from the household `family`.
    #[must_use]
    pub fn from_family(mut self, family: FamilyId) -> Removal {
        self.from = Some(family);
        self
    }

    /// The same removal with `circumstances`.
    #[must_use]
    pub fn with_circumstances(mut self, circumstances: Circumstances) -> Removal {
        self.circumstances = circumstances;
        self
    }
}

/// A court's finding that reasonable efforts to prevent removal were made, were not made, or were
/// not required (SSA §471(a)(15)(B), (D)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum PreventionEfforts {
    /// Reasonable efforts were made.
    Made,
    /// Reasonable efforts were not made.
    NotMade,
    /// Reasonable efforts were not required (an emergency, or §471(a)(15)(D) circumstances).
    NotRequired,
}

crate::codes::code_names! {
    PreventionEfforts, "prevention efforts finding":
        Made = "made",
        NotMade = "not_made",
        NotRequired = "not_required",
}

/// A judicial determination that is either made or refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Determination {
    /// The court found it.
    Made,
    /// The court found it was not.
    NotMade,
}

crate::codes::code_names! {
    Determination, "determination": Made = "made", NotMade = "not_made"
}

/// The ground on which a court excused reasonable efforts to reunify (SSA §471(a)(15)(D),
///4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum AggravatedGround {
    /// Aggravated circumstances as state law defines them (abandonment, torture, chronic or
    /// sexual abuse) — §471(a)(15)(D)(i).
    AggravatedCircumstances,
    /// Murder or voluntary manslaughter of another child of the parent, aiding or attempting it,
    /// or felony assault causing serious bodily injury to the child or a sibling —
    /// §471(a)(15)(D)(ii). A TPR petition is due within 60 days (§475(5)(E)).
    FelonyAgainstChild,
    /// The parent's rights to a sibling were involuntarily terminated — §471(a)(15)(D)(iii).
    SiblingRightsTerminated,
}

crate::codes::code_names! {
    AggravatedGround, "aggravated ground":
        AggravatedCircumstances = "aggravated_circumstances",
        FelonyAgainstChild = "felony_against_child",
        SiblingRightsTerminated = "sibling_rights_terminated",
}

/// A court finding: a recorded fact the clocks read. Findings never change the stage.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Finding {
    /// Continuation in the home would be contrary to the child's welfare (SSA §472(a)(2)(A)(ii)).
    ContraryToWelfare,
    /// Reasonable efforts to prevent removal (SSA §471(a)(15)(B)(i)).
    PreventionEfforts(PreventionEfforts),
    /// The child was adjudicated abused or neglected: the first such finding can set DEFC
    /// (SSA §475(5)(F)(i)).
    AbuseOrNeglect,
    /// Reasonable efforts to reunify are not required for this parent (SSA §471(a)(15)(D)).
    ReunificationEffortsNotRequired {
        /// The parent.
        parent: PersonId,
        /// The ground.
        ground: AggravatedGround,
    },
    /// Reasonable efforts to finalize the permanency plan (45 CFR 1356.21(b)(2)).
    FinalizeEfforts(Determination),
    /// The child is an abandoned infant as state law defines it (SSA §475(5)(E)).
    AbandonedInfant,
    /// A voluntary placement is in the child's best interests (SSA §472(e)).
    VoluntaryPlacementBestInterests,
    /// The court extended the current trial home visit through `until` (45 CFR 1356.21(e)).
    /// Ordered in foster care with no visit under way (at the hearing that authorizes one), it
    /// sets the period of the episode's next visit; it does not reach a later episode.
    VisitExtended {
        /// The last day of the extended visit.
        until: NaiveDate,
    },
    /// The court approved a QRTP placement (SSA §475A(c)(2)).
    QrtpApproved {
        /// The QRTP placement.
        placement: PlacementId,
    },
    /// The court disapproved a QRTP placement (SSA §475A(c)(2)); payment continues at most 30
    /// days (§472(k)(3)(B)).
    QrtpDisapproved {
        /// The QRTP placement.
        placement: PlacementId,
    },
}

/// What a QRTP assessment by a qualified individual concluded (SSA §475A(c)(1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum QrtpAssessment {
    /// The QRTP is the most effective, least restrictive setting.
    Appropriate,
    /// The child's needs can be met in a family setting.
    NotAppropriate,
}

crate::codes::code_names! {
    QrtpAssessment, "QRTP assessment": Appropriate = "appropriate", NotAppropriate = "not_appropriate"
}

/// An exception to the 15-of-22 filing requirement that the agency documented (SSA
/// §475(5)(E)(ii)–(iii)). Relative care, the third exception (§475(5)(E)(i)), is read from the
/// placement itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum TprException {
    /// A compelling reason, documented in the case plan, why filing is not in the child's best
    /// interests.
    CompellingReason,
    /// The state has not provided the services its case plan deemed necessary for safe return.
    ServicesNotProvided,
}

crate::codes::code_names! {
    TprException, "TPR exception":
        CompellingReason = "compelling_reason",
        ServicesNotProvided = "services_not_provided",
}

/// Kinship guardianship assistance with a discharge to guardianship (SSA §473(d)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum GuardianshipAssistance {
    /// No assistance agreement.
    #[default]
    None,
    /// A kinship guardianship assistance (KinGAP) agreement.
    Kinship,
}

crate::codes::code_names! {
    GuardianshipAssistance, "guardianship assistance": None = "none", Kinship = "kinship"
}

/// A discharge to legal guardianship (SSA §475(7)): the guardian's family, and whether a
/// kinship guardianship assistance agreement goes with it (SSA §473(d)).
///
/// Always true: it names the guardian. Whether that family may be one (any caretaker's household
/// but the legal parents'; a relative for assistance, six months in the home) is the case's
/// business.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Guardianship {
    guardian: FamilyId,
    #[cfg_attr(feature = "serde", serde(default))]
    assistance: GuardianshipAssistance,
}

impl Guardianship {
    /// Guardianship by `guardian`'s family, with no assistance agreement.
    pub fn new(guardian: FamilyId) -> Guardianship {
        Guardianship {
            guardian,
            assistance: GuardianshipAssistance::None,
        }
    }

    /// The same guardianship with a kinship guardianship assistance agreement.
    #[must_use]
    pub fn with_kinship_assistance(mut self) -> Guardianship {
        self.assistance = GuardianshipAssistance::Kinship;
        self
    }

    /// The guardian's family.
    pub fn guardian(&self) -> &FamilyId {
        &self.guardian
    }

    /// The assistance agreement, if any.
    pub fn assistance(&self) -> GuardianshipAssistance {
        self.assistance
    }
}

/// A discharge from foster care, by its reason, each carrying what that exit needs: the family
/// the child goes home or to relatives with, the guardian and any assistance. Adoption ends through
/// [`AdoptionFinalized`](EventData::AdoptionFinalized) and death through
/// [`Death`](EventData::Death): a discharge cannot claim either.
///
/// On the wire, by reason: `"emancipated"`, `"emancipated_by_court_order"`,
/// `{"reunified": {"to": "F-1"}}`,
/// `{"guardianship": {"guardian": "F-3", "assistance": "kinship"}}`. The 0.1 form
/// `{"reason": .., "to": .., "assistance": ..}` still loads when it states a possible exit.
///
/// # Examples
///
/// ```
/// use permanency::{Discharge, ExitReason, FamilyId, Guardianship};
///
/// let home = Discharge::reunified().to_family(FamilyId::new("F-1")?);
/// assert_eq!(home.reason(), ExitReason::Reunified);
/// let kin = Discharge::Guardianship(Guardianship::new(FamilyId::new("F-3")?).with_kinship_assistance());
/// assert_eq!(kin.to().map(FamilyId::as_str), Some("F-3"));
/// // A discharge cannot claim an adoption, nor a guardianship without its guardian.
/// assert!(Discharge::try_from(ExitReason::Adopted).is_err());
/// assert!(Discharge::try_from(ExitReason::Guardianship).is_err());
/// # Ok::<(), permanency::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Discharge {
    /// Reunified with parents or primary caretakers, with the family when recorded.
    Reunified {
        /// The family the child goes home to.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        to: Option<FamilyId>,
    },
    /// Living with other relatives, with the family when recorded.
    LivingWithOtherRelatives {
        /// The relatives' family.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        to: Option<FamilyId>,
    },
    /// Emancipated: the youth attained the age of majority the policy sets (SSA §475(8)).
    Emancipated,
    /// Emancipated by a court order, at any age: "or is otherwise emancipated" (the exit reason
    /// is [`ExitReason::Emancipated`]). No federal rule sets a floor; the state's emancipation
    /// law decides who may petition, and the court's order is the fact recorded. On the wire:
    /// `"emancipated_by_court_order"`.
    EmancipatedByCourtOrder,
    /// Legal guardianship.
    Guardianship(Guardianship),
    /// Transferred to another agency.
    TransferredToAnotherAgency,
    /// The agency ended its responsibility for a child on runaway status.
    RunawayDischarge,
}

impl Discharge {
    /// Reunified, with no family recorded yet (add it with [`to_family`](Discharge::to_family)).
    pub fn reunified() -> Discharge {
        Discharge::Reunified { to: None }
    }

    /// Living with other relatives, with no family recorded yet.
    pub fn to_relatives() -> Discharge {
        Discharge::LivingWithOtherRelatives { to: None }
    }

    /// The same discharge to `family`: the home of a reunification or of the relatives. A
    /// discharge that names no family (emancipation, a transfer) is returned unchanged, and a
    /// guardianship keeps its guardian.
    #[must_use]
    pub fn to_family(self, family: FamilyId) -> Discharge {
        match self {
            Discharge::Reunified { .. } => Discharge::Reunified { to: Some(family) },
            Discharge::LivingWithOtherRelatives { .. } => {
                Discharge::LivingWithOtherRelatives { to: Some(family) }
            }
            other => other,
        }
    }

    /// The exit reason.
    pub fn reason(&self) -> ExitReason {
        match self {
            Discharge::Reunified { .. } => ExitReason::Reunified,
            Discharge::LivingWithOtherRelatives { .. } => ExitReason::LivingWithOtherRelatives,
            Discharge::Emancipated | Discharge::EmancipatedByCourtOrder => ExitReason::Emancipated,
            Discharge::Guardianship(_) => ExitReason::Guardianship,
            Discharge::TransferredToAnotherAgency => ExitReason::TransferredToAnotherAgency,
            Discharge::RunawayDischarge => ExitReason::RunawayDischarge,
        }
    }

    /// The family the child leaves to (parents, relatives, guardian), when recorded.
    pub fn to(&self) -> Option<&FamilyId> {
        match self {
            Discharge::Reunified { to } | Discharge::LivingWithOtherRelatives { to } => to.as_ref(),
            Discharge::Guardianship(g) => Some(&g.guardian),
            _ => None,
        }
    }

    /// The guardianship, for a discharge to guardianship.
    pub fn guardianship(&self) -> Option<&Guardianship> {
        match self {
            Discharge::Guardianship(g) => Some(g),
            _ => None,
        }
    }
}

impl TryFrom<ExitReason> for Discharge {
    type Error = Error;

    /// The discharge for an exit reason that needs nothing more: not adoption or death (their own
    /// events), not guardianship (it needs the guardian: [`Guardianship::new`]).
    ///
    /// # Errors
    ///
    /// [`Error::Inconsistent`] for adoption, death and guardianship.
    fn try_from(reason: ExitReason) -> Result<Discharge, Error> {
        let needs = match reason {
            ExitReason::Reunified => return Ok(Discharge::reunified()),
            ExitReason::LivingWithOtherRelatives => return Ok(Discharge::to_relatives()),
            ExitReason::Emancipated => return Ok(Discharge::Emancipated),
            ExitReason::TransferredToAnotherAgency => {
                return Ok(Discharge::TransferredToAnotherAgency);
            }
            ExitReason::RunawayDischarge => return Ok(Discharge::RunawayDischarge),
            ExitReason::Adopted => "record adoption_finalized",
            ExitReason::Death => "record death",
            ExitReason::Guardianship => "name the guardian's family",
        };
        Err(Error::Inconsistent(
            crate::error::Inconsistency::DischargeReason {
                reason: reason.as_str(),
                needs,
            },
        ))
    }
}

/// The reasons a discharge names on the wire, in the order of [`Discharge`]'s variants.
#[cfg(feature = "serde")]
const DISCHARGE_REASONS: &[&str] = &[
    "reunified",
    "living_with_other_relatives",
    "emancipated",
    "emancipated_by_court_order",
    "guardianship",
    "transferred_to_another_agency",
    "runaway_discharge",
];

/// The 0.1 discharge's fields: a reason, a family and an assistance field for every reason.
#[cfg(feature = "serde")]
const LEGACY_FIELDS: &[&str] = &["reason", "to", "assistance"];

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ToFamily {
    #[serde(default)]
    to: Option<FamilyId>,
}

/// Reads both forms a discharge takes on the wire: by reason (this version) or the 0.1 record.
/// Its errors name the field or the kind of value that is wrong, never a value given.
#[cfg(feature = "serde")]
struct DischargeVisitor;

#[cfg(feature = "serde")]
impl DischargeVisitor {
    fn unit<E: serde::de::Error>(reason: &str) -> Result<Discharge, E> {
        match reason {
            "reunified" => Ok(Discharge::reunified()),
            "living_with_other_relatives" => Ok(Discharge::to_relatives()),
            "emancipated" => Ok(Discharge::Emancipated),
            "emancipated_by_court_order" => Ok(Discharge::EmancipatedByCourtOrder),
            "transferred_to_another_agency" => Ok(Discharge::TransferredToAnotherAgency),
            "runaway_discharge" => Ok(Discharge::RunawayDischarge),
            "guardianship" => Err(E::custom(
                "invalid discharge: a guardianship names its guardian",
            )),
            _ => Err(E::custom(format_args!(
                "unknown discharge reason, expected one of {}",
                DISCHARGE_REASONS.join(", ")
            ))),
        }
    }

    fn legacy<'de, A: serde::de::MapAccess<'de>>(
        first: &str,
        mut map: A,
    ) -> Result<Discharge, A::Error> {
        use serde::de::Error as _;
        let mut reason: Option<ExitReason> = None;
        let mut to: Option<FamilyId> = None;
        let mut assistance = GuardianshipAssistance::None;
        let mut key = Some(first.to_owned());
        while let Some(k) = key {
            match k.as_str() {
                "reason" => reason = Some(map.next_value()?),
                "to" => to = map.next_value()?,
                "assistance" => assistance = map.next_value()?,
                other => return Err(A::Error::unknown_field(other, LEGACY_FIELDS)),
            }
            key = map.next_key::<String>()?;
        }
        let reason = reason.ok_or_else(|| A::Error::missing_field("reason"))?;
        match (reason, to, assistance) {
            (ExitReason::Guardianship, Some(guardian), assistance) => {
                Ok(Discharge::Guardianship(Guardianship {
                    guardian,
                    assistance,
                }))
            }
            (_, _, GuardianshipAssistance::Kinship) => Err(A::Error::custom(
                "invalid discharge: kinship assistance goes only with a guardianship",
            )),
            (reason, to, _) => {
                let d = Discharge::try_from(reason).map_err(A::Error::custom)?;
                Ok(match to {
                    Some(f) => d.to_family(f),
                    None => d,
                })
            }
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::de::Visitor<'de> for DischargeVisitor {
    type Value = Discharge;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a discharge: its reason, or a map from its reason to what it needs")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Discharge, E> {
        DischargeVisitor::unit(v)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Discharge, A::Error> {
        use serde::de::Error as _;
        let Some(first) = map.next_key::<String>()? else {
            return Err(A::Error::custom(
                "invalid discharge: expected its reason, found none",
            ));
        };
        if LEGACY_FIELDS.contains(&first.as_str()) {
            return DischargeVisitor::legacy(&first, map);
        }
        let d = match first.as_str() {
            "reunified" => Discharge::Reunified {
                to: map.next_value::<ToFamily>()?.to,
            },
            "living_with_other_relatives" => Discharge::LivingWithOtherRelatives {
                to: map.next_value::<ToFamily>()?.to,
            },
            "guardianship" => Discharge::Guardianship(map.next_value()?),
            reason if DISCHARGE_REASONS.contains(&reason) => {
                map.next_value::<serde::de::IgnoredAny>()?;
                DischargeVisitor::unit(reason)?
            }
            other => return Err(A::Error::unknown_field(other, DISCHARGE_REASONS)),
        };
        if map.next_key::<serde::de::IgnoredAny>()?.is_some() {
            return Err(A::Error::custom(
                "invalid discharge: expected one reason, found more",
            ));
        }
        Ok(d)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Discharge {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DischargeVisitor)
    }
}

/// Where a child on runaway status is, as far as the agency knows (AFCARS 2020 E120 = 12, 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Whereabouts {
    /// The child ran away.
    #[default]
    Runaway,
    /// The child's whereabouts are unknown.
    Unknown,
}

crate::codes::code_names! {
    Whereabouts, "whereabouts": Runaway = "runaway", Unknown = "unknown"
}

/// A runaway: the child left the placement while the agency keeps placement and care
/// responsibility (it is not an exit, CWPM 1.2B.7). The stay on runaway status has its own id.
///
/// Always true: its setting is [`Setting::Runaway`] or
/// [`Setting::WhereaboutsUnknown`], with no caregiver.
///
/// On the wire: `{"id": "PL-7", "whereabouts": "runaway"}`; the 0.1 form, a placement with a
/// runaway setting, still loads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RunawayRecord", into = "RunawayRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Runaway {
    placement: NewPlacement,
}

impl Runaway {
    /// The child ran away; `id` names the stay on runaway status.
    pub fn new(id: PlacementId) -> Runaway {
        Runaway::with_whereabouts(id, Whereabouts::Runaway)
    }

    /// The child is on runaway status, `whereabouts` as the agency knows them.
    pub fn with_whereabouts(id: PlacementId, whereabouts: Whereabouts) -> Runaway {
        let setting = match whereabouts {
            Whereabouts::Runaway => Setting::Runaway,
            Whereabouts::Unknown => Setting::WhereaboutsUnknown,
        };
        Runaway {
            placement: NewPlacement::unchecked(id, setting, None),
        }
    }

    /// The id of the stay on runaway status.
    pub fn id(&self) -> &PlacementId {
        self.placement.id()
    }

    /// Ran away, or whereabouts unknown.
    pub fn whereabouts(&self) -> Whereabouts {
        match self.placement.setting() {
            Setting::WhereaboutsUnknown => Whereabouts::Unknown,
            _ => Whereabouts::Runaway,
        }
    }
}

impl TryFrom<NewPlacement> for Runaway {
    type Error = Error;

    /// The runaway a placement with a runaway setting describes (how 0.1 recorded one, and how
    /// a legacy export often does).
    ///
    /// # Errors
    ///
    /// [`Error::Inconsistent`] for any other setting.
    fn try_from(p: NewPlacement) -> Result<Runaway, Error> {
        match p.setting() {
            Setting::Runaway => Ok(Runaway::new(p.id().clone())),
            Setting::WhereaboutsUnknown => Ok(Runaway::with_whereabouts(
                p.id().clone(),
                Whereabouts::Unknown,
            )),
            other => Err(Error::Inconsistent(
                crate::error::Inconsistency::PlacementCaregiver {
                    placement: p.id().as_str().to_owned(),
                    setting: other.as_str(),
                    expected: "is not a runaway's setting (runaway or whereabouts_unknown)",
                },
            )),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
struct RunawayRecord {
    id: PlacementId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    whereabouts: Option<Whereabouts>,
    /// 0.1: the runaway was a placement with a runaway setting.
    #[serde(default, skip_serializing)]
    #[cfg_attr(feature = "schemars", schemars(extend("enum" = ["runaway", "whereabouts_unknown", null], "deprecated" = true)))]
    setting: Option<Setting>,
    /// 0.1: a placement's location (a runaway's is not known; ignored).
    #[serde(default, skip_serializing)]
    #[allow(dead_code)]
    #[cfg_attr(feature = "schemars", schemars(extend("deprecated" = true)))]
    location: Option<crate::placement::Location>,
}

#[cfg(feature = "serde")]
impl TryFrom<RunawayRecord> for Runaway {
    type Error = Error;
    fn try_from(r: RunawayRecord) -> Result<Runaway, Error> {
        let whereabouts = match (r.whereabouts, r.setting) {
            (w, None) => w.unwrap_or_default(),
            (None | Some(Whereabouts::Runaway), Some(Setting::Runaway)) => Whereabouts::Runaway,
            (None | Some(Whereabouts::Unknown), Some(Setting::WhereaboutsUnknown)) => {
                Whereabouts::Unknown
            }
            (_, Some(setting)) => {
                return Err(Error::Inconsistent(
                    crate::error::Inconsistency::PlacementCaregiver {
                        placement: r.id.as_str().to_owned(),
                        setting: setting.as_str(),
                        expected: "is not a runaway's setting (runaway or whereabouts_unknown)",
                    },
                ));
            }
        };
        Ok(Runaway::with_whereabouts(r.id, whereabouts))
    }
}

#[cfg(feature = "serde")]
impl From<Runaway> for RunawayRecord {
    fn from(r: Runaway) -> RunawayRecord {
        RunawayRecord {
            whereabouts: Some(r.whereabouts()),
            id: r.placement.id().clone(),
            setting: None,
            location: None,
        }
    }
}

/// A trial home visit: the child goes home to a parent or legal guardian while the agency keeps
/// custody (45 CFR 1356.21(e)). The visit has its own id, like a placement.
///
/// Always true: its setting is [`Setting::TrialHomeVisit`] and it
/// names the family the child goes home to. Whether that family may receive the visit is the
/// case's business.
///
/// On the wire: `{"id": "PL-2", "family": "F-1"}` (and a `location` out of state); the 0.1 form,
/// a placement with the `trial_home_visit` setting and a caregiver, still loads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "HomeVisitRecord", into = "HomeVisitRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct HomeVisit {
    placement: NewPlacement,
}

impl HomeVisit {
    /// A visit, `id`, home to `family`, in state.
    pub fn new(id: PlacementId, family: FamilyId) -> HomeVisit {
        HomeVisit {
            placement: NewPlacement::unchecked(id, Setting::TrialHomeVisit, Some(family)),
        }
    }

    /// The same visit in `location`.
    #[must_use]
    pub fn in_location(mut self, location: crate::placement::Location) -> HomeVisit {
        self.placement = self.placement.in_location(location);
        self
    }

    /// The visit's id.
    pub fn id(&self) -> &PlacementId {
        self.placement.id()
    }

    /// The family the child goes home to.
    pub fn family(&self) -> &FamilyId {
        self.placement
            .caregiver()
            .expect("a home visit always names its family")
    }

    /// In state, out of state or out of country.
    pub fn location(&self) -> crate::placement::Location {
        self.placement.location()
    }
}

impl TryFrom<NewPlacement> for HomeVisit {
    type Error = Error;

    /// The visit a placement with the trial-home-visit setting describes (how 0.1 recorded one).
    ///
    /// # Errors
    ///
    /// [`Error::Inconsistent`] for any other setting.
    fn try_from(p: NewPlacement) -> Result<HomeVisit, Error> {
        match (p.setting(), p.caregiver()) {
            (Setting::TrialHomeVisit, Some(family)) => {
                Ok(HomeVisit::new(p.id().clone(), family.clone()).in_location(p.location()))
            }
            (other, _) => Err(Error::Inconsistent(
                crate::error::Inconsistency::PlacementCaregiver {
                    placement: p.id().as_str().to_owned(),
                    setting: other.as_str(),
                    expected: "is not a trial home visit's setting (trial_home_visit)",
                },
            )),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(extend("oneOf" = [{"required": ["family"]}, {"required": ["caregiver"]}])))]
struct HomeVisitRecord {
    id: PlacementId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    family: Option<FamilyId>,
    #[serde(default, skip_serializing_if = "is_in_state")]
    location: crate::placement::Location,
    /// 0.1: the visit was a placement with the trial-home-visit setting and a caregiver.
    #[serde(default, skip_serializing)]
    #[cfg_attr(feature = "schemars", schemars(extend("enum" = ["trial_home_visit", null], "deprecated" = true)))]
    setting: Option<Setting>,
    #[serde(default, skip_serializing)]
    /// 0.1: the family the visit is with, as a placement's caregiver (instead of `family`).
    #[cfg_attr(feature = "schemars", schemars(extend("deprecated" = true)))]
    caregiver: Option<FamilyId>,
}

#[cfg(feature = "serde")]
fn is_in_state(l: &crate::placement::Location) -> bool {
    *l == crate::placement::Location::InState
}

#[cfg(feature = "serde")]
impl TryFrom<HomeVisitRecord> for HomeVisit {
    type Error = Error;
    fn try_from(r: HomeVisitRecord) -> Result<HomeVisit, Error> {
        let bad = |setting: &'static str, expected: &'static str| {
            Error::Inconsistent(crate::error::Inconsistency::PlacementCaregiver {
                placement: r.id.as_str().to_owned(),
                setting,
                expected,
            })
        };
        if let Some(setting) = r.setting
            && setting != Setting::TrialHomeVisit
        {
            return Err(bad(
                setting.as_str(),
                "is not a trial home visit's setting (trial_home_visit)",
            ));
        }
        let family = match (r.family, r.caregiver) {
            (Some(f), None) | (None, Some(f)) => f,
            (Some(_), Some(_)) => {
                return Err(bad(
                    "trial_home_visit",
                    "names its family once, found a family and a caregiver",
                ));
            }
            (None, None) => {
                return Err(bad(
                    "trial_home_visit",
                    "needs the family it is with, found none",
                ));
            }
        };
        Ok(HomeVisit::new(r.id, family).in_location(r.location))
    }
}

#[cfg(feature = "serde")]
impl From<HomeVisit> for HomeVisitRecord {
    fn from(v: HomeVisit) -> HomeVisitRecord {
        HomeVisitRecord {
            id: v.placement.id().clone(),
            family: v.placement.caregiver().cloned(),
            location: v.placement.location(),
            setting: None,
            caregiver: None,
        }
    }
}

macro_rules! event_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// The kind of an [`Event`], without its facts: what the transition table matches on.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum EventKind {
            $( $(#[$doc])* $variant, )*
        }

        impl EventKind {
            /// Every event kind.
            pub const ALL: &'static [EventKind] = &[$(EventKind::$variant),*];

            /// The snake_case name, as on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { $(EventKind::$variant => $name,)* }
            }
        }

        crate::codes::code_names! { @from_str EventKind, "event kind": $($variant = $name),* }

        impl EventData {
            /// The kind: each [`EventData`] variant is the [`EventKind`] of the same name (the
            /// list above is the one declaration of both; the compiler checks they agree).
            #[inline]
            pub fn kind(&self) -> EventKind {
                match self { $(EventData::$variant { .. } => EventKind::$variant,)* }
            }
        }
    };
}

event_kinds! {
    /// [`EventData::FamilyRecorded`].
    FamilyRecorded = "family_recorded",
    /// [`EventData::OpenPreservation`].
    OpenPreservation = "open_preservation",
    /// [`EventData::CandidacyIdentified`].
    CandidacyIdentified = "candidacy_identified",
    /// [`EventData::Removal`].
    Removal = "removal",
    /// [`EventData::PlacementBegun`].
    PlacementBegun = "placement_begun",
    /// [`EventData::PlacementChanged`].
    PlacementChanged = "placement_changed",
    /// [`EventData::RanAway`].
    RanAway = "ran_away",
    /// [`EventData::ReturnedFromRunaway`].
    ReturnedFromRunaway = "returned_from_runaway",
    /// [`EventData::PlanSet`].
    PlanSet = "plan_set",
    /// [`EventData::CourtFinding`].
    CourtFinding = "court_finding",
    /// [`EventData::PermanencyHearing`].
    PermanencyHearing = "permanency_hearing",
    /// [`EventData::PeriodicReview`].
    PeriodicReview = "periodic_review",
    /// [`EventData::CasePlanCompleted`].
    CasePlanCompleted = "case_plan_completed",
    /// [`EventData::RelativesNotified`].
    RelativesNotified = "relatives_notified",
    /// [`EventData::TransitionPlanCompleted`].
    TransitionPlanCompleted = "transition_plan_completed",
    /// [`EventData::QrtpAssessed`].
    QrtpAssessed = "qrtp_assessed",
    /// [`EventData::QrtpLongStayApproved`].
    QrtpLongStayApproved = "qrtp_long_stay_approved",
    /// [`EventData::QrtpEvidenceSubmitted`].
    QrtpEvidenceSubmitted = "qrtp_evidence_submitted",
    /// [`EventData::TprPetitionFiled`].
    TprPetitionFiled = "tpr_petition_filed",
    /// [`EventData::TprExceptionDocumented`].
    TprExceptionDocumented = "tpr_exception_documented",
    /// [`EventData::ParentalRightsTerminated`].
    ParentalRightsTerminated = "parental_rights_terminated",
    /// [`EventData::ParentalRightsRelinquished`].
    ParentalRightsRelinquished = "parental_rights_relinquished",
    /// [`EventData::ParentDeceased`].
    ParentDeceased = "parent_deceased",
    /// [`EventData::TrialHomeVisitBegun`].
    TrialHomeVisitBegun = "trial_home_visit_begun",
    /// [`EventData::TrialHomeVisitEnded`].
    TrialHomeVisitEnded = "trial_home_visit_ended",
    /// [`EventData::PlacedForAdoption`].
    PlacedForAdoption = "placed_for_adoption",
    /// [`EventData::AdoptionDisrupted`].
    AdoptionDisrupted = "adoption_disrupted",
    /// [`EventData::AdoptionFinalized`].
    AdoptionFinalized = "adoption_finalized",
    /// [`EventData::Discharge`].
    Discharge = "discharge",
    /// [`EventData::Death`].
    Death = "death",
    /// [`EventData::Voided`].
    Voided = "voided",
    /// [`EventData::Amended`].
    Amended = "amended",
    /// [`EventData::Vacated`].
    Vacated = "vacated",
    /// [`EventData::ChildCorrected`].
    ChildCorrected = "child_corrected",
    /// [`EventData::Close`].
    Close = "close",
    /// [`EventData::Reopen`].
    Reopen = "reopen",
    // respite
    /// [`EventData::Respite`].
    Respite = "respite",
    // clocks
    /// [`EventData::CaseworkerVisited`].
    CaseworkerVisited = "caseworker_visited",
    /// [`EventData::MissingChildReported`].
    MissingChildReported = "missing_child_reported",
    /// [`EventData::AbsenceFactorsDetermined`].
    AbsenceFactorsDetermined = "absence_factors_determined",
    /// [`EventData::TraffickingScreened`].
    TraffickingScreened = "trafficking_screened",
    /// [`EventData::AdoptionAssistanceAgreementSigned`].
    AdoptionAssistanceAgreementSigned = "adoption_assistance_agreement_signed",
    /// [`EventData::ApplaReviewed`].
    ApplaReviewed = "appla_reviewed",
    /// [`EventData::KinshipConsultation`].
    KinshipConsultation = "kinship_consultation",
    /// [`EventData::ReturnAndAdoptionRuledOut`].
    ReturnAndAdoptionRuledOut = "return_and_adoption_ruled_out",
    // supports
    /// [`EventData::PreventionPlanRecorded`].
    PreventionPlanRecorded = "prevention_plan_recorded",
    /// [`EventData::ServiceProvided`].
    ServiceProvided = "service_provided",
    /// [`EventData::ExtendedCareCondition`].
    ExtendedCareCondition = "extended_care_condition",
    /// [`EventData::ExitDocumentsProvided`].
    ExitDocumentsProvided = "exit_documents_provided",
    /// [`EventData::CreditReportObtained`].
    CreditReportObtained = "credit_report_obtained",
    /// [`EventData::SchoolEnrolled`].
    SchoolEnrolled = "school_enrolled",
    /// [`EventData::SchoolStabilityConsidered`].
    SchoolStabilityConsidered = "school_stability_considered",
    /// [`EventData::CaseConference`].
    CaseConference = "case_conference",
    /// [`EventData::TeamMemberChosen`].
    TeamMemberChosen = "team_member_chosen",
    /// [`EventData::TeamMemberRejected`].
    TeamMemberRejected = "team_member_rejected",
    /// [`EventData::CaregiverNotified`].
    CaregiverNotified = "caregiver_notified",
    /// [`EventData::ChildConsultedAtHearing`].
    ChildConsultedAtHearing = "child_consulted_at_hearing",
    /// [`EventData::IndividualAssessment`].
    IndividualAssessment = "individual_assessment",
    // icwa
    /// [`EventData::IcwaStatusDetermined`].
    IcwaStatusDetermined = "icwa_status_determined",
    /// [`EventData::IcwaFindings`].
    IcwaFindings = "icwa_findings",
    /// [`EventData::IcwaConsent`].
    IcwaConsent = "icwa_consent",
    /// [`EventData::IcwaConsentWithdrawn`].
    IcwaConsentWithdrawn = "icwa_consent_withdrawn",
    /// [`EventData::IcwaNoticeReceived`].
    IcwaNoticeReceived = "icwa_notice_received",
    /// [`EventData::IcwaAdditionalTime`].
    IcwaAdditionalTime = "icwa_additional_time",
    /// [`EventData::IcwaTransferredToTribe`].
    IcwaTransferredToTribe = "icwa_transferred_to_tribe",
    /// [`EventData::IcwaHomeAssessed`].
    IcwaHomeAssessed = "icwa_home_assessed",
    /// [`EventData::IcwaGoodCause`].
    IcwaGoodCause = "icwa_good_cause",
    /// [`EventData::IcwaTribalPreferences`].
    IcwaTribalPreferences = "icwa_tribal_preferences",
    // (issue 10: siblings)
    /// [`EventData::SiblingRecorded`].
    SiblingRecorded = "sibling_recorded",
    /// [`EventData::SiblingsPlacedTogether`].
    SiblingsPlacedTogether = "siblings_placed_together",
    /// [`EventData::SiblingsSeparated`].
    SiblingsSeparated = "siblings_separated",
    /// [`EventData::SiblingContactExcepted`].
    SiblingContactExcepted = "sibling_contact_excepted",
    // (issue 10: relatives)
    /// [`EventData::RelativeIdentified`].
    RelativeIdentified = "relative_identified",
    /// [`EventData::RelativeNotified`].
    RelativeNotified = "relative_notified",
    /// [`EventData::RelativeNoticeExcepted`].
    RelativeNoticeExcepted = "relative_notice_excepted",
    // (issue 10: family time)
    /// [`EventData::FamilyTimePlanned`].
    FamilyTimePlanned = "family_time_planned",
    /// [`EventData::FamilyTimeContact`].
    FamilyTimeContact = "family_time_contact",
    /// [`EventData::MaltreatmentReported`].
    MaltreatmentReported = "maltreatment_reported",
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What happened, with its facts. Each variant is one [`EventKind`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum EventData {
    /// A family enters the case, or a recorded family changes (a new license, a new member, a
    /// relative home that becomes a guardian's). The latest record of a family id is the one the
    /// rules read.
    FamilyRecorded(Box<Family>),
    /// In-home (family preservation) services open, with the Family First candidacy if any.
    OpenPreservation(Candidacy),
    /// A new prevention plan identifies the child as a candidate: a new 12-month prevention period
    /// (SSA §471(e)(1), (3); an open reading, see [the manual](crate::manual#open-readings)).
    CandidacyIdentified(Candidacy),
    /// The child is removed from home. After an exit, this is a re-entry and a new episode.
    Removal(Removal),
    /// The first placement of an episode, or the next after a gap.
    PlacementBegun(NewPlacement),
    /// A move from one placement to another.
    PlacementChanged(NewPlacement),
    /// The child ran away, or the whereabouts became unknown, while still in care.
    RanAway(Runaway),
    /// The child came back from runaway status into this placement.
    ReturnedFromRunaway(NewPlacement),
    /// The permanency plan is set or changed.
    PlanSet(Goals),
    /// A court finding.
    CourtFinding(Finding),
    /// A permanency hearing was held (SSA §475(5)(C)).
    PermanencyHearing,
    /// A periodic review was held (SSA §475(5)(B)).
    PeriodicReview,
    /// The case plan was completed (45 CFR 1356.21(g)).
    CasePlanCompleted,
    /// Adult relatives were notified of the removal (SSA §471(a)(29)).
    RelativesNotified,
    /// The youth's transition plan was completed (SSA §475(5)(H)).
    TransitionPlanCompleted,
    /// A qualified individual assessed the child in a QRTP placement (SSA §475A(c)(1)).
    QrtpAssessed {
        /// The QRTP placement.
        placement: PlacementId,
        /// The conclusion.
        outcome: QrtpAssessment,
    },
    /// The head of the state agency approved a long QRTP stay (SSA §475A(c)(5)).
    QrtpLongStayApproved {
        /// The QRTP placement.
        placement: PlacementId,
    },
    /// For a status review or permanency hearing held while the child remains in a QRTP, the
    /// agency submitted the evidence the law asks: that the ongoing assessment supports the
    /// placement, the child's specific treatment needs and how long they are expected to last,
    /// and the efforts to prepare the child to step down (SSA §475A(c)(4)). Keyed on the day it
    /// was submitted (on or before the hearing's day).
    QrtpEvidenceSubmitted {
        /// The QRTP placement.
        placement: PlacementId,
    },
    /// A petition to terminate parental rights was filed or joined (SSA §475(5)(E)).
    TprPetitionFiled,
    /// The agency documented an exception to the 15-of-22 filing requirement.
    TprExceptionDocumented(TprException),
    /// A court terminated this parent's rights (also on rights the parent relinquished: the
    /// order then dates the termination).
    ParentalRightsTerminated {
        /// The parent.
        parent: PersonId,
    },
    /// This parent relinquished their rights.
    ParentalRightsRelinquished {
        /// The parent.
        parent: PersonId,
    },
    /// This parent died.
    ParentDeceased {
        /// The parent.
        parent: PersonId,
    },
    /// A trial home visit begins: the child goes home to a parent while the agency keeps custody.
    TrialHomeVisitBegun(HomeVisit),
    /// The trial home visit ends with a return to foster care, into this placement.
    TrialHomeVisitEnded(NewPlacement),
    /// The child is placed for adoption in this pre-adoptive placement.
    PlacedForAdoption(NewPlacement),
    /// The adoptive placement disrupted; the child moves to this placement.
    AdoptionDisrupted(NewPlacement),
    /// The adoption was finalized.
    AdoptionFinalized,
    /// The child is discharged from foster care.
    Discharge(Discharge),
    /// The child died.
    Death,
    /// A worker voids an earlier entry, entered in error. The entry stays in the audit trail
    /// ([`Case::entries`](crate::Case::entries)); the history is re-checked without it.
    Voided(Correction),
    /// A worker amends an earlier entry: `with` takes its place (at its own date), and the
    /// history is re-checked from the earlier of the two dates. The original stays in the audit
    /// trail.
    Amended {
        /// The entry amended.
        entry: EntryId,
        /// Why.
        reason: Note,
        /// The event that replaces it.
        with: Box<Event>,
    },
    /// A court vacates an earlier order (a finding, a termination of rights, a decree): the
    /// order is of no effect, and the history is re-checked without it. It stays in the audit
    /// trail.
    Vacated(Correction),
    /// The child's own facts are corrected (a wrong birth date, a wrong sex): the whole history
    /// is re-checked against the corrected child. The child's id cannot change.
    ChildCorrected {
        /// The child as corrected.
        child: Box<Child>,
        /// Why.
        reason: Note,
    },
    /// The case is closed.
    Close,
    /// A closed case is reopened for in-home services.
    Reopen,
    // respite
    /// A respite stay: the child spends a few nights away from the placement in progress and
    /// returns to it (CWPM 1.2B.7: not a placement setting, not a move). The placement does not
    /// end.
    Respite(Respite),
    // clocks
    /// A caseworker visited the child (SSA §422(b)(17), §424(e)(2)): monthly, the majority in
    /// the child's residence; every 6 months at least for an out-of-state placement
    /// (§475(5)(A)(ii)).
    CaseworkerVisited {
        /// Whether the visit took place in the child's residence.
        in_residence: bool,
    },
    /// A child missing from care was reported (SSA §471(a)(35)(B): to law enforcement for the
    /// National Crime Information Center and to the National Center for Missing and Exploited
    /// Children, within 24 hours).
    MissingChildReported(MissingReport),
    /// After a child's return from an absence, the agency determined the primary factors that
    /// contributed to it (SSA §471(a)(35)(A)(ii)).
    AbsenceFactorsDetermined,
    /// After a child's return from an absence, the agency screened the child for sex trafficking
    /// (SSA §471(a)(35)(A)(iv); §471(a)(34)(A)).
    TraffickingScreened,
    /// The title IV-E adoption assistance agreement was signed (45 CFR 1356.40(b)(1): before the
    /// final decree of adoption).
    AdoptionAssistanceAgreementSigned,
    /// What a permanency hearing documented for a child whose goal is APPLA (SSA §475A(a)(1)–(3)),
    /// dated the hearing day.
    ApplaReviewed(ApplaReview),
    /// The agency consulted the youth (14 or older) about the kinship guardianship arrangement
    /// (SSA §473(d)(3)(A)(iv)).
    KinshipConsultation,
    /// The determination that return home and adoption are not appropriate permanency options
    /// for the child (SSA §473(d)(3)(A)(ii)), for kinship guardianship assistance.
    ReturnAndAdoptionRuledOut,
    // supports
    /// A Family First prevention plan identifies the child as a candidate (or the pregnant or
    /// parenting youth) on the event's date, with the strategy and the services specified in
    /// advance (SSA §471(e)(4)(A)): a new 12-month prevention period, as a candidacy is.
    PreventionPlanRecorded(crate::supports::PreventionPlan),
    /// A service or a concrete support begins on the event's date (SSA §471(e)(1); state-funded
    /// supports too). Accepted whatever the plan says; the clocks flag a title IV-E claim the
    /// plan did not specify in advance, or outside the prevention period.
    ServiceProvided(crate::supports::Service),
    /// A youth in extended care meets a qualifying condition from the event's date (SSA
    /// §475(8)(B)(iv)): what keeps a youth of 18 or older a title IV-E child.
    ExtendedCareCondition(crate::supports::YouthCondition),
    /// The youth received the documents owed on leaving care at 18 or older: birth certificate,
    /// Social Security card, health insurance information, medical records and a state
    /// identification card (SSA §475(5)(I)).
    ExitDocumentsProvided,
    /// The youth's yearly consumer credit report was obtained, and help given to interpret it
    /// and resolve inaccuracies (SSA §475(5)(I), from age 14).
    CreditReportObtained,
    /// The child enrolled in a school (SSA §475(1)(G), §471(a)(30)): the first known is the
    /// school of origin; another while in care is a school change.
    SchoolEnrolled(crate::supports::Enrollment),
    /// For this placement, the appropriateness of the child's current school and its proximity
    /// to the placement were considered (SSA §475(1)(G)(i)).
    SchoolStabilityConsidered {
        /// The placement.
        placement: PlacementId,
    },
    /// A case conference was held: its kind and its participants by role.
    CaseConference(crate::supports::Conference),
    /// The youth (14 or older) chose this person as a member of the case planning team (SSA
    /// §475(5)(C)(iv): up to two, neither the foster parent nor the caseworker).
    TeamMemberChosen {
        /// The member chosen.
        member: PersonId,
    },
    /// The agency rejected a member the youth chose, for good cause to believe the person would
    /// not act in the child's best interests (SSA §475(5)(C)(iv)).
    TeamMemberRejected {
        /// The member rejected.
        member: PersonId,
        /// Why (a case note: redacted in `Debug`).
        reason: Note,
    },
    /// This caregiver family (foster parents, pre-adoptive parents, relative caregivers) was
    /// notified of the next review or hearing and of its right to be heard (SSA §475(5)(G)).
    CaregiverNotified {
        /// The family notified.
        family: FamilyId,
    },
    /// At the permanency hearing of the day, the court consulted the child, in an
    /// age-appropriate way, about the proposed permanency or transition plan (SSA
    /// §475(5)(C)(iii)).
    ChildConsultedAtHearing,
    /// An individual assessment of the child (a QRTP placement, a setting for a pregnant or
    /// parenting youth, a treatment plan): who made it, what it found, the placement it is for.
    /// A QRTP assessment meets the QRTP clocks as [`EventData::QrtpAssessed`] does.
    IndividualAssessment(crate::supports::Assessment),
    // icwa
    /// The child's ICWA status from this date (inquiry, reason to know, or the determination
    /// that the child is or is not an Indian child, with the tribe): see
    /// [`Case::indian_child_status_on`](crate::Case::indian_child_status_on). "Indian child" and
    /// "reason to know" turn the Act's rules on from this date (25 U.S.C. 1903(4); 25 CFR
    /// 23.107(b)), and a consent given within 10 days of the birth is invalid whenever the status
    /// comes to light: a determination that the Act applies is refused while such a consent or
    /// relinquishment stands in the history (`icwa_consent_too_early`).
    IcwaStatusDetermined(crate::child::IndianChildStatus),
    /// What the court found in an ICWA foster-care placement or termination proceeding, dated
    /// the day of the order (25 U.S.C. 1912(d)–(f)). Accepted whatever it found; a missing
    /// finding makes the order open to invalidation (§1914), reported by the clocks.
    IcwaFindings(crate::icwa::IcwaFindings),
    /// A parent's or Indian custodian's voluntary consent, recorded before a judge (25 U.S.C.
    /// 1913(a)). Refused before or within 10 days after the child's birth.
    IcwaConsent(crate::icwa::IcwaConsent),
    /// A consent withdrawn (25 U.S.C. 1913(b), (c)): to foster care at any time, to a
    /// termination or an adoption before the final decree.
    IcwaConsentWithdrawn(crate::icwa::ConsentWithdrawal),
    /// The notice of an involuntary ICWA proceeding was received (the return receipt's date) by
    /// a parent or the Indian custodian, a tribe, or the Secretary (25 U.S.C. 1912(a)). No
    /// foster-care placement or termination hearing until 10 days after (the Secretary: 15 days
    /// more); the clocks report a hearing held earlier.
    IcwaNoticeReceived(crate::icwa::NoticeRecipient),
    /// The parent, the Indian custodian or the tribe asked for additional days to prepare for
    /// the next hearing (25 U.S.C. 1912(a)). The Act grants up to 20 on request: a request for
    /// more is recorded as made, and the clocks add at most 20.
    IcwaAdditionalTime {
        /// The additional days asked for (at least 1; the clocks add at most 20).
        days: u32,
    },
    /// The proceeding was transferred to the jurisdiction of the tribe named (25 U.S.C.
    /// 1911(b); 25 CFR 23.115–23.119), which takes placement and care responsibility: the episode
    /// exits, transferred to another agency (AFCARS exit reason).
    IcwaTransferredToTribe(crate::child::Tribe),
    /// The kind of home a placement of the case is in, against the placement preferences
    /// (25 U.S.C. 1915(a), (b)): see [`Preferences::rank`](crate::icwa::Preferences::rank).
    IcwaHomeAssessed {
        /// The placement.
        placement: PlacementId,
        /// Its home.
        home: crate::icwa::IcwaHome,
    },
    /// The court found good cause, on the record, to depart from the placement preferences for
    /// this placement (25 CFR 23.132: clear and convincing evidence).
    IcwaGoodCause {
        /// The placement.
        placement: PlacementId,
    },
    /// The child's tribe set its own order of preference by resolution (25 U.S.C. 1915(c)), for
    /// the placements from this date.
    IcwaTribalPreferences(crate::icwa::Preferences),
    // (issue 10: siblings)
    /// A sibling of the child, or a new record of one (in care or not, the custodian): the
    /// latest record of a sibling's id is the one read. See [`crate::connections`].
    SiblingRecorded(crate::connections::Sibling),
    /// From this date the child is placed with this sibling (SSA §471(a)(31)(A)).
    SiblingsPlacedTogether {
        /// The sibling, as recorded.
        sibling: ChildId,
    },
    /// From this date the child is placed apart from this sibling, with the documented reason
    /// when there is one (SSA §471(a)(31)(A)). Accepted without it; the clocks report it.
    SiblingsSeparated {
        /// The sibling, as recorded.
        sibling: ChildId,
        /// The documented reason.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        reason: Option<crate::connections::SeparationReason>,
    },
    /// The state documents that frequent visitation or other ongoing interaction with this
    /// sibling, placed apart, would be contrary to the safety or well-being of any of the
    /// siblings (SSA §471(a)(31)(B)): the contact a separation owes is waived.
    SiblingContactExcepted {
        /// The sibling, as recorded.
        sibling: ChildId,
    },
    // (issue 10: relatives)
    /// An adult relative identified (SSA §471(a)(29)): to be notified within 30 days of the
    /// removal.
    RelativeIdentified(crate::connections::Relative),
    /// The notice to this relative was given (SSA §471(a)(29)).
    RelativeNotified {
        /// The relative, as identified.
        person: PersonId,
    },
    /// No notice to this relative: family or domestic violence (SSA §471(a)(29): "subject to
    /// exceptions due to family or domestic violence").
    RelativeNoticeExcepted {
        /// The relative, as identified.
        person: PersonId,
    },
    // (issue 10: family time)
    /// The case plan's expected frequency of contact with a parent, sibling or relative: at
    /// least one contact held in every period of `every_days` days from this date, until a new
    /// plan for the same person (0 ends the expectation).
    FamilyTimePlanned {
        /// Whom with.
        with: crate::connections::ContactWith,
        /// The length of each period, in days (7: weekly).
        every_days: u32,
    },
    /// A family-time contact, planned or held, on this date.
    FamilyTimeContact(crate::connections::Contact),
    // (issue 11: the safety indicators)
    /// A report of maltreatment of the child, substantiated or indicated, dated the day the
    /// report was received (the NCANDS report date): the victimization the CFSR safety
    /// indicators count, whoever the perpetrator (CFSR Round 4). Accepted in every stage but
    /// after death — before any removal, in care, after an exit or a close — because recurrence
    /// reads the reports of children at home too. See [`crate::indicators`].
    MaltreatmentReported(Maltreatment),
}

/// The disposition of a maltreatment report that the CFSR counts as a victimization (NCANDS
/// report disposition: substantiated, or indicated / reason to suspect). Unsubstantiated
/// reports are not recorded as this event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum MaltreatmentFinding {
    /// Substantiated: the allegation is supported under state law or policy.
    Substantiated,
    /// Indicated, or reason to suspect: not substantiated, but there is reason to suspect the
    /// child was maltreated or at risk.
    Indicated,
}

crate::codes::code_names! {
    MaltreatmentFinding, "maltreatment finding":
        Substantiated = "substantiated",
        Indicated = "indicated",
}

/// Who maltreated the child, as far as the report says (NCANDS perpetrator relationship,
/// grouped). CFSR Round 4 counts a victimization whoever the perpetrator; the crate records it
/// so a state can also report the Round 3 figure (foster parents and facility staff only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Perpetrator {
    /// A parent (birth, adoptive or step-parent).
    Parent,
    /// Another relative.
    Relative,
    /// A foster parent.
    FosterParent,
    /// Staff of a group home or child-care institution.
    FacilityStaff,
    /// Anyone else.
    Other,
}

crate::codes::code_names! {
    Perpetrator, "perpetrator":
        Parent = "parent",
        Relative = "relative",
        FosterParent = "foster_parent",
        FacilityStaff = "facility_staff",
        Other = "other",
}

/// A substantiated or indicated maltreatment report of the child ([`EventData::MaltreatmentReported`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Maltreatment {
    /// Substantiated or indicated.
    pub finding: MaltreatmentFinding,
    /// Who maltreated the child, when the report says.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub perpetrator: Option<Perpetrator>,
}

impl Maltreatment {
    /// A report with `finding`, the perpetrator not recorded.
    pub fn new(finding: MaltreatmentFinding) -> Maltreatment {
        Maltreatment {
            finding,
            perpetrator: None,
        }
    }

    /// The same report, by `perpetrator`.
    #[must_use]
    pub fn by(mut self, perpetrator: Perpetrator) -> Maltreatment {
        self.perpetrator = Some(perpetrator);
        self
    }
}

/// To whom a child missing from care was reported (SSA §471(a)(35)(B)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum MissingReport {
    /// Law enforcement, for entry into the National Crime Information Center database.
    LawEnforcement,
    /// The National Center for Missing and Exploited Children.
    MissingChildrenCenter,
}

crate::codes::code_names! {
    MissingReport, "missing report":
        LawEnforcement = "law_enforcement",
        MissingChildrenCenter = "missing_children_center",
}

/// A correction of an earlier entry: which one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Correction {
    /// The entry corrected, by the id it was given ([`Event::with_entry_id`]).
    pub entry: EntryId,
    /// Why (a case note: redacted in `Debug`).
    pub reason: Note,
}

impl Correction {
    /// A correction of `entry`, for `reason`.
    pub fn new(entry: EntryId, reason: Note) -> Correction {
        Correction { entry, reason }
    }
}

impl EventKind {
    /// Whether an event of this kind, entered after an exit or a close of its day, begins the
    /// day's next segment (see [`day_rank`](EventKind::day_rank)).
    pub(crate) const fn opens_day_segment(self) -> bool {
        matches!(
            self,
            EventKind::Removal | EventKind::OpenPreservation | EventKind::Reopen
        )
    }

    /// Whether an event of this kind moves the child from one setting to another: into a
    /// placement, onto runaway status and back, into a trial home visit and out of it, into an
    /// adoptive home and out of it. A day may hold several, and the order they were keyed in
    /// need not be the order they happened in (a replay reads them in one that can be).
    pub(crate) const fn moves_child(self) -> bool {
        matches!(
            self,
            EventKind::PlacementBegun
                | EventKind::PlacementChanged
                | EventKind::RanAway
                | EventKind::ReturnedFromRunaway
                | EventKind::TrialHomeVisitBegun
                | EventKind::TrialHomeVisitEnded
                | EventKind::PlacedForAdoption
                | EventKind::AdoptionDisrupted
        )
    }

    /// Whether the event corrects an earlier entry ([`EventData::Voided`],
    /// [`EventData::Amended`], [`EventData::Vacated`], [`EventData::ChildCorrected`]) rather
    /// than state a fact of the case's history.
    pub const fn is_correction(self) -> bool {
        matches!(
            self,
            EventKind::Voided | EventKind::Amended | EventKind::Vacated | EventKind::ChildCorrected
        )
    }

    /// The canonical place of the kind among the events of one day. A case orders its history
    /// by date, then (within a day) by this rank, then by the order of entry: events of one day
    /// may be entered in any order the law does not fix, and the case is the same.
    ///
    /// | rank | events |
    /// |---|---|
    /// | 0 | `family_recorded`: a family is known before anything names it |
    /// | 1 | `reopen`, `open_preservation`, `candidacy_identified`, `prevention_plan_recorded`, `service_provided`: services open before a removal of their day |
    /// | 2 | `removal`: before the placement and the findings it sanctions |
    /// | 3 | what the day's events in care read: `plan_set` (the plan a hearing that day reviews), `sibling_recorded`, `relative_identified` (the sibling or relative a notice, a placement or a separation that day names) |
    /// | 4 | everything else that happens in care — placements, hearings, reviews, notices, parents' rights — in the order entered |
    /// | 5 | the court's findings (`court_finding`) and the records about a placement (`qrtp_assessed`, `qrtp_long_stay_approved`, `icwa_home_assessed`, `icwa_good_cause`, `individual_assessment`): after the placement or visit of their day they name or extend |
    /// | 6 | exits: `discharge`, `adoption_finalized`, `icwa_transferred_to_tribe` |
    /// | 7 | `close` |
    /// | 8 | `death`: nothing follows it |
    ///
    /// Within a rank the order of entry holds: the events in care of one day (a move, then a
    /// hearing) stay in the order given, because there the order is a fact of the case.
    ///
    /// An exit or a close ends a segment of its day: a removal, `open_preservation` or `reopen`
    /// entered after it begins the next — a re-entry, or aftercare, that day — and it, and the
    /// events of that day entered after it, follow the exit, in the order of entry from ranks 0
    /// to 2 (a family recorded after a same-day re-entry follows it). (An event of the ended episode
    /// keyed after its exit, before any such opening, still sorts before the exit.)
    /// Corrections are not part of the dated history (they change it).
    pub const fn day_rank(self) -> u8 {
        use EventKind as K;
        match self {
            K::FamilyRecorded => 0,
            K::Reopen | K::OpenPreservation | K::CandidacyIdentified => 1,
            // supports: a plan and the services of a day come before a removal of that day
            K::PreventionPlanRecorded | K::ServiceProvided => 1,
            K::Removal => 2,
            // what the day's events in care read: the plan a hearing reviews, the sibling or
            // relative a placement, a notice or a separation names
            K::PlanSet | K::SiblingRecorded | K::RelativeIdentified => 3,
            K::PlacementBegun
            | K::PlacementChanged
            | K::RanAway
            | K::ReturnedFromRunaway
            | K::TrialHomeVisitBegun
            | K::TrialHomeVisitEnded
            | K::PlacedForAdoption
            | K::AdoptionDisrupted
            | K::Respite
            | K::PermanencyHearing
            | K::PeriodicReview
            | K::CasePlanCompleted
            | K::RelativesNotified
            | K::TransitionPlanCompleted
            | K::TprPetitionFiled
            | K::TprExceptionDocumented
            | K::ParentalRightsTerminated
            | K::ParentalRightsRelinquished
            | K::ParentDeceased
            | K::CaseworkerVisited
            | K::MissingChildReported
            | K::AbsenceFactorsDetermined
            | K::TraffickingScreened
            | K::AdoptionAssistanceAgreementSigned
            | K::ApplaReviewed
            | K::KinshipConsultation
            | K::ReturnAndAdoptionRuledOut
            // supports: in care, in the order of entry
            | K::ExtendedCareCondition
            | K::ExitDocumentsProvided
            | K::CreditReportObtained
            | K::SchoolEnrolled
            | K::SchoolStabilityConsidered
            | K::CaseConference
            | K::TeamMemberChosen
            | K::TeamMemberRejected
            | K::CaregiverNotified
            | K::ChildConsultedAtHearing
            // icwa
            | K::IcwaStatusDetermined
            | K::IcwaFindings
            | K::IcwaConsent
            | K::IcwaConsentWithdrawn
            | K::IcwaNoticeReceived
            | K::IcwaAdditionalTime
            | K::IcwaTribalPreferences
            | K::SiblingsPlacedTogether
            | K::SiblingsSeparated
            | K::SiblingContactExcepted
            | K::RelativeNotified
            | K::RelativeNoticeExcepted
            | K::FamilyTimePlanned
            | K::FamilyTimeContact
            | K::MaltreatmentReported => 4,
            // records about the day's placements, and the court's findings: they name a
            // placement or a visit begun that day, whatever order the day was keyed in
            K::CourtFinding
            | K::QrtpAssessed
            | K::QrtpLongStayApproved
            | K::QrtpEvidenceSubmitted
            | K::IcwaHomeAssessed
            | K::IcwaGoodCause
            | K::IndividualAssessment => 5,
            K::Discharge | K::AdoptionFinalized | K::IcwaTransferredToTribe => 6,
            K::Close => 7,
            K::Death => 8,
            K::Voided | K::Amended | K::Vacated | K::ChildCorrected => 9,
        }
    }
}

/// The one list of the events that begin a placement, for both borrows of it.
macro_rules! placement_of {
    ($data:expr $(, $mut:ident)?) => {
        match $data {
            EventData::PlacementBegun(p)
            | EventData::PlacementChanged(p)
            | EventData::ReturnedFromRunaway(p)
            | EventData::TrialHomeVisitEnded(p)
            | EventData::PlacedForAdoption(p)
            | EventData::AdoptionDisrupted(p) => Some(p),
            EventData::RanAway(r) => Some(&$($mut)? r.placement),
            EventData::TrialHomeVisitBegun(v) => Some(&$($mut)? v.placement),
            _ => None,
        }
    };
}

impl EventData {
    /// The placement this event begins, if it begins one.
    pub fn new_placement(&self) -> Option<&NewPlacement> {
        placement_of!(self)
    }

    /// The placement this event begins, to share its ids with the case's (never changes a
    /// value).
    pub(crate) fn new_placement_mut(&mut self) -> Option<&mut NewPlacement> {
        placement_of!(self, mut)
    }

    /// The parent this event is about, if any.
    pub fn parent(&self) -> Option<&PersonId> {
        match self {
            EventData::ParentalRightsTerminated { parent }
            | EventData::ParentalRightsRelinquished { parent }
            | EventData::ParentDeceased { parent }
            | EventData::CourtFinding(Finding::ReunificationEffortsNotRequired {
                parent, ..
            }) => Some(parent),
            _ => None,
        }
    }
}

// respite

/// A respite stay (CWPM 1.2B.7; AFCARS and the CFSR do not count respite as a placement setting):
/// the child stays away from the placement in progress from the event's date and is back in it on
/// [`returns`](Respite::returns). It has its own id, and names the respite caregiver's family when
/// recorded. The placement does not end; the stay is never a placement move.
///
/// Always true: the return is after the first day (checked by [`Event::new`]). Whether the stay
/// may be respite (an open ordinary placement, no longer than the policy's
/// [`respite_max_days`](crate::Policy::respite_max_days)) is the case's business.
///
/// On the wire: `{"id": "R-1", "returns": "2024-03-04", "caregiver": "F-2"}`.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use permanency::{Event, EventData, FamilyId, PlacementId, Respite};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// // Friday 2024-03-01 to Monday 2024-03-04: three nights away.
/// let weekend = Respite::new(PlacementId::new("R-1")?, d(2024, 3, 4)).with_caregiver(FamilyId::new("F-2")?);
/// assert_eq!(weekend.nights(d(2024, 3, 1)), 3);
/// assert!(Event::new(d(2024, 3, 1), EventData::Respite(weekend.clone())).is_ok());
/// // A return on the first day is no stay at all.
/// assert!(Event::new(d(2024, 3, 4), EventData::Respite(weekend)).is_err());
/// # Ok::<(), permanency::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Respite {
    id: PlacementId,
    returns: NaiveDate,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    caregiver: Option<FamilyId>,
}

impl Respite {
    /// A respite stay `id`, the child back in the placement on `returns`, with no respite
    /// caregiver recorded.
    pub fn new(id: PlacementId, returns: NaiveDate) -> Respite {
        Respite {
            id,
            returns,
            caregiver: None,
        }
    }

    /// The same stay with the respite caregiver's family.
    #[must_use]
    pub fn with_caregiver(mut self, family: FamilyId) -> Respite {
        self.caregiver = Some(family);
        self
    }

    /// The stay's id.
    pub fn id(&self) -> &PlacementId {
        &self.id
    }

    /// The day the child is back in the placement (the first day not in respite).
    pub fn returns(&self) -> NaiveDate {
        self.returns
    }

    /// The respite caregiver's family, when recorded.
    pub fn caregiver(&self) -> Option<&FamilyId> {
        self.caregiver.as_ref()
    }

    /// The nights away for a stay that begins on `start`: `returns - start` days (0 when the
    /// return is not after it).
    pub fn nights(&self, start: NaiveDate) -> u32 {
        u32::try_from((self.returns - start).num_days()).unwrap_or(0)
    }
}
