// Fault-rule path patterns: literal pieces, `*`, `^`/`$` anchors, nothing that can backtrack.
import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_LENGTH, compilePathPattern } from '../../../src/simulator/path-pattern';
import type { PathPattern } from '../../../src/simulator/path-pattern';

function pattern(source: string): PathPattern {
  const result = compilePathPattern(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.pattern;
}

describe('compilePathPattern', () => {
  it.each([
    ['/events', '/ucwa/oauth/v1/applications/1/events', true],
    ['/events', '/ucwa/oauth/v1/applications/1/me', false],
    ['/messaging/messages$', '/x/conversations/c1/messaging/messages', true],
    ['/messaging/messages$', '/x/conversations/c1/messaging/messages/3', false],
    ['^/ucwa/oauth/v1/applications$', '/ucwa/oauth/v1/applications', true],
    ['^/ucwa/oauth/v1/applications$', '/ucwa/oauth/v1/applications/7', false],
    ['^/ucwa/oauth/v1/applications$', '/x/ucwa/oauth/v1/applications', false],
    ['/conversations/*/messaging$', '/a/conversations/c7f2/messaging', true],
    ['/conversations/*/messaging$', '/a/conversations/c7f2/messaging/terminate', false],
    ['^/a*b*c$', '/abc', true],
    ['^/a*b*c$', '/a-x-b-y-c', true],
    ['^/a*b*c$', '/a-x-c-y-b', false],
    ['^/ab*ba$', '/aba', false],
    ['^/ab*ba$', '/abba', true],
    ['^/x*ab*b$', '/xab', false],
    ['^/x*ab*b$', '/xabb', true],
    ['*', '/anything', true],
    ['', '/anything', true],
    ['^$', '', true],
    ['/EVENTS', '/app/events', true],
    ['/batch$', '/app/Batch', true],
  ])('%s against %s → %s', (source, path, expected) => {
    expect(pattern(source).matches(path)).toBe(expected);
  });

  it.each(['^(([a-z])+.)+[A-Z]([a-z])+$', '(a+)+$', '/events|/me', '/a\\d', '/[ab]', '/x{2}', '/a?', '/a$/b', '/a^b'])('refuses regular-expression syntax: %s', (source) => {
    const result = compilePathPattern(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'invalid-path-pattern', message: expect.stringContaining('regular expressions are not accepted') });
  });

  it('refuses patterns longer than the cap', () => {
    expect(compilePathPattern(`/${'a'.repeat(MAX_PATTERN_LENGTH)}`).ok).toBe(false);
    expect(compilePathPattern(`/${'a'.repeat(MAX_PATTERN_LENGTH - 1)}`).ok).toBe(true);
  });

  it('a star-heavy pattern against a long path answers without backtracking', () => {
    const worst = pattern(`^${'*a'.repeat(60)}*b$`);
    const path = 'a'.repeat(100_000);
    const since = performance.now();
    expect(worst.matches(path)).toBe(false);
    expect(worst.matches(`${path}b`)).toBe(true);
    expect(performance.now() - since).toBeLessThan(1_000);
  });
});
