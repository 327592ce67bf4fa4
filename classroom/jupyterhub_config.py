# JupyterHub configuration for `npm run classroom` (Debian's jupyterhub 3.0). It is configuration, not a hub:
# the two small classes below only pick JupyterHub's own extension points —
#   RosterAuthenticator: logs in the names in the classroom roster, checking their code against a scrypt hash;
#   ClassroomSpawner:    JupyterHub's LocalProcessSpawner, running each student as their own system user
#                        (course prefix + name, home 0700, created on first login) inside a memory cgroup.
# Every setting comes from the JSON file named by $FCNN_CLASSROOM_SETTINGS, written by classroom/cli.js.
import asyncio
import base64
import hashlib
import hmac
import json
import os
import pwd
import subprocess

from jupyterhub.auth import Authenticator
from jupyterhub.handlers.login import LoginHandler
from jupyterhub.spawner import LocalProcessSpawner
from jupyterhub.utils import url_path_join
from tornado import web

S = json.load(open(os.environ["FCNN_CLASSROOM_SETTINGS"]))
c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)


def verify_code(code, stored):
    try:
        algo, n, r, p, salt, digest = stored.split("$")
        if algo != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(code.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected), maxmem=64 * 1024 * 1024)
    except (AttributeError, ValueError):  # not a hash this roster writes (binascii.Error is a ValueError)
        return False
    return hmac.compare_digest(got, expected)


def read_roster():
    """The roster's users ({login: {hash, admin, display?}}), read afresh: students may be added while the hub runs."""
    with open(S["roster"]) as f:
        return json.load(f)["users"]


class RosterAuthenticator(Authenticator):
    """Only names in the roster get in, with the code the lecturer handed out. The roster is re-read at every
    login, so students added with `npm run classroom -- roster` can log in without restarting the hub.
    The roster's keys are login names (classroom/roster.js makes them: a-z first, then a-z, 0-9, '-', '_'); a
    student may type their login in any case, or their name as the roster shows it ("Li Wei", "zoë",
    "alice@example.edu": any case, runs of spaces as one), which stands for its login when exactly one student
    has that name."""

    @staticmethod
    def display_key(name):
        """As displayKey in roster.js, with Python's casefold for lower case."""
        import unicodedata
        return " ".join(unicodedata.normalize("NFC", name).split()).casefold()

    def roster_login(self, users, typed):
        """The login name (a key of `users`) that what the student typed stands for, or None."""
        name = self.normalize_username(typed.strip())
        if name in users:
            return name
        key = self.display_key(typed)
        matches = [login for login, e in users.items() if e.get("display") and self.display_key(e["display"]) == key]
        if len(matches) > 1:
            self.log.warning("classroom: %r is the name of %d students (%s); they log in with their login name",
                             typed, len(matches), ", ".join(sorted(matches)))
        return matches[0] if len(matches) == 1 else None

    async def authenticate(self, handler, data):
        typed = data.get("username") or ""
        code = (data.get("password") or "").strip().lower()
        try:
            users = read_roster()
        except (OSError, ValueError, KeyError) as err:
            self.log.error("classroom: cannot read the roster %s: %s", S["roster"], err)
            return None
        name = self.roster_login(users, typed)
        if name is None:
            self.log.warning("classroom: refused unknown user %r", typed)
            return None
        ok = await asyncio.get_running_loop().run_in_executor(None, verify_code, code, users[name].get("hash"))
        if not ok:
            self.log.warning("classroom: refused %r: wrong code", name)
            return None
        return {"name": name, "admin": bool(users[name].get("admin"))}

    def add_user(self, user):
        """Called for every new hub user, also by the admin page's "Add Users": a name that is not on the roster
        has no login code, so it could never log in. The admin page then shows this message instead."""
        try:
            users = read_roster()
        except (OSError, ValueError, KeyError) as err:
            raise ValueError(f"cannot read the classroom roster ({err})")
        if user.name not in users:
            raise ValueError(f"{user.name!r} is not on the classroom roster, so they would have no login code. Add "
                             "students with `sudo npm run classroom -- roster NAME` (or a CSV of names): it prints "
                             "each student's code")
        return super().add_user(user)

    def get_handlers(self, app):
        return [("/login", ClassroomLoginHandler)]


