"""The page's panels over HTTP (kage.serve.panel_routes), against a real `kage serve` on
SQLite and on PostgreSQL (tests/serve/conftest.py): the token guards them like the rest
of the API, they follow the game as it is played, and Tab's words grow with what the
player reads, however the transcript is read back."""

from __future__ import annotations

import httpx
from tests.serve.conftest import new_game, play

ROUTED = "kage.serve.app must include kage.serve.panel_routes.router (before the page)"


def panels(api: httpx.Client, game: str, auth: dict[str, str]) -> dict:  # type: ignore[type-arg]
    answer = api.get(f"/api/games/{game}/panels", headers=auth)
    assert answer.status_code == 200, f"{answer.text} ({ROUTED})"
    return answer.json()


def test_the_panels_are_routed(api: httpx.Client) -> None:
    paths = set(api.get("/openapi.json").json()["paths"])
    assert {"/api/games/{game}/panels", "/api/games/{game}/plots/{name}.{fmt}"} <= paths, ROUTED


def test_panels_need_the_games_own_token(api: httpx.Client) -> None:
    game, auth, _ = new_game(api, world="banished")
    other, other_auth, _ = new_game(api, world="banished")
    assert api.get(f"/api/games/{game}/panels").status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    refused = api.get(f"/api/games/{game}/panels", headers=wrong)
    assert refused.status_code == 404
    assert refused.json()["error"]["code"] == "not_found"
    assert api.get(f"/api/games/{game}/panels", headers=other_auth).status_code == 404
    assert api.get(f"/api/games/{game}/plots/opinion.png", headers=other_auth).status_code == 404
    assert api.get("/api/games/nosuchgame/panels", headers=auth).status_code == 404
    assert panels(api, other, other_auth)["status"]["place"] == "Hokage's office"


def test_panels_follow_the_game(api: httpx.Client) -> None:
    game, auth, _ = new_game(api, world="banished")
    first = panels(api, game, auth)
    assert first["status"]["when"] == "Day 1, 09:00"
    assert 'data-place="hokage_office"' in first["map"]
    assert "main_street" not in first["map"]
    assert [i["id"] for i in first["inventory"]["items"]] == ["headband", "necklace"]
    assert "tsunade" in first["complete"]["words"]  # read in the opening
    play(api, game, auth, "give headband to tsunade")
    play(api, game, auth, "down")
    later = panels(api, game, auth)
    assert later["status"]["place"] == "The main street"
    assert 'data-place="main_street"' in later["map"]
    assert [i["id"] for i in later["inventory"]["items"]] == ["necklace"]
    assert "academy" not in first["complete"]["words"]
    assert {"tsunade", "academy"} <= set(later["complete"]["words"])  # old and new replies
    play(api, game, auth, "go to academy")
    again = panels(api, game, auth)
    assert {"tsunade", "academy", "iruka"} <= set(again["complete"]["words"])


def test_plots_are_images_of_the_players_day(api: httpx.Client) -> None:
    game, auth, _ = new_game(api, world="banished")
    links = panels(api, game, auth)["plots"]
    assert [link["name"] for link in links] == ["opinion"]
    image = api.get(links[0]["png"], headers=auth)
    assert image.status_code == 200
    assert image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    drawing = api.get(links[0]["svg"], headers=auth)
    assert drawing.headers["content-type"].startswith("image/svg+xml")
    assert api.get(f"/api/games/{game}/plots/news.png", headers=auth).status_code == 404
    assert api.get(f"/api/games/{game}/plots/opinion.gif", headers=auth).status_code == 404
    assert api.get(f"/api/games/{game}/plots/secrets.png", headers=auth).status_code == 404
