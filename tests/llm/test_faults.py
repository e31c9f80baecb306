"""The library against a HAND-MADE misbehaving server: one retry layer, and request counts within budget.

Everything here runs the real stack (``summarize.abrief`` / ``summarize.arun`` -> instructor -> openai ->
``AsyncRetryTransport`` -> httpx2 -> a socket) against ``tests/faultserver.py`` on 127.0.0.1. The article and
every answer are written by hand. Sleeps are recorded, not slept; only the timeout test waits (0.25 s
per attempt). Most tests send one request at a time (``concurrency=1``, as the sync ``brief`` and ``run``
do), so the server's scripted answers meet the requests in a known order.

Budget (see ``summarize.llm.client``): per article at most ``(parts + 1) * (1 + reasks) * max_attempts``
HTTP requests.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest

from summarize import Article, BriefingError, ModelOutputError, Run, Settings, abrief, article_from_text, arun
from summarize.errors import is_quota_body, quota_spent
from summarize.llm.client import OPENAI_MAX_RETRIES, TRANSPORT_RETRIES, async_live_transport, make_async_openai
from summarize.llm.retry import AsyncRetryTransport, RetryPolicy, is_fatal, retry_after_seconds

from ..support.handmade import OPENING, TEXT, ZELENSKY
from ..support.faultserver import FaultServer, hang, ok, quota, raw, reset, status, truncated

# ----------------------------------------------------------------------------- hand-made fixtures

# hand-made article in two parts at chunk_chars=200
PART1 = "Der Kreml meldete am Montag ein Telefonat. Putin sprach lange mit Trump über die Lage im Osten."
PART2 = "Am Dienstag folgten neue Angriffe auf Kiew. Danach erklärte Putin, die Gespräche gingen weiter."
TWO_PARTS = f"Titel der Meldung aus Moskau\n{PART1}\n{PART2}\n"
# an actor that fails validation (no such kind), so instructor re-asks (grounding failures are not re-asked)
UNGROUNDED = {"name_as_written": "Olaf Scholz", "s": 2, "name": "Olaf Scholz",
              "kind": "alien", "role_in_english": None}
SUMMARY = json.dumps({"sentences_in_english": ["Zelensky met Trump in Washington."]})


def _part(**lists: Any) -> str:
    return json.dumps({"actors": [], "decisions": [], "weapons": [], "open_questions": [], **lists})


# ----------------------------------------------------------------------------- harness


class Harness:
    """A running fault server, a zero-sleep policy that records its sleeps, and settings pointing at both."""

    def __init__(self, server: FaultServer) -> None:
        self.server = server
        self.sleeps: list[float] = []

        async def async_sleep(seconds: float) -> None:
            self.sleeps.append(seconds)

        self.policy = RetryPolicy(async_sleep=async_sleep)

    def settings(self, **kw: Any) -> Settings:
        values: dict[str, Any] = {"base_url": self.server.url, "api_key": "sk-test", "model": "m", "chunk_chars": 5000,
                                  "depth": 1}
        values.update(kw)
        return Settings(**values)

    def client(self, settings: Settings) -> openai.AsyncOpenAI:
        """A client as the library builds it, with the recording policy."""
        return make_async_openai(settings, retry_policy=self.policy)

    def brief(self, text: str = TEXT, **kw: Any) -> Any:
        """One article through :func:`abrief` and our client, one request at a time."""
        return self._brief(text, {"concurrency": 1}, kw)

    def abrief(self, text: str = TEXT, **kw: Any) -> Any:
        """As :meth:`brief`, at the default concurrency: an article's part and summary go out at once."""
        return self._brief(text, {}, kw)

    def _brief(self, text: str, options: dict[str, Any], kw: dict[str, Any]) -> Any:
        settings = self.settings(**kw)

        async def go() -> Any:
            async with self.client(settings) as client:
                return await abrief(article_from_text(text, id="t1"), settings=settings, client=client, **options)

        return asyncio.run(go())

    def run(self, articles: list[Article], **kw: Any) -> Run:
        """Articles through :func:`arun` and our client, one request (and so one article) at a time."""
        settings = self.settings(**kw)

        async def go() -> Run:
            async with self.client(settings) as client:
                return await arun(articles, settings=settings, client=client, concurrency=1)

        return asyncio.run(go())

    def fail(self, text: str = TEXT, **kw: Any) -> BriefingError:
        with pytest.raises(BriefingError) as info:
            self.brief(text, **kw)
        return info.value

    @property
    def count(self) -> int:
        return self.server.count


@pytest.fixture
def h() -> Iterator[Harness]:
    with FaultServer() as server:
        yield Harness(server)


