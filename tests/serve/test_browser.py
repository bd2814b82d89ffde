"""The page in a real browser: headless Chromium (Debian's chromium package) driven by
Playwright, against a real `kage serve` on a free loopback port.

It opens the page, plays the first moves of Act 1 from Banished's walkthrough with the
keyboard only, checks the transcript, the status bar, the inventory and the map, recalls
commands with up and down, completes words with Tab, reloads and finds the game resumed,
plays over HTTP when there is no WebSocket, and fits a phone's width. Screenshots are
saved under the test's tmp path (or KAGE_SCREENSHOTS, a folder) and their paths printed.

.ci/run installs chromium and Playwright (the test extra); Playwright's own browser
download is never used. Outside CI a machine without them skips this file; in CI
(CI=true) their absence is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import kage

CHROMIUM = os.environ.get("KAGE_CHROMIUM", "/usr/bin/chromium")
WALKTHROUGH = Path(kage.__file__).parent / "campaigns" / "banished" / "walkthrough.txt"
FIRST_MOVES = 14  # Act 1 up to "take all" in the apartment
TIMEOUT_MS = 20_000


def _missing() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no chromium at {CHROMIUM}"
    return ""


if _missing():
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {_missing()}", pytrace=False)
    pytest.skip(_missing(), allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`kage serve` on a free loopback port, with a SQLite database of its own."""
    from tests.serve.servers import Server

    folder = tmp_path_factory.mktemp("serve")
    running = Server(f"sqlite:///{folder / 'games.sqlite3'}", folder, {"world": "banished"})
    running.start()
    try:
        yield running.url
    finally:
        running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        found = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield found
        finally:
            found.close()


