/**
 * A figure's visible text in the current language (see ../language.ts): titles, axis titles, tick labels given as
 * text, legend names and titles, annotations, colour-bar titles, hover templates' words, and the labels of play
 * buttons and sliders, in the layout, the traces and every animation frame. Numbers and data stay as they are.
 */
import { getLanguage, translate } from '../language';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** title may be a string or { text }. */
function localizeTitle(owner: Json, key = 'title'): void {
  const t = owner[key];
  if (typeof t === 'string') owner[key] = translate(t);
  else if (isObject(t) && typeof t.text === 'string') owner[key] = { ...t, text: translate(t.text) };
}

function localizeAxis(axis: Json): Json {
  const out = { ...axis };
  localizeTitle(out);
  if (Array.isArray(out.ticktext)) out.ticktext = out.ticktext.map((t) => (typeof t === 'string' ? translate(t) : t));
  if (typeof out.ticksuffix === 'string') out.ticksuffix = translate(out.ticksuffix);
  return out;
}

function localizeColorbar(owner: Json): void {
  if (isObject(owner.colorbar)) {
    const bar = { ...owner.colorbar };
    localizeTitle(bar);
    owner.colorbar = bar;
  }
}

/** Only the words of a hover template: %{…} placeholders are kept. */
function localizeTemplate(template: string): string {
  return template
    .split(/(%\{[^}]*\}|<br>|<extra>.*?<\/extra>)/)
    .map((part) => (part.startsWith('%{') || part === '<br>' || part.startsWith('<extra>') ? part : translate(part)))
    .join('');
}

export function localizeTrace(trace: Json): Json {
  const out = { ...trace };
  if (typeof out.name === 'string') out.name = translate(out.name);
  if (isObject(out.legendgrouptitle)) localizeTitle(out, 'legendgrouptitle');
  if (typeof out.hovertemplate === 'string') out.hovertemplate = localizeTemplate(out.hovertemplate);
  if (typeof out.text === 'string') out.text = translate(out.text);
  else if (Array.isArray(out.text) && out.text.length <= 200 && out.text.every((t) => typeof t === 'string')) {
    out.text = (out.text as string[]).map(translate);
  }
  localizeColorbar(out);
  if (isObject(out.marker)) {
    const marker = { ...out.marker };
    localizeColorbar(marker);
    out.marker = marker;
  }
  // heatmap categories (a confusion matrix's class names)
  for (const key of ['x', 'y'] as const) {
    const v = out[key];
    if (Array.isArray(v) && v.length <= 50 && v.length > 0 && v.every((s) => typeof s === 'string')) out[key] = (v as string[]).map(translate);
  }
  return out;
}

export function localizeLayout(layout: Json): Json {
  const out = { ...layout };
  localizeTitle(out);
  // an animation frame's layout update: { 'title.text': … }
  if (typeof out['title.text'] === 'string') out['title.text'] = translate(out['title.text']);
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (!isObject(value)) continue;
    if (/^[xyz]axis\d*$/.test(key)) out[key] = localizeAxis(value);
    else if (/^scene\d*$/.test(key)) {
      const scene = { ...value };
      for (const axis of ['xaxis', 'yaxis', 'zaxis']) if (isObject(scene[axis])) scene[axis] = localizeAxis(scene[axis] as Json);
      out[key] = scene;
    } else if (key === 'legend') {
      const legend = { ...value };
      localizeTitle(legend);
      out[key] = legend;
    } else if (/^coloraxis\d*$/.test(key)) {
      const axis = { ...value };
      localizeColorbar(axis);
      out[key] = axis;
    }
  }
  if (Array.isArray(out.annotations)) {
    out.annotations = out.annotations.map((a) => (isObject(a) && typeof a.text === 'string' ? { ...a, text: translate(a.text) } : a));
  }
  if (Array.isArray(out.updatemenus)) {
    out.updatemenus = out.updatemenus.map((menu) =>
      isObject(menu) && Array.isArray(menu.buttons)
        ? { ...menu, buttons: menu.buttons.map((b) => (isObject(b) ? localizeStep(b) : b)) }
        : menu,
    );
  }
  if (Array.isArray(out.sliders)) {
    out.sliders = out.sliders.map((slider) => {
      if (!isObject(slider)) return slider;
      const s = { ...slider };
      if (isObject(s.currentvalue) && typeof s.currentvalue.prefix === 'string') {
        s.currentvalue = { ...s.currentvalue, prefix: translate(s.currentvalue.prefix) };
      }
      if (Array.isArray(s.steps)) s.steps = s.steps.map((step) => (isObject(step) ? localizeStep(step) : step));
      return s;
    });
  }
  return out;
}

/** A button or slider step: its label, and the frame data and layout it applies (args). */
function localizeStep(step: Json): Json {
  const out = { ...step };
  if (typeof out.label === 'string') out.label = translate(out.label);
  if (Array.isArray(out.args)) out.args = out.args.map(localizeFrameLike);
  return out;
}

function localizeFrameLike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(localizeFrameLike);
  if (!isObject(value)) return value;
  const out: Json = { ...value };
  if (Array.isArray(out.data)) out.data = out.data.map((t) => (isObject(t) ? localizeTrace(t) : t));
  if (isObject(out.layout)) out.layout = localizeLayout(out.layout);
  if (typeof out['title.text'] === 'string') out['title.text'] = translate(out['title.text']);
  if (Array.isArray(out.name)) out.name = out.name.map((n) => (typeof n === 'string' ? translate(n) : n));
  return out;
}

/** The figure with its visible text translated (the same object in English). */
export function localizeFigure<T extends { data?: unknown; layout?: unknown; frames?: unknown }>(figure: T): T {
  if (getLanguage() === 'en') return figure;
  const out: Json = { ...(figure as unknown as Json) };
  if (Array.isArray(out.data)) out.data = out.data.map((t) => (isObject(t) ? localizeTrace(t) : t));
  if (isObject(out.layout)) out.layout = localizeLayout(out.layout);
  if (Array.isArray(out.frames)) out.frames = out.frames.map(localizeFrameLike);
  return out as unknown as T;
}