MAX = RetryPolicy().max_attempts


def budget(parts: int, reasks: int = 1, max_attempts: int = MAX) -> int:
    """The documented per-article ceiling on HTTP requests."""
    return (parts + 1) * (1 + reasks) * max_attempts


# ----------------------------------------------------------------------------- wiring


def test_the_openai_client_never_retries_itself(h: Harness) -> None:
    assert OPENAI_MAX_RETRIES == 0 and TRANSPORT_RETRIES == MAX - 1 == 3
    assert h.client(h.settings()).max_retries == 0  # never sends: nothing to close
    assert make_async_openai(h.settings()).max_retries == 0


# ----------------------------------------------------------------------------- transient faults are retried


def test_503_then_ok_takes_exactly_two_requests(h: Harness) -> None:
    h.server.add(status(503), ok(_part(actors=[ZELENSKY])), ok(SUMMARY))
    b = h.brief()
    assert h.count == 3  # part: 503 + ok; summary: ok
    assert [a.name for a in b.actors] == ["United States", "Donald Trump", "Volodymyr Zelensky"]
    assert len(h.sleeps) == 1 and 0 <= h.sleeps[0] <= h.policy.base_delay  # full jitter on the first retry
    assert b.meta.llm_calls == 2  # model answers, not HTTP attempts


def test_retries_resend_the_same_request(h: Harness) -> None:
    h.server.add(status(503), ok(_part()), ok(SUMMARY))
    h.brief()
    first, second = h.server.requests[:2]
    assert first.body == second.body
    # the openai client built both requests once: its own retry counter never moved
    assert first.headers["x-stainless-retry-count"] == second.headers["x-stainless-retry-count"] == "0"


def _by_kind(part: str, summary: str = SUMMARY):  # noqa: ANN202
    """An answer chosen by what was asked: the async path sends an article's part and summary at once."""
    return lambda body: ok(summary) if "sentences_in_english" in json.dumps(body.get("response_format")) else ok(part)


def test_async_path_retries_the_same_way(h: Harness) -> None:
    answer = _by_kind(_part(actors=[ZELENSKY]))
    h.server.add(reset(), status(429, headers={"Retry-After": "1"}), answer, answer)
    b = h.abrief()
    assert h.count == 4 and len(h.sleeps) == 2 and 1.0 in h.sleeps
    assert [a.name for a in b.actors] == ["United States", "Donald Trump", "Volodymyr Zelensky"]


def test_429_with_retry_after_seconds_waits_that_long(h: Harness) -> None:
    h.server.add(status(429, headers={"Retry-After": "1"}), ok(_part()), ok(SUMMARY))
    h.brief()
    assert h.count == 3 and h.sleeps == [1.0]


def test_429_with_retry_after_ms(h: Harness) -> None:
    h.server.add(status(429, headers={"retry-after-ms": "250"}), ok(_part()), ok(SUMMARY))
    h.brief()
    assert h.count == 3 and h.sleeps == [0.25]


def test_retry_after_over_the_cap_fails_at_once(h: Harness) -> None:
    h.server.add(status(429, headers={"Retry-After": "120"}))
    err = h.fail()
    assert h.count == 1 and h.sleeps == []
    assert isinstance(err.__cause__, openai.RateLimitError) and not is_fatal(err)


def test_500_four_times_fails_after_max_attempts(h: Harness) -> None:
    h.server.add(*[status(500)] * 10)
    err = h.fail()
    assert h.count == MAX == 4  # not 4 x (1 + reasks): instructor does not re-send API errors
    assert type(err.__cause__) is openai.InternalServerError and err.kind == "InternalServerError"
    assert err.article_id == "t1" and not is_fatal(err)
    assert len(h.sleeps) == MAX - 1


def test_connection_reset_then_ok(h: Harness) -> None:
    h.server.add(reset(), ok(_part(actors=[ZELENSKY])), ok(SUMMARY))
    b = h.brief()
    assert h.count == 3 and len(h.sleeps) == 1
    assert [a.name for a in b.actors] == ["United States", "Donald Trump", "Volodymyr Zelensky"]


def test_timeout_after_a_first_answer_is_retried_then_kept_in_the_chain(h: Harness) -> None:
    h.server.add(ok(_part(actors=[ZELENSKY])), *[hang(5)] * MAX)  # the summary request times out
    err = h.fail(timeout=0.25)
    assert h.count == 1 + MAX
    assert isinstance(err.__cause__, openai.APITimeoutError) and err.kind == "APITimeoutError"
    assert not is_fatal(err)


