import { describe, expect, it } from 'vitest';
import { UcwaError } from '../../../src/main/ucwa/errors';
import { PendingOperations } from '../../../src/main/ucwa/pending-operations';

const timeout = (message: string) => (): UcwaError => new UcwaError('timeout', message);

describe('PendingOperations', () => {
  it('resolves a waiter, and keeps a result that came first until someone waits (§10.10)', async () => {
    const ops = new PendingOperations<string>();
    const waiting = ops.expect('a', 1_000, timeout('late'));
    ops.resolve('a', 'conv-1');
    await expect(waiting).resolves.toBe('conv-1');
    ops.reject('b', new UcwaError('delivery-failed', 'nope'));
    await expect(ops.expect('b', 1_000, timeout('late'))).rejects.toThrow('nope');
  });

  it('times out with a typed error and fails a whole conversation at once', async () => {
    const ops = new PendingOperations<void>();
    await expect(ops.expect('t', 10, timeout('no answer'))).rejects.toMatchObject({ code: 'timeout', message: 'no answer' });
    await expect(ops.expect('u', 10, () => new UcwaError('delivery-failed', 'maybe'))).rejects.toMatchObject({ code: 'delivery-failed' });
    const one = ops.expect('x', 1_000, timeout('late'), 'conv');
    const other = ops.expect('y', 1_000, timeout('late'), 'other');
    ops.rejectTagged('conv', new UcwaError('delivery-failed', 'ended'));
    await expect(one).rejects.toThrow('ended');
    ops.resolve('y', undefined);
    await expect(other).resolves.toBeUndefined();
  });
});
