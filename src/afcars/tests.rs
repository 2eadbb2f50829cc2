use super::*;
use crate::case::event::{Circumstance, Circumstances, Manner};
use crate::case::stage::ExitReason;
use crate::child::Sex;
use crate::placement::Setting;
use crate::plan::Goal;
use core::fmt::Debug;
use std::collections::HashSet;

/// Every member round-trips through its code and its field, codes and names are unique, an
/// unknown code is refused naming the element and the code, and a blank stays blank.
fn check_codes<T: Copy + Debug + PartialEq + core::hash::Hash + Eq>(
    all: &[T],
    code: fn(T) -> u8,
    from_code: fn(u8) -> Result<T, CodeError>,
    from_field: fn(Option<u8>) -> Result<Option<T>, CodeError>,
    as_str: fn(T) -> &'static str,
    element: &'static str,
) {
    let (mut codes, mut names) = (HashSet::new(), HashSet::new());
    for &x in all {
        assert_eq!(from_code(code(x)), Ok(x), "{x:?}");
        assert_eq!(from_field(Some(code(x))), Ok(Some(x)), "{x:?}");
        assert!(codes.insert(code(x)), "{x:?}: code repeated");
        assert!(names.insert(as_str(x)), "{x:?}: name repeated");
    }
    assert_eq!(from_field(None), Ok(None));
    let unknown = (0..=u8::MAX).find(|c| !codes.contains(c)).unwrap();
    let e = from_code(unknown).unwrap_err();
    assert_eq!(e.element(), element);
    let message = e.to_string();
    assert!(
        message.starts_with(&format!("invalid {element}: expected one of ")),
        "{message}"
    );
    assert!(
        message.ends_with(&format!(", found {unknown}")),
        "{message}"
    );
    assert_eq!(from_field(Some(unknown)), Err(e));
}

macro_rules! check_code_lists {
    ($($ty:ident),+ $(,)?) => {
        $(check_codes($ty::ALL, $ty::code, $ty::from_code, $ty::from_field, $ty::as_str, $ty::ELEMENT);)+
    };
}

#[test]
fn every_code_list_round_trips() {
    check_code_lists!(
        Flag1993,
        PlacementSetting1993,
        OtherLivingArrangement2020,
        CaseGoal1993,
        PermanencyPlan2020,
        ExitReason1993,
        ExitReason2020,
        Manner1993,
        SexCode,
        HispanicOrigin1993,
        Ethnicity2020,
        OutOfState1993,
        Location2020,
        CaretakerFamilyStructure1993,
        FosterFamilyStructure1993,
    );
}

/// The codes of the location and family-structure lists, as the 1993 appendix (E42, E44, E49)
/// and the 2020 rule (E121) give them.
#[test]
fn location_and_family_structure_codes() {
    use crate::placement::Location;
    assert_eq!(
        (OutOfState1993::Yes.code(), OutOfState1993::No.code()),
        (1, 2)
    );
    assert_eq!(
        OutOfState1993::from_location(Location::InState),
        OutOfState1993::No
    );
    assert_eq!(
        OutOfState1993::from_location(Location::OutOfCountry),
        OutOfState1993::Yes
    );
    let codes: Vec<u8> = Location2020::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(codes, [1, 2, 3, 4]);
    // A runaway is 4 wherever the runaway record says it is; 4 reads back as no location.
    assert_eq!(
        Location2020::from_placement(Setting::Runaway, Location::OutOfState),
        Location2020::RunawayOrWhereaboutsUnknown
    );
    assert_eq!(Location2020::RunawayOrWhereaboutsUnknown.location(), None);
    for &l in &[
        Location::InState,
        Location::OutOfState,
        Location::OutOfCountry,
    ] {
        let code = Location2020::from_placement(Setting::NonRelativeFosterHome, l);
        assert_eq!(code.location(), Some(l));
    }
    // E44 has 5 "unable to determine" and no 0; E49 has 0 "not applicable" and no 5.
    assert_eq!(
        CaretakerFamilyStructure1993::from_code(5),
        Ok(CaretakerFamilyStructure1993::UnableToDetermine)
    );
    assert!(CaretakerFamilyStructure1993::from_code(0).is_err());
    assert_eq!(
        FosterFamilyStructure1993::from_code(0),
        Ok(FosterFamilyStructure1993::NotApplicable)
    );
    assert!(FosterFamilyStructure1993::from_code(5).is_err());
    assert_eq!(
        FosterFamilyStructure1993::from_code(3),
        Ok(FosterFamilyStructure1993::SingleFemale)
    );
}

