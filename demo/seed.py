"""Seeds the demo instance with 14 days of history, then runs each job for real.

How the timestamps are produced
-------------------------------
History (days -14 .. -1) is written through the DagsterInstance API, not by
editing SQLite files:
  * each run is stored with `run_storage.add_historical_run(run, creation_time)`,
    so `Run.creationTime` is the backdated time;
  * its events (ASSET_MATERIALIZATION_PLANNED, RUN_START, ASSET_MATERIALIZATION,
    STEP_FAILURE, RUN_SUCCESS / RUN_FAILURE) are stored with
    `instance.handle_new_event`, each an EventLogEntry whose `timestamp` is
    backdated. Dagster derives the run's status, startTime and endTime from those
    events, exactly as for a live run. Each event is its own SQLite write (the
    seed runs in every test run), so steps that succeed get no STEP_START /
    STEP_SUCCESS: their stepStats are empty, a failed step's is its failure.
Runs of the three jobs look like runs launched from a job, the ordinary way:
no asset selection (Dagster sets `assetSelection` only when assets are picked),
step keys named after the assets' ops, and a failed step carrying its error
(Dagster's wrapper with the user's exception as its cause). Only the runs of the
implicit `__ASSET_JOB` (the partitioned and the stale asset) carry an asset
selection, as runs launched by selecting assets do.
Run times come from a fixed-seed RNG: one to three runs a day per location at
varied hours, 1 to 15 minute durations, and failures at a per-location rate.
Each seeded materialization writes the asset's table for its day to the shared
storage and records its real size and row count (shared_storage.py), as the
assets do when they run.
Every run carries a RemoteJobOrigin naming its code location, so Dagster tags
it `.dagster/repository=__repository__@<location>` like a launched run.

The present (the newest run of each job) is real: `--launch` asks the running
webserver to launch each job over GraphQL and waits for the runs, so the latest
materializations, the failing asset and the asset-check results are produced by
Dagster itself.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

import dagster as dg
from dagster._core.events import (
    AssetMaterializationPlannedData,
    DagsterEvent,
    DagsterEventType,
    StepMaterializationData,
)
from dagster._core.events.log import EventLogEntry
from dagster._core.execution.plan.objects import ErrorSource, StepFailureData
from dagster._core.remote_origin import (
    RegisteredCodeLocationOrigin,
    RemoteJobOrigin,
    RemoteRepositoryOrigin,
)
from dagster._core.storage.dagster_run import DagsterRun, DagsterRunStatus
from dagster_shared.error import SerializableErrorInfo
from shared_storage import write_table

REPOSITORY = "__repository__"
DAYS = 14

# location -> (job, assets in dependency order, failure rate)
JOBS = {
    "analytics-team": (
        "analytics_daily",
        [["raw_orders"], ["raw_customers"], ["raw_products"], ["cleaned_orders"], ["cleaned_customers"],
         ["customer_order_summary"], ["product_performance"]],
        0.12,
    ),
    "ml-platform": (
        "ml_training",
        [["customer_features"], ["ml", "product_embeddings"], ["churn_model"], ["recommendation_model"]],
        0.35,
    ),
    "finance-reporting": ("finance_monthly", [["revenue_forecast"], ["monthly_revenue_report"]], 0.15),
}
# Where a failed run of a location fails when its code has one step that fails on
# purpose (ml_training's recommendation_model, as the live run does); elsewhere
# the failing step is drawn at random.
FAILING_STEP = {"ml-platform": 3}
# The user's exception of a failed step, per asset op (a generic one otherwise).
ERRORS = {
    "recommendation_model": ("RuntimeError", "CUDA out of memory while training (the demo fails here on purpose)"),
}


def _op(path: list[str]) -> str:
    """Dagster's op (and step key) for an asset key: its path joined by '__'."""
    return "__".join(path)


def _step_error(op: str) -> SerializableErrorInfo:
    cls, message = ERRORS.get(op, ("ConnectionError", f"upstream warehouse timed out while computing {op}"))
    cause = SerializableErrorInfo(f"{cls}: {message}\n", [f'  File "{op}.py", line 12, in {op}\n'], cls)
    return SerializableErrorInfo(
        f'dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while executing op "{op}":\n',
        [], "DagsterExecutionStepExecutionError", cause=cause)


def _origin(location: str, job: str) -> RemoteJobOrigin:
    repo = RemoteRepositoryOrigin(RegisteredCodeLocationOrigin(location), REPOSITORY)
    return RemoteJobOrigin(repository_origin=repo, job_name=job)


def _store(instance: dg.DagsterInstance, run: DagsterRun, at: datetime, event: DagsterEvent) -> None:
    instance.handle_new_event(
        EventLogEntry(
            error_info=None,
            level=logging.INFO,
            user_message=event.message or "",
            run_id=run.run_id,
            timestamp=at.timestamp(),
            step_key=event.step_key,
            job_name=run.job_name,
            dagster_event=event,
        )
    )


