"""Seeds the second workspace by launching its jobs over GraphQL, the ordinary way.

Every run is launched from a job with a job selector and no asset selection, as
production runs are, so Dagster records `Run.assetSelection: null`. In order:
  1. observe_clickstream: records an observation of the observable source asset;
  2. search_nightly: search_index materializes, its check synonyms_resolve FAILS;
  3. search_nightly with search_synonyms producing nothing: search_index
     materializes again, the check's step is skipped and the run succeeds, so
     Dagster resolves the planned check as SKIPPED (in a FAILED run a planned
     check resolves to EXECUTION_FAILED instead, hence this route);
  4. growth_daily: growth_attribution raises, the run ends in FAILURE.
Usage: seed_second.py GRAPHQL_URL. Takes about 25 s: runs 1, 2 and 4 run side by side.
"""

from __future__ import annotations

import json
import sys
import time
import urllib.request

LOCATION = "shared-platform"
LAUNCH = """
mutation Launch($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
  }
}"""
STATUS = "query S($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }"
SYNONYMS = lambda emit: {"ops": {"search_synonyms": {"config": {"emit": emit}}}}  # noqa: E731
# Waves run one after another; the runs of a wave run side by side (each run is
# a process of its own, ~10 s), so only the two search runs wait on each other.
WAVES = [
    [("observe_clickstream", {}, "SUCCESS"), ("search_nightly", SYNONYMS(True), "SUCCESS"),
     ("growth_daily", {}, "FAILURE")],
    [("search_nightly", SYNONYMS(False), "SUCCESS")],
]


def graphql(url: str, query: str, variables: dict) -> dict:
    body = json.dumps({"query": query, "variables": variables}).encode()
    req = urllib.request.Request(url, data=body, headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        payload = json.load(resp)
    if payload.get("errors"):
        raise RuntimeError(payload["errors"])
    return payload["data"]


def launch(url: str, job: str, run_config: dict) -> str:
    selector = {"repositoryLocationName": LOCATION, "repositoryName": "__repository__", "jobName": job}
    result = graphql(url, LAUNCH, {"params": {"selector": selector, "runConfigData": run_config}})["launchRun"]
    if result["__typename"] != "LaunchRunSuccess":
        raise RuntimeError(f"launching {job} failed: {result}")
    return result["run"]["runId"]


def wait(url: str, run_id: str) -> str:
    for _ in range(480):
        status = graphql(url, STATUS, {"id": run_id})["runOrError"]["status"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            return status
        time.sleep(0.25)
    raise RuntimeError(f"run {run_id} did not finish")


def main() -> int:
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3072/graphql"
    for wave in WAVES:
        launched = [(job, expected, launch(url, job, run_config)) for job, run_config, expected in wave]
        for job, expected, run_id in launched:
            status = wait(url, run_id)
            print(f"[seed-second] {LOCATION}/{job}: {status}")
            if status != expected:
                raise RuntimeError(f"{job} ended {status}, the seed expects {expected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
