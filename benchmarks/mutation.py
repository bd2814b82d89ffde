"""Mutation testing: plant small bugs (mutants) in a module and count how many the tests catch.

    python benchmarks/mutation.py [TARGET ...] [--survivors] [--rerun-survivors] [--jobs 2]

A TARGET is a group name (world, persist, session, parser, council, edicts, economy, theft;
default: all of them) or a module path (src/kage/world/clock.py, src/kage/world/ or
kage.world.clock). Each group maps its modules to the test files that exercise them, so a
run collects and runs only those tests; a path uses the tests of the group that holds it
(or all of tests/), and --tests overrides either (a named folder still leaves out
the tests that cannot run in a scratch copy, LEFT_OUT).

mutmut 3 does the mutating. It reads its settings from pyproject.toml in the folder it runs
in, so each target gets a scratch copy of src/ and tests/ under benchmarks/out/mutation/
with a generated pyproject: the project's own pyproject is never edited. The copy is kept
between runs and mutmut caches verdicts per function, so a second run only tests what
changed; verdicts of unchanged functions stand even when the tests changed, which is what
--rerun-survivors (re-check only the survivors; all mutants when the tests named
changed, since mutmut then forgets every verdict) and --fresh (start over) are for;
--report prints the last verdicts without running anything.

Prints one table per target (per module: mutants, killed, survived, timeout, no tests,
score) and an overall one; writes benchmarks/out/mutation/results.json, and for group
targets a committed summary, benchmarks/mutation/GROUP.md. --survivors lists each
surviving mutant with its line and diff.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import table  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "mutation"
SUMMARIES = ROOT / "benchmarks" / "mutation"


def out_folder() -> Path:
    """Where scratch copies and results go; KAGE_MUTATION_OUT moves them (the smoke test)."""
    return Path(os.environ.get("KAGE_MUTATION_OUT") or OUT)


@dataclass(frozen=True)
class Group:
    modules: tuple[str, ...]  # source paths, relative to the root; a folder means all in it
    tests: tuple[str, ...]  # test files or folders that exercise them
    ignore: tuple[str, ...] = ()  # test files in those folders to leave out
    survivors: str = "mutation_survivors.md"  # where its survivors are explained


# Kills real `python` processes at random moments: whether a kill lands mid-write depends
# on timing, so on busy cores it fails now and then (a false kill), and the processes it
# kills run the installed kage, never the mutant.
KILLS = "tests/persist/test_kill_saves.py"
# Runs benchmarks/fuzz_parser.py, which the scratch copy does not hold; the fuzzer's
# findings are kept as regression tests in tests/parser/test_regressions.py instead.
FUZZ_SMOKE = "tests/parser/test_fuzz_smoke.py"
# Left out of every run that would collect them, named tests included (--tests
# tests/parser once made every run of nouns.py end in errors: the fuzz smoke test failed
# the clean run); naming the file itself still runs it.
LEFT_OUT = (KILLS, FUZZ_SMOKE)
PARSER_SYSTEMS = "mutation_survivors_parser_systems.md"


GROUPS: dict[str, Group] = {
    "world": Group(
        ("src/kage/world/",),
        (
            "tests/world",
            "tests/parser/test_numbers.py",  # world/numbers.py reads what players type
            "tests/actions",
            "tests/test_session.py",
            "tests/test_restore.py",
            "tests/test_determinism.py",
        ),
    ),
    "persist": Group(
        ("src/kage/persist/",),
        ("tests/persist", "tests/test_save_names.py", "tests/test_restore.py"),
        (KILLS,),
    ),
    "session": Group(
        ("src/kage/session.py", "src/kage/restoring.py"),
        (
            "tests/test_session.py",
            "tests/test_session_commands.py",
            "tests/test_restore.py",
            "tests/test_save_names.py",
            "tests/test_determinism.py",
        ),
    ),
    "parser": Group(
        ("src/kage/parser/",),
        ("tests/parser", "tests/actions"),
        (FUZZ_SMOKE,),
        PARSER_SYSTEMS,
    ),
    "council": Group(
        ("src/kage/ext/council/council.py",),
        ("tests/systems/test_council.py",),
        survivors=PARSER_SYSTEMS,
    ),
    "edicts": Group(
        ("src/kage/ext/council/edicts.py",),
        ("tests/systems/test_edicts.py",),
        survivors=PARSER_SYSTEMS,
    ),
    "economy": Group(
        ("src/kage/ext/trade/economy.py",),
        ("tests/systems/test_economy.py",),
        survivors=PARSER_SYSTEMS,
    ),
    "theft": Group(
        ("src/kage/ext/stealth/theft.py",),
        ("tests/systems/test_theft.py",),
        survivors=PARSER_SYSTEMS,
    ),
}

# Seconds added to a mutant's estimated test time before mutmut multiplies it (by 15) into
# the wall-clock limit that counts the mutant as timed out. mutmut times only the tests'
# calls, not their fixtures (each test module loads a world, each test opens a session),
# so with its default of 1 s a survivor that runs all of tests/parser (35 s on 2 busy
# cores) was stopped at 34.5 s and counted as killed. 10 s puts the limit at 150 s or more.
TIMEOUT_CONSTANT = 10.0

# mutmut's exit codes -> the columns of the table
STATUS = {
    1: "killed",
    3: "killed",  # an internal error in pytest is a kill
    0: "survived",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    36: "timeout",
    24: "timeout",  # SIGXCPU: the mutant ran past its CPU budget
    -24: "timeout",
    152: "timeout",
    255: "timeout",
    37: "killed",  # caught by the type checker (not configured here)
    None: "not checked",
}
COLUMNS = ["killed", "survived", "timeout", "no tests", "other"]

# Runs inside the scratch folder, with mutmut's own code: diffs of the given mutants.
DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
out = {}
for name in sys.argv[1:]:
    try:
        out[name] = get_diff_for_mutant(name, path=find_mutant(name).path)
    except Exception as error:  # a mutant mutmut cannot show is reported, not fatal
        out[name] = f"(no diff: {error})"
print(json.dumps(out))
"""
MUTMUT = "import sys; from mutmut.__main__ import cli; cli(sys.argv[1:], prog_name='mutmut')"

