"""Global nbgrader config of a Beyond Traffic hub: every server reads it (students included).

install.sh copies it to PREFIX/venv/etc/jupyter/nbgrader_config.py. It names the course and the
shared exchange from the hub's settings file (deploy/hub/hub.toml), nothing else: the grading
settings live in the course folder's own nbgrader_config.py, which students never see.
"""

from beyond_traffic.hub_settings import load_settings
from beyond_traffic.validate_message import VALIDATE_FAILED_WARNING

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

_settings = load_settings()
c.CourseDirectory.course_id = _settings.course_id
c.Exchange.root = str(_settings.exchange)
# Collect refuses a submission whose files belong to another account than the student it
# names (nbgrader's own collect only warns), keeps that student's own latest one and records
# the attempt in integrity/collect_refused.csv (beyond_traffic.exchange).
c.ExchangeFactory.collect = "beyond_traffic.exchange.OwnerCheckedCollect"
# Students' Validate button: visible checks carry only part of the points, so say what a
# result short of full points means instead of nbgrader's "you WILL NOT receive full credit".
c.Validator.failed_warning = VALIDATE_FAILED_WARNING
