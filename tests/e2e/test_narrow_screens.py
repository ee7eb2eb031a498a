"""Every page type on a phone (390 px) in both languages: nothing wider than the screen,
paging with named links, axe at phone width as well as at desktop width, and nothing that
moves after the first paint on the directory and the map."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from ecosystem.models import Actor, Municipality
from tests.e2e.axe import assert_accessible
from tests.e2e.test_ecosystem_join import log_in_as
from tests.factories import ActorFactory, MembershipFactory, UserFactory
from tests.funding.factories import FundingOpportunityFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
LANGUAGES = pytest.mark.parametrize("lang", ["da", "en"])

# Every page type a visitor or a member can reach, by URL name. A new page type belongs
# here: the test below then checks it at phone width in both languages.
PUBLIC_PAGES = [
    ("home", {}),
    ("about", {}),
    ("contact", {}),
    ("privacy", {}),
    ("accessibility", {}),
    ("ecosystem:index", {}),
    ("ecosystem:map", {}),
    ("ecosystem:open_data", {}),
    ("ecosystem:actor_detail", {"slug": "lab"}),
    ("search", {}),
    ("resources:index", {}),
    ("resources:collections", {}),
    ("resources:open_data", {}),
    ("validation:index", {}),
    ("validation:open_data", {}),
    ("open_data", {}),
    ("policy:index", {}),
    ("policy:past", {}),
    ("policy:recommendations", {}),
    ("pages:news_list", {}),
    ("partners:index", {}),
    ("partners:become", {}),
    ("funding:index", {}),
    ("funding:archive", {}),
    ("funding:detail", {"slug": "pulje"}),
    ("matching:actor_partners", {"slug": "lab"}),
    ("matching:find_partner", {}),
    ("impact:impact_page", {}),
    ("account_login", {}),
    ("account_signup", {}),
    ("account_reset_password", {}),
]
MEMBER_PAGES = [
    ("account", {}),
    ("ecosystem:my_actors", {}),
    ("ecosystem:register", {}),
    ("ecosystem:actor_edit", {"slug": "lab"}),
    ("ecosystem:actor_members", {"slug": "lab"}),
    ("partners:become", {}),
    ("partners:apply", {}),
    ("funding:alerts", {}),
]

# How wide the page is, and every element that scrolls sideways inside it (a table in a
# scroll box hides its last column on a phone just as surely as a wide page does).
MEASURE_WIDTH = """() => {
  const wide = [];
  for (const element of document.querySelectorAll("body *")) {
    const style = getComputedStyle(element);
    if (!["auto", "scroll"].includes(style.overflowX)) continue;
    if (element.scrollWidth > element.clientWidth + 1) {
      wide.push(element.tagName + "." + element.className + " " + element.scrollWidth);
    }
  }
  return {document: document.documentElement.scrollWidth, scrolling: wide};
}"""


def url_for(name: str, lang: str, **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.fixture
def lab():
    municipality = Municipality.objects.get(code="751")
    lab = ActorFactory(
        name="Aarhus Velfærdslab med et meget langt navn, som skal kunne brydes pænt",
        slug="lab",
        kind=Actor.Kind.MUNICIPALITY,
        municipality=municipality,
        website="https://www.eksempel-med-en-meget-lang-adresse-uden-mellemrum.dk/sti/til/side",
        email="kontakt-med-en-meget-lang-adresse@eksempel-kommune.dk",
        open_to_partnerships=True,
    )
    ActorFactory(name="Brussels Social Lab", abroad=True)
    FundingOpportunityFactory(
        slug="pulje", funder=lab, deadline_days=[-20, 5, 60],
        title_da="Pulje til socialøkonomiske virksomheder med et meget langt navn i to runder",
        title_en="Fund for social enterprises with a very long name in two rounds",
        link="https://www.eksempel-med-en-meget-lang-adresse-uden-mellemrum.dk/sti/til/opslag",
    )  # fmt: skip
    FundingOpportunityFactory(deadline_days=-3)
    return lab


def assert_fits(page, what: str) -> None:
    width = page.evaluate(MEASURE_WIDTH)
    assert width["document"] <= PHONE["width"], f"{what} is {width['document']} px wide"
    assert not width["scrolling"], f"{what} has content that scrolls sideways: {width}"


@LANGUAGES
@pytest.mark.parametrize(("name", "kwargs"), PUBLIC_PAGES, ids=[n for n, _ in PUBLIC_PAGES])
def test_public_pages_fit_a_phone(phone, lab, lang, name, kwargs):
    phone.goto(phone.base_url + url_for(name, lang, **kwargs))
    expect(phone.locator("html")).to_have_attribute("lang", lang)
    assert_fits(phone, url_for(name, lang, **kwargs))


@LANGUAGES
def test_member_pages_fit_a_phone(phone, lab, lang):
    member = UserFactory(full_name="Karen Marie Kristiansen-Rasmussen")
    MembershipFactory(user=member, actor=lab)
    MembershipFactory(actor=lab, role="editor")
    MembershipFactory(user=member, actor=ActorFactory(name="Kladdeforeningen", draft=True))
    log_in_as(phone, member)
    for name, kwargs in MEMBER_PAGES:
        url = url_for(name, lang, **kwargs)
        phone.goto(phone.base_url + url)
        expect(phone.locator("html")).to_have_attribute("lang", lang)
        assert_fits(phone, url)
    # "My organisations": every action is on the screen, not in a box scrolled away.
    phone.goto(phone.base_url + url_for("ecosystem:my_actors", lang))
    for link in phone.locator(".my-actors a, .my-actors button").all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], link.inner_text()


@LANGUAGES
def test_error_pages_fit_a_phone(phone, lang):
    prefix = "/en" if lang == "en" else ""
    response = phone.goto(phone.base_url + prefix + "/no-such-page/")
    assert response.status == 404
    assert_fits(phone, "the 404 page")


@LANGUAGES
def test_paging_on_a_phone_has_named_links_a_thumb_can_hit(phone, lang):
    municipality = Municipality.objects.get(code="101")
    ActorFactory.create_batch(45, municipality=municipality)
    phone.goto(phone.base_url + url_for("ecosystem:index", lang) + "?page=2")
    paging = phone.get_by_role("navigation", name="Sider" if lang == "da" else "Pages")
    previous = paging.get_by_role("link", name="Forrige side" if lang == "da" else "Previous page")
    following = paging.get_by_role("link", name="Næste side" if lang == "da" else "Next page")
    for link in (previous, following):
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 40, box
    expect(paging).to_contain_text("Side 2 af 3" if lang == "da" else "Page 2 of 3")
    assert_fits(phone, "the directory's paging")
    following.click()
    expect(phone).to_have_url(f"{phone.base_url}{url_for('ecosystem:index', lang)}?page=3")
    assert_accessible(phone)


@LANGUAGES
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize(
    "kind", ["directory", "map", "actor", "open data", "data catalogue", "home", "about"]
)
def test_page_types_are_accessible_on_a_phone_and_a_desktop(page, lab, lang, viewport, kind):
    page.set_viewport_size(viewport)
    url = {
        "directory": url_for("ecosystem:index", lang),
        "map": url_for("ecosystem:map", lang),
        "actor": url_for("ecosystem:actor_detail", lang, slug=lab.slug),
        "open data": url_for("ecosystem:open_data", lang),
        "data catalogue": url_for("open_data", lang),
        "home": url_for("home", lang),
        "about": url_for("about", lang),
    }[kind]
    page.goto(page.base_url + url)
    if kind == "map":
        expect(page.locator("#actor-map")).to_have_attribute("data-actor-count", "2")
    assert_accessible(page)


# Sums the layout shifts that no input caused (the Cumulative Layout Shift of web vitals).
OBSERVE_LAYOUT_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }
}).observe({type: "layout-shift", buffered: true});
"""