#[test]
fn element_lists_round_trip() {
    let mut seen = HashSet::new();
    for &t in FosterHomeType::ALL {
        assert_eq!(FosterHomeType::from_element(t.element()), Ok(t));
        assert!(seen.insert(t.element()));
    }
    assert_eq!(seen, (114..=119).collect());
    let mut seen = HashSet::new();
    for &r in RemovalReason1993::ALL {
        assert_eq!(RemovalReason1993::from_element(r.element()), Ok(r));
        assert!(seen.insert(r.element()));
    }
    assert_eq!(seen, (26..=40).collect());
    let mut seen = HashSet::new();
    for &c in Circumstance::ALL {
        assert_eq!(Circumstance::from_afcars_element(c.afcars_element()), Ok(c));
        assert!(seen.insert(c.afcars_element()));
    }
    assert_eq!(seen, (72..=105).collect());
    assert_eq!(
        Circumstance::from_afcars_element(71)
            .unwrap_err()
            .to_string()
            .split(": expected")
            .next(),
        Some("invalid circumstance at removal (2020 elements E72–E105)")
    );
    assert_eq!(
        RemovalReason1993::from_element(41).unwrap_err().to_string(),
        "invalid removal reason (1993 elements 26–40): expected one of 26, 27, 28, 29, 30, \
         31, 32, 33, 34, 35, 36, 37, 38, 39, 40, found 41"
    );
}

#[test]
fn names_are_the_snake_case_of_the_variants_and_parse_back() {
    fn snake(camel: &str) -> String {
        let mut out = String::new();
        for (i, c) in camel.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }
    macro_rules! names {
        ($($ty:ident),+) => {$(
            for &x in $ty::ALL {
                assert_eq!(x.as_str(), snake(&format!("{x:?}")), "{x:?}");
                assert_eq!(x.as_str().parse::<$ty>(), Ok(x));
                assert_eq!(x.to_string(), x.as_str());
            }
            assert!("Jane Doe".parse::<$ty>().is_err());
        )+};
    }
    names!(
        Flag1993,
        PlacementSetting1993,
        FosterHomeType,
        OtherLivingArrangement2020,
        CaseGoal1993,
        PermanencyPlan2020,
        ExitReason1993,
        ExitReason2020,
        Manner1993,
        RemovalReason1993,
        SexCode,
        Race1993,
        Race2020,
        HispanicOrigin1993,
        Ethnicity2020,
        ParentRole
    );
}

