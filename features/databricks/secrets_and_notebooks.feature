@databricks
Feature: Secrets and notebooks in a workspace

  Background:
    Given a Databricks workspace "main"

  Scenario: a secret is stored and listed by name only
    When I put secret "db-password" with value "s3cr3t-value" in scope "app" of workspace "main"
    Then scope "app" of workspace "main" lists secret "db-password"

  Scenario: a notebook runs as a job and succeeds
    When I import notebook "hello" into workspace "main":
      """python
      print("hello from ${run}")
      dbutils.notebook.exit("done")
      """
    And I run notebook "hello" as a job in workspace "main"
    Then the last job run in workspace "main" is SUCCESS

  Scenario: a notebook that raises makes its job run fail
    When I import notebook "broken" into workspace "main":
      """python
      raise ValueError("bad input")
      """
    And I run notebook "broken" as a job in workspace "main"
    Then the last job run in workspace "main" is FAILED

  Scenario: a cluster starts in a new workspace
    When I create a cluster "interactive" in workspace "main"
    Then cluster "interactive" in workspace "main" is RUNNING
