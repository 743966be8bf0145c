/**
 * The shared UI pieces, rendered to HTML as the server would: what assistive
 * technology gets from each (pressed state, legend, hints read along, alerts),
 * and that each look is written once — a copy of a pill, button or alert
 * style pasted into another component fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SettingForm, SettingInput } from '@/components/settings/setting-form';
import { ErrorWithRetry } from '../error-with-retry';
import { PillGroup } from '../pill-group';
import { ALERT, PILL_BUTTON, PRIMARY_BUTTON, SECONDARY_BUTTON } from '../styles';

const noop = () => {};

/** The opening tags of every element of `tag` in the markup. */
function tags(html: string, tag: string): string[] {
  return html.match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? [];
}

function attribute(tag: string | undefined, name: string): string | undefined {
  return tag?.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

describe('PillGroup', () => {
  const html = renderToStaticMarkup(
    createElement(PillGroup<'mock' | 'real'>, { legend: 'Backend', options: ['mock', { value: 'real', label: 'real API' }], value: 'real', onChange: noop, hint: 'The Todoist API.' }),
  );

  it('is a fieldset named by its legend, its hint read with it', () => {
    expect(html).toMatch(/^<fieldset[^>]*><legend[^>]*>Backend<\/legend>/);
    const hintId = attribute(tags(html, 'fieldset')[0], 'aria-describedby');
    expect(hintId).toBeTruthy();
    expect(html).toContain(`id="${hintId}" class="mt-1 text-sm text-muted">The Todoist API.</p>`);
  });

  it('has one button per choice, exactly the chosen one pressed, labelled as given', () => {
    const buttons = tags(html, 'button');
    expect(buttons.map((button) => attribute(button, 'aria-pressed'))).toEqual(['false', 'true']);
    expect(buttons.every((button) => attribute(button, 'type') === 'button' && attribute(button, 'class') === PILL_BUTTON)).toBe(true);
    expect(html).toContain('>mock</button>');
    expect(html).toContain('>real API</button>');
  });

  it('disables every choice at once through the fieldset', () => {
    const off = renderToStaticMarkup(createElement(PillGroup<'a'>, { legend: 'L', options: ['a'], value: 'a', onChange: noop, disabled: true }));
    expect(tags(off, 'fieldset')[0]).toContain('disabled=""');
  });

  it('lists choices that have a description, each button described by its own line', () => {
    const listed = renderToStaticMarkup(
      createElement(PillGroup<'slow' | 'down'>, {
        legend: 'The upstream is…',
        options: [
          { value: 'slow', description: 'Every response is delayed.' },
          { value: 'down', description: 'No HTTP answer at all.' },
        ],
        value: 'slow',
        onChange: noop,
      }),
    );
    expect(tags(listed, 'li')).toHaveLength(2);
    for (const [index, button] of tags(listed, 'button').entries()) {
      const describedBy = attribute(button, 'aria-describedby');
      expect(listed).toContain(`id="${describedBy}" class="mt-1 text-sm leading-snug text-muted">${['Every response is delayed.', 'No HTTP answer at all.'][index]}</p>`);
    }
  });
});

describe('ErrorWithRetry', () => {
  it('announces what failed and why as one alert, with the retry button after it', () => {
    const html = renderToStaticMarkup(createElement(ErrorWithRetry, { title: 'The examples could not be made.', detail: 'HTTP 500', retryLabel: 'Try again', onRetry: noop }));
    expect(html).toMatch(new RegExp(`<div role="alert" class="${ALERT}"><p class="font-semibold">The examples could not be made.</p><p[^>]*>HTTP 500</p></div><button`));
    expect(tags(html, 'button')[0]).toContain(`class="${SECONDARY_BUTTON}"`);
    expect(html).toContain('>Try again</button>');
  });

  it('cannot be clicked twice while the retry is under way', () => {
    const html = renderToStaticMarkup(createElement(ErrorWithRetry, { title: 't', detail: 'd', retryLabel: 'Check again', onRetry: noop, retrying: true }));
    expect(tags(html, 'button')[0]).toContain('disabled=""');
  });
});

describe('SettingForm', () => {
  const form = (props: Partial<Parameters<typeof SettingForm>[0]>) =>
    renderToStaticMarkup(
      createElement(SettingForm, {
        heading: 'Todoist API base URL',
        saved: undefined,
        nothingSaved: 'nothing (the default applies)',
        savedTestId: 'saved-base-url',
        override: undefined,
        field: createElement(SettingInput, { label: 'Base URL', hint: 'Where the API is.', value: 'https://x.test', onValue: noop }),
        onSubmit: noop,
        submit: { label: 'Save base URL', disabled: false },
        undo: { label: 'Reset to default', onClick: noop, disabled: true },
        done: '',
        error: undefined,
        ...props,
      }),
    );

  it('is a section named by its heading, saying what is saved under its test id', () => {
    const html = form({});
    const labelledBy = attribute(tags(html, 'section')[0], 'aria-labelledby');
    expect(html).toContain(`<h2 id="${labelledBy}" class="text-xl font-semibold">Todoist API base URL</h2>`);
    expect(html).toMatch(/data-testid="saved-base-url"[^>]*>Saved on this page: <span[^>]*>nothing \(the default applies\)<\/span>/);
    expect(form({ saved: '••••1234' })).toContain('Saved on this page: <code class="font-mono break-all">••••1234</code>');
  });

  it('labels its input and reads the hint with it', () => {
    const html = form({});
    const input = tags(html, 'input')[0];
    expect(html).toContain(`<label for="${attribute(input, 'id')}"`);
    expect(html).toContain(`id="${attribute(input, 'aria-describedby')}" class="mt-1 text-sm text-muted">Where the API is.</p>`);
  });

  it('has the save and undo buttons in their looks, and no save button when saving is off', () => {
    const [save, undo] = tags(form({}), 'button');
    expect(save).toContain(`type="submit"`);
    expect(save).toContain(`class="${PRIMARY_BUTTON}"`);
    expect(undo).toContain(`class="${SECONDARY_BUTTON}"`);
    expect(undo).toContain('disabled=""');
    expect(tags(form({ submit: undefined }), 'button')).toHaveLength(1);
  });

  it('announces a save as a status and a failure as an alert', () => {
    expect(form({ done: 'Base URL saved.' })).toContain('<p role="status" class="text-base font-medium">Base URL saved.</p>');
    expect(form({})).not.toContain('role="alert"');
    expect(form({ error: 'must be an http(s) URL' })).toContain(`<p role="alert" class="${ALERT}">must be an http(s) URL</p>`);
  });
});

describe('each look is written once', () => {
  const ROOT = join(__dirname, '../../..');
  const SOURCES = ['components', 'app'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
  const OWN = join(ROOT, 'components/ui/styles.ts');

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(path);
      return /\.tsx?$/.test(entry.name) ? [path] : [];
    });
  }

  // A distinctive run of each look's classes: a pasted copy carries it, even with a class or two changed around it.
  const SIGNATURES = {
    'the pill button': 'aria-pressed:bg-accent aria-pressed:font-semibold',
    'the primary button': 'bg-accent px-5 py-2',
    'the secondary button': 'border-accent px-5 py-2',
    'the alert': 'border-2 border-danger bg-surface',
  };

  for (const [look, signature] of Object.entries(SIGNATURES)) {
    it(`${look} is only in components/ui/styles.ts`, () => {
      const copies = SOURCES.filter((path) => path !== OWN && readFileSync(path, 'utf8').includes(signature));
      expect(copies.map((path) => relative(ROOT, path))).toEqual([]);
    });
  }

  it('the signatures match the styles they stand for', () => {
    expect(PILL_BUTTON).toContain(SIGNATURES['the pill button']);
    expect(PRIMARY_BUTTON).toContain(SIGNATURES['the primary button']);
    expect(SECONDARY_BUTTON).toContain(SIGNATURES['the secondary button']);
    expect(ALERT).toContain(SIGNATURES['the alert']);
  });
});
