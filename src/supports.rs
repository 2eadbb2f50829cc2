//! The supports around a preservation case: the Family First prevention plan and the services
//! and concrete supports a family receives (SSA §471(e), §475(13)).
//!
//! A [`PreventionPlan`] is the written plan that identifies the child as a candidate for foster
//! care (or the pregnant or parenting youth), names the prevention strategy, and specifies in
//! advance the services it will pay for (SSA §471(e)(4)(A)). A [`Service`] is one service or
//! support delivered, typed by the kinds §471(e)(1) allows or as a concrete or economic support,
//! with its dates, recipient, evidence rating and funding. The case accepts every service; the
//! clocks flag a title IV-E prevention service not specified in advance, or outside the 12-month
//! period, with its payment consequence (see [`ObligationKind::PreventionServiceSpecified`] and
//! [`ObligationKind::PreventionServiceInPeriod`]).
//!
//! [`ObligationKind::PreventionServiceSpecified`]: crate::ObligationKind::PreventionServiceSpecified
//! [`ObligationKind::PreventionServiceInPeriod`]: crate::ObligationKind::PreventionServiceInPeriod

use chrono::NaiveDate;

use crate::case::event::Candidacy;
use crate::sensitive::Sensitive;
use crate::text::Note;

/// Whom a prevention plan identifies (SSA §471(e)(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum PlanFor {
    /// A candidate for foster care (SSA §475(13)).
    Candidate,
    /// A pregnant or parenting foster youth, and the youth's child (SSA §471(e)(2)(B)).
    PregnantOrParentingYouth,
}

crate::codes::code_names! {
    PlanFor, "plan for":
        Candidate = "candidate",
        PregnantOrParentingYouth = "pregnant_or_parenting_youth",
}

impl PlanFor {
    /// The candidacy the plan identifies.
    pub fn candidacy(self) -> Candidacy {
        match self {
            PlanFor::Candidate => Candidacy::FosterCareCandidate,
            PlanFor::PregnantOrParentingYouth => Candidacy::PregnantOrParentingYouth,
        }
    }
}

/// The prevention strategy of a plan (SSA §471(e)(4)(A)(i)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum PreventionStrategy {
    /// The child remains safely at home.
    RemainAtHome,
    /// The child lives temporarily with a kin caregiver until reunification.
    TemporaryKinCare,
    /// The child lives permanently with a kin caregiver.
    PermanentKinCare,
}

crate::codes::code_names! {
    PreventionStrategy, "prevention strategy":
        RemainAtHome = "remain_at_home",
        TemporaryKinCare = "temporary_kin_care",
        PermanentKinCare = "permanent_kin_care",
}

/// The kind of a service or support: the three kinds SSA §471(e)(1) allows, or a concrete or
/// economic support (mostly state-funded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum ServiceKind {
    /// Mental health prevention and treatment by a qualified clinician (SSA §471(e)(1)(A)).
    MentalHealth,
    /// Substance abuse prevention and treatment by a qualified clinician (SSA §471(e)(1)(A)).
    SubstanceUse,
    /// An in-home parent skill-based program (SSA §471(e)(1)(B)).
    InHomeParentSkills,
    /// Concrete support: housing help.
    Housing,
    /// Economic support: cash or emergency funds.
    CashAssistance,
    /// Concrete support: child care.
    ChildCare,
    /// Concrete support: transportation.
    Transportation,
    /// Concrete support: utilities.
    Utilities,
}

crate::codes::code_names! {
    ServiceKind, "service kind":
        MentalHealth = "mental_health",
        SubstanceUse = "substance_use",
        InHomeParentSkills = "in_home_parent_skills",
        Housing = "housing",
        CashAssistance = "cash_assistance",
        ChildCare = "child_care",
        Transportation = "transportation",
        Utilities = "utilities",
}

impl ServiceKind {
    /// Whether SSA §471(e)(1) allows it as a title IV-E prevention service.
    pub const fn is_prevention_service(self) -> bool {
        matches!(
            self,
            ServiceKind::MentalHealth | ServiceKind::SubstanceUse | ServiceKind::InHomeParentSkills
        )
    }

    /// Whether it is a concrete or economic support (housing, cash, child care, transportation,
    /// utilities).
    pub const fn is_concrete_support(self) -> bool {
        !self.is_prevention_service()
    }
}

