"""Materializes one asset key in a Dagster instance's storage, as a real run.

    DAGSTER_HOME=... python bench/materialize_in_storage.py team_00/asset_00000

The synthetic workload's assets are AssetSpecs (no compute), so a run cannot be
launched for them on the webserver. This executes, in process, an asset of the
same key against the same instance: Dagster stores a run (with its status
updates) and its materialization, which is what a change in Dagster is to
Healthboard's change feed (runs updated after a cursor). Prints the
materialization's timestamp (epoch ms).
"""

import sys

import dagster as dg


def main() -> int:
    key = dg.AssetKey(sys.argv[1].split("/"))

    @dg.asset(key=key)
    def _asset() -> None:
        return None

    with dg.DagsterInstance.get() as instance:
        result = dg.materialize([_asset], instance=instance)
        event = instance.get_latest_materialization_event(key)
        assert result.success and event is not None
        print(int(event.timestamp * 1000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
