// Under `npm run mutate`, Stryker runs each mutant against the tests that cover it by passing their
// names as jest's testNamePattern; jest would still load every test file to find them. This
// sequencer learns in Stryker's first full run which file holds which test, and from then on hands
// jest only the files that hold a test the pattern names. A file it knows nothing of always runs.
const fs = require("node:fs");
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

const mapFile = (rootDir) => path.join(rootDir, ".mutation-test-files.json");

/** Unit tests of the rules first: they kill most mutants in milliseconds. */
const FIRST = ["/test/engine/", "/test/model/", "/test/plan/", "/test/app/"];
const rank = (testPath) => {
  const at = FIRST.findIndex((dir) => testPath.includes(dir));
  return at < 0 ? FIRST.length : at;
};

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.globalConfig = options.globalConfig;
  }

  sort(tests) {
    const pattern = this.globalConfig.testNamePattern;
    const file = mapFile(this.globalConfig.rootDir);
    if (!pattern || !fs.existsSync(file)) return this.fastFirst(tests);
    const namesByFile = JSON.parse(fs.readFileSync(file, "utf8"));
    // The same test as jest makes of the pattern (jest-circus matches full names, case-insensitively).
    const wanted = new RegExp(pattern, "i");
    const needed = tests.filter((test) => {
      const names = namesByFile[test.path];
      return names === undefined || names.some((name) => wanted.test(name));
    });
    return this.fastFirst(needed);
  }

  /**
   * Jest runs the slowest files first, which suits a full run; a mutant's run stops at its first
   * failing test (Stryker's bail), so here the quick unit tests go first, then the rest by the
   * time each took last.
   */
  fastFirst(tests) {
    const duration = (test) => this._getCache(test)[test.path]?.[1] ?? 0;
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || duration(a) - duration(b));
  }

  cacheResults(tests, results) {
    super.cacheResults(tests, results);
    if (this.globalConfig.testNamePattern) return;
    const namesByFile = {};
    for (const result of results.testResults) {
      namesByFile[result.testFilePath] = result.testResults.map((t) => t.fullName);
    }
    fs.writeFileSync(mapFile(this.globalConfig.rootDir), JSON.stringify(namesByFile));
  }
}

module.exports = MutationSequencer;
