"""The portfolio in headless Chromium, in French and English: the grid's rows come from the
server (nothing from a CDN), numbers and dates in the page's locale, a header click sorts, a
figure of the strip filters, the To-do view, the filters apply while the adviser types, a
broken rule is named, one button resets them, and the table's short id finds the client."""

from __future__ import annotations

import re

import pytest
from dashboard_helpers import log_in_browser
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
ROWS = "#portfolio-grid .ag-center-cols-container .ag-row"
LINKS = "#portfolio-grid .ag-pinned-left-cols-container .ag-row [col-id='client'] a"


def portfolio(page, live, lang: str):
    page.context.add_cookies([{"name": "lang", "value": lang, "url": live.url}])
    log_in_browser(page, live.url)
    page.wait_for_selector("#portfolio-grid .ag-row a")
    expect(page.locator("#portfolio-total")).to_have_text("8 clients")


def column(page, col_id: str) -> list[str]:
    """The cells of one column in the order shown (rows are positioned, not in DOM order)."""
    cells = page.locator(f"{ROWS} [col-id='{col_id}']")
    expect(cells).to_have_count(8)
    rows = page.locator(ROWS)
    order = [int(rows.nth(i).get_attribute("row-index")) for i in range(rows.count())]
    texts = [cells.nth(i).inner_text() for i in range(cells.count())]
    return [text for _, text in sorted(zip(order, texts, strict=True))]


@pytest.mark.parametrize(
    ("lang", "lowest", "summary"),
    [("fr", "21\u202f000", "1 à 8 sur 8"), ("en", "21,000", "1 to 8 of 8")],
)
def test_the_grid_is_served_locally_in_the_page_locale_and_sorts_on_the_server(
    page, live, lang, lowest, summary
):
    elsewhere = []
    page.on("request", lambda r: None if r.url.startswith(live.url) else elsewhere.append(r.url))
    portfolio(page, live, lang)
    expect(page.locator("#portfolio-grid .ag-paging-row-summary-panel")).to_have_text(summary)
    header = page.locator("#portfolio-grid .ag-header-cell[col-id='income'] .ag-header-cell-label")
    header.click()  # ascending: the server answers the grid's new request
    expect(page.locator(f"{ROWS}[row-index='0'] [col-id='income']")).to_have_text(lowest)
    incomes = column(page, "income")
    values = [int(re.sub(r"\D", "", v)) for v in incomes]
    assert values == sorted(values)
    assert elsewhere == []  # AG Grid comes from the package, not from a CDN


@pytest.mark.parametrize(
    ("lang", "stale", "clients", "todo_tab", "update"),
    [
        ("fr", "Données à mettre à jour", "Clients", "À faire", "mettre à jour les données"),
        ("en", "Data to update", "Clients", "To do", "update the data"),
    ],
)
def test_a_figure_filters_and_the_to_do_view_says_what_to_do(
    page, live, lang, stale, clients, todo_tab, update
):
    portfolio(page, live, lang)
    expect(page.locator("#portfolio-figure-stale-count")).to_have_text("1")
    page.get_by_role("button", name=re.compile(stale)).click()
    expect(page.locator("#portfolio-total")).to_have_text("1 client")
    expect(page.locator("#portfolio-figure-stale")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(LINKS)).to_have_attribute("href", f"/clients/{live.stale}")
    page.get_by_role("button", name=re.compile(f"^8 {clients}")).click()
    expect(page.locator("#portfolio-total")).to_have_text("8 clients")
    page.locator("#portfolio-view label", has_text=todo_tab).click()
    expect(page.locator(ROWS)).to_have_count(8)
    pinned = page.locator(f"#portfolio-grid .ag-row:has(a[href='/clients/{live.stale}'])")
    index = pinned.get_attribute("row-index")  # the client column is pinned: its own row
    todo = page.locator(f"{ROWS}[row-index='{index}'] [col-id='todo']")
    expect(todo).to_contain_text(update)


@pytest.mark.parametrize(("lang", "three"), [("fr", "3 clients"), ("en", "3 clients")])
def test_a_filter_applies_while_typing_without_enter_or_tab(page, live, lang, three):
    portfolio(page, live, lang)
    page.locator("#portfolio-income-min").press_sequentially("40000")
    expect(page.locator("#portfolio-total")).to_have_text(three)
    expect(page.locator(ROWS)).to_have_count(3)
    expect(page.locator("#portfolio-income-min")).to_be_focused()  # never left the field


@pytest.mark.parametrize(
    ("lang", "message", "reset"),
    [
        ("fr", "Âge minimum : ne peut pas dépasser le maximum (40 ans).", "Réinitialiser"),
        ("en", "Age minimum: cannot be above the maximum (40 years).", "Reset the filters"),
    ],
)
def test_min_above_max_is_named_and_reset_clears_it(page, live, lang, message, reset):
    portfolio(page, live, lang)
    page.locator("#portfolio-age-max").press_sequentially("40")
    page.locator("#portfolio-age-min").press_sequentially("50")
    expect(page.locator("#portfolio-filter-feedback")).to_have_text(message)
    expect(page.locator("#portfolio-age-min")).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(page.locator("#portfolio-total")).to_have_text("")  # not "0 client"
    page.get_by_role("button", name=reset).click()
    expect(page.locator("#portfolio-total")).to_have_text("8 clients")
    expect(page.locator("#portfolio-filter-feedback")).to_have_text("")
    expect(page.locator("#portfolio-age-min")).to_have_value("")
    expect(page.locator("#portfolio-age-max")).to_have_value("")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "Âge minimum : doit être compris entre 18 et 100 ans."),
        ("en", "Age minimum: must be between 18 and 100 years."),
    ],
)
def test_a_value_outside_the_schema_is_named(page, live, lang, message):
    portfolio(page, live, lang)
    page.locator("#portfolio-age-min").press_sequentially("5")
    expect(page.locator("#portfolio-filter-feedback")).to_have_text(message)


def test_the_short_id_opens_the_client_and_a_foreign_one_is_not_found(page, live):
    portfolio(page, live, "fr")
    page.fill("#portfolio-search", live.foreign[:8])
    page.press("#portfolio-search", "Enter")
    expect(page.locator("#portfolio-search-feedback")).to_have_text(
        "Aucun client correspondant dans votre portefeuille."
    )
    page.fill("#portfolio-search", live.fresh[:8])
    page.press("#portfolio-search", "Enter")
    page.wait_for_url(f"**/clients/{live.fresh}")
