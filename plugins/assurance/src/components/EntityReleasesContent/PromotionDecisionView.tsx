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

import type { PromotionDecision } from '@real-app-forever/plugin-assurance-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ExpiryTime } from '../GateOverrides/ExpiryTime';
import { describeRelease } from './releaseLabels';

/** Reasons name whole digests; they wrap instead of overflowing. */
const WRAP = { overflowWrap: 'anywhere' } as const;

/**
 * The backend's answer to a promotion: promoted, waiting for a second
 * person, or refused with every unmet condition.
 */
export const PromotionDecisionView = (props: {
  environment: string;
  decision: PromotionDecision;
}) => {
  const { environment, decision } = props;
  const { release, reasons } = decision;
  const what = release ? describeRelease(release) : 'The artifact';
  if (decision.decision === 'refused') {
    return (
      <Alert severity="warning" data-decision="refused" style={WRAP}>
        <AlertTitle>Promotion refused</AlertTitle>
        <Typography variant="body2">
          {`Nothing was deployed to ${environment}. What is missing:`}
        </Typography>
        <ul aria-label="Why the promotion was refused">
          {reasons.map(reason => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </Alert>
    );
  }
  if (decision.decision === 'pending-approval') {
    return (
      <Alert severity="info" data-decision="pending-approval" style={WRAP}>
        <AlertTitle>Waiting for approval</AlertTitle>
        <Typography variant="body2">
          {`${what} goes to ${environment} once someone other than you who may approve releases approves it on this tab.`}
        </Typography>
        <ReasonList reasons={reasons} />
        {release?.approvalExpiresAt && (
          <Typography variant="body2">
            The request lapses <ExpiryTime value={release.approvalExpiresAt} />
          </Typography>
        )}
      </Alert>
    );
  }
  return (
    <Alert severity="success" data-decision="promoted" style={WRAP}>
      <AlertTitle>Promoted</AlertTitle>
      <Typography variant="body2">{`${what} is promoted to ${environment}.`}</Typography>
      <Typography variant="body2">
        {`The pipeline now deploys the digest and reports the outcome; until then ${environment} shows Deploying, and someone who may record releases can mark it succeeded or failed on its card.`}
      </Typography>
      <ReasonList reasons={reasons} />
    </Alert>
  );
};

function ReasonList(props: { reasons: string[] }) {
  if (props.reasons.length === 0) {
    return null;
  }
  return (
    <ul>
      {props.reasons.map(reason => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}
