"""Starts the tslab kernel for a classroom student and tells the student, in the notebook, when the kernel died
because it ran out of the student's memory limit.

Usage (the kernel spec's argv): kernel_launcher.py <connection_file> -- node … tslab kernel --config-path {cf}

The kernel gets a copy of the connection file in which only the iopub port differs; this launcher binds the real
iopub port and forwards every message unchanged, remembering which execute request is running. When the kernel
process dies from the memory limit (killed by the cgroup's OOM killer, or V8 reporting that it is out of memory),
the launcher publishes an error for that request — "Your kernel ran out of its N GB memory limit …" — signed with
the session key, then exits; the notebook server then restarts the kernel as for any dead kernel. Other students
are in other cgroups and notice nothing.
"""
import signal

# The notebook server may interrupt or stop a kernel that is still starting; until the handlers below are in place,
# a Ctrl+C must not print a KeyboardInterrupt traceback from the middle of the imports into the server log.
signal.signal(signal.SIGINT, signal.SIG_IGN)

import json  # noqa: E402
import os
import re
import resource
import socket
import subprocess
import sys
import threading
import time

import zmq
from jupyter_client.session import Session

OOM_TEXT = re.compile(rb"out of memory|Allocation failed|heap limit", re.I)
# What the kernel prints when V8 refuses one large allocation but survives (e.g. a huge Float64Array).
REFUSED_ALLOCATION = re.compile(r"Array buffer allocation failed|out of memory", re.I)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def own_cgroup():
    """The student's memory cgroup made by the hub (named in $FCNN_MEMORY_CGROUP), or None when there is none —
    then the launcher limits the kernel's data size itself. (Any process is in *some* memory cgroup, so the
    membership alone does not say that a student limit is in force.)"""
    wanted = os.environ.get("FCNN_MEMORY_CGROUP")
    if not wanted:
        return None
    try:
        with open(os.path.join(wanted, "memory.oom_control")):
            return wanted
    except OSError as err:
        # The limit still applies (the hub put us in that cgroup), but we could not tell the student why their
        # kernel died: say so in the server log rather than fall back silently.
        sys.stderr.write(f"kernel_launcher: WARNING: cannot read the student's memory cgroup {wanted} ({err}); "
                         f"a kernel killed for memory will not be explained to the student\n")
        return None