/// For whom a service is provided (SSA §471(e)(1): the child, a parent, or a kin caregiver).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Recipient {
    /// The child.
    Child,
    /// A parent.
    Parent,
    /// A kin caregiver.
    KinCaregiver,
}

crate::codes::code_names! {
    Recipient, "recipient":
        Child = "child",
        Parent = "parent",
        KinCaregiver = "kin_caregiver",
}

/// The evidence rating the agency records for a service (SSA §471(e)(4)(C)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum EvidenceRating {
    /// A promising practice.
    Promising,
    /// A supported practice.
    Supported,
    /// A well-supported practice.
    WellSupported,
}

crate::codes::code_names! {
    EvidenceRating, "evidence rating":
        Promising = "promising",
        Supported = "supported",
        WellSupported = "well_supported",
}

/// Who pays for a service, as the record says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Funding {
    /// Claimed as a title IV-E prevention service (SSA §474(a)(6)): the clocks check it.
    TitleIvePrevention,
    /// State or local funds.
    State,
    /// Another source (a community or private program, another federal program).
    Other,
}

crate::codes::code_names! {
    Funding, "funding":
        TitleIvePrevention = "title_ive_prevention",
        State = "state",
        Other = "other",
}

/// A Family First prevention plan (SSA §471(e)(4)(A)): whom it identifies, the strategy, and the
/// services it specifies in advance. The event's date is the date the child (or youth) is
/// identified in the plan: it begins a 12-month prevention period, as a
/// [`CandidacyIdentified`](crate::EventData::CandidacyIdentified) does.
///
/// On the wire: `{"for": "candidate", "strategy": "remain_at_home", "services":
/// ["in_home_parent_skills"]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PreventionPlan {
    #[cfg_attr(feature = "serde", serde(rename = "for"))]
    plan_for: PlanFor,
    strategy: PreventionStrategy,
    #[cfg_attr(feature = "serde", serde(default))]
    services: Vec<ServiceKind>,
}

impl PreventionPlan {
    /// A plan identifying `plan_for`, with `strategy`, specifying `services` in advance.
    pub fn new(
        plan_for: PlanFor,
        strategy: PreventionStrategy,
        services: impl IntoIterator<Item = ServiceKind>,
    ) -> PreventionPlan {
        PreventionPlan {
            plan_for,
            strategy,
            services: services.into_iter().collect(),
        }
    }

    /// Whom it identifies.
    pub fn plan_for(&self) -> PlanFor {
        self.plan_for
    }

    /// The prevention strategy.
    pub fn strategy(&self) -> PreventionStrategy {
        self.strategy
    }

    /// The services specified in advance.
    pub fn services(&self) -> &[ServiceKind] {
        &self.services
    }

    /// Whether it specifies `kind`.
    pub fn specifies(&self, kind: ServiceKind) -> bool {
        self.services.contains(&kind)
    }
}

/// One service or support delivered, from the event's date through [`ends`](Service::ends)
/// (its last day; `None` while it goes on).
///
/// Always true: the last day is not before the first (checked by [`Event::new`](crate::Event::new)).
/// The clinical details are [`Sensitive`] (42 CFR part 2 protects substance use records): never
/// in `Debug`, errors or tables.
///
/// On the wire: `{"kind": "mental_health", "ends": "2024-06-30", "recipient": "parent",
/// "rating": "supported", "funding": "title_ive_prevention"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Service {
    kind: ServiceKind,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    ends: Option<NaiveDate>,
    recipient: Recipient,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    rating: Option<EvidenceRating>,
    funding: Funding,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    clinical: Option<Sensitive<Note>>,
}

impl Service {
    /// A service of `kind` for `recipient`, paid by `funding`, still going on, unrated, with no
    /// clinical details.
    pub fn new(kind: ServiceKind, recipient: Recipient, funding: Funding) -> Service {
        Service {
            kind,
            ends: None,
            recipient,
            rating: None,
            funding,
            clinical: None,
        }
    }

    /// The same service, ending on `last_day`.
    #[must_use]
    pub fn ending(mut self, last_day: NaiveDate) -> Service {
        self.ends = Some(last_day);
        self
    }

    /// The same service, with the evidence rating the agency records.
    #[must_use]
    pub fn rated(mut self, rating: EvidenceRating) -> Service {
        self.rating = Some(rating);
        self
    }

    /// The same service, with its clinical details (sensitive).
    #[must_use]
    pub fn with_clinical(mut self, details: Note) -> Service {
        self.clinical = Some(Sensitive::new(details));
        self
    }

