"""Kinesis Data Streams with boto3 (JSON 1.1) and with CBOR 1.1 bodies signed by hand, as the AWS SDK for Java sends
them: streams, shards, records routed by the MD5 of their partition keys, iterators of every type, and the errors
the service gives for bad input."""

from __future__ import annotations

import datetime
import hashlib
import time
import uuid

import cbor2
import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from conftest import failure
from identities import client
from s3wire import ACCESS_KEY, REGION, SECRET_KEY


@pytest.fixture(scope="module")
def kinesis(endpoint):
    return client(endpoint, "kinesis")


def active_stream(kinesis, shards: int = 4) -> str:
    name = f"stream-{uuid.uuid4().hex[:8]}"
    kinesis.create_stream(StreamName=name, ShardCount=shards)
    deadline = time.monotonic() + 10
    while kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"] != "ACTIVE":
        assert time.monotonic() < deadline, "the stream never became ACTIVE"
        time.sleep(0.2)
    return name


def test_stream_lifecycle_and_description(kinesis):
    name = f"stream-{uuid.uuid4().hex[:8]}"
    kinesis.create_stream(StreamName=name, ShardCount=3)
    assert kinesis.describe_stream(StreamName=name)["StreamDescription"]["StreamStatus"] == "CREATING"
    waiter_deadline = time.monotonic() + 10
    while kinesis.describe_stream(StreamName=name)["StreamDescription"]["StreamStatus"] != "ACTIVE":
        assert time.monotonic() < waiter_deadline
        time.sleep(0.2)
    description = kinesis.describe_stream(StreamName=name)["StreamDescription"]
    assert description["StreamARN"] == f"arn:aws:kinesis:{REGION}:000000000000:stream/{name}"
    assert [s["ShardId"] for s in description["Shards"]] == [f"shardId-00000000000{i}" for i in range(3)]
    ranges = [(int(s["HashKeyRange"]["StartingHashKey"]), int(s["HashKeyRange"]["EndingHashKey"]))
              for s in description["Shards"]]
    assert ranges[0][0] == 0 and ranges[-1][1] == 2**128 - 1
    assert all(ranges[i][1] + 1 == ranges[i + 1][0] for i in range(2))
    assert name in kinesis.list_streams()["StreamNames"]
    with pytest.raises(ClientError) as error:
        kinesis.create_stream(StreamName=name, ShardCount=1)
    assert failure(error) == ("ResourceInUseException", 400)
    kinesis.delete_stream(StreamName=name)
    assert kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"] == "DELETING"
    time.sleep(0.7)
    with pytest.raises(ClientError) as error:
        kinesis.describe_stream(StreamName=name)
    assert failure(error) == ("ResourceNotFoundException", 400)


