# language: en
@feature-tag
Feature: Everything the grammar has
  A description
  on two lines.

  Background: Shared
    Given a bucket "fuzz"

  Rule: Outlines
    @rule-tag
    Scenario Outline: Eating <count>
      Given there are <start> cucumbers
      When I eat <count> cucumbers
      Then I should have <left> cucumbers
        """json
        {"left": <left>}
        """

      @examples-tag
      Examples: Some
        | start | count | left |
        |    12 |     5 |    7 |
        | 2\|0  |     5 | \n   |

  Rule: Tables
    Scenario: A table and a doc string
      Given the users:
        | name  | email          |
        | alice | a@example.com  |
      * a doc string:
        ```
        text with ``` inside \
        ```
      But nothing else
