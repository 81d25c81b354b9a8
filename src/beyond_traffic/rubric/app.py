"""The grading page: one written question at a time across students, graded by criterion."""

# A small tornado app (tornado comes with Jupyter). Locally it listens on 127.0.0.1 only; every
# write goes through store.save_answer, one versioned transaction per answer, so several graders
# (several page processes, or several browsers on one) lose nothing.

from __future__ import annotations

import html
import json

import tornado.ioloop
import tornado.web

from .. import viz
from .answers import answer_text
from .model import RubricError, _fmt, exemplars_by_level, exemplars_for, load_rubrics
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

_STYLE = """
@font-face{font-family:'BT';src:url('/font')}
body{font-family:'BT',sans-serif;max-width:70em;margin:auto;padding:1em}
.answer{border:1px solid #bbb;margin:1em 0;padding:.6em}
.text{white-space:pre-wrap;max-height:24em;overflow:auto;background:#f6f6f6;padding:.5em}
fieldset{margin:.3em 0}.saved{color:#276b27}.error{color:#a11}
"""
_SCRIPT = """
function xsrf(){return document.cookie.match(/_xsrf=([^;]*)/)[1]}
async function post(url, data){
  const r = await fetch(url,{method:'POST',headers:{'X-XSRFToken':decodeURIComponent(xsrf()),
    'Content-Type':'application/json'},body:JSON.stringify(data)});
  return [r.status, await r.json()];
}
async function save(form){
  const levels={}, comments={};
  for (const el of form.querySelectorAll('input[type=radio]:checked')) levels[el.name]=+el.value;
  for (const el of form.querySelectorAll('input.reuse:checked'))
    (comments[el.dataset.criterion] ||= []).push(+el.value);
  const [code, out] = await post('/api/save', {question: form.dataset.question,
    student: form.dataset.student, version: +form.dataset.version, levels, comments,
    free_comment: form.querySelector('textarea').value});
  const msg = form.querySelector('.status');
  if (code === 200) { form.dataset.version = out.version; msg.className='status saved';
    msg.textContent = '已保存 saved: ' + out.score; }
  else { msg.className='status error'; msg.textContent = out.error; }
}
async function newComment(question, criterion, input){
  const [code, out] = await post('/api/comment', {question, criterion, text: input.value});
  if (code === 200) location.reload(); else alert(out.error);
}
async function editComment(question, id, old){
  const text = prompt('修改评语（所有用到它的答案都会更新）/ edit everywhere', old);
  if (text) { await post('/api/comment/' + id, {question, text}); location.reload(); }
}
"""


class _Base(tornado.web.RequestHandler):
    def initialize(self, course, assignment):  # noqa: D102 - tornado's hook
        self.course = course
        self.assignment = assignment

    def rubric(self, gid):
        rubrics = load_rubrics(self.course.root, self.assignment)
        if gid not in rubrics:
            raise tornado.web.HTTPError(404, f"no rubric for {gid}")
        return rubrics[gid]

    def gradebook(self):
        return open_gradebook(self.course.db_url, self.course.coursedir.course_id)


class IndexHandler(_Base):
    """The written questions of the assignment."""

    def get(self):  # noqa: D102
        e = html.escape
        items = "".join(
            f"<li><a href='/q/{e(g)}'>{e(g)} · {e(r.title)}（{_fmt(r.max_points)} 分）</a></li>"
            for g, r in load_rubrics(self.course.root, self.assignment).items()
        )
        self.write(
            f"<!doctype html><meta charset='utf-8'><style>{_STYLE}</style>"
            f"<h1>{e(self.assignment)} · 按维度评分</h1><ul>{items}</ul>"
        )


