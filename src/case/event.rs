//! [`Event`]: one dated fact of a case, and [`EventKind`], what the transition table matches.

use core::fmt;

use chrono::NaiveDate;

use crate::date;
use crate::error::Error;
use crate::family::Family;
use crate::id::{FamilyId, PersonId, PlacementId};
use crate::placement::NewPlacement;
use crate::plan::Goals;

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
    serde(try_from = "EventRecord")
)]
pub struct Event {
    date: NaiveDate,
    what: EventData,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EventRecord {
    date: NaiveDate,
    what: EventData,
}

#[cfg(feature = "serde")]
impl TryFrom<EventRecord> for Event {
    type Error = Error;
    fn try_from(r: EventRecord) -> Result<Self, Error> {
        Event::new(r.date, r.what)
    }
}

impl Event {
    /// The event `what`, on `date`.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] when the date, or a date the event carries (the last day of a
    /// court's visit extension), lies outside 1900–2199.
    pub fn new(date: NaiveDate, what: EventData) -> Result<Event, Error> {
        date::check_range("event date", date)?;
        if let EventData::CourtFinding(Finding::VisitExtended { until }) = &what {
            date::check_range("visit extension", *until)?;
        }
        Ok(Event { date, what })
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

    /// The kind, for the transition table.
    pub fn kind(&self) -> EventKind {
        self.what.kind()
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
pub enum Candidacy {
    /// Services without a Family First prevention plan.
    #[default]
    NotCandidate,
    /// A candidate for foster care at imminent risk of entering it (SSA §475(13)).
    FosterCareCandidate,
    /// A pregnant or parenting foster youth (SSA §471(e)(2)(B)).
    PregnantOrParentingYouth,
}

/// The legal authority for a removal (AFCARS 1993 element 25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
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

macro_rules! circumstances {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// A child or family circumstance at removal (AFCARS 2020 E72–E105, 45 CFR 1355.44(d)).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
        #[non_exhaustive]
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
        }
    };
}

circumstances! {
    /// E72.
    Runaway = "runaway",
    /// E73.
    WhereaboutsUnknown = "whereabouts_unknown",
    /// E74.
    PhysicalAbuse = "physical_abuse",
    /// E75.
    SexualAbuse = "sexual_abuse",
    /// E76.
    PsychologicalOrEmotionalAbuse = "psychological_or_emotional_abuse",
    /// E77.
    Neglect = "neglect",
    /// E78.
    MedicalNeglect = "medical_neglect",
    /// E79.
    DomesticViolence = "domestic_violence",
    /// E80.
    Abandonment = "abandonment",
    /// E81.
    FailureToReturn = "failure_to_return",
    /// E82.
    CaregiverAlcoholUse = "caregiver_alcohol_use",
    /// E83.
    CaregiverDrugUse = "caregiver_drug_use",
    /// E84.
    ChildAlcoholUse = "child_alcohol_use",
    /// E85.
    ChildDrugUse = "child_drug_use",
    /// E86.
    PrenatalAlcoholExposure = "prenatal_alcohol_exposure",
    /// E87.
    PrenatalDrugExposure = "prenatal_drug_exposure",
    /// E88.
    DiagnosedCondition = "diagnosed_condition",
    /// E89.
    InadequateAccessToMentalHealthServices = "inadequate_access_to_mental_health_services",
    /// E90.
    InadequateAccessToMedicalServices = "inadequate_access_to_medical_services",
    /// E91.
    ChildBehaviorProblem = "child_behavior_problem",
    /// E92.
    DeathOfCaregiver = "death_of_caregiver",
    /// E93.
    IncarcerationOfCaregiver = "incarceration_of_caregiver",
    /// E94.
    CaregiverPhysicalOrEmotionalImpairment = "caregiver_physical_or_emotional_impairment",
    /// E95.
    CaregiverCognitiveImpairment = "caregiver_cognitive_impairment",
    /// E96.
    InadequateHousing = "inadequate_housing",
    /// E97.
    VoluntaryRelinquishment = "voluntary_relinquishment",
    /// E98.
    ChildRequestedPlacement = "child_requested_placement",
    /// E99.
    SexTrafficking = "sex_trafficking",
    /// E100.
    ParentalImmigrationDetainmentOrDeportation = "parental_immigration_detainment_or_deportation",
    /// E101.
    FamilyConflictOverSexualOrientationOrGender = "family_conflict_over_sexual_orientation_or_gender",
    /// E102.
    EducationalNeglect = "educational_neglect",
    /// E103.
    PublicAgencyTitleIveAgreement = "public_agency_title_ive_agreement",
    /// E104.
    TribalTitleIveAgreement = "tribal_title_ive_agreement",
    /// E105.
    Homelessness = "homelessness",
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
pub enum PreventionEfforts {
    /// Reasonable efforts were made.
    Made,
    /// Reasonable efforts were not made.
    NotMade,
    /// Reasonable efforts were not required (an emergency, or §471(a)(15)(D) circumstances).
    NotRequired,
}

/// A judicial determination that is either made or refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Determination {
    /// The court found it.
    Made,
    /// The court found it was not.
    NotMade,
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

/// A court finding: a recorded fact the clocks read. Findings never change the stage.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
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
pub enum QrtpAssessment {
    /// The QRTP is the most effective, least restrictive setting.
    Appropriate,
    /// The child's needs can be met in a family setting.
    NotAppropriate,
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
pub enum TprException {
    /// A compelling reason, documented in the case plan, why filing is not in the child's best
    /// interests.
    CompellingReason,
    /// The state has not provided the services its case plan deemed necessary for safe return.
    ServicesNotProvided,
}

/// Kinship guardianship assistance with a discharge to guardianship (SSA §473(d)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum GuardianshipAssistance {
    /// No assistance agreement.
    #[default]
    None,
    /// A kinship guardianship assistance (KinGAP) agreement.
    Kinship,
}

/// A discharge from foster care: the episode ends for `reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Discharge {
    /// Why the episode ends. Adoption ends through
    /// [`AdoptionFinalized`](EventData::AdoptionFinalized) and death through
    /// [`Death`](EventData::Death).
    pub reason: ExitReason,
    /// The family the child leaves to (parents, relatives, guardian), when recorded.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub to: Option<FamilyId>,
    /// Guardianship assistance, for a discharge to guardianship.
    #[cfg_attr(feature = "serde", serde(default))]
    pub assistance: GuardianshipAssistance,
}

impl Discharge {
    /// A discharge for `reason`, to no recorded family, with no assistance.
    pub fn new(reason: ExitReason) -> Discharge {
        Discharge {
            reason,
            to: None,
            assistance: GuardianshipAssistance::None,
        }
    }

