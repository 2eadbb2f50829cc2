//! A deterministic, seeded synthetic caseload shaped like a state's: every history valid under
//! the federal policy.
//!
//! Each child is built from `(seed, n)` with a small xorshift generator (no dependency), so a run
//! is reproducible and a different seed is a different caseload of the same shape. The shape
//! follows the published national AFCARS and CFSR figures in round numbers:
//!
//! - **Who comes in.** Removals spread over 2018–2025 (the long stays from 2012); a quarter of the
//!   children are infants at entry, about one in six is 14 or older. A fifth of the cases are
//!   family preservation that never reaches removal; another tenth start as preservation.
//! - **How long, and how they leave.** A few percent go home within a week; reunification after
//!   months (a third through a trial home visit, some longer than 30 days), adoption after TPR
//!   of every legal parent in two to four years, guardianship (often with kinship assistance),
//!   living with other relatives, emancipation at 18 or later for youth who entered as teens,
//!   transfers to another agency and runaway discharges. About one exit in ten to a family is
//!   followed by a re-entry, a third of them within six months. Cases removed late are still open
//!   at the end of the history ([`HORIZON`]).
//! - **What happens in care.** Monthly caseworker visits, periodic reviews, permanency hearings,
//!   moves (most in the first months: between foster families, to relatives, to group homes and
//!   institutions named by a facility id, QRTPs with their assessment and court approval),
//!   runaways (teens; most return to the same home or facility, which is not a move), respite
//!   stays, plan changes, foster licenses lapsing and renewed by `family_recorded` events.
//! - **Maltreatment.** A substantiated or indicated report opens most cases; about one victim in
//!   twelve has another within a year (some within the first week, one incident reported twice),
//!   and a few children are maltreated in foster care.
//! - **Long cases.** Two percent of the children, removed young in 2010–2013, stay in care until
//!   a late adoption or until they age out: hundreds of events.
//!
//! `tests/synthetic_caseload.rs` replays thousands of these strictly and pins the mix.

use chrono::{Datelike, Days, NaiveDate};
use permanency::*;

/// xorshift64*: deterministic, fast, good enough for shaping synthetic histories.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    /// The generator of child `n` in the caseload of `seed` (splitmix64 of the pair, so nearby
    /// seeds and children do not share a stream).
    pub fn for_child(seed: u64, n: u64) -> Rng {
        let mut z = seed
            .wrapping_mul(0xD1B5_4A32_D192_ED03)
            .wrapping_add(n)
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng::new(z ^ (z >> 31))
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
        self.next() % n.max(1)
    }
    /// True `per_mille` times in a thousand.
    pub fn mille(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
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

/// No event is generated after this day: a case removed late is still open at the end of its
/// history.
pub const HORIZON: NaiveDate = match NaiveDate::from_ymd_opt(2026, 6, 30) {
    Some(day) => day,
    None => panic!("a valid date"),
};

/// Group homes, institutions and QRTPs in the state: the facility ids the placements name.
const FACILITIES: u64 = 400;

/// One synthetic case: the child, its families and its events (not yet applied), in date order.
#[derive(Clone)]
pub struct Synthetic {
    pub child: Child,
    pub families: Vec<Family>,
    pub events: Vec<Event>,
}

/// How an episode is to end.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Exit {
    Reunified,
    Adopted,
    Guardianship,
    Relatives,
    Emancipated,
    Transferred,
    RanAway,
}

/// The home the child lives in: a family (by tag) or a facility.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Home {
    /// One of the case's foster families (`FF-n-k`).
    Foster(u8),
    /// The relative family (`FR-n`).
    Relative,
    /// A congregate setting at a facility of the state.
    Facility(Setting, u64),
}

struct Builder {
    rng: Rng,
    n: u64,
    born: NaiveDate,
    date: NaiveDate,
    events: Vec<Event>,
    placements: u32,
    /// The first foster family as last recorded, and the last day its license covers.
    foster: Family,
    foster_expires: NaiveDate,
    father: bool,
    /// Maltreatment reports of the child, pushed at their dates when the history is sorted.
    reports: Vec<Event>,
}