@LANGUAGES
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", ["ecosystem:index", "ecosystem:map"])
def test_the_directory_and_the_map_do_not_move_after_the_first_paint(
    page, lab, lang, viewport, name
):
    """The filter panel is folded on a phone and the map's space kept from the first paint,
    by the markup and CSS alone (a script that folded it moved the page by 0.75). The web
    font's swap is left out here: it is DKFDS's, and it depends on the network."""
    page.set_viewport_size(viewport)
    page.context.route("**/fonts/**", lambda route: route.abort())
    page.context.add_init_script(OBSERVE_LAYOUT_SHIFTS)
    page.goto(page.base_url + url_for(name, lang))
    if name == "ecosystem:map":
        expect(page.locator("#actor-map")).to_have_attribute("data-actor-count", "2")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert page.evaluate("window.layoutShift") < 0.01
    filters = page.locator("#id_kind")
    if viewport is PHONE:
        expect(filters).to_be_hidden()
        page.locator(".list-filters-button").click()
    expect(filters).to_be_visible()


def test_a_filter_with_an_error_is_not_folded_on_a_phone(phone, lab):
    phone.goto(phone.base_url + "/en/actors/?region=atlantis")
    expect(phone.locator("#id_region")).to_be_visible()
    expect(phone.locator("#id_region-error")).to_contain_text("not recognised")
