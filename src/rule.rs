//! The vocabulary of refusals, shared by the rules and the lifecycle: [`RuleId`] with its
//! citation, [`Subject`], [`Violation`], [`Rejection`], and the [`Objection`] a rule function
//! returns before the engine stamps it with its rule id.
//!
//! This module sits below both the rules (`rules/`) and the lifecycle (`case/`): each may use it,
//! it uses neither.

use core::fmt;

use crate::case::event::EventKind;
use crate::case::stage::Stage;
use crate::id::{FamilyId, PersonId, PlacementId};

macro_rules! rule_ids {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $cite:literal; )*) => {
        /// A stable identifier for every rule the crate enforces or computes.
        ///
        /// The snake_case name ([`RuleId::as_str`]) is part of the API and the wire format: rules
        /// may be added, never renamed.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum RuleId {
            $( $(#[$doc])* $variant, )*
        }

        impl RuleId {
            /// Every rule id.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),*];

            /// The stable snake_case name.
            pub const fn as_str(self) -> &'static str {
                match self { $(RuleId::$variant => $name,)* }
            }

            /// The source of the rule: statute, regulation or policy manual, as the crate cites it.
            pub const fn citation(self) -> &'static str {
                match self { $(RuleId::$variant => $cite,)* }
            }
        }

        crate::codes::code_names! { @from_str RuleId, "rule id": $($variant = $name),* }
    };
}

