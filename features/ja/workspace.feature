# language: ja
@databricks @ja
機能: Databricks ワークスペースのデプロイ（日本語）
  デプロイガイドどおりに、ルートバケット・クロスアカウントロール・認証情報・ストレージ設定を用意し、
  ワークスペースが RUNNING になることを確かめる。

  シナリオ: 標準構成のワークスペースが起動する
    前提 Databricksワークスペース "分析"
    ならば ワークスペース "分析" の状態は RUNNING
    かつ principal "分析-cross-account" is allowed to "ec2:RunInstances" on "*"

  シナリオ: 顧客管理VPCのワークスペースが起動する
    前提 顧客管理VPCのDatabricksワークスペース "secure"
    ならば ワークスペース "secure" の状態は RUNNING

  シナリオ: 外部IDが違うとワークスペースは作成できない
    前提 Databricksのルートバケットとして準備されたS3バケット "root"
    かつ an IAM role "cross-account" trusted by account "${databricks:aws}" with external id "違うID"
    もし I create a Databricks workspace "main" from role "cross-account" and root bucket "root"
    ならば ワークスペース "main" の状態は FAILED
