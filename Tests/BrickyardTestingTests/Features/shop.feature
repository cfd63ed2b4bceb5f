@shop
Feature: Shop
  A cart, its items and its total.

  Background:
    Given an empty cart

  Scenario: adding items
    When I add 3 apples
    Then the cart holds 3 items

  Scenario Outline: totals of <count> items
    When I add <count> apples
    Then the cart holds <count> items

    Examples:
      | count |
      | 1     |
      | 12    |

  Rule: a cart has a limit
    Scenario: the limit
      When I add 100 apples
      Then the cart is full
