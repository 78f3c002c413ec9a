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

import type { DriftStatus } from '@real-app-forever/plugin-assurance-common';
import Chip from '@material-ui/core/Chip';

const CHIPS: Record<
  DriftStatus,
  { label: string; color: 'default' | 'primary' | 'secondary' }
> = {
  'in-sync': { label: 'In sync', color: 'primary' },
  drifted: { label: 'Drifted', color: 'secondary' },
  unknown: { label: 'Unknown', color: 'default' },
};

/**
 * The drift status of an environment, as the backend reports it.
 */
export const DriftStatusChip = (props: { status: DriftStatus }) => {
  const { label, color } = CHIPS[props.status] ?? CHIPS.unknown;
  return <Chip size="small" label={label} color={color} />;
};