    /// The kind.
    pub fn kind(&self) -> ServiceKind {
        self.kind
    }

    /// The last day, when it ended.
    pub fn ends(&self) -> Option<NaiveDate> {
        self.ends
    }

    /// For whom.
    pub fn recipient(&self) -> Recipient {
        self.recipient
    }

    /// The evidence rating, when recorded.
    pub fn rating(&self) -> Option<EvidenceRating> {
        self.rating
    }

    /// Who pays.
    pub fn funding(&self) -> Funding {
        self.funding
    }

    /// The clinical details, when recorded.
    pub fn clinical(&self) -> Option<&Sensitive<Note>> {
        self.clinical.as_ref()
    }

    /// Whether the clocks check it: claimed as a title IV-E prevention service.
    pub fn is_claimed(&self) -> bool {
        self.funding == Funding::TitleIvePrevention
    }
}

/// The condition that keeps a youth of 18 or older in extended foster care a title IV-E "child"
/// (SSA §475(8)(B)(iv)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum QualifyingCondition {
    /// Completing secondary education or a program leading to an equivalent credential (I).
    SecondaryEducation,
    /// Enrolled in post-secondary or vocational education (II).
    PostSecondaryOrVocational,
    /// In a program or activity designed to promote or remove barriers to employment (III).
    EmploymentProgram,
    /// Employed for at least 80 hours a month (IV).
    #[cfg_attr(feature = "serde", serde(rename = "working_80_hours"))]
    Working80Hours,
    /// Incapable of any of these because of a medical condition, documented in the case plan (V).
    MedicalCondition,
}

crate::codes::code_names! {
    QualifyingCondition, "qualifying condition":
        SecondaryEducation = "secondary_education",
        PostSecondaryOrVocational = "post_secondary_or_vocational",
        EmploymentProgram = "employment_program",
        Working80Hours = "working_80_hours",
        MedicalCondition = "medical_condition",
}

/// A youth's qualifying condition in extended care, from the event's date through
/// [`ends`](YouthCondition::ends) (its last day; `None` while it goes on).
///
/// Always true: the last day is not before the first (checked by [`Event::new`](crate::Event::new)).
///
/// On the wire: `{"condition": "working_80_hours", "ends": "2026-05-31"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct YouthCondition {
    condition: QualifyingCondition,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    ends: Option<NaiveDate>,
}

impl YouthCondition {
    /// `condition`, still going on.
    pub fn new(condition: QualifyingCondition) -> YouthCondition {
        YouthCondition {
            condition,
            ends: None,
        }
    }

    /// The same condition, ending on `last_day`.
    #[must_use]
    pub fn ending(mut self, last_day: NaiveDate) -> YouthCondition {
        self.ends = Some(last_day);
        self
    }

    /// The condition.
    pub fn condition(&self) -> QualifyingCondition {
        self.condition
    }

    /// The last day, when it ended.
    pub fn ends(&self) -> Option<NaiveDate> {
        self.ends
    }
}

// ---------------------------------------------------------------------------------------------
// Educational stability (SSA §475(1)(G), §475(4)(A), §471(a)(30))

use crate::text::text_type;

text_type! {
    /// A school, by the agency's (or the education agency's) id.
    SchoolId, field = "school id", max = 64, expected = "1 to 64 characters without control characters or surrounding white space",
    rules = Line, debug = shown
}

/// The child enrolled in a school on the event's date. The first school the case knows is the
/// school of origin; each enrollment in another school while the child is in care is a school
/// change, which needs a documented best-interest reason (SSA §475(1)(G)(ii)(II): staying in the
/// school of origin was not in the child's best interest) and immediate enrollment with the
/// educational records provided to the new school.
///
/// On the wire: `{"school": "S-12", "records_transferred": true, "best_interest": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Enrollment {
    school: SchoolId,
    #[cfg_attr(feature = "serde", serde(default))]
    records_transferred: bool,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    best_interest: Option<Note>,
}

impl Enrollment {
    /// Enrolled in `school`, the records not (yet) transferred, no best-interest reason given.
    pub fn new(school: SchoolId) -> Enrollment {
        Enrollment {
            school,
            records_transferred: false,
            best_interest: None,
        }
    }

    /// The same enrollment, with the educational records provided to the school.
    #[must_use]
    pub fn with_records(mut self) -> Enrollment {
        self.records_transferred = true;
        self
    }

