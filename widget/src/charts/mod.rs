//! Charts drawn as SVG from the core's figures. Each is an image described by text beside it,
//! so nothing depends on seeing it.

mod distribution;
mod heat_map;
mod radar;
mod trend_chart;

pub use distribution::DistributionChart;
pub use heat_map::HeatMap;
pub use radar::{Profile, RadarChart};
pub use trend_chart::TrendChart;
