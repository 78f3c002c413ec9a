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

import { Fragment } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type {
  EnvironmentDrift,
  RuntimeConfigReport,
} from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatVersion } from '../../utils/format';
import { RelativeTime } from '../RelativeTime';
import { DriftStatusChip } from './DriftStatusChip';

/** Headers and short values never wrap mid-word. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

const COLUMNS = 5;

/**
 * Whether what each environment runs matches the expected effective config:
 * the status, why, the newest report, the last known-good one, and, for a
 * drifted environment, which keys differ.
 */
export const DriftPanel = (props: {
  drift: { value?: EnvironmentDrift[]; loading: boolean; error?: Error };
}) => {
  const { drift } = props;
  return (
    <div data-testid="assurance-drift">
      <InfoCard title="Drift" noPadding>
        <DriftContent drift={drift} />
      </InfoCard>
    </div>
  );
};

function DriftContent(props: {
  drift: { value?: EnvironmentDrift[]; loading: boolean; error?: Error };
}) {
  const { drift } = props;
  if (drift.loading) {
    return <Progress />;
  }
  if (drift.error) {
    return <ResponseErrorPanel error={drift.error} />;
  }
  if (!drift.value || drift.value.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No environments"
        description="The gate policy names no environments to compare."
      />
    );
  }
  return (
    // Scrolls sideways on narrow screens rather than cutting columns.
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Table size="small" aria-label="Drift per environment">
        <TableHead>
          <TableRow>
            <TableCell style={NOWRAP}>Environment</TableCell>
            <TableCell style={NOWRAP}>Status</TableCell>
            <TableCell style={NOWRAP}>Reason</TableCell>
            <TableCell style={NOWRAP}>Reported</TableCell>
            <TableCell style={NOWRAP}>Last known good</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {drift.value.map(environment => (
            <Fragment key={environment.environment}>
              <TableRow
                data-drift-environment={environment.environment}
                data-drift-status={environment.status}
              >
                <TableCell style={NOWRAP}>{environment.environment}</TableCell>
                <TableCell>
                  <DriftStatusChip status={environment.status} />
                </TableCell>
                <TableCell>{environment.reason}</TableCell>
                <TableCell>
                  <Report report={environment.latest} none="Never reported" />
                </TableCell>
                <TableCell>
                  <Report report={environment.lastKnownGood} none="None" />
                </TableCell>
              </TableRow>
              {environment.status === 'drifted' &&
                environment.differences.length > 0 && (
                  <TableRow>
                    <TableCell colSpan={COLUMNS}>
                      <Differences environment={environment} />
                    </TableCell>
                  </TableRow>
                )}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function Report(props: { report?: RuntimeConfigReport; none: string }) {
  const { report, none } = props;
  if (!report) {
    return <Typography variant="body2">{none}</Typography>;
  }
  return (
    <>
      <Typography variant="body2">
        <RelativeTime value={report.reportedAt} withAbsolute />
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {`by ${report.reportedBy} · version `}
        <span title={report.version}>{formatVersion(report.version)}</span>
      </Typography>
    </>
  );
}

function Differences(props: { environment: EnvironmentDrift }) {
  const { environment, differences } = props.environment;
  return (
    <Box pl={2}>
      <Table size="small" aria-label={`Differences in ${environment}`}>
        <TableHead>
          <TableRow>
            <TableCell style={NOWRAP}>Key</TableCell>
            <TableCell style={NOWRAP}>Expected</TableCell>
            <TableCell style={NOWRAP}>Actual</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {differences.map(difference => (
            <TableRow key={difference.key}>
              <TableCell style={NOWRAP}>
                <code>{difference.key}</code>
              </TableCell>
              <TableCell>{formatConfigValue(difference.expected)}</TableCell>
              <TableCell>{formatConfigValue(difference.actual)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function formatConfigValue(value: unknown): string {
  if (value === undefined) {
    return '(not set)';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
