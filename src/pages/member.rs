//! A member's profile, at `#/member/<id>`.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::fair::events_running;
use vitrina_core::follow_up::EntryId;
use vitrina_core::format::{date_range, long_date, mailto_href, member_kind, tel_href, whatsapp_href};
use vitrina_core::model::{Contact, Member};
use vitrina_core::query::Facet;
use vitrina_core::{Directory, Lang, Route, Text};

use crate::adapters::scheduling;
use crate::components::lazy_details::LazyDetails;
use crate::components::member_card::MemberCard;
use crate::components::member_search::filtered_list_route;
use crate::components::note_conflict_notice::NoteConflictNotice;
use crate::components::qr_code::QrCode;
use crate::components::save_button::SaveButton;
use crate::follow_up::FollowUp;
use crate::i18n::{employees, investment_musd, ui};
use crate::pages::stand_card::member_qr_link;
use crate::split::Deferred;
use crate::state::{Catalog, Navigation, Today, UiLang};

/// The profile of one member, or a quiet notice when the id is not in the directory.
#[component]
pub fn MemberPage(loaded: Arc<Catalog>, id: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let route = expect_context::<Navigation>().route();
    // Read once: the panel stays for this visit even if the address changes under it.
    let via_qr = route.with_untracked(|route| matches!(route, Route::Member { via_qr: true, .. }));
    // "Similar members" (which needs the search index) comes after the profile is on screen,
    // the index built a step per task.
    let painted = RwSignal::new(false);
    let catalog = loaded.clone();
    leptos::task::spawn_local(async move {
        scheduling::after_next_paint().await;
        catalog.index_in_steps().await;
        scheduling::next_task().await;
        let _ = painted.try_set(true);
    });
    move || {
        let lang = lang.get();
        match loaded.directory.members.iter().position(|member| member.id.as_str() == id) {
            Some(index) => {
                let directory = &loaded.directory;
                let member = &directory.members[index];
                let similar = {
                    let loaded = loaded.clone();
                    move || painted.get().then(|| similar_members(&loaded, index, lang))
                };
                view! {
                    {profile(&loaded, member, lang, via_qr)}
                    {similar}
                }
                .into_any()
            }
            None => view! {
                <section class="not-found">
                    <h1>{ui(lang).not_found_title}</h1>
                    <p>{ui(lang).member_not_found}</p>
                    <p>
                        <a href="#/">{ui(lang).back_to_directory}</a>
                    </p>
                </section>
            }
            .into_any(),
        }
    }
}

/// Resolves localized text from the file for the visitor's language.
fn text(directory: &Directory, text: &Text, lang: Lang) -> String {
    text.resolve(lang.tag(), directory.fallback_language()).to_owned()
}