/// DOMAIN §4.3 and the Appendix A / §1355.44(e) tables, typed out by hand: every setting's
/// CURPLSET, E113 and E114–E119 or E120.
#[test]
fn settings_map_as_the_tables_say() {
    use FosterHomeType as H;
    use OtherLivingArrangement2020 as O;
    use PlacementSetting1993 as P;
    let table: &[(Setting, u8, P, LivingArrangement2020, u8)] = &[
        (
            Setting::NonRelativeFosterHome,
            3,
            P::FosterFamilyNonRelative,
            LivingArrangement2020::FosterFamilyHome(H::LicensedHome),
            0,
        ),
        (
            Setting::RelativeFosterHome,
            2,
            P::FosterFamilyRelative,
            LivingArrangement2020::FosterFamilyHome(H::RelativeHome),
            0,
        ),
        (
            Setting::KinFosterHome,
            3,
            P::FosterFamilyNonRelative,
            LivingArrangement2020::FosterFamilyHome(H::KinHome),
            0,
        ),
        (
            Setting::TherapeuticFosterHome,
            3,
            P::FosterFamilyNonRelative,
            LivingArrangement2020::FosterFamilyHome(H::TherapeuticHome),
            0,
        ),
        (
            Setting::ShelterFosterHome,
            3,
            P::FosterFamilyNonRelative,
            LivingArrangement2020::FosterFamilyHome(H::ShelterCareHome),
            0,
        ),
        (
            Setting::PreAdoptiveHome,
            1,
            P::PreAdoptiveHome,
            LivingArrangement2020::FosterFamilyHome(H::PreAdoptiveHome),
            0,
        ),
        (
            Setting::GroupHomeFamilyOperated,
            4,
            P::GroupHome,
            LivingArrangement2020::Other(O::GroupHomeFamilyOperated),
            1,
        ),
        (
            Setting::GroupHomeStaffOperated,
            4,
            P::GroupHome,
            LivingArrangement2020::Other(O::GroupHomeStaffOperated),
            2,
        ),
        (
            Setting::GroupHomeShelter,
            4,
            P::GroupHome,
            LivingArrangement2020::Other(O::GroupHomeShelterCare),
            3,
        ),
        (
            Setting::ResidentialTreatmentCenter,
            5,
            P::Institution,
            LivingArrangement2020::Other(O::ResidentialTreatmentCenter),
            4,
        ),
        (
            Setting::Qrtp,
            5,
            P::Institution,
            LivingArrangement2020::Other(O::Qrtp),
            5,
        ),
        (
            Setting::ChildCareInstitution,
            5,
            P::Institution,
            LivingArrangement2020::Other(O::ChildCareInstitution),
            6,
        ),
        (
            Setting::ChildCareInstitutionShelter,
            5,
            P::Institution,
            LivingArrangement2020::Other(O::ChildCareInstitutionShelterCare),
            7,
        ),
        (
            Setting::SupervisedIndependentLiving,
            6,
            P::SupervisedIndependentLiving,
            LivingArrangement2020::Other(O::SupervisedIndependentLiving),
            8,
        ),
        (
            Setting::JuvenileJusticeFacility,
            5,
            P::Institution,
            LivingArrangement2020::Other(O::JuvenileJusticeFacility),
            9,
        ),
        (
            Setting::MedicalFacility,
            5,
            P::Institution,
            LivingArrangement2020::Other(O::MedicalOrRehabilitativeFacility),
            10,
        ),
        (
            Setting::PsychiatricHospital,
            5,
            P::Institution,
            LivingArrangement2020::Other(O::PsychiatricHospital),
            11,
        ),
        (
            Setting::Runaway,
            7,
            P::Runaway,
            LivingArrangement2020::Other(O::Runaway),
            12,
        ),
        (
            Setting::WhereaboutsUnknown,
            7,
            P::Runaway,
            LivingArrangement2020::Other(O::WhereaboutsUnknown),
            13,
        ),
        (
            Setting::TrialHomeVisit,
            8,
            P::TrialHomeVisit,
            LivingArrangement2020::Other(O::PlacedAtHome),
            14,
        ),
    ];
    assert_eq!(table.len(), Setting::ALL.len());
    for &(s, c93, p, la, e120) in table {
        assert_eq!((s.afcars_1993_code(), s.afcars_1993()), (c93, p), "{s:?}");
        assert_eq!((s.afcars_2020(), s.afcars_2020_code()), (la, e120), "{s:?}");
        // E113 is "yes" exactly for the foster family homes.
        assert_eq!(la.foster_family_home(), s.is_foster_family_home(), "{s:?}");
        // 2020 both ways: the arrangement is the setting's and reads back as it.
        assert_eq!(la.setting(), s);
        let read = Setting::from_afcars_2020(
            la.foster_family_home(),
            la.home_types(),
            la.other().map(OtherLivingArrangement2020::code),
        );
        assert_eq!(read, Ok(s));
    }
    // 1993 backwards is lossy: the general setting of each code, which reports the code.
    let general = [
        (1, Setting::PreAdoptiveHome),
        (2, Setting::RelativeFosterHome),
        (3, Setting::NonRelativeFosterHome),
        (4, Setting::GroupHomeStaffOperated),
        (5, Setting::ChildCareInstitution),
        (6, Setting::SupervisedIndependentLiving),
        (7, Setting::Runaway),
        (8, Setting::TrialHomeVisit),
    ];
    for (code, s) in general {
        let p = PlacementSetting1993::from_code(code).unwrap();
        assert_eq!(p.setting(), s);
        assert_eq!(s.afcars_1993(), p);
    }
}

