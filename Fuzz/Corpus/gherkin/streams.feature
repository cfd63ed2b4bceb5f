@kinesis
Feature: Kinesis streams for event ingestion

  Scenario: records written to a stream can all be read back
    Given a Kinesis stream "clicks" with 2 shards
    When I put 250 records into stream "clicks"
    Then stream "clicks" holds 250 records

  Scenario: a single-shard stream takes a large batch
    Given a Kinesis stream "audit" with 1 shard
    When I put 1200 records into stream "audit"
    Then stream "audit" holds 1200 records
