"""No URL, Markdown image or HTML in output unless the article itself contains it (hand-made strings)."""

from __future__ import annotations

import json

from summarize import Settings, article_from_text, brief
from summarize.briefing.safety import scrub
from summarize.render.markdown import esc

from ..support.fakes import Scripted

SOURCE = "Das Ministerium verwies auf https://bmvg.example/meldung für Details. Pistorius sagte, man prüfe den Kauf."


def test_scrub_removes_what_the_source_lacks_and_keeps_what_it_has() -> None:
    value = ("Pistorius ![px](https://evil.example/p.png) said [click](https://evil.example/x) "
             "<img src=x onerror=alert(1)> see https://bmvg.example/meldung and www.evil.example/y <b>now</b>")
    out = scrub(value, SOURCE)
    assert "evil.example" not in out and "<" not in out and "](" not in out
    assert "https://bmvg.example/meldung" in out and "click" in out and "now" in out


def test_markdown_renders_urls_as_code_not_links() -> None:
    assert esc("quelle https://bmvg.example/a_b") == "quelle `https://bmvg.example/a_b`"
    assert esc("[x](y) <b>") == "\\[x\\]\\(y\\) \\<b\\>"


def test_briefing_fields_are_scrubbed() -> None:
    text = "Pistorius prüft Kauf\n" + SOURCE + "\n"
    part = {"actors": [{"name_as_written": "Pistorius", "s": 3,
                        "name": "Boris Pistorius ![t](https://evil.example/t.png)", "kind": "person",
                        "role_in_english": "<script>x</script>official https://evil.example/r"}],
            "decisions": [], "weapons": [], "open_questions": []}
    summary = {"sentences_in_english": ["Pistorius reviews a purchase [more](https://evil.example/m)."]}
    server = Scripted([json.dumps(part), json.dumps(summary)])  # hand-made answers
    b = brief(article_from_text(text, id="t"), settings=Settings(model="m", api_key="k", depth=1), client=server.client())
    dumped = b.model_dump_json()
    assert "evil.example" not in dumped and "<script>" not in dumped
    assert b.actors[0].name == "Boris Pistorius" and b.actors[0].role == "x official"
    assert b.summary == "Pistorius reviews a purchase more."
