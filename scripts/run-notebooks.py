"""Execute course notebooks top to bottom in a fresh tslab kernel each, with Jupyter's own client (nbclient).

Started by scripts/run-notebooks.js (which finds the right Python and sets the project-local Jupyter folders);
not meant to be run by hand.

  run-notebooks.py [--timeout S] [--site DIR] [--summary FILE] [--executed DIR] [--lang en|zh] NOTEBOOK...

- With --lang zh (the Chinese edition, notebooks/zh/): a notebook also fails when its code showed text that has no
  Chinese message (the library records such text in the file named by FCNN_UNTRANSLATED_LOG); the site's pages
  are Chinese and link to their English twins one folder up, as the English pages link to zh/.

- Validates each notebook against the nbformat schema first.
- Fails (exit 1) on any error: a cell that raised or failed to compile, an `error` output, or a cell timeout.
  The message names the notebook and the cell (index and first source line).
- Prints each notebook's run time.
- With --site DIR, writes each executed notebook as an HTML page that works offline (Plotly.js from
  DIR/assets/plotly.min.js, loaded in each page's <head>, since plot outputs do not carry it; MathJax from
  DIR/assets/mathjax, without automatic line-breaking so formulas in tables stay on one line) and DIR/index.html.
- With --summary FILE, writes JSON: per notebook its run time and the number of Plotly outputs.
- With --executed DIR, writes each executed notebook (with its outputs) to DIR/<name>.ipynb, for builders that
  turn executed notebooks into something else (lecture/build.js makes the slide decks from them).
"""

import argparse
import html
import json
import os
import re
import shutil
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

KERNEL_NAME = "tslab"
PLOTLY_MIME = "application/vnd.plotly.v1+json"


def first_line(cell):
    for line in cell.source.splitlines():
        if line.strip():
            return line.strip()[:100]
    return "(empty cell)"


def error_outputs(nb):
    """(cell index, cell, message) for every error output."""
    found = []
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append((index, cell, "%s: %s" % (out.get("ename"), out.get("evalue"))))
    return found


def count_plots(nb):
    return sum(
        1
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if out.get("output_type") in ("display_data", "execute_result") and is_plot(out.get("data", {}))
    )


def is_plot(data):
    """A plot output: Plotly JSON, or (large figures are sent as HTML only) the course's plot box in the HTML."""
    html_text = data.get("text/html", "")
    if isinstance(html_text, list):
        html_text = "".join(html_text)
    return PLOTLY_MIME in data or 'class="fcnn-plot"' in html_text


def stderr_of(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr")


def error_text_of(cell):
    """What the cell's error output shows (the course kernel reports a failed cell as an `error` output)."""
    return "\n".join("\n".join(o.get("traceback", [])) for o in cell.get("outputs", []) if o.get("output_type") == "error")


# --sources-root DIR: the notebooks given are copies staged under DIR with the course's layout (npm run site stages
# the committed notebooks there, scripts/site-sources.js); each runs with its kernel in the course's own folder.
SOURCES_ROOT = {"value": None}


def run_dir_of(path):
    """The folder a notebook's kernel runs in: its own, or for a staged copy the course folder it stands for."""
    folder = os.path.dirname(os.path.abspath(path))
    staged = SOURCES_ROOT["value"]
    if staged:
        rel = os.path.relpath(folder, os.path.abspath(staged))
        if not rel.startswith(".."):
            return os.path.normpath(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), rel))
    return folder


