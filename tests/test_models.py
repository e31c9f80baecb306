"""The data model rejects what must never reach a digest."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from summarize.models import Actor, Evidence
from summarize.models import DigestActor, Support, Weapon
from summarize.settings import Settings
from summarize.errors import ConfigurationError

EV = {"quote": "US-Präsident Donald Trump", "start": 10, "end": 35, "alignment": "exact", "score": 100}


def test_evidence_span_must_be_non_empty_and_ordered() -> None:
    with pytest.raises(ValidationError, match="empty or reversed"):
        Evidence(**{**EV, "start": 35, "end": 10})
    with pytest.raises(ValidationError):
        Evidence(**{**EV, "start": -1})


def test_items_need_at_least_one_evidence() -> None:
    with pytest.raises(ValidationError, match="evidence"):
        Actor(name="Donald Trump", name_as_written="Trump", kind="person", evidence=[])
    actor = Actor(name="Donald Trump", name_as_written="Trump", kind="person", evidence=[EV])
    assert actor.evidence[0].end == 35


def test_enums_and_extra_fields_are_enforced() -> None:
    with pytest.raises(ValidationError):
        Actor(name="X", name_as_written="X", kind="martian", evidence=[EV])
    with pytest.raises(ValidationError):
        Weapon(name="Patriot", name_as_written="Patriot", category="air defence", status="sold", evidence=[EV])
    with pytest.raises(ValidationError, match="Extra inputs"):
        Actor(name="X", name_as_written="X", kind="person", evidence=[EV], confidence=0.9)


def test_digest_items_need_support() -> None:
    with pytest.raises(ValidationError):
        DigestActor(name="X", kind="person", names_as_written=["X"], roles=[], articles=["a"], count=1, support=[])
    ok = DigestActor(name="X", kind="person", names_as_written=["X"], roles=[], articles=["a"], count=1,
                     support=[Support(article_id="a", quote="q", start=0, end=1)])
    assert ok.count == 1


def test_settings_validate_and_read_the_environment() -> None:
    with pytest.raises(ConfigurationError, match="json_schema"):
        Settings(mode="xml")  # type: ignore[arg-type]
    s = Settings.from_env({"SUMMARIZE_MODEL": "m1", "OPENAI_BASE_URL": "http://127.0.0.1:1/v1"}, model=None, lang="de")
    assert (s.model, s.base_url, s.lang, s.mode) == ("m1", "http://127.0.0.1:1/v1", "de", "json_schema")
    assert "sk-" not in repr(Settings(api_key="sk-very-secret"))