impl Builder {
    fn later(&mut self, min: u64, spread: u64) -> NaiveDate {
        self.date = self.date + Days::new(min + self.rng.below(spread));
        self.date
    }
    fn past_horizon(&self) -> bool {
        self.date > HORIZON
    }
    fn push(&mut self, what: EventData) {
        if self.past_horizon() {
            return;
        }
        // Keyed in the order the case keeps its day (`EventKind::day_rank`): the court's findings
        // and the records about a placement (rank 4) follow the day's moves and plans (rank 3),
        // so the history comes sorted, as an export of `Case::events` does.
        let event = Event::new(self.date, what).unwrap();
        let rank = event.kind().day_rank();
        let mut at = self.events.len();
        while rank < 4
            && at > 0
            && self.events[at - 1].date() == self.date
            && self.events[at - 1].kind().day_rank() == 4
        {
            at -= 1;
        }
        self.events.insert(at, event);
    }
    fn age_years(&self) -> u64 {
        let mut age = self.date.year() - self.born.year();
        if (self.date.month(), self.date.day()) < (self.born.month(), self.born.day()) {
            age -= 1;
        }
        age.max(0) as u64
    }
    fn eighteenth_birthday(&self) -> NaiveDate {
        self.born
            .with_year(self.born.year() + 18)
            .unwrap_or_else(|| d(self.born.year() + 18, 3, 1))
    }
    fn place(&mut self, home: Home) -> NewPlacement {
        self.placements += 1;
        let pid = id(format!("PL-{}-{}", self.n, self.placements));
        match home {
            Home::Foster(k) => NewPlacement::new(
                pid,
                Setting::NonRelativeFosterHome,
                Some(id(format!("FF-{}-{k}", self.n))),
            )
            .unwrap(),
            Home::Relative => NewPlacement::new(
                pid,
                Setting::RelativeFosterHome,
                Some(id(format!("FR-{}", self.n))),
            )
            .unwrap(),
            Home::Facility(setting, f) => NewPlacement::new(pid, setting, None)
                .unwrap()
                .at_facility(id(format!("FAC-{f}")))
                .unwrap(),
        }
    }
    fn family_placement(&mut self, setting: Setting, tag: &str) -> NewPlacement {
        self.placements += 1;
        let pid = id(format!("PL-{}-{}", self.n, self.placements));
        NewPlacement::new(pid, setting, Some(id(format!("{tag}-{}", self.n)))).unwrap()
    }
    /// Renews the first foster family's license (a `family_recorded` event) when it would lapse
    /// within the next 40 days: every gap of the generator while the child is in that home is
    /// shorter.
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
    /// A substantiated or indicated report on `date` (pushed in date order at the end).
    fn report(&mut self, date: NaiveDate, by: Perpetrator) {
        let finding = if self.rng.chance(70) {
            MaltreatmentFinding::Substantiated
        } else {
            MaltreatmentFinding::Indicated
        };
        if date <= HORIZON {
            let what = EventData::MaltreatmentReported(Maltreatment::new(finding).by(by));
            self.reports.push(Event::new(date, what).unwrap());
        }
    }
    /// A victim's report on `date`, and perhaps another within the year: one in twelve, a
    /// fifth of those within the first week (the same incident reported again, or a new one).
    fn victim(&mut self, date: NaiveDate) {
        self.report(date, Perpetrator::Parent);
        if self.rng.chance(8) {
            let gap = if self.rng.chance(20) {
                1 + self.rng.below(7)
            } else {
                8 + self.rng.below(357)
            };
            self.report(date + Days::new(gap), Perpetrator::Parent);
        }
    }
}

fn person(n: u64, tag: &str, name: &str) -> Person {
    Person::new(id(format!("P-{tag}-{n}")), Name::new(name).unwrap())
}

fn licensed(expires: Option<NaiveDate>) -> FosterLicense {
    FosterLicense::new(LicenseStatus::Licensed, d(2000, 1, 1), expires).unwrap()
}

