#!/bin/sh
# Runs as the student (JupyterHub's LocalProcessSpawner has already switched to their system user and home).
# 1. ~/node_modules points at the classroom's shared, read-only packages (the lib's dependencies, tslab), so the
#    course copy's dist/ finds mathjs and Plotly without a per-student install;
# 2. nbgitpuller brings the course copy up to date (first login: a fresh clone; later: a merge that keeps the
#    student's edits, by nbgitpuller's rules) — the same pull the hub's start page runs via /git-pull;
# 3. the Jupyter single-user server (classic Notebook 6, see JUPYTERHUB_SINGLEUSER_APP) takes over.
umask 077
if [ ! -e "$HOME/node_modules" ] || [ -L "$HOME/node_modules" ]; then
  ln -sfn "$FCNN_RUNTIME/node_modules" "$HOME/node_modules"
fi
# The course repository belongs to root; git (2.35.2+) only reads another user's repository when told it is safe.
repo_path="${FCNN_COURSE_REPO#file://}"
if ! git config --global --get-all safe.directory 2>/dev/null | grep -qxF "$repo_path"; then
  git config --global --add safe.directory "$repo_path"
fi
if ! /usr/bin/python3 -c "from nbgitpuller.pull import main; main()" "$FCNN_COURSE_REPO" "$FCNN_COURSE_BRANCH" "$HOME/$FCNN_COURSE_DIR" \
    >"$HOME/.course-update.log" 2>&1; then
  echo "classroom: updating the course copy failed; see ~/.course-update.log" >&2
fi
exec /usr/bin/jupyterhub-singleuser "$@"
