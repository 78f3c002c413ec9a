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

import type { Release } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ExpiryTime } from '../GateOverrides/ExpiryTime';
import { RelativeTime } from '../RelativeTime';
import { ActorName } from '../ActorName';
import { describeRelease, releaseVersion } from './releaseLabels';

/**
 * The promotions into an environment that wait for a second person, each
 * with who asked, when and why, when the request lapses, an Approve
 * button for those the user may approve, and Reject (Withdraw on the
 * user's own request) for those the user may end.
 */
export const PendingApprovalList = (props: {
  environment: string;
  releases: Release[];
  approvable?: (release: Release) => boolean;
  onApprove?: (release: Release) => void;
  rejectable?: (release: Release) => boolean;
  onReject?: (release: Release) => void;
  isOwn?: (release: Release) => boolean;
}) => {
  const { environment, releases, approvable, onApprove } = props;
  const { rejectable, onReject, isOwn } = props;
  const count = releases.length;
  return (
    <Box mt={1}>
      <Typography variant="body2">
        {count === 1 ? '1 pending approval' : `${count} pending approvals`}
      </Typography>
      {count > 0 && (
        <Box
          component="ul"
          m={0}
          pl={2}
          aria-label={`Pending approvals in ${environment}`}
        >
          {releases.map(release => (
            <li
              key={release.id}
              data-release-id={release.id}
              data-testid="pending-approval"
            >
              <Typography variant="body2">
                <code title={release.artifact.digest}>
                  {describeRelease(release)}
                </code>
                {', requested by '}
                <ActorName actor={release.actor} />{' '}
                <RelativeTime value={release.createdAt} />
              </Typography>
              {release.reason && (
                <Typography variant="body2" color="textSecondary">
                  {`Why: ${release.reason}`}
                </Typography>
              )}
              {release.approvalExpiresAt && (
                <Typography variant="body2" color="textSecondary">
                  Lapses <ExpiryTime value={release.approvalExpiresAt} />
                </Typography>
              )}
              <Box display="flex" my={0.5} style={{ gap: 8 }}>
                {onApprove && approvable?.(release) && (
                  <Button
                    size="small"
                    color="primary"
                    variant="contained"
                    aria-label={`Approve promotion of ${releaseVersion(
                      release,
                    )} to ${environment}`}
                    onClick={() => onApprove(release)}
                  >
                    Approve
                  </Button>
                )}
                {onReject && rejectable?.(release) && (
                  <Button
                    size="small"
                    variant="outlined"
                    aria-label={`${
                      isOwn?.(release) ? 'Withdraw' : 'Reject'
                    } promotion of ${releaseVersion(
                      release,
                    )} to ${environment}`}
                    onClick={() => onReject(release)}
                  >
                    {isOwn?.(release) ? 'Withdraw' : 'Reject'}
                  </Button>
                )}
              </Box>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
};
