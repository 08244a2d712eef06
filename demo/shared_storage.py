"""The shared storage every demo location writes to, as real teams share one bucket.

An asset writes its table as CSV under $DAGSTER_HOME/shared-storage/ (not
storage/, where Dagster's own IO manager keeps its files) and records on its
materialization what it wrote: `dagster/row_count` (Dagster's standard key) and
`storage/bytes`, the real size on disk of everything the asset keeps there
(healthboard.config.yaml names that key under storage.sizeKeys). A partitioned
asset keeps one file per partition, so its bytes are the sum of its files.

The tables grow by day: an asset's row count is a fixed base plus a daily growth
times the days since EPOCH. The seed (seed.py) writes each backdated
materialization's table for its day the same way, so the seeded history records
real sizes that grow, and the live runs continue the line.
"""

from __future__ import annotations

import csv
import os
from datetime import date, datetime, timezone
from pathlib import Path

import dagster as dg

SIZE_KEY = "storage/bytes"
ROW_COUNT_KEY = "dagster/row_count"
EPOCH = date(2026, 10, 1)

# asset key (joined by "/") -> (rows at EPOCH, rows added per day, numeric columns)
TABLES: dict[str, tuple[int, int, int]] = {
    "raw_orders": (2000, 180, 4),
    "raw_customers": (800, 25, 3),
    "raw_products": (300, 2, 5),
    "cleaned_orders": (1900, 170, 4),
    "cleaned_customers": (780, 24, 3),
    "customer_order_summary": (700, 22, 4),
    "product_performance": (300, 2, 3),
    "daily_order_counts": (24, 0, 2),
    "legacy_marketing_export": (600, 15, 2),
    "customer_features": (700, 22, 12),
    "ml/product_embeddings": (300, 2, 32),
    "churn_model": (50, 1, 6),
    "recommendation_model": (300, 2, 16),
    "revenue_forecast": (90, 3, 5),
    "monthly_revenue_report": (12, 0, 6),
}


def storage_dir() -> Path:
    return Path(os.environ.get("DAGSTER_HOME", ".")) / "shared-storage"


def rows_on(key: str, day: date) -> int:
    base, per_day, _ = TABLES[key]
    return base + per_day * max(0, (day - EPOCH).days)


def _asset_path(key: str) -> Path:
    return storage_dir() / key


def _bytes_of(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return path.stat().st_size


def write_table(key_path: list[str], at: datetime, partition: str | None = None) -> dict[str, int]:
    """Writes the asset's table as of `at` (one partition's, for a partitioned asset)
    and returns the metadata its materialization records."""
    key = "/".join(key_path)
    _, _, columns = TABLES[key]
    rows = rows_on(key, at.date())
    root = _asset_path(key)
    target = root / f"{partition}.csv" if partition else root.with_suffix(".csv")
    target.parent.mkdir(parents=True, exist_ok=True)
    stem = key_path[-1]
    with target.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "name", *[f"v{c}" for c in range(columns)]])
        for i in range(rows):
            out.writerow([i, f"{stem}-{i:08d}", *[(i * 7919 + c * 104729) % 1000003 for c in range(columns)]])
    return {ROW_COUNT_KEY: rows, SIZE_KEY: _bytes_of(root if partition else target)}


def stored(key_path: list[str], partition: str | None = None) -> dg.MaterializeResult:
    """What a demo asset returns: its table written now, its size as metadata."""
    return dg.MaterializeResult(metadata=write_table(key_path, datetime.now(timezone.utc), partition))