def execute(path, timeout, untranslated_log=None):
    """Runs one notebook; returns (nb, seconds, failures)."""
    nb = nbformat.read(path, as_version=4)
    if untranslated_log:
        os.makedirs(os.path.dirname(untranslated_log), exist_ok=True)
        open(untranslated_log, "w").close()
        os.environ["FCNN_UNTRANSLATED_LOG"] = untranslated_log
    nbformat.validate(nb)
    state = {"index": None}

    def on_cell_start(cell, cell_index):
        state["index"] = cell_index

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL_NAME,
        resources={"metadata": {"path": run_dir_of(path)}},
        allow_errors=False,
        record_timing=False,
        on_cell_start=on_cell_start,
    )
    failures = []
    start = time.monotonic()
    try:
        client.execute()
    except CellTimeoutError:
        i = state["index"]
        failures.append((i, nb.cells[i], "cell timed out after %d s" % timeout))
    except DeadKernelError as err:
        i = state["index"]
        failures.append((i, nb.cells[i] if i is not None else None, "kernel died: %s" % err))
    except CellExecutionError as err:
        i = state["index"]
        cell = nb.cells[i]
        detail = error_text_of(cell).strip() or stderr_of(cell).strip() or str(err).strip().splitlines()[-1]
        failures.append((i, cell, detail))
    seconds = time.monotonic() - start
    for index, cell, message in error_outputs(nb):
        if not any(f[0] == index for f in failures):
            failures.append((index, cell, message))
    if untranslated_log:
        os.environ.pop("FCNN_UNTRANSLATED_LOG", None)
        with open(untranslated_log, encoding="utf-8") as f:
            missing = sorted(set(json.loads(line) for line in f if line.strip()))
        if missing:
            failures.append((None, None, "%d text(s) the code showed have no Chinese message; add them to the notebook's "
                             "\"messages\" in notebooks/zh/translations/ (numbers as {}):\n%s"
                             % (len(missing), "\n".join(json.dumps(m, ensure_ascii=False) for m in missing))))
    return nb, seconds, failures


def notebook_title(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                m = re.match(r"^#\s+(.+)$", line.strip())
                if m:
                    return re.sub(r"[*_`]", "", m.group(1)).strip()
    return fallback


SITE_TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}
{%- if resources.fcnn_mathjax_url -%}
<script src="{{ resources.fcnn_mathjax_url }}"></script>
<script type="text/x-mathjax-config">
MathJax.Hub.Config({
  tex2jax: { inlineMath: [['$', '$'], ['\\(', '\\)']], displayMath: [['$$', '$$'], ['\\[', '\\]']], processEscapes: true, processEnvironments: true },
  displayAlign: 'center',
  CommonHTML: { linebreaks: { automatic: false } },
  'HTML-CSS': { linebreaks: { automatic: false } },
  SVG: { linebreaks: { automatic: false } }
});
</script>
{%- endif -%}
{%- if resources.fcnn_plotly_url -%}
<script src="{{ resources.fcnn_plotly_url }}"></script>
{%- endif -%}
{%- endblock html_head_js_mathjax -%}
{%- block body_header -%}
{{ super() }}
<nav class="fcnn-nav" style="font-family:sans-serif;padding:8px 16px;border-bottom:1px solid #ddd">
{{ resources.fcnn_nav }}
</nav>
{%- endblock body_header -%}
"""

MATHJAX_PARTS = [
    "MathJax.js",
    "config/TeX-AMS_CHTML-full.js",
    "config/Safe.js",
    "extensions",
    "jax/input/TeX",
    "jax/output/CommonHTML",
    "jax/element",
    "fonts/HTML-CSS/TeX/woff",
    "localization/en",
]


def find_mathjax():
    candidates = []
    try:
        import notebook

        candidates.append(os.path.join(os.path.dirname(notebook.__file__), "static", "components", "MathJax"))
    except Exception:
        pass
    candidates += ["/usr/share/javascript/mathjax", "/usr/share/mathjax"]
    for c in candidates:
        if os.path.isfile(os.path.join(c, "MathJax.js")):
            return c
    return None


def copy_mathjax(site_dir):
    source = find_mathjax()
    if source is None:
        print("site: MathJax 2 not found: formulas stay as LaTeX text in the pages", file=sys.stderr)
        return None
    target = os.path.join(site_dir, "assets", "mathjax")
    for part in MATHJAX_PARTS:
        src = os.path.join(source, part)
        dst = os.path.join(target, part)
        if os.path.isdir(src):
            shutil.copytree(src, dst, dirs_exist_ok=True)
        elif os.path.isfile(src):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(src, dst)
    return "assets/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"


def copy_plotly(site_dir):
    """Copies the installed Plotly.js to DIR/assets/plotly.min.js; returns its URL relative to the pages."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node_modules", "plotly.js-dist-min", "plotly.min.js")
    if not os.path.isfile(source):
        raise SystemExit("site: %s is missing (run npm install)" % os.path.normpath(source))
    os.makedirs(os.path.join(site_dir, "assets"), exist_ok=True)
    shutil.copyfile(source, os.path.join(site_dir, "assets", "plotly.min.js"))
    return "assets/plotly.min.js"


