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

import { ServerResponse } from 'node:http';

/** One request the fake backend received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  authorization?: string;
  fields: Record<string, string>;
  file?: { name: string; text: string };
  /** The parsed body of a JSON request. */
  json?: any;
}

/** Answers with a JSON body. */
export function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Answers with an error body shaped like the backend's. */
export function fail(res: ServerResponse, status: number, message: string) {
  send(res, status, {
    error: { name: 'Error', message },
    response: { statusCode: status },
  });
}
