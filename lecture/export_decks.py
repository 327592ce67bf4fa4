"""Turns executed course notebooks into reveal.js slide decks (started by lecture/build.js; not run by hand).

  export_decks.py --out DIR --executed DIR NOTEBOOK_NAME...

For each notebook it writes DIR/NN-name.html with nbconvert's SlidesExporter and the template in
lecture/templates/fcnn-deck (reveal.js, MathJax and Plotly.js from DIR/assets, nothing from the network), then
DIR/index.html and DIR/decks.json (per deck: file, title, slide, notes and figure counts).
Cells are grouped by Jupyter's slide metadata (`slideshow.slide_type`: slide, subslide, fragment, skip, notes), the
markup RISE reads too. A notebook without any slide markup is refused: it would become one endless slide.
"""

import argparse
import html
import importlib.util
import json
import os
import re
import shutil
import sys

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Code shown on a slide: up to 14 lines, or up to 6 above a figure (the figure needs the room); longer code is
# left out of the slide with a note, and stays in the notebook.
MAX_CODE_LINES = 14
MAX_CODE_LINES_WITH_FIGURE = 6
PLOTLY_MIME = "application/vnd.plotly.v1+json"
# An animated figure's play button: Plotly.animate arguments inside the figure's JSON.
ANIMATE = re.compile(r'"method":\s*"animate"')


def is_plot_output(out):
    """A plot output: Plotly JSON, or (large figures are sent as HTML only) the course's plot box in the HTML."""
    data = out.get("data", {})
    html_out = data.get("text/html")
    html_text = "".join(html_out) if isinstance(html_out, list) else (html_out or "")
    return PLOTLY_MIME in data or 'class="fcnn-plot"' in html_text


