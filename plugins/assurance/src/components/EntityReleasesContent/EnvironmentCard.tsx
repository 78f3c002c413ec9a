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
import type {
  EnvironmentState,
  Release,
} from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatDigest } from '../../utils/format';
import { GateStatusLabel } from '../GateStatusLabel';
import { RelativeTime } from '../RelativeTime';
import { ActorName } from '../ActorName';
import { DeployOutcome } from './DeployOutcome';
import { PendingApprovalList } from './PendingApprovalList';
import {
  describeRelease,
  describeRule,
  MigrationStatusChip,
  ReleaseStatusChip,
  releaseVersion,
} from './releaseLabels';

/**
 * What the signed-in user may do on a card. A callback is there only when
 * the user holds the permission; the server decides again.
 */
export interface EnvironmentCardActions {
  onPromote?: () => void;
  onRollback?: () => void;
  /** Approves a pending promotion; given for the ones the user may approve. */
  approvable?: (release: Release) => boolean;
  onApprove?: (release: Release) => void;
  /**
   * Rejects (or, for the user's own request, withdraws) a pending
   * promotion; given for the ones the user may end.
   */
  rejectable?: (release: Release) => boolean;
  onReject?: (release: Release) => void;
  /** Whether the user asked for the release (Withdraw, not Reject). */
  isOwn?: (release: Release) => boolean;
  /** Marks the deploying active release succeeded. */
  onMarkSucceeded?: (release: Release) => Promise<unknown>;
  /** Asks to confirm that the deploying active release failed. */
  onMarkFailed?: (release: Release) => void;
}

/**
 * One environment: what runs there, who deployed it, when and why, its
 * status, migrations and gates, what to roll back to, pending approvals,
 * and the actions the user may take.
 */
export const EnvironmentCard = (props: {
  environment: EnvironmentState;
  actions?: EnvironmentCardActions;
}) => {
  const { environment, actions = {} } = props;
  const { name, rollbackTarget } = environment;
  const active = environment.activeRelease;
  return (
    <section
      aria-label={`Environment ${name}`}
      data-testid={`environment-${name}`}
      style={{ height: '100%' }}
    >
      <InfoCard
        variant="gridItem"
        title={name}
        titleTypographyProps={{ component: 'h2' }}
        subheader={describeRule(environment)}
        actions={<CardActions environment={environment} actions={actions} />}
      >
        {active ? (
          <ActiveRelease
            environment={environment}
            active={active}
            actions={actions}
          />
        ) : (
          <Typography variant="body1">Nothing deployed</Typography>
        )}
        <Box mt={2}>
          <Typography variant="body2">
            {rollbackTarget
              ? `Rollback target: ${describeRelease(rollbackTarget)}`
              : 'No rollback target'}
          </Typography>
        </Box>
        <PendingApprovalList
          environment={name}
          releases={environment.pendingApprovals}
          approvable={actions.onApprove ? actions.approvable : undefined}
          onApprove={actions.onApprove}
          rejectable={actions.onReject ? actions.rejectable : undefined}
          onReject={actions.onReject}
          isOwn={actions.isOwn}
        />
      </InfoCard>
    </section>
  );
};

function ActiveRelease(props: {
  environment: EnvironmentState;
  active: Release;
  actions: EnvironmentCardActions;
}) {
  const { environment, active, actions } = props;
  return (
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
      {environment.rolledBackRelease && (
        <Typography variant="body2">
          Rollback of {describeRelease(environment.rolledBackRelease)}
        </Typography>
      )}
      <WhoAndWhen release={active} />
      {active.reason && (
        <Typography variant="body2">Why: {active.reason}</Typography>
      )}
      {active.workItem && (
        <Typography variant="body2">Work item: {active.workItem}</Typography>
      )}
      <Box display="flex" flexWrap="wrap" mt={1} style={{ gap: 4 }}>
        <ReleaseStatusChip status={active.status} />
        <MigrationStatusChip status={active.migrationStatus} />
      </Box>
      {active.status === 'rolled-back' && (
        <Box mt={1}>
          <Typography variant="body2">
            Its rollback failed, so it still runs here; roll back again or
            record the next deploy.
          </Typography>
        </Box>
      )}
      {active.status === 'deploying' && (
        <DeployOutcome
          release={active}
          onMarkSucceeded={actions.onMarkSucceeded}
          onMarkFailed={actions.onMarkFailed}
        />
      )}
      <ActiveGates gates={environment.activeGates} />
    </>
  );
}

/**
 * Who started the release and when. An approved release is dated at its
 * approval, and its actor is the one who asked for it.
 */
function WhoAndWhen(props: { release: Release }) {
  const { release } = props;
  const when = <RelativeTime value={release.createdAt} />;
  const approval = release.approvedBy && (
    <>
      {' · approved by '}
      <ActorName actor={release.approvedBy} />
    </>
  );
  if (release.status === 'deploying') {
    return (
      <Typography variant="body2">
        Deploying since {when},{' '}
        {release.approvedBy ? 'requested by ' : 'started by '}
        <ActorName actor={release.actor} />
        {approval}
      </Typography>
    );
  }
  if (release.approvedBy) {
    return (
      <Typography variant="body2">
        Requested by <ActorName actor={release.actor} />
        {approval} {when}
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      Deployed by <ActorName actor={release.actor} /> {when}
    </Typography>
  );
}

function ActiveGates(props: { gates?: EnvironmentState['activeGates'] }) {
  if (!props.gates) {
    return null;
  }
  const entries = Object.entries(props.gates);
  if (entries.length === 0) {
    return (
      <Box mt={1}>
        <Typography variant="body2">No gates required here</Typography>
      </Box>
    );
  }
  return (
    <Box mt={1}>
      <Typography variant="body2">Gates of this digest</Typography>
      <Box
        component="ul"
        m={0}
        pl={0}
        style={{ listStyle: 'none' }}
        aria-label="Gates of this digest"
      >
        {entries.map(([gateId, status]) => (
          <li key={gateId} data-gate-id={gateId} data-gate-status={status}>
            <Typography variant="body2" component="span">
              {gateId}:{' '}
            </Typography>
            <GateStatusLabel status={status} />
          </li>
        ))}
      </Box>
    </Box>
  );
}

function CardActions(props: {
  environment: EnvironmentState;
  actions: EnvironmentCardActions;
}) {
  const { environment, actions } = props;
  const { name, activeRelease, rollbackTarget } = environment;
  const showRollback = Boolean(actions.onRollback && activeRelease);
  if (!actions.onPromote && !showRollback) {
    return null;
  }
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      {actions.onPromote && (
        <Button
          size="small"
          color="primary"
          variant="outlined"
          aria-label={`Promote to ${name}`}
          onClick={actions.onPromote}
        >
          Promote
        </Button>
      )}
      {showRollback && (
        <Tooltip
          title={
            rollbackTarget
              ? `Roll back to ${describeRelease(rollbackTarget)}`
              : 'No rollback target: nothing else has succeeded here'
          }
        >
          {/* A disabled button gets no hover events; the span does. */}
          <span style={{ display: 'inline-block' }}>
            <Button
              size="small"
              color="secondary"
              variant="outlined"
              aria-label={`Roll back ${name}`}
              disabled={!rollbackTarget}
              onClick={actions.onRollback}
            >
              Roll back
            </Button>
          </span>
        </Tooltip>
      )}
    </Box>
  );
}
