//! [`EpisodeFacts`]: what an AFCARS record says of one removal episode, as of a date, read
//! from a [`Case`]'s derived facts.

use chrono::NaiveDate;

use crate::case::event::{Circumstances, EventData, Manner};
use crate::case::stage::ExitReason;
use crate::case::{Case, Episode, EpisodeExit, ParentalRights};
use crate::family::Relationship;
use crate::id::PersonId;
use crate::placement::{self, Placement, Provider, Setting};
use crate::plan::Goal;

use super::codes::{
    CaseGoal1993, ExitReason1993, ExitReason2020, FosterHomeType, FosterHomeTypes,
    LivingArrangement2020, Location2020, Manner1993, OutOfState1993, PermanencyPlan2020,
    PlacementSetting1993, RemovalReasons1993,
};

/// Which parent a TPR date is reported for: 1993 TPRMOMDT (element 47, the mother) or TPRDADDT
/// (element 48, the legal or putative father).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum ParentRole {
    /// Recorded as the mother ([`Relationship::Mother`]).
    Mother,
    /// Recorded as the father or the putative father ([`Relationship::Father`],
    /// [`Relationship::PutativeFather`]).
    Father,
    /// An adoptive parent or legal guardian: the crate does not record a parent's sex, so it
    /// cannot tell the mother from the father. Report by person id.
    Other,
}

crate::codes::code_names! {
    ParentRole, "parent role": Mother = "mother", Father = "father", Other = "other"
}

/// One parent of the episode and the state of their rights as of the report date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ParentTpr {
    /// The parent.
    pub person: PersonId,
    /// Mother, father, or neither known.
    pub role: ParentRole,
    /// Their rights as of the report date, or the episode's exit when it ended before
    /// ([`ParentalRights::on`]).
    pub rights: ParentalRights,
}

impl ParentTpr {
    /// The 1993 TPR date (TPRMOMDT / TPRDADDT): the date the rights were terminated by a court
    /// or relinquished. A parent's death is not a TPR in the 1993 elements.
    pub fn tpr_date_1993(&self) -> Option<NaiveDate> {
        match self.rights {
            ParentalRights::Terminated(d) | ParentalRights::Relinquished(d) => Some(d),
            _ => None,
        }
    }

    /// The 2020 date of termination/modification of parental rights (45 CFR
    /// 1355.44(c)(5)(ii)): terminated or relinquished, or the date of death for a parent who
    /// died.
    pub fn tpr_date_2020(&self) -> Option<NaiveDate> {
        match self.rights {
            ParentalRights::Terminated(d)
            | ParentalRights::Relinquished(d)
            | ParentalRights::Deceased(d) => Some(d),
            _ => None,
        }
    }
}