def load_runner():
    """scripts/run-notebooks.py as a module: the site's title reader and MathJax copy are reused, not copied."""
    spec = importlib.util.spec_from_file_location("run_notebooks", os.path.join(ROOT, "scripts", "run-notebooks.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def slide_type(cell):
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")


def deck_counts(nb):
    """Slides as reveal counts them (every slide and subslide; the first cell always opens one), notes, figures."""
    slides = 0
    notes = 0
    figures = 0
    animated = 0
    first = True
    for cell in nb.cells:
        t = slide_type(cell)
        if t == "skip":
            continue
        if t == "notes":
            notes += 1
            continue
        if first or t in ("slide", "subslide"):
            slides += 1
        first = False
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                fig = out.get("data", {}).get(PLOTLY_MIME)
                html_out = out.get("data", {}).get("text/html")
                html_text = "".join(html_out) if isinstance(html_out, list) else (html_out or "")
                if fig is not None:
                    figures += 1
                    menus = (fig.get("layout") or {}).get("updatemenus") or []
                    if any(b.get("method") == "animate" for m in menus for b in m.get("buttons", [])):
                        animated += 1
                elif 'class="fcnn-plot"' in html_text:
                    # a large figure is sent as HTML only (lib/plots/show.ts, PLOTLY_JSON_LIMIT)
                    figures += 1
                    if ANIMATE.search(html_text):
                        animated += 1
    return {"slides": slides, "notes": notes, "figures": figures, "animated": animated}


def copy_assets(out_dir, runner):
    assets = os.path.join(out_dir, "assets")
    reveal = os.path.join(ROOT, "node_modules", "reveal.js")
    if not os.path.isfile(os.path.join(reveal, "dist", "reveal.js")):
        raise SystemExit("slides: reveal.js is not installed (node_modules/reveal.js); run `npm install`")
    target = os.path.join(assets, "reveal", "dist")
    if os.path.isdir(target):
        shutil.rmtree(target)
    os.makedirs(os.path.join(target, "plugin"), exist_ok=True)
    for name in ("reveal.js", "reveal.css", "reset.css"):
        shutil.copyfile(os.path.join(reveal, "dist", name), os.path.join(target, name))
    shutil.copytree(os.path.join(reveal, "dist", "theme"), os.path.join(target, "theme"))
    shutil.copyfile(os.path.join(reveal, "dist", "plugin", "notes.js"), os.path.join(target, "plugin", "notes.js"))
    plotly = os.path.join(ROOT, "node_modules", "plotly.js-dist-min", "plotly.min.js")
    shutil.copyfile(plotly, os.path.join(assets, "plotly.min.js"))
    for name in ("deck.css", "deck.js", "deck-plots.js"):
        shutil.copyfile(os.path.join(HERE, "templates", name), os.path.join(assets, name))
    return runner.copy_mathjax(out_dir)


# The Plotly loader that show() puts into the first figure of a kernel session (lib/plots/html.ts ends it with this
# comment): the deck loads Plotly.js once from assets/, so the 5 MB inline copy is left out.
LOADER = re.compile(r'<script type="text/javascript">\n\(function \(\) \{\n  if \(!window\.Plotly\).*?</script>\n<!-- fcnn: Plotly\.js [^>]*-->', re.S)


def prepare_cells(nb):
    """Drops the inline Plotly loader and marks the cells that show a figure (for the template's code rule)."""
    for cell in nb.cells:
        cell.metadata["fcnn_has_plot"] = any(is_plot_output(out) for out in cell.get("outputs", []))
        for out in cell.get("outputs", []):
            html_out = out.get("data", {}).get("text/html")
            if isinstance(html_out, str) and "<!-- fcnn: Plotly.js" in html_out:
                out["data"]["text/html"] = LOADER.sub("", html_out)


UI = {
    "en": {"elided": "code: N lines, in the notebook", "switch_lang": "zh", "switch_dir": "zh/", "switch_label": "中文",
           "title": "Fully connected neural networks: lecture slides",
           "intro": "One deck per notebook. Everything works offline. In a deck: <kbd>→</kbd>/<kbd>space</kbd> next, "
                    "<kbd>S</kbd> speaker view (notes, timer, next slide), <kbd>F</kbd> full screen, <kbd>Esc</kbd> overview. "
                    "Figures with ▶ play or sliders move in the browser.",
           "row": "%d slides, %d with speaker notes, %d figures", "pdf": "PDF handout"},
    "zh": {"elided": "代码共 N 行，见笔记本", "switch_lang": "en", "switch_dir": "../", "switch_label": "English",
           "title": "全连接神经网络：课堂幻灯片",
           "intro": "每个笔记本一套幻灯片，全部可离线使用。放映时：<kbd>→</kbd>/<kbd>空格</kbd> 下一页，"
                    "<kbd>S</kbd> 演讲者视图（备注、计时器、下一页），<kbd>F</kbd> 全屏，<kbd>Esc</kbd> 总览。"
                    "带 ▶ 播放按钮或滑块的图可在浏览器中动起来。",
           "row": "%d 页，%d 页带演讲备注，%d 幅图", "pdf": "PDF 讲义"},
}
LANG = {"value": "en"}


def export_deck(nb, title, mathjax_url, deck):
    from nbconvert import SlidesExporter

    exporter = SlidesExporter(
        extra_template_basedirs=[os.path.join(HERE, "templates")],
        template_name="fcnn-deck",
        reveal_url_prefix="assets/reveal",
        reveal_theme="white",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    nb.metadata["title"] = title
    prepare_cells(nb)
    body, _ = exporter.from_notebook_node(
        nb,
        resources={
            "metadata": {"name": title},
            "fcnn_mathjax_url": mathjax_url,
            "fcnn_max_code_lines": MAX_CODE_LINES,
            "fcnn_max_code_lines_with_figure": MAX_CODE_LINES_WITH_FIGURE,
            "fcnn_deck_json": json.dumps(deck).replace("<", "\\u003c"),
            "fcnn_elided": UI[LANG["value"]]["elided"],
            "fcnn_switch_lang": UI[LANG["value"]]["switch_lang"],
            "fcnn_switch_label": UI[LANG["value"]]["switch_label"],
            "fcnn_switch_href": UI[LANG["value"]]["switch_dir"] + deck["file"],
        },
    )
    return body


def write_index(out_dir, decks):
    ui = UI[LANG["value"]]
    rows = "\n".join(
        '<li><a href="%s">%s</a> — %s (<a href="%s">%s</a>)</li>'
        % (html.escape(d["file"]), html.escape(d["title"]), ui["row"] % (d["slides"], d["notes"], d["figures"]), html.escape(d["pdf"]), ui["pdf"])
        for d in decks
    )
    switch = '<a class="fcnn-lang" hreflang="%s" lang="%s" href="%sindex.html" style="float:right">%s</a>' % (
        ui["switch_lang"], ui["switch_lang"], ui["switch_dir"], ui["switch_label"])
    text = (
        '<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>%s</title>\n'
        "<style>body{font-family:sans-serif;max-width:820px;margin:40px auto;line-height:1.6}kbd{border:1px solid #aaa;"
        "border-radius:3px;padding:0 4px}</style></head>\n<body>%s<h1>%s</h1>\n"
        "<p>%s</p>\n<ol>\n%s\n</ol></body></html>\n" % (LANG["value"], ui["title"], switch, ui["title"], ui["intro"], rows)
    )
    with open(os.path.join(out_dir, "index.html"), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--executed", required=True)
    ap.add_argument("--lang", choices=["en", "zh"], default="en", help="the edition (zh: notebooks/zh, decks in slides/zh)")
    ap.add_argument("notebooks", nargs="+", help="notebook file names (e.g. 01-the-neuron.ipynb)")
    args = ap.parse_args()
    LANG["value"] = args.lang
    runner = load_runner()
    os.makedirs(args.out, exist_ok=True)
    mathjax_url = copy_assets(args.out, runner)
    decks = []
    failed = False
    for name in args.notebooks:
        path = os.path.join(args.executed, name)
        nb = nbformat.read(path, as_version=4)
        stem = os.path.splitext(name)[0]
        marked = [c for c in nb.cells if slide_type(c) in ("slide", "subslide")]
        if not marked:
            print(
                "slides: FAIL %s has no slide markup (no cell with metadata slideshow.slide_type 'slide' or 'subslide'); "
                "mark it up first (View > Cell Toolbar > Slideshow in Jupyter)" % name,
                file=sys.stderr,
            )
            failed = True
            continue
        title = runner.notebook_title(nb, stem)
        deck = dict(deck_counts(nb), file=stem + ".html", pdf=stem + ".pdf", notebook=name, title=title)
        body = export_deck(nb, title, mathjax_url, deck)
        with open(os.path.join(args.out, deck["file"]), "w", encoding="utf-8") as f:
            f.write(body)
        print("slides: wrote %s (%d slides, %d notes, %d figures)" % (deck["file"], deck["slides"], deck["notes"], deck["figures"]), flush=True)
        decks.append(deck)
    write_index(args.out, decks)
    with open(os.path.join(args.out, "decks.json"), "w", encoding="utf-8") as f:
        json.dump(decks, f, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