# A conftest.py for the root of mutmut's copy. It runs the fastest tests first (by the
# times mutmut measured), so a mutant that a quick test kills is not kept waiting behind
# slow ones (pytest stops at the first failure); survivors run everything either way. And
# it makes Hypothesis repeatable and deadline-free, so a verdict never hangs on the luck
# of the draw or on how busy the cores are.
FAST_FIRST = """
import json
from pathlib import Path

from hypothesis import settings

settings.register_profile("kage-mutation", deadline=None, derandomize=True)
settings.load_profile("kage-mutation")


def pytest_collection_modifyitems(items):
    try:
        durations = json.loads(Path("mutmut-stats.json").read_text())["duration_by_test"]
    except (OSError, ValueError, KeyError):
        return
    items.sort(key=lambda item: durations.get(item.nodeid, 0.0))
"""


@dataclass
class Target:
    name: str  # a group name, or the slug of a path
    modules: list[str]
    tests: list[str]
    recorded: bool  # a group: its summary is committed
    ignore: list[str] = field(default_factory=list)

    @property
    def scratch(self) -> Path:
        return out_folder() / self.name


@dataclass
class Result:
    target: str
    seconds: float
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # module -> column -> n
    survivors: dict[str, list[str]] = field(default_factory=dict)  # module -> mutant names
    verdicts: dict[str, str] = field(default_factory=dict)  # mutant name -> its column


def left_out(tests: list[str]) -> list[str]:
    """The LEFT_OUT tests that named folders would collect (and that are not named)."""
    named = [posixpath.normpath(t.split("::")[0]) for t in tests]
    return [
        t
        for t in LEFT_OUT
        if t not in named and any(t.startswith(n + "/") or n in (".", "") for n in named)
    ]


