//! Property tests of the entities and the calendar, over the crate's own strategies
//! (`permanency::strategy`, feature `proptest`).
//!
//! - every entity survives a JSON round trip unchanged;
//! - no JSON, however malformed, panics a deserializer, and whatever one accepts round-trips;
//! - `Debug` and error messages never carry a name or a birth date;
//! - the calendar laws of `permanency::date`.
#![cfg(feature = "proptest")]

use chrono::{Datelike, NaiveDate};
use permanency::strategy::{child_id, date, date_in, family, indian_child_status, person_id, sex};
use permanency::{Child, Family, Member, Name, Person};
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Serde: round trips and robustness

#[cfg(feature = "serde")]
mod serde_props {
    use super::*;
    use permanency::strategy::{
        child, foster_license, goals, new_placement, permanency_plan, person, placement,
    };
    use permanency::{FosterLicense, Goals, NewPlacement, PermanencyPlan, Placement};
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::{Map, Number, Value};

    /// `value` through JSON text and through a `serde_json::Value` comes back equal.
    fn round_trips<T>(value: &T) -> Result<(), TestCaseError>
    where
        T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let text = serde_json::to_string(value).unwrap();
        let back: T =
            serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert_eq!(&back, value);
        let tree = serde_json::to_value(value).unwrap();
        let back: T = serde_json::from_value(tree)
            .map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert_eq!(&back, value);
        Ok(())
    }

    proptest! {
        #[test]
        fn child_round_trips(c in child()) { round_trips(&c)?; }

        #[test]
        fn person_round_trips(p in person()) { round_trips(&p)?; }

        #[test]
        fn family_round_trips(f in family()) { round_trips(&f)?; }

        #[test]
        fn license_round_trips(l in foster_license()) { round_trips(&l)?; }

        #[test]
        fn new_placement_round_trips(p in new_placement()) { round_trips(&p)?; }

        #[test]
        fn placement_round_trips(p in placement()) { round_trips(&p)?; }

        #[test]
        fn goals_round_trip(g in goals()) { round_trips(&g)?; }

        #[test]
        fn permanency_plan_round_trips(p in permanency_plan()) { round_trips(&p)?; }
    }

    /// Field names and values of the wire format, so that random documents reach past the first
    /// missing field into the constructors.
    const VOCABULARY: &[&str] = &[
        "id",
        "name",
        "date_of_birth",
        "sex",
        "indian_child_status",
        "status",
        "tribe",
        "kind",
        "members",
        "person",
        "relationship",
        "legal_parent",
        "caregiver",
        "license",
        "since",
        "expires",
        "siblings_in_care",
        "setting",
        "location",
        "specified_setting",
        "start",
        "end",
        "date",
        "reason",
        "primary",
        "concurrent",
        "appla",
        "compelling_reason",
        "efforts",
        "established",
        "female",
        "indian_child",
        "mother",
        "putative_father",
        "birth",
        "non_relative_foster",
        "licensed",
        "trial_home_visit",
        "runaway",
        "qrtp",
        "in_state",
        "sex_trafficking_victims",
        "replaced",
        "reunification",
        "adoption",
        "C-1",
        "P-1",
        "F-1",
        "2020-02-29",
        "2021-02-29",
        "1899-12-31",
        "2200-01-01",
        "",
        " x",
        "x\n",
    ];

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => proptest::sample::select(VOCABULARY).prop_map(str::to_owned),
            1 => any::<String>(),
        ]
    }

    /// Arbitrary JSON trees, biased towards the wire format's words.
    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_filter_map("finite", |f| Number::from_f64(f).map(Value::Number)),
            word().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec((word(), inner), 0..6)
                    .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>())),
            ]
        })
    }

    /// The JSON of a valid entity of any kind.
    fn valid_json() -> impl Strategy<Value = Value> {
        fn to_json<T: Serialize>(v: T) -> Value {
            serde_json::to_value(v).unwrap()
        }
        prop_oneof![
            child().prop_map(to_json),
            person().prop_map(to_json),
            family().prop_map(to_json),
            new_placement().prop_map(to_json),
            placement().prop_map(to_json),
            permanency_plan().prop_map(to_json),
        ]
    }

    /// Replaces (or, for `None`, deletes) the node that `path` leads to, each step choosing among
    /// the children of the node reached so far; at a leaf the walk stops and replaces the leaf.
    fn mutate(node: &mut Value, path: &[prop::sample::Index], new: Option<Value>) {
        let Some((step, rest)) = path.split_first() else {
            if let Some(v) = new {
                *node = v;
            }
            return;
        };
        match node {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(step.index(map.len())).unwrap().clone();
                if rest.is_empty() && new.is_none() {
                    map.remove(&key);
                } else {
                    mutate(&mut map[&key], rest, new);
                }
            }
            Value::Array(items) if !items.is_empty() => {
                let i = step.index(items.len());
                if rest.is_empty() && new.is_none() {
                    items.remove(i);
                } else {
                    mutate(&mut items[i], rest, new);
                }
            }
            leaf => {
                if let Some(v) = new {
                    *leaf = v;
                }
            }
        }
    }

    /// Feeds `value` (and its text) to the deserializer of `T`: it may refuse, never panic, and
    /// what it accepts is valid, so it round-trips.
    fn survives<T>(value: &Value) -> Result<(), TestCaseError>
    where
        T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        if let Ok(v) = serde_json::from_value::<T>(value.clone()) {
            round_trips(&v)?;
        }
        if let Ok(v) = serde_json::from_str::<T>(&value.to_string()) {
            round_trips(&v)?;
        }
        Ok(())
    }

    fn every_deserializer(value: &Value) -> Result<(), TestCaseError> {
        survives::<Child>(value)?;
        survives::<Person>(value)?;
        survives::<Family>(value)?;
        survives::<FosterLicense>(value)?;
        survives::<NewPlacement>(value)?;
        survives::<Placement>(value)?;
        survives::<Goals>(value)?;
        survives::<PermanencyPlan>(value)?;
        Ok(())
    }

    /// Every deserializer given raw text: it may refuse, never panic.
    fn every_deserializer_str(text: &str) {
        let _ = serde_json::from_str::<Child>(text);
        let _ = serde_json::from_str::<Person>(text);
        let _ = serde_json::from_str::<Family>(text);
        let _ = serde_json::from_str::<FosterLicense>(text);
        let _ = serde_json::from_str::<NewPlacement>(text);
        let _ = serde_json::from_str::<Placement>(text);
        let _ = serde_json::from_str::<Goals>(text);
        let _ = serde_json::from_str::<PermanencyPlan>(text);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn arbitrary_json_never_panics(value in json()) {
            every_deserializer(&value)?;
        }

        #[test]
        fn damaged_entities_never_panic(
            mut value in valid_json(),
            path in proptest::collection::vec(any::<prop::sample::Index>(), 1..5),
            new in proptest::option::weighted(0.8, prop_oneof![
                // A word of the wire format gets past the type checks into the constructors.
                2 => word().prop_map(Value::String),
                1 => any::<bool>().prop_map(Value::Bool),
                2 => json(),
            ]),
        ) {
            mutate(&mut value, &path, new);
            every_deserializer(&value)?;
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            every_deserializer_str(&text);
        }

        #[test]
        fn truncated_or_spliced_json_never_panics(
            value in valid_json(),
            cut in any::<prop::sample::Index>(),
            insert in "[\\[\\]{}\":,0-9a-z\\\\ ]{0,4}",
        ) {
            let text = value.to_string();
            let mut at = cut.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            every_deserializer_str(&text[..at]);
            every_deserializer_str(&format!("{}{insert}{}", &text[..at], &text[at..]));
        }
    }

    proptest! {
        /// JSON refused for any reason says why without quoting the child's name or birth date.
        #[test]
        fn json_errors_never_show_names_or_birth_dates(
            c in child(),
            name in secret_name(),
            born in prop_oneof![date(), date_in(ymd(1600, 1, 1)..=ymd(1899, 12, 31))],
            damage in 0..8usize,
        ) {
            let mut json = serde_json::to_value(&c).unwrap();
            json["name"] = name.clone().into();
            json["date_of_birth"] = born.format("%Y-%m-%d").to_string().into();
            let obj = json.as_object_mut().unwrap();
            match damage {
                0 => { obj.insert("nickname".into(), name.clone().into()); }
                1 => { obj.remove("sex"); }
                2 => { obj.insert("sex".into(), "girl".into()); }
                3 => { obj.insert("id".into(), "".into()); }
                4 => { obj.insert("name".into(), format!("{name}\t").into()); }
                5 => { obj.insert("indian_child_status".into(), serde_json::json!({"status": "yes"})); }
                6 => { obj.insert("date_of_birth".into(), born.format("%Y-%m-%dT12:00").to_string().into()); }
                _ => { obj.insert("date_of_birth".into(), born.format("%d/%m/%Y").to_string().into()); }
            }
            // Every damage is refused, whatever the birth date.
            let text = json.to_string();
            let from_str = serde_json::from_str::<Child>(&text).unwrap_err();
            let from_value = serde_json::from_value::<Child>(json).unwrap_err();
            for e in [from_str, from_value] {
                hides(&format!("{e} {e:?}"), &name, Some(born))?;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Privacy: names and birth dates never show

/// Names that cannot occur by accident in any `Debug` or message: "Zq" and two to ten letters
/// that no id, code or date the crate prints contains (ids from the strategies are ASCII).
fn secret_name() -> impl Strategy<Value = String> {
    "Zq[ðŧŋħæ]{2,10}"
}

/// Dates of birth for the members of a family: before 1990, when the license dates of the
/// strategies begin, so that a license date (which `Debug` shows) cannot equal one.
fn member_birth_date() -> impl Strategy<Value = NaiveDate> {
    date_in(ymd(1900, 1, 1)..=ymd(1989, 12, 31))
}

/// Fails when `shown` contains `name` or `born` as YYYY-MM-DD.
fn hides(shown: &str, name: &str, born: Option<NaiveDate>) -> Result<(), TestCaseError> {
    prop_assert!(!shown.contains(name), "name shown in {}", shown);
    if let Some(born) = born {
        let iso = born.format("%Y-%m-%d").to_string();
        prop_assert!(
            !shown.contains(&iso),
            "birth date {} shown in {}",
            iso,
            shown
        );
    }
    Ok(())
}

/// Rebuilds `family` with the same ids, roles, license and siblings, and the given names and
/// dates of birth.
fn renamed(family: &Family, people: &[(String, NaiveDate)]) -> Family {
    let mut b = Family::builder(family.id().clone(), family.kind());
    for (m, (name, born)) in family.members().iter().zip(people) {
        let p = Person::new(m.person().id().clone(), Name::new(name).unwrap())
            .with_date_of_birth(*born)
            .unwrap();
        let mut member = Member::new(p, m.relationship());
        if m.is_legal_parent() {
            member = member.legal_parent();
        }
        if m.is_caregiver() {
            member = member.caregiver();
        }
        b = b.member(member);
    }
    if let Some(l) = family.license() {
        b = b.license(*l);
    }
    for s in family.siblings_in_care() {
        b = b.sibling_in_care(s.clone());
    }
    b.build().unwrap()
}

proptest! {
    #[test]
    fn a_child_never_shows_name_or_birth_date(
        id in child_id(), name in secret_name(), born in date(), sex in sex(), status in indian_child_status(),
    ) {
        let c = Child::new(id, Name::new(&name).unwrap(), born, sex).unwrap().with_indian_child_status(status);
        hides(&format!("{c:?}"), &name, Some(born))?;
        hides(&format!("{c:#?}"), &name, Some(born))?;
        hides(&format!("{} {}", c.name(), c.date_of_birth()), &name, Some(born))?;
    }

    #[test]
    fn a_person_never_shows_name_or_birth_date(id in person_id(), name in secret_name(), born in date()) {
        let p = Person::new(id, Name::new(&name).unwrap()).with_date_of_birth(born).unwrap();
        hides(&format!("{p:?} {p:#?}"), &name, Some(born))?;
        let born_shown = p.date_of_birth().map(|d| d.to_string()).unwrap_or_default();
        hides(&format!("{} {born_shown}", p.name()), &name, Some(born))?;
    }

    #[test]
    fn a_family_never_shows_names_or_birth_dates(
        f in family(),
        people in proptest::collection::vec((secret_name(), member_birth_date()), 4),
    ) {
        let f = renamed(&f, &people);
        let shown = format!("{f:?} {f:#?}");
        for (name, born) in people.iter().take(f.members().len()) {
            hides(&shown, name, Some(*born))?;
        }
    }

    /// Invalid names, and dates of birth out of range, are refused without being repeated.
    #[test]
    fn errors_never_show_names_or_birth_dates(
        name in secret_name(),
        damage in 0..4usize,
        born in prop_oneof![
            date_in(ymd(1600, 1, 1)..=ymd(1899, 12, 31)),
            date_in(ymd(2200, 1, 1)..=ymd(2500, 12, 31)),
        ],
        id in child_id(),
        pid in person_id(),
    ) {
        let bad_name = match damage {
            0 => format!(" {name}"),
            1 => format!("{name}\u{7}"),
            2 => format!("{name}\n{name}"),
            _ => name.repeat(60), // at least 240 characters
        };
        let e = Name::new(&bad_name).unwrap_err();
        hides(&format!("{e} {e:?}"), &name, None)?;

        let e = Child::new(id, Name::new(&name).unwrap(), born, permanency::Sex::Unknown).unwrap_err();
        hides(&format!("{e} {e:?}"), &name, Some(born))?;
        let e = Person::new(pid, Name::new(&name).unwrap()).with_date_of_birth(born).unwrap_err();
        hides(&format!("{e} {e:?}"), &name, Some(born))?;
    }

    /// A family refused for its shape (here: a person listed twice) names ids, not people.
    #[test]
    fn family_errors_never_show_names_or_birth_dates(
        f in family(),
        people in proptest::collection::vec((secret_name(), member_birth_date()), 4),
    ) {
        let f = renamed(&f, &people);
        let twice = f.members()[0].clone();
        let mut b = Family::builder(f.id().clone(), f.kind());
        for m in f.members().iter().cloned().chain([twice]) {
            b = b.member(m);
        }
        let e = b.build().unwrap_err();
        let shown = format!("{e} {e:?}");
        for (name, born) in &people {
            hides(&shown, name, Some(*born))?;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar laws

mod calendar {
    use super::*;
    use permanency::date::{
        LeapDayBirthday, age_on, attains_age, days_after, days_between, end_of_nth_month,
        first_days, months_after, whole_months_between,
    };

    fn leap_day() -> impl Strategy<Value = LeapDayBirthday> {
        prop_oneof![
            Just(LeapDayBirthday::February28),
            Just(LeapDayBirthday::March1)
        ]
    }

    /// Birth dates with many 29 Februaries: a quarter of them are leap days.
    fn birth() -> impl Strategy<Value = NaiveDate> {
        prop_oneof![
            3 => date(),
            // 1992 to 2060 in steps of four: every one a leap year (2000 too).
            1 => (498..=515i32).prop_map(|q| ymd(q * 4, 2, 29)),
        ]
    }

    /// Dates near the ends of months, where clamping happens, as well as any.
    fn any_date() -> impl Strategy<Value = NaiveDate> {
        prop_oneof![
            1 => date(),
            1 => (1990..=2060i32, 1..=12u32, 28..=31u32)
                .prop_filter_map("valid date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        ]
    }

    proptest! {
        /// "N months after" lands in the Nth following month, on the same day or, when that
        /// month is shorter, on its last day: never in the month after.
        #[test]
        fn months_after_never_overshoots_the_target_month(d in any_date(), n in 0u32..=600) {
            let m = months_after(d, n);
            let months = d.month0() + n;
            prop_assert_eq!(m.month(), months % 12 + 1);
            prop_assert_eq!(m.year(), d.year() + i32::try_from(months / 12).unwrap());
            prop_assert!(m.day() <= d.day());
            if m.day() < d.day() {
                // Clamped: the last day of its month.
                prop_assert_eq!(days_after(m, 1).day(), 1);
            }
        }

        #[test]
        fn the_nth_month_ends_the_day_before_n_months_after(d in any_date(), n in 0u32..=600) {
            prop_assert_eq!(end_of_nth_month(d, n), months_after(d, n).pred_opt().unwrap());
        }

        #[test]
        fn age_never_decreases(
            born in birth(), a in date(), b in date(), leap in leap_day(),
        ) {
            let (earlier, later) = if a <= b { (a, b) } else { (b, a) };
            // `None` (not yet born) sorts before every age.
            prop_assert!(age_on(born, earlier, leap) <= age_on(born, later, leap));
        }

        #[test]
        fn a_person_is_n_on_the_day_they_attain_n(born in birth(), n in 0u32..=120, leap in leap_day()) {
            let birthday = attains_age(born, n, leap);
            prop_assert_eq!(age_on(born, birthday, leap), Some(n));
            // And not the day before (from the first birthday on).
            if n > 0 {
                prop_assert_eq!(age_on(born, birthday.pred_opt().unwrap(), leap), Some(n - 1));
            }
        }

        #[test]
        fn days_between_is_antisymmetric_and_additive(a in date(), b in date(), c in date()) {
            prop_assert_eq!(days_between(a, b), -days_between(b, a));
            prop_assert_eq!(days_between(a, a), 0);
            prop_assert_eq!(days_between(a, b) + days_between(b, c), days_between(a, c));
        }

        #[test]
        fn first_days_holds_n_days(d in date(), n in 0u32..=20_000) {
            let p = first_days(d, n);
            prop_assert_eq!(p.days(), n);
            prop_assert_eq!(p.start(), d);
            prop_assert_eq!(days_between(p.start(), p.end()), i64::from(n));
        }

        #[test]
        fn whole_months_between_inverts_months_after(a in any_date(), n in 0u32..=600) {
            prop_assert_eq!(whole_months_between(a, months_after(a, n)), n);
        }
    }
}
