//! A match's reasons and the first message, in words, in both languages.

use super::{is_automotive_production, ChainStep, Match, Quality, Side};
use crate::format::{member_kind, whatsapp_href};
use crate::lang::Lang;
use crate::model::{Directory, Member, MemberKind};
use crate::my_company::CompanyProfile;
use crate::text::one_line;
use crate::valid::Slug;

/// How many capability names a sentence lists before "and N more".
const MAX_NAMED: usize = 5;

/// A capability's name in `lang` (its id when the directory has no such capability).
pub(crate) fn capability_label<'a>(directory: &'a Directory, id: &'a str, lang: Lang) -> &'a str {
    directory
        .capability(id)
        .map(|capability| capability.label.resolve(lang.tag(), directory.fallback_language()))
        .unwrap_or(id)
}

/// "A, B y C" / "A, B and C", at most [`MAX_NAMED`] names then "y 3 más" / "and 3 more".
fn listing(directory: &Directory, ids: &[Slug], lang: Lang) -> String {
    let names: Vec<&str> =
        ids.iter().take(MAX_NAMED).map(|id| capability_label(directory, id.as_str(), lang)).collect();
    let and = lang.pick(" y ", " and ");
    let rest = ids.len().saturating_sub(MAX_NAMED);
    match (names.split_last(), rest) {
        (None, _) => String::new(),
        (Some((last, [])), 0) => (*last).to_owned(),
        (Some((last, head)), 0) => format!("{}{and}{last}", head.join(", ")),
        (Some(_), rest) => format!("{}{and}{rest} {}", names.join(", "), lang.pick("más", "more")),
    }
}

/// The name of a kind with its article, as the object of "supplies" or "buys from".
fn a_kind(kind: MemberKind, lang: Lang) -> String {
    match (kind, lang) {
        (MemberKind::Oem, Lang::Es) => "una armadora (OEM)".into(),
        (MemberKind::Oem, Lang::En) => "an OEM".into(),
        (kind, Lang::Es) => format!("un {}", member_kind(kind, lang)),
        (kind, Lang::En) => format!("a {}", member_kind(kind, lang)),
    }
}

pub(super) fn reasons(found: &Match, directory: &Directory, lang: Lang) -> Vec<String> {
    let n = found.capabilities.len();
    let mut out = vec![format!(
        "{n} {}: {}",
        match (n, lang) {
            (1, Lang::Es) => "capacidad en común",
            (_, Lang::Es) => "capacidades en común",
            (1, Lang::En) => "capability in common",
            (_, Lang::En) => "capabilities in common",
        },
        listing(directory, &found.capabilities, lang)
    )];
    out.extend(quality_reason(found, lang));
    out.push(chain_reason(found, lang));
    out
}

fn quality_reason(found: &Match, lang: Lang) -> Option<String> {
    let automotive = is_automotive_production(found.buyer_kind);
    let text = match (found.side, found.quality, automotive) {
        (_, Quality::Unknown, _) => return None,
        (Side::CanSupplyMe, Quality::Iatf16949, _) => lang.pick("IATF 16949 vigente", "Valid IATF 16949"),
        (Side::CanSupplyMe, Quality::Iso9001, true) => {
            lang.pick("ISO 9001 vigente, sin IATF 16949 vigente", "Valid ISO 9001, no valid IATF 16949")
        }
        (Side::CanSupplyMe, Quality::Iso9001, false) => lang.pick("ISO 9001 vigente", "Valid ISO 9001"),
        (Side::CanSupplyMe, Quality::Neither, true) => {
            lang.pick("Sin IATF 16949 ni ISO 9001 vigentes", "No valid IATF 16949 or ISO 9001")
        }
        (Side::CanSupplyMe, Quality::Neither, false) => lang.pick("Sin ISO 9001 vigente", "No valid ISO 9001"),
        (Side::MayBuyFromMe, Quality::Iatf16949, true) => {
            lang.pick("Piden IATF 16949 y la tuya está vigente", "They ask for IATF 16949 and yours is valid")
        }
        (Side::MayBuyFromMe, Quality::Iso9001, true) => {
            lang.pick("Piden IATF 16949; tienes ISO 9001 vigente", "They ask for IATF 16949; you have a valid ISO 9001")
        }
        (Side::MayBuyFromMe, Quality::Neither, true) => {
            lang.pick("Piden IATF 16949; no tienes una vigente", "They ask for IATF 16949; you have no valid one")
        }
        (Side::MayBuyFromMe, Quality::Iatf16949, false) => {
            lang.pick("Tu IATF 16949 vigente cubre su ISO 9001", "Your valid IATF 16949 covers their ISO 9001")
        }
        (Side::MayBuyFromMe, Quality::Iso9001, false) => {
            lang.pick("Tu ISO 9001 está vigente", "Your ISO 9001 is valid")
        }
        (Side::MayBuyFromMe, Quality::Neither, false) => {
            lang.pick("No tienes ISO 9001 vigente", "You have no valid ISO 9001")
        }
    };
    Some(text.to_owned())
}