def resolve(spec: str, tests: list[str] | None) -> Target:
    """A group name or a module path -> what to mutate and which tests to run."""
    if spec in GROUPS:
        group = GROUPS[spec]
        chosen = tests or list(group.tests)
        ignore = left_out(tests) if tests else list(group.ignore)
        return Target(spec, list(group.modules), chosen, tests is None, ignore)
    path = spec
    if not spec.endswith((".py", "/")) and "/" not in spec:  # a dotted module name
        dotted = ROOT / "src" / Path(*spec.split("."))
        path = str(dotted.with_suffix(".py") if dotted.with_suffix(".py").exists() else dotted)
    full = (ROOT / path).resolve() if not Path(path).is_absolute() else Path(path)
    if not full.exists() or not full.is_relative_to(ROOT / "src"):
        raise SystemExit(f"{spec}: not a group ({', '.join(GROUPS)}) or a module under src/")
    relative = full.relative_to(ROOT).as_posix() + ("/" if full.is_dir() else "")
    if tests is None:
        owners = [g for g in GROUPS.values() if any(relative.startswith(m) for m in g.modules)]
        ignore = list(owners[0].ignore) if owners else left_out(["tests"])
        tests = list(owners[0].tests) if owners else ["tests"]
    else:
        ignore = left_out(tests)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", relative.removeprefix("src/kage/")).strip("-")
    return Target(f"path-{slug}", [relative], tests, False, ignore)


def sync(source: Path, target: Path) -> None:
    """Mirror a folder, keeping modification times: mutmut regenerates the mutants of a
    file only when its copy is newer than the mutants it made from it."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for path in source.rglob("*"):
        if "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        relative = path.relative_to(source)
        wanted.add(relative)
        copy = target / relative
        if path.is_dir():
            copy.mkdir(exist_ok=True)
        elif not copy.exists() or copy.stat().st_mtime_ns != path.stat().st_mtime_ns:
            shutil.copy2(path, copy)
    for path in sorted(target.rglob("*"), reverse=True):
        if "__pycache__" not in path.parts and path.relative_to(target) not in wanted:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def pyproject(target: Target) -> str:
    """The scratch folder's pyproject: mutmut's settings plus the project's pytest ones."""
    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    mutmut = {
        "source_paths": ["src/"],
        "only_mutate": [m + "*" if m.endswith("/") else m for m in target.modules],
        "pytest_add_cli_args_test_selection": target.tests,
        "pytest_add_cli_args": [
            "-p",
            "no:cacheprovider",
            *[f"--ignore={t}" for t in target.ignore],
        ],
        "also_copy": ["conftest.py"],  # FAST_FIRST
        "use_git_change_detection": False,
        "timeout_constant": TIMEOUT_CONSTANT,
        "use_setproctitle": False,
    }
    lines = ["[tool.mutmut]"] + [f"{k} = {toml_value(v)}" for k, v in mutmut.items()]
    lines += ["", "[tool.pytest.ini_options]"]
    lines += [f"{k} = {toml_value(v)}" for k, v in pytest_options["ini_options"].items()]
    return "\n".join(lines) + "\n"


def prepare(target: Target, fresh: bool) -> bool:
    """Set up the scratch copy; True when its mutmut settings changed since the last run
    (then mutmut forgets its verdicts)."""
    if fresh and target.scratch.exists():
        shutil.rmtree(target.scratch)
    target.scratch.mkdir(parents=True, exist_ok=True)
    sync(ROOT / "src", target.scratch / "src")
    sync(ROOT / "tests", target.scratch / "tests")
    # tests that were deleted must not linger in mutmut's own copy
    shutil.rmtree(target.scratch / "mutants" / "tests", ignore_errors=True)
    (target.scratch / "conftest.py").write_text(FAST_FIRST)
    config = target.scratch / "pyproject.toml"
    text = pyproject(target)
    changed = config.exists() and config.read_text() != text
    if not config.exists() or changed:
        config.write_text(text)
    return changed


def environment(target: Target) -> dict[str, str]:
    env = dict(os.environ)
    env["KAGE_CACHE"] = str(target.scratch / "world-cache")  # never the user's cache
    env.pop("MUTANT_UNDER_TEST", None)
    return env


