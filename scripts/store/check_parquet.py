#!/usr/bin/env python3
"""Read a `tacitus export --format parquet` file back with pyarrow (or duckdb) and print a JSON
summary: {"reader", "rows", "columns", "first"}. Exit 3 when neither library is importable, so
callers can skip visibly. Usage: check_parquet.py FILE.parquet
"""
import json
import sys


def main():
    path = sys.argv[1]
    try:
        import pyarrow.parquet as pq
    except ImportError:
        pq = None
    if pq is not None:
        table = pq.read_table(path)
        rows = table.to_pylist()
        summary = {"reader": "pyarrow", "rows": table.num_rows, "columns": table.column_names,
                   "first": rows[0] if rows else None}
    else:
        try:
            import duckdb
        except ImportError:
            print("SKIP: neither pyarrow nor duckdb is importable", file=sys.stderr)
            return 3
        con = duckdb.connect()
        rel = con.execute("SELECT * FROM read_parquet(?)", [path])
        columns = [d[0] for d in rel.description]
        rows = rel.fetchall()
        summary = {"reader": "duckdb", "rows": len(rows), "columns": columns,
                   "first": dict(zip(columns, rows[0])) if rows else None}
    print(json.dumps(summary, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
