//! Charts drawn as SVG from the core's figures. Each is an image described by text beside it,
//! so nothing depends on seeing it.

#[cfg(feature = "board")]
mod distribution;
mod heat_map;
mod radar;
#[cfg(feature = "board")]
mod trend_chart;

#[cfg(feature = "board")]
pub use distribution::DistributionChart;
pub use heat_map::HeatMap;
pub use radar::{Profile, RadarChart};
#[cfg(feature = "board")]
pub use trend_chart::TrendChart;
