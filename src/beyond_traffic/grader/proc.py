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
    "forbid_new_processes",
    "can_forbid_processes",
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


# seccomp(2) filter that forbids new processes and allows threads (see forbid_new_processes).
_SECCOMP_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
#: clone, clone3, and (x86_64 only) fork and vfork.
_PROCESS_CALLS = {
    "x86_64": {"clone": 56, "clone3": 435, "fork": 57, "vfork": 58},
    "aarch64": {"clone": 220, "clone3": 435},
}
_CLONE_THREAD = 0x00010000
_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 22, 2
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_EPERM, _ENOSYS = 1, 38


class _SockFilter(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint32),
    ]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _process_filter(machine: str) -> list[tuple[int, int, int, int]]:
    """The BPF program: ``(code, jump if true, jump if false, k)`` per instruction."""
    ld, jeq, jge, jset, ret = 0x20, 0x15, 0x35, 0x45, 0x06
    calls = _PROCESS_CALLS[machine]
    prog = [(ld, 0, 0, 4)]  # seccomp_data.arch
    # Any other ABI (i386 through int 0x80, x32) is refused whole: its numbers differ.
    prog.append((jeq, 1, 0, _SECCOMP_ARCH[machine]))
    prog.append((ret, 0, 0, _RET_ERRNO | _EPERM))
    prog.append((ld, 0, 0, 0))  # seccomp_data.nr
    prog.append((jge, 0, 1, 0x40000000))  # x32 system calls on x86_64
    prog.append((ret, 0, 0, _RET_ERRNO | _EPERM))
    # clone3 passes its flags in memory a filter cannot read: "not implemented" makes the C
    # library fall back to clone, whose flags it can.
    prog.append((jeq, 0, 1, calls["clone3"]))
    prog.append((ret, 0, 0, _RET_ERRNO | _ENOSYS))
    for name in ("fork", "vfork"):
        if name in calls:
            prog.append((jeq, 0, 1, calls[name]))
            prog.append((ret, 0, 0, _RET_ERRNO | _EPERM))
    prog.append((jeq, 1, 0, calls["clone"]))
    prog.append((ret, 0, 0, _RET_ALLOW))
    prog.append((ld, 0, 0, 16))  # low half of seccomp_data.args[0]: clone's flags
    prog.append((jset, 0, 1, _CLONE_THREAD))
    prog.append((ret, 0, 0, _RET_ALLOW))  # a thread shares the address space
    prog.append((ret, 0, 0, _RET_ERRNO | _EPERM))
    return prog


def can_forbid_processes() -> bool:
    """Whether :func:`forbid_new_processes` knows this machine's system calls.

    Example:
        >>> can_forbid_processes() in (True, False)
        True
    """
    import platform

    return platform.machine() in _SECCOMP_ARCH


def forbid_new_processes() -> bool:
    """From now on this process may start threads but no process (fork, clone, spawn: EPERM).

    Where no cgroup bounds a sandbox, this makes its memory bound exact: one address space,
    limited by ``RLIMIT_AS``, however many children student code asks for. The filter is
    inherited and cannot be lifted; ``exec`` still works (it starts no process).

    Returns:
        True when the filter is in place; False on a machine it does not know (then nothing
        changed and the caller must not rely on it).

    Example:
        >>> import subprocess, sys
        >>> code = ("import os; from beyond_traffic.grader.proc import *; "
        ...         "forbid_new_processes(); print('线程可以，进程不行'); os.fork()")
        >>> run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        >>> run.stdout, "PermissionError" in run.stderr
        ('线程可以，进程不行\\n', True)
    """
    import platform

    machine = platform.machine()
    if machine not in _SECCOMP_ARCH:
        return False
    prog = _process_filter(machine)
    array = (_SockFilter * len(prog))(*[_SockFilter(*ins) for ins in prog])
    fprog = _SockFprog(len(prog), array)
    no_new_privs()
    rc = _LIBC.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0)
    return rc == 0
