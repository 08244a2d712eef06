"""Plans the code servers of a Dagster workspace that loads Python code.

Reads WORKSPACE (python_module and python_file entries), writes OUT_WORKSPACE,
the same locations as grpc_server entries on one Unix socket each under
SOCKET_DIR, and prints one line per location for scripts/dagster-up.sh to start
`dagster code-server start` with: name, target flag, target, working directory,
socket, tab-separated.

Why: with Python entries the webserver and the daemon each spawn a code server
per location, and the daemon replaces all of its own every 60 s (its workspace
refresh), each new one importing the team's code again: on an idle e2e
instance its code servers took 9.5 CPU-seconds a minute, these take 4.5. Servers of our own,
shared by both, are imported once; a location reload in Dagster still reloads
its code (the code server restarts its inner process and gets a new server id).
"""

import os
import sys

import yaml

workspace_path, out_path, socket_dir = sys.argv[1:4]
base = os.path.dirname(os.path.abspath(workspace_path))
with open(workspace_path) as f:
    entries = (yaml.safe_load(f) or {}).get("load_from") or []
if not entries:
    sys.exit(f"{workspace_path}: load_from lists no code location")

grpc_entries = []
for i, entry in enumerate(entries):
    (kind, spec), = entry.items()
    if isinstance(spec, str):  # the shorthand `python_module: pkg.defs`
        spec = {"module_name" if kind == "python_module" else "relative_path": spec}
    if kind == "python_module":
        flag, target = "-m", spec["module_name"]
        default_name = target
    elif kind == "python_file":
        flag, target = "-f", os.path.join(base, spec["relative_path"])
        default_name = os.path.splitext(os.path.basename(target))[0]
    else:
        sys.exit(f"{workspace_path}: load_from[{i}]: {kind!r} entries are not planned, only python_module and python_file")
    unplanned = set(spec) - {"module_name", "relative_path", "location_name", "working_directory"}
    if unplanned:
        sys.exit(f"{workspace_path}: load_from[{i}]: {', '.join(sorted(unplanned))} not planned")
    name = spec.get("location_name") or default_name
    workdir = os.path.normpath(os.path.join(base, spec.get("working_directory", ".")))
    socket = os.path.join(socket_dir, f"{name}.sock")
    grpc_entries.append({"grpc_server": {"host": "localhost", "socket": socket, "location_name": name}})
    print("\t".join([name, flag, target, workdir, socket]))

with open(out_path, "w") as f:
    f.write("# Written by scripts/code-servers.py from " + workspace_path + ": do not edit.\n")
    yaml.safe_dump({"load_from": grpc_entries}, f, sort_keys=False)
