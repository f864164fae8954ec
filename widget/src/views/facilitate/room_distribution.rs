//! How the board rated one item, drawn to be read from the back of a room.

use crate::state::context::use_widget;
use maturity_core::ItemAggregate;
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`RoomDistribution`].
#[derive(Properties, PartialEq)]
pub struct RoomDistributionProps {
    /// The item's aggregate.
    pub item: Rc<ItemAggregate>,
}

/// One row per level, lowest first: the level's name, a bar as long as its share, and the
/// count written out. A list of words and numbers first, so a screen reader reads the same
/// thing the room sees; the bars are decoration.
#[component]
pub fn RoomDistribution(props: &RoomDistributionProps) -> Html {
    let instrument = use_widget().instrument;
    let item = &props.item;
    let most = item.distribution.iter().copied().max().unwrap_or(0).max(1);
    let rows = item.level_counts(&instrument).map(|(level, count)| {
            html! {
                <li class="mm-room-dist__row">
                    <span class="mm-room-dist__label">{ &level.label }</span>
                    // An SVG shape's width is an attribute, which a strict Content Security Policy
                    // allows where an inline style is refused.
                    <svg class="mm-room-dist__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect class="mm-room-dist__fill" width={(count * 100 / most).to_string()} height="10" />
                    </svg>
                    <span class="mm-room-dist__count">{ count }</span>
                </li>
            }
        });
    let others = item.without_level();
    html! {
        <>
            <ul class="mm-room-dist">{ for rows }</ul>
            if others > 0 {
                <p>{ format!("{others} gave no level (not applicable, don't know, or no answer).") }</p>
            }
        </>
    }
}
