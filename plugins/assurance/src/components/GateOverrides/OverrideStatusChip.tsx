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

import type { OverrideStatus } from '@real-app-forever/plugin-assurance-common';
import Chip from '@material-ui/core/Chip';

const CHIPS: Record<
  OverrideStatus,
  { label: string; color: 'default' | 'primary' | 'secondary' }
> = {
  pending: { label: 'Pending', color: 'default' },
  approved: { label: 'Approved', color: 'primary' },
  rejected: { label: 'Rejected', color: 'secondary' },
  expired: { label: 'Expired', color: 'default' },
};

/**
 * The state of a gate override, as the backend reports it.
 */
export const OverrideStatusChip = (props: { status: OverrideStatus }) => {
  const { label, color } = CHIPS[props.status] ?? {
    label: props.status,
    color: 'default',
  };
  return (
    <Chip
      size="small"
      label={label}
      color={color}
      variant={props.status === 'expired' ? 'outlined' : 'default'}
    />
  );
};
