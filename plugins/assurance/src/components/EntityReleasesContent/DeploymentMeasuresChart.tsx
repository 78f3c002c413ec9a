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

import type { DeploymentMeasuresBucket } from '@real-app-forever/plugin-assurance-common';
import { useTheme } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** "1 Dec": the Monday a week starts, in UTC as the backend counts. */
export function formatWeek(start: string): string {
  const time = DateTime.fromISO(start, { zone: 'utc' });
  return time.isValid ? time.toFormat('d LLL') : start;
}

/**
 * Deployments per week as bars, and the change-failure rate as a line in
 * percent; a week without deployments has no rate and breaks the line.
 * Decorative for assistive technology: the card gives the same numbers as
 * text and as a table.
 */
export const DeploymentMeasuresChart = (props: {
  buckets: DeploymentMeasuresBucket[];
}) => {
  const theme = useTheme();
  const data = props.buckets.map(bucket => ({
    week: formatWeek(bucket.start),
    deployments: bucket.deployments,
    failures: bucket.failures,
    changeFailureRate:
      bucket.changeFailureRate === null
        ? null
        : Math.round(bucket.changeFailureRate * 1000) / 10,
  }));
  return (
    // Without a ResizeObserver (jsdom), the chart keeps its initial size.
    <div aria-hidden="true" data-testid="deployment-measures-chart">
      <ResponsiveContainer
        width="100%"
        height={260}
        initialDimension={{ width: 600, height: 260 }}
      >
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tick={{ fontSize: 12 }} />
          <YAxis
            yAxisId="deployments"
            allowDecimals={false}
            tick={{ fontSize: 12 }}
            width={32}
          />
          <YAxis
            yAxisId="rate"
            orientation="right"
            domain={[0, 100]}
            unit="%"
            tick={{ fontSize: 12 }}
            width={44}
          />
          <Tooltip />
          <Legend />
          <Bar
            yAxisId="deployments"
            dataKey="deployments"
            name="Deployments"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="changeFailureRate"
            name="Change-failure rate"
            unit="%"
            type="linear"
            dot
            stroke={theme.palette.secondary.main}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
};
