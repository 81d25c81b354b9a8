"""nbgrader settings for the Beyond Traffic course (run nbgrader from this folder)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent

from beyond_traffic.validate_message import VALIDATE_FAILED_WARNING

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.CourseDirectory.course_id = "beyond-traffic"
c.CourseDirectory.root = str(HERE)
# Instructor versions live in solutions/, the student release in assignments/.
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "assignments"
# A course-local exchange so a single machine needs no /srv/nbgrader set-up.
c.Exchange.root = str(HERE / ".exchange")
# One cell may run for two minutes at most; a hanging submission fails instead of blocking.
c.ExecutePreprocessor.timeout = 120
c.Execute.timeout = 120
# Released answer cells must run without raising: a comment stub leaves each answer's
# placeholder (`q2_top10 = None`, or a function whose body is its docstring) in place.
c.ClearSolutions.code_stub = {"python": "# 在此作答 / YOUR ANSWER HERE"}
c.ClearSolutions.text_stub = "在此作答 / YOUR ANSWER HERE"
# Feedback shows each check's messages but never the hidden test code.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
# nbgrader's own OverwriteCells warns "checksum has changed!" for every hidden-test cell of an
# untouched release; this one warns only when a student really edited a locked cell.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "beyond_traffic.grader.overwrite.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# A student's Validate button: visible checks carry only part of each question's points (hidden
# checks run at grading), so nbgrader's "VALIDATION FAILED … you WILL NOT receive full credit"
# would meet every correct answer. Say what the result means instead.
c.Validator.failed_warning = VALIDATE_FAILED_WARNING
# Submissions' outputs come from student code: formgrader and feedback pages show them as
# inert HTML, so a <script> in an output cannot act in the grader's browser session.
c.HTMLExporter.sanitize_html = True
# The jupytext pair of a solution notebook holds the solutions: never release or copy it.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    "ps[0-9]*_*.py",
]
# Collect refuses a submission whose files belong to another account than the student it
# names (nbgrader's own collect only warns), keeps that student's own latest one and records
# the attempt in integrity/collect_refused.csv (beyond_traffic.exchange).
c.ExchangeFactory.collect = "beyond_traffic.exchange.OwnerCheckedCollect"
# Settings of one machine — a JupyterHub's shared exchange, a PostgreSQL gradebook — go in
# nbgrader_config_local.py beside this file (git-ignored; deploy/hub/setup_course.py writes one).
# It is read last, so it wins; a missing file is skipped.
load_subconfig("nbgrader_config_local.py")  # noqa: F821 - provided by traitlets
