//! An assessment in progress: its answers, and every change a person can make to them.

use maturity_core::{Answer, Field, ProgressLine, Response, Special, Status};
#[cfg(feature = "board")]
use std::rc::Rc;
#[cfg(feature = "board")]
use yew::Reducible;

/// The answers so far, and what the last change was: a rater's turn on the board's device.
#[cfg(feature = "board")]
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
// The progress view's actions are only made in the board build; the reducer is shared.
#[cfg_attr(not(feature = "board"), allow(dead_code))]
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
    /// Choose an item as one of the board's priorities now, or not.
    Prioritise {
        /// The item's id.
        item: String,
        /// Whether it is a priority.
        on: bool,
    },
    /// Replace one field of the board paper's cover sheet.
    Paper {
        /// Which field.
        field: PaperField,
        /// The new text.
        text: String,
    },
    /// Say where an item's action stands.
    Status {
        /// The item's id.
        item: String,
        /// Its status now.
        status: Status,
    },
    /// Add a dated line to an item's progress log, with the status it leaves the action in.
    Progress {
        /// The item's id.
        item: String,
        /// The line.
        line: ProgressLine,
    },
    /// Set or clear the date of the next review (`YYYY-MM-DD`, or empty).
    NextReview {
        /// The date.
        date: String,
    },
}

/// A field of the board paper's cover sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperField {
    /// The meeting.
    Meeting,
    /// The meeting's date (`YYYY-MM-DD`).
    Date,
    /// The agenda item.
    AgendaItem,
    /// Who wrote the paper.
    Author,
    /// The executive lead.
    ExecutiveLead,
    /// What the paper is for.
    Purpose,
    /// What the board is asked to do.
    BoardAskedTo,
}

#[cfg(feature = "board")]
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
    #[cfg(feature = "board")]
    pub fn is_typing(&self) -> bool {
        matches!(
            self,
            Action::Notes { .. }
                | Action::Plan { .. }
                | Action::Detail { .. }
                | Action::Paper { .. }
        )
    }

    /// The field of the assessment this action changes.
    pub fn field(&self) -> Field {
        match self {
            Action::Rate { item, .. } | Action::Special { item, .. } => Field::Rating(item.clone()),
            Action::Notes { item, .. } => Field::Notes(item.clone()),
            Action::Target { item, .. } => Field::Target(item.clone()),
            Action::Plan { item, field, .. } => match field {
                PlanField::Action => Field::Action(item.clone()),
                PlanField::Owner => Field::Owner(item.clone()),
                PlanField::Due => Field::Due(item.clone()),
            },
            Action::Detail { field, .. } => match field {
                Detail::Title => Field::Title,
                Detail::Organisation => Field::Organisation,
                Detail::RespondentName => Field::RespondentName,
                Detail::RespondentRole => Field::RespondentRole,
            },
            Action::Prioritise { item, .. } => Field::Prioritised(item.clone()),
            Action::Paper { .. } => Field::Paper,
            Action::Status { item, .. } => Field::Status(item.clone()),
            Action::Progress { item, .. } => Field::Progress(item.clone()),
            Action::NextReview { .. } => Field::NextReview,
        }
    }

    /// Applies the action, made at `at`, to `response`. An answer emptied of everything leaves
    /// no trace, so clearing the only note on an item undoes it fully.
    pub fn apply(self, response: &mut Response, at: String) {
        let mut edit = |item: String, edit: &dyn Fn(&mut Answer)| {
            let answer = response.answers.entry(item.clone()).or_default();
            edit(answer);
            if answer.is_empty() {
                response.answers.remove(&item);
            }
        };
        match self {
            Action::Rate { item, level } => edit(item, &|a| {
                a.level = Some(level);
                a.special = None;
            }),
            Action::Special { item, special } => edit(item, &|a| {
                a.level = None;
                a.special = Some(special);
            }),
            Action::Notes { item, text } => edit(item, &|a| a.notes.clone_from(&text)),
            Action::Target { item, level } => edit(item, &|a| a.target = level),
            Action::Plan { item, field, text } => edit(item, &|a| {
                let slot = match field {
                    PlanField::Action => &mut a.action,
                    PlanField::Owner => &mut a.owner,
                    PlanField::Due => &mut a.due,
                };
                slot.clone_from(&text);
            }),
            Action::Detail { field, text } => {
                let slot = match field {
                    Detail::Title => &mut response.title,
                    Detail::Organisation => &mut response.organisation,
                    Detail::RespondentName => &mut response.respondent.name,
                    Detail::RespondentRole => &mut response.respondent.role,
                };
                *slot = text;
            }
            Action::Prioritise { item, on } => edit(item, &|a| a.prioritised = on),
            Action::Paper { field, text } => {
                let paper = &mut response.paper;
                let slot = match field {
                    PaperField::Meeting => &mut paper.meeting,
                    PaperField::Date => &mut paper.date,
                    PaperField::AgendaItem => &mut paper.agenda_item,
                    PaperField::Author => &mut paper.author,
                    PaperField::ExecutiveLead => &mut paper.executive_lead,
                    PaperField::Purpose => &mut paper.purpose,
                    PaperField::BoardAskedTo => &mut paper.board_asked_to,
                };
                *slot = text;
            }
            Action::Status { item, status } => edit(item, &|a| a.status = Some(status)),
            // A line that changes the status changes the action's status too, so the log and
            // the status never disagree.
            Action::Progress { item, line } => edit(item, &|a| {
                if let Some(status) = line.status {
                    a.status = Some(status);
                }
                a.progress.push(line.clone());
            }),
            Action::NextReview { date } => response.next_review = date,
        }
        if response.created.is_empty() {
            response.created.clone_from(&at);
        }
        response.updated = at;
    }
}

