"""analytics-team: raw data -> cleaned -> summaries. Owner team:analytics."""

from datetime import timedelta

import dagster as dg
from shared_storage import stored
from switches import is_broken, version_of

LOCATION = "analytics-team"
if is_broken(LOCATION):
    raise RuntimeError(f"{LOCATION} was broken on purpose by the demo switch")

OWNERS = ["team:analytics", "alice@example.com"]
VERSION = version_of(LOCATION)
COMMON = dict(owners=OWNERS, tags={"team": "analytics", "demo_version": VERSION})


@dg.asset(group_name="raw", kinds={"python", "s3"}, description="Orders exported nightly from the shop database.", **COMMON)
def raw_orders() -> dg.MaterializeResult:
    return stored(["raw_orders"])


@dg.asset(group_name="raw", kinds={"python", "s3"}, description="Customer records from the CRM.", **COMMON)
def raw_customers() -> dg.MaterializeResult:
    return stored(["raw_customers"])


@dg.asset(group_name="raw", kinds={"python", "s3"}, description="Product catalogue snapshot.", **COMMON)
def raw_products() -> dg.MaterializeResult:
    return stored(["raw_products"])


@dg.asset(group_name="cleaned", kinds={"python", "duckdb"}, deps=[raw_orders], description="Deduplicated orders with valid amounts.", **COMMON)
def cleaned_orders() -> dg.MaterializeResult:
    return stored(["cleaned_orders"])


@dg.asset(group_name="cleaned", kinds={"python", "duckdb"}, deps=[raw_customers], description="Customers with normalised emails.", **COMMON)
def cleaned_customers() -> dg.MaterializeResult:
    return stored(["cleaned_customers"])


@dg.asset(
    group_name="summaries",
    kinds={"sql", "duckdb"},
    deps=[cleaned_orders, cleaned_customers],
    description="Lifetime orders and revenue per customer. Consumed by ml-platform and finance-reporting.",
    freshness_policy=dg.FreshnessPolicy.time_window(fail_window=timedelta(days=2), warn_window=timedelta(days=1)),
    **COMMON,
)
def customer_order_summary() -> dg.MaterializeResult:
    return stored(["customer_order_summary"])


@dg.asset(
    group_name="summaries",
    kinds={"sql", "duckdb"},
    deps=[cleaned_orders, raw_products],
    description="Units and revenue per product.",
    freshness_policy=dg.FreshnessPolicy.time_window(fail_window=timedelta(days=2)),
    **COMMON,
)
def product_performance() -> dg.MaterializeResult:
    return stored(["product_performance"])


@dg.asset(
    group_name="summaries",
    kinds={"python"},
    deps=[cleaned_orders],
    partitions_def=dg.DailyPartitionsDefinition(start_date="2026-10-01"),
    description="Order count per day, one partition per day.",
    **COMMON,
)
def daily_order_counts(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    return stored(["daily_order_counts"], context.partition_key)


@dg.asset(
    group_name="exports",
    kinds={"python"},
    deps=[customer_order_summary],
    description="Weekly export for marketing. Nobody runs it any more, so it goes stale.",
    freshness_policy=dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=24)),
    owners=["team:analytics", "bob@example.com"],
    tags={"team": "analytics", "demo_version": VERSION},
)
def legacy_marketing_export() -> dg.MaterializeResult:
    return stored(["legacy_marketing_export"])


@dg.asset_check(asset=customer_order_summary, description="Every row has a customer id.")
def customer_ids_not_null() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True, metadata={"null_rows": 0})


@dg.asset_check(asset=product_performance, description="Revenue is positive; a few refunds are tolerated.")
def revenue_positive() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.WARN, metadata={"negative_rows": 3})


analytics_daily = dg.define_asset_job(
    "analytics_daily",
    selection=dg.AssetSelection.groups("raw", "cleaned", "summaries") - dg.AssetSelection.assets(daily_order_counts),
)

defs = dg.Definitions(
    assets=[
        raw_orders, raw_customers, raw_products, cleaned_orders, cleaned_customers,
        customer_order_summary, product_performance, daily_order_counts, legacy_marketing_export,
    ],
    asset_checks=[customer_ids_not_null, revenue_positive],
    jobs=[analytics_daily],
    schedules=[dg.ScheduleDefinition(job=analytics_daily, cron_schedule="0 5 * * *")],
)
