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

import { useState } from 'react';
import type {
  EnvironmentState,
  PromotionDecision,
  Release,
} from '@real-app-forever/plugin-assurance-common';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { ActionError } from './ActionError';
import { DigestChoice, isDigest } from './DigestChoice';
import { PromotionDecisionView } from './PromotionDecisionView';
import { describeRule, unavailableDigests } from './releaseLabels';
import { SubjectDialog } from './SubjectDialog';

const TITLE_ID = 'assurance-promote-title';

/** What the promote dialog works on. */
export interface PromotionTarget {
  environment: EnvironmentState;
  /** What runs in the previous environment: the artifact to promote. */
  candidate?: { environment: string; release: Release };
}

/**
 * Asks the backend to promote a digest into an environment: by default the
 * one running in the previous environment (build once, promote that
 * artifact), else one of the entity's artifacts or a typed digest. Shows
 * the backend's answer: promoted, waiting for approval, or refused with its
 * reasons. The server decides whether the user may.
 */
export const PromoteDialog = (props: {
  entityRef: string;
  /** The dialog is open while it is set. */
  target?: PromotionTarget;
  onPromote: (input: {
    environment: string;
    digest: string;
    reason?: string;
  }) => Promise<PromotionDecision>;
  onClose: () => void;
}) => {
  const { entityRef, onPromote, onClose } = props;
  return (
    <SubjectDialog subject={props.target} titleId={TITLE_ID} onClose={onClose}>
      {target => (
        <PromoteContent
          entityRef={entityRef}
          target={target}
          onPromote={onPromote}
          onClose={onClose}
        />
      )}
    </SubjectDialog>
  );
};

/** Mounted only while the dialog is open, so each opening starts afresh. */
function PromoteContent(props: {
  entityRef: string;
  target: PromotionTarget;
  onPromote: (input: {
    environment: string;
    digest: string;
    reason?: string;
  }) => Promise<PromotionDecision>;
  onClose: () => void;
}) {
  const { entityRef, target, onPromote, onClose } = props;
  const { environment, candidate } = target;
  const [digest, setDigest] = useState(
    candidate?.release.artifact.digest ?? '',
  );
  const [reason, setReason] = useState('');
  const [state, setState] = useState<{
    busy?: boolean;
    error?: unknown;
    decision?: PromotionDecision;
  }>({});

  const submit = async () => {
    setState({ busy: true });
    try {
      const decision = await onPromote({
        environment: environment.name,
        digest: digest.trim(),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setState({ decision });
    } catch (error) {
      setState({ error });
    }
  };

  return (
    <>
      <DialogTitle
        id={TITLE_ID}
      >{`Promote to ${environment.name}`}</DialogTitle>
      {state.decision ? (
        <>
          <DialogContent>
            <PromotionDecisionView
              environment={environment.name}
              decision={state.decision}
            />
          </DialogContent>
          <DialogActions>
            {state.decision.decision === 'refused' && (
              <Button onClick={() => setState({})}>Change request</Button>
            )}
            <Button color="primary" variant="contained" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </>
      ) : (
        <>
          <DialogContent>
            <DialogContentText>
              {`${describeRule(
                environment,
              )}. The backend checks it and answers.`}
            </DialogContentText>
            <DigestChoice
              entityRef={entityRef}
              candidate={candidate}
              unavailable={unavailableDigests(environment)}
              value={digest}
              onChange={chosen => {
                setDigest(chosen);
                // A refusal belongs to the digest it was about.
                setState({});
              }}
            />
            <TextField
              id="assurance-promote-reason"
              label="Reason (optional)"
              multiline
              minRows={2}
              fullWidth
              margin="normal"
              variant="outlined"
              value={reason}
              onChange={event => setReason(event.target.value)}
            />
            <ActionError error={state.error} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              color="primary"
              variant="contained"
              disabled={!isDigest(digest) || state.busy}
              onClick={submit}
            >
              Promote
            </Button>
          </DialogActions>
        </>
      )}
    </>
  );
}