def mutmut(target: Target, args: list[str], quiet: bool) -> int:
    """Run `mutmut ARGS` in the target's scratch folder; its output is logged to a file."""
    log = target.scratch / "mutmut.log"
    command = [sys.executable, "-c", MUTMUT, *args]
    with log.open("a") as handle:
        handle.write(f"\n$ mutmut {' '.join(args)}\n")
        handle.flush()
        done = subprocess.run(
            command,
            cwd=target.scratch,
            env=environment(target),
            stdout=handle if quiet else None,
            stderr=subprocess.STDOUT if quiet else None,
            check=False,
        )
    return done.returncode


def verdicts(target: Target) -> dict[str, dict[str, int | None]]:
    """module file -> mutant name -> exit code, from mutmut's .meta files."""
    found: dict[str, dict[str, int | None]] = {}
    for meta in sorted((target.scratch / "mutants" / "src").rglob("*.py.meta")):
        module = meta.relative_to(target.scratch / "mutants").as_posix().removesuffix(".meta")
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        if codes:
            found[module] = codes
    return found


def tally(target: Target, seconds: float) -> Result:
    result = Result(target.name, seconds)
    for module, codes in verdicts(target).items():
        counts = dict.fromkeys(COLUMNS, 0)
        for name, code in codes.items():
            status = STATUS.get(code, "other")
            counts[status if status in counts else "other"] += 1
            result.verdicts[name] = status if status in counts else "other"
            if status in ("survived", "no tests"):
                result.survivors.setdefault(module, []).append(name)
        counts["mutants"] = len(codes)
        result.counts[module] = counts
    return result


def score(counts: dict[str, int]) -> float:
    """The killed share: a timeout is a kill (the mutant hung the tests)."""
    total = counts["mutants"]
    return 100.0 * (counts["killed"] + counts["timeout"]) / total if total else 0.0


def rows(counts: dict[str, dict[str, int]]) -> list[list[str]]:
    out = []
    totals = dict.fromkeys(["mutants", *COLUMNS], 0)
    for module, c in sorted(counts.items()):
        out.append([module.removeprefix("src/"), *(str(c[k]) for k in ["mutants", *COLUMNS])])
        out[-1].append(f"{score(c):.1f}")
        for k in totals:
            totals[k] += c[k]
    out.append(["all", *(str(totals[k]) for k in ["mutants", *COLUMNS]), f"{score(totals):.1f}"])
    return out


HEADERS = ["module", "mutants", *COLUMNS, "score %"]


def run_target(target: Target, args: argparse.Namespace) -> Result:
    if args.report:
        if not target.scratch.exists():
            raise SystemExit(f"{target.name}: no earlier run to report on")
        return tally(target, 0.0)
    changed = prepare(target, args.fresh)
    began = time.perf_counter()
    names: list[str] = []
    if args.rerun_survivors and changed:
        # re-checking only the survivors would leave every other mutant unchecked
        print(f"{target.name}: the tests or settings changed, so every mutant is re-checked")
    elif args.rerun_survivors:
        before = tally(target, 0.0)
        names = [n for group in before.survivors.values() for n in group]
        if not names:
            print(f"{target.name}: no survivors to re-check")
    if not args.rerun_survivors or changed or names:
        code = mutmut(target, ["run", "--max-children", str(args.jobs), *names], args.quiet)
        if code != 0:
            log = target.scratch / "mutmut.log"
            raise SystemExit(f"{target.name}: mutmut failed (exit {code}); see {log}")
    return tally(target, time.perf_counter() - began)