/// The families of child `n`: the birth family (one or two legal parents), a relative, three
/// foster families, a pre-adoptive family and the relative as guardian.
fn families(n: u64, father: bool, foster: &Family) -> Vec<Family> {
    let mut birth = Family::builder(id(format!("FB-{n}")), FamilyKind::Birth)
        .member(Member::new(person(n, "M", "Mother"), Relationship::Mother).legal_parent());
    if father {
        birth = birth
            .member(Member::new(person(n, "F", "Father"), Relationship::Father).legal_parent());
    }
    let grandparent = || Member::new(person(n, "G", "Grandparent"), Relationship::Grandparent);
    let mut out = vec![
        birth.build().unwrap(),
        Family::builder(id(format!("FR-{n}")), FamilyKind::Relative)
            .member(grandparent().caregiver())
            .license(licensed(None))
            .build()
            .unwrap(),
        foster.clone(),
    ];
    for k in 1..3 {
        out.push(
            Family::builder(id(format!("FF-{n}-{k}")), FamilyKind::NonRelativeFoster)
                .member(
                    Member::new(
                        person(n, &format!("FP{k}"), "Foster"),
                        Relationship::NonRelative,
                    )
                    .caregiver(),
                )
                .license(licensed(None))
                .build()
                .unwrap(),
        );
    }
    out.push(
        Family::builder(id(format!("FA-{n}")), FamilyKind::PreAdoptive)
            .member(Member::new(person(n, "AP", "Adoptive"), Relationship::NonRelative).caregiver())
            .license(licensed(None))
            .build()
            .unwrap(),
    );
    out.push(
        Family::builder(id(format!("FG-{n}")), FamilyKind::Guardian)
            .member(grandparent().caregiver())
            .build()
            .unwrap(),
    );
    out
}

/// The age in years at entry: about a quarter infants, one in six 14 or older.
fn entry_age(rng: &mut Rng) -> u64 {
    match rng.below(100) {
        0..=19 => 0,
        20..=49 => 1 + rng.below(5),
        50..=71 => 6 + rng.below(5),
        72..=83 => 11 + rng.below(3),
        _ => 14 + rng.below(4),
    }
}

/// How an episode of a child of `age` ends.
fn exit_for(rng: &mut Rng, age: u64) -> Exit {
    if age >= 14 && rng.chance(45) {
        return Exit::Emancipated;
    }
    if age >= 13 && rng.chance(8) {
        return Exit::RanAway;
    }
    match rng.below(100) {
        0..=47 => Exit::Reunified,
        48..=77 if age < 14 => Exit::Adopted,
        48..=77 => Exit::Reunified,
        78..=88 => Exit::Guardianship,
        89..=95 => Exit::Relatives,
        _ => Exit::Transferred,
    }
}

/// The case of child `n` in the caseload of seed 0 (the benches' caseload).
pub fn case(n: u64) -> Synthetic {
    case_seeded(n, 0)
}

