//! A horizontal bar chart laid out here, as numbers: the app draws it with SVG elements
//! (attributes and classes only — the CSP forbids `style`), and [`svg_document`] writes the
//! same chart as a standalone SVG file to download.
//!
//! Rules, each pinned by a test:
//! - Every text of the document is XML-escaped; control characters (which XML 1.0 cannot
//!   carry even escaped) become spaces or are dropped, so a hostile label cannot break out.
//! - The document names itself for screen readers: `role="img"`, `aria-labelledby` pointing
//!   at its `<title>` and `<desc>`, and carries its own colours as presentation attributes.
//! - A bar's length is proportional to its value; a value above 0 is always visible.

/// Width of the whole chart, in SVG user units.
pub const CHART_WIDTH: u32 = 640;
const LABEL_WIDTH: u32 = 220;
const VALUE_ROOM: u32 = 48;
const BAR_HEIGHT: u32 = 16;
const ROW_GAP: u32 = 10;
const LEGEND_HEIGHT: u32 = 26;
const AXIS_HEIGHT: u32 = 24;
const MAX_LABEL_CHARS: usize = 32;
/// Colours of the series in the standalone file (the app uses classes instead).
const SERIES_COLOURS: [&str; 3] = ["#1f5f99", "#b4501a", "#3d7d3a"];

/// One row to draw: a label and one value per series, with the link behind each value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowInput {
    /// The row's name.
    pub label: String,
    /// One value per series.
    pub values: Vec<usize>,
    /// One link per series (`None`: no link).
    pub hrefs: Vec<Option<String>>,
}

/// One bar, placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Which series (colour class `series-<n>`).
    pub series: usize,
    /// Its value.
    pub value: usize,
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Length.
    pub width: u32,
    /// Thickness.
    pub height: u32,
    /// Where its number starts (left edge of the text).
    pub text_x: u32,
    /// The number's baseline.
    pub text_y: u32,
    /// The members behind it.
    pub href: Option<String>,
}

/// One row, placed: its label (right-aligned at `label_x`) and its bars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartRow {
    /// The label as drawn (shortened with "…" when long; the full one is in `full_label`).
    pub label: String,
    /// The label in full.
    pub full_label: String,
    /// Right edge of the label.
    pub label_x: u32,
    /// Baseline of the label.
    pub label_y: u32,
    /// Its bars, one per series.
    pub bars: Vec<Bar>,
}

/// A mark on the axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// Where it is.
    pub x: u32,
    /// Its value.
    pub value: usize,
}

/// A legend entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendItem {
    /// Which series.
    pub series: usize,
    /// Left edge of its swatch.
    pub x: u32,
    /// Its name.
    pub text: String,
}

/// A chart laid out: sizes and places as numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarChart {
    /// Its name.
    pub title: String,
    /// What it shows, in a sentence or two.
    pub description: String,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
    /// Where the bars start.
    pub plot_x: u32,
    /// Where the axis line is.
    pub axis_y: u32,
    /// Where the axis line ends.
    pub axis_end_x: u32,
    /// The legend (empty with one series).
    pub legend: Vec<LegendItem>,
    /// The rows.
    pub rows: Vec<ChartRow>,
    /// The axis' marks.
    pub ticks: Vec<Tick>,
}

impl BarChart {
    /// The `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }
}

/// A step for the axis' marks: 1, 2 or 5 times a power of ten, about four marks.
fn tick_step(max: usize) -> usize {
    let mut step = 1usize;
    loop {
        for factor in [1usize, 2, 5] {
            let candidate = step.saturating_mul(factor);
            if max / candidate <= 4 {
                return candidate.max(1);
            }
        }
        step = step.saturating_mul(10);
    }
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        label.to_owned()
    } else {
        let mut short: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        short.push('…');
        short
    }
}