rule_ids! {
    // --- the lifecycle itself
    /// The event has no row in the transition table from the current stage.
    TransitionNotAllowed = "transition_not_allowed", "the lifecycle of 45 CFR 1355.20 (foster care), 1356.21 and the AFCARS exit reasons (45 CFR 1355.44(g))";
    /// Nothing may follow the death of the child.
    ChildDeceased = "child_deceased", "AFCARS exit reason: death of child (45 CFR 1355.44(g); 1993 DISREASN 8)";
    /// Retired: an event dated before the last one is placed at its date and the later events
    /// are re-checked ([`LaterEventRefused`](RuleId::LaterEventRefused) when one would break).
    /// The id stays so that stored refusals still name it.
    EventOutOfOrder = "event_out_of_order", "data integrity: a case is the ordered list of its dated events";
    /// An event entered late (dated before events already in the case), or a correction, would
    /// leave a later event of the history refused.
    LaterEventRefused = "later_event_refused", "data integrity: a case is its dated history; an entry dated earlier, or a correction, is checked with every later event";
    /// A correction names an entry the case does not hold (or one already voided).
    UnknownEntry = "unknown_entry", "data integrity: a correction names the entry it corrects";
    /// Two entries share an id.
    DuplicateEntry = "duplicate_entry", "data integrity: one id per entry";
    /// A correction that cannot apply to the entry it names: a vacated entry that is not a
    /// court order, a court vacating an order before it was made, a correction of another child.
    CorrectionMismatch = "correction_mismatch", "data integrity: a court vacates its own orders (45 CFR 1356.21(d): findings are made in court orders); a case is one child's";
    /// No event precedes the child's birth.
    EventBeforeBirth = "event_before_birth", "data integrity: no event precedes the child's birth";
    /// An event names a family the case does not know.
    UnknownFamily = "unknown_family", "data integrity: every family named is recorded in the case";
    /// A placement id is used twice.
    DuplicatePlacement = "duplicate_placement", "data integrity: one id per placement";
    // --- placements
    /// One placement at a time: a placement begins only when none is open.
    PlacementAlreadyOpen = "placement_already_open", "45 CFR 1355.20 (foster care is one 24-hour substitute-care setting at a time)";
    /// A placement change needs an open ordinary placement, and runaways and visits have their own events.
    PlacementEventMismatch = "placement_event_mismatch", "CWPM 1.2B.7 (runaway and trial home visit are distinct from placement moves)";
    /// A family setting needs a caregiver family of a fitting kind.
    CaregiverKind = "caregiver_kind", "45 CFR 1355.44(e) (foster family home types E114–E119)";
    /// A non-relative foster home without a license in force on the placement date. Not a
    /// refusal: foster care includes a home "regardless of licensure" (45 CFR 1355.20), and the
    /// placement is accepted; only title IV-E payment needs a licensed or approved home, which is
    /// reported by the clocks. The id stays so that stored refusals still name it.
    UnlicensedHome = "unlicensed_home", "SSA §472(c)(1) (licensed or approved foster family home); 45 CFR 1355.20 (foster care regardless of licensure)";
    // --- plans
    /// APPLA only for a child who has attained 16 on the date it is set.
    ApplaAge = "appla_age", "SSA §475(5)(C)(i); SSA §475A(a)";
    // --- parents
    /// The person is not a legal parent of the child.
    NotALegalParent = "not_a_legal_parent", "SSA §475(2) (parents: biological or adoptive parents or legal guardians)";
    /// The parent's rights have already ended (terminated or relinquished), or the parent has
    /// already died. A parent whose rights ended may still die.
    ParentalRightsAlreadyEnded = "parental_rights_already_ended", "45 CFR 1355.44(c) (TPR date per parent)";
    // --- adoption
    /// Placement for adoption and finalization need every legal parent's rights ended.
    ParentalRightsIntact = "parental_rights_intact", "state adoption law; SSA §475(5)(E); 45 CFR 1355.44(c) (TPR date per parent)";
    /// Retired: placement for adoption and finalization were refused unless the plan's goal was
    /// adoption. Federal law makes only APPLA's age and the finalization's ended rights hard
    /// rules of the plan, so both are accepted whatever the recorded goal. The id stays so that
    /// stored refusals still name it.
    GoalNotAdoption = "goal_not_adoption", "SSA §475(5)(C)(i)(II) (placed for adoption under the permanency plan)";
    /// Placement for adoption and finalization need a pre-adoptive home, with a family other
    /// than the birth family (a pre-adoptive or adoptive family, or the foster parents or
    /// relatives who adopt).
    NotAnAdoptiveHome = "not_an_adoptive_home", "45 CFR 1355.44(e) (E118 pre-adoptive home); AFCARS 1993 CURPLSET 1";
    // --- trial home visits
    /// Retired: a trial home visit was refused unless reunification was a goal of the plan in
    /// force. Federal law limits the visit's length, not the plan it serves (45 CFR 1356.21(e)),
    /// so a visit is accepted whatever the recorded goal. The id stays so that stored refusals
    /// still name it.
    VisitGoalNotReunification = "visit_goal_not_reunification", "45 CFR 1356.21(e); CWPM 8.3C.5; SSA §471(a)(15)(F) (concurrent planning)";
    /// A trial home visit is in the home of a parent or legal guardian: a birth family, the
    /// household the removal names, or a family with a legal parent or legal guardian.
    VisitNotWithParents = "visit_not_with_parents", "45 CFR 1356.21(e); SSA §475(2); AFCARS 1993 CURPLSET 8 (trial home visit)";
    /// A return (or a runaway) after a visit that outlived its limit is a new removal, not the
    /// same episode.
    VisitOutlivedLimit = "visit_outlived_limit", "45 CFR 1356.21(e); CWPM 8.3C.5";
    /// A removal during a trial home visit is a re-entry only once the visit outlived its limit.
    VisitWithinLimit = "visit_within_limit", "45 CFR 1356.21(e)";
    /// A court extension of a trial home visit needs a visit under way and a date after its start.
    VisitExtension = "visit_extension", "45 CFR 1356.21(e); CWPM 8.3C.5 (court order extending the visit)";
    // --- discharge
    /// Adoption and death have their own events; a discharge cannot claim them. Retired: the
    /// [`Discharge`](crate::Discharge) payload cannot hold either any more, so no event breaks
    /// it; the id stays so that stored refusals still name it.
    DischargeReason = "discharge_reason", "AFCARS 1993 element 58 / 2020 E155 (exit reasons)";
    /// Emancipation not before the age of majority the policy sets, unless by court order.
    EmancipationAge = "emancipation_age", "SSA §475(8) (a child is under 18, or the state's extended-care age; or is otherwise emancipated)";
    /// Discharge to guardianship needs a caretaker's household, not the legal parents'.
    GuardianshipFamily = "guardianship_family", "SSA §475(7)";
    /// Kinship guardianship assistance only for a relative guardian. Not a refusal: the
    /// guardianship is lawful and accepted; title IV-E kinship guardianship assistance for a
    /// non-relative guardian is not payable, which is reported by the clocks.
    KinshipGuardianRelative = "kinship_guardian_relative", "SSA §473(d)(1)";
    /// Kinship guardianship assistance only after 6 consecutive months in the relative's licensed
    /// home. Not a refusal: the guardianship is lawful and accepted; assistance before the six
    /// months is not title IV-E eligible, which is reported by the clocks.
    KinshipGuardianSixMonths = "kinship_guardian_six_months", "SSA §473(d)(3)(A)(i)(II)";
    // --- Family First candidacy
    /// A child in foster care is not a candidate for foster care: in care only a pregnant or
    /// parenting youth's candidacy is identified.
    CandidateInCare = "candidate_in_care", "SSA §475(13) (candidate: at imminent risk of entering foster care); SSA §471(e)(2)(B) (pregnant or parenting foster youth)";
    // --- respite
    /// Respite needs an open ordinary placement the child returns to.
    RespiteNeedsPlacement = "respite_needs_placement", "CWPM 1.2B.7 (respite is a stay away from the placement, not a placement setting)";
    /// Respite lasts at most the policy's number of nights; a longer stay is a placement change.
    RespiteTooLong = "respite_too_long", "CWPM 1.2B.7; state policy (e.g. Washington DCYF: respite over 14 days is a placement change)";
    // --- records that need context
    /// A QRTP assessment, approval or head-of-agency approval names a placement that is not a QRTP of the case.
    QrtpPlacement = "qrtp_placement", "SSA §475A(c)";
    // --- obligations (the clocks of `Case::obligations`)
    /// Contrary-to-the-welfare finding in the first order sanctioning removal.
    ContraryToWelfare = "contrary_to_welfare", "SSA §472(a)(2)(A)(ii); 45 CFR 1356.21(c)";
    /// Reasonable efforts to prevent removal found within 60 days of removal.
    PreventRemovalEfforts = "prevent_removal_efforts", "SSA §471(a)(15)(B)(i); 45 CFR 1356.21(b)(1)";
    /// Case plan within 60 days of removal.
    CasePlan = "case_plan", "45 CFR 1356.21(g)(2); SSA §475(1)";
    /// Adult relatives notified within 30 days of removal.
    RelativeNotice = "relative_notice", "SSA §471(a)(29)";
    /// Periodic review at least every 6 months.
    PeriodicReview = "periodic_review", "SSA §475(5)(B); SSA §475(6)";
    /// Permanency hearing within 12 months of DEFC and every 12 months after.
    PermanencyHearing = "permanency_hearing", "SSA §475(5)(C)(i); 45 CFR 1356.21(h)";
    /// Reasonable efforts to finalize the permanency plan, within 12 months of DEFC and every 12 months after.
    FinalizeEfforts = "finalize_efforts", "45 CFR 1356.21(b)(2); CWPM 8.3A.9a";
    /// Permanency hearing within 30 days of a finding that reunification efforts are not required.
    NoReunificationHearing = "no_reunification_hearing", "SSA §471(a)(15)(E)(i); 45 CFR 1356.21(h)(2)";
    /// TPR petition by the end of the 15th of the most recent 22 months in care.
    FifteenOfTwentyTwo = "fifteen_of_twenty_two", "SSA §475(5)(E); 45 CFR 1356.21(i)(1)(i)";
    /// TPR petition within 60 days of an abandoned-infant determination.
    AbandonedInfantPetition = "abandoned_infant_petition", "SSA §475(5)(E); 45 CFR 1356.21(i)(1)(ii)";
    /// TPR petition within 60 days of a felony-ground determination.
    FelonyPetition = "felony_petition", "SSA §475(5)(E); 45 CFR 1356.21(i)(1)(iii)";
    /// Best-interest determination within the first 180 days of a voluntary placement.
    VoluntaryPlacement = "voluntary_placement", "SSA §472(e); 45 CFR 1356.22(b)";
    /// A trial home visit ends within 6 months unless a court extends it.
    TrialHomeVisitLimit = "trial_home_visit_limit", "45 CFR 1356.21(e)";
    /// QRTP assessment within 30 days of the placement's start.
    QrtpAssessment = "qrtp_assessment", "SSA §475A(c)(1); SSA §472(k)(3)(A)";
    /// Court approval of a QRTP placement within 60 days of its start.
    QrtpCourtApproval = "qrtp_court_approval", "SSA §475A(c)(2)";
    /// Payment ends 30 days after a QRTP is found inappropriate or disapproved.
    QrtpTransition = "qrtp_transition", "SSA §472(k)(3)(B)";
    /// Head-of-agency approval for long QRTP stays.
    QrtpLongStay = "qrtp_long_stay", "SSA §475A(c)(5)";
    /// Evidence at each status review and permanency hearing while the child remains in a QRTP.
    QrtpOngoingEvidence = "qrtp_ongoing_evidence", "SSA §475A(c)(4)";
    /// No federal payment for a child-care institution beyond two weeks unless a specified setting.
    CongregateCareLimit = "congregate_care_limit", "SSA §472(k)(1)–(2)";
    /// Family First prevention services for at most 12 months from candidacy.
    PreventionPeriod = "prevention_period", "SSA §471(e)(1), (3)";
    /// Transition services in the case plan from age 14.
    TransitionServices = "transition_services", "SSA §475(1)(D); SSA §475(5)(C)(iv)";
    /// APPLA becomes available at 16.
    ApplaEligibility = "appla_eligibility", "SSA §475(5)(C)(i)";
    /// Transition plan in the 90 days before leaving care at majority.
    TransitionPlan = "transition_plan", "SSA §475(5)(H)";
    /// Foster care ends at the age of majority, or the state's extended-care age.
    CareEndAge = "care_end_age", "SSA §475(8)";
    /// Kinship guardianship assistance eligibility: 6 consecutive months in the relative's licensed home.
    KinshipGuardianshipEligibility = "kinship_guardianship_eligibility", "SSA §473(d)(3)(A)(i)–(iv)";
    /// No title IV-E foster care maintenance payment for the days a foster family home holds no
    /// license in force (the child is in foster care regardless of licensure).
    UnlicensedPlacement = "unlicensed_placement", "SSA §472(c)(1); 45 CFR 1355.20 (foster family home; foster care regardless of licensure)";
    /// A youth removed on or after the age care ends (majority, or the state's extended-care age)
    /// is not a title IV-E child; state-funded care is lawful.
    AdultReentry = "adult_reentry", "SSA §475(8)(A)–(B) (child: under 18, or to 19, 20 or 21 where the state extends care)";
    /// A caseworker visit each full calendar month in care.
    CaseworkerVisit = "caseworker_visit", "SSA §424(e)(2)(A); SSA §422(b)(17) (monthly caseworker visits)";
    /// The majority of the monthly visits in the child's residence.
    CaseworkerVisitsInResidence = "caseworker_visits_in_residence", "SSA §424(e)(2)(B); SSA §422(b)(17)";
    /// A caseworker visit at least every 6 months for a child placed out of state.
    OutOfStateVisit = "out_of_state_visit", "SSA §475(5)(A)(ii)";
    /// A missing child reported within 24 hours to law enforcement (NCIC) and to NCMEC.
    MissingChildReport = "missing_child_report", "SSA §471(a)(35)(B)";
    /// On return, the factors of the absence determined and the child screened for sex trafficking.
    AbsenceDebrief = "absence_debrief", "SSA §471(a)(35)(A)(ii), (iv); SSA §471(a)(34)(A)";
    /// The title IV-E adoption assistance agreement signed before the final decree.
    AdoptionAssistanceAgreement = "adoption_assistance_agreement", "45 CFR 1356.40(b)(1); SSA §473(a)";
    /// At each permanency hearing under an APPLA goal: efforts, the child asked, compelling reasons, prudent-parent steps.
    ApplaHearingDocumentation = "appla_hearing_documentation", "SSA §475A(a)(1)–(3); SSA §475(5)(C)(i)";
    /// At each periodic review under an APPLA goal: the reasonable-and-prudent-parent steps.
    ApplaReviewDocumentation = "appla_review_documentation", "SSA §475(5)(B); SSA §475A(a)(3)";
    // --- supports
    /// A title IV-E prevention service is paid only when the prevention plan specified it in advance.
    PreventionServiceSpecified = "prevention_service_specified", "SSA §471(e)(4)(A); SSA §471(e)(1)(A)–(B); SSA §474(a)(6)";
    /// A title IV-E prevention service is paid for not more than the 12-month period that begins when the child is identified.
    PreventionServiceInPeriod = "prevention_service_in_period", "SSA §471(e)(1), (3)";
    /// A youth of 18 or older in extended care is a title IV-E child only in a month a qualifying condition holds.
    ExtendedCareCondition = "extended_care_condition", "SSA §475(8)(B)(iv); SSA §475(8)(B)(i)–(iii)";
    /// A youth leaving care at 18 or older (unless in care under 6 months) receives the documents.
    ExitDocuments = "exit_documents", "SSA §475(5)(I)";
    /// From 14, a copy of the youth's consumer credit report each year in care.
    CreditReport = "credit_report", "SSA §475(5)(I)";
    /// Each placement considers the appropriateness of the current school and its proximity.
    SchoolStabilityConsidered = "school_stability_considered", "SSA §475(1)(G)(i); SSA §471(a)(30)";
    /// A school change in care needs the documented determination that staying was not in the child's best interest.
    SchoolChangeReason = "school_change_reason", "SSA §475(1)(G)(ii)(II); SSA §475(4)(A)";
    /// On a school change in care: immediate enrollment in the new school, with the records provided to it.
    SchoolEnrollment = "school_enrollment", "SSA §475(1)(G)(ii)(II)";
    /// The case plan of a youth of 14 or older is developed in consultation with the youth (and up to two team members the youth chooses).
    YouthConsultation = "youth_consultation", "SSA §475(1)(B); SSA §475(5)(C)(iv)";
    /// Foster parents, pre-adoptive parents and relative caregivers are notified of every review and hearing, with a right to be heard.
    HearingNotice = "hearing_notice", "SSA §475(5)(G)";
    /// At each permanency hearing the court consults the child in an age-appropriate way.
    ChildConsulted = "child_consulted", "SSA §475(5)(C)(iii)";
    // --- icwa
    /// A consent given before or within 10 days after the Indian child's birth is not valid: it
    /// cannot end a parent's rights (refused: a consent, a relinquishment).
    IcwaConsentTooEarly = "icwa_consent_too_early", "25 U.S.C. 1913(a) (consent given prior to, or within ten days after, birth shall not be valid); 25 CFR 23.125(e)";
    /// A withdrawal names a consent the person gave and has not withdrawn.
    IcwaConsentNotGiven = "icwa_consent_not_given", "25 U.S.C. 1913(b), (c) (withdrawal of consent)";
    /// A consent to a termination or an adoption may be withdrawn only before the final decree.
    IcwaWithdrawalAfterDecree = "icwa_withdrawal_after_decree", "25 U.S.C. 1913(c) (withdrawn for any reason at any time prior to the entry of a final decree); 25 CFR 23.128";
    /// Active efforts to prevent the breakup of the Indian family, made and proved unsuccessful,
    /// found for a foster-care placement or a termination; owed with the title IV-E reasonable
    /// efforts, not instead of them. An order without them is open to invalidation.
    IcwaActiveEfforts = "icwa_active_efforts", "25 U.S.C. 1912(d); 25 CFR 23.2, 23.120; invalidation: 25 U.S.C. 1914";
    /// The testimony of a qualified expert witness for a foster-care placement or a termination.
    IcwaExpertWitness = "icwa_expert_witness", "25 U.S.C. 1912(e), (f); 25 CFR 23.121, 23.122; invalidation: 25 U.S.C. 1914";
    /// Clear and convincing evidence for a foster-care placement, evidence beyond a reasonable
    /// doubt for a termination.
    IcwaEvidenceStandard = "icwa_evidence_standard", "25 U.S.C. 1912(e), (f); 25 CFR 23.121; invalidation: 25 U.S.C. 1914";
    /// A request for additional days asks for at least one. (A request for more than the 20 the
    /// Act grants is recorded as made; the clocks add at most 20.)
    IcwaAdditionalTimeLimit = "icwa_additional_time_limit", "25 U.S.C. 1912(a) (up to twenty additional days to prepare); 25 CFR 23.112(a)";
    /// Each parent whose rights the proceeding concerns received notice at least 10 days (plus the
    /// additional days asked for) before a foster-care placement or termination hearing.
    IcwaNoticeToParent = "icwa_notice_to_parent", "25 U.S.C. 1912(a); 25 CFR 23.111, 23.112; invalidation: 25 U.S.C. 1914";
    /// The tribe received notice at least 10 days (plus the additional days asked for) before a
    /// foster-care placement or termination hearing; notice to the Secretary when the tribe is
    /// unknown, 15 days more.
    IcwaNoticeToTribe = "icwa_notice_to_tribe", "25 U.S.C. 1912(a) (the Secretary: 15 days to notify); 25 CFR 23.111, 23.112; invalidation: 25 U.S.C. 1914";
    /// A record about a placement names a placement of the case.
    IcwaPlacementUnknown = "icwa_placement_unknown", "data integrity: a record names a placement of the case";
    /// An Indian child's placement follows the order of preference (the Act's, or the tribe's by
    /// resolution), or the court found good cause on the record to depart from it.
    IcwaPlacementPreference = "icwa_placement_preference", "25 U.S.C. 1915(a)–(c); 25 CFR 23.129–23.132 (good cause on the record, clear and convincing evidence)";
    /// An emergency removal of an Indian child ends, or a proceeding begins, the case is
    /// transferred to the tribe or the child returned, within 30 days.
    IcwaEmergencyRemoval = "icwa_emergency_removal", "25 U.S.C. 1922; 25 CFR 23.113(b), (e) (no longer than 30 days absent specific findings)";
    /// A voluntary foster-care placement or a relinquishment of an Indian child's parent rests on
    /// a consent executed in writing, recorded before a judge and accompanied by the judge's
    /// certificate of explanation and understanding.
    IcwaValidConsent = "icwa_valid_consent", "25 U.S.C. 1913(a); 25 CFR 23.125, 23.126; invalidation: 25 U.S.C. 1914";
    /// A parent or Indian custodian who withdraws consent to a voluntary foster-care placement
    /// has the child returned.
    IcwaReturnOnWithdrawal = "icwa_return_on_withdrawal", "25 U.S.C. 1913(b); 25 CFR 23.127; invalidation: 25 U.S.C. 1914";
    // --- siblings (issue 10)
    /// A sibling arrangement names a sibling the case records, other than the child.
    SiblingUnknown = "sibling_unknown", "data integrity: a sibling is recorded in the child's case before it is named";
    /// Siblings in care placed together, unless the state documents that a joint placement would
    /// be contrary to the safety or well-being of any of them.
    SiblingSeparation = "sibling_separation", "SSA §471(a)(31)(A) (reasonable efforts to place siblings together)";
    /// Siblings in care placed apart have planned, frequent contact: a family-time plan with
    /// the sibling.
    SiblingContact = "sibling_contact", "SSA §471(a)(31)(B) (frequent visitation or other ongoing interaction between separated siblings)";
    // --- relatives (issue 10)
    /// A notice, or its exception, names a relative the case identified.
    RelativeUnknown = "relative_unknown", "data integrity: a relative is identified in the case before a notice names them";
    /// Each adult relative identified notified within 30 days of the removal, unless family or
    /// domestic violence excepts them.
    RelativeNoticeEach = "relative_notice_each", "SSA §471(a)(29) (all adult grandparents, parents of a sibling with custody, other adult relatives; subject to exceptions due to family or domestic violence)";
    /// A relative considered (identified, notified or excepted) before the child is placed with a non-related caregiver.
    RelativeConsidered = "relative_considered", "SSA §471(a)(19) (consider giving preference to an adult relative over a non-related caregiver)";
    // --- family time (issue 10)
    /// A contact held with each person the case plan names, in each period of its expected
    /// frequency.
    FamilyTime = "family_time", "SSA §471(a)(31)(B) (separated siblings: frequent visitation or other ongoing interaction); SSA §475(1)(B) (case plan); the case plan's expected frequency";
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity a violation or an obligation is about. Always an id, never a name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Subject {
    /// A person (parent, relative, caregiver).
    Person(PersonId),
    /// A family.
    Family(FamilyId),
    /// A placement.
    Placement(PlacementId),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Person(p) => write!(f, "person {p}"),
            Subject::Family(x) => write!(f, "family {x}"),
            Subject::Placement(x) => write!(f, "placement {x}"),
        }
    }
}