    /// The same enrollment, with the documented reason that staying in the previous school was
    /// not in the child's best interest (a case note: redacted in `Debug`).
    #[must_use]
    pub fn because(mut self, reason: Note) -> Enrollment {
        self.best_interest = Some(reason);
        self
    }

    /// The school.
    pub fn school(&self) -> &SchoolId {
        &self.school
    }

    /// Whether the educational records were provided to the school at enrollment.
    pub fn records_transferred(&self) -> bool {
        self.records_transferred
    }

    /// The documented best-interest reason for leaving the previous school, if given.
    pub fn best_interest(&self) -> Option<&Note> {
        self.best_interest.as_ref()
    }
}

/// One school the child attended: from the day of the enrollment, to the next enrollment (or
/// still, when `until` is `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolStay {
    /// The school.
    pub school: SchoolId,
    /// The day of the enrollment.
    pub from: NaiveDate,
    /// The day of the next enrollment in another school, if any.
    pub until: Option<NaiveDate>,
}

impl crate::Case {
    /// The schools the child attended, in order: each enrollment in another school ends the
    /// stay before it. The first is the school of origin as far as the case knows.
    pub fn schools(&self) -> Vec<SchoolStay> {
        let mut out: Vec<SchoolStay> = Vec::new();
        for e in self.events() {
            let crate::EventData::SchoolEnrolled(en) = e.what() else {
                continue;
            };
            if out.last().is_some_and(|s| s.school == en.school) {
                continue;
            }
            if let Some(last) = out.last_mut() {
                last.until = Some(e.date());
            }
            out.push(SchoolStay {
                school: en.school.clone(),
                from: e.date(),
                until: None,
            });
        }
        out
    }

    /// The school changes of each episode, in episode order: the enrollments, on a day in care
    /// (from the removal to the day before the exit), in a school other than the one the child
    /// attended. Beside the placement moves, a measure of stability in both.
    pub fn school_changes(&self) -> Vec<u32> {
        let episodes = self.episodes();
        let mut counts = vec![0u32; episodes.len()];
        let mut current: Option<&SchoolId> = None;
        for e in self.events() {
            let crate::EventData::SchoolEnrolled(en) = e.what() else {
                continue;
            };
            let changed = current.is_some_and(|c| *c != en.school);
            current = Some(&en.school);
            if !changed {
                continue;
            }
            let on = e.date();
            let n = episodes.partition_point(|ep| ep.removal_date() <= on);
            if let Some(i) = n.checked_sub(1)
                && episodes[i].exit().is_none_or(|x| on < x.date)
            {
                counts[i] += 1;
            }
        }
        counts
    }
}

// ---------------------------------------------------------------------------------------------
// Case planning team and conferences (SSA §475(1)(B), §475(5)(C)(iii)–(iv), §475(5)(G))

/// The kind of a case conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum ConferenceKind {
    /// Case planning (SSA §475(1)).
    CasePlanning,
    /// Permanency planning.
    PermanencyPlanning,
    /// The family and permanency team of a QRTP placement (SSA §475A(c)(1)(B)).
    FamilyAndPermanencyTeam,
    /// Transition planning (SSA §475(5)(H)).
    TransitionPlanning,
}

crate::codes::code_names! {
    ConferenceKind, "conference kind":
        CasePlanning = "case_planning",
        PermanencyPlanning = "permanency_planning",
        FamilyAndPermanencyTeam = "family_and_permanency_team",
        TransitionPlanning = "transition_planning",
}

/// The role in which someone takes part in a conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum ParticipantRole {
    /// A parent.
    Parent,
    /// The child.
    Child,
    /// A relative.
    Relative,
    /// A foster parent (or pre-adoptive parent).
    FosterParent,
    /// The caseworker.
    Caseworker,
    /// The child's tribe.
    Tribe,
    /// An attorney, guardian ad litem or advocate.
    AttorneyOrAdvocate,
    /// A member of the case planning team chosen by the child (SSA §475(5)(C)(iv)).
    ChosenByChild,
}

crate::codes::code_names! {
    ParticipantRole, "participant role":
        Parent = "parent",
        Child = "child",
        Relative = "relative",
        FosterParent = "foster_parent",
        Caseworker = "caseworker",
        Tribe = "tribe",
        AttorneyOrAdvocate = "attorney_or_advocate",
        ChosenByChild = "chosen_by_child",
}

