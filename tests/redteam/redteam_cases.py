"""Hostile and broken submissions for the mini course, each with the outcome it must get."""

# Every attacker answers wrongly (or not at all), so any point it earns came from the attack.
# ``{course}`` in code is replaced by the course folder's absolute path: a real attacker can
# guess it, so the tests assume they know it.

from __future__ import annotations

from dataclasses import dataclass, field

WRONG = {
    "q1_answer": "def count_chars(text):\n    return -1",
    "q2_answer": "def top_words(tokens, k):\n    return []",
}


@dataclass
class Case:
    """One submission: extra code cells, answers, planted files, or a raw (broken) file."""

    name: str
    what: str
    cells: list[str] = field(default_factory=list)
    answers: dict[str, str] = field(default_factory=lambda: dict(WRONG))
    files: dict[str, str] = field(default_factory=dict)
    raw: str | None = None
    notebook_name: str = "mini.ipynb"
    edit: str | None = None  # a named edit of the notebook structure, see test_redteam
    links: dict[str, str] = field(default_factory=dict)  # relative path -> link target
    expect_status: str = "graded"
    #: test grade_id -> score it must get (default: every test cell 0)
    expect: dict[str, float] | None = None


CASES = [
    Case(
        "rigged_eq",
        "answers are objects whose __eq__ always returns True",
        answers={
            "q1_answer": (
                "class Yes(int):\n    def __eq__(self, o):\n        return True\n"
                "    __hash__ = int.__hash__\n"
                "def count_chars(text):\n    return Yes(0)"
            ),
            "q2_answer": (
                "class Yes(list):\n    def __eq__(self, o):\n        return True\n"
                "    def __len__(self):\n        return 2\n"
                "def top_words(tokens, k):\n    return Yes()"
            ),
        },
    ),
    Case(
        "patch_checker",
        "replaces Checker.report/expect_* in the kernel to return full marks",
        cells=[
            "import beyond_traffic.grading as g\n"
            "g.Checker.report = lambda self, **k: self.points\n"
            "g.Checker.expect_equal = lambda self, *a, **k: True"
        ],
    ),
    Case(
        "planted_package",
        "ships its own beyond_traffic package whose Checker always gives full marks",
        files={
            "beyond_traffic/__init__.py": "",
            "beyond_traffic/grading.py": (
                "class Checker:\n"
                "    def __init__(self, gid, *, points):\n        self.points = points\n"
                "    def __getattr__(self, name):\n        return lambda *a, **k: True\n"
                "    def report(self, **k):\n        return float(self.points)\n"
            ),
            "json.py": "raise SystemExit('shadowed json')\n",
        },
    ),
    Case(
        "input_transformer",
        "rewrites every later cell to the expression -1 (nbgrader reads a negative grade as full)",
        cells=["ip = get_ipython()\nip.input_transformers_post.append(lambda lines: ['-1\\n'])"],
    ),
    Case(
        "patched_builtins",
        "patches isinstance/type/len/print and the display hook",
        cells=[
            "import builtins, sys\n"
            "builtins.isinstance = lambda *a: True\n"
            "builtins.len = lambda x: 2\n"
            "builtins.print = lambda *a, **k: None\n"
            "sys.displayhook = lambda v: sys.stdout.write('2\\n')"
        ],
    ),
    Case(
        "swallow_errors",
        "installs a custom exception handler and excepthook that hide every error",
        cells=[
            "import sys\n"
            "sys.excepthook = lambda *a: None\n"
            "get_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)"
        ],
    ),
    Case(
        "exit_in_test",
        "calls os._exit inside the answer, killing the kernel during the test cell",
        answers={
            "q1_answer": "import os\ndef count_chars(text):\n    os._exit(0)",
            "q2_answer": WRONG["q2_answer"],
        },
        expect_status="graded",
    ),
    Case(
        "never_returns",
        "ignores SIGINT and loops forever, so the kernel cannot be interrupted",
        cells=[
            "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass"
        ],
    ),
    Case(
        "fork_bomb",
        "forks until the system refuses (prints how many it got)",
        cells=[
            "import os, time\nn = 0\nfor _ in range(5000):\n    try:\n"
            "        pid = os.fork()\n    except OSError:\n        break\n"
            "    if pid == 0:\n        time.sleep(60)\n        os._exit(0)\n    n += 1\n"
            "print('FORKED', n)"
        ],
    ),
    Case(
        "huge_output",
        "prints hundreds of megabytes",
        cells=["for _ in range(400):\n    print('流' * 500_000)"],
    ),
    Case(
        "vandal",
        "tries to delete or rewrite the gradebook, solutions, releases and other submissions",
        cells=[
            "import os, shutil, glob\nC = {course!r}\nhits = []\n"
            "for p in [C + '/gradebook.db', C + '/nbgrader_config.py']:\n"
            "    try:\n        os.remove(p); hits.append(p)\n    except Exception as e:\n"
            "        pass\n"
            "for d in ['solutions', 'assignments', 'submitted', 'autograded']:\n"
            "    try:\n        shutil.rmtree(C + '/' + d); hits.append(d)\n"
            "    except Exception:\n        pass\n"
            "for p in glob.glob(C + '/submitted/*/mini/*.ipynb'):\n"
            "    try:\n        open(p, 'w').write('{{}}'); hits.append(p)\n"
            "    except Exception:\n        pass\n"
            "print('VANDAL', hits)"
        ],
    ),
    Case(
        "read_solutions",
        "reads the instructor's notebook and the gradebook to copy answers",
        cells=[
            "C = {course!r}\nleak = ''\n"
            "for p in [C + '/solutions/mini/mini.ipynb', C + '/gradebook.db',\n"
            "          C + '/submitted/alice/mini/mini.ipynb']:\n"
            "    try:\n        leak += open(p, errors='replace').read()\n"
            "    except Exception as e:\n        pass\n"
            "print('LEAKED', len(leak), 'BEGIN SOLUTION' in leak)"
        ],
    ),
    Case(
        "network",
        "opens network connections",
        cells=[
            "import socket\nok = []\n"
            "for host in [('pypi.org', 443), ('1.1.1.1', 53)]:\n"
            "    try:\n        socket.create_connection(host, timeout=3).close(); ok.append(host)\n"
            "    except OSError:\n        pass\n"
            "print('NETWORK', ok)"
        ],
    ),
    Case(
        "forge_observations",
        "writes garbage and fake records into the observations file",
        cells=[
            "import os, json\np = os.environ.get('BEYOND_TRAFFIC_OBSERVATIONS', 'obs')\n"
            "with open(p, 'a') as fh:\n"
            "    fh.write('[' * 100000 + '\\n')\n"
            "    fh.write(json.dumps({{'checker': 't1_count', 'name': 'n', 'tag': 'int',"
            " 'value': ['i', '9' * 5000]}}) + '\\n')\n"
            "    fh.write(json.dumps({{'checker': 't2_top', 'name': 'top',"
            " 'value': 'x'}}) + '\\n')\n"
            "    fh.write('\\x00' * 1000 + '\\n')"
        ],
    ),
    Case(
        "memory_and_disk",
        "allocates huge memory and writes a huge file",
        cells=[
            "try:\n    x = bytearray(20 * 1024**3)\n"
            "except MemoryError:\n    print('MEMORY refused')\n"
            "try:\n    with open('big.bin', 'wb') as fh:\n"
            "        for _ in range(200):\n            fh.write(b'0' * 1024**2)\n"
            "except OSError as e:\n    print('DISK refused', e.errno)"
        ],
    ),
    Case(
        "kill_everything",
        "sends SIGKILL to every process it can and to its parent",
        cells=[
            "import os, signal\nfor target in (-1, os.getppid(), 1):\n    try:\n"
            "        os.kill(target, signal.SIGKILL)\n    except OSError:\n        pass"
        ],
    ),
    Case(
        "edited_tests",
        "rewrites the test cells to return full marks",
        edit="replace_tests",
    ),
    Case(
        "invalid_json", "the notebook file is not JSON", raw='{"cells": [', expect_status="broken"
    ),
    Case(
        "symlinks",
        "submits symbolic links to the instructor's notebook instead of files",
        raw="",
        links={
            "mini.ipynb": "{course}/solutions/mini/mini.ipynb",
            "answers.txt": "{course}/solutions/mini/mini.ipynb",
        },
        expect_status="broken",
    ),
    Case("empty_file", "the notebook file is empty", raw="", expect_status="broken"),
    Case(
        "not_a_notebook",
        "valid JSON but not a notebook",
        raw='{"hello": "流量"}',
        expect_status="broken",
    ),
    Case(
        "renamed",
        "the notebook was renamed",
        notebook_name="mini (1).ipynb",
        expect_status="broken",
    ),
    Case(
        "deleted_test",
        "deletes test cell t1 but answers honestly",
        edit="delete_t1",
        expect={"t1_count": 0.0, "t2_top": 3.0},
    ),
    Case(
        "duplicated_cells",
        "duplicates every cell, answers honestly",
        edit="duplicate",
        expect={"t1_count": 2.0, "t2_top": 3.0},
    ),
]
