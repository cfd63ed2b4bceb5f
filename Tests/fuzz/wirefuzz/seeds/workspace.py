"""Databricks workspace API seeds: `/_workspaces/<deployment>/api/2.x/...` (clusters, jobs and runs, secrets, DBFS,
workspace import, tokens, SCIM, instance profiles and pools, cluster policies, libraries, permissions, repos)."""

from __future__ import annotations

import base64
import json
import time
from random import Random

from ..request import Template
from .templates import databricks, rand_name


def seeds_workspace(rng: Random, ctx: dict) -> list:
    ws, new = "{{ws}}", rand_name(rng)
    w = lambda method, path, members=None: databricks("workspace", method, f"{ws}{path}", members)  # noqa: E731
    cluster = {"cluster_name": new, "spark_version": "{{spark_version}}", "node_type_id": "{{node_type}}",
               "num_workers": rng.choice([0, 1, 2]), "autotermination_minutes": 30,
               "spark_conf": {"spark.x": "y"}, "custom_tags": {"t": "v"},
               "aws_attributes": {"availability": "SPOT_WITH_FALLBACK", "first_on_demand": 1}}
    task = {"task_key": "t", "existing_cluster_id": "{{cluster_id}}", "notebook_task": {"notebook_path": "/fuzz"},
            "timeout_seconds": 60, "max_retries": 1}
    boundary = "wsboundary"
    multipart = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n/{new}\r\n"
                 f"--{boundary}\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nSOURCE\r\n"
                 f"--{boundary}\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nPYTHON\r\n"
                 f"--{boundary}\r\nContent-Disposition: form-data; name=\"content\"; filename=\"n.py\"\r\n\r\n"
                 f"print(1)\r\n--{boundary}--\r\n")
    imported = Template("workspace", "workspace.import multipart", "POST", f"{ws}/api/2.0/workspace/import",
                        [("Content-Type", f"multipart/form-data; boundary={boundary}")], multipart.encode(),
                        {"mode": "bearer"}, "multipart")
    version = rng.choice(["2.0", "2.1"])
    return [
        w("POST", f"/api/{version}/clusters/create", cluster),
        w("GET", f"/api/{version}/clusters/get?cluster_id={{{{cluster_id}}}}"),
        w("GET", "/api/2.0/clusters/list?page_size=1&filter_by.cluster_states=RUNNING"),
        w("POST", "/api/2.0/clusters/edit", {**cluster, "cluster_id": "{{cluster_id}}"}),
        w("POST", "/api/2.0/clusters/resize", {"cluster_id": "{{cluster_id}}", "num_workers": 2}),
        w("POST", "/api/2.0/clusters/resize", {"cluster_id": "{{cluster_id}}",
                                               "autoscale": {"min_workers": 1, "max_workers": 3}}),
        w("POST", f"/api/2.0/clusters/{rng.choice(['start', 'restart', 'pin', 'unpin'])}",
          {"cluster_id": "{{cluster_id}}"}),
        w("POST", "/api/2.0/clusters/delete", {"cluster_id": new}),
        w("POST", "/api/2.0/clusters/events", {"cluster_id": "{{cluster_id}}",
                                               "offset": rng.choice([0, 0, 1, -1, -(2 ** 63), 10 ** 20]),
                                               "limit": rng.choice([5, 5, 0, -1, 500, 10 ** 12]),
                                               "order": rng.choice(["ASC", "DESC"]), "start_time": 0,
                                               "end_time": int(time.time() * 1000),
                                               "event_types": ["CREATING", "RUNNING"]}),
        w("GET", f"/api/2.0/clusters/{rng.choice(['spark-versions', 'list-node-types', 'list-zones'])}"),
        w("POST", "/api/2.1/jobs/create", {"name": new, "tasks": [task], "max_concurrent_runs": 1,
                                           "timeout_seconds": 0, "idempotency_token": new}),
        w("GET", "/api/2.1/jobs/get?job_id={{job_id}}"),
        w("GET", f"/api/{rng.choice(['2.0', '2.1', '2.2'])}/jobs/list?limit=2&offset=0&expand_tasks=true"),
        w("POST", "/api/2.1/jobs/reset", {"job_id": "{{job_id}}", "new_settings": {"name": "r", "tasks": [task]}}),
        w("POST", "/api/2.1/jobs/update", {"job_id": "{{job_id}}", "new_settings": {"max_concurrent_runs": 2}}),
        w("POST", "/api/2.1/jobs/run-now", {"job_id": "{{job_id}}", "notebook_params": {"a": "b"}}),
        w("POST", "/api/2.1/jobs/runs/submit", {"run_name": new, "tasks": [task]}),
        w("GET", "/api/2.1/jobs/runs/get?run_id={{run_id}}"),
        w("GET", "/api/2.1/jobs/runs/get-output?run_id={{run_id}}"),
        w("GET", "/api/2.1/jobs/runs/list?limit=5&offset=0&job_id={{job_id}}&start_time_from=0"),
        w("POST", "/api/2.1/jobs/runs/cancel", {"run_id": "{{run_id}}"}),
        w("POST", "/api/2.1/jobs/runs/cancel-all", {"job_id": "{{job_id}}"}),
        w("POST", "/api/2.1/jobs/delete", {"job_id": rng.randint(10 ** 6, 10 ** 9)}),
        w("POST", "/api/2.0/secrets/scopes/create", {"scope": new, "initial_manage_principal": "users"}),
        w("GET", "/api/2.0/secrets/scopes/list"),
        w("POST", "/api/2.0/secrets/put", {"scope": "{{scope}}", "key": new, "string_value": "s"}),
        w("POST", "/api/2.0/secrets/put", {"scope": "{{scope}}", "key": new,
                                           "bytes_value": base64.b64encode(b"\x00\xff").decode()}),
        w("GET", "/api/2.0/secrets/list?scope={{scope}}"),
        w("GET", "/api/2.0/secrets/get?scope={{scope}}&key=k"),
        w("POST", "/api/2.0/secrets/acls/put", {"scope": "{{scope}}", "principal": "users", "permission": "READ"}),
        w("GET", "/api/2.0/secrets/acls/list?scope={{scope}}"),
        w("POST", "/api/2.0/dbfs/put", {"path": f"/{new}", "contents": base64.b64encode(b"x" * 10).decode(),
                                        "overwrite": True}),
        w("GET", "/api/2.0/dbfs/read?path=/fuzz.txt&offset=" + rng.choice(["0", "1", "-1"]) + "&length=" +
          rng.choice(["10", "1048576", "0"])),
        w("GET", "/api/2.0/dbfs/list?path=/"), w("GET", "/api/2.0/dbfs/get-status?path=/fuzz.txt"),
        w("POST", "/api/2.0/dbfs/mkdirs", {"path": f"/{new}/a/b"}),
        w("POST", "/api/2.0/dbfs/move", {"source_path": "/nope", "destination_path": f"/{new}"}),
        w("POST", "/api/2.0/dbfs/delete", {"path": f"/{new}", "recursive": True}),
        w("POST", "/api/2.0/dbfs/create", {"path": f"/{new}", "overwrite": True}),
        w("POST", "/api/2.0/dbfs/add-block", {"handle": rng.randint(0, 10), "data": "AAAA"}),
        w("POST", "/api/2.0/dbfs/close", {"handle": rng.randint(0, 10)}),
        w("POST", "/api/2.0/workspace/import", {"path": f"/{new}", "format": rng.choice(["SOURCE", "JUPYTER",
                                                                                          "AUTO", "RAW"]),
                                                "language": "PYTHON", "overwrite": False,
                                                "content": base64.b64encode(b"print(2)\n").decode()}),
        imported,
        w("GET", "/api/2.0/workspace/export?path=/fuzz&format=SOURCE&direct_download=true"),
        w("GET", "/api/2.0/workspace/list?path=/"), w("GET", "/api/2.0/workspace/get-status?path=/fuzz"),
        w("POST", "/api/2.0/workspace/mkdirs", {"path": f"/{new}/d"}),
        w("POST", "/api/2.0/workspace/delete", {"path": f"/{new}", "recursive": True}),
        w("POST", "/api/2.0/token/create", {"lifetime_seconds": rng.choice([60, 0, -1]), "comment": "f"}),
        w("GET", "/api/2.0/token/list"), w("GET", "/api/2.0/token-management/tokens"),
        w("GET", "/api/2.0/preview/scim/v2/Me"),
        w("GET", "/api/2.0/preview/scim/v2/Users?startIndex=1&count=5&filter=userName%20sw%20%22a%22"),
        w("POST", "/api/2.0/instance-profiles/add", {"instance_profile_arn":
                                                     "arn:aws:iam::{{aws_account}}:instance-profile/x",
                                                     "skip_validation": rng.random() < 0.5}),
        w("POST", "/api/2.0/instance-pools/create", {"instance_pool_name": new, "node_type_id": "{{node_type}}",
                                                     "min_idle_instances": 0, "max_capacity": 5}),
        w("POST", "/api/2.0/policies/clusters/create", {"name": new, "definition": json.dumps({
            "num_workers": {"type": "range", "minValue": 0, "maxValue": 4},
            "spark_version": {"type": "regex", "pattern": "1[0-9]\\..*"}})}),
        w("POST", "/api/2.0/libraries/install", {"cluster_id": "{{cluster_id}}",
                                                 "libraries": [{"pypi": {"package": "x"}}]}),
        w("GET", "/api/2.0/libraries/cluster-status?cluster_id={{cluster_id}}"),
        w("GET", "/api/2.0/permissions/clusters/{{cluster_id}}"),
        w("PATCH", "/api/2.0/permissions/clusters/{{cluster_id}}", {"access_control_list": [
            {"group_name": "users", "permission_level": "CAN_ATTACH_TO"}]}),
        w("POST", "/api/2.0/repos", {"url": "https://github.com/a/b", "provider": "gitHub", "path": f"/Repos/x/{new}"}),
    ]
