//! The action plan as a table, for printed papers.

use maturity_core::{date_in_words, gap_words, ActionPlanEntry};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`PlanTable`].
#[derive(Properties, PartialEq)]
pub struct PlanTableProps {
    /// The priorities, in the plan's order, from the core.
    pub plan: Rc<Vec<ActionPlanEntry>>,
    /// What the rows are, for the table's caption (read by screen readers).
    #[prop_or(AttrValue::Static("The board's priorities, in order"))]
    pub caption: AttrValue,
}

/// What a blank action, owner or date says on paper: a board reads an empty cell as an
/// omission, "to be agreed" as work still to do.
fn or_to_be_agreed(text: &str) -> Html {
    if text.trim().is_empty() {
        html! { <span class="mm-hint">{ "To be agreed" }</span> }
    } else {
        html! { text.to_owned() }
    }
}

/// One row per priority, numbered in order: the item, where it is and aims to be with its gap,
/// the action, owner and due date (in words).
#[component]
pub fn PlanTable(props: &PlanTableProps) -> Html {
    let rows = props.plan.iter().enumerate().map(|(index, entry)| {
        html! {
            <tr key={entry.item_id.clone()}>
                <td class="mm-number">{ index + 1 }</td>
                <th scope="row">{ &entry.item_title }</th>
                <td>{ format!("{} \u{2192} {} ({})", entry.current.label, entry.target.label, gap_words(entry.gap)) }</td>
                <td class="mm-prewrap">{ or_to_be_agreed(&entry.action) }</td>
                <td>{ or_to_be_agreed(&entry.owner) }</td>
                <td class="mm-date-cell">{ or_to_be_agreed(&date_in_words(&entry.due)) }</td>
            </tr>
        }
    });
    super::scroll_region(
        "The board's priorities",
        html! {
            <table class="mm-table mm-plan-table">
                <caption class="mm-visually-hidden">{ props.caption.clone() }</caption>
                <thead><tr><th scope="col">{ "No." }</th><th scope="col">{ "Item" }</th><th scope="col">{ "Now \u{2192} target" }</th><th scope="col">{ "Action" }</th><th scope="col">{ "Owner" }</th><th scope="col">{ "Due" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        },
    )
}
