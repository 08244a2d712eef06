// Any /api path no route serves: a JSON 404 like the API's other errors,
// instead of the site's HTML not-found page. The path is not echoed.

export const dynamic = "force-dynamic";

function notFound(): Response {
  return Response.json(
    { error: "no such API route; see /api/v1/overview" },
    { status: 404, headers: { "cache-control": "no-store" } },
  );
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
