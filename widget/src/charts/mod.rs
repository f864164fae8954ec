//! Charts drawn as SVG from the core's figures. Each is an image described by text beside it,
//! so nothing depends on seeing it.

mod distribution;
mod heat_map;
mod radar;

pub use distribution::DistributionChart;
pub use heat_map::HeatMap;
pub use radar::{Profile, RadarChart};