#[test]
fn living_arrangements_refuse_impossible_combinations() {
    let relative = FosterHomeTypes::none().with(FosterHomeType::RelativeHome);
    let licensed_relative = relative.with(FosterHomeType::LicensedHome);
    // A licensed relative home is a relative home; a licensed pre-adoptive relative home is a
    // pre-adoptive home (FosterHomeType::PRECEDENCE).
    assert_eq!(
        Setting::from_afcars_2020(true, licensed_relative, None),
        Ok(Setting::RelativeFosterHome)
    );
    assert_eq!(
        Setting::from_afcars_2020(
            true,
            licensed_relative.with(FosterHomeType::PreAdoptiveHome),
            None
        ),
        Ok(Setting::PreAdoptiveHome)
    );
    assert_eq!(
        format!("{licensed_relative:?}"),
        "{LicensedHome, RelativeHome}"
    );
    let message = |r: Result<Setting, CodeError>| r.unwrap_err().to_string();
    assert_eq!(
        message(Setting::from_afcars_2020(true, relative, Some(2))),
        "invalid living arrangement (2020 elements E113–E120): expected a blank E120 for a \
         foster family home (E113 yes), found an E120 code"
    );
    // A foster family home with no type "yes" (E114 licensed "no" among them) is an
    // unlicensed non-relative foster home (45 CFR 1355.20, "regardless of licensure").
    assert_eq!(
        Setting::from_afcars_2020(true, FosterHomeTypes::none(), None),
        Ok(Setting::NonRelativeFosterHome)
    );
    assert_eq!(
        message(Setting::from_afcars_2020(false, relative, Some(2))),
        "invalid living arrangement (2020 elements E113–E120): expected no home type \
         (E114–E119) for another living arrangement (E113 no), found one"
    );
    assert_eq!(
        message(Setting::from_afcars_2020(
            false,
            FosterHomeTypes::none(),
            None
        )),
        "invalid living arrangement (2020 elements E113–E120): expected an E120 code for \
         another living arrangement (E113 no), found a blank"
    );
    assert_eq!(
        message(Setting::from_afcars_2020(
            false,
            FosterHomeTypes::none(),
            Some(0)
        )),
        "invalid other living arrangement type (2020 element E120): expected one of 1, 2, 3, \
         4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, found 0"
    );
    // Every setting's own E113, E114–E119 and E120 codes read back as it, 0 included.
    for &setting in Setting::ALL {
        let (home, types) = match setting.afcars_2020() {
            LivingArrangement2020::FosterFamilyHome(t) => (true, [t].into_iter().collect()),
            LivingArrangement2020::Other(_) => (false, FosterHomeTypes::none()),
        };
        let e120 = Some(setting.afcars_2020_code());
        assert_eq!(
            Setting::from_afcars_2020(home, types, e120).map(|s| s.afcars_2020()),
            Ok(setting.afcars_2020()),
            "{setting:?}"
        );
    }
}

