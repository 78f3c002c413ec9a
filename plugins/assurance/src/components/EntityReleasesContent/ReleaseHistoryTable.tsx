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

import { useMemo, useState } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import { Release } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatDigest } from '../../utils/format';
import { EvidenceLinks } from '../EvidenceLinks';
import { RelativeTime } from '../RelativeTime';
import { ActorName } from '../ActorName';
import {
  MigrationStatusChip,
  ReleaseStatusChip,
  isUndeployedRequest,
  releaseVersion,
} from './releaseLabels';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Longer histories get pages of this many releases. */
const PAGE_SIZE = 20;

/**
 * Six columns, so that the history fits the entity page at common widths:
 * version and digest share one, status and migrations another, who and
 * when a third, and the reason carries the work item.
 */
function createColumns(byId: Map<string, Release>): TableColumn<Release>[] {
  return [
    { title: 'Environment', field: 'environment', cellStyle: nowrap },
    {
      title: 'Release',
      cellStyle: nowrap,
      render: release => (
        <>
          <Typography variant="body2">{releaseVersion(release)}</Typography>
          <Typography
            variant="caption"
            component="code"
            title={release.artifact.digest}
          >
            {formatDigest(release.artifact.digest)}
          </Typography>
        </>
      ),
    },
    {
      title: 'Status',
      cellStyle: nowrap,
      render: release => (
        <>
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
            <ReleaseStatusChip status={release.status} />
            {!isUndeployedRequest(release) && (
              <MigrationStatusChip status={release.migrationStatus} />
            )}
          </Box>
          {release.rollbackOf && (
            <Typography variant="caption" component="div">
              {`Rollback of ${describeRolledBack(release.rollbackOf, byId)}`}
            </Typography>
          )}
          {release.status === 'expired' && release.approvalExpiresAt && (
            <Typography
              variant="caption"
              component="div"
              data-approval-lapsed="true"
            >
              Approval lapsed <RelativeTime value={release.approvalExpiresAt} />
            </Typography>
          )}
          {release.rejectedBy && (
            <Typography variant="caption" component="div">
              {release.status === 'withdrawn'
                ? 'Withdrawn by '
                : 'Rejected by '}
              <ActorName actor={release.rejectedBy} />
              {release.rejectionReason && `: ${release.rejectionReason}`}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'When',
      cellStyle: nowrap,
      render: release => (
        <>
          <Typography variant="body2">
            <RelativeTime value={release.createdAt} />
          </Typography>
          <Typography variant="caption" component="div">
            {describeActorRole(release)}
            <ActorName actor={release.actor} />
          </Typography>
          {release.approvedBy && (
            <Typography variant="caption" component="div">
              approved by <ActorName actor={release.approvedBy} />
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Why',
      cellStyle: { minWidth: 180 },
      render: release => (
        <>
          {release.reason && (
            <Typography variant="body2">{release.reason}</Typography>
          )}
          {release.workItem && (
            <Typography variant="caption" component="div">
              {release.workItem}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Evidence',
      cellStyle: nowrap,
      render: release => <EvidenceLinks ids={release.evidenceIds} max={3} />,
    },
  ];
}

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

/**
 * The release history across environments, newest first. With `partial`
 * (older releases not loaded yet) its pager counts only the loaded ones,
 * and says so.
 */
export const ReleaseHistoryTable = (props: {
  releases: Release[];
  partial?: boolean;
  /**
   * The index of the first release of the page loaded last, to open the
   * table on: after **Load older releases**, on the first older one.
   */
  openAt?: number;
}) => {
  const data = useMemo(() => sortNewestFirst(props.releases), [props.releases]);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const openAt = props.openAt ?? 0;
  const columns = useMemo(
    () => createColumns(new Map(props.releases.map(r => [r.id, r]))),
    [props.releases],
  );
  return (
    <div data-testid="release-history" style={{ overflowX: 'auto' }}>
      <Table<Release>
        // The table reads its page once: a new key opens it anew.
        key={openAt}
        onRowsPerPageChange={setPageSize}
        columns={columns}
        data={data}
        emptyContent={
          <Typography variant="body2" style={{ padding: 16 }}>
            No releases match these filters.
          </Typography>
        }
        localization={
          props.partial
            ? {
                pagination: {
                  labelDisplayedRows: '{from}-{to} of the newest {count}',
                },
              }
            : undefined
        }
        options={{
          paging: data.length > PAGE_SIZE,
          pageSize,
          initialPage: Math.floor(openAt / pageSize),
          pageSizeOptions: [PAGE_SIZE, 50, 100],
          search: false,
          sorting: false,
          toolbar: false,
          padding: 'dense',
          headerStyle: nowrap,
        }}
      />
    </div>
  );
};

/**
 * How the release's actor comes in: a request that was never deployed was
 * asked for, an approved one requested, anything else deployed.
 */
function describeActorRole(release: Release): string {
  if (isUndeployedRequest(release)) {
    return 'asked by ';
  }
  return release.approvedBy ? 'requested by ' : 'by ';
}

/** "1.4.2 in prod" when the release is in view, else its short id. */
function describeRolledBack(id: string, byId: Map<string, Release>): string {
  const release = byId.get(id);
  return release
    ? `${releaseVersion(release)} in ${release.environment}`
    : `release ${id.slice(0, 8)}`;
}