/// What a rule function found wrong, before the engine names the rule: a plain message and the
/// ids involved. Built only when the rule is broken, so a message is formatted only on refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Objection {
    message: String,
    subjects: Vec<Subject>,
}

impl Objection {
    pub(crate) fn new(message: impl Into<String>) -> Objection {
        Objection {
            message: message.into(),
            subjects: Vec::new(),
        }
    }

    pub(crate) fn about(mut self, subject: Subject) -> Objection {
        self.subjects.push(subject);
        self
    }

    /// The violation of `rule` this objection states: the one place a [`Violation`] is made.
    pub(crate) fn against(self, rule: RuleId) -> Violation {
        Violation {
            rule,
            message: self.message,
            subjects: self.subjects,
        }
    }
}

/// One broken rule: which, why in plain words, where it comes from, and who it is about.
///
/// Messages are lowercase and name ids and dates, never a name or a date of birth.
///
/// On the wire it carries its citation too (derived from the rule, ignored when read back):
/// `{"rule": "appla_age", "message": "...", "citation": "SSA §475(5)(C)(i); SSA §475A(a)",
/// "subjects": []}`.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use permanency::*;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
/// let mut case = Case::new(child, vec![])?;
/// // A discharge before any removal: the table has no such row from intake.
/// let early = Event::new(d(2024, 1, 10), EventData::Discharge(Discharge::reunified()))?;
/// let refused = case.apply(early, &Policy::federal()).unwrap_err();
/// let v = &refused.violations()[0];
/// assert_eq!(v.rule(), RuleId::TransitionNotAllowed);
/// assert_eq!(v.citation(), RuleId::TransitionNotAllowed.citation());
/// assert!(v.message().starts_with("discharge is not allowed in stage intake"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "ViolationWire", from = "ViolationWire")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Violation {
    rule: RuleId,
    message: String,
    subjects: Vec<Subject>,
}

