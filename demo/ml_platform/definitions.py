"""ml-platform: features and models built on analytics-team assets. Owner team:ml."""

from datetime import timedelta

import dagster as dg
from shared_storage import stored
from switches import is_broken, version_of

LOCATION = "ml-platform"
if is_broken(LOCATION):
    raise RuntimeError(f"{LOCATION} was broken on purpose by the demo switch")

VERSION = version_of(LOCATION)
COMMON = dict(owners=["team:ml", "dana@example.com"], tags={"team": "ml", "demo_version": VERSION})

# Upstream assets owned by analytics-team, referenced by key across locations.
CUSTOMER_ORDER_SUMMARY = dg.AssetKey("customer_order_summary")
PRODUCT_PERFORMANCE = dg.AssetKey("product_performance")
PRODUCT_EMBEDDINGS = dg.AssetKey(["ml", "product_embeddings"])


@dg.asset(group_name="features", kinds={"python", "pandas"}, deps=[CUSTOMER_ORDER_SUMMARY], description="Per-customer features for churn.", **COMMON)
def customer_features() -> dg.MaterializeResult:
    return stored(["customer_features"])


@dg.asset(
    key_prefix="ml",  # a key of two components, kept as an array end to end
    group_name="features",
    kinds={"python", "torch"},
    deps=[PRODUCT_PERFORMANCE],
    description="Product embeddings, keyed ml/product_embeddings.",
    **COMMON,
)
def product_embeddings() -> dg.MaterializeResult:
    return stored(["ml", "product_embeddings"])


@dg.asset(
    group_name="models",
    kinds={"python", "sklearn"},
    deps=[customer_features],
    description="Churn model retrained daily.",
    freshness_policy=dg.FreshnessPolicy.time_window(fail_window=timedelta(days=2), warn_window=timedelta(days=1)),
    **COMMON,
)
def churn_model() -> dg.MaterializeResult:
    return stored(["churn_model"])


@dg.asset(
    group_name="models",
    kinds={"python", "torch"},
    deps=[customer_features, PRODUCT_EMBEDDINGS],
    description="Recommendation model. Its training fails on purpose.",
    **COMMON,
)
def recommendation_model() -> None:
    raise RuntimeError("CUDA out of memory while training (the demo fails here on purpose)")


@dg.asset_check(asset=churn_model, description="AUC on the holdout set is above 0.8.")
def auc_above_threshold() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.ERROR, metadata={"auc": 0.71})


ml_training = dg.define_asset_job("ml_training", selection=dg.AssetSelection.groups("features", "models"))

defs = dg.Definitions(
    assets=[customer_features, product_embeddings, churn_model, recommendation_model],
    asset_checks=[auc_above_threshold],
    jobs=[ml_training],
    schedules=[dg.ScheduleDefinition(job=ml_training, cron_schedule="0 7 * * *")],
)
