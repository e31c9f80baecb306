"""Merge speed work keeps results: the clustering's first-hit rule, the benchmark's memory report.
HAND-MADE inputs (generated descriptions and names, no model output)."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from summarize.digest.clusters import CLUSTER_THRESHOLD, MAX_CLUSTERS_PER_ACTOR, DecisionClusters, QuestionClusters
from summarize.digest.entities import Resolver
from summarize.text.normalise import fold

WORDS = ["paused", "resumed", "weapons", "deliveries", "to", "ukraine", "a", "summit", "in", "budapest", "new",
         "sanctions", "on", "russian", "oil", "met", "spoke", "with", "putin", "about", "the", "war"]


def _reference_decision_keys(texts: list[str]) -> list[str]:
    """The rule written plainly: a text asked before is the event it was then; else the FIRST of the first 64
    clusters that reaches the threshold (not the best one), else the first of the latest 64 beyond them, else a
    new cluster."""
    clusters: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    out = []
    for what in texts:
        text = fold(what)
        if text in seen:
            out.append(seen[text])
            continue
        later = clusters[max(MAX_CLUSTERS_PER_ACTOR, len(clusters) - MAX_CLUSTERS_PER_ACTOR):]
        for representative, key in clusters[:MAX_CLUSTERS_PER_ACTOR] + later:
            if fuzz.token_set_ratio(text, representative) >= CLUSTER_THRESHOLD:
                break
        else:
            key = f"who:anna|{len(clusters)}"
            clusters.append((text, key))
        if fuzz.token_set_ratio(text, text) >= CLUSTER_THRESHOLD:
            seen[text] = key
        out.append(key)
    return out


def test_decision_clusters_take_the_first_cluster_that_fits_not_the_best() -> None:
    rnd = random.Random(3)
    texts = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 7))) for _ in range(600)]
    # a description that fits an earlier cluster and fits a later one better: the earlier one wins
    texts += ["paused weapons deliveries", "paused weapons deliveries to ukraine",
              "paused weapons deliveries to ukraine today"]
    clusters = DecisionClusters(Resolver())
    keys = [clusters.key_for("Anna", t) for t in texts]
    assert keys == _reference_decision_keys(texts)
    assert len(set(keys)) > MAX_CLUSTERS_PER_ACTOR  # the 64-cluster bound was reached


def test_decision_clusters_of_repeated_descriptions_follow_the_rule() -> None:
    """Copies of one story repeat their descriptions: a repeat takes the cluster it took before without a new
    scan, which must be the cluster the rule gives, also past the 64-cluster bound (a repeat of a text that
    opened cluster 70 is compared with the first 64 again and opens another) and for texts that match
    nothing, not even themselves ("", "—")."""
    rnd = random.Random(11)
    pool = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 7))) for _ in range(300)] + ["", "—", "  "]
    texts = [rnd.choice(pool) for _ in range(1500)] + pool[-3:] * 2
    clusters = DecisionClusters(Resolver())
    keys = [clusters.key_for("Anna", t) for t in texts]
    assert keys == _reference_decision_keys(texts)
    assert len(set(keys)) > MAX_CLUSTERS_PER_ACTOR and len(keys) > 3 * len(set(texts))


def test_decision_clusters_repeated_texts_keep_the_plain_rule() -> None:
    """Texts asked again (answered from memory) get the key the plain rule gives, also past the 64-cluster bound:
    the same text is the same event however many clusters its actor has."""
    rnd = random.Random(11)
    pool = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 6))) for _ in range(300)] + ["", "..."]
    texts = [rnd.choice(pool) for _ in range(3000)]
    clusters = DecisionClusters(Resolver())
    keys = [clusters.key_for("Anna", t) for t in texts]
    assert keys == _reference_decision_keys(texts)
    assert len(set(keys)) > MAX_CLUSTERS_PER_ACTOR


def test_question_clusters_match_the_plain_rule() -> None:
    rnd = random.Random(5)
    questions = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 8))) + "?" for _ in range(500)]
    clusters = QuestionClusters()
    got = [clusters.key_for(q) for q in questions]
    reps: list[tuple[str, str]] = []
    exact: dict[str, str] = {}
    want = []
    for q in questions:
        text = fold(q)
        if text not in exact:
            key = text
            if len(text.split()) >= 4:
                for representative, k in reps[-MAX_CLUSTERS_PER_ACTOR:]:
                    if fuzz.token_set_ratio(text, representative) >= 85:
                        key = k
                        break
                else:
                    reps.append((text, key))
            exact[text] = key
        want.append(exact[text])
    assert got == want and len(set(got)) < len(got)


def test_merged_items_built_without_revalidation_are_valid() -> None:
    """The merge builds its items from validated briefing items without validating them again: what it
    builds must pass validation all the same, and dump the same after it."""
    from summarize.models import Digest

    from ..support.large_digest import large_digest

    digest = large_digest(300)
    dumped = digest.model_dump_json()
    assert Digest.model_validate_json(dumped).model_dump_json() == dumped
    assert Digest.model_validate(digest.model_dump()).model_dump_json() == dumped


def test_a_report_told_again_after_the_actors_first_64_clusters_meets_its_event() -> None:
    """HAND-MADE: an actor with more than 64 events (one person in a hundred articles): a description told
    after them, told again by another source (the same words, or nearly), is one event, not two."""
    clusters = DecisionClusters(Resolver())
    for n in range(80):
        clusters.key_for("Anna", f"visited city number {n} of the region {n * 7}")
    late = clusters.key_for("Anna", "promised to check which weapons were held back")
    assert clusters.key_for("Anna", "promised to check which weapons were held back") == late
    assert clusters.key_for("Anna", "promised to check which of the weapons were held back") == late
    assert clusters.key_for("Anna", "met the prime minister of Norway") != late
