//! The action plan: what to work on, in what order, and what "better" looks like.

use crate::instrument::{Instrument, Level};
use crate::rating::Rating;
use crate::response::{ProgressLine, Response, Status};
use serde::Serialize;

/// One item below its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ActionPlanEntry {
    /// The component's id.
    pub component_id: String,
    /// The component's title.
    pub component_title: String,
    /// The item's id.
    pub item_id: String,
    /// The item's title.
    pub item_title: String,
    /// Where the item is now.
    pub current: LevelDescriptor,
    /// The next level up: the first thing to aim for.
    pub next: LevelDescriptor,
    /// The target level (the explicit target, else the next level).
    pub target: LevelDescriptor,
    /// The gap: how many levels separate the current rating from the target (the target set
    /// for the item, else the next level up). The one meaning of "gap" everywhere.
    pub gap: u32,
    /// `gap × item weight × component weight`: the plan's order, highest first.
    pub priority: u32,
    /// The evidence and notes recorded with the rating.
    pub notes: String,
    /// The action agreed, if any.
    pub action: String,
    /// Its owner.
    pub owner: String,
    /// Its due date (`YYYY-MM-DD`).
    pub due: String,
    /// Whether the board chose it as one of its priorities now.
    pub prioritised: bool,
    /// Where the action stands; none means not started.
    pub status: Option<Status>,
    /// The latest line of the action's progress log.
    pub progress: Option<ProgressLine>,
    /// What it takes to reach the next level, when the instrument says.
    pub move_up: String,
}

/// A level with this item's wording for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LevelDescriptor {
    /// The level's value.
    pub value: u8,
    /// The level's name.
    pub label: String,
    /// What the level looks like for this item.
    pub descriptor: String,
}

/// Every rated item below its target, in the order to take them: the widest gap first
/// (weighted by how much the item and its component count), then, among equals, the item
/// furthest from the top of the scale, then instrument order.
/// Items that are unanswered, not applicable or "don't know" have no entry: there is nothing
/// to measure a gap from. An item at the top level with no higher target has no entry.
pub fn action_plan(instrument: &Instrument, response: &Response) -> Vec<ActionPlanEntry> {
    let scale = &instrument.scale;
    let describe = |item: &crate::Item, index: usize| {
        let level: &Level = &scale.levels[index];
        LevelDescriptor {
            value: level.value,
            label: level.label.clone(),
            descriptor: item.descriptor(scale, index).to_owned(),
        }
    };
    let mut entries: Vec<ActionPlanEntry> = Vec::new();
    for (component, item) in instrument.items() {
        let Rating::Level(value) = response.rating(&item.id) else {
            continue;
        };
        let Some(current) = instrument.level_index(value) else {
            continue;
        };
        let answer = &response.answers[&item.id];
        let target = match answer.target.and_then(|t| instrument.level_index(t)) {
            Some(t) => t,
            None if answer.target.is_none() && current + 1 < scale.levels.len() => current + 1,
            None => continue,
        };
        if target <= current {
            continue;
        }
        let gap = u32::try_from(target - current).unwrap_or(u32::MAX);
        entries.push(ActionPlanEntry {
            component_id: component.id.clone(),
            component_title: component.title.clone(),
            item_id: item.id.clone(),
            item_title: item.title.clone(),
            current: describe(item, current),
            next: describe(item, current + 1),
            target: describe(item, target),
            gap,
            priority: gap * item.weight * component.weight,
            notes: answer.notes.clone(),
            action: answer.action.clone(),
            owner: answer.owner.clone(),
            due: answer.due.clone(),
            prioritised: answer.prioritised,
            status: answer.status,
            progress: answer.progress.last().cloned(),
            move_up: item.move_up_from(current).unwrap_or_default().to_owned(),
        });
    }
    // One rank: priority, highest first (it is below 10 × 1,000 × 1,000, far under 2^40), then
    // the current level, lowest first (at most 10 levels: four bits); ranking keeps instrument
    // order among equals.
    let levels = &instrument.scale.levels;
    crate::order::by_rank(entries, |entry| {
        let current = levels
            .iter()
            .position(|l| l.value == entry.current.value)
            .unwrap_or(0) as u64;
        (((1_u64 << 40) - u64::from(entry.priority)) << 4) | current
    })
}

/// A gap in words, the one way it is written: "gap: 1 level", "gap: 2 levels".
pub fn gap_words(gap: u32) -> String {
    format!("gap: {gap} level{}", if gap == 1 { "" } else { "s" })
}
