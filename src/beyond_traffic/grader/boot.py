"""Inside the sandbox's view: put the submission in the work folder, then become the ipykernel."""

# Runs after the view is in place and privileges are gone, before any student code: it copies
# the staged files (the student's own files with the release files over them, and the trusted
# caches for the home folder) into the size-limited tmpfs, writes the connection file the
# executor sent, and starts ipykernel in this very process (forked from a process that already
# imported it, when the grader is root; a fresh interpreter under bubblewrap).

from __future__ import annotations

import json
import os
import shutil
import sys

from .proc import forbid_new_processes
from .view import HOME, STAGE, WORK

__all__ = ["KERNEL_PRELOAD", "VIEW_PATHS", "warm_caches", "start_kernel", "main"]

#: Modules every kernel imports at start (or every course notebook soon after): a warm process
#: imports them once and each kernel forked from it starts with them.
KERNEL_PRELOAD = [
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "jupyter_client.provisioning",
    "IPython.core.interactiveshell",
    "matplotlib_inline.backend_inline",
    "beyond_traffic.grading",
]


#: Where the kernel's files are inside the sandbox's view.
VIEW_PATHS = {"home": HOME, "work": WORK, "stage": STAGE}


def stage_parts() -> tuple[str, ...]:
    """The staged folders copied into the kernel's tmpfs: its home, then its work folder.

    Example:
        >>> stage_parts()
        ('home', 'work')
    """
    return ("home", "work")


def warm_caches() -> None:
    """Fill trusted caches in the warm process, the same for every student it forks.

    When the course package's segmentation was preloaded (a test cell imports it), build the
    shared tokenizers now, so no kernel loads the jieba dictionary again; when its corpus was,
    load and clean the five articles (immutable, cached by ``load_corpus``), so no kernel cleans
    them again.
    """
    segment = sys.modules.get("beyond_traffic.segment")
    if segment is not None:
        segment.get_tokenizer()
        segment.get_tokenizer(userdict=False)
    corpus = sys.modules.get("beyond_traffic.corpus")
    if corpus is not None:
        corpus.load_corpus()


def _copy_stage(paths: dict[str, str]) -> None:
    for part in stage_parts():
        src = os.path.join(paths["stage"], part)
        if os.path.isdir(src):
            shutil.copytree(src, paths[part], symlinks=True, dirs_exist_ok=True)
    os.makedirs(paths["work"], exist_ok=True)


def start_kernel(
    request: dict, env: dict[str, str], *, paths: dict[str, str] | None = None
) -> None:
    """Stage the files, write the connection file and run ipykernel until it exits.

    Args:
        request: ``{"connection": {...}, "argv": [...]}`` from the executor.
        env: the kernel's whole environment.
        paths: ``home``, ``work`` and ``stage`` folders (default: the sandbox view's).
    """
    paths = paths or VIEW_PATHS
    _copy_stage(paths)
    runtime = os.path.join(paths["home"], ".runtime")
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    connection = os.path.join(runtime, "kernel.json")
    fd = os.open(connection, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(request["connection"], fh)
    os.chdir(paths["work"])
    os.environ.clear()
    os.environ.update(env)
    # From here on only student code writes: nothing of it may reach the grader's streams.
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    argv = ["-f", connection, *request.get("argv", [])]
    sys.argv = ["ipykernel_launcher", *argv]
    from ipykernel import kernelapp

    # Where no cgroup limits the sandbox's memory, its bound is this one address space: from
    # here on threads may start, processes may not (a kernel that cannot be bounded never runs).
    if request.get("single_process") and not forbid_new_processes():
        raise SystemExit(1)

    kernelapp.launch_new_instance(argv=argv)


def main() -> int:
    """Entry point under bubblewrap: read the request and environment handed in as files."""
    with open("/run/bt/request.json", encoding="utf-8") as fh:
        spec = json.load(fh)
    try:
        start_kernel(spec["request"], spec["env"])
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