/// The AFCARS facts of one removal episode as of a report date: what
/// [`Case::afcars_episode`] reads from the case's derived facts, each with the 1993 and 2020
/// codes it is reported as.
///
/// It holds ids, codes and dates of events, never the child's name or birth date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct EpisodeFacts {
    /// The episode's number: 1 for the first removal, 2 for the first re-entry, ...
    pub episode: u32,
    /// The removal date (1993 E21 LATREMDT; 2020 E69).
    pub removal_date: NaiveDate,
    /// How the child was removed.
    pub manner: Manner,
    /// 1993 E25 MANREM as of the report date: an emergency removal reads 3 "not yet determined"
    /// until a court order about it (a court finding of the episode) is issued, then 2 "court
    /// ordered".
    pub manner_1993: Manner1993,
    /// The circumstances at removal (2020 E72–E105).
    pub circumstances: Circumstances,
    /// The 1993 removal reasons (E26–E40) the circumstances set
    /// ([`RemovalReasons1993::from_circumstances`]).
    pub removal_reasons_1993: RemovalReasons1993,
    /// The number of placement settings in the episode up to the report date (1993 E24
    /// NUMPLEP): [`Case::placement_moves`] + 1 when there is at least one setting, else 0. Trial
    /// home visits and runaways are not settings (CWPM 1.2B.7).
    pub placement_settings: u32,
    /// The setting on the report date: the latest placement begun on or before it — for an
    /// episode that has ended, the last setting, as AFCARS reports a discharged child. `None`
    /// before the first placement.
    pub current_setting: Option<Setting>,
    /// 1993 E41 CURPLSET of the current setting.
    pub current_setting_1993: Option<PlacementSetting1993>,
    /// 2020 E113–E120 of the current setting.
    pub current_setting_2020: Option<LivingArrangement2020>,
    /// 2020 E114–E119 of the current setting when it is a foster family home (E113 "yes"):
    /// every type that is "yes". E114 "licensed home" is read from the caregiver family's
    /// license in force on the report date (on the placement's last day, for one that ended
    /// before it), not from the setting: a licensed relative home is both E114 and E117, an
    /// unlicensed non-relative foster home none (foster care "regardless of licensure", 45 CFR
    /// 1355.20; 1355.44(e)(3)). `None` for another living arrangement or before the first
    /// placement.
    pub current_home_types_2020: Option<FosterHomeTypes>,
    /// 1993 E42 PLACEOUT of the current setting: yes when it is out of the state (or the
    /// country). `None` before the first placement.
    pub current_out_of_state_1993: Option<OutOfState1993>,
    /// 2020 E121 of the current setting: its location, or 4 "runaway or whereabouts unknown"
    /// for a runaway. `None` before the first placement.
    pub current_location_2020: Option<Location2020>,
    /// Who provides the current setting, when recorded.
    pub current_provider: Option<Provider>,
    /// The date the child was placed in the current setting (1993 E23 CURSETDT): a return
    /// after a runaway or a trial home visit to the same provider, or a change of the same
    /// family's license, continues the setting and keeps its date (CWPM 1.2B.7).
    pub current_setting_since: Option<NaiveDate>,
    /// The primary goal of the latest plan established from the removal to the report date (to
    /// the exit, for an episode that ended before it: a later episode's plan is not its goal).
    pub goal: Option<Goal>,
    /// 1993 E43 CASEGOAL (7 "not yet established" without a plan).
    pub goal_1993: CaseGoal1993,
    /// 2020 E148 ("permanency plan not established" without a plan).
    pub goal_2020: PermanencyPlan2020,
    /// The child's parents at the removal — the legal parents ([`Case::legal_parents_on`]) and,
    /// before any adoption, the putative fathers of the birth families — each with their rights
    /// as of the report date (as of the exit, for an episode that ended before it).
    pub parents: Vec<ParentTpr>,
    /// 1993 E47 TPRMOMDT: the TPR date of the first parent recorded as the mother.
    pub tpr_mother: Option<NaiveDate>,
    /// 1993 E48 TPRDADDT: the TPR date of the first parent recorded as the (legal or putative)
    /// father.
    pub tpr_father: Option<NaiveDate>,
    /// The exit, when it is on or before the report date (1993 E56 DODFCDT; 2020 E153).
    pub exit: Option<EpisodeExit>,
    /// 1993 E58 DISREASN (0 "not applicable" while in care).
    pub exit_1993: ExitReason1993,
    /// 2020 E155 (9 "not applicable" while in care).
    pub exit_2020: ExitReason2020,
}