def test_a_server_that_accepts_but_never_answers_stops_the_run_at_the_first_timeout(h: Harness) -> None:
    """Before any answer, a timeout is not retried (each attempt would cost another full timeout): it is a
    fatal stop that names the server and --timeout."""
    h.server.add(*[hang(5)] * MAX)
    err = h.fail(timeout=0.25)
    assert h.count == 1 and is_fatal(err)
    assert h.server.url in str(err) and "--timeout" in str(err) and "no answer within 0.25s" in str(err)


# ----------------------------------------------------------------------------- permanent faults are not


def test_401_is_sent_once_and_fatal(h: Harness) -> None:
    h.server.add(status(401, {"error": {"message": "bad key", "type": "invalid_request_error", "code": "invalid_api_key"}}))
    err = h.fail()
    assert h.count == 1 and h.sleeps == []
    assert isinstance(err.__cause__, openai.AuthenticationError) and is_fatal(err)


def test_insufficient_quota_is_sent_once_and_fatal(h: Harness) -> None:
    h.server.add(quota(), ok(_part()), ok(SUMMARY))
    err = h.fail()
    assert h.count == 1 and h.sleeps == []
    assert isinstance(err.__cause__, openai.RateLimitError) and is_fatal(err)


def test_unknown_model_404_is_fatal(h: Harness) -> None:
    h.server.add(status(404, {"error": {"message": "The model `m` does not exist", "code": "model_not_found"}}))
    err = h.fail()
    assert h.count == 1 and isinstance(err.__cause__, openai.NotFoundError) and is_fatal(err)


def test_400_is_sent_once_and_not_fatal(h: Harness) -> None:
    h.server.add(status(400), ok(_part()), ok(SUMMARY))
    err = h.fail()
    assert h.count == 1 and isinstance(err.__cause__, openai.BadRequestError) and not is_fatal(err)


@pytest.mark.parametrize("code", [403, 422])
def test_other_client_errors_are_sent_once(h: Harness, code: int) -> None:
    h.server.add(status(code), ok(_part()), ok(SUMMARY))
    h.fail()
    assert h.count == 1


def test_instructor_does_not_resend_an_api_error_even_with_reasks_left(h: Harness) -> None:
    """With transport retries off, a 503 on the first answer ends the call: instructor (reasks=1) does
    not send it again, because it retries only validation/parse errors."""
    h.policy = dataclasses.replace(h.policy, max_attempts=1)
    h.server.add(status(503), ok(_part()), ok(SUMMARY))
    err = h.fail(reasks=1)
    assert h.count == 1 and isinstance(err.__cause__, openai.InternalServerError)


# ----------------------------------------------------------------------------- model-output problems


def test_non_json_200_body_is_resent_once_then_fails_as_model_output(h: Harness) -> None:
    """The openai client raises ``JSONDecodeError`` on a JSON-labelled body that is not JSON; instructor
    counts that as a parse error and sends the same request once more. Then the article fails loudly
    (never an empty part that looks like success), keeping the decode error in its chain."""
    h.server.add(raw("<html>proxy error</html>"), raw("<html>proxy error</html>"), ok(SUMMARY))
    with pytest.raises(ModelOutputError) as info:
        h.brief()
    assert h.count == 2  # part: 1 + reasks, then the article stops
    assert h.server.requests[0].body == h.server.requests[1].body
    chain, cur = [], info.value
    while cur is not None:
        chain.append(type(cur).__name__)
        cur = cur.__cause__ or cur.__context__
    assert "JSONDecodeError" in chain


def test_non_json_text_body_fails_as_model_output(h: Harness) -> None:
    h.server.add(raw("not json", "text/plain"), raw("not json", "text/plain"), ok(SUMMARY))
    with pytest.raises(ModelOutputError):
        h.brief()
    assert h.count == 2  # part: 1 + reasks, then the article stops


def test_schema_invalid_answer_is_reasked_once_then_salvaged(h: Harness) -> None:
    h.server.add(ok('{"actors": "nobody"}'), ok('{"actors": 3}'), ok(SUMMARY))
    b = h.brief()
    assert h.count == 3  # part: answer + one re-ask; summary: 1
    # none from the answers: the actors are the alias table's people the text names (gazetteer.people)
    assert b.meta.reasks == 1 and [a.name for a in b.actors] == ["United States", "Volodymyr Zelensky", "Donald Trump"]
    assert h.server.requests[1].body["messages"] != h.server.requests[0].body["messages"]  # a real re-ask


def test_unparseable_content_twice_fails_as_model_output(h: Harness) -> None:
    h.server.add(ok("I cannot answer in JSON."), ok("Still prose."), ok(SUMMARY))
    with pytest.raises(ModelOutputError):
        h.brief()
    assert h.count == 2


