"""The per-request shortcut for instructor (``prepared`` in summarize/llm/structured.py) gives exactly what
instructor computes itself, and the messages are the templates filled in; the replay tests additionally
compare whole request bodies with recordings."""

from __future__ import annotations

import asyncio
from pathlib import Path

import instructor
import pytest

from summarize.briefing import prompts
from summarize.briefing.drafts import models_for
from summarize.llm.limiter import AdaptiveLimit
from summarize.llm.structured import prepared

ROOT = Path(__file__).resolve().parents[1].parent


def test_messages_are_plain_text_with_newline_line_ends_and_no_final_newline() -> None:
    """The messages are the templates filled in, nothing else: a template file's final newline ends the file,
    not the message; an article's CR line ends become ``\n``; Jinja syntax in an article is sent as written
    (instructor gets no template context, summarize/llm/validation.py)."""
    text = "Erster Satz.\r\nZweiter {{ 7*7 }} und {% raw %}.\rDritter.\n"
    for message in prompts.messages("brief", lang="en", title="t", part="1", parts=1, text=text, hints="",
                                     task=prompts.task("all", lang="en")):
        assert not message["content"].endswith("\n") and "\r" not in message["content"]
    user = prompts.messages("summary", lang="en", title="t", text=text)[1]["content"]
    assert "Erster Satz.\nZweiter {{ 7*7 }} und {% raw %}.\nDritter." in user


@pytest.mark.parametrize("lang", ["English", "German"])
def test_prepared_models_give_instructors_schema(lang: str) -> None:
    for model in models_for(lang):
        ours = prepared(model)
        assert ours is prepared(model)  # built once
        assert ours.__name__ == model.__name__
        assert ours.model_json_schema() == instructor.response_schema(model).model_json_schema()
        assert ours.model_json_schema() is not ours.model_json_schema()  # a fresh dict for each caller
        assert ours.model_json_schema(by_alias=False) == instructor.response_schema(model).model_json_schema(by_alias=False)


def test_limit_wakes_waiters_in_order_and_passes_on_a_cancelled_slot() -> None:
    async def main() -> list[int]:
        limit = AdaptiveLimit(1)
        order: list[int] = []
        release = asyncio.Event()

        async def job(n: int) -> None:
            async with limit:
                order.append(n)
                if n == 0:
                    await release.wait()

        tasks = [asyncio.create_task(job(n)) for n in range(5)]
        await asyncio.sleep(0.01)
        tasks[2].cancel()  # waiting: must not take a slot
        release.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        assert limit._in_use == 0 and not limit._waiters
        return order

    assert asyncio.run(main()) == [0, 1, 3, 4]


def test_limit_growth_lets_waiters_in() -> None:
    async def main() -> int:
        limit = AdaptiveLimit(4, recover=1)
        limit.observe(429, {})
        limit.observe(429, {})  # limit 1
        peak = inside = 0
        gate = asyncio.Event()

        async def job() -> None:
            nonlocal peak, inside
            async with limit:
                inside += 1
                peak = max(peak, inside)
                await gate.wait()
                inside -= 1

        tasks = [asyncio.create_task(job()) for _ in range(4)]
        await asyncio.sleep(0.01)
        assert inside == 1
        for _ in range(3):
            limit.observe(200, {})  # grows to 4, and each step lets one more waiter in
        await asyncio.sleep(0.01)
        gate.set()
        await asyncio.gather(*tasks)
        return peak

    assert asyncio.run(main()) == 4


def _weapons_sentence_by_sentence(sentences):  # gazetteer.weapons without its whole-text shortcut
    import re

    from summarize.briefing import gazetteer

    found = {}
    for n in range(1, len(sentences) + 1):
        for form, name, generic, *_ in gazetteer._weapon_forms():
            match = None if name in found else re.search(rf"(?<!\w)[\w-]*{re.escape(form)}[\w-]*",
                                                         sentences.sentence(n), re.IGNORECASE)
            if match and (not generic or match.group().casefold().startswith(form.casefold()) or "-" in match.group()):
                found[name] = (n, match.group().strip("-"), generic)
    return found


@pytest.mark.parametrize("text", [
    "Die PATRIOT-Systeme kommen. Kiew will Taurus. Später: Leopard-2-Panzer und Drohnenabwehr.\nKampfdrohnen fehlen.",
    "Keine Waffen hier. Nur Worte.", "ÜBER-PATRIOT\nmehr HIMARS-Raketen, iris-t und Gepard",
    "Die PATRİOT-Systeme und ſtinger-Raketen.", "„Taurus“ – 5 € – und Kampfdrohnen.",
    *[p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))],
])
def test_gazetteer_weapons_whole_text_shortcut_finds_what_each_sentence_gives(text: str) -> None:
    from summarize.briefing import gazetteer
    from summarize.briefing.numbered import Sentences

    sentences = Sentences.of(text)
    assert gazetteer.weapons(sentences) == _weapons_sentence_by_sentence(sentences)