impl Case {
    /// The AFCARS facts of `episode` (one of [`Case::episodes`]) as of `as_of`: only what
    /// happened on or before that date counts (placements begun, plans established, rights
    /// ended, the exit).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use permanency::afcars::{ExitReason1993, PlacementSetting1993};
    /// use permanency::*;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
    /// let carer = Person::new(PersonId::new("P-2")?, Name::new("Fay")?);
    /// let foster = Family::builder(FamilyId::new("F-2")?, FamilyKind::NonRelativeFoster)
    ///     .member(Member::new(carer, Relationship::NonRelative).caregiver())
    ///     .license(FosterLicense::new(LicenseStatus::Licensed, d(2020, 1, 1), None)?)
    ///     .build()?;
    /// let mut case = Case::new(child, vec![foster])?;
    /// let federal = Policy::federal();
    /// let neglect = Circumstances::none().with(Circumstance::Neglect);
    /// let removal = Removal::new(Manner::CourtOrder).with_circumstances(neglect);
    /// case.apply(Event::new(d(2024, 1, 10), EventData::Removal(removal))?, &federal)?;
    /// let home = NewPlacement::new(PlacementId::new("PL-1")?, Setting::NonRelativeFosterHome, Some(FamilyId::new("F-2")?))?;
    /// case.apply(Event::new(d(2024, 1, 10), EventData::PlacementBegun(home))?, &federal)?;
    ///
    /// let facts = case.afcars_episode(&case.episodes()[0], d(2024, 3, 31));
    /// assert_eq!(facts.placement_settings, 1);
    /// assert_eq!(facts.current_setting_1993, Some(PlacementSetting1993::FosterFamilyNonRelative));
    /// assert_eq!(facts.current_setting_since, Some(d(2024, 1, 10)));
    /// assert_eq!(facts.manner_1993.code(), 2);
    /// assert_eq!(facts.exit_1993, ExitReason1993::NotApplicable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn afcars_episode(&self, episode: &Episode, as_of: NaiveDate) -> EpisodeFacts {
        let removal = episode.removal_date();
        let circumstances = match self.events().get(episode.removal_event()).map(|e| e.what()) {
            Some(EventData::Removal(r)) => r.circumstances,
            _ => Circumstances::none(),
        };

        let placements = self.episode_placements(episode);
        let begun = placements.partition_point(|p| p.start() <= as_of);
        let begun = &placements[..begun];
        let current = begun.last();
        let since = current.map(|p| setting_since(begun, p));

        // An ended episode's record stops at its exit: a later episode's plan or TPR is not its.
        let upto = episode.exit().map_or(as_of, |x| x.date.min(as_of));
        let goal = self
            .plans()
            .iter()
            .rev()
            .find(|p| p.established() >= removal && p.established() <= upto)
            .map(|p| p.primary_goal());

        let parents = self.episode_parents(episode, upto);
        let first_tpr = |role| {
            parents
                .iter()
                .find(|p| p.role == role)
                .and_then(ParentTpr::tpr_date_1993)
        };
        let (tpr_mother, tpr_father) =
            (first_tpr(ParentRole::Mother), first_tpr(ParentRole::Father));

