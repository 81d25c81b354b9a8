"""The observation wire format: one line per ``observe``, read back lazily and within limits."""

# A line is ``HEADER<TAB>VALUE<LF>``, or ``HEADER<LF>`` for an observation that failed. HEADER is a
# JSON object {"checker": grade_id, "name": label, "tag": type name[, "error": reason]}; VALUE is
# the tagged JSON of :func:`encode`. ``json.dumps`` escapes tabs and newlines inside strings, so the
# first tab ends the header and every record is one line.
#
# The file comes from the student's kernel, so reading it trusts nothing:
#
# * the index pass reads headers only; a value is decoded when a test cell asks for it, so junk
#   under keys no test cell uses costs nothing;
# * a file over MAX_FILE_BYTES or with more than MAX_RECORDS lines is refused whole: an honest run
#   writes one line per ``observe`` call of the instructor's test cells, a few hundred at most;
# * a key (checker, name) recorded more than once with different records is refused. The grader
#   runs each test cell once, so a second record comes either from a copy of a visible test cell
#   the student pasted into the notebook (the same observation, byte for byte: kept once) or from
#   student code writing records (refused when it disagrees with any other record of the key).
#   Refusing can never raise a score, and no rule such as "the last record wins" has to be trusted:
#   an accepted value is the one every record of its key holds;
# * a value longer than MAX_LINE_BYTES, with more nodes than the canonical limit, nested too deep,
#   or a dict/set whose keys share one hash (CPython's dict is quadratic on colliding keys) is
#   refused.

from __future__ import annotations

import hashlib
import json
import math
import os

from .calls import MAX_CALLS
from .canonical import MAX_DEPTH, MAX_INT_DIGITS, MAX_NODES, CanonicalError, Observation
from .literals import (
    BOOL,
    DICT,
    FLOAT,
    FROZENSET,
    INT,
    LIST,
    NONE,
    SET,
    STR,
    TUPLE,
    TYPE,
    type_name,
)
from .literals import length as _length

__all__ = [
    "OBSERVATIONS_ENV",
    "REPLAY_ENV",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
    "MAX_RECORDS",
    "MAX_SAME_HASH",
    "encode",
    "decode",
    "write_record",
    "ObservationFile",
    "load_observations",
    "replayed",
    "clear_replay_cache",
    "recorded_calls",
]

#: When set (in the student's kernel), ``observe`` appends every canonical value to this file.
OBSERVATIONS_ENV = "BEYOND_TRAFFIC_OBSERVATIONS"
#: When set (in the grader's trusted replay), ``observe`` reads values from this file instead.
REPLAY_ENV = "BEYOND_TRAFFIC_REPLAY"

#: The whole file, one record, and the number of records the reader accepts.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = 24 * 1024 * 1024
MAX_RECORDS = 5_000
#: Keys of one dict or set that may share a hash value before the value is refused.
MAX_SAME_HASH = 16
_MAX_HEADER = 4096


def encode(data: object) -> object:
    """Encode canonical data as JSON-safe tagged lists (tuples, sets and key types survive).

    Example:
        >>> encode(("词", 1))
        ['t', [['s', '词'], ['i', '1']]]
    """
    t = TYPE(data)
    if t is STR:
        return ["s", data]
    if t is BOOL:
        return ["b", data]
    if t is INT:
        return ["i", STR(data)]
    if t is FLOAT:
        return ["f", FLOAT.hex(data) if math.isfinite(data) else repr(data)]
    if t is NONE:
        return ["n"]
    if t is LIST:
        return ["l", [encode(i) for i in data]]
    if t is TUPLE:
        return ["t", [encode(i) for i in data]]
    if t is SET or t is FROZENSET:
        return ["S" if t is SET else "F", [encode(i) for i in data]]
    if t is DICT:
        return ["d", [[encode(k), encode(v)] for k, v in data.items()]]
    raise CanonicalError(f"not canonical: {type_name(t)}")


