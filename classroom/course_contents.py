# Notebook 6's contents manager, with one addition for the classroom: a notebook of the student's course copy that
# a course update changed stays trusted. nbgitpuller merges the lecturer's update into the student's saved
# notebook; the merged file no longer matches the signature the student's server gave it, so Jupyter would treat
# it as untrusted and every plot would turn into "This plot is drawn by JavaScript … Trust Notebook". Here such a
# notebook is signed for the student (what `jupyter trust` does) when it is opened, if git tracks it in the course
# copy: it then holds only the lecturer's published text and the student's own work. A notebook the student put
# there from elsewhere (untracked), or anywhere outside the course copy, keeps Jupyter's usual rules.
# It also tells the student which cells an update did not bring in because they had changed them too
# (course_conflicts.py): the list travels in the notebook's metadata as `fcnn_update_report`, which the course's
# notebook extension shows once and removes before anything is saved.
# Loaded in every student's single-user server through --NotebookApp.contents_manager_class (jupyterhub_config.py).
import os
import subprocess

from notebook.services.contents.largefilemanager import LargeFileManager

import course_conflicts


class CourseContentsManager(LargeFileManager):
    def get(self, path, content=True, type=None, format=None):
        course_notebook = content and type in (None, "notebook") and path.endswith(".ipynb")
        if course_notebook:
            try:
                self.trust_course_notebook(path)
            except Exception as err:  # never stand between a student and their notebook
                self.log.warning("classroom: could not check the signature of %s: %s", path, err)
        model = super().get(path, content=content, type=type, format=format)
        if course_notebook and model.get("type") == "notebook":
            try:
                self.add_update_report(path, model)
            except Exception as err:
                self.log.warning("classroom: could not compare %s with the course's update: %s", path, err)
        return model

    def add_update_report(self, path, model):
        """Puts the cells that the latest course update did not bring in into the model's metadata."""
        course = os.environ.get("FCNN_COURSE_DIR", "").strip("/")
        rel = path.strip("/")
        if not course or not rel.startswith(course + "/"):
            return
        report = course_conflicts.update_report(self._get_os_path(course), rel[len(course) + 1:])
        if report and report["cells"]:
            model["content"]["metadata"]["fcnn_update_report"] = report

    def trust_course_notebook(self, path):
        """Signs `path` (an API path) for the student when it is an untrusted notebook tracked in the course copy."""
        course = os.environ.get("FCNN_COURSE_DIR", "").strip("/")
        rel = path.strip("/")
        if not course or not rel.startswith(course + "/"):
            return False
        os_path = self._get_os_path(rel)
        if not os.path.isfile(os_path):
            return False
        nb = self._read_notebook(os_path, as_version=4)
        if self.notary.check_signature(nb):
            return False
        repo = self._get_os_path(course)
        tracked = subprocess.run(["git", "-C", repo, "ls-files", "--error-unmatch", "--", os.path.relpath(os_path, repo)],
                                 capture_output=True, timeout=20)
        if tracked.returncode != 0:
            return False
        self.notary.sign(nb)
        self.log.info("classroom: signed %s for the student (a course update changed it)", rel)
        return True
