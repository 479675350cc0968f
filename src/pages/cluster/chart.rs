//! Draws a bar chart laid out by the core (`vitrina_core::chart`) with SVG elements: sizes
//! are attributes and colours are classes (the CSP forbids `style`).

use leptos::prelude::*;
use vitrina_core::chart::BarChart;

/// A bar chart as one image (`role="img"`), named by its title and described by its
/// description; the numbers are in a table beside it.
#[component]
pub fn BarChartView(chart: BarChart, id: &'static str) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let legend = chart
        .legend
        .iter()
        .map(|item| {
            view! {
                <g class="chart-legend" aria-hidden="true">
                    <rect class=format!("chart-bar series-{}", item.series) x=item.x y="6" width="12" height="12" />
                    <text class="chart-text" x=item.x + 16 y="16">{item.text.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let rows = chart
        .rows
        .iter()
        .map(|row| {
            let bars = row
                .bars
                .iter()
                .map(|bar| {
                    view! {
                        <g>
                            <rect
                                class=format!("chart-bar series-{}", bar.series)
                                x=bar.x
                                y=bar.y
                                width=bar.width
                                height=bar.height
                            />
                            <text class="chart-value" x=bar.text_x y=bar.text_y>{bar.value}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <g class="chart-row">
                    <text class="chart-text" x=row.label_x y=row.label_y text-anchor="end">
                        {row.label.clone()}
                    </text>
                    {bars}
                </g>
            }
        })
        .collect_view();
    let ticks = chart
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <g aria-hidden="true">
                    <line class="chart-axis" x1=tick.x y1=chart.axis_y x2=tick.x y2=chart.axis_y + 4 />
                    <text class="chart-text" x=tick.x y=chart.axis_y + 16 text-anchor="middle">{tick.value}</text>
                </g>
            }
        })
        .collect_view();
    // `title` is also an HTML element, and the view macro makes an HTML one here; built
    // by hand it is the SVG title, in the SVG namespace.
    let title = leptos::tachys::svg::title().id(title_id).child(chart.title.clone());
    view! {
        <svg
            class="bar-chart"
            viewBox=chart.view_box()
            width=chart.width
            height=chart.height
            role="img"
            aria-labelledby=labelled_by
        >
            {title}
            <desc id=desc_id>{chart.description.clone()}</desc>
            {legend}
            {rows}
            <line
                class="chart-axis"
                x1=chart.plot_x
                y1=chart.axis_y
                x2=chart.axis_end_x
                y2=chart.axis_y
                aria-hidden="true"
            />
            {ticks}
        </svg>
    }
}

/// A chart whose every bar is a link to the members behind it: a list of links, each with
/// its label, its bar (an SVG drawn to the core's length, hidden from screen readers, which
/// read the label and the number) and its number.
#[component]
pub fn LinkedBars(chart: BarChart, id: &'static str) -> impl IntoView {
    let plot_width = chart.axis_end_x - chart.plot_x;
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let items = chart
        .rows
        .iter()
        .filter_map(|row| row.bars.first().map(|bar| (row, bar)))
        .map(|(row, bar)| {
            let bar_view = view! {
                <svg class="linked-bar" viewBox=format!("0 0 {plot_width} 14") preserveAspectRatio="none" aria-hidden="true">
                    <rect class=format!("chart-bar series-{}", bar.series) x="0" y="0" width=bar.width height="14" />
                </svg>
            };
            let label = view! { <span class="linked-bar-label">{row.full_label.clone()}</span> };
            let number = view! { <span class="linked-bar-value">{bar.value}</span> };
            match &bar.href {
                Some(href) if bar.value > 0 => {
                    view! { <li><a href=href.clone()>{label}{bar_view}{number}</a></li> }.into_any()
                }
                _ => view! { <li><span class="linked-bar-row">{label}{bar_view}{number}</span></li> }.into_any(),
            }
        })
        .collect_view();
    view! {
        <figure class="chart-figure linked-chart" aria-labelledby=labelled_by>
            <figcaption id=title_id>
                <strong>{chart.title.clone()}</strong>
                " "
                <span class="chart-description">{chart.description.clone()}</span>
            </figcaption>
            <ol class="linked-bars">{items}</ol>
        </figure>
    }
}