/// The case of child `n` in the caseload of `seed`.
pub fn case_seeded(n: u64, seed: u64) -> Synthetic {
    let mut rng = Rng::for_child(seed, n);
    let long = rng.chance(2);
    let first_day = if long { d(2010, 1, 1) } else { d(2018, 1, 1) };
    let span = if long { 365 * 4 } else { 365 * 8 };
    let mut start = first_day + Days::new(rng.below(span));
    let age = if long {
        3 + rng.below(6)
    } else {
        entry_age(&mut rng)
    };
    let born = start - Days::new(age * 365 + rng.below(365));
    let sex = if rng.chance(50) {
        Sex::Female
    } else {
        Sex::Male
    };
    let child = Child::new(
        id(format!("C-{seed}-{n}")),
        Name::new("Synthetic Child").unwrap(),
        born,
        sex,
    )
    .unwrap();
    // The first foster family's license lapses some time around the start: renewed when needed.
    let foster_expires = start + Days::new(rng.below(700));
    let foster = Family::builder(id(format!("FF-{n}-0")), FamilyKind::NonRelativeFoster)
        .member(Member::new(person(n, "FP0", "Foster"), Relationship::NonRelative).caregiver())
        .license(licensed(Some(foster_expires)))
        .build()
        .unwrap();
    let father = rng.chance(75);
    let families = families(n, father, &foster);
    let kind = rng.below(100);
    let mut b = Builder {
        rng,
        n,
        born,
        date: start,
        events: Vec::new(),
        placements: 0,
        foster,
        foster_expires,
        father,
        reports: Vec::new(),
    };
    if kind < 30 && !long {
        // Family preservation: a report, services for months; a third of these end in removal.
        b.date = (start - Days::new(30 + b.rng.below(200))).max(born);
        let opened = b.date;
        b.victim(opened);
        b.push(EventData::OpenPreservation(Candidacy::FosterCareCandidate));
        if kind < 20 {
            b.later(60, 300);
            b.push(EventData::Close);
            return finish(b, child, families);
        }
        start = b.later(30, 60).max(start);
    } else if b.rng.chance(75) {
        let reported = (start - Days::new(b.rng.below(10))).max(born);
        b.victim(reported);
    }
    b.date = start;
    let mut episode = 0;
    loop {
        episode += 1;
        let age = b.age_years();
        let exit = match (long, b.rng.chance(50)) {
            (false, _) => exit_for(&mut b.rng, age),
            (true, true) => Exit::Adopted,
            (true, false) => Exit::Emancipated,
        };
        episode_events(&mut b, exit, long);
        let to_family = matches!(exit, Exit::Reunified | Exit::Guardianship | Exit::Relatives);
        if b.past_horizon() || !to_family || episode == 3 || !b.rng.chance(13) {
            break;
        }
        // A re-entry: a third within six months, a third within the year, the rest later.
        let gap = match b.rng.below(3) {
            0 => b.rng.below(120),
            1 => 124 + b.rng.below(180),
            _ => 305 + b.rng.below(700),
        };
        let back = b.date + Days::new(60 + gap);
        if back >= b.eighteenth_birthday() {
            break;
        }
        if b.rng.chance(60) {
            b.later(30, 30);
            b.push(EventData::Close);
        }
        b.date = back;
        b.victim(back);
    }
    if !b.past_horizon() && b.rng.chance(60) {
        b.later(20, 60);
        b.push(EventData::Close);
    }
    finish(b, child, families)
}

/// The history in the order the case keeps it: the reports join it at their dates, after the
/// day's other events in care and before its findings and exits (`EventKind::day_rank`).
fn finish(mut b: Builder, child: Child, families: Vec<Family>) -> Synthetic {
    b.events.sort_by_key(|e| e.date());
    b.reports.sort_by_key(|e| e.date());
    for report in std::mem::take(&mut b.reports) {
        let day = report.date();
        let from = b.events.partition_point(|e| e.date() < day);
        let to = b.events.partition_point(|e| e.date() <= day);
        let at = (from..to)
            .find(|&i| b.events[i].kind().day_rank() >= 4)
            .unwrap_or(to);
        b.events.insert(at, report);
    }
    Synthetic {
        child,
        families,
        events: b.events,
    }
}

/// A congregate setting at one of the state's facilities.
fn facility(b: &mut Builder) -> Home {
    let setting = match b.rng.below(10) {
        0..=3 => Setting::GroupHomeStaffOperated,
        4..=5 => Setting::ChildCareInstitution,
        6 => Setting::GroupHomeShelter,
        7 => Setting::ResidentialTreatmentCenter,
        _ => Setting::Qrtp,
    };
    Home::Facility(setting, b.rng.below(FACILITIES))
}

/// Where a move takes the child from `home`: relatives, another foster family, or (for older
/// children more often) a facility.
fn next_home(b: &mut Builder, home: Home) -> Home {
    let congregate = if b.age_years() >= 12 { 30 } else { 6 };
    let roll = b.rng.below(100);
    if roll < congregate {
        return facility(b);
    }
    if home != Home::Relative && roll < congregate + 30 {
        return Home::Relative;
    }
    let k = match home {
        Home::Foster(k) => (k + 1 + b.rng.below(2) as u8) % 3,
        _ => b.rng.below(3) as u8,
    };
    Home::Foster(k)
}