class _Budget:
    __slots__ = ("nodes",)

    def __init__(self) -> None:
        self.nodes = 0

    def spend(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES + 16:
            raise CanonicalError("value too large")


def _check_hashes(keys: list) -> None:
    # Equal hashes make every insertion probe all earlier keys: 100k colliding integers take
    # minutes. Distinct hashes are fine (CPython's probing mixes in the high bits).
    if _length(keys) <= MAX_SAME_HASH:
        return
    counts: dict[int, int] = {}
    for key in keys:
        h = hash(key)
        n = counts.get(h, 0) + 1
        if n > MAX_SAME_HASH:
            raise CanonicalError("too many keys with the same hash")
        counts[h] = n


def _decode(obj: object, budget: _Budget, depth: int) -> object:
    if depth > MAX_DEPTH + 2:
        raise CanonicalError("too deep")
    budget.spend()
    if TYPE(obj) is not LIST or not obj or TYPE(obj[0]) is not STR:
        raise CanonicalError("malformed")
    tag = obj[0]
    if tag == "n" and _length(obj) == 1:
        return None
    if _length(obj) != 2:
        raise CanonicalError("malformed")
    body = obj[1]
    bt = TYPE(body)
    if tag == "s" and bt is STR:
        return body
    if tag == "b" and bt is BOOL:
        return body
    if tag == "i" and bt is STR and _length(body) <= MAX_INT_DIGITS + 1:
        return INT(body)
    if tag == "f" and bt is STR and _length(body) < 40:
        if body in ("nan", "inf", "-inf"):
            return FLOAT(body)
        return FLOAT.fromhex(body)
    if bt is not LIST:
        raise CanonicalError("malformed")
    if tag in ("l", "t", "S", "F"):
        items = [_decode(i, budget, depth + 1) for i in body]
        if tag == "l":
            return items
        if tag == "t":
            return TUPLE(items)
        if any(TYPE(i) in (LIST, DICT, SET) for i in items):
            raise CanonicalError("unhashable set item")
        _check_hashes(items)
        return SET(items) if tag == "S" else FROZENSET(items)
    if tag == "d":
        pairs = []
        for pair in body:
            if TYPE(pair) is not LIST or _length(pair) != 2:
                raise CanonicalError("malformed")
            k = _decode(pair[0], budget, depth + 1)
            if TYPE(k) in (LIST, DICT, SET):
                raise CanonicalError("unhashable key")
            pairs.append((k, _decode(pair[1], budget, depth + 1)))
        _check_hashes([k for k, _ in pairs])
        return dict(pairs)
    raise CanonicalError("malformed")


def decode(obj: object) -> object:
    """Rebuild canonical data from :func:`encode` output, refusing anything malformed or huge.

    Raises:
        CanonicalError: not valid tagged data, too many nodes, too deep, or colliding keys.

    Example:
        >>> decode(["l", [["s", "流量"]]])
        ['流量']
    """
    return _decode(obj, _Budget(), 0)


def write_record(
    path: str, checker: str, name: str, obs: Observation, *, calls: list[str] = ()
) -> None:
    """Append one observation to the file at ``path`` (in the student's kernel).

    A value whose line would be too long for the reader is written as a failure instead.
    ``calls`` (course functions the student's code called, see :mod:`.calls`) go into the
    header for the integrity report; scoring never reads them.

    Example:
        >>> import os, tempfile
        >>> f = os.path.join(tempfile.mkdtemp(), "obs.jsonl")
        >>> write_record(f, "q1", "词", Observation(tag="str", value="流量"))
        >>> ObservationFile(f).get("q1", "词").value
        '流量'
    """
    header: dict[str, object] = {"checker": checker, "name": name, "tag": obs.tag}
    names = [STR(c)[:200] for c in list(calls)[:MAX_CALLS]]
    # The calls only flag: they must never push the header past what the reader accepts.
    while names and len(json.dumps(names, ensure_ascii=False).encode()) > _MAX_HEADER // 2:
        names.pop()
    if names:
        header["calls"] = names
    line = ""
    if obs.ok:
        line = json.dumps(encode(obs.value), ensure_ascii=False, allow_nan=False)
        if len(line.encode("utf-8")) > MAX_LINE_BYTES - _MAX_HEADER:
            header["error"], line = "value too large", ""
    else:
        header["error"] = obs.error or "?"
    text = json.dumps(header, ensure_ascii=False) + ("\t" + line if line else "") + "\n"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(text)


def _header(raw: bytes) -> tuple[str, str, str, str | None] | None:
    try:
        head = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if TYPE(head) is not DICT:
        return None
    checker, name, tag = head.get("checker"), head.get("name"), head.get("tag", "")
    if not all(TYPE(v) is STR for v in (checker, name, tag)):
        return None
    error = head.get("error")
    if error is not None and TYPE(error) is not STR:
        return None
    return checker[:200], name[:200], tag[:60], None if error is None else error[:80]


class ObservationFile:
    """The index of a recorded observations file; values are decoded on demand.

    Args:
        path: the file the kernel wrote (never followed if it is a symbolic link).

    Attributes:
        problem: why the whole file was refused, or ``None``.

    Example:
        >>> ObservationFile("/nonexistent/观察.jsonl").get("q1", "词").error
        'not observed (the test cell did not run)'
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problem: str | None = None
        #: (checker, name) -> (tag, error) for failures, or (tag, offset, size) of the value
        self._index: dict[tuple[str, str], tuple] = {}
        self._refused: dict[tuple[str, str], str] = {}
        self._digests: dict[tuple[str, str], bytes] = {}
        self._cache: dict[tuple[str, str], Observation] = {}
        self._scan()

    def _open(self):
        fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        return os.fdopen(fd, "rb")

    def _scan(self) -> None:
        try:
            fh = self._open()
        except OSError:
            return
        with fh:
            if os.fstat(fh.fileno()).st_size > MAX_FILE_BYTES:
                self.problem = "observations file too large"
                return
            records = 0
            while True:
                offset = fh.tell()
                line = fh.readline(MAX_LINE_BYTES + 1)
                if not line:
                    break
                records += 1
                if records > MAX_RECORDS:
                    self.problem = "too many observation records"
                    self._index.clear()
                    return
                whole = line.endswith(b"\n")
                while not line.endswith(b"\n"):
                    more = fh.readline(MAX_LINE_BYTES + 1)
                    if not more:
                        break
                    line = line[:_MAX_HEADER] + more[-1:]  # keep only what the header needs
                tab = line.find(b"\t", 0, _MAX_HEADER)
                head = _header(line[:tab] if tab >= 0 else line[:_MAX_HEADER].rstrip(b"\n"))
                if head is None:
                    continue
                checker, name, tag, error = head
                key = (checker, name)
                digest = hashlib.sha256(line).digest() if whole else b""
                if key in self._refused:
                    continue
                if key in self._index:
                    if digest and self._digests.get(key) == digest:
                        continue  # the same observation again (a pasted copy of a test cell)
                    del self._index[key]
                    self._refused[key] = "recorded more than once, differently"
                elif not whole:
                    self._refused[key] = "value too large"
                elif error is not None or tab < 0:
                    self._index[key] = (tag, error or "no value recorded")
                    self._digests[key] = digest
                else:
                    size = len(line) - tab - 2
                    self._index[key] = (tag, offset + tab + 1, size)
                    self._digests[key] = digest

    def keys(self) -> list[tuple[str, str]]:
        """The (checker, name) keys holding a usable record."""
        return list(self._index)

    def get(self, checker: str, name: str) -> Observation:
        """The observation recorded for ``(checker, name)``, or an error observation."""
        key = (checker, name)
        if key in self._cache:
            return self._cache[key]
        if self.problem:
            obs = Observation(error=self.problem)
        elif key in self._refused:
            obs = Observation(error=self._refused[key])
        elif key not in self._index:
            obs = Observation(error="not observed (the test cell did not run)")
        else:
            entry = self._index[key]
            if len(entry) == 2:
                obs = Observation(tag=entry[0], error=entry[1])
            else:
                obs = self._load(entry)
        self._cache[key] = obs
        return obs

    def _load(self, entry: tuple) -> Observation:
        tag, offset, size = entry
        try:
            with self._open() as fh:
                fh.seek(offset)
                raw = fh.read(size)
        except OSError:
            return Observation(tag=tag, error="recorded value unreadable")
        # Every node of the tagged encoding is a JSON list: far more brackets than the node
        # limit means a value too large, refused before json builds it.
        if raw.count(b"[") > 2 * MAX_NODES + 8:
            return Observation(tag=tag, error="value too large")
        try:
            value = decode(json.loads(raw.decode("utf-8")))
        except CanonicalError as exc:
            return Observation(tag=tag, error=STR(exc.args[0])[:80])
        except (ValueError, UnicodeDecodeError, RecursionError, MemoryError):
            return Observation(tag=tag, error="recorded value unreadable")
        return Observation(tag=tag, value=value)


def load_observations(path: str) -> dict[tuple[str, str], Observation]:
    """Read every usable record of an observations file (refused keys are left out).

    Example:
        >>> load_observations("/nonexistent/观察.jsonl")
        {}
    """
    index = ObservationFile(path)
    out = {}
    for checker, name in index.keys():
        obs = index.get(checker, name)
        out[(checker, name)] = obs
    return out


_REPLAY_CACHE: dict[str, ObservationFile] = {}


def replayed(path: str, checker: str, name: str) -> Observation:
    """In the trusted replay: the recorded observation for ``(checker, name)`` in ``path``.

    Example:
        >>> replayed("/nonexistent/观察.jsonl", "q1", "词").ok
        False
    """
    if path not in _REPLAY_CACHE:
        _REPLAY_CACHE[path] = ObservationFile(path)
    return _REPLAY_CACHE[path].get(checker, name)


def clear_replay_cache() -> None:
    """Forget every file read by :func:`replayed` (the replay warm-up calls this)."""
    _REPLAY_CACHE.clear()


def recorded_calls(path: str) -> dict[str, list[str]]:
    """``{checker: course functions called}`` from the headers of an observations file.

    For the integrity report only (the kernel wrote these, so they flag, never score). Read
    within the same limits as the values: a file refused whole gives ``{}``; a malformed header
    is skipped.

    Example:
        >>> import os, tempfile
        >>> f = os.path.join(tempfile.mkdtemp(), "obs.jsonl")
        >>> write_record(f, "q1_test", "词", Observation(tag="str", value="流量"),
        ...              calls=["beyond_traffic.clean.ruby.strip_pinyin_annotations"])
        >>> recorded_calls(f)
        {'q1_test': ['beyond_traffic.clean.ruby.strip_pinyin_annotations']}
    """
    out: dict[str, list[str]] = {}
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return out
    with os.fdopen(fd, "rb") as fh:
        if os.fstat(fh.fileno()).st_size > MAX_FILE_BYTES:
            return out
        for records, line in enumerate(fh):
            if records >= MAX_RECORDS:
                return {}
            tab = line.find(b"\t", 0, _MAX_HEADER)
            raw = line[:tab] if tab >= 0 else line[:_MAX_HEADER].rstrip(b"\n")
            try:
                head = json.loads(raw.decode("utf-8"))
            except (ValueError, UnicodeDecodeError, RecursionError):
                continue
            if TYPE(head) is not DICT or TYPE(head.get("checker")) is not STR:
                continue
            calls = head.get("calls")
            if TYPE(calls) is not LIST:
                continue
            names = out.setdefault(head["checker"][:200], [])
            for c in calls[:MAX_CALLS]:
                if TYPE(c) is STR and c[:200] not in names and len(names) < MAX_CALLS:
                    names.append(c[:200])
    return {k: v for k, v in out.items() if v}
