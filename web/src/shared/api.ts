// Fetch wrapper for /api/v1: same-origin cookies, CSRF header on writes, problem+json errors.

export type Id = number | string;

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldProblem[];
  current?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code ?? '';
    this.problem = problem;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

export const API_BASE = '/api/v1';

let csrfToken = '';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called when a request answers 401 (the session ended); the session context signs out. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Raw bytes sent as application/octet-stream instead of JSON. */
  bytes?: ArrayBuffer;
  headers?: Record<string, string>;
  /** Do not call the unauthorized handler on 401 (used by session probes and sign-in). */
  quiet401?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue;
      params.set(k, String(v));
    }
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.bytes !== undefined) {
    headers['Content-Type'] = 'application/octet-stream';
    body = options.bytes;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { code: 'network', detail: e instanceof Error ? e.message : String(e) });
  }

  if (!response.ok) {
    let problem: Problem = { status: response.status, title: response.statusText };
    const text = await response.text();
    if (text) {
      try {
        problem = { ...problem, ...(JSON.parse(text) as Problem) };
      } catch {
        problem.detail = text.slice(0, 300);
      }
    }
    if (response.status === 401 && !options.quiet401 && onUnauthorized) onUnauthorized();
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, version?: number | string, options?: RequestOptions) =>
    request<T>('PATCH', path, {
      ...options,
      body,
      headers: version !== undefined && version !== null ? { 'If-Match': String(version), ...options?.headers } : options?.headers,
    }),
  del: <T = void>(path: string, version?: number | string) =>
    request<T>('DELETE', path, { headers: version !== undefined ? { 'If-Match': String(version) } : undefined }),
};

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
