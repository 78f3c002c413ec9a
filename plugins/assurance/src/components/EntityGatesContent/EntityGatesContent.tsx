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
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { GateResult } from '@real-app-forever/plugin-assurance-common';
import Typography from '@material-ui/core/Typography';
import { useEntityGates } from '../../hooks';
import { GateStatusLabel } from '../GateStatusLabel';
import { RelativeTime } from '../RelativeTime';

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

/**
 * The Gates tab of an entity: the verdict of every gate the backend's policy
 * requires, in policy order, with the reason and what to do about it.
 *
 * @public
 */
export const EntityGatesContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useEntityGates({ entityRef });

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.gates.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No gates apply to this entity"
        description={
          value
            ? `The gate policy requires no gates for risk level ${value.riskLevel}.`
            : 'The assurance backend returned no gate verdicts.'
        }
      />
    );
  }

  const passed = value.gates.filter(gate => gate.status === 'passed').length;
  return (
    <div data-testid="assurance-gates">
      <Table<GateResult>
        title="Gates"
        subtitle={`Risk level: ${value.riskLevel} · ${passed} of ${value.gates.length} gates passed`}
        columns={columns}
        data={value.gates}
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
        }}
      />
    </div>
  );
};

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