/// DOMAIN §4.3: the exit reasons' DISREASN and E155 codes, and "not applicable".
#[test]
fn exit_reasons_map_as_the_tables_say() {
    let table = [
        (ExitReason::Reunified, 1, 1),
        (ExitReason::LivingWithOtherRelatives, 2, 2),
        (ExitReason::Adopted, 3, 3),
        (ExitReason::Emancipated, 4, 4),
        (ExitReason::Guardianship, 5, 5),
        (ExitReason::TransferredToAnotherAgency, 6, 8),
        (ExitReason::RunawayDischarge, 7, 6),
        (ExitReason::Death, 8, 7),
    ];
    assert_eq!(table.len(), ExitReason::ALL.len());
    for (r, c93, c20) in table {
        assert_eq!(r.afcars_1993().code(), c93, "{r:?}");
        assert_eq!(r.afcars_1993_code(), c93, "{r:?}");
        assert_eq!(r.afcars_2020().code(), c20, "{r:?}");
        assert_eq!(r.afcars_2020_code(), c20, "{r:?}");
        assert_eq!(
            ExitReason1993::from_code(c93).unwrap().exit_reason(),
            Some(r)
        );
        assert_eq!(
            ExitReason2020::from_code(c20).unwrap().exit_reason(),
            Some(r)
        );
        assert_eq!(r.afcars_1993().as_str(), r.as_str());
    }
    assert_eq!(
        ExitReason1993::from_code(0),
        Ok(ExitReason1993::NotApplicable)
    );
    assert_eq!(ExitReason1993::NotApplicable.exit_reason(), None);
    assert_eq!(
        ExitReason2020::from_code(9),
        Ok(ExitReason2020::NotApplicable)
    );
    assert_eq!(ExitReason2020::from_exit(None).code(), 9);
    assert_eq!(ExitReason1993::ALL.len(), 9);
    assert_eq!(ExitReason2020::ALL.len(), 9);
    assert_eq!(
        ExitReason2020::from_code(0).unwrap_err().to_string(),
        "invalid exit reason (2020 element E155): expected one of 1, 2, 3, 4, 5, 8, 6, 7, 9, \
         found 0"
    );
}

/// CASEGOAL and E148, value by value, with the pre-ASFA values that name no goal.
#[test]
fn goals_map_as_the_tables_say() {
    use CaseGoal1993 as C;
    let casegoal = [
        (1, C::Reunify, Some(Goal::Reunification)),
        (
            2,
            C::LiveWithOtherRelatives,
            Some(Goal::FitAndWillingRelative),
        ),
        (3, C::Adoption, Some(Goal::Adoption)),
        (4, C::LongTermFosterCare, None),
        (5, C::Emancipation, None),
        (6, C::Guardianship, Some(Goal::LegalGuardianship)),
        (7, C::NotYetEstablished, None),
    ];
    assert_eq!(casegoal.len(), C::ALL.len());
    for (code, c, goal) in casegoal {
        assert_eq!(C::from_code(code), Ok(c));
        assert_eq!(c.goal(), goal);
        if let Some(g) = goal {
            assert_eq!(g.afcars_1993(), c);
        }
    }
    // APPLA, absent from the 1993 list, is reported as long-term foster care.
    assert_eq!(Goal::Appla.afcars_1993(), C::LongTermFosterCare);
    assert_eq!(C::from_goal(None), C::NotYetEstablished);

    use PermanencyPlan2020 as P;
    let e148 = [
        (1, P::Reunify, Some(Goal::Reunification)),
        (
            2,
            P::LiveWithOtherRelatives,
            Some(Goal::FitAndWillingRelative),
        ),
        (3, P::Adoption, Some(Goal::Adoption)),
        (4, P::Guardianship, Some(Goal::LegalGuardianship)),
        (5, P::PlannedPermanentLivingArrangement, Some(Goal::Appla)),
        (6, P::NotEstablished, None),
    ];
    assert_eq!(e148.len(), P::ALL.len());
    for (code, p, goal) in e148 {
        assert_eq!(P::from_code(code), Ok(p));
        assert_eq!(p.goal(), goal);
        assert_eq!(P::from_goal(goal), p);
    }
    for &g in Goal::ALL {
        assert_eq!(g.afcars_2020().goal(), Some(g));
    }
}

