/*
 * Copyright 2026 The Real App Forever Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { parseCorpusFile } from './__testUtils__/corpus';

/**
 * Counts pinned per corpus file. Each number was checked by hand against
 * the file, as the comment above it says; the parser's output was compared
 * with these numbers, not the other way round.
 */

const NO_SEVERITIES = {
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
  unknown: 0,
};

describe('JUnit corpus counts', () => {
  it('minimal-attributes.xml', () => {
    // Read the file: 4 <testcase>; one each with <skipped/>, <failure/>
    // and <error/>, one with no child.
    const { summary } = parseCorpusFile('junit/minimal-attributes.xml');
    expect(summary).toMatchObject({
      total: 4,
      passed: 1,
      failed: 1,
      errored: 1,
      skipped: 1,
    });
    expect(summary).toHaveProperty('failures', [
      { name: 'failed_test', classname: 'ClassName', type: 'failure' },
      { name: 'error_test', classname: 'ClassName', type: 'error' },
    ]);
  });

  it('cpp-tst-disabled-status.xml', () => {
    // grep -c "<testcase" = 31, "<failure" = 19, "<error" = 1, no
    // <skipped>, and 5 testcases with status='disabled' and no child.
    const { summary } = parseCorpusFile('junit/cpp-tst-disabled-status.xml');
    expect(summary).toMatchObject({
      total: 31,
      passed: 6,
      failed: 19,
      errored: 1,
      skipped: 5,
    });
    expect(summary).toHaveProperty(
      'failures',
      expect.arrayContaining([
        {
          name: 'test_which_throws_unknown_exception',
          suite: 'factorial',
          type: 'error',
          message: 'uncaught (anonymous namespace)::some_unknown_exception',
        },
      ]),
    );
  });

  it('surefire-with-errors-unicode.xml', () => {
    // grep "<testcase" = 9, "<error" = 5, "<failure" = 2; the message
    // attribute holds &apos; entities and non-ASCII text.
    const { summary } = parseCorpusFile(
      'junit/surefire-with-errors-unicode.xml',
    );
    expect(summary).toMatchObject({
      total: 9,
      passed: 2,
      failed: 2,
      errored: 5,
      skipped: 0,
    });
    expect(summary).toHaveProperty(
      'failures',
      expect.arrayContaining([
        expect.objectContaining({
          name: 'shouldNotContainInternationalizedHostNames',
          type: 'error',
          message: "Invalid email address 'user@ñandú.com.ar'",
        }),
      ]),
    );
  });

  it('python-unittest-xmlrunner-testsuite-root.xml', () => {
    // Root <testsuite>. grep "<testcase" = 8: 1 <failure>, 1 <error>,
    // 2 <skipped> (one is an expected failure), 4 without child.
    const { summary } = parseCorpusFile(
      'junit/python-unittest-xmlrunner-testsuite-root.xml',
    );
    expect(summary).toMatchObject({
      total: 8,
      passed: 4,
      failed: 1,
      errored: 1,
      skipped: 2,
    });
    expect(summary).toHaveProperty('failures', [
      {
        name: 'test_always_fail',
        classname: 'TestAcme',
        suite: 'TestAcme-20251114214921',
        type: 'failure',
        message: 'failed',
      },
      {
        name: 'test_error',
        classname: 'TestAcme',
        suite: 'TestAcme-20251114214921',
        type: 'error',
        message: 'error',
      },
    ]);
  });

  it('jest-junit-failures-windows-paths.xml', () => {
    // 2 suites, grep "<testcase" = 6, "<failure>" = 4 (body only, no
    // message attribute, so the message is the body's first line),
    // 1 <skipped/>.
    const { summary } = parseCorpusFile(
      'junit/jest-junit-failures-windows-paths.xml',
    );
    expect(summary).toMatchObject({
      total: 6,
      passed: 1,
      failed: 4,
      errored: 0,
      skipped: 1,
    });
    expect(summary).toHaveProperty(
      'failures',
      expect.arrayContaining([
        {
          name: 'Failing test',
          classname: 'Test 1 › Test 1.1',
          suite: '__tests__\\main.test.js',
          type: 'failure',
          message: 'Error: expect(received).toBeTruthy()',
        },
      ]),
    );
  });

  it('mocha-junit-reporter-root-suite-empty-suites.xml', () => {
    // The header says tests="15515"; the body has 3 suites and a single
    // <testcase> without child. Counts come from the body.
    const { summary } = parseCorpusFile(
      'junit/mocha-junit-reporter-root-suite-empty-suites.xml',
    );
    expect(summary).toMatchObject({ total: 1, passed: 1, failed: 0 });
  });

  it('nested-testsuite-in-testsuite.xml', () => {
    // 4 <testsuite>, three levels deep; grep "<testcase" = 5, no children.
    const { summary } = parseCorpusFile(
      'junit/nested-testsuite-in-testsuite.xml',
    );
    expect(summary).toMatchObject({ total: 5, passed: 5, skipped: 0 });
  });

  it('surefire-3.0.2-full-properties-flaky.xml', () => {
    // One <testcase> whose only children are two <flakyFailure>: it
    // passed on a rerun.
    const { summary } = parseCorpusFile(
      'junit/surefire-3.0.2-full-properties-flaky.xml',
    );
    expect(summary).toMatchObject({ total: 1, passed: 1, failed: 0 });
  });
});

