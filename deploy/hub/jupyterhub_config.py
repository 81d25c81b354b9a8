"""JupyterHub for one Beyond Traffic class on one machine (see docs/jupyterhub.md).

Start it as root (PAM login and per-user servers need root):

    /opt/beyond-traffic/venv/bin/jupyterhub -f deploy/hub/jupyterhub_config.py

Every setting comes from the TOML file named by $BEYOND_TRAFFIC_HUB_SETTINGS (default
/etc/beyond-traffic/hub.toml; deploy/hub/hub.toml shows every key with its default).

* Login: PAM, i.e. the machine's Unix accounts; only members of the students' and the
  instructors' Unix groups may log in.
* Every user gets a JupyterLab server running as their own Unix account, from the course venv.
  At the venv level nbgrader's formgrader, create-assignment and course-list extensions are off
  (install.sh), so students see the Assignments tab only.
* Formgrader runs once, as a hub-managed service named after the course id, as the grader
  account that owns the course folder and the gradebook (nbgrader's "one class, multiple
  graders"). The hub group formgrade-COURSE (the instructors' Unix group plus the grader
  account) may use it, through a role that grants access to that service only.
"""

import grp
import os
import pwd

from beyond_traffic.hub_settings import SETTINGS_ENV, load_settings

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

s = load_settings()
venv_bin = s.venv / "bin"
path = f"{venv_bin}:/usr/local/bin:/usr/bin:/bin"
# Servers and the grader service read the same settings file (the global nbgrader config does).
server_env = {"PATH": path, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
if os.environ.get(SETTINGS_ENV):
    server_env[SETTINGS_ENV] = os.path.abspath(os.environ[SETTINGS_ENV])


def _members(group: str) -> list[str]:
    """Users of a Unix group: listed members, and those for whom it is the primary group."""
    try:
        g = grp.getgrnam(group)
    except KeyError:
        return []
    primary = [p.pw_name for p in pwd.getpwall() if p.pw_gid == g.gr_gid]
    return sorted(set(g.gr_mem) | set(primary))


# --- network: the proxy is public, the hub API and the formgrader service stay on loopback ----
c.JupyterHub.bind_url = f"http://{s.ip}:{s.port}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{s.hub_port}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s.proxy_api_port}"
c.ConfigurableHTTPProxy.command = [str(s.proxy_command)]
c.JupyterHub.db_url = f"sqlite:///{s.state_dir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(s.state_dir / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(s.state_dir / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True

# --- who may log in ---------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {s.students_group, s.instructors_group}
c.Authenticator.admin_users = set(s.admin_users)
# pam_open_session needs a logind session manager that containers and many VMs lack, and the
# servers do not need one: authentication alone decides.
c.PAMAuthenticator.open_sessions = False

# --- every user's own JupyterLab ----------------------------------------------------------------
c.Spawner.cmd = [str(venv_bin / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.environment = dict(server_env)
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 90

# --- formgrader for instructors and TAs: one shared service ---------------------------------
formgrade = f"formgrade-{s.course_id}"
c.JupyterHub.load_groups = {
    formgrade: {"users": sorted(set(_members(s.instructors_group)) | {s.grader_user})},
}
c.JupyterHub.load_roles = [
    {
        "name": formgrade,
        "groups": [formgrade],
        "scopes": [
            f"access:services!service={s.course_id}",
            "list:services",
            f"read:services!service={s.course_id}",
        ],
    },
    # nbgrader's course-list extension asks the hub which services exist with the server's
    # own token, so that token carries its owner's permissions (nbgrader's demos do the same).
    {"name": "server", "scopes": ["inherit"]},
]
c.JupyterHub.services = [
    {
        "name": s.course_id,
        "url": f"http://127.0.0.1:{s.service_port}",
        "command": [str(venv_bin / "jupyterhub-singleuser")],
        "user": s.grader_user,
        "cwd": str(s.course_dir),
        "environment": {**server_env, "JUPYTERHUB_DEFAULT_URL": "/lab"},
        "oauth_no_confirm": True,
    }
]

# --- the rubric grading page for the same graders: a second service, reached through its role --
# It authenticates every request with the hub's OAuth and admits only users whose role grants
# access to it (beyond_traffic/rubric/hubauth.py); students get 403.
rubric = f"rubric-{s.course_id}"
c.JupyterHub.load_roles.append(
    {"name": rubric, "groups": [formgrade], "scopes": [f"access:services!service={rubric}"]}
)
c.JupyterHub.services.append(
    {
        "name": rubric,
        "url": f"http://127.0.0.1:{s.rubric_port}",
        "command": [str(venv_bin / "beyond-traffic"), "rubric", "serve", "--hub"],
        "user": s.grader_user,
        "cwd": str(s.course_dir),
        "environment": dict(server_env),
        "oauth_no_confirm": True,
    }
)
