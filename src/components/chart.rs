//! Charts drawn by the dashboard as SVG: horizontal bars (they keep their labels readable at
//! 375 px, where upright bars would crowd them) and a gauge. Each chart has a caption, a table
//! of the same figures for screen readers and for copying, and can be saved as SVG or PNG.
//!
//! A bar that leads somewhere is an SVG link, followed through the router (it does not follow
//! SVG links by itself), so the walked rooms stay; focus or hover marks it and its tooltip
//! says its figure, which is also written beside it.

use crate::i18n::overview::ow;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// One bar: what it is, its figure, and where it leads.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    /// What is written beside the bar, when not the value itself (such as "950 / 1,000").
    pub figure: Option<String>,
    /// The bar's length against the longest, when not the value's (such as a share).
    pub scale: Option<f64>,
    pub href: Option<String>,
}

impl Bar {
    fn figure(&self) -> String {
        self.figure
            .clone()
            .unwrap_or_else(|| ow().num(self.value as usize))
    }
}

const ROW: usize = 26;
/// Where bars start, and the most of the width they take (percentages of the chart's width);
/// figures are written right-aligned at the far end, after the longest bar.
const BARS_AT: f64 = 36.0;
const BARS_SPAN: f64 = 36.0;
/// Longer labels are cut (the tooltip and the table have them whole), in widths of a Latin
/// letter: a Chinese character counts as two.
const LABEL_WIDTH: usize = 18;

fn width(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        2
    }
}

fn cut(label: &str) -> String {
    if label.chars().map(width).sum::<usize>() <= LABEL_WIDTH {
        return label.to_string();
    }
    let mut s = String::new();
    let mut used = 0;
    for c in label.chars() {
        if used + width(c) > LABEL_WIDTH - 1 {
            break;
        }
        used += width(c);
        s.push(c);
    }
    s.push('…');
    s
}

/// Follows an in-app link through the router.
fn follow(href: String) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    let navigate = use_navigate();
    move |ev: leptos::ev::MouseEvent| {
        // Let the browser open a new tab or window when asked to.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        navigate(&href, NavigateOptions::default());
    }
}

/// Enter on a focused bar follows it (browsers do not all activate SVG links by key).
fn enter(href: String) -> impl Fn(leptos::ev::KeyboardEvent) + Clone {
    let navigate = use_navigate();
    move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            navigate(&href, NavigateOptions::default());
        }
    }
}

/// A chart of horizontal bars with its caption, its table and its save buttons.
#[cfg(test)]
mod tests {
    #[test]
    fn long_labels_are_cut_by_width() {
        assert_eq!(super::cut("Lobby 12"), "Lobby 12");
        assert_eq!(
            super::cut("a very long room name indeed"),
            "a very long room …"
        );
        assert_eq!(super::cut("一二三四五六七八九十"), "一二三四五六七八…");
    }
}