describe('SARIF corpus counts', () => {
  it('codeql-2.5.4-python-72-results.sarif', () => {
    // No result has a level; each has a ruleIndex into 149 driver rules.
    // jq '.runs[0] as $r | $r.results[] |
    //   $r.tool.driver.rules[.ruleIndex].defaultConfiguration.level'
    // | sort | uniq -c  =>  11 error, 57 note, 4 warning.
    const { summary } = parseCorpusFile(
      'sarif/codeql-2.5.4-python-72-results.sarif',
    );
    expect(summary).toMatchObject({
      tools: ['CodeQL'],
      total: 72,
      byLevel: { error: 11, warning: 4, note: 57, none: 0 },
      suppressed: 0,
    });
  });

  it('trivy-0.69-fs-scan.sarif', () => {
    // jq '.runs[].results[].level' | sort | uniq -c
    //   =>  10 error, 1 note, 6 warning.
    const { summary } = parseCorpusFile('sarif/trivy-0.69-fs-scan.sarif');
    expect(summary).toMatchObject({
      total: 17,
      byLevel: { error: 10, warning: 6, note: 1, none: 0 },
      suppressed: 0,
    });
  });

  it('spec-appendix-k-comprehensive-draft-names.sarif', () => {
    // One result, level "error", with suppressions [{kind: external,
    // state: accepted}]: "state" is a draft name, so status is absent,
    // which counts as accepted.
    const { summary } = parseCorpusFile(
      'sarif/spec-appendix-k-comprehensive-draft-names.sarif',
    );
    expect(summary).toMatchObject({
      tools: ['CodeScanner'],
      total: 0,
      byLevel: { error: 0, warning: 0, note: 0, none: 0 },
      suppressed: 1,
      results: [],
    });
  });

  it('scorecard-checks.sarif', () => {
    // 3 runs of "Scorecard" with 4 + 1 + 1 results, none with a level;
    // every rule has defaultConfiguration.level "error".
    const { summary } = parseCorpusFile('sarif/scorecard-checks.sarif');
    expect(summary).toMatchObject({
      tools: ['Scorecard'],
      total: 6,
      byLevel: { error: 6, warning: 0, note: 0, none: 0 },
      suppressed: 0,
    });
  });

  it('spotbugs-4.4.0.sarif', () => {
    // jq '.runs[].results | length' = 56, all level "note"; messages are
    // given by id "default" and arguments, filled from messageStrings.
    const { summary } = parseCorpusFile('sarif/spotbugs-4.4.0.sarif');
    expect(summary).toMatchObject({
      total: 56,
      byLevel: { error: 0, warning: 0, note: 56, none: 0 },
      suppressed: 0,
    });
    expect(summary).toHaveProperty(['results', 0], {
      ruleId: 'DMI_HARDCODED_ABSOLUTE_FILENAME',
      level: 'note',
      message:
        'Hard coded reference to an absolute pathname in Boot.main(String[]).',
      location: 'Boot.java:23',
    });
  });

  it('spec-tutorial-taxonomies-cwe.sarif', () => {
    // 2 results: TUT1001 level "error"; TUT1002 no level, ruleIndex 1,
    // whose rule's defaultConfiguration.level is "warning".
    const { summary } = parseCorpusFile(
      'sarif/spec-tutorial-taxonomies-cwe.sarif',
    );
    expect(summary).toMatchObject({
      total: 2,
      byLevel: { error: 1, warning: 1, note: 0, none: 0 },
    });
  });
});

