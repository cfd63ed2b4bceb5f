import FeatureRunner
import Foundation

extension ProvisioningSteps {
    /// Japanese phrasings of the most used steps, for features written in Japanese (`# language: ja`).
    static func registerJapanese(_ steps: inout StepRegistrar) {
        steps.add("S3バケット {string}", "S3 バケットを作成する（an S3 bucket）。", example: #"前提 S3バケット "landing""#) {
            context, step in
            try await context.createBucket(try step.argument(0))
        }
        steps.add(
            "Databricksのルートバケットとして準備されたS3バケット {string}",
            "バージョニングと Databricks 用バケットポリシー付きのバケット（prepared as a Databricks root bucket）。",
            example: #"前提 Databricksのルートバケットとして準備されたS3バケット "root""#
        ) { context, step in
            try await context.createRootBucket(try step.argument(0))
        }
        steps.add(
            "バケット {string} にオブジェクト {string} を内容 {string} で書き込む", "オブジェクトを書き込む。",
            example: #"もし バケット "landing" にオブジェクト "a.csv" を内容 "id" で書き込む"#
        ) { context, step in
            try await context.putObject(
                try step.string(1, in: context), into: try step.argument(0), content: try step.string(2, in: context))
        }
        steps.add(
            "バケット {string} のオブジェクト {string} の内容は {string}", "オブジェクトを読み、内容を比べる。",
            example: #"ならば バケット "landing" のオブジェクト "a.csv" の内容は "id""#
        ) { context, step in
            try await context.expectObject(
                try step.string(1, in: context), in: try step.argument(0), content: try step.string(2, in: context))
        }
        steps.add(
            "Databricksワークスペース {string}", "デプロイガイド全体を実行し、RUNNING まで待つ（a Databricks workspace）。",
            example: #"前提 Databricksワークスペース "analytics""#
        ) { context, step in
            try await context.deployWorkspace(try step.argument(0), plan: DeploymentPlan())
        }
        steps.add(
            "顧客管理VPCのDatabricksワークスペース {string}", "顧客管理 VPC・PrivateLink・プライベートアクセス設定付き。",
            example: #"前提 顧客管理VPCのDatabricksワークスペース "secure""#
        ) { context, step in
            try await context.deployWorkspace(try step.argument(0), plan: DeploymentPlan(customerManagedVPC: true))
        }
        steps.add(
            "ワークスペース {string} の状態は {word}", "ワークスペースがこの状態になるまで待つ（workspace ... is ...）。",
            example: #"ならば ワークスペース "analytics" の状態は RUNNING"#
        ) { context, step in
            try await context.waitForWorkspace(try step.argument(0), toBe: try step.argument(1))
        }
        steps.add(
            "シャード数 {int} のKinesisストリーム {string}", "ストリームを作成し ACTIVE まで待つ。",
            example: #"前提 シャード数 2 のKinesisストリーム "clicks""#
        ) { context, step in
            try await context.createStream(try step.argument(1), shards: try step.argument(0))
        }
        steps.add(
            "ストリーム {string} に {int} 件のレコードを書き込む", "PutRecords でレコードを書き込む。",
            example: #"もし ストリーム "clicks" に 100 件のレコードを書き込む"#
        ) { context, step in
            try await context.putRecords(try step.argument(1), into: try step.argument(0))
        }
        steps.add(
            "ストリーム {string} には {int} 件のレコードがある", "全シャードを先頭から読み、件数を数える。",
            example: #"ならば ストリーム "clicks" には 100 件のレコードがある"#
        ) { context, step in
            try await context.expectRecords(try step.argument(1), in: try step.argument(0))
        }
    }
}