fn profile(catalog: &Arc<Catalog>, member: &Member, lang: Lang, via_qr: bool) -> impl IntoView {
    let directory = &catalog.directory;
    let ui = ui(lang);
    let place = member.location.as_ref().map(|location| {
        [location.city.as_deref(), location.state.as_deref(), location.country.as_ref().map(|c| c.as_str())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    });
    let subtitle: Vec<String> =
        [member.kind.map(|kind| member_kind(kind, lang).to_owned()), place.filter(|place| !place.is_empty())]
            .into_iter()
            .flatten()
            .collect();
    let mut facts: Vec<(&'static str, String)> = Vec::new();
    if let Some(legal_name) = &member.legal_name {
        facts.push((ui.legal_name, legal_name.clone()));
    }
    if let Some(founded) = member.founded {
        facts.push((ui.founded, founded.to_string()));
    }
    if let Some(count) = member.employees {
        facts.push((ui.employees, employees(count, lang)));
    }
    if let Some(amount) = member.investment_musd {
        facts.push((ui.investment, investment_musd(amount, lang)));
    }
    if !member.languages.is_empty() {
        facts.push((ui.languages, member.languages.iter().map(|tag| tag.as_str()).collect::<Vec<_>>().join(", ")));
    }
    let paragraphs: Vec<String> = member
        .description
        .as_ref()
        .map(|description| {
            text(directory, description, lang)
                .split("\n\n")
                .map(str::trim)
                .filter(|paragraph| !paragraph.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();

    view! {
        <article class="profile" aria-labelledby="profile-name">
            <p class="breadcrumb">
                <a href="#/">{ui.back_to_directory}</a>
            </p>
            <div class="card-heading">
                <h1 id="profile-name">{member.name.clone()}</h1>
                <SaveButton catalog=catalog.clone() member=member.id.as_str().to_owned() name=member.name.clone() />
            </div>
            {(!subtitle.is_empty()).then(|| view! { <p class="member-meta">{subtitle.join(" · ")}</p> })}
            {via_qr.then(|| view! { <QrSavePanel catalog=catalog.clone() member=member.id.to_string() /> })}
            {member.pitch.as_ref().map(|pitch| view! { <p class="profile-pitch">{text(directory, pitch, lang)}</p> })}
            {links(member, lang)}
            {(!facts.is_empty())
                .then(|| {
                    view! {
                        <dl class="facts">
                            {facts
                                .into_iter()
                                .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
                                .collect_view()}
                        </dl>
                    }
                })}
            {(!paragraphs.is_empty())
                .then(|| {
                    view! {
                        <div class="description">
                            {paragraphs.into_iter().map(|paragraph| view! { <p>{paragraph}</p> }).collect_view()}
                        </div>
                    }
                })}
            {capability_section(directory, &member.capabilities, ui.capabilities, Facet::Capability, lang)}
            {capability_section(directory, &member.needs, ui.needs, Facet::Need, lang)}
            {certifications(directory, member, lang)}
            {(!member.customers.is_empty())
                .then(|| {
                    view! {
                        <section class="customers">
                            <h2>{ui.customers}</h2>
                            <ul class="chips">
                                {member.customers.iter().map(|customer| view! { <li class="chip">{customer.clone()}</li> }).collect_view()}
                            </ul>
                        </section>
                    }
                })}
            {success_cases(directory, member, lang)}
            {events(directory, member, lang)}
            {contacts(catalog, member, lang)}
            {member
                .verified_on
                .map(|date| view! { <p class="verified">{format!("{} {}", ui.data_checked_on, long_date(date, lang))}</p> })}
            {profile_qr(member, lang)}
        </article>
    }
}

/// The profile's QR code, folded away until asked for, with the way to its printable stand card.
fn profile_qr(member: &Member, lang: Lang) -> impl IntoView {
    let ui = ui(lang);
    let card = Route::MemberCard { id: member.id.to_string() }.to_fragment();
    let link = member_qr_link(member.id.as_str());
    let label = format!("{} ({})", ui.qr_label, member.name);
    view! {
        <LazyDetails class="profile-qr" summary=ui.qr_heading.to_owned()>
            <QrCode text=link.clone() label=label.clone() />
            <p class="hint">{ui.qr_hint}</p>
            <p>
                <a class="button button-secondary" href=card.clone()>
                    {ui.stand_card_link}
                </a>
            </p>
        </LazyDetails>
    }
}

/// Where the "save with a note" panel of a QR visit stands.
#[derive(Clone, PartialEq)]
enum QrStep {
    /// Not saved yet: one tap saves.
    Ready,
    /// Saved; the note field is open and focused.
    Note(EntryId),
    /// Done: a quiet confirmation.
    Done,
}

/// Shown on a profile opened from its QR code: save (met at today's event) and a note,
/// in two taps and some typing.
#[component]
fn QrSavePanel(catalog: Arc<Catalog>, member: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let today = expect_context::<Today>();
    // The event running today, and a profile left open over night saves at the next day's.
    let event = {
        let catalog = catalog.clone();
        Signal::derive(move || events_running(&catalog.directory, today.get()).first().map(|event| (*event).clone()))
    };
    let already = follow_up.list().with_untracked(|list| list.find(&member, None).map(|entry| entry.id.clone()));
    let step = RwSignal::new(already.map_or(QrStep::Ready, QrStep::Note));
    let note_ref = NodeRef::<leptos::html::Textarea>::new();
    // The note field takes focus as soon as it appears, so the visitor can type at once.
    Effect::new(move |_| {
        if let Some(textarea) = note_ref.get() {
            let _ = textarea.focus();
        }
    });
    let met_at = {
        let catalog = catalog.clone();
        move || {
            let lang = lang.get();
            event.with(|event| {
                event.as_ref().map(|event| {
                    let name = event.name.resolve(lang.tag(), catalog.directory.fallback_language()).to_owned();
                    view! { <p class="member-meta">{format!("{}: {name}", ui(lang).qr_met_at)}</p> }
                })
            })
        }
    };
    let save = {
        let catalog = catalog.clone();
        let member = member.clone();
        move |_| {
            let event_id = event.with_untracked(|event| event.as_ref().map(|event| event.id.to_string()));
            let saved =
                follow_up.save_member_met_at(&catalog.directory, &member, event_id.as_deref(), lang.get_untracked());
            if let Some(id) = saved {
                step.set(QrStep::Note(id));
            }
        }
    };
    let body = move || match step.get() {
        QrStep::Ready => view! {
            {met_at.clone()}
            <button type="button" class="button" disabled=move || !follow_up.is_writable() on:click=save.clone()>
                {move || ui(lang.get()).qr_save_with_note}
            </button>
        }
        .into_any(),
        QrStep::Note(id) => {
            let id = StoredValue::new(id);
            let note = move || {
                follow_up
                    .list()
                    .with(|list| id.with_value(|id| list.get(id).map(|entry| entry.note.clone())).unwrap_or_default())
            };
            view! {
                <p class="member-meta">{move || ui(lang.get()).qr_saved}</p>
                <label class="field" for="qr-note">
                    <span>{move || ui(lang.get()).note}</span>
                </label>
                <textarea
                    id="qr-note"
                    rows="3"
                    node_ref=note_ref
                    prop:value=note
                    on:focus=move |_| follow_up.begin_typing(&id.get_value())
                    on:input=move |event| follow_up.set_note(&id.get_value(), &event_target_value(&event))
                    on:blur=move |_| follow_up.end_typing()
                ></textarea>
                <NoteConflictNotice entry=id.get_value() field_id="qr-note".to_owned() />
                <button type="button" class="button" on:click=move |_| step.set(QrStep::Done)>
                    {move || ui(lang.get()).qr_done}
                </button>
            }
            .into_any()
        }
        QrStep::Done => view! {
            <p role="status">
                {move || ui(lang.get()).qr_saved}
                " "
                <a href="#/follow-up">{move || ui(lang.get()).go_to_follow_up}</a>
            </p>
        }
        .into_any(),
    };
    view! {
        <section class="qr-save" aria-labelledby="qr-save-heading">
            <h2 id="qr-save-heading">{move || ui(lang.get()).qr_save_heading}</h2>
            {body}
        </section>
    }
}

fn links(member: &Member, lang: Lang) -> Option<impl IntoView> {
    let ui = ui(lang);
    if member.website.is_none() && member.linkedin.is_none() {
        return None;
    }
    Some(view! {
        <p class="links">
            {member.website.as_ref().map(|url| external_link(url.as_str(), ui.website, None))}
            {member.linkedin.as_ref().map(|url| external_link(url.as_str(), ui.linkedin, None))}
        </p>
    })
}

/// A link that leaves the app; the href comes only from a checked `HttpUrl`.
/// A link that opens in a new tab; `whose` tells apart links of the same kind on one page
/// (each contact's LinkedIn) for screen readers.
fn external_link(href: &str, label: &'static str, whose: Option<&str>) -> impl IntoView {
    let whose = whose.map(|whose| view! { <span class="visually-hidden">{format!(" ({whose})")}</span> });
    view! {
        <a class="button button-secondary" href=href.to_owned() target="_blank" rel="noopener noreferrer">
            {label}
            {whose}
        </a>
    }
}

fn capability_section(
    directory: &Directory,
    ids: &[vitrina_core::valid::Slug],
    heading: &'static str,
    facet: Facet,
    lang: Lang,
) -> Option<impl IntoView> {
    let class = match facet {
        Facet::Need => "needs",
        _ => "capabilities",
    };
    if ids.is_empty() {
        return None;
    }
    // In the order of the file's capability groups, ungrouped last (as in the facet sheet):
    // (group label, [(capability label, link to the filtered list)]).
    let known = ids.iter().filter_map(|id| directory.capability(id.as_str()));
    let groups = directory.group_by_capability_group(known, |capability| capability.id.as_str()).into_iter().map(
        |(group, capabilities)| {
            let links: Vec<(String, String)> = capabilities
                .into_iter()
                .map(|capability| {
                    let href = filtered_list_route(facet, capability.id.as_str()).to_fragment();
                    (text(directory, &capability.label, lang), href)
                })
                .collect();
            (group.map(|group| text(directory, &group.label, lang)), links)
        },
    );
    Some(view! {
        <section class=class>
            <h2>{heading}</h2>
            {groups
                .into_iter()
                .map(|(group, labels)| {
                    view! {
                        <div class="capability-group">
                            {group.map(|group| view! { <h3>{group}</h3> })}
                            <ul class="chips">
                                {labels
                                    .into_iter()
                                    .map(|(label, href)| {
                                        view! {
                                            <li>
                                                <a class="chip chip-link" href=href>
                                                    {label}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })
                .collect_view()}
        </section>
    })
}

fn certifications(directory: &Directory, member: &Member, lang: Lang) -> Option<impl IntoView> {
    if member.certifications.is_empty() {
        return None;
    }
    let ui = ui(lang);
    let today = expect_context::<Today>().get();
    let items = member
        .certifications
        .iter()
        .filter_map(|held| {
            let certification = directory.certification(held.id.as_str())?;
            let expired = held.is_expired(today);
            let mut details: Vec<String> = Vec::new();
            if let Some(until) = held.valid_until {
                details.push(if expired {
                    format!("{} ({})", ui.expired, long_date(until, lang))
                } else {
                    format!("{} {}", ui.valid_until, long_date(until, lang))
                });
            }
            if let Some(site) = &held.site {
                details.push(text(directory, site, lang));
            }
            if let Some(body) = &held.body {
                details.push(body.clone());
            }
            Some(view! {
                <li class="certification" class:expired=expired>
                    <span class="certification-label">{text(directory, &certification.label, lang)}</span>
                    {(!details.is_empty()).then(|| view! { <span class="certification-details">{details.join(" · ")}</span> })}
                </li>
            })
        })
        .collect_view();
    Some(view! {
        <section class="certifications">
            <h2>{ui.certifications}</h2>
            <ul>{items}</ul>
        </section>
    })
}

fn success_cases(directory: &Directory, member: &Member, lang: Lang) -> Option<impl IntoView> {
    if member.success_cases.is_empty() {
        return None;
    }
    let items = member
        .success_cases
        .iter()
        .map(|case| {
            let byline: Vec<String> =
                [case.customer.clone(), case.year.map(|year| year.to_string())].into_iter().flatten().collect();
            view! {
                <li class="success-case">
                    <h3>{text(directory, &case.title, lang)}</h3>
                    {(!byline.is_empty()).then(|| view! { <p class="member-meta">{byline.join(" · ")}</p> })}
                    {case.summary.as_ref().map(|summary| view! { <p>{text(directory, summary, lang)}</p> })}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="success-cases">
            <h2>{ui(lang).success_cases}</h2>
            <ul>{items}</ul>
        </section>
    })
}

fn events(directory: &Directory, member: &Member, lang: Lang) -> Option<impl IntoView> {
    if member.events.is_empty() {
        return None;
    }
    let ui = ui(lang);
    let items = member
        .events
        .iter()
        .filter_map(|attended| {
            let event = directory.event(attended.id.as_str())?;
            let when = event.start.map(|start| date_range(start, event.end, lang));
            let details: Vec<String> = [
                when,
                event.city.clone(),
                member.stand_at(event.id.as_str()).map(|stand| format!("{} {stand}", ui.stand)),
            ]
            .into_iter()
            .flatten()
            .collect();
            Some(view! {
                <li>
                    <span class="event-name">{text(directory, &event.name, lang)}</span>
                    {(!details.is_empty()).then(|| view! { <span class="member-meta">{details.join(" · ")}</span> })}
                </li>
            })
        })
        .collect_view();
    Some(view! {
        <section class="events">
            <h2>{ui.events}</h2>
            <ul>{items}</ul>
        </section>
    })
}

fn contacts(catalog: &Arc<Catalog>, member: &Member, lang: Lang) -> Option<impl IntoView> {
    if member.contacts.is_empty() {
        return None;
    }
    let items = member.contacts.iter().map(|contact| contact_card(catalog, member, contact, lang)).collect_view();
    Some(view! {
        <section class="contacts">
            <h2>{ui(lang).contacts}</h2>
            <ul class="contact-list">{items}</ul>
        </section>
    })
}

fn contact_card(catalog: &Arc<Catalog>, member: &Member, contact: &Contact, lang: Lang) -> impl IntoView {
    let directory = &catalog.directory;
    let ui = ui(lang);
    let phone_href = contact.phone.as_deref().and_then(tel_href);
    view! {
        <li class="contact">
            <div class="card-heading">
                <p class="contact-name">{contact.name.clone()}</p>
                <SaveButton
                    catalog=catalog.clone()
                    member=member.id.as_str().to_owned()
                    contact=Some(contact.id.as_str().to_owned())
                    name=format!("{} ({})", contact.name, member.name)
                />
            </div>
            {contact.role.as_ref().map(|role| view! { <p class="member-meta">{text(directory, role, lang)}</p> })}
            <p class="contact-actions">
                {contact
                    .email
                    .as_ref()
                    .map(|email| {
                        view! {
                            <a class="button button-secondary" href=mailto_href(email)>
                                <span class="visually-hidden">{ui.email}": "</span>
                                {email.as_str().to_owned()}
                            </a>
                        }
                    })}
                {contact
                    .phone
                    .clone()
                    .zip(phone_href)
                    .map(|(phone, href)| {
                        view! {
                            <a class="button button-secondary" href=href>
                                <span class="visually-hidden">{ui.call}": "</span>
                                {phone}
                            </a>
                        }
                    })}
                {contact
                    .whatsapp
                    .as_ref()
                    .map(|number| {
                        view! {
                            <a class="button button-secondary" href=whatsapp_href(number) target="_blank" rel="noopener noreferrer">
                                {ui.whatsapp}
                                <span class="visually-hidden">{format!(" ({})", contact.name)}</span>
                            </a>
                        }
                    })}
                {contact.linkedin.as_ref().map(|url| external_link(url.as_str(), ui.linkedin, Some(&contact.name)))}
            </p>
        </li>
    }
}

/// Members whose capabilities overlap most with this one's.
fn similar_members(catalog: &Arc<Catalog>, index: usize, lang: Lang) -> Option<impl IntoView> {
    let similar = catalog.index().similar_members(&catalog.directory, index, 6);
    if similar.is_empty() {
        return None;
    }
    Some(view! {
        <section class="similar" aria-labelledby="similar-heading">
            <h2 id="similar-heading">{ui(lang).similar_members}</h2>
            <ul class="member-list">
                {similar
                    .into_iter()
                    .map(|other| view! { <MemberCard loaded=catalog.clone() index=other lang=lang /> })
                    .collect_view()}
            </ul>
        </section>
    })
}

crate::split_point! {
    chunk = member, preload = preload_member;
    /// A member's profile, from its chunk (with the stand card; fetched early: see `pages::preload_for`).
    pub fn member_page(loaded: Arc<Catalog>, id: String) -> Deferred {
        Box::new(move || view! { <MemberPage loaded=loaded id=id /> }.into_any())
    }
}
