"""The AWS CLI, unchanged, against Kinesis: create, wait, describe, put, read back, reshard, tag, delete."""

from __future__ import annotations

import base64
import time
import uuid


def test_kinesis_with_the_aws_cli(aws):
    name = f"cli-{uuid.uuid4().hex[:8]}"
    aws("kinesis", "create-stream", "--stream-name", name, "--shard-count", "2")
    deadline = time.monotonic() + 10
    while aws.json("kinesis", "describe-stream-summary", "--stream-name", name)[
            "StreamDescriptionSummary"]["StreamStatus"] != "ACTIVE":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert name in aws.json("kinesis", "list-streams")["StreamNames"]
    put = aws.json("kinesis", "put-record", "--stream-name", name, "--partition-key", "k",
                   "--data", "from the cli")  # AWS CLI v1 sends a blob argument's text as the bytes
    iterator = aws.json("kinesis", "get-shard-iterator", "--stream-name", name, "--shard-id", put["ShardId"],
                        "--shard-iterator-type", "TRIM_HORIZON")["ShardIterator"]
    records = aws.json("kinesis", "get-records", "--shard-iterator", iterator)["Records"]
    assert base64.b64decode(records[0]["Data"]) == b"from the cli"
    aws("kinesis", "add-tags-to-stream", "--stream-name", name, "--tags", "team=data")
    assert aws.json("kinesis", "list-tags-for-stream", "--stream-name", name)["Tags"] == [
        {"Key": "team", "Value": "data"}]
    scaled = aws.json("kinesis", "update-shard-count", "--stream-name", name, "--target-shard-count", "4",
                      "--scaling-type", "UNIFORM_SCALING")
    assert scaled["TargetShardCount"] == 4
    missing = aws("kinesis", "describe-stream", "--stream-name", "absent", check=False)
    assert missing.returncode != 0 and "ResourceNotFoundException" in missing.stderr
    time.sleep(0.6)
    aws("kinesis", "delete-stream", "--stream-name", name)
