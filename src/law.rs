//! The law in force on a date: when each federal requirement the crate checks took effect, so
//! that a history is held to the law of its own dates — a 2012 history replays under 2012 law.
//!
//! Each [`Law`] is one enactment (or one part of one with its own date). A rule
//! ([`RuleId::law`](crate::RuleId::law)) and an obligation
//! ([`ObligationKind::law`](crate::ObligationKind::law)) name the law they come from; an event
//! dated before its law took effect is not held to it, and an obligation whose clock starts
//! before is not owed. Where the law let a state delay a requirement, the state's own date is a
//! [`Policy`] value ([`Policy::congregate_care_from`]).
//!
//! ```
//! use chrono::NaiveDate;
//! use permanency::{Policy, law::Law};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! // APPLA is limited to youth of 16 or older from 2015-09-29 (P.L. 113-183 §112).
//! assert!(!Law::Pstsfa.in_force(d(2012, 6, 1), &Policy::federal()));
//! assert!(Law::Pstsfa.in_force(d(2015, 9, 29), &Policy::federal()));
//! // The majority of caseworker visits in the residence: struck from 2025-10-01.
//! assert!(!Law::ResidenceVisits.in_force(d(2025, 10, 1), &Policy::federal()));
//! // A state that delayed the congregate-care limit to 2021-10-01.
//! let delayed = Policy::federal().with_congregate_care_from(d(2021, 10, 1))?;
//! assert!(!Law::CongregateCareLimit.in_force(d(2020, 1, 1), &delayed));
//! # Ok::<(), permanency::Error>(())
//! ```

use chrono::NaiveDate;

use crate::policy::Policy;

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("a valid date"),
    }
}

macro_rules! laws {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $from:expr, $until:expr, $cite:literal; )*) => {
        /// A federal requirement with the dates it was in force.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Law {
            $( $(#[$doc])* $variant, )*
        }

        impl Law {
            /// Every law, in the order of the list.
            pub const ALL: &'static [Law] = &[$(Law::$variant),*];

            /// The snake_case name.
            pub const fn as_str(self) -> &'static str {
                match self { $(Law::$variant => $name,)* }
            }

            /// The date the federal text puts it in force.
            pub const fn federal_effective(self) -> NaiveDate {
                // Each date is built at compile time (`const`): read in the clocks' loops, never
                // recomputed from its year, month and day.
                match self { $(Law::$variant => const { $from },)* }
            }

            /// The first day it is no longer in force, when a later law repealed it.
            pub const fn repealed(self) -> Option<NaiveDate> {
                match self { $(Law::$variant => const { $until },)* }
            }

            /// Where the dates come from.
            pub const fn citation(self) -> &'static str {
                match self { $(Law::$variant => $cite,)* }
            }
        }

        crate::codes::code_names! { @display Law }
        crate::codes::code_names! { @from_str Law, "law": $($variant = $name),* }
    };
}

