//! A deterministic synthetic caseload: every history valid under the federal policy.
//!
//! Each case is built from a seed with a small xorshift generator (no dependency), so a run is
//! reproducible. Histories mix preservation, removal, findings, reviews, hearings, moves,
//! runaways, trial home visits, reunification, re-entry, TPR and adoption.

use chrono::{Days, NaiveDate};
use permanency::*;

/// xorshift64*: deterministic, fast, good enough for shaping synthetic histories.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn id<T: TryFrom<String, Error = permanency::Error>>(s: String) -> T {
    T::try_from(s).unwrap()
}

/// One synthetic case: the child, its families and its events (not yet applied).
pub struct Synthetic {
    pub child: Child,
    pub families: Vec<Family>,
    pub events: Vec<Event>,
}

struct Builder {
    rng: Rng,
    n: u64,
    date: NaiveDate,
    events: Vec<Event>,
    placements: u32,
}

impl Builder {
    fn later(&mut self, min: u64, spread: u64) -> NaiveDate {
        self.date = self.date + Days::new(min + self.rng.below(spread.max(1)));
        self.date
    }
    fn push(&mut self, what: EventData) {
        self.events.push(Event::new(self.date, what).unwrap());
    }
    fn place(&mut self, setting: Setting, family: Option<&str>) -> NewPlacement {
        self.placements += 1;
        let pid = id(format!("PL-{}-{}", self.n, self.placements));
        let fam = family.map(|f| id(format!("{f}-{}", self.n)));
        NewPlacement::new(pid, setting, fam).unwrap()
    }
}

fn person(n: u64, tag: &str, name: &str) -> Person {
    Person::new(id(format!("P-{tag}-{n}")), Name::new(name).unwrap())
}

/// The case for seed `n`.
pub fn case(n: u64) -> Synthetic {
    let mut rng = Rng::new(n + 1);
    let born = d(2006, 1, 1) + Days::new(rng.below(365 * 12));
    let child = Child::new(
        id(format!("C-{n}")),
        Name::new("Synthetic Child").unwrap(),
        born,
        Sex::Unknown,
    )
    .unwrap();
    let licence = FosterLicence::new(LicenceStatus::Licensed, d(2000, 1, 1), None).unwrap();
    let families = vec![
        Family::builder(id(format!("FB-{n}")), FamilyKind::Birth)
            .member(Member::new(person(n, "M", "Mother"), Relationship::Mother).legal_parent())
            .member(Member::new(person(n, "F", "Father"), Relationship::Father).legal_parent())
            .build()
            .unwrap(),
        Family::builder(id(format!("FR-{n}")), FamilyKind::Relative)
            .member(
                Member::new(person(n, "G", "Grandparent"), Relationship::Grandparent).caregiver(),
            )
            .licence(licence)
            .build()
            .unwrap(),
        Family::builder(id(format!("FF-{n}")), FamilyKind::NonRelativeFoster)
            .member(Member::new(person(n, "FP", "Foster"), Relationship::NonRelative).caregiver())
            .licence(licence)
            .build()
            .unwrap(),
        Family::builder(id(format!("FA-{n}")), FamilyKind::PreAdoptive)
            .member(Member::new(person(n, "AP", "Adoptive"), Relationship::NonRelative).caregiver())
            .licence(licence)
            .build()
            .unwrap(),
    ];
    let start = (born + Days::new(365)).max(d(2015, 1, 1)) + Days::new(rng.below(1500));
    let mut b = Builder {
        rng,
        n,
        date: start,
        events: Vec::new(),
        placements: 0,
    };
    if b.rng.chance(30) {
        b.push(EventData::OpenPreservation(Candidacy::FosterCareCandidate));
        b.later(30, 200);
    }
    let episodes = if b.rng.chance(20) { 2 } else { 1 };
    for episode in 0..episodes {
        if episode > 0 {
            b.later(60, 400);
        }
        episode_events(&mut b, episode + 1 == episodes);
    }
    Synthetic {
        child,
        families,
        events: b.events,
    }
}

