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

import type { ComponentType, PropsWithChildren } from 'react';
import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { ProvenanceSummary } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

type Signature = ProvenanceSummary['signature'];

const STATUSES: Record<
  Signature['status'],
  { Icon: ComponentType<PropsWithChildren<{}>>; label: string }
> = {
  verified: { Icon: StatusOK, label: 'Signature verified' },
  unverified: { Icon: StatusWarning, label: 'Signature not verified' },
  failed: { Icon: StatusError, label: 'Signature check failed' },
};

/**
 * Whether the signature of build provenance was checked, and why.
 */
export const SignatureStatusLabel = (props: { signature: Signature }) => {
  const { signature } = props;
  const { Icon, label } = STATUSES[signature.status] ?? STATUSES.unverified;
  // The status components hide themselves from assistive technology, so the
  // label sits beside the icon.
  return (
    <Box>
      <Box component="span" display="inline-flex" alignItems="center">
        <Icon />
        <span>{label}</span>
      </Box>
      <Typography variant="body2" component="div">
        {signature.reason}
      </Typography>
      {signature.keyId && (
        <Typography variant="caption" component="div">
          Key: <code>{signature.keyId}</code>
        </Typography>
      )}
    </Box>
  );
};