laws! {
    /// ASFA's clocks: the 12-month permanency hearing, the 15-of-22 petition and its
    /// exceptions, the expedited petitions (abandoned infant, felony grounds), the hearing after
    /// reunification efforts are excused.
    Asfa = "asfa", date(1997, 11, 19), None, "P.L. 105-89 (Adoption and Safe Families Act) §501(a): in force on enactment, 1997-11-19";
    /// The title IV-E eligibility rule: contrary-to-the-welfare in the first order, reasonable
    /// efforts to prevent removal within 60 days and to finalize every 12 months, the 6-month
    /// trial home visit, the 60-day case plan, findings not made nunc pro tunc.
    EligibilityRule = "eligibility_rule", date(2000, 3, 27), None, "45 CFR 1356.21, final rule 65 FR 4020 (2000-01-25): effective 2000-03-27";
    /// A caseworker visit at least every 6 months for a child placed out of state.
    InterstateVisits = "interstate_visits", date(2006, 10, 1), None, "P.L. 109-239 (Safe and Timely Interstate Placement of Foster Children Act of 2006), SSA §475(5)(A)(ii): effective 2006-10-01";
    /// Monthly caseworker visits.
    MonthlyVisits = "monthly_visits", date(2007, 10, 1), None, "P.L. 109-288, SSA §422(b)(17): state standards for monthly visits by 2007-10-01";
    /// The majority of the monthly visits in the child's residence: from fiscal year 2012, until
    /// P.L. 118-258 struck it from 2025-10-01.
    ResidenceVisits = "residence_visits", date(2011, 10, 1), Some(date(2025, 10, 1)), "SSA §424(e)(2) as amended by P.L. 112-34 (from fiscal year 2012); struck by P.L. 118-258 §112(d) from 2025-10-01";
    /// Relative notice within 30 days, kinship guardianship assistance, the 90-day transition
    /// plan, supervised independent living for youth of 18 or older.
    FosteringConnections = "fostering_connections", date(2008, 10, 7), None, "P.L. 110-351 (Fostering Connections to Success and Increasing Adoptions Act): in force on enactment, 2008-10-07";
    /// APPLA only for youth of 16 or older, with its documentation at each permanency hearing;
    /// case planning from 14; the protocols for a child missing from care (the factors behind
    /// the absence, the screening for sex trafficking on return).
    Pstsfa = "pstsfa", date(2015, 9, 29), None, "P.L. 113-183 (Preventing Sex Trafficking and Strengthening Families Act) §§101, 104, 112: one year after enactment, 2015-09-29";
    /// Reporting a missing child to law enforcement and the national center within 24 hours.
    MissingChildReports = "missing_child_reports", date(2016, 9, 29), None, "P.L. 113-183 §104, SSA §471(a)(35)(B): two years after enactment, 2016-09-29";
    /// The Indian Child Welfare Act: notice, active efforts, expert testimony and standards of
    /// evidence, consent, placement preferences, emergency removal.
    Icwa = "icwa", date(1978, 11, 8), None, "P.L. 95-608 (Indian Child Welfare Act of 1978): enacted 1978-11-08 (25 U.S.C. 1901–1963)";
    /// The ICWA regulation, for proceedings begun on or after its date.
    IcwaRule = "icwa_rule", date(2016, 12, 12), None, "25 CFR 23.143 (81 FR 38778): proceedings begun on or after 2016-12-12";
    /// Title IV-E prevention services and their 12-month periods (from the state's
    /// congregate-care date: a state that delayed the limit had no prevention funding meanwhile).
    PreventionServices = "prevention_services", date(2019, 10, 1), None, "P.L. 115-123 §50711 (Family First Prevention Services Act), SSA §471(e): from 2019-10-01, or the state's delayed date";
    /// The congregate-care payment limit and the QRTP requirements (a state could delay them up
    /// to 2021-10-01: [`Policy::congregate_care_from`]).
    CongregateCareLimit = "congregate_care_limit", date(2019, 10, 1), None, "P.L. 115-123 §50746 (Family First), SSA §472(k), §475A(c): from 2019-10-01, or the state's delayed date up to 2021-10-01";
    /// The extended foster care option (SSA §475(8)(B)): title IV-E for youth of 18 to 21.
    ExtendedCare = "extended_care", date(2010, 10, 1), None, "P.L. 110-351 §201 (Fostering Connections), SSA §475(8)(B): from 2010-10-01";
}

impl Law {
    /// The date it took effect under `policy`: the federal date, or the state's delayed date
    /// where the law allowed one.
    pub fn effective(self, policy: &Policy) -> NaiveDate {
        match self {
            Law::CongregateCareLimit | Law::PreventionServices => policy.congregate_care_from(),
            other => other.federal_effective(),
        }
    }

    /// Whether it is in force on `on` under `policy`.
    pub fn in_force(self, on: NaiveDate, policy: &Policy) -> bool {
        on >= self.effective(policy) && self.repealed().is_none_or(|until| on < until)
    }
}