fn chain_reason(found: &Match, lang: Lang) -> String {
    let (mine, theirs) = match found.side {
        Side::MayBuyFromMe => (found.supplier_kind, found.buyer_kind),
        Side::CanSupplyMe => (found.buyer_kind, found.supplier_kind),
    };
    let Some(theirs) = theirs else {
        return lang.pick("Su lugar en la cadena no está indicado", "Their place in the chain is not given").into();
    };
    let name = member_kind(theirs, lang);
    match (found.chain, found.side, mine) {
        (ChainStep::Adjacent, Side::CanSupplyMe, Some(mine)) => match lang {
            Lang::Es => format!("{name}: surte directamente a {}", a_kind(mine, lang)),
            Lang::En => format!("{name}: supplies {} directly", a_kind(mine, lang)),
        },
        (ChainStep::Adjacent, Side::MayBuyFromMe, Some(mine)) => match lang {
            Lang::Es => format!("{name}: compra directamente a {}", a_kind(mine, lang)),
            Lang::En => format!("{name}: buys directly from {}", a_kind(mine, lang)),
        },
        (ChainStep::Further, _, _) => match lang {
            Lang::Es => format!("{name}: otro paso de la cadena automotriz"),
            Lang::En => format!("{name}: another step of the automotive chain"),
        },
        _ if matches!(theirs, MemberKind::Service | MemberKind::Institution) => match lang {
            Lang::Es => format!("{name}: fuera de la cadena de producción"),
            Lang::En => format!("{name}: outside the production chain"),
        },
        _ => match lang {
            Lang::Es => format!("{name}: tu empresa no tiene un paso de la cadena de producción"),
            Lang::En => format!("{name}: your company has no step of the production chain"),
        },
    }
}

/// The first message to a match: from the visitor's company, opening with what it can solve
/// for them. Plain text, never HTML.
pub fn introduction(profile: &CompanyProfile, directory: &Directory, found: &Match, lang: Lang) -> String {
    match found.side {
        Side::MayBuyFromMe => introduction_for(profile, directory, &found.capabilities, &[], lang),
        Side::CanSupplyMe => introduction_for(profile, directory, &[], &found.capabilities, lang),
    }
}

/// The first message to a member that needs `they_need` of what the visitor makes and offers
/// `they_offer` of what the visitor needs (either may be empty).
pub fn introduction_for(
    profile: &CompanyProfile,
    directory: &Directory,
    they_need: &[Slug],
    they_offer: &[Slug],
    lang: Lang,
) -> String {
    let name = one_line(profile.name, crate::my_company::OutsideCompany::MAX_NAME_CHARS);
    let cluster = directory.cluster.display_name();
    let mut text = match (name.is_empty(), lang) {
        (false, Lang::Es) => format!("Hola, somos {name}."),
        (false, Lang::En) => format!("Hello, we are {name}."),
        (true, Lang::Es) => "Hola.".to_owned(),
        (true, Lang::En) => "Hello.".to_owned(),
    };
    let needed = listing(directory, they_need, lang);
    let offered = listing(directory, they_offer, lang);
    match (needed.is_empty(), offered.is_empty(), lang) {
        (false, _, Lang::Es) => {
            text.push_str(&format!(" Vimos en el directorio de {cluster} que buscan {needed}: podemos resolverlo."))
        }
        (false, _, Lang::En) => text.push_str(&format!(
            " We saw in the {cluster} directory that you are looking for {needed}: we can solve that for you."
        )),
        (true, false, Lang::Es) => text.push_str(&format!(
            " Podemos ser su cliente: buscamos quien nos surta {offered} y vimos en el directorio de {cluster} que ustedes lo ofrecen."
        )),
        (true, false, Lang::En) => text.push_str(&format!(
            " We could be your customer: we are looking for a supplier of {offered} and saw in the {cluster} directory that you offer it."
        )),
        (true, true, _) => {}
    }
    if !needed.is_empty() && !offered.is_empty() {
        text.push_str(&match lang {
            Lang::Es => format!(" También buscamos quien nos surta {offered}, que ustedes ofrecen."),
            Lang::En => format!(" We are also looking for a supplier of {offered}, which you offer."),
        });
    }
    text.push_str(lang.pick(" ¿Podemos platicar?", " Could we talk?"));
    text
}

/// Links that open a message with the introduction prefilled, to the member's first contact
/// with an e-mail address and its first with a WhatsApp number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IntroductionLinks {
    /// `mailto:` with a subject and the introduction as the body.
    pub email: Option<String>,
    /// `https://wa.me/<digits>?text=…`.
    pub whatsapp: Option<String>,
}

/// The links to write the introduction to `member`.
pub fn introduction_links(
    member: &Member,
    profile: &CompanyProfile,
    introduction: &str,
    lang: Lang,
) -> IntroductionLinks {
    use crate::follow_up::links::encode;
    let name = one_line(profile.name, crate::my_company::OutsideCompany::MAX_NAME_CHARS);
    let subject = match (name.is_empty(), lang) {
        (false, Lang::Es) => format!("Presentación de {name}"),
        (false, Lang::En) => format!("Introduction from {name}"),
        (true, _) => lang.pick("Presentación", "Introduction").to_owned(),
    };
    let body = introduction.replace("\r\n", "\n").replace('\n', "\r\n");
    let email = member.contacts.iter().find_map(|contact| contact.email.as_ref()).map(|email| {
        format!(
            "mailto:{}?subject={}&body={}",
            encode(email.as_str(), b"@!$'*+="),
            encode(&subject, b""),
            encode(&body, b"")
        )
    });
    let whatsapp = member
        .contacts
        .iter()
        .find_map(|contact| contact.whatsapp.as_ref())
        .map(|number| format!("{}?text={}", whatsapp_href(number), encode(introduction, b"")));
    IntroductionLinks { email, whatsapp }
}

#[cfg(test)]
pub(super) fn listing_for_test(directory: &Directory, ids: &[Slug], lang: Lang) -> String {
    listing(directory, ids, lang)
}