/// A case conference: its kind and who took part, by role.
///
/// On the wire: `{"kind": "case_planning", "participants": ["child", "parent", "caseworker"]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Conference {
    kind: ConferenceKind,
    #[cfg_attr(feature = "serde", serde(default))]
    participants: Vec<ParticipantRole>,
}

impl Conference {
    /// A conference of `kind` with `participants`.
    pub fn new(
        kind: ConferenceKind,
        participants: impl IntoIterator<Item = ParticipantRole>,
    ) -> Conference {
        Conference {
            kind,
            participants: participants.into_iter().collect(),
        }
    }

    /// The kind.
    pub fn kind(&self) -> ConferenceKind {
        self.kind
    }

    /// Who took part, by role.
    pub fn participants(&self) -> &[ParticipantRole] {
        &self.participants
    }

    /// Whether the child took part: the consultation SSA §475(1)(B) and §475(5)(C)(iv) ask for a
    /// youth of 14 or older, in a planning conference.
    pub fn consults_child(&self) -> bool {
        self.kind != ConferenceKind::FamilyAndPermanencyTeam
            && self.participants.contains(&ParticipantRole::Child)
    }
}

impl crate::Case {
    /// The members of the case planning team the child chose (SSA §475(5)(C)(iv)) and the agency
    /// did not reject, as of `on`, in the order chosen. The law allows up to two: a third is
    /// recorded, and listed here, for the agency to resolve.
    pub fn chosen_team_members(&self, on: NaiveDate) -> Vec<crate::PersonId> {
        let mut out: Vec<crate::PersonId> = Vec::new();
        for e in self.events().iter().take_while(|e| e.date() <= on) {
            match e.what() {
                crate::EventData::TeamMemberChosen { member } if !out.contains(member) => {
                    out.push(member.clone());
                }
                crate::EventData::TeamMemberRejected { member, .. } => {
                    out.retain(|m| m != member);
                }
                _ => {}
            }
        }
        out
    }
}

/// The number of case planning team members a youth may choose (SSA §475(5)(C)(iv)).
pub const CHOSEN_TEAM_MEMBER_LIMIT: usize = 2;

/// A member the youth chose beyond the two the law allows: accepted, and flagged for the agency
/// to resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcessTeamMember {
    /// The member chosen past the limit.
    pub member: crate::PersonId,
    /// Where the limit is written.
    pub citation: &'static str,
}

