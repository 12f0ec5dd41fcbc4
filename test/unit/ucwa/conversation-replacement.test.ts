// An add that meets a vanished conversation waits to hear which conference replaced it (§6.8):
// told when the derivation arrives (through chains of them), not told when none does, and let go
// when the client drops everything.
import { describe, expect, it } from 'vitest';
import { MessagingState } from '../../../src/main/ucwa/messaging-state';

describe('waiting for a derived conversation', () => {
  it('hears the replacement when it arrives, following a chain of them', async () => {
    const state = new MessagingState(() => undefined);
    const waiting = state.replacementOf('c1', 5_000);
    state.noteReplacement('c2', 'c3');
    state.noteReplacement('c1', 'c2');
    expect(await waiting).toBe('c3');
    // Already known: at once.
    expect(await state.replacementOf('c1', 0)).toBe('c3');
    expect(state.liveId('c1')).toBe('c3');
  });

  it('gives up when none comes, and when everything is dropped', async () => {
    const state = new MessagingState(() => undefined);
    expect(await state.replacementOf('c1', 20)).toBeUndefined();
    const dropped = state.replacementOf('c4', 60_000);
    state.clear();
    expect(await dropped).toBeUndefined();
    // Nobody left waiting: a later replacement tells no one and breaks nothing.
    state.noteReplacement('c4', 'c5');
    expect(state.liveId('c4')).toBe('c5');
  });
});
