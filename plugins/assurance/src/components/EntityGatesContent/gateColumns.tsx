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

import { Link, TableColumn } from '@backstage/core-components';
import type { GateResult } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { GateStatusLabel } from '../GateStatusLabel';
import { RelativeTime } from '../RelativeTime';

/**
 * The columns of the gates table. The "Request override" column is there
 * only when `onRequestOverride` is given, that is when the user may ask.
 */
export function createGateColumns(options: {
  onRequestOverride?: (gate: GateResult) => void;
}): TableColumn<GateResult>[] {
  const { onRequestOverride } = options;
  const columns: TableColumn<GateResult>[] = [
    {
      title: 'Status',
      field: 'status',
      width: '10%',
      cellStyle: { whiteSpace: 'nowrap' },
      render: gate => (
        <span data-gate-id={gate.id} data-gate-status={gate.status}>
          <GateStatusLabel status={gate.status} />
        </span>
      ),
    },
    {
      title: 'Gate',
      field: 'title',
      width: '15%',
      highlight: true,
    },
    {
      title: 'Reason',
      field: 'reason',
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
      render: gate => (gate.status === 'passed' ? null : gate.remediation),
    },
    {
      title: 'Evidence',
      field: 'evidenceIds',
      render: gate => <EvidenceLinks ids={gate.evidenceIds} />,
    },
    {
      title: 'Evidence age',
      field: 'evidenceUploadedAt',
      width: '12%',
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
      width: '10%',
      render: gate =>
        gate.status === 'passed' ? null : (
          <Button
            size="small"
            variant="outlined"
            aria-label={`Request override for ${gate.title}`}
            data-testid="assurance-request-override"
            onClick={() => onRequestOverride(gate)}
          >
            Request override
          </Button>
        ),
    });
  }
  return columns;
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
        Expires <RelativeTime value={override.expiresAt} withAbsolute />
      </Typography>
    </Box>
  );
}

function EvidenceLinks(props: { ids: string[] }) {
  if (props.ids.length === 0) {
    return <Typography variant="body2">None</Typography>;
  }
  return (
    <>
      {props.ids.map(id => (
        <div key={id}>
          <Link
            to={`../evidence?id=${encodeURIComponent(id)}`}
            relative="path"
            title={`Show evidence ${id}`}
          >
            {shortId(id)}
          </Link>
        </div>
      ))}
    </>
  );
}

function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