impl crate::Case {
    /// The members of [`chosen_team_members`](crate::Case::chosen_team_members) as of `on` past
    /// the first [`CHOSEN_TEAM_MEMBER_LIMIT`], each flagged with its citation: the law allows up
    /// to two (SSA §475(5)(C)(iv)). A rejection of an earlier member does not make room for
    /// them here unless it comes before `on`: the list is read as of `on`.
    pub fn excess_team_members(&self, on: NaiveDate) -> Vec<ExcessTeamMember> {
        self.chosen_team_members(on)
            .into_iter()
            .skip(CHOSEN_TEAM_MEMBER_LIMIT)
            .map(|member| ExcessTeamMember {
                member,
                citation: "SSA §475(5)(C)(iv) (up to two members chosen by the child)",
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Preservation first, measured

/// The removal circumstances the crate reads as poverty-related: inadequate housing (AFCARS
/// 2020 element E96, 1993 element 40 HOUSING: the only one of the recorded circumstances that
/// names a material need).
pub const POVERTY_RELATED: &[crate::Circumstance] = &[crate::Circumstance::InadequateHousing];

/// A service or support a family received before a removal: its first day, kind and funding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReceivedService {
    /// The first day.
    pub from: NaiveDate,
    /// The kind.
    pub kind: ServiceKind,
    /// Who paid.
    pub funding: Funding,
}

/// What a family received before one removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovalSupports {
    /// The episode the removal began.
    pub episode: u32,
    /// The removal date.
    pub removal: NaiveDate,
    /// The services and supports begun since the previous exit (or the case's start), up to the
    /// removal (one of the removal's day included: they sort before it), in order.
    pub services: Vec<ReceivedService>,
    /// Whether a circumstance of the removal is poverty-related ([`POVERTY_RELATED`]).
    pub poverty_related: bool,
    /// Whether a concrete or economic support was under way on a day of the policy's
    /// [`concrete_support_days`](crate::Policy::concrete_support_days) before the removal (or on
    /// its day).
    pub concrete_support_before: bool,
}

impl RemovalSupports {
    /// A poverty-related removal with no concrete support in the period before it: the question
    /// the preservation-first argument asks.
    pub fn poverty_removal_without_support(&self) -> bool {
        self.poverty_related && !self.concrete_support_before
    }
}

impl crate::Case {
    /// For each removal, in order, the services and supports the family received before it, and
    /// whether it was poverty-related with no concrete support in the policy's
    /// [`concrete_support_days`](crate::Policy::concrete_support_days) before it. One pass over
    /// the history.
    pub fn removal_supports(&self, policy: &crate::Policy) -> Vec<RemovalSupports> {
        let mut out = Vec::new();
        let mut since_exit: Vec<ReceivedService> = Vec::new();
        // The last day a concrete support seen so far was under way (`MAX`: still going on).
        let mut concrete_until: Option<NaiveDate> = None;
        let mut episode = 0u32;
        for e in self.events() {
            match e.what() {
                crate::EventData::ServiceProvided(s) => {
                    since_exit.push(ReceivedService {
                        from: e.date(),
                        kind: s.kind(),
                        funding: s.funding(),
                    });
                    if s.kind().is_concrete_support() {
                        let until = s.ends().unwrap_or(NaiveDate::MAX);
                        concrete_until = Some(concrete_until.map_or(until, |u| u.max(until)));
                    }
                }
                crate::EventData::Removal(r) => {
                    episode += 1;
                    let on = e.date();
                    let window = crate::date::days_before(on, policy.concrete_support_days());
                    out.push(RemovalSupports {
                        episode,
                        removal: on,
                        services: std::mem::take(&mut since_exit),
                        poverty_related: POVERTY_RELATED
                            .iter()
                            .any(|c| r.circumstances.contains(*c)),
                        concrete_support_before: concrete_until.is_some_and(|u| u >= window),
                    });
                }
                crate::EventData::Discharge(_) | crate::EventData::AdoptionFinalized => {
                    since_exit.clear();
                }
                _ => {}
            }
        }
        out
    }
}

/// Over a caseload: the removals, those poverty-related, and those poverty-related with no
/// concrete support in the period before ([`RemovalSupports::poverty_removal_without_support`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PovertyRemovals {
    /// Every removal.
    pub removals: usize,
    /// The poverty-related removals.
    pub poverty_related: usize,
    /// The poverty-related removals with no concrete support before them.
    pub without_concrete_support: usize,
}

/// Counts [`PovertyRemovals`] over `cases` under `policy`.
pub fn poverty_removals<'a>(
    cases: impl IntoIterator<Item = &'a crate::Case>,
    policy: &crate::Policy,
) -> PovertyRemovals {
    let mut n = PovertyRemovals::default();
    for r in cases.into_iter().flat_map(|c| c.removal_supports(policy)) {
        n.removals += 1;
        n.poverty_related += usize::from(r.poverty_related);
        n.without_concrete_support += usize::from(r.poverty_removal_without_support());
    }
    n
}

// ---------------------------------------------------------------------------------------------
// The preservation case's outcome

/// How a preservation case ended: the child remained home, lives with kin, or entered foster care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PreservationOutcome {
    /// The case closed with the child at home.
    RemainedHome,
    /// The case closed with the child living with a kin caregiver: the latest prevention plan of
    /// the period names a kin strategy ([`PreventionStrategy::TemporaryKinCare`] or
    /// [`PreventionStrategy::PermanentKinCare`]).
    LivesWithKin,
    /// A removal ended it: the child entered foster care.
    EnteredFosterCare,
}

crate::codes::code_names! {
    PreservationOutcome, "preservation outcome":
        RemainedHome = "remained_home",
        LivesWithKin = "lives_with_kin",
        EnteredFosterCare = "entered_foster_care",
}

/// One period of in-home (family preservation) services: from the day it opened
/// ([`OpenPreservation`](crate::EventData::OpenPreservation) or
/// [`Reopen`](crate::EventData::Reopen)) to the removal, closure or death that ended it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreservationPeriod {
    /// The day it opened.
    pub opened: NaiveDate,
    /// The day it ended (a removal, a closure, or the child's death); `None` while it goes on.
    pub ended: Option<NaiveDate>,
    /// How it ended; `None` while it goes on, and when the child died.
    pub outcome: Option<PreservationOutcome>,
}

