//! A deterministic synthetic caseload: every history valid under the federal policy.
//!
//! Each case is built from a seed with a small xorshift generator (no dependency), so a run is
//! reproducible. Histories mix preservation, removal, findings, reviews, hearings, moves,
//! runaways, residential stays (group homes, institutions, QRTPs with their assessments and court
//! approvals), trial home visits (some extended by the court), reunification, re-entry, TPR and
//! adoption. The non-relative foster family's license lapses and is renewed by `family_recorded`
//! events. A few percent of the cases are long: years in care with many moves and runaways,
//! hundreds of events.
//!
//! `tests/synthetic_caseload.rs` replays thousands of these strictly and checks the mix.

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

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn id<T: TryFrom<String, Error = permanency::Error>>(s: String) -> T {
    T::try_from(s).unwrap()
}

/// One synthetic case: the child, its families and its events (not yet applied).
pub struct Synthetic {
    pub child: Child,
    pub families: Vec<Family>,
    pub events: Vec<Event>,
}

/// Where the child lives between moves: a setting and, for a family home, the family's tag.
type Home = (Setting, Option<&'static str>);

const FOSTER: Home = (Setting::NonRelativeFosterHome, Some("FF"));
const RELATIVE: Home = (Setting::RelativeFosterHome, Some("FR"));

struct Builder {
    rng: Rng,
    n: u64,
    date: NaiveDate,
    events: Vec<Event>,
    placements: u32,
    /// The foster family as last recorded, and the last day its license covers.
    foster: Family,
    foster_expires: NaiveDate,
    /// The long cases move and run away far more often.
    long: bool,
}

impl Builder {
    fn later(&mut self, min: u64, spread: u64) -> NaiveDate {
        self.date = self.date + Days::new(min + self.rng.below(spread.max(1)));
        self.date
    }
    fn push(&mut self, what: EventData) {
        self.events.push(Event::new(self.date, what).unwrap());
    }
    fn place(&mut self, (setting, family): Home) -> NewPlacement {
        self.placements += 1;
        let pid = id(format!("PL-{}-{}", self.n, self.placements));
        let fam = family.map(|f| id(format!("{f}-{}", self.n)));
        NewPlacement::new(pid, setting, fam).unwrap()
    }
    /// Renews the foster family's license (a `family_recorded` event) when it would lapse
    /// within the next 40 days: every gap of the generator is shorter.
    fn keep_licensed(&mut self) {
        if self.date + Days::new(40) < self.foster_expires {
            return;
        }
        self.foster_expires = self.foster_expires.max(self.date) + Days::new(730);
        let license = FosterLicense::new(
            LicenseStatus::Licensed,
            d(2000, 1, 1),
            Some(self.foster_expires),
        )
        .unwrap();
        let mut b = Family::builder(self.foster.id().clone(), self.foster.kind());
        for m in self.foster.members() {
            b = b.member(m.clone());
        }
        self.foster = b.license(license).build().unwrap();
        self.push(EventData::FamilyRecorded(Box::new(self.foster.clone())));
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
    let license = FosterLicense::new(LicenseStatus::Licensed, d(2000, 1, 1), None).unwrap();
    let start = (born + Days::new(365)).max(d(2015, 1, 1)) + Days::new(rng.below(1500));
    // The foster license lapses some time around the start: renewed when needed.
    let foster_expires = start + Days::new(rng.below(700));
    let foster = Family::builder(id(format!("FF-{n}")), FamilyKind::NonRelativeFoster)
        .member(Member::new(person(n, "FP", "Foster"), Relationship::NonRelative).caregiver())
        .license(
            FosterLicense::new(LicenseStatus::Licensed, d(2000, 1, 1), Some(foster_expires))
                .unwrap(),
        )
        .build()
        .unwrap();
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
            .license(license)
            .build()
            .unwrap(),
        foster.clone(),
        Family::builder(id(format!("FA-{n}")), FamilyKind::PreAdoptive)
            .member(Member::new(person(n, "AP", "Adoptive"), Relationship::NonRelative).caregiver())
            .license(license)
            .build()
            .unwrap(),
    ];
    let long = rng.chance(3);
    let mut b = Builder {
        rng,
        n,
        date: start,
        events: Vec::new(),
        placements: 0,
        foster,
        foster_expires,
        long,
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

/// A residential stay: a group home, a child-care institution, or a QRTP (assessed within 30
/// days, its placement approved by the court within 60).
fn residential(b: &mut Builder) -> Home {
    match b.rng.below(3) {
        0 => (Setting::GroupHomeStaffOperated, None),
        1 => (Setting::ChildCareInstitution, None),
        _ => (Setting::Qrtp, None),
    }
}

/// A trial home visit from today; a quarter of the visits are extended by the court beyond six
/// months. The date moves on to the day the visit ends (within its authorized period).
fn visit(b: &mut Builder) {
    let p = b.place((Setting::TrialHomeVisit, Some("FB")));
    b.push(EventData::TrialHomeVisitBegun(p.try_into().unwrap()));
    if b.rng.chance(25) {
        let start = b.date;
        b.later(20, 120);
        let until = start + Days::new(200 + b.rng.below(100));
        b.push(EventData::CourtFinding(Finding::VisitExtended { until }));
        // Home through the extension: the visit ends in its last 60 days.
        let room = (until - b.date).num_days().max(0) as u64;
        b.date = b.date + Days::new(room.saturating_sub(60) + b.rng.below(60));
    } else {
        b.later(20, 120);
    }
}

fn episode_events(b: &mut Builder, last: bool) {
    b.keep_licensed();
    b.push(EventData::Removal(
        Removal::new(Manner::CourtOrder)
            .with_circumstances([Circumstance::Neglect].into_iter().collect()),
    ));
    b.push(EventData::CourtFinding(Finding::ContraryToWelfare));
    let first = if b.rng.chance(30) { RELATIVE } else { FOSTER };
    let p = b.place(first);
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
    let (months, moves, runaways) = if b.long {
        (150 + b.rng.below(100), 30, 15)
    } else {
        (4 + b.rng.below(20), 8, 3)
    };
    let mut home = first;
    // The QRTP placement in progress, and what it still needs: the assessment, the approval.
    let mut qrtp: Option<(PlacementId, bool, bool)> = None;
    for m in 0..months {
        b.later(25, 10);
        b.keep_licensed();
        if m % 6 == 5 {
            b.push(EventData::PeriodicReview);
        }
        if m % 12 == 11 {
            b.push(EventData::PermanencyHearing);
            b.push(EventData::CourtFinding(Finding::FinalizeEfforts(
                Determination::Made,
            )));
        }
        if let Some((placement, assessed, approved)) = qrtp.as_mut() {
            if !*assessed {
                *assessed = true;
                b.push(EventData::QrtpAssessed {
                    placement: placement.clone(),
                    outcome: QrtpAssessment::Appropriate,
                });
            } else if !*approved {
                *approved = true;
                b.push(EventData::CourtFinding(Finding::QrtpApproved {
                    placement: placement.clone(),
                }));
            }
        }
        if b.rng.chance(moves) {
            home = if home.1.is_none() || b.rng.chance(40) {
                // From a residential stay (or, sometimes, from a home) to a family home.
                if home == FOSTER { RELATIVE } else { FOSTER }
            } else if b.rng.chance(12) {
                residential(b)
            } else if home == FOSTER {
                RELATIVE
            } else {
                FOSTER
            };
            let p = b.place(home);
            qrtp = (home.0 == Setting::Qrtp).then(|| (p.id().clone(), false, false));
            b.push(EventData::PlacementChanged(p));
        } else if b.rng.chance(runaways) {
            let p = b.place((Setting::Runaway, None));
            b.push(EventData::RanAway(p.try_into().unwrap()));
            b.later(1, 10);
            // Back to the same kind of home (a new placement: the same family, or the same
            // kind of residential setting).
            let p = b.place(home);
            if home.0 == Setting::Qrtp {
                qrtp = Some((p.id().clone(), false, false));
            }
            b.push(EventData::ReturnedFromRunaway(p));
        }
    }
    b.later(5, 20);
    // A trial home visit and the adoption start from a family home.
    if home.1.is_none() {
        home = FOSTER;
        b.keep_licensed();
        let p = b.place(home);
        b.push(EventData::PlacementChanged(p));
    }
    let roll = b.rng.below(100);
    if !last || roll < 55 {
        // A trial home visit, then reunification (sometimes a return to care first).
        visit(b);
        if b.rng.chance(20) {
            b.keep_licensed();
            let p = b.place(home);
            b.push(EventData::TrialHomeVisitEnded(p));
            b.later(30, 60);
            visit(b);
        }
        b.push(EventData::Discharge(Discharge::reunified()));
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
        let p = b.place((Setting::PreAdoptiveHome, Some("FA")));
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