def test_records_are_routed_by_md5_and_read_back_identically(kinesis):
    name = active_stream(kinesis)
    shards = kinesis.list_shards(StreamName=name)["Shards"]
    payloads = {f"key-{i}": uuid.uuid4().bytes * (i + 1) for i in range(40)}
    placed = {}
    for key, data in payloads.items():
        answer = kinesis.put_record(StreamName=name, Data=data, PartitionKey=key)
        hash_key = int.from_bytes(hashlib.md5(key.encode()).digest(), "big")
        expected = next(s["ShardId"] for s in shards if int(s["HashKeyRange"]["StartingHashKey"]) <= hash_key
                        <= int(s["HashKeyRange"]["EndingHashKey"]))
        assert answer["ShardId"] == expected
        placed[key] = answer
    read = {}
    for shard in shards:
        iterator = kinesis.get_shard_iterator(StreamName=name, ShardId=shard["ShardId"],
                                              ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        records = kinesis.get_records(ShardIterator=iterator)["Records"]
        sequences = [int(r["SequenceNumber"]) for r in records]
        assert sequences == sorted(sequences)
        for record in records:
            read[record["PartitionKey"]] = record["Data"]
    assert read == payloads


def test_put_records_and_every_iterator_type(kinesis):
    name = active_stream(kinesis, 1)
    before = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=1)
    answer = kinesis.put_records(StreamName=name, Records=[
        {"Data": f"record {i}".encode(), "PartitionKey": "p"} for i in range(10)])
    assert answer["FailedRecordCount"] == 0
    sequences = [r["SequenceNumber"] for r in answer["Records"]]
    shard = "shardId-000000000000"

    def read(**kwargs):
        iterator = kinesis.get_shard_iterator(StreamName=name, ShardId=shard, **kwargs)["ShardIterator"]
        return [r["Data"] for r in kinesis.get_records(ShardIterator=iterator)["Records"]]

    assert read(ShardIteratorType="AT_SEQUENCE_NUMBER", StartingSequenceNumber=sequences[3])[0] == b"record 3"
    assert read(ShardIteratorType="AFTER_SEQUENCE_NUMBER", StartingSequenceNumber=sequences[3])[0] == b"record 4"
    assert len(read(ShardIteratorType="AT_TIMESTAMP", Timestamp=before)) == 10
    latest = kinesis.get_shard_iterator(StreamName=name, ShardId=shard, ShardIteratorType="LATEST")["ShardIterator"]
    empty = kinesis.get_records(ShardIterator=latest)
    assert empty["Records"] == [] and empty["MillisBehindLatest"] == 0
    kinesis.put_record(StreamName=name, Data=b"after latest", PartitionKey="p")
    assert [r["Data"] for r in kinesis.get_records(ShardIterator=empty["NextShardIterator"])["Records"]] == \
        [b"after latest"]
    limited = kinesis.get_records(
        ShardIterator=kinesis.get_shard_iterator(StreamName=name, ShardId=shard,
                                                 ShardIteratorType="TRIM_HORIZON")["ShardIterator"], Limit=4)
    assert len(limited["Records"]) == 4 and limited["MillisBehindLatest"] >= 0
    rest = kinesis.get_records(ShardIterator=limited["NextShardIterator"])
    assert [r["Data"] for r in rest["Records"]][0] == b"record 4"


def test_tags_retention_and_explicit_hash_keys(kinesis):
    name = active_stream(kinesis, 2)
    kinesis.add_tags_to_stream(StreamName=name, Tags={"team": "data", "env": "test"})
    kinesis.remove_tags_from_stream(StreamName=name, TagKeys=["env"])
    assert kinesis.list_tags_for_stream(StreamName=name)["Tags"] == [{"Key": "team", "Value": "data"}]
    kinesis.increase_stream_retention_period(StreamName=name, RetentionPeriodHours=48)
    assert kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["RetentionPeriodHours"] == 48
    with pytest.raises(ClientError) as error:
        kinesis.decrease_stream_retention_period(StreamName=name, RetentionPeriodHours=72)
    assert failure(error) == ("InvalidArgumentException", 400)
    answer = kinesis.put_record(StreamName=name, Data=b"x", PartitionKey="p", ExplicitHashKey=str(2**128 - 1))
    assert answer["ShardId"] == "shardId-000000000001"
    with pytest.raises(ClientError) as error:
        kinesis.put_record(StreamName=name, Data=b"x", PartitionKey="p", ExplicitHashKey=str(2**128))
    assert failure(error) == ("InvalidArgumentException", 400)


def test_errors_for_missing_streams_shards_and_bad_iterators(kinesis):
    with pytest.raises(ClientError) as error:
        kinesis.put_record(StreamName="no-such-stream", Data=b"x", PartitionKey="p")
    assert failure(error) == ("ResourceNotFoundException", 400)
    name = active_stream(kinesis, 1)
    with pytest.raises(ClientError) as error:
        kinesis.get_shard_iterator(StreamName=name, ShardId="shardId-000000000009", ShardIteratorType="LATEST")
    assert failure(error) == ("ResourceNotFoundException", 400)
    with pytest.raises(ClientError) as error:
        kinesis.get_records(ShardIterator="not-an-iterator")
    assert failure(error) == ("InvalidArgumentException", 400)
    with pytest.raises(ClientError) as error:
        kinesis.put_records(StreamName=name, Records=[{"Data": b"x", "PartitionKey": "p"}] * 501)
    assert failure(error)[0] == "ValidationException"


