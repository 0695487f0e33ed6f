// The comment is sent by the browser itself to the public API, so the server's own limits apply to
// it exactly as to any other client: the per-address rate limit, the body limit, the markup check.
export async function submitComment(url, comment) {
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
      body: JSON.stringify(comment),
    });
  } catch {
    return { status: 0, retryAfter: null, body: null };
  }
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('Retry-After'), body: text || null };
}
