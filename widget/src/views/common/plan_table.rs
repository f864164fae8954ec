//! The action plan as a table, for printed papers.

use maturity_core::ActionPlanEntry;
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`PlanTable`].
#[derive(Properties, PartialEq)]
pub struct PlanTableProps {
    /// The plan, highest priority first, from the core.
    pub plan: Rc<Vec<ActionPlanEntry>>,
}

/// One row per entry: the item, where it is and aims to be, the action, owner and due date.
#[component]
pub fn PlanTable(props: &PlanTableProps) -> Html {
    let rows = props.plan.iter().map(|entry| {
        html! {
            <tr key={entry.item_id.clone()}>
                <th scope="row">{ &entry.item_title }</th>
                <td>{ format!("{} \u{2192} {}", entry.current.label, entry.target.label) }</td>
                <td class="mm-prewrap">{ &entry.action }</td>
                <td>{ &entry.owner }</td>
                <td>{ &entry.due }</td>
            </tr>
        }
    });
    html! {
        <table class="mm-table">
            <caption class="mm-visually-hidden">{ "Action plan, highest priority first" }</caption>
            <thead><tr><th scope="col">{ "Item" }</th><th scope="col">{ "Now \u{2192} target" }</th><th scope="col">{ "Action" }</th><th scope="col">{ "Owner" }</th><th scope="col">{ "Due" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
