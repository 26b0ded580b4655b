// The bundled face, so Japanese in the descriptions shows on machines without a Japanese system font.
import '@fontsource/noto-sans-jp/500.css';
import { paramDocList } from '../theme/param-docs.ts';
import { PARAM_GROUPS, PARAM_NAMES, type ParamName } from '../theme/params-schema.ts';
import { resolveLook } from '../theme/resolve-theme.ts';
import { fromOverlayUrl, paramTexts } from '../theme/url.ts';
import { readControls, type ControlTexts } from './builder-state.ts';
import { createControl, type Control } from './controls.ts';

/**
 * The URL builder page: controls generated from the parameter schema, a live preview of the overlay (fed by
 * the simulator under `npm run dev` / `npm start`), the URL for OBS with a Copy button, and warnings for
 * values the overlay would refuse. The overlay is served from the same directory as this page.
 */
const OVERLAY_BASE = new URL('./', location.href).href;
/** The preview reloads the overlay at most this often while a slider moves. */
const PREVIEW_DEBOUNCE_MS = 350;

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`builder.html lacks #${id}`);
  return found as T;
}

const form = byId<HTMLFormElement>('controls');
const urlBox = byId<HTMLInputElement>('overlay-url');
const copyButton = byId<HTMLButtonElement>('copy');
const copyStatus = byId<HTMLElement>('copy-status');
const problemList = byId<HTMLUListElement>('problems');
const preview = byId<HTMLIFrameElement>('preview');
const pasteBox = byId<HTMLInputElement>('paste-url');
const pasteStatus = byId<HTMLElement>('paste-status');
const backdrop = byId<HTMLSelectElement>('backdrop');

const controls = new Map<ParamName, Control>();
let previewTimer = 0;
let lastParams: unknown = null;

function currentTexts(): ControlTexts {
  const texts: ControlTexts = {};
  for (const [name, control] of controls) texts[name] = control.read();
  return texts;
}

/** Reads every control with the overlay's parser, then shows the URL, the warnings and (soon) the preview. */
function refresh(): void {
  const { parsed, url } = readControls(currentTexts(), OVERLAY_BASE);
  lastParams = parsed.params;
  urlBox.value = url;
  copyStatus.textContent = '';
  for (const [name, control] of controls) control.showProblem(parsed.problems.find((problem) => problem.param === name) ?? null);
  const { colors } = resolveLook({ ...parsed.params, accent: null, text: null, panel: null });
  controls.get('accent')?.showPresetValue(colors.accent);
  controls.get('text')?.showPresetValue(colors.text);
  controls.get('panel')?.showPresetValue(colors.panel);
  problemList.replaceChildren(
    ...parsed.problems.map((problem) => {
      const item = document.createElement('li');
      item.textContent = `${problem.param} = “${problem.value}” ${problem.reason}; the overlay would use ${problem.fallback}.`;
      return item;
    }),
  );
  problemList.hidden = parsed.problems.length === 0;
  window.clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => {
    if (preview.dataset['url'] !== url) {
      preview.dataset['url'] = url;
      preview.src = url;
    }
  }, PREVIEW_DEBOUNCE_MS);
}

function buildForm(): void {
  for (const group of PARAM_GROUPS) {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = group;
    fieldset.append(legend);
    for (const doc of paramDocList().filter((d) => d.group === group)) {
      const control = createControl(doc, refresh);
      controls.set(doc.name, control);
      fieldset.append(control.element);
    }
    form.append(fieldset);
  }
}

/** Loads an overlay URL a producer already has (from OBS) into the controls, saying what it refused. */
function loadUrl(text: string): void {
  let parsed;
  try {
    parsed = fromOverlayUrl(new URL(text.trim(), OVERLAY_BASE));
  } catch {
    pasteStatus.textContent = 'That is not a URL.';
    return;
  }
  const texts = paramTexts(parsed.params);
  for (const name of PARAM_NAMES) controls.get(name)?.write(texts[name]);
  const refused = parsed.problems.length + parsed.unlistedProblems;
  pasteStatus.textContent = refused === 0 ? 'Loaded.' : `Loaded; ${refused} value(s) refused: ${parsed.problems.map((p) => p.param).join(', ')} (defaults used).`;
  refresh();
}

async function copyUrl(): Promise<void> {
  try {
    await navigator.clipboard.writeText(urlBox.value);
  } catch {
    // Older browsers and plain-http pages: select the text and use the legacy command.
    urlBox.select();
    document.execCommand('copy');
  }
  copyStatus.textContent = 'Copied: paste it into the OBS browser source (1920×1080).';
}

buildForm();
copyButton.addEventListener('click', () => void copyUrl());
byId<HTMLFormElement>('paste-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadUrl(pasteBox.value);
});
byId<HTMLButtonElement>('reset').addEventListener('click', () => {
  for (const control of controls.values()) control.write(control.doc.defaultText);
  refresh();
});
backdrop.addEventListener('change', () => void (document.body.dataset['backdrop'] = backdrop.value));
form.addEventListener('submit', (event) => event.preventDefault());
if (location.search) loadUrl(`${OVERLAY_BASE}${location.search}`);
else refresh();

/** For tests: the controls by parameter, and the URL shown. */
declare global {
  interface Window {
    __builder?: { url(): string; params(): unknown; set(name: ParamName, text: string): void };
  }
}
window.__builder = {
  url: () => urlBox.value,
  params: () => lastParams,
  set: (name, text) => {
    controls.get(name)?.write(text);
    refresh();
  },
};