# MARK: - raw requests (garbage bodies, unknown operations, CBOR)


def signed(endpoint: str, operation: str, body: bytes, content_type: str) -> requests.Response:
    request = AWSRequest(method="POST", url=endpoint + "/", data=body, headers={
        "X-Amz-Target": f"Kinesis_20131202.{operation}", "Content-Type": content_type})
    SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "kinesis", REGION).add_auth(request)
    return requests.post(endpoint + "/", data=body, headers=dict(request.headers), timeout=10)


def cbor_decode(data: bytes):
    """Decodes a CBOR answer the way the AWS SDK for Java reads it: tag 1 over an integer is epoch milliseconds."""
    import struct

    def item(i: int):
        head = data[i]
        major, info = head >> 5, head & 0x1F
        i += 1
        if info < 24:
            argument = info
        elif info in (24, 25, 26, 27):
            size = 1 << (info - 24)
            if major == 7 and info in (25, 26, 27):
                raw = data[i:i + size]
                value = {2: lambda: struct.unpack(">e", raw)[0], 4: lambda: struct.unpack(">f", raw)[0],
                         8: lambda: struct.unpack(">d", raw)[0]}[size]()
                return value, i + size
            argument = int.from_bytes(data[i:i + size], "big")
            i += size
        else:
            raise ValueError(f"unsupported CBOR head {head:#x}")
        if major == 0:
            return argument, i
        if major == 1:
            return -1 - argument, i
        if major in (2, 3):
            raw = data[i:i + argument]
            return (bytes(raw) if major == 2 else raw.decode()), i + argument
        if major == 4:
            items = []
            for _ in range(argument):
                value, i = item(i)
                items.append(value)
            return items, i
        if major == 5:
            members = {}
            for _ in range(argument):
                key, i = item(i)
                members[key], i = item(i)
            return members, i
        if major == 6:
            value, i = item(i)
            if argument == 1:
                seconds = value / 1000 if isinstance(value, int) else value
                return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc), i
            return value, i
        return {20: False, 21: True, 22: None}.get(argument), i

    value, end = item(0)
    assert end == len(data), "trailing bytes in the CBOR answer"
    return value


def cbor(endpoint: str, operation: str, members: dict) -> tuple[int, dict]:
    answer = signed(endpoint, operation, cbor2.dumps(members), "application/x-amz-cbor-1.1")
    assert answer.headers["Content-Type"] == "application/x-amz-cbor-1.1"
    return answer.status_code, cbor_decode(answer.content)


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b"\xff\xfe"])
def test_garbage_json_is_a_serialization_exception(endpoint, body):
    answer = signed(endpoint, "ListStreams", body, "application/x-amz-json-1.1")
    assert answer.status_code == 400
    assert answer.json()["__type"] == "SerializationException"


@pytest.mark.parametrize("body", [b"\xa1\x61", b"\x1c", b"\x82\x01"])
def test_garbage_cbor_is_a_serialization_exception(endpoint, body):
    answer = signed(endpoint, "ListStreams", body, "application/x-amz-cbor-1.1")
    assert answer.status_code == 400
    assert cbor_decode(answer.content)["__type"] == "SerializationException"


def test_unknown_operations(endpoint):
    answer = signed(endpoint, "FlyToTheMoon", b"{}", "application/x-amz-json-1.1")
    assert answer.status_code == 400 and answer.json()["__type"] == "UnknownOperationException"


