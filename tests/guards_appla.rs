//! The APPLA guard (`src/rules/appla.rs`): APPLA, as the primary or the concurrent goal, only for
//! a child who has attained 16 (or the state's APPLA age) on the date it is set.
//!
//! Each rule is refused with real dates (the exact rule ids and the exact message, the arithmetic
//! beside the expected value), next to the nearest history that is accepted; `common::refuse`
//! proves that a refused event leaves the case as it was. The cast (the child, F-BIRTH, F-REL,
//! F-FOSTER, F-ADOPT, F-GUARD) and the event builders are in `tests/common/mod.rs`.
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::date::LeapDayBirthday;
use permanency::*;

// ================================================================================================
// APPLA

#[test]
fn appla_the_day_before_the_16th_birthday_is_refused() {
    // Born 2008-09-30: attains 16 on 2024-09-30 (DOMAIN.md §0.3 example).
    let born = d(2008, 9, 30);
    let mut case = Case::new(child_born(born), all_families()).unwrap();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);

    let r = refuse(&mut case, appla(d(2024, 9, 29)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::ApplaAge]);
    assert_eq!(
        message(&r, 0),
        "appla needs a child who has attained 16 on 2024-09-29, found a younger child"
    );
    assert!(!message(&r, 0).contains("2008-09-30"));

    // APPLA as the concurrent goal is refused as well.
    let concurrent = Goals::new(Goal::Reunification, Some(Goal::Appla), Some(appla_doc()));
    let r = refuse(
        &mut case,
        ev(d(2024, 9, 29), EventData::PlanSet(concurrent.unwrap())),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ApplaAge]);

    accept(&mut case, appla(d(2024, 9, 30)), &FEDERAL);
    assert_eq!(case.current_plan().unwrap().primary_goal(), Goal::Appla);
    assert_eq!(case.current_plan().unwrap().established(), d(2024, 9, 30));
}

#[test]
fn appla_for_a_leap_day_birthday_follows_the_policy() {
    // Born 2008-02-29. Sixteen years later is always a leap year (before 2100), so the 16th
    // birthday is 2024-02-29 whatever the switch.
    let born = d(2008, 2, 29);
    let march1 = Policy::federal().with_leap_day_birthday(LeapDayBirthday::March1);
    for policy in [&FEDERAL, &march1] {
        let mut case = Case::new(child_born(born), all_families()).unwrap();
        accept(&mut case, removal(d(2024, 1, 10)), policy);
        let r = refuse(&mut case, appla(d(2024, 2, 28)), policy);
        assert_eq!(rules(&r), [RuleId::ApplaAge]);
        assert_eq!(
            message(&r, 0),
            "appla needs a child who has attained 16 on 2024-02-28, found a younger child"
        );
        accept(&mut case, appla(d(2024, 2, 29)), policy);
    }

    // A state with an APPLA age of 17: the 17th birthday falls in a common year, 2025.
    let feb28 = Policy::federal().with_appla_min_age(17).unwrap();
    let march1 = feb28
        .clone()
        .with_leap_day_birthday(LeapDayBirthday::March1);
    let in_care = |policy: &Policy| {
        let mut case = Case::new(child_born(born), all_families()).unwrap();
        accept(&mut case, removal(d(2024, 1, 10)), policy);
        case
    };

    // February28 (the default): 2008-02-29 + 17 years, clamped = 2025-02-28.
    let mut case = in_care(&feb28);
    let r = refuse(&mut case, appla(d(2025, 2, 27)), &feb28);
    assert_eq!(
        message(&r, 0),
        "appla needs a child who has attained 17 on 2025-02-27, found a younger child"
    );
    accept(&mut case, appla(d(2025, 2, 28)), &feb28);

    // March1: 2008-02-29 + 17 years, rolled over = 2025-03-01; on 2025-02-28 still 16.
    let mut case = in_care(&march1);
    let r = refuse(&mut case, appla(d(2025, 2, 28)), &march1);
    assert_eq!(rules(&r), [RuleId::ApplaAge]);
    assert_eq!(
        message(&r, 0),
        "appla needs a child who has attained 17 on 2025-02-28, found a younger child"
    );
    accept(&mut case, appla(d(2025, 3, 1)), &march1);
}