    /// The same discharge to `family`.
    #[must_use]
    pub fn to_family(mut self, family: FamilyId) -> Discharge {
        self.to = Some(family);
        self
    }

    /// The same discharge with kinship guardianship assistance.
    #[must_use]
    pub fn with_kinship_assistance(mut self) -> Discharge {
        self.assistance = GuardianshipAssistance::Kinship;
        self
    }
}

macro_rules! event_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// The kind of an [`Event`], without its facts: what the transition table matches on.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
        #[non_exhaustive]
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
    /// [`EventData::Close`].
    Close = "close",
    /// [`EventData::Reopen`].
    Reopen = "reopen",
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
pub enum EventData {
    /// A family enters the case, or a recorded family changes (a new licence, a new member, a
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
    /// The child ran away (setting [`Runaway`](crate::Setting::Runaway) or
    /// [`WhereaboutsUnknown`](crate::Setting::WhereaboutsUnknown)) while still in care.
    RanAway(NewPlacement),
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
    /// A petition to terminate parental rights was filed or joined (SSA §475(5)(E)).
    TprPetitionFiled,
    /// The agency documented an exception to the 15-of-22 filing requirement.
    TprExceptionDocumented(TprException),
    /// A court terminated this parent's rights.
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
    TrialHomeVisitBegun(NewPlacement),
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
    /// The case is closed.
    Close,
    /// A closed case is reopened for in-home services.
    Reopen,
}

/// The one list of the events that begin a placement, for both borrows of it.
macro_rules! placement_of {
    ($data:expr) => {
        match $data {
            EventData::PlacementBegun(p)
            | EventData::PlacementChanged(p)
            | EventData::RanAway(p)
            | EventData::ReturnedFromRunaway(p)
            | EventData::TrialHomeVisitBegun(p)
            | EventData::TrialHomeVisitEnded(p)
            | EventData::PlacedForAdoption(p)
            | EventData::AdoptionDisrupted(p) => Some(p),
            _ => None,
        }
    };
}

impl EventData {
    /// The kind.
    pub fn kind(&self) -> EventKind {
        match self {
            EventData::FamilyRecorded(_) => EventKind::FamilyRecorded,
            EventData::OpenPreservation(_) => EventKind::OpenPreservation,
            EventData::CandidacyIdentified(_) => EventKind::CandidacyIdentified,
            EventData::Removal(_) => EventKind::Removal,
            EventData::PlacementBegun(_) => EventKind::PlacementBegun,
            EventData::PlacementChanged(_) => EventKind::PlacementChanged,
            EventData::RanAway(_) => EventKind::RanAway,
            EventData::ReturnedFromRunaway(_) => EventKind::ReturnedFromRunaway,
            EventData::PlanSet(_) => EventKind::PlanSet,
            EventData::CourtFinding(_) => EventKind::CourtFinding,
            EventData::PermanencyHearing => EventKind::PermanencyHearing,
            EventData::PeriodicReview => EventKind::PeriodicReview,
            EventData::CasePlanCompleted => EventKind::CasePlanCompleted,
            EventData::RelativesNotified => EventKind::RelativesNotified,
            EventData::TransitionPlanCompleted => EventKind::TransitionPlanCompleted,
            EventData::QrtpAssessed { .. } => EventKind::QrtpAssessed,
            EventData::QrtpLongStayApproved { .. } => EventKind::QrtpLongStayApproved,
            EventData::TprPetitionFiled => EventKind::TprPetitionFiled,
            EventData::TprExceptionDocumented(_) => EventKind::TprExceptionDocumented,
            EventData::ParentalRightsTerminated { .. } => EventKind::ParentalRightsTerminated,
            EventData::ParentalRightsRelinquished { .. } => EventKind::ParentalRightsRelinquished,
            EventData::ParentDeceased { .. } => EventKind::ParentDeceased,
            EventData::TrialHomeVisitBegun(_) => EventKind::TrialHomeVisitBegun,
            EventData::TrialHomeVisitEnded(_) => EventKind::TrialHomeVisitEnded,
            EventData::PlacedForAdoption(_) => EventKind::PlacedForAdoption,
            EventData::AdoptionDisrupted(_) => EventKind::AdoptionDisrupted,
            EventData::AdoptionFinalized => EventKind::AdoptionFinalized,
            EventData::Discharge(_) => EventKind::Discharge,
            EventData::Death => EventKind::Death,
            EventData::Close => EventKind::Close,
            EventData::Reopen => EventKind::Reopen,
        }
    }

    /// The placement this event begins, if it begins one.
    pub fn new_placement(&self) -> Option<&NewPlacement> {
        placement_of!(self)
    }

    /// The placement this event begins, to share its ids with the case's (never changes a
    /// value).
    pub(crate) fn new_placement_mut(&mut self) -> Option<&mut NewPlacement> {
        placement_of!(self)
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