def diffs(target: Target, names: list[str]) -> dict[str, str]:
    if not names:
        return {}
    done = subprocess.run(
        [sys.executable, "-c", DIFFS, *names],
        cwd=target.scratch,
        env=environment(target),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def line_of(target: Target, module: str, name: str, diff: str) -> int | None:
    """The line of the original module that the mutant changes (its first removed line):
    the function's first line in the module plus the line's offset in mutmut's diff."""
    mangled = re.sub(r"__mutmut_\d+$", "", name.rpartition(".")[2])
    if mangled.startswith("xǁ"):  # a method: xǁClassǁname
        _, owner, function = mangled.split("ǁ", 2)
    else:  # a function: x_name
        owner, function = "", mangled.removeprefix("x_")
    tree = ast.parse((target.scratch / module).read_text())
    starts = [
        min([node.lineno, *(d.lineno for d in node.decorator_list)])
        for parent in ast.walk(tree)
        if not owner or (isinstance(parent, ast.ClassDef) and parent.name == owner)
        for node in ast.iter_child_nodes(parent)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == function
    ]
    old = 0
    for line in diff.splitlines():
        hunk = re.match(r"@@ -(\d+)", line)
        if hunk:
            old = int(hunk.group(1))
        elif old and line.startswith("-"):
            return starts[0] + old - 1 if starts else None
        elif old and line.startswith(" "):
            old += 1
    return None


def show_survivors(target: Target, result: Result) -> None:
    names = [n for group in result.survivors.values() for n in group]
    shown = diffs(target, names)
    for module, group in sorted(result.survivors.items()):
        for name in group:
            diff = shown.get(name, "")
            line = line_of(target, module, name, diff)
            print(f"\n## {module}:{line or '?'}  {name}")
            print(diff.rstrip())


def record(target: Target, result: Result) -> None:
    """benchmarks/mutation/GROUP.md: the committed summary of a group's last run."""
    SUMMARIES.mkdir(exist_ok=True)

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout

    commit = git("rev-parse", "--short", "HEAD").strip()
    if git("status", "--porcelain", "--", "src", "tests").strip():
        commit += " with uncommitted changes"
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    title = f"Mutation score: {target.name} (commit {commit or '?'}, {when})"
    text = table(title, HEADERS, rows(result.counts))
    tests = ", ".join(target.tests)
    left_out = f" (leaving out {', '.join(target.ignore)})" if target.ignore else ""
    survivors = GROUPS[target.name].survivors
    text += f"\n\nTests run: {tests}{left_out}. Mutants left alive: {survivors}."
    text += f" Re-run: `python benchmarks/mutation.py {target.name}`.\n"
    (SUMMARIES / f"{target.name}.md").write_text(text)


def save_json(results: list[Result]) -> None:
    out_folder().mkdir(parents=True, exist_ok=True)
    path = out_folder() / "results.json"
    known = json.loads(path.read_text()) if path.exists() else {}
    for result in results:
        known[result.target] = asdict(result)
    path.write_text(json.dumps(known, indent=1, sort_keys=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="*", help="group names or module paths")
    parser.add_argument("--tests", nargs="+", help="test files to run instead of the group's")
    parser.add_argument("--survivors", action="store_true", help="list survivors with diffs")
    parser.add_argument("--rerun-survivors", action="store_true", help="re-check survivors only")
    parser.add_argument("--fresh", action="store_true", help="forget cached verdicts first")
    parser.add_argument("--report", action="store_true", help="only report the last verdicts")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once")
    parser.add_argument("--out", type=Path, help="folder for scratch copies and results")
    parser.add_argument("--no-record", action="store_true", help="do not write the summary")
    parser.add_argument("-v", dest="quiet", action="store_false", help="show mutmut's output")
    args = parser.parse_args(argv)
    if args.out:
        os.environ["KAGE_MUTATION_OUT"] = str(args.out.resolve())

    targets = [resolve(spec, args.tests) for spec in args.targets or list(GROUPS)]
    results = []
    for target in targets:
        print(f"{target.name}: mutating {', '.join(target.modules)} ...", flush=True)
        result = run_target(target, args)
        results.append(result)
        title = f"{target.name} ({result.seconds:.0f} s)"
        print(table(title, HEADERS, rows(result.counts)) + "\n", flush=True)
        if args.survivors:
            show_survivors(target, result)
        if target.recorded and not (args.no_record or args.report):
            record(target, result)
    if len(results) > 1:
        overall = {f"{r.target}: {m}": c for r in results for m, c in r.counts.items()}
        print(table("overall", HEADERS, rows(overall)))
    save_json(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
