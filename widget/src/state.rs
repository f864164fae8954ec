//! The widget's one piece of state and the actions that change it.

use maturity_core::{Instrument, Response};
use std::rc::Rc;
use yew::Reducible;

/// An assessment in progress: the instrument and the answers so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The matrix being rated; shared, never changed by actions.
    pub instrument: Rc<Instrument>,
    /// The answers so far.
    pub response: Response,
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
}

impl Assessment {
    /// A fresh assessment of `instrument`.
    pub fn new(instrument: Rc<Instrument>) -> Self {
        let response = Response::new(&instrument);
        Assessment {
            instrument,
            response,
        }
    }
}

impl Reducible for Assessment {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Rate { item, level } => {
                let answer = next.response.answers.entry(item).or_default();
                answer.level = Some(level);
                answer.special = None;
            }
        }
        Rc::new(next)
    }
}