def export_html(nb, title, nav, mathjax_url, plotly_url=None):
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"fcnn_site.html.j2": SITE_TEMPLATE})],
        template_file="fcnn_site.html.j2",
    )
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(
        nb,
        resources={"fcnn_nav": nav, "fcnn_mathjax_url": mathjax_url, "fcnn_plotly_url": plotly_url, "metadata": {"name": title}},
    )
    return body


def link_pages(body, page_of):
    """Links between notebooks ("see 04-loss-mse.ipynb") point at their pages on the site."""

    def replace(m):
        page = page_of.get(html.unescape(m.group(2)))
        return m.group(1) + page + m.group(3) if page else m.group(0)

    return re.sub(r'(href=")([^"/#:]+\.ipynb)((?:#[^"]*)?")', replace, body)


UI = {
    "en": {"index": "Course index", "back": "back to the notebook", "other": "中文", "other_lang": "zh", "other_dir": "zh/", "title": "Fully connected neural networks",
           "page_title": "Fully connected neural networks: course",
           "intro": "Every notebook of the course, executed. The pages work offline and the plots are interactive."},
    "zh": {"index": "课程目录", "back": "返回正文", "other": "English", "other_lang": "en", "other_dir": "../", "title": "全连接神经网络",
           "page_title": "全连接神经网络：课程",
           "intro": "课程的全部笔记本，均已运行。页面可离线使用，图表可交互。"},
}
LANG = {"value": "en"}


def switch_html(page, up=""):
    """The language switch: the same page in the other edition (`page` relative to the edition's site folder,
    `up` the way from the current page to that folder, e.g. "../" from a solutions page)."""
    ui = UI[LANG["value"]]
    return '<a class="fcnn-lang" hreflang="%s" lang="%s" href="%s%s%s" style="float:right">%s</a>' % (
        ui["other_lang"], ui["other_lang"], up, ui["other_dir"], html.escape(page), ui["other"])


def nav_html(pages, i):
    links = ['<a href="index.html">%s</a>' % UI[LANG["value"]]["index"]]
    if i > 0:
        links.append('<a href="%s">&larr; %s</a>' % (html.escape(pages[i - 1][1]), html.escape(pages[i - 1][2])))
    if i + 1 < len(pages):
        links.append('<a href="%s">%s &rarr;</a>' % (html.escape(pages[i + 1][1]), html.escape(pages[i + 1][2])))
    return switch_html(pages[i][1]) + " &middot; ".join(links)


