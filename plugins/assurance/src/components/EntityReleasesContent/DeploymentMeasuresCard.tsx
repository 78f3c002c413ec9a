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

import { ChangeEvent, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { DeploymentMeasures } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../../utils/format';
import { DeploymentMeasuresChart, formatWeek } from './DeploymentMeasuresChart';

/** How many weeks the chart covers. */
export const MEASURE_WEEKS = 12;

/**
 * The DORA deployment frequency and change-failure rate of one environment
 * over the last weeks: the totals in words, a chart, and the weekly
 * numbers as a table.
 */
export const DeploymentMeasuresCard = (props: {
  /** Environment names in promotion order. */
  environments: string[];
  environment?: string;
  onEnvironmentChange: (environment: string) => void;
  measures: {
    value?: DeploymentMeasures;
    loading: boolean;
    error?: Error;
  };
}) => {
  const { environments, environment, onEnvironmentChange, measures } = props;
  return (
    <InfoCard
      title="Deployment frequency and change-failure rate"
      titleTypographyProps={{ component: 'h2' }}
      subheader={`Last ${MEASURE_WEEKS} weeks, by week (UTC, from Monday)`}
    >
      {environments.length > 0 && (
        <TextField
          id="deployment-measures-environment"
          label="Measured environment"
          select
          SelectProps={{ native: true }}
          value={environment ?? ''}
          onChange={(event: ChangeEvent<{ value: unknown }>) =>
            onEnvironmentChange(event.target.value as string)
          }
          variant="outlined"
          size="small"
          margin="dense"
          InputLabelProps={{ shrink: true }}
          // Wide enough for its label: an outlined label does not wrap.
          style={{ minWidth: 200 }}
        >
          {environments.map(name => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </TextField>
      )}
      {measures.loading && !measures.value && <Progress />}
      {measures.error && <ResponseErrorPanel error={measures.error} />}
      {measures.value && !measures.error && (
        <MeasuresContent measures={measures.value} />
      )}
    </InfoCard>
  );
};

function MeasuresContent(props: { measures: DeploymentMeasures }) {
  const { measures } = props;
  const { totals } = measures;
  const [showTable, setShowTable] = useState(false);
  return (
    <>
      <Typography variant="body1" data-testid="deployment-measures-totals">
        {`${formatRate(totals.deploymentsPerWeek)} deployments/week to ${
          measures.environment
        } · change-failure rate ${formatPercent(totals.changeFailureRate)}`}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {`${count(totals.deployments, 'deployment')}, ${count(
          totals.failures,
          'failed or rolled back',
          'failed or rolled back',
        )} in ${measures.weeks} weeks`}
      </Typography>
      <DeploymentMeasuresChart buckets={measures.buckets} />
      <Box mt={1}>
        <Button
          size="small"
          aria-expanded={showTable}
          aria-controls="deployment-measures-table"
          onClick={() => setShowTable(shown => !shown)}
        >
          {showTable ? 'Hide weekly numbers' : 'Show weekly numbers'}
        </Button>
      </Box>
      {showTable && (
        <Table
          id="deployment-measures-table"
          size="small"
          aria-label={`Deployments and failures by week in ${measures.environment}`}
        >
          <TableHead>
            <TableRow>
              <TableCell>Week of</TableCell>
              <TableCell align="right">Deployments</TableCell>
              <TableCell align="right">Failed or rolled back</TableCell>
              <TableCell align="right">Change-failure rate</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {measures.buckets.map(bucket => (
              <TableRow key={bucket.start}>
                <TableCell>{formatWeek(bucket.start)}</TableCell>
                <TableCell align="right">{bucket.deployments}</TableCell>
                <TableCell align="right">{bucket.failures}</TableCell>
                <TableCell align="right">
                  {formatPercent(bucket.changeFailureRate)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

/** 1.5 or 2: at most one decimal. */
function formatRate(rate: number): string {
  return String(Math.round(rate * 10) / 10);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
