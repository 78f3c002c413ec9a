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

import type {
  EnvironmentState,
  MigrationStatus,
  Release,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import Chip from '@material-ui/core/Chip';
import { formatDigest } from '../../utils/format';

const STATUS_LABELS: Record<ReleaseStatus, string> = {
  'pending-approval': 'Pending approval',
  deploying: 'Deploying',
  succeeded: 'Succeeded',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
  superseded: 'Superseded',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

const STATUS_COLORS: Partial<Record<ReleaseStatus, 'primary' | 'secondary'>> = {
  succeeded: 'primary',
  failed: 'secondary',
  'rolled-back': 'secondary',
};

const MIGRATION_LABELS: Record<MigrationStatus, string> = {
  none: 'No migrations',
  pending: 'Migrations pending',
  applied: 'Migrations applied',
  failed: 'Migrations failed',
  'rolled-back': 'Migrations rolled back',
};

const NEVER_DEPLOYED: ReadonlySet<ReleaseStatus> = new Set<ReleaseStatus>([
  'pending-approval',
  'rejected',
  'withdrawn',
  'expired',
]);

/**
 * Whether the release is a promotion request that has not been deployed:
 * waiting for approval, or ended without it.
 */
export function isUndeployedRequest(release: Release): boolean {
  return NEVER_DEPLOYED.has(release.status);
}

/**
 * The digests a promotion into the environment would be refused for, each
 * with why: what it runs successfully, and what waits for approval there.
 */
export function unavailableDigests(
  environment: EnvironmentState,
): Map<string, string> {
  const unavailable = new Map<string, string>();
  for (const pending of environment.pendingApprovals) {
    unavailable.set(pending.artifact.digest, 'waits for approval here');
  }
  const active = environment.activeRelease;
  if (active?.status === 'succeeded') {
    unavailable.set(active.artifact.digest, 'already runs here');
  }
  return unavailable;
}

/** The label of a release status, e.g. "Rolled back". */
export function releaseStatusLabel(status: ReleaseStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/** The label of a migration status, e.g. "Migrations applied". */
export function migrationStatusLabel(status: MigrationStatus): string {
  return MIGRATION_LABELS[status] ?? status;
}

/** The version of a release's artifact, or its name when it has none. */
export function releaseVersion(release: Release): string {
  return release.artifact.version ?? release.artifact.name;
}

/** "1.4.1 (sha256:ab12…)": the version and the short digest. */
export function describeRelease(release: Release): string {
  return `${releaseVersion(release)} (${formatDigest(
    release.artifact.digest,
  )})`;
}

/**
 * What a promotion into the environment needs: "Promotion needs approval,
 * the previous stage and 2 gates".
 */
export function describeRule(environment: EnvironmentState): string {
  const { rule } = environment;
  const needs = [
    rule.requireApproval && 'approval',
    rule.requirePreviousStage && environment.order > 0 && 'the previous stage',
    rule.requiredGates.length > 0 &&
      (rule.requiredGates.length === 1
        ? '1 gate'
        : `${rule.requiredGates.length} gates`),
  ].filter((need): need is string => Boolean(need));
  if (needs.length === 0) {
    return 'Promotion needs no approval or gates';
  }
  const last = needs.pop();
  return `Promotion needs ${
    needs.length > 0 ? `${needs.join(', ')} and ${last}` : last
  }`;
}

export const ReleaseStatusChip = (props: { status: ReleaseStatus }) => {
  const { status } = props;
  return (
    <Chip
      size="small"
      label={releaseStatusLabel(status)}
      color={STATUS_COLORS[status] ?? 'default'}
      data-release-status={status}
    />
  );
};

export const MigrationStatusChip = (props: { status: MigrationStatus }) => {
  const { status } = props;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={migrationStatusLabel(status)}
      color={status === 'failed' ? 'secondary' : 'default'}
      data-migration-status={status}
    />
  );
};