impl crate::Case {
    /// Each preservation period of the history, in order, with its outcome, derived: entered
    /// foster care when a removal ended it; on a closure, lives with kin when the latest
    /// prevention plan recorded in the period names a kin strategy, otherwise remained home (this
    /// crate's reading: the plan's strategy is where the record says where the child lives). One
    /// pass over the history.
    pub fn preservation_outcomes(&self) -> Vec<PreservationPeriod> {
        use crate::EventData as E;
        let mut out = Vec::new();
        let mut open: Option<(NaiveDate, Option<PreventionStrategy>)> = None;
        for e in self.events() {
            match (e.what(), open) {
                (E::OpenPreservation(_) | E::Reopen, None) => open = Some((e.date(), None)),
                (E::PreventionPlanRecorded(p), Some((from, _))) => {
                    open = Some((from, Some(p.strategy())));
                }
                (E::Removal(_) | E::Close | E::Death, Some((opened, strategy))) => {
                    let outcome = match e.what() {
                        E::Removal(_) => Some(PreservationOutcome::EnteredFosterCare),
                        E::Death => None,
                        _ => Some(match strategy {
                            Some(
                                PreventionStrategy::TemporaryKinCare
                                | PreventionStrategy::PermanentKinCare,
                            ) => PreservationOutcome::LivesWithKin,
                            _ => PreservationOutcome::RemainedHome,
                        }),
                    };
                    out.push(PreservationPeriod {
                        opened,
                        ended: Some(e.date()),
                        outcome,
                    });
                    open = None;
                }
                _ => {}
            }
        }
        out.extend(open.map(|(opened, _)| PreservationPeriod {
            opened,
            ended: None,
            outcome: None,
        }));
        out
    }
}

// ---------------------------------------------------------------------------------------------
// The Family First outcome measure (SSA §471(e)(4)(E))

/// Whether a candidate entered foster care during the 12-month prevention period, or during the
/// 12 months after it, as far as the date asked shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PreventionMeasure {
    /// Not known yet: no removal so far, and the 24 months are not over.
    Pending,
    /// Entered foster care on this day, within the prevention period.
    EnteredDuringPeriod(NaiveDate),
    /// Entered foster care on this day, within the 12 months after the prevention period.
    EnteredAfterPeriod(NaiveDate),
    /// Did not enter foster care in the 24 months.
    DidNotEnter,
}

/// The outcome measure of one prevention period: the child identified as a candidate on
/// [`identified`](Self::identified), the 12-month period through the day before
/// [`period_ends`](Self::period_ends), the following 12 months through the day before
/// [`follow_up_ends`](Self::follow_up_ends).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CandidateOutcome {
    /// The day the child was identified as a candidate: the period's first day.
    pub identified: NaiveDate,
    /// The first day after the 12-month period (the policy's
    /// [`prevention_months`](crate::Policy::prevention_months)).
    pub period_ends: NaiveDate,
    /// The first day after the 12 months that follow the period.
    pub follow_up_ends: NaiveDate,
    /// What the history shows as of the date asked.
    pub measure: PreventionMeasure,
}

/// Over a caseload, as of a date: the prevention periods measured, and how many are pending,
/// entered foster care during the period, entered in the 12 months after it, or did not enter
/// (SSA §471(e)(4)(E)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PreventionMeasureCounts {
    /// Every prevention period of a child not in care when identified.
    pub periods: usize,
    /// Not known yet.
    pub pending: usize,
    /// Entered foster care within the prevention period.
    pub entered_during_period: usize,
    /// Entered foster care within the 12 months after it.
    pub entered_after_period: usize,
    /// Did not enter foster care in the 24 months.
    pub did_not_enter: usize,
}

/// Counts [`PreventionMeasureCounts`] over `cases` as of `as_of` under `policy`.
pub fn prevention_measure_counts<'a>(
    cases: impl IntoIterator<Item = &'a crate::Case>,
    as_of: NaiveDate,
    policy: &crate::Policy,
) -> PreventionMeasureCounts {
    let mut n = PreventionMeasureCounts::default();
    for o in cases
        .into_iter()
        .flat_map(|c| c.prevention_measures(as_of, policy))
    {
        n.periods += 1;
        match o.measure {
            PreventionMeasure::Pending => n.pending += 1,
            PreventionMeasure::EnteredDuringPeriod(_) => n.entered_during_period += 1,
            PreventionMeasure::EnteredAfterPeriod(_) => n.entered_after_period += 1,
            PreventionMeasure::DidNotEnter => n.did_not_enter += 1,
        }
    }
    n
}

// ---------------------------------------------------------------------------------------------
// Individualized assessments

