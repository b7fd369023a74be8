//! Horizontal bar charts drawn as SVG in the page, so they need no library and
//! print with it: one bar per label, its values stacked, a legend below.

use leptos::prelude::*;
use xuncha_core::stats::charts::Bar;

const WIDTH: f64 = 640.0;
const LABEL: f64 = 262.0;
const ROW: f64 = 26.0;
const BAR: f64 = 16.0;

/// A label cut to the room left of the bars (a Han character is about 12 px wide
/// here, other letters about half), with "…"; the whole label is the bar's tooltip.
fn fitted(label: &str) -> String {
    let room = LABEL - 14.0;
    let mut width = 0.0;
    let mut out = String::new();
    for c in label.chars() {
        width += if c.is_ascii() { 6.6 } else { 12.0 };
        if width > room {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

#[component]
pub fn BarChart(
    title: String,
    bars: Vec<Bar>,
    /// The series' names, in stacking order; each is coloured by `chart-series-N`.
    series: Vec<String>,
    testid: &'static str,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.values.iter().sum::<u64>()).max().unwrap_or(0).max(1) as f64;
    let room = WIDTH - LABEL - 60.0;
    let height = ROW * bars.len().max(1) as f64 + 4.0;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = 2.0 + ROW * i as f64;
            let total: u64 = bar.values.iter().sum();
            let mut x = LABEL;
            let segments = bar
                .values
                .iter()
                .enumerate()
                .filter(|(_, v)| **v > 0)
                .map(|(s, v)| {
                    let w = room * *v as f64 / max;
                    let rect = view! {
                        <rect x=format!("{x:.1}") y=format!("{:.1}", y + (ROW - BAR) / 2.0) width=format!("{w:.1}") height=BAR
                            class=format!("chart-series-{s}")><title>{v.to_string()}</title></rect>
                    };
                    x += w;
                    rect
                })
                .collect_view();
            view! {
                <g data-testid="chart-bar" data-total=total.to_string()>
                    <title>{bar.label.clone()}</title>
                    <text x=LABEL - 8.0 y=format!("{:.1}", y + ROW / 2.0 + 4.0) text-anchor="end" class="chart-label">{fitted(&bar.label)}</text>
                    {segments}
                    <text x=format!("{:.1}", x + 6.0) y=format!("{:.1}", y + ROW / 2.0 + 4.0) class="chart-value">{total.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let legend = (series.len() > 1).then(|| {
        series
            .into_iter()
            .enumerate()
            .map(|(i, name)| view! { <span class="chart-key"><i class=format!("chart-swatch chart-series-{i}")></i>{name}</span> })
            .collect_view()
    });
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height:.0}") width=WIDTH height=format!("{height:.0}") role="img">{rows}</svg>
            <div class="chart-legend">{legend}</div>
        </figure>
    }
}
