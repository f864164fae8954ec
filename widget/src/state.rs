//! The widget's state: the open assessment, the actions that change it, and the views.

use maturity_core::{Answer, Instrument, Response, Special};
use std::rc::Rc;
use yew::Reducible;

/// An assessment in progress: the instrument and the answers so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The matrix being rated; shared, never changed by actions.
    pub instrument: Rc<Instrument>,
    /// The answers so far.
    pub response: Rc<Response>,
    /// The item the last action changed, so its component's new score can be announced.
    pub last_item: Option<String>,
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
    /// An assessment of `instrument` holding `response`.
    pub fn new(instrument: Rc<Instrument>, response: Response) -> Self {
        Assessment {
            instrument,
            response: Rc::new(response),
            last_item: None,
        }
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
            instrument: self.instrument.clone(),
            response: Rc::new(response),
            last_item,
        })
    }
}

/// The views of the widget, in the order the navigation lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// What the assessment is for, its details, and the saved assessments.
    Start,
    /// Rating the items, component by component.
    Assess,
    /// The profile: chart, tables, strengths and gaps.
    Results,
    /// The action plan.
    Plan,
    /// The board paper, laid out for printing.
    Paper,
    /// Several people's ratings together: collect, discuss, agree.
    Board,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 6] = [
        View::Start,
        View::Assess,
        View::Results,
        View::Plan,
        View::Paper,
        View::Board,
    ];

    /// The name used in saved state and in the `view` option.
    pub fn name(self) -> &'static str {
        match self {
            View::Start => "start",
            View::Assess => "assess",
            View::Results => "results",
            View::Plan => "plan",
            View::Paper => "paper",
            View::Board => "board",
        }
    }

    /// The view called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.name() == name)
    }

    /// The label in the navigation, also the view's heading.
    pub fn label(self) -> &'static str {
        match self {
            View::Start => "Start",
            View::Assess => "Assess",
            View::Results => "Results",
            View::Plan => "Action plan",
            View::Paper => "Board paper",
            View::Board => "Board view",
        }
    }

    /// The heading shown at the top of the view.
    pub fn heading(self) -> &'static str {
        match self {
            View::Start => "About this self-assessment",
            View::Assess => "Rate each item",
            View::Results => "Results",
            View::Plan => "Action plan",
            View::Paper => "Board paper",
            View::Board => "Board view: everyone's ratings together",
        }
    }
}

/// Whether the answers may be changed, shared with every control through a context rather
/// than passed down through each view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Readonly(pub bool);

/// True when the widget only shows the answers.
#[yew::hook]
pub fn use_readonly() -> bool {
    yew::use_context::<Readonly>().is_some_and(|readonly| readonly.0)
}

/// A node that receives focus when its component first renders: used where a button the
/// person pressed disappears (a stage of the board replaced by the next), so focus lands at
/// the start of what replaced it rather than on the page body.
#[yew::hook]
pub fn use_focus_on_mount() -> yew::NodeRef {
    let node = yew::use_node_ref();
    {
        let node = node.clone();
        yew::use_effect_with((), move |()| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    node
}
