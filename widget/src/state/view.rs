//! The screens of the widget, and where a person is among them.

use maturity_core::{Response, ScoreReport};
use std::rc::Rc;

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
    /// The actions through the year: status, progress notes, dates.
    Progress,
    /// The board paper, laid out for printing.
    Paper,
    /// Several people's ratings together: collect, discuss, agree.
    Board,
    /// The board's discussion in the room, one item at a time, recording the agreed record.
    Facilitate,
    /// Several organisations' agreed records side by side.
    System,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 9] = [
        View::Start,
        View::Assess,
        View::Results,
        View::Plan,
        View::Progress,
        View::Paper,
        View::Board,
        View::Facilitate,
        View::System,
    ];

    /// Whether the view is only in the board build (www/src/element.js keeps the same list).
    pub fn needs_board_build(self) -> bool {
        matches!(
            self,
            View::Progress | View::Board | View::Facilitate | View::System
        )
    }

    /// The name used in saved state and in the `view` option.
    pub fn name(self) -> &'static str {
        match self {
            View::Start => "start",
            View::Assess => "assess",
            View::Results => "results",
            View::Plan => "plan",
            View::Progress => "progress",
            View::Paper => "paper",
            View::Board => "board",
            View::Facilitate => "facilitate",
            View::System => "system",
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
            View::Progress => "Progress",
            View::Paper => "Board paper",
            View::Board => "Board view",
            View::Facilitate => "Facilitate",
            View::System => "System view",
        }
    }

    /// The heading shown at the top of the view.
    pub fn heading(self) -> &'static str {
        match self {
            View::Start => "About this self-assessment",
            View::Assess => "Rate each item",
            View::Results => "Results",
            View::Plan => "Action plan",
            View::Progress => "Progress on actions",
            View::Paper => "Board paper",
            View::Board => "Board view: everyone's ratings together",
            View::Facilitate => "The board's discussion, item by item",
            View::System => "System view: organisations side by side",
        }
    }
}

/// Which assessment is open and where the person was, restored on reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The open assessment's slot.
    pub slot: u32,
    /// The view.
    pub view: View,
    /// The component shown in the assess view.
    pub component: usize,
}

impl Place {
    /// The start of assessment `slot`, on `view`.
    pub fn at(slot: u32, view: View) -> Place {
        Place {
            slot,
            view,
            component: 0,
        }
    }
}

/// A request to open an assessment: where, and what to tell the person about it ("Imported
/// …"), if anything happened worth saying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    /// Where to go.
    pub place: Place,
    /// What to say, once, in the status line.
    pub message: Option<std::rc::Rc<str>>,
}

impl From<Place> for Open {
    fn from(place: Place) -> Self {
        Open {
            place,
            message: None,
        }
    }
}

impl Open {
    /// Opening `place` and saying `message`.
    pub fn saying(place: Place, message: impl Into<std::rc::Rc<str>>) -> Open {
        Open {
            place,
            message: Some(message.into()),
        }
    }
}

/// An assessment being opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    /// Where to go.
    pub place: Place,
    /// Whether to move focus to the view's heading: yes when the person asked for it, no when
    /// the page has just loaded.
    pub focus: bool,
    /// What to tell the person about it, once.
    pub message: Option<Rc<str>>,
    /// Counts the openings, so opening the assessment already open (on another view) mounts
    /// a fresh session there too.
    pub serial: u32,
}

/// What the host hears on opening and after every change: the answers as they leave the tool
/// (with any set aside after a revision of the matrix), their scores as the session computed
/// them, and whether the person changed something.
pub type Answers = (Rc<Response>, Rc<ScoreReport>, bool);