def test_letters_outside_the_gazetteers_cased_set_match_case_insensitively_only_their_lower_case() -> None:
    """The lower-case shortcut of gazetteer.weapons holds: a letter its ``_CASED`` pattern lets through matches
    (``re.IGNORECASE``) only letters with the same lower-case form, or letters that pattern catches."""
    import re

    from summarize.briefing.gazetteer import _CASED

    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    plain = [c for c in every if not _CASED.match(c)]
    assert len(plain) > 500
    for c in plain:
        assert len(c.lower()) == 1
        for m in re.finditer(re.escape(c), every, re.IGNORECASE):
            assert m.group().lower() == c.lower() or _CASED.match(m.group()), (c, m.group())


def _all_request_models(lang: str) -> list[type]:
    from summarize.briefing.drafts import PASSES, pass_model, translation_model

    fields = {f for passes in PASSES.values() for _, f in passes}
    return [*models_for(lang), translation_model(lang), *(pass_model(lang, f) for f in sorted(fields))]


def _valid_item(item_model: object) -> object:
    """A valid answer item for ``item_model`` (a draft class, or ``str`` for a list of sentences)."""
    from typing import Literal, get_args, get_origin

    if not isinstance(item_model, type) or not hasattr(item_model, "model_fields"):
        return "Ein Satz."
    item: dict[str, object] = {}
    for name, info in item_model.model_fields.items():
        if not info.is_required():
            continue
        kind = info.annotation
        value: object = 1 if kind is int else ["Trump"] if get_origin(kind) is list else "Trump"
        if get_origin(kind) is Literal:
            value = get_args(kind)[0]
        item[info.alias or name] = value
    return item


@pytest.mark.parametrize("lang", ["English", "German"])
def test_prepared_models_validate_and_fail_as_instructors_own(lang: str) -> None:
    """The prepared class hides its nested models from instructor's per-request walk (``_Whole``), yet
    validates exactly as the model instructor would wrap itself: the same schema, the same nested classes
    and values, the same error text (a re-ask quotes it to the model, and the replay tests hash re-asks)."""
    from pydantic import ValidationError

    for model in _all_request_models(lang):
        ours, theirs = prepared(model), instructor.response_schema(model)
        assert ours.model_json_schema() == theirs.model_json_schema()
        assert issubclass(ours, model)
        fields = list(model.model_fields)
        key = model.model_fields[fields[0]].alias or fields[0]
        item_model = model.model_fields[fields[0]].annotation.__args__[0]
        one = _valid_item(item_model)
        good = {(model.model_fields[f].alias or f): [] for f in fields} | {key: [one]}
        parsed, expected = ours.model_validate(good), theirs.model_validate(good)
        assert parsed.model_dump() == expected.model_dump()
        item = getattr(parsed, fields[0])[0]
        assert type(item) is type(getattr(expected, fields[0])[0])
        if isinstance(item_model, type):
            assert isinstance(item, item_model)
        for bad in ({key: [one] * 30}, {key: 3}, {key: [{"s": "x"}]}, {key: [{}]}, {key: []} if "sentences" in key else {key: [7]}):
            errors = []
            for cls in (ours, theirs):
                with pytest.raises(ValidationError) as caught:
                    cls.model_validate(bad)
                errors.append(str(caught.value))
            assert errors[0] == errors[1]


def test_instructors_async_validator_walk_passes_the_prepared_models() -> None:
    """instructor refuses models with its async validators; the prepared classes pass its check, as the
    models they wrap do (the check is instructor's own, on a path that is not its public API)."""
    walk = pytest.importorskip("instructor.v2.validation.async_validators").reject_async_validators
    for model in _all_request_models("English"):
        walk(model)
        walk(prepared(model))


def test_an_answer_is_read_as_the_sdk_reads_it() -> None:
    """``_completion`` reads the HTTP response into what ``chat.completions.create`` returns: a valid
    answer validated in one step, one that leaves out a field built unvalidated as the SDK builds it, a body
    that is no JSON the SDK's error (or its text when the server did not call it JSON)."""
    import json

    import httpx2
    from openai.types.chat import ChatCompletion

    from summarize.llm.structured import _completion

    answer = {"id": "x", "object": "chat.completion", "created": 1, "model": "m",
              "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "{}"}}],
              "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}}
    as_json = {"content-type": "application/json"}
    full = _completion(httpx2.Response(200, headers=as_json, content=json.dumps(answer).encode()))
    assert isinstance(full, ChatCompletion) and full.choices[0].message.content == "{}" and full.usage.total_tokens == 5
    partial = {k: v for k, v in answer.items() if k != "created"}  # a server that leaves out a field
    built = _completion(httpx2.Response(200, headers=as_json, content=json.dumps(partial).encode()))
    assert isinstance(built, ChatCompletion) and built.choices[0].message.content == "{}"
    assert built.usage.total_tokens == 5  # nested objects built, as the SDK builds them
    with pytest.raises(ValueError):
        _completion(httpx2.Response(200, headers=as_json, content=b"<html>busy</html>"))
    assert _completion(httpx2.Response(200, headers={"content-type": "text/html"}, content=b"<html>busy</html>")) == "<html>busy</html>"
