import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PLOTLY_NBEXTENSION_MODULE,
  UNTRUSTED_PLOT_NOTE,
  escapeHtml,
  jsonForScript,
  plotDivHtml,
  plotlyLoaderHtml,
  plotlyScriptSource,
  toPlainJson,
} from '../../lib/plots/html';

const XSS = ['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', '"><svg onload=alert(1)>', "'; alert(1); '"];

describe('escapeHtml', () => {
  it('replaces the five HTML-special characters by entities', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('leaves no markup in XSS-style strings', () => {
    for (const s of XSS) {
      const out = escapeHtml(s);
      assert.ok(!/[<>"']/.test(out), `unescaped character left in ${out}`);
    }
  });
  it('converts non-strings with String()', () => {
    assert.equal(escapeHtml(3.5), '3.5');
    assert.equal(escapeHtml(null), 'null');
  });
});

describe('jsonForScript', () => {
  it('writes <, >, &, U+2028 and U+2029 as \\u escapes', () => {
    assert.equal(jsonForScript({ t: '</script>&\u2028\u2029' }), '{"t":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}');
  });
  it('keeps the value: parsing the output gives the input back', () => {
    const value = { title: XSS.join(' '), n: [1, 2.5, -3], nested: { a: 'ä\u2028' } };
    assert.deepEqual(JSON.parse(jsonForScript(value)), value);
  });
  it('turns typed arrays into plain arrays', () => {
    assert.equal(jsonForScript({ y: new Float64Array([1, 2]) }), '{"y":[1,2]}');
  });
});

describe('toPlainJson', () => {
  it('turns NaN into null and typed arrays into arrays', () => {
    assert.deepEqual(toPlainJson({ y: new Float32Array([1, NaN]) }), { y: [1, null] });
  });
});

describe('plotlyScriptSource', () => {
  it('contains neither "</script" nor "<!--", so it cannot break out of a <script> element', () => {
    const src = plotlyScriptSource();
    assert.ok(src.length > 1_000_000, 'the Plotly bundle should be several MB');
    assert.ok(!/<\/script/i.test(src));
    assert.ok(!src.includes('<!--'));
  });
  it('is still valid JavaScript after the rewriting', () => {
    assert.doesNotThrow(() => new Function(plotlyScriptSource()));
  });
});

describe('plotlyLoaderHtml', () => {
  it('by default is a small loader that asks RequireJS for the notebook extension, without the library', () => {
    const html = plotlyLoaderHtml();
    assert.ok(html.length < 2000, `loader is ${html.length} characters`);
    assert.ok(html.includes(JSON.stringify(PLOTLY_NBEXTENSION_MODULE)));
    assert.match(html, /__fcnnPlotlyQueue/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.doesNotThrow(() => new Function(html.replace(/<\/?script[^>]*>/g, '')));
  });
  it('with inline: true carries the library and defines window.Plotly only when it is missing', () => {
    const html = plotlyLoaderHtml({ inline: true });
    assert.ok(html.length > 1_000_000);
    assert.match(html, /if \(!window\.Plotly\)/);
    assert.match(html, /__fcnnPlotlyQueue/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.equal((html.match(/<\/script>/g) ?? []).length, 1);
  });
});

describe('plotDivHtml', () => {
  const fig = { data: [{ type: 'bar', x: XSS, y: [1, 2, 3, 4], name: XSS[1] }], layout: { title: { text: XSS[0] + XSS[1] } } };
  const html = plotDivHtml(fig, { id: 'p-1', height: 300 });

  it('contains exactly one script element, however hostile the figure text is', () => {
    assert.equal((html.match(/<script/gi) ?? []).length, 1);
    assert.equal((html.match(/<\/script/gi) ?? []).length, 1);
  });
  it('never puts a raw "<" from the figure into the page', () => {
    const script = html.slice(html.indexOf('<script'), html.lastIndexOf('</script>'));
    assert.ok(!script.slice(8).includes('<img'));
    assert.ok(!script.slice(8).includes('<svg'));
  });
  it('carries the figure so the browser gets back exactly the original text', () => {
    const m = /var fig = (.*);\n/.exec(html);
    assert.ok(m);
    const parsed = JSON.parse(m[1]);
    assert.equal(parsed.layout.title.text, XSS[0] + XSS[1]);
    assert.deepEqual(parsed.data[0].x, XSS);
  });
  it('escapes the element id in the attribute', () => {
    const h = plotDivHtml(fig, { id: 'a"b' });
    assert.match(h, /id="a&quot;b"/);
  });
  it('uses the given height and the full width by default', () => {
    assert.match(html, /style="width:100%;height:300px;"/);
  });
  it('says how to trust the notebook when its script does not run (what an untrusted notebook shows)', () => {
    // classic Notebook and JupyterLab sanitise an untrusted output: scripts go, the markup and its text stay
    const sanitized = html.replace(/<script[\s\S]*?<\/script>/gi, '');
    assert.ok(sanitized.includes(escapeHtml(UNTRUSTED_PLOT_NOTE)));
    assert.match(UNTRUSTED_PLOT_NOTE, /File → Trust Notebook/);
    assert.match(UNTRUSTED_PLOT_NOTE, /re-run the cell/);
  });
  it('does not embed Plotly.js, and loads it through RequireJS when the page lacks it', () => {
    assert.ok(html.length < 5000, `plot HTML is ${html.length} characters`);
    assert.ok(html.includes(JSON.stringify(PLOTLY_NBEXTENSION_MODULE)));
  });
});
