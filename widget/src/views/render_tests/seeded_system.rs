//! The system view as it is once a person has added a system's records: the render tests
//! cannot drop files.

use crate::views::system::use_system_view;
use maturity_core::Response;
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`SeededSystem`].
#[derive(Properties, PartialEq)]
pub struct SeededSystemProps {
    /// The organisations' agreed records.
    pub records: Rc<Vec<Response>>,
    /// Whether the names are hidden.
    #[prop_or_default]
    pub anonymous: bool,
}

/// The system view, started from `records`.
#[component]
pub fn SeededSystem(props: &SeededSystemProps) -> Html {
    use_system_view(props.records.clone(), props.anonymous)
}
