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

import { useMemo } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import type { Release } from '@real-app-forever/plugin-assurance-common';
import { formatDigest } from '../../utils/format';
import { RelativeTime } from '../RelativeTime';
import {
  MigrationStatusChip,
  ReleaseStatusChip,
  releaseVersion,
} from './releaseLabels';

const columns: TableColumn<Release>[] = [
  { title: 'Environment', field: 'environment' },
  { title: 'Version', render: release => releaseVersion(release) },
  {
    title: 'Digest',
    render: release => (
      <code title={release.artifact.digest}>
        {formatDigest(release.artifact.digest)}
      </code>
    ),
  },
  {
    title: 'Status',
    render: release => <ReleaseStatusChip status={release.status} />,
  },
  {
    title: 'Migration',
    render: release => <MigrationStatusChip status={release.migrationStatus} />,
  },
  { title: 'Actor', field: 'actor' },
  {
    title: 'When',
    render: release => <RelativeTime value={release.createdAt} />,
  },
  { title: 'Reason', render: release => release.reason ?? '' },
];

/** Releases newest first; ties keep the order the backend gave. */
export function sortNewestFirst(releases: Release[]): Release[] {
  return releases
    .map((release, index) => ({ release, index }))
    .sort(
      (a, b) =>
        Date.parse(b.release.createdAt) - Date.parse(a.release.createdAt) ||
        a.index - b.index,
    )
    .map(({ release }) => release);
}

/** The release history across environments, newest first. */
export const ReleaseHistoryTable = (props: { releases: Release[] }) => {
  const data = useMemo(() => sortNewestFirst(props.releases), [props.releases]);
  return (
    <div data-testid="release-history" style={{ overflowX: 'auto' }}>
      <Table<Release>
        title="History"
        columns={columns}
        data={data}
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
          headerStyle: { whiteSpace: 'nowrap' },
        }}
      />
    </div>
  );
};
