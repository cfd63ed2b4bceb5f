"""The resources the seeds aim at (buckets, an object, a multipart upload, a Kinesis stream, an IAM user, role and
policy, a running Databricks workspace with a cluster, a job, a secret scope and a DBFS file), made with the same
signing and socket code as the fuzzing; their names and ids fill the templates' `{{placeholders}}`."""

from __future__ import annotations

import base64
import json
import re
import time
import uuid
from urllib.parse import urlsplit

from . import log
from .request import Template
from .seeds.templates import databricks, iam, kinesis_json, s3
from .server import Server
from .signing import Signer
from .transport import Outcome, exchange


class Setup:
    """Makes the resources the seeds name, with the same signing and socket code as the fuzzing."""

    def __init__(self, server: Server, timeout: float):
        self.server = server
        self.timeout = timeout

    def admin_info(self) -> dict:
        outcome = self.server.get("/_brickyard/info", self.timeout)
        if outcome.kind != "response" or outcome.status != 200:
            raise RuntimeError(f"/_brickyard/info answered {outcome.describe()}")
        return json.loads(outcome.body)

    def run(self) -> Signer:
        info = self.admin_info()
        aws, dbx = info["aws"], info.get("databricks", {})
        host = f"{self.server.address[0]}:{self.server.address[1]}"
        context = {
            "host": host, "bucket": "fuzz-bucket", "vbucket": "fuzz-versioned", "rootbucket": "fuzz-root",
            "key": "fuzz-object", "mpu_key": "fuzz-mpu", "upload_id": "none", "etag": '"none"',
            "stream": "fuzz-stream", "aws_account": aws["accountId"],
            "stream_arn": f"arn:aws:kinesis:{aws['region']}:{aws['accountId']}:stream/fuzz-stream",
            "iterator": "none", "sequence": "0", "user": "fuzz-user", "role": "fuzz-role",
            "role_arn": f"arn:aws:iam::{aws['accountId']}:role/fuzz-role",
            "policy_arn": f"arn:aws:iam::{aws['accountId']}:policy/fuzz-policy",
            "dbx_account": dbx.get("accountId", "none"), "client_id": dbx.get("clientId", ""),
            "client_secret": dbx.get("clientSecret", ""), "credentials_id": "none", "storage_id": "none",
            "workspace_id": "0", "ws": "/_workspaces/none", "spark_version": "15.4.x-scala2.12",
            "node_type": "i3.xlarge", "cluster_id": "none", "job_id": "0", "run_id": "0", "scope": "fuzz-scope",
        }
        signer = Signer(context, aws["accessKeyId"], aws["secretAccessKey"], aws["region"], dbx.get("token", ""))
        self.signer, self.context = signer, context
        self.aws()
        self.stream()
        self.workspace()
        return signer

    def call(self, template: Template) -> Outcome:
        return exchange(self.server.address, self.signer.render(template), self.timeout)

    def s3(self, method: str, path: str, body: bytes = b"", headers=(), md5=False) -> Outcome:
        return self.call(s3("setup", method, path, body, headers, md5=md5))

    def aws(self) -> None:
        """Buckets (one versioned), objects, a multipart upload with a part, an IAM user, role and policy."""
        c = self.context
        for name in (c["bucket"], c["vbucket"], c["rootbucket"]):
            self.s3("PUT", f"/{name}")
        self.s3("PUT", f"/{c['vbucket']}?versioning",
                b'<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>')
        self.s3("PUT", f"/{c['bucket']}/{c['key']}", b"0123456789" * 100, [("Content-Type", "text/plain")])
        self.s3("PUT", f"/{c['vbucket']}/{c['key']}", b"version one")
        created = self.s3("POST", f"/{c['bucket']}/{c['mpu_key']}?uploads")
        match = re.search(rb"<UploadId>([^<]+)</UploadId>", created.body)
        if match:
            c["upload_id"] = match.group(1).decode()
            part = self.s3("PUT", f"/{c['bucket']}/{c['mpu_key']}?partNumber=1&uploadId={c['upload_id']}", b"p" * 1024)
            c["etag"] = part.headers.get("etag", '"none"')
        trust = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{self._dbx_aws_account()}:root"},
            "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": c["dbx_account"]}}}, {
            "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{c['aws_account']}:root"},
            "Action": "sts:AssumeRole"}]}
        self.call(iam("CreateUser", UserName=c["user"]))
        self.call(iam("CreateRole", RoleName=c["role"], AssumeRolePolicyDocument=json.dumps(trust)))
        self.call(iam("PutRolePolicy", RoleName=c["role"], PolicyName="databricks", PolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": ["ec2:*", "iam:CreateServiceLinkedRole", "iam:PutRolePolicy",
                                               "s3:*"], "Resource": "*"}]})))
        self.call(iam("CreatePolicy", PolicyName="fuzz-policy", PolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})))
        account = self._dbx_aws_account()
        policy = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
            "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket",
                       "s3:GetBucketLocation"],
            "Resource": [f"arn:aws:s3:::{c['rootbucket']}/*", f"arn:aws:s3:::{c['rootbucket']}"]}]}
        self.s3("PUT", f"/{c['rootbucket']}?policy", json.dumps(policy).encode())

    def _dbx_aws_account(self) -> str:
        return "414351767826"

    def stream(self) -> None:
        """The stream, a record in it and a fresh shard iterator (they expire: `Fuzzer.refresh` calls it again)."""
        c = self.context
        self.call(kinesis_json("CreateStream", {"StreamName": c["stream"], "ShardCount": 2}))
        for _ in range(40):
            summary = self.call(kinesis_json("DescribeStreamSummary", {"StreamName": c["stream"]}))
            if b'"ACTIVE"' in summary.body:
                break
            time.sleep(0.1)
        put = self.call(kinesis_json("PutRecord", {"StreamName": c["stream"], "Data": "aGVsbG8=", "PartitionKey": "k"}))
        try:
            c["sequence"] = json.loads(put.body)["SequenceNumber"]
        except (ValueError, KeyError):
            pass
        iterator = self.call(kinesis_json("GetShardIterator", {
            "StreamName": c["stream"], "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"}))
        try:
            c["iterator"] = json.loads(iterator.body)["ShardIterator"]
        except (ValueError, KeyError):
            pass

    def _json(self, template: Template) -> dict:
        outcome = self.call(template)
        try:
            value = json.loads(outcome.body)
            return value if isinstance(value, dict) else {"list": value}
        except ValueError:
            return {}

    def workspace(self) -> None:
        """A running workspace (credentials, storage), a cluster, a notebook, a job and a run, secrets, a DBFS file."""
        c = self.context
        base = f"/api/2.0/accounts/{c['dbx_account']}"
        name = f"fuzz-{uuid.uuid4().hex[:8]}"
        credentials = self._json(databricks("account", "POST", f"{base}/credentials", {
            "credentials_name": name, "aws_credentials": {"sts_role": {"role_arn": c["role_arn"]}}}))
        storage = self._json(databricks("account", "POST", f"{base}/storage-configurations", {
            "storage_configuration_name": name, "root_bucket_info": {"bucket_name": c["rootbucket"]}}))
        c["credentials_id"] = credentials.get("credentials_id", "none")
        c["storage_id"] = storage.get("storage_configuration_id", "none")
        workspace = self._json(databricks("account", "POST", f"{base}/workspaces", {
            "workspace_name": name, "aws_region": "us-east-1", "credentials_id": c["credentials_id"],
            "storage_configuration_id": c["storage_id"]}))
        if "workspace_id" not in workspace:
            log(f"setup: no Databricks workspace ({str(workspace)[:300]}); workspace seeds will answer 404")
            return
        c["workspace_id"] = str(workspace["workspace_id"])
        for _ in range(50):
            state = self._json(databricks("account", "GET", f"{base}/workspaces/{c['workspace_id']}"))
            if state.get("workspace_status") != "PROVISIONING":
                break
            time.sleep(0.2)
        url = state.get("workspace_url") or ""
        c["ws"] = urlsplit(url).path.rstrip("/") or "/_workspaces/none"
        ws = c["ws"]
        versions = self._json(databricks("workspace", "GET", f"{ws}/api/2.0/clusters/spark-versions"))
        if versions.get("versions"):
            c["spark_version"] = versions["versions"][0]["key"]
        nodes = self._json(databricks("workspace", "GET", f"{ws}/api/2.0/clusters/list-node-types"))
        if nodes.get("node_types"):
            c["node_type"] = nodes["node_types"][0]["node_type_id"]
        cluster = self._json(databricks("workspace", "POST", f"{ws}/api/2.0/clusters/create", {
            "cluster_name": "fuzz", "spark_version": c["spark_version"], "node_type_id": c["node_type"],
            "num_workers": 1, "autotermination_minutes": 60}))
        c["cluster_id"] = cluster.get("cluster_id", "none")
        self.call(databricks("workspace", "POST", f"{ws}/api/2.0/workspace/import", {
            "path": "/fuzz", "format": "SOURCE", "language": "PYTHON", "overwrite": True,
            "content": base64.b64encode(b"print('fuzz')\n").decode()}))
        job = self._json(databricks("workspace", "POST", f"{ws}/api/2.1/jobs/create", {
            "name": "fuzz", "tasks": [{"task_key": "t", "existing_cluster_id": c["cluster_id"],
                                       "notebook_task": {"notebook_path": "/fuzz"}}]}))
        c["job_id"] = str(job.get("job_id", 0))
        run = self._json(databricks("workspace", "POST", f"{ws}/api/2.1/jobs/run-now", {"job_id": job.get("job_id", 0)}))
        c["run_id"] = str(run.get("run_id", 0))
        self.call(databricks("workspace", "POST", f"{ws}/api/2.0/secrets/scopes/create", {"scope": c["scope"]}))
        self.call(databricks("workspace", "POST", f"{ws}/api/2.0/secrets/put", {
            "scope": c["scope"], "key": "k", "string_value": "v"}))
        self.call(databricks("workspace", "POST", f"{ws}/api/2.0/dbfs/put", {
            "path": "/fuzz.txt", "contents": base64.b64encode(b"fuzz" * 100).decode(), "overwrite": True}))
