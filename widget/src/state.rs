//! The widget's one piece of state and the actions that change it.

use maturity_core::{Instrument, Response, Special};
use std::rc::Rc;
use yew::Reducible;

/// An assessment in progress: the instrument and the answers so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The matrix being rated; shared, never changed by actions.
    pub instrument: Rc<Instrument>,
    /// The answers so far.
    pub response: Rc<Response>,
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
}

impl Assessment {
    /// A fresh assessment of `instrument`.
    pub fn new(instrument: Rc<Instrument>) -> Self {
        let response = Rc::new(Response::new(&instrument));
        Assessment {
            instrument,
            response,
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

impl Reducible for Assessment {
    type Action = Timed;

    fn reduce(self: Rc<Self>, Timed { action, at }: Timed) -> Rc<Self> {
        let mut response = (*self.response).clone();
        match action {
            Action::Rate { item, level } => {
                let answer = response.answers.entry(item).or_default();
                answer.level = Some(level);
                answer.special = None;
            }
            Action::Special { item, special } => {
                let answer = response.answers.entry(item).or_default();
                answer.level = None;
                answer.special = Some(special);
            }
            Action::Notes { item, text } => {
                let answer = response.answers.entry(item.clone()).or_default();
                answer.notes = text;
                if answer.is_empty() {
                    response.answers.remove(&item);
                }
            }
        }
        if response.created.is_empty() {
            response.created = at.clone();
        }
        response.updated = at;
        Rc::new(Assessment {
            instrument: self.instrument.clone(),
            response: Rc::new(response),
        })
    }
}
