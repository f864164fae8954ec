//! One item's ratings across a board, as a stacked bar with its figures written beside it.

use crate::state::context::use_widget;
use maturity_core::ItemAggregate;
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`DistributionChart`].
#[derive(Properties, PartialEq)]
pub struct DistributionChartProps {
    /// The item's aggregate.
    pub item: Rc<ItemAggregate>,
}

/// The bar is decoration for sighted readers (`aria-hidden`): the same counts are written out
/// as text next to it, so nothing depends on seeing the shading.
#[component]
pub fn DistributionChart(props: &DistributionChartProps) -> Html {
    let instrument = use_widget().instrument;
    let levels = &instrument.scale.levels;
    let item = &props.item;
    let total: u32 = item.count + item.without_level();
    let width = |count: u32| (count * 300).checked_div(total).unwrap_or(0);
    let mut x = 0;
    // Shades step evenly from the lightest (lowest level) to the darkest, whatever the scale.
    let steps = levels.len().saturating_sub(1).max(1);
    let segments = item.distribution.iter().enumerate().filter(|(_, &n)| n > 0).map(|(index, &count)| {
        let (start, w) = (x, width(count));
        x += w;
        html! { <rect class={format!("mm-dist mm-dist--{}", index * 4 / steps)} x={start.to_string()} y="0" width={w.to_string()} height="20" /> }
    }).collect::<Vec<_>>();
    let other = item.without_level();
    let rest = (other > 0).then(|| html! { <rect class="mm-dist mm-dist--other" x={x.to_string()} y="0" width={width(other).to_string()} height="20" /> });
    let mut words: Vec<String> = item
        .level_counts(&instrument)
        .filter(|&(_, n)| n > 0)
        .map(|(level, n)| format!("{} {n}", level.label))
        .collect();
    let scale = &instrument.scale;
    for (count, label) in [
        (
            item.not_applicable,
            scale.not_applicable.as_ref().map(|a| a.label.as_str()),
        ),
        (
            item.dont_know,
            scale.dont_know.as_ref().map(|a| a.label.as_str()),
        ),
        (item.unanswered, Some("not answered")),
    ] {
        if count > 0 {
            words.push(format!("{} {count}", label.unwrap_or("")));
        }
    }
    html! {
        <div class="mm-distribution">
            <svg class="mm-distribution__bar" viewBox="0 0 300 20" aria-hidden="true" focusable="false" preserveAspectRatio="none">
                { for segments }{ rest.unwrap_or_default() }
            </svg>
            <p class="mm-distribution__text">{ words.join(" · ") }</p>
        </div>
    }
}