LECTURER_NO_SERVER = ("The lecturer has no notebook server in the classroom (it would take a student's seat): "
                      "manage the students on the admin page. To try the course as a student, add yourself to "
                      "the roster under another name.")


class ClassroomLoginHandler(LoginHandler):
    """The hub's login page, sending the lecturer to the admin page instead of starting a server for them."""

    def get_next_url(self, user=None, default=None):
        if user is not None and user.admin and not self.get_argument("next", ""):
            return url_path_join(self.hub.base_url, "admin")
        return super().get_next_url(user, default)


def default_url(handler):
    """Where "/" and a login lead: the lecturer to the admin page; a student, as JupyterHub does by default, to
    their server (which pulls the course first), or to its start; nobody logged in, to the login page."""
    user = handler.current_user
    if user is None:
        return url_path_join(handler.hub.base_url, "login")
    if getattr(user, "admin", False):
        return url_path_join(handler.hub.base_url, "admin")
    return user.url if user.spawner.active else url_path_join(handler.hub.base_url, "spawn")


def system_name(hub_name):
    """The student's Linux user: the course prefix + their login, which roster.js keeps within useradd's default
    pattern and length. Anything else (a hand-edited roster, a user added on the admin page) is refused here
    rather than handed to useradd."""
    import re
    sys_name = S["prefix"] + hub_name
    if not re.fullmatch(r"[a-z_][a-z0-9_-]*", sys_name) or len(sys_name) > 32:
        raise ValueError(f"classroom: the hub user {hub_name!r} has no valid system user name ({sys_name!r}: "
                         "expected a-z or '_' first, then a-z, 0-9, '_' or '-', at most 32 characters)")
    return sys_name


def ensure_system_user(hub_name):
    """Creates the student's system user on first login: home /home/<prefix><name>, mode 0700."""
    sys_name = system_name(hub_name)
    try:
        pw = pwd.getpwnam(sys_name)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "--user-group",
                        "--comment", f"{S['course']} classroom student {hub_name}", sys_name],
                       check=True, capture_output=True)
        pw = pwd.getpwnam(sys_name)
    os.chmod(pw.pw_dir, 0o700)
    return pw


def memory_cgroup(hub_name):
    """A cgroup (v1 memory controller) holding all of one student's processes, limited to memory_gb.
    Returns its path, or None when the machine does not let us create one (then the kernel launcher falls back
    to a per-kernel data-size limit)."""
    root = S.get("cgroup_root")
    if not root:
        return None
    path = os.path.join(root, hub_name)
    try:
        os.makedirs(path, exist_ok=True)
        limit = int(S["memory_gb"] * 1024 ** 3)
        with open(os.path.join(path, "memory.limit_in_bytes"), "w") as f:
            f.write(str(limit))
        # The hub runs with umask 077, so the folder is root's alone; the student's kernel launcher must read its
        # memory.oom_control (that is how it knows the kernel was killed for memory and tells the student), and
        # nobody else needs to: group = the student's own group, 0750.
        os.chown(path, 0, pwd.getpwnam(system_name(hub_name)).pw_gid)
        os.chmod(path, 0o750)
        return path
    except OSError:
        return None


class ClassroomSpawner(LocalProcessSpawner):
    """LocalProcessSpawner with the hub name mapped to the course's system user (prefix + name)."""

    def make_preexec_fn(self, name):
        inner = super().make_preexec_fn(system_name(self.user.name))
        cgroup = memory_cgroup(self.user.name)

        def preexec():
            if cgroup:
                with open(os.path.join(cgroup, "cgroup.procs"), "w") as f:
                    f.write(str(os.getpid()))
            # Students' servers and kernels yield the CPU to the hub and the proxy: when a room of kernels
            # compiles at once, logins and routing must still answer within JupyterHub's 10 s proxy timeout.
            os.nice(S.get("student_nice", 10))
            inner()

        return preexec

    def user_env(self, env):
        pw = pwd.getpwnam(system_name(self.user.name))
        env["USER"] = pw.pw_name
        env["HOME"] = pw.pw_dir
        env["SHELL"] = pw.pw_shell
        return env

    def get_env(self):
        env = super().get_env()
        # Tells the kernel launcher whether a memory cgroup holds this student (else it limits each kernel itself).
        env["FCNN_MEMORY_CGROUP"] = memory_cgroup(self.user.name) or ""
        return env

    async def start(self):
        if self.user.admin:
            raise web.HTTPError(403, LECTURER_NO_SERVER)
        await asyncio.get_running_loop().run_in_executor(None, ensure_system_user, self.user.name)
        return await super().start()


