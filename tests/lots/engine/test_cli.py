"""The command line: draw, draw-check and draw-eligible, with their exit codes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from revmod.lots.engine.cli import help_text, main
from revmod.lots.engine.csvio import write_pairs

from .cast import PARTIES_HEADER, REAL_PARTIES, tiny_cast, tiny_pairing

pytestmark = pytest.mark.unit


@pytest.fixture
def tiny_files(tmp_path: Path) -> tuple[Path, Path]:
    """The tiny cast as a parties file, and its sound pairing as a pairs file."""
    parties = tmp_path / "parties.csv"
    rows = [f"{p.iso3},{p.name},{p.regional_group or ''},true,"
            + ",".join("true" if code in p.instruments else "false" for code in ("TIP", "SOM", "FIR"))
            + ",true,false" for p in tiny_cast()]
    parties.write_text("\n".join([PARTIES_HEADER, *rows]) + "\n", encoding="utf-8")
    pairs = tmp_path / "pairs.csv"
    with pairs.open("w", encoding="utf-8", newline="") as stream:
        write_pairs(tiny_pairing(), stream)
    return parties, pairs


def test_cli_draw_then_draw_check_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs, groups = tmp_path / "pairs.csv", tmp_path / "groups.csv"
    assert main(["draw", "--parties", str(REAL_PARTIES), "--seed", "s", "--out", str(pairs),
                 "--groups-out", str(groups)]) == 0
    assert capsys.readouterr().out.startswith("190 States under review in groups of ")
    assert pairs.read_text().startswith("group,reviewed_iso3,instrument,reviewer_iso3,basis\n1,")
    assert len(groups.read_text().splitlines()) == 191
    assert main(["draw-check", "--parties", str(REAL_PARTIES), str(pairs)]) == 0
    assert capsys.readouterr().out.startswith("no violation: ")


def test_cli_draw_writes_the_same_file_for_the_same_seed(tmp_path: Path) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    for out in (first, second):
        assert main(["draw", "--parties", str(REAL_PARTIES), "--seed", "s", "--out", str(out)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_cli_draw_check_lists_each_broken_rule(tiny_files: tuple[Path, Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    parties, pairs = tiny_files
    assert main(["draw-check", "--parties", str(parties), str(pairs)]) == 0
    pairs.write_text(pairs.read_text().replace("1,FRA,UNTOC,SEN,other_region",
                                               "1,FRA,UNTOC,KEN,other_region"))
    capsys.readouterr()
    assert main(["draw-check", "--parties", str(parties), str(pairs)]) == 1
    out = capsys.readouterr().out
    assert "P&R 28(a): FRA and KEN review each other  [FRA KEN]" in out
    assert out.splitlines()[-1].endswith("violation(s)")


def test_cli_rejects_a_malformed_parties_file_with_its_line(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    parties = tmp_path / "parties.csv"
    parties.write_text(f"{PARTIES_HEADER}\nKEN,Kenya,African States,true,true,true,true,true,false\n"
                       "NGA,Nigeria,African States,true,maybe,true,true,true,false\n")
    assert main(["draw", "--parties", str(parties), "--seed", "s", "--out", str(tmp_path / "p")]) == 2
    captured = capsys.readouterr()
    assert "line 3, column 'tip': expected true or false, got 'maybe'" in captured.err
    assert "Traceback" not in captured.err and captured.out == ""


def test_cli_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draw-check", "--parties", str(tmp_path / "none.csv"), "x.csv"]) == 2
    assert "No such file" in capsys.readouterr().err


def test_cli_rejects_a_pairs_file_that_is_not_text(tiny_files: tuple[Path, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    parties, pairs = tiny_files
    pairs.write_bytes(b"group,reviewed_iso3\xff\xfe,instrument\n")
    assert main(["draw-check", "--parties", str(parties), str(pairs)]) == 2
    assert "can't decode" in capsys.readouterr().err


def test_cli_draw_reports_an_infeasible_draw(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parties = tmp_path / "parties.csv"
    parties.write_text(f"{PARTIES_HEADER}\n" + "".join(
        f"{code},{code},African States,true,true,true,true,true,false\n" for code in ("AAA", "BBB")))
    assert main(["draw", "--parties", str(parties), "--seed", "s", "--out", str(tmp_path / "p")]) == 1
    assert "P&R 28" in capsys.readouterr().err
    assert not (tmp_path / "p").exists()


def test_cli_draw_eligible_answers_with_its_exit_code(tiny_files: tuple[Path, Path],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    parties, pairs = tiny_files
    assert main(["draw-eligible", "--parties", str(parties), "--pairs", str(pairs), "gbr", "KEN",
                 "--instrument", "TIP"]) == 0
    assert capsys.readouterr().out == "GBR may review KEN on TIP\n"
    assert main(["draw-eligible", "--parties", str(parties), "--pairs", str(pairs), "SEN", "KEN"]) == 1
    assert capsys.readouterr().out == ("SEN may not review KEN\n  P&R 28(a): SEN is reviewed by "
                                       "KEN; States do not review each other\n")


@pytest.mark.parametrize("command", ["draw", "draw-check", "draw-eligible"])
def test_cli_help_describes_each_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: revmod {command} ")
    assert out == help_text(command)


def test_cli_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draw", "--parties", "x.csv"]) == 2
    assert "the following arguments are required: --seed, --out" in capsys.readouterr().err


def test_cli_draw_is_byte_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Python randomises string hashing per process; the draw must not depend on it."""
    src = Path(__file__).resolve().parents[3] / "src"
    outputs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"pairs-{hash_seed}.csv"
        code = ("import sys; sys.path.insert(0, sys.argv[1]); "
                "from revmod.lots.engine.cli import main; sys.exit(main(sys.argv[2:]))")
        subprocess.run([sys.executable, "-c", code, str(src), "draw", "--parties",
                        str(REAL_PARTIES), "--seed", "hash", "--out", str(out)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": hash_seed})
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
