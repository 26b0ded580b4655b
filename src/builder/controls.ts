import { LANGUAGE_NAMES } from '../i18n/language-names.ts';
import { canonicalHex, toRgba, withoutAlpha } from '../overlay/theme/color.ts';
import type { ParamDoc } from '../overlay/theme/param-docs.ts';
import type { ParamProblem } from '../overlay/theme/parse-params.ts';

/**
 * One form control per URL parameter, made from its ParamDoc (so from the schema): a select for words, a
 * colour picker with opacity for colours, a slider for numbers, checkboxes for on/off and for sets, a text
 * box for ids and URLs. Each reads and writes the text the parameter has in a URL.
 * Every text reaches the page through textContent or value: nothing from a URL is ever parsed as markup.
 */
export interface Control {
  readonly doc: ParamDoc;
  readonly element: HTMLElement;
  /** The URL text of the control's value ('' for "the default"). */
  read(): string;
  /** Sets the control from a URL text (as `paramTexts` spells it). */
  write(text: string): void;
  /** Shows what the overlay would refuse about this value, or clears it. */
  showProblem(problem: ParamProblem | null): void;
  /** What "preset" stands for now (colours: the preset's own, `#rrggbb[aa]`), so a change starts from it. */
  showPresetValue(hex: string): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

interface Input {
  readonly nodes: Node[];
  read(): string;
  write(text: string): void;
  showPresetValue?(hex: string): void;
}

/** A language is offered in its own words beside its tag: `ko · 한국어`. */
function optionLabel(doc: ParamDoc, option: string): string {
  const name = doc.name === 'lang' ? LANGUAGE_NAMES[option as keyof typeof LANGUAGE_NAMES] : undefined;
  return name ? `${option} · ${name}` : option;
}

function selectInput(doc: ParamDoc, id: string, onChange: () => void): Input {
  const select = element('select', { id });
  for (const option of doc.options) select.append(element('option', { value: option, textContent: optionLabel(doc, option) }));
  select.addEventListener('change', onChange);
  return { nodes: [select], read: () => select.value, write: (text) => void (select.value = text) };
}

function switchInput(id: string, onChange: () => void): Input {
  const box = element('input', { id, type: 'checkbox' });
  box.addEventListener('change', onChange);
  return { nodes: [box], read: () => (box.checked ? 'on' : 'off'), write: (text) => void (box.checked = text === 'on') };
}

function numberInput(doc: ParamDoc, id: string, onChange: () => void): Input {
  const range = element('input', { id, type: 'range', min: String(doc.min), max: String(doc.max), step: String(doc.step ?? 'any') });
  const shown = element('output');
  const sync = () => void (shown.textContent = range.value);
  range.addEventListener('input', () => {
    sync();
    onChange();
  });
  return {
    nodes: [range, shown],
    read: () => range.value,
    write: (text) => {
      range.value = text;
      sync();
    },
  };
}

function multiInput(doc: ParamDoc, id: string, onChange: () => void): Input {
  const boxes = doc.options.map((option) => {
    const box = element('input', { type: 'checkbox', value: option, id: `${id}-${option}` });
    box.addEventListener('change', onChange);
    return { option, box, label: element('label', { htmlFor: box.id, className: 'choice' }, box, document.createTextNode(option)) };
  });
  return {
    nodes: boxes.map(({ label }) => label),
    read: () => boxes.filter(({ box }) => box.checked).map(({ option }) => option).join(','),
    write: (text) => {
      const chosen = text.split(',');
      for (const { option, box } of boxes) box.checked = chosen.includes(option);
    },
  };
}

/** A colour picker (no alpha in HTML), an opacity slider, and "the preset's own" as a checkbox. */
function colorInput(id: string, onChange: () => void): Input {
  const usePreset = element('input', { type: 'checkbox', id: `${id}-preset`, checked: true });
  const picker = element('input', { id, type: 'color', value: '#ff5c7a' });
  const opacity = element('input', { type: 'range', min: '0', max: '100', step: '1', value: '100', title: 'opacity' });
  const shown = element('output', { textContent: '100%' });
  const sync = () => {
    picker.disabled = opacity.disabled = usePreset.checked;
    shown.textContent = `${opacity.value}%`;
  };
  const show = (hex: string) => {
    picker.value = withoutAlpha(hex);
    opacity.value = String(Math.round(toRgba(hex).alpha * 100));
  };
  for (const input of [usePreset, picker, opacity]) {
    input.addEventListener('input', () => {
      sync();
      onChange();
    });
  }
  sync();
  return {
    nodes: [element('label', { htmlFor: usePreset.id, className: 'choice' }, usePreset, document.createTextNode('preset')), picker, opacity, shown],
    read: () => {
      if (usePreset.checked) return 'preset';
      const alpha = Math.round((Number(opacity.value) / 100) * 255);
      return canonicalHex(`${picker.value}${alpha.toString(16).padStart(2, '0')}`).slice(1);
    },
    write: (text) => {
      usePreset.checked = text === 'preset';
      if (text !== 'preset') show(`#${text}`);
      sync();
    },
    showPresetValue: (hex) => {
      if (!usePreset.checked) return;
      show(hex);
      sync();
    },
  };
}

function textInput(doc: ParamDoc, id: string, onChange: () => void): Input {
  const box = element('input', { id, type: 'text', placeholder: doc.defaultText, spellcheck: false, autocomplete: 'off' });
  box.addEventListener('input', onChange);
  return {
    nodes: [box],
    read: () => box.value.trim(),
    write: (text) => void (box.value = text === doc.defaultText ? '' : text),
  };
}

function inputFor(doc: ParamDoc, id: string, onChange: () => void): Input {
  switch (doc.control) {
    case 'select':
      return selectInput(doc, id, onChange);
    case 'switch':
      return switchInput(id, onChange);
    case 'number':
      return numberInput(doc, id, onChange);
    case 'multi':
      return multiInput(doc, id, onChange);
    case 'color':
      return colorInput(id, onChange);
    case 'text':
      return textInput(doc, id, onChange);
  }
}

export function createControl(doc: ParamDoc, onChange: () => void): Control {
  const id = `param-${doc.name}`;
  const input = inputFor(doc, id, onChange);
  const problem = element('p', { className: 'problem', hidden: true });
  const field = element(
    'div',
    { className: `field field-${doc.control}` },
    element('label', { htmlFor: id, className: 'name', textContent: doc.name }),
    element('div', { className: 'inputs' }, ...input.nodes),
    element('p', { className: 'hint', textContent: doc.description }),
    problem,
  );
  field.dataset['param'] = doc.name;
  input.write(doc.defaultText);
  return {
    doc,
    element: field,
    read: input.read,
    write: input.write,
    showPresetValue: (hex) => input.showPresetValue?.(hex),
    showProblem(found) {
      problem.hidden = found === null;
      problem.textContent = found ? `The overlay would refuse “${found.value}”: it ${found.reason}. Allowed: ${found.allowed}. It would use ${found.fallback}.` : '';
      field.classList.toggle('has-problem', found !== null);
    },
  };
}
