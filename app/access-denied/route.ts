// proxy.ts rewrites refused back-office page requests here. A route handler, not a page:
// pages stream inside a prerendered shell whose status line is already 200, while this
// answers a real 403 with a small self-contained page (no data, nothing to cache).
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>403 · Not allowed · Primetime</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #0b0d12; color: #e8eaf0; font: 16px/1.5 system-ui, sans-serif; }
  main { max-width: 32rem; padding: 2rem; }
  a { color: #8ab4ff; }
</style>
</head>
<body>
<main>
<h1>403 · Not allowed</h1>
<p>Your account does not have the role this page needs. Editors open the back office; only administrators manage users and packages.</p>
<p><a href="/guide">Back to the TV guide</a> · <a href="/account">Your account</a></p>
</main>
</body>
</html>
`;

function refuse(): Response {
  return new Response(PAGE, {
    status: 403,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' },
  });
}

export const GET = refuse;
export const HEAD = refuse;
