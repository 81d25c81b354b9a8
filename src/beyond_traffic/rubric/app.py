"""The grading page: one written question at a time across students, graded by criterion."""

# A small tornado app (tornado comes with Jupyter). Locally it listens on 127.0.0.1 only and the
# grader's name is fixed at start; as a JupyterHub service every request is authenticated by the
# hub's OAuth (hubauth.py). Every write goes through store.save_answer, one versioned
# transaction per answer, so several graders (several page processes, or several browsers on
# one) lose nothing.

from __future__ import annotations

import getpass
import html
import json
import os
import re

import tornado.ioloop
import tornado.web

from .. import viz
from .answers import answer_text
from .model import RUBRIC_DIR, RubricError, _fmt, exemplars_for, load_rubrics
from .page import View, answer_form, head, index_body, navigation, rubric_details, shown
from .similarity import similarity_order
from .store import (
    Conflict,
    add_comment,
    comment_texts,
    edit_comment,
    load_marks,
    notebook_of,
    open_gradebook,
    save_answer,
    submitted_students,
)

_NAME = r"[A-Za-z0-9_.-]+"


class _Base(tornado.web.RequestHandler):
    def initialize(self, course, assignments, grader=""):  # noqa: D102 - tornado's hook
        self.course = course
        self.assignments = assignments
        self.local_grader = grader

    def grader_name(self) -> str:
        """Who saves: fixed locally; the hub user under JupyterHub (hubauth overrides this)."""
        return self.local_grader

    @property
    def base(self) -> str:
        return self.settings["bt_base"]

    def rubric(self, assignment, gid):
        if assignment not in self.assignments:
            raise tornado.web.HTTPError(404, f"{assignment} is not graded here")
        rubrics = load_rubrics(self.course.root, assignment)
        if gid not in rubrics:
            raise tornado.web.HTTPError(404, f"no rubric for {assignment}/{gid}")
        return rubrics[gid]

    def gradebook(self):
        return open_gradebook(self.course.db_url, self.course.coursedir.course_id)

    def page_head(self, title: str) -> str:
        token = self.xsrf_token  # also sets the cookie tornado (or the hub) checks it against
        return head(self.base, token.decode() if isinstance(token, bytes) else token, title)

    def body(self) -> dict:
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "the request body is not JSON") from None
        if not isinstance(data, dict):
            raise tornado.web.HTTPError(400, "the request body must be a JSON object")
        return data


class IndexHandler(_Base):
    """The written questions with a rubric, by assignment."""

    def get(self):  # noqa: D102
        rubrics = {a: load_rubrics(self.course.root, a) for a in self.assignments}
        self.write(self.page_head("按维度评分") + index_body(self.base, rubrics))


class QuestionHandler(_Base):
    """One page of students' answers to one question, with the rubric and the grades so far."""

    def get(self, assignment, gid):  # noqa: D102
        e = html.escape
        rubric = self.rubric(assignment, gid)
        try:
            page = int(self.get_argument("page", "1"))
        except ValueError:
            raise tornado.web.HTTPError(400, "page must be a number") from None
        view = View(self.get_argument("order", ""), page, self.get_argument("student", ""))
        with self.gradebook() as gb:
            notebook = notebook_of(gb, assignment, gid)
            students = submitted_students(gb, assignment)
            marks = load_marks(gb, rubric)
            texts = comment_texts(gb, assignment, gid)
        if view.order == "similar":  # needs every answer; otherwise read only the page's
            answers = {s: answer_text(self.course, assignment, notebook, s, gid) for s in students}
            order = similarity_order({s: t or "" for s, t in answers.items()})
        else:
            order, answers = students, {}
        on_page, pages = shown(order, view)
        view.page = min(max(view.page, 1), pages)
        parts = [
            self.page_head(f"{gid} · {rubric.title}"),
            f"<h1>{e(assignment)} · {e(gid)} · {e(rubric.title)}</h1>",
            f"<p><a href='{e(self.base)}'>全部题目 all questions</a> · "
            f"<a href='{e(view.query(order='similar', page=1))}'>按相似度排列 similar answers "
            f"together</a> · <a href='{e(view.query(order='', page=1))}'>按学号 by student</a></p>",
            rubric_details(rubric, exemplars_for(rubric, self.course.root)),
            navigation(order, view, pages),
        ]
        for s in on_page:
            text = (
                answers[s]
                if s in answers
                else answer_text(self.course, assignment, notebook, s, gid)
            )
            parts.append(answer_form(rubric, s, text or "", marks.get(s), texts))
        self.write("\n".join(parts))