#[component]
pub fn BarChart(
    /// The caption, also the saved file's name.
    caption: String,
    testid: &'static str,
    /// The table's headings: what a bar is, and what its figure counts.
    heads: (&'static str, &'static str),
    bars: Vec<Bar>,
    /// The bars count a room's members (not rooms).
    #[prop(optional)]
    members: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let longest = bars
        .iter()
        .map(|b| b.scale.unwrap_or(b.value as f64))
        .fold(0.0, f64::max);
    let height = (bars.len().max(1) * ROW).to_string();
    let cap_id = format!("{testid}-caption");
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = (i * ROW) as f64;
            let len = if longest > 0.0 {
                b.scale.unwrap_or(b.value as f64) / longest * BARS_SPAN
            } else {
                0.0
            };
            // A bar of something is never invisible.
            let len = if b.value > 0 { len.max(0.4) } else { 0.0 };
            let name = if members {
                ow().bar_members(&b.label, b.value as usize)
            } else {
                ow().bar(&b.label, b.value as usize)
            };
            let name = match &b.figure {
                Some(f) => format!("{} ({f})", name),
                None => name,
            };
            // (Each `view!` opens with a `g`: `view!` makes an `a` SVG's only inside SVG; it
            // makes `title` HTML's always, so that one is built by hand.) The `title` names
            // the bar for screen readers and shows on hover.
            let inner = view! {
                <g>
                    <rect class="band" x="0" y=y width="100%" height=ROW></rect>
                    <text class="label" x="0" y=y + 17.0>{cut(&b.label)}</text>
                    <rect class="bar" x=format!("{BARS_AT}%") y=y + 4.0 width=format!("{len:.2}%") height="18" rx="2"></rect>
                    <text class="value" x="100%" text-anchor="end" y=y + 17.0>{b.figure()}</text>
                </g>
            };
            let title = leptos::tachys::svg::title().child(name);
            match &b.href {
                Some(h) => view! {
                    <g>
                        <a href=crate::url::link(h) on:click=follow(h.clone())
                            on:keydown=enter(h.clone())>{title}{inner}</a>
                    </g>
                }
                .into_any(),
                None => view! { <g role="img">{title}{inner}</g> }.into_any(),
            }
        })
        .collect_view();
    let rows = bars
        .iter()
        .map(|b| {
            let label = match &b.href {
                Some(h) => view! { <a href=crate::url::link(h)>{b.label.clone()}</a> }.into_any(),
                None => b.label.clone().into_any(),
            };
            view! { <tr><th scope="row">{label}</th><td>{b.figure()}</td></tr> }
        })
        .collect_view();
    let file = caption.clone();
    let file2 = caption.clone();
    view! {
        <figure class="chart" data-testid=testid aria-labelledby=cap_id.clone()>
            <figcaption id=cap_id.clone()>{caption.clone()}</figcaption>
            {children.map(|c| c())}
            {if bars.is_empty() {
                view! { <p class="empty">{ow().none()}</p> }.into_any()
            } else {
                view! {
                    <svg node_ref=svg class="bars" width="100%" height=height role="group"
                        xmlns="http://www.w3.org/2000/svg">{drawn}</svg>
                }.into_any()
            }}
            <div class="toolbar">
                <details>
                    <summary>{ow().table()}</summary>
                    <table>
                        <caption>{caption}</caption>
                        <thead><tr><th scope="col">{heads.0}</th><th scope="col">{heads.1}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
                <button type="button" class="small" disabled=bars.is_empty()
                    on:click=move |_| save_svg(svg, &file)>{ow().save_svg()}</button>
                <button type="button" class="small" disabled=bars.is_empty()
                    on:click=move |_| save_png(svg, &file2)>{ow().save_png()}</button>
            </div>
        </figure>
    }
}

/// A gauge: how much of a limit is used.
#[component]
pub fn Gauge(caption: String, testid: &'static str, used: usize, limit: usize) -> impl IntoView {
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let share = if limit == 0 {
        0.0
    } else {
        (used as f64 / limit as f64).min(1.0) * 100.0
    };
    let words = ow().of_limit(used, limit);
    let label = words.clone();
    let class = if share >= 90.0 { "gauge full" } else { "gauge" };
    let file = caption.clone();
    let file2 = caption.clone();
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{caption}</figcaption>
            <svg node_ref=svg class=class width="100%" height="44" role="img"
                aria-label=label xmlns="http://www.w3.org/2000/svg">
                <rect class="band" x="0" y="0" width="100%" height="44"></rect>
                <rect class="track" x="0" y="4" width="100%" height="18" rx="3"></rect>
                <rect class="bar" x="0" y="4" width=format!("{share:.2}%") height="18" rx="3"></rect>
                <text class="value" x="0" y="40">{words}</text>
            </svg>
            <div class="toolbar">
                <button type="button" class="small" on:click=move |_| save_svg(svg, &file)>{ow().save_svg()}</button>
                <button type="button" class="small" on:click=move |_| save_png(svg, &file2)>{ow().save_png()}</button>
            </div>
        </figure>
    }
}