impl crate::ObligationKind {
    /// The law the obligation comes from, when it took effect within the years the crate
    /// reads: no obligation is owed whose clock starts before the law took effect, or that
    /// would be due once it was repealed.
    pub const fn law(self) -> Option<Law> {
        use crate::ObligationKind as K;
        match self {
            K::PermanencyHearing
            | K::HearingNotice
            | K::NoReunificationHearing
            | K::FifteenOfTwentyTwo
            | K::AbandonedInfantPetition
            | K::FelonyPetition => Some(Law::Asfa),
            K::ContraryToWelfare
            | K::PreventRemovalEfforts
            | K::FinalizeEfforts
            | K::CasePlan
            | K::TrialHomeVisitLimit => Some(Law::EligibilityRule),
            K::OutOfStateVisit => Some(Law::InterstateVisits),
            K::CaseworkerVisit => Some(Law::MonthlyVisits),
            K::CaseworkerVisitsInResidence => Some(Law::ResidenceVisits),
            K::RelativeNotice
            | K::KinshipGuardianshipEligibility
            | K::TransitionPlan
            | K::IndependentLivingAge
            | K::SchoolStabilityConsidered
            | K::SchoolChangeReason
            | K::SchoolEnrollment => Some(Law::FosteringConnections),
            K::TransitionServices
            | K::ApplaEligibility
            | K::ApplaHearingDocumentation
            | K::ApplaReviewDocumentation
            | K::AbsenceDebrief
            | K::ExitDocuments
            | K::CreditReport
            | K::YouthConsultation => Some(Law::Pstsfa),
            K::ExtendedCareCondition => Some(Law::ExtendedCare),
            K::MissingChildReport => Some(Law::MissingChildReports),
            K::PreventionPeriod | K::PreventionServiceSpecified | K::PreventionServiceInPeriod => {
                Some(Law::PreventionServices)
            }
            K::IcwaActiveEfforts
            | K::IcwaExpertWitness
            | K::IcwaEvidenceStandard
            | K::IcwaNoticeToParent
            | K::IcwaNoticeToTribe
            | K::IcwaPlacementPreference
            | K::IcwaValidConsent
            | K::IcwaReturnOnWithdrawal => Some(Law::Icwa),
            K::IcwaEmergencyRemoval => Some(Law::IcwaRule),
            K::SiblingSeparation | K::SiblingContact | K::RelativeNoticeEach => {
                Some(Law::FosteringConnections)
            }
            K::QrtpAssessment
            | K::QrtpCourtApproval
            | K::QrtpTransition
            | K::QrtpLongStay
            | K::QrtpOngoingEvidence
            | K::CongregateCareLimit => Some(Law::CongregateCareLimit),
            _ => None,
        }
    }
}

impl crate::RuleId {
    /// The law the rule comes from, when it took effect within the years the crate reads:
    /// an event dated before is not held to it. `None` for the rules of the record itself and
    /// for those in force throughout.
    pub const fn law(self) -> Option<Law> {
        use crate::RuleId as R;
        match self {
            R::ApplaAge => Some(Law::Pstsfa),
            R::IcwaConsentTooEarly
            | R::IcwaConsentNotGiven
            | R::IcwaWithdrawalAfterDecree
            | R::IcwaActiveEfforts
            | R::IcwaExpertWitness
            | R::IcwaEvidenceStandard
            | R::IcwaAdditionalTimeLimit
            | R::IcwaNoticeToParent
            | R::IcwaNoticeToTribe
            | R::IcwaPlacementPreference
            | R::IcwaValidConsent
            | R::IcwaReturnOnWithdrawal => Some(Law::Icwa),
            R::IcwaEmergencyRemoval => Some(Law::IcwaRule),
            R::SiblingSeparation | R::SiblingContact | R::RelativeNoticeEach => {
                Some(Law::FosteringConnections)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_law_has_a_citation_and_a_date_in_range() {
        for law in Law::ALL {
            assert!(!law.citation().is_empty());
            // The oldest is the Indian Child Welfare Act of 1978.
            assert!(law.federal_effective() >= date(1978, 11, 8));
            assert_eq!(law.as_str().parse::<Law>(), Ok(*law));
        }
    }
}