def test_cbor_round_trips_byte_identical_data(endpoint):
    name = f"cbor-{uuid.uuid4().hex[:8]}"
    status, _ = cbor(endpoint, "CreateStream", {"StreamName": name, "ShardCount": 1})
    assert status == 200
    deadline = time.monotonic() + 10
    while True:
        status, summary = cbor(endpoint, "DescribeStreamSummary", {"StreamName": name})
        if summary["StreamDescriptionSummary"]["StreamStatus"] == "ACTIVE":
            break
        assert time.monotonic() < deadline
        time.sleep(0.2)
    created = summary["StreamDescriptionSummary"]["StreamCreationTimestamp"]
    assert abs((created - datetime.datetime.now(datetime.timezone.utc)).total_seconds()) < 60
    payload = bytes(range(256)) * 4
    status, put = cbor(endpoint, "PutRecord", {"StreamName": name, "Data": payload, "PartitionKey": "k"})
    assert status == 200 and put["ShardId"] == "shardId-000000000000"
    status, batch = cbor(endpoint, "PutRecords", {"StreamName": name, "Records": [
        {"Data": b"\x00\x01", "PartitionKey": "a"}, {"Data": b"", "PartitionKey": "b"}]})
    assert batch["FailedRecordCount"] == 0
    _, iterator = cbor(endpoint, "GetShardIterator", {
        "StreamName": name, "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"})
    _, records = cbor(endpoint, "GetRecords", {"ShardIterator": iterator["ShardIterator"]})
    assert [r["Data"] for r in records["Records"]] == [payload, b"\x00\x01", b""]
    assert all(isinstance(r["ApproximateArrivalTimestamp"], datetime.datetime) for r in records["Records"])
    status, missing = cbor(endpoint, "DescribeStream", {"StreamName": "absent"})
    assert status == 400 and missing["__type"] == "ResourceNotFoundException"


def test_json_and_cbor_see_the_same_records(endpoint, kinesis):
    name = active_stream(kinesis, 1)
    kinesis.put_record(StreamName=name, Data=b"\x00json\xff", PartitionKey="p")
    _, iterator = cbor(endpoint, "GetShardIterator", {
        "StreamName": name, "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"})
    _, records = cbor(endpoint, "GetRecords", {"ShardIterator": iterator["ShardIterator"]})
    assert records["Records"][0]["Data"] == b"\x00json\xff"


def wait_active(kinesis, name: str) -> None:
    deadline = time.monotonic() + 10
    while kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"] != "ACTIVE":
        assert time.monotonic() < deadline, "the stream never became ACTIVE"
        time.sleep(0.2)