fn episode_events(b: &mut Builder, last: bool) {
    b.push(EventData::Removal(
        Removal::new(Manner::CourtOrder)
            .with_circumstances([Circumstance::Neglect].into_iter().collect()),
    ));
    b.push(EventData::CourtFinding(Finding::ContraryToWelfare));
    let first = if b.rng.chance(30) {
        (Setting::RelativeFosterHome, "FR")
    } else {
        (Setting::NonRelativeFosterHome, "FF")
    };
    let p = b.place(first.0, Some(first.1));
    b.push(EventData::PlacementBegun(p));
    b.later(5, 25);
    b.push(EventData::RelativesNotified);
    b.later(5, 40);
    b.push(EventData::CourtFinding(Finding::AbuseOrNeglect));
    b.push(EventData::CourtFinding(Finding::PreventionEfforts(
        PreventionEfforts::Made,
    )));
    b.push(EventData::CasePlanCompleted);
    b.push(EventData::PlanSet(
        Goals::new(Goal::Reunification, Some(Goal::Adoption), None).unwrap(),
    ));
    let months = 4 + b.rng.below(20);
    let mut home = first;
    for m in 0..months {
        b.later(25, 10);
        if m % 6 == 5 {
            b.push(EventData::PeriodicReview);
        }
        if m % 12 == 11 {
            b.push(EventData::PermanencyHearing);
            b.push(EventData::CourtFinding(Finding::FinalizeEfforts(
                Determination::Made,
            )));
        }
        if b.rng.chance(8) {
            home = if home.1 == "FF" {
                (Setting::RelativeFosterHome, "FR")
            } else {
                (Setting::NonRelativeFosterHome, "FF")
            };
            let p = b.place(home.0, Some(home.1));
            b.push(EventData::PlacementChanged(p));
        } else if b.rng.chance(3) {
            let p = b.place(Setting::Runaway, None);
            b.push(EventData::RanAway(p));
            b.later(1, 10);
            let p = b.place(home.0, Some(home.1));
            b.push(EventData::ReturnedFromRunaway(p));
        }
    }
    b.later(5, 20);
    let roll = b.rng.below(100);
    if !last || roll < 55 {
        // A trial home visit, then reunification (sometimes a return to care first).
        let p = b.place(Setting::TrialHomeVisit, Some("FB"));
        b.push(EventData::TrialHomeVisitBegun(p));
        b.later(20, 120);
        if b.rng.chance(20) {
            let p = b.place(home.0, Some(home.1));
            b.push(EventData::TrialHomeVisitEnded(p));
            b.later(30, 60);
            let p = b.place(Setting::TrialHomeVisit, Some("FB"));
            b.push(EventData::TrialHomeVisitBegun(p));
            b.later(20, 120);
        }
        b.push(EventData::Discharge(Discharge::new(ExitReason::Reunified)));
    } else if roll < 85 {
        // Adoption: plan, petition, both parents' rights ended, adoptive placement, decree.
        b.push(EventData::PlanSet(Goals::primary(Goal::Adoption).unwrap()));
        b.later(10, 60);
        b.push(EventData::TprPetitionFiled);
        b.later(60, 120);
        let mother = id(format!("P-M-{}", b.n));
        let father = id(format!("P-F-{}", b.n));
        b.push(EventData::ParentalRightsTerminated { parent: mother });
        b.push(EventData::ParentalRightsTerminated { parent: father });
        b.later(10, 60);
        let p = b.place(Setting::PreAdoptiveHome, Some("FA"));
        b.push(EventData::PlacedForAdoption(p));
        b.later(90, 120);
        b.push(EventData::AdoptionFinalized);
    }
    // else: still in care.
}

/// `n` cases, applied: every event accepted, or the generator is wrong and this panics.
pub fn caseload(n: u64, policy: &Policy) -> Vec<Case> {
    (0..n)
        .map(|i| {
            let s = case(i);
            Case::replay(s.child, s.families, s.events, policy)
                .unwrap_or_else(|e| panic!("synthetic case {i} is invalid: {e}"))
        })
        .collect()
}