@pytest.fixture
def shots(tmp_path: Path, record_property: Any) -> Iterator[Any]:
    """shoot(page, name): a screenshot of the window, kept in the test output."""
    folder = Path(os.environ.get("KAGE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def shoot(page: Page, name: str) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path))  # what the player sees
        record_property(f"screenshot:{name}", str(path))
        print(f"screenshot: {path}")
        return path

    yield shoot


def moves() -> list[str]:
    lines = [line.strip() for line in WALKTHROUGH.read_text().splitlines() if line.strip()]
    return lines[:FIRST_MOVES]


def ready(page: Page) -> None:
    expect(page.locator("body")).to_have_attribute("data-ready", "true", timeout=TIMEOUT_MS)


def echoes(page: Page) -> int:
    return page.locator("#transcript .echo").count()


def focused(page: Page) -> str:
    """The focused element: its id, else its class, else its text."""
    return str(
        page.evaluate(
            "(() => { const e = document.activeElement;"
            " return e.id || e.className || e.textContent.trim(); })()"
        )
    )


def type_command(page: Page, command: str) -> None:
    """Type a command into the focused input and press Enter; wait for its reply and
    the panels after it."""
    before = echoes(page)
    page.keyboard.type(command)
    page.keyboard.press("Enter")
    settled(page, before)


def settled(page: Page, before: int) -> None:
    """Wait until more commands are echoed than `before` and the page is not busy."""
    page.wait_for_function(
        "n => document.querySelectorAll('#transcript .echo').length > n"
        " && document.body.dataset.busy === 'false'",
        arg=before,
        timeout=TIMEOUT_MS,
    )


def test_play_act_one_by_keyboard_reload_and_resume(
    server: str, browser: Browser, shots: Any
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    posted: list[str] = []  # commands sent by HTTP
    framed: list[str] = []  # frames sent over the WebSocket
    page.on("request", lambda r: posted.append(r.url) if r.url.endswith("/commands") else None)
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: framed.append(str(frame))))
    page.goto(server + "/")
    ready(page)

    transcript = page.locator("#transcript")
    assert transcript.get_attribute("role") == "log"
    assert transcript.get_attribute("aria-live") == "polite"
    expect(transcript).to_contain_text("The council met last night")
    expect(transcript.locator("strong.heading").first).to_have_text("Hokage's office")
    expect(page.locator("#status-place")).to_have_text("Hokage's office")
    expect(page.locator("#status-when")).to_have_text("Day 1, 09:00")
    expect(page.locator("#status-score")).to_have_text("0/265")
    expect(page.locator("#status-world")).to_contain_text("to leave the Leaf")
    expect(page.locator("body")).to_have_attribute("data-transport", "websocket")

    # keyboard only: the page opens with the command line focused; before it in the
    # focus order come the transcript and the skip link, after it the Send button and
    # the panels; the skip link leads back to the command line
    assert focused(page) == "command"
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "transcript"
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "skip"
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(focused(page))
    assert order == ["transcript", "command", "send", "Inventory"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # on the skip link
    assert focused(page) == "command"

    for command in moves():
        type_command(page, command)
    assert not posted, "the commands went by HTTP although the WebSocket was open"
    assert sum('"command"' in frame for frame in framed) == FIRST_MOVES
    expect(transcript).to_contain_text("> go to my apartment")
    expect(page.locator("#status-place")).to_have_text("Your apartment")
    assert page.locator("#status-score").inner_text() != "0/265"
    expect(page.locator("#status-world")).to_contain_text("1,200 ryo")
    expect(page.locator("#inventory")).to_contain_text("a backpack")
    expect(page.locator("#inventory")).to_contain_text("holding 1,200 ryo")
    places = page.locator("#map svg g[data-place]")
    expect(places).to_have_count(4)  # the office, the street, the academy, the apartment
    expect(page.locator('#map g[aria-current="location"]')).to_have_attribute(
        "data-place", "naruto_apartment"
    )
    assert "main_gate" not in page.locator("#map").inner_html()  # not yet seen

    # history: up recalls the last commands, down goes forward again
    field = page.locator("#command")
    page.keyboard.press("ArrowUp")
    expect(field).to_have_value("take all")
    page.keyboard.press("ArrowUp")
    expect(field).to_have_value("go to my apartment")
    page.keyboard.press("ArrowDown")
    expect(field).to_have_value("take all")
    page.keyboard.press("Escape")
    expect(field).to_have_value("")

    # completion: a verb where a command starts, then a word the player has read
    page.keyboard.type("wea")
    page.keyboard.press("Tab")
    expect(field).to_have_value("wear ")
    page.keyboard.type("backp")
    page.keyboard.press("Tab")
    expect(field).to_have_value("wear backpack ")
    assert focused(page) == "command"
    before = echoes(page)
    page.keyboard.press("Enter")
    settled(page, before)
    expect(transcript).to_contain_text("> wear backpack")
    expect(page.locator("#inventory")).to_contain_text("worn")
    page.keyboard.type("examine tan")  # the tanto is Act 3's: never read, never offered
    page.keyboard.press("Tab")
    expect(field).to_have_value("examine tan")
    assert focused(page) == "send"  # nothing to complete: Tab moved on
    field.fill("")
    shots(page, "act1-desktop")

    game = page.evaluate("localStorage.getItem('kage.game')")
    turns = echoes(page)
    page.reload()
    ready(page)
    assert page.evaluate("localStorage.getItem('kage.game')") == game
    assert echoes(page) == turns  # the transcript is back, every command of it
    expect(transcript).to_contain_text("> wear backpack")
    expect(page.locator("#status-place")).to_have_text("Your apartment")
    expect(page.locator("#inventory")).to_contain_text("a backpack")
    field.focus()
    type_command(page, "look")
    expect(transcript.locator(".turn").last).to_contain_text("Your apartment")
    shots(page, "resumed")

    # the living world's plot for today, opened and shown by keyboard (it needs the token)
    world = page.locator("#plots-panel summary")
    world.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page).startswith("Opinion by nation")
    page.keyboard.press("Enter")
    image = page.locator("#plot-view img")
    expect(image).to_have_count(1, timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => { const i = document.querySelector('#plot-view img');"
        " return i && i.complete && i.naturalWidth > 0; }",
        timeout=TIMEOUT_MS,
    )
    image.scroll_into_view_if_needed()
    shots(page, "plot")
    assert not errors, errors
    context.close()


def test_plays_over_http_without_a_websocket_and_fits_a_phone(
    server: str, browser: Browser, shots: Any
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_init_script("delete window.WebSocket")
    page = context.new_page()
    page.goto(server + "/")
    ready(page)
    expect(page.locator("body")).not_to_have_attribute("data-transport", "websocket")
    posted: list[str] = []
    page.on("request", lambda r: posted.append(r.url) if r.url.endswith("/commands") else None)
    page.locator("#command").focus()
    type_command(page, "down")
    assert len(posted) == 1  # by HTTP
    expect(page.locator("#status-place")).to_have_text("The main street")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "wider than the phone"
    font = page.evaluate(
        "parseFloat(getComputedStyle(document.getElementById('command')).fontSize)"
    )
    assert font >= 16  # a phone does not zoom into the field
    shots(page, "phone")
    context.close()


def test_the_transcript_keeps_the_games_formatting(server: str, browser: Browser) -> None:
    """As at the terminal: paragraphs apart, a place's name (a short first line without
    closing punctuation) bold, a [notice] dimmed and never taken for a name, control
    characters dropped."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/")
    ready(page)
    text = (
        "The hall\nA draughty hall.\n\n"
        "You wait.\n\n"
        "[Your score has just gone up.]\nLamp: Taken.\n\n"
        '"Who goes there"\nsays the guard.\x1b[31m'
    )
    found = page.evaluate("t => kage.blocks(t)", text)
    assert found == [
        {"heading": "The hall", "body": "A draughty hall."},
        {"heading": None, "body": "You wait."},
        {"heading": None, "body": "[Your score has just gone up.]\nLamp: Taken."},
        {"heading": None, "body": '"Who goes there"\nsays the guard.[31m'},
    ]
    page.locator("#command").focus()
    type_command(page, "ask tsunade why")
    last = page.locator("#transcript .turn").last
    expect(last.locator(".note")).to_have_text("[Your score has just gone up by 10 points.]")
    assert last.locator("strong.heading").count() == 0
    context.close()
