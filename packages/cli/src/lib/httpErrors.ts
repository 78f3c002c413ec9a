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

import { ResponseError } from '@backstage/errors';
import { ApiError, errorMessage } from './errors';

export const REQUEST_TIMEOUT_MS = 5 * 60 * 1000;

const CONNECTION_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
};

export function connectionError(error: unknown, url: string): ApiError {
  const origin = new URL(url).origin;
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ApiError(
      `No answer from ${origin} within ${REQUEST_TIMEOUT_MS / 1000} s`,
      { fatal: true },
    );
  }
  type Cause = { code?: string; message?: string; errors?: Cause[] };
  let cause = ((error as { cause?: unknown })?.cause ?? error) as Cause;
  if (cause?.errors?.length) {
    cause = cause.errors[0]; // AggregateError of all the addresses tried
  }
  const reason =
    (cause?.code && CONNECTION_REASONS[cause.code]) ??
    cause?.message ??
    errorMessage(error);
  return new ApiError(
    `Could not reach the assurance backend at ${origin} (${reason}). Is it running, and is ASSURANCE_URL right?`,
    { fatal: true },
  );
}

/** The backend's `{ error: { message } }`, or a short plain-text body. */
function serverMessage(body: unknown, text?: string): string | undefined {
  const message = (body as { error?: { message?: unknown } })?.error?.message;
  if (typeof message === 'string' && message) {
    return message;
  }
  const trimmed = text?.trim();
  if (trimmed && !trimmed.startsWith('<')) {
    return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
  }
  return undefined;
}

export async function httpError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return describeStatus(response.status, serverMessage(body, text));
}

export async function toApiError(error: unknown): Promise<unknown> {
  if (error instanceof ResponseError) {
    // A body that is not Backstage's error shape comes back wrapped as
    // "Request failed with status …, <body>"; unwrap it.
    const message = serverMessage(error.body, undefined);
    const wrapped = message?.match(/^Request failed with status [^,]*, (.*)$/s);
    if (wrapped) {
      let body: unknown;
      try {
        body = JSON.parse(wrapped[1]);
      } catch {
        body = undefined;
      }
      return describeStatus(
        error.response.status,
        serverMessage(body, wrapped[1]),
      );
    }
    return describeStatus(error.response.status, message);
  }
  return error;
}

/** A message for the status that says what to do about it. */
export function describeStatus(status: number, message?: string): ApiError {
  const detail = message ? `: ${message}` : '';
  switch (status) {
    case 400:
      return new ApiError(
        (message ?? 'the backend refused the request').replace(
          /^Evidence refused: /,
          '',
        ),
        { status, fatal: false },
      );
    case 401:
      return new ApiError(
        `401 Unauthorized${detail}. The backend did not accept ASSURANCE_TOKEN; check that it matches the backend's CI token (ASSURANCE_CI_TOKEN) and has not been rotated.`,
        { status, fatal: true },
      );
    case 403:
      return new ApiError(
        `403 Forbidden${detail}. The token is valid but may not do this for this entity.`,
        { status, fatal: true },
      );
    case 404:
      return new ApiError(
        `404 Not Found${detail}. Check the entity reference (is the entity in the catalog?) and that ASSURANCE_URL is the Backstage backend with the assurance plugin.`,
        { status, fatal: true },
      );
    case 409:
      return new ApiError(
        `409 Conflict${
          detail || ': the request does not fit the current state'
        }`,
        { status, fatal: false },
      );
    case 413:
      return new ApiError(
        `too large (413)${
          detail || ': the file is larger than the backend accepts'
        }`,
        { status, fatal: false },
      );
    default:
      return new ApiError(`the backend answered ${status}${detail}`, {
        status,
        fatal: false,
      });
  }
}