def write_index(site_dir, pages):
    items = "\n".join(
        '<li><a href="%s">%s</a> <small>(%s)</small></li>' % (html.escape(p[1]), html.escape(p[2]), html.escape(p[0]))
        for p in pages
    )
    ui = UI[LANG["value"]]
    text = (
        "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>%s</title>\n"
        "<style>body{font-family:sans-serif;max-width:760px;margin:40px auto;line-height:1.6}</style></head>\n"
        "<body>%s<h1>%s</h1>\n"
        "<p>%s</p>\n"
        "<ol>\n%s\n</ol></body></html>\n" % (LANG["value"], ui["page_title"], switch_html("index.html"), ui["title"], ui["intro"], items)
    )
    with open(os.path.join(site_dir, "index.html"), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    ap.add_argument("--site", help="write HTML pages and index.html to this folder")
    ap.add_argument("--summary", help="write a JSON summary to this file")
    ap.add_argument("--executed", help="write each executed notebook to this folder")
    ap.add_argument("--lang", choices=["en", "zh"], default="en", help="the edition the notebooks belong to")
    ap.add_argument("--sources-root", help="the notebooks are staged copies under this folder (see run_dir_of)")
    ap.add_argument("notebooks", nargs="+")
    args = ap.parse_args()
    LANG["value"] = args.lang
    SOURCES_ROOT["value"] = args.sources_root

    results = []
    failed = 0
    executed = []
    for path in args.notebooks:
        name = os.path.basename(path)
        print("running %s ..." % name, flush=True)
        try:
            log = None
            if args.lang == "zh":
                log = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "artifacts", "untranslated",
                                   os.path.basename(os.path.dirname(path)) + "-" + name + ".txt")
            nb, seconds, failures = execute(path, args.timeout, log)
        except nbformat.ValidationError as err:
            print("FAIL %s: not valid nbformat: %s" % (name, str(err).splitlines()[0]), flush=True)
            failed += 1
            results.append({"notebook": name, "ok": False, "seconds": 0, "plots": 0})
            continue
        plots = count_plots(nb)
        for index, cell, message in failures:
            where = ("cell %s" % index if index is not None else "its outputs") if cell is None else "cell %d (%s)" % (index, first_line(cell))
            print("FAIL %s, %s:\n  %s" % (name, where, message.replace("\n", "\n  ")), flush=True)
        ok = not failures
        failed += 0 if ok else 1
        print("%s %s in %.1f s (%d cells, %d plot outputs)" % ("ok  " if ok else "FAIL", name, seconds, len(nb.cells), plots), flush=True)
        results.append({"notebook": name, "ok": ok, "seconds": round(seconds, 2), "plots": plots})
        executed.append((path, nb))
        if args.executed and ok:
            os.makedirs(args.executed, exist_ok=True)
            nbformat.write(nb, os.path.join(args.executed, name))

    if args.site and failed == 0:
        os.makedirs(args.site, exist_ok=True)
        for old in os.listdir(args.site):
            if old.endswith(".html"):
                os.remove(os.path.join(args.site, old))
        if args.lang == "zh":
            # The zh pages use the English site's assets, one folder up (site/zh/ next to site/assets/).
            parent = os.path.dirname(os.path.abspath(args.site))
            mathjax_url = copy_mathjax(parent)
            mathjax_url = mathjax_url and "../" + mathjax_url
            plotly_url = "../" + copy_plotly(parent)
        else:
            mathjax_url = copy_mathjax(args.site)
            plotly_url = copy_plotly(args.site)
        pages = []
        for path, nb in executed:
            stem = os.path.splitext(os.path.basename(path))[0]
            pages.append((os.path.basename(path), stem + ".html", notebook_title(nb, stem), nb))
        page_of = {name: page for (name, page, _, _) in pages}
        for i, (name, page, title, nb) in enumerate(pages):
            body = link_pages(export_html(nb, title, nav_html(pages, i), mathjax_url, plotly_url), page_of)
            with open(os.path.join(args.site, page), "w", encoding="utf-8") as f:
                f.write(body)
            print("wrote %s" % os.path.join(args.site, page), flush=True)
        write_index(args.site, pages)
        print("wrote %s" % os.path.join(args.site, "index.html"), flush=True)
        for r, p in zip(results, pages):
            r["page"] = p[1]
            r["title"] = p[2]

    if args.summary:
        os.makedirs(os.path.dirname(os.path.abspath(args.summary)), exist_ok=True)
        with open(args.summary, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    total = sum(r["seconds"] for r in results)
    print("%d notebook(s), %d failed, %.1f s in total" % (len(results), failed, total), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
