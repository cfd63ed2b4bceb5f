"""Kinesis seeds: every operation, in CBOR 1.1 and in JSON 1.1 (`X-Amz-Target: Kinesis_20131202.*`)."""

from __future__ import annotations

import base64
import time
from random import Random

from ..cbor import Tag
from .templates import kinesis_cbor, kinesis_json, rand_name


def seeds_kinesis(rng: Random, ctx: dict) -> list:
    stream, new = ctx["stream"], rand_name(rng)
    now_ms = int(time.time() * 1000)
    operations = [
        ("CreateStream", {"StreamName": new, "ShardCount": rng.choice([1, 2, 4])}),
        ("CreateStream", {"StreamName": new, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}),
        ("DescribeStream", {"StreamName": stream, "Limit": 1, "ExclusiveStartShardId": "shardId-000000000000"}),
        ("DescribeStreamSummary", {"StreamARN": ctx["stream_arn"]}),
        ("ListStreams", {"Limit": 10, "ExclusiveStartStreamName": "a"}),
        ("PutRecord", {"StreamName": stream, "Data": b"hello", "PartitionKey": "pk",
                       "ExplicitHashKey": str(rng.choice([0, 2 ** 127, 2 ** 128 - 1])),
                       "SequenceNumberForOrdering": ctx["sequence"]}),
        ("PutRecords", {"StreamName": stream, "Records": [{"Data": b"a" * rng.choice([1, 1000]),
                                                           "PartitionKey": f"p{i}"} for i in range(3)]}),
        ("GetShardIterator", {"StreamName": stream, "ShardId": "shardId-000000000000",
                              "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": Tag(1, now_ms)}),
        ("GetShardIterator", {"StreamName": stream, "ShardId": "shardId-000000000001",
                              "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": ctx["sequence"]}),
        ("GetRecords", {"ShardIterator": ctx["iterator"], "Limit": rng.choice([1, 10000])}),
        ("ListShards", {"StreamName": stream, "MaxResults": 1,
                        "ShardFilter": {"Type": "AT_TIMESTAMP", "Timestamp": Tag(1, now_ms)}}),
        ("ListShards", {"StreamName": stream, "ShardFilter": {"Type": "AFTER_SHARD_ID",
                                                              "ShardId": "shardId-000000000000"}}),
        ("IncreaseStreamRetentionPeriod", {"StreamName": stream, "RetentionPeriodHours": 48}),
        ("DecreaseStreamRetentionPeriod", {"StreamName": stream, "RetentionPeriodHours": 24}),
        ("SplitShard", {"StreamName": stream, "ShardToSplit": "shardId-000000000000",
                        "NewStartingHashKey": str(2 ** 126)}),
        ("MergeShards", {"StreamName": stream, "ShardToMerge": "shardId-000000000000",
                         "AdjacentShardToMerge": "shardId-000000000001"}),
        ("UpdateShardCount", {"StreamName": stream, "TargetShardCount": 4, "ScalingType": "UNIFORM_SCALING"}),
        ("AddTagsToStream", {"StreamName": stream, "Tags": {"a": "b"}}),
        ("ListTagsForStream", {"StreamName": stream, "Limit": 5}),
        ("RegisterStreamConsumer", {"StreamARN": ctx["stream_arn"], "ConsumerName": new}),
        ("ListStreamConsumers", {"StreamARN": ctx["stream_arn"], "MaxResults": 5,
                                 "StreamCreationTimestamp": Tag(1, now_ms)}),
        ("DescribeStreamConsumer", {"StreamARN": ctx["stream_arn"], "ConsumerName": "x"}),
        ("EnableEnhancedMonitoring", {"StreamName": stream, "ShardLevelMetrics": ["ALL"]}),
        ("StartStreamEncryption", {"StreamName": new, "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
        ("DeleteStream", {"StreamName": new, "EnforceConsumerDeletion": True}),
        ("DescribeLimits", {}),
    ]
    seeds = []
    for operation, members in operations:
        seeds.append(kinesis_cbor(operation, members))
        seeds.append(kinesis_json(operation, to_json_members(members)))
    return seeds


def to_json_members(value):
    """The JSON 1.1 form of CBOR members: blobs in base64, timestamps in epoch seconds."""
    if isinstance(value, dict):
        return {k: to_json_members(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json_members(v) for v in value]
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, Tag):
        return value.value / 1000
    return value
