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

import {
  Release,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { computeDeploymentMeasures, measuresStart } from './deploymentMeasures';

// A Thursday afternoon; its week starts on Monday 2026-11-30.
const now = new Date('2026-12-03T15:30:00.000Z');

function deployment(
  createdAt: string,
  status: ReleaseStatus = 'succeeded',
  environment = 'prod',
): Pick<Release, 'environment' | 'status' | 'createdAt'> {
  return { environment, status, createdAt };
}

describe('measuresStart', () => {
  it.each([
    ['2026-12-03T15:30:00.000Z', 1, '2026-11-30T00:00:00.000Z'],
    ['2026-12-03T15:30:00.000Z', 3, '2026-11-16T00:00:00.000Z'],
    // Monday midnight starts its own week.
    ['2026-11-30T00:00:00.000Z', 1, '2026-11-30T00:00:00.000Z'],
    // Sunday late is still the week before.
    ['2026-11-29T23:59:59.999Z', 1, '2026-11-23T00:00:00.000Z'],
    // Across a year boundary.
    ['2027-01-01T08:00:00.000Z', 2, '2026-12-21T00:00:00.000Z'],
  ])('from %s over %i weeks is %s', (at, weeks, expected) => {
    expect(measuresStart({ now: new Date(at), weeks }).toISOString()).toBe(
      expected,
    );
  });
});

describe('computeDeploymentMeasures', () => {
  it('answers empty weeks without deployments', () => {
    const measures = computeDeploymentMeasures({
      releases: [],
      environment: 'prod',
      weeks: 2,
      now,
    });
    expect(measures).toEqual({
      environment: 'prod',
      weeks: 2,
      from: '2026-11-23T00:00:00.000Z',
      to: now.toISOString(),
      buckets: [
        {
          start: '2026-11-23T00:00:00.000Z',
          deployments: 0,
          failures: 0,
          changeFailureRate: null,
        },
        {
          start: '2026-11-30T00:00:00.000Z',
          deployments: 0,
          failures: 0,
          changeFailureRate: null,
        },
      ],
      totals: {
        deployments: 0,
        failures: 0,
        changeFailureRate: null,
        deploymentsPerWeek: 0,
      },
    });
  });

  it('counts deployments and failures by week of createdAt', () => {
    const measures = computeDeploymentMeasures({
      releases: [
        deployment('2026-11-16T00:00:00.000Z'),
        deployment('2026-11-22T23:59:59.999Z', 'superseded'),
        deployment('2026-11-23T00:00:00.000Z', 'failed'),
        deployment('2026-11-25T10:00:00.000Z', 'succeeded'),
        deployment('2026-11-26T10:00:00.000Z', 'rolled-back'),
        deployment('2026-11-27T10:00:00.000Z', 'superseded'),
        deployment('2026-12-03T15:00:00.000Z', 'succeeded'),
      ],
      environment: 'prod',
      weeks: 3,
      now,
    });
    expect(
      measures.buckets.map(b => [
        b.start.slice(0, 10),
        b.deployments,
        b.failures,
        b.changeFailureRate,
      ]),
    ).toEqual([
      ['2026-11-16', 2, 0, 0],
      ['2026-11-23', 4, 2, 0.5],
      ['2026-11-30', 1, 0, 0],
    ]);
    expect(measures.totals).toEqual({
      deployments: 7,
      failures: 2,
      changeFailureRate: 2 / 7,
      deploymentsPerWeek: 7 / 3,
    });
  });

  it('leaves out unfinished releases, other environments and other weeks', () => {
    const measures = computeDeploymentMeasures({
      releases: [
        deployment('2026-12-01T10:00:00.000Z', 'deploying'),
        deployment('2026-12-01T10:00:00.000Z', 'pending-approval'),
        deployment('2026-12-01T10:00:00.000Z', 'succeeded', 'staging'),
        deployment('2026-11-29T23:59:59.999Z', 'failed'),
        deployment('2026-12-07T00:00:00.000Z', 'failed'),
        deployment('2026-12-02T10:00:00.000Z', 'failed'),
      ],
      environment: 'prod',
      weeks: 1,
      now,
    });
    expect(measures.buckets).toEqual([
      {
        start: '2026-11-30T00:00:00.000Z',
        deployments: 1,
        failures: 1,
        changeFailureRate: 1,
      },
    ]);
    expect(measures.totals.deploymentsPerWeek).toBe(1);
  });

  it('counts a release a few minutes ahead of the clock in this week', () => {
    const measures = computeDeploymentMeasures({
      releases: [deployment('2026-12-03T15:34:00.000Z')],
      environment: 'prod',
      weeks: 1,
      now,
    });
    expect(measures.totals.deployments).toBe(1);
  });

  it('gives 52 weekly buckets, each 7 days after the one before', () => {
    const measures = computeDeploymentMeasures({
      releases: [],
      environment: 'prod',
      weeks: 52,
      now,
    });
    expect(measures.buckets).toHaveLength(52);
    const starts = measures.buckets.map(b => Date.parse(b.start));
    for (let i = 1; i < starts.length; i += 1) {
      expect(starts[i] - starts[i - 1]).toBe(7 * 24 * 60 * 60 * 1000);
    }
    expect(new Date(starts[0]).getUTCDay()).toBe(1);
    expect(measures.buckets.at(-1)?.start).toBe('2026-11-30T00:00:00.000Z');
  });
});