c.JupyterHub.authenticator_class = RosterAuthenticator
c.JupyterHub.default_url = default_url
c.JupyterHub.spawner_class = ClassroomSpawner
c.Authenticator.admin_users = {S["admin"]}

c.JupyterHub.ip = S["ip"]
c.JupyterHub.port = S["port"]
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{S['hub_port']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{S['proxy_api_port']}"
c.ConfigurableHTTPProxy.command = [S["proxy_command"]]
c.ConfigurableHTTPProxy.pid_file = os.path.join(S["state_dir"], "jupyterhub-proxy.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(S["state_dir"], "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(S["state_dir"], "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(S["state_dir"], "jupyterhub.pid")
c.JupyterHub.concurrent_spawn_limit = S.get("concurrent_spawn_limit", 0)
c.JupyterHub.active_server_limit = 0

course_dir = S["course_dir"]  # the student's copy, relative to their home
pull_url = (f"/git-pull?repo={S['course_repo_url']}&branch={S['course_branch']}&targetpath={course_dir}"
            f"&urlpath=tree/{course_dir}/notebooks")
c.Spawner.default_url = pull_url
c.Spawner.cmd = [os.path.join(S["runtime_dir"], "singleuser.sh")]
c.Spawner.start_timeout = S.get("start_timeout", 180)
c.Spawner.http_timeout = S.get("start_timeout", 180)
idle_s = max(1, round(S["idle_minutes"] * 60))
c.Spawner.args = [
    "--NotebookApp.kernel_manager_class=capped_kernels.CappedKernelManager",
    # notebooks of the course copy that an update merged into stay trusted (their plots draw): course_contents.py
    "--NotebookApp.contents_manager_class=course_contents.CourseContentsManager",
    f"--CappedKernelManager.max_kernels={S['max_kernels']}",
    f"--CappedKernelManager.memory_gb={S['memory_gb']}",
    # Idle culling by the single-user server itself (jupyterhub-idle-culler is not packaged in Debian 12):
    # a kernel that has run nothing for idle_minutes is shut down, also while its notebook tab is still open
    # (a student who walked away); then, with no kernel left and no request for idle_minutes, the server stops
    # (Notebook checks that once a minute) and the hub notices within its poll interval.
    f"--MappingKernelManager.cull_idle_timeout={idle_s}",
    f"--MappingKernelManager.cull_interval={max(5, min(60, idle_s // 3))}",
    "--MappingKernelManager.cull_connected=True",
    f"--NotebookApp.shutdown_no_activity_timeout={idle_s}",
]
c.Spawner.poll_interval = 10  # how soon the hub sees a server that stopped by itself (cheap: a waitpid per student)
c.Spawner.environment = {
    "JUPYTERHUB_SINGLEUSER_APP": "notebook.notebookapp.NotebookApp",
    # the student runtime (scripts/student-runtime.js, as `npm start` has it): the kernel, Plotly.js and the course's
    # notebook extension, and the Notebook server's settings; the student's own ~/.jupyter stays theirs to write
    "JUPYTER_PATH": os.path.join(S["runtime_dir"], "share", "jupyter"),
    "JUPYTER_CONFIG_PATH": os.path.join(S["runtime_dir"], "config"),
    "PYTHONPATH": os.path.join(S["runtime_dir"], "python"),
    "FCNN_RUNTIME": S["runtime_dir"],
    "FCNN_COURSE_REPO": S["course_repo_url"],
    "FCNN_COURSE_BRANCH": S["course_branch"],
    "FCNN_COURSE_DIR": course_dir,
}

# The classroom command's own API token (status, load test): a service with the lecturer's powers over users.
c.JupyterHub.services = [{"name": "classroom-cli", "api_token": S["api_token"]}]
c.JupyterHub.load_roles = [{
    "name": "classroom-cli",
    "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "list:users", "read:users", "proxy"],
    "services": ["classroom-cli"],
}]
