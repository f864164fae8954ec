//! An assessment in progress: its answers, and every change a person can make to them.

use maturity_core::{Answer, Response, Special};
use std::rc::Rc;
use yew::Reducible;

/// The answers so far, and what the last change was.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The answers so far.
    pub response: Rc<Response>,
    /// The item the last action changed, so its component's new score can be announced.
    pub last_item: Option<String>,
    /// Whether the last action was typing (notes, plan text, details): such changes are saved
    /// after a pause rather than at every keystroke.
    pub typing: bool,
}

/// A free-text field of an item's action plan entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    /// What will be done.
    Action,
    /// Who owns it.
    Owner,
    /// When it is due (`YYYY-MM-DD`).
    Due,
}

/// A field describing the assessment as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The assessment's name, shown in the list of saved assessments.
    Title,
    /// The organisation assessed.
    Organisation,
    /// Who is rating.
    RespondentName,
    /// Their role.
    RespondentRole,
}

/// Everything a person can do to an assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Choose a level for an item.
    Rate {
        /// The item's id.
        item: String,
        /// The level's value.
        level: u8,
    },
    /// Choose "not applicable" or "don't know" for an item.
    Special {
        /// The item's id.
        item: String,
        /// Which special answer.
        special: Special,
    },
    /// Replace an item's evidence and notes.
    Notes {
        /// The item's id.
        item: String,
        /// The new text.
        text: String,
    },
    /// Set or clear the level an item aims for.
    Target {
        /// The item's id.
        item: String,
        /// The target level's value; `None` aims for the next level.
        level: Option<u8>,
    },
    /// Replace one field of an item's action plan entry.
    Plan {
        /// The item's id.
        item: String,
        /// Which field.
        field: PlanField,
        /// The new text.
        text: String,
    },
    /// Replace one of the assessment's details.
    Detail {
        /// Which detail.
        field: Detail,
        /// The new text.
        text: String,
    },
}

impl Assessment {
    /// An assessment holding `response`.
    pub fn new(response: Rc<Response>) -> Self {
        Assessment {
            response,
            last_item: None,
            typing: false,
        }
    }
}

impl Action {
    /// True for free text, typed a character at a time.
    pub fn is_typing(&self) -> bool {
        matches!(
            self,
            Action::Notes { .. } | Action::Plan { .. } | Action::Detail { .. }
        )
    }
}

/// Actions arrive with the time they happened so the reducer stays a pure function.
#[derive(Debug, Clone, PartialEq)]
pub struct Timed {
    /// What happened.
    pub action: Action,
    /// When, as an RFC 3339 timestamp.
    pub at: String,
}

/// Applies `edit` to an item's answer. An answer emptied of everything leaves no trace, so
/// clearing the only note on an item undoes it fully. Returns the item's id.
fn edit_answer(
    response: &mut Response,
    item: String,
    edit: impl FnOnce(&mut Answer),
) -> Option<String> {
    let answer = response.answers.entry(item.clone()).or_default();
    edit(answer);
    if answer.is_empty() {
        response.answers.remove(&item);
    }
    Some(item)
}

impl Reducible for Assessment {
    type Action = Timed;

    fn reduce(self: Rc<Self>, Timed { action, at }: Timed) -> Rc<Self> {
        let mut response = (*self.response).clone();
        let typing = action.is_typing();
        let last_item = match action {
            Action::Rate { item, level } => edit_answer(&mut response, item, |a| {
                a.level = Some(level);
                a.special = None;
            }),
            Action::Special { item, special } => edit_answer(&mut response, item, |a| {
                a.level = None;
                a.special = Some(special);
            }),
            Action::Notes { item, text } => edit_answer(&mut response, item, |a| a.notes = text),
            Action::Target { item, level } => {
                edit_answer(&mut response, item, |a| a.target = level)
            }
            Action::Plan { item, field, text } => edit_answer(&mut response, item, |a| {
                let slot = match field {
                    PlanField::Action => &mut a.action,
                    PlanField::Owner => &mut a.owner,
                    PlanField::Due => &mut a.due,
                };
                *slot = text;
            }),
            Action::Detail { field, text } => {
                let slot = match field {
                    Detail::Title => &mut response.title,
                    Detail::Organisation => &mut response.organisation,
                    Detail::RespondentName => &mut response.respondent.name,
                    Detail::RespondentRole => &mut response.respondent.role,
                };
                *slot = text;
                None
            }
        };
        if response.created.is_empty() {
            response.created = at.clone();
        }
        response.updated = at;
        Rc::new(Assessment {
            response: Rc::new(response),
            last_item,
            typing,
        })
    }
}
