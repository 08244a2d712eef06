"""analytics-team as deployed to staging: the prod definitions with one consumed
asset renamed (product_performance -> product_metrics), the change the contract
check must catch before promotion: ml-platform's ml/product_embeddings reads
product_performance by key."""

from datetime import timedelta

import dagster as dg
from analytics_team import definitions as prod

RENAMED = dg.AssetKey("product_performance")


@dg.asset(
    name="product_metrics",
    group_name="summaries",
    kinds={"sql", "duckdb"},
    deps=[prod.cleaned_orders, prod.raw_products],
    description="Units and revenue per product (renamed from product_performance).",
    freshness_policy=dg.FreshnessPolicy.time_window(fail_window=timedelta(days=2)),
    owners=prod.OWNERS,
    tags={"team": "analytics", "demo_version": prod.VERSION},
)
def product_metrics() -> None: ...


defs = dg.Definitions(
    assets=[a for a in prod.defs.assets if a.key != RENAMED] + [product_metrics],
    # revenue_positive checked product_performance: it goes with the rename.
    asset_checks=[prod.customer_ids_not_null],
    jobs=[prod.analytics_daily],
    schedules=list(prod.defs.schedules or []),
)