/// Actions arrive with the time they happened so the reducers stay pure functions.
#[derive(Debug, Clone, PartialEq)]
pub struct Timed {
    /// What happened.
    pub action: Action,
    /// When, as an RFC 3339 timestamp.
    pub at: String,
}

#[cfg(feature = "board")]
impl Reducible for Assessment {
    type Action = Timed;

    fn reduce(self: Rc<Self>, Timed { action, at }: Timed) -> Rc<Self> {
        let mut response = (*self.response).clone();
        let typing = action.is_typing();
        let last_item = action.field().item().map(str::to_owned);
        action.apply(&mut response, at);
        Rc::new(Assessment {
            response: Rc::new(response),
            last_item,
            typing,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(response: &mut Response, action: Action) {
        action.apply(response, "2026-11-29T10:00:00.000Z".into());
    }

    #[test]
    fn actions_change_their_field_and_the_timestamps() {
        let instrument = maturity_core::builtin("nhs-impact").unwrap();
        let mut response = Response::new(&instrument);
        let item = || "purpose-created".to_owned();
        apply(
            &mut response,
            Action::Rate {
                item: item(),
                level: 3,
            },
        );
        apply(
            &mut response,
            Action::Notes {
                item: item(),
                text: "Survey".into(),
            },
        );
        apply(
            &mut response,
            Action::Plan {
                item: item(),
                field: PlanField::Due,
                text: "2027-03-31".into(),
            },
        );
        apply(
            &mut response,
            Action::Detail {
                field: Detail::Title,
                text: "Board".into(),
            },
        );
        let answer = &response.answers["purpose-created"];
        assert_eq!(
            (answer.level, answer.notes.as_str(), answer.due.as_str()),
            (Some(3), "Survey", "2027-03-31")
        );
        assert_eq!(response.title, "Board");
        assert_eq!(response.created, "2026-11-29T10:00:00.000Z");
        assert_eq!(response.updated, "2026-11-29T10:00:00.000Z");
        apply(
            &mut response,
            Action::Special {
                item: item(),
                special: Special::DontKnow,
            },
        );
        assert_eq!(
            (
                response.answers["purpose-created"].level,
                response.answers["purpose-created"].special
            ),
            (None, Some(Special::DontKnow))
        );
    }

    #[test]
    fn an_answer_emptied_of_everything_leaves_no_trace() {
        let instrument = maturity_core::builtin("nhs-impact").unwrap();
        let mut response = Response::new(&instrument);
        apply(
            &mut response,
            Action::Notes {
                item: "x".into(),
                text: "a".into(),
            },
        );
        apply(
            &mut response,
            Action::Notes {
                item: "x".into(),
                text: String::new(),
            },
        );
        assert!(response.answers.is_empty());
    }

    #[test]
    fn each_action_names_its_field() {
        let action = Action::Plan {
            item: "x".into(),
            field: PlanField::Owner,
            text: String::new(),
        };
        assert_eq!(action.field(), Field::Owner("x".into()));
        assert!(action.is_typing());
        assert!(!Action::Target {
            item: "x".into(),
            level: None
        }
        .is_typing());
    }
}
