// The security lint (eslint.config.js) over the extension and the analysis core: no HTML built
// from strings, no eval. Also proves the rules bite, so this test cannot pass by linting nothing.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

describe('security lint', () => {
  it('finds no HTML built from strings and no eval in extension/ and model/', async () => {
    const results = await eslint.lintFiles(['extension', 'model']);
    expect(results.length).toBeGreaterThan(40);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(ROOT.length + 1)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  }, 120_000);

  it.each([
    ['innerHTML', 'export function f(el: HTMLElement, s: string): void { el.innerHTML = s; }', 'no-unsanitized/property'],
    ['insertAdjacentHTML', 'export function f(el: HTMLElement, s: string): void { el.insertAdjacentHTML("beforeend", s); }', 'no-unsanitized/method'],
    ['outerHTML', 'export function f(el: HTMLElement, s: string): void { el.outerHTML = s; }', 'no-unsanitized/property'],
    ['document.write', 'export function f(s: string): void { document.write(s); }', 'no-restricted-properties'],
    ['eval', 'export function f(s: string): unknown { return eval(s); }', 'no-eval'],
    ['Function', 'export function f(s: string): unknown { return new Function(s); }', 'no-new-func'],
    ['setTimeout with a string', 'export function f(): void { setTimeout("run()", 1); }', 'no-implied-eval'],
    ['dangerouslySetInnerHTML', 'export const C = ({ s }: { s: string }) => <div dangerouslySetInnerHTML={{ __html: s }} />;', 'no-restricted-syntax'],
    ['DOMParser', 'export function f(s: string): Document { return new DOMParser().parseFromString(s, "text/html"); }', 'no-restricted-syntax'],
  ])('refuses %s', async (_name, code, rule) => {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'extension', 'lint-probe.tsx') });
    expect(result.messages.map((m) => m.ruleId)).toContain(rule);
  });
});
