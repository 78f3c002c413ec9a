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
import TextField from '@material-ui/core/TextField';
import useAsyncFn from 'react-use/esm/useAsyncFn';

/**
 * The required reason of a release action (a rollback, a rejection) and
 * the action that sends it trimmed, closing the dialog when it succeeds;
 * its error stays for the dialog to show.
 */
export function useReasonAction(options: {
  send: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { send, onClose } = options;
  const [reason, setReason] = useState('');
  const [state, submit] = useAsyncFn(async () => {
    await send(reason.trim());
    onClose();
  }, [reason, send, onClose]);
  return {
    reason,
    setReason,
    valid: reason.trim().length > 0,
    state,
    submit,
  };
}

/** The reason's text field. */
export const ReasonField = (props: {
  id: string;
  value: string;
  onChange: (reason: string) => void;
  helperText?: string;
}) => (
  <TextField
    id={props.id}
    label="Reason"
    required
    multiline
    minRows={2}
    fullWidth
    margin="normal"
    variant="outlined"
    helperText={props.helperText}
    value={props.value}
    onChange={event => props.onChange(event.target.value)}
  />
);