        let exit = episode.exit().filter(|x| x.date <= as_of);
        let reason: Option<ExitReason> = exit.map(|x| x.reason);
        EpisodeFacts {
            episode: episode.number(),
            removal_date: removal,
            manner: episode.manner(),
            manner_1993: self.manner_1993(episode, as_of),
            circumstances,
            removal_reasons_1993: RemovalReasons1993::from_circumstances(circumstances),
            placement_settings: placement::count_settings(begun),
            current_setting: current.map(Placement::setting),
            current_setting_1993: current.map(|p| p.setting().afcars_1993()),
            current_setting_2020: current.map(|p| p.setting().afcars_2020()),
            current_home_types_2020: current.and_then(|p| self.home_types_2020(p, as_of)),
            current_out_of_state_1993: current
                .map(|p| OutOfState1993::from_location(p.what().location())),
            current_location_2020: current
                .map(|p| Location2020::from_placement(p.setting(), p.what().location())),
            current_provider: current.and_then(Placement::provider),
            current_setting_since: since,
            goal,
            goal_1993: CaseGoal1993::from_goal(goal),
            goal_2020: PermanencyPlan2020::from_goal(goal),
            tpr_mother,
            tpr_father,
            parents,
            exit,
            exit_1993: ExitReason1993::from_exit(reason),
            exit_2020: ExitReason2020::from_exit(reason),
        }
    }

    /// E114–E119 of placement `p` as of `as_of` (its last day, when it ended before): the
    /// setting's own type but E114, and E114 when the caregiver family's license is in force.
    fn home_types_2020(&self, p: &Placement, as_of: NaiveDate) -> Option<FosterHomeTypes> {
        let LivingArrangement2020::FosterFamilyHome(own) = p.setting().afcars_2020() else {
            return None;
        };
        let on = match p.end() {
            Some(end) if end.date <= as_of => {
                end.date.pred_opt().unwrap_or(end.date).max(p.start())
            }
            _ => as_of,
        };
        let licensed = p
            .caregiver()
            .and_then(|f| self.family_on(f, on))
            .and_then(|f| f.license())
            .is_some_and(|l| l.in_force_on(on));
        let mut types = FosterHomeTypes::none();
        if own != FosterHomeType::LicensedHome {
            types = types.with(own);
        }
        if licensed {
            types = types.with(FosterHomeType::LicensedHome);
        }
        Some(types)
    }

    /// MANREM as of `as_of`: an emergency removal is 3 "not yet determined" only until a court
    /// order about it is issued (a finding of the episode's court, on or before `as_of`); then
    /// it is 2 "court ordered" (1993 Appendix A element 25).
    fn manner_1993(&self, episode: &Episode, as_of: NaiveDate) -> Manner1993 {
        let manner = episode.manner();
        let ordered = || {
            self.episode_events(episode).iter().any(|e| {
                matches!(e.what(), EventData::CourtFinding(_))
                    && e.issued().unwrap_or(e.date()) <= as_of
            })
        };
        if manner == Manner::Emergency && ordered() {
            Manner1993::CourtOrdered
        } else {
            manner.afcars_1993()
        }
    }

    /// The parents of `episode` with their rights as of `as_of`: the legal parents on the
    /// removal date, then (before any adoption) the putative fathers of the birth families.
    fn episode_parents(&self, episode: &Episode, as_of: NaiveDate) -> Vec<ParentTpr> {
        let removal = episode.removal_date();
        let role_of = |r: Relationship| match r {
            Relationship::Mother => ParentRole::Mother,
            Relationship::Father | Relationship::PutativeFather => ParentRole::Father,
            _ => ParentRole::Other,
        };
        let mut out: Vec<ParentTpr> = Vec::new();
        for ps in self.legal_parents_on(removal) {
            let role = self
                .family_on(&ps.family, removal)
                .and_then(|f| f.member(&ps.person))
                .map_or(ParentRole::Other, |m| role_of(m.relationship()));
            out.push(ParentTpr {
                rights: self.parental_rights(&ps.person).on(as_of),
                person: ps.person,
                role,
            });
        }
        let adopted_before = self.episodes().iter().any(|e| {
            e.exit()
                .is_some_and(|x| x.reason == ExitReason::Adopted && x.date <= removal)
        });
        if !adopted_before {
            for latest in self.families() {
                let Some(f) = self.family_on(latest.id(), removal) else {
                    continue;
                };
                if f.kind() != crate::FamilyKind::Birth {
                    continue;
                }
                for m in f.members() {
                    let person = m.person().id();
                    if m.relationship() == Relationship::PutativeFather
                        && !out.iter().any(|p| &p.person == person)
                    {
                        out.push(ParentTpr {
                            person: person.clone(),
                            role: ParentRole::Father,
                            rights: self.parental_rights(person).on(as_of),
                        });
                    }
                }
            }
        }
        out
    }
}

/// The first day of the setting `current` (the last of `begun`) continues: for a placement that
/// counts as a setting, the start of the earliest placement of its run of stays in the same
/// setting, across runaways and visits ([`Placement::same_setting_as`]); for a trial home
/// visit or a runaway, its own start.
fn setting_since(begun: &[Placement], current: &Placement) -> NaiveDate {
    if !current.setting().counts_as_placement_setting() {
        return current.start();
    }
    let mut since = current.start();
    let mut last: Option<&Placement> = None;
    for p in begun
        .iter()
        .filter(|p| p.setting().counts_as_placement_setting())
    {
        if !last.is_some_and(|prev| prev.same_setting_as(p)) {
            since = p.start();
        }
        last = Some(p);
    }
    since
}
