import AWSWire
import CloudClients
import Foundation
import Testing

@Suite("S3 buckets")
struct S3BucketTests {
    @Test func createHeadListDelete() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let head = try await client.send("HEAD", bucket: bucket)
            #expect(head.status == 200)
            #expect(head.header("x-amz-bucket-region") == "us-east-1")
            let list = try XMLTree.parse(try await client.expectSuccess("GET").body)
            let names = list.child("Buckets")?.children("Bucket").compactMap { $0.text(of: "Name") }
            #expect(names?.contains(bucket) == true)
            try await client.expectSuccess("DELETE", bucket: bucket)
            #expect(try await client.send("HEAD", bucket: bucket).status == 404)
        }
    }

    @Test func recreatingInUsEast1IsOkElsewhereAlreadyOwned() async throws {
        try await withEmulator { emulator, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            #expect(try await client.send("PUT", bucket: bucket).status == 200)
            let other = uniqueBucket("eu")
            try await client.createBucket(other, region: "eu-west-1")
            let again = try await client.send(
                "PUT", bucket: other,
                body: Data(
                    "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>"
                        .utf8))
            #expect(again.status == 409)
            #expect(again.errorCode == "BucketAlreadyOwnedByYou")
            let location = try await client.expectSuccess("GET", bucket: other, query: "location")
            #expect(try XMLTree.parse(location.body).text == "eu-west-1")
            let usLocation = try await client.expectSuccess("GET", bucket: bucket, query: "location")
            #expect(try XMLTree.parse(usLocation.body).text == "")
        }
    }

    @Test(arguments: [
        "ab", "UpperCase", "a_b", "-abc", "abc-", "a..b", "192.168.1.1", String(repeating: "a", count: 64),
    ])
    func invalidBucketNames(name: String) async throws {
        try await withEmulator { _, client in
            let response = try await client.send("PUT", bucket: name)
            #expect(response.status == 400)
            #expect(response.errorCode == "InvalidBucketName")
        }
    }

    @Test func locationConstraintRules() async throws {
        try await withEmulator { _, client in
            let usEast = try await client.send(
                "PUT", bucket: uniqueBucket(),
                body: Data(
                    "<CreateBucketConfiguration><LocationConstraint>us-east-1</LocationConstraint></CreateBucketConfiguration>"
                        .utf8))
            #expect(usEast.errorCode == "InvalidLocationConstraint")
            let bogus = try await client.send(
                "PUT", bucket: uniqueBucket(),
                body: Data(
                    "<CreateBucketConfiguration><LocationConstraint>mars-1</LocationConstraint></CreateBucketConfiguration>"
                        .utf8))
            #expect(bogus.errorCode == "InvalidLocationConstraint")
            var regional = client
            regional.signer.region = "eu-west-1"
            let unspecified = try await regional.send("PUT", bucket: uniqueBucket())
            #expect(unspecified.errorCode == "IllegalLocationConstraintException")
            let malformed = try await client.send("PUT", bucket: uniqueBucket(), body: Data("<Create".utf8))
            #expect(malformed.errorCode == "MalformedXML")
        }
    }

    @Test func deleteNonEmptyAndMissing() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(bucket: bucket, key: "k", body: Data("v".utf8))
            let notEmpty = try await client.send("DELETE", bucket: bucket)
            #expect(notEmpty.status == 409)
            #expect(notEmpty.errorCode == "BucketNotEmpty")
            let missing = try await client.send("DELETE", bucket: uniqueBucket())
            #expect(missing.status == 404)
            #expect(missing.errorCode == "NoSuchBucket")
        }
    }

    @Test func taggingRoundTripAndErrors() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            #expect(try await client.send("GET", bucket: bucket, query: "tagging").errorCode == "NoSuchTagSet")
            let tagging = "<Tagging><TagSet><Tag><Key>team</Key><Value>data</Value></Tag></TagSet></Tagging>"
            #expect(
                try await client.send("PUT", bucket: bucket, query: "tagging", body: Data(tagging.utf8)).status == 204)
            let tags = try XMLTree.parse(try await client.expectSuccess("GET", bucket: bucket, query: "tagging").body)
            #expect(tags.child("TagSet")?.child("Tag")?.text(of: "Key") == "team")
            let duplicate =
                "<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>a</Key><Value>2</Value></Tag></TagSet></Tagging>"
            #expect(
                try await client.send("PUT", bucket: bucket, query: "tagging", body: Data(duplicate.utf8)).errorCode
                    == "InvalidTag")
            #expect(
                try await client.send("PUT", bucket: bucket, query: "tagging", body: Data("<Tagging>".utf8)).errorCode
                    == "MalformedXML")
            #expect(try await client.send("DELETE", bucket: bucket, query: "tagging").status == 204)
            #expect(try await client.send("GET", bucket: bucket, query: "tagging").errorCode == "NoSuchTagSet")
        }
    }

    @Test func versioningConfiguration() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let initial = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "versioning").body)
            #expect(initial.child("Status") == nil)
            for status in ["Enabled", "Suspended"] {
                let body = "<VersioningConfiguration><Status>\(status)</Status></VersioningConfiguration>"
                try await client.expectSuccess("PUT", bucket: bucket, query: "versioning", body: Data(body.utf8))
                let current = try XMLTree.parse(
                    try await client.expectSuccess("GET", bucket: bucket, query: "versioning").body)
                #expect(current.text(of: "Status") == status)
            }
            let bad = "<VersioningConfiguration><Status>On</Status></VersioningConfiguration>"
            #expect(
                try await client.send("PUT", bucket: bucket, query: "versioning", body: Data(bad.utf8)).errorCode
                    == "MalformedXML")
        }
    }

    @Test func publicAccessBlockAndEncryption() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            #expect(
                try await client.send("GET", bucket: bucket, query: "publicAccessBlock").errorCode
                    == "NoSuchPublicAccessBlockConfiguration")
            let block =
                "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>"
            try await client.expectSuccess("PUT", bucket: bucket, query: "publicAccessBlock", body: Data(block.utf8))
            let read = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "publicAccessBlock").body)
            #expect(read.text(of: "BlockPublicAcls") == "true")
            #expect(read.text(of: "IgnorePublicAcls") == "false")
            #expect(try await client.send("DELETE", bucket: bucket, query: "publicAccessBlock").status == 204)

            let defaultRule = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "encryption").body)
            #expect(
                defaultRule.child("Rule")?.child("ApplyServerSideEncryptionByDefault")?.text(of: "SSEAlgorithm")
                    == "AES256")
            let sseS3 =
                "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>"
            try await client.expectSuccess("PUT", bucket: bucket, query: "encryption", body: Data(sseS3.utf8))
            let rule = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "encryption").body)
            #expect(rule.child("Rule")?.text(of: "BucketKeyEnabled") == "false")
            let put = try await client.send("PUT", bucket: bucket, key: "k", body: Data("v".utf8))
            #expect(put.header("x-amz-server-side-encryption") == "AES256")
            // SSE-KMS needs a KMS: refused (UnsupportedFeaturesTests), never stored and ignored.
        }
    }

    @Test func bucketPolicyIsValidatedAndKeptVerbatim() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            #expect(try await client.send("GET", bucket: bucket, query: "policy").errorCode == "NoSuchBucketPolicy")
            let policy = """
                {"Version":"2012-10-17","Statement":[{"Sid":"Databricks","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::414351767826:root"},\
                "Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:ListBucket","s3:GetBucketLocation"],\
                "Resource":["arn:aws:s3:::\(bucket)","arn:aws:s3:::\(bucket)/*"]}]}
                """
            #expect(
                try await client.send("PUT", bucket: bucket, query: "policy", body: Data(policy.utf8)).status == 204)
            #expect(try await client.expectSuccess("GET", bucket: bucket, query: "policy").text == policy)
            for malformed in [
                "not json",
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::\#(bucket)/*"}]}"#,
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::other-bucket/*"}]}"#,
            ] {
                let response = try await client.send("PUT", bucket: bucket, query: "policy", body: Data(malformed.utf8))
                #expect(response.status == 400)
                #expect(response.errorCode == "MalformedPolicy")
            }
            #expect(try await client.send("DELETE", bucket: bucket, query: "policy").status == 204)
            #expect(try await client.send("GET", bucket: bucket, query: "policy").errorCode == "NoSuchBucketPolicy")
        }
    }
}
