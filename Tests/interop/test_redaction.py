"""No secret reaches any report, console line or published file.

A live run against a `brickyard serve` stand-in uses an IAM user's long-lived key and a role's temporary credentials
(with a session token), the Databricks account's OAuth client secret, and stores secret values through the secrets
API, one from the environment and one written in the feature itself; a step fails with a message that quotes a
secret. Every format is written and the report is published to the stand-in's S3. None of the known secrets may
appear on the console, in any local file, or in any published object.
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from pathlib import Path

import boto3

from conftest import brickyard_binary

LITERAL = "literal-secret-value-7c1e"
FROM_ENV = "environment-secret-value-90ab"

FEATURE = f"""Feature: secrets
  Scenario: secrets go in and never come out
    Given a Databricks workspace "main"
    When I put secret "db-password" with value "${{env:DB_PASSWORD}}" in scope "app" of workspace "main"
    And I put secret "api-key" with value "{LITERAL}" in scope "app" of workspace "main"
    Then scope "app" of workspace "main" lists secret "db-password"
    And scope "app" of workspace "main" lists secret "${{env:DB_PASSWORD}}"
"""


def test_known_secrets_appear_nowhere(spawn_emulator, tmp_path: Path) -> None:
    serve = spawn_emulator()
    with urllib.request.urlopen(f"{serve.endpoint}/_brickyard/info", timeout=10) as response:
        info = json.loads(response.read())
    databricks = info["databricks"]
    root = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    iam = root.client("iam", endpoint_url=serve.endpoint)
    # A user with a real-looking key, allowed everything, and a role it assumes for temporary credentials.
    iam.create_user(UserName="ci")
    iam.attach_user_policy(UserName="ci", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    key = iam.create_access_key(UserName="ci")["AccessKey"]
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::000000000000:root"},
                                                     "Action": "sts:AssumeRole"}]}
    iam.create_role(RoleName="ci-deployer", AssumeRolePolicyDocument=json.dumps(trust))
    iam.attach_role_policy(RoleName="ci-deployer", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    user = boto3.session.Session(aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"],
                                 region_name="us-east-1")
    temporary = user.client("sts", endpoint_url=serve.endpoint).assume_role(
        RoleArn="arn:aws:iam::000000000000:role/ci-deployer", RoleSessionName="redaction")["Credentials"]
    root.client("s3", endpoint_url=serve.endpoint).create_bucket(Bucket="published-reports")

    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    (home / ".aws" / "credentials").write_text(
        f"[publisher]\naws_access_key_id = {key['AccessKeyId']}\naws_secret_access_key = {key['SecretAccessKey']}\n")
    (home / ".databrickscfg").write_text(
        f"[staging]\nhost = {serve.endpoint}\naccount_id = {databricks['accountId']}\n"
        f"client_id = {databricks['clientId']}\nclient_secret = {databricks['clientSecret']}\n")
    (tmp_path / "secrets.feature").write_text(FEATURE)
    env = {
        "PATH": os.environ.get("PATH", ""), "HOME": str(home), "AWS_ENDPOINT_URL": serve.endpoint,
        "AWS_ACCESS_KEY_ID": temporary["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": temporary["SecretAccessKey"],
        "AWS_SESSION_TOKEN": temporary["SessionToken"], "AWS_REGION": "us-east-1", "DB_PASSWORD": FROM_ENV,
    }
    secrets = {
        "user secret key": key["SecretAccessKey"], "temporary secret key": temporary["SecretAccessKey"],
        "session token": temporary["SessionToken"], "Databricks client secret": databricks["clientSecret"],
        "secret value from the environment": FROM_ENV, "secret value in the feature": LITERAL,
    }
    done = subprocess.run(
        [brickyard_binary(), "run", "--target", "live", "--databricks-profile", "staging", "secrets.feature",
         "--format", "pretty", "--format", "progress:out/progress.txt", "--format", "html:out/index.html",
         "--format", "junit:out/junit.xml", "--format", "json:out/cucumber.json",
         "--format", "message:out/messages.ndjson", "--format", "rerun:out/rerun.txt",
         "--publish", "s3://published-reports/runs", "--publish-endpoint", serve.endpoint,
         "--publish-profile", "publisher"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    # The last step fails (its message quotes the secret); everything else ran and the report was published.
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Published: s3://published-reports/runs/" in done.stderr, done.stderr
    assert "<redacted>" in done.stdout
    places = {"standard output": done.stdout, "standard error": done.stderr}
    for path in tmp_path.rglob("*"):
        if path.is_file() and home not in path.parents and path.suffix != ".feature":
            places[str(path.relative_to(tmp_path))] = path.read_bytes().decode(errors="replace")
    s3 = user.client("s3", endpoint_url=serve.endpoint)
    objects = s3.list_objects_v2(Bucket="published-reports", Prefix="runs/")["Contents"]
    assert any(o["Key"].endswith("/index.html") for o in objects)
    for listed in objects:
        body = s3.get_object(Bucket="published-reports", Key=listed["Key"])["Body"].read()
        places[f"s3://published-reports/{listed['Key']}"] = body.decode(errors="replace")
    assert len(places) >= 12, sorted(places)
    leaks = [f"{name} in {place}" for place, text in places.items() for name, value in secrets.items() if value in text]
    assert leaks == []
    # The secrets did go through the secrets API.
    assert "scope \"app\" of workspace \"main\" lists secret \"db-password\"" in done.stdout
