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

import { NOW, record, runGate, tests } from '../__testUtils__/fixtures';
import {
  integrationTestsGate,
  smokeTestGate,
  unitTestsGate,
} from './testGates';

describe('test gates', () => {
  describe('rule', () => {
    it('fails with the failing test names in the reason', () => {
      const verdict = runGate(unitTestsGate, [
        record(tests(2, { errored: 1 })),
      ]);
      expect(verdict.status).toBe('failed');
      expect(verdict.reason).toBe(
        '2 failed and 1 errored of 10 tests: PaymentTest.rejects bad card 0, PaymentTest.rejects bad card 1, times out 0.',
      );
      expect(verdict.remediation).toMatch(/Fix the failing tests/);
    });

    it('lists at most three names', () => {
      const verdict = runGate(unitTestsGate, [record(tests(5))]);
      expect(verdict.reason).toMatch(/and 2 more\.$/);
    });

    it('fails a report with no test cases', () => {
      expect(
        runGate(unitTestsGate, [record(tests(0, { total: 0 }))]),
      ).toMatchObject({
        status: 'failed',
        reason: 'The test report holds no test cases.',
      });
    });

    it('passes when every test that ran passed', () => {
      expect(runGate(unitTestsGate, [record(tests(0))])).toEqual({
        status: 'passed',
        reason: 'All 10 tests that ran passed.',
        remediation: '',
      });
    });

    it('is unknown for linked evidence it cannot read', () => {
      const link = record({ kind: 'link', url: 'https://ci.example/r.xml' });
      expect(runGate(unitTestsGate, [link]).status).toBe('unknown');
    });

    it.each([integrationTestsGate, smokeTestGate])(
      'applies the same rule in $id',
      gate => {
        const failing = record(tests(1), { gate: gate.id });
        expect(runGate(gate, [failing]).status).toBe('failed');
      },
    );
  });

  describe('selection', () => {
    const settingsByGate = {};
    const pick = (
      gate: typeof unitTestsGate,
      evidence: ReturnType<typeof record>[],
      settings = {},
      others: Record<string, object> = settingsByGate,
    ) =>
      gate.select!(evidence, settings, { settingsByGate: others }).map(
        e => e.id,
      );

    const plain = record(tests(0, { suites: ['PaymentTest'] }));
    const unnamed = record(tests(0));
    const integration = record(tests(0, { suites: ['Payment Integration'] }));
    const smoke = record(tests(0, { suites: ['SMOKE checkout'] }));
    const declaredUnit = record(tests(0, { suites: ['smoke'] }), {
      gate: 'unit-tests',
    });
    const declaredOther = record(tests(0), { gate: 'e2e-tests' });
    const all = [
      plain,
      unnamed,
      integration,
      smoke,
      declaredUnit,
      declaredOther,
    ];

    it('gives undeclared reports to unit tests by default', () => {
      expect(pick(unitTestsGate, all)).toEqual([
        plain.id,
        unnamed.id,
        declaredUnit.id,
      ]);
    });

    it('matches the default patterns case-insensitively', () => {
      expect(pick(integrationTestsGate, all)).toEqual([integration.id]);
      expect(pick(smokeTestGate, all)).toEqual([smoke.id]);
    });

    it('honours the declared gate over suite names', () => {
      expect(pick(smokeTestGate, [declaredUnit])).toEqual([]);
      expect(pick(unitTestsGate, [declaredOther])).toEqual([]);
    });

    it('uses a configured pattern instead of the default', () => {
      const it = record(tests(0, { suites: ['IT_checkout'] }));
      expect(
        pick(integrationTestsGate, [integration, it], {
          suitePattern: '^it_',
        }),
      ).toEqual([it.id]);
      expect(
        pick(
          unitTestsGate,
          [integration, it],
          {},
          {
            'integration-tests': { suitePattern: '^it_' },
          },
        ),
      ).toEqual([integration.id]);
    });

    it('narrows unit tests to a unit-tests pattern when one is set', () => {
      expect(
        pick(unitTestsGate, [plain, unnamed], { suitePattern: 'Payment' }),
      ).toEqual([plain.id]);
    });

    it('matches nothing with an invalid pattern', () => {
      expect(
        pick(integrationTestsGate, [integration], { suitePattern: '(' }),
      ).toEqual([]);
    });
  });

  it('reads no clock: verdicts do not depend on now', () => {
    const evidence = [record(tests(0))];
    expect(runGate(unitTestsGate, evidence, { now: new Date(0) })).toEqual(
      runGate(unitTestsGate, evidence, { now: NOW }),
    );
  });
});