/// The monthly round of an episode until `until`: visits, reviews, hearings, moves, runaways,
/// respite, the QRTP's assessment and approval, maltreatment in care. Returns the home at the end.
fn in_care(b: &mut Builder, until: NaiveDate, mut home: Home, long: bool) -> Home {
    // The QRTP placement in progress, and what it still needs: the assessment, the approval.
    let mut qrtp: Option<(PlacementId, bool, bool)> = None;
    let mut month = 0u64;
    let mut tpr_handled = false;
    loop {
        let next = b.date + Days::new(26 + b.rng.below(8));
        if next >= until || b.past_horizon() {
            break;
        }
        b.date = next;
        month += 1;
        if home == Home::Foster(0) {
            b.keep_licensed();
        }
        let in_residence = b.rng.chance(90);
        b.push(EventData::CaseworkerVisited { in_residence });
        if month.is_multiple_of(6) {
            b.push(EventData::PeriodicReview);
        }
        if month.is_multiple_of(12) {
            b.push(EventData::PermanencyHearing);
            b.push(EventData::CourtFinding(Finding::FinalizeEfforts(
                Determination::Made,
            )));
        }
        if month == 14 && !tpr_handled {
            tpr_handled = true;
            if b.rng.chance(60) {
                b.push(EventData::TprExceptionDocumented(
                    TprException::CompellingReason,
                ));
            }
        }
        if let Some((placement, assessed, approved)) = qrtp.as_mut() {
            if !*assessed {
                *assessed = true;
                let placement = placement.clone();
                b.push(EventData::QrtpAssessed {
                    placement,
                    outcome: QrtpAssessment::Appropriate,
                });
            } else if !*approved {
                *approved = true;
                let placement = placement.clone();
                b.push(EventData::CourtFinding(Finding::QrtpApproved { placement }));
            }
        }
        // Moves: most in the first months.
        let move_per_mille = match (long, month) {
            (true, _) => 70,
            (_, 0..=3) => 250,
            (_, 4..=12) => 110,
            _ => 60,
        };
        let teen = b.age_years() >= 12;
        if b.rng.mille(move_per_mille) {
            home = next_home(b, home);
            let p = b.place(home);
            qrtp = matches!(home, Home::Facility(Setting::Qrtp, _))
                .then(|| (p.id().clone(), false, false));
            b.push(EventData::PlacementChanged(p));
        } else if (teen && b.rng.mille(if long { 40 } else { 30 })) || b.rng.mille(2) {
            b.placements += 1;
            let pid = id(format!("PL-{}-{}", b.n, b.placements));
            let runaway = NewPlacement::new(pid, Setting::Runaway, None).unwrap();
            b.push(EventData::RanAway(runaway.try_into().unwrap()));
            b.later(1, 20);
            // Most return to the same home or facility (not a move); some go elsewhere.
            if !b.rng.chance(75) {
                home = next_home(b, home);
            }
            let p = b.place(home);
            qrtp = matches!(home, Home::Facility(Setting::Qrtp, _))
                .then(|| (p.id().clone(), false, false));
            b.push(EventData::ReturnedFromRunaway(p));
        } else if !matches!(home, Home::Facility(..)) && b.rng.mille(25) {
            b.placements += 1;
            let stay: PlacementId = id(format!("PL-{}-{}", b.n, b.placements));
            let nights = 2 + b.rng.below(6);
            let returns = b.date + Days::new(nights);
            b.push(EventData::Respite(Respite::new(stay, returns)));
            b.date = returns;
        }
        if b.rng.below(10_000) < 15 {
            let by = if b.rng.chance(50) {
                Perpetrator::Other
            } else {
                Perpetrator::Relative
            };
            let date = b.date;
            b.report(date, by);
        }
    }
    home
}

/// Leaves a facility for a family home (a trial home visit, an adoption and a guardianship start
/// from a family).
fn to_family(b: &mut Builder, home: Home, to: Home) -> Home {
    if home == to {
        return home;
    }
    b.later(1, 5);
    if to == Home::Foster(0) {
        b.keep_licensed();
    }
    let p = b.place(to);
    b.push(EventData::PlacementChanged(p));
    to
}

