/**
 * The time budget of a test that crawls every route. A budget only catches a
 * hang: the CI machine has run the suite two to three times slower than the
 * machine it was written on (3 December: the CSP crawl took 1.5 min here and
 * ran past its 3 min there), and a crawl grows with the route catalog. Ten
 * minutes costs nothing while the test passes.
 */
export const CRAWL_BUDGET_MS = 600_000;