/// The chart as a file of its own: its size fixed, the page's colours and fonts written into
/// each shape (the file has no stylesheet), on the page's background. `(text, width, height)`.
fn standalone(svg: NodeRef<leptos::svg::Svg>) -> Option<(String, f64, f64)> {
    let svg: web_sys::Element = svg.get_untracked()?.unchecked_into();
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let window = window();
    let from = svg.query_selector_all("rect, text").ok()?;
    let to = copy.query_selector_all("rect, text").ok()?;
    for i in 0..from.length() {
        let (Some(a), Some(b)) = (from.item(i), to.item(i)) else {
            continue;
        };
        let (Ok(a), Ok(b)) = (
            a.dyn_into::<web_sys::Element>(),
            b.dyn_into::<web_sys::Element>(),
        ) else {
            continue;
        };
        if let Ok(Some(style)) = window.get_computed_style(&a) {
            let props: &[&str] = if a.tag_name() == "text" {
                &["fill", "font-family", "font-size", "font-weight"]
            } else {
                &["fill"]
            };
            for prop in props.iter().copied() {
                if let Ok(v) = style.get_property_value(prop) {
                    let _ = b.set_attribute(prop, &v);
                }
            }
        }
    }
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (rect.width().ceil(), rect.height().ceil());
    let _ = copy.set_attribute("width", &w.to_string());
    let _ = copy.set_attribute("height", &h.to_string());
    // The page's background: the first of the chart's ancestors that has one.
    let mut background = "#fff".to_string();
    let mut at = svg.parent_element();
    while let Some(el) = at {
        let colour = window
            .get_computed_style(&el)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("background-color").ok())
            .unwrap_or_default();
        if !colour.is_empty() && colour != "rgba(0, 0, 0, 0)" && colour != "transparent" {
            background = colour;
            break;
        }
        at = el.parent_element();
    }
    strip_comments(&copy);
    if let Ok(back) = document().create_element_ns(Some("http://www.w3.org/2000/svg"), "rect") {
        let _ = back.set_attribute("width", "100%");
        let _ = back.set_attribute("height", "100%");
        let _ = back.set_attribute("fill", &background);
        let _ = copy.insert_before(&back, copy.first_child().as_ref());
    }
    let text = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    Some((text, w, h))
}

/// Drops the markers the view library leaves in the DOM: they mean nothing in a file.
fn strip_comments(node: &web_sys::Node) {
    let mut child = node.first_child();
    while let Some(c) = child {
        child = c.next_sibling();
        if c.node_type() == web_sys::Node::COMMENT_NODE {
            let _ = node.remove_child(&c);
        } else {
            strip_comments(&c);
        }
    }
}

fn file_name(caption: &str, ext: &str) -> String {
    let stem: String = caption
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("{}.{ext}", stem.trim_matches('-'))
}

fn save_svg(svg: NodeRef<leptos::svg::Svg>, caption: &str) {
    if let Some((text, _, _)) = standalone(svg) {
        crate::export::download(&file_name(caption, "svg"), "image/svg+xml", &text);
    }
}

/// Draws the standalone SVG on a canvas at twice its size and saves that.
fn save_png(svg: NodeRef<leptos::svg::Svg>, caption: &str) {
    let Some((text, w, h)) = standalone(svg) else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = file_name(caption, "png");
    let img = image.clone();
    let done = wasm_bindgen::closure::Closure::once_into_js(move || {
        let canvas: Option<web_sys::HtmlCanvasElement> = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into().ok());
        let Some(canvas) = canvas else { return };
        canvas.set_width((w * 2.0) as u32);
        canvas.set_height((h * 2.0) as u32);
        let ctx: Option<web_sys::CanvasRenderingContext2d> = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into().ok());
        let Some(ctx) = ctx else { return };
        let _ = ctx.scale(2.0, 2.0);
        let _ = ctx.draw_image_with_html_image_element(&img, 0.0, 0.0);
        let Ok(url) = canvas.to_data_url_with_type("image/png") else {
            return;
        };
        let link: Option<web_sys::HtmlAnchorElement> = document()
            .create_element("a")
            .ok()
            .and_then(|a| a.dyn_into().ok());
        if let Some(a) = link {
            a.set_href(&url);
            a.set_download(&name);
            a.click();
        }
    });
    image.set_onload(Some(done.unchecked_ref()));
    // A data: address, which the page's Content-Security-Policy allows for images.
    let encoded = String::from(js_sys::encode_uri_component(&text));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}
