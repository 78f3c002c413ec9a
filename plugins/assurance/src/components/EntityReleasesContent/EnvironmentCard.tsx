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

import { InfoCard } from '@backstage/core-components';
import type { EnvironmentState } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatDigest } from '../../utils/format';
import { RelativeTime } from '../RelativeTime';
import {
  describeRelease,
  MigrationStatusChip,
  ReleaseStatusChip,
  releaseVersion,
} from './releaseLabels';

/**
 * One environment: what runs there, who deployed it, when and why, its
 * status and migrations, what to roll back to, and pending approvals.
 */
export const EnvironmentCard = (props: { environment: EnvironmentState }) => {
  const { environment } = props;
  const active = environment.activeRelease;
  const pending = environment.pendingApprovals.length;
  return (
    <div data-testid={`environment-${environment.name}`}>
      <InfoCard title={environment.name}>
        {active ? (
          <>
            <Typography variant="h6" component="p">
              {releaseVersion(active)}{' '}
              <Typography
                component="code"
                variant="body2"
                title={active.artifact.digest}
              >
                {formatDigest(active.artifact.digest)}
              </Typography>
            </Typography>
            <Typography variant="body2">
              Deployed by {active.actor}{' '}
              <RelativeTime value={active.createdAt} />
            </Typography>
            {active.reason && (
              <Typography variant="body2">Why: {active.reason}</Typography>
            )}
            <Box display="flex" flexWrap="wrap" mt={1} style={{ gap: 4 }}>
              <ReleaseStatusChip status={active.status} />
              <MigrationStatusChip status={active.migrationStatus} />
            </Box>
          </>
        ) : (
          <Typography variant="body1">Nothing deployed</Typography>
        )}
        <Box mt={2}>
          <Typography variant="body2">
            {environment.rollbackTarget
              ? `Roll back to ${describeRelease(environment.rollbackTarget)}`
              : 'No rollback target'}
          </Typography>
          <Typography variant="body2">
            {pending === 1
              ? '1 pending approval'
              : `${pending} pending approvals`}
          </Typography>
        </Box>
      </InfoCard>
    </div>
  );
};
