//! Histories of one shape, any length, built valid through the public API: long runs of
//! placement changes, runaways or trial home visits, and cases opened with many families. The
//! benches use them to see whether the cost of an event stays flat as a case grows.
//!
//! Every builder here returns a history that [`Case::replay`] accepts under the federal policy
//! (`benches/scale.rs` and `benches/case.rs` replay each one strictly before timing it).

use chrono::{Days, NaiveDate};
use permanency::*;

/// A case not yet applied: the child, its opening families, its events.
pub struct History {
    pub child: Child,
    pub families: Vec<Family>,
    pub events: Vec<Event>,
}

impl History {
    /// Replays the history strictly, panicking if it is refused: the benches measure only
    /// valid histories.
    pub fn replay(&self, policy: &Policy) -> Case {
        Case::replay(
            self.child.clone(),
            self.families.clone(),
            self.events.clone(),
            policy,
        )
        .unwrap_or_else(|e| panic!("a shape's history is invalid: {e}"))
    }

    /// The date of the last event: where the benches ask for the obligations.
    pub fn last_date(&self) -> NaiveDate {
        self.events.last().map_or(start(), Event::date)
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn start() -> NaiveDate {
    d(2010, 3, 1)
}

fn person(id: &str, name: &str) -> Person {
    Person::new(PersonId::new(id).unwrap(), Name::new(name).unwrap())
}

fn child() -> Child {
    Child::new(
        ChildId::new("C-SHAPE").unwrap(),
        Name::new("Shape Child").unwrap(),
        d(2008, 5, 17),
        Sex::Unknown,
    )
    .unwrap()
}

fn license() -> FosterLicense {
    FosterLicense::new(LicenseStatus::Licensed, d(2000, 1, 1), None).unwrap()
}

fn birth() -> Family {
    Family::builder(FamilyId::new("FB").unwrap(), FamilyKind::Birth)
        .member(Member::new(person("P-M", "Mother"), Relationship::Mother).legal_parent())
        .member(Member::new(person("P-F", "Father"), Relationship::Father).legal_parent())
        .build()
        .unwrap()
}

fn foster(id: &str) -> Family {
    Family::builder(FamilyId::new(id).unwrap(), FamilyKind::NonRelativeFoster)
        .member(
            Member::new(
                person(&format!("P-{id}"), "Foster"),
                Relationship::NonRelative,
            )
            .caregiver(),
        )
        .license(license())
        .build()
        .unwrap()
}

fn relative() -> Family {
    Family::builder(FamilyId::new("FR").unwrap(), FamilyKind::Relative)
        .member(Member::new(person("P-G", "Grandparent"), Relationship::Grandparent).caregiver())
        .build()
        .unwrap()
}

/// Builds events from a start date: every third event a day later, so that 100,000 events span
/// about 90 years (within the calendar the crate accepts).
struct Events {
    events: Vec<Event>,
    date: NaiveDate,
    placements: u32,
}

impl Events {
    fn new() -> Events {
        Events {
            events: Vec::new(),
            date: start(),
            placements: 0,
        }
    }
    fn push(&mut self, what: EventData) {
        if self.events.len() % 3 == 2 {
            self.date = self.date + Days::new(1);
        }
        self.events.push(Event::new(self.date, what).unwrap());
    }
    fn placement(&mut self, setting: Setting, family: Option<&str>) -> NewPlacement {
        self.placements += 1;
        NewPlacement::new(
            PlacementId::new(format!("PL-{}", self.placements)).unwrap(),
            setting,
            family.map(|f| FamilyId::new(f).unwrap()),
        )
        .unwrap()
    }
    /// A removal, the court's finding and the first placement: three events.
    fn removed(mut self, home: &str) -> Events {
        self.push(EventData::Removal(
            Removal::new(Manner::CourtOrder).from_family(FamilyId::new("FB").unwrap()),
        ));
        self.push(EventData::CourtFinding(Finding::ContraryToWelfare));
        let p = self.placement(Setting::NonRelativeFosterHome, Some(home));
        self.push(EventData::PlacementBegun(p));
        self
    }
    fn change(&mut self, i: usize) {
        let p = if i.is_multiple_of(2) {
            self.placement(Setting::RelativeFosterHome, Some("FR"))
        } else {
            self.placement(Setting::NonRelativeFosterHome, Some("FF"))
        };
        self.push(EventData::PlacementChanged(p));
    }
    fn run_away(&mut self) {
        let p = self.placement(Setting::Runaway, None);
        self.push(EventData::RanAway(p.try_into().unwrap()));
        let p = self.placement(Setting::NonRelativeFosterHome, Some("FF"));
        self.push(EventData::ReturnedFromRunaway(p));
    }
}

fn history(families: Vec<Family>, mut e: Events, n: usize) -> History {
    e.events.truncate(n);
    History {
        child: child(),
        families,
        events: e.events,
    }
}

fn cast() -> Vec<Family> {
    vec![birth(), relative(), foster("FF")]
}

/// A case in foster care for `n` events, a third of them placements: after the removal, cycles
/// of six events — two moves, or a runaway and the return — with a review, a hearing, its
/// finding and a case plan. Half the cycles are runaways. 30,000 events make 10,000 placements.
pub fn placement_churn(n: usize) -> History {
    let mut e = Events::new().removed("FF");
    let mut cycle = 0u32;
    while e.events.len() < n {
        if cycle.is_multiple_of(2) {
            e.run_away();
        } else {
            e.change(0);
            e.change(1);
        }
        e.push(EventData::PeriodicReview);
        e.push(EventData::PermanencyHearing);
        e.push(EventData::CourtFinding(Finding::FinalizeEfforts(
            Determination::Made,
        )));
        e.push(EventData::CasePlanCompleted);
        cycle += 1;
    }
    history(cast(), e, n)
}

/// `n` events: the removal, then placement changes between two homes.
pub fn placement_changes(n: usize) -> History {
    let mut e = Events::new().removed("FF");
    let mut i = 0usize;
    while e.events.len() < n {
        e.change(i);
        i += 1;
    }
    history(cast(), e, n)
}

/// `n` events: the removal, then runaways and returns.
pub fn runaways(n: usize) -> History {
    let mut e = Events::new().removed("FF");
    while e.events.len() < n {
        e.run_away();
    }
    history(cast(), e, n)
}

/// `n` events: the removal, then trial home visits begun and ended (each within its limit).
pub fn visits(n: usize) -> History {
    let mut e = Events::new().removed("FF");
    while e.events.len() < n {
        let p = e.placement(Setting::TrialHomeVisit, Some("FB"));
        e.push(EventData::TrialHomeVisitBegun(p.try_into().unwrap()));
        let p = e.placement(Setting::NonRelativeFosterHome, Some("FF"));
        e.push(EventData::TrialHomeVisitEnded(p));
    }
    history(cast(), e, n)
}

/// A case opened with `families` families (the cast and licensed foster families) and a short
/// history of 30 events that moves the child through the last of them.
pub fn opening_families(families: usize) -> History {
    let mut all = cast();
    all.extend((all.len()..families).map(|i| foster(&format!("FF-{i}"))));
    let last = all.last().unwrap().id().as_str().to_owned();
    let mut e = Events::new().removed(&last);
    let mut i = 0usize;
    while e.events.len() < 30 {
        // Between the relative and the last family: each move looks its family up.
        let p = if i.is_multiple_of(2) {
            e.placement(Setting::RelativeFosterHome, Some("FR"))
        } else {
            e.placement(Setting::NonRelativeFosterHome, Some(&last))
        };
        e.push(EventData::PlacementChanged(p));
        e.push(EventData::PeriodicReview);
        i += 1;
    }
    history(all, e, 30)
}

/// `n` events: the removal, then cycles of six records of family connections — a new sibling
/// recorded and placed apart, a new relative identified and notified, a family-time plan with
/// the first sibling and a contact held — so that every sibling, relative and family-time clock
/// meets thousands of distinct ids.
pub fn connections(n: usize) -> History {
    use permanency::connections::{
        Contact, ContactKind, ContactWith, Relative, RelativeKind, SeparationReason, Sibling,
    };
    let mut e = Events::new().removed("FF");
    let first = ContactWith::Sibling(ChildId::new("S-0").unwrap());
    let mut i = 0usize;
    while e.events.len() < n {
        let sibling = ChildId::new(format!("S-{i}")).unwrap();
        let relative = PersonId::new(format!("P-R-{i}")).unwrap();
        e.push(EventData::SiblingRecorded(Sibling::in_care(
            sibling.clone(),
        )));
        e.push(EventData::SiblingsSeparated {
            sibling,
            reason: Some(SeparationReason::ContraryToSafetyOrWellBeing),
        });
        e.push(EventData::RelativeIdentified(Relative::new(
            relative.clone(),
            RelativeKind::OtherAdultRelative,
        )));
        e.push(EventData::RelativeNotified { person: relative });
        e.push(EventData::FamilyTimePlanned {
            with: first.clone(),
            every_days: 14,
        });
        e.push(EventData::FamilyTimeContact(Contact::held(
            first.clone(),
            ContactKind::InPerson,
        )));
        i += 1;
    }
    history(cast(), e, n)
}