class SaveHandler(_Base):
    """Save one answer's levels and comments (409 when another grader saved it first)."""

    def post(self):  # noqa: D102
        data = self.body()
        rubric = self.rubric(str(data.get("assignment", "")), str(data.get("question", "")))
        try:
            levels = {str(k): float(v) for k, v in (data.get("levels") or {}).items()}
            with self.gradebook() as gb:
                version = save_answer(
                    gb,
                    rubric,
                    str(data["student"]),
                    levels=levels,
                    comments=data.get("comments") or {},
                    free_comment=str(data.get("free_comment", "")),
                    grader=self.grader_name(),
                    version=int(data.get("version") or 0),
                )
        except Conflict as exc:
            self.set_status(409)
            return self.write({"error": str(exc)})
        except (RubricError, KeyError, ValueError, TypeError, AttributeError) as exc:
            self.set_status(400)
            return self.write({"error": str(exc)})
        self.write({"version": version, "score": _fmt(rubric.score(levels))})


class CommentHandler(_Base):
    """Add a reusable comment, or edit one (every answer using it is rewritten)."""

    def post(self, comment_id=None):  # noqa: D102
        data = self.body()
        rubric = self.rubric(str(data.get("assignment", "")), str(data.get("question", "")))
        try:
            with self.gradebook() as gb:
                if comment_id:
                    n = edit_comment(gb, rubric, int(comment_id), str(data.get("text", "")))
                    return self.write({"updated": n})
                new = add_comment(
                    gb, rubric, str(data.get("criterion", "")), str(data.get("text", ""))
                )
                self.write({"id": new})
        except RubricError as exc:
            self.set_status(400)
            self.write({"error": str(exc)})


class FontHandler(_Base):
    """The course's bundled CJK font, so answers render the same on every grader's machine."""

    def get(self):  # noqa: D102
        self.set_header("Content-Type", "font/otf")
        self.set_header("Cache-Control", "max-age=86400")
        self.write(viz.font_path().read_bytes())


def graded_assignments(root) -> list[str]:
    """Assignments with a rubric file in the course at ``root``, sorted.

    Example:
        >>> graded_assignments("/nonexistent/课程")
        []
    """
    folder = os.path.join(root, RUBRIC_DIR)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(n[: -len(".yaml")] for n in names if n.endswith(".yaml"))


def make_app(
    course,
    assignments: list[str],
    *,
    grader: str = "",
    hub_prefix: str | None = None,
) -> tornado.web.Application:
    """The grading page's tornado application for ``assignments``.

    Locally (``hub_prefix`` None) every save is recorded as ``grader``'s. With ``hub_prefix``
    (the service's ``JUPYTERHUB_SERVICE_PREFIX``) every handler is behind the hub's OAuth and
    the grader is the logged-in hub user.

    Example:
        >>> app = make_app(None, ["ps1_segment"], grader="王老师")
        >>> app.settings["bt_base"]
        '/'
    """
    base = hub_prefix or "/"
    handlers = [
        ("", IndexHandler),
        (f"a/({_NAME})/({_NAME})", QuestionHandler),
        ("api/save", SaveHandler),
        ("api/comment", CommentHandler),
        ("api/comment/([0-9]+)", CommentHandler),
        ("font", FontHandler),
    ]
    kw = {"course": course, "assignments": list(assignments), "grader": grader}
    settings: dict = {"xsrf_cookies": True, "bt_base": base}
    if hub_prefix is None:
        routes = [(re.escape(base) + p, h, kw) for p, h in handlers]
    else:
        from .hubauth import callback_handler, hub_guarded

        # The font is public (it is in the package); everything else needs the hub's login.
        routes = [
            (re.escape(base) + p, h if h is FontHandler else hub_guarded(h), kw)
            for p, h in handlers
        ]
        routes.append((re.escape(base) + "oauth_callback", callback_handler()))
        # Signs the hub's OAuth state and token cookies; a restart only means a silent re-login.
        settings["cookie_secret"] = os.urandom(32)
    return tornado.web.Application(routes, **settings)


def serve(
    course,
    assignments: list[str] | None = None,
    *,
    port: int = 8765,
    grader: str | None = None,
    hub: bool = False,
) -> int:
    """Serve the page until interrupted: on loopback, or as the JupyterHub service (``hub``)."""
    assignments = assignments or graded_assignments(course.root)
    for a in assignments:
        if not load_rubrics(course.root, a):
            raise RubricError(f"{a} has no rubric in instructors/rubrics/{a}.yaml")
    if not assignments:
        raise RubricError("no rubric in instructors/rubrics/: nothing to grade by criterion")
    if hub:
        from .hubauth import hub_service

        prefix, address, port = hub_service()
        app = make_app(course, assignments, hub_prefix=prefix)
    else:
        prefix, address = "/", "127.0.0.1"
        app = make_app(course, assignments, grader=grader or getpass.getuser())
    app.listen(port, address=address)
    print(f"grading page: http://{address}:{port}{prefix}  (Ctrl-C stops it)", flush=True)
    try:
        tornado.ioloop.IOLoop.current().start()
    except KeyboardInterrupt:
        pass
    return 0
