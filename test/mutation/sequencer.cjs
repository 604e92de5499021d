// Under `npm run mutate`, Stryker runs each mutant against the tests that cover it by passing their
// names as jest's testNamePattern; jest would still load every test file to find them. This
// sequencer learns in Stryker's first full run which file holds which test, and from then on hands
// jest only the files that hold a test the pattern names. A file it knows nothing of always runs.
const fs = require("node:fs");
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

const mapFile = (rootDir) => path.join(rootDir, ".mutation-test-files.json");

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.globalConfig = options.globalConfig;
  }

  sort(tests) {
    const pattern = this.globalConfig.testNamePattern;
    const file = mapFile(this.globalConfig.rootDir);
    if (!pattern || !fs.existsSync(file)) return super.sort(tests);
    const namesByFile = JSON.parse(fs.readFileSync(file, "utf8"));
    // The same test as jest makes of the pattern (jest-circus matches full names, case-insensitively).
    const wanted = new RegExp(pattern, "i");
    const needed = tests.filter((test) => {
      const names = namesByFile[test.path];
      return names === undefined || names.some((name) => wanted.test(name));
    });
    return super.sort(needed);
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
