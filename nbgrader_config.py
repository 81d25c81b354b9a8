"""nbgrader settings for the Beyond Traffic course (run nbgrader from this folder)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent

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