fn episode_events(b: &mut Builder, exit: Exit, long: bool) {
    let removed = b.date;
    let manner = match b.rng.below(10) {
        0..=5 => Manner::CourtOrder,
        6..=8 => Manner::Emergency,
        _ => Manner::CourtOrder,
    };
    let mut circumstances = vec![if b.rng.chance(60) {
        Circumstance::Neglect
    } else {
        Circumstance::PhysicalAbuse
    }];
    if b.rng.chance(35) {
        circumstances.push(Circumstance::CaregiverDrugUse);
    }
    if b.rng.chance(15) {
        circumstances.push(Circumstance::InadequateHousing);
    }
    let circumstances: Circumstances = circumstances.into_iter().collect();
    b.keep_licensed();
    b.push(EventData::Removal(
        Removal::new(manner).with_circumstances(circumstances),
    ));
    b.push(EventData::CourtFinding(Finding::ContraryToWelfare));
    let mut home = if b.rng.chance(35) {
        Home::Relative
    } else if b.age_years() >= 13 && b.rng.chance(30) {
        facility(b)
    } else {
        Home::Foster(0)
    };
    let p = b.place(home);
    let first_qrtp = matches!(home, Home::Facility(Setting::Qrtp, _)).then(|| p.id().clone());
    b.push(EventData::PlacementBegun(p));

    // A few percent go home within the week (a stay under 8 days).
    if exit == Exit::Reunified && b.rng.chance(6) {
        b.later(1, 6);
        b.push(EventData::Discharge(Discharge::reunified()));
        return;
    }
    b.later(3, 25);
    b.push(EventData::RelativesNotified);
    if let Some(placement) = first_qrtp {
        b.push(EventData::QrtpAssessed {
            placement,
            outcome: QrtpAssessment::Appropriate,
        });
    }
    b.later(5, 40);
    b.push(EventData::CourtFinding(Finding::AbuseOrNeglect));
    b.push(EventData::CourtFinding(Finding::PreventionEfforts(
        PreventionEfforts::Made,
    )));
    b.push(EventData::CasePlanCompleted);
    let concurrent = if b.rng.chance(50) {
        Some(Goal::Adoption)
    } else {
        Some(Goal::LegalGuardianship)
    };
    b.push(EventData::PlanSet(
        Goals::new(Goal::Reunification, concurrent, None).unwrap(),
    ));

    // The length of the stay, by how it ends.
    let mut stay = match exit {
        Exit::Reunified if b.rng.chance(15) => 300 + b.rng.below(900),
        Exit::Reunified => 10 + b.rng.below(120) + b.rng.below(200) + b.rng.below(200),
        Exit::Adopted if long => 365 * 8 + b.rng.below(365 * 4),
        Exit::Adopted => 540 + b.rng.below(700) + b.rng.below(900),
        Exit::Guardianship => 330 + b.rng.below(400) + b.rng.below(300),
        Exit::Relatives => 60 + b.rng.below(300) + b.rng.below(300),
        Exit::Transferred => 30 + b.rng.below(500),
        Exit::RanAway => 90 + b.rng.below(400),
        Exit::Emancipated => 0,
    };
    if exit == Exit::Emancipated {
        // Until the 18th birthday, or (a quarter) on in extended care to 19–21.
        let mut at = b.eighteenth_birthday() + Days::new(b.rng.below(45));
        if b.rng.chance(25) {
            at = at + Days::new(200 + b.rng.below(900));
        }
        stay = (at - removed).num_days().max(60) as u64;
    }
    let exit_date = removed + Days::new(stay);
    match exit {
        Exit::Reunified => {
            // A third through a trial home visit (10 days to four months).
            let visit = b.rng.chance(35).then(|| 10 + b.rng.below(110));
            let begins = exit_date - Days::new(visit.unwrap_or(0));
            home = in_care(b, begins, home, long);
            if let Some(days) = visit {
                if let Home::Facility(..) = home {
                    to_family(b, home, Home::Foster(0));
                }
                b.date = b.date.max(begins);
                let p = b.family_placement(Setting::TrialHomeVisit, "FB");
                b.push(EventData::TrialHomeVisitBegun(p.try_into().unwrap()));
                b.later(days, 1);
            } else {
                b.date = b.date.max(exit_date);
            }
            b.push(EventData::Discharge(Discharge::reunified()));
        }
        Exit::Adopted => {
            // The goal changes, the petition is filed, every legal parent's rights end, the child
            // is placed with the adoptive family, and the adoption is finalized months later.
            let tpr = exit_date - Days::new(240 + b.rng.below(120));
            home = in_care(b, tpr - Days::new(90), home, long);
            b.later(1, 10);
            b.push(EventData::PlanSet(Goals::primary(Goal::Adoption).unwrap()));
            b.later(10, 40);
            b.push(EventData::TprPetitionFiled);
            b.date = b.date.max(tpr);
            b.push(EventData::ParentalRightsTerminated {
                parent: id(format!("P-M-{}", b.n)),
            });
            if b.father {
                let parent = id(format!("P-F-{}", b.n));
                if b.rng.chance(30) {
                    b.push(EventData::ParentalRightsRelinquished { parent });
                } else {
                    b.push(EventData::ParentalRightsTerminated { parent });
                }
            }
            b.later(20, 60);
            if let Home::Facility(..) = home {
                to_family(b, home, Home::Foster(0));
            }
            let p = b.family_placement(Setting::PreAdoptiveHome, "FA");
            b.push(EventData::PlacedForAdoption(p));
            b.date = b.date.max(exit_date);
            b.push(EventData::AdoptionFinalized);
        }
        Exit::Guardianship => {
            // Six months and more with the relatives before the guardianship.
            let move_in = exit_date - Days::new(200 + b.rng.below(100));
            home = in_care(b, move_in, home, long);
            home = to_family(b, home, Home::Relative);
            b.push(EventData::PlanSet(
                Goals::primary(Goal::LegalGuardianship).unwrap(),
            ));
            in_care(b, exit_date, home, long);
            b.date = b.date.max(exit_date);
            let mut g = Guardianship::new(id(format!("FG-{}", b.n)));
            if b.rng.chance(60) {
                g = g.with_kinship_assistance();
            }
            b.push(EventData::Discharge(Discharge::Guardianship(g)));
        }
        Exit::Relatives => {
            in_care(b, exit_date, home, long);
            b.date = b.date.max(exit_date);
            b.push(EventData::Discharge(
                Discharge::to_relatives().to_family(id(format!("FR-{}", b.n))),
            ));
        }
        Exit::Emancipated => {
            let plan = exit_date - Days::new(30 + b.rng.below(60));
            in_care(b, plan, home, long);
            b.date = b.date.max(plan);
            b.push(EventData::TransitionPlanCompleted);
            b.date = b.date.max(exit_date);
            b.push(EventData::Discharge(Discharge::Emancipated));
        }
        Exit::Transferred => {
            in_care(b, exit_date, home, long);
            b.date = b.date.max(exit_date);
            b.push(EventData::Discharge(Discharge::TransferredToAnotherAgency));
        }
        Exit::RanAway => {
            in_care(b, exit_date, home, long);
            b.date = b.date.max(exit_date);
            b.push(EventData::Discharge(Discharge::RunawayDischarge));
        }
    }
}

/// The `n` cases of the caseload of seed 0, replayed.
pub fn caseload(n: u64, policy: &Policy) -> Vec<Case> {
    caseload_seeded(n, 0, policy)
}

/// The `n` cases of the caseload of `seed`, each built event by event through [`Case::apply`]:
/// every event accepted, or the generator is wrong and this panics naming the case and event.
pub fn caseload_seeded(n: u64, seed: u64, policy: &Policy) -> Vec<Case> {
    (0..n)
        .map(|i| build(case_seeded(i, seed), policy))
        .collect()
}

/// One synthetic case built through [`Case::apply`].
pub fn build(s: Synthetic, policy: &Policy) -> Case {
    let who = s.child.id().clone();
    let mut case = Case::new(s.child, s.families)
        .unwrap_or_else(|e| panic!("synthetic case {who:?} is invalid: {e}"));
    for (i, e) in s.events.into_iter().enumerate() {
        let (kind, date) = (e.kind(), e.date());
        case.apply(e, policy).unwrap_or_else(|err| {
            panic!("synthetic case {who:?}, event {i} ({kind} on {date}): {err:?}")
        });
    }
    case
}