def test_truncated_answer_is_not_reasked(h: Harness) -> None:
    full = _part(actors=[ZELENSKY, UNGROUNDED])
    h.server.add(truncated(full[: full.index("Olaf Scholz") + 3]), ok(SUMMARY))
    b = h.brief()
    assert h.count == 2 and h.sleeps == []
    assert b.meta.truncated_chunks == 1 and [a.name for a in b.actors] == ["United States", "Donald Trump", "Volodymyr Zelensky"]


# ----------------------------------------------------------------------------- the budget


def test_every_response_503_stays_within_budget(h: Harness) -> None:
    h.server.default = status(503)
    h.fail(TWO_PARTS, chunk_chars=200)
    assert h.count == MAX <= budget(parts=2)  # the first part gives up; the article stops there


def test_every_response_503_async_stays_within_budget(h: Harness) -> None:
    h.server.default = status(503)
    with pytest.raises(BriefingError):
        h.abrief(TWO_PARTS, chunk_chars=200)
    # Both parts and the summary run concurrently; when the first gives up, the TaskGroup cancels the
    # others wherever they are.
    assert MAX <= h.count <= 3 * MAX <= budget(parts=2)


def test_worst_case_article_reaches_the_budget_exactly_and_no_more(h: Harness) -> None:
    """Every model answer needs all transport attempts, and every first answer needs its re-ask."""
    transient = [status(503)] * (MAX - 1)
    for answer in (_part(actors=[UNGROUNDED]), _part(actors=[UNGROUNDED])) * 2 + ("prose, not JSON", SUMMARY):
        h.server.add(*transient, ok(answer))
    b = h.brief(TWO_PARTS, chunk_chars=200)
    assert b.meta.chunks == 2 and b.meta.llm_calls == 6 and b.meta.reasks == 3
    assert h.count == budget(parts=2) == 24
    assert len(h.sleeps) == 6 * (MAX - 1)


# ----------------------------------------------------------------------------- runs, recording, counters


def test_run_reports_each_article_and_counts_requests(h: Harness) -> None:
    h.server.add(status(503), ok(_part(actors=[ZELENSKY])), ok(SUMMARY), status(401))
    result = h.run([article_from_text(TEXT, id="a1"), article_from_text(TEXT, id="a2")])
    assert h.count == 4
    assert [b.article.id for b in result.briefings] == ["a1"]
    assert [(f.article_id, f.error_kind) for f in result.failures] == [("a2", "AuthenticationError")]


def test_quota_error_stops_the_run_after_one_request_and_keeps_what_is_done(h: Harness) -> None:
    h.server.add(ok(_part(actors=[ZELENSKY])), ok(SUMMARY), quota())
    articles = [article_from_text(TEXT, id=f"a{i}") for i in range(4)]
    result = h.run(articles)
    assert h.count == 3  # a0: part + summary; a1: the one quota answer; a2, a3: nothing
    assert [b.article.id for b in result.briefings] == ["a0"]
    assert [(f.article_id, f.error_kind) for f in result.failures] == [
        ("a1", "RateLimitError"), ("a2", "NotAttempted"), ("a3", "NotAttempted")]
    assert result.stopped is not None and "quota" in result.stopped
    assert result.digest.meta.articles_briefed == 1 and len(result.digest.failures) == 3


def test_recording_stores_only_the_final_exchange(h: Harness, tmp_path: Path) -> None:
    h.server.add(status(503), status(429, headers={"Retry-After": "0"}), ok(_part()), ok(SUMMARY))
    h.brief(record_dir=tmp_path)
    files = sorted(tmp_path.glob("*/*.json"))
    assert h.count == 4 and len(files) == 2
    assert [json.loads(f.read_text())["response"]["status"] for f in files] == [200, 200]


def test_transport_counts_attempts_and_retries(h: Harness) -> None:
    h.server.add(status(503), reset(), ok(SUMMARY))
    transport = async_live_transport(h.settings(), h.policy)
    assert isinstance(transport, AsyncRetryTransport)

    async def go() -> str | None:
        async with openai.AsyncOpenAI(api_key="sk-test", base_url=h.server.url, max_retries=0,
                                      http_client=httpx2.AsyncClient(transport=transport, timeout=5)) as client:
            answer = await client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
        return answer.choices[0].message.content

    assert asyncio.run(go()) == SUMMARY
    assert (transport.requests, transport.attempts, transport.retries) == (1, 3, 2) and h.count == 3


# ----------------------------------------------------------------------------- the policy in isolation