#[test]
fn manner_sex_race_and_ethnicity_map_as_the_tables_say() {
    let manrem = [
        (1, Manner::VoluntaryPlacementAgreement),
        (2, Manner::CourtOrder),
        (3, Manner::Emergency),
    ];
    assert_eq!(manrem.len(), Manner::ALL.len());
    for (code, m) in manrem {
        assert_eq!(Manner1993::from_code(code).unwrap().manner(), m);
        assert_eq!(m.afcars_1993().code(), code);
    }

    assert_eq!(Sex::Male.afcars_code().map(SexCode::code), Some(1));
    assert_eq!(Sex::Female.afcars_code().map(SexCode::code), Some(2));
    // Not recorded is a blank, and a blank reads back as not recorded.
    assert_eq!(Sex::Unknown.afcars_code(), None);
    assert_eq!(Sex::from_afcars(None), Ok(Sex::Unknown));
    assert_eq!(Sex::from_afcars(Some(2)), Ok(Sex::Female));
    assert_eq!(
        Sex::from_afcars(Some(3)).unwrap_err().to_string(),
        "invalid child's sex (1993 element 7 SEX; 2020 45 CFR 1355.44(b)(2)): expected one \
         of 1, 2, found 3"
    );

    let ndacan: Vec<&str> = Race1993::ALL.iter().map(|r| r.label()).collect();
    assert_eq!(
        ndacan,
        [
            "AMIAKN", "ASIAN", "BLKAFRAM", "HAWAIIPI", "WHITE", "UNTODETM"
        ]
    );
    assert_eq!(Race2020::ALL.len(), 8);
    for r in [Race2020::Unknown, Race2020::Abandoned, Race2020::Declined] {
        assert_eq!(r.race_1993(), Race1993::UnableToDetermine);
    }
    assert_eq!(Race2020::White.race_1993(), Race1993::White);
    let hisorgin: Vec<(u8, HispanicOrigin1993)> = Ethnicity2020::ALL
        .iter()
        .map(|e| (e.code(), e.hispanic_origin_1993()))
        .collect();
    assert_eq!(
        hisorgin,
        [
            (1, HispanicOrigin1993::Yes),
            (2, HispanicOrigin1993::No),
            (3, HispanicOrigin1993::UnableToDetermine),
            (4, HispanicOrigin1993::UnableToDetermine),
            (5, HispanicOrigin1993::UnableToDetermine),
        ]
    );
    assert_eq!(
        HispanicOrigin1993::from_code(3).map(|h| h.as_str()),
        Ok("unable_to_determine")
    );
}

