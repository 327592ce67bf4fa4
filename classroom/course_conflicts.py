# Which cells of a student's notebook a course update did not bring in, because the student had changed them too.
# nbgitpuller merges each course update into the student's copy with `git merge -Xours`: where both changed the
# same lines, the student's version wins, silently. This module finds, for the latest update that changed a
# notebook, the cells that both the student and the update changed (by cell id, against the version both started
# from), and whether the student's version was kept or the two were combined.
#   - course_contents.py calls update_report() when the student opens a notebook; the notebook extension
#     (scripts/student-runtime.js) shows the cells to the student once;
#   - `npm run classroom -- conflicts` runs this file as root over every student's copy: a summary for the lecturer.
# Usage: course_conflicts.py REPO [REPO …]   (prints one JSON line per repository)
import json
import os
import subprocess
import sys


def git(repo, *args):
    r = subprocess.run(["git", "-c", "safe.directory=*", "-C", repo, *args], capture_output=True, text=True, timeout=30)
    return r.stdout if r.returncode == 0 else None


def cells_of(repo, rev, rel):
    text = git(repo, "show", f"{rev}:{rel}")
    if text is None:
        return None
    try:
        nb = json.loads(text)
    except ValueError:
        return None
    out = {}
    for i, c in enumerate(nb.get("cells", [])):
        src = c.get("source", "")
        out[c.get("id", f"#{i}")] = (i, "".join(src) if isinstance(src, list) else src)
    return out


def differing_line(text, other, n=70):
    """The first non-blank line of `text` that `other` does not have (else its first line), cut to n characters."""
    lines = [l for l in text.splitlines() if l.strip()]
    others = set(other.splitlines())
    line = next((l for l in lines if l not in others), lines[0] if lines else "")
    return line if len(line) <= n else line[: n - 1] + "…"


def update_report(repo, rel, merges=10):
    """For notebook `rel` (relative to the repository): the latest course update (a merge) that changed it, and the
    cells both sides changed. Returns {update, cells: [{index, id, kept, yours, course}]} or None."""
    heads = git(repo, "rev-list", "--merges", f"-n{merges}", "HEAD")
    if not heads:
        return None
    for merge in heads.split():
        parents = (git(repo, "rev-parse", f"{merge}^1", f"{merge}^2") or "").split()
        if len(parents) != 2:
            continue
        ours, theirs = parents
        base = (git(repo, "merge-base", ours, theirs) or "").strip()
        if not base:
            continue
        changed = git(repo, "diff", "--name-only", base, theirs, "--", rel)
        if not changed or not changed.strip():
            continue  # this update did not change the notebook; look at an earlier one
        b, o, t, m = (cells_of(repo, rev, rel) for rev in (base, ours, theirs, merge))
        if None in (b, o, t, m):
            return None
        cells = []
        for cid, (_, theirs_src) in t.items():
            if cid not in b or cid not in o or cid not in m:
                continue
            base_src, ours_src = b[cid][1], o[cid][1]
            if theirs_src != base_src and ours_src != base_src and ours_src != theirs_src:
                merged_src = m[cid][1]
                cells.append({"index": m[cid][0] + 1, "id": cid, "kept": merged_src == ours_src,
                              "yours": differing_line(ours_src, theirs_src),
                              "course": differing_line(theirs_src, ours_src)})
        return {"update": merge[:8], "cells": sorted(cells, key=lambda c: c["index"])}
    return None


def summary(repo):
    """Every notebook of the repository with cells that the latest update changing it did not bring in."""
    files = git(repo, "ls-files", "*.ipynb") or ""
    out = {}
    for rel in files.split("\n"):
        if not rel:
            continue
        rep = update_report(repo, rel)
        if rep and rep["cells"]:
            out[rel] = rep
    return out


if __name__ == "__main__":
    for repo in sys.argv[1:]:
        print(json.dumps({"repo": repo, "notebooks": summary(repo) if os.path.isdir(repo) else None}))