describe('CycloneDX corpus counts', () => {
  // Checked with jq 'def c: .components[]? | (., c); [c] | length' (all
  // components, nested included) and the same over distinct "bom-ref"s.

  it('cyclonedx-npm-bundled-dependencies-1.6.json', () => {
    // 2 top-level components; "bundle-dependencies" nests 50 more.
    // 52 components, 52 distinct bom-refs.
    const { summary } = parseCorpusFile(
      'sbom-cyclonedx/cyclonedx-npm-bundled-dependencies-1.6.json',
    );
    // 65 dependency edges, all distinct (jq over .dependencies[].dependsOn).
    expect(summary).toMatchObject({
      kind: 'sbom',
      specName: 'CycloneDX',
      specVersion: '1.6',
      componentCount: 52,
      primaryComponent: expect.objectContaining({
        name: 'demo-bundled-deps',
        version: '0.0.0',
      }),
      dependencyCount: 65,
    });
  });

  it('spec-valid-bom-1.4.json', () => {
    // 2 components: one with a bom-ref, one without.
    const { summary } = parseCorpusFile(
      'sbom-cyclonedx/spec-valid-bom-1.4.json',
    );
    expect(summary).toMatchObject({ specVersion: '1.4', componentCount: 2 });
  });

  it('trivy-cyclonedx-1.5-with-vulnerabilities.json', () => {
    // 102 top-level components, none nested, 102 distinct bom-refs.
    const { summary } = parseCorpusFile(
      'sbom-cyclonedx/trivy-cyclonedx-1.5-with-vulnerabilities.json',
    );
    expect(summary).toMatchObject({
      specVersion: '1.5',
      componentCount: 102,
      primaryComponent: { name: 'ubuntu:latest' },
    });
  });

  it('trivy-fluentd-multiple-lockfiles-large.cdx.json', () => {
    // 161 top-level components, none nested; specVersion 1.7.
    const { summary } = parseCorpusFile(
      'sbom-cyclonedx/trivy-fluentd-multiple-lockfiles-large.cdx.json',
    );
    expect(summary).toMatchObject({ specVersion: '1.7', componentCount: 161 });
  });
});

describe('npm audit corpus counts', () => {
  it('npm6-many-vulns-express.json', () => {
    // 5 advisories: 106, 521, 526 high; 534 low; 535 moderate. The
    // metadata says 6 high / 7 low / 2 moderate: it counts paths.
    const { summary } = parseCorpusFile(
      'npm-audit/npm6-many-vulns-express.json',
    );
    expect(summary).toMatchObject({
      total: 5,
      bySeverity: { ...NO_SEVERITIES, high: 3, medium: 1, low: 1 },
    });
  });

  it('npm6-allowlisted-paths.json', () => {
    // 5 advisories: 1038442 moderate, 1038495 / 1038749 / 1039327 /
    // 1040655 high.
    const { summary } = parseCorpusFile(
      'npm-audit/npm6-allowlisted-paths.json',
    );
    expect(summary).toMatchObject({
      total: 5,
      bySeverity: { ...NO_SEVERITIES, high: 4, medium: 1 },
    });
  });

  it('npm7-many-vulns-vercel.json', () => {
    // 6 packages: @vercel/fun, debug, semver, vercel moderate;
    // @vercel/node, undici low. metadata agrees (moderate 4, low 2).
    const { summary } = parseCorpusFile(
      'npm-audit/npm7-many-vulns-vercel.json',
    );
    expect(summary).toMatchObject({
      total: 6,
      bySeverity: { ...NO_SEVERITIES, medium: 4, low: 2 },
    });
  });

  it('npm7-auditReportVersion2-high-via-chain.json', () => {
    // 3 packages, all "high": axios (3 advisories + via follow-redirects),
    // follow-redirects (2 advisories), github-build (via axios only).
    const { summary } = parseCorpusFile(
      'npm-audit/npm7-auditReportVersion2-high-via-chain.json',
    );
    expect(summary).toMatchObject({
      total: 3,
      bySeverity: { ...NO_SEVERITIES, high: 3 },
    });
    expect(summary).toHaveProperty(
      'findings',
      expect.arrayContaining([
        {
          id: 'github-build',
          packageName: 'github-build',
          severity: 'high',
          title: 'vulnerable through axios',
          fixAvailable: true,
          source: 'npm audit',
        },
      ]),
    );
  });

  it('npm7-critical.json', () => {
    // 1 package "open", critical, one advisory GHSA-28xh-wpgr-7fm8.
    const { summary } = parseCorpusFile('npm-audit/npm7-critical.json');
    expect(summary).toEqual({
      kind: 'vulnerabilities',
      scanner: 'npm audit',
      total: 1,
      bySeverity: { ...NO_SEVERITIES, critical: 1 },
      findings: [
        {
          id: 'GHSA-28xh-wpgr-7fm8',
          packageName: 'open',
          severity: 'critical',
          title: 'Command Injection in open',
          fixAvailable: true,
          fixedVersion: '8.4.0',
          source: 'npm audit',
        },
      ],
    });
  });
});
