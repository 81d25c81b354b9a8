"""The grading page's HTML: the rubric, then a page of students' answers with their grades."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from .model import Rubric, _fmt, exemplars_by_level
from .store import Marked

#: Answers on one page of a question (long classes are paged; ``?student=`` shows one).
PAGE_SIZE = 20

_STYLE = """
@font-face{font-family:'BT';src:url('%(base)sfont')}
body{font-family:'BT',sans-serif;max-width:70em;margin:auto;padding:1em}
.answer{border:1px solid #bbb;margin:1em 0;padding:.6em}
.text{white-space:pre-wrap;max-height:24em;overflow:auto;background:#f6f6f6;padding:.5em}
fieldset{margin:.3em 0}.saved{color:#276b27}.error{color:#a11}.pages a{margin-right:.4em}
"""
_SCRIPT = """
const BASE = JSON.parse(document.querySelector('meta[name=bt-base]').content);
const XSRF = document.querySelector('meta[name=bt-xsrf]').content;
async function post(url, data){
  const r = await fetch(BASE + url, {method:'POST', credentials:'same-origin',
    headers:{'X-XSRFToken':XSRF, 'Content-Type':'application/json'}, body:JSON.stringify(data)});
  let out; try { out = await r.json(); } catch (e) { out = {error: r.status + ' ' + r.statusText}; }
  return [r.status, out];
}
function state(form){
  const levels={}, comments={};
  for (const el of form.querySelectorAll('input[type=radio]:checked')) levels[el.name]=+el.value;
  for (const el of form.querySelectorAll('input.reuse:checked'))
    (comments[el.dataset.criterion] ||= []).push(+el.value);
  return {levels, comments, free_comment: form.querySelector('textarea').value};
}
window.addEventListener('DOMContentLoaded', () => {
  for (const f of document.querySelectorAll('form.answer'))
    f.dataset.saved = JSON.stringify(state(f));
});
async function save(form){
  const msg = form.querySelector('.status'), now = state(form);
  if (JSON.stringify(now) === form.dataset.saved) {  // nothing to write: no request, no version
    msg.className='status'; msg.textContent = '没有改动，未保存 nothing changed'; return;
  }
  const [code, out] = await post('api/save', {assignment: form.dataset.assignment,
    question: form.dataset.question, student: form.dataset.student,
    version: +form.dataset.version, ...now});
  if (code === 200) { form.dataset.version = out.version; form.dataset.saved = JSON.stringify(now);
    msg.className='status saved'; msg.textContent = '已保存 saved: ' + out.score; }
  else { msg.className='status error'; msg.textContent = out.error; }
}
async function newComment(assignment, question, criterion, input){
  const [code, out] = await post('api/comment',
    {assignment, question, criterion, text: input.value});
  if (code === 200) location.reload(); else alert(out.error);
}
async function editComment(assignment, question, id, old){
  const text = prompt('修改评语（所有用到它的答案都会更新）/ edit everywhere', old);
  if (text) { await post('api/comment/' + id, {assignment, question, text}); location.reload(); }
}
"""


@dataclass
class View:
    """Which answers of a question the page shows."""

    order: str = ""  # "similar": similar answers together; else by student id
    page: int = 1
    student: str = ""  # one student only

    def query(self, **change) -> str:
        """The page's query string with some of its parts changed.

        Example:
            >>> View(order="similar", page=2).query(page=3)
            '?order=similar&page=3'
        """
        values = {"order": self.order, "page": self.page, "student": self.student, **change}
        kept = {k: v for k, v in values.items() if v and not (k == "page" and v == 1)}
        return "?" + urlencode(kept) if kept else "?"


def head(base: str, xsrf: str, title: str) -> str:
    """The document head every page shares (font, style, script, the base path and token).

    Example:
        >>> "<title>评分</title>" in head("/", "t", "评分")
        True
    """
    e = html.escape
    return (
        f"<!doctype html><html lang='zh'><meta charset='utf-8'><title>{e(title)}</title>"
        f"<meta name='bt-base' content='{e(json.dumps(base))}'>"
        f"<meta name='bt-xsrf' content='{e(xsrf)}'>"
        f"<style>{_STYLE % {'base': base}}</style><script>{_SCRIPT}</script>"
    )


def index_body(base: str, rubrics: dict[str, dict[str, Rubric]]) -> str:
    """Every written question with a rubric, by assignment.

    Example:
        >>> index_body("/", {})
        '<h1>按维度评分 Grading by criterion</h1><p>没有评分标准 no rubrics</p>'
    """
    e = html.escape
    parts = ["<h1>按维度评分 Grading by criterion</h1>"]
    for assignment, by_id in rubrics.items():
        items = "".join(
            f"<li><a href='{e(base)}a/{quote(assignment)}/{quote(g)}'>{e(g)} · {e(r.title)}"
            f"（{_fmt(r.max_points)} 分）</a></li>"
            for g, r in by_id.items()
        )
        parts.append(f"<h2>{e(assignment)}</h2><ul>{items}</ul>")
    if not rubrics:
        parts.append("<p>没有评分标准 no rubrics</p>")
    return "".join(parts)


def rubric_details(rubric: Rubric, exemplars) -> str:
    """The rubric with its levels and exemplar answers, folded (one click away)."""
    e = html.escape
    at_level = exemplars_by_level(rubric, exemplars)
    parts = ["<details><summary>评分标准与示范答案 / Rubric and exemplars</summary><ul>"]
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
    return "".join(parts)


def shown(order: list[str], view: View) -> tuple[list[str], int]:
    """The students on the page and the number of pages (``?student=`` shows one answer).

    Example:
        >>> shown([f"学生{i}" for i in range(45)], View(page=3))
        (['学生40', '学生41', '学生42', '学生43', '学生44'], 3)
    """
    if view.student:
        return [s for s in order if s == view.student], 1
    pages = max(1, -(-len(order) // PAGE_SIZE))
    page = min(max(view.page, 1), pages)
    return order[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], pages


def navigation(order: list[str], view: View, pages: int) -> str:
    """Links to every page, and a chooser that shows one student's answer alone.

    Example:
        >>> "page=2" in navigation(["甲", "乙"], View(), 2)
        True
    """
    e = html.escape
    links = []
    for p in range(1, pages + 1):
        label = f"[{p}]" if p == view.page and not view.student else str(p)
        links.append(f"<a href='{e(view.query(page=p, student=''))}'>{label}</a>")
    one = "".join(
        f"<option value='{e(view.query(student=s, page=1))}'"
        f"{' selected' if s == view.student else ''}>{e(s)}</option>"
        for s in order
    )
    return (
        f"<p class='pages'>页 page：{''.join(links)} · {len(order)} 份答案 answers · "
        "<label>只看 one student: <select onchange='location.search=this.value'>"
        f"<option value='{e(view.query(student='', page=1))}'>—</option>{one}</select></label></p>"
    )


def answer_form(
    rubric: Rubric,
    student: str,
    text: str,
    mark: Marked | None,
    comments: dict[int, tuple[str, str]],
) -> str:
    """One student's answer with a level per criterion, reusable comments and a free comment."""
    e = html.escape
    a, gid = rubric.assignment, rubric.grade_id
    parts = [
        f"<form class='answer' data-assignment='{e(a)}' data-question='{e(gid)}' "
        f"data-student='{e(student)}' data-version='{mark.version if mark else 0}' "
        "onsubmit='save(this);return false'>"
        f"<h2>{e(student)}</h2><div class='text'>{e(text) or '（空白 blank）'}</div>"
    ]
    for c in rubric.criteria:
        parts.append(f"<fieldset><legend>{e(c.zh)}</legend>")
        for lv in c.levels:
            checked = " checked" if mark and mark.levels[c.id] == lv.points else ""
            parts.append(
                f"<label title='{e(lv.zh)}'><input type='radio' name='{e(c.id)}' "
                f"value='{_fmt(lv.points)}'{checked}> {_fmt(lv.points)}</label> "
            )
        chosen = set(mark.comments.get(c.id, [])) if mark else set()
        for cid, (crit, ctext) in comments.items():
            if crit != c.id:
                continue
            on = " checked" if cid in chosen else ""
            parts.append(
                "<br><label><input type='checkbox' class='reuse' "
                f"data-criterion='{e(c.id)}' value='{cid}'{on}> {e(ctext)}</label> "
                f"<a href='#' onclick=\"editComment('{e(a)}','{e(gid)}',{cid},"
                'this.previousElementSibling.textContent.trim());return false">改 edit</a>'
            )
        parts.append(
            "<br><input placeholder='新的常用评语 new reusable comment' size='40'>"
            f"<button type='button' onclick=\"newComment('{e(a)}','{e(gid)}','{e(c.id)}',"
            'this.previousElementSibling)">添加 add</button></fieldset>'
        )
    free = e(mark.free_comment) if mark else ""
    parts.append(
        f"<textarea rows='2' cols='60' placeholder='其他评语 free comment'>{free}</textarea>"
        "<br><button type='submit'>保存 save</button> <span class='status'></span></form>"
    )
    return "".join(parts)
