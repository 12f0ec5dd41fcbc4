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
    const ranked = files.map((spec) => {
      const path = relative(root, spec.moduleId).split('\\').join('/');
      const last = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`);
      return { spec, project: spec.project.name, rank: [last?.failed === true ? 0 : 1, path.startsWith('test/unit/') ? 0 : 1, last?.duration ?? Number.MAX_SAFE_INTEGER] };
    });
    ranked.sort((a, b) => {
      if (a.project !== b.project) return a.project < b.project ? -1 : 1;
      const differs = a.rank.findIndex((value, i) => value !== b.rank[i]);
      return differs < 0 ? 0 : (a.rank[differs] ?? 0) - (b.rank[differs] ?? 0);
    });
    return Promise.resolve(ranked.map(({ spec }) => spec));
  }
}