def test_split_merge_and_update_shard_count(kinesis):
    name = active_stream(kinesis, 2)
    kinesis.put_record(StreamName=name, Data=b"before", PartitionKey="p", ExplicitHashKey="0")
    shard0 = kinesis.list_shards(StreamName=name)["Shards"][0]
    middle = (int(shard0["HashKeyRange"]["StartingHashKey"]) + int(shard0["HashKeyRange"]["EndingHashKey"])) // 2
    kinesis.split_shard(StreamName=name, ShardToSplit="shardId-000000000000", NewStartingHashKey=str(middle))
    with pytest.raises(ClientError) as error:
        kinesis.split_shard(StreamName=name, ShardToSplit="shardId-000000000001", NewStartingHashKey="1")
    assert failure(error) == ("ResourceInUseException", 400)
    wait_active(kinesis, name)
    shards = {s["ShardId"]: s for s in kinesis.list_shards(StreamName=name)["Shards"]}
    assert "EndingSequenceNumber" in shards["shardId-000000000000"]["SequenceNumberRange"]
    assert shards["shardId-000000000002"]["ParentShardId"] == "shardId-000000000000"
    assert shards["shardId-000000000003"]["HashKeyRange"]["StartingHashKey"] == str(middle)
    # The closed parent still holds its record, then ends with its children.
    iterator = kinesis.get_shard_iterator(StreamName=name, ShardId="shardId-000000000000",
                                          ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    closed = kinesis.get_records(ShardIterator=iterator)
    assert [r["Data"] for r in closed["Records"]] == [b"before"]
    assert "NextShardIterator" not in closed or closed["NextShardIterator"] is None
    assert {c["ShardId"] for c in closed["ChildShards"]} == {"shardId-000000000002", "shardId-000000000003"}

    kinesis.merge_shards(StreamName=name, ShardToMerge="shardId-000000000002",
                         AdjacentShardToMerge="shardId-000000000003")
    wait_active(kinesis, name)
    merged = kinesis.list_shards(StreamName=name, ShardFilter={"Type": "AT_LATEST"})["Shards"]
    assert [s["ShardId"] for s in merged] == ["shardId-000000000001", "shardId-000000000004"]
    answer = kinesis.update_shard_count(StreamName=name, TargetShardCount=4, ScalingType="UNIFORM_SCALING")
    assert (answer["CurrentShardCount"], answer["TargetShardCount"]) == (2, 4)
    wait_active(kinesis, name)
    assert kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["OpenShardCount"] == 4
    with pytest.raises(ClientError) as error:
        kinesis.update_shard_count(StreamName=name, TargetShardCount=9, ScalingType="UNIFORM_SCALING")
    assert failure(error) == ("LimitExceededException", 400)


def test_consumers_modes_encryption_and_monitoring(kinesis):
    name = active_stream(kinesis, 1)
    arn = kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamARN"]
    consumer = kinesis.register_stream_consumer(StreamARN=arn, ConsumerName="app")["Consumer"]
    assert consumer["ConsumerStatus"] == "CREATING"
    time.sleep(0.6)
    described = kinesis.describe_stream_consumer(ConsumerARN=consumer["ConsumerARN"])["ConsumerDescription"]
    assert described["ConsumerStatus"] == "ACTIVE" and described["StreamARN"] == arn
    assert [c["ConsumerName"] for c in kinesis.list_stream_consumers(StreamARN=arn)["Consumers"]] == ["app"]
    with pytest.raises(ClientError) as error:
        kinesis.register_stream_consumer(StreamARN=arn, ConsumerName="app")
    assert failure(error) == ("ResourceInUseException", 400)
    kinesis.deregister_stream_consumer(StreamARN=arn, ConsumerName="app")
    kinesis.update_stream_mode(StreamARN=arn, StreamModeDetails={"StreamMode": "ON_DEMAND"})
    wait_active(kinesis, name)
    kinesis.start_stream_encryption(StreamName=name, EncryptionType="KMS", KeyId="alias/aws/kinesis")
    wait_active(kinesis, name)
    summary = kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
    assert (summary["StreamModeDetails"]["StreamMode"], summary["EncryptionType"]) == ("ON_DEMAND", "KMS")
    assert kinesis.put_record(StreamName=name, Data=b"x", PartitionKey="p")["EncryptionType"] == "KMS"
    monitoring = kinesis.enable_enhanced_monitoring(StreamName=name, ShardLevelMetrics=["IncomingBytes"])
    assert monitoring["DesiredShardLevelMetrics"] == ["IncomingBytes"]
    disabled = kinesis.disable_enhanced_monitoring(StreamName=name, ShardLevelMetrics=["ALL"])
    assert (disabled["CurrentShardLevelMetrics"], disabled["DesiredShardLevelMetrics"]) == (["IncomingBytes"], [])
    kinesis.stop_stream_encryption(StreamName=name, EncryptionType="KMS", KeyId="alias/aws/kinesis")
    wait_active(kinesis, name)
    assert kinesis.describe_stream(StreamName=name)["StreamDescription"]["EncryptionType"] == "NONE"


def test_kill_9_loses_no_acknowledged_record(spawn_emulator, tmp_path):
    import signal
    import threading

    state_dir = str(tmp_path / "state")
    first = spawn_emulator("--state-dir", state_dir)
    kinesis = client(first.endpoint, "kinesis")
    name = active_stream(kinesis, 2)
    acknowledged: list[tuple[str, bytes]] = []
    stop = threading.Event()

    def writer(worker: int) -> None:
        own = client(first.endpoint, "kinesis")
        count = 0
        while not stop.is_set():
            data = f"{worker}-{count}".encode()
            try:
                answer = own.put_record(StreamName=name, Data=data, PartitionKey=f"w{worker}")
            except Exception:
                return
            acknowledged.append((answer["SequenceNumber"], data))
            count += 1

    threads = [threading.Thread(target=writer, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    first.stop(signal.SIGKILL)
    stop.set()
    for thread in threads:
        thread.join()
    assert len(acknowledged) > 20
    second = spawn_emulator("--state-dir", state_dir)
    kinesis = client(second.endpoint, "kinesis")
    stored = {}
    for shard in kinesis.list_shards(StreamName=name)["Shards"]:
        iterator = kinesis.get_shard_iterator(StreamName=name, ShardId=shard["ShardId"],
                                              ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        while iterator:
            answer = kinesis.get_records(ShardIterator=iterator)
            stored.update({r["SequenceNumber"]: r["Data"] for r in answer["Records"]})
            if not answer["Records"]:
                break
            iterator = answer.get("NextShardIterator")
    for sequence, data in acknowledged:
        assert stored.get(sequence) == data
    newest = max(int(s) for s in stored)
    after = kinesis.put_record(StreamName=name, Data=b"after", PartitionKey="w0")
    assert int(after["SequenceNumber"]) > newest


def test_every_operation_over_cbor(endpoint):
    """The same operations as the boto3 tests, with CBOR bodies, as the AWS SDK for Java sends them."""
    name = f"cbor-all-{uuid.uuid4().hex[:8]}"

    def ok(operation: str, members: dict) -> dict:
        status, answer = cbor(endpoint, operation, members)
        assert status == 200, (operation, answer)
        return answer

    def active() -> None:
        deadline = time.monotonic() + 10
        while ok("DescribeStreamSummary", {"StreamName": name})["StreamDescriptionSummary"]["StreamStatus"] != "ACTIVE":
            assert time.monotonic() < deadline
            time.sleep(0.2)

    ok("CreateStream", {"StreamName": name, "ShardCount": 2})
    active()
    arn = ok("DescribeStream", {"StreamName": name})["StreamDescription"]["StreamARN"]
    assert name in ok("ListStreams", {})["StreamNames"]
    ok("AddTagsToStream", {"StreamName": name, "Tags": {"team": "data"}})
    assert ok("ListTagsForStream", {"StreamARN": arn})["Tags"] == [{"Key": "team", "Value": "data"}]
    ok("RemoveTagsFromStream", {"StreamName": name, "TagKeys": ["team"]})
    ok("IncreaseStreamRetentionPeriod", {"StreamName": name, "RetentionPeriodHours": 48})
    ok("DecreaseStreamRetentionPeriod", {"StreamName": name, "RetentionPeriodHours": 24})
    data = bytes(range(256))
    put = ok("PutRecord", {"StreamName": name, "Data": data, "PartitionKey": "k", "ExplicitHashKey": "0"})
    ok("PutRecords", {"StreamARN": arn, "Records": [{"Data": data[::-1], "PartitionKey": "k", "ExplicitHashKey": "0"}]})
    shard = put["ShardId"]
    for kind, extra in [("TRIM_HORIZON", {}), ("AT_SEQUENCE_NUMBER", {"StartingSequenceNumber": put["SequenceNumber"]}),
                        # A timestamp as the AWS SDK for Java writes one: tag 1 over epoch milliseconds.
                        ("AT_TIMESTAMP", {"Timestamp": cbor2.CBORTag(1, int((time.time() - 60) * 1000))})]:
        iterator = ok("GetShardIterator", {"StreamName": name, "ShardId": shard, "ShardIteratorType": kind, **extra})
        records = ok("GetRecords", {"ShardIterator": iterator["ShardIterator"], "Limit": 10})["Records"]
        assert [r["Data"] for r in records] == [data, data[::-1]], kind
    after = ok("GetShardIterator", {"StreamName": name, "ShardId": shard, "ShardIteratorType": "AFTER_SEQUENCE_NUMBER",
                                    "StartingSequenceNumber": put["SequenceNumber"]})
    assert [r["Data"] for r in ok("GetRecords", {"ShardIterator": after["ShardIterator"]})["Records"]] == [data[::-1]]
    latest = ok("GetShardIterator", {"StreamName": name, "ShardId": shard, "ShardIteratorType": "LATEST"})
    assert ok("GetRecords", {"ShardIterator": latest["ShardIterator"]})["Records"] == []
    shards = ok("ListShards", {"StreamName": name})["Shards"]
    assert [s["ShardId"] for s in shards] == ["shardId-000000000000", "shardId-000000000001"]
    ok("SplitShard", {"StreamName": name, "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "1000"})
    active()
    ok("MergeShards", {"StreamName": name, "ShardToMerge": "shardId-000000000002",
                       "AdjacentShardToMerge": "shardId-000000000003"})
    active()
    assert ok("UpdateShardCount", {"StreamName": name, "TargetShardCount": 3,
                                   "ScalingType": "UNIFORM_SCALING"})["TargetShardCount"] == 3
    active()
    ok("UpdateStreamMode", {"StreamARN": arn, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}})
    active()
    ok("StartStreamEncryption", {"StreamName": name, "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"})
    active()
    ok("StopStreamEncryption", {"StreamName": name, "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"})
    active()
    ok("EnableEnhancedMonitoring", {"StreamName": name, "ShardLevelMetrics": ["ALL"]})
    ok("DisableEnhancedMonitoring", {"StreamName": name, "ShardLevelMetrics": ["IncomingBytes"]})
    consumer = ok("RegisterStreamConsumer", {"StreamARN": arn, "ConsumerName": "reader"})["Consumer"]
    assert isinstance(consumer["ConsumerCreationTimestamp"], datetime.datetime)
    assert ok("DescribeStreamConsumer", {"ConsumerARN": consumer["ConsumerARN"]})["ConsumerDescription"][
        "ConsumerName"] == "reader"
    assert [c["ConsumerName"] for c in ok("ListStreamConsumers", {"StreamARN": arn})["Consumers"]] == ["reader"]
    ok("DeregisterStreamConsumer", {"ConsumerARN": consumer["ConsumerARN"]})
    ok("DeleteStream", {"StreamName": name})


def test_faults_reach_kinesis_in_the_requests_encoding(endpoint, kinesis):
    import json as jsonlib
    import urllib.request

    def admin(method: str, body: dict | None = None) -> dict:
        data = jsonlib.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{endpoint}/_brickyard/faults", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return jsonlib.loads(response.read())

    rule = {"service": "kinesis", "operation": "ListStreams",
            "error": {"status": 400, "code": "LimitExceededException", "message": "injected"}}
    admin("POST", rule)
    try:
        with pytest.raises(ClientError) as error:
            kinesis.list_streams()
        assert failure(error) == ("LimitExceededException", 400)
        status, answer = cbor(endpoint, "ListStreams", {})
        assert (status, answer["__type"]) == (400, "LimitExceededException")
    finally:
        admin("DELETE")
    assert "StreamNames" in kinesis.list_streams()


def test_list_shards_timestamp_filters(kinesis):
    name = active_stream(kinesis, 1)
    before_split = datetime.datetime.now(datetime.timezone.utc)
    time.sleep(1.1)
    kinesis.split_shard(StreamName=name, ShardToSplit="shardId-000000000000", NewStartingHashKey=str(2**127))
    wait_active(kinesis, name)

    def ids(**shard_filter):
        return [s["ShardId"] for s in kinesis.list_shards(StreamName=name, ShardFilter=shard_filter)["Shards"]]

    assert ids(Type="AT_TIMESTAMP", Timestamp=before_split) == ["shardId-000000000000"]
    assert ids(Type="FROM_TIMESTAMP", Timestamp=before_split) == [
        "shardId-000000000000", "shardId-000000000001", "shardId-000000000002"]
    assert ids(Type="AT_LATEST") == ["shardId-000000000001", "shardId-000000000002"]
    assert ids(Type="AT_TRIM_HORIZON") == ["shardId-000000000000"]