/// What an individual assessment decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum AssessmentKind {
    /// A QRTP placement, by a qualified individual (SSA §475A(c)(1)): the QRTP clocks read it.
    Qrtp,
    /// A setting for a pregnant or parenting youth (SSA §472(k)(2)(A)).
    PregnantOrParentingSetting,
    /// The child's treatment plan.
    TreatmentPlan,
}

crate::codes::code_names! {
    AssessmentKind, "assessment kind":
        Qrtp = "qrtp",
        PregnantOrParentingSetting = "pregnant_or_parenting_setting",
        TreatmentPlan = "treatment_plan",
}

/// An individual assessment of the child: what it decides, who made it, what it found, and the
/// placement it is for (the link the placement's clocks read). The details are [`Sensitive`].
///
/// On the wire: `{"kind": "qrtp", "assessor": "P-QI", "finding": "appropriate", "placement":
/// "Q-1"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Assessment {
    kind: AssessmentKind,
    assessor: crate::PersonId,
    finding: crate::QrtpAssessment,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    placement: Option<crate::PlacementId>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    details: Option<Sensitive<Note>>,
}

impl Assessment {
    /// An assessment of `kind` by `assessor`, finding the setting or plan appropriate or not.
    pub fn new(
        kind: AssessmentKind,
        assessor: crate::PersonId,
        finding: crate::QrtpAssessment,
    ) -> Assessment {
        Assessment {
            kind,
            assessor,
            finding,
            placement: None,
            details: None,
        }
    }

    /// The same assessment, for `placement`.
    #[must_use]
    pub fn for_placement(mut self, placement: crate::PlacementId) -> Assessment {
        self.placement = Some(placement);
        self
    }

    /// The same assessment, with its details (sensitive).
    #[must_use]
    pub fn with_details(mut self, details: Note) -> Assessment {
        self.details = Some(Sensitive::new(details));
        self
    }

    /// What it decides.
    pub fn kind(&self) -> AssessmentKind {
        self.kind
    }

    /// Who made it.
    pub fn assessor(&self) -> &crate::PersonId {
        &self.assessor
    }

    /// What it found.
    pub fn finding(&self) -> crate::QrtpAssessment {
        self.finding
    }

    /// The placement it is for, if any.
    pub fn placement(&self) -> Option<&crate::PlacementId> {
        self.placement.as_ref()
    }

    /// The details, when recorded.
    pub fn details(&self) -> Option<&Sensitive<Note>> {
        self.details.as_ref()
    }

    /// The QRTP placement it assesses, for a QRTP assessment.
    pub fn qrtp_placement(&self) -> Option<&crate::PlacementId> {
        self.placement
            .as_ref()
            .filter(|_| self.kind == AssessmentKind::Qrtp)
    }
}

impl crate::Case {
    /// The individual assessments of placement `placement`, with their dates, in the order of
    /// the dated history: the link from a placement to the assessments that decided it (a QRTP
    /// stay, a setting for a pregnant or parenting youth, a treatment plan). The QRTP clocks read
    /// the same link.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use permanency::*;
    /// use permanency::supports::{Assessment, AssessmentKind};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2010, 5, 4), Sex::Male)?;
    /// let p = Policy::federal();
    /// let mut case = Case::new(child, vec![])?;
    /// case.apply(Event::new(d(2024, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &p)?;
    /// let q = NewPlacement::new(PlacementId::new("Q-1")?, Setting::Qrtp, None)?;
    /// case.apply(Event::new(d(2024, 1, 10), EventData::PlacementBegun(q))?, &p)?;
    /// let a = Assessment::new(AssessmentKind::Qrtp, PersonId::new("P-QI")?, QrtpAssessment::Appropriate)
    ///     .for_placement(PlacementId::new("Q-1")?);
    /// case.apply(Event::new(d(2024, 2, 1), EventData::IndividualAssessment(a))?, &p)?;
    /// let found = case.placement_assessments(&PlacementId::new("Q-1")?);
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].0, d(2024, 2, 1));
    /// assert_eq!(found[0].1.assessor().as_str(), "P-QI");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn placement_assessments(
        &self,
        placement: &crate::PlacementId,
    ) -> Vec<(chrono::NaiveDate, &Assessment)> {
        self.events()
            .iter()
            .filter_map(|e| match e.what() {
                crate::EventData::IndividualAssessment(a) if a.placement() == Some(placement) => {
                    Some((e.date(), a))
                }
                _ => None,
            })
            .collect()
    }
}
