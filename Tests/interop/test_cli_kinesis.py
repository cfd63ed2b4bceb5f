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
    time.sleep(0.6)
    shards = aws.json("kinesis", "list-shards", "--stream-name", name)["Shards"]
    assert sum(1 for s in shards if "EndingSequenceNumber" not in s["SequenceNumberRange"]) == 4
    aws("kinesis", "increase-stream-retention-period", "--stream-name", name, "--retention-period-hours", "48")
    arn = aws.json("kinesis", "describe-stream-summary", "--stream-name", name)["StreamDescriptionSummary"]["StreamARN"]
    consumer = aws.json("kinesis", "register-stream-consumer", "--stream-arn", arn, "--consumer-name", "cli")
    assert consumer["Consumer"]["ConsumerName"] == "cli"
    aws("kinesis", "deregister-stream-consumer", "--stream-arn", arn, "--consumer-name", "cli")
    missing = aws("kinesis", "describe-stream", "--stream-name", "absent", check=False)
    assert missing.returncode != 0 and "ResourceNotFoundException" in missing.stderr
    time.sleep(0.6)
    aws("kinesis", "delete-stream", "--stream-name", name)


def test_the_rest_of_kinesis_with_the_aws_cli(aws):
    name = f"cli-rest-{uuid.uuid4().hex[:8]}"

    def active() -> None:
        deadline = time.monotonic() + 10
        while aws.json("kinesis", "describe-stream", "--stream-name", name)[
                "StreamDescription"]["StreamStatus"] != "ACTIVE":
            assert time.monotonic() < deadline
            time.sleep(0.2)

    aws("kinesis", "create-stream", "--stream-name", name, "--shard-count", "2")
    active()
    batch = aws.json("kinesis", "put-records", "--stream-name", name, "--records",
                     "Data=one,PartitionKey=a", "Data=two,PartitionKey=b")
    assert batch["FailedRecordCount"] == 0 and len(batch["Records"]) == 2
    aws("kinesis", "add-tags-to-stream", "--stream-name", name, "--tags", "a=1,b=2")
    aws("kinesis", "remove-tags-from-stream", "--stream-name", name, "--tag-keys", "a")
    assert [t["Key"] for t in aws.json("kinesis", "list-tags-for-stream", "--stream-name", name)["Tags"]] == ["b"]
    aws("kinesis", "increase-stream-retention-period", "--stream-name", name, "--retention-period-hours", "72")
    aws("kinesis", "decrease-stream-retention-period", "--stream-name", name, "--retention-period-hours", "24")
    aws("kinesis", "split-shard", "--stream-name", name, "--shard-to-split", "shardId-000000000000",
        "--new-starting-hash-key", "1000")
    active()
    aws("kinesis", "merge-shards", "--stream-name", name, "--shard-to-merge", "shardId-000000000002",
        "--adjacent-shard-to-merge", "shardId-000000000003")
    active()
    arn = aws.json("kinesis", "describe-stream-summary", "--stream-name", name)["StreamDescriptionSummary"]["StreamARN"]
    aws("kinesis", "update-stream-mode", "--stream-arn", arn, "--stream-mode-details", "StreamMode=ON_DEMAND")
    active()
    aws("kinesis", "start-stream-encryption", "--stream-name", name, "--encryption-type", "KMS",
        "--key-id", "alias/aws/kinesis")
    active()
    aws("kinesis", "stop-stream-encryption", "--stream-name", name, "--encryption-type", "KMS",
        "--key-id", "alias/aws/kinesis")
    active()
    enabled = aws.json("kinesis", "enable-enhanced-monitoring", "--stream-name", name,
                       "--shard-level-metrics", "IncomingBytes")
    assert enabled["DesiredShardLevelMetrics"] == ["IncomingBytes"]
    aws("kinesis", "disable-enhanced-monitoring", "--stream-name", name, "--shard-level-metrics", "ALL")
    consumer = aws.json("kinesis", "register-stream-consumer", "--stream-arn", arn, "--consumer-name", "reader")
    described = aws.json("kinesis", "describe-stream-consumer", "--consumer-arn", consumer["Consumer"]["ConsumerARN"])
    assert described["ConsumerDescription"]["ConsumerName"] == "reader"
    assert [c["ConsumerName"] for c in aws.json("kinesis", "list-stream-consumers", "--stream-arn", arn)["Consumers"]] \
        == ["reader"]
    aws("kinesis", "deregister-stream-consumer", "--consumer-arn", consumer["Consumer"]["ConsumerARN"])
    aws("kinesis", "delete-stream", "--stream-name", name)