def oom_kills(cgroup):
    if not cgroup:
        return 0
    try:
        for line in open(os.path.join(cgroup, "memory.oom_control")):
            if line.startswith("oom_kill "):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    argv = sys.argv[1:]
    if "--" not in argv or not argv:
        sys.exit("kernel_launcher: usage: kernel_launcher.py CONNECTION_FILE -- KERNEL COMMAND … {cf}")
    conn_file = argv[0]
    cmd = argv[argv.index("--") + 1:]
    memory_gb = float(os.environ.get("FCNN_MEMORY_GB", "2"))

    with open(conn_file) as f:
        conn = json.load(f)
    inner = dict(conn, iopub_port=free_port())
    inner_file = conn_file + ".inner.json"
    with open(inner_file, "w") as f:
        json.dump(inner, f)
    os.chmod(inner_file, 0o600)
    cmd = [inner_file if a == "{cf}" else a for a in cmd]

    cgroup = own_cgroup()
    kills_before = oom_kills(cgroup)

    def child_setup():
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # ignored above while starting; the kernel must get interrupts
        # The kernel, not the notebook server, is what the OOM killer should pick in the student's cgroup.
        try:
            with open("/proc/self/oom_score_adj", "w") as f:
                f.write("800")
        except OSError:
            pass
        if not cgroup:
            # No memory cgroup on this machine: limit this kernel's data size instead.
            limit = int(memory_gb * 1024 ** 3)
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))

    ctx = zmq.Context()
    url = f"{conn['transport']}://{conn['ip']}:"
    pub = ctx.socket(zmq.PUB)
    pub.bind(url + str(conn["iopub_port"]))
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(url + str(inner["iopub_port"]))

    child = subprocess.Popen(cmd, preexec_fn=child_setup, stderr=subprocess.PIPE)
    tail = bytearray()

    def pump_stderr():
        for chunk in iter(lambda: child.stderr.read1(4096), b""):
            sys.stderr.buffer.write(chunk)
            sys.stderr.flush()
            tail.extend(chunk)
            del tail[:-8192]

    threading.Thread(target=pump_stderr, daemon=True).start()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda s, _f: child.send_signal(s) if child.poll() is None else None)

    session = Session(key=conn["key"].encode(), signature_scheme=conn.get("signature_scheme", "hmac-sha256"))
    running = {}  # parent msg_id -> parent header of an execute_request that is busy
    last_parent = None
    while True:
        if sub.poll(200):
            frames = sub.recv_multipart()
            pub.send_multipart(frames)
            try:
                i = frames.index(b"<IDS|MSG>")
                header = json.loads(frames[i + 2])
                parent = json.loads(frames[i + 3])
                if header.get("msg_type") == "status" and parent.get("msg_type") == "execute_request":
                    state = json.loads(frames[i + 5]).get("execution_state")
                    if state == "busy":
                        running[parent["msg_id"]] = parent
                        last_parent = parent
                    elif state == "idle":
                        running.pop(parent["msg_id"], None)
                elif header.get("msg_type") in ("stream", "error"):
                    # a refused allocation: on stderr from tslab itself, or as an error message from the course's
                    # kernel wrapper (scripts/tslab-kernel.js sends a failed cell's error that way)
                    content = json.loads(frames[i + 5])
                    said = (content.get("text", "") if content.get("name") == "stderr" else
                            "\n".join([content.get("evalue", "")] + list(content.get("traceback", []))))
                    if REFUSED_ALLOCATION.search(said):
                        text = (f"Your kernel ran out of its {memory_gb:g} GB memory limit while running this cell: "
                                f"the allocation was refused. The kernel is still running; use less data, or free "
                                f"big variables you no longer need (set them to null).\n")
                        session.send(pub, "stream", {"name": "stderr", "text": text}, parent=parent,
                                     ident=b"kernel.oom.stream")
            except (ValueError, IndexError, KeyError):
                pass
            continue
        code = child.poll()
        if code is None:
            continue
        time.sleep(0.3)  # let the stderr pump read the last words
        # Killed for memory: SIGKILL while the cgroup's OOM-kill count went up (another kernel of the same student
        # ending at that moment for another reason is not SIGKILLed), or V8's own out-of-memory words on stderr.
        killed_by_cgroup = code == -signal.SIGKILL and oom_kills(cgroup) > kills_before
        out_of_memory = killed_by_cgroup or bool(OOM_TEXT.search(bytes(tail)))
        if out_of_memory:
            text = (f"Your kernel ran out of its {memory_gb:g} GB memory limit and was stopped. "
                    f"Nothing else on the classroom server was affected. The kernel restarts by itself: run "
                    f"the cells again, with less data in memory (smaller arrays, fewer samples, or "
                    f"free big variables you no longer need).")
            sys.stderr.write("kernel_launcher: " + text + "\n")
            targets = list(running.values()) or ([last_parent] if last_parent else [None])
            time.sleep(0.2)
            for parent in targets:
                session.send(pub, "error", {"ename": "OutOfMemory", "evalue": text, "traceback": [text]},
                             parent=parent, ident=b"kernel.oom.error")
                session.send(pub, "stream", {"name": "stderr", "text": text + "\n"}, parent=parent,
                             ident=b"kernel.oom.stream")
                session.send(pub, "status", {"execution_state": "idle"}, parent=parent,
                             ident=b"kernel.oom.status")
            # Deliver them before this process ends: the notebook server notices the kernel's death only when this
            # launcher exits (its restarter polls the launcher's process), so the student's error output reaches the
            # notebook before the "kernel restarting" status. Closing with a linger flushes the PUB socket.
            time.sleep(0.5)
            pub.close(linger=3000)
            sub.close(linger=0)
            ctx.term()
        try:
            os.unlink(inner_file)
        except OSError:
            pass
        sys.exit(code if code >= 0 else 128 - code)


if __name__ == "__main__":
    main()