/// A [`Violation`] on the wire: its fields and its citation.
#[cfg(feature = "serde")]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ViolationWire {
    rule: RuleId,
    message: String,
    #[serde(default)]
    citation: Option<std::borrow::Cow<'static, str>>,
    #[serde(default)]
    subjects: Vec<Subject>,
}

#[cfg(feature = "serde")]
impl From<Violation> for ViolationWire {
    fn from(v: Violation) -> ViolationWire {
        ViolationWire {
            citation: Some(std::borrow::Cow::Borrowed(v.rule.citation())),
            rule: v.rule,
            message: v.message,
            subjects: v.subjects,
        }
    }
}

#[cfg(feature = "serde")]
impl From<ViolationWire> for Violation {
    fn from(w: ViolationWire) -> Violation {
        Violation {
            rule: w.rule,
            message: w.message,
            subjects: w.subjects,
        }
    }
}

impl Violation {
    /// The rule broken.
    pub fn rule(&self) -> RuleId {
        self.rule
    }

    /// What is wrong, in plain words.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The rule's source.
    pub fn citation(&self) -> &'static str {
        self.rule.citation()
    }

    /// The people, families and placements involved.
    pub fn subjects(&self) -> &[Subject] {
        &self.subjects
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}]",
            self.rule,
            self.message,
            self.rule.citation()
        )
    }
}

