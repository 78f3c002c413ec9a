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
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { GateStatus } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import type { ComponentType, PropsWithChildren } from 'react';

const STATUSES: Record<
  GateStatus,
  { Icon: ComponentType<PropsWithChildren<{}>>; label: string }
> = {
  passed: { Icon: StatusOK, label: 'Passed' },
  failed: { Icon: StatusError, label: 'Failed' },
  missing: { Icon: StatusWarning, label: 'Missing' },
  unknown: { Icon: StatusAborted, label: 'Unknown' },
  overridden: { Icon: StatusPending, label: 'Overridden' },
};

/**
 * The status icon and label of a gate verdict.
 */
export const GateStatusLabel = (props: { status: GateStatus }) => {
  const { Icon, label } = STATUSES[props.status] ?? STATUSES.unknown;
  // The status components hide themselves from assistive technology, so the
  // label sits beside the icon instead of inside it.
  return (
    <Box component="span" display="inline-flex" alignItems="center">
      <Icon />
      <span>{label}</span>
    </Box>
  );
};