def _historical_run(
    instance: dg.DagsterInstance,
    location: str,
    job: str,
    assets: list[list[str]],
    start: datetime,
    duration: timedelta,
    fail_at: int | None,
    partition: str | None = None,
) -> None:
    tags = {"dagster/partition": partition} if partition else {}
    # A job's run has no asset selection; a run of the implicit asset job was
    # launched by selecting assets and has one.
    selection = frozenset(dg.AssetKey(p) for p in assets) if job == "__ASSET_JOB" else None
    run = DagsterRun(job_name=job, run_id=str(uuid.uuid4()), status=DagsterRunStatus.NOT_STARTED,
                     tags=tags, remote_job_origin=_origin(location, job), asset_selection=selection)
    instance.run_storage.add_historical_run(run, start)
    # Like a real run: plan every asset, start, then run each step until the failing one.
    for path in assets:
        planned = AssetMaterializationPlannedData(dg.AssetKey(path), partition=partition)
        _store(instance, run, start, DagsterEvent(DagsterEventType.ASSET_MATERIALIZATION_PLANNED.value, job,
                                                  event_specific_data=planned, step_key=_op(path)))
    _store(instance, run, start, DagsterEvent(DagsterEventType.RUN_START.value, job, message="Started (seeded)"))
    step = duration / (len(assets) + 1)
    for i, path in enumerate(assets):
        at, op = start + step * (i + 1), _op(path)
        if fail_at is not None and i == fail_at:
            # Dagster OSS records a step failure, not an asset event: the asset simply
            # has no materialization from this run, the steps after it never start,
            # and the run fails.
            failure = StepFailureData(_step_error(op), None, ErrorSource.USER_CODE_ERROR)
            _store(instance, run, at, DagsterEvent(DagsterEventType.STEP_FAILURE.value, job, step_key=op,
                                                   event_specific_data=failure))
            break
        # The table the asset would have written that day, really written to the shared storage.
        metadata = write_table(path, at, partition)
        data = StepMaterializationData(dg.AssetMaterialization(asset_key=dg.AssetKey(path), partition=partition,
                                                               metadata=metadata))
        _store(instance, run, at, DagsterEvent(DagsterEventType.ASSET_MATERIALIZATION.value, job,
                                               event_specific_data=data, step_key=op))
    if fail_at is None:
        _store(instance, run, start + duration, DagsterEvent(DagsterEventType.RUN_SUCCESS.value, job,
                                                             message="Finished (seeded)"))
    else:
        # Dagster tags a failed run with the reason; a step failure is the usual one.
        instance.add_run_tags(run.run_id, {"dagster/failure_reason": "STEP_FAILURE"})
        _store(instance, run, start + duration, DagsterEvent(DagsterEventType.RUN_FAILURE.value, job,
                                                             message=f"Step {_op(assets[fail_at])} failed (seeded)"))


def seed_history(instance: dg.DagsterInstance, now: datetime) -> int:
    rng = random.Random(20261127)
    count = 0
    for day in range(DAYS, 0, -1):
        midnight = (now - timedelta(days=day)).replace(hour=0, minute=0, second=0, microsecond=0)
        for location, (job, assets, failure_rate) in JOBS.items():
            for _ in range(rng.choice([1, 1, 2, 3])):
                start = midnight + timedelta(hours=rng.randint(1, 22), minutes=rng.randint(0, 59))
                duration = timedelta(seconds=rng.randint(60, 900))
                fail_at = rng.randrange(len(assets)) if rng.random() < failure_rate else None
                if fail_at is not None:
                    fail_at = FAILING_STEP.get(location, fail_at)
                _historical_run(instance, location, job, assets, start, duration, fail_at)
                count += 1
        # The partitioned asset: one run per daily partition, leaving the newest missing.
        if day >= 2:
            partition = midnight.strftime("%Y-%m-%d")
            start = midnight + timedelta(hours=3, minutes=rng.randint(0, 59))
            _historical_run(instance, "analytics-team", "__ASSET_JOB", [["daily_order_counts"]], start,
                            timedelta(seconds=rng.randint(30, 120)), None, partition=partition)
            count += 1
        # The stale asset was last materialized four days ago; it has a 24 h freshness window.
        if day in (14, 11, 8, 4):
            start = midnight + timedelta(hours=6)
            _historical_run(instance, "analytics-team", "__ASSET_JOB", [["legacy_marketing_export"]], start,
                            timedelta(seconds=90), None)
            count += 1
    return count


def _graphql(url: str, query: str, variables: dict) -> dict:
    body = json.dumps({"query": query, "variables": variables}).encode()
    req = urllib.request.Request(url, data=body, headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        payload = json.load(resp)
    if payload.get("errors"):
        raise RuntimeError(payload["errors"])
    return payload["data"]


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


def launch_present(url: str) -> None:
    """Runs each job once for real, in dependency order, and waits for each."""
    for location, (job, _, _) in JOBS.items():
        params = {"selector": {"repositoryLocationName": location, "repositoryName": REPOSITORY, "jobName": job},
                  "runConfigData": {}}
        result = _graphql(url, LAUNCH, {"params": params})["launchRun"]
        if result["__typename"] != "LaunchRunSuccess":
            raise RuntimeError(f"launching {job} in {location} failed: {result}")
        run_id = result["run"]["runId"]
        for _ in range(240):
            status = _graphql(url, STATUS, {"id": run_id})["runOrError"]["status"]
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                print(f"[seed] {location}/{job}: {status}")
                break
            time.sleep(0.5)
        else:
            raise RuntimeError(f"run {run_id} of {job} did not finish")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--history", action="store_true", help="store 14 days of backdated runs")
    parser.add_argument("--launch", metavar="GRAPHQL_URL", help="launch every job once on this webserver")
    args = parser.parse_args()
    if args.history:
        with dg.DagsterInstance.get() as instance:
            n = seed_history(instance, datetime.now(timezone.utc))
            print(f"[seed] stored {n} backdated runs over {DAYS} days")
    if args.launch:
        launch_present(args.launch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