/// Why an event was refused: every violated rule, and what the case would have allowed.
///
/// A rejected event changes nothing: the case is exactly as it was.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use permanency::*;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
/// let mut case = Case::new(child, vec![])?;
/// case.apply(Event::new(d(2024, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &Policy::federal())?;
/// // The case closed while the child is in foster care: refused, with what the stage allows
/// // instead (the exit first).
/// let r = case.apply(Event::new(d(2024, 6, 1), EventData::Close)?, &Policy::federal()).unwrap_err();
/// assert_eq!(r.kind(), EventKind::Close);
/// assert_eq!(r.stage(), Stage::FosterCare);
/// assert!(r.allowed().contains(&EventKind::Discharge));
/// assert_eq!(r.rules().collect::<Vec<_>>(), [RuleId::TransitionNotAllowed]);
/// // Finalized with no adoptive placement: refused for what the decree needs.
/// let r = case.apply(Event::new(d(2024, 6, 1), EventData::AdoptionFinalized)?, &Policy::federal()).unwrap_err();
/// assert!(r.rules().any(|rule| rule == RuleId::NotAnAdoptiveHome));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Rejection {
    kind: EventKind,
    stage: Stage,
    violations: Vec<Violation>,
    allowed: Vec<EventKind>,
}

impl Rejection {
    pub(crate) fn new(
        kind: EventKind,
        stage: Stage,
        violations: Vec<Violation>,
        allowed: Vec<EventKind>,
    ) -> Rejection {
        Rejection {
            kind,
            stage,
            violations,
            allowed,
        }
    }

    /// The kind of the refused event.
    pub fn kind(&self) -> EventKind {
        self.kind
    }

    /// The stage the case was (and still is) in — for an event placed by its date before
    /// events already in the case, the stage at that point of the history.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// Every violated rule, never empty.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The rule ids violated, in order.
    pub fn rules(&self) -> impl Iterator<Item = RuleId> + '_ {
        self.violations.iter().map(Violation::rule)
    }

    /// The event kinds the transition table allows from the current stage.
    pub fn allowed(&self) -> &[EventKind] {
        &self.allowed
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} refused in stage {} ({} violation{})",
            self.kind,
            self.stage,
            self.violations.len(),
            if self.violations.len() == 1 { "" } else { "s" }
        )?;
        for v in &self.violations {
            write!(f, "\n- {v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Rejection {}
