import { classifyFetchException, classifyHttpFailure, parseRetryAfter } from '@/lib/gravitee/classify';

function classify(status: number, body: string, headers: Record<string, string> = {}) {
  return classifyHttpFailure(status, new Headers(headers), body, 'POST /x');
}

describe('classifyHttpFailure', () => {
  it('maps 401 with an empty body to unauthorized', () => {
    expect(classify(401, '').kind).toBe('unauthorized');
  });

  it('maps 403 with technicalCode to forbidden', () => {
    const error = classify(403, '{"httpStatus":403,"message":"You do not have sufficient rights to access this resource","technicalCode":"forbidden"}');
    expect(error.kind).toBe('forbidden');
    expect(error.details.technicalCode).toBe('forbidden');
  });

  it('maps 403 for a foreign organization to forbidden', () => {
    expect(classify(403, '{"httpStatus":403,"message":"User is not allowed to access this organization"}').kind).toBe('forbidden');
  });

  it('maps 403 without a Gravitee body to csrf-or-cors', () => {
    expect(classify(403, '').kind).toBe('csrf-or-cors');
    expect(classify(403, 'Invalid CORS request').kind).toBe('csrf-or-cors');
  });

  it('maps 404 to not-found', () => {
    expect(classify(404, '{"httpStatus":404,"message":"Subscription [x] cannot be found.","technicalCode":"subscription.notFound"}').kind).toBe('not-found');
  });

  it('maps subscription.processed to already-processed', () => {
    expect(classify(400, '{"httpStatus":400,"message":"This subscription has already been processed.","technicalCode":"subscription.processed"}').kind).toBe('already-processed');
  });

  it('maps the 4.4+ HTTP 500 to already-processed', () => {
    expect(classify(500, '{"httpStatus":500,"message":"Cannot accept subscription"}').kind).toBe('already-processed');
    expect(classify(500, '{"httpStatus":500,"message":"Cannot reject subscription"}').kind).toBe('already-processed');
  });

  it('maps other 500s to server', () => {
    expect(classify(500, '{"httpStatus":500,"message":"boom"}').kind).toBe('server');
    expect(classify(502, '<html>Bad gateway</html>').kind).toBe('server');
  });

  it('maps other 400s to bad-request with the message', () => {
    const error = classify(400, '{"httpStatus":400,"message":"Plan is closed","technicalCode":"plan.closed"}');
    expect(error.kind).toBe('bad-request');
    expect(error.details.serverMessage).toBe('Plan is closed');
  });

  it('maps 429 to rate-limited with Retry-After', () => {
    const error = classify(429, '', { 'Retry-After': '120' });
    expect(error.kind).toBe('rate-limited');
    expect(error.details.retryAfterMs).toBe(120_000);
  });

  it('reads v1 error bodies', () => {
    const error = classify(400, '{"message":"Already processed","http_status":400,"technicalCode":"subscription.processed"}');
    expect(error.kind).toBe('already-processed');
  });
});

describe('parseRetryAfter', () => {
  it('parses an HTTP date', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(parseRetryAfter('Fri, 04 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
  });

  it('returns undefined for garbage', () => {
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('classifyFetchException', () => {
  it('distinguishes timeout from network failure', () => {
    expect(classifyFetchException(new TypeError('Failed to fetch'), 'GET /x', false).kind).toBe('network');
    expect(classifyFetchException(new DOMException('aborted', 'AbortError'), 'GET /x', true).kind).toBe('timeout');
  });
});
