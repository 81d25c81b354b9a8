"""Process helpers every sandbox layer uses: parent-death signal, limits, privileges, waiting."""

from __future__ import annotations

import ctypes
import os
import resource
import signal

__all__ = [
    "DEFAULT_LIMITS",
    "die_with_parent",
    "leave_session_keyring",
    "set_limits",
    "drop_privileges",
    "no_new_privs",
    "wait_exitcode",
    "libc_call",
]

#: Resource limits for every process of a sandbox (the kernel, its children, the executor).
DEFAULT_LIMITS = {
    "cpu_seconds": 600,
    "memory_bytes": 3 * 1024**3,
    "file_bytes": 64 * 1024**2,
    "nproc": 128,
    "nofile": 512,
}
_PR_SET_PDEATHSIG = 1
_PR_SET_NO_NEW_PRIVS = 38
_LIBC = ctypes.CDLL(None, use_errno=True)


def libc_call(name: str, *args: object) -> int:
    """Call a libc function; raise ``OSError`` with its errno when it returns non-zero.

    Example:
        >>> libc_call("getpid") > 0
        True
    """
    rc = getattr(_LIBC, name)(*args)
    if name != "getpid" and rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{name}: {os.strerror(err)}")
    return rc


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent dies.

    Example:
        >>> die_with_parent() is None
        True
    """
    try:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


#: keyctl(2) system call numbers (libc has no wrapper; libkeyutils may be absent).
_KEYCTL = {"x86_64": 250, "aarch64": 219}
_KEYCTL_JOIN_SESSION_KEYRING = 1


def leave_session_keyring() -> bool:
    """Join a new, empty session keyring, so the keys of the grader's login are out of reach.

    Fresh uids and namespaces do not change the session keyring a process inherits, and keys
    in it (Kerberos, AFS, ecryptfs, pam_keyinit) are readable by whoever possesses the keyring.

    Returns:
        True when a new keyring was joined; False where keyrings are unavailable or forbidden
        (then the sandbox cannot read any either).

    Example:
        >>> import subprocess, sys
        >>> code = "from beyond_traffic.grader.proc import *; print(leave_session_keyring())"
        >>> subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
        'True\\n'
    """
    import platform

    number = _KEYCTL.get(platform.machine())
    if number is None:
        return False
    return _LIBC.syscall(number, _KEYCTL_JOIN_SESSION_KEYRING, None) >= 0


def set_limits(limits: dict[str, int], *, nproc: bool = True) -> None:
    """Apply CPU, address-space, file-size, open-file and (optionally) process limits; no cores.

    ``nproc`` is off where the process shares its uid with the grader (it would count the
    grader's own processes too).

    Limits are for good: call it only in a process made for the sandbox (here, a child).

    Example:
        >>> import subprocess, sys
        >>> code = ("import resource; from beyond_traffic.grader.proc import *; "
        ...         "set_limits(DEFAULT_LIMITS, nproc=False); "
        ...         "print(resource.getrlimit(resource.RLIMIT_FSIZE)[0] // 2**20, 'MB')")
        >>> run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        >>> run.stdout.split()
        ['64', 'MB']
    """
    pairs = [
        (resource.RLIMIT_CPU, limits["cpu_seconds"]),
        (resource.RLIMIT_AS, limits["memory_bytes"]),
        (resource.RLIMIT_FSIZE, limits["file_bytes"]),
        (resource.RLIMIT_NOFILE, limits["nofile"]),
        (resource.RLIMIT_CORE, 0),
    ]
    if nproc:
        pairs.append((resource.RLIMIT_NPROC, limits["nproc"]))
    for which, value in pairs:
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, value))


def no_new_privs() -> None:
    """Forbid regaining privileges through setuid binaries or file capabilities."""
    _LIBC.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)


def drop_privileges(uid: int) -> None:
    """Become ``uid`` (same gid) with no supplementary groups and no way back."""
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    no_new_privs()


def wait_exitcode(pid: int) -> int:
    """Wait for ``pid``; its exit code, 128 + signal when killed, 70 when it is not a child.

    Example:
        >>> wait_exitcode(os.getpid())
        70
    """
    while True:
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            return 70
        except InterruptedError:
            continue
        if os.WIFSIGNALED(status):
            return 128 + os.WTERMSIG(status)
        return os.waitstatus_to_exitcode(status)
