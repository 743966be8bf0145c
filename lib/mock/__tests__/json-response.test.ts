import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../json-response';

describe('jsonResponse', () => {
  it('sends the JSON with its byte length (UTF-8, not characters) and a JSON content type', async () => {
    const body = { results: [{ content: 'Café ☕ — déjà vu' }], next_cursor: null };
    const response = jsonResponse(body, { status: 201 });
    const text = JSON.stringify(body);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(text.length);
    expect(await response.json()).toEqual(body);
  });

  it('keeps a content type and headers it is given', () => {
    const response = jsonResponse({}, { headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '3' } });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('retry-after')).toBe('3');
  });
});
