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
  DeploymentMeasures,
  DeploymentMeasuresBucket,
  Release,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';

/** The statuses of a finished deployment: it ran, or it was tried. */
export const DEPLOYMENT_STATUSES: readonly ReleaseStatus[] = [
  'succeeded',
  'superseded',
  'failed',
  'rolled-back',
];

/** The statuses of a deployment that counts as a change failure. */
export const FAILURE_STATUSES: readonly ReleaseStatus[] = [
  'failed',
  'rolled-back',
];

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The start of the first of the `weeks` weeks up to and including now's. */
export function measuresStart(options: { now: Date; weeks: number }): Date {
  return DateTime.fromJSDate(options.now, { zone: 'utc' })
    .startOf('week')
    .minus({ weeks: options.weeks - 1 })
    .toJSDate();
}

/**
 * The DORA deployment frequency and change-failure rate of one
 * environment over the last `weeks` weeks, the current one included.
 * Weeks start on Monday 00:00 UTC. A deployment is a release there that
 * succeeded, was superseded, failed or was rolled back, counted in the
 * week of its createdAt (when it was deployed); a failure is one that
 * failed or was rolled back. Releases of other environments, other
 * statuses, or outside the weeks are not counted. Pure.
 */
export function computeDeploymentMeasures(options: {
  releases: Array<Pick<Release, 'environment' | 'status' | 'createdAt'>>;
  environment: string;
  weeks: number;
  now: Date;
}): DeploymentMeasures {
  const { releases, environment, weeks, now } = options;
  const from = measuresStart({ now, weeks }).getTime();
  const counts = Array.from({ length: weeks }, () => ({
    deployments: 0,
    failures: 0,
  }));
  for (const release of releases) {
    if (
      release.environment !== environment ||
      !DEPLOYMENT_STATUSES.includes(release.status)
    ) {
      continue;
    }
    const index = Math.floor((Date.parse(release.createdAt) - from) / WEEK_MS);
    if (index < 0 || index >= weeks) {
      continue;
    }
    counts[index].deployments += 1;
    if (FAILURE_STATUSES.includes(release.status)) {
      counts[index].failures += 1;
    }
  }

  const buckets: DeploymentMeasuresBucket[] = counts.map((count, index) => ({
    start: new Date(from + index * WEEK_MS).toISOString(),
    ...count,
    changeFailureRate: rateOf(count),
  }));
  const deployments = sum(counts.map(c => c.deployments));
  const failures = sum(counts.map(c => c.failures));
  return {
    environment,
    weeks,
    from: new Date(from).toISOString(),
    to: now.toISOString(),
    buckets,
    totals: {
      deployments,
      failures,
      changeFailureRate: rateOf({ deployments, failures }),
      deploymentsPerWeek: deployments / weeks,
    },
  };
}

function rateOf(count: {
  deployments: number;
  failures: number;
}): number | null {
  return count.deployments > 0 ? count.failures / count.deployments : null;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