class QuestionHandler(_Base):
    """Every student's answer to one question, with the rubric and the grades so far."""

    def get(self, gid):  # noqa: D102
        e = html.escape
        rubric = self.rubric(gid)
        self.xsrf_token  # noqa: B018 - sets the cookie the page's script sends back
        with self.gradebook() as gb:
            notebook = notebook_of(gb, self.assignment, gid)
            students = submitted_students(gb, self.assignment)
            marks = load_marks(gb, rubric)
            texts = comment_texts(gb, self.assignment, gid)
        answers = {
            s: answer_text(self.course, self.assignment, notebook, s, gid) or "" for s in students
        }
        order = (
            similarity_order(answers) if self.get_argument("order", "") == "similar" else students
        )
        exemplars = exemplars_for(rubric, self.course.root)
        at_level = exemplars_by_level(rubric, exemplars)
        parts = [
            f"<!doctype html><html lang='zh'><meta charset='utf-8'><title>{e(gid)}</title>",
            f"<style>{_STYLE}</style><script>{_SCRIPT}</script>",
            f"<h1>{e(self.assignment)} · {e(gid)} · {e(rubric.title)}</h1>",
            "<p><a href='?order=similar'>按相似度排列 / similar answers together</a> · "
            "<a href='?'>按学号 / by student</a></p>",
            "<details><summary>评分标准与示范答案 / Rubric and exemplars</summary><ul>",
        ]
        for c in rubric.criteria:
            parts.append(f"<li><b>{e(c.zh)} {e(c.en)}</b><ul>")
            for lv in c.levels:
                ex = "、".join(at_level.get((c.id, lv.points), []))
                parts.append(
                    f"<li>{_fmt(lv.points)}：{e(lv.zh)}"
                    + (f"（示范 exemplar：{e(ex)}）" if ex else "")
                    + "</li>"
                )
            parts.append("</ul></li>")
        parts.append("</ul>")
        for ex in exemplars:
            parts.append(
                f"<details><summary>{e(ex.heading)}</summary>"
                f"<div class='text'>{e(ex.text)}</div></details>"
            )
        parts.append("</details>")
        for s in order:
            m = marks.get(s)
            parts.append(
                f"<form class='answer' data-question='{e(gid)}' data-student='{e(s)}' "
                f"data-version='{m.version if m else 0}' onsubmit='save(this);return false'>"
                f"<h2>{e(s)}</h2><div class='text'>{e(answers[s]) or '（空白 blank）'}</div>"
            )
            for c in rubric.criteria:
                parts.append(f"<fieldset><legend>{e(c.zh)}</legend>")
                for lv in c.levels:
                    checked = " checked" if m and m.levels[c.id] == lv.points else ""
                    parts.append(
                        f"<label title='{e(lv.zh)}'><input type='radio' name='{e(c.id)}' "
                        f"value='{_fmt(lv.points)}'{checked}> {_fmt(lv.points)}</label> "
                    )
                chosen = set(m.comments.get(c.id, [])) if m else set()
                for cid, (crit, text) in texts.items():
                    if crit != c.id:
                        continue
                    on = " checked" if cid in chosen else ""
                    parts.append(
                        "<br><label><input type='checkbox' class='reuse' "
                        f"data-criterion='{e(c.id)}'"
                        f" value='{cid}'{on}> {e(text)}</label> <a href='#' onclick=\"editComment("
                        f"'{e(gid)}',{cid},this.previousElementSibling.textContent.trim());"
                        'return false">改 edit</a>'
                    )
                parts.append(
                    f"<br><input placeholder='新的常用评语 new reusable comment' size='40'>"
                    f"<button type='button' onclick=\"newComment('{e(gid)}','{e(c.id)}',"
                    'this.previousElementSibling)">添加 add</button></fieldset>'
                )
            free = e(m.free_comment) if m else ""
            parts.append(
                "<textarea rows='2' cols='60' placeholder='其他评语 free comment'>"
                f"{free}</textarea>"
                "<br><button type='submit'>保存 save</button> <span class='status'></span></form>"
            )
        self.write("\n".join(parts))


class SaveHandler(_Base):
    """Save one answer's levels and comments (409 when another grader saved it first)."""

    def post(self):  # noqa: D102
        data = json.loads(self.request.body or b"{}")
        rubric = self.rubric(str(data.get("question", "")))
        try:
            with self.gradebook() as gb:
                version = save_answer(
                    gb,
                    rubric,
                    str(data["student"]),
                    levels={k: float(v) for k, v in data.get("levels", {}).items()},
                    comments=data.get("comments") or {},
                    free_comment=str(data.get("free_comment", "")),
                    grader=self.request.headers.get("X-Forwarded-User", "local"),
                    version=int(data.get("version") or 0),
                )
        except Conflict as exc:
            self.set_status(409)
            return self.write({"error": str(exc)})
        except (RubricError, KeyError, ValueError) as exc:
            self.set_status(400)
            return self.write({"error": str(exc)})
        score = rubric.score({k: float(v) for k, v in data["levels"].items()})
        self.write({"version": version, "score": _fmt(score)})


class CommentHandler(_Base):
    """Add a reusable comment, or edit one (every answer using it is rewritten)."""

    def post(self, comment_id=None):  # noqa: D102
        data = json.loads(self.request.body or b"{}")
        rubric = self.rubric(str(data.get("question", "")))
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


class FontHandler(tornado.web.RequestHandler):
    """The course's bundled CJK font, so answers render the same on every grader's machine."""

    def get(self):  # noqa: D102
        self.set_header("Content-Type", "font/otf")
        self.set_header("Cache-Control", "max-age=86400")
        self.write(viz.font_path().read_bytes())


def make_app(course, assignment: str, *, prefix: str = "/") -> tornado.web.Application:
    """The grading page's tornado application.

    Example:
        >>> make_app  # doctest: +ELLIPSIS
        <function make_app at ...>
    """
    kw = {"course": course, "assignment": assignment}
    return tornado.web.Application(
        [
            (r"/", IndexHandler, kw),
            (r"/q/([a-z0-9_]+)", QuestionHandler, kw),
            (r"/api/save", SaveHandler, kw),
            (r"/api/comment", CommentHandler, kw),
            (r"/api/comment/([0-9]+)", CommentHandler, kw),
            (r"/font", FontHandler),
        ],
        xsrf_cookies=True,
    )


def serve(course, assignment: str, *, port: int = 8765, address: str = "127.0.0.1") -> int:
    """Serve the page until interrupted (loopback only)."""
    if not load_rubrics(course.root, assignment):
        raise RubricError(f"{assignment} has no rubric in instructors/rubrics/{assignment}.yaml")
    make_app(course, assignment).listen(port, address=address)
    print(f"grading page: http://{address}:{port}/  (Ctrl-C stops it)", flush=True)
    try:
        tornado.ioloop.IOLoop.current().start()
    except KeyboardInterrupt:
        pass
    return 0
