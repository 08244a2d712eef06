"""shared-platform: one location, two teams (team:search and team:growth) told apart by owner."""

import dagster as dg

SEARCH = dict(owners=["team:search", "erin@example.com"], tags={"team": "search"})
GROWTH = dict(owners=["team:growth", "frank@example.com"], tags={"team": "growth"})

# An external spec of a key another deployment builds: not materializable, not
# observable, so its owner tag must never make it the search team's asset.
customer_order_summary = dg.AssetSpec(
    "customer_order_summary", owners=["team:search"], description="Built by the demo workspace; referenced here."
)


# multi_observable_source_asset: the single-asset decorator drops `owners`.
@dg.multi_observable_source_asset(
    specs=[dg.AssetSpec("search_clickstream", group_name="search", description="Click events landed by an external collector.", **SEARCH)]
)
def search_clickstream():
    yield dg.ObserveResult(asset_key="search_clickstream", data_version=dg.DataVersion("clicks-v1"))


@dg.asset(group_name="search", deps=["customer_order_summary"], description="Documents to index.", **SEARCH)
def search_documents() -> None: ...


class SynonymsConfig(dg.Config):
    # False: the step ends without an output, so whatever waits on it is skipped
    # while the run still succeeds. The seed uses it to skip a planned check.
    emit: bool = True


@dg.asset(group_name="search", description="Synonym list; produced only when configured to.", output_required=False, **SEARCH)
def search_synonyms(config: SynonymsConfig):
    if config.emit:
        yield dg.Output(None)


@dg.asset(group_name="search", deps=[search_documents], description="The search index.", **SEARCH)
def search_index() -> None: ...


@dg.asset_check(
    asset=search_index,
    additional_deps=[search_synonyms],
    description="Every synonym resolves in the index. Fails when it runs; skipped when no synonyms were produced.",
)
def synonyms_resolve() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.ERROR, metadata={"unresolved": 12})


# The same key as demo/analytics_team's raw_orders: a definition of its own, with its own owner.
@dg.asset(group_name="growth", description="Orders as the growth team ingests them.", **GROWTH)
def raw_orders() -> None: ...


@dg.asset(group_name="growth", description="Sign-up events.", **GROWTH)
def signup_events() -> None: ...


@dg.asset(group_name="growth", deps=[raw_orders, signup_events], description="Attribution of orders to campaigns. Fails on purpose.", **GROWTH)
def growth_attribution() -> None:
    raise RuntimeError("campaign table missing: attribution cannot join (the second workspace fails here on purpose)")


# In-process executor: one process per run instead of one per step keeps seeding fast.
IN_PROCESS = dict(executor_def=dg.in_process_executor)
@dg.asset_check(asset=growth_attribution, description="Every order is attributed. Planned, never reached.")
def attribution_complete() -> dg.AssetCheckResult:
    # Its asset's step raises, so the check never runs: in the FAILED run Dagster
    # resolves the planned check as EXECUTION_FAILED (not SKIPPED).
    return dg.AssetCheckResult(passed=True)


search_nightly = dg.define_asset_job(
    "search_nightly",
    selection=dg.AssetSelection.assets(search_documents, search_synonyms, search_index).without_checks()
    | dg.AssetSelection.checks(synonyms_resolve),
    **IN_PROCESS,
)
observe_clickstream = dg.define_asset_job("observe_clickstream", selection=[search_clickstream], **IN_PROCESS)
growth_daily = dg.define_asset_job("growth_daily", selection=dg.AssetSelection.groups("growth"), **IN_PROCESS)

defs = dg.Definitions(
    assets=[customer_order_summary, search_clickstream, search_documents, search_synonyms, search_index,
            raw_orders, signup_events, growth_attribution],
    asset_checks=[synonyms_resolve, attribution_complete],
    jobs=[search_nightly, observe_clickstream, growth_daily],
)