/// Lays out `rows` with one value per series in `series` (the legend's names).
pub fn lay_out(title: String, description: String, series: &[String], rows: &[RowInput]) -> BarChart {
    let n_series = series.len().max(1);
    let legend_height = if series.len() > 1 { LEGEND_HEIGHT } else { 0 };
    let row_height = n_series as u32 * BAR_HEIGHT + ROW_GAP;
    let plot_x = LABEL_WIDTH;
    let plot_width = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM;
    let max = rows.iter().flat_map(|row| row.values.iter().copied()).max().unwrap_or(0);
    let scale_max = max.max(1);
    let length = |value: usize| -> u32 {
        let exact = (value as u128 * plot_width as u128 / scale_max as u128) as u32;
        if value > 0 {
            exact.max(1)
        } else {
            0
        }
    };
    let legend = series
        .iter()
        .enumerate()
        .filter(|_| series.len() > 1)
        .map(|(i, text)| LegendItem { series: i, x: plot_x + i as u32 * 150, text: text.clone() })
        .collect();
    let placed_rows = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let top = legend_height + r as u32 * row_height;
            let bars = (0..n_series)
                .map(|s| {
                    let value = row.values.get(s).copied().unwrap_or(0);
                    let y = top + s as u32 * BAR_HEIGHT;
                    let width = length(value);
                    Bar {
                        series: s,
                        value,
                        x: plot_x,
                        y,
                        width,
                        height: BAR_HEIGHT - 2,
                        text_x: plot_x + width + 4,
                        text_y: y + BAR_HEIGHT - 4,
                        href: row.hrefs.get(s).cloned().flatten(),
                    }
                })
                .collect();
            ChartRow {
                label: shorten(&row.label),
                full_label: row.label.clone(),
                label_x: plot_x - 8,
                label_y: top + (n_series as u32 * BAR_HEIGHT) / 2 + 4,
                bars,
            }
        })
        .collect();
    let axis_y = legend_height + rows.len() as u32 * row_height;
    let step = tick_step(max);
    let ticks = (0..=max / step).map(|i| i * step).map(|value| Tick { x: plot_x + length(value), value }).collect();
    BarChart {
        title,
        description,
        width: CHART_WIDTH,
        height: axis_y + AXIS_HEIGHT,
        plot_x,
        axis_y,
        axis_end_x: plot_x + plot_width,
        legend,
        rows: placed_rows,
        ticks,
    }
}

