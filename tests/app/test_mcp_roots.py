"""The MCP server reads only article files inside the folders it serves (``summarize mcp --root DIR``).

A client (an agent that may follow an instruction injected into an article) names paths; every path is
resolved, symlinks included, and refused unless it lands inside a served root, has no hidden component
below the root and ends in an article suffix. Missing and refused paths get one message, so a client cannot
probe which files exist. The tree below is made by hand for these tests (``_tree``): files that must stay
unread hold the text of a seed article, so that without the checks the server would brief them
successfully from the recordings (proof that they were read and sent on).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize.app.cli import app

from ..conftest import RECORDINGS, SEEDS
from .test_mcp import SEED, _run, _server, _text

OTHER = "001_c209104685891761"
THIRD = "004_bc73e97958a12d26"
MAX_FILES = 3


def _tree(tmp: Path) -> dict[str, Path]:
    """Hand-made fixture: two served roots and an outside folder, with escapes of every kind."""
    seed = (SEEDS / f"{SEED}.txt").read_text(encoding="utf-8")
    other = (SEEDS / f"{OTHER}.txt").read_text(encoding="utf-8")
    third = (SEEDS / f"{THIRD}.txt").read_text(encoding="utf-8")
    root, root2, outside = tmp / "root", tmp / "root2", tmp / "outside"
    for folder in (root / "news" / "sub", root / ".private", root2, outside / "deeper"):
        folder.mkdir(parents=True)
    (outside / "secret.txt").write_text(other, encoding="utf-8")
    (outside / "deeper" / "more.txt").write_text(third, encoding="utf-8")
    (root / "article.txt").write_text(seed, encoding="utf-8")
    (root / ".secret.txt").write_text(seed, encoding="utf-8")
    (root / ".private" / "note.txt").write_text(seed, encoding="utf-8")
    (root / "notes").write_text(seed, encoding="utf-8")
    (root / "notes.cfg").write_text(seed, encoding="utf-8")
    (root / "link.txt").symlink_to(outside / "secret.txt")
    (root / "linked_dir").symlink_to(outside, target_is_directory=True)
    (root / "alias.txt").symlink_to(root / "article.txt")  # a link that stays inside: allowed
    news = root / "news"
    (news / f"{SEED}.txt").write_text(seed, encoding="utf-8")
    (news / "sub" / f"{OTHER}.txt").write_text(other, encoding="utf-8")
    (news / ".hidden.txt").write_text(third, encoding="utf-8")
    (news / "readme").write_text(third, encoding="utf-8")
    (news / "out.txt").symlink_to(outside / "deeper" / "more.txt")
    (news / "out_dir").symlink_to(outside / "deeper", target_is_directory=True)
    (news / "sub" / "private.txt").symlink_to(root / ".private" / "note.txt")
    (root2 / "second.txt").write_text(other, encoding="utf-8")
    many = root / "many"
    many.mkdir()
    for name in (SEED, OTHER, THIRD, "000_6468509f89715e04"):
        (many / f"{name}.txt").write_text((SEEDS / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return {"root": root, "root2": root2, "outside": outside}


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("roots")
    paths = _tree(tmp)
    root, root2, outside = paths["root"], paths["root2"], paths["outside"]
    calls = [
        ("inside", "brief_article", {"path": "article.txt"}),  # relative: to the first root
        ("inside_abs", "brief_article", {"path": str(root / "article.txt")}),
        ("inside_link", "brief_article", {"path": str(root / "alias.txt")}),
        ("second_root", "brief_article", {"path": str(root2 / "second.txt")}),
        ("outside_abs", "brief_article", {"path": str(outside / "secret.txt")}),
        ("home", "brief_article", {"path": "~/secret.txt"}),
        ("dotdot_abs", "brief_article", {"path": f"{root}/../outside/secret.txt"}),
        ("dotdot_rel", "brief_article", {"path": "news/../../outside/secret.txt"}),
        ("symlink_file", "brief_article", {"path": str(root / "link.txt")}),
        ("symlink_dir", "brief_article", {"path": str(root / "linked_dir" / "secret.txt")}),
        ("hidden_file", "brief_article", {"path": str(root / ".secret.txt")}),
        ("hidden_folder", "brief_article", {"path": str(root / ".private" / "note.txt")}),
        ("no_extension", "brief_article", {"path": str(root / "notes")}),
        ("unknown_extension", "brief_article", {"path": str(root / "notes.cfg")}),
        ("nul_byte", "brief_article", {"path": "article.txt\x00.txt"}),
        ("missing_inside", "brief_article", {"path": str(root / "nope.txt")}),
        ("missing_outside", "brief_article", {"path": str(outside / "nope.txt")}),
        ("digest_etc", "build_digest", {"paths": ["/etc/"]}),
        ("digest_outside", "build_digest", {"paths": [str(root / "linked_dir")]}),
        ("digest_hidden", "build_digest", {"paths": [str(root / ".private")]}),
        ("digest_mixed", "build_digest", {"paths": [str(root / "news"), str(outside / "secret.txt")]}),
        ("digest_scan", "build_digest", {"paths": [str(root / "news")]}),
        ("digest_cap", "build_digest", {"paths": [str(root / "many")]}),
        ("digest_cap_files", "build_digest", {"paths": [str(root / "many" / f"{SEED}.txt"), str(root / "many")]}),
    ]
    args = ["--replay", str(RECORDINGS), "--root", str(root), "--root", str(root2), "--max-files", str(MAX_FILES)]
    out = _run(_server(tmp, *args, HOME=str(outside)), calls)
    out["paths"] = paths
    return out


REFUSED = [
    "outside_abs", "home", "dotdot_abs", "dotdot_rel", "symlink_file", "symlink_dir", "hidden_file",
    "hidden_folder", "no_extension", "unknown_extension", "nul_byte", "missing_inside", "missing_outside",
    "digest_etc", "digest_outside", "digest_hidden", "digest_mixed",
]


@pytest.mark.parametrize("label", ["inside", "inside_abs", "inside_link", "second_root"])
def test_articles_inside_the_served_roots_are_briefed(guarded: dict[str, Any], label: str) -> None:
    result = guarded[label]
    assert not result.is_error, _text(result)
    assert result.structured_content["article"]["id"] in {SEED, "article", "second"}


@pytest.mark.parametrize("label", REFUSED)
def test_paths_out_of_the_roots_hidden_or_of_other_types_are_refused(guarded: dict[str, Any], label: str) -> None:
    result = guarded[label]
    assert result.is_error, f"{label} was read: {_text(result)[:200]}"
    message = _text(result)
    assert "no readable article at" in message and "under the served roots" in message
    assert "summarize mcp --root DIR" in message
    assert str(guarded["paths"]["root"]) in message and str(guarded["paths"]["root2"]) in message
    assert result.structured_content is None


def test_missing_and_refused_get_the_same_message(guarded: dict[str, Any]) -> None:
    outside = guarded["paths"]["outside"]
    root = guarded["paths"]["root"]
    shapes = {
        label: _text(guarded[label]).replace(given, "PATH")
        for label, given in [
            ("missing_outside", str(outside / "nope.txt")),
            ("outside_abs", str(outside / "secret.txt")),
            ("missing_inside", str(root / "nope.txt")),
            ("hidden_file", str(root / ".secret.txt")),
            ("symlink_file", str(root / "link.txt")),
            ("no_extension", str(root / "notes")),
        ]
    }
    assert len(set(shapes.values())) == 1, shapes
    assert "exist" not in next(iter(shapes.values()))  # says nothing of whether the file is there


def test_folder_scan_takes_only_the_files_the_checks_allow(guarded: dict[str, Any]) -> None:
    """news/ holds two articles, and a hidden file, a file without suffix, a link out of the root, a link
    to a folder outside and a link to a hidden file inside: only the two articles are read."""
    result = guarded["digest_scan"]
    assert not result.is_error, _text(result)
    digest = result.structured_content
    assert [a["id"] for a in digest["articles"]] == [SEED, OTHER]
    assert digest["counts"]["failures"] == 0


def test_files_per_call_are_capped(guarded: dict[str, Any]) -> None:
    for label in ("digest_cap", "digest_cap_files"):
        result = guarded[label]
        assert result.is_error
        message = _text(result)
        assert f"at most {MAX_FILES} article files" in message and "--max-files N" in message


def test_roots_must_be_folders(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["mcp", "--replay", str(RECORDINGS), "--root", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "--root" in result.output and "nope" in result.output


def test_create_server_takes_roots_and_the_cap(tmp_path: Path) -> None:
    from summarize.app.mcp import DEFAULT_MAX_FILES, create_server, server_settings

    assert DEFAULT_MAX_FILES == 50
    server = create_server(server_settings(replay=RECORDINGS), roots=[tmp_path], max_files=2)
    assert str(tmp_path.resolve()) in (server.instructions or "")
    with pytest.raises(Exception, match="max_files"):
        create_server(server_settings(replay=RECORDINGS), roots=[tmp_path], max_files=0)
    with pytest.raises(Exception, match="not a folder"):
        create_server(server_settings(replay=RECORDINGS), roots=[tmp_path / "nope"])
    assert os.getcwd()  # creating servers changed nothing in the process