/// E26–E40 by hand: the NDACAN names and the 2020 circumstances each is set by.
#[test]
fn removal_reasons_map_as_the_tables_say() {
    use Circumstance as C;
    use RemovalReason1993 as R;
    let table: &[(u8, R, &str, &[C])] = &[
        (26, R::PhysicalAbuse, "PHYABUSE", &[C::PhysicalAbuse]),
        (27, R::SexualAbuse, "SEXABUSE", &[C::SexualAbuse]),
        (
            28,
            R::Neglect,
            "NEGLECT",
            &[C::Neglect, C::MedicalNeglect, C::EducationalNeglect],
        ),
        (
            29,
            R::ParentAlcoholAbuse,
            "AAPARENT",
            &[C::CaregiverAlcoholUse],
        ),
        (30, R::ParentDrugAbuse, "DAPARENT", &[C::CaregiverDrugUse]),
        (31, R::ChildAlcoholAbuse, "AACHILD", &[C::ChildAlcoholUse]),
        (32, R::ChildDrugAbuse, "DACHILD", &[C::ChildDrugUse]),
        (33, R::ChildDisability, "CHILDIS", &[C::DiagnosedCondition]),
        (
            34,
            R::ChildBehaviorProblem,
            "CHBEHPRB",
            &[C::ChildBehaviorProblem],
        ),
        (35, R::DeathOfParent, "PRTSDIED", &[C::DeathOfCaregiver]),
        (
            36,
            R::IncarcerationOfParent,
            "PRTSJAIL",
            &[C::IncarcerationOfCaregiver],
        ),
        (
            37,
            R::CaretakerInabilityToCope,
            "NOCOPE",
            &[
                C::CaregiverPhysicalOrEmotionalImpairment,
                C::CaregiverCognitiveImpairment,
            ],
        ),
        (
            38,
            R::Abandonment,
            "ABANDMNT",
            &[C::Abandonment, C::FailureToReturn],
        ),
        (
            39,
            R::Relinquishment,
            "RELINQSH",
            &[C::VoluntaryRelinquishment],
        ),
        (
            40,
            R::InadequateHousing,
            "HOUSING",
            &[C::InadequateHousing, C::Homelessness],
        ),
    ];
    assert_eq!(table.len(), R::ALL.len());
    for &(element, r, name, circumstances) in table {
        assert_eq!(R::from_element(element), Ok(r));
        assert_eq!(r.ndacan_name(), name);
        assert_eq!(r.circumstances(), circumstances);
        for &c in circumstances {
            let set = RemovalReasons1993::from_circumstances(Circumstances::none().with(c));
            assert!(set.contains(r), "{c:?} sets {r:?}");
            assert_eq!(set.flag(r), Flag1993::Applies);
        }
    }
    // Some 2020 circumstances have no 1993 element.
    let none = Circumstances::none()
        .with(C::Runaway)
        .with(C::DomesticViolence)
        .with(C::SexTrafficking);
    assert_eq!(
        RemovalReasons1993::from_circumstances(none),
        RemovalReasons1993::none()
    );
    assert_eq!(
        RemovalReasons1993::none().flag(R::Neglect),
        Flag1993::DoesNotApply
    );
}

#[test]
fn element_numbers_of_the_circumstances_are_the_tables() {
    use Circumstance as C;
    let some = [
        (C::Runaway, 72),
        (C::WhereaboutsUnknown, 73),
        (C::Neglect, 77),
        (C::Abandonment, 80),
        (C::ChildBehaviorProblem, 91),
        (C::InadequateHousing, 96),
        (C::VoluntaryRelinquishment, 97),
        (C::SexTrafficking, 99),
        (C::EducationalNeglect, 102),
        (C::Homelessness, 105),
    ];
    for (c, e) in some {
        assert_eq!(c.afcars_element(), e, "{c:?}");
    }
    // In element order, one apart.
    for (i, c) in C::ALL.iter().enumerate() {
        assert_eq!(usize::from(c.afcars_element()), 72 + i);
    }
}

#[cfg(feature = "serde")]
#[test]
fn code_lists_serialize_by_name() {
    assert_eq!(
        serde_json::to_value(CaseGoal1993::LongTermFosterCare).unwrap(),
        serde_json::json!("long_term_foster_care")
    );
    assert_eq!(
        serde_json::from_value::<ExitReason2020>(serde_json::json!("not_applicable")).unwrap(),
        ExitReason2020::NotApplicable
    );
    let reasons: RemovalReasons1993 = [RemovalReason1993::Neglect, RemovalReason1993::Abandonment]
        .into_iter()
        .collect();
    let json = serde_json::to_value(reasons).unwrap();
    assert_eq!(json, serde_json::json!(["neglect", "abandonment"]));
    assert_eq!(
        serde_json::from_value::<RemovalReasons1993>(json).unwrap(),
        reasons
    );
    assert_eq!(
        serde_json::to_value(LivingArrangement2020::Other(
            OtherLivingArrangement2020::Qrtp
        ))
        .unwrap(),
        serde_json::json!({"other": "qrtp"})
    );
}