/// `text` safe inside an XML element or a double- or single-quoted attribute.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The chart as a standalone SVG document: its own colours and font, named and described.
pub fn svg_document(chart: &BarChart) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"sans-serif\" font-size=\"12\">\n<title id=\"chart-title\">{title}</title>\n<desc id=\"chart-desc\">{desc}</desc>\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
        w = chart.width,
        h = chart.height,
        title = xml_escape(&chart.title),
        desc = xml_escape(&chart.description),
    );
    for item in &chart.legend {
        let colour = SERIES_COLOURS[item.series % SERIES_COLOURS.len()];
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{tx}\" y=\"16\" fill=\"#1a1a1a\">{text}</text>",
            x = item.x,
            tx = item.x + 16,
            text = xml_escape(&item.text),
        );
    }
    for row in &chart.rows {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text>",
            row.label_x,
            row.label_y,
            xml_escape(&row.label)
        );
        for bar in &row.bars {
            let colour = SERIES_COLOURS[bar.series % SERIES_COLOURS.len()];
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" fill=\"#1a1a1a\">{}</text>",
                bar.x, bar.y, bar.width, bar.height, bar.text_x, bar.text_y, bar.value
            );
        }
    }
    let _ = writeln!(
        out,
        "<line x1=\"{x}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"#555555\"/>",
        x = chart.plot_x,
        y = chart.axis_y,
        x2 = chart.axis_end_x,
    );
    for tick in &chart.ticks {
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{y}\" x2=\"{x}\" y2=\"{y2}\" stroke=\"#555555\"/><text x=\"{x}\" y=\"{ty}\" text-anchor=\"middle\" fill=\"#1a1a1a\">{v}</text>",
            x = tick.x,
            y = chart.axis_y,
            y2 = chart.axis_y + 4,
            ty = chart.axis_y + 16,
            v = tick.value,
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use quick_xml::events::Event;

    const HOSTILE: &str = "<script>alert(1)</script> & \"q\" 'a' ]]> \u{0}\u{7}\u{1b}\t\u{FFFF}end";

    fn row(label: &str, values: &[usize]) -> RowInput {
        RowInput { label: label.into(), values: values.to_vec(), hrefs: vec![None; values.len()] }
    }

    /// Every element, text and attribute of a well-formed document, unescaped; panics on a
    /// broken one (or on an entity XML does not predefine: the file stands alone).
    fn parse(document: &str) -> (Vec<String>, Vec<String>, Vec<(String, String)>) {
        let mut reader = quick_xml::Reader::from_str(document);
        let (mut elements, mut texts, mut attributes) = (Vec::new(), Vec::new(), Vec::new());
        let mut text = String::new();
        loop {
            let event = reader.read_event().unwrap_or_else(|err| panic!("not well-formed: {err}\n{document}"));
            if !matches!(event, Event::Text(_) | Event::GeneralRef(_)) && !text.trim().is_empty() {
                texts.push(std::mem::take(&mut text));
            }
            match event {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) => {
                    text.clear();
                    elements.push(e.name().as_ref().to_owned());
                    for attribute in e.attributes() {
                        let attribute = attribute.unwrap_or_else(|err| panic!("attribute: {err}\n{document}"));
                        let value = attribute
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap_or_else(|err| panic!("{err}\n{document}"));
                        attributes.push((attribute.key.as_ref().to_owned(), value.into_owned()));
                    }
                }
                Event::Text(t) => text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => text.push(match &*r.xml10_content() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("entity {other} in a standalone file\n{document}"),
                }),
                Event::CData(_) => panic!("no CDATA expected\n{document}"),
                _ => text.clear(),
            }
        }
        (elements, texts, attributes)
    }

    #[test]
    fn hostile_labels_stay_text() {
        let chart = lay_out(HOSTILE.into(), HOSTILE.into(), &["a".into(), HOSTILE.into()], &[row(HOSTILE, &[1, 2])]);
        let document = svg_document(&chart);
        let (elements, texts, _) = parse(&document);
        assert!(!elements.iter().any(|e| e == "script"), "{document}");
        assert!(texts.iter().any(|t| t.starts_with("<script>alert(1)</script> & \"q\" 'a' ]]>")), "{texts:?}");
        assert!(!document.contains("]]>"), "{document}");
        assert!(!document.chars().any(|c| c.is_control() && c != '\n'), "{document}");
    }

    #[test]
    fn the_document_names_and_describes_itself() {
        let chart = lay_out("Mapa".into(), "Oferta y demanda".into(), &["s".into()], &[row("x", &[3])]);
        let document = svg_document(&chart);
        let (elements, texts, attributes) = parse(&document);
        assert_eq!(elements.first().map(String::as_str), Some("svg"));
        assert!(elements.contains(&"title".to_owned()) && elements.contains(&"desc".to_owned()));
        assert!(texts.contains(&"Mapa".to_owned()) && texts.contains(&"Oferta y demanda".to_owned()));
        for expected in [
            ("role", "img"),
            ("aria-labelledby", "chart-title chart-desc"),
            ("id", "chart-title"),
            ("id", "chart-desc"),
        ] {
            assert!(attributes.iter().any(|(k, v)| k == expected.0 && v == expected.1), "{expected:?}");
        }
        assert!(!attributes.iter().any(|(k, _)| k == "style" || k == "class"), "stands alone: {document}");
    }

    #[test]
    fn bars_are_proportional_and_a_non_zero_value_shows() {
        let chart =
            lay_out("t".into(), "d".into(), &["a".into(), "b".into()], &[row("x", &[1000, 1]), row("y", &[500, 0])]);
        let widths: Vec<Vec<u32>> = chart.rows.iter().map(|r| r.bars.iter().map(|b| b.width).collect()).collect();
        let full = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM;
        assert_eq!(widths, [vec![full, 1], vec![full / 2, 0]]);
        assert_eq!(chart.legend.len(), 2);
        assert!(chart.ticks.first().is_some_and(|t| t.value == 0) && chart.ticks.len() >= 2);
    }

    proptest! {
        #[test]
        fn any_labels_and_values_make_a_well_formed_document(
            labels in prop::collection::vec("\\PC{0,40}|[\\x00-\\x1f<>&\"'\\]]{0,10}", 0..6),
            values in prop::collection::vec(0usize..usize::MAX, 0..12),
        ) {
            let rows: Vec<RowInput> = labels.iter().enumerate()
                .map(|(i, label)| row(label, &[values.get(i).copied().unwrap_or(0), values.get(i + 6).copied().unwrap_or(0)]))
                .collect();
            let chart = lay_out(labels.concat(), "d".into(), &["a".into(), "b".into()], &rows);
            for bar in chart.rows.iter().flat_map(|r| &r.bars) {
                prop_assert!(bar.width <= CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM);
                prop_assert_eq!(bar.width == 0, bar.value == 0);
            }
            parse(&svg_document(&chart));
        }
    }
}
