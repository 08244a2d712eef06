"""finance-reporting: depends on analytics-team and ml-platform. Owner team:finance."""

from datetime import timedelta

import dagster as dg
from shared_storage import stored
from switches import is_broken, version_of

LOCATION = "finance-reporting"
if is_broken(LOCATION):
    raise RuntimeError(f"{LOCATION} was broken on purpose by the demo switch")

VERSION = version_of(LOCATION)
COMMON = dict(owners=["team:finance", "carol@example.com"], tags={"team": "finance", "demo_version": VERSION})


@dg.asset(
    group_name="forecasting",
    kinds={"python", "snowflake"},
    deps=[dg.AssetKey("churn_model"), dg.AssetKey("recommendation_model"), dg.AssetKey("customer_order_summary")],
    description="Revenue forecast from churn predictions, recommendations and order history.",
    **COMMON,
)
def revenue_forecast() -> dg.MaterializeResult:
    return stored(["revenue_forecast"])


@dg.asset(
    group_name="reporting",
    kinds={"snowflake", "sql"},
    deps=[revenue_forecast, dg.AssetKey("product_performance")],
    description="Monthly revenue report for the CFO.",
    freshness_policy=dg.FreshnessPolicy.time_window(fail_window=timedelta(days=3), warn_window=timedelta(days=1)),
    **COMMON,
)
def monthly_revenue_report() -> dg.MaterializeResult:
    return stored(["monthly_revenue_report"])


@dg.asset_check(asset=monthly_revenue_report, description="Report totals reconcile with the ledger.")
def totals_reconcile() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


finance_monthly = dg.define_asset_job("finance_monthly", selection=dg.AssetSelection.all())

defs = dg.Definitions(
    assets=[revenue_forecast, monthly_revenue_report],
    asset_checks=[totals_reconcile],
    jobs=[finance_monthly],
    schedules=[dg.ScheduleDefinition(job=finance_monthly, cron_schedule="0 9 * * *")],
)