def _mock(responses: list[httpx2.Response]) -> tuple[AsyncRetryTransport, list[float], list[httpx2.Response]]:
    sent: list[httpx2.Response] = []
    sleeps: list[float] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        response = responses.pop(0)
        sent.append(response)
        return response

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    policy = RetryPolicy(async_sleep=sleep, jitter=False)
    return AsyncRetryTransport(httpx2.MockTransport(handler), policy), sleeps, sent


def _send(transport: AsyncRetryTransport) -> httpx2.Response:
    async def go() -> httpx2.Response:
        async with httpx2.AsyncClient(transport=transport) as client:
            return await client.post("http://127.0.0.1/v1/chat/completions", json={})

    return asyncio.run(go())


def test_backoff_is_exponential_and_capped_and_discarded_responses_are_closed() -> None:
    transport, sleeps, sent = _mock([httpx2.Response(502) for _ in range(4)])
    assert _send(transport).status_code == 502
    assert sleeps == [0.5, 1.0, 2.0]
    assert all(r.is_closed for r in sent[:-1])
    policy = RetryPolicy(jitter=False)
    assert policy.backoff(10) == policy.max_delay
    assert 0 <= RetryPolicy(random=lambda: 0.5).backoff(3) == 1.0


def test_x_should_retry_false_is_respected() -> None:
    transport, sleeps, _ = _mock([httpx2.Response(503, headers={"x-should-retry": "false"}), httpx2.Response(200)])
    assert _send(transport).status_code == 503 and transport.attempts == 1 and sleeps == []


def test_retry_after_as_http_date() -> None:
    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    later = format_datetime(now + timedelta(seconds=7), usegmt=True)
    assert retry_after_seconds(httpx2.Headers({"Retry-After": later}), now=now.timestamp) == 7.0
    earlier = format_datetime(now - timedelta(seconds=7), usegmt=True)
    assert retry_after_seconds(httpx2.Headers({"Retry-After": earlier}), now=now.timestamp) == 0.0
    assert retry_after_seconds(httpx2.Headers({"Retry-After": "soon"})) is None
    assert retry_after_seconds(httpx2.Headers({})) is None


def test_is_fatal_reads_the_whole_chain() -> None:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")

    def err(cls: type[openai.APIStatusError], code: int, body: object) -> openai.APIStatusError:
        return cls("x", response=httpx2.Response(code, request=request), body=body)

    quota_error = err(openai.RateLimitError, 429, {"message": "no", "type": "insufficient_quota", "code": None})
    try:
        try:
            raise quota_error
        except openai.RateLimitError as exc:
            raise BriefingError("t1: failed") from exc
    except BriefingError as wrapped:
        assert is_fatal(wrapped)
    assert not is_fatal(err(openai.RateLimitError, 429, {"message": "slow down", "code": "rate_limit_exceeded"}))
    assert is_fatal(err(openai.PermissionDeniedError, 403, None))
    assert not is_fatal(err(openai.BadRequestError, 400, None))
    assert not is_fatal(ValueError("unrelated"))


def test_one_reader_of_an_insufficient_quota_answer() -> None:
    """The retry layer (the raw bytes of a 429) and the error's fix and fatal check (the body openai kept)
    read a spent quota with the same function."""
    body = {"error": {"message": "You exceeded your current quota.", "type": "insufficient_quota", "code": None}}
    assert is_quota_body(body) and is_quota_body(body["error"]) and is_quota_body(json.dumps(body).encode())
    rate = {"error": {"message": "slow down", "type": "requests", "code": "rate_limit_exceeded"}}
    assert not is_quota_body(rate) and not is_quota_body(json.dumps(rate).encode())
    assert not is_quota_body(b"<html>quota</html>") and not is_quota_body(b"\xff") and not is_quota_body(None)

    transport, sleeps, _ = _mock([httpx2.Response(429, json=body), httpx2.Response(200)])
    assert _send(transport).status_code == 429 and transport.attempts == 1 and sleeps == []
    transport, sleeps, _ = _mock([httpx2.Response(429, json=rate), httpx2.Response(200)])
    assert _send(transport).status_code == 200 and transport.attempts == 2 and sleeps == [0.5]

    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    spent = openai.RateLimitError("x", response=httpx2.Response(429, request=request), body=body["error"])
    wrapped = BriefingError("t1: failed")
    wrapped.__cause__ = spent
    assert quota_spent(wrapped) and is_fatal(wrapped) and "quota" in (wrapped.fix or "")
    limited = openai.RateLimitError("x", response=httpx2.Response(429, request=request), body=rate["error"])
    assert not quota_spent(limited) and not is_fatal(limited)
