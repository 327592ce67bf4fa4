"""Writes the worked solutions as site pages and points the site's notebook links at pages.

Started by scripts/solution-pages.js (which finds the right Python and the project-local Jupyter folders).
Reuses execute / export_html / copy_mathjax of scripts/run-notebooks.py, so solution pages look like the course's.

  solution-pages.py --site DIR [--timeout S]
"""

import argparse
import glob
import html
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

_spec = importlib.util.spec_from_file_location("run_notebooks", os.path.join(HERE, "run-notebooks.py"))
rn = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rn)

# href="…x.ipynb" or href="…x.ipynb#anchor" with a relative target (no scheme, not starting with /)
NOTEBOOK_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#]*?)\.ipynb(#[^"]*)?"', re.I)


def link_pages(site):
    """Rewrites relative .ipynb links to .html where that page exists; returns (changed, missing) counts."""
    changed = 0
    missing = []
    pages = glob.glob(os.path.join(site, "*.html")) + glob.glob(os.path.join(site, "solutions", "*.html"))
    for page in pages:
        with open(page, encoding="utf-8") as f:
            text = f.read()

        def fix(m):
            nonlocal changed
            target = os.path.normpath(os.path.join(os.path.dirname(page), html.unescape(m.group(1)) + ".html"))
            if not os.path.isfile(target):
                missing.append("%s → %s.ipynb" % (os.path.relpath(page, site), m.group(1)))
                return m.group(0)
            changed += 1
            return 'href="%s.html%s"' % (m.group(1), m.group(2) or "")

        new = NOTEBOOK_HREF.sub(fix, text)
        if new != text:
            with open(page, "w", encoding="utf-8") as f:
                f.write(new)
    return changed, missing


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--lang", choices=["en", "zh"], default="en", help="zh: notebooks/zh/solutions, pages in DIR (site/zh)")
    ap.add_argument("--source", help="the folder of solution notebooks (default notebooks/solutions or notebooks/zh/solutions)")
    ap.add_argument("--sources-root", help="the solutions are staged copies under this folder (npm run site)")
    args = ap.parse_args()
    rn.SOURCES_ROOT["value"] = args.sources_root
    site = args.site
    zh = args.lang == "zh"
    rn.LANG["value"] = args.lang
    out_dir = os.path.join(site, "solutions")
    os.makedirs(out_dir, exist_ok=True)
    # The zh site (site/zh) uses the English site's assets one folder up.
    mathjax = rn.copy_mathjax(os.path.dirname(os.path.abspath(site)) if zh else site)
    mathjax_url = ("../../" if zh else "../") + mathjax if mathjax else None
    failed = 0
    source = args.source or (os.path.join(ROOT, "notebooks", "zh", "solutions") if zh else os.path.join(ROOT, "notebooks", "solutions"))
    for path in sorted(glob.glob(os.path.join(source, "*.ipynb"))):
        name = os.path.basename(path)
        stem = name[:-6]
        print("running %ssolutions/%s ..." % ("zh/" if zh else "", name), flush=True)
        log = os.path.join(ROOT, "artifacts", "untranslated", "solutions-" + name + ".txt") if zh else None
        nb, seconds, failures = rn.execute(path, args.timeout, log)
        for index, cell, message in failures:
            where = ("cell %s" % index if index is not None else "its outputs") if cell is None else "cell %d (%s)" % (index, rn.first_line(cell))
            print("FAIL solutions/%s, %s:\n  %s" % (name, where, message.replace("\n", "\n  ")), flush=True)
        if failures:
            failed += 1
            continue
        title = rn.notebook_title(nb, stem)
        ui = rn.UI[args.lang]
        nav = rn.switch_html("solutions/%s.html" % stem, up="../") + (
            '<a href="../index.html">%s</a> &middot; <a href="../%s.html">&larr; %s</a>' % (ui["index"], html.escape(stem), ui["back"]))
        body = rn.export_html(nb, title, nav, mathjax_url)
        with open(os.path.join(out_dir, stem + ".html"), "w", encoding="utf-8") as f:
            f.write(body)
        print("ok   solutions/%s in %.1f s; wrote %s" % (name, seconds, os.path.join(out_dir, stem + ".html")), flush=True)
    changed, missing = link_pages(site)
    print("linked %d notebook link(s) to their pages" % changed, flush=True)
    for m in missing:
        print("solution-pages: no page for the link %s" % m, file=sys.stderr, flush=True)
    return 1 if failed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
