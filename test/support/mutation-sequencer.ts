// The order Stryker's vitest runner (one worker, stop at the first failure) runs the tests that
// cover a mutant in. Vitest's own order puts the longest files first, which suits many cores and a
// whole run; here it means a mutant killed by a 5 ms unit test first waits for minutes of
// simulator tests. So: files that failed on the last run first (the mutant before was most likely
// in the same code), then unit tests, then the fastest files as the last runs timed them.
import { relative } from 'node:path';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

export default class MutationSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const path = (spec: TestSpecification): string => relative(root, spec.moduleId).split('\\').join('/');
    const last = (spec: TestSpecification) => this.ctx.cache.getFileTestResults(`${spec.project.name}:${path(spec)}`);
    const rank = (spec: TestSpecification): readonly number[] => {
      const result = last(spec);
      return [result?.failed === true ? 0 : 1, path(spec).startsWith('test/unit/') ? 0 : 1, result?.duration ?? Number.MAX_SAFE_INTEGER];
    };
    return Promise.resolve(
      [...files].sort((a, b) => {
        if (a.project.name !== b.project.name) return a.project.name < b.project.name ? -1 : 1;
        const [ra, rb] = [rank(a), rank(b)];
        for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] ?? 0) - (rb[i] ?? 0);
        return 0;
      }),
    );
  }
}
