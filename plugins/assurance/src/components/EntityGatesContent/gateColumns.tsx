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

import { TableColumn } from '@backstage/core-components';
import type { GateResult } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import FlagIcon from '@material-ui/icons/Flag';
import { DateTime } from 'luxon';
import { EvidenceLinks } from '../EvidenceLinks';
import { GateStatusLabel } from '../GateStatusLabel';
import { ExpiryTime } from '../GateOverrides/ExpiryTime';
import { RelativeTime } from '../RelativeTime';

/** Headers never wrap mid-word. */
const headerStyle = { whiteSpace: 'nowrap' } as const;

/**
 * The columns of the gates table. The "Request override" column is there
 * only when `onRequestOverride` is given, that is when the user may ask.
 * `pendingGateIds` holds the gates that already have a pending, unexpired
 * request in the scope in view: they get no second request.
 */
export function createGateColumns(options: {
  onRequestOverride?: (gate: GateResult) => void;
  pendingGateIds?: ReadonlySet<string>;
}): TableColumn<GateResult>[] {
  const { onRequestOverride, pendingGateIds = new Set<string>() } = options;
  const columns: TableColumn<GateResult>[] = [
    {
      title: 'Status',
      field: 'status',
      width: '10%',
      headerStyle,
      cellStyle: { whiteSpace: 'nowrap' },
      render: gate => (
        <span data-gate-id={gate.id} data-gate-status={gate.status}>
          <GateStatusLabel status={gate.status} />
          {pendingGateIds.has(gate.id) && (
            <Typography
              variant="caption"
              color="textSecondary"
              component="div"
              data-testid="assurance-gate-override-pending"
            >
              Override pending
            </Typography>
          )}
        </span>
      ),
    },
    {
      title: 'Gate',
      field: 'title',
      width: '14%',
      headerStyle,
      cellStyle: { minWidth: 120 },
      highlight: true,
    },
    {
      title: 'Reason',
      field: 'reason',
      headerStyle,
      cellStyle: { minWidth: 200, overflowWrap: 'anywhere' },
      render: gate => (
        <>
          {gate.reason}
          {gate.override && <OverrideDetails override={gate.override} />}
        </>
      ),
    },
    {
      title: 'Remediation',
      field: 'remediation',
      headerStyle,
      cellStyle: { minWidth: 180 },
      render: gate => (gate.status === 'passed' ? null : gate.remediation),
    },
    {
      title: 'Evidence',
      field: 'evidenceIds',
      headerStyle,
      cellStyle: { whiteSpace: 'nowrap' },
      render: gate => <EvidenceLinks ids={gate.evidenceIds} />,
    },
    {
      title: 'Evidence age',
      field: 'evidenceUploadedAt',
      width: '10%',
      headerStyle,
      cellStyle: { whiteSpace: 'nowrap' },
      render: gate =>
        gate.evidenceUploadedAt ? (
          <RelativeTime value={gate.evidenceUploadedAt} />
        ) : (
          <Typography variant="body2">No evidence</Typography>
        ),
    },
  ];
  if (onRequestOverride) {
    columns.push({
      title: 'Override',
      width: '1%',
      headerStyle,
      cellStyle: { whiteSpace: 'nowrap' },
      render: gate =>
        gate.status === 'passed' ? null : (
          <RequestOverrideButton
            gate={gate}
            blockedBy={requestBlockedBy(gate, pendingGateIds)}
            onClick={() => onRequestOverride(gate)}
          />
        ),
    });
  }
  return columns;
}

/** Why a new request for the gate makes no sense, if it does not. */
function requestBlockedBy(
  gate: GateResult,
  pendingGateIds: ReadonlySet<string>,
): string | undefined {
  if (gate.override || gate.status === 'overridden') {
    const until = gate.override && DateTime.fromISO(gate.override.expiresAt);
    return until?.isValid
      ? `Overridden until ${until
          .toLocal()
          .toLocaleString(DateTime.DATETIME_MED)}`
      : 'Overridden';
  }
  if (pendingGateIds.has(gate.id)) {
    return 'A request is pending';
  }
  return undefined;
}

function RequestOverrideButton(props: {
  gate: GateResult;
  blockedBy?: string;
  onClick: () => void;
}) {
  const { gate, blockedBy, onClick } = props;
  const button = (
    <Button
      size="small"
      variant="outlined"
      startIcon={<FlagIcon fontSize="small" />}
      style={{ whiteSpace: 'nowrap' }}
      aria-label={`Request override for ${gate.title}`}
      data-testid="assurance-request-override"
      disabled={Boolean(blockedBy)}
      onClick={onClick}
    >
      Override
    </Button>
  );
  return (
    <Tooltip title={blockedBy ?? `Request override for ${gate.title}`}>
      {/* A disabled button gets no hover events; the span does. */}
      <span style={{ display: 'inline-block' }}>{button}</span>
    </Tooltip>
  );
}

function OverrideDetails(props: {
  override: NonNullable<GateResult['override']>;
}) {
  const { override } = props;
  return (
    <Box mt={1} data-testid="assurance-gate-override">
      <Typography variant="body2" component="div">
        <Box component="span" display="inline-flex" alignItems="center">
          Underlying status:&nbsp;
          <GateStatusLabel status={override.underlyingStatus} />
        </Box>
      </Typography>
      <Typography variant="body2">
        {`Approved by ${override.approvedBy} (requested by ${override.requestedBy})`}
      </Typography>
      <Typography variant="body2">{`Reason: ${override.reason}`}</Typography>
      <Typography variant="body2">
        Expires <ExpiryTime value={override.expiresAt} />
      </Typography>
    </Box>
  );
}
