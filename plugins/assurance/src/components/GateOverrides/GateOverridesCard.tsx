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

import { useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  assuranceOverrideApprovePermission,
  GateOverride,
  sameActor,
} from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useCurrentUserRef } from '../../hooks';
import { formatDigest } from '../../utils/format';
import { ActorName } from '../ActorName';
import { RelativeTime } from '../RelativeTime';
import { ExpiryTime } from './ExpiryTime';
import { DecideOverrideDialog, OverrideDecision } from './DecideOverrideDialog';
import { OverrideStatusChip } from './OverrideStatusChip';

/** Headers and short values never wrap mid-word. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The overrides of an entity with their state, and, for pending ones, the
 * approve and reject buttons: shown only to users who hold
 * `assurance.override.approve` and did not make the request. The server
 * checks both again.
 */
export const GateOverridesCard = (props: {
  entityRef: string;
  overrides: { value?: GateOverride[]; loading: boolean; error?: Error };
  /** Gate titles by id, to name the gates. */
  gateTitles: Record<string, string>;
  busy?: boolean;
  onApprove: (input: { id: string; comment?: string }) => Promise<boolean>;
  onReject: (input: { id: string; comment: string }) => Promise<boolean>;
}) => {
  const { entityRef, overrides, gateTitles, busy, onApprove, onReject } = props;
  const { allowed: canApprove } = usePermission({
    permission: assuranceOverrideApprovePermission,
    resourceRef: entityRef,
  });
  const currentUserRef = useCurrentUserRef();
  const [deciding, setDeciding] = useState<{
    override: GateOverride;
    decision: OverrideDecision;
  }>();

  const mayDecide = (override: GateOverride) =>
    override.status === 'pending' &&
    canApprove &&
    currentUserRef !== undefined &&
    !sameActor(override.requestedBy, currentUserRef);

  return (
    <div data-testid="assurance-overrides">
      <InfoCard title="Overrides" noPadding>
        <OverridesContent
          overrides={overrides}
          gateTitles={gateTitles}
          mayDecide={mayDecide}
          onDecide={(override, decision) => setDeciding({ override, decision })}
        />
      </InfoCard>
      <DecideOverrideDialog
        deciding={deciding}
        gateTitle={deciding && gateTitles[deciding.override.gateId]}
        busy={busy}
        onClose={() => setDeciding(undefined)}
        onSubmit={({ id, decision, comment }) =>
          decision === 'approve'
            ? onApprove(comment ? { id, comment } : { id })
            : onReject({ id, comment })
        }
      />
    </div>
  );
};

function OverridesContent(props: {
  overrides: { value?: GateOverride[]; loading: boolean; error?: Error };
  gateTitles: Record<string, string>;
  mayDecide: (override: GateOverride) => boolean;
  onDecide: (override: GateOverride, decision: OverrideDecision) => void;
}) {
  const { overrides, gateTitles, mayDecide, onDecide } = props;
  if (overrides.loading && !overrides.value) {
    return <Progress />;
  }
  if (overrides.error) {
    return <ResponseErrorPanel error={overrides.error} />;
  }
  if (!overrides.value || overrides.value.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No overrides"
        description="No one has asked to override a gate of this entity."
      />
    );
  }
  return (
    // Scrolls sideways on narrow screens rather than cutting columns.
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Table size="small" aria-label="Gate overrides">
        <TableHead>
          <TableRow>
            <TableCell style={NOWRAP}>Gate</TableCell>
            <TableCell style={NOWRAP}>Artifact</TableCell>
            <TableCell style={NOWRAP}>Reason</TableCell>
            <TableCell style={NOWRAP}>Requested</TableCell>
            <TableCell style={NOWRAP}>Expires</TableCell>
            <TableCell style={NOWRAP}>Status</TableCell>
            <TableCell style={NOWRAP}>Decision</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {overrides.value.map(override => (
            <TableRow
              key={override.id}
              data-override-id={override.id}
              data-override-status={override.status}
            >
              <TableCell style={{ minWidth: 120 }}>
                {gateTitles[override.gateId] ?? override.gateId}
              </TableCell>
              <TableCell title={override.digest} style={NOWRAP}>
                {override.digest
                  ? formatDigest(override.digest)
                  : 'All artifacts'}
              </TableCell>
              <TableCell style={{ minWidth: 200 }}>{override.reason}</TableCell>
              <TableCell>
                <Typography variant="body2">
                  <ActorName actor={override.requestedBy} />
                </Typography>
                <RelativeTime value={override.requestedAt} />
              </TableCell>
              <TableCell>
                <ExpiryTime value={override.expiresAt} />
              </TableCell>
              <TableCell style={NOWRAP}>
                <OverrideStatusChip status={override.status} />
              </TableCell>
              <TableCell style={{ minWidth: 120 }}>
                <Decision override={override} />
              </TableCell>
              <TableCell style={NOWRAP}>
                {mayDecide(override) && (
                  <Box display="flex" style={{ gap: 4 }}>
                    <Button
                      size="small"
                      color="primary"
                      variant="outlined"
                      style={NOWRAP}
                      aria-label="Approve override"
                      data-testid="assurance-approve-override"
                      onClick={() => onDecide(override, 'approve')}
                    >
                      Approve
                    </Button>
                    <Button
                      size="small"
                      color="secondary"
                      variant="outlined"
                      style={NOWRAP}
                      aria-label="Reject override"
                      data-testid="assurance-reject-override"
                      onClick={() => onDecide(override, 'reject')}
                    >
                      Reject
                    </Button>
                  </Box>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function Decision(props: { override: GateOverride }) {
  const { decidedBy, decidedAt, decisionComment } = props.override;
  if (!decidedBy) {
    return null;
  }
  return (
    <>
      <Typography variant="body2">
        <ActorName actor={decidedBy} />
        {decidedAt && (
          <>
            {' · '}
            <RelativeTime value={decidedAt} />
          </>
        )}
      </Typography>
      {decisionComment && (
        <Typography variant="body2" color="textSecondary">
          {decisionComment}
        </Typography>
      )}
    </>
  );
}
